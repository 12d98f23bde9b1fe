"""JSONL batches (factcheck/load/jsonl.py): one article a line with id and text; every bad line refused with its
line number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.load.jsonl import _load_jsonl

TEXT = "The police said 12 people were hurt in the blast in Athens on Tuesday."


def _lines(*records: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode()


def test_records_become_articles_with_their_fields() -> None:
    data = _lines({"id": "x 1", "text": TEXT, "title": "Blast", "outlet": "Daily", "published": "2025-12-03"},
                  "", {"text": "<p>" + TEXT + "</p>"})
    items = _load_jsonl(Path("batch.jsonl"), data, 10_000)
    assert [it.article.id for it in items] == ["x_1", "batch-3"]  # unsafe characters replaced; no id: file-line
    first = items[0].article
    assert (first.title, first.outlet, str(first.published)) == ("Blast", "Daily", "2025-12-03")
    assert first.path == "batch.jsonl:1" and items[1].article.path == "batch.jsonl:3"
    assert TEXT in items[1].blocks[0].text  # HTML in a record is read as HTML


@pytest.mark.parametrize("line, words", [
    ("{not json", "batch.jsonl:1: malformed JSON"),
    ("[1, 2]", "expected a JSON object"),
    (json.dumps({"id": "a"}), "no 'text' field"),
    (json.dumps({"id": "a", "text": "  "}), "'text' field is empty"),
    (json.dumps({"id": "a", "text": 5}), "not a string"),
    (json.dumps({"id": "a", "text": "x" * 200}), "larger than the limit"),
    ("", "no articles in this JSONL file"),
])
def test_bad_lines_are_refused_with_their_place(line: str, words: str) -> None:
    with pytest.raises(InputError, match=words.replace("(", r"\(").replace("[", r"\[")):
        _load_jsonl(Path("batch.jsonl"), line.encode(), 100)
