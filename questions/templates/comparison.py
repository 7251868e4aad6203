"""T5 comparison: 'X vs Y' sections and small sibling sets.

One statement about X is right; the distractors are statements about the other compared items.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from questions import korean
from questions.candidate import Candidate
from questions.templates._context import _PRONOUN_OPEN, Context, strip_subject
from questions.templates.definition import forbidden_names
from questions.text import informative_score, mentions, statement_text, term_pattern, tidy

KIND = "comparison"
_VERSUS = re.compile(r"\s+(?:vs\.?|versus|대)\s+|\s*(?:과|와)\s+|\s*,\s*|\s+(?:and|및)\s+", re.IGNORECASE)
_COMPARE_HEADING = re.compile(r"(\svs\.?\s|\s대\s|차이|비교|versus|difference)", re.IGNORECASE)


# round 14 (kinds): a claim that the item covers every case ('루트 및 비루트 도메인 모두에 작동합니다' of 별칭 against
# CNAME, which works for subdomains only) tells it from the item it is compared with, not from the siblings
# that pad the choices (A and AAAA records work at the root as well)
_WHOLE_RANGE = re.compile(r"모두에|모두를|모두 (?:지원|가능|작동|사용)|둘 다")
# round 14 (audit): so does a claim that the item is bound to one thing ('한 번에 하나의 인스턴스에만 연결이 가능하고
# 특정 가용 영역에 한정됩니다' of EBS against EFS): the instance store that pads the choices is bound alike
_BOUND = re.compile(r"하나의 \S+에만|(?:가용 영역|AZ|리전)에 (?:한정|묶)")


def _items_from_heading(title: str) -> list[str]:
    text = re.sub(r"(의|간의)?\s*(차이점?|비교|개념)(은|는)?\s*$", "", title.strip(), flags=re.IGNORECASE)
    text = re.sub(r"(의|에 대한)\s+", " ", text)
    parts = [korean.clean_heading(p) for p in _VERSUS.split(text)]
    return [p for p in parts if p]


def _clauses(text: str, names: list[str]) -> list[str]:
    """Split a sentence where another compared item starts as a subject ('..., X-Ray는 ...')."""
    cuts = {0}
    for name in names:
        for match in term_pattern(name).finditer(text):
            particle = korean.leading_particle(text[match.end() :])
            if match.start() > 0 and particle in {"은", "는", "이", "가"}:
                cuts.add(match.start())
    points = sorted(cuts)
    parts = [text[a:b].strip(" ,") for a, b in zip(points, [*points[1:], len(text)], strict=True)]
    return [korean.finish_statement(p).rstrip(".") if i < len(parts) - 1 else p for i, p in enumerate(parts) if p]


def _groups(ctx: Context) -> list[tuple[int, list[tuple[str, set[str], list[str], list[int]]]]]:
    """(section, [(item name, aliases, statements, source lines)]) for every comparison."""
    groups = []
    done: set[frozenset[int]] = set()
    for section in ctx.sections:
        items: list[tuple[str, set[str], list[str], list[int]]] = []
        if _COMPARE_HEADING.search(section.title):
            names = _items_from_heading(section.title)
            if not 2 <= len(names) <= 4:
                continue
            children = {ctx.sections[c].name: c for c in section.children}
            all_aliases = [korean.aliases(n) for n in names]
            for name, aliases in zip(names, all_aliases, strict=True):
                statements: list[str] = []
                lines: list[int] = []
                texts = []
                if name in children:
                    # under an 'X vs Y' heading, a '### X' section is about X throughout
                    for _, si in ctx.described_sentences(children[name]):
                        text = ctx.facts[si]
                        texts.append((si, strip_subject(text, aliases) or text))
                else:
                    every = [a for group in all_aliases for a in group]
                    for si in section.sentences:
                        for clause in _clauses(tidy(ctx.sentence(si).text), every):
                            stripped = strip_subject(clause, aliases)
                            if stripped:
                                texts.append((si, stripped))
                for si, text in texts:
                    if informative_score(text, len(ctx.sentence(si).spans)) < 1.0:
                        continue
                    statements.append(text)
                    lines.append(ctx.sentence(si).start_line)
                items.append((name, aliases, statements, lines))
            groups.append((section.index, items))
            continue
        if section.index not in ctx.aliases or section.parent is None:
            continue
        siblings = [c for c in ctx.sections[section.parent].children if c in ctx.aliases]
        if not 2 <= len(siblings) <= 3 or frozenset(siblings) in done:
            continue
        done.add(frozenset(siblings))
        for child in siblings:
            texts = []
            for _score, si in ctx.described_sentences(child):
                text = ctx.facts[si]
                stripped = strip_subject(text, ctx.aliases[child])
                if stripped:
                    texts.append((si, stripped))
            items.append(
                (
                    ctx.sections[child].name,
                    ctx.aliases[child],
                    [t for _, t in texts],
                    [ctx.sentence(si).start_line for si, _ in texts],
                )
            )
        groups.append((section.parent, items))
    return groups


def generate(ctx: Context) -> Iterator[Candidate]:
    for owner, items in _groups(ctx):
        if len(items) < 2:
            continue
        forbidden = forbidden_names([aliases for _, aliases, _, _ in items])
        clean: list[list[tuple[str, int]]] = []
        for _name, _aliases, statements, lines in items:
            kept = []
            for text, line in zip(statements, lines, strict=True):
                if mentions(text, forbidden) or not 12 <= len(text) <= 110 or _PRONOUN_OPEN.match(text):
                    continue
                statement = statement_text(korean.finish_statement(text)) if ctx.ko else text.rstrip(".") + "."
                if statement:
                    kept.append((statement, line))
            clean.append(kept)
        names = " · ".join(name for name, _, _, _ in items)
        for index, (name, _aliases, _statements, _lines) in enumerate(items):
            if not clean[index]:
                continue
            for answer, line in clean[index][:2]:
                others: list[str] = []
                # round-robin over the other items so every compared item is represented
                depth = 0
                while len(others) < 3 and depth < 6:
                    for j, kept in enumerate(clean):
                        if j != index and depth < len(kept) and kept[depth][0] not in others and len(others) < 3:
                            others.append(kept[depth][0])
                    depth += 1
                if len(others) < 3:
                    continue
                section_index = owner
                for _, child in enumerate(ctx.sections[owner].children):
                    if ctx.sections[child].name == name:
                        section_index = child
                if ctx.ko:
                    stem = f"{names}을(를) 비교할 때, {name}에 대한 설명으로 옳은 것은?"
                else:
                    stem = f"Comparing {names}: which statement is true of {name}?"
                yield Candidate(
                    kind=KIND,
                    section=section_index,
                    source_line=line,
                    stem=stem,
                    stem_core=name,
                    answer=answer,
                    distractors=others,
                    evidence=[answer],
                    evidence_lines=[line],
                    aliases=[{answer}, *({o} for o in others)],
                    score=2.5,
                    fact=f"{name}|{answer}",
                )


def _pads(ctx: Context, names: list[str], all_aliases: list[set[str]]) -> tuple[list[tuple[str, set[str]]], str]:
    """Siblings of the compared items from their hint group (the items themselves first), and its kind."""
    for aliases in all_aliases:
        group = next((g for g in (ctx.member_of(a) for a in sorted(aliases)) if g is not None), None)
        if group is None or not ctx.groups[group]:
            continue
        taken = {korean.normalise(a) for al in all_aliases for a in al}
        pads = [
            (m.name, set(m.aliases))
            for m in ctx.groups[group]
            if not any(korean.normalise(a) in taken for a in m.aliases)
            # 'CloudWatch 지표' is a part of the compared 'CloudWatch', not a sibling of it
            and not any(mentions(a, names) for a in m.aliases)
        ]
        return pads, ctx.hints[group].name
    return [], ""


def _with_member_aliases(ctx: Context, aliases: set[str]) -> set[str]:
    """'별칭' compared in a heading is the hint member '별칭 레코드 | 별칭': the sentences say either."""
    out = set(aliases)
    for members in ctx.groups:
        for member in members:
            if any(korean.normalise(a) in {korean.normalise(b) for b in member.aliases} for a in aliases):
                out |= set(member.aliases)
    return out


def describe_generate(ctx: Context) -> Iterator[Candidate]:
    """'다음 설명에 해당하는 것은?': one compared item's clause with the item cut off; the choices are the
    compared items, padded with their hint-group siblings."""
    for owner, items in _groups(ctx):
        section = ctx.sections[owner]
        if not _COMPARE_HEADING.search(section.title):
            continue  # a plain sibling set is the concept template's
        names = [name for name, _, _, _ in items]
        all_aliases = [_with_member_aliases(ctx, set(aliases)) for _, aliases, _, _ in items]
        pads, kind = _pads(ctx, names, all_aliases)
        if len(names) + len(pads) < 4:
            continue
        every = [a for group in all_aliases for a in group]
        pad_names = [a for _, al in pads for a in al]
        children = {ctx.sections[c].name: c for c in section.children}
        sources: list[tuple[int, int, str]] = []  # (item, sentence, text about the item)
        for si in section.sentences:
            for clause in _clauses(tidy(ctx.sentence(si).text), every):
                for item, aliases in enumerate(all_aliases):
                    stripped = strip_subject(clause, aliases)
                    if stripped:
                        sources.append((item, si, stripped))
        for item, name in enumerate(names):
            if name in children:
                for _, si in ctx.described_sentences(children[name]):
                    text = ctx.facts[si]
                    sources.append((item, si, strip_subject(text, all_aliases[item]) or text))
        for item, si, text in sources:
            if si not in ctx.facts or mentions(text, every + pad_names) or _PRONOUN_OPEN.match(text):
                continue
            statement = statement_text(korean.finish_statement(text)) if ctx.ko else text.rstrip(".") + "."
            if not statement or not 20 <= len(statement) <= 120:
                continue
            others = [(n, a) for j, (n, a) in enumerate(zip(names, all_aliases, strict=True)) if j != item]
            if _names_a_kind_of(ctx, statement, all_aliases[item]):
                continue  # round 15: 'gp2에서는 …' names an EBS volume type: the claim is not what is asked
            if len(others) < 3 and (_WHOLE_RANGE.search(statement) or _BOUND.search(statement)):
                continue  # only the compared item lacks it: a padded sibling may well have it too
            others = [*others, *pads][:3]
            answer = names[item]
            if ctx.ko:
                what = f"{kind}{korean.topic_particle(kind)}" if kind else "것은"
                stem = f"다음 설명에 해당하는 {what}?\n“{statement}”"
            else:
                stem = f"Which {kind or 'of these'} does the following describe?\n“{statement}”"
            line = ctx.sentence(si).start_line
            yield Candidate(
                kind=KIND,
                section=children.get(answer, owner),
                source_line=line,
                stem=stem,
                stem_core=statement,
                answer=answer,
                distractors=[n for n, _ in others],
                evidence=[ctx.quote(si)],
                evidence_lines=[line],
                aliases=[all_aliases[item], *(a for _, a in others)],
                score=2.4 + informative_score(statement) / 10,
                fact=f"{answer}|describe|{statement}",
            )


_KINDS = re.compile(r"\s(유형|종류|클래스)$")


def _names_a_kind_of(ctx: Context, text: str, aliases: set[str]) -> bool:
    """Does a statement name a member of the kinds of the answer ('gp2' of the group 'EBS 볼륨 유형' for EBS)?
    Knowing what gp2 is answers it, whatever the statement claims."""
    owners = {korean.normalise(a) for a in aliases}
    for group in ctx.hints:
        label = _KINDS.split(group.name)[0] if _KINDS.search(group.name) and not group.service else ""
        named = label and korean.normalise(label.split()[0]) in owners
        if named and mentions(text, [a for m in group.members for a in m.aliases]):
            return True
    return False
