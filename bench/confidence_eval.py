"""How well the resolver's confidence predicts a correct placement, on the EUPEG dev corpora.

Runs geomap's extract + resolve stages over each corpus (the pipeline's process pool),
pairs predictions with gold toponyms by the EUPEG rule (same surface ignoring case, span
midpoints less than 10 characters apart), calls a matched toponym correct when it lies within
161 km of the gold point, and prints the AUROC of confidence for correctness (the chance that
a random correct toponym has a higher confidence than a random wrong one, ties counting half)
and the accuracy per confidence bin.

usage: python bench/confidence_eval.py [--corpus LGL --corpus GeoVirus] [--workers N]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from geomap.evaluation import (
    ACCURACY_KM, Toponym, auroc, haversine_km, match, read_annotations, read_corpus_documents,
)
from geomap.pipeline import Settings, process_documents

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
BIN_EDGES = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", help="Corpus folder name under shared/bench/dev (repeatable).")
    parser.add_argument("--workers", type=int, help="Worker processes (default: one per core).")
    args = parser.parse_args()
    for corpus in args.corpus or ["LGL", "GeoVirus"]:
        confidence, correct = matched_confidences(BENCH / "dev" / corpus, Settings(workers=args.workers))
        print(f"{corpus}: {len(correct)} matched gold toponyms, accuracy@161 {correct.mean():.3f}, "
              f"AUROC {auroc(confidence, correct):.3f}")
        print("  | confidence | n | share | accuracy@161 |")
        print("  |---|---|---|---|")
        for low, high in zip(BIN_EDGES, BIN_EDGES[1:]):
            last = high == BIN_EDGES[-1]
            inside = (confidence >= low) & ((confidence <= high) if last else (confidence < high))
            accuracy = f"{correct[inside].mean():.3f}" if inside.any() else "-"
            print(f"  | [{low:.2f}, {high:.2f}{']' if last else ')'} | {inside.sum()} | "
                  f"{inside.mean():.3f} | {accuracy} |")
    return 0


def matched_confidences(root: Path, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Confidence and correctness (within 161 km) of every gold toponym a prediction matched."""
    documents = read_corpus_documents(root / "docs")
    gold = read_annotations(root / "gold.txt")
    confidence, correct = [], []
    for result, gold_toponyms in zip(process_documents(documents, settings, with_events=False), gold):
        predicted = {}
        for resolved in result.mentions:
            if resolved.place is None:
                continue
            mention, place = resolved.mention, resolved.place
            toponym = Toponym(place.name, mention.surface, place.lat, place.lon, mention.start, mention.end)
            predicted[id(toponym)] = (toponym, resolved.confidence)
        pairs, _missed, _unmatched = match(gold_toponyms, [toponym for toponym, _c in predicted.values()])
        for gold_toponym, toponym in pairs:
            confidence.append(predicted[id(toponym)][1])
            correct.append(haversine_km(toponym.lat, toponym.lon, gold_toponym.lat, gold_toponym.lon) < ACCURACY_KM)
    return np.array(confidence), np.array(correct, dtype=bool)


if __name__ == "__main__":
    sys.exit(main())
