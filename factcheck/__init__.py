"""factcheck: a cross-source fact-consistency checker for news.

>>> import factcheck
>>> report = factcheck.audit(["seeds/"])  # doctest: +SKIP
"""

from __future__ import annotations

from factcheck.api import audit, audit_loaded
from factcheck.config import Config, load_config
from factcheck.models import Report
from factcheck.version import __version__

__all__ = ["Config", "Report", "__version__", "audit", "audit_loaded", "load_config"]
