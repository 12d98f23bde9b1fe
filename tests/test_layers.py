"""Stages never import the CLI or a renderer; align never imports sentence-transformers."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "factcheck"
STAGES = ["claims.py", "embed.py", "align.py", "pipeline.py", "models/__init__.py", "models/lineage.py", "lineage.py",
          "config.py", "wording.py"]


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
    files = [PKG / s for s in STAGES] + [p for sub in ("checks", "extract", "load") for p in (PKG / sub).glob("*.py")]
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


def test_the_layers_contract_holds() -> None:
    """import-linter's layered contract (``[tool.importlinter]`` in pyproject.toml): each module imports only from
    the layers below its own, and the renderers never import the checks."""
    import os

    from importlinter.cli import lint_imports

    root = PKG.parent
    cwd = os.getcwd()
    os.chdir(root)
    try:
        assert lint_imports(config_filename=str(root / "pyproject.toml")) == 0
    finally:
        os.chdir(cwd)
