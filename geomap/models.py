"""The typed objects that flow between geomap's stages.

ingest -> Document; extract -> Mention; gazetteer -> Place; resolve -> ResolvedMention;
events -> Event (with Source). Stages never exchange spaCy Docs, sqlite rows or dicts.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

PlaceKind = Literal["country", "admin1", "admin2", "locality", "site", "region", "water"]
PLACE_KINDS: tuple[str, ...] = ("country", "admin1", "admin2", "locality", "site", "region", "water")

DatePrecision = Literal["day", "week", "month", "season", "year", "unknown"]

MentionLabel = Literal["place", "demonym"]


@dataclass(frozen=True, slots=True)
class Document:
    """One news report, its text decoded and its metadata where the document states it."""

    doc_id: str
    text: str
    path: str | None = None
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. Geometry is fetched on demand with ``Gazetteer.geometry(place_id)``."""

    place_id: str  # "gn:3646738", "ne1:VE-F", "ne0:VE", "sea:caribbean-sea", "cur:las-claritas", "user:..."
    name: str
    kind: PlaceKind
    lat: float  # a representative point inside the geometry
    lon: float
    country_code: str | None = None  # ISO 3166-1 alpha-2
    admin1_code: str | None = None  # GeoNames style "VE.06"
    admin1: str | None = None  # admin-1 name, e.g. "Bolívar"
    population: int = 0
    feature_code: str | None = None  # GeoNames feature code (PPLC, PPLA, ADM1, ...) where known
    geonames_id: int | None = None
    precision_km: float | None = None  # recorded precision; 0 = exact, None = as the source gives it
    source: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry that one name matched, with how well the name fits it."""

    place: Place
    matched_name: str
    name_score: float  # 1.0 = official name; lower for alternate names, abbreviations, ascii forms


@dataclass(frozen=True, slots=True)
class Mention:
    """A place mention: character offsets into ``Document.text``."""

    doc_id: str
    surface: str
    start: int
    end: int
    label: MentionLabel = "place"
    found_by: str = "ner"  # "ner", "gazetteer" or "ner+gazetteer"


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A mention and the entry it resolved to (``place`` None when nothing fits)."""

    mention: Mention
    place: Place | None
    confidence: float
    geo_precision: int | None = None  # ACLED 1 (exact town/site), 2 (near/admin2), 3 (admin1/region/country)


@dataclass(frozen=True, slots=True)
class Source:
    """One document that reports an incident, and the sentence it says it in."""

    doc_id: str
    title: str | None
    publisher: str | None
    url: str | None
    published: str | None  # ISO date
    quote: str


@dataclass(frozen=True, slots=True)
class Event:
    """One incident at one place."""

    event_id: str
    event_type: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    date: str | None  # ISO 8601 at the known precision: "2026-06-12", "2025-12", "2023"
    date_start: str | None  # YYYY-MM-DD
    date_end: str | None
    date_precision: DatePrecision
    place: Place
    geo_precision: int
    summary: str
    sources: tuple[Source, ...]
    actors: tuple[str, ...] = ()
    fatalities: int | None = None
    confidence: float = 0.5
