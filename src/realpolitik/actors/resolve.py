"""Resolution of every actor mention in a parsed document to the dictionary.

Works on a spaCy `Doc` that went through the actor ruler and the parser. Handles, in order:
dictionary spans (choosing among candidates by the article date), country + role phrases
(`Syrian military troops`, `Iranian officials`, `Iran's forces`), capitals used as actors,
membership phrases (`a senior figure from the IRGC`), people known only by apposition or title
(`X, Chief of Staff of the Iranian Armed Forces`), unresolved NER entities, and within-article
coreference (`it`, `its`, `they`, `the group`, `the regime`; in `actors.coreference`). Ethnic and
religious communities are `actors.communities`. It never writes to the store.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import Any, Protocol

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.communities import Communities
from realpolitik.actors.coreference import (
    GOVERNMENT_ANAPHORS,
    GROUP_KINDS,
    Coreference,
)
from realpolitik.actors.dictionary import (
    ActorDictionary,
    ActorEntry,
    inherited_prefix,
)
from realpolitik.actors.leaders import placed_leader_country
from realpolitik.actors.matcher import SPANS_KEY, Candidate
from realpolitik.actors.mentions import (
    MODIFIER_DEPS,
    Mention,
    ResolvedActors,
    phrase_start,
    span_mention,
)
from realpolitik.actors.placing import LOCAL_ROLES, placed_country, scene_country
from realpolitik.nlp.words import positions

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
# Nouns for a person of some body: in "rebel leaders" or "army officers" the modifier names the role
GENERIC_PERSON_NOUNS = frozenset(
    {
        "official",
        "officials",
        "leader",
        "leaders",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "commander",
        "commanders",
        "officer",
        "officers",
        "agent",
        "agents",
        "member",
        "members",
        "representative",
        "representatives",
        "delegation",
        "delegations",
        "envoy",
        "envoys",
        "chief",
        "chiefs",
        "head",
        "sources",
        "figures",
        "candidates",
        "candidate",
    }
)
UNRESOLVED_LABELS = frozenset({"PERSON", "ORG", "NORP"})
LOCATED_PREPOSITIONS = frozenset({"in", "of", "from", "throughout", "across"})
PLACE_NOUNS = frozenset({"town", "towns", "village", "villages"})
FORMER_WORDS = frozenset(
    {"former", "ex", "ousted", "deposed", "toppled", "overthrown", "onetime", "erstwhile"}
)
# words that put a role phrase beyond any one state: "a regional peacekeeping force"
BEYOND_STATE_WORDS = frozenset(
    {"international", "multinational", "regional", "foreign", "western", "allied", "coalition"}
)
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
        self.communities = Communities(self)
        self.coreference = Coreference(self)
        self.persons_by_surname: dict[str, list[ActorEntry]] = {}
        for entry in dictionary.entries.values():
            if entry.is_person and " " in entry.name:
                surname = entry.name.split()[-1].lower()
                self.persons_by_surname.setdefault(surname, []).append(entry)

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
        self.communities.resolve(doc, spans, out, day)
        for span in spans:
            mention = self._dictionary_span(span, day, named_here, out)
            if mention is not None and not out.covers(mention.token_start, mention.token_end):
                out.add(mention)
        self._surnames(doc, out, day, named_here)
        self._people(doc, out, day)
        self._placed_leaders(doc, out)
        self._located_roles(doc, out, day, named_here)
        self._members(doc, out)
        self._unresolved(doc, out)
        self.coreference.resolve(doc, out, day, named_here)
        self._role_only(doc, out)
        return out

    # --- dictionary spans ------------------------------------------------------------------------

    def skim(self, spans: Iterable[Span], day: date | None = None) -> list[Mention]:
        """Mentions of dictionary names in text that was not parsed (selective parsing): each
        span's date-valid candidate; no roles, titles, places or coreference, which need the
        parse. Demonyms and capitals are left out: without a parse they may be places."""
        mentions: list[Mention] = []
        for span in spans:
            named = [c for c in span._.rp_candidates if c.alias_kind in ("alias", "name")]
            chosen = self.choose(named, day)
            if chosen is not None:
                mentions.append(
                    span_mention(
                        span.doc, span.start, span.end, chosen[0].id, "dictionary", span.root.i
                    )
                )
        return mentions

    def choose(
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
        chosen = self.choose(span._.rp_candidates, day)
        if chosen is None:
            return None
        entry, candidate = chosen
        if entry.kind == "state":
            return self._state_span(span, entry, candidate, day, named_here)
        root = span.root
        if entry.is_person and entry.country and root.dep_ == "poss" and root.head.i >= span.end:
            # "Djindjic's opposition allies": the role in the person's country
            role = self.role_of(root.head, span.end)
            if role is not None and root.head.lower_ not in GOVERNMENT_ANAPHORS:
                generic = self.dictionary.generic_id(entry.country, role)
                actor_id, method = self.stand_in(generic, day, named_here, "role")
                head = root.head
                out.add(
                    span_mention(span.doc, span.start, span.end, entry.id, "dictionary", root.i)
                )
                start = span.end + 1 if span.doc[span.end].tag_ == "POS" else span.end
                return span_mention(span.doc, start, head.i + 1, actor_id, method, head.i)
        if entry.country is None and entry.kind in GROUP_KINDS:
            branch = self._national_branch(span, entry, out)
            if branch is not None:
                # "Egypt's Muslim Brotherhood": the national branch of a transnational group
                out.new_actors.setdefault(branch.id, branch)
                return span_mention(span.doc, span.start, span.end, branch.id, "dictionary", root.i)
        if (
            entry.is_person
            and entry.affiliation
            and root.dep_ in ("poss", "compound")
            and root.head.lower_ in GOVERNMENT_ANAPHORS
        ):
            # "Assad's regime", "the Netanyahu government": the government the person leads
            head = root.head
            actor_id, method = self.stand_in(entry.affiliation, day, named_here, "role")
            return span_mention(
                span.doc,
                min(span.start, phrase_start(head)),
                head.i + 1,
                actor_id,
                method,
                head.i,
            )
        if entry.kind in ("igo", "alliance"):
            person = self._person_modified(span, entry, day)
            if person is not None:
                # "U.N. Secretary-General Kofi Annan": the organisation names the person's post
                return span_mention(span.doc, span.start, span.end, person.id, "dictionary", root.i)
            role_head = self._role_head(span)
            if role_head is not None:
                # "UN peacekeepers", "NATO officials": a branch of the organisation
                role_token, role = role_head
                branch = self._branch(entry, role)
                out.new_actors.setdefault(branch.id, branch)
                end = max(span.end, role_token.i + 1)
                return span_mention(span.doc, span.start, end, branch.id, "role", role_token.i)
            titled = self._title_after(span)
            if titled is not None:
                # "UN Secretary-General", "NATO spokesman": the organisation's own officials
                token, role = titled
                branch = self._branch(entry, "GOV" if role == "IGO" else role)
                out.new_actors.setdefault(branch.id, branch)
                return span_mention(span.doc, span.start, token.i + 1, branch.id, "role", token.i)
        if entry.is_person and self._former(span):
            # "former president X", "ousted leader X": CAMEO codes former office holders ELI
            former = self._as_former(entry)
            out.new_actors.setdefault(former.id, former)
            return span_mention(span.doc, span.start, span.end, former.id, "dictionary", root.i)
        actor_id, method = self.stand_in(entry.id, day, named_here, "dictionary")
        return span_mention(span.doc, span.start, span.end, actor_id, method, span.root.i)

    def _person_modified(
        self, span: Span, entry: ActorEntry, day: date | None
    ) -> ActorEntry | None:
        root = span.root
        if root.dep_ not in ("compound", "nmod") or root.head.i < span.end:
            return None
        for other in span.doc.spans.get(SPANS_KEY, ()):
            if other.start >= span.end and other.start <= root.head.i < other.end:
                chosen = self.choose(other._.rp_candidates, day)
                if chosen is None or not chosen[0].is_person:
                    return None
                person = chosen[0]
                chain = {person.affiliation, *(a.id for a in self._chain(person))}
                return person if entry.id in chain else None
        return None

    def _national_branch(
        self, span: Span, entry: ActorEntry, out: ResolvedActors
    ) -> ActorEntry | None:
        for child in span.root.children:
            if child.dep_ != "poss" or child.i >= span.start:
                continue
            mention = out.at(child.i)
            state = self.entry(mention.actor_id, out) if mention and mention.actor_id else None
            if state is None or state.kind != "state" or not state.country:
                continue
            return ActorEntry(
                id=f"{entry.id}_{state.country}",
                name=f"{entry.name} ({state.name})",
                kind=entry.kind,
                country=state.country,
                role=entry.role,
                parent=entry.id,
                origin="(national branch)",
            )
        return None

    def _chain(self, entry: ActorEntry) -> list[ActorEntry]:
        start = self.dictionary.get(entry.affiliation) if entry.affiliation else None
        if start is None:
            return []
        return [start, *self.dictionary.ancestors(start.id)]

    def _branch(self, entry: ActorEntry, role: str) -> ActorEntry:
        if entry.role == role:
            return entry
        role_name = (
            self.dictionary.roles[role].name.lower() if role in self.dictionary.roles else role
        )
        return ActorEntry(
            id=f"{entry.id}_{role}",
            # "United Nations (military)": an organisation's branch, not "United Nations military"
            name=f"{entry.name} ({role_name})",
            kind=entry.kind,
            country=entry.country,
            role=role,
            parent=entry.id,
            origin="(organisation and role)",
            prefix=inherited_prefix(entry),
        )

    def _former(self, span: Span) -> bool:
        """`former President X`, `ex-premier X`, `ousted leader X`: the person no longer holds
        the office named before the name."""
        doc = span.doc
        for token in reversed(doc[max(0, span.start - 5) : span.start]):
            if token.lower_ in FORMER_WORDS:
                return True
            if token.text == "-":
                continue
            if token.pos_ not in ("NOUN", "PROPN", "ADJ") or token.ent_type_ == "PERSON":
                return False
        return False

    def _as_former(self, entry: ActorEntry) -> ActorEntry:
        return replace(
            entry,
            id=f"{entry.id}_FORMER" if not entry.id.endswith("_FORMER") else entry.id,
            role="ELI",
            aliases=(),
            default_for=None,
            origin="(former office holder)",
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
        role_head = self._role_head(span)
        if role_head is not None and _is_place_noun_use(role_head[0]):
            role_head = None  # "in the Syrian town of X": a place, not its people
        if role_head is not None:
            role_token, role = role_head
            generic = self.dictionary.generic_id(state.country or state.id, role)
            actor_id, method = self.stand_in(generic, day, named_here, "role")
            between = span.doc[span.end : role_token.i]
            if root.dep_ == "conj" or any(t.dep_ in ("cc", "conj") for t in between):
                # "Hungarian and Romanian officials": one mention per country, the last
                # conjunct takes the noun
                end = span.end if any(t.dep_ == "conj" for t in between) else role_token.i + 1
                return span_mention(
                    span.doc, span.start, max(span.end, end), actor_id, method, root.i
                )
            start = min(
                span.start, role_token.left_edge.i if role_token.i > span.end else span.start
            )
            start = min(start, phrase_start(role_token))
            return span_mention(
                span.doc, start, max(span.end, role_token.i + 1), actor_id, method, role_token.i
            )
        titled = self._title_after(span)
        if titled is not None:
            token, role = titled
            generic = self.dictionary.generic_id(state.country or state.id, role)
            actor_id, method = self.stand_in(generic, day, named_here, "role")
            return span_mention(span.doc, span.start, token.i + 1, actor_id, method, token.i)
        if (
            candidate.alias_kind == "demonym"
            and root.tag_ in ("NNS", "NNPS")
            and root.dep_ not in ("amod", "compound")
        ):
            # "Palestinians living in Gaza", "thousands of Iraqis": the people, not the state
            generic = self.dictionary.generic_id(state.country or state.id, "CVL")
            if self.dictionary.get(generic) is not None:
                return span_mention(span.doc, span.start, span.end, generic, "role", root.i)
        if candidate.alias_kind == "capital":
            if _is_place_use(root) or _is_dateline(span):
                return None
            # CAMEO: a capital acting ("Moscow rejected the plan") is the government
            generic = self.dictionary.generic_id(state.country or state.id, "GOV")
            actor_id, method = self.stand_in(generic, day, named_here, "capital")
            return span_mention(span.doc, span.start, span.end, actor_id, method, root.i)
        return span_mention(span.doc, span.start, span.end, state.id, "dictionary", root.i)

    def _title_after(self, span: Span) -> tuple[Token, str] | None:
        """`British Defence Secretary Tom King`, `U.S. negotiator`: the office words that follow a
        country name give the person's role; the mention stops at the last office word."""
        doc = span.doc
        words: list[Token] = []
        begin = span.end
        if begin < len(doc) and doc[begin].tag_ == "POS":
            begin += 1  # "Iraq's national security adviser"
        for token in doc[begin : min(len(doc), begin + 6)]:
            # "Secretary of State", "Minister of Defence": office words may contain "of"
            if (token.lower_ == "of" or token.text == "-") and words:
                words.append(token)  # "Secretary-General" is three tokens
                continue
            if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ == "PERSON":
                break
            words.append(token)
        while words and words[-1].lower_ in ("of", "-"):
            words.pop()
        for size in range(len(words), 0, -1):
            phrase = " ".join(t.lower_ for t in words[:size]).replace(" - ", "-")
            last = words[size - 1].lower_
            role = self.role_by_title.get(phrase) or self.role_by_title.get(last)
            if role and (size > 1 or words[0].head.i != words[0].i or words[0].pos_ == "NOUN"):
                return words[size - 1], role
        return None

    def _role_head(self, span: Span) -> tuple[Token, str] | None:
        """The role noun an actor span modifies: `Syrian [troops]`, `Iran's [military]`,
        `Israeli army [bulldozers]`; in `Hungarian and [Romanian] officials` both conjuncts
        modify `officials`."""
        root = span.root
        if root.dep_ == "conj" and root.head.i < span.start:
            # "Hungarian and Romanian officials": the first conjunct carries the attachment
            first = root.head
            while first.dep_ == "conj" and first.head.i < first.i:
                first = first.head
            if first.dep_ in ("amod", "compound", "nmod", "poss"):
                root = first
        if root.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod"):
            head = root.head
            if head.lower_ == "led" and head.dep_ == "amod" and head.head.i > head.i:
                head = head.head  # "Vietnamese-led forces" are the leader's; "-backed" are not
            if head.i >= span.end and head.pos_ in ("NOUN", "PROPN", "ADJ"):
                role = self.role_of(head, span.end)
                if role is not None:
                    return head, role
        # "forces of Iran" is rare in news; a following role noun in the same phrase is not
        following = span.doc[span.end] if span.end < len(span.doc) else None
        if (
            following is not None
            and following.pos_ == "NOUN"
            and following.head.i == following.i
            and _noun_key(following) in self.role_by_noun
        ):
            return following, self.role_by_noun[_noun_key(following)]
        return None

    def role_of(self, head: Token, lower: int = 0) -> str | None:
        """The role a noun phrase ending at `head` names, from the head and the modifiers right
        before it (never before token `lower`): a listed phrase (`armed groups`, `security
        chief`) first; then a modifier that names a role (`[rebel] leaders`, `[army] officers`,
        `[police] custody`, `[civilian] advisers`), which wins over a generic person noun; then
        the head alone."""
        doc = head.doc
        start = head.i
        while (
            start - 1 >= lower
            and doc[start - 1].dep_ in MODIFIER_DEPS
            and doc[start - 1].head.i in range(start, head.i + 1)
            and doc[start - 1].pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
        ):
            start -= 1
        words = [t.lower_ for t in doc[start : head.i + 1]]
        for size in range(len(words), 1, -1):
            phrase = " ".join(words[-size:])
            role = self.role_by_noun.get(phrase) or self.role_by_title.get(phrase)
            if role is not None:
                return role
        head_role = self.role_by_noun.get(words[-1])
        modifiers = words[:-1]
        for size in range(len(modifiers), 0, -1):
            for first in range(len(modifiers) - size, -1, -1):
                phrase = " ".join(modifiers[first : first + size])
                role = self.role_by_noun.get(phrase)
                if role is None or (role == "GOV" and head_role is not None):
                    continue  # "government soldiers" are soldiers
                if head_role is None or words[-1] in GENERIC_PERSON_NOUNS or role != "CVL":
                    return role
        return head_role

    def stand_in(
        self, actor_id: str, day: date | None, named_here: set[str], method: str
    ) -> tuple[str, str]:
        stand_in = self.dictionary.stand_in(actor_id, day, named_here)
        if stand_in is not None:
            return stand_in.id, "stand-in"
        return actor_id, method

    # --- people known by surname: "President Bush", "Mr Netanyahu" ------------------------------

    def _surnames(
        self, doc: Doc, out: ResolvedActors, day: date | None, named_here: set[str]
    ) -> None:
        for ent in doc.ents:
            if ent.label_ != "PERSON" or out.covers(ent.start, ent.end):
                continue
            words = [t for t in ent if t.lower_ not in self.role_by_title]
            if len(words) != 1:
                continue
            surname = words[0]
            candidates = self.persons_by_surname.get(surname.lower_, [])
            named = [c for c in candidates if c.id in named_here]
            titled = surname.i > 0 and doc[surname.i - 1].lower_ in self.role_by_title
            if named:
                candidates = named
            elif not titled:
                continue  # a bare surname may be anybody's
            valid = [c for c in candidates if c.valid_on(day)]
            if not valid or len({c.code for c in valid}) != 1:
                continue  # unknown here, or people of different codes share the name
            person = valid[0]
            if self._former(ent):
                person = self._as_former(person)
                out.new_actors.setdefault(person.id, person)
            out.add(
                span_mention(doc, surname.i, surname.i + 1, person.id, "title", surname.i, "PERSON")
            )

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
                span_mention(doc, ent.start, ent.end, person.id, method, ent.root.i, label="PERSON")
            )

    def _placed_leaders(self, doc: Doc, out: ResolvedActors) -> None:
        """`President X imposed a curfew in Algiers`: an unknown leader of where it happens."""
        for ent in doc.ents:
            if ent.label_ != "PERSON" or out.covers(ent.start, ent.end):
                continue
            country = placed_leader_country(
                ent, out, self._state_of, self._country_of_place, self._actor_country(out)
            )
            government = (
                self.dictionary.get(self.dictionary.generic_id(country, "GOV"))
                if country is not None
                else None
            )
            if government is None:
                continue
            person = self._ad_hoc_person(ent, government)
            out.new_actors.setdefault(person.id, person)
            out.add(
                span_mention(
                    doc, ent.start, ent.end, person.id, "title", ent.root.i, label="PERSON"
                )
            )

    def _actor_country(self, out: ResolvedActors) -> Callable[[str], str | None]:
        def country(actor_id: str) -> str | None:
            entry = self.entry(actor_id, out)
            if entry is None:
                return None
            return entry.country or (entry.id if entry.kind == "state" else None)

        return country

    def _affiliation(self, ent: Span, out: ResolvedActors) -> tuple[ActorEntry | None, str]:
        root = ent.root
        appositives = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            appositives.append(root.head)
        for phrase in appositives:
            for token in phrase.subtree:
                mention = out.at(token.i)
                if mention and mention.actor_id and token.i not in range(ent.start, ent.end):
                    entry = self.entry(mention.actor_id, out)
                    if entry is not None and not entry.is_person:
                        return self._with_title_role(entry, phrase), "apposition"
        for prep in root.children:
            # "King Hassan of Morocco", "President Museveni of Uganda"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    mention = out.at(obj.i)
                    entry = (
                        self.entry(mention.actor_id, out) if mention and mention.actor_id else None
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
                entry = self.entry(mention.actor_id, out)
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
        person = ActorEntry(
            id="P_" + _slug(ent.text),
            name=ent.text,
            kind="person",
            country=affiliation.country,
            role=affiliation.role,
            affiliation=affiliation.id,
            origin="(resolved from text)",
            prefix=inherited_prefix(affiliation),
        )
        return self._as_former(person) if self._former(ent) else person

    def entry(self, actor_id: str, out: ResolvedActors) -> ActorEntry | None:
        return self.dictionary.get(actor_id) or out.new_actors.get(actor_id)

    # --- roles placed by a state: "security forces in Guinea", "rebels of Ivory Coast" -----------

    def _located_roles(
        self, doc: Doc, out: ResolvedActors, day: date | None, named_here: set[str]
    ) -> None:
        for token in doc:
            if token.pos_ != "NOUN" or out.at(token.i) is not None:
                continue
            role = self.role_of(token)
            if role is None or _is_place_noun_use(token):
                continue
            fled = self._fled_state(token, out) if role == "REF" else None
            if fled is not None:
                # "refugees fleeing the war in Liberia" are Liberian refugees
                generic = self.dictionary.generic_id(fled.country or fled.id, role)
                out.add(
                    span_mention(doc, phrase_start(token), token.i + 1, generic, "role", token.i)
                )
                continue
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in LOCATED_PREPOSITIONS:
                    continue
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                mention = out.at(objects[0].i) if objects else None
                entry = (
                    self.dictionary.get(mention.actor_id) if mention and mention.actor_id else None
                )
                if entry is None or entry.kind != "state":
                    continue
                generic = self.dictionary.generic_id(entry.country or entry.id, role)
                actor_id, method = self.stand_in(generic, day, named_here, "role")
                out.add(
                    span_mention(doc, phrase_start(token), token.i + 1, actor_id, method, token.i)
                )
                break
            else:
                # "police in Lagos", "demonstrators in Baghdad": people of the place named
                country = (
                    placed_country(token, out, self._state_of, self._country_of_place)
                    if role in LOCAL_ROLES
                    else None
                )
                if country is not None and self.dictionary.get(country) is not None:
                    generic = self.dictionary.generic_id(country, role)
                    actor_id, method = self.stand_in(generic, day, named_here, "role")
                    out.add(
                        span_mention(
                            doc, phrase_start(token), token.i + 1, actor_id, method, token.i
                        )
                    )

    def _state_of(self, actor_id: str) -> str | None:
        entry = self.dictionary.get(actor_id)
        return (entry.country or entry.id) if entry is not None and entry.kind == "state" else None

    def _country_of_place(self, text: str) -> str | None:
        place = self.places.lookup(text) if self.places is not None else None
        country = getattr(place, "country", None)
        return country if isinstance(country, str) else None

    # --- roles with no country in reach: "gunmen opened fire", "the government said" -----------

    def _role_only(self, doc: Doc, out: ResolvedActors) -> None:
        """A role noun still unresolved after every other pass, with no country and no proper
        name in reach, is the role alone: `ROLE_REB`, code `---REB`, as CAMEO codes an actor
        whose country the text does not give (`gunmen opened fire`, `the cabinet thanked
        Norway`). A phrase naming another actor (`Syrian-backed rebels`), an unknown name or a
        place (`rebels in Darfur`) or other states (`a regional force`) is left alone."""
        for token in doc:
            if token.pos_ != "NOUN" or out.at(token.i) is not None:
                continue
            if token.dep_ in MODIFIER_DEPS or _is_place_noun_use(token):
                continue  # "rebel-held", "government forces": the head noun carries the phrase
            if _noun_key(token) not in self.role_by_noun:
                continue  # "military equipment": a thing, whatever its modifier says
            role = self.role_of(token)
            if role is None:
                continue
            start = phrase_start(token)
            phrase = range(min(start, token.left_edge.i), token.right_edge.i + 1)
            if any(out.at(i) is not None or doc[i].pos_ == "PROPN" for i in phrase):
                continue  # another actor, a place or an unknown name may give its country
            if any(doc[i].lower_ in BEYOND_STATE_WORDS for i in phrase):
                continue  # "a regional peacekeeping force", "foreign troops": not of no state
            actor_id = self.dictionary.role_only_id(role)
            shared = self._conjunct_country(token, out)
            if shared is not None and self.dictionary.get(shared) is not None:
                # "Turkish helicopters and tanks": the second noun shares the first's country
                actor_id = self.dictionary.generic_id(shared, role)
            elif role in LOCAL_ROLES:
                # "thousands of people marched in Cairo": the people of where it happens
                country = scene_country(
                    token.sent, out, self._state_of, self._country_of_place, phrase
                )
                if country is not None and self.dictionary.get(country) is not None:
                    actor_id = self.dictionary.generic_id(country, role)
            if self.dictionary.get(actor_id) is None:
                continue
            out.add(span_mention(doc, start, token.i + 1, actor_id, "role", token.i))

    def _conjunct_country(self, token: Token, out: ResolvedActors) -> str | None:
        """The country of the noun a bare role noun is coordinated with: in `Israeli police and
        soldiers` the modifier scopes over both nouns, as readers take it."""
        if token.dep_ != "conj" or any(c.dep_ in MODIFIER_DEPS for c in token.children):
            return None
        mention = out.at(token.head.i)
        entry = self.entry(mention.actor_id, out) if mention and mention.actor_id else None
        if entry is None or entry.is_person or entry.kind == "unresolved":
            return None
        return entry.country

    def _fled_state(self, token: Token, out: ResolvedActors) -> ActorEntry | None:
        """The state refugees flee: `refugees fleeing (the fighting in) Sudan`."""
        for clause in token.children:
            if clause.dep_ not in ("acl", "relcl") or clause.lemma_.lower() != "flee":
                continue
            for part in clause.subtree:
                mention = out.at(part.i)
                entry = (
                    self.dictionary.get(mention.actor_id) if mention and mention.actor_id else None
                )
                if entry is not None and entry.kind == "state":
                    return entry
        return None

    # --- members: "a senior figure from the IRGC" ------------------------------------------------

    def _members(self, doc: Doc, out: ResolvedActors) -> None:
        for index in positions(doc, MEMBER_NOUNS):
            token = doc[index]
            if out.at(token.i) is not None:
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
                entry = self.entry(mention.actor_id, out)
                if (
                    entry is None
                    or entry.is_person
                    or (entry.kind == "state" and prep.lower_ == "in")
                ):
                    continue
                start = phrase_start(token)
                out.add(span_mention(doc, start, token.i + 1, mention.actor_id, "member", token.i))
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
                span_mention(
                    doc, ent.start, ent.end, actor_id, "unresolved", ent.root.i, label=ent.label_
                )
            )


def _noun_key(token: Token) -> str:
    return token.lower_


def _is_place_use(token: Token) -> bool:
    """`in Damascus`, `to Tehran`: the capital is a place, not the government speaking."""
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    return token.dep_ in ("npadvmod", "appos") and token.head.pos_ != "VERB"


def _is_dateline(span: Span) -> bool:
    """`BEIRUT, March 4 (Wire) -`: the place a story was filed from opens a line in capitals."""
    doc = span.doc
    at_line_start = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    following = doc[span.end] if span.end < len(doc) else None
    return (
        at_line_start
        and span.text.isupper()
        and following is not None
        and following.text in (",", "-", "(")
    )


def _is_place_noun_use(token: Token) -> bool:
    """`in the Syrian town of X`: a settlement noun used as a place names no actor."""
    return token.lower_ in PLACE_NOUNS and _is_place_use(token)


def _slug(text: str) -> str:
    return _SLUG.sub("_", text.upper()).strip("_")[:60] or "UNKNOWN"
