"""Round 8: hint groups for the thin topics, scoped to a topic with ``topic:``."""

from __future__ import annotations

from questions.bank_format import load_bank
from questions.generator import generate_bank
from questions.groups import parse_groups
from tests.questions.conftest import SHIPPED_BANK

CFN_PARTS = {"리소스", "매개변수", "매핑", "출력", "조건", "메타데이터"}  # round 14: Metadata, the sixth part

NOTES = """# 템플릿 도구

## 매개변수

매개변수는 스택을 만들 때 사용자가 입력하는 동적 입력값으로 템플릿을 재사용할 수 있게 합니다.

## 매핑

매핑은 리전이나 환경에 따라 달라지는 고정 값을 키와 값의 표로 담아 두는 섹션입니다.

## 출력

출력은 스택이 만든 리소스의 값을 내보내 다른 스택이 가져다 쓸 수 있게 하는 선언입니다.

## 조건

조건은 환경 이름 같은 값에 따라 리소스를 만들지 말지를 정하는 논리식입니다.

# 다른 주제

## 모니터링

대시보드의 출력 화면은 지표를 그래프로 보여 주며 조건에 맞는 알림을 보냅니다.
"""

HINTS = """groups:
  - name: 템플릿 구성 요소
    topic: 템플릿 도구
    members: [매개변수, 매핑, 출력, 조건]
"""


def test_topic_scoped_group_parses() -> None:
    """A hints file with 'topic:' must load; without it a group applies to the whole notes as before."""
    groups = parse_groups(HINTS + "  - name: X\n    members: [a, b]\n")
    assert groups[0].topic == "템플릿 도구"
    assert groups[1].topic == ""


def test_scoped_group_gives_same_kind_distractors_only_in_its_topic() -> None:
    """A player must see the template parts as each other's distractors, and never a CloudFormation part
    offered as the answer for a monitoring sentence that happens to say '출력' or '조건'."""
    bank = generate_bank(NOTES, groups=HINTS)
    members = {"매개변수", "매핑", "출력", "조건"}
    grouped = [q for q in bank.questions if q["answer"] is not None and q["choices"][q["answer"]] in members]
    assert grouped, "the template parts give no question"
    for question in grouped:
        assert set(question["choices"]) <= members, question
    assert all(q["topic"] == "템플릿 도구" for q in grouped)


def test_shipped_cloudformation_parts_are_asked_among_each_other() -> None:
    """In the AWS bank, a question whose answer is a CloudFormation template part offers only parts (a
    membership question's answer is by design the one of another set: '다음 중 … 스택 기능에 해당하지 않는 것은?')."""
    questions = [q for q in load_bank(SHIPPED_BANK).questions if q.topic == "AWS CloudFormation"]
    parts = [q for q in questions if q.choices[q.answer] in CFN_PARTS and q.kind != "membership"]
    assert len(parts) >= 3
    for question in parts:
        assert set(question.choices) <= CFN_PARTS, question.stem


def test_sse_questions_do_not_name_s3_in_the_kind_label() -> None:
    """'…해당하는 S3 객체 암호화 방식은?' hints at SSE-S3 by its label; the label must not say 'S3'."""
    for question in load_bank(SHIPPED_BANK).questions:
        if "SSE-S3" in question.choices and "SSE-S3" not in question.stem:
            first = question.stem.split("\n", 1)[0]
            assert "S3" not in first.replace("SSE-S3", ""), question.stem
