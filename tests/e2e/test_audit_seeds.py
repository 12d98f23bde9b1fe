"""End to end on seeds/ with the real packaged model."""

from __future__ import annotations

import json

from factcheck.models import FindingKind
from factcheck.render import render_json


def test_quote_divergences(seed_report) -> None:
    qd = [f for f in seed_report.findings if f.kind == FindingKind.QUOTE_DIVERGENCE]
    assert len(qd) >= 10
    ushakov = [f for f in qd if any("caused criticism" in e.text for e in f.evidence)
               and any("drew criticism" in e.text for e in f.evidence)]
    assert ushakov, "the caused/drew criticism change must be reported"
    assert {"000_3a9e80a2e789515b", "004_e1192160ed273444"} <= set(ushakov[0].sources)
    for f in qd:
        assert len({e.source for e in f.evidence}) >= 2
        # never a divergence between identical wordings
        assert len({" ".join(e.text.lower().split()) for e in f.evidence}) >= 2


def test_28_point_plan_is_unique(seed_report) -> None:
    unique = [f for f in seed_report.findings if f.kind == FindingKind.UNIQUE_CLAIM]
    assert any("28-point" in e.text for f in unique for e in f.evidence)
    assert all(f.sources == ("004_e1192160ed273444",) for f in unique if any("28-point" in e.text for e in f.evidence))


def test_no_boilerplate_in_claims(seed_report) -> None:
    assert not any("Copyright" in c.text or "Shutterstock" in c.text for c in seed_report.claims)


def test_every_span_points_at_its_words(seed_report) -> None:
    data = json.loads(render_json(seed_report))
    raws = {a.id: a.raw for a in seed_report.articles}
    assert data["schema"] == "factcheck.report/1"
    for c in data["claims"]:
        assert raws[c["source"]][c["start"]:c["end"]] == c["text"]
    for f in data["findings"]:
        assert f["evidence"], f
        assert set(f["sources"]) == {e["source"] for e in f["evidence"]}
        for e in f["evidence"]:
            assert raws[e["source"]][e["start"]:e["end"]] == e["text"]


def test_report_is_deterministic(seed_report, real_embedder) -> None:
    import factcheck
    from factcheck.config import Config
    from tests.conftest import SEEDS

    again = factcheck.audit([SEEDS], Config(use_cache=False), embedder=real_embedder)
    assert render_json(again) == render_json(seed_report)
