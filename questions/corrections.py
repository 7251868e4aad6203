"""Known typos and contradictory passages of the shipped AWS notes, fixed before parsing.

Kept deliberately small and literal: each entry is a spelling the notes really use that must not reach
a choice as written (a typo or a mistranslation would read as a trap) or a passage that contradicts the
notes themselves or AWS, or says nothing true (no question may be asked from it). Other notes pass through unchanged.
"""

from __future__ import annotations

import re

# wrong spelling -> right spelling (whole words only, Latin words matched case-sensitively)
SPELLING: dict[str, str] = {
    "오토스케일링 AGS": "오토 스케일링 그룹(ASG)",
    "ElastiCashe": "ElastiCache",
    "Lamda": "Lambda",
    "Phython": "Python",
    "클라우트 프론트": "CloudFront",
    "AE256": "AES256",
    "온-디맨드": "온디맨드",  # one name, not two spellings of it
    "미리 서명된 URL": "사전 서명된 URL",  # S3's pre-signed URL by its heading's name, not CloudFront's 서명된 URL
    "Marven": "Maven",
    "다른 reviewers 가": "다른 리뷰어가",
    # mistranslations (round 12 review): buildspec's env defines environment variables; Beanstalk keeps at
    # most 1,000 application *versions* (the lifecycle policy deletes old versions because of that limit)
    "여러 환경적 역할을": "여러 환경 변수를",
    "최대 1,000개의 애플리케이션": "최대 1,000개의 애플리케이션 버전",
}

# Lines that contradict the notes (One Zone-IA said to survive an AZ outage, then said to lose data).
CONTRADICTED: tuple[str, ...] = (
    "IA와 동일하지만, 데이터가 다중 가용 영역에 저장되기 전",
    "단일 가용 영역에 먼저 저장되는 방식",
    "가용 영역이 다운되더라도 데이터가 여전히 사용 가능",
    # a mistranslation that says nothing true ('the CLI looks for credentials in this order')
    "CLI를 사용하면 이어지는 명령에서 자격 증명을 요청합니다",
)

_SPELLING = re.compile(
    "|".join(rf"(?<![A-Za-z0-9]){re.escape(wrong)}(?![A-Za-z0-9])" for wrong in sorted(SPELLING, key=len, reverse=True))
)


def correct(line: str) -> str:
    """A notes line with known typos fixed; a contradicted line becomes blank."""
    if any(text in line for text in CONTRADICTED):
        return ""
    return _SPELLING.sub(lambda m: SPELLING[m.group(0)], line)
