"""The command line: a thin layer over :func:`factcheck.audit` and :mod:`factcheck.baseline`.

Exit codes (:mod:`factcheck.errors`): ``EXIT_OK`` (0) nothing at or above the failing threshold, ``EXIT_FINDINGS``
(1) findings that fail, ``EXIT_USAGE`` (2) usage, config or input errors (one line on stderr, never a traceback).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from factcheck.config import Config, config_files, load_config
from factcheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FactcheckError
from factcheck.models import FindingKind, OutputFormat, Report, Severity
from factcheck.version import __version__

KINDS = [k.value for k in FindingKind]
DEFAULT_BASELINE = "factcheck-baseline.json"


def report_name(paths: tuple[str, ...]) -> str:
    """A file-name-safe name for the report of these inputs: the folder or file name."""
    first = Path(paths[0])
    name = first.resolve().name if first.is_dir() else first.stem
    if len(paths) > 1 and not first.is_dir():
        name = f"{name}-and-{len(paths) - 1}-more"
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "audit"


def failing(report: Report, fail_on: str) -> bool:
    """Whether the report has a finding at or above ``fail_on`` (a severity or a comma list of kinds)."""
    levels = {s.value: s.rank for s in Severity}
    if fail_on in ("never", "none"):
        return False
    if fail_on in levels:
        return any(f.severity.rank >= levels[fail_on] for f in report.findings)
    kinds = {k.strip() for k in fail_on.split(",") if k.strip()}
    return any(f.kind.value in kinds for f in report.findings)


def exit_code(report: Report, fail_on: str, exit_zero: bool = False) -> int:
    """``EXIT_FINDINGS`` when a finding fails the threshold (and ``exit_zero`` is off), else ``EXIT_OK``."""
    return EXIT_FINDINGS if not exit_zero and failing(report, fail_on) else EXIT_OK


# --------------------------------------------------------------------------------------------------------------
# options shared by `audit` and `baseline create`


def _kind_list(values: tuple[str, ...]) -> list[str] | None:
    items = [k.strip() for v in values for k in v.split(",") if k.strip()]
    return items or None


def _severity_pairs(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str] | None:
    out: dict[str, str] = {}
    for value in values:
        kind, sep, level = value.partition("=")
        kind, level = kind.strip(), level.strip().lower()
        if not sep or not kind or not level:
            raise click.BadParameter(f"{value!r} is not KIND=LEVEL (e.g. omission=warning)", ctx, param)
        if kind not in KINDS:
            raise click.BadParameter(f"unknown finding kind {kind!r} (known: {', '.join(KINDS)})", ctx, param)
        if level not in {s.value for s in Severity}:
            raise click.BadParameter(f"{kind}={level!r}: the level must be error, warning or info", ctx, param)
        out[kind] = level
    return out or None


def _name_pairs(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str] | None:
    out: dict[str, str] = {}
    for value in values:
        sid, sep, name = value.partition("=")
        if not sep or not sid.strip() or not name.strip():
            raise click.BadParameter(f"{value!r} is not ID=NAME (e.g. 004_e1192160ed273444=Reuters)", ctx, param)
        out[sid.strip()] = " ".join(name.split())
    return out or None


_ANALYSIS_OPTIONS = [
    click.option("--config", "config_file", type=click.Path(dir_okay=False),
                 help="A TOML config file (its [tool.factcheck] table, or top-level keys); wins over pyproject.toml."),
    click.option("--model", help="Embedding model: a packaged model name or a local folder."),
    click.option("--checks", "checks", multiple=True, metavar="KIND[,KIND]",
                 help="Only these finding kinds (replaces the configured list)."),
    click.option("--disable", "disable", multiple=True, metavar="KIND[,KIND]",
                 help="Leave these finding kinds out (repeatable)."),
    click.option("--severity", "severity", multiple=True, metavar="KIND=LEVEL", callback=_severity_pairs,
                 help="Severity (error, warning, info) of a finding kind (repeatable)."),
    click.option("--group-threshold", type=float, help="Similarity at which statements align (0..1)."),
    click.option("--quote-threshold", type=float, help="Shared-word share for two quotes to be one remark (0..1)."),
    click.option("--repeat-threshold", type=float, help="Similarity at which a source's repeat joins a group."),
    click.option("--omission-share", type=float, help="Share of other sources carrying a claim for an omission."),
    click.option("--neighbours", type=int, help="Nearest neighbours searched per claim when aligning."),
    click.option("--no-cache", is_flag=True, help="Neither read nor write the embedding cache."),
    click.option("--cache-dir", help="Folder for the embedding cache (default: claims)."),
    click.option("--max-article-bytes", type=int, help="Refuse articles larger than this."),
    click.option("--run-on-words", type=int,
                 help="Words of run-on text (no full stop for over 100 words) read per article."),
    click.option("--jobs", type=int, help="Audit a batch's stories in this many local processes."),
    click.option("--name", "name", multiple=True, metavar="ID=NAME", callback=_name_pairs,
                 help="Show source ID as NAME in the reports (repeatable); JSON keeps the id."),
    click.option("--scheduler", help="Send a batch's stories to this Dask scheduler (tcp://host:8786)."),
]


def analysis_options(func: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_ANALYSIS_OPTIONS):
        func = option(func)
    return func


def _report_pairs(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str] | None:
    out: dict[str, str] = {}
    formats = [f.value for f in OutputFormat]
    for value in values:
        fmt, sep, path = value.partition("=")
        fmt, path = fmt.strip().lower(), path.strip()
        if not sep or fmt not in formats or not path:
            raise click.BadParameter(f"{value!r} is not FORMAT=PATH with FORMAT one of {', '.join(formats)}", ctx,
                                     param)
        out[fmt] = path
    return out or None


def _overrides(opts: dict[str, Any]) -> dict[str, Any]:
    """Config overrides from the command line's options; options not given are ``None`` and change nothing."""
    return {
        "model": opts.get("model"), "checks": _kind_list(opts.get("checks") or ()),
        "disable": _kind_list(opts.get("disable") or ()), "severities": opts.get("severity"),
        "group_threshold": opts.get("group_threshold"), "quote_threshold": opts.get("quote_threshold"),
        "repeat_threshold": opts.get("repeat_threshold"), "omission_share": opts.get("omission_share"),
        "neighbours": opts.get("neighbours"), "cache_dir": opts.get("cache_dir"),
        "use_cache": False if opts.get("no_cache") else None, "max_article_bytes": opts.get("max_article_bytes"),
        "run_on_words": opts.get("run_on_words"),
        "reports_dir": opts.get("reports_dir"), "fail_on": opts.get("fail_on"), "format": opts.get("fmt"),
        "output": opts.get("output"), "reports": opts.get("report"), "baseline": opts.get("baseline"),
        "markdown": False if opts.get("no_markdown") else None, "jobs": opts.get("jobs"),
        "scheduler": opts.get("scheduler"), "names": opts.get("name"),
    }


def _write(path: str, text: str) -> None:
    from factcheck.io import atomic_write

    atomic_write(path, text)


# --------------------------------------------------------------------------------------------------------------
# commands


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="factcheck")
def cli() -> None:
    """factcheck: which facts do news sources agree on, drop, invent, or change?"""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice([f.value for f in OutputFormat]),
              help="Output format on stdout (or in -o FILE). Default: rich.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE instead of stdout.")
@click.option("--report", "report", multiple=True, metavar="FORMAT=PATH", callback=_report_pairs,
              help="Also write the report in FORMAT to PATH, from the same run (repeatable), e.g. sarif=out.sarif.")
@click.option("--reports-dir", help="Folder for the Markdown report (default: reports).")
@click.option("--no-markdown", is_flag=True, help="Do not write the Markdown report under the reports folder.")
@click.option("--fail-on", metavar="LEVEL|KIND[,KIND]",
              help="Exit 1 when a finding at or above this severity (error|warning|info), or of these kinds, is "
              "found; 'never' never fails. Default: error.")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 when the audit ran (for rollout).")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Report only findings not in this baseline file (see `factcheck baseline create`).")
@click.option("--show-config", is_flag=True, help="Print the effective configuration as JSON and exit.")
@analysis_options
def audit(paths: tuple[str, ...], show_config: bool, exit_zero: bool, **opts: Any) -> None:
    """Audit the articles in PATHS (files or folders) for cross-source consistency."""
    config = load_config(opts.get("config_file"), _overrides(opts))
    if show_config:
        files = [str(p) for p in config_files(opts.get("config_file"))]
        click.echo(json.dumps({"files": files, "config": dataclasses.asdict(config)}, indent=2))
        sys.exit(EXIT_OK)
    if not paths:
        raise click.UsageError("name at least one article file or folder (PATHS)")
    sys.exit(run_audit(paths, config, exit_zero))


def run_audit(paths: tuple[str, ...], config: Config, exit_zero: bool = False) -> int:
    """Audit (a batch is split into stories), apply the baseline, write the reports, return the exit code."""
    from factcheck.api import audit_batch
    from factcheck.baseline import apply_baseline, load_baseline, summary_record

    baseline = load_baseline(config.baseline) if config.baseline else None  # a bad baseline fails before the audit
    batch = audit_batch(list(paths), config, jobs=config.jobs, scheduler=config.scheduler, one_shot=True)
    name = report_name(paths)
    stories: list[tuple[str, str, Report, dict[str, Any] | None]] = []
    stale_keys: list[set[str]] = []
    for story in batch.stories:
        report = story.report
        if batch.notes and len(batch.stories) == 1:
            report = dataclasses.replace(report, notes=(*batch.notes, *report.notes))
        record = None
        if baseline is not None:
            filtered, stale = apply_baseline(report, baseline)
            record = summary_record(baseline, report, filtered, stale)
            stale_keys.append({json.dumps(e.as_record(), sort_keys=True) for e in stale})
            report = filtered
        stories.append((story.id, story.title, report, record))
    if baseline is not None and len(stories) > 1:
        # An entry is stale only when no story matched it.
        still = set.intersection(*stale_keys) if stale_keys else set()
        stories = [(sid, t, r, {**rec, "stale": [x for x in rec["stale"]
                                                 if json.dumps(x, sort_keys=True) in still]} if rec else rec)
                   for sid, t, r, rec in stories]
    if len(stories) == 1:
        _, _, report, record = stories[0]
        _single(report, record, name, config)
        return exit_code(report, config.fail_on, exit_zero)
    _batch(stories, list(batch.notes), name, config)
    worst = max(exit_code(r, config.fail_on, exit_zero) for _, _, r, _ in stories)
    return worst


def _markdown_with_heatmap(report: Report, folder: Path, stem: str, title: str) -> str:
    """The Markdown report, its coverage heatmap written beside it as ``<stem>-coverage.svg`` and linked
    relatively (so the file and its picture can be moved together)."""
    from factcheck.render import render_markdown
    from factcheck.render.heatmap import coverage_svg

    svg = coverage_svg(report)
    image = None
    if svg is not None:
        _write(str(folder / f"{stem}-coverage.svg"), svg)
        image = f"{stem}-coverage.svg"
    return render_markdown(report, title=title, image=image)


def _single(report: Report, record: dict[str, Any] | None, name: str, config: Config) -> None:
    from factcheck.render import render, render_rich

    title = f"factcheck audit: {name}"
    written: list[str] = []  # the human-readable reports on disk, for the terminal report to point at

    def text_of(fmt: OutputFormat) -> str:
        return render(report, fmt, title=title, baseline=record, checks=config.checks, severities=config.severities)

    def write(fmt: OutputFormat, path: str) -> None:
        if fmt is OutputFormat.MARKDOWN:
            target = Path(path)
            _write(path, _markdown_with_heatmap(report, target.parent, target.stem, title))
        else:
            _write(path, text_of(fmt))
        if fmt in (OutputFormat.MARKDOWN, OutputFormat.HTML):
            written.append(path)

    if config.markdown:
        folder = Path(config.reports_dir)
        write(OutputFormat.MARKDOWN, str(folder / f"{name}.md"))
        write(OutputFormat.HTML, str(folder / f"{name}.html"))
    for extra, path in config.reports.items():
        write(OutputFormat(extra), path)
    fmt = OutputFormat(config.format)
    if fmt is OutputFormat.RICH and not config.output:
        from rich.console import Console

        render_rich(report, Console(), title=title, written=written)
    elif config.output:
        write(fmt, config.output)
    else:
        click.echo(text_of(fmt), nl=False)


def _batch(stories: list[tuple[str, str, Report, dict[str, Any] | None]], notes: list[str], name: str,
           config: Config) -> None:
    """One report per story (``reports/<name>/<story>.md``), an index report, and the batch in the chosen format."""
    from factcheck.render import render
    from factcheck.render.batch import combine, render_index

    if config.markdown:
        folder = Path(config.reports_dir) / name
        for sid, title, report, _ in stories:
            _write(str(folder / f"{sid}.md"), _markdown_with_heatmap(report, folder, sid, f"factcheck story: {title}"))
            _write(str(folder / f"{sid}.html"), render(report, OutputFormat.HTML, title=f"factcheck story: {title}"))
        _write(str(Path(config.reports_dir) / f"{name}.md"),
               render_index([(sid, title, r) for sid, title, r, _ in stories], notes, name, f"{name}/"))

    def text_of(fmt: OutputFormat) -> str:
        parts = [(sid, title, render(r, fmt, title=f"factcheck story: {title}", baseline=rec, checks=config.checks,
                                     severities=config.severities)) for sid, title, r, rec in stories]
        return combine(fmt, parts, [(sid, title, r) for sid, title, r, _ in stories], notes, name)

    for extra, path in config.reports.items():
        _write(path, text_of(OutputFormat(extra)))
    if config.output:
        _write(config.output, text_of(OutputFormat(config.format)))
    else:
        click.echo(text_of(OutputFormat(config.format)), nl=False)


@cli.group()
def baseline() -> None:
    """Accept the current findings, so later audits report only new ones."""


@baseline.command("create")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help=f"The baseline file to write. Default: the configured baseline, else {DEFAULT_BASELINE}.")
@analysis_options
def baseline_create(paths: tuple[str, ...], output: str | None, **opts: Any) -> None:
    """Audit PATHS and record every finding as accepted in a baseline file."""
    from factcheck.api import audit as audit_paths
    from factcheck.baseline import create_baseline, dumps

    config = load_config(opts.get("config_file"), _overrides(opts))
    output = output or config.baseline or DEFAULT_BASELINE
    report = audit_paths(list(paths), config)
    _write(output, dumps(create_baseline(report, output)))
    n = len(report.findings)
    click.echo(f"factcheck: wrote {n} accepted finding{'s' if n != 1 else ''} to {output}", err=True)
    sys.exit(EXIT_OK)


#: Math libraries' thread pools for the command's process, unless the user set them. factcheck's matrices are small
#: and spaCy and the alignment run BLAS on one thread anyway (threadpoolctl), while OpenBLAS starts a pool of
#: threads when numpy loads, and another when scipy does, which only spin: about 0.2 s of CPU of a cold audit on two
#: cores. Set before numpy loads (``import factcheck`` does not load it); the library alone never changes them.
MATH_THREADS = {"OPENBLAS_NUM_THREADS": "1"}


def main(argv: list[str] | None = None) -> None:
    """Entry point: every error becomes one line on stderr and exit code 2, never a traceback."""
    for var, value in MATH_THREADS.items():
        os.environ.setdefault(var, value)
    try:
        cli.main(args=argv, prog_name="factcheck", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("factcheck: aborted", err=True)
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        click.echo(f"factcheck: error: {exc.format_message()}", err=True)
        sys.exit(EXIT_USAGE)
    except FactcheckError as exc:
        click.echo(f"factcheck: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        click.echo(f"factcheck: error: unexpected {type(exc).__name__}: {exc} (set FACTCHECK_DEBUG=1 for details)",
                   err=True)
        sys.exit(EXIT_USAGE)
    finally:
        # The process is about to exit. Without this, the interpreter's last garbage collections walk every object
        # torch and transformers created: about a second after the work is done.
        import gc

        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main()
