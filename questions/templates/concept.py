"""T1 description -> which concept.

Key sentences of a section with its name masked; sibling headings of the same kind are the distractors.
"""

from __future__ import annotations

from collections.abc import Iterator

from questions import korean
from questions.candidate import Candidate
from questions.templates._context import Context, pick_fitting
from questions.text import distinctive_leak, mask, mentions

KIND = "concept"


def generate(ctx: Context) -> Iterator[Candidate]:
    for section in ctx.sections:
        pool = ctx.concept_pool(section.index)
        if len(pool) < 3 or section.parent is None:  # a whole topic is too broad for one description
            continue
        answer_aliases = ctx.aliases[section.index]
        pool_names = {i: ctx.aliases[i] for _, i in pool}
        all_pool_names = [n for names in pool_names.values() for n in names]
        # Up to two evidence sentences; each candidate set is tried best-first.
        usable: list[tuple[float, int, str]] = []
        for score, si in ctx.described_sentences(section.index):
            text = ctx.facts[si]
            masked = mask(text, answer_aliases)
            if korean.BLANK * 2 in masked.replace(" ", ""):
                continue
            usable.append((score, si, masked))
        if not usable:
            continue
        for first in range(min(3, len(usable))):
            chosen = [usable[first]]
            for extra in usable[first + 1 :]:
                if len(chosen[0][2]) + len(extra[2]) < 170 and extra[1] != chosen[0][1]:
                    chosen.append(extra)
                    break
            chosen.sort(key=lambda item: item[1])
            stem_core = " ".join(item[2] for item in chosen)
            if len(stem_core) < 45:
                continue  # one short line rarely pins down one concept of a sibling set
            options: list[tuple[str, int]] = []
            for _, i in pool:
                if mentions(stem_core, pool_names[i]) or any(ctx.same_name(i, j) for _, j in options):
                    continue
                options.append((ctx.sections[i].name, i))
            distractors = pick_fitting(section.name, options)
            if len(distractors) < 3:
                continue
            names = [ctx.sections[i].name for i in distractors]
            leak = distinctive_leak(stem_core, answer_aliases, [n for i in distractors for n in pool_names[i]])
            if leak and len(chosen) > 1:
                chosen = [c for c in chosen if not distinctive_leak(c[2], answer_aliases, all_pool_names)]
                if not chosen:
                    continue
                stem_core = " ".join(item[2] for item in chosen)
            if ctx.ko:
                stem = f"다음 설명에 해당하는 것은?\n“{stem_core}”"
            else:
                stem = f"Which of these does the following describe?\n“{stem_core}”"
            evidence = [ctx.facts[si] for _, si, _ in chosen]
            lines = [ctx.sentence(si).start_line for _, si, _ in chosen]
            yield Candidate(
                kind=KIND,
                section=section.index,
                source_line=lines[0],
                stem=stem,
                stem_core=stem_core,
                answer=section.name,
                distractors=names,
                evidence=evidence,
                evidence_lines=lines,
                aliases=[answer_aliases, *(pool_names[i] for i in distractors)],
                score=sum(item[0] for item in chosen) / len(chosen) + 1.0,
                fact=f"{section.name}|{evidence[0]}",
            )
