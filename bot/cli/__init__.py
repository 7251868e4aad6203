"""The ``quizbot`` command line: one Typer app, each command group in its own module."""

from __future__ import annotations

import typer

from bot.cli import bank

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Quizbot: study quizzes from your notes.")
app.add_typer(bank.app, name="bank")


def main() -> None:
    app()
