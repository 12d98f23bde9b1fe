"""Event evidence: what an article's lead says happened, when and where, and whether two articles report one event.

Topic evidence (similar headlines, the same famous names) cannot tell two earthquakes, two rallies or two rulings
a week apart from one event told twice. An :class:`EventSketch` keeps what the lead says of the event itself: the
days it is dated to (the article's date, and day dates in the lead resolved against it), the places it names,
the names of the people and bodies acting, its figures, and the people the whole article is about (the ones it
names most). :func:`pair_evidence` weighs two sketches for and against one event. Everything is regular expressions
and the offline gazetteer (no tagger), because stories are formed before claims are extracted, on every article of
a batch.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from factcheck import lexicon
from factcheck.extract.dates import find_dates
from factcheck.extract.entities import fold
from factcheck.load import LoadedArticle, infer_published
from factcheck.places import is_place, place_relation

#: Capitalised word runs: candidate names and places ("Russian President Vladimir Putin", "Hallandale Beach").
_CAPS = re.compile(r"\b[A-Z][a-zA-Z’'-]+(?:\s+(?:of\s+|de\s+|al-)?[A-Z][a-zA-Z’'-]+)*")
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]*\d)")
_CALENDAR = frozenset(lexicon.lines("calendar_names.txt"))
#: A lead names its event's day within this many days before the article's date (or the day after it).
_LOOK_BACK = 7
#: How much of an article its place overlap and its principals read.
_BODY_CHARS = 4000
#: One capitalised word, hyphenated names whole ("Vasquez-Lind"), for the principals and the absence test.
_CAPWORD = re.compile(r"\b[A-Z][\w’'-]*\w")


@dataclass(frozen=True)
class EventSketch:
    """What an article's lead says of its event.

    Attributes:
        days: ordinals of the days the event is dated to: the article's date and the day dates its lead gives.
        dated: the article's date comes from metadata (a feed's field, the page's meta tags), not from the text.
        places: places the lead names (gazetteer names, as written).
        actors: surnames of the people the lead names (folded), titles and places left out.
        bodies: whole names of the bodies it names ("republican party").
        names: every multi-word name in the article (folded), for overlap.
        all_places: the places the article's first few thousand characters name (lower-cased), for overlap.
        figures: the lead's figures other than years and numbers under ten ("300", "6.1").
        principals: surnames of the people the article is about: the people it names in full whose surname it
            writes most often (twice or more, at least half as often as the most named one).
        capitalised: every capitalised word of the article's first few thousand characters (folded), so another
            article's principals can be looked up in it.
        repeated: the capitalised words it writes twice or more (a person named once is named in passing).
    """

    days: frozenset[int]
    dated: bool
    places: tuple[str, ...]
    actors: frozenset[str]
    bodies: frozenset[str]
    names: frozenset[str]
    figures: frozenset[str]
    all_places: frozenset[str] = frozenset()
    principals: frozenset[str] = frozenset()
    capitalised: frozenset[str] = frozenset()
    repeated: frozenset[str] = frozenset()


class PairEvidence(NamedTuple):
    """Evidence for (positive) and against (negative) one event, beside the leads' similarity.

    ``veto`` says the two can never be one story: both are dated by metadata and their event days lie more than the
    allowed gap apart.
    """

    bonus: float
    penalty: float
    veto: bool
    gap: int | None


def lead_body(item: LoadedArticle, chars: int = 600) -> str:
    """The first paragraphs without the headline (headline capitals make every word look like a name)."""
    parts: list[str] = []
    title = item.article.title
    for span in item.article.blocks:
        if sum(len(p) for p in parts) >= chars:
            break
        if title and span.text.strip() == title.strip():
            continue
        parts.append(span.text)
    return " ".join(parts)[:chars]


@cache
def _is_place(name: str) -> bool:
    """A place name, and not only a small town's (Obama, Clinton): one word must name a country, a state or a
    city of 100,000 or more."""
    from factcheck.places import _readings  # noqa: PLC2701 - the readings behind is_place

    if name in _CALENDAR or not is_place(name):
        return False
    if " " in name:
        return True
    return any(r.kind != "city" or r.pop >= 100_000 for r in _readings(name))


@cache
def _relation(a: str, b: str) -> str:
    return place_relation(a, b)


def _actor(run: str) -> tuple[str, bool] | None:
    """Who a capitalised run of two or more words names, and whether it is a body: a person's surname ("Russian
    President Vladimir Putin" -> "putin", hyphenated surnames whole), or a body's whole name ("Republican Party");
    None for titles and dates alone."""
    from factcheck.extract.entities import _is_title  # noqa: PLC2701 - the title word list, shared

    words = [w for w in re.split(r"\s+", run) if w not in ("of", "de") and w not in _CALENDAR]
    while words and _is_title(words[0].lower()):
        words.pop(0)
    heads = lexicon.words("org_heads")
    if not words or len(words) > 4 or all(w.lower() in heads or _is_title(w.lower()) for w in words):
        return None  # a title or a body's generic word alone; five words or more is a headline, not a name
    if words[-1].lower() in heads:
        return fold(" ".join(words)), True
    last = fold(words[-1])
    return (last, last in heads) if len(last) > 2 else None


def _first_sentence(text: str) -> str:
    m = re.search(r"(?<=[a-z0-9)”\"’][.!?])\s+(?=[A-Z“\"])", text)
    return text[:m.start()] if m else text


def sketch(item: LoadedArticle, lead_chars: int = 600) -> EventSketch:
    """The event evidence of one article (pure: the same article always gives the same sketch)."""
    article = item.article
    body = lead_body(item, lead_chars)
    published = article.published
    days: set[int] = set()
    if published is not None:
        days.add(published.toordinal())
    # The event's own day is in the lead's first sentence ("... said on Tuesday"); later ones look back at others.
    lead_days: set[dt.date] = set()
    for mention in find_dates(_first_sentence(body), published):
        if mention.date is None or mention.granularity != "day":
            continue
        lead_days.add(mention.date)
        if published is None or -_LOOK_BACK <= (mention.date - published).days <= 1:
            days.add(mention.date.toordinal())
    # A date read from anywhere in the text (the latest it names) is evidence; one from metadata, or one the
    # lead's first sentence states ("LIMA, March 4, 2024 -"), is firm.
    dated = published is not None and (published in lead_days
                                       or published != infer_published(b.text for b in article.blocks))
    runs = [m.group(0).rstrip("’'").removesuffix("’s").removesuffix("'s") for m in _CAPS.finditer(body)]
    actors: set[str] = set()
    bodies: set[str] = set()
    places: list[str] = []
    text = " ".join(b.text for b in article.blocks)[:_BODY_CHARS]
    common = {fold(w) for w in set(re.findall(r"\b[a-z][a-z’'-]+\b", text))}  # words it writes in lower case
    for run in runs:
        if " " in run and not _is_place(run):
            found = _actor(run)
            if found and (found[1] or found[0] not in common):
                # "Rally", "Insult" of a headline-cased line are words, not surnames
                (bodies if found[1] else actors).add(found[0])
    for run in runs:
        # "Clinton" is a town, but not in a lead that names Hillary Clinton
        if _is_place(run) and run not in places and (" " in run or fold(run) not in actors):
            places.append(run)
    figures = set()
    for m in _NUMBER.finditer(body):
        raw = m.group(1).replace(",", "")
        value = float(raw)
        if value >= 10 and not (raw.isdigit() and 1900 <= value <= 2100):
            figures.add(raw)
    all_places = frozenset(run.lower() for run in (m.group(0) for m in _CAPS.finditer(text)) if _is_place(run))
    capitalised = Counter(fold(w) for w in _CAPWORD.findall(text))
    return EventSketch(frozenset(days), dated, tuple(places), frozenset(actors), frozenset(bodies),
                       _names(item), frozenset(figures), all_places - {fold(a) for a in actors},
                       principals(text, capitalised, common), frozenset(capitalised),
                       frozenset(w for w, n in capitalised.items() if n >= 2))


#: A capitalised word followed by another (a middle initial between): a given name and a surname, when the first is
#: a known first name ("Senator Maria Lopez" -> "Maria", "Lopez"); a lookahead, so runs overlap.
_FULL_NAME = re.compile(r"(?=\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][\w’'-]*\w))")


def principals(text: str, capitalised: Counter[str], common: set[str]) -> frozenset[str]:
    """Surnames of the people an article is about: people it names in full at least once (a known first name, then
    a surname that is no title, place, party, body or date), whose surname it writes most often: twice or more, and at
    least half as often as the most named one's."""
    from factcheck.extract.entities import _is_title  # noqa: PLC2701 - the title word list, shared

    given = lexicon.word_classes("first_names")
    other = lexicon.words("org_heads") | lexicon.word_set("parties")
    people = set()
    for m in _FULL_NAME.finditer(text):
        first, last = m.group(1), m.group(2)
        name = fold(last)
        if (first.lower() in given and last not in _CALENDAR and not last.isupper() and name not in common
                and last.lower() not in other and not _is_title(last.lower()) and not _is_place(last)):
            people.add(name)
    counts = {p: capitalised[p] for p in people if capitalised[p] >= 2}
    top = max(counts.values(), default=0)
    return frozenset(p for p, c in counts.items() if 2 * c >= top)


_STOP_NAMES = frozenset(lexicon.lines("name_stop_words.txt"))
_NAME = re.compile(r"\b[A-Z][a-zA-Z’'-]+(?:\s+[A-Z][a-zA-Z’'-]+)+")


def _names(item: LoadedArticle) -> frozenset[str]:
    """Multi-word capitalised names in the whole article (cheap; no tagger needed)."""
    text = " ".join(s.text for s in item.article.blocks)
    out = set()
    for m in _NAME.finditer(text):
        words = [w for w in m.group(0).split() if w not in _STOP_NAMES]
        if len(words) >= 2:
            out.add(" ".join(words).lower())
    return frozenset(out)


def day_gap(a: Iterable[int], b: Iterable[int]) -> int | None:
    """Fewest days between a day of ``a`` and a day of ``b`` (None when either has none)."""
    a, b = sorted(a), sorted(b)
    if not a or not b:
        return None
    return min(abs(x - y) for x in a for y in b)


def place_evidence(a: tuple[str, ...], b: tuple[str, ...]) -> str:
    """``shared`` when a place of one is, holds or lies in a place of the other; ``disjoint`` when no place of one
    can be any place of the other; else ``unknown`` (either names none, or the gazetteer cannot tell)."""
    if not a or not b:
        return "unknown"
    relations = {_relation(x, y) for x in a for y in b}
    if relations & {"same", "inside", "contains"}:
        return "shared"
    return "disjoint" if relations == {"disjoint"} else "unknown"


@dataclass(frozen=True)
class Weights:
    """How much each piece of evidence moves a pair's score (the leads' cosine similarity); see ``Config``."""

    days: int = 3
    date_penalty: float = 0.3
    place_bonus: float = 0.05
    place_penalty: float = 0.4
    actor_bonus: float = 0.04
    actor_penalty: float = 0.2
    figure_bonus: float = 0.05
    figure_penalty: float = 0.05
    names_bonus: float = 0.1
    names_penalty: float = 0.2
    principal_penalty: float = 0.4


def pair_evidence(a: EventSketch, b: EventSketch, w: Weights) -> PairEvidence:
    """Evidence for and against ``a`` and ``b`` reporting one event.

    >>> quake = EventSketch(frozenset({738000}), True, ("Peru",), frozenset({"vega"}), frozenset(), frozenset(),
    ...                     frozenset())
    >>> other = EventSketch(frozenset({738007}), True, ("Chile",), frozenset({"soto"}), frozenset(), frozenset(),
    ...                     frozenset())
    >>> pair_evidence(quake, other, Weights()).veto
    True
    """
    bonus = penalty = 0.0
    gap = day_gap(a.days, b.days)
    veto = False
    if gap is not None and gap > w.days:
        if a.dated and b.dated:
            veto = True
        penalty += w.date_penalty
    places = place_evidence(a.places, b.places)
    if places == "disjoint" and ({p.lower() for p in a.places} <= b.all_places
                                 or {p.lower() for p in b.places} <= a.all_places):
        places = "unknown"  # one lead names where it happened, the other what it is about ("in Moscow" / "Ukraine")
    if places == "shared":
        bonus += w.place_bonus
    elif places == "disjoint":
        penalty += w.place_penalty
    fewest = min(len(a.all_places), len(b.all_places))
    if places != "shared" and fewest >= 2 and len(a.all_places & b.all_places) / fewest < 0.25:
        penalty += w.place_penalty / 2  # the articles are set in other places throughout
    shared_actors = len(a.actors & b.actors)
    bonus += w.actor_bonus * min(shared_actors + len(a.bodies & b.bodies), 3)
    if min(len(a.actors), len(b.actors)) >= 2 and shared_actors / min(len(a.actors), len(b.actors)) < 0.5:
        penalty += w.actor_penalty  # most of the people acting in one lead are not in the other
    shared_figures = len(a.figures & b.figures)
    bonus += w.figure_bonus * min(shared_figures, 2)
    if not shared_figures and len(a.figures) >= 2 and len(b.figures) >= 2:
        penalty += w.figure_penalty
    if _about(a) and _about(b) and not (_named(a, b) or _named(b, a)):
        penalty += w.principal_penalty  # neither names the people the other is about, or only in passing
    shared = len(a.names & b.names)
    if shared >= 3 and shared / (len(a.names | b.names) or 1) >= 0.3:
        bonus += w.names_bonus
    elif min(len(a.names), len(b.names)) >= 4 and shared / min(len(a.names), len(b.names)) < 0.25:
        penalty += w.names_penalty  # the articles name other people and bodies throughout
    return PairEvidence(bonus, penalty, veto, gap)


def _about(a: EventSketch) -> frozenset[str]:
    """The people an article is about: its principals, else the people its lead names."""
    return a.principals or a.actors


def _named(a: EventSketch, b: EventSketch) -> bool:
    """``b`` names the people ``a`` is about: a principal twice or more (once is in passing: "after a similar case
    involving ..."), a person of a lead with no principal at all."""
    return bool(a.principals & b.repeated) if a.principals else bool(a.actors & b.capitalised)


def published(items: Iterable[LoadedArticle]) -> list[dt.date]:
    return sorted(it.article.published for it in items if it.article.published is not None)
