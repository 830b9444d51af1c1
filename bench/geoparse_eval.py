"""geomap against the nine published geoparsers on the EUPEG dev corpora (LGL, GeoVirus).

Runs geomap's extract + resolve stages on every document (the pipeline's process pool),
writes the predictions in the EUPEG line format (default /tmp/geomap-eval/CORPUS.txt),
scores them with geomap.evaluation and, as a cross-check, with the official
shared/bench/eupeg_score.py, and prints one side-by-side Markdown table.

usage: python bench/geoparse_eval.py [--fast] [--model NAME] [--workers N] [--corpus LGL --corpus GeoVirus]
                                     [--out DIR]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from geomap.evaluation import evaluate
from geomap.pipeline import Settings

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
COLUMNS = ("precision", "recall", "f1", "acc161", "mean_km", "median_km", "auc", "e2e161")
HEADERS = ("P", "R", "F1", "acc@161", "mean km", "median km", "AUC", "e2e161")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", help="Corpus folder name under shared/bench/dev (repeatable).")
    parser.add_argument("--fast", action="store_true", help="Gazetteer-only mode (no NER).")
    parser.add_argument("--model", help="spaCy model (default: geomap's).")
    parser.add_argument("--workers", type=int, help="Worker processes (default: one per core).")
    parser.add_argument("--out", type=Path, default=Path("/tmp/geomap-eval"), help="Where prediction files go.")
    args = parser.parse_args()
    corpora = args.corpus or ["LGL", "GeoVirus"]
    settings = Settings(model=args.model, fast=args.fast, workers=args.workers)
    args.out.mkdir(parents=True, exist_ok=True)
    tables = {}
    for corpus in corpora:
        root = BENCH / "dev" / corpus
        result = evaluate(root / "gold.txt", root / "docs", settings, root / "peers")
        predictions = args.out / f"{corpus}{'-fast' if args.fast else ''}.txt"
        predictions.write_text("".join(line + "\n" for line in result.prediction_lines), encoding="utf-8")
        official = subprocess.run([sys.executable, str(BENCH / "eupeg_score.py"), str(root / "gold.txt"), str(predictions)],
                                  capture_output=True, text=True, check=True).stdout.strip()
        print(f"{corpus}: {result.n_documents} documents in {result.seconds:.1f} s "
              f"({result.documents_per_second:.1f} docs/s); predictions {predictions}")
        print(f"  official eupeg_score.py: {official}")
        tables[corpus] = [("geomap" + (" --fast" if args.fast else ""), result.scores)] + sorted(
            result.peers.items(), key=lambda item: -item[1].e2e161)
    print()
    header = "| system | " + " | ".join(f"{corpus} {h}" for corpus in corpora for h in HEADERS) + " |"
    print(header)
    print("|" + "---|" * (1 + len(corpora) * len(HEADERS)))
    systems = [name for name, _scores in tables[corpora[0]]]
    for system in systems:
        cells = []
        for corpus in corpora:
            scores = dict(tables[corpus]).get(system)
            cells += [_cell(getattr(scores, c), c) if scores else "" for c in COLUMNS]
        print(f"| {system} | " + " | ".join(cells) + " |")
    return 0


def _cell(value, column: str) -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if column.endswith("_km") else f"{value:.3f}"


if __name__ == "__main__":
    sys.exit(main())
