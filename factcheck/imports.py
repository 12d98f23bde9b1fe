"""Libraries imported without the optional packages they would pull in for nothing.

spaCy's thinc imports torch whenever torch is installed, though the packaged pipeline never uses it (a second and
hundreds of MB); scikit-learn imports pandas whenever pandas is installed, though the arrays it gets here are
numpy's (a fifth of a second of every cold audit). While such a library loads, :func:`without` makes the named
packages look absent to the loading thread only (the library then leaves out its wrappers for them); afterwards
the hook is gone, so code that needs them (a torch model, the pandas frames) still imports them. A package that is
already imported is never hidden.

Some modules cannot be hidden, because the library imports a name from them at once: spaCy's own ``__init__``
imports ``info`` from its command line, which pulls in typer, weasel, requests and httpx (about 350 modules, a
third to half a second of every cold audit) for a command the audit never runs. :func:`stand_in` puts a stand-in
module in their place while the library loads: each name it lists imports the real module when it is called.
"""

from __future__ import annotations

import importlib
import sys
import threading
import types
from collections.abc import Callable, Iterator
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


def _deferred(module: str, name: str) -> Callable[..., Any]:
    """A function that imports ``module`` when called and calls its ``name``."""

    def call(*args: Any, **kwargs: Any) -> Any:
        if getattr(sys.modules.get(module), "_factcheck_stand_in", False):
            del sys.modules[module]  # called while the library loads: the real module now
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"{module}.{name}, imported when first called."
    return call


@contextmanager
def stand_in(module: str, *names: str) -> Iterator[None]:
    """Within the block, ``from module import name`` (for each of ``names``, functions) gives a function that imports
    the real ``module`` only when called; ``module`` itself is not imported. Afterwards the stand-in is gone, so a
    later import gets the real module. A module already imported is used as it is. The stand-in is visible to every
    thread while the block runs (Python has one table of modules)."""
    if module in sys.modules:
        yield
        return
    standin = types.ModuleType(module, f"Stand-in for {module} while a library loads (factcheck.imports).")
    standin._factcheck_stand_in = True  # type: ignore[attr-defined]
    for name in names:
        setattr(standin, name, _deferred(module, name))
    sys.modules[module] = standin
    try:
        yield
    finally:
        if sys.modules.get(module) is standin:
            del sys.modules[module]
