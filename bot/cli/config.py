"""``quizbot config show``: the effective settings, secrets masked."""

from __future__ import annotations

import typer

from bot.cli.common import load_settings

app = typer.Typer(pretty_exceptions_show_locals=False, no_args_is_help=True, help="Configuration.")


@app.command()
def show() -> None:
    """Print every setting as the bot sees it; tokens and secrets are masked."""
    for name, value in load_settings().masked().items():
        typer.echo(f"QUIZBOT_{name.upper()}={value}")
