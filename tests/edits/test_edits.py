"""Edit benchmark: one known edit of a real-text article must be reported as exactly that edit.

Each case audits the original article against a copy with one edit; the audit must report the edit with the
right finding kind and no divergence finding of any other kind. Runs with the real packaged model.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import factcheck
from factcheck.config import Config
from factcheck.models import FindingKind

HERE = Path(__file__).resolve().parent
BASE = (HERE / "base.txt").read_text(encoding="utf-8")

DIVERGENCE = {FindingKind.QUOTE_DIVERGENCE, FindingKind.NUMBER_CONFLICT, FindingKind.DATE_CONFLICT,
              FindingKind.ENTITY_CONFLICT, FindingKind.ATTRIBUTION_CONFLICT, FindingKind.CONTRADICTION}

N, D, E, A, C, Q = (FindingKind.NUMBER_CONFLICT, FindingKind.DATE_CONFLICT, FindingKind.ENTITY_CONFLICT,
                    FindingKind.ATTRIBUTION_CONFLICT, FindingKind.CONTRADICTION, FindingKind.QUOTE_DIVERGENCE)

# (name, old substring of base.txt, new substring, expected kind)
EDITS: list[tuple[str, str, str, FindingKind]] = [
    ("count_documents", "exchanged four documents", "exchanged five documents", N),
    ("percent", "about 20% of the disputed area", "about 35% of the disputed area", N),
    ("money", "offered $5 million", "offered $8 million", N),
    ("distance_range", "30 to 50 kilometers", "60 to 80 kilometers", N),
    ("duration_hours", "met for six hours", "met for nine hours", N),
    ("count_residents", "that 300 residents", "that 700 residents", N),
    ("count_observers", "about 40 observers", "about 90 observers", N),
    ("period_years", "initial period of two years", "initial period of five years", N),
    ("date", "held on December 2, 2025", "held on November 28, 2025", D),
    ("weekday", "in Geneva on Tuesday", "in Geneva on Monday", D),
    ("weekday_confirmed", "confirmed on Wednesday", "confirmed on Monday", D),
    ("place_meeting", "met for six hours in Geneva", "met for six hours in Vienna", E),
    ("place_travel", "travel to Belgrade next week", "travel to Zagreb next week", E),
    ("title_minister", "Interior Minister Anna Kovacs", "Foreign Minister Anna Kovacs", E),
    ("title_fellow", "a senior fellow at the Atlantic Institute", "the director of the Atlantic Institute", E),
    ("title_deputy", "Deputy Prime Minister Milan Petrovic", "Defence Minister Milan Petrovic", E),
    ("speaker_quote", "still open,\" Kovacs told", "still open,\" Petrovic told", A),
    ("speaker_quote_2", "planting season,\" Hardie said", "planting season,\" Kovacs said", A),
    ("actor_statement", "and Kovacs will travel to Belgrade", "and Kovacs's aides will travel to Belgrade", A),
    ("negation_added", "The negotiators agreed to meet again", "The negotiators did not agree to meet again", C),
    ("negation_removed", "would not accept any line", "would accept any line", C),
    ("opposite_verb", "a petition supporting the buffer zone", "a petition opposing the buffer zone", C),
    ("without_removed", "ended without a signed agreement", "ended with a signed agreement", C),
    ("quote_word", "We made real progress", "We made some progress", Q),
    ("quote_word_2", "worked that land for generations", "worked that land for centuries", Q),
    ("quote_verb", "Both capitals want a deal", "Both capitals need a deal", Q),
]

# The same facts in other words (quotations untouched).
PARAPHRASES = [
    ("but the talks ended without a signed agreement, officials said.",
     "but officials said the talks ended without a signed agreement."),
    ("Interior Minister Anna Kovacs led the Hungarian delegation, while Serbia sent",
     "The Hungarian delegation was led by Interior Minister Anna Kovacs, and Serbia sent"),
    ("The two sides exchanged four documents outlining how",
     "The two sides traded four documents that set out how"),
    ("Local officials in the border town of Szeged reported that",
     "Officials in the border town of Szeged said"),
    ("Hungarian opposition leaders criticized the proposal, arguing that",
     "Leaders of the Hungarian opposition criticized the plan, saying"),
]

DROPPED = "Local officials in the border town of Szeged reported that 300 residents had signed a petition supporting " \
          "the buffer zone.\n\n"
ADDED = ("Swiss police closed two lakeside roads near the venue for the duration of the talks.\n\n")


class MemoEmbedder:
    """The real model with an in-memory cache, so the original article's claims are embedded once per session."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.memo: dict[str, np.ndarray] = {}

    def encode(self, texts):
        todo = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if todo:
            for t, v in zip(todo, self.inner.encode(todo), strict=True):
                self.memo[t] = v
        return np.stack([self.memo[t] for t in texts]) if texts else np.zeros((0, 1), np.float32)


@pytest.fixture(scope="session")
def emb(real_embedder):
    return MemoEmbedder(real_embedder)


def _edit(old: str, new: str, text: str = BASE) -> str:
    assert text.count(old) == 1, f"{old!r} must occur exactly once in base.txt"
    return text.replace(old, new)


def _paraphrase() -> str:
    text = BASE
    for old, new in PARAPHRASES:
        text = _edit(old, new, text)
    return text


def _audit(tmp_path: Path, texts: dict[str, str], emb):
    paths = []
    for name, text in texts.items():
        p = tmp_path / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return factcheck.audit(paths, Config(use_cache=False), embedder=emb)


def _divergences(report):
    return [f for f in report.findings if f.kind in DIVERGENCE]


def _describe(findings) -> str:
    return "\n".join(f"{f.kind.value}: {f.message}" for f in findings)


def test_table_is_big_enough() -> None:
    assert len(EDITS) + 2 >= 25
    assert {k for *_, k in EDITS} == DIVERGENCE


@pytest.mark.parametrize("name,old,new,kind", EDITS, ids=[e[0] for e in EDITS])
def test_single_edit(tmp_path, emb, name, old, new, kind) -> None:
    edited = _edit(old, new)
    report = _audit(tmp_path, {"a_original": BASE, "b_edited": edited}, emb)
    found = _divergences(report)
    assert found, f"{name}: nothing reported"
    assert {f.kind for f in found} == {kind}, f"{name}: expected only {kind.value}\n{_describe(found)}"
    # The finding points at the edited words in the edited copy.
    changed = [w for w in new.replace('"', " ").split() if w not in old.split()] or new.split()
    edited_ev = " ".join(e.text for f in found for e in f.evidence if e.source == "b_edited")
    assert any(w.strip(",.") in edited_ev for w in changed), f"{name}: evidence misses the edit\n{_describe(found)}"


def test_paraphrase_is_not_a_divergence(tmp_path, emb) -> None:
    report = _audit(tmp_path, {"a_original": BASE, "b_paraphrase": _paraphrase()}, emb)
    assert not _divergences(report), _describe(_divergences(report))


def test_dropped_paragraph_is_an_omission(tmp_path, emb) -> None:
    edited = _edit(DROPPED, "")
    report = _audit(tmp_path, {"a_original": BASE, "b_paraphrase": _paraphrase(), "c_edited": edited}, emb)
    assert not _divergences(report), _describe(_divergences(report))
    omissions = [f for f in report.findings if f.kind == FindingKind.OMISSION and "c_edited" in f.missing]
    assert any("Szeged" in e.text for f in omissions for e in f.evidence), _describe(report.findings)


def test_added_sentence_is_a_unique_claim(tmp_path, emb) -> None:
    anchor = "The European Union has offered"
    edited = _edit(anchor, ADDED + anchor)
    report = _audit(tmp_path, {"a_original": BASE, "b_edited": edited}, emb)
    assert not _divergences(report), _describe(_divergences(report))
    unique = [f for f in report.findings if f.kind == FindingKind.UNIQUE_CLAIM and f.sources == ("b_edited",)]
    assert any("lakeside roads" in e.text for f in unique for e in f.evidence), _describe(report.findings)
