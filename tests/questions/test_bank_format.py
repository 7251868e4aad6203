"""The bank file format: every problem is reported with its file and question id."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.bank_format import BankError, load_bank
from tests.conftest import FIXTURE_BANK

GOOD = """
- id: q1
  topic: S3
  section: S3 > 암호화
  source_line: 10
  stem: 어느 것인가?
  choices: [가, 나, 다, 라]
  answer: 1
  explanation: 나입니다.
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_fixture_bank_is_valid():
    """The hand-written bank the tests and `make run` rely on passes the schema."""
    bank = load_bank(FIXTURE_BANK)
    assert bank.ok
    assert len(bank.questions) == 12


def test_every_problem_is_reported_with_file_and_id(tmp_path: Path):
    bad = GOOD.replace("[가, 나, 다, 라]", "[가, 나, 다]").replace("id: q1", "id: three")
    out_of_range = GOOD.replace("answer: 1", "answer: 4").replace("id: q1", "id: range")
    same = GOOD.replace("[가, 나, 다, 라]", "[가, 나, 다, ' 가 ']").replace("id: q1", "id: same")
    write(tmp_path, "a.yaml", "questions:" + GOOD + bad + out_of_range + same + GOOD)
    write(tmp_path, "b.yaml", "questions: [oops\n")
    write(tmp_path, "c.yaml", "just: a mapping\n")
    bank = load_bank(tmp_path)
    messages = [str(problem) for problem in bank.problems]
    assert [question.id for question in bank.questions] == ["q1"]
    assert any(m.startswith("a.yaml [three]: choices: needs exactly 4 choices") for m in messages)
    assert any(m.startswith("a.yaml [range]: answer must be 0..3") for m in messages)
    assert any(m.startswith("a.yaml [same]: choices: choices are not distinct") for m in messages)
    assert any(m.startswith("a.yaml [q1]: duplicate id") for m in messages)
    assert any(m.startswith("b.yaml: malformed YAML at line") for m in messages)
    assert any(m.startswith("c.yaml: needs a top-level 'questions:' list") for m in messages)


def test_extra_keys_are_kept_and_status_defaults_to_active(tmp_path: Path):
    write(tmp_path, "a.yaml", "questions:" + GOOD.replace("answer: 1", "answer: 1\n  kind: cloze"))
    (question,) = load_bank(tmp_path).questions
    assert question.kind == "cloze"
    assert question.status == "active"


def test_missing_or_empty_folder(tmp_path: Path):
    with pytest.raises(BankError, match="not found"):
        load_bank(tmp_path / "nope")
    with pytest.raises(BankError, match=r"no \.yaml files"):
        load_bank(tmp_path)
