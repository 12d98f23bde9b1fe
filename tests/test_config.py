"""Configuration: defaults < [tool.factcheck] of pyproject.toml < --config FILE < flags; errors name the file.

Every test works in its own folder with its own pyproject.toml (the command runs with its working folder there), so the
repository's pyproject.toml is never read.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from factcheck.config import DEFAULT_SEVERITIES, Config, config_files, from_mapping, load_config
from factcheck.errors import EXIT_USAGE, ConfigError
from tests.clirun import run_cli

PYPROJECT = """\
[project]
name = "newsroom"

[tool.factcheck]
model = "from-pyproject"
group_threshold = 0.7
quote_threshold = 0.6
fail_on = "warning"
disable = ["unique_claim"]
reports_dir = "pyproject-reports"

[tool.factcheck.severities]
omission = "warning"
entity_conflict = "error"
"""

CONFIG_FILE = """\
[tool.factcheck]
model = "from-config-file"
quote_threshold = 0.55
severities = { omission = "error" }
"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "factcheck.toml").write_text(CONFIG_FILE)
    return tmp_path


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(args, cwd, env={"FACTCHECK_EMBEDDER": "hashing"})


def shown(*args: str, cwd: Path) -> dict:
    result = run("audit", "--show-config", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --------------------------------------------------------------------------------------------------------------
# precedence, in process


def test_defaults_when_pyproject_has_no_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert config_files(start=tmp_path) == [tmp_path / "pyproject.toml"]
    assert load_config(start=tmp_path) == Config()


@pytest.mark.parametrize("layers, expected", [
    # (use pyproject, use --config, flags) -> model, quote_threshold, group_threshold
    ((False, False, {}), ("all-MiniLM-L6-v2-int8", 0.5, 0.64)),
    ((True, False, {}), ("from-pyproject", 0.6, 0.7)),
    ((True, True, {}), ("from-config-file", 0.55, 0.7)),
    ((True, True, {"model": "from-flag", "group_threshold": 0.8}), ("from-flag", 0.55, 0.8)),
    ((False, True, {}), ("from-config-file", 0.55, 0.64)),
    ((False, False, {"quote_threshold": 0.9}), ("all-MiniLM-L6-v2-int8", 0.9, 0.64)),
])
def test_precedence_flag_over_file_over_pyproject_over_default(tmp_path: Path, layers, expected) -> None:
    use_pyproject, use_file, flags = layers
    folder = tmp_path / "work"
    folder.mkdir()
    # A pyproject.toml of its own in every case, so the search never climbs to an enclosing project.
    (folder / "pyproject.toml").write_text(PYPROJECT if use_pyproject else "[project]\nname = 'x'\n")
    (folder / "factcheck.toml").write_text(CONFIG_FILE)
    config = load_config(folder / "factcheck.toml" if use_file else None, flags, start=folder)
    assert (config.model, config.quote_threshold, config.group_threshold) == expected


def test_tables_merge_layer_by_layer(project: Path) -> None:
    config = load_config(project / "factcheck.toml", {"severities": {"number_conflict": "warning"}}, start=project)
    assert config.severities == {**DEFAULT_SEVERITIES, "entity_conflict": "error",  # pyproject
                                 "omission": "error",  # config file over pyproject's "warning"
                                 "number_conflict": "warning"}  # flag
    assert config.fail_on == "warning"
    assert "unique_claim" not in config.checks and "omission" in config.checks


def test_checks_replace_and_disable_removes() -> None:
    config = from_mapping({"checks": "quote_divergence,omission,unique_claim"})
    assert config.checks == ("quote_divergence", "omission", "unique_claim")
    config = from_mapping({"disable": ["omission"]}, config)
    assert config.checks == ("quote_divergence", "unique_claim")
    # A later explicit list wins over an earlier disable.
    assert from_mapping({"checks": ["omission"]}, config).checks == ("omission",)


@pytest.mark.parametrize("values, words", [
    ({"checks": ["bogus"]}, "unknown check 'bogus'"),
    ({"disable": "bogus"}, "unknown check 'bogus'"),
    ({"severities": {"omission": "fatal"}}, "omission = 'fatal'"),
    ({"severities": {"nope": "error"}}, "unknown finding kind 'nope'"),
    ({"fail_on": "critical"}, "fail_on: 'critical'"),
    ({"fail_on": "omission,bogus"}, "fail_on"),
    ({"format": "pdf"}, "format: 'pdf'"),
    ({"reports": {"pdf": "x.pdf"}}, "reports: 'pdf'"),
    ({"group_threshold": 1.5}, "group_threshold must lie between 0 and 1"),
    ({"group_threshold": "high"}, "'group_threshold'"),
    ({"neighbours": True}, "'neighbours'"),
    ({"model": 5}, "'model'"),
    ({"use_cache": "yes"}, "'use_cache'"),
    ({"colour": "red"}, "unknown config option 'colour'"),
])
def test_invalid_values_are_refused(values, words: str) -> None:
    with pytest.raises(ConfigError, match=None) as info:
        from_mapping(values)
    assert words in str(info.value)


@pytest.mark.parametrize("content, words", [
    ("[tool.factcheck]\ngroup_threshold = 2\n", "group_threshold must lie between 0 and 1"),
    ("[tool.factcheck]\nfail_on = 'sometimes'\n", "fail_on"),
    ("[tool.factcheck\n", "invalid TOML"),
    ("[tool]\nfactcheck = 3\n", "must be a table"),
])
def test_errors_name_the_file(tmp_path: Path, content: str, words: str) -> None:
    (tmp_path / "pyproject.toml").write_text(content)
    with pytest.raises(ConfigError) as info:
        load_config(start=tmp_path)
    assert str(tmp_path / "pyproject.toml") in str(info.value) and words in str(info.value)


def test_config_file_with_top_level_keys(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "ci.toml").write_text("fail_on = 'info'\nchecks = ['omission']\n")
    config = load_config(tmp_path / "ci.toml", start=tmp_path)
    assert config.fail_on == "info" and config.checks == ("omission",)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "missing.toml", start=tmp_path)


# --------------------------------------------------------------------------------------------------------------
# precedence through the command line


def test_cli_precedence(project: Path) -> None:
    data = shown(cwd=project)
    assert data["files"] == [str(project / "pyproject.toml")]
    assert data["config"]["model"] == "from-pyproject" and data["config"]["fail_on"] == "warning"
    assert data["config"]["reports_dir"] == "pyproject-reports"

    data = shown("--config", "factcheck.toml", cwd=project)["config"]
    assert data["model"] == "from-config-file" and data["quote_threshold"] == 0.55
    assert data["group_threshold"] == 0.7  # from pyproject, the file does not set it
    assert data["severities"]["omission"] == "error"

    data = shown("--config", "factcheck.toml", "--model", "flag-model", "--quote-threshold", "0.4",
                 "--severity", "omission=info", "--severity", "date_conflict=warning", "--fail-on", "never",
                 "--checks", "omission,unique_claim", "--disable", "unique_claim", "--reports-dir", "out",
                 "--format", "sarif", "-o", "x.sarif", "--baseline", "b.json", "--no-markdown", cwd=project)["config"]
    assert data["model"] == "flag-model" and data["quote_threshold"] == 0.4 and data["group_threshold"] == 0.7
    assert data["severities"]["omission"] == "info" and data["severities"]["date_conflict"] == "warning"
    assert data["severities"]["entity_conflict"] == "error"  # still pyproject's
    assert data["fail_on"] == "never" and data["checks"] == ["omission"]
    assert data["reports_dir"] == "out" and data["format"] == "sarif" and data["output"] == "x.sarif"
    assert data["baseline"] == "b.json" and data["markdown"] is False


@pytest.mark.parametrize("args, words", [
    (("--severity", "omission"), "KIND=LEVEL"),
    (("--severity", "omission=fatal"), "error, warning or info"),
    (("--severity", "bogus=error"), "unknown finding kind"),
    (("--checks", "bogus"), "unknown check 'bogus'"),
    (("--disable", "bogus"), "unknown check 'bogus'"),
    (("--fail-on", "sometimes"), "fail_on"),
    (("--report", "pdf=x.pdf"), "FORMAT=PATH"),
    (("--config", "missing.toml"), "missing.toml: config file not found"),
])
def test_cli_bad_options_exit_2(project: Path, args: tuple[str, ...], words: str) -> None:
    result = run("audit", "--show-config", *args, cwd=project)
    assert result.returncode == EXIT_USAGE
    assert words in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_config_error_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\nseverities = { omission = 'loud' }\n")
    (tmp_path / "a.txt").write_text("Officials met in Geneva on Monday.\n")
    result = run("audit", "a.txt", cwd=tmp_path)
    assert result.returncode == EXIT_USAGE
    assert "pyproject.toml" in result.stderr and "omission = 'loud'" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_pyproject_settings_drive_the_audit(tmp_path: Path) -> None:
    """Severities and the threshold from pyproject decide the exit code; a flag overrides them."""
    (tmp_path / "pyproject.toml").write_text(
        "[tool.factcheck]\nfail_on = 'warning'\nchecks = ['number_conflict']\n"
        "severities = { number_conflict = 'info' }\n")
    (tmp_path / "a.txt").write_text("Talks end\n\nOfficials met in Geneva on Monday for six hours of talks.\n")
    (tmp_path / "b.txt").write_text("Talks over\n\nOfficials met in Geneva on Monday for nine hours of talks.\n")
    result = run("audit", "a.txt", "b.txt", "--format", "json", "--no-cache", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert [f["kind"] for f in data["findings"]] == ["number_conflict"]
    assert data["findings"][0]["severity"] == "info"
    assert result.returncode == 0, "an info finding does not fail at fail_on = warning"
    assert (tmp_path / "reports" / "a-and-1-more.md").is_file()
    result = run("audit", "a.txt", "b.txt", "--format", "json", "--no-cache", "--severity", "number_conflict=warning",
                 cwd=tmp_path)
    assert json.loads(result.stdout)["findings"][0]["severity"] == "warning"
    assert result.returncode == 1
