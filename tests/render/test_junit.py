"""JUnit XML (factcheck/render/junit.py): one failing test case per finding at its place, the checks not run
skipped, text made safe for XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from factcheck.render.junit import render_junit, xml_text
from tests.render.report import small_report


@pytest.mark.parametrize("text, expected", [
    ("bell\x07", "bell\\x07"),
    ("\ud800x", "\ufffdx"),
    ("plain “text”", "plain “text”"),  # negative
])
def test_xml_text(text: str, expected: str) -> None:
    assert xml_text(text) == expected


def test_one_case_per_kind_failing_with_its_findings_and_unchecked_kinds_skipped() -> None:
    report = small_report()
    root = ET.fromstring(render_junit(report, checks=["number_conflict"]))
    cases = {c.get("name"): c for c in root.iter("testcase")}
    failure = cases["number_conflict"].find("failure")
    ids = [f.id for f in report.findings if f.kind.value == "number_conflict"]
    assert ids and failure is not None and all(i in (failure.text or "") for i in ids)
    assert "a.txt:3:17" in (failure.text or "")  # file:line:column of the evidence
    others = [c for name, c in cases.items() if name != "number_conflict"]
    assert others and all(c.find("skipped") is not None and c.find("failure") is None for c in others)
