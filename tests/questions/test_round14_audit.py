"""Round 14 (audit): statement choices that stand alone, and comparison claims no padded sibling shares.

A strict reading of every definition, negative, comparison and membership question found statements that are
no claim of the asked concept once they stand alone: a tool named in a condition ('Transfer Acceleration 를
사용하면 …', true whatever the question asks about), a consequence cut from its premise ('따라서 사용자들은 …'), a
passive or '…이 되어 줍니다' with no subject ('컴퓨터뿐만 아니라 클라우드에 백업되고 있습니다': what is backed up?),
and claims too short to say anything ('VPC는 IP 범위를 갖고 있습니다'); a bound claim ('하나의 인스턴스에만 …') of
EBS against EFS that the padded instance store shares; '도구죠' written as '도굽니다'.
"""

from __future__ import annotations

from questions.generator import GeneratedBank
from questions.notes_parser import parse_notes
from questions.templates import definition
from questions.templates._context import Context, lost_subject
from questions.text import formalise

STATEMENT_KINDS = {"definition", "negative"}


def _statement_choices(bank: GeneratedBank) -> set[str]:
    return {c for q in bank.questions if q["kind"] in STATEMENT_KINDS for c in q["choices"]}


def test_a_statement_without_subject_must_say_something() -> None:
    assert lost_subject("컴퓨터뿐만 아니라 클라우드에 백업되고 있습니다.")
    assert lost_subject("AWS에서 보안을 확보할 수 있는 좋은 방법이 되어 줍니다.")
    assert lost_subject("IP 범위를 갖고 있습니다.", implicit=False)
    assert not lost_subject("모든 로그가 CloudWatch 로그와 Amazon S3으로 이동합니다.")
    assert not lost_subject("사용 해지, 중지, 시작이 언제든 가능합니다.")
    assert not lost_subject("EBS 볼륨은 다른 가용 영역으로 복제됩니다.", implicit=False)


def test_no_vague_or_general_statement_is_a_choice(aws_generated: GeneratedBank) -> None:
    choices = _statement_choices(aws_generated)
    for vague in (
        "컴퓨터뿐만 아니라 클라우드에 백업되고 있습니다.",
        "IP 범위를 갖고 있습니다.",
        "Transfer Acceleration 를 사용하면 전송 속도를 높일 수 있습니다.",
        "사용자들은 상황에 따라 GET이나 PUT 권한을 사용할 수 있습니다.",
        "Cloud9 도구를 사용하면 코딩을 통합할 수 있습니다.",
        "AWS에서 보안을 확보할 수 있는 좋은 방법이 되어 줍니다.",
    ):
        assert vague not in choices


NOTES = """# S3

## 사전 서명된 URL

사전 서명된 URL을 만들면 기본 만료 시간은 `3,600초`입니다.
사전 서명된 URL은 생성한 사람의 권한을 상속합니다.
따라서 사용자들은 상황에 따라 GET이나 PUT 권한을 사용할 수 있습니다.
사전 서명된 URL은 만료 시간을 `--expires-in` 인수로 바꿀 수 있습니다.

## 전송 가속

Transfer Acceleration 를 사용하면 엣지 로케이션을 거쳐 전송 속도를 크게 높일 수 있습니다.
전송 가속은 엣지 로케이션을 거쳐 업로드와 다운로드를 빠르게 합니다.

## 수명 주기 규칙

수명 주기 규칙은 객체를 정해진 일수 뒤에 다른 스토리지 클래스로 옮깁니다.
수명 주기 규칙은 오래된 객체를 정해진 일수 뒤에 만료시켜 삭제합니다.
"""


def test_statements_keep_their_premise_and_their_own_subject() -> None:
    ctx = Context(parse_notes(NOTES))
    texts = {ctx.notes.sentences[si].text: si for si in range(len(ctx.notes.sentences))}
    consequence = next(si for text, si in texts.items() if text.startswith("따라서"))
    tool = next(si for text, si in texts.items() if text.startswith("Transfer Acceleration"))
    assert ctx.statement(consequence, [], min_score=0.0) is None
    assert ctx.statement(tool, [], min_score=0.0) is None
    choices = {c for cand in definition.generate(ctx) for c in [cand.answer, *cand.distractors]}
    assert not any(c.startswith(("사용자들은", "Transfer Acceleration")) for c in choices)


def test_a_bound_claim_is_not_asked_against_a_padded_sibling(aws_generated: GeneratedBank) -> None:
    for q in aws_generated.questions:
        if q["kind"] == "comparison" and "하나의 인스턴스에만" in q["stem"]:
            assert "인스턴스 스토어" not in q["choices"]


def test_a_noun_ending_in_gu_keeps_its_copula() -> None:
    assert formalise("AWS 내에서 CICD 를 조정해주는 비주얼 워크플로 도구죠") == (
        "AWS 내에서 CICD 를 조정해주는 비주얼 워크플로 도구입니다."
    )


def test_the_right_statement_does_not_say_the_asked_name_in_korean(aws_generated: GeneratedBank) -> None:
    """'NS 레코드에 대한 설명' answered by '네임 서버 레코드로 …', 'CodeDeploy' by '… 자동으로 배포하는 것'."""
    for q in aws_generated.questions:
        if q["kind"] == "definition" and q["stem"].startswith("다음 중 NS 레코드"):
            assert "네임 서버" not in q["choices"][q["answer"]]
        if q["kind"] == "definition" and q["stem"].startswith("다음 중 CodeDeploy에"):
            right = q["choices"][q["answer"]]
            assert "배포" not in right or any("배포" in c for c in q["choices"] if c != right)


CASE_NOTES = """# 모니터링

## CloudWatch 로그

CloudWatch 로그는 로그 그룹과 로그 스트림으로 로그를 모아 `보관 기간`을 정해 둡니다.
CloudWatch 에서 Amazon S3로 전송한다고 치면 내보내기에 최대 12시간까지 소요될 수 있습니다
API 호출은 CreateExportTask 로 시간이 지나면 알아서 작업이 끝날 겁니다

## 매핑

리전에 따라 32bit 또는 64bit 아키텍처에 따라 사용해야 하는 AMI ID가 보입니다
전반적으로 하드 코딩되어 있고 템플릿이 실행되는 것에 따라 사용할 AMI를 보여줍니다
"""


def test_a_line_going_on_with_a_supposed_case_or_a_figure_is_no_fact() -> None:
    ctx = Context(parse_notes(CASE_NOTES))
    goes_on = [si for si, s in enumerate(ctx.notes.sentences) if s.text.startswith(("API 호출은", "전반적으로"))]
    assert len(goes_on) == 2
    assert not any(si in ctx.facts for si in goes_on)
