"""Batches: a mixed JSONL of unrelated stories is split into the right stories and each is audited alone."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.api import audit_batch_loaded
from factcheck.config import Config
from factcheck.load import load
from tests.clirun import run_cli
from tests.conftest import ROOT

BATCH = Path(__file__).resolve().parents[1] / "data" / "mixed_batch.jsonl"


def test_mixed_jsonl_splits_into_stories(real_embedder) -> None:
    items = load([BATCH])
    batch = audit_batch_loaded(items, Config(use_cache=False), real_embedder)
    groups = sorted(sorted(s.id for s in story.report.sources) for story in batch.stories)
    assert groups == [["bank-a", "bank-b"], ["fire-a", "fire-b", "fire-c"], ["museum-a"], ["run-a", "run-b"]]
    museum = next(s for s in batch.stories if len(s.report.sources) == 1)
    assert any("nothing to compare" in n for n in museum.report.notes)


def test_story_order_does_not_matter(real_embedder) -> None:
    items = load([BATCH])
    forward = audit_batch_loaded(items, Config(use_cache=False), real_embedder)
    backward = audit_batch_loaded(list(reversed(items)), Config(use_cache=False), real_embedder)
    assert [s.id for s in forward.stories] == [s.id for s in backward.stories]
    assert [{f.id for f in s.report.findings} for s in forward.stories] == \
        [{f.id for f in s.report.findings} for s in backward.stories]


def test_cli_batch_reports(tmp_path: Path) -> None:
    out = tmp_path / "batch.json"
    result = run_cli(["audit", str(BATCH), "--format", "json", "-o", str(out), "--exit-zero", "--no-cache",
                      "--reports-dir", str(tmp_path / "reports")], ROOT, env={"FACTCHECK_EMBEDDER": None})
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["schema"] == "factcheck.batch/1" and len(data["stories"]) == 4
    for story in data["stories"]:
        assert story["report"]["schema"] == "factcheck.report/1"
    index = (tmp_path / "reports" / "mixed_batch.md").read_text()
    assert "4 stories" in index
    per_story = sorted(p.name for p in (tmp_path / "reports" / "mixed_batch").glob("*.md"))
    assert len(per_story) == 4


def test_a_grown_batch_extracts_only_its_new_articles_and_reports_as_a_cold_run(tmp_path: Path, real_embedder,
                                                                               monkeypatch) -> None:
    """The claims cache is per article and the report cache per story: adding two articles to a batch runs spaCy
    on those two only, re-audits only the stories they join, and gives the report a cold run on the whole batch
    gives."""
    import factcheck.pipeline as pipeline
    from factcheck.render.json import render_json

    items = load([BATCH])
    later = {"fire-c", "bank-b"}
    extracted: list[str] = []
    real = pipeline.extract_each

    def counting(todo, tagger=None):  # type: ignore[no-untyped-def]
        extracted.extend(it.article.id for it in todo)
        return real(todo, tagger)

    monkeypatch.setattr(pipeline, "extract_each", counting)
    audited: list[list[str]] = []
    fresh_report = pipeline._fresh_report

    def auditing(items, *args):  # type: ignore[no-untyped-def]
        audited.append(sorted(it.article.id for it in items))
        return fresh_report(items, *args)

    monkeypatch.setattr(pipeline, "_fresh_report", auditing)
    config = Config(cache_dir=str(tmp_path / "claims"))
    audit_batch_loaded([it for it in items if it.article.id not in later], config, real_embedder)
    assert sorted(extracted) == sorted(it.article.id for it in items if it.article.id not in later)
    extracted.clear()
    audited.clear()
    grown = audit_batch_loaded(items, config, real_embedder)
    assert sorted(extracted) == sorted(later)
    # Only the stories the new articles joined are audited again; the others reuse their reports.
    assert sorted(audited) == [["bank-a", "bank-b"], ["fire-a", "fire-b", "fire-c"]]
    extracted.clear()
    cold = audit_batch_loaded(items, Config(use_cache=False), real_embedder)
    assert [s.id for s in grown.stories] == [s.id for s in cold.stories]
    assert [render_json(s.report) for s in grown.stories] == [render_json(s.report) for s in cold.stories]
    extracted.clear()
    # A story whose claims were all cached reads them back unchanged.
    audited.clear()
    again = audit_batch_loaded(items, config, real_embedder)
    assert extracted == [] and audited == []
    assert [render_json(s.report) for s in again.stories] == [render_json(s.report) for s in cold.stories]


def test_torn_or_stale_cache_files_are_misses_never_wrong_reports(tmp_path: Path, real_embedder) -> None:
    """A claims or report file cut short (a run killed mid-write by something other than our atomic rename, a
    disk filled up) or from another format is read as absent: the audit redoes that work and reports as cold."""
    from factcheck.render.json import render_json

    items = [it for it in load([BATCH]) if it.article.id.startswith("fire")]
    config = Config(cache_dir=str(tmp_path / "claims"))
    cold = render_json(audit_batch_loaded(items, Config(use_cache=False), real_embedder).stories[0].report)
    audit_batch_loaded(items, config, real_embedder)
    claims = sorted((tmp_path / "claims" / "claims").glob("*.json"))
    stored = sorted((tmp_path / "claims" / "reports").glob("*.pickle"))
    assert len(claims) == len(items) and len(stored) == 2  # the story's report and the batch's split into stories
    claims[0].write_text(claims[0].read_text(encoding="utf-8")[:100], encoding="utf-8")
    claims[1].write_text('{"format": 0, "claims": []}', encoding="utf-8")
    stored[0].write_bytes(stored[0].read_bytes()[:50])
    stored[1].write_bytes(b"not a pickle")
    again = audit_batch_loaded(items, config, real_embedder)
    assert render_json(again.stories[0].report) == cold
