"""Round 11: '다음 중 <set>에 해당하지 않는 것은?' (templates/membership.py)."""

from __future__ import annotations

import pytest

from questions import korean
from questions.candidate import Candidate
from questions.gates import candidate_problems, contains
from questions.generator import GeneratedBank
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import membership
from questions.templates._context import Context
from tests.questions.conftest import AWS_GROUPS, AWS_NOTES

GROUPS = """
groups:
  - name: EBS 볼륨 유형
    members: [gp2, gp3, io1, st1]
  - name: EC2 스토리지 유형
    members: ['EBS 볼륨 | EBS', EFS, 인스턴스 스토어, S3]
  - name: EBS 기능
    members: [스냅샷, 다중 연결, 볼륨 암호화]
  - name: 스토리지 개념
    members: [블록 스토리지, 파일 스토리지, 객체 스토리지]
"""

KO_NOTES = """# EBS

## EBS 볼륨 유형

gp2는 범용 SSD 볼륨으로 부팅 볼륨에 쓰입니다.
gp3는 IOPS와 처리량을 따로 설정할 수 있는 범용 SSD 볼륨입니다.
io1은 프로비저닝된 IOPS SSD 볼륨으로 데이터베이스에 적합합니다.
st1은 처리량 최적화 HDD 볼륨으로 빅데이터 처리에 적합합니다.
S3는 EBS 볼륨 유형과 자주 비교되는 객체 스토리지입니다.

## EC2 스토리지

EBS 볼륨은 한 번에 하나의 인스턴스에 연결되는 네트워크 드라이브입니다.
EFS는 여러 가용 영역의 인스턴스가 함께 마운트하는 네트워크 파일 시스템입니다.
인스턴스 스토어는 인스턴스에 물리적으로 붙은 임시 블록 스토리지입니다.

## EBS 기능

스냅샷은 특정 시점의 EBS 볼륨을 백업해 다른 가용 영역으로 옮길 수 있게 합니다.
다중 연결은 io1 볼륨 하나를 같은 가용 영역의 여러 인스턴스에 연결하는 기능입니다.
볼륨 암호화는 KMS 키로 저장 데이터와 스냅샷을 모두 암호화하는 기능입니다.
블록 스토리지와 파일 스토리지, 객체 스토리지는 데이터를 저장하는 방식에 따라 나뉩니다.
"""

EN_GROUPS = """
groups:
  - name: EBS volume types
    members: [gp2, gp3, io1, st1]
  - name: EC2 storage options
    members: [EBS volume, EFS, instance store]
"""

EN_NOTES = """# EBS

## EBS volume types

gp2 is a general purpose SSD volume used for boot volumes.
gp3 is a general purpose SSD volume whose IOPS and throughput are set apart.
io1 is a provisioned IOPS SSD volume suited to databases.
st1 is a throughput optimised HDD volume for big data workloads.

## EC2 storage

An EBS volume is a network drive attached to one instance at a time.
EFS is a network file system that instances in many availability zones mount together.
An instance store is a temporary block storage physically attached to the instance.
"""


def _members(text: str, groups: str, label: str) -> list[set[str]]:
    for group in parse_groups(groups):
        if group.name == label:
            return [{korean.normalise(a) for a in member.aliases} for member in group.members]
    raise AssertionError(f"no group {label!r}")


def _candidates(text: str, groups: str) -> tuple[Context, list[Candidate]]:
    ctx = Context(parse_notes(text), hints=parse_groups(groups))
    return ctx, list(membership.generate(ctx))


def _is_member(name: str, members: list[set[str]]) -> bool:
    return any(korean.normalise(name) in aliases for aliases in members)


def test_three_members_and_an_impostor_of_another_set() -> None:
    ctx, found = _candidates(KO_NOTES, GROUPS)
    assert found
    for candidate in found:
        label = candidate.stem_core
        assert candidate.stem == f"다음 중 {label}에 해당하지 않는 것은?"
        members = _members(KO_NOTES, GROUPS, label)
        assert all(_is_member(d, members) for d in candidate.distractors)
        assert not _is_member(candidate.answer, members)
        assert not any(contains(candidate.answer, d) or contains(d, candidate.answer) for d in candidate.distractors)
        assert candidate.fact == f"{label}|{candidate.answer}"
        assert candidate_problems(candidate, ctx.notes) == []


def test_ebs_volume_types_get_efs_but_never_what_the_notes_name_beside_the_set() -> None:
    """'S3는 EBS 볼륨 유형과 자주 비교되는 …' names S3 with the set: it is never offered as the one not in it;
    '인스턴스 스토어' among gp2, gp3, io1 would stand out by its Hangul."""
    _, found = _candidates(KO_NOTES, GROUPS)
    answers = {c.answer for c in found if c.stem_core == "EBS 볼륨 유형"}
    assert answers == {"EFS"}
    efs = next(c for c in found if c.stem_core == "EBS 볼륨 유형")
    assert "EC2 스토리지 유형" in efs.explanation
    assert "EFS는" in efs.explanation


def test_kinds_of_a_member_are_never_impostors() -> None:
    """gp2 is an EBS volume, so it is an EC2 storage as much as 'EBS 볼륨' is: never 'not an EC2 storage'."""
    _, found = _candidates(KO_NOTES, GROUPS)
    storage = [c for c in found if c.stem_core == "EC2 스토리지 유형"]
    assert not {c.answer for c in storage} & {"gp2", "gp3", "io1", "st1"}


def test_a_set_without_a_category_label_is_not_asked_and_at_most_two_per_set() -> None:
    _, found = _candidates(KO_NOTES, GROUPS)
    assert all(c.stem_core != "스토리지 개념" for c in found)
    for label in {c.stem_core for c in found}:
        asked = [c for c in found if c.stem_core == label]
        assert len(asked) <= 2
        assert len({c.answer for c in asked}) == len(asked)


def test_the_shape_never_gives_the_impostor_away() -> None:
    """No word all three members share that the impostor lacks; no Hangul impostor among Latin names."""
    _, found = _candidates(KO_NOTES, GROUPS)
    for candidate in found:
        shared = set.intersection(*({korean.normalise(w) for w in d.split()} for d in candidate.distractors))
        assert shared <= {korean.normalise(w) for w in candidate.answer.split()}
        if not any(korean.has_hangul(d) for d in candidate.distractors):
            assert not korean.has_hangul(candidate.answer)


def test_english_notes_ask_in_english() -> None:
    _, found = _candidates(EN_NOTES, EN_GROUPS)
    volume = [c for c in found if c.stem_core == "EBS volume types"]
    assert volume
    assert volume[0].stem == "Which of the following is NOT among the EBS volume types?"
    assert volume[0].answer == "EFS"
    assert "belongs to the EC2 storage options" in volume[0].explanation


def test_output_is_the_same_on_every_run() -> None:
    first = [(c.stem, c.answer, c.distractors, c.fact) for c in _candidates(KO_NOTES, GROUPS)[1]]
    second = [(c.stem, c.answer, c.distractors, c.fact) for c in _candidates(KO_NOTES, GROUPS)[1]]
    assert first == second


@pytest.fixture(scope="module")
def aws(aws_generated: GeneratedBank) -> tuple[Context, list[dict]]:
    text, groups = AWS_NOTES.read_text(encoding="utf-8"), AWS_GROUPS.read_text(encoding="utf-8")
    ctx = Context(parse_notes(text), hints=parse_groups(groups))
    return ctx, aws_generated.questions


def test_on_the_aws_notes_no_impostor_is_a_member(aws: tuple[Context, list[dict]]) -> None:
    ctx, questions = aws
    sets = {s.label: s for s in membership.member_sets(ctx)}
    asked = [q for q in questions if q["kind"] == membership.KIND]
    assert len(asked) >= 20
    for question in asked:
        label = question["stem"].removeprefix("다음 중 ").removesuffix("에 해당하지 않는 것은?")
        members = [{korean.normalise(a) for a in item.aliases | {item.name}} for item in sets[label].items]
        answer = question["choices"][question["answer"]]
        distractors = [c for i, c in enumerate(question["choices"]) if i != question["answer"]]
        assert not _is_member(answer, members), question["id"]
        assert all(_is_member(d, members) for d in distractors), question["id"]
        assert "“" in question["explanation"]
        assert answer in question["explanation"]


def test_on_the_aws_notes_the_thin_topics_get_membership_questions(aws: tuple[Context, list[dict]]) -> None:
    _, questions = aws
    topics = {q["topic"] for q in questions if q["kind"] == membership.KIND}
    # (CloudFront's only neighbour sets, the load balancer types, are of another kind: round 14)
    assert {"S3", "고급 S3", "AWS의 모니터링"} <= topics
    never = {("AWS 모니터링 서비스", "CloudWatch 로그"), ("EC2 스토리지 유형", "gp2")}
    assert not {(q["stem"][5:].split("에 해당")[0], q["choices"][q["answer"]]) for q in questions} & never


CROSS_GROUPS = """
groups:
  - name: EC2 스토리지 유형
    members: ['EBS 볼륨 | EBS', EFS, 인스턴스 스토어, S3]
  - name: S3 보안 기능
    members: [버킷 정책, CORS 설정, MFA 삭제]
  - name: 이벤트 알림 대상
    members: [SQS 대기열, SNS 주제, Lambda 함수]
  - name: AWS 스토리지 서비스
    service: true
    members: [EBS, EFS, S3]
"""

CROSS_NOTES = """# EBS

## EC2 스토리지

EBS 볼륨은 한 번에 하나의 인스턴스에 연결되는 네트워크 드라이브입니다.
EFS는 여러 가용 영역의 인스턴스가 함께 마운트하는 네트워크 파일 시스템입니다.
인스턴스 스토어는 인스턴스에 물리적으로 붙은 임시 블록 스토리지입니다.

# S3

## S3 보안

버킷 정책은 JSON 문서로 버킷에 대한 접근을 허용하거나 거부하는 규칙입니다.
CORS 설정은 다른 오리진의 웹 페이지가 버킷의 객체를 요청하도록 허용하는 규칙입니다.
MFA 삭제는 객체 버전을 영구 삭제하기 전에 MFA 코드를 요구하는 보호 기능입니다.

## S3 이벤트

SQS 대기열은 S3 이벤트 알림을 받아 메시지로 보관하는 대상입니다.
SNS 주제는 S3 이벤트 알림을 여러 구독자에게 전달하는 대상입니다.
Lambda 함수는 S3 이벤트 알림을 받아 코드를 실행하는 대상입니다.
"""


def test_from_another_topic_no_feature_of_a_member_is_an_impostor() -> None:
    """'MFA 삭제' (an S3 feature) is no EC2 storage, yet beside S3 among the choices it reads as part of it:
    from the S3 topic only sets not named after a member of the asked set give impostors."""
    _, found = _candidates(CROSS_NOTES, CROSS_GROUPS)
    storage = {c.answer for c in found if c.stem_core == "EC2 스토리지 유형"}
    assert "MFA 삭제" not in storage
    assert storage <= {"SQS 대기열", "SNS 주제", "Lambda 함수"}
