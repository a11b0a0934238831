"""Topics of reciprocal events among named parties are no recipients.

In `Israel and Lebanon resumed talks on the pullback of Israeli troops` or `the two sides failed
to agree on the fate of the Palestinian offices`, both parties are the subjects and each is the
other's partner; the actor named in what they talk or agree about (`on`, `over`, `about`) is the
subject matter, not a third party they meet or agree with.
"""

from __future__ import annotations

from spacy.tokens import Token

# Prepositions introducing what talks or agreements are about.
TOPIC_PREPOSITIONS = frozenset({"on", "over", "about", "regarding", "concerning"})


def named_in_topic(target: Token, *stops: Token) -> bool:
    """Whether ``target`` hangs, below the event's words ``stops``, under a topic preposition."""
    stop_ids = {t.i for t in stops}
    current = target
    for _ in range(12):
        if current.i in stop_ids or current.head.i == current.i:
            return False
        if current.dep_ == "prep" and current.lower_ in TOPIC_PREPOSITIONS:
            return True
        current = current.head
    return False
