"""Round 10: hint groups for the big topics; inline mentions that must not become a group cloze."""

from __future__ import annotations

from collections import Counter

from questions import korean
from questions.bank_format import load_bank
from questions.candidate import Candidate
from questions.generator import _select, generate_bank
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates._context import GroupMember
from questions.templates.cloze import distinct_names, glued_mention, not_about_blank, paired_with_sibling
from tests.questions.conftest import SHIPPED_BANK

B = korean.BLANK

NOTES = """# 모니터링

## 추적 서비스

세그먼트는 각 애플리케이션이 보내는 요청 처리 기록으로 서비스 하나의 작업 정보를 담습니다.
서브세그먼트는 원격 호출처럼 더 세분화된 작업의 세부 정보를 남길 때 사용하는 단위입니다.
샘플링 규칙으로 추적 서비스에 보내는 데이터의 양을 제어하여 비용을 줄일 수 있습니다.
주석은 인덱싱되어 필터와 함께 검색할 수 있는 키-값 쌍 데이터입니다.
메타데이터는 인덱싱되지 않는 키-값 쌍 데이터로 검색에 사용할 수 없습니다.

## 로그 서비스

세그먼트 지표에 배열이나 특성을 추가하여 대시보드에서 그룹별로 확인할 수 있습니다.
로그 파일의 메타데이터는 수집 에이전트가 자동으로 붙여 전송합니다.
"""

HINTS = """groups:
  - name: 추적 개념
    topic: 모니터링
    section: 추적
    members: [세그먼트, 샘플링, 주석, 메타데이터]
"""


def _group_clozes(notes: str, hints: str) -> list[dict[str, object]]:
    bank = generate_bank(notes, groups=hints)
    return [q for q in bank.questions if q["kind"] == "cloze" and "추적 개념" in str(q["stem"])]


def test_section_scope_parses_and_defaults_to_anywhere() -> None:
    groups = parse_groups(HINTS + "  - name: X\n    members: [a, b]\n")
    assert groups[0].section == "추적"
    assert groups[1].section == ""


def test_section_scoped_group_asks_only_mentions_under_its_heading() -> None:
    """'세그먼트 지표' and '로그 파일의 메타데이터' in the log section are other things: a player must never be
    asked for the trace concept there."""
    questions = _group_clozes(NOTES, HINTS)
    assert questions, "the scoped group gives no cloze at all"
    assert all("추적 서비스" in str(q["section"]) for q in questions)
    unscoped = _group_clozes(NOTES, HINTS.replace("    section: 추적\n", ""))
    assert any("로그 서비스" in str(q["section"]) for q in unscoped), "the test notes no longer tell the two apart"


def test_name_inside_a_longer_word_is_no_mention() -> None:
    """A blank must not split '서브세그먼트' into '서브(　　)', 'pre_build' into 'pre_(　　)' or 'io1/io2'."""
    assert glued_mention("서브세그먼트는 더 세분화된 작업에 씁니다.", {"세그먼트"})
    assert glued_mention("pre_build 는 빌드 직전 실행되는 명령입니다.", {"build"})
    assert glued_mention("io1/io2에 중에서는 최신 세대를 고르는 것이 좋습니다.", {"io1"})
    assert not glued_mention("세그먼트는 서비스 하나의 작업 정보를 담습니다.", {"세그먼트"})
    assert not glued_mention("추적은 모든 세그먼트를 모은 것입니다.", {"세그먼트"})
    questions = _group_clozes(NOTES, HINTS)
    assert not any(f"서브{B}" in str(q["stem"]) for q in questions)


def test_claim_about_something_else_than_the_blank_is_not_asked() -> None:
    """A lost referent, a blank inside a modifier clause, an empty claim or an open list all leave a
    sibling as good an answer as the one the bank marks right."""
    assert not_about_blank(f"{B} 덕분에 이와 같은 상황의 발생 빈도를 셀 수 있습니다.")
    assert not_about_blank(f"모든 서비스에 걸쳐 많은 {B}이(가) 발생하는 경우 API가 빠르게 발생합니다.")
    assert not_about_blank(f"{B}이(가) 있는 리전에 계정이 여러 개 존재할 수 있습니다.")
    assert not_about_blank(f"주석은 검색에 쓰이고 인덱스가 있고 {B}도 있습니다.")
    assert not_about_blank(f"{B}은(는) X-Ray에서 중요한데 추적을 검색하기 원한다면 인덱스가 있습니다.")
    assert not_about_blank(f"애플리케이션은 리비전을 포함할 수도 있고 {B} 등도 포함할 수 있습니다.")
    assert not_about_blank(f"Lambda 함수이거나 {B} 혹은 AWS 지표일 수도 있습니다.")
    assert not_about_blank(f"{B}도 마찬가지로 키-값 쌍이지만 인덱스는 아닙니다.")
    assert not_about_blank(f"하나는 {B}인 처리량 최적화 HDD로 빅 데이터 처리에 적합합니다.")
    assert not not_about_blank(f"{B}은(는) 인덱싱되어 필터와 함께 검색할 수 있는 키-값 쌍 데이터입니다.")
    assert not not_about_blank(f"{B}와(과) 마찬가지로 지연 시간이 짧고 처리량이 높습니다.")
    assert not not_about_blank(f"CloudWatch Logs 에서 로그를 스트리밍 하려면 {B}을(를) 사용해야 합니다.")


def test_blank_paired_with_a_sibling_is_not_asked() -> None:
    """'(　　)와(과) 인사이트를 정의하는 것 …' says the same of both: the sibling is as right as the answer."""
    metric = GroupMember("지표 필터", frozenset({"지표 필터"}), None, 0)
    insights = GroupMember("Logs Insights", frozenset({"Logs Insights", "인사이트"}), None, 0)
    members = [metric, insights]
    assert paired_with_sibling(f"{B}와(과) 인사이트를 정의하는 것이 중요합니다.", members, metric)
    assert paired_with_sibling(f"지표 필터와 {B}을(를) 정의하는 것이 중요합니다.", members, insights)
    assert not paired_with_sibling(f"{B}와(과) 인사이트 사이에서 로그를 옮깁니다.", members, metric)
    assert not paired_with_sibling(f"{B} 덕분에 발생 빈도를 셀 수 있습니다.", members, metric)


def test_round10_groups_give_questions_on_the_real_notes() -> None:
    """The curated big-topic groups must reach the shipped bank, each cloze with a clean blank."""
    questions = load_bank(SHIPPED_BANK).questions
    # (CloudTrail 이벤트 유형 lost 읽기/쓰기 in round 11: with three members it gives no cloze)
    kinds = ("X-Ray 개념", "CloudWatch Logs 구성 요소", "EC2 접속·전송 프로토콜")
    for kind in kinds:
        asked = [q for q in questions if kind in q.stem]
        assert asked, f"no question of the group {kind}"
        for question in asked:
            before, _, after = question.stem.partition(B)
            assert not before.endswith(("/", "_")), question.stem
            assert not after.startswith(("/", "_")), question.stem
            assert not korean.has_hangul(before[-1:]), question.stem


TRAIL_NOTES = """# 감사

## CloudTrail

관리 이벤트는 계정의 리소스에서 수행되는 작업으로 추적이 기본으로 기록합니다.
데이터 이벤트는 객체 수준의 활동으로 양이 많아 기본적으로 로그에 남지 않습니다.
인사이트 이벤트는 계정 내 비정상적인 활동을 찾아내는 유료 분석 결과입니다.
읽기 이벤트는 리소스를 수정하지 않고 정보를 얻는 이벤트로 덜 파괴적입니다.

## CloudWatch

CloudWatch는 지표를 수집하고 경보를 보내는 모니터링 서비스입니다.

## Config

Config는 리소스 구성의 변경 기록을 남기는 서비스입니다.

## X-Ray

X-Ray는 분산 애플리케이션의 요청을 추적하는 서비스입니다.
"""

TRAIL_HINTS = """groups:
  - name: 감사 서비스
    members: [CloudTrail, CloudWatch, Config, X-Ray]
  - name: 이벤트 유형
    members: [관리 이벤트, 데이터 이벤트, 인사이트 이벤트, 읽기 이벤트]
"""


def test_cloze_of_one_group_in_a_member_section_of_another_group_keeps_that_section() -> None:
    """An event-type line under '## CloudTrail' is about CloudTrail: the stem says so, and the question
    is filed there, not under the whole topic (where one section's cap would crowd it out)."""
    bank = generate_bank(TRAIL_NOTES, groups=TRAIL_HINTS)
    events = [q for q in bank.questions if q["kind"] == "cloze" and "이벤트 유형" in str(q["stem"])]
    assert events, "the event types give no cloze"
    for question in events:
        assert str(question["section"]).endswith("CloudTrail"), question["section"]
        assert str(question["stem"]).startswith("CloudTrail에 대한 다음 설명에서"), question["stem"]


def _member(name: str) -> GroupMember:
    return GroupMember(name, frozenset({name}), None, 0)


def test_siblings_inside_each_other_are_not_offered_together() -> None:
    """'예약 인스턴스' beside '정기 예약 인스턴스' reads as one choice inside another; 'FTP' and 'SFTP' are two
    protocols and may stand side by side."""
    reserved, scheduled, spot, host = (
        _member(n) for n in ("예약 인스턴스", "정기 예약 인스턴스", "스팟 인스턴스", "전용 호스트")
    )
    on_demand = _member("온디맨드 인스턴스")
    assert [m.name for m in distinct_names(on_demand, [reserved, scheduled, spot, host])] == [
        "예약 인스턴스",
        "스팟 인스턴스",
        "전용 호스트",
    ]
    assert scheduled not in distinct_names(reserved, [scheduled, spot, host])
    ftp, sftp, ssh = _member("FTP"), _member("SFTP"), _member("SSH")
    assert distinct_names(ftp, [sftp, ssh]) == [sftp, ssh]


def test_context_phrase_never_shares_a_word_only_the_answer_has() -> None:
    """'S3 & Glacier Select에 대한 다음 설명에서' would hand the player 'S3 Select' among the S3 features."""
    notes = """# 고급 S3

## S3 & Glacier Select

클라이언트가 S3 Select를 통해 CSV 파일에서 일부 행과 열을 서버 측에서 필터링해 요청합니다.
분할 업로드는 병렬화를 통해 전송 속도를 높이고 대역폭을 극대화합니다.
Transfer Acceleration 를 사용하면 엣지 로케이션을 거쳐 전송 속도를 높일 수 있습니다.
S3 바이트 범위 가져오기는 파일의 특정 바이트 범위를 병렬로 요청해 다운로드를 가속화합니다.
"""
    hints = """groups:
  - name: S3 성능 기능
    members: [S3 분할 업로드 | 분할 업로드, Transfer Acceleration, S3 바이트 범위 가져오기, S3 Select]
"""
    bank = generate_bank(notes, groups=hints)
    asked = [q for q in bank.questions if q["choices"][q["answer"]] == "S3 Select"]
    assert asked, "the S3 Select line gives no question"
    assert all("Glacier Select" not in str(q["stem"]) for q in asked)


def test_a_line_a_description_quotes_is_not_asked_again_as_a_cloze() -> None:
    """The player must not meet '(　　) 내의 모든 항목은 … 아카이브라고 불리며 …' twice, once as 'which class is
    described' (two lines) and once as a fill-in of its first line, both answered 'S3 Glacier'."""
    notes = parse_notes(
        "# S3\n\n## Glacier\n\nGlacier 내의 항목은 아카이브라고 불립니다.\n아카이브는 금고에 저장됩니다.\n"
    )
    first, second = "Glacier 내의 항목은 아카이브라고 불립니다.", "아카이브는 금고에 저장됩니다."
    others = ["S3 Standard", "S3 Standard-IA", "S3 One Zone-IA"]

    def candidate(kind: str, answer: str, evidence: list[str], core: str) -> Candidate:
        return Candidate(kind, 1, 5, core, core, answer, others, evidence, [5, 6][: len(evidence)], fact=kind + answer)

    concept = candidate(
        "concept", "S3 Glacier", [first, second], f"{B} 내의 항목은 아카이브라고 불립니다. 아카이브는 …"
    )
    again = candidate("cloze", "S3 Glacier", [first], f"{B} 내의 항목은 아카이브라고 불립니다.")
    other = candidate("cloze", "아카이브", [first], f"Glacier 내의 항목은 {B}(이)라고 불립니다.")
    chosen = _select([concept, again, other], notes, Counter())
    assert again not in chosen
    # a quoted line is asked once, whatever the template (round 10, thin topics): the cloze on another
    # word of the line and the description do not both stay
    assert (concept in chosen) != (other in chosen)
