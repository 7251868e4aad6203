"""Round 14 (lead): faults found reading the bank of 266 (seed 3141)."""

from __future__ import annotations

import re

import pytest

from questions import korean
from questions.corrections import correct
from questions.gates import shape_problems
from questions.generator import GeneratedBank

from .conftest import stem_candidate

B = korean.BLANK
TOOLS = ["CodeBuild", "CodeCommit", "CodePipeline", "CodeDeploy"]

_MEMBERSHIP = re.compile(r"— (.+?)(?:은\(는\)|은|는) (.+?)에 속합니다\. (.+?): ")


def test_membership_impostor_comes_from_a_set_of_a_like_kind(aws_generated: GeneratedBank):
    """'다음 중 IAM 정책 요소에 해당하지 않는 것은?' with YubiKey (an MFA product) beside Action, Resource and
    Principal is answered by anyone who has seen a USB key: the impostor's own set must share a word with the
    asked set ('S3 스토리지 클래스' for 'S3 보안 기능'), 'AWS' aside."""
    memberships = [q for q in aws_generated.questions if q["kind"] == "membership"]
    assert len(memberships) >= 15
    pairs = []
    for question in memberships:
        found = _MEMBERSHIP.search(question["explanation"])
        assert found, question["explanation"]
        impostor, home, asked = found.groups()
        pairs.append((impostor, asked))
        assert (set(home.split()) & set(asked.split())) - {"AWS"}, (impostor, home, asked)
    assert ("YubiKey", "IAM 정책 요소") not in pairs


@pytest.mark.parametrize(
    "core",
    [
        f"개발자가 CodeArtifact 외부에서 Artifact를 얻으면 {B}에서도 가능합니다.",
        f"{B}도 아티팩트를 S3에 저장합니다.",
        f"{B}(으)로도 배포할 수 있습니다.",
    ],
)
def test_a_blank_marked_also_asks_nothing(core: str) -> None:
    """'… (　　)에서도 가능합니다' says it holds of something else too: CodeCommit or CodePipeline may be that."""
    assert shape_problems(stem_candidate("cloze", core, TOOLS)) == ["said_of_others_too"]


def test_a_blank_before_a_word_starting_with_do_is_asked() -> None:
    assert shape_problems(stem_candidate("cloze", f"{B} 정도의 비용으로 빌드 서버를 운영합니다.", TOOLS)) == []


def test_concept_choices_are_concepts_and_descriptions_are_about_them(aws_generated: GeneratedBank):
    """'일래스틱캐시 (ElastiCache) 전략' (a set of strategies) among RDS Multi-AZ, Aurora and read replicas is a
    choice of another kind; 'AWS에서는 … 가용 영역 간 데이터 이동에 비용이 발생합니다' describes AWS, not read
    replicas."""
    concepts = [q for q in aws_generated.questions if q["kind"] == "concept"]
    assert len(concepts) >= 28  # round 15 (auditC): one description per section
    for question in concepts:
        wrong = [c for i, c in enumerate(question["choices"]) if i != question["answer"]]
        assert not [c for c in wrong if re.search(r"전략$", c)], question["id"]
        assert "“AWS에서는" not in question["stem"], question["id"]


def test_a_blank_that_is_done_asks_nothing() -> None:
    """'(　　)을(를) 하는 것은 클러스터가 커지는 것을 …': of 서비스 오토 스케일링, ECS 에이전트, EC2 인스턴스 프로필 and
    ECS 태스크 IAM 역할 only the first is something one does, so the grammar gives it away."""
    names = ["서비스 오토 스케일링", "ECS 에이전트", "EC2 인스턴스 프로필", "ECS 태스크 IAM 역할"]
    core = f"{B}을(를) 하는 것은 클러스터가 커지는 것을 반드시 의미하지 않습니다."
    assert shape_problems(stem_candidate("cloze", core, names)) == ["particle_glued"]
    assert shape_problems(stem_candidate("cloze", f"{B}을(를) 설정하면 클러스터가 커집니다.", names)) == []


def test_independent_reading_faults_are_not_asked(aws_generated: GeneratedBank):
    """The round-14 independent reading (34/40): 'Redis 클러스터 모드' offered beside ElastiCache for 'in memory,
    lost on power-off' (a part of the answer), '상태 확인 정책' asked as a Route 53 routing policy (no such
    policy), 'CloudWatch Events finds failed builds' (alarms notify too, the next line says), 'with the AWS SDK
    build your own retries' (the SDKs retry themselves), the CloudTrail Insights lead-in (says nothing)."""
    for question in aws_generated.questions:
        choices, stem = question["choices"], question["stem"]
        if question["kind"] == "concept" and "Amazon 일래스틱 캐시" in choices:
            assert "Redis 클러스터 모드" not in choices, question["id"]
        assert "다음 중 상태 확인 정책에 대한 설명" not in stem
        assert "실패한 빌드를 찾아" not in stem
        assert "자체 SDK를 실행하는 경우" not in stem
        assert "많은 관리 이벤트가 발생하는 경우" not in stem
    assert correct("자체 사용자 정의 HTTP 호출을 사용하는 경우") == "자체 사용자 정의 HTTP 호출을 사용하는 경우"


def test_final_reading_faults_are_not_asked(aws_generated: GeneratedBank):
    """The final reading (37/40): GetSessionToken was offered only beside S3 and EC2 calls (another STS call
    now stands with it), and the garbled deployment-group line ('… 세그먼트를 얻기 위해 …') was asked."""
    for question in aws_generated.questions:
        assert "세그먼트를 얻기 위해" not in question["stem"]
        if question["choices"][question["answer"]] == "GetSessionToken" and question["kind"] == "cloze":
            assert "DecodeAuthorizationMessage" in question["choices"]
