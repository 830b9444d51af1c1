"""Joining the reports of one incident, within a document and across a corpus.

Two events are one incident when they have the same type, overlapping date windows (an
undated one only when they name a common actor) and the same or nested places (country and
admin-1 codes; `Gazetteer.contains` for regions, seas and admin-2 areas when a gazetteer is
given). A type another absorbs ("the US killed Niño Guerrero" and the air strike that killed
him) joins it only when both are dated and name a common actor. The merged event has the
finest place, the narrowest date, all actors, the largest fatality count, one source per
document, the summary of the report that dates it most precisely, and confidence
1 - prod(1 - c) over its documents; it keeps the smallest of its members' ids (ids hash
document, sentence offset and type, so they are stable across runs).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Iterable

from geomap.dates import DateWindow
from geomap.event_places import KIND_FINENESS, same_or_nested
from geomap.event_types import EVENT_TYPES
from geomap.models import Event, Source


MAX_CONFIDENCE = 0.99


def merge_events(events: Iterable[Event], *, gazetteer=None) -> list[Event]:
    """Join the reports of one incident: same type, overlapping dates, same or nested place.

    Parameters
    ----------
    events : iterable of Event
        Events from one or many documents.
    gazetteer : Gazetteer, optional
        For containment of regions and seas (`Gazetteer.contains`).

    Returns
    -------
    list of Event
        One per incident and place, in a stable order (date, then id); merged events list every
        document's source once and have raised confidence.
    """
    clusters: list[list[Event]] = []
    for event in sorted(events, key=_specificity):
        fits = [c for c in clusters if all(_compatible(event, member, gazetteer) for member in c)]
        if fits:
            best = max(fits, key=lambda c: (len(_actor_keys(event) & set().union(*map(_actor_keys, c))), -clusters.index(c)))
            best.append(event)
        else:
            clusters.append([event])
    merged = [_merge_cluster(c) for c in clusters]
    merged.sort(key=lambda e: (e.date_start or "9999", e.event_id))
    return merged


def _compatible(a: Event, b: Event, gazetteer) -> bool:
    same_document = bool({s.doc_id for s in a.sources} & {s.doc_id for s in b.sources})
    if same_document and a.summary == b.summary:
        return False  # one sentence's events at different places stay apart
    if not same_or_nested(a.place, b.place, gazetteer):
        return False
    wa, wb = _window(a), _window(b)
    dated = wa.start is not None and wb.start is not None
    if not wa.overlaps(wb):
        return False
    shared_actor = bool(_actor_keys(a) & _actor_keys(b))
    if a.event_type != b.event_type:
        # "the US killed Niño Guerrero" is the strike that killed him: a type absorbed by the
        # other's joins it when both are dated alike and name a common actor.
        absorbed = b.event_type in EVENT_TYPES[a.event_type].absorbs or a.event_type in EVENT_TYPES[b.event_type].absorbs
        return absorbed and dated and shared_actor
    return dated or shared_actor  # an undated report joins another only when they name a common actor


def _merge_cluster(members: list[Event]) -> Event:
    if len(members) == 1:
        return members[0]
    main_type = min((e.event_type for e in members), key=lambda t: EVENT_TYPES[t].priority)
    by_place = sorted(members, key=lambda e: (e.event_type != main_type, -KIND_FINENESS[e.place.kind], e.geo_precision,
                                              -e.confidence))
    place_event = by_place[0]
    date_event = min(members, key=lambda e: (_window(e).days or 10**6, -e.confidence))
    ordered = sorted(members, key=lambda e: (-e.confidence, e.sources[0].doc_id))
    sources: dict[str, Source] = {}
    per_document: dict[str, float] = {}
    for event in ordered:
        for source in event.sources:
            sources.setdefault(source.doc_id, source)
            per_document[source.doc_id] = max(per_document.get(source.doc_id, 0.0), event.confidence)
    actors: list[str] = []
    for event in ordered:
        for actor in event.actors:
            if actor.casefold() not in {a.casefold() for a in actors}:
                actors.append(actor)
    fatalities = [e.fatalities for e in members if e.fatalities is not None]
    doubt = 1.0
    for value in per_document.values():
        doubt *= 1.0 - value
    first_id = min(members, key=lambda e: (e.sources[0].doc_id, e.event_id)).event_id
    return replace(
        place_event,
        event_id=first_id,
        date=date_event.date,
        date_start=date_event.date_start,
        date_end=date_event.date_end,
        date_precision=date_event.date_precision,
        summary=date_event.summary,  # the report that dates it most precisely
        sources=tuple(sorted(sources.values(), key=lambda s: s.doc_id)),
        actors=tuple(actors),
        fatalities=max(fatalities) if fatalities else None,
        confidence=round(min(MAX_CONFIDENCE, 1.0 - doubt), 2),
    )


def _window(event: Event) -> DateWindow:
    start = date.fromisoformat(event.date_start) if event.date_start else None
    end = date.fromisoformat(event.date_end) if event.date_end else None
    return DateWindow(start, end, event.date_precision, event.date)


def _actor_keys(event: Event) -> set[str]:
    keys = set()
    for actor in event.actors:
        words = [w for w in re.findall(r"\w+", actor.casefold()) if len(w) > 2]
        keys.update(words)
    return keys


def _specificity(event: Event) -> tuple:
    window = _window(event)
    return (-KIND_FINENESS[event.place.kind], window.days if window.days is not None else 10**6,
            event.sources[0].doc_id, event.event_id)
