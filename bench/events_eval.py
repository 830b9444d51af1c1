"""Score geomap's incident extraction against the hand-annotated event sets.

    .venv/bin/python bench/events_eval.py                    # development set, real geoparser
    .venv/bin/python bench/events_eval.py --set heldout23-written   # a blind set (aggregate numbers only)
    .venv/bin/python bench/events_eval.py --set train27-a,train27-b  # several sets, pooled
    .venv/bin/python bench/events_eval.py --oracle           # gold place mentions, resolved by the gazetteer
    .venv/bin/python bench/events_eval.py -v                 # also list every miss and false alarm
    .venv/bin/python bench/events_eval.py --by-type          # recall and type confusion per type (no sentences)
    .venv/bin/python bench/events_eval.py --rules-only       # the rules alone (no geomap.event_typer, geomap.event_dater)
    .venv/bin/python bench/events_eval.py --rule-dates       # the typer, but the rules' dates

Sets (``--set``; files in ``tests/data/``; LGL and GeoVirus articles are read from
../shared/bench/dev/, only references and annotations are stored):

- ``dev``: ``events_gold.jsonl`` (13 articles written for this benchmark, 69 incidents) and
  ``events_gold_lgl.jsonl`` (16 incidents in 7 LGL local-news articles); the rules were written
  against it.
- ``heldout``: ``events_gold_heldout.jsonl``, 3 written and 4 LGL articles (31 incidents),
  annotated after development; its errors were later read, so it is no longer blind.
- ``heldout2`` (6 LGL, 31), ``heldout3`` (10 LGL, 58), ``heldout4`` (10 LGL, 69): each annotated
  before a round of rule work and scored blind once; heldout2 and heldout3 were then inspected,
  heldout4 only ever scored in aggregate.
- ``heldout5``: ``events_gold_heldout5_lgl.jsonl`` and ``events_gold_heldout5_lgl2.jsonl`` (65 LGL
  articles taken in two fixed random orders, none skipped, most with no incident; 106 pairs) and
  ``events_gold_heldout5_written.jsonl`` (12 international conflict articles written and annotated
  for it, with publication dates, plus 6 random GeoVirus disease-news articles; 197 pairs),
  annotated by ``bench/events_guideline.md`` and scored once before anyone read its errors.
  Afterwards ``heldout5-written`` became development data; ``heldout5-lgl`` stays blind (aggregate
  numbers only).
- ``heldout6``: ``events_gold_heldout6_a.jsonl`` and ``events_gold_heldout6_b.jsonl`` (14 more
  written articles by two other annotators, 264 pairs, 138 incidents; Sahel, Horn of Africa,
  Andes, Central America, Middle East, Caucasus, Balkans, South and South-East Asia, a US city),
  scored blind (aggregate only) from 0.586 to 0.569 over six rounds of rules, then opened as
  development data when heldout7 arrived.
- ``heldout7``: ``events_gold_heldout7_a.jsonl`` and ``events_gold_heldout7_b.jsonl`` (18 more
  written articles by two new annotators, 257 pairs, 126 incidents; Mozambique, Nigeria,
  Ukraine/Russia, Yemen/Red Sea, Ecuador, Colombia, Kenya, Mexico, Brazil, New Caledonia, Pakistan,
  the EU and Baltic, US deportations, Armenia/Azerbaijan, Ghana, a US and a UK city), the final
  blind set: report aggregate numbers only. ``events_gold_heldout7_a2.jsonl`` and ``_b2`` are a
  second, independent annotation of the same articles (``bench/events_agreement.py``).
- ``heldout8`` (18 written articles, 235 pairs), then ``heldout9`` … ``heldout14``, each a
  ``-written`` part (9 articles written for it) and a ``-lgl`` part (36–40 random LGL articles in a
  fixed order, none skipped): every one was annotated blind by a new annotator, scored once in
  aggregate before anyone read its errors (the "first score"), and then became development data
  for the next round, so each first score measures how the previous rounds transfer.
- ``heldout15``: ``-written`` (``events_gold_heldout15_a.jsonl`` and ``_b``: 18 articles by two
  new annotators, 243 pairs, 121 incidents) and ``-lgl`` (40 random LGL articles, 79 pairs), and
  ``heldout16`` (same design: 261 and 64 pairs): blind sets, scored in aggregate before and after
  one round of rules developed on the other sets (a search over all gold files once showed eight of
  their quotes with their types; the one rule change they bore on was withdrawn); development data since.
- ``heldout17`` (same design: 18 written articles by two new annotators, 245 pairs; 40 LGL articles,
  61 pairs): annotated at the end of a stop; its first score was taken before the next round of rules
  and its second after most of it; development data since (its errors were read for the round's last rules).
- ``heldout18`` (same design: 18 written articles by two new annotators, 226 pairs; 40 LGL articles,
  41 pairs): annotated while that round was developed and scored three times in aggregate only (after
  most of the round, midway through the rules drawn from heldout17's errors, and at its end); its errors
  were read in the next round, so it is development data since.
- ``heldout19`` (same design: 18 written articles by two new annotators, 256 pairs; 40 LGL articles,
  55 pairs): annotated at the end of that stop; its first score was taken before the next round of rules.
- ``heldout20`` (same design: 18 written articles by two new annotators, 248 pairs; 40 LGL articles,
  110 pairs, the last unused LGL articles but ten) and ``heldout21-written`` (18 written articles by two
  new annotators, 222 pairs; no LGL part): annotated blind, scored in aggregate only across two rounds
  (before and after the learned typer), never read; training data for the typer since.
- ``heldout22-written`` (18 written articles by two new annotators, 260 pairs, 105 incidents; no LGL part):
  annotated blind, scored in aggregate only, never read, never trained on (``BLIND_SETS``; ``-v`` refuses it).
- ``heldout23-written`` (18 written articles by two new annotators, 249 pairs, 112 incidents; no LGL part):
  annotated blind at the end of the stop that added ``train23``–``train28``; first scored at the start of the
  next, in aggregate only, never read, never trained on (``BLIND_SETS``).
- ``heldout24-written`` (18 written articles by two new annotators, 247 pairs; no LGL part): annotated blind at the end
  of the stop that added ``train29``–``train36`` and the learned dater; never scored there, so its first
  score is the next round's (``BLIND_SETS``).
- ``train23-a`` … ``train23-f`` (72 written articles, 12 by each of six new annotators, 1,050 pairs, on regions,
  topics and styles given to each: US and UK local news, police blotters and court round-ups among them):
  written for training the typer, annotated under the same blind protocol, development data.
- ``train24`` … ``train28`` (``-a`` … ``-f`` each: 72 more written articles each, by six more annotators each,
  987, 986, 1,005, 885 and 875 pairs, same design). Each batch was scored once, in aggregate, before the typer was
  retrained on it.
- ``train29`` … ``train36`` (``-a`` … ``-h``, eight annotators a batch; ``train32`` and ``train33`` ``-a`` …
  ``-g``): same design, but each annotator chose their own 12 topics inside a region and style brief and
  covered every type between them. Each batch was scored once, in aggregate, before the typer and the dater
  were retrained on it; the shipped models have not been retrained on ``train35`` and ``train36`` yet.

The learned typer (``bench/train_event_typer.py``) and dater (``bench/train_event_dater.py``) are trained on
every set but the blind ones, so their scores on them are in-sample; what they add on unseen sets is their
scripts' grouped cross-validation.

Each gold entry names a quote (a piece of its sentence), its type, date (ISO at its precision,
null when the text does not say), place name and fatalities (null when not stated); entries of
heldout5 and later also name the real-world ``incident`` they report. Headlines are annotated; an undated
headline is dated to the publication week.

A predicted event matches a gold entry when its sentence contains the quote. Scores
(precision / recall / F1):

- type: distinct (sentence, type) pairs;
- date: a matched pair whose ``date`` and ``date_precision`` both equal the gold ones;
- place: distinct (sentence, type, place) triples; a predicted entry is right when its name or
  one of its gazetteer aliases is the annotated name ("lenient" also accepts the annotated
  containing area, e.g. the state of a village the gazetteer lacks);
- incidents (sets with ``incident`` ids): recall counts a gold incident as found when at least
  one of its sentences is matched with its type (dated right, placed right); precision is the
  type precision above, since every predicted pair either reports a gold incident or is a false
  alarm. This is what an analyst sees on the map after the per-document merge.

Fatalities are reported as accuracy over matched pairs (null must be null). "confidence AUROC" is how
often a right (sentence, type) pair has a higher ``confidence`` than a false alarm.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geomap.evaluation import auroc  # noqa: E402
from geomap.event_types import EVENT_TYPES  # noqa: E402
from geomap.events import extract_events, load_parser  # noqa: E402
from geomap.gazetteer import Gazetteer, normalize_name  # noqa: E402
from geomap.models import Document, Mention, ResolvedMention  # noqa: E402

GOLD_DIR = ROOT / "tests" / "data"
GOLD_SETS = {
    "dev": ["events_gold.jsonl", "events_gold_lgl.jsonl"],
    "heldout": ["events_gold_heldout.jsonl"],
    "heldout2": ["events_gold_heldout2.jsonl"],
    "heldout3": ["events_gold_heldout3.jsonl"],
    "heldout4": ["events_gold_heldout4.jsonl"],
    "heldout5": ["events_gold_heldout5_lgl.jsonl", "events_gold_heldout5_lgl2.jsonl",
                 "events_gold_heldout5_written.jsonl"],
    "heldout5-lgl": ["events_gold_heldout5_lgl.jsonl", "events_gold_heldout5_lgl2.jsonl"],
    "heldout5-written": ["events_gold_heldout5_written.jsonl"],
    "heldout6": ["events_gold_heldout6_a.jsonl", "events_gold_heldout6_b.jsonl"],
    "heldout7": ["events_gold_heldout7_a.jsonl", "events_gold_heldout7_b.jsonl"],
    "heldout8": ["events_gold_heldout8_a.jsonl", "events_gold_heldout8_b.jsonl"],
    "heldout9-lgl": ["events_gold_heldout9_lgl.jsonl"],
    "heldout9-written": ["events_gold_heldout9_written.jsonl"],
    "heldout10-lgl": ["events_gold_heldout10_lgl.jsonl"],
    "heldout10-written": ["events_gold_heldout10_written.jsonl"],
    "heldout11-lgl": ["events_gold_heldout11_lgl.jsonl"],
    "heldout11-written": ["events_gold_heldout11_written.jsonl"],
    "heldout12-lgl": ["events_gold_heldout12_lgl.jsonl"],
    "heldout12-written": ["events_gold_heldout12_written.jsonl"],
    "heldout13-lgl": ["events_gold_heldout13_lgl.jsonl"],
    "heldout13-written": ["events_gold_heldout13_written.jsonl"],
    "heldout14-lgl": ["events_gold_heldout14_lgl.jsonl"],
    "heldout14-written": ["events_gold_heldout14_written.jsonl"],
    "heldout15-lgl": ["events_gold_heldout15_lgl.jsonl"],
    "heldout15-written": ["events_gold_heldout15_a.jsonl", "events_gold_heldout15_b.jsonl"],
    "heldout16-lgl": ["events_gold_heldout16_lgl.jsonl"],
    "heldout16-written": ["events_gold_heldout16_a.jsonl", "events_gold_heldout16_b.jsonl"],
    "heldout17-lgl": ["events_gold_heldout17_lgl.jsonl"],
    "heldout17-written": ["events_gold_heldout17_a.jsonl", "events_gold_heldout17_b.jsonl"],
    "heldout18-lgl": ["events_gold_heldout18_lgl.jsonl"],
    "heldout18-written": ["events_gold_heldout18_a.jsonl", "events_gold_heldout18_b.jsonl"],
    "heldout19-lgl": ["events_gold_heldout19_lgl.jsonl"],
    "heldout19-written": ["events_gold_heldout19_a.jsonl", "events_gold_heldout19_b.jsonl"],
    "heldout20-lgl": ["events_gold_heldout20_lgl.jsonl"],
    "heldout20-written": ["events_gold_heldout20_a.jsonl", "events_gold_heldout20_b.jsonl"],
    "heldout21-written": ["events_gold_heldout21_a.jsonl", "events_gold_heldout21_b.jsonl"],
    "heldout22-written": ["events_gold_heldout22_a.jsonl", "events_gold_heldout22_b.jsonl"],
    "heldout23-written": ["events_gold_heldout23_a.jsonl", "events_gold_heldout23_b.jsonl"],
    "heldout24-written": ["events_gold_heldout24_a.jsonl", "events_gold_heldout24_b.jsonl"],
    # one training set per annotator, as the files come: events_gold_train29_c.jsonl is train29-c
    **{f"train{match[1]}-{match[2]}": [path.name] for path in sorted(GOLD_DIR.glob("events_gold_train*.jsonl"))
       if (match := re.fullmatch(r"events_gold_train(\d+)_([a-z])\.jsonl", path.name))},
}
# Never used to develop rules or train the typer (`train_event_typer.py`): scored in aggregate only.
BLIND_SETS = ("heldout22-written", "heldout23-written", "heldout24-written")
CORPORA_DIR = Path(__file__).resolve().parents[2] / "shared" / "bench" / "dev"


def load_gold(paths: list[Path]) -> list[tuple[Document, dict]]:
    """(document, gold record) for every annotated article in ``paths``."""
    out = []
    corpus_gold: dict[str, list[str]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if "text" in rec:
                published = date.fromisoformat(rec["published"]) if rec["published"] else None
                out.append((Document(rec["doc_id"], rec["text"], title=rec["title"], publisher=rec["publisher"],
                                     published=published), rec))
                continue
            corpus_dir = CORPORA_DIR / rec["corpus"]
            if not corpus_dir.exists():
                continue
            if rec["corpus"] not in corpus_gold:
                corpus_gold[rec["corpus"]] = (corpus_dir / "gold.txt").read_text(encoding="utf-8").splitlines()
            text = (corpus_dir / "docs" / rec["doc"]).read_text(encoding="utf-8")
            gold_line = corpus_gold[rec["corpus"]][int(rec["doc"])]
            rec["toponyms"] = [item.split(",,") for item in gold_line.split("||") if item]
            out.append((Document(f"{rec['corpus']}/{rec['doc']}", text), rec))
    for doc, rec in out:
        for event in rec["events"]:
            problem = _malformed(event, doc.text)
            if problem:
                raise ValueError(f"{doc.doc_id}: {problem} in the pair {event['quote'][:60]!r}")
    return out


def _malformed(event: dict, text: str) -> str | None:
    """What is wrong with one annotated pair, if anything (a typo in the gold would silently skew the scores)."""
    if event["quote"] not in text:
        return "a quote not in the text"
    if event["type"] not in EVENT_TYPES:
        return f"an unknown type {event['type']!r}"
    if (event["date"] is None) != (event["date_precision"] == "unknown"):
        return "a date that does not fit its precision"
    if not (event["place"] is None or isinstance(event["place"], str)):
        return "a place that is not a name"
    if not (isinstance(event["place_alt"], list) and all(isinstance(name, str) for name in event["place_alt"])):
        return "place_alt that is not a list of names"
    return None


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
    pair_confidence: list[float] = []  # per predicted pair, and whether it is right
    pair_right: list[bool] = []
    date_ok = place_gold = place_pred = place_ok = place_lenient = 0
    fatal_n = fatal_ok = 0
    incidents: dict[tuple[str, str], set[str]] = {}  # (document, incident id) -> {"type", "date", "place"} found right
    for doc, rec, events in results:
        gold_pairs: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for g in rec["events"]:
            gold_pairs[(g["quote"], g["type"])].append(g)
            if "incident" in g:
                incidents.setdefault((doc.doc_id, g["incident"]), set())
        pred_pairs: dict[tuple[str, str], list] = defaultdict(list)
        for e in events:
            pred_pairs[(e.summary, e.event_type)].append(e)
        matched_pred: set[tuple[str, str]] = set()
        for (quote, etype), golds in gold_pairs.items():
            type_gold += 1
            found = [incidents[(doc.doc_id, g["incident"])] for g in golds if "incident" in g]
            key = next((k for k in pred_pairs if k[1] == etype and quote in k[0]), None)
            place_gold += len(golds)
            if key is None:
                others = sorted({k[1] for k in pred_pairs if quote in k[0]})
                if verbose:
                    print(f"  MISS  {doc.doc_id}: {etype} ({'predicted ' + ', '.join(others) if others else 'nothing'}) | {quote}")
                continue
            matched_pred.add(key)
            type_ok += 1
            for right in found:
                right.add("type")
            preds = pred_pairs[key]
            g0 = golds[0]
            if any(e.date == g0["date"] and e.date_precision == g0["date_precision"] for e in preds):
                date_ok += 1
                for right in found:
                    right.add("date")
            elif verbose:
                print(f"  DATE  {doc.doc_id}: {etype} gold {g0['date']} ({g0['date_precision']}) got "
                      f"{sorted({(e.date, e.date_precision) for e in preds}, key=str)} | {quote}")
            for g in golds:
                exact, lenient = _names(g["place"], g["place_alt"])
                if any(_same_place(e.place, exact, gaz) for e in preds):
                    place_ok += 1
                    place_lenient += 1
                    for right in found:
                        right.add("place")
                elif any(_same_place(e.place, lenient, gaz) for e in preds):
                    place_lenient += 1
                    if verbose:
                        print(f"  AREA  {doc.doc_id}: {etype} gold {g['place']} got {sorted({e.place.name for e in preds})} | {quote}")
                elif verbose:
                    print(f"  PLACE {doc.doc_id}: {etype} gold {g['place']} got {sorted({e.place.name for e in preds})} | {quote}")
            fatal_n += 1
            got = max((e.fatalities for e in preds if e.fatalities is not None), default=None)
            if got == g0["fatalities"]:
                fatal_ok += 1
            elif verbose:
                print(f"  DEAD  {doc.doc_id}: {etype} gold {g0['fatalities']} got {got} | {quote}")
        type_pred += len(pred_pairs)
        pair_confidence += [max(e.confidence for e in evs) for evs in pred_pairs.values()]
        pair_right += [key in matched_pred for key in pred_pairs]
        place_pred += sum(len({e.place.place_id for e in v}) for v in pred_pairs.values())
        if verbose:
            for key in pred_pairs:
                if key not in matched_pred:
                    print(f"  FALSE {doc.doc_id}: {key[1]} at {pred_pairs[key][0].place.name} | {key[0][:140]}")
    scores = {
        "type": _prf(type_ok, type_pred, type_gold),
        "date": _prf(date_ok, type_pred, type_gold),
        "place": _prf(place_ok, place_pred, place_gold),
        "place (lenient)": _prf(place_lenient, place_pred, place_gold),
    }
    if incidents:
        precision = type_ok / type_pred if type_pred else 0.0
        for aspect in ("type", "date", "place"):
            recall = sum(aspect in right for right in incidents.values()) / len(incidents)
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            scores[f"incidents: {aspect}"] = (precision, recall, f1)
    scores["fatalities accuracy"] = (fatal_ok / fatal_n if fatal_n else 0.0,) * 3
    scores["confidence AUROC"] = (auroc(np.array(pair_confidence), np.array(pair_right, dtype=bool)),) * 3
    scores["_counts"] = (type_gold, type_pred, type_ok, len(incidents))
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oracle", action="store_true", help="use the annotated place mentions instead of the geoparser")
    parser.add_argument("--set", dest="gold_sets", type=lambda text: text.split(","), default=["dev"],
                        help="which annotated set to score (see above), or several pooled: --set train27-a,train27-b")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    parser.add_argument("--rules-only", action="store_true", help="the rules alone: no learned typer, no learned dater")
    parser.add_argument("--rule-dates", action="store_true", help="the learned typer, but the rules' dates (no dater)")
    parser.add_argument("--by-type", action="store_true",
                        help="also print recall per type and how many gold pairs got another type (aggregate only)")
    args = parser.parse_args()
    unknown = [name for name in args.gold_sets if name not in GOLD_SETS]
    if unknown:
        parser.error(f"no annotated set {', '.join(unknown)} (choose from {', '.join(GOLD_SETS)})")
    blind = sorted(set(args.gold_sets) & set(BLIND_SETS))
    if args.verbose and blind:
        parser.error(f"{', '.join(blind)} is blind: aggregate numbers only (no -v)")

    gold = load_gold([GOLD_DIR / name for gold_set in args.gold_sets for name in GOLD_SETS[gold_set]])
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
    results = [(d, r, extract_events(d, mentions[d.doc_id], nlp=nlp, gazetteer=gaz, merge=False,
                                     learned_types=not args.rules_only,
                                     learned_dates=not (args.rules_only or args.rule_dates))) for d, r in gold]
    elapsed = time.perf_counter() - started
    scores = score(results, gaz, args.verbose)
    n_gold, n_pred, n_ok, n_incidents = scores.pop("_counts")
    mode = "oracle place mentions" if args.oracle else "geoparser place mentions"
    print(f"{','.join(args.gold_sets)}: {len(docs)} documents, {n_gold} gold (sentence, type) pairs"
          f"{f' ({n_incidents} incidents)' if n_incidents else ''}, {n_pred} predicted, {n_ok} matched ({mode})")
    print(f"{'':22}{'P':>7}{'R':>7}{'F1':>7}")
    for name, (p, r, f) in scores.items():
        if name.startswith(("fatalities", "confidence")):
            print(f"{name:22}{p:>21.3f}")
        else:
            print(f"{name:22}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    print(f"events: {elapsed:.2f} s ({elapsed / len(docs) * 1000:.0f} ms/document); geoparsing {geoparse:.2f} s")
    if args.by_type:
        print_by_type(results)


def print_by_type(results: list[tuple[Document, dict, list]]) -> None:
    """Gold and predicted (sentence, type) pairs per type, the recall, and the gold pairs whose sentence got
    only another type (type confusion); no sentence is printed, so a blind set stays blind."""
    gold, predicted, right, other = Counter(), Counter(), Counter(), Counter()
    for _, rec, events in results:
        pairs = {(e.summary, e.event_type) for e in events}
        predicted.update(etype for _, etype in pairs)
        for quote, etype in {(g["quote"], g["type"]) for g in rec["events"]}:
            gold[etype] += 1
            if any(t == etype and quote in summary for summary, t in pairs):
                right[etype] += 1
            elif any(quote in summary for summary, _ in pairs):
                other[etype] += 1
    print(f"{'type':22}{'gold':>6}{'pred':>6}{'right':>7}{'R':>7}{'other type':>12}")
    for etype in sorted(gold | predicted):
        recall = right[etype] / gold[etype] if gold[etype] else 0.0
        print(f"{etype:22}{gold[etype]:6}{predicted[etype]:6}{right[etype]:7}{recall:7.2f}{other[etype]:12}")


if __name__ == "__main__":
    main()
