"""Stage 5, compare: one module per finding kind, each registered under a stable code.

Adding a kind of finding means adding one module here (and its test cases); ``run_checks`` finds it through the
registry.
"""

from __future__ import annotations

from factcheck.checks import (  # noqa: F401 - importing registers each check
    attribution_conflict,
    contradiction,
    date_conflict,
    entity_conflict,
    number_conflict,
    omission,
    quote_divergence,
    unique_claim,
)
from factcheck.checks.base import REGISTRY, Check, CheckContext

__all__ = ["REGISTRY", "Check", "CheckContext"]
