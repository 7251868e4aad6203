"""Round 14 (kinds): the statement templates of a family of concepts (templates/negative.py).

'다음 중 X에 대한 설명으로 옳은 것은?' is now also asked from the negative families (the right statement X's own,
each wrong one a sibling's that is clearly false of X), chosen after every other question; a sibling's plain
name word is no name mark, X's own name word is; pointers without an antecedent, lists and ordinals are no
statements; a sibling X's section keeps naming offers no false statement about X.
"""

from __future__ import annotations

from collections import Counter

from questions import korean
from questions.candidate import Candidate
from questions.generator import _select
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import comparison, definition, negative
from questions.templates._context import Context
from tests.questions.conftest import shipped_questions

GROUPS = """
groups:
  - name: 모니터링 도구
    members: [X-Ray, CloudTrail, CloudWatch 지표, CodeBuild]
"""

NOTES = """# 모니터링

## X-Ray

X-Ray는 `분산 추적`으로 요청의 흐름을 시각적으로 보여 줍니다.
X-Ray는 `서비스 맵`으로 어떤 서비스가 느린지 찾아냅니다.
X-Ray는 요청마다 오류와 예외를 `세그먼트` 단위로 기록합니다.
X-Ray는 람다 함수의 지연 시간을 `분산 추적`으로 분석합니다.
X-Ray는 트러블 슈팅도 이를 기반으로 수행할 수 있습니다.
X-Ray는 EC2 인스턴스와 온프레미스 서버를 추적하는 첫 사례입니다.

## CloudTrail

CloudTrail은 AWS 계정의 `API 호출`을 감사 기록으로 남깁니다.
CloudTrail은 `API 호출` 이력을 90일 동안 보관합니다.
CloudTrail은 모든 리전에 적용되는 `트레일`을 만들 수 있습니다.

## CloudWatch 지표

CloudWatch 지표는 `차원`을 지표당 최대 10개까지 가집니다.
CloudWatch 지표는 `차원`으로 인스턴스별 CPU 사용률을 나눠 봅니다.
CloudWatch 지표는 1분 간격의 `세부 모니터링`을 제공합니다.
CloudWatch 지표는 Ansible, Terraform Chef, Puppet 등 많습니다.

## CodeBuild

CodeBuild는 `빌드 단계`마다 빌드 로그를 S3 버킷에 남깁니다.
CodeBuild는 `빌드 단계`가 끝나면 `아티팩트`를 만들어 냅니다.
CodeBuild는 소스 코드를 컴파일하고 `테스트`를 실행합니다.
"""


def _context(notes: str = NOTES) -> Context:
    return Context(parse_notes(notes), hints=parse_groups(GROUPS))


def _positive(ctx: Context) -> list[Candidate]:
    return list(negative.true_generate(ctx))


def test_positive_form_asks_x_with_siblings_statements_as_wrong_choices() -> None:
    found = _positive(_context())
    xray = [c for c in found if c.stem == "다음 중 X-Ray에 대한 설명으로 옳은 것은?"]
    assert xray
    assert all(c.kind == definition.KIND and c.last for c in xray)
    assert "분산 추적으로 요청의 흐름을 시각적으로 보여 줍니다." in {c.answer for c in xray}
    for candidate in xray:
        # every wrong statement is a sibling's, from two siblings at least
        owners = {
            "CloudTrail" if "API" in d or "트레일" in d else "CloudWatch 지표" if "차원" in d else "other"
            for d in candidate.distractors
        }
        assert len(owners) >= 2
        assert not any("추적" in d or "서비스 맵" in d for d in candidate.distractors)


def _statements(ctx: Context, name: str) -> list[str]:
    """The statements the family templates may offer about a concept."""
    for concept, family in negative._concepts(ctx):
        if concept.name == name:
            forbidden = negative._forbidden(ctx, [concept, *(c for c in family if c is not concept)])
            return [text for text, _ in negative._statements(ctx, concept, forbidden)]
    raise AssertionError(name)


def test_unanchored_pointer_ordinal_and_list_lines_are_no_statements() -> None:
    ctx = _context()
    xray = _statements(ctx, "X-Ray")
    assert "분산 추적으로 요청의 흐름을 시각적으로 보여 줍니다." in xray
    assert not any("이를 기반으로" in t or "첫 사례" in t for t in xray)
    assert not any("등 많습니다" in t for t in _statements(ctx, "CloudWatch 지표"))


STORAGE_GROUPS = """
groups:
  - name: EC2 스토리지
    members: [EBS, EFS, 인스턴스 스토어]
"""

STORAGE = """# 스토리지

## EBS

EBS는 한 번에 하나의 인스턴스에 `네트워크 드라이브`로 연결됩니다.
EBS는 `스냅샷`으로 다른 가용 영역에 옮길 수 있습니다.
EBS는 `네트워크 드라이브`라서 지연 시간이 조금 있습니다.

## EFS

EFS는 여러 인스턴스에 동시에 마운트되는 `NFS` 파일 시스템입니다.
EFS는 `NFS` 프로토콜로 리눅스 인스턴스를 지원합니다.
EFS는 사용한 만큼 요금을 내는 `관리형` 서비스입니다.

## 인스턴스 스토어

인스턴스 스토어는 `물리 디스크`라서 I/O 성능이 매우 높습니다.
인스턴스 스토어는 인스턴스를 중지하면 `물리 디스크`의 데이터가 사라집니다.
인스턴스 스토어는 `물리 디스크`를 EC2 호스트에서 직접 씁니다.
"""


def test_a_sibling_name_word_said_by_the_others_is_a_plain_word_but_x_own_stays_out() -> None:
    """'인스턴스' of '인스턴스 스토어' is what EBS and EFS attach to, not a name mark; asked about 인스턴스
    스토어, though, a statement with '인스턴스' would be found by the word alone."""
    ctx = Context(parse_notes(STORAGE), hints=parse_groups(STORAGE_GROUPS))
    assert "한 번에 하나의 인스턴스에 네트워크 드라이브로 연결됩니다." in _statements(ctx, "EBS")
    store = _statements(ctx, "인스턴스 스토어")
    assert store
    assert not any("인스턴스" in t for t in store)
    assert not any("스토어" in t for t in _statements(ctx, "EBS"))


def test_a_right_statement_that_reads_the_name_of_x_is_not_asked() -> None:
    """'빌드 로그를 …' is CodeBuild's by the word alone (빌드 = build)."""
    ctx = _context()
    build = [c for c in _positive(ctx) if "CodeBuild에 대한" in c.stem]
    assert all("빌드" not in c.answer for c in build)
    assert any("빌드" in d for c in _positive(ctx) for d in c.distractors)  # fine as another concept's


def test_a_sibling_named_twice_in_x_section_offers_no_false_statement_of_x() -> None:
    tied = NOTES.replace(
        "## CloudWatch 지표",
        "CloudTrail은 CodeBuild의 API 호출도 기록합니다.\nCloudTrail은 CodeBuild 이벤트도 보관합니다.\n\n"
        "## CloudWatch 지표",
    )
    before = [c for c in _positive(_context()) if "CloudTrail에 대한" in c.stem]
    after = [c for c in _positive(_context(tied)) if "CloudTrail에 대한" in c.stem]
    assert any("컴파일" in d or "아티팩트" in d for c in before for d in c.distractors)
    assert after
    assert not any("컴파일" in d or "아티팩트" in d for c in after for d in c.distractors)


def test_positive_form_is_chosen_after_the_negative_questions_it_shares_lines_with() -> None:
    ctx = _context()
    # the odd statement is X-Ray's, a section before: the positive X-Ray question would come first by section
    negatives = [c for c in negative.generate(ctx) if "CloudTrail에 대한" in c.stem]
    odd = negatives[0]
    rival = next(c for c in _positive(ctx) if c.source_line in odd.evidence_lines)
    rival.score = 99.0  # even the best positive question waits for the negative one
    chosen = _select([rival, odd], ctx.notes, Counter())
    assert chosen == [odd]


def test_shipped_statement_choices_hold_no_unanchored_pointer_nor_dimension_mistranslation() -> None:
    statements = [q for q in shipped_questions() if q["kind"] in {"definition", "negative"}]
    assert any(q["kind"] == "definition" and "X-Ray에 대한" in q["stem"] for q in statements)
    for question in statements:
        for choice in question["choices"]:
            assert not negative._UNANCHORED.search(choice), question["id"]
    every = " ".join(c for q in shipped_questions() for c in q["choices"])
    assert "배열" not in every
    assert "10개의 차원" in every
    assert korean.normalise("지표당 최대 10개의 차원까지") in korean.normalise(every)


HEADED = """# 라우팅

## 지리 근접 라우팅

이는 사용자와 리소스의 지리적 위치를 기반으로 트래픽을 라우팅합니다.
지리 근접 라우팅은 바이어스로 트래픽을 옮길 수 있습니다.

## IOPS

이는 IOPS 성능을 유지해야 하는 애플리케이션에 적합합니다.

## 가중치 라우팅

앞의 설명을 이어 갑니다.
이는 트래픽을 가중치에 따라 나눕니다.

## X-Ray

이 서비스가 가장 혁신적인 서비스라고 생각하는데 활용도가 낮습니다.
"""


def test_pointer_opening_the_first_line_under_a_heading_reads_as_the_heading() -> None:
    ctx = _context(HEADED)
    by_line = {ctx.notes.sentences[i].start_line: text for i, text in ctx.facts.items()}
    assert by_line[5] == "지리 근접 라우팅은 사용자와 리소스의 지리적 위치를 기반으로 트래픽을 라우팅합니다."
    restored = next(r for r in ctx.restored.values() if r.name == "지리 근접 라우팅")
    assert restored.quote.startswith("지리 근접 라우팅: 이는")
    # the line names the heading again (the heading shortens another name), is not the first line under it,
    # or gives an opinion: no subject is written in
    assert all(r.name not in {"IOPS", "가중치 라우팅", "X-Ray"} for r in ctx.restored.values())


def test_a_cover_every_case_claim_is_not_asked_against_padded_siblings() -> None:
    """'루트 및 비루트 도메인 모두에 작동합니다' tells 별칭 from CNAME only: A and AAAA records work at the root too."""
    shipped = [q for q in shipped_questions() if q["kind"] == "comparison"]
    assert shipped
    assert not any("모두에 작동" in q["stem"] for q in shipped)


def test_every_case_claim_of_a_compared_item_gives_no_padded_question() -> None:
    notes = "\n".join(
        [
            "# DNS",
            "## 레코드",
            "A 레코드는 호스트 이름을 IPv4 주소로 매핑합니다",
            "AAAA 레코드는 호스트 이름을 IPv6 주소로 매핑합니다",
            "NS 레코드는 호스트 존의 네임 서버를 지정합니다",
            "## CNAME 과 별칭의 차이",
            "CNAME 은 `호스트 이름이 다른 호스트 이름으로 향하도록` 할 수 있습니다",
            "`별칭 레코드는 루트 및 비루트 도메인 모두에 작동`합니다",
        ]
    )
    hints = """groups:
  - name: DNS 레코드 유형
    members: ['A 레코드', 'AAAA 레코드', 'CNAME 레코드 | CNAME', '별칭 레코드 | 별칭', 'NS 레코드']
"""
    ctx = Context(parse_notes(notes), hints=parse_groups(hints))
    answers = {c.answer for c in comparison.describe_generate(ctx)}
    assert answers == {"CNAME"}
