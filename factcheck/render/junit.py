"""JUnit XML renderer, for CI systems that show test results (GitLab, Jenkins, Azure, test-report actions).

One test suite; one test case per finding kind. A kind with findings fails, its ``<failure>`` listing each finding
with where its evidence stands; a kind that was not checked is skipped; any other kind passes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factcheck.models import FindingKind, Report
from factcheck.render.locate import Locator
from factcheck.render.records import as_records
from factcheck.render.safe import printable

# Characters XML 1.0 cannot hold at all (after ``printable`` has made the C0/C1 controls visible).
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Article text made safe for XML: control characters shown as ``\\xNN``, unencodable ones replaced."""
    return _NOT_XML.sub("\ufffd", printable(text))


def _where(locator: Locator, e: dict[str, Any]) -> str:
    pos = locator.position(e["source"], e["start"], e["end"])
    if pos.line is None:
        return pos.file
    if pos.column is None:
        return f"{pos.file}:{pos.line}"
    return f"{pos.file}:{pos.line}:{pos.column}"


def render_junit(report: Report, root: Path | None = None, checks: Sequence[str] | None = None,
                 baseline: dict[str, Any] | None = None) -> str:
    """The JUnit XML document. ``checks`` are the kinds that were checked (the others are reported as skipped);
    ``baseline`` (the JSON report's ``baseline`` object) is recorded as suite properties."""
    records = as_records(report)
    locator = Locator({a.id: a for a in report.articles}, {s["id"]: s["path"] for s in records["sources"]}, root)
    checked = set(checks) if checks is not None else {k.value for k in FindingKind}
    # Kinds in the order of their first finding's rank (the findings come in rank order), then the kinds not found.
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for f in sorted(records["findings"], key=lambda f: f["rank"] or 10**9):
        by_kind.setdefault(f["kind"], []).append(f)
    for k in FindingKind:
        by_kind.setdefault(k.value, [])
    failures = sum(1 for kind, found in by_kind.items() if found)
    skipped = sum(1 for kind, found in by_kind.items() if not found and kind not in checked)
    counts = {"tests": str(len(by_kind)), "failures": str(failures), "errors": "0", "skipped": str(skipped),
              "time": "0"}
    root_el = ET.Element("testsuites", {"name": "factcheck", **counts})
    suite = ET.SubElement(root_el, "testsuite", {"name": "factcheck", **counts})
    props = ET.SubElement(suite, "properties")
    summary = records["summary"]
    values = {"tool.version": report.tool_version, "model": report.model, "sources": summary["sources"],
              "claims": summary["claims"], "groups": summary["groups"]}
    if baseline is not None:
        values.update({"baseline.file": baseline.get("file") or "", "baseline.suppressed": baseline["suppressed"],
                       "baseline.stale": len(baseline["stale"])})
    for name, value in values.items():
        ET.SubElement(props, "property", {"name": name, "value": xml_text(str(value))})
    if records["notes"]:
        # Notes about the run itself (an article left out, say) are for the reader of the CI log.
        ET.SubElement(suite, "system-out").text = xml_text("\n".join(records["notes"]))
    for kind, found in by_kind.items():
        case = ET.SubElement(suite, "testcase", {"classname": "factcheck", "name": kind, "time": "0"})
        if found:
            levels = {s: sum(1 for f in found if f["severity"] == s) for s in ("error", "warning", "info")}
            level_text = ", ".join(f"{n} {s}" for s, n in levels.items() if n)
            failure = ET.SubElement(case, "failure", {
                "type": kind, "message": f"{len(found)} {kind} finding{'s' if len(found) != 1 else ''} ({level_text})"})
            lines = []
            for f in found:
                lines.append(f"[{f['severity']}] {f['id']}: {xml_text(f['message'])}")
                for e in f["evidence"]:
                    lines.append(f"    {xml_text(_where(locator, e))} [{e['start']}:{e['end']}] "
                                 f"\u201c{xml_text(' '.join(e['text'].split()))}\u201d")
            failure.text = "\n".join(lines) + "\n"
        elif kind not in checked:
            ET.SubElement(case, "skipped", {"message": f"{kind} was not checked (disabled in the configuration)"})
    ET.indent(root_el)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root_el, encoding="unicode") + "\n"
