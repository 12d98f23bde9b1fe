"""The one table of rules: each finding kind's stable code, name, description and default severity.

The checks register under these codes, the configuration takes its default severities from here, and the SARIF
renderer its rule metadata. A finding's own severity follows what its difference means (``checks/rank.py``); the
default here is the kind's severity where nothing finer is known, and the level SARIF viewers show for the rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.models import FindingKind


@dataclass(frozen=True)
class Rule:
    code: str
    kind: FindingKind
    name: str
    description: str
    severity: str


RULES: dict[FindingKind, Rule] = {r.kind: r for r in (
    Rule("FC101", FindingKind.QUOTE_DIVERGENCE, "QuoteDivergence",
         "The same quotation (same speaker, same remark) is worded differently across sources: words changed, "
         "added, dropped, reordered, or two remarks spliced into one.", "error"),
    Rule("FC102", FindingKind.NUMBER_CONFLICT, "NumberConflict",
         "Aligned claims state different quantities (counts, percentages, distances, money, durations).", "error"),
    Rule("FC103", FindingKind.DATE_CONFLICT, "DateConflict",
         "Aligned claims put the same event at different dates or days, after resolving weekdays and relative "
         "dates against each article's date.", "error"),
    Rule("FC104", FindingKind.ENTITY_CONFLICT, "EntityConflict",
         "Aligned claims name a different person, place, organisation, title or role for the same slot.", "warning"),
    Rule("FC105", FindingKind.ATTRIBUTION_CONFLICT, "AttributionConflict",
         "Aligned claims give the same words or act to a different speaker or actor.", "error"),
    Rule("FC106", FindingKind.CONTRADICTION, "Contradiction",
         "Aligned claims assert opposite things: a negation or an opposite verb.", "error"),
    Rule("FC107", FindingKind.OMISSION, "Omission",
         "A claim is missing from a source: one the version it follows carries, else one most sources carry.",
         "info"),
    Rule("FC108", FindingKind.UNIQUE_CLAIM, "UniqueClaim",
         "A claim that only one source makes: no other source supports it.", "info"),
    Rule("FC109", FindingKind.DETAIL_DROPPED, "DetailDropped",
         "A number, date, place, name or role that one claim carries and its aligned counterpart leaves out.",
         "info"),
    Rule("FC110", FindingKind.INTERNAL_CONFLICT, "InternalConflict",
         "One source disagrees with itself (a caption against the body, a lead against a later paragraph).",
         "warning"),
)}
