"""Map build time, file size and Chromium load time for synthetic incident sets.

    .venv/bin/python bench/map_bench.py                 # 1,000 / 10,000 / 100,000 incidents
    .venv/bin/python bench/map_bench.py --sizes 10000 --keep out/

Incidents are synthetic but shaped like the pipeline's: places clustered around towns in a few
countries, one in ten on a region polygon, five incidents per report, a unique summary sentence
each, the first source quoting it. Outlines come from the shipped gazetteer (countries and
admin-1) when it opens, else no basemap. The map is rendered offline (everything inlined) and
opened from a file in headless Chromium with every non-file request aborted; "load" is the median
of three page loads, from navigation start until the runtime has drawn every layer (``geomap.ready``).

Goals: 10k built < 10 s and < 10 MB; 100k < 15 MB and opens in < 3 s.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import geopandas as gpd
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geomap.render import map_html, render_map  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
EVENT_TYPES = {
    "armed clash": "Battles", "airstrike": "Explosions/Remote violence", "shelling": "Explosions/Remote violence",
    "attack on civilians": "Violence against civilians", "protest": "Protests", "riot": "Riots",
    "arrest": "Strategic developments", "displacement": None,
}
WORDS = ("forces troops residents miners police army militia officials reported attacked fled killed wounded "
         "village town road mine river border camp market convoy helicopter drone night morning gunfire "
         "clashes protest strike residents witnesses said according local regional government group armed "
         "gold illegal operation security checkpoint bridge district province northern southern near").split()
PUBLISHERS = ("Reuters", "AP", "AFP", "El Pitazo", "Efecto Cocuyo", "BBC Mundo", "Al Jazeera", "WSWS")
COUNTRIES = {"VE": (7.0, -64.0), "CO": (4.5, -74.0), "BR": (-3.0, -60.0), "GY": (5.5, -59.0), "PE": (-9.0, -75.0)}


def synthetic_events(n: int, seed: int = 7) -> gpd.GeoDataFrame:
    """``n`` incidents in the output contract's columns."""
    rng = random.Random(seed)
    towns = []
    for i in range(max(20, n // 20)):
        code = rng.choice(list(COUNTRIES))
        lat0, lon0 = COUNTRIES[code]
        towns.append((f"gn:{100000 + i}", f"Town {i} {rng.choice(WORDS).title()}", code,
                      lat0 + rng.gauss(0, 2.5), lon0 + rng.gauss(0, 2.5)))
    regions = []
    for i in range(40):
        code = rng.choice(list(COUNTRIES))
        lat0, lon0 = COUNTRIES[code]
        lat, lon = lat0 + rng.gauss(0, 3), lon0 + rng.gauss(0, 3)
        shape = shapely.Point(lon, lat).buffer(rng.uniform(0.5, 2.0), quad_segs=16)
        regions.append((f"ne1:{code}-{i}", f"Region {i}", code, lat, lon, shape))
    first_day = date(2023, 1, 1)
    rows, geometries = [], []
    docs = []
    for d in range(max(1, n // 5)):
        published = first_day + timedelta(days=rng.randrange(3 * 365))
        docs.append({"doc_id": f"reports/{d:06d}.txt", "title": _sentence(rng, 8).rstrip("."),
                     "publisher": rng.choice(PUBLISHERS), "url": f"https://news.example.org/{published:%Y/%m}/{d}",
                     "published": published.isoformat()})
    for i in range(n):
        event_type = rng.choice(list(EVENT_TYPES))
        doc = docs[i // 5]
        summary = _sentence(rng, rng.randint(14, 30))
        sources = [{**doc, "quote": summary}]
        if rng.random() < 0.3:
            sources.append({**rng.choice(docs), "quote": _sentence(rng, rng.randint(12, 24))})
        start = date.fromisoformat(doc["published"]) - timedelta(days=rng.randrange(5))
        precision = rng.choice(("day", "day", "day", "week", "month"))
        end = start + timedelta(days={"day": 0, "week": 6, "month": 29}[precision])
        if rng.random() < 0.1:
            place_id, name, code, lat, lon, geometry = rng.choice(regions)
            kind, geo_precision = "admin1", 3
        else:
            place_id, name, code, lat, lon = rng.choice(towns)
            lat, lon = lat + rng.gauss(0, 0.01), lon + rng.gauss(0, 0.01)
            geometry, kind, geo_precision = shapely.Point(lon, lat), "locality", 1
        rows.append({
            "event_id": f"ev-{i:07d}", "event_type": event_type, "acled_event_type": EVENT_TYPES[event_type],
            "acled_sub_event_type": None, "date": start.isoformat() if precision == "day" else start.isoformat()[:7],
            "date_start": start.isoformat(), "date_end": end.isoformat(), "date_precision": precision,
            "place_id": place_id, "place_name": name, "place_kind": kind, "country_code": code, "admin1": None,
            "geo_precision": geo_precision, "lat": round(lat, 6), "lon": round(lon, 6),
            "actors": rng.sample(["army", "police", "ELN", "Tren de Aragua", "miners", "residents"], 2),
            "fatalities": rng.choice([None, 0, 1, 2, 5]), "summary": summary, "sources": sources,
            "confidence": round(rng.random(), 3),
        })
        geometries.append(geometry)
    return gpd.GeoDataFrame(rows, geometry=geometries, crs="EPSG:4326")


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def shipped_outlines() -> gpd.GeoDataFrame | None:
    try:
        from geomap.gazetteer import Gazetteer
        from geomap.geo import basemap_outlines

        return basemap_outlines(Gazetteer.open())
    except Exception as exc:  # the bench still measures the incidents without a basemap
        print(f"no gazetteer outlines ({exc}); measuring without a basemap", file=sys.stderr)
        return None


def load_seconds(paths: list[Path], repeats: int = 3) -> list[float]:
    """Median seconds from navigation start until ``geomap.ready``, per file, network blocked."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in paths:
            runs = []
            for _ in range(repeats):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                problems: list[str] = []
                page.route("**/*", lambda route: route.continue_()
                           if route.request.url.startswith(("file:", "data:"))
                           else (problems.append(route.request.url), route.abort()))
                page.on("pageerror", lambda exc: problems.append(str(exc)))
                page.goto(path.resolve().as_uri(), timeout=120_000)
                page.wait_for_function("window.geomap && geomap.ready", timeout=120_000, polling=50)
                runs.append(page.evaluate("geomap.readyAt") / 1000)
                if problems:
                    print(f"  {path.name}: blocked requests or errors {problems[:3]}", file=sys.stderr)
                page.close()
            results.append(statistics.median(runs))
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--keep", type=Path, help="write the maps into this folder")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium load measurement")
    args = parser.parse_args()
    outlines = shipped_outlines()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="geomap-map-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows, paths = [], []
    for n in args.sizes:
        events = synthetic_events(n)
        started = time.perf_counter()
        page = map_html(render_map(events, outlines=outlines, offline=True, title=f"bench {n}"))
        built = time.perf_counter() - started
        path = folder / f"map_{n}.html"
        path.write_text(page, encoding="utf-8")
        paths.append(path)
        rows.append({"incidents": n, "build_s": round(built, 2), "size_mb": round(len(page.encode()) / 1e6, 2)})
        print(json.dumps(rows[-1]), flush=True)
    if not args.no_browser:
        for row, seconds in zip(rows, load_seconds(paths)):
            row["load_s"] = round(seconds, 2)
    print(f"\n{'incidents':>10} {'build s':>8} {'size MB':>8} {'load s':>7}")
    for row in rows:
        print(f"{row['incidents']:>10} {row['build_s']:>8} {row['size_mb']:>8} {row.get('load_s', '-'):>7}")


if __name__ == "__main__":
    main()
