"""The README's Layout names every module of the package, one row each, and nothing that is not there."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def _layout_rows() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([^`]+)` \|", section, re.M)


def test_the_layout_lists_every_module_once() -> None:
    package = ROOT / "factcheck"
    modules = {p.relative_to(package).as_posix() for p in package.rglob("*.py") if "data" not in p.parts}
    rows = [r for r in _layout_rows() if r.endswith(".py")]
    assert len(rows) == len(set(rows)), "a module listed twice"
    assert set(rows) == modules
    assert "data/" in _layout_rows()
