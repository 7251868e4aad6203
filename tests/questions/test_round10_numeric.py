"""Round 10 numeric facts: values the parser missed, restatements cut, ranges kept whole, and no
distractor that the notes also give for the same thing."""

from __future__ import annotations

import re

from questions import gates
from questions.bank_format import load_bank
from questions.candidate import Candidate
from questions.notes_parser import find_quantities, parse_notes
from questions.templates import numeric
from questions.templates._context import Context
from tests.questions.conftest import SHIPPED_BANK


def _numeric(notes: str) -> list[Candidate]:
    return list(numeric.generate(Context(parse_notes(notes))))


def test_a_unit_followed_by_a_korean_particle_is_a_value() -> None:
    """'3,000 IOPS와', '125MB의', '16TB에': a particle after the unit is no part of a longer word."""
    found = {text for text, *_ in find_quantities("기본 3,000 IOPS와 초당 125MB의 처리량, 최대 16TB에 달합니다")}
    assert found == {"3,000 IOPS", "125MB", "16TB"}
    assert not find_quantities("IOPSX 10MBX")  # a longer Latin word is still not a unit


S3_NOTES = """\
# S3

## 객체

Amazon S3에서 객체의 최대 크기는 5TB, 5,000GB 로 매우 큽니다.
EBS 볼륨의 최대 크기는 16TB까지 확장할 수 있습니다.
Glacier 아카이브의 크기는 최대 40TB까지 가능합니다.
EFS 파일 시스템의 최대 크기는 1TB까지로 제한한다고 합시다.
스냅샷 사본의 크기는 최대 10TB까지 가능합니다.
"""


def test_a_value_restated_beside_it_is_cut_from_the_stem() -> None:
    """'최대 크기는 5TB, 5,000GB 로': blanking 5TB must not leave 5,000GB beside the blank."""
    five = next(c for c in _numeric(S3_NOTES) if c.answer == "5TB")
    assert "5,000GB" not in five.stem_core
    assert "(　　)(으)로 매우 큽니다" in five.stem_core
    assert "5,000GB" not in five.distractors


GLACIER_NOTES = """\
# 고급 S3

## Glacier

### 회수 옵션

Expedited 회수는 파일을 돌려받기까지 1~5분이 걸립니다.

Standard 회수는 파일을 돌려받기까지 3~5시간이 걸립니다.

Bulk 회수는 동시에 여러 파일을 받는 데에 5~12시간이 걸립니다.

Deep Archive 는 아주 장기간의 저장을 위한 스토리지입니다.
Deep Archive 에서 Standard 회수는 최대 12시간이 걸립니다.
그리고 Bulk 로 다수의 파일을 회수하려면 48시간을 기다려야 합니다.

### 보관

CloudTrail 이벤트는 기본적으로 90일 동안 보관됩니다.
세션 로그는 최대 24시간 동안 보관됩니다.
감사 로그는 최대 72시간 동안 보관됩니다.
임시 파일은 최대 6시간 동안 보관됩니다.
"""


def test_a_range_is_asked_whole_among_ranges() -> None:
    """'3~5시간' is one answer; its distractors are ranges too, never a single hour count."""
    standard = next(c for c in _numeric(GLACIER_NOTES) if c.answer == "3~5시간")
    assert all(re.search(r"\d\s?[~-]\s?\d", d) for d in standard.distractors)
    assert "5~12시간" in standard.distractors  # another option's time is a fair distractor
    assert "1~5분" in standard.distractors


def test_no_distractor_the_notes_give_for_the_same_thing() -> None:
    """'Standard 회수는 최대 (　　)': 12시간 is what the notes say of Standard retrieval (in Deep Archive)."""
    notes = GLACIER_NOTES.replace("Standard 회수는 파일을 돌려받기까지 3~5시간이 걸립니다.", "")
    notes += "\n## 요약\n\nStandard 회수는 최대 5시간이 걸립니다.\n"
    found = _numeric(notes)
    five = next(c for c in found if c.answer == "5시간")
    assert "12시간" not in five.distractors
    assert len(five.distractors) == 3


def test_a_value_of_a_subject_named_lines_before_is_not_asked() -> None:
    """'그리고 Bulk 로 … 48시간' is about Deep Archive, which the stem would not name."""
    assert all(c.answer != "48시간" for c in _numeric(GLACIER_NOTES))


def test_no_distractor_equal_to_a_value_shown_in_the_stem() -> None:
    """'1년 혹은 (　　) 중에서': '365일' would be the other listed choice written in days."""
    notes = """\
# EC2

## 예약 인스턴스

예약 인스턴스는 약 75%의 비용을 절약할 수 있고 1년 혹은 3년 중에서 선택할 수 있습니다.
로그는 365일 동안 보관됩니다. 백업은 90일 동안 보관됩니다. 스냅샷은 180일 동안 보관됩니다.
버전은 최대 60일 동안 보관됩니다.
"""
    three = next(c for c in _numeric(notes) if c.answer == "3년")
    assert "365일" not in three.distractors


def test_values_that_any_smaller_one_would_also_fit_are_not_asked() -> None:
    """'2주 전으로 설정할 수 있습니다' is as true of 7일; a case's condition ('원하면') is no fact."""
    notes = """\
# CloudWatch

## 지표

타임스탬프를 지표마다 2주 전으로 설정할 수 있습니다.
마스터 노드 1개에 5개의 `복제본`을 원하면 최대 83개의 `샤드`를 가질 수 있습니다.
계정당 최대 250개의 버킷을 둘 수 있습니다. 최대 15개의 역할을 둘 수 있습니다.
최대 90개의 규칙을 둘 수 있습니다.
기간은 7일, 30일, 14일, 60일입니다.
"""
    found = _numeric(notes)
    assert numeric._counted_noun_named(Context(parse_notes(notes)), "의 복제본을 원하면")
    assert all(c.answer != "2주" for c in found)
    assert all(c.answer != "5개" for c in found)
    assert any(c.answer == "83개" for c in found)


def test_a_count_of_a_named_thing_is_a_fact() -> None:
    """'216개의 엣지 로케이션' counts a phrase the notes use again and again: asked, with the lead '지금' dropped."""
    lines = "\n".join(f"엣지 로케이션은 캐시를 {i}번째로 저장합니다." for i in range(8))
    notes = f"""\
# CloudFront

## 엣지

지금 전 세계적으로 216개의 엣지 로케이션이 존재하며 사용자에게 콘텐츠를 빠르게 전달하고 있죠.
리전당 최대 200개의 버킷을 만들 수 있습니다. 계정당 최대 100개의 역할을 둘 수 있습니다.
계정당 최대 500개의 정책을 둘 수 있습니다.
{lines}
"""
    edge = next(c for c in _numeric(notes) if c.answer == "216개")
    assert edge.stem_core.startswith("전 세계적으로 (　　)의 엣지 로케이션")


def test_shipped_numeric_questions_keep_to_one_kind_of_value() -> None:
    """In the bank: a range answer has range distractors, a single value single ones, and no choice
    repeats a value written in the stem."""
    bank = load_bank(SHIPPED_BANK)
    numeric_questions = [q for q in bank.questions if q.kind == "numeric"]
    assert len(numeric_questions) >= 35
    for question in numeric_questions:
        ranges = {bool(re.search(r"\d\s?[~-]\s?\d", c)) for c in question.choices}
        assert len(ranges) == 1, question.id
        quote = question.stem.split("\n")[-1]
        assert not any(re.search(rf"(?<![\d,.]){re.escape(c)}", quote) for c in question.choices), question.id


def test_shipped_glacier_retrieval_questions_name_the_option() -> None:
    """The Glacier retrieval times are asked, each naming its option, with no other time of that option."""
    bank = load_bank(SHIPPED_BANK)
    retrieval = [q for q in bank.questions if q.kind == "numeric" and q.section.endswith("회수 옵션")]
    answers = {q.choices[q.answer] for q in retrieval}
    assert len({"1~5분", "3~5시간", "5~12시간"} & answers) >= 2  # the section's quota may leave one out
    for question in retrieval:
        assert re.search(r"(Expedited|Standard|Bulk|Glacier|Deep Archive)", question.stem)
        if "Standard" in question.stem:
            assert "12시간" not in question.choices


def test_a_quorum_and_a_rate_are_facts_and_commas_leak_nothing() -> None:
    """'6개 중 (　　)만 필요합니다' and '초당 (　　)의 PUT' are limits of the service; '5,500개' beside the blank
    does not give away '3,500개' (the gate compares whole numbers, not the digits after a comma)."""
    notes = """\
# S3

## S3 퍼포먼스

이를 초당 가능한 요청으로 환산하면 접두어 및 초당 3,500개의 PUT 요청을 처리하며
접두어 및 초당 5,500개의 GET 요청을 처리합니다.
PUT 요청은 업로드입니다. PUT 요청은 쓰기입니다. PUT 요청은 덮어씁니다. PUT 요청은 빠릅니다.
GET 요청은 읽기입니다. GET 요청은 다운로드입니다. GET 요청은 빠릅니다. GET 요청은 캐시됩니다.
PUT 과 GET 은 요청입니다. PUT 과 GET 은 HTTP 메서드입니다. PUT 과 GET 은 S3 API 입니다.
리전에 따라 KMS 는 초당 최대 10,000개 요청을 처리합니다. 계정당 최대 30,000개 객체를 둡니다.
계정당 최대 200개 버킷을 둡니다.

## 오로라

6개의 복제본을 저장할 수 있는데 쓰기에는 6개 중 4개만 필요합니다.
테이블은 최대 5개까지 둡니다. 인덱스는 최대 3개까지 둡니다. 뷰는 최대 2개까지 둡니다.
"""
    parsed = parse_notes(notes)
    found = list(numeric.generate(Context(parsed)))
    put = next(c for c in found if c.answer == "3,500개")
    assert put.stem_core.startswith("접두어 및 초당 (　　)의 PUT")  # the pointer clause '이를 … 환산하면' is dropped
    assert gates.candidate_problems(put, parsed) == []
    assert any(c.answer == "4개" and "6개 중 (　　)" in c.stem_core for c in found)


def test_a_value_said_of_another_acronym_is_labelled_by_the_parent() -> None:
    """'FTP의 포트는 (　　)' under the heading 'SSH' would read as an SSH fact: the label is '보안 그룹'."""
    notes = """\
# EC2

## 보안 그룹

### SSH

SSH 포트는 22번 포트로 Linux 인스턴스에 로그인하도록 합니다.
파일 전송 프로토콜인 FTP의 포트는 21번 포트이며 파일을 업로드하는데 사용됩니다.
원격 데스크톱 프로토콜인 RDP의 포트는 3389번 포트이며 윈도우에 로그인할 때 사용됩니다.
GENEVE 프로토콜은 6081번 포트를 사용합니다.
"""
    found = {c.answer: c for c in _numeric(notes)}
    assert found["21번 포트"].stem.startswith("EC2의 보안 그룹에 대한")
    assert found["22번 포트"].stem.startswith("SSH에 대한")
