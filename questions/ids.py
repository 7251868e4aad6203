"""Stable question ids: ``<topic-slug>.<section-hash>.<kind>.<fact-hash>``.

The section hash depends only on the heading path (plus its occurrence number when the same path
repeats), and the fact hash only on the question's answer and evidence sentence. So the same notes
always give the same ids, editing one section changes only that section's ids, and run order or
the rest of the bank never matters. Answer history refers to these ids.
"""

from __future__ import annotations

import hashlib
import re

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")


def short_hash(text: str, length: int = 6) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def slug(title: str, limit: int = 20) -> str:
    """ASCII slug of a title ('IAM: Users & Groups' -> 'iam-users-groups'); hash when no ASCII words."""
    words = re.findall(r"[A-Za-z0-9]+", title)
    out = ""
    for word in words:
        candidate = f"{out}-{word.lower()}" if out else word.lower()
        if len(candidate) > limit:
            break
        out = candidate
    return out or f"t{short_hash(title)}"


def section_key(path: tuple[str, ...], occurrence: int) -> str:
    return short_hash(" > ".join(path) + (f"#{occurrence}" if occurrence else ""))


def question_id(topic_slug: str, section: str, kind: str, fact: str) -> str:
    question = f"{topic_slug}.{section}.{kind}.{short_hash(kind + '|' + fact)}"
    if not ID_PATTERN.match(question) or len(question) > 64:
        raise ValueError(f"generated an invalid question id: {question}")
    return question
