"""Round 14 (iamroles): IAM 역할 및 정책's credential chain and instance metadata lines.

A residual word from inside a choice's name ('자격 증명' of 'CLI 자격 증명 파일') found as the head of another
name ('EC2 프로파일 자격 증명') names no choice; a distractor the notes rank first in another chain is no wrong
answer to 'what comes first'; a blank the claim leaves out ('(　　)을(를) 제외하면 …') or says is not needed is
no claim of the blank; a pointer opening the first line under a heading stands for the heading whatever its
kind noun ('## EC2 인스턴스 메타데이터 / 이 기능은 …'); '… 해서 그 목적으로 …' points within its sentence.
"""

from __future__ import annotations

from questions import gates, korean
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import cloze
from questions.templates._context import Context
from questions.text import names_choice, statement_text

B = korean.BLANK

CHAIN_NOTES = """# IAM 역할

## 자격 증명 공급자 및 체인

그래서 명령줄 옵션에서 리전, 출력값, 프로파일 혹은 세션 토큰을 지정하면 그 어떤 것보다 우선이 됩니다

그리고 AWS configure를 실행할 때 CLI 자격 증명 파일을 살펴보고 CLI 구성 파일을 살펴봅니다

그래서 최우선은 명령줄 옵션이고 그다음이 환경 변수이며
마지막 우선순위는 EC2 프로파일 자격 증명이나 ECS 컨테이너 자격 증명입니다

### SDK

Java SDK도 비슷하게 동작하며 최우선시 되는 것은 `Java 시스템 속성`입니다

Java 시스템 속성을 제외하면 그 무엇보다 최우선시 되죠
"""

CHAIN_GROUPS = """groups:
  - name: AWS 자격 증명 공급자
    members:
      - 명령줄 옵션
      - 환경 변수
      - CLI 자격 증명 파일
      - CLI 구성 파일
      - EC2 프로파일 자격 증명
      - ECS 컨테이너 자격 증명
      - Java 시스템 속성
"""


def _asked(notes: str, groups: str) -> list:
    ctx = Context(parse_notes(notes), hints=parse_groups(groups))
    return [c for c in cloze.group_candidates(ctx) if not gates.candidate_problems(c, ctx.notes)]


def test_second_source_is_asked_beside_sources_sharing_a_word_with_the_named_ones() -> None:
    asked = {c.stem_core: c for c in _asked(CHAIN_NOTES, CHAIN_GROUPS)}
    second = next(c for core, c in asked.items() if f"그다음이 {B}" in core)
    assert second.answer == "환경 변수"
    assert set(second.distractors) == {"CLI 자격 증명 파일", "CLI 구성 파일", "Java 시스템 속성"}


def test_source_ranked_first_in_another_chain_is_no_distractor_for_first() -> None:
    asked = _asked(CHAIN_NOTES, CHAIN_GROUPS)
    first = [c for c in asked if c.answer == "명령줄 옵션"]
    assert first, "the command line options are asked as the first source"
    assert all("Java 시스템 속성" not in c.distractors for c in first)


def test_excepted_blank_is_not_asked() -> None:
    assert not any("제외하면" in c.stem_core for c in _asked(CHAIN_NOTES, CHAIN_GROUPS))


def test_head_of_another_name_does_not_name_a_choice_but_a_word_of_its_own_does() -> None:
    choices = ["환경 변수", "CLI 자격 증명 파일", "CLI 구성 파일", "Java 시스템 속성"]
    inside = f"그다음이 {B}(이)며 마지막은 EC2 프로파일 자격 증명이나 ECS 컨테이너 자격 증명입니다."
    alone = f"{B}에는 자격 증명이 저장되며 그 어떤 것보다 우선이 됩니다."
    assert not names_choice(inside, "CLI 자격 증명 파일", choices)
    assert names_choice(alone, "CLI 자격 증명 파일", choices)


METADATA_NOTES = """# IAM 역할

## EC2 인스턴스 메타데이터

이 기능은 EC2 인스턴스가 자기 자신에 대해 알 수 있도록 해서
그 목적으로 IAM 역할이 필요하지 않습니다

## AWS CLI 프로필

CLI 프로필로 여러 계정의 자격 증명을 나누어 저장합니다
"""

IAM_GROUPS = """groups:
  - name: IAM 구성 요소
    members:
      - 루트 계정
      - IAM 사용자
      - 역할 | IAM 역할
      - 액세스 키
"""


def test_pointer_under_a_heading_stands_for_it_and_what_is_not_needed_is_not_asked() -> None:
    ctx = Context(parse_notes(METADATA_NOTES), hints=parse_groups(IAM_GROUPS))
    line = next(s for s in ctx.notes.sentences if "자기 자신" in s.text)
    assert line.text.startswith("EC2 인스턴스 메타데이터는 EC2 인스턴스가")
    assert statement_text(line.text) is not None  # '해서 그 목적으로' points within the sentence
    assert not any("필요하지 않습니다" in c.stem_core for c in cloze.group_candidates(ctx))


def test_purpose_pointer_opening_a_sentence_still_points_elsewhere() -> None:
    assert statement_text("그 목적으로 IAM 역할이 필요하지 않습니다") is None


def test_shipped_bank_asks_the_second_cli_source() -> None:
    from .conftest import shipped_questions

    asked = {q["stem"]: q["choices"][q["answer"]] for q in shipped_questions()}
    second = [a for stem, a in asked.items() if f"그다음이 {B}(이)며" in stem]
    assert second == ["환경 변수"]
