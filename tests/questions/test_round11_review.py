"""Round 11 independent reading: fault classes found in two random samples of the shipped bank.

A heading naming a kind or an aspect ('Beanstalk 배포 모드', 'S3 퍼포먼스') is no concept to identify; a
sentence ending '… 코드 종속성이라고 합니다' defines that term; a statement of two content words is true
of anything; a line going on from a '…인데요' clause lost its subject; two siblings are never joined as
'예약 인스턴스의 스팟 인스턴스'; a bare 'CLI' under 'Beanstalk CLI' is not the AWS CLI; diagram labels
(V1, V2) and '무엇을 하냐면' are no facts.
"""

from __future__ import annotations

import pytest

from questions import korean
from questions.candidate import Candidate
from questions.gates import shape_problems
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import cloze, concept
from questions.templates._context import Context
from questions.text import statement_text

from .conftest import AWS_NOTES, stem_candidate

B = korean.BLANK


@pytest.fixture(scope="module")
def aws_concepts() -> set[str]:
    notes = parse_notes(AWS_NOTES.read_text(encoding="utf-8"))
    groups = parse_groups(AWS_NOTES.with_suffix(".groups.yaml").read_text(encoding="utf-8"))
    return {c.answer for c in concept.generate(Context(notes, hints=groups))}


def test_concept_never_answers_a_heading_that_names_a_kind_or_an_aspect(aws_concepts: set[str]) -> None:
    """'S3 퍼포먼스' is no thing a sentence describes (the sentence is about S3 itself); under 'Beanstalk
    배포 모드' a sentence describes one mode (rolling updates), under 'CloudFormation 내장 함수' one function."""
    assert not {"S3 퍼포먼스", "Beanstalk 배포 모드", "CloudFormation 내장 함수"} & aws_concepts
    # round 15 (auditC): S3 features lost their fourth same-kind choice (no 'S3 퍼포먼스', no 'Amazon Athena')
    assert {"Beanstalk 복제", "매핑"} <= aws_concepts


def _candidate(kind: str, core: str, choices: list[str] | None = None) -> Candidate:
    return stem_candidate(kind, core, choices or ["CodeArtifact", "CodeCommit", "CodeBuild", "CodePipeline"])


def test_a_sentence_that_names_another_term_is_no_description_of_the_answer() -> None:
    core = (
        "소프트웨어를 설계할 때 자체 소프트웨어가 의존하는 다른 소프트웨어를 사용하는 것으로 코드 종속성이라고 합니다."
    )
    assert shape_problems(_candidate("concept", core)) == ["names_other_term"]
    # the blank itself is the term named: that is the question
    named_blank = f"애플리케이션 밸런서를 사용하는 경우에는 {B}(이)라 부른다."
    assert shape_problems(_candidate("concept", named_blank)) == []


def test_a_statement_of_two_content_words_is_no_choice() -> None:
    choices = [
        "CloudFormation 템플릿에서 고정 변수입니다.",
        "원하는 대로 사용할 수 있습니다.",
        "스택을 삭제하면 출력 값을 다른 스택에서 가져올 수 없습니다.",
        "템플릿에 입력값을 제공하는 방식으로 재사용에 유용합니다.",
    ]
    assert shape_problems(_candidate("definition", "다음 중 매핑에 대한 설명으로 옳은 것은?", choices)) == [
        "vague_description"
    ]
    choices[1] = "조건에 따라 리소스를 생성할지 정하는 데 사용합니다."
    assert shape_problems(_candidate("definition", "다음 중 매핑에 대한 설명으로 옳은 것은?", choices)) == []


CODEDEPLOY_NOTES = """# CICD

## CodeDeploy

appspec.yml 파일은 코드를 배포하는 방식에 대한 지침이 전부 들어 있는 파일입니다.
첫 블록은 파일 블록인데요 Amazon S3나 GitHub 에서 파일 시스템으로 기타 파일을 소싱 해줍니다.
CodeDeploy는 EC2 인스턴스와 온프레미스 서버에 애플리케이션을 자동으로 배포합니다.
"""


def test_a_line_going_on_from_a_background_clause_is_no_fact() -> None:
    """'…파일 블록인데요 Amazon S3나 GitHub 에서 … 소싱 해줍니다': the files block sources them, not CodeDeploy."""
    facts = Context(parse_notes(CODEDEPLOY_NOTES)).facts.values()
    assert not any("소싱" in fact for fact in facts)
    assert any("자동으로 배포합니다" in fact for fact in facts)


PURCHASE_NOTES = """# EC2

## 온디맨드 인스턴스

온디맨드 인스턴스는 선결제나 장기 약정이 필요 없고 사용한 만큼만 비용을 냅니다.

## 예약 인스턴스

예약 인스턴스는 온디맨드와 비교하면 약 75%의 비용을 절약할 수 있습니다.

### 스팟 인스턴스

스팟 인스턴스는 온디맨드 인스턴스에 비교하면 최대 90%까지 할인이 됩니다.

## 전용 호스트

전용 호스트는 EC2 인스턴스를 갖춘 유저 중심의 물리적 서버입니다.
"""

PURCHASE_GROUPS = """groups:
  - name: EC2 구매 옵션
    members:
      - 온디맨드 인스턴스 | 온디맨드
      - 예약 인스턴스
      - 스팟 인스턴스
      - 전용 호스트
"""


def test_two_siblings_nested_by_the_notes_are_not_joined_as_one_phrase() -> None:
    """The notes file 스팟 under 예약 인스턴스; '예약 인스턴스의 스팟 인스턴스' reads as a kind of reserved one."""
    ctx = Context(parse_notes(PURCHASE_NOTES), hints=parse_groups(PURCHASE_GROUPS))
    spot = next(s.index for s in ctx.sections if s.name == "스팟 인스턴스")
    assert ctx.about(spot, [{"90%"}, {"70%"}, {"80%"}, {"75%"}]) == "스팟 인스턴스"


ACCESS_GROUPS = """groups:
  - name: AWS 액세스 방법
    members:
      - AWS 관리 콘솔 | 관리 콘솔
      - AWS CLI | CLI
      - AWS SDK | SDK
      - CloudShell
"""

ACCESS_NOTES = """# 개발 도구

## {heading}

CLI에서 Beanstalk 애플리케이션을 만들고 배포하는 작업이 훨씬 쉽게 실행되도록 합니다.
SDK는 프로그래밍 언어로 작성한 코드 안에서 AWS 서비스를 호출할 때 사용하는 도구입니다.
관리 콘솔은 웹 브라우저에서 AWS 리소스를 만들고 관리하는 그래픽 화면을 제공합니다.
CloudShell은 브라우저에서 바로 명령을 실행할 수 있는 셸 환경을 제공하는 서비스입니다.
"""


def _cloze_answers(heading: str) -> set[str]:
    ctx = Context(parse_notes(ACCESS_NOTES.format(heading=heading)), hints=parse_groups(ACCESS_GROUPS))
    return {c.answer for c in cloze.group_candidates(ctx)}


def test_a_bare_name_under_a_qualified_heading_is_not_the_groups_member() -> None:
    """Under 'Beanstalk CLI' the 'CLI' is the EB CLI: 'AWS CLI' would be a wrong right answer."""
    assert "AWS CLI" not in _cloze_answers("Beanstalk CLI")
    assert "AWS CLI" in _cloze_answers("AWS CLI 사용법")  # the group's own CLI: still asked
    assert "AWS CLI" in _cloze_answers("EB vs CLI") or "AWS CLI" in _cloze_answers("CLI 란 무엇일까")


def test_diagram_labels_and_spoken_leads_are_no_facts() -> None:
    assert (
        statement_text("테스트를 완료하고 나면 ALB는 V2에 있는 새 오토 스케일링 그룹의 대상 그룹으로 리디렉트합니다")
        is None
    )
    assert statement_text("이제 무엇을 하냐면 새 오토 스케일링 그룹에서 애플리케이션이 실행됩니다") is None
    kept = statement_text("gp2 볼륨은 디스크 크기가 늘어나면 IOPS도 함께 증가합니다")
    assert kept is not None


def test_a_count_of_kinds_it_does_not_name_is_no_description() -> None:
    """'(　　)은(는) … 도커 컨테이너를 실행할 때 사용하며 종류가 3개 있습니다': three kinds of what?"""
    core = f"{B}은(는) AWS 에서 도커 컨테이너를 실행할 때 사용하며 종류가 3개 있습니다."
    assert shape_problems(_candidate("cloze", core, ["ECS", "ECR", "Beanstalk", "Lambda"])) == ["vague_description"]
    named = f"{B}은(는) AWS 에서 도커 컨테이너를 실행할 때 사용하며 EC2와 Fargate 시작 유형이 있습니다."
    assert shape_problems(_candidate("cloze", named, ["ECS", "ECR", "Beanstalk", "Lambda"])) == []


def test_advice_is_no_fact_to_fill_in() -> None:
    """'진행 상황을 확인하기 위해 사용자 정의 (　　) 규칙을 변경하는 것은 유용합니다': advice, and '규칙'
    gives 샘플링 away."""
    names = ["샘플링", "주석", "추적", "세그먼트"]
    advice = f"진행 상황을 확인하기 위해 사용자 정의 {B} 규칙을 변경하는 것은 유용합니다."
    assert shape_problems(_candidate("cloze", advice, names)) == ["vague_description"]
    fact = f"{B} 규칙으로 X-Ray 서비스에 보내는 데이터의 양을 제어할 수 있습니다."
    assert shape_problems(_candidate("cloze", fact, names)) == []
