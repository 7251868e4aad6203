"""T1 description -> which concept.

Key sentences of a section with its name masked; sibling headings of the same kind (or the members of
its hint group) are the distractors. A description must single out the answer: it needs a word found in
the answer's section and in none of the distractors' sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from questions import korean
from questions.candidate import Candidate
from questions.templates._context import ASPECT_HEAD, Context, lengths_fit
from questions.templates.cloze import completes_name
from questions.text import content_words, distinctive_leak, mask, mentions, names_choice

KIND = "concept"
_MAX_STEM = 220
# a property every sibling may have: a sentence claiming it singles out nothing when a distractor's
# section says it too (11 nines of durability hold for every S3 class)
_CLAIM = re.compile(
    r"(내구성|가용성|지연 시간|지연|대기 시간|처리량|확장성|durability|availability|latency|throughput)", re.IGNORECASE
)
# a sentence that says nothing in particular ('로그를 통해서 어떤 일이 일어났는지를 알 수 있습니다')
_VAGUE = re.compile(r"(어떤 일|무슨 일|무엇이 일어|뭔가|무언가|어떤 것|what happened|something)")
# a gloss of a figure or of the line before ('… 70%가 첫 번째 EC2 인스턴스로 리다이렉팅된다는 의밉니다'): what it
# explains is not in the quote
_GLOSS = re.compile(r"[다라]는\s?(의밉니다|의미입니다|뜻입니다|겁니다|것입니다)\.?$")
# a heading naming ways of doing a thing ('일래스틱캐시 (ElastiCache) 전략'): no distractor among things
_STRATEGIES = re.compile(r"(전략|strategies)$", re.IGNORECASE)
# a claim about AWS at large ('AWS에서는 하나의 가용 영역에서 다른 가용 영역으로 데이터가 이동할 때에 비용이
# 발생합니다' under read replicas): the lecture's background, true of every choice
# an inventory ('설명과 제약, 제약 설명, …, 허용 값이 있습니다', '!FindInMap 로 사용하고 MapName, TopLevelKey,
# SecondLevelKey 가 있습니다'): a list of parts says nothing about the whole and reads its names (Map: 매핑)
_INVENTORY = re.compile(r",[^,]*,.*(?<!수)(?:이|가)\s?있습니다\.?$")
# a heading naming a thing used with another ('MFA가 있는 AWS CLI'): a how-to, not a concept; its lines say what
# to do with the thing ('CLI를 사용하려면 임시 세션을 생성해야 하고'), false of it without the condition
_WITH = re.compile(r"\S(?:가|이) 있는 ")
_GENERAL = re.compile(r"^(?:AWS|Amazon)\s?(?:에서는|에서|는|은)\s|^In AWS\b", re.IGNORECASE)


def _options(ctx: Context, index: int) -> tuple[str, list[tuple[str, frozenset[str], frozenset[str]]]]:
    """(answer name, [(name, aliases, vocabulary)]) of the distractor candidates, best first."""
    member = ctx.group_of.get(index)
    if member is not None and len(ctx.siblings(member)) >= 3:
        options = [
            (m.name, m.aliases, ctx.member_vocabulary(m))
            for m in ctx.siblings(member)
            if m.section is None or not ctx.is_related(index, m.section)
        ]
        return member.name, options
    options = []
    answer_service = _service(ctx, ctx.sections[index].name)
    for _, i in ctx.concept_pool(index):
        name = ctx.sections[i].name
        if any(ctx.same_name(i, j) for _, _, _, j in options) or _STRATEGIES.search(name):
            continue  # 'ElastiCache 전략' among RDS Multi-AZ, Aurora, read replicas is a choice of another kind
        if i not in ctx.group_of and (ASPECT_HEAD.search(name) or _service(ctx, name) != answer_service):
            continue  # round 15: 'S3 퍼포먼스' (an aspect) or 'Amazon Athena' (a service) among S3 features
        options.append((name, frozenset(ctx.aliases[i]), ctx.vocabulary(i), i))
    answer = ctx.sections[index].name
    options = [o for o in options if not _part_of_answer(ctx, index, answer, o[0], [n for n, *_ in options])]
    return answer, [(n, a, v) for n, a, v, _ in options]


def _service(ctx: Context, name: str) -> bool:
    """Does a heading name an AWS service of a service category ('Amazon Athena'), not a feature of one?"""
    names: frozenset[str] | None = ctx.__dict__.get("_service_names")
    if names is None:  # once per notes: it is asked for every option of every section
        names = frozenset(korean.normalise(a) for g in ctx.hints if g.service for m in g.members for a in m.aliases)
        ctx.__dict__["_service_names"] = names
    return korean.normalise(name) in names


def _part_of_answer(ctx: Context, index: int, answer: str, name: str, names: list[str]) -> bool:
    """Is a sibling heading a part or kind of the answer: is the word that sets its name apart from the other
    choices a Latin name the answer's section talks about ('Redis 클러스터 모드' beside 'Amazon 일래스틱 캐시',
    whose section is about Redis and Memcached: in-memory data loss fits both)?"""
    others = {w for n in [answer, *names] if n != name for w in content_words(n)}
    own = {w for w in content_words(name) - others if re.fullmatch(r"[A-Za-z][\w-]+", w)}
    return bool(own) and own <= ctx.vocabulary(index)


def _pick(answer: str, stem: str, options: list[tuple[str, frozenset[str], frozenset[str]]]) -> list[int]:
    """Three distractors the stem does not name (not even by the words that set them apart)."""
    names = [answer, *(name for name, _, _ in options)]
    picked: list[int] = []
    for i, (name, aliases, _) in enumerate(options):
        if mentions(stem, aliases) or names_choice(stem, name, names):
            continue
        trial = [options[j][0] for j in picked] + [name]
        if len(trial) == 3 and not lengths_fit(answer, trial):
            continue
        picked.append(i)
        if len(picked) == 3:
            return picked
    return []


def generate(ctx: Context) -> Iterator[Candidate]:
    for section in ctx.sections:
        if section.parent is None or section.index not in ctx.aliases:
            continue  # a whole topic is too broad for one description
        answer, options = _options(ctx, section.index)
        if len(options) < 3:
            continue
        member = ctx.group_of.get(section.index)
        if member is None and (ASPECT_HEAD.search(answer) or _WITH.search(answer)):
            ctx.rejected["category_heading"] += 1
            continue
        answer_aliases = set(ctx.aliases[section.index]) | (set(member.aliases) if member else set())
        all_option_names = [n for _, aliases, _ in options for n in aliases]
        usable: list[tuple[float, int, str]] = []
        option_words = [words for _, _, words in options]
        for score, si in ctx.described_sentences(section.index):
            fact = ctx.facts[si]
            if any(p.search(fact) for p in (_VAGUE, _GLOSS, _GENERAL, _INVENTORY)):
                ctx.rejected["vague_description"] += 1
                continue
            claims = {m.group(1).casefold() for m in _CLAIM.finditer(ctx.facts[si])}
            if any(any(claim in w for w in words for claim in claims) for words in option_words):
                ctx.rejected["not_discriminating"] += 1
                continue  # the claim holds for a sibling too
            if not ctx.on_topic(si, section.index):
                ctx.rejected["off_topic_sentence"] += 1
                continue  # an analogy told in the lecture ('객실을 비워 두면 손해를 볼 것이고')
            if mentions(ctx.facts[si], all_option_names):
                continue  # a sentence naming a sibling is often about that sibling ('VPC 엔드포인트에 통신…')
            masked = mask(ctx.facts[si], answer_aliases)
            if korean.BLANK * 2 in masked.replace(" ", ""):
                continue
            if distinctive_leak(masked, answer_aliases, all_option_names):
                continue
            if korean.BLANK in masked and completes_name(ctx, masked, answer):
                continue  # '일래스틱 (　　)은(는) …' for 'Beanstalk CLI': the wording finishes the name
            usable.append((score, si, masked))
        if not usable:
            continue
        answer_words = ctx.vocabulary(section.index)
        by_index = {item[1]: item for item in usable}
        for first in range(min(6, len(usable))):
            chosen = [usable[first]]
            # 2-3 sentences pin a concept down better than one, but only consecutive lines of one
            # paragraph: lines picked across a long section are about different things
            while len(chosen) < 3:
                last = chosen[-1][1]
                extra = by_index.get(last + 1)
                if extra is None or ctx.sentence(last + 1).start_line > ctx.sentence(last).end_line + 1:
                    break
                if sum(len(c[2]) for c in chosen) + len(extra[2]) >= _MAX_STEM:
                    break
                chosen.append(extra)
            chosen.sort(key=lambda item: item[1])
            stem_core = " ".join(item[2] for item in chosen)
            if len(stem_core) < 45:
                continue  # one short line rarely pins down one concept of a sibling set
            picked = _pick(answer, stem_core, options)
            if not picked:
                continue
            picked_words = [options[i][2] for i in picked]
            if not ctx.discriminates(stem_core, answer_words, picked_words, need=2) or not all(
                ctx.discriminates(item[2], answer_words, picked_words) for item in chosen
            ):
                ctx.rejected["not_discriminating"] += 1
                continue  # every sentence must set the answer apart, not only the description as a whole
            if ctx.ko:
                what = f"{ctx.group_name(member)}{korean.topic_particle(ctx.group_name(member))}" if member else "것은"
                stem = f"다음 설명에 해당하는 {what}?\n“{stem_core}”"
            else:
                what = ctx.group_name(member) if member else "of these"
                stem = f"Which {what} does the following describe?\n“{stem_core}”"
            evidence = [ctx.quote(si) for _, si, _ in chosen]
            lines = [ctx.sentence(si).start_line for _, si, _ in chosen]
            yield Candidate(
                kind=KIND,
                section=section.index,
                source_line=lines[0],
                stem=stem,
                stem_core=stem_core,
                answer=answer,
                distractors=[options[i][0] for i in picked],
                evidence=evidence,
                evidence_lines=lines,
                aliases=[answer_aliases, *(set(options[i][1]) for i in picked)],
                score=sum(item[0] for item in chosen) / len(chosen) + 0.5 * len(chosen),
                fact=f"{section.name}|{evidence[0]}",
            )
