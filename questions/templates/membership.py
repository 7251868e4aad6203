"""Round 11: '다음 중 <set>에 해당하지 않는 것은?' (Which of the following is NOT among the <set>?).

A set is a hint group with a natural category label ('EBS 볼륨 유형') or the concept headings under a parent
named like a category ('라우팅 정책'). (AWS service categories are left out: 'Athena' read as a database
service, 'DynamoDB' as storage, are arguable members, and a member must be one beyond doubt.) Three
choices are members; the right answer, the impostor, is a member of another set of the same topic (or of
a topic about a service of the same service category) of a like kind (`_near`: a set of another kind gives
itself away, 'YubiKey' among IAM policy elements), never a member, alias or name part of the asked
set, never named beside the set's label in the notes, and of the same shape (no word shared by the three
members and missing from it, no other head noun), so the wording alone does not give it away.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from questions import korean
from questions.candidate import Candidate
from questions.gates import _mentioning, candidate_problems, contains
from questions.templates._context import Context, is_concept, lengths_fit, pick_fitting, strip_subject
from questions.text import content_words, mentions

KIND = "membership"
_SCORE = -2.0  # filled late, after the negative questions of a section
# a quote that says nothing of the impostor ('끝으로 StackSets 가 있습니다', '본 코스에서는 … 알아본 바 있습니다')
_NARRATION = re.compile(r"(코스|알아본|살펴|끝으로|간단하게|여러분)")
# a set of kinds of a thing ('EBS 볼륨 유형'): its members are that thing too ('gp2' is an EC2 storage as
# much as 'EBS 볼륨'); a set of parts or strategies of it is not ('binpack' is no container service)
_KINDS_OF = re.compile(r"(유형|종류|클래스|types|kinds|classes)$", re.IGNORECASE)
_MIN_QUOTE_WORDS = 4
_PER_SET = 2  # questions per set, each with another impostor and member triple
# labels that are no category an exam names ('X-Ray 개념', 'CodeDeploy 용어', '서버 측·클라이언트 측 …'), or
# one so broad that anything of the service counts ('ECS 구성 요소': is Fargate one? is an MFA device an IAM one?)
_NOT_A_LABEL = re.compile(r"(개념|용어|·|^\S+ 구성 요소$)")
# a heading naming a kind of thing: its concept children form a set ('라우팅 정책', '인스턴스 유형')
_CATEGORY_HEAD = re.compile(r"(유형|종류|정책|전략|클래스|옵션|방식|모드|기능)$")
# a word two set labels may share without making them sets of one kind ('AWS 모니터링 서비스', 'AWS API 호출')
_TOO_COMMON = {"aws"}


@dataclass(frozen=True)
class Item:
    """A member of a set: its display name, every name it goes by, its heading (if any)."""

    name: str
    aliases: frozenset[str]
    section: int | None


@dataclass(frozen=True)
class MemberSet:
    """A named set of things of one kind, filed under the section and line that describe it."""

    label: str
    items: tuple[Item, ...]
    topic: int
    section: int
    line: int


def _mention_lines(ctx: Context, item: Item, allowed: set[int] | None) -> list[tuple[int, int]]:
    """(line, section) of the item's heading and of the sentences naming it, in the allowed topics."""
    out = []
    if item.section is not None:
        out.append((ctx.sections[item.section].line, item.section))
    for alias in sorted(a for a in item.aliases if len(a) >= 2):
        for si in _mentioning(ctx.notes, alias):
            sentence = ctx.sentence(si)
            out.append((sentence.start_line, sentence.section))
    return [(line, s) for line, s in out if allowed is None or ctx.sections[s].topic in allowed]


def _place(ctx: Context, label: str, items: tuple[Item, ...], allowed: set[int] | None) -> tuple[int, int, int] | None:
    """(topic, section, line) where a set is described: the topic most members sit in (by heading, else by
    mentions); there the heading named like the set ('라우팅 정책' for 'Route 53 라우팅 정책'), else the
    first member mention. (S3 is named all over '고급 S3', yet 'EC2 스토리지 유형' is an EBS topic set.)"""
    found = [m for item in items for m in _mention_lines(ctx, item, allowed)]
    if not found:
        return None
    topics: Counter[int] = Counter()
    for item in items:
        mine = _mention_lines(ctx, item, allowed)
        if item.section is not None and mine:
            mine = mine[:1]  # a member with a heading counts where its heading is
        topics.update({ctx.sections[s].topic for _, s in mine})
    topic = min(topics, key=lambda t: (-topics[t], t))
    words = label.split()
    tails = {korean.normalise(" ".join(words[i:])) for i in range(len(words)) if len(words) - i >= 2 or i == 0}
    for index, names in sorted(ctx.aliases.items()):
        section = ctx.sections[index]
        if section.topic == topic and {korean.normalise(n) for n in names} & tails:
            return topic, index, section.line
    line, section_index = min((line, s) for line, s in found if ctx.sections[s].topic == topic)
    return topic, section_index, line


def _topics_named(ctx: Context, name: str) -> set[int]:
    return {t.index for t in ctx.notes.topics() if name in ctx.sections[t.index].name}


def _group_sets(ctx: Context) -> list[MemberSet]:
    out = []
    for gi, members in enumerate(ctx.groups):
        hint = ctx.hints[gi]
        if len(members) < 3 or _NOT_A_LABEL.search(hint.name):
            continue
        items = tuple(Item(m.name, m.aliases, m.section) for m in members)
        allowed = _topics_named(ctx, hint.topic) if hint.topic else None
        place = _place(ctx, hint.name, items, allowed)
        if place:
            out.append(MemberSet(hint.name, items, *place))
    return out


def _heading_sets(ctx: Context) -> list[MemberSet]:
    """Concept headings under a parent named like a category, when none of them is a hint-group member."""
    by_parent = ctx.concept_children
    out = []
    for parent, children in sorted(by_parent.items()):
        section = ctx.sections[parent]
        if len(children) < 3 or any(c in ctx.group_of for c in children) or not is_concept(section):
            continue
        if not _CATEGORY_HEAD.search(section.name) or _NOT_A_LABEL.search(section.name):
            continue
        items = tuple(Item(ctx.sections[c].name, frozenset(ctx.aliases[c]), c) for c in sorted(children))
        out.append(MemberSet(section.name, items, section.topic, parent, section.line))
    return out


def member_sets(ctx: Context) -> list[MemberSet]:
    """Every set that can carry a question (cached on the context)."""
    cached: list[MemberSet] | None = ctx.__dict__.get("_member_sets")
    if cached is None:
        cached = ctx.__dict__["_member_sets"] = [*_group_sets(ctx), *_heading_sets(ctx)]
    return cached


def _services_of_topic(ctx: Context, topic: int) -> set[str]:
    """Service categories naming a service the topic's title names ('AWS CloudFront' -> networking)."""
    title = ctx.sections[topic].name
    return {
        h.name
        for h in ctx.hints
        if h.service and any(mentions(title, {a for a in m.aliases if len(a) >= 2}) for m in h.members)
    }


def _related_topics(ctx: Context, topic: int) -> set[int]:
    """Topics about a service of a category this topic's service belongs to (S3 and 고급 S3; CloudFront, DNS,
    VPC and ELB)."""
    mine = _services_of_topic(ctx, topic)
    return {t.index for t in ctx.notes.topics() if t.index != topic and mine & _services_of_topic(ctx, t.index)}


def _names(item: Item) -> set[str]:
    return {korean.normalise(a) for a in item.aliases | {item.name}}


def _is_part_of(ctx: Context, item: Item, target: MemberSet) -> bool:
    """Is the item (by any name) a member of the set, inside a member's name or holding one, or named in a
    sentence with the set's label (the notes may count it in)?"""
    for member in target.items:
        if _names(item) & _names(member):
            return True
        for a in item.aliases | {item.name}:
            for b in member.aliases | {member.name}:
                if len(korean.normalise(a)) > 1 and len(korean.normalise(b)) > 1 and (contains(a, b) or contains(b, a)):
                    return True
    label = target.label
    if len(content_words(label)) < 2:
        return False
    lines = {si for a in item.aliases if len(a) >= 2 for si in _mentioning(ctx.notes, a)}
    return any(mentions(ctx.sentence(si).text, {label}) for si in lines)


def _near(target: MemberSet, other: MemberSet) -> bool:
    """Is the other set of a like kind: do the labels share a word ('S3 스토리지 클래스', 'S3 성능 최적화 기능'),
    or is the asked set the kinds of a member of the other ('EBS 볼륨 유형' of EBS, an 'EC2 스토리지 유형': EFS
    is a fair impostor)? A set of another kind is too far: 'YubiKey' among IAM policy elements, 'Effect'
    among ways to reach AWS, 'EBS 볼륨' among S3 security features give themselves away."""
    words = {korean.normalise(w) for w in target.label.split()} - _TOO_COMMON
    if words & {korean.normalise(w) for w in other.label.split()}:
        return True
    return bool(_KINDS_OF.search(target.label)) and _names_member(target.label, other)


def _names_member(label: str, members: MemberSet) -> bool:
    return any(mentions(label, {a for a in m.aliases | {m.name} if len(a) >= 2}) for m in members.items)


def _impostors(ctx: Context, target: MemberSet) -> list[tuple[Item, MemberSet]]:
    """Members of other sets of the topic first, then of related topics, one of each set in turn (two
    questions of a set get impostors of two sets). Never a member of a set that shares a member with the
    asked one, nor of a set of a member's kinds ('gp2' of 'EBS 볼륨 유형' is an EC2 storage all the same), nor,
    from another topic, of a set named after a member ('MFA 삭제' of 'S3 보안 기능' for 'EC2 스토리지 유형')."""
    related = _related_topics(ctx, target.topic)
    out: list[tuple[int, int, int, str, Item, MemberSet]] = []
    for other in member_sets(ctx):
        if other is target or other.label == target.label or not _near(target, other):
            continue
        rank = 0 if other.topic == target.topic else 1 if other.topic in related else None
        if rank is None or any(_names(a) & _names(b) for a in other.items for b in target.items):
            continue
        if _names_member(other.label, target) and (rank == 1 or _KINDS_OF.search(other.label)):
            continue  # a kind of a member is a member; a feature of it, from another topic, reads as a filler
        usable = [item for item in other.items if not _is_part_of(ctx, item, target)]
        out.extend((rank, place, other.line, item.name, item, other) for place, item in enumerate(usable))
    out.sort(key=lambda entry: entry[:4])
    seen: set[str] = set()
    kept = []
    for *_, item, other in out:
        if korean.normalise(item.name) not in seen:
            seen.add(korean.normalise(item.name))
            kept.append((item, other))
    return kept


_MARKS = re.compile(r"[^\w\s]")


def _case_style(name: str) -> str | None:
    """How a single Latin identifier (a key, a hook) is written: 'lower' (install, pre_build) or 'capital'
    (ValidateService, Custom); None for anything else (acronyms such as EFS, names of two words)."""
    if re.fullmatch(r"[a-z][a-z0-9_]*", name):
        return "lower"
    return "capital" if re.fullmatch(r"[A-Z][a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*", name) else None


def _camel_parts(name: str) -> set[str]:
    return set(re.findall(r"[A-Z][a-z0-9]*", name)) if _case_style(name) == "capital" else set()


def _shape_set_apart(impostor: str, members: list[str]) -> bool:
    """A code among names ('us-east-1' among --dry-run, --profile, --image-id: digits none of them has), an
    option among codes ('--dry-run' among us-east-1, us-west-1, eu-west-1: a leading mark none has), an
    identifier cased unlike the members ('BeforeInstall' among install, pre_build, post_build) or lacking a
    camel-case part all of them share ('ApplicationStop' among CodeCommit, CodeBuild, CodePipeline)."""
    if re.search(r"\d", impostor) and not any(re.search(r"\d", m) for m in members):
        return True
    leads = {bool(_MARKS.match(m)) for m in members}
    if len(leads) == 1 and bool(_MARKS.match(impostor)) not in leads:
        return True
    styles = {_case_style(m) for m in members}
    if len(styles) == 1 and None not in styles and _case_style(impostor) not in styles | {None}:
        return True
    shared = set.intersection(*(_camel_parts(m) for m in members))
    return bool(shared - _camel_parts(impostor))


def _gives_away(impostor: str, members: list[str]) -> bool:
    """Would the shape pick out the impostor: a word all three members share that it lacks, a head noun
    two members share that it does not have ('CNAME 레코드' among routing '정책'), Hangul among pure Latin
    names or the reverse ('MFA 삭제' among gp2, gp3, io1), or marks the members do not use ('--dry-run'
    among AWS CLI, AWS SDK, CloudShell; 'Fn::GetAtt' among stack features), or a shape of its own
    (`_shape_set_apart`)?"""
    shared = set.intersection(*({korean.normalise(w) for w in m.split()} for m in members))
    if shared - {korean.normalise(w) for w in impostor.split()}:
        return True
    heads = [korean.head_noun(m) for m in members if len(m.split()) > 1]
    common = {h for h in heads if heads.count(h) >= 2}
    if common and korean.head_noun(impostor) not in {korean.head_noun(m) for m in members}:
        return True
    if all(not korean.has_hangul(m) for m in members) and korean.has_hangul(impostor):
        return True
    if all(not re.search(r"[A-Za-z]", m) for m in members) and not korean.has_hangul(impostor):
        return True
    if _shape_set_apart(impostor, members):
        return True
    marks = [set(_MARKS.findall(m)) for m in members]
    own = set(_MARKS.findall(impostor))
    return bool(own - set().union(*marks)) or bool(set.intersection(*marks) - own)


def _evidence(ctx: Context, item: Item, home: MemberSet) -> str | None:
    """A sentence naming the impostor in its own set's topic (its heading's first fact first), and under the
    headings its hint group is scoped to (buildspec's 'install', not CodeDeploy's 'Install' hook)."""
    lines: list[int] = []
    if item.section is not None:
        lines += [si for si in ctx.sections[item.section].sentences if si in ctx.facts]
    group = next((gi for gi, h in enumerate(ctx.hints) if h.name == home.label and not h.service), None)
    for alias in sorted(a for a in item.aliases if len(a) >= 2):
        for si in _mentioning(ctx.notes, alias):
            section = ctx.sentence(si).section
            if ctx.sections[section].topic == home.topic and (group is None or ctx.in_group_topic(group, section)):
                lines.append(si)
    names = set(item.aliases | {item.name})
    lines.sort(key=lambda si: strip_subject(ctx.facts.get(si) or "", names) is None)  # 'EFS는 …' first
    for si in lines:
        text = ctx.facts.get(si) or ""
        if _NARRATION.search(text) or len(content_words(text)) < _MIN_QUOTE_WORDS:
            continue
        if 12 <= len(text) <= 160 and mentions(text, names):
            return ctx.quote(si)
    return None


def _triples(members: list[Item], impostor: str) -> Iterator[list[Item]]:
    """Member triples whose lengths sit with the impostor's, each starting from another member."""
    for start in range(len(members)):
        pool = [(m.name, i) for i, m in enumerate(members[start:] + members[:start])]
        order = members[start:] + members[:start]
        picked = pick_fitting(impostor, pool)
        if picked:
            yield [order[i] for i in picked]


def _stem(ctx: Context, label: str) -> str:
    return f"다음 중 {label}에 해당하지 않는 것은?" if ctx.ko else f"Which of the following is NOT among the {label}?"


def _explanation(ctx: Context, target: MemberSet, impostor: Item, home: MemberSet, quote: str) -> str:
    members = ", ".join(m.name for m in target.items)
    if ctx.ko:
        particle = korean.topic_particle(impostor.name)
        return f"“{quote}” — {impostor.name}{particle} {home.label}에 속합니다. {target.label}: {members}"
    return f"“{quote}” — {impostor.name} belongs to the {home.label}. {target.label}: {members}"


def _distinct_members(target: MemberSet) -> list[Item]:
    """Members whose names neither hold nor sit inside an earlier member's ('정기 예약 인스턴스' beside
    '예약 인스턴스' reads as one of the other)."""
    kept: list[Item] = []
    for item in target.items:
        if not any(contains(item.name, k.name) or contains(k.name, item.name) for k in kept):
            kept.append(item)
    return kept


def _questions(ctx: Context, target: MemberSet) -> Iterator[Candidate]:
    members = _distinct_members(target)
    if len(members) < 3:
        return
    made: list[tuple[str, frozenset[str]]] = []
    for impostor, home in _impostors(ctx, target):
        quote = _evidence(ctx, impostor, home)
        if quote is None:
            continue
        for trio in _triples(members, impostor.name):
            names = [m.name for m in trio]
            if _gives_away(impostor.name, names) or not lengths_fit(impostor.name, names):
                continue
            if any(frozenset(names) == used for _, used in made):
                continue
            candidate = Candidate(
                kind=KIND,
                section=target.section,
                source_line=target.line,
                stem=_stem(ctx, target.label),
                stem_core=target.label,
                answer=impostor.name,
                distractors=names,
                evidence=[quote],
                evidence_lines=[],
                aliases=[set(impostor.aliases | {impostor.name}), *(set(m.aliases | {m.name}) for m in trio)],
                score=_SCORE,
                fact=f"{target.label}|{impostor.name}",
                explanation=_explanation(ctx, target, impostor, home, quote),
            )
            if candidate_problems(candidate, ctx.notes):
                continue  # another triple may fit: the set's quota goes to questions that pass
            made.append((impostor.name, frozenset(names)))
            yield candidate
            break
        if len(made) >= _PER_SET:
            return


def generate(ctx: Context) -> Iterator[Candidate]:
    for target in member_sets(ctx):
        yield from _questions(ctx, target)
