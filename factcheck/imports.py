"""Libraries imported without the optional packages they would pull in for nothing.

spaCy's thinc imports torch whenever torch is installed, though the packaged pipeline never uses it (a second and
hundreds of MB); scikit-learn imports pandas whenever pandas is installed, though the arrays it gets here are
numpy's (a fifth of a second of every cold audit). While such a library loads, :func:`without` makes the named
packages look absent to the loading thread only (the library then leaves out its wrappers for them); afterwards
the hook is gone, so code that needs them (a torch model, the pandas frames) still imports them. A package that is
already imported is never hidden.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class _Absent:
    """Import hook that makes ``import name`` fail in one thread, as if the package were not installed."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names, self.thread = names, threading.get_ident()

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if threading.get_ident() == self.thread and any(name == n or name.startswith(n + ".") for n in self.names):
            raise ImportError(f"{name} is not needed here")
        return None


@contextmanager
def without(*names: str) -> Iterator[None]:
    """Within the block, the packages ``names`` (those not imported yet) look absent to this thread."""
    hook = _Absent(tuple(n for n in names if n not in sys.modules))
    if hook.names:
        sys.meta_path.insert(0, hook)  # type: ignore[arg-type]
    try:
        yield
    finally:
        if hook in sys.meta_path:
            sys.meta_path.remove(hook)  # type: ignore[arg-type]
