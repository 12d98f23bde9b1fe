"""Speakers read by position: the words framing a quotation when the parse gives it no source.

``"...," Trump said``, ``said X``, ``Trump stated, "..."``, ``according to John Hardie, ...``, a headline
``Trump: ...`` and a dash signature ``"..." ― Sonya Herridge``. The resolver (``factcheck.speakers``) falls back to
these only where the dependency parse names no cue and source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from factcheck.lexicon import words
from factcheck.mentions import Mention, cue_matches
from factcheck.models import Quote

_SIGNATURE = re.compile(r"\s*[―—–-]{1,2}\s*([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*$")


@dataclass(frozen=True)
class Speaker:
    """Who said one quotation, as the resolver found it."""

    name: str | None
    kind: str | None  # person | organisation, when a name is given
    span: tuple[int, int] | None  # block offsets of the words that name the speaker
    cue: str | None
    reason: str | None = None  # why ``name`` is None


def _only_title(gap: str) -> bool:
    """Whether the words between a quotation and a name are nothing but the name's title ("Interior Minister",
    "the U.S. ambassador"): then the name is the speaker, as when it follows the quotation directly."""
    titles, modifiers = words("titles"), words("role_modifiers") | words("portfolios")
    return all(w[:1].isupper() or w.lower().strip(".,") in titles | modifiers | {"the", "a", "an", "of", "for"}
               for w in gap.split())


def _participle(cue: str) -> bool:
    return cue.lower().endswith("ing")


def signature(text: str, masked_text: str, sent: tuple[int, int], quote: Quote) -> Speaker | None:
    """A signature after a quotation that opens its sentence: ``"..." ― Sonya Herridge``."""
    tail = text[quote.end + (1 if quote.closed else 0):sent[1]]
    sig = _SIGNATURE.fullmatch(tail)
    if not sig or masked_text[sent[0]:quote.start].strip(" “\"‘"):
        return None
    name = sig.group(1)
    if re.search(r"\w{4}\.$", name):
        name = name[:-1]  # the sentence's full stop ("― Carla Sanchez."), not an abbreviation's ("Jr.")
    at = sent[1] - len(tail) + sig.start(1)
    return Speaker(name, "person", (at, at + len(name)), "―")


def framed_speaker(name_of: Callable[[Mention], str | None], text: str, masked_text: str, sent: tuple[int, int],
                   quote: Quote, quotes: Sequence[Quote], found: list[Mention]) -> Speaker | None:
    """The speaker the words around the quotation name, read by position (when the parse gave none)."""
    s0, s1 = sent
    inside = [m for m in found if s0 <= m.start < s1]

    def hit(m: Mention, cue: str) -> Speaker | None:
        name = name_of(m)
        return Speaker(name, "person", (m.start, m.end), cue) if name else None

    # Frame after the quote, up to the next quote or sentence end: ``"...," Trump said`` / ``said X``.
    nxt = min([q.start - 1 for q in quotes if q.start > quote.end] + [s1])
    after = masked_text[quote.end:nxt]
    cues_after = [m for m in cue_matches(after) if m.start() < 80]
    if cues_after:
        cue = cues_after[0]
        c0, c1 = quote.end + cue.start(), quote.end + cue.end()
        before_cue = [m for m in inside if quote.end <= m.start and m.end <= c0
                      and _only_title(masked_text[quote.end:m.start].strip(" ,.;:—–-\"”’'"))]
        if before_cue:
            return hit(before_cue[-1], cue.group(0))
        after_cue = [m for m in inside if m.start >= c1 and not m.possessive and m.start < nxt]
        if after_cue:
            return hit(after_cue[0], cue.group(0))
    # Frame before the quote: ``Trump stated, "..."`` / ``Rubio noted that "some progress"`` / ``..., adding ...``.
    prev_q = max([q.end for q in quotes if q.end <= quote.start] + [s0])
    before = masked_text[s0:quote.start]
    cues_before = [m for m in cue_matches(before) if s0 + m.start() >= prev_q - 1] or cue_matches(before)
    if cues_before:
        cue = cues_before[-1]
        c0 = s0 + cue.start()
        if _participle(cue.group(0)):
            subject = [m for m in inside if m.start < c0 and not m.possessive]
            if subject:
                return hit(subject[0], cue.group(0))
        # A cue after the previous quotation takes a name after it too: "“...,” said Ms. Leon. “...”" is hers, not
        # a name the sentence gave before the first quotation.
        since = prev_q if c0 >= prev_q else s0
        candidates = [m for m in inside if m.end <= c0 and not m.possessive and m.start >= since]
        if candidates:
            return hit(candidates[-1], cue.group(0))
        after_cue = [m for m in inside if m.start >= s0 + cue.end() and m.end <= quote.start and not m.possessive]
        if after_cue:  # "according to John Hardie, ..."
            return hit(after_cue[0], cue.group(0))
    # Headline style: ``Trump: Meeting 'Reasonably Good'``.
    head = masked_text[s0:quote.start]
    colon = head.find(":")
    if colon != -1:
        # (a pronoun only in running text: "She then turned to the crowd: “...”")
        before_colon = [m for m in inside if m.end <= s0 + colon and (not m.pronoun or s0 > 0 or colon > 12)]
        topic = re.search(r"\s[Oo]n\s", head[:colon])  # "Gillibrand on Hillary ...: ‘...’": who speaks on what
        before_colon = [m for m in before_colon if not topic or m.end <= s0 + topic.start()]
        if before_colon:
            return hit(before_colon[-1], ":")
    return None
