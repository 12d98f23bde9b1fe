"""``python -m factcheck.render --compile``: compile the HTML templates ahead (``make setup`` runs it; see
``factcheck.render.html.COMPILED``)."""

import os
import sys

from factcheck.render.html import COMPILED, compile_templates

if sys.argv[1:] == ["--compile"]:
    print(f"compiled {', '.join(compile_templates())} into {os.path.relpath(COMPILED)}")
else:
    print("usage: python -m factcheck.render --compile")
    sys.exit(2)
