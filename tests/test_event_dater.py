"""The learned choice of incident dates (`geomap.event_dater`): whole articles through the real geoparser
and gazetteer, the shipped model, and which dates it changes."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from geomap.event_dater import load_dater
from geomap.events import dater_input, extract_events
from geomap.models import Document

sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))

KIDNAPPING = """Gunmen kidnap rancher in Zulia

Gunmen kidnapped a cattle rancher from his farm near Machiques on Saturday night, his family said.

Soldiers were deployed to the area on Monday to search for him.

No ransom demand had been received by Wednesday, a relative said.

The kidnappers also took two of his farmhands, who were later released unharmed.
"""

CAMPAIGN = """US strikes on boats go on

The killing of Guerrero is a dramatic escalation of the campaign the administration has been waging since \
September in the Caribbean and eastern Pacific. At least 210 fishermen have now been killed in US military strikes \
on small boats, accused of drug smuggling without evidence or formal charges.

The Pentagon said on Tuesday that it would keep up the strikes.
"""


def dates_of(geoparse, text: str, learned_dates: bool) -> dict[str, set[tuple[str, str | None]]]:
    """Each sentence's (type, date) pairs, by the sentence's first words."""
    document = Document("report.txt", text, published=date(2026, 6, 18))
    mentions, gazetteer = geoparse(document)
    dated: dict[str, set[tuple[str, str | None]]] = {}
    for event in extract_events(document, mentions, gazetteer=gazetteer, merge=False, learned_dates=learned_dates):
        dated.setdefault(" ".join(event.summary.split()[:3]), set()).add((event.event_type, event.date))
    return dated


def test_a_follow_up_without_a_date_takes_its_incidents_day(geoparse):
    rules = dates_of(geoparse, KIDNAPPING, learned_dates=False)
    learned = dates_of(geoparse, KIDNAPPING, learned_dates=True)
    # the rules date the follow-ups to the week of the report; the kidnapping was on Saturday 13 June
    assert rules["No ransom demand"] == {("abduction", "2026-W25")}
    assert learned["No ransom demand"] == {("abduction", "2026-06-13")}
    assert learned["The kidnappers also"] == {("abduction", "2026-06-13")}
    # dates of their own stand: the kidnapping's, the deployment's, the headline's
    for sentence in ("Gunmen kidnapped a", "Soldiers were deployed", "Gunmen kidnap rancher"):
        assert learned[sentence] == rules[sentence]


def test_a_toll_since_a_month_keeps_the_series_dates(geoparse):
    learned = dates_of(geoparse, CAMPAIGN, learned_dates=True)
    assert learned["At least 210"] == {("air_strike", "2025-09/2026-06-18")}


def test_every_incident_is_offered_the_rules_date_first_and_the_none_date(geoparse):
    document = Document("report.txt", KIDNAPPING, published=date(2026, 6, 18))
    mentions, gazetteer = geoparse(document)
    offered = dater_input(document, mentions, gazetteer=gazetteer)
    assert offered
    for _, _, source, candidates in offered:
        assert "rule" in candidates[0].sources
        assert any(c.window.precision == "unknown" for c in candidates)
        assert len({c.window for c in candidates}) == len(candidates)  # one candidate per date
        assert source in ("explicit", "episode", "entry", "clause", "reference", "sibling", "publication",
                          "unresolved", "none")


def test_the_shipped_dater_was_never_trained_on_a_blind_set():
    from events_eval import BLIND_SETS, GOLD_SETS

    dater = load_dater()
    assert "dev" in dater.trained_on and set(dater.trained_on) <= set(GOLD_SETS)
    assert not set(dater.trained_on) & set(BLIND_SETS)
    assert set(dater.redates) == {"none", "reference", "sibling"}
