"""The terminal quiz: one player in a one-person channel.

Each question is a channel post; the player's answer is recorded and the post is
closed and revealed at once (in a one-person channel there is nobody to wait for),
so points reach the leaderboard exactly as they do in Discord or Slack.
"""

from __future__ import annotations

import getpass
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.engine.errors import QuizError
from bot.engine.types import ChannelRef, Member, Period, PostView
from bot.i18n import t
from bot.i18n.render import (
    error_text,
    leaderboard_lines,
    letter,
    parse_letter,
    stats_lines,
    team_lines,
    topic_lines,
)
from bot.platforms.console.platform import ConsolePlatform, Write
from bot.runtime import Runtime

ReadLine = Callable[[], Awaitable[str | None]]
CONSOLE_CHANNEL = ChannelRef("console", "local", "terminal", "Terminal", "terminal")
PERIOD_WORDS = {period.value: period for period in Period}


def local_member(name: str | None = None) -> Member:
    user = name or getpass.getuser() or "player"
    return Member("console", user, user)


@dataclass
class ConsoleApp:
    runtime: Runtime
    read_line: ReadLine
    write: Write
    language: str = "ko"
    member: Member = field(default_factory=local_member)
    topics: list[str] | None = None
    channel: ChannelRef = CONSOLE_CHANNEL
    _current: PostView | None = None

    def __post_init__(self) -> None:
        self.platform = ConsolePlatform(self.write, self.language)

    def say(self, key: str, **params: object) -> None:
        self.write(t(self.language, key, **params))

    def show(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    async def run(self) -> None:
        self.say("app.title")
        self.say("console.help")
        await self.next_question()
        while True:
            line = await self.read_line()
            if line is None:
                break
            text = line.strip()
            if not text:
                continue
            try:
                if not await self.handle(text):
                    break
            except QuizError as error:
                self.write(error_text(error, self.language))
        await self.close_current(show=False)
        self.say("console.bye")

    async def handle(self, text: str) -> bool:
        """Act on one line of input; False means quit."""
        command, _, rest = text.partition(" ")
        word = command.lower()
        choice = parse_letter(text)
        if choice is not None and self._current is not None:
            await self.answer(choice)
        elif word in {"q", "quit", "exit"}:
            return False
        elif word in {"h", "help", "?"}:
            self.say("console.help")
        elif word in {"n", "next"}:
            await self.close_current(skipped=True)
            await self.next_question()
        elif word in {"l", "leaderboard"}:
            await self.leaderboard(rest.split(), teams=False)
        elif word == "lt":
            await self.leaderboard(rest.split(), teams=True)
        elif word in {"s", "stats"}:
            async with self.runtime.store() as store:
                self.show(stats_lines(await self.runtime.engine.user_stats(store, self.member), self.language))
        elif word in {"t", "topics"}:
            async with self.runtime.store() as store:
                self.show(topic_lines(await self.runtime.engine.topics(store), self.language))
        elif word == "topic":
            await self.set_topic(rest.strip())
        elif word == "team":
            await self.team(rest.split(maxsplit=1))
        else:
            self.say("console.unknown_input", text=text)
        return True

    async def next_question(self) -> None:
        async with self.runtime.store() as store:
            self._current = await self.runtime.engine.open_channel_post(
                store, self.platform, self.channel, topics=self.topics
            )
        self.say("question.prompt")

    async def answer(self, choice: int) -> None:
        assert self._current is not None
        engine = self.runtime.engine
        async with self.runtime.store() as store:
            receipt = await engine.record_answer(store, self._current.post_id, self.member, choice)
        key = "answer.already" if receipt.already_answered else "answer.recorded"
        self.say(key, letter=letter(receipt.choice))
        await self.close_current()
        await self.next_question()

    async def close_current(self, *, skipped: bool = False, show: bool = True) -> None:
        """Close the open question; a skipped one still shows its answer, so it teaches."""
        if self._current is None:
            return
        post_id, self._current = self._current.post_id, None
        if skipped:
            self.say("console.skipped")
        async with self.runtime.store() as store:
            if show:
                await self.runtime.engine.close_and_show(store, self.platform, post_id)
            else:
                await self.runtime.engine.close_post(store, post_id)

    async def leaderboard(self, words: list[str], *, teams: bool) -> None:
        period = Period.ALL
        topic_words = []
        for word in words:
            if word.lower() in PERIOD_WORDS:
                period = PERIOD_WORDS[word.lower()]
            else:
                topic_words.append(word)
        engine = self.runtime.engine
        community = (self.channel.platform, self.channel.community_id)
        async with self.runtime.store() as store:
            topic = await engine.resolve_topic(store, " ".join(topic_words)) if topic_words else None
            if teams:
                rows = await engine.team_leaderboard(store, community, topic=topic, period=period)
                self.show(team_lines(rows, topic, period, self.language))
            else:
                board = await engine.leaderboard(store, community, topic=topic, period=period)
                self.show(leaderboard_lines(board, topic, period, self.language))

    async def set_topic(self, query: str) -> None:
        if not query or query.lower() == "all":
            self.topics = None
            self.say("console.topic_set", topic=t(self.language, "leaderboard.all_topics"))
            return
        async with self.runtime.store() as store:
            topic = await self.runtime.engine.resolve_topic(store, query)
        self.topics = [topic]
        self.say("console.topic_set", topic=topic)
        await self.close_current(show=False)
        await self.next_question()

    async def team(self, words: list[str]) -> None:
        engine = self.runtime.engine
        community = (self.channel.platform, self.channel.community_id)
        action = words[0].lower() if words else "list"
        async with self.runtime.store() as store:
            if action == "join" and len(words) == 2:
                self.say("team.joined", team=await engine.join_team(store, community, self.member, words[1]))
            elif action == "leave":
                self.say("team.left", team=await engine.leave_team(store, community, self.member))
            elif action == "list":
                teams = await engine.teams(store, community)
                self.say("team.list_title")
                if not teams:
                    self.say("team.none")
                for name, members in teams:
                    self.say("team.row", team=name, members=members)
            else:
                self.say("console.help")
