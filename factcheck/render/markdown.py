"""Markdown renderer: the report an editor reads first, safe to publish on GitHub."""

from __future__ import annotations

from factcheck.models import Finding, FindingKind, Report
from factcheck.render.diffs import finding_diffs
from factcheck.render.locate import paragraph_of
from factcheck.render.safe import md_inline
from factcheck.render.summary import (
    diverging_sources,
    finding_message,
    first_text,
    lineage_lines,
    matrix_groups,
    most_serious,
    names_of,
    scorecard,
)

_SEVERITY_ICON = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 note"}


def _ops_md(ops) -> str:  # type: ignore[no-untyped-def]
    """A typed diff as Markdown that GitHub colours: ``<del>`` for the reference source's words, ``<ins>`` for
    the other's, moved words marked as moved, long equal runs shortened."""
    out = []
    for op in ops:
        if op.op == "equal":
            words = op.a.split()
            out.append(md_inline(op.a if len(words) <= 8 else " ".join(words[:3]) + " … " + " ".join(words[-3:])))
        elif op.op == "move":
            out.append(f"<ins>{md_inline(op.a)}</ins> (moved)")
        else:
            if op.a:
                out.append(f"<del>{md_inline(op.a)}</del>")
            if op.b:
                out.append(f"<ins>{md_inline(op.b)}</ins>")
    return " ".join(x for x in out if x)


def _diff_lines(f: Finding, label: str, letters: dict[str, str]) -> list[str]:
    out = []
    for d in finding_diffs(f):
        a, b = letters.get(d.source_a, d.source_a), letters.get(d.source_b, d.source_b)
        out.append(f"- {label}{md_inline(a)} → {md_inline(b)}: {_ops_md(d.ops)}")
    return out


def _letters(report: Report) -> dict[str, str]:
    """Sources by their short names in tables and diffs: the first 8 characters of the id."""
    return {s.id: (s.name or s.id)[:16] for s in report.sources}


def _finding(report: Report, f: Finding) -> list[str]:
    lines = [f'<a id="{f.id}"></a>',
             f"### #{f.rank} {_SEVERITY_ICON[f.severity.value]} {f.kind.value}: "
             f"{md_inline(finding_message(f, report))}",
             "", f"`{f.id}`" + (f" · group `{f.group}`" if f.group else ""), ""]
    articles = {a.id: a for a in report.articles}
    folded = len(f.evidence) > 3
    if folded:  # a line that stands for many claims: each one behind it, one click away
        lines += [f"<details><summary>The {len(f.evidence)} claims behind this line</summary>", ""]
    for e in f.evidence:
        role = f" ({e.role})" if e.role else ""
        where = paragraph_of(articles[e.source], e.start) if e.source in articles else None
        place = f"{where}, chars {e.start}–{e.end}" if where else f"chars {e.start}–{e.end}"
        lines.append(f"- **{md_inline(names_of(report).get(e.source, e.source))}**{role}, {place}: "
                     f"“{md_inline(e.text)}”")
    if folded:
        lines += ["", "</details>", ""]
    for key, value in f.details:
        if key.startswith(("diff ", "claim ")):
            continue
        lines.append(f"- {md_inline(key)}: {md_inline(value)}")
    lines += _diff_lines(f, "words ", _letters(report))
    lines.append("")
    return lines


def _changes(report: Report) -> list[str]:
    """Each following source's changes against the version it follows, one click away, most serious first."""
    if report.lineage is None:
        return []
    by_id = {f.id: f for f in report.findings}
    names = names_of(report)
    out: list[str] = []
    for entry in report.lineage.sources:
        if entry.follows is None or not entry.changes:
            continue
        shown = sorted((by_id[i] for i in entry.changes if i in by_id), key=lambda f: f.rank or 10**9)
        out += [f"<details><summary>What {md_inline(names[entry.source])} changed against "
                f"{md_inline(names[entry.follows])} ({len(shown)})</summary>", ""]
        out += [f"- [#{f.rank} {f.kind.value}: {md_inline(finding_message(f, report))}](#{f.id})" for f in shown]
        out += ["", "</details>", ""]
    return out


def _quote_ledger(report: Report) -> list[str]:
    """Every speaker, every quotation, each source's wording side by side; changed words from the findings."""
    claims = {c.id: c for c in report.claims}
    found: dict[str, list[Finding]] = {}
    anchors: dict[str, str] = {}
    for f in report.findings:
        if f.kind == FindingKind.QUOTE_DIVERGENCE and f.group:
            found.setdefault(f.group, []).append(f)
            anchors[f.group] = f.id
    by_speaker: dict[str, list] = {}
    for g in report.groups:
        members = [claims[c] for c in g.claims if claims[c].type.value == "quote"]
        if not members:
            continue
        speaker = next((c.speaker for c in members if c.speaker), None) or "(no speaker found)"
        by_speaker.setdefault(speaker, []).append((g, members))
    if not by_speaker:
        return []
    ids = [s.id for s in report.sources]
    lines = ["## Quote ledger", "",
             "Every quotation by speaker; one row per remark, each source's wording in its column "
             "(· where a source does not quote it).", ""]
    for speaker in sorted(by_speaker, key=lambda s: (-len(by_speaker[s]), s)):
        lines += [f"### {md_inline(speaker)}", ""]
        lines.append("| remark | " + " | ".join(md_inline(i[:8]) for i in ids) + " |")
        lines.append("| --- | " + " | ".join("---" for _ in ids) + " |")
        for g, members in by_speaker[speaker]:
            cells = []
            for sid in ids:
                words = [c.quote or "" for c in members if c.source == sid]
                cells.append(" / ".join(f"“{md_inline(w)}”" for w in words) if words else "·")
            label = f"[{g.id} ⚠](#{anchors[g.id]})" if g.id in anchors else g.id
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
        lines.append("")
        for g, _ in by_speaker[speaker]:
            for f in found.get(g.id, []):
                lines += _diff_lines(f, f"{g.id}, ", _letters(report))
        lines.append("")
    return lines


def render_markdown(report: Report, title: str = "factcheck audit", image: str | None = None) -> str:
    n = len(report.sources)
    counts = report.findings_by_kind()
    shared = sum(1 for g in report.groups if len(g.sources) >= 2)
    lines = [f"# {md_inline(title)}", ""]
    lines.append(f"**{n} sources**, {len(report.claims)} claims in {len(report.groups)} groups; "
                 f"{shared} groups are carried by two or more sources.")
    sev = {s: sum(1 for f in report.findings if f.severity.value == s) for s in ("error", "warning", "info")}
    lines.append(f"Findings: {sev['error']} errors, {sev['warning']} warnings, {sev['info']} notes.")
    lines.append("")
    for note in report.notes:
        lines.append(f"> {md_inline(note)}")
    if report.notes:
        lines.append("")
    serious = most_serious(report)
    if serious:
        lines += ["## Most serious findings", ""]
        for f in serious:
            lines.append(f"{f.rank}. {_SEVERITY_ICON[f.severity.value]} **{f.kind.value}**: "
                         f"[{md_inline(finding_message(f, report))}](#{f.id})")
        lines.append("")
    lineage = lineage_lines(report)
    if lineage:
        lines += ["## Lineage", ""] + [f"- {md_inline(line)}" for line in lineage] + [""]
        lines += _changes(report)
    lines += ["## Findings by kind", "", "| kind | count |", "| --- | ---: |"]
    lines += [f"| {k} | {v} |" for k, v in counts.items()]
    lines += ["", "## Sources", "",
              "| source | title | date | claims | corroborated | unique | altered quotes | omissions |",
              "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for s, src in zip(scorecard(report), report.sources):
        lines.append(f"| {md_inline(names_of(report)[s.id])} | {md_inline(s.title or '')} | "
                     f"{src.published.isoformat() if src.published else ''} | {s.claims} | {s.corroborated:.0%} | "
                     f"{s.unique} | {s.altered_quotes} | {s.omissions} |")
    lines.append("")
    groups, more = matrix_groups(report)
    if groups:
        lines += ["## Coverage", ""]
        if image:
            lines += [f"![coverage matrix: claim groups by source]({image})", "",
                      "<details><summary>The same matrix as a table</summary>", ""]
        ids = [s.id for s in report.sources]
        short_ids = [_letters(report)[i] for i in ids]
        lines.append("| group | claim | " + " | ".join(md_inline(i) for i in short_ids) + " |")
        lines.append("| --- | --- | " + " | ".join(":---:" for _ in ids) + " |")
        for g in groups:
            odd = diverging_sources(report, g)
            marks = " | ".join(("⚠" if i in odd else "✓") if i in g.sources else "·" for i in ids)
            text = first_text(report, g)
            text = text if len(text) <= 80 else text[:79] + "…"
            lines.append(f"| {g.id} | {md_inline(text)} | {marks} |")
        if more:
            lines.append(f"\n{more} more shared groups are in the JSON report.")
        lines.append("")
        if image:
            lines += ["</details>", ""]
    lines += _quote_ledger(report)
    lines += ["## Findings", "", "In rank order: what a difference means decides it, not how many words it has.", ""]
    for f in sorted(report.findings, key=lambda f: f.rank or 10**9):
        lines += _finding(report, f)
    if not report.findings:
        lines.append("No findings.")
    return "\n".join(lines).rstrip() + "\n"
