"""A batch of stories in one output: the index report, and each format's per-story outputs put together."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from factcheck.models import OutputFormat, Report
from factcheck.render.safe import md_inline

BATCH_SCHEMA = "factcheck.batch/1"


def render_index(stories: Sequence[tuple[str, str, Report]], notes: Sequence[str], name: str, prefix: str) -> str:
    """The Markdown index of a batch: one row per story with its sources and most serious findings."""
    lines = [f"# factcheck batch: {md_inline(name)}", "",
             f"**{len(stories)} stories** from {sum(len(r.sources) for _, _, r in stories)} articles.", ""]
    for note in notes:
        lines.append(f"> {md_inline(note)}")
    if notes:
        lines.append("")
    lines += ["| story | articles | dates | outlets | claims | errors | warnings | notes | top finding |",
              "| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | --- |"]
    for sid, title, report in stories:
        sev = {s: sum(1 for f in report.findings if f.severity.value == s) for s in ("error", "warning", "info")}
        top = report.findings[0].message if report.findings else (
            "only one article: nothing to compare it with" if len(report.sources) < 2 else "no findings")
        top = top if len(top) <= 100 else top[:99] + "…"
        lines.append(f"| [{md_inline(title)}]({prefix}{sid}.md) | {len(report.sources)} | {_dates(report)} | "
                     f"{md_inline(', '.join(report.story.outlets)) if report.story else ''} | {len(report.claims)} | "
                     f"{sev['error']} | {sev['warning']} | {sev['info']} | {md_inline(top)} |")
    return "\n".join(lines) + "\n"


def _dates(report: Report) -> str:
    """The story's date span, flagged when its articles lie far apart in time (``StoryInfo.far_apart``)."""
    info = report.story
    if info is None or info.first is None or info.last is None:
        return ""
    span = info.first.isoformat() if info.first == info.last else f"{info.first.isoformat()} – {info.last.isoformat()}"
    return f"{span} ⚠ {info.span_days} days apart" if info.far_apart else span


def combine(fmt: OutputFormat, parts: Sequence[tuple[str, str, str]], stories: Sequence[tuple[str, str, Report]],
            notes: Sequence[str], name: str) -> str:
    """Put the per-story outputs of one format together: a JSON batch object, one SARIF log with a run per
    story, one JUnit document with a suite per story, GitHub lines one after another, Markdown and Rich text with
    a heading per story."""
    if fmt is OutputFormat.JSON:
        data = {"schema": BATCH_SCHEMA, "name": name, "notes": list(notes),
                "stories": [{"id": sid, "title": title, "report": json.loads(text)} for sid, title, text in parts]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt is OutputFormat.SARIF:
        logs = [json.loads(text) for _, _, text in parts]
        merged = dict(logs[0])
        merged["runs"] = []
        for (sid, _, _), log in zip(parts, logs):
            for run in log.get("runs", []):
                run = dict(run)
                run.setdefault("automationDetails", {"id": f"factcheck/{sid}/"})
                merged["runs"].append(run)
        return json.dumps(merged, ensure_ascii=False, indent=2) + "\n"
    if fmt is OutputFormat.JUNIT:
        root = ET.Element("testsuites", {"name": f"factcheck {name}"})
        totals = {"tests": 0, "failures": 0, "skipped": 0, "errors": 0}
        for sid, _, text in parts:
            doc = ET.fromstring(text)
            for suite in doc.iter("testsuite"):
                suite.set("name", f"factcheck {sid}")
                for key in totals:
                    totals[key] += int(suite.get(key, "0") or 0)
                root.append(suite)
        for key, value in totals.items():
            root.set(key, str(value))
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
    if fmt is OutputFormat.GITHUB:
        return "".join(text if text.endswith("\n") or not text else text + "\n" for _, _, text in parts)
    if fmt is OutputFormat.HTML:
        return _html_batch(parts, stories, notes, name)
    if fmt is OutputFormat.MARKDOWN:
        index = render_index(stories, notes, name, "#")
        return index + "".join(f"\n---\n\n<a id=\"{sid}\"></a>\n\n{text}" for sid, _, text in parts)
    return "".join(f"=== story {sid}: {title}\n{text}\n" for sid, title, text in parts)


def _html_batch(parts: Sequence[tuple[str, str, str]], stories: Sequence[tuple[str, str, Report]],
                notes: Sequence[str], name: str) -> str:
    """One HTML page: the index of stories, then each story's own report in a frame (its text escaped into the
    frame's ``srcdoc``, so each report keeps its own anchors and styles)."""
    from factcheck.render.html import environment

    rows: list[dict[str, Any]] = []
    for (sid, title, html), (_, _, report) in zip(parts, stories):
        sev = {s: sum(1 for f in report.findings if f.severity.value == s) for s in ("error", "warning", "info")}
        top = report.findings[0].message if report.findings else (
            "only one article: nothing to compare it with" if len(report.sources) < 2 else "no findings")
        rows.append({"id": sid, "title": title, "articles": len(report.sources), "claims": len(report.claims),
                     "top": top if len(top) <= 140 else top[:139] + "…", "html": html, **sev})
    return environment().get_template("batch.html.j2").render(
        name=name, notes=list(notes), stories=rows, articles=sum(r["articles"] for r in rows))
