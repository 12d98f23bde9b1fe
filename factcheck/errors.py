"""Errors the audit reports to a person, and the exit codes the CLI maps them to."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class FactcheckError(Exception):
    """An error with a one-line message meant for the person running the audit (exit code 2)."""

    exit_code = EXIT_USAGE


class InputError(FactcheckError):
    """The input cannot be audited: missing path, empty folder, binary or undecodable file, malformed JSONL."""


class ConfigError(FactcheckError):
    """The configuration (pyproject table, config file or flags) is invalid."""


class OutputError(FactcheckError):
    """A report cannot be written where it was asked to go."""
