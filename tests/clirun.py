"""The command, run in this process: ``factcheck.cli.main(argv)`` with its own working folder, environment, stdout
and stderr, giving back what a subprocess would (exit code, stdout, stderr) in a ``CompletedProcess``.

A subprocess pays for importing spaCy (and torch for the torch model) and for loading the model, seconds a run;
in process the imports are paid once per test run and the packaged model is loaded once (:func:`shared_embedder`).
What a separate process is needed for (the console script, kill safety, exit codes of a real process) keeps its
subprocess tests. Every run is isolated as a process would be: the working folder and ``os.environ`` are restored
afterwards, caches live under the test's folder (relative ``claims``/``reports``), and Python's default warning
filters apply, so that a warning a subprocess would print on stderr lands on this run's stderr too.
"""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import os
import subprocess
import traceback
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from factcheck import embed

_EMBEDDERS: dict[str, Any] = {}
_REAL_MAKE = embed.make_embedder  # run_cli swaps the module's own for one that shares the loaded models


def shared_embedder(model: str | None = None) -> Any:
    """A packaged model (the default int8 one unless named), loaded once per test run and shared by every test
    that needs it."""
    model = model or embed.DEFAULT_MODEL
    if model not in _EMBEDDERS:
        _EMBEDDERS[model] = _REAL_MAKE(model)
    return _EMBEDDERS[model]


def _packaged(model: str) -> bool:
    from factcheck.embed import INT8_NAMES, TORCH_NAMES

    return model in TORCH_NAMES + INT8_NAMES


def _python_default_warnings() -> None:
    """The warning filters of a fresh interpreter (pytest installs its own)."""
    warnings.resetwarnings()
    warnings.simplefilter("default")
    for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
        warnings.simplefilter("ignore", category)


def run_cli(args: Sequence[str], cwd: Path | str, env: Mapping[str, str | None] | None = None
            ) -> subprocess.CompletedProcess[str]:
    """Run ``factcheck ARGS`` in ``cwd`` with ``env`` changes (``None`` unsets a variable); never raises.

    An exception that escapes ``main`` is printed to stderr as a traceback with exit code 1, as the interpreter
    would; ``FACTCHECK_DEBUG`` is unset unless ``env`` sets it.
    """
    from factcheck.cli import main

    argv = [str(a) for a in args]
    out, err = io.StringIO(), io.StringIO()
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    real_make = embed.make_embedder

    def make(model: str) -> Any:
        return shared_embedder(model) if _packaged(model) else _REAL_MAKE(model)

    handler = logging.StreamHandler(err)  # what the interpreter's last-resort handler prints on stderr
    handler.setLevel(logging.WARNING)
    root = logging.getLogger()
    code: int = 0
    os.environ.pop("FACTCHECK_DEBUG", None)
    for key, value in (env or {}).items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    os.chdir(cwd)
    embed.make_embedder = make  # type: ignore[assignment]
    root.addHandler(handler)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                warnings.catch_warnings(record=True) as caught:
            _python_default_warnings()
            try:
                main(argv)
            except SystemExit as exc:
                if exc.code is None:
                    code = 0
                elif isinstance(exc.code, int):
                    code = exc.code
                else:
                    print(exc.code, file=err)
                    code = 1
            except BaseException:  # noqa: BLE001 - what an uncaught exception does to a process
                err.write(traceback.format_exc())
                code = 1
        for w in caught:
            err.write(warnings.formatwarning(w.message, w.category, w.filename, w.lineno, w.line))
    finally:
        root.removeHandler(handler)
        embed.make_embedder = real_make  # type: ignore[assignment]
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        gc.unfreeze()  # main() freezes the heap for a process about to exit; this one goes on
    return subprocess.CompletedProcess(["factcheck", *argv], code, out.getvalue(), err.getvalue())
