"""Property tests: the extractors never crash and always cite their own characters; a whole audit of generated
articles cites the raw text exactly and gives the same findings whatever the order of its inputs."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.config import Config
from factcheck.embed import HashingEmbedder
from factcheck.extract.dates import find_dates
from factcheck.extract.numbers import find_numbers
from factcheck.extract.quotes import find_quotes, split_sentences
from factcheck.models import Report
from factcheck.render import render_json

PROPERTY = settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))

# Characters news text is made of, weighted towards the ones the extractors react to.
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "“”‘’\"'«»„‹›.,;:!?-–—/()[]$%€£…&#* \n\t\u00a0é"
)
# Tokens that make the extractors do real work: numbers with scales and units, months, weekdays, relative days.
TOKENS = [
    " ", " ", " ", "\n", ".", ",", "“", "”", "‘", "’", '"', "«", "»", "'", "-", "–", "to", "and", "of", "about",
    "nearly", "said", "Mayor", "Jane", "Ortiz", "the", "will", "meet", "on", "last", "next", "Monday", "Friday",
    "yesterday", "tomorrow", "last week", "May", "Sept.", "December", "5", "31", "2024", "9999", "0001", "1,200",
    "3.5", "12", "%", "percent", "$", "€", "million", "bn", "thousand", "hundreds of", "people", "homes", "km",
    "two", "twenty-one", "dozen", "half", "2024-05-06", "13/45", "May 5, 2024", "5 May 2024", "Tuesday night",
]

news_text = st.one_of(
    st.text(alphabet=ALPHABET, max_size=200),
    st.lists(st.sampled_from(TOKENS), max_size=60).map("".join),
    st.lists(st.sampled_from(TOKENS), max_size=30).map(" ".join),
)


def _cites_itself(text: str, items) -> None:  # type: ignore[no-untyped-def]
    for item in items:
        assert 0 <= item.start <= item.end <= len(text), item
        assert text[item.start:item.end] == item.text, item


@PROPERTY
@given(news_text)
def test_find_quotes_total_and_exact(text: str) -> None:
    quotes = find_quotes(text)
    _cites_itself(text, quotes)
    for start, end in split_sentences(text, quotes):
        assert 0 <= start <= end <= len(text)


@PROPERTY
@given(news_text)
def test_find_numbers_total_and_exact(text: str) -> None:
    numbers = find_numbers(text)
    _cites_itself(text, numbers)
    for n in numbers:
        assert n.low <= n.high or n.low != n.low, n  # NaN never expected, but a range is never upside down


# Any article date, with the calendar's edges (a JSONL ``published`` may say 9999-12-31) drawn often.
reference_dates = st.one_of(
    st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 1, 31), dt.date(9999, 12, 1), dt.date(2024, 2, 29)]),
    st.dates(),
)


@PROPERTY
@given(news_text, reference_dates)
def test_find_dates_total_and_exact(text: str, reference: dt.date) -> None:
    _cites_itself(text, find_dates(text, reference))
    _cites_itself(text, find_dates(text))


# ---------------------------------------------------------------------------------------------------------------
# whole audit on generated articles

NAMES = ["Jane Ortiz", "Tom Weller", "Ana Lima"]
SUBJECTS = ["The storm", "The council", "Mayor Jane Ortiz", "Police", "The company"]
VERBS = ["hit the town", "closed the bridge", "approved the budget", "did not approve the plan", "lost power"]
TAILS = ["on Monday", "last week", "on May 5, 2024", "yesterday", "", "after midnight"]
QUANTITIES = ["about 200 homes", "1,200 people", "3.5 percent", "$4 million", "two schools", "dozens of roads"]
OPEN_CLOSE = [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("“", "")]
REMARKS = ["we will rebuild", "nobody expected this", "the water rose fast", "we need help now"]

statement = st.builds(
    lambda s, v, q, t: f"{s} {v}{' affecting ' + q if q else ''}{' ' + t if t else ''}.",
    st.sampled_from(SUBJECTS), st.sampled_from(VERBS), st.sampled_from(QUANTITIES + [""]), st.sampled_from(TAILS),
)
quotation = st.builds(
    lambda name, marks, remark, before: (f"{name} said {marks[0]}{remark}{marks[1]}." if before
                                         else f"{marks[0]}{remark.capitalize()},{marks[1]} {name} said."),
    st.sampled_from(NAMES + ["officials"]), st.sampled_from(OPEN_CLOSE), st.sampled_from(REMARKS), st.booleans(),
)
sentence = st.one_of(statement, quotation)
article = st.builds(
    lambda title, body, sep: (f"{title}\n" if title else "") + sep.join(body) + "\n",
    st.sampled_from(["Storm Hits Coast Town", "Council Votes On Budget", ""]),
    st.lists(sentence, min_size=2, max_size=4),
    st.sampled_from([" ", "\n"]),
)
articles = st.lists(article, min_size=2, max_size=3)

EMBEDDER = HashingEmbedder()
CONFIG = Config(use_cache=False)


def _check_spans(report: Report) -> None:
    raw = {a.id: a.raw for a in report.articles}
    for claim in report.claims:
        text = raw[claim.source]
        for span in (claim.span, claim.sentence, claim.quote_span, claim.speaker_span):
            if span is not None:
                assert text[span.start:span.end] == span.text, (claim.id, span)
        for item in (*claim.numbers, *claim.dates, *claim.entities):
            assert text[item.start:item.end] == item.text, (claim.id, item)
    for finding in report.findings:
        for ev in finding.evidence:
            assert raw[ev.source][ev.start:ev.end] == ev.text, (finding.id, ev)


# Two whole audits an example: 100 examples, not the extractors' 500 (two audits cost about 0.1 s an example: 40 s
# at 500). The crash this property found (a parse that made "»" the subject of "said") is pinned by
# tests/test_speakers.py::test_a_mark_parsed_as_the_subject_is_no_speaker; with that fix reverted, 500 fresh
# examples did not find it again in three of three runs, so the larger budget bought little.
AUDIT_PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))


@AUDIT_PROPERTY
@given(articles, st.randoms(use_true_random=False))
def test_audit_cites_raw_text_and_ignores_input_order(texts: list[str], rnd) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = Path(tmp) / f"outlet{i}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        first = factcheck.audit(paths, CONFIG, embedder=EMBEDDER)
        shuffled = list(paths)
        rnd.shuffle(shuffled)
        second = factcheck.audit(shuffled[::-1], CONFIG, embedder=EMBEDDER)
    _check_spans(first)
    assert [f.id for f in first.findings] == [f.id for f in second.findings]
    assert render_json(first) == render_json(second)
