"""The coverage matrix (claim groups by source) as an SVG heatmap, for the Markdown report.

Built from the report's groups only, written as SVG text by hand: no plotting library is imported (matplotlib was
a sixth of a cold audit of the seeds), the picture scales in any browser and on GitHub, and the same report gives
the same bytes. Labels are set in a monospace font, so their widths (and the margins) are known without measuring
the text; each cell carries a tooltip naming the group, the source and what the source does with the claim.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from factcheck.models import Report
from factcheck.render.summary import diverging_sources, first_text, matrix_groups, short_text

#: cell states: 0 absent, 1 carried as the others do, 2 carried differently (a finding on the group names the source)
COLOURS = ("#eeeeee", "#4c9f70", "#e3a21a")
STATES = ("absent", "carried alike", "carried differently")
FONT = 11  # px; a monospace character is 0.6 of it wide
CHAR = FONT * 0.6
ROW, COL, GAP = 16, 76, 1


def coverage_svg(report: Report, limit: int = 60) -> str | None:
    """The SVG text of the matrix, or None when there is nothing shared to draw (one source, no shared claim)."""
    groups, _ = matrix_groups(report, limit=limit)
    if not groups or len(report.sources) < 2:
        return None
    ids = [s.id for s in report.sources]
    odd = [diverging_sources(report, g) for g in groups]
    grid = [[(2 if sid in o else 1) if sid in g.sources else 0 for sid in ids] for g, o in zip(groups, odd)]
    labels = [f"{short_text(first_text(report, g), 44)}  ({g.id})" for g in groups]
    names = [s.name or s.id for s in report.sources]  # as the report's tables show them
    return _draw(names, [g.id for g in groups], grid, labels)


def _letter(i: int) -> str:
    return chr(65 + i) if i < 26 else str(i)


def _draw(names: list[str], gids: list[str], grid: list[list[int]], labels: list[str]) -> str:
    left = round(max(len(label) for label in labels) * CHAR) + 16
    head = 3 * (FONT + 4) + FONT + 2  # below the title and the legend: the two-line column heads
    top = head + FONT + 10
    width = left + COL * len(names) + 10
    height = top + ROW * len(labels) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" '
           f'font-size="{FONT}">',
           "<title>Shared claims by source</title>",
           f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
           f'<text x="8" y="{FONT + 4}" font-weight="bold">Shared claims by source</text>']
    x = 8
    for colour, state in zip(COLOURS[1:] + COLOURS[:1], STATES[1:] + STATES[:1]):
        y = 2 * (FONT + 4)
        out.append(f'<rect x="{x}" y="{y}" width="{FONT}" height="{FONT}" fill="{colour}" stroke="#999999" '
                   'stroke-width="0.5"/>')
        out.append(f'<text x="{x + FONT + 4}" y="{y + FONT - 1}">{state}</text>')
        x += FONT + 4 + round(len(state) * CHAR) + 14
    for j, name in enumerate(names):
        cx = left + COL * j + COL / 2
        short = name if len(name) <= 11 else name[:10] + "…"
        out.append(f'<text x="{cx:g}" y="{head}" text-anchor="middle" font-weight="bold">{_letter(j)}</text>')
        out.append(f'<text x="{cx:g}" y="{head + FONT + 2}" text-anchor="middle">{escape(short)}</text>')
    for i, (label, gid, row) in enumerate(zip(labels, gids, grid)):
        y = top + ROW * i
        out.append(f'<text x="{left - 8}" y="{y + ROW - 4}" text-anchor="end">{escape(label)}</text>')
        for j, (name, cell) in enumerate(zip(names, row)):
            out.append(f'<rect x="{left + COL * j + GAP}" y="{y + GAP}" width="{COL - 2 * GAP}" '
                       f'height="{ROW - 2 * GAP}" fill="{COLOURS[cell]}"><title>{escape(gid)}, '
                       f'{_letter(j)} {escape(name)}: {STATES[cell]}</title></rect>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
