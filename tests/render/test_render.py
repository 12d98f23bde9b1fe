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


# --------------------------------------------------------------------------------------------------------------
# what an editor reads: Markdown written anywhere embeds its heatmap; the terminal points only at reports written

WIRE = ("Talks in Geneva end without a deal\n\n"
        "Officials from both countries met in Geneva on Monday for six hours of talks.\n\n"
        "\"We made real progress on the prisoner exchange, but the ceasefire remains out of reach,\" said Foreign "
        "Minister Anna Berg.\n\nTurnout in the referendum was 40% according to the election commission.\n")
DAILY = WIRE.replace("six hours", "nine hours").replace("real progress", "some progress").replace("40%", "45%")


def _cli(tmp_path, *args: str):
    from tests.clirun import run_cli

    (tmp_path / "wire.txt").write_text(WIRE)
    (tmp_path / "daily.txt").write_text(DAILY)
    result = run_cli(["audit", "wire.txt", "daily.txt", "--exit-zero", "--no-cache", *args], tmp_path,
                     env={"FACTCHECK_EMBEDDER": "hashing", "COLUMNS": "100"})
    assert result.returncode == 0, result.stderr
    return result


def test_markdown_output_file_embeds_its_heatmap(tmp_path) -> None:
    _cli(tmp_path, "--format", "markdown", "-o", "out/audit.md", "--no-markdown")
    md = (tmp_path / "out" / "audit.md").read_text()
    assert "](audit-coverage.svg)" in md, "linked relatively"
    assert (tmp_path / "out" / "audit-coverage.svg").read_text().startswith("<svg")
    assert "<ins>" in md and "<del>" in md and "~~" not in md
    assert re.search(r"paragraph \d+, chars \d+–\d+", md)


def test_terminal_points_only_at_reports_written(tmp_path) -> None:
    from rich.console import Console

    import factcheck
    from factcheck.config import Config
    from factcheck.embed import HashingEmbedder

    (tmp_path / "wire.txt").write_text(WIRE)
    (tmp_path / "daily.txt").write_text(DAILY)
    report = factcheck.audit([tmp_path / "wire.txt", tmp_path / "daily.txt"], Config(use_cache=False),
                             embedder=HashingEmbedder())
    assert len(report.findings) > 1
    out = {}
    for written in ((), ("reports/x.md", "reports/x.html")):
        buf = io.StringIO()
        render_rich(report, Console(file=buf, width=100, color_system=None), limit=1, written=written)
        out[written] = buf.getvalue()
    assert "more findings in reports/x.md and reports/x.html" in out[("reports/x.md", "reports/x.html")] or \
        "more finding in reports/x.md and reports/x.html" in out[("reports/x.md", "reports/x.html")]
    assert "Markdown report" not in out[()] and "reports/x.md" not in out[()]
    assert "--format markdown, html or json" in out[()]


def test_terminal_separates_findings_and_uses_no_hard_to_read_colours(tmp_path) -> None:
    from factcheck.render.terminal import THEME

    result = _cli(tmp_path, "--no-markdown")
    blocks = [b for b in result.stdout.split("\n\n") if "[error]" in b or "[warning]" in b or "[info]" in b]
    assert len(blocks) >= 2, "a blank line between findings"
    for name in ("evidence.source", "finding.quote"):
        style = str(THEME.styles[name])
        assert "blue" not in style and "magenta" not in style and " on " not in style, (name, style)


def test_scorecard_counts_as_the_pandas_frame_does(seed_report) -> None:
    """The scorecard is counted without pandas (its import is most of a warm run); the researchers' frame and it
    must give the same figures."""
    import dataclasses

    from factcheck.frames import scorecard_frame
    from factcheck.render.summary import scorecard

    frame = scorecard_frame(seed_report)
    titles = {s.id: s.title for s in seed_report.sources}
    expected = [(sid, titles[sid], int(row["claims"]), float(row["corroborated"]), int(row["unique"]),
                 int(row["altered_quotes"]), int(row["omissions"])) for sid, row in frame.iterrows()]
    assert [dataclasses.astuple(s) for s in scorecard(seed_report)] == expected
    assert any(s.omissions for s in scorecard(seed_report)) and any(s.altered_quotes for s in scorecard(seed_report))
