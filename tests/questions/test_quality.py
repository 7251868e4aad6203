"""Exam-statement filter, typo table and the bank sampler: the faults a reader of the bank would see."""

from __future__ import annotations

from pathlib import Path

from questions.corrections import correct
from questions.sample import render, sample
from questions.text import statement_text
from tests.questions.conftest import SHIPPED_BANK


def test_lecture_talk_is_not_a_statement() -> None:
    """A stem quoting the lecturer ('살펴봤습니다', '클릭', '앞서') reads as talk, not an exam fact."""
    for talk in (
        "범용 스토리지 티어 중 하나를 살펴봤습니다",
        "앞서 말한 것처럼 버킷을 클릭하면 됩니다",
        "이 기능은 ALB에서 늘 활성화되어 있습니다",
        "예를 들어 45일 후엔 썸네일이 필요 없으니 삭제하는 거죠",
        "부하를 다수의 다운스트림 인스턴스로 분산하기 위해서죠",
        "로드 밸런서에 자동으로 새 인스턴스를 등록해 주는 기능을 배워 보겠습니다",
    ):
        assert statement_text(talk) is None, talk


def test_facts_are_kept_and_end_formally() -> None:
    """A fact ending in '~죠' is quoted in the written style, so stems read like an exam."""
    assert statement_text("CloudTrail은 90일 동안 이벤트를 보관하죠") == "CloudTrail은 90일 동안 이벤트를 보관합니다."
    assert statement_text("자동 백업은 기본적으로는 7일간 보관됩니다") == "자동 백업은 기본적으로는 7일간 보관됩니다."


def test_known_typos_never_reach_a_choice() -> None:
    """'Lamda' beside 'Lambda' would look like a trick; contradicted One Zone-IA lines are dropped."""
    assert correct("Lamda 함수를 다룰 때") == "Lambda 함수를 다룰 때"
    assert correct("## 오토스케일링 AGS") == "## 오토 스케일링 그룹(ASG)"
    assert correct("`가용 영역이 다운되더라도 데이터가 여전히 사용 가능`하도록") == ""
    assert correct("온-디맨드 인스턴스") == "온디맨드 인스턴스"


def test_sample_is_reproducible_and_marks_the_answer() -> None:
    """The lead re-reads the same sample from a seed, with the right answer marked."""
    first = sample(SHIPPED_BANK, 5, seed=3)
    again = sample(SHIPPED_BANK, 5, seed=3)
    assert [q.id for q in first] == [q.id for q in again]
    text = "\n".join(render(first))
    assert text.count("✔") == 5


def test_no_bracket_labels_in_shipped_stems() -> None:
    """One stem convention: context in words ('…에 대한 다음 설명에서'), never a '[topic]' prefix."""
    for path in Path(SHIPPED_BANK).glob("*.yaml"):
        assert "stem: '[" not in path.read_text(encoding="utf-8"), path
