"""factcheck: a cross-source fact-consistency checker for news.

>>> import factcheck
>>> report = factcheck.audit(["seeds/"])  # doctest: +SKIP

The names below are imported on first use, so ``import factcheck.cli`` does not load numpy and the rest of the
pipeline before the command line has set up the process (see :mod:`factcheck.cli`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from factcheck.version import __version__

if TYPE_CHECKING:
    from factcheck.api import audit, audit_loaded
    from factcheck.config import Config, load_config
    from factcheck.models import Report

__all__ = ["Config", "Report", "__version__", "audit", "audit_loaded", "load_config"]

_HOMES = {"audit": "factcheck.api", "audit_loaded": "factcheck.api", "Config": "factcheck.config",
          "load_config": "factcheck.config", "Report": "factcheck.models"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
