"""Run-on text (factcheck/load/runons.py): an article gives the claims stage at most ``run_on_words`` words of
sentences over 100 words long, in reading order; ordinary sentences are always read; what is cut keeps the raw
offsets of what is left, and the article says how much it left unread."""

from __future__ import annotations

import re

import pytest

from factcheck.load.article import build_article
from factcheck.load.runons import bound_run_ons
from factcheck.models import Block, LoadedArticle

WORDS = ("the senator told voters in the county that the plan would cost more than the state could pay and that "
         "the council had been warned twice about it by its own auditors").split()


def run_on(n: int, start: int = 0) -> str:
    """``n`` words of real-looking text without a full stop."""
    text = " ".join(WORDS[(start + i) % len(WORDS)] for i in range(n))
    return text[0].upper() + text[1:]


OK1 = "The mayor closed the bridge on Tuesday."
OK2 = "Repairs will cost $12 million, the council said."


@pytest.mark.parametrize("paragraphs, budget, unread", [
    ([OK1, OK2], 50, 0),  # no run-on: untouched
    ([f"{OK1} {run_on(150)}. {OK2}"], 200, 0),  # a run-on within the budget: untouched
    ([f"{OK1} {run_on(150)}. {OK2}"], 120, 30),  # cut after 120 of its words; the sentences around it are read
    ([run_on(150), OK1, run_on(130, 7)], 200, 80),  # the budget runs across paragraphs, in reading order
    ([run_on(150), OK1, run_on(130, 7)], 100, 180),  # spent on the first: the second is left whole
    ([run_on(99), run_on(100, 3), OK2], 10, 0),  # 100 words is a long sentence, not a run-on
])
def test_run_on_words_past_the_budget_are_left_unread(paragraphs: list[str], budget: int, unread: int) -> None:
    raw = "\n\n".join(paragraphs)
    article, blocks = build_article("a", "a.txt", raw, kind="jsonl", run_on_words=budget)
    warnings = [w for w in article.warnings if "run-on" in w]
    text = " ".join(b.text for b in blocks)
    assert OK1 in text or OK1 not in raw
    assert OK2 in text or OK2 not in raw
    for b in blocks:  # every kept character is where the raw text has it
        assert raw[b.start:b.end] == b.text
    if unread == 0:
        assert not warnings and text == " ".join(p for p in paragraphs)
        return
    assert len(warnings) == 1 and warnings[0].startswith(f"{unread:,} of its ")
    ordinary = sum(len(p.split()) for p in (OK1, OK2) if p in raw)
    assert sum(len(b.text.split()) for b in blocks) - ordinary == budget  # exactly the budget's words were kept


def test_html_offsets_survive_the_cut() -> None:
    raw = f"<html><body><p>{OK1} {run_on(130).replace('county', 'county &amp; city')}</p><p>{OK2}</p></body></html>"
    article, blocks = build_article("h", "h.html", raw, kind="html", run_on_words=110)
    assert any("run-on" in w for w in article.warnings)
    first = blocks[0]
    assert first.offsets is not None and first.text.startswith(OK1)
    end = first.raw_end(len(first.text))
    assert re.sub(r"&amp;", "&", raw[first.start:end]).split()[-1] == first.text.split()[-1]
    assert blocks[-1].text == OK2


def test_captions_and_short_blocks_are_never_cut() -> None:
    caption = Block("a", "caption", 0, 10, run_on(300))
    short = Block("a", "body", 10, 20, OK1)
    kept, warning = bound_run_ons([caption, short], budget=10)
    assert kept == [caption, short] and warning is None


def test_the_report_says_what_was_left_unread(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from factcheck.api import audit_loaded
    from factcheck.config import Config
    from factcheck.embed import HashingEmbedder

    items = []
    for sid, body in (("dump", f"{OK1}\n\n{run_on(400)}"), ("wire", f"{OK1}\n\n{OK2}")):
        article, blocks = build_article(sid, f"{sid}.txt", body, kind="jsonl", run_on_words=150)
        items.append(LoadedArticle(article, tuple(blocks)))
    report = audit_loaded(items, Config(use_cache=False), HashingEmbedder())
    assert any(n.startswith("dump: 250 of its 400 words of run-on text") for n in report.notes), report.notes
