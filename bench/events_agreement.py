"""Agreement between two independent annotations of the same articles: how far humans agree on
what geomap is scored against, which bounds what its sentence-level scores can mean.

    .venv/bin/python bench/events_agreement.py tests/data/events_gold_heldout7_a.jsonl tests/data/events_gold_heldout7_a2.jsonl

Both files follow ``bench/events_guideline.md``. Each annotated quote is mapped to the sentence of
geomap's sentence splitter that contains it, and the first file is treated as the reference:

- type: P / R / F1 of distinct (sentence, type) pairs (the unit `events_eval.py` scores);
- date: pairs that agree on the type and on date and precision;
- incidents: the share of the reference's incidents that the other annotation reports in at least
  one of the same sentences with the same type (recall), and the other way round (precision).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geomap.event_text import clean_text, read_sentences  # noqa: E402
from geomap.models import Document  # noqa: E402


def _sentence_of(starts: list[tuple[int, int]], text: str, quote: str) -> int:
    at = text.find(quote)
    return next((i for i, (start, end) in enumerate(starts) if start <= at < end), -1)


def _annotations(path: Path) -> dict[str, dict]:
    return {rec["doc_id"]: rec for rec in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def agreement(reference: dict[str, dict], other: dict[str, dict]) -> dict[str, tuple[float, float, float]]:
    """Type, date and incident agreement of ``other`` against ``reference`` (P, R, F1 each)."""
    pairs = {"reference": set(), "other": set()}
    dated = {"reference": set(), "other": set()}
    incidents = {"reference": {}, "other": {}}
    for doc_id, rec in reference.items():
        text = clean_text(rec["text"])
        sentences = read_sentences(Document(doc_id, rec["text"], title=rec.get("title")), text, [])
        starts = [(s.start, s.end) for s in sentences]
        for side, annotation in (("reference", rec), ("other", other[doc_id])):
            for event in annotation["events"]:
                key = (doc_id, _sentence_of(starts, text, event["quote"]), event["type"])
                pairs[side].add(key)
                dated[side].add((*key, event["date"], event["date_precision"]))
                incidents[side].setdefault((doc_id, event["incident"]), set()).add(key)
    both = pairs["reference"] & pairs["other"]
    p, r = len(both) / len(pairs["other"]), len(both) / len(pairs["reference"])
    same_date = dated["reference"] & dated["other"]
    dp, dr = len(same_date) / len(pairs["other"]), len(same_date) / len(pairs["reference"])
    ip = sum(bool(keys & pairs["reference"]) for keys in incidents["other"].values()) / len(incidents["other"])
    ir = sum(bool(keys & pairs["other"]) for keys in incidents["reference"].values()) / len(incidents["reference"])
    return {"type": (p, r, _f1(p, r)), "date": (dp, dr, _f1(dp, dr)), "incidents: type": (ip, ir, _f1(ip, ir)),
            "_counts": (len(pairs["reference"]), len(pairs["other"]), len(both))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pairs", nargs="+", type=Path, help="reference file, other file (repeat for more pairs)")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        parser.error("give files in pairs: reference, other")
    reference, other = {}, {}
    for ref_path, other_path in zip(args.pairs[::2], args.pairs[1::2]):
        reference |= _annotations(ref_path)
        other |= _annotations(other_path)
    scores = agreement(reference, other)
    n_ref, n_other, n_both = scores.pop("_counts")
    print(f"{len(reference)} documents: {n_ref} reference pairs, {n_other} other, {n_both} shared")
    print(f"{'':18}{'P':>7}{'R':>7}{'F1':>7}")
    for name, (p, r, f) in scores.items():
        print(f"{name:18}{p:>7.3f}{r:>7.3f}{f:>7.3f}")


if __name__ == "__main__":
    main()
