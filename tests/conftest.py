"""Shared fixtures: a real headless Chromium (Debian's, driven by Playwright) and a page visit helper; the real
geoparser with the shipped gazetteer, for tests that read whole articles."""
from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def geoparse():
    """A function from a document to (its resolved place mentions, the gazetteer): the real geoparser."""
    from geomap.extract import MentionExtractor
    from geomap.gazetteer import Gazetteer
    from geomap.nlp import load_nlp
    from geomap.resolve import Resolver

    gazetteer = Gazetteer.open()
    extractor, resolver = MentionExtractor(gazetteer, load_nlp()), Resolver(gazetteer)

    def resolved(document):
        [mentions] = extractor.extract_batch([document])
        return resolver.resolve(document, mentions), gazetteer
    return resolved


class Visit:
    """A page opened on a map file with the network cut off, recording what a user would notice."""

    def __init__(self, browser, path: Path, *, before_load: str | None = None):
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        if before_load:
            self.page.add_init_script(before_load)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.geomap && geomap.ready", timeout=20_000)

    def _route(self, route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def drawn_count(self) -> int:
        """Incidents the map shows: cluster bubbles count theirs, every other marker is one."""
        return self.page.evaluate("""() => {
            let n = 0;
            document.querySelectorAll('.leaflet-marker-pane .gm-cluster').forEach(e => n += Number(e.textContent));
            return n + document.querySelectorAll('.leaflet-marker-pane .gm-marker').length;
        }""")

    def shown_ids(self) -> set[str]:
        return set(self.page.evaluate(
            "geomap.clusters.shownIndices().map(i => geomap.payload.text(geomap.payload.events.id[i]))"))

    def set_slider(self, day: str) -> None:
        self.page.evaluate("""(day) => {
            const slider = document.querySelector('.leaflet-timeline-control input[type=range]');
            slider.value = String(Date.parse(day + 'T12:00:00Z'));
            slider.dispatchEvent(new Event('input', {bubbles: true}));
        }""", day)

    def popup_of(self, title_prefix: str):
        self.page.locator(f'.leaflet-marker-pane .gm-marker[title^="{title_prefix}"]').first.click()
        popup = self.page.locator(".leaflet-popup-content")
        popup.wait_for()
        return popup


