"""Sentence-level helpers shared by templates: filler removal, informativeness, name matching."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from questions import korean

_LEAD_FILLERS = re.compile(
    r"^((그리고|그래서|그러면|그럼|하지만|그런데|또한|또|즉|먼저|우선|다음으로|이제|마지막으로|참고로|따라서|"
    r"자|네|이번에는|이번엔|예를 들어|다시 말해|말씀드렸듯|앞서 말했듯|이렇게|결과적으로|반면에|반면|"
    r"그 외에도|더불어서|"
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
    text = _LEAD_FILLERS.sub("", sentence.strip().replace(korean.BLANK, "\x00"))
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([,.?!])(?![A-Za-z0-9])", r"\1", text).replace("\x00", korean.BLANK)  # not '.NET'


def filler_end(sentence: str) -> int:
    """Where a raw sentence's words begin after its leading spaces and fillers ('마지막으로 ', '그리고 ')."""
    lead = _LEAD_FILLERS.match(sentence.lstrip())
    return len(sentence) - len(sentence.lstrip()) + (lead.end() if lead else 0)


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
    # '(　　)(Snapshot)을': the gloss in brackets would name the answer in another language
    return re.sub(re.escape(korean.BLANK) + r"\s?\([A-Za-z][^()]{0,30}\)", korean.BLANK, text)


def tokens(name: str) -> set[str]:
    """Word tokens of a name in comparison form ('스팟 인스턴스' -> {'스팟', '인스턴스'}).

    CamelCase names also give their parts ('CodeArtifact' -> code, artifact, codeartifact): a stem
    saying 'Artifact 관리' leaks CodeArtifact when the distractors are CodeBuild and CodeDeploy.
    """
    words = re.split(r"[\s/()\-_,:+&]+", name)
    out = {korean.normalise(w) for w in words if korean.normalise(w)}
    for word in words:
        parts = re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+", word)
        if len(parts) > 1 and re.search(r"[a-z][A-Z]", word):
            out |= {p.casefold() for p in parts if len(p) >= 2}
    return out


def residual_name(choice: str, choices: Iterable[str]) -> str | None:
    """What names a choice apart from the others: its words minus the words every choice shares.

    'CloudWatch 사용자 지정 지표' beside 'CloudWatch 지표', 'CloudWatch 로그' → '사용자 지정 지표'.
    None when nothing is shared (the choice itself is then its name).
    """
    own = {korean.normalise(w) for w in choice.split()}
    common: set[str] | None = None
    for other in choices:  # a choice sharing no word ('Classic Load Balancer') does not empty the set
        words = {korean.normalise(w) for w in other.split()}
        if words & own:
            common = words if common is None else common & words
    words = choice.split()
    kept = [w for w in words if korean.normalise(w) not in (common or set())]
    if not kept or len(kept) == len(words):
        return None
    residual = " ".join(kept)
    # one capital letter names a record type ('A' of 'A 레코드' in '타입은 항상 A 또는 AAAA', round 15)
    return residual if len(korean.normalise(residual)) >= 2 or re.fullmatch(r"[A-Z]", residual) else None


def _head_of_other_name(stem: str, at: int, choice: str, residual: str) -> bool:
    """Is a residual from inside a choice's name ('자격 증명' of 'CLI 자격 증명 파일') found as the head of another
    name, right after a bare word ('EC2 프로파일 자격 증명')? It names that other thing there, not the choice; after
    a particle ('(　　)에는 자격 증명이 저장되며') it still names the choice (round 14, iamroles)."""
    name = choice.strip()
    if name.startswith(residual) or name.endswith(residual):
        return False
    before = stem[:at].rstrip()
    if len(before) == len(stem[:at]):
        return False  # glued to the word before: not a word of its own
    word = before.split()[-1] if before.split() else ""
    return bool(re.fullmatch(r"[0-9A-Za-z가-힣]+", word)) and not _ENDS_PARTICLE.search(word)


# a word ending in a particle or a clause ending: what follows it is a word of its own, no part of a name
_ENDS_PARTICLE = re.compile(r"(은|는|이|가|을|를|에|의|도|로|와|과|만|서|고|며|면|다|나)$")


def names_choice(stem: str, choice: str, choices: Iterable[str]) -> bool:
    """Does the stem name this choice, fully or by the words that set it apart from the others?"""
    if term_pattern(choice).search(stem):
        return True
    residual = residual_name(choice, choices)
    if residual and any(
        not _head_of_other_name(stem, m.start(), choice, residual) for m in term_pattern(residual).finditer(stem)
    ):
        return True
    # 'S3 버킷 정책' is named by '버킷 정책이 …'; 'CloudWatch 사용자 지정 지표' by '사용자 지정 지표'
    words = choice.split()
    shared: set[str] = set()  # words another choice also has: '로드 밸런서' names none of the load balancers
    for other in choices:
        if other != choice:
            shared |= {korean.normalise(w) for w in other.split()}
    for i in range(1, len(words)):
        rest = words[i:]
        if {korean.normalise(w) for w in rest} <= shared:
            continue
        named = len(rest) >= 2 or (i == 1 and re.match(r"[A-Za-z0-9]", words[0]))
        if named and len(korean.normalise(" ".join(rest))) >= 3 and term_pattern(" ".join(rest)).search(stem):
            return True
    return False


_CONTENT_STOP = {
    "있습니다",
    "합니다",
    "됩니다",
    "입니다",
    "없습니다",
    "사용",
    "경우",
    "수",
    "것",
    "때",
    "aws",
    "the",
    "and",
    "for",
    "with",
    "까지",
    "부터",
    "그리고",
    "또는",
    "모든",
    "다른",
    "같은",
    "가능",
    "하나",
    "여러",
}
_TRAILING_PARTICLE = re.compile(
    r"(으로는|에서는|에서도|으로|에서|에게|까지|부터|에는|이나|이며|이고|와|과|은|는|이|가|을|를|의|에|로|도|만)$"
)


def content_words(text: str) -> set[str]:
    """Content words in comparison form: Hangul words without a trailing particle, Latin words."""
    return set(_content_words(text))


def clear_caches() -> None:
    """Forget cached words and comparison forms (benchmarks time every run cold)."""
    _content_words.cache_clear()
    korean.normalise.cache_clear()


@lru_cache(maxsize=16384)
def _content_words(text: str) -> frozenset[str]:
    # cached: the gates ask for the words of the same sentences tens of thousands of times per bank
    out: set[str] = set()
    for word in re.findall(r"[가-힣]{2,}|[A-Za-z][A-Za-z0-9\-]+", text.replace(korean.BLANK, " ")):
        if korean.has_hangul(word):
            stripped = _TRAILING_PARTICLE.sub("", word)
            word = stripped if len(stripped) >= 2 else word
            if re.search(r"(니다|습니다|하는|되는|있는|하고|하며|해서|하면|된|한|할)$", word):
                continue  # verbs carry little of what a section is about
        key = korean.normalise(word)
        if len(key) >= 2 and key not in _CONTENT_STOP:
            out.add(key)
    return frozenset(out)


# a Latin name part and the Korean word a lecture uses for it: '빌드는 (　　)' gives away CodeBuild
_TRANSLITERATIONS = {
    "build": ("빌드",),
    "deploy": ("배포",),
    "commit": ("커밋",),
    "pipeline": ("파이프라인",),
    "artifact": ("아티팩트",),
    "guru": ("구루",),
    "trail": ("추적",),
    "watch": ("모니터링",),
    "ns": ("네임 서버", "네임서버"),
    "cli": ("명령줄", "커맨드 라인", "명령어 줄"),
    "sdk": ("개발 키트",),
    "decode": ("디코딩", "디코드"),
    "profile": ("프로필", "프로파일"),  # 'AWS CLI 프로필에 대한 …' gives away --profile
    "경보": ("alarm",),
    "지표": ("metric",),
    "이벤트": ("event",),
    "로그": ("log",),
    # round 15 (auditC): '.ebextensions/ 디렉터리' gives away 'Beanstalk 확장', '!FindInMap' 'CloudFormation 매핑'
    "확장": ("extension",),
    "매핑": ("map",),
}


def translated_name(text: str, name: str) -> str | None:
    """A part of the name that the text says in the lecture's Korean word for it ('NS 레코드' in '네임 서버 레코드로
    …', 'CodeDeploy' in '… 자동으로 배포하는 것'), if any."""
    folded = text.casefold()
    for token in sorted(tokens(name)):
        if any(word in folded for word in _TRANSLITERATIONS.get(token, ())):
            return token
    return None


def counted_request_leak(stem: str, answer_aliases: Iterable[str]) -> str | None:
    """A request word glued to a count in the stem ('5,500GET') that begins the answer's camelCase name
    (GetObject): the stem names the call by its request type even when a distractor shares the verb."""
    glued = {m.casefold() for m in re.findall(r"\d([A-Za-z]{3,})(?![A-Za-z])", stem)}
    for alias in answer_aliases:
        lead = re.match(r"[A-Z][a-z]+(?=[A-Z])", alias)
        if lead and lead.group(0).casefold() in glued:
            return lead.group(0)
    return None


def distinctive_leak(stem: str, answer_aliases: Iterable[str], distractor_aliases: Iterable[str]) -> str | None:
    """A word of the answer's name that no distractor shares and that the stem contains, if any."""
    shared: set[str] = set()
    for alias in distractor_aliases:
        shared |= tokens(alias)
    for alias in answer_aliases:
        for token in tokens(alias) - shared:
            if len(token) < 2 and not re.match(r"[a-z0-9]", token):
                continue
            if korean.has_hangul(token) and any(len(w) >= 2 and token.startswith(w) for w in shared):
                continue  # '배포하는' of '한 번에 배포하는 유형' is the distractors' '배포' inflected
            hit = (
                korean.normalise(token) in korean.normalise(stem)
                if korean.has_hangul(token)
                else re.search(r"(?<![A-Za-z0-9])" + re.escape(token) + r"s?(?![A-Za-z0-9])", stem, re.I)
            )  # 'CNAMES' leaks 'CNAME 레코드' too
            if not hit and not korean.has_hangul(token) and len(token) >= 3:
                # 'Sub 함수는 대체(Substitute)의 약어': a Latin word of the stem spells the name out
                hit = re.search(r"(?<![A-Za-z0-9])" + re.escape(token) + r"[a-z]{3,}", stem, re.I)
            if not hit and korean.has_hangul(token) and len(token) >= 3:
                # '컴퓨터 집약적인' gives away '컴퓨팅 최적화': the same word stem, another ending
                hit = any(word.startswith(token[:2]) for word in re.findall(r"[가-힣]{2,}", stem))
            if not hit and token in _TRANSLITERATIONS:
                hit = any(word in stem.casefold() for word in _TRANSLITERATIONS[token])
            if hit:
                return token
    return None


# ---------------------------------------------------------------- exam-style statements

_LECTURE = re.compile(
    r"(냐면|앞서|앞에서|알아볼|살펴볼|텐데|보실|볼까|해볼|해 볼|이번 강의|다음 강의|지난 강의|강의|"
    r"여기서|여기에|여기는|여기를|화면|클릭|선택하겠|선택합니다|"
    r"보겠|봅시다|봤습니다|보았습니다|살펴|알아보|알아봤|보시는|보시면|보시다시피|보세요|보이죠|실습|데모|여러분|"
    r"저도 |개인적으로|대단한 일|"
    r"저는|제가|저희|우리가|우리는|방금|지금|이제|드리|말씀|기억하|아시다시피|아시겠지만|생각해|궁금|재밌|재미|"
    r"걱정|시험에|시험을|시험 |정답|질문|이쪽|저쪽|탭|메뉴|콘솔|버튼|입력하|누르|이동하|이동해|겠지만|가시면|도표|"
    r"번째는|번째로|번째가|번째 방법|마지막은|다는 것입니다|는요|오른쪽|왼쪽|이름처럼|이름에서|"
    r"이것들|그것들|저것들|그때 가면|그때가면|그때 가서|이유기도|이유이기도|조금 특별|특별한데|중입니다|"
    r"과하지만|가급적|제 생각|추천드|추천합니다|좋겠죠|알 필요|몰라도|전부가 아니|"
    r"중요한 사항|알아야 할|라는 의미|싶습니다|"
    r"알아야 하|알고 있어야|외워야|다시 한번|다시 한 번|답변해야|답해야|스크롤|차례입니다|차례예요|기억해야|"
    r"let's|we will|we'll|click|console|button|in this lecture|as you can see)",
    re.IGNORECASE,
)
_EXAMPLE = re.compile(
    r"(고 치면|다고 치|예를 들어|예를 들면|예컨대|가령|예시|예로|만약|만일|라고 하면|라고 치면|"
    r"라고 해 봅|라고 합시다|하다고 치|"
    r"시나리오|상상|for example|e\.g\.|suppose|imagine|let's say)",
    re.IGNORECASE,
)
_DEMONSTRATIVE = re.compile(
    r"^(이|그|저|이런|그런|이러한|그러한|이것[은을이]?|그것|이건|그건|이게|그게|이는|이를|이들[은을이의]?|이렇게|그렇게|이럴|그럴|"
    r"이때|그때|여기|거기|이곳|해당|모두|그렇기|아니면|혹은|또는|게다가|보너스로|곧|위|이것들|그것들|역시|마찬가지로|"
    r"이름에서|이렇기|이처럼|그처럼|이와|그와|위의|위에서|아래|다음|또한|그래서|그러면|그럼|하지만|그런데|반면|즉|또|"
    r"this|that|these|those|it|they|here|there)(\s|,|$)",
    re.IGNORECASE,
)
# a demonstrative anywhere ('그 AZ가', '이 기능은', '거기 맞춰서') points at something said elsewhere
_POINTER = re.compile(
    r"(^|\s)(이|그|저|이런|그런|저런|이러한|그러한|이것[은을이도]?|그것도?|이때는|그때는|이들[은을이의]?|이건|그건|거기|이곳|그곳|위와|앞의|이는|이렇게|그렇게|이처럼|"
    r"그처럼|이와 같이)(\s|$)"
)
# '그 어떤 것보다', '그 무엇보다': 'than anything at all', an idiom that points at nothing said before
_ANY_AT_ALL = re.compile(r"(^|\s)그 (어떤|무엇)|(?<=[서며고]) 그 목적으로(?=\s)")
# ('… 알 수 있도록 해서 그 목적으로 …': after a clause of the same sentence, 'for that purpose' points at it)
_MID_FILLERS = re.compile(
    r"(보시는 것처럼|보시다시피|사실상|사실|기본적으로|말하자면|다시 말해|물론|아시다시피|굉장히|정말|아주|꼭|그냥|"
    r"그리고|즉,?|참고로|일단|이전에 본 것과 같이)\s+"
)
# ('… 워크로드를 위해 설계되었습니다' is what the thing is designed for, a property, not past narration)
_BAD_FINAL = re.compile(
    r"(겠습니다|겠죠|겠지요|봅시다|ㅂ시다|습니까|니까|(?<!설계되)었습니다|았습니다|였습니다|했습니다|됐습니다|랍니다|답니다|"
    r"때문입니다|말입니다|때문이죠|거예요|거든요|잖아요|건데요|네요|군요|는데요|데요|지요|까요|세요|어요|아요|해요|이에요|예요|"
    r"[가-힣]요)$"
)
_FORMAL_FINAL = re.compile(r"(니다|[가-힣]다)$")


# a version label of a lecture diagram ('ALB는 V2에 있는 새 오토 스케일링 그룹의 …'): its referent is the drawing;
# so is a lettered box of one ('VPC B와 VPC C 사이에서 통신하기 원한다면 …', '계정 B')
_DIAGRAM_LABEL = re.compile(r"(?<![A-Za-z0-9.])V\d(?![A-Za-z0-9.])|(?:VPC|계정|리전|서브넷) [A-E](?![A-Za-z0-9])")

# a sentence about the thing the section is contrasted with ('일반적인 데이터베이스(RDBMS)는 …' under ElastiCache)
_CONTRAST = re.compile(r"^(일반적인|전통적인|기존의|기존|보통의|대부분의|다른)\s")

# two lecture lines run together: '…저장, 게시, 공유 CodeGuru 는 …' (a noun, then a new subject)
_RUN_ON = re.compile(
    # (not after a modifier: '서명된 URL은', '새로운 ALB는', 'CloudFront의 URL은' are one noun phrase)
    r"[가-힣]*[가-힣](?<![고며면서데나지,된한인운는던될할의])\s[A-Z][A-Za-z\-]+\s?(은|는)\s"
    # a sentence end in the middle: '보안도 유지됩니다 암호화되므로 …'
    r"|[가-힣](니다|어요|에요|죠)\s+\S"
    # two topics, each with a bare name: '소스는 CodeCommit 빌드는 CodeBuild'
    r"|[가-힣](은|는)\s(?:[A-Za-z][A-Za-z0-9\-]*|" + re.escape(korean.BLANK) + r")\s[가-힣]+(은|는)\s"
)


def formalise(text: str) -> str | None:
    """End a lecture sentence in the formal written style, or None if its ending is not a statement.

    '…정의되죠' -> '…정의됩니다', '…있죠' -> '…있습니다'; '…보겠습니다', '…거든요', '…때문입니다'
    (a reason cut from its claim), past narration ('…만들었습니다') and questions give None.
    """
    body = text.strip().rstrip(".")
    body = re.sub(r"(이)고요$", "입니다", body)  # '…최소 저장 기간은 30일이고요'
    body = korean.background_end(body) or body  # '…DDoS 보호도 제공하는데요' -> '…제공합니다'
    if re.search(r"[가-힣]죠$", body) and not re.search(r"(겠죠|지요|잖죠|서죠|니죠|고죠)$", body):
        stem = body[:-1]
        stem = stem[:-1] + "것이" if stem.endswith("거") else stem
        # a loanword noun ('인스턴스죠', '컨테이너죠') drops its copula: '인스턴스입니다', not '인스턴습니다'; so does
        # '도구죠' ('도구입니다', not '도굽니다': no verb stem ends in 구)
        stem = stem + "이" if re.search(r"[스너트터드크프구]$", stem) else stem
        body = korean.polite_end(stem)
    if _BAD_FINAL.search(body) or not _FORMAL_FINAL.search(body):
        return None
    return body + "."


# a closing clause that only names what the claim before it is ('… 등록해 주는데 그게 EC2 에이전트의 역할이죠')
_RESTATEMENT = re.compile(r"^(.{16,}?[가-힣]는데)\s+그게\s+[^,]{1,30}(역할|기능|목적|의미|핵심)(입니다|이죠|죠)\.?$")


def _without_restatement(text: str) -> str:
    """'A는 B를 C해 주는데 그게 D의 역할이죠' -> 'A는 B를 C해 줍니다.': the claim without the clause naming it."""
    match = _RESTATEMENT.match(text)
    return korean.finish_statement(match.group(1)) if match else text


def statement_text(sentence: str) -> str | None:
    """A notes sentence as an exam statement (declarative fact, no lecture talk), or None.

    Used for every stem and evidence quote: a sentence that talks about the lecture, points back at
    something said elsewhere, opens with a demonstrative, or is a worked example is not a fact.
    """
    if _EXAMPLE.search(sentence):  # checked before tidy() drops a leading '예를 들어'
        return None
    text = tidy(sentence)
    text = _MID_FILLERS.sub("", text.replace(korean.BLANK, "\x00"))
    text = re.sub(r"\s+", " ", text).strip(" ,").replace("\x00", korean.BLANK)
    text = _without_restatement(text)
    if not 16 <= len(text) <= 150 or "?" in text or _BAD.search(text):
        return None
    if _RUN_ON.search(text) or _CONTRAST.match(text) or _DIAGRAM_LABEL.search(text):
        return None
    if (
        _LECTURE.search(text)
        or _EXAMPLE.search(text)
        or _DEMONSTRATIVE.match(text)
        or _POINTER.search(_ANY_AT_ALL.sub(" ", text))
    ):
        return None
    if not korean.has_hangul(text):
        return text if re.search(r"[.!]$|[a-z]$", text) and len(text.split()) >= 5 else None
    return formalise(text)


# a paragraph that poses a case to solve ('두 번째 상황입니다', '어떻게 해야 할까요?'): its numbers are the case's
_CASE_OPENERS = re.compile(
    r"(상황입니다|상황이 있|해야 할까요|해봅시다|해 봅시다|걸까요|시나리오|case study|scenario|"
    r"예제를 보|예제를 통해|설계할 수 있을까요|설계하려면|솔루션을 함께)",
    re.I,
)


# openers of a case study that runs on over several paragraphs until the next heading; a situation posed
# ('두 번째 상황입니다'), not one an example describes ('업로드하려 하는 상황입니다': that example is its paragraph's)
_CASE_STUDY = re.compile(r"((?<!는 )상황입니다|예제를 보|예제를 통해|설계할 수 있을까요|case study)", re.I)


def _paragraph(lines: list[str], line: int) -> tuple[int, int]:
    start = line - 1
    while start > 0 and lines[start - 1].strip() and not lines[start - 1].startswith("#"):
        start -= 1
    end = line - 1
    while end + 1 < len(lines) and lines[end + 1].strip() and not lines[end + 1].startswith("#"):
        end += 1
    return start, end


def in_case_study(lines: list[str], line: int) -> bool:
    """Is a 1-based line part of a case study: posed in its paragraph or earlier under the same heading?

    The S3 lifecycle case study runs over several paragraphs; its numbers and claims are the case's,
    not facts about the service, whatever template quotes them.
    """
    start, end = _paragraph(lines, line)
    heading = start
    while heading > 0 and not lines[heading - 1].startswith("#"):
        heading -= 1
    return any(_CASE_STUDY.search(text) for text in lines[heading : end + 1])


def in_worked_example(lines: list[str], line: int) -> bool:
    """Is a 1-based line inside a paragraph that states a case to solve, or inside a case study?"""
    start, end = _paragraph(lines, line)
    return any(_CASE_OPENERS.search(text) for text in lines[start : end + 1]) or in_case_study(lines, line)
