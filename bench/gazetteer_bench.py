"""Gazetteer numbers: index build time and size, lookup latency, and where area points land.

    .venv/bin/python bench/gazetteer_bench.py [--corpus ../shared/bench/dev] [--skip-build]

The area-point measurement reads the EUPEG gold corpora (read-only, never copied): for every
gold toponym whose name matches a country or admin-1 entry that contains, or lies near, the
gold point, it reports how often the entry's representative point is within 161 km of the
gold coordinate (GeoNames' own point for that area).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from geomap.gazetteer import Gazetteer, build_index

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "dev"


def bench_build(tmp: Path) -> Path:
    index = tmp / "gazetteer.sqlite"
    started = time.perf_counter()
    counts = build_index(index)
    print(f"index build: {time.perf_counter() - started:.1f} s, {index.stat().st_size / 1e6:.0f} MB, counts {counts}")
    return index


def bench_lookups(gaz: Gazetteer, n: int = 2000) -> None:
    keys = [stat.key for stat in gaz.name_stats()]
    print(f"name_stats: {len(keys)} keys")
    rng = random.Random(7)
    sample = rng.sample(keys, n)
    for label, call in (("candidates", lambda k: gaz.candidates(k)), ("search", lambda k: gaz.search(k, limit=10))):
        times = []
        for key in sample:
            started = time.perf_counter()
            call(key)
            times.append(time.perf_counter() - started)
        times.sort()
        print(f"{label}: median {statistics.median(times) * 1e3:.3f} ms, p95 {times[int(0.95 * len(times))] * 1e3:.3f} ms "
              f"over {n} random names")
    started = time.perf_counter()
    sum(1 for _ in gaz.name_stats())
    print(f"name_stats stream: {time.perf_counter() - started:.2f} s")


def _gold_toponyms(corpus: Path):
    for gold in sorted(corpus.glob("*/gold.txt")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            for item in filter(None, line.split("||")):
                fields = item.split(",,")
                if len(fields) >= 4:
                    yield gold.parent.name, fields[1], float(fields[2]), float(fields[3])


def bench_area_points(gaz: Gazetteer, corpus: Path) -> None:
    from geopy.distance import geodesic

    within: Counter = Counter()
    total: Counter = Counter()
    misses: Counter = Counter()
    for corpus_name, name, lat, lon in _gold_toponyms(corpus):
        for kind in ("country", "admin1"):
            matches = [c.place for c in gaz.candidates(name, kind=kind, limit=20)]
            meant = [p for p in matches if gaz.contains(p.place_id, lat, lon)]
            if not meant:
                continue
            place = meant[0]
            distance = geodesic((lat, lon), (place.lat, place.lon)).km
            total[(corpus_name, kind)] += 1
            if distance <= 161:
                within[(corpus_name, kind)] += 1
            else:
                misses[(kind, place.name, round(distance))] += 1
            break
    for key in sorted(total):
        print(f"{key[0]} {key[1]}: {within[key]}/{total[key]} gold toponyms ({within[key] / total[key]:.1%}) have the "
              f"entry's point within 161 km of the gold point")
    print("largest misses (kind, name, km) x mentions:", misses.most_common(15))


def bench_coverage(gaz: Gazetteer, corpus: Path) -> None:
    """The ceiling a perfect resolver reaches: gold toponyms with some entry of that name within 161 km."""
    from geopy.distance import geodesic

    total: Counter = Counter()
    covered: Counter = Counter()
    for corpus_name, name, lat, lon in _gold_toponyms(corpus):
        total[corpus_name] += 1
        places = [c.place for c in gaz.candidates(name, limit=500)]
        if any(geodesic((lat, lon), (p.lat, p.lon)).km <= 161 for p in places):
            covered[corpus_name] += 1
    for name in sorted(total):
        print(f"{name} coverage: {covered[name]}/{total[name]} gold toponyms ({covered[name] / total[name]:.1%}) "
              f"have an entry of that name within 161 km")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--skip-build", action="store_true", help="use the cached index instead of timing a fresh build")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = None if args.skip_build else bench_build(Path(tmp))
        gaz = Gazetteer.open(index)
        bench_lookups(gaz)
        if args.corpus.exists():
            bench_area_points(gaz, args.corpus)
            bench_coverage(gaz, args.corpus)
        else:
            print(f"{args.corpus} not found: area-point measurement skipped", file=sys.stderr)
        gaz.close()


if __name__ == "__main__":
    main()
