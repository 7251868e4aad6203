"""T4 term -> definition: 'which statement describes X', statements taken from sibling sections."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from questions.candidate import Candidate
from questions.subjects import OWN_SUBJECT
from questions.templates._context import ASPECT_HEAD, Context, GroupMember
from questions.templates.cloze import short_for_sibling
from questions.text import content_words, mentions, tokens

KIND = "definition"


def forbidden_names(names: list[set[str]]) -> list[str]:
    """Every alias of the choices plus each word of them that the others do not share."""
    out: list[str] = []
    for index, aliases in enumerate(names):
        out.extend(aliases)
        others: set[str] = set()
        for j, other in enumerate(names):
            if j != index:
                for alias in other:
                    others |= tokens(alias)
        for alias in aliases:
            out.extend(t for t in tokens(alias) - others if len(t) >= 2)
    return out


def best_statement(ctx: Context, section: int, forbidden: list[str], used: set[str]) -> tuple[str, int] | None:
    """The best sentence of a section that has the section's concept as its subject."""
    ranked = ctx.described_sentences(section)
    for _score, si in ranked:
        statement = ctx.statement(si, forbidden, ctx.aliases[section])
        if statement and statement not in used:
            return statement, si
    # Lecture notes often leave the subject implicit under its heading: take a strong sentence.
    for score, si in ranked:
        statement = ctx.statement(si, forbidden) if score >= 3.0 else None
        if statement and statement not in used:
            return statement, si
    return None


def generate(ctx: Context) -> Iterator[Candidate]:
    for section in ctx.sections:
        pool = [i for score, i in ctx.concept_pool(section.index) if score >= 3.0][:6]
        if len(pool) < 3 or section.parent is None:  # whole topics are too broad to describe in one line
            continue
        if section.index not in ctx.group_of and ASPECT_HEAD.search(section.name):
            continue  # 'S3 퍼포먼스': a statement under it is of one feature (Transfer Acceleration), not of it
        group = [section.index, *pool]
        forbidden = forbidden_names([ctx.aliases[i] for i in group])
        found = best_statement(ctx, section.index, forbidden, set())
        if not found:
            continue
        answer, si = found
        used = {answer}
        distractors: list[str] = []
        for other in pool:
            statement = best_statement(ctx, other, forbidden, used)
            if statement:
                distractors.append(statement[0])
                used.add(statement[0])
            if len(distractors) == 3:
                break
        if len(distractors) < 3:
            continue
        yield statement_candidate(ctx, section.name, section.index, si, answer, distractors, score=2.0)


def _member_statements(ctx: Context, member: GroupMember, forbidden: list[str]) -> list[tuple[str, int]]:
    """Statements about a hint-group member: its section's sentences, or sentences with it as subject."""
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    # only sentences with the member as their subject: a sentence cut from its context
    # ('같은 목적을 달성하지만, 방법이 다르고…') is no statement about anything
    topics = {ctx.sections[m.section].topic for m in ctx.groups[member.group] if m.section is not None}
    for si in ctx.facts:
        if topics and ctx.sections[ctx.sentence(si).section].topic not in topics:
            continue
        if not mentions(ctx.facts[si], member.aliases):
            continue
        if short_for_sibling(ctx, si, member, ctx.groups[member.group]):
            continue  # '즉, 서브넷은 www에 접근할 수 있고 …' after '공용 서브넷은 …': the public subnet's claim
        statement = ctx.statement(si, forbidden, set(member.aliases))
        if statement and statement not in seen:
            out.append((statement, si))
            seen.add(statement)
    return out


def group_generate(ctx: Context) -> Iterator[Candidate]:
    """'다음 중 X에 대한 설명으로 옳은 것은?' over a hint group: each wrong statement is about a sibling
    and holds a word of that sibling's notes that the answer's notes lack (so it is false of X)."""
    for members in ctx.groups:
        if len(members) < 4:
            continue
        forbidden = forbidden_names([set(m.aliases) for m in members])
        statements = {m.name: _member_statements(ctx, m, forbidden) for m in members}
        vocab = {m.name: ctx.member_vocabulary(m) for m in members}
        for member in members:
            for answer, si in statements[member.name][:2]:
                if not ctx.discriminates(answer, vocab[member.name], []):
                    continue
                distractors: list[str] = []
                for other in members:
                    if other is member:
                        continue
                    own = vocab[other.name] - vocab[member.name]
                    for text, _ in statements[other.name]:
                        if _said_of_answer(text, vocab[member.name]):
                            continue
                        if content_words(text) & own and text not in distractors:
                            distractors.append(text)
                            break
                    if len(distractors) == 3:
                        break
                if len(distractors) < 3:
                    continue
                section = member.section if member.section is not None else ctx.sentence(si).section
                yield statement_candidate(ctx, member.name, section, si, answer, distractors, score=2.5)


# a worked example or a gloss, not a property ('… 필요한 경우입니다', '… 의미입니다', '첫 번째 인스턴스')
_NOT_PROPERTY = re.compile(r"(경웁니다|경우입니다|의밉니다|의미입니다|번째|예시|이번에는)")


def own_statements(ctx: Context, section: int, aliases: set[str], forbidden: list[str]) -> list[tuple[str, int]]:
    """Statements of a member's own section about the member: it is the subject ('CNAME은 …', cut off),
    or the subject is left implicit under its heading and the sentence carries a key phrase."""
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    for score, si in ctx.described_sentences(section):
        statement = ctx.statement(si, forbidden, aliases)
        if statement is None:
            fact = ctx.facts[si]
            if OWN_SUBJECT.match(fact) or (score < 2.0 and not ctx.sentence(si).spans):
                continue  # an implicit subject only for the section's key phrases or strong lines
            statement = ctx.statement(si, forbidden, min_score=0.0)
        if statement and statement not in seen and len(statement) >= 12 and not _NOT_PROPERTY.search(statement):
            out.append((statement, si))
            seen.add(statement)
    return out


def _short_names(member: GroupMember, members: list[GroupMember]) -> set[str]:
    """A member's names plus the name without the kind word its siblings share ('CNAME 레코드' -> 'CNAME')."""
    heads = Counter(m.name.split()[-1] for m in members if len(m.name.split()) > 1)
    names = set(member.aliases)
    for name in member.aliases:
        words = name.split()
        if len(words) > 1 and heads[words[-1]] >= 2 and len(" ".join(words[:-1])) >= 2:
            names.add(" ".join(words[:-1]))
    return names


def member_generate(ctx: Context) -> Iterator[Candidate]:
    """'다음 중 X에 대한 설명으로 옳은 것은?' over the hint-group members that have their own section: the
    right statement comes from X's section, each wrong one from a sibling's section (its name cut off)
    and holds a word of that sibling's notes that X's lack, so it is clearly about the other member."""
    for members in ctx.groups:
        owned = [m for m in members if m.section is not None]
        if len(owned) < 4:
            continue
        forbidden = forbidden_names([set(m.aliases) for m in owned])
        vocab = {m.name: ctx.vocabulary(m.section) for m in owned if m.section is not None}
        statements = {
            m.name: own_statements(ctx, m.section, _short_names(m, owned), forbidden)
            for m in owned
            if m.section is not None
        }
        for member in owned:
            others = [m for m in owned if m is not member and not ctx.is_related(member.section, m.section)]
            for answer, si in statements[member.name][:3]:
                distractors: list[str] = []
                chosen: list[frozenset[str]] = []
                for other in others:
                    own = vocab[other.name] - vocab[member.name]
                    for text, _ in statements[other.name]:
                        if _said_of_answer(text, vocab[member.name]):
                            continue
                        if content_words(text) & own and text not in distractors:
                            distractors.append(text)
                            chosen.append(vocab[other.name])
                            break
                    if len(distractors) == 3:
                        break
                if len(distractors) < 3 or not ctx.discriminates(answer, vocab[member.name], chosen):
                    continue
                yield statement_candidate(ctx, member.name, member.section, si, answer, distractors, score=3.0)


_VERSIONED = re.compile(r"[a-z]v\d", re.IGNORECASE)  # IPv4, SigV4; not EC2 or S3, which are names


def _said_of_answer(text: str, answer_vocab: frozenset[str]) -> bool:
    """A sibling's statement whose versioned name (IPv4, IPv6) the answer's own notes use too: 'maps a host
    name to IPv4' is also true of an alias record, which is of type A or AAAA (round 14, thinC)."""
    return any(_VERSIONED.search(word) and word in answer_vocab for word in content_words(text))


def statement_candidate(
    ctx: Context,
    name: str,
    section: int,
    si: int,
    answer: str,
    distractors: list[str],
    *,
    score: float,
    last: bool = False,
) -> Candidate:
    """'Which statement describes NAME?' with the statement of sentence ``si`` as the answer."""
    stem = f"다음 중 {name}에 대한 설명으로 옳은 것은?" if ctx.ko else f"Which statement describes {name}?"
    sentence = ctx.sentence(si)
    return Candidate(
        kind=KIND,
        section=section,
        source_line=sentence.start_line,
        stem=stem,
        stem_core=name,
        answer=answer,
        distractors=distractors,
        evidence=[ctx.quote(si)],
        evidence_lines=[sentence.start_line],
        aliases=[{answer}, *({d} for d in distractors)],
        score=score,
        fact=f"{name}|{ctx.quote(si)}",
        last=last,
    )
