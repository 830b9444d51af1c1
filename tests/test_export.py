"""Exports read back unchanged: RFC 7946 GeoJSON, ACLED-like CSV, GeoPackage; atomic writes."""
import json

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, Polygon

from geomap.export import atomic_write, write_csv, write_geojson, write_gpkg
from geomap.geo import CRS, EVENT_COLUMNS, event_record
from geomap.models import Event, Place, Source

STATE = Place("ne1:VE-F", "Bolívar", "admin1", 6.5, -63.5, country_code="VE", admin1_code="VE.06", admin1="Bolívar")
TOWN = Place("gn:3646738", "Caracas", "locality", 10.488, -66.879, country_code="VE", admin1="Capital")
# Clockwise exterior on purpose: the export must reorient it (RFC 7946 §3.1.6).
STATE_SHAPE = Polygon([(-64, 5), (-64, 8), (-62, 8), (-62, 5), (-64, 5)])


def _event(event_id, place, event_type="air_strike", fatalities=None):
    source = Source("a.txt", "Strike <b>kills</b> leader", "Example News", "https://example.org/a", "2026-06-18",
                    "A strike killed him, “officials” said.")
    return Event(event_id, event_type, "Explosions/Remote violence", "Air/drone strike", "2026-06-12",
                 "2026-06-12", "2026-06-12", "day", place, 3 if place.kind == "admin1" else 1,
                 "A strike killed him.", (source,), actors=("US Southern Command",), fatalities=fatalities,
                 confidence=0.8)


@pytest.fixture
def events():
    rows = [event_record(_event("e1", STATE, fatalities=1)), event_record(_event("e2", TOWN, "arrest"))]
    return gpd.GeoDataFrame(rows, columns=EVENT_COLUMNS, geometry=[STATE_SHAPE, Point(TOWN.lon, TOWN.lat)], crs=CRS)


def test_geojson_is_rfc7946_and_reads_back_unchanged(events, tmp_path):
    path = write_geojson(events, tmp_path / "events.geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "crs" not in data and data["type"] == "FeatureCollection"
    ring = data["features"][0]["geometry"]["coordinates"][0]
    signed_area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))
    assert signed_area > 0  # counter-clockwise exterior
    props = data["features"][0]["properties"]
    assert props["place_name"] == "Bolívar" and props["fatalities"] == 1
    assert props["sources"][0]["quote"] == "A strike killed him, “officials” said."
    assert data["features"][1]["properties"]["fatalities"] is None

    # GDAL turns ISO date strings into datetimes unless asked not to.
    back = gpd.read_file(path, engine="pyogrio", datetime_as_string=True)
    assert back.crs.to_epsg() == 4326
    for column in ["event_id", "event_type", "date", "place_id", "place_name", "geo_precision", "lat", "lon"]:
        assert back[column].tolist() == events[column].tolist(), column
    assert back.geometry.geom_equals(events.geometry).all()


def test_csv_has_acled_columns(events, tmp_path):
    frame = pd.read_csv(write_csv(events, tmp_path / "events.csv"))
    for column in ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                   "actor1", "iso", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
                   "notes", "fatalities"]:
        assert column in frame.columns, column
    first = frame.iloc[0]
    assert (first.event_date, first.year, first.time_precision, first.location, first.iso, first.source) == (
        "2026-06-12", 2026, 1, "Bolívar", "VE", "Example News")
    assert first.sub_event_type == "Air/drone strike" and first.fatalities == 1
    assert pd.isna(frame.iloc[1].fatalities)


def test_gpkg_layers_read_back(events, tmp_path):
    path = write_gpkg({"events": events}, tmp_path / "new" / "geomap.gpkg")  # the folder is created
    back = gpd.read_file(path, layer="events", engine="pyogrio")
    assert back["event_id"].tolist() == ["e1", "e2"]
    assert json.loads(back["sources"][0])[0]["publisher"] == "Example News"
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["geomap.gpkg"]


def test_failed_write_leaves_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "events.geojson"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as handle:
            handle.write("half")
            raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["events.geojson"]
