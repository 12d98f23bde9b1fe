"""The Markdown report (factcheck/render/markdown.py): the title, each finding's message, article text escaped."""

from __future__ import annotations

from factcheck.render.markdown import render_markdown
from tests.render.report import small_report


def test_markdown_holds_the_title_and_every_finding() -> None:
    report = small_report()
    md = render_markdown(report, title="Athens *blast*")
    assert md.startswith("# ") and "Athens \\*blast\\*" in md.splitlines()[0]
    assert report.findings
    for f in report.findings:
        assert f.kind.value.replace("_", " ") in md.lower() or f.kind.value in md


def test_same_report_same_markdown() -> None:
    assert render_markdown(small_report()) == render_markdown(small_report())
