"""Round 14 (thinA): the thin topics ECS, VPC, S3, IAM 역할 및 정책 and ELB.

A three-member hint group is padded from its ``near:`` groups (the stem then asks for a word, not the
group's kind); the notes' slips in the ECS, ELB and S3 lectures are corrected and the outdated 'security
groups work at instance level, not task level' lines dropped; the ELB settings (sticky sessions, cross-zone
load balancing, deregistration delay, health checks) are one group.
"""

from __future__ import annotations

from questions import gates, korean
from questions.corrections import correct
from questions.generator import GeneratedBank
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import cloze
from questions.templates._context import Context
from questions.text import distinctive_leak

B = korean.BLANK

ECS_NOTES = """# ECS

## 태스크 정의

binpack 은 EC2 인스턴스 수를 최소화하고 비용을 최소화하기 위해
하나의 EC2 인스턴스에서 모든 태스크를 수행하려는 것을 의미합니다.
랜덤은 무작위를 말하고, spread 는 태스크를 여러 가용 영역에 분산시킬 경우에 사용합니다.
서비스 오토 스케일링에는 대상 추적, 단계 스케일링, 스케줄이 있습니다.
"""

PLACEMENT = """groups:
  - name: ECS 태스크 배치 전략
{near}    members:
      - binpack
      - spread
      - 랜덤
  - name: ECS 서비스 오토 스케일링 방식
    members:
      - 대상 추적
      - 단계 스케일링
      - 스케줄
"""


def _binpack_questions(near: str) -> list:
    ctx = Context(parse_notes(ECS_NOTES), hints=parse_groups(PLACEMENT.format(near=near)))
    return [
        c for c in cloze.group_candidates(ctx) if c.answer == "binpack" and not gates.candidate_problems(c, ctx.notes)
    ]


def test_three_member_group_is_padded_from_its_near_group_and_asks_for_a_word() -> None:
    asked = _binpack_questions("    near: [ECS 서비스 오토 스케일링 방식]\n")
    assert len(asked) == 1
    question = asked[0]
    assert {"spread", "랜덤"} <= set(question.distractors)
    assert set(question.distractors) & {"대상 추적", "단계 스케일링", "스케줄"}
    assert "빈칸에 들어갈 말로" in question.stem  # the padding is no placement strategy
    assert "배치 전략(으)로" not in question.stem


def test_three_member_group_without_near_is_not_asked_as_a_cloze() -> None:
    assert _binpack_questions("") == []


def test_padding_fills_one_choice_only() -> None:
    # '랜덤은 무작위를 말하고, (　　)은(는) …': 랜덤 is named, so spread would have binpack and two padded choices
    near = "    near: [ECS 서비스 오토 스케일링 방식]\n"
    ctx = Context(parse_notes(ECS_NOTES), hints=parse_groups(PLACEMENT.format(near=near)))
    assert not [c for c in cloze.group_candidates(ctx) if c.answer == "spread"]


def test_notes_slips_in_the_ecs_elb_and_s3_lectures_are_corrected() -> None:
    fixed = {
        "EC2 인스턴스가 알아서 관리하죠": "AWS가 알아서 관리하죠",  # Fargate: AWS manages the infrastructure
        "이는 EC2 인스턴스에 EC2 클러스터를 등록하게": "이는 EC2 인스턴스를 ECS 클러스터에 등록하게",
        "EC2 인스턴스가 있고 ECM Docker 에이전트를": "EC2 인스턴스가 있고 ECS 에이전트를",
        "`대문자나 소문자를 포함하지 말 것`,": "`대문자를 포함하지 말 것`,",
        "HTTP를 사용하는 경우 기본 포트가 443입니다": "HTTPS를 사용하는 경우 기본 포트가 443입니다",
        "요즘에 주로 사용되는 건 TLC 인증서지만": "요즘에 주로 사용되는 건 TLS 인증서지만",
    }
    for wrong, right in fixed.items():
        assert correct(wrong) == right


def test_outdated_instance_level_security_group_lines_of_ecs_are_dropped() -> None:
    # awsvpc mode (Fargate's only mode) gives each task its own network interface and security groups
    assert correct("보안 그룹은 인스턴스 수준에서 동작하지 태스크 수준이 아닙니다 ") == ""
    assert correct("ECS 태스크에 연결하면 동작하지 않죠") == ""


def test_sticky_sessions_are_asked_beside_the_other_elb_settings(aws_generated: GeneratedBank) -> None:
    sticky = [q for q in aws_generated.questions if q["kind"] == "cloze" and q["choices"][q["answer"]] == "고정 세션"]
    assert sticky, "the '고정성을 활성화하면 … 불균형' line is asked"
    assert {"교차 영역 로드 밸런싱", "등록 취소 지연"} <= set(sticky[0]["choices"])
    # '연결 드레이닝' is no alias of the member: the line naming both still asks which name ALB and NLB use
    named = [q for q in aws_generated.questions if "연결 드레이닝이라 부르고" in q["stem"]]
    assert named
    assert all(q["choices"][q["answer"]] == "등록 취소 지연" for q in named)


def test_korean_spelling_of_profile_in_the_stem_gives_away_the_profile_option() -> None:
    # 'AWS CLI 프로필에 대한 다음 설명에서 …' named the answer --profile; the label is left out instead
    assert distinctive_leak("AWS CLI 프로필", {"--profile"}, ["--dry-run", "--region", "--token-code"]) == "profile"
    assert distinctive_leak("AWS CLI 프로필", {"--region"}, ["--dry-run", "--profile", "--token-code"]) is None
