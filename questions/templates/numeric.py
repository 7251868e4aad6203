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
from questions.text import in_worked_example, informative_score, statement_text, tidy

KIND = "numeric"
_SKIP_UNITS = {"count"}
# a count is a fact when it is a limit or a default ('최대 5개까지', '기본 3개')
_COUNT_LIMIT = re.compile(r"(최대|최소|까지|기본|한도|제한|up to|maximum|at most|default)", re.I)
# example values in a worked scenario are not facts to learn
_HYPOTHETICAL = re.compile(r"(예를 들어|예를 들면|가령|만약|예시|라고 하면|라고 치면|for example|e\.g\.|suppose)", re.I)
# a number that belongs to a story told in the lecture ('45일 후엔 썸네일이 필요 없으니 삭제하는 거죠')
_SCENARIO = re.compile(
    r"(떨어지면|넘으면|이상이면|이하로|초과하면|후엔|후에는|뒤에는|지나면|필요 없으니|하고 싶|원한다면|"
    r"한다고|했다고|있다고|이라고 하|우리|회사|고객|테니|한다면|정도로|설정하면)"
)
_PRONOUN = re.compile(
    r"^(이는|이것|그것|이건|그건|그래서|그러면|it|this)\s"
)  # '3개' style counts are too often incidental in lecture talk


# a value is only a question when the sentence says what it measures ('Glacier는 90일 Deep Archive는 (　　)'
# does not: minimum storage duration is in the line before)
_MEASURE = re.compile(
    r"(기간|크기|용량|포트|시간|지연|최대|최소|최장|보관|보존|유지|한도|제한|할인|비용|요금|비율|개수|주기|간격|만료|"
    r"대기|타임아웃|동안|마다|당|이상|이하|까지|초과|미만|TTL|기본|처리량|IOPS|속도|길이|수명|"
    r"latency|retention|maximum|minimum|default|size|period|port|up to|every|per|at least|for|between|after)",
    re.IGNORECASE,
)
_SECONDS = {"ms": 0.001, "s": 1, "min": 60, "h": 3600, "day": 86400, "week": 604800, "month": 2592000, "year": 31536000}


def _surface(text: str) -> str:
    """How a value's unit is written ('20%' -> '%', '10퍼센트' -> '퍼센트')."""
    return re.sub(r"[\d,.~\-–\s]", "", text).casefold()


def base_value(unit: str, value: float) -> tuple[str, float]:
    """A quantity in one unit per dimension: durations in seconds (5분 = 300초), sizes already in bytes."""
    if unit in _SECONDS:
        return "time", value * _SECONDS[unit]
    return unit, value


def restated(quantity: Quantity, others: list[Quantity]) -> bool:
    """Is the same amount written again in the sentence, in this or another unit ('5분, 즉 300초')?"""
    kind, value = base_value(quantity.unit, quantity.value)
    for other in others:
        if other is quantity:
            continue
        other_kind, other_value = base_value(other.unit, other.value)
        if other_kind == kind and math.isclose(other_value, value):
            return True
    return False


def measures_something(text: str) -> bool:
    return bool(_MEASURE.search(text.replace(korean.BLANK, " ")))


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
        if in_worked_example(ctx.notes.lines, sentence.start_line):
            ctx.rejected["worked_example"] += 1
            continue
        section = ctx.sections[sentence.section]
        if re.search(r"\S(과|와) \S|,| 및 ", section.name):
            continue  # 'st1과 sc1': which of the pair a value belongs to is not in the sentence
        visible = {korean.normalise(q.text) for q in sentence.quantities}
        for quantity in sentence.quantities:
            if quantity.unit in _SKIP_UNITS and not _COUNT_LIMIT.search(sentence.text):
                continue
            if sum(1 for q in sentence.quantities if q.text == quantity.text) > 1:
                continue
            if quantity.unit == "count" and not _counted_noun_named(ctx, sentence.text[quantity.end :]):
                ctx.rejected["no_measured_noun"] += 1  # '최대 (　　)의 배열': what is counted is no term of the notes
                continue
            if restated(quantity, sentence.quantities):
                ctx.rejected["value_restated"] += 1  # '5TB, 5,000GB', '5분, 300초': the value is beside the blank
                continue
            before = sentence.text[: quantity.start]
            after = sentence.text[quantity.end :]
            if quantity.unit == "count" and quantity.value < 2:
                continue  # '기본 노드 1개', '마스터 1개에': an article, not a limit
            if re.match(r"^\s?에서\s", after) or re.search(r"(다른|가장 적은 수의 \S+는)\s?$", before):
                continue  # the start of a range ('0개에서 5개까지'), 'the other (　　)', a worked minimum
            if re.match(r"^\s?(후|뒤|이후)\b", after):
                continue  # '(　　) 후 만료': a rule's example setting, any value would do
            particle = korean.leading_particle(after) if ctx.ko else None
            shown = korean.neutral(particle) + after[len(particle) :] if particle else after  # '(　　)을(를)'
            core = statement_text(before + korean.BLANK + shown) if ctx.ko else tidy(before + korean.BLANK + shown)
            if core is None or len(core.replace(korean.BLANK, "")) < 25 or _PRONOUN.match(core):
                continue
            options: dict[str, float] = {}
            for other, topic in pool.get(quantity.unit, []):
                key = korean.normalise(other.text)
                if key in visible or math.isclose(other.value, quantity.value) or key in options:
                    continue
                if any(math.isclose(other.value, value) for value in _values(options, pool, quantity.unit)):
                    continue
                if abs(len(other.text) - len(quantity.text)) > 3 or ("." in other.text) != ("." in quantity.text):
                    continue  # '99.999999999%' beside '80%' stands out
                if _surface(other.text) != _surface(quantity.text):
                    continue  # '10퍼센트' beside '20%' stands out
                distance = abs(math.log10(max(other.value, 1e-9)) - math.log10(max(quantity.value, 1e-9)))
                score = -distance + (1.0 if topic == section.topic else 0.0)
                options[other.text] = score
            ranked = sorted(options.items(), key=lambda item: (-item[1], item[0]))
            picked = [text for text, _ in ranked[:3]]
            if len(picked) < 3:
                continue
            about = ctx.about(section.index, [{c} for c in (quantity.text, *picked)])
            if not measures_something(core) and not measures_something(about):
                ctx.rejected["no_measured_noun"] += 1
                continue
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


_COMMON_NOUN = 8
_PARTICLE_TAIL = re.compile(r"(까지|에서|으로|로|을|를|이|가|은|는|도|만|에|의)$")


def _counted_noun_named(ctx: Context, after: str) -> bool:
    """'10개의 배열' counts 배열: a count is a fact only when the noun it counts is a term of the notes
    (a glossary term, or a word the notes use often: 노드, 샤드). '5개까지' counts the sentence's subject."""
    match = re.match(r"\s?의\s([가-힣A-Za-z]{2,})", after)
    if not match:
        return True
    noun = _PARTICLE_TAIL.sub("", match.group(1)).casefold()
    if len(noun) < 2:
        return False
    if any(noun in term.casefold() for term in ctx.glossary):
        return True
    return ctx.notes.normalised_text.count(korean.normalise(noun)) >= _COMMON_NOUN


def _values(options: dict[str, float], pool: dict[str, list[tuple[Quantity, int]]], unit: str) -> list[float]:
    by_text = {q.text: q.value for q, _ in pool.get(unit, [])}
    return [by_text[text] for text in options if text in by_text]
