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


def _statements(text: str) -> list[str]:
    import datetime as dt

    from factcheck.load import LoadedArticle, build_article

    article, blocks = build_article("x", "x.txt", text + "\n", kind="text", published=dt.date(2025, 12, 3))
    claims = extract_claims([LoadedArticle(article, tuple(blocks))])["x"]
    return [c.text for c in claims if c.type == ClaimType.STATEMENT]


def test_a_mostly_quoted_sentence_keeps_the_stretch_that_names_someone() -> None:
    text = ("He praised the council as ''a body that finally listens to the harbour'' and, as a guest of Ravi Osei, "
            "''the best friend this port has had in a generation of mayors.''")
    statements = _statements(text)
    assert any("Ravi Osei" in s for s in statements), statements
    assert not any(s.endswith("'") for s in statements), statements  # the marks are not part of the claim


def test_an_aside_between_dashes_stays_in_its_claim() -> None:
    text = "His treasurer Mina Okafor said — on the radio, as it happens — that the harbour fund had doubled in May."
    statements = _statements(text)
    assert len(statements) == 1 and "Okafor said" in statements[0] and "had doubled" in statements[0], statements
