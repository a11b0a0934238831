"""Typed errors of realpolitik.

Library code raises these and never prints or exits; the CLI turns each into one line naming the
input and a non-zero exit code.
"""

from __future__ import annotations


class RealpolitikError(Exception):
    """Base of every error a user can cause and fix."""

    exit_code = 1


class InputError(RealpolitikError):
    """An input (file, line, URL, stdin) could not be read as an article."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class ConfigError(RealpolitikError):
    """A setting, dictionary or pattern file is invalid."""

    exit_code = 2


class StoreError(RealpolitikError):
    """The database could not be opened, migrated or written."""


class StoreBusyError(StoreError):
    """Another process holds the database's write lock."""

    exit_code = 3


class NotFoundError(RealpolitikError):
    """A requested record (article, actor, event) does not exist."""

    exit_code = 4
