"""Korean particle rules, heading cleaning and aliases."""

from __future__ import annotations

import pytest

from questions import korean
from questions.text import mask


@pytest.mark.parametrize(
    ("particle", "expected"),
    [
        ("를", "을(를)"),
        ("을", "을(를)"),
        ("가", "이(가)"),
        ("는", "은(는)"),
        ("로", "(으)로"),
        ("으로", "(으)로"),
        ("과", "와(과)"),
        ("의", "의"),
        ("에서", "에서"),
        ("에만", "에만"),
    ],
)
def test_particle_after_blank_is_neutral(particle: str, expected: str) -> None:
    """A blank followed by 를 would tell the player the answer ends in a vowel."""
    assert korean.neutral(particle) == expected


def test_mask_writes_neutral_particles() -> None:
    """Masking a name never leaves a particle that gives away its last sound."""
    text = "스냅샷을 만들고 CloudTrail 은 감사합니다"
    assert mask(text, {"스냅샷"}) == "(　　)을(를) 만들고 CloudTrail 은 감사합니다"
    assert mask(text, {"CloudTrail"}) == "스냅샷을 만들고 (　　)은(는) 감사합니다"


@pytest.mark.parametrize(
    ("phrase", "stem"),
    [
        ("CloudTrail를", "CloudTrail"),
        ("io1/io2만이", "io1/io2"),
        ("전용 호스트를", "전용 호스트"),
        ("Memcached 를", "Memcached"),
        ("추가", "추가"),
        ("정의", "정의"),
        ("길이", "길이"),
    ],
)
def test_strip_particle(phrase: str, stem: str) -> None:
    """Nouns ending in particle-like syllables (추가, 정의, 길이) keep their last syllable."""
    assert korean.strip_particle(phrase) == stem


def test_glossary_term_is_never_stripped() -> None:
    assert korean.strip_particle("고해상도", frozenset({"고해상도"})) == "고해상도"


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("클러스터 모드 비활성화입니다", "클러스터 모드 비활성화"),
        ("Memcached 를 선택", "Memcached"),
        ("CLI 란 무엇일까?", "CLI"),
        ("CodeGuru 개요", "CodeGuru"),
        ("범용의 인스턴스", "범용 인스턴스"),
        ("X-Ray : 주의", "X-Ray"),
        ("IAM: Users & Groups", "IAM"),
        ("What is DNS?", "DNS"),
    ],
)
def test_clean_heading(title: str, name: str) -> None:
    """Heading text used as a choice loses words that are not part of the name."""
    assert korean.clean_heading(title) == name


def test_aliases_of_glossed_names() -> None:
    """'X(Y)' is one concept with two names."""
    assert {"스냅샷", "Snapshot"} <= korean.aliases("스냅샷(Snapshot)")
    assert {"읽기 전용 복제본", "Read Replica"} <= korean.aliases("읽기 전용 복제본 (Read Replica)")
    assert "io1/io2" in korean.aliases("io1과 io2")


@pytest.mark.parametrize(
    ("clause", "statement"),
    [
        ("명령줄 인터페이스를 의미하며", "명령줄 인터페이스를 의미합니다."),
        ("사용한 만큼 지불하는 옵션이죠", "사용한 만큼 지불하는 옵션입니다."),
        ("허용 규칙만 있고", "허용 규칙만 있습니다."),
        ("적합합니다", "적합합니다."),
    ],
)
def test_finish_statement(clause: str, statement: str) -> None:
    assert korean.finish_statement(clause) == statement
