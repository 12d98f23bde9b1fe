"""Rebuild factcheck/data/first_names.txt from the nomquamgender package's name data (pip, MIT licence).

    pip download --no-deps nomquamgender==0.1.4 && unzip nomquamgender-*.whl -d /tmp/nqg
    python tools/first_names.py /tmp/nqg/nomquamgender/name_data.json > factcheck/data/first_names.txt
"""

from __future__ import annotations

import json
import re
import sys

HEADER = """# First names that tell a person's gender (f or m), for matching "he" and "she" to the right person.
# Derived from the name_data.json of the nomquamgender 0.1.4 package (pip, MIT licence, Copyright (c) 2022 Ian Van
# Buskirk): names seen at least 1,000 times whose probability of being female is at most 0.1 (m) or at least 0.9 (f).
# Rebuild with tools/first_names.py.
"""


def main(path: str) -> None:
    data = json.load(open(path, encoding="utf-8"))
    out = []
    for name, (_sources, count, p_female, *_rest) in data.items():
        if re.fullmatch(r"[a-z][a-z'-]{1,14}", name) and count >= 1000 and (p_female <= 0.1 or p_female >= 0.9):
            out.append((name, "m" if p_female <= 0.1 else "f"))
    sys.stdout.write(HEADER + "".join(f"{g} {n}\n" for n, g in sorted(out)))


if __name__ == "__main__":
    main(sys.argv[1])
