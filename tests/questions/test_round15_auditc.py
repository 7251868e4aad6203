"""Round 15 (auditC): a strict reading of every concept, numeric and comparison question (REVIEW.md).

Faults that recurred, each now a rule: a section described twice ('IP ranges must not overlap' quoted by two
VPC peering questions), one line asked as a value and again as a name ('RDS보다 비용이 (20%) 정도 비싸지만' beside
'(Aurora)는 RDS보다 비용이 20% …'), inventories as descriptions ('… MapName, TopLevelKey, SecondLevelKey 가
있습니다': 'Map' reads 매핑), an aspect or a service heading among feature distractors ('S3 퍼포먼스', 'Amazon
Athena' among S3 event notifications, lifecycle rules, pre-signed URLs), a how-to heading as the answer ('MFA가
있는 AWS CLI', whose lines are false of the CLI without MFA), a comparison statement naming a kind of its answer
('gp2에서는 …': EBS), a count the sentence says keeps growing (216 edge locations); typos and an outdated figure.
"""

from __future__ import annotations

from collections import Counter

from questions.corrections import correct
from questions.generator import GeneratedBank
from questions.templates import numeric
from questions.text import distinctive_leak


def _concepts(bank: GeneratedBank) -> list[dict]:
    return [q for q in bank.questions if q["kind"] == "concept"]


def test_one_description_question_per_section(aws_generated: GeneratedBank) -> None:
    sections = Counter(q["section"] for q in _concepts(aws_generated))
    assert sections
    assert max(sections.values()) == 1


def test_a_line_asked_for_its_value_is_not_asked_again(aws_generated: GeneratedBank) -> None:
    valued = {q["source_line"] for q in aws_generated.questions if q["kind"] == "numeric"}
    others = {q["source_line"] for q in aws_generated.questions if q["kind"] != "numeric"}
    assert valued
    assert not valued & others
    stems = " ".join(q["stem"] for q in aws_generated.questions)
    assert "RDS보다 비용이 20% 정도 비싸지만" not in stems  # Aurora's price is asked as a value only


def test_an_inventory_is_no_description(aws_generated: GeneratedBank) -> None:
    stems = " ".join(q["stem"] for q in _concepts(aws_generated))
    assert "MapName" not in stems
    assert "허용 값이 있습니다" not in stems


def test_no_aspect_or_service_distractor_in_the_aws_bank(aws_generated: GeneratedBank) -> None:
    choices = {c for q in _concepts(aws_generated) for c in q["choices"]}
    assert "S3 퍼포먼스" not in choices
    assert "Amazon Athena" not in choices


def test_a_how_to_heading_is_no_concept(aws_generated: GeneratedBank) -> None:
    answers = {q["choices"][q["answer"]] for q in _concepts(aws_generated)}
    assert "MFA가 있는 AWS CLI" not in answers
    assert "CloudTrail" in answers  # other concepts are still asked


def test_a_comparison_statement_names_no_kind_of_its_answer(aws_generated: GeneratedBank) -> None:
    comparisons = [q for q in aws_generated.questions if q["kind"] == "comparison"]
    assert comparisons
    for question in comparisons:
        assert "gp2" not in question["stem"], question["stem"]
        assert "io1" not in question["stem"], question["stem"]


def test_a_growing_count_is_no_value_to_learn(aws_generated: GeneratedBank) -> None:
    edge = "전 세계적으로 216개의 엣지 로케이션이 존재하며 지속적으로 새로운 지점이 추가되고 있습니다"
    assert numeric._GROWING.search(edge)
    assert not numeric._GROWING.search("하위 상태 확인을 256개까지 모니터링할 수 있습니다")
    assert not any("엣지 로케이션" in q["stem"] for q in aws_generated.questions if q["kind"] == "numeric")


def test_round15_corrections() -> None:
    assert correct("io 1은 IO를 볼륨 크기와 관계 없이 독립적으로 증가시킬 수 있죠") == ""
    assert correct("고유의 앤드포인트가 존재합니다.") == "고유의 엔드포인트가 존재합니다."
    assert "GetSessionToken" in correct("`API를 사용하려면 STS GetSession Token을 사용`해야 합니다")
    assert correct("CodeCommit의 코드 리포지토리는 AWS와 개발자에게 있습니다  ") == ""
    assert "RDP의 포트는 3389번" in correct("원격 데스크톱 프로토콜인 RDP의 3389번 포트이며")
    assert "최대 72%" in correct("온-디맨드와 비교하면 약 75%의 비용을 절약할 수 있고")


def test_an_english_name_that_translates_the_answer_leaks_it() -> None:
    stem = ".ebextensions/라는 디렉터리에 있어야 하고 반드시 YAML 또는 JSON 형식이어야 합니다."
    assert distinctive_leak(stem, ["Beanstalk 확장"], ["Beanstalk 복제", "Beanstalk CLI"]) == "확장"
    assert distinctive_leak("!FindInMap 로 사용합니다.", ["매핑"], ["매개변수", "출력", "리소스"]) == "매핑"
    assert distinctive_leak("YAML 또는 JSON 형식이어야 합니다.", ["Beanstalk 확장"], ["Beanstalk 복제"]) is None
