"""Every gate rejects the flaw it names and passes a clean question."""

from __future__ import annotations

import pytest

from questions.candidate import Candidate
from questions.gates import REASONS, candidate_problems, form_problems
from questions.notes_parser import parse_notes

CLEAN = (
    "다음 설명에 해당하는 것은? 최대 90%까지 할인되지만 언제든 중단될 수 있다",
    ["스팟 인스턴스", "예약 인스턴스", "전용 인스턴스", "온디맨드 인스턴스"],
)


def test_clean_question_passes() -> None:
    stem, choices = CLEAN
    assert form_problems(stem, choices, 0) == []


@pytest.mark.parametrize(
    ("stem", "choices", "reason"),
    [
        ("스팟 인스턴스는 최대 90%까지 할인된다", CLEAN[1], "answer_in_stem"),
        ("스팟 요금은 최대 90%까지 할인되는 옵션이다", CLEAN[1], "answer_word_in_stem"),
        ("예약 인스턴스보다 최대 90%까지 할인되는 옵션", CLEAN[1], "distractor_in_stem"),
        (CLEAN[0], ["Standard", "S3 Standard", "Glacier", "Deep Archive"], "choices_not_distinct"),
        (CLEAN[0], ["스팟 인스턴스", "SSE-KMS", "SSE-C", "SSE-S3"], "mixed_kinds"),
        (CLEAN[0], ["가", "나다", "마바", "사아자차카타파하거너더러머"], "length_ratio"),
        (
            CLEAN[0],
            ["아주 긴 정답 선택지 하나입니다", "짧은 오답", "다른 오답", "세번째 오답"],
            "answer_longest",
        ),
        (CLEAN[0], ["가" * 130, "나" * 125, "다" * 126, "라" * 127], "choice_too_long"),
        ("빈칸: (　　)를 만든다", CLEAN[1], "particle_glued"),
        ("짧음", CLEAN[1], "stem_too_short"),
    ],
)
def test_form_gate_rejects(stem: str, choices: list[str], reason: str) -> None:
    assert reason in REASONS
    assert reason in form_problems(stem, choices, 0)


def test_distractor_that_makes_a_true_sentence_is_rejected() -> None:
    """'sc1 볼륨은 HDD입니다' is in the notes, so sc1 cannot be a wrong answer for that blank."""
    notes = parse_notes("# EBS\n\n`st1` 볼륨은 HDD입니다.\n`sc1` 볼륨은 HDD입니다.\n")
    candidate = Candidate(
        kind="cloze",
        section=0,
        source_line=3,
        stem="빈칸에 들어갈 말은? “(　　) 볼륨은 HDD입니다.”",
        stem_core="(　　) 볼륨은 HDD입니다.",
        answer="st1",
        distractors=["sc1", "gp2", "io1"],
        evidence=["st1 볼륨은 HDD입니다."],
        evidence_lines=[3],
        fill=("", " 볼륨은 HDD입니다."),
    )
    assert "distractor_true" in candidate_problems(candidate, notes)


def test_too_few_distractors() -> None:
    notes = parse_notes("# A\n\ntext here.\n")
    candidate = Candidate(
        kind="cloze",
        section=0,
        source_line=3,
        stem="stem stem stem",
        stem_core="stem",
        answer="a",
        distractors=["b"],
        evidence=["x"],
        evidence_lines=[3],
    )
    assert candidate_problems(candidate, notes) == ["too_few_choices"]
