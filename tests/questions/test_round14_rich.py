"""Round 14 (rich): the big topics (모니터링, CICD, 고급 S3, EC2, EBS, IAM).

A line ending in '…마다' goes on in the next line; an example's '…하는 상황입니다' opens no case study for the
rest of its heading; a membership impostor cased unlike the members ('BeforeInstall' among install, pre_build)
or lacking a camel-case part they all share ('ApplicationStop' among CodeCommit, CodeBuild, CodePipeline) gives
itself away, and its quote comes from the headings its group is scoped to; '…위해 설계되었습니다' is a property;
'(　　)이(가) 넘는 파일' says what a value measures; no 'which statement describes X' for an aspect heading
('S3 퍼포먼스'); corrections for X-Ray's run-on lines.
"""

from __future__ import annotations

from questions import korean
from questions.corrections import correct
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import definition, membership
from questions.templates._context import Context
from questions.templates.numeric import measures_something
from questions.text import in_case_study, statement_text

from .conftest import AWS_GROUPS, AWS_NOTES, shipped_questions

B = korean.BLANK


def _context(notes: str, groups: str = "") -> Context:
    return Context(parse_notes(notes), hints=parse_groups(groups) if groups else [])


def test_a_line_ending_in_every_goes_on_in_the_next_line() -> None:
    notes = parse_notes("# 모니터링\n\n## X-Ray\n\nX-Ray 데몬이 1초마다\n배치를 AWS X-Ray로 전송합니다\n")
    assert [s.text for s in notes.sentences] == ["X-Ray 데몬이 1초마다 배치를 AWS X-Ray로 전송합니다"]


def test_an_example_describing_a_situation_opens_no_case_study_for_the_heading() -> None:
    lines = [
        "## S3 퍼포먼스",
        "예를 들어 유저들이 SSE-KMS 암호화를 사용해",
        "파일을 업로드하려 하는 상황입니다",
        "",
        "100MB가 넘는 파일은 분할 업로드가 권장됩니다",
    ]
    assert not in_case_study(lines, 5)
    posed = ["## 수명 주기", "두 번째 상황입니다", "15일 동안은 즉시 복구합니다", "", "48시간 내에 복구합니다"]
    assert in_case_study(posed, 5)  # a case posed still runs on to the next heading


def test_an_impostor_cased_unlike_the_members_or_without_their_shared_part_gives_itself_away() -> None:
    assert membership._gives_away("BeforeInstall", ["install", "pre_build", "post_build"])
    assert membership._gives_away("install", ["OneAtATime", "AllAtOnce", "Custom"])
    assert membership._gives_away("ApplicationStop", ["CodeCommit", "CodeBuild", "CodePipeline"])
    assert membership._gives_away("BeforeInstall", ["OneAtATime", "HalfAtATime", "AllAtOnce"])  # 'At'
    assert not membership._gives_away("BeforeInstall", ["OneAtATime", "AllAtOnce", "Custom"])
    assert not membership._gives_away("env", ["install", "pre_build", "post_build"])
    # acronyms are no identifiers of a case: EFS or S3 among EBS volume types stays a fair impostor
    assert not membership._gives_away("EFS", ["gp2", "gp3", "io1"])
    assert not membership._gives_away("S3", ["gp2", "gp3", "io1"])


CICD_NOTES = """# AWS CICD

## CodeDeploy 개요

Install 은 CodeDeploy 에이전트가 애플리케이션 파일을 최종 위치로 복사하는 후크 단계입니다.
후크에는 ApplicationStop 이나 DownloadBundle, BeforeInstall, AfterInstall 단계가 있습니다.

## CodeBuild 개요

phases 의 install 단계는 빌드에 필요한 패키지를 설치하는 명령을 담는 단계입니다.
pre_build 는 빌드 직전 실행되는 명령을 담는 단계입니다.
post_build 는 빌드가 끝난 뒤 실행되는 마무리 명령을 담는 단계입니다.
"""

CICD_GROUPS = """groups:
  - name: buildspec.yml 빌드 단계
    topic: CICD
    section: CodeBuild
    members: [install, pre_build, post_build]
  - name: CodeDeploy 수명 주기 후크
    topic: CICD
    section: CodeDeploy
    members: [ApplicationStop, DownloadBundle, BeforeInstall, AfterInstall]
"""


def test_an_impostor_is_quoted_from_the_headings_its_group_is_scoped_to() -> None:
    ctx = _context(CICD_NOTES, CICD_GROUPS)
    home = next(s for s in membership.member_sets(ctx) if s.label == "buildspec.yml 빌드 단계")
    install = next(i for i in home.items if i.name == "install")
    quote = membership._evidence(ctx, install, home)
    assert quote is not None
    assert "패키지를 설치" in quote


def test_designed_for_is_a_property_and_past_narration_is_not() -> None:
    assert statement_text("sc1 볼륨은 접근 빈도가 낮은 워크로드를 위해 설계되었습니다") is not None
    assert statement_text("방금 버킷을 하나 만들었습니다") is None


def test_a_size_bound_says_what_the_value_measures() -> None:
    assert measures_something(f"{B}이(가) 넘는 파일은 분할 업로드가 권장됩니다.")


def test_no_statement_question_describes_an_aspect_heading() -> None:
    ctx = _context(AWS_NOTES.read_text(encoding="utf-8"), AWS_GROUPS.read_text(encoding="utf-8"))
    asked = {ctx.sections[c.section].name for c in definition.generate(ctx)}
    assert asked
    assert not any(name.endswith(("퍼포먼스", "모드", "유형")) for name in asked)


def test_corrections_cut_what_says_nothing_and_fix_mistranslations() -> None:
    assert correct("X-Ray가 마법을 부리죠 이제 그래프를 어떻게 업데이트할까요?  ") == ""
    assert correct("이것은 `CodeBuild의 역할을 정의`합니다  ") == ""  # vague, and reads as an IAM role
    assert "병렬화" in correct("`파일의 특정 바이트 범위를 얻어 GET 를 마비시키는 방식`이죠")
    assert "X-Ray SDK" in correct("`코드는 Java, Python, Go Node.js와 .NET일 수 있고 반드시 AWS SDK를 가져와야 합니다`")


def test_the_shipped_bank_asks_the_new_big_topic_facts() -> None:
    asked = {(q["kind"], str(q["choices"][q["answer"]])) for q in shipped_questions()}
    for expected in [("cloze", "ValidateService"), ("membership", "env"), ("cloze", "sc1")]:
        assert expected in asked
    assert ("numeric", "100MB") in asked


def test_no_shipped_question_quotes_a_claim_a_distractor_shares() -> None:
    """Authy's many tokens (YubiKey, Google Authenticator too), X-Ray annotations (metadata is added too),
    CloudWatch Logs subscription destinations (EventBridge targets Lambda and Firehose too)."""
    shared = ("토큰을 여러 개 지원", "데이터에 주석을 달거나", "Firehose 에 전송할 수도", "AWS 지표일 수도 있고")
    for q in shipped_questions():
        text = q["stem"] + " ".join(str(c) for c in q["choices"])
        assert not any(s in text for s in shared), q["id"]


def test_a_statement_is_no_cut_condition_nor_a_term_defined() -> None:
    notes = """# 모니터링

## X-Ray

X-Ray가 실행되지 않으면 IAM 역할에 적합한 권한이 있는지 확인해야 합니다.
계측이란 뜻은 제품의 성능을 측정하고 오류를 진단하고 추적 정보를 쓰는 것을 의미합니다.
X-Ray는 각 요청의 동작을 이해할 수 있으며 요청을 기반으로 오류와 예외를 찾을 수 있습니다.
"""
    ctx = _context(notes)
    assert ctx.statement(0, [], {"X-Ray"}) is None  # '실행되지 않으면 …' once X-Ray is cut
    assert ctx.statement(1, []) is None
    assert ctx.statement(2, [], {"X-Ray"}) is not None
