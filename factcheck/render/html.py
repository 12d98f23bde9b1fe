"""HTML renderer: one self-contained page an editor opens in a browser (no script, no request beyond the file).

The page shows the sources side by side (claim groups as rows, changed words marked), a card per finding whose
evidence links into the full text of each article, the quote ledger and the lineage when the report has one. It is
built from the report and its records with a Jinja2 template whose autoescaping is on: article text only ever
enters the page as escaped text, and the page's Content-Security-Policy forbids scripts and requests besides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from factcheck.io import atomic_write
from factcheck.models import Article, ClaimType, Finding, FindingKind, Report
from factcheck.render.diffs import changed_words, finding_diffs, mark_words
from factcheck.render.locate import paragraph_of
from factcheck.render.records import as_records
from factcheck.render.safe import printable
from factcheck.render.summary import (
    diverging_sources,
    finding_message,
    lineage_lines,
    most_serious,
    names_of,
    scorecard,
)

SEVERITY_LABEL = {"error": "error", "warning": "warning", "info": "note"}
KIND_LABEL = {k.value: k.value.replace("_", " ") for k in FindingKind}


#: The templates compiled ahead (``python -m factcheck.render --compile``; ``make setup`` runs it), as Jinja2's
#: own bytecode: compiling the report's template took a fifth of the serial end of a cold audit. Jinja2 checks each
#: against its template's source (and the Python that wrote it) and compiles the template again where they differ,
#: so an edited template is never rendered from stale code. Run time only reads here.
COMPILED = Path(__file__).parent / "templates" / "compiled"


def compiled_code(folder: Path):  # type: ignore[no-untyped-def]
    """Jinja2's bytecode cache over ``folder``: read when a template loads, written only by
    :func:`compile_templates` (``writing``)."""
    from jinja2 import BytecodeCache

    class Compiled(BytecodeCache):
        writing = False

        def load_bytecode(self, bucket) -> None:  # type: ignore[no-untyped-def]
            try:
                with open(folder / f"{bucket.key}.cache", "rb") as fh:
                    bucket.load_bytecode(fh)  # Jinja2 drops it if the source or the Python differ
            except OSError:
                pass
            except Exception:  # noqa: BLE001 - a damaged file: the template is compiled from its source
                bucket.reset()

        def dump_bytecode(self, bucket) -> None:  # type: ignore[no-untyped-def]
            if self.writing:
                atomic_write(folder / f"{bucket.key}.cache", bucket.bytecode_to_string())

    return Compiled()


@lru_cache(maxsize=1)
def environment():  # type: ignore[no-untyped-def]
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("factcheck.render", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      bytecode_cache=compiled_code(COMPILED))
    env.filters["printable"] = printable
    return env


def compile_templates() -> list[str]:
    """Write the templates' compiled code to :data:`COMPILED`; the templates compiled."""
    env = environment()
    env.bytecode_cache.writing = True
    try:
        names = [n for n in env.list_templates() if n.endswith(".j2")]
        for name in names:
            env.cache.clear()  # a template already loaded in this process is compiled (and written) again
            env.get_template(name)
    finally:
        env.bytecode_cache.writing = False
    return names


@dataclass
class Segment:
    """A run of an article's text: ``anchors`` are the evidence ids that start here, ``cited`` the findings
    whose evidence covers it, ``level`` the most serious of their severities."""

    text: str
    anchors: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    level: str = ""


def source_letter(k: int) -> str:
    return chr(ord("A") + k) if k < 26 else str(k + 1)


def _anchor(k: int, start: int, end: int) -> str:
    return f"s{k}-{start}-{end}"


def _segments(raw: str, spans: list[tuple[int, int, str, str, str]]) -> list[Segment]:
    """``raw`` cut at every span edge; ``spans`` are ``(start, end, anchor, finding id, severity)``."""
    order = {"error": 3, "warning": 2, "info": 1, "": 0}
    cuts = sorted({0, len(raw), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        seg = Segment(raw[a:b])
        for s, e, anchor, fid, sev in spans:
            if s == a and anchor not in seg.anchors:
                seg.anchors.append(anchor)
            if s <= a and b <= e and s < e:
                if fid not in seg.cited:
                    seg.cited.append(fid)
                if order[sev] > order[seg.level]:
                    seg.level = sev
        out.append(seg)
    return out


def _pieces(text: str, letters: dict[str, str]) -> list[tuple[str, str]]:
    """``text`` cut into ``("", words)`` and ``(letter, source id)`` runs, so the page can show each source id
    a message names as its column letter (the id stays in the page as the letter's title)."""
    import re

    if not letters:
        return [("", text)]
    pattern = re.compile("|".join(re.escape(s) for s in sorted(letters, key=len, reverse=True)))
    out: list[tuple[str, str]] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append(("", text[pos:m.start()]))
        out.append((letters[m.group(0)], m.group(0)))
        pos = m.end()
    if pos < len(text):
        out.append(("", text[pos:]))
    return out


def _cells(ids: list[str], members: dict[str, list[Any]], changes: dict[str, list],
           odd: set[str] | None = None) -> list[dict]:
    cells = []
    for k, sid in enumerate(ids):
        claims = members.get(sid, [])
        cells.append({"source": sid, "letter": source_letter(k), "odd": sid in (odd or ()),
                      "texts": [mark_words(text, changes.get(sid, [])) for text in claims]})
    return cells


def build_view(report: Report, title: str = "factcheck audit", records: dict[str, Any] | None = None) -> dict:
    """Everything the template shows, from the report and its records (no analysis is redone here)."""
    records = records if records is not None else as_records(report)
    ids = [s.id for s in report.sources]
    index = {sid: k for k, sid in enumerate(ids)}
    articles: dict[str, Article] = {a.id: a for a in report.articles}
    claims = {c.id: c for c in report.claims}
    diffs = {f.id: finding_diffs(f) for f in report.findings}
    ranks = {f.id: f.rank or k for k, f in enumerate(report.findings, 1)}
    by_group: dict[str, list[Finding]] = {}
    for f in report.findings:
        if f.group:
            by_group.setdefault(f.group, []).append(f)

    sources = []
    for k, (s, score) in enumerate(zip(report.sources, scorecard(report))):
        sources.append({"id": s.id, "name": s.name or s.id, "letter": source_letter(k), "title": s.title,
                        "path": s.path,
                        "published": s.published.isoformat() if s.published else "", "claims": s.claims,
                        "corroborated": f"{score.corroborated:.0%}", "unique": score.unique,
                        "altered_quotes": score.altered_quotes, "omissions": score.omissions,
                        "anchor": f"src{k}"})

    def group_changes(group_id: str, quotes: bool) -> dict[str, list]:
        out: dict[str, list] = {}
        for f in by_group.get(group_id, []):
            if quotes and f.kind != FindingKind.QUOTE_DIVERGENCE:
                continue
            for d in diffs[f.id]:
                for sid in (d.source_a, d.source_b):
                    out.setdefault(sid, []).extend(changed_words(d, sid))
        return out

    rows = []
    for g in sorted((g for g in report.groups if len(g.sources) >= 2), key=lambda g: int(g.id[1:])):
        members: dict[str, list[str]] = {}
        for cid in g.claims:
            members.setdefault(claims[cid].source, []).append(claims[cid].text)
        found = by_group.get(g.id, [])
        odd = diverging_sources(report, g)
        rows.append({"id": g.id, "status": g.status.value, "anchor": f"g-{g.id}", "flagged": bool(odd),
                     "findings": [{"id": f.id, "kind": KIND_LABEL[f.kind.value], "rank": ranks[f.id],
                                   "severity": f.severity.value} for f in found],
                     "cells": _cells(ids, members, group_changes(g.id, quotes=False), odd)})

    ledger = []
    by_speaker: dict[str, list] = {}
    for g in report.groups:
        quoted = [claims[c] for c in g.claims if claims[c].type == ClaimType.QUOTE]
        if quoted:
            speaker = next((c.speaker for c in quoted if c.speaker), None) or "(no speaker found)"
            by_speaker.setdefault(speaker, []).append((g, quoted))
    for speaker in sorted(by_speaker, key=lambda s: (-len(by_speaker[s]), s)):
        remarks = []
        for g, quoted in by_speaker[speaker]:
            members = {}
            for c in quoted:
                members.setdefault(c.source, []).append(c.quote or c.text)
            found = [f for f in by_group.get(g.id, []) if f.kind == FindingKind.QUOTE_DIVERGENCE]
            remarks.append({"id": g.id, "anchor": f"g-{g.id}" if len(g.sources) >= 2 else "",
                            "findings": [f.id for f in found],
                            "cells": _cells(ids, members, group_changes(g.id, quotes=True))})
        ledger.append({"speaker": speaker, "remarks": remarks})

    spans: dict[str, list[tuple[int, int, str, str, str]]] = {sid: [] for sid in ids}
    cards = []
    for rank, f in enumerate(report.findings, 1):
        evidence = []
        for e in f.evidence:
            at = index.get(e.source)
            article = articles.get(e.source)
            anchor = _anchor(at, e.start, e.end) if at is not None and article is not None else ""
            if anchor:
                spans[e.source].append((e.start, e.end, anchor, f.id, f.severity.value))
            evidence.append({"source": e.source, "letter": source_letter(at) if at is not None else "?",
                             "role": e.role, "text": e.text, "start": e.start, "end": e.end, "anchor": anchor,
                             "where": paragraph_of(article, e.start) if article is not None else None})
        shown_diffs = []
        for d in diffs[f.id]:
            shown_diffs.append({"a": d.source_a, "b": d.source_b,
                                "a_letter": source_letter(index[d.source_a]) if d.source_a in index else "?",
                                "b_letter": source_letter(index[d.source_b]) if d.source_b in index else "?",
                                "ops": [{"op": o.op, "a": o.a, "b": o.b} for o in d.ops]})
        letter_of = {sid: source_letter(k) for k, sid in enumerate(ids)}
        details = [(_pieces(k, letter_of), _pieces(v, letter_of)) for k, v in f.details
                   if not k.startswith(("diff ", "claim "))]
        cards.append({"id": f.id, "anchor": f"f-{f.id}", "rank": rank, "kind": KIND_LABEL[f.kind.value],
                      "severity": f.severity.value, "severity_label": SEVERITY_LABEL[f.severity.value],
                      "message": finding_message(f, report), "group": f.group,
                      "pieces": _pieces(finding_message(f, report),
                                        {sid: source_letter(k) for k, sid in enumerate(ids)}),
                      "group_anchor": f"g-{f.group}" if f.group and any(r["id"] == f.group for r in rows) else "",
                      "sources": [{"id": s, "letter": source_letter(index[s]) if s in index else "?"}
                                  for s in f.sources],
                      "evidence": evidence, "diffs": shown_diffs, "details": details})

    texts = []
    for k, sid in enumerate(ids):
        article = articles.get(sid)
        if article is None:
            continue
        texts.append({"id": sid, "name": names_of(report)[sid], "letter": source_letter(k), "anchor": f"src{k}",
                      "title": article.title,
                      "segments": _segments(article.raw, spans[sid])})

    serious = [next(c for c in cards if c["id"] == f.id) for f in most_serious(report)]
    summary = records["summary"]
    return {"title": title, "records": records, "summary": summary, "sources": sources, "rows": rows,
            "ledger": ledger, "cards": cards, "serious": serious, "texts": texts, "notes": list(report.notes),
            "lineage": records.get("lineage"), "kinds": [(KIND_LABEL[k], n) for k, n in summary["findings"].items()],
            "tool": records["tool"], "letters": {sid: source_letter(k) for k, sid in enumerate(ids)},
            "names": names_of(report), "lineage_lines": lineage_lines(report)}


def render_html(report: Report, title: str = "factcheck audit", records: dict[str, Any] | None = None) -> str:
    """The report as one HTML document (UTF-8, styles inline, nothing fetched)."""
    return environment().get_template("report.html.j2").render(**build_view(report, title, records))
