"""Quote and speaker extraction measured against PolNeAR's hand-annotated attributions.

Gold quotations are the quoted stretches (inside quotation marks) of annotated Content spans; the gold speaker is
the annotated Source. A gold quotation is found when an extracted quote claim overlaps at least half of it.

Speakers are scored by what the annotated Source is (its first noun phrase, read with the packaged spaCy parser):

- **named**: the phrase is headed by a name or by a noun owned by a name ("Trump", "Sen. Tim Kaine", "The New York
  Post", "Clinton's campaign"), or a description gives the name in apposition ("the White House spokesman, Josh
  Earnest,"). Right when the extracted speaker's last word appears in the Source.
- **anaphoric**: a pronoun or a definite description ("he", "the Indiana governor", "the president"). PolNeAR has no
  coreference gold, so the referent is taken from the annotations: the nearest earlier annotated Source that is
  named and agrees (he/she: a person of that gender where the first name tells it; it/they: an organisation first;
  a description: one introduced with its head noun first). Right when the extracted speaker's last word appears in
  that referent. Read by hand on a sample, this proxy is right for most pronouns and fewer descriptions (see the
  test's docstring for the figures).
- **unnamed**: an indefinite or bare description ("a spokeswoman for the campaign", "protesters", "one Democratic
  source"), or the writer's own "I"/"we" outside any quotation. Right when no named speaker is given (the tool must
  not guess a name for an unnamed source).

A relative pronoun source ("Franklin Graham, who has vowed ...") is read as its antecedent, from the parse of its
sentence (:func:`relative_antecedent`): a name is named, an indefinite phrase unnamed, a description anaphoric.

The measure of 2026-12-04 (``--old-measure``) read a source's kind from its words alone, so a lone surname the tagger
took for a common noun ("Sanders", "Pence") was "unnamed", the writer's "I" was a pronoun standing for the last named
source, and a surname's gender was known only from a first name in the source itself. The current measure reads the
article too (:func:`named_in_article`, :func:`article_gender`); both are printed side by side in the README.

Run as a script for the figures: ``python -m tests.polnear_eval [dev|train] [LIMIT] [--old-measure]``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from factcheck.claims import extract_claims
from factcheck.extract.entities import fold, surname
from factcheck.extract.quotes import find_quotes
from factcheck.lexicon import word_classes, words
from factcheck.load import LoadedArticle, build_article
from factcheck.mentions import name_gender
from factcheck.models import Claim, ClaimType
from tests.polnear_sources import (  # noqa: F401 - read from here by the tests
    _INDEFINITE,
    _PERSONAL,
    _PRONOUNS,
    _nlp,
    indefinite_member,
    named_in_article,
    source_kind,
)

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "polnear"
_FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
_HONORIFIC_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f"}
KINDS = ("named", "anaphoric", "unnamed")


@dataclass
class Scores:
    articles: int = 0
    gold: int = 0
    found: int = 0
    extracted: int = 0
    matched_extracted: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    right_by_kind: Counter[str] = field(default_factory=Counter)
    # (article id, quotation offset, speaker given, right by the proxy) of each scored anaphoric quotation
    anaphoric: list[tuple[str, int, str | None, bool]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / max(1, self.gold)

    @property
    def precision(self) -> float:
        return self.matched_extracted / max(1, self.extracted)

    def accuracy(self, kind: str) -> float:
        return self.right_by_kind[kind] / max(1, self.by_kind[kind])

    @property
    def speaker_gold(self) -> int:
        return self.by_kind["named"]

    @property
    def speaker_accuracy(self) -> float:
        return self.accuracy("named")


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    source: str  # the annotated Source text ("" when none)
    kind: str  # named, anaphoric, unnamed or "" (no source)
    referent: str  # for named: the source; for anaphoric: the nearest earlier compatible named source


def _spans(ann: str, text: str) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[dict[str, str]]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, ranges = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
            spans[parts[0]] = (kind, pieces)  # type: ignore[assignment]
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(p.split(":", 1) for p in parts[1].split() if ":" in p))
    return spans, events


def _kind(source: str, text: str, old_measure: bool, at: int = -1, quoted: Sequence[tuple[int, int]] = ()) -> str:
    kind = source_kind(source)
    if old_measure:
        return kind
    if kind == "unnamed" and named_in_article(source, text):
        return "named"
    if kind == "named" and indefinite_member(source):
        return "unnamed"  # "a Nevada Democrat", "one Republican involved in the planning": someone not named
    if fold(source) in _FIRST_PERSON and not any(a <= at < b for a, b in quoted):
        return "unnamed"  # the writer's own "I" or "we", outside any quotation: no one the article names
    return kind


def gold_quotes(ann: str, text: str, old_measure: bool = False) -> list[GoldQuote]:
    """The gold quotations of one article. ``old_measure``: read source kinds as the measure of 2026-12-04 did,
    from the source's words alone (without :func:`named_in_article`)."""
    spans, events = _spans(ann, text)
    quoted = [] if old_measure else [(q.start, q.end) for q in find_quotes(text)]
    sources: list[tuple[int, str, str]] = []  # (start, text, kind) of every annotated source
    for ev in events:
        sid = ev.get("Source")
        if sid and sid in spans:
            pieces = spans[sid][1]
            src = " ".join(text[a:b] for a, b in pieces)
            sources.append((pieces[0][0], src, _kind(src, text, old_measure, pieces[0][0], quoted)))
    sources.sort()
    out = set()
    for ev in events:
        content, sid = ev.get("Content"), ev.get("Source")
        if not content or content not in spans:
            continue
        src_text, kind, referent, at = "", "", "", spans[content][1][0][0]
        if sid and sid in spans:
            at = spans[sid][1][0][0]
            src_text = " ".join(text[a:b] for a, b in spans[sid][1])
            kind = _kind(src_text, text, old_measure, at, quoted)
            referent = src_text if kind == "named" else ""
            antecedent = "" if old_measure else relative_antecedent(text, at, at + len(src_text))
            if antecedent:  # "Franklin Graham, who has vowed ...": the relative pronoun is its antecedent
                src_text, kind = antecedent, _kind(antecedent, text, old_measure, at, quoted)
                if fold(antecedent).split()[0] in _INDEFINITE:
                    kind = "unnamed"  # "one Democrat familiar with the discussion, who added": someone unnamed
                referent = src_text if kind == "named" else ""
            if kind == "anaphoric":
                referent = _referent(src_text, [x for x in sources if x[0] < at and x[2] == "named"],
                                     "" if old_measure else text)
        for a, b in spans[content][1]:
            for q in find_quotes(text[a:b]):
                out.add(GoldQuote(a + q.start, a + q.end, src_text, kind, referent))
    return sorted(out, key=lambda g: (g.start, g.end, g.source))


_RELATIVE = frozenset({"who", "which", "that"})


def relative_antecedent(text: str, start: int, end: int) -> str:
    """The noun phrase a relative pronoun source (``text[start:end]``: "who", "which", "that") stands for, read from
    the parse of its sentence: the head the relative clause hangs on, as the name in apposition to it or the words
    from its left edge to it ("Alfonso Aguilar, the executive director of ..., who also said" -> "Alfonso Aguilar";
    "one Democrat familiar with the discussion, who added" -> "one Democrat familiar with the discussion"). "" when
    the source is no relative pronoun or the parse hangs it on no noun. A relative pronoun means its antecedent,
    not the nearest earlier annotated source (read by hand on train, 2026-12-06: the older proxy named someone else
    for most of them)."""
    if fold(text[start:end]) not in _RELATIVE:
        return ""
    lo = max(text.rfind("\n", 0, start), start - 400, -1) + 1
    hi = text.find("\n", end)
    doc = _nlp()(text[lo:min(end + 300, len(text) if hi == -1 else hi)])
    tok = next((t for t in doc if t.idx == start - lo), None)
    if tok is None or tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "relcl":
        return ""
    noun = tok.head.head
    if noun.dep_ == "pobj" and tok.lower_ == "who" and noun.head.head.pos_ == "ADJ" and noun.head.head.dep_ == "amod":
        noun = noun.head.head.head  # "one Democrat familiar with the discussion, who": the person, not the discussion
    if noun.pos_ not in ("PROPN", "NOUN"):
        return ""
    appos = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if noun.pos_ == "NOUN" and appos:
        noun = appos[0]
    left = noun.left_edge
    if noun.pos_ == "PROPN" and not any(c.dep_ in ("det", "nummod") for c in noun.children):
        # the name alone, not a description before it ("the Vermont senator, Bernie Sanders")
        left = noun
        while left.i > 0 and doc[left.i - 1].pos_ == "PROPN" and doc[left.i - 1].dep_ in ("compound", "nmod"):
            left = doc[left.i - 1]
        return doc[left.i:noun.i + 1].text
    return doc[left.i:tok.i].text.strip(" ,(—–-") if left.i < tok.i else ""


def _referent(source: str, earlier: list[tuple[int, str, str]], text: str = "") -> str:
    """The nearest earlier named source a pronoun or description can stand for: of the pronoun's gender where the
    name tells it ("he" skips "Hillary Clinton"; with the article ``text``, a surname alone by the full name or the
    "Mr."/"Ms." the article gives it: "Kelly" is "Megyn Kelly"), a person for he/she and an organisation first for
    it/they, one introduced with the description's head noun first ("the Indiana governor" -> "Indiana Gov. Mike
    Pence")."""
    words_ = fold(source).split()
    first = words_[0] if words_ else ""
    candidates = list(reversed(earlier))
    if first in _PERSONAL:
        want = "f" if first in ("she", "her") else "m" if first in ("he", "him", "his") else None
        candidates = [c for c in candidates if not _looks_like_org(c[1])
                      and (want is None or article_gender(c[1], text) in (None, want))]
    elif first in _PRONOUNS:
        candidates = sorted(candidates, key=lambda c: not _looks_like_org(c[1]))
    else:
        head = source_head(source)
        classes = word_classes("role_synonyms")
        wanted = {head, classes.get(head, head)}
        candidates = sorted(candidates, key=lambda c: not (wanted & {classes.get(w, w) for w in fold(c[1]).split()}))
    return candidates[0][1] if candidates else ""


def article_gender(name: str, text: str) -> str | None:
    """m or f for a name by its first name, else by a full name or honorific the article gives its last word."""
    found = name_gender(name)
    if found or not text:
        return found
    last = re.findall(r"[A-Z][\w’'-]+", name)
    if not last:
        return None
    surname = re.escape(last[-1])
    tags = {_HONORIFIC_GENDER[h] for h in re.findall(rf"\b(Mr|Mrs|Ms)\.? {surname}\b", text)}
    tags |= {g for f in re.findall(rf"\b([A-Z][a-z]+) {surname}\b", text) if (g := name_gender(f"{f} {last[-1]}"))}
    return tags.pop() if len(tags) == 1 else None


@cache
def source_head(source: str) -> str:
    head_text = re.split(r",|\(|\s[—–-]\s", source)[0].strip()
    doc = _nlp()(head_text)
    roots = [t for t in doc if t.head.i == t.i]
    return (roots[0] if roots else doc[-1]).lemma_.lower()


@cache
def _looks_like_org(source: str) -> bool:
    doc = _nlp()(source)
    return any(e.label_ in ("ORG", "GPE", "NORP") for e in doc.ents) and not any(e.label_ == "PERSON" for e in doc.ents)


def speaker_right(gold: GoldQuote, claim: Claim, old_measure: bool = False) -> bool:
    """Whether the claim's speaker is the gold one: none for an unnamed source, else its last word is in the
    (referent) source. A body named by its owner ("Clinton campaign" for "Clinton's campaign" or "her campaign") is
    read by its owner's name, not by "campaign", which any campaign would match."""
    if gold.kind == "unnamed":
        return claim.speaker is None
    last = surname(claim.speaker) if claim.speaker else ""
    said = (claim.speaker or "").split()
    if not old_measure and claim.speaker_kind == "organisation" and len(said) >= 2 and \
            said[-1] in words("owned_bodies"):
        last = fold(said[-2])
    return bool(last) and bool(gold.referent) and last in fold(gold.referent).split()


def load_split(split: str = "dev", limit: int | None = None, old_measure: bool = False,
               ) -> tuple[list[LoadedArticle], list[list[GoldQuote]]]:
    text_dir, ann_dir = POLNEAR / split / "text", POLNEAR / split / "attributions"
    items, golds = [], []
    for path in sorted(text_dir.glob("*.txt"))[:limit]:
        anns = sorted(ann_dir.glob(path.stem + "_*.ann"))
        if not anns:
            continue
        raw = path.read_text(encoding="utf-8")
        article, blocks = build_article(path.stem, str(path), raw, kind="text")
        items.append(LoadedArticle(article, tuple(blocks)))
        golds.append(gold_quotes(anns[0].read_text(encoding="utf-8"), raw, old_measure))
    return items, golds


def match(gold: GoldQuote, quotes: list[Claim]) -> Claim | None:
    for c in quotes:
        if min(gold.end, c.span.end) - max(gold.start, c.span.start) >= 0.5 * (gold.end - gold.start):
            return c
    return None


def evaluate(split: str = "dev", limit: int | None = None, old_measure: bool = False) -> Scores:
    items, golds = load_split(split, limit, old_measure)
    per = extract_claims(items)
    scores = Scores(articles=len(items))
    for item, gold in zip(items, golds):
        quotes = [c for c in per[item.article.id] if c.type == ClaimType.QUOTE]
        scores.gold += len(gold)
        scores.extracted += len(quotes)
        used = set()
        for g in gold:
            hit = match(g, quotes)
            if hit is None:
                continue
            scores.found += 1
            used.add(hit.id)
            if g.kind and (g.kind != "anaphoric" or g.referent):
                scores.by_kind[g.kind] += 1
                scores.right_by_kind[g.kind] += (right := speaker_right(g, hit, old_measure))
                if g.kind == "anaphoric":
                    scores.anaphoric.append((item.article.id, g.start, hit.speaker, right))
        scores.matched_extracted += len(used)
    return scores


if __name__ == "__main__":  # pragma: no cover
    args = [a for a in sys.argv[1:] if a != "--old-measure"]
    split = args[0] if args else "dev"
    lim = int(args[1]) if len(args) > 1 else None
    s = evaluate(split, lim, old_measure="--old-measure" in sys.argv)
    print(f"{split}: {s.articles} articles, {s.gold} gold quotations, recall {s.recall:.3f}, "
          f"precision {s.precision:.3f} ({s.extracted} extracted)")
    for kind in KINDS:
        print(f"  speaker {kind:<10} {s.accuracy(kind):.3f} of {s.by_kind[kind]}")
    if split == "dev" and not lim and "--old-measure" not in sys.argv:
        from tests.polnear_hand import hand_checked

        right, read = hand_checked(s)
        print(f"  speaker anaphoric, hand-checked where read: {right / max(1, len(s.anaphoric)):.3f} ({read} read)")
