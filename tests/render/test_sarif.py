"""SARIF 2.1.0 (factcheck/render/sarif.py): one rule per finding kind from the rules table, one result per
finding with its locations, the configured severities as the rules' levels."""

from __future__ import annotations

import json

from sarif_pydantic import Sarif

from factcheck.models import FindingKind
from factcheck.render.sarif import render_sarif, sarif_log
from factcheck.rules import RULES
from tests.render.report import small_report


def test_rules_come_from_the_rules_table() -> None:
    run = sarif_log(small_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [k.value for k in FindingKind]
    for rule in rules:
        entry = RULES[FindingKind(rule["id"])]
        assert rule["name"] == entry.name and rule["properties"]["code"] == entry.code


def test_one_result_per_finding_with_its_evidence() -> None:
    report = small_report()
    run = sarif_log(report)["runs"][0]
    assert len(run["results"]) == len(report.findings)
    for result, f in zip(run["results"], report.findings):
        assert result["ruleId"] == f.kind.value and result["partialFingerprints"]["factcheckFindingId/v1"] == f.id
        assert len(result["relatedLocations"]) == len(f.evidence)
        assert "baselineState" not in result


def test_severities_set_levels_and_a_baseline_marks_results_new() -> None:
    log = sarif_log(small_report(), severities={"number_conflict": "info"}, baseline={"path": "b.json"})
    run = log["runs"][0]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "number_conflict")
    assert rule["defaultConfiguration"]["level"] == "note"
    assert all(r["baselineState"] == "new" for r in run["results"])
    Sarif.model_validate(json.loads(render_sarif(small_report())))
