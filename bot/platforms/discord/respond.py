"""One response per interaction, the first within Discord's 3 seconds.

The work runs at once; if it has not finished within :data:`FIRST_RESPONSE_BUDGET`
(e.g. the database is busy), the interaction is deferred and the result follows.
Domain errors become an ephemeral message in the user's language.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import discord

from bot.engine.errors import QuizError
from bot.i18n import t
from bot.i18n.render import error_text

log = logging.getLogger(__name__)

FIRST_RESPONSE_BUDGET = 1.5  # seconds; leaves room for Discord's round trip within its 3 s


@dataclass
class Reply:
    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    failed: bool = False


Work = Callable[[], Awaitable[Reply]]


async def _guarded(work: Work, language: str) -> Reply:
    try:
        return await work()
    except QuizError as error:
        return Reply(content=error_text(error, language), failed=True)
    except Exception:
        log.exception("interaction work failed")
        return Reply(content=t(language, "error.generic"), failed=True)


def _message(reply: Reply) -> dict[str, Any]:
    fields: dict[str, Any] = {"content": reply.content, "embeds": reply.embeds}
    if reply.view is not None:
        fields["view"] = reply.view
    return fields


async def respond(interaction: discord.Interaction[Any], language: str, work: Work, *, update: bool = False) -> None:
    """Run ``work`` and answer with its reply: ephemeral, or (``update``) as an edit of the
    clicked message. Errors are always a new ephemeral message."""
    task = asyncio.ensure_future(_guarded(work, language))
    done, _ = await asyncio.wait({task}, timeout=FIRST_RESPONSE_BUDGET)
    try:
        if not done:
            await interaction.response.defer(ephemeral=True, thinking=not update)
        reply = await task
        await _send(interaction, reply, deferred=not done, update=update and not reply.failed)
    except discord.HTTPException:
        log.exception("could not answer interaction %s", interaction.id)


async def _send(interaction: discord.Interaction[Any], reply: Reply, *, deferred: bool, update: bool) -> None:
    if update:
        edit = {"content": reply.content, "embeds": reply.embeds, "view": reply.view}
        if deferred:
            await interaction.edit_original_response(**edit)
        else:
            await interaction.response.edit_message(**edit)
    elif deferred:
        await interaction.followup.send(ephemeral=True, **_message(reply))
    else:
        await interaction.response.send_message(ephemeral=True, **_message(reply))


async def answer_now(interaction: discord.Interaction[Any], text: str) -> None:
    """An immediate ephemeral message (no slow work behind it)."""
    await interaction.response.send_message(text, ephemeral=True)
