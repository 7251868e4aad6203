"""What every template needs to know about the notes, computed once per run."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from questions import korean
from questions.groups import Group
from questions.notes_parser import Notes, Section, Sentence
from questions.subjects import Restored, announced_subject, named_option, restore_subjects
from questions.text import content_words, distinctive_leak, informative_score, mentions, statement_text, term_pattern

_COMPOUND = re.compile(r"(,|\s및\s|\s&\s|\s\+\s|\svs\.?\s|\s대\s|차이|비교|:)", re.IGNORECASE)
_JOINED = re.compile(r"[가-힣](와|과)\s")  # '캐시 제거와 타임 투 리브': two things in one heading
_CLAUSE_END = re.compile(r"([다요죠고며서면지게음함됨는은을한된할될던]|니다|하여|해서|처럼)$")
_CASE_WORD = re.compile(r"[가-힣](을|를|에서|으로|에게|에는)$")
_INNER_CASE_WORD = re.compile(r"[가-힣](은|는|이|가|에|와|과|로|도|의)$")


_PRONOUN_OPEN = re.compile(
    r"^(이는|이것|이건|이게|그것|그건|이를|이들|이렇게|그렇게|이럴|그럴|여기|이 경우|it|this|they)\b"
)
# a clause that only makes sense beside its neighbours: a bare condition, a nominalised tail, a
# pointer back ('이는'), or the name itself as the clue ('이름처럼')
_FRAGMENT = re.compile(
    r"^[가-힣]+(으면|면|지만|는데|으나)\s|다는 것입니다|는 것입니다\.?$|\s이는\s|이름처럼|이름에서|이름 그대로"
    # a condition whose subject was cut ('실행되지 않으면 IAM 역할에 …'), a term defined ('계측이란 뜻은 …')
    r"|^[가-힣]+지 않으면\s|^[가-힣]+란 뜻은\s"
)
_SUBJECT_PARTICLES = {"은", "는", "이", "가", "에서는", "의 경우", "이란", "란"}

# Round 14 audit: statements that are no claim of the asked concept once they stand alone as a choice.
# A consequence or restatement opening ('따라서 사용자들은 … GET이나 PUT 권한을 사용할 수 있습니다', after 'the
# URL inherits its creator's permissions'): its premise, the concept, is in the line before.
_CONSEQUENCE_OPEN = re.compile(r"^[`(\s]*(따라서|그래서|그러므로|결과적으로|즉)(?=[,\s])")
# a tool named in a condition ('Transfer Acceleration 를 사용하면 전송 속도를 높일 수 있습니다'): the claim is
# about that tool and true whatever concept the question asks about
_TOOL_CONDITION = re.compile(r"^\S+(?: \S+){0,2}?\s?(?:을|를) (?:사용하면|이용하면|쓰면|활용하면)\s")
# a word that is a clause subject ('로그가', '서비스가'); not an adnominal verb ending ('정리하는', '않은')
_SUBJECT_WORD = re.compile(r"(?<![하되있없않많같된할한좋높낮작넓짧적깊])(?:은|는|이|가)$")
# a passive predicate ('… 클라우드에 백업되고 있습니다'), or a complement of '되다' ('좋은 방법이 되어 줍니다', whose
# '방법이' is no subject): without a subject, what is backed up or what makes the good way is lost
_PASSIVE_END = re.compile(r"(?:되고 있습|되어 있습|돼 있습|되기도 합|됩)니다\.?$")
_COMPLEMENT_END = re.compile(r"\s\S+(?:이|가) (?:되어 줍|되어 줄 수 있습|될 수 있습|됩)니다\.?$")


def lost_subject(text: str, implicit: bool = True) -> bool:
    """A statement that says too little to be a claim of anything ('VPC는 IP 범위를 갖고 있습니다'), or, when the
    notes give it no subject (``implicit``), whose passive predicate hides what it is said of ('컴퓨터뿐만 아니라
    클라우드에 백업되고 있습니다': the code, not CodeCommit)."""
    if len(content_words(text)) < 3 or len(text) < 20:
        return True
    if not implicit:
        return False
    complement = _COMPLEMENT_END.search(text)
    words = (text[: complement.start()] if complement else text.rstrip(".")).split()
    if any(_SUBJECT_WORD.search(word) for word in words[: len(words) if complement else -1]):
        return False
    return bool(complement or _PASSIVE_END.search(text))


# a heading naming a kind of things or an aspect ('Beanstalk 배포 모드', 'CloudFormation 내장 함수',
# 'S3 퍼포먼스'): a sentence under it describes one member (rolling updates, FindInMap) or the service
# itself, so the heading is no concept a description singles out (concept, definition)
ASPECT_HEAD = re.compile(r"(모드|함수|퍼포먼스|성능|유형|종류)$")


def strip_subject(text: str, names: set[str]) -> str | None:
    """'CloudTrail 은 API 호출을 감사합니다' -> 'API 호출을 감사합니다' (None if no name is the subject)."""
    for name in sorted(names, key=len, reverse=True):
        match = term_pattern(name).search(text[:40])
        if not match or len(text[: match.start()].split()) > 1:
            continue  # the name must open the sentence (one modifier word allowed: 'Amazon 전용 호스트는')
        rest = text[match.end() :]
        if re.match(r"^\s?(is|are|was|were|can|lets|allows|provides|stores|gives)\b", rest):
            return rest.strip()
        particle = korean.leading_particle(rest)
        if particle in _SUBJECT_PARTICLES:
            out = rest[rest.index(particle) + len(particle) :].strip(" ,")
            return out or None
    return None


_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9.\-/])[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?: [A-Z][A-Za-z0-9]+){0,2}(?![A-Za-z0-9])"
)
_COMMON_LATIN = {
    "aws",
    "i",
    "a",
    "ok",
    "id",
    "api",
    "http",
    "https",
    "url",
    "ip",
    "the",
    "amazon",
    "yes",
    "no",
    "ui",
}


@dataclass(frozen=True)
class Term:
    """A key phrase that can serve as a cloze answer or a distractor."""

    text: str
    section: int
    topic: int
    follow: str  # right-context class: the particle after it, or '' (e.g. followed by a noun)


def is_term_like(text: str) -> bool:
    """A short noun phrase (not a clause): few words, no verb ending, at most one case particle."""
    stripped = text.strip()
    if not 1 <= len(stripped) <= 24 or len(stripped.split()) > 3:
        return False
    if re.fullmatch(r"[\d\s.,~%:-]+", stripped):
        return False
    words = stripped.split()
    # nouns end in these syllables too (인스턴스 ends in 스), so only reject obvious verb endings
    if (
        korean.has_hangul(words[-1])
        and _CLAUSE_END.search(words[-1])
        and len(words[-1]) > 1
        and re.search(
            r"(니다|습니다|합니다|한다|된다|있다|없다|하고|하며|해서|되는|하는|있는|없는|된|할|될)$",
            words[-1],
        )
    ):
        return False
    if len(words) > 1 and re.search(r"[가-힣](나|은|는|와|과|로|도|만)$", words[-1]):
        return False  # '라우트나 경로'-style fragments cut out of a longer phrase
    return not any(_CASE_WORD.search(w) for w in words) and not any(_INNER_CASE_WORD.search(w) for w in words[:-1])


# a term the notes name or define: '… 이것을 멀티파트 업로드라고 합니다', '캐시 히트란 …'
_NAMED = re.compile(r"(?:(이)?라고\s?(?:합니다|하며|하고|하죠|부릅니다|부르며|부르죠|불립니다)|(?:이)?란\s)")
_NAMING_STOP = re.compile(
    r"(을|를|은|는|이|가|의|에|도|로|와|과|죠|고|며|요|다|데|면|서|게|지만|그럼|이것|이를|즉|그리고|따라서)$"
)


_POINTERS = {"그럼", "이것을", "이를", "즉", "그리고", "따라서"}


def named_terms(text: str) -> list[str]:
    """Phrases of up to three words right before '(이)라고 합니다' or '(이)란' (none of them a particle-ended
    word or a pointer): the notes' own definitions of a term."""
    out: list[str] = []
    for match in _NAMED.finditer(text):
        before = text[: match.start()].split()
        words: list[str] = []
        for word in reversed(before[-3:]):
            if _NAMING_STOP.search(word) or word in _POINTERS:
                break  # '이것을', '…정책을': the name starts after it
            words.insert(0, word)
        if before and _NAMING_STOP.search(before[-1]):
            words = []  # the word right before the ending is particle-ended: no name
        phrase = " ".join(words).strip("`'\"“” ")
        if len(phrase) >= 2 and korean.has_hangul(phrase + "가") and not phrase[0].isdigit():
            out.append(phrase)
    return out


# a spoken clause end that introduces what the rest of the line is about ('파일 블록인데요', '간단한데요')
_BACKGROUND_END = re.compile(r"데요$")
# a sentence that shows a figure or supposes a case: what follows describes that, not the section's subject
_EXAMPLE_INTRO = re.compile(r"(^여기\s|예시|예제|경우를|해\s?봅시다$|한다고\s합시다$).*(봅시다|볼까요|합시다)\.?$")
# round 14 (audit): a line that supposes a case ('… 전송한다고 치면 …') or says what is seen in a figure ('… AMI ID가
# 보입니다'): the next line goes on with that case or picture ('… 작업이 끝날 겁니다', '… 사용할 AMI를 보여줍니다')
_CASE_OR_FIGURE = re.compile(r"(?:다고|라고) 치면|(?:이|가) 보입니다\.?$")
# headings that name a part of the lecture, not a concept ('Beanstalk 고급 개념', 'S3 보안 개요')
_GENERIC_HEADING = re.compile(
    r"(개념|고급|기초|개요|소개|실습|연습|정리|요약|참고|주의|핸즈온|데모|복습|시작하기|심화|팁|기본|"
    r"overview|introduction|basics|advanced|summary|hands[- ]on|demo)",
    re.IGNORECASE,
)
# a choice that is a clause fragment or a demonstrative phrase ('그 AZ가 손상', '뒤 다음 버킷')
_JUNK_CHOICE = re.compile(
    r"^(그|이|저|뒤|다음|해당|이런|그런|각|모든|어떤|여러|다른|같은|위|아래|앞|첫|두|세|새|기존|특정)(\s|$)|"
    r"[가-힣](하는|되는|있는|없는|하고|되고|해서|하면|되면|에서|으로|하게|하기|된|한|할|될)$"
)


def lengths_fit(answer: str, others: list[str]) -> bool:
    """Would these choices pass the length gates (ratio bounded, answer not clearly the longest)?"""
    lengths = [len(answer), *(len(o) for o in others)]
    ratio = max(lengths) / max(1, min(lengths))
    if (max(lengths) > 12 and ratio > 2.5) or ratio > 4.0:
        return False
    return not (others and len(answer) > 8 and len(answer) > 1.3 * max(len(o) for o in others))


def pick_fitting(answer: str, pool: list[tuple[str, int]], count: int = 3) -> list[int]:
    """The first ``count`` items of a best-first pool whose names keep the choice lengths balanced."""
    picked: list[tuple[str, int]] = []
    for name, item in pool:
        trial = [n for n, _ in picked] + [name]
        ratio_ok = lengths_fit(answer, trial) if len(trial) == count else _ratio_ok(answer, trial)
        if ratio_ok:
            picked.append((name, item))
            if len(picked) == count:
                break
    return [item for _, item in picked] if len(picked) == count else []


def _ratio_ok(answer: str, names: list[str]) -> bool:
    lengths = [len(answer), *(len(n) for n in names)]
    ratio = max(lengths) / max(1, min(lengths))
    return not ((max(lengths) > 12 and ratio > 2.5) or ratio > 4.0)


def junk_choice(text: str) -> bool:
    return bool(_JUNK_CHOICE.search(text.strip()))


def is_concept(section: Section) -> bool:
    """A heading that names one thing and can be a choice (not a lab step, not a list of names)."""
    name = section.name
    return (
        not section.task
        and not _GENERIC_HEADING.search(name)
        and 1 <= len(name) <= 32
        and not _COMPOUND.search(name)
        and not re.match(r"^[A-Za-z0-9]\S*(과|와) \S+$", name)
        and (section.parent is not None or korean.script(name) == "latin")
        and len(name.split()) <= 5
    )


# a marked span that is a whole claim with its own topic ('`4xx 클라이언트 오류에서는 재시도 … 안 됩니다`')
_MARKED_CLAIM = re.compile(r"\S(은|는) .*니다\.?$")


def _marked_claim(sentence: Sentence) -> str | None:
    """The claim the lecturer marked in backticks, when the sentence around it is no fact (it opens with
    '이러한 …' or narration) but the marked span says a whole fact of a subject it names itself."""
    for span in sentence.spans:
        text = span.text.strip()
        if len(text) >= 20 and _MARKED_CLAIM.search(text):
            statement = statement_text(text)
            if statement is not None:
                return statement
    return None


@dataclass(frozen=True)
class GroupMember:
    """A member of a hint group resolved against the notes: its section when it has a heading."""

    name: str
    aliases: frozenset[str]
    section: int | None
    group: int


def _owned(alias: str) -> bool:
    """A name that says whose it is: Latin or several words ('Max I/O 성능 모드', '서비스 맵'), not one common
    Korean word ('리소스', '추적': CloudTrail's trails are '추적' too)."""
    return bool(re.search(r"[A-Za-z0-9]", alias)) or len(alias.split()) >= 2


@dataclass
class Context:
    notes: Notes
    hints: list[Group] = field(default_factory=list)
    glossary: frozenset[str] = field(default_factory=frozenset)
    _spread: dict[str, int] = field(default_factory=dict)
    rejected: Counter[str] = field(default_factory=Counter)  # template-level rejects, by gate reason
    restored: dict[int, Restored] = field(default_factory=dict)  # sentence -> its subject restored

    def __post_init__(self) -> None:
        # pointers resolved first ('이는 …' -> 'StackSets은(는) …'): templates and gates read the restored text
        self.restored = restore_subjects(self.notes, self._is_named, self._names_other_in, self._heading_concept)
        names = {s.name for s in self.notes.sections}
        spans = {sp.text for s in self.notes.sentences for sp in s.spans if is_term_like(sp.text)}
        self.glossary = frozenset(names | spans)

    @cached_property
    def facts(self) -> dict[int, str]:
        """Sentence index -> the sentence as an exam statement, for sentences that are facts."""
        out: dict[int, str] = {}
        for index, sentence in enumerate(self.notes.sentences):
            if sentence.continued or self._after_background(index) or self._after_example(index):
                continue  # 'ImageId에 대한 FindInMap 함수를 …': the lines saying what for are in another sentence
            statement = statement_text(self._pointer_resolved(index))
            if statement is None:
                statement = _marked_claim(sentence)
            if statement is not None:
                out[index] = self._with_announced_subject(index, statement)
        return out

    def quote(self, index: int) -> str:
        """A fact as explanations quote it and ids hash it: in the notes' own words, so a resolved pointer is shown
        with the line that named it ('끝으로 StackSets 가 있습니다. 이는 …'), not as the stem rewrote it."""
        restored = self.restored.get(index)
        return restored.quote if restored is not None else self.facts[index]

    def with_antecedents(self, lines: list[int]) -> list[int]:
        """Evidence lines with the line a resolved pointer points to: its quote shows that line, so no other
        question asks it again ('별칭 레코드도 있습니다' is quoted with '이건 Route 53에 한정되지만 …')."""
        out = list(lines)
        for index, restored in self.restored.items():
            sentence = self.notes.sentences[index]
            antecedent = self.notes.sentences[index - 1].start_line
            if restored.pointer and sentence.start_line in lines and antecedent not in out:
                out.append(antecedent)
        return out

    def _heading_concept(self, section: int) -> str | None:
        """The hint-group member a section's heading is the name of ('### A 레코드'), if any."""
        member = self.group_of.get(section)
        name = self.sections[section].name
        if member is None or _COMPOUND.search(name) or _JOINED.search(name):
            return None  # '캐시 제거와 타임 투 리브(TTL)': the heading names more than the member
        return member.name

    def _names_other_in(self, section: int) -> Callable[[str, str], bool]:
        """``_names_other`` for a sentence of a section: a member of a group kept to other topics is no name there
        ('매핑', '리소스' are CloudFormation template parts only in CloudFormation)."""
        topic = self.sections[self.sections[section].topic].name
        cache: dict[str, list[tuple[str, str]]] = self.__dict__.setdefault("_local_phrases", {})
        if topic not in cache:
            foreign = {
                korean.normalise(alias)
                for group in self.hints
                if group.topic and group.topic not in topic
                for m in group.members
                for alias in m.aliases
            }
            cache[topic] = [(phrase, key) for phrase, key in self._named_phrases if key not in foreign]
        local = cache[topic]
        return lambda text, name: self._names_other(text, name, local)

    def _is_named(self, phrase: str) -> bool:
        return korean.normalise(phrase) in self.normalised_names

    @cached_property
    def _named_phrases(self) -> list[tuple[str, str]]:
        """Every heading alias and hint-group member alias, with its comparison form."""
        members = (alias for group in self.hints for member in group.members for alias in member.aliases)
        headings = (n for names in self.aliases.values() for n in names)
        phrases = {n for n in (*headings, *members) if len(korean.normalise(n)) >= 2}
        return sorted((n, korean.normalise(n)) for n in phrases)

    def _names_other(self, text: str, name: str, phrases: list[tuple[str, str]] | None = None) -> bool:
        """Does the text name a concept other than ``name`` (or a part or alias of it)?"""
        own = korean.normalise(name)
        aliases = {korean.normalise(a) for a in korean.aliases(name)}
        compared = korean.normalise(text)
        for phrase, key in self._named_phrases if phrases is None else phrases:
            if key not in compared or key in own or own in key or key in aliases:
                continue  # (the comparison form first: a regex per phrase and sentence is slow)
            if term_pattern(phrase).search(text):
                return True
        return False

    def _pointer_resolved(self, index: int) -> str:
        """'이 옵션은 …' right after a line naming one '<Latin name> 옵션' reads as that name ('--dry-run 옵션은 …')."""
        sentence = self.notes.sentences[index]
        if index == 0 or sentence.start_line > self.notes.sentences[index - 1].end_line + 1:
            return sentence.text
        return named_option(self.notes.sentences[index - 1].text, sentence.text) or sentence.text

    def _with_announced_subject(self, index: int, statement: str) -> str:
        """Give a subjectless sentence the subject the lecturer moved on to earlier on its line.
        ('ECR 로 넘어가겠습니다 AWS 에서 개인 도커 이미지를 저장하는 곳으로 …' -> 'ECR은(는) AWS 에서 …')"""
        if index == 0:
            return statement
        before, sentence = self.notes.sentences[index - 1], self.notes.sentences[index]
        if before.end_line != sentence.start_line:
            return statement
        return announced_subject(before.text, statement) or statement

    def _after_background(self, index: int) -> bool:
        """Does the sentence go on, on the same line, from a '…인데요' clause that named its subject?
        ('첫 블록은 파일 블록인데요 Amazon S3나 GitHub 에서 … 소싱 해줍니다': the files block, not CodeDeploy)"""
        if index == 0:
            return False
        before, sentence = self.notes.sentences[index - 1], self.notes.sentences[index]
        return before.end_line == sentence.start_line and bool(_BACKGROUND_END.search(before.text.rstrip("`) ")))

    def _after_example(self, index: int) -> bool:
        """Does the sentence describe a figure or a supposed case that the sentence before introduced, in
        the same paragraph? ('여기 CodeCommit의 코드를 좀 봅시다 / 소스 코드와 전체 파일들이 있고 … buildspec.yml이
        들어있습니다' narrates a picture, not CodeBuild)"""
        if index == 0:
            return False
        before, sentence = self.notes.sentences[index - 1], self.notes.sentences[index]
        gap = self.notes.lines[before.end_line : sentence.start_line - 1]
        intro = before.text.rstrip("`) ")
        return not any(not line.strip() for line in gap) and bool(
            _EXAMPLE_INTRO.search(intro) or _CASE_OR_FIGURE.search(intro)
        )

    @cached_property
    def _topic_texts(self) -> dict[int, str]:
        texts: dict[int, list[str]] = {}
        for sentence in self.notes.sentences:
            texts.setdefault(self.sections[sentence.section].topic, []).append(sentence.text)
        return {topic: " ".join(parts) for topic, parts in texts.items()}

    def spread(self, term: str) -> int:
        """In how many topics the notes mention a term: names found everywhere (EC2, S3) are too
        generic to blank out, the sentence rarely pins them down."""
        cached = self._spread.get(term)
        if cached is None:
            pattern = term_pattern(term)
            cached = sum(1 for text in self._topic_texts.values() if pattern.search(text))
            self._spread[term] = cached
        return cached

    @cached_property
    def topic_names(self) -> frozenset[str]:
        return frozenset(korean.normalise(n) for t in self.notes.topics() for n in korean.aliases(t.name))

    def generic(self, term: str) -> bool:
        """A name too common in these notes to be a cloze answer (a topic name or one found everywhere)."""
        limit = max(3, len(self._topic_texts) // 4)
        return korean.normalise(term) in self.topic_names or self.spread(term) >= limit

    @property
    def sections(self) -> list[Section]:
        return self.notes.sections

    @property
    def ko(self) -> bool:
        return self.notes.lang == "ko"

    def sentence(self, index: int) -> Sentence:
        return self.notes.sentences[index]

    @cached_property
    def names(self) -> frozenset[str]:
        """Cleaned names of every concept heading."""
        return frozenset(self.sections[i].name for i in self.aliases)

    @cached_property
    def aliases(self) -> dict[int, set[str]]:
        """Names of every concept section, by section index."""
        out: dict[int, set[str]] = {}
        for section in self.sections:
            if is_concept(section):
                names = korean.aliases(section.name)
                title = re.sub(r"[*_`]", "", section.title).strip()
                if korean.clean_heading(title) == section.name and re.match(r"^[^:?]{1,32}$", title):
                    names.add(title)  # '범용의 인스턴스' masks like '범용 인스턴스'
                out[section.index] = names
        return out

    def about(self, index: int, choices: list[set[str]]) -> str:
        """Where a sentence comes from, as a natural phrase ('Amazon Glacier의 회수 옵션'), or ''.

        One convention for every stem: the context is given only as words of the question
        ('… 회수 옵션에 대한 다음 설명에서 …'), never as a bracket label, and left out when it would
        name one of the choices.
        """
        section = self.sections[index]
        while section.parent is not None and (section.task or _GENERIC_HEADING.search(section.name)):
            section = self.sections[section.parent]
        phrases = []
        parent = self.sections[section.parent] if section.parent is not None else None
        if (
            parent is not None
            and not _GENERIC_HEADING.search(parent.name)
            and not parent.task
            and not any(korean.normalise(a) in korean.normalise(section.name) for a in korean.aliases(parent.name))
            and not re.search(r"[A-Za-z]", section.name)
            and len(section.name.split()) <= 2
            and not self._siblings_in_group(parent.index, section.index)
        ):
            joiner = "의 " if self.ko else " – "
            phrases.append(f"{parent.name}{joiner}{section.name}")
        phrases.append(section.name)
        topic = self.sections[section.topic]
        if not _GENERIC_HEADING.search(topic.name):
            phrases.append(topic.name)
        answer = choices[0] if choices else set()
        others = [name for names in choices[1:] for name in names]
        for phrase in phrases:
            if len(phrase) > 40 or any(mentions(phrase, names) for names in choices):
                continue
            if not distinctive_leak(phrase, answer, others):  # 'S3 & Glacier Select' gives away 'S3 Select'
                return phrase
        return ""

    def label_section(self, index: int, text: str, named_only: bool = False) -> int:
        """The section that labels a stem: the deepest heading the sentence's subject names, not one its
        lecture merely files it under. A sentence naming a member of a hint group, filed under the heading
        of a sibling member ('데이터가 저장되는 AZ의 수는 One Zone IA만 …', 'Deep Archive 의 최소 저장 기간'
        under 'Amazon Glacier > 회수 옵션'), is labelled above that heading ('S3 스토리지 클래스 + Glacier');
        with ``named_only``, one naming the member whose heading is an ancestor is labelled by that heading
        ('Glacier에 저장하는 최소 기간' -> 'Amazon Glacier', not its '회수 옵션'). Under a member's own heading
        the sentence is about that member, whatever else it names ('온디맨드 … 비교하면' under '스팟 인스턴스')."""
        if index in self.group_of:
            return index
        named: dict[int, set[str]] = {}
        for members in self.groups:
            for m in members:
                if mentions(text, set(m.aliases)):
                    named.setdefault(m.group, set()).add(m.name)
        for cursor in self._path(index):
            home, parent = self.group_of.get(cursor), self.sections[cursor].parent
            if home is None or home.group not in named or parent is None:
                continue
            if home.name not in named[home.group]:
                return parent
            return cursor if named_only else index
        return index

    def _siblings_in_group(self, a: int, b: int) -> bool:
        """Are two sections members of one hint group ('예약 인스턴스' over '스팟 인스턴스' in the notes:
        '예약 인스턴스의 스팟 인스턴스' reads as if spot were a kind of reserved instance)?"""
        first, second = self.group_of.get(a), self.group_of.get(b)
        return first is not None and second is not None and first.group == second.group

    def is_related(self, a: int, b: int) -> bool:
        """Is one section an ancestor of the other (or the same)?"""
        for x, y in ((a, b), (b, a)):
            cursor: int | None = x
            while cursor is not None:
                if cursor == y:
                    return True
                cursor = self.sections[cursor].parent
        return False

    def same_name(self, a: int, b: int) -> bool:
        """Do two concept sections overlap in name (equal, alias, or one inside the other)?"""
        names_a = {korean.normalise(n) for n in self.aliases.get(a, {self.sections[a].name})}
        names_b = {korean.normalise(n) for n in self.aliases.get(b, {self.sections[b].name})}
        return any(x == y or (len(x) > 1 and len(y) > 1 and (x in y or y in x)) for x in names_a for y in names_b)

    @cached_property
    def concept_children(self) -> dict[int, list[int]]:
        """Concept sections by parent section, in notes order: the sibling families of the heading tree."""
        by_parent: dict[int, list[int]] = {}
        for index in self.aliases:
            parent = self.sections[index].parent
            if parent is not None:
                by_parent.setdefault(parent, []).append(index)
        return by_parent

    @cached_property
    def normalised_names(self) -> frozenset[str]:
        """Every heading name and alias, and every hint-group member's alias, in comparison form."""
        members = (alias for group in self.hints for member in group.members for alias in member.aliases)
        headings = (n for names in self.aliases.values() for n in names)
        return frozenset(korean.normalise(n) for n in (*headings, *members))

    @cached_property
    def groups(self) -> list[list[GroupMember]]:
        """Hint groups with the members the notes mention (by heading, in a sentence or in a code block)."""
        headings = {}
        for index, names in self.aliases.items():
            for name in names:
                headings.setdefault(korean.normalise(name), index)
        text = self.notes.normalised_text
        out: list[list[GroupMember]] = []
        for gi, group in enumerate(self.hints):
            if group.service:
                out.append([])  # service categories are asked by templates/service.py only
                continue
            members = []
            for member in group.members:
                section = next(
                    (headings[korean.normalise(a)] for a in sorted(member.aliases) if korean.normalise(a) in headings),
                    None,
                )
                named = any(
                    korean.normalise(a) in text or korean.normalise(a) in self._whole_text for a in member.aliases
                )
                if section is None and not named:
                    continue
                names = set(member.aliases) | (self.aliases[section] if section is not None else set())
                members.append(GroupMember(member.name, frozenset(names), section, gi))
            out.append(members if len(members) >= 2 else [])
        return out

    @cached_property
    def _whole_text(self) -> str:
        """Every line, code blocks too: a member shown only in a config or command ('region = ap-northeast-2',
        '--token-code') is still one the notes name, so it may be a distractor."""
        return korean.normalise(" ".join(self.notes.lines))

    @cached_property
    def _member_names(self) -> dict[str, int]:
        return {korean.normalise(a): m.group for members in self.groups for m in members for a in m.aliases}

    def member_of(self, name: str) -> int | None:
        """The hint group a name belongs to, if any."""
        return self._member_names.get(korean.normalise(name))

    @cached_property
    def group_of(self) -> dict[int, GroupMember]:
        """Section -> its hint-group membership."""
        return {m.section: m for members in self.groups for m in members if m.section is not None}

    def in_group_topic(self, group: int, section: int) -> bool:
        """May a sentence of ``section`` stand for a member of hint group ``group`` (its ``topic:``, ``section:``)?"""
        topic, under = self.hints[group].topic, self.hints[group].section
        if topic and topic not in self.sections[self.sections[section].topic].name:
            return False
        return not under or any(under in self.sections[i].name for i in self._path(section))

    def _path(self, index: int) -> list[int]:
        """A section and its ancestors."""
        path: list[int] = []
        cursor: int | None = index
        while cursor is not None:
            path.append(cursor)
            cursor = self.sections[cursor].parent
        return path

    def names_owned_term(self, core: str, answer: set[str]) -> bool:
        """Does the text name a member of a hint group named after the answer ('Max I/O 성능 모드' of 'EFS
        성능·처리량 모드' when EFS is blanked, 'io1' of 'EBS 볼륨 유형' for EBS)? The term says whose it is."""
        own = {korean.normalise(a) for a in answer}
        for group in self.hints:
            if group.service or not own & {korean.normalise(w) for w in re.split(r"[\s·]+", group.name)}:
                continue
            if any(_owned(a) and term_pattern(a).search(core) for member in group.members for a in member.aliases):
                return True
        return False

    def group_name(self, member: GroupMember) -> str:
        return self.hints[member.group].name

    def siblings(self, member: GroupMember) -> list[GroupMember]:
        return [m for m in self.groups[member.group] if m.name != member.name]

    @cached_property
    def _vocab(self) -> dict[int, frozenset[str]]:
        own: dict[int, set[str]] = {}
        for sentence in self.notes.sentences:
            own.setdefault(sentence.section, set()).update(content_words(sentence.text))
        out: dict[int, frozenset[str]] = {}
        for section in reversed(self.sections):  # children come after parents: fold them upwards
            words = set(own.get(section.index, set())) | content_words(section.title)
            for child in section.children:
                words |= out.get(child, frozenset())
            out[section.index] = frozenset(words)
        return out

    def vocabulary(self, index: int) -> frozenset[str]:
        """Content words of a section's text, subsections included."""
        return self._vocab.get(index, frozenset())

    def member_vocabulary(self, member: GroupMember) -> frozenset[str]:
        """Content words said about a group member: its section, or the sentences that name it."""
        if member.section is not None:
            return self.vocabulary(member.section)
        cache: dict[tuple[int, str], frozenset[str]] = self.__dict__.setdefault("_member_vocabulary", {})
        key = (member.group, member.name)
        if key not in cache:
            words: set[str] = set()
            for sentence in self.notes.sentences:
                if mentions(sentence.text, member.aliases) and self.in_group_topic(member.group, sentence.section):
                    words |= content_words(sentence.text)
            cache[key] = frozenset(words)
        return cache[key]

    def term_words(self, index: int) -> frozenset[str]:
        """Words of a section's own terms: its heading path and its backtick spans."""
        section = self.sections[index]
        words = set()
        cursor: int | None = index
        while cursor is not None:
            words |= content_words(self.sections[cursor].title)
            cursor = self.sections[cursor].parent
        for si in section.sentences:
            for span in self.notes.sentences[si].spans:
                words |= content_words(span.text)
        return frozenset(words)

    def on_topic(self, si: int, index: int) -> bool:
        """Does a sentence share a content word with its section's terms? ('객실을 비워 두면 손해' does not)."""
        return bool(content_words(self.notes.sentences[si].text) & self.term_words(index))

    def discriminates(
        self, stem: str, answer_words: frozenset[str], others: list[frozenset[str]], need: int = 1
    ) -> bool:
        """Does the stem hold a word found in the answer's section and in none of the distractors'?"""
        rest = set().union(*others) if others else set()
        return len((content_words(stem) & answer_words) - rest) >= need

    def concept_pool(self, index: int) -> list[tuple[float, int]]:
        """Sections that make good distractors for section ``index`` (score, section), best first."""
        target = self.sections[index]
        if index not in self.aliases:
            return []
        member = self.group_of.get(index)
        if member is not None:
            grouped = [
                (10.0, m.section)
                for m in self.siblings(member)
                if m.section is not None and not self.is_related(index, m.section)
            ]
            if len(grouped) >= 3:
                return grouped
        head = korean.head_noun(target.name)
        pool: list[tuple[float, int]] = []
        for other in self.aliases:
            if other == index or self.is_related(index, other) or self.same_name(index, other):
                continue
            section = self.sections[other]
            top_level = target.parent is None and section.parent is None
            if section.topic != target.topic and not top_level:
                continue
            score = 0.0
            if section.parent == target.parent:
                score += 3.0
            if korean.head_noun(section.name) == head:
                score += 3.0
            if section.level == target.level:
                score += 1.0
            if korean.script(section.name) == korean.script(target.name):
                score += 1.0
            ratio = max(len(section.name), len(target.name)) / max(1, min(len(section.name), len(target.name)))
            score -= max(0.0, ratio - 1.5)
            score -= abs(section.line - target.line) / 2000.0
            if score >= 2.0 or top_level:
                pool.append((score, other))
        pool.sort(key=lambda item: (-item[0], item[1]))
        return pool

    def described_sentences(self, index: int) -> list[tuple[float, int]]:
        """Informative sentences of a section's own body (score, sentence index), best first."""
        scored = []
        for si in self.sections[index].sentences:
            if si not in self.facts:
                continue
            sentence = self.notes.sentences[si]
            score = informative_score(sentence.text, len(sentence.spans))
            if score >= 1.0:
                scored.append((score, si))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return scored

    def statement(
        self, si: int, forbidden: list[str], subject: set[str] | None = None, min_score: float = 1.0
    ) -> str | None:
        """A sentence as a stand-alone choice statement, or None if it names a forbidden term.

        With ``subject``, the sentence must open with one of those names as its subject
        ('EFS는 ...'); the subject is cut off so the statement describes it without naming it.
        """
        fact = self.facts.get(si)
        if fact is None:
            return None
        text = fact
        if subject is not None:
            stripped = strip_subject(text, subject)
            if stripped is None:
                return None
            text = stripped
        if mentions(text, forbidden) or len(text) > 100 or len(text) < 8 or _PRONOUN_OPEN.match(text):
            return None
        if _FRAGMENT.search(text) or _TOOL_CONDITION.match(text):
            return None
        if _CONSEQUENCE_OPEN.match(self.notes.sentences[si].text):
            return None
        restored = self.restored.get(si)
        implicit = subject is None or (restored is not None and not restored.pointer)
        if lost_subject(text, implicit):
            return None  # (a subject the notes left out and the parser added is no help to a passive)
        if subject is None and informative_score(text) < min_score:
            return None
        return korean.finish_statement(text) if self.ko else text[0].upper() + text[1:].rstrip(".") + "."

    @cached_property
    def terms(self) -> list[Term]:
        """Key phrases usable as cloze answers/distractors, in note order."""
        out: list[Term] = []
        for sentence in self.notes.sentences:
            section = self.sections[sentence.section]
            for span in sentence.spans:
                text = span.text.strip().strip(",.")
                text = korean.strip_particle(text, self.glossary) if self.ko else text
                if not is_term_like(text):
                    continue
                particle = korean.leading_particle(sentence.text[span.end :]) or ""
                out.append(Term(text, section.index, section.topic, korean.neutral(particle)))
        for sentence in self.notes.sentences:
            section = self.sections[sentence.section]
            for text in named_terms(sentence.text) if self.ko else []:
                if is_term_like(text) and not junk_choice(text):
                    out.append(Term(text, section.index, section.topic, ""))
        for index in self.aliases:
            section = self.sections[index]
            if section.parent is not None and is_term_like(section.name):
                out.append(Term(section.name, index, section.topic, ""))
        return out
