"""Command line interface (Typer); see `realpolitik --help`."""

from realpolitik.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
