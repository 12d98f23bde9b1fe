"""GitHub Actions renderer: one workflow command per finding and source file, so each finding shows as an
annotation on the article's lines in a pull request.

    ::error file=articles/a.txt,line=5,col=12,endLine=5,endColumn=40,title=quote_divergence::Quotation of …

Severity ``error`` becomes ``::error``, ``warning`` ``::warning`` and ``info`` ``::notice``. Values are escaped as
GitHub's toolkit does: ``%``, ``\\r`` and ``\\n`` everywhere, and ``:`` and ``,`` inside properties.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.models import Report
from factcheck.render.locate import Locator
from factcheck.render.records import as_records
from factcheck.render.safe import printable
from factcheck.render.summary import named

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A command's message: ``%``, carriage return and line feed escaped (other control characters made visible)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(text)


def escape_property(text: str) -> str:
    """A command's property value: as :func:`escape_data`, and ``:`` and ``,`` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: Any) -> str:
    """One workflow command line, ``::level prop=value,…::message``; properties that are ``None`` are left out."""
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def render_github(report: Report, root: Path | None = None, baseline: dict[str, Any] | None = None) -> str:
    """Workflow commands for every finding: one annotation per source the finding cites, placed on that source's
    first piece of evidence. ``baseline`` (the JSON report's ``baseline`` object) adds a notice about stale entries.
    """
    records = as_records(report)
    locator = Locator({a.id: a for a in report.articles}, {s["id"]: s["path"] for s in records["sources"]}, root)
    lines: list[str] = []
    for f in records["findings"]:
        level = LEVELS[f["severity"]]
        rank = f"#{f['rank']} " if f["rank"] else ""
        message = f"{rank}{named(report, f['message'])} [{f['id']}]"
        done: set[str] = set()
        for e in f["evidence"]:
            if e["source"] in done:
                continue
            done.add(e["source"])
            pos = locator.position(e["source"], e["start"], e["end"])
            lines.append(command(level, message, file=pos.file, line=pos.line, col=pos.column, endLine=pos.end_line,
                                 endColumn=pos.end_column, title=f["kind"]))
    for note in records["notes"]:
        lines.append(command("notice", note, title="factcheck note"))
    if baseline and baseline.get("stale"):
        stale = baseline["stale"]
        ids = ", ".join(e["id"] for e in stale[:20]) + (", …" if len(stale) > 20 else "")
        lines.append(command("notice", f"{len(stale)} baseline entries in {baseline.get('file')} no longer match any "
                             f"finding and can be removed: {ids}", title="factcheck baseline"))
    return "".join(line + "\n" for line in lines)
