"""JSON renderer: the contract, byte-for-byte the same for the same input."""

from __future__ import annotations

import json

from factcheck.models import Report
from factcheck.render.records import as_records


def render_json(report: Report) -> str:
    return json.dumps(as_records(report), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
