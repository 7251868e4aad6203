"""Small readers shared by the Slack scenarios."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from bot.runtime import Runtime


async def count(runtime: Runtime, model: type) -> int:
    async with runtime.store() as store:
        return int((await store.session.execute(select(func.count()).select_from(model))).scalar_one())


async def right_letter(runtime: Runtime, post_id: int) -> str:
    async with runtime.store() as store:
        post = await store.post(post_id)
    assert post is not None
    return "ABCD"[post.question.answer]


def post_id_of(blocks: list[dict[str, Any]]) -> int:
    value = next(block for block in blocks if block["type"] == "actions")["elements"][0]["value"]
    return int(value.split(":")[0])


def message_text(message: dict[str, Any]) -> str:
    """Everything a reader sees in a posted message's blocks."""
    parts = []
    for block in message.get("blocks") or []:
        if "text" in block:
            parts.append(block["text"]["text"])
        for element in block.get("elements", []):
            text = element.get("text")
            parts.append(text["text"] if isinstance(text, dict) else str(text or ""))
    return "\n".join(parts)
