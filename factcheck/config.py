"""Configuration: one table of defaults, read from ``[tool.factcheck]`` in pyproject.toml or a config file.

Precedence: command-line flag > config file (``--config``) > ``[tool.factcheck]`` of the nearest pyproject.toml
> the defaults below. Each layer is applied on top of the one before: a ``severities`` table changes only the kinds it
names, ``checks`` replaces the list of enabled kinds and ``disable`` removes kinds from it. An error in a file names
the file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError
from factcheck.models import FindingKind, OutputFormat, Severity
from factcheck.rules import RULES

DEFAULT_SEVERITIES: dict[str, str] = {kind.value: rule.severity for kind, rule in RULES.items()}


@dataclass(frozen=True)
class Config:
    """Every setting of an audit, with its default.

    Attributes:
        model: embedding model: ``all-MiniLM-L6-v2-int8`` (int8 ONNX, no torch), ``all-MiniLM-L6-v2`` (the same
            model on torch, the ``torch`` extra) or a folder with a sentence-transformers model (``torch`` extra).
        group_threshold: cosine similarity at or above which two statements from different sources are aligned.
        quote_threshold: share of the shorter quotation's words found in the other for two quotes to be one remark.
        repeat_threshold: similarity at which a second claim of the same source may join a group (it repeats itself).
        neighbours: nearest neighbours searched per claim when aligning (keeps memory linear in claims).
        omission_share: a claim is an omission for a source when more than this share of the other sources carry it.
        checks: the finding kinds to report.
        severities: severity of each finding kind.
        fail_on: the CLI exits 1 when a finding at or above this severity (or of these kinds) is reported.
        cache_dir: folder for extracted claims and the embedding cache (``claims/``).
        use_cache: read and write the embedding cache.
        reports_dir: folder where Markdown reports are written.
        max_article_bytes: larger articles are refused with a message naming this limit.
        run_on_words: words of run-on text (sentences of over 100 words: a scraped page or a transcript dump
            without full stops) read per article; the rest is left unread, and the report says so.
        format: the CLI's report format (``rich``, ``markdown``, ``json``, ``github``, ``junit``, ``sarif``).
        output: the CLI writes the report to this file instead of stdout.
        reports: further reports the CLI writes in the same run, format to path (``{"sarif": "reports/x.sarif"}``).
        baseline: a baseline file (``factcheck baseline create``); findings it records are not reported.
        markdown: the CLI also writes the Markdown report to ``reports_dir``.
        story_threshold: score at or above which two articles of a batch are linked as one story: the cosine
            similarity of their headlines and leads, moved up by event evidence they share (places, actors,
            figures, names) and down by evidence they cannot share (places apart, other actors, days apart).
        story_neighbours: nearest leads each article is scored against (keeps the story graph sparse).
        story_floor: lead similarity below which a neighbour is not scored at all.
        story_days: two articles whose event days (their dates, or the days their leads name) lie more than this
            many days apart are never one story when both dates come from metadata, and score
            ``story_date_penalty`` less when either was read from the text; a story whose articles' dates span
            more is flagged in the index.
        story_date_penalty: score taken off a pair whose text-read dates lie more than ``story_days`` apart.
        story_place_penalty: score taken off a pair whose leads name only places that cannot be one another.
        story_actor_penalty: score taken off a pair whose leads each name two or more people, under half shared.
        story_principal_penalty: score taken off a pair where neither article names, anywhere, the people the
            other is about (the people each names in full and most often, else the people its lead names).
        story_cohesion: a linked group splits where the mean score between its parts falls below
            ``story_threshold`` minus this (average linkage), so one chance link does not chain two events.
        story_max_dense: a linked group larger than this is kept whole rather than split (its square of pairs).
        jobs: stories of a batch audited in this many local processes.
        scheduler: address of a Dask distributed scheduler to send a batch's stories to (``tcp://host:8786``).
        names: display names of sources by id (``--name ID=NAME``); otherwise a source is shown by its outlet, its
            site's name or url domain, or its file name without a trailing hash.
    """

    model: str = "all-MiniLM-L6-v2-int8"
    group_threshold: float = 0.64
    quote_threshold: float = 0.5
    repeat_threshold: float = 0.93
    neighbours: int = 12
    omission_share: float = 0.5
    checks: tuple[str, ...] = tuple(k.value for k in FindingKind)
    severities: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_SEVERITIES))
    fail_on: str = "error"
    cache_dir: str = "claims"
    use_cache: bool = True
    reports_dir: str = "reports"
    max_article_bytes: int = 5_000_000
    run_on_words: int = 20_000
    format: str = OutputFormat.RICH.value
    output: str | None = None
    reports: dict[str, str] = field(default_factory=dict)
    baseline: str | None = None
    markdown: bool = True
    story_threshold: float = 0.7
    story_neighbours: int = 10
    story_floor: float = 0.45
    story_days: int = 3
    story_date_penalty: float = 0.3
    story_place_penalty: float = 0.4
    story_actor_penalty: float = 0.2
    story_principal_penalty: float = 0.4
    story_cohesion: float = 0.15
    story_max_dense: int = 500
    jobs: int = 1
    scheduler: str | None = None
    names: dict[str, str] = field(default_factory=dict)

    def severity(self, kind: FindingKind) -> Severity:
        return Severity(self.severities.get(kind.value, DEFAULT_SEVERITIES[kind.value]))


_FIELDS = {f.name: f for f in fields(Config)}
_OPTIONAL_PATHS = {"output", "baseline", "scheduler"}
#: Options that are not settings of their own but change one: ``disable`` removes kinds from ``checks``.
_OPERATIONS = {"disable"}
FAIL_ON_LEVELS = ("error", "warning", "info", "never", "none")


def _kinds(value: Any) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(str(v).strip() for v in items if str(v).strip())


def _coerce(name: str, value: Any) -> Any:
    default = getattr(Config(), name)
    try:
        if name in _OPTIONAL_PATHS:
            if value is None or value == "":
                return None
            if not isinstance(value, str):
                raise TypeError
            return value
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise TypeError
            return value
        if isinstance(value, bool) and not isinstance(default, bool):
            raise TypeError
        if isinstance(default, int):
            if isinstance(value, float) and not value.is_integer():
                raise ValueError
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            return _kinds(value)
        if isinstance(default, dict):
            if not isinstance(value, dict):
                raise TypeError
            return {str(k): str(v) for k, v in value.items()}
        if not isinstance(value, str):
            raise TypeError
        return value
    except (TypeError, ValueError) as exc:
        wanted = "str" if name in _OPTIONAL_PATHS else type(default).__name__
        raise ConfigError(f"config option {name!r}: {value!r} is not a valid {wanted}") from exc


def validate_fail_on(value: str) -> str:
    """``error``, ``warning``, ``info``, ``never`` (or ``none``), or a comma list of finding kinds."""
    value = value.strip()
    if value in FAIL_ON_LEVELS:
        return value
    kinds = {k.value for k in FindingKind}
    named = [k.strip() for k in value.split(",") if k.strip()]
    unknown = [k for k in named if k not in kinds]
    if not named or unknown:
        raise ConfigError(f"fail_on: {value!r} is not error, warning, info, never or a comma list of finding kinds "
                          f"(known: {', '.join(sorted(kinds))})")
    return ",".join(named)


def _validate_jobs(config: Config) -> None:
    if config.jobs < 1:
        raise ConfigError("jobs must be 1 or more")


def validate(config: Config) -> Config:
    kinds = {k.value for k in FindingKind}
    for check in config.checks:
        if check not in kinds:
            raise ConfigError(f"unknown check {check!r} (known: {', '.join(sorted(kinds))})")
    for kind, sev in config.severities.items():
        if kind not in kinds:
            raise ConfigError(f"severities: unknown finding kind {kind!r}")
        if sev not in {s.value for s in Severity}:
            raise ConfigError(f"severities: {kind} = {sev!r} is not one of error, warning, info")
    validate_fail_on(config.fail_on)
    formats = [f.value for f in OutputFormat]
    if config.format not in formats:
        raise ConfigError(f"format: {config.format!r} is not one of {', '.join(formats)}")
    for fmt, path in config.reports.items():
        if fmt not in formats:
            raise ConfigError(f"reports: {fmt!r} is not a format (known: {', '.join(formats)})")
        if not path.strip():
            raise ConfigError(f"reports: the path for {fmt} is empty")
    for name in ("group_threshold", "quote_threshold", "repeat_threshold", "omission_share", "story_threshold",
                 "story_floor", "story_date_penalty", "story_place_penalty", "story_actor_penalty",
                 "story_principal_penalty", "story_cohesion"):
        if not 0.0 <= getattr(config, name) <= 1.0:
            raise ConfigError(f"{name} must lie between 0 and 1")
    if config.max_article_bytes <= 0 or config.neighbours <= 0 or config.run_on_words <= 0:
        raise ConfigError("max_article_bytes, run_on_words and neighbours must be positive")
    if config.story_neighbours <= 0 or config.story_days < 0 or config.story_max_dense < 2:
        raise ConfigError("story_neighbours must be positive, story_days 0 or more and story_max_dense 2 or more")
    _validate_jobs(config)
    return config


def from_mapping(values: dict[str, Any], base: Config | None = None) -> Config:
    """Apply a mapping of option names (``-`` or ``_``) on top of a config.

    ``severities`` changes only the kinds it names; ``checks`` replaces the enabled kinds, then ``disable`` (a kind
    or a list of kinds) removes kinds from them.
    """
    base = base or Config()
    changes: dict[str, Any] = {}
    disable: tuple[str, ...] = ()
    for key, value in values.items():
        name = key.replace("-", "_")
        if name in _OPERATIONS:
            try:
                disable += _kinds(value)
            except TypeError as exc:
                raise ConfigError(f"config option {key!r}: {value!r} is not a list of finding kinds") from exc
            continue
        if name not in _FIELDS:
            known = sorted({*_FIELDS, *_OPERATIONS})
            raise ConfigError(f"unknown config option {key!r} (known: {', '.join(known)})")
        changes[name] = _coerce(name, value)
    for table in ("severities", "reports", "names"):
        if table in changes:
            changes[table] = {**getattr(base, table), **changes[table]}
    if disable:
        kinds = {k.value for k in FindingKind}
        for kind in disable:
            if kind not in kinds:
                raise ConfigError(f"disable: unknown check {kind!r} (known: {', '.join(sorted(kinds))})")
        changes["checks"] = tuple(k for k in changes.get("checks", base.checks) if k not in disable)
    return validate(replace(base, **changes))


def find_pyproject(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def read_table(path: Path, table: bool = True) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from exc
    if table or "tool" in data:
        section = data.get("tool", {}).get("factcheck", {})
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: [tool.factcheck] must be a table")
        return section
    return data


def config_files(config_file: str | Path | None = None, start: Path | None = None) -> list[Path]:
    """The files :func:`load_config` reads, in the order it applies them: the nearest pyproject.toml, then
    ``config_file``."""
    found = [p for p in (find_pyproject(start),) if p is not None]
    if config_file is not None:
        path = Path(config_file)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
        found.append(path)
    return found


def _from_file(path: Path, config: Config, explicit: bool) -> Config:
    values = read_table(path, table=not explicit or path.name == "pyproject.toml")
    try:
        return from_mapping(values, config)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def load_config(config_file: str | Path | None = None, overrides: dict[str, Any] | None = None,
                start: Path | None = None) -> Config:
    """Defaults, then ``[tool.factcheck]`` of the nearest pyproject.toml, then ``config_file``, then overrides.

    Raises:
        ConfigError: a file is missing, unreadable or invalid (the message names it), or an override is invalid.
    """
    config = Config()
    files = config_files(config_file, start)
    for i, path in enumerate(files):
        config = _from_file(path, config, explicit=config_file is not None and i == len(files) - 1)
    if overrides:
        config = from_mapping({k: v for k, v in overrides.items() if v is not None}, config)
    return config
