"""Adjectival passives: `X is committed to reform`, `X is opposed to the plan`.

Some participles after `be` describe a stance their subject holds, not something done to it:
"Israel is opposed to the plan" means Israel opposes it, "Kenya is committed to reform" that
Kenya commits itself. Their grammatical subject (a passive subject to the parser) is the one
who acts, unless a `by` phrase names another agent ("the deal was opposed by Israel").
"""

from __future__ import annotations

from spacy.tokens import Token

# Participles that, after `be` and without a `by` agent, state their subject's own stance
STANCE_PARTICIPLES = frozenset(
    {
        "commit",
        "oppose",
        "determine",
        "resolve",
        "dedicate",
        "prepare",
        "dispose",
        "incline",
    }
)


def stance_holder_is_subject(verb: Token) -> bool:
    """The passive subject of `verb` holds the stance it states (`Israel is opposed to X`)."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in STANCE_PARTICIPLES:
        return False
    children = list(verb.children)
    return any(c.dep_ == "nsubjpass" for c in children) and not any(
        c.dep_ == "agent" for c in children
    )
