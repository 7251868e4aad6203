"""The statements on every click's path, built once per dialect, and reading a post row."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Select, bindparam, select
from sqlalchemy.dialects import postgresql, sqlite

from bot.engine.types import ChannelRef, PostKind, PostRecord, Question
from bot.storage.models import Answer, Channel, Community, Post, QuestionRow, User, UTCDateTime


def question_from_row(row: QuestionRow) -> Question:
    status = "disabled" if row.disabled else row.status
    return Question(
        row.id, row.topic, row.section, row.source_line, row.stem, tuple(row.choices), row.answer,
        row.explanation, row.kind, status,
    )  # fmt: skip


def post_select() -> Select[Any]:
    return (
        select(
            Post.id, Post.kind, Post.community_id, Post.channel_id, Post.user_id, Post.opened_at, Post.closes_at,
            Post.revealed_at, Post.message_ref, Post.slot, Post.shown_stem, Post.shown_choices, Post.shown_answer,
            QuestionRow.id.label("q_id"), QuestionRow.topic, QuestionRow.section, QuestionRow.source_line,
            QuestionRow.stem, QuestionRow.choices, QuestionRow.answer, QuestionRow.explanation,
            QuestionRow.kind.label("q_kind"), QuestionRow.status, QuestionRow.disabled,
            Community.platform, Community.external_id.label("community_external_id"),
            Community.name.label("community_name"),
            Channel.external_id.label("channel_external_id"), Channel.name.label("channel_name"),
        )
        .join(QuestionRow, QuestionRow.id == Post.question_id)
        .join(Community, Community.id == Post.community_id)
        .outerjoin(Channel, Channel.id == Post.channel_id)
    )  # fmt: skip


def post_record(row: Any) -> PostRecord:
    """A post with its question as it was shown (its stored snapshot; the question row for older posts)."""
    snapshot = row.shown_choices is not None
    question = Question(
        row.q_id, row.topic, row.section, row.source_line,
        row.shown_stem if snapshot else row.stem,
        tuple(row.shown_choices if snapshot else row.choices),
        row.shown_answer if snapshot else row.answer,
        row.explanation, row.q_kind, "disabled" if row.disabled else row.status,
    )  # fmt: skip
    where = None
    if row.channel_id is not None:
        where = ChannelRef(
            row.platform,
            row.community_external_id,
            row.channel_external_id,
            row.community_name,
            row.channel_name,
        )
    return PostRecord(
        row.id, PostKind(row.kind), question, row.community_id, row.channel_id, where, row.user_id,
        row.opened_at, row.closes_at, row.revealed_at, row.message_ref, row.slot,
    )  # fmt: skip


@dataclass(frozen=True)
class ClickStatements:
    """Statements of the per-click path, built once per dialect (building them is not free)."""

    post: Any
    user: Any
    user_with_locale: Any
    answer: Any


@cache
def click_statements(dialect: str) -> ClickStatements:
    module = postgresql if dialect == "postgresql" else sqlite
    by_id = post_select().where(Post.id == bindparam("post_id"))
    user_insert = module.insert(User).values(
        platform=bindparam("platform"),
        external_id=bindparam("external_id"),
        display_name=bindparam("display_name"),
        locale=bindparam("locale"),
    )
    keys = ["platform", "external_id"]
    name_only = {"display_name": user_insert.excluded.display_name}
    with_locale = {**name_only, "locale": user_insert.excluded.locale}
    at = bindparam("at", type_=UTCDateTime())
    open_post = (
        select(Post.id, bindparam("user_id"), bindparam("choice"), bindparam("correct", type_=Boolean()), at)
        .where(Post.id == bindparam("post_id"), Post.revealed_at.is_(None))
        .where(Post.closes_at.is_(None) | (Post.closes_at > at))
    )
    if dialect == "postgresql":
        open_post = open_post.with_for_update(read=True)  # a concurrent close waits for this answer
    answer = (
        module.insert(Answer)
        .from_select(["post_id", "user_id", "choice", "correct", "answered_at"], open_post)
        .on_conflict_do_nothing(index_elements=["post_id", "user_id"])
    )  # no RETURNING: the row count answers "stored?" without a fetch round trip
    return ClickStatements(
        post=by_id,
        user=user_insert.on_conflict_do_update(index_elements=keys, set_=name_only).returning(User.id),
        user_with_locale=user_insert.on_conflict_do_update(index_elements=keys, set_=with_locale).returning(User.id),
        answer=answer,
    )
