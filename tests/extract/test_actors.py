"""Who does what (factcheck/extract/actors.py): the agent of each act, found in the parse; reporting verbs left to
the quotation code."""

from __future__ import annotations

import pytest

from factcheck import pipeline
from factcheck.extract.actors import event_nouns, find_actions


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    tagger = pipeline.tagger()
    tagger.load()
    return tagger._nlp  # noqa: SLF001 - the same spaCy pipeline the claims stage parses with


@pytest.mark.parametrize("text, act, agent", [
    ("Peter Kovacs will travel to Brussels next week.", "travel", "Peter Kovacs"),
    ("The envoys met Lavrov in Geneva on Tuesday.", "meet", "The envoys"),
    ("Kovacs will hold talks with the envoys on Friday.", "talk", "Kovacs"),  # the holder of an event noun
])
def test_the_agent_of_each_act(nlp, text: str, act: str, agent: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    found = {(a, text[s:e]) for _, _, a, s, e, _ in find_actions(doc)}
    assert (act, agent) in found, found


@pytest.mark.parametrize("text", [
    "Kovacs said the talks were over.",  # a reporting verb: the speaker's business
    "The weather was cold.",  # no act with an agent
])
def test_no_action_for_reporting_or_states(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert find_actions(nlp(text)) == []


def test_event_nouns_map_to_their_verbs() -> None:
    nouns = event_nouns()
    assert nouns and all(" " not in v for v in nouns.values())
