"""Safe writes: a report or cache file is written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from factcheck.errors import OutputError


def _why(path: Path, exc: OSError) -> str:
    """Why a folder for ``path`` cannot be made: a file standing where a folder should be, or the OS's reason."""
    for parent in path.parents:
        if parent.exists() or parent.is_symlink():
            if not parent.is_dir():
                return f"{parent} is a file, not a folder"
            break
    return exc.strerror or str(exc)


def atomic_write(path: str | Path, data: str | bytes, durable: bool = True) -> Path:
    """Write to a temporary file beside ``path`` and rename it into place, so an interrupted run leaves the
    previous file whole. ``durable=False`` skips the flush to disk: for small files a reader checks and can do
    without (a killed process loses nothing; only a power cut can leave such a file empty)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here ({_why(path, exc)})") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"{path}: cannot write here ({exc.strerror or exc})") from exc
    return path
