"""Round 12 (thin3): the last topics under 10 (Beanstalk, ECS, IAM 역할 및 정책).

A subjectless line keeps the subject the lecturer moved on to on the same line ('ECR 로 넘어가겠습니다 …');
a backtick-marked whole claim is a fact when the sentence around it is not ('이러한 … `4xx 클라이언트
오류에서는 …`'); a particle written apart ('AWS 에서') is no word a distractor is said with; a word of the
answer's name that only inflects the distractors' shared word ('배포하는' / '배포') is no leak; a concept
description never leaves a name to finish ('일래스틱 (　　)'); '복제' names a feature, not a lab step.
"""

from __future__ import annotations

from collections import Counter

from questions import gates, korean
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import cloze, concept
from questions.templates._context import Context
from questions.text import distinctive_leak

from .conftest import shipped_questions

B = korean.BLANK

CONTAINER_NOTES = """# 컨테이너

## ECS 개요

ECS 는 AWS 에서 도커 컨테이너를 실행하며 IAM 역할을 태스크마다 줄 수 있는 서비스입니다.
Fargate 는 AWS 에서 서버리스로 도커 컨테이너를 실행하는 서비스입니다.
EKS 는 AWS 에서 쿠버네티스를 실행하는 관리형 서비스입니다.
ECR 에 이미지를 푸시하려면 개인 리포지토리에 먼저 로그인해야 합니다.
ECR 로 넘어가겠습니다 AWS 에서 개인 도커 이미지를 저장하는 곳으로 IAM 과 긴밀히 통합되어 있습니다
"""

CONTAINER_GROUPS = """groups:
  - name: 컨테이너 서비스
    members:
      - ECS
      - ECR
      - Fargate
      - EKS
"""


def _context(notes: str, groups: str = "") -> Context:
    return Context(parse_notes(notes), hints=parse_groups(groups) if groups else [])


def test_moved_on_subject_is_kept_and_the_line_is_asked() -> None:
    ctx = _context(CONTAINER_NOTES, CONTAINER_GROUPS)
    facts = [text for text in ctx.facts.values() if "개인 도커 이미지" in text]
    assert facts == ["ECR은(는) AWS 에서 개인 도커 이미지를 저장하는 곳으로 IAM 과 긴밀히 통합되어 있습니다."]
    asked = [
        c
        for c in cloze.group_candidates(ctx)
        if "개인 도커 이미지" in c.stem_core and not gates.candidate_problems(c, ctx.notes)
    ]
    assert [c.answer for c in asked] == ["ECR"]  # 'ECS 는 AWS 에서 …' shares only the detached '에서'


def test_a_subject_of_its_own_is_not_replaced() -> None:
    notes = "# 컨테이너\n\n## ECS 개요\n\nECR 로 넘어가겠습니다 Fargate 는 서버리스로 컨테이너를 실행합니다\n"
    facts = list(_context(notes).facts.values())
    assert all(not f.startswith("ECR") for f in facts)


RETRY_NOTES = """# API

## 지수 백오프

자체 SDK를 실행하는 경우 5xx로 시작하는 서버 오류가 발생하면 재시도 메커니즘을 실행해야 합니다.
이러한 서버 오류와 조절 오류는
재시도 가능하지만
`4xx 클라이언트 오류에서는 재시도 혹은 지수 백오프를 실행해서는 안 됩니다`
이러한 오류는 `잠시 후 다시 시도`하면 됩니다
"""


def test_marked_whole_claim_is_a_fact_when_its_sentence_is_not() -> None:
    facts = list(_context(RETRY_NOTES).facts.values())
    assert "4xx 클라이언트 오류에서는 재시도 혹은 지수 백오프를 실행해서는 안 됩니다." in facts
    assert not any("이러한" in f for f in facts)
    assert not any(f.startswith("잠시 후") for f in facts)  # a marked phrase with no subject of its own


def test_inflected_shared_word_is_no_leak_but_an_own_word_is() -> None:
    stem = f"Beanstalk 배포 모드에 대한 다음 설명에서 … “{B}은(는) 가장 빠른 방식이지만 가동중지시간이 발생합니다.”"
    answer = ["한 번에 배포", "한 번에 배포하는 유형"]
    others = ["롤링 업데이트", "변경할 수 없는 배포", "블루/그린 배포"]
    assert distinctive_leak(stem, answer, others) is None
    assert distinctive_leak(stem + " 유형", answer, others) == "유형"


def test_concept_description_leaves_no_name_to_finish() -> None:
    from .conftest import AWS_NOTES

    groups = AWS_NOTES.with_name("aws-dva-notes.groups.yaml").read_text(encoding="utf-8")
    ctx = _context(AWS_NOTES.read_text(encoding="utf-8"), groups)
    stems = [c.stem_core for c in concept.generate(ctx) if c.answer == "Beanstalk CLI"]
    assert not any(f"일래스틱 {B}" in s for s in stems)  # '일래스틱 (　　)은(는) Beanstalk 애플리케이션 배포에 …'


def test_cloning_is_a_concept_heading_migration_a_procedure() -> None:
    assert not korean.is_task_heading("Beanstalk 복제")
    assert korean.is_task_heading("Beanstalk 마이그레이션")


def _right(q: dict) -> str:
    return str(q["choices"][q["answer"]])


def test_shipped_bank_asks_the_round_12_facts() -> None:
    questions = shipped_questions()
    per_topic = Counter(q["id"].split(".")[0] for q in questions)
    # round 15 (auditC): 7, one description per section, a line asked once (1,000 versions: as a value),
    # '.ebextensions/' no description of 'Beanstalk 확장'
    assert per_topic["beanstalk"] >= 7
    assert per_topic["ecs-ecr-fargate-aws"] >= 7  # round 14 dropped 'binpack' among the container services
    by_stem = {q["stem"]: q for q in questions}
    ecr = [q for s, q in by_stem.items() if "개인 도커 이미지를 저장하는 곳" in s]
    assert [_right(q) for q in ecr] == ["ECR"]
    # round 15 (auditA): '(　　) 클라이언트 오류' names 4xx by HTTP alone, so that question is no longer asked
    retry = [q for s, q in by_stem.items() if f"{B} 클라이언트 오류에서는 재시도" in s]
    assert retry == []
    fastest = [q for s, q in by_stem.items() if f"{B}은(는) 가장 빠른 방식이지만" in s]
    assert [_right(q) for q in fastest] == ["한 번에 배포"]
    assert not any(f"일래스틱 {B}" in q["stem"] for q in questions)


def test_pointer_reads_as_the_one_name_the_line_before_gives() -> None:
    notes = """# CLI

## 권한 확인

권한만 확인하려면 일부 명령에 포함된 --dry-run 옵션을 사용할 수 있습니다
이 옵션은 API 호출을 시뮬레이션해서 권한이 있을 때는 명령이 실행되지 않습니다
--profile 옵션이나 --region 옵션을 지정할 수 있습니다
이 옵션은 명령줄에서 가장 우선 적용됩니다
"""
    facts = list(_context(notes).facts.values())
    assert "--dry-run 옵션은 API 호출을 시뮬레이션해서 권한이 있을 때는 명령이 실행되지 않습니다." in facts
    assert not any("가장 우선" in f for f in facts)  # two options named: the pointer stays unresolved
