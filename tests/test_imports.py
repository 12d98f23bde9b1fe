"""factcheck/imports.py: a package hidden while a library loads looks absent to the loading thread only, never when
it is already imported, and is importable again after the block."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from factcheck.imports import without
from tests.conftest import ROOT


def test_a_hidden_package_fails_to_import_in_this_thread_only_and_comes_back() -> None:
    script = (
        "import sys, threading\n"
        "from factcheck.imports import without\n"
        "seen = []\n"
        "with without('wave', 'tabnanny'):\n"
        "    try:\n"
        "        import wave\n"
        "        seen.append('wave imported')\n"
        "    except ImportError as e:\n"
        "        seen.append(str(e))\n"
        "    t = threading.Thread(target=lambda: seen.append(__import__('tabnanny').__name__))\n"
        "    t.start(); t.join()\n"
        "import wave\n"
        "seen.append(wave.__name__)\n"
        "print('|'.join(seen))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "wave is not needed here|tabnanny|wave"  # hidden here; another thread; back after


def test_an_imported_package_is_never_hidden() -> None:
    import json

    with without("json"):
        assert importlib.import_module("json") is json
    assert not any(type(h).__name__ == "_Absent" for h in sys.meta_path)


def test_the_hook_is_gone_after_an_error() -> None:
    with pytest.raises(RuntimeError), without("surely_not_installed_pkg"):
        raise RuntimeError("boom")
    assert not any(type(h).__name__ == "_Absent" for h in sys.meta_path)
