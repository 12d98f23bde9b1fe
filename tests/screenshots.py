"""README screenshots of the seeds audit: the HTML report and the terminal report, taken in headless Chromium.

``make screenshots`` runs ``python -m tests.screenshots``: it audits ``seeds/`` with the packaged model, writes
``reports/seeds.html``, and saves

- ``docs/screenshot-html.png``: the top of the HTML report (summary, most serious findings, sources);
- ``docs/screenshot-html-side-by-side.png``: the sources side by side;
- ``docs/screenshot-terminal.png``: the terminal report on a dark theme (Rich's SVG export, drawn by Chromium);
- ``reports/seeds-html.png`` (the whole page) and ``reports/seeds-terminal-light.png`` (a light theme), to look at.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def terminal_svg(report, title: str, dark: bool = True, limit: int = 4) -> str:  # type: ignore[no-untyped-def]
    """The terminal report as Rich draws it in a 100-column terminal, as SVG (no web font fetched)."""
    from rich.console import Console
    from rich.terminal_theme import DEFAULT_TERMINAL_THEME, MONOKAI

    from factcheck.render.terminal import render_rich

    console = Console(file=io.StringIO(), record=True, width=100, force_terminal=True, color_system="truecolor")
    render_rich(report, console, title=title, limit=limit, written=["reports/seeds.md", "reports/seeds.html"])
    svg = console.export_svg(title="factcheck audit seeds/", theme=MONOKAI if dark else DEFAULT_TERMINAL_THEME)
    # Rich's SVG loads Fira Code from a CDN; the screenshot is taken offline with the local monospace font.
    svg = re.sub(r"@font-face\s*\{[^}]*\}", "", svg)
    return svg.replace('"Fira Code"', '"DejaVu Sans Mono"')


def _svg_size(svg: str) -> tuple[int, int]:
    m = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    return (int(float(m.group(1))) + 1, int(float(m.group(2))) + 1) if m else (1300, 2000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default=str(ROOT / "docs"))
    parser.add_argument("--reports", default=str(ROOT / "reports"))
    args = parser.parse_args(argv)

    import factcheck
    from factcheck.config import Config
    from factcheck.render import render_html
    from tests.browser import Chromium, find_chromium

    binary = find_chromium()
    if binary is None:
        print("screenshots: no Chromium found (apt-get install chromium)", file=sys.stderr)
        return 2
    docs, reports = Path(args.docs), Path(args.reports)
    docs.mkdir(parents=True, exist_ok=True)
    reports.mkdir(parents=True, exist_ok=True)
    report = factcheck.audit([ROOT / "seeds"], Config(cache_dir=str(ROOT / "claims")))
    title = "factcheck audit: seeds"
    page = reports / "seeds.html"
    page.write_text(render_html(report, title=title), encoding="utf-8")
    with Chromium(binary, width=1400, height=1000) as browser:
        browser.load(page.resolve().as_uri())
        browser.screenshot(docs / "screenshot-html.png")
        browser.screenshot(reports / "seeds-html.png", full_page=True, max_height=16000)
        top = browser.evaluate("document.getElementById('side-by-side').getBoundingClientRect().top + scrollY")
        browser.screenshot_clip(docs / "screenshot-html-side-by-side.png", y=int(top), height=1000)
        errors = browser.console_errors()
    for dark, path in ((True, docs / "screenshot-terminal.png"), (False, reports / "seeds-terminal-light.png")):
        svg = terminal_svg(report, title, dark=dark)
        svg_path = reports / ("seeds-terminal-dark.svg" if dark else "seeds-terminal-light.svg")
        svg_path.write_text(svg, encoding="utf-8")
        width, height = _svg_size(svg)
        with Chromium(binary, width=width, height=min(height, 2400)) as browser:
            browser.load(svg_path.resolve().as_uri())
            browser.screenshot(path)
    for p in (docs / "screenshot-html.png", docs / "screenshot-html-side-by-side.png", docs / "screenshot-terminal.png",
              reports / "seeds-html.png", reports / "seeds-terminal-light.png"):
        print(f"wrote {p.relative_to(ROOT) if p.is_relative_to(ROOT) else p}")
    if errors:
        print("console errors: " + "; ".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
