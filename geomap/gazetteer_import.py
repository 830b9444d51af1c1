"""Add a user's own data to the gazetteer index: GeoNames dumps and GeoJSON / CSV layers.

Imports are transactional: a malformed file raises GazetteerImportError naming the file and
line, and leaves the index as it was. Imported places get rowids at or above
``USER_ROWID_BASE`` and the names added to shipped places are journalled in ``user_names``,
so an automatic index rebuild carries them over.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import re
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import shapely
from shapely.geometry import shape

from geomap.errors import GazetteerImportError
from geomap.gazetteer import (
    NAME_TYPE_SCORES,
    USER_ROWID_BASE,
    Gazetteer,
    PlaceRecord,
    NAME_STATS_SQL,
    IndexWriter,
    read_tsv,
    normalize_name,
)
from geomap.models import PLACE_KINDS

log = logging.getLogger(__name__)

GEONAMES_COLUMNS = 19
_MAX_TRACKED_KEYS = 500_000  # past this many changed names, recompute all name statistics at once
# GeoNames alternate-name "languages" that are not names of the place.
_NOT_NAMES = {"link", "post", "iata", "icao", "faac", "tcid", "unlc", "wkdt", "fr_1793", "phon", "piny"}
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one import added."""

    path: str
    format: str  # "geonames", "geonames-alternate-names", "geojson" or "csv"
    places: int
    names: int


def import_file(gaz: Gazetteer, path: str | Path, *, format: str | None = None) -> ImportResult:
    """Import ``path`` into the gazetteer index, all or nothing.

    Parameters
    ----------
    gaz : Gazetteer
        The open gazetteer whose index receives the data.
    path : path
        A GeoNames dump (``allCountries.zip``, ``VE.zip``, ``cities500.txt``, ``alternateNamesV2.zip``)
        when ``format="geonames"``; else a GeoJSON (``.geojson``/``.json``) or CSV layer with
        ``name``, ``aliases``, ``kind``, geometry or ``lat``/``lon``, ``source``.
    format : str (default: from the file name)
        "geonames", "geojson" or "csv".

    Returns
    -------
    ImportResult
    """
    path = Path(path)
    if not path.is_file():
        raise GazetteerImportError(f"{path}: no such file")
    fmt = format or _guess_format(path)
    if fmt == "geonames":
        if "alternatename" in path.name.lower():
            return _run(gaz, path, "geonames-alternate-names", _import_alternate_names)
        return _run(gaz, path, "geonames", _import_geonames_places)
    if fmt == "geojson":
        return _run(gaz, path, "geojson", _import_geojson)
    if fmt == "csv":
        return _run(gaz, path, "csv", _import_csv)
    raise GazetteerImportError(f"{path}: unknown format {fmt!r}; use geonames, geojson or csv")


def _guess_format(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".geojson", ".json")):
        return "geojson"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".zip", ".txt")):
        return "geonames"
    raise GazetteerImportError(f"{path}: cannot tell the format from the name; pass format='geonames', 'geojson' or 'csv'")


class _Importer:
    """Collects one import's rows inside the caller's transaction."""

    def __init__(self, gaz: Gazetteer, import_id: int):
        conn = gaz.connection
        self.conn = conn
        self.import_id = import_id
        top = conn.execute("SELECT max(rowid) FROM places WHERE rowid >= ?", (USER_ROWID_BASE,)).fetchone()[0]
        admin1_names = {row["code"]: row["name"] for row in read_tsv(gaz.data_dir / "admin1-codes.tsv.gz")}
        self.writer = IndexWriter(conn, (top or USER_ROWID_BASE - 1) + 1, admin1_names)
        self.places = 0
        self.names = 0
        self.keys: set[str] | None = set()  # None: too many to track, refresh every statistic
        self._journal: list[tuple] = []

    def add_place(self, record: PlaceRecord) -> None:
        existing = self.conn.execute("SELECT rowid FROM places WHERE place_id = ?", (record.place_id,)).fetchone()
        if existing is not None:
            if existing[0] < USER_ROWID_BASE:  # a shipped entry: keep it, add the file's names to it
                for name, name_type in record.names:
                    self.add_name(record.place_id, name, name_type)
                return
            self._delete_user_place(existing[0])
        self.writer.add(record, "user")
        self.places += 1
        self.names += len(record.names)
        self._track(normalize_name(n) for n, _t in record.names)

    def _track(self, keys) -> None:
        if self.keys is not None:
            self.keys.update(keys)
            if len(self.keys) > _MAX_TRACKED_KEYS:
                self.keys = None

    def add_name(self, place_id: str, name: str, name_type: str) -> None:
        key = normalize_name(name)
        if key:
            self._journal.append((key, place_id, name, name_type, self.import_id))
            self._track((key,))
            if len(self._journal) > 50_000:
                self.flush()

    def _delete_user_place(self, rowid: int) -> None:
        self._track([k for (k,) in self.conn.execute("SELECT key FROM names WHERE place = ?", (rowid,))])
        for table, column in (("names", "place"), ("geometries", "place"), ("places", "rowid")):
            self.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (rowid,))

    def flush(self) -> None:
        self.writer.flush()
        if self._journal:
            self.conn.executemany("INSERT INTO user_names (key, place_id, name, name_type, import_id) VALUES (?, ?, ?, ?, ?)",
                                  self._journal)
            before = self.conn.total_changes
            self.conn.executemany(
                "INSERT OR IGNORE INTO names (key, place, name, name_type, score) SELECT ?, rowid, ?, ?, ? FROM places WHERE place_id = ?",
                [(k, n, t, NAME_TYPE_SCORES[t], pid) for k, pid, n, t, _i in self._journal])
            self.names += self.conn.total_changes - before
            self._journal = []

    def refresh_name_stats(self) -> None:
        if self.keys is None:
            self.conn.execute("DELETE FROM name_stats")
            self.conn.execute(NAME_STATS_SQL.format(where=""))
            return
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS changed_keys (key TEXT PRIMARY KEY)")
        self.conn.execute("DELETE FROM changed_keys")
        self.conn.executemany("INSERT OR IGNORE INTO changed_keys VALUES (?)", ((k,) for k in self.keys))
        self.conn.execute("DELETE FROM name_stats WHERE key IN (SELECT key FROM changed_keys)")
        self.conn.execute(NAME_STATS_SQL.format(where="WHERE n.key IN (SELECT key FROM changed_keys)"))


def _run(gaz: Gazetteer, path: Path, fmt: str, load) -> ImportResult:
    conn = gaz.connection
    started = time.perf_counter()
    previous_isolation = conn.isolation_level
    conn.isolation_level = None
    conn.execute("BEGIN IMMEDIATE")
    try:
        import_id = (conn.execute("SELECT max(import_id) FROM imports").fetchone()[0] or 0) + 1
        importer = _Importer(gaz, import_id)
        load(importer, path)
        importer.flush()
        importer.refresh_name_stats()
        conn.execute("INSERT INTO imports (import_id, path, format, imported_at, n_places, n_names) VALUES (?, ?, ?, ?, ?, ?)",
                     (import_id, str(path.resolve()), fmt, time.strftime("%Y-%m-%dT%H:%M:%S"), importer.places, importer.names))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.isolation_level = previous_isolation
        gaz.clear_caches()
    log.info("imported %s (%s): %d places, %d names in %.1f s", path, fmt, importer.places, importer.names,
             time.perf_counter() - started)
    return ImportResult(str(path), fmt, importer.places, importer.names)


# ----------------------------------------------------------------------------- GeoNames


def _text_members(path: Path) -> Iterator[tuple[str, Iterator[str]]]:
    """(label, lines) for a .txt file or each data .txt inside a .zip."""
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise GazetteerImportError(f"{path}: not a readable zip file ({exc})") from exc
        with archive:
            members = [n for n in archive.namelist() if n.endswith(".txt") and not n.lower().startswith(("readme", "iso-languagecodes"))]
            if not members:
                raise GazetteerImportError(f"{path}: the zip holds no GeoNames .txt file")
            for member in members:
                with archive.open(member) as raw:
                    yield f"{path}!{member}", io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as handle:
            yield str(path), handle


def _kind_for(feature_class: str, feature_code: str) -> str:
    if feature_class == "A":
        if feature_code.startswith("PCL"):
            return "country"
        return {"ADM1": "admin1", "ADM2": "admin2"}.get(feature_code, "region")
    return {"P": "locality", "H": "water", "U": "water", "L": "region", "V": "region"}.get(feature_class, "site")


def _import_geonames_places(importer: _Importer, path: Path) -> None:
    for label, lines in _text_members(path):
        for line_no, line in enumerate(lines, start=1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            importer.add_place(_geonames_record(label, line_no, line))


def _geonames_record(label: str, line_no: int, line: str) -> PlaceRecord:
    fields = line.split("\t")
    if len(fields) != GEONAMES_COLUMNS:
        raise GazetteerImportError(f"{label}, line {line_no}: expected {GEONAMES_COLUMNS} tab-separated GeoNames columns, "
                                   f"found {len(fields)}")
    try:
        geonames_id, lat, lon = int(fields[0]), float(fields[4]), float(fields[5])
        population = int(fields[14] or 0)
    except ValueError as exc:
        raise GazetteerImportError(f"{label}, line {line_no}: {exc}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not fields[1].strip():
        raise GazetteerImportError(f"{label}, line {line_no}: bad name or coordinates ({fields[1]!r}, {lat}, {lon})")
    names = [(fields[1], "official")]
    if fields[2]:
        names.append((fields[2], "alternate"))
    names += [(alt, "alternate") for alt in fields[3].split(",") if alt and not _CODE_LIKE.match(alt) and len(alt) <= 80]
    country = fields[8] or None
    return PlaceRecord(
        place_id=f"gn:{geonames_id}", name=fields[1], kind=_kind_for(fields[6], fields[7]), lat=lat, lon=lon,
        names=names, country_code=country, admin1_code=f"{country}.{fields[10]}" if country and fields[10] else None,
        population=population, feature_code=fields[7] or None, geonames_id=geonames_id, source=f"GeoNames ({label})",
    )


def _import_alternate_names(importer: _Importer, path: Path) -> None:
    for label, lines in _text_members(path):
        for line_no, line in enumerate(lines, start=1):
            line = line.rstrip("\n")
            if not line:
                continue
            fields = line.split("\t")
            if len(fields) < 4 or not fields[1].isdigit():
                raise GazetteerImportError(f"{label}, line {line_no}: expected GeoNames alternate-name columns "
                                           f"(alternateNameId, geonameid, isolanguage, alternate name, ...)")
            language, name = fields[2], fields[3]
            if language in _NOT_NAMES or not name or len(name) > 80:
                continue
            importer.add_name(f"gn:{fields[1]}", name, "abbreviation" if language == "abbr" else "alternate")


# ----------------------------------------------------------------------------- GeoJSON / CSV layers


def _layer_record(label: str, where: str, props: dict, geometry) -> PlaceRecord:
    name = str(props.get("name") or "").strip()
    if not name:
        raise GazetteerImportError(f"{label}, {where}: missing 'name'")
    aliases = props.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a.strip() for a in aliases.split("|") if a.strip()]
    kind = props.get("kind") or ("locality" if geometry.geom_type == "Point" else "region")
    if kind not in PLACE_KINDS:
        raise GazetteerImportError(f"{label}, {where}: kind {kind!r} is not one of {', '.join(PLACE_KINDS)}")
    if geometry.is_empty or not geometry.is_valid and geometry.geom_type == "Point":
        raise GazetteerImportError(f"{label}, {where}: empty or invalid geometry")
    if geometry.geom_type == "Point":
        lat, lon, wkb = geometry.y, geometry.x, None
    elif geometry.geom_type in ("Polygon", "MultiPolygon"):
        geometry = shapely.make_valid(geometry)
        largest = max(getattr(geometry, "geoms", [geometry]), key=lambda g: g.area)
        point = largest.centroid if largest.contains(largest.centroid) else largest.representative_point()
        lat, lon, wkb = point.y, point.x, shapely.to_wkb(geometry)
    else:
        raise GazetteerImportError(f"{label}, {where}: geometry type {geometry.geom_type} is not Point, Polygon or MultiPolygon")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerImportError(f"{label}, {where}: coordinates out of range ({lat}, {lon})")
    ident = str(props.get("id") or normalize_name(name).replace(" ", "-"))
    try:
        population = int(props.get("population") or 0)
        precision = float(props["precision_km"]) if props.get("precision_km") not in (None, "") else None
    except (TypeError, ValueError) as exc:
        raise GazetteerImportError(f"{label}, {where}: {exc}") from exc
    return PlaceRecord(
        place_id=ident if ident.startswith("user:") else f"user:{ident}", name=name, kind=kind, lat=lat, lon=lon,
        names=[(name, "official")] + [(a, "alternate") for a in aliases], country_code=props.get("country_code") or None,
        admin1_code=props.get("admin1_code") or None, population=population, precision_km=precision,
        source=str(props.get("source") or label), geometry_wkb=wkb,
    )


def _import_geojson(importer: _Importer, path: Path) -> None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GazetteerImportError(f"{path}, line {exc.lineno}: not valid JSON ({exc.msg})") from exc
    except UnicodeDecodeError as exc:
        raise GazetteerImportError(f"{path}: not UTF-8 text") from exc
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise GazetteerImportError(f"{path}: not a GeoJSON FeatureCollection")
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        try:
            geometry = shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException) as exc:
            raise GazetteerImportError(f"{path}, {where}: missing or invalid geometry ({exc})") from exc
        importer.add_place(_layer_record(str(path), where, feature.get("properties") or {}, geometry))


def _import_csv(importer: _Importer, path: Path) -> None:
    try:
        handle = open(path, encoding="utf-8", newline="")
        with handle:
            reader = csv.DictReader(handle)
            missing = {"name", "lat", "lon"} - set(reader.fieldnames or [])
            if missing:
                raise GazetteerImportError(f"{path}, line 1: missing column(s) {', '.join(sorted(missing))}")
            for row in reader:
                where = f"line {reader.line_num}"
                try:
                    point = shapely.Point(float(row["lon"]), float(row["lat"]))
                except (TypeError, ValueError) as exc:
                    raise GazetteerImportError(f"{path}, {where}: lat/lon must be numbers, got {row.get('lat')!r}, {row.get('lon')!r}") from exc
                importer.add_place(_layer_record(str(path), where, row, point))
    except UnicodeDecodeError as exc:
        raise GazetteerImportError(f"{path}: not UTF-8 text") from exc
