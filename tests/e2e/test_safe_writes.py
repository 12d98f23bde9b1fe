"""Killing an audit while it writes its report leaves the earlier report whole."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tests.conftest import ROOT, SEEDS

# The real CLI, with the report's bytes trickled out slowly so the parent can kill it mid-write.
SLOW_CLI = textwrap.dedent("""
    import os, sys, time
    import factcheck.io as fio

    real_fdopen = os.fdopen
    real_atomic_write = fio.atomic_write
    state = {"slow": False}

    def atomic_write(path, data, **kwargs):
        state["slow"] = str(path).endswith(".md")  # slow down the Markdown report only
        return real_atomic_write(path, data, **kwargs)

    fio.atomic_write = atomic_write

    class Slow:
        def __init__(self, fh):
            self.fh = fh
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self.fh.__exit__(*exc)
        def write(self, data):
            if not state["slow"]:
                return self.fh.write(data)
            print("writing", flush=True)
            for i in range(0, len(data), 64):
                self.fh.write(data[i:i + 64])
                self.fh.flush()
                time.sleep(0.02)
        def flush(self):
            self.fh.flush()
        def fileno(self):
            return self.fh.fileno()

    fio.os.fdopen = lambda fd, mode="r", *a, **k: Slow(real_fdopen(fd, mode, *a, **k))
    os.environ["FACTCHECK_EMBEDDER"] = "hashing"
    from factcheck.cli import main
    main(sys.argv[1:])
""")


def test_killed_while_writing_keeps_the_old_report(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    old = "# the previous report\n\nstill whole\n"
    (reports / "seeds.md").write_text(old)
    script = tmp_path / "slow_cli.py"
    script.write_text(SLOW_CLI)
    proc = subprocess.Popen(
        [sys.executable, str(script), "audit", str(SEEDS), "--no-cache", "--exit-zero", "--format", "json",
         "-o", str(tmp_path / "out.json"), "--reports-dir", str(reports)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        deadline = time.time() + 300
        line = ""
        while time.time() < deadline and "writing" not in line:
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                break
        assert "writing" in line, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.3)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert (reports / "seeds.md").read_text() == old
    assert not (tmp_path / "out.json").exists()
    # Besides the interrupted temporary file (hidden), only files written whole before the kill may be there.
    visible = sorted(p.name for p in reports.iterdir() if not p.name.startswith("."))
    assert visible in (["seeds.md"], ["seeds-coverage.svg", "seeds.md"])
    if "seeds-coverage.svg" in visible:
        svg = (reports / "seeds-coverage.svg").read_text()
        assert svg.startswith("<svg") and svg.endswith("</svg>\n")
