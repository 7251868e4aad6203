"""Round 10: thin topics (CloudFront, ECS, S3, IAM, VPC, Beanstalk, CloudFormation).

Topic-scoped hint groups may blank a product name the notes use all over; sentence checks that were
too strict for good lines ('서명된 URL은 …') or too loose for lecture talk ('역시 …', '스크롤을 내리면');
a fact told twice in one topic is asked once.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from questions import korean
from questions.gates import form_problems
from questions.generator import GeneratedBank, generate_bank
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import cloze
from questions.templates._context import Context
from questions.text import distinctive_leak, statement_text

from .conftest import AWS_NOTES

B = korean.BLANK

# ECS is named in four of the five topics: too generic for a cloze anywhere, unless a group keeps it to
# the ECS topic, where its siblings are the distractors.
CONTAINER_NOTES = """# 컴퓨팅

EC2 인스턴스에서 ECS 에이전트를 실행하면 컨테이너를 관리할 수 있습니다.

# 배포

Beanstalk은 ECS 플랫폼 위에서 도커 애플리케이션을 실행할 수 있습니다.

# 파이프라인

CodeDeploy는 ECS 서비스에 새 태스크 세트를 배포할 수 있습니다.

# 모니터링

CloudWatch 로그는 애플리케이션 로그를 저장하는 곳입니다.

# 컨테이너 ECS

## 태스크

Fargate를 사용하면 관리해야 할 서버 없이 도커 컨테이너를 서버리스로 실행할 수 있습니다.
ECR은 AWS에서 개인 도커 이미지를 저장하는 레지스트리 서비스입니다.
EKS는 AWS가 관리하는 쿠버네티스 클러스터를 실행하는 서비스입니다.
ECS 태스크는 클러스터의 EC2 인스턴스 위에서 태스크 정의에 따라 배치되어 실행됩니다.
"""

CONTAINER_GROUPS = """groups:
  - name: 컨테이너 서비스
    {topic}
    members:
      - ECS
      - ECR
      - Fargate
      - EKS
"""


def _group_answers(notes_text: str, groups_text: str) -> Counter[str]:
    ctx = Context(parse_notes(notes_text), hints=parse_groups(groups_text))
    return Counter(c.answer for c in cloze.group_candidates(ctx))


def test_topic_scoped_group_blanks_a_product_named_all_over_the_notes() -> None:
    """ECS is in most topics (too generic on its own), but a group kept to the ECS topic asks it there."""
    scoped = _group_answers(CONTAINER_NOTES, CONTAINER_GROUPS.format(topic="topic: ECS"))
    unscoped = _group_answers(CONTAINER_NOTES, CONTAINER_GROUPS.format(topic=""))
    assert scoped["ECS"] >= 1
    assert unscoped["ECS"] == 0
    assert scoped["Fargate"] >= 1  # named in one topic only: never generic
    assert unscoped["Fargate"] >= 1


COMMON_NOUN_NOTES = """# 템플릿

## 리소스

리소스는 템플릿에서 반드시 선언해야 하는 유일한 필수 블록입니다.
출력은 다른 스택에서 가져올 수 있는 값을 내보내는 선택 블록입니다.
매핑은 리전이나 환경에 따라 하드 코딩된 고정 값을 찾는 선택 블록입니다.
조건은 환경에 따라 리소스 생성 여부를 정하는 선택 블록입니다.

# 네트워크

VPC 안의 리소스는 서브넷에 배치되고 보안 그룹으로 보호됩니다.

# 데이터베이스

RDS 인스턴스는 리소스 태그로 비용을 추적할 수 있습니다.

# 모니터링

CloudWatch 경보는 리소스 지표가 임계값을 넘으면 알림을 보냅니다.
"""


def test_common_korean_noun_stays_too_generic_in_a_scoped_group() -> None:
    """'리소스' is an everyday word of every topic: a scoped group does not make it a cloze answer."""
    groups = """groups:
  - name: 템플릿 구성 요소
    topic: 템플릿
    members: [리소스, 출력, 매핑, 조건]
"""
    answers = _group_answers(COMMON_NOUN_NOTES, groups)
    assert answers["리소스"] == 0
    assert answers["매핑"] >= 1


def test_modifier_before_a_latin_name_is_no_run_together_line() -> None:
    """'서명된 URL은 …' is one noun phrase; '… 공유 CodeGuru 는 …' is two lines run together."""
    assert statement_text("서명된 URL은 개별 파일에 대한 액세스를 줍니다") is not None
    assert statement_text("새로운 ALB는 경로 기반 라우팅을 지원합니다") is not None
    assert statement_text("패키지를 저장, 게시, 공유 CodeGuru 는 코드 리뷰를 자동화합니다") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "역시 AWS 의 제3자 회사인 Gemalto 의 제품입니다",  # 'likewise': the referent is in the line before
        "다시 한번, 값을 가져올 때 내보내기 된 ImportValue 의 이름을 주면 됩니다",
        "구문을 알아야 하고 ImportValue 함수를 알고 있어야 합니다",
        "스크롤을 내리면 CodeBuild로 코드를 커밋, 배포, 파이프라인할 수 있습니다",
        "리소스의 속성을 어떻게 가져오는지 묻는다면 GetAtt 함수를 사용한다고 답변해야 합니다",
        "URL 관련해서 기억해야 할 것은 169.254.169.254/latest/meta-data 입니다",
        "CNAME 교체 블루/그린 배포나 Route 53 DNS 업데이트를 수행할 차례입니다",
    ],
)
def test_lecture_talk_is_no_statement(sentence: str) -> None:
    assert statement_text(sentence) is None


def test_latin_word_spelling_out_the_answer_is_a_leak() -> None:
    """'대체(Substitute)의 약어' tells the player the answer is Sub."""
    stem = f"{B} 함수는 대체(Substitute)의 약어입니다."
    assert distinctive_leak(stem, {"Fn::Sub", "Sub"}, ["Ref", "Fn::GetAtt", "GetAtt", "Fn::Join", "Join"])
    assert not distinctive_leak(f"{B} 함수는 문자열의 값을 바꿉니다.", {"Fn::Sub", "Sub"}, ["Ref", "Join"])


def test_blank_completing_a_name_is_rejected() -> None:
    """'!(　　)' is a YAML tag ('!Ref'); '(　　) classic' is the first half of 'ECS classic'."""
    ctx = Context(parse_notes(CONTAINER_NOTES))
    assert cloze.completes_name(ctx, f"YAML 에서는 참조 함수를 줄여서 !{B}(이)라고 합니다.", "Ref")
    assert cloze.completes_name(ctx, f"{B} classic 에는 EC2 인스턴스가 반드시 생성되어야 합니다.", "ECS")
    assert not cloze.completes_name(ctx, f"{B} 태스크는 IAM 역할을 가질 수 있습니다.", "ECS")


CUT_NOTES = """# 템플릿

## 매핑

이 템플릿을 살펴보면
전에 정의한 RegionMap 이 있고
EC2 인스턴스를 만들어서
올바른 AMI ID를 참조하려면
ImageId에 대한 FindInMap 함수를 사용해야 합니다
매핑은 리전에 따라 달라지는 고정 값을 담는 선택 블록입니다.
"""


def test_sentence_cut_at_the_line_limit_loses_its_start() -> None:
    """'ImageId에 대한 FindInMap 함수를 …' goes on from lines flushed at the limit: no stand-alone fact."""
    notes = parse_notes(CUT_NOTES)
    ctx = Context(notes)
    texts = {notes.sentences[i].text: i for i in range(len(notes.sentences))}
    cut = next(i for t, i in texts.items() if t.startswith("ImageId"))
    whole = next(i for t, i in texts.items() if t.startswith("매핑은"))
    assert notes.sentences[cut].continued
    assert cut not in ctx.facts
    assert whole in ctx.facts


TWIN_NOTES = """# 템플릿

## 매개변수

매개변수는 템플릿에 입력값을 제공하는 방식입니다.
`Ref` 함수는 가장 많이 사용되는 것으로 매개변수를 참조할 때 사용합니다.

## 내장 함수

`Ref` 함수는 가장 중요한 것으로 매개변수를 참조할 때 사용합니다.
`GetAtt` 함수는 리소스의 속성을 가져올 때 사용합니다.
`FindInMap` 함수는 매핑에서 값을 찾을 때 사용합니다.
`ImportValue` 함수는 다른 스택이 내보낸 값을 가져올 때 사용합니다.
`Join` 함수는 구분자로 값을 결합할 때 사용합니다.
"""

TWIN_GROUPS = """groups:
  - name: 내장 함수
    topic: 템플릿
    members: [Ref, GetAtt, FindInMap, ImportValue, Join]
"""


def test_one_fact_told_twice_in_a_topic_is_asked_once() -> None:
    """'가장 많이 사용되는 것으로' and '가장 중요한 것으로': the same answer and claim are one question."""
    bank = generate_bank(TWIN_NOTES, groups=TWIN_GROUPS)
    ref = [q for q in bank.questions if q["choices"][q["answer"]] == "Ref" and "참조할 때" in q["stem"]]
    assert len(ref) == 1


def test_statement_left_without_a_named_subject_is_the_odd_one_out() -> None:
    """Three choices opening with their own subject ('gp2에서는 …') and the answer with none give it away."""
    choices = [
        "여러 개의 가용 영역에 걸쳐 많은 인스턴스들에 연결될 수 있습니다.",
        "io 1은 IO를 볼륨 크기와 관계 없이 독립적으로 증가시킬 수 있습니다.",
        "gp2에서는 디스크 크기가 늘어나면 IO도 함께 증가합니다.",
        "인스턴스 스토어는 인스턴스가 망가지면 함께 망가지는 임시 드라이브입니다.",
    ]
    assert "mixed_kinds" in form_problems("EFS에 대한 설명으로 옳은 것은?", choices, 0, statement=True)
    plain = [c.split(" ", 1)[1] if i else c for i, c in enumerate(choices)]
    assert "mixed_kinds" not in form_problems("EFS에 대한 설명으로 옳은 것은?", plain, 0, statement=True)


@pytest.fixture(scope="module")
def aws_bank(aws_generated: GeneratedBank) -> list[dict]:
    return aws_generated.questions


def test_cloudformation_intrinsic_functions_are_asked_beside_each_other(aws_bank: list[dict]) -> None:
    functions = {"Ref", "Fn::GetAtt", "Fn::FindInMap", "Fn::ImportValue", "Fn::Join", "Fn::Sub"}
    # a membership question offers a function as the one NOT among the stack features, by design
    asked = [q for q in aws_bank if q["choices"][q["answer"]] in functions and q["kind"] != "membership"]
    assert len(asked) >= 3
    for question in asked:
        assert set(question["choices"]) <= functions  # never beside template sections or services
        assert "Substitute" not in question["stem"]


def _asked_name(question: dict) -> str:
    """Whom a question is about: the right choice, or for a definition the name in its stem."""
    if question["kind"] == "definition":
        return question["stem"].removeprefix("다음 중 ").split("에 대한 설명")[0]
    return question["choices"][question["answer"]]


def _asked_quote(question: dict) -> str:
    """The quoted sentence a question asks: the whole evidence, or a negative question's odd statement
    (its explanation goes on to quote X's true statements, which it does not ask)."""
    quoted = question["explanation"].split("“", 1)[1]
    return quoted.split("”", 1)[0] if question["kind"] == "negative" else quoted.rstrip("”")


def test_one_sentence_is_asked_once(aws_bank: list[dict]) -> None:
    """'(　　)은(는) … 선결제나 장기 약정이 필요 없습니다' (온디맨드) and '온디맨드 인스턴스에 대한 설명으로 옳은
    것은? → …' ask one fact: only one of them is kept, whatever the template (a value asked by a numeric
    question is another fact)."""
    # a membership question asks a set by its name; the line it quotes only shows where the impostor belongs
    facts = [q for q in aws_bank if q["kind"] not in {"numeric", "membership"}]
    asked = Counter((_asked_name(q), q["explanation"]) for q in facts)
    assert [pair for pair, n in asked.items() if n > 1] == []
    quotes = [_asked_quote(q) for q in facts]
    repeated = [a for i, a in enumerate(quotes) for j, b in enumerate(quotes) if i != j and a in b]
    assert repeated == []  # '… 스냅샷을 찍어야 합니다' as a cloze on 스냅샷 and as a description of EBS: once


def test_thin_topics_do_not_shrink(aws_bank: list[dict]) -> None:
    """The round-9 counts of the thin topics are a floor (they were 7, 5, 3, 4, 1, 1, 9, 9); IAM 역할 및 정책
    lost its '기억해야 할 것은 …/meta-data' question (lecture talk that spells out the answer); Beanstalk
    lost four in round 11's reading: three descriptions answered by the heading 'Beanstalk 배포 모드' (an
    architecture sketch, a rolling update) and 'CLI' under 'Beanstalk CLI' answered as the AWS CLI."""
    per_topic = Counter(q["topic"] for q in aws_bank)
    floors = {"IAM": 7, "VPC": 5, "S3": 3, "IAM 역할 및 정책": 3, "CloudFront": 1, "일래스틱 Beanstalk": 6}
    for topic, floor in floors.items():
        assert per_topic[topic] >= floor, topic
    assert per_topic["AWS CloudFormation"] >= 10
    assert per_topic["ECS, ECR 및 Fargate-AWS 도커"] >= 2


def test_shipped_bank_has_the_round10_groups() -> None:
    """The shipped groups file keeps CloudFront and container names to their topics."""
    data = yaml.safe_load(Path(AWS_NOTES.with_suffix(".groups.yaml")).read_text(encoding="utf-8"))
    topics = {g["name"]: g.get("topic") for g in data["groups"]}
    assert topics["CloudFront 기능"] == "CloudFront"
    assert topics["컨테이너 서비스"] == "ECS"
    assert topics["CloudFormation 내장 함수"] == "CloudFormation"
