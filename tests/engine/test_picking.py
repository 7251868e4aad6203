"""Choosing questions: no repeats until the pool is used up, topics rotate, topic names resolve."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from bot.engine.errors import AmbiguousTopic, NoQuestionsAvailable, UnknownTopic
from bot.engine.picking import choose_question, resolve_topic
from bot.engine.types import Candidate, ChannelRef
from bot.runtime import Runtime
from tests.engine.fakes import RecordingPlatform

TOPICS = ["EC2 기초", "S3", "고급 S3", "AWS의 모니터링 개요"]


def test_resolve_topic_exact_partial_unknown_and_ambiguous():
    assert resolve_topic("s3", TOPICS) == "S3"
    assert resolve_topic("ec2", TOPICS) == "EC2 기초"
    assert resolve_topic("  모니터링 ", TOPICS) == "AWS의 모니터링 개요"
    with pytest.raises(UnknownTopic):
        resolve_topic("Lambda", TOPICS)
    with pytest.raises(AmbiguousTopic):
        resolve_topic("A", ["ALB", "AWS"])
    with pytest.raises(UnknownTopic):
        resolve_topic("", TOPICS)


def test_least_used_question_and_longest_rested_topic_come_first():
    base = datetime(2026, 1, 1, tzinfo=UTC)
    candidates = [
        Candidate("a1", "A", 1, base),
        Candidate("a2", "A", 0, None),
        Candidate("b1", "B", 1, base - timedelta(days=1)),
        Candidate("b2", "B", 0, None),
    ]
    assert choose_question(candidates, random.Random(1)) == "b2"  # B rested longer than A
    with pytest.raises(NoQuestionsAvailable):
        choose_question([], random.Random(1))


async def test_a_channel_sees_every_question_before_any_repeats(runtime: Runtime, clock):
    """Nobody wants yesterday's question again while unseen ones remain."""
    channel = ChannelRef("discord", "g", "c")
    platform = RecordingPlatform()
    async with runtime.store() as store:
        pool = sum(topic.questions for topic in await runtime.engine.topics(store))
    seen: list[str] = []
    for _ in range(pool + 3):
        clock.advance(timedelta(minutes=1))
        async with runtime.store() as store:
            view = await runtime.engine.open_channel_post(store, platform, channel)
        assert view is not None
        seen.append(view.question.question_id)
    assert len(set(seen[:pool])) == pool
    assert len(set(seen[:3])) == 3
    topics_in_a_row = [post.question.topic for _, post in platform.posts[:3]]
    assert len(set(topics_in_a_row)) == 3, "the first three posts should rotate over the three topics"


async def test_topic_filter_and_disabled_questions(runtime: Runtime, clock):
    """A topic filter keeps to that topic; a disabled question is never picked again."""
    channel = ChannelRef("discord", "g", "c")
    async with runtime.store() as store:
        topic = await runtime.engine.resolve_topic(store, "s3")
        await runtime.engine.disable_question(store, "fx-s3-sse-kms")
    picked = set()
    for _ in range(6):
        async with runtime.store() as store:
            view = await runtime.engine.open_channel_post(store, RecordingPlatform(), channel, topics=[topic])
        assert view is not None
        assert view.question.topic == "S3"
        picked.add(view.question.question_id)
    assert "fx-s3-sse-kms" not in picked
    assert len(picked) == 3
