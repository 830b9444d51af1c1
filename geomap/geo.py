"""Incidents and places as GeoDataFrames (EPSG:4326), in the output contract's columns."""
from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Iterable, Sequence

import geopandas as gpd

from geomap.models import Event

if TYPE_CHECKING:
    from geomap.gazetteer import Gazetteer
    from geomap.pipeline import DocumentResult

EVENT_COLUMNS = [
    "event_id", "event_type", "acled_event_type", "acled_sub_event_type",
    "date", "date_start", "date_end", "date_precision",
    "place_id", "place_name", "place_kind", "country_code", "admin1", "geo_precision", "lat", "lon",
    "actors", "fatalities", "summary", "sources", "confidence",
]
PLACE_COLUMNS = ["place_id", "name", "place_kind", "country_code", "admin1", "lat", "lon", "mentions", "event_ids"]
CRS = "EPSG:4326"


def event_record(event: Event) -> dict:
    """One incident as the contract's flat properties (lists and objects stay Python lists/dicts)."""
    place = event.place
    return {
        "event_id": event.event_id,
        "event_type": event.event_type,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "date": event.date,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "date_precision": event.date_precision,
        "place_id": place.place_id,
        "place_name": place.name,
        "place_kind": place.kind,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "geo_precision": event.geo_precision,
        "lat": round(place.lat, 6),
        "lon": round(place.lon, 6),
        "actors": list(event.actors),
        "fatalities": event.fatalities,
        "summary": event.summary,
        "sources": [asdict(source) for source in event.sources],
        "confidence": round(event.confidence, 3),
    }


def events_frame(events: Sequence[Event], gazetteer: "Gazetteer") -> gpd.GeoDataFrame:
    """The incidents, one row per incident at one place, with the place's real geometry."""
    records = [event_record(event) for event in events]
    geometry = [gazetteer.geometry(event.place.place_id) for event in events]
    frame = gpd.GeoDataFrame(records, columns=EVENT_COLUMNS, geometry=geometry, crs=CRS)
    return frame.astype({"fatalities": "Int64", "geo_precision": "int64"})


def places_frame(
    results: Iterable["DocumentResult"], events: Sequence[Event], gazetteer: "Gazetteer"
) -> gpd.GeoDataFrame:
    """One row per distinct resolved place, with every mention of it and the incidents there.

    Demonyms ("Venezuelan") name no place of their own and are left out.
    """
    rows: dict[str, dict] = {}
    for result in results:
        for resolved in result.mentions:
            place, mention = resolved.place, resolved.mention
            if place is None or mention.label == "demonym":
                continue
            row = rows.setdefault(place.place_id, {
                "place_id": place.place_id, "name": place.name, "place_kind": place.kind,
                "country_code": place.country_code, "admin1": place.admin1,
                "lat": round(place.lat, 6), "lon": round(place.lon, 6), "mentions": [], "event_ids": [],
            })
            row["mentions"].append(
                {"doc_id": mention.doc_id, "surface": mention.surface, "start": mention.start, "end": mention.end}
            )
    for event in events:
        if event.place.place_id in rows:
            rows[event.place.place_id]["event_ids"].append(event.event_id)
    records = list(rows.values())
    geometry = [gazetteer.geometry(row["place_id"]) for row in records]
    return gpd.GeoDataFrame(records, columns=PLACE_COLUMNS, geometry=geometry, crs=CRS)


def basemap_outlines(gazetteer: "Gazetteer") -> gpd.GeoDataFrame:
    """Country and admin-1 outlines for the offline basemap (the map draws admin-1 only where needed)."""
    import pandas as pd

    return gpd.GeoDataFrame(pd.concat([gazetteer.outlines("country"), gazetteer.outlines("admin1")],
                                      ignore_index=True), crs=CRS)
