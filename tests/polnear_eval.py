"""Quote and speaker extraction measured against PolNeAR's hand-annotated attributions.

Gold quotations are the quoted stretches (inside quotation marks) of annotated Content spans; the gold speaker is
the annotated Source. A gold quotation is found when an extracted quote claim overlaps at least half of it. Speaker
accuracy is measured on found quotations whose gold Source names someone (not a bare pronoun or description): the
extracted speaker's surname must appear in the Source text.

Run as a script for the figures: ``python -m tests.polnear_eval [dev|train] [LIMIT]``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from factcheck.claims import extract_claims
from factcheck.extract.entities import fold, surname
from factcheck.extract.quotes import find_quotes
from factcheck.load import LoadedArticle, build_article
from factcheck.models import ClaimType

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "polnear"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "him", "them"}


@dataclass
class Scores:
    articles: int = 0
    gold: int = 0
    found: int = 0
    extracted: int = 0
    matched_extracted: int = 0
    speaker_gold: int = 0
    speaker_right: int = 0

    @property
    def recall(self) -> float:
        return self.found / max(1, self.gold)

    @property
    def precision(self) -> float:
        return self.matched_extracted / max(1, self.extracted)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / max(1, self.speaker_gold)


def _gold(ann: str, text: str) -> list[tuple[int, int, str]]:
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
    out = []
    for ev in events:
        content, source = ev.get("Content"), ev.get("Source")
        if not content or content not in spans:
            continue
        src_text = ""
        if source and source in spans:
            src_text = " ".join(text[a:b] for a, b in spans[source][1])
        for a, b in spans[content][1]:
            for q in find_quotes(text[a:b]):
                if len(q.text.split()) >= 1:
                    out.append((a + q.start, a + q.end, src_text))
    return sorted(set(out))


def _named(source: str) -> bool:
    words = re.findall(r"[A-Z][\w’'-]+", source)
    return bool(words) and fold(source) not in _PRONOUNS


def evaluate(split: str = "dev", limit: int | None = None) -> Scores:
    text_dir, ann_dir = POLNEAR / split / "text", POLNEAR / split / "attributions"
    items, golds = [], []
    for path in sorted(text_dir.glob("*.txt"))[:limit]:
        anns = sorted(ann_dir.glob(path.stem + "_*.ann"))
        if not anns:
            continue
        raw = path.read_text(encoding="utf-8")
        article, blocks = build_article(path.stem, str(path), raw, kind="text")
        items.append(LoadedArticle(article, tuple(blocks)))
        golds.append(_gold(anns[0].read_text(encoding="utf-8"), raw))
    per = extract_claims(items)
    scores = Scores(articles=len(items))
    for item, gold in zip(items, golds):
        quotes = [c for c in per[item.article.id] if c.type == ClaimType.QUOTE]
        scores.gold += len(gold)
        scores.extracted += len(quotes)
        used = set()
        for start, end, source in gold:
            hit = None
            for c in quotes:
                overlap = min(end, c.span.end) - max(start, c.span.start)
                if overlap >= 0.5 * (end - start):
                    hit = c
                    break
            if hit is None:
                continue
            scores.found += 1
            used.add(hit.id)
            if _named(source):
                scores.speaker_gold += 1
                if hit.speaker and surname(hit.speaker) and surname(hit.speaker) in fold(source).split():
                    scores.speaker_right += 1
        scores.matched_extracted += len(used)
    return scores


if __name__ == "__main__":  # pragma: no cover
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    lim = int(sys.argv[2]) if len(sys.argv) > 2 else None
    s = evaluate(split, lim)
    print(f"{split}: {s.articles} articles, {s.gold} gold quotations, recall {s.recall:.3f}, "
          f"precision {s.precision:.3f} ({s.extracted} extracted), speaker accuracy {s.speaker_accuracy:.3f} "
          f"on {s.speaker_gold} quotations with a named source")
