"""Stages never import the CLI or a renderer; align never imports sentence-transformers."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "factcheck"
STAGES = ["load.py", "claims.py", "embed.py", "align.py", "compare.py", "models.py", "config.py", "wording.py"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
    return names


def test_stages_do_not_import_cli_or_render() -> None:
    files = [PKG / s for s in STAGES] + list((PKG / "checks").glob("*.py")) + list((PKG / "extract").glob("*.py"))
    for path in files:
        bad = {m for m in _imports(path) if m.startswith(("factcheck.cli", "factcheck.render"))}
        assert not bad, f"{path.name} imports {bad}"


def test_align_does_not_import_the_model() -> None:
    assert not any("sentence_transformers" in m for m in _imports(PKG / "align.py"))


def test_renderers_do_not_recompute_analysis() -> None:
    for path in (PKG / "render").glob("*.py"):
        bad = {m for m in _imports(path) if m.startswith(("factcheck.align", "factcheck.checks", "factcheck.claims",
                                                          "factcheck.embed"))}
        assert not bad, f"{path.name} imports {bad}"
