"""Speakers of quotations: who said each one, resolved while the claims stage walks an article in reading order.

The parse gives most quotations their cue and source (``factcheck.extract.attribution``); this module turns the
source into a speaker with a kind:

- a name the tagger found is a person (canonicalised to the fullest form the article uses) or an organisation
  ("The Kremlin said", "CNN reported");
- a pronoun ("he", "she") is the nearest earlier person of the article that agrees with it: the paragraph's speakers
  and subjects first, then the article's, skipping anyone whose gender the article gives otherwise ("Mr.", "Ms.",
  "spokeswoman"); "it" and "they" go to the nearest organisation;
- a definite description ("the Indiana governor", "the senator") is the nearest earlier person introduced with that
  role ("Indiana Gov. Mike Pence"), or an organisation named with that head noun ("the commission");
- an indefinite one ("a spokeswoman for the campaign", "one Democratic source") is an unnamed source.

A source that cannot be resolved leaves the speaker ``None`` with a reason, never a guess. Quotations the parse does
not attribute fall back to the frame around them (``"...," Trump said``, a headline ``Trump: ...``, a dash
signature ``"..." ― Sonya Herridge``), then to the paragraph's previous speaker for a remark that continues, and
to the previous speaker for a paragraph that is nothing but a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.extract.attribution import GROUP_PRONOUNS, PERSONAL_PRONOUNS, Attribution, Source, is_org_noun
from factcheck.extract.entities import find_role, fold
from factcheck.lexicon import reporting_verbs, word_classes, words
from factcheck.mentions import _FIRST_NAMES, _GENDER_OF, Mention, Spans, name_gender
from factcheck.models import Quote
from factcheck.quote_frames import Speaker, framed_speaker, signature
from factcheck.senses import person_noun

_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_STOPS = words("speaker_stops")
_PRONOUN_FORMS = words("gendered_pronouns")
_ASKED = re.compile(r"\W*(?:(?:when|after|once|if)\s+)?asked\b", re.IGNORECASE)

_NONE = Speaker(None, None, None, None, "no cue or speaker near the quotation")


@dataclass
class _Context:
    """What the resolver remembers while it walks an article."""

    last_subject: str | None = None
    last_speaker: str | None = None
    last_voice: str | None = None  # the last speaker heard, a person or an organisation
    last_org: str | None = None
    block_subjects: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)  # every person mention so far, in reading order
    orgs: list[str] = field(default_factory=list)
    roles: dict[str, set[str]] = field(default_factory=dict)  # role words each person was introduced with
    gender: dict[str, str] = field(default_factory=dict)
    open_speaker: str | None = None  # who spoke the quotation the last paragraph left open (it runs on)
    indefinite: set[str] = field(default_factory=set)  # words of "a/an ..." phrases: someone new, not named
    kinds: dict[str, str] = field(default_factory=dict)  # person or organisation, of every speaker heard
    owners: dict[str, set[str]] = field(default_factory=dict)  # whose role a person holds ("Trump's ... manager")


def _introduced_with(before: str) -> list[str]:
    """The words right before a name that can introduce it, up to four ("Republican presidential nominee"),
    stopping at a verb or a function word ("a young woman asked Mrs. Clinton": "woman" is not her role)."""
    out: list[str] = []
    for w in reversed(re.findall(r"[A-Za-z]+", before)[-4:]):
        low = w.lower()
        if low in words("function_words") or low in reporting_verbs() or low in _STOPS:
            break
        out.insert(0, w)
    return out


def _role_words(role: str | None) -> set[str]:
    if not role:
        return set()
    classes = word_classes("role_synonyms")
    out = set()
    for w in re.findall(r"[A-Za-z]+", role.lower()):
        out.add(w)
        out.add(classes.get(w, w))
    return out


# A possessive owner, then up to four lower-case role words, right before a name or right after it in apposition.
_OWNER_BEFORE = re.compile(
    r"(?:\b([A-Z][\w-]+)(?:['’]s?)?|\b([Hh]is|[Hh]er))\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,?\s+$")
_OWNER_AFTER = re.compile(
    r",\s+(?:the\s+)?(?:([A-Z][\w-]+)['’]s?|(his|her))\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*[,.]")


class Resolver:
    """Resolve the speaker of each quotation in one article, in reading order."""

    def __init__(self, known: dict[str, str]) -> None:
        self.known = known
        self.ctx = _Context()
        # Last words of the article's full names: "Carson" is a first name too, but not in an article on Ben Carson.
        self.surnames = {full.split()[-1] for full in known.values() if len(full.split()) >= 2}

    # -- what the article has said so far -------------------------------------------------------------------
    def start_block(self) -> None:
        self.ctx.block_subjects = []

    def end_block(self, left_open: bool, speaker: str | None) -> None:
        """A paragraph that ends inside a quotation (no closing mark) hands its speaker to the next paragraph,
        which opens by continuing it."""
        self.ctx.open_speaker = speaker if left_open else None

    def read(self, text: str, found: Sequence[Mention], ents: Spans, lo: int, hi: int,
             in_flow: bool, speaker: str | None = None) -> None:
        """Remember the people and organisations of the sentence ``text[lo:hi]`` (after its quotations). Its
        subject is ``speaker``, the person a cue of the sentence names as the speaker of its quotation, when there
        is one ("Asked by Stephanopoulos, Carson said, ..."), else its first person who is not an owner."""
        for m in found:
            if m.pronoun or not (lo <= m.start < hi):
                continue
            name = self.name_of(m)
            if not name:
                continue
            self.ctx.people.append(name)
            blockers = [(x.start, x.end) for x in found if x is not m and not x.pronoun and x.end <= m.start]
            role = find_role(text, m.start, m.end, blockers)
            roles = self.ctx.roles.setdefault(name, set())
            roles.update(_role_words(role))
            # The words a name is introduced with, titles or not: "Republican presidential nominee Donald Trump",
            # "Trump, the New York businessman,".
            roles.update(_role_words(" ".join(_introduced_with(text[max(lo, m.start - 48):m.start]))))
            appos = re.match(r",\s+(?:the|a|an)\s+([^,.;“”\"]{3,60}),", text[m.end:m.end + 70])
            if appos:
                roles.update(_role_words(appos.group(1)))
            # "Trump campaign manager Kellyanne Conway", "his spokesman, Josh Earnest", "Conway, Trump's campaign
            # manager,": whose role it is, for "Trump's campaign manager said" later
            owner = _OWNER_BEFORE.search(text[max(lo, m.start - 60):m.start]) or _OWNER_AFTER.match(text, m.end)
            key = self._owner_key(owner.group(1) or owner.group(2)) if owner else None
            if key and key != fold(name).split()[-1]:
                self.ctx.owners.setdefault(name, set()).add(key)
            honorific = _HONORIFIC.search(text[max(0, m.start - 6):m.start])
            tags = {_GENDER_OF.get(w) for w in _role_words(role) - _PRONOUN_FORMS} - {None}  # not "her" role
            first = name_gender(name)
            if honorific:
                tags = {_GENDER_OF[honorific.group(1).lower()]}
            elif first and tags and first not in tags:
                tags = {"?"}  # "Trump spokesman Hope Hicks": a role word and a first name that disagree tell nothing
            if len(tags) != 1:
                tags = {first} - {None}
            if len(tags) == 1:
                tag = str(tags.pop())
                if self.ctx.gender.setdefault(name, tag) != tag:
                    # "Mr. Clinton" and "Mrs. Clinton": two people, so only a first name still tells ("Ms. Trump" is
                    # not Donald J. Trump)
                    self.ctx.gender[name] = name_gender(name) or "?"
        for art in re.finditer(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)", text[lo:hi]):
            self.ctx.indefinite.update(_role_words(art.group(1)))
        for e in ents.starting_in(lo, hi):
            if e.label in ("org", "group") and e.text not in self.known:
                self.ctx.orgs.append(_org_name(e.text))
        if in_flow:
            subject = speaker or self.subject_of([m for m in found if m.start >= _after_fronted(text, lo, hi)])
            if subject:
                self.ctx.block_subjects.append(subject)
                self.ctx.last_subject = subject

    def heard(self, speaker: Speaker, in_flow: bool) -> None:
        if speaker.name and speaker.kind:
            self.ctx.kinds[speaker.name] = speaker.kind
        if speaker.name and speaker.kind == "person":
            gender = name_gender(speaker.name)
            if gender:
                self.ctx.gender.setdefault(speaker.name, gender)
        if speaker.name and in_flow and (speaker.kind == "person" or speaker.span and
                                         (speaker.cue or "").lower() in reporting_verbs()):
            self.ctx.last_voice = speaker.name  # (an organisation only where a reporting verb names it)
            if speaker.kind == "organisation":
                self.ctx.last_org = speaker.name
            else:
                self.ctx.last_speaker = speaker.name

    def name_of(self, mention: Mention) -> str | None:
        if mention.pronoun:
            return self._person_for(mention.text.lower())
        text = re.sub(r"['’]s?$", "", mention.text).strip()
        return self.known.get(text, text)

    def _owner_key(self, owner: str) -> str | None:
        """The surname, folded, of an owner as written ("Trump", "Mrs. Clinton", "his" for the person it is)."""
        owner = re.sub(r"^(?:Mr|Mrs|Ms|Miss)\.?\s+|['’]s?$", "", owner.strip())
        person = self._person_for(owner.lower()) if owner.lower() in ("his", "her") else self.known.get(owner, owner)
        return fold(person).split()[-1] if person and fold(person) else None

    def _in_role_of(self, owner: str, noun: str) -> str | None:
        """The person, most recent first, the article introduced in the owner's role ("Trump's campaign manager" ->
        the one introduced as "Kellyanne Conway, Trump's campaign manager")."""
        key, wanted = self._owner_key(owner), _role_words(noun)
        for name in dict.fromkeys(reversed(self.ctx.people)):
            if key and key in self.ctx.owners.get(name, ()) and wanted & self.ctx.roles.get(name, set()):
                return name
        return None

    def subject_of(self, found: list[Mention]) -> str | None:
        for m in found:
            if not m.possessive:
                return self.name_of(m)
        return None

    # -- pronouns and descriptions ----------------------------------------------------------------------------
    def gender(self, name: str, text: str = "", start: int = -1) -> str | None:
        """m or f when "Mr." or "Ms." stands before the mention at ``start`` of ``text``, or the article tells it (a
        title or gendered role it gave the person), or the first name does ("Hillary", unless a full name of the article
        ends with it); else None."""
        honorific = _HONORIFIC.search(text[max(0, start - 6):start]) if start >= 0 else None
        if honorific:  # this mention's own "Mrs." tells more than the article's two Clintons
            return _GENDER_OF[honorific.group(1).lower()]
        if name in self.ctx.gender:
            return None if self.ctx.gender[name] == "?" else self.ctx.gender[name]
        if " " not in name.strip():
            return None if name in self.surnames else _FIRST_NAMES.get(name.lower())
        return name_gender(name)

    def _person_for(self, pronoun: str, text: str = "", before: Sequence[Mention] = ()) -> str | None:
        """The person a he/she stands for: the one person of its gender named earlier in its own sentence ("Perez
        wins applause as he keeps talking"; an owner only when no one else is: "Rubio's plan, as he says"), unless
        a pronoun of that gender comes first (then it continues the paragraph's person); else the paragraph's
        subjects, the last subject and speaker, and the article's people, nearest first; always one whose gender,
        where the article or the first name tells it, agrees."""
        want = _GENDER_OF.get(pronoun)
        if not any(m.pronoun and _GENDER_OF.get(m.text.lower()) == want for m in before):
            for owners in (False, True):
                local = {n for m in before if not m.pronoun and m.possessive == owners and (n := self.name_of(m))
                         and (want is None or self.gender(n, text, m.start) in (None, want))}
                if len(local) == 1:
                    return local.pop()
                if local:
                    break  # two people it could stand for: the sentence does not tell, the paragraph may
        return self._nearest(want)

    def _nearest(self, want: str | None, title: str = "") -> str | None:
        """The paragraph's subjects, the last subject and speaker, the article's people, nearest first: the first
        whose gender agrees with ``want`` and who was not introduced with a title other than ``title``'s."""
        order = list(reversed(self.ctx.block_subjects))
        order += [n for n in (self.ctx.last_subject, self.ctx.last_speaker) if n]
        order += list(reversed(self.ctx.people[-30:]))
        wanted, titles = _role_words(title), words("titles")
        for name in order:
            roles = self.ctx.roles.get(name, set())
            if title in titles and roles & titles and not wanted & roles:
                continue  # "the senator" is not the one introduced as "Gov."
            if want is None or self.gender(name) in (None, want):
                return name
        return None

    def _described(self, src: Source) -> Speaker:
        noun, text = src.noun, " ".join(src.text.split())
        span = (src.head_start, src.head_end)
        body = self._owned_body(src, text)
        if body:
            return Speaker(body, "organisation", span, None)
        if is_org_noun(noun):
            if src.owner and src.definite:
                return Speaker(None, None, span, None, f"unnamed source: {text}")
            org = self._org_named_with(noun)
            if org:
                return Speaker(org, "organisation", span, None)
            return Speaker(None, None, span, None, f"description not resolved to a name: {text}")
        if src.owner and person_noun(noun):
            holder = self._in_role_of(src.owner, noun)
            if holder:
                return Speaker(holder, "person", span, None)
        if not src.definite or src.owner:
            return Speaker(None, None, span, None, f"unnamed source: {text}")
        wanted = _role_words(noun)
        modifiers = {w.lower() for w in re.findall(r"[A-Za-z]+", text)} - {"the", "this", "that", noun}
        best: str | None = None
        for name in dict.fromkeys(reversed(self.ctx.people)):  # most recent first
            roles = self.ctx.roles.get(name, set())
            if wanted & roles:
                # "the Vermont senator": a candidate introduced with more of the description's words wins.
                if best is None or len(modifiers & roles) > len(modifiers & self.ctx.roles.get(best, set())):
                    best = name
        singular = noun in {w.lower() for w in re.findall(r"[\w’'-]+", text)}
        if not best and singular and person_noun(noun) and noun not in words("relational_roles") \
                and not wanted & self.ctx.indefinite:
            # No one was introduced with that role: "the billionaire" is the nearest person it fits, unless the
            # article brought in "a man", "an aide" (someone new, unnamed) with that noun; "the citizens" are many.
            best = self._nearest(_GENDER_OF.get(noun), noun)
        if best:
            return Speaker(best, "person", span, None)
        # No person fits, but an organisation named earlier has the noun in its name ("the commission" after "the
        # Commission on Presidential Debates", though "commission" is no word only organisations are).
        org = self._org_named_with(noun)
        if org:
            return Speaker(org, "organisation", span, None)
        return Speaker(None, None, span, None, f"description not resolved to a name: {text}")

    def _org_named_with(self, noun: str) -> str | None:
        """The nearest earlier organisation with ``noun`` among the words of its name (both folded: ``fold`` writes
        "commission" as "comision")."""
        for org in reversed(self.ctx.orgs[-30:]):
            if fold(noun) in fold(org).split():
                return org
        return None

    def _owned_body(self, src: Source, text: str) -> str | None:
        """The body a person of the article owns, named by the person's surname ("Clinton's campaign", "her
        campaign", "the Clinton campaign" -> "Clinton campaign"): only nouns of ``owned_bodies``, in the singular,
        and only an owner that is a person the article names (or a he/she resolved to one)."""
        said = re.findall(r"[\w’'.-]+", text)
        if src.noun not in words("owned_bodies") or src.noun not in {w.lower() for w in said}:
            return None
        owner = src.owner
        if not owner and said and said[0].lower() == "the":  # "the Clinton campaign": the name before the noun
            owner = " ".join(w for w in said[1:said.index(next(w for w in said if w.lower() == src.noun))])
        if owner.lower() in ("his", "her"):
            person = self._person_for(owner.lower())
        else:
            owner = re.sub(r"^(?:Mr|Mrs|Ms|Miss)\.?\s+", "", owner)
            person = self.known.get(owner) or (self.known.get(owner.split()[-1]) if owner else None)
        return f"{person.split()[-1]} {src.noun}" if person else None

    def from_source(self, src: Source, cue: str, text: str = "", before: Sequence[Mention] = ()) -> Speaker:
        """The speaker a parsed source names (``before``: the mentions of its sentence before it, in ``text``)."""
        span = (src.head_start, src.head_end)
        block, text = text, " ".join(src.text.split())  # (the block's text reads a "Mrs." before a mention)
        if src.kind == "pronoun":
            low = text.lower()
            if low in ("i", "me"):
                return Speaker(None, None, span, cue, "first person: the author of the article")
            if low in PERSONAL_PRONOUNS:
                name = self._person_for(low, block, before)
                if name:
                    return Speaker(name, "person", span, cue)
                return Speaker(None, None, span, cue, f"pronoun “{text}” has no earlier person")
            if low in GROUP_PRONOUNS and self.ctx.last_org:
                return Speaker(self.ctx.last_org, "organisation", span, cue)
            return Speaker(None, None, span, cue, f"pronoun “{text}” not resolved to a name")
        if src.kind == "nominal" and text in self.known and text[:1].isupper():
            # a name of the article the tagger read as a common noun ("Trump delivers defense of ...")
            return Speaker(self.known[text], "person", span, cue)
        if src.kind == "nominal":
            found = self._described(src)
            return Speaker(found.name, found.kind, found.span, cue, found.reason)
        clean = re.sub(r"['’]s?$", "", text).strip()
        if not fold(clean):  # the parse made a mark its subject ("»"): no name to give
            return Speaker(None, None, span, cue, f"the cue's subject “{text}” is not a name")
        if clean in self.known or clean.split()[-1] in self.known and src.kind != "organisation":
            return Speaker(self.known.get(clean) or self.known[clean.split()[-1]], "person", span, cue)
        if src.kind == "person":
            return Speaker(clean, "person", span, cue)
        if src.kind == "organisation" or fold(clean).split()[-1] in words("org_heads"):
            return Speaker(_org_name(clean), "organisation", span, cue)
        return Speaker(clean, "person", span, cue)

    # -- one quotation ------------------------------------------------------------------------------------------
    def speaker(
        self, text: str, masked_text: str, sent: tuple[int, int], quote: Quote, quotes: Sequence[Quote],
        found: list[Mention], block_speaker: str | None, parsed: Attribution | None,
    ) -> Speaker:
        if parsed is not None and parsed.source is not None and fold(parsed.source.text):
            # (a source that is only a mark, "»" made the subject by the parse, is no source: the frame is read)
            # (before the quotation too: names inside the words reported, "..., he said", are not who speaks)
            upto = min(parsed.source.start, quote.start)
            before = [m for m in found if sent[0] <= m.start and m.end <= upto]
            if _ASKED.match(text, sent[0], upto):
                # "Asked about her vote in the event that Clinton faces Trump, she replied": who is asked about (or
                # who asks) is not who answers.
                before = [m for m in before if m.pronoun]
            return self.from_source(parsed.source, parsed.cue, text, before)
        framed = framed_speaker(self.name_of, text, masked_text, sent, quote, quotes, found)
        if framed is not None:
            return framed
        signed = signature(text, masked_text, sent, quote)
        if signed is not None:
            return Speaker(self.known.get(signed.name or "", signed.name), "person", signed.span, signed.cue)
        s0, s1 = sent
        # A paragraph that opens by running on the quotation the last paragraph left open.
        if self.ctx.open_speaker and not masked_text[:quote.start].strip(" “\"‘'"):
            return Speaker(self.ctx.open_speaker, self.ctx.kinds.get(self.ctx.open_speaker, "person"), None, None)
        # A remark that continues the paragraph's previous quote (a person's or an organisation's).
        if block_speaker:
            return Speaker(block_speaker, self.ctx.kinds.get(block_speaker, "person"), None, None)
        # A paragraph that is nothing but a quote continues the previous speaker.
        if not masked_text[s0:s1].strip(" ,.;:—–-") and self.ctx.last_voice:
            return Speaker(self.ctx.last_voice, self.ctx.kinds.get(self.ctx.last_voice, "person"), None, None)
        return _NONE

def _after_fronted(text: str, lo: int, hi: int) -> int:
    """Where the sentence ``text[lo:hi]`` goes on after a fronted adverbial phrase that opens it ("In an interview
    with Rusty Humphries, Ham made it clear": after the comma), or ``lo`` when it opens otherwise."""
    m = re.match(r"\W*([A-Za-z]+)\b[^,;:“”\"]{0,120},\s*", text[lo:hi])
    return lo + m.end() if m and m.group(1).lower() in words("fronting_prepositions") else lo


def _org_name(text: str) -> str:
    """An organisation as a speaker: "the White House" -> "White House"; "The New York Post" stays whole."""
    clean = re.sub(r"['’]s?$", "", " ".join(text.split())).strip()
    if clean.lower().startswith("the ") and not clean.startswith("The "):
        clean = clean[4:]
    return clean
