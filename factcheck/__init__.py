"""factcheck: a cross-source fact-consistency checker for news.

>>> import factcheck
>>> report = factcheck.audit(["seeds/"])  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from factcheck.api import audit, audit_loaded  # noqa: E402
from factcheck.config import Config, load_config  # noqa: E402
from factcheck.models import Report  # noqa: E402

__all__ = ["Config", "Report", "__version__", "audit", "audit_loaded", "load_config"]
