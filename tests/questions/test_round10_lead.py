"""Round 10, the lead's reading of the merged bank: five faults found in a sample of the added questions,
each now kept out (prices, a blank beside an alternative, a command line, S3's pre-signed URL read as
CloudFront's signed URL, a diagram's narration)."""

from __future__ import annotations

from questions import corrections
from questions.notes_parser import parse_notes
from questions.templates import cloze, numeric
from questions.templates._context import Context

B = "(　　)"

SIZES = """\
# S3

## 객체

Amazon S3에서 객체의 최대 크기는 5TB로 매우 크며 저장 요금은 1GB당 0.023달러입니다.
EBS 볼륨의 최대 크기는 16TB까지 확장할 수 있습니다.
Glacier 아카이브의 크기는 최대 40TB까지 가능합니다.
스냅샷 사본의 크기는 최대 10TB까지 가능합니다.
"""


def test_a_sentence_with_a_price_gives_no_numeric_question() -> None:
    """Prices change and no exam asks them ('첫 (　　)에 대한 요금은 1GB당 0.085달러'): a sentence quoting a
    price is never a numeric stem; the same sentence without its price is."""
    priced = {c.answer for c in numeric.generate(Context(parse_notes(SIZES)))}
    unpriced_notes = SIZES.replace("5TB로 매우 크며 저장 요금은 1GB당 0.023달러입니다", "5TB로 매우 큽니다")
    unpriced = {c.answer for c in numeric.generate(Context(parse_notes(unpriced_notes)))}
    assert "5TB" not in priced
    assert "5TB" in unpriced


def test_a_blank_beside_an_alternative_is_not_about_the_blank() -> None:
    """'전체 아키텍처나 (　　)을(를) …': 'A or (blank)' fits any sibling; the connective '지원하나' is no 'or'."""
    assert cloze.not_about_blank(f"전체 아키텍처나 {B}을(를) 한 번에 볼 수 없는데 이때 AWS X-Ray를 사용합니다.")
    assert cloze.not_about_blank(f"로그 그룹이나 {B}을(를) 선택합니다.")
    assert not cloze.not_about_blank(f"Github 는 SSO 를 지원하나 {B}은(는) AWS 와 완벽히 통합됩니다.")


def test_a_diagram_narration_is_not_about_the_blank() -> None:
    """'클라우드 프론트 분산에 (　　)을(를) 사용하는 클라이언트가 있고 …' narrates a slide, not a fact."""
    assert cloze.not_about_blank(f"{B}을(를) 사용하는 클라이언트가 있고 분산은 오리진으로 통신을 보냅니다.")
    assert not cloze.not_about_blank(f"{B}은(는) 전이되지 않기 때문에 VPC마다 설정해야 합니다.")


def test_the_program_of_a_command_line_is_not_blanked() -> None:
    """'(　　) -i EC2Tutorial.pem …' asks to complete a shell command from a slide, not a fact."""
    ctx = Context(parse_notes("# EC2\n\n## SSH\n\nSSH 는 22번 포트를 사용합니다.\n"))
    assert cloze.completes_name(ctx, f"{B} -i EC2Tutorial.pem가 되고 그다음은 사용자 이름이 옵니다.", "SSH")
    assert not cloze.completes_name(ctx, f"{B}을(를) 사용해야 할 때 Windows에서는 퍼티를 사용합니다.", "SSH")


def test_s3_pre_signed_url_is_named_as_its_heading() -> None:
    """'미리 서명된 URL' is S3's pre-signed URL: written as the heading's '사전 서명된 URL', the name is whole
    and its last words are never blanked as CloudFront's '서명된 URL'."""
    line = "직접 S3 버킷으로 액세스해 파일을 사용하길 원하시면 미리 서명된 URL이 적합할 겁니다"
    assert "사전 서명된 URL이 적합" in corrections.correct(line)


def test_known_mistranslations_never_reach_a_player() -> None:
    """The notes' slips would read as traps or teach a wrong limit: buildspec env defines environment
    variables, Beanstalk keeps 1,000 application versions, and a line that says nothing true is dropped."""
    assert "환경 변수를" in corrections.correct("여러 환경적 역할을 정의할 수 있습니다")
    assert "1,000개의 애플리케이션 버전" in corrections.correct("계정 안에 `최대 1,000개의 애플리케이션`을 저장")
    assert corrections.correct("CLI를 사용하면 이어지는 명령에서 자격 증명을 요청합니다  ") == ""
    assert corrections.correct("Java를 사용한 Marven에서도 실행됩니다") == "Java를 사용한 Maven에서도 실행됩니다"


def test_a_blank_that_completes_a_known_longer_name_is_not_asked() -> None:
    """'많은 (　　) 태스크 IAM 역할을 만들어야 합니다' completes the hint member 'ECS 태스크 IAM 역할' (particle and
    all): the wording gives ECS away, and Fargate tasks have IAM roles too."""
    from questions.groups import parse_groups

    hints = parse_groups(
        "groups:\n  - name: ECS 구성 요소\n    members: [ECS 태스크 IAM 역할, EC2 인스턴스 프로필, ECS 에이전트]\n"
    )
    ctx = Context(parse_notes("# ECS\n\n## 태스크\n\nECS 태스크는 IAM 역할을 가져야 합니다.\n"), hints=hints)
    assert cloze.completes_name(ctx, f"많은 {B} 태스크 IAM 역할을 만들어야 합니다.", "ECS")
    assert not cloze.completes_name(ctx, f"많은 {B} 태스크를 실행합니다.", "ECS")


def test_lines_that_read_wrong_once_filler_goes_are_rewritten() -> None:
    """'즉,' is filler: without it 'EventBridge 이벤트 CloudWatch 이벤트' reads as two things, and the RDS backup
    line as a full backup every 5 minutes. Written out, each says one true thing."""
    line = "`자동화할 필요가 있는 경우 EventBridge 이벤트 즉, CloudWatch 이벤트도 만들어집니다`"
    assert "EventBridge(CloudWatch 이벤트) 이벤트도" in corrections.correct(line)
    backup = corrections.correct("매일 수행되는 데이터베이스 전체에 대한 백업과  ")
    assert backup.startswith("데이터베이스 전체에 대한 백업은 매일 수행되고")


def test_an_acronym_spelled_out_in_korean_gives_it_away() -> None:
    """'원격 데스크톱 프로토콜인 (　　)' is RDP and '전송 계층 보안' is TLS by the wording alone (final reading)."""
    from questions.gates import spelled_out

    assert spelled_out(f"원격 데스크톱 프로토콜인 {B}의 3389번 포트입니다.", "RDP")
    assert spelled_out(f"{B}은(는) SSL의 최신 버전으로써 전송 계층 보안을 의미합니다.", "TLS")
    assert not spelled_out(f"{B}을(를) 사용해야 할 때 Windows에서는 퍼티를 사용합니다.", "SSH")


def test_wrong_or_subjectless_lines_found_in_the_final_reading_are_dropped() -> None:
    """CloudTrail keeps only management events 90 days in its event history; the package-format line has no
    subject and was read as CodeArtifact and as CodeBuild; 'CloudTrai' spelled the answer half-hidden."""
    assert corrections.correct("데이터 이벤트, 인사이트 이벤트를  ") == ""
    assert corrections.correct("NuGet을 사용한 .NET과 Java를 사용한 Marven에서도 실행됩니다  ") == ""
    assert corrections.correct("CloudTrai에 있는 API 호출을 통해") == "CloudTrail에 있는 API 호출을 통해"


def test_a_description_ending_in_things_is_vague() -> None:
    """'… S3 버킷에서 많이 발생하는 것들입니다' says what the things are like, not what they are."""
    from questions.gates import shape_problems
    from tests.questions.conftest import stem_candidate

    core = f"GetObject 와 같은 {B} 수준의 활동에서 보이듯이 S3 버킷에서 많이 발생하는 것들입니다."
    problems = shape_problems(
        stem_candidate("concept", core, ["데이터 이벤트", "관리 이벤트", "읽기 이벤트", "쓰기 이벤트"])
    )
    assert "vague_description" in problems
