"""Geoparsing evaluation on EUPEG-format corpora (LGL, GeoVirus, ...).

A corpus is a folder of plain-text documents named ``0``, ``1``, ... and a gold file whose
line N+1 holds document N's toponyms as ``name,,surface,,lat,,lon,,start,,end`` items joined
by ``||``. Scoring follows the EUPEG platform's rules (Wang & Hu 2020): a prediction matches a
gold toponym when the surfaces are equal ignoring case and the span midpoints are less than 10
characters apart; distances are measured on matched pairs only; AUC is the trapezoid area
under log(1 + km) / log(20039). ``e2e161`` is the share of all gold toponyms that were both
found and placed within 161 km (100 miles).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from geomap.errors import CorpusMismatch
from geomap.models import Document, ResolvedMention

MATCH_WINDOW = 10
"""Largest midpoint distance (characters) of a matching prediction, exclusive."""
ACCURACY_KM = 161.0
MAX_ERROR_KM = 20039.0
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class Toponym:
    """One annotated (or predicted) toponym: the span and where it was placed."""

    name: str
    surface: str
    lat: float
    lon: float
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Scores:
    """EUPEG scores of one system on one corpus. Distance fields are None without matches."""

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    mean_km: float | None
    median_km: float | None
    acc161: float | None
    auc: float | None
    e2e161: float


def parse_line(line: str) -> list[Toponym]:
    """Parse one EUPEG line; items without coordinates (``null``) or malformed are skipped."""
    toponyms = []
    for item in line.rstrip("\n").split("||"):
        fields = item.split(",,")
        if len(fields) < 6 or not fields[2] or not fields[3]:
            continue
        if fields[2].lower() == "null" or fields[3].lower() == "null":
            continue
        try:
            toponyms.append(Toponym(fields[0], fields[1], float(fields[2]), float(fields[3]),
                                    int(fields[4]), int(fields[5])))
        except ValueError:
            continue
    return toponyms


def read_annotations(path: Path) -> list[list[Toponym]]:
    """Read a gold or prediction file: one list of toponyms per document, in line order."""
    with open(path, encoding="utf-8") as lines:
        return [parse_line(line) for line in lines]


def read_corpus_documents(docs_dir: Path) -> list[Document]:
    """Read an EUPEG ``docs`` folder (files ``0``, ``1``, ...) in document-number order."""
    paths = sorted((p for p in Path(docs_dir).iterdir() if p.name.isdigit()), key=lambda p: int(p.name))
    return [Document(doc_id=p.name, text=p.read_text(encoding="utf-8"), path=str(p)) for p in paths]


def format_line(mentions: Iterable[ResolvedMention]) -> str:
    """One EUPEG prediction line (without newline); unresolved mentions get ``null`` coordinates."""
    items = []
    for resolved in mentions:
        mention, place = resolved.mention, resolved.place
        surface = _clean_field(mention.surface)
        if place is None:
            items.append(f"{surface},,{surface},,null,,null,,{mention.start},,{mention.end}")
        else:
            items.append(f"{_clean_field(place.name)},,{surface},,{place.lat:.5f},,{place.lon:.5f},,"
                         f"{mention.start},,{mention.end}")
    return "".join(item + "||" for item in items)


def _clean_field(text: str) -> str:
    return " ".join(text.replace("||", " ").replace(",,", ", ").split())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on the 6371 km sphere EUPEG uses (so the scores match it exactly)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def auroc(score: np.ndarray, positive: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney, average ranks for ties)."""
    n_positive, n_negative = int(positive.sum()), int((~positive).sum())
    if not n_positive or not n_negative:
        return float("nan")
    order = np.argsort(score, kind="mergesort")
    ranks = np.empty(len(score))
    sorted_scores = score[order]
    starts = np.flatnonzero(np.r_[True, sorted_scores[1:] != sorted_scores[:-1]])
    ends = np.r_[starts[1:], len(score)]
    for start, end in zip(starts, ends):
        ranks[order[start:end]] = (start + end + 1) / 2  # 1-based average rank of the tie group
    return float((ranks[positive].sum() - n_positive * (n_positive + 1) / 2) / (n_positive * n_negative))


def match(gold: Sequence[Toponym], predicted: Sequence[Toponym]) -> tuple[list[tuple[Toponym, Toponym]], list[Toponym], list[Toponym]]:
    """Pair one document's gold and predicted toponyms by the EUPEG rule.

    Returns
    -------
    (matched pairs (gold, predicted), missed gold, unmatched predictions)
    """
    unmatched = list(predicted)
    pairs, missed = [], []
    for g in gold:
        g_mid = (g.start + g.end) / 2
        hit = next((p for p in unmatched if abs(g_mid - (p.start + p.end) / 2) < MATCH_WINDOW
                    and p.surface.lower() == g.surface.lower()), None)
        if hit is None:
            missed.append(g)
        else:
            unmatched.remove(hit)
            pairs.append((g, hit))
    return pairs, missed, unmatched


def score(gold: Sequence[Sequence[Toponym]], predicted: Sequence[Sequence[Toponym]]) -> Scores:
    """Score predictions against gold, document by document, with the EUPEG rules.

    Raises
    ------
    CorpusMismatch
        The two do not have the same number of documents.
    """
    if len(gold) != len(predicted):
        raise CorpusMismatch(f"gold has {len(gold)} documents, the prediction {len(predicted)}")
    tp = fp = fn = 0
    errors: list[float] = []
    for gold_doc, predicted_doc in zip(gold, predicted):
        pairs, missed, unmatched = match(gold_doc, predicted_doc)
        tp += len(pairs)
        fn += len(missed)
        fp += len(unmatched)
        errors.extend(haversine_km(p.lat, p.lon, g.lat, g.lon) for g, p in pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    within = sum(1 for e in errors if e < ACCURACY_KM)
    mean_km = median_km = acc161 = auc = None
    if errors:
        ordered = sorted(errors)
        n = len(ordered)
        mean_km = sum(ordered) / n
        median_km = (ordered[n // 2 - 1] + ordered[n // 2]) / 2 if n % 2 == 0 else ordered[n // 2]
        acc161 = within / n
        scaled = [math.log(1 + e) / math.log(MAX_ERROR_KM) for e in ordered]
        auc = scaled[0] if n == 1 else (0.5 * (scaled[0] + scaled[-1]) + sum(scaled[1:-1])) / (n - 1)
    e2e161 = within / (tp + fn) if tp + fn else 0.0
    return Scores(tp, fp, fn, precision, recall, f1, mean_km, median_km, acc161, auc, e2e161)


def peer_scores(peers_dir: Path, gold: Sequence[Sequence[Toponym]]) -> dict[str, Scores]:
    """Score every ``SYSTEM.txt`` prediction file in ``peers_dir``, by system name."""
    return {path.stem: score(gold, read_annotations(path)) for path in sorted(Path(peers_dir).glob("*.txt"))}


def geoparse_corpus(documents: Sequence[Document], settings=None) -> list[list[ResolvedMention]]:
    """Run geomap's extract and resolve stages over ``documents`` (on every core), in order.

    ``settings`` is a `geomap.pipeline.Settings` (model, fast mode, workers, gazetteer path).
    Every mention is kept, demonyms included: the EUPEG corpora annotate them.
    """
    from geomap.pipeline import Settings, process_documents

    results = process_documents(documents, settings or Settings(), with_events=False)
    return [list(result.mentions) for result in results]


@dataclass(frozen=True)
class Evaluation:
    """geomap's scores on one corpus, the peers' scores, its prediction lines and its speed."""

    scores: Scores
    peers: dict[str, Scores]
    prediction_lines: list[str]
    n_documents: int
    seconds: float

    @property
    def documents_per_second(self) -> float:
        return self.n_documents / self.seconds if self.seconds else 0.0


def evaluate(gold_path: Path, docs_dir: Path, settings=None, peers_dir: Path | None = None) -> Evaluation:
    """Geoparse an EUPEG corpus with geomap and score it (and the peers' outputs) against its gold.

    Parameters
    ----------
    gold_path : Path
        The corpus' ``gold.txt``.
    docs_dir : Path
        Its ``docs`` folder (documents ``0``, ``1``, ...).
    settings : geomap.pipeline.Settings, optional
        Model, ``fast`` mode, workers, gazetteer path.
    peers_dir : Path, optional
        A folder of other systems' ``SYSTEM.txt`` predictions to score alongside.

    Raises
    ------
    CorpusMismatch
        The gold file and the documents folder do not hold the same number of documents.
    """
    import time

    gold = read_annotations(Path(gold_path))
    documents = read_corpus_documents(Path(docs_dir))
    if len(documents) != len(gold):
        raise CorpusMismatch(f"{gold_path} has {len(gold)} documents, {docs_dir} has {len(documents)}")
    started = time.perf_counter()
    results = geoparse_corpus(documents, settings)
    seconds = time.perf_counter() - started
    lines = [format_line(mentions) for mentions in results]
    scores = score(gold, [parse_line(line) for line in lines])
    peers = peer_scores(Path(peers_dir), gold) if peers_dir else {}
    return Evaluation(scores, peers, lines, len(documents), seconds)
