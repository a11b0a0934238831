"""Attacks whose perpetrator the text does not name: "a roadside bomb killed two soldiers near
Mosul", "a journalist was killed in a car bomb explosion in Beirut".

CAMEO and PLOVER code an attacker nobody names or claims as the unidentified armed forces (role
UAF) of the country where the attack happens: the Mosul bombing's source is `IRQUAF`. A bomb, a
blast or a mine that "kills" is the instrument of such an attacker, not a figure of speech.
"""

from __future__ import annotations

from spacy.tokens import Token

from realpolitik.actors.dictionary import ActorDictionary

UNIDENTIFIED_ROLE = "UAF"

# Nouns of weapons and blasts that, as the subject of a violent verb, stand for whoever used them
INSTRUMENT_NOUNS = frozenset(
    {
        "bomb",
        "bombing",
        "blast",
        "explosion",
        "device",
        "mine",
        "landmine",
        "minefield",
        "ied",
        "grenade",
        "rocket",
        "missile",
        "mortar",
        "shell",
        "shelling",
        "airstrike",
        "strike",
        "attack",
        "ambush",
        "gunfire",
        "shooting",
        "sniper",
    }
)


def is_instrument(subject: Token) -> bool:
    """`A roadside bomb [killed] ...`: the subject is a weapon or a blast."""
    return subject.lemma_.lower() in INSTRUMENT_NOUNS or subject.lower_ in INSTRUMENT_NOUNS


def unidentified_attacker(country: str | None, dictionary: ActorDictionary) -> str | None:
    """The actor id for unnamed attackers where the attack happened (`IRQ_UAF`), if known."""
    if not country:
        return None
    actor_id = dictionary.generic_id(country, UNIDENTIFIED_ROLE)
    return actor_id if dictionary.get(actor_id) is not None else None
