"""Bank report: totals per topic and template, answer-position balance, gate results and rejects."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from questions import gates
from questions.bank_format import CHOICE_LETTERS, Bank, BankQuestion, bank_files, load_bank
from questions.generator import REPORT_FILE

POSITION_BOUNDS = (0.20, 0.30)
MIN_PER_TOPIC = 10


@dataclass
class BankReport:
    folder: Path
    total: int
    per_topic: Counter[str]
    per_kind: Counter[str]
    positions: Counter[int]
    gate_failures: dict[str, list[str]]  # reason -> question ids
    problems: list[str]
    generation: dict[str, Any] = field(default_factory=dict)
    answer_longest: int = 0

    def lines(self) -> list[str]:
        out = [f"bank: {self.folder}", f"active questions: {self.total}", "", "per topic:"]
        out += [f"  {count:4d}  {topic}" for topic, count in self.per_topic.items()]
        out += ["", "per template:"]
        out += [f"  {count:4d}  {kind}" for kind, count in sorted(self.per_kind.items())]
        out += ["", "answer position:"]
        for position, letter in enumerate(CHOICE_LETTERS):
            share = self.positions[position] / self.total if self.total else 0.0
            out.append(f"  {letter}  {self.positions[position]:4d}  {share:6.1%}")
        if self.total:
            out.append(f"  right answer is the longest choice: {self.answer_longest / self.total:.1%}")
        failures = sum(len(v) for v in self.gate_failures.values())
        out += ["", f"gate failures in bank: {failures}"]
        for reason, qids in sorted(self.gate_failures.items()):
            out.append(f"  {len(qids):4d}  {reason}: {', '.join(qids[:5])}")
        rejects = self.generation.get("rejects_by_reason", {})
        if self.generation:
            out += ["", "generation rejects by reason:"]
            out += [f"  {count:4d}  {reason}" for reason, count in rejects.items()]
            out.append(
                f"  candidates: {sum(self.generation.get('candidates_by_template', {}).values())}, "
                f"sections with questions: {self.generation.get('sections_with_questions')}"
                f"/{self.generation.get('sections_total')}"
            )
        out += ["", *self.warnings()]
        return out

    def warnings(self) -> list[str]:
        notes: list[str] = []
        notes += [f"warning: {w}" for w in self.generation.get("warnings", [])]
        for position, letter in enumerate(CHOICE_LETTERS):
            share = self.positions[position] / self.total if self.total else 0.0
            if self.total >= 20 and not POSITION_BOUNDS[0] <= share <= POSITION_BOUNDS[1]:
                notes.append(f"warning: answer position {letter} is {share:.0%} (want 20-30%)")
        thin = [t for t, n in self.per_topic.items() if n < MIN_PER_TOPIC]
        if thin:
            notes.append(f"note: {len(thin)} topic(s) with fewer than {MIN_PER_TOPIC} questions: " + ", ".join(thin))
        notes += [f"problem: {p}" for p in self.problems]
        return notes


def recheck(question: BankQuestion) -> list[str]:
    """Re-run the form gates on a stored question (aliases are not stored, so choices stand for them)."""
    return gates.form_problems(question.stem, question.choices, question.answer, **gates.kind_flags(question.kind))


def build_report(folder: Path) -> BankReport:
    """Report on a bank folder; a generated bank with no questions at all still reports why."""
    bank = Bank((), ()) if (folder / REPORT_FILE).is_file() and not bank_files(folder) else load_bank(folder)
    active = [q for q in bank.questions if q.status == "active"]
    per_topic: Counter[str] = Counter()
    for question in active:
        per_topic[question.topic] += 1
    failures: dict[str, list[str]] = {}
    longest = 0
    for question in active:
        for reason in recheck(question):
            failures.setdefault(reason, []).append(question.id)
        lengths = [len(c) for c in question.choices]
        if lengths[question.answer] == max(lengths) and lengths.count(max(lengths)) == 1:
            longest += 1
    generation: dict[str, Any] = {}
    report_file = folder / REPORT_FILE
    if report_file.is_file():
        generation = json.loads(report_file.read_text(encoding="utf-8"))
    return BankReport(
        folder=folder,
        total=len(active),
        per_topic=per_topic,
        per_kind=Counter(q.kind or "unknown" for q in active),
        positions=Counter(q.answer for q in active),
        gate_failures=failures,
        problems=[str(p) for p in bank.problems],
        generation=generation,
        answer_longest=longest,
    )
