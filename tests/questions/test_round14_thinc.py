"""Round 14 (thinC): DNS lines whose subject the lecture leaves to the heading.

A subjectless statement opening a hint-group member's section, right under its heading, is about that member
('### A 레코드 / 호스트 이름과 IPv4 IP를 매핑하죠'); the failover policy is also named by its own line's '장애 조치
라우팅 정책'; a definition question does not offer a sibling's statement built on a versioned name (IPv4) the
answer's own notes use: an alias record is of type A or AAAA, so 'maps a host name to IPv4' is true of it too.
"""

from __future__ import annotations

from questions import gates
from questions.generator import GeneratedBank
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import definition
from questions.templates._context import Context

RECORD_NOTES = """# DNS

## Route 53

### A 레코드

A 레코드는 호스트 이름과 IPv4 IP를 매핑합니다.

### AAAA 레코드

AAAA 레코드는 호스트 이름을 IPv6 주소에 매핑합니다.

### CNAME 레코드

CNAME 레코드는 호스트 이름이 다른 호스트 이름으로 향하도록 할 수 있습니다.

### 별칭 레코드

별칭 레코드는 루트 및 비루트 도메인 모두에 작동합니다.
별칭 레코드의 타입은 항상 A 또는 AAAA 인데 리소스는 IPv4나 IPv6 중 하나입니다.

### NS 레코드

NS 레코드는 어떤 도메인에 대한 처리를 다른 도메인 네임 서버에게 위임합니다.
"""

RECORD_GROUPS = """groups:
  - name: DNS 레코드 유형
    members:
      - A 레코드
      - AAAA 레코드
      - CNAME 레코드
      - 별칭 레코드
      - NS 레코드
"""


def _definitions() -> dict[str, list[list[str]]]:
    notes = parse_notes(RECORD_NOTES)
    ctx = Context(notes, hints=parse_groups(RECORD_GROUPS))
    out: dict[str, list[list[str]]] = {}
    for c in [*definition.group_generate(ctx), *definition.member_generate(ctx)]:
        if not gates.candidate_problems(c, notes):
            out.setdefault(c.stem_core, []).append(c.distractors)
    return out


def test_no_sibling_statement_on_a_versioned_name_the_answer_uses() -> None:
    asked = _definitions()
    assert "A 레코드" in asked  # the record types are still asked of each other
    for distractors in asked.get("별칭 레코드", []):
        assert not any("IPv4" in d or "IPv6" in d for d in distractors), distractors
    assert any(any("IPv6" in d for d in distractors) for distractors in asked["A 레코드"])


OPENING_NOTES = """# DNS

## Route 53

### A 레코드

호스트 이름과 IPv4 IP를 매핑하죠

### 캐시 제거와 타임 투 리브(TTL)

캐시에 제한된 크기가 있습니다

### NS 레코드

https://example.com/ns

어떤 도메인에 대한 처리를 다른 도메인 네임 서버에게 위임합니다
"""

OPENING_GROUPS = """groups:
  - name: DNS 레코드 유형
    members:
      - A 레코드
      - NS 레코드
      - TTL | 타임 투 리브
  - name: CloudFormation 템플릿 구성 요소
    topic: CloudFormation
    members:
      - Mappings | 매핑
      - Resources | 리소스
"""


def _restored(notes: str, groups: str) -> list[str]:
    ctx = Context(parse_notes(notes), hints=parse_groups(groups))
    return [ctx.notes.sentences[i].text for i in sorted(ctx.restored)]


def test_a_subjectless_line_opening_a_member_section_is_about_the_heading() -> None:
    """'### A 레코드 / 호스트 이름과 IPv4 IP를 매핑하죠' is said of the A record; '매핑' is a CloudFormation template
    part only in CloudFormation, so it names nothing else here. A heading joining two things ('캐시 제거와 타임 투
    리브') and a line after a link under its heading are left as they are."""
    restored = _restored(OPENING_NOTES, OPENING_GROUPS)
    assert restored == ["A 레코드는 호스트 이름과 IPv4 IP를 매핑하죠"]


def test_a_line_naming_another_concept_of_its_topic_keeps_no_heading_subject() -> None:
    scoped = OPENING_GROUPS.replace("    topic: CloudFormation\n", "")
    assert _restored(OPENING_NOTES, scoped) == []


def test_thin_topics_ask_the_restored_facts(aws_generated: GeneratedBank) -> None:
    answers = {(q["kind"], q["choices"][q["answer"]]) for q in aws_generated.questions}
    assert ("concept", "장애 조치 정책") in answers  # '장애 조치 라우팅 정책은 …' names it by its line's name
    stems = " ".join(q["stem"] for q in aws_generated.questions)
    assert "(　　)은(는) 일반적으로 트래픽을 단일 리소스로 보내는 방식입니다" in stems
    aliases = [q for q in aws_generated.questions if q["kind"] == "definition" and "별칭" in q["stem"]]
    for question in aliases:
        assert not any("IPv4" in c for c in question["choices"]), question
