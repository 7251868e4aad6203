"""What every template needs to know about the notes, computed once per run."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from questions import korean
from questions.notes_parser import Notes, Section, Sentence
from questions.text import informative_score, mentions, term_pattern, tidy

_COMPOUND = re.compile(r"(,|\s및\s|\s&\s|\s\+\s|\svs\.?\s|\s대\s|차이|비교|:)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"([다요죠고며서면지게음함됨는은을한된할될던]|니다|하여|해서|처럼)$")
_CASE_WORD = re.compile(r"[가-힣](을|를|에서|으로|에게|에는)$")
_INNER_CASE_WORD = re.compile(r"[가-힣](은|는|이|가|에|와|과|로|도|의)$")


_PRONOUN_OPEN = re.compile(
    r"^(이는|이것|이건|이게|그것|그건|이를|이들|이렇게|그렇게|이럴|그럴|여기|이 경우|it|this|they)\b"
)
_SUBJECT_PARTICLES = {"은", "는", "이", "가", "에서는", "의 경우", "이란", "란"}


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


def is_concept(section: Section) -> bool:
    """A heading that names one thing and can be a choice (not a lab step, not a list of names)."""
    name = section.name
    return (
        not section.task
        and 1 <= len(name) <= 32
        and not _COMPOUND.search(name)
        and not re.match(r"^[A-Za-z0-9]\S*(과|와) \S+$", name)
        and (section.parent is not None or korean.script(name) == "latin")
        and len(name.split()) <= 5
    )


@dataclass
class Context:
    notes: Notes
    glossary: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        names = {s.name for s in self.notes.sections}
        spans = {sp.text for s in self.notes.sentences for sp in s.spans if is_term_like(sp.text)}
        self.glossary = frozenset(names | spans)

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

    def label(self, text: str, choices: list[set[str]]) -> str:
        """'[topic] ' to give a stem its context, or '' when the label would name a choice."""
        if not text or any(mentions(text, names) for names in choices):
            return ""
        return f"[{text}] "

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

    def concept_pool(self, index: int) -> list[tuple[float, int]]:
        """Sections that make good distractors for section ``index`` (score, section), best first."""
        target = self.sections[index]
        if index not in self.aliases:
            return []
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
            sentence = self.notes.sentences[si]
            score = informative_score(sentence.text, len(sentence.spans))
            if score >= 1.0:
                scored.append((score, si))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return scored

    def statement(self, si: int, forbidden: list[str], subject: set[str] | None = None) -> str | None:
        """A sentence as a stand-alone choice statement, or None if it names a forbidden term.

        With ``subject``, the sentence must open with one of those names as its subject
        ('EFS는 ...'); the subject is cut off so the statement describes it without naming it.
        """
        text = tidy(self.notes.sentences[si].text)
        if subject is not None:
            stripped = strip_subject(text, subject)
            if stripped is None:
                return None
            text = stripped
        if mentions(text, forbidden) or len(text) > 100 or len(text) < 8 or _PRONOUN_OPEN.match(text):
            return None
        if subject is None and informative_score(text) < 1.0:
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
        # Names the notes use often without backticks: Latin product names/acronyms and concept headings.
        counts: dict[tuple[int, str], tuple[int, int]] = {}
        for sentence in self.notes.sentences:
            section = self.sections[sentence.section]
            for match in _LATIN_NAME.finditer(sentence.text):
                key = (section.topic, match.group(0))
                seen = counts.get(key, (0, section.index))
                counts[key] = (seen[0] + 1, seen[1])
        for (topic, text), (count, section_index) in sorted(counts.items()):
            if count >= 3 and 2 <= len(text) <= 24 and text.casefold() not in _COMMON_LATIN:
                out.append(Term(text, section_index, topic, ""))
        for index in self.aliases:
            section = self.sections[index]
            if section.parent is not None and is_term_like(section.name):
                out.append(Term(section.name, index, section.topic, ""))
        return out
