"""ConsolePlatform: 'posts' and 'reveals' printed to a terminal."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import count

from bot.engine.types import ChannelRef, PostView, Reveal
from bot.i18n.render import question_lines, reveal_lines

Write = Callable[[str], None]


class ConsolePlatform:
    """Implements :class:`bot.engine.ports.ChatPlatform` by printing."""

    name = "console"

    def __init__(self, write: Write, language: str) -> None:
        self._write = write
        self.language = language
        self._message_ids = count(1)

    async def post_question(self, channel: ChannelRef, post: PostView) -> str:
        self._write("")
        for line in question_lines(post.question, self.language):
            self._write(line)
        return f"console-{next(self._message_ids)}"

    async def show_reveal(self, channel: ChannelRef, message_ref: str, reveal: Reveal) -> None:
        for line in reveal_lines(reveal, self.language):
            self._write(line)

    async def post_notice(self, channel: ChannelRef, title: str, lines: Sequence[str]) -> str:
        self._write("")
        self._write(title)
        for line in lines:
            self._write(line)
        return f"console-{next(self._message_ids)}"
