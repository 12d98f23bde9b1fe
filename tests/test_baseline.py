"""Baselines: accepted findings are matched by kind and evidence words (never offsets), new ones reported, stale
entries listed; a malformed baseline is a usage error."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.baseline import (
    Baseline,
    BaselineEntry,
    BaselineError,
    apply_baseline,
    create_baseline,
    dumps,
    load_baseline,
    loads,
    match,
)
from factcheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from factcheck.models import Evidence, Finding, FindingKind, Report, Severity
from tests.clirun import run_cli
from tests.conftest import SEEDS


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(args, cwd, env={"FACTCHECK_EMBEDDER": "hashing"})


def finding(kind: FindingKind, *texts: str, start: int = 0, fid: str = "") -> Finding:
    evidence = tuple(Evidence(f"s{i}", None, t, start + i, start + i + len(t)) for i, t in enumerate(texts))
    return Finding(fid or f"{kind.value[:2]}-{abs(hash(texts)) % 10**12:012d}", kind, Severity.ERROR, None,
                   tuple(e.source for e in evidence), f"{kind.value}: {' / '.join(texts)}", evidence)


def report_of(*findings: Finding) -> Report:
    return Report("0.1.0", "test", (), (), (), tuple(findings))


# --------------------------------------------------------------------------------------------------------------
# matching, in process


def test_whitespace_case_punctuation_and_offsets_do_not_matter() -> None:
    old = finding(FindingKind.QUOTE_DIVERGENCE, "We made real progress,", "We made some progress.")
    moved = finding(FindingKind.QUOTE_DIVERGENCE, "We  made\nsome   progress", "we made REAL progress…", start=500)
    new, suppressed, stale = match([moved], create_baseline(report_of(old)))
    assert (new, suppressed, stale) == ([], [moved], [])


@pytest.mark.parametrize("changed", [
    finding(FindingKind.QUOTE_DIVERGENCE, "We made real progress", "We made much progress"),  # a word
    finding(FindingKind.NUMBER_CONFLICT, "We made real progress", "We made some progress"),  # the kind
    finding(FindingKind.QUOTE_DIVERGENCE, "We made real progress"),  # a source less
])
def test_a_changed_finding_is_new_and_its_entry_stale(changed: Finding) -> None:
    old = finding(FindingKind.QUOTE_DIVERGENCE, "We made real progress", "We made some progress")
    new, suppressed, stale = match([changed], create_baseline(report_of(old)))
    assert new == [changed] and suppressed == [] and [e.id for e in stale] == [old.id]


def test_each_entry_accepts_one_finding() -> None:
    a = finding(FindingKind.UNIQUE_CLAIM, "Only here", fid="un-1")
    b = replace(a, id="un-2")
    baseline = create_baseline(report_of(a))
    new, suppressed, stale = match([a, b], baseline)
    assert suppressed == [a] and new == [b] and stale == []
    new, suppressed, stale = match([], create_baseline(report_of(a, b)))
    assert new == [] and len(stale) == 2


def test_apply_baseline_keeps_new_findings_and_adds_a_note() -> None:
    keep = finding(FindingKind.NUMBER_CONFLICT, "six hours", "nine hours")
    known = finding(FindingKind.UNIQUE_CLAIM, "Only here")
    gone = finding(FindingKind.OMISSION, "Not any more")
    report = report_of(keep, known)
    filtered, stale = apply_baseline(report, Baseline(create_baseline(report_of(known, gone)).entries, "bl.json"))
    assert filtered.findings == (keep,) and [e.kind for e in stale] == ["omission"]
    assert filtered.notes[-1].startswith("baseline (bl.json): 1 known finding not shown; 1 baseline entry no longer")
    assert filtered.findings_by_kind()["unique_claim"] == 0


def test_file_round_trip_is_deterministic(tmp_path: Path) -> None:
    report = report_of(finding(FindingKind.NUMBER_CONFLICT, "six hours", "nine hours"),
                       finding(FindingKind.UNIQUE_CLAIM, "Only “here”, 100%"))
    text = dumps(create_baseline(report))
    assert text == dumps(create_baseline(report_of(*reversed(report.findings))))
    (tmp_path / "b.json").write_text(text)
    loaded = load_baseline(tmp_path / "b.json")
    assert loaded.entries == create_baseline(report).entries and loaded.path == str(tmp_path / "b.json")
    data = json.loads(text)
    assert data["schema"] == "factcheck.baseline/1"
    assert data["findings"][1]["evidence"] == ["only here 100%"]


def test_a_json_report_works_as_a_baseline() -> None:
    f = finding(FindingKind.NUMBER_CONFLICT, "six hours", "nine hours")
    from factcheck.render import render_json

    baseline = loads(render_json(report_of(f)), "report.json")
    assert [e.key for e in baseline.entries] == [("number_conflict", ("nine hours", "six hours"))]
    assert match([f], baseline)[0] == []


@pytest.mark.parametrize("text, words", [
    ("", "invalid JSON"),
    ("{not json", "invalid JSON at line 1"),
    ("[]", "expected a JSON object"),
    ('{"findings": []}', "schema is None"),
    ('{"schema": "factcheck.baseline/9", "findings": []}', "schema is 'factcheck.baseline/9'"),
    ('{"schema": "factcheck.baseline/1"}', "'findings' is missing"),
    ('{"schema": "factcheck.baseline/1", "findings": [3]}', "findings[0] is not an object"),
    ('{"schema": "factcheck.baseline/1", "findings": [{"kind": "rumour", "evidence": []}]}', "kind 'rumour'"),
    ('{"schema": "factcheck.baseline/1", "findings": [{"kind": "omission", "evidence": "x"}]}',
     "findings[0].evidence is not a list of strings"),
    ('{"schema": "factcheck.baseline/1", "findings": [{"kind": "omission", "evidence": [], "id": 5}]}',
     "findings[0].id is not a string"),
])
def test_malformed_baselines_are_refused(text: str, words: str) -> None:
    with pytest.raises(BaselineError) as info:
        loads(text, "bl.json")
    assert str(info.value).startswith("bl.json: not a valid factcheck baseline") and words in str(info.value)


def test_entry_records_are_readable() -> None:
    entry = BaselineEntry("omission", "om-1", ("a b",), "m", ("s",))
    assert entry.as_record() == {"kind": "omission", "id": "om-1", "message": "m", "sources": ["s"],
                                 "evidence": ["a b"]}


# --------------------------------------------------------------------------------------------------------------
# the command line, on a copy of the seed articles

EDITED = "000_3a9e80a2e789515b.txt"
BEFORE = "they had a reasonably good meeting with President Putin"
AFTER = "they had a very good meeting with President Putin"


def audit_json(folder: Path, *args: str) -> tuple[int, dict]:
    result = run("audit", "seeds", "--format", "json", "--no-markdown", "--no-cache", *args, cwd=folder)
    assert result.returncode in (EXIT_OK, EXIT_FINDINGS), result.stderr
    return result.returncode, json.loads(result.stdout)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> Path:
    """A copy of seeds/ with a baseline of every finding."""
    folder = tmp_path_factory.mktemp("newsroom")
    shutil.copytree(SEEDS, folder / "seeds")
    (folder / "pyproject.toml").write_text("[project]\nname = 'newsroom'\n")
    result = run("baseline", "create", "seeds", "-o", "factcheck-baseline.json", "--no-cache", cwd=folder)
    assert result.returncode == EXIT_OK, result.stderr
    assert re.search(r"wrote \d+ accepted findings to factcheck-baseline.json", result.stderr)
    return folder


@pytest.fixture()
def articles(newsroom: Path, tmp_path: Path) -> Path:
    """A fresh copy of the newsroom for a test that edits articles."""
    shutil.copytree(newsroom, tmp_path / "newsroom")
    return tmp_path / "newsroom"


def test_unchanged_articles_have_nothing_new(newsroom: Path) -> None:
    entries = json.loads((newsroom / "factcheck-baseline.json").read_text())["findings"]
    code, without = audit_json(newsroom, "--fail-on", "info")
    assert code == EXIT_FINDINGS and len(without["findings"]) == len(entries) > 0
    code, data = audit_json(newsroom, "--baseline", "factcheck-baseline.json", "--fail-on", "info")
    assert code == EXIT_OK
    assert data["findings"] == [] and sum(data["summary"]["findings"].values()) == 0
    assert data["baseline"] == {"file": "factcheck-baseline.json", "suppressed": len(entries), "stale": []}
    assert any(n.startswith("baseline (factcheck-baseline.json)") for n in data["notes"])


def test_an_edit_inside_a_quotation_is_reported_alone(articles: Path) -> None:
    path = articles / "seeds" / EDITED
    text = path.read_text(encoding="utf-8")
    assert text.count(BEFORE) == 1
    path.write_text(text.replace(BEFORE, AFTER), encoding="utf-8")
    edit_start = text.index(BEFORE) + len("they had a ")
    edit_end = edit_start + len("very")
    code, data = audit_json(articles, "--baseline", "factcheck-baseline.json", "--fail-on", "info")
    assert code == EXIT_FINDINGS
    assert data["findings"], "the edit causes a finding"
    source = Path(EDITED).stem
    for f in data["findings"]:
        # Every new finding concerns the edited article ...
        assert source in f["sources"] or source in f["message"], f["message"]
    # ... and at least one cites the edited words themselves.
    assert any(e["source"] == source and e["start"] <= edit_start and edit_end <= e["end"] and "very good" in e["text"]
               for f in data["findings"] for e in f["evidence"])
    # The finding the old wording gave is gone, so its entry is stale; everything else still matches.
    assert data["baseline"]["stale"] and all(source in e["sources"] or source in e["message"]
                                             for e in data["baseline"]["stale"])
    baseline_size = len(json.loads((articles / "factcheck-baseline.json").read_text())["findings"])
    assert data["baseline"]["suppressed"] == baseline_size - len(data["baseline"]["stale"])

    # The Markdown report and the GitHub annotations say the same.
    result = run("audit", "seeds", "--format", "github", "--baseline", "factcheck-baseline.json", "--fail-on", "info",
                 "--no-cache", cwd=articles)
    assert result.returncode == EXIT_FINDINGS
    annotated = {line.rsplit("[", 1)[1].rstrip("]") for line in result.stdout.splitlines()
                 if "title=factcheck" not in line}
    assert annotated == {f["id"] for f in data["findings"]}
    assert "baseline entries in factcheck-baseline.json no longer match" in result.stdout
    md = (articles / "reports" / "seeds.md").read_text()
    assert "baseline (factcheck-baseline.json)" in md and "no longer match" in md


def test_reflowed_whitespace_changes_nothing(articles: Path) -> None:
    """Blank lines dropped, two spaces after sentences, trailing spaces, CRLF line ends: the same findings."""
    path = articles / "seeds" / EDITED
    text = path.read_text(encoding="utf-8")
    reflowed = re.sub(r"\n\s*\n", "\n", text)  # join: no blank lines between paragraphs
    reflowed = re.sub(r"(?<=[.!?”]) (?=[A-Z“])", "  ", reflowed)  # double spaces between sentences
    reflowed = reflowed.replace("\n", "  \r\n")  # trailing spaces, CRLF
    assert reflowed != text and reflowed.split() == text.split()
    path.write_bytes(reflowed.encode("utf-8"))
    code, data = audit_json(articles, "--baseline", "factcheck-baseline.json", "--fail-on", "info")
    assert code == EXIT_OK, [f["message"] for f in data["findings"]]
    assert data["findings"] == [] and data["baseline"]["stale"] == []


@pytest.mark.parametrize("content, words", [
    ("{oops", "not a valid factcheck baseline (invalid JSON at line 1"),
    ('{"schema": "factcheck.baseline/1", "findings": [{"kind": "rumour"}]}', "kind 'rumour'"),
    (None, "baseline file not found"),
])
def test_a_bad_baseline_is_a_usage_error(newsroom: Path, tmp_path: Path, content: str | None, words: str) -> None:
    baseline = tmp_path / "bl.json"
    if content is not None:
        baseline.write_text(content)
    result = run("audit", "seeds", "--baseline", str(baseline), "--no-cache", "--no-markdown", cwd=newsroom)
    assert result.returncode == EXIT_USAGE
    assert words in result.stderr and str(baseline) in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_baseline_from_pyproject(articles: Path) -> None:
    (articles / "pyproject.toml").write_text("[tool.factcheck]\nbaseline = 'factcheck-baseline.json'\n"
                                             "fail_on = 'info'\nmarkdown = false\n")
    code, data = audit_json(articles)
    assert code == EXIT_OK and data["baseline"]["file"] == "factcheck-baseline.json"
    assert not (articles / "reports").exists()


def test_double_spaces_inside_sentences_change_nothing(articles: Path) -> None:
    """Reflow that widens the gaps between words: the named-entity and parse stages read folded white space."""
    path = articles / "seeds" / EDITED
    text = path.read_text(encoding="utf-8")
    widened = re.sub(r"(?<=\w) (?=\w)", "  ", text)
    assert widened.split() == text.split() and widened != text
    path.write_text(widened, encoding="utf-8")
    code, data = audit_json(articles, "--baseline", "factcheck-baseline.json", "--fail-on", "info")
    assert code == EXIT_OK, [f["message"] for f in data["findings"]]
    assert data["findings"] == [] and data["baseline"]["stale"] == []
