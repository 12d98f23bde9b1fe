"""Configuration: one table of defaults, read from ``[tool.factcheck]`` in pyproject.toml or a config file.

Precedence: command-line flag > config file (``--config``) > ``[tool.factcheck]`` of the nearest pyproject.toml
> the defaults below.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError
from factcheck.models import FindingKind, Severity

DEFAULT_SEVERITIES: dict[str, str] = {
    FindingKind.QUOTE_DIVERGENCE.value: "error",
    FindingKind.NUMBER_CONFLICT.value: "error",
    FindingKind.DATE_CONFLICT.value: "error",
    FindingKind.ENTITY_CONFLICT.value: "warning",
    FindingKind.ATTRIBUTION_CONFLICT.value: "error",
    FindingKind.CONTRADICTION.value: "error",
    FindingKind.OMISSION.value: "info",
    FindingKind.UNIQUE_CLAIM.value: "info",
}


@dataclass(frozen=True)
class Config:
    """Every setting of an audit, with its default.

    Attributes:
        model: embedding model, a packaged model name or a folder with a sentence-transformers model.
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
    """

    model: str = "all-MiniLM-L6-v2"
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

    def severity(self, kind: FindingKind) -> Severity:
        return Severity(self.severities.get(kind.value, DEFAULT_SEVERITIES[kind.value]))


_FIELDS = {f.name: f for f in fields(Config)}


def _coerce(name: str, value: Any) -> Any:
    default = getattr(Config(), name)
    try:
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise TypeError
            return value
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(str(v).strip() for v in items if str(v).strip())
        if isinstance(default, dict):
            if not isinstance(value, dict):
                raise TypeError
            return {**DEFAULT_SEVERITIES, **{str(k): str(v) for k, v in value.items()}}
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"config option {name!r}: {value!r} is not a valid {type(default).__name__}") from exc


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
    for name in ("group_threshold", "quote_threshold", "repeat_threshold", "omission_share"):
        if not 0.0 <= getattr(config, name) <= 1.0:
            raise ConfigError(f"{name} must lie between 0 and 1")
    if config.max_article_bytes <= 0 or config.neighbours <= 0:
        raise ConfigError("max_article_bytes and neighbours must be positive")
    return config


def from_mapping(values: dict[str, Any], base: Config | None = None) -> Config:
    """Apply a mapping of option names (``-`` or ``_``) to a config."""
    base = base or Config()
    changes: dict[str, Any] = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in _FIELDS:
            raise ConfigError(f"unknown config option {key!r} (known: {', '.join(sorted(_FIELDS))})")
        changes[name] = _coerce(name, value)
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


def load_config(config_file: str | Path | None = None, overrides: dict[str, Any] | None = None,
                start: Path | None = None) -> Config:
    """Defaults, then ``[tool.factcheck]`` of the nearest pyproject.toml, then ``config_file``, then overrides."""
    config = Config()
    pyproject = find_pyproject(start)
    if pyproject is not None:
        config = from_mapping(read_table(pyproject), config)
    if config_file is not None:
        path = Path(config_file)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
        config = from_mapping(read_table(path, table=path.name == "pyproject.toml"), config)
    if overrides:
        config = from_mapping({k: v for k, v in overrides.items() if v is not None}, config)
    return config
