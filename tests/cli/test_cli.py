"""The command line: bad input gets one clear line and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_BANK

ROOT = Path(__file__).resolve().parents[2]


def quizbot(*args: str, env: dict[str, str] | None = None, stdin: str = "", cwd: Path | None = None):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("QUIZBOT_")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin, capture_output=True, text=True, env=environment, cwd=cwd or ROOT, timeout=120,
    )  # fmt: skip


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_bank_validate_lists_problems(tmp_path: Path):
    (tmp_path / "bad.yaml").write_text("questions:\n- id: x\n  topic: t\n", encoding="utf-8")
    result = quizbot("bank", "validate", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.startswith("bad.yaml [x]:")
    assert "Traceback" not in result.stderr
    good = quizbot("bank", "validate", str(FIXTURE_BANK))
    assert good.returncode == 0
    assert "12 question(s)" in good.stdout


def test_malformed_yaml_bank(tmp_path: Path):
    (tmp_path / "broken.yaml").write_text("questions: [\n", encoding="utf-8")
    result = quizbot("bank", "validate", str(tmp_path))
    assert result.returncode == 1
    assert "broken.yaml: malformed YAML" in result.stdout


def test_unmigrated_database_refused(tmp_path: Path):
    env = {"QUIZBOT_DB_PATH": str(tmp_path / "fresh.db"), "QUIZBOT_BANK_DIR": str(FIXTURE_BANK)}
    assert_one_line_error(quizbot("console", env=env), "quizbot db upgrade")


def test_unreachable_database(tmp_path: Path):
    env = {"QUIZBOT_DATABASE_URL": "postgresql+asyncpg://nobody@127.0.0.1:1/none"}
    assert_one_line_error(quizbot("console", env=env), "cannot reach the database")


def test_bad_timezone_setting(tmp_path: Path):
    assert_one_line_error(quizbot("config", "show", env={"QUIZBOT_TIMEZONE": "Mars/Olympus"}), "QUIZBOT_TIMEZONE")


@pytest.fixture
def migrated(tmp_path: Path) -> dict[str, str]:
    env = {"QUIZBOT_DB_PATH": str(tmp_path / "quiz.db"), "QUIZBOT_BANK_DIR": str(FIXTURE_BANK)}
    result = quizbot("db", "upgrade", env=env)
    assert result.returncode == 0, result.stderr
    return env


def test_unknown_topic(migrated: dict[str, str]):
    assert_one_line_error(quizbot("console", "--topic", "Lambda", env=migrated), "Lambda")


def test_bad_bank_at_start(migrated: dict[str, str], tmp_path: Path):
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "q.yaml").write_text("questions:\n- {id: a, choices: [1, 2, 3]}\n", encoding="utf-8")
    env = {**migrated, "QUIZBOT_BANK_DIR": str(bank)}
    assert_one_line_error(quizbot("console", env=env), "bad question bank", "bank validate")


def test_console_plays_a_question_in_english(migrated: dict[str, str]):
    """A newcomer's first run: a question with A-D, an answer, the reveal, the leaderboard."""
    result = quizbot("console", "--lang", "en", "--user", "newbie", env=migrated, stdin="a\nl\nq\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "A. " in out
    assert "D. " in out
    assert "Recorded: A" in out
    assert "Answer: " in out
    assert "Leaderboard · all topics · all time" in out
    assert "Good work!" in out


def test_config_show_masks_secrets():
    env = {
        "QUIZBOT_SLACK_BOT_TOKEN": "xoxb-very-secret",
        "QUIZBOT_DATABASE_URL": "postgresql+asyncpg://u:pw@h/db",
    }
    result = quizbot("config", "show", env=env)
    assert result.returncode == 0
    assert "xoxb-very-secret" not in result.stdout
    assert "pw@" not in result.stdout
    assert "QUIZBOT_SLACK_BOT_TOKEN=**********" in result.stdout


def test_platform_that_cannot_start_is_one_line(migrated: dict[str, str]):
    """A half-configured Slack app says what is missing, without a traceback or the token."""
    env = {**migrated, "QUIZBOT_SLACK_BOT_TOKEN": "xoxb-secret-token-value"}
    result = quizbot("run", env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "xoxb-secret-token-value" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: slack did not start: HTTP mode needs QUIZBOT_SLACK_SIGNING_SECRET"
        " (or set QUIZBOT_SLACK_SOCKET_MODE=true)"
    ]


def test_nothing_configured_points_to_the_console(migrated: dict[str, str]):
    result = quizbot("run", env=migrated)
    assert_one_line_error(result, "no platform is configured", "quizbot console")
