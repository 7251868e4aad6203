"""Optional hints beside the notes: curated sibling groups (``NOTES.groups.yaml``).

The heading tree is the default source of siblings; some sets sit at mixed heading levels or only inline
(EBS volume types, S3 storage classes). A group names them once so they serve as each other's
distractors and their inline mentions become cloze candidates. Notes without a hints file work as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class GroupsError(ValueError):
    """The hints file is not a list of groups with at least two members."""


@dataclass(frozen=True)
class Member:
    name: str
    aliases: frozenset[str]


@dataclass(frozen=True)
class Group:
    name: str
    members: tuple[Member, ...]
    topic: str = ""  # inline mentions count only in '#' topics whose title contains this ('' = anywhere)
    service: bool = False  # an AWS service category: read only by templates/service.py
    near: tuple[str, ...] = ()  # service categories that may pad a short choice list
    overlap: tuple[tuple[str, ...], ...] = ()  # service pairs never offered side by side ('RDS | Aurora')
    section: str = ""  # ... and only under a heading whose title contains this ('' = anywhere in the topic)
    terms: str = ""  # members are technical terms of the '#' topics whose title contains this (see cloze)


def groups_path(notes: Path) -> Path:
    """'notes/aws.md' -> 'notes/aws.groups.yaml'."""
    return notes.with_name(notes.stem + ".groups.yaml")


def parse_groups(text: str) -> list[Group]:
    data = yaml.safe_load(text) or {}
    raw = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise GroupsError("a groups file needs a 'groups:' list")
    out: list[Group] = []
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("members"), list):
            raise GroupsError(f"group without members: {entry!r}")
        members = []
        for item in entry["members"]:
            names = [n.strip() for n in str(item).split("|") if n.strip()]
            if names:
                members.append(Member(names[0], frozenset(names)))
        if len(members) < 2:
            raise GroupsError(f"group {entry.get('name')!r} has fewer than two members")
        topic = str(entry.get("topic") or "").strip()
        near = tuple(str(n).strip() for n in entry.get("near") or [])
        name = str(entry.get("name", "")).strip()
        overlap = tuple(tuple(n.strip() for n in str(p).split("|")) for p in entry.get("overlap") or [])
        section = str(entry.get("section") or "").strip()
        terms = str(entry.get("terms") or "").strip()
        out.append(Group(name, tuple(members), topic, bool(entry.get("service")), near, overlap, section, terms))
    return out


def load_groups(notes: Path) -> str | None:
    """The hints text beside a notes file, or None when there is none."""
    path = groups_path(notes)
    return path.read_text(encoding="utf-8") if path.is_file() else None
