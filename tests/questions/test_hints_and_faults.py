"""The faults a reader found in the bank, each as a gate, and the optional group hints file."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.gates import candidate_problems, form_problems
from questions.generator import generate_bank
from questions.groups import GroupsError, groups_path, load_groups, parse_groups
from questions.notes_parser import Quantity, find_quantities, parse_notes
from questions.templates._context import Context
from questions.templates.cloze import completes_name
from questions.templates.numeric import measures_something, restated
from questions.text import distinctive_leak, names_choice, statement_text
from tests.questions.conftest import AWS_NOTES, ENGLISH_NOTES

CODE_TOOLS = ["CodeBuild", "CodeDeploy", "CodeCommit"]
METRICS = ["CloudWatch 지표", "CloudWatch 사용자 지정 지표", "CloudWatch 로그", "CloudWatch 경보"]


def test_answer_part_the_distractors_lack_leaks() -> None:
    """'Artifact 관리 시스템' gives away CodeArtifact beside CodeBuild/CodeDeploy/CodeCommit."""
    assert distinctive_leak("(　　)은(는) Artifact 관리 시스템입니다", {"CodeArtifact"}, CODE_TOOLS) == "artifact"
    assert distinctive_leak("소스는 CodeCommit 빌드는 (　　)", {"CodeBuild"}, ["CodeDeploy", "CodePipeline"])
    assert distinctive_leak("Zone Apex에 대한 CNAMES를 생성할 수 없습니다", {"CNAME 레코드"}, ["A 레코드"])
    assert distinctive_leak("ALARM은 임곗값을 위반한 것입니다", {"CloudWatch 경보"}, ["CloudWatch 로그"])
    assert distinctive_leak("패키지를 저장, 게시, 공유합니다", {"CodeArtifact"}, CODE_TOOLS) is None


def test_stem_naming_a_choice_by_its_distinct_words_is_rejected() -> None:
    """'사용자 지정 지표' in the stem beside 'CloudWatch 사용자 지정 지표' as a choice is ambiguous."""
    stem = "다음 설명에 해당하는 것은?\n“사용자 지정 지표를 푸시하면 (　　)에 나타납니다.”"
    assert "distractor_in_stem" in form_problems(stem, METRICS, 0)
    assert names_choice("버킷 정책이 액세스를 거부하면 안 됩니다", "S3 버킷 정책", ["리소스 기반 보안"])
    assert not names_choice("객체에 대한 권한을 줍니다", "S3 버킷 정책", ["리소스 기반 보안"])


def test_a_record_is_not_inside_aaaa_record() -> None:
    """'A 레코드' and 'AAAA 레코드' are four distinct DNS record types, not one inside the other."""
    choices = ["A 레코드", "AAAA 레코드", "CNAME 레코드", "NS 레코드"]
    assert "choices_not_distinct" not in form_problems("다음 설명에 해당하는 DNS 레코드 유형은?", choices, 0)
    assert "choices_not_distinct" in form_problems(
        "빈칸에 들어갈 말은?", ["Standard", "S3 Standard", "IA", "Glacier"], 0
    )


def _quantities(text: str) -> list[Quantity]:
    return [Quantity(t, v, u, s, e, 1) for t, v, u, s, e in find_quantities(text)]


def test_value_restated_in_another_unit_is_rejected() -> None:
    """'기본적으로는 (　　), 5분입니다' -> 300초 is answered by the sentence itself."""
    found = _quantities("기본적으로는 300초, 5분입니다")
    assert restated(found[0], found)
    found = _quantities("1부터 3,600초 사이로 설정하며 기본값은 300초입니다")
    assert not restated(found[0], found)


def test_numeric_sentence_must_say_what_is_measured() -> None:
    """'Glacier는 90일 Deep Archive는 (　　)' never says it is the minimum storage duration."""
    assert not measures_something("Glacier는 90일 Deep Archive는 (　　)입니다.")
    assert measures_something("Deep Archive 의 최소 저장 기간은 (　　)입니다.")


def test_lecture_fragments_are_not_statements() -> None:
    """Ordinal list items, pointers ('이는') and run-together lines read as talk, not exam facts."""
    for text in (
        "두 번째는 오토스케일링 작업을 트리거 하는 것입니다",
        "S3로 전송하고자 한다면 이는 S3로 내보내기보다 빠른 대안입니다",
        "CodeArtifact 는 소프트웨어 패키지를 저장, 게시, 공유 CodeGuru 는 코드를 리뷰합니다",
    ):
        assert statement_text(text) is None, text


def test_blank_completing_a_name_in_the_stem_is_rejected() -> None:
    """'교차 영역 (　　)' -> 로드 밸런싱 and 'AWS X-Ray (　　)' -> SDK are answered by the wording."""
    ctx = Context(parse_notes(AWS_NOTES.read_text(encoding="utf-8")))
    assert completes_name(ctx, "교차 영역 (　　)은(는) ALB에서 늘 활성화되어 있습니다.", "로드 밸런싱")
    assert completes_name(ctx, "코드는 AWS X-Ray (　　)을(를) 가져오도록 수정합니다.", "SDK")
    assert not completes_name(ctx, "(　　)은(는) 여러 가용 영역의 인스턴스에 연결될 수 있습니다.", "EFS")


SPOT_NOTES = """\
# EC2

## 예약 인스턴스

`예약 인스턴스`는 1년 또는 3년 약정으로 온디맨드보다 최대 72% 할인됩니다.
장기 약정이 필요하고 안정된 상태로 사용되는 데이터베이스에 적합합니다.

### 스팟 인스턴스

`스팟 인스턴스`는 온디맨드 대비 최대 90%까지 할인되는 인스턴스입니다.
지불하려는 `최대 가격`보다 스팟 가격이 높아지면 인스턴스가 중단될 수 있습니다.
호텔 객실을 비워 두면 손해를 볼 것이고 싸게라도 파는 편이 낫습니다.

### 전용 호스트

`전용 호스트`는 물리 서버 전체를 한 고객이 전용으로 사용하는 옵션입니다.
라이선스를 서버 단위로 관리해야 하는 규정 준수 요건에 적합합니다.
"""


def test_analogy_sentences_share_no_word_with_the_section() -> None:
    """A story told in the lecture ('객실을 비워 두면 손해') is no part of a description of spot instances."""
    notes = parse_notes(SPOT_NOTES)
    ctx = Context(notes)
    spot = next(s for s in notes.sections if s.name == "스팟 인스턴스")
    texts = {notes.sentences[si].text: si for si in spot.sentences}
    analogy = next(si for text, si in texts.items() if "객실" in text)
    fact = next(si for text, si in texts.items() if "중단" in text)
    assert not ctx.on_topic(analogy, spot.index)
    assert ctx.on_topic(fact, spot.index)


def test_description_must_discriminate_the_answer_from_the_distractors() -> None:
    """A description made only of words every sibling's section also uses fits several answers."""
    ctx = Context(parse_notes(SPOT_NOTES))
    spot = next(s.index for s in ctx.sections if s.name == "스팟 인스턴스")
    host = next(s.index for s in ctx.sections if s.name == "전용 호스트")
    assert ctx.discriminates("가격이 높아지면 중단될 수 있습니다", ctx.vocabulary(spot), [ctx.vocabulary(host)])
    assert not ctx.discriminates("전용으로 쓰는 물리 서버", ctx.vocabulary(spot), [ctx.vocabulary(host)])


ENGLISH_GROUPS = """\
groups:
  - name: storage kind
    members:
      - Block storage
      - Object storage
      - File storage
      - Archive storage
  - name: firewall
    members:
      - security group
      - network ACL
      - Not in these notes
"""


def test_group_hints_give_same_kind_choices_on_english_notes() -> None:
    """With a hints file, members are each other's distractors; members absent from the notes are dropped."""
    plain = generate_bank(ENGLISH_NOTES)
    hinted = generate_bank(ENGLISH_NOTES, groups=ENGLISH_GROUPS)
    storage = {"Block storage", "Object storage", "File storage", "Archive storage"}
    grouped = [q for q in hinted.questions if set(q["choices"]) == storage]
    assert grouped, [q["choices"] for q in hinted.questions]
    assert any("storage kind" in q["stem"] for q in grouped)
    assert all("Not in these notes" not in q["choices"] for q in hinted.questions)
    assert plain.questions  # the generator still works with no hints file


def test_groups_file_is_found_beside_the_notes_and_validated(tmp_path: Path) -> None:
    """'aws.md' reads 'aws.groups.yaml' if present; a malformed file is one clear error."""
    notes = tmp_path / "aws.md"
    notes.write_text("# A\n", encoding="utf-8")
    assert load_groups(notes) is None
    groups_path(notes).write_text(ENGLISH_GROUPS, encoding="utf-8")
    assert [g.name for g in parse_groups(load_groups(notes) or "")] == ["storage kind", "firewall"]
    with pytest.raises(GroupsError):
        parse_groups("groups:\n  - name: lonely\n    members: [one]\n")
    with pytest.raises(GroupsError):
        parse_groups("- not a mapping\n")


def test_shipped_hints_file_parses() -> None:
    """The AWS hints file beside the notes loads and names the ten research groups and more."""
    groups = parse_groups(load_groups(AWS_NOTES) or "")
    assert len(groups) >= 10


RECORD_NOTES = """\
# DNS

DNS는 호스트 이름을 IP 주소로 바꿔 줍니다.

## A 레코드

호스트 이름과 `IPv4 주소를 매핑`합니다.

## AAAA 레코드

호스트 이름을 `IPv6 주소에 매핑`합니다.

## CNAME 레코드

CNAME은 호스트 이름을 `대상 호스트 이름에 매핑`합니다.

## NS 레코드

NS 레코드는 도메인의 처리를 `다른 도메인 서버에게 위임`하는 레코드입니다.
"""
RECORD_GROUPS = """\
groups:
  - name: DNS 레코드 유형
    members: [A 레코드, AAAA 레코드, CNAME 레코드, NS 레코드]
"""


def test_member_definition_takes_statements_from_each_members_own_section() -> None:
    """'A 레코드에 대한 설명' offers the A section's line as right and the siblings' lines, names cut, as wrong."""
    from questions.templates.definition import member_generate

    ctx = Context(parse_notes(RECORD_NOTES), hints=parse_groups(RECORD_GROUPS))
    found = {c.stem_core: c for c in member_generate(ctx)}
    a = found["A 레코드"]
    assert "IPv4" in a.answer
    assert any("IPv6" in d for d in a.distractors)
    assert any(d.startswith("호스트 이름을 대상 호스트") for d in a.distractors)  # 'CNAME은' cut off
    assert all("CNAME" not in d and "NS" not in d for d in a.distractors)
    assert not candidate_problems(a, ctx.notes)


def test_round4_faults_are_rejected() -> None:
    """Plural pointers, talk about later, reason fragments, case-study numbers and alias pairs are not questions."""
    from questions.templates.numeric import in_worked_example

    assert statement_text("이것들이 CodeDeploy에서 코드를 실행하기 위해 추가할 수 있는 단계들입니다") is None
    assert statement_text("이후 CodeDeploy 서비스 UI에서 다루게 될 것들인데 그때 가면 더 와닿을 겁니다") is None
    assert statement_text("데이터 이벤트가 기본적으로 로그에 남지 않는 이유기도 합니다") is None
    lines = ["두 번째 상황입니다", "15일 동안은 객체를 즉시 복구할 수 있습니다", "", "## 다음", "보관 기간은 최소 90일"]
    assert in_worked_example(lines, 2)
    assert not in_worked_example(lines, 5)
    volumes = ["gp2/gp3", "io1/io2", "st1", "sc1"]
    pair = form_problems("다음 중 처리량이 디스크 크기에 따라 늘어나는 볼륨은?", volumes, 0)
    assert "alias_pair_choice" in pair
    assert "alias_pair_choice" not in form_problems(
        "다음 중 환경을 복제해 전환하는 배포 방식은?", ["블루/그린 배포", "롤링 배포", "한 번에 배포", "불변 배포"], 0
    )
