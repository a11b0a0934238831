"""Resolution of every actor mention in a parsed document to the dictionary.

Works on a spaCy `Doc` that went through the actor ruler and the parser. Handles, in order:
dictionary spans (choosing among candidates by the article date), country + role phrases
(`Syrian military troops`, `Iranian officials`, `Iran's forces`), capitals used as actors,
membership phrases (`a senior figure from the IRGC`), people known only by apposition or title
(`X, Chief of Staff of the Iranian Armed Forces`), unresolved NER entities, and within-article
coreference (`it`, `its`, `they`, `the group`, `the regime`). It never writes to the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.dictionary import ActorDictionary, ActorEntry
from realpolitik.actors.matcher import SPANS_KEY, Candidate
from realpolitik.actors.mentions import CONFIDENCE, Mention, ResolvedActors

LOCATIVE_PREPOSITIONS = frozenset(
    {
        "in",
        "to",
        "from",
        "near",
        "at",
        "into",
        "toward",
        "towards",
        "around",
        "outside",
        "across",
        "over",
        "on",
        "inside",
        "via",
        "through",
        "beyond",
        "within",
        "of",
    }
)
MEMBER_NOUNS = frozenset(
    {
        "figure",
        "official",
        "officials",
        "commander",
        "commanders",
        "member",
        "members",
        "leader",
        "leaders",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "delegation",
        "representative",
        "representatives",
        "fighter",
        "fighters",
        "operative",
        "operatives",
        "general",
        "chief",
        "head",
        "adviser",
        "advisor",
        "advisers",
        "advisors",
        "delegate",
        "unit",
        "units",
        "militants",
        "cadres",
        "personnel",
        "forces",
        "troops",
    }
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
UNRESOLVED_LABELS = frozenset({"PERSON", "ORG", "NORP"})
GOVERNMENT_ANAPHORS = frozenset(
    {"regime", "government", "administration", "authorities", "leadership"}
)
GROUP_ANAPHORS = frozenset(
    {
        "group",
        "movement",
        "organization",
        "organisation",
        "militia",
        "faction",
        "rebels",
        "militants",
        "insurgents",
        "fighters",
        "party",
    }
)
STATE_ANAPHORS = frozenset({"country", "nation", "state", "republic"})
ALLIANCE_ANAPHORS = frozenset({"alliance", "coalition", "bloc", "axis"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them", "themselves"})
PERSON_PRONOUNS = frozenset({"he", "his", "him", "she", "her", "himself", "herself"})
GROUP_KINDS = frozenset({"group", "party"})
GROUP_ROLES = frozenset({"REB", "INS", "OPP", "SEP", "PTY"})
_SLUG = re.compile(r"[^A-Z0-9]+")


class PlaceLookup(Protocol):
    def lookup(self, text: str) -> Any: ...


class ActorResolver:
    """Resolves the actor mentions of documents against one dictionary."""

    def __init__(self, dictionary: ActorDictionary, places: PlaceLookup | None = None) -> None:
        self.dictionary = dictionary
        self.places = places
        self.role_by_noun: dict[str, str] = {}
        self.role_by_title: dict[str, str] = {}
        for role in dictionary.roles.values():
            for noun in role.nouns:
                self.role_by_noun.setdefault(noun.lower(), role.code)
            for title in role.titles:
                self.role_by_title.setdefault(title.lower(), role.code)

    # --- entry point -----------------------------------------------------------------------------

    def resolve(self, doc: Doc, day: date | None = None) -> ResolvedActors:
        out = ResolvedActors()
        spans = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
        named_here = {
            c.actor_id
            for span in spans
            for c in span._.rp_candidates
            if c.alias_kind in ("alias", "name")
        }
        for span in spans:
            mention = self._dictionary_span(span, day, named_here, out)
            if mention is not None and not out.covers(mention.token_start, mention.token_end):
                out.add(mention)
        self._people(doc, out, day)
        self._located_roles(doc, out, day, named_here)
        self._members(doc, out)
        self._unresolved(doc, out)
        self._coreference(doc, out, day, named_here)
        return out

    # --- dictionary spans ------------------------------------------------------------------------

    def _choose(
        self, candidates: Iterable[Candidate], day: date | None
    ) -> tuple[ActorEntry, Candidate] | None:
        options = [(self.dictionary.get(c.actor_id), c) for c in candidates]
        usable = [(e, c) for e, c in options if e is not None]
        if not usable:
            return None
        valid = [(e, c) for e, c in usable if e.valid_on(day)]
        return (valid or usable)[0]

    def _dictionary_span(
        self, span: Span, day: date | None, named_here: set[str], out: ResolvedActors
    ) -> Mention | None:
        chosen = self._choose(span._.rp_candidates, day)
        if chosen is None:
            return None
        entry, candidate = chosen
        if entry.kind == "state":
            return self._state_span(span, entry, candidate, day, named_here)
        root = span.root
        if (
            entry.is_person
            and entry.affiliation
            and root.dep_ in ("poss", "compound")
            and root.head.lower_ in GOVERNMENT_ANAPHORS
        ):
            # "Assad's regime", "the Netanyahu government": the government the person leads
            head = root.head
            actor_id, method = self._stand_in(entry.affiliation, day, named_here, "role")
            return _mention(
                span.doc,
                min(span.start, _determiner_start(head)),
                head.i + 1,
                actor_id,
                method,
                head.i,
            )
        if entry.kind in ("igo", "alliance"):
            role_token = self._role_head(span)
            if role_token is not None:
                # "UN peacekeepers", "NATO officials": a branch of the organisation
                role = self.role_by_noun[_noun_key(role_token)]
                branch = self._branch(entry, role)
                out.new_actors.setdefault(branch.id, branch)
                end = max(span.end, role_token.i + 1)
                return _mention(span.doc, span.start, end, branch.id, "role", role_token.i)
        actor_id, method = self._stand_in(entry.id, day, named_here, "dictionary")
        return _mention(span.doc, span.start, span.end, actor_id, method, span.root.i)

    def _branch(self, entry: ActorEntry, role: str) -> ActorEntry:
        if entry.role == role:
            return entry
        role_name = (
            self.dictionary.roles[role].name.lower() if role in self.dictionary.roles else role
        )
        return ActorEntry(
            id=f"{entry.id}_{role}",
            name=f"{entry.name} {role_name}",
            kind=entry.kind,
            country=entry.country,
            role=role,
            parent=entry.id,
            origin="(organisation and role)",
        )

    def _state_span(
        self,
        span: Span,
        state: ActorEntry,
        candidate: Candidate,
        day: date | None,
        named_here: set[str],
    ) -> Mention | None:
        root = span.root
        role_token = self._role_head(span)
        if role_token is not None:
            role = self.role_by_noun[_noun_key(role_token)]
            generic = self.dictionary.generic_id(state.country or state.id, role)
            actor_id, method = self._stand_in(generic, day, named_here, "role")
            start = min(
                span.start, role_token.left_edge.i if role_token.i > span.end else span.start
            )
            start = min(start, _determiner_start(role_token))
            return _mention(
                span.doc, start, max(span.end, role_token.i + 1), actor_id, method, role_token.i
            )
        titled = self._title_after(span)
        if titled is not None:
            token, role = titled
            generic = self.dictionary.generic_id(state.country or state.id, role)
            actor_id, method = self._stand_in(generic, day, named_here, "role")
            return _mention(span.doc, span.start, token.i + 1, actor_id, method, token.i)
        if (
            candidate.alias_kind == "demonym"
            and root.tag_ in ("NNS", "NNPS")
            and root.dep_ not in ("amod", "compound")
        ):
            # "Palestinians living in Gaza", "thousands of Iraqis": the people, not the state
            generic = self.dictionary.generic_id(state.country or state.id, "CVL")
            if self.dictionary.get(generic) is not None:
                return _mention(span.doc, span.start, span.end, generic, "role", root.i)
        if candidate.alias_kind == "capital" and _is_place_use(root):
            return None
        method = "capital" if candidate.alias_kind == "capital" else "dictionary"
        return _mention(span.doc, span.start, span.end, state.id, method, root.i)

    def _title_after(self, span: Span) -> tuple[Token, str] | None:
        """`British Defence Secretary Tom King`, `U.S. negotiator`: the office words that follow a
        country name give the person's role; the mention stops at the last office word."""
        doc = span.doc
        words: list[Token] = []
        for token in doc[span.end : min(len(doc), span.end + 6)]:
            # "Secretary of State", "Minister of Defence": office words may contain "of"
            if token.lower_ == "of" and words:
                words.append(token)
                continue
            if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ == "PERSON":
                break
            words.append(token)
        while words and words[-1].lower_ == "of":
            words.pop()
        for size in range(len(words), 0, -1):
            phrase = " ".join(t.lower_ for t in words[:size])
            last = words[size - 1].lower_
            role = self.role_by_title.get(phrase) or self.role_by_title.get(last)
            if role and (size > 1 or words[0].head.i != words[0].i or words[0].pos_ == "NOUN"):
                return words[size - 1], role
        return None

    def _role_head(self, span: Span) -> Token | None:
        """The role noun an actor span modifies: `Syrian [troops]`, `Iran's [military]`."""
        root = span.root
        if root.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod"):
            head = root.head
            if (
                head.i >= span.end
                and head.pos_ in ("NOUN", "PROPN", "ADJ")
                and _noun_key(head) in self.role_by_noun
            ):
                return head
        # "forces of Iran" is rare in news; a following role noun in the same phrase is not
        following = span.doc[span.end] if span.end < len(span.doc) else None
        if (
            following is not None
            and following.pos_ == "NOUN"
            and following.head.i == following.i
            and _noun_key(following) in self.role_by_noun
        ):
            return following
        return None

    def _stand_in(
        self, actor_id: str, day: date | None, named_here: set[str], method: str
    ) -> tuple[str, str]:
        stand_in = self.dictionary.stand_in(actor_id, day, named_here)
        if stand_in is not None:
            return stand_in.id, "stand-in"
        return actor_id, method

    # --- people known by apposition or title -----------------------------------------------------

    def _people(self, doc: Doc, out: ResolvedActors, day: date | None) -> None:
        for ent in doc.ents:
            if ent.label_ != "PERSON" or out.covers(ent.start, ent.end):
                continue
            affiliation, method = self._affiliation(ent, out)
            if affiliation is None:
                continue
            person = self._ad_hoc_person(ent, affiliation)
            out.new_actors.setdefault(person.id, person)
            out.add(
                _mention(doc, ent.start, ent.end, person.id, method, ent.root.i, label="PERSON")
            )

    def _affiliation(self, ent: Span, out: ResolvedActors) -> tuple[ActorEntry | None, str]:
        root = ent.root
        appositives = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            appositives.append(root.head)
        for phrase in appositives:
            for token in phrase.subtree:
                mention = out.at(token.i)
                if mention and mention.actor_id and token.i not in range(ent.start, ent.end):
                    entry = self._entry(mention.actor_id, out)
                    if entry is not None and not entry.is_person:
                        return self._with_title_role(entry, phrase), "apposition"
        for prep in root.children:
            # "King Hassan of Morocco", "President Museveni of Uganda"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    mention = out.at(obj.i)
                    entry = (
                        self._entry(mention.actor_id, out) if mention and mention.actor_id else None
                    )
                    if obj.dep_ == "pobj" and entry is not None and entry.kind == "state":
                        government = self.dictionary.get(
                            self.dictionary.generic_id(entry.country or entry.id, "GOV")
                        )
                        return government or entry, "title"
        left = [t for t in ent.doc[max(0, ent.start - 6) : ent.start]]
        for token in reversed(left):
            if token.is_punct and token.text != "-":
                break
            mention = out.at(token.i)
            if mention and mention.actor_id:
                entry = self._entry(mention.actor_id, out)
                if entry is not None and not entry.is_person:
                    title = ent.doc[token.i + 1 : ent.start]
                    return self._with_title_role(entry, title), "title"
        return None, ""

    def _with_title_role(self, entry: ActorEntry, phrase: Span | Token) -> ActorEntry:
        """`Iran` + `Foreign Minister` is the Iranian government."""
        if entry.kind != "state":
            return entry
        words = (
            phrase.text.lower()
            if isinstance(phrase, Span)
            else " ".join(t.text.lower() for t in phrase.subtree)
        )
        for title, role in self.role_by_title.items():
            if title in words:
                return (
                    self.dictionary.get(self.dictionary.generic_id(entry.country or entry.id, role))
                    or entry
                )
        return entry

    def _ad_hoc_person(self, ent: Span, affiliation: ActorEntry) -> ActorEntry:
        return ActorEntry(
            id="P_" + _slug(ent.text),
            name=ent.text,
            kind="person",
            country=affiliation.country,
            role=affiliation.role,
            affiliation=affiliation.id,
            origin="(resolved from text)",
        )

    def _entry(self, actor_id: str, out: ResolvedActors) -> ActorEntry | None:
        return self.dictionary.get(actor_id) or out.new_actors.get(actor_id)

    # --- roles placed by a state: "security forces in Guinea", "rebels of Ivory Coast" -----------

    def _located_roles(
        self, doc: Doc, out: ResolvedActors, day: date | None, named_here: set[str]
    ) -> None:
        for token in doc:
            key = _noun_key(token)
            if token.pos_ != "NOUN" or key not in self.role_by_noun or out.at(token.i) is not None:
                continue
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "of", "from"):
                    continue
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                mention = out.at(objects[0].i) if objects else None
                entry = (
                    self.dictionary.get(mention.actor_id) if mention and mention.actor_id else None
                )
                if entry is None or entry.kind != "state":
                    continue
                generic = self.dictionary.generic_id(
                    entry.country or entry.id, self.role_by_noun[key]
                )
                actor_id, method = self._stand_in(generic, day, named_here, "role")
                out.add(
                    _mention(doc, _determiner_start(token), token.i + 1, actor_id, method, token.i)
                )
                break

    # --- members: "a senior figure from the IRGC" ------------------------------------------------

    def _members(self, doc: Doc, out: ResolvedActors) -> None:
        for token in doc:
            if token.lower_ not in MEMBER_NOUNS or out.at(token.i) is not None:
                continue
            if token.dep_ == "appos" and out.at(token.head.i) is not None:
                continue
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("from", "of", "with", "in"):
                    continue
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                mention = out.at(objects[0].i) if objects else None
                if mention is None or not mention.actor_id:
                    continue
                entry = self._entry(mention.actor_id, out)
                if (
                    entry is None
                    or entry.is_person
                    or (entry.kind == "state" and prep.lower_ == "in")
                ):
                    continue
                start = _determiner_start(token)
                out.add(_mention(doc, start, token.i + 1, mention.actor_id, "member", token.i))
                break

    # --- entities the dictionary does not know ---------------------------------------------------

    def _unresolved(self, doc: Doc, out: ResolvedActors) -> None:
        for ent in doc.ents:
            if ent.label_ not in UNRESOLVED_LABELS or out.covers(ent.start, ent.end):
                continue
            text = ent.text.strip()
            if not any(ch.isalpha() for ch in text):
                continue
            if ent.label_ != "PERSON" and self.places is not None and self.places.lookup(text):
                continue  # the small model tags many towns as NORP or ORG
            actor_id = f"X_{ent.label_}_{_slug(text)}"
            out.new_actors.setdefault(
                actor_id, ActorEntry(id=actor_id, name=text, kind="unresolved", origin=ent.label_)
            )
            out.add(
                _mention(
                    doc, ent.start, ent.end, actor_id, "unresolved", ent.root.i, label=ent.label_
                )
            )

    # --- coreference -----------------------------------------------------------------------------

    def _coreference(
        self, doc: Doc, out: ResolvedActors, day: date | None, named_here: set[str]
    ) -> None:
        resolved = sorted((m for m in out.mentions if m.resolved), key=lambda m: m.token_start)
        for token in doc:
            if out.at(token.i) is not None:
                continue
            word = token.lower_
            anaphor = word in THING_PRONOUNS | PLURAL_PRONOUNS | PERSON_PRONOUNS
            noun_phrase = (
                word in GOVERNMENT_ANAPHORS | GROUP_ANAPHORS | STATE_ANAPHORS | ALLIANCE_ANAPHORS
                and token.pos_ == "NOUN"
                and any(
                    c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children
                )
                and not any(c.dep_ in ("amod", "compound", "poss") for c in token.children)
            )
            if not (anaphor or noun_phrase):
                continue
            if word in ("it", "them") and token.dep_ not in ("nsubj", "nsubjpass"):
                continue  # "attributing it to", "blamed it on": rarely an actor
            target = self._antecedent(token, resolved, out)
            if target is None:
                continue
            actor_id = target.actor_id or ""
            if word in GOVERNMENT_ANAPHORS:
                actor_id = self._government_of(actor_id, day, named_here, out)
            start = _determiner_start(token) if noun_phrase else token.i
            mention = _mention(doc, start, token.i + 1, actor_id, "coreference", token.i)
            out.add(mention)
            resolved.append(mention)
            resolved.sort(key=lambda m: m.token_start)

    def _antecedent(
        self, token: Token, resolved: list[Mention], out: ResolvedActors
    ) -> Mention | None:
        sentence = token.sent
        fits = [m for m in resolved if m.token_end <= token.i and self._compatible(token, m, out)]
        cataphor = self._cataphor(token, resolved, out)
        if cataphor is not None:
            return cataphor
        in_sentence = [m for m in fits if m.token_start >= sentence.start]
        subjects = [m for m in in_sentence if _is_subject(token.doc[m.head])]
        if subjects:
            return subjects[-1]
        previous = [m for m in fits if m.token_start < sentence.start]
        if previous:
            last_sentence_start = token.doc[previous[-1].head].sent.start
            last = [m for m in previous if m.token_start >= last_sentence_start]
            last_subjects = [m for m in last if _is_subject(token.doc[m.head])]
            if last_subjects and last_sentence_start >= _sentence_before(token):
                return last_subjects[0]
        if in_sentence:
            return in_sentence[-1]
        if previous and token.doc[previous[-1].head].sent.start >= _sentence_before(token):
            return previous[-1]
        return None

    def _cataphor(
        self, token: Token, resolved: list[Mention], out: ResolvedActors
    ) -> Mention | None:
        """`Observing its proxies weaken, Iran ...`: a pronoun in a fronted clause."""
        root = token.sent.root
        if not any(
            a.dep_ in ("advcl", "prep") and a.head == root and a.i < root.i for a in token.ancestors
        ):
            return None
        for child in root.children:
            if child.dep_ in SUBJECT_DEPS and child.i > token.i:
                mention = out.at(child.i)
                if mention and mention.resolved and self._compatible(token, mention, out):
                    return mention
        return None

    def _compatible(self, token: Token, mention: Mention, out: ResolvedActors) -> bool:
        if not mention.actor_id:
            return False
        entry = self._entry(mention.actor_id, out)
        if entry is None:
            return False
        word = token.lower_
        plural_mention = token.doc[mention.head].tag_ in ("NNS", "NNPS")
        if word in PERSON_PRONOUNS:
            return entry.is_person
        if entry.is_person:
            return False
        if word in THING_PRONOUNS:
            return not plural_mention
        if word in PLURAL_PRONOUNS:
            # "they" is most often a group or a plural; news also uses it for a country
            return plural_mention or entry.kind in GROUP_KINDS or entry.kind == "state"
        if word in GOVERNMENT_ANAPHORS:
            return entry.role == "GOV" or entry.kind in ("government", "state")
        if word in GROUP_ANAPHORS:
            return entry.kind in GROUP_KINDS or (
                entry.role in GROUP_ROLES and entry.kind != "state"
            )
        if word in STATE_ANAPHORS:
            return entry.kind == "state"
        if word in ALLIANCE_ANAPHORS:
            return entry.kind in ("alliance", "igo")
        return False

    def _government_of(
        self, actor_id: str, day: date | None, named_here: set[str], out: ResolvedActors
    ) -> str:
        entry = self._entry(actor_id, out)
        if entry is not None and entry.kind == "state":
            generic = self.dictionary.generic_id(entry.country or entry.id, "GOV")
            return self._stand_in(generic, day, named_here, "coreference")[0]
        return actor_id


def _mention(
    doc: Doc,
    start: int,
    end: int,
    actor_id: str | None,
    method: str,
    head: int,
    label: str = "ACTOR",
) -> Mention:
    span = doc[start:end]
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        actor_id=actor_id,
        label=label,
        method=method,
        confidence=CONFIDENCE.get(method, 0.5),
        token_start=start,
        token_end=end,
        head=head,
    )


def _is_subject(token: Token) -> bool:
    """A subject, or an apposition, conjunct or possessor attached to one."""
    for _ in range(3):
        if token.dep_ in SUBJECT_DEPS:
            return True
        if token.dep_ not in ("appos", "conj", "poss", "compound") or token.head is token:
            return False
        token = token.head
    return False


def _noun_key(token: Token) -> str:
    return token.lower_


def _determiner_start(token: Token) -> int:
    start = token.i
    for child in token.children:
        if child.i < token.i and child.dep_ in ("det", "amod", "compound", "nummod", "advmod"):
            start = min(start, child.left_edge.i)
    return start


def _is_place_use(token: Token) -> bool:
    """`in Damascus`, `to Tehran`: the capital is a place, not the government speaking."""
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    return token.dep_ in ("npadvmod", "appos") and token.head.pos_ != "VERB"


def _sentence_before(token: Token) -> int:
    start = token.sent.start
    if start == 0:
        return 0
    return token.doc[start - 1].sent.start


def _slug(text: str) -> str:
    return _SLUG.sub("_", text.upper()).strip("_")[:60] or "UNKNOWN"
