"""``quizbot db ...``: migrate the database."""

from __future__ import annotations

import typer

from bot.cli.common import fail, load_settings, run_async
from bot.storage import schema
from bot.storage.database import DatabaseNotReady, create_engine, current_revision

app = typer.Typer(pretty_exceptions_show_locals=False, no_args_is_help=True, help="Database migrations.")


async def _migrate(url: str, target: str, down: bool) -> None:
    try:
        if down:
            await schema.downgrade(url, target)
        else:
            await schema.upgrade(url, target)
    except (OSError, ConnectionError) as error:
        raise DatabaseNotReady(f"cannot reach the database ({error})") from error
    except Exception as error:  # SQLAlchemy/driver errors carry the reason in .orig
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise DatabaseNotReady(f"migration failed: {reason}") from error


@app.command()
def upgrade(revision: str = typer.Argument("head", help="Target revision")) -> None:
    """Create or update the schema (SQLite file or QUIZBOT_DATABASE_URL)."""
    settings = load_settings()
    run_async(_migrate(settings.effective_database_url, revision, down=False))
    typer.echo(f"database at {revision}: {settings.masked()['effective_database_url']}")


@app.command()
def downgrade(revision: str = typer.Argument(..., help="Target revision, e.g. base")) -> None:
    """Undo migrations down to REVISION."""
    settings = load_settings()
    run_async(_migrate(settings.effective_database_url, revision, down=True))
    typer.echo(f"database at {revision}")


@app.command()
def current() -> None:
    """Print the schema revision the database is at, and the one this version needs."""
    settings = load_settings()

    async def read() -> str | None:
        engine = create_engine(settings.effective_database_url)
        try:
            return await current_revision(engine)
        except Exception as error:
            raise fail(f"cannot reach the database ({error})") from None
        finally:
            await engine.dispose()

    typer.echo(f"current: {run_async(read()) or 'none'}; head: {schema.head_revision()}")
