"""Command line interface (Typer); see `realpolitik --help`."""

from realpolitik.cli import analysis_commands  # noqa: F401 - registers its commands on `app`
from realpolitik.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
