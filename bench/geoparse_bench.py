"""Geoparsing speed: documents per second over the LGL corpus, with NER and in fast mode, and peak memory.

Measures, for each mode:
- single process: one MentionExtractor + Resolver in this process, models already loaded
  (steady-state throughput of extract + resolve);
- pipeline: geomap.pipeline.process_documents with a process pool (default: one worker per
  core), end to end including starting the workers and loading the model in each;
and the name matcher's build time from ``Gazetteer.name_stats()`` (cold) and from its cache.
Peak resident memory comes from resource.getrusage (this process; the largest worker).

usage: python bench/geoparse_bench.py [--docs N] [--workers N] [--model NAME] [--repeat N]
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from geomap.evaluation import read_corpus_documents
from geomap.extract import MentionExtractor, NameMatcher
from geomap.gazetteer import Gazetteer
from geomap.nlp import load_nlp
from geomap.pipeline import Settings, process_documents
from geomap.resolve import Resolver

LGL_DOCS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "dev" / "LGL" / "docs"


def single_process(documents, gazetteer, nlp, repeat: int) -> float:
    """Best of ``repeat`` passes, each with a new extractor and resolver (empty look-up caches)."""
    best = float("inf")
    for _ in range(repeat):
        extractor, resolver = MentionExtractor(gazetteer, nlp), Resolver(gazetteer)
        extractor.matcher  # loaded from its cache file, as a worker does once
        started = time.perf_counter()
        _run(extractor, resolver, documents)
        best = min(best, time.perf_counter() - started)
    return len(documents) / best


def _run(extractor, resolver, documents) -> None:
    for start in range(0, len(documents), 32):
        batch = documents[start:start + 32]
        for document, mentions in zip(batch, extractor.extract_batch(batch)):
            resolver.resolve(document, mentions)


def pipeline(documents, fast: bool, model: str | None, workers: int | None) -> float:
    started = time.perf_counter()
    for _result in process_documents(documents, Settings(model=model, fast=fast, workers=workers), with_events=False):
        pass
    return len(documents) / (time.perf_counter() - started)


def matcher_build(gazetteer) -> tuple[float, float]:
    """Seconds to build the matcher from name_stats() (no cache) and to load it from its cache."""
    started = time.perf_counter()
    NameMatcher.from_stats(gazetteer.name_stats())
    cold = time.perf_counter() - started
    NameMatcher.for_gazetteer(gazetteer)
    started = time.perf_counter()
    NameMatcher.for_gazetteer(gazetteer)
    return cold, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, help="Use the first N LGL documents (default: all 588).")
    parser.add_argument("--workers", type=int, help="Pipeline worker processes (default: one per core).")
    parser.add_argument("--model", help="spaCy model (default: geomap's).")
    parser.add_argument("--repeat", type=int, default=2, help="Single-process repetitions (best is kept).")
    args = parser.parse_args()
    documents = read_corpus_documents(LGL_DOCS)[:args.docs]
    gazetteer = Gazetteer.open()
    cold, cached = matcher_build(gazetteer)
    print(f"name matcher: {cold:.1f} s from name_stats(), {cached * 1000:.0f} ms from its cache")
    print(f"{len(documents)} LGL documents, {sum(len(d.text) for d in documents) / len(documents):.0f} characters each")
    nlp = load_nlp(args.model)
    for mode, fast in (("NER", False), ("fast", True)):
        single = single_process(documents, gazetteer, None if fast else nlp, args.repeat)
        pooled = pipeline(documents, fast, args.model, args.workers)
        print(f"{mode:4}: single process {single:6.1f} docs/s | pipeline ({args.workers or 'all'} workers, "
              f"end to end incl. start-up) {pooled:6.1f} docs/s")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {own:.0f} MB, largest worker {children:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
