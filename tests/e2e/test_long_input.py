"""Pathological shapes are bounded, not special-cased: a sentence without end, a paragraph longer than a page,
a claim with many mentions. What the bounds must keep: every word, every quotation whole, every offset true."""

from __future__ import annotations

import random
import re

import pytest

from factcheck.difference import _mention_at, _Mentions
from factcheck.extract.entities import CHUNK_CHARS, EntityTagger, _pieces
from factcheck.extract.quotes import MAX_SENTENCE_WORDS, find_quotes, split_sentences

CLAUSES = ["the committee met on Tuesday", "lawmakers argued about the budget for hours",
           "the governor said he would veto the bill", "aides disputed the figures", "nobody left early",
           "the vote was delayed again"]


def _run_on(n_clauses: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    seps = [", ", " and ", "; ", " ", " but "]
    return "".join(rng.choice(CLAUSES) + rng.choice(seps) for _ in range(n_clauses)).strip()


def test_a_sentence_without_end_is_cut_into_bounded_pieces_that_keep_every_word() -> None:
    text = _run_on(1500)
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(len(text[s:e].split()) <= MAX_SENTENCE_WORDS for s, e in spans)
    assert all(e0 <= s1 for (_, e0), (s1, _) in zip(spans, spans[1:]))  # in order, never overlapping
    kept = [w for s, e in spans for w in text[s:e].split()]
    assert kept == text.split()


def test_cuts_prefer_clause_boundaries() -> None:
    text = _run_on(1500, seed=3)
    spans = split_sentences(text)
    # A piece ends at a clause mark (comma, semicolon) or before a conjunction, not between any two words.
    ends = [text[e - 1] for _, e in spans[:-1]]
    following = [text[e:].split(maxsplit=1)[0] for _, e in spans[:-1]]
    assert all(c in ",;" or w in ("and", "but") for c, w in zip(ends, following))


def test_a_long_quotation_inside_a_long_sentence_is_never_cut() -> None:
    quote = " ".join(f"word{i}" for i in range(3 * MAX_SENTENCE_WORDS))
    text = f"{_run_on(60)}, the senator said, “{quote}” and then {_run_on(200, seed=1)}"
    (q,) = find_quotes(text)
    spans = split_sentences(text)
    holding = [(s, e) for s, e in spans if s < q.end and q.start < e]
    assert len(holding) == 1 and holding[0][0] <= q.start and q.end <= holding[0][1]
    assert [w for s, e in spans for w in text[s:e].split()] == text.split()


def test_ordinary_sentences_are_not_touched() -> None:
    text = "The council voted 7-2 on Tuesday. “We will appeal,” the mayor said. Turnout was low, officials said."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "The council voted 7-2 on Tuesday.", "“We will appeal,” the mayor said.", "Turnout was low, officials said."]


def test_a_long_paragraph_is_parsed_in_pieces_that_cover_it_at_sentence_starts() -> None:
    text = " ".join(["Senator Elizabeth Warren met Governor Andrew Cuomo in Albany on Monday."] * 800)
    pieces = _pieces(text)
    assert len(pieces) > 1 and pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(pieces, pieces[1:]))
    starts = {s for s, _ in split_sentences(text)}
    assert all(a in starts for a, _ in pieces)
    assert all(b - a < 2 * CHUNK_CHARS for a, b in pieces)
    assert _pieces("A short paragraph.") == [(0, len("A short paragraph."))]


@pytest.mark.slow
def test_entities_of_a_long_paragraph_keep_their_offsets() -> None:
    one = "Senator Elizabeth Warren met Governor Andrew Cuomo in Albany on Monday."
    text = "  ".join([one] * 600)  # doubled spaces: offsets go back through the white-space folding too
    assert len(text) > 2 * CHUNK_CHARS
    tagger = EntityTagger()
    alone = tagger.tag([one])[0]
    whole = tagger.tag([text])[0]
    assert len(whole) == 600 * len(alone)
    for ent in whole:
        assert " ".join(text[ent.start:ent.end].split()) == ent.text


def test_mentions_by_position_give_what_a_scan_gives() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for k in range(rng.randint(0, 30)):
            s = rng.randint(0, 300)
            spans.append((s, s + rng.randint(1, 25), k, rng.choice(["date", "num", "person", "place"])))
        index = _Mentions(spans)
        for _ in range(20):
            start = rng.randint(0, 320)
            end = start + rng.randint(1, 8)
            assert _mention_at(index, start, end) == _scan(spans, start, end)


def _scan(spans: list[tuple[int, int, int, str]], start: int, end: int) -> tuple[int, str] | None:
    best = None
    for s, e, ref, tag in spans:
        if s <= start and end <= e:
            if tag == "date":
                return ref, tag
            if best is None or e - s < best[0]:
                best = (e - s, ref, tag)
    return (best[1], best[2]) if best else None


def test_sentence_boundaries_among_many_quotations_stay_outside_them() -> None:
    words = re.sub(r"\s+", " ", " ".join(CLAUSES * 300)).split()
    text = " ".join(f'"{w}."' if i % 7 == 0 else (w + "." if i % 11 == 0 else w) for i, w in enumerate(words))
    spans = split_sentences(text)
    quotes = find_quotes(text)
    assert len(quotes) > 500 and len(spans) > 100
    for _, e in spans:  # no boundary inside a quotation
        assert not any(q.start < e < q.end for q in quotes)


def test_a_giant_paragraph_holding_a_chrome_phrase_is_still_read() -> None:
    from factcheck.load import build_article

    body = " ".join(f"{c} on day {i}" for i, c in enumerate(CLAUSES * 40))
    raw = f"Budget talks stall\n\n{body} and all rights reserved by the network {body}\n\nAll rights reserved."
    _, blocks = build_article("dump", "<test>/dump.txt", raw, kind="text")
    kinds = [b.kind for b in blocks]
    assert any(len(b.text.split()) > 1000 for b in blocks)  # the long paragraph is kept
    assert not any(b.text == "All rights reserved." for b in blocks if b.kind == "body"), kinds


def test_a_stray_mark_in_a_giant_paragraph_is_not_a_quotation_of_thousands_of_words() -> None:
    from factcheck.extract.quotes import MAX_QUOTE_WORDS

    text = f'{_run_on(100)} and he called it "a {_run_on(1500, seed=2)}'
    assert find_quotes(text) == []  # runs on to the end: a stray mark, read as text
    spans = split_sentences(text)
    assert all(len(text[s:e].split()) <= MAX_SENTENCE_WORDS for s, e in spans)
    short = 'He said "we will appeal" and left.'
    assert [q.text for q in find_quotes(short)] == ["we will appeal"]
    assert MAX_QUOTE_WORDS > 300  # the corpus's longest real quotation is 291 words


def test_a_figure_inside_a_name_never_indexes_the_names_as_numbers() -> None:
    """A digit word the tagger put inside a name, with no number read there, is a figure without a number mention:
    comparing it must not read the claim's numbers by the name's index (it crashed on a page with 20,000 quotation
    marks, and could cite the wrong figure)."""
    from factcheck.difference import compare_pair, tokenize
    from factcheck.models import Claim, ClaimType, Entity, Number, Span

    def claim(cid: str, text: str, number: bool) -> Claim:
        span = Span(cid, 0, len(text), text)
        at = text.index("Route")
        ents = (Entity(0, 3, "Bob", "person", "Bob"), Entity(at, at + 8, text[at:at + 8], "place", text[at:at + 8]))
        nums = (Number(text.index("12"), text.index("12") + 2, "12", 12.0, 12.0, "day"),) if number else ()
        return Claim(f"{cid}#c0", cid, 0, ClaimType.STATEMENT, span, span, numbers=nums, entities=ents)

    a = claim("a", "Bob said Route 66 was closed for 12 days", number=True)
    b = claim("b", "Bob said Route 67 was closed for 12 days", number=False)
    figure = next(t for t in tokenize(b) if t.text == "67")
    assert figure.tag == "num" and figure.ref == -1
    compare_pair(a, b)
    compare_pair(b, a)
