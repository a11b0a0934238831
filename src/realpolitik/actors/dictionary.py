"""The actor dictionary: who is who, loaded from YAML data files and validated at start.

Files are YAML lists of entries (see docs/actor-conventions.md). The bundled files come first; a
user's files (`--actors`, `REALPOLITIK_ACTORS`, `realpolitik actors add`) extend them and may
override a bundled entry by repeating its id. Generic state agencies (`SYR_GOV`, `IRN_MIL`) exist
for every state and role without being listed. This module validates and indexes; it does not
match text (see `actors.matcher`) or choose between candidates (see `actors.resolve`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from realpolitik.errors import ConfigError
from realpolitik.pickle_cache import digest_of, load_or_build
from realpolitik.yamlio import SafeLoader

KINDS = frozenset(
    {
        "state",
        "agency",
        "group",
        "party",
        "igo",
        "alliance",
        "government",
        "person",
        "media",
        "ngo",
        "business",
        "unresolved",
    }
)
_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")
_GENERIC = re.compile(r"^(?P<country>[A-Z]{3})_(?P<role>[A-Z]{3})$")
# `SRB_CVL_ALB`: a country's role phrase for one ethnic or religious community
_COMMUNITY_GENERIC = re.compile(
    r"^(?P<country>[A-Z]{3})_(?P<role>[A-Z]{3})_(?P<community>[A-Z]{3})$"
)
_CODE3 = re.compile(r"^[A-Z]{3}$")
# `ROLE_REB`: a role named with no country in reach ("gunmen opened fire"), coded `---REB` as
# CAMEO codes an actor whose country is unknown
_ROLE_ONLY = re.compile(r"^ROLE_(?P<role>[A-Z]{3})$")
ROLE_ONLY_PREFIX = "---"


def is_role_only(actor_id: str | None) -> bool:
    """Whether an id names a role with no country (`ROLE_REB`): every unplaced "gunmen" of
    every article is that one id, so it is coded but is no party to networks or shifts."""
    return bool(actor_id) and _ROLE_ONLY.match(actor_id or "") is not None


COMMUNITY_KINDS = frozenset({"ethnic", "religious"})
_NO_COUNTRY_PREFIX = {"igo": "IGO", "alliance": "IGO", "ngo": "NGO", "business": "MNC"}
_FIELDS = {
    "id",
    "name",
    "kind",
    "country",
    "role",
    "parent",
    "affiliation",
    "title",
    "members",
    "aliases",
    "demonyms",
    "capitals",
    "valid_from",
    "valid_to",
    "default_for",
    "wikidata",
    "notes",
    "leader",
    "community",
}


@dataclass(frozen=True)
class Role:
    """A CAMEO role with the nouns and titles that signal it."""

    code: str
    name: str
    nouns: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Community:
    """An ethnic or religious group with its CAMEO third-level code (`KUR`, `ALB`, `SHI`).

    `forms` are the words that name it (`Kurd`, `Kurds`, `Kurdish`). `namesake` is the state
    whose demonym the forms share (`ALB` for Albanians): such a form names the community only
    when marked (`ethnic Albanians`) or placed in another state (`Albanians of southern
    Serbia`, `Bosnian Serbs`). `homes` are its main countries of settlement, used when the
    sentence names no country for it."""

    code: str
    name: str
    kind: str
    forms: tuple[str, ...] = ()
    namesake: str | None = None
    homes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the dictionary."""

    id: str
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    parent: str | None = None
    affiliation: str | None = None
    title: str | None = None
    members: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    default_for: str | None = None
    wikidata: str | None = None
    origin: str = ""
    # Code prefix of an actor with no country, set from the body it sits in (a UN envoy is
    # `IGO`, a Red Cross delegate `NGO`); see `ActorDictionary.validate`.
    prefix: str | None = None
    # CAMEO third-level code of the ethnic or religious community the actor belongs to
    # (`KUR` for the PKK, `ALB` for ethnic Albanian civilians in Serbia); see `Community`.
    community: str | None = None

    @property
    def code(self) -> str:
        """CAMEO-style code: country + role (`SYRGOV`), then the community's code when the actor
        has one (`IRQCVLKUR`); without a country, `IGO` for IGOs and alliances and those serving
        them, `NGO` for NGOs, `MNC` for businesses, otherwise `IMG` (transnational groups)."""
        if self.kind == "state":
            return self.country or self.id
        prefix = self.country or self.prefix or _NO_COUNTRY_PREFIX.get(self.kind, "IMG")
        if self.role == prefix:
            return prefix + (self.community or "")  # "IGO" rather than "IGOIGO"
        return prefix + (self.role or "") + (self.community or "")

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)

    @property
    def is_person(self) -> bool:
        return self.kind == "person"


def inherited_prefix(entry: ActorEntry) -> str | None:
    """The code prefix an actor passes on to what sits inside it when it has no country."""
    if entry.country:
        return None
    return entry.prefix or _NO_COUNTRY_PREFIX.get(entry.kind)


class _LineLoader(SafeLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that remembers the line of every mapping, for error messages."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _mapping_with_line,  # type: ignore[arg-type]
)


@dataclass
class ActorDictionary:
    """All actors and roles, indexed by id."""

    entries: dict[str, ActorEntry] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    communities: dict[str, Community] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    _stand_in_index: tuple[int, dict[str, list[ActorEntry]]] | None = field(
        default=None, repr=False, compare=False
    )

    # --- loading ---------------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_files: Sequence[Path] = (), *, bundled: bool = True) -> ActorDictionary:
        """Bundled files, then the user's; validated as a whole."""
        files = list(bundled_files()) if bundled else []
        files += _expand(extra_files)
        dictionary = cls()
        for path in files:
            dictionary._load_file(path)
        dictionary.files = tuple(str(p) for p in files)
        dictionary.validate()
        return dictionary

    def _load_file(self, path: Path) -> None:
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read actor file ({exc.strerror})") from exc
        try:
            data = yaml.load(raw, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path} line {mark.line + 1}" if mark else str(path)
            raise ConfigError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
        if data is None:
            return
        if isinstance(data, dict) and "communities" in data:
            for item in data["communities"] or []:
                community = _parse_community(item, path)
                self.communities[community.code] = community
            return
        if isinstance(data, dict) and "roles" in data:
            data = data["roles"]
        if _is_role_list(data):
            for item in data:
                role = _parse_role(item, path)
                self.roles[role.code] = role
            return
        if isinstance(data, dict) and "actors" in data:
            data = data["actors"]
        if not isinstance(data, list):
            raise ConfigError(f"{path}: expected a list of actor entries")
        for item in data:
            entry = _parse_entry(item, path)
            self.entries[entry.id] = entry

    def validate(self) -> None:
        """Cross-entry checks: references exist, roles are known, no parent cycles."""
        for entry in self.entries.values():
            where = entry.origin
            if entry.role and self.roles and entry.role not in self.roles:
                raise ConfigError(f"{where}: unknown role {entry.role!r} for {entry.id}")
            if entry.community and entry.community not in self.communities:
                raise ConfigError(f"{where}: unknown community {entry.community!r} for {entry.id}")
            for ref_name in ("parent", "affiliation", "default_for"):
                ref = getattr(entry, ref_name)
                if ref and self.get(ref) is None:
                    raise ConfigError(f"{where}: {ref_name} {ref!r} of {entry.id} is not an actor")
            for member in entry.members:
                if self.get(member) is None:
                    raise ConfigError(f"{where}: member {member!r} of {entry.id} is not an actor")
            self._check_no_cycle(entry)
        for actor_id, entry in list(self.entries.items()):
            prefix = self.prefix_of(entry)
            if prefix is not None and prefix != entry.prefix:
                self.entries[actor_id] = replace(entry, prefix=prefix)

    def prefix_of(self, entry: ActorEntry) -> str | None:
        """The code prefix of a country-less actor inside an IGO or NGO (`IGO`, `NGO`), from its
        parent or affiliation chain; None when it has a country or sits in no such body."""
        if entry.country or entry.kind == "state":
            return None
        current: ActorEntry | None = entry
        for _ in range(20):
            if current is None:
                return None
            if current is not entry and current.country:
                return None
            if current.kind in _NO_COUNTRY_PREFIX and current is not entry:
                return _NO_COUNTRY_PREFIX[current.kind]
            ref = current.parent or current.affiliation
            current = self.get(ref) if ref else None
        return None

    def _check_no_cycle(self, entry: ActorEntry) -> None:
        seen = {entry.id}
        current = entry
        while current.parent:
            if current.parent in seen:
                raise ConfigError(f"{entry.origin}: parent cycle through {current.parent}")
            seen.add(current.parent)
            parent = self.get(current.parent)
            if parent is None:
                return
            current = parent

    # --- look-ups --------------------------------------------------------------------------------

    def get(self, actor_id: str) -> ActorEntry | None:
        """An entry by id; generic `<ISO3>_<ROLE>` agencies and role-only `ROLE_<ROLE>` actors
        are made up on demand."""
        entry = self.entries.get(actor_id)
        if entry is not None:
            return entry
        return self._generic(actor_id)

    def __getitem__(self, actor_id: str) -> ActorEntry:
        entry = self.get(actor_id)
        if entry is None:
            raise KeyError(actor_id)
        return entry

    def generic_id(self, country: str, role: str | None, community: str | None = None) -> str:
        if community and role:
            return f"{country}_{role}_{community}"
        return f"{country}_{role}" if role else country

    def role_only_id(self, role: str) -> str:
        """The id of a role with no country (`ROLE_REB`, code `---REB`)."""
        return f"ROLE_{role}"

    def _generic(self, actor_id: str) -> ActorEntry | None:
        match = _ROLE_ONLY.match(actor_id)
        if match:
            # "ROLE_REB": rebels of no known country; country None, code `---REB`
            role_only = self.roles.get(match["role"])
            if role_only is None:
                return None
            return ActorEntry(
                id=actor_id,
                name=f"{role_only.name} (no country)",
                kind="agency",
                role=role_only.code,
                origin="(role only)",
                prefix=ROLE_ONLY_PREFIX,
            )
        match = _COMMUNITY_GENERIC.match(actor_id)
        if match:
            # "SRB_CVL_ALB": the generic agency "SRB_CVL" for one community
            community = self.communities.get(match["community"])
            base = self._generic(f"{match['country']}_{match['role']}")
            if community is None or base is None:
                return None
            return replace(
                base,
                id=actor_id,
                name=f"{base.name} ({community.name})",
                parent=base.id,
                community=community.code,
            )
        match = _GENERIC.match(actor_id)
        if not match:
            return None
        state = self.entries.get(match["country"])
        role = self.roles.get(match["role"])
        if state is None or state.kind != "state" or (self.roles and role is None):
            return None
        role_name = role.name.lower() if role else match["role"]
        return ActorEntry(
            id=actor_id,
            name=f"{state.name} {role_name}",
            kind="agency",
            country=state.country,
            role=match["role"],
            parent=state.id,
            origin="(generic)",
        )

    def states(self) -> Iterator[ActorEntry]:
        return (e for e in self.entries.values() if e.kind == "state")

    def title_words(self) -> set[str]:
        """The single words of role titles and nouns and of community names (`minister`,
        `army`, `kurdish`): capitalised in a sentence, they are still nobody's name."""
        phrases = [p for role in self.roles.values() for p in (*role.titles, *role.nouns)]
        phrases += [form for community in self.communities.values() for form in community.forms]
        return {word.lower() for phrase in phrases for word in phrase.split()}

    def children(self, actor_id: str) -> list[ActorEntry]:
        return [e for e in self.entries.values() if e.parent == actor_id]

    def ancestors(self, actor_id: str) -> list[ActorEntry]:
        chain: list[ActorEntry] = []
        current = self.get(actor_id)
        while current is not None and current.parent and len(chain) < 20:
            parent = self.get(current.parent)
            if parent is None:
                break
            chain.append(parent)
            current = parent
        return chain

    def members_of(self, actor_id: str) -> tuple[str, ...]:
        entry = self.get(actor_id)
        return entry.members if entry else ()

    def stand_in(
        self, generic_id: str, day: date | None, prefer: Iterable[str] = ()
    ) -> ActorEntry | None:
        """The named actor that stands for a generic one (`SYR_GOV`) on a day.

        Candidates are entries with `default_for` equal to the generic id. Undated text cannot
        choose by time, so it takes a candidate the same article named explicitly (`prefer`).
        """
        candidates = self._stand_ins().get(generic_id, [])
        if not candidates:
            return None
        if day is None:
            preferred = set(prefer)
            named = [e for e in candidates if e.id in preferred]
            return named[0] if len(named) == 1 else None
        valid = [e for e in candidates if e.valid_on(day)]
        return valid[0] if len(valid) == 1 else None

    def _stand_ins(self) -> dict[str, list[ActorEntry]]:
        """Entries by the generic id they stand for, rebuilt when entries were added."""
        cached = self._stand_in_index
        if cached is None or cached[0] != len(self.entries):
            index: dict[str, list[ActorEntry]] = {}
            for entry in self.entries.values():
                if entry.default_for:
                    index.setdefault(entry.default_for, []).append(entry)
            cached = (len(self.entries), index)
            self._stand_in_index = cached
        return cached[1]

    def __len__(self) -> int:
        return len(self.entries)


def bundled_files() -> list[Path]:
    folder = Path(str(resources.files("realpolitik") / "data" / "actors"))
    if not folder.is_dir():
        return []
    # roles first: entries are validated against them
    files = sorted(folder.glob("*.yaml"))
    return sorted(files, key=lambda p: (p.name != "roles.yaml", p.name))


@lru_cache(maxsize=4)
def load_dictionary(
    extra_files: tuple[Path, ...] = (), cache_dir: Path | None = None
) -> ActorDictionary:
    """The dictionary for a set of user files, loaded once per process; with a `cache_dir`,
    parsed once per change of its files (the parse is kept there as a pickle)."""
    if cache_dir is None:
        return ActorDictionary.load(extra_files)
    files = [*bundled_files(), *_expand(extra_files)]
    try:
        digest = digest_of([Path(__file__), *(str(f) for f in files), *files])
    except OSError:  # an unreadable file: let the loader name it
        return ActorDictionary.load(extra_files)
    return load_or_build(
        cache_dir,
        "actors",
        digest,
        lambda: ActorDictionary.load(extra_files),
        ActorDictionary,
    )


def _expand(paths: Sequence[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
        elif path.exists():
            out.append(path)
        else:
            raise ConfigError(f"{path}: actor file not found")
    return out


def _is_role_list(data: Any) -> bool:
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(i, dict) and "code" in i and "id" not in i for i in data)
    )


def _parse_role(item: Any, path: Path) -> Role:
    line = item.get("__line__", "?") if isinstance(item, dict) else "?"
    where = f"{path} line {line}"
    if not isinstance(item, dict) or not isinstance(item.get("code"), str):
        raise ConfigError(f"{where}: a role needs a code")
    return Role(
        code=item["code"].upper(),
        name=str(item.get("name") or item["code"]),
        nouns=_strings(item.get("nouns"), where, "nouns"),
        titles=_strings(item.get("titles"), where, "titles"),
    )


def _parse_community(item: Any, path: Path) -> Community:
    line = item.get("__line__", "?") if isinstance(item, dict) else "?"
    where = f"{path} line {line}"
    if not isinstance(item, dict) or not isinstance(item.get("code"), str):
        raise ConfigError(f"{where}: a community needs a code")
    code = item["code"].upper()
    if not _CODE3.match(code):
        raise ConfigError(f"{where}: community code must be three letters, got {code!r}")
    kind = item.get("kind")
    if kind not in COMMUNITY_KINDS:
        raise ConfigError(f"{where}: community {code} kind must be ethnic or religious")
    namesake = item.get("namesake")
    if namesake is not None and (not isinstance(namesake, str) or not _CODE3.match(namesake)):
        raise ConfigError(f"{where}: namesake of {code} must be an ISO 3166 alpha-3 code")
    homes = _strings(item.get("homes"), where, "homes")
    if not all(_CODE3.match(h) for h in homes):
        raise ConfigError(f"{where}: homes of {code} must be ISO 3166 alpha-3 codes")
    return Community(
        code=code,
        name=str(item.get("name") or code),
        kind=kind,
        forms=_strings(item.get("forms"), where, "forms"),
        namesake=namesake,
        homes=homes,
    )


def _parse_entry(item: Any, path: Path) -> ActorEntry:
    if not isinstance(item, dict):
        raise ConfigError(f"{path}: every entry must be a mapping, got {type(item).__name__}")
    line = item.pop("__line__", "?")
    where = f"{path} line {line}"
    unknown = set(item) - _FIELDS
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    actor_id = item.get("id")
    if not isinstance(actor_id, str) or not _ID.match(actor_id):
        raise ConfigError(f"{where}: id must be upper-case letters, digits and _, got {actor_id!r}")
    if not isinstance(item.get("name"), str) or not item["name"].strip():
        raise ConfigError(f"{where}: {actor_id} needs a name")
    kind = item.get("kind") or ("agency" if _GENERIC.match(actor_id) else None)
    if kind not in KINDS:
        raise ConfigError(f"{where}: {actor_id} has unknown kind {kind!r}")
    country = item.get("country")
    if country is not None and (
        not isinstance(country, str) or not re.match(r"^[A-Z]{3}$", country)
    ):
        raise ConfigError(f"{where}: {actor_id} country must be an ISO 3166 alpha-3 code")
    if kind == "state":
        country = country or actor_id
    role = item.get("role")
    if role is not None and not isinstance(role, str):
        raise ConfigError(f"{where}: {actor_id} role must be a CAMEO role code")
    generic = _GENERIC.match(actor_id)
    if generic:
        country = country or generic["country"]
        role = role or generic["role"]
    community = item.get("community")
    if community is not None and (not isinstance(community, str) or not _CODE3.match(community)):
        raise ConfigError(f"{where}: {actor_id} community must be a three-letter code")
    valid_from = _date(item.get("valid_from"), where, "valid_from")
    valid_to = _date(item.get("valid_to"), where, "valid_to")
    if valid_from and valid_to and valid_to < valid_from:
        raise ConfigError(f"{where}: {actor_id} valid_to is before valid_from")
    return ActorEntry(
        id=actor_id,
        name=item["name"].strip(),
        kind=kind,
        country=country,
        role=role.upper() if role else None,
        parent=_optional_id(item.get("parent"), where, "parent"),
        affiliation=_optional_id(item.get("affiliation"), where, "affiliation"),
        title=item.get("title"),
        members=tuple(_strings(item.get("members"), where, "members")),
        aliases=_strings(item.get("aliases"), where, "aliases"),
        demonyms=_strings(item.get("demonyms"), where, "demonyms"),
        capitals=_strings(item.get("capitals"), where, "capitals"),
        valid_from=valid_from,
        valid_to=valid_to,
        default_for=_optional_id(item.get("default_for"), where, "default_for"),
        wikidata=item.get("wikidata"),
        origin=where,
        community=community,
    )


def _optional_id(value: Any, where: str, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ID.match(value):
        raise ConfigError(f"{where}: {name} must be an actor id, got {value!r}")
    return value


def _strings(value: Any, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ConfigError(f"{where}: {name} must be a list of strings")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _date(value: Any, where: str, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ConfigError(f"{where}: {name} must be an ISO date, got {value!r}") from exc
