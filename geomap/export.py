"""Write results to files: RFC 7946 GeoJSON, ACLED-like CSV, GeoPackage, the HTML map.

Every file is written atomically (a temporary file in the same folder, then renamed), so a
failed or interrupted run never leaves a half-written output behind.
"""
from __future__ import annotations

import json
import math
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

import geopandas as gpd
import pandas as pd
import shapely

from geomap.errors import ExportError

FORMATS = ("html", "geojson", "csv", "gpkg")
_UMASK = os.umask(0)
os.umask(_UMASK)

ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "season": 3, "year": 3, "unknown": 3}


@contextmanager
def atomic_write(path: Path, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file beside ``path``; rename it over ``path`` only if the block succeeds."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8", newline="" if "b" not in mode else None) as handle:
            yield handle
        _publish(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _publish(tmp: str, path: Path) -> None:
    """Give the finished temporary file normal permissions (mkstemp makes it 0600) and move it in place."""
    os.chmod(tmp, 0o666 & ~_UMASK)
    os.replace(tmp, path)


def geojson_dict(frame: gpd.GeoDataFrame) -> dict:
    """An RFC 7946 FeatureCollection: WGS84 lon/lat, counter-clockwise exteriors, no ``crs`` member."""
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    geometries = shapely.orient_polygons(frame.geometry.values, exterior_cw=False)
    properties = frame.drop(columns=frame.geometry.name).to_dict(orient="records")
    features = []
    for props, geom in zip(properties, geometries):
        features.append({
            "type": "Feature",
            "geometry": None if geom is None else json.loads(shapely.to_geojson(geom)),
            "properties": {key: _json_value(value) for key, value in props.items()},
        })
    return {"type": "FeatureCollection", "features": features}


def _json_value(value):
    """pandas' missing values become JSON null; everything else is left as is."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        return value.item()
    return value


def write_geojson(frame: gpd.GeoDataFrame, path: Path) -> Path:
    with atomic_write(path) as handle:
        json.dump(geojson_dict(frame), handle, ensure_ascii=False)
    return path


def acled_frame(events: gpd.GeoDataFrame) -> pd.DataFrame:
    """The incidents in ACLED-like columns (ACLED's names where ACLED has the field)."""
    rows = []
    for event in events.itertuples(index=False):
        sources = event.sources if isinstance(event.sources, list) else []
        actors = event.actors if isinstance(event.actors, list) else []
        rows.append({
            "event_id_cnty": event.event_id,
            "event_date": event.date_start,
            "year": int(event.date_start[:4]) if isinstance(event.date_start, str) else None,
            "time_precision": ACLED_TIME_PRECISION.get(event.date_precision, 3),
            "event_type": event.acled_event_type,
            "sub_event_type": event.acled_sub_event_type,
            "geomap_event_type": event.event_type,
            "actor1": actors[0] if actors else None,
            "actor2": actors[1] if len(actors) > 1 else None,
            "iso": event.country_code,
            "admin1": event.admin1,
            "location": event.place_name,
            "latitude": event.lat,
            "longitude": event.lon,
            "geo_precision": event.geo_precision,
            "source": "; ".join(sorted({s.get("publisher") or s.get("doc_id") for s in sources if s})),
            "source_url": " ".join(s["url"] for s in sources if s.get("url")),
            "notes": event.summary,
            "fatalities": event.fatalities,
            "date": event.date,
            "date_start": event.date_start,
            "date_end": event.date_end,
            "date_precision": event.date_precision,
            "place_id": event.place_id,
            "place_kind": event.place_kind,
            "confidence": event.confidence,
        })
    columns = ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
               "geomap_event_type", "actor1", "actor2", "iso", "admin1", "location", "latitude", "longitude",
               "geo_precision", "source", "source_url", "notes", "fatalities", "date", "date_start", "date_end",
               "date_precision", "place_id", "place_kind", "confidence"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"year": "Int64", "fatalities": "Int64"})


def write_csv(events: gpd.GeoDataFrame, path: Path) -> Path:
    with atomic_write(path) as handle:
        acled_frame(events).to_csv(handle, index=False)
    return path


def write_gpkg(layers: dict[str, gpd.GeoDataFrame], path: Path) -> Path:
    """One GeoPackage with a layer per frame; list and object columns stored as JSON text."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".gpkg")
    os.close(fd)
    os.unlink(tmp)
    try:
        for name, frame in layers.items():
            flat = frame.copy()
            for column in flat.columns:
                if column != flat.geometry.name and flat[column].map(lambda v: isinstance(v, (list, dict))).any():
                    flat[column] = flat[column].map(lambda v: json.dumps(v, ensure_ascii=False))
            flat.to_file(tmp, layer=name, driver="GPKG", engine="pyogrio", promote_to_multi=True)
        _publish(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def write_html(html: str, path: Path) -> Path:
    with atomic_write(path) as handle:
        handle.write(html)
    return path


def write_outputs(
    events: gpd.GeoDataFrame,
    places: gpd.GeoDataFrame,
    out_dir: Path,
    *,
    formats: tuple[str, ...] = ("html", "geojson", "csv"),
    offline: bool = True,
    split_by: str | None = None,
    outlines: gpd.GeoDataFrame | None = None,
) -> list[Path]:
    """Write the output contract's files into ``out_dir`` and return their paths.

    ``formats`` picks among html (``map.html``), geojson (``events.geojson``, ``places.geojson``),
    csv (``events.csv``) and gpkg (``geomap.gpkg``). ``split_by`` ("type" or "month") adds
    one map per event type or month beside ``map.html``. ``offline`` (the default) inlines
    every script, style and image into the map so it opens with no network.
    """
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise ExportError(f"unknown output format {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    written: list[Path] = []
    if "geojson" in formats:
        written.append(write_geojson(events, out_dir / "events.geojson"))
        written.append(write_geojson(places, out_dir / "places.geojson"))
    if "csv" in formats:
        written.append(write_csv(events, out_dir / "events.csv"))
    if "gpkg" in formats:
        written.append(write_gpkg({"events": events, "places": places}, out_dir / "geomap.gpkg"))
    if "html" in formats:
        from geomap.render import map_html, render_map, split_events

        written.append(write_html(map_html(render_map(events, places, outlines=outlines, offline=offline)),
                                  out_dir / "map.html"))
        if split_by:
            for key, part in split_events(events, split_by).items():
                page = render_map(part, places, outlines=outlines, offline=offline, title=f"geomap: {key}")
                written.append(write_html(map_html(page), out_dir / f"map_{_file_safe(key)}.html"))
    return written


def _file_safe(key: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in key)
