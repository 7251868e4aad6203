"""Choosing the next question and resolving the topic names users type."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime

from bot.engine.errors import AmbiguousTopic, NoQuestionsAvailable, UnknownTopic
from bot.engine.types import Candidate

_NEVER = datetime.min.replace(tzinfo=UTC)


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def resolve_topic(query: str, topics: Sequence[str]) -> str:
    """The one topic ``query`` names: exact (ignoring case and spaces), else a unique part of a name."""
    wanted = _fold(query)
    if not wanted:
        raise UnknownTopic(topic=query, known=", ".join(topics))
    exact = [topic for topic in topics if _fold(topic) == wanted]
    if exact:
        return exact[0]
    partial = [topic for topic in topics if wanted in _fold(topic)]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise AmbiguousTopic(topic=query, matches=", ".join(partial))
    raise UnknownTopic(topic=query, known=", ".join(topics))


def choose_question(candidates: Sequence[Candidate], rng: random.Random) -> str:
    """Pick a question that is least used in this scope, from the topic rested longest.

    No question repeats until every candidate has been used as often; among the least
    used, the topic whose last use is oldest goes next, so topics rotate.
    """
    if not candidates:
        raise NoQuestionsAvailable()
    fewest = min(candidate.times_used for candidate in candidates)
    fresh = [candidate for candidate in candidates if candidate.times_used == fewest]
    last_use_by_topic: dict[str, datetime] = {}
    for candidate in candidates:
        used = candidate.last_used_at or _NEVER
        if used > last_use_by_topic.get(candidate.topic, _NEVER):
            last_use_by_topic[candidate.topic] = used
    fresh_topics = sorted({candidate.topic for candidate in fresh})
    rested = min(last_use_by_topic.get(topic, _NEVER) for topic in fresh_topics)
    topic_choices = [topic for topic in fresh_topics if last_use_by_topic.get(topic, _NEVER) == rested]
    topic = rng.choice(topic_choices)
    pool = sorted(candidate.question_id for candidate in fresh if candidate.topic == topic)
    return rng.choice(pool)
