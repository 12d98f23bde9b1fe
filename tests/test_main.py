"""``python -m factcheck`` (factcheck/__main__.py) is the same command as ``factcheck``."""

from __future__ import annotations

import subprocess
import sys


def test_module_runs_the_cli() -> None:
    out = subprocess.run([sys.executable, "-m", "factcheck", "--help"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "audit" in out.stdout
    bad = subprocess.run([sys.executable, "-m", "factcheck", "no-such-command"], capture_output=True, text=True,
                         timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
