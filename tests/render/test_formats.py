"""Output formats and exit codes, through the real command: JSON (the contract), GitHub workflow commands, JUnit
XML, SARIF 2.1.0, Markdown and Rich; and the renderers' escaping and line/column arithmetic in process."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sarif_pydantic import Sarif

from factcheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from factcheck.models import FindingKind, OutputFormat
from factcheck.render import render
from factcheck.render.github import command, escape_data, escape_property
from factcheck.render.locate import LineIndex, Locator, display_path
from factcheck.rules import RULES
from tests.clirun import run_cli
from tests.conftest import ROOT, SEEDS

KINDS = [k.value for k in FindingKind]

WIRE = """Talks in Geneva end without a deal

Officials from both countries met in Geneva on Monday, December 1, 2025, for six hours of talks.

"We made real progress on the prisoner exchange, but the ceasefire remains out of reach," said Foreign Minister \
Anna Berg.

Turnout in the referendum was 40% according to the election commission.

The delegations agreed to meet again next month.
"""
# The second source differs in two numbers and one quoted word; its name needs escaping in GitHub properties, and
# its lines end in CRLF so line and column arithmetic is tested on both conventions.
DAILY_NAME = "daily,news:web.txt"
DAILY = (WIRE.replace("Talks in Geneva end without a deal", "Geneva talks fail to produce agreement")
         .replace("six hours", "nine hours").replace("real progress", "some progress").replace("40%", "45%")
         .replace("\n", "\r\n"))


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(args, cwd, env={"FACTCHECK_EMBEDDER": "hashing"})


def raw_text(path: Path) -> str:
    """The article text as the loader decodes it (offsets point into this; line ends are normalised to ``\n``)."""
    from factcheck.load import decode

    return decode(path.read_bytes(), str(path))[0]


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("formats")
    (folder / "news").mkdir()
    (folder / "news" / "wire.txt").write_bytes(WIRE.encode())
    (folder / "news" / DAILY_NAME).write_bytes(DAILY.encode())
    (folder / "pyproject.toml").write_text("[project]\nname = 'newsroom'\n")
    return folder


@pytest.fixture(scope="module")
def audited(articles: Path) -> dict:
    """One audit of the two articles: GitHub commands on stdout, every other format written by --report."""
    out = articles / "out"
    result = run("audit", "news", "--format", "github", "--no-cache", "--severity", "unique_claim=warning",
                 *[f"--report={fmt}={out / ('report.' + fmt)}"
                   for fmt in ("json", "junit", "sarif", "markdown", "rich")],
                 cwd=articles)
    assert result.returncode == EXIT_FINDINGS, result.stderr
    return {"result": result, "out": out, "json": json.loads((out / "report.json").read_text())}


# --------------------------------------------------------------------------------------------------------------
# JSON: the contract


def check_contract(data: dict, texts: dict[str, str]) -> None:
    """Keys of docs/report-contract.md present, and every span's text equal to the source text at its offsets."""
    assert data["schema"] == "factcheck.report/1"
    assert {"name", "version", "model"} <= data["tool"].keys() and data["tool"]["name"] == "factcheck"
    for key in ("sources", "claims", "groups", "findings", "summary"):
        assert key in data
    assert {s["id"] for s in data["sources"]} == set(texts)
    for s in data["sources"]:
        assert {"id", "path", "title", "published", "sentences", "claims"} <= s.keys()
    for c in data["claims"]:
        assert {"id", "source", "text", "start", "end", "type", "quote", "speaker"} <= c.keys()
        assert c["type"] in ("statement", "quote", "caption")
        assert texts[c["source"]][c["start"]:c["end"]] == c["text"]
    claim_ids = {c["id"] for c in data["claims"]}
    for g in data["groups"]:
        assert {"id", "claims", "sources", "status"} <= g.keys() and set(g["claims"]) <= claim_ids
        assert g["status"] in ("agreement", "divergent", "partial", "unique")
    for f in data["findings"]:
        assert {"id", "kind", "severity", "group", "sources", "message", "evidence"} <= f.keys()
        assert f["kind"] in KINDS and f["severity"] in ("error", "warning", "info") and f["message"]
        assert f["evidence"], "a finding without evidence is a bug"
        assert set(f["sources"]) <= {e["source"] for e in f["evidence"]}
        for e in f["evidence"]:
            assert {"source", "claim", "text", "start", "end"} <= e.keys()
            assert texts[e["source"]][e["start"]:e["end"]] == e["text"]
    # Findings in rank order (a baseline may leave gaps); the lineage names every source and follows only sources
    # of the report.
    ranks = [f["rank"] for f in data["findings"]]
    assert all(r >= 1 for r in ranks) and ranks == sorted(set(ranks))
    lineage = data["lineage"]
    assert {"fullest", "families", "sources"} <= lineage.keys() and set(lineage["sources"]) == set(texts)
    finding_ids = {f["id"] for f in data["findings"]}
    for entry in lineage["sources"].values():
        assert {"follows", "shared_readings", "carried_share", "changes"} <= entry.keys()
        assert entry["follows"] is None or entry["follows"] in texts
        assert set(entry["changes"]) <= finding_ids
    assert all(set(fam) <= set(texts) for fam in lineage["families"])
    assert all(s["name"] for s in data["sources"])
    summary = data["summary"]
    assert summary["sources"] == len(data["sources"]) and summary["claims"] == len(data["claims"])
    assert summary["findings"] == {k: sum(1 for f in data["findings"] if f["kind"] == k) for k in KINDS}


def test_json_follows_the_contract(articles: Path, audited: dict) -> None:
    data = audited["json"]
    check_contract(data, {"wire": raw_text(articles / "news" / "wire.txt"),
                          "daily,news:web": raw_text(articles / "news" / DAILY_NAME)})
    kinds = {f["kind"] for f in data["findings"]}
    assert {"number_conflict", "quote_divergence"} <= kinds
    assert "baseline" not in data


# --------------------------------------------------------------------------------------------------------------
# GitHub workflow commands

_PROP_VALUE = r"(?:[^,:%\r\n]|%25|%0D|%0A|%3A|%2C)*"
_PROPS = rf"(?:file|line|endLine|col|endColumn|title)={_PROP_VALUE}"
COMMAND = re.compile(rf"^::(?P<level>error|warning|notice)(?: (?P<props>{_PROPS}(?:,{_PROPS})*))?"
                     r"::(?P<message>(?:[^%\r\n]|%25|%0D|%0A)*)$")


def unescape(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def parse_command(line: str) -> dict[str, str]:
    m = COMMAND.match(line)
    assert m, f"not a workflow command: {line!r}"
    props = dict(p.split("=", 1) for p in m.group("props").split(",")) if m.group("props") else {}
    return {"level": m.group("level"), "message": unescape(m.group("message")),
            **{k: unescape(v) for k, v in props.items()}}


def test_github_annotations(articles: Path, audited: dict) -> None:
    lines = audited["result"].stdout.splitlines()
    commands = [parse_command(line) for line in lines]
    data = audited["json"]
    texts = {"wire.txt": raw_text(articles / "news" / "wire.txt"), DAILY_NAME: raw_text(articles / "news" / DAILY_NAME)}
    level = {"error": "error", "warning": "warning", "info": "notice"}
    expected = 0
    for f in data["findings"]:
        sources = list(dict.fromkeys(e["source"] for e in f["evidence"]))
        expected += len(sources)
        for source in sources:
            e = next(e for e in f["evidence"] if e["source"] == source)
            file = "news/wire.txt" if source == "wire" else f"news/{DAILY_NAME}"
            match = [c for c in commands if c["file"] == file and c["message"].endswith(f"[{f['id']}]")]
            assert len(match) == 1, (f["id"], source)
            c = match[0]
            assert c["level"] == level[f["severity"]] and c["title"] == f["kind"]
            assert c["message"] == f"#{f['rank']} {f['message']} [{f['id']}]"
            # line and col point at the evidence: the text of that line from that column starts with it
            text_lines = texts[file.split("/")[1]].splitlines()
            line, col = int(c["line"]), int(c["col"])
            assert text_lines[line - 1][col - 1:].startswith(e["text"].splitlines()[0])
            assert int(c["endLine"]) == line + e["text"].count("\n")
            if "\n" not in e["text"]:
                assert int(c["endColumn"]) == col + len(e["text"])
    assert len(commands) == expected
    assert {c["level"] for c in commands} == {"error", "warning"}  # unique_claim was made a warning
    assert any("%25" in line for line in lines), "the percent sign of “40%” is escaped"
    assert any("file=news/daily%2Cnews%3Aweb.txt" in line for line in lines)


@pytest.mark.parametrize("text, data, prop", [
    ("plain", "plain", "plain"),
    ("50% off", "50%25 off", "50%25 off"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("x: y, z", "x: y, z", "x%3A y%2C z"),
    ("%0A", "%250A", "%250A"),
    ("bell\x07", "bell\\x07", "bell\\x07"),
])
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_github_command_round_trips() -> None:
    line = command("warning", "two\nlines, 100%: yes", file="a,b:c.txt", line=3, col=None, title="kind::x")
    assert "\n" not in line and "col=" not in line
    parsed = parse_command(line)
    assert parsed == {"level": "warning", "message": "two\nlines, 100%: yes", "file": "a,b:c.txt", "line": "3",
                      "title": "kind::x"}


# --------------------------------------------------------------------------------------------------------------
# JUnit


def test_junit_parses_with_one_case_per_kind(audited: dict) -> None:
    tree = ET.parse(audited["out"] / "report.junit")
    suites = tree.getroot().findall("testsuite")
    assert tree.getroot().tag == "testsuites" and len(suites) == 1
    cases = {c.get("name"): c for c in suites[0].findall("testcase")}
    # Kinds in the order of their first finding's rank, then the kinds with none.
    found = list(dict.fromkeys(f["kind"] for f in sorted(audited["json"]["findings"], key=lambda f: f["rank"])))
    assert list(cases) == found + [k for k in KINDS if k not in found]
    findings = audited["json"]["findings"]
    for kind, case in cases.items():
        of_kind = [f for f in findings if f["kind"] == kind]
        failure = case.find("failure")
        if of_kind:
            assert failure is not None and failure.get("type") == kind
            assert all(f["id"] in failure.text for f in of_kind)
        else:
            assert failure is None and case.find("skipped") is None
    assert suites[0].get("failures") == str(len({f["kind"] for f in findings}))
    assert suites[0].get("tests") == str(len(KINDS))


def test_junit_reports_disabled_checks_as_skipped(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.xml"
    result = run("audit", "news", "--format", "junit", "-o", str(out), "--no-cache", "--no-markdown",
                 "--checks", "number_conflict", cwd=articles)
    assert result.returncode == EXIT_FINDINGS and result.stdout == ""
    suite = ET.parse(out).getroot().find("testsuite")
    skipped = {c.get("name") for c in suite.findall("testcase") if c.find("skipped") is not None}
    failed = {c.get("name") for c in suite.findall("testcase") if c.find("failure") is not None}
    assert failed == {"number_conflict"} and skipped == set(KINDS) - {"number_conflict"}


# --------------------------------------------------------------------------------------------------------------
# SARIF


def check_sarif(text: str, data: dict, texts: dict[str, str]) -> Sarif:
    log = Sarif.model_validate_json(text)
    assert log.version == "2.1.0" and len(log.runs) == 1
    run_ = log.runs[0]
    assert run_.tool.driver.name == "factcheck"
    rules = run_.tool.driver.rules
    assert [r.id for r in rules] == KINDS
    assert [r.properties["code"] for r in rules] == [RULES[k].code for k in FindingKind]
    by_id = {f["id"]: f for f in data["findings"]}
    assert len(run_.results) == len(data["findings"])
    level = {"error": "error", "warning": "warning", "info": "note"}
    for result in run_.results:
        f = by_id[result.partial_fingerprints["factcheckFindingId/v1"]]
        assert result.rule_id == f["kind"] and rules[result.rule_index].id == f["kind"]
        assert result.level.value == level[f["severity"]] and result.message.text == f["message"]
        assert len(result.locations) == len(set(e["source"] for e in f["evidence"]))
        assert len(result.related_locations) == len(f["evidence"])
        for loc, e in zip(result.related_locations, f["evidence"], strict=True):
            region = loc.physical_location.region
            raw = texts[e["source"]]
            assert (region.char_offset, region.char_length) == (e["start"], e["end"] - e["start"])
            assert raw[region.char_offset:region.char_offset + region.char_length] == e["text"]
            lines = raw.splitlines(keepends=True)
            offset = sum(len(line) for line in lines[:region.start_line - 1]) + region.start_column - 1
            assert offset == e["start"]
            assert region.end_line >= region.start_line
            assert loc.physical_location.artifact_location.uri
    return log


def test_sarif_parses_into_the_object_model(articles: Path, audited: dict) -> None:
    texts = {"wire": raw_text(articles / "news" / "wire.txt"),
             "daily,news:web": raw_text(articles / "news" / DAILY_NAME)}
    log = check_sarif((audited["out"] / "report.sarif").read_text(), audited["json"], texts)
    uris = {loc.physical_location.artifact_location.uri for r in log.runs[0].results for loc in r.locations}
    assert uris == {"news/wire.txt", "news/daily%2Cnews%3Aweb.txt"}


def test_rule_codes_match_the_registry() -> None:
    from factcheck.checks import REGISTRY

    assert {kind.value: rule.code for kind, rule in RULES.items()} == {k: c.code for k, c in REGISTRY.items()}
    assert {kind.value: rule.description for kind, rule in RULES.items()} == {
        k: c.description for k, c in REGISTRY.items()}


# --------------------------------------------------------------------------------------------------------------
# Markdown and Rich files


def test_markdown_and_rich_written(audited: dict, articles: Path) -> None:
    md = (audited["out"] / "report.markdown").read_text()
    assert md.startswith("# factcheck audit: news") and "number_conflict" in md.replace("\\_", "_")
    rich = (audited["out"] / "report.rich").read_text()
    assert "2 sources" in rich and "\x1b" not in rich
    assert (articles / "reports" / "news.md").is_file(), "the Markdown report is still written by default"


# --------------------------------------------------------------------------------------------------------------
# every format on the seed articles


def test_every_format_on_the_seeds(tmp_path: Path) -> None:
    out = tmp_path
    # cwd is the repository so paths stay relative; --no-cache and --no-markdown keep it unchanged.
    result = run("audit", "seeds", "--format", "sarif", "-o", str(out / "seeds.sarif"), "--no-cache",
                 "--no-markdown", "--report", f"json={out / 'seeds.json'}", "--report", f"github={out / 'seeds.gh'}",
                 "--report", f"junit={out / 'seeds.xml'}", cwd=ROOT)
    assert result.returncode == EXIT_FINDINGS, result.stderr
    assert result.stdout == ""
    data = json.loads((out / "seeds.json").read_text())
    texts = {p.stem: raw_text(p) for p in SEEDS.glob("*.txt")}
    check_contract(data, texts)
    assert data["summary"]["sources"] == 5 and data["findings"]
    check_sarif((out / "seeds.sarif").read_text(), data, texts)
    commands = [parse_command(line) for line in (out / "seeds.gh").read_text().splitlines()]
    assert {c["file"] for c in commands} <= {f"seeds/{p.name}" for p in SEEDS.glob("*.txt")}
    assert len(commands) == sum(len({e["source"] for e in f["evidence"]}) for f in data["findings"])
    suite = ET.parse(out / "seeds.xml").getroot().find("testsuite")
    assert len(suite.findall("testcase")) == len(KINDS)


# --------------------------------------------------------------------------------------------------------------
# exit codes


@pytest.mark.parametrize("args, code", [
    (("--fail-on", "error"), EXIT_FINDINGS),  # number and quote conflicts are errors
    (("--fail-on", "never"), EXIT_OK),
    (("--exit-zero",), EXIT_OK),
    (("--fail-on", "date_conflict,contradiction"), EXIT_OK),
    (("--fail-on", "contradiction,number_conflict"), EXIT_FINDINGS),
    (("--checks", "unique_claim"), EXIT_OK),  # info only: below the default threshold
    (("--checks", "unique_claim", "--fail-on", "info"), EXIT_FINDINGS),
    (("--severity", "number_conflict=info", "--severity", "quote_divergence=warning"), EXIT_OK),
    (("--severity", "number_conflict=info", "--severity", "quote_divergence=warning", "--fail-on", "warning"),
     EXIT_FINDINGS),
    (("--disable", "number_conflict,quote_divergence"), EXIT_OK),
])
def test_exit_codes(articles: Path, args: tuple[str, ...], code: int) -> None:
    result = run("audit", "news", "--format", "json", "--no-cache", "--no-markdown", *args, cwd=articles)
    assert result.returncode == code, result.stderr
    json.loads(result.stdout)


@pytest.mark.parametrize("args, words", [
    (("missing",), "no such file"),
    (("news", "--format", "pdf"), "'pdf' is not one of"),
    (("news", "--fail-on", "sometimes"), "fail_on"),
    (("news", "--baseline", "missing.json"), "baseline file not found"),
    ((), "name at least one article"),
])
def test_usage_errors_exit_2(articles: Path, args: tuple[str, ...], words: str) -> None:
    result = run("audit", *args, "--no-cache", "--no-markdown", cwd=articles)
    assert result.returncode == EXIT_USAGE
    assert words in result.stderr and "Traceback" not in result.stderr


def test_unwritable_output_exit_2(articles: Path) -> None:
    result = run("audit", "news", "--format", "sarif", "-o", "news/wire.txt/x.sarif", "--no-cache", "--no-markdown",
                 cwd=articles)
    assert result.returncode == EXIT_USAGE and "is a file, not a folder" in result.stderr


# --------------------------------------------------------------------------------------------------------------
# renderers in process


@pytest.mark.parametrize("text", ["one\ntwo\nthree", "one\r\ntwo\r\nthree", "one\rtwo\rthree", "\n\nx", "x"])
def test_line_index(text: str) -> None:
    index = LineIndex(text)
    lines = text.splitlines(keepends=True)
    for offset in range(len(text)):
        line, col = index.line_col(offset)
        assert sum(len(x) for x in lines[:line - 1]) + col - 1 == offset


def test_paths_for_ci(tmp_path: Path) -> None:
    assert display_path(str(tmp_path / "a" / "b.txt"), tmp_path) == "a/b.txt"
    assert display_path("./a/b.txt") == "a/b.txt"
    assert display_path("/elsewhere/b.txt", tmp_path) == "/elsewhere/b.txt"
    jsonl = Locator({}, {"x": "batch.jsonl:7"}).position("x", 10, 20)
    assert (jsonl.file, jsonl.line, jsonl.column, jsonl.offset) == ("batch.jsonl", 7, None, None)


def _hand_made_report(tmp_path: Path):
    """A report built by hand, so the hostile text is certainly in the findings whatever the pipeline extracts."""
    from factcheck.models import Article, Evidence, Finding, Report, Severity, SourceSummary

    raw_a = ("Talks end\n\nThe minister said “we will\x07 never\x1b[31m <b>sign</b> ]]> %0A ::error:: 100%,\n"
             "not now, not ever” to reporters.\n")
    raw_b = "Talks over\n\nThe minister said “we will always sign” to reporters.\n"
    qa, qb = raw_a.index("we will"), raw_b.index("we will")
    ea, eb = raw_a.index("” to"), raw_b.index("” to")
    articles = (Article("a,b:c", str(tmp_path / "a,b:c.txt"), raw_a, "Talks end", None, ()),
                Article("b", str(tmp_path / "b.txt"), raw_b, "Talks over", None, ()))
    evidence = (Evidence("a,b:c", None, raw_a[qa:ea], qa, ea, "quote"), Evidence("b", None, raw_b[qb:eb], qb, eb))
    findings = tuple(
        Finding(f"{kind.value[:2]}-0123456789ab", kind, severity, "g1", ("a,b:c", "b"),
                "Quotation worded differently:\n“never\x1b[31m <b>sign</b> 100%, :: x” vs “always sign”", evidence)
        for kind, severity in ((FindingKind.QUOTE_DIVERGENCE, Severity.ERROR), (FindingKind.OMISSION, Severity.INFO)))
    sources = tuple(SourceSummary(a.id, a.path, a.title, None, 2, 1) for a in articles)
    return Report("0.1.0", "hand", sources, (), (), findings, ("a note\x1b[2J",), articles)


def test_hostile_text_stays_data(tmp_path: Path) -> None:
    """Control characters, markup, percent codes and line breaks in article text cannot break any format."""
    report = _hand_made_report(tmp_path)
    for fmt in OutputFormat:
        text = render(report, fmt, root=tmp_path)
        assert "\x1b" not in text and "\x07" not in text, fmt
    github = render(report, OutputFormat.GITHUB, root=tmp_path).splitlines()
    assert len(github) == 5  # two findings, two sources each, and the report's note
    commands = [parse_command(line) for line in github]
    first = commands[0]
    assert first["file"] == "a,b:c.txt" and first["title"] == "quote_divergence" and first["level"] == "error"
    assert (first["line"], first["col"], first["endLine"]) == ("3", "20", "4")
    assert first["message"].startswith("Quotation worded differently:\n“never\\x1b[31m <b>sign</b> 100%, :: x”")
    assert commands[2]["level"] == "notice"
    suite = ET.fromstring(render(report, OutputFormat.JUNIT, root=tmp_path).split("\n", 1)[1]).find("testsuite")
    failure = suite.find("testcase[@name='quote_divergence']/failure")
    assert "<b>sign</b>" in failure.text and "a,b:c.txt:3:20" in failure.text
    log = Sarif.model_validate_json(render(report, OutputFormat.SARIF, root=tmp_path))
    region = log.runs[0].results[0].locations[0].physical_location.region
    assert (region.start_line, region.start_column, region.end_line) == (3, 20, 4)
    assert region.end_column == len("not now, not ever") + 1
    assert log.runs[0].results[0].locations[0].physical_location.artifact_location.uri == "a%2Cb%3Ac.txt"
