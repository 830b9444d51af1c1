"""EUPEG reading and scoring (same numbers as the official scorer) and `geomap eval`."""
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geomap.cli import app
from geomap.errors import CorpusMismatch
from geomap.evaluation import (
    Toponym, evaluate, format_line, parse_line, peer_scores, read_annotations, read_corpus_documents, score,
)
from geomap.models import Mention, Place, ResolvedMention
from geomap.pipeline import Settings

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
GEOVIRUS = BENCH / "dev" / "GeoVirus"


def test_parse_line_skips_items_without_coordinates():
    items = [",,".join(["Paris", "Paris", "48.85", "2.35", "10", "15", "2138551"]),
             ",,".join(["X", "Xland", "null", "null", "20", "25"]), "broken"]
    line = "||".join(items) + "||\n"
    assert parse_line(line) == [Toponym("Paris", "Paris", 48.85, 2.35, 10, 15)]


def test_format_line_round_trips_and_writes_null_for_unresolved():
    place = Place("gn:1", "Caracas", "locality", 10.5, -66.9, "VE")
    resolved = [ResolvedMention(Mention("d", "Caracas", 3, 10), place, 0.9, 1),
                ResolvedMention(Mention("d", "Zlor, bania", 20, 31), None, 0.0)]
    line = format_line(resolved)
    assert line.split("||") == [",,".join(["Caracas", "Caracas", "10.50000", "-66.90000", "3", "10"]),
                                ",,".join(["Zlor, bania", "Zlor, bania", "null", "null", "20", "31"]), ""]
    assert parse_line(line) == [Toponym("Caracas", "Caracas", 10.5, -66.9, 3, 10)]


def test_matching_rules():
    gold = [[Toponym("A", "Paris", 48.85, 2.35, 100, 105), Toponym("B", "Lyon", 45.76, 4.84, 200, 204),
             Toponym("C", "Nice", 43.7, 7.27, 300, 304)]]
    predicted = [[Toponym("a", "PARIS", 48.85, 2.35, 104, 109),  # case-insensitive, midpoints 4 apart: match
                  Toponym("b", "Lyon", 48.85, 2.35, 215, 219),  # midpoints 15 apart: no match
                  Toponym("c", "Nice", 45.76, 4.84, 300, 304)]]  # match, ~300 km off
    scores = score(gold, predicted)
    assert (scores.tp, scores.fp, scores.fn) == (2, 1, 1)
    assert scores.acc161 == 0.5 and scores.median_km == pytest.approx(scores.mean_km)
    assert scores.e2e161 == pytest.approx(1 / 3)
    with pytest.raises(CorpusMismatch, match="gold has 1 documents, the prediction 0"):
        score(gold, [])


@pytest.mark.parametrize("peer", ["CamCoder", "Edinburgh"])
def test_scores_equal_the_official_scorer(peer):
    gold = read_annotations(GEOVIRUS / "gold.txt")
    ours = peer_scores(GEOVIRUS / "peers", gold)[peer]
    official = subprocess.run([sys.executable, str(BENCH / "eupeg_score.py"), str(GEOVIRUS / "gold.txt"),
                               str(GEOVIRUS / "peers" / f"{peer}.txt")], capture_output=True, text=True, check=True)
    fields = dict(item.split("=") for item in official.stdout.split())
    assert (ours.tp, ours.fp, ours.fn) == (int(fields["tp"]), int(fields["fp"]), int(fields["fn"]))
    for name in ("precision", "recall", "f1", "mean_km", "median_km", "acc161", "auc", "e2e161"):
        assert getattr(ours, name) == pytest.approx(float(fields[name]), abs=5e-4), name


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """The first 12 GeoVirus documents as a corpus of their own."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "docs").mkdir()
    for document in read_corpus_documents(GEOVIRUS / "docs")[:12]:
        (root / "docs" / document.doc_id).write_text(document.text, encoding="utf-8")
    lines = (GEOVIRUS / "gold.txt").read_text(encoding="utf-8").splitlines(keepends=True)[:12]
    (root / "gold.txt").write_text("".join(lines), encoding="utf-8")
    (root / "peers").mkdir()
    peer_lines = (GEOVIRUS / "peers" / "CamCoder.txt").read_text(encoding="utf-8").splitlines(keepends=True)[:12]
    (root / "peers" / "CamCoder.txt").write_text("".join(peer_lines), encoding="utf-8")
    return root


def test_evaluate_geoparses_and_scores_a_corpus(small_corpus):
    result = evaluate(small_corpus / "gold.txt", small_corpus / "docs", Settings(fast=True, workers=1),
                      small_corpus / "peers")
    assert result.n_documents == 12 and len(result.prediction_lines) == 12
    assert set(result.peers) == {"CamCoder"}
    assert result.scores.recall > 0.6 and result.scores.e2e161 > 0.5


def test_eval_command_prints_the_side_by_side_table(small_corpus, tmp_path):
    predictions = tmp_path / "pred.txt"
    run = CliRunner().invoke(app, ["eval", str(small_corpus / "gold.txt"), str(small_corpus / "docs"), "--peers",
                                   str(small_corpus / "peers"), "--fast", "--workers", "1", "--predictions",
                                   str(predictions)])
    assert run.exit_code == 0, run.output
    assert "geomap --fast" in run.stdout and "CamCoder" in run.stdout and "e2e161" in run.stdout
    assert len(predictions.read_text(encoding="utf-8").splitlines()) == 12
