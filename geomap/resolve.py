"""Choosing the gazetteer entry each mention refers to, using the whole document as context.

Every name's candidates are scored on

- prior: the kind of entry (countries and states before towns), capitals and admin seats,
  population, and how good an alias the matched name is (`Candidate.name_score`);
- local cues: a kind word next to the name ("Bolívar state", "Tocorón prison", "city of X") and
  an explicit qualifier ("Santiago, Chile", "Paris, Texas", "Km 88 in Bolívar");
- document context, from the other names' plausible readings: a candidate gains when it lies in
  a country or first-level division that another name plausibly denotes, when it shares its
  first-level division with another name's plausible reading, and when it lies close (geodesic
  distance) to another name's plausible reading. "Huntsville" next to "Walker County" is the
  Texan pair, 0 km apart, rather than the larger Huntsville in Alabama.

Support from another name is weighted by how plausible each of its readings is, so no early
choice locks the document in; two rounds refine the weights. All occurrences of one name in a
document get the same entry (one sense per discourse).

Confidence is the product of two shares in [0, 1]: how clearly the chosen entry beats the name's
other candidates (softmax share of the scores: ambiguity), and how well it fits the document
(context fit: 1 - exp(-support / FIT_SCALE) from its context support above, lifted to FIT_FLOOR at
no support). A name that is the only place in its document, or whose only reading lies far from
every other place the document names, has no support and so gets at most FIT_FLOOR, however
unambiguous the name is. Measured with bench/confidence_eval.py.
"""
from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from geomap.extract import LANDFORMS_AFTER, LANDFORMS_BEFORE
from geomap.gazetteer import normalize_name
from geomap.models import Candidate, Document, Mention, Place, ResolvedMention

log = logging.getLogger(__name__)

CANDIDATE_LIMIT = 60
COUNTRY_CANDIDATE_LIMIT = 25
SUPPORT_CANDIDATES = 12  # readings of each name that lend support to the others
ROUNDS = 2

# Prior: kind of entry, feature code, population, alias quality.
KIND_PRIOR = {"country": 4.0, "admin1": 3.0, "region": 2.4, "water": 2.4, "admin2": 1.6, "locality": 1.0, "site": 1.0}
FEATURE_PRIOR = {"PPLC": 2.6, "PPLA": 0.9, "PPLG": 0.9, "PPLA2": 0.4, "PPLA3": 0.2, "CONT": 1.0}
POPULATION_WEIGHT = 0.45  # per decade of population
NAME_WEIGHT = 6.0  # times Candidate.name_score: an alternate name (0.85) costs 0.9
# Local cues.
CUE_BONUS = 3.0
CUE_MISMATCH = -1.0
QUALIFIER_BONUS = 4.0
QUALIFIER_MISMATCH = -1.5
# Document context (each support saturates at its weight).
COUNTRY_SUPPORT = 2.0
ADMIN1_SUPPORT = 2.0
PROXIMITY_SUPPORT = 2.5
NEAR_SCALE_KM = 30.0  # the same town or county seat
REGION_SCALE_KM = 300.0  # the same region
NEAR_SHARE = 0.6
AREA_NEIGHBOURHOOD = 0.5  # support from being near (not in) a named country or state, at 0 km
PLAUSIBILITY_TEMPERATURE = 1.5  # how fast a reading's weight falls with its score gap to the best
# Confidence (fitted on LGL only: AUROC of confidence for correctness within 161 km).
FIT_FLOOR = 0.5  # context fit with no support from the document (alone in it, or far from the rest)
FIT_SCALE = 2.0  # support at which the fit has gone 63% of the way from FIT_FLOOR to 1

GEO_PRECISION = {"locality": 1, "site": 1, "admin2": 2, "admin1": 3, "country": 3, "region": 3, "water": 3}
OPEN_WATER_WORDS = frozenset("ocean sea gulf strait".split())
# Natural features named after a place ("Kanawha River", "Lake Lanier"): the extractor's landform
# words, less water bodies (those are places of their own) and townships (localities).
LANDFORM_WORDS = (LANDFORMS_AFTER | LANDFORMS_BEFORE) - frozenset("ocean sea gulf strait township twp".split())

# Cue words beside a name and the kind of entry they ask for.
CUES_AFTER = {
    "state": "admin1", "province": "admin1", "department": "admin1", "governorate": "admin1", "oblast": "admin1",
    "prefecture": "admin1", "territory": "admin1", "region": "admin1",
    "county": "admin2", "parish": "admin2", "municipality": "admin2", "district": "admin2", "borough": "admin2",
    "city": "locality", "town": "locality", "village": "locality", "township": "locality", "twp": "locality",
    "river": "water", "lake": "water", "sea": "water", "ocean": "water", "gulf": "water", "bay": "water",
    "prison": "site", "jail": "site", "penitentiary": "site", "mine": "site", "mines": "site", "airport": "site",
    "deposit": "site", "dam": "site",
}
CUES_BEFORE = {
    "city": "locality", "town": "locality", "village": "locality", "state": "admin1", "province": "admin1",
    "county": "admin2", "municipality": "admin2", "region": "admin1", "capital": "locality",
}
_AREA_KINDS = ("country", "admin1", "admin2")
_POINT_KINDS = ("locality", "site", "admin2")
_QUALIFIER_GAP = re.compile(r"\s*,\s*|\s+in\s+(?:the\s+)?|\s*\(\s*")
_WORD = re.compile(r"[^\W_]+")


@dataclass
class _Name:
    """All occurrences of one normalized name in a document and its scored candidates."""

    key: str
    mentions: list[Mention]
    demonym: bool
    candidates: list[Candidate] = field(default_factory=list)
    base: np.ndarray | None = None  # prior + local cues
    scores: np.ndarray | None = None
    cue_kinds: set[str] = field(default_factory=set)
    qualifiers: list["_Name"] = field(default_factory=list)

    @property
    def choice(self) -> int | None:
        return None if self.scores is None else int(np.argmax(self.scores))

    @property
    def chosen(self) -> Place | None:
        return None if self.scores is None else self.candidates[self.choice].place

    def plausible(self) -> list[tuple[Place, float]]:
        """The best readings and their weights in (0, 1] (1 for the best)."""
        order = np.argsort(-self.scores)[:SUPPORT_CANDIDATES]
        top = self.scores[order[0]]
        return [(self.candidates[i].place, math.exp((self.scores[i] - top) / PLAUSIBILITY_TEMPERATURE))
                for i in order]


class Resolver:
    """Resolve a document's mentions to gazetteer entries.

    Parameters
    ----------
    gazetteer : geomap.gazetteer.Gazetteer
    """

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        self._candidate_cache: dict[tuple[str, str | None, bool], list[Candidate]] = {}

    def resolve(self, document: Document, mentions: Sequence[Mention]) -> list[ResolvedMention]:
        """One `ResolvedMention` per mention, in the same order (``place`` None when nothing fits)."""
        names = self._group(mentions)
        if not names:
            return []
        text = document.text
        for name in names.values():
            name.candidates = self._candidates(name)
            name.cue_kinds = _cue_kinds(text, name.mentions)
        _link_qualifiers(text, names)
        for name in names.values():
            self._score_locally(name)
        self._expand_with_context_countries(names)
        resolvable = [n for n in names.values() if n.candidates]
        for _round in range(ROUNDS if len(resolvable) > 1 else 0):
            for name, support in zip(resolvable, _context_supports(resolvable)):
                name.scores = name.base + support
        return [self._resolved(names[_name_key(m)], m) for m in mentions]

    def _resolved(self, name: _Name, mention: Mention) -> ResolvedMention:
        place = name.chosen
        if place is None:
            return ResolvedMention(mention, None, 0.0, None)
        precision = GEO_PRECISION.get(place.kind, 3)
        words = set(normalize_name(mention.surface).split())
        if place.kind != "water" and words & LANDFORM_WORDS:
            precision = max(precision, 2)  # "Kanawha River" placed at the county it names: near
        return ResolvedMention(mention, place, _confidence(name.base, name.scores, name.choice), precision)

    # -- candidates

    def _group(self, mentions: Sequence[Mention]) -> dict[str, _Name]:
        names: dict[str, _Name] = {}
        for mention in mentions:
            key = _name_key(mention)
            name = names.get(key)
            if name is None:
                names[key] = _Name(key=key, mentions=[mention], demonym=mention.label == "demonym")
            else:
                name.mentions.append(mention)
        return names

    def _candidates(self, name: _Name, country: str | None = None) -> list[Candidate]:
        surface = name.key.split(":", 1)[1]
        cache_key = (surface, country, name.demonym)
        cached = self._candidate_cache.get(cache_key)
        if cached is not None:
            return cached
        limit = COUNTRY_CANDIDATE_LIMIT if country else CANDIDATE_LIMIT
        if name.demonym:
            found = self._demonym_places(surface)
        else:
            found = self.gazetteer.candidates(surface, country=country, limit=limit) if surface else []
            if not found and surface.startswith("the "):
                found = self.gazetteer.candidates(surface[4:], country=country, limit=limit)
            if not found and " " in surface:
                # "Kanawha River", "Jerome Township", "Lake Lanier": the place the name comes from;
                # but an ocean, sea or gulf is only ever a water body.
                found = self.gazetteer.search(surface, country=country, limit=limit)
                if set(surface.split()) & OPEN_WATER_WORDS:
                    found = [c for c in found if c.place.kind == "water"]
        if len(self._candidate_cache) > 100_000:
            self._candidate_cache.clear()
        self._candidate_cache[cache_key] = found
        return found

    def _demonym_places(self, surface: str) -> list[Candidate]:
        """The places a demonym denotes ("venezuelans" -> Venezuela), via the gazetteer's demonym names."""
        for key in (surface, surface[:-1] if surface.endswith("s") else None):
            if not key:
                continue
            forms = [f for f in self.gazetteer.name_forms(key) if f.name_type == "demonym"]
            if forms:
                ids = list(dict.fromkeys(f.place_id for f in forms))
                return [Candidate(self.gazetteer.place(pid), key, 1.0) for pid in ids]
        return [c for c in self.gazetteer.candidates(surface, limit=10) if c.place.kind == "country"]

    def _expand_with_context_countries(self, names: dict[str, _Name]) -> None:
        """Names with many homonyms: add the homonyms inside the countries the document names."""
        countries: dict[str, float] = {}
        for name in names.values():
            if name.scores is not None and name.chosen.kind == "country" and name.chosen.country_code:
                countries[name.chosen.country_code] = countries.get(name.chosen.country_code, 0) + len(name.mentions)
        top = [cc for cc, _n in sorted(countries.items(), key=lambda kv: -kv[1])[:3]]
        for name in names.values():
            if name.demonym or len(name.candidates) < CANDIDATE_LIMIT:
                continue
            known = {c.place.place_id for c in name.candidates}
            extra = [c for cc in top for c in self._candidates(name, cc) if c.place.place_id not in known]
            if extra:
                name.candidates = name.candidates + extra
                self._score_locally(name)

    # -- scoring

    def _score_locally(self, name: _Name) -> None:
        if not name.candidates:
            name.base = name.scores = None
            return
        base = np.array([_prior(c) for c in name.candidates])
        top_kind = name.candidates[int(np.argmax(base))].place.kind
        if name.cue_kinds:
            base += np.array([CUE_BONUS if c.place.kind in name.cue_kinds else CUE_MISMATCH for c in name.candidates])
        for qualifier in name.qualifiers:
            areas = [c.place for c in qualifier.candidates[:8] if c.place.kind in _AREA_KINDS]
            if not areas or top_kind == "country" or (top_kind == "admin1" and areas[0].kind != "country"):
                continue  # a list of countries or states, not a qualified name
            base += np.array([QUALIFIER_BONUS if any(_inside(c.place, a) for a in areas) else QUALIFIER_MISMATCH
                              for c in name.candidates])
        name.base = base
        name.scores = base.copy()


def _context_supports(names: list[_Name]) -> list[np.ndarray]:
    """What the other names' plausible readings lend to each candidate of each name.

    Three supports, each summed over the other names (taking each name's best-supporting
    reading, weighted by its plausibility) and saturating: the candidate's country is named or
    contains another reading; its first-level division is named or contains another reading;
    another reading lies close to it (for a country or a state: inside it). A reading never
    supports the very entry it is (the same place named twice, "Dublin" and "Dublin City").
    Computed for the whole document at once: candidates x readings matrices.
    """
    candidates = [c.place for name in names for c in name.candidates]
    candidate_owner = np.repeat(np.arange(len(names)), [len(name.candidates) for name in names])
    readings, weights, reading_owner = [], [], []
    for index, name in enumerate(names):
        for place, weight in name.plausible():
            readings.append(place)
            weights.append(weight)
            reading_owner.append(index)
    weight = np.array(weights)[None, :]
    codes: dict[str | None, int] = {None: -1, "": -1}

    def code(values) -> np.ndarray:
        return np.array([codes.setdefault(v, len(codes)) for v in values])

    c_id, r_id = code(p.place_id for p in candidates)[:, None], code(p.place_id for p in readings)[None, :]
    c_cc, r_cc = code(p.country_code for p in candidates)[:, None], code(p.country_code for p in readings)[None, :]
    c_a1 = code(None if p.kind == "country" else p.admin1_code for p in candidates)[:, None]
    r_a1 = code(None if p.kind == "country" else p.admin1_code for p in readings)[None, :]
    c_kind = np.array([p.kind for p in candidates])[:, None]
    r_kind = np.array([p.kind for p in readings])[None, :]
    usable = (r_id != c_id) & (np.array(reading_owner)[None, :] != candidate_owner[:, None])
    in_country = usable & (c_cc == r_cc) & (r_cc >= 0)
    in_admin1 = usable & (c_a1 == r_a1) & (r_a1 >= 0)
    area_reading = (r_kind == "country") | (r_kind == "admin1")
    country = np.where(in_country, np.where(area_reading, weight, 0.5 * weight), 0.0)
    admin1 = np.where(in_admin1 & (c_kind != "admin1"), weight, 0.0)
    distance = _haversine_matrix(np.array([(p.lat, p.lon) for p in candidates]),
                                 np.array([(p.lat, p.lon) for p in readings]))
    point_reading = np.isin(r_kind, _POINT_KINDS)
    closeness = _closeness(distance)
    near = np.where(usable & point_reading, weight * closeness, 0.0)
    # A named country or state also draws its neighbourhood ("Gaza" beside Israel and Egypt), weakly.
    regional = AREA_NEIGHBOURHOOD * np.exp(-distance / REGION_SCALE_KM)
    near = np.maximum(near, np.where(usable & area_reading & ~(in_country | in_admin1), weight * regional, 0.0))
    near = np.maximum(near, np.where(in_country & (c_kind == "country"), weight, 0.0))  # inside the country
    near = np.maximum(near, np.where(in_admin1 & (c_kind == "admin1"), weight, 0.0))  # inside the state
    starts = np.flatnonzero(np.r_[True, np.diff(reading_owner) != 0])  # each name's readings are contiguous
    total = (COUNTRY_SUPPORT * (1 - np.exp(-np.maximum.reduceat(country, starts, axis=1).sum(axis=1)))
             + ADMIN1_SUPPORT * (1 - np.exp(-np.maximum.reduceat(admin1, starts, axis=1).sum(axis=1)))
             + PROXIMITY_SUPPORT * (1 - np.exp(-np.maximum.reduceat(near, starts, axis=1).sum(axis=1))))
    bounds = np.cumsum([0] + [len(name.candidates) for name in names])
    return [total[lo:hi] for lo, hi in zip(bounds[:-1], bounds[1:])]


def _closeness(distance_km: np.ndarray) -> np.ndarray:
    """1 for the same spot, falling fast over tens of km and slowly over hundreds."""
    return NEAR_SHARE * np.exp(-distance_km / NEAR_SCALE_KM) + (1 - NEAR_SHARE) * np.exp(-distance_km / REGION_SCALE_KM)


# ----------------------------------------------------------------------------- helpers


def _name_key(mention: Mention) -> str:
    return f"{mention.label}:{normalize_name(mention.surface)}"


def _prior(candidate: Candidate) -> float:
    place = candidate.place
    return (KIND_PRIOR.get(place.kind, 1.0) + FEATURE_PRIOR.get(place.feature_code or "", 0.0)
            + POPULATION_WEIGHT * math.log10((place.population or 0) + 1) + NAME_WEIGHT * candidate.name_score)


def _confidence(base: np.ndarray, scores: np.ndarray, choice: int) -> float:
    """Ambiguity share times context fit of the chosen candidate, rounded to 3 decimals.

    ``scores - base`` is each candidate's support from the rest of the document (zero when the
    name is the document's only one).
    """
    shifted = np.exp(scores - scores.max())
    share = shifted[choice] / shifted.sum()
    fit = FIT_FLOOR + (1 - FIT_FLOOR) * (1 - math.exp(-(scores[choice] - base[choice]) / FIT_SCALE))
    return round(float(share * fit), 3)


def _inside(place: Place, area: Place) -> bool:
    if place.place_id == area.place_id:
        return False
    if area.kind == "country":
        return place.country_code == area.country_code
    if area.kind in ("admin1", "admin2"):
        return bool(place.admin1_code) and place.admin1_code == area.admin1_code
    return False


def _cue_kinds(text: str, mentions: list[Mention]) -> set[str]:
    """The kinds that cue words next to any occurrence ask for ("Bolívar state" -> admin1)."""
    kinds = set()
    for mention in mentions:
        after = _WORD.match(text, _skip_spaces(text, mention.end))
        if after and text[mention.end:after.start()].strip() == "":
            kind = CUES_AFTER.get(after.group().lower())
            if kind:
                kinds.add(kind)
        before = text[max(0, mention.start - 20):mention.start].lower().split()
        if len(before) >= 2 and before[-1] == "of" and before[-2] in CUES_BEFORE:
            kinds.add(CUES_BEFORE[before[-2]])
    return kinds


def _skip_spaces(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t":
        index += 1
    return index


def _link_qualifiers(text: str, names: dict[str, _Name]) -> None:
    """"Santiago, Chile", "Km 88 in Bolívar state", "Paris (Texas)": the second name qualifies the first."""
    by_start = sorted(((m.start, m.end, name) for name in names.values() for m in name.mentions), key=lambda t: t[0])
    for (_start, end, name), (next_start, _next_end, next_name) in zip(by_start, by_start[1:]):
        if next_name is name or next_name.demonym or name.demonym:
            continue
        gap = text[end:next_start]
        if len(gap) > 12 or not _QUALIFIER_GAP.fullmatch(gap):
            continue
        if not any(c.place.kind in _AREA_KINDS for c in next_name.candidates[:8]):
            continue
        if next_name not in name.qualifiers:
            name.qualifiers.append(next_name)


def _haversine_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) between every row of ``a`` and ``b`` (lat, lon in degrees)."""
    lat1, lon1 = np.radians(a[:, 0])[:, None], np.radians(a[:, 1])[:, None]
    lat2, lon2 = np.radians(b[:, 0])[None, :], np.radians(b[:, 1])[None, :]
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
