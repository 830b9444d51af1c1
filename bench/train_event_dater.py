"""Train the learned choice of incident dates (`geomap.event_dater`) and say what it is worth.

    pip install -e ".[bench]"
    .venv/bin/python bench/train_event_dater.py --cv     # grouped cross-validation only
    .venv/bin/python bench/train_event_dater.py          # cross-validate, then write geomap/data/event_dater.json

Every incident the rules and the shipped typer find in an annotated document of the development sets
(``bench/events_eval.py``; never the blind ones in ``BLIND_SETS``) whose sentence and type an annotator
also gave is one example: its `DateCandidate` list (`geomap.events.dater_input`), each candidate right
when it is an annotated date of that sentence and type (ISO date and precision, as ``events_eval.py``
scores dates). One linear model over the candidates of every example with a right one is fitted as a
conditional logit (the candidates of one incident compete); the dater takes the candidate it scores
highest.

Retrain it after the typer (``bench/train_event_typer.py``): its examples are the shipped typer's incidents.

``--cv`` holds out whole sets, ``--folds`` groups of them, and prints how often the rules' date and the
dater's choice are right, over the same incidents, with how often any candidate is (the ceiling). The
dater is trained on every incident but overrules only the rules' date sources in ``--redates``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from events_eval import GOLD_DIR, GOLD_SETS, load_gold, pipeline_mentions  # noqa: E402
from train_event_typer import TRAINING_SETS, lgl, set_folds, write_model  # noqa: E402
from geomap.event_dater import MODEL_PATH, EventDater  # noqa: E402
from geomap.events import dater_input, load_parser  # noqa: E402
from geomap.gazetteer import Gazetteer  # noqa: E402


def examples(set_name: str, gaz: Gazetteer, nlp) -> list[dict]:
    """Per incident whose sentence and type are annotated: its candidates and which of them are right."""
    gold = load_gold([GOLD_DIR / name for name in GOLD_SETS[set_name]])
    mentions = pipeline_mentions([doc for doc, _ in gold], gaz)
    out = []
    for doc, record in gold:
        for sentence, event_type, source, candidates in dater_input(doc, mentions[doc.doc_id], nlp=nlp, gazetteer=gaz):
            dates = {(g["date"], g["date_precision"]) for g in record["events"]
                     if g["type"] == event_type and g["quote"] in sentence.text}
            if dates:
                right = [(c.window.iso, c.window.precision) in dates for c in candidates]
                out.append({"set": set_name, "source": source, "candidates": candidates, "right": right})
    return out


def fit(train: list[dict], l2: float, min_count: int, redates: tuple[str, ...]) -> EventDater:
    """A conditional logit: the probability of a candidate is its score's softmax among its incident's
    candidates; the L2-penalised likelihood of the right ones is maximised with L-BFGS."""
    train = [e for e in train if any(e["right"])]
    vectorizer = CountVectorizer(analyzer=lambda f: f, binary=True, min_df=min_count)
    x = vectorizer.fit_transform([sorted(c.features) for e in train for c in e["candidates"]]).tocsr().astype(float)
    sizes = np.array([len(e["candidates"]) for e in train])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    example = np.repeat(np.arange(len(train)), sizes)
    right = np.array([r for e in train for r in e["right"]], float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        scores = x @ w
        exp = np.exp(scores - np.maximum.reduceat(scores, starts)[example])
        total, of_right = np.add.reduceat(exp, starts), np.add.reduceat(exp * right, starts)
        gradient = x.T @ (exp / total[example] - exp * right / of_right[example]) + l2 * w
        return float(np.log(total / of_right).sum() + l2 / 2 * w @ w), gradient

    w = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 2000}).x
    names = vectorizer.get_feature_names_out()
    weights = {str(name): round(float(v), 4) for name, v in zip(names, w) if round(float(v), 4)}
    return EventDater(weights, redates, tuple(sorted({e["set"] for e in train})))


def tally(test: list[dict], dater: EventDater) -> np.ndarray:
    """Incidents whose date is right by the rules, by the dater, by any candidate; and all of them."""
    total = np.zeros(4, int)
    for e in test:
        rule = next(n for n, c in enumerate(e["candidates"]) if "rule" in c.sources)
        chosen = e["candidates"].index(dater.choose(e["candidates"])) if e["source"] in dater.redates else rule
        total += (e["right"][rule], e["right"][chosen], any(e["right"]), 1)
    return total


def cross_validate(by_set: dict[str, list[dict]], folds: int, **settings) -> None:
    parts = {"all": np.zeros(4, int), "written": np.zeros(4, int), "LGL": np.zeros(4, int)}
    for fold in set_folds(by_set, folds):
        dater = fit([e for name in by_set if name not in fold for e in by_set[name]], **settings)
        for name in fold:
            counts = tally(by_set[name], dater)
            parts["all"] += counts
            parts["LGL" if lgl(name) else "written"] += counts
    for label, (rules, learned, ceiling, n) in parts.items():
        print(f"{label:8} {n} incidents: date right by the rules {rules / n:.4f}, by the dater {learned / n:.4f} "
              f"(any candidate {ceiling / n:.4f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cv", action="store_true", help="cross-validate only; write nothing")
    parser.add_argument("--folds", type=int, default=8)
    parser.add_argument("--l2", type=float, default=0.3, help="L2 penalty on the weights")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--redates", type=lambda text: tuple(text.split(",")), default=("none", "reference", "sibling"),
                        help="the rules' date sources the dater may overrule (geomap.events), comma-separated")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    settings = {"l2": args.l2, "min_count": args.min_count, "redates": args.redates}
    gaz, nlp = Gazetteer.open(), load_parser()
    by_set = {name: examples(name, gaz, nlp) for name in TRAINING_SETS}
    cross_validate(by_set, args.folds, **settings)
    if args.cv:
        return
    dater = fit([e for found in by_set.values() for e in found], **settings)
    write_model(args.out, dater.to_json())
    print(f"wrote {args.out}: {len(dater.weights)} features, {args.out.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
