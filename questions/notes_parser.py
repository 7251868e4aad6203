"""Markdown notes -> heading tree, sentences, key phrases (backtick spans) and quantities.

Everything keeps 1-based line numbers so every generated question can point at its evidence.
Tables of contents (list items that are only an anchor link) and fenced code blocks are skipped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from questions import korean
from questions.corrections import correct


class NotesError(Exception):
    """Notes that cannot be used at all (missing, empty, binary, no headings)."""


@dataclass
class Span:
    """A backtick key phrase inside a sentence (offsets into ``Sentence.text``)."""

    text: str
    start: int
    end: int
    line: int


@dataclass
class Quantity:
    """A number with a unit inside a sentence, e.g. '90%' or '22번 포트'."""

    text: str  # as written, e.g. '16,000 IOPS'
    value: float
    unit: str  # canonical unit, e.g. 'IOPS', '%', 'port'
    start: int
    end: int
    line: int


@dataclass
class Sentence:
    text: str  # cleaned: no backticks or markdown, lines joined with one space
    start_line: int
    end_line: int
    section: int
    line_starts: list[int] = field(default_factory=list)  # offset in text where each line starts
    spans: list[Span] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    continued: bool = False  # the text goes on from a sentence cut off at the line limit: its start is lost

    def line_at(self, offset: int) -> int:
        return self.start_line + max(0, bisect.bisect_right(self.line_starts, offset) - 1)


@dataclass
class Section:
    index: int
    level: int
    title: str
    name: str  # cleaned concept name
    line: int
    parent: int | None
    topic: int  # index of the topic (top-level) section
    children: list[int] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    path: tuple[str, ...] = ()
    task: bool = False

    @property
    def path_text(self) -> str:
        return " > ".join(self.path)


@dataclass
class Notes:
    lines: list[str]
    sections: list[Section]
    sentences: list[Sentence]
    lang: str  # 'ko' or 'en'
    normalised_text: str  # whole body in comparison form, to test whether a sentence is "in the notes"

    def topics(self) -> list[Section]:
        return [s for s in self.sections if s.index == s.topic]


_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TOC_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s+\[[^\]]*\]\(#[^)]*\)\s*$")
_SKIP_LINE = re.compile(r"^\s*(\||https?://\S+\s*$|!\[|<[a-zA-Z/]|[-*_=]{3,}\s*$|\S+\.(png|jpe?g|gif)\s*$)")
# '…할 때마다', '…모니터링보다' at a line end go on in the next line ('X-Ray 데몬이 1초마다 / 배치를 … 전송하고')
_END = re.compile(r"([.!?。]|(?<![마보])다|요|죠|까|음|함|됨)\s*$")

_NUMBER = r"(?<![\w.\-/:])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?[~\-–]\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?))?"
_UNITS: tuple[tuple[str, str], ...] = (
    (r"\s?%|\s?퍼센트|\s?percent", "%"),
    (r"\s?밀리초|\s?ms(?![A-Za-z0-9])|\s?milliseconds?(?![A-Za-z0-9])", "ms"),
    (r"\s?MB/s|\s?MiB/s|\s?MBps", "MB/s"),
    (r"\s?IOPS(?![A-Za-z0-9])", "IOPS"),
    (r"\s?[KMGTP]i?B(?![A-Za-z0-9])", "bytes"),
    (r"\s?바이트|\s?bytes?(?![A-Za-z0-9])", "bytes"),
    (r"\s?초(?![기과점])|\s?seconds?(?![A-Za-z0-9])|\s?secs?(?![A-Za-z0-9])", "s"),
    (r"\s?분(?![산석리류할배기])|\s?minutes?(?![A-Za-z0-9])|\s?mins?(?![A-Za-z0-9])", "min"),
    (r"\s?시간|\s?hours?(?![A-Za-z0-9])|\s?hrs?(?![A-Za-z0-9])", "h"),
    (r"\s?일(?![반부괄정단관치시련종본])|\s?days?(?![A-Za-z0-9])", "day"),
    (r"\s?주(?![소요의기체])|\s?weeks?(?![A-Za-z0-9])", "week"),
    (r"\s?개월|\s?months?(?![A-Za-z0-9])", "month"),
    (r"\s?년|\s?years?(?![A-Za-z0-9])", "year"),
    (r"\s?개(?![발선인])", "count"),
)
_PORT = re.compile(
    r"(?<![\w.\-/:])(\d{2,5})\s?번\s?포트|(?:포트|port)\s?(\d{2,5})(?![A-Za-z0-9])|(\d{2,5})\s?port(?![A-Za-z0-9])",
    re.I,
)
_BYTE_SCALE = {"K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15}
_UNIT_PATTERNS = [(re.compile(_NUMBER + "(" + unit + ")", re.IGNORECASE), canon) for unit, canon in _UNITS]
_MD_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\*\*|__|~~"), ""),
    (re.compile(r"<[^>]{1,40}>"), ""),
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+"), ""),
    (re.compile(r"^\s*>+\s?"), ""),
)


def read_notes(path: Path) -> str:
    """Read a notes file, refusing what cannot be notes, with one clear message."""
    if not path.exists():
        raise NotesError(f"notes file not found: {path}")
    if path.is_dir():
        raise NotesError(f"notes path is a folder, not a file: {path}")
    data = path.read_bytes()
    if not data.strip():
        raise NotesError(f"notes file is empty: {path}")
    if b"\x00" in data[:8192]:
        raise NotesError(f"notes file is binary, not markdown text: {path}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotesError(f"notes file is not UTF-8 text: {path}") from None


def clean_line(line: str) -> str:
    """A line as prose: markdown links, emphasis, list markers removed; spaces collapsed."""
    text = line
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    return re.sub(r"\s+", " ", text).strip()


def _quantity_value(number: str) -> float:
    return float(number.replace(",", ""))


def find_quantities(text: str) -> list[tuple[str, float, str, int, int]]:
    """(text, value, unit, start, end) for every number-with-unit in a cleaned sentence."""
    found: list[tuple[str, float, str, int, int]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in _PORT.finditer(text):
        number = next(g for g in match.groups() if g)
        if free(match.start(), match.end()):
            found.append((match.group(0).strip(), float(number), "port", match.start(), match.end()))
            taken.append((match.start(), match.end()))
    for pattern, canon in _UNIT_PATTERNS:
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            value = _quantity_value(match.group(1))
            unit = canon
            if canon == "bytes":
                prefix = match.group(3).strip()[:1].upper()
                value *= _BYTE_SCALE.get(prefix, 1.0)
                unit = "bytes"
            found.append((match.group(0).strip(), value, unit, match.start(), match.end()))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda q: q[3])


def _flush(raw: list[tuple[int, str]], section: int, sentences: list[Sentence]) -> None:
    """Turn the (line, text) pieces of one sentence into a Sentence with spans and quantities."""
    if not raw:
        return
    text_parts: list[str] = []
    line_starts: list[int] = []
    spans: list[Span] = []
    offset = 0
    open_at: int | None = None
    open_line = 0
    for line_no, piece in raw:
        if text_parts:
            text_parts.append(" ")
            offset += 1
        line_starts.append(offset)
        i = 0
        while i < len(piece):
            char = piece[i]
            if char == "`":
                if open_at is None:
                    open_at, open_line = offset, line_no
                else:
                    spans.append(Span("", open_at, offset, open_line))
                    open_at = None
                i += 1
                continue
            text_parts.append(char)
            offset += 1
            i += 1
    text = "".join(text_parts)
    # Fill span texts now that the text is complete; strip spaces inside the backticks.
    fixed: list[Span] = []
    for span in spans:
        start, end = span.start, span.end
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if end > start:
            fixed.append(Span(text[start:end], start, end, span.line))
    sentence = Sentence(
        text=text,
        start_line=raw[0][0],
        end_line=raw[-1][0],
        section=section,
        line_starts=line_starts,
        spans=fixed,
    )
    for q_text, value, unit, start, end in find_quantities(text):
        sentence.quantities.append(Quantity(q_text, value, unit, start, end, sentence.line_at(start)))
    sentences.append(sentence)


def parse_notes(text: str) -> Notes:
    """Parse markdown notes; raises NotesError when there is no heading to hang questions on."""
    lines = [correct(line) for line in text.splitlines()]
    sections: list[Section] = []
    sentences: list[Sentence] = []
    stack: list[int] = []
    in_fence = False
    fence_mark = ""
    pending: list[tuple[int, str]] = []
    current: int | None = None
    top_level = min(
        (len(m.group(1)) for m in (_HEADING.match(x) for x in _lines_outside_fences(lines)) if m),
        default=None,
    )
    if top_level is None:
        raise NotesError("notes have no markdown headings ('# Topic', '## Section')")

    cut = False  # the last sentence was flushed at the line limit, not at a sentence end

    def flush(at_limit: bool = False) -> None:
        nonlocal pending, cut
        if current is not None and pending:
            before = len(sentences)
            _flush(pending, current, sentences)
            sections[current].sentences.extend(range(before, len(sentences)))
            if cut and len(sentences) > before:
                sentences[before].continued = True
        cut = at_limit
        pending = []

    for number, line in enumerate(lines, start=1):
        fence = _FENCE.match(line)
        if fence:
            mark = fence.group(1)
            if not in_fence:
                flush()
                in_fence, fence_mark = True, mark
            elif mark == fence_mark:
                in_fence = False
            continue
        if in_fence:
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            level = max(len(heading.group(1)), top_level)
            title = heading.group(2).strip()
            while stack and sections[stack[-1]].level >= level:
                stack.pop()
            parent = stack[-1] if stack else None
            index = len(sections)
            topic = sections[stack[0]].topic if stack else index
            path = (*sections[parent].path, title) if parent is not None else (title,)
            section = Section(
                index=index,
                level=level,
                title=title,
                name=korean.clean_heading(title) or title,
                line=number,
                parent=parent,
                topic=topic,
                path=path,
                task=korean.is_task_heading(title),
            )
            sections.append(section)
            if parent is not None:
                sections[parent].children.append(index)
            stack.append(index)
            current = index
            continue
        if current is None or _TOC_ITEM.match(line) or _SKIP_LINE.match(line):
            flush()
            continue
        if line.startswith("    ") and not line.strip().startswith(("-", "*", "+")) and not pending:
            continue  # indented code block
        cleaned = clean_line(line)
        if not cleaned:
            flush()
            continue
        if re.match(r"^\s*([-*+]|\d+[.)])\s+", line) and pending:
            flush()  # every list item starts a sentence
        segments = _split_segments(cleaned)
        for position, segment in enumerate(segments):
            pending.append((number, segment))
            open_ticks = sum(part.count("`") for _, part in pending) % 2 == 1
            last = position == len(segments) - 1
            ended = not last or bool(_END.search(segment.rstrip("`) ")))
            if not open_ticks and (ended or len(pending) >= 4):
                flush(at_limit=not ended)
    flush()
    body = " ".join(s.text for s in sentences)
    hangul = len(re.findall(r"[가-힣]", body))
    latin = len(re.findall(r"[A-Za-z]", body))
    lang = "ko" if hangul >= 0.25 * max(1, hangul + latin) else "en"
    return Notes(lines, sections, sentences, lang, korean.normalise(body))


# a sentence end inside a line: punctuation, or a Korean final ending followed by more words
_SEGMENT_END = re.compile(r"(?:(?<=[.!?])|(?<=니다)|(?<=[가-힣]죠)|(?<=[데어예에네]요))\s+(?=\S)")


# two lecture lines run together inside one line: '…Effect는 허용이나 거부 Principal은 해당 …' (a bare noun,
# then a new Latin-named subject; not after a modifier or connective: '서명된 URL은', '설정하고 Effect는')
_RUN_ON_START = re.compile(
    r"(?<=[가-힣])(?<![고며면서데나지된한인운는던될할의은이가을를와과로에도])\s+(?=[A-Z][A-Za-z\-]+\s?(은|는)\s)"
)

# words that modify the name after them ('최대 IOPS는'): no run-on there
_PRENOMINAL = frozenset(
    {"최대", "최소", "기본", "모든", "각", "각각", "다른", "같은", "새", "다중", "여러", "일부", "전체"}
)
_TOPIC_CLAUSE = re.compile(r"[가-힣A-Za-z0-9]\s?(은|는)\s")


def _split_segments(line: str) -> list[str]:
    """Split one line at sentence ends ('. ', '? ') and at run-together subjects, outside backtick spans."""
    segments: list[str] = []
    start = 0
    # a run-on only where the line already holds a topic clause ('Effect는 허용이나 거부' before 'Principal은')
    run_ons = [
        m
        for m in _RUN_ON_START.finditer(line)
        if _TOPIC_CLAUSE.search(line[: m.start()]) and line[: m.start()].split()[-1] not in _PRENOMINAL
    ]
    ends = sorted([*_SEGMENT_END.finditer(line), *run_ons], key=lambda m: m.start())
    for match in ends:
        if line[start : match.start()].count("`") % 2 == 0 and line[: match.start()].count("`") % 2 == 0:
            segments.append(line[start : match.start()])
            start = match.end()
    segments.append(line[start:])
    return [seg for seg in segments if seg.strip()]


def _lines_outside_fences(lines: list[str]) -> list[str]:
    out: list[str] = []
    in_fence, mark = False, ""
    for line in lines:
        fence = _FENCE.match(line)
        if fence:
            if not in_fence:
                in_fence, mark = True, fence.group(1)
            elif fence.group(1) == mark:
                in_fence = False
            continue
        if not in_fence:
            out.append(line)
    return out
