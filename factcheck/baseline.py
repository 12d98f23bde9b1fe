"""Baselines: accept the findings a newsroom has already reviewed, and report only what is new.

A baseline records each accepted finding by its kind and the normalised words of its evidence (the same words the
finding id is made from), never by character offsets, so it survives an article's whitespace being reflowed or text
being added elsewhere (bandit's baseline works the same way). Entries that no longer match any finding are reported
as *stale* so the baseline can be pruned (sqlfluff's unused-ignore warning).

>>> baseline = create_baseline(report)                          # doctest: +SKIP
>>> Path("factcheck-baseline.json").write_text(dumps(baseline))  # doctest: +SKIP
>>> new_report, stale = apply_baseline(report, load_baseline("factcheck-baseline.json"))  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.models import Finding, FindingKind, Report
from factcheck.tokenize import normalise_words
from factcheck.version import __version__

SCHEMA = "factcheck.baseline/1"
REPORT_SCHEMA = "factcheck.report/1"

Key = tuple[str, tuple[str, ...]]


class BaselineError(InputError):
    """The baseline file is missing, unreadable, or not a factcheck baseline (exit code 2)."""


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted finding.

    Attributes:
        kind: the finding kind.
        id: the finding id when the baseline was made (for people; matching uses ``kind`` and ``evidence``).
        evidence: the normalised words of each piece of evidence, sorted.
        message: the finding's message, so a reviewer can read the baseline.
        sources: the sources the finding named (for people).
    """

    kind: str
    id: str
    evidence: tuple[str, ...]
    message: str = ""
    sources: tuple[str, ...] = ()

    @property
    def key(self) -> Key:
        return (self.kind, self.evidence)

    def as_record(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "message": self.message, "sources": list(self.sources),
                "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Baseline:
    """The accepted findings, and the file they were read from."""

    entries: tuple[BaselineEntry, ...]
    path: str | None = None
    tool_version: str = __version__


def finding_key(finding: Finding) -> Key:
    """What a baseline matches on: the kind and the sorted normalised words of the evidence (as ``finding_id``)."""
    return (finding.kind.value, tuple(sorted(normalise_words(e.text) for e in finding.evidence)))


def entry_of(finding: Finding) -> BaselineEntry:
    kind, evidence = finding_key(finding)
    return BaselineEntry(kind, finding.id, evidence, finding.message, finding.sources)


def create_baseline(report: Report, path: str | None = None) -> Baseline:
    """A baseline that accepts every finding of ``report``."""
    entries = sorted((entry_of(f) for f in report.findings), key=lambda e: (e.kind, e.id, e.evidence))
    return Baseline(tuple(entries), path)


def dumps(baseline: Baseline) -> str:
    """The baseline file: deterministic JSON, one entry per accepted finding."""
    data = {
        "schema": SCHEMA,
        "tool": {"name": "factcheck", "version": baseline.tool_version},
        "findings": [e.as_record() for e in baseline.entries],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _bad(where: str, why: str) -> BaselineError:
    return BaselineError(f"{where}: not a valid factcheck baseline ({why}); "
                         "make one with `factcheck baseline create PATH... -o FILE`")


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _entry(record: Any, i: int, where: str, from_report: bool) -> BaselineEntry:
    kinds = {k.value for k in FindingKind}
    if not isinstance(record, dict):
        raise _bad(where, f"findings[{i}] is not an object")
    kind = record.get("kind")
    if kind not in kinds:
        raise _bad(where, f"findings[{i}] has kind {kind!r}, not one of {', '.join(sorted(kinds))}")
    evidence = record.get("evidence")
    words: list[str]
    if from_report:
        # A JSON report's findings carry evidence objects; a baseline's carry the normalised words.
        if not isinstance(evidence, list) or not all(isinstance(e, dict) and isinstance(e.get("text"), str)
                                                     for e in evidence):
            raise _bad(where, f"findings[{i}] has no evidence texts")
        words = [e["text"] for e in evidence]
    else:
        if not _strings(evidence):
            raise _bad(where, f"findings[{i}].evidence is not a list of strings")
        words = list(evidence or [])
    sources = record.get("sources", [])
    if not _strings(sources):
        raise _bad(where, f"findings[{i}].sources is not a list of strings")
    for name in ("id", "message"):
        if not isinstance(record.get(name, ""), str):
            raise _bad(where, f"findings[{i}].{name} is not a string")
    return BaselineEntry(kind, record.get("id", ""), tuple(sorted(normalise_words(w) for w in words)),
                         record.get("message", ""), tuple(sources))


def loads(text: str, path: str | None = None) -> Baseline:
    """Parse a baseline file. A JSON report (``--format json``) is accepted too: its findings become the entries.

    Raises:
        BaselineError: the text is not JSON, or not a baseline's shape; the message names the file and the problem.
    """
    where = path or "baseline"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(where, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise _bad(where, f"expected a JSON object, got {type(data).__name__}")
    schema = data.get("schema")
    if schema not in (SCHEMA, REPORT_SCHEMA):
        raise _bad(where, f"schema is {schema!r}, expected {SCHEMA!r}")
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise _bad(where, "'findings' is missing or not a list")
    entries = tuple(_entry(r, i, where, schema == REPORT_SCHEMA) for i, r in enumerate(findings))
    tool = data.get("tool")
    return Baseline(entries, path, str(tool.get("version", "")) if isinstance(tool, dict) else "")


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file.

    Raises:
        BaselineError: the file is missing, unreadable or malformed.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise BaselineError(f"{path}: baseline file not found (make one with `factcheck baseline create`)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({getattr(exc, 'strerror', None) or exc})") from exc
    return loads(text, str(path))


def match(findings: Iterable[Finding], baseline: Baseline) -> tuple[list[Finding], list[Finding],
                                                                         list[BaselineEntry]]:
    """Split findings into (new, suppressed) and list the baseline entries no finding matched (stale).

    An entry accepts one finding with the same key; two identical findings need two entries.
    """
    available = Counter(e.key for e in baseline.entries)
    new: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        key = finding_key(finding)
        if available[key] > 0:
            available[key] -= 1
            suppressed.append(finding)
        else:
            new.append(finding)
    used = Counter(finding_key(f) for f in suppressed)
    stale: list[BaselineEntry] = []
    for entry in baseline.entries:
        if used[entry.key] > 0:
            used[entry.key] -= 1
        else:
            stale.append(entry)
    return new, suppressed, stale


def describe(baseline: Baseline, suppressed: int, stale: int) -> str:
    """The one line the Rich and Markdown reports show about the baseline."""
    where = f" ({baseline.path})" if baseline.path else ""
    line = f"baseline{where}: {suppressed} known finding{'s' if suppressed != 1 else ''} not shown"
    if stale:
        line += (f"; {stale} baseline entr{'ies' if stale != 1 else 'y'} no longer match any finding (stale: "
                 "the findings are gone, so the entries can be removed by recreating the baseline)")
    return line


def apply_baseline(report: Report, baseline: Baseline) -> tuple[Report, list[BaselineEntry]]:
    """The report without the findings the baseline accepts, with a note saying how many were left out, and the
    baseline entries that matched nothing (stale).

    The summary counts and any exit code computed from the returned report concern only the new findings.
    """
    new, suppressed, stale = match(report.findings, baseline)
    note = describe(baseline, len(suppressed), len(stale))
    return replace(report, findings=tuple(new), notes=(*report.notes, note)), stale


def summary_record(baseline: Baseline, original: Report, filtered: Report,
                   stale: Iterable[BaselineEntry]) -> dict[str, Any]:
    """The ``baseline`` object of the JSON report: the file, how many findings it suppressed, the stale entries."""
    return {"file": baseline.path, "suppressed": len(original.findings) - len(filtered.findings),
            "stale": [e.as_record() for e in stale]}
