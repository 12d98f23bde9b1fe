"""attribution_conflict: the same words or the same act given to a different speaker or actor.

Example: one source has Rubio say "some progress" had been made, another puts the same words in Witkoff's mouth;
one source says "the president will travel to Brussels", another "the president's envoys will travel to Brussels".
"""

from __future__ import annotations

from difflib import SequenceMatcher

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register
from factcheck.checks.pairs import cross_pairs
from factcheck.checks.typed import conflict_findings
from factcheck.extract.entities import fold, same_person, surname
from factcheck.lexicon import reporting_verbs, word_set, words
from factcheck.models import Action, Claim, ClaimGroup, Finding, FindingKind, Span
from factcheck.senses import common_word
from factcheck.tokenize import plain_words


def _person_words(claim: Claim) -> set[str]:
    out: set[str] = set()
    for e in claim.entities:
        if e.label == "person":
            out |= set(fold(e.text).split()) | set(fold(e.canonical).split())
    return out


def _is_predicate_start(word: str) -> bool:
    return word in word_set("predicate_openers") or word in reporting_verbs() or (len(word) > 4 and word.endswith("ed"))


def actor_change(a: Claim, b: Claim) -> tuple[str, str] | None:
    """The two subjects when aligned statements say the same thing but give the act to a different actor: the
    texts differ in one short stretch, that stretch is (or follows) a person's name, and it ends right where the
    predicate starts."""
    ta, tb = plain_words(a.text), plain_words(b.text)
    sm = SequenceMatcher(None, ta, tb, autojunk=False)
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    if len(ops) != 1 or sm.ratio() < 0.8:
        return None
    _, i1, i2, j1, j2 = ops[0]
    ra, rb = ta[i1:i2], tb[j1:j2]
    if len(ra) > 4 or len(rb) > 4 or i2 >= len(ta) or j2 >= len(tb):
        return None
    changed = ra + rb
    if any(w.isdigit() for w in changed) or set(changed) & words("negators"):
        return None
    if all(_is_predicate_start(w) for w in changed):
        return None  # the verb changed ("Mr. Clinton said" / "Mr. Clinton stated"), not who does it
    people = _person_words(a) | _person_words(b)
    before = ta[i1 - 1] if i1 > 0 else ""
    if not ({fold(w) for w in changed} & people or fold(before) in people):
        return None
    if not _is_predicate_start(ta[i2]):
        return None
    lo = max(0, i1 - 2)
    return " ".join(ta[lo:i2]), " ".join(tb[max(0, j1 - 2):j2])


def _agent_key(action: Action) -> str | None:
    """Who an act is given to, for comparison: a person's surname, or one key for every group of people (the
    text cannot tell "negotiators" from "representatives" apart, but can tell them from one named person)."""
    if action.agent_kind == "person":
        key = surname(action.canonical or action.agent)
        return "person:" + key if key else None
    if action.agent_kind == "group":
        return "group"
    return None


def _act_evidence(ctx: CheckContext, claim: Claim, action: Action):
    raw = ctx.articles[claim.source].raw
    start, end = min(action.agent_start, action.start), max(action.agent_end, action.end)
    if end - start > 240:
        start, end = action.agent_start, action.agent_end
    return evidence_of(claim, Span(claim.source, start, end, raw[start:end]), "actor")


def actor_readings(ctx: CheckContext, group) -> list[tuple[str, dict[str, list[tuple[Claim, Action]]]]]:
    """Per act shared by the group's sources, the different agents it is given to (only when there are two)."""
    light = words("light_verbs")
    by_act: dict[str, dict[str, list[tuple[Claim, Action]]]] = {}
    for claim in ctx.members(group):
        if claim.type.value == "quote":
            continue
        for action in claim.actions:
            key = _agent_key(action)
            if key is None or action.act in light:
                continue
            by_act.setdefault(action.act, {}).setdefault(key, []).append((claim, action))
    out = []
    for act in sorted(by_act):
        readings = by_act[act]
        sources = {k: {c.source for c, _ in v} for k, v in readings.items()}
        if len(readings) < 2:
            continue
        # Each reading must come from a source that does not also hold another reading of the same act.
        clean = {k: v for k, v in readings.items()
                 if any(all(src not in sources[o] for o in readings if o != k) for src in sources[k])}
        if len(clean) >= 2 and not _parse_only(clean):
            out.append((act, clean))
    return out


def _parse_only(readings: dict[str, list[tuple[Claim, Action]]]) -> bool:
    """Whether every reading's actor is named in every claim of the other readings: the words agree and only the
    parse gave the act to another phrase of the same sentence ("Obama's decision to jump-start relations
    received support")."""
    def named_in(action: Action, claim: Claim) -> bool:
        have = set(plain_words(claim.text))
        want = [w for w in plain_words(action.agent) if w not in words("function_words")]
        return bool(want) and all(w in have for w in want)

    return all(named_in(a1, c2) for k, v in readings.items() for _, a1 in v
               for o, w in readings.items() if o != k for c2, _ in w)


def _surnames(ctx: CheckContext, source: str) -> frozenset[str]:
    """Last words of the person names a source mentions (memoised on the context)."""
    memo = ctx.__dict__.setdefault("_surnames", {})
    if source not in memo:
        memo[source] = frozenset(e.text.split()[-1] for c in ctx.source_claims(source) for e in c.entities
                                 if e.label == "person" and e.text.split())
    return memo[source]


def _named_at_quote(claim: Claim) -> bool:
    """The speaker's mention at the quotation is a name, not a pronoun or a description ("he", "the official")."""
    mention = claim.speaker_span.text if claim.speaker_span else ""
    said = {fold(w) for w in mention.split()}
    return bool(said & {fold(w) for w in (claim.speaker or "").split()}) and mention.lower() not in words("pronouns")


def _named_person(ctx: CheckContext, claim: Claim) -> bool:
    """The quote's speaker is a person's name: a full name, or a surname the same source names as a person."""
    words = (claim.speaker or "").split()
    # A single word is a name when the source names a person so, or when it is no ordinary word at all ("Zaheed",
    # whose full name the parser did not tag; "Twitter" is a word and stays out).
    return len(words) >= 2 or (len(words) == 1 and (words[0] in _surnames(ctx, claim.source)
                                                    or claim.speaker_kind == "person" and not common_word(words[0])))


@register(FindingKind.ATTRIBUTION_CONFLICT)
def check_attribution_conflict(ctx: CheckContext) -> list[Finding]:
    """Aligned claims give the same words or act to a different speaker or actor."""
    findings: list[Finding] = []
    # One finding per two sources and two speakers: quotations that follow one changed name (a pronoun resolved
    # to it, a quotation run on) are the same root cause, shown as further evidence of that one finding.
    by_speakers: dict[tuple[str, ...], list[tuple[ClaimGroup, Claim, Claim]]] = {}
    for group, a, b in cross_pairs(ctx, quotes=True):
        if not a.speaker or not b.speaker or same_person(a.speaker, b.speaker):
            continue  # an unresolved speaker (None, with its reason) is never one side of a conflict
        if a.speaker_kind == "organisation" or b.speaker_kind == "organisation":
            continue  # "the White House" and the spokesman who spoke for it are not two sources of the words
        if not (_named_person(ctx, a) and _named_person(ctx, b)):
            continue  # only two people's names are confidently two people ("Twitter" is no speaker to compare)
        key = tuple(x for c in sorted((a, b), key=lambda c: c.source) for x in (c.source, c.speaker or ""))
        by_speakers.setdefault(key, []).append((group, a, b))
    for pairs in by_speakers.values():
        # Confident only where both sources name the speaker at the quotation: a pronoun resolved to two people
        # (after a paragraph that one source leaves out) is no evidence on its own.
        named = [p for p in pairs if _named_at_quote(p[1]) and _named_at_quote(p[2])]
        if not named:
            continue
        pairs = named + [p for p in pairs if p not in named]
        group, a, b = pairs[0]
        ev = []
        for _, x, y in pairs:
            ev += [evidence_of(x, x.speaker_span or x.quote_span, "speaker"),
                   evidence_of(y, y.speaker_span or y.quote_span, "speaker")]
        ev += [evidence_of(c, c.quote_span, "quote") for _, x, y in pairs for c in (x, y)]
        ev = list(dict.fromkeys(ev))
        more = f" ({len(pairs)} quotations)" if len(pairs) > 1 else ""
        message = f"The same words are given to {a.speaker} in {a.source} and to {b.speaker} in {b.source}{more}"
        findings.append(make_finding(ctx, FindingKind.ATTRIBUTION_CONFLICT, group, ev, message, score=9))
    actor_groups: set[str] = set()
    for group in ctx.groups:
        if len(group.sources) < 2:
            continue
        found = actor_readings(ctx, group)
        # One finding per group: the act that the most sources give to different actors.
        found = sorted(found, key=lambda ar: (-sum(len(v) for v in ar[1].values()), ar[0]))[:1]
        for act, readings in found:
            actor_groups.add(group.id)
            ev = [_act_evidence(ctx, c, a) for mentions in readings.values() for c, a in mentions]
            parts = []
            for mentions in readings.values():
                srcs = sorted({c.source for c, _ in mentions})
                parts.append(f"“{mentions[0][1].agent}” in {', '.join(srcs)}")
            message = f"Who does it (“{act}”): " + " vs ".join(parts)
            findings.append(make_finding(ctx, FindingKind.ATTRIBUTION_CONFLICT, group, ev, message,
                                         [("act", act)], score=8, slot="actor"))
    for group, a, b in cross_pairs(ctx):
        if group.id in actor_groups:
            continue
        change = actor_change(a, b)
        if change is None:
            continue
        ev = [evidence_of(a, role="actor"), evidence_of(b, role="actor")]
        message = (f"The same act is given to “{change[0]}” in {a.source} and to “{change[1]}” in {b.source}")
        findings.append(make_finding(ctx, FindingKind.ATTRIBUTION_CONFLICT, group, ev, message,
                                     [("claim " + a.source, a.text), ("claim " + b.source, b.text)], score=8))
        actor_groups.add(group.id)
    # A different person as the actor of the same statement, from the typed word diff.
    findings += [f for f in conflict_findings(ctx, FindingKind.ATTRIBUTION_CONFLICT) if f.group not in actor_groups]
    return findings
