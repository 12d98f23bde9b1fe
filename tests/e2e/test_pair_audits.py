"""Two versions of a short article, one fact changed: the audit reports it at the changed words, once.

Each case is a pattern seen on real news the checker was not written against (a possessive name, a short
quotation with one word changed, a speaker named by surname only, a sentence whose only change is a name), written
here as new text, never copied from an article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from factcheck.config import Config
from tests.edits.test_edits import MemoEmbedder

BASE = """City council weighs new budget for the harbour.

Mayor Lena Hartwig said on Monday that the council would vote on the harbour budget next week, after months of
delay.

The plan was first shown during WKTV's evening forum on public works, where residents asked about the cost.

Councillor Ravi Osei, a longtime critic of the project, said the harbour was "a sinking ship of a plan" and urged
colleagues to wait.

"We cannot keep pouring money into the water without a clear plan for the next ten years," Osei said. "The
residents deserve better than another promise."

Rosa Delgado, the council's chief engineer, said the repairs would take at least three years to finish.

Asked which member of the council she trusted most on the harbour budget, Delgado named "Tomas Brandt" without a
moment's hesitation.

Hartwig spent the weekend at the old harbour with her grandchildren, she told reporters on Sunday.

"Nobody has read the engineering report yet," Okafor said.
"""

CASES = [
    # (old, new, expected kind)
    ("WKTV's evening forum", "KQED's evening forum", "entity_conflict"),
    # a name the parser leaves untagged for one it tags, the whole differing stretch in the same place
    ("The plan was first shown during WKTV's", "The plan was first shown during Zorvex's", "entity_conflict"),
    ("\"a sinking ship of a plan\"", "\"a sinking boat of a plan\"", "quote_divergence"),
    ("next ten years,\" Osei said.", "next ten years,\" Hartwig said.", "attribution_conflict"),
    # another person doing the same thing: who does it
    ("Rosa Delgado, the council's chief engineer, said", "Maria Fenwick, the council's chief engineer, said",
     "attribution_conflict"),
    # a short quotation changed whole, tied to its counterpart by the sentence around it
    ("named \"Tomas Brandt\"", "named \"Ada Rinn\"", "quote_divergence"),
    # "children" is kin too
    ("with her grandchildren", "with her children", "entity_conflict"),
    # a speaker named by one word that is no ordinary word, never given a full name
    ("yet,\" Okafor said.", "yet,\" Mbeki said.", "attribution_conflict"),
]


@pytest.fixture(scope="module")
def emb(real_embedder):
    return MemoEmbedder(real_embedder)


def _audit(tmp_path: Path, emb, edited: str):
    (tmp_path / "a.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(edited, encoding="utf-8")
    return factcheck.audit([tmp_path / "a.txt", tmp_path / "b.txt"], Config(use_cache=False), embedder=emb)


@pytest.mark.parametrize("old,new,kind", CASES, ids=[c[2] + str(i) for i, c in enumerate(CASES)])
def test_one_change_is_reported_at_its_words(tmp_path: Path, emb, old: str, new: str, kind: str) -> None:
    assert old in BASE
    edited = BASE.replace(old, new)
    start = BASE.index(old)
    changed = (start, start + len(new))
    report = _audit(tmp_path, emb, edited)
    hits = [f for f in report.findings if f.kind.value == kind and any(
        e.source == "b" and e.start < changed[1] and changed[0] < e.end for e in f.evidence)]
    assert hits, [f"{f.kind.value}: {f.message}" for f in report.findings]
    conflicts = [f for f in report.findings if f.kind.value not in ("unique_claim", "omission", "detail_dropped")]
    assert len(conflicts) == 1, [f"{f.kind.value}: {f.message}" for f in conflicts]


def test_the_same_text_gives_no_conflict(tmp_path: Path, emb) -> None:
    report = _audit(tmp_path, emb, BASE.replace("\n", "\n\n").replace("\n\n\n\n", "\n\n"))
    assert [f for f in report.findings if f.kind.value not in ("unique_claim", "omission")] == []


@pytest.mark.parametrize("old,new", [
    # a reporting verb for another after the same name: the verb changed, not who speaks
    ("Rosa Delgado, the council's chief engineer, said", "Rosa Delgado, the council's chief engineer, stated"),
    ("Osei said. \"The", "Osei stated. \"The"),
    # two apostrophes for the quotation marks (an archive convention): the same quotation, the same speaker
    ("\"We cannot keep pouring money into the water without a clear plan for the next ten years,\"",
     "''We cannot keep pouring money into the water without a clear plan for the next ten years,''"),
])
def test_a_meaning_preserving_change_gives_no_conflict(tmp_path: Path, emb, old: str, new: str) -> None:
    assert old in BASE
    report = _audit(tmp_path, emb, BASE.replace(old, new))
    conflicts = [f for f in report.findings if f.kind.value not in ("unique_claim", "omission")]
    assert conflicts == [], [f"{f.kind.value}: {f.message}" for f in conflicts]
