from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.dates import find_dates
from factcheck.extract.numbers import find_numbers
from factcheck.extract.quotes import find_quotes, split_sentences

REF = dt.date(2025, 12, 3)  # a Wednesday


@pytest.mark.parametrize(
    "text, quotes",
    [
        ("He said, “We agreed on some things… while others drew criticism.”",
         ["We agreed on some things… while others drew criticism."]),
        ('She said "no deal" and "not yet".', ["no deal", "not yet"]),
        ("Trump: Kushner and Witkoff’s Meeting with Putin ‘Reasonably Good’", ["Reasonably Good"]),
        ("Kushner’s talks and Putin’s aides met.", []),
        ("“Outer ‘middle “inner” middle’ outer,” he said.", ["Outer ‘middle “inner” middle’ outer,"]),
        ("“This quote never closes and runs on", ["This quote never closes and runs on"]),
        ("No quotes at all here.", []),
        ("“I don’t know. We will see,” Trump said.", ["I don’t know. We will see,"]),
        # two apostrophes as the marks; a straight mark closing right after a comma with no space before the name
        ("''He seemed tired,'' said Jo Ralston. ''I have seen him.''", ["He seemed tired,", "I have seen him."]),
        ("He said ''no'' and Kushner's aide's ''maybe''.", ["no", "maybe"]),
        ('"We are done,"Katie Packer said. "Next."', ["We are done,", "Next."]),
        # an invisible direction mark before the opening mark (pasted posts) stands where a space would
        ("Ann Lee wrote.\n\n\u202a”Isis must go,” wrote Pete Hidalgo.", ["Isis must go,"]),
        ("Ann Lee wrote.\n\n\u202a“Isis must go,” wrote Pete Hidalgo.", ["Isis must go,"]),
        # negative: a right mark after a word, not after a space or a direction mark, opens nothing
        ("Ann Lee wrote x”Isis must go.", []),
        # three apostrophes close a nested quotation and the outer one together, or open both
        ("''I'd call it 'a mess,''' said Tom Ruiz. ''Next.''", ["I'd call it 'a mess,'", "Next."]),
        ("'''Go home,' she told me,'' Ms. Hale said.", ["'Go home,' she told me,"]),
        # a left mark typed for the right one after the last punctuation closes the quotation
        ("“It is odd,“ said Al Moss. “Very odd.”", ["It is odd,", "Very odd."]),
        # negative: a left mark before a word opens a nested quotation, it closes nothing
        ("“He said “no” twice,” Ann Lee said.", ["He said “no” twice,"]),
    ],
)
def test_find_quotes(text: str, quotes: list[str]) -> None:
    assert [q.text for q in find_quotes(text)] == quotes
    for q in find_quotes(text):
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize(
    "text, count",
    [
        ("“I don’t know. We’re going to find out,” Trump said. He left.", 2),
        ("U.S. Secretary of State Marco Rubio spoke. Then Dr. Smith left.", 2),
        ("He noted that the war “should have never been started.” He left.", 2),
        ("One sentence only", 1),
        ("''I have seen him.'' He left.", 2),
    ],
)
def test_split_sentences(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count


@pytest.mark.parametrize(
    "text, expected",
    [
        ("about a 30-to-50 kilometer space", [(30, 50, "kilometer")]),
        ("30 to 50 kilometers of space", [(30, 50, "kilometer")]),
        ("the 20% of the Donetsk region", [(20, 20, "percent")]),
        ("presented Putin with four documents", [(4, 4, "document")]),
        ("losing thousands of soldiers a week", [(1000, 9999, "soldier")]),
        ("an initial 28-point plan", [(28, 28, "point")]),
        ("It cost $5 million.", [(5e6, 5e6, "usd")]),
        ("no one knows; one of them", []),
        ("on December 2, 2025 in Moscow", []),
    ],
)
def test_find_numbers(text: str, expected: list[tuple[float, float, str]]) -> None:
    assert [(n.low, n.high, n.unit) for n in find_numbers(text)] == expected


def test_nearly_is_approximate() -> None:
    (n,) = find_numbers("the nearly four-year Russian invasion")
    assert n.approx and n.low == 4 and n.unit == "year"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trump said Wednesday", "2025-12-03"),
        ("he spoke with them on Tuesday night", "2025-12-02"),
        ("invited Umerov to Miami on Thursday to continue talks", "2025-12-04"),
        ("would meet European leaders in Brussels on Wednesday", "2025-12-03"),
        ("on December 2, 2025", "2025-12-02"),
        ("on Sunday, Nov. 30, 2025, in Florida", "2025-11-30"),
        ("presented to Ukraine last month", "2025-11-01"),
    ],
)
def test_find_dates(text: str, expected: str) -> None:
    dates = [d for d in find_dates(text, REF) if d.date]
    assert dates and dates[-1].date.isoformat() == expected


@pytest.mark.parametrize("text", ["according to USA Today.", "on The Tonight Show with a guest"])
def test_today_inside_a_name_is_no_date(text: str) -> None:
    assert find_dates(text, REF) == []


def test_today_opening_a_sentence_is_a_date() -> None:
    assert [d.text for d in find_dates("He left. Today he spoke.", REF)] == ["Today"]


def test_december_2_2025_is_a_tuesday() -> None:
    (d,) = find_dates("December 2, 2025", REF)
    assert d.weekday == 1


@pytest.mark.parametrize(("text", "work"), [
    ("Sanders told MSNBC's \"Morning Joe\" that nobody would question her.", True),
    ("Pence said on CNN's \"State of the Union.\"", True),
    ("In his book \"Doomed to Succeed,\" he argued the opposite.", True),
    ("\"Sad!\" Trump wrote on Twitter.", False),
    ("Trump's \"very big\" plan was shown.", False),  # not a title-case name
    ("Trump said, \"We Will Win.\"", False),  # no owner, on/of or work noun before it
    ("\"Orange Is the New Black\" star Dascha Polanco opened up.", True),  # a noun that follows a work
    ("Critics panned the \"Fantastic Four\" reboot.", True),
    ("\"We Will Win\" Trump said.", False),  # negative: a name after it, no work's noun
    ("Trump called it \"very sad,\" star witnesses said.", False),  # negative: not a title-case name
    ("He was met with chants of \"Go Home!\" in the hall.", False),  # an exclamation is a cry, not a work
    ("He was met with chants of \"Go Home\" in the hall.", True),  # negative: the same words, no exclamation
])
def test_names_a_work(text: str, work: bool) -> None:
    from factcheck.extract.quotes import names_a_work

    (q,) = find_quotes(text)
    assert names_a_work(text, q) is work
