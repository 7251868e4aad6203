"""Time generating the whole AWS bank (target < 10 s on 2 cores) and print the question counts.

Run: .venv/bin/python bench/generate_speed.py
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from questions.generator import generate_bank
from questions.groups import load_groups
from questions.text import clear_caches

NOTES = Path(__file__).resolve().parents[1] / "questions" / "notes" / "aws-dva-notes.md"


def main(runs: int = 3) -> None:
    text = NOTES.read_text(encoding="utf-8")
    groups = load_groups(NOTES)
    timings = []
    bank = None
    for _ in range(runs):
        clear_caches()  # every run cold, as in one 'quizbot generate'
        started = time.perf_counter()
        bank = generate_bank(text, "questions/notes/aws-dva-notes.md", groups)
        timings.append(time.perf_counter() - started)
    assert bank is not None
    kinds = Counter(q["kind"] for q in bank.questions)
    print(f"generate AWS bank: best {min(timings):.2f} s, worst {max(timings):.2f} s over {runs} runs")
    print(f"questions: {len(bank.questions)}  " + "  ".join(f"{k}={n}" for k, n in sorted(kinds.items())))


if __name__ == "__main__":
    main()
