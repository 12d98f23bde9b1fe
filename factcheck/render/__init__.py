"""Stage 6, render: every output format, each built from the same report records."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from json import dumps as json_dumps  # (``json`` is this package's JSON renderer module)
from pathlib import Path
from typing import Any

from factcheck.models import OutputFormat, Report
from factcheck.render.github import render_github
from factcheck.render.html import render_html
from factcheck.render.json import render_json
from factcheck.render.junit import render_junit
from factcheck.render.markdown import render_markdown
from factcheck.render.records import as_records
from factcheck.render.sarif import render_sarif
from factcheck.render.terminal import render_rich

__all__ = ["render", "render_github", "render_html", "render_json", "render_junit", "render_markdown",
           "render_rich", "render_sarif"]


def render(report: Report, fmt: OutputFormat | str, *, title: str = "factcheck audit",
           baseline: dict[str, Any] | None = None, checks: Sequence[str] | None = None,
           severities: Mapping[str, str] | None = None, root: Path | None = None, width: int = 120) -> str:
    """The report in ``fmt`` as text (Rich is rendered without colour, ``width`` columns wide).

    Args:
        baseline: the ``baseline`` object of the JSON report, when a baseline was applied (the Rich and Markdown
            reports show it through the note :func:`factcheck.baseline.apply_baseline` adds).
        checks: the finding kinds that were checked (JUnit reports the others as skipped).
        severities: the configured severity per kind (SARIF rules' default levels).
        root: the folder paths are made relative to in GitHub, JUnit and SARIF output (default: the working folder).
    """
    fmt = OutputFormat(fmt)
    if fmt is OutputFormat.JSON:
        if baseline is None:
            return render_json(report)
        records = {**as_records(report), "baseline": baseline}
        return json_dumps(records, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    if fmt is OutputFormat.MARKDOWN:
        return render_markdown(report, title=title)
    if fmt is OutputFormat.HTML:
        return render_html(report, title=title, records=as_records(report) if baseline is None
                           else {**as_records(report), "baseline": baseline})
    if fmt is OutputFormat.GITHUB:
        return render_github(report, root=root, baseline=baseline)
    if fmt is OutputFormat.JUNIT:
        return render_junit(report, root=root, checks=checks, baseline=baseline)
    if fmt is OutputFormat.SARIF:
        return render_sarif(report, root=root, severities=severities, baseline=baseline)
    from rich.console import Console

    buf = io.StringIO()
    render_rich(report, Console(file=buf, width=width, force_terminal=False, color_system=None), title=title)
    return buf.getvalue()
