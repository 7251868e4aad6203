"""T2 cloze on a key phrase: distractors are key phrases of the same kind from the same topic."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher

from questions import korean
from questions.candidate import Candidate
from questions.gates import contains
from questions.notes_parser import Sentence, Span, find_quantities
from questions.templates._context import Context, GroupMember, Term, is_term_like, junk_choice, pick_fitting
from questions.text import informative_score, mask, mentions, names_choice, statement_text, term_pattern, tidy, tokens

KIND = "cloze"
_CODE = re.compile(r"(^-|_|[a-z][A-Z]|\.|:)")
_PREDICATE = re.compile(r"^[하해했한할되된됩합될돼]")


def sentence_has_quantity(text: str) -> bool:
    return bool(find_quantities(text)) or bool(re.search(r"\d[\d,.]*\s?(달러|센트|원|\$)", text))


def _shape(text: str) -> tuple[str, bool, int]:
    """Coarse kind of a phrase: script, all-caps/code-like, word count."""
    code_like = text.replace("-", "").replace("/", "").replace(" ", "").isupper() or any(c.isdigit() for c in text)
    return korean.script(text), code_like, len(text.split())


def _similarity(answer: Term, other: Term, ctx: Context) -> float:
    a_script, a_code, a_words = _shape(answer.text)
    o_script, o_code, o_words = _shape(other.text)
    if a_script != o_script or _CODE.search(answer.text) != _CODE.search(other.text):
        return -math.inf  # '--expires-in' or 'post_build' only next to other flags/keys
    score = 0.0
    score += 1.0 if a_code == o_code else -1.5
    score -= 0.7 * abs(a_words - o_words)
    ratio = max(len(answer.text), len(other.text)) / max(1, min(len(answer.text), len(other.text)))
    if ratio > 2.5:
        return -math.inf
    score -= 0.6 * (ratio - 1)
    same_head = korean.head_noun(answer.text) == korean.head_noun(other.text)
    a_sec, o_sec = ctx.sections[answer.section], ctx.sections[other.section]
    # two headings are of one kind only when they are siblings ('EFS' is no sibling of 'st1' or 'IOPS')
    both_headings = answer.text in ctx.names and other.text in ctx.names and a_sec.parent == o_sec.parent
    if korean.has_hangul(answer.text) and not same_head and not both_headings:
        return -math.inf  # Hangul phrases of different kinds read as odd ones out
    if a_words != o_words and not both_headings:
        return -math.inf
    if same_head and a_words > 1:
        score += 2.0
    if answer.follow == other.follow:
        score += 1.0
    if a_sec.parent is not None and a_sec.parent == o_sec.parent:
        score += 1.0
    if answer.section == other.section:
        score += 0.5
    return score


def completes_name(ctx: Context, core: str, answer: str) -> bool:
    """Does the blank complete a name the stem already spells ('교차 영역 (　　)' -> 교차 영역 로드 밸런싱),
    or is it glued to a letter or hyphen ('(　　)-IA')? Then the wording gives the answer away."""
    before, _, after = core.partition(korean.BLANK)
    if re.search(r"[A-Za-z0-9\-!]$", before) or re.match(r"^[\-A-Za-z0-9]", after):  # '!(　　)': a YAML tag
        return True
    if re.match(r"^\s-{1,2}[a-z]", after):
        return True  # '(　　) -i EC2Tutorial.pem': a command line, the blank is its program
    if re.search(r"(?<![A-Za-z0-9])[A-Za-z][가-힣]*\s$|[A-Za-z][A-Za-z0-9_\-]*\s$", before) or re.match(
        r"^\s([A-Z][A-Za-z]|[a-z]{3,}(?![\w-]*\())", after
    ):
        return (
            True  # 'AWS X-Ray (　　)', '(　　) Agent': the blank is one word of a Latin name ('SDK에서 (　　)' is not)
        )
    words_before = before.split()[-3:]
    words_after = re.split(r"[\s,.]+", after.strip())[:3]
    head = answer.split()[0] if answer.split() else answer  # '일래스틱 (　　)' for 'Beanstalk CLI'
    for n in (1, 2, 3):
        after_phrase = " ".join([answer, *words_after[:n]])
        # '(　　) 태스크 IAM 역할을' completes 'ECS 태스크 IAM 역할' once the particle is off
        phrases = (" ".join([*words_before[-n:], answer]), after_phrase, korean.strip_particle(after_phrase))
        named_head = (" ".join([*words_before[-n:], head]),) if len(words_before) >= n and head != answer else ()
        for phrase in (*phrases, *named_head):
            if phrase.strip() != answer and korean.normalise(phrase) in ctx.normalised_names:
                return True
    return False


def cloze_stem(ctx: Context, about: str, core: str, what: str = "말") -> str:
    """'Amazon Glacier의 회수 옵션에 대한 다음 설명에서 빈칸에 들어갈 말로 알맞은 것은?' + the quote."""
    if ctx.ko:
        lead = f"{about}에 대한 다음 설명에서" if about else "다음 설명에서"
        return f"{lead} 빈칸에 들어갈 {what}(으)로 알맞은 것은?\n“{core}”".replace("말(으)로", "말로").replace(
            "값(으)로", "값으로"
        )
    noun = "value" if what == "값" else "phrase"
    lead = f"About {about}: which {noun}" if about else f"Which {noun}"
    return f"{lead} fills the blank?\n“{core}”"


def generate(ctx: Context) -> Iterator[Candidate]:
    by_topic: dict[int, list[Term]] = {}
    for term in ctx.terms:
        by_topic.setdefault(term.topic, []).append(term)
    topic_terms: dict[int, list[str]] = {}
    for topic, terms in by_topic.items():
        unique = sorted({t.text for t in terms if len(t.text) >= 3 or t.text.isupper()}, key=lambda x: (-len(x), x))
        topic_terms[topic] = unique
    for si, sentence in enumerate(ctx.notes.sentences):
        base = informative_score(sentence.text, len(sentence.spans))
        if base < 0 or si not in ctx.facts:
            continue
        section = ctx.sections[sentence.section]
        targets: list[tuple[Span, float]] = [(span, 0.0) for span in sentence.spans]
        taken = [(span.start, span.end) for span in sentence.spans]
        for term in topic_terms.get(section.topic, []):
            for match in term_pattern(term).finditer(sentence.text):
                if all(match.end() <= a or match.start() >= b for a, b in taken):
                    taken.append((match.start(), match.end()))
                    targets.append((Span(term, match.start(), match.end(), sentence.line_at(match.start())), -1.0))
        for span, bonus in targets:
            answer_text = span.text.strip().strip(",.")
            answer_text = korean.strip_particle(answer_text, ctx.glossary) if ctx.ko else answer_text
            if not is_term_like(answer_text) or len(answer_text) < 2 or sentence_has_quantity(answer_text):
                continue
            if junk_choice(answer_text) or ctx.generic(answer_text):
                continue
            rest = sentence.text[span.end :]
            if ctx.ko and _PREDICATE.match(rest):
                continue  # the span is the object of a glued verb ('`X를 생성`합니다'): a clause, not a term
            particle = korean.leading_particle(rest) if ctx.ko else None
            after = rest
            shown = korean.BLANK
            if particle:
                after = rest[rest.index(particle) + len(particle) :]
                shown += korean.neutral(particle)
            before = sentence.text[: span.start]
            # the answer span may include a particle inside the backticks: keep it outside the blank
            inner_tail = span.text.strip().strip(",.")[len(answer_text) :].strip()
            if inner_tail:
                shown = korean.BLANK + korean.neutral(inner_tail)
            core = statement_text(before + shown + after) if ctx.ko else tidy(before + shown + after)
            if core is None or core.count(korean.BLANK) != 1:
                continue
            if mentions(core.replace(korean.BLANK, " "), korean.aliases(answer_text)):
                continue
            if len(core.replace(korean.BLANK, "")) < 25 or completes_name(ctx, core, answer_text):
                continue
            if not korean.has_hangul(answer_text) and answer_text not in ctx.names:
                # a bare Latin token (GET, YAML, SQS) has no sibling set in the notes: its distractors
                # end up of another kind (CSV, MP3), which gives the answer away
                continue
            if ctx.member_of(answer_text) is not None:
                continue  # a hint-group member: group_candidates asks it beside its own siblings
            answer = Term(answer_text, section.index, section.topic, korean.neutral(particle or inner_tail))
            seen = {korean.normalise(answer_text)}
            options: list[tuple[float, str]] = []
            for other in by_topic.get(section.topic, []):
                key = korean.normalise(other.text)
                if key in seen or not key:
                    continue
                if key in korean.normalise(answer_text) or korean.normalise(answer_text) in key:
                    continue
                if mentions(core, korean.aliases(other.text)) or junk_choice(other.text):
                    continue
                if ctx.generic(other.text) or ctx.member_of(other.text) is not None:
                    continue  # a member of a hint group is only a distractor beside its siblings
                score = _similarity(answer, other, ctx)
                if score == -math.inf:
                    continue
                seen.add(key)
                options.append((score, other.text))
            options.sort(key=lambda item: (-item[0], item[1]))
            picked: list[str] = []
            for score, text in options:
                if score < 0:
                    break
                if any(
                    korean.normalise(text) in korean.normalise(p) or korean.normalise(p) in korean.normalise(text)
                    for p in picked
                ):
                    continue
                picked.append(text)
                if len(picked) == 3:
                    break
            if len(picked) < 3:
                continue
            choice_names = [korean.aliases(answer_text), *(korean.aliases(p) for p in picked)]
            quality = sum(score for score, text in options if text in picked) / 3
            yield Candidate(
                kind=KIND,
                section=section.index,
                source_line=span.line,
                stem=cloze_stem(ctx, ctx.about(section.index, choice_names), core),
                stem_core=core,
                answer=answer_text,
                distractors=picked,
                evidence=[ctx.quote(si)],
                evidence_lines=[sentence.start_line],
                aliases=[korean.aliases(answer_text), *(korean.aliases(p) for p in picked)],
                fill=(before, rest),
                score=base + quality + bonus,
                fact=f"{answer_text}|{ctx.quote(si)}",
            )


def mention_candidates(ctx: Context) -> Iterator[Candidate]:
    """Cloze on a concept name (a heading) mentioned in a sentence; distractors are its sibling headings."""
    for si, sentence in enumerate(ctx.notes.sentences):
        base = informative_score(sentence.text, len(sentence.spans))
        if base < 1.0 or si not in ctx.facts:
            continue
        section = ctx.sections[sentence.section]
        text = ctx.facts[si]
        for concept, names in ctx.aliases.items():
            target = ctx.sections[concept]
            if target.parent is None or target.topic != section.topic or not mentions(text, names):
                continue
            if ctx.generic(target.name) or concept in ctx.group_of:
                continue  # grouped concepts are asked by group_candidates
            pool = [(score, i) for score, i in ctx.concept_pool(concept) if score >= 3.0]
            if len(pool) < 3:
                continue
            core = mask(text, names)
            if core.count(korean.BLANK) != 1 or len(core.replace(korean.BLANK, "")) < 25:
                continue
            if _PREDICATE.match(core.split(korean.BLANK, 1)[1]) or completes_name(ctx, core, target.name):
                continue
            distractors = [i for _, i in pool if not mentions(core, ctx.aliases[i])][:3]
            if len(distractors) < 3:
                continue
            answer_alias = next((n for n in sorted(names, key=len, reverse=True) if mentions(text, {n})), target.name)
            # show the name as the notes wrote it in this sentence when that is one of its aliases
            answer = answer_alias if answer_alias in korean.aliases(target.name) else target.name
            before, _, after = mask(sentence.text, names).partition(korean.BLANK)
            choice_names = [names, *(ctx.aliases[i] for i in distractors)]
            yield Candidate(
                kind=KIND,
                section=section.index,
                source_line=sentence.line_at(0),
                stem=cloze_stem(ctx, ctx.about(section.index, choice_names), core),
                stem_core=core,
                answer=answer,
                distractors=[ctx.sections[i].name for i in distractors],
                evidence=[ctx.quote(si)],
                evidence_lines=[sentence.start_line],
                aliases=[names, *(ctx.aliases[i] for i in distractors)],
                fill=(before, after),
                score=base + 0.5,
                fact=f"{target.name}|{ctx.quote(si)}",
            )


def _near(a: str, b: str) -> bool:
    """Spellings of one name ('Lamda'/'Lambda') or near twins are not two choices."""
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= 0.8


def _ratio_fits(answer: str, others: list[str]) -> bool:
    lengths = [len(answer), *(len(o) for o in others)]
    return max(lengths) / max(1, min(lengths)) <= 2.5


def _count(text: str, aliases: Iterable[str]) -> int:
    return sum(len(term_pattern(a).findall(text)) for a in aliases if len(a) >= 2)


def filed_under_sibling(text: str, member: GroupMember, members: list[GroupMember]) -> bool:
    """Is the sentence about another member: does it name one more often than the answer?"""
    own = _count(text, member.aliases)
    return any(_count(text, m.aliases) > own for m in members if m is not member)


def _too_generic(ctx: Context, member: GroupMember, section: int | None = None) -> bool:
    """A member named all over the notes (ECS, 서명된 URL) is too generic to blank, unless its group is
    kept to one topic and the member is a product or feature name (Latin letters): there only that
    topic's sentences are asked, beside the member's own siblings, so other topics naming it in passing
    say nothing. Common Korean nouns found everywhere ('리소스', '출력') stay generic, and so does a
    topic's own name. A group's ``terms:`` names the topic whose technical terms its members are ('서브넷'
    and '보안 그룹' in VPC): in that topic's sentences they are asked, whatever other topics say of them."""
    if any(korean.normalise(a) in ctx.topic_names for a in member.aliases):
        return True
    terms = ctx.hints[member.group].terms
    if terms and section is not None and terms in ctx.sections[ctx.sections[section].topic].name:
        return False
    if ctx.hints[member.group].topic and re.search(r"[A-Za-z]", member.name):
        return False
    return ctx.generic(member.name)


def glued_mention(text: str, aliases: Iterable[str]) -> bool:
    """Is a name written as part of a longer word ('세그먼트' in '서브세그먼트', 'build' in 'pre_build') or of
    a slashed pair ('io1' in 'io1/io2')? A blank there would split it ('서브(　　)', '(　　)/io2'), and the
    sentence is about the longer thing."""
    for alias in aliases:
        if not alias:
            continue
        hangul = korean.has_hangul(alias[0])
        for match in term_pattern(alias).finditer(text):
            before = text[match.start() - 1] if match.start() > 0 else ""
            after = text[match.end()] if match.end() < len(text) else ""
            if (hangul and korean.has_hangul(before)) or {before, after} & {"_", "/"}:
                return True
    return False


def inside_sibling_name(text: str, member: GroupMember, members: list[GroupMember]) -> bool:
    """Is a mention of the member part of a sibling's longer name ('서브넷' in '공용 서브넷')? The blank
    would leave the rest of that name beside it ('공용 (　　)'), and the sentence is about the sibling."""
    spans = [
        m.span()
        for other in members
        if other is not member
        for alias in other.aliases
        for m in term_pattern(alias).finditer(text)
    ]
    for alias in member.aliases:
        for match in term_pattern(alias).finditer(text):
            start, end = match.span()
            if any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans):
                return True
    return False


def short_for_sibling(ctx: Context, si: int, member: GroupMember, members: list[GroupMember]) -> bool:
    """Does the member's name stand short for a longer sibling named by the sentence before ('공용 서브넷은
    인터넷으로부터 접근됩니다. 즉, 서브넷은 www에 접근할 수 있고 …')? The claim is the sibling's, not the
    member's in general."""
    if si == 0 or ctx.sentence(si - 1).section != ctx.sentence(si).section:
        return False
    before = ctx.sentence(si - 1).text
    longer = [m for m in members if m is not member and any(contains(a, m.name) for a in member.aliases)]
    return any(mentions(before, m.aliases) for m in longer)


def qualified_by_heading(ctx: Context, section: int, member: GroupMember) -> bool:
    """Does a heading over the sentence name a qualified kind of the member ('Beanstalk CLI' over 'CLI에서
    Beanstalk이 훨씬 쉽게 실행되도록 합니다')? The bare name there stands for that one (the EB CLI), so the
    group's own member ('AWS CLI') is not the answer."""
    own = {korean.normalise(a) for a in member.aliases}
    cursor: int | None = section
    while cursor is not None:
        heading = ctx.sections[cursor].name
        for alias in member.aliases:
            for found in re.finditer(r"([A-Z][\w\-]*)\s+" + re.escape(alias) + r"(?![\w])", heading):
                if korean.normalise(f"{found.group(1)} {alias}") not in own:
                    return True
        cursor = ctx.sections[cursor].parent
    return False


_B = re.escape(korean.BLANK)
_BACK_REFERENCE = re.compile(
    r"(이와 같은|이와 같이|이런|이러한|그런|그러한|이 같은|(?<![와과]\) )마찬가지로|^하나는|^다른 하나는|^나머지는)\s"
)
_MODIFIER_SUBJECT = re.compile(_B + r"이\(가\) \S+는 ")
# '(　　) 등', '(　　) 혹은 …', '… 거나 (　　)', 'A나 (　　)' (not the connective '지원하나 (　　)')
_OPEN_LIST = re.compile(_B + r"\S{0,4} 등|" + _B + r" (혹은|또는) |(거|[가-힣](?<![하되으있없])이?)나 " + _B)
_EMPTY_CLAIM = re.compile(
    _B
    + r"(도|이\(가\)|은\(는\)) 있(습니다|고|어요)|"
    + _B  # '(　　)을(를) 사용하는 클라이언트가 있고 …': a diagram's narration
    + r"\S* \S+는 \S+[이가] 있고 |^"
    + _B  # '(　　)이(가) 상위 수준의 스택에서만 영향을 미칠 때에 중요하다고 할 수 있습니다' (round 14)
    + r"\S* [^,.]{0,30}?중요(한데|하고|하며|합니다|하다고)"
)

# '… 그 목적으로 (　　)이(가) 필요하지 않습니다': what is not needed, every sibling is not needed either
_NOT_NEEDED = re.compile(_B + r"(이\(가\)|은\(는\)|도) (필요하지 않|필요치 않|필요 없|필요가 없)")

# '(　　)을(를) 제외하면 그 무엇보다 최우선시 됩니다': the blank is what the claim leaves out; its subject is elsewhere
# ('데이터가 저장되는 AZ의 수는 (　　)만 제외하고 전부 3개 입니다' keeps its subject and is a claim of the blank)
_EXCEPTED = re.compile("^" + _B + r"을\(를\) (제외하면|빼면)")
# '코드를 (　　)에 푸시해도 되지만 빌드 아티팩트는 …': the blank is what one may do; the claim is the rest (round 15)
_CONCEDED = re.compile(_B + r"[^,.]*?(?:해|[어아])도 (?:되|괜찮)지만")
# a claim that something comes first ('최우선은 …', '그 어떤 것보다 우선이 됩니다')
_RANKED_FIRST = re.compile(r"최우선|(?:그 어떤 것|그 무엇)보다 (?:최?우선|먼저)|가장 먼저")
# … said of the blank: right before it ('최우선은 (　　)이고 …') or of a blank opening the claim
_FIRST_IS_BLANK = re.compile(
    r"(?:최우선\S*|가장 먼저\S*)\s*" + _B + "|^" + _B + r".*(?:그 어떤 것|그 무엇)보다 (?:최?우선|먼저)"
)


def ranked_first_elsewhere(ctx: Context, si: int, core: str, member: GroupMember, other: GroupMember) -> bool:
    """Is a distractor for 'what comes first' one that the notes rank first in another sentence ('Java SDK는 …
    최우선시 되는 것은 Java 시스템 속성입니다' beside the CLI's '최우선은 (　　)이고 …')? First in another chain, it
    reads as a second right answer."""
    if not _FIRST_IS_BLANK.search(core):
        return False  # '최우선은 X이고 그다음이 (　　)': the blank is not what comes first
    for i, sentence in enumerate(ctx.notes.sentences):
        if i == si or not _RANKED_FIRST.search(sentence.text) or mentions(sentence.text, member.aliases):
            continue
        if mentions(sentence.text, other.aliases):
            return True
    return False


def not_about_blank(core: str) -> bool:
    """Is the sentence's claim about something else than the blank? It leans on a lost referent
    ('이와 같은 상황의 발생 빈도를 셀 수 있습니다', '(　　)도 마찬가지로 …'), the blank is the subject of a
    modifier clause ('많은 (　　)이(가) 발생하는 경우 …', '(　　)이(가) 있는 리전에 …'), or all it says of the
    blank is that it exists or matters ('… (　　)도 있습니다', '(　　)은(는) X-Ray에서 중요한데 …'), or the
    blank is one item of an open list ('(　　) 등도 포함할 수 있습니다', 'Lambda 함수이거나 (　　) 혹은 …'), where
    a sibling fits as well, or the claim is that the blank is not needed ('… (　　)이(가) 필요하지 않습니다'), which
    holds of the siblings too, or the blank is what the claim leaves out ('(　　)을(를) 제외하면 …'), or the blank
    sits in a concession ('코드를 (　　)에 푸시해도 되지만 …'), whose main clause is the claim."""
    patterns = (_BACK_REFERENCE, _MODIFIER_SUBJECT, _EMPTY_CLAIM, _OPEN_LIST, _NOT_NEEDED, _EXCEPTED, _CONCEDED)
    return any(p.search(core) for p in patterns)


_SERVICE_KIND = re.compile(r"(서비스|도구)$")
# things any service or tool may have: '(　　) 태스크' (ECS's own concept) still asks the service
_GENERIC_THINGS = ("설정", "구성", "컨테이너", "파일", "환경")


def modifies_a_thing(core: str, group_name: str) -> bool:
    """Does a blank standing for a service or tool only qualify a thing of it ('(　　) 컨테이너가 RDS 데이터베이스에
    액세스 가능합니다', '(　　) 설정 파일을 만들어야 합니다')? The claim is then about a container or a file any
    of them may have, under a condition left to the lost context; a kind noun the group's name holds ('(　　)
    서비스') or a concept of the service's own ('(　　) 태스크') is no such thing (round 15)."""
    if not _SERVICE_KIND.search(group_name):
        return False
    after = re.match(r"\s([가-힣]+)", core.partition(korean.BLANK)[2])
    if after is None or any(after.group(1).startswith(w) for w in group_name.split()):
        return False
    return after.group(1).startswith(_GENERIC_THINGS)


_JOINED_AFTER = re.compile(r"^(와\(과\)|과\(와\)|및|이나|또는|,)\s*")
# '(　　)(이)나 io2 제품군': 'or' a numbered twin of the answer, which the series gives away (io1 before io2)
_OR_AFTER = re.compile(r"^\(이\)나\s*")


def _numbered_twins(first: str, second: str) -> bool:
    return first != second and re.sub(r"\d", "#", first) == re.sub(r"\d", "#", second)


_JOINED_BEFORE = re.compile(r"(와|과|및|이나|또는|,)\s*$")


def paired_with_sibling(core: str, members: list[GroupMember], member: GroupMember) -> bool:
    """Is the blank joined to another member ('(　　)와(과) 인사이트를 정의하는 것 …')? What the sentence
    says then holds of both."""
    before, _, after = core.partition(korean.BLANK)
    if re.search(r"(^|\s)사이", after):
        return False  # '(　　)와(과) S3 IA 사이에서 …': two ends of a relation, not one claim of both
    joined = _JOINED_AFTER.match(after)
    tail = after[joined.end() :] if joined else None
    head_match = _JOINED_BEFORE.search(before)
    head = before[: head_match.start()] if head_match else None
    either = _OR_AFTER.match(after)
    for other in members:
        if other is member:
            continue
        for alias in other.aliases:
            pattern = term_pattern(alias)
            if tail is not None and pattern.match(tail):
                return True
            twin = either is not None and any(_numbered_twins(alias, own) for own in member.aliases)
            if twin and pattern.match(after[either.end() :]):
                return True
            if head is not None and any(m.end() == len(head) for m in pattern.finditer(head)):
                return True
    return False


def distinct_names(member: GroupMember, others: list[GroupMember]) -> list[GroupMember]:
    """Siblings whose names neither hold nor sit inside the answer's or an earlier sibling's name: '정기 예약
    인스턴스' beside '예약 인스턴스' makes two choices one reading of the other."""
    kept: list[GroupMember] = []
    for other in others:
        if not any(contains(other.name, m.name) or contains(m.name, other.name) for m in (member, *kept)):
            kept.append(other)
    return kept


def sharing_stem_word_first(core: str, member: GroupMember, others: list[GroupMember]) -> list[GroupMember]:
    """Siblings whose name shares a word of the answer's name that the stem uses come first: with '다중
    오리진' offered, '오리진' in '(　　)은(는) 하나의 주 오리진과 …' no longer singles out '오리진 그룹'."""
    shared = {w for alias in member.aliases for w in tokens(alias) if len(w) >= 2 and term_pattern(w).search(core)}
    if not shared:
        return others
    return sorted(others, key=lambda m: not any(tokens(a) & shared for a in m.aliases))


_MAY_ALSO = re.compile(r"수도 있습니다\.?$")
_MIN_GROUP_CLOZE = 25
_MIN_MARKED_CLOZE = 16
# a marked phrase that names the member or says nothing of it ('`Ref 라는 함수를 사용`', '`… 원하는 대로 …`')
_EMPTY_MARK = re.compile(r"^\s*(\(?이\)?)?라(는|고)\s|원하는 대로|마음대로")


def _min_length(sentence: Sentence, member: GroupMember) -> int:
    """Shortest group cloze: 25 characters, or 16 when the lecturer marked the claim about the member
    as a key phrase ('`서명된 URL은 개별 파일에 대한 액세스`를 줍니다'): a marked claim is no filler line."""
    for span in sentence.spans:
        marked = mask(span.text, member.aliases)
        if korean.BLANK not in marked or len(marked) < 10 + len(korean.BLANK):
            continue
        if not _EMPTY_MARK.search(marked.split(korean.BLANK, 1)[1]):
            return _MIN_MARKED_CLOZE
    return _MIN_GROUP_CLOZE


def near_padding(ctx: Context, members: list[GroupMember]) -> list[GroupMember]:
    """Members of the ``near:`` groups of a three-member group ('binpack, spread, 랜덤' beside the ECS service
    auto scaling kinds): two siblings are one distractor short, and a set the same lecture names beside it
    makes a plausible third choice (one only: the choices stay mostly of the asked kind). None for a larger
    group, which has siblings enough."""
    if len(members) != 3:
        return []
    near = set(ctx.hints[members[0].group].near)
    return [m for gi, group in enumerate(ctx.groups) if ctx.hints[gi].name in near for m in group]


def group_candidates(ctx: Context) -> Iterator[Candidate]:
    """Cloze on an inline mention of a hint-group member; the other members are the distractors.

    'sc1 볼륨은 가장 비용이 적게 드는 HDD 볼륨입니다' -> '(　　) 볼륨은 …' with gp2/gp3, io1/io2, st1. A group
    of three is padded from its ``near:`` groups; the stem then asks for a word, not for the group's kind.
    """
    for members in ctx.groups:
        padding = near_padding(ctx, members)
        if len(members) + len(padding) < 4:
            continue
        for si, text in ctx.facts.items():
            sentence = ctx.sentence(si)
            if not ctx.in_group_topic(members[0].group, sentence.section):
                continue
            if informative_score(sentence.text, len(sentence.spans)) < 1.0:
                continue
            named = [m for m in members if mentions(text, m.aliases)]
            for member in named:
                if _too_generic(ctx, member, sentence.section):
                    continue
                if glued_mention(text, member.aliases) or inside_sibling_name(text, member, members):
                    ctx.rejected["glued_mention"] += 1
                    continue
                if short_for_sibling(ctx, si, member, members) or qualified_by_heading(ctx, sentence.section, member):
                    ctx.rejected["not_about_blank"] += 1
                    continue
                core = mask(text, member.aliases)
                if core.count(korean.BLANK) != 1 or len(core.replace(korean.BLANK, "")) < _min_length(sentence, member):
                    continue
                if _PREDICATE.match(core.split(korean.BLANK, 1)[1]) or completes_name(ctx, core, member.name):
                    continue
                if _MAY_ALSO.search(core) and core.startswith(korean.BLANK):
                    ctx.rejected["vague_description"] += 1
                    continue  # '(　　)의 제한을 … 요청할 수도 있습니다': what may be done is true of a sibling too
                if (
                    not_about_blank(core)
                    or paired_with_sibling(core, members, member)
                    or modifies_a_thing(core, ctx.hints[member.group].name)
                ):
                    ctx.rejected["not_about_blank"] += 1
                    continue
                section = ctx.sections[sentence.section]
                if filed_under_sibling(text, member, members):
                    ctx.rejected["filed_under_sibling"] += 1
                    continue
                others = [m for m in members + padding if m is not member and not mentions(core, m.aliases)]
                others = [m for m in others if not ranked_first_elsewhere(ctx, si, core, member, m)]
                home = ctx.group_of.get(section.index)
                in_sibling_section = home is not None and home is not member and home.group == member.group
                if in_sibling_section and section.parent is not None:
                    section = ctx.sections[section.parent]  # not 'VPC 피어링에 대한 다음 설명' of a VPC 엔드포인트 line
                names = [member.name, *(m.name for m in others)]
                others = distinct_names(member, [m for m in others if not names_choice(core, m.name, names)])
                others = sharing_stem_word_first(core, member, others)
                picked = pick_fitting(member.name, [(m.name, i) for i, m in enumerate(others)])
                if not picked:
                    continue
                distractors = [others[i] for i in picked]
                choice_names = [set(member.aliases), *(set(m.aliases) for m in distractors)]
                before, _, after = mask(sentence.text, member.aliases).partition(korean.BLANK)
                padded = sum(m in padding for m in distractors)
                if padded > 1:
                    continue  # '랜덤은 …, (　　)은(는) …': with a sibling named, most choices would be of another kind
                what = ctx.group_name(member) if ctx.ko and ctx.group_name(member) and not padded else "말"
                yield Candidate(
                    kind=KIND,
                    section=section.index,
                    source_line=sentence.start_line,
                    stem=cloze_stem(ctx, ctx.about(ctx.label_section(section.index, text), choice_names), core, what),
                    stem_core=core,
                    answer=member.name,
                    distractors=[m.name for m in distractors],
                    evidence=[ctx.quote(si)],
                    evidence_lines=[sentence.start_line],
                    aliases=choice_names,
                    fill=(before, after),
                    score=informative_score(sentence.text, len(sentence.spans)) + 0.5,
                    fact=f"{member.name}|{ctx.quote(si)}",
                )
