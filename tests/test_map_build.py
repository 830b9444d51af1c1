"""`geomap build --offline` end to end in Chromium: the seeds plus a hostile article, no network."""
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import Visit
from geomap.cli import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HOSTILE_ARTICLE = """<script>alert(1)</script> Riot in Maracaibo
9 March 2025

Protesters rioted in Maracaibo, Venezuela on Saturday, <img src=x onerror=alert(2)> witnesses said.
Police arrested 40 people in <b onmouseover=alert(3)>Maracaibo</b> on Sunday.
"""


@pytest.fixture(scope="module")
def offline_build(tmp_path_factory):
    inputs = tmp_path_factory.mktemp("in")
    for seed in SEEDS.iterdir():
        shutil.copy(seed, inputs)
    (inputs / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["build", str(inputs), "--out", str(out), "--offline", "--quiet",
                                      "--split-by", "type"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def visit(browser, offline_build):
    opened = Visit(browser, offline_build / "map.html")
    yield opened
    opened.page.close()


def test_offline_seed_map_draws_every_incident_with_no_request(visit, offline_build):
    features = json.loads((offline_build / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert visit.requests == [] and visit.errors == []
    assert visit.drawn_count() == len(features)
    assert visit.shown_ids() == {f["properties"]["event_id"] for f in features}


def test_hostile_article_shows_as_text_and_runs_nothing(visit, offline_build):
    features = json.loads((offline_build / "events.geojson").read_text(encoding="utf-8"))["features"]
    hostile = [f["properties"] for f in features
               if any(s["doc_id"] == "hostile.txt" for s in f["properties"]["sources"])]
    assert hostile, "the hostile article's riot and arrests are incidents"
    page = visit.page
    # Zoom in on the place, past clustering, and click its marker as a user would.
    page.evaluate("([lat, lon]) => { geomap.map.setView([lat, lon], 14, {animate: false}); }",
                  [hostile[0]["lat"], hostile[0]["lon"]])
    page.locator(".leaflet-marker-pane .leaflet-marker-icon").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Protesters rioted in Maracaibo" in text or "Police arrested 40 people" in text
    assert "<script>alert(1)</script>" in text  # the title, shown literally
    assert popup.locator("script, img, b").count() == 0
    assert visit.dialogs == []


def test_split_by_type_writes_one_map_per_type(offline_build):
    features = json.loads((offline_build / "events.geojson").read_text(encoding="utf-8"))["features"]
    types = {f["properties"]["event_type"] for f in features}
    assert {p.name for p in offline_build.glob("map_*.html")} == {f"map_{t}.html" for t in types}
