"""Rich terminal renderer. Article text goes in as ``Text`` objects, never parsed as markup; styles come from a
Theme with semantic names."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from factcheck.models import Report
from factcheck.render.diffs import finding_diffs
from factcheck.render.locate import paragraph_of
from factcheck.render.safe import printable
from factcheck.render.summary import (
    diverging_sources,
    finding_message,
    first_text,
    lineage_lines,
    matrix_groups,
    names_of,
    scorecard,
)

THEME = Theme({
    "severity.error": "bold red", "severity.warning": "bold dark_orange", "severity.info": "bold deep_sky_blue3",
    "finding.kind": "bold", "finding.omission": "dim",
    # Readable on dark and light backgrounds alike: no blue or magenta text, no background colours; quotations
    # are told apart by italics, not by colour.
    "finding.quote": "italic", "diff.delete": "red strike", "diff.insert": "bold green",
    "evidence.source": "bold", "evidence.where": "dim",
    "matrix.present": "green", "matrix.divergent": "bold dark_orange", "matrix.absent": "dim",
    "summary.title": "bold", "note": "italic dark_orange",
})


def _t(text: str, style: str = "") -> Text:
    return Text(printable(text), style=style)


def render_rich(report: Report, console: Console, title: str = "factcheck audit", limit: int = 40,
                written: Sequence[str] = ()) -> None:
    """The report on a terminal; ``written`` are the Markdown and HTML reports this run wrote, which the last
    line points to when not every finding fits."""
    console.push_theme(THEME)
    try:
        n = len(report.sources)
        shared = sum(1 for g in report.groups if len(g.sources) >= 2)
        head = Text.assemble(
            (f"{n} sources · {len(report.claims)} claims · {len(report.groups)} groups · {shared} shared\n",
             "summary.title"),
        )
        for kind, count in report.findings_by_kind().items():
            if count:
                head.append(f"{kind}: {count}  ")
        for note in report.notes:
            head.append("\n")
            head.append(_t(note, "note"))
        for line in lineage_lines(report):
            head.append("\n")
            head.append(_t(line))
        console.print(Panel(head, title=_t(title), expand=False))

        table = Table(title="Sources", show_lines=False)
        table.add_column("", no_wrap=True)
        for col in ("source", "claims", "corroborated", "unique", "altered quotes", "omissions"):
            table.add_column(col, justify="right" if col != "source" else "left")
        for k, s in enumerate(scorecard(report)):
            table.add_row(chr(ord("A") + k) if k < 26 else str(k), _t(names_of(report)[s.id]), str(s.claims),
                          f"{s.corroborated:.0%}",
                          str(s.unique), str(s.altered_quotes),
                          str(s.omissions))
        console.print(table)

        groups, more = matrix_groups(report, limit=30)
        if groups:
            ids = [s.id for s in report.sources]
            labels = [chr(ord("A") + i) if i < 26 else str(i) for i in range(len(ids))]
            legend = "  ".join(f"{lab}={printable(names_of(report)[sid])}" for lab, sid in zip(labels, ids))
            matrix = Table(title="Coverage (claim groups by source)", caption=legend)
            matrix.add_column("group", no_wrap=True, min_width=4)
            matrix.add_column("claim", overflow="ellipsis", no_wrap=True,
                              max_width=max(20, console.width - 12 - 4 * len(ids)))
            for lab in labels:
                matrix.add_column(lab, justify="center", width=1, no_wrap=True)
            for g in groups:
                odd = diverging_sources(report, g)
                cells = [Text("⚠", "matrix.divergent") if i in odd
                         else Text("✓", "matrix.present") if i in g.sources else Text("·", "matrix.absent")
                         for i in ids]
                matrix.add_row(g.id, _t(first_text(report, g)), *cells)
            console.print(matrix)
            if more:
                console.print(Text(f"{more} more shared groups in the JSON report", "finding.omission"))

        ids = [s.id for s in report.sources]
        letters = {sid: chr(ord("A") + i) if i < 26 else str(i) for i, sid in enumerate(ids)}
        articles = {a.id: a for a in report.articles}
        names = names_of(report)
        for f in sorted(report.findings, key=lambda f: f.rank or 10**9)[:limit]:
            console.print()
            body = Text()
            body.append(f"#{f.rank} [{f.severity.value}] ", f"severity.{f.severity.value}")
            body.append(f.kind.value, "finding.kind")
            body.append(" ")
            body.append(printable(finding_message(f, report)))
            shown = f.evidence if len(f.evidence) <= 4 else f.evidence[:3]
            for e in shown:
                body.append("\n  ")
                body.append(f"{letters.get(e.source, '?')} {printable(names.get(e.source, e.source))}",
                            "evidence.source")
                where = paragraph_of(articles[e.source], e.start) if e.source in articles else None
                body.append(f" {where + ', ' if where else ''}chars {e.start}–{e.end}: ", "evidence.where")
                text = e.text if len(e.text) <= 200 else e.text[:199] + "…"
                if e.role == "quote":
                    body.append(f"“{printable(text)}”", "finding.quote")
                else:
                    body.append(printable(text))
            if len(shown) < len(f.evidence):
                body.append(f"\n  … and {len(f.evidence) - len(shown)} more claims behind this line (in the "
                            "Markdown, HTML and JSON reports)", "evidence.where")
            for d in finding_diffs(f):
                body.append(f"\n  words {letters.get(d.source_a, '?')} → {letters.get(d.source_b, '?')}: ")
                for op in d.ops:
                    if op.op == "equal":
                        body.append(printable(op.a) + " ")
                        continue
                    if op.op == "move":
                        body.append(f"{printable(op.a)} (moved) ", "diff.insert")
                        continue
                    if op.a:
                        body.append(f"[-{printable(op.a)}-]", "diff.delete")
                    if op.b:
                        body.append(f"{{+{printable(op.b)}+}}", "diff.insert")
                    body.append(" ")
            body.rstrip()
            console.print(body)
        if len(report.findings) > limit:
            more = len(report.findings) - limit
            console.print()
            if written:
                console.print(Text(f"… {more} more finding{'s' if more != 1 else ''} in {' and '.join(written)}",
                                   "finding.omission"))
            else:
                console.print(Text(f"… {more} more finding{'s' if more != 1 else ''} not shown here (--format "
                                   "markdown, html or json shows them all)", "finding.omission"))
    finally:
        console.pop_theme()
