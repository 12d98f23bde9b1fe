"""The package's version, in a module of its own so that any layer can read it without importing the package
root (which imports the whole API)."""

import hashlib
from functools import cache
from pathlib import Path

__version__ = "0.1.0"


@cache
def code_digest() -> str:
    """Hash of the package's code and data files: any change to the tool gives other keys."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha1()
    for f in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".txt", ".json")):
        h.update(str(f.relative_to(root)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]
