from __future__ import annotations

from factcheck.claims import extract_claims
from factcheck.load import load
from factcheck.models import ClaimType
from tests.conftest import SEEDS


def _claims():
    items = load([SEEDS])
    per = extract_claims(items)
    raws = {it.article.id: it.article.raw for it in items}
    return per, raws


def test_every_seed_quotation_has_a_speaker() -> None:
    per, raws = _claims()
    quotes = [c for cs in per.values() for c in cs if c.type == ClaimType.QUOTE]
    assert len(quotes) >= 55
    missing = [c.quote for c in quotes if not c.speaker]
    assert len(missing) <= 1, missing  # a headline quote with no named speaker may stay unattributed
    for c in quotes:
        assert raws[c.source][c.span.start:c.span.end] == c.span.text == c.quote


def test_speakers_are_full_names() -> None:
    per, _ = _claims()
    speakers = {c.speaker for cs in per.values() for c in cs if c.speaker}
    assert {"Yuri Ushakov", "Marco Rubio", "Donald Trump", "John Hardie", "Michael Froman"} <= speakers
    assert "Ushakov" not in speakers and "he" not in {s.lower() for s in speakers}


def test_pronoun_resolves_to_named_person() -> None:
    per, _ = _claims()
    hardie = [c for c in per["001_80883d4784b83c6e"] if c.quote and c.quote.startswith("Until that changes")]
    assert hardie and hardie[0].speaker == "John Hardie"


def test_no_boilerplate_claims() -> None:
    per, _ = _claims()
    texts = [c.text for cs in per.values() for c in cs]
    assert not any("Copyright" in t or "via Reuters" in t or "Shutterstock" in t for t in texts)
    captions = [c for cs in per.values() for c in cs if c.type == ClaimType.CAPTION]
    assert captions and all(c.source == "004_e1192160ed273444" for c in captions)
