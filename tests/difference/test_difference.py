"""The difference-first core: two renderings of one fact, every difference typed or accounted for.

Table-driven: ``(a, b, expected)`` where ``expected`` is the set of ``(kind, slot)`` the pair must give; an empty set
means the two say the same thing. Claims come from the real claims stage (spaCy entities, numbers, dates), so the
typing runs on what the pipeline really extracts. Articles are dated 3 December 2025 (a Wednesday).
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.difference import compare_pair, stem, tokenize
from factcheck.extract.entities import EntityTagger
from factcheck.load import LoadedArticle, build_article
from factcheck.roles import roles_conflict

CASES = [
    # same meaning
    ("The talks ended without a deal, officials said.", "Officials said the talks ended without a deal.", set()),
    ("Rubio met Lavrov in Geneva on Tuesday.", "Marco Rubio met Lavrov in Geneva on Tuesday.", set()),
    ("The ministers met for 10 hours in Geneva.", "The ministers met for ten hours in Geneva.", set()),
    ("The police said 12 people were hurt in Athens.", "The police said 12 people were hurt in Greece.", set()),
    ("The envoys met on Tuesday in Geneva.", "The envoys met on December 2 in Geneva.", set()),
    ("Smith said the plan would not pass the Senate.", "Smith said the plan won't pass the Senate.", set()),
    # numbers, in every form
    ("The suspect, Hunter, 41, was arrested in Ohio.", "The suspect, Hunter, 44, was arrested in Ohio.",
     {("conflict", "number")}),
    ("He bought a $600 airline ticket to Chicago.", "He bought a $900 airline ticket to Chicago.",
     {("conflict", "number")}),
    ("The board grew from seven to eight members last year.",
     "The board grew from seven to nine members last year.", {("conflict", "number")}),
    ("About 20% of the area would be placed under joint control.",
     "About 35% of the area would be placed under joint control.", {("conflict", "number")}),
    # dates and years
    ("Kovacs was first elected in 2008 to the city council.", "Kovacs was first elected in 2010 to the city council.",
     {("conflict", "date")}),
    ("The envoys met in Geneva on Tuesday to discuss the border.",
     "The envoys met in Geneva on Monday to discuss the border.", {("conflict", "date")}),
    # places, people, organisations, roles, kinship
    ("The delegation travelled to Miami on Thursday for talks.",
     "The delegation travelled to Geneva on Thursday for talks.", {("conflict", "place")}),
    ("He spent holidays in Hawaii and Italy with his family.", "He spent holidays in Hawaii and Spain with his family.",
     {("conflict", "place")}),
    ("The case was brought by his son, who lives in Boston.",
     "The case was brought by his brother, who lives in Boston.",
     {("conflict", "kinship")}),
    # negations and opposite words
    ("The negotiators agreed to meet again next month.", "The negotiators did not agree to meet again next month.",
     {("conflict", "negation")}),
    ("The talks ended without a signed agreement on the border.",
     "The talks ended with a signed agreement on the border.", {("conflict", "negation")}),
    ("Ukraine has long refused to cede territory to Russia.", "Ukraine has long agreed to cede territory to Russia.",
     {("conflict", "antonym")}),
    ("Rosenstein, the deputy attorney general, appointed the special counsel.",
     "Rosenstein, the solicitor general, appointed the special counsel.", {("conflict", "role")}),
    ("Preet Bharara, the U.S. attorney for the Southern District of New York, opened the case.",
     "Preet Bharara, the U.S. attorney for the Central District of New York, opened the case.",
     {("conflict", "entity")}),
    ("Peter King, a Republican of New York, criticised the bill on Monday.",
     "Peter King, a Republican of New Jersey, criticised the bill on Monday.", {("conflict", "place")}),
    ("The quake struck at 6:41pm PST near the coast.", "The quake struck at 18:41 PST near the coast.", set()),
    ("The quake struck at 6:41pm PST near the coast.", "The quake struck at 7:41pm PST near the coast.",
     {("conflict", "date")}),
    # two events of one kind: the count and the place differ at once, so nothing is compared
    ("The earthquake killed seven people in Peru on Monday.", "The earthquake killed 10 people in Chile on Monday.",
     set()),
    # ... also when the count and the place stand in one phrase
    ("Officials said the aftershock killed seven in Southern Peru overnight.",
     "Officials said the aftershock killed 10 in Northern Chile overnight.", set()),
    # dropped details
    ("The delegation presented Putin with four documents outlining the plan.",
     "The delegation presented Putin with documents outlining the plan.", {("dropped", "number")}),
    ("They invited Umerov to Miami on Thursday to continue the talks.",
     "They invited Umerov to Miami to continue the talks.", {("dropped", "date")}),
    # a name with a possessive ending is still the name
    ("The remark came during NBC's forum on national security last week.",
     "The remark came during CNN's forum on national security last week.", {("conflict", "org")}),
    ("The court weighed her husband's finances in the divorce case.",
     "The court weighed her brother's finances in the divorce case.", {("conflict", "kinship")}),
    # one name for another: the differing words are one name on each side ("State" is not the verb to state)
    ("The records are held by the State Department in Washington.",
     "The records are held by the Department of Homeland Security in Washington.", {("conflict", "org")}),
    # a word inside a number's span is still the organisation it names ("2006 Senate race")
    ("She won her 2000 and 2006 Senate races in New York easily.",
     "She won her 2000 and 2006 House races in New York easily.", {("conflict", "org")}),
    # party and state labels
    ("Harry Reid (D-Nev.) has been pounding Trump as a con artist.",
     "Harry Reid (D-Pa.) has been pounding Trump as a con artist.", {("conflict", "party")}),
    ("Harry Reid (D-Nev.) has been pounding Trump as a con artist.",
     "Harry Reid (R-Nev.) has been pounding Trump as a con artist.", {("conflict", "party")}),
    # numbers are counted: one of two sixes changed
    ("Six women and six men vied for the post this year.", "Seven women and six men vied for the post this year.",
     {("conflict", "number")}),
    ("They collected a combined $90 million in August and have about $100 million left.",
     "They collected a combined $135 million in August and have about $100 million left.", {("conflict", "number")}),
    # a date range changed at both ends is one change, not two events ("10" is read as a number of its own)
    ("The poll was conducted Nov. 6 to 10 with 418 primary voters.",
     "The poll was conducted Nov. 12 to 16 with 418 primary voters.", {("conflict", "date"), ("conflict", "number")}),
    # a name at the end of the claim, labelled an organisation by the parser, is still the place
    ("The FBI appears to have abandoned the crime scene in San Bernardino.",
     "The FBI appears to have abandoned the crime scene in Boise.", {("conflict", "place")}),
    # a name inside a hyphenated word is still the name
    ("They spar over whether a leader of a Pakistan-based group belongs on the sanctions list.",
     "They spar over whether a leader of a Colombia-based group belongs on the sanctions list.",
     {("conflict", "place")}),
    # bounds are not estimates: two bounds differ unless equal; a figure may meet a bound
    ("The rate must be at least 150 percent of the national average.",
     "The rate must be at least 135 percent of the national average.", {("conflict", "number")}),
    ("The campaign raised more than $60 million in August for the race.",
     "The campaign raised $62 million in August for the race.", set()),
    # a lone title standing for the person, in the same slot
    ("During the rally, the former president said the system was crazy.",
     "During the rally, the former treasurer said the system was crazy.", {("conflict", "role")}),
    # a noun for a kind of person in a title's place, next to the same name (WordNet's noun.person)
    ("Earlier Monday, her finance director, Anna Berg, said the gap was closing.",
     "Earlier Monday, her accountant, Anna Berg, said the gap was closing.", {("conflict", "role")}),
    # compounds that differ by one opposite part
    ("The rally drew a better-organized crowd than the council had expected.",
     "The rally drew a worse-organized crowd than the council had expected.", {("conflict", "antonym")}),
    # opposite verbs of news wording (curated: WordNet links neither pair)
    ("The measure was endorsed on Friday by the county's farmers.",
     "The measure was denounced on Friday by the county's farmers.", {("conflict", "antonym")}),
    # a short claim whose only content is a swapped name still compares (the name is one slot of both)
    ("He called himself a fan of Gov. Walter Brennan.", "He called himself a fan of Gov. Osric Pellham.",
     {("conflict", "person")}),
    # "Today" inside a name is no day: one newspaper for another
    ("The figures were first reported by the Daily Courier on Monday.",
     "The figures were first reported by USA Today on Monday.", {("conflict", "org")}),
    # who a person speaks to is no title of theirs: a reporting verb stands between the name and the noun
    ("Mayor Elena Voss told reporters on Tuesday that the bridge would reopen.",
     "Mayor Elena Voss told journalists on Tuesday that the bridge would reopen.", set()),
    ("Elena Voss said to the councillors that the bridge would reopen.",
     "Elena Voss said to the engineers that the bridge would reopen.", set()),
    # ... but the same nouns as the person's own title still conflict
    ("Reporter Elena Voss wrote that the bridge would reopen in May.",
     "Senator Elena Voss wrote that the bridge would reopen in May.", {("conflict", "role")}),
]


@pytest.fixture(scope="module")
def tagger() -> EntityTagger:
    return EntityTagger()


def _claim(tagger: EntityTagger, source: str, text: str):
    article, blocks = build_article(source, source + ".txt", text + "\n", kind="text",
                                    published=dt.date(2025, 12, 3))
    item = LoadedArticle(article, tuple(blocks))
    claims = extract_claims([item], tagger)[source]
    return claims[0], article.raw


@pytest.mark.parametrize("a,b,expected", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_pair_is_typed(tagger: EntityTagger, a: str, b: str, expected: set[tuple[str, str]]) -> None:
    ca, raw_a = _claim(tagger, "a", a)
    cb, raw_b = _claim(tagger, "b", b)
    pd = compare_pair(ca, cb, raw_a, raw_b)
    got = {(d.kind, "entity" if d.kind == "conflict" and d.slot in ("org", "place") and ("conflict", "entity")
             in expected else d.slot) for d in pd.differences}
    assert got == expected, [(d.kind, d.slot, d.a_text, d.b_text) for d in pd.differences]
    for d in pd.differences:  # every difference cites the words where they stand
        if d.a_text:
            assert raw_a[d.a_span[0]:d.a_span[1]] == d.a_text
        if d.b_text:
            assert raw_b[d.b_span[0]:d.b_span[1]] == d.b_text


def test_tokens_keep_their_offsets(tagger: EntityTagger) -> None:
    c, raw = _claim(tagger, "a", "Rubio didn’t say the $5 million plan, a four-year deal, was dead.")
    toks = tokenize(c)
    assert [t.key for t in toks if t.tag == "neg"] == ["not"]
    assert any(t.text == "four" and t.tag in ("num", "numword") for t in toks)
    for t in toks:
        assert raw[t.start:t.end].lower().startswith(t.text.lower()[:1])


@pytest.mark.parametrize("word,expected", [("talks", "talk"), ("agreed", "agre"), ("rose", "rise"), ("Kyiv", "kyiv"),
                                           ("meeting", "meet"), ("Putin’s", "putin")])
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize("a,b,expected", [
    ("deputy attorney general", "solicitor general", True),
    ("Vice President", "President", True),
    ("Secretary of State", "Secretary of Defense", True),
    ("Interior Minister", "Foreign Minister", True),
    ("economic envoy", "Kremlin aides", True),
    ("Deputy Director", "deputy director of the Russia program", False),
    ("top foreign policy adviser", "aide", False),
    ("Russian aide", "Kremlin Assistant", False),
    ("chief negotiator", "National Security and Defense Council Secretary", False),
    ("senior fellow", "fellow", False),
])
def test_roles_conflict(a: str, b: str, expected: bool) -> None:
    assert roles_conflict(a, b) is expected


@pytest.mark.parametrize("text,expected", [("Jan. 6", (1, 6)), ("6 January 2017", (1, 6)), ("2016-10-09", (10, 9)),
                                           ("Oct. 9, 2016", (10, 9)), ("Tuesday", None)])
def test_month_day_without_a_year(text: str, expected: tuple[int, int] | None) -> None:
    """An undated article's "Jan. 1" and "Jan. 6" still compare: by month and day."""
    from factcheck.extract.dates import month_day

    assert month_day(text) == expected
