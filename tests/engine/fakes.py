"""Hand-written fakes of the engine's ports for tests (no mocks)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine.types import ChannelRef, PostView, Reveal


class RecordingPlatform:
    """A ChatPlatform that remembers what it was asked to show."""

    name = "recording"

    def __init__(self, *, fail: bool = False) -> None:
        self.fail = fail
        self.posts: list[tuple[ChannelRef, PostView]] = []
        self.reveals: list[tuple[ChannelRef, str, Reveal]] = []
        self.notices: list[tuple[ChannelRef, str, list[str]]] = []

    async def post_question(self, channel: ChannelRef, post: PostView) -> str:
        if self.fail:
            raise ConnectionError("channel unreachable")
        self.posts.append((channel, post))
        return f"msg-{len(self.posts)}"

    async def show_reveal(self, channel: ChannelRef, message_ref: str, reveal: Reveal) -> None:
        self.reveals.append((channel, message_ref, reveal))

    async def post_notice(self, channel: ChannelRef, title: str, lines: Sequence[str]) -> str:
        if self.fail:
            raise ConnectionError("channel unreachable")
        self.notices.append((channel, title, list(lines)))
        return f"notice-{len(self.notices)}"
