"""Question templates: one module each, every one a ``generate(ctx) -> Iterator[Candidate]``."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from questions.candidate import Candidate
from questions.templates import cloze, comparison, concept, cue, definition, membership, negative, numeric, service
from questions.templates._context import Context

TEMPLATES: list[Callable[[Context], Iterator[Candidate]]] = [
    concept.generate,
    cue.generate,
    cloze.generate,
    cloze.mention_candidates,
    cloze.group_candidates,
    numeric.generate,
    definition.generate,
    definition.group_generate,
    definition.member_generate,
    comparison.generate,
    comparison.describe_generate,
    service.cloze_generate,
    service.definition_generate,
    negative.generate,
    negative.true_generate,
    membership.generate,
]
KINDS = [concept.KIND, cloze.KIND, numeric.KIND, definition.KIND, comparison.KIND, negative.KIND, membership.KIND]
