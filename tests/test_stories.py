"""Stories split by event, not topic: event evidence, the sparse clustering, order-free results, the index."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest

from factcheck.config import Config
from factcheck.embed import HashingEmbedder
from factcheck.events import EventSketch, Weights, pair_evidence, sketch
from factcheck.load import LoadedArticle, build_article
from factcheck.models import Report, StoryInfo
from factcheck.render.batch import render_index
from factcheck.stories import group_stories, story_info
from tests.test_events import QUAKE_A, QUAKE_B


def item(aid: str, text: str, published: dt.date | None = None, url: str | None = None) -> LoadedArticle:
    article, blocks = build_article(aid, f"<test>/{aid}.txt", text, kind="text", published=published, url=url)
    return LoadedArticle(article, tuple(blocks))


def reflow(text: str) -> str:
    """The same article as another outlet might run it: a headline of its own, paragraphs joined."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(["Deadly quake: " + paras[0], " ".join(paras[1:])]) + "\n"


PERU = dt.date(2024, 3, 4)
CHILE = dt.date(2024, 3, 11)


def quake_batch() -> list[LoadedArticle]:
    return [item("peru-a", QUAKE_A, PERU, "https://www.lima-news.example/a"),
            item("peru-b", reflow(QUAKE_A), PERU, "https://andes-daily.example/b"),
            item("chile-a", QUAKE_B, CHILE, "https://santiago-post.example/c"),
            item("chile-b", reflow(QUAKE_B), CHILE + dt.timedelta(days=1), "https://andes-daily.example/d")]


@pytest.mark.parametrize(("text", "places", "actors"), [
    (QUAKE_A, ("LIMA", "Peru", "Arequipa"), {"vega"}),
    (QUAKE_B, ("SANTIAGO", "Chile", "Antofagasta"), {"soto"}),
    ("Talks end\n\nPresident Donald Trump met Vladimir Putin in Moscow on Tuesday, the Kremlin said.\n",
     ("Moscow",), {"trump", "putin"}),
    ("Plan\n\nThe Republican Party and Hillary Clinton spoke in Clinton County.\n", (), {"clinton"}),
])
def test_sketch_places_and_actors(text: str, places: tuple[str, ...], actors: set[str]) -> None:
    s = sketch(item("x", text, dt.date(2025, 12, 3)))
    assert set(places) <= set(s.places)
    assert actors <= s.actors
    assert "clinton" not in {p.lower() for p in s.places}  # a surname of the lead, not the town


def test_sketch_days_resolved_against_the_article_date() -> None:
    s = sketch(item("x", "Talks\n\nThe envoys met on Tuesday in Moscow. Last Friday they had spoken.\n",
                    dt.date(2025, 12, 3)))
    assert {dt.date.fromordinal(d) for d in s.days} == {dt.date(2025, 12, 3), dt.date(2025, 12, 2)}
    assert s.dated  # the date came from metadata, not from the text


def _sk(days: set[int], places: tuple[str, ...] = (), actors: frozenset[str] = frozenset(), dated: bool = True):
    return EventSketch(frozenset(days), dated, places, actors, frozenset(), frozenset(), frozenset())


@pytest.mark.parametrize(("a", "b", "veto", "against"), [
    (_sk({100}), _sk({101}), False, False),                      # the next day: one event may be
    (_sk({100}), _sk({110}), True, True),                        # ten days apart, both dated by metadata
    (_sk({100}, dated=False), _sk({110}), False, True),          # a date read from the text: evidence, no veto
    (_sk({100}, ("Peru",)), _sk({100}, ("Chile",)), False, True),  # places that cannot be one another
    (_sk({100}, ("Lima",)), _sk({100}, ("Peru",)), False, False),  # a city and its country
    (_sk({100}, actors=frozenset({"vega", "ruiz"})), _sk({100}, actors=frozenset({"soto", "lara"})), False, True),
])
def test_pair_evidence(a: EventSketch, b: EventSketch, veto: bool, against: bool) -> None:
    ev = pair_evidence(a, b, Weights())
    assert ev.veto is veto
    assert (ev.penalty > 0) is against


def test_two_earthquakes_are_two_stories() -> None:
    stories = group_stories(quake_batch(), HashingEmbedder(), config=Config(story_threshold=0.45))
    assert sorted(sorted(a.article.id for a in s.articles) for s in stories) == [["chile-a", "chile-b"],
                                                                                ["peru-a", "peru-b"]]


def test_same_words_a_week_apart_are_two_stories() -> None:
    """Near-identical wording, the same place: a week apart by their dates, so two events (a follow-up rule)."""
    batch = [item("a", QUAKE_A, PERU), item("b", reflow(QUAKE_A), PERU + dt.timedelta(days=8))]
    assert len(group_stories(batch, HashingEmbedder(), config=Config(story_threshold=0.45))) == 2


def test_same_batch_in_any_order_gives_the_same_stories() -> None:
    batch = quake_batch() + [item("odd", "Museum reopens\n\nThe city museum reopened on Friday after repairs.\n",
                                  PERU)]
    config = Config(story_threshold=0.45)
    first = [(s.id, [a.article.id for a in s.articles]) for s in group_stories(batch, HashingEmbedder(),
                                                                               config=config)]
    rng = random.Random(7)
    for _ in range(5):
        shuffled = batch[:]
        rng.shuffle(shuffled)
        again = [(s.id, [a.article.id for a in s.articles]) for s in group_stories(shuffled, HashingEmbedder(),
                                                                                   config=config)]
        assert again == first


def test_story_info_and_the_index_flag_far_apart_stories() -> None:
    batch = [item("a", QUAKE_A, PERU, "https://www.lima-news.example/a"),
             item("b", reflow(QUAKE_A), PERU + dt.timedelta(days=9), "https://andes-daily.example/b")]
    info = story_info(batch, days=3)
    assert info == StoryInfo(PERU, PERU + dt.timedelta(days=9), ("andes-daily.example", "lima-news.example"), 2,
                             True)
    report = Report("0", "m", (), (), (), (), story=info)
    index = render_index([("quake", "Quake", report)], [], "batch", "b/")
    assert "2024-03-04 – 2024-03-13 ⚠ 9 days apart" in index and "andes-daily.example, lima-news.example" in index


def test_story_settings_are_validated() -> None:
    from factcheck.config import ConfigError, from_mapping

    assert from_mapping({"story-days": 5}).story_days == 5
    with pytest.raises(ConfigError):
        from_mapping({"story_neighbours": 0})
    with pytest.raises(ConfigError):
        from_mapping({"story_place_penalty": 1.5})


@pytest.mark.parametrize("dist, threshold, expected", [
    # two tight pairs far apart: two clusters
    ([[0, .1, .9, .9], [.1, 0, .9, .9], [.9, .9, 0, .2], [.9, .9, .2, 0]], .5, [[0, 1], [2, 3]]),
    # everything close: one cluster
    ([[0, .1, .2], [.1, 0, .3], [.2, .3, 0]], .5, [[0, 1, 2]]),
    # nothing close: each alone
    ([[0, .8, .9], [.8, 0, .7], [.9, .7, 0]], .5, [[0], [1], [2]]),
    # a chain: 2 is near 1 but far from 0 on average ((.9 + .3) / 2 = .6): it stays out
    ([[0, .1, .9], [.1, 0, .3], [.9, .3, 0]], .5, [[0, 1], [2]]),
    # the average decides, not the farthest member: 2 joins {0, 1} at (.2 + .7) / 2 = .45 < .5, though .7 from 1
    ([[0, .1, .2], [.1, 0, .7], [.2, .7, 0]], .5, [[0, 1, 2]]),
    # at the threshold: no merge (merges only below it)
    ([[0, .5], [.5, 0]], .5, [[0], [1]]),
])
def test_average_linkage(dist, threshold, expected) -> None:
    from factcheck.knn import average_linkage

    assert average_linkage(np.array(dist, dtype=float), threshold) == expected


@pytest.mark.parametrize("ties", [False, True])
def test_average_linkage_matches_scikit_learn(ties: bool) -> None:
    """The same clusters as scikit-learn, also when many distances are equal (copies of one lead, vetoed pairs)."""
    cluster = pytest.importorskip("sklearn.cluster")
    from factcheck.knn import average_linkage

    rng = np.random.default_rng(7)
    for _ in range(60):
        m = int(rng.integers(3, 40))
        points = rng.normal(size=(m, 3))
        dist = np.sqrt(((points[:, None] - points[None]) ** 2).sum(-1))
        if ties:
            dist = np.round(dist * 2) / 2
            dist[dist > 2.5] = 5.0
        threshold = float(rng.uniform(0.5, 3.0))
        labels = cluster.AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                                 distance_threshold=threshold).fit_predict(dist)
        groups: dict[int, list[int]] = {}
        for i, label in enumerate(labels.tolist()):
            groups.setdefault(label, []).append(i)
        assert average_linkage(dist, threshold) == sorted(groups.values())
