"""Korean (and English) text helpers: particles, neutral particle forms, heading cleaning, aliases.

Regex rules instead of a morphological analyser: they are only applied to spans already known
to be noun phrases (headings, backtick spans, glossary terms), where a longest-match particle
list agrees with kiwipiepy on ~97% of words (see the research notes).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Longest first, so "으로부터" wins over "으로" and "로".
PARTICLES: tuple[str, ...] = tuple(
    sorted(
        {
            "은",
            "는",
            "이",
            "가",
            "을",
            "를",
            "의",
            "에",
            "에서",
            "에게",
            "로",
            "으로",
            "와",
            "과",
            "도",
            "만",
            "에만",
            "까지",
            "부터",
            "로부터",
            "으로부터",
            "으로의",
            "로의",
            "에서도",
            "에는",
            "에서는",
            "에게는",
            "마다",
            "이나",
            "나",
            "이라는",
            "라는",
            "이란",
            "란",
            "이라고",
            "라고",
            "이며",
            "며",
            "이고",
            "로는",
            "으로는",
            "로서",
            "으로서",
            "로써",
            "으로써",
            "와는",
            "과는",
            "보다",
            "처럼",
            "에도",
            "만이",
            "이라",
            "라",
            "인",
            "이다",
            "입니다",
            "이죠",
            "죠",
            "이랑",
            "랑",
            "에서의",
            "에의",
        },
        key=len,
        reverse=True,
    )
)

# Particles whose form depends on the previous syllable's final consonant (받침).
# Written in a neutral form after a blank so the blank does not leak the answer's last sound.
NEUTRAL: dict[str, str] = {
    "은": "은(는)",
    "는": "은(는)",
    "이": "이(가)",
    "가": "이(가)",
    "을": "을(를)",
    "를": "을(를)",
    "와": "와(과)",
    "과": "와(과)",
    "와는": "와(과)는",
    "과는": "와(과)는",
    "로": "(으)로",
    "으로": "(으)로",
    "로는": "(으)로는",
    "으로는": "(으)로는",
    "로부터": "(으)로부터",
    "으로부터": "(으)로부터",
    "로의": "(으)로의",
    "으로의": "(으)로의",
    "로서": "(으)로서",
    "으로서": "(으)로서",
    "로써": "(으)로써",
    "으로써": "(으)로써",
    "이나": "(이)나",
    "나": "(이)나",
    "이라는": "(이)라는",
    "라는": "(이)라는",
    "이라고": "(이)라고",
    "라고": "(이)라고",
    "이란": "(이)란",
    "란": "(이)란",
    "이라": "(이)라",
    "라": "(이)라",
    "이며": "(이)며",
    "며": "(이)며",
    "이고": "(이)고",
    "이다": "(이)다",
    "이죠": "(이)죠",
    "죠": "(이)죠",
    "이랑": "(이)랑",
    "랑": "(이)랑",
    "만이": "만이",
}

BLANK = "(　　)"

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
_PARTICLE_AFTER = re.compile(r"^\s?(" + "|".join(re.escape(p) for p in PARTICLES) + r")(?=$|[\s.,!?)\]:;·'\"」』])")


def has_hangul(text: str) -> bool:
    return bool(_HANGUL.search(text))


def script(text: str) -> str:
    """'hangul', 'latin' or 'other' by the majority of letters (digits ignored)."""
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    if hangul == latin == 0:
        return "other"
    return "hangul" if hangul >= latin else "latin"


_NOT_COMPARED = re.compile(r"[\s\-‐_()\[\]{}<>'\"`.,:;!?·/+&*~「」『』“”‘’]")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Comparison form: NFKC, casefolded, no spaces, hyphens, brackets or punctuation.

    Cached: the gates compare the same few thousand names and words about a million times per bank."""
    return _NOT_COMPARED.sub("", unicodedata.normalize("NFKC", text).casefold())


def leading_particle(rest: str) -> str | None:
    """The particle at the very start of ``rest`` (the text right after a noun), if any."""
    match = _PARTICLE_AFTER.match(rest)
    return match.group(1) if match else None


def neutral(particle: str) -> str:
    """The neutral written form of a particle, e.g. 를 -> 을(를); invariant particles unchanged."""
    return NEUTRAL.get(particle, particle)


def strip_particle(phrase: str, glossary: frozenset[str] = frozenset()) -> str:
    """Remove one trailing particle from a noun phrase (never from inside a glossary term)."""
    phrase = phrase.strip()
    if phrase in glossary:
        return phrase
    spaced = re.match(r"^(.*\S)\s+(" + "|".join(re.escape(p) for p in PARTICLES) + r")$", phrase)
    if spaced:
        return spaced.group(1)
    for particle in PARTICLES:
        if len(particle) >= len(phrase) - 1 or not phrase.endswith(particle):
            continue
        stem = phrase[: -len(particle)]
        # Only strip after Hangul/Latin/digit; keep nouns that merely end in particle-like syllables
        # when the stem is itself a known term or the stem would be a single syllable.
        if stem in glossary or (len(stem) >= 2 and re.search(r"[가-힣A-Za-z0-9)]$", stem)):
            if particle in {"이", "가", "의", "도", "나", "라", "인", "만", "과", "며", "란"} and not (
                stem in glossary or re.search(r"[A-Za-z0-9)]$", stem)
            ):
                # e.g. 추가, 정의, 정도, 길이: too risky on Hangul without a glossary hit
                continue
            return stem
    return phrase


# ---------------------------------------------------------------- headings

_TASK_WORDS = re.compile(
    r"(만들기|연습|실습|설정하기|연결하기|Install|설치|단기집중과정|마이그레이션|업데이트 및"
    r"|\+ 실습|Hands[- ]on|Lab)\s*$",
    re.IGNORECASE,
)
_TRAILING_FILLERS = (
    re.compile(r"\s*(\(|:|-)?\s*주의\s*\)?\s*$"),
    re.compile(r"\s*(이란|란|는|은)?\s*무엇(일까요|일까|인가요|인가)?\??\s*$"),
    re.compile(r"\s*입니다\.?\s*$"),
    re.compile(r"\s*(을|를)\s*선택\s*$"),
    re.compile(r"\s+(개요|소개|기초|정리|요약)\s*$"),
    re.compile(r"\s*(Overview|Introduction|Basics|Summary)\s*$", re.IGNORECASE),
    re.compile(r"^\s*(What is|What are|Intro to|Introduction to)\s+", re.IGNORECASE),
    re.compile(r"\?\s*$"),
)


def clean_heading(title: str) -> str:
    """A heading as a concept name: no numbering, filler words, trailing particles or '의'."""
    text = re.sub(r"[*_`]", "", title).strip()
    text = re.sub(r"^\d+(\.\d+)*[.)]?\s+", "", text)
    text = re.sub(r"\s*#+\s*$", "", text)
    colon = re.match(r"^([^:]{1,20}?)\s*:\s*\S", text)
    if colon:
        text = colon.group(1)  # 'IAM: Users & Groups' -> 'IAM', 'X-Ray : 주의' -> 'X-Ray'
    for _ in range(2):
        for pattern in _TRAILING_FILLERS:
            text = pattern.sub("", text).strip()
    text = re.sub(r"\s*의 원리$", "", text)
    # '범용의 인스턴스' -> '범용 인스턴스' (a '의' between a short modifier and a one-word head)
    match = re.match(r"^(\S+(?: \S+)?)의 (\S+)$", text)
    if match and has_hangul(match.group(1)):
        text = f"{match.group(1)} {match.group(2)}"
    text = strip_particle(text) if re.search(r"\s(을|를|은|는|이|가)$", text) else text
    return re.sub(r"\s+", " ", text).strip(" :-")


def is_task_heading(title: str) -> bool:
    """Headings naming a lab step rather than a concept ('IAM User 만들기', 'CLI Install')."""
    return bool(_TASK_WORDS.search(title.strip()))


def aliases(name: str) -> set[str]:
    """Every name a concept goes by: 'X(Y)' and 'X (Y)' give X and Y; 'a과 b' gives 'a/b'."""
    out = {name}
    match = re.match(r"^(.*?)\s*\(([^()]+)\)\s*(.*)$", name)
    if match:
        head, inner, tail = match.group(1).strip(), match.group(2).strip(), match.group(3).strip()
        outer = f"{head} {tail}".strip()
        if outer:
            out.add(outer)
        if inner and len(inner) > 1:
            out.add(f"{inner} {tail}".strip() if tail else inner)
    pair = re.match(r"^(\S+)(과|와| and | & )\s*(\S+)$", name)
    if pair and re.search(r"[A-Za-z0-9]", pair.group(1)):
        out.add(f"{pair.group(1)}/{pair.group(3)}")
    if "/" in name:
        out.add(name.replace("/", "과 "))
    return {a for a in out if a}


def head_noun(name: str) -> str:
    """The last word of a name, its kind ('스팟 인스턴스' -> '인스턴스')."""
    words = re.sub(r"\(.*?\)", "", name).split()
    return words[-1].casefold() if words else name.casefold()


# ---------------------------------------------------------------- sentence endings

_JONG_BIEUP = 17  # index of ㅂ among final consonants
_JONG_RIEUL = 8


def _syllable(code: int) -> tuple[int, int]:
    base = code - 0xAC00
    return base // 28, base % 28


def polite_end(stem: str) -> str:
    """Turn a verb stem into its formal ending: '하' -> '합니다', '있' -> '있습니다', '이' -> '입니다'."""
    if not stem or not ("가" <= stem[-1] <= "힣"):
        return stem + "입니다"
    head, final = _syllable(ord(stem[-1]))
    if final == 0:
        return stem[:-1] + chr(0xAC00 + head * 28 + _JONG_BIEUP) + "니다"
    if final == _JONG_RIEUL:
        return stem[:-1] + chr(0xAC00 + head * 28 + _JONG_BIEUP) + "니다"
    return stem + "습니다"


_JONG_NIEUN = 4


def background_end(body: str) -> str | None:
    """'~는데요' / '~ㄴ데요' (a background ending used as a sentence end) in the formal style:
    '제공하는데요' -> '제공합니다', '가능한데요' -> '가능합니다', '것인데요' -> '것입니다'."""
    if body.endswith("는데요") and len(body) > 3 and "가" <= body[-4] <= "힣":
        return polite_end(body[:-3])
    last = body[-3:-2]
    if body.endswith("데요") and "가" <= last <= "힣" and _syllable(ord(last))[1] == _JONG_NIEUN:
        return polite_end(body[:-3] + chr(ord(body[-3]) - _JONG_NIEUN))
    return None


_CONNECTIVE = re.compile(r"^(.*?[가-힣])(?:으며|며|고|죠|지요|는데요|는데|데요|지만)$")


def finish_statement(text: str) -> str:
    """End a clause cut out of a lecture sentence in the formal style ('~하며' -> '~합니다')."""
    text = text.strip().rstrip(",.;:")
    words = text.split(" ")
    last = words[-1]
    if re.search(r"(니다|다|요)$", last):
        if last.endswith("거든요"):
            words[-1] = polite_end(last[:-3])
        return " ".join(words) + "."
    match = _CONNECTIVE.match(last)
    if match:
        words[-1] = polite_end(match.group(1))
        return " ".join(words) + "."
    if re.search(r"(약자|의미|뜻)(로|이며|이고)?$", last):
        words[-1] = re.sub(r"(로|이며|이고)$", "", last) + "입니다"
        return " ".join(words) + "."
    return text + "."


def topic_particle(word: str) -> str:
    """은 after a final consonant, 는 after a vowel, 은(는) after Latin letters or digits."""
    last = word.strip()[-1:] if word.strip() else ""
    if not ("가" <= last <= "힣"):
        return "은(는)"
    return "은" if _syllable(ord(last))[1] else "는"
