"""Who said each quotation, read from the dependency parse.

A pure function over a spaCy ``Doc`` parsed by the packaged English pipeline and the quotations found in its text.
From the words inside the marks it climbs the parse to the cue that governs them: a reporting or speech verb
("said", "told reporters", "wrote in a statement", "called it", "dismissed him as"), a speech noun with an owner
("Trump's claim that ...") or "according to". The cue's subject (or the owner, or the object of "according to") is
the source: a person or organisation the tagger names, a pronoun, or a description ("the Indiana governor",
"a spokeswoman for the campaign"), with an appositive name preferred ("the aide, Yuri Ushakov, said"). Resolving a
pronoun or description to a name needs the whole article and is the claims stage's business.

The climb stops at a clause with its own subject that is not reported speech ("Melanie said yes as Trump went on
about “how the system is rigged”": the quotation is not Melanie's), so a quotation is never given to the speaker of
a neighbouring clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.lexicon import inflections, lines, reporting_verbs, word_set, words
from factcheck.models import Quote

PERSONAL_PRONOUNS = word_set("person_pronouns")
GROUP_PRONOUNS = word_set("group_pronouns")
# Subjects that are no one's voice: "it underscores that ...", "this shows ...". A cue above them is the speaker's.
_IMPERSONAL = word_set("impersonal_subjects")
_RELATIVE = word_set("relative_pronouns")
_DEFINITE = word_set("definite_determiners")
_INDEFINITE = word_set("indefinite_determiners")
_SUBJ = ("nsubj", "csubj")
_CLAUSE_STOP = {"advcl", "conj", "parataxis", "relcl", "acl", "csubj", "prep", "pcomp", "npadvmod"}
_ENT_KIND = {"PERSON": "person", "ORG": "organisation", "GPE": "organisation", "NORP": "organisation",
             "FAC": "organisation"}


@dataclass(frozen=True)
class Source:
    """The phrase a cue gives as the author of quoted words. Offsets are into the text the doc was parsed from
    (mapped back by the caller)."""

    start: int  # the whole phrase ("the Indiana governor", "Putin's adviser, Yuri Ushakov")
    end: int
    head_start: int  # the name or the head noun
    head_end: int
    kind: str  # person | organisation | name (capitalised, not tagged) | pronoun | nominal
    text: str  # the name, pronoun or description as written
    noun: str = ""  # lemma of a description's head noun ("governor")
    definite: bool = False  # "the governor" (refers back) rather than "a spokeswoman" (someone new)
    owner: str = ""  # "Trump" in "Trump's spokesman"


@dataclass(frozen=True)
class Attribution:
    """The cue governing one quotation, with its source (None when the parse gives the cue no source). For quoted
    words in a clause that no cue reports, the clause's verb stands as the cue ("admires Putin as a “strong
    leader”")."""

    quote_start: int
    quote_end: int
    cue_start: int
    cue_end: int
    cue: str
    source: Source | None


@cache
def _cue_lemmas() -> frozenset[str]:
    return frozenset(w.lower() for w in lines("reporting_verbs.txt")) | words("speech_verbs")


@cache
def _speech_verb_forms() -> frozenset[str]:
    out: set[str] = set()
    for lemma in words("speech_verbs"):
        out |= inflections(lemma)
    return frozenset(out) | reporting_verbs()


def is_org_noun(noun: str) -> bool:
    """Whether a description's head noun names a body rather than a person ("the campaign", "the commission")."""
    return noun in words("org_heads") or noun in words("org_nouns")


def _is_cue_verb(tok: Any) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return False
    return tok.lemma_.lower() in _cue_lemmas() or tok.lower_ in _speech_verb_forms()


def _is_cue(tok: Any) -> bool:
    if _is_cue_verb(tok):
        return True
    if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
        return True
    if tok.pos_ == "NOUN" and tok.lower_ in words("speech_nouns") and any(c.dep_ == "poss" for c in tok.children):
        return True
    return False


def _own_subject(tok: Any) -> Any | None:
    subj = [c for c in tok.children if c.dep_ in _SUBJ and not (c.pos_ == "PROPN" and c.i < 12 and _dateline(c))]
    return subj[0] if subj else None


def _source_token(cue: Any) -> Any | None:
    """The token naming who speaks through ``cue``."""
    if cue.lower_ == "according":
        to = next(c for c in cue.children if c.lower_ == "to")
        objs = [c for c in to.children if c.dep_ == "pobj"]
        return objs[0] if objs else None
    if cue.pos_ == "NOUN":
        return next(c for c in cue.children if c.dep_ == "poss")
    if cue.tag_ == "VBG" and _own_subject(cue) is None and cue.dep_ in ("advcl", "xcomp", "conj"):
        # "..., adding/saying/stating “...”" tells what the sentence's subject said, wherever the parser hung it
        # ("Trump said envoys had a good meeting, adding ..." is Trump's, not the envoys').
        top = cue
        while top.head.i != top.i and _own_subject(top.head) is None or top.head.i != top.i and \
                top.dep_ in ("advcl", "xcomp", "conj", "ccomp", "acl", "relcl", "pobj", "dobj", "prep", "pcomp"):
            top = top.head
        subj = _own_subject(top)
        if subj is not None and subj.lower_ not in _RELATIVE:
            return subj
    tok, seen = cue, 0
    while tok is not None and seen < 4:
        subj = _own_subject(tok)
        if subj is not None:
            if subj.lower_ in _RELATIVE and tok.dep_ == "relcl":
                return tok.head
            return subj
        agent = [c for c in tok.children if c.dep_ == "agent"]
        if agent:
            objs = [c for c in agent[0].children if c.dep_ == "pobj"]
            return objs[0] if objs else None
        if tok.dep_ == "relcl":
            return tok.head
        if tok.dep_ in ("conj", "xcomp", "advcl", "ccomp") and tok.head.i != tok.i:
            tok = tok.head
            seen += 1
            continue
        return None
    return None


def _entity_of(tok: Any) -> Any | None:
    """The named entity ``tok`` is part of, read from the IOB tags around it (``doc.ents`` is rebuilt from the
    whole document on every access)."""
    if not tok.ent_type_:
        return None
    from spacy.tokens import Span

    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def _name_head(tok: Any) -> Any:
    """``tok`` or, for a noun with a name in apposition ("the aide, Yuri Ushakov"), the name."""
    for c in tok.children:
        if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN"):
            return c
    return tok


def _described_as_person(tok: Any) -> bool:
    """A name given a person's role in apposition ("X, a writer for ...") or a party and state ("X (R-Utah)")."""
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN" and not is_org_noun(c.lemma_.lower()):
            return True
    doc = tok.doc
    after = doc[tok.i:min(len(doc), tok.i + 6)].text_with_ws[len(tok.text_with_ws):][:12]
    return bool(re.match(r"\s*\(?[RDI]-[A-Z]", after))


def _source(tok: Any) -> Source:
    low = tok.lower_
    if low in PERSONAL_PRONOUNS or low in GROUP_PRONOUNS:
        return Source(tok.idx, tok.idx + len(tok), tok.idx, tok.idx + len(tok), "pronoun", tok.text)
    head = _name_head(tok) if tok.pos_ != "PROPN" else tok
    ent = _entity_of(head)
    phrase0, phrase1 = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    if ent is not None and ent.label_ == "NORP" and head is tok and \
            any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in tok.children):
        ent = None  # "a Nevada Democrat said": one unnamed person, not the party (read as a description below)
    if ent is not None and ent.label_ in _ENT_KIND:
        kind = _ENT_KIND[ent.label_]
        if kind == "organisation" and _described_as_person(head):
            kind = "person"  # the tagger's ORG for "Vann R. Newkirk II, a writer for The Atlantic,"
        return Source(phrase0, phrase1, ent.start_char, ent.end_char, kind, ent.text)
    if head.pos_ == "PROPN" and not (tok.ent_type_ == "NORP" and ent is None):
        left = head
        while left.i > 0 and left.doc[left.i - 1].pos_ == "PROPN" and left.doc[left.i - 1].dep_ == "compound":
            left = left.doc[left.i - 1]
        text = tok.doc[left.i:head.i + 1].text
        return Source(phrase0, phrase1, left.idx, head.idx + len(head), "name", text)
    # A description: determiner, modifiers and owner to the left; "for the campaign", "of state" to the right.
    left = min((c.left_edge for c in tok.lefts), key=lambda t: t.i, default=tok)
    right = tok
    for c in tok.rights:
        if c.dep_ == "prep" and c.right_edge.i - tok.i <= 8:
            right = c.right_edge
            break
        if c.dep_ in ("compound", "amod"):
            right = c.right_edge
    while right.i > tok.i and right.is_punct:
        right = right.doc[right.i - 1]
    text = tok.doc[left.i:right.i + 1].text
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    poss = [c for c in tok.children if c.dep_ == "poss"]
    owner = ""
    if poss:
        p = poss[0]
        pent = _entity_of(p)
        owner = pent.text if pent is not None else p.text
        owner = owner.removesuffix("'s").removesuffix("’s")
    definite = bool(dets and dets[0] in _DEFINITE) or bool(poss)
    return Source(left.idx, right.idx + len(right), tok.idx, tok.idx + len(tok), "nominal", text,
                  noun=tok.lemma_.lower(), definite=definite, owner=owner)


# What follows the place of a dateline: "WASHINGTON (AP) —", "Washington (AFP) –", "PHILADELPHIA, July 25 (UPI) —".
_DATELINE_TAIL = re.compile(r"(?:,[^()—–\n]{1,24})?\s*\([A-Z][A-Za-z.]{1,12}\)\s*[—–-]")


def _dateline(tok: Any) -> bool:
    """Whether ``tok`` is the place of a dateline that the parser made the subject of the first sentence."""
    ent = _entity_of(tok)
    end = ent.end_char if ent is not None else tok.idx + len(tok)
    return bool(_DATELINE_TAIL.match(tok.doc.text, end))


def _bare_cue(sent: Any) -> Any | None:
    """The root of ``sent`` when the sentence is nothing but a cue with its subject ("Vitter demanded."), which
    attributes the quotation beside it."""
    root = sent.root
    if not _is_cue_verb(root) or _own_subject(root) is None:
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "attr", "oprd") for c in root.children):
        return None
    return root


def _that_clause(tok: Any) -> bool:
    """An adverbial clause the parser made of a content clause: "tweeted that Machado was “disgusting”" opens with
    "that" (not "so that", "such ... that"), which no adverbial clause does."""
    first = tok.left_edge
    return tok.dep_ == "advcl" and first.lower_ == "that" and first.head.i == tok.i and \
        not (first.i > 0 and first.doc[first.i - 1].lower_ in ("so", "such"))


def _reporting_ancestor(tok: Any, quoted: set[int]) -> Any | None:
    """The cue whose content clause (``ccomp``: "says [that] ...") holds the clause of ``tok``, however deep:
    everything inside what a cue reports is the cue's, a because-, if- or when-clause included ("Clinton says she
    would break up banks if they don't pass their “stress tests”"). A clause hung on the cue any other way ("said
    yes as Trump went on about ...", "said so, and Trump called it ...") is not what the cue reports."""
    came, up = tok, tok.head
    for _ in range(10):
        if up.i == came.i:
            return None
        if (came.dep_ == "ccomp" or _that_clause(came)) and up.i not in quoted and _is_cue_verb(up):
            subj = _own_subject(up)
            if subj is None or subj.lower_ not in _IMPERSONAL:
                return up
        came, up = up, up.head
    return None


def _governing_cue(doc: Any, inside: set[int], quoted: set[int]) -> Any | None:
    """The cue whose clause holds the quotation made of the tokens ``inside`` or, for quoted words inside a clause
    no cue reports, that clause's verb: "Trump admires Putin as a “strong leader”".
    A cue is never inside a quotation (``quoted``: the tokens of all of them)."""
    toks = [doc[i] for i in sorted(inside)]
    anchors = [t for t in toks if not t.is_punct and (t.head.i not in inside or t.head.i == t.i)]
    anchors.sort(key=lambda t: -sum(1 for x in t.subtree if x.i in inside))
    clause = None
    for anchor in anchors:
        # "“...,” he said" parsed with the cue hanging off the quotation's own verb.
        for c in anchor.children:
            if c.i not in quoted and _is_cue(c) and c.dep_ in ("parataxis", "ccomp", "advcl", "conj", "prep"):
                return c
        came, tok = anchor, anchor.head
        impersonal = None
        for _ in range(10):
            if tok.i == came.i:
                break
            if tok.i not in quoted and _is_cue(tok):
                if tok.pos_ == "NOUN" and came.dep_ in ("amod", "oprd", "acomp") and tok.dep_ == "dobj" and \
                        tok.head.i not in quoted and _is_cue_verb(tok.head):
                    return tok.head  # "who called Trump's comments “racially toxic”": the caller's words
                subj = _own_subject(tok)
                if subj is None or subj.lower_ not in _IMPERSONAL:
                    return tok
                impersonal = impersonal or tok  # "She says it underscores that ...": look for her cue above
            if tok.i not in quoted and _own_subject(tok) is not None and tok.pos_ in ("VERB", "AUX"):
                according = [c for c in tok.children if c.lower_ == "according" and _is_cue(c)]
                if according:
                    return according[0]  # "According to Reuters, the deal is “all but done.”"
                aside = [c for c in tok.children if c.dep_ == "parataxis" and c.i not in quoted
                         and c.i > tok.left_edge.i and _is_cue_verb(c) and _own_subject(c) is not None
                         and not any(x.dep_ in ("dobj", "ccomp", "xcomp", "attr") for x in c.children)]
                if aside and not _is_cue(tok):
                    return aside[0]  # "Biden, Rubio said, had been in the Senate for “a thousand years”"
                if clause is None and anchor is anchors[0]:
                    clause = tok
                if tok.dep_ in _CLAUSE_STOP and impersonal is None:
                    reporter = _reporting_ancestor(tok, quoted)
                    if reporter is not None:
                        return reporter  # "Trump says he stopped watching because the NFL has gone “soft”"
                    if tok.dep_ != "relcl":
                        break  # climbing out of a clause with its own subject that nobody reports
                    # A relative clause describes its noun, and a cue above the noun reports both: "Cruz called
                    # Trump a liar who is “utterly amoral”" (else the clause's verb stays the cue, as before).
            came, tok = tok, tok.head
        if impersonal is not None:
            return impersonal
    # A quotation the parser made its own sentence, next to a bare cue: "“...?” Vitter demanded." / "He said: “...”"
    first, last = doc[min(inside)], doc[max(inside)]
    after = last.i + 1
    while after < len(doc) and doc[after].is_punct:
        after += 1
    if after < len(doc) and doc[after].is_sent_start and after > last.i:
        cue = _bare_cue(doc[after].sent)
        if cue is not None:
            return cue
    before = first.i - 1
    while before >= 0 and doc[before].is_punct:
        before -= 1
    if before >= 0 and not doc[before].sent.start > before and doc[before].sent.end <= first.i + 1:
        cue = _bare_cue(doc[before].sent)
        if cue is not None:
            return cue
    return clause


def find_attributions(doc: Any, quotes: Sequence[Quote], back: Callable[[int], int] = lambda i: i,
                      ) -> list[Attribution]:
    """The governing cue and source of each quotation in ``quotes`` (offsets into ``doc.text``) that has one.
    ``back`` maps an offset of ``doc.text`` to the caller's text (for a doc parsed from folded white space)."""
    out = []
    starts = [t.idx for t in doc]
    spans = [set(range(bisect_left(starts, q.start), bisect_left(starts, q.end))) for q in quotes]
    quoted = set().union(*spans) if spans else set()
    for q, inside in zip(quotes, spans):
        if not inside:
            continue
        cue = _governing_cue(doc, inside, quoted)
        if cue is None:
            continue
        src_tok = _source_token(cue)
        src = _source(src_tok) if src_tok is not None and src_tok.i not in inside else None
        if src is not None:
            src = Source(back(src.start), back(src.end - 1) + 1, back(src.head_start), back(src.head_end - 1) + 1,
                         src.kind, src.text, src.noun, src.definite, src.owner)
        out.append(Attribution(back(q.start), back(q.end - 1) + 1, back(cue.idx), back(cue.idx + len(cue) - 1) + 1,
                               cue.text, src))
    return out
