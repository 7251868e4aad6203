"""Round 14 (cues): what the lecturer tells to answer, subjects named a line or two away, and reasons as claims.

- An exam cue ('시험에서 … 경우에 관련된 문제가 나오면 사전 서명된 URL을 생각하시면 됩니다', '시험 볼 때 … 사용하세요 /
  바로 GWLB가 됩니다', '… 묻는다면 GetAtt 함수를 사용한다고 답변해야 합니다', 'EKS 를 사용하는 단 하나의 경우는 …
  질문을 볼 때입니다') is asked as '다음 상황에 알맞은 <group>은(는)?' with the answer's hint-group siblings, never one
  the lines around the cue name ('Packer가 나오면 사용자 지정 플랫폼' beside '사용자 지정 AMI').
- 'X를 이용할 수 있습니다' introduces X for the subjectless line after it; a line led by '즉,' / '그리고' takes the
  concept introduced one or two lines above it ('… Direct Connect(DX)가 있습니다 / … / 즉, 비공개 연결이기 때문에 …').
- A paragraph opened by '… 할 수 있기 때문입니다' under a concept's heading says what the concept lets one do.
- '이를 위해서는 …' after a line naming an action that cannot be done, is asked about or does not follow
  reads '…하려면'.
"""

from __future__ import annotations

from questions.cues import Cue, read_cue
from questions.generator import generate_bank
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import cue
from questions.templates._context import Context
from tests.questions.conftest import shipped_questions

GROUPS = """groups:
  - name: S3 보안 기능
    members:
      - S3 버킷 정책
      - MFA 삭제
      - S3 버전 관리
      - 블록 퍼블릭 액세스
      - S3 액세스 로그
      - 사전 서명된 URL
  - name: Beanstalk 용어
    members:
      - 작업자 티어
      - 웹 서버 티어
      - 사용자 지정 플랫폼
      - 사용자 지정 AMI
  - name: 컨테이너 서비스
    members:
      - ECS
      - ECR
      - Fargate
      - EKS
  - name: 연결 방식
    members:
      - Site-to-Site VPN
      - Direct Connect
"""

S3_NOTES = """# S3

## S3 보안

S3 버킷 정책은 버킷 단위로 JSON 문서로 권한을 줍니다
MFA 삭제는 객체를 영구 삭제할 때 MFA 코드를 요구합니다
S3 버전 관리는 객체의 모든 버전을 보관합니다
블록 퍼블릭 액세스는 버킷이 공개되는 것을 막습니다
S3 액세스 로그는 버킷에 대한 모든 요청을 다른 버킷에 기록합니다

### 사전 서명된 URL

사전 서명된 URL은 `한정된 시간 동안만 유효`하고요
그러므로 만약 시험에서 제한된 시간 내에
특정 사용자가 특정 파일에 액세스하는 경우에 관련된 문제가 나오면
사전 서명된 URL을 생각하시면 됩니다
"""


def _answer(question: dict) -> str:
    return str(question["choices"][question["answer"]])


def _context(body: str) -> Context:
    return Context(parse_notes(body), hints=parse_groups(GROUPS))


def test_spoken_cue_forms_name_a_clue_and_one_answer() -> None:
    """Each spoken form gives the clue as a situation, keywords or what is asked; two answers give no cue."""
    assert read_cue("그래서 시험에 카나리 테스트가 나오면 트래픽 분할을 생각하면 됩니다") == Cue(
        "카나리 테스트", "트래픽 분할", "keyword"
    )
    assert read_cue("마지막으로 시험 볼 때 6081번 포트의 GENEVE 프로토콜을 사용하세요", "바로 GWLB가 됩니다") == Cue(
        "6081번 포트의 GENEVE 프로토콜을 사용하는 경우", "GWLB", "situation"
    )
    assert read_cue("리소스의 속성을 어떻게 가져오는지 묻는다면 GetAtt 함수를 사용한다고 답변해야 합니다") == Cue(
        "리소스의 속성을 어떻게 가져오는지", "GetAtt 함수", "question"
    )
    assert read_cue("EKS 를 사용하는 단 하나의 경우는 AWS 의 Managed Kubernetes 관련 질문을 볼 때입니다") == Cue(
        "AWS의 Managed Kubernetes", "EKS", "keyword"
    )
    assert read_cue("S3에서의 필터링이 나오면 S3 Select와 Glacier Select를 떠올리세요") is None
    assert read_cue("시험 볼 때 6081번 포트의 GENEVE 프로토콜을 사용하세요") is None  # no answer follows


def test_a_cue_in_korean_notes_is_asked_as_a_situation_with_its_siblings() -> None:
    """'… 경우에 관련된 문제가 나오면 사전 서명된 URL을 생각하시면 됩니다' -> '다음 상황에 알맞은 S3 보안 기능은?'."""
    bank = generate_bank(S3_NOTES, "s3", GROUPS)
    asked = [q for q in bank.questions if _answer(q) == "사전 서명된 URL" and "다음 상황에 알맞은" in q["stem"]]
    assert len(asked) == 1
    question = asked[0]
    assert question["stem"] == (
        "다음 상황에 알맞은 S3 보안 기능은?\n“제한된 시간 내에 특정 사용자가 특정 파일에 액세스하는 경우”"
    )
    assert set(question["choices"]) - {"사전 서명된 URL"} <= {
        "S3 버킷 정책",
        "MFA 삭제",
        "S3 버전 관리",
        "블록 퍼블릭 액세스",
        "S3 액세스 로그",
    }
    # the explanation quotes the cue in the notes' own words
    assert "문제가 나오면 사전 서명된 URL을 생각하시면 됩니다" in question["explanation"]


def test_a_sibling_named_beside_the_cue_is_no_distractor() -> None:
    """'Packer가 나오면 사용자 지정 플랫폼을 생각하세요' next to '사용자 지정 AMI' (which Packer also builds): with
    only the two tiers left there are not three distractors, so nothing is asked."""
    ctx = _context(
        "# Beanstalk\n\n## 플랫폼\n\n"
        "플랫폼 구축을 위해 AMI를 생성하는 오픈 소스 도구인 Packer를 사용합니다\n"
        "Packer가 나오면 사용자 지정 플랫폼을 생각하세요\n"
        "사용자 지정 플랫폼과 사용자 지정 AMI의 차이는 무엇일까요?\n\n"
        "작업자 티어는 오래 걸리는 작업을 처리합니다\n웹 서버 티어는 요청을 받습니다\n"
    )
    assert list(cue.generate(ctx)) == []
    assert ctx.rejected["cue_siblings"] == 1


def test_an_offered_concept_is_the_subject_of_the_line_after_it() -> None:
    """'… 싶다면 Fargate 를 이용할 수 있습니다 / 관리해야 할 EC2 인스턴스가 없고 …' says the second line of Fargate."""
    ctx = _context(
        "# ECS\n\n## 서버리스 실행\n\n"
        "도커 컨테이너를 서버리스에서 실행하고 싶다면 Fargate 를 이용할 수 있습니다\n"
        "관리해야 할 EC2 인스턴스가 없고 AWS가 자동으로 컨테이너를 프로비저닝해줍니다\n"
    )
    facts = list(ctx.facts.values())
    assert "Fargate은(는) 관리해야 할 EC2 인스턴스가 없고 AWS가 자동으로 컨테이너를 프로비저닝해줍니다." in facts


def test_a_line_going_on_takes_the_concept_introduced_above_it() -> None:
    """'즉, …' two lines after 'Direct Connect(DX)가 있습니다' is said of it; the same line without '즉,' is not
    (a plain subjectless line after an introduction may say something else), nor after a line with its own topic."""
    intro = "# VPC\n\n## 연결\n\n같은 목적으로 사용 가능한 것으로 `Direct Connect(DX)`가 있습니다\n"
    middle = "온프레미스 데이터 센터와 VPC를 연결하기 위해 사용되는데 이 경우에는 물리적으로 연결됩니다\n"
    claim = "비공개 연결이기 때문에 공개된 인터넷을 통하지 않을 것이며 안전하고 빠릅니다\n"
    restored = [r.text for r in _context(intro + middle + "즉, " + claim).restored.values()]
    assert restored == ["즉, Direct Connect(DX)은(는) " + claim.strip()]
    assert _context(intro + middle + claim).restored == {}
    assert _context(intro + "VPN은 공개 인터넷을 통해 연결됩니다\n즉, " + claim).restored == {}


def test_a_reason_opening_its_paragraph_is_a_claim_of_the_heading() -> None:
    """Under '### SSE-KMS', '… 감사 추적을 할 수 있기 때문입니다' opening a paragraph says what SSE-KMS allows; the same
    reason after a claim explains that claim and stays no fact."""
    head = "# S3\n\n## 암호화\n\n### SSE-KMS\n\nKMS 키를 사용해서 암호화 키를 관리하는 방법입니다\n\n"
    reason = "`누가 어떤 키에 접근할 수 있을지 제어 가능`하고 또한 `감사 추적`을 할 수 있기 때문입니다\n"
    ctx = _context(head + reason)
    assert (
        "SSE-KMS은(는) 누가 어떤 키에 접근할 수 있을지 제어 가능하고 또한 감사 추적을 할 수 있습니다."
        in ctx.facts.values()
    )
    index = next(iter(ctx.restored))
    assert ctx.quote(index) == reason.replace("`", "").strip() + "."
    assert ctx.notes.sentences[index].text[ctx.notes.sentences[index].spans[-1].start :].startswith("감사 추적")
    assert _context(head.rstrip("\n") + "\n" + reason).restored == {}


def test_shipped_bank_asks_the_aws_cues() -> None:
    """The AWS notes' cues: GWLB for GENEVE on 6081, the pre-signed URL, EKS, GetAtt; SSE-KMS's audit trail."""
    questions = shipped_questions()
    cues = {_answer(q) for q in questions if q["stem"].startswith(("다음 상황에", "다음과 관련된", "다음을 묻는"))}
    assert {"게이트웨이 로드 밸런서", "사전 서명된 URL", "EKS", "Fn::GetAtt"} <= cues
    assert any(_answer(q) == "SSE-KMS" and "감사 추적" in q["stem"] for q in questions)


def test_a_goal_pointer_reads_as_the_action_the_line_before_names() -> None:
    """'이를 위해서는 …' after '… 전송할 수는 없습니다', '어떻게 … 접근할까요?' or '… 커지는 것을 반드시 의미하지
    않습니다' reads '…하려면'; after a claim that names no action ('이 방법은 권장되지 않습니다') it stays no fact."""
    ctx = _context(
        "# 모니터링\n\n## 에이전트\n\n"
        "기본적으로 로그를 EC2 인스턴스에서 CloudWatch로 전송할 수는 없습니다\n"
        "이를 위해서는 EC2 인스턴스에서 로그 파일을 푸시할 에이전트를 생성해야 합니다\n\n"
        "서비스 오토 스케일링을 하는 것은 클러스터가 커지는 것을 반드시 의미하지 않습니다\n"
        "이를 위해서는 Capacity Provider를 사용한 클러스터 오토 스케일링이 있습니다\n\n"
        "이 방법은 권장되지 않습니다\n이를 위해 루트 계정을 사용해선 안 됩니다\n"
    )
    restored = sorted(r.text for r in ctx.restored.values())
    assert restored == [
        "로그를 EC2 인스턴스에서 CloudWatch로 전송하려면 EC2 인스턴스에서 로그 파일을 푸시할 에이전트를 생성해야"
        " 합니다",
        "클러스터가 커지려면 Capacity Provider를 사용한 클러스터 오토 스케일링이 있습니다",
    ]
    index = next(i for i, r in ctx.restored.items() if r.text.startswith("로그를"))
    assert ctx.quote(index).startswith(
        "기본적으로 로그를 EC2 인스턴스에서 CloudWatch로 전송할 수는 없습니다. 이를 위해서는"
    )
