"""Finding the places a document mentions: a gazetteer name matcher and statistical NER, combined.

Every capitalised word sequence whose normalized form is a gazetteer name is a candidate
mention. spaCy's entities (when a model is given) and the words around each candidate decide
whether it is used as a place here:

- a name that is only part of a longer proper name is not a place mention: "Guerrero" in
  "Héctor Guerrero Flores", "Aragua" in "Tren de Aragua", "Stevens" in "Stevens & Wilkinson".
  A place that leads the name of a public institution, an office or a role, or follows an
  English preposition inside one, is the place that institution serves, and is a mention
  ("Tocorón Prison", "Gainesville Police", "Indianapolis Mayor Greg Ballard", "University of
  Cincinnati"); so is a prominent place leading a company or newspaper name ("Atlanta
  Journal-Constitution");
- a word that is part of a person's name elsewhere in the document ("Flores" after "Cilia
  Flores") is that person again, unless a locative context says otherwise ("in Flores");
- a single name that NER does not call a place needs support: a locative preposition before it
  ("in", "near"; "to" and "at" count less), a cue word ("Bolívar state", "district of Petare"),
  a qualifier ("Santiago, Chile", "Lahore in Punjab"), a dateline, a place-typical noun it
  modifies ("a Danbury man", "Gainesville residents"), a person's hometown ("Theresa
  Pilkington of Jeannette"), prominence (a country, a state, a large city), a coordinated name
  that has support ("in Oakport and Moorhead") or another occurrence in the document that has
  it. Sentence-initial words, month names, acronyms and common English words ("Mobile",
  "Reading", "Commerce", from Webster's Second lower-case entries) need more; generic words
  ("University", "South", "Metro") are never a place by themselves; "Washington Drive" is a
  street.

Entities NER labels GPE/LOC (and FAC with a facility word) that the gazetteer does not know are
reported too, unresolved. Demonyms ("Venezuelan", "Venezuelans") are reported with label
"demonym".
"""
from __future__ import annotations

import bisect
import hashlib
import logging
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from geomap.gazetteer import normalize_name
from geomap.models import Document, Mention

log = logging.getLogger(__name__)

MAX_NAME_TOKENS = 6
NLP_BATCH_SIZE = 32
ACCEPT_SCORE = 1.0
"""Candidates whose context score reaches this are reported."""

_WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")
# What may stand between two words of one name: "St. Louis", "W. Va.", "Winston-Salem", "O'Hare".
_NAME_GAP = re.compile(r"\.? ?|-|['’]")
_SENTENCE_END = re.compile(r"[.!?]")

# ----------------------------------------------------------------------------- English lexicons
# Closed word classes and generic nouns of English; no place names.

LOCATIVE_PREPOSITIONS = frozenset(
    "in near outside inside throughout across around via within beyond along nearby en".split()
)
# Prepositions that also take people and organisations ("to Caracas", "to Abbas", "at TBS").
DIRECTIONAL_PREPOSITIONS = frozenset("at to from into onto toward towards over off through between".split())
WEAK_PREPOSITIONS = frozenset("of for and or".split())
MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
# Words after a name that say what kind of place it is ("Bolívar state", "Tocorón prison").
KIND_CUES_AFTER = frozenset(
    "state province department region governorate oblast prefecture territory county parish municipality "
    "district borough township twp city town village neighborhood neighbourhood suburb river lake sea ocean "
    "gulf bay creek strait prison jail penitentiary mine mines airport base camp port deposit dam".split()
)
# Words before "of NAME": "city of Caracas", "district of Petare", "state of Illinois".
KIND_CUES_BEFORE = frozenset(
    "city town village district state province county region municipality island suburb neighborhood "
    "neighbourhood capital republic country port outskirts residents resident people citizens mayor governor "
    "native natives suburbs streets heart center centre neighbor neighbors neighbour neighbours".split()
)
# Public bodies and jurisdictions named after the place they serve ("Gainesville Police").
JURISDICTIONS = frozenset(
    "police sheriff sheriffs fire department dept council commission commissioners board court courts courthouse "
    "county city state township village town parish district government legislature assembly senate house "
    "municipality pd division authority administration ministry office agency public schools chamber".split()
)
# Facilities, often named after the place they are in, but as often after a person ("Harvard University").
FACILITIES = frozenset(
    "university college school academy institute hospital clinic library museum zoo prison jail penitentiary "
    "airport port station harbor harbour park parks center centre church cathedral mosque temple hall bridge "
    "mall market mine mines dam base camp detention facility community high middle elementary campus army navy "
    "forces guard".split()
)
PUBLIC_INSTITUTIONS = JURISDICTIONS | FACILITIES
# Street words: "Washington Drive" is a street, not Washington.
STREET_WORDS = frozenset("street st road rd drive dr avenue ave boulevard blvd lane ln highway hwy pike parkway pkwy "
                         "trail".split())
# Landforms and waters that follow or precede a name ("Kanawha River", "Lake Lanier").
LANDFORMS_AFTER = frozenset("river creek lake valley mountain mountains island islands bay canyon basin peninsula "
                            "ocean sea gulf strait township twp".split())
LANDFORMS_BEFORE = frozenset("lake mount mt".split())
# Heads of company, media and club names ("Atlanta Journal-Constitution", "San Jose Water Company").
ORGANISATION_HEADS = frozenset(
    "company co corp corporation inc llc ltd association foundation project festival force committee "
    "times herald post journal tribune gazette sentinel news press chronicle observer inquirer constitution "
    "bank hotel cooperative cooperatives team club partnership alliance coalition network services service "
    "system systems trust fund group partners society federation league union".split()
)
# Words that narrow a place without making another name ("South Florida", "Greater Caracas").
DIRECTION_WORDS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern upper lower greater downtown metro metropolitan "
    "mid inner outer coastal rural urban".split()
)
# Offices and roles named after the place they serve ("Indianapolis Mayor Greg Ballard").
ROLE_WORDS = frozenset(
    "mayor governor councilman councilwoman councilmember commissioner commissioners sheriff marshal chief "
    "spokesman spokeswoman spokesperson superintendent attorney prosecutor judge senator delegate representative "
    "congressman congresswoman legislator democrat democrats republican republicans resident residents native "
    "selectman selectwoman selectmen coroner examiner alderman aldermen "
    "natives officials official officers police pd fd ems trooper troopers deputies".split()
)
# Common nouns a place name modifies ("a Danbury stonework mason", "Lancaster woman", "Delta police").
ATTRIBUTIVE_NOUNS = PUBLIC_INSTITUTIONS | ROLE_WORDS | frozenset(
    "man woman men women boy girl boys girls teen teenager teenagers youth child children family families couple "
    "student students voters homeowners businessman businesswoman developer firefighter firefighters officer "
    "paramedics area areas neighborhood neighbourhood shops businesses restaurants teacher teachers senior "
    "seniors zoning leaders economy mason worker workers employees fans community communities educator "
    "educators parolee parolees councilors councillors home homes apartment underpass student".split()
)
# Plural kind words after a list of names ("in Muscogee and Harris counties").
PLURAL_KIND_CUES = frozenset("counties states provinces cities towns townships villages regions districts parishes "
                             "rivers islands countries".split())
# Determiners before an attributive name ("a Gainesville restaurant", "the Rafah terminal").
DETERMINERS = frozenset("a an the another every each this that these those".split())
# Words that are never a place name on their own.
GENERIC_WORDS = PUBLIC_INSTITUTIONS | KIND_CUES_AFTER | DIRECTION_WORDS | ROLE_WORDS | STREET_WORDS | frozenset(
    "national international federal regional capital interior area areas".split())
# English prepositions that put a place inside an institution's name ("University of Cincinnati").
ENGLISH_NAME_PREPOSITIONS = frozenset("of for in at".split())
# Titles and honorifics before a person's name.
PERSON_TITLES = frozenset(
    "mr mrs ms miss dr sir lord lady president gov governor sen senator rep representative judge justice mayor "
    "gen general col colonel capt captain lt sgt officer minister secretary prime king queen prince princess "
    "pope father rev reverend chief deputy sheriff coach professor prof".split()
)
# Lower-case words that link the words of one (foreign) proper name ("Tren de Aragua").
NAME_CONNECTORS = frozenset("de del la las los el da do dos das di du des von van der den y e".split())
# Abbreviations after which a period does not end a sentence.
_NON_FINAL_ABBREVIATIONS = frozenset("st mt ft mr mrs ms dr gen gov sen rep jr sr co inc no vs lt col sgt capt".split())
# Verbs after a bare name that make it a person ("Guerrero said").
_SPEECH_VERBS = frozenset("said says told added asked wrote explained noted argued stated who whose".split())

PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})

# Context scores (a candidate is reported at ACCEPT_SCORE).
NER_PLACE = 3.0
NER_CROSSING = 1.0
NER_OTHER_LABEL = -1.0
PUBLIC_MODIFIER = 2.0
COMPANY_MODIFIER = 1.0
FACILITY_MODIFIER = 0.5
STRONG_CONTEXT = 2.0
WEAK_PREPOSITION = 0.5
THE_REGION = 1.0
MULTI_WORD = 1.5
PROMINENT = 1.5
DEMONYM = 2.0
SENTENCE_INITIAL = -1.0
MONTH_OR_DAY = -3.0
COMMON_WORD = -2.0
PERSON_PART = -4.0
AFTER_TITLE = -3.0
SPEAKS = -2.0
NOT_ABBREVIATED = -3.0
ACRONYM = -2.0


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _common_english_words() -> frozenset[str]:
    """Words Webster's Second International lists in lower case ("mobile", "reading", "commerce")."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"]) if w.islower())


# ----------------------------------------------------------------------------- the name index

_KINDS = ("country", "admin1", "admin2", "locality", "site", "region", "water")
_NAME_TYPES = ("official", "alternate", "abbreviation", "demonym")
_COMMON_BIT = 1 << 43


@dataclass(frozen=True, slots=True)
class NameInfo:
    """What the gazetteer holds for one normalized name."""

    n_places: int
    max_population: int
    kinds: frozenset[str]
    name_types: frozenset[str]
    common_word: bool = False  # a one-word name that is also a common English word

    @property
    def prominent(self) -> bool:
        """A country or first-level division carries this name, or a city of 100,000 as its own name."""
        return self.admin_prominent or (self.max_population >= 100_000 and "official" in self.name_types)

    @property
    def admin_prominent(self) -> bool:
        return bool(self.kinds & {"country", "admin1"})

    @property
    def demonym_only(self) -> bool:
        return self.name_types == frozenset({"demonym"})

    @property
    def abbreviation_only(self) -> bool:
        return self.name_types == frozenset({"abbreviation"})


def _key_hashes(keys: Sequence[str]) -> np.ndarray:
    """Stable 64-bit hashes of normalized names (the same in every process and run)."""
    digest = hashlib.blake2b
    return np.frombuffer(b"".join(digest(k.encode(), digest_size=8).digest() for k in keys), dtype="<u8")


def _pack(n_places: int, max_population: int, kinds: Iterable[str], name_types: Iterable[str], common: bool) -> int:
    kind_bits = sum(1 << _KINDS.index(k) for k in kinds if k in _KINDS)
    type_bits = sum(1 << _NAME_TYPES.index(t) for t in name_types if t in _NAME_TYPES)
    return ((min(n_places, 255) << 44) | (_COMMON_BIT if common else 0)
            | (min(max_population, (1 << 32) - 1) << 11) | (kind_bits << 4) | type_bits)


@lru_cache(maxsize=65_536)
def _unpack(packed: int) -> NameInfo:
    kinds = frozenset(k for i, k in enumerate(_KINDS) if packed >> (4 + i) & 1)
    types = frozenset(t for i, t in enumerate(_NAME_TYPES) if packed >> i & 1)
    return NameInfo(packed >> 44, (packed >> 11) & ((1 << 32) - 1), kinds, types, bool(packed & _COMMON_BIT))


class NameMatcher:
    """Every gazetteer name, as a sorted array of 64-bit hashes of its normalized form.

    Small by design (16 bytes a name, about 17 MB for the shipped gazetteer) and looked up a
    whole document at a time with one ``numpy.searchsorted``. Built from
    ``Gazetteer.name_stats()`` and cached next to the gazetteer index, keyed by the index
    file's size and modification time.
    """

    CACHE_VERSION = 2

    def __init__(self, hashes: np.ndarray, packed: np.ndarray, max_tokens: int):
        self.hashes = hashes
        self.packed = packed
        self.max_tokens = max_tokens

    @classmethod
    def from_stats(cls, stats: Iterable, common_words: frozenset[str] = frozenset()) -> "NameMatcher":
        keys, packed, max_tokens = [], [], 1
        for stat in stats:
            n_tokens = stat.key.count(" ") + 1
            if len(stat.key) < 2 or n_tokens > MAX_NAME_TOKENS:
                continue
            keys.append(stat.key)
            packed.append(_pack(stat.n_places, stat.max_population or 0, stat.kinds, stat.name_types,
                                n_tokens == 1 and stat.key in common_words))
            max_tokens = max(max_tokens, n_tokens)
        hashes = _key_hashes(keys)
        order = np.argsort(hashes, kind="stable")
        return cls(hashes[order], np.array(packed, dtype="<u8")[order], max_tokens)

    @classmethod
    def for_gazetteer(cls, gazetteer) -> "NameMatcher":
        """The matcher for this gazetteer index, from the cache file when it is current."""
        index_path = Path(gazetteer.index_path)
        stat = index_path.stat()
        stamp = np.array([stat.st_size, stat.st_mtime_ns, cls.CACHE_VERSION], dtype="<i8")
        cache = index_path.with_name(f"{index_path.stem}.names.npz")
        try:
            with np.load(cache) as data:
                if np.array_equal(data["stamp"], stamp):
                    return cls(data["hashes"], data["packed"], int(data["max_tokens"]))
        except (OSError, KeyError, ValueError):
            pass
        log.info("building the name matcher for %s", index_path)
        matcher = cls.from_stats(gazetteer.name_stats(), _common_english_words())
        tmp = cache.with_name(f"{cache.stem}.{os.getpid()}.tmp.npz")
        try:
            np.savez(tmp, stamp=stamp, hashes=matcher.hashes, packed=matcher.packed, max_tokens=matcher.max_tokens)
            os.replace(tmp, cache)
        except OSError as exc:  # a read-only cache directory only costs start-up time
            log.debug("could not cache the name matcher at %s: %s", cache, exc)
        return matcher

    def lookup(self, keys: Sequence[str]) -> list[NameInfo | None]:
        """The gazetteer's information for each normalized name (None where it has none)."""
        if not keys:
            return []
        wanted = _key_hashes(keys)
        positions = np.searchsorted(self.hashes, wanted)
        positions[positions >= len(self.hashes)] = 0
        found = self.hashes[positions] == wanted
        return [_unpack(int(p)) if hit else None for p, hit in zip(self.packed[positions].tolist(), found.tolist())]


# ----------------------------------------------------------------------------- document analysis


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    norm: str
    capitalized: bool
    all_caps: bool
    digit: bool
    sentence_initial: bool = False
    in_title_line: bool = False


@dataclass(slots=True)
class _Candidate:
    """One candidate span (tokens first..last) and what the context says about it."""

    first: int
    last: int
    key: str
    info: NameInfo
    found_by: str = "gazetteer"
    demonym: bool = False
    other_label: bool = False  # NER calls exactly this span a person, organisation, ...
    attributive: str | None = None  # modifies a noun: "noun" ("Danbury police") or "determiner" ("a ... shop")
    ner_label: str | None = None  # NER's label for exactly this span, when not a place label
    in_institution_name: bool = False  # leads the name of a public body, facility or company
    strong: bool = False  # locative support: preposition, cue word, qualifier, dateline
    support: str | None = None  # locative support found elsewhere (a coordinated name)
    score: float = 0.0
    rejected: bool = False  # structurally: part of another name, inside a date
    reasons: list[str] = field(default_factory=list)

    def rejudge(self, support: str) -> None:
        """Forget the judgement, to judge again with ``support`` as extra locative support."""
        self.support, self.score, self.reasons, self.found_by = support, 0.0, [], "gazetteer"
        self.other_label = self.strong = False
        self.attributive = None
        self.ner_label = None
        self.in_institution_name = False

    def add(self, points: float, reason: str) -> None:
        self.score += points
        self.reasons.append(f"{reason} {points:+g}")

    def reject(self, reason: str) -> None:
        self.rejected = True
        self.reasons.append(reason)

    @property
    def accepted(self) -> bool:
        return not self.rejected and self.score >= ACCEPT_SCORE


@lru_cache(maxsize=200_000)
def _normalize_token(text: str) -> str:
    return normalize_name(text)


def tokenize(text: str) -> list[_Token]:
    """Words with their offsets, case shape and whether they start a sentence or sit in a headline."""
    tokens: list[_Token] = []
    for match in _WORD.finditer(text):
        word = match.group()
        norm = word.lower() if word.isascii() else _normalize_token(word)
        tokens.append(_Token(match.start(), match.end(), word, norm, word[0].isupper(),
                             len(word) > 1 and word.isupper(), word[0].isdigit()))
    previous: _Token | None = None
    for token in tokens:
        if previous is None:
            token.sentence_initial = True
        else:
            gap = text[previous.end:token.start]
            token.sentence_initial = gap != " " and ("\n" in gap or (
                _SENTENCE_END.search(gap) is not None
                and not (gap.startswith(".") and (previous.norm in _NON_FINAL_ABBREVIATIONS or len(previous.text) == 1))
            ) or (previous.all_caps and gap.strip() in (":", "—", "–", "-", "--")))
        previous = token
    _mark_title_lines(text, tokens)
    return tokens


def _mark_title_lines(text: str, tokens: list[_Token]) -> None:
    """Flag words on headline-style lines (most words capitalised), where capitals mean little."""
    stop = _stop_words()
    i = 0
    while i < len(tokens):
        line_end = text.find("\n", tokens[i].start)
        line_end = len(text) if line_end < 0 else line_end
        j = i
        while j < len(tokens) and tokens[j].start < line_end:
            j += 1
        words = [t for t in tokens[i:j] if not t.digit and t.norm not in stop]
        if len(words) >= 3 and sum(t.capitalized for t in words) >= 0.8 * len(words):
            for t in tokens[i:j]:
                t.in_title_line = True
        i = j


def _gap_allows_name(text: str, left: _Token, right: _Token) -> bool:
    return _NAME_GAP.fullmatch(text, left.end, right.start) is not None


# ----------------------------------------------------------------------------- the extractor


class MentionExtractor:
    """Find place mentions in documents.

    Parameters
    ----------
    gazetteer : geomap.gazetteer.Gazetteer
    nlp : spacy.language.Language, optional
        A pipeline with ``ner`` (see `geomap.nlp.load_nlp`). None: fast mode, gazetteer
        matching with context rules only.
    """

    def __init__(self, gazetteer, nlp=None):
        self.gazetteer = gazetteer
        self.nlp = nlp
        self._matcher: NameMatcher | None = None
        self._period_forms: dict[str, bool] = {}

    @property
    def matcher(self) -> NameMatcher:
        """The gazetteer name index (loaded on first use, so workers build it after a fork)."""
        if self._matcher is None:
            self._matcher = NameMatcher.for_gazetteer(self.gazetteer)
        return self._matcher

    def extract(self, document: Document) -> list[Mention]:
        """The mentions in one document (see `extract_batch`)."""
        return self.extract_batch([document])[0]

    def extract_batch(self, documents: Sequence[Document]) -> list[list[Mention]]:
        """The place and demonym mentions of each document, in text order.

        NER runs once per text, batched with ``nlp.pipe``.
        """
        if self.nlp is None:
            entity_lists: Iterable = ([] for _ in documents)
        else:
            entity_lists = (
                [(e.start_char, e.end_char, e.label_) for e in doc.ents]
                for doc in self.nlp.pipe((d.text for d in documents), batch_size=NLP_BATCH_SIZE)
            )
        return [self._extract(document, entities) for document, entities in zip(documents, entity_lists)]

    def explain(self, document: Document) -> list[tuple[str, int, int, float, bool, list[str]]]:
        """Every gazetteer candidate with its score and the reasons (for debugging rules).

        Returns (surface, start, end, score, accepted, reasons) tuples.
        """
        entities = []
        if self.nlp is not None:
            entities = [(e.start_char, e.end_char, e.label_) for e in self.nlp(document.text).ents]
        analysis = _Analysis(self, document.text, entities)
        return [(document.text[analysis.tokens[c.first].start:analysis.tokens[c.last].end],
                 analysis.tokens[c.first].start, analysis.tokens[c.last].end, c.score, c.accepted, c.reasons)
                for c in analysis.candidates]

    def _extract(self, document: Document, entities: list[tuple[int, int, str]]) -> list[Mention]:
        analysis = _Analysis(self, document.text, entities)
        mentions = [self._mention(document, analysis, c) for c in analysis.candidates if c.accepted]
        mentions += analysis.unknown_place_entities(document)
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _mention(self, document: Document, analysis: "_Analysis", cand: _Candidate) -> Mention:
        text, tokens = analysis.text, analysis.tokens
        first, last = cand.first, cand.last
        # Landforms and townships named after the place: the mention is the whole name.
        if last + 1 < len(tokens) and tokens[last + 1].capitalized and tokens[last + 1].norm in LANDFORMS_AFTER \
                and text[tokens[last].end:tokens[last + 1].start] == " ":
            last += 1  # "Kanawha River", "Jerome Township", "Tewksbury Twp."
        if first > 0 and tokens[first - 1].capitalized and tokens[first - 1].norm in LANDFORMS_BEFORE \
                and _gap_allows_name(text, tokens[first - 1], tokens[first]):
            first -= 1  # "Lake Lanier", "Mt. Pleasant"
        start, end = tokens[first].start, tokens[last].end
        if text[end:end + 1] == "." and len(tokens[last].text) <= 4 and (
                last > cand.last and tokens[last].norm == "twp" or self._gazetteer_writes_period(cand.key)):
            end += 1  # "Kan.", "U.S.", "W. Va.", "Twp."
        return Mention(doc_id=document.doc_id, surface=text[start:end], start=start, end=end,
                       label="demonym" if cand.demonym else "place", found_by=cand.found_by)

    def _gazetteer_writes_period(self, key: str) -> bool:
        """Whether the gazetteer writes this name with a final period ("Kan.", "U.S.")."""
        cached = self._period_forms.get(key)
        if cached is None:
            cached = any(form.name.endswith(".") for form in self.gazetteer.name_forms(key))
            if len(self._period_forms) > 50_000:
                self._period_forms.clear()
            self._period_forms[key] = cached
        return cached


class _Analysis:
    """One document: its words, entities, gazetteer candidates and their judgements."""

    def __init__(self, extractor: MentionExtractor, text: str, entities: list[tuple[int, int, str]]):
        self.extractor = extractor
        self.with_ner = extractor.nlp is not None
        self.text = text
        self.tokens = tokenize(text)
        self.entities = _entity_token_spans(entities, self.tokens)
        self._sequences: dict[int, list[str]] = {}
        self.known = self._lookup_names()
        self.candidates = self._gazetteer_matches()
        self.lower_words = {t.norm for t in self.tokens if not t.capitalized and not t.digit}
        self.person_parts = self._person_name_parts()
        for cand in self.candidates:
            self._judge(cand)
        self._propagate()

    # -- candidates

    def _name_sequences(self, i: int) -> list[str]:
        """Normalized word sequences starting at token i that may form one name."""
        cached = self._sequences.get(i)
        if cached is not None:
            return cached
        tokens, text = self.tokens, self.text
        norms = [tokens[i].norm]
        for j in range(i + 1, min(len(tokens), i + self.extractor.matcher.max_tokens)):
            if not _gap_allows_name(text, tokens[j - 1], tokens[j]):
                break
            norms.append(tokens[j].norm)
        self._sequences[i] = norms
        return norms

    def _may_start_name(self, i: int) -> bool:
        """A capitalised word, or a lower-case direction word before one ("eastern Pacific")."""
        token = self.tokens[i]
        return token.capitalized or (token.norm in DIRECTION_WORDS and i + 1 < len(self.tokens)
                                     and self.tokens[i + 1].capitalized)

    def _lookup_names(self) -> dict[str, NameInfo]:
        """Every word sequence that could be a name (capitalised first and last word), looked up at once."""
        keys: set[str] = set()
        for i, first in enumerate(self.tokens):
            if not self._may_start_name(i):
                continue
            norms = self._name_sequences(i)
            keys.add(norms[0])
            if norms[0].endswith("s"):
                keys.add(norms[0][:-1])  # "Venezuelans" -> "venezuelan"
            for length in range(2, len(norms) + 1):
                last = self.tokens[i + length - 1]
                if last.capitalized or last.digit:
                    keys.add(" ".join(norms[:length]))
        ordered = list(keys)
        return {k: info for k, info in zip(ordered, self.extractor.matcher.lookup(ordered)) if info is not None}

    def _gazetteer_matches(self) -> list[_Candidate]:
        """Longest gazetteer names over capitalised word sequences, left to right, not overlapping."""
        found: list[_Candidate] = []
        i = 0
        while i < len(self.tokens):
            best = self._longest_match_at(i)
            if best is None:
                i += 1
                continue
            if self.tokens[i].norm == "the":
                following = self._longest_match_at(i + 1)
                if following is not None and following.last > best.last:
                    best = following  # "The Rock Hill school district": Rock Hill, not The Rock
            found.append(best)
            i = best.last + 1
        return found

    def _longest_match_at(self, i: int) -> _Candidate | None:
        """The longest gazetteer name starting at token i, if any."""
        tokens, known = self.tokens, self.known
        if i >= len(tokens) or not self._may_start_name(i):
            return None
        norms = self._name_sequences(i)
        for length in range(len(norms), 0 if tokens[i].capitalized else 1, -1):
            last = tokens[i + length - 1]
            if not (last.capitalized or last.digit):
                continue
            key = " ".join(norms[:length])
            info = known.get(key)
            if info is None and length == 1 and key.endswith("s"):
                singular = known.get(key[:-1])
                if singular is not None and "demonym" in singular.name_types:
                    info = singular  # "Venezuelans"
            if info is None or (length == 1 and key in _stop_words() and not tokens[i].all_caps):
                continue
            if length > 1 and norms[length - 1] in ("city", "town", "village") and "official" not in info.name_types \
                    and " ".join(norms[:length - 1]) in known:
                continue  # "Dublin City Council": the town, described
            return _Candidate(i, i + length - 1, key, info)
        return None

    def _person_name_parts(self) -> set[str]:
        """Names that are part of a person's name in this document ("guerrero", "flores")."""
        parts: set[str] = set()
        for cand in self.candidates:
            if self.with_ner:
                entity = _overlapping_entity(self.entities, cand.first, cand.last)
                if entity is None or entity[2] != "PERSON":
                    continue
                lo, hi = _trim_entity(self.text, self.tokens, entity[0], entity[1])
                label = "PERSON"
            else:  # without NER: capitalised word groups that are neither one name nor an institution's name
                lo, hi = _proper_chunk(self.text, self.tokens, cand.first, cand.last)
                if self.tokens[lo].in_title_line or hi - lo > 3:
                    continue
                label = None
            if (lo, hi) == (cand.first, cand.last):
                if label == "PERSON" and lo > 0 and self.tokens[lo - 1].norm in PERSON_TITLES:
                    parts.add(cand.key)  # "President Lincoln"
            elif lo <= cand.first and cand.last <= hi and self._role_in_name(cand, lo, hi, label) == "part":
                parts.add(cand.key)
        return parts

    # -- judging one candidate

    def _judge(self, cand: _Candidate) -> None:
        """Score how well the context supports ``cand`` being a place."""
        tokens, info = self.tokens, cand.info
        first_tok = tokens[cand.first]
        single = self._single(cand)
        cand.demonym = "demonym" in info.name_types and (info.demonym_only or single)
        if single and cand.key in GENERIC_WORDS:
            cand.reject("generic word")
            return
        if single and first_tok.all_caps and len(first_tok.text) <= 3 and not info.admin_prominent:
            cand.reject("an acronym that names no country or state")  # "AI", "SUV", "TBS"
            return
        if not self._judge_structure(cand):
            return
        strong = self._judge_context(cand)
        ner_place = cand.found_by == "ner+gazetteer"
        if not single and first_tok.norm != "the":  # "The Hill" is one word and an article
            cand.add(MULTI_WORD, "multi-word name")
        if info.admin_prominent or (info.prominent and not cand.other_label):
            cand.add(PROMINENT, "prominent")
        if cand.demonym:
            cand.add(DEMONYM, "demonym")
        # Evidence against.
        supported = strong or (cand.attributive and not first_tok.sentence_initial)
        if single and (first_tok.sentence_initial or first_tok.in_title_line) and not first_tok.all_caps and not supported:
            cand.add(SENTENCE_INITIAL, "sentence-initial")
        if cand.key in MONTHS_AND_DAYS:
            cand.add(MONTH_OR_DAY, "month or day")
        if single and not supported and not ner_place and not cand.demonym:
            if info.common_word and not self._followed_by_period(cand):
                cand.add(COMMON_WORD, "common English word")
            elif cand.key in self.lower_words:
                cand.add(COMMON_WORD, "written in lower case here")
            if first_tok.all_caps and len(first_tok.text) <= 4 and not self._followed_by_period(cand) \
                    and not info.admin_prominent:
                cand.add(ACRONYM, "acronym")
        elif single and cand.attributive == "determiner" and info.common_word and not ner_place:
            cand.add(COMMON_WORD, "common English word")  # "a Union soldier"
        if single and cand.key in self.person_parts and not cand.demonym and not strong:
            if ner_place and "country" in info.kinds:  # "Rethinking Egypt" mislabelled a person
                cand.add(PERSON_PART / 2, "part of a person's name here")
            else:
                cand.reject("part of a person's name here, and not located")  # "the Rodríguez government"
                return
        before = tokens[cand.first - 1] if cand.first > 0 else None
        if before is not None and before.norm in PERSON_TITLES and before.capitalized:
            cand.add(AFTER_TITLE, "after a title")
        after = tokens[cand.last + 1] if cand.last + 1 < len(tokens) else None
        after_preposition = before is not None and not before.capitalized and (
            before.norm in LOCATIVE_PREPOSITIONS or before.norm in DIRECTIONAL_PREPOSITIONS
            or before.norm in WEAK_PREPOSITIONS)
        if after is not None and after.norm in _SPEECH_VERBS and not supported and not after_preposition \
                and self.text[tokens[cand.last].end:after.start].strip() == "":
            cand.add(SPEAKS, "speaks")
        if info.abbreviation_only and not self._followed_by_period(cand) and not first_tok.all_caps:
            cand.add(NOT_ABBREVIATED, "not written as an abbreviation")

    def _judge_structure(self, cand: _Candidate) -> bool:
        """NER label and the longer name around the candidate; False when it is rejected."""
        entity = _overlapping_entity(self.entities, cand.first, cand.last)
        if entity is not None:
            e_first, e_last, label = entity
            e_first, e_last = _trim_entity(self.text, self.tokens, e_first, e_last)
            if label in TIME_LABELS:
                cand.reject("inside a date")
                return False
            role = self._role_in_name(cand, e_first, e_last, label) \
                if e_first <= cand.first and cand.last <= e_last else "crossing"
            if label == "NORP" and not cand.demonym and "country" in cand.info.kinds:
                cand.demonym = True  # "Saudi officials"
            if label in PLACE_ENTITY_LABELS or (label == "NORP" and cand.demonym):
                if role in ("alone", "crossing"):
                    cand.found_by = "ner+gazetteer"
                    cand.add(NER_PLACE if role == "alone" else NER_CROSSING, f"NER {label}")
                    return True
            elif role == "alone":
                cand.ner_label = label
                lo, hi = _proper_chunk(self.text, self.tokens, cand.first, cand.last)
                if (lo, hi) != (cand.first, cand.last) and not self.tokens[lo].in_title_line \
                        and self._role_in_name(cand, lo, hi, label) == "part":
                    cand.reject(f"part of a longer {label} name")  # "Toyota Hilux"
                    return False
                if cand.first < cand.last or cand.key in self.person_parts:
                    cand.other_label = True  # "White House", "Guerrero" after "Héctor Guerrero Flores"
                    cand.add(NER_OTHER_LABEL, f"NER says {label}")
                else:  # a lone word: NER's person/organisation guess is weak evidence
                    cand.reasons.append(f"NER says {label}")
                return True
            elif cand.demonym and label != "PERSON":
                return True  # "American Airlines": the adjective still names the country
        elif cand.demonym or self.tokens[cand.first].in_title_line:
            return True
        else:
            label = None
            lo, hi = _proper_chunk(self.text, self.tokens, cand.first, cand.last)
            role = self._role_in_name(cand, lo, hi, None)
        cand.in_institution_name = role in ("public", "facility", "company")
        if role == "public":
            cand.add(PUBLIC_MODIFIER, "names the place of a public body")
        elif role == "facility":
            cand.add(COMPANY_MODIFIER if cand.info.prominent or not self._single(cand) else FACILITY_MODIFIER,
                     "names the place of a facility")
        elif role == "company":
            cand.add(COMPANY_MODIFIER, "names the place of an organisation")
        elif role == "part":
            cand.reject(f"part of the {label} name" if label else "part of a longer name")
            return False
        return True

    def _role_in_name(self, cand: _Candidate, span_first: int, span_last: int, label: str | None) -> str:
        """How the candidate sits in the longer name tokens[span_first..span_last].

        "alone": nothing else, or only words that narrow it ("South Florida", "Bolívar State");
        "public": it is the place a public institution, office or role serves ("Gainesville
        Police", "Alexandria's Circuit Court", "Indianapolis Mayor Greg Ballard", "University of
        Cincinnati", "Washington-Moscow route"); "company": a prominent place leading a company,
        newspaper or club name; "part": it is part of another name ("Cilia Flores", "Tren de
        Aragua", "Rodeo Gainesville", "Stevens & Wilkinson").
        """
        tokens, text = self.tokens, self.text
        first, last = cand.first, cand.last
        right = list(range(last + 1, span_last + 1))
        if right and tokens[right[0]].norm == "s" and text[tokens[last].end:tokens[right[0]].start] in ("'", "’"):
            right = []  # a possessive: the place owns what follows
        left = [k for k in range(span_first, first)
                if tokens[k].norm not in DIRECTION_WORDS and tokens[k].norm != "the"
                and not (k == first - 1 and tokens[k].norm in LANDFORMS_BEFORE)
                and not (len(tokens[k].text) <= 3 and tokens[k].text.isupper()
                         and text[tokens[k].end:tokens[k].end + 1] == "-")]  # "D-Plymouth", "DFL-Cook"
        for i, k in enumerate(right):
            if tokens[k].norm in ENGLISH_NAME_PREPOSITIONS and not tokens[k].capitalized:
                right = right[:i]  # "Association for Justice": the head comes before the preposition
                break
        right_names = [k for k in right if tokens[k].capitalized or tokens[k].digit]
        if left:
            if tokens[first - 1].norm in ENGLISH_NAME_PREPOSITIONS and not tokens[first - 1].capitalized \
                    and not cand.info.common_word:
                return "public"  # "University of Cincinnati", but not "Department of Commerce"
            if text[tokens[first - 1].end:tokens[first].start] == "-" and self._is_prominent(left[0], first - 1):
                return "public"  # "Washington-Moscow route"
            return "part"
        if not right_names or all(tokens[k].norm in DIRECTION_WORDS or tokens[k].norm in KIND_CUES_AFTER
                                  for k in right_names):
            return "alone"
        following = tokens[last + 1].norm if right else ""
        if following in STREET_WORDS and last + 1 == span_last:
            return "part"  # "Washington Drive", but not "Otter Tail County Road 80" or "Florida Highway Patrol"
        if following in JURISDICTIONS or following in ROLE_WORDS or following in KIND_CUES_AFTER:
            return "public"
        if following in FACILITIES:
            return "facility"
        if text[tokens[last].end:tokens[last + 1].start] == "-" and self._is_prominent(last + 1, right_names[-1]):
            return "public"  # "Canada-U.S."
        if label == "PERSON":
            return "part"
        head = tokens[right_names[-1]].norm
        if head in JURISDICTIONS:
            return "public"
        if head in FACILITIES:
            return "facility"
        if head in ORGANISATION_HEADS and (cand.info.prominent or last > first):
            return "company"
        if label is not None and (cand.info.admin_prominent or last > first):
            return "company"  # "Walker County Fairgrounds", "Tennessee Senior Olympics"
        return "part"

    def _is_prominent(self, first: int, last: int) -> bool:
        info = self.known.get(" ".join(t.norm for t in self.tokens[first:last + 1]))
        return info is not None and info.prominent

    def _judge_context(self, cand: _Candidate) -> bool:
        """Add the support of the words around the candidate; True when it is strong."""
        tokens, text = self.tokens, self.text
        first_tok, last_tok = tokens[cand.first], tokens[cand.last]
        before = tokens[cand.first - 1] if cand.first > 0 else None
        before2 = tokens[cand.first - 2] if cand.first > 1 else None
        after = tokens[cand.last + 1] if cand.last + 1 < len(tokens) else None
        gap_after = text[last_tok.end:after.start] if after is not None else ""
        strong = [cand.support] if cand.support else []
        weak = []
        if before is not None and (not before.capitalized or before.sentence_initial):
            if before.norm in LOCATIVE_PREPOSITIONS or (before.norm == "of" and before2 is not None and before2.norm == "out"):
                strong.append(f"after '{before.text}'")
            elif before.norm in DIRECTIONAL_PREPOSITIONS:
                if cand.ner_label in ("PERSON", "ORG") or cand.info.common_word:
                    weak.append(f"after '{before.text}'")  # "to Abbas", "translates to Train of Aragua"
                else:
                    strong.append(f"after '{before.text}'")
            elif before.norm in WEAK_PREPOSITIONS:
                weak.append(f"after '{before.text}'")
        if after is not None and not gap_after.strip() and after.norm in KIND_CUES_AFTER and not after.all_caps \
                and not (after.capitalized and self._capitalised_word_follows(cand.last + 1)):
            strong.append(f"cue '{after.text}'")
        if before is not None and before.norm == "of" and before2 is not None:
            if before2.norm in KIND_CUES_BEFORE and not before2.capitalized:
                strong.append(f"cue '{before2.text} of'")
            elif self._ends_person_name(cand.first - 2):
                strong.append("hometown")  # "Theresa Pilkington of Jeannette"
        if after is not None and gap_after.strip() == "," and after.capitalized:
            qualifier = self._name_at(cand.last + 1)
            if qualifier is not None and qualifier.admin_prominent:
                strong.append("qualified")  # "Santiago, Chile"
        if after is not None and after.norm == "in" and gap_after == " " and cand.last + 2 < len(tokens) \
                and tokens[cand.last + 2].capitalized:
            qualifier = self._name_at(cand.last + 2)
            if qualifier is not None and qualifier.admin_prominent:
                strong.append("qualified")  # "Lahore in Punjab", "Km 88 in Bolívar"
        if before is not None and cand.info.admin_prominent and text[before.end:first_tok.start] == ", " \
                and before.capitalized and any(c.last == cand.first - 1 for c in self.candidates):
            strong.append("qualifies the name before")  # "Athens, Ga."
        if after is not None and gap_after.strip() == "" and not after.all_caps and after.norm in PLURAL_KIND_CUES:
            strong.append(f"cue '{after.text}'")
        if first_tok.sentence_initial and "\n" not in gap_after and (
                gap_after.strip() in ("—", "–", "--") or (
                first_tok.all_caps and gap_after.strip() in (",", "-", "(", ":"))):
            strong.append("dateline")
        if before is not None and before.text.isupper() and len(before.text) <= 3 \
                and text[before.end:first_tok.start] == "-":
            strong.append("party-hometown")  # "D-Plymouth", "DFL-Cook"
        if strong:
            cand.add(STRONG_CONTEXT, " & ".join(strong))
        elif after is not None and not cand.in_institution_name:
            cand.attributive = self._attributive(cand, before, after, gap_after)
            if cand.attributive:
                cand.add(STRONG_CONTEXT, f"modifies '{after.text}'")
        elif weak:
            cand.add(WEAK_PREPOSITION, weak[0])
        if before is not None and before.norm == "the" and cand.first == cand.last \
                and cand.info.kinds & {"region", "water", "country", "admin1"}:
            cand.add(THE_REGION, "'the' + region")
        cand.strong = bool(strong)
        return cand.strong

    def _attributive(self, cand: _Candidate, before: _Token | None, after: _Token, gap_after: str) -> str | None:
        """How the name modifies a noun: "noun" for a place-typical noun ("Danbury police", "Murmansk's
        Governor"), "determiner" for any noun after a determiner ("a Gainesville restaurant"), else None."""
        if gap_after in ("'", "’") and after.norm == "s" and cand.last + 2 < len(self.tokens):
            owned = self.tokens[cand.last + 2]
            return "noun" if owned.norm in ROLE_WORDS or owned.norm in PUBLIC_INSTITUTIONS else None
        if gap_after != " " or self.tokens[cand.first].all_caps:
            return None
        if after.norm in ATTRIBUTIVE_NOUNS and (
                not after.capitalized or after.norm in PUBLIC_INSTITUTIONS or after.norm in ROLE_WORDS):
            return "noun"  # a place-typical noun: even NER's "person" Alexandria is a place in "Alexandria woman"
        determiner = cand.ner_label is None and (before is not None and before.norm in DETERMINERS and not after.capitalized and not after.digit
                and after.norm not in _stop_words() and after.norm not in _SPEECH_VERBS)
        return "determiner" if determiner else None

    def _capitalised_word_follows(self, index: int) -> bool:
        return index + 1 < len(self.tokens) and self.tokens[index + 1].capitalized \
            and _gap_allows_name(self.text, self.tokens[index], self.tokens[index + 1])

    def _single(self, cand: _Candidate) -> bool:
        """One word ("O'Connor" is one word; "Las Claritas" and "Winston-Salem" are two)."""
        return all(self.text[self.tokens[k].end:self.tokens[k + 1].start] in ("'", "’")
                   for k in range(cand.first, cand.last))

    def _ends_person_name(self, index: int) -> bool:
        """tokens[index] ends a person's name (a PERSON entity, or a capitalised pair without NER)."""
        if index < 1:
            return False
        if self.with_ner:
            return any(label == "PERSON" and last == index for _first, last, label in self.entities)
        return self.tokens[index].capitalized and self.tokens[index - 1].capitalized \
            and not self.tokens[index - 1].sentence_initial

    def _name_at(self, index: int) -> NameInfo | None:
        """The longest gazetteer name starting at tokens[index] ("Chile", "W. Va.")."""
        norms, best = [], None
        for j in range(index, min(len(self.tokens), index + 3)):
            if j > index and not _gap_allows_name(self.text, self.tokens[j - 1], self.tokens[j]):
                break
            norms.append(self.tokens[j].norm)
            best = self.known.get(" ".join(norms), best)
        return best

    def _gap_words(self, left: _Candidate, right: _Candidate) -> str:
        return self.text[self.tokens[left.last].end:self.tokens[right.first].start].strip(" ,")

    def _coordinated(self, left: _Candidate, right: _Candidate) -> bool:
        gap = self.text[self.tokens[left.last].end:self.tokens[right.first].start]
        return gap.strip(" ,") in ("and", "or", "") and 0 < len(gap) <= 6 and "\n" not in gap

    def _followed_by_period(self, cand: _Candidate) -> bool:
        last = self.tokens[cand.last]
        return self.text[last.end:last.end + 1] == "."

    def _propagate(self) -> None:
        """Support shared by coordinated names, then by all occurrences of one name.

        "in Oakport and Moorhead", "Paris and Roxton": names joined by "and", "or" or commas
        share the locative support of any of them. One sense per document: a name accepted with
        good support elsewhere supports its other occurrences.
        """
        group: list[_Candidate] = []
        for cand in self.candidates + [None]:
            if cand is not None and group and self._coordinated(group[-1], cand):
                group.append(cand)
                continue
            if len(group) > 1 and any(c.strong or c.attributive for c in group) and any(
                    self._gap_words(a, b) in ("and", "or") for a, b in zip(group, group[1:])):
                for member in group:
                    if not (member.strong or member.attributive) and not member.rejected:
                        member.rejudge("coordinated with a located name")
                        self._judge(member)
            group = [cand] if cand is not None else []
        supported = {c.key for c in self.candidates if not c.rejected and c.score >= ACCEPT_SCORE + 1
                     and (c.strong or c.found_by == "ner+gazetteer")}
        for cand in self.candidates:
            if not cand.rejected and 0 <= cand.score < ACCEPT_SCORE and cand.key in supported \
                    and cand.key not in self.person_parts:
                cand.add(ACCEPT_SCORE, "supported elsewhere")

    # -- entities the gazetteer does not know

    def unknown_place_entities(self, document: Document) -> list[Mention]:
        """GPE/LOC entities (and FAC with a facility word) that no gazetteer name covers."""
        covered = set()
        for cand in self.candidates:
            covered.update(range(cand.first, cand.last + 1))
        tokens, stop = self.tokens, _stop_words()
        person_words = {t.norm for first, last, label in self.entities if label == "PERSON" and last > first
                        for t in tokens[first:last + 1] if t.capitalized}
        mentions = []
        for first, last, label in self.entities:
            if label not in PLACE_ENTITY_LABELS:
                continue
            first, last = _trim_entity(self.text, tokens, first, last)
            if first > last or any(k in covered for k in range(first, last + 1)):
                continue
            words = tokens[first:last + 1]
            if not words[0].capitalized or (len(words) == 1 and (words[0].norm in stop or len(words[0].text) < 3)):
                continue
            if label == "FAC" and not any(t.norm in PUBLIC_INSTITUTIONS or t.norm in KIND_CUES_AFTER for t in words):
                continue
            if any(t.norm in person_words for t in words):
                continue  # "Efrain Betancourt" mislabelled a place, after "Angelica Betancourt"
            start, end = words[0].start, words[-1].end
            mentions.append(Mention(doc_id=document.doc_id, surface=self.text[start:end], start=start, end=end,
                                    label="place", found_by="ner"))
        return mentions


# ----------------------------------------------------------------------------- helpers


def _entity_token_spans(entities, tokens: list[_Token]) -> list[tuple[int, int, str]]:
    """NER entities as (first token, last token, label) over our tokens."""
    starts = [t.start for t in tokens]
    spans = []
    for start, end, label in entities:
        first = bisect.bisect_right(starts, start) - 1
        if first < 0 or tokens[first].end <= start:
            first += 1
        last = bisect.bisect_left(starts, end) - 1
        if 0 <= first <= last:
            spans.append((first, last, label))
    return spans


def _overlapping_entity(entity_spans, first: int, last: int):
    best = None
    for span in entity_spans:
        if span[0] <= last and span[1] >= first and (best is None or span[1] - span[0] > best[1] - best[0]):
            best = span
    return best


def _trim_entity(text: str, tokens: list[_Token], first: int, last: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive ("the United States", "Boone County's")."""
    if first < last and tokens[first].norm == "the":
        first += 1
    if first < last and tokens[last].norm == "s" and text[tokens[last - 1].end:tokens[last].start] in ("'", "’"):
        last -= 1
    return first, last


def _proper_chunk(text: str, tokens: list[_Token], first: int, last: int) -> tuple[int, int]:
    """The capitalised word group around tokens[first..last] (foreign name connectors allowed inside)."""
    stop = _stop_words()

    def joins(left: int, right: int) -> bool:
        return _gap_allows_name(text, tokens[left], tokens[right])

    def is_name_word(token: _Token) -> bool:
        return (token.capitalized and token.norm not in stop and token.norm not in MONTHS_AND_DAYS) or token.digit

    lo = first
    while lo > 0 and not tokens[lo].sentence_initial and joins(lo - 1, lo):
        prev = tokens[lo - 1]
        if is_name_word(prev) and not prev.digit:
            lo -= 1
        elif prev.norm in NAME_CONNECTORS and not prev.capitalized and lo >= 2 and joins(lo - 2, lo - 1) \
                and is_name_word(tokens[lo - 2]):
            lo -= 2
        else:
            break
    hi = last
    while hi + 1 < len(tokens) and joins(hi, hi + 1) and not tokens[hi + 1].sentence_initial:
        nxt = tokens[hi + 1]
        if is_name_word(nxt):
            hi += 1
        elif nxt.norm in NAME_CONNECTORS and not nxt.capitalized and hi + 2 < len(tokens) and joins(hi + 1, hi + 2) \
                and is_name_word(tokens[hi + 2]):
            hi += 2
        else:
            break
    return lo, hi
