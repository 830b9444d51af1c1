"""The one pipeline the CLI and the Python API share.

Per-document stages (extract -> resolve -> events) run in a pool of worker processes, one
spaCy model and gazetteer connection per worker, documents sent in batches so NER runs
batched once per text. One corpus-level step follows: merging the same incident reported
by several documents. Each stage is a plain function, so the per-document part can be
mapped over a Dask bag later without change.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import geopandas as gpd

from geomap.ingest import SkippedInput, read_documents
from geomap.models import Document, Event, ResolvedMention

BATCH_SIZE = 16


@dataclass(frozen=True, slots=True)
class Settings:
    """How to run the pipeline.

    Parameters
    ----------
    model : str, optional
        spaCy model name (default: `geomap.nlp.DEFAULT_MODEL`, or $GEOMAP_SPACY_MODEL).
    fast : bool (default False)
        Gazetteer matching only, no statistical NER.
    workers : int, optional
        Worker processes (default: the number of cores; 1 runs in this process).
    published : date, optional
        Publication date for every document, overriding what they state.
    gazetteer_path : Path, optional
        The SQLite gazetteer index (default: the shipped gazetteer's cached index).
    """

    model: str | None = None
    fast: bool = False
    workers: int | None = None
    published: date | None = None
    gazetteer_path: Path | None = None


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What the per-document stages found in one document."""

    document: Document
    mentions: tuple[ResolvedMention, ...]
    events: tuple[Event, ...]


@dataclass
class Result:
    """Everything `build` produced: per-document results, merged incidents, places."""

    documents: list[DocumentResult]
    skipped: list[SkippedInput]
    events: gpd.GeoDataFrame
    places: gpd.GeoDataFrame


class _DocumentProcessor:
    """The per-document stages with their loaded models; one per worker process."""

    def __init__(self, settings: Settings) -> None:
        from geomap.extract import MentionExtractor
        from geomap.gazetteer import Gazetteer
        from geomap.nlp import load_nlp
        from geomap.resolve import Resolver

        self.settings = settings
        self.gazetteer = Gazetteer.open(settings.gazetteer_path)
        nlp = None if settings.fast else load_nlp(settings.model)
        self.extractor = MentionExtractor(self.gazetteer, nlp)
        self.resolver = Resolver(self.gazetteer)

    def __call__(self, documents: list[Document], with_events: bool) -> list[DocumentResult]:
        from geomap.events import extract_events
        from geomap.nlp import load_parser

        parser = load_parser(self.settings.model) if with_events else None
        results = []
        for document, mentions in zip(documents, self.extractor.extract_batch(documents)):
            resolved = self.resolver.resolve(document, mentions)
            events = extract_events(document, resolved, nlp=parser, gazetteer=self.gazetteer) if with_events else []
            results.append(DocumentResult(document, tuple(resolved), tuple(events)))
        return results


_worker: _DocumentProcessor | None = None


def _start_worker(settings: Settings) -> None:
    global _worker
    _worker = _DocumentProcessor(settings)


def _run_batch(documents: list[Document], with_events: bool) -> list[DocumentResult]:
    assert _worker is not None, "worker not initialised"
    return _worker(documents, with_events)


def process_documents(
    documents: Sequence[Document],
    settings: Settings = Settings(),
    *,
    with_events: bool = True,
    on_progress: Callable[[int], None] | None = None,
) -> Iterator[DocumentResult]:
    """Run the per-document stages over ``documents``, in order, on every core.

    ``on_progress`` is called with the number of documents each finished batch held.
    """
    batches = [list(documents[i : i + BATCH_SIZE]) for i in range(0, len(documents), BATCH_SIZE)]
    workers = min(settings.workers or os.cpu_count() or 1, len(batches))
    if workers <= 1:
        processor = _DocumentProcessor(settings)
        for batch in batches:
            yield from processor(batch, with_events)
            if on_progress:
                on_progress(len(batch))
        return
    # Build the gazetteer index and the name matcher's cache once here, before the workers race to.
    from geomap.extract import NameMatcher
    from geomap.gazetteer import Gazetteer

    NameMatcher.for_gazetteer(Gazetteer.open(settings.gazetteer_path))
    with ProcessPoolExecutor(workers, mp_context=get_context("fork"), initializer=_start_worker,
                             initargs=(settings,)) as pool:
        for results in pool.map(_run_batch, batches, [with_events] * len(batches)):
            yield from results
            if on_progress:
                on_progress(len(results))


def build(
    paths: Iterable[Path] | None = None,
    settings: Settings = Settings(),
    *,
    on_progress: Callable[[int], None] | None = None,
    on_documents: Callable[[int], None] | None = None,
) -> Result:
    """Read, geoparse and extract incidents from every document under ``paths``.

    Parameters
    ----------
    paths : iterable of Path (default: ``seeds/``)
        Files and folders of news reports.
    settings : Settings
    on_documents : callable, optional
        Called once with the number of documents read (to size a progress bar).
    on_progress : callable, optional
        Called with the number of documents each finished batch held.

    Returns
    -------
    Result
        ``.events`` and ``.places`` are GeoDataFrames in EPSG:4326.

    Examples
    --------
    >>> result = geomap.build([Path("seeds")])
    >>> result.events[["event_type", "date", "place_name"]]
    """
    from geomap.events import merge_events
    from geomap.gazetteer import Gazetteer
    from geomap.geo import events_frame, places_frame

    documents, skipped = read_documents(list(paths or [Path("seeds")]), published=settings.published)
    if on_documents:
        on_documents(len(documents))
    results = list(process_documents(documents, settings, on_progress=on_progress))
    gazetteer = Gazetteer.open(settings.gazetteer_path)
    merged = merge_events((event for result in results for event in result.events), gazetteer=gazetteer)
    return Result(
        documents=results,
        skipped=skipped,
        events=events_frame(merged, gazetteer),
        places=places_frame(results, merged, gazetteer),
    )
