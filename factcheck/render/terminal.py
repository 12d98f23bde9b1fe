"""Rich terminal renderer. Article text goes in as ``Text`` objects, never parsed as markup; styles come from a
Theme with semantic names."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from factcheck.models import Report
from factcheck.render.safe import diff_parts, printable
from factcheck.render.summary import first_text, matrix_groups, scorecard

THEME = Theme({
    "severity.error": "bold red", "severity.warning": "yellow", "severity.info": "cyan",
    "finding.kind": "bold", "finding.quote": "magenta", "finding.omission": "dim",
    "diff.delete": "red strike", "diff.insert": "bold green", "evidence.source": "bold blue",
    "matrix.present": "green", "matrix.divergent": "bold yellow", "matrix.absent": "dim",
    "summary.title": "bold", "note": "italic yellow",
})


def _t(text: str, style: str = "") -> Text:
    return Text(printable(text), style=style)


def render_rich(report: Report, console: Console, title: str = "factcheck audit", limit: int = 40) -> None:
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
        console.print(Panel(head, title=_t(title), expand=False))

        table = Table(title="Sources", show_lines=False)
        table.add_column("", no_wrap=True)
        for col in ("source", "claims", "corroborated", "unique", "altered quotes", "omissions"):
            table.add_column(col, justify="right" if col != "source" else "left")
        for k, s in enumerate(scorecard(report)):
            table.add_row(chr(ord("A") + k) if k < 26 else str(k), _t(s.id), str(s.claims), f"{s.corroborated:.0%}",
                          str(s.unique), str(s.altered_quotes),
                          str(s.omissions))
        console.print(table)

        groups, more = matrix_groups(report, limit=30)
        if groups:
            ids = [s.id for s in report.sources]
            labels = [chr(ord("A") + i) if i < 26 else str(i) for i in range(len(ids))]
            legend = "  ".join(f"{lab}={printable(sid)}" for lab, sid in zip(labels, ids))
            matrix = Table(title="Coverage (claim groups by source)", caption=legend)
            matrix.add_column("group", no_wrap=True, min_width=4)
            matrix.add_column("claim", overflow="ellipsis", no_wrap=True,
                              max_width=max(20, console.width - 12 - 4 * len(ids)))
            for lab in labels:
                matrix.add_column(lab, justify="center", width=1, no_wrap=True)
            for g in groups:
                cells = [Text("⚠", "matrix.divergent") if (i in g.sources and g.status.value == "divergent")
                         else Text("✓", "matrix.present") if i in g.sources else Text("·", "matrix.absent")
                         for i in ids]
                matrix.add_row(g.id, _t(first_text(report, g)), *cells)
            console.print(matrix)
            if more:
                console.print(Text(f"{more} more shared groups in the JSON report", "finding.omission"))

        for f in report.findings[:limit]:
            body = Text()
            body.append(f"[{f.severity.value}] ", f"severity.{f.severity.value}")
            body.append(f.kind.value, "finding.kind")
            body.append(" ")
            body.append(printable(f.message))
            for e in f.evidence:
                body.append("\n  ")
                body.append(printable(e.source), "evidence.source")
                body.append(f" [{e.start}:{e.end}] ")
                body.append(printable(e.text if len(e.text) <= 200 else e.text[:199] + "…"),
                            "finding.quote" if e.role == "quote" else "")
            for key, value in f.details:
                if key.startswith("diff "):
                    body.append("\n  " + printable(key) + ": ")
                    for tag, words in diff_parts(value):
                        if tag == "delete":
                            body.append(f"[-{printable(words)}-]", "diff.delete")
                        elif tag == "insert":
                            body.append(f"{{+{printable(words)}+}}", "diff.insert")
                        else:
                            body.append(printable(words))
            console.print(body)
        if len(report.findings) > limit:
            console.print(Text(f"… {len(report.findings) - limit} more findings in the Markdown and JSON reports",
                               "finding.omission"))
    finally:
        console.pop_theme()
