"""The one tokenizer: every way the checks cut text into words, in one module.

Each function is a different view of the same words, kept apart because each serves a different comparison:

- :func:`tokens` / :func:`surface_tokens`: the words of a quotation for word alignment and diffs (lower case,
  contractions expanded, an ellipsis kept as a gap), used by ``align``, ``wording``, ``lineage`` and the quote check.
- :func:`claim_words`: the words of a claim with their offsets, for the difference-first comparison
  (``difference.tokens``): numbers, clock times, money and abbreviations stay one word.
- :func:`normalise_words`: the words that identify a finding (its id and its baseline entry), punctuation and
  case dropped.
- :func:`word_runs`, :func:`plain_words`, :func:`letter_words`: words as written, lower-case words without the
  possessive, and runs of letters, for the checks that compare a few words of two claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_CONTRACTIONS = [
    (re.compile(r"\b(can)['’]t\b", re.I), r"\1 not"),
    (re.compile(r"\bwon['’]t\b", re.I), "will not"),
    (re.compile(r"n['’]t\b", re.I), " not"),
    (re.compile(r"['’]re\b", re.I), " are"),
    (re.compile(r"['’]ve\b", re.I), " have"),
    (re.compile(r"['’]ll\b", re.I), " will"),
    (re.compile(r"['’]m\b", re.I), " am"),
    (re.compile(r"['’]d\b", re.I), " would"),
]
_ELLIPSIS = re.compile(r"(?:…|\.\s?\.\s?\.)")
GAP = "…"


@lru_cache(maxsize=65536)
def tokens(text: str, expand: bool = True) -> tuple[str, ...]:
    """Lower-case word tokens; contractions expanded (``they’re`` = ``they are``); an ellipsis is kept as a gap."""
    text = text.replace("’", "'").replace("‘", "'")
    text = _ELLIPSIS.sub(f" {GAP} ", text)
    if expand:
        for pattern, repl in _CONTRACTIONS:
            text = pattern.sub(repl, text)
    out = re.findall(rf"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*|{GAP}|%|\$", text.lower())
    return tuple(t.replace("'s", "s") if t.endswith("'s") else t for t in out)


_SURFACE = re.compile(r"[A-Za-z0-9][A-Za-z0-9’'-]*|…|\.\s?\.\s?\.|%|\$")


@lru_cache(maxsize=65536)
def surface_tokens(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """:func:`tokens` of ``text`` and, for each token, the words as the text writes them (``don’t`` stands behind
    ``do``, and an empty string behind the ``not`` it was expanded into), so diffs can show the original words."""
    norm: list[str] = []
    surf: list[str] = []
    for m in _SURFACE.finditer(text):
        word = m.group(0)
        toks = tokens(word)
        for k, tok in enumerate(toks):
            norm.append(tok)
            surf.append(word if k == 0 else "")
    if tuple(norm) != tokens(text):  # a form the word-by-word pass reads differently: show the normalised words
        toks = tokens(text)
        return toks, toks
    return tuple(norm), tuple(surf)


def words_only(toks: tuple[str, ...]) -> tuple[str, ...]:
    """The tokens without the ellipsis gaps."""
    return tuple(t for t in toks if t != GAP)


def segments(toks: tuple[str, ...]) -> list[tuple[int, int]]:
    """Index ranges of the runs of words between ellipses."""
    out, start = [], 0
    for i, t in enumerate(toks + (GAP,)):
        if t == GAP:
            if i > start:
                out.append((start, i))
            start = i + 1
    return out


_CLAIM_WORD = re.compile(
    r"\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?"  # a clock time: 6:41pm, 18:41
    r"|[$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?"  # a number, money or percentage
    r"|[A-Za-z\u00C0-\u024F]+(?:[’'.-][A-Za-z\u00C0-\u024F]+)*\.?"  # a word (U.S., son-in-law, O'Neill)
)


def claim_words(text: str) -> Iterator[re.Match[str]]:
    """The words of a claim as matches (offsets into ``text``): a clock time, a number with its currency sign,
    thousands separators and percent sign, or a word with inner apostrophes, hyphens and dots and a trailing dot
    (``U.S.``, ``son-in-law``, ``O'Neill``; the caller decides whether a trailing dot ends the sentence)."""
    return _CLAIM_WORD.finditer(text)


def normalise_words(text: str) -> str:
    """Lower-case letters, digits and ``%`` only, one space apart: the words a finding is identified by."""
    return " ".join(re.findall(r"[a-z0-9%]+", text.lower().replace("’", "'")))


def word_runs(text: str) -> list[str]:
    """Words as written, with their apostrophes, hyphens and percent signs (``don’t``, ``well-known``, ``5%``)."""
    return re.findall(r"[A-Za-z0-9'’%-]+", text)


def plain_words(text: str) -> list[str]:
    """Lower-case runs of letters and digits, a possessive ``'s`` dropped (``Kovacs's envoys`` -> kovacs, envoys)."""
    text = re.sub(r"['’]s\b", " ", text.lower())
    return re.findall(r"[a-z0-9]+", text)


def letter_words(text: str) -> list[str]:
    """Runs of ASCII letters as written (``Sen. O'Neill`` -> Sen, O, Neill)."""
    return re.findall(r"[A-Za-z]+", text)
