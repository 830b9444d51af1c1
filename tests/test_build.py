"""`geomap build` end to end on the seeds: real files in, real map and data out."""
import json
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from typer.testing import CliRunner

import geomap
from geomap.cli import EXIT_SKIPPED, app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EVENT_KEYS = {
    "event_id", "event_type", "acled_event_type", "acled_sub_event_type", "date", "date_start", "date_end",
    "date_precision", "place_id", "place_name", "place_kind", "country_code", "admin1", "geo_precision", "lat",
    "lon", "actors", "fatalities", "summary", "sources", "confidence",
}
PLACE_KEYS = {"place_id", "name", "place_kind", "country_code", "admin1", "lat", "lon", "mentions", "event_ids"}


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(out), "--quiet", "--format",
                                      "html,geojson,csv,gpkg"])
    assert result.exit_code == 0, result.output
    return out


def test_build_writes_the_contract_files(seed_build):
    assert {p.name for p in seed_build.iterdir()} == {
        "map.html", "events.geojson", "places.geojson", "events.csv", "geomap.gpkg"}


def test_events_geojson_follows_the_contract(seed_build):
    data = json.loads((seed_build / "events.geojson").read_text(encoding="utf-8"))
    features = data["features"]
    assert features, "the seeds report incidents"
    for feature in features:
        props = feature["properties"]
        assert set(props) == EVENT_KEYS
        assert feature["geometry"]["type"] in {"Point", "Polygon", "MultiPolygon"}
        assert props["sources"] and all(s["quote"] for s in props["sources"])
        assert props["geo_precision"] in (1, 2, 3)
    strikes = [f["properties"] for f in features
               if f["properties"]["date"] == "2026-06-12" and f["properties"]["admin1"] == "Bolívar"]
    assert strikes, "the 12 June 2026 strike in Bolívar state"
    assert any(len(s["sources"]) >= 2 for s in strikes), "reported by two articles, merged"


def test_places_geojson_holds_the_seed_places(seed_build):
    places = gpd.read_file(seed_build / "places.geojson", engine="pyogrio")
    assert set(PLACE_KEYS) <= set(places.columns)
    by_name = {row.name: row for row in places.itertuples()}
    for name in ["Las Claritas", "Caracas", "Miami"]:
        assert name in by_name, name
        assert by_name[name].geometry.geom_type == "Point"
    essequibo = [row for row in places.itertuples() if "Essequibo" in row.name or "Esequiba" in row.name]
    assert essequibo and essequibo[0].geometry.geom_type in {"Polygon", "MultiPolygon"}
    assert "Guerrero" not in by_name and "Tren de Aragua" not in by_name


def test_csv_and_geopackage_hold_every_incident(seed_build):
    events = json.loads((seed_build / "events.geojson").read_text(encoding="utf-8"))["features"]
    csv = pd.read_csv(seed_build / "events.csv")
    assert sorted(csv.event_id_cnty) == sorted(f["properties"]["event_id"] for f in events)
    gpkg = gpd.read_file(seed_build / "geomap.gpkg", layer="events", engine="pyogrio")
    assert len(gpkg) == len(events)


def test_python_api_returns_geodataframes():
    result = geomap.build([SEEDS], geomap.Settings(workers=1))
    assert isinstance(result.events, gpd.GeoDataFrame) and isinstance(result.places, gpd.GeoDataFrame)
    assert result.events.crs.to_epsg() == 4326
    assert len(result.documents) == 5 and result.skipped == []


def test_bad_inputs_are_named_and_skipped_and_the_rest_mapped(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEEDS / "000_c4985d57470bbc53.txt", inputs)
    (inputs / "broken.txt").write_bytes(b"\xff\xfe\x00\x01binary\x00")
    (inputs / "empty.md").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(inputs), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == EXIT_SKIPPED
    assert f"skipped {inputs / 'broken.txt'}: binary file, not text" in result.output
    assert f"skipped {inputs / 'empty.md'}: empty file" in result.output
    assert json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))["features"]
