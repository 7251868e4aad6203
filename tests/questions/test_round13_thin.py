"""Round 13 (thin4): the last two topics under 10 (IAM 역할 및 정책, ECS).

A Latin word with its particle ('SDK에서 (　　)') is no name the blank finishes; a group member shown only in
a code block ('region = ap-northeast-2') is one the notes name; a membership impostor of its own shape
(a code among options, an option among codes) gives itself away; a request word glued to a count
('5,500GET') leaks GetObject; a closing '…는데 그게 X의 역할이죠' is cut from its claim; a distractor's own
name words are no shared context; '그 어떤 것보다' points at nothing; a distinguishing word that is a word of
the asked kind names no choice in the question line.
"""

from __future__ import annotations

import yaml

from questions import gates, korean
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import cloze, membership
from questions.templates._context import Context
from questions.text import counted_request_leak, statement_text

B = korean.BLANK

SDK_NOTES = """# IAM 역할

## AWS SDK

~~~
[default]
region = ap-northeast-2
~~~

기본 리전을 구성하지 않으면 API 호출을 위해서 SDK에서 us-east-1이 설정 됩니다.
강의 전체는 eu-west-1 리전 기준으로 진행하며 us-west-1 리전은 쓰지 않는 구성입니다.
"""

REGION_GROUPS = """groups:
  - name: AWS 리전 코드
    members:
      - us-east-1
      - us-west-1
      - eu-west-1
      - ap-northeast-2
"""


def _context(notes: str, groups: str = "") -> Context:
    return Context(parse_notes(notes), hints=parse_groups(groups) if groups else [])


def test_default_region_is_asked_with_a_region_shown_only_in_a_config_as_distractor() -> None:
    ctx = _context(SDK_NOTES, REGION_GROUPS)
    asked = [
        c
        for c in cloze.group_candidates(ctx)
        if "기본 리전" in c.stem_core and not gates.candidate_problems(c, ctx.notes)
    ]
    assert [c.answer for c in asked] == ["us-east-1"]
    assert f"SDK에서 {B}" in asked[0].stem_core
    assert "ap-northeast-2" in asked[0].distractors


def test_particle_ends_a_latin_word_but_a_bare_latin_word_or_letter_still_needs_the_blank() -> None:
    ctx = _context(SDK_NOTES)
    assert not cloze.completes_name(ctx, f"API 호출을 위해서 SDK에서 {B}이(가) 설정 됩니다.", "us-east-1")
    assert cloze.completes_name(ctx, f"AWS X-Ray {B}은(는) 추적을 보여 줍니다.", "데몬")
    assert cloze.completes_name(ctx, f"VPC C를 {B}을(를) 통해 A와 C를 연결합니다.", "VPC 피어링")


def test_membership_impostor_of_another_shape_gives_itself_away() -> None:
    assert membership._gives_away("us-east-1", ["--dry-run", "--profile", "--image-id"])
    assert membership._gives_away("--dry-run", ["us-east-1", "us-west-1", "eu-west-1"])
    assert not membership._gives_away("--region", ["--dry-run", "--profile", "--image-id"])
    assert not membership._gives_away("EFS", ["gp2", "io1", "gp3"])  # a name among codes stays askable


def test_request_word_glued_to_a_count_leaks_the_call_it_begins() -> None:
    stem = f"Amazon S3의 {B}은(는) 접두부와 초당 5,500GET의 제한이 있습니다."
    assert counted_request_leak(stem, {"GetObject"}) == "Get"
    assert counted_request_leak(stem, {"PutObject"}) is None
    choices = ["GetObject", "PutObject", "GetSessionToken", "DescribeInstances"]
    assert "answer_word_in_stem" in gates.form_problems(stem, choices, 0)


def test_closing_clause_naming_the_claim_is_cut() -> None:
    line = "ECS 에이전트는 EC2 인스턴스를 ECS 클러스터에 등록해 주는데 그게 EC2 에이전트의 역할이죠"
    assert statement_text(line) == "ECS 에이전트는 EC2 인스턴스를 ECS 클러스터에 등록해 줍니다."


def test_any_at_all_is_no_pointer_but_a_demonstrative_still_is() -> None:
    assert statement_text("명령줄 옵션에서 세션 토큰을 지정하면 그 어떤 것보다 우선이 됩니다") is not None
    assert statement_text("명령줄 옵션에서 세션 토큰을 지정하면 그 옵션이 우선이 됩니다") is None


ECS_NOTES = """# 컨테이너

## ECS

EC2 인스턴스는 평범한 AMI를 실행하는 게 아니라 특수한 ECS AMI를 실행합니다.
많은 서비스가 같은 EC2 인스턴스에서 실행 중인 경우 많은 ECS 태스크 IAM 역할을 만들어야 합니다.
EC2 인스턴스 프로필은 로그를 보낼 수 있는 IAM 권한을 가져야 합니다.
ECS 에이전트는 EC2 인스턴스를 ECS 클러스터에 등록해 주는데 그게 EC2 에이전트의 역할이죠
"""

ECS_GROUPS = """groups:
  - name: ECS 구성 요소
    members:
      - ECS 에이전트
      - ECS AMI
      - ECS 태스크 IAM 역할
      - EC2 인스턴스 프로필
"""


def test_agent_registration_is_asked_though_distractors_share_ecs_and_ec2_words() -> None:
    ctx = _context(ECS_NOTES, ECS_GROUPS)
    asked = [
        c
        for c in cloze.group_candidates(ctx)
        if "클러스터에 등록" in c.stem_core and not gates.candidate_problems(c, ctx.notes)
    ]
    assert [c.answer for c in asked] == ["ECS 에이전트"]
    assert asked[0].stem_core == f"{B}은(는) EC2 인스턴스를 ECS 클러스터에 등록해 줍니다."


def test_kind_word_in_the_question_line_names_no_choice_but_in_the_quote_it_does() -> None:
    choices = ["명령줄 옵션", "환경 변수", "CLI 자격 증명 파일", "CLI 구성 파일"]
    lead = "자격 증명 공급자 및 체인에 대한 다음 설명에서 빈칸에 들어갈 AWS CLI 자격 증명 공급자(으)로 알맞은 것은?"
    quiet = f"{lead}\n“{B}에서 세션 토큰을 지정하면 그 어떤 것보다 우선이 됩니다.”"
    loud = f"{lead}\n“{B}에는 자격 증명이 저장되며 그 어떤 것보다 우선이 됩니다.”"
    assert not gates._names_choice_beyond_kind(quiet, "CLI 자격 증명 파일", choices)
    assert gates._names_choice_beyond_kind(loud, "CLI 자격 증명 파일", choices)


def test_real_bank_asks_the_default_region_the_agent_and_the_first_cli_provider() -> None:
    from .conftest import SHIPPED_BANK

    stems = {}
    for path in sorted(SHIPPED_BANK.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for q in data.get("questions", []) if isinstance(data, dict) else data:
            stems[q["stem"]] = q["choices"][q["answer"]]
    found = {answer for stem, answer in stems.items() if "SDK에서" in stem or "클러스터에 등록해 줍니다" in stem}
    found |= {answer for stem, answer in stems.items() if "그 어떤 것보다 우선" in stem}
    assert {"us-east-1", "ECS 에이전트", "명령줄 옵션"} <= found
    assert not any("5,500GET" in stem for stem in stems)
