"""Shared fixtures: an English sample notes file written by the tests, and the AWS notes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from questions.candidate import Candidate
from questions.generator import GeneratedBank, generate_bank
from questions.groups import groups_path

REPO = Path(__file__).resolve().parents[2]
AWS_NOTES = REPO / "questions" / "notes" / "aws-dva-notes.md"
AWS_GROUPS = groups_path(AWS_NOTES)
SHIPPED_BANK = REPO / "questions" / "bank"


@pytest.fixture(scope="session")
def aws_generated() -> GeneratedBank:
    """The AWS notes' bank as generated now, with their group hints: once per test run (about 6 s)."""
    return generate_bank(AWS_NOTES.read_text(encoding="utf-8"), "aws", AWS_GROUPS.read_text(encoding="utf-8"))


def shipped_questions() -> list[dict]:
    """Every question of the shipped bank as the YAML files hold it."""
    out: list[dict] = []
    for path in sorted(SHIPPED_BANK.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.extend(data.get("questions", []) if isinstance(data, dict) else data)
    return out


def stem_candidate(kind: str, core: str, names: list[str]) -> Candidate:
    """A candidate whose stem is ``core`` and whose first name is the answer, for gate tests."""
    return Candidate(
        kind=kind,
        section=0,
        source_line=1,
        stem=core,
        stem_core=core,
        answer=names[0],
        distractors=names[1:],
        evidence=[core],
        evidence_lines=[1],
    )


ENGLISH_NOTES = """\
- [Storage](#storage)
- [Networking](#networking)

# Storage

Storage services keep data for applications.

## Block storage

`Block storage` is attached to one server at a time and is used for boot volumes.
It offers the lowest latency of all storage kinds and is billed by provisioned size.
A volume lives in one availability zone and snapshots are kept for 30 days by default.

## Object storage

`Object storage` keeps files as objects in buckets that are reachable over HTTP.
It scales without limits and stores each object in at least 3 zones.
Objects can be moved to an archive class after 90 days with a lifecycle rule.
Old object versions are deleted after 7 days unless a rule keeps them for 365 days.

## File storage

`File storage` is a shared network file system mounted by many servers at once.
It grows and shrinks automatically and is billed for the data stored.
Throughput can burst for up to 12 hours each day on small file systems.

## Archive storage

`Archive storage` is the cheapest class for data that is rarely read.
Retrieving data takes between 1 and 5 hours and costs extra per request.
Data must stay for a minimum of 180 days or an early deletion fee applies.

## Block vs Object

Block storage is faster for databases and needs a server to attach to.
Object storage is better for static files and is reachable from anywhere over HTTP.

# Networking

Networking connects the servers with each other and with the internet.

## Load balancers

A `load balancer` spreads requests over healthy servers and checks them every 10 seconds.
The `application load balancer` routes HTTP requests by path and by host name.
The `network load balancer` handles millions of TCP requests per second with low latency.

## Firewalls

A `security group` is a stateful firewall around one server that only has allow rules.
A `network ACL` is a stateless firewall around a subnet with allow and deny rules.
Rules are checked before traffic reaches the server on port 22 or port 443.

## DNS

`DNS` turns host names into addresses and caches answers for the TTL, often 300 seconds.
An `A record` points a name to an IPv4 address and an `AAAA record` to an IPv6 address.
A `CNAME record` points a name to another name but never at the zone apex.

## Content delivery

A `content delivery network` caches files at edge locations close to the users.
Cached files expire after 24 hours unless the origin sends other headers.
"""


@pytest.fixture
def english_notes(tmp_path: Path) -> Path:
    path = tmp_path / "english-notes.md"
    path.write_text(ENGLISH_NOTES, encoding="utf-8")
    return path
