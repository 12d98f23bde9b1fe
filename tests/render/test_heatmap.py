"""The coverage picture (factcheck/render/heatmap.py): a PNG when sources share claims, none for one source, the
same bytes read back from its cache."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factcheck.render.heatmap import coverage_png
from tests.render.report import small_report

pytest.importorskip("matplotlib")


def test_a_png_for_two_sources_and_none_for_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    report = small_report()
    png = coverage_png(report, cache_dir=tmp_path)
    assert png is not None and png.startswith(b"\x89PNG")
    assert coverage_png(report, cache_dir=tmp_path) == png  # read back from the cache
    assert list((tmp_path / "heatmaps").glob("*.png"))
    assert coverage_png(replace(report, sources=report.sources[:1])) is None
