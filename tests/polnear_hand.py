"""Hand-checked speakers for PolNeAR dev quotations whose annotated source is a pronoun or a description.

PolNeAR has no coreference gold, so :mod:`tests.polnear_eval` scores such a quotation against a proxy referent (the
nearest earlier annotated source that agrees). Read by hand on dev (2026-12-06), the proxy and the tool disagreed on
77 of 250 such quotations; ``tests/data/polnear_dev_speakers.tsv`` gives the speaker found by reading each article
for 73 of them (4 could not be told): an article id, the quotation's offset in the text file, and the speaker's
surname or the organisation's distinctive word ("PIRG|Justice": either), or ``-`` when no one named speaks (an ad's
narrator, "their attorneys"). A sample of 20 quotations where proxy and tool agreed was read too: all 20 were right.
The hand-checked figure takes the hand line where there is one and the proxy elsewhere.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.extract.entities import fold

if TYPE_CHECKING:
    from tests.polnear_eval import Scores

HAND = Path(__file__).resolve().parent / "data" / "polnear_dev_speakers.tsv"


@cache
def hand_lines() -> dict[tuple[str, int], tuple[str, ...]]:
    """(article id, offset) -> the acceptable speaker words, or ``()`` for no one named."""
    out = {}
    for line in HAND.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            article, offset, expected = line.split("\t")
            out[(article, int(offset))] = () if expected == "-" else tuple(fold(w) for w in expected.split("|"))
    return out


def right_by_hand(expected: tuple[str, ...], speaker: str | None) -> bool:
    """Whether ``speaker`` is the hand-checked one: none for no one named, else one of its words is expected."""
    if not expected:
        return speaker is None
    return speaker is not None and bool(set(expected) & set(fold(speaker).split()))


def hand_checked(scores: Scores) -> tuple[int, int]:
    """The anaphoric quotations right (by the hand line where there is one, else by the proxy), and how many of
    them had a hand line."""
    lines = hand_lines()
    right = read = 0
    for article, offset, speaker, proxy_right in scores.anaphoric:
        expected = lines.get((article, offset))
        if expected is None:
            right += proxy_right
        else:
            read += 1
            right += right_by_hand(expected, speaker)
    return right, read
