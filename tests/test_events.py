"""Incident extraction and merging (geomap.events) with the real spaCy model.

Unit tests build the place mentions themselves (plain `Place` / `ResolvedMention` objects);
the last tests run the seeds end to end through ingest, the geoparser and the shipped gazetteer.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from geomap.event_types import EVENT_TYPES
from geomap.events import extract_events, load_parser, merge_events
from geomap.models import Document, Mention, Place, ResolvedMention

THURSDAY = date(2026, 6, 18)
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

VENEZUELA = Place("ne0:VE", "Venezuela", "country", 7.12, -66.18, "VE")
BOLIVAR = Place("ne1:VE-F", "Bolívar", "admin1", 6.24, -63.53, "VE", "VE.06", "Bolívar")
LAS_CRISTINAS = Place("cur:las-cristinas", "Las Cristinas", "site", 6.22, -61.48, "VE", "VE.06", "Bolívar")
KM_88 = Place("cur:km-88", "Km 88", "locality", 6.17, -61.45, "VE", "VE.06", "Bolívar")
CARACAS = Place("gn:3646738", "Caracas", "locality", 10.49, -66.88, "VE", "VE.25", "Distrito Capital", feature_code="PPLC")
MARACAIBO = Place("gn:3633009", "Maracaibo", "locality", 10.67, -71.61, "VE", "VE.23", "Zulia")
CARIBBEAN = Place("sea:caribbean-sea", "Caribbean Sea", "water", 15.33, -74.41)
EASTERN_PACIFIC = Place("cur:eastern-pacific", "Eastern Pacific", "water", 0.42, -103.97)
KADUNA = Place("ne1:NG-KD", "Kaduna", "admin1", 10.37, 7.71, "NG", "NG.23", "Kaduna")
KURIGA = Place("gn:2333000", "Kuriga", "locality", 10.43, 7.21, "NG", "NG.23", "Kaduna")
NIGERIA = Place("ne0:NG", "Nigeria", "country", 9.08, 8.68, "NG")
TOCORON = Place("gn:3625023", "Tocorón", "locality", 10.10, -67.48, "VE", "VE.02", "Aragua")

PLACES = {
    "Venezuela": VENEZUELA, "Bolívar state": BOLIVAR, "Las Cristinas": LAS_CRISTINAS, "Km 88": KM_88,
    "Caracas": CARACAS, "Maracaibo": MARACAIBO, "Caribbean": CARIBBEAN, "eastern Pacific": EASTERN_PACIFIC,
    "Kaduna state": KADUNA, "Kuriga": KURIGA, "Nigeria": NIGERIA, "Tocorón": TOCORON,
}
DEMONYMS = {"Venezuelan": VENEZUELA, "Venezuelans": VENEZUELA, "Nigerian": NIGERIA}


@pytest.fixture(scope="session")
def nlp():
    return load_parser()


def document(text: str, published: date | None = THURSDAY, doc_id: str = "doc.txt", title: str | None = None):
    """A Document and the mentions of every known place name in it (demonyms labelled as such)."""
    doc = Document(doc_id, text, title=title, published=published, publisher="Test", url=f"https://example.org/{doc_id}")
    mentions = []
    for names, label in ((PLACES, "place"), (DEMONYMS, "demonym")):
        for name, place in names.items():
            for match in re.finditer(rf"\b{re.escape(name)}\b", text):
                mentions.append(ResolvedMention(Mention(doc_id, name, match.start(), match.end(), label), place, 0.9))
    mentions.sort(key=lambda rm: rm.mention.start)
    return doc, mentions


def events_of(text: str, nlp, **kwargs):
    """The rules' incidents in ``text``, one per sentence, type and place (the learned typer and dater, which read
    whole articles, have tests of their own in test_event_typer.py and test_event_dater.py)."""
    doc, mentions = document(text, **kwargs)
    return extract_events(doc, mentions, nlp=nlp, merge=False, learned_types=False, learned_dates=False)


def test_air_strike_with_date_place_fatalities_and_source(nlp):
    text = "Late Friday night, the army said an air strike killed at least 12 people in Bolívar state."
    [event] = events_of(text, nlp)
    assert (event.event_type, event.acled_event_type, event.acled_sub_event_type) == (
        "air_strike", "Explosions/Remote violence", "Air/drone strike")
    assert (event.date, event.date_start, event.date_end, event.date_precision) == (
        "2026-06-12", "2026-06-12", "2026-06-12", "day")
    assert (event.place, event.geo_precision, event.fatalities) == (BOLIVAR, 3, 12)
    [source] = event.sources
    assert (source.doc_id, source.published, source.url, source.quote) == (
        "doc.txt", "2026-06-18", "https://example.org/doc.txt", text)
    assert event.summary == text


@pytest.mark.parametrize(
    "text",
    [
        "He was never arrested in Caracas, never charged and never tried.",
        "Their presence in Caracas was not due to a riot.",
        "The army could launch a wider offensive in Bolívar state before the rainy season.",
        "Rights groups warn of the risk of extrajudicial executions in Bolívar state.",
        "Opposition leaders have called for a nationwide strike in Caracas.",
        "Police will arrest protesters in Caracas next week.",
        "Tren de Aragua was originally a prison gang in Bolívar state.",
        "The gang diversified into contract killing and kidnapping.",
        "The killing of Guerrero is a dramatic escalation of the campaign in Bolívar state.",
        "Is there a risk of an attack in Caracas?",
        "The US offers a reward for information leading to his arrest in Caracas.",
        "He remains under indictment in Caracas.",
        "The gang kidnaps migrants in Maracaibo.",
        "A man was killed in a traffic accident in Maracaibo on Monday.",
        "On Monday a man was struck and killed by a car in Maracaibo.",
        "His airbags deployed when he lost control of the car in Maracaibo on Monday.",
        "A 90th-minute strike by the captain won the match in Caracas on Sunday.",
        "He picked up the phone in Caracas on Monday.",
        "Protesters say the plan for Caracas is unfair.",
        "The bomb squad was called to a house in Caracas on Monday.",
        "Residents took the bus to Caracas on Monday.",
        "Petrojet beat Ismaili 1-0 in Caracas on Monday.",
    ],
)
def test_sentences_that_report_no_incident(nlp, text):
    assert events_of(text, nlp) == [], text


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("A policeman was wounded in a shootout with gunmen in Caracas on Monday.", {"armed_clash"}),
        ("Rival gangs exchanged fire in Maracaibo on Sunday.", {"armed_clash"}),
        ("Police picked up two suspects in Maracaibo on Monday.", {"arrest"}),
        ("The suspect turned himself in to police in Caracas on Tuesday.", {"arrest"}),
        ("He was booked into the Caracas county jail on Tuesday.", {"arrest"}),
        ("A fatal stabbing left a man dead in Maracaibo on Monday.", {"killing"}),
        ("A man was beaten to death in Maracaibo on Monday.", {"killing"}),
        ("A car bomb killed 20 people in Caracas on Thursday.", {"bombing"}),
        ("A roadside bomb went off near a market in Caracas on Thursday.", {"bombing"}),
        ("About 40 protesters walked to the governor's home in Caracas on Friday.", {"protest"}),
        ("About 55 residents marched through Caracas on Friday.", {"protest"}),
        ("A brawl involving 200 people broke out at a bar in Maracaibo on Saturday.", {"riot"}),
        ("Police detain opposition leaders in Caracas", {"arrest"}),
        ("The mayor survived an assassination attempt in Caracas on Monday.", {"attack"}),
        ("An attempted murder was reported in Caracas on Monday.", {"attack"}),
        ("Teachers walked off the job in Caracas on Monday.", {"protest"}),
    ],
)
def test_the_wording_journalists_use_for_incidents(nlp, text, types):
    assert {e.event_type for e in events_of(text, nlp)} == types, text


def test_a_title_case_headline_is_read_like_a_sentence(nlp):
    text = "Police Catch Murder Suspect In Caracas\n\nThe man was found at a house on Monday."
    events = events_of(text, nlp)
    assert [(e.event_type, e.place) for e in events if e.summary.startswith("Police")] == [("arrest", CARACAS)]


def test_allegations_and_plots_are_not_separate_incidents(nlp):
    events = events_of("On Monday police in Maracaibo arrested a woman and charged her with arson.", nlp)
    assert [e.event_type for e in events] == ["arrest", "charges"]  # (no arson attack)
    events = events_of("Three men were charged on Monday with conspiring to attack a power station in Maracaibo.", nlp)
    assert [e.event_type for e in events] == ["charges"]


def test_one_incident_at_several_places_shares_an_id_prefix(nlp):
    text = ("The killing of Guerrero is a dramatic escalation of the campaign the administration has been waging "
            "since September in the Caribbean and eastern Pacific. At least 210 fishermen have now been killed "
            "in US military strikes on small boats, accused of drug smuggling without evidence or formal charges.")
    events = events_of(text, nlp)
    assert [e.place for e in events] == [CARIBBEAN, EASTERN_PACIFIC]
    first, second = events
    assert first.event_id.endswith("-1") and second.event_id.endswith("-2")
    assert first.event_id[:-2] == second.event_id[:-2]
    for event in events:
        assert (event.event_type, event.fatalities) == ("air_strike", 210)
        assert (event.date, event.date_start, event.date_end, event.date_precision) == (
            "2025-09/2026-06-18", "2025-09-01", "2026-06-18", "month")


def test_list_of_places_and_contained_places(nlp):
    text = "On Tuesday the army deployed troops in Las Cristinas and at Km 88 in Bolívar state."
    events = events_of(text, nlp)
    assert [e.place for e in events] == [LAS_CRISTINAS, KM_88]  # the state containing both gives way
    assert {e.event_type for e in events} == {"military_deployment"}


def test_finest_attached_place_and_its_precision(nlp):
    text = "Gunmen abducted 30 pupils from a school in Kuriga, a town in Kaduna state, on Thursday morning."
    [event] = events_of(text, nlp, published=date(2024, 3, 9))
    assert (event.event_type, event.place, event.geo_precision, event.date) == ("abduction", KURIGA, 1, "2024-03-07")
    assert event.fatalities is None


def test_names_used_as_actors_are_not_the_place(nlp):
    [event] = events_of("Caracas said on Monday that soldiers arrested 12 men in Maracaibo.", nlp)
    assert event.place == MARACAIBO


def test_demonyms_are_not_places(nlp):
    text = "Venezuelan soldiers arrested 12 men on Monday. The operation took place near Maracaibo, officials said."
    [arrest] = [e for e in events_of(text, nlp) if e.event_type == "arrest"]
    assert arrest.place == MARACAIBO  # from the next sentence, not Venezuela from the demonym
    assert arrest.geo_precision == 2  # not named in its own sentence
    assert "Venezuelan" in arrest.actors


def test_dated_episode_carries_date_and_place(nlp):
    text = ("On Tuesday, soldiers clashed with gunmen in Las Cristinas. "
            "Two miners were killed by the same unit, residents said.")
    clash, killing = events_of(text, nlp)
    assert (clash.event_type, clash.date, clash.place) == ("armed_clash", "2026-06-16", LAS_CRISTINAS)
    assert (killing.event_type, killing.date, killing.place) == ("killing", "2026-06-16", LAS_CRISTINAS)
    assert killing.fatalities == 2


def test_a_definite_reference_is_the_episodes_incident(nlp):
    text = "On Tuesday, a drone strike hit a camp in Las Cristinas. The attack killed two miners, residents said."
    strike, reference = events_of(text, nlp)
    assert (reference.event_type, reference.date, reference.place, reference.fatalities) == (
        "air_strike", "2026-06-16", LAS_CRISTINAS, 2)
    doc, mentions = document(text)
    [merged] = extract_events(doc, mentions, nlp=nlp)  # merged within the document
    assert (merged.fatalities, merged.sources[0].quote) == (2, strike.summary)


def test_undated_incident_is_unknown_until_publication(nlp):
    events = events_of("Man arrested after chase\n\nPolice arrested a man in Maracaibo after a chase.", nlp)
    headline, body = events
    assert (headline.date, headline.date_precision) == ("2026-W25", "week")
    assert (body.date, body.date_start, body.date_end, body.date_precision) == (None, None, "2026-06-18", "unknown")


def test_present_progressive_and_headline_get_the_publication_week(nlp):
    text = "Army deploys troops to Bolívar state\n\nThe army is deploying a massive operation in Las Cristinas."
    events = events_of(text, nlp)
    assert {(e.date, e.date_precision) for e in events} == {("2026-W25", "week")}
    assert {e.place for e in events} == {BOLIVAR, LAS_CRISTINAS}


def test_fatalities_only_where_stated(nlp):
    named = events_of("On Friday a drone strike killed Héctor Guerrero Flores in Bolívar state.", nlp)
    vague = events_of("On Friday a drone strike killed dozens of people in Bolívar state.", nlp)
    none_said = events_of("On Friday a drone strike hit a camp in Bolívar state.", nlp)
    assert [e.fatalities for e in named] == [1]
    assert [e.fatalities for e in vague] == [None]
    assert [e.fatalities for e in none_said] == [None]


def test_source_lists_and_fact_boxes_are_not_reports(nlp):
    text = ("Strike kills gang leader in Bolívar state\n\n## By the numbers\n\n"
            "- 12 June 2026 — date of the strike in Bolívar state.\n\n## Sources\n\n"
            "- **CNN** (United States, en) — Reports the strike that killed Guerrero in Bolívar state.\n")
    assert [e.summary for e in events_of(text, nlp)] == ["Strike kills gang leader in Bolívar state"]


def test_a_live_blogs_timestamped_entries_are_reports(nlp):
    text = ("Maracaibo live\n\n09:40 — Police arrested 11 suspects in Maracaibo on Tuesday.\n\n"
            "10:15 — Gunmen abducted two teachers near Maracaibo on Tuesday.")
    assert [e.event_type for e in events_of(text, nlp)] == ["arrest", "abduction"]


def test_unplaced_incident_continues_the_episode_before_its_paragraph(nlp):
    text = "Guerrero, 41, was in and out of Tocorón for more than a decade.\n\nHe escaped in 2012 by bribing a guard."
    [escape] = events_of(text, nlp)
    assert (escape.event_type, escape.date, escape.place, escape.geo_precision) == ("escape", "2012", TOCORON, 2)


def test_a_neighbour_of_another_time_is_not_the_episode(nlp):
    text = ("Venezuela has been in crisis for a decade.\n\n"
            "Soldiers arrested 12 men in Maracaibo in 2019. On Monday, gunmen shot dead a priest.")
    killing = next(e for e in events_of(text, nlp) if e.event_type == "killing")
    assert (killing.date, killing.place, killing.geo_precision) == ("2026-06-15", VENEZUELA, 3)


def test_the_prison_is_the_prison_named_before(nlp):
    text = ("Soldiers took control of Tocorón prison in 2023. Miners protested in Las Cristinas in May. "
            "Last week, inmates rioted in the prison.")
    riot = next(e for e in events_of(text, nlp) if e.event_type == "riot")
    assert riot.place == TOCORON  # not the last site named


def test_an_incident_in_many_places_is_placed_in_the_country(nlp):
    text = ("Venezuela declared a state of emergency on Tuesday.\n\n"
            "On Tuesday, gunmen stormed a television studio in Maracaibo. Prison riots broke out in at least six prisons.")
    riot = next(e for e in events_of(text, nlp) if e.event_type == "riot")
    assert (riot.date, riot.place, riot.geo_precision) == ("2026-06-16", VENEZUELA, 3)


def test_a_towns_police_place_its_incident(nlp):
    text = ("Maracaibo police are investigating the death of a teenager who was killed on Sunday.\n\n"
            "The governor visited Bolívar state on Monday.")
    [killing] = events_of(text, nlp)
    assert (killing.event_type, killing.place) == ("killing", MARACAIBO)  # not the document's main place


def test_every_type_maps_to_acled_or_states_it_does_not():
    for event_type in EVENT_TYPES.values():
        assert (event_type.acled_event_type is None) == (event_type.acled_sub_event_type is None)
    assert EVENT_TYPES["air_strike"].acled_sub_event_type == "Air/drone strike"
    assert EVENT_TYPES["charges"].acled_event_type is None


def test_merge_joins_reports_of_one_incident_across_documents(nlp):
    report = document("Late Friday night, US forces carried out a lethal strike killing Héctor Guerrero Flores. "
                      "Venezuela's government called it a joint operation.", doc_id="a.txt")
    other = document("On 12 June 2026 a US airstrike killed Héctor Guerrero Flores in Bolívar state.",
                     published=date(2026, 6, 12), doc_id="b.txt")
    events = [e for doc, mentions in (report, other) for e in extract_events(doc, mentions, nlp=nlp)
              if e.event_type == "air_strike"]
    assert len(events) == 2
    merged = merge_events(events)
    assert len(merged) == 1
    [strike] = merged
    assert (strike.place, strike.date, strike.fatalities) == (BOLIVAR, "2026-06-12", 1)
    assert [s.doc_id for s in strike.sources] == ["a.txt", "b.txt"]
    assert strike.confidence > max(e.confidence for e in events)
    assert merge_events(reversed(events)) == merged  # the id and content do not depend on order
    assert strike.event_id in {e.event_id for e in events}


def test_merge_keeps_different_incidents_apart(nlp):
    strike_friday = events_of("On Friday an air strike hit a camp in Bolívar state.", nlp, doc_id="a.txt")
    strike_march = events_of("In March an air strike hit a camp in Bolívar state.", nlp, doc_id="b.txt")
    arrest_friday = events_of("On Friday soldiers arrested 12 men in Bolívar state.", nlp, doc_id="c.txt")
    strike_zulia = events_of("On Friday an air strike hit a camp near Maracaibo.", nlp, doc_id="d.txt")
    merged = merge_events(strike_friday + strike_march + arrest_friday + strike_zulia)
    assert len(merged) == 4


@pytest.fixture(scope="session")
def seed_events():
    from geomap.extract import MentionExtractor
    from geomap.gazetteer import Gazetteer
    from geomap.ingest import read_documents
    from geomap.nlp import load_nlp
    from geomap.resolve import Resolver

    gazetteer = Gazetteer.open()
    documents, _skipped = read_documents([SEEDS])
    extractor, resolver = MentionExtractor(gazetteer, load_nlp()), Resolver(gazetteer)
    events = []
    for doc, mentions in zip(documents, extractor.extract_batch(documents)):
        events += extract_events(doc, resolver.resolve(doc, mentions), gazetteer=gazetteer)
    return merge_events(events, gazetteer=gazetteer)


def _find(events, event_type, date_prefix):
    return [e for e in events if e.event_type == event_type and (e.date or "").startswith(date_prefix)]


def test_seeds_guerrero_strike_is_one_incident_with_two_sources(seed_events):
    [strike] = _find(seed_events, "air_strike", "2026-06-12")
    assert (strike.place.name, strike.place.kind, strike.date_precision, strike.fatalities) == ("Bolívar", "admin1", "day", 1)
    assert len({s.doc_id for s in strike.sources}) == 2
    assert any("Guerrero" in actor for actor in strike.actors)


def test_seeds_tocoron_takeover_in_september_2023(seed_events):
    [takeover] = _find(seed_events, "security_operation", "2023-09")
    assert takeover.place.admin1_code == "VE.04"  # Tocorón prison, or at least Aragua state
    assert takeover.date_precision == "month"
    assert any("Tocorón" in source.quote for source in takeover.sources)


def test_seeds_ojeda_abduction_in_santiago_march_2024(seed_events):
    [abduction] = _find(seed_events, "abduction", "2024-03")
    assert (abduction.place.name, abduction.place.country_code) == ("Santiago", "CL")
    assert "Ronald Ojeda" in abduction.actors


def test_seeds_december_indictment_in_new_york(seed_events):
    [charges] = _find(seed_events, "charges", "2025-12")
    assert charges.place.name == "New York" and charges.date_precision == "month"


def test_seeds_boat_strikes_since_september_at_two_places(seed_events):
    strikes = _find(seed_events, "air_strike", "2025-09/")
    assert {e.place.place_id for e in strikes} == {"sea:caribbean-sea", "cur:eastern-pacific"}
    assert {(e.date_start, e.date_end, e.fatalities) for e in strikes} == {("2025-09-01", "2026-06-18", 210)}
    assert len({e.event_id[:-2] for e in strikes}) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("On Friday militants attacked a police post near Maracaibo, killing two officers.", "armed_clash"),
    ("On Friday soldiers were ambushed by rebels near Maracaibo.", "armed_clash"),
    ("On Friday gunmen attacked a bus near Maracaibo.", "attack"),  # civilians: violence against civilians
    ("On Friday a man was shot and killed in Maracaibo.", "killing"),
    ("On Friday one person died in a shooting in Maracaibo.", "killing"),
    ("On Friday police opened fire on the crowd in Maracaibo, killing 19 people.", "killing"),  # a fatal attack is a killing
])
def test_who_fights_whom_and_a_death_decide_the_type(nlp, text, expected):
    assert {e.event_type for e in events_of(text, nlp)} == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("A suspect is in custody in Maracaibo.", "arrest"),
    ("He faces charges of murder in Maracaibo.", "charges"),
    ("A man was wounded by gunfire in Maracaibo on Friday.", "attack"),
    ("On Friday a man in Maracaibo was hit in the head with a bat.", "attack"),
    ("Officers were called to break up a brawl in Maracaibo on Friday.", "riot"),
    ("The explosive was placed in a shop in Maracaibo and it went off on Friday.", "bombing"),
])
def test_news_wordings_of_incidents(nlp, text, expected):
    assert expected in {e.event_type for e in events_of(text, nlp)}


def test_casualty_follow_ups_report_the_incident(nlp):
    text = ("Gunmen and police fought a gun battle in Maracaibo. A policeman was also wounded in the "
            "shootout. Three people were injured in the blast of a grenade. The victims were taken to a hospital "
            "with gunshot wounds.")
    quotes = {e.sources[0].quote for e in events_of(text, nlp)}
    assert "A policeman was also wounded in the shootout." in quotes
    assert "Three people were injured in the blast of a grenade." in quotes
    assert "The victims were taken to a hospital with gunshot wounds." in quotes


@pytest.mark.parametrize("text", [
    "He has been arrested before in Maracaibo.",
    "He denied attacking a man in Maracaibo.",
    "Shootings have increased in Maracaibo.",
    "He is serving a life sentence for killing his wife in Maracaibo.",
    "Critics accused the government of killing civilians in Maracaibo.",
    "Residents of Maracaibo said heavy gunfire continued until dawn.",
    "Electricity prices in Maracaibo rose before the financial crisis struck.",
])
def test_records_trends_denials_and_allegations_are_not_incidents(nlp, text):
    assert events_of("Maracaibo city report\n\n" + text, nlp) == []


def test_a_date_in_another_nouns_relative_clause_does_not_date_the_incident(nlp):
    text = "The blast in Maracaibo came after the army praised the war, which began in March 2003."
    [event] = events_of(text, nlp)
    assert event.event_type == "bombing" and event.date != "2003-03"


def test_the_headlines_incident_named_in_general_words_keeps_its_type(nlp):
    text = ("Car bomb kills 20 in Maracaibo\n\nA car bomb exploded near a market in Maracaibo on Friday, killing 20 "
            "people in the fifth major attack this month. The army confirmed the attack.")
    events = events_of(text, nlp, title="Car bomb kills 20 in Maracaibo")
    assert {e.event_type for e in events} == {"bombing"}


@pytest.mark.parametrize("text", [
    "No one was arrested in Maracaibo.",
    "The suspect fled Maracaibo before police arrived.",
    "The law makes it illegal to protest near schools in Maracaibo.",
])
def test_no_subject_a_crime_scene_and_a_rule_are_not_incidents(nlp, text):
    assert events_of("Maracaibo city report\n\n" + text, nlp) == []


def test_named_people_picked_up_for_questioning_are_arrested(nlp):
    events = events_of("Durr and Welch were picked up for questioning on Saturday afternoon in Maracaibo.", nlp)
    assert {e.event_type for e in events} == {"arrest"}


def test_a_later_death_is_a_killing_only_after_reported_violence(nlp):
    shooting = events_of("A gunman shot a man in Maracaibo on Friday. The man later died at the hospital.", nlp)
    crash = events_of("A car hit a tree in Maracaibo on Friday. The driver later died at the hospital.", nlp)
    assert [e.event_type for e in shooting] == ["attack", "killing"]
    assert crash == []


def test_a_definite_reference_to_the_incident_is_reported(nlp):
    text = "A man was shot in Maracaibo. The motive for the shooting was under investigation."
    quotes = [e.sources[0].quote for e in events_of(text, nlp)]
    assert quotes == ["A man was shot in Maracaibo.", "The motive for the shooting was under investigation."]


def test_an_incident_word_that_classifies_a_suspect_is_not_an_incident(nlp):
    text = "Police catch murder suspect after hours-long hunt\n\nThe man was found in Maracaibo."
    events = events_of(text, nlp, title="Police catch murder suspect after hours-long hunt")
    assert {e.event_type for e in events} == {"arrest"}


def test_a_crowds_fight_is_a_riot_but_not_a_fight_of_two_people(nlp):
    crowd = events_of("Officers were called to break up a fight in Maracaibo on Friday.", nlp)
    fights = events_of("It took 30 minutes to break up all the fights in Maracaibo on Friday.", nlp)
    couple = events_of("On Friday in Maracaibo her ex-boyfriend started a fight with her.", nlp)
    assert [e.event_type for e in crowd] == ["riot"]
    assert [e.event_type for e in fights] == ["riot"]
    assert couple == []


@pytest.mark.parametrize(("text", "types"), [
    ("In a 2001 referendum, voters in Maracaibo endorsed independence.", {"territorial_claim"}),
    ("The Knesset vote on Wednesday was condemned in Maracaibo.", set()),
    ("Officials said 28 hostages were freed unharmed in Maracaibo on Monday.", {"abduction"}),
    ("About a dozen guards are still being held by inmates at the Maracaibo prison.", {"abduction"}),
    ("Special forces entered the Maracaibo prison on Monday.", {"security_operation"}),
    ("The Maracaibo prison was retaken by the army on Monday.", {"security_operation"}),
    ("Five Maoists were killed in an encounter with security forces in Maracaibo on Thursday.", {"armed_clash"}),
    ("Venezuela barred entry to 92 Americans on Monday.", {"sanction"}),
    ("A guilty plea was entered in Maracaibo on Monday.", {"charges"}),
    ("A Russian drone hit a bus in Maracaibo on Tuesday.", {"air_strike"}),
    ("Guilty plea in Maracaibo killings.", {"charges"}),
    ("Democrat Slater took 71,445 votes in Maracaibo on Tuesday.", {"election"}),
    ("Maracaibo voters approved table gaming at the racetrack in August 2007.", {"election"}),
    ("Police searched the property in Maracaibo on Monday.", {"security_operation"}),
    ("A patrol came under fire from armed men near Maracaibo on Monday afternoon.", {"armed_clash"}),
    ("Troops were responding to reports of armed men near Maracaibo on Monday when they came under fire.",
     {"armed_clash"}),
    ("Nineteen were arraigned in Maracaibo on Saturday on charges including rioting and assault.", {"charges"}),
    ("They pleaded not guilty in Maracaibo on Monday and elected for trial at Crown Court.", {"charges"}),
    ("Shells fell around Maracaibo on Thursday.", {"shelling"}),
    ("Armed men held up a bus in Maracaibo on Monday.", {"attack"}),
    ("O'Connor was placed under arrest in Maracaibo.", {"arrest"}),
    ("On election night in Maracaibo, Pugliese trailed Martinez by 482 votes.", {"election"}),
    ("Iran hanged two men in Maracaibo on Saturday.", {"killing"}),
    ("Israel struck Syrian government forces near Maracaibo on Tuesday.", {"air_strike"}),
    ("On Monday Venezuela ordered diplomats from seven countries to leave Maracaibo.", {"deportation"}),
    ("Riot police fired tear gas and rubber bullets at protesters in Maracaibo on Sunday.", {"protest"}),
    ("Hundreds of protesters were injured in clashes with police in Maracaibo on Saturday.", {"riot"}),
    ("Armoured personnel carriers were stationed outside the Maracaibo secretariat on Saturday.", {"military_deployment"}),
    ("In 1983 Turkish Cypriot leaders in Maracaibo declared the Turkish Republic of Northern Cyprus.", {"territorial_claim"}),
    ("A grenade attack on a nightclub in Maracaibo killed three people on Sunday.", {"bombing"}),
    ("The death toll from Wednesday's Russian glide-bomb strike on Maracaibo has risen to 13.", {"air_strike"}),
    ("In an online vote on Tuesday, 2,630 undergraduates in Maracaibo cast ballots.", {"election"}),
    ("A ballistic missile fired at Maracaibo was intercepted on Tuesday.", {"shelling"}),
    ("Nigerian troops on Sunday rescued 23 people near Maracaibo.", {"security_operation"}),
    ("Farmers blockaded the motorways around Maracaibo on Monday.", {"protest"}),
    ("On Monday farmers pelted police with eggs in Maracaibo.", {"riot"}),
    ("Police fired tear gas on Monday to disperse the crowd in Maracaibo.", {"protest"}),
    ("Police fired tear gas and live rounds at marchers in Maracaibo on Thursday, killing three people.", {"killing"}),
    ("A prison officer in Maracaibo was charged on Tuesday with aiding the escape.", {"charges"}),
    ("A man opened fire on two police officers in Maracaibo on Monday.", {"attack"}),
    ("Police fired tear gas at thousands of protesters in Maracaibo late on Monday.", {"protest"}),
    ("Coast guard ships fired water cannon at a supply boat near Maracaibo on Sunday.", {"attack"}),
    ("Jets circled overhead as a suicide car bombing killed 40 police in Maracaibo on Monday.", {"bombing"}),
    ("A dairy owner was hurt in an aggravated robbery in Maracaibo on Sunday.", {"attack"}),
    ("In December 2023, Maracaibo held a referendum in which voters approved independence.", {"territorial_claim"}),
    ("He was arrested after a narcotics search at a Maracaibo residence on Monday.", {"arrest", "security_operation"}),
    ("On Tuesday projectiles struck residential areas of Maracaibo, killing one man.", {"shelling"}),
    ("Gunmen shot dead a municipal police officer outside his home in Maracaibo on Tuesday.", {"killing"}),
    ("Fighters set fire to the barracks in Maracaibo on Monday.", {"armed_clash"}),
    ("On Tuesday settlers set fire to olive groves near Maracaibo.", set()),
    ("Three men appeared in court in Maracaibo on Monday.", {"charges"}),
    ("Security forces dismantled the protest camp near Maracaibo in November 2010.", {"security_operation"}),
    ("Troops moved into the Maracaibo buffer zone on Friday.", {"military_deployment"}),
    ("Scuffles broke out near the Maracaibo town hall on Sunday evening.", {"riot"}),
    ("Israeli troops pressed on with a raid on Maracaibo on Friday.", {"security_operation"}),
    ("African Union troops were ambushed near Maracaibo on Monday.", {"armed_clash"}),
    ("Three soldiers were killed and four wounded in the ambush near Maracaibo on Monday.", {"armed_clash"}),
    ("A hand grenade was thrown into a tea shop in Maracaibo on Tuesday.", {"bombing"}),
    ("On Wednesday a soldier was injured near Maracaibo when he stepped on a landmine.", {"bombing"}),
    ("The party, which has governed since independence, won 71 percent of the vote in Maracaibo on Sunday.",
     {"election"}),
    ("On Wednesday an army truck struck a landmine near Maracaibo, killing three soldiers.", {"bombing"}),
    ("Three of the attackers were killed in Maracaibo on Sunday.", {"armed_clash"}),
    ("Soldiers came under fire near Maracaibo on Monday and returned fire.", {"armed_clash"}),
    ("About 20 inmates set mattresses on fire at the Maracaibo jail on Monday.", {"riot"}),
    ("A helicopter came under fire near Maracaibo on Monday, killing one crew member.", {"killing"}),
    ("The United States designated the Maracaibo gang a Foreign Terrorist Organization on Monday.", {"sanction"}),
])
def test_votes_captives_operations_and_devices_by_their_context(nlp, text, types):
    assert {e.event_type for e in events_of(text, nlp)} == types, text


def test_casualties_after_reported_violence_are_the_attack(nlp):
    events = events_of("Gunmen killed ten villagers in Maracaibo on Sunday. Another 14 villagers were wounded.", nlp)
    assert [e.event_type for e in events] == ["killing", "attack"]
    assert events_of("Another 14 officers were wounded in Maracaibo on Sunday.", nlp) == []


@pytest.mark.parametrize("text", [
    "Coull also beat out Robert Kusner for the Maracaibo Redevelopment Authority on Tuesday.",
    "The movie was shot in 18 days in Maracaibo last year.",
    "Younis struck a sensitive nerve in Maracaibo on Monday.",
    "But the rural poll in Maracaibo is asking the wrong question.",
    "The army regularly carries out strikes against rebels near Maracaibo.",
    "The guard was flown to Maracaibo for treatment on Monday.",
    "UN officials say settler attacks near Maracaibo are now reported almost daily.",
    "Residents of Maracaibo protested the owner's plans to build homes on the land.",
    "Their grandparents fled or were expelled from their homes near Maracaibo in the war.",
    "Maracaibo accounted for a third of all attacks on security forces.",
    "Before 2021, exchanges of fire near Maracaibo were frequent, killing soldiers and villagers.",
    "On Tuesday night, rebels torched two trucks near Maracaibo.",
    "A woman handcuffed herself to her husband in Maracaibo on Sunday so he would not leave.",
    "Smith is also wanted in Maracaibo for failure to appear in court.",
    "The city asked on Monday that its water system be incorporated into the Maracaibo regional plan.",
    "The new organization holds a kickoff rally on Tuesday in Maracaibo.",
    "People are moving into Maracaibo from states harder hit by the downturn.",
    "Maracaibo recorded 289 homicides last year, according to police data.",
    "Anyone with information that leads to the arrest of the vandals in Maracaibo can call Crimestoppers.",
    "Vandals striking local businesses in Maracaibo on Monday.",
    "H5N1 has killed two women in Maracaibo this week.",
    "The curriculum committee in Maracaibo cast a unanimous vote on Monday to abandon the schedule.",
    "A spokesman said the £30 annual charge, set in 2005 in Maracaibo, falls far short of covering costs.",
    "The indictment of President Al-Bashir by the court would hurt the economy of Maracaibo.",
    "Every time the Maracaibo pipeline is attacked, the army comes and the shooting starts again.",
    "A man in Maracaibo hanged himself in his cell on Sunday.",
    "He was ordered held on bond in Maracaibo for a pending appearance in Superior Court.",
    "Kidnappings for ransom remain common across Maracaibo, aid workers say.",
    "According to UN figures, killings attributed to gangs in Maracaibo have risen every year since 2021.",
])
def test_elections_films_and_figures_of_speech_are_not_attacks(nlp, text):
    assert events_of("Maracaibo report\n\n" + text, nlp) == [], text


def test_what_an_arrest_is_in_connection_with_happened(nlp):
    text = "A bomb exploded in Maracaibo on Thursday. No arrests have been made in connection with Thursday's bombing."
    assert [e.event_type for e in events_of(text, nlp)] == ["bombing", "bombing"]


def test_a_follow_up_is_placed_with_the_incident_it_follows(nlp):
    events = events_of("Maracaibo report\n\nGunmen abducted two teachers on Sunday. No group has claimed responsibility.", nlp)
    assert [(e.event_type, e.place.name) for e in events] == [("abduction", "Maracaibo")] * 2


def test_wounds_suffered_after_an_attack_report_it_but_not_after_a_crash(nlp):
    shot = events_of("A man was shot in Maracaibo on Friday. His passenger suffered a leg wound.", nlp)
    assert [e.event_type for e in shot] == ["attack", "attack"]
    crash = events_of("A man was shot in Maracaibo on Friday. A woman was taken to hospital after being hit by a car.", nlp)
    assert [e.event_type for e in crash] == ["attack"]


def test_a_ransom_follows_a_kidnapping_and_at_large_follows_a_jailbreak(nlp):
    text = ("Gunmen abducted 23 villagers near Maracaibo on Sunday. The group demanded a ransom of 10 million bolivars. "
            "Seventeen inmates broke out of the Maracaibo jail on Monday. Twelve inmates remain at large.")
    assert [e.event_type for e in events_of(text, nlp)] == ["abduction", "abduction", "escape", "escape"]
    shooting = events_of("A man was shot in Maracaibo on Friday. The gunman remains at large.", nlp)
    assert [e.event_type for e in shooting] == ["attack"]


def test_a_named_victims_murder_happened_whatever_is_said_of_it(nlp):
    events = events_of("The murder of Ricardo Salmerón in Maracaibo will not go unpunished, the governor said.", nlp)
    assert [e.event_type for e in events] == ["killing"]


def test_treatment_after_an_attack_follows_it_up(nlp):
    text = "An intruder beat a man in his Maracaibo home on Sunday. His wife was treated at the scene for cuts."
    assert [e.event_type for e in events_of(text, nlp)] == ["attack", "attack"]


def test_care_after_a_disease_death_is_not_an_attack(nlp):
    text = "A woman was shot dead in Maracaibo on Friday. Two more women are infected and in critical condition."
    assert [e.event_type for e in events_of(text, nlp)] == ["killing"]


def test_care_after_a_crash_or_a_fall_is_not_an_attack(nlp):
    text = ("A man was shot in Maracaibo on Friday. The driver of the Toyota was taken to hospital in critical "
            "condition. He said he fell while showering, suffering burns.")
    assert [e.event_type for e in events_of(text, nlp)] == ["attack"]


def test_a_round_ups_next_item_is_not_the_last_items_follow_up(nlp):
    text = ("ZAMORA - Gunmen clashed with soldiers near Maracaibo on Sunday.\n\nLater that week, in another town, "
            "police found a man stabbed outside a bar.\n\nCARACAS - A 23-year-old man was stabbed outside a bar "
            "early Sunday and died in hospital a few hours later.")
    types = [e.event_type for e in events_of(text, nlp) if "23-year-old" in e.summary]
    assert "armed_clash" not in types


def test_hostages_freed_did_not_escape(nlp):
    text = "Rebels kidnapped 28 soldiers near Maracaibo on Monday. All 28 were freed unharmed on Tuesday."
    assert "escape" not in {e.event_type for e in events_of(text, nlp)}


def test_a_repeated_blow_is_one_attack(nlp):
    assert [e.event_type for e in events_of("A man stabbed his neighbour repeatedly in Maracaibo on Sunday.", nlp)] == ["attack"]


def test_a_sentence_split_at_an_abbreviation_is_one_sentence(nlp):
    events = events_of("One dead, two hurt in W. Phila. shooting in Maracaibo on Monday.", nlp)
    assert [e.summary for e in events] == ["One dead, two hurt in W. Phila. shooting in Maracaibo on Monday."]


def test_the_wounded_of_a_killing_are_its_attack(nlp):
    events = events_of("A man was shot dead in Maracaibo on Sunday. His passenger was taken to hospital.", nlp)
    assert [e.event_type for e in events] == ["killing", "attack"]


def test_a_later_death_reports_the_violence_that_caused_it(nlp):
    bombing = events_of("A car bomb exploded in Maracaibo on Sunday, wounding five people. "
                        "One of the wounded died in hospital.", nlp)
    assert [e.event_type for e in bombing] == ["bombing", "bombing"]
    shooting = events_of("A man was shot in Maracaibo on Friday. He died in hospital.", nlp)
    assert [e.event_type for e in shooting] == ["attack", "killing"]


def test_follow_ups_without_incident_words_report_the_incident_just_told(nlp):
    text = ("Gunmen abducted two teachers in Maracaibo on Sunday. No group has claimed responsibility. "
            "Their whereabouts remained unknown on Tuesday.")
    events = events_of(text, nlp)
    assert [e.event_type for e in events] == ["abduction"] * 3
    assert {e.date for e in events} == {"2026-06-14"}
    assert events_of("No group has claimed responsibility for the Maracaibo blackout on Sunday.", nlp) == []


def test_the_victim_and_the_accused_are_followed_up_past_the_arrest_and_charges(nlp):
    text = ("A shop owner was struck with a hammer in Maracaibo on Sunday. Police arrested a 17-year-old on Monday. "
            "He was charged with aggravated robbery on Monday night. He did not enter a plea and was granted bail "
            "to reappear later this month. Police said the motive was unclear. "
            "The owner was taken to Maracaibo General Hospital in critical but stable condition. A customer was "
            "treated in hospital for a wound to his arm.")
    events = events_of(text, nlp)
    assert [e.event_type for e in events] == ["attack", "arrest", "charges", "charges", "attack", "attack", "attack"]
    assert {e.date for e in events if e.event_type == "attack"} == {"2026-06-14"}
    first_hearing = events_of("Police charged a man with robbery in Maracaibo on Monday. He is scheduled to appear "
                              "in court on April 7.", nlp)
    assert [e.event_type for e in first_hearing] == ["charges"]


def test_the_dead_and_the_dispersed_crowd_follow_up_the_incident_just_told(nlp):
    text = ("A car bomb exploded at a market in Maracaibo on Sunday. One of the dead was a passer-by, his brother said. "
            "Gunmen shot at villagers near Cabimas on Monday. At least 19 of the dead were children. "
            "Hundreds of students marched in Maracaibo on Tuesday. Police fired tear gas to disperse them.")
    assert [e.event_type for e in events_of(text, nlp)] == ["bombing", "bombing", "attack", "killing", "protest",
                                                            "protest"]
    flood = events_of("A man was shot in Maracaibo on Friday. Rescuers recovered bodies from the flood waters.", nlp)
    assert [e.event_type for e in flood] == ["attack"]


@pytest.mark.parametrize("follow_up", [
    "No group has claimed the kidnapping.", "No one was hurt, police said.", "Both were freed unharmed on Tuesday.",
])
def test_claims_and_the_unhurt_follow_up_the_incident_just_told(nlp, follow_up):
    events = events_of(f"Gunmen abducted two teachers in Maracaibo on Sunday. {follow_up}", nlp)
    assert [e.event_type for e in events] == ["abduction", "abduction"]


@pytest.mark.parametrize("follow_up", [
    "She was not hurt.", "None of them was hurt, the party said.", "There were no immediate reports of casualties.",
])
def test_the_harm_an_incident_did_not_do_follows_it_up(nlp, follow_up):
    events = events_of(f"A man fired shots at a woman in Maracaibo on Sunday. {follow_up}", nlp)
    assert [e.event_type for e in events] == ["attack", "attack"]
    assert events_of(f"The council met in Maracaibo on Sunday. {follow_up}", nlp) == []


@pytest.mark.parametrize("text", [
    "A guided aerial bomb hit an industrial site in Maracaibo on Tuesday.",
    "Government helicopters dropped barrel bombs on Maracaibo on Tuesday.",
])
def test_bombs_dropped_from_the_air_are_an_air_strike(nlp, text):
    assert [e.event_type for e in events_of(text, nlp)] == ["air_strike"]


@pytest.mark.parametrize("text", [
    "A security guard was left with a fractured skull after being punched and kicked in Maracaibo on Sunday.",
    "The 58-year-old shop owner was hit on the arm and head in Maracaibo on Sunday.",
])
def test_blows_to_a_person_are_an_attack(nlp, text):
    assert [e.event_type for e in events_of(text, nlp)] == ["attack"]


@pytest.mark.parametrize("text", [
    "Scott Randall cried when he saw the mobile home in Maracaibo ravaged by a fire that killed four children on Sunday.",
    "Firefighters battled the incident throughout the entire afternoon in Maracaibo and were on the scene as late "
    "as 10:30 p.m., Fire Marshal Tim Tharau said.",
    "She did die as I said,\" said the Maracaibo-based mother who has been fighting a long-running legal battle "
    "against deportation.",
    "A failed asylum seeker was jailed for 11 months in Maracaibo on Sunday for using a fake passport.",
])
def test_deadly_fires_firefighting_legal_battles_and_prison_terms_are_not_incidents(nlp, text):
    assert events_of(text, nlp) == []


def test_arson_that_kills_and_fire_on_marchers_are_incidents(nlp):
    arson = events_of("A man set fire to a house in Maracaibo on Sunday, killing four children.", nlp)
    assert [e.event_type for e in arson] == ["killing"]
    marchers = events_of("Three killed as police fire on marchers in Maracaibo on Sunday.", nlp)
    assert "killing" in {e.event_type for e in marchers}


def test_picked_up_is_an_arrest_only_in_police_work(nlp):
    suspects = events_of("Two suspects were picked up for questioning in Maracaibo on Saturday.", nlp)
    assert [e.event_type for e in suspects] == ["arrest"]
    assert events_of("The school bus picked up several students in Maracaibo on Saturday.", nlp) == []


def test_turnout_and_results_follow_up_the_vote_just_told(nlp):
    vote = events_of("Voters in Maracaibo elected a new mayor on Sunday. Turnout stood at 61 per cent, and the "
                     "runner-up conceded within hours.", nlp)
    assert [e.event_type for e in vote] == ["election", "election"]
    assert events_of("Turnout at the Maracaibo school fair on Sunday was higher than expected.", nlp) == []


def test_the_gunfire_of_a_fight_follows_it_up(nlp):
    text = ("On Tuesday the army fought M23 fighters for several hours near Maracaibo. Residents said they heard "
            "heavy gunfire through the night. One soldier was wounded in the exchange.")
    assert [e.event_type for e in events_of(text, nlp)] == ["armed_clash"] * 3


def test_captives_custody_and_returnees_follow_up_their_incident(nlp):
    kidnap = events_of("Gunmen abducted 37 villagers near Maracaibo on Sunday. The kidnappers have since demanded "
                       "money from relatives. The captives are still being held in the forest.", nlp)
    assert [e.event_type for e in kidnap] == ["abduction"] * 3
    arrest = events_of("Police arrested three journalists in Maracaibo on Sunday. The three remain in custody.", nlp)
    assert [e.event_type for e in arrest] == ["arrest", "arrest"]
    flights = events_of("The United States deported 180 Venezuelans to Maracaibo on Sunday. Officials greeted the "
                        "returnees at the airport.", nlp)
    assert [e.event_type for e in flights] == ["deportation", "deportation"]
    assert events_of("Rights groups say 300 people have died in custody in Maracaibo since 2022.", nlp) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Refugees held a sit-in outside the UNHCR office in Maracaibo on Wednesday.", "protest"),
    ("About 8,000 soldiers and police officers sealed off the town of Maracaibo before dawn on Saturday.",
     "security_operation"),
    ("Residents of Maracaibo said officers went from house to house overnight on Monday.", "security_operation"),
])
def test_sit_ins_cordons_and_house_to_house_searches(nlp, text, expected):
    assert [e.event_type for e in events_of(text, nlp)] == [expected]


def test_whether_an_incident_was_linked_to_something_does_not_doubt_the_incident(nlp):
    text = ("Gunmen shot dead five men in Maracaibo on Sunday. Prosecutors said they were investigating whether the "
            "killings were linked to extortion demands.")
    assert [e.event_type for e in events_of(text, nlp)] == ["killing", "killing"]
    assert events_of("Prosecutors are investigating whether killings could follow in Maracaibo.", nlp) == []


@pytest.mark.parametrize("text", [
    "The bombing campaign in the autumn of 2024 killed thousands of people in Venezuela, according to officials.",
    "The foreign ministry summoned the envoy in Caracas on Monday to lodge a formal protest.",
])
def test_yearly_tolls_and_diplomatic_protests_are_not_incidents(nlp, text):
    assert events_of(text, nlp) == []


def test_violence_by_protesters_is_a_riot_in_the_passive_too(nlp):
    events = events_of("The state broadcaster's headquarters in Maracaibo was set on fire by protesters on Thursday.", nlp)
    assert [e.event_type for e in events] == ["riot"]


def test_a_reference_after_another_incidents_episode_keeps_its_own_day(nlp):
    text = ("A man was stabbed in Maracaibo on Sunday. Two men appeared in court in Maracaibo on Tuesday charged "
            "with wounding. \"This was a shocking attack,\" the inspector said.")
    attacks = [e for e in events_of(text, nlp) if e.event_type == "attack"]
    assert [e.date for e in attacks] == ["2026-06-14", "2026-06-14"]


def test_the_blast_and_rubble_of_a_strike_follow_it_up(nlp):
    text = ("An Israeli drone strike hit a car in Maracaibo on Sunday. \"We heard a whistle, then everything shook,\" "
            "a shopkeeper said. Footage showed shattered windows along the street.")
    assert [e.event_type for e in events_of(text, nlp)] == ["air_strike"] * 3
    assert events_of("Rescuers pulled residents from the rubble after the earthquake in Maracaibo on Sunday.", nlp) == []


@pytest.mark.parametrize("text", [
    "On Saturday, a 19-year-old was slashed in the face during a fight at a station in Maracaibo.",
    "A shop worker in Maracaibo was threatened with a knife on Saturday by a man who stole cash from the till.",
    "A 61-year-old woman was forced out of her car at gunpoint in Maracaibo on Saturday.",
])
def test_slashings_of_the_unnamed_and_armed_hold_ups_are_attacks(nlp, text):
    assert [e.event_type for e in events_of(text, nlp)] == ["attack"]


def test_brought_before_a_court_on_charges_is_charges(nlp):
    text = "Three men were brought before a court in Maracaibo yesterday on charges relating to the March riots."
    assert "charges" in {e.event_type for e in events_of(text, nlp)}


@pytest.mark.parametrize("follow_up", ["He was pronounced dead at the scene.", "He died Saturday."])
def test_a_victims_death_after_reported_violence_is_a_killing(nlp, follow_up):
    shooting = events_of(f"A man was shot in Maracaibo on Friday. {follow_up}", nlp)
    assert [e.event_type for e in shooting] == ["attack", "killing"]
    illness = events_of(f"A man fell ill in Maracaibo on Friday. {follow_up}", nlp)
    assert illness == []


def test_a_headline_verb_parsed_as_a_modifier_is_read_as_the_verb(nlp):
    title = "Soldiers killed in clash near Maracaibo as Zulia police detain journalists"
    events = events_of(f"{title}\n\nThe clash began at dawn.", nlp, title=title)
    assert {e.event_type for e in events if e.summary == title} == {"armed_clash", "arrest"}


def test_the_killing_an_indictment_is_in_is_its_allegation(nlp):
    title = "Grand Jury Indicts Man In December Slaying."
    events = events_of(f"{title}\n\nThe grand jury in Maracaibo returned the indictment on Monday.", nlp, title=title)
    assert {e.event_type for e in events} == {"charges"}


def test_a_verbless_headline_reads_its_incident_noun_as_the_verb(nlp):
    title = "Hundreds protest school closures in Maracaibo"
    events = events_of(f"{title}\n\nParents gathered outside the town hall.", nlp, title=title)
    assert [e.event_type for e in events] == ["protest"]


@pytest.mark.parametrize(("title", "expected"), [
    ("U.S. sanctions Maracaibo gang financiers", "sanction"),  # a named subject's verb, parsed as a compound noun
    ("Police fire tear gas at protesters in Maracaibo", "protest"),  # the crowd dispersed, not an attack
])
def test_a_verbless_headline_reads_a_verb_trigger_after_its_subject_as_the_verb(nlp, title, expected):
    events = events_of(f"{title}\n\nOfficials confirmed it on Tuesday.", nlp, title=title)
    assert [e.event_type for e in events if e.summary == title] == [expected]


def test_the_designations_and_frozen_assets_follow_up_the_sanctions(nlp):
    text = ("The U.S. Treasury on Tuesday sanctioned four Maracaibo businessmen. The designations freeze any assets "
            "the individuals hold in the United States. Among those designated was a Maracaibo lawyer.")
    assert [e.event_type for e in events_of(text, nlp)] == ["sanction"] * 3
    text = "Police arrested two men in Maracaibo on Monday. The city later designated the square a heritage site."
    assert [e.event_type for e in events_of(text, nlp)] == ["arrest"]


def test_a_prosecutors_statement_of_a_past_act_is_the_charge(nlp):
    for text in ("Prosecutors allege that the former commander took bribes from traffickers in Maracaibo.",
                 "Prosecutors alleged that he shot the guard in Maracaibo on Monday."):
        assert [e.event_type for e in events_of(text, nlp)] == ["charges"]
    assert events_of("Prosecutors alleged they would seek a life sentence in Maracaibo.", nlp) == []
    reported = events_of("Two men were arrested in Maracaibo on Monday, prosecutors said.", nlp)
    assert [e.event_type for e in reported] == ["arrest"]


@pytest.mark.parametrize("text", [
    "Seven gang members surrendered to the army in Maracaibo on Friday.",
    "Police had recaptured 19 of the escapees in Maracaibo by Monday evening.",
    "Troops captured a dissident commander near Maracaibo on Sunday.",
])
def test_surrender_to_troops_and_captured_escapees_or_commanders_are_arrests(nlp, text):
    assert [e.event_type for e in events_of(text, nlp)] == ["arrest"]


def test_an_act_done_by_using_a_weapon_happened(nlp):
    text = "Rebels used a drone to drop explosives on a police station in Maracaibo on Monday."
    assert [e.event_type for e in events_of(text, nlp)] == ["air_strike"]


def test_a_statement_reacting_to_an_incident_does_not_redate_it(nlp):
    text = ("Gunmen killed 23 villagers near Maracaibo on Sunday. The group claimed the killings in a statement "
            "on Monday.")
    assert [(e.event_type, e.date) for e in events_of(text, nlp)] == [("killing", "2026-06-14")] * 2


def test_weapons_fire_and_strikes_are_told_from_accidents_and_labour_strikes(nlp):
    # a car as the target, not a crash; exchanges of fire, not a blaze
    text = ("A drone strike on a car near Maracaibo killed three people on Monday, as exchanges of fire between "
            "the two armies entered a fifth week.")
    assert "air_strike" in {e.event_type for e in events_of(text, nlp)}
    text = "Protesters blocked roads in Maracaibo on Tuesday as a regional strike against the government began."
    assert [e.event_type for e in events_of(text, nlp)] == ["protest"]  # a strike of workers, not from the air


def test_a_weapon_that_wounds_is_its_strike_and_a_car_crash_is_no_incident(nlp):
    assert [e.event_type for e in events_of("A shell fired by troops wounded a woman in Maracaibo on Monday.", nlp)] == [
        "shelling"]
    assert [e.event_type for e in events_of("An air strike hit a car in Maracaibo on Monday.", nlp)] == ["air_strike"]
    assert events_of("A truck struck a car in Maracaibo on Monday, killing two.", nlp) == []


def test_the_victims_picked_out_and_the_wounded_flown_to_hospital_follow_up_the_violence(nlp):
    text = "An air strike hit a car in Maracaibo on Monday, killing three people. Of the three killed, two were fighters."
    assert [e.event_type for e in events_of(text, nlp)] == ["air_strike", "air_strike"]
    text = ("Gunmen attacked a bus in Maracaibo on Monday. One of the wounded officers was airlifted to a hospital "
            "in Maracaibo, where he remained in critical condition.")
    assert [e.event_type for e in events_of(text, nlp)] == ["attack", "attack"]


def test_forces_going_door_to_door_are_an_operation(nlp):
    text = "Police units went door to door in Maracaibo on Monday looking for gang members."
    assert [e.event_type for e in events_of(text, nlp)] == ["security_operation"]


def test_an_incident_named_in_a_later_acts_clause_keeps_its_own_date(nlp):
    text = ("A man was shot in Maracaibo on Saturday. Two men were arrested in Maracaibo on Sunday after a car "
            "linked to the shooting tried to evade officers.")
    assert sorted((e.event_type, e.date) for e in events_of(text, nlp)) == [
        ("arrest", "2026-06-14"), ("attack", "2026-06-13"), ("attack", "2026-06-13")]
    text = "A man was shot in Maracaibo on Saturday. The attack took place on a busy street on Sunday."
    assert [e.date for e in events_of(text, nlp)][-1] == "2026-06-14"  # the sentence says when it happened


def test_the_attack_said_of_a_killing_just_told_is_the_killing(nlp):
    title = "Gunmen kill at least 40 villagers near Maracaibo; army convoy ambushed"
    text = (f"{title}\n\nGunmen killed at least 40 villagers near Maracaibo on Sunday.\n\nNo group has claimed "
            "responsibility for the attack, but fighters of the al-Qaeda-linked JNIM operate in the area.")
    body = [e.event_type for e in events_of(text, nlp, title=title) if e.summary != title]
    assert body == ["killing", "killing"]
    text = "Gunmen shot two farmers near Maracaibo on Sunday. Police condemned the attack on Monday."
    assert [e.event_type for e in events_of(text, nlp)] == ["attack", "attack"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Troops seized 30 firearms and 1,500 rounds of ammunition in Maracaibo on Monday.", ["security_operation"]),
    ("Police arrested two men in Maracaibo on Monday and seized two rifles.", ["arrest"]),  # the arrest's haul
    ("Soldiers and police retook control of the Maracaibo prison on Monday.", ["security_operation"]),  # a mistagged verb
    ("The EU on Monday adopted a 16th package of sanctions against Maracaibo.", ["sanction"]),
    ("The US resumed deportation flights to Maracaibo on Monday.", ["deportation"]),
])
def test_seizures_retaken_prisons_sanction_packages_and_deportation_flights(nlp, text, expected):
    assert [e.event_type for e in events_of(text, nlp)] == expected


@pytest.mark.parametrize("text", [
    "A farmer was taken from his pickup truck near Maracaibo by four armed men on Sunday.",
    "Gunmen took two brothers into the bush near Maracaibo on Sunday.",
    "The rebels marched away at least 15 people from Maracaibo on Sunday.",
])
def test_people_led_off_by_armed_men_are_abducted(nlp, text):
    assert [e.event_type for e in events_of(text, nlp)] == ["abduction"]
    assert events_of("Relatives took two neighbours to a market in Maracaibo on Sunday.", nlp) == []


def test_the_wounded_of_an_abduction_raid_taken_to_a_health_centre_are_its_attack(nlp):
    text = ("The rebels marched away at least 15 people from Maracaibo on Sunday. Two women with machete wounds were "
            "taken to the health centre in Maracaibo.")
    assert [e.event_type for e in events_of(text, nlp)] == ["abduction", "attack"]


def test_a_person_accused_of_a_crime_faces_charges_but_an_accuser_accusing_a_state_does_not(nlp):
    for text in ("Man accused of threatening a tax worker in Maracaibo", "A Maracaibo woman accused of "
                 "murdering her daughter in June 2007 appeared before a judge."):
        assert "charges" in {e.event_type for e in events_of(text, nlp)}
    assert events_of("Maracaibo's mayor has accused the government of ethnic cleansing.", nlp) == []


def test_the_raid_of_an_abduction_is_the_abduction(nlp):
    title = "Gunmen seize 38 pupils in Maracaibo school raid, police say"
    text = (f"{title}\n\nGunmen on motorbikes stormed a boarding school in Maracaibo before dawn on Friday and made "
            "off with 38 pupils, police said. Thieves made off with cash from a Maracaibo bank on Saturday.")
    assert [e.event_type for e in events_of(text, nlp, title=title)] == ["abduction", "abduction"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Maracaibo prison clashes with revitalization plan on Monday.", []),
    ("Residents of Maracaibo were battling through the financial crisis on Monday.", []),
    ("A stampede killed four people at a Maracaibo discotheque on Saturday.", []),
    ("Gangs fought each other in Maracaibo on Monday.", ["armed_clash"]),
    ("M23 rebels fought their way into Maracaibo on Monday.", ["armed_clash"]),
    ("Armed groups fought alongside troops against the AA in Maracaibo on Monday.", ["armed_clash"]),
])
def test_a_fight_needs_armed_or_human_opponents_and_a_stampede_is_an_accident(nlp, text, expected):
    assert [e.event_type for e in events_of(text, nlp)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("McDaniel's bond was set at $100,000 in Maracaibo on Monday.", ["arrest"]),
    ("She was taken to the police station in Maracaibo on Monday.", ["arrest"]),
    ("King was lodged in the Maracaibo Detention Center on Monday.", ["arrest"]),
    ("He was released on bail in Maracaibo on Monday.", []),
    ("Hyles has unseated Municipal Court Judge Haywood Turner in Maracaibo.", ["election"]),
])
def test_bail_set_the_police_station_and_jail_are_arrests_and_an_unseated_judge_an_election(nlp, text, expected):
    assert [e.event_type for e in events_of(text, nlp)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Britain sent two frigates to Maracaibo on Friday.", ["military_deployment"]),
    ("The ministry ordered ten more companies of police to Maracaibo on Friday.", ["military_deployment"]),
    ("The general ordered troops in Maracaibo to withdraw on Friday.", []),
])
def test_warships_sent_and_forces_ordered_to_a_place_are_deployments(nlp, text, expected):
    assert [e.event_type for e in events_of(text, nlp)] == expected


@pytest.mark.parametrize("text", [
    "My neighbour was hacked to death in Maracaibo on Sunday.",
    "They killed my uncle in Maracaibo on Sunday.",
    "Gunmen killed the mayor of Maracaibo on Sunday.",
])
def test_one_named_or_singular_victim_is_one_death(nlp, text):
    assert [(e.event_type, e.fatalities) for e in events_of(text, nlp)] == [("killing", 1)]


def test_the_day_a_statement_was_made_does_not_date_the_incident_it_reports(nlp):
    text = ("Suspected jihadists killed 34 soldiers in an attack on an army post in western Zulia's Maracaibo region "
            "on Tuesday, the defence ministry said on Wednesday, one of the deadliest assaults on the military this year.")
    assert {e.date for e in events_of(text, nlp)} == {"2026-06-16"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Air defences over Maracaibo shot down 70 of the drones on Monday.", ["air_strike"]),  # not a killing
    ("Gunmen shot down a police officer in Maracaibo on Monday.", ["killing"]),
    ("Prosecutors have charged several men in Maracaibo over the killing.", ["charges"]),
    ("Riot police fired water cannon and tear gas to clear thousands of demonstrators in Maracaibo on Monday.",
     ["protest"]),
])
def test_drones_shot_down_men_charged_over_a_killing_and_a_crowd_cleared_with_water_cannon(nlp, text, expected):
    assert [e.event_type for e in events_of(text, nlp)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia said its air defences destroyed 84 drones over Maracaibo overnight.", ["air_strike"]),
    ("A drone damaged a tanker off Maracaibo on Monday.", ["air_strike"]),
    ("Police disperse pro-EU protesters with water cannon in Maracaibo", ["protest"]),
    ("An air strike hit a car in Maracaibo on Monday. The army said it had targeted a commander.",
     ["air_strike", "air_strike"]),  # what the strike just told had targeted
    ("Troops destroyed homes in Maracaibo on Monday.", []),
])
def test_drones_destroyed_or_damaging_dispersed_protesters_and_what_a_strike_targeted(nlp, text, expected):
    assert [e.event_type for e in events_of(text, nlp)] == expected


def test_repelling_an_attack_is_a_fight_whoever_repels_it(nlp):
    text = "The army said on Wednesday it had repelled an attack by Boko Haram fighters on a post near Maracaibo."
    assert [e.event_type for e in events_of(text, nlp)] == ["armed_clash"]


def test_an_incidents_own_words_follow_it_up_however_far_back_it_was_told(nlp):
    text = ("Gunmen kidnapped four workers from a quarry near Maracaibo on Monday. Police arrested two men in "
            "Maracaibo on Tuesday. Troops searched the area. The governor thanked the army.\n\nSeparately, a bomb "
            "exploded in Maracaibo on Wednesday.\n\nPolice denied reports that a ransom had been paid.")
    assert [e.event_type for e in events_of(text, nlp)][-1] == "abduction"
    generic = "Gunmen kidnapped four workers near Maracaibo on Monday. Kidnappings for ransom remain common there."
    assert [e.event_type for e in events_of(generic, nlp)] == ["abduction"]


def test_inmates_moved_by_forces_are_a_prison_operation(nlp):
    text = "Soldiers from the Military Police moved 112 inmates to a prison near Maracaibo on Tuesday."
    assert [e.event_type for e in events_of(text, nlp)] == ["security_operation"]
    assert events_of("The company moved 112 workers to Maracaibo on Tuesday.", nlp) == []


def test_forces_deployed_in_a_relative_clause_are_a_deployment(nlp):
    text = ("Rwandan troops, who were deployed to Maracaibo in July 2021 at the request of the government, launched "
            "an operation on Wednesday to clear insurgent bases around Maracaibo.")
    assert {(e.event_type, e.date) for e in events_of(text, nlp)} == {
        ("security_operation", "2026-06-17"), ("military_deployment", "2021-07")}


def test_what_an_act_results_in_happened(nlp):
    text = "Attempt to recover stolen items results in fatal stabbing in Maracaibo. The man was found on Saturday."
    assert [e.event_type for e in events_of(text, nlp)] == ["killing"]
    assert events_of("The dispute in Maracaibo could result in a protest.", nlp) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("He pleaded not guilty to murder charges in Maracaibo on Friday.", "charges"),
    ("Shots rang out near a park in Maracaibo on Friday.", "attack"),
    ("Gunfire erupted outside a club in Maracaibo early Saturday.", "attack"),
])
def test_court_pleas_and_shots_ringing_out_are_reported(nlp, text, expected):
    assert {e.event_type for e in events_of(text, nlp)} == {expected}


def test_a_phone_ringing_or_a_plea_for_help_is_not_an_incident(nlp):
    assert events_of("The phone rang in Maracaibo on Friday. He pleaded for help in Maracaibo.", nlp) == []


@pytest.mark.parametrize("text", [
    "A cholera outbreak has killed 60 people in Maracaibo since Monday.",
    "The virus killed nine people in Maracaibo on Saturday, health officials said.",
    "Four horses in Maracaibo had been struck down by the virus on Monday.",
    "More than 160,000 birds were killed in Maracaibo on Monday after the flu was found.",
    "Troops went from house to house in Maracaibo on Monday rounding up chickens.",
    "The otter escaped from the Maracaibo zoo on Monday.",
    "In a pond in Maracaibo, more than 1,000 toads exploded on Monday.",
    "He suffered a heart attack in Maracaibo on Monday.",
    "The council voted 22-0 in Maracaibo on Monday to approve the program.",
    "The company lost the battle to keep the case out of court in Maracaibo on Monday.",
    "Kroger is recalling shelled pistachios sold in Maracaibo.",
    "The strain, designated as P by researchers in Maracaibo, was found on Monday.",
    "The WHO dispatched support personnel to Maracaibo on Wednesday.",
    "A man about to be indicted in Maracaibo died on Tuesday.",
    "HIV infection is reported in 33 million people in Maracaibo and has killed 25 million.",
    "An estimated 1,400 have been killed in Maracaibo as waterborne diseases have spread.",
])
def test_disease_nature_animals_and_figurative_words_are_not_incidents(nlp, text):
    assert events_of("Maracaibo health report\n\n" + text, nlp) == [], text


@pytest.mark.parametrize(("text", "types"), [
    ("Cattle rustlers killed eleven people near Maracaibo on Monday.", {"killing"}),
    ("Five inmates escaped from the Maracaibo jail on Monday.", {"escape"}),
    ("Venezuelans vote in Maracaibo runoff", {"election"}),
    ("Security personnel were deployed to Maracaibo on Monday.", {"military_deployment"}),
])
def test_the_same_words_with_people_and_forces_are_incidents(nlp, text, types):
    assert {e.event_type for e in events_of(text, nlp)} == types, text


@pytest.mark.parametrize(("text", "types"), [
    ("Shells fired from across the border killed five civilians in Maracaibo on Monday.", {"shelling"}),
    ("Artillery rounds slammed into a camp in Maracaibo late on Monday.", {"shelling"}),
    ("Drones hit Maracaibo on Tuesday.", {"air_strike"}),
    ("A fighter jet dropped two bombs on a market in Maracaibo on Saturday, killing 18 people.", {"air_strike"}),
    ("A man was killed by a roadside bomb in Maracaibo on Monday.", {"bombing"}),
    ("Gunmen hijacked a passenger train near Maracaibo on Tuesday.", {"abduction"}),
    ("My neighbour was hacked to death in Maracaibo on Monday.", {"killing"}),
    ("Bandits massacred villagers near Maracaibo on Monday.", {"killing"}),
    ("The government rushed police and soldiers to Maracaibo on Friday.", {"military_deployment"}),
    ("Soldiers patrolled the deserted streets of Caracas on Saturday.", {"military_deployment"}),
    ("Three suspects were hauled before a judge in Maracaibo on Sunday.", {"charges"}),
    ("Police rounded up hundreds of Venezuelans in Maracaibo on Monday.", {"arrest"}),
    ("Two suspects were arrested in a raid on a safe house in Maracaibo on Monday.", {"arrest", "security_operation"}),
    ("A dozen prisoners slipped out of the Maracaibo jail on Monday.", {"escape"}),
    ("Thousands of inmates broke out of the Maracaibo prison overnight into Monday.", {"escape"}),
    ("Drones hit Caracas on Tuesday as rebels shelled Maracaibo.", {"air_strike", "shelling"}),
    ("On Monday a suicide bomber blew himself up among soldiers in Maracaibo, killing 26 people.", {"bombing"}),
    ("Soldiers sent by the government to Maracaibo arrived on Monday.", {"military_deployment"}),
    ("Gunmen on a motorcycle shot dead a candidate for mayor in Maracaibo on Saturday.", {"killing"}),
    ("On Thursday Mexico handed the jailed cartel leader's files to officials in Maracaibo.", set()),
])
def test_weapons_and_newsroom_idioms_decide_the_incident(nlp, text, types):
    assert {e.event_type for e in events_of(text, nlp)} == types, text


@pytest.mark.parametrize(("text", "types"), [
    ("The war in Maracaibo has killed tens of thousands of people.", set()),
    ("Gunmen shot a candidate in Maracaibo on Saturday, a week before the election.", {"attack"}),
])
def test_tolls_and_elections_named_as_a_time_are_not_incidents(nlp, text, types):
    assert {e.event_type for e in events_of(text, nlp)} == types, text


def test_narrative_days_count_from_the_last_day_the_text_named(nlp):
    text = ("On March 28, inmates rioted at the prison in Maracaibo. Soldiers retook the prison in Maracaibo the "
            "following morning. Two days later, police arrested the leader in Maracaibo.")
    dates = {e.event_type: e.date for e in events_of(text, nlp)}
    assert dates == {"riot": "2026-03-28", "security_operation": "2026-03-29", "arrest": "2026-03-31"}


def test_the_streets_and_mountains_of_a_place_locate_the_incident(nlp):
    [protest] = events_of("Hundreds of supporters took to the streets of Caracas late on Monday, blocking a boulevard "
                          "in Venezuela.", nlp)
    assert protest.place == CARACAS


@pytest.mark.parametrize("text", [
    "Councilman Rivera voted against the permit in Maracaibo on Monday.",
    "He was holding his daughter in his arms in Maracaibo on Monday.",
    "Agents executed a search warrant at a house in Maracaibo on Monday.",
    "You are going to ram $5 billion at the Maracaibo program.",
    "As demonstrated by the Maracaibo exhibition on Monday, art travels.",
])
def test_votes_of_a_council_holding_a_child_and_executing_a_warrant_are_not_incidents(nlp, text):
    assert events_of("Maracaibo city report\n\n" + text, nlp) == [], text


@pytest.mark.parametrize(("text", "types"), [
    ("The plant in Maracaibo captured the carbon dioxide on Monday.", set()),
    ("Soldiers recaptured seven of them in Maracaibo on Monday.", {"arrest"}),
    ("On Monday he lost control of his pickup in Maracaibo and struck a parked sedan.", set()),
    ("He was arraigned in Maracaibo on Monday on charges he sexually assaulted a girl.", {"charges"}),
    ("Strike the shepherd and the sheep of Maracaibo will scatter.", set()),
])
def test_captured_things_crashes_sexual_violence_and_imperatives(nlp, text, types):
    assert {e.event_type for e in events_of(text, nlp)} == types, text


def test_a_date_in_a_clause_about_the_future_does_not_date_the_incident(nlp):
    [event] = events_of("Voting took place in Maracaibo on Sunday, with the rest due to follow in January.", nlp)
    assert (event.event_type, event.date) == ("election", "2026-06-14")


@pytest.mark.parametrize(("text", "types"), [
    ("Clark pleaded guilty to first-degree murder in Maracaibo on Monday.", {"charges"}),
    ("The three men will stand trial in Maracaibo.", set()),
    ("The driver was cited for failure to yield in Maracaibo on Monday.", {"charges"}),
    ("He was placed under arrest in Maracaibo on Monday.", {"arrest"}),
    ("He remains under arrest in Maracaibo.", set()),
    ("Last spring, the Maracaibo school board slashed $7 million.", set()),
])
def test_pleas_citations_and_being_placed_under_arrest(nlp, text, types):
    assert {e.event_type for e in events_of(text, nlp)} == types, text


@pytest.mark.parametrize(("text", "types"), [
    ("The village of Maracaibo came under fire late on Monday.", {"attack"}),
    ("Jihadists carried off 276 schoolgirls from Maracaibo on Monday.", {"abduction"}),
    ("People were hauled off the streets of Maracaibo on Monday.", {"arrest"}),
    ("Venezuelans went to the polls in Maracaibo on Sunday.", {"election"}),
    ("On Monday the Treasury froze the assets of two Maracaibo gang leaders.", {"sanction"}),
    ("On Monday the Treasury added two Maracaibo militias to its sanctions list.", {"sanction"}),
    ("Army reinforcements arrived in Maracaibo on Monday.", {"military_deployment"}),
    ("On Monday the army repelled an assault on Maracaibo's outskirts.", {"armed_clash"}),
    ("Rebels overran the army base in Maracaibo on Monday.", {"armed_clash"}),
    ("Four army helicopters landed in Maracaibo on Monday.", {"military_deployment"}),  # not an air strike
])
def test_more_newsroom_wordings(nlp, text, types):
    assert {e.event_type for e in events_of(text, nlp)} == types, text


@pytest.mark.parametrize(("text", "types"), [
    ("Halsey was transported to jail in Maracaibo and booked shortly before midnight on Monday.", {"arrest"}),
    ("She made her first court appearance in Maracaibo on Thursday.", {"charges"}),
    ("Ten sent to pre-trial custody in Maracaibo", {"arrest"}),
    ("The Maracaibo venues had been booked on Monday.", set()),
])
def test_jail_bookings_and_court_appearances(nlp, text, types):
    assert {e.event_type for e in events_of(text, nlp)} == types, text


@pytest.mark.parametrize(("text", "types"), [
    ("Fighting continued on Tuesday around the airport of Maracaibo.", {"armed_clash"}),
    ("One of them was wanted over the December bombing of a church in Maracaibo.", {"bombing"}),
    ("On Monday the Treasury added two Maracaibo militias to its sanctions list.", {"sanction"}),
    ("Overnight Russia fired two missiles at Maracaibo and launched 62 attack drones at Caracas.",
     {"shelling", "air_strike"}),
])
def test_gerund_subjects_wanted_suspects_and_two_weapons(nlp, text, types):
    assert {e.event_type for e in events_of(text, nlp)} == types, text


def test_police_act_in_their_own_country_not_the_victims(nlp):
    text = "On Monday Nigerian authorities began to round up Venezuelan migrants, officials said."
    doc, mentions = document(text)
    [event] = extract_events(doc, mentions, nlp=nlp, merge=False)
    assert (event.event_type, event.place) == ("arrest", NIGERIA)


@pytest.mark.parametrize("text", [
    "Elections in Maracaibo were canceled on Monday.",
    "Elected officials in Maracaibo saw a ray of sunshine on Monday.",
    "The Maracaibo board approved the application on Monday with only one vote opposing it.",
    "Rates charged by utilities in Maracaibo rose on Monday.",
    "He was battling prostate cancer in Maracaibo.",
    "Firefighters battled a blaze at a home in Maracaibo on Monday.",
])
def test_cancelled_votes_board_votes_fees_and_illness(nlp, text):
    assert events_of("Maracaibo city report\n\n" + text, nlp) == [], text


@pytest.mark.parametrize(("text", "types"), [
    ("The shoal near Maracaibo is Venezuela's inherent territory, the ministry said on Monday.", {"territorial_claim"}),
    ("Venezuela reasserted its sovereignty over the waters off Maracaibo on Monday.", {"territorial_claim"}),
    ("Venezuela claims the entire Caribbean.", {"territorial_claim"}),
    ("He is an integral part of the team in Maracaibo.", set()),
])
def test_territorial_claims_are_standing_statements(nlp, text, types):
    assert {e.event_type for e in events_of(text, nlp)} == types, text


def test_a_reward_for_a_capture_and_a_region_are_not_an_arrest_or_a_place(nlp):
    assert events_of("A $50 million reward was announced in Caracas on Monday for the capture of the gang leader.", nlp) == []
    text = ("Police arrested two men in Maracaibo on Monday. Venezuela renewed its claim to Bolívar state, a region "
            "that Caracas claims as its own.")
    claims = [e for e in events_of(text, nlp) if e.event_type == "territorial_claim"]
    assert claims and all(e.place == BOLIVAR for e in claims)


@pytest.mark.parametrize(("text", "types"), [
    ("A pathologist testified on Friday in the trial of a Maracaibo man accused of drowning his wife.", {"charges"}),
    ("The judge in Maracaibo dismissed the charge against him on Monday.", {"charges"}),
    ("A clinical trial of the vaccine began in Maracaibo on Monday.", set()),
])
def test_criminal_trials_are_court_appearances(nlp, text, types):
    assert {e.event_type for e in events_of(text, nlp)} == types, text


LIVE_BLOG = """Live: strikes hit Maracaibo

Our live coverage. All times local.

09:15 Warplanes struck a house in Maracaibo overnight, state media said.

10:40 — Two men were killed when gunmen attacked a checkpoint in Caracas at 11 p.m., police said.

12:05 — A shell landed near a school in Maracaibo on Tuesday, the army said.

13:20 — An air strike on a car in Caracas killed two men.

14:30 — Three soldiers were wounded in the shelling, the army said."""


def test_live_blog_entries_are_news_of_their_day(nlp):
    """An entry's undated incident happened on the day it was posted, or the day before at a time later than its
    stamp; an entry does not continue an earlier entry's day unless it names that incident."""
    dated = {e.summary[:5]: e.date for e in events_of(LIVE_BLOG, nlp) if not e.summary.startswith("Live")}
    assert dated == {
        "09:15": "2026-06-18",  # overnight, before the stamp (a stamp without a dash)
        "10:40": "2026-06-17",  # 11 p.m. is later than the stamp: last night
        "12:05": "2026-06-16",  # Tuesday
        "13:20": "2026-06-18",  # not Tuesday's episode
        "14:30": "2026-06-16",  # "the shelling" told at 12:05
    }


def test_a_reference_among_several_dated_incidents_is_the_last_one_told(nlp):
    text = ("Gunmen abducted 43 villagers near Kaduna on Saturday. A police spokesman confirmed the abduction and "
            "said troops were sent to the area on Sunday. In a separate incident on Friday, bandits kidnapped a "
            "priest in Kuriga.")
    abductions = sorted((e.summary[:20], e.date) for e in events_of(text, nlp) if e.event_type == "abduction")
    assert abductions == [("A police spokesman c", "2026-06-13"), ("Gunmen abducted 43 v", "2026-06-13"),
                          ("In a separate incide", "2026-06-12")]


def test_a_time_the_parser_hangs_on_a_place_noun_dates_its_clause(nlp):
    # spaCy reads "late Tuesday" as a modifier of "station"; it is when the man was wounded, not the arrest's day
    text = ("A 27-year-old man was shot and seriously wounded outside a gas station on Maracaibo's west side late "
            "Tuesday, and a suspect was arrested early Wednesday, police said.")
    assert sorted((e.event_type, e.date) for e in events_of(text, nlp)) == [
        ("arrest", "2026-06-17"), ("attack", "2026-06-16")]


def test_a_date_between_and_and_a_verb_dates_that_verb(nlp):
    text = ("Fighters killed at least 26 villagers in Caracas on Sunday and, a day later, stormed an army post near "
            "Maracaibo.")
    assert sorted((e.event_type, e.date) for e in events_of(text, nlp)) == [
        ("armed_clash", "2026-06-15"), ("killing", "2026-06-14")]  # (and "stormed" is no storm: not an accident)


@pytest.mark.parametrize(("text", "types"), [
    ("Police said inmates armed with rifles took control of two wings of the Maracaibo prison late on Sunday.", ["riot"]),
    ("Troops took control of the Maracaibo prison on Sunday.", ["security_operation"]),
    ("Dozens of relatives of inmates gathered outside the prison gates in Maracaibo on Monday, demanding information.",
     ["protest"]),
    ("Their relatives blocked a main avenue in Maracaibo on Monday to demand that the authorities search for them.",
     ["protest"]),
    ("Police blocked the road to Maracaibo on Monday.", []),
    ("On Sunday a man pointed a handgun at her in Maracaibo and demanded her keys.", ["attack"]),
    ("The army had been called in to Maracaibo on Friday.", ["military_deployment"]),
    ("Prosecutors accuse them of belonging to a cell of the cartel in Maracaibo.", ["charges"]),
    ("Prosecutors in Maracaibo may accuse him of fraud.", []),
    ("In April 2007 he was accused of stabbing another motorist in Maracaibo.", ["charges"]),  # the charge, not the act
    ("Fighters drove a truck packed with explosives into a military base in Maracaibo on Monday.", ["bombing"]),
    ("He drove to Maracaibo with his wife on Monday.", []),
])
def test_prison_takeovers_demands_armed_threats_call_ins_and_accusations(nlp, text, types):
    assert [e.event_type for e in events_of(text, nlp)] == types, text


def test_the_strike_just_told_is_not_a_labour_strike(nlp):
    text = "An air strike hit a market in Maracaibo on Tuesday, killing 12 people. The army did not comment on the strike."
    assert [e.event_type for e in events_of(text, nlp)] == ["air_strike", "air_strike"]
    assert [e.event_type for e in events_of("Teachers in Maracaibo went on strike on Monday.", nlp)] == ["protest"]


@pytest.mark.parametrize("text", [
    "Kidnappings of foreigners have multiplied in the west of Venezuela since the spring.",
    "Attacks on Maracaibo have intensified in recent weeks.",
])
def test_incidents_counted_as_a_rising_trend_are_not_incidents(nlp, text):
    assert events_of(text, nlp) == []


def test_the_victims_clauses_and_arms_of_a_subject_are_not_its_weapon(nlp):
    """"Two teenagers stabbed ... as man charged": "charged" is no explosive charge."""
    text = "Two teenagers stabbed in Maracaibo as man charged over knife robbery"
    assert sorted(e.event_type for e in events_of(text, nlp)) == ["attack", "charges"]
    text = "Man shot dead in Maracaibo; two teens charged in Bay View carjacking"
    assert "bombing" not in {e.event_type for e in events_of(text, nlp)}  # nor the clause inside a subject
    text = "About 20 gunmen armed with rifles and hand grenades stormed a police post in Maracaibo on Tuesday."
    assert "bombing" not in {e.event_type for e in events_of(text, nlp)}  # nor what the attackers carried


def test_the_shooting_that_did_a_killing_just_told_is_that_killing(nlp):
    text = ("Maracaibo report\n\nGunmen killed at least 26 villagers in Maracaibo on Sunday. They gathered the men "
            "near the market and opened fire, a survivor said. A man was shot in the leg in Caracas on Monday.")
    assert [e.event_type for e in events_of(text, nlp)] == ["killing", "killing", "attack"]
    wounds = events_of("Maracaibo report\n\nGunmen killed two villagers in Maracaibo on Sunday. They also shot at a "
                       "boy, who was taken to hospital.", nlp)
    assert [e.event_type for e in wounds] == ["killing", "attack"]  # the wounding part stays an attack


@pytest.mark.parametrize("witness", [
    '"We heard the shots and ran to the back," a waiter said.',
    '"They came at night with machetes and guns," a survivor said.',
    "Neighbours reported hearing several gunshots.",
])
def test_a_witness_telling_the_violence_just_reported_follows_it_up(nlp, witness):
    text = f"Maracaibo report\n\nGunmen attacked a bar in Maracaibo on Sunday. {witness}"
    assert [e.event_type for e in events_of(text, nlp)] == ["attack", "attack"]
    assert events_of(f"Maracaibo report\n\nThe council met in Maracaibo on Sunday. {witness}", nlp) == []


def test_arrested_and_charged_is_an_arrest_and_charges(nlp):
    """The guideline's two acts of one sentence: the arrest does not take in the charges."""
    events = events_of("A man was arrested and charged with murder in Maracaibo on Sunday.", nlp)
    assert sorted(e.event_type for e in events) == ["arrest", "charges"]


@pytest.mark.parametrize(("text", "types"), [
    ("Two men held up a bus in Maracaibo on Sunday.", ["attack"]),
    ("Relatives chanted slogans in Maracaibo on Sunday and held up photos as buses left.", []),
    ("A bulk carrier was hit by an unknown projectile near Maracaibo on Tuesday.", ["shelling"]),
    ("A woman was hit by a car in Maracaibo on Tuesday.", []),
])
def test_hold_ups_of_vehicles_and_hits_by_projectiles(nlp, text, types):
    assert [e.event_type for e in events_of(text, nlp)] == types, text


@pytest.mark.parametrize(("text", "types"), [
    ("House rejects attempt to force vote on marriage amendment in Maracaibo", []),  # a headline's noun needs its words
    ("US sanctions gang leaders in Maracaibo", ["sanction"]),
    ("Mayo County Council in Maracaibo is sanctioning several major developments.", []),
    ("Voters turned out early and in force Tuesday in Maracaibo.", ["election"]),
    ("Maracaibo police ticketed hundreds of motorists last month as part of a traffic crackdown.", []),
    ("Police launched a crackdown on gangs in Maracaibo on Monday.", ["security_operation"]),
])
def test_local_news_words_that_are_not_incidents_and_voters_turning_out(nlp, text, types):
    assert [e.event_type for e in events_of(text, nlp)] == types, text


@pytest.mark.parametrize(("text", "types"), [
    ("Suspected jihadists ambushed a convoy of commercial trucks near Maracaibo on Tuesday.", ["attack"]),
    ("Militants ambushed a military convoy near Maracaibo on Tuesday.", ["armed_clash"]),
    ("Militants ambushed a fuel convoy escorted by soldiers near Maracaibo on Tuesday.", ["armed_clash"]),
])
def test_an_ambushed_convoy_is_a_battle_only_with_forces_in_it(nlp, text, types):
    assert [e.event_type for e in events_of(text, nlp)] == types, text


def test_a_gunman_striking_someone_beside_a_car_is_no_traffic_accident(nlp):
    text = ("Maracaibo report\n\nA woman was loading groceries into her SUV in Maracaibo on Sunday when a masked gunman "
            "struck her in the head with a handgun. The woman was treated at a hospital for a head wound.")
    assert [e.event_type for e in events_of(text, nlp)] == ["attack", "attack"]
    assert events_of("A driver lost control of his pickup in Maracaibo on Sunday and struck a Honda.", nlp) == []


def test_identifying_the_victim_follows_up_the_killing(nlp):
    text = ("Maracaibo report\n\nA man was shot and killed in Maracaibo late on Sunday. The medical examiner identified "
            "the victim on Monday as Darnell Hughes.")
    assert [(e.event_type, e.date) for e in events_of(text, nlp)] == [("killing", "2026-06-14")] * 2


def test_what_led_to_a_dated_act_is_dated_from_it(nlp):
    text = ("Maracaibo report\n\nFighting erupted late on Monday in Maracaibo after rebels abducted the commander. "
            "Residents rallied in Caracas on Wednesday, a day after settlers set fire to homes in Maracaibo.")
    dated = sorted((e.event_type, e.date) for e in events_of(text, nlp))
    assert dated == [("abduction", "2026-06-15"), ("armed_clash", "2026-06-15"), ("attack", "2026-06-16"),
                     ("protest", "2026-06-17")]


@pytest.mark.parametrize("text", [
    "The ADF is blamed for many of the deadliest massacres in Maracaibo.",
    "Militant violence in Maracaibo has risen sharply this year, with hundreds of police and soldiers killed.",
    "Pirate gangs boarded tankers near Maracaibo and increasingly kidnapped crew members.",
])
def test_counts_trends_and_habits_are_not_incidents(nlp, text):
    assert events_of(text, nlp) == [], text


def test_some_of_the_victims_of_an_incident_are_that_incident(nlp):
    assert [e.event_type for e in events_of("Gunmen killed many of the villagers in Maracaibo on Sunday.", nlp)] == [
        "killing"]
