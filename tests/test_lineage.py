"""Lineage: who follows whom, families, and omissions and unique claims relative to the version followed."""

from __future__ import annotations

from pathlib import Path

import factcheck
from factcheck.models import FindingKind, Lineage, SourceLineage

PARAS = [
    "Mayor Ana Ruiz of Porto Alegre said on Monday that the city would spend $4 million on new flood barriers.",
    "“We cannot wait for the next storm to decide for us,” Ruiz told reporters at City Hall.",
    "The council approved the plan by 7 votes to 2 after a debate that lasted three hours.",
    "Engineer Paulo Lima, who led the study, said the barriers would protect 12,000 homes along the river.",
    "“The water rose faster than any model we had predicted,” Lima said.",
    "Work on the first section is due to begin on March 3, according to the city's public works office.",
    "Opposition councillor Marta Sousa said the money should have gone to drainage in the northern districts.",
]
COLOUR = ["The stakes could hardly be higher for the city.", "Observers will be watching closely."]


def _write(folder: Path, versions: dict[str, list[str]]) -> list[Path]:
    paths = []
    for name, paras in versions.items():
        p = folder / f"{name}.txt"
        p.write_text("Porto Alegre approves flood barriers\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
        paths.append(p)
    return paths


def _versions() -> dict[str, list[str]]:
    r = list(PARAS)
    a = [p for i, p in enumerate(r) if i != 5] + [COLOUR[0]]  # drops a paragraph, adds colour
    b = [p.replace("any model", "every model") for i, p in enumerate(a) if i != 2]  # changes a quoted word, drops
    c = [p for i, p in enumerate(r) if i != 6] + [COLOUR[1]]  # a sibling of A
    return {"r_original": r, "a_rewrite": a, "b_rewrite": b, "c_sibling": c}


def _audit(tmp_path: Path, names: list[str], fake_embedder, config) -> factcheck.Report:
    versions = _versions()
    return factcheck.audit(_write(tmp_path, {n: versions[n] for n in names}), config, embedder=fake_embedder)


def test_chain_and_sibling_with_the_original(tmp_path: Path, fake_embedder, config) -> None:
    report = _audit(tmp_path, ["r_original", "a_rewrite", "b_rewrite", "c_sibling"], fake_embedder, config)
    lineage = report.lineage
    assert lineage is not None
    assert lineage.fullest == "r_original"
    assert {e.source: e.follows for e in lineage.sources} == {
        "r_original": None, "a_rewrite": "r_original", "b_rewrite": "a_rewrite", "c_sibling": "r_original"}
    # Each rewrite's changes are findings that name it.
    by_id = {f.id: f for f in report.findings}
    for entry in lineage.sources:
        assert all(entry.source in by_id[i].sources + by_id[i].missing for i in entry.changes)
    assert lineage.of("b_rewrite").changes  # the changed quotation, the dropped paragraph


def test_without_the_original_the_rewrite_of_a_rewrite_still_follows(tmp_path: Path, fake_embedder, config) -> None:
    report = _audit(tmp_path, ["a_rewrite", "b_rewrite", "c_sibling"], fake_embedder, config)
    follows = {e.source: e.follows for e in report.lineage.sources}
    assert follows == {"a_rewrite": None, "b_rewrite": "a_rewrite", "c_sibling": None}


def test_omissions_are_against_the_version_followed(tmp_path: Path, fake_embedder, config) -> None:
    report = _audit(tmp_path, ["r_original", "a_rewrite", "b_rewrite", "c_sibling"], fake_embedder, config)
    omissions = [f for f in report.findings if f.kind == FindingKind.OMISSION]
    assert omissions
    # The original never "omits" the colour its rewrites added.
    assert all("r_original" not in f.missing for f in omissions)
    dropped_by_a = [f for f in omissions if f.missing == ("a_rewrite",)]
    assert dropped_by_a and "r_original, the version it follows" in dropped_by_a[0].message
    assert any("public works office" in e.text for f in dropped_by_a for e in f.evidence)


def test_colour_is_collapsed_into_one_line_per_source(tmp_path: Path, fake_embedder, config) -> None:
    report = _audit(tmp_path, ["r_original", "a_rewrite", "c_sibling"], fake_embedder, config)
    colour = [f for f in report.findings if f.nature == "colour"]
    assert {f.sources for f in colour} == {("a_rewrite",), ("c_sibling",)}
    assert all(f.severity.value == "info" and f.evidence for f in colour)
    assert any("stakes could hardly be higher" in e.text for f in colour for e in f.evidence)


def test_independent_reporting_says_so(tmp_path: Path, fake_embedder, config) -> None:
    texts = {
        "x": ["The city of Porto Alegre will build flood walls, its mayor announced, at a cost of four million.",
              "Residents of the riverside districts welcomed the decision after last year's floods.",
              "Critics said the northern districts needed drainage more urgently."],
        "y": ["Councillors voted seven to two for a flood defence scheme on the Guaiba river.",
              "The scheme was drawn up by engineers from the state university over two years.",
              "Construction should start in the spring."],
        "z": ["A new plan to shield homes from floods has been approved in southern Brazil.",
              "Insurance companies had warned premiums would rise without new defences.",
              "The mayor called the vote a turning point."],
    }
    report = factcheck.audit(_write(tmp_path, texts), config, embedder=fake_embedder)
    assert report.lineage.independent
    uniques = [f for f in report.findings if f.kind == FindingKind.UNIQUE_CLAIM]
    assert len(uniques) == 3 and all(f.nature == "independent" for f in uniques)
    assert all(len(f.evidence) >= 2 for f in uniques)  # every claim behind the line is listed


def test_lineage_descends_and_is_acyclic() -> None:
    lineage = Lineage("r", (), (SourceLineage("a", "r"), SourceLineage("b", "a"), SourceLineage("r", None)))
    assert lineage.descends("b", "r") and lineage.descends("a", "r")
    assert not lineage.descends("r", "b") and not lineage.independent
    alone = Lineage(None, (), (SourceLineage("a", None), SourceLineage("b", None)))
    assert alone.independent
    assert not Lineage(None, (("a", "b"),), alone.sources).independent  # a family is no independent reporting


def test_seeds_lineage_and_what_matters_first(seed_report) -> None:
    """The seeds: 004 is the fullest version, 000/001/002 a family sharing readings against it, and the top of the
    ranking holds the reworded Hardie quotation of 000, the Zelenskyy/negotiators actor change and 001's splice."""
    lineage = seed_report.lineage
    short = {s.id: s.id[:3] for s in seed_report.sources}
    assert short[lineage.fullest] == "004"
    assert [[short[s] for s in fam] for fam in lineage.families] == [["000", "001", "002"]]
    for entry in lineage.sources:
        if short[entry.source] != "004":
            assert short[entry.follows] == "004" and entry.changes
    top = seed_report.findings[:5]
    assert [f.rank for f in top] == [1, 2, 3, 4, 5]
    named = [f for f in top if (f.nature == "reworded_quote" and "Hardie" in f.message
                                and any(short[e.source] == "000" for e in f.evidence))
             or (f.nature == "actor_changed" and "negotiators" in f.message)
             or (f.nature == "spliced_quote" and "001" in {short[s] for s in f.sources})]
    assert len(named) >= 3 and all(f.severity.value == "error" for f in named)
    # 004 quotes "What comes out of that meeting? I can't tell you, because it takes two to tango" as one remark;
    # 002, which follows it, quotes it in two pieces: 001 quoting it whole splices nothing (it reads as 004).
    ids = {v: k for k, v in short.items()}
    assert not [f for f in seed_report.findings if f.nature == "spliced_quote"
                and f"{ids['001']} joins into one quotation remarks {ids['002']}" in f.message]
    # The fullest version never omits what only its rewrites carry.
    assert not [f for f in seed_report.findings if f.kind == FindingKind.OMISSION
                and any(short[s] == "004" for s in f.missing)]


def test_a_sentence_cut_from_a_paragraph_is_not_colour_of_the_original(tmp_path: Path, fake_embedder,
                                                                       config) -> None:
    """A plain sentence cut from a paragraph leaves the rest of the paragraph behind: the original is not a
    rewrite of the copy that cut it (colour comes as sentences of their own)."""
    r = list(PARAS)
    r[3] = r[3] + " Nobody at the meeting seemed surprised by how long the work would take."
    cut = list(PARAS)
    t_copy = [p.replace("three hours", "3 hours") for p in r]  # two copies of the original, each retouched
    u_copy = [p.replace("a debate that lasted", "a discussion that lasted") for p in r]
    versions = {"r_original": r, "s_cut": cut, "t_copy": t_copy, "u_copy": u_copy}
    report = factcheck.audit(_write(tmp_path, versions), config, embedder=fake_embedder)
    assert report.lineage.follows("r_original") is None
    omitted = [f for f in report.findings if f.kind == FindingKind.OMISSION and "s_cut" in f.missing]
    assert any("Nobody at the meeting" in e.text for f in omitted for e in f.evidence)
