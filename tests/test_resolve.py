"""Resolution on the five seed articles with the real gazetteer and the real spaCy model."""
from pathlib import Path

import pytest

from geomap.extract import MentionExtractor
from geomap.gazetteer import Gazetteer
from geomap.models import Document
from geomap.nlp import load_nlp
from geomap.resolve import Resolver

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.open()


@pytest.fixture(scope="module")
def seed_documents():
    return [Document(doc_id=p.name, text=p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def resolved(gazetteer, seed_documents):
    """Every resolved mention of every seed, by document."""
    extractor, resolver = MentionExtractor(gazetteer, load_nlp()), Resolver(gazetteer)
    return {d.doc_id: resolver.resolve(d, mentions)
            for d, mentions in zip(seed_documents, extractor.extract_batch(seed_documents))}


def places_for(resolved, surface: str):
    """The distinct places every mention written ``surface`` resolved to, over all seeds."""
    found = {r.place.place_id: r.place for mentions in resolved.values() for r in mentions
             if r.mention.surface == surface and r.place is not None}
    assert found, f"no resolved mention of {surface!r} in the seeds"
    return list(found.values())


@pytest.mark.parametrize("surface, country, admin1", [
    ("Las Claritas", "VE", "Bolívar"),
    ("Km 88", "VE", "Bolívar"),
    ("Tocorón", "VE", "Aragua"),
    ("Petare", "VE", "Miranda"),
    ("Miami", "US", "Florida"),
])
def test_small_and_local_places_resolve_inside_their_state(resolved, surface, country, admin1):
    places = places_for(resolved, surface)
    assert [(p.country_code, p.admin1) for p in places] == [(country, admin1)]
    assert places[0].kind in ("locality", "site")


def test_santiago_is_the_chilean_capital(resolved):
    [santiago] = places_for(resolved, "Santiago")
    assert santiago.country_code == "CL" and santiago.feature_code == "PPLC"


def test_caracas_and_the_hague_are_the_capitals(resolved):
    [caracas] = places_for(resolved, "Caracas")
    assert caracas.country_code == "VE" and caracas.feature_code == "PPLC"
    [hague] = places_for(resolved, "The Hague")
    assert hague.country_code == "NL"


def test_bolivar_state_is_the_venezuelan_polygon(resolved, gazetteer):
    for surface in ("Bolívar", "Bolivar"):
        assert [p.place_id for p in places_for(resolved, surface)] == ["ne1:VE-F"]
    assert gazetteer.geometry("ne1:VE-F").geom_type in ("Polygon", "MultiPolygon")
    precisions = {r.geo_precision for mentions in resolved.values() for r in mentions if r.mention.surface == "Bolívar"}
    assert precisions == {3}


def test_aragua_is_the_venezuelan_state(resolved):
    [aragua] = places_for(resolved, "Aragua")
    assert (aragua.kind, aragua.country_code, aragua.name) == ("admin1", "VE", "Aragua")


def test_the_essequibo_is_a_polygon(resolved, gazetteer):
    [essequibo] = places_for(resolved, "Essequibo")
    assert essequibo.kind == "region"
    assert gazetteer.geometry(essequibo.place_id).geom_type in ("Polygon", "MultiPolygon")


def test_people_and_the_gang_are_not_places(resolved, seed_documents):
    surfaces = {r.mention.surface for mentions in resolved.values() for r in mentions}
    assert not surfaces & {"Guerrero", "Flores", "Guerrero Flores", "Tren de Aragua", "Tren De Aragua"}
    for document in seed_documents:
        gang_spans = [(i, i + len("Tren de Aragua")) for i in _find_all(document.text.lower(), "tren de aragua")]
        assert gang_spans, document.doc_id
        inside = [r.mention.surface for r in resolved[document.doc_id]
                  if any(start <= r.mention.start < end for start, end in gang_spans)]
        assert inside == [], f"{document.doc_id}: {inside} taken from inside 'Tren de Aragua'"


def test_demonyms_resolve_to_their_country(resolved):
    demonyms = [r for mentions in resolved.values() for r in mentions if r.mention.surface == "Venezuelan"]
    assert demonyms and {r.mention.label for r in demonyms} == {"demonym"}
    assert {r.place.place_id for r in demonyms} == {"ne0:VE"}


def test_every_resolution_is_well_formed(resolved, seed_documents):
    texts = {d.doc_id: d.text for d in seed_documents}
    for doc_id, mentions in resolved.items():
        for r in mentions:
            assert texts[doc_id][r.mention.start:r.mention.end] == r.mention.surface
            assert 0.0 <= r.confidence <= 1.0
            if r.place is None:
                assert r.geo_precision is None and r.confidence == 0.0
            else:
                assert r.geo_precision in (1, 2, 3)


def test_qualifier_picks_the_homonym(gazetteer):
    """"Paris, Texas" is the Texan town; "Paris" next to France is the capital."""
    extractor, resolver = MentionExtractor(gazetteer, load_nlp()), Resolver(gazetteer)
    texas = Document("texas", "The storm hit Paris, Texas, on Monday night.")
    france = Document("france", "The summit in Paris drew leaders from across France.")
    for document, expected in ((texas, ("US", "Texas")), (france, ("FR", None))):
        [paris] = [r for r in resolver.resolve(document, extractor.extract(document)) if r.mention.surface == "Paris"]
        assert paris.place.country_code == expected[0]
        if expected[1]:
            assert paris.place.admin1 == expected[1]


def test_document_context_picks_the_homonym(gazetteer):
    """Spatial coherence: the Huntsville of the same article's Walker County is the Texan one."""
    extractor, resolver = MentionExtractor(gazetteer, load_nlp()), Resolver(gazetteer)
    document = Document("tx", "Deputies in Walker County arrested the man at a motel in Huntsville on Friday.")
    by_surface = {r.mention.surface: r.place for r in resolver.resolve(document, extractor.extract(document))}
    assert (by_surface["Huntsville"].country_code, by_surface["Huntsville"].admin1) == ("US", "Texas")
    assert by_surface["Walker County"].admin1 == "Texas"


def test_a_lone_candidate_far_from_the_document_gets_low_confidence(gazetteer):
    """Confidence measures fit with the document, not only ambiguity.

    "El Fasher" and "Tawila" each match one gazetteer entry; El Fasher's lies in the Sudan and
    North Darfur the article names, the only Tawila in the gazetteer is a village in Yemen.
    """
    extractor, resolver = MentionExtractor(gazetteer, load_nlp()), Resolver(gazetteer)
    document = Document("sd", "Thousands fled El Fasher in North Darfur, Sudan, for Tawila after the attack.")
    by_surface = {r.mention.surface: r for r in resolver.resolve(document, extractor.extract(document))}
    tawila, el_fasher = by_surface["Tawila"], by_surface["El Fasher"]
    assert len(gazetteer.candidates("Tawila")) == 1 and tawila.place.country_code != "SD", \
        "premise: the gazetteer's only Tawila lies outside Sudan"
    assert len(gazetteer.candidates("El Fasher")) == 1 and el_fasher.place.country_code == "SD"
    assert el_fasher.confidence >= 0.8
    assert tawila.confidence <= 0.6
    assert el_fasher.confidence - tawila.confidence >= 0.25


def _find_all(text: str, needle: str):
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + 1)
