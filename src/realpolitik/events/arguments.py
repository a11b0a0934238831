"""Event arguments: an actor and the token that names it, and the dependency labels and
coordination helpers that finding them shares."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass",)


@dataclass(frozen=True)
class Argument:
    actor_id: str
    token: Token


def conjuncts(token: Token) -> list[Token]:
    """The token and its coordinated phrases; `The US, Russia, and Switzerland` is often parsed
    with `Russia` as an apposition that carries the rest of the list."""
    found = [token]
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            listed = child.dep_ == "appos" and any(g.dep_ == "conj" for g in child.children)
            if (child.dep_ == "conj" or listed) and child not in found:
                found.append(child)
                stack.append(child)
    return found


def unique_arguments(arguments: list[Argument]) -> list[Argument]:
    """The arguments, each actor once, in order."""
    seen: set[str] = set()
    out = []
    for argument in arguments:
        if argument.actor_id not in seen:
            seen.add(argument.actor_id)
            out.append(argument)
    return out
