"""``quizbot bank ...``: check a question bank folder."""

from __future__ import annotations

from pathlib import Path

import typer

from questions.bank_format import BankError, load_bank
from questions.report import build_report

app = typer.Typer(pretty_exceptions_show_locals=False, no_args_is_help=True, help="Check question banks.")


@app.command()
def validate(folder: Path = typer.Argument(..., help="Folder of bank .yaml files")) -> None:
    """Print every problem in a bank (file and question id); exit 1 if there are any."""
    try:
        bank = load_bank(folder)
    except BankError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    for problem in bank.problems:
        typer.echo(str(problem))
    if bank.problems:
        typer.echo(f"{len(bank.problems)} problem(s); {len(bank.questions)} valid question(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {len(bank.questions)} question(s) in {folder}")


@app.command()
def report(folder: Path = typer.Argument(..., help="Folder of bank .yaml files")) -> None:
    """Totals per topic and template, answer positions A-D, gate failures and generation rejects."""
    try:
        result = build_report(folder)
    except BankError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    for line in result.lines():
        typer.echo(line)
