"""Deterministic benchmark corpora built from real text: realistic batches of many stories.

Size 5 is the seed articles themselves (``factcheck.load.load(["seeds"])``). Larger sizes are batches of many
stories, the way a newsroom feed arrives:

* about 10% of the batch is the seed story (``seeds/``: one event told by five outlets), as rewritten variants;
* the rest are stories built from real articles of ``../shared/corpora/polnear/train/text``: each polnear article
  gives one story of 2 to 6 versions, the original plus variants of it (sentences dropped, paragraphs reordered,
  words reworded, numbers and months edited).

Without the polnear folder only seed variants are used (one story). :func:`one_story` is ``size`` variants of the
seed story (the "200 articles on one story" case). Everything is driven by a seeded :class:`random.Random`, so a
size always gives the same corpus. Article ids name their planted story (``seed-...`` or ``sNNNN-...``), so
:func:`planted_stories` can count the stories the generator meant.

CLI: ``python -m benchmarks.corpus --size N --out DIR [--one-story]`` writes the corpus as ``.txt`` files.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from factcheck.load import LoadedArticle, build_article, load

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
POLNEAR = REPO.parent / "shared" / "corpora" / "polnear" / "train" / "text"
SIZES = (5, 50, 200, 1000)
DEFAULT_SEED = 1234

# Light rewording: simple word substitutions (both directions are applied at random).
SUBSTITUTIONS = {
    "said": "stated", "stated": "said", "told": "informed", "meeting": "talks", "talks": "discussions",
    "urged": "called on", "president": "leader", "officials": "authorities", "announced": "declared",
    "however": "but", "also": "additionally", "large": "big", "big": "major", "new": "fresh",
    "important": "key", "major": "significant", "ongoing": "continuing", "according to": "as reported by",
    "war": "conflict", "began": "started", "started": "began", "help": "assist", "show": "demonstrate",
    "people": "residents", "many": "numerous", "several": "a number of", "about": "around",
}
_SUB_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SUBSTITUTIONS), key=len, reverse=True)) + r")\b",
                     re.IGNORECASE)
_NUM_RE = re.compile(r"\b\d{1,3}(?:,\d{3})*(?:\.\d+)?\b")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_MONTH_RE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
_SENT_RE = re.compile(r"(?:(?<=[a-z0-9)][.!?])|(?<=[a-z0-9)][.!?][”\"’]))\s+(?=[A-Z“\"])")


def seed_texts() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def polnear_paths() -> list[Path]:
    if not POLNEAR.is_dir():
        return []
    return sorted(POLNEAR.glob("*.txt"))


def _reword(text: str, rng: random.Random, rate: float) -> str:
    def sub(m: re.Match[str]) -> str:
        word = m.group(0)
        if rng.random() >= rate:
            return word
        new = SUBSTITUTIONS[word.lower()]
        return new[:1].upper() + new[1:] if word[:1].isupper() else new
    return _SUB_RE.sub(sub, text)


def _edit_numbers(text: str, rng: random.Random, rate: float) -> str:
    def num(m: re.Match[str]) -> str:
        s = m.group(0)
        if rng.random() >= rate or "." in s:
            return s
        value = int(s.replace(",", ""))
        if 1900 <= value <= 2100:  # a year: shift by one, sometimes
            return str(value + rng.choice((-1, 1)))
        new = max(0, value + rng.choice((-1, 1)) * max(1, round(value * rng.uniform(0.05, 0.3))))
        return f"{new:,}" if "," in s else str(new)

    def month(m: re.Match[str]) -> str:
        if rng.random() >= rate:
            return m.group(0)
        i = _MONTHS.index(m.group(0))
        return _MONTHS[(i + rng.choice((-1, 1))) % 12]

    return _MONTH_RE.sub(month, _NUM_RE.sub(num, text))


def make_variant(text: str, rng: random.Random) -> str:
    """A rewritten copy of a seed article: same story, some facts dropped, moved, reworded or changed."""
    paras = [p for p in text.split("\n") if p.strip()]
    title, body = (paras[0], paras[1:]) if paras else ("", [])
    # Reorder: swap a few adjacent body paragraphs.
    for _ in range(rng.randint(0, max(1, len(body) // 3))):
        if len(body) > 2:
            i = rng.randrange(len(body) - 1)
            body[i], body[i + 1] = body[i + 1], body[i]
    drop_rate = rng.uniform(0.05, 0.3)
    word_rate = rng.uniform(0.1, 0.5)
    number_rate = rng.uniform(0.0, 0.2)
    out_paras = []
    for para in body:
        sentences = _SENT_RE.split(para)
        kept = [s for s in sentences if rng.random() >= drop_rate] or sentences[:1]
        new = " ".join(kept)
        new = _edit_numbers(_reword(new, rng, word_rate), rng, number_rate)
        out_paras.append(new)
    title = _reword(title, rng, word_rate / 2)
    return "\n\n".join([title, *out_paras]) + "\n"


SEED_SHARE = 0.1
STORY_VERSIONS = (2, 6)
POLNEAR_CHARS = (800, 12000)  # skip stubs and the few very long features


def _polnear_pool(rng: random.Random) -> list[tuple[str, str]]:
    """(stem, text) of usable polnear articles, in a seeded random order."""
    pool = []
    for path in polnear_paths():
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        if POLNEAR_CHARS[0] <= len(text) <= POLNEAR_CHARS[1] and text.count("\n\n") >= 2:
            pool.append((path.stem, text))
    rng.shuffle(pool)
    return pool


def _seed_story(n: int, rng: random.Random, prefix: str = "seed") -> list[tuple[str, str]]:
    seeds = seed_texts()
    return [(f"{prefix}-{k:05d}-{seeds[k % len(seeds)][0][:3]}", make_variant(seeds[k % len(seeds)][1], rng))
            for k in range(n)]


def generate_texts(size: int, seed: int = DEFAULT_SEED) -> list[tuple[str, str]]:
    """``size`` (source_id, raw_text) pairs: ~10% seed-story variants, the rest polnear stories of 2-6 versions."""
    rng = random.Random(seed * 1_000_003 + size)
    pool = _polnear_pool(rng)
    if not pool:
        return _seed_story(size, rng)
    n_seed = max(2, round(size * SEED_SHARE))
    out = _seed_story(n_seed, rng)
    left = size - n_seed
    lo, hi = STORY_VERSIONS
    story = 0
    while left > 0:
        stem, text = pool[story % len(pool)]
        k = min(rng.randint(lo, hi), left)
        if 0 < left - k < lo:  # never leave a remainder too small for a story
            k = left if left <= hi else left - lo
        tag = f"s{story:04d}"
        out.append((f"{tag}-v0-{stem[:32]}", text))
        out.extend((f"{tag}-v{v}-{stem[:32]}", make_variant(text, rng)) for v in range(1, k))
        left -= k
        story += 1
    return out


def one_story_texts(size: int, seed: int = DEFAULT_SEED) -> list[tuple[str, str]]:
    """``size`` variants of the seed story (all about one event)."""
    return _seed_story(size, random.Random(seed * 7_000_003 + size), prefix="one")


def planted_stories(ids) -> int:  # type: ignore[no-untyped-def]
    """Number of stories the generator planted, read from the article ids (seeds: one story)."""
    return len({i.split("-", 1)[0] if "-" in i else "seeds" for i in ids})


def _items(texts: list[tuple[str, str]]) -> list[LoadedArticle]:
    items: list[LoadedArticle] = []
    for sid, raw in texts:
        if not raw.strip():
            continue
        article, blocks = build_article(sid, f"<bench>/{sid}.txt", raw, kind="text")
        if blocks:
            items.append(LoadedArticle(article, tuple(blocks)))
    return items


def build_corpus(size: int, seed: int = DEFAULT_SEED) -> list[LoadedArticle]:
    """The benchmark batch of ``size`` articles as :class:`LoadedArticle` (size 5: the seeds from disk)."""
    if size == 5:
        return load([str(SEEDS)])
    return _items(generate_texts(size, seed))


def one_story(size: int, seed: int = DEFAULT_SEED) -> list[LoadedArticle]:
    """``size`` variants of the seed story as :class:`LoadedArticle`."""
    return _items(one_story_texts(size, seed))


def write_corpus(size: int, out: Path, seed: int = DEFAULT_SEED, single: bool = False) -> int:
    out.mkdir(parents=True, exist_ok=True)
    texts = one_story_texts(size, seed) if single else seed_texts() if size == 5 else generate_texts(size, seed)
    for sid, raw in texts:
        (out / f"{sid}.txt").write_text(raw, encoding="utf-8")
    return len(texts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True, help="number of articles (5 = the seeds)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the .txt files")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--one-story", action="store_true", help="SIZE variants of the seed story")
    args = parser.parse_args(argv)
    n = write_corpus(args.size, args.out, args.seed, single=args.one_story)
    print(f"wrote {n} articles to {args.out}" + ("" if polnear_paths() else " (polnear not found: seed variants only)"))


if __name__ == "__main__":
    main()
