"""The ``quizbot`` command line: one Typer app, each command group in its own module."""

from __future__ import annotations

import typer

from bot.cli import bank, config, db, generate, schedule
from bot.cli.console import console
from bot.cli.run import run

app = typer.Typer(
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    add_completion=False,
    help="Quizbot: study quizzes from your notes.",
)
app.add_typer(bank.app, name="bank")
app.add_typer(db.app, name="db")
app.add_typer(config.app, name="config")
app.add_typer(schedule.app, name="schedule")
app.command()(console)
app.command()(run)
app.command(name="generate")(generate.generate)


def main() -> None:
    app()
