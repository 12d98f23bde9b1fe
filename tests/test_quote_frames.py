"""Speakers read by position: a dash signature after a quotation (the framing words are covered through the
resolver in tests/test_speakers.py)."""

from __future__ import annotations

import pytest

from factcheck.extract.quotes import find_quotes
from factcheck.quote_frames import signature


@pytest.mark.parametrize(("text", "name"), [
    ("“We will stay.” ― Sonya Herridge", "Sonya Herridge"),
    ("“We will stay.” -- Tom Reyes", "Tom Reyes"),
    # negatives: words before the quotation (it does not open its sentence), no dash, a dash before lower case
    ("She wrote: “We will stay.” ― Sonya Herridge", None),
    ("“We will stay.” Sonya Herridge", None),
    ("“We will stay.” ― and then some", None),
])
def test_signature(text: str, name: str | None) -> None:
    quote = find_quotes(text)[0]
    found = signature(text, text, (0, len(text)), quote)
    assert (found.name if found else None) == name
    if found:
        assert found.span is not None and text[found.span[0]:found.span[1]] == name
