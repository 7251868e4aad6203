"""What people see before they answer must not give the answer away."""

from __future__ import annotations

from bot.engine.types import QuestionView
from bot.i18n.render import question_lines

VIEW = QuestionView(
    "q1",
    "S3",
    "S3 > S3 암호화 > SSE-KMS",
    "AWS 키 관리 서비스로 키를 관리하고 감사 추적을 할 수 있는 암호화 방식은?",
    ("SSE-S3", "SSE-KMS", "SSE-C", "클라이언트 측 암호화"),
)


def test_question_shows_topic_but_not_the_section_that_names_the_answer():
    """The section heading is often the answer itself (a concept question): show it only after."""
    for language in ("ko", "en"):
        lines = question_lines(VIEW, language)
        assert lines[0] == "[S3]"
        assert not any("SSE-KMS" in line for line in lines[:2])
        assert lines[2:] == ["A. SSE-S3", "B. SSE-KMS", "C. SSE-C", "D. 클라이언트 측 암호화"]
