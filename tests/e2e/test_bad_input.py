"""Bad input through the real command: every case gets its exit code, the words its message must contain, and
never a traceback.

The cases run the command in process (``tests.clirun``; one case also in a real process) with
``FACTCHECK_EMBEDDER=hashing`` (the deterministic stand-in embedder) so that the suite does not
load the real model once per case; what is checked here is reading, refusing and reporting, not alignment quality.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.clirun import run_cli

STORM = "Storm Hits Coast Town\nThe storm hit the town on Monday, officials said. About 200 homes lost power.\n"
STORM_B = ("Storm Strikes Coastal Town\nThe storm struck the town on Monday, the mayor said. Schools will stay closed "
           "until Friday.\n")


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``factcheck audit ARGS`` in process (:mod:`tests.clirun`); ``tests/test_cli.py`` runs bad input in a real
    process too."""
    return run_cli(["audit", *args], cwd, env={"FACTCHECK_EMBEDDER": "hashing", "FACTCHECK_DEBUG": None})


@dataclass
class Case:
    """One bad input: ``setup`` writes files under the test folder and returns the audit arguments."""

    id: str
    setup: Callable[[Path], list[str]]
    code: int
    words: tuple[str, ...] = ()  # expected in stderr (case-insensitive) when the run fails, else in the JSON notes
    check: Callable[[Path, subprocess.CompletedProcess[str]], None] | None = None
    markdown: bool = False  # let the run write its Markdown report (otherwise --no-markdown)
    json: bool = True  # --format json on stdout
    marks: tuple[Any, ...] = field(default_factory=tuple)


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def files(**contents: str | bytes) -> Callable[[Path], list[str]]:
    """A setup writing ``name=content`` files (``__`` in a name stands for ``.``) and auditing the articles."""

    def setup(d: Path) -> list[str]:
        names = []
        for name, data in contents.items():
            fname = name.replace("__", ".")
            write(d / fname, data)
            if Path(fname).suffix in (".txt", ".md", ".html", ".jsonl"):
                names.append(fname)
        return names

    return setup


def report(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """The JSON report; a batch of several stories is flattened into one (sources, claims, findings, notes)."""
    data = json.loads(result.stdout)
    if data.get("schema") != "factcheck.batch/1":
        return data
    flat: dict[str, Any] = {"sources": [], "claims": [], "groups": [], "findings": [], "notes": list(data["notes"])}
    for story in data["stories"]:
        for key in ("sources", "claims", "groups", "findings", "notes"):
            flat[key].extend(story["report"][key])
    return flat


def claim_texts(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [c["text"] for c in report(result)["claims"]]


def notes(result: subprocess.CompletedProcess[str]) -> str:
    return "\n".join(report(result)["notes"])


# --------------------------------------------------------------------------------------------------------------
# checks


def check_cp1252(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    text = " ".join(claim_texts(r))
    assert "The café owner said the naïve plan “would fail” by Friday." in text
    assert "read as cp1252" in notes(r)


def check_latin1(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    text = " ".join(claim_texts(r))
    assert "Jürgen Müller" in text and "Zürich" in text and "señor" in text
    assert "not UTF-8" in notes(r)


def check_utf16(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    text = " ".join(claim_texts(r))
    assert "The café owner said the plan would fail." in text
    assert "\x00" not in text and "\ufeff" not in text


def check_utf8_bom(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    data = report(r)
    assert data["sources"][0]["title"] == "Storm Hits Coast Town"
    assert "\ufeff" not in json.dumps(data["claims"], ensure_ascii=False)


def check_long_line(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    data = report(r)
    assert data["summary"]["sources"] == 1 and data["summary"]["claims"] >= 1


def check_duplicates(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    data = report(r)
    assert any("identical" in n and "copy" in n and "original" in n for n in data["notes"]), data["notes"]
    # A copy is not a second source: no group is corroborated by it.
    assert data["summary"]["sources"] == 1 and data["summary"]["corroborated_groups"] == 0
    assert all(g["status"] != "agreement" for g in data["groups"])


def check_one_sentence_changed(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    data = report(r)
    assert data["summary"]["sources"] == 2 and not any("identical" in n for n in data["notes"])
    conflicts = [f for f in data["findings"] if f["kind"] == "number_conflict"]
    assert len(conflicts) == 1 and "200" in conflicts[0]["message"] and "900" in conflicts[0]["message"]


def check_html(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    data = report(r)
    assert "SECRET" not in json.dumps(data["claims"]) and "color:" not in json.dumps(data["claims"])
    assert "About 200 homes lost power, the mayor said." in claim_texts(r)


def check_no_speaker(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    quotes = [c for c in report(r)["claims"] if c["type"] == "quote"]
    assert quotes and all(c["speaker"] is None for c in quotes)
    assert quotes[0]["quote"] == "Nobody expected the water to rise this fast."


def check_quotes_survive(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    data = report(r)
    raw = (d / "q.txt").read_text(encoding="utf-8")
    assert data["claims"]
    for claim in data["claims"]:
        assert raw[claim["start"]:claim["end"]] == claim["text"]


def check_collision(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    data = report(r)
    ids = [s["id"] for s in data["sources"]]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert sorted(s["path"] for s in data["sources"]) == ["a.md", "a.txt"]


def check_old_report_kept(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    assert (d / "reports" / "s.md").read_text(encoding="utf-8") == "OLD REPORT\n"
    assert sorted(p.name for p in (d / "reports").iterdir()) == ["s.md"]  # no temporary file left behind


def check_old_output_kept(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    assert (d / "out.json").read_text(encoding="utf-8") == "OLD OUTPUT\n"
    assert r.stdout == ""


def check_nothing_written(d: Path, r: subprocess.CompletedProcess[str]) -> None:
    assert not (d / "reports").exists()


# --------------------------------------------------------------------------------------------------------------
# setups


def folder(d: Path, name: str) -> str:
    (d / name).mkdir()
    return name


def old_report_then_pdf(d: Path) -> list[str]:
    """An earlier run's report in place, then an input that cannot be read."""
    write(d / "reports" / "s.md", "OLD REPORT\n")
    write(d / "s.txt", b"%PDF-1.4\n")
    return ["s.txt"]


def old_output_then_empty(d: Path) -> list[str]:
    write(d / "out.json", "OLD OUTPUT\n")
    write(d / "s.txt", "")
    return ["s.txt", "-o", "out.json"]


def cp1252_article(d: Path) -> list[str]:
    write(d / "cp.txt", "Café Owner Speaks Out\nThe café owner said the naïve plan “would fail” by Friday. Prices "
                        "rose 5%.\n".encode("cp1252"))
    return ["cp.txt"]


def latin1_article(d: Path) -> list[str]:
    write(d / "l1.txt", "Zürich Bank Chief Quits\nJürgen Müller left the Zürich bank on Monday, a señor at the bank "
                        "said. Shares fell 3%.\n".encode("latin-1"))
    return ["l1.txt"]


def utf16_article(d: Path) -> list[str]:
    write(d / "u16.txt", "Café Owner Speaks Out\r\nThe café owner said the plan would fail. Prices rose 5%.\r\n"
          .encode("utf-16"))
    return ["u16.txt"]


def utf16be_article(d: Path) -> list[str]:
    write(d / "u16be.txt", b"\xfe\xff" + "Café Owner Speaks Out\nThe café owner said the plan would fail.\n"
          .encode("utf-16-be"))
    return ["u16be.txt"]


def long_line(d: Path) -> list[str]:
    words = "the storm hit the town and the mayor said that homes lost power on monday".split()
    text = (" ".join(words) + " ") * (200_000 // (len(" ".join(words)) + 1) + 1)
    text = text[:199_998].rstrip() + "." * (199_999 - len(text[:199_998].rstrip())) + "\n"
    assert len(text) == 200_000 and text.count("\n") == 1
    write(d / "long.txt", text)
    return ["long.txt"]


def duplicates(d: Path) -> list[str]:
    write(d / "original.txt", STORM)
    write(d / "copy.txt", STORM.encode("utf-8"))
    return ["original.txt", "copy.txt"]


def one_sentence_changed(d: Path) -> list[str]:
    write(d / "a.txt", STORM + "Schools will stay closed until Friday.\n")
    write(d / "b.txt", (STORM + "Schools will stay closed until Friday.\n").replace("About 200", "About 900"))
    return ["a.txt", "b.txt"]


def non_english(d: Path) -> list[str]:
    write(d / "es.txt", "Tormenta Golpea La Costa\nLa tormenta golpeó el pueblo el lunes, dijeron las autoridades "
                        "locales. Unas doscientas casas se quedaron sin electricidad durante toda la noche. Las "
                        "escuelas permanecerán cerradas hasta el viernes según el alcalde del municipio costero.\n")
    return ["es.txt"]


HTML = """<!doctype html><html><head><title>Storm hits town</title>
<style>.x { color: red } body { font-family: SECRETSTYLE }</style>
<script>var SECRETSCRIPT = "The mayor said nothing at all.";</script>
<script type="application/ld+json">{"headline": "SECRETJSON the mayor said", "datePublished": "2024-05-06"}</script>
</head><body><article><h1>Storm hits coast town</h1>
<p>The storm hit the town on Monday, officials said.</p>
<script>document.write("SECRETINLINE the mayor said");</script>
<p>About 200 homes lost power, the mayor said.</p>
<noscript>SECRETNOSCRIPT please enable JavaScript to read this.</noscript>
<template><p>SECRETTEMPLATE the mayor said.</p></template>
</article></body></html>
"""

QUOTES = ("Mayor Speaks After Storm\n"
          "Mayor Jane Ortiz said \"the town will rebuild, and \"we will not wait for help. Power returned on Tuesday.\n"
          "Officials said “the bridge is closed. Police said ” nothing ” else.\n")
NESTED = ("Mayor Speaks After Storm\n"
          "Mayor Jane Ortiz said: “we are ‘proud of the “crews” who worked’ all night,” before leaving on Monday.\n"
          "She added “one ‘two “three ‘four’ three” two’ one” and left.\n")


CASES: list[Case] = [
    # paths
    Case("empty-folder", lambda d: [folder(d, "empty")], 2, ("empty", "no article files")),
    Case("missing-path", lambda d: ["missing.txt"], 2, ("missing.txt", "no such file")),
    Case("no-such-folder", lambda d: ["nowhere/"], 2, ("nowhere", "no such file or folder")),
    # empty and binary files
    Case("empty-file", files(e__txt=""), 2, ("e.txt", "empty")),
    Case("whitespace-only", files(w__txt="  \n\t\n \r\n   "), 2, ("w.txt", "empty")),
    Case("pdf", files(scan__txt=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), 2, ("scan.txt", "PDF", "not an article")),
    Case("png", files(photo__md=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 2, ("photo.md", "PNG image")),
    Case("zip", files(doc__html=b"PK\x03\x04\x14\x00\x06\x00word/document.xml"), 2, ("doc.html", "zip archive")),
    Case("nul-bytes", files(bin__txt=b"abc\x00\x01\x02def" * 20), 2, ("bin.txt", "binary")),
    Case("only-chrome-html", files(nav__html="<html><body><nav><p>Home News Sport</p></nav></body></html>"), 2,
         ("nav.html", "no article text")),
    # encodings
    Case("windows-1252", cp1252_article, 0, check=check_cp1252),
    Case("latin-1", latin1_article, 0, check=check_latin1),
    Case("utf-16-le-bom", utf16_article, 0, check=check_utf16),
    Case("utf-16-be-bom", utf16be_article, 0, check=check_utf16),
    Case("utf-8-bom", files(bom__txt="\ufeff" + STORM), 0, check=check_utf8_bom),
    # size
    Case("oversize", lambda d: [*files(big__txt=STORM)(d), "--max-article-bytes", "20"], 2,
         ("big.txt", "larger than the limit of 20 bytes", "max-article-bytes")),
    Case("oversize-jsonl-record",
         lambda d: [*files(batch__jsonl=json.dumps({"id": "a", "text": STORM}) + "\n")(d), "--max-article-bytes",
                    "60"],
         2, ("batch.jsonl", "limit of 60 bytes")),
    Case("zero-byte-limit", lambda d: [*files(s__txt=STORM)(d), "--max-article-bytes", "0"], 2, ("must be positive",)),
    Case("long-line-200k", long_line, 0, check=check_long_line),
    # duplicates, near-duplicates, one article
    Case("byte-identical", duplicates, 0, ("is identical to", "left out of the comparison", "nothing to compare"),
         check=check_duplicates),
    Case("one-sentence-changed", one_sentence_changed, 1, check=check_one_sentence_changed),
    Case("single-article", files(s__txt=STORM), 0, ("only one article", "nothing to compare")),
    Case("non-english", non_english, 2, ("no article in English", "Spanish")),
    # HTML and JSONL
    Case("html-script-style-json", files(page__html=HTML), 0, check=check_html),
    Case("jsonl-malformed-line",
         files(bad__jsonl=json.dumps({"id": "a", "text": STORM}) + '\n{"id": "b", "text": "The storm hit\n'), 2,
         ("bad.jsonl:2", "malformed JSON")),
    Case("jsonl-missing-text",
         files(miss__jsonl=json.dumps({"id": "a", "text": STORM}) + "\n" + json.dumps({"id": "b", "title": "T"})),
         2, ("miss.jsonl:2", "'text' field")),
    Case("jsonl-text-not-string", files(num__jsonl=json.dumps({"id": "a", "text": 5}) + "\n"), 2,
         ("num.jsonl:1", "'text' field", "not a string")),
    Case("jsonl-not-object", files(arr__jsonl="[1, 2]\n"), 2, ("arr.jsonl:1", "JSON object")),
    Case("jsonl-far-future-date",
         files(far__jsonl=json.dumps({"id": "a", "published": "9999-12-31",
                                      "text": "The storm hit on Monday. It returns tomorrow and next month."}) + "\n"),
         0),
    # quotation marks
    Case("unbalanced-quotes", files(q__txt=QUOTES), 0, check=check_quotes_survive),
    Case("nested-quotes-3-deep", files(q__txt=NESTED), 0, check=check_quotes_survive),
    Case("quote-without-speaker",
         files(ns__txt="Town Cleans Up\n“Nobody expected the water to rise this fast.” The river crested overnight.\n"),
         0, check=check_no_speaker),
    # names
    Case("colliding-names", files(a__txt=STORM, a__md="# " + STORM_B), 0, ("renamed",), check=check_collision),
    # where the output goes
    Case("reports-dir-under-a-file", lambda d: [*files(s__txt=STORM, afile="x")(d), "--reports-dir", "afile/sub"], 2,
         ("afile/sub", "cannot write", "afile is a file"), markdown=True),
    Case("reports-dir-read-only",
         lambda d: [*files(s__txt=STORM)(d), "--reports-dir", str(_read_only(d / "ro"))], 2,
         ("ro", "cannot write", "permission denied"), markdown=True,
         marks=(pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                                   reason="root writes into read-only folders; covered by reports-dir-under-a-file"),)),
    Case("output-under-a-file", lambda d: [*files(s__txt=STORM, afile="x")(d), "-o", "afile/out.json"], 2,
         ("afile/out.json", "cannot write", "afile is a file")),
    Case("output-is-a-folder", lambda d: [*files(s__txt=STORM)(d), "-o", folder(d, "odir")], 2,
         ("odir", "is a directory")),
    Case("unknown-format", lambda d: [*files(s__txt=STORM)(d), "--format", "yaml"], 2,
         ("--format", "yaml", "rich", "json"), json=False),
    # configuration
    Case("invalid-toml", lambda d: [*files(s__txt=STORM, bad__toml="group_threshold = [0.5\n")(d), "--config",
                                    "bad.toml"], 2, ("bad.toml", "invalid TOML")),
    Case("unknown-config-option", lambda d: [*files(s__txt=STORM, unk__toml="bogus_option = 3\n")(d), "--config",
                                             "unk.toml"], 2, ("unknown config option", "bogus_option")),
    Case("config-wrong-type", lambda d: [*files(s__txt=STORM, typ__toml='group_threshold = "high"\n')(d),
                                         "--config", "typ.toml"], 2, ("group_threshold", "not a valid float")),
    Case("config-missing", lambda d: [*files(s__txt=STORM)(d), "--config", "nope.toml"], 2,
         ("nope.toml", "not found")),
    Case("pyproject-unknown-option", files(s__txt=STORM, pyproject__toml="[tool.factcheck]\nbogus = 1\n"), 2,
         ("unknown config option", "bogus")),
    # a failed run loses nothing already written
    Case("bad-input-keeps-old-report", old_report_then_pdf, 2, ("PDF",), check=check_old_report_kept, markdown=True),
    Case("bad-input-keeps-old-output", old_output_then_empty, 2, ("empty",), check=check_old_output_kept),
    Case("bad-input-writes-no-report", files(s__txt=b"\x89PNG\r\n"), 2, ("PNG",), check=check_nothing_written,
         markdown=True),
]


def _read_only(folder: Path) -> Path:
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in CASES])
def test_bad_input(tmp_path: Path, case: Case) -> None:
    args = case.setup(tmp_path)
    if not case.markdown:
        args.append("--no-markdown")
    if case.json:
        args += ["--format", "json"]
    result = run(args, cwd=tmp_path)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.returncode == case.code, result.stderr
    if case.code == 2:
        message = result.stderr.strip()
        assert len(message.splitlines()) == 1 and message.startswith("factcheck: error:"), message
        assert "unexpected" not in message, message
        for word in case.words:
            assert word.lower() in message.lower(), (word, message)
    else:
        assert result.stderr.strip() == "", result.stderr
        for word in case.words:
            assert word.lower() in notes(result).lower(), (word, notes(result))
    if case.check is not None:
        case.check(tmp_path, result)
