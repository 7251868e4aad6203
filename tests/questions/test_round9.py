"""Round 9: statements true of a sibling, blanks beside a short name, sentences about another member."""

from __future__ import annotations

from questions import korean
from questions.candidate import Candidate
from questions.gates import said_only_of, shape_problems, spelled_out
from questions.notes_parser import parse_notes
from questions.templates._context import GroupMember
from questions.templates.cloze import filed_under_sibling
from questions.text import statement_text

B = korean.BLANK

NOTES = """# 도구

## CLI

CLI는 터미널에서 명령을 실행하는 도구입니다.
CLI는 셸 스크립트로 자동화합니다.
CLI를 사용하면 AWS 서비스의 API로 직접 액세스가 가능합니다.

## SDK

SDK는 프로그래밍 언어로 코드를 작성하는 도구입니다.
SDK는 API로 직접 액세스가 가능합니다.
"""


def _cloze(core: str, answer: str = "CodeBuild") -> Candidate:
    return Candidate("cloze", 0, 1, core, core, answer, ["Jenkins", "CodeDeploy", "CodeCommit"], [core], [1])


def test_a_stem_said_of_an_offered_sibling_too_is_rejected() -> None:
    """'(　　)로 API에 직접 액세스' is said of the SDK as well: a player choosing SDK would be marked wrong."""
    notes = parse_notes(NOTES)
    cli, sdk = {"CLI"}, {"SDK"}
    assert not said_only_of(notes, f"{B}을(를) 사용하면 API로 직접 액세스가 가능합니다.", cli, [sdk])
    assert said_only_of(notes, f"{B}은(는) 셸 스크립트로 자동화합니다.", cli, [sdk])


def test_blank_beside_a_short_name_in_a_list_is_rejected() -> None:
    """'(　　), NS 를 지원하지 않으며' and 'Jenkins, (　　) 또는 기타 CI 도구' fit any item of the list."""
    assert shape_problems(_cloze(f"Record type을 지정할 때 {B}, NS 를 지원하지 않으며 IP 주소만 줍니다."))
    assert shape_problems(_cloze(f"Jenkins, {B} 또는 기타 CI 도구 등 업계 표준 도구와 잘 통합됩니다."))
    assert not shape_problems(_cloze(f"{B}은(는) 소스 코드를 컴파일하고, 테스트를 실행하는 서비스입니다."))


def test_korean_spelling_of_an_acronym_names_the_answer() -> None:
    """'다요소 인증 장치로 …' tells the player the answer is the MFA one."""
    assert spelled_out("GetSession Token은 다요소 인증 장치로 자격 증명을 얻는 API입니다.", "MFA가 있는 AWS CLI")
    assert not spelled_out("GetSession Token은 자격 증명을 얻는 API입니다.", "MFA가 있는 AWS CLI")


def test_sentence_naming_another_member_more_often_is_not_about_the_answer() -> None:
    """A sentence about VPC 피어링 that mentions an endpoint once must not ask for the endpoint."""
    peering = GroupMember("VPC 피어링", frozenset({"VPC 피어링"}), None, 0)
    endpoint = GroupMember("VPC 엔드포인트", frozenset({"VPC 엔드포인트"}), None, 0)
    members = [peering, endpoint]
    text = "VPC 피어링은 전이되지 않으며 VPC 피어링 대신 VPC 엔드포인트를 쓸 수도 있습니다."
    assert filed_under_sibling(text, endpoint, members)
    assert not filed_under_sibling(text, peering, members)


def test_demonstrative_object_opening_is_no_statement() -> None:
    """'이들을 같은 네트워크에 …' points at things named in an earlier line the player never sees."""
    assert statement_text("이들을 같은 네트워크에 있는 것처럼 만들기 위해 연결합니다") is None
