"""Round 11: second pass on the thinnest topics (VPC, ECS, IAM 역할 및 정책).

A group's `terms:` lets a Korean term other topics also name ('서브넷') be asked in its own topic; a blank
inside a sibling's longer name ('공용 (　　)') or standing short for a sibling named just before is skipped;
'이것도', '이때는' and '~싶습니다' are no statements.
"""

from __future__ import annotations

from collections import Counter

import pytest

from questions import korean
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import cloze
from questions.templates._context import Context
from questions.text import statement_text

B = korean.BLANK

# '서브넷' is named in four topics: too generic for a cloze, unless its group says it is a VPC term.
NETWORK_NOTES = """# 컴퓨팅

EC2 인스턴스는 서브넷 안에서 실행되며 보안 그룹이 트래픽을 제어합니다.

# 데이터베이스

RDS 인스턴스는 사설 서브넷에 두는 것이 안전한 구성 방식입니다.

# 로드 밸런서

로드 밸런서는 여러 서브넷에 걸쳐 트래픽을 분산하는 서비스입니다.

# VPC

## 구성 요소

서브넷은 가용 영역 수준에서 정의되며 VPC 안의 네트워크를 나누는 단위입니다.
공용 서브넷은 인터넷 게이트웨이로 직접 라우팅 되어 인터넷에서 접근할 수 있습니다.
사설 서브넷은 인터넷에서 직접 접근할 수 없는 네트워크 영역입니다.
네트워크 ACL은 서브넷 수준에서 만드는 방화벽이고 규칙에는 IP 주소만 들어갑니다.
라우팅 테이블은 서브넷 사이에서 네트워크 트래픽이 어떻게 흐를지 정의합니다.
"""

NETWORK_GROUPS = """groups:
  - name: VPC 구성 요소
    {terms}
    members:
      - 서브넷
      - 공용 서브넷
      - 사설 서브넷
      - 네트워크 ACL
      - 라우팅 테이블
      - 인터넷 게이트웨이
"""


def _group_cores(notes_text: str, groups_text: str) -> list[tuple[str, str]]:
    ctx = Context(parse_notes(notes_text), hints=parse_groups(groups_text))
    return [(c.answer, c.stem_core) for c in cloze.group_candidates(ctx)]


def test_terms_scope_asks_a_korean_term_other_topics_name_in_its_own_topic() -> None:
    with_terms = Counter(a for a, _ in _group_cores(NETWORK_NOTES, NETWORK_GROUPS.format(terms="terms: VPC")))
    without = Counter(a for a, _ in _group_cores(NETWORK_NOTES, NETWORK_GROUPS.format(terms="")))
    assert with_terms["서브넷"] >= 1
    assert without["서브넷"] == 0


def test_terms_scope_does_not_reach_other_topics() -> None:
    """The EC2 and load balancer lines name '서브넷' in passing: it is not their blank."""
    cores = _group_cores(NETWORK_NOTES, NETWORK_GROUPS.format(terms="terms: VPC"))
    subnet_cores = [core for answer, core in cores if answer == "서브넷"]
    assert subnet_cores
    assert not any("EC2 인스턴스는" in core or "로드 밸런서는" in core for core in subnet_cores)


def test_a_blank_never_splits_a_siblings_longer_name() -> None:
    """'공용 서브넷은 …' asks 공용 서브넷, never '공용 (　　)은(는) …' with 서브넷 as the answer."""
    cores = _group_cores(NETWORK_NOTES, NETWORK_GROUPS.format(terms="terms: VPC"))
    assert not any(f"공용 {B}" in core or f"사설 {B}" in core for _, core in cores)
    assert ("공용 서브넷", f"{B}은(는) 인터넷 게이트웨이로 직접 라우팅 되어 인터넷에서 접근할 수 있습니다.") in cores


SHORT_FOR_NOTES = """# VPC

## 서브넷

공용 서브넷은 인터넷 게이트웨이를 통해 인터넷으로부터 접근됩니다.
즉, 서브넷은 월드 와이드 웹에 접근할 수 있고 월드 와이드 웹으로부터 접근될 수 있습니다.
네트워크 ACL은 서브넷 수준에서 만드는 방화벽이고 규칙에는 IP 주소만 들어갑니다.
라우팅 테이블은 서로 다른 서브넷 사이에서 네트워크 트래픽이 어떻게 흐를지 정의합니다.
"""


def test_a_short_name_right_after_its_longer_sibling_is_not_asked() -> None:
    """'즉, 서브넷은 www에 접근할 수 있고 …' is said of the public subnet named the line before, not of
    subnets in general: no cloze with 서브넷 as the answer."""
    cores = _group_cores(SHORT_FOR_NOTES, NETWORK_GROUPS.format(terms="terms: VPC"))
    assert not any(a == "서브넷" and "월드 와이드 웹" in core for a, core in cores)


@pytest.mark.parametrize(
    "sentence",
    [
        "사설 서브넷에 EC2 인스턴스가 있고 이것도 인터넷에 접근하게 만들고 싶습니다",
        "EC2 인스턴스는 공용 서브넷에 연결되지 않을 수 있는데 이때는 AWS 서비스에 비공개로 접근합니다",
        "보안 그룹을 인스턴스에 연결해서 트래픽을 제어하고 싶습니다",
    ],
)
def test_pointers_and_wishes_are_no_statements(sentence: str) -> None:
    assert statement_text(sentence) is None


def test_a_fact_with_a_conditional_wish_stays_a_statement() -> None:
    assert statement_text("도커 컨테이너를 서버리스에서 실행하고 싶다면 Fargate를 이용할 수 있습니다") is not None


def test_real_notes_ask_subnets_and_the_dry_run_option() -> None:
    from questions.groups import load_groups

    from .conftest import AWS_NOTES

    notes = parse_notes(AWS_NOTES.read_text(encoding="utf-8"))
    ctx = Context(notes, hints=parse_groups(load_groups(AWS_NOTES) or ""))
    answers = Counter(c.answer for c in cloze.group_candidates(ctx))
    assert answers["공용 서브넷"] >= 1
    assert answers["--dry-run"] >= 1
    cores = [c.stem_core for c in cloze.group_candidates(ctx)]
    assert not any(f"공용 {B}" in core or f"사설 {B}" in core for core in cores)


def test_definition_never_gives_a_siblings_claim_to_the_short_name() -> None:
    """'다음 중 서브넷에 대한 설명으로 옳은 것은?' never answers with the public subnet's 'www에 접근할 수 있고 …'."""
    from questions.templates import definition

    notes = SHORT_FOR_NOTES + "\n서브넷은 가용 영역 수준에서 정의되며 VPC 안의 네트워크를 나누는 단위입니다.\n"
    ctx = Context(parse_notes(notes), hints=parse_groups(NETWORK_GROUPS.format(terms="terms: VPC")))
    answers = [c.answer for c in definition.group_generate(ctx) if c.stem_core == "서브넷"]
    statements = [s for m in ctx.groups[0] if m.name == "서브넷" for s, _ in definition._member_statements(ctx, m, [])]
    assert any("가용 영역" in s for s in statements)
    assert not any("월드 와이드 웹" in s for s in statements + answers)


def test_a_latin_name_with_a_particle_is_no_second_bare_subject() -> None:
    """'… 포인트는 VPC에 있는 …' is one sentence ('VPC에' is no bare name); '소스는 CodeCommit 빌드는 …' is two."""
    kept = "VPC 엔드 포인트는 VPC에 있는 AWS 서비스로 비공개로 접근하게 하지 온프레미스로 접근하게 하는 것이 아닙니다"
    assert statement_text(kept) is not None
    assert statement_text("파이프라인에서 소스는 CodeCommit 빌드는 CodeBuild를 사용합니다") is None
