from __future__ import annotations

import io
import re

from rich.console import Console

from factcheck.config import Config
from factcheck.render import render_markdown, render_rich


def _hostile_report(tmp_path, fake_embedder):
    import factcheck

    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Officials met in Geneva on Monday.\n\nThe minister said “[bold red]x[/] | # heading "
                 "<script>alert(1)</script> [x](javascript:alert(1)) \x1b[31mred\x1b[0m” to reporters.\n")
    b.write_text("Officials met in Geneva on Monday.\n\nThe weather was fine and nobody spoke to the press today.\n")
    return factcheck.audit([a, b], Config(use_cache=False), embedder=fake_embedder)


def test_markdown_escapes_article_text(tmp_path, fake_embedder) -> None:
    md = render_markdown(_hostile_report(tmp_path, fake_embedder))
    assert "<script>" not in md and "\x1b" not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md), "a live link"
    assert not re.search(r"(?m)^# heading", md) and "\\[bold red\\]" in md


def test_rich_shows_markup_as_text(tmp_path, fake_embedder) -> None:
    buf = io.StringIO()
    render_rich(_hostile_report(tmp_path, fake_embedder), Console(file=buf, width=100, color_system=None))
    out = buf.getvalue()
    assert "\x1b" not in out
    assert "[bold red]x[/]" in out
