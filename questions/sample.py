"""Print a reproducible random sample of a bank with the right answer marked, for reading by a person.

Quality is judged by reading: ``quizbot bank sample questions/bank --n 40 --seed 7`` prints the same
40 questions for anyone who runs it, so verdicts in ``questions/REVIEW.md`` can be re-checked.
"""

from __future__ import annotations

import random
from pathlib import Path

from questions.bank_format import CHOICE_LETTERS, BankQuestion, load_bank


def sample(folder: Path, n: int, seed: int) -> list[BankQuestion]:
    """``n`` active questions drawn with ``random.Random(seed)`` from the bank sorted by id."""
    active = sorted((q for q in load_bank(folder).questions if q.status == "active"), key=lambda q: q.id)
    return random.Random(seed).sample(active, min(n, len(active)))


def render(questions: list[BankQuestion]) -> list[str]:
    lines: list[str] = []
    for number, question in enumerate(questions, start=1):
        lines.append(f"## {number}. [{question.kind}] {question.id}  (line {question.source_line})")
        lines.append(f"section: {question.section}")
        lines.extend(question.stem.splitlines())
        for position, choice in enumerate(question.choices):
            mark = "  ✔" if position == question.answer else ""
            lines.append(f"  {CHOICE_LETTERS[position]}) {choice}{mark}")
        lines.append(question.explanation)
        lines.append("")
    return lines


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print("\n".join(render(sample(args.folder, args.n, args.seed))))


if __name__ == "__main__":
    main()
