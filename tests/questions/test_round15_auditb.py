"""Round 15 (auditB): the reading of every cloze question of the bank files 10–16.

A blank in a concession ('코드를 (　　)에 푸시해도 되지만 …') is no claim of the blank; a service cloze offers
at most one service of a ``near:`` category (CloudWatch and CloudTrail named in the stem left X-Ray beside SQS
and SNS); two questions of one section with one answer and the same four choices that share half their
words are one question asked twice (the X-Ray sampling rules); the mistranslated, outdated or sibling-true
lines of the CloudFront, CodeCommit, CodeStar and CloudFormation lectures are asked no more.
"""

from __future__ import annotations

import re

from questions import gates, korean
from questions.generator import content_words
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import cloze
from questions.templates._context import Context
from questions.text import statement_text

from .conftest import AWS_GROUPS, shipped_questions

B = korean.BLANK

CONCESSION_NOTES = """# AWS CICD

## CodeDeploy 개요

물론 코드를 CodeCommit 에 푸시해도 되지만 빌드 아티팩트는 반드시 Amazon S3 버킷에 저장돼야 합니다

CodeBuild 는 소스 코드를 컴파일하고 테스트를 실행해서 배포할 수 있는 아티팩트를 생산합니다

CodePipeline 은 CodeDeploy 와 함께 쓰입니다
"""

CONCESSION_GROUPS = """groups:
  - name: AWS 개발자 도구
    members:
      - CodeCommit
      - CodeBuild
      - CodeDeploy
      - CodePipeline
"""


def _asked(notes: str, groups: str) -> list:
    ctx = Context(parse_notes(notes), hints=parse_groups(groups))
    return [c for c in cloze.group_candidates(ctx) if not gates.candidate_problems(c, ctx.notes)]


def test_a_blank_in_a_concession_is_not_asked() -> None:
    answers = {c.answer for c in _asked(CONCESSION_NOTES, CONCESSION_GROUPS)}
    assert "CodeBuild" in answers  # the plain claim of the next line is asked
    assert "CodeCommit" not in answers


def _core(question: dict) -> str:
    found = re.search(r"“(.*)”", question["stem"], re.S)
    return found.group(1) if found else question["stem"]


def test_a_service_cloze_is_padded_with_one_service_of_a_near_category_at_most() -> None:
    groups = [g for g in parse_groups(AWS_GROUPS.read_text(encoding="utf-8")) if g.service]

    def categories(name: str) -> set[str]:
        return {g.name for g in groups for m in g.members if m.name == name}

    checked = 0
    for question in shipped_questions():
        if "빈칸에 들어갈 AWS 서비스로" not in question["stem"]:
            continue
        answer = question["choices"][question["answer"]]
        outside = [c for c in question["choices"] if c != answer and not categories(c) & categories(answer)]
        assert len(outside) <= 1, (question["id"], outside)
        checked += 1
    assert checked >= 10


def test_one_fact_with_the_same_four_choices_is_asked_once_in_a_section() -> None:
    seen: dict[tuple[str, str, frozenset[str]], list[set[str]]] = {}
    for question in shipped_questions():
        answer = question["choices"][question["answer"]]
        key = (question["section"], answer, frozenset(question["choices"]))
        words = content_words(_core(question))
        for other in seen.get(key, []):
            assert len(words & other) < 0.5 * max(1, min(len(words), len(other))), question["id"]
        seen.setdefault(key, []).append(words)


def test_the_sampling_rules_are_asked_once() -> None:
    sampling = [q for q in shipped_questions() if q["choices"][q["answer"]] == "샘플링" and q["kind"] == "cloze"]
    assert len(sampling) == 1


def test_mistranslated_outdated_and_sibling_true_lines_are_not_asked() -> None:
    quoted = " ".join(q["stem"] + q["explanation"] + " ".join(q["choices"]) for q in shipped_questions())
    gone = ("판독 능력", "정적 및 동적 분배", "CodeStar는 무료", "AWS 와 완벽히 통합", "오직 AWS 에서만")
    gone += ("개요를 선언하는",)
    for line in gone:
        assert line not in quoted, line
    assert "CDN 으로 읽기 성능을 향상" in quoted


def test_a_personal_opinion_is_no_statement() -> None:
    opinion = "CodeCommit 의 UI는 최소한만 구축되어 있고 GitHub UI 는 저도 개인적으로 좋아할 정도입니다."
    assert statement_text(opinion) is None


def test_an_exclamation_is_no_statement() -> None:
    exclamation = "수십만에 달하는 개발자가 동일한 코드에 대해 동시에 작업할 수 있다니 대단한 일입니다."
    assert statement_text(exclamation) is None


def test_a_service_blank_that_only_qualifies_a_thing_is_no_claim_of_the_service() -> None:
    assert cloze.modifies_a_thing(f"{B} 컨테이너가 RDS 데이터베이스 인스턴스에 액세스 가능합니다.", "AWS 개발자 도구")
    assert cloze.modifies_a_thing(f"올바른 클러스터 이름으로 된 {B} 설정 파일을 만들어야 합니다.", "컨테이너 서비스")
    assert not cloze.modifies_a_thing(f"{B}은(는) 코드를 구축하고 테스트합니다.", "AWS 개발자 도구")
    assert not cloze.modifies_a_thing(f"{B} 볼륨은 가장 비용이 적게 드는 HDD 볼륨입니다.", "EBS 볼륨 유형")
    assert not cloze.modifies_a_thing(f"{B} 태스크는 클러스터의 EC2 인스턴스 위에서 실행됩니다.", "컨테이너 서비스")
    asked = {q["id"] for q in shipped_questions()}
    assert "aws-cicd-codecommit.edd01e.cloze.326bb2" not in asked
    assert "ecs-ecr-fargate-aws.8bdd18.cloze.495702" not in asked
