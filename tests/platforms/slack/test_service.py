"""`quizbot run` starting Slack: the PlatformHandle, /healthz, and missing settings."""

from __future__ import annotations

import aiohttp
import pytest
from pydantic import SecretStr

from bot.platforms.slack import start
from bot.platforms.slack.client import SlackNotConfigured
from bot.platforms.slack.runner import SlackRunner
from bot.runtime import Runtime
from bot.service import start_platforms
from tests.platforms.slack.conftest import SECRET
from tests.platforms.slack.standin import SlackStandIn, SlackUser


def slack_settings(runtime: Runtime, standin: SlackStandIn, **extra: object) -> None:
    values = {
        "slack_bot_token": SecretStr("xoxb-test-token"),
        "slack_signing_secret": SecretStr(SECRET),
        "slack_api_base_url": standin.api_url,
        "slack_http_port": 0,
    }
    runtime.settings = runtime.settings.model_copy(update=values | extra)


async def test_service_starts_slack_and_healthz_answers(runtime: Runtime, standin: SlackStandIn):
    """With a bot token set, `quizbot run` starts Slack, signs in, and /healthz reports ready."""
    slack_settings(runtime, standin)
    handles = await start_platforms(runtime)
    handle = handles["slack"]
    try:
        assert handle.platform.name == "slack"
        assert standin.called("auth.test")
    finally:
        await handle.stop()
        await handle.wait()  # returns once stopped


async def test_healthz(runtime: Runtime, standin: SlackStandIn):
    """/healthz says ready once the app has signed in, so a load balancer only routes to a live bot."""
    slack_settings(runtime, standin)
    runner = SlackRunner(runtime)
    await runner.start()
    try:
        async with aiohttp.ClientSession() as session, session.get(f"{runner.url}/healthz") as response:
            assert response.status == 200
            assert (await response.json())["ok"] is True
    finally:
        await runner.stop()


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        ({"slack_signing_secret": None}, "QUIZBOT_SLACK_SIGNING_SECRET"),
        ({"slack_socket_mode": True, "slack_app_token": None}, "QUIZBOT_SLACK_APP_TOKEN"),
    ],
)
async def test_missing_settings_are_named(runtime: Runtime, standin: SlackStandIn, extra: dict, named: str):
    """A missing secret stops start-up with the setting's name, not a stack trace from bolt."""
    slack_settings(runtime, standin, **extra)
    with pytest.raises(SlackNotConfigured, match=named):
        await start(runtime)


async def test_secrets_never_logged(runtime: Runtime, standin: SlackStandIn, caplog: pytest.LogCaptureFixture):
    """Start-up and a request log nothing that contains the token or the signing secret."""
    caplog.set_level("DEBUG")
    slack_settings(runtime, standin)
    runner = SlackRunner(runtime)
    await runner.start()
    standin.app_url = runner.url or ""
    try:
        await standin.reply_to(await SlackUser(standin, "U0001").slash("practice"))
    finally:
        await runner.stop()
    assert "users.info" in caplog.text  # the Web API calls were logged at DEBUG
    assert "xoxb-test-token" not in caplog.text
    assert SECRET not in caplog.text
