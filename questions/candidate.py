"""The unit every template produces and every gate judges: one question before selection."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Candidate:
    kind: str  # template name: concept, cloze, numeric, definition, comparison
    section: int  # index into Notes.sections
    source_line: int  # 1-based line of the evidence
    stem: str  # full stem as shown to the player
    stem_core: str  # the part of the stem taken from the notes (checked for leaks)
    answer: str
    distractors: list[str]
    evidence: list[str]  # cleaned evidence sentence(s), quoted in the explanation
    evidence_lines: list[int]
    aliases: list[set[str]] = field(default_factory=list)  # aliases per choice: [answer, *distractors]
    fill: tuple[str, str] | None = None  # (before, after) the blank: distractor+context must not be in notes
    unit: str | None = None  # numeric questions: the shared unit
    score: float = 0.0
    fact: str = ""  # what the question asks, stable across runs (used for the id)
    explanation: str = ""  # a template's own explanation; default: the evidence quoted
    last: bool = False  # chosen after every other question, on the lines and quota they leave (round 14)

    @property
    def choices(self) -> list[str]:
        return [self.answer, *self.distractors]

    def choice_aliases(self) -> list[set[str]]:
        if len(self.aliases) == len(self.choices):
            return self.aliases
        return [{choice} for choice in self.choices]
