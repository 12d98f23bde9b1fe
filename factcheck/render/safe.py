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
