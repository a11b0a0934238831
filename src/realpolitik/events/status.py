"""Status of an event mention: asserted, reported, claimed, planned, hypothetical, negated,
historical; plus who the claim is attributed to.

Reads cues on the trigger and on the clauses that govern it (modal and future auxiliaries,
negation, complement verbs such as `agree to` or `refuse to`, speech and accusation frames,
`according to`, `since 2011`). Status does not pass from a verb to its object: in `to counter
HTS's advances`, the advances are not hypothetical because countering them is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

# Most decisive first: a negated plan is negated, a hypothetical claim is hypothetical.
PRECEDENCE = ("negated", "hypothetical", "planned", "claimed", "reported", "historical", "asserted")

# "must": what someone must do is demanded of it, not done.
HYPOTHETICAL_MODALS = frozenset({"may", "might", "could", "should", "can", "must"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
HYPOTHETICAL_WORDS = frozenset(
    {
        "potential",
        "possible",
        "possibly",
        "potentially",
        "perhaps",
        "maybe",
        "hypothetical",
        "prospective",
        "eventual",
        "likely",
        "unlikely",
        "conceivably",
    }
)
PLANNED_WORDS = frozenset(
    {"planned", "proposed", "intended", "upcoming", "future", "expected", "scheduled"}
)
CLAIMED_WORDS = frozenset(
    {"alleged", "allegedly", "purported", "purportedly", "claimed", "so-called"}
)
REPORTED_WORDS = frozenset({"reportedly", "apparently", "supposedly"})
HISTORICAL_WORDS = frozenset({"previously", "formerly", "historically", "once", "long", "earlier"})
NEGATING_ADJECTIVES = frozenset({"hesitant", "reluctant", "unwilling", "unable", "loath", "loth"})
# "is willing to withdraw", "ready to contribute": an intention, not an act.
WILLING_ADJECTIVES = frozenset(
    {"willing", "ready", "prepared", "eager", "keen", "poised", "determined"}
)
# Governors that make the act an offer or a commitment (the manual's AGREE: "agree to, offer,
# promise, or otherwise indicate willingness or commitment"): "is willing to withdraw".
OFFER_WORDS = WILLING_ADJECTIVES | frozenset({"offer", "promise", "pledge", "commit", "vow"})
# Modals that put an act on someone as an obligation: "X must cooperate" demands it of X.
OBLIGATION_MODALS = frozenset({"must", "should", "ought"})
FRAME_NOUNS = frozenset(
    {
        "uncertainty",
        "speculation",
        "doubt",
        "doubts",
        "possibility",
        "prospect",
        "prospects",
        "question",
        "questions",
        "rumor",
        "rumors",
        "rumour",
        "rumours",
        "talk",
        "fears",
        "fear",
        "risk",
        "likelihood",
        "option",
        "options",
        "scenario",
    }
)
SPEECH_VERBS = frozenset(
    {
        "say",
        "claim",
        "allege",
        "insist",
        "assert",
        "state",
        "announce",
        "tell",
        "report",
        "add",
        "note",
        "argue",
        "confirm",
        "acknowledge",
        "indicate",
        "suggest",
        "believe",
        "maintain",
        "contend",
        "write",
        "cite",
        "show",
        "reveal",
        "disclose",
        "admit",
        "boast",
        "declare",
        "suspect",
        "estimate",
        "think",
        "recognize",
        "recognise",
        "attribute",
        "accuse",
        "blame",
        "charge",
        "deny",
    }
)
UNNAMED_SOURCES = frozenset(
    {
        "report",
        "reports",
        "source",
        "sources",
        "media",
        "witness",
        "witnesses",
        "observer",
        "observers",
        "monitor",
        "monitors",
        "activist",
        "activists",
        "resident",
        "residents",
        "analyst",
        "analysts",
        "diplomat",
        "diplomats",
        "official",
        "officials",
        "footage",
        "images",
        "accounts",
        "agency",
        "outlet",
        "outlets",
        "people",
        "it",
        "there",
    }
)
PLANNED_NOUNS = frozenset(
    {
        "need",
        "call",
        "calls",
        "appeal",
        "commitment",
        "plan",
        "plans",
        "intention",
        "pledge",
        "promise",
        "readiness",
        "willingness",
        "bid",
        "effort",
        "efforts",
        "proposal",
        "offer",
        "decision",
        "intent",
        "vow",
    }
)
# Verbs that carry an object event's reality: "may pursue partnerships", "seek a deal".
CARRIER_VERBS = frozenset(
    {
        "pursue",
        "seek",
        "consider",
        "want",
        "need",
        "plan",
        "propose",
        "discuss",
        "explore",
        "offer",
        "demand",
        "request",
        "eye",
        "weigh",
        "mull",
        "negotiate",
        "prepare",
        "expect",
        "make",
        "carry",
        "launch",
        "conduct",
        "stage",
        "mount",
        "provide",
        "deliver",
        "hold",
        "sign",
        "reach",
        "announce",
        "begin",
        "start",
        "resume",
        "continue",
        "step",
        "give",
        "send",
        "impose",
        "issue",
        "receive",
        "get",
        "face",
        "allow",
        "permit",
        "approve",
        "back",
        "block",
        "depend",
        "rely",
        "count",
        "hinge",
        "require",
    }
)
CLAUSAL_LINKS = frozenset(
    {"xcomp", "ccomp", "advcl", "conj", "pcomp", "acomp", "csubj", "parataxis"}
)
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})


@dataclass(frozen=True)
class StatusCue:
    status: str
    speaker: Token | None = None


SPEECH_LINKS = frozenset({"ccomp", "xcomp", "pcomp", "parataxis"})


def event_status(
    trigger: Token,
    article_date: date | None = None,
    is_actor: Callable[[Token], bool] | None = None,
) -> StatusCue:
    """The status of the event whose trigger is given, and the speaker token if any.

    `is_actor` tells whether a token is a resolved actor mention: a named speaker makes a claim,
    an unnamed one ("officials", "reports") a report.
    """
    is_actor = is_actor or (lambda token: False)
    found: list[StatusCue] = []
    found.extend(_own_cues(trigger, article_date))
    current = trigger
    for _ in range(8):
        parent = current.head
        if parent is current:
            break
        link = current.dep_
        through_of = link == "pobj" and parent.dep_ == "prep" and parent.head.lemma_ in SPEECH_VERBS
        if (
            link in CLAUSAL_LINKS
            or through_of
            or (link == "prep" and current.head.lemma_ in SPEECH_VERBS)
        ):
            speech = link in SPEECH_LINKS or through_of or link == "prep"
            found.extend(_governor_cues(parent, current, article_date, is_actor, speech=speech))
        elif link in ("dobj", "nsubjpass") and parent.lemma_.lower() in CARRIER_VERBS:
            found.extend(_governor_cues(parent, current, article_date, is_actor, speech=False))
        elif (
            link == "pobj" and parent.dep_ == "prep" and parent.head.lemma_.lower() in CARRIER_VERBS
        ):
            found.extend(_governor_cues(parent.head, current, article_date, is_actor, speech=False))
        elif link == "relcl":
            break
        elif (
            link in ("pobj", "prep")
            and parent.lemma_ in ("to", "of")
            and parent.head.lemma_ in NEGATING_ADJECTIVES
        ):
            found.append(StatusCue("negated"))
        current = parent
        if current.dep_ == "ROOT" and link not in CLAUSAL_LINKS:
            if link in ("dobj", "obj"):
                found.extend(
                    _governor_cues(current, trigger, article_date, is_actor, frame_only=True)
                )
            break
    for ancestor in list(trigger.ancestors)[:4]:
        if ancestor.pos_ != "NOUN":
            continue
        if ancestor.lemma_.lower() in FRAME_NOUNS:
            found.append(StatusCue("hypothetical"))
        elif ancestor.lemma_.lower() in PLANNED_NOUNS:
            found.append(StatusCue("planned"))
    if not found:
        return StatusCue("asserted")
    return min(found, key=lambda cue: PRECEDENCE.index(cue.status))


def _own_cues(token: Token, article_date: date | None) -> list[StatusCue]:
    cues: list[StatusCue] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            cues.append(_according_to(child))
            continue
        status = _modifier_status(child, article_date)
        if status:
            cues.append(StatusCue(status))
    if token.dep_ == "advcl" and any(c.lower_ in CONDITIONAL_MARKS for c in token.children):
        cues.append(StatusCue("hypothetical"))
    return cues


def _modifier_status(child: Token, article_date: date | None) -> str | None:
    """The status a modifier of the trigger itself gives: `not`, `may`, `will`, `if`,
    `potential`, `planned`, `alleged`, `reportedly`, `since 2011`, `in 1967`."""
    word, dep = child.lower_, child.dep_
    modifier = dep in ("amod", "advmod")
    if dep == "neg" or (dep == "det" and word == "no"):
        return "negated"
    if dep == "aux" and word == "would" and _reported_speech(child.head):
        return "planned"  # "said it would free the prisoners": the future of the past
    if dep in ("aux", "auxpass") and word in HYPOTHETICAL_MODALS | {"would"}:
        return "hypothetical"
    if dep == "aux" and word in FUTURE_AUX:
        return "planned"
    if (dep == "mark" and word in CONDITIONAL_MARKS) or (modifier and word in HYPOTHETICAL_WORDS):
        return "hypothetical"
    if dep == "advcl" and any(g.lower_ in CONDITIONAL_MARKS for g in child.children):
        return "hypothetical"
    if dep == "prep" and word == "if":
        return "hypothetical"
    if modifier and word in PLANNED_WORDS:
        return "planned"
    if modifier and word in CLAIMED_WORDS:
        return "claimed"
    if dep == "advmod" and word in REPORTED_WORDS:
        return "reported"
    if dep == "advmod" and word in HISTORICAL_WORDS:
        return "historical"
    if dep == "prep" and (
        word == "since" or (word in ("in", "during") and _old_year(child, article_date))
    ):
        return "historical"
    if dep == "prep" and word == "for" and _spans_years(child):
        return "historical"  # "for more than a decade", "for years"
    return None


def _spans_years(prep: Token) -> bool:
    for token in prep.subtree:
        lemma = token.lemma_.lower()
        if lemma == "decade" or (lemma in ("year", "generation") and token.tag_ == "NNS"):
            return True
    return False


def _speaker(governor: Token) -> Token | None:
    """The subject of a speech verb, or of the clause it hangs off (`..., attributing it to`)."""
    current = governor
    for _ in range(3):
        subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if current.dep_ not in ("advcl", "xcomp", "conj") or current.head is current:
            return None
        current = current.head
    return None


def _governor_cues(
    governor: Token,
    via: Token,
    article_date: date | None,
    is_actor: Callable[[Token], bool],
    *,
    frame_only: bool = False,
    speech: bool = True,
) -> list[StatusCue]:
    lemma = governor.lemma_.lower()
    cues: list[StatusCue] = []
    if lemma in SPEECH_VERBS and via.i != governor.i and (speech or frame_only):
        subject = _speaker(governor)
        named = subject is not None and (is_actor(subject) or subject.pos_ == "PROPN")
        if lemma == "deny":
            cues.append(StatusCue("negated", subject))
        elif not named:
            cues.append(StatusCue("reported", subject))
        else:
            cues.append(StatusCue("claimed", subject))
    if frame_only:
        return cues
    if lemma in NEGATING_ADJECTIVES:
        cues.append(StatusCue("negated"))
    if lemma in WILLING_ADJECTIVES:
        cues.append(StatusCue("planned"))
    complement = _complement_status(governor)
    if complement:
        cues.append(StatusCue(complement))
    for child in governor.children:
        word = child.lower_
        if child.dep_ in ("aux", "auxpass") and word in HYPOTHETICAL_MODALS:
            cues.append(StatusCue("hypothetical"))
        elif child.dep_ == "aux" and word == "would":
            cues.append(StatusCue("planned" if lemma in SPEECH_VERBS else "hypothetical"))
        elif child.dep_ == "aux" and word in FUTURE_AUX:
            cues.append(StatusCue("planned"))
        elif child.dep_ == "neg" and via.dep_ in ("xcomp", "ccomp"):
            cues.append(StatusCue("negated"))
        elif (child.dep_ == "mark" and word in CONDITIONAL_MARKS and governor.dep_ == "advcl") or (
            word in HYPOTHETICAL_WORDS and child.dep_ == "advmod"
        ):
            cues.append(StatusCue("hypothetical"))
        elif child.dep_ == "prep" and word == "for" and _spans_years(child):
            cues.append(StatusCue("historical"))
        elif child.dep_ == "prep" and word == "according":
            cues.append(_according_to(child))
        elif (
            child.dep_ == "prep"
            and word == "since"
            or (
                child.dep_ == "prep"
                and word in ("in", "during")
                and via.dep_ == "conj"
                and _old_year(child, article_date)
            )
        ):
            cues.append(StatusCue("historical"))
    return cues


_COMPLEMENT_STATUS = {
    "planned": {
        "agree",
        "plan",
        "intend",
        "pledge",
        "promise",
        "vow",
        "swear",
        "seek",
        "aim",
        "prepare",
        "decide",
        "want",
        "hope",
        "expect",
        "move",
        "offer",
        "threaten",
        "propose",
        "push",
        "mean",
        "resolve",
        "commit",
        "set",
        "look",
        "ask",
        "urge",
        "call",
        "demand",
        "need",
    },
    "negated": {
        "refuse",
        "fail",
        "decline",
        "deny",
        "hesitate",
        "avoid",
        "reject",
        "cease",
        "stop",
        "halt",
        "abandon",
        "forgo",
        "neglect",
    },
    "hypothetical": {"consider", "weigh", "mull", "contemplate", "discuss", "explore", "debate"},
}


def _reported_speech(verb: Token) -> bool:
    """`... said it would ...`: the verb is the complement of a speech verb."""
    return verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in SPEECH_VERBS


def _complement_status(governor: Token) -> str | None:
    lemma = governor.lemma_.lower()
    if lemma == "set" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in governor.children):
        return None  # "is set to meet" plans; "set fire to" does not
    for status, verbs in _COMPLEMENT_STATUS.items():
        if lemma in verbs:
            return status
    return None


def _according_to(prep: Token) -> StatusCue:
    objects = [
        g
        for c in prep.children
        for g in ([c] if c.dep_ == "pobj" else c.children)
        if g.dep_ == "pobj"
    ]
    obj = objects[0] if objects else None
    if obj is None or obj.lower_ in UNNAMED_SOURCES or obj.pos_ == "NOUN":
        return StatusCue("reported", obj)
    return StatusCue("claimed", obj)


def _old_year(prep: Token, article_date: date | None) -> bool:
    for token in prep.subtree:
        if token.like_num and len(token.text) == 4 and token.text.isdigit():
            year = int(token.text)
            reference = article_date.year if article_date else 2100
            if 1800 < year < reference:
                return True
    return False


def _clause_chain(trigger: Token, steps: int = 4) -> list[Token]:
    """The trigger and the words that govern it clause by clause (`is willing to withdraw`:
    withdraw, willing, is), stopping at a speech verb, whose clause is someone else's."""
    chain = [trigger]
    current = trigger
    for _ in range(steps):
        parent = current.head
        if parent is current or current.dep_ not in ("xcomp", "acomp", "ccomp", "conj", "aux"):
            break
        if parent.lemma_.lower() in SPEECH_VERBS:
            break
        chain.append(parent)
        current = parent
    return chain


def offered(trigger: Token) -> bool:
    """Whether the act is offered or promised rather than announced (`willing to withdraw`,
    `prepared to lift the ban`, `offered to release`)."""
    return any(token.lemma_.lower() in OFFER_WORDS for token in _clause_chain(trigger)[1:])


def obliged(trigger: Token) -> bool:
    """Whether the act is put on its actor as an obligation (`must cooperate`)."""
    return any(
        child.dep_ == "aux" and child.lower_ in OBLIGATION_MODALS
        for token in _clause_chain(trigger)
        for child in token.children
    )


def ultimatum(trigger: Token) -> bool:
    """Whether the act is announced to happen `unless` something else does: an ultimatum."""
    return any(
        child.dep_ == "advcl" and any(g.lower_ == "unless" for g in child.children)
        for token in _clause_chain(trigger)
        for child in token.children
    )
