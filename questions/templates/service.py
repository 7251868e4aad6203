"""Round 10: AWS services by category (hint groups marked ``service: true``).

Two question shapes, both with distractors from the answer's own category (storage beside storage,
monitoring beside monitoring), padded from a ``near:`` category only when the category is short:

- cloze on a service named as the subject of a sentence ('EBS는 … 반면 (　　)은(는) 다중 가용 영역에 …');
  a service named as an object or an aside ('RDS 데이터베이스를 (　　) 환경에서 분리') is never blanked;
- '다음 중 X에 대한 설명으로 옳은 것은?' over sentences whose subject is X; each wrong statement has
  another service of the category as its subject.

Every offered distractor is one the notes never say the statement of: a wrong choice that the notes
describe with the same predicate would be a second right answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from questions import korean
from questions.candidate import Candidate
from questions.gates import candidate_problems, predicate_said_of, sentence_words, spelled_out
from questions.subjects import OWN_SUBJECT
from questions.templates._context import Context, lengths_fit, pick_fitting, strip_subject
from questions.templates.cloze import completes_name
from questions.templates.definition import forbidden_names, statement_candidate
from questions.text import content_words, informative_score, mask, mentions, term_pattern

CLOZE = "cloze"
_SUBJECT = {"은", "는", "이", "가", "에서는"}
# where a clause (and so a new subject) starts: the sentence opening or a clause ending before the name
_CLAUSE_BREAK = re.compile(r"(^|,\s|(반면|며|고|지만|는데|그리고|또한)\s)$")
# claims that say nothing a service could be told apart by (storage auto scaling is
# said of RDS but true of EFS and DynamoDB as well)
_VAGUE = re.compile(
    r"(다양한|마법|활성화되어 있습니다|호환성이 높|알아서|에도 좋습니다|확인해야|원하는지|도와|기타 서비스|"
    r"중 하나|수도 있습니다|스케일링을 수행)"
)
# a second clause with its own subject ('… 전송하며 VPC Flow Logs 는 …'): a statement about two things
_SECOND_SUBJECT = re.compile(r"(며|고|지만|반면|,)\s+\S*[^\s있없하되된한갖]\s?(은|는|이|가)\s")
_COMPARED = re.compile(r"(\s대\s|\svs\.?\s|차이|비교)", re.IGNORECASE)  # 'CloudTrail 대 CloudWatch 대 X-Ray'
_MIN_PREDICATE = 3  # content words after the blank, names of services left out
_MIN_ANSWER_WORDS = 4  # content words of the right statement of 'which statement describes X'
_SHARED_WITH_ANSWER = 0.5  # a wrong statement: at most this share of its words also said of the answer


@dataclass(frozen=True)
class Service:
    """An AWS service of the hint file: its display name, every spelling, and its categories."""

    name: str
    aliases: frozenset[str]
    categories: tuple[int, ...]


def services(ctx: Context) -> list[Service]:
    """Services of every ``service: true`` group that the notes mention, in hint-file order."""
    cached: list[Service] | None = ctx.__dict__.get("_services")
    if cached is not None:
        return cached
    found: dict[str, tuple[str, set[str], list[int]]] = {}
    for gi, group in enumerate(ctx.hints):
        if not group.service:
            continue
        for member in group.members:
            if not any(_mentioning(ctx, a) for a in member.aliases):
                continue
            key = korean.normalise(member.name)
            _name, aliases, groups = found.setdefault(key, (member.name, set(), []))
            aliases |= member.aliases
            groups.append(gi)
    out = [Service(name, frozenset(aliases), tuple(groups)) for name, aliases, groups in found.values()]
    ctx.__dict__["_services"] = out
    return out


def _mentioning(ctx: Context, name: str) -> list[int]:
    """Sentence indices naming ``name`` (cached on the context)."""
    cache: dict[str, list[int]] = ctx.__dict__.setdefault("_service_mentions", {})
    found = cache.get(name)
    if found is None:
        found = []
        if len(name) >= 2 and korean.normalise(name) in ctx.notes.normalised_text:
            pattern = term_pattern(name)
            found = [i for i, s in enumerate(ctx.notes.sentences) if pattern.search(s.text)]
        cache[name] = found
    return found


def _lines(ctx: Context, service: Service) -> set[int]:
    cache: dict[str, set[int]] = ctx.__dict__.setdefault("_service_lines", {})
    if service.name not in cache:
        cache[service.name] = {i for a in service.aliases for i in _mentioning(ctx, a)}
    return cache[service.name]


def _said_words(ctx: Context, service: Service, without: Service | None = None) -> frozenset[str]:
    """Content words of the sentences naming a service (and not naming ``without``); cached."""
    cache: dict[tuple[str, str], frozenset[str]] = ctx.__dict__.setdefault("_service_words", {})
    key = (service.name, without.name if without else "")
    found = cache.get(key)
    if found is None:
        lines = (_lines(ctx, service) | set(_defining(ctx, service))) - (_lines(ctx, without) if without else set())
        found = cache[key] = frozenset().union(*(sentence_words(ctx.notes, i) for i in lines))
    return found


def siblings(ctx: Context, service: Service) -> list[Service]:
    """Services of the answer's categories first, then of their ``near:`` categories (padding)."""
    everything = services(ctx)
    own = [s for s in everything if s != service and set(s.categories) & set(service.categories)]
    near_names = {n for gi in service.categories for n in ctx.hints[gi].near}
    near = [
        s
        for s in everything
        if s != service and s not in own and any(ctx.hints[gi].name in near_names for gi in s.categories)
    ]
    return [s for s in own + near if not overlap(ctx, service, s)]


def at_home(ctx: Context, service: Service, section: int) -> bool:
    """Is the sentence filed under the service: does a heading above it name the service?
    (An aside in another service's section, 'RDS는 Beanstalk 애플리케이션을 이용해서 …', is not.)"""
    return mentions(" / ".join(ctx.sections[section].path), service.aliases)


def named_by_heading(ctx: Context, section: int, service: Service) -> bool:
    """Does the sentence's own heading name the service ('S3 & Glacier Select' for Glacier)? Then a
    claim of the section is likely true of it as well."""
    title = ctx.sections[section].title
    return not _COMPARED.search(title) and mentions(title, service.aliases)


def overlap(ctx: Context, first: Service, second: Service) -> bool:
    """Are the two named in an ``overlap:`` pair of their category (Aurora is an RDS engine): a claim
    of one is often true of the other, so they are never offered side by side."""
    for gi in set(first.categories) & set(second.categories):
        for pair in ctx.hints[gi].overlap:
            names = {korean.normalise(n) for n in pair}
            if {korean.normalise(first.name), korean.normalise(second.name)} <= names:
                return True
    return False


def _all_names(ctx: Context) -> set[str]:
    return {a for s in services(ctx) for a in s.aliases}


def _subject_mentions(ctx: Context, text: str, service: Service) -> list[re.Match[str]]:
    """Mentions of the service that open a clause and carry a subject particle."""
    out = []
    for alias in sorted(service.aliases, key=len, reverse=True):
        for match in term_pattern(alias).finditer(text):
            before = text[: match.start()]
            if not _CLAUSE_BREAK.search(before):
                continue
            if korean.leading_particle(text[match.end() :]) in _SUBJECT:
                out.append(match)
    return out


def _predicate_words(ctx: Context, core: str) -> set[str]:
    """What the stem says after the blank, service names left out."""
    after = core.partition(korean.BLANK)[2]
    names = {w for a in _all_names(ctx) for w in content_words(a)}
    return content_words(after) - names


def _distinctive(ctx: Context, core: str, answer: Service) -> set[str]:
    """Stem words the notes say of the answer (the gate ``sibling_true`` needs one never said of a choice)."""
    return content_words(core) & _said_words(ctx, answer)


# 'CloudWatch는 …, (　　)은(는) 추적 지향적인 …, CloudTrail은 …' beside SQS and SNS: at most one service of a
# near category pads the choices (round 15)
_MAX_PADDED = 1


def pick_distractors(ctx: Context, core: str, answer: Service, section: int) -> list[Service]:
    """Three services of the category the stem is false of, keeping a stem word said only of the answer."""
    cues = _distinctive(ctx, core, answer)
    picked: list[Service] = []
    padded = 0  # a choice list padded with two services of a near category offers only one real rival
    for other in siblings(ctx, answer):
        if mentions(core, other.aliases) or named_by_heading(ctx, section, other):
            continue
        near = not set(other.categories) & set(answer.categories)
        if near and padded >= _MAX_PADDED:
            continue
        if predicate_said_of(ctx.notes, core, set(answer.aliases), set(other.aliases)):
            ctx.rejected["distractor_said_so"] += 1
            continue
        # keep a stem word said of the answer and of none of the picked services (gate sibling_true)
        if cues - set().union(*(_said_words(ctx, s, answer) for s in [*picked, other])):
            picked.append(other)
            padded += near
    chosen = pick_fitting(answer.name, [(s.name, i) for i, s in enumerate(picked)])
    return [picked[i] for i in chosen]


def _choice_names(service: Service) -> set[str]:
    """A service's names as a choice: 'AWS X-Ray' is X-Ray ('AWS' in a stem says nothing of the answer)."""
    return {a for a in service.aliases if not re.match(r"^(AWS|Amazon|아마존)\s", a)} or set(service.aliases)


def cloze_generate(ctx: Context) -> Iterator[Candidate]:
    """'(　　)은(는) 다중 가용 영역에 걸쳐서 마운트가 가능합니다' with EFS beside S3, EBS, Glacier."""
    for service in services(ctx):
        for si in sorted({i for a in service.aliases for i in _mentioning(ctx, a)}):
            text = ctx.facts.get(si)
            if text is None or not _subject_mentions(ctx, text, service):
                continue
            sentence = ctx.sentence(si)
            if informative_score(sentence.text, len(sentence.spans)) < 0 or _VAGUE.search(text):
                continue
            if not at_home(ctx, service, sentence.section):
                continue
            core = mask(text, service.aliases)
            if core.count(korean.BLANK) != 1 or len(core.replace(korean.BLANK, "")) < 25:
                continue
            if len(_predicate_words(ctx, core)) < _MIN_PREDICATE or completes_name(ctx, core, service.name):
                continue
            distractors = pick_distractors(ctx, core, service, sentence.section)
            if len(distractors) < 3:
                continue
            choice_names = [_choice_names(service), *(_choice_names(d) for d in distractors)]
            before, _, after = mask(sentence.text, service.aliases).partition(korean.BLANK)
            about = ctx.about(sentence.section, choice_names)
            if mentions(about, _all_names(ctx)):
                about = ""  # 'EBS 볼륨에 대한 다음 설명' over an EFS sentence points at the wrong service
            lead = f"{about}에 대한 다음 설명에서" if about else "다음 설명에서"
            yield Candidate(
                kind=CLOZE,
                section=sentence.section,
                source_line=sentence.start_line,
                stem=f"{lead} 빈칸에 들어갈 AWS 서비스로 알맞은 것은?\n“{core}”",
                stem_core=core,
                answer=service.name,
                distractors=[d.name for d in distractors],
                evidence=[ctx.quote(si)],
                evidence_lines=[sentence.start_line],
                aliases=choice_names,
                fill=(before, after),
                score=informative_score(sentence.text, len(sentence.spans)) + 0.5,
                fact=f"{service.name}|{ctx.quote(si)}",
            )


def statements(ctx: Context, service: Service, forbidden: list[str]) -> list[tuple[str, int]]:
    """Sentences with the service as their opening subject (the name cut off), and the defining first
    sentence of the service's own section ('고가용성 … 권한있는 DNS입니다' under 'Route 53'), best first."""
    out: list[tuple[float, str, int]] = []
    seen: set[str] = set()
    for si in sorted(_lines(ctx, service) | set(_defining(ctx, service))):
        fact = ctx.facts.get(si)
        if fact is None or _VAGUE.search(fact) or _SECOND_SUBJECT.search(fact):
            continue
        if opens_with(fact, service) and at_home(ctx, service, ctx.sentence(si).section):
            statement = ctx.statement(si, forbidden, set(service.aliases))
        elif si in _defining(ctx, service):
            statement = ctx.statement(si, forbidden, min_score=0.0)
        else:
            continue
        if statement is None or statement in seen or len(statement) < 12 or len(content_words(statement)) < 3:
            continue
        if spelled_out(statement, service.name):
            continue  # 'Elastic File System 의 약자로 …' names EFS
        seen.add(statement)
        sentence = ctx.sentence(si)
        out.append((informative_score(sentence.text, len(sentence.spans)), statement, si))
    out.sort(key=lambda item: (-item[0], item[2]))
    return [(statement, si) for _, statement, si in out]


_OVERVIEW = re.compile(r"\s(개요|소개|란 무엇일까\??)$")
_NOUN_PREDICATE = re.compile(r"(입니다|[가-힣](굽니다|웁니다)|의미합니다|뜻합니다)\.?$")


def _defining(ctx: Context, service: Service) -> list[int]:
    """The first fact of a section headed by the service's name when it says what the service is
    (a noun predicate, no subject of its own): the notes leave the subject implicit under the heading."""
    cache: dict[str, list[int]] = ctx.__dict__.setdefault("_service_defining", {})
    if service.name in cache:
        return cache[service.name]
    names = {korean.normalise(a) for a in service.aliases}
    out = []
    for section in ctx.sections:
        if section.parent is None or not section.sentences:
            continue
        heading = _OVERVIEW.sub("", section.name)  # 'CodePipeline 개요' is headed by CodePipeline
        if not any(korean.normalise(n) in names for n in korean.aliases(heading)):
            continue
        si = next((i for i in section.sentences if i in ctx.facts), -1)  # lecture talk ('살펴봅시다') skipped
        fact = ctx.facts.get(si)
        if fact and _NOUN_PREDICATE.search(fact) and not OWN_SUBJECT.match(fact):
            out.append(si)
    cache[service.name] = out
    return out


def opens_with(fact: str, service: Service) -> bool:
    """Does the sentence open with the service as its subject ('EFS는 …', not 'VPN과 Direct Connect는 …')?"""
    if strip_subject(fact, set(service.aliases)) is None:
        return False
    return any(term_pattern(a).match(fact) for a in service.aliases)


def _false_of(ctx: Context, statement: str, owner: Service, answer: Service) -> bool:
    """Is a sibling's statement clearly not about the answer: it holds a word said of the sibling and
    never of the answer, and the notes never say its predicate of the answer?"""
    words = content_words(statement)
    own = _said_words(ctx, owner, answer) - _said_words(ctx, answer)
    if not words & own:
        return False
    if len(words & _said_words(ctx, answer)) > _SHARED_WITH_ANSWER * len(words):
        return False  # mostly words said of the answer too ('애플리케이션을 … 자동으로 배포' fits Beanstalk)
    return not predicate_said_of(ctx.notes, korean.BLANK + " " + statement, set(owner.aliases), set(answer.aliases))


def _balanced(answer: str, options: list[list[str]], pool: list[Service]) -> tuple[list[str], list[Service]]:
    """One statement each from three services, the first combination whose lengths pass the gates."""
    flat = [(text, i) for i, texts in enumerate(options) for text in texts[:3]]
    for a in range(len(flat)):
        for b in range(a + 1, len(flat)):
            for c in range(b + 1, len(flat)):
                trio = [flat[a], flat[b], flat[c]]
                owners = [pool[i] for _, i in trio]
                texts = [answer, *(t for t, _ in trio)]
                if len(set(owners)) < 3 or not lengths_fit(answer, texts[1:]):
                    continue
                if any(mentions(text, o.aliases) for text in texts for o in owners):
                    continue  # a statement naming another choice's service
                return texts[1:], owners
    return [], []


def _asked_as_cloze(ctx: Context) -> set[tuple[str, str]]:
    """(service, evidence sentence) pairs whose cloze passes the gates (cached on the context)."""
    cached: set[tuple[str, str]] | None = ctx.__dict__.get("_service_clozes")
    if cached is None:
        cached = {(c.answer, c.evidence[0]) for c in cloze_generate(ctx) if not candidate_problems(c, ctx.notes)}
        ctx.__dict__["_service_clozes"] = cached
    return cached


def definition_generate(ctx: Context) -> Iterator[Candidate]:
    """'다음 중 Route 53에 대한 설명으로 옳은 것은?' with statements of other services of its category."""
    for service in services(ctx):
        pool = siblings(ctx, service)
        own = statements(ctx, service, forbidden_names([set(service.aliases)]))
        if not own:
            continue
        theirs = {s.name: statements(ctx, s, forbidden_names([set(s.aliases), set(service.aliases)])) for s in pool}
        asked = _asked_as_cloze(ctx)
        for answer, si in own[:3]:
            if (service.name, ctx.facts[si]) in asked:
                continue  # one sentence about one service is asked once: as the cloze
            if len(content_words(answer)) < _MIN_ANSWER_WORDS:
                continue  # 'IP 범위를 갖고 있습니다' will do as a wrong choice, not as the one right claim
            options = [
                [t for t, _ in theirs[other.name] if t != answer and _false_of(ctx, t, other, service)]
                for other in pool
            ]
            distractors, owners = _balanced(answer, options, pool)
            if len(distractors) < 3:
                continue
            rest = set().union(*(_said_words(ctx, o, service) for o in owners))
            if not content_words(answer) - rest:
                continue  # nothing in the right statement sets the service apart from the others
            section = ctx.sentence(si).section
            yield statement_candidate(ctx, service.name, section, si, answer, distractors, score=2.5)
