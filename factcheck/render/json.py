"""JSON renderer: the contract, byte-for-byte the same for the same input.

The text is exactly what ``json.dumps(records, ensure_ascii=False, indent=2)`` writes (a test checks it on real
reports and on generated values), built by :func:`dumps`: with an indent the standard library falls back to its
pure-Python encoder, a generator per value, which took a sizeable share of a grown batch's run (every story's
report is rendered); strings still go through its C escaper.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

from factcheck.models import Report
from factcheck.render.records import as_records


def render_json(report: Report) -> str:
    return dumps(as_records(report)) + "\n"


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, faster."""
    out: list[str] = []
    try:
        _encode(value, "\n", out)
    except _Unusual:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)


class _Unusual(Exception):
    """A value the fast path leaves to the standard library (a non-string key, an object it must reject)."""


def _encode(value: Any, newline: str, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(json.dumps(value))  # NaN and Infinity as the standard library writes them
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        sep = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unusual
            out.append(sep)
            out.append(encode_basestring(key))
            out.append(": ")
            _encode(item, inner, out)
            sep = "," + inner
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        sep = "[" + inner
        for item in value:
            out.append(sep)
            _encode(item, inner, out)
            sep = "," + inner
        out.append(newline + "]")
    else:
        raise _Unusual
