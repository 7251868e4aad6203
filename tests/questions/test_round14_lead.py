"""Round 14 (lead): faults found reading the bank of 266 (seed 3141)."""

from __future__ import annotations

import re

from questions.generator import GeneratedBank

_MEMBERSHIP = re.compile(r"— (.+?)(?:은\(는\)|은|는) (.+?)에 속합니다\. (.+?): ")


def test_membership_impostor_comes_from_a_set_of_a_like_kind(aws_generated: GeneratedBank):
    """'다음 중 IAM 정책 요소에 해당하지 않는 것은?' with YubiKey (an MFA product) beside Action, Resource and
    Principal is answered by anyone who has seen a USB key: the impostor's own set must share a word with the
    asked set ('S3 스토리지 클래스' for 'S3 보안 기능'), 'AWS' aside."""
    memberships = [q for q in aws_generated.questions if q["kind"] == "membership"]
    assert len(memberships) >= 15
    pairs = []
    for question in memberships:
        found = _MEMBERSHIP.search(question["explanation"])
        assert found, question["explanation"]
        impostor, home, asked = found.groups()
        pairs.append((impostor, asked))
        assert (set(home.split()) & set(asked.split())) - {"AWS"}, (impostor, home, asked)
    assert ("YubiKey", "IAM 정책 요소") not in pairs
