"""Pathological article shapes: time and peak memory per MB of input, at doubling sizes; writes
``reports/bench-shapes.md``.

    python -m benchmarks.shapes                                   # every shape at 256, 512 and 1024 KB, and the
                                                                  # 2.5 MB one-paragraph article (about 20 min)
    python -m benchmarks.shapes --shapes paragraph,quotes --sizes 128,256
    python -m benchmarks.shapes --one paragraph 256 --json        # one measurement in this process

Each shape is built from real reporting, the articles of ``../shared/corpora/polnear`` one after another (repeated
only past the corpus's 4 MB), and audited beside one normal article of the corpus, the way a scraped page or a
transcript dump arrives in a batch:

* ``paragraph``: one paragraph with every sentence mark removed (a scraped page, a transcript dump);
* ``sentence``: one sentence, every sentence mark made a comma;
* ``quotes``: one paragraph in which every eighth word is quoted (about 20,000 quotation marks per MB);
* ``lines``: four words per line (about 40,000 short lines per MB);
* ``html``: the text inside ``<div>`` elements nested one level deeper every 40 bytes of input.

Every measurement runs in its own process. The audit's own time is measured after a warm-up audit of the normal
article alone (the models loaded), so model loading is not counted against the shape; the whole process's wall
time is reported too. Peak memory is the process's high-water mark (``VmHWM``), and "over warm" is that minus the
mark after the warm-up. Linear means the time per MB at a size is at most 1.5 times the time per MB at half the
size (``x per doubling``).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "polnear"
SHAPES = ("paragraph", "sentence", "quotes", "lines", "html")
SIZES_KB = (256, 512, 1024)
TARGET_KB = 2560  # the 2.5 MB one-paragraph article of issue 17
TARGET_SECONDS = 30.0
TARGET_PEAK_MB = 1536.0
LINEAR = 1.5


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _articles() -> list[Path]:
    files = sorted(CORPUS.glob("*/text/*.txt"))
    if not files:
        sys.exit(f"benchmarks.shapes needs the corpus at {CORPUS}")
    return files


def normal_article() -> Path:
    return _articles()[0]


def real_text(n_bytes: int) -> str:
    """``n_bytes`` of real reporting (white space folded), the corpus's articles one after another."""
    parts: list[str] = []
    size = 0
    files = _articles()[1:]
    while size < n_bytes:
        for f in files:
            t = " ".join(f.read_text(encoding="utf-8").split())
            parts.append(t)
            size += len(t.encode("utf-8")) + 1
            if size >= n_bytes:
                break
    return _cut(" ".join(parts), n_bytes)


def _cut(text: str, n_bytes: int) -> str:
    data = text.encode("utf-8")[:n_bytes]
    return data.decode("utf-8", errors="ignore")


def build(shape: str, kb: int) -> tuple[str, str]:
    """The file name and text of ``shape`` at ``kb`` KB."""
    n = kb * 1024
    if shape == "paragraph":
        return "big.txt", _cut(re.sub(r"[.!?…]", "", real_text(n + n // 20)), n)
    if shape == "sentence":
        return "big.txt", _cut(re.sub(r"[.!?…]", ",", real_text(n)), n - 1) + "."
    if shape == "quotes":
        words = real_text(n).split(" ")
        text = " ".join(f'"{w}"' if i % 8 == 0 else w for i, w in enumerate(words))
        return "big.txt", _cut(text, n)
    if shape == "lines":
        words = real_text(n).split(" ")
        return "big.txt", _cut("\n".join(" ".join(words[i:i + 4]) for i in range(0, len(words), 4)), n)
    if shape == "html":
        depth = n // 40
        head, tail = "<html><body>" + "<div>" * depth, "</div>" * depth + "</body></html>"
        body = real_text(max(1, n - len(head) - len(tail)))
        return "big.html", head + "<p>" + body.replace(". ", ".</p><p>") + "</p>" + tail
    raise SystemExit(f"unknown shape {shape!r} (choose from {', '.join(SHAPES)})")


def _vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_hwm() -> None:
    """Reset the high-water mark to the current RSS (Linux: write 5 to ``clear_refs``)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def measure_one(shape: str, kb: int) -> dict:
    """Audit the shape beside a normal article in this process; times and peaks."""
    t_process = time.perf_counter()
    from factcheck.api import audit
    from factcheck.config import Config

    name, text = build(shape, kb)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "batch"
        folder.mkdir()
        normal = normal_article()
        (folder / normal.name).write_text(normal.read_text(encoding="utf-8"), encoding="utf-8")
        config = Config(use_cache=False, max_article_bytes=max(5_000_000, len(text.encode()) + 1))
        audit([folder], config)  # warm-up: spaCy and the model loaded
        warm_mb = _vm_hwm_mb()
        _reset_hwm()
        (folder / name).write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        report = audit([folder], config)
        seconds = time.perf_counter() - t0
    peak = max(_vm_hwm_mb(), warm_mb)
    return {
        "shape": shape, "kb": kb, "mb": len(text.encode()) / 2**20, "seconds": seconds,
        "process_seconds": time.perf_counter() - t_process, "peak_mb": peak,
        "over_warm_mb": max(0.0, _vm_hwm_mb() - warm_mb), "claims": len(report.claims),
        "findings": len(report.findings),
    }


def run_child(shape: str, kb: int) -> dict:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "benchmarks.shapes", "--one", shape, str(kb), "--json"],
                         cwd=REPO, capture_output=True, text=True)
    if out.returncode != 0:
        return {"shape": shape, "kb": kb, "error": (out.stderr.strip().splitlines() or ["failed"])[-1],
                "wall": time.perf_counter() - t}
    row = json.loads(out.stdout.strip().splitlines()[-1])
    row["wall"] = time.perf_counter() - t
    return row


def table(rows: list[dict]) -> list[str]:
    lines = ["| shape | size | audit s | s per MB | x per doubling | whole process s | peak MB | over warm MB | "
             "MB per input MB | claims |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    prev: dict[str, dict] = {}
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['shape']} | {r['kb']} KB | failed: {r['error']} | | | | | | | |")
            continue
        per_mb = r["seconds"] / r["mb"]
        p = prev.get(r["shape"])
        ratio = f"{per_mb / (p['seconds'] / p['mb']):.2f}" if p and r["kb"] == 2 * p["kb"] else ""
        lines.append(f"| {r['shape']} | {r['kb']} KB | {r['seconds']:.1f} | {per_mb:.1f} | {ratio} | "
                     f"{r['wall']:.1f} | {r['peak_mb']:.0f} | {r['over_warm_mb']:.0f} | "
                     f"{r['over_warm_mb'] / r['mb']:.0f} | {r['claims']} |")
        prev[r["shape"]] = r
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "KB"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--sizes", default=",".join(map(str, SIZES_KB)))
    parser.add_argument("--no-target", action="store_true", help="skip the 2.5 MB one-paragraph article")
    parser.add_argument("--out", default=str(REPO / "reports" / "bench-shapes.md"))
    args = parser.parse_args()
    if args.one:
        row = measure_one(args.one[0], int(args.one[1]))
        print(json.dumps(row))
        return
    shapes = [s for s in args.shapes.split(",") if s]
    sizes = sorted(int(k) for k in args.sizes.split(",") if k)
    rows: list[dict] = []
    for shape in shapes:
        for kb in sizes:
            log(f"{shape} {kb} KB ...")
            rows.append(run_child(shape, kb))
            log(f"  {rows[-1]}")
    target = None
    if not args.no_target:
        log(f"paragraph {TARGET_KB} KB (the target) ...")
        target = run_child("paragraph", TARGET_KB)
        log(f"  {target}")
    out = ["# Pathological article shapes", "",
           "Each shape audited beside one normal article (see `benchmarks/shapes.py`); `audit s` excludes model "
           "loading, `whole process s` includes it.", "", *table(rows)]
    if target is not None:
        ok = "error" not in target and target["wall"] < TARGET_SECONDS and target["peak_mb"] < TARGET_PEAK_MB
        out += ["", f"The {TARGET_KB / 1024:.1f} MB one-paragraph article: " + (
            f"failed: {target['error']}" if "error" in target else
            f"{target['wall']:.1f} s whole process ({target['seconds']:.1f} s audit), peak {target['peak_mb']:.0f} MB "
            f"(target < {TARGET_SECONDS:.0f} s, < {TARGET_PEAK_MB:.0f} MB: {'met' if ok else 'NOT met'})")]
    worst = [r for r in rows if "error" not in r]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(out) + "\n", encoding="utf-8")
    print("\n".join(out))
    if not worst:
        sys.exit(1)


if __name__ == "__main__":
    main()
