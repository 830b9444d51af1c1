"""Mention extraction with the real gazetteer, with and without the real spaCy model."""
import multiprocessing
from pathlib import Path

import pytest

from geomap.extract import MentionExtractor, NameMatcher
from geomap.gazetteer import Gazetteer
from geomap.models import Document
from geomap.nlp import DEFAULT_MODEL, load_nlp
from geomap.errors import SpacyModelMissing
from geomap.resolve import Resolver

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.open()


@pytest.fixture(scope="module", params=["ner", "fast"])
def extractor(request, gazetteer):
    return MentionExtractor(gazetteer, load_nlp() if request.param == "ner" else None)


@pytest.fixture(scope="module")
def ner_extractor(gazetteer):
    return MentionExtractor(gazetteer, load_nlp())


def surfaces(extractor, text: str) -> list[str]:
    mentions = extractor.extract(Document("t", text))
    for m in mentions:
        assert text[m.start:m.end] == m.surface
    return [m.surface for m in mentions]


def test_seed_places_ner_misses_are_found_through_the_gazetteer(extractor):
    text = (SEEDS / "000_c4985d57470bbc53.txt").read_text(encoding="utf-8")
    found = surfaces(extractor, text)
    for place in ("Las Claritas", "Km 88", "Bolívar", "Caracas", "Petare"):
        assert place in found, place
    assert not {"Guerrero", "Flores", "Aragua"} & set(found)


def test_part_of_a_person_or_gang_name_is_not_a_place(extractor):
    text = ("Héctor Guerrero Flores leads Tren de Aragua. Guerrero escaped, and his wife Cilia Flores "
            "stayed in Caracas.")
    assert surfaces(extractor, text) == ["Caracas"]


def test_place_in_a_locative_context_after_the_same_word_as_a_name(extractor):
    text = "Tren de Aragua began in a prison in Aragua state."
    assert surfaces(extractor, text) == ["Aragua"]


@pytest.mark.parametrize("text, expected", [
    ("In May, reading the report on his mobile phone, Will said of the plan: nothing.", []),
    ("The port of Mobile, Alabama, reopened in May.", ["Mobile", "Alabama"]),
    ("Commerce officials met at the Department of Commerce.", []),
])
def test_common_words_need_support(extractor, text, expected):
    assert surfaces(extractor, text) == expected


def test_places_that_name_institutions_are_mentions(ner_extractor):
    text = "Gainesville Police arrested a Danbury man near the University of Cincinnati."
    assert surfaces(ner_extractor, text) == ["Gainesville", "Danbury", "Cincinnati"]


def test_demonyms_are_labelled(extractor):
    mentions = extractor.extract(Document("t", "Venezuelans in Miami cheered, a Venezuelan official said."))
    labels = {m.surface: m.label for m in mentions}
    assert labels == {"Venezuelans": "demonym", "Miami": "place", "Venezuelan": "demonym"}


def test_abbreviations_keep_their_period(extractor):
    text = "The mill in Athens, Ga. closed; the U.S. government paid."
    found = surfaces(extractor, text)
    assert "Ga." in found and "U.S." in found


def test_unknown_place_entities_are_still_reported(ner_extractor, gazetteer):
    document = Document("t", "Refugees walked from Caracas to Zlorbania, officials said.")
    resolved = Resolver(gazetteer).resolve(document, ner_extractor.extract(document))
    by_surface = {r.mention.surface: r.place for r in resolved}
    assert by_surface["Caracas"] is not None
    assert "Zlorbania" in by_surface and by_surface["Zlorbania"] is None


def test_ner_runs_once_per_text_in_batches(gazetteer):
    """extract_batch hands all texts to nlp.pipe in one call, each text once."""
    nlp = load_nlp()

    class CountingPipeline:
        def __init__(self):
            self.calls, self.texts = 0, []

        def pipe(self, texts, **kwargs):
            self.calls += 1
            texts = list(texts)
            self.texts += texts
            return nlp.pipe(texts, **kwargs)

    counting = CountingPipeline()
    documents = [Document(str(i), f"Protests in Caracas, day {i}.") for i in range(5)]
    results = MentionExtractor(gazetteer, counting).extract_batch(documents)
    assert counting.calls == 1 and counting.texts == [d.text for d in documents]
    assert [[m.surface for m in mentions] for mentions in results] == [["Caracas"]] * 5


def test_name_matcher_is_cached_next_to_the_index(gazetteer):
    matcher = NameMatcher.for_gazetteer(gazetteer)
    cache = Path(gazetteer.index_path).with_name(Path(gazetteer.index_path).stem + ".names.npz")
    assert cache.exists()
    again = NameMatcher.for_gazetteer(gazetteer)
    assert (again.hashes == matcher.hashes).all()
    [caracas, unknown] = again.lookup(["caracas", "zlorbania"])
    assert caracas is not None and "locality" in caracas.kinds and unknown is None


_FORKED = {}


def _extract_in_child(queue=None):
    extractor, resolver, document = _FORKED["objects"]
    found = [(r.mention.surface, r.place.place_id if r.place else None)
             for r in resolver.resolve(document, extractor.extract(document))]
    if queue is not None:
        queue.put(found)
    return found


def test_extractor_and_resolver_work_after_fork(gazetteer):
    """The pipeline builds them, then forks workers: nothing open may break in the child."""
    document = Document("t", "Soldiers moved from Caracas to Tocorón in Aragua state.")
    _FORKED["objects"] = (MentionExtractor(gazetteer, None), Resolver(gazetteer), document)
    here = _extract_in_child()
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_extract_in_child, args=(queue,))
    child.start()
    there = queue.get(timeout=60)
    child.join(timeout=60)
    assert child.exitcode == 0
    assert there == here and len(here) == 3


def test_missing_model_names_the_install_command():
    with pytest.raises(SpacyModelMissing, match="pip install en-core-web-zz"):
        load_nlp("en_core_web_zz")


def test_model_keeps_only_what_ner_needs():
    nlp = load_nlp(DEFAULT_MODEL)
    assert nlp.pipe_names == ["ner"]
