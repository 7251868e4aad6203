"""The question bank file format: YAML files with a top-level ``questions:`` list.

Every question is validated by :class:`BankQuestion`. :func:`load_bank` reads a whole
folder and returns the valid questions together with every problem found (file and
question id), so ``quizbot bank validate`` can print them all at once instead of
stopping at the first.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

CHOICE_COUNT = 4
CHOICE_LETTERS = "ABCD"


def normalise_choice(text: str) -> str:
    """The form two choices are compared in: NFKC, casefolded, inner whitespace dropped."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


class BankQuestion(BaseModel):
    """One multiple-choice question as stored in a bank file.

    Extra keys (``kind``, ``notes``, scores a generator keeps) are allowed and kept.
    """

    model_config = ConfigDict(extra="allow", frozen=True, str_strip_whitespace=True)

    id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")
    topic: str = Field(min_length=1, max_length=200)
    section: str = Field(min_length=1, max_length=500)
    source_line: int = Field(ge=1)
    stem: str = Field(min_length=1)
    choices: list[str]
    answer: int
    explanation: str = Field(min_length=1)
    status: Literal["active", "retired"] = "active"

    @field_validator("choices")
    @classmethod
    def _four_distinct_choices(cls, choices: list[str]) -> list[str]:
        if len(choices) != CHOICE_COUNT:
            raise ValueError(f"needs exactly {CHOICE_COUNT} choices, found {len(choices)}")
        cleaned = [str(choice).strip() for choice in choices]
        if any(not choice for choice in cleaned):
            raise ValueError("a choice is empty")
        if len({normalise_choice(choice) for choice in cleaned}) != CHOICE_COUNT:
            raise ValueError("choices are not distinct")
        return cleaned

    @model_validator(mode="after")
    def _answer_in_range(self) -> BankQuestion:
        if not 0 <= self.answer < CHOICE_COUNT:
            raise ValueError(f"answer must be 0..{CHOICE_COUNT - 1}, found {self.answer}")
        return self

    @property
    def kind(self) -> str | None:
        extra = self.model_extra or {}
        value = extra.get("kind")
        return str(value) if value is not None else None


@dataclass(frozen=True)
class BankProblem:
    """One thing wrong with a bank: where it is and what it is."""

    file: str
    question_id: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.question_id is None else f"{self.file} [{self.question_id}]"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Bank:
    questions: tuple[BankQuestion, ...]
    problems: tuple[BankProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


class BankError(Exception):
    """A bank that cannot be used at all (missing folder, no files)."""


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        field = ".".join(str(p) for p in item["loc"])
        message = str(item["msg"]).removeprefix("Value error, ")
        parts.append(f"{field}: {message}" if field else message)
    return "; ".join(parts)


def _questions_in(path: Path, label: str) -> tuple[list[Any], list[BankProblem]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return [], [BankProblem(label, None, "not UTF-8 text")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        reason = getattr(error, "problem", None) or "malformed YAML"
        return [], [BankProblem(label, None, f"malformed YAML{where}: {reason}")]
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        return [], [BankProblem(label, None, "needs a top-level 'questions:' list")]
    return data["questions"], []


def bank_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def load_bank(folder: Path) -> Bank:
    """Read every ``*.yaml`` file in ``folder``; valid questions plus all problems found."""
    if not folder.is_dir():
        raise BankError(f"bank folder not found: {folder}")
    files = bank_files(folder)
    if not files:
        raise BankError(f"no .yaml files in bank folder: {folder}")
    questions: list[BankQuestion] = []
    problems: list[BankProblem] = []
    seen: dict[str, str] = {}
    for path in files:
        label = path.name
        raw_questions, file_problems = _questions_in(path, label)
        problems.extend(file_problems)
        for position, raw in enumerate(raw_questions, start=1):
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            question_id = str(raw_id) if raw_id is not None else f"#{position}"
            if not isinstance(raw, dict):
                problems.append(BankProblem(label, question_id, "is not a mapping"))
                continue
            try:
                question = BankQuestion.model_validate(raw)
            except ValidationError as error:
                problems.append(BankProblem(label, question_id, _describe(error)))
                continue
            if question.id in seen:
                problems.append(BankProblem(label, question.id, f"duplicate id (also in {seen[question.id]})"))
                continue
            seen[question.id] = label
            questions.append(question)
    return Bank(tuple(questions), tuple(problems))


def dump_questions(questions: list[dict[str, Any]]) -> str:
    """Serialise questions the way every bank file is written: stable, readable UTF-8 YAML."""
    return yaml.safe_dump(
        {"questions": questions}, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )
