"""Who does what: the agent of each act in a parsed sentence.

A pure function over a spaCy ``Doc`` parsed by the packaged English pipeline. "Zelenskyy is set to meet European
leaders" gives the act ``meet`` to Zelenskyy; "Zelenskyy said negotiators would meet them" gives it to the
negotiators; "Zelenskyy has scheduled a meeting" gives the meeting to Zelenskyy.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from factcheck.lexicon import lines, reporting_verbs, word_set, words

_CLIMB = {"xcomp", "conj", "advcl"}
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_HOLDERS = word_set("holder_verbs")
_PRONOUNS = word_set("actor_pronouns")


@cache
def event_nouns() -> dict[str, str]:
    out = {}
    for line in lines("event_nouns.txt"):
        *noun, verb = line.split()
        out[" ".join(noun)] = verb
    return out


def _subject(tok: Any) -> Any | None:
    seen = 0
    while tok is not None and seen < 4:
        subj = [c for c in tok.children if c.dep_ in _SUBJ]
        if subj:
            return subj[0]
        if tok.dep_ in _CLIMB and tok.head is not tok:
            tok = tok.head
            seen += 1
            continue
        if tok.dep_ == "acl" and tok.head is not tok:  # "plans for negotiators to meet": subject inside "for ..."
            return None
        return None
    return None


def _phrase(tok: Any) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok`` (compounds, possessives and adjectives, no clauses)."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in ("compound", "poss", "amod", "det", "nmod", "case") or child.ent_type_:
            left = min(left, child.left_edge, key=lambda t: t.i)
    right = tok
    for child in tok.rights:
        if child.dep_ in ("compound", "case"):
            right = max(right, child, key=lambda t: t.i)
    return left.idx, right.idx + len(right.text)


def _kind(tok: Any) -> str:
    low = tok.lower_
    if low in _PRONOUNS:
        return "pronoun"
    if tok.ent_type_ == "PERSON":
        return "person"
    if tok.ent_type_ in ("ORG", "GPE", "NORP"):
        return "other"
    if tok.tag_ in ("NNS", "NNPS"):
        return "group"
    if low in words("titles"):
        return "person"
    return "other"


def find_actions(doc: Any) -> list[tuple[int, int, str, int, int, str]]:
    """``(start, end, act, agent_start, agent_end, agent_kind)`` for every act in ``doc`` whose agent can be found.

    Reporting verbs are left out: who *said* something is the speaker's business (quotes and attribution).
    """
    nouns = event_nouns()
    verbs = reporting_verbs()
    out = []
    for tok in doc:
        act = None
        agent = None
        if tok.pos_ == "VERB" and tok.lower_ not in verbs and tok.lemma_.lower() not in verbs:
            act = (tok.lemma_ or tok.lower_).lower()
            agent = _subject(tok)
            if agent is None:
                # "plans for negotiators to meet": spaCy puts the subject of the infinitive under "for".
                for child in tok.children:
                    if child.dep_ == "mark" and child.lower_ == "for":
                        break
                subj = [c for c in tok.children if c.dep_ in ("nsubj",)]
                agent = subj[0] if subj else None
        elif tok.pos_ == "NOUN" and tok.lower_ in nouns:
            act = nouns[tok.lower_]
            poss = [c for c in tok.children if c.dep_ == "poss"]
            if poss:
                agent = poss[0]
            elif tok.dep_ in ("dobj", "pobj", "attr") and tok.head.lemma_.lower() in _HOLDERS:
                agent = _subject(tok.head)
        if act is None or agent is None:
            continue
        a0, a1 = _phrase(agent)
        out.append((tok.idx, tok.idx + len(tok.text), act, a0, a1, _kind(agent)))
    return out
