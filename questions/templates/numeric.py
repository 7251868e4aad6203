"""T3 numeric facts: a value with a unit blanked; distractors are other values of that unit in the notes."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from questions import korean
from questions.candidate import Candidate
from questions.notes_parser import Quantity
from questions.templates._context import Context
from questions.templates.cloze import cloze_stem
from questions.text import informative_score, statement_text, tidy

KIND = "numeric"
_SKIP_UNITS = {"count"}
# example values in a worked scenario are not facts to learn
_HYPOTHETICAL = re.compile(r"(예를 들어|예를 들면|가령|만약|예시|라고 하면|라고 치면|for example|e\.g\.|suppose)", re.I)
# a number that belongs to a story told in the lecture ('45일 후엔 썸네일이 필요 없으니 삭제하는 거죠')
_SCENARIO = re.compile(
    r"(떨어지면|넘으면|이상이면|이하로|초과하면|후엔|후에는|뒤에는|지나면|필요 없으니|하고 싶|원한다면|"
    r"한다고|했다고|있다고|이라고 하|우리|회사|고객)"
)
_PRONOUN = re.compile(
    r"^(이는|이것|그것|이건|그건|그래서|그러면|it|this)\s"
)  # '3개' style counts are too often incidental in lecture talk


def generate(ctx: Context) -> Iterator[Candidate]:
    pool: dict[str, list[tuple[Quantity, int]]] = {}
    for sentence in ctx.notes.sentences:
        for quantity in sentence.quantities:
            pool.setdefault(quantity.unit, []).append((quantity, ctx.sections[sentence.section].topic))
    for si, sentence in enumerate(ctx.notes.sentences):
        base = informative_score(sentence.text, len(sentence.spans))
        if base < (1.0 if ctx.ko else 0.0) or not sentence.quantities or _HYPOTHETICAL.search(sentence.text):
            continue
        if si not in ctx.facts or _SCENARIO.search(sentence.text):
            continue
        section = ctx.sections[sentence.section]
        if re.search(r"\S(과|와) \S|,| 및 ", section.name):
            continue  # 'st1과 sc1': which of the pair a value belongs to is not in the sentence
        visible = {korean.normalise(q.text) for q in sentence.quantities}
        for quantity in sentence.quantities:
            if quantity.unit in _SKIP_UNITS and not (quantity.value >= 10 and "최대" in sentence.text):
                continue
            if sum(1 for q in sentence.quantities if q.text == quantity.text) > 1:
                continue
            if any(
                q is not quantity and q.unit == quantity.unit and math.isclose(q.value, quantity.value)
                for q in sentence.quantities
            ):
                continue  # '5TB, 5,000GB': the value is restated next to the blank
            before = sentence.text[: quantity.start]
            after = sentence.text[quantity.end :]
            core = statement_text(before + korean.BLANK + after) if ctx.ko else tidy(before + korean.BLANK + after)
            if core is None or len(core.replace(korean.BLANK, "")) < 25 or _PRONOUN.match(core):
                continue
            options: dict[str, float] = {}
            for other, topic in pool.get(quantity.unit, []):
                key = korean.normalise(other.text)
                if key in visible or math.isclose(other.value, quantity.value) or key in options:
                    continue
                if any(math.isclose(other.value, value) for value in _values(options, pool, quantity.unit)):
                    continue
                distance = abs(math.log10(max(other.value, 1e-9)) - math.log10(max(quantity.value, 1e-9)))
                score = -distance + (1.0 if topic == section.topic else 0.0)
                options[other.text] = score
            ranked = sorted(options.items(), key=lambda item: (-item[1], item[0]))
            picked = [text for text, _ in ranked[:3]]
            if len(picked) < 3:
                continue
            about = ctx.about(section.index, [{c} for c in (quantity.text, *picked)])
            yield Candidate(
                kind=KIND,
                section=section.index,
                source_line=quantity.line,
                stem=cloze_stem(ctx, about, core, "값"),
                stem_core=core,
                answer=quantity.text,
                distractors=picked,
                evidence=[ctx.facts[si]],
                evidence_lines=[sentence.start_line],
                fill=(before, after),
                unit=quantity.unit,
                score=base + 1.5,
                fact=f"{quantity.text}|{ctx.facts[si]}",
            )


def _values(options: dict[str, float], pool: dict[str, list[tuple[Quantity, int]]], unit: str) -> list[float]:
    by_text = {q.text: q.value for q, _ in pool.get(unit, [])}
    return [by_text[text] for text in options if text in by_text]
