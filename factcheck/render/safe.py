"""Article text is data, never markup: escaping for every output format."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Terminal escape sequences and other control characters shown as visible symbols, never sent raw."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|<>~&$])")


def md_inline(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell: no links, headings, tables, HTML or emphasis."""
    text = printable(" ".join(text.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("\\&amp;", "&amp;").replace("\\&lt;", "&lt;").replace("\\&gt;", "&gt;")


_DIFF = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}")


def diff_parts(marked: str) -> list[tuple[str, str]]:
    """Split a marked diff (``a [-old-]{+new+} b``) into ``("equal"|"delete"|"insert", words)`` parts."""
    parts: list[tuple[str, str]] = []
    pos = 0
    for m in _DIFF.finditer(marked):
        if m.start() > pos:
            parts.append(("equal", marked[pos:m.start()]))
        if m.group(1) is not None:
            parts.append(("delete", m.group(1)))
        else:
            parts.append(("insert", m.group(2)))
        pos = m.end()
    if pos < len(marked):
        parts.append(("equal", marked[pos:]))
    return parts
