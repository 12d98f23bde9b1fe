"""Hostile text: article words that look like Rich markup, Markdown, HTML or terminal escapes are shown as text in
every output format, never interpreted."""

from __future__ import annotations

import json
import re

import pytest

from tests.clirun import run_cli

ESC = "\x1b"
A = ("Mayor Speaks After Storm\n"
     "Mayor Jane Ortiz said “[bold red]x[/] is [link=http://x]y[/link] and \x1b[31mred\x1b[0m alert” on Monday.\n"
     "# Not a heading | col | col |\n"
     "|---|---|\n"
     "The council voted 7 to 2 <script>alert(1)</script> after [x](javascript:alert(1)) was posted.\n")
B = ("Mayor Speaks After The Storm\n"
     "Mayor Jane Ortiz said “[bold red]x[/] is [link=http://x]z[/link] and \x1b[31mred\x1b[0m alert” on Monday.\n"
     "The council voted 6 to 3 <script>alert(1)</script> after [x](javascript:alert(1)) was posted.\n")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One hostile audit rendered in every format (rich and markdown and json to files, plus the Markdown report)."""
    d = tmp_path_factory.mktemp("hostile")
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "b.txt").write_text(B, encoding="utf-8")
    out: dict[str, str] = {}
    for fmt, name in (("rich", "r.txt"), ("markdown", "m.md"), ("json", "j.json")):
        extra = ["--reports-dir", "reports"] if fmt == "rich" else ["--no-markdown"]
        result = run_cli(["audit", "a.txt", "b.txt", "--format", fmt, "-o", name, "--exit-zero", *extra], d,
                         env={"FACTCHECK_EMBEDDER": "hashing"})
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        out[fmt] = (d / name).read_bytes().decode("utf-8")
    out["report"] = (d / "reports" / "a-and-1-more.md").read_bytes().decode("utf-8")
    out["raw_a"], out["raw_b"] = A, B
    return out


@pytest.mark.parametrize("fmt", ["rich", "markdown", "json", "report"])
def test_no_raw_escape_byte(outputs: dict[str, str], fmt: str) -> None:
    assert ESC not in outputs[fmt]
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", outputs[fmt])


def test_rich_shows_markup_as_text(outputs: dict[str, str]) -> None:
    text = outputs["rich"]
    assert "[bold red]x[/]" in text
    assert "[link=http://x]y[/link]" in text
    assert "<script>alert(1)</script>" in text  # the terminal is not a browser: shown verbatim
    assert "\\x1b[31mred" in text  # the escape shown as a visible symbol


@pytest.mark.parametrize("fmt", ["markdown", "report"])
def test_markdown_has_no_live_markup(outputs: dict[str, str], fmt: str) -> None:
    md = outputs[fmt]
    assert "<script" not in md.lower() and "&lt;script&gt;" in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md), "a live javascript: link"
    assert not re.search(r"(?<!\\)\[link=", md)
    assert not re.search(r"^#+ Not a heading", md, re.MULTILINE)
    assert "\\# Not a heading \\| col \\| col \\|" in md
    assert "\\[bold red\\]x\\[/\\]" in md
    # Every row of the coverage table keeps its header's number of cells: no article "|" splits a cell.
    lines = md.splitlines()
    header = next(ln for ln in lines if ln.startswith("| group"))
    rows = [ln for ln in lines if re.match(r"\| g\d+ \|", ln)]
    assert rows
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == header.count("|"), row


def test_json_round_trips_exact_characters(outputs: dict[str, str]) -> None:
    data = json.loads(outputs["json"])
    raws = {"a": outputs["raw_a"], "b": outputs["raw_b"]}
    texts = [c["text"] for c in data["claims"]]
    assert any("[bold red]x[/] is [link=http://x]y[/link] and \x1b[31mred\x1b[0m alert" in t for t in texts)
    assert any("<script>alert(1)</script> after [x](javascript:alert(1))" in t for t in texts)
    for claim in data["claims"]:
        assert raws[claim["source"]][claim["start"]:claim["end"]] == claim["text"]
    for finding in data["findings"]:
        for ev in finding["evidence"]:
            assert raws[ev["source"]][ev["start"]:ev["end"]] == ev["text"]
