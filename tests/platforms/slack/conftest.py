"""The real bolt app (HTTP mode or Socket Mode) wired to a Slack stand-in on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from pydantic import SecretStr

from bot.platforms.slack import SlackRunner
from bot.runtime import Runtime
from tests.platforms.slack.standin import SlackStandIn, SlackUser

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
ADMIN = "UADMIN"


@pytest.fixture
async def standin() -> AsyncIterator[SlackStandIn]:
    fake = SlackStandIn(SECRET)
    await fake.start()
    fake.users[ADMIN] = {"is_admin": True}
    try:
        yield fake
    finally:
        await fake.stop()


async def start_bot(runtime: Runtime, standin: SlackStandIn, *, socket_mode: bool) -> SlackRunner:
    runtime.settings = runtime.settings.model_copy(
        update={
            "slack_bot_token": SecretStr("xoxb-test-token"),
            "slack_signing_secret": SecretStr(SECRET),
            "slack_app_token": SecretStr("xapp-test-token"),
            "slack_api_base_url": standin.api_url,
            "slack_http_host": "127.0.0.1",
            "slack_http_port": 0,
            "slack_socket_mode": socket_mode,
            "language": "ko",
        }
    )
    runner = SlackRunner(runtime)
    await runner.start()
    standin.app_url = runner.url or ""
    return runner


@pytest.fixture(params=["http", "socket"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def slack(runtime: Runtime, standin: SlackStandIn) -> AsyncIterator[SlackRunner]:
    """The app in HTTP mode."""
    runner = await start_bot(runtime, standin, socket_mode=False)
    try:
        yield runner
    finally:
        await runner.stop()


@pytest.fixture
def user(standin: SlackStandIn) -> Callable[..., SlackUser]:
    def make(user_id: str = "U0001", *, socket_mode: bool = False) -> SlackUser:
        return SlackUser(standin, user_id, socket_mode=socket_mode)

    return make
