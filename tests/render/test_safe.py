"""Escaping for every output format (factcheck/render/safe.py): article text is shown, never interpreted."""

from __future__ import annotations

import pytest

from factcheck.render.safe import md_inline, printable


@pytest.mark.parametrize("text, expected", [
    ("\x1b[31mred", "\\x1b[31mred"),  # a terminal escape is shown, not sent
    ("bell\x07", "bell\\x07"),
    # negatives: ordinary text, tabs-free words and non-ASCII letters pass unchanged
    ("plain words", "plain words"),
    ("Zürich “quoted” — ok", "Zürich “quoted” — ok"),
])
def test_printable(text: str, expected: str) -> None:
    assert printable(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("[link](http://x)", "\\[link\\](http://x)"),
    ("# heading", "\\# heading"),
    ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
    ("a | b", "a \\| b"),
    ("*em* _em_", "\\*em\\* \\_em\\_"),
    ("two\n  lines", "two lines"),
    ("plain words", "plain words"),  # negative
])
def test_md_inline(text: str, expected: str) -> None:
    assert md_inline(text) == expected
