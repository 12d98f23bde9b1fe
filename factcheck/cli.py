"""The command line: a thin layer over :func:`factcheck.audit`. Exit codes: 0 nothing at or above the failing
severity, 1 findings that fail, 2 usage, config or input errors."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import click

from factcheck.config import load_config
from factcheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FactcheckError
from factcheck.models import OutputFormat, Report, Severity


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
def cli() -> None:
    """factcheck: which facts do news sources agree on, drop, invent, or change?"""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice([f.value for f in OutputFormat]), default="rich",
              show_default=True, help="Output format on stdout (or in -o FILE).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE instead of stdout.")
@click.option("--model", help="Embedding model: a packaged model name or a local folder.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="A TOML config file.")
@click.option("--reports-dir", help="Folder for the Markdown report (default: reports).")
@click.option("--no-markdown", is_flag=True, help="Do not write the Markdown report under the reports folder.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the embedding cache.")
@click.option("--cache-dir", help="Folder for the embedding cache (default: claims).")
@click.option("--fail-on", help="Exit 1 when a finding at or above this severity (error|warning|info) or of these "
              "kinds (KIND[,KIND]) is found. Default: error.")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 when the audit ran (for rollout).")
@click.option("--max-article-bytes", type=int, help="Refuse articles larger than this.")
def audit(paths: tuple[str, ...], fmt: str, output: str | None, model: str | None, config_file: str | None,
          reports_dir: str | None, no_markdown: bool, no_cache: bool, cache_dir: str | None, fail_on: str | None,
          exit_zero: bool, max_article_bytes: int | None) -> None:
    """Audit the articles in PATHS (files or folders) for cross-source consistency."""
    from factcheck.api import audit as run_audit
    from factcheck.io import atomic_write
    from factcheck.render import render_json, render_markdown, render_rich

    overrides = {"model": model, "reports_dir": reports_dir, "cache_dir": cache_dir, "fail_on": fail_on,
                 "max_article_bytes": max_article_bytes, "use_cache": False if no_cache else None}
    config = load_config(config_file, overrides)
    report = run_audit(list(paths), config)
    name = report_name(paths)
    title = f"factcheck audit: {name}"
    if not no_markdown:
        md_path = Path(config.reports_dir) / f"{name}.md"
        atomic_write(md_path, render_markdown(report, title=title))
    if fmt == OutputFormat.JSON.value:
        text = render_json(report)
    elif fmt == OutputFormat.MARKDOWN.value:
        text = render_markdown(report, title=title)
    else:
        text = None
    if output:
        if text is None:
            buf = io.StringIO()
            from rich.console import Console

            render_rich(report, Console(file=buf, width=120, force_terminal=False, color_system=None), title=title)
            text = buf.getvalue()
        atomic_write(output, text)
    elif text is not None:
        click.echo(text, nl=False)
    else:
        from rich.console import Console

        render_rich(report, Console(), title=title)
    if not exit_zero and failing(report, config.fail_on):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def main(argv: list[str] | None = None) -> None:
    """Entry point: every error becomes one line on stderr and exit code 2, never a traceback."""
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


if __name__ == "__main__":  # pragma: no cover
    main()
