"""Data types shared by every stage of the pipeline.

Every type is a frozen dataclass so a stage can never change what an earlier stage produced, and every piece of
text shown to a reader carries a :class:`Span` into the article's raw text (after decoding, before any cleaning).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from factcheck.models.lineage import Lineage as Lineage
from factcheck.models.lineage import SourceLineage as SourceLineage


class ClaimType(str, Enum):
    """What a claim is: a plain statement, a direct quotation, or a photo caption."""

    STATEMENT = "statement"
    QUOTE = "quote"
    CAPTION = "caption"


class FindingKind(str, Enum):
    """The finding kinds of the report contract (``docs/report-contract.md``)."""

    QUOTE_DIVERGENCE = "quote_divergence"
    NUMBER_CONFLICT = "number_conflict"
    DATE_CONFLICT = "date_conflict"
    ENTITY_CONFLICT = "entity_conflict"
    ATTRIBUTION_CONFLICT = "attribution_conflict"
    CONTRADICTION = "contradiction"
    OMISSION = "omission"
    UNIQUE_CLAIM = "unique_claim"
    DETAIL_DROPPED = "detail_dropped"
    INTERNAL_CONFLICT = "internal_conflict"


class Severity(str, Enum):
    """How much a finding matters; ordered so that ``ERROR`` is the most serious."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class OutputFormat(str, Enum):
    """Report formats the CLI can write."""

    RICH = "rich"
    MARKDOWN = "markdown"
    JSON = "json"
    GITHUB = "github"
    JUNIT = "junit"
    SARIF = "sarif"
    HTML = "html"


class GroupStatus(str, Enum):
    """How the sources relate on one claim group."""

    AGREEMENT = "agreement"
    DIVERGENT = "divergent"
    PARTIAL = "partial"
    UNIQUE = "unique"


@dataclass(frozen=True)
class Span:
    """A character range ``[start, end)`` in one article's raw text, with the words it covers."""

    source: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One source article.

    Attributes:
        id: file name without extension, or the JSONL ``id`` field.
        path: where it was read from (for JSONL, ``file.jsonl:LINE``).
        raw: the text as decoded, before any cleaning; every span points into it.
        title: the headline, if one was found.
        published: the article's date, from metadata or the text itself.
        blocks: the content paragraphs kept after stripping boilerplate, as spans into ``raw``.
        captions: photo captions, kept apart from the body.
        dropped: boilerplate removed (navigation, credits, disclaimers), for transparency.
        title_span: where the headline stands in ``raw`` when it is part of the text.
        warnings: anything the loader wants the reader to know (encoding guessed, non-English text).
    """

    id: str
    path: str
    raw: str
    title: str | None
    published: dt.date | None
    blocks: tuple[Span, ...]
    captions: tuple[Span, ...] = ()
    dropped: tuple[Span, ...] = ()
    title_span: Span | None = None
    warnings: tuple[str, ...] = ()
    encoding: str = "utf-8"
    url: str | None = None
    outlet: str | None = None  # the outlet's or site's name, when the input gives one


@dataclass(frozen=True)
class Quote:
    """A direct quotation found in text (offsets relative to the text given to the extractor)."""

    start: int
    end: int
    text: str
    open_mark: str
    close_mark: str
    closed: bool = True


@dataclass(frozen=True)
class Number:
    """A quantity mentioned in text: ``value`` (or ``low``..``high`` for a range) in ``unit``."""

    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str
    approx: bool = False
    bound: str = ""  # "min" for "at least / more than N", "max" for "up to / under N", "" otherwise


@dataclass(frozen=True)
class DateMention:
    """A date mentioned in text, resolved to a calendar date where the article's date allows it."""

    start: int
    end: int
    text: str
    date: dt.date | None
    weekday: int | None = None
    granularity: str = "day"


@dataclass(frozen=True)
class Entity:
    """A named person, organisation or place, with a role or title when the text gives one."""

    start: int
    end: int
    text: str
    label: str
    canonical: str
    role: str | None = None


@dataclass(frozen=True)
class Action:
    """Who does what in a claim: the act (a verb lemma, or the verb behind an event noun such as "meeting") and
    its agent, with the agent's kind: ``person`` (a name or a singular title), ``group`` (a plural noun such as
    "negotiators") or ``other``."""

    start: int
    end: int
    act: str
    agent: str
    agent_start: int
    agent_end: int
    agent_kind: str
    canonical: str = ""


@dataclass(frozen=True)
class Claim:
    """An atomic claim: one statement, quotation or caption of one source.

    ``span`` locates the claim's words in the raw text. For a quote claim ``quote`` holds the verbatim words inside
    the quotation marks and ``quote_span`` their location; ``speaker`` is the full name the quote is attributed to
    (``speaker_kind`` person or organisation); a quotation whose speaker cannot be resolved has ``speaker`` None
    and ``speaker_reason`` saying why.
    ``frame`` is the sentence the claim came from.
    """

    id: str
    source: str
    index: int
    type: ClaimType
    span: Span
    sentence: Span
    quote: str | None = None
    quote_span: Span | None = None
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    speaker_kind: str | None = None  # person or organisation, when a speaker is given
    speaker_reason: str | None = None  # why a quotation has no speaker ("unnamed source: a spokeswoman ...")
    numbers: tuple[Number, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[Entity, ...] = ()
    actions: tuple[Action, ...] = ()

    @property
    def text(self) -> str:
        return self.span.text


@dataclass(frozen=True)
class ClaimGroup:
    """Claims from several sources that state the same thing."""

    id: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    status: GroupStatus
    score: float = 1.0


@dataclass(frozen=True)
class Evidence:
    """The exact words of one source that a finding rests on."""

    source: str
    claim: str | None
    text: str
    start: int
    end: int
    role: str = ""


@dataclass(frozen=True)
class WordOp:
    """One word operation of a diff: ``a`` as one source words it, ``b`` as the other does.

    ``op`` is ``equal``, ``replace``, ``insert`` (only ``b``), ``delete`` (only ``a``) or ``move`` (the same words
    at another place).
    """

    op: str
    a: str
    b: str


@dataclass(frozen=True)
class WordDiff:
    """The word operations that turn ``source_a``'s words into ``source_b``'s, in one direction."""

    source_a: str
    source_b: str
    ops: tuple[WordOp, ...]


@dataclass(frozen=True)
class Finding:
    """One thing a reader should look at, with evidence from every source it names."""

    id: str
    kind: FindingKind
    severity: Severity
    group: str | None
    sources: tuple[str, ...]
    message: str
    evidence: tuple[Evidence, ...]
    details: tuple[tuple[str, str], ...] = ()
    score: float = 0.0
    diffs: tuple[WordDiff, ...] = ()
    missing: tuple[str, ...] = ()  # the sources that leave out what the finding is about (omissions, dropped details)
    slot: str = ""  # what differs, for a typed difference: number, date, place, person, org, role, actor, ...
    nature: str = ""  # what the difference means, one of ``factcheck.checks.rank.NATURES``
    rank: int = 0  # 1 is what a reader should see first; 0 until the story's findings are ranked


@dataclass(frozen=True)
class SourceSummary:
    """Per-source counts for the report."""

    id: str
    path: str
    title: str | None
    published: dt.date | None
    sentences: int
    claims: int
    warnings: tuple[str, ...] = ()
    name: str = ""  # short display name: the outlet, the site's name or the file name


@dataclass(frozen=True)
class StoryInfo:
    """What a batch's index shows of one story: the span of its articles' dates, its outlets and size, and whether
    its articles lie far apart in time (follow-ups, or one event reported long after)."""

    first: dt.date | None
    last: dt.date | None
    outlets: tuple[str, ...]
    articles: int
    far_apart: bool

    @property
    def span_days(self) -> int | None:
        return (self.last - self.first).days if self.first is not None and self.last is not None else None


@dataclass(frozen=True)
class Report:
    """The whole audit: sources, claims, groups and findings, ready for any renderer."""

    tool_version: str
    model: str
    sources: tuple[SourceSummary, ...]
    claims: tuple[Claim, ...]
    groups: tuple[ClaimGroup, ...]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()
    articles: tuple[Article, ...] = field(default=(), compare=False, repr=False)
    story: StoryInfo | None = field(default=None, compare=False)
    lineage: Lineage | None = None

    def findings_by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {kind.value: 0 for kind in FindingKind}
        for finding in self.findings:
            counts[finding.kind.value] += 1
        return counts


@dataclass(frozen=True)
class Block:
    """A kept paragraph: its raw span, its clean text, and where each clean character came from."""

    source: str
    kind: str  # "title", "heading", "body", "caption"
    start: int
    end: int
    text: str
    offsets: tuple[int, ...] | None = None  # raw offset of each clean char; None means identity from start

    def raw_start(self, i: int) -> int:
        if self.offsets is None:
            return self.start + i
        return self.offsets[min(i, len(self.offsets) - 1)] if self.offsets else self.start

    def raw_end(self, i: int) -> int:
        """Raw offset just past clean character ``i - 1``."""
        if i <= 0:
            return self.raw_start(0)
        if self.offsets is None:
            return self.start + i
        return self.offsets[min(i, len(self.offsets)) - 1] + 1


def span_of(article: Article, block: Block, start: int, end: int) -> Span:
    """The raw span of clean characters ``[start, end)`` of ``block``."""
    raw_start = block.raw_start(start)
    raw_end = block.raw_end(end)
    if block.offsets is not None:
        # Close an entity or tag that the last clean character came from (``&amp;`` -> ``&``).
        raw_end = _extend_entity(article.raw, raw_end)
    return Span(article.id, raw_start, raw_end, article.raw[raw_start:raw_end])


def _extend_entity(raw: str, end: int) -> int:
    if end > 0 and raw[end - 1] == "&":
        semi = raw.find(";", end, end + 12)
        if semi != -1:
            return semi + 1
    return end


@dataclass(frozen=True)
class LoadedArticle:
    """An article with the blocks the claims stage reads."""

    article: Article
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class StoryReport:
    """One story of a batch and its audit."""

    id: str
    title: str
    report: Report


@dataclass(frozen=True)
class Batch:
    """A batch of articles split into stories, each audited on its own."""

    stories: tuple[StoryReport, ...]
    notes: tuple[str, ...] = ()
