"""The main predication of a sentence, for sentence-level coding.

Gold event sets code one event per sentence: the main clause's. Among the candidate events of a
sentence, those in subordinate or relative clauses, participles and appositions give way to the
one that governs them, which may take its recipient from its complement.
"""

from __future__ import annotations

from spacy.tokens import Token

from realpolitik.events.arguments import PASSIVE_SUBJECTS, SUBJECTS, Argument
from realpolitik.events.lexicon import Trigger

# (trigger, status anchor, pattern, sources, targets)
Candidate = tuple[Token, Token, Trigger, list[Argument], list[Argument]]

# Subordinators of clauses that run alongside the main event or contrast with it
CONCURRENT_MARKERS = frozenset({"as", "while", "whilst", "whereas", "although", "though"})

# Links that put a clause or phrase below the main predication of its sentence: adverbial and
# relative clauses, participial modifiers, appositions, prepositional objects, modifiers.
SUBORDINATE_LINKS = frozenset(
    {
        "advcl",
        "relcl",
        "acl",
        "appos",
        "npadvmod",
        "pobj",
        "pcomp",
        "nmod",
        "poss",
        "amod",
        "compound",
        "agent",
    }
)


def main_candidates(found: list[Candidate]) -> list[Candidate]:
    """The candidates of a sentence's main predication (see `EventExtractor.extract_main`):
    those no other candidate governs, at the shallowest clause depth; a governing candidate
    with no recipient takes its complement's agent or recipient (`demanded that the US ...`)."""
    if len(found) < 2:
        return found
    tokens = {
        token.i: index
        for index, (trigger, anchor, *_) in enumerate(found)
        for token in (trigger, anchor)
    }
    governors: dict[int, int] = {}
    ranks: dict[int, int] = {}
    # candidates in a clause about another situation, which lend their governor nothing
    unrelated: set[int] = set()
    for index, (_, anchor, *_rest) in enumerate(found):
        rank, current, below_conj_only = 0, anchor, True
        for _ in range(40):
            link = current.dep_
            if link != "conj":
                below_conj_only = False
            if link in SUBORDINATE_LINKS:
                rank += 1
            if own_situation(current):
                unrelated.add(index)
            parent = current.head
            if parent.i == current.i:
                break
            owner = tokens.get(parent.i)
            if owner is not None and owner != index and not below_conj_only:
                governors[index] = owner
                break
            current = parent
        ranks[index] = rank
    arguments = {index: (list(c[3]), list(c[4])) for index, c in enumerate(found)}

    def depth(index: int) -> int:
        steps, current = 0, index
        while current in governors and steps < len(found):
            current, steps = governors[current], steps + 1
        return steps

    for index in sorted(governors, key=depth, reverse=True):
        # "demanded that the US cancel ...": who is asked to act is the complement's agent;
        # "agreed to withdraw from X": the complement's recipient
        sources, targets = arguments[governors[index]]
        if targets or index in unrelated:
            continue
        own = {a.actor_id for a in sources}
        inner_sources, inner_targets = arguments[index]
        passed = [a for a in inner_sources if a.actor_id not in own] or [
            a for a in inner_targets if a.actor_id not in own
        ]
        if sources or passed:
            targets.extend(passed)
    free = [index for index in range(len(found)) if index not in governors]
    lowest = min(ranks[index] for index in free)
    return [
        (found[i][0], found[i][1], found[i][2], *arguments[i]) for i in free if ranks[i] == lowest
    ]


def own_situation(clause: Token) -> bool:
    """A concurrent or concessive clause with its own subject (`resigned [as the opposition
    threatened ...]`, `eased curfews [while police in X cracked down]`) tells of another
    situation: its actors are not the main event's recipients. Causal and conditional clauses
    (`suspended flights [after X shot down a plane]`, `threatened to strike [unless X
    withdrew]`) name who the act answers, and subjectless purpose clauses (`opened fire [to
    disperse the crowd]`) are part of the act, so both may still name its recipient."""
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ in SUBJECTS + PASSIVE_SUBJECTS for c in clause.children)
        and any(c.dep_ == "mark" and c.lower_ in CONCURRENT_MARKERS for c in clause.children)
    )
