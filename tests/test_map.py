"""The interactive map in real headless Chromium: offline loading, layers, slider, popups, safety."""
from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from conftest import Visit
from geomap.render import map_html, render_map, split_events

HOSTILE_TYPE = "<b>riot</b>"
HOSTILE = {
    "summary": "<script>alert(1)</script> crowd gathered",
    "quote": "<img src=x onerror=alert(2)>",
    "title": "<img src=x onerror=alert(3)> headline",
    "publisher": "<b onmouseover=alert(4)>Daily</b>",
    "url": "javascript:alert(5)",
    "place": "<img src=x onerror=alert(6)>Town",
}


# ------------------------------------------------------------------------------------------------
# Fixtures: a small incident frame shaped like the pipeline's, its offline map, a shared browser
# ------------------------------------------------------------------------------------------------


def _source(doc: str, quote: str, *, title: str | None = None, publisher: str = "Reuters",
            url: str | None = None, published: str = "2026-06-18") -> dict:
    return {"doc_id": doc, "title": title or f"Report {doc}", "publisher": publisher,
            "url": url if url is not None else f"https://news.example.org/{doc}", "published": published,
            "quote": quote}


def _incident(event_id, event_type, acled, day, place, lat, lon, *, kind="locality", geo_precision=1,
              precision="day", sources=None, summary=None, geometry=None, days=0):
    start = None if day is None else date.fromisoformat(day)
    summary = summary or f"Incident {event_id} at {place}."
    row = {
        "event_id": event_id, "event_type": event_type, "acled_event_type": acled, "acled_sub_event_type": None,
        "date": None if start is None else (day if precision == "day" else day[:7]),
        "date_start": None if start is None else start.isoformat(),
        "date_end": None if start is None else (start + timedelta(days=days)).isoformat(),
        "date_precision": precision if start else "unknown", "place_id": f"test:{place}", "place_name": place,
        "place_kind": kind, "country_code": "VE", "admin1": None, "geo_precision": geo_precision,
        "lat": lat, "lon": lon, "actors": ["army"], "fatalities": 2, "summary": summary,
        "sources": sources or [_source(f"d-{event_id}", summary)], "confidence": 0.7,
    }
    return row, geometry or shapely.Point(lon, lat)


@pytest.fixture(scope="session")
def incidents() -> gpd.GeoDataFrame:
    bolivar = shapely.Polygon([(-67.5, 4.0), (-61.0, 4.0), (-60.5, 8.3), (-63.0, 8.6), (-67.0, 7.5)])
    caribbean = shapely.box(-72.0, 12.5, -62.0, 15.5)
    rows = [
        # four incidents at one town's coordinates and one close by: one cluster
        *[_incident(f"lc-{k}", "airstrike", "Explosions/Remote violence", f"2026-06-{10 + k:02d}",
                    "Las Claritas", 6.1845, -61.4263) for k in range(4)],
        _incident("km88", "armed clash", "Battles", "2026-03-02", "Km 88", 6.2, -61.40),
        _incident("tumeremo", "armed clash", "Battles", "2025-11-20", "Tumeremo", 7.30, -61.50),
        # far apart, so each stays a single marker
        _incident("bogota", "protest", "Protests", "2025-02-14", "Bogotá", 4.61, -74.08, sources=[
            _source("a1", "Thousands marched in Bogotá.", title="March in the capital", publisher="El Tiempo",
                    published="2025-02-15"),
            _source("a2", "Police counted ten thousand marchers.", title="Police count", publisher="Semana",
                    url="http://semana.example.com/a2", published="2025-02-16"),
        ]),
        _incident("maracaibo", "protest", "Protests", "2025-12-01", "Maracaibo", 10.65, -71.64, precision="month",
                  days=30),
        _incident("undated", "armed clash", "Battles", None, "Puerto Ayacucho", 5.66, -67.62),
        # regions: honest polygons with a marker at their representative point
        _incident("bolivar-1", "armed clash", "Battles", "2026-06-09", "Bolívar", 6.5, -63.5, kind="admin1",
                  geo_precision=3, geometry=bolivar),
        _incident("bolivar-2", "protest", "Protests", "2026-01-05", "Bolívar", 6.5, -63.5, kind="admin1",
                  geo_precision=3, geometry=bolivar),
        _incident("sea", "airstrike", "Explosions/Remote violence", "2025-09-02", "Caribbean Sea", 14.0, -67.0,
                  kind="water", geo_precision=3, geometry=caribbean),
        # article text that tries to run script
        _incident("hostile", HOSTILE_TYPE, "Riots", "2025-06-01", HOSTILE["place"], 6.80, -58.16,
                  summary=HOSTILE["summary"],
                  sources=[_source("evil", HOSTILE["quote"], title=HOSTILE["title"], publisher=HOSTILE["publisher"],
                                   url=HOSTILE["url"])]),
    ]
    return gpd.GeoDataFrame([r for r, _ in rows], geometry=[g for _, g in rows], crs="EPSG:4326")


@pytest.fixture(scope="session")
def outlines() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"place_id": ["ne0:VE", "ne0:CO", "ne1:VE-F"], "name": ["Venezuela", "Colombia", "Bolívar"],
         "country_code": ["VE", "CO", "VE"]},
        geometry=[shapely.box(-73.3, 0.7, -59.8, 12.2), shapely.box(-79.0, -4.2, -66.9, 12.4),
                  shapely.box(-67.5, 4.0, -60.5, 8.6)], crs="EPSG:4326")


@pytest.fixture(scope="session")
def offline_map(tmp_path_factory, incidents, outlines) -> Path:
    path = tmp_path_factory.mktemp("map") / "map.html"
    path.write_text(map_html(render_map(incidents, outlines=outlines, offline=True, title="Test map")),
                    encoding="utf-8")
    return path


@pytest.fixture
def visit(browser, offline_map):
    opened = Visit(browser, offline_map)
    yield opened
    opened.page.close()


# ------------------------------------------------------------------------------------------------
# In the browser
# ------------------------------------------------------------------------------------------------


def test_offline_map_loads_with_no_network_and_no_errors(visit, offline_map):
    assert visit.requests == []
    assert visit.errors == []
    assert visit.page.locator(".gm-legend").is_visible()
    assert visit.page.evaluate("typeof L !== 'undefined' && typeof jQuery === 'undefined'")
    page = offline_map.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)[^>]+(src|href)=", page), "offline page links an external file"


def test_every_incident_is_drawn(visit, incidents):
    assert visit.drawn_count() == len(incidents)
    assert visit.shown_ids() == set(incidents["event_id"])
    # Las Claritas' four and Km 88 share a bubble; so do the two incidents placed on Bolívar state
    assert sorted(int(t) for t in visit.page.locator(".gm-cluster").all_inner_texts()) == [2, 5]


def test_unticking_a_type_hides_exactly_its_incidents(visit, incidents):
    protests = set(incidents.loc[incidents["event_type"] == "protest", "event_id"])
    areas_before = visit.page.locator("path.gm-area").count()
    visit.page.locator(".leaflet-control-layers-overlays label", has_text="protest").locator("input").click()
    assert visit.shown_ids() == set(incidents["event_id"]) - protests
    assert visit.drawn_count() == len(incidents) - len(protests)
    assert visit.page.locator("path.gm-area").count() == areas_before - 1  # Bolívar's protest area
    visit.page.locator(".leaflet-control-layers-overlays label", has_text="protest").locator("input").click()
    assert visit.drawn_count() == len(incidents)


def test_slider_hides_incidents_outside_the_window(visit, incidents):
    dated = incidents.dropna(subset=["date_start"])
    undated = set(incidents.loc[incidents["date_start"].isna(), "event_id"])

    visit.set_slider("2025-12-31")  # default window: everything up to the slider's date
    expected = set(dated.loc[dated["date_start"] <= "2025-12-31", "event_id"]) | undated
    assert visit.shown_ids() == expected
    assert visit.drawn_count() == len(expected)
    assert "up to 2025-12-31" in visit.page.locator(".leaflet-timeline-control .time-text").inner_text()

    visit.page.select_option(".gm-window-select", label="3 months up to the slider")
    first = (date(2025, 12, 31) - timedelta(days=90)).isoformat()
    expected = set(dated.loc[(dated["date_start"] <= "2025-12-31") & (dated["date_end"] >= first), "event_id"])
    assert visit.shown_ids() == expected | undated
    assert expected == {"maracaibo", "tumeremo"}
    assert "2025-10-02 – 2025-12-31" in visit.page.locator(".leaflet-timeline-control .time-text").inner_text()


def test_clicking_an_incident_opens_a_popup_listing_its_sources(visit):
    popup = visit.popup_of("protest — Bogotá")
    text = popup.inner_text()
    for expected in ("protest", "2025-02-14 (day precision)", "Bogotá (locality)", "1, exact place",
                     "Fatalities: 2", "Sources (2)", "El Tiempo, 2025-02-15", "Semana, 2025-02-16",
                     "Thousands marched in Bogotá.", "Police counted ten thousand marchers."):
        assert expected in text
    links = popup.locator("a")
    assert links.all_inner_texts() == ["March in the capital", "Police count"]
    assert [links.nth(k).get_attribute("href") for k in range(2)] == [
        "https://news.example.org/a1", "http://semana.example.com/a2"]


def test_region_incident_is_an_area_with_a_marker(visit):
    assert visit.page.locator("path.gm-area").count() == 3  # Bolívar for two types, the Caribbean
    popup = visit.popup_of("airstrike — Caribbean Sea")
    assert "somewhere in the shaded area" in popup.inner_text()
    visit.page.locator(".leaflet-popup-close-button").click()
    visit.page.locator(".leaflet-control-layers-overlays label", has_text="airstrike").locator("input").click()
    assert visit.page.locator("path.gm-area").count() == 2


def test_hostile_article_text_is_shown_as_text_and_runs_nothing(visit):
    popup = visit.popup_of(HOSTILE_TYPE)
    text = popup.inner_text()
    for value in HOSTILE.values():
        assert value in text
    assert popup.locator("img, script, b, a").count() == 0
    assert HOSTILE_TYPE in visit.page.locator(".leaflet-control-layers-overlays").inner_text()
    assert HOSTILE_TYPE in visit.page.locator(".gm-legend").inner_text()
    visit.page.fill(".gm-search-input", "town")
    assert HOSTILE["place"] in visit.page.locator(".gm-search-results").inner_text()
    visit.page.locator(".gm-search-hit").first.click()
    visit.page.mouse.move(640, 400)
    assert visit.page.locator(".leaflet-pane img[src='x']").count() == 0
    assert visit.dialogs == []
    assert visit.errors == []


def test_search_flies_to_a_place(visit):
    zoom_before = visit.page.evaluate("geomap.map.getZoom()")
    visit.page.fill(".gm-search-input", "claritas")
    hit = visit.page.locator(".gm-search-hit").first
    assert "Las Claritas" in hit.inner_text() and "4 incidents" in hit.inner_text()
    hit.click()
    visit.page.wait_for_function(f"geomap.map.getZoom() > {zoom_before}")
    assert "Las Claritas" in visit.page.locator(".gm-place-popup").inner_text()


def test_a_search_that_jumps_without_animation_keeps_its_popup(visit):
    """Far outside the view Leaflet jumps instead of animating, so the popup opens inside the click: the click
    must not then reach the map, which closes popups on a click."""
    visit.page.evaluate("geomap.map.setView([60, 100], 6, {animate: false})")
    visit.page.fill(".gm-search-input", "claritas")
    visit.page.locator(".gm-search-hit").first.click()
    visit.page.wait_for_timeout(400)  # (a closed popup fades out for 200 ms before it leaves the page)
    assert visit.page.evaluate("geomap.map._popup !== undefined && geomap.map.hasLayer(geomap.map._popup)")
    assert "Las Claritas" in visit.page.locator(".gm-place-popup").inner_text()


def test_a_search_made_during_a_zoom_animation_still_flies_there(visit):
    visit.page.fill(".gm-search-input", "claritas")
    visit.page.evaluate("""() => {
        geomap.map.setZoom(geomap.map.getZoom() + 1);  // the animation starts on the next frame
        requestAnimationFrame(() => document.querySelector(".gm-search-hit").click());
    }""")
    assert "Las Claritas" in visit.page.locator(".gm-place-popup").inner_text()
    visit.page.wait_for_function("!geomap.map._animatingZoom")
    gap = visit.page.evaluate("geomap.map.getCenter().distanceTo(geomap.map._popup.getLatLng())")
    assert gap < 5000  # metres: the map is centred on the place, not left where the animation took it


def test_browsers_without_decompression_stream_decode_with_tiny_inflate(browser, offline_map, incidents):
    older = Visit(browser, offline_map, before_load="delete window.DecompressionStream;")
    assert older.page.evaluate("typeof DecompressionStream") == "undefined"
    assert older.errors == []
    assert older.drawn_count() == len(incidents)
    older.page.close()


def test_map_without_incidents_still_opens(browser, tmp_path, incidents, outlines):
    path = tmp_path / "empty.html"
    path.write_text(map_html(render_map(incidents.iloc[0:0], outlines=outlines, offline=True)), encoding="utf-8")
    empty = Visit(browser, path)
    assert empty.errors == [] and empty.requests == []
    assert "No incidents to map" in empty.page.locator(".gm-legend").inner_text()
    empty.page.close()


# ------------------------------------------------------------------------------------------------
# Without a browser
# ------------------------------------------------------------------------------------------------


def test_online_map_loads_only_pinned_libraries(incidents):
    page = map_html(render_map(incidents))
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert sources and all(re.match(r"https://cdn\.jsdelivr\.net/npm/[\w.-]+@\d+\.\d+\.\d+/", s) for s in sources)
    assert not re.search(r"jquery|bootstrap|font-?awesome", page, re.IGNORECASE)


def test_hostile_text_never_appears_raw_in_the_page(incidents):
    page = map_html(render_map(incidents, offline=True))
    for value in HOSTILE.values():
        assert value not in page


def test_split_events_by_type_and_month(incidents):
    by_type = split_events(incidents, "type")
    assert sorted(by_type) == sorted({HOSTILE_TYPE, "airstrike", "armed clash", "protest"})
    assert sum(len(part) for part in by_type.values()) == len(incidents)
    by_month = split_events(incidents, "month")
    assert by_month["2026-06"]["event_id"].tolist() == [f"lc-{k}" for k in range(4)] + ["bolivar-1"]
    assert by_month["undated"]["event_id"].tolist() == ["undated"]
    yearly = incidents.copy()
    yearly.loc[yearly.index[0], "date_precision"] = "year"  # known only to the year: no month map
    assert yearly["event_id"].iloc[0] in split_events(yearly, "month")[yearly["date_start"].iloc[0][:4]]["event_id"].tolist()
    with pytest.raises(ValueError, match="'type' or 'month', got 'week'"):
        split_events(incidents, "week")


def test_missing_contract_columns_are_named(incidents):
    with pytest.raises(ValueError, match="lacks the contract columns summary, sources"):
        render_map(incidents.drop(columns=["summary", "sources"]))
