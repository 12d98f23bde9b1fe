"""The JSON renderer (factcheck/render/json.py) writes exactly what ``json.dumps(..., ensure_ascii=False,
indent=2)`` writes: on a real report and on generated values of every JSON kind, escapes and empties included."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.render.json import dumps, render_json
from factcheck.render.records import as_records
from tests.render.report import small_report


def _reference(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def test_a_report_renders_as_the_standard_library_writes_it() -> None:
    report = small_report()
    assert render_json(report) == _reference(as_records(report)) + "\n"


@pytest.mark.parametrize("value", [
    {}, [], (), "", 0, -3, 2.5, float("nan"), math.inf, -math.inf, True, False, None,
    {"a": [], "b": {}, "c": [{}], "d": [[1, [2, []]], {"e": None}]},
    {"quote": "“Sad!” he wrote\n\t\u2028 \\ \" \x00 é 日本"},
    ("a", ("b", ["c"])),
])
def test_each_kind_and_escape(value: object) -> None:
    assert dumps(value) == _reference(value)


@pytest.mark.parametrize("value", [{1: "a", "b": 2}, {"k": {2.5: None}}, [{"x": {None: 1}}]])
def test_keys_that_are_not_strings_are_written_as_the_standard_library_writes_them(value: object) -> None:
    assert dumps(value) == _reference(value)


def test_what_json_cannot_write_is_refused_as_json_refuses_it() -> None:
    with pytest.raises(TypeError):
        dumps({"a": object()})


_leaf = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text()
_value = st.recursive(_leaf, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                      max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(_value)
def test_any_json_value(value: object) -> None:
    assert dumps(value) == _reference(value)
