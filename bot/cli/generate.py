"""``quizbot generate NOTES --out DIR``: turn markdown notes into a question bank."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from questions.generator import generate_bank, source_label, write_bank
from questions.groups import GroupsError, load_groups
from questions.notes_parser import NotesError, read_notes

DEFAULT_NOTES = Path("questions/notes/aws-dva-notes.md")
DEFAULT_OUT = Path("questions/bank")


def generate(
    notes: Path = typer.Argument(DEFAULT_NOTES, help="Markdown notes file"),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Bank folder to write"),
) -> None:
    """Generate a multiple-choice bank (one YAML file per topic) from markdown notes."""
    started = time.perf_counter()
    try:
        bank = generate_bank(read_notes(notes), source=source_label(notes), groups=load_groups(notes))
    except (NotesError, GroupsError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    if out.exists() and not out.is_dir():
        typer.echo(f"error: --out is a file, not a folder: {out}", err=True)
        raise typer.Exit(2)
    written = write_bank(bank, out)
    seconds = time.perf_counter() - started
    typer.echo(f"wrote {len(bank.questions)} question(s) in {len(written)} file(s) to {out} ({seconds:.1f} s)")
    for warning in bank.warnings:
        typer.echo(f"warning: {warning}", err=True)
