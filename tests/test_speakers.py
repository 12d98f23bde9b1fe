"""Speakers resolved from the parse: cue and subject, organisations, pronouns by gender, descriptions by role,
unnamed sources left None with a reason. Sentences are written for these tests, in the shapes of wire copy."""

from __future__ import annotations

from factcheck.claims import extract_claims
from factcheck.load import LoadedArticle, build_article
from factcheck.models import Claim, ClaimType


def _quotes(text: str) -> list[Claim]:
    article, blocks = build_article("t", "t.txt", text, kind="text")
    per = extract_claims([LoadedArticle(article, tuple(blocks))])
    return [c for c in per["t"] if c.type == ClaimType.QUOTE]


def _speaker_of(text: str, words: str) -> Claim:
    return next(c for c in _quotes(text) if words in (c.quote or ""))


def test_inverted_cue_with_an_appositive_gives_the_name() -> None:
    c = _speaker_of("Title line here.\n\n“We will not back down,” said Maria Lopez, a spokeswoman for the union, "
                    "on Tuesday.", "back down")
    assert c.speaker == "Maria Lopez" and c.speaker_kind == "person"


def test_organisation_as_speaker() -> None:
    c = _speaker_of("Title line here.\n\nThe Kremlin said on Friday that the talks were “useful and constructive.”",
                    "useful")
    assert c.speaker == "Kremlin" and c.speaker_kind == "organisation"


def test_according_to_names_the_source() -> None:
    c = _speaker_of("Title line here.\n\nAccording to Reuters, the deal is “all but done.”", "all but done")
    assert c.speaker == "Reuters"


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = ("Title line here.\n\nHillary Clinton met Donald Trump in St. Louis on Sunday.\n\n"
            "“We need a president who listens,” she said.")
    assert _speaker_of(text, "listens").speaker == "Hillary Clinton"


def test_definite_description_resolves_to_the_person_introduced_with_that_role() -> None:
    text = ("Title line here.\n\nIndiana Gov. Mike Pence campaigned with Donald Trump in Ohio.\n\n"
            "The Indiana governor said voters wanted “real change in Washington.”")
    assert _speaker_of(text, "real change").speaker == "Mike Pence"


def test_indefinite_source_is_unnamed_with_a_reason() -> None:
    c = _speaker_of("Title line here.\n\nA spokeswoman for the campaign said the report was “simply false.”",
                    "simply false")
    assert c.speaker is None and c.speaker_reason and "unnamed source" in c.speaker_reason


def test_quoted_words_in_a_clause_nobody_reports_are_not_the_neighbour_s() -> None:
    text = ("Title line here.\n\nMelanie Smith said yes, over and over again, as Donald Trump went on about "
            "“how the system is rigged.”")
    assert _speaker_of(text, "rigged").speaker != "Melanie Smith"


def test_participle_cue_belongs_to_the_sentence_subject() -> None:
    text = ("Title line here.\n\nSenator Marco Rubio said envoys Steve Witkoff and Jared Kushner had a good "
            "meeting, adding that the two sides were “closer than ever.”")
    assert _speaker_of(text, "closer than ever").speaker == "Marco Rubio"


def test_owner_of_a_claim_speaks_the_quoted_words() -> None:
    text = "Title line here.\n\nFact-checkers examined Donald Trump’s claim that there were “thousands of shootings.”"
    assert _speaker_of(text, "thousands").speaker == "Donald Trump"


def test_mixed_quotation_marks_close_where_the_writer_meant() -> None:
    text = "Title line here.\n\n“Immunity deals should not be required,\" Rep. Jason Chaffetz said in a statement."
    c = _speaker_of(text, "Immunity deals")
    assert c.quote == "Immunity deals should not be required," and c.speaker == "Jason Chaffetz"


def test_signature_after_the_quotation() -> None:
    text = "Title line here.\n\n“He is not fit to lead this country.” ― Sonya Herridge"
    assert _speaker_of(text, "not fit").speaker == "Sonya Herridge"


def test_a_mark_parsed_as_the_subject_is_no_speaker() -> None:
    """Found by the property test: beside another sentence, the parse can make a closing guillemet the subject of
    "said"; that is no name (it crashed the resolver)."""
    from factcheck.extract.attribution import Source
    from factcheck.speakers import Resolver

    who = Resolver({}).from_source(Source(18, 19, 18, 19, "name", "»"), "said")
    assert who.name is None and who.reason


# A he/she is the one person of its gender named before it in its own sentence; with two it could stand for, or a
# pronoun of that gender first, the sentence does not tell and the paragraph before decides.
_SAME_SENTENCE = [
    # (paragraphs, words of the quotation, speaker)
    ("Maria Lopez spoke first.\n\nTom Reyes won applause as he kept repeating “jobs for all.”", "jobs for all",
     "Tom Reyes"),
    ("Tom Reyes spoke first.\n\nAt a rally, Janet Ortiz was blunt, claiming “nobody listens,” she said.",
     "nobody listens", "Janet Ortiz"),
    ("Maria Lopez spoke first.\n\nIf we read Tom Reyes’s plan right, he wants “a fresh start” now.",
     "fresh start", "Tom Reyes"),
    # negatives: the other gender, two candidates, a pronoun first
    ("Tom Reyes spoke first.\n\nJanet Ortiz stood by as he said “we are done here.”", "done here", "Tom Reyes"),
    ("Paul Hart spoke first.\n\nHart said so.\n\nSam Cole asked Ben Wade why he said “never again.”",
     "never again", "Paul Hart"),
    ("Paul Hart spoke first.\n\nHart waved.\n\nHe said Sam Cole was wrong, which he called “a disgrace.”",
     "disgrace", "Paul Hart"),
]


def test_a_pronoun_stands_for_the_one_person_of_its_gender_before_it_in_its_sentence() -> None:
    for body, words, speaker in _SAME_SENTENCE:
        assert _speaker_of("Title line here.\n\n" + body, words).speaker == speaker, body


def test_a_first_name_alone_tells_the_gender_unless_it_is_a_surname_of_the_article() -> None:
    from factcheck.speakers import Resolver

    resolver = Resolver({"Carson": "Ben Carson", "Ben Carson": "Ben Carson"})
    assert resolver.gender("Hillary") == "f"
    assert resolver.gender("Carson") is None
    assert resolver.gender("Tanzer", "Ms. Tanzer", 4) == "f"
    assert resolver.gender("Zzyzx") is None


_RUN_ON = [
    # A paragraph left inside a quotation hands its speaker to the next, which opens by continuing it.
    ("Janet Ortiz said: “We will fight on.\n\n“We will win,” and the crowd cheered.", "We will win", "Janet Ortiz"),
    # negative: the quotation was closed, so the next paragraph's opening quotation is nobody's yet
    ("Janet Ortiz said: “We will fight on.”\n\n“We will win,” and the crowd cheered.", "We will win", None),
    # The person a reporting verb names is the sentence's subject, not the first name in it.
    ("Asked by Paul Hart about it, Tom Reyes said, “No.”\n\n“Never again,” he added.", "Never again", "Tom Reyes"),
    # negative: the owner of a speech noun is not the subject ("Reyes's remarks")
    ("Paul Hart denounced Tom Reyes’s remarks as “hurtful.”\n\n“It is sad,” he said.", "It is sad", "Paul Hart"),
    # A pronoun before a colon that opens a quotation, in running text.
    ("Janet Ortiz arrived late.\n\nShe then turned to the crowd: “We stay.”", "We stay", "Janet Ortiz"),
    # negative: a pronoun of the other gender
    ("Tom Reyes arrived late.\n\nShe then turned to the crowd: “We stay.”", "We stay", None),
    # Whom a leading "Asked ..." clause names is asked about or asks: the pronoun that answers is the paragraph's.
    ("Susan Sarandon spoke on MSNBC.\n\nAsked about her vote in the event that Hillary Clinton faces Donald Trump, "
     "she replied: “I don’t know.”", "know", "Susan Sarandon"),
    ("Susan Sarandon spoke on MSNBC.\n\nWhen asked by Janet Ortiz about it, she said: “Never.”", "Never",
     "Susan Sarandon"),
    # negative: without the question, the one woman of the sentence is who "she" is
    ("Susan Sarandon spoke on MSNBC.\n\nJanet Ortiz stood up, and she said: “Never.”", "Never", "Janet Ortiz"),
]


def test_quotations_run_on_and_subjects_named_by_a_cue() -> None:
    for body, words, speaker in _RUN_ON:
        assert _speaker_of("Title line here.\n\n" + body, words).speaker == speaker, body


_INTRODUCED = [
    # The words right before a name introduce it, up to a verb: "the woman" is not the person a woman asked.
    ("At a town hall, a young woman asked Mrs. Janet Ortiz about it.\n\n“Do you agree?” the woman said.",
     "Do you agree", None),
    # positive: the role words run right up to the name
    ("Longtime union organiser Janet Ortiz spoke.\n\n“We agree,” the organiser said.", "We agree", "Janet Ortiz"),
    # "Mr. Hart" and "Mrs. Hart" are two people: the surname alone tells no gender.
    ("Mr. Hart declined to comment. Mrs. Hart did not hesitate.\n\n“Of course,” she said.", "Of course", "Hart"),
]


def test_words_a_person_is_introduced_with_and_a_surname_of_two_genders() -> None:
    for body, words, speaker in _INTRODUCED:
        assert _speaker_of("Title line here.\n\n" + body, words).speaker == speaker, body


_CONTENT_CLAUSE = [
    # Everything inside what a cue reports (its ccomp) is the cue's, a because-, if- or and-that clause included.
    ("Tom Reyes says he stopped watching football because the league has gone “soft” lately.", "soft", "Tom Reyes"),
    ("Janet Ortiz says she would break up banks if they don't pass their “stress tests” this year.", "stress tests",
     "Janet Ortiz"),
    ("Tom Reyes said that it was “absolutely clear” and that Janet Ortiz faced “serious questions” now.",
     "serious questions", "Tom Reyes"),
    # negatives: a clause hung on the cue another way, or under a verb that reports no words, is not its content
    ("Melanie Smith said yes, over and over again, as Donald Trump went on about “how the system is rigged.”",
     "rigged", "Donald Trump"),
    ("Tom Reyes said so, and Janet Ortiz went on about “how the system is rigged.”", "rigged", "Janet Ortiz"),
    ("Tom Reyes thinks Janet Ortiz has gone “soft” lately.", "soft", "Janet Ortiz"),
]


def test_a_clause_inside_what_a_cue_reports_is_the_cue_s() -> None:
    for body, words, speaker in _CONTENT_CLAUSE:
        assert _speaker_of("Title line here.\n\n" + body, words).speaker == speaker, body


_DATELINES = [
    # The place of a dateline that the parser made a subject is no speaker: the sentence's own subject is.
    ("Washington (AFP) – Democrat Janet Ortiz has taken a swipe at Tom Reyes, saying that “bombastic comments” do "
     "not help.", "bombastic", "Janet Ortiz"),
    ("PHILADELPHIA, July 25 (UPI) — The Democratic National Committee released a statement, offering “a deep "
     "apology” to voters.", "deep apology", "The Democratic National Committee"),
    # negative: a place that is the subject of its sentence, without a dateline, speaks for its government
    ("Washington said on Tuesday that the deal was “a mistake” for both sides.", "mistake", "Washington"),
]


def test_the_place_of_a_dateline_is_not_the_speaker() -> None:
    for body, words, speaker in _DATELINES:
        assert _speaker_of("Title line here.\n\n" + body, words).speaker == speaker, body


_NAME_READ_AS_NOUN = [
    # A name of the article the tagger read as a common noun is still that person.
    ("Donald Trump spoke first.\n\nTrump shot back in a statement, saying he’s “made a lot of money in down "
     "markets.”", "down markets", "Donald Trump"),
    ("Donald Trump spoke first.\n\nThe Latest: Trump delivers defense of ‘New York values.’", "New York",
     "Donald Trump"),
    # negative: a common noun the article never uses as a name stays a description
    ("Donald Trump spoke first.\n\nThe campaign shot back in a statement, saying it had “made no mistakes.”",
     "no mistakes", None),
]


def test_a_name_of_the_article_read_as_a_noun_is_still_the_person() -> None:
    for body, words, speaker in _NAME_READ_AS_NOUN:
        assert _speaker_of("Title line here.\n\n" + body, words).speaker == speaker, body


_ASIDE = [
    # A cue set in commas inside the clause ("X, Rubio said, ...") reports the whole clause, quotation included.
    ("Vice President Joe Biden, Marco Rubio said, had been in the Senate for “a thousand years” and passed bills.",
     "thousand", "Marco Rubio"),
    ("The plan, Janet Ortiz wrote, would be “a disaster for the state.”", "disaster", "Janet Ortiz"),
    # negative: a clause beside it that reports nothing is no cue
    ("Joe Biden had been in the Senate for “a thousand years,” and Marco Rubio laughed.", "thousand", "Joe Biden"),
]


def test_a_cue_set_aside_in_commas_reports_its_clause() -> None:
    for body, words, speaker in _ASIDE:
        assert _speaker_of("Title line here.\n\n" + body, words).speaker == speaker, body


_NEAREST_FITTING = [
    # A definite description no one was introduced with is the nearest person it fits.
    ("Marco Rubio spoke in Iowa.\n\nThe Florida senator said he was “ready to win.”", "ready", "Marco Rubio"),
    ("Donald Trump spoke in Iowa.\n\nThe billionaire businessman said he was “ready to win.”", "ready",
     "Donald Trump"),
    ("Janet Ortiz spoke in Iowa.\n\nThe actress said she was “ready to win.”", "ready", "Janet Ortiz"),
    # negatives: the other gender, another title, someone new ("a man"), many people, a thing
    ("Janet Ortiz spoke in Iowa.\n\nThe businessman said he was “ready to win.”", "ready", None),
    ("Indiana Gov. Mike Pence spoke in Iowa.\n\nThe senator said he was “ready to win.”", "ready", None),
    ("Donald Trump spoke in Iowa. A man in the crowd shouted at him.\n\n“They stole it,” the man shouted.", "stole",
     None),
    ("Janet Ortiz spoke in Iowa.\n\nThe citizens said they were “ready to win.”", "ready", None),
    ("Janet Ortiz spoke in Iowa.\n\nThe statement said it was “ready to win.”", "ready", None),
    ("David Cameron spoke in London.\n\nThe spokesman said he was “ready to win.”", "ready", None),  # his, not him
]


def test_a_description_is_the_nearest_person_it_fits() -> None:
    for body, words, speaker in _NEAREST_FITTING:
        assert _speaker_of("Title line here.\n\n" + body, words).speaker == speaker, body


_CONTRACTION = [
    # "’s" before "been", "not", "the" ... is "has"/"is": the name is the sentence's subject, not an owner.
    ("Chris Christie’s been making the case that Marco Rubio isn’t ready.\n\n“You have not been involved,” he said.",
     "not been", "Chris Christie"),
    # negative: a real owner is not the subject
    ("Chris Christie’s plan worried Marco Rubio.\n\n“You have not been involved,” he said.", "not been",
     "Marco Rubio"),
]


def test_a_contracted_is_or_has_leaves_the_name_the_subject() -> None:
    for body, words, speaker in _CONTRACTION:
        assert _speaker_of("Title line here.\n\n" + body, words).speaker == speaker, body


_HEADLINE_TOPIC = [
    # A headline "Speaker on Topic: ‘...’" gives the words to the one who speaks, not to the topic.
    ("Kirsten Gillibrand on Hillary Clinton Releasing Her Transcripts: ‘I Think She Will.’", "Think",
     "Kirsten Gillibrand"),
    ("CNN President On Donald Trump: ‘We Do Not Pay Candidates.’", "Pay", None),  # no person before "On"
    # negative: without "on", the name before the colon speaks
    ("Donald Trump: Meeting ‘Reasonably Good’", "Reasonably", "Donald Trump"),
]


def test_a_headline_speaker_on_a_topic() -> None:
    for head, words, speaker in _HEADLINE_TOPIC:
        assert _speaker_of(head + "\n\nBody text here today.", words).speaker == speaker, head


_HONORIFIC_AT_MENTION = [
    # The "Mrs." or "Mr." before a mention of the pronoun's sentence tells that mention's gender, even where the
    # article names two people of one surname (Mr. and Mrs. Hart), so "he" is the one man of the sentence.
    ("Mrs. Hart met Mr. Rogan.\n\nMr. Hart waved.\n\nWhen Mrs. Hart noticed Mr. Rogan, her eyes widened, he said, "
     "and “it was icy.”", "icy", "Rogan"),
    ("Mrs. Hart met Mr. Rogan.\n\nMr. Hart waved.\n\nWhen Mr. Rogan noticed Mrs. Hart, his eyes widened, she said, "
     "and “it was icy.”", "icy", "Hart"),
    # negative: the one man of the sentence is not who "she" is: the woman named before is
    ("Janet Ortiz spoke first.\n\nWhen Mr. Rogan arrived, his eyes widened, she said, and “it was icy.”", "icy",
     "Ortiz"),
]


def test_an_honorific_at_the_mention_tells_its_gender() -> None:
    for body, words, speaker in _HONORIFIC_AT_MENTION:
        found = _speaker_of("Title line here.\n\n" + body, words).speaker
        assert found is not None and found.split()[-1] == speaker, (body, found)


_OWNED_BODIES = [
    # A body a named person owns speaks for the person: named by the owner's surname, as an organisation.
    ("Hillary Clinton spoke in Ohio.\n\nClinton's campaign said the claim was “false.”", "Clinton campaign"),
    ("Hillary Clinton spoke in Ohio.\n\nMrs. Clinton's campaign said the claim was “false.”", "Clinton campaign"),
    ("Hillary Clinton spoke in Ohio.\n\nThe Clinton campaign said the claim was “false.”", "Clinton campaign"),
    ("Hillary Clinton spoke in Ohio.\n\nHer campaign said the claim was “false.”", "Clinton campaign"),
    # negatives: a person's role (the spokesman is not named), a document (no one's voice), an owner that is no
    # person of the article, a pronoun of the other gender, several bodies
    ("Hillary Clinton spoke in Ohio.\n\nClinton's spokesman said the claim was “false.”", None),
    ("Hillary Clinton spoke in Ohio.\n\nHer plan said the tax would be “fair.”", None),
    ("Hillary Clinton spoke in Ohio.\n\nThe Democratic campaign said the claim was “false.”", None),
    ("Hillary Clinton spoke in Ohio.\n\nHis campaign said the claim was “false.”", None),
    ("Hillary Clinton and Donald Trump spoke.\n\nTheir campaigns said the claim was “false.”", None),
]


def test_a_body_a_person_owns_speaks_as_an_organisation() -> None:
    for body, speaker in _OWNED_BODIES:
        c = _quotes("Title line here.\n\n" + body)[0]
        assert c.speaker == speaker, body
        assert (c.speaker_kind == "organisation") if speaker else (c.speaker_reason is not None), body


_ORG_RUNS_ON = [
    # An organisation's remark continued in its paragraph, or in a paragraph that is nothing but a quotation, is
    # still the organisation's (it was left without a speaker: only a person carried on).
    ("“We are disappointed,” the ACU said in a statement. “This comes at a critical time.”", "critical",
     "ACU", "organisation"),
    ("“We are disappointed,” the ACU said in a statement.\n\n“This comes at a critical time.”", "critical",
     "ACU", "organisation"),
    ("“We are disappointed,” Janet Ortiz said.\n\n“This comes at a critical time.”", "critical", "Janet Ortiz",
     "person"),
    # negatives: a paragraph with words of its own around the quotation and no cue is nobody's; an organisation
    # that spoke before a person does not take the person's run-on
    ("“We are disappointed,” the ACU said in a statement.\n\nThe vote is on Monday, a “critical” day.", "critical",
     None, None),
    ("The ACU said it was “disappointed.”\n\n“We will fight on,” Janet Ortiz said.\n\n“We will win.”", "will win",
     "Janet Ortiz", "person"),
]


def test_an_organisation_s_remark_runs_on() -> None:
    for body, said, speaker, kind in _ORG_RUNS_ON:
        c = _speaker_of("Title line here.\n\n" + body, said)
        assert (c.speaker, c.speaker_kind) == (speaker, kind), body


_ROLE_AND_FIRST_NAME = [
    # A role word and a first name that disagree ("spokesman Hope Hicks") tell no gender: "she" may be her.
    ("Trump spokesman Hope Hicks confirmed it.\n\n“They are not affiliated,” she said.", "affiliated", "Hope Hicks"),
    # negatives: a role word that agrees with the first name, or stands alone, still tells the gender
    ("Campaign chairman John Podesta confirmed it.\n\n“They are not affiliated,” she said.", "affiliated", None),
    ("Janet Ortiz spoke. Campaign chairman Lee Zorn confirmed it.\n\n“They are not affiliated,” she said.",
     "affiliated", "Janet Ortiz"),
]


def test_a_role_word_and_a_first_name_that_disagree_tell_no_gender() -> None:
    for body, said, speaker in _ROLE_AND_FIRST_NAME:
        assert _speaker_of("Title line here.\n\n" + body, said).speaker == speaker, body


_INDEFINITE_MEMBER = [
    # One unnamed member of a party or people is an unnamed source, not the party the tagger reads in the word.
    ("“The gap is too wide,” said a Nevada Democrat.", "too wide", None),
    ("“Polls mislead,” another New Hampshire Republican added.", "Polls mislead", None),
    ("One Democrat familiar with the talks said aides seemed “rattled.”", "rattled", None),
    # negatives: the party itself, and a named person with an indefinite article, are still speakers
    ("“We will win,” the Republicans said.", "will win", "Republicans"),
    ("Francois Hollande spoke.\n\n“This is outrageous,” an angry Hollande said.", "outrageous", "Francois Hollande"),
]


def test_one_member_of_a_party_is_an_unnamed_source() -> None:
    for body, said, speaker in _INDEFINITE_MEMBER:
        c = _speaker_of("Title line here.\n\n" + body, said)
        assert c.speaker == speaker, body
        assert speaker is not None or (c.speaker_reason or "").startswith("unnamed source"), body


def test_an_organisation_no_reporting_verb_names_does_not_run_on() -> None:
    # negative beside test_an_organisation_s_remark_runs_on: an outlet cited with "according to" (no reporting
    # verb) does not take the next paragraph that is only a quotation: whose it is stays unsaid
    text = "Title line here.\n\nAccording to Reuters, the talks were “useful.”\n\n“We will meet again.”"
    c = _speaker_of(text, "meet again")
    assert c.speaker is None and c.speaker_reason
