"""Exam cues asked back: '시험에서 … 경우에 관련된 문제가 나오면 사전 서명된 URL을 생각하시면 됩니다' ->
'다음 상황에 알맞은 S3 보안 기능은? “제한된 시간 내에 특정 사용자가 특정 파일에 액세스하는 경우”'.

The cue (``questions.cues``) names the answer; it must be a member of a hint group (not a service category:
'SQL 사용, 데이터 분석 서버리스' fits Aurora Serverless as well as Athena), and the distractors are its siblings,
except those named in the lines around the cue: the lecturer sets them beside the answer because the clue
could point at them ('Packer가 나오면 사용자 지정 플랫폼' next to '사용자 지정 AMI', which Packer also builds).
Asked as a description question (kind ``concept``); the explanation quotes the cue in the notes' words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from questions import gates, korean
from questions.candidate import Candidate
from questions.cues import Cue, read_cue
from questions.subjects import same_paragraph
from questions.templates._context import Context, GroupMember, pick_fitting
from questions.text import formalise, mentions, tidy

KIND = "concept"
_AROUND = 2  # sentences either side of the cue, in its paragraph, whose siblings are no distractors
_KIND_WORD = re.compile(r"\s(?:함수|기능|서비스|옵션|모드|정책)$")
_ASK = {"situation": "다음 상황에 알맞은", "keyword": "다음과 관련된", "question": "다음을 묻는 문제에 알맞은"}


def _member(ctx: Context, name: str) -> GroupMember | None:
    """The hint-group member a cue names ('GetAtt 함수' is the member 'GetAtt')."""
    group = ctx.member_of(name)
    if group is None and _KIND_WORD.search(name):
        name = _KIND_WORD.sub("", name)
        group = ctx.member_of(name)
    if group is None:
        return None
    key = korean.normalise(name)
    return next((m for m in ctx.groups[group] if key in {korean.normalise(a) for a in m.aliases}), None)


def _paragraph_text(ctx: Context, index: int) -> str:
    """The cue's neighbouring sentences in its section and paragraph."""
    sentences = ctx.notes.sentences
    out = [sentences[index].text]
    for step in (-1, 1):
        cursor = index
        for _ in range(_AROUND):
            nxt = cursor + step
            if not 0 <= nxt < len(sentences) or not same_paragraph(ctx.notes, min(cursor, nxt), max(cursor, nxt)):
                break
            out.append(sentences[nxt].text)
            cursor = nxt
    return " ".join(out)


def _distractors(ctx: Context, member: GroupMember, cue: Cue, around: str) -> list[GroupMember]:
    """Three siblings, none named beside the cue or in the clue, of the answer's script first."""
    pool = [m for m in ctx.siblings(member) if not mentions(around, m.aliases) and not mentions(cue.clue, m.aliases)]
    script = korean.script(member.name)
    pool.sort(key=lambda m: korean.script(m.name) != script)
    kept: list[GroupMember] = []
    for sibling in pool:
        if not any(
            gates.contains(sibling.name, m.name) or gates.contains(m.name, sibling.name) for m in (member, *kept)
        ):
            kept.append(sibling)  # not '롤링 업데이트' beside '추가 배치의 롤링 업데이트'
    return [kept[i] for i in pick_fitting(member.name, [(m.name, i) for i, m in enumerate(kept)])]


def _quote(*sentences: str) -> str:
    return " ".join(formalise(tidy(s)) or tidy(s).rstrip(".") + "." for s in sentences)


def generate(ctx: Context) -> Iterator[Candidate]:
    sentences = ctx.notes.sentences
    for index, sentence in enumerate(sentences):
        after = sentences[index + 1] if index + 1 < len(sentences) else None
        cue = read_cue(sentence.text, after.text if after else None)
        if cue is None:
            continue
        member = _member(ctx, cue.answer)
        if member is None or not ctx.in_group_topic(member.group, sentence.section):
            ctx.rejected["cue_not_a_member"] += 1
            continue
        if mentions(cue.clue, member.aliases):
            continue
        distractors = _distractors(ctx, member, cue, _paragraph_text(ctx, index))
        if not distractors:
            ctx.rejected["cue_siblings"] += 1
            continue
        two_lines = after is not None and cue.answer in after.text and cue.answer not in sentence.text
        said = [sentence, after] if two_lines and after is not None else [sentence]
        what = ctx.group_name(member)
        yield Candidate(
            kind=KIND,
            section=sentence.section,
            source_line=sentence.start_line,
            stem=f"{_ASK[cue.form]} {what}{korean.topic_particle(what)}?\n“{cue.clue}”",
            stem_core=cue.clue,
            answer=member.name,
            distractors=[m.name for m in distractors],
            evidence=[_quote(*(s.text for s in said))],
            evidence_lines=[s.start_line for s in said],
            aliases=[set(member.aliases), *(set(m.aliases) for m in distractors)],
            score=3.0,
            fact=f"cue|{member.name}|{cue.clue}",
        )
