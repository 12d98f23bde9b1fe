"""Reading HTML (factcheck/load/html.py): the article's paragraphs with their raw offsets, the page's title and
metadata; scripts, navigation and footers left out."""

from __future__ import annotations

from factcheck.load.html import _html_blocks

PAGE = """<html><head><title>Blast in Athens</title>
<meta property="article:published_time" content="2025-12-03T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<script>var x = "The police said nothing";</script>
<article><h1>Blast in Athens</h1>
<p>The police said <b>12 people</b> were hurt &amp; taken to hospital.</p>
<p>The mayor said the square would be rebuilt.</p></article>
<footer><p>Copyright 2025 Daily News. All rights reserved.</p></footer></body></html>"""


def test_paragraphs_keep_raw_offsets_and_drop_page_chrome() -> None:
    blocks, _, title, _, meta = _html_blocks("a", PAGE)
    texts = [b.text for b in blocks]
    assert "The police said 12 people were hurt & taken to hospital." in texts
    assert "The mayor said the square would be rebuilt." in texts
    joined = " ".join(texts)
    assert "var x" not in joined and "Home" not in joined and "All rights reserved" not in joined
    assert title == "Blast in Athens"
    assert meta.get("article:published_time", "").startswith("2025-12-03")
    block = next(b for b in blocks if b.text.startswith("The police"))
    assert PAGE[block.start:block.end].startswith("The police said <b>12 people</b>")


def test_a_page_without_paragraphs_gives_no_blocks() -> None:
    blocks, _, title, _, _ = _html_blocks("a", "<html><body><script>x()</script></body></html>")
    assert blocks == [] and title is None
