"""Verbs that demand or assert, by the mood of what follows: `insist`.

"Kenya insisted that Uganda withdraw" (a subjunctive or a modal of obligation) is a demand, a
REQUEST; "Kenya insisted (that) the unrest reflected old tensions" (a plain indicative) only
maintains that something is so, a statement, which CAMEO and PLOVER do not code as an event.
"""

from __future__ import annotations

from spacy.tokens import Token

# Verbs coded as a demand only when their complement states what someone must do
DEMAND_OR_ASSERT_VERBS = frozenset({"insist"})
# Finite indicative tags: past and present tense verbs
INDICATIVE_TAGS = frozenset({"VBD", "VBZ"})
# Modals that keep a complement a demand: "insisted that X must leave"
DEMANDING_MODALS = frozenset({"must", "should", "shall"})


def asserts_only(verb: Token) -> bool:
    """`verb` (`insisted`) introduces a plain statement of fact, not a demand."""
    if verb.lemma_.lower() not in DEMAND_OR_ASSERT_VERBS:
        return False
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if modals & DEMANDING_MODALS:
            return False
        finite = (
            clause.tag_ in INDICATIVE_TAGS
            or (clause.lemma_ == "be" and clause.tag_ == "VBP")  # "insists they are"
            or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in INDICATIVE_TAGS for c in clause.children
            )
        )
        return finite
    return False
