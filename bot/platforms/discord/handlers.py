"""What a click or a practice request does: call the engine, turn its answer into a reply."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.engine.types import PostKind
from bot.i18n import t
from bot.i18n.render import letter
from bot.platforms.discord.context import actor, channel_of, language, runtime_of
from bot.platforms.discord.embeds import feedback_embed, question_embed
from bot.platforms.discord.respond import Reply, respond
from bot.platforms.discord.views import answer_view, next_view

if TYPE_CHECKING:
    from bot.platforms.discord.client import QuizClient


async def practice_reply(interaction: discord.Interaction[QuizClient], topic_query: str | None) -> Reply:
    """A new private question (optionally in one topic) with its A-D buttons."""
    runtime, lang = runtime_of(interaction), language(interaction)
    where, member = channel_of(interaction), actor(interaction)
    async with runtime.store() as store:
        topic = await runtime.engine.resolve_topic(store, topic_query) if topic_query else None
        post = await runtime.engine.start_practice(store, member, where, [topic] if topic else None)
    return Reply(embeds=[question_embed(post, lang)], view=answer_view(PostKind.PRACTICE, post.post_id, topic))


async def answer_clicked(
    interaction: discord.Interaction[QuizClient], kind: str, post_id: int, choice: int, topic: str | None
) -> None:
    """A channel click gets 'recorded: B' (never correctness); a practice click gets feedback."""
    runtime, lang, member = runtime_of(interaction), language(interaction), actor(interaction)

    async def work() -> Reply:
        async with runtime.store() as store:
            receipt = await runtime.engine.record_answer(store, post_id, member, choice)
        if receipt.feedback is None:
            key = "answer.already" if receipt.already_answered else "answer.recorded"
            return Reply(content=t(lang, key, letter=letter(receipt.choice)))
        shown = interaction.message.embeds[:1] if interaction.message else []
        feedback = feedback_embed(receipt.feedback, receipt.choice, lang)
        return Reply(embeds=[*shown, feedback], view=next_view(topic, lang))

    await respond(interaction, lang, work, update=kind == "p")


async def next_clicked(interaction: discord.Interaction[QuizClient], topic: str | None) -> None:
    """Replace the answered practice question with a new one."""
    await respond(interaction, language(interaction), lambda: practice_reply(interaction, topic), update=True)
