"""Round 7: reading faults (run-together lines, list blanks, twice-asked facts) and the thin-topic pass."""

from __future__ import annotations

from collections import defaultdict

from questions import korean
from questions.bank_format import load_bank
from questions.candidate import Candidate
from questions.gates import shape_problems, spelled_out
from questions.templates._context import named_terms
from questions.text import content_words, names_choice, statement_text
from tests.questions.conftest import SHIPPED_BANK

B = korean.BLANK


def _cloze(core: str) -> Candidate:
    return Candidate("cloze", 0, 1, core, core, "CodeBuild", ["Jenkins", "CodeDeploy", "CodeCommit"], [core], [1])


def test_lines_run_together_are_no_statement() -> None:
    """A player would read two lecture lines glued without punctuation as one garbled sentence."""
    assert statement_text("보안도 유지됩니다 암호화되므로 IAM을 이용한 액세스 제어가 가능합니다") is None
    assert statement_text("소스는 CodeCommit 빌드는 CodeBuild 각 파이프라인은 아티팩트를 만듭니다") is None
    assert statement_text("CodeBuild는 코드를 컴파일하고 테스트를 실행합니다") is not None


def test_blank_inside_a_list_of_names_is_rejected() -> None:
    """'(　　), Jenkins, CloudBees, TeamCity 등을 선택' fits any build provider, so two choices are right."""
    assert shape_problems(_cloze(f"{B}, Jenkins, CloudBees, TeamCity 등을 선택할 수 있습니다."))
    assert shape_problems(_cloze(f"{B}, Beanstalk CloudFormation, ECS, S3까지 모두 사용 가능합니다."))
    assert shape_problems(_cloze(f"수천 개의 저장소와 {B}(으)로 분석한 코드 분석이 있습니다."))
    assert not shape_problems(_cloze(f"{B}은(는) 소스 코드를 컴파일하고 테스트를 실행하는 서비스입니다."))


def test_background_ending_reads_as_a_statement() -> None:
    """'…DDoS 보호도 제공하는데요' is a fact in lecture style: it becomes '…제공합니다.' instead of being lost."""
    assert statement_text("CloudFront는 엣지에서의 캐싱 외에 DDoS 보호도 제공하는데요") == (
        "CloudFront는 엣지에서의 캐싱 외에 DDoS 보호도 제공합니다."
    )
    assert korean.background_end("캐시가 가능한데요") == "캐시가 가능합니다"


def test_terms_the_notes_name_are_key_phrases() -> None:
    """'이것을 멀티파트 업로드라고 합니다' and '캐시 히트란 …' name terms the cloze template can blank."""
    assert named_terms("이것을 멀티파트 업로드라고 합니다") == ["멀티파트 업로드"]
    assert named_terms("캐시 히트란 캐시에서 바로 제공되는 요청의 수를 의미하죠") == ["캐시 히트"]
    assert named_terms("그럼 배포 구성이란 성공과 실패에 대한 규칙입니다") == ["배포 구성"]
    assert named_terms("정책을 라고 합니다") == []


def test_words_shared_with_other_choices_name_none_of_them() -> None:
    """'로드 밸런서 유형' in a stem does not name '애플리케이션 로드 밸런서' beside 'Classic Load Balancer'."""
    choices = ["네트워크 로드 밸런서", "애플리케이션 로드 밸런서", "Classic Load Balancer", "게이트웨이 로드 밸런서"]
    stem = f"다음 설명에 해당하는 로드 밸런서 유형은? “{B}은(는) URL 경로를 기반으로 라우팅합니다.”"
    assert not names_choice(stem, "애플리케이션 로드 밸런서", choices)
    assert names_choice(
        f"밸런서 애플리케이션의 지연 시간은 400ms이고 {B}의 지연 시간은 100ms입니다.", choices[1], choices
    )


def test_shipped_bank_asks_each_fact_once() -> None:
    """Two questions on one quoted sentence and answer, or one value of one topic about the same thing
    (CloudTrail 90일 twice), make the bank repeat itself."""
    questions = [q for q in load_bank(SHIPPED_BANK).questions if q.status == "active"]
    seen: set[tuple[str, str]] = set()
    numeric: dict[tuple[str, str], list[set[str]]] = defaultdict(list)
    for q in questions:
        quote = q.stem.splitlines()[-1]
        key = (korean.normalise(quote), korean.normalise(q.choices[q.answer]))
        assert key not in seen, q.id
        seen.add(key)
        if q.kind == "numeric":
            words = content_words(quote)
            earlier = numeric[(q.topic, q.choices[q.answer])]
            assert not any(words & other for other in earlier), q.id
            earlier.append(words)


def test_product_name_halves_and_spelled_out_acronyms_are_leaks() -> None:
    """'(　　) Profiler' completes 'CodeGuru Profiler'; 'Elastic File System 의 약자로' spells out EFS."""
    profiler = Candidate(
        "concept", 0, 1, "", f"지원하고 {B} Profiler로 모니터링합니다.", "CodeGuru", ["a", "b", "c"], [], []
    )
    assert shape_problems(profiler) == ["completes_name"]
    assert spelled_out("Elastic File System 의 약자로 관리형 NFS입니다.", "EFS")
    assert not spelled_out("AWS Elastic Beanstalk 환경입니다.", "EFS")


def test_commentary_is_no_statement() -> None:
    """'알아야 할 중요한 사항입니다' and '결국 고성능이라는 의미죠' are the lecturer's comments, not facts."""
    assert statement_text("템플릿을 재사용하기 원한다면 알아야 할 중요한 사항입니다") is None
    assert statement_text("접두부 및 초당의 의미는 결국 고성능이라는 의미죠") is None
