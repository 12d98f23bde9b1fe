"""Stage 5, compare: one module per finding kind, each registered under a stable code.

Adding a kind of finding means adding one module here (and its test cases); :func:`run_checks` runs every check
the registry holds.
"""

from __future__ import annotations

from factcheck.checks import (  # noqa: F401 - importing registers each check
    attribution_conflict,
    contradiction,
    date_conflict,
    detail_dropped,
    entity_conflict,
    internal_conflict,
    number_conflict,
    omission,
    quote_divergence,
    unique_claim,
)
from factcheck.checks.base import REGISTRY, Check, CheckContext
from factcheck.checks.changes import with_changes
from factcheck.checks.run import run_checks

__all__ = ["REGISTRY", "Check", "CheckContext", "run_checks", "with_changes"]
