"""Sentence-level helpers shared by templates: filler removal, informativeness, name matching."""

from __future__ import annotations

import re
from collections.abc import Iterable

from questions import korean

_LEAD_FILLERS = re.compile(
    r"^((그리고|그래서|그러면|그럼|하지만|그런데|또한|또|즉|먼저|우선|다음으로|이제|마지막으로|참고로|따라서|"
    r"자|네|예를 들어|다시 말해|말씀드렸듯|앞서 말했듯|이렇게|결과적으로|반면|그 외에도|더불어서|"
    r"so|and|but|also|now|first|then|finally|in short|basically|remember that)[,\s]+)+",
    re.IGNORECASE,
)
_UI_WORDS = re.compile(
    r"(클릭|버튼|콘솔|선택하겠|입력하|입력합|이동해|이동하|화면|보시면|보겠|살펴보|강의|실습|데모|메뉴|드롭다운|"
    r"다운로드|이쪽|저는|제가|하겠습니다|해 보|해보|볼까요|봅시다|보시다시피|보시는|보세요|누르|탭에|"
    r"여기서|여기에|여기는|이번에는|합시다|실행해 보|만들어 보|click|button|console|let's|we will|we'll)",
    re.IGNORECASE,
)
_INFO_WORDS = re.compile(
    r"(적합|사용|제공|의미|뜻|약자|지원|저장|관리|허용|제어|가능|필요|최대|최소|기본|자동|항상|반드시|불가|"
    r"없|않|보장|통해|위해|경우|때문|means|used|allows|provides|supports|stores|only|must|default|maximum)",
    re.IGNORECASE,
)
_BAD = re.compile(r"(https?://|www\.|[{}=$<>]|\.\.\.|ㅋ|ㅎㅎ)")
_PRONOUN_START = re.compile(
    r"^(이는|이것|이건|이게|그것|그건|이들|이러한|이런|그런|그|이|이를|이렇게|그렇게|이럴|그럴|이때|"
    r"this|it|they|these)\s",
    re.I,
)


def tidy(sentence: str) -> str:
    """A lecture sentence as a quotable statement: fillers at the start removed, spaces collapsed."""
    text = _LEAD_FILLERS.sub("", sentence.strip())
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([,.?!])", r"\1", text)


def informative_score(sentence: str, spans: int = 0) -> float:
    """How good a sentence is as evidence for a question (higher is better; < 0 means unusable)."""
    text = sentence.strip()
    if len(text) < 15 or len(text) > 190 or text.endswith("?") or _BAD.search(text):
        return -1.0
    score = 0.0
    score -= 3.0 * len(_UI_WORDS.findall(text))
    score += min(2, spans) * 1.5
    score += min(3, len(_INFO_WORDS.findall(text)))
    if 30 <= len(text) <= 130:
        score += 1.0
    if _PRONOUN_START.match(tidy(text)):
        score -= 2.0
    if "예를 들어" in text or "예시" in text:
        score -= 1.0
    return score


def _term_regex(term: str) -> re.Pattern[str]:
    escaped = re.escape(term.strip())
    escaped = escaped.replace(r"\ ", r"\s?").replace(r"\-", r"[-\s]?")
    left = r"(?<![A-Za-z0-9])" if re.match(r"[A-Za-z0-9]", term) else ""
    right = r"(?![A-Za-z0-9])" if re.search(r"[A-Za-z0-9]$", term) else ""
    return re.compile(left + escaped + right, re.IGNORECASE)


_REGEX_CACHE: dict[str, re.Pattern[str]] = {}


def term_pattern(term: str) -> re.Pattern[str]:
    """Matches a term in running text: case-insensitive, optional spaces/hyphens, word-bounded for Latin."""
    pattern = _REGEX_CACHE.get(term)
    if pattern is None:
        pattern = _term_regex(term)
        _REGEX_CACHE[term] = pattern
    return pattern


def mentions(text: str, names: Iterable[str]) -> bool:
    return any(name and term_pattern(name).search(text) for name in names)


def mask(text: str, names: Iterable[str]) -> str:
    """Replace every mention of the names by a blank, writing the following particle neutrally."""
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        pattern = term_pattern(name)
        out: list[str] = []
        last = 0
        for match in pattern.finditer(text):
            out.append(text[last : match.start()])
            rest = text[match.end() :]
            particle = korean.leading_particle(rest)
            if particle:
                skip = rest.index(particle) + len(particle)
                out.append(korean.BLANK + korean.neutral(particle))
                last = match.end() + skip
            else:
                out.append(korean.BLANK)
                last = match.end()
        out.append(text[last:])
        text = "".join(out)
    return text


def tokens(name: str) -> set[str]:
    """Word tokens of a name in comparison form ('스팟 인스턴스' -> {'스팟', '인스턴스'})."""
    words = re.split(r"[\s/()\-_,:+&]+", name)
    return {korean.normalise(w) for w in words if korean.normalise(w)}


def distinctive_leak(stem: str, answer_aliases: Iterable[str], distractor_aliases: Iterable[str]) -> str | None:
    """A word of the answer's name that no distractor shares and that the stem contains, if any."""
    shared: set[str] = set()
    for alias in distractor_aliases:
        shared |= tokens(alias)
    for alias in answer_aliases:
        for token in tokens(alias) - shared:
            if len(token) < 2 and not re.match(r"[a-z0-9]", token):
                continue
            hit = (
                korean.normalise(token) in korean.normalise(stem)
                if korean.has_hangul(token)
                else (term_pattern(token).search(stem))
            )
            if hit:
                return token
    return None
