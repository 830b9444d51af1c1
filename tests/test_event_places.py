"""Where an incident happened (geomap.event_places), with the real spaCy model and the shipped gazetteer.

Each test builds a short report, resolves its place names with the gazetteer (``Gazetteer.search``)
and checks the place `geomap.events.extract_events` gives the incident of one sentence.
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from geomap.events import extract_events, load_parser
from geomap.gazetteer import Gazetteer
from geomap.models import Document, Mention, ResolvedMention


@pytest.fixture(scope="session")
def nlp():
    return load_parser()


@pytest.fixture(scope="session")
def gazetteer():
    return Gazetteer.open()


def places_of(text: str, names: dict[str, str], quote: str, nlp, gazetteer) -> dict[str, set[str]]:
    """The place names given to each incident type of the sentence holding ``quote``.

    ``names`` maps each place name written in the text to the gazetteer query that resolves it.
    """
    doc = Document("report.txt", text, title=None, published=date(2026, 6, 18), publisher="Test")
    mentions = []
    for surface, query in names.items():
        [candidate] = gazetteer.search(query, limit=1)
        for match in re.finditer(rf"\b{re.escape(surface)}\b", text):
            mentions.append(ResolvedMention(Mention(doc.doc_id, surface, match.start(), match.end()), candidate.place, 0.9))
    mentions.sort(key=lambda rm: rm.mention.start)
    out: dict[str, set[str]] = {}
    for event in extract_events(doc, mentions, nlp=nlp, gazetteer=gazetteer, merge=False):
        if quote in event.summary:
            out.setdefault(event.event_type, set()).add(event.place.name)
    return out


def test_the_outskirts_of_a_town_are_in_the_town(nlp, gazetteer):
    text = ("Fighting was reported in Mandalay on Monday.\n\n"
            "On Wednesday, junta aircraft bombed a village on the outskirts of Kyaukme, killing five civilians.")
    places = places_of(text, {"Mandalay": "Mandalay", "Kyaukme": "Kyaukme"}, "junta aircraft", nlp, gazetteer)
    assert places["air_strike"] == {"Kyaukme"}


def test_a_district_named_as_part_of_a_city_is_the_finer_place(nlp, gazetteer):
    text = "On Monday, police detained 14 suspects in raids in Mogadishu's Hodan district."
    places = places_of(text, {"Mogadishu": "Mogadishu", "Hodan": "Hodan"}, "detained", nlp, gazetteer)
    assert places["arrest"] == {"Hodan"}


def test_a_jail_named_after_its_county_is_where_the_sentence_puts_it(nlp, gazetteer):
    text = "Jackson was beaten and strangled on Friday while in the Kenton County jail in Covington."
    places = places_of(text, {"Kenton County": "Kenton County", "Covington": "Covington, Kentucky"},
                       "strangled", nlp, gazetteer)
    assert places["killing"] == {"Covington"}


def test_a_place_named_inside_another_is_the_finer_place_even_unknown_to_the_gazetteer(nlp, gazetteer):
    # "Savannah" resolves to the US city: the gazetteer cannot tell that Damongo lies in it, the sentence does.
    text = ("Ghana voted on Saturday. Turnout in Ghana was high and voters in Accra queued for hours.\n\n"
            "Gunmen on Saturday shot two voters in Savannah's Damongo district.")
    names = {"Ghana": "Ghana", "Accra": "Accra", "Damongo": "Damongo", "Savannah": "Savannah"}
    places = places_of(text, names, "shot two voters", nlp, gazetteer)
    assert places["attack"] == {"Damongo"}


def test_a_town_and_its_province_in_apposition_are_one_place(nlp, gazetteer):
    text = "Two gunmen were killed in a firefight in Patikul, Sulu, late Friday, the military said."
    places = places_of(text, {"Patikul": "Patikul", "Sulu": "Sulu"}, "firefight", nlp, gazetteer)
    assert places["armed_clash"] == {"Patikul"}


def test_a_kind_noun_after_a_place_name_is_its_name_not_a_reference_back(nlp, gazetteer):
    text = ("Security forces raided a hideout in Peshawar on Friday.\n\n"
            "On Sunday, militants attacked a police post in Khyber Pakhtunkhwa's Lakki Marwat district, "
            "killing three policemen.")
    names = {"Peshawar": "Peshawar", "Khyber Pakhtunkhwa": "Khyber Pakhtunkhwa", "Lakki Marwat": "Lakki Marwat District"}
    places = places_of(text, names, "militants attacked", nlp, gazetteer)
    assert places["armed_clash"] == {"Lakki Marwat District"}


def test_the_town_before_any_incident_in_a_town_is_the_incidents_area(nlp, gazetteer):
    text = ("Gunmen shot dead a mayoral candidate in Guerrero state on Saturday. "
            "The governor spoke to reporters in Chilpancingo.\n\n"
            "On Sunday, police arrested two men at a house in the town.")
    places = places_of(text, {"Guerrero": "Guerrero", "Chilpancingo": "Chilpancingo"}, "arrested two men",
                       nlp, gazetteer)
    assert places["arrest"] == {"Guerrero"}


def test_a_town_naming_the_spot_of_the_incident_is_its_place(nlp, gazetteer):
    text = ("Deputies patrolled roads in Henderson County on Sunday. "
            "A woman was arrested on Monday after a narcotics search at a Brownsboro residence.")
    names = {"Henderson County": "Henderson County, Texas", "Brownsboro": "Brownsboro, Texas"}
    places = places_of(text, names, "narcotics search", nlp, gazetteer)
    assert places["arrest"] == {"Brownsboro"}
