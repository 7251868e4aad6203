"""Round 15 (auditA): a strict reading of every cloze question of files 01–09 (see questions/REVIEW.md).

Faults found and the rules that remove them: a stem that spells the answer out in Korean ('파일 전송 프로토콜인
(　　)' is FTP, '(　　) 클라이언트 오류' is 4xx); the blank as what a lost subject is compared with ('(　　)와(과)
비교하면 약 75%의 비용을 절약'); a lettered box of a diagram ('VPC B와 VPC C 사이에서 …'); a distractor named by its
one capital letter ('타입은 항상 A 또는 AAAA' beside 'A 레코드'); a stem naming a term of a hint group named after the
answer ('Max I/O 성능 모드' when EFS is blanked); a blank 'or' its numbered twin ('(　　)(이)나 io2'); and notes
lines that are wrong or true of a sibling too (corrections.py).
"""

from __future__ import annotations

import pytest

from questions import gates
from questions.generator import GeneratedBank
from questions.groups import Group, Member
from questions.notes_parser import parse_notes
from questions.templates._context import Context
from questions.text import names_choice, statement_text
from tests.questions.conftest import stem_candidate


def _cloze_stems(bank: GeneratedBank) -> list[str]:
    return [q["stem"] for q in bank.questions if q["kind"] == "cloze"]


@pytest.mark.parametrize(
    ("core", "names"),
    [
        (
            "파일 전송 프로토콜인 (　　)의 포트는 21번 포트이며 파일을 업로드하는데 사용됩니다.",
            ["FTP", "SSH", "RDP", "SFTP"],
        ),
        ("(　　) 클라이언트 오류에서는 재시도 혹은 지수 백오프를 실행해서는 안 됩니다.", ["4xx", "5xx", "2xx", "3xx"]),
    ],
)
def test_a_stem_spelling_out_the_answer_in_korean_is_rejected(core: str, names: list[str]) -> None:
    assert gates.shape_problems(stem_candidate("cloze", core, names)) == ["answer_in_stem"]


def test_the_blank_compared_with_a_lost_subject_is_rejected() -> None:
    assert gates.compared_without_subject("(　　)와(과) 비교하면 약 75%의 비용을 절약할 수 있습니다.")
    assert not gates.compared_without_subject("예약 인스턴스는 (　　)와(과) 비교하면 약 75%를 절약합니다.")


def test_a_lettered_diagram_box_is_no_fact() -> None:
    assert (
        statement_text("VPC B와 VPC C 사이에서 통신하기 원한다면 B와 C 사이에 VPC 피어링 연결을 해야 합니다.") is None
    )
    assert statement_text("VPC 피어링은 두 VPC를 비공개로 연결하며 전이되지 않습니다.") is not None


def test_a_distractor_named_by_its_capital_letter_is_named() -> None:
    choices = ["별칭 레코드", "CNAME 레코드", "NS 레코드", "A 레코드"]
    assert names_choice("“(　　)의 타입은 항상 A 또는 AAAA 인데 …”", "A 레코드", choices)
    assert not names_choice(
        "“(　　)은(는) AAAA 레코드와 다릅니다.”", "A 레코드", ["A 레코드", "AAAA 레코드", "NS 레코드"]
    )


def test_a_term_of_a_group_named_after_the_answer_gives_it_away() -> None:
    notes = parse_notes("# EFS\n\nEFS는 파일 시스템입니다.\n")
    modes = Group(
        "EFS 성능 모드",
        (Member("Max I/O", frozenset({"Max I/O 성능 모드"})), Member("범용", frozenset({"범용 성능 모드"}))),
    )
    common = Group("리소스 유형", (Member("리소스", frozenset({"리소스"})), Member("추적", frozenset({"추적"}))))
    ctx = Context(notes, hints=[modes, common])
    assert ctx.names_owned_term("(　　)에서 대규모 데이터 워크로드에는 Max I/O 성능 모드가 적합합니다.", {"EFS"})
    assert not ctx.names_owned_term("(　　)은(는) 여러 AZ에 걸쳐 마운트됩니다.", {"EFS"})
    assert not ctx.names_owned_term("Max I/O 성능 모드가 적합합니다.", {"EBS"})


def test_shipped_cloze_has_none_of_the_faults_read(aws_generated: GeneratedBank) -> None:
    stems = _cloze_stems(aws_generated)
    for fault in (
        "파일 전송 프로토콜인 (　　)",  # spells out FTP
        "(　　) 클라이언트 오류",  # spells out 4xx
        "(　　)와(과) 비교하면",  # lost subject: reserved instances
        "VPC B와 VPC C",  # a diagram's boxes
        "타입은 항상 A 또는 AAAA",  # 'A 레코드' named in the stem
        "Max I/O 성능 모드가 적합",  # EFS named by its own mode
        "(　　)(이)나 io2",  # io1 given away by its twin
    ):
        assert not any(fault in stem for stem in stems), fault


def test_wrong_or_shared_notes_lines_ask_nothing(aws_generated: GeneratedBank) -> None:
    quoted = " ".join(q["stem"] + q["explanation"] + " ".join(q["choices"]) for q in aws_generated.questions)
    for dropped in (
        "전역 서비스이지만",  # S3 is regional, its namespace global
        "사용 중이 아닐 때에만",  # snapshots are taken of in-use volumes
        "EC2의 DNS 이름에 대해서는",  # A/AAAA records cannot take a DNS name either
        "루트 및 비루트 도메인 모두에 작동",  # A/AAAA records work at the apex too
        "명령줄 인터페이스 도구로 Mac과 Linux",  # sftp ships beside ssh
        "공용 서브넷을 공개적으로",  # a tautology
        "URL을 추적하는 것이 어려워지고",  # a lead-in, no fact
        "NLB에서 직접 트래픽을 보내도록",  # subject two lines up
        "작업에 대한 권한이 있는지를 테스트",  # restates --dry-run two lines up
        "하나의 보안 키에서 여러 루트 계정과",  # an MFA app serves many users on one device too
    ):
        assert dropped not in quoted, dropped
