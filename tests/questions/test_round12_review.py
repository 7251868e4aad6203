"""Round 12 independent reading: fault classes found in two random samples and in every membership and
negative question of the shipped bank.

A storage-class fact the lecture files under 'Amazon Glacier > 회수 옵션' is not labelled '회수 옵션에
대한'; a line describing a figure that the line before shows ('여기 … 좀 봅시다') is no fact; a statement
whose subject is something else ('Git 리포지토리가 …', 'Github, GitLab 등 제3자 서비스가 …') is no claim
about the member a negative question asks; a gloss ('…된다는 의밉니다') is no description of a concept.
"""

from __future__ import annotations

import re

import pytest

from questions.bank_format import load_bank
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import concept, negative
from questions.templates._context import Context

from .conftest import AWS_NOTES, SHIPPED_BANK
from .test_round11_review import PURCHASE_GROUPS, PURCHASE_NOTES

STORAGE_NOTES = """# 고급 S3

## S3 스토리지 클래스

S3에는 여러 스토리지 클래스가 있습니다.

### S3 One Zone-IA

One Zone IA는 하나의 AZ에만 데이터를 저장합니다.

### Amazon Glacier

Glacier는 아카이브를 위한 저렴한 스토리지입니다.

#### 회수 옵션

Expedited 는 파일을 요청하면 돌려받기까지 1~5분이 소요됩니다.
데이터가 저장되는 AZ의 수는 One Zone IA만 제외하고 전부 3개 입니다.
Deep Archive 의 최소 저장 기간은 180일입니다.
Glacier에 저장하는 최소 기간은 90일입니다.
"""

STORAGE_GROUPS = """groups:
  - name: S3 스토리지 클래스
    members:
      - S3 Standard | Standard
      - S3 One Zone-IA | One Zone IA
      - S3 Glacier | Glacier | Amazon Glacier
      - Glacier Deep Archive | Deep Archive
"""


def _label(ctx: Context, fragment: str, named_only: bool = False) -> str:
    sentence = next(s for s in ctx.notes.sentences if fragment in s.text)
    return ctx.sections[ctx.label_section(sentence.section, sentence.text, named_only)].name


def test_a_fact_filed_under_a_sibling_members_heading_is_labelled_above_it() -> None:
    """'One Zone IA …' and 'Deep Archive …' under 'Amazon Glacier > 회수 옵션' are storage-class facts;
    'Expedited …' is a retrieval option; 'Glacier에 저장하는 최소 기간' is Glacier's, not its 회수 옵션's."""
    ctx = Context(parse_notes(STORAGE_NOTES), hints=parse_groups(STORAGE_GROUPS))
    assert _label(ctx, "AZ의 수는") == "S3 스토리지 클래스"
    assert _label(ctx, "Deep Archive", named_only=True) == "S3 스토리지 클래스"
    assert _label(ctx, "Glacier에 저장하는", named_only=True) == "Amazon Glacier"
    assert _label(ctx, "Glacier에 저장하는") == "회수 옵션"  # a cloze blanks Glacier: the label may not name it
    assert _label(ctx, "Expedited", named_only=True) == "회수 옵션"


def test_a_fact_under_its_own_members_heading_keeps_that_label() -> None:
    """Under '스팟 인스턴스' a line naming 온디맨드 compares the spot instance with it: still spot's."""
    notes = PURCHASE_NOTES.replace("스팟 인스턴스는 온디맨드", "온디맨드")
    ctx = Context(parse_notes(notes), hints=parse_groups(PURCHASE_GROUPS))
    assert _label(ctx, "90%", named_only=True) == "스팟 인스턴스"


def test_the_shipped_bank_labels_no_storage_class_fact_as_a_retrieval_option() -> None:
    stems = [q.stem for q in load_bank(SHIPPED_BANK).questions if q.status == "active" and "회수 옵션에 대한" in q.stem]
    assert stems  # Expedited, Bulk and Glacier retrieval facts keep the label
    assert not [s for s in stems if re.search(r"AZ의 수|최소 용량|Deep Archive|최소 (저장 )?기간", s)]


FIGURE_NOTES = """# CICD

## CodeBuild 개요

CodeBuild는 어떻게 작동할까요? 여기 CodeCommit의 코드를 좀 봅시다
소스 코드와 전체 파일들이 있고
그리고 정말 중요하면서 리포지토리 가장 상단에 위치한
buildspec.yml이 들어있습니다

이제 CodePipeline 을 살펴봅시다
CodePipeline은 AWS 내에서 CICD 를 조정해주는 비주얼 워크플로 도구입니다
"""


def test_a_line_describing_the_figure_the_line_before_shows_is_no_fact() -> None:
    facts = Context(parse_notes(FIGURE_NOTES)).facts.values()
    assert not any("buildspec.yml이 들어있습니다" in fact for fact in facts)
    assert any("비주얼 워크플로" in fact for fact in facts)  # '이제 X를 살펴봅시다' only introduces a topic


@pytest.fixture(scope="module")
def aws_ctx() -> Context:
    notes = parse_notes(AWS_NOTES.read_text(encoding="utf-8"))
    return Context(notes, hints=parse_groups(AWS_NOTES.with_suffix(".groups.yaml").read_text(encoding="utf-8")))


def test_a_negative_question_offers_no_statement_about_something_else(aws_ctx: Context) -> None:
    """'Git 리포지토리가 … 이점은 …' is true of Git, so it is neither false of CodeBuild nor a claim of
    CodeCommit; 'Github, GitLab Bitbucket 등 제3자 서비스가 …' is about those services."""
    choices = [c for cand in negative.generate(aws_ctx) for c in (cand.answer, *cand.distractors)]
    assert choices
    assert not [c for c in choices if c.startswith("Git 리포지토리가") or re.match(r"^\S+,\s[^,]*\s등\s", c)]


def test_a_gloss_of_a_figure_is_no_description_of_a_concept(aws_ctx: Context) -> None:
    """'… DNS 응답의 70%가 첫 번째 EC2 인스턴스로 리다이렉팅된다는 의밉니다' explains a diagram's weights."""
    quotes = [cand.stem_core for cand in concept.generate(aws_ctx)]
    assert quotes
    assert not [q for q in quotes if re.search(r"[다라]는\s?(의밉니다|의미입니다|뜻입니다)\.?$", q)]
