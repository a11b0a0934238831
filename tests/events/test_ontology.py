"""Tests of the PLOVER ontology data file and its loader."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

import realpolitik
from realpolitik.errors import ConfigError
from realpolitik.events.ontology import PLOVER_TYPES, Ontology, root_code

BUNDLED = Path(realpolitik.__file__).parent / "data" / "ontology" / "plover.yaml"


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def _bundled_data() -> dict:
    return yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: object, name: str = "bad.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


# -- the data ------------------------------------------------------------------------------------


def test_exactly_the_16_types_in_order(onto: Ontology) -> None:
    assert len(onto.types) == 16
    assert tuple(onto.types) == PLOVER_TYPES
    assert onto.version == "plover-ontology.v1"


@pytest.mark.parametrize(
    ("name", "quad"),
    [
        ("AGREE", 1),
        ("CONSULT", 1),
        ("CONCEDE", 1),
        ("AID", 2),
        ("RETREAT", 2),
        ("REQUEST", 3),
        ("ACCUSE", 3),
        ("THREATEN", 3),
        ("PROTEST", 4),
        ("SANCTION", 4),
        ("MOBILIZE", 4),
        ("ASSAULT", 4),
    ],
)
def test_quad_classes(onto: Ontology, name: str, quad: int) -> None:
    assert onto.quad_class(name) == quad


def test_quad_classes_are_ordered_from_cooperation_to_conflict(onto: Ontology) -> None:
    quads = [onto.quad_class(t) for t in PLOVER_TYPES]
    assert quads == sorted(quads)
    assert set(quads) == {1, 2, 3, 4}


def test_intensities_follow_the_score_table(onto: Ontology) -> None:
    assert onto.intensity("AID") == 10.0
    assert onto.intensity("ASSAULT") == -9.0
    assert onto.intensity("ASSAULT", "unconventional") == -10.0
    assert onto.intensity("CONSULT", "phone") == 1.5
    assert onto.intensity("RETREAT", "disarm") == 10.0
    assert onto.intensity("COERCE", "martial-law") == -7.5
    # the manual prints +3 for bare ACCUSE; we read it as a lost minus sign
    assert onto.intensity("ACCUSE") == -3.0


def test_every_intensity_in_range_and_conflict_is_negative(onto: Ontology) -> None:
    for event_type in onto.types.values():
        assert -10 <= event_type.intensity <= 10
        for mode in event_type.modes:
            assert -10 <= mode.intensity <= 10
        if event_type.quad_class == 4:
            assert event_type.intensity < 0, event_type.name
        assert event_type.description


def test_manual_modes_are_present(onto: Ontology) -> None:
    assert set(onto.type("CONSULT").mode_names) == {"visit", "third-party", "multilateral", "phone"}
    assert {"disapprove", "investigate", "allege"} == set(onto.type("ACCUSE").mode_names)
    assert set(onto.type("REQUEST").mode_names) == set(onto.type("REJECT").mode_names)
    assert onto.type("AGREE").modes == ()
    assert "heavy-weapons" in onto.type("ASSAULT").mode_names


def test_cameo_table_modes_missing_from_manual_were_added(onto: Ontology) -> None:
    # kept from the CAMEO table, scored like the bare type
    assert onto.intensity("THREATEN", "ban") == onto.intensity("THREATEN")
    assert onto.intensity("ASSAULT", "massacre") == onto.intensity("ASSAULT")
    assert onto.from_cameo("185").mode == "assassinate"


# -- CAMEO ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("root", [f"{n:02d}" for n in range(3, 21)])
def test_every_cameo_root_03_to_20_maps_to_a_type(onto: Ontology, root: str) -> None:
    entry = onto.from_cameo(root)
    assert entry.code == root
    assert entry.type in PLOVER_TYPES


@pytest.mark.parametrize("code", ["01", "010", "0231", "02"])
def test_dropped_cameo_roots_raise(onto: Ontology, code: str) -> None:
    with pytest.raises(KeyError, match="not coded in PLOVER"):
        onto.from_cameo(code)


@pytest.mark.parametrize(
    ("code", "type_name"),
    [
        ("04", "CONSULT"),
        ("09", "ACCUSE"),
        ("10", "REQUEST"),
        ("11", "ACCUSE"),
        ("15", "MOBILIZE"),
        ("16", "SANCTION"),
        ("19", "ASSAULT"),
        ("20", "ASSAULT"),
    ],
)
def test_cameo_roots(onto: Ontology, code: str, type_name: str) -> None:
    assert onto.from_cameo(code).type == type_name


def test_yield_splits_into_concede_and_retreat(onto: Ontology) -> None:
    assert onto.from_cameo("081").type == "CONCEDE"
    assert onto.from_cameo("083").type == "CONCEDE"
    assert onto.from_cameo("084").type == "RETREAT"
    assert onto.from_cameo("087").type == "RETREAT"


def test_table_exceptions_outside_their_root(onto: Ontology) -> None:
    assert onto.from_cameo("163").type == "COERCE"
    assert onto.from_cameo("191").type == "COERCE"
    assert onto.from_cameo("1712").type == "ASSAULT"
    assert onto.from_cameo("175").type == "ASSAULT"


def test_exact_codes_keep_leading_zeros(onto: Ontology) -> None:
    entry = onto.from_cameo("0311")
    assert (entry.code, entry.type, entry.mode) == ("0311", "AGREE", None)
    assert entry.context == "economic"
    entry = onto.from_cameo("0874")
    assert (entry.code, entry.type, entry.mode) == ("0874", "RETREAT", "disarm")
    assert onto.from_cameo("1121").context == "crime, corruption"
    assert onto.from_cameo("190").label


@pytest.mark.parametrize(
    ("code", "matched"),
    [
        ("0875", "087"),
        ("0879", "087"),
        ("1010", "101"),
        ("1890", "18"),
        ("095", "09"),
        ("1999", "19"),
        (" 0311 ", "0311"),
    ],
)
def test_from_cameo_falls_back_to_shorter_codes(onto: Ontology, code: str, matched: str) -> None:
    assert onto.from_cameo(code).code == matched


@pytest.mark.parametrize("code", ["21", "212", "345", "9012"])
def test_codes_outside_the_table_raise_key_error(onto: Ontology, code: str) -> None:
    with pytest.raises(KeyError):
        onto.from_cameo(code)


@pytest.mark.parametrize("code", ["174K", "1", "12345", "", "ab", 190])
def test_malformed_codes_raise_value_error(onto: Ontology, code: object) -> None:
    with pytest.raises(ValueError):
        onto.from_cameo(code)  # type: ignore[arg-type]


def test_root_code() -> None:
    assert root_code("0874") == "08"
    assert root_code("190") == "19"
    assert root_code("19") == "19"
    with pytest.raises(ValueError):
        root_code("x19")


def test_default_cameo_codes(onto: Ontology) -> None:
    assert onto.cameo_for("ASSAULT") == "190"
    assert onto.cameo_for("ACCUSE") == "112"
    assert onto.cameo_for("AID") == "070"


@pytest.mark.parametrize("type_name", PLOVER_TYPES)
def test_cameo_for_round_trips_every_type(onto: Ontology, type_name: str) -> None:
    code = onto.cameo_for(type_name)
    assert onto.from_cameo(code).type == type_name
    assert root_code(code) == code[:2]


def test_cameo_for_round_trips_every_mode_in_the_table(onto: Ontology) -> None:
    pairs = {(e.type, e.mode) for e in onto.cameo.values() if e.mode is not None}
    assert len(pairs) > 40
    for type_name, mode in pairs:
        entry = onto.from_cameo(onto.cameo_for(type_name, mode))
        assert (entry.type, entry.mode) == (type_name, mode)


def test_cameo_for_modes(onto: Ontology) -> None:
    assert onto.cameo_for("RETREAT", "release") == "0841"
    assert onto.cameo_for("REQUEST", "assist") == "101"  # the row with no context wins
    assert onto.cameo_for("ASSAULT", "heavy-weapons") == "194"  # the lowest of equals
    assert onto.cameo_for("ASSAULT", "heavy_weapons") == "194"
    # a manual mode the CAMEO table never uses falls back to the type's default
    assert onto.cameo_for("ASSAULT", "drone") == "190"
    assert onto.cameo_for("INVESTIGATE") == "090"
    with pytest.raises(KeyError, match="no mode"):
        onto.cameo_for("ASSAULT", "picnic")


# -- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("DISAPPROVE", ("ACCUSE", None)),
        ("disapprove", ("ACCUSE", None)),
        ("DEMAND", ("REQUEST", None)),
        ("FIGHT", ("ASSAULT", None)),
        ("Investigate", ("ACCUSE", "investigate")),
        ("assault", ("ASSAULT", None)),
        (" Agree ", ("AGREE", None)),
    ],
)
def test_normalize_type(onto: Ontology, name: str, expected: tuple[str, str | None]) -> None:
    assert onto.normalize_type(name) == expected


def test_type_accepts_legacy_names_and_any_case(onto: Ontology) -> None:
    assert onto.type("DISAPPROVE") is onto.type("ACCUSE")
    assert onto.type("accuse").name == "ACCUSE"
    assert onto.quad_class("fight") == 4
    assert onto.intensity("INVESTIGATE") == onto.intensity("ACCUSE", "investigate")


@pytest.mark.parametrize("name", ["CRIME", "APPEAL", "", "ASSAULTS"])
def test_unknown_type_names_raise_key_error(onto: Ontology, name: str) -> None:
    with pytest.raises(KeyError, match="unknown PLOVER event type"):
        onto.type(name)


def test_unknown_mode_raises_key_error(onto: Ontology) -> None:
    with pytest.raises(KeyError, match="ASSAULT has no mode"):
        onto.intensity("ASSAULT", "strike-hun")


# -- immutability and caching --------------------------------------------------------------------


def test_loaded_ontology_is_immutable_and_cached(onto: Ontology) -> None:
    assert Ontology.load() is onto
    with pytest.raises(dataclasses.FrozenInstanceError):
        onto.version = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        onto.types["AGREE"] = onto.types["AID"]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        onto.types["AGREE"].intensity = 0.0  # type: ignore[misc]


def test_explicit_path_loads_the_same_content(onto: Ontology) -> None:
    other = Ontology.load(BUNDLED)
    assert other is not onto
    assert dict(other.types) == dict(onto.types)
    assert dict(other.cameo) == dict(onto.cameo)


def test_data_file_covers_every_code_of_the_conversion_table(onto: Ontology) -> None:
    table = Path(__file__).resolve().parents[3] / "shared" / "eval" / "CAMEO2PLOVER-2021.txt"
    if not table.exists():
        pytest.skip(f"{table} not available")
    codes = {
        line.split(":", 1)[0]
        for line in table.read_text(encoding="utf-8").splitlines()
        if line[:2].isdigit()
    }
    assert codes == set(onto.cameo)


# -- malformed files -----------------------------------------------------------------------------


def _expect_config_error(path: Path, *fragments: str) -> None:
    with pytest.raises(ConfigError) as info:
        Ontology.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}: "), message
    for fragment in fragments:
        assert fragment in message, message


def test_missing_file(tmp_path: Path) -> None:
    _expect_config_error(tmp_path / "nope.yaml", "cannot read")


def test_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("types: [unclosed\n", encoding="utf-8")
    _expect_config_error(path, "not valid YAML")


def test_wrong_version(tmp_path: Path) -> None:
    data = _bundled_data()
    data["version"] = "plover-ontology.v0"
    _expect_config_error(_write(tmp_path, data), "version")


def test_missing_type(tmp_path: Path) -> None:
    data = _bundled_data()
    data["types"] = [t for t in data["types"] if t["name"] != "MOBILIZE"]
    _expect_config_error(_write(tmp_path, data), "MOBILIZE")


def test_extra_type(tmp_path: Path) -> None:
    data = _bundled_data()
    data["types"].append({**data["types"][0], "name": "CRIME"})
    _expect_config_error(_write(tmp_path, data), "type CRIME")


def test_bad_quad_class(tmp_path: Path) -> None:
    data = _bundled_data()
    data["types"][5]["quad_class"] = 5
    _expect_config_error(_write(tmp_path, data), "type AID", "quad_class")


def test_intensity_out_of_range(tmp_path: Path) -> None:
    data = _bundled_data()
    data["types"][15]["modes"][0]["intensity"] = -11
    _expect_config_error(_write(tmp_path, data), "type ASSAULT mode abduct", "-10..10")


def test_cameo_entry_with_unknown_type(tmp_path: Path) -> None:
    data = _bundled_data()
    data["cameo"]["190"]["type"] = "FIGHT"
    _expect_config_error(_write(tmp_path, data), "cameo 190", "FIGHT")


def test_cameo_entry_with_unknown_mode(tmp_path: Path) -> None:
    data = _bundled_data()
    data["cameo"]["193"]["mode"] = "catapult"
    _expect_config_error(_write(tmp_path, data), "cameo 193", "catapult")


def test_unquoted_cameo_code(tmp_path: Path) -> None:
    data = _bundled_data()
    data["cameo"][190] = data["cameo"].pop("190")
    _expect_config_error(_write(tmp_path, data), "cameo 190", "quoted")


def test_default_cameo_not_in_table(tmp_path: Path) -> None:
    data = _bundled_data()
    data["types"][0]["default_cameo"] = "0399"
    _expect_config_error(_write(tmp_path, data), "type AGREE", "0399")


def test_default_cameo_of_another_type(tmp_path: Path) -> None:
    data = _bundled_data()
    data["types"][0]["default_cameo"] = "190"
    _expect_config_error(_write(tmp_path, data), "type AGREE", "maps to ASSAULT")


def test_legacy_name_to_unknown_type(tmp_path: Path) -> None:
    data = _bundled_data()
    data["legacy_names"]["CRIME"] = "LAWBREAKING"
    _expect_config_error(_write(tmp_path, data), "legacy name CRIME")


def test_top_level_not_a_mapping(tmp_path: Path) -> None:
    _expect_config_error(_write(tmp_path, ["AGREE"]), "mapping")
