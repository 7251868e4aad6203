"""Exam cues: the lecturer says what to answer when an exam question mentions something.

'그러므로 만약 시험에서 제한된 시간 내에 특정 사용자가 특정 파일에 액세스하는 경우에 관련된 문제가 나오면 사전 서명된
URL을 생각하시면 됩니다' names a situation (the clue) and a concept (the answer): it asks itself as '다음 상황에 알맞은
것은?'. Four spoken forms are read, each as one sentence or a sentence and the line after it:

- 'CLUE가 나오면 ANSWER를 생각하세요 / 생각하시면 됩니다 / 떠올리세요' (the exam named or not: 'Packer가 나오면 …');
- '시험 볼 때 CLUE를 사용하세요' followed by '바로 ANSWER가 됩니다';
- 'CLUE를 묻는다면 ANSWER를 사용한다고 답변해야 합니다';
- 'ANSWER를 사용하는 단 하나의 경우는 CLUE 관련 질문을 볼 때입니다'.

A cue naming two answers ('S3 Select와 Glacier Select를 떠올리세요') asks nothing of one; the template
(``templates/cue.py``) resolves the answer to a named concept and picks its siblings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from questions.text import tidy

_THINK = r"(?:생각하시면 됩니다|생각해 보시면 됩니다|생각하면 됩니다|생각하세요|떠올리세요|떠올리시면 됩니다)"
_OPEN = r"^(?:그러므로|그래서|따라서|마지막으로)?\s*(?:만약\s+)?(?:시험(?:에서|에|에서는)\s+)?"
# 'CLUE가 나오면 ANSWER를 생각하세요'
_SEEN = re.compile(_OPEN + r"(?P<clue>.+?)\s?(?:이|가) 나오면\s+(?P<answer>.+?)\s?(?:을|를) " + _THINK + r"\.?$")
# 'CLUE를 묻는다면 ANSWER를 사용한다고 답변해야 합니다'
_ASKED = re.compile(
    _OPEN + r"(?P<clue>.+?)\s?(?:을|를)?\s묻는다면\s+(?P<answer>.+?)\s?(?:을|를) 사용한다고 답(?:변)?해야 합니다\.?$"
)
# 'ANSWER를 사용하는 단 하나의 경우는 CLUE 관련 질문을 볼 때입니다'
_ONLY_CASE = re.compile(
    r"^(?P<answer>.+?)\s?(?:을|를) 사용하는 (?:단 하나의|유일한) 경우는\s+(?P<clue>.+?)\s?(?:관련|에 관한|에 대한) "
    r"(?:질문|문제)을 (?:볼|받을) 때입니다\.?$"
)
# '시험 볼 때 CLUE를 사용하세요' + '바로 ANSWER가 됩니다'
_WHEN = re.compile(_OPEN + r"시험 (?:볼|보실) 때\s+(?P<clue>.+?)\s?(?:하세요|하시면)\.?$")
_THEN = re.compile(r"^(?:바로|그럼|그러면|그게)?\s*(?P<answer>.+?)\s?(?:이|가) 됩니다\.?$")
# what a clue says about the question itself, not about the situation ('… 경우에 관련된 문제', '… 등의 키워드')
_CLUE_TAIL = re.compile(
    r"\s?(?:(?:에|와|과)\s?관련된\s?(?:문제|질문)|관련\s?(?:문제|질문)|등의 키워드|라는 키워드|키워드|문제|질문)$"
)
# two answers ('S3 Select와 Glacier Select'), or a clause where a name should be
_NOT_ONE = re.compile(r"[가-힣A-Za-z0-9](?:와|과|나|이나|및)\s|,|\s(?:하고|또는)\s|니다|하는|되는")


@dataclass(frozen=True)
class Cue:
    clue: str  # what the exam question mentions: a situation, keywords or what is asked
    answer: str  # the concept to answer, as the notes name it
    form: str  # 'situation' (…경우, …때), 'keyword' (a name or keywords) or 'question' (what is asked)


def _clean_clue(clue: str) -> str:
    clue = _CLUE_TAIL.sub("", clue.strip(" `'\"")).strip(" `'\",")
    clue = re.sub(r"(?<=[A-Za-z0-9]) (?=의\s)", "", clue)  # 'AWS 의 Managed Kubernetes'
    if re.search(r"(?:사용|이용)$", clue):
        clue += "하는 경우"  # '6081번 포트의 GENEVE 프로토콜을 사용' (하세요) names a situation
    return clue


def _form(clue: str, asked: bool) -> str:
    if asked:
        return "question"
    return "situation" if re.search(r"(?:경우|때)$", clue) else "keyword"


def _cue(clue: str, answer: str, asked: bool = False) -> Cue | None:
    answer = answer.strip(" `'\"")
    clue = _clean_clue(clue)
    if not clue or not answer or _NOT_ONE.search(answer) or len(answer) > 24 or len(clue) < 3:
        return None
    return Cue(clue=clue, answer=answer, form=_form(clue, asked))


def read_cue(sentence: str, after: str | None = None) -> Cue | None:
    """The cue a sentence says (with the line after it, for '시험 볼 때 … / 바로 X가 됩니다'), or None."""
    text = tidy(sentence).strip()
    for pattern, asked in ((_SEEN, False), (_ASKED, True), (_ONLY_CASE, False)):
        match = pattern.match(text)
        if match:
            return _cue(match.group("clue"), match.group("answer"), asked)
    when = _WHEN.match(text)
    then = _THEN.match(tidy(after).strip()) if when and after else None
    if when and then:
        return _cue(when.group("clue"), then.group("answer"))
    return None
