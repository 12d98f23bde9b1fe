"""SARIF 2.1.0 renderer, for GitHub code scanning and other SARIF viewers.

One rule per finding kind (``id`` is the kind, ``properties.code`` the check's stable code), one result per finding.
A result's ``locations`` hold the first piece of evidence of each source it cites, ``relatedLocations`` every piece
of evidence; ``partialFingerprints`` carry the finding id, which depends only on the kind and the evidence words, so
a finding keeps its identity across runs while the text around it moves.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from factcheck.config import DEFAULT_SEVERITIES
from factcheck.models import FindingKind, Report
from factcheck.render.locate import Locator, Position, uri
from factcheck.render.records import as_records
from factcheck.rules import RULES

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}



def _region(pos: Position, text: str) -> dict[str, Any]:
    region: dict[str, Any] = {}
    if pos.line is not None:
        region["startLine"] = pos.line
    if pos.column is not None:
        region["startColumn"] = pos.column
    if pos.end_line is not None:
        region["endLine"] = pos.end_line
    if pos.end_column is not None:
        region["endColumn"] = pos.end_column
    if pos.offset is not None:
        region["charOffset"] = pos.offset
        region["charLength"] = pos.length
    region["snippet"] = {"text": text}
    return region


def _location(pos: Position, text: str, **extra: Any) -> dict[str, Any]:
    return {**extra, "physicalLocation": {"artifactLocation": {"uri": uri(pos.file)}, "region": _region(pos, text)}}


def sarif_log(report: Report, root: Path | None = None, severities: Mapping[str, str] | None = None,
              baseline: dict[str, Any] | None = None) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict. ``severities`` gives each rule's default level (the configured
    severities); ``baseline`` (the JSON report's ``baseline`` object) marks results as new and is kept in the run's
    properties."""
    records = as_records(report)
    severities = {**DEFAULT_SEVERITIES, **(severities or {})}
    locator = Locator({a.id: a for a in report.articles}, {s["id"]: s["path"] for s in records["sources"]}, root)
    kinds = list(FindingKind)
    rules = []
    for kind in kinds:
        code, name, description = RULES[kind].code, RULES[kind].name, RULES[kind].description
        rules.append({
            "id": kind.value, "name": name,
            "shortDescription": {"text": description.split(":")[0].rstrip(".") + "."},
            "fullDescription": {"text": description},
            "defaultConfiguration": {"level": LEVELS[severities[kind.value]]},
            "properties": {"code": code, "tags": ["fact-consistency"]},
        })
    index = {k.value: i for i, k in enumerate(kinds)}
    results = []
    for f in records["findings"]:
        locations, related, done = [], [], set()
        for n, e in enumerate(f["evidence"]):
            pos = locator.position(e["source"], e["start"], e["end"])
            message = {"text": f"{e['source']}{' (' + e['role'] + ')' if e['role'] else ''}: {e['text']}"}
            related.append(_location(pos, e["text"], id=n, message=message))
            if e["source"] not in done:
                done.add(e["source"])
                locations.append(_location(pos, e["text"]))
        result: dict[str, Any] = {
            "ruleId": f["kind"], "ruleIndex": index[f["kind"]], "level": LEVELS[f["severity"]],
            "message": {"text": f["message"]},
            "locations": locations, "relatedLocations": related,
            "partialFingerprints": {"factcheckFindingId/v1": f["id"]},
            "properties": {"id": f["id"], "rank": f["rank"], "nature": f["nature"], "severity": f["severity"],
                           "group": f["group"], "sources": f["sources"],
                           "score": f["score"], "details": f["details"]},
        }
        if baseline is not None:
            result["baselineState"] = "new"
        results.append(result)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "factcheck", "version": report.tool_version, "semanticVersion":
                            report.tool_version, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"model": report.model, "summary": records["summary"], "notes": records["notes"]},
    }
    if baseline is not None:
        run["properties"]["baseline"] = baseline
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(report: Report, root: Path | None = None, severities: Mapping[str, str] | None = None,
                 baseline: dict[str, Any] | None = None) -> str:
    return json.dumps(sarif_log(report, root, severities, baseline), ensure_ascii=False, indent=2) + "\n"
