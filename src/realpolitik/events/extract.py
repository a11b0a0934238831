"""Event extraction from the parse: who did what to whom, in which words.

For each sentence, verbal triggers (active and passive, phrasal, light-verb constructions such as
`carry out strikes`, infinitival complements such as `agreed to withdraw`) and nominal triggers
(`clashes between X and Y`, `X's offensive on Y`, `gains by X in Y`, `a deal with X`) become
events whose source and target are resolved actor mentions. Status, place and date are attached
here; merging and standing relations are later stages. Reads the parse; writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.dictionary import ActorDictionary
from realpolitik.actors.mentions import ResolvedActors
from realpolitik.actors.placing import scene_country
from realpolitik.events.arguments import (
    PASSIVE_SUBJECTS,
    SUBJECTS,
    Argument,
    conjuncts,
    unique_arguments,
)
from realpolitik.events.assertion import asserts_only
from realpolitik.events.classifier import TypeClassifier
from realpolitik.events.dates import event_dates
from realpolitik.events.event_places import EventPlaces
from realpolitik.events.lexicon import Lexicon, Trigger
from realpolitik.events.main_event import main_candidates
from realpolitik.events.models import Event, Evidence, Location
from realpolitik.events.ontology import Ontology
from realpolitik.events.perpetrators import is_instrument, unidentified_attacker
from realpolitik.events.places import Gazetteer
from realpolitik.events.reciprocal import named_in_topic
from realpolitik.events.scene_targets import (
    HOSTILITY_NOUNS,
    aimed_at,
    happens_at_place,
    place_naming_compounds,
    purpose_nouns,
)
from realpolitik.events.stative import stance_holder_is_subject
from realpolitik.events.status import event_status

# Verbs whose `in` phrase names the act their subject takes part in: "engaged in fighting".
ENGAGING_VERBS = frozenset({"engage", "participate", "involve"})
# Verbal interactions that mean nothing without someone on the receiving end:
# "officials recognize the challenges" is not diplomatic recognition.
NEEDS_TARGET = frozenset({"SUPPORT", "CONSULT"})
# Prepositions whose state object is where an event happens; with no other target, that state
# is the target, as in CAMEO practice ("deployed peacekeepers in Iraq", "an ultimatum to Peru").
LOCATION_TARGET_PREPS = frozenset({"in", "into", "to", "inside", "across", "on", "for", "over"})
# The classifier only names a sentence's event when it is this sure (tuned on synthetic stories).
CLASSIFIER_THRESHOLD = 0.5
SPEECH_VERB_LEMMAS = frozenset(
    {"say", "tell", "report", "add", "state", "announce", "note", "claim"}
)
PARTNER_PREPS = ("with", "against")
# Saying that another actor must do something demands it of that actor.
DEMANDING_SPEECH = frozenset(
    {
        "say",
        "state",
        "declare",
        "reiterate",
        "insist",
        "stress",
        "tell",
        "add",
        "announce",
        "conclude",
        "argue",
        "write",
        "emphasize",
        "emphasise",
        "repeat",
        "affirm",
        "assert",
        "maintain",
        "remind",
    }
)
OBLIGATION_MODALS = frozenset({"must", "should"})
SELF_PRONOUNS = frozenset({"they", "we", "he", "she", "it"})
# Media that cite someone's words do not act: the person cited does.
CITING_VERBS = frozenset({"cite", "quote", "carry", "publish", "report", "broadcast", "air"})
LEADING_VERBS = frozenset({"lead", "head", "command", "spearhead", "direct", "run"})
# People who act though the dictionary cannot name them: "gunmen attacked", "thousands marched".
AGENT_NOUNS = frozenset(
    {
        "gunman",
        "militant",
        "fighter",
        "rebel",
        "protester",
        "protestor",
        "demonstrator",
        "student",
        "worker",
        "soldier",
        "troop",
        "police",
        "policeman",
        "official",
        "leader",
        "thousand",
        "hundred",
        "dozen",
        "score",
        "crowd",
        "mob",
        "group",
        "force",
        "unit",
        "assailant",
        "attacker",
        "insurgent",
        "guerrilla",
        "terrorist",
        "man",
        "woman",
        "people",
        "resident",
        "villager",
        "refugee",
        "farmer",
        "activist",
        "opposition",
        "party",
        "faction",
        "army",
        "militia",
        "government",
        "authority",
        "regime",
        "administration",
        "minister",
        "president",
        "spokesman",
        "spokeswoman",
        "commander",
        "delegation",
        "envoy",
        "country",
        "state",
        "nation",
        "member",
        "supporter",
        "follower",
        "sniper",
        "pirate",
        "smuggler",
    }
)
ACCUSING_VERBS = frozenset(
    {
        "accuse",
        "charge",
        "suspect",
        "blame",
        "condemn",
        "criticize",
        "criticise",
        "fault",
        "denounce",
    }
)


# Event types that always act on someone: with no named recipient but an unnamed one in the
# parse, the recipient is the actor's own country (CAMEO codes domestic events that way).
DOMESTIC_RECIPIENT_TYPES = frozenset(
    {"ASSAULT", "COERCE", "PROTEST", "CONCEDE", "REJECT", "REQUEST", "ACCUSE", "THREATEN"}
)
# Who arrives as a force, not as a visitor.
FORCE_NOUNS = frozenset(
    {
        "troop",
        "soldier",
        "force",
        "peacekeeper",
        "contingent",
        "battalion",
        "brigade",
        "regiment",
        "division",
        "unit",
        "warship",
        "tank",
        "marine",
        "paratrooper",
        "deployment",
        "reinforcement",
        "convoy",
        "army",
    }
)
# Forces held back until called up: `mobilized reservists`
RESERVE_NOUNS = frozenset({"reservist", "reserve", "conscript", "recruit", "volunteer"})
EXERCISE_NOUNS = frozenset(
    {"exercise", "drill", "maneuver", "manoeuvre", "game", "wargame", "war-game"}
)
# Nouns that measure an event or a good: "a wave of strikes", "tons of aid".
MEASURES = frozenset(
    {
        "ton",
        "tonne",
        "kg",
        "kilogram",
        "worth",
        "amount",
        "shipment",
        "consignment",
        "package",
        "batch",
        "series",
        "round",
        "wave",
        "spate",
        "barrage",
        "volley",
        "day",
        "week",
        "month",
        "hour",
        "dollar",
        "euro",
        "million",
        "billion",
    }
)
UNPLACED_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"})


class EventExtractor:
    """Turns a parsed, actor-resolved document into events."""

    def __init__(
        self,
        lexicon: Lexicon,
        ontology: Ontology,
        dictionary: ActorDictionary,
        gazetteer: Gazetteer | None = None,
        classifier: TypeClassifier | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.ontology = ontology
        self.dictionary = dictionary
        self.gazetteer = gazetteer
        self.places = EventPlaces(gazetteer)
        self.classifier = classifier

    def extract(
        self, doc: Doc, actors: ResolvedActors, article_id: str, day: date | None
    ) -> list[Event]:
        return self._extract(doc, actors, article_id, day, main_only=False)

    def extract_main(
        self, doc: Doc, actors: ResolvedActors, article_id: str, day: date | None
    ) -> list[Event]:
        """Events as event-data gold standards code them: per sentence, only the main
        predication. An event whose trigger sits inside another event's complement (`agreed to
        withdraw`, `demanded that X cancel`, `rejected calls to deploy`) is part of that event
        and lends it its recipient; events of adverbial, relative and prepositional adjuncts
        (`... after clashes with X`, `... where 28 people were killed`) give way to those of the
        main clause. A reciprocal event is coded both ways only when both sides are its
        subjects (`X and Y met`), not when one is its object (`X met Y`)."""
        return self._extract(doc, actors, article_id, day, main_only=True)

    def _extract(
        self,
        doc: Doc,
        actors: ResolvedActors,
        article_id: str,
        day: date | None,
        *,
        main_only: bool,
    ) -> list[Event]:
        fallback = self.places.of_article(doc)
        protagonist = self._protagonist(doc, actors)
        events: list[Event] = []
        for sentence in doc.sents:
            found = list(self._sentence_events(sentence, actors))
            if main_only:
                found = main_candidates(found)
            if not found and self.classifier is not None:
                found = self._classified_event(sentence, actors)
            for trigger, anchor, pattern, sources, targets in found:
                # "A potential deal with Turkey ...", in a story about Iran: Iran's deal
                if (
                    not sources
                    and targets
                    and protagonist
                    and trigger.pos_ in ("NOUN", "PROPN")
                    and protagonist not in {t.actor_id for t in targets}
                ):
                    sources = [Argument(protagonist, trigger)]
                events.extend(
                    self._events(
                        trigger,
                        anchor,
                        pattern,
                        sources,
                        targets,
                        sentence,
                        actors,
                        article_id,
                        day,
                        fallback,
                        mirror_objects=not main_only,
                    )
                )
        return events

    def _protagonist(self, doc: Doc, actors: ResolvedActors) -> str | None:
        """The actor the story is about: the one most often the subject of its sentences, if it
        leads clearly (at least three times, and more often than any other)."""
        counts: dict[str, int] = {}
        for mention in actors.mentions:
            head = doc[mention.head]
            if mention.actor_id and mention.resolved and head.dep_ in SUBJECTS + PASSIVE_SUBJECTS:
                counts[mention.actor_id] = counts.get(mention.actor_id, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    # --- triggers and arguments ------------------------------------------------------------------

    def _sentence_events(
        self, sentence: Span, actors: ResolvedActors
    ) -> Iterator[tuple[Token, Token, Trigger, list[Argument], list[Argument]]]:
        """(trigger, status anchor, pattern, sources, targets); for `carry out strikes` the
        trigger is the noun and the anchor the verb that carries tense and modality."""
        consumed: set[int] = set()
        for token in sentence:
            if token.pos_ not in ("VERB", "AUX") or token.dep_ in NOMINAL_LINKS:
                # attributive participles ("U.S.-backed") are relations, not events; a "verb"
                # the parser makes an object or subject ("ending its fisheries dispute") is a
                # mistagged noun
                continue
            verb_pattern = self.lexicon.match_verb(token)
            if verb_pattern is not None and _intends(token):
                continue  # "seeks to deepen ties": an intention to act, coded as that act
            if verb_pattern is None:
                demand = self._reported_demand(token, actors)
                if demand is not None:
                    yield token, token, *demand
                    continue
            if verb_pattern is not None and verb_pattern.objects:
                # "signed an agreement", "declared a ceasefire": the verb entry knows the idiom
                consumed.update(c.i for c in token.children if c.dep_ in ("dobj", "attr", "prep"))
                consumed.update(g.i for c in token.children if c.dep_ == "prep" for g in c.children)
                sources, targets = self._verb_arguments(token, verb_pattern, actors)
                yield token, token, self._joint(verb_pattern, sources, token), sources, targets
                continue
            light = self._light_verb_object(token)
            if light is not None:
                noun, noun_pattern = light
                consumed.add(noun.i)
                sources, targets = self._verb_arguments(token, noun_pattern, actors)
                if noun.dep_ == "pobj" and not sources:
                    # "forces were engaged in fighting": an adjectival passive, whose subject
                    # does what the noun says
                    sources = [
                        a
                        for c in token.children
                        if c.dep_ in PASSIVE_SUBJECTS
                        for a in self._actors_in(c, actors, look_inside=True)
                    ]
                    targets = [t for t in targets if t not in sources]
                noun_sources, noun_targets = self._noun_arguments(noun, noun_pattern, actors)
                sources, targets = sources or noun_sources, noun_targets or targets
                yield noun, token, self._joint(noun_pattern, sources, noun, token), sources, targets
                continue
            if (
                verb_pattern is None
                or actors.at(token.i) is not None
                or self._figurative(token, verb_pattern, actors)
                or asserts_only(token)  # "insisted the unrest reflected old tensions"
            ):
                continue
            verb_pattern = self._forces_moving(token, verb_pattern)
            sources, targets = self._verb_arguments(token, verb_pattern, actors)
            if (
                verb_pattern.type in NEEDS_TARGET
                and not targets
                and not (verb_pattern.reciprocal and len(sources) > 1)
            ):
                continue
            # "ratified an agreement": the object noun is this event, not a second one
            consumed.update(c.i for c in token.children if c.dep_ == "dobj")
            yield token, token, verb_pattern, sources, targets
        for token in sentence:
            if token.pos_ not in ("NOUN", "PROPN") or token.i in consumed or actors.at(token.i):
                continue
            noun_trigger = self.lexicon.match_noun(token)
            if noun_trigger is None:
                continue
            sources, targets = self._noun_arguments(token, noun_trigger, actors)
            if noun_trigger.type in NEEDS_TARGET and not targets:
                continue
            yield token, token, self._joint(noun_trigger, sources, token), sources, targets

    def _forces_moving(self, verb: Token, pattern: Trigger) -> Trigger:
        """Troops who "arrive" or "travel" somewhere are deployed, not visiting: peacekeepers
        provide protection (AID, CAMEO 074), other forces are mobilized (MOBILIZE troops)."""
        if pattern.type != "CONSULT" or pattern.mode != "visit":
            return pattern
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        words = {t.lemma_.lower() for c in subjects for t in c.subtree}
        if not words & FORCE_NOUNS:
            return pattern
        if any(w.startswith("peacekeep") for w in words):
            return Trigger(lemma=pattern.lemma, type="AID", cameo="074", object_preps=("in", "to"))
        return Trigger(
            lemma=pattern.lemma,
            type="MOBILIZE",
            mode="troops",
            cameo=self.ontology.cameo_for("MOBILIZE", "troops"),
            object_preps=("in", "to", "into"),
        )

    def _joint(self, pattern: Trigger, sources: list[Argument], *heads: Token) -> Trigger:
        """Exercises held by forces of two sides ("French and Egyptian warships launched war
        games", "drills with Japan") are military cooperation, not a show of force (manual,
        MOBILIZE: joint operations are COOPERATE, single-country exercises MOBILIZE)."""
        if pattern.type != "MOBILIZE" or not EXERCISE_NOUNS.intersection(
            (pattern.lemma, *pattern.objects)
        ):
            return pattern
        partner = any(c.dep_ == "prep" and c.lower_ == "with" for h in heads for c in h.children)
        if len(sources) < 2 and not (sources and partner):
            return pattern
        return Trigger(
            lemma=pattern.lemma,
            type="COOPERATE",
            cameo="062",
            reciprocal=True,
            object_preps=("with",),
        )

    def _reported_demand(
        self, verb: Token, actors: ResolvedActors
    ) -> tuple[Trigger, list[Argument], list[Argument]] | None:
        """`Russia said Sudan must return the helicopter`: a statement of what another actor
        must or should do is a demand made of it (CAMEO and PLOVER code it as REQUEST)."""
        if verb.lemma_.lower() not in DEMANDING_SPEECH:
            return None
        for clause in verb.children:
            if clause.dep_ != "ccomp" or not any(
                c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in clause.children
            ):
                continue
            sources = [
                a
                for c in verb.children
                if c.dep_ in SUBJECTS
                for a in self._actors_in(c, actors, look_inside=True)
            ]
            own = {a.actor_id for a in sources}
            targets = [
                a
                for c in clause.children
                if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS
                for a in self._actors_in(c, actors, look_inside=True)
                if a.actor_id not in own
            ]
            if sources and targets:
                pattern = Trigger(
                    lemma=verb.lemma_.lower(),
                    type="REQUEST",
                    cameo=self.ontology.cameo_for("REQUEST"),
                )
                return pattern, unique_arguments(sources), unique_arguments(targets)
        return None

    def _figurative(self, verb: Token, pattern: Trigger, actors: ResolvedActors) -> bool:
        """`a shift that threatens Iran's position`, `uncertainty surrounding the deployment`:
        a thing, not an actor, is the subject, or the object is itself an event."""
        for child in verb.children:
            if (
                child.dep_ in SUBJECTS
                and child.pos_ == "NOUN"
                and child.ent_type_ == ""
                and child.lemma_.lower() not in AGENT_NOUNS
                and not (pattern.type == "ASSAULT" and is_instrument(child))
                and not self._actors_in(child, actors, look_inside=True)
            ):
                return True
        if pattern.type in ("COERCE", "ASSAULT", "THREATEN", "MOBILIZE"):
            return any(
                c.dep_ == "dobj" and self.lexicon.match_noun(c) is not None and not actors.at(c.i)
                for c in verb.children
            )
        return False

    def _classified_event(
        self, sentence: Span, actors: ResolvedActors
    ) -> list[tuple[Token, Token, Trigger, list[Argument], list[Argument]]]:
        """A sentence whose parse names an actor doing something to another, with a verb the
        lexicon does not know: the classifier says what kind of event it is."""
        assert self.classifier is not None
        verb = sentence.root
        if verb.lemma_.lower() in SPEECH_VERB_LEMMAS:
            verb = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), verb)
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in SPEECH_VERB_LEMMAS:
            return []
        sources = [
            a for c in verb.children if c.dep_ in SUBJECTS for a in self._actors_in(c, actors, True)
        ]
        targets = [
            a
            for c in verb.children
            if c.dep_ in ("dobj", "dative")
            for a in self._actors_in(c, actors, True)
        ] or self._prep_objects(verb, self.lexicon.object_preps, actors)
        if not sources or not targets:
            return []
        probabilities = self.classifier.predict_proba([sentence.text])[0]
        best = max(probabilities, key=lambda name: probabilities[name])
        if probabilities[best] < CLASSIFIER_THRESHOLD:
            return []
        pattern = Trigger(lemma=verb.lemma_.lower(), type=best, cameo=self.ontology.cameo_for(best))
        return [(verb, verb, pattern, sources, targets)]

    def _light_verb_object(self, verb: Token) -> tuple[Token, Trigger] | None:
        if verb.lemma_.lower() in ENGAGING_VERBS:
            # "engaged in ethnic cleansing", "took part in talks": the act is the noun
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for noun in prep.children:
                        pattern = self.lexicon.match_noun(noun) if noun.dep_ == "pobj" else None
                        if pattern is not None:
                            return noun, pattern
        if not self.lexicon.is_light_verb(verb):
            return None
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "nsubjpass"):
                pattern = self.lexicon.match_noun(child)
                if pattern is not None:
                    return child, pattern
                # "gave $5 million of aid", "launched a wave of strikes": a measure of the event
                if child.ent_type_ in ("MONEY", "QUANTITY") or child.lemma_.lower() in MEASURES:
                    for prep in child.children:
                        if prep.dep_ == "prep" and prep.lower_ == "of":
                            for noun in prep.children:
                                pattern = self.lexicon.match_noun(noun)
                                if noun.dep_ == "pobj" and pattern is not None:
                                    return noun, pattern
        return None

    def _verb_arguments(
        self, verb: Token, pattern: Trigger, actors: ResolvedActors
    ) -> tuple[list[Argument], list[Argument]]:
        sources: list[Argument] = []
        targets: list[Argument] = []
        # "Israel is opposed to the plan": a stance its passive subject holds, not undergoes
        stance = stance_holder_is_subject(verb)
        passive = not stance and any(
            c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children
        )
        for child in verb.children:
            if child.dep_ in SUBJECTS or (stance and child.dep_ in PASSIVE_SUBJECTS):
                sources += self._actors_in(child, actors, look_inside=True)
            elif child.dep_ in PASSIVE_SUBJECTS:
                targets += self._actors_in(child, actors)
            elif child.dep_ == "agent":
                sources += [
                    a
                    for g in child.children
                    if g.dep_ == "pobj"
                    for a in self._actors_in(g, actors)
                ]
            elif child.dep_ in ("dobj", "dative", "attr", "oprd"):
                if _given_forces(child, pattern):
                    if pattern.type == "MOBILIZE":
                        # "strengthened its forces in Lebanon": where they are sent or massed
                        targets += self._location_state_of(child, actors)
                    continue  # "contributed troops to the force in Liberia": what is given
                if (pattern.type == "RETREAT" or pattern.mode == "withdraw") and (
                    self._prep_objects_of(verb, pattern.object_preps, actors)
                ):
                    continue  # "withdrew its observers from Iraq": what is withdrawn
                targets += self._actors_in(child, actors, look_inside=True)
        if passive and sources and not targets:
            # "... and have been granted asylum by Russia": the shared subject receives
            targets = self._inherited_subject(verb, actors)
        if not targets:
            targets = self._prep_objects(verb, pattern.object_preps, actors) or self._prep_objects(
                verb, self.lexicon.object_preps, actors
            )
        if not targets:
            # "refused to deploy troops in Iraq": the refusal concerns the complement's target
            for child in verb.children:
                if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                    targets = [
                        a
                        for c in child.children
                        if c.dep_ in ("dobj", "dative")
                        for a in self._actors_in(c, actors)
                    ]
                    targets = targets or self._prep_objects(
                        child, self.lexicon.object_preps, actors
                    )
                    targets = targets or self._location_state(child, actors)
        if not targets and verb.lemma_.lower() not in SPEECH_VERB_LEMMAS:
            # "demanded that the US cancel ...": the one asked, accused or warned is the
            # complement clause's subject
            targets = [
                a
                for child in verb.children
                if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX")
                for c in child.children
                if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS
                for a in self._actors_in(c, actors, look_inside=True)
            ]
        if not targets:
            targets = self._purpose_targets(verb, actors)
        if (
            not targets
            and not (pattern.reciprocal and len(sources) > 1)
            and not happens_at_place(verb, pattern.type)
        ):
            targets = self._location_state(verb, actors)
        sources = self._speaker_pronoun(verb, actors) or sources
        if not sources:
            inherited = self._inherited_subject(verb, actors)
            if passive and not targets:
                targets = inherited  # "... and have been granted asylum by Russia"
            else:
                sources = inherited
            if passive and not sources and not targets:
                pass
        if passive and not sources:
            sources = self._acting_in(verb, actors)
        if passive and pattern.type in ("MOBILIZE", "RETREAT", "AID") and not sources:
            # "troops were deployed to X": the force deployed acts; where it goes is the target
            sources = targets
            targets = self._prep_objects(
                verb, ("to", "into", "toward", "towards", "against"), actors
            )
        if pattern.reverse:
            sources, targets = targets, sources
        return unique_arguments(sources), unique_arguments(
            [t for t in targets if t.actor_id not in {s.actor_id for s in sources}]
        )

    def _purpose_targets(self, verb: Token, actors: ResolvedActors) -> list[Argument]:
        """`mobilized reservists for a war against Iraq`: the target of the attack served."""
        for noun in purpose_nouns(verb):
            pattern = self.lexicon.match_noun(noun)
            hostile = noun.lemma_.lower() in HOSTILITY_NOUNS
            if hostile or (pattern is not None and pattern.type == "ASSAULT"):
                targets = [a for g in aimed_at(noun) for a in self._actors_in(g, actors)]
                if targets:
                    return targets
        return []

    def _acting_in(self, verb: Token, actors: ResolvedActors) -> list[Argument]:
        """`were killed in an Israeli air strike`, `died in a Taliban attack`: a passive event
        with no agent is done by whoever the event noun it happened in names as its actor."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                continue
            for noun in prep.children:
                pattern = self.lexicon.match_noun(noun) if noun.dep_ == "pobj" else None
                if pattern is not None and pattern.type == "ASSAULT":
                    sources, _ = self._noun_arguments(noun, pattern, actors)
                    if sources:
                        return sources
        return []

    def _noun_arguments(
        self, noun: Token, pattern: Trigger, actors: ResolvedActors
    ) -> tuple[list[Argument], list[Argument]]:
        sources: list[Argument] = []
        targets: list[Argument] = []
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < noun.i:
                found = self._actors_in(child, actors)
                if not found and child.dep_ == "amod":
                    # "HTS-led offensive": the actor hangs off the participle
                    found = [
                        a
                        for g in child.children
                        if g.dep_ in ("npadvmod", "compound")
                        for a in self._actors_in(g, actors)
                    ]
                sources += found
            elif child.dep_ == "prep":
                word = child.lower_
                objects = [
                    g for g in child.children if g.dep_ == "pobj" and not _helping_hand(child, g)
                ]
                found = [a for g in objects for a in self._actors_in(g, actors)]
                if word == "between":
                    if len(found) == 1:
                        # the parser often hangs "and Y" on the noun itself, or elsewhere
                        found += [
                            a
                            for c in noun.children
                            if c.dep_ == "conj"
                            for a in self._actors_in(c, actors)
                        ]
                    if len(found) == 1 and objects:
                        found += self._after_and(objects[0], actors)
                    sources += found[:1]
                    targets += found[1:]
                elif word == "by" or (
                    word in ("of",)
                    and pattern.type in ("RETREAT", "MOBILIZE", "AID", "ASSAULT")
                    and not sources
                ):
                    sources += found
                elif word in (pattern.object_preps or self.lexicon.object_preps) or word == "from":
                    targets += found
                elif word == "of" and pattern.type in OBJECTIVE_OF_TYPES:
                    # "the blockade of Syria", "the arrest of two Kenyans": who undergoes it
                    targets += found
        if not sources and not targets:
            # "expressed the need for cooperation, particularly with Russia": the partner hangs
            # off the verb that carries the noun
            targets = self._verb_partner(noun, actors)
        if not sources and not targets:
            return [], []  # a nominal event needs an actor of its own, not only the clause's
        if not targets:
            targets = self._location_state(noun, actors)
        if not sources:
            sources = self._governing_subject(noun, actors)
        return unique_arguments(sources), unique_arguments(
            [t for t in targets if t.actor_id not in {s.actor_id for s in sources}]
        )

    def _after_and(self, token: Token, actors: ResolvedActors) -> list[Argument]:
        """`between X and Y` misparsed: the first actor within a few words after X's `and`."""
        cc = next((c for c in token.children if c.dep_ == "cc" and c.lower_ == "and"), None)
        if cc is None:
            return []
        for following in token.doc[cc.i + 1 : min(len(token.doc), cc.i + 5)]:
            mention = actors.at(following.i)
            if mention is not None and mention.actor_id and mention.resolved:
                return [Argument(mention.actor_id, token.doc[mention.head])]
        return []

    def _verb_partner(self, noun: Token, actors: ResolvedActors) -> list[Argument]:
        current = noun
        for _ in range(4):
            if current.dep_ not in ("pobj", "prep", "dobj") or current.head.i == current.i:
                return []
            current = current.head
            if current.pos_ in ("VERB", "AUX"):
                return self._prep_objects_of(current, PARTNER_PREPS, actors)
        return []

    def _location_state(self, head: Token, actors: ResolvedActors) -> list[Argument]:
        found = self._location_state_of(head, actors)
        if found or head.pos_ not in ("VERB", "AUX"):
            return found
        # "lifted a state of emergency in Darfur", "fired shells at targets in Jericho"
        for child in head.children:
            objects = [child] if child.dep_ in ("dobj", "nsubjpass") else []
            if child.dep_ == "prep":
                objects = [g for g in child.children if g.dep_ == "pobj"]
            for noun in objects:
                if noun.pos_ in ("NOUN", "PROPN") and actors.at(noun.i) is None:
                    found = self._location_state_of(noun, actors)
                    if found:
                        return found
        return []

    def _location_state_of(self, head: Token, actors: ResolvedActors) -> list[Argument]:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in LOCATION_TARGET_PREPS:
                for g in child.children:
                    mention = actors.at(g.i)
                    entry = (
                        self.dictionary.get(mention.actor_id)
                        if mention and mention.actor_id
                        else None
                    )
                    if g.dep_ != "pobj":
                        continue
                    if entry is not None and entry.kind == "state":
                        return [Argument(entry.id, g)]
                    state = (
                        self._owning_state(g, actors)
                        or self._compound_state(g, actors)
                        or self._state_of_place(g, actors)
                    )
                    if state is not None:
                        return [Argument(state, g)]
        return []

    def _owning_state(self, place: Token, actors: ResolvedActors) -> str | None:
        """`in Iraq's north`, `in East Timor's capital Dili`: the state the text itself says a
        place belongs to, which outranks what the gazetteer guesses for the place's name."""
        for token in place.subtree:
            mention = actors.at(token.i) if token.dep_ == "poss" and token.i < place.i else None
            entry = self.dictionary.get(mention.actor_id) if mention and mention.actor_id else None
            if entry is not None and entry.kind == "state":
                return entry.id
        return None

    def _compound_state(self, place: Token, actors: ResolvedActors) -> str | None:
        """`in Kosovo province`: the state a compound name before a place noun names."""
        for name in place_naming_compounds(place):
            mention = actors.at(name.i)
            entry = self.dictionary.get(mention.actor_id) if mention and mention.actor_id else None
            if entry is not None and entry.kind == "state":
                return entry.id
        return None

    def _state_of_place(self, token: Token, actors: ResolvedActors) -> str | None:
        """`a protest in Beijing`: the state a named place lies in (not a mentioned actor)."""
        if self.gazetteer is None or token.pos_ != "PROPN" or actors.at(token.i) is not None:
            return None
        location = self.places.of_phrase(token)
        if location is None or location.country is None:
            return None
        entry = self.dictionary.get(location.country)
        return entry.id if entry is not None and entry.kind == "state" else None

    def _prep_objects(
        self, verb: Token, preps: tuple[str, ...], actors: ResolvedActors
    ) -> list[Argument]:
        if not preps:
            return []
        heads = [verb, *[c for c in verb.children if c.dep_ in ("dobj", "attr")]]
        for head in heads:
            found = self._prep_objects_of(head, preps, actors)
            if found:
                return found
        return []

    def _prep_objects_of(
        self, verb: Token, preps: tuple[str, ...], actors: ResolvedActors
    ) -> list[Argument]:
        # in the order the entry lists its prepositions: "complained to the UN about Israel"
        # is a complaint about Israel
        children = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in preps]
        children.sort(key=lambda c: preps.index(c.lower_))
        for child in children:
            found = [
                a
                for g in child.children
                if g.dep_ == "pobj" and not _helping_hand(child, g)
                for a in self._actors_in(g, actors, look_inside=True)
            ]
            if found:
                return found
        return []

    def _inherited_subject(self, verb: Token, actors: ResolvedActors) -> list[Argument]:
        """Subjects of the governing clause for `agreed to withdraw`, `attacked and seized`,
        `challenges in supporting X`, `forces backing the SDF`, `militias that attacked`."""
        current = verb
        for _ in range(6):
            head = current.head
            if head.i == current.i or current.dep_ in ("ccomp", "parataxis"):
                return []
            if current.dep_ in ("acl", "relcl"):
                found = self._actors_in(head, actors, look_inside=True)
                if found or current.dep_ != "acl" or head.dep_ != "dobj":
                    return found
                # "the PKK issued a statement demanding ...": whoever issued the statement
                # demands; climb on to the clause the statement is the object of
                current = head
                continue
            if (
                current.dep_ == "pcomp"
                and head.lower_ in ("of", "for")
                and head.head.lemma_.lower() in ACCUSING_VERBS
            ):
                # "Iran accused Israel of bombing": the accused is the one who bombed
                return [
                    a
                    for c in head.head.children
                    if c.dep_ == "dobj"
                    for a in self._actors_in(c, actors)
                ]
            found = [
                a
                for c in head.children
                if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS and c.i != current.i
                for a in self._actors_in(c, actors)
            ]
            if found and head.lemma_.lower() in CITING_VERBS:
                cited = [
                    a
                    for c in head.children
                    if c.dep_ == "dobj"
                    for a in self._actors_in(c, actors, look_inside=True)
                ]
                found = cited or found
            if found:
                return found
            current = head
        return []

    def _speaker_pronoun(self, verb: Token, actors: ResolvedActors) -> list[Argument]:
        """`Kenya and Uganda said they would attack ...`: a pronoun subject of what speakers
        say of themselves stands for the speakers (when nothing resolved the pronoun)."""
        head = verb.head
        if verb.dep_ != "ccomp" or head.lemma_.lower() not in SPEECH_VERB_LEMMAS | DEMANDING_SPEECH:
            return []
        pronouns = [c for c in verb.children if c.dep_ in SUBJECTS and c.lower_ in SELF_PRONOUNS]
        if not pronouns:
            return []
        speakers = [
            a
            for c in head.children
            if c.dep_ in SUBJECTS
            for a in self._actors_in(c, actors, look_inside=True)
        ]
        mention = actors.at(pronouns[0].i)
        if mention is None or not mention.actor_id:
            return speakers
        # "Sudan and Chad said they ...": a plural pronoun stands for all the speakers, where
        # coreference picked only one of them
        if (
            pronouns[0].lower_ in ("they", "we")
            and len(speakers) > 1
            and mention.actor_id in {a.actor_id for a in speakers}
        ):
            return speakers
        return []

    def _governing_subject(self, noun: Token, actors: ResolvedActors) -> list[Argument]:
        """`Hezbollah was hit after confrontations with Israel`: the noun's source is the subject
        of the clause it depends on, when the noun is its object or adjunct."""
        if noun.dep_ in SUBJECTS + PASSIVE_SUBJECTS:
            return []
        return self._inherited_subject(noun, actors)

    def _actors_in(
        self, token: Token, actors: ResolvedActors, look_inside: bool = False
    ) -> list[Argument]:
        """Actors a phrase names: its own mention, coordinated ones, and close modifiers."""
        found: list[Argument] = []
        heads = conjuncts(token)
        for head in heads:
            mention = actors.at(head.i)
            if mention is not None and mention.actor_id and mention.method != "unresolved":
                found.append(Argument(mention.actor_id, head))
                # "Barack Obama and Vladimir Putin" parsed with the "and" inside the name;
                # "US and British activists": coordinated modifiers name more actors
                for part in head.doc[mention.token_start : mention.token_end]:
                    for conj in conjuncts(part)[1:]:
                        if conj not in heads and not (
                            mention.token_start <= conj.i < mention.token_end
                        ):
                            heads.append(conj)
                for child in head.children:
                    if child.dep_ in ("nmod", "amod", "compound") and any(
                        c.dep_ == "conj" for c in child.children
                    ):
                        heads.extend(c for c in conjuncts(child) if c not in heads)
                continue
            inner = self._modifier_actor(head, actors, look_inside)
            if inner is not None:
                found.append(inner)
                for conj in conjuncts(inner.token)[1:]:
                    mention = actors.at(conj.i)
                    if mention is not None and mention.actor_id and mention.resolved:
                        found.append(Argument(mention.actor_id, conj))
        return found

    def _modifier_actor(
        self, token: Token, actors: ResolvedActors, look_inside: bool
    ) -> Argument | None:
        leader = self._led_by(token, actors)
        if leader is not None:
            return leader
        order = ("appos", "compound", "amod", "nmod", "poss")
        children = sorted(
            (c for c in token.children if c.dep_ in order), key=lambda c: order.index(c.dep_)
        )
        for child in children:
            for part in (
                child,
                *[g for g in child.subtree if g.dep_ in ("compound", "amod") and g.i < child.i],
            ):
                mention = actors.at(part.i)
                if mention is not None and mention.actor_id and mention.method != "unresolved":
                    return Argument(mention.actor_id, part)
        if look_inside:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "by", "from"):
                    for g in child.children:
                        if g.dep_ != "pobj":
                            continue
                        mention = actors.at(g.i)
                        if (
                            mention is not None
                            and mention.actor_id
                            and mention.method != "unresolved"
                        ):
                            return Argument(mention.actor_id, g)
                        # "calls by Belarus's rulers": the rulers' state
                        inner = self._modifier_actor(g, actors, look_inside=False)
                        if inner is not None:
                            return inner
        return None

    def _led_by(self, token: Token, actors: ResolvedActors) -> Argument | None:
        """`rebels led by HTS`, `forces commanded by the IRGC`: the leading actor acts."""
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_.lower() in LEADING_VERBS:
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for g in agent.children:
                            mention = actors.at(g.i)
                            if (
                                g.dep_ == "pobj"
                                and mention
                                and mention.actor_id
                                and mention.resolved
                            ):
                                return Argument(mention.actor_id, g)
        return None

    # --- assembling events -----------------------------------------------------------------------

    def _events(
        self,
        trigger: Token,
        anchor: Token,
        pattern: Trigger,
        sources: list[Argument],
        targets: list[Argument],
        sentence: Span,
        actors: ResolvedActors,
        article_id: str,
        day: date | None,
        fallback: Location | None,
        mirror_objects: bool = True,
    ) -> list[Event]:
        if not sources and not targets:
            return []
        if pattern.type == "ASSAULT" and not sources:
            # "a roadside bomb killed two soldiers near Mosul": unnamed attackers of that place
            attacker = unidentified_attacker(
                self._attack_scene(trigger, sentence, actors), self.dictionary
            )
            sources = [Argument(attacker, trigger)] if attacker is not None else []
        cue = event_status(anchor, day, lambda token: actors.at(token.i) is not None)
        attributed = None
        if cue.speaker is not None:
            speaker = actors.at(cue.speaker.i)
            attributed = speaker.actor_id if speaker and speaker.actor_id else cue.speaker.text
        location = self.places.of_event(trigger, sentence) or fallback
        start, end = event_dates(trigger, sentence, day, cue.status)
        type_info = self.ontology.type(pattern.type)
        intensity = (
            self.ontology.intensity(pattern.type, pattern.mode)
            if pattern.mode in type_info.mode_names
            else type_info.intensity
        )
        evidence = Evidence(article_id, sentence.text, sentence.start_char, sentence.end_char)
        pairs: list[tuple[str | None, str | None]]
        unnamed_subject = False
        if pattern.reciprocal and len(sources) > 1:
            # "Israel and Lebanon resumed talks on the Israeli pullback": a topic, no partner
            targets = [t for t in targets if not named_in_topic(t.token, trigger, anchor)]
        among_subjects = pattern.reciprocal and not targets and len(sources) > 1
        if among_subjects:
            # "Iran, Russia and Turkey met": each pair meets; the reverse comes below
            ids = [s.actor_id for s in sources]
            pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
        elif sources and targets:
            pairs = [(s.actor_id, t.actor_id) for s in sources for t in targets]
        elif sources and self._unnamed_recipient(trigger, anchor, pattern, actors):
            # "police dispersed the demonstrators", "lifted the curfew": a recipient the
            # dictionary cannot name is, in CAMEO practice, the actor's own country
            pairs = [(s.actor_id, self._own_state(s.actor_id, actors)) for s in sources]
        elif sources:
            pairs = [(s.actor_id, None) for s in sources]
        elif unnamed_subject := (
            pattern.type not in FOREIGN_PRONE_TYPES and self._unnamed_subject(anchor, actors)
        ):
            # "President Dos Santos conceded to UNITA's demands", "Judge Rivera opened an
            # inquiry into Chilean officials": an actor the dictionary cannot name, acting on
            # a part of a state, is coded, in CAMEO practice, on that state
            pairs = [(self._own_state(t.actor_id, actors), t.actor_id) for t in targets]
        else:
            pairs = [(None, t.actor_id) for t in targets]
        events = []
        for source, target in pairs:
            if source == target:
                continue
            confidence = 0.75 if source and target else 0.55
            # "the Kenyan government lifted the curfew in Mombasa": a government acting on its
            # own state is a domestic event, coded on that state
            if (
                self._same_side(source, target)
                and not self._domestic(source, target)
                and not unnamed_subject
            ):
                continue
            directions = [(source, target)]
            if pattern.reciprocal and source and target and (among_subjects or mirror_objects):
                directions.append((target, source))
            for actor, recipient in directions:
                events.append(
                    Event(
                        article_id=article_id,
                        type=pattern.type,
                        mode=pattern.mode,
                        cameo=pattern.cameo,
                        quad_class=type_info.quad_class,
                        intensity=intensity,
                        status=cue.status,
                        source=actor,
                        target=recipient,
                        evidence=evidence,
                        trigger_start=trigger.idx,
                        trigger_end=trigger.idx + len(trigger.text),
                        date=start,
                        date_end=end,
                        attributed_to=attributed,
                        location=location,
                        confidence=confidence,
                    )
                )
        return events

    def _unnamed_recipient(
        self, trigger: Token, anchor: Token, pattern: Trigger, actors: ResolvedActors
    ) -> bool:
        """The event acts on someone or somewhere the parse shows but no actor names: an
        object (`arrested opponents`, `lifted the curfew`), a place (`fired into the crowd`),
        or, for a protest, the authorities it is aimed at."""
        if pattern.type not in DOMESTIC_RECIPIENT_TYPES:
            return False
        if pattern.type == "PROTEST":
            return True
        for head in {trigger, anchor}:
            for child in head.children:
                objects = [child] if child.dep_ in ("dobj", "nsubjpass", "dative") else []
                if child.dep_ == "prep" and child.lower_ in LOCATION_TARGET_PREPS:
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                for noun in objects:
                    if (
                        noun.pos_ in ("NOUN", "PROPN")
                        and noun.ent_type_ not in UNPLACED_ENTITIES
                        and actors.at(noun.i) is None
                    ):
                        return True
        return False

    def _unnamed_subject(self, anchor: Token, actors: ResolvedActors) -> bool:
        """The clause of the event has a subject (a person, a group, a pronoun) that no actor
        names: `President Dos Santos conceded`, `the party said it will boycott`."""
        current = anchor
        for _ in range(3):
            subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject.pos_ in ("NOUN", "PROPN", "PRON") and not any(
                    self._named(token, actors) for token in subject.subtree
                )
            if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
                return False
            current = current.head
        return False

    def _named(self, token: Token, actors: ResolvedActors) -> bool:
        """The token is part of a mention of an actor the dictionary places."""
        mention = actors.at(token.i)
        if mention is None or not mention.actor_id:
            return False
        entry = actors.new_actors.get(mention.actor_id)
        return entry is None or entry.kind != "unresolved"

    def _own_state(self, actor_id: str, actors: ResolvedActors) -> str | None:
        """The state an actor belongs to, if any (`EGY_COP` -> `EGY`)."""
        entry = self.dictionary.get(actor_id) or actors.new_actors.get(actor_id)
        if entry is None:
            return None
        if entry.kind == "state":
            return None  # a state acting on an unnamed part of itself is not a dyad
        for ancestor in self.dictionary.ancestors(actor_id):
            if ancestor.kind == "state":
                return ancestor.id
        if entry.country:
            state = self.dictionary.get(entry.country)
            if state is not None and state.kind == "state":
                return state.id
            for candidate in self.dictionary.states():
                if candidate.country == entry.country:
                    return candidate.id
        return None

    def _domestic(self, source: str | None, target: str | None) -> bool:
        """The target is the state the source belongs to (`KEN_GOV` acting on `KEN`)."""
        entry = self.dictionary.get(target) if target else None
        return (
            entry is not None
            and entry.kind == "state"
            and source is not None
            and any(a.id == target for a in self.dictionary.ancestors(source))
        )

    def _same_side(self, source: str | None, target: str | None) -> bool:
        """An actor acting on its own parent or child (`IRGC` and `IRN_MIL`) is not a dyad."""
        if not source or not target:
            return False
        return any(a.id == target for a in self.dictionary.ancestors(source)) or any(
            a.id == source for a in self.dictionary.ancestors(target)
        )

    # --- places --------------------------------------------------------------------------------

    def _attack_scene(self, trigger: Token, sentence: Span, actors: ResolvedActors) -> str | None:
        """The country an attack happens in: a state the text places it in (`in Kenya's
        capital`, `in Mosul`) first, else the place found for the event."""
        country = scene_country(
            sentence,
            actors,
            self._state_id,
            self.places.country_of_name,
            range(trigger.i, trigger.i),
        )
        if country is not None:
            return country
        place = self.places.of_event(trigger, sentence)
        return place.country if place is not None else None

    def _state_id(self, actor_id: str) -> str | None:
        entry = self.dictionary.get(actor_id)
        return (entry.country or entry.id) if entry is not None and entry.kind == "state" else None


def _given_forces(obj: Token, pattern: Trigger) -> bool:
    """The object is the forces an AID entry gives (`contribute troops`), or the forces an actor
    mobilizes (`mobilized army reservists`: its own, though no country names them), not the
    recipient."""
    if obj.dep_ != "dobj":
        return False
    if pattern.type == "MOBILIZE":
        return obj.lemma_.lower() in FORCE_NOUNS | RESERVE_NOUNS
    # "provided maps and other intelligence": any coordinated object may be the one given
    given = {t.lemma_.lower() for t in (obj, *obj.conjuncts)}
    return pattern.type == "AID" and bool(given.intersection(pattern.objects))


NOMINAL_LINKS = frozenset({"amod", "dobj", "pobj", "nsubj", "nsubjpass", "compound"})

# Unnamed attackers and crowds are as often foreign to those they hit or protest against as not:
# their state is not inferred from the recipient's.
FOREIGN_PRONE_TYPES = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "THREATEN"})

# Verbs that, with an infinitive and no object of their own, state an intention to do what the
# infinitive says: "seeks to deepen ties" is no request addressed to anyone (manual, REQUEST).
INTENTION_VERBS = frozenset({"seek"})


def _intends(verb: Token) -> bool:
    if verb.lemma_.lower() not in INTENTION_VERBS:
        return False
    children = list(verb.children)
    return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in children) and not any(
        c.dep_ in ("dobj", "obj") for c in children
    )


# Event types whose nouns take their recipient with `of`: `the blockade of X`, `the
# expulsion of X's diplomats` (a withdrawal or attack `of` X names who acts, as above)
OBJECTIVE_OF_TYPES = frozenset({"COERCE", "SANCTION"})

# Nouns of help given to the actor: `with Turkey's help`, `with US backing`
HELP_NOUNS = frozenset(
    {"help", "support", "assistance", "backing", "aid", "cooperation", "participation", "blessing"}
)


def _helping_hand(prep: Token, noun: Token) -> bool:
    """`blockaded the port [with Turkey's help]`, `[with US backing]`: whoever helps is on the
    actor's side, not the one acted on."""
    return prep.lower_ == "with" and noun.lemma_.lower() in HELP_NOUNS
