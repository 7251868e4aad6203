"""Round 10: '다음 중 X에 대한 설명으로 옳지 않은 것은?' (Which statement about X is NOT true?).

The three true choices are distinct statements of X's own section (X's name cut off); the right
answer, the odd one, is a statement of a sibling of X (another member of X's hint group, or a concept
section under the same parent) that holds a word the notes never use in X's section, so it is false
of X. No choice names X or a sibling: a named subject would give the answer away.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from questions import korean
from questions.candidate import Candidate
from questions.gates import _VAGUE_TAIL
from questions.subjects import OWN_SUBJECT
from questions.templates._context import Context, lengths_fit, pick_fitting
from questions.templates.definition import (
    _NOT_PROPERTY,
    _short_names,
    forbidden_names,
    own_statements,
    statement_candidate,
)
from questions.templates.service import _SECOND_SUBJECT, _SHARED_WITH_ANSWER, _VAGUE
from questions.text import content_words, distinctive_leak, in_case_study, mentions

KIND = "negative"
_HANGUL = re.compile(r"[가-힣]+")
_MIN_WORDS = 3  # content words of every choice: fewer says too little to be judged true or false
_MIN_ODD_WORDS = 4  # the odd statement must say enough to be judged false of X
_TIED = 2  # sentences of X's section naming a sibling that tie the two (its claims may hold of X too)
_SAME_FACT = 0.6  # two true statements sharing this share of their words restate one fact
# below the other templates: a section's quota goes to them first, the negative form fills what is left
_SCORE = -1.0
_PER_CONCEPT = 40  # candidates per concept; the selection keeps at most two per section, on unquoted lines
# a definition of another term ('샤드란 …'), a worked example ('4개에서 2개를 추가해 총 6개'), a narrated aside,
# a list cut from its lead ('샘플링, 백분율, 최댓값과 최솟값 등입니다', 'GetObject, DeleteObject, … 것들입니다'),
# a claim about listed others ('Github, GitLab Bitbucket 등 제3자 서비스가 있으나 …' under CodeCommit, 'Ansible,
# Terraform Chef, Puppet 등 많습니다'), a line naming another term ('… 것으로 코드 종속성이라고 합니다')
_NOT_OWN_CLAIM = re.compile(
    r"^(\S+\s)?\S+(이)?란\s|예를 들어|(\d+\s?(개|대)\D+){2}|여러분|우리|살펴보|다른 (설정|방식)|"
    r"(등|것들)입니다\.?$|\s등 (많|여러|다양)|라고 (합니다|부릅니다)\.?$|^(\S+,\s){2}|^\S+,\s[^,]*?\s등\s"
)

# a pointer with nothing before it in the sentence to point at ('트러블 슈팅도 이를 기반으로 …', '지표 필터 덕분에
# 이와 같은 상황의 …'), a case only the lines before set up ('계정 B와 마찬가지로 공통 계정을 …'), or what one
# can tell left to the line before ('보통 지표의 이름을 보고 알 수 있습니다': tell what?), or the first of a list
# the lines after go on with ('EC2 인스턴스와 온프레미스 서버로 배포하는 첫 사례입니다')
_UNANCHORED = re.compile(
    r"^(\S+\s){0,3}(이를|이와 같은|이런|이러한|그런)\s|마찬가지로|계정 [A-Z](?![A-Za-z])|"
    r"보고 알 수 있습니다|(^|\s)첫 (사례|번째)"
)


@dataclass(frozen=True)
class Concept:
    """A concept with its own section: its display name and the names a statement must not use."""

    name: str
    section: int
    names: frozenset[str]


def _group_families(ctx: Context) -> list[list[Concept]]:
    """Hint groups, their members that have a section of their own."""
    out = []
    for members in ctx.groups:
        owned = [m for m in members if m.section is not None]
        if len(owned) >= 2:
            out.append([Concept(m.name, m.section, frozenset(_short_names(m, owned))) for m in owned if m.section])
    return out


def _section_families(ctx: Context) -> list[list[Concept]]:
    """Concept sections under one parent, when none of them is a hint-group member (those are asked
    beside their group)."""
    by_parent = ctx.concept_children
    out = []
    for children in by_parent.values():
        if len(children) < 2 or any(c in ctx.group_of for c in children):
            continue
        out.append([Concept(ctx.sections[c].name, c, frozenset(ctx.aliases[c])) for c in children])
    return out


def _usable(ctx: Context, statement: str, si: int) -> bool:
    """A self-contained, specific claim: no vague praise, no second subject, no worked example."""
    sentence = ctx.sentence(si)
    return (
        len(content_words(statement)) >= _MIN_WORDS
        and not _VAGUE.search(statement)
        and not _VAGUE_TAIL.search(statement)
        and not _SECOND_SUBJECT.search(statement)
        and not _NOT_PROPERTY.search(statement)
        and not _NOT_OWN_CLAIM.search(statement)
        and not _UNANCHORED.search(statement)
        and not in_case_study(ctx.notes.lines, sentence.start_line)
    )


def _paragraph(ctx: Context, si: int) -> tuple[int, str]:
    """The first line and the text of the paragraph (lines between blank lines) a sentence sits in."""
    lines = ctx.notes.lines
    first = ctx.sentence(si).start_line - 1
    while first > 0 and lines[first - 1].strip() and not lines[first - 1].startswith("#"):
        first -= 1
    last = ctx.sentence(si).end_line - 1
    while last + 1 < len(lines) and lines[last + 1].strip() and not lines[last + 1].startswith("#"):
        last += 1
    return first, " ".join(lines[first : last + 1])


def _about(ctx: Context, concept: Concept, si: int) -> bool:
    """Is the sentence about the concept: in the first paragraph under its heading, or in a paragraph
    naming it? (Lecture sections drift: 'VPC 피어링' goes on to endpoints and VPN without a heading.)"""
    first, text = _paragraph(ctx, si)
    section = ctx.sections[concept.section]
    heading_gap = ctx.notes.lines[section.line : first]
    return not any(line.strip() for line in heading_gap) or mentions(text, set(concept.names))


def _statements(ctx: Context, concept: Concept, forbidden: list[str]) -> list[tuple[str, int]]:
    """Usable statements about the concept from its own section (cached per forbidden list)."""
    cache: dict[tuple[int, tuple[str, ...]], list[tuple[str, int]]] = ctx.__dict__.setdefault("_negative", {})
    key = (concept.section, tuple(forbidden))
    if key not in cache:
        found = own_statements(ctx, concept.section, set(concept.names), forbidden)
        found += [item for item in _opening(ctx, concept, forbidden) if item not in found]
        cache[key] = [(t, si) for t, si in found if _usable(ctx, t, si) and _about(ctx, concept, si)]
    return cache[key]


def _opening(ctx: Context, concept: Concept, forbidden: list[str]) -> list[tuple[str, int]]:
    """Plain claims of the paragraphs about the concept (the first under its heading, or one naming it)
    whose subject the heading leaves implicit ('사용한 만큼 지불하는 옵션입니다' under '온디맨드 인스턴스')."""
    section = ctx.sections[concept.section]
    out = []
    for si in section.sentences:
        if not _about(ctx, concept, si):
            continue
        fact = ctx.facts.get(si)
        statement = ctx.statement(si, forbidden, min_score=0.0) if fact else None
        if fact and statement and len(statement) >= 12 and not OWN_SUBJECT.match(fact):
            out.append((statement, si))
    return out


def _said_in(ctx: Context, statement: str, section: int) -> bool:
    """Does the section hold the statement's sentence too (notes repeat a line under two headings)?"""
    needle = korean.normalise(statement.rstrip("."))[:30]
    return any(needle in korean.normalise(ctx.sentence(i).text) for i in ctx.sections[section].sentences)


def _distinct(statements: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Statements of different sentences that do not restate each other."""
    out: list[tuple[str, int]] = []
    for text, si in statements:
        words = content_words(text)
        if all(len(words & content_words(t)) < _SAME_FACT * min(len(words), len(content_words(t))) for t, _ in out):
            out.append((text, si))
    return out


def _false_of(ctx: Context, statement: str, owner: Concept, concept: Concept, family: list[Concept]) -> bool:
    """Is a sibling's statement clearly not said of X: it holds a key word of the sibling (its heading or
    a marked phrase of its section) that neither X's section nor any other member's uses, and most of
    its words are not X's? A claim in plain words ('I/O 성능 향상을 위해 활용', '두 개 AZ의 장애를
    버팁니다') is often true of X as well, whatever the notes say of it."""
    if _works_with(ctx, concept, owner):
        return False
    words = content_words(statement)
    mine = ctx.vocabulary(concept.section)
    rest = set().union(*(ctx.vocabulary(c.section) for c in family if c is not owner), _said_of(ctx, concept))
    keys = words & (ctx.vocabulary(owner.section) - rest) & ctx.term_words(owner.section)
    if not any(_recurring(ctx, owner, key) for key in keys):
        return False
    return len(words & mine) <= _SHARED_WITH_ANSWER * len(words)


def _works_with(ctx: Context, concept: Concept, owner: Concept) -> bool:
    """Does X's own section name the sibling in two sentences or more? Then X works with it or is told
    beside it (CodePipeline runs CodeBuild and CodeDeploy, CodeStar sets them up, EFS is told against EBS,
    NLB against ALB), and what the sibling does may well be said of X too ('람다나 ECS에도 블루/그린 배포를 할
    수 있습니다' is CodeDeploy's, and a CodePipeline deploy stage's). One passing mention is no such tie."""
    names = {n for n in owner.names if len(n) >= 2}
    found = [si for si in ctx.sections[concept.section].sentences if mentions(ctx.sentence(si).text, names)]
    return len(found) >= _TIED


def _recurring(ctx: Context, owner: Concept, word: str) -> bool:
    """Is the word a theme of the owner: in its name or in two sentences of its section? (A word said
    once, '컴퓨터뿐만', '몇 번의', is an inflected aside, not a mark of the owner.)"""
    if word in {w for name in owner.names for w in content_words(name)}:
        return True
    section = ctx.sections[owner.section]
    found = [si for si in section.sentences if word in content_words(ctx.sentence(si).text)]
    return len(found) >= 2


def _said_of(ctx: Context, concept: Concept) -> frozenset[str]:
    """Content words of every sentence of the notes that names the concept (X-Ray named beside Lambda
    elsewhere makes a Lambda claim a poor 'not true of X-Ray'); cached."""
    cache: dict[int, frozenset[str]] = ctx.__dict__.setdefault("_negative_said", {})
    if concept.section not in cache:
        names = {n for n in concept.names if len(n) >= 2}
        found = [s.text for s in ctx.notes.sentences if names and mentions(s.text, names)]
        cache[concept.section] = frozenset().union(*(content_words(t) for t in found))
    return cache[concept.section]


def _trio(odd: str, truths: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The first three true statements (best first) whose lengths sit with the odd one's."""
    for a in range(len(truths)):
        for b in range(a + 1, len(truths)):
            for c in range(b + 1, len(truths)):
                trio = [truths[a], truths[b], truths[c]]
                if lengths_fit(odd, [t for t, _ in trio]):
                    return trio
    return []


def _explanation(ctx: Context, odd: str, owner: Concept, concept: Concept, truths: list[tuple[str, int]]) -> str:
    quoted = " / ".join(f"“{ctx.quote(si)}”" for _, si in truths)
    if ctx.ko:
        return f"“{odd}”는 {owner.name}에 대한 설명입니다. {concept.name}: {quoted}"
    return f"“{odd}” is said of {owner.name}. {concept.name}: {quoted}"


def _forbidden(ctx: Context, family: list[Concept]) -> list[str]:
    """The names no choice may hold: every name of the family (X, the asked concept, first), and each word
    only one of them has ('스토어' of '인스턴스 스토어') unless it is a sibling's and the sections of two other
    members say it too: there it is a plain word of the subject ('인스턴스' beside 'EBS', '암호화' beside
    'SSE-S3'), not a name mark. A word of X's own name stays out ('로그 만료 정책을 …' for CloudWatch 로그
    would be found by the word alone)."""
    out = forbidden_names([set(c.names) for c in family])
    full = {name for c in family for name in c.names}
    common = {
        word
        for c in family[1:]
        for word in {w for name in c.names for w in content_words(name)}
        if _HANGUL.fullmatch(word) and sum(word in ctx.vocabulary(o.section) for o in family if o is not c) >= 2
    }
    return [name for name in out if name in full or name not in common]


def _questions(ctx: Context, concept: Concept, family: list[Concept]) -> Iterator[Candidate]:
    siblings = [c for c in family if c is not concept and not ctx.is_related(c.section, concept.section)]
    if not siblings:
        return
    forbidden = _forbidden(ctx, [concept, *siblings])
    truths = _distinct(_statements(ctx, concept, forbidden))
    if len(truths) < 3:
        return  # X must be a real concept with three facts of its own
    made = 0
    for owner in siblings:
        for odd, si in _statements(ctx, owner, forbidden):
            if len(content_words(odd)) < _MIN_ODD_WORDS or _said_in(ctx, odd, concept.section):
                continue
            if not _false_of(ctx, odd, owner, concept, family):
                continue
            trio = _trio(odd, truths)
            if not trio:
                continue
            sentence = ctx.sentence(si)
            stem = (
                f"다음 중 {concept.name}에 대한 설명으로 옳지 않은 것은?"
                if ctx.ko
                else f"Which statement about {concept.name} is NOT true?"
            )
            yield Candidate(
                kind=KIND,
                section=concept.section,
                source_line=sentence.start_line,
                stem=stem,
                stem_core=concept.name,
                answer=odd,
                distractors=[t for t, _ in trio],
                evidence=[ctx.quote(si)],
                evidence_lines=[sentence.start_line],
                aliases=[{odd}, *({t} for t, _ in trio)],
                score=_SCORE,
                fact=f"{concept.name}|not|{ctx.quote(si)}",
                explanation=_explanation(ctx, odd, owner, concept, trio),
            )
            made += 1
            if made >= _PER_CONCEPT:
                return


def _concepts(ctx: Context) -> Iterator[tuple[Concept, list[Concept]]]:
    """Every concept with a section of its own, once, with its family."""
    seen: set[int] = set()
    for family in [*_group_families(ctx), *_section_families(ctx)]:
        for concept in family:
            if concept.section not in seen:
                seen.add(concept.section)
                yield concept, family


def generate(ctx: Context) -> Iterator[Candidate]:
    for concept, family in _concepts(ctx):
        yield from _questions(ctx, concept, family)


_TRUE_PER_CONCEPT = 3  # right statements tried per concept in the positive form
_TRUE_SCORE = 0.5  # below the other templates' questions of a section: the positive form fills what they leave


def _names_by_word(text: str, concept: Concept, siblings: list[Concept]) -> bool:
    """Does the statement hold a word of X's name that no sibling's name has, or its Korean reading ('빌드'
    of CodeBuild)?"""
    return distinctive_leak(text, concept.names, [n for c in siblings for n in c.names]) is not None


def true_generate(ctx: Context) -> Iterator[Candidate]:
    """Round 14: the same families asked the positive way, '다음 중 X에 대한 설명으로 옳은 것은?' (a
    ``definition`` question): the right statement is one of X's own, each wrong one a sibling's statement
    that is clearly false of X by the rule above (a key word of the sibling's never used of X), one per
    sibling where it can, lengths balanced."""
    for concept, family in _concepts(ctx):
        siblings = [c for c in family if c is not concept and not ctx.is_related(c.section, concept.section)]
        if len(siblings) < 2:
            continue
        forbidden = _forbidden(ctx, [concept, *siblings])
        pool: list[tuple[str, int]] = []  # false statements, one sibling after another
        per_owner = [
            [
                odd
                for odd, _ in _statements(ctx, owner, forbidden)
                if len(content_words(odd)) >= _MIN_ODD_WORDS
                and not _said_in(ctx, odd, concept.section)
                and _false_of(ctx, odd, owner, concept, family)
            ]
            for owner in siblings
        ]
        for depth in range(max((len(odds) for odds in per_owner), default=0)):
            pool += [(odds[depth], i) for i, odds in enumerate(per_owner) if depth < len(odds)]
        if len({i for _, i in pool}) < 2:
            continue  # three wrong statements of one sibling would ask 'X or Y'
        for turn, (answer, si) in enumerate(_statements(ctx, concept, forbidden)[:_TRUE_PER_CONCEPT]):
            # each right statement starts the pool at another depth: one concept's questions vary their wrong ones
            start = turn * len(siblings) % len(pool)
            order = [*range(start, len(pool)), *range(start)]
            picked = pick_fitting(answer, [(pool[n][0], n) for n in order])
            if len(picked) == 3 and len({pool[n][1] for n in picked}) >= 2:
                distractors = [pool[n][0] for n in picked]
                if _names_by_word(answer, concept, siblings) and not any(
                    _names_by_word(d, concept, siblings) for d in distractors
                ):
                    continue  # '코드 빌드 혹은 코드 테스트를 완료하면 …' is CodeBuild's by its name alone
                yield statement_candidate(
                    ctx, concept.name, concept.section, si, answer, distractors, score=_TRUE_SCORE, last=True
                )
