"""Round 10: '다음 중 X에 대한 설명으로 옳지 않은 것은?' (templates/negative.py)."""

from __future__ import annotations

import pytest

from questions import gates, generator, korean
from questions.candidate import Candidate
from questions.generator import GeneratedBank, generate_bank
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import definition, negative
from questions.templates._context import Context
from questions.text import content_words, mentions

GROUPS = """
groups:
  - name: 개발자 도구
    members: [CodeCommit, CodeBuild, CodeDeploy, CodeStar]
"""

KO_NOTES = """# 개발자 도구

## CodeCommit

CodeCommit은 `Git 리포지토리`를 호스팅하는 관리형 소스 제어 서비스입니다.
CodeCommit은 `IAM 정책`으로 사용자와 리포지토리 권한을 관리합니다.
CodeCommit은 저장된 `리포지토리`를 KMS 키로 자동 암호화합니다.
CodeCommit은 `Git 리포지토리` 크기에 제한이 없습니다.
예를 들어 `리포지토리` 세 개를 만들면 세 팀이 나누어 씁니다.

## CodeBuild

CodeBuild는 소스 코드를 컴파일하고 테스트를 실행하는 빌드 서비스입니다.
CodeBuild는 리포지토리 최상단의 `buildspec.yml` 파일에 따라 빌드를 실행합니다.
CodeBuild는 `IAM 정책`으로 사용자와 리포지토리 권한을 관리합니다.
CodeBuild는 `buildspec.yml`의 env 항목으로 환경 변수를 정의합니다.
CodeBuild는 CodeDeploy와 달리 `buildspec.yml` 파일로 빌드 단계를 정합니다.

## CodeDeploy

CodeDeploy는 애플리케이션을 많은 EC2 인스턴스에 자동으로 배포하는 서비스입니다.
CodeDeploy는 `블루/그린 배포`로 람다와 ECS에도 배포할 수 있습니다.
CodeDeploy는 `appspec.yml` 파일로 배포 단계를 정의합니다.
CodeDeploy는 `블루/그린 배포` 중에 실패하면 이전 버전으로 롤백합니다.

## CodeStar

CodeStar는 `개발 도구`를 한곳에 모아 주는 통합 서비스입니다.
CodeStar는 `Cloud9` 편집기로 코드를 작성할 수 있습니다.
"""

EN_NOTES = """# Developer tools

## CodeCommit

CodeCommit is a managed source control service that hosts `Git repositories`.
CodeCommit allows user and repository permissions to be managed with `IAM policies`.
CodeCommit stores every `repository` encrypted at rest with KMS keys.
CodeCommit provides `Git repositories` with no limit on their size.

## CodeBuild

CodeBuild is a build service that compiles source code and runs tests.
CodeBuild can run builds from the `buildspec.yml` file at the top of the repository.
CodeBuild allows environment variables to be set in the env section of `buildspec.yml`.

## CodeDeploy

CodeDeploy is a service that deploys applications to many EC2 instances automatically.
CodeDeploy can also deploy to Lambda and ECS with `blue/green deployments`.
CodeDeploy allows the deployment steps to be defined in an `appspec.yml` file.
CodeDeploy provides a rollback to the previous version when a `blue/green deployment` fails.
"""

NAMES = ["CodeCommit", "CodeBuild", "CodeDeploy", "CodeStar"]


def _candidates(text: str) -> tuple[Context, list[Candidate]]:
    ctx = Context(parse_notes(text), hints=parse_groups(GROUPS))
    return ctx, list(negative.generate(ctx))


def _section(ctx: Context, name: str) -> int:
    return next(s.index for s in ctx.sections if s.name == name)


def _section_text(ctx: Context, name: str) -> str:
    section = ctx.sections[_section(ctx, name)]
    return korean.normalise(" ".join(ctx.sentence(i).text for i in section.sentences))


def _owner(ctx: Context, candidate: Candidate) -> str:
    """The heading of the section the odd statement's line sits in."""
    line = candidate.evidence_lines[0]
    sentence = next(s for s in ctx.notes.sentences if s.start_line == line)
    return ctx.sections[sentence.section].name


@pytest.mark.parametrize("text", [KO_NOTES, EN_NOTES], ids=["ko", "en"])
def test_the_odd_statement_is_a_siblings_and_holds_a_word_never_said_in_x_section(text: str) -> None:
    ctx, candidates = _candidates(text)
    assert len({c.stem_core for c in candidates}) >= 2
    for candidate in candidates:
        x = candidate.stem_core
        owner = _owner(ctx, candidate)
        assert owner != x
        assert owner in NAMES
        assert content_words(candidate.answer) - ctx.vocabulary(_section(ctx, x))
        assert korean.normalise(candidate.answer.rstrip("."))[:20] not in _section_text(ctx, x)
        assert owner in candidate.explanation


@pytest.mark.parametrize("text", [KO_NOTES, EN_NOTES], ids=["ko", "en"])
def test_the_three_true_statements_come_from_x_section_and_no_choice_names_a_member(text: str) -> None:
    ctx, candidates = _candidates(text)
    for candidate in candidates:
        own = _section_text(ctx, candidate.stem_core)
        for statement in candidate.distractors:
            assert korean.normalise(statement.rstrip("."))[:20].lower() in own.lower()
        assert len(set(candidate.distractors)) == 3
        for choice in candidate.choices:
            assert not mentions(choice, NAMES)  # a named subject would give the answer away
        assert not gates.candidate_problems(candidate, ctx.notes)


def test_stems_read_as_the_standard_exam_form() -> None:
    _, korean_candidates = _candidates(KO_NOTES)
    _, english_candidates = _candidates(EN_NOTES)
    assert {c.stem for c in korean_candidates} >= {"다음 중 CodeCommit에 대한 설명으로 옳지 않은 것은?"}
    assert {c.stem for c in english_candidates} >= {"Which statement about CodeCommit is NOT true?"}


def test_a_sibling_claim_also_said_in_x_section_is_never_the_odd_one() -> None:
    """CodeBuild's notes repeat a CodeCommit line (IAM 정책으로 … 권한을 관리): it is true of CodeCommit."""
    _, candidates = _candidates(KO_NOTES)
    about_commit = [c for c in candidates if c.stem_core == "CodeCommit"]
    assert about_commit
    assert all("IAM 정책" not in c.answer for c in about_commit)


def test_worked_examples_comparisons_and_thin_concepts_are_left_out() -> None:
    _, candidates = _candidates(KO_NOTES)
    choices = [choice for c in candidates for choice in c.choices]
    assert not any("예를 들어" in choice or "세 개를" in choice for choice in choices)
    assert not any("달리" in choice for choice in choices)  # names CodeDeploy: cut by the name rule
    assert "CodeStar" not in {c.stem_core for c in candidates}  # two statements are not three facts


def test_negative_questions_only_fill_what_the_other_templates_leave(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chosen last, on room the section quota leaves and on lines no other question asks: the other
    questions stay exactly as they were. (Definitions left out so that some sibling lines are free.)"""
    monkeypatch.setattr(generator, "_section_quota", lambda notes, section: 6)
    others = [t for t in generator.TEMPLATES if t.__module__ not in {negative.__name__, definition.__name__}]
    monkeypatch.setattr(generator, "TEMPLATES", [*others, negative.generate])
    with_negative = generate_bank(KO_NOTES, "notes", GROUPS).questions
    monkeypatch.setattr(generator, "TEMPLATES", others)
    without = generate_bank(KO_NOTES, "notes", GROUPS).questions
    assert [q["id"] for q in with_negative if q["kind"] != negative.KIND] == [q["id"] for q in without]
    asked = [q for q in with_negative if q["kind"] == negative.KIND]
    assert asked
    assert {q["source_line"] for q in asked}.isdisjoint(q["source_line"] for q in without)


def test_on_the_aws_notes_negative_questions_pass_the_gates_and_name_the_sibling(
    aws_generated: GeneratedBank,
) -> None:
    bank = aws_generated
    found = [q for q in bank.questions if q["kind"] == negative.KIND]
    assert len(found) >= 5
    for question in found:
        assert question["stem"].endswith("에 대한 설명으로 옳지 않은 것은?")
        flags = gates.kind_flags(question["kind"])
        assert not gates.form_problems(question["stem"], question["choices"], question["answer"], **flags)
        assert "에 대한 설명입니다." in question["explanation"]
