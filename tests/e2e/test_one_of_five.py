"""One outlet gets one fact wrong, four agree: the seeds with ONE source edited.

Each case changes one fact in one seed and audits all five; the audit must report that change, naming the edited
source against the others, with evidence on the edited words. Reflowing one source's white space changes nothing.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import factcheck
from factcheck.config import Config
from tests.conftest import SEEDS
from tests.edits.test_edits import MemoEmbedder

CONFLICTS = {"quote_divergence", "number_conflict", "date_conflict", "entity_conflict", "attribution_conflict",
             "contradiction", "internal_conflict"}

# (source prefix, old, new, expected kind)
CASES = [
    ("004", "Umerov to Miami", "Umerov to Geneva", "entity_conflict"),
    ("002", "Miami", "Istanbul", "entity_conflict"),
    ("000", "Putin on December 2, 2025. Despite", "Putin on December 4, 2025. Despite", "date_conflict"),
    ("001", "nearly four-year Russian invasion", "nearly five-year Russian invasion", "number_conflict"),
    ("000", "Witkoff and Kushner have invited", "Witkoff and Kushner have not invited", "contradiction"),
    ("004", "Michael Froman, president of the Council", "Michael Froman, chairman of the Council", "entity_conflict"),
    ("004", "because it takes two to tango,” Trump said.", "because it takes two to tango,” Rubio said.",
     "attribution_conflict"),
]


@pytest.fixture(scope="module")
def emb(real_embedder):
    return MemoEmbedder(real_embedder)


def _audit(folder: Path, emb):
    return factcheck.audit([folder], Config(use_cache=False), embedder=emb)


@pytest.fixture(scope="module")
def baseline(emb, tmp_path_factory):
    report = _audit(SEEDS, emb)
    return {f.id for f in report.findings}


def _copy(tmp_path: Path) -> Path:
    out = tmp_path / "seeds"
    shutil.copytree(SEEDS, out)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("prefix,old,new,kind", CASES, ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)])
def test_one_source_edited(tmp_path, emb, baseline, prefix, old, new, kind) -> None:
    folder = _copy(tmp_path)
    path = next(folder.glob(prefix + "_*.txt"))
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    at = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    report = _audit(folder, emb)
    new_findings = [f for f in report.findings if f.id not in baseline and f.kind.value in CONFLICTS]
    hits = [f for f in new_findings if f.kind.value == kind and path.stem in f.message
            and any(e.source == path.stem and e.start < at + len(new) and at <= e.end for e in f.evidence)]
    assert hits, "\n".join(f"{f.kind.value}: {f.message}" for f in new_findings) or "nothing new reported"
    # Named against the others: the message names at least one other source too.
    others = {s.id for s in report.sources} - {path.stem}
    assert any(o in hits[0].message for o in others), hits[0].message


@pytest.mark.slow
def test_reflowed_source_changes_nothing(tmp_path, emb, baseline) -> None:
    folder = _copy(tmp_path)
    path = next(folder.glob("002_*.txt"))
    text = path.read_text(encoding="utf-8")
    # Widen the white space: double spaces after sentences, a tab every tenth word, blank lines doubled (a single
    # line break is a paragraph break in plain text, so lines are not re-wrapped).
    reflowed = re.sub(r"((?:\S+ ){9}\S+) ", "\\1 \t ", text.replace(". ", ".  ")).replace("\n\n", "\n\n\n")
    path.write_text(reflowed, encoding="utf-8")
    report = _audit(folder, emb)
    assert {f.id for f in report.findings} == baseline
