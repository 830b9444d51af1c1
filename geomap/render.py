"""The interactive incident map: a layer per event type, a date slider, clusters, search, popups.

``render_map`` turns the events (and optionally places and basemap outlines) GeoDataFrames into a
``folium.Map``; ``map_html`` renders it to one HTML page. The incidents travel as one compact
payload (columns, a string table, deduplicated region shapes; raw deflate + base64) that the
page's runtime (``geomap/vendor/geomap/map.js``) decodes and draws: each event type is a
leaflet.timeline layer driven by one TimelineSlider, and the markers of every ticked type are
clustered together by Supercluster. Article text is only ever written into the page as text
nodes, so hostile strings in summaries, quotes, titles, publishers, URLs or place names stay inert.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import math
import re
import zlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import Element, MacroElement
from folium.map import Layer
from folium.plugins import Timeline, TimelineSlider
from folium.template import Template
from folium.utilities import JsCode

from geomap.geo import EVENT_COLUMNS

log = logging.getLogger(__name__)

VENDOR_DIR = Path(__file__).with_name("vendor")
SPLIT_KEYS = ("type", "month")

# Colour-blind-friendly first (Okabe-Ito), then distinct extras; a type keeps its colour across maps
# unless two types on one map hash to the same slot.
PALETTE = (
    "#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7f3c8d", "#444444",
    "#a6761d", "#1b9e77", "#e7298a", "#66a61e", "#b8860b", "#386cb0", "#f0027f", "#bf5b17",
)
# White glyphs on the type's colour (points) or coloured glyphs in a dashed ring (regions).
GLYPHS = {
    "battle": '<path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/>',
    "explosion": '<path d="M8 1.5l1.6 3.6 3.8-1.3-1.6 3.6 3.2 2.2-3.9.5.5 3.9-3.1-2.4-2.9 2.6.3-3.9-3.9-.3 3-2.5L3 '
                 '4.1l3.8 1.1z" fill="currentColor"/>',
    "civilians": '<rect x="6.9" y="2.5" width="2.2" height="7.2" rx="1" fill="currentColor"/>'
                 '<circle cx="8" cy="12.6" r="1.4" fill="currentColor"/>',
    "protest": '<path d="M4.5 2v12" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>'
               '<path d="M5.2 2.6h7.3l-1.8 2.8 1.8 2.8H5.2z" fill="currentColor"/>',
    "riot": '<path d="M8 1.8c1.5 3 4.4 4.4 3.8 8.1A3.9 3.9 0 0 1 4.2 10c-.4-2.2.9-3.3 1.6-4.6.5 1.2 1.1 1.7 1.8 1.9'
            'C7 5.5 7.1 3.6 8 1.8z" fill="currentColor"/>',
    "strategic": '<path d="M8 2l6 6-6 6-6-6z" fill="currentColor"/>',
    "other": '<circle cx="8" cy="8" r="3.2" fill="currentColor"/>',
}
ACLED_GLYPHS = {
    "battles": "battle",
    "explosions/remote violence": "explosion",
    "violence against civilians": "civilians",
    "protests": "protest",
    "riots": "riot",
    "strategic developments": "strategic",
}

_EPOCH = date(1970, 1, 1)
_COORD_SCALE = 10**5  # incident coordinates travel as integers of 1e-5 degree (about 1 m)
_SHAPE_DIGITS = 4  # region shapes: about 10 m
_COUNTRY_OUTLINE = (0.03, 2)  # basemap simplification tolerance (degrees) and decimals: about 1 km
_ADMIN1_OUTLINE = (0.01, 3)  # about 100 m, drawn only for the countries with incidents
_MAX_TICKS = 200  # slider tick marks only while the distinct dates stay readable
_WAIT_FOR_RELEASE = 20_000  # above this many incidents the slider redraws on release, not while dragging
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def render_map(
    events: gpd.GeoDataFrame,
    places: gpd.GeoDataFrame | None = None,
    *,
    outlines: gpd.GeoDataFrame | None = None,
    offline: bool = False,
    title: str = "geomap",
) -> folium.Map:
    """Build the interactive incident map.

    Parameters
    ----------
    events : GeoDataFrame
        Incidents in the output contract's columns (EPSG:4326). Point geometries are drawn as
        markers; polygons (states, regions, seas) as translucent dashed areas with a marker at
        the incident's ``lat``/``lon``.
    places : GeoDataFrame, optional
        Resolved places (contract columns); their names join the search box even where no
        incident is mapped.
    outlines : GeoDataFrame, optional
        Country and admin-1 outlines for the offline basemap, as ``Gazetteer.outlines(kind)``
        returns them (``place_id`` "ne0:..." for countries, "ne1:..." for admin-1, or a ``kind``
        column). Admin-1 outlines are kept only for countries with incidents.
    offline : bool (default False)
        True: inline Leaflet and every plugin, show the outline basemap first; the page then
        makes no network request. False: load the same pinned libraries from a CDN and show
        OpenStreetMap tiles first.
    title : str (default "geomap")
        Page title and legend heading.

    Returns
    -------
    folium.Map
        Render it with :func:`map_html`.

    Examples
    --------
    >>> m = render_map(result.events, result.places, offline=True)
    >>> Path("map.html").write_text(map_html(m), encoding="utf-8")
    """
    missing = [c for c in EVENT_COLUMNS if c not in events.columns]
    if missing:
        raise ValueError(f"events frame lacks the contract columns {', '.join(missing)}")
    events = _in_wgs84(events)
    payload = _build_payload(events, None if places is None else _in_wgs84(places),
                             None if outlines is None else _in_wgs84(outlines))
    return _assemble_map(payload, offline=offline, title=title)


def map_html(m: folium.Map) -> str:
    """The full HTML page of a map made by :func:`render_map`."""
    return m.get_root().render()


def split_events(events: gpd.GeoDataFrame, by: str) -> dict[str, gpd.GeoDataFrame]:
    """Split the incidents into one frame per event type or per month, for one map each.

    Parameters
    ----------
    events : GeoDataFrame
        Incidents in the contract's columns.
    by : str
        "type" (key: the ``event_type``) or "month" (key: "YYYY-MM" of ``date_start``; incidents
        known only to the season or year under "YYYY", undated ones under "undated").

    Returns
    -------
    dict of str to GeoDataFrame
        Keys in sorted order; each frame keeps the original rows and index.
    """
    if by not in SPLIT_KEYS:
        raise ValueError(f"split_events() splits by 'type' or 'month', got {by!r}")
    if by == "type":
        keys = [_text(value) or "unclassified" for value in events["event_type"]]
    else:
        keys = [_month(start, precision) for start, precision in zip(events["date_start"], events["date_precision"])]
    groups = pd.Series(keys, index=events.index)
    return {key: events[groups == key] for key in sorted(set(keys))}


# --------------------------------------------------------------------------------------------
# Payload: the incidents as compact columns the page decodes once
# --------------------------------------------------------------------------------------------


class _Strings:
    """A string table: every distinct text is stored once and referenced by index."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}
        self.values: list[str] = []

    def __call__(self, value: Any) -> int | None:
        text = _text(value)
        if text is None:
            return None
        index = self._index.get(text)
        if index is None:
            index = self._index[text] = len(self.values)
            self.values.append(text)
        return index


class _Shapes:
    """Region geometries, simplified for display and stored once per place."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}
        self.values: list[dict] = []
        self.bounds: list[tuple[float, float, float, float]] = []

    def add(self, key: str | None, geometry) -> int:
        key = key or hashlib.sha1(shapely.to_wkb(geometry)).hexdigest()
        index = self._index.get(key)
        if index is None:
            index = self._index[key] = len(self.values)
            self.values.append(_display_geojson(geometry, _shape_tolerance(geometry), _SHAPE_DIGITS))
            self.bounds.append(tuple(geometry.bounds))
        return index


@dataclass(frozen=True)
class _Payload:
    data: dict
    n_incidents: int
    n_days: int  # distinct start dates, for the slider's ticks
    bounds: list[list[float]] | None  # [[south, west], [north, east]]
    type_counts: list[int]


_INCIDENT_COLUMNS = (
    "type", "lat", "lon", "start", "end", "shape", "id", "date", "datePrecision", "place", "placeKind", "admin1",
    "country", "geoPrecision", "acled", "acledSub", "summary", "fatalities", "actors", "confidence", "sources",
)
_DOC_FIELDS = ("doc_id", "title", "publisher", "url", "published")


def _build_payload(events: gpd.GeoDataFrame, places: gpd.GeoDataFrame | None,
                   outlines: gpd.GeoDataFrame | None) -> _Payload:
    strings, shapes = _Strings(), _Shapes()
    types = _type_styles(events)
    columns, docs, sites = _incident_columns(events, list(types), strings, shapes)
    if places is not None:
        _add_places(sites, places, shapes)
    dated = [(s, e) for s, e in zip(columns["start"], columns["end"]) if s is not None]
    countries = {c for c in (_text(v) for v in events["country_code"]) if c}
    data = {
        "strings": strings.values,
        "types": list(types.values()),
        "keyIcon": {"pointHtml": _icon_html("#555555", "other"),
                    "regionHtml": _icon_html("#555555", "other", region=True)},
        "dayRange": [min(s for s, _ in dated), max(e for _, e in dated)] if dated else None,
        "events": columns,
        "docs": docs,
        "shapes": shapes.values,
        "places": _search_index(sites, strings),
        "basemap": _basemap(outlines, countries),
    }
    return _Payload(data=data, n_incidents=len(columns["type"]), n_days=len({s for s, _ in dated}),
                    bounds=_bounds(columns, shapes),
                    type_counts=[columns["type"].count(t) for t in range(len(types))])


def _incident_columns(events: gpd.GeoDataFrame, type_labels: list[str], strings: _Strings, shapes: _Shapes):
    """The incidents as columns of numbers and string-table indices, the cited documents once each,
    and the places they happen at (for the search box)."""
    type_index = {label: t for t, label in enumerate(type_labels)}
    columns: dict[str, list] = {key: [] for key in _INCIDENT_COLUMNS}
    docs: dict[str, list] = {"id": [], "title": [], "publisher": [], "url": [], "published": []}
    doc_index: dict[tuple, int] = {}
    sites: dict[str, dict] = {}
    skipped = 0
    for record, geometry in zip(events[list(EVENT_COLUMNS)].to_dict("records"), events.geometry.values):
        lat, lon = _representative(record, geometry)
        if lat is None:
            skipped += 1
            continue
        place_id = _text(record["place_id"])
        shape = shapes.add(place_id, geometry) if _is_area(geometry) else None
        start, end = _day(record["date_start"]), _day(record["date_end"])
        if start is None:
            end = None
        elif end is None or end < start:
            end = start
        sources: list[int | None] = []
        for source in _objects(record["sources"]):
            doc = tuple(_text(source.get(field)) for field in _DOC_FIELDS)
            if doc not in doc_index:
                doc_index[doc] = len(docs["id"])
                for column, value in zip(docs, doc):
                    docs[column].append(strings(value))
            sources += [doc_index[doc], strings(source.get("quote"))]
        row = {
            "type": type_index[_text(record["event_type"]) or "unclassified"],
            "lat": round(lat * _COORD_SCALE), "lon": round(lon * _COORD_SCALE), "start": start, "end": end,
            "shape": shape, "id": strings(record["event_id"]), "date": strings(record["date"]),
            "datePrecision": strings(record["date_precision"]), "place": strings(record["place_name"]),
            "placeKind": strings(record["place_kind"]), "admin1": strings(record["admin1"]),
            "country": strings(record["country_code"]), "geoPrecision": _int(record["geo_precision"]),
            "acled": strings(record["acled_event_type"]), "acledSub": strings(record["acled_sub_event_type"]),
            "summary": strings(record["summary"]), "fatalities": _int(record["fatalities"]),
            "actors": [strings(a) for a in _objects(record["actors"]) if _text(a)],
            "confidence": _float(record["confidence"]), "sources": sources,
        }
        for column, value in row.items():
            columns[column].append(value)
        site = sites.setdefault(place_id or f"{row['place']}@{row['lat']},{row['lon']}", {
            "name": record["place_name"], "lat": lat, "lon": lon, "country": record["country_code"],
            "shape": shape, "events": 0})
        site["events"] += 1
    if skipped:
        log.warning("%d incidents have neither a geometry nor lat/lon and are not mapped", skipped)
    return columns, docs, sites


def _add_places(sites: dict[str, dict], places: gpd.GeoDataFrame, shapes: _Shapes) -> None:
    """Resolved places with no incident on this map still join the search box."""
    records = places[["place_id", "name", "lat", "lon", "country_code"]].to_dict("records")
    for record, geometry in zip(records, places.geometry.values):
        place_id = _text(record["place_id"])
        lat, lon = _representative(record, geometry)
        if place_id is None or place_id in sites or lat is None:
            continue
        sites[place_id] = {"name": record["name"], "lat": lat, "lon": lon, "country": record["country_code"],
                           "shape": shapes.add(place_id, geometry) if _is_area(geometry) else None, "events": 0}


def _search_index(sites: dict[str, dict], strings: _Strings) -> dict[str, list]:
    index: dict[str, list] = {"name": [], "lat": [], "lon": [], "country": [], "shape": [], "events": []}
    for site in sorted(sites.values(), key=lambda site: str(site["name"])):
        index["name"].append(strings(site["name"]))
        index["lat"].append(round(site["lat"] * _COORD_SCALE))
        index["lon"].append(round(site["lon"] * _COORD_SCALE))
        index["country"].append(strings(site["country"]))
        index["shape"].append(site["shape"])
        index["events"].append(site["events"])
    return index


def _is_area(geometry) -> bool:
    return geometry is not None and not geometry.is_empty and geometry.geom_type != "Point"


def _type_styles(events: gpd.GeoDataFrame) -> dict[str, dict]:
    """Colour and icon per event type, keyed by type label in alphabetical order."""
    labels = [_text(v) or "unclassified" for v in events["event_type"]]
    acled = [(_text(v) or "").casefold() for v in events["acled_event_type"]]
    by_type: dict[str, dict[str, int]] = {}
    for label, category in zip(labels, acled):
        counts = by_type.setdefault(label, {})
        counts[category] = counts.get(category, 0) + 1
    used: set[int] = set()
    styles = {}
    for label in sorted(by_type):
        slot = int(hashlib.sha1(label.encode("utf-8")).hexdigest(), 16) % len(PALETTE)
        while slot in used and len(used) < len(PALETTE):
            slot = (slot + 1) % len(PALETTE)
        used.add(slot)
        category = max(by_type[label], key=by_type[label].get)
        glyph = ACLED_GLYPHS.get(category, "other")
        colour = PALETTE[slot]
        styles[label] = {"label": label.replace("_", " "), "color": colour, "pointHtml": _icon_html(colour, glyph),
                         "regionHtml": _icon_html(colour, glyph, region=True)}
    return styles


def _icon_html(colour: str, glyph: str, *, region: bool = False) -> str:
    """Marker markup from constants only: a palette colour and one of GLYPHS."""
    if not _HEX_COLOUR.fullmatch(colour):
        raise ValueError(f"icon colour must be #rrggbb, got {colour!r}")
    style = (f"color:{colour};background:#fff;border:2px dashed {colour}" if region
             else f"color:#fff;background:{colour};border:2px solid #fff")
    return (f'<span class="gm-icon" style="{style}"><svg viewBox="0 0 16 16" aria-hidden="true">'
            f"{GLYPHS[glyph]}</svg></span>")


def _basemap(outlines: gpd.GeoDataFrame | None, countries: set[str]) -> dict:
    """Country fills and admin-1 lines for the offline basemap (admin-1 only where incidents are)."""
    if outlines is None or outlines.empty:
        return {"countries": [], "admin1": []}
    kinds = _outline_kinds(outlines)
    codes = outlines["country_code"] if "country_code" in outlines.columns else pd.Series(None, index=outlines.index)
    is_country = (kinds == "country").to_numpy()
    fills = outlines.geometry.values[is_country]
    admin1 = outlines.geometry.values[~is_country]
    if not len(fills):  # only admin-1 given: they tile the land, so they are the fill
        fills, admin1 = admin1, []
    elif countries:
        admin1 = admin1[codes[~is_country].isin(countries).to_numpy()]
    else:
        admin1 = []
    return {"countries": [_display_geojson(g, *_COUNTRY_OUTLINE) for g in fills if _drawable(g)],
            "admin1": [_display_geojson(g, *_ADMIN1_OUTLINE) for g in admin1 if _drawable(g)]}


def _outline_kinds(outlines: gpd.GeoDataFrame) -> pd.Series:
    for column in ("kind", "place_kind"):
        if column in outlines.columns:
            return outlines[column].astype(str)
    if "place_id" in outlines.columns:
        return outlines["place_id"].astype(str).map(lambda pid: "country" if pid.startswith("ne0:") else "admin1")
    return pd.Series("country", index=outlines.index)


def _display_geojson(geometry, tolerance: float, digits: int) -> dict:
    """A GeoJSON geometry simplified for screen display and rounded to ``digits`` decimals."""
    if tolerance:
        simplified = shapely.simplify(geometry, tolerance, preserve_topology=True)
        geometry = simplified if not simplified.is_empty else geometry
    geometry = shapely.transform(geometry, lambda xy: np.round(xy, digits))
    return json.loads(shapely.to_geojson(geometry))


def _shape_tolerance(geometry) -> float:
    west, south, east, north = geometry.bounds
    return min(0.01, max(east - west, north - south) / 200)


def _drawable(geometry) -> bool:
    return geometry is not None and not geometry.is_empty


def _bounds(columns: dict[str, list], shapes: _Shapes) -> list[list[float]] | None:
    if not columns["lat"]:
        return None
    lats = np.asarray(columns["lat"]) / _COORD_SCALE
    lons = np.asarray(columns["lon"]) / _COORD_SCALE
    south, north, west, east = lats.min(), lats.max(), lons.min(), lons.max()
    for shape in {s for s in columns["shape"] if s is not None}:
        w, s, e, n = shapes.bounds[shape]
        south, north, west, east = min(south, s), max(north, n), min(west, w), max(east, e)
    return [[float(south), float(west)], [float(north), float(east)]]


def _encode(data: dict) -> tuple[str, int]:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = packer.compress(raw) + packer.flush()
    return base64.b64encode(packed).decode("ascii"), len(raw)


# --------------------------------------------------------------------------------------------
# Value cleaning: frames may carry None, NaN, pd.NA, numpy scalars, or JSON text read back from files
# --------------------------------------------------------------------------------------------


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _text(value: Any) -> str | None:
    if _missing(value):
        return None
    text = str(value)
    return text if text.strip() else None


def _int(value: Any) -> int | None:
    if _missing(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    if _missing(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return round(number, 3) if math.isfinite(number) else None


def _objects(value: Any) -> list:
    """A list column's value as a list (lists, tuples, numpy arrays, or JSON text from a file)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    if isinstance(value, (list, tuple, np.ndarray)):
        return list(value)
    return []


def _day(value: Any) -> int | None:
    """Days since 1970-01-01 of a YYYY-MM-DD text or date, None when missing or unreadable."""
    if _missing(value):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        try:
            value = date.fromisoformat(str(value)[:10])
        except ValueError:
            log.debug("unreadable incident date %r is treated as unknown", value)
            return None
    return (value - _EPOCH).days


def _month(start: Any, precision: Any) -> str:
    day = _day(start)
    if day is None:
        return "undated"
    return (_EPOCH + timedelta(days=day)).strftime("%Y-%m" if precision in ("day", "week", "month") else "%Y")


def _representative(record: dict, geometry) -> tuple[float | None, float | None]:
    lat, lon = _float_full(record.get("lat")), _float_full(record.get("lon"))
    if lat is not None and lon is not None:
        return lat, lon
    if geometry is None or geometry.is_empty:
        return None, None
    point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
    return point.y, point.x


def _float_full(value: Any) -> float | None:
    if _missing(value):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _in_wgs84(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        return frame.to_crs("EPSG:4326")
    return frame


# --------------------------------------------------------------------------------------------
# The page: vendored assets, folium elements wired to the runtime
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Asset:
    """A browser file in geomap/vendor/.

    ``cdn`` is its pinned npm path when it may load online; ``module_as`` names the ``geomap.*``
    property that receives a CommonJS module's exports (such a file is always inlined).
    """

    path: str
    cdn: str | None = None
    module_as: str | None = None

    @property
    def is_css(self) -> bool:
        return self.path.endswith(".css")

    def tag(self, offline: bool) -> str:
        if self.cdn and not offline:
            url = f"https://cdn.jsdelivr.net/npm/{self.cdn}"
            return f'<link rel="stylesheet" href="{url}"/>' if self.is_css else f'<script src="{url}"></script>'
        text = (VENDOR_DIR / self.path).read_text(encoding="utf-8")
        if self.is_css:
            text = _inline_css_images(text, (VENDOR_DIR / self.path).parent)
            return f"<style>\n{_inert_in(text, 'style')}\n</style>"
        if self.module_as:
            text = (f"(function (module) {{\n{text}\nwindow.geomap = window.geomap || {{}};\n"
                    f"window.geomap.{self.module_as} = module.exports;\n}})({{exports: {{}}}});")
        return f"<script>\n{_inert_in(text, 'script')}\n</script>"


_ASSETS = (
    _Asset("leaflet/leaflet.css", "leaflet@1.9.4/dist/leaflet.css"),
    _Asset("geomap/map.css"),
    _Asset("leaflet/leaflet.js", "leaflet@1.9.4/dist/leaflet.js"),
    _Asset("supercluster/supercluster.min.js", "supercluster@8.0.1/dist/supercluster.min.js"),
    _Asset("leaflet.timeline/leaflet.timeline.js", "leaflet.timeline@1.6.0/dist/leaflet.timeline.js"),
    _Asset("tiny-inflate/tiny-inflate.js", module_as="inflate"),
    _Asset("geomap/map.js"),
)


def _inline_css_images(css: str, folder: Path) -> str:
    """Leaflet's CSS names images by relative path; in one inlined file they become data URIs."""
    def data_uri(match: re.Match) -> str:
        path = folder / match.group(1)
        if not path.is_file():
            return match.group(0)
        return f"url(data:image/png;base64,{base64.b64encode(path.read_bytes()).decode('ascii')})"
    return re.sub(r"url\((images/[\w.-]+\.png)\)", data_uri, css)


def _inert_in(text: str, tag: str) -> str:
    if f"</{tag}" in text.lower():
        raise ValueError(f"a vendored file contains '</{tag}' and cannot be inlined")
    return text


class _VendorAssets(MacroElement):
    """Puts Leaflet, the plugins and the runtime in the page head (inlined when offline)."""

    def __init__(self, offline: bool):
        super().__init__()
        self._name = "GeomapAssets"
        self.offline = offline

    def render(self, **kwargs):
        figure = self.get_root()
        for asset in _ASSETS:
            figure.header.add_child(Element(asset.tag(self.offline)), name=f"geomap:{asset.path}")
        super().render(**kwargs)


class _PayloadElement(MacroElement):
    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geomap.load("{{ this.packed }}", {{ this.size }});
        {% endmacro %}
    """)

    def __init__(self, data: dict):
        super().__init__()
        self._name = "GeomapPayload"
        self.packed, self.size = _encode(data)


class _OutlineBasemap(Layer):
    """The gazetteer's country and admin-1 outlines as a base layer that needs no network."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geomap.basemapLayer({{ this.payload.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, payload: _PayloadElement, show: bool):
        super().__init__(name="Offline basemap (outlines)", overlay=False, show=show)
        self._name = "GeomapBasemap"
        self.payload = payload


class _Clusters(MacroElement):
    """The markers of every ticked type, clustered together (Supercluster) where they are dense."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geomap.clusterLayer({{ this.payload.get_name() }});
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, payload: _PayloadElement):
        super().__init__()
        self._name = "GeomapClusters"
        self.payload = payload


class _TypeTimeline(Timeline):
    """One event type: a leaflet.timeline layer (L.GeomapTimeline) over the shared payload."""

    default_js: list = []
    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.geomapTimeline(
                {{ this.payload.get_name() }}, {{ this.type_index }}, {clusters: {{ this.clusters.get_name() }}}
            );
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, payload: _PayloadElement, type_index: int, clusters: _Clusters, name: str):
        super().__init__({"type": "FeatureCollection", "features": []})
        self._name = "GeomapTimeline"
        self.layer_name = name
        self.payload = payload
        self.type_index = type_index
        self.clusters = clusters

    def _get_self_bounds(self):
        return [[None, None], [None, None]]


class _Start(MacroElement):
    """Hands every layer to the runtime once they all exist: view, legend, search, window, first draw."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            geomap.start(
                {{ this._parent.get_name() }}, {{ this.payload.get_name() }},
                [{% for t in this.timelines %}{{ t.get_name() }}, {% endfor %}],
                {{ this.slider.get_name() if this.slider else "null" }}, {{ this.clusters.get_name() }},
                {{ this.options|tojavascript }}
            );
        {% endmacro %}
    """)

    def __init__(self, payload, timelines, slider, clusters, title: str, bounds: list[list[float]] | None):
        super().__init__()
        self._name = "GeomapStart"
        self.payload, self.timelines, self.slider, self.clusters = payload, timelines, slider, clusters
        self.options = {"title": title, "bounds": bounds}


def _layer_name(style: dict, count: int) -> str:
    """The layer control's label. Leaflet inserts it as HTML, so the type name is escaped here."""
    return (f'<span class="gm-swatch" style="background:{style["color"]}"></span>{html.escape(style["label"])} '
            f'<span class="gm-layer-count">({count})</span>')


def _assemble_map(payload: _Payload, *, offline: bool, title: str) -> folium.Map:
    m = folium.Map(location=[20, 0], zoom_start=2, tiles=None, control_scale=True, world_copy_jump=True)
    m.options.update(max_zoom=17, min_zoom=1)  # with tiles=None nothing else tells the clusters the zoom range
    m.default_js, m.default_css = [], []  # no jQuery, Bootstrap, Font Awesome: _VendorAssets brings what is used
    m.get_root().title = html.escape(title)
    m.add_child(_VendorAssets(offline))
    data = _PayloadElement(payload.data)
    m.add_child(data)
    has_outlines = bool(payload.data["basemap"]["countries"])
    if has_outlines:
        m.add_child(_OutlineBasemap(data, show=offline))
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap", show=not offline).add_to(m)
    clusters = _Clusters(data)
    m.add_child(clusters)
    timelines = []
    for index, (style, count) in enumerate(zip(payload.data["types"], payload.type_counts)):
        timeline = _TypeTimeline(data, index, clusters, _layer_name(style, count))
        m.add_child(timeline)
        timelines.append(timeline)
    slider = None
    if payload.data["dayRange"] and timelines:
        slider = TimelineSlider(auto_play=False, show_ticks=payload.n_days <= _MAX_TICKS,
                                enable_keyboard_controls=False, playback_duration=15000,
                                wait_to_update_map=payload.n_incidents > _WAIT_FOR_RELEASE)
        slider.default_js = []
        slider.options["format_output"] = JsCode("geomap.formatTime")
        slider.add_timelines(*timelines)
        m.add_child(slider)
    folium.LayerControl(collapsed=False).add_to(m)
    m.add_child(_Start(data, timelines, slider, clusters, title, payload.bounds))
    return m
