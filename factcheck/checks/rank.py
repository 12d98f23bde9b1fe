"""Severity and rank by meaning: what a difference means, not how many words it has.

Every finding gets a *nature* (what kind of difference it is) and from it a tier:

* top: a quotation that may be invented (largely reworded, or one that a rewrite alone gives a person the others
  quote), a spliced quotation, a changed speaker or actor, a contradiction, a changed number, date, place,
  person or organisation;
* middle: a changed word inside a quotation that changes its meaning (a pronoun, a negation, a number, a name),
  other changed content words in a quotation, a title changed or cut, a dropped detail, a quotation a source alone
  adds, claims with a fact that a source leaves out;
* bottom: reordering, synonyms and function words inside a quotation (typical of translation), a claim a source
  alone adds whose only fact is a name, colour added, a claim with no checkable fact left out, what the version
  others follow holds that none of them kept (each rewrite's "leaves out" line names it already).

The default severity follows the tier (error, warning, info); a severity set for a kind in the configuration
overrides it. ``rank`` numbers the story's findings from 1 in that order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from factcheck.config import DEFAULT_SEVERITIES, Config
from factcheck.lexicon import word_set, words
from factcheck.models import Finding, FindingKind, Severity, WordOp
from factcheck.senses import same_sense
from factcheck.tokenize import word_runs

TOP, MIDDLE, BOTTOM = 1, 2, 3

#: Every nature, in reading order within the tiers; the tier of each.
NATURES: dict[str, int] = {
    "reworded_quote": TOP, "spliced_quote": TOP, "speaker_changed": TOP, "actor_changed": TOP,
    "contradiction": TOP, "number": TOP, "date": TOP, "place": TOP, "person": TOP, "org": TOP,
    "kinship": TOP, "party": TOP,
    "internal_fact": TOP, "invented_quote": TOP,
    "quote_meaning": MIDDLE, "quote_words": MIDDLE, "title_changed": MIDDLE, "title_cut": MIDDLE,
    "internal_role": MIDDLE, "detail_number": MIDDLE, "detail_date": MIDDLE, "detail_place": MIDDLE,
    "detail_person": MIDDLE, "detail_org": MIDDLE, "detail_role": MIDDLE, "detail": MIDDLE,
    "added_quote": MIDDLE, "omitted_fact": MIDDLE, "added_fact": MIDDLE,
    "quote_wording": BOTTOM, "added_name": BOTTOM, "cut_by_all": BOTTOM, "omitted_colour": BOTTOM, "colour": BOTTOM,
    "independent": BOTTOM,
}
_ORDER = {n: i for i, n in enumerate(NATURES)}
_SEVERITY = {TOP: Severity.ERROR, MIDDLE: Severity.WARNING, BOTTOM: Severity.INFO}
_DIGIT = re.compile(r"\d")


def quote_nature(ops: Sequence[WordOp]) -> str:
    """What the word changes inside a quotation mean: a pronoun, negation, number or name changed; other content
    words changed; or only reordering, synonyms and function words."""
    pronouns, negators, function = word_set("personal_pronouns"), words("negators"), word_set("function_words")
    numbers = word_set("quote_number_words")
    changed = [op for op in ops if op.op not in ("equal", "move")]
    other = False
    for op in changed:
        old, new = word_runs(op.a), word_runs(op.b)
        for w in old + new:
            lw = w.lower().replace("’", "'")
            if lw in pronouns or lw in negators or lw.endswith("n't") or _DIGIT.search(lw) or lw in numbers:
                return "quote_meaning"
        if op.op == "replace" and len(old) == 1 and len(new) == 1 and same_sense(old[0].lower(), new[0].lower()):
            continue
        content = [w for w in old + new if w.lower() not in function]
        if any(w[:1].isupper() and w != "I" for w in content):
            return "quote_meaning"  # a name
        if content:
            other = True
    return "quote_words" if other else "quote_wording"


def nature_of(f: Finding) -> str:
    """The finding's nature: the one its check gave, else read from its kind and typed fields."""
    if f.nature:
        return f.nature
    kind, slot = f.kind, f.slot
    if kind == FindingKind.QUOTE_DIVERGENCE:  # the check names splices and rewordings itself
        return quote_nature([op for d in f.diffs for op in d.ops])
    if kind == FindingKind.ATTRIBUTION_CONFLICT:
        return "actor_changed" if slot == "actor" else "speaker_changed"
    if kind == FindingKind.CONTRADICTION:
        return "contradiction"
    if kind == FindingKind.NUMBER_CONFLICT:
        return "number"
    if kind == FindingKind.DATE_CONFLICT:
        return "date"
    if kind == FindingKind.ENTITY_CONFLICT:
        return slot if slot in ("place", "person", "org", "kinship", "party") else "title_changed"
    if kind == FindingKind.INTERNAL_CONFLICT:
        return "internal_role" if slot == "role" else "internal_fact"
    if kind == FindingKind.DETAIL_DROPPED:
        return "detail"
    if kind == FindingKind.OMISSION:
        return "omitted_fact" if f.score >= 1.0 else "omitted_colour"
    if kind == FindingKind.UNIQUE_CLAIM:
        return "added_fact"
    return "quote_words"


def tier(nature: str) -> int:
    return NATURES.get(nature, MIDDLE)


def rank_findings(findings: Sequence[Finding], config: Config) -> list[Finding]:
    """The findings with their nature, severity by meaning (unless the configuration sets the kind's severity)
    and rank, in rank order."""
    out = []
    for f in findings:
        nature = nature_of(f)
        severity = _SEVERITY[tier(nature)]
        configured = config.severities.get(f.kind.value, DEFAULT_SEVERITIES[f.kind.value])
        if configured != DEFAULT_SEVERITIES[f.kind.value]:
            severity = Severity(configured)
        out.append(replace(f, nature=nature, severity=severity))
    out.sort(key=lambda f: (tier(f.nature), -f.severity.rank, _ORDER.get(f.nature, len(_ORDER)), -f.score, f.id))
    return [replace(f, rank=i + 1) for i, f in enumerate(out)]
