"""The HTML report's view model and page (factcheck/render/html.py), without a browser: sources by letter, every
finding in the view, article text escaped."""

from __future__ import annotations

import pytest

from factcheck.render.html import build_view, render_html, source_letter
from tests.render.report import small_report


@pytest.mark.parametrize("k, letter", [(0, "A"), (1, "B"), (25, "Z"), (26, "27"), (27, "28")])  # numbers after Z
def test_source_letter(k: int, letter: str) -> None:
    assert source_letter(k) == letter


def test_view_holds_every_finding_and_source() -> None:
    report = small_report()
    view = build_view(report, title="t")
    assert [c["id"] for c in view["cards"]] == [f.id for f in report.findings]
    assert view["letters"] == {"a": "A", "b": "B"} and len(view["texts"]) == len(report.sources)


def test_page_is_one_document_with_the_title_escaped() -> None:
    page = render_html(small_report(), title="<script>x</script>")
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
