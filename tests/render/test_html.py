"""The HTML report, checked in a real browser: headless Chromium loads it from ``file://`` and every fact below is
read from the DOM it built, not from the HTML string. ``make test`` installs Debian's ``chromium`` when it is
missing; the browser tests skip (saying why) only when no browser could be installed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.render import render_html
from tests.browser import Chromium, find_chromium
from tests.clirun import run_cli
from tests.conftest import ROOT

BROWSER = find_chromium()
needs_browser = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium: `make test` installs Debian's chromium (apt-get install -y chromium); "
    "it could not be installed here, so the HTML report was not checked in a browser")

# Read from the page by DevTools (the page itself runs no script: its CSP forbids any).
DOM_FACTS = """(() => {
  const ids = [...document.querySelectorAll('#side-by-side thead th[data-source]')].map(th => th.dataset.source);
  const cards = [...document.querySelectorAll('article.card[data-finding]')].map(a => a.dataset.finding);
  const evidence = [...document.querySelectorAll('article.card a.ev')].map(a => {
    const target = document.getElementById(a.getAttribute('href').slice(1));
    let text = null, source = null;
    if (target) {
      const box = target.closest('article.fulltext');
      source = box ? box.dataset.source : null;
      const body = target.closest('.text');
      if (body) { const r = document.createRange(); r.setStartAfter(target); r.setEnd(body, body.childNodes.length);
                  text = r.toString(); }
    }
    return {card: a.closest('article.card').dataset.finding, href: a.getAttribute('href'), found: !!target,
            source, following: text === null ? null : text.slice(0, 400)};
  });
  const links = [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href'))
    .filter(h => h.length > 1 && !document.getElementById(h.slice(1)));
  const h1 = document.querySelectorAll('h1').length;
  const unscoped = [...document.querySelectorAll('th')].filter(th => !th.getAttribute('scope')).length;
  return {ids, cards, evidence, broken: links, h1, unscoped, lang: document.documentElement.lang,
          scripts: document.scripts.length, title: document.title};
})()"""


@pytest.fixture(scope="module")
def seeds_page(seed_report, tmp_path_factory) -> tuple[Path, object]:
    """The seeds report as HTML, from the audit with the packaged model."""
    page = tmp_path_factory.mktemp("html") / "seeds.html"
    page.write_text(render_html(seed_report, title="factcheck audit: seeds"), encoding="utf-8")
    return page, seed_report


@pytest.fixture(scope="module")
def seeds_dom(seeds_page) -> dict:
    page, _ = seeds_page
    assert BROWSER is not None
    with Chromium(BROWSER, width=1400, height=1000) as browser:
        browser.load(page.resolve().as_uri())
        facts = browser.evaluate(DOM_FACTS)
        facts["requests"] = browser.requests()
        facts["errors"] = browser.console_errors()
        facts["dialogs"] = browser.dialogs()
        # The screenshot kept for people to look at (reports/ is not tracked).
        browser.screenshot(ROOT / "reports" / "seeds-html.png", full_page=True, max_height=16000)
    return facts


@needs_browser
def test_seeds_report_has_every_column_card_and_anchor(seeds_page, seeds_dom) -> None:
    _, report = seeds_page
    assert seeds_dom["ids"] == [s.id for s in report.sources], "one column per source, in order"
    assert seeds_dom["cards"] == [f.id for f in report.findings], "one card per finding, in rank order"
    evidence = [(f.id, e) for f in report.findings for e in f.evidence]
    assert len(seeds_dom["evidence"]) == len(evidence)
    for (fid, e), got in zip(evidence, seeds_dom["evidence"]):
        assert got["card"] == fid and got["found"], got
        assert got["source"] == e.source, got
        # The anchor stands where the cited words start in the article's full text.
        assert got["following"].startswith(e.text[:400]), (e.text[:80], got["following"][:80])
    assert seeds_dom["broken"] == [], "every in-page link has a target"


@needs_browser
def test_seeds_report_is_offline_and_quiet(seeds_dom) -> None:
    assert seeds_dom["requests"], "the page load was seen"
    assert all(url.startswith("file://") for url in seeds_dom["requests"]), seeds_dom["requests"]
    assert seeds_dom["errors"] == [] and seeds_dom["dialogs"] == []
    assert seeds_dom["scripts"] == 0


@needs_browser
def test_seeds_report_structure_for_assistive_technology(seeds_dom) -> None:
    assert seeds_dom["lang"] == "en" and seeds_dom["h1"] == 1
    assert seeds_dom["unscoped"] == 0, "every table header says whether it heads a row or a column"
    assert (ROOT / "reports" / "seeds-html.png").stat().st_size > 10_000


HOSTILE_A = ("Mayor Speaks After Storm\n\n"
             "Mayor Jane Ortiz said “<script>window.__pwned = 1</script> is <img src=x onerror=\"window.__pwned = 2\">"
             " here” on Monday.\n\n"
             "The council voted 7 to 2 after <a href=\"javascript:window.__pwned=3\">this link</a> and "
             "[x](javascript:alert(1)) were posted.\n\n"
             "<style>body { display: none }</style> Officials met in Geneva on Monday, the mayor said.\n")
HOSTILE_B = ("Mayor Speaks After The Storm\n\n"
             "Mayor Jane Ortiz said “<script>window.__pwned = 1</script> is <img src=x onerror=\"window.__pwned = 2\">"
             " there” on Monday.\n\n"
             "The council voted 6 to 3 after <a href=\"javascript:window.__pwned=3\">this link</a> and "
             "[x](javascript:alert(1)) were posted.\n\n"
             "<style>body { display: none }</style> Officials met in Geneva on Monday, the mayor said.\n")

HOSTILE_FACTS = """(() => ({
  pwned: typeof window.__pwned === 'undefined' ? null : window.__pwned,
  scripts: document.scripts.length,
  images: document.images.length,
  styles: document.querySelectorAll('style').length,
  handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes].map(a => a.name))
    .filter(n => n.startsWith('on')),
  jsLinks: [...document.querySelectorAll('[href]')].map(el => el.getAttribute('href'))
    .filter(h => h.trim().toLowerCase().startsWith('javascript:')),
  visible: getComputedStyle(document.body).display,
  text: document.body.innerText,
  cards: document.querySelectorAll('article.card').length,
}))()"""


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("hostile-html")
    (d / "a.txt").write_text(HOSTILE_A, encoding="utf-8")
    (d / "b.txt").write_text(HOSTILE_B, encoding="utf-8")
    for args in (["--format", "html", "-o", "out.html"], ["--format", "json", "-o", "out.json"]):
        result = run_cli(["audit", "a.txt", "b.txt", *args, "--exit-zero", "--no-cache", "--reports-dir", "reports"],
                         d, env={"FACTCHECK_EMBEDDER": "hashing"})
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return d


def test_cli_writes_html_beside_markdown(hostile_dir: Path) -> None:
    assert (hostile_dir / "out.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (hostile_dir / "reports" / "a-and-1-more.md").is_file()
    assert (hostile_dir / "reports" / "a-and-1-more.html").is_file(), "the HTML report beside the Markdown"
    assert json.loads((hostile_dir / "out.json").read_text())["schema"] == "factcheck.report/1"


def test_html_string_escapes_article_text(hostile_dir: Path) -> None:
    html = (hostile_dir / "out.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert 'href="javascript:' not in html.lower()


@needs_browser
@pytest.mark.parametrize("name", ["out.html", "reports/a-and-1-more.html"])
def test_hostile_text_renders_as_text(hostile_dir: Path, name: str) -> None:
    assert BROWSER is not None
    with Chromium(BROWSER) as browser:
        browser.load((hostile_dir / name).resolve().as_uri())
        facts = browser.evaluate(HOSTILE_FACTS)
        requests, errors, dialogs = browser.requests(), browser.console_errors(), browser.dialogs()
    assert facts["pwned"] is None and dialogs == [], "no article script ran"
    assert facts["scripts"] == 0 and facts["images"] == 0 and facts["styles"] == 1
    assert facts["handlers"] == [] and facts["jsLinks"] == []
    assert facts["visible"] != "none", "no article style applies"
    assert "<script>window.__pwned = 1</script>" in facts["text"]
    assert '<a href="javascript:window.__pwned=3">this link</a>' in facts["text"]
    assert "[x](javascript:alert(1))" in facts["text"]
    assert facts["cards"] >= 1
    assert all(url.startswith("file://") for url in requests), requests
    assert errors == []


@needs_browser
def test_batch_html_frames_each_story(tmp_path: Path) -> None:
    """A batch's HTML: an index of stories, each story's own report in a frame, and per-story HTML files."""
    batch = ROOT / "tests" / "data" / "mixed_batch.jsonl"
    result = run_cli(["audit", str(batch), "--format", "html", "-o", str(tmp_path / "batch.html"), "--exit-zero",
                      "--no-cache", "--reports-dir", str(tmp_path / "reports")], ROOT,
                     env={"FACTCHECK_EMBEDDER": "hashing"})
    assert result.returncode == 0, result.stderr
    stories = sorted((tmp_path / "reports" / "mixed_batch").glob("*.html"))
    assert stories and len(stories) == len(list((tmp_path / "reports" / "mixed_batch").glob("*.md")))
    assert BROWSER is not None
    with Chromium(BROWSER) as browser:
        browser.load((tmp_path / "batch.html").resolve().as_uri())
        facts = browser.evaluate("""(() => ({
          frames: [...document.querySelectorAll('iframe')].map(f => {
            const d = f.contentDocument;
            return d ? {cards: d.querySelectorAll('article.card').length, title: d.title} : null; }),
          rows: document.querySelectorAll('tbody tr').length}))()""")
        requests, errors = browser.requests(), browser.console_errors()
    assert facts["rows"] == len(stories) == len(facts["frames"])
    assert all(f is not None and f["title"].startswith("factcheck story") for f in facts["frames"]), facts
    assert all(url.startswith(("file://", "about:")) for url in requests), requests
    assert errors == []


def test_lineage_shown_when_the_report_has_one(tmp_path: Path, fake_embedder) -> None:
    import factcheck
    from factcheck.config import Config
    from factcheck.render.records import as_records

    (tmp_path / "a.txt").write_text("Officials met in Geneva on Monday.\n\nThe talks lasted six hours.\n")
    (tmp_path / "b.txt").write_text("Officials met in Geneva on Monday.\n\nThe talks lasted nine hours.\n")
    report = factcheck.audit([tmp_path], Config(use_cache=False), embedder=fake_embedder)
    plain = render_html(report)
    assert 'id="lineage"' in plain and "independent reporting" in plain, "two sources always have a lineage"
    records = {**as_records(report), "lineage": {
        "fullest": "a", "families": [["a", "b"]],
        "sources": {"a": {"follows": None, "shared_readings": 3, "carried_share": 1.0, "changes": []},
                    "b": {"follows": "a", "shared_readings": 3, "carried_share": 0.5, "changes": ["x<y"]}}}}
    html = render_html(report, records=records)
    assert 'id="lineage"' in html and "an original or independent" in html and "50%" in html
    assert "x&lt;y" in html and "x<y" not in html


@needs_browser
@pytest.mark.slow
def test_cli_seeds_html_loads_offline(seeds_cli: Path, tmp_path: Path) -> None:
    """`factcheck audit seeds/ --format html -o FILE` and the default run's reports/seeds.html, as the CLI writes
    them with the packaged model, load offline without a console error. (The seeds' claims and vectors come from a
    copy of ``seeds_cli``'s cache: the packaged model's, computed once per test run.)"""
    shutil.copytree(seeds_cli / "claims", tmp_path / "claims")
    result = run_cli(["audit", "seeds", "--format", "html", "-o", str(tmp_path / "seeds.html"), "--exit-zero",
                      "--cache-dir", str(tmp_path / "claims"), "--reports-dir", str(tmp_path / "reports")], ROOT,
                     env={"FACTCHECK_EMBEDDER": None})
    assert result.returncode == 0, result.stderr
    assert BROWSER is not None
    for page in (tmp_path / "seeds.html", tmp_path / "reports" / "seeds.html"):
        with Chromium(BROWSER) as browser:
            browser.load(page.resolve().as_uri())
            cards = browser.evaluate("document.querySelectorAll('article.card').length")
            columns = browser.evaluate("document.querySelectorAll('#side-by-side thead th[data-source]').length")
            requests, errors = browser.requests(), browser.console_errors()
        assert cards > 0 and columns == 5
        assert all(url.startswith("file://") for url in requests), requests
        assert errors == []


def test_templates_compiled_ahead_are_read_and_a_changed_template_is_compiled_again(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Jinja2 bytecode written ahead is what a template loads from (no compiling at run time); run time never
    writes it; a template whose source changed since is compiled again, never rendered from the stale code."""
    from jinja2 import DictLoader, Environment

    from factcheck.render.html import compiled_code

    def env(source: str, cache):  # type: ignore[no-untyped-def]
        return Environment(loader=DictLoader({"t.j2": source}), bytecode_cache=cache)

    reading = compiled_code(tmp_path / "compiled")
    assert env("Hello {{ who }}", reading).get_template("t.j2").render(who="you") == "Hello you"
    assert not (tmp_path / "compiled").exists()  # run time only reads

    writing = compiled_code(tmp_path / "compiled")
    writing.writing = True
    env("Hello {{ who }}", writing).get_template("t.j2")
    assert len(list((tmp_path / "compiled").glob("*.cache"))) == 1

    compiled: list[str] = []
    fresh = env("Hello {{ who }}", reading)
    fresh.compile = lambda *a, **k: compiled.append("x") or Environment.compile(fresh, *a, **k)  # type: ignore[method-assign]
    assert fresh.get_template("t.j2").render(who="you") == "Hello you" and not compiled  # read, not compiled
    edited = env("Goodbye {{ who }}", reading)
    assert edited.get_template("t.j2").render(who="you") == "Goodbye you"  # stale code dropped
    for damaged in (tmp_path / "compiled").glob("*.cache"):
        damaged.write_bytes(damaged.read_bytes()[:40])  # cut short (a setup killed while writing, say)
    assert env("Hello {{ who }}", reading).get_template("t.j2").render(who="you") == "Hello you"


@pytest.mark.slow
def test_the_shipped_templates_render_the_same_from_compiled_code(seed_report, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``python -m factcheck.render --compile`` writes both templates' code; the seeds page rendered from it is the
    page rendered from the templates' source."""
    from factcheck.render import html

    plain = html.render_html(seed_report)
    monkeypatch.setattr(html, "COMPILED", tmp_path / "compiled")
    html.environment.cache_clear()
    try:
        assert html.compile_templates() == ["batch.html.j2", "report.html.j2"]
        assert len(list((tmp_path / "compiled").glob("*.cache"))) == 2
        html.environment.cache_clear()
        compiled: list[str] = []
        env = html.environment()
        env.compile = lambda *a, **k: compiled.append("x")  # type: ignore[method-assign]
        assert html.render_html(seed_report) == plain and not compiled
    finally:
        html.environment.cache_clear()
