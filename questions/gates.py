"""Quality gates: every candidate question must pass all of them; rejects are counted by reason.

Form gates (``form_problems``) need only the question itself, so ``quizbot bank report`` can re-run
them on a shipped bank; ``notes_problems`` also need the notes (is a distractor actually true?).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from questions import korean
from questions.candidate import Candidate
from questions.notes_parser import Notes
from questions.text import (
    content_words,
    counted_request_leak,
    distinctive_leak,
    in_case_study,
    names_choice,
    residual_name,
    term_pattern,
    translated_name,
)

REASONS: dict[str, str] = {
    "too_few_choices": "fewer than 3 distractors of the same kind",
    "answer_in_stem": "the answer or one of its aliases appears in the stem",
    "answer_word_in_stem": "a word only the answer's name has appears in the stem",
    "distractor_in_stem": "a distractor is named in the stem",
    "choices_not_distinct": "two choices are equal, aliases, or one contains the other",
    "distractor_true": "a distractor put into the blank makes a sentence found in the notes",
    "mixed_kinds": "the answer is the odd one out (script, unit or kind differs)",
    "length_ratio": "longest/shortest choice length ratio too large",
    "answer_longest": "the right answer is clearly the longest choice",
    "choice_too_long": "a choice is too long to read as an option",
    "particle_glued": "a batchim-dependent particle is glued to the blank or a choice",
    "stem_too_short": "the stem is too short to ask anything",
    "duplicate": "another question already asks the same",
    "not_discriminating": "the description has no word found in the answer's section and in no distractor's",
    "value_restated": "the blanked value is given next to it in another unit (5분 = 300초)",
    "no_measured_noun": "a numeric sentence that does not say what is measured (기간, 크기, 포트 …)",
    "distractor_fits_context": "the notes say a distractor in the same context (named as an alternative to the "
    "answer, or in a sentence sharing the stem's words): the blank has two answers",
    "several_blanks": "the answer is blanked more than once in one description",
    "sibling_true": "no word of the stem is said of the answer and never of an offered distractor",
    "vague_description": "a description with no distinctive claim ('로그를 통해 어떤 일이 일어났는지 알 수 있습니다')",
    "distractor_said_so": "the notes say what follows the blank of a distractor too (same predicate)",
    "names_other_term": "the sentence names another term ('… 것으로 코드 종속성이라고 합니다'): it defines that term",
    "category_heading": "the answer is a heading naming a kind or an aspect ('배포 모드', '내장 함수', 'S3 퍼포먼스')",
    "owned_term_in_stem": "the stem names a term of a hint group named after the answer ('Max I/O 성능 모드' for EFS)",
    "subject_lost": "the blank is what the lost subject is compared with ('(　　)와(과) 마찬가지로 …'): no topic",
}

_GLUED_AFTER_BLANK = re.compile(re.escape(korean.BLANK) + r"(은|는|이|가|을|를|와|과|로|으로)(?![(가-힣])")
_GLUED_CHOICE = re.compile(r"\s(은|는|이|가|을|를|의|로|으로|에서|에만)$")
_MAX_CHOICE = 120


def _norm(text: str) -> str:
    return korean.normalise(text)


def contains(part: str, whole: str) -> bool:
    """Is one choice inside another ('Standard' in 'S3 Standard')? Names with Latin letters compare
    word by word, so 'A 레코드' is not inside 'AAAA 레코드'."""
    if re.search(r"[A-Za-z]", part + whole):
        a, b = [_norm(w) for w in part.split()], [_norm(w) for w in whole.split()]
        return any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1))
    return _norm(part) in _norm(whole)


def _kind_features(text: str) -> tuple[str, bool, str]:
    return korean.script(text), bool(re.search(r"\d", text)), korean.head_noun(text)


# two model names joined by a slash ('gp2/gp3', 'io1/io2'); '블루/그린 배포' is one name
_ALIAS_PAIR = re.compile(r"[A-Za-z]+\d+[A-Za-z]?\s?/\s?[A-Za-z]+\d+[A-Za-z]?")


def form_problems(
    stem: str,
    choices: Sequence[str],
    answer: int,
    aliases: Sequence[set[str]] | None = None,
    statement: bool = False,
    numeric: bool = False,
    names_only: bool = False,
) -> list[str]:
    """Gate reasons for a question judged on its own text. ``statement``: choices are sentences."""
    reasons: list[str] = []
    if len(choices) != 4 or not 0 <= answer < len(choices):
        return ["too_few_choices"]
    names = list(aliases) if aliases else [{c} for c in choices]
    if len(_norm(stem)) < 8:
        reasons.append("stem_too_short")
    right = choices[answer]
    if not statement:
        if any(term_pattern(a).search(stem) for a in names[answer] if len(_norm(a)) >= 1):
            reasons.append("answer_in_stem")
        others = [a for i, group in enumerate(names) if i != answer for a in group]
        own = {a.replace(",", "") for a in names[answer]} if numeric else names[answer]  # '3,500개' in '5,500개'
        if distinctive_leak(stem, own, others) or counted_request_leak(stem, names[answer]):
            reasons.append("answer_word_in_stem")
        if any(term_pattern(a).search(stem) for i, group in enumerate(names) if i != answer for a in group) or any(
            _names_choice_beyond_kind(stem, choice, choices) for i, choice in enumerate(choices) if i != answer
        ):
            reasons.append("distractor_in_stem")
    if not numeric and any(_ALIAS_PAIR.fullmatch(c.strip()) for c in choices):
        reasons.append("alias_pair_choice")  # 'gp2/gp3': a fact of one half is not true of the pair
    normed = [_norm(c) for c in choices]
    if len(set(normed)) != 4 or (
        not numeric
        and any(
            i != j and len(_norm(a)) > 1 and contains(a, b)
            for i, a in enumerate(choices)
            for j, b in enumerate(choices)
        )
    ):
        reasons.append("choices_not_distinct")
    for i, group in enumerate(names):
        for j, other in enumerate(names):
            if i < j and {_norm(a) for a in group} & {_norm(a) for a in other}:
                reasons.append("choices_not_distinct")
    lengths = [len(c) for c in choices]
    if max(lengths) > _MAX_CHOICE:
        reasons.append("choice_too_long")
    ratio = max(lengths) / max(1, min(lengths))
    if (max(lengths) > 12 and ratio > 2.5) or ratio > 4.0:
        reasons.append("length_ratio")
    others_len = [n for i, n in enumerate(lengths) if i != answer]
    if lengths[answer] > 8 and lengths[answer] > 1.3 * max(others_len):
        reasons.append("answer_longest")
    if not statement and not numeric:
        features = [_kind_features(c) for c in choices]
        digits_matter = not names_only and len(right) > 6  # EC2 vs IAM: digits are part of short names
        for slot in range(2 if digits_matter else 1):  # script, has-digit
            values = [f[slot] for f in features]
            right_value = values[answer]
            rest = [v for i, v in enumerate(values) if i != answer]
            if len(set(rest)) == 1 and rest[0] != right_value:
                reasons.append("mixed_kinds")
                break
        heads = [f[2] for f in features]
        rest_heads = [h for i, h in enumerate(heads) if i != answer]
        if len(set(rest_heads)) == 1 and heads[answer] != rest_heads[0] and len(right.split()) > 1:
            reasons.append("mixed_kinds")
    if statement and _subject_odd_one_out(choices, answer):
        reasons.append("mixed_kinds")
    if _GLUED_AFTER_BLANK.search(stem) or any(_GLUED_CHOICE.search(c) for c in choices):
        reasons.append("particle_glued")
    return list(dict.fromkeys(reasons))


# a statement that names what it is about first ('gp2에서는 …', '인스턴스 스토어는 …', 'io 1은 …')
_NAMED_SUBJECT = re.compile(r"^(?:[A-Za-z][\w\-]*(?:\s?\d+)?|[가-힣]+\s[가-힣]+)\s?(?:은|는|에서는)\s")


def _subject_odd_one_out(choices: Sequence[str], answer: int) -> bool:
    """Every wrong statement names its own subject and the right one none: the answer is the one left."""
    named = [bool(_NAMED_SUBJECT.match(c)) for c in choices]
    return not named[answer] and all(n for i, n in enumerate(named) if i != answer)


def notes_problems(candidate: Candidate, notes: Notes) -> list[str]:
    """Gates that need the notes: a distractor filled into the blank must not be a sentence of the notes."""
    reasons: list[str] = []
    if any(in_case_study(notes.lines, line) for line in candidate.evidence_lines):
        return ["worked_example"]  # a case study's claims are the case's, for every template
    if candidate.fill is not None:
        before, after = candidate.fill
        for distractor in candidate.distractors:
            filled = _norm(before + distractor + after)
            if len(filled) >= 8 and filled in notes.normalised_text:
                reasons.append("distractor_true")
                break
    return reasons


_OR = r"\s?(?:이나|나|또는|혹은|or|/)\s?"
_CONTEXT_SHARED = 3


def _mentioning(notes: Notes, name: str) -> list[int]:
    """Indices of the sentences naming ``name`` (cached on the notes: many candidates ask the same)."""
    cache: dict[str, list[int]] = notes.__dict__.setdefault("_mention_cache", {})
    found = cache.get(name)
    if found is None:
        pattern = term_pattern(name)
        found = [i for i, s in enumerate(notes.sentences) if pattern.search(s.text)]
        cache[name] = found
    return found


def alternatives(notes: Notes, first: set[str], second: set[str]) -> bool:
    """Do the notes name the two as alternatives ('CLI나 SDK를 사용할 경우')? Then a usage sentence fits both."""
    for a in first:
        for b in second:
            if len(a) < 2 or len(b) < 2:
                continue
            pattern = re.compile(f"{re.escape(a)}{_OR}{re.escape(b)}|{re.escape(b)}{_OR}{re.escape(a)}", re.IGNORECASE)
            if any(pattern.search(notes.sentences[i].text) for i in _mentioning(notes, a)):
                return True
    return False


def _next_word(core: str) -> str | None:
    """The first content word after the blank: the word the blank is said of ('(　　) 태스크는' -> 태스크)."""
    after = core.partition(korean.BLANK)[2]
    # a particle the notes wrote apart ('AWS 에서') is no word said of the blank
    words = [w for w in re.split(r"[\s,.]+", after) if content_words(w) and w not in korean.PARTICLES]
    return next(iter(content_words(words[0])), None) if words else None


# the kind a cloze asks for ('… 빈칸에 들어갈 AWS CLI 자격 증명 공급자(으)로 알맞은 것은?')
_ASKED_KIND = re.compile(r"들어갈 (.+?)\(으\)로 알맞은")


def _names_choice_beyond_kind(stem: str, choice: str, choices: list[str]) -> bool:
    """names_choice, except that a choice's distinguishing words which are words of the asked kind name no
    choice in the question line ('자격 증명' of 'CLI 자격 증명 파일' in '… AWS CLI 자격 증명 공급자(으)로 알맞은
    것은?'): every choice is such a provider. In the quote they still name it."""
    lead, newline, quote = stem.partition("\n")
    kind = _ASKED_KIND.search(lead)
    residual = residual_name(choice, choices)
    if not newline or kind is None or residual is None or residual not in kind.group(1):
        return names_choice(stem, choice, choices)
    return names_choice(quote, choice, choices)


def fits_elsewhere(notes: Notes, core: str, answer: set[str], other: set[str]) -> bool:
    """Is a distractor said in the same context elsewhere: a sentence naming it (and not the answer)
    with the word that follows the blank and two more of the stem's words ('ECS 태스크는 IAM 역할을')?
    The distractor's own name words are not context: 'ECS AMI를 실행합니다' shares no claim with '(　　)은(는)
    EC2 인스턴스를 ECS 클러스터에 등록해 줍니다' through its 'ECS'."""
    words = content_words(core)
    follow = _next_word(core)
    if follow is None or len(words) < _CONTEXT_SHARED:
        return False
    answer_lines = {i for a in answer if len(a) >= 2 for i in _mentioning(notes, a)}
    for name in other:
        if len(name) < 2:
            continue
        for i in _mentioning(notes, name):
            if i in answer_lines:
                continue
            shared = (content_words(notes.sentences[i].text) & words) - content_words(name)
            if follow in shared and len(shared) >= _CONTEXT_SHARED:
                return True
    return False


def has_cue(notes: Notes, core: str, answer: set[str], other: set[str]) -> bool:
    """Does the stem hold a word the notes say only of the answer (in two other sentences naming it,
    in none naming only the distractor)? ('코딩', '프로그래밍 언어' set SDK apart from CLI.)"""
    words = content_words(core)
    own: dict[str, int] = {}
    answer_lines = {i for a in answer if len(a) >= 2 for i in _mentioning(notes, a)}
    for i in answer_lines:
        for w in content_words(notes.sentences[i].text) & words:
            own[w] = own.get(w, 0) + 1
    theirs: set[str] = set()
    for i in {i for a in other if len(a) >= 2 for i in _mentioning(notes, a)} - answer_lines:
        theirs |= content_words(notes.sentences[i].text)
    return any(n >= 3 and w not in theirs for w, n in own.items())  # the stem's own sentence is one of them


_SAID_OF = 1


def said_only_of(notes: Notes, core: str, answer: set[str], others: list[set[str]]) -> bool:
    """Does the stem hold a word the notes say of the answer and never of an offered distractor?
    ('공용 API로 직접 액세스' is said of the SDK too: no word sets the CLI apart.)"""
    words = content_words(core)
    answer_lines = {i for a in answer if len(a) >= 2 for i in _mentioning(notes, a)}
    own: dict[str, int] = {}
    for i in answer_lines:
        for w in content_words(notes.sentences[i].text) & words:
            own[w] = own.get(w, 0) + 1
    theirs: set[str] = set()
    for other in others:
        for i in {i for a in other if len(a) >= 2 for i in _mentioning(notes, a)} - answer_lines:
            theirs |= content_words(notes.sentences[i].text)
    return any(n >= _SAID_OF and w not in theirs for w, n in own.items())  # the stem's own sentence is one


# the blank is one item of an enumeration that names a sibling ('(　　), CodeBuild 등과 같은'): any
# sibling fits; a stem that ends in a prediction or a nominalised tail ('…에 나타날 것입니다') is no fact
_B = re.escape(korean.BLANK)
_LIST_BLANK = re.compile(
    _B
    + r"\S{0,5}, [^,]{1,20} 등|, "
    + _B
    + r"\S{0,5} 등"
    # an item of a list of names: '(　　), Jenkins, CloudBees, TeamCity', 'A, B, (　　)'
    + r"|"
    + _B
    + r"\S{0,5}, [^,]{1,25}, |[^,\s]+, [^,]{1,25}, "
    + _B
    # next to a short name: '(　　), NS 를', 'Jenkins, (　　) 또는 기타 CI 도구'
    + r"|"
    + _B
    + r"\S{0,5}, [A-Za-z][\w-]{0,15}[ ,]|[A-Za-z][\w-]*, "
    + _B
    # joined to another noun: '저장소와 (　　)(으)로 분석한' (the role is shared)
    + r"|[가-힣](와|과|및) "
    + _B
)
# … or advice rather than a fact ('사용자 정의 (　　) 규칙을 변경하는 것은 유용합니다')
_VAGUE_TAIL = re.compile(r"(?:것들?입니다|것은 유용합니다|것이 좋습니다)[.”]*$")


def shape_problems(candidate: Candidate) -> list[str]:
    """Stems that read wrong whatever the choices: two blanks, a blank inside a list, a vague tail."""
    core = candidate.stem_core.strip()
    if candidate.kind in {"cloze", "concept"} and core.count(korean.BLANK) > 1:
        return ["several_blanks"]
    if candidate.kind in {"cloze", "concept"} and _LIST_BLANK.search(core):
        return ["distractor_fits_context"]
    if candidate.kind in {"cloze", "concept"} and _VAGUE_TAIL.search(core):
        return ["vague_description"]
    if candidate.kind in {"cloze", "concept"} and _NAME_AFTER_BLANK.search(core):
        return ["completes_name"]  # '(　　) Profiler': the blank is the first half of a product name
    if candidate.kind in {"cloze", "concept", "comparison"} and spelled_out(core, candidate.answer):
        return ["answer_in_stem"]  # 'Elastic File System 의 약자로 …' spells out EFS
    if _names_other_term(core) or (
        _STATEMENT_KINDS & {candidate.kind} and any(map(_names_other_term, candidate.choices))
    ):
        return ["names_other_term"]
    if candidate.kind in {"cloze", "concept"} and _UNNAMED_COUNT.search(core):
        return ["vague_description"]  # '… 사용하며 종류가 3개 있습니다': three kinds of what?
    if candidate.kind == "definition" and _says_own_name(candidate):
        return ["answer_word_in_stem"]
    if candidate.kind in {"definition", "negative"} and any(len(content_words(c)) < 3 for c in candidate.choices):
        return ["vague_description"]  # '원하는 대로 사용할 수 있습니다.' is true of anything
    if candidate.kind in {"cloze", "concept"} and compared_without_subject(core):
        return ["subject_lost"]
    if candidate.kind in {"cloze", "concept"} and _ALSO_BLANK.search(core):
        return ["said_of_others_too"]
    if candidate.kind == "cloze" and _DONE_BLANK.search(core):
        return ["particle_glued"]
    return []


def _says_own_name(candidate: Candidate) -> bool:
    """Does the right statement of 'X에 대한 설명으로 옳은 것은?' say X's name in Korean, when no wrong one does?
    ('NS 레코드' -> '네임 서버 레코드로 …': the name, not knowledge, picks it; round 14 audit)"""
    name = candidate.stem_core
    return bool(translated_name(candidate.answer, name)) and not any(
        translated_name(d, name) for d in candidate.distractors
    )


# the blank as what is done ('(　　)을(를) 하는 것은 …'): only an activity fits, and among the names of a set
# one choice at most is one (서비스 오토 스케일링 beside ECS 에이전트, EC2 인스턴스 프로필)
_DONE_BLANK = re.compile(_B + r"을\(를\) (?:하|했|할|한)")


# the blank marked 'also' ('… 얻으면 (　　)에서도 가능합니다', '(　　)도 지원합니다'): the claim holds of something
# else as well, so it singles out nothing
_ALSO_BLANK = re.compile(_B + r"(?:에서|에게|으로|\(으\)로|로|와\(과\)|과|와)?도(?:\s|[.,”]|$)")


# the blank as the standard of a comparison or one end of a span: '(　　)와(과) 마찬가지로', '(　　) 만큼',
# '(　　)와(과) S3 IA 사이에서'
_COMPARED_BLANK = re.compile(
    _B
    + r"(?:(?:와\(과\)|과|와) (?:마찬가지로|달리|같이|비슷하게|비교(?:하면|해서|했을 때|할 때)|\S+(?: \S+)? 사이)"
    + r"| ?(?:만큼|처럼|보다))"
)
# a topic word ('S3는', 'EFS은'), not an adnominal ending or a conjunction ('작은', '있는', '또는')
_TOPIC_WORD = re.compile(r"[^\s하있없되않또작높낮많좋같짧넓적]([은는])(?:\s|$)")


def compared_without_subject(core: str) -> bool:
    """Is the blank what something is compared with, while no topic ('X는') before it says what that is?
    ('(　　)와(과) 마찬가지로 지연 시간이 짧고 …' lost Intelligent-Tiering, which is then offered.)"""
    found = _COMPARED_BLANK.search(core)
    return bool(found) and not _TOPIC_WORD.search(core[: found.start()])


_STATEMENT_KINDS = {"definition", "comparison", "negative"}
# a count of kinds that are not named ('종류가 3개 있습니다', '유형이 두 가지 있습니다')
_UNNAMED_COUNT = re.compile(r"(?:^|\s)(?:종류|유형)[가이]? (?:\d+|[한두세네]) ?(?:개|가지)(?:가)? 있")
# a sentence whose claim is a name: '… 것으로 코드 종속성이라고 합니다' defines 코드 종속성, whatever section it is in
_NAMING_END = re.compile(r"(?:\(이\)|이)?라(?:고)? (?:합니다|부릅니다|부른다)[.”]*$")


def _names_other_term(text: str) -> bool:
    """Does the sentence end by naming a term other than the blank ('…(이)라고 합니다')?"""
    found = _NAMING_END.search(text.strip())
    return bool(found) and not text[: found.start()].rstrip().endswith(korean.BLANK)


_NAME_AFTER_BLANK = re.compile(_B + r" [A-Z][a-z]+")


# Korean expansions of acronyms: '다요소 인증 장치로' names MFA in the stem
_KOREAN_EXPANSIONS = {
    "MFA": ("다요소 인증", "다중 요소 인증", "멀티 팩터 인증"),
    "RDP": ("원격 데스크톱 프로토콜",),
    "TLS": ("전송 계층 보안",),
    "SSH": ("보안 셸",),
    "SNI": ("서버 이름 표시",),
    "FTP": ("파일 전송 프로토콜",),  # round 15: '파일 전송 프로토콜인 (　　)의 포트는 21번' names FTP
    # an HTTP status class by its name: '(　　) 클라이언트 오류에서는 재시도 …' is answered by HTTP alone
    "4xx": ("클라이언트 오류",),
    "5xx": ("서버 오류",),
}


def spelled_out(text: str, answer: str) -> bool:
    """Do capitalised words of the text spell the answer's acronym ('Elastic File System' -> EFS),
    or does the text spell it out in Korean ('다요소 인증' -> MFA)?"""
    if any(
        acronym in answer.split() or answer.startswith(acronym)
        for acronym, spellings in _KOREAN_EXPANSIONS.items()
        if any(s in text for s in spellings)
    ):
        return True
    letters = re.sub(r"[^A-Za-z]", "", answer.split()[0]) if answer.split() else ""
    if not 2 <= len(letters) <= 6 or not letters.isupper():
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Z][A-Za-z]*", text))
    return letters in initials


def context_problems(candidate: Candidate, notes: Notes) -> list[str]:
    """A cloze whose distractor the notes use in the same context, or name as the answer's alternative."""
    if candidate.kind not in {"cloze", "concept"} or len(candidate.aliases) != 4:
        return shape_problems(candidate)
    shape = shape_problems(candidate)
    if shape:
        return shape
    answer, *others = candidate.aliases
    if candidate.kind == "cloze" and not said_only_of(notes, candidate.stem_core, answer, others):
        return ["sibling_true"]
    for other in others:
        core = candidate.stem_core
        if alternatives(notes, answer, other) and not has_cue(notes, core, answer, other):
            return ["distractor_fits_context"]
        if fits_elsewhere(notes, core, answer, other):
            return ["distractor_fits_context"]
    return []


def candidate_problems(candidate: Candidate, notes: Notes) -> list[str]:
    if len(candidate.distractors) < 3:
        return ["too_few_choices"]
    reasons = form_problems(
        candidate.stem, candidate.choices, 0, candidate.choice_aliases(), **kind_flags(candidate.kind)
    )
    return reasons + notes_problems(candidate, notes) + context_problems(candidate, notes)


def kind_flags(kind: str | None) -> dict[str, bool]:
    """How the form gates read a template's choices: statements, values of one unit, or heading names."""
    return {
        "statement": kind in {"definition", "comparison", "negative"},
        "numeric": kind == "numeric",
        "names_only": kind in {"concept", "membership"},
    }


_PREDICATE_SHARED = 2


def predicate_said_of(notes: Notes, core: str, answer: set[str], other: set[str]) -> bool:
    """Do the notes say the stem's claim of a distractor: does a sentence naming it (and not the answer)
    hold at least half, and two or more, of the words after the blank? ('X는 … 로그를 전송합니다'
    said of CloudTrail and of Lambda: either fits the blank.)"""
    after = core.partition(korean.BLANK)[2]
    names = {w for n in answer | other for w in content_words(n)}
    claim = content_words(after) - names
    if not claim:
        return False
    need = max(_PREDICATE_SHARED, (len(claim) + 1) // 2)
    answer_lines = {i for a in answer if len(a) >= 2 for i in _mentioning(notes, a)}
    for name in other:
        if len(name) < 2:
            continue
        for i in _mentioning(notes, name):
            if i not in answer_lines and len(sentence_words(notes, i) & claim) >= need:
                return True
    return False


def sentence_words(notes: Notes, index: int) -> frozenset[str]:
    """Content words of one sentence of the notes (cached on the notes)."""
    cache: dict[int, frozenset[str]] = notes.__dict__.setdefault("_words_cache", {})
    found = cache.get(index)
    if found is None:
        found = cache[index] = frozenset(content_words(notes.sentences[index].text))
    return found
