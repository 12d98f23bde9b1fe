"""The coverage matrix (claim groups by source) as a PNG heatmap, for the Markdown report.

Built from the report's groups only. The PNG bytes are the same for the same report: no timestamps or software
versions are written into the file.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from factcheck.io import atomic_write
from factcheck.models import Report
from factcheck.render.summary import diverging_sources, first_text, matrix_groups, short_text


def coverage_png(report: Report, limit: int = 60, cache_dir: str | Path | None = None) -> bytes | None:
    """PNG bytes of the matrix, or None when there is nothing shared to draw (or matplotlib is missing).

    With ``cache_dir`` a picture drawn before for the same matrix is read back from ``<cache_dir>/heatmaps/``
    (importing and running matplotlib is most of a warm run's time)."""
    groups, _ = matrix_groups(report, limit=limit)
    if not groups or len(report.sources) < 2:
        return None
    ids = [s.id for s in report.sources]
    odd = [diverging_sources(report, g) for g in groups]
    grid = [[(2 if sid in o else 1) if sid in g.sources else 0 for sid in ids] for g, o in zip(groups, odd)]
    labels = [f"{short_text(first_text(report, g), 44)}  ({g.id})" for g in groups]
    path = None
    if cache_dir is not None:
        key = hashlib.sha1(repr((_VERSION, _matplotlib_version(), ids, grid, labels)).encode()).hexdigest()
        path = Path(cache_dir) / "heatmaps" / f"{key}.png"
        try:
            return path.read_bytes()
        except OSError:
            pass
    png = _draw(ids, grid, labels)
    if png is not None and path is not None:
        try:
            atomic_write(path, png)
        except Exception:  # noqa: BLE001 - a cache that cannot be written costs speed, never the report
            pass
    return png


_VERSION = 2  # of the drawing below: change it when the picture changes


def _matplotlib_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("matplotlib")
    except metadata.PackageNotFoundError:  # pragma: no cover - a dependency
        return ""


def _draw(ids: list[str], grid: list[list[int]], labels: list[str]) -> bytes | None:
    try:
        # The figure alone, drawn by the Agg canvas: pyplot's state machine and backend selection would double
        # the import time and are not needed to write a PNG.
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.colors import ListedColormap
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        return None
    # grid: 0 absent, 1 carried as the others do, 2 carried differently (a finding on the group names the source)
    height = max(2.5, 0.22 * len(labels) + 1.4)
    width = max(4.0, 0.9 * len(ids) + 4.2)
    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    cmap = ListedColormap(["#eeeeee", "#4c9f70", "#e3a21a"])
    ax.imshow(grid, cmap=cmap, vmin=0, vmax=2, aspect="auto", interpolation="nearest")
    ax.set_xticks(range(len(ids)))
    ax.set_xticklabels([f"{chr(65 + i) if i < 26 else i}\n{sid[:10]}" for i, sid in enumerate(ids)], fontsize=7)
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels, fontsize=6)
    ax.set_title("Shared claims by source\n(green: carried alike, amber: carried differently, grey: absent)",
                 fontsize=8)
    ax.set_xticks([x - 0.5 for x in range(1, len(ids))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(labels))], minor=True)
    ax.grid(which="minor", color="white", linewidth=1)
    ax.tick_params(length=0, which="both")
    # The left margin fits the widest label, measured by the font alone; tight_layout measures it by drawing the
    # whole figure once more (about a third of a cold run's heatmap time). Other margins fit the two-line title
    # and the two-line source labels.
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    font, measure = FontProperties(size=6), TextToPath()
    widest = max(measure.get_text_width_height_descent(label, font, ismath=False)[0] for label in labels) / 72
    left = min(0.8, (widest + 0.15) / width)
    fig.subplots_adjust(left=left, right=1 - 0.15 / width, bottom=0.42 / height, top=1 - 0.42 / height)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()
