"""Round 13 independent reading: fault classes found in two random samples of the shipped bank.

A blank that is what a lost subject is compared with ('(　　)와(과) 마찬가지로 …', '(　　) 만큼 …') asks
nothing; '.NET' keeps its space ('사용한 .NET'); the notes' typos, garbled lines and a lost subject are
corrected literally; a line the notes contradict two lines later, or whose claim AWS documents of a sibling
the question offers too (CLI/SDK, read replicas/Multi-AZ, event notifications/lifecycle rules), asks nothing.
"""

from __future__ import annotations

import re

import pytest

from questions import korean
from questions.bank_format import load_bank
from questions.candidate import Candidate
from questions.corrections import correct
from questions.gates import shape_problems
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates._context import Context
from questions.text import tidy

from .conftest import AWS_NOTES, SHIPPED_BANK, stem_candidate

B = korean.BLANK
CLASSES = ["S3 Standard", "S3 Intelligent-Tiering", "S3 Standard-IA", "S3 One Zone-IA"]


def _cloze(core: str, choices: list[str] | None = None) -> Candidate:
    return stem_candidate("cloze", core, choices or CLASSES)


@pytest.mark.parametrize(
    "core",
    [
        f"{B}와(과) 마찬가지로 지연 시간이 짧고 처리량이 높지만 약간의 월간 모니터링 비용이 발생합니다.",
        f"{B}와(과) S3 IA 사이에서 객체를 이동시키는 겁니다.",
        f"작은 데이터를 캐싱하는 경우 코어 또는 스레드가 있는 경우 메모리 관리가 {B} 만큼 정교하지는 않습니다.",
    ],
)
def test_a_blank_compared_with_a_lost_subject_asks_nothing(core: str) -> None:
    """Intelligent-Tiering is 'like S3 Standard', Memcached 'not as refined as Redis': with the subject lost
    the sentence is true of two choices (and the lost subject is offered)."""
    assert shape_problems(_cloze(core)) == ["subject_lost"]


def test_a_blank_compared_with_a_named_subject_is_asked() -> None:
    core = f"S3 Intelligent-Tiering은 {B}와(과) 마찬가지로 지연 시간이 짧지만 모니터링 비용이 발생합니다."
    assert shape_problems(_cloze(core)) == []
    assert shape_problems(_cloze(f"EFS는 {B}와(과) 달리 여러 가용 영역에 걸쳐 마운트됩니다.")) == []


def test_a_dotted_name_keeps_its_space() -> None:
    assert tidy("NuGet을 사용한 .NET과 Java를 사용한 Maven에서도 실행됩니다 .") == (
        "NuGet을 사용한 .NET과 Java를 사용한 Maven에서도 실행됩니다."
    )


def test_a_claim_aws_documents_of_a_sibling_too_is_dropped() -> None:
    assert correct("`CLI` 를 사용하면 `AWS 서비스의 공용 API 로 직접 액세스가 가능`합니다") == ""
    assert correct("`규칙을 생성할 수도 있는데 객체 이름에 따라 필터링하는 규칙을 만들 수도 있죠`") == ""
    assert correct("`블루/그린 배포`도 있는데 EC2 인스턴스만 지원합니다") == ""
    assert correct("`람다나 ECS에도 블루/그린 배포`를 할 수 있습니다") != ""
    assert correct("다중 응답 라우팅 정책은 요청에 대해 여러 리소스 값을 반환할 수 있습니다. ") == ""
    assert correct("네트워크 로드 밸런서에는 기본으로 비활성화되어 있어서  ") == ""
    assert correct("Read Replica 는 하나의 RDS DB에 대해 최대 5개까지 생성 가능합니다.  ") == ""  # now 15


@pytest.fixture(scope="module")
def aws_facts() -> list[str]:
    notes = parse_notes(AWS_NOTES.read_text(encoding="utf-8"))
    groups = parse_groups(AWS_NOTES.with_suffix(".groups.yaml").read_text(encoding="utf-8"))
    return list(Context(notes, hints=groups).facts.values())


def test_the_notes_typos_and_garbled_lines_reach_no_fact(aws_facts: list[str]) -> None:
    text = "\n".join(aws_facts)
    assert "크지는" not in text
    assert "유형 덕분에" not in text
    assert "사용한.NET" not in text
    assert "ValidateService는 EC2 인스턴스에 서비스가 올바르게 배포되었는지 확인하는 용도입니다." in text
    assert not re.search(r"^EC2 인스턴스에 서비스가 올바르게", text, re.MULTILINE)
    assert "GitHub, AWS 서비스인 CodeCommit, 또 다른 타사 서비스인 Bitbucket이 있습니다." in text


def test_the_shipped_bank_asks_none_of_these_faults() -> None:
    texts = [" ".join([q.stem, *q.choices]) for q in load_bank(SHIPPED_BANK).questions if q.status == "active"]
    assert texts
    faults = re.compile(
        rf"{re.escape(B)}와\(과\) (마찬가지로|S3 IA 사이)|{re.escape(B)} 만큼|공용 API 로 직접|객체 이름에 따라 필터링|"
        r"EC2 인스턴스만 지원|동일한 리전 내에 있을 때는 비용|API 호출을 발행할 때|\S\.NET|크지는|"
        r"요청에 대해 여러 리소스 값을 반환|기본으로 비활성화되어 있어서|하나의 RDS DB에 대해 최대|GitHub AWS 서비스인"
    )
    assert not [t for t in texts if faults.search(t)]
