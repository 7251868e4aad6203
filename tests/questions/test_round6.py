"""Round 6: comparison sections asked as '다음 설명에 해당하는 …은?' with the compared items as choices."""

from __future__ import annotations

from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import comparison
from questions.templates._context import Context

NOTES = "\n".join(
    [
        "# DNS",
        "## 레코드",
        "A 레코드는 호스트 이름을 IPv4 주소로 매핑합니다",
        "AAAA 레코드는 호스트 이름을 IPv6 주소로 매핑합니다",
        "NS 레코드는 호스트 존의 네임 서버를 지정합니다",
        "## CNAME 과 별칭의 차이",
        "CNAME 은 `호스트 이름이 다른 호스트 이름으로 향하도록` 할 수 있습니다",
        # round 14 (kinds): not '루트 및 비루트 도메인 모두에 작동합니다', which the padded A and AAAA records share
        "`별칭 레코드는 Route 53에 한정되지만 호스트 이름이 특정 AWS 리소스로 향하도록` 할 수 있습니다",
    ]
)
HINTS = """groups:
  - name: DNS 레코드 유형
    members: ['A 레코드', 'AAAA 레코드', 'CNAME 레코드 | CNAME', '별칭 레코드 | 별칭', 'NS 레코드']
"""


def test_compared_item_is_asked_from_its_own_clause_with_siblings_as_padding() -> None:
    """A 'CNAME vs 별칭' section gives no question when only the two compared names could be choices."""
    ctx = Context(parse_notes(NOTES), hints=parse_groups(HINTS))
    questions = {c.answer: c for c in comparison.describe_generate(ctx)}
    assert set(questions) == {"CNAME", "별칭"}
    alias = questions["별칭"]
    assert "별칭" not in alias.stem
    assert "특정 AWS 리소스로" in alias.stem
    assert alias.stem.startswith("다음 설명에 해당하는 DNS 레코드 유형은?")
    assert "CNAME" in alias.distractors
    assert len(set(alias.distractors)) == 3
