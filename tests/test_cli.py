"""The real command, as a user runs it: exit codes, errors without tracebacks, output files.

Most runs are in process (:mod:`tests.clirun`: the same ``main``, the packaged model loaded once); the console
script and a bad input's exit code are checked in real processes, as a shell sees them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.version import __version__
from tests.clirun import run_cli
from tests.conftest import ROOT, SEEDS


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``factcheck ARGS`` in process, with the packaged model (as a user's environment has it)."""
    return run_cli(args, cwd, env={"FACTCHECK_EMBEDDER": None})


def run_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m factcheck ARGS`` in a process of its own."""
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_EMBEDDER", "FACTCHECK_DEBUG")}
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env=env)


@pytest.mark.parametrize("setup, words", [
    (lambda d: d / "empty", "no article files"),
    (lambda d: d / "missing.txt", "no such file"),
])
def test_bad_paths(tmp_path: Path, setup, words: str) -> None:
    (tmp_path / "empty").mkdir()
    result = run("audit", str(setup(tmp_path)), cwd=tmp_path)
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x01")
    result = run("audit", str(tmp_path / "scan.txt"), cwd=tmp_path)
    assert result.returncode == 2 and "PDF" in result.stderr and "Traceback" not in result.stderr


def test_binary_file_in_a_real_process(tmp_path: Path) -> None:
    """The exit code and the one-line error as a shell sees them, from a process of its own."""
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x01")
    result = run_process("audit", str(tmp_path / "scan.txt"), cwd=tmp_path)
    assert result.returncode == 2 and "PDF" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_console_script_runs(tmp_path: Path) -> None:
    """The installed ``factcheck`` command (the console script, not ``python -m``) starts and names its version."""
    script = Path(sys.executable).parent / ("factcheck.exe" if os.name == "nt" else "factcheck")
    assert script.is_file(), f"no console script beside {sys.executable}: is the package installed?"
    result = subprocess.run([str(script), "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"factcheck, version {__version__}", result.stdout


def test_json_twice_same_bytes_and_markdown_written(seeds_cli: Path, tmp_path: Path) -> None:
    """The first run (cold, empty cache) is ``seeds_cli``'s; the second runs on its cache, in a copy."""
    shutil.copytree(seeds_cli, tmp_path, dirs_exist_ok=True)
    out1, out2 = tmp_path / "a.json", tmp_path / "b.json"
    r2 = run("audit", str(SEEDS), "--format", "json", "-o", str(out2), "--exit-zero", cwd=tmp_path)
    assert r2.returncode == 0, r2.stderr
    assert out1.read_bytes() == out2.read_bytes()
    assert (tmp_path / "reports" / "seeds.md").is_file()
    assert json.loads(out1.read_text())["summary"]["sources"] == 5


def test_single_article_says_nothing_to_compare(tmp_path: Path) -> None:
    result = run("audit", str(SEEDS / "003_998704dbdea93a8f.txt"), "--format", "json", "--exit-zero",
                 "--no-markdown", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert any("nothing to compare" in n for n in data["notes"])
    assert data["findings"] == []


def test_fail_on_exit_codes(seeds_cli: Path, tmp_path: Path) -> None:
    shutil.copytree(seeds_cli / "claims", tmp_path / "claims")  # the seeds' claims and vectors, already computed
    result = run("audit", str(SEEDS), "--format", "json", "--no-markdown", "--fail-on", "error", cwd=tmp_path)
    assert result.returncode == 1
    result = run("audit", str(SEEDS), "--format", "json", "--no-markdown", "--fail-on", "never", cwd=tmp_path)
    assert result.returncode == 0


def test_package_runs_from_repo_root() -> None:
    assert (ROOT / "factcheck" / "__main__.py").is_file()
