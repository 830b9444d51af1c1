"""Score geomap's incident extraction against the hand-annotated event sets.

    .venv/bin/python bench/events_eval.py                 # real geoparser (extract + resolve)
    .venv/bin/python bench/events_eval.py --oracle        # gold place mentions, resolved by the gazetteer
    .venv/bin/python bench/events_eval.py -v              # also list every miss and false alarm

Gold (development): ``tests/data/events_gold.jsonl`` (13 articles written for this benchmark,
69 incidents) and ``tests/data/events_gold_lgl.jsonl`` (16 incidents in 7 LGL local-news
articles, read from ../shared/bench/dev/LGL; only references and annotations are stored).
Held out (``--heldout``): ``tests/data/events_gold_heldout.jsonl``, 3 more written articles and 4
more LGL articles (31 incidents, one article with none), annotated after development and scored
without tuning (its errors were later read while improving place attachment, so it is no longer
blind). ``--heldout2``: ``tests/data/events_gold_heldout2.jsonl``, 6 more LGL articles (31
incidents, several naming places in two countries), annotated before they were first scored.
``--heldout3``: ``tests/data/events_gold_heldout3.jsonl``, 10 more LGL articles (58 incidents: crime,
protest, conflict and court news), annotated before the trigger lexicon was broadened and scored
once before that work (the blind measure of type generalisation). ``--heldout4``:
``tests/data/events_gold_heldout4.jsonl``, 10 more LGL articles (69 incidents: shootings, stabbings,
arrests and charges, police killed on duty, a court remand), annotated before the fourth round of
rule work and scored only in aggregate (its errors not read). Each gold incident names a quote (a piece of its sentence), its type, date (ISO
at its precision, null when the text does not say), place name and fatalities (null when not
stated). Headlines are annotated; an undated headline is dated to the publication week.

A predicted event matches a gold incident when its sentence contains the quote. Scores
(precision / recall / F1):

- type: distinct (sentence, type) pairs;
- date: a matched pair whose ``date`` and ``date_precision`` both equal the gold ones;
- place: distinct (sentence, type, place) triples; a predicted entry is right when its name or
  one of its gazetteer aliases is the annotated name ("lenient" also accepts the annotated
  containing area, e.g. the state of a village the gazetteer lacks).

Fatalities are reported as accuracy over matched pairs (null must be null).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geomap.events import extract_events, load_parser  # noqa: E402
from geomap.gazetteer import Gazetteer, normalize_name  # noqa: E402
from geomap.models import Document, Mention, ResolvedMention  # noqa: E402

GOLD_OWN = ROOT / "tests" / "data" / "events_gold.jsonl"
GOLD_LGL = ROOT / "tests" / "data" / "events_gold_lgl.jsonl"
GOLD_HELDOUT = ROOT / "tests" / "data" / "events_gold_heldout.jsonl"
GOLD_HELDOUT2 = ROOT / "tests" / "data" / "events_gold_heldout2.jsonl"
GOLD_HELDOUT3 = ROOT / "tests" / "data" / "events_gold_heldout3.jsonl"
GOLD_HELDOUT4 = ROOT / "tests" / "data" / "events_gold_heldout4.jsonl"
LGL_DIR = Path(__file__).resolve().parents[2] / "shared" / "bench" / "dev" / "LGL"


def load_gold(paths: list[Path]) -> list[tuple[Document, dict]]:
    """(document, gold record) for every annotated article in ``paths``."""
    out = []
    lgl_gold = None
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if "text" in rec:
                published = date.fromisoformat(rec["published"]) if rec["published"] else None
                out.append((Document(rec["doc_id"], rec["text"], title=rec["title"], publisher=rec["publisher"],
                                     published=published), rec))
                continue
            if not LGL_DIR.exists():
                continue
            if lgl_gold is None:
                lgl_gold = (LGL_DIR / "gold.txt").read_text(encoding="utf-8").splitlines()
            text = (LGL_DIR / "docs" / rec["doc"]).read_text(encoding="utf-8")
            rec["toponyms"] = [item.split(",,") for item in lgl_gold[int(rec["doc"])].split("||") if item]
            out.append((Document(f"LGL/{rec['doc']}", text), rec))
    return out


def oracle_mentions(doc: Document, rec: dict, gaz: Gazetteer) -> list[ResolvedMention]:
    """The annotated place mentions, each resolved with the gazetteer's top candidate."""
    found: list[ResolvedMention] = []
    if "places" in rec:
        for item in rec["places"]:
            candidates = gaz.search(item["query"], limit=1)
            place = candidates[0].place if candidates else None
            start = 0
            while (start := doc.text.find(item["surface"], start)) >= 0:
                end = start + len(item["surface"])
                label = "demonym" if item["demonym"] else "place"
                found.append(ResolvedMention(Mention(doc.doc_id, item["surface"], start, end, label), place, 1.0))
                start = end
    else:
        for name, surface, lat, lon, start, end, *_ in rec["toponyms"]:
            candidates = gaz.search(name, near=(float(lat), float(lon)), limit=1)
            place = candidates[0].place if candidates else None
            found.append(ResolvedMention(Mention(doc.doc_id, surface, int(start), int(end)), place, 1.0))
    found.sort(key=lambda rm: rm.mention.start)
    return found


def pipeline_mentions(docs: list[Document], gaz: Gazetteer) -> dict[str, list[ResolvedMention]]:
    from geomap.extract import MentionExtractor
    from geomap.nlp import load_nlp
    from geomap.resolve import Resolver

    extractor = MentionExtractor(gaz, load_nlp())
    resolver = Resolver(gaz)
    return {doc.doc_id: resolver.resolve(doc, mentions) for doc, mentions in zip(docs, extractor.extract_batch(docs))}


def _prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _names(place: str, alternatives: list[str]) -> tuple[set[str], set[str]]:
    exact = {place}
    return exact, exact | set(alternatives)


def _same_place(predicted, names: set[str], gaz: Gazetteer) -> bool:
    """The predicted entry is called ``name`` (its name, or one of its aliases: "Essequibo" = Guayana Esequiba)."""
    key = normalize_name(predicted.name)
    for name in names:
        norm = normalize_name(name)
        if key == norm or key.startswith(norm + " ") or norm.startswith(key + " "):
            return True
        if any(c.place.place_id == predicted.place_id for c in gaz.candidates(name)):
            return True
    return False


def score(results: list[tuple[Document, dict, list]], gaz: Gazetteer, verbose: bool) -> dict[str, tuple[float, float, float]]:
    type_gold = type_pred = type_ok = 0
    date_ok = place_gold = place_pred = place_ok = place_lenient = 0
    fatal_n = fatal_ok = 0
    for doc, rec, events in results:
        gold_pairs: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for g in rec["events"]:
            gold_pairs[(g["quote"], g["type"])].append(g)
        pred_pairs: dict[tuple[str, str], list] = defaultdict(list)
        for e in events:
            pred_pairs[(e.summary, e.event_type)].append(e)
        matched_pred: set[tuple[str, str]] = set()
        for (quote, etype), golds in gold_pairs.items():
            type_gold += 1
            key = next((k for k in pred_pairs if k[1] == etype and quote in k[0]), None)
            place_gold += len(golds)
            if key is None:
                others = sorted({k[1] for k in pred_pairs if quote in k[0]})
                if verbose:
                    print(f"  MISS  {doc.doc_id}: {etype} ({'predicted ' + ', '.join(others) if others else 'nothing'}) | {quote}")
                continue
            matched_pred.add(key)
            type_ok += 1
            preds = pred_pairs[key]
            g0 = golds[0]
            if any(e.date == g0["date"] and e.date_precision == g0["date_precision"] for e in preds):
                date_ok += 1
            elif verbose:
                print(f"  DATE  {doc.doc_id}: {etype} gold {g0['date']} ({g0['date_precision']}) got "
                      f"{sorted({(e.date, e.date_precision) for e in preds}, key=str)} | {quote}")
            for g in golds:
                exact, lenient = _names(g["place"], g["place_alt"])
                if any(_same_place(e.place, exact, gaz) for e in preds):
                    place_ok += 1
                    place_lenient += 1
                elif any(_same_place(e.place, lenient, gaz) for e in preds):
                    place_lenient += 1
                elif verbose:
                    print(f"  PLACE {doc.doc_id}: {etype} gold {g['place']} got {sorted({e.place.name for e in preds})} | {quote}")
            fatal_n += 1
            got = max((e.fatalities for e in preds if e.fatalities is not None), default=None)
            if got == g0["fatalities"]:
                fatal_ok += 1
            elif verbose:
                print(f"  DEAD  {doc.doc_id}: {etype} gold {g0['fatalities']} got {got} | {quote}")
        type_pred += len(pred_pairs)
        place_pred += sum(len({e.place.place_id for e in v}) for v in pred_pairs.values())
        if verbose:
            for key in pred_pairs:
                if key not in matched_pred:
                    print(f"  FALSE {doc.doc_id}: {key[1]} at {pred_pairs[key][0].place.name} | {key[0][:140]}")
    return {
        "type": _prf(type_ok, type_pred, type_gold),
        "date": _prf(date_ok, type_pred, type_gold),
        "place": _prf(place_ok, place_pred, place_gold),
        "place (lenient)": _prf(place_lenient, place_pred, place_gold),
        "fatalities accuracy": (fatal_ok / fatal_n if fatal_n else 0.0,) * 3,
        "_counts": (type_gold, type_pred, type_ok),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oracle", action="store_true", help="use the annotated place mentions instead of the geoparser")
    parser.add_argument("--only", choices=["own", "lgl"], help="score one of the two development sets")
    parser.add_argument("--heldout", action="store_true",
                        help="score the held-out set instead (annotated after development, never tuned on)")
    parser.add_argument("--heldout2", action="store_true",
                        help="score the second held-out set (annotated before it was first scored)")
    parser.add_argument("--heldout3", action="store_true",
                        help="score the third held-out set (annotated before the trigger lexicon was broadened)")
    parser.add_argument("--heldout4", action="store_true",
                        help="score the fourth held-out set (blind: report aggregate numbers only)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()

    if args.heldout4:
        gold = load_gold([GOLD_HELDOUT4])
    elif args.heldout3:
        gold = load_gold([GOLD_HELDOUT3])
    elif args.heldout2:
        gold = load_gold([GOLD_HELDOUT2])
    elif args.heldout:
        gold = load_gold([GOLD_HELDOUT])
    else:
        gold = load_gold([p for p, name in ((GOLD_OWN, "own"), (GOLD_LGL, "lgl")) if args.only in (None, name)])
    gaz = Gazetteer.open()
    nlp = load_parser()
    docs = [d for d, _ in gold]
    started = time.perf_counter()
    if args.oracle:
        mentions = {d.doc_id: oracle_mentions(d, r, gaz) for d, r in gold}
    else:
        mentions = pipeline_mentions(docs, gaz)
    geoparse = time.perf_counter() - started
    started = time.perf_counter()
    results = [(d, r, extract_events(d, mentions[d.doc_id], nlp=nlp, gazetteer=gaz, merge=False)) for d, r in gold]
    elapsed = time.perf_counter() - started
    scores = score(results, gaz, args.verbose)
    n_gold, n_pred, n_ok = scores.pop("_counts")
    mode = "oracle place mentions" if args.oracle else "geoparser place mentions"
    print(f"{len(docs)} documents, {n_gold} gold (sentence, type) pairs, {n_pred} predicted, {n_ok} matched ({mode})")
    print(f"{'':22}{'P':>7}{'R':>7}{'F1':>7}")
    for name, (p, r, f) in scores.items():
        if name.startswith("fatalities"):
            print(f"{name:22}{p:>21.3f}")
        else:
            print(f"{name:22}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    print(f"events: {elapsed:.2f} s ({elapsed / len(docs) * 1000:.0f} ms/document); geoparsing {geoparse:.2f} s")


if __name__ == "__main__":
    main()
