"""Run-on text: a bound on how much of it an article gives the later stages.

A run-on is a sentence of more than :data:`~factcheck.extract.quotes.MAX_SENTENCE_WORDS` words: what a scraped page
or a transcript dump without full stops looks like. Its claims are windows cut at commas, not statements, and every
word of it costs a parse and an embedding (on two cores about two minutes a megabyte), so an article gives the
claims stage at most ``budget`` words of run-on text, in reading order. Sentences of ordinary length are always read
whole, wherever they stand; what is left unread is cut out of its paragraph at a word boundary, and the article
carries a warning that says how much was left (the report shows it with the article's other warnings).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.config import Config
from factcheck.extract.quotes import MAX_SENTENCE_WORDS, split_sentences
from factcheck.models import Block

#: Words of run-on text read per article by default.
RUN_ON_WORDS = Config.run_on_words

_WORD = re.compile(r"\S+")


def bound_run_ons(blocks: Sequence[Block], budget: int = RUN_ON_WORDS) -> tuple[list[Block], str | None]:
    """``blocks`` with the run-on text past the first ``budget`` words cut out, and the warning to give (None when
    nothing was cut)."""
    out: list[Block] = []
    total = spent = 0
    for block in blocks:
        if block.kind == "caption" or block.text.count(" ") < MAX_SENTENCE_WORDS:
            out.append(block)  # too short to hold a run-on
            continue
        unread: list[tuple[int, int]] = []
        for s, e in split_sentences(block.text, bound=False):
            words = [m.start() for m in _WORD.finditer(block.text, s, e)]
            if len(words) <= MAX_SENTENCE_WORDS:
                continue
            total += len(words)
            left = budget - spent
            if len(words) <= left:
                spent += len(words)
                continue
            spent = budget
            unread.append((words[left] if left > 0 else s, e))
        out.extend(_without(block, unread))
    if total == spent:
        return out, None
    return out, (f"{total - spent:,} of its {total:,} words of run-on text (sentences of over {MAX_SENTENCE_WORDS} "
                 f"words: no full stops) were left unread; the first {budget:,} were read (raise run_on_words in "
                 "[tool.factcheck] or pass --run-on-words)")


def _without(block: Block, unread: list[tuple[int, int]]) -> list[Block]:
    """The pieces of ``block`` outside the ``unread`` spans (in order, white space trimmed), each a block of its own
    whose characters keep their places in the raw text."""
    if not unread:
        return [block]
    pieces: list[Block] = []
    at = 0
    for s, e in [*unread, (len(block.text), len(block.text))]:
        a, b = at, s
        while a < b and block.text[a].isspace():
            a += 1
        while b > a and block.text[b - 1].isspace():
            b -= 1
        if b > a:
            offsets = block.offsets[a:b] if block.offsets is not None else None
            pieces.append(Block(block.source, block.kind, block.raw_start(a), block.raw_end(b), block.text[a:b],
                                offsets))
        at = e
    return pieces
