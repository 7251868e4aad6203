"""T3 numeric facts: a value with a unit blanked; distractors are other values of that unit in the notes."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator

from questions import korean
from questions.candidate import Candidate
from questions.notes_parser import Quantity, Sentence
from questions.templates._context import Context
from questions.templates.cloze import cloze_stem
from questions.text import (
    content_words,
    in_worked_example,
    informative_score,
    statement_text,
    term_pattern,
    tidy,
)

KIND = "numeric"
_SKIP_UNITS = {"count"}
# a count is a fact when it is a limit or a default ('최대 5개까지', '기본 3개')
_COUNT_LIMIT = re.compile(r"(최대|최소|까지|기본|한도|제한|up to|maximum|at most|default)", re.I)
# example values in a worked scenario are not facts to learn
_HYPOTHETICAL = re.compile(r"(예를 들어|예를 들면|가령|만약|예시|라고 하면|라고 치면|for example|e\.g\.|suppose)", re.I)
# a number that belongs to a story told in the lecture ('45일 후엔 썸네일이 필요 없으니 삭제하는 거죠')
_SCENARIO = re.compile(
    r"(떨어지면|넘으면|이상이면|이하로|초과하면|후엔|후에는|뒤에는|지나면|필요 없으니|하고 싶|원한다면|"
    r"한다고|했다고|있다고|이라고 하|우리|회사|고객|테니|한다면|정도로|설정하면|다는 뜻|야 한다는)"
)
# a count the sentence itself says keeps changing ('216개의 엣지 로케이션이 존재하며 지속적으로 새로운 지점이
# 추가되고 있습니다', round 15): out of date by the time it is asked
_GROWING = re.compile(r"(지속적으로|계속해서|꾸준히|계속)\s?(새로운\s\S+\s)?(추가|늘어|증가)")
_PRONOUN = re.compile(
    r"^(이는|이것|그것|이건|그건|그래서|그러면|it|this)\s"
)  # '3개' style counts are too often incidental in lecture talk


# a value is only a question when the sentence says what it measures ('Glacier는 90일 Deep Archive는 (　　)'
# does not: minimum storage duration is in the line before; '(　　)이(가) 넘는 파일은' does: a size bound)
_MEASURE = re.compile(
    r"(기간|크기|용량|포트|시간|지연|최대|최소|최장|보관|보존|유지|한도|제한|할인|비용|요금|비율|개수|주기|간격|만료|"
    r"대기|타임아웃|동안|마다|당|이상|이하|까지|초과|미만|넘는|TTL|기본|처리량|IOPS|속도|길이|수명|걸리|걸립|소요|기다|"
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
    pool = _value_pool(ctx)
    for si, sentence in enumerate(ctx.notes.sentences):
        if not sentence.quantities:
            continue
        evidence = _usable_fact(ctx, si)
        if evidence is None:
            continue
        section = ctx.sections[sentence.section]
        if re.fullmatch(r"\S+(과|와) \S+", section.name):
            continue  # 'st1과 sc1': which of the pair a value belongs to is not in the sentence
        for quantity in sentence.quantities:
            candidate = _candidate(ctx, pool, si, quantity, evidence)
            if candidate is not None:
                yield candidate


def _value_pool(ctx: Context) -> dict[str, list[tuple[Quantity, int, int]]]:
    """Every value of the notes by unit, with its topic and sentence (distractors come from here)."""
    pool: dict[str, list[tuple[Quantity, int, int]]] = {}
    for si, sentence in enumerate(ctx.notes.sentences):
        for quantity in sentence.quantities:
            pool.setdefault(quantity.unit, []).append((quantity, ctx.sections[sentence.section].topic, si))
    return pool


# a lead word that points at nothing the value needs ('지금 전 세계적으로 216개의 엣지 로케이션이 …')
_NEUTRAL_LEAD = re.compile(
    r"^(지금|현재|이를 위해서는|이를 위해|그러나|역시|즉,?|각각|이를 [^,]{1,20}?(으로|로) 환산하면)\s+"
)


def _trimmed(text: str) -> str:
    return _NEUTRAL_LEAD.sub("", text.strip())


# a price list ('첫 10TB에 대한 요금은 1GB당 0.085달러'): tiers and prices are trivia that change, not exam facts
_PRICE = re.compile(r"\d\s?(달러|센트|원)|\$\s?\d|\bUSD\b")


def _usable_fact(ctx: Context, si: int) -> str | None:
    """The sentence as an exam statement when its numbers can be facts (not a worked scenario), else None."""
    sentence = ctx.notes.sentences[si]
    text = _trimmed(sentence.text)
    if informative_score(text, len(sentence.spans)) < (1.0 if ctx.ko else 0.0) or _HYPOTHETICAL.search(text):
        return None
    if _SCENARIO.search(text) or _PRICE.search(text) or _GROWING.search(text):
        return None
    fact = ctx.facts.get(si) if text == sentence.text.strip() else None
    fact = fact or (statement_text(text) if ctx.ko else tidy(text))
    if fact is None:
        return None
    if in_worked_example(ctx.notes.lines, sentence.start_line):
        ctx.rejected["worked_example"] += 1
        return None
    return fact


# the blank is the condition of a worked case ('마스터 1개에 (　　)의 복제본을 원하면 …')
_CONDITION_AFTER = re.compile(r"^[^,.]{0,20}?(원하면|하면|이면|라면)\s")
# '타임스탬프를 (　　) 전으로 설정할 수 있습니다': any smaller value is as true, unless a limit is said
_ABILITY = re.compile(r"(수 있습니다|가능합니다|발생하지 않습니다)\.?$")
_LIMIT = re.compile(
    r"(최대|최소|까지|이상|이하|한도|제한|사이|초과|미만|중에서|혹은|또는|(?<![가-힣])약 |"
    r"up to|at most|at least|maximum|minimum)",
    re.I,
)  # a bound, a choice among named values ('1년 혹은 3년 중에서'), or an estimate ('약 75%')


def _open_ability(core: str) -> bool:
    tail = core.partition(korean.BLANK)[2]
    if re.search(r"(지만|며|고|는데|데)\s|,", tail):
        return False  # the value is in an earlier clause ('20% 정도 비싸지만 … 절약할 수 있습니다')
    return bool(_ABILITY.search(core)) and not _LIMIT.search(core)


_CONTINUING = re.compile(r"^(그리고|하지만|또한|그러나)\s")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9]+(?: [A-Z][A-Za-z0-9]+)*")


def _continues_other_subject(ctx: Context, si: int, core: str) -> bool:
    """'그리고 Bulk 로 … 48시간' goes on about the Deep Archive named lines before: a connective opening,
    and a name said earlier in the paragraph that the stem does not give, so the value's owner is lost."""
    sentence = ctx.notes.sentences[si]
    if not _CONTINUING.match(sentence.text):
        return False
    line = sentence.start_line - 1
    while line > 0 and ctx.notes.lines[line - 1].strip() and not ctx.notes.lines[line - 1].startswith("#"):
        line -= 1  # back to the paragraph's first line
    earlier = " ".join(ctx.notes.lines[line : sentence.start_line - 1])
    return any(name not in core for name in _LATIN_NAME.findall(earlier))


# a part of a whole ('쓰기에는 6개 중 4개만 필요합니다'): a quorum, not a number in a story
_PART_OF = re.compile(r"\d+\s?개\s?중\s$")
# a count that is a rate ('초당 3,500개의 PUT'): a limit of the service
_RATE_BEFORE = re.compile(r"(초당|분당|시간당)\s?$")


def _count_is_fact(ctx: Context, sentence: Sentence, quantity: Quantity) -> bool:
    if quantity.unit != "count":
        return True
    before = sentence.text[: quantity.start]
    limit = _COUNT_LIMIT.search(sentence.text) or _RATE_BEFORE.search(before) or _PART_OF.search(before)
    if not (limit or _counts_named_term(ctx, sentence.text[quantity.end :])) or quantity.value < 2:
        return False  # '기본 노드 1개', '마스터 1개에': an article, not a limit
    if not _counted_noun_named(ctx, sentence.text[quantity.end :]):
        ctx.rejected["no_measured_noun"] += 1  # '최대 (　　)의 배열': what is counted is no term of the notes
        return False
    return True


def _blank_context(ctx: Context, sentence: Sentence, quantity: Quantity) -> tuple[str, str] | None:
    """(before, after) the blank, with a restatement beside the value cut ('5TB, 5,000GB' -> '(　　)'),
    or None when the value is restated apart from it or the blank reads as a case's condition."""
    before, after = sentence.text[: quantity.start], sentence.text[quantity.end :]
    for other in sentence.quantities:
        if other is quantity or not restated(quantity, [quantity, other]):
            continue
        if other.start >= quantity.end and _RESTATE_JOIN.fullmatch(sentence.text[quantity.end : other.start]):
            after = sentence.text[other.end :].lstrip(")")
        elif other.end <= quantity.start and _RESTATE_JOIN.fullmatch(sentence.text[other.end : quantity.start]):
            before = sentence.text[: other.start]
        elif other.end <= quantity.start and (aside := _ASIDE.match(sentence.text, other.end)):
            before = sentence.text[: other.start] + sentence.text[aside.end() : quantity.start]
        else:
            ctx.rejected["value_restated"] += 1  # '1-5분으로 … 1~5분이': the value is given elsewhere in the stem
            return None
    if re.match(r"^\s?에서\s", after) or re.search(r"(다른|가장 적은 수의 \S+는)\s?$", before):
        return None  # the start of a range ('0개에서 5개까지'), 'the other (　　)', a worked minimum
    if re.search(r"\d\s?(에서|부터)\s$", before) and not re.match(r"^\s?(사이|까지)", after):
        return None  # '4에서 (　　)에 달하며': a range whose measure the sentence does not name
    if re.match(r"1\D", quantity.text) and re.match(r"^\s?당", after):
        return None  # '(　　)당 0.17달러', '1초당 청구': the unit is asked, not a value
    if re.match(r"^\s?(후|뒤|이후)\b", after) or _CONDITION_AFTER.match(after):
        return None  # '(　　) 후 만료', '(　　)의 복제본을 원하면': a rule's example setting, any value would do
    return before, after


# an earlier mention said in passing: 'Expedited 는 1-5분으로 파일을 요청하면 … 1~5분이 소요됩니다'
_ASIDE = re.compile(r"(으로|로),?\s")
# how a restatement is joined to the value: '5TB, 5,000GB', '300초, 즉 5분', '5분 혹은 300초', '1시간(3,600초)'
_RESTATE_JOIN = re.compile(r"\s?(,\s?(즉,?\s)?|\s?(즉|혹은|또는|or)\s|\()\s?")


def _candidate(
    ctx: Context, pool: dict[str, list[tuple[Quantity, int, int]]], si: int, quantity: Quantity, evidence: str
) -> Candidate | None:
    sentence = ctx.notes.sentences[si]
    section = ctx.sections[sentence.section]
    if quantity.unit in _SKIP_UNITS and not _count_is_fact(ctx, sentence, quantity):
        return None
    if sum(1 for q in sentence.quantities if q.text == quantity.text) > 1:
        return None
    fill = _blank_context(ctx, sentence, quantity)
    if fill is None:
        return None
    before, after = fill
    core = _stem_core(ctx, before, after)
    if core is None:
        return None
    if _open_ability(core) or _continues_other_subject(ctx, si, core):
        return None
    shown = [q for q in sentence.quantities if q is not quantity and q.text in core]
    picked = _distractors(ctx, pool, si, quantity, core, shown)
    if len(picked) < 3:
        return None
    label = ctx.label_section(_label_section(ctx, section.index, core), core, named_only=True)
    about = ctx.about(label, [{c} for c in (quantity.text, *picked)])
    if not _says_what_is_measured(ctx, sentence, quantity, core, about):
        ctx.rejected["no_measured_noun"] += 1
        return None
    return Candidate(
        kind=KIND,
        section=section.index,
        source_line=quantity.line,
        stem=cloze_stem(ctx, about, core, "값"),
        stem_core=core,
        answer=_shown(quantity.text),
        distractors=[_shown(d) for d in picked],
        evidence=[evidence],
        evidence_lines=[sentence.start_line],
        fill=(before, after),
        unit=quantity.unit,
        score=informative_score(sentence.text, len(sentence.spans))
        + 1.5
        + _stated_bonus(before)
        - _stands_out(quantity.text, picked),
        fact=f"{quantity.text}|{evidence}",
    )


_OWNER = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2,6})의\s")


def _label_section(ctx: Context, index: int, core: str) -> int:
    """The section that labels the stem: when the value is said of another acronym, the nearest ancestor
    that is no other product's heading ('FTP의 포트는 (　　)' under 'SSH' -> '보안 그룹에 대한 …'; 'IA의 최소
    저장 기간' under 'Amazon Glacier > 회수 옵션' -> 'S3 스토리지 클래스 + Glacier에 대한 …')."""
    section = ctx.sections[index]
    owners = {m.group(1) for m in _OWNER.finditer(core)}
    if section.parent is None or not owners or any(term_pattern(o).search(section.name) for o in owners):
        return index
    label = ctx.sections[section.parent]
    while label.parent is not None and not korean.has_hangul(label.name):
        label = ctx.sections[label.parent]
    return label.index


def _says_what_is_measured(ctx: Context, sentence: Sentence, quantity: Quantity, core: str, about: str) -> bool:
    """The stem or its context names the measure ('최소 기간', 'TTL'), or the choice does: a port, a count of
    a named thing ('216개의 엣지 로케이션'), a part of a whole ('6개 중 (　　)')."""
    if measures_something(core) or measures_something(about) or quantity.unit == "port":
        return True
    if quantity.unit != "count":
        return False
    return _counts_named_term(ctx, sentence.text[quantity.end :]) or bool(
        _PART_OF.search(sentence.text[: quantity.start])
    )


_STATED = re.compile(r"(?<![가-힣])(최대|최소|기본적으로는|약|초당|매)\s?$")


def _stated_bonus(before: str) -> float:
    """A value right after '최대', '약', '기본적으로는' is what the sentence states; prefer it to a side value."""
    return 0.5 if _STATED.search(before) else 0.0


def _stands_out(answer: str, distractors: list[str]) -> float:
    """'400%' among '90%', '75%', '70%': the one with more digits is guessed; prefer the sentence's other value."""
    digits = [len(re.sub(r"\D", "", d)) for d in distractors]
    return 0.5 if len(re.sub(r"\D", "", answer)) > max(digits, default=0) else 0.0


_DEFAULT = re.compile(r"기본적으로\s")


def _stem_core(ctx: Context, before: str, after: str) -> str | None:
    """The sentence with the blank as an exam statement ('(　　)을(를)'), or None when too short to ask."""
    particle = korean.leading_particle(after) if ctx.ko else None
    shown = korean.neutral(particle) + after[after.index(particle) + len(particle) :] if particle else after
    # '기본적으로' is a filler elsewhere, but beside a value it says the value is the default
    blanked = _DEFAULT.sub("기본적으로는 ", _trimmed(before + korean.BLANK + shown))
    core = statement_text(blanked) if ctx.ko else tidy(blanked)
    if core is None or len(core.replace(korean.BLANK, "")) < 25 or _PRONOUN.match(core):
        return None
    return core


def _distractors(
    ctx: Context,
    pool: dict[str, list[tuple[Quantity, int, int]]],
    si: int,
    quantity: Quantity,
    core: str,
    shown: list[Quantity],
) -> list[str]:
    """Three other values, nearest in size, same topic first, none the notes give for this measure: of the
    unit when the notes have three, else durations in another unit ('1년' beside '6개월'), else for a range
    of hours or minutes a neighbouring range ('12~24시간')."""
    topic = ctx.sections[ctx.notes.sentences[si].section].topic
    others = [u for u in _SECONDS if u != quantity.unit] if quantity.unit in _SECONDS else []
    options: dict[str, float] = {}
    words = content_words(core)
    taken = [_bounds(q) for q in (quantity, *shown)]  # '1년 혹은 (　　)': never '365일'
    visible = {korean.normalise(q.text) for q in shown}
    for units in ([quantity.unit], others):
        if len(options) >= 3:
            break
        level: dict[str, float] = {}
        for other, other_topic, _ in (entry for unit in units for entry in pool.get(unit, [])):
            key = korean.normalise(other.text)
            if key in visible or any(_near(_bounds(other), b, other.unit != quantity.unit) for b in taken):
                continue
            if not _looks_alike(other, quantity) or _said_of_same_measure(ctx, pool, si, other, words):
                continue
            distance = abs(_log_size(other) - _log_size(quantity))
            if other.unit != quantity.unit and distance > 3:
                continue  # '100-200ms' beside '3~5시간' stands out
            level[other.text] = -distance + (1.0 if other_topic == topic else 0.0)
            taken.append(_bounds(other))
        ranked = sorted(level.items(), key=lambda item: (-item[1], item[0]))
        options.update(ranked[: 3 - len(options)])
    picked = list(options)
    if len(picked) < 3 and _is_range(quantity.text):
        picked += _ladder_ranges(quantity, taken)[: 3 - len(picked)]
    return picked


def _bounds(quantity: Quantity) -> tuple[float, float]:
    """A value (or a range's two ends) in the base unit of its dimension: '1~5분' -> (60, 300)."""
    numbers = [float(n.replace(",", "")) for n in re.findall(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", quantity.text)]
    scale = base_value(quantity.unit, 1.0)[1] if quantity.unit in _SECONDS else quantity.value / (numbers[0] or 1.0)
    low, high = numbers[0] * scale, numbers[-1] * scale if len(numbers) > 1 else numbers[0] * scale
    return low, high


def _near(a: tuple[float, float], b: tuple[float, float], other_unit: bool = True) -> bool:
    """The same amount, or in another unit so close that it could be read as the same ('12개월', '1년')."""
    tolerance = 0.1 if other_unit else 1e-9
    return all(math.isclose(x, y, rel_tol=tolerance) for x, y in zip(a, b, strict=True))


def _log_size(quantity: Quantity) -> float:
    return math.log10(max(_bounds(quantity)[0], 1e-9))


def _looks_alike(other: Quantity, quantity: Quantity) -> bool:
    """Written like the answer: a range beside a range, no long decimal beside an integer, same script."""
    if abs(len(other.text) - len(quantity.text)) > 3 or ("." in other.text) != ("." in quantity.text):
        return False  # '99.999999999%' beside '80%' stands out
    if _is_range(other.text) != _is_range(quantity.text):
        return False  # '3~5시간' beside '1시간': a range among single values stands out
    if other.unit == quantity.unit:
        return _surface(other.text) == _surface(quantity.text)  # '10퍼센트' beside '20%' stands out
    return korean.has_hangul(_surface(other.text)) == korean.has_hangul(_surface(quantity.text))


# round steps of a duration, for ranges the notes give too few of ('3~5시간' needs three other ranges)
_LADDER = {"min": (1, 5, 10, 15, 30), "h": (1, 3, 5, 12, 24, 48)}


def _ladder_ranges(quantity: Quantity, taken: list[tuple[float, float]]) -> list[str]:
    steps = _LADDER.get(quantity.unit)
    if steps is None:
        return []
    word = re.sub(r"[\d,.~\-–\s]", "", quantity.text)
    low = _bounds(quantity)[0]
    scale = _SECONDS[quantity.unit]
    out = []
    for a, b in sorted(itertools.pairwise(steps), key=lambda pair: abs(math.log10(pair[0] * scale / low))):
        if not any(_near((a * scale, b * scale), bounds) for bounds in taken):
            out.append(f"{a}~{b}{word}")
    return out


_SPECIFIC_WORD = 30  # a name found in fewer sentences than this names one thing, not a whole topic


def _said_of_same_measure(
    ctx: Context, pool: dict[str, list[tuple[Quantity, int, int]]], si: int, value: Quantity, words: set[str]
) -> bool:
    """Do the notes give this value in another sentence about the same thing ('Standard 가 12시간' beside
    'Standard 는 3~5시간'): a clause of the topic holding the value and a name the stem gives ('기본 노드
    1개가 있고' says nothing of the replicas the next clause counts; 'Expedited … 1~5분' is another option)."""
    topic = ctx.sections[ctx.notes.sentences[si].section].topic
    for other, other_topic, other_si in pool.get(value.unit, []):
        if other_si == si or other_topic != topic or not math.isclose(other.value, value.value):
            continue
        shared = {w for w in words & _clause_words(ctx, other_si, other) if not measures_something(w)}
        if any(_names_a_thing(ctx, w) for w in shared):
            return True
    return False


_CLAUSE_BREAK = re.compile(r",\s|(?<=[가-힣])(고|며|지만|는데|데)\s")


def _clause_words(ctx: Context, si: int, quantity: Quantity) -> set[str]:
    cache: dict[tuple[int, int], set[str]] = ctx.__dict__.setdefault("_numeric_clauses", {})
    key = (si, quantity.start)
    if key not in cache:
        cache[key] = content_words(_clause_around(ctx.notes.sentences[si].text, quantity))
    return cache[key]


def _clause_around(text: str, quantity: Quantity) -> str:
    """The clause of a sentence that holds a value: from the break before it to the break after it."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= quantity.start:
            start = match.end()
        elif match.start() >= quantity.end:
            return text[start : match.start()]
    return text[start:]


def _names_a_thing(ctx: Context, word: str) -> bool:
    """A name the notes use in few sentences ('Bulk', '엣지'): a sentence sharing it is about the same thing."""
    if _word_frequency(ctx, word) >= _SPECIFIC_WORD:
        return False
    return bool(re.fullmatch(r"[a-z][a-z0-9\-]+", word)) or word in _glossary_words(ctx)


def _glossary_words(ctx: Context) -> set[str]:
    cached: set[str] | None = ctx.__dict__.get("_numeric_glossary")
    if cached is None:
        cached = {korean.normalise(term) for term in ctx.glossary if len(term.split()) == 1}
        ctx.__dict__["_numeric_glossary"] = cached
    return cached


def _shown(text: str) -> str:
    """A range written one way in every choice: '3 ~ 5시간', '1-5분' -> '3~5시간', '1~5분'."""
    return re.sub(r"(\d)\s?[~\-–]\s?(\d)", r"\1~\2", text)


def _is_range(text: str) -> bool:
    return bool(re.search(r"\d\s?[~\-–]\s?\d", text))


def _word_frequency(ctx: Context, word: str) -> int:
    """How often a content word occurs in the notes."""
    cache: dict[str, int] = ctx.__dict__.setdefault("_numeric_df", {})
    if word not in cache:
        cache[word] = ctx.notes.normalised_text.count(word)
    return cache[word]


def _counts_named_term(ctx: Context, after: str) -> bool:
    """'216개의 엣지 로케이션이 존재하며': what is counted is a term of several words the notes name
    (a heading or a key phrase), so the count is a fact about it, not a number in a story."""
    match = re.match(r"\s?의\s(.{4,30})", after)
    if not match:
        return False
    head = korean.normalise(match.group(1))
    if any(
        len(term.split()) >= 2 and head.startswith(korean.normalise(term)) and len(korean.normalise(term)) >= 4
        for term in ctx.glossary
    ):
        return True
    # '엣지 로케이션', said again and again (a noun phrase: no particle inside, no verb after)
    words = re.match(r"([가-힣]{2,}(?<![이가을를은는의에로])) ([가-힣]{2,}(?<!니다))", match.group(1))
    phrase = korean.normalise(_PARTICLE_TAIL.sub("", words.group(0))) if words else ""
    return len(phrase) >= 4 and ctx.notes.normalised_text.count(phrase) >= _COMMON_NOUN


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
