"""Round-5 faults as gates, and the numeric and comparison sources that widen the bank."""

from __future__ import annotations

from questions.notes_parser import parse_notes
from questions.templates import numeric
from questions.templates._context import Context
from questions.text import in_case_study, statement_text

CASE = [
    "## S3 수명 주기 규칙",
    "수명 주기 규칙으로 객체를 다른 클래스로 전환합니다",
    "",
    "예제를 보면서 함께 생각해 봅시다",
    "썸네일은 45일간만 보관됩니다",
    "",
    "Glacier는 비용이 좀 더 비싸며 DEEP_ARCHIVE까지 올려서 비용을 더 절약할 수 있습니다",
    "## S3 퍼포먼스",
    "S3는 초당 3,500개의 PUT 요청을 처리합니다",
]


def test_case_study_lines_are_no_facts_for_any_template() -> None:
    """A concept stem quoting the S3 lifecycle case study ('Glacier는 비용이 좀 더 비싸며…') reads as a rule."""
    assert in_case_study(CASE, 5)
    assert in_case_study(CASE, 7)  # a later paragraph of the same case
    assert not in_case_study(CASE, 2)  # before the case is posed
    assert not in_case_study(CASE, 9)  # the next heading ends it


def test_round4_reading_faults_are_not_statements() -> None:
    """Pointer talk ('이렇게'), a sentence about the contrasted thing, diagram narration are not exam facts."""
    assert statement_text("CodePipeline 은 이렇게 전 과정을 조정하며 유연한 작업을 가능하게 해줍니다") is None
    assert statement_text("일반적인 데이터베이스(RDBMS)는 디스크에 데이터를 영구적으로 저장해 놓습니다") is None
    assert statement_text("EC2 인스턴스가 있고 ECS Docker 에이전트를 실행 중입니다") is None
    assert statement_text("ElastiCache는 인메모리 데이터베이스를 관리형으로 제공합니다") is not None


def test_count_needs_a_counted_noun_named_in_the_notes() -> None:
    """'지표당 최대 (　　)의 배열' does not say what is counted; '(　　)의 읽기 전용 복제본' does."""
    notes = "# RDS\n\n## `읽기 전용 복제본`\n\n읽기 전용 복제본은 최대 5개까지 만들 수 있습니다.\n"
    ctx = Context(parse_notes(notes))
    assert numeric._counted_noun_named(ctx, "의 읽기 전용 복제본까지")
    assert numeric._counted_noun_named(ctx, "까지 생성 가능합니다")
    assert not numeric._counted_noun_named(ctx, "의 배열까지 선택할 수 있습니다")


PORT_NOTES = """\
# EC2

## 보안 그룹

보안 그룹에서 SSH 포트는 22번 포트로 Linux 인스턴스에 로그인하도록 합니다.
RDP 포트는 3389번 포트로 Windows 인스턴스에 로그인하도록 합니다.
HTTP는 80번 포트를 쓰고 HTTPS는 443번 포트를 씁니다.

## 읽기 전용 복제본

읽기 전용 복제본은 하나의 DB에 대해 최대 5개까지 생성 가능합니다.
기본 노드 1개가 있고 노드의 복제본은 0개에서 5개까지 있습니다.

## 태그

태그는 리소스당 최대 50개까지 붙일 수 있습니다.
스냅샷 복사는 리전당 최대 20개까지 동시에 진행할 수 있습니다.
"""


def test_port_and_count_limits_become_numeric_questions_with_neutral_particles() -> None:
    """'포트는 (　　)로' reveals the answer's last sound; '최대 5개까지' is a limit worth asking, '1개' is not."""
    ctx = Context(parse_notes(PORT_NOTES))
    found = list(numeric.generate(ctx))
    ssh = next(c for c in found if c.answer == "22번 포트")
    assert "(　　)(으)로" in ssh.stem_core
    assert set(ssh.distractors) <= {"3389번 포트", "80번 포트", "443번 포트"}
    assert any(c.answer == "5개" and "최대" in c.stem_core for c in found)
    assert all(c.answer not in {"1개", "0개"} for c in found)
