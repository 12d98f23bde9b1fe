"""Speakers of quotations in the shapes real news gives them (issue 14): a second quotation after an inverted cue,
the words a cue verb calls a speech noun, quotations whose marks are typed oddly. Sentences are written for these
tests, in the shapes of wire copy."""

from __future__ import annotations

from factcheck.claims import extract_claims
from factcheck.load import LoadedArticle, build_article
from factcheck.models import Claim, ClaimType


def _quotes(text: str) -> list[Claim]:
    article, blocks = build_article("t", "t.txt", "Title line here.\n\n" + text, kind="text")
    per = extract_claims([LoadedArticle(article, tuple(blocks))])
    return [c for c in per["t"] if c.type == ClaimType.QUOTE]


def _speaker(text: str, words: str) -> str | None:
    return next(c for c in _quotes(text) if words in (c.quote or "")).speaker


def test_a_quotation_after_an_inverted_cue_is_the_cue_s_speaker_not_a_name_before_the_first() -> None:
    text = ("Dana R. Wells, a retired nurse, said she found Mr. Harlan too rude. ''He is not the one,'' said "
            "Ms. Wells, who lives in Akron. ''I am tired of the old crowd, but I will vote.''")
    assert _speaker(text, "tired of the old crowd") == "Dana R. Wells"
    # negative: a cue before both quotations still gives them its subject
    assert _speaker("Senator Paul Reyes said that the bill was “dead” and the deal “over.”", "over") == "Paul Reyes"


def test_the_words_a_speaker_calls_another_s_remarks_are_the_speaker_s() -> None:
    text = "Mr. Corbin, who has called Mr. Harlan's remarks “deeply toxic,” spoke on Monday."
    assert _speaker(text, "deeply toxic") == "Corbin"
    # negative: the content of another's claim stays the claimant's
    assert _speaker("The senator repeated Mr. Harlan's claim that “the state will pay.”", "will pay") == "Harlan"


def test_odd_closing_marks_leave_the_cue_after_them_readable() -> None:
    assert _speaker("''I would use the word 'clumsy,''' said Gregory P. Dunn. ''It fits.''", "clumsy") == \
        "Gregory P. Dunn"
    assert _speaker("“It is odd,“ said Alan Moss, a lawyer in Ohio.", "It is odd") == "Alan Moss"


def test_a_paragraph_signed_with_a_dash_before_a_photo_credit_is_a_quotation_not_a_caption() -> None:
    text = "“We will not be silent on this.” ― Maria Ortiz.\n\nGetty/Instagram.\n\nMore voices followed."
    (c,) = _quotes(text)
    assert c.speaker == "Maria Ortiz"  # (the sentence's full stop is no part of the name)
    # negative: a caption with no quotation stays a caption
    assert _quotes("Protesters march in Akron on Sunday.\n\nGetty/Instagram.\n\nMore voices followed.") == []


def test_a_cue_above_a_relative_clause_reports_its_quoted_words() -> None:
    text = "Ms. Vance called Mr. Dorn a “reckless man” who is “utterly unfit” for the office."
    assert _speaker(text, "utterly unfit") == "Vance"
    # negative: with no cue above it, the relative clause's noun stays its source, unnamed
    assert _speaker("Mr. Dorn met voters who were “angry” about trade.", "angry") is None


def test_a_that_clause_parsed_as_adverbial_is_what_the_cue_reports() -> None:
    text = "Mr. Dorn tweeted in the early morning hours that Vance was “disgusting” and “a fraud.”"
    assert _speaker(text, "disgusting") == "Dorn"
    # negative: "so that" opens an adverbial clause, which the cue does not report
    assert _speaker("Mr. Dorn wrote slowly so that Vance was “calm” at last.", "calm") != "Dorn"


def test_a_role_named_by_its_owner_is_the_person_introduced_in_it() -> None:
    text = ("Maria Keller, Dorn's campaign manager, spoke on Sunday. Tom Reyes, a consultant, was there too.\n\n"
            "Dorn's campaign manager said the polls were “plainly wrong.”\n\n"
            "Reyes's campaign manager said it was “not over.”")
    assert _speaker(text, "plainly wrong") == "Maria Keller"
    text2 = ("Senator Ann Vance spoke later. Her spokesman, Brian Hale, stood by.\n\n"
             "Her spokesman said it was “all done.”")
    assert _speaker(text2, "all done") == "Brian Hale"  # "her": the owner the pronoun stands for
    # negative: no one was introduced as that owner's manager, so the source stays unnamed, with a reason
    (c,) = [c for c in _quotes(text) if "not over" in (c.quote or "")]
    assert c.speaker is None and "unnamed source" in (c.speaker_reason or "")


def test_a_description_is_the_organisation_named_earlier_with_its_noun() -> None:
    text = ("The nonpartisan Commission on Campaign Finance met on Monday.\n\n"
            "The commission said on its website that “the rules were followed.”")
    assert _speaker(text, "rules were followed") == "Commission on Campaign Finance"  # "commission" folds to "comision"
    text = "The Ohio Lottery Board met on Monday.\n\nThe board said the draw was “entirely fair.”"
    assert _speaker(text, "entirely fair") == "Ohio Lottery Board"
    text = "Mercy General Hospital opened a wing.\n\nThe hospital said the wing was “ready for patients.”"
    assert _speaker(text, "ready for patients") == "Mercy General Hospital"  # a noun not only organisations bear
    # negative: no organisation of that noun was named, so the description stays unresolved, with a reason
    (c,) = _quotes("The mayor met voters.\n\nThe commission said the plan was “fine.”")
    assert c.speaker is None and "not resolved" in (c.speaker_reason or "")


def test_a_person_inside_a_fronted_phrase_is_not_the_subject_a_pronoun_stands_for() -> None:
    text = ("Retired Gen. Norma Keel spoke out on Friday.\n\n"
            "In an interview with radio host Peter Lund, Keel made it clear she had misgivings.\n\n"
            "“It was hard to serve,” she told the host.")
    assert _speaker(text, "hard to serve") == "Norma Keel"
    text = ("Retired Gen. Ray Keel spoke out on Friday.\n\n"
            "During a long talk with radio host Peter Lund, Keel made it clear he had misgivings.\n\n"
            "“It was hard to serve,” he told the host.")
    assert _speaker(text, "hard to serve") == "Ray Keel"
    # negative: a sentence that opens with its subject keeps it ("Lund, in an interview, ..." is Lund's)
    text = ("Retired Gen. Ray Keel spoke out on Friday.\n\n"
            "Radio host Peter Lund, in a long talk with Keel, made it clear he had doubts.\n\n"
            "“It was hard to listen,” he said.")
    assert _speaker(text, "hard to listen") == "Peter Lund"
