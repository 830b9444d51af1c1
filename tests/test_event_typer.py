"""The learned second opinion on incident types (`geomap.event_typer`): whole articles through the real
geoparser and gazetteer, the shipped model, and what it changes in the incidents the rules find."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from geomap.event_typer import load_typer
from geomap.events import extract_events
from geomap.models import Document

DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))

STABBING = """Man stabbed at Maracaibo market

A man stabbed three shoppers at a crowded market in Maracaibo on Tuesday morning before bystanders wrestled him \
to the ground, police said.

A 45-year-old man suffered cuts to his arms when he tried to shield his teenage son, police said. Two women were \
taken to hospital with stab wounds to the back.

Officers arrested the suspect, a 31-year-old local man, at the scene.
"""


@pytest.fixture(scope="module")
def incidents_of(geoparse):
    def incidents(document: Document, learned_types: bool):
        mentions, gazetteer = geoparse(document)
        return extract_events(document, mentions, gazetteer=gazetteer, merge=False, learned_types=learned_types)
    return incidents


def gold_document(doc_id: str, file: str = "events_gold.jsonl") -> Document:
    for line in (DATA / file).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["doc_id"] == doc_id:
            return Document(doc_id, record["text"], title=record.get("title"),
                            published=date.fromisoformat(record["published"]))
    raise LookupError(doc_id)


def types_of(events, words: str) -> set[str]:
    return {e.event_type for e in events if words in e.summary}


def test_a_victims_injuries_report_the_attack_at_its_date_and_place(incidents_of):
    document = Document("stabbing.txt", STABBING, published=date(2026, 6, 18))
    rules = incidents_of(document, learned_types=False)
    revised = incidents_of(document, learned_types=True)
    assert types_of(rules, "suffered cuts") == set()
    [injuries] = [e for e in revised if "suffered cuts" in e.summary]
    assert (injuries.event_type, injuries.date, injuries.place.name) == ("attack", "2026-06-16", "Maracaibo")
    assert {e.event_type for e in revised if e is not injuries} == {e.event_type for e in rules}


def test_confidence_takes_in_how_sure_the_typer_is(incidents_of):
    document = Document("stabbing.txt", STABBING, published=date(2026, 6, 18))

    def confidence(events, words):
        [event] = [e for e in events if words in e.summary]
        return event.confidence
    rules = incidents_of(document, learned_types=False)
    revised = incidents_of(document, learned_types=True)
    lead, injuries = "A man stabbed three shoppers", "suffered cuts"
    assert confidence(revised, lead) > confidence(rules, lead)  # the typer is sure of the stabbing
    assert confidence(revised, lead) > confidence(revised, injuries) >= 0.1  # less of a follow-up it inferred
    assert all(0.1 <= e.confidence <= 0.9 for e in revised)


def test_an_arraignment_on_assault_charges_is_not_an_assault(incidents_of):
    document = gold_document("h8-17", "events_gold_heldout8_b.jsonl")  # US, 2025: a march ends in looting, arrests
    sentence = "19 were arraigned in Rochester City Court"
    assert "attack" in types_of(incidents_of(document, learned_types=False), sentence)
    assert types_of(incidents_of(document, learned_types=True), sentence) == {"arrest", "charges"}


def test_gunmen_storming_a_studio_is_an_attack_as_well_as_hostage_taking(incidents_of):
    document = gold_document("own-09")  # Ecuador, 2024: a gang leader escapes, gunmen storm a TV studio
    sentence = "masked gunmen stormed a television studio"
    assert "attack" not in types_of(incidents_of(document, learned_types=False), sentence)
    assert "attack" in types_of(incidents_of(document, learned_types=True), sentence)


def test_an_added_follow_up_takes_the_date_its_sentence_gives(incidents_of):
    document = gold_document("h6-14", "events_gold_heldout6_b.jsonl")  # US sanctions on Georgia's Ivanishvili
    sentence = "Treasury Department on Dec. 27 imposed sanctions"
    assert types_of(incidents_of(document, learned_types=False), sentence) == set()
    [sanction] = [e for e in incidents_of(document, learned_types=True) if sentence in e.summary]
    assert (sanction.event_type, sanction.date) == ("sanction", "2024-12-27")


def test_a_hearing_to_come_does_not_date_the_follow_up(incidents_of):
    document = gold_document("h17a-05", "events_gold_heldout17_a.jsonl")  # a stabbing, a charge, a hearing
    [charges] = [e for e in incidents_of(document, learned_types=True) if "postponed to August 19" in e.summary]
    assert (charges.event_type, charges.date) == ("charges", "2025-08-11")


def test_a_report_too_short_to_reread_keeps_the_rules_types(incidents_of):
    report = Document("alert.txt", "Venezuela claims the entire Caribbean, the foreign ministry said on Monday.",
                      published=date(2026, 6, 18))
    assert [e.event_type for e in incidents_of(report, learned_types=True)] == ["territorial_claim"]
    assert incidents_of(report, learned_types=True) == incidents_of(report, learned_types=False)


def test_the_shipped_typer_was_never_trained_on_a_blind_set():
    from events_eval import BLIND_SETS, GOLD_SETS

    typer = load_typer()
    assert "dev" in typer.trained_on and set(typer.trained_on) <= set(GOLD_SETS)
    assert not set(typer.trained_on) & set(BLIND_SETS)
    assert 0 < typer.keep_above < typer.add_above < 1


def test_every_annotated_set_is_well_formed(tmp_path):
    from events_eval import GOLD_DIR, GOLD_SETS, load_gold

    files = sorted({name for names in GOLD_SETS.values() for name in names})
    assert len(load_gold([GOLD_DIR / name for name in files])) > 1000
    record = json.loads((DATA / "events_gold_train27_e.jsonl").read_text(encoding="utf-8").splitlines()[3])
    record["events"][0]["place_alt"] = "Chad"  # a name where a list of names belongs
    (tmp_path / "bad.jsonl").write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(ValueError, match="t27e-04: place_alt that is not a list of names"):
        load_gold([tmp_path / "bad.jsonl"])
