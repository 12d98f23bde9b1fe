"""Packaging: the distribution's name (``factcheck`` on PyPI is another project), its version from one place, and
every data file the package reads declared as package data (so ``pip install .`` ships it)."""

from __future__ import annotations

import fnmatch
import tomllib
from importlib import metadata

from factcheck.version import __version__
from tests.conftest import ROOT

DISTRIBUTION = "factcheck-news"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_distribution_name_and_console_script() -> None:
    project = PYPROJECT["project"]
    assert project["name"] == DISTRIBUTION
    assert project["scripts"] == {"factcheck": "factcheck.cli:main"}, "the command and the import name stay factcheck"


def test_version_has_one_source() -> None:
    assert "version" in PYPROJECT["project"]["dynamic"] and "version" not in PYPROJECT["project"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "factcheck.version.__version__"}
    assert metadata.version(DISTRIBUTION) == __version__


def test_every_data_file_is_package_data() -> None:
    """A file under ``factcheck/`` that is not Python is shipped only when a package-data pattern names it."""
    declared = PYPROJECT["tool"]["setuptools"]["package-data"]
    package = ROOT / "factcheck"
    from factcheck.render.html import COMPILED  # templates compiled on this machine at setup: never shipped

    data = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"
            and COMPILED not in p.parents]
    assert any(p.parent.name == "data" for p in data) and any(p.suffix == ".j2" for p in data)
    missing = []
    for path in data:
        rel = path.relative_to(package)
        owners = [rel.parts[:i] for i in range(len(rel.parts) - 1, -1, -1)]  # the closest package first
        if not any(fnmatch.fnmatch("/".join(rel.parts[len(owner):]), pattern)
                   for owner in owners for pattern in declared.get(".".join(("factcheck", *owner)), [])):
            missing.append(str(rel))
    assert missing == [], f"not declared in [tool.setuptools.package-data]: {missing}"
