"""The coverage picture (factcheck/render/heatmap.py): an SVG when sources share claims, none for one source; the
same report gives the same bytes, every cell is a group and a source, and text is escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from factcheck.render.heatmap import COLOURS, _draw, coverage_svg
from factcheck.render.summary import matrix_groups
from tests.render.report import small_report

SVG = "{http://www.w3.org/2000/svg}"


def test_an_svg_for_two_sources_and_none_for_one() -> None:
    report = small_report()
    svg = coverage_svg(report)
    assert svg is not None and coverage_svg(report) == svg
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag == f"{SVG}svg"
    groups, _ = matrix_groups(report)
    cells = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(cells) == len(groups) * len(report.sources)
    assert {c.get("fill") for c in cells} <= set(COLOURS)
    tips = [c.find(f"{SVG}title").text for c in cells]  # type: ignore[union-attr]
    assert all(any(t.startswith(f"{g.id}, ") for g in groups) for t in tips)
    assert coverage_svg(replace(report, sources=report.sources[:1])) is None


def test_source_ids_and_claim_words_are_escaped() -> None:
    svg = _draw(["wire<&>", "daily"], ["g1"], [[1, 2]], ['Smith said "<b>" & more  (g1)'])
    root = ET.fromstring(svg)
    assert "<b>" not in svg and "wire&lt;&amp;&gt;" in svg
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert 'Smith said "<b>" & more  (g1)' in texts and "wire<&>" in texts


def test_the_margin_fits_the_longest_label() -> None:
    short = ET.fromstring(_draw(["a", "b"], ["g1"], [[1, 0]], ["x  (g1)"]))
    long = ET.fromstring(_draw(["a", "b"], ["g1"], [[1, 0]], ["x" * 50 + "  (g1)"]))
    assert float(long.get("width", 0)) - float(short.get("width", 0)) >= 40 * 6
