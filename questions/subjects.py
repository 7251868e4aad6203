"""Subjects the lecture leaves implicit, written out where the line before names exactly one concept.

'끝으로 StackSets 가 있습니다 / 이는 단일 작업으로 여러 계정과 리전에 걸쳐서 스택을 생성 …' ->
'StackSets은(는) 단일 작업으로 여러 계정과 리전에 걸쳐서 스택을 생성 …'. A pointer ('이는', '이것은', '이건',
'이 기능은', '이를 통해') is only resolved when the sentence right before it, in the same paragraph, introduces one
named concept ('X가 있습니다', '다음은 X입니다', 'X라고 합니다', or X as the subject opening it) and names nothing
else a pointer could stand for; a subjectless statement right after a claim about X ('SDK 는 …입니다 / 특정 언어로
된 라이브러리의 집합입니다') takes X as its subject. The restored form is for stems; explanations quote the notes as
said (``Restored.quote``: a pointer with the line it points to, a subjectless line alone).

Round 14 (cues) adds: 'X를 이용할 수 있습니다' introduces X like 'X가 있습니다' (the next line may name what X
spares: '관리해야 할 EC2 인스턴스가 없고 …'); a line led by '즉,' / '그리고' / '또한' takes the concept introduced one
or two lines above it; a paragraph opened by '…할 수 있기 때문입니다' under a concept's heading is a claim of it
('SSE-KMS은(는) … 감사 추적을 할 수 있습니다'); '이를 위해서는 …' after '… 전송할 수는 없습니다' / '어떻게 …할까요?'
reads '…하려면 …'.

Two older, narrower readings live here too and apply to the exam statement only: '이 옵션은' after a line
naming one '<Latin name> 옵션' (``named_option``), and a subjectless line after 'X 로 넘어가겠습니다' on the same
line (``announced_subject``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from questions import korean
from questions.notes_parser import Notes, Sentence
from questions.text import filler_end, formalise, mentions, statement_text, tidy

# what a lecturer says before introducing the next item ('끝으로 StackSets 가 있습니다', '첫 번째는 관리 이벤트라고
# 합니다'), left after tidy() has dropped the fillers
_LEAD = re.compile(
    r"^(?:끝으로|마지막으로|다음으로|다음은|반면|반면에|또|또한|그리고|이어서|"
    r"(?:첫|두|세|네) 번째(?:로|는)?|그 다음은|그다음은)\s+"
)
# 'X가 있습니다', 'X입니다', 'X라고 합니다', 'X에 대해 살펴봅시다': the whole sentence only introduces X
_INTRODUCES = re.compile(
    r"^(?P<name>.+?)\s?(?:(?:이|가|도)?\s?있습니다|(?:이)?라고 합니다|(?:이)?라고 부릅니다|입니다|이죠|"
    r"(?:에 대해서?|을|를)\s(?:살펴|알아)(?:봅시다|보겠습니다)|(?:으로|로) 넘어가겠습니다)\.?$"
)
# '(…싶다면) X를 이용할 수 있습니다': X is offered for what the line goes on to say of it (Round 14, cues)
_USE_OFFER = re.compile(
    r"^(?:(?P<case>.*[가-힣](?:면|려면|다면))\s)?(?P<name>.+?)\s?(?:을|를) (?:이용|사용)할 수 있습니다\.?$"
)
# a line that goes on from the one before ('즉, 비공개 연결이기 때문에 …', '그리고 …'): the subject may sit two lines up
_GOES_ON = re.compile(r"^(?:즉|그리고|또한)[,\s]")
_ASKS_WHO = re.compile(r"^(?:누가|무엇이|어디가)\s")
# a reason with no claim before it in its paragraph, under a concept's heading: '… 제어 가능하고 또한 감사 추적을 할 수
# 있기 때문입니다' (SSE-KMS) says what the concept lets one do
_ABLE_REASON = re.compile(r"(수 있|가능하)기 때문(?:입니다|이죠)\.?$")
# '이를 위해(서는) …' after a line saying what cannot be done or is asked ('… 전송할 수는 없습니다', '어떻게 인터넷에
# 접근할까요?', '… 클러스터가 커지는 것을 반드시 의미하지 않습니다'): the goal is that action, '…하려면'
_GOAL_POINTER = re.compile(r"^이를 위해(?:서)?(?:는)?\s")
_GOALS = (
    re.compile(r"^(?:기본적으로\s)?(?P<goal>[^?]+?)할 수(?:는|가)? 없습니다\.?$"),
    re.compile(r"^어떻게 (?P<goal>[^?]+?)할까요\?$"),
    re.compile(
        r"^(?:.*[은는]\s)?(?P<goal>[^?]+?[가-힣](?:이|가) [가-힣]*?지)는 것을 (?:반드시 )?의미하지 않습니다\.?$"
    ),
)
# 'X는 …': X opens the sentence as its subject (no modifier before it)
_OPENING_SUBJECT = re.compile(r"^(?P<name>\S+(?: \S+){0,2}?)\s?(?P<particle>은|는|이|가)\s")
# pointers to one thing: 이는 / 이것은 / 이건 (topic), 이것이 / 이게 (subject), 이를 통해(서) (means);
# '이들' (plural), '이를 위해' (a goal), '이 경우', '이 예시' (a case) point at more than one named thing
_POINTER = re.compile(
    r"^(?P<pointer>이는|이것은|이건|이것이|이게|이 (?P<noun>[가-힣]{2,4})(?P<particle>은|는|이|가)|이를(?= 통해))\s"
)
_SUBJECT_POINTERS = {"이것이", "이게"}
# nouns a pointer may name its referent by ('이 기능은'); '이 경우', '이 예시', '이 말은', '이 작업' point at a claim
_KIND_NOUNS = {
    "기능",
    "서비스",
    "옵션",
    "모드",
    "기술",
    "정책",
    "파일",
    "레코드",
    "도구",
    "방식",
    "방법",
    "유형",
    "이벤트",
}
# a side clause ('CloudShell 이 실행되면 …', 'X-Ray가 있는데 …'): a subject marked 이/가 before it belongs to that
# clause only, while a topic marked 은/는 ('온디맨드는 … 가격은 높지만, …') holds for the whole sentence
_CONDITION = re.compile(r"[가-힣](?:면|는데|은데|인데|지만|으나|니까)\s")
# a sentence whose topic is something else ('상태 확인은 …', 'CloudWatch Metrics 는 …'): not about the concept
# before it ('Git 리포지토리가 중앙 온라인 리포지토리일 때의 이점은 …' is said of Git); a subject marked 이/가 later
# in the sentence leaves its topic open ('사용 해지, 중지, 시작이 언제든 가능합니다' is still said of 온디맨드)
OWN_SUBJECT = re.compile(
    r"^(\S+\s){0,3}?\S*[가-힣A-Za-z0-9]\s?(은|는|에서는)\s|^\S+\s?(은|는|이|가)\s|^[A-Za-z][\w.-]*\s[가-힣]+(이|가)\s"
)
# a statement that supposes a case or says what follows from the claim before ('…이라면', '확실히', '쉽게 말해'),
# or compares with something only the line before names ('장치의 개수가 다를 뿐 작동 방식은 동일합니다')
_SUPPOSES = re.compile(
    r"[가-힣](?:면|라면|려면)\s|^(?:확실히|쉽게 말해|결국|덕분에|그 결과)|"
    r"다를 뿐|동일합니다|같습니다|마찬가지|비슷합니다"
)
# '이는 … 의미합니다': 'this means …' glosses the claim before it, not a concept the claim opened with
_GLOSS_END = re.compile(r"(의미합니다|의미하죠|뜻합니다|말합니다|얘기입니다|이야기입니다)\.?$")


@dataclass(frozen=True)
class Restored:
    """A sentence with its subject written out: a pointer resolved, or an implicit subject added."""

    text: str  # the sentence with the name in place of the pointer, or before it (for stems)
    name: str  # the concept the sentence is about
    quote: str  # the two lines in the notes' own words (for explanations)
    at: int  # offset in the original text where the rest of the sentence starts
    shift: int  # how far the rest moved: offsets of spans and quantities after ``at`` move with it
    pointer: bool  # a pointer was resolved (its quote holds the line before), not a subject added


def _particle(name: str, vowel: str, consonant: str) -> str:
    """'를'/'을' or '가'/'이' after a Hangul name; both forms ('을(를)') after Latin letters or digits."""
    last = name.strip()[-1:]
    if not ("가" <= last <= "힣"):
        return f"{consonant}({vowel})"
    return consonant if (ord(last) - 0xAC00) % 28 else vowel


def introduced_name(sentence: str, is_name: Callable[[str], bool]) -> tuple[str, bool] | None:
    """The one concept a sentence introduces, and whether it does nothing else ('X가 있습니다'), or None.

    ``is_name`` says whether a phrase is a named concept of the notes (a heading, a hint-group member,
    an AWS service)."""
    text = _LEAD.sub("", tidy(sentence)).strip()
    match = _INTRODUCES.match(text)
    if match:
        named = _spelled(match.group("name").strip(" `'\""), is_name) or _after_adverbial(match.group("name"), is_name)
        if named:
            return named, True
    offered = _offered_name(text, is_name)
    if offered is not None:
        return offered, False
    match = _OPENING_SUBJECT.match(text)
    if match and is_name(match.group("name").strip(" `'\"")):
        if match.group("particle") in {"이", "가"} and _CONDITION.search(text):
            return None  # 'CloudShell 이 실행되면 …', 'X-Ray가 있는데 …': X is the subject of a side clause only
        return match.group("name").strip(" `'\""), False
    return None


def _spelled(phrase: str, is_name: Callable[[str], bool]) -> str | None:
    """The phrase when it names a concept, also by its name outside a gloss ('Direct Connect(DX)')."""
    match = re.fullmatch(r"(?P<outer>[^()]+?)\s?\((?P<inner>[^()]+)\)", phrase)
    return phrase if is_name(phrase) or (match and is_name(match.group("outer"))) else None


def _after_adverbial(phrase: str, is_name: Callable[[str], bool]) -> str | None:
    """'같은 목적으로 사용 가능한 것으로 Direct Connect(DX)' -> 'Direct Connect': a name of at most three words after
    an adverbial phrase ending in '(으)로' ('… 것으로', '그 대안으로')."""
    words = phrase.split()
    for k in (3, 2, 1):
        if len(words) > k and re.search(r"[가-힣]으?로$", words[-k - 1]):
            named = _spelled(" ".join(words[-k:]).strip(" `'\""), is_name)
            if named:
                return named
    return None


def _offered_name(text: str, is_name: Callable[[str], bool]) -> str | None:
    """'도커 컨테이너를 서버리스에서 실행하고 싶다면 Fargate 를 이용할 수 있습니다' -> 'Fargate' (a name of at most
    three words right before '를 이용할 수 있습니다', with at most a case before it)."""
    match = _USE_OFFER.match(text)
    if match is None:
        return None
    words = match.group("name").split()
    name = next((" ".join(words[-k:]) for k in (3, 2, 1) if len(words) >= k and is_name(" ".join(words[-k:]))), None)
    if name is None or len(words) > len(name.split()):
        return None  # 'AWS CLI 의 --profile 옵션을 사용할 수 있습니다': words before the name belong to it
    return name.strip(" `'\"")


def restore(sentence: str, name: str, heading: bool = False) -> tuple[int, int, str] | None:
    """Where the leading pointer of a raw sentence sits and what replaces it (``name`` with its particle),
    or None if it opens with none this module resolves ('이 기능은' only when the name is of that kind or a
    Latin name: '--dry-run 옵션은'; or when ``name`` is the heading right above the line, which is all a
    pointer there can stand for: '## EC2 인스턴스 메타데이터 / 이 기능은 …')."""
    offset = filler_end(sentence)
    match = _POINTER.match(sentence[offset:])
    if match is None:
        return None
    at, end = offset, offset + len(match.group("pointer"))
    pointer = match.group("pointer")
    if pointer == "이를":
        return at, end, f"{name}{_particle(name, '를', '을')}"
    if pointer in _SUBJECT_POINTERS:
        return at, end, f"{name}{_particle(name, '가', '이')}"
    noun = match.group("noun")
    if noun is None:
        return at, end, f"{name}{korean.topic_particle(name)}"
    if noun not in _KIND_NOUNS:
        return None
    if name.endswith(noun) or heading:
        subject = name
    elif korean.script(name) == "latin":
        subject = f"{name} {noun}"
    else:
        return None
    if match.group("particle") in {"은", "는"}:
        return at, end, f"{subject}{korean.topic_particle(subject)}"
    return at, end, f"{subject}{_particle(subject, '가', '이')}"


def _referent(
    before: str, is_name: Callable[[str], bool], names_other: Callable[[str, str], bool]
) -> tuple[str, bool] | None:
    """The one concept the line before introduces and nothing else it names could be what a pointer after
    it stands for; with whether the line only introduces it ('X가 있습니다') or says something of it ('X는 …')."""
    found = introduced_name(before, is_name)
    if found is None or names_other(before, found[0]):
        return None
    if not found[1] and statement_text(before) is None:
        return None  # lecture talk or a worked case about X: no claim of X goes on after it
    return found


def restore_subject(
    before: str,
    sentence: str,
    is_name: Callable[[str], bool],
    names_other: Callable[[str, str], bool],
    goes_on: bool = False,
) -> Restored | None:
    """The sentence with its pointer resolved, or its implicit subject written out, where ``before``
    introduces one named concept and names nothing else (``names_other``); None when that is not certain.

    A pointer is resolved after any introduction ('끝으로 StackSets 가 있습니다 / 이는 …'), except that after a
    claim about X ('X는 …') '이를 통해' and '이는 … 의미합니다' point at the claim, not at X. A subjectless
    statement gets X only after a claim about X and only when it names nothing else, opens with no subject of
    its own and supposes nothing ('… 이하의 버전이라면 퍼티를 사용하면 됩니다' is not said of SSH). With ``goes_on``
    (a line led by '즉,' or '그리고', ``before`` up to two lines above it) a subjectless statement takes X after an
    introduction too ('… Direct Connect(DX)가 있습니다 / … / 즉, 비공개 연결이기 때문에 …'), and no pointer is read."""
    found = _referent(before, is_name, names_other)
    if found is None:
        return None
    name, only = found
    if goes_on:
        only = False
    place = None if goes_on else restore(sentence, name)
    claim_pointer = _GLOSS_END.search(tidy(sentence).rstrip(".")) or sentence.lstrip().startswith("이를")
    if place is not None and not only and claim_pointer:
        return None
    if place is None and not only:
        # after an offer ('X를 이용할 수 있습니다') or as a line going on, the claim may name what X spares or uses
        # ('관리해야 할 EC2 인스턴스가 없고 …'): X stays its topic while no other topic opens it
        lenient = goes_on or _offered_name(_LEAD.sub("", tidy(before)).strip(), is_name) is not None
        place = _implicit_place(sentence, name, names_other, lenient)
    if place is None:
        return None
    at, end, written = place
    text = sentence[:at] + written + sentence[end:]
    # a pointer is quoted with the line it points to ('이건 …' alone says nothing); a subjectless line is
    # quoted alone, as the notes say it under its heading
    quote = f"{_as_said(before)} {_as_said(sentence)}" if at != end else statement_text(sentence) or _as_said(sentence)
    return Restored(text=text, name=name, quote=quote, at=end, shift=len(written) - (end - at), pointer=at != end)


def _implicit_place(
    sentence: str, name: str, names_other: Callable[[str, str], bool], lenient: bool = False
) -> tuple[int, int, str] | None:
    """Where a subjectless statement about ``name`` takes it as its subject (after any leading filler); ``lenient``
    lets the statement name other concepts (not as its topic)."""
    text = tidy(sentence)
    own = OWN_SUBJECT.match(text) and not _ASKS_WHO.match(text)  # '누가 어떤 키에 …': a question word, no subject
    if own or _POINTER.match(text) or _SUPPOSES.search(text) or statement_text(text) is None:
        return None
    if (names_other(text, name) and not lenient) or mentions(text, korean.aliases(name)):
        return None  # another concept, or X again ('… Beanstalk 애플리케이션을 배포할 수 없습니다'): no subject to add
    at = filler_end(sentence)
    return at, at, f"{name}{korean.topic_particle(name)} "


def _as_said(sentence: str) -> str:
    """A line in the notes' own words, ended in the written style when it is a statement."""
    text = tidy(sentence)
    return formalise(text) or text.rstrip(".") + "."


def restore_opening(sentence: str, name: str, names_other: Callable[[str, str], bool]) -> Restored | None:
    """Round 14 (thinC): a subjectless statement opening a section right under a heading that names one hint-group
    member, about that member ('### A 레코드 / 호스트 이름과 IPv4 IP를 매핑하죠' -> 'A 레코드는 호스트 이름과 …');
    None when it has a subject or pointer of its own, supposes a case, compares, or names something else."""
    place = _implicit_place(sentence, name, names_other)
    if place is None:
        return None
    at, _, written = place
    text = sentence[:at] + written + sentence[at:]
    quote = statement_text(sentence) or _as_said(sentence)
    return Restored(text=text, name=name, quote=quote, at=at, shift=len(written), pointer=False)


def restore_subjects(
    notes: Notes,
    is_name: Callable[[str], bool],
    names_other_in: Callable[[int], Callable[[str, str], bool]],
    heading_concept: Callable[[int], str | None] = lambda section: None,
) -> dict[int, Restored]:
    """Write restored subjects into the notes' sentences (their spans and quantities moved along), so that
    every template and gate reads 'StackSets은(는) 단일 작업으로 …'; returns what was restored, by sentence.

    ``names_other_in`` gives, per section, whether a text names a concept other than a given one there (a
    name kept to other topics is none); ``heading_concept`` names the hint-group member a section's heading
    stands for, whose opening line, right under the heading, may leave it implicit."""
    out: dict[int, Restored] = {}
    for index in range(len(notes.sentences)):
        sentence = notes.sentences[index]
        before = notes.sentences[index - 1] if index else None
        names_other = names_other_in(sentence.section)
        if before is None or before.section != sentence.section:
            restored = _under_heading(notes, index, is_name) or _opening(notes, index, names_other, heading_concept)
        elif before.continued or index - 1 in out:
            continue
        elif any(
            not line.strip() or line.startswith("#") for line in notes.lines[before.end_line : sentence.start_line - 1]
        ):
            continue  # another paragraph
        else:
            restored = restore_subject(before.text, sentence.text, is_name, names_other)
            if restored is None:
                restored = _gone_on(notes, index, is_name, names_other)
            if restored is None:
                restored = restore_goal(before.text, sentence.text)
        if restored is None:
            continue
        _write(sentence, restored)
        out[index] = restored
    for index, sentence in enumerate(notes.sentences):
        if index in out or (index and same_paragraph(notes, index - 1, index)):
            continue
        restored = _reason_claim(sentence, notes.sections[sentence.section].name, is_name, names_other)
        if restored is not None:
            _write(sentence, restored)
            out[index] = restored
    return out


def _opening(
    notes: Notes, index: int, names_other: Callable[[str, str], bool], heading_concept: Callable[[int], str | None]
) -> Restored | None:
    """``restore_opening`` for the first line right under its heading (no link, code or list before it)."""
    sentence = notes.sentences[index]
    section = notes.sections[sentence.section]
    name = heading_concept(section.index)
    if name is None or any(line.strip() for line in notes.lines[section.line : sentence.start_line - 1]):
        return None
    return restore_opening(sentence.text, name, names_other)


_OPINION = re.compile(r"생각하는데|생각합니다|것 같습니다")


def _under_heading(notes: Notes, index: int, is_name: Callable[[str], bool]) -> Restored | None:
    """Round 14 (kinds): a pointer opening the first line right under a heading stands for the heading's
    concept ('## 지리 근접 라우팅 / 이는 사용자와 리소스의 지리적 위치를 기반으로 …', '## EC2 / 이것은 일래스틱 컴퓨트
    클라우드의 약자로 …'), when the heading names one concept and the line does not name it again ('## IOPS / 이는
    IOPS 성능을 …' is about a volume type the heading shortens). '이를 …' points at a claim, so it is left alone.
    The quote shows the heading the pointer stands for."""
    sentence = notes.sentences[index]
    section = notes.sections[sentence.section]
    if any(line.strip() for line in notes.lines[section.line : sentence.start_line - 1]):
        return None  # not the first line under the heading
    name = section.name
    if not is_name(name) or mentions(sentence.text, korean.aliases(name)) or sentence.text.lstrip().startswith("이를"):
        return None
    if _OPINION.search(sentence.text):
        return None  # '이 서비스가 … 가장 혁신적인 서비스라고 생각하는데 …': the lecturer's view, no claim of X
    place = restore(sentence.text, name, heading=True)
    if place is None:
        return None
    at, end, written = place
    quote = f"{name}: {_as_said(sentence.text)}"
    text = sentence.text[:at] + written + sentence.text[end:]
    return Restored(text=text, name=name, quote=quote, at=end, shift=len(written) - (end - at), pointer=False)


def restore_goal(before: str, sentence: str) -> Restored | None:
    """'이를 위해서는 …' with the goal the line before names: '기본적으로 로그를 EC2 인스턴스에서 CloudWatch로
    전송할 수는 없습니다 / 이를 위해서는 EC2 인스턴스에서 … 에이전트를 생성해야 하죠' -> '로그를 EC2 인스턴스에서
    CloudWatch로 전송하려면 EC2 인스턴스에서 …'. Only an action the line before says cannot be done, asks how to
    do ('어떻게 …할까요?') or says does not follow ('… 클러스터가 커지는 것을 반드시 의미하지 않습니다'), ending in
    '하' or '지' ('커지려면')."""
    offset = filler_end(sentence)
    pointer = _GOAL_POINTER.match(sentence[offset:])
    if pointer is None:
        return None
    said = tidy(before)
    goal = next((m.group("goal") for m in (p.match(said) for p in _GOALS) if m), None)
    if goal is None or re.search(r"(?:^|\s)(?:이|그|이것|그것)\s", goal) or "," in goal:
        return None
    written = f"{goal}려면 " if goal.endswith("지") else f"{goal}하려면 "
    at, end = offset, offset + pointer.end()
    return Restored(
        text=sentence[:at] + written + sentence[end:],
        name=goal,
        quote=f"{_as_said(before)} {_as_said(sentence)}",
        at=end,
        shift=len(written) - (end - at),
        pointer=True,
    )


def _write(sentence: Sentence, restored: Restored) -> None:
    """Put a restored text into the sentence, its spans, quantities and line starts moved along."""
    sentence.text = restored.text
    for item in (*sentence.spans, *sentence.quantities):
        if item.start >= restored.at:
            item.start += restored.shift
            item.end += restored.shift
    sentence.line_starts = [o + restored.shift if o >= restored.at else o for o in sentence.line_starts]


def _reason_claim(
    sentence: Sentence, heading: str, is_name: Callable[[str], bool], names_other: Callable[[str, str], bool]
) -> Restored | None:
    """A paragraph opened by a reason ('… 제어 가능하고 또한 감사 추적을 할 수 있기 때문입니다') under a concept's
    heading (SSE-KMS) says what the concept lets one do: 'SSE-KMS은(는) … 감사 추적을 할 수 있습니다'. Only a reason
    saying what is possible, with no topic of its own and supposing nothing."""
    ending = _ABLE_REASON.search(sentence.text.rstrip())
    if ending is None or not is_name(heading) or sentence.continued:
        return None
    if any(item.end > ending.start() for item in (*sentence.spans, *sentence.quantities)):
        return None  # a marked span runs into the ending
    claim = sentence.text[: ending.start()] + ("수 있습니다" if ending.group(1) == "수 있" else "가능합니다")
    place = _implicit_place(claim, heading, names_other, lenient=True)
    if place is None:
        return None
    at, _, written = place
    return Restored(
        text=claim[:at] + written + claim[at:],
        name=heading,
        quote=_as_said(sentence.text),
        at=at,
        shift=len(written),
        pointer=False,
    )


def same_paragraph(notes: Notes, first: int, last: int) -> bool:
    """Are sentences ``first`` .. ``last`` of one section and one paragraph?"""
    for index in range(first, last):
        before, sentence = notes.sentences[index], notes.sentences[index + 1]
        if before.section != sentence.section:
            return False
        if any(
            not line.strip() or line.startswith("#") for line in notes.lines[before.end_line : sentence.start_line - 1]
        ):
            return False
    return True


def _gone_on(
    notes: Notes, index: int, is_name: Callable[[str], bool], names_other: Callable[[str, str], bool]
) -> Restored | None:
    """A subjectless line led by '즉,' / '그리고' / '또한' with the concept introduced one or two lines above it,
    when a line between (if any) has no subject or pointer of its own ('… Direct Connect(DX)가 있습니다 /
    온프레미스 데이터 센터와 VPC를 연결하기 위해 사용되는데 … / 즉, 비공개 연결이기 때문에 …')."""
    sentence = notes.sentences[index]
    if not _GOES_ON.match(sentence.text.lstrip()):
        return None
    for back in (1, 2):
        start = index - back
        if start < 0 or not same_paragraph(notes, start, index) or notes.sentences[start].continued:
            return None
        between = [tidy(notes.sentences[j].text) for j in range(start + 1, index)]
        if any(OWN_SUBJECT.match(t) or _POINTER.match(t) or introduced_name(t, is_name) for t in between):
            return None
        restored = restore_subject(notes.sentences[start].text, sentence.text, is_name, names_other, goes_on=True)
        if restored is not None:
            return restored
    return None


# a demonstrative subject ('이 옵션은 …') that the line before names ('--dry-run 옵션을 사용할 수 있습니다')
_KIND_POINTER = re.compile(r"^이 ([가-힣]{2,})(?:은|는) ")
_OPENS_WITH_SUBJECT = re.compile(r"^\S+ ?(은|는|이|가)\s")
# a spoken move to the next subject, said on the line that goes on to describe it ('ECR 로 넘어가겠습니다 …')
_MOVE_ON = re.compile(r"^(?:이제\s+)?([A-Za-z][\w-]*)\s?(?:으로|로) 넘어가겠습니다\.?$")


def named_option(before: str, sentence: str) -> str | None:
    """'이 옵션은 …' right after a line naming one '<Latin name> 옵션' reads as that name ('--dry-run 옵션은 …')."""
    pointer = _KIND_POINTER.match(sentence)
    if pointer is None:
        return None
    noun = re.escape(pointer.group(1))
    named = re.findall(r"(?:^|\s)([A-Za-z\-][\w.\-]*) " + noun + r"(?=[을를은는이가의에로\s]|$)", before)
    return f"{named[0]} {sentence[2:]}" if len(set(named)) == 1 else None


def announced_subject(before: str, statement: str) -> str | None:
    """A subjectless statement with the subject the lecturer moved on to just before it, on its line
    ('ECR 로 넘어가겠습니다 / AWS 에서 개인 도커 이미지를 저장하는 곳으로 …' -> 'ECR은(는) AWS 에서 …')."""
    moved = _MOVE_ON.match(before.strip())
    if not moved or _OPENS_WITH_SUBJECT.match(statement):
        return None
    return f"{moved.group(1)}{korean.topic_particle(moved.group(1))} {statement}"
