"""A batch, then the same batch plus 10 new articles, on one cache: what the second run costs as a share of the
first, and whether its report equals a cold run on the grown batch. Writes ``reports/bench-incremental.md``.

    python -m benchmarks.incremental                 # 1,000 articles, then 1,010 (about 10 min on 2 cores)
    python -m benchmarks.incremental --size 200

The batch is :func:`benchmarks.corpus.build_corpus` of ``size + 10`` articles; the first run leaves out 10 of them
(spread over the batch, so they join existing stories and start new ones as a real day's articles do). Each run is
a whole process (imports, model loads, the audit through ``audit_batch_loaded`` with the caches on, every story's
JSON report rendered), timed from outside.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NEW = 10
TARGET_SHARE = 0.10


def _batch(size: int, grown: bool) -> list:  # type: ignore[type-arg]
    from benchmarks.corpus import build_corpus

    items = build_corpus(size + NEW)
    if grown:
        return items
    step = len(items) // NEW
    left_out = {items[k * step + step // 2].article.id for k in range(NEW)}
    return [it for it in items if it.article.id not in left_out]


def run_one(size: int, grown: bool, cache: str) -> dict:
    from benchmarks.run import digest
    from factcheck.api import audit_batch_loaded
    from factcheck.config import Config
    from factcheck.render.json import render_json

    items = _batch(size, grown)
    config = Config(cache_dir=cache, use_cache=bool(cache))
    batch = audit_batch_loaded(items, config, one_shot=True)  # a whole process per run, as the CLI
    for s in batch.stories:
        render_json(s.report)
    return {"articles": len(items), "stories": len(batch.stories), "digest": digest(batch.stories)}


def child(size: int, grown: bool, cache: str) -> dict:
    t = time.perf_counter()
    args = [sys.executable, "-m", "benchmarks.incremental", "--one", str(size), "--cache", cache, "--json"]
    out = subprocess.run(args + (["--grown"] if grown else []), cwd=REPO, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"run failed: {out.stderr.strip()[-2000:]}")
    row = json.loads(out.stdout.strip().splitlines()[-1])
    row["seconds"] = time.perf_counter() - t
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--one", type=int)
    parser.add_argument("--grown", action="store_true")
    parser.add_argument("--cache", default="")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--out", default=str(REPO / "reports" / "bench-incremental.md"))
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.grown, args.cache)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        shared, fresh = str(Path(tmp) / "shared"), str(Path(tmp) / "fresh")
        print(f"cold run on {args.size} articles ...", file=sys.stderr, flush=True)
        first = child(args.size, False, shared)
        print(f"  {first}\n+{NEW} new articles on the same cache ...", file=sys.stderr, flush=True)
        second = child(args.size, True, shared)
        print(f"  {second}\ncold run on the grown batch (fresh cache) ...", file=sys.stderr, flush=True)
        cold = child(args.size, True, fresh)
        print(f"  {cold}", file=sys.stderr, flush=True)
    share = second["seconds"] / first["seconds"]
    same = second["digest"] == cold["digest"]
    lines = [
        "# A grown batch on a warm cache", "",
        "| run | articles | stories | whole process s | share of the first | report digest |",
        "|---|---:|---:|---:|---:|---|",
        f"| cold, empty cache | {first['articles']} | {first['stories']} | {first['seconds']:.1f} | 1.00 | "
        f"{first['digest']} |",
        f"| +{NEW} new articles, same cache | {second['articles']} | {second['stories']} | {second['seconds']:.1f} | "
        f"{share:.2f} | {second['digest']} |",
        f"| cold on the grown batch, empty cache | {cold['articles']} | {cold['stories']} | {cold['seconds']:.1f} | "
        f"{cold['seconds'] / first['seconds']:.2f} | {cold['digest']} |", "",
        f"Second run {share:.1%} of the first (target < {TARGET_SHARE:.0%}: "
        f"{'met' if share < TARGET_SHARE else 'NOT met'}); "
        f"its report {'equals' if same else 'DIFFERS from'} the cold run's on the same articles.",
    ]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
