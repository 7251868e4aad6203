"""Requests that must be refused or answered with a clear message, storing nothing."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from urllib.parse import quote, urlencode

from bot.platforms.slack import SlackRunner
from bot.runtime import Runtime
from bot.storage.models import Answer, Post, User
from tests.platforms.slack.conftest import ADMIN
from tests.platforms.slack.helpers import count
from tests.platforms.slack.standin import SlackStandIn, SlackUser

FORM = "application/x-www-form-urlencoded"


async def nothing_stored(runtime: Runtime) -> bool:
    return (await count(runtime, Post), await count(runtime, Answer), await count(runtime, User)) == (0, 0, 0)


async def test_bad_signature_is_refused(
    runtime: Runtime, slack: SlackRunner, standin: SlackStandIn, user: Callable[..., SlackUser]
):
    """A forged /quiz (wrong signature) gets 401 and starts nothing."""
    body = urlencode(user().slash_payload("practice", "forged"))
    delivery = await standin.post_signed(body, FORM, token="forged", signature="v0=" + "0" * 64)
    assert delivery.status == 401
    assert await nothing_stored(runtime)
    assert not standin.replies


async def test_stale_timestamp_is_refused(
    runtime: Runtime, slack: SlackRunner, standin: SlackStandIn, user: Callable[..., SlackUser]
):
    """A correctly signed request replayed more than 5 minutes later gets 401."""
    body = urlencode(user().slash_payload("practice", "replayed"))
    delivery = await standin.post_signed(body, FORM, token="replayed", timestamp=int(time.time()) - 301)
    assert delivery.status == 401
    assert await nothing_stored(runtime)


async def test_malformed_payload_gets_a_4xx(runtime: Runtime, slack: SlackRunner, standin: SlackStandIn):
    """A signed body that is not a Slack payload is answered with a 4xx, not a crash or a 200."""
    for body in ("payload=%7Bnot+json", "payload=" + quote(json.dumps({"type": "block_actions"})), "x=1"):
        delivery = await standin.post_signed(body, FORM)
        assert 400 <= delivery.status < 500, (body, delivery.status, delivery.body)
    assert await nothing_stored(runtime)


async def test_non_admin_cannot_post_or_disable(
    runtime: Runtime, slack: SlackRunner, standin: SlackStandIn, user: Callable[..., SlackUser]
):
    """A regular member trying admin commands is told so; nothing is posted or disabled."""
    bob = user("U0BOB")
    for text in ("post", "question disable fx-s3-sse-kms", "schedule pause"):
        reply = await standin.reply_to(await bob.slash(text))
        assert reply.body["text"] == "Only admins can use this command."
        assert reply.body["response_type"] == "ephemeral"
    assert not standin.called("chat.postMessage")
    async with runtime.store() as store:
        question = await store.question("fx-s3-sse-kms")
    assert question is not None
    assert question.status == "active"


async def test_admin_named_in_config(
    runtime: Runtime, slack: SlackRunner, standin: SlackStandIn, user: Callable[..., SlackUser]
):
    """A user listed in QUIZBOT_ADMIN_USERS may disable a question even without workspace admin rights."""
    slack.services.users.admin_users.add("slack:U0CFG")
    reply = await standin.reply_to(await user("U0CFG").slash("question disable fx-s3-sse-kms"))
    assert "out of rotation" in reply.text
    async with runtime.store() as store:
        question = await store.question("fx-s3-sse-kms")
    assert question is not None
    assert question.status == "disabled"


async def test_unknown_input_gets_help(
    runtime: Runtime, slack: SlackRunner, standin: SlackStandIn, user: Callable[..., SlackUser]
):
    """Unknown subcommands, topics and ids get an ephemeral message saying what to do; nothing stored."""
    alice, admin = user(), user(ADMIN)
    unknown = await standin.reply_to(await alice.slash("frobnicate now"))
    assert "I don't know `frobnicate now`" in unknown.text
    assert "/quiz practice [topic]" in unknown.text
    assert "schedule set" not in unknown.text  # admin help only for admins
    assert "schedule set 09:00" in (await standin.reply_to(await admin.slash("help"))).text
    topic = await standin.reply_to(await alice.slash("practice Lambda"))
    assert "No topic called 'Lambda'" in topic.text
    missing = await standin.reply_to(await admin.slash("question disable no-such-id"))
    assert "No question with id 'no-such-id'" in missing.text
    assert all(reply.body["response_type"] == "ephemeral" for reply in standin.replies)
    assert (await count(runtime, Post), await count(runtime, Answer)) == (0, 0)


async def test_forged_button_values(
    runtime: Runtime, slack: SlackRunner, standin: SlackStandIn, user: Callable[..., SlackUser]
):
    """A click whose value is not ours, or names a post that does not exist, is answered; nothing stored."""
    alice = user()
    buttons = [{"type": "actions", "block_id": "b", "elements": [
        {"type": "button", "action_id": "quiz_answer_0", "text": {"type": "plain_text", "text": "A"},
         "value": "drop table"},
        {"type": "button", "action_id": "quiz_answer_1", "text": {"type": "plain_text", "text": "B"},
         "value": "999999:1"},
    ]}]  # fmt: skip
    garbled = await standin.reply_to(await alice.click(buttons, "A", message_ts="1.0"))
    assert "could not be read" in garbled.text
    missing = await standin.reply_to(await alice.click(buttons, "B", message_ts="1.0"))
    assert "no longer exists" in missing.text
    assert (await count(runtime, Post), await count(runtime, Answer)) == (0, 0)
