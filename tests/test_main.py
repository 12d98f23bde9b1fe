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


def test_the_command_sets_one_blas_thread_before_numpy_loads_unless_the_user_chose() -> None:
    """``import factcheck.cli`` loads no numpy, so the command's one-thread BLAS setting reaches OpenBLAS; a value
    the user set is kept; the library imported alone changes nothing."""
    import os

    script = (
        "import os, sys\n"
        "import factcheck, factcheck.cli\n"
        "before = 'numpy' in sys.modules, os.environ.get('OPENBLAS_NUM_THREADS')\n"
        "try:\n"
        "    factcheck.cli.main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "from threadpoolctl import threadpool_info\n"
        "import numpy\n"
        "blas = sorted({i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'})\n"
        "print(*before, os.environ['OPENBLAS_NUM_THREADS'], blas, file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stderr.split() == ["False", "None", "1", "[1]"]
    chosen = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            env={**env, "OPENBLAS_NUM_THREADS": "2"})
    assert chosen.returncode == 0, chosen.stderr
    assert chosen.stderr.split() == ["False", "2", "2", "[2]"]
