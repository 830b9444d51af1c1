"""A learned choice of an incident's date among the dates its article offers.

The rules (`geomap.events`) date an incident by one chain of decisions: the date expression nearest
its trigger in the parse, else the episode it continues, else its report. Each step is right more
often than not, and each error passes on. The dater instead lists every date the incident could
have (each date expression of its sentence, the rules' choice, the dates of the incidents told
before it, the day and week of publication, none) with what speaks for each (how far the
expression is from the trigger in the parse, whether it dates a statement, the tense of the
trigger, how many sentences back an earlier incident was told, ...) and takes the one a linear
model, trained on the annotated sets of ``bench/events_eval.py`` (``bench/train_event_dater.py``),
scores highest.

It overrules only the rules' weakest dates (`EventDater.redates`): an incident with no date of its
own ("none"), a follow-up that took the date of an incident told before it ("reference"), and a type
the typer added to a sentence, which took the date of the sentence's first incident ("sibling").
Cross-validated over 117 development sets, the share of all incidents dated right goes from 0.796
with the rules' dates to 0.833. Overruling every date scored 0.838 (over 87 sets, against 0.834 for
these three), but at the cost of dates a reader expects: the rules' "episode" dates carry a series
"since September" on to the toll told in the next sentence.

The weights are data, ``geomap/data/event_dater.json``, with the sets they were trained on;
applying them needs no library.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from geomap.dates import DateWindow

MODEL_PATH = Path(__file__).parent / "data" / "event_dater.json"


@dataclass
class DateCandidate:
    """One date an incident could have, the sources that offer it ("rule", "mention", "earlier",
    "publication", "unknown") and the features of each offer."""

    window: DateWindow
    sources: set[str]
    features: set[str]


@dataclass(frozen=True)
class EventDater:
    """A linear score over `DateCandidate.features`; the highest-scoring candidate is the date."""

    weights: dict[str, float]
    # the rules' date sources it may overrule (`geomap.events`: "none", "reference", ...); their other dates stand
    redates: tuple[str, ...] = ()
    trained_on: tuple[str, ...] = ()

    def score(self, candidate: DateCandidate) -> float:
        return sum(self.weights.get(feature, 0.0) for feature in candidate.features)

    def choose(self, candidates: Sequence[DateCandidate]) -> DateCandidate:
        """The best-scoring candidate; on a tie the earliest listed (the rules' choice comes first)."""
        return max(candidates, key=self.score)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "EventDater":
        return cls(weights=data["weights"], redates=tuple(data["redates"]), trained_on=tuple(data["trained_on"]))


@lru_cache(maxsize=1)
def load_dater(path: Path = MODEL_PATH) -> EventDater:
    return EventDater.from_json(json.loads(path.read_text(encoding="utf-8")))
