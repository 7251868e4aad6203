"""Per-section diagnostics for thin topics: candidates produced, first gate reason per reject, kept.

    .venv/bin/python bench/thin_diag.py [TOPIC-WORD ...] [-v]

With -v every candidate is listed with its fate (KEPT, pass = passed the gates but not selected, or the
first gate reason).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from questions import gates
from questions.generator import _select
from questions.groups import parse_groups
from questions.notes_parser import parse_notes
from questions.templates import TEMPLATES
from questions.templates._context import Context

NOTES = Path("questions/notes/aws-dva-notes.md")
GROUPS = Path("questions/notes/aws-dva-notes.groups.yaml")


def main() -> None:
    wanted = sys.argv[1:] or ["IAM", "VPC", "S3", "CloudFront", "ECS", "Beanstalk", "CloudFormation"]
    verbose = "-v" in wanted
    wanted = [w for w in wanted if w != "-v"]
    notes = parse_notes(NOTES.read_text(encoding="utf-8"))
    ctx = Context(notes, hints=parse_groups(GROUPS.read_text(encoding="utf-8")))
    per: dict[int, list] = defaultdict(list)
    passed = []
    for template in TEMPLATES:
        for c in template(ctx):
            problems = gates.candidate_problems(c, notes)
            per[c.section].append((c, problems))
            if not problems:
                passed.append(c)
    chosen = {id(c) for c in _select(passed, notes, Counter())}
    for topic in notes.topics():
        if not any(w in topic.name for w in wanted) or topic.name == "고급 S3":
            continue
        print(f"\n=== {topic.name} (line {topic.line})")
        for s in notes.sections:
            if s.topic != topic.index:
                continue
            cands = per.get(s.index, [])
            kept = sum(1 for c, p in cands if id(c) in chosen)
            reasons = Counter(p[0] for c, p in cands if p)
            counts = f"sent={len(s.sentences):2d} cand={len(cands):2d} kept={kept}"
            print(f"{s.line:5d} {'  ' * s.level}{s.name[:40]:40s} {counts} {dict(reasons)}")
            if verbose:
                for c, p in cands:
                    mark = "KEPT" if id(c) in chosen else (p[0] if p else "pass")
                    print(f"      [{mark}] {c.kind}: {c.stem_core[:110]} -> {c.answer} | {c.distractors}")


main()
