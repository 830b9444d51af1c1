"""A learned second opinion on the incident types the rules give each sentence.

The rules (`geomap.events`) decide from one sentence's parse; annotators also read what the article
says around it. A logistic regression per incident type, trained on the annotated sets of
``bench/events_eval.py`` (``bench/train_event_typer.py``), scores every sentence from its words and
word pairs and from the rules' types for the sentence, its neighbours and the whole document. Its
probabilities veto a rule type the annotated articles say is unlikely ("the motive for the shooting
is unknown" after a killing is not an attack of its own) and add one they say is likely: a second
type for a sentence the rules typed, or the type of an incident told earlier for a sentence that
reports it again ("A 45-year-old man suffered cuts to his arms when he tried to shield his son").

The weights are data, ``geomap/data/event_typer.json``, with the sets and settings they were
trained with; applying them needs no library.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol, Sequence

MODEL_PATH = Path(__file__).parent / "data" / "event_typer.json"
_WORD = re.compile(r"[A-Za-z]+|\d+")


class _Text(Protocol):
    text: str
    headline: bool


def sentence_features(sentences: Sequence[_Text], rule_types: Sequence[set[str]]) -> list[list[str]]:
    """The features of each sentence of one document, given the types the rules found in each (same order)."""
    in_document = set().union(*rule_types) if rule_types else set()
    features = []
    for n, (sentence, own) in enumerate(zip(sentences, rule_types)):
        words = [w.lower() for w in _WORD.findall(sentence.text)]
        before = rule_types[n - 1] if n else set()
        after = rule_types[n + 1] if n + 1 < len(rule_types) else set()
        f = [f"w:{w}" for w in words] + [f"b:{a}_{b}" for a, b in zip(words, words[1:])]
        f += [f"R:{t}" for t in own] + [f"P:{t}" for t in before] + [f"N:{t}" for t in after]
        f += [f"RN:{len(own)}", f"POS:{min(n, 5)}"] + [f"D:{t}" for t in in_document]
        if not own:
            f.append("R:none")
        if sentence.headline:
            f += ["HEAD"] + [f"HR:{t}" for t in own]
        features.append(f)
    return features


class Revision(NamedTuple):
    """What the typer makes of one sentence."""

    kept: set[str]  # the rule types it keeps
    added: set[str]  # the types it adds
    probability: dict[str, float]  # of each type it has a model for (empty when it did not reread the document)


@dataclass(frozen=True)
class EventTyper:
    """One logistic regression per incident type over `sentence_features`, and the thresholds its
    probabilities are applied with."""

    bias: dict[str, float]  # by type
    weights: dict[str, dict[str, float]]  # by feature, then type
    keep_above: float  # a rule type whose probability is not above this is dropped
    add_above: float  # a type whose probability is above this is added
    min_sentences: int  # shorter documents keep the rules' types: too little context to reread them in
    trained_on: tuple[str, ...] = ()

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        scores = dict(self.bias)
        for feature in set(features):
            for event_type, weight in self.weights.get(feature, {}).items():
                scores[event_type] += weight
        return {t: 1 / (1 + math.exp(-score)) for t, score in scores.items()}

    def revise(self, sentences: Sequence[_Text], rule_types: Sequence[set[str]]) -> list[Revision]:
        """For each sentence of one document, the rule types kept and the types added. A sentence the rules did
        not type only gets types the rules found before it in the document (it reports that incident again)."""
        if len(sentences) < self.min_sentences:
            return [Revision(set(own), set(), {}) for own in rule_types]
        told: set[str] = set()
        revised = []
        for features, own in zip(sentence_features(sentences, rule_types), rule_types):
            probability = self.probabilities(features)
            kept = {t for t in own if probability.get(t, 1.0) > self.keep_above}
            likely = {t for t, p in probability.items() if p > self.add_above} - own
            revised.append(Revision(kept, likely if own else likely & told, probability))
            told |= own
        return revised

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "EventTyper":
        return cls(**{**data, "trained_on": tuple(data["trained_on"])})


@lru_cache(maxsize=1)
def load_typer(path: Path = MODEL_PATH) -> EventTyper:
    return EventTyper.from_json(json.loads(path.read_text(encoding="utf-8")))
