"""Gold-standard style coding of single sentences (`SentenceCoder`, `extract_main`), and the
argument, status and lexicon rules added with it. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.events.sentence_coder import SentenceCoder
from realpolitik.ingest import make_article

DAY = date(2024, 12, 4)


@pytest.fixture(scope="module")
def article(coder):
    def _code(text: str):
        return coder.code_one(make_article(text, published=DAY)).events

    return _code


def _types(found: set[tuple[str, str | None, str | None]]) -> set[str]:
    return {t for t, _, _ in found}


def _country(code: str | None) -> str | None:
    return code[:3] if code else None


def _dyads(
    found: set[tuple[str, str | None, str | None]],
) -> set[tuple[str, str | None, str | None]]:
    return {(t, _country(s), _country(r)) for t, s, r in found}


# --- one event per predication -------------------------------------------------------------------


def test_complement_of_an_event_verb_is_part_of_it(sentence) -> None:
    found = sentence("Chile agreed on Monday to withdraw its warships from Peruvian waters.")
    assert _types(found) == {"AGREE"}


def test_threat_absorbs_the_threatened_act(sentence) -> None:
    found = sentence("Kenya threatened to expel Uganda's ambassador over the border dispute.")
    assert _types(found) == {"THREATEN"}
    assert ("THREATEN", "KEN", "UGA") in _dyads(found)


def test_demand_takes_its_recipient_from_the_complement_clause(sentence) -> None:
    found = sentence("Poland demanded on Tuesday that Belarus release the detained journalists.")
    assert _dyads(found) == {("REQUEST", "POL", "BLR")}


def test_adverbial_clause_gives_way_to_the_main_clause(sentence) -> None:
    found = sentence(
        "Norway suspended its aid to Mali on Friday after soldiers attacked a convoy near Gao."
    )
    assert _types(found) == {"SANCTION"}


def test_relative_clause_event_is_background(sentence) -> None:
    found = sentence(
        "Chad lifted the curfew in Abeche, where rioters clashed with police last month."
    )
    assert "ASSAULT" not in _types(found)
    assert "CONCEDE" in _types(found)


def test_coordinated_main_verbs_are_both_coded(sentence) -> None:
    found = sentence(
        "Ecuador expelled two Colombian diplomats and arrested three Peruvian smugglers."
    )
    assert {"SANCTION", "COERCE"} <= _types(found)


def test_reciprocal_event_is_mirrored_only_between_subjects(sentence) -> None:
    one_way = sentence("The Spanish foreign minister met the Moroccan king in Rabat on Monday.")
    assert {(s, t) for _, s, t in _dyads(one_way)} == {("ESP", "MAR")}
    both = sentence("Spain and Morocco met in Rabat on Monday.")
    assert {(s, t) for _, s, t in _dyads(both)} == {("ESP", "MAR"), ("MAR", "ESP")}


def test_article_coding_keeps_every_event(article) -> None:
    events = article("Chile agreed on Monday to withdraw its warships from Peruvian waters.")
    types = {e.type for e in events}
    assert {"AGREE", "RETREAT"} <= types
    assert next(e for e in events if e.type == "RETREAT").status == "planned"


# --- the manual's rules for events that have not happened ------------------------------------


def test_future_cooperation_is_an_agreement(sentence) -> None:
    found = sentence("Japan will provide emergency aid to Nepal, officials said on Sunday.")
    assert _dyads(found) == {("AGREE", "JPN", "NPL")}


def test_announced_future_retreat_is_a_concession(sentence) -> None:
    found = sentence("Rwanda announced that it would withdraw its troops from Congo next month.")
    assert _types(found) == {"CONCEDE"}


def test_willingness_marks_an_intention(sentence) -> None:
    found = sentence("Ghana is willing to send food aid to Liberia, its president said.")
    assert "AGREE" in _types(found)


def test_future_coercion_is_a_threat(sentence) -> None:
    found = sentence("The Peruvian government said it would impose a curfew in Lima.")
    assert _types(found) == {"THREATEN"}


def test_refused_cooperation_is_a_rejection(sentence) -> None:
    found = sentence("Austria said it would not provide support to Hungary.")
    assert ("REJECT", "AUT", "HUN") in _dyads(found)


def test_attempted_attack_happened(sentence) -> None:
    found = sentence("Gunmen tried to assassinate the Nigerian interior minister in Abuja.")
    assert "ASSAULT" in _types(found)
    assert "THREATEN" not in _types(found)


# --- arguments, status and lexicon -------------------------------------------------------------


def test_must_in_reported_speech_is_a_demand(sentence) -> None:
    found = sentence("Sweden said on Monday that Russia must release the detained sailors.")
    assert _dyads(found) == {("REQUEST", "SWE", "RUS")}


def test_must_clause_is_not_asserted(article) -> None:
    events = article("Sweden said that Russia must withdraw its troops from Georgia.")
    assert all(e.status != "asserted" for e in events if e.type == "RETREAT")


def test_coordinated_nationality_modifiers_name_both_actors(sentence) -> None:
    found = sentence("German and Dutch activists staged a protest in Ankara on Friday.")
    sources = {_country(s) for t, s, _ in found if t == "PROTEST"}
    assert {"DEU", "NLD"} <= sources


def test_dative_to_phrase_is_the_recipient(sentence) -> None:
    found = sentence("Canada gave military equipment to Ukraine on Thursday.")
    assert ("AID", "CAN", "UKR") in _dyads(found)


def test_object_of_a_prepositional_agent_names_the_actor(sentence) -> None:
    found = sentence("Brazil rejected calls by Argentina's government for new tariffs.")
    assert ("REJECT", "BRA", "ARG") in _dyads(found)


def test_place_of_the_object_gives_the_target_state(sentence) -> None:
    found = sentence("The Kenyan government lifted a state of emergency in Mombasa on Sunday.")
    assert ("CONCEDE", "KEN", "KEN") in _dyads(found) or ("CONCEDE", "KEN", None) in _dyads(found)


def test_hunger_strike_is_a_protest_not_an_attack(sentence) -> None:
    found = sentence("Jailed Egyptian activists began a hunger strike in Cairo on Monday.")
    assert "PROTEST" in _types(found)
    assert "ASSAULT" not in _types(found)


def test_general_strike_is_a_protest(sentence) -> None:
    found = sentence("Greek unions called a general strike against the government's budget.")
    assert "ASSAULT" not in _types(found)


def test_noun_modifier_constraint_in_the_lexicon() -> None:
    from realpolitik.events.lexicon import Lexicon

    lexicon = Lexicon.load()
    strikes = lexicon.nouns["strike"]
    assert any(t.type == "PROTEST" and "hunger" in t.modifiers for t in strikes)
    assert any(t.type == "ASSAULT" and not t.modifiers for t in strikes)


# --- recipients, lists, measures, joint exercises, deployments (second round) -----------------


def test_unnamed_recipient_is_the_actors_own_country(sentence) -> None:
    found = sentence("Kenyan police arrested dozens of opposition supporters on Tuesday.")
    assert ("COERCE", "KEN", "KEN") in _dyads(found)


def test_cooperation_without_a_recipient_gets_none(sentence) -> None:
    found = sentence("Ghana and Togo met in Lome on Friday.")
    assert all(_country(r) in ("GHA", "TGO") for _, _, r in found)


def test_list_parsed_as_apposition_names_every_actor(sentence) -> None:
    found = sentence("The US, Japan, and Australia met yesterday.")
    pairs = {frozenset((_country(s), _country(r))) for t, s, r in found if t == "CONSULT"}
    assert {
        frozenset(("USA", "JPN")),
        frozenset(("JPN", "AUS")),
        frozenset(("USA", "AUS")),
    } <= pairs


def test_measure_of_aid_is_the_event(sentence) -> None:
    found = sentence("Norway gave Malawi three million dollars of aid on Monday.")
    assert ("AID", "NOR", "MWI") in _dyads(found)


def test_war_games_of_two_sides_are_cooperation(sentence) -> None:
    found = sentence("Indian and Japanese warships began five days of war games on Monday.")
    assert "COOPERATE" in _types(found)
    assert "MOBILIZE" not in _types(found)


def test_drills_with_a_partner_are_cooperation(sentence) -> None:
    found = sentence("Vietnam held naval drills with India on Tuesday.")
    assert ("COOPERATE", "VNM", "IND") in _dyads(found)


def test_single_side_exercises_stay_mobilization(sentence) -> None:
    found = sentence("Turkey is conducting military exercises in Cyprus.")
    assert "MOBILIZE" in _types(found)
    assert "COOPERATE" not in _types(found)


def test_arriving_troops_are_deployed_not_visiting(sentence) -> None:
    found = sentence("Polish troops arrived in Lithuania on Monday.")
    assert "MOBILIZE" in _types(found)
    assert "CONSULT" not in _types(found)


def test_arriving_peacekeepers_provide_protection(sentence) -> None:
    found = sentence("The first United Nations peacekeeping troops arrived in Mali on Friday.")
    assert "AID" in _types(found)


def test_arriving_minister_still_visits(sentence) -> None:
    found = sentence("The Japanese foreign minister arrived in Hanoi on Monday.")
    assert "CONSULT" in _types(found)


def test_pronoun_subject_of_what_speakers_say_is_the_speakers(sentence) -> None:
    found = sentence("Sudan and Chad said they would expel the rebels from Darfur.")
    assert {_country(s) for _, s, _ in found} >= {"SDN", "TCD"}


def test_evidence_against_an_actor_is_an_accusation(sentence) -> None:
    found = sentence("Germany presented evidence against Belarus on Thursday.")
    assert ("ACCUSE", "DEU", "BLR") in _dyads(found)


def test_appeals_keep_their_cameo_root(coder) -> None:
    found = SentenceCoder(coder)("Mexico urged Cuba to free the detained journalists.", DAY)
    assert any(e.type == "REQUEST" and e.cameo and e.cameo.startswith("02") for e in found)


def test_willingness_to_withdraw_is_an_agreement(sentence) -> None:
    found = sentence("Peru said it is willing to withdraw its troops from Ecuador.")
    assert "AGREE" in _types(found)
    assert "CONCEDE" not in _types(found)


def test_announced_withdrawal_stays_a_concession(sentence) -> None:
    found = sentence("Chile announced that it will withdraw its troops from Bolivia.")
    assert "CONCEDE" in _types(found)


def test_prepared_to_coerce_is_a_threat(sentence) -> None:
    found = sentence("Ghana is prepared to impose a curfew in Accra.")
    assert "THREATEN" in _types(found)
    assert "COERCE" not in _types(found)


def test_act_announced_unless_the_other_complies_is_a_threat(sentence) -> None:
    found = sentence(
        "Kenya said it will boycott the summit in Uganda unless Uganda frees the detainees."
    )
    assert ("THREATEN", "KEN", "UGA") in found
    assert "THREATEN" not in _types(sentence("Kenya said it will boycott the summit in Uganda."))


def test_cooperation_that_must_be_given_is_demanded(sentence) -> None:
    found = sentence("The minister said Mali must cooperate with the inquiry.")
    assert "REQUEST" in _types(found)
    assert "AGREE" in _types(sentence("Mali will cooperate with the inquiry."))


def test_assurances_received_come_from_their_giver(sentence) -> None:
    found = sentence("Jordan received assurances from Egypt that the crossing would stay open.")
    assert ("AGREE", "EGY", "JOR") in found


@pytest.mark.parametrize(
    "text",
    [
        "India seeks to deepen its partnership with Japan.",
        "Brazil sought closer ties with Argentina.",
    ],
)
def test_seeking_closer_cooperation_is_an_agreement_not_a_request(sentence, text) -> None:
    found = sentence(text)
    assert "AGREE" in _types(found)
    assert "REQUEST" not in _types(found)


def test_seeking_help_from_someone_is_still_a_request(sentence) -> None:
    assert ("REQUEST", "IRN", "RUS") in sentence("Iran sought help from Russia.")


def test_unplaced_person_acting_on_part_of_a_state_is_coded_on_that_state(sentence) -> None:
    found = sentence("President Jean Dupont pardoned Senegalese opposition leaders.")
    assert {_country(s) for _, s, _ in found} == {"SEN"}
    # a state as recipient gives no such hint: the critic may be foreign
    assert ("ACCUSE", None, "CHN") in sentence("Senator John Smith criticized China.")


def test_refusing_refugees_is_a_rejection(sentence) -> None:
    assert "REJECT" in _types(
        sentence("Jordan says it will not accept any more refugees from Syria.")
    )
    assert "AID" in _types(sentence("Turkey accepted thousands of refugees from Syria."))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The United Nations reduced food supplies to refugee camps in Kenya.", "SANCTION"),
        ("Israel reimposed blockades in Gaza.", "COERCE"),
        ("Egypt ended mediation between Hamas and Israel.", "SANCTION"),
    ],
)
def test_reducing_ending_and_reimposing(sentence, text, type_) -> None:
    assert type_ in _types(sentence(text))


def test_reducing_a_social_ill_is_no_event(sentence) -> None:
    assert sentence("The plan aims to reduce poverty in Ghana.") == set()


def test_complaint_targets_what_it_is_about_not_its_addressee(sentence) -> None:
    found = sentence("Lebanon complained to the United Nations over Israeli air raids.")
    assert {_country(t) for _, _, t in found} == {"ISR"}
    assert ("ACCUSE", "LBN", "IGO") in sentence("Lebanon complained to the United Nations.")


def test_goods_handed_over_are_aid(sentence) -> None:
    found = sentence("Swiss doctors handed over medicine to Iranian hospitals.")
    assert "AID" in _types(found)
    assert "RETREAT" not in _types(found)


def test_preventing_a_demonstration_is_repression(sentence) -> None:
    found = sentence("Turkish police prevented a demonstration by students in Ankara.")
    assert "COERCE" in _types(found)
    assert "PROTEST" not in _types(found)


def test_mistagged_verb_in_an_object_is_no_trigger(sentence) -> None:
    found = sentence("Denmark accepted a formula for ending its fisheries dispute with Norway.")
    assert "REJECT" not in _types(found)


def test_troops_contributed_are_what_is_given_not_the_recipient(sentence) -> None:
    found = sentence("Ghana contributed 500 soldiers to the UN mission in Mali.")
    assert {(t, _country(s), _country(r)) for t, s, r in found} == {("AID", "GHA", "IGO")}
    offered = sentence(
        "France is ready to contribute 4,000 troops to a peacekeeping force in Liberia."
    )
    assert {(t, _country(r)) for t, _, r in offered} == {("AGREE", "LBR")}


def test_contributing_to_an_abstraction_is_no_event(sentence) -> None:
    assert sentence("Reforms will contribute to stability in Kenya.") == set()


def test_weapons_returned_are_a_retreat(sentence) -> None:
    found = sentence("The rebels returned weapons seized from Kenyan peacekeepers.")
    assert "RETREAT" in _types(found)
