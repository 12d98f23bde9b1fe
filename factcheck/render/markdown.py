"""Markdown renderer: the report an editor reads first, safe to publish on GitHub."""

from __future__ import annotations

from factcheck.models import Finding, FindingKind, Report
from factcheck.render.safe import diff_parts, md_inline
from factcheck.render.summary import first_text, matrix_groups, scorecard

_SEVERITY_ICON = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 note"}


def _diff_md(marked: str) -> str:
    out = []
    for tag, words in diff_parts(marked):
        text = md_inline(words.strip())
        if not text:
            continue
        out.append(f"~~{text}~~" if tag == "delete" else f"**{text}**" if tag == "insert" else text)
    return " ".join(out)


def _finding(f: Finding) -> list[str]:
    lines = [f'<a id="{f.id}"></a>', f"### {_SEVERITY_ICON[f.severity.value]} {f.kind.value}: {md_inline(f.message)}",
             "", f"`{f.id}`" + (f" · group `{f.group}`" if f.group else ""), ""]
    for e in f.evidence:
        role = f" ({e.role})" if e.role else ""
        lines.append(f"- **{md_inline(e.source)}**{role}, chars {e.start}–{e.end}: “{md_inline(e.text)}”")
    for key, value in f.details:
        if key.startswith("diff "):
            lines.append(f"- diff {md_inline(key[5:].replace(' ~ ', ' → '))}: {_diff_md(value)}")
        elif key.startswith("claim "):
            continue
        else:
            lines.append(f"- {md_inline(key)}: {md_inline(value)}")
    if not any(key.startswith("diff ") for key, _ in f.details):
        for d in f.diffs[:2]:
            lines.append(f"- words {md_inline(d.source_a)} → {md_inline(d.source_b)}: {_ops_md(d.ops)}")
    lines.append("")
    return lines


def _ops_md(ops) -> str:  # type: ignore[no-untyped-def]
    """A typed diff as Markdown: deleted words struck, inserted words bold, long equal runs shortened."""
    out = []
    for op in ops:
        if op.op == "equal":
            words = op.a.split()
            out.append(md_inline(op.a if len(words) <= 8 else " ".join(words[:3]) + " … " + " ".join(words[-3:])))
            continue
        if op.a:
            out.append(f"~~{md_inline(op.a)}~~")
        if op.b:
            out.append(f"**{md_inline(op.b)}**")
    return " ".join(x for x in out if x)


def _most_serious(report: Report, limit: int = 8) -> list[Finding]:
    """The findings an editor should read first: errors and warnings, the top one of each kind before the second
    of any kind, so one kind cannot crowd out the rest."""
    pool = [f for f in report.findings if f.severity.value != "info"]
    by_kind: dict[str, list[Finding]] = {}
    for f in pool:
        by_kind.setdefault(f.kind.value, []).append(f)
    out: list[Finding] = []
    rank = 0
    while len(out) < limit and any(len(v) > rank for v in by_kind.values()):
        layer = [v[rank] for v in by_kind.values() if len(v) > rank]
        layer.sort(key=lambda f: (-f.severity.rank, -f.score, f.id))
        out.extend(layer[: limit - len(out)])
        rank += 1
    return out


def _quote_ledger(report: Report) -> list[str]:
    """Every speaker, every quotation, each source's wording side by side; changed words from the findings."""
    claims = {c.id: c for c in report.claims}
    diffs_by_group: dict[str, list[tuple[str, str]]] = {}
    anchors: dict[str, str] = {}
    for f in report.findings:
        if f.kind == FindingKind.QUOTE_DIVERGENCE and f.group:
            diffs_by_group.setdefault(f.group, []).extend((k, v) for k, v in f.details if k.startswith("diff "))
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
            for key, value in diffs_by_group.get(g.id, []):
                lines.append(f"- {g.id}, {md_inline(key[5:].replace(' ~ ', ' → '))}: {_diff_md(value)}")
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
    serious = _most_serious(report)
    if serious:
        lines += ["## Most serious findings", ""]
        for f in serious:
            lines.append(f"1. {_SEVERITY_ICON[f.severity.value]} **{f.kind.value}**: "
                         f"[{md_inline(f.message)}](#{f.id})")
        lines.append("")
    lines += ["## Findings by kind", "", "| kind | count |", "| --- | ---: |"]
    lines += [f"| {k} | {v} |" for k, v in counts.items()]
    lines += ["", "## Sources", "",
              "| source | title | date | claims | corroborated | unique | altered quotes | omissions |",
              "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for s, src in zip(scorecard(report), report.sources):
        lines.append(f"| {md_inline(s.id)} | {md_inline(s.title or '')} | "
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
        short_ids = [i[:8] for i in ids]
        lines.append("| group | claim | " + " | ".join(md_inline(i) for i in short_ids) + " |")
        lines.append("| --- | --- | " + " | ".join(":---:" for _ in ids) + " |")
        for g in groups:
            marks = " | ".join(("⚠" if g.status.value == "divergent" else "✓") if i in g.sources else "·"
                               for i in ids)
            text = first_text(report, g)
            text = text if len(text) <= 80 else text[:79] + "…"
            lines.append(f"| {g.id} | {md_inline(text)} | {marks} |")
        if more:
            lines.append(f"\n{more} more shared groups are in the JSON report.")
        lines.append("")
        if image:
            lines += ["</details>", ""]
    lines += _quote_ledger(report)
    lines += ["## Findings", ""]
    for kind in FindingKind:
        of_kind = [f for f in report.findings if f.kind == kind]
        if not of_kind:
            continue
        lines += [f"### {kind.value} ({len(of_kind)})", ""]
        for f in of_kind:
            lines += ["#" + line if line.startswith("### ") else line for line in _finding(f)]
    if not report.findings:
        lines.append("No findings.")
    return "\n".join(lines).rstrip() + "\n"
