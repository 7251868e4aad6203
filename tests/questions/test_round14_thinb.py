"""Round 14 (thinB): CloudFormation stack features and template parts, ElastiCache engine facts.

Stack features go by their short names ('롤백', '드리프트'), so a nested-stack line has three siblings of a
fitting length; the template parts include Metadata, so a Conditions line naming Resources and Outputs still
has three; '(　　)이(가) … 중요하다고 할 수 있습니다' says nothing of the blank; '이전에 본 것과 같이' is lecture
filler and a leading '반면에' a connective; Memcached is the cache that can lose data.
"""

from __future__ import annotations

from questions import corrections, gates, korean
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import cloze
from questions.templates._context import Context
from questions.text import statement_text

B = korean.BLANK

STACK_NOTES = """# AWS CloudFormation

## CloudFormation 롤백

스택을 생성할 때 롤백을 비활성화하는 옵션도 있습니다.

## CloudFormation ChangeSet, 중첩 스택 및 StackSet

ChangeSet 로 업데이트 성공 여부는 알 수 없지만 이전에 본 것과 같이 어떤 일이 생기는지는 알 수 있습니다.
중첩 스택을 업데이트하려면 먼저 상위 스택을 업데이트해야 합니다.
반면에 중첩 스택은 구성 요소가 재사용 및 재생성되어야 할 때에 유용합니다.
중첩 스택이 상위 수준의 스택에서만 영향을 미칠 때에 중요하다고 할 수 있습니다.
신뢰할 수 있는 계정이 StackSet로부터 스택 인스턴스를 생성, 업데이트 또는 삭제할 수 있습니다.

## CloudFormation 드리프트

CloudFormation으로 생성한 구성을 수동으로 변경하는 데 대한 보호가 없습니다.
"""

STACK_GROUPS = """groups:
  - name: CloudFormation 스택 기능
    topic: CloudFormation
    members:
      - {rollback}
      - 변경 세트 | ChangeSet | ChangeSets | CloudFormation ChangeSet
      - 중첩 스택
      - StackSet | 스택 세트 | StackSets
      - {drift}
"""


def _asked(notes: str, groups: str) -> dict[str, list[str]]:
    """Answer and choices of every group cloze that passes the gates, by stem."""
    ctx = Context(parse_notes(notes), hints=parse_groups(groups))
    return {
        c.stem_core: [c.answer, *c.distractors]
        for c in cloze.group_candidates(ctx)
        if not gates.candidate_problems(c, ctx.notes)
    }


def test_nested_stack_is_asked_beside_short_named_stack_features() -> None:
    short = STACK_GROUPS.format(rollback="롤백 | CloudFormation 롤백", drift="드리프트 | CloudFormation 드리프트")
    asked = _asked(STACK_NOTES, short)
    stem = f"{B}을(를) 업데이트하려면 먼저 상위 스택을 업데이트해야 합니다."
    assert asked[stem][0] == "중첩 스택"
    assert set(asked[stem][1:]) <= {"롤백", "변경 세트", "StackSet", "드리프트"}
    # long names ('CloudFormation 드리프트' is 4x '중첩 스택') left no three siblings of a fitting length
    long = STACK_GROUPS.format(rollback="CloudFormation 롤백 | 롤백", drift="CloudFormation 드리프트 | 드리프트")
    assert stem not in _asked(STACK_NOTES, long)


def test_changeset_named_by_its_heading_is_asked_without_the_lecture_pointer() -> None:
    short = STACK_GROUPS.format(rollback="롤백 | CloudFormation 롤백", drift="드리프트 | CloudFormation 드리프트")
    asked = _asked(STACK_NOTES, short)
    stem = f"{B}(으)로 업데이트 성공 여부는 알 수 없지만 어떤 일이 생기는지는 알 수 있습니다."
    assert asked[stem][0] == "변경 세트"


def test_what_matters_when_is_no_claim_about_the_blank() -> None:
    assert cloze.not_about_blank(f"{B}이(가) 상위 수준의 스택에서만 영향을 미칠 때에 중요하다고 할 수 있습니다.")
    assert not cloze.not_about_blank(f"{B}을(를) 업데이트하려면 먼저 상위 스택을 업데이트해야 합니다.")
    short = STACK_GROUPS.format(rollback="롤백 | CloudFormation 롤백", drift="드리프트 | CloudFormation 드리프트")
    assert not any("중요하다고" in stem for stem in _asked(STACK_NOTES, short))


def test_lecture_pointer_and_leading_contrast_are_dropped_from_statements() -> None:
    assert statement_text("반면에 중첩 스택은 구성 요소가 재사용 및 재생성되어야 할 때에 유용합니다") == (
        "중첩 스택은 구성 요소가 재사용 및 재생성되어야 할 때에 유용합니다."
    )
    said = statement_text(
        "ChangeSet 로 업데이트 성공 여부는 알 수 없지만 이전에 본 것과 같이 어떤 일이 생기는지는 알 수 있습니다"
    )
    assert said is not None
    assert "이전에" not in said


TEMPLATE_NOTES = """# AWS CloudFormation

템플릿에는 리소스, 매개변수, 매핑, 출력, 조건이 있습니다.
그리고 메타데이터가 있습니다 모두 자세히 살펴봅니다.

## CloudFormation 조건

조건은 리소스나 어떤 논리 문장에 기반한 출력의 생성을 제어할 때 사용됩니다.
"""

TEMPLATE_GROUPS = """groups:
  - name: CloudFormation 템플릿 구성 요소
    topic: CloudFormation
    members:
      - 리소스 | CloudFormation 리소스 | Resources
      - 매개변수 | CloudFormation 매개변수 | Parameters
      - 매핑 | CloudFormation 매핑 | Mappings
      - 출력 | CloudFormation 출력 | Outputs
      - 조건 | CloudFormation 조건 | Conditions
{extra}"""


def test_conditions_line_naming_two_parts_is_asked_once_metadata_is_a_part() -> None:
    stem = f"{B}은(는) 리소스나 어떤 논리 문장에 기반한 출력의 생성을 제어할 때 사용됩니다."
    assert stem not in _asked(TEMPLATE_NOTES, TEMPLATE_GROUPS.format(extra=""))
    asked = _asked(TEMPLATE_NOTES, TEMPLATE_GROUPS.format(extra="      - 메타데이터 | Metadata\n"))
    assert asked[stem][0] == "조건"
    assert not {"리소스", "출력"} & set(asked[stem])


def test_memcached_is_the_cache_that_can_lose_data() -> None:
    line = "`멤캐시트는 데이터를 손실할 수 없는 단순한 분산 캐시`입니다"
    assert "데이터를 손실할 수 있는" in corrections.correct(line)
    assert "백업, 읽기 전용 복제본" in corrections.correct("`레디스는 고가용성과 백업읽기 전용 복제본 등이 있고`")


def test_generated_bank_asks_nested_stacks_beside_short_named_features(aws_generated) -> None:
    questions = [q for q in aws_generated.questions if q["section"].startswith("AWS CloudFormation")]
    nested = [q for q in questions if q["kind"] == "cloze" and q["choices"][q["answer"]] == "중첩 스택"]
    assert nested
    assert all("CloudFormation 드리프트" not in q["choices"] for q in nested)


def test_scaling_mistranslation_reads_vertical_then_horizontal() -> None:
    lines = [
        "인스턴스 유형을 늘려서",
        "읽기 전용 복제본을 추가함으로써 인스턴스 유형의",
        "수직 및 수평 확장성을 증가시킬 수도 있습니다",
    ]
    fixed = " ".join(corrections.correct(line) for line in lines)
    assert fixed == "인스턴스 유형을 늘려서 수직으로, 읽기 전용 복제본을 추가해서 수평으로 확장할 수도 있습니다"


def test_restated_replica_line_is_not_quoted() -> None:
    assert corrections.correct("원하는 경우에는 읽기 전용 복제본을 다중 AZ로도 설정할 수 있습니다") == ""


def test_rds_features_are_asked_among_each_other_and_ebs_snapshots_stay_askable(aws_generated) -> None:
    rds = [q for q in aws_generated.questions if q["topic"] == "RDS" and q["kind"] in {"cloze", "concept"}]
    features = {"읽기 전용 복제본", "다중 AZ 배포", "자동 백업", "DB 스냅샷"}
    asked = [q for q in rds if q["choices"][q["answer"]] in features]
    assert len(asked) >= 4
    for question in asked:
        assert set(question["choices"]) <= features, question["stem"]
    # the RDS group names no bare '스냅샷': EBS still asks its snapshots beside AMI and EFS
    ebs = [q for q in aws_generated.questions if q["topic"] == "EBS 볼륨" and q["kind"] == "cloze"]
    assert any(q["choices"][q["answer"]] == "스냅샷" for q in ebs)


def test_worker_tier_is_asked_beside_the_other_beanstalk_terms(aws_generated) -> None:
    asked = [
        q
        for q in aws_generated.questions
        if q["topic"] == "일래스틱 Beanstalk" and q["kind"] == "cloze" and "SQS 대기열로부터" in q["stem"]
    ]
    assert [q["choices"][q["answer"]] for q in asked] == ["작업자 티어"]
    assert "웹 서버 티어" in asked[0]["choices"]
