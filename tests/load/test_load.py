from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.load import decode, is_photo_credit, load, load_file
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Will Oliver/EPA/Shutterstock", True),
        ("Alexander Kazakov/Sputnik via Reuters", True),
        ("Alexander Kazakov/POOL/AFP via Getty Images", True),
        ("Terry Renna/AP", True),
        ("Photo by Jane Doe/Reuters", True),
        ("Trump said he spoke with Witkoff and Kushner on Tuesday night.", False),
        ("Major obstacles remain to a peace agreement", False),
        ("The 28-point plan was cut to 19 points.", False),
    ],
)
def test_photo_credit(line: str, expected: bool) -> None:
    assert is_photo_credit(line) is expected


def test_seed_chrome_and_captions() -> None:
    items = {it.article.id: it for it in load([SEEDS])}
    assert len(items) == 5
    chrome = items["002_ff31a14e90dde29b"].article
    dropped = " ".join(d.text for d in chrome.dropped)
    assert "Copyright" in dropped and "Continue Reading" in dropped and "Our Editorial team" in dropped
    assert chrome.title and chrome.title.startswith("Trump Acknowledges")
    cnn = items["004_e1192160ed273444"].article
    assert len(cnn.captions) == 5
    assert all("via Reuters" not in b.text for b in cnn.blocks)
    assert any("December 3, 2025" in c.text for c in cnn.captions)
    for it in items.values():
        for span in it.article.blocks + it.article.captions + it.article.dropped:
            assert it.article.raw[span.start:span.end] == span.text


def test_encodings(tmp_path: Path) -> None:
    text = "Caf\u00e9 owner Ren\u00e9e said \u201cit\u2019s over\u201d on Tuesday. The end of the story is near now."
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "b.txt").write_bytes("Caf\u00e9 owner Ren\u00e9e said it is over. The end is near.".encode("latin-1"))
    (tmp_path / "c.txt").write_bytes(text.encode("utf-16"))
    a = load_file(tmp_path / "a.txt")[0].article
    assert "\u201cit\u2019s over\u201d" in a.raw and a.encoding == "cp1252"
    b = load_file(tmp_path / "b.txt")[0].article
    assert "Ren\u00e9e" in b.raw
    c = load_file(tmp_path / "c.txt")[0].article
    assert c.raw.startswith("Caf\u00e9")


@pytest.mark.parametrize("data, words", [
    (b"%PDF-1.4\n%\xe2\xe3", "PDF"), (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"), (b"PK\x03\x04\x14\x00", "zip"),
    (b"\x00\x01\x02\x03binary", "binary"),
])
def test_binary_refused(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=words):
        load_file(path)


def test_empty_inputs(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article files"):
        load([tmp_path])
    with pytest.raises(InputError, match="no such file"):
        load([tmp_path / "missing"])
    (tmp_path / "e.txt").write_text("  \n\n ")
    with pytest.raises(InputError, match="empty"):
        load([tmp_path / "e.txt"])


def test_html_extraction_keeps_offsets(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Talks end</title><meta property='article:published_time' content='2025-12-03'>"
        "<style>p{color:red}</style><script>var x = {\"a\": 1};</script></head><body>"
        "<nav><a href='/'>Home</a> <a>Politics</a></nav>"
        "<article><h1>Talks end without a deal</h1>"
        "<p>Rubio said on Tuesday that &ldquo;some progress&rdquo; had been made in <b>Geneva</b>.</p>"
        "<figure><img src='x.jpg'><figcaption>Rubio speaks in Geneva on December 2, 2025.</figcaption></figure>"
        "</article><footer>Copyright 2025 News Corp. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(html)
    item = load_file(path)[0]
    art = item.article
    assert art.published is not None and art.published.isoformat() == "2025-12-03"
    texts = [b.text for b in item.blocks]
    assert any("some progress" in t for t in texts)
    assert not any("Home" in t or "Copyright" in t or "color" in t or "var x" in t for t in texts)
    assert [b.kind for b in item.blocks if "figcaption" or True].count("caption") == 1
    for span in art.blocks + art.captions:
        assert art.raw[span.start:span.end] == span.text


def test_jsonl_malformed_line_named(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "a", "text": "One. Two."}\n{not json}\n')
    with pytest.raises(InputError, match=r"batch.jsonl:2"):
        load([path])


def test_decode_utf8_bom() -> None:
    text, enc = decode("Hello".encode("utf-8-sig"), "x")
    assert text == "Hello" and enc == "utf-8-sig"


def test_lines_wrapped_inside_blank_line_paragraphs_are_joined() -> None:
    from factcheck.load import build_article

    raw = ("Headline of the story\n\nThe first paragraph says one thing.\nIt wraps onto a second line.\n\n"
           "The second paragraph says another.\n\nThe third one ends it.\n")
    _, blocks = build_article("w", "w.txt", raw, kind="text")
    body = [b for b in blocks if not b.text.startswith("Headline")]
    assert [b.text.replace("\n", " ") for b in body] == [
        "The first paragraph says one thing. It wraps onto a second line.", "The second paragraph says another.",
        "The third one ends it."]


def test_single_line_paragraphs_stay_apart() -> None:
    from factcheck.load import build_article

    raw = "Headline of the story\n\nOne paragraph.\nAnother paragraph.\nA third paragraph.\n\nA fourth.\n"
    _, blocks = build_article("s", "s.txt", raw, kind="text")
    assert len([b for b in blocks if not b.text.startswith("Headline")]) == 4


def test_line_wrapped_inside_a_quotation_is_joined() -> None:
    from factcheck.load import build_article

    raw = ("Headline of the story\n“Mitt Romney was prepared.\n"
           "Mitt Romney was qualified,” Sen. Claire McCaskill said.\n"
           "“It is a long remark,\n“and it goes on in a new paragraph,” she said.\n")
    _, blocks = build_article("q", "q.txt", raw, kind="text")
    texts = [b.text for b in blocks if not b.text.startswith("Headline")]
    assert texts[0] == "“Mitt Romney was prepared.\nMitt Romney was qualified,” Sen. Claire McCaskill said."
    assert len(texts) == 3  # a paragraph that opens with a mark starts a new paragraph


def test_an_unclosed_quotation_does_not_swallow_the_article() -> None:
    """A paragraph whose quotation is never closed ends at its line: the lines after it stay paragraphs."""
    from factcheck.load import build_article

    raw = ("Headline of the story\nMore from the report: “Survey vendors condition their samples on age.\n"
           "THE WEEKEND’S POLLS\n-Smith leads Jones in Ohio. [ARG]\n-Jones leads Smith in Iowa. [PPP]\n"
           "-Brown gains in Texas. [UT]\n-Brown slips in Utah. [DN]\n")
    _, blocks = build_article("u", "u.txt", raw, kind="text")
    texts = [b.text for b in blocks if not b.text.startswith("Headline")]
    assert texts[0].endswith("samples on age."), texts
    assert texts[-4:] == ["-Smith leads Jones in Ohio. [ARG]", "-Jones leads Smith in Iowa. [PPP]",
                          "-Brown gains in Texas. [UT]", "-Brown slips in Utah. [DN]"], texts


def test_a_reflowed_quotation_closing_a_few_lines_on_is_joined() -> None:
    """A quotation broken after a full stop and closed a line or two later is one paragraph (reflowed text)."""
    from factcheck.load import build_article

    raw = ("Headline of the story\nShe said: “The plan was first shown in May.\nIt did not pass.\n"
           "It will come back,” she told reporters.\nA new paragraph.\n")
    _, blocks = build_article("r", "r.txt", raw, kind="text")
    texts = [b.text for b in blocks if not b.text.startswith("Headline")]
    assert len(texts) == 2 and texts[0].endswith("she told reporters."), texts


def test_a_paragraph_before_a_photo_credit_is_a_caption_unless_it_reports_speech() -> None:
    from factcheck.load import build_article

    cases = [
        ("Donald Trump speaks at a rally in Ohio on Tuesday.", "caption"),
        ("Protesters hold signs reading “No wall” outside the venue.", "caption"),  # a quotation, but no one speaks
        ("“Like Oakland. Or Ferguson,” Trump said. “The crime numbers are worse.”", "text"),  # the story runs on
    ]
    for para, kind in cases:
        raw = (f"Title Of The Story Here\n\nThe story opens here with a sentence.\n\n{para}\n\n"
               "Jim Urquhart / Reuters\n\nThe story goes on here.")
        _, blocks = build_article("t", "t.txt", raw, kind="text")
        found = next(b.kind for b in blocks if b.text == para)
        assert (found if found == "caption" else "text") == kind, para
