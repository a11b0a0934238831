"""Sentence templates: a verb phrase per PLOVER type (refined by mode or CAMEO code), a phrase
per standing relation, and small helpers for names, places and attributions.

Templates hold ``{t}`` for the target's name. Each comes in the past tense (``attacked {t}``)
and the base form (``attack {t}``, for "planned to ..." and "would ..."). Nothing here reads the
store; `realpolitik.brief.build` fills the templates from event and relation records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "EVENT_PHRASES",
    "RELATION_PHRASES",
    "Phrase",
    "RelationPhrase",
    "VerbPhrases",
    "actor_name",
    "attribution",
    "event_phrase",
    "is_plural",
    "place_name",
    "possessive",
    "relation_phrase",
    "sentence_case",
]


@dataclass(frozen=True)
class Phrase:
    """A verb phrase in the past tense and in the base form."""

    past: str
    base: str

    def fill(self, target: str | None) -> Phrase:
        if target is None:
            return self
        return Phrase(self.past.format(t=target), self.base.format(t=target))


@dataclass(frozen=True)
class VerbPhrases:
    """How to say one event type (or mode) with a target, and without one."""

    transitive: Phrase
    alone: Phrase


def _v(past: str, base: str, alone_past: str, alone_base: str) -> VerbPhrases:
    return VerbPhrases(Phrase(past, base), Phrase(alone_past, alone_base))


EVENT_PHRASES: Mapping[str, VerbPhrases] = {
    "AGREE": _v("agreed with {t}", "agree with {t}", "pledged to cooperate", "pledge to cooperate"),
    "CONSULT": _v("met {t}", "meet {t}", "held talks", "hold talks"),
    "SUPPORT": _v("backed {t}", "back {t}", "voiced support", "voice support"),
    "CONCEDE": _v(
        "made concessions to {t}", "make concessions to {t}", "made concessions", "make concessions"
    ),
    "COOPERATE": _v("cooperated with {t}", "cooperate with {t}", "cooperated", "cooperate"),
    "AID": _v("gave aid to {t}", "give aid to {t}", "provided aid", "provide aid"),
    "RETREAT": _v(
        "withdrew, ceding ground to {t}", "withdraw, ceding ground to {t}", "withdrew", "withdraw"
    ),
    "REQUEST": _v("asked {t} to act", "ask {t} to act", "made a request", "make a request"),
    "ACCUSE": _v("accused {t}", "accuse {t}", "made accusations", "make accusations"),
    "REJECT": _v("rejected {t}", "reject {t}", "voiced rejection", "voice rejection"),
    "THREATEN": _v("threatened {t}", "threaten {t}", "issued threats", "issue threats"),
    "PROTEST": _v("protested against {t}", "protest against {t}", "protested", "protest"),
    "SANCTION": _v("sanctioned {t}", "sanction {t}", "imposed sanctions", "impose sanctions"),
    "MOBILIZE": _v(
        "deployed forces against {t}",
        "deploy forces against {t}",
        "deployed forces",
        "deploy forces",
    ),
    "COERCE": _v("coerced {t}", "coerce {t}", "used coercion", "use coercion"),
    "ASSAULT": _v("attacked {t}", "attack {t}", "carried out an attack", "carry out an attack"),
}

CLASH = _v("clashed with {t}", "clash with {t}", "fought", "fight")

MODE_PHRASES: Mapping[tuple[str, str], VerbPhrases] = {
    ("CONSULT", "visit"): _v("visited {t}", "visit {t}", "made a visit", "make a visit"),
    ("CONSULT", "phone"): _v(
        "spoke by phone with {t}", "speak by phone with {t}", "held phone talks", "hold phone talks"
    ),
    ("CONSULT", "multilateral"): _v(
        "met {t} at a multilateral meeting",
        "meet {t} at a multilateral meeting",
        "took part in multilateral talks",
        "take part in multilateral talks",
    ),
    ("RETREAT", "release"): _v(
        "released captives to {t}",
        "release captives to {t}",
        "released captives",
        "release captives",
    ),
    ("RETREAT", "ceasefire"): _v(
        "observed a ceasefire with {t}",
        "observe a ceasefire with {t}",
        "observed a ceasefire",
        "observe a ceasefire",
    ),
    ("RETREAT", "disarm"): _v(
        "disarmed, yielding to {t}", "disarm, yielding to {t}", "disarmed", "disarm"
    ),
    ("RETREAT", "access"): _v(
        "granted access to {t}",
        "grant access to {t}",
        "granted outside access",
        "grant outside access",
    ),
    ("RETREAT", "resign"): _v("resigned from {t}", "resign from {t}", "resigned", "resign"),
    ("RETREAT", "return"): _v(
        "returned property to {t}", "return property to {t}", "returned property", "return property"
    ),
    ("RETREAT", "ease"): _v(
        "eased sanctions on {t}", "ease sanctions on {t}", "eased sanctions", "ease sanctions"
    ),
    ("REQUEST", "assist"): _v(
        "asked {t} for help", "ask {t} for help", "asked for help", "ask for help"
    ),
    ("REQUEST", "change"): _v(
        "called on {t} to change course",
        "call on {t} to change course",
        "called for change",
        "call for change",
    ),
    ("REQUEST", "yield"): _v(
        "called on {t} to back down",
        "call on {t} to back down",
        "called for concessions",
        "call for concessions",
    ),
    ("REQUEST", "meet"): _v(
        "asked {t} for talks", "ask {t} for talks", "called for talks", "call for talks"
    ),
    ("ACCUSE", "disapprove"): _v(
        "criticised {t}", "criticise {t}", "voiced criticism", "voice criticism"
    ),
    ("ACCUSE", "investigate"): _v(
        "opened an inquiry into {t}",
        "open an inquiry into {t}",
        "opened an inquiry",
        "open an inquiry",
    ),
    ("REJECT", "assist"): _v(
        "refused dealings with {t}", "refuse dealings with {t}", "refused help", "refuse help"
    ),
    ("REJECT", "change"): _v(
        "rejected calls for change from {t}",
        "reject calls for change from {t}",
        "rejected calls for change",
        "reject calls for change",
    ),
    ("REJECT", "yield"): _v(
        "refused to give ground to {t}",
        "refuse to give ground to {t}",
        "refused to give ground",
        "refuse to give ground",
    ),
    ("REJECT", "meet"): _v(
        "refused talks with {t}", "refuse talks with {t}", "refused talks", "refuse talks"
    ),
    ("THREATEN", "violence"): _v(
        "threatened {t} with force",
        "threaten {t} with force",
        "threatened to use force",
        "threaten to use force",
    ),
    ("THREATEN", "territory"): _v(
        "threatened to seize territory from {t}",
        "threaten to seize territory from {t}",
        "threatened to seize territory",
        "threaten to seize territory",
    ),
    ("THREATEN", "restrict"): _v(
        "threatened {t} with restrictions",
        "threaten {t} with restrictions",
        "threatened restrictions",
        "threaten restrictions",
    ),
    ("THREATEN", "relations"): _v(
        "threatened to cut ties with {t}",
        "threaten to cut ties with {t}",
        "threatened to cut ties",
        "threaten to cut ties",
    ),
    ("THREATEN", "expel"): _v(
        "threatened to expel {t}",
        "threaten to expel {t}",
        "threatened expulsions",
        "threaten expulsions",
    ),
    ("THREATEN", "arrest"): _v(
        "threatened to arrest members of {t}",
        "threaten to arrest members of {t}",
        "threatened arrests",
        "threaten arrests",
    ),
    ("PROTEST", "demo"): _v(
        "demonstrated against {t}", "demonstrate against {t}", "demonstrated", "demonstrate"
    ),
    ("PROTEST", "riot"): _v("rioted against {t}", "riot against {t}", "rioted", "riot"),
    ("PROTEST", "strike"): _v(
        "went on strike against {t}", "go on strike against {t}", "went on strike", "go on strike"
    ),
    ("PROTEST", "boycott"): _v(
        "boycotted {t}", "boycott {t}", "called a boycott", "call a boycott"
    ),
    ("PROTEST", "obstruct"): _v("blockaded {t}", "blockade {t}", "blocked access", "block access"),
    ("SANCTION", "convict"): _v(
        "convicted {t}", "convict {t}", "handed down a conviction", "hand down a conviction"
    ),
    ("SANCTION", "expel"): _v("expelled {t}", "expel {t}", "made expulsions", "make expulsions"),
    ("SANCTION", "withdraw"): _v(
        "withdrew its personnel from {t}",
        "withdraw its personnel from {t}",
        "withdrew its personnel",
        "withdraw its personnel",
    ),
    ("SANCTION", "discontinue"): _v(
        "cut ties with {t}", "cut ties with {t}", "cut off exchanges", "cut off exchanges"
    ),
    ("MOBILIZE", "weapons"): _v(
        "moved weapons against {t}", "move weapons against {t}", "moved weapons", "move weapons"
    ),
    ("MOBILIZE", "police"): _v(
        "deployed police against {t}",
        "deploy police against {t}",
        "deployed police",
        "deploy police",
    ),
    ("MOBILIZE", "militia"): _v(
        "mobilised militias against {t}",
        "mobilise militias against {t}",
        "mobilised militias",
        "mobilise militias",
    ),
    ("COERCE", "seize"): _v(
        "seized property of {t}", "seize property of {t}", "seized property", "seize property"
    ),
    ("COERCE", "restrict"): _v(
        "imposed restrictions on {t}",
        "impose restrictions on {t}",
        "imposed restrictions",
        "impose restrictions",
    ),
    ("COERCE", "censor"): _v(
        "censored {t}", "censor {t}", "imposed censorship", "impose censorship"
    ),
    ("COERCE", "curfew"): _v(
        "imposed a curfew on {t}", "impose a curfew on {t}", "imposed a curfew", "impose a curfew"
    ),
    ("COERCE", "martial-law"): _v(
        "imposed martial law on {t}",
        "impose martial law on {t}",
        "imposed martial law",
        "impose martial law",
    ),
    ("COERCE", "arrest"): _v(
        "arrested members of {t}", "arrest members of {t}", "made arrests", "make arrests"
    ),
    ("COERCE", "deport"): _v(
        "deported members of {t}", "deport members of {t}", "deported people", "deport people"
    ),
    ("COERCE", "withhold"): _v(
        "cut off supplies to {t}", "cut off supplies to {t}", "cut off supplies", "cut off supplies"
    ),
    ("COERCE", "cyber"): _v(
        "carried out a cyber attack on {t}",
        "carry out a cyber attack on {t}",
        "carried out a cyber attack",
        "carry out a cyber attack",
    ),
    ("COERCE", "ban"): _v("banned {t}", "ban {t}", "imposed a ban", "impose a ban"),
    ("ASSAULT", "aerial"): _v(
        "carried out air strikes against {t}",
        "carry out air strikes against {t}",
        "carried out air strikes",
        "carry out air strikes",
    ),
    ("ASSAULT", "drone"): _v(
        "attacked {t} with drones",
        "attack {t} with drones",
        "launched drone strikes",
        "launch drone strikes",
    ),
    ("ASSAULT", "heavy-weapons"): _v(
        "attacked {t} with heavy weapons",
        "attack {t} with heavy weapons",
        "fired heavy weapons",
        "fire heavy weapons",
    ),
    ("ASSAULT", "explosives"): _v(
        "attacked {t} with explosives",
        "attack {t} with explosives",
        "set off explosives",
        "set off explosives",
    ),
    ("ASSAULT", "firearms"): _v(
        "opened fire on {t}", "open fire on {t}", "opened fire", "open fire"
    ),
    ("ASSAULT", "targeted"): _v(
        "carried out a targeted killing against {t}",
        "carry out a targeted killing against {t}",
        "carried out a targeted killing",
        "carry out a targeted killing",
    ),
    ("ASSAULT", "assassinate"): _v(
        "carried out an assassination against {t}",
        "carry out an assassination against {t}",
        "carried out an assassination",
        "carry out an assassination",
    ),
    ("ASSAULT", "abduct"): _v(
        "abducted members of {t}", "abduct members of {t}", "abducted people", "abduct people"
    ),
    ("ASSAULT", "destroy"): _v(
        "destroyed property of {t}",
        "destroy property of {t}",
        "destroyed property",
        "destroy property",
    ),
    ("ASSAULT", "suicide-attack"): _v(
        "carried out a suicide attack against {t}",
        "carry out a suicide attack against {t}",
        "carried out a suicide attack",
        "carry out a suicide attack",
    ),
}

CAMEO_PHRASES: Mapping[str, VerbPhrases] = {
    "036": _v("agreed to meet {t}", "agree to meet {t}", "agreed to talks", "agree to talks"),
    "037": _v(
        "agreed to settle its dispute with {t}",
        "agree to settle its dispute with {t}",
        "agreed to settle a dispute",
        "agree to settle a dispute",
    ),
    "043": _v("hosted {t}", "host {t}", "hosted a visit", "host a visit"),
    "046": _v(
        "negotiated with {t}", "negotiate with {t}", "held negotiations", "hold negotiations"
    ),
    "051": _v("praised {t}", "praise {t}", "voiced praise", "voice praise"),
    "052": _v("defended {t}", "defend {t}", "spoke in defence", "speak in defence"),
    "054": _v("recognised {t}", "recognise {t}", "granted recognition", "grant recognition"),
    "057": _v(
        "signed an agreement with {t}",
        "sign an agreement with {t}",
        "signed an agreement",
        "sign an agreement",
    ),
    "071": _v(
        "gave economic aid to {t}",
        "give economic aid to {t}",
        "gave economic aid",
        "give economic aid",
    ),
    "072": _v(
        "gave military aid to {t}",
        "give military aid to {t}",
        "gave military aid",
        "give military aid",
    ),
    "073": _v(
        "gave humanitarian aid to {t}",
        "give humanitarian aid to {t}",
        "gave humanitarian aid",
        "give humanitarian aid",
    ),
    "075": _v("granted asylum to {t}", "grant asylum to {t}", "granted asylum", "grant asylum"),
}


def event_phrase(
    type_: str, mode: str | None, cameo: str | None, target: str | None, *, clash: bool = False
) -> Phrase:
    """The verb phrase for an event, filled with the target's name (or without a target)."""
    key = (type_ or "").upper()
    phrases = None
    if clash and key == "ASSAULT" and not mode:
        phrases = CLASH
    if phrases is None and cameo:
        phrases = CAMEO_PHRASES.get(cameo[:3])
    if phrases is None and mode:
        phrases = MODE_PHRASES.get((key, mode.lower()))
    if phrases is None:
        phrases = EVENT_PHRASES.get(key) or _v(
            f"took part in a {key.lower()} event with {{t}}",
            f"take part in a {key.lower()} event with {{t}}",
            f"took part in a {key.lower()} event",
            f"take part in a {key.lower()} event",
        )
    return phrases.transitive.fill(target) if target else phrases.alone


@dataclass(frozen=True)
class RelationPhrase:
    """A standing relation: present tense, base form, present perfect (``{t}`` = target), and
    the present and perfect for a plural subject (``the Iraqi rebels back ...``)."""

    present: str
    base: str
    perfect: str
    present_plural: str = ""
    perfect_plural: str = ""

    def fill(self, target: str, plural: bool = False) -> RelationPhrase:
        present = self.present_plural if plural and self.present_plural else self.present
        perfect = self.perfect_plural if plural and self.perfect_plural else self.perfect
        return RelationPhrase(
            present.format(t=target), self.base.format(t=target), perfect.format(t=target)
        )


RELATION_PHRASES: Mapping[str, RelationPhrase] = {
    "backs": RelationPhrase(
        "backs {t}", "back {t}", "has backed {t}", "back {t}", "have backed {t}"
    ),
    "ally_of": RelationPhrase(
        "is an ally of {t}",
        "be an ally of {t}",
        "has been an ally of {t}",
        "are allies of {t}",
        "have been allies of {t}",
    ),
    "proxy_of": RelationPhrase(
        "acts as a proxy of {t}",
        "act as a proxy of {t}",
        "has acted as a proxy of {t}",
        "act as proxies of {t}",
        "have acted as proxies of {t}",
    ),
    "member_of": RelationPhrase(
        "is a member of {t}",
        "be a member of {t}",
        "has been a member of {t}",
        "are members of {t}",
        "have been members of {t}",
    ),
    "opposes": RelationPhrase(
        "opposes {t}", "oppose {t}", "has opposed {t}", "oppose {t}", "have opposed {t}"
    ),
    "seeks_support_from": RelationPhrase(
        "seeks support from {t}",
        "seek support from {t}",
        "has sought support from {t}",
        "seek support from {t}",
        "have sought support from {t}",
    ),
}

MUTUAL_RELATIONS: Mapping[str, RelationPhrase] = {
    "ally_of": RelationPhrase("are allies", "be allies", "have been allies"),
    "opposes": RelationPhrase("oppose each other", "oppose each other", "have opposed each other"),
}


def relation_phrase(
    relation: str, target: str | None, *, mutual: bool = False, plural: bool = False
) -> RelationPhrase:
    """The phrase for a relation; ``mutual`` gives the both-ways form (no target), ``plural``
    the verb for a plural subject."""
    if mutual and relation in MUTUAL_RELATIONS:
        return MUTUAL_RELATIONS[relation]
    phrase = RELATION_PHRASES.get(relation) or RelationPhrase(
        f"has a '{relation}' tie with {{t}}",
        f"have a '{relation}' tie with {{t}}",
        f"has had a '{relation}' tie with {{t}}",
        f"have a '{relation}' tie with {{t}}",
        f"have had a '{relation}' tie with {{t}}",
    )
    return phrase.fill(target or "another actor", plural)


# --- names --------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_INSTITUTIONAL = _words(
    """army forces force government ministry council guard guards corps front party movement
    nations states union kingdom republic navy command committee agency office court
    assembly parliament coalition alliance organization organisation brigade brigades
    battalion militia militias police service services administration authority emirates
    kremlin pentagon houthis taliban netherlands philippines rebels military regime
    opposition group unit units division presidency cabinet secretariat commission
    directorate"""
)
_PLACE_NOUNS = _words(
    """strip bank heights gulf sea valley coast plain border zone states kingdom emirates
    republic netherlands philippines"""
)
_PLURAL_NAMES = _words(
    """rebels forces militias houthis guards fighters insurgents militants troops authorities
    officials islamists jihadists kurds"""
)
_COLLECTIVE = frozenset(
    ["military", "command", "government", "army", "ministry", "police", "presidency", "cabinet"]
)
_COMMON_SOURCES = _words(
    """analysts analyst reports report sources source officials official spokesman
    spokeswoman spokesperson residents resident witnesses witness diplomats diplomat
    groups group agencies agency military command government army ministry police
    activists activist monitors monitor observers observer experts expert media statement
    statements"""
)


def _with_the(name: str, nouns: frozenset[str]) -> str:
    words = name.split()
    if not words or words[0].lower() in ("the", "a", "an"):
        return name
    if any(w.lower().strip(",.") in nouns for w in words):
        return f"the {name}"
    return name


def actor_name(actor: Mapping[str, Any] | None) -> str | None:
    """An actor object's name as it reads mid-sentence (``the Syrian Arab Army``)."""
    if not actor:
        return None
    name = " ".join(str(actor.get("name") or actor.get("id") or "").split())
    return _with_the(name, _INSTITUTIONAL) if name else None


def place_name(name: str) -> str:
    """A place as it reads after "in": ``the Gaza Strip``, ``the United States``, ``Aleppo``."""
    words = name.split()
    if words and words[0] == "The":
        words[0] = "the"
    return _with_the(" ".join(words), _PLACE_NOUNS)


def is_plural(name: str) -> bool:
    """Whether a name takes a plural verb (``the Iraqi rebels back``)."""
    words = name.split()
    return bool(words) and words[-1].lower() in _PLURAL_NAMES


def attribution(value: Any) -> tuple[str | None, str | None]:
    """Who a claim or denial is attributed to: ``(words, actor id or None)``.

    An actor object gives its name; a bare common noun reads as ``a spokesman``,
    ``the military``, ``analysts``; anything else is kept as written.
    """
    if not value:
        return None, None
    if isinstance(value, Mapping):
        return actor_name(value), str(value.get("id") or "") or None
    text = " ".join(str(value).split())
    if not text:
        return None, None
    first = text.split()[0].lower()
    if first in _COMMON_SOURCES:
        text = text.lower()
        if first in _COLLECTIVE:
            text = f"the {text}"
        elif not first.endswith("s") or first.endswith("ss"):
            text = f"an {text}" if first[0] in "aeiou" else f"a {text}"
    return text, None


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
