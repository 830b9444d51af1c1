"""Screenshot the seeds' offline map in headless Chromium, network blocked (docs/map.png).

    .venv/bin/python scripts/render_screenshot.py                       # geomap.build(seeds/), offline map
    .venv/bin/python scripts/render_screenshot.py --html output/map.html
    .venv/bin/python scripts/render_screenshot.py --synthetic 500       # bench/map_bench.py's incidents

The page is opened from a file with every non-file request aborted, so the picture shows what a
user without network sees: the outline basemap, the incidents, the slider, the legend and, with
--popup, one incident's popup.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def seeds_map_html(inputs: list[Path]) -> str:
    from geomap import build
    from geomap.gazetteer import Gazetteer
    from geomap.geo import basemap_outlines
    from geomap.render import map_html, render_map

    result = build(inputs)
    return map_html(render_map(result.events, result.places, outlines=basemap_outlines(Gazetteer.open()),
                               offline=True, title="geomap: seeds"))


def synthetic_map_html(n: int) -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    from map_bench import shipped_outlines, synthetic_events

    from geomap.render import map_html, render_map

    return map_html(render_map(synthetic_events(n), outlines=shipped_outlines(), offline=True,
                               title=f"geomap: {n} synthetic incidents"))


def screenshot(html_path: Path, png_path: Path, *, popup: bool, size: tuple[int, int]) -> list[str]:
    """Save the picture; return the requests that were blocked and the page's errors."""
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                   else (problems.append(f"blocked {route.request.url}"), route.abort()))
        page.on("pageerror", lambda exc: problems.append(f"error {exc}"))
        page.goto(html_path.resolve().as_uri())
        page.wait_for_function("window.geomap && geomap.ready", timeout=60_000)
        if popup:  # an incident at a town or site if one shows singly, else one placed on a region
            for selector in (".gm-marker:not(.gm-marker-region)", ".gm-marker"):
                markers = page.locator(f".leaflet-marker-pane {selector}")
                if markers.count():
                    markers.first.click()
                    break
        page.wait_for_timeout(600)  # let zoom and popup animations settle
        png_path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png_path))
        browser.close()
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--html", type=Path, help="screenshot this map file instead of building one")
    source.add_argument("--synthetic", type=int, metavar="N", help="map N synthetic incidents instead of the seeds")
    parser.add_argument("--inputs", type=Path, nargs="+", default=[ROOT / "seeds"], help="reports to build from")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "map.png")
    parser.add_argument("--size", type=int, nargs=2, default=(1280, 800), metavar=("WIDTH", "HEIGHT"))
    parser.add_argument("--popup", action="store_true", help="open one incident's popup before the picture")
    args = parser.parse_args()

    html_path = args.html
    if html_path is None:
        page = synthetic_map_html(args.synthetic) if args.synthetic else seeds_map_html(args.inputs)
        html_path = Path(tempfile.mkdtemp(prefix="geomap-shot-")) / "map.html"
        html_path.write_text(page, encoding="utf-8")
    problems = screenshot(html_path, args.out, popup=args.popup, size=tuple(args.size))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{args.out} ({html_path})")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
