"""Shared fixtures: the seed articles, a deterministic fake embedder, and the real packaged model (loaded once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Config
from factcheck.embed import HashingEmbedder

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "corpora" / "polnear"


@pytest.fixture()
def fake_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture()
def config(tmp_path: Path) -> Config:
    return Config(cache_dir=str(tmp_path / "claims"), reports_dir=str(tmp_path / "reports"))


@pytest.fixture(scope="session")
def real_embedder():
    """The default model (int8 ONNX), loaded once per test run; the in-process CLI runs (``tests.clirun``) share it."""
    from tests.clirun import shared_embedder

    return shared_embedder()


@pytest.fixture(scope="session")
def seed_report(real_embedder, tmp_path_factory):
    import factcheck

    cache = tmp_path_factory.mktemp("claims")
    return factcheck.audit([SEEDS], Config(cache_dir=str(cache), use_cache=False), embedder=real_embedder)


@pytest.fixture(scope="session")
def seeds_cli(real_embedder, tmp_path_factory) -> Path:
    """A folder where ``factcheck audit <seeds> --format json -o a.json --exit-zero`` ran once, in process, with the
    packaged model: ``a.json``, ``reports/seeds.md`` and a warm ``claims/`` cache. Tests copy what they run on
    (``shutil.copytree``), so none of them sees another's writes."""
    from tests.clirun import run_cli

    folder = tmp_path_factory.mktemp("seeds-cli")
    result = run_cli(["audit", str(SEEDS), "--format", "json", "-o", str(folder / "a.json"), "--exit-zero"], folder,
                     env={"FACTCHECK_EMBEDDER": None})
    assert result.returncode == 0, result.stderr
    return folder


#: Fixtures that load the real model or run a whole audit on it: a test that uses one (directly or through another
#: fixture) is slow, and ``make test-fast`` leaves it out.
_SLOW_FIXTURES = frozenset({"real_embedder", "seed_report", "seeds_cli"})


#: Test modules that run the CLI (in process or in subprocesses), whole audits of many articles, processes or Dask,
#: the corpus, the browser or Hypothesis over whole audits: slow as a whole (``make test-fast`` leaves them out).
_SLOW_MODULES = frozenset({"test_bad_input", "test_formats", "test_properties", "test_baseline", "test_cli",
                           "test_polnear", "test_language", "test_scale", "test_embed", "test_html", "test_config",
                           "test_batch"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        module = getattr(item, "module", None)
        if _SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or (
                module is not None and module.__name__.rsplit(".", 1)[-1] in _SLOW_MODULES):
            item.add_marker(pytest.mark.slow)
