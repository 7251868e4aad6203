"""Round 14 (rewrite): subjects the lecture leaves implicit, restored only when the line before names one concept.

A pointer ('이는', '이것은', '이건', '이 기능은', '이를 통해') right after a line that introduces one named concept
('끝으로 StackSets 가 있습니다', '첫 번째는 관리 이벤트라고 합니다', 'X에 대해 살펴봅시다') reads as that concept; a
subjectless statement right after a claim about X ('SDK 는 …입니다 / 특정 언어로 된 …') takes X as its subject. Stems
read the restored sentence; explanations quote the notes as said (a pointer with the line naming it, which no
other question then asks). Nothing is restored when the line before names
a second concept, when X is only the subject of a side clause ('CloudShell 이 실행되면 …'), when the pointer
stands for the claim ('이를 통해 …', '이는 … 의미합니다' after 'X는 …'), or when the statement supposes a case or
compares with something the line before names.
"""

from __future__ import annotations

from questions import korean
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import cloze
from questions.templates._context import Context
from tests.questions.conftest import shipped_questions

B = korean.BLANK

GROUPS = """groups:
  - name: CloudFormation 스택 기능
    members:
      - StackSet | StackSets
      - 중첩 스택
      - 변경 세트
      - 드리프트
  - name: AWS 접근 방법
    members:
      - SDK
      - CLI
      - CloudShell
      - CloudTrail
      - Authy
      - 온디맨드
"""


STACKSETS = (
    "끝으로 `StackSets` 가 있습니다\n"
    "이는 단일 작업으로 `여러 계정과 리전에 걸쳐서 스택을 생성`, 업데이트 또는 삭제합니다\n"
)
SAID = (
    "끝으로 StackSets 가 있습니다. 이는 단일 작업으로 여러 계정과 리전에 걸쳐서 스택을 생성, 업데이트 또는 삭제합니다."
)


def _context(body: str) -> Context:
    return Context(parse_notes("# 노트\n\n## 스택 기능\n\n" + body), hints=parse_groups(GROUPS))


def _fact(ctx: Context, start: str) -> str | None:
    """The fact of the sentence whose notes text (as said) starts with ``start``."""
    for index, sentence in enumerate(ctx.notes.sentences):
        said = ctx.notes.lines[sentence.start_line - 1]
        if start in said and index in ctx.facts and (index in ctx.restored or sentence.text.startswith(start)):
            return ctx.facts[index]
    return None


def test_pointer_after_an_introduction_reads_as_the_introduced_concept() -> None:
    """'이는 단일 작업으로 …' alone is no fact; after '끝으로 StackSets 가 있습니다' it is StackSets' own claim."""
    ctx = _context(STACKSETS)
    index = next(i for i in ctx.restored)
    assert (
        ctx.facts[index]
        == "StackSets은(는) 단일 작업으로 여러 계정과 리전에 걸쳐서 스택을 생성, 업데이트 또는 삭제합니다."
    )
    # the explanation shows the notes' own words, the pointer and the line naming it
    assert ctx.quote(index) == SAID
    # a key phrase after the pointer still marks its own words in the rewritten sentence
    sentence = ctx.notes.sentences[index]
    assert [sentence.text[s.start : s.end] for s in sentence.spans] == ["여러 계정과 리전에 걸쳐서 스택을 생성"]
    # the quoted line naming StackSets counts as quoted: no other question asks it again
    assert ctx.with_antecedents([sentence.start_line]) == [sentence.start_line, sentence.start_line - 1]


def test_pointer_is_left_alone_when_the_line_before_names_two_concepts() -> None:
    """'StackSets 는 중첩 스택도 배포합니다 / 이는 …': either could be meant, so the line stays no fact; so does a
    subjectless line after it."""
    ctx = _context(
        "StackSets 는 중첩 스택도 여러 계정에 배포합니다\n이는 단일 작업으로 여러 계정에 스택을 생성합니다\n\n"
        "StackSets 는 중첩 스택도 여러 계정에 배포합니다\n단일 작업으로 여러 계정과 리전에 스택을 생성합니다\n"
    )
    assert ctx.restored == {}
    assert not any(fact.startswith("StackSets은(는) 단일 작업") for fact in ctx.facts.values())


def test_a_pointer_to_a_claim_is_not_read_as_its_subject() -> None:
    """After 'X는 …' (a claim), '이를 통해 …' and '이는 … 의미합니다' point at the claim, and a subject inside a
    condition ('CloudShell 이 실행되면 …') is no topic at all."""
    ctx = _context(
        "CloudShell 이 실행되면 명령어를 그대로 넣고 Enter를 눌러 줍니다\n"
        "이를 통해 CloudWatch에 사용자 지정 지표를 푸시하게 됩니다\n\n"
        "CloudTrail은 기본적으로 모든 리전에서 활성화되어 있습니다\n"
        "이는 계정을 만들면 별도 설정 없이 기록이 남는다는 것을 의미합니다\n"
    )
    assert ctx.restored == {}


def test_a_subjectless_statement_takes_the_topic_of_the_claim_before_it() -> None:
    """'SDK 는 소프트웨어 개발 키트입니다 / 특정 언어로 된 라이브러리의 집합입니다' says the second line of SDK; a topic
    marked 은/는 holds over a side clause ('온디맨드는 … 높지만, …')."""
    ctx = _context(
        "SDK 는 소프트웨어 개발 키트입니다\n특정 언어로 된 라이브러리의 집합입니다\n\n"
        "온디맨드는 클라우드에 가장 적합한 방식으로 가격은 높지만, 선결제나 장기 약정이 필요 없습니다\n"
        "사용 해지, 중지, 시작이 언제든 가능합니다\n"
    )
    assert _fact(ctx, "특정 언어로") == "SDK은(는) 특정 언어로 된 라이브러리의 집합입니다."
    assert _fact(ctx, "사용 해지") == "온디맨드는 사용 해지, 중지, 시작이 언제든 가능합니다."
    index = next(i for i, r in ctx.restored.items() if r.name == "SDK")
    assert ctx.quote(index) == "특정 언어로 된 라이브러리의 집합입니다."  # the line as said, alone under its heading


def test_no_subject_for_a_supposed_case_a_comparison_or_another_topic() -> None:
    """'…이라면 퍼티를 사용하면 됩니다' is not said of SSH, '장치의 개수가 다를 뿐 … 동일합니다' compares with what
    the line before names, and '작동 방식은 …' has a topic of its own."""
    ctx = _context(
        "CLI는 Mac과 Linux 그리고 Windows10 이상의 버전에서 사용할 수 있습니다\n"
        "Windows10 이하의 버전이라면 퍼티를 사용하면 됩니다\n\n"
        "Authy 는 여러 장치에서 사용이 가능합니다\n장치의 개수가 다를 뿐 작동 방식은 동일합니다\n\n"
        "SDK 는 소프트웨어 개발 키트입니다\n작동 방식은 언어마다 다르게 구현되어 있습니다\n"
    )
    assert ctx.restored == {}


def test_restored_subject_can_be_blanked_beside_its_siblings() -> None:
    """The restored subject is a cloze answer: '(　　)은(는) 단일 작업으로 …' beside the other stack features."""
    ctx = _context(
        STACKSETS + "중첩 스택은 반복되는 패턴의 공통 구성 요소를 분리하여 재사용할 때 유용합니다\n\n"
        "변경 세트는 스택을 업데이트하기 전에 어떤 리소스가 바뀌는지 보여 줍니다\n\n"
        "드리프트는 콘솔에서 수동으로 바뀐 리소스 구성을 감지합니다\n"
    )
    asked = [c for c in cloze.group_candidates(ctx) if c.answer == "StackSet"]
    assert any(c.stem_core.startswith(f"{B}은(는) 단일 작업으로") for c in asked)
    assert all("이는 단일 작업으로" in c.evidence[0] for c in asked if c.stem_core.startswith(B))


def test_shipped_question_on_a_restored_line_quotes_the_notes_as_said() -> None:
    """The alias-record question asks the restored line and its explanation shows the lecturer's '이건 …'."""
    restored = [q for q in shipped_questions() if "이건 Route 53에 한정되지만" in q["explanation"]]
    assert restored, "the 별칭 레코드 line is asked"
    for question in restored:
        assert "이건" not in question["stem"]
        assert "별칭 레코드도 있습니다." in question["explanation"]
