"""factcheck/imports.py: a package hidden while a library loads looks absent to the loading thread only, never when
it is already imported, and is importable again after the block."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from factcheck.imports import without
from tests.conftest import ROOT


def _run(script: str) -> str:
    """``script``'s standard output, run in a fresh interpreter (imports are per process)."""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


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
    assert _run(script) == "wave is not needed here|tabnanny|wave"  # hidden here; another thread; back after


def test_an_imported_package_is_never_hidden() -> None:
    import json

    with without("json"):
        assert importlib.import_module("json") is json
    assert not any(type(h).__name__ == "_Absent" for h in sys.meta_path)


def test_the_hook_is_gone_after_an_error() -> None:
    with pytest.raises(RuntimeError), without("surely_not_installed_pkg"):
        raise RuntimeError("boom")
    assert not any(type(h).__name__ == "_Absent" for h in sys.meta_path)


def test_a_stand_in_imports_the_real_module_only_when_a_name_is_called() -> None:
    script = (
        "import sys\n"
        "from factcheck.imports import stand_in\n"
        "with stand_in('colorsys', 'rgb_to_hsv', 'hsv_to_rgb'):\n"
        "    from colorsys import rgb_to_hsv, hsv_to_rgb\n"
        "    inside = 'colorsys' in sys.modules and not hasattr(sys.modules['colorsys'], 'rgb_to_yiq')\n"
        "    early = hsv_to_rgb(0.0, 0.0, 1.0)  # called while the block runs: the real one\n"
        "after = 'colorsys' in sys.modules\n"
        "print(inside, early, after, rgb_to_hsv(1.0, 0.0, 0.0), hasattr(sys.modules['colorsys'], 'rgb_to_yiq'))\n"
    )
    assert _run(script).split(maxsplit=4) == ["True", "(1.0,", "1.0,", "1.0)", "True (0.0, 1.0, 1.0) True"]


def test_a_stand_in_is_gone_after_the_block_and_never_replaces_an_imported_module() -> None:
    script = (
        "import sys, json\n"
        "from factcheck.imports import stand_in\n"
        "with stand_in('json', 'dumps'):\n"
        "    same = sys.modules['json'] is json\n"
        "with stand_in('colorsys', 'rgb_to_hsv'):\n"
        "    pass\n"
        "import colorsys\n"
        "print(same, hasattr(colorsys, 'rgb_to_yiq'))\n"
    )
    assert _run(script).split() == ["True", "True"]


@pytest.mark.slow
def test_spacy_loads_without_its_command_line_and_spacy_info_still_works() -> None:
    """spaCy's command line (typer, weasel, requests, httpx) is not imported when the pipeline loads; ``spacy.info``
    imports it when called."""
    script = (
        "import sys\n"
        "from factcheck import pipeline\n"
        "pipeline.tagger().load()\n"
        "import spacy\n"
        "before = [m in sys.modules for m in ('spacy.cli', 'typer', 'weasel', 'requests', 'httpx')]\n"
        "print(*before, 'spacy_version' in spacy.info(), 'spacy.cli' in sys.modules)\n"
    )
    assert _run(script).split() == ["False"] * 5 + ["True", "True"]
