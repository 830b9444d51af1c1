"""Incidents: which sentences report one, of what type, when, where, by whom, how deadly.

`extract_events` reads one document (with the place mentions the geoparser resolved);
`merge_events` joins the reports of one incident across documents. The vocabulary of event
types and their ACLED categories is `geomap.event_types`; date expressions are
`geomap.dates`.

How a sentence becomes incidents
--------------------------------
1. The text is cut into paragraphs (blank lines, or line breaks after a finished sentence;
   Markdown markup, links and URLs are blanked out without moving any character) and
   paragraphs into sentences (spaCy's rule-based sentencizer).
2. Sentences that contain a word that may be a trigger, or a date and a place, are parsed
   with the spaCy model (tagger, parser, lemmatizer, NER); only these, so the parser runs on a
   fraction of the text.
3. A token is a trigger when its lemma and part of speech are in the vocabulary and the
   trigger's requirement holds ("open fire", "sent troops", "seized 300 girls"). Its type
   can change with context: an attack with an aircraft in the sentence is an air/drone strike,
   a raid by soldiers is a security operation, an attack by protesters is a riot, a strike by
   workers is a protest.
4. A trigger is dropped when the sentence is a question; when it is negated ("never
   arrested", "without formal charges", "not due to a riot"); when it is hypothetical (a modal
   verb, "if", an infinitive under "plan", "threaten", "order", or a noun under "risk of",
   "reward for information leading to"); when it is about the future (a date after
   publication); when a noun trigger is generic (a bare noun with no determiner, number, date,
   place or relative clause: "diversified into contract killing and kidnapping"); when it is
   commentary (a noun that is the subject of "be", "mark", "represent", "highlight", ...:
   "The killing of Guerrero is a dramatic escalation"); and when a present-tense verb outside a
   headline has no date (habitual: "the gang kidnaps migrants").
5. Triggers of one sentence are grouped by type; a higher-priority type absorbs the ones it
   lists (`EventType.absorbs`): "a drone strike killed five" is one air/drone strike.

When
----
The date expression nearest the trigger in the dependency tree (a trigger inside a "when"
clause of a date takes that date as a point: "since 2021, when bandits seized..." is 2021).
Without one, the incident inherits the date (and, if it names none, the places) of the dated
episode it continues: the last dated incident, or dated sentence naming places, in the same
or the previous paragraph; an inheriting sentence extends the episode. Otherwise: a headline
or a present-progressive report ("the army is deploying") is dated to the publication week;
anything else gets precision ``unknown`` with ``date_end`` = the publication date (it
happened no later than its report) and ``date``/``date_start`` null.

Where
-----
Candidates are the resolved, non-demonym mentions in the sentence, except names used as an
actor (a subject, "by X", "with X", "against X": "Caracas said", "coordinated with Caracas"),
as a modifier of a non-place noun ("US officials", "Mexico's president") or inside a person
or organisation name. Names reached from the trigger through its own clause (down through
prepositions, objects and appositions, never down into another verb's clause) rank first,
then nearer ones; "to X" counts only for movements (deployed to, deported to). A candidate
that contains another candidate gives way to it (Kuriga, not Kaduna state). Names
coordinated with the chosen one ("in the Caribbean and eastern Pacific") make one event per
place, sharing an id prefix (``<id>-1``, ``<id>-2``). With no candidate: the episode's places,
else the places of the rest of the paragraph (geo_precision at least 2), else the document's
main place (geo_precision 3): the country with most mentions (mentions attached to
incidents count three times; demonyms only supply the country's entry), or its first-level
division when that has most of the country's mentions.

Who and how many
----------------
Actors are spaCy's PERSON, ORG and NORP entities in the sentence (not place names). The
parser pipeline is loaded here (`load_parser`): the geoparser's NER-only pipeline does not
parse. Fatalities are a number stated for the victims of "kill", "die", "dead", "death"
("at least 210 fishermen have been killed" -> 210; "leaving two soldiers dead" -> 2), or 1
for a single named person or "a man" killed; otherwise null.

Merging
-------
`merge_events` joins events of the same type whose date windows overlap (an undated one only
when they share an actor) and whose places are the same or nested (country/admin-1 codes;
`Gazetteer.contains` for regions and seas when a gazetteer is given). The merged event has
the finest place, the narrowest date, all actors, the largest fatality count, one source per
document, and confidence 1 - prod(1 - c) over its documents. Event ids are hashes of
document id, sentence offset and type, so they are stable across runs; a merged event keeps
the smallest of its members' ids.
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Sequence

from geomap.dates import DateMention, DateWindow, find_dates, since_window, unknown_window, week_window
from geomap.event_types import (
    AIRCRAFT_WORDS, EVALUATIVE_VERBS, EVENT_MODIFIERS, EVENT_TYPES, FORCE_NOUNS, IMPLICATIVE_VERBS,
    IRREALIS_GOVERNORS, LABOUR_STRIKE_WORDS, MISSILE_WORDS, PERSON_NOUNS, PROTESTER_NOUNS, SUPPORT_VERBS,
    TERRITORY_NOUNS, TRIGGERS, Trigger,
)
from geomap.errors import SpacyModelMissing
from geomap.models import Document, Event, Mention, Place, ResolvedMention, Source

log = logging.getLogger(__name__)

KIND_FINENESS = {"country": 0, "region": 1, "water": 1, "admin1": 2, "admin2": 3, "locality": 4, "site": 5}
CIVIC_TYPES = frozenset({"election", "protest", "riot"})
DEICTIC_KINDS = {
    "area": ("region", "water", "admin1", "admin2", "locality", "site"), "region": ("region", "admin1", "admin2"),
    "town": ("locality",), "city": ("locality",), "village": ("locality",), "state": ("admin1",),
    "province": ("admin1",), "district": ("admin2", "locality"), "prison": ("site",), "jail": ("site",),
    "facility": ("site",),
}
KIND_GEO_PRECISION = {"locality": 1, "site": 1, "admin2": 2, "admin1": 3, "country": 3, "region": 3, "water": 3}
INCIDENT_PLACE_WEIGHT = 3
NAMED_ONLY_WEIGHT = 0.1  # a place named as an actor or modifier ("US officials") says little about where
MAX_CONFIDENCE = 0.99

MODALS = frozenset("would could might may should must will shall can wo ca 'd 'll".split())
NEGATORS = frozenset("not never no n't without".split())
CLAUSAL_DEPS = frozenset("ccomp advcl relcl acl xcomp csubj csubjpass parataxis conj".split())
NOMINAL_PATH_DEPS = frozenset("prep pobj dobj compound nmod amod appos poss npadvmod attr oprd dative agent pcomp".split())
LOCATIVE_PREPOSITIONS = frozenset(
    "in at near outside inside into around across over throughout within along off on onto upon between "
    "among amid beyond through via behind under from".split()
)
DESTINATION_PREPOSITIONS = frozenset("to toward towards".split())
ACTOR_PREPOSITIONS = frozenset("with against by for".split())
PLACE_HEAD_NOUNS = frozenset(
    "city town village state region province district area territory county parish municipality capital "
    "border borders coast outskirts suburb suburbs neighborhood neighbourhood prison jail court courthouse "
    "base camp mine mines port airport river sea island islands zone street road highway forest jungle "
    "countryside north south east west part parts center centre heart".split()
)
# Nouns whose "of X" is a place: "the city of X", "control of X", "the bombing of X".
OF_PLACE_HEADS = PLACE_HEAD_NOUNS | frozenset(
    "control outskirts siege invasion occupation capture liberation evacuation blockade bombing bombardment "
    "shelling raid storming takeover annexation".split())
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
DEATH_WORDS = frozenset("kill die dead death murder execute slay behead massacre".split())
SINGLE_DETERMINERS = frozenset("a an one".split())
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
DOCUMENT_VERBS = frozenset("say state allege claim note describe detail list contain include accuse cite".split())
ALLEGATION_HEADS = frozenset("charge accuse convict suspect indict arrest sentence prosecute investigate jail detain "
                             "acquit try".split())
TEMPORAL_MARKERS = frozenset("since after before following until once".split())
RECENT_DAYS = 31
EPISODE_SENTENCES = 3
DEFINITE_DETERMINERS = frozenset("the this that these those".split())

_TRIGGER_INDEX: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
# Triggers with a requirement are tried first, exclusions ("shoot" unless "dead") after requirements.
for _trigger in sorted(TRIGGERS, key=lambda t: (t.needs is None, (t.needs or "").startswith("unless:"))):
    _TRIGGER_INDEX[(_trigger.lemma, _trigger.pos)].append(_trigger)

MOVEMENT_LEMMAS = frozenset(t.lemma for t in TRIGGERS if EVENT_TYPES[t.event_type].movement)
_IRREGULAR_FORMS = "shot fought struck took taken held sent broke broken swept froze seized fled led dead hostage"


def _stem(lemma: str) -> str:
    return lemma[:-1] if lemma.endswith(("e", "y")) and len(lemma) > 3 else lemma


_TRIGGER_PREFILTER = re.compile(
    r"\b(?:" + "|".join(sorted({re.escape(_stem(t.lemma)) for t in TRIGGERS} | set(_IRREGULAR_FORMS.split()),
                                key=len, reverse=True)) + r")",
    re.IGNORECASE,
)
_AIRCRAFT_PHRASE = re.compile(r"\b(?:from the air|air (?:strike|raid|force|attack|campaign)s?)\b", re.I)
_MARKUP = re.compile(
    r"https?://\S+"  # URLs
    r"|\]\([^)\s]*\)"  # the target of a Markdown link: [text](target)
    r"|(?<![\w\]])\[(?=[^\]\n]+\]\()"  # the opening bracket of a link
    r"|\*\*|__|(?<=\s)\*(?=\S)|(?<=\S)\*(?=[\s.,;:!?])|^\*(?=\S)"  # emphasis
    r"|\\(?=[$*_#\[\]()])"  # Markdown escapes: \$
    r"|^[ \t]*(?:#{1,6}|>|[-*+•]|\d+[.)])[ \t]+",  # headings, quotes, list bullets
    re.MULTILINE,
)
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")


# -- loading the parser


@lru_cache(maxsize=2)
def load_parser(name: str | None = None):
    """The spaCy pipeline events need: tagger, parser, lemmatizer and NER (cached per name).

    Parameters
    ----------
    name : str, optional
        Installed spaCy model; default as `geomap.nlp.model_name` (``$GEOMAP_SPACY_MODEL`` or the
        shipped small English model).

    Raises
    ------
    SpacyModelMissing
        The model is not installed or cannot parse.
    """
    import spacy

    from geomap.nlp import model_name

    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise SpacyModelMissing(
            f"spaCy model {name!r} is not installed. Install it with `pip install {name.replace('_', '-')}`."
        ) from exc
    missing = {"parser", "lemmatizer", "ner"} - set(nlp.pipe_names)
    if missing:
        raise SpacyModelMissing(f"spaCy model {name!r} lacks {', '.join(sorted(missing))}; incident extraction needs them.")
    return nlp


@lru_cache(maxsize=1)
def _sentencizer():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


# -- text layout


@dataclass(frozen=True, slots=True)
class _Paragraph:
    index: int
    start: int
    end: int
    heading: bool


@dataclass
class _Sentence:
    doc_id: str
    index: int
    paragraph: _Paragraph
    start: int
    end: int
    text: str  # the cleaned text of document[start:end]; same length
    headline: bool
    dates: list[DateMention]
    mentions: list[ResolvedMention]
    doc: object = None  # the parsed spaCy Doc, when parsed

    @property
    def quote(self) -> str:
        return " ".join(self.text.split())


def clean_text(text: str) -> str:
    """``text`` with Markdown markup, link targets and URLs replaced by spaces (same length)."""
    return _MARKUP.sub(lambda m: " " * (m.end() - m.start()), text)


def _paragraphs(clean: str) -> list[_Paragraph]:
    """Paragraph spans: a line break ends a paragraph unless the line is unfinished and the next starts lower-case."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", clean)]
    spans: list[list[int]] = []
    for start, end in lines:
        if spans:
            previous = clean[spans[-1][0]:spans[-1][1]]
            following = clean[start:end].lstrip()
            if not _TERMINAL.search(previous) and following[:1].islower():
                spans[-1][1] = end
                continue
        spans.append([start, end])
    paragraphs = []
    for index, (start, end) in enumerate(spans):
        body = clean[start:end].strip()
        heading = not _TERMINAL.search(body) and len(body.split()) <= 16
        paragraphs.append(_Paragraph(index, start, end, heading))
    return paragraphs


def _sentences(document: Document, clean: str, resolved: Sequence[ResolvedMention]) -> list[_Sentence]:
    sentencizer = _sentencizer()
    paragraphs = _paragraphs(clean)
    title = " ".join((document.title or "").split()).casefold()
    sentences: list[_Sentence] = []
    for paragraph in paragraphs:
        chunk = clean[paragraph.start:paragraph.end]
        for sent in sentencizer(chunk).sents:
            text = sent.text.strip()
            if len(text) < 8 or not any(ch.isalpha() for ch in text):
                continue
            start = paragraph.start + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            end = start + len(text)
            # The first line is a headline when it is a heading or the title; a document without a
            # title may open with a short headline sentence ("Avoyelles task force arrests 14.").
            headline = not sentences and (paragraph.heading or " ".join(text.split()).casefold() == title
                                          or (not title and len(text.split()) <= 16))
            mentions = [rm for rm in resolved if start <= rm.mention.start and rm.mention.end <= end]
            sentences.append(_Sentence(document.doc_id, len(sentences), paragraph, start, end, clean[start:end], headline,
                                       find_dates(clean[start:end], document.published), mentions))
    return sentences


# -- syntax helpers


def _children_words(token) -> set[str]:
    """Lower-cased words and lemmas of the children, and of the children of child prepositions."""
    words: set[str] = set()
    if token.pos_ == "NOUN":  # "shooting death" whichever way the parser attaches it
        words.update((token.head.lower_, token.head.lemma_.lower()))
    for child in token.children:
        words.update((child.lower_, child.lemma_.lower()))
        if child.dep_ in ("prep", "dobj", "advmod", "prt", "npadvmod", "oprd", "acomp", "ccomp", "xcomp", "attr",
                          "compound", "amod", "dep"):
            for grandchild in child.children:
                words.update((grandchild.lower_, grandchild.lemma_.lower()))
    return words


def _object(token):
    """The direct object, or the subject of a passive."""
    for deps in (("dobj", "nsubjpass"), ("dative",)):
        for child in token.children:
            if child.dep_ in deps:
                return child
    return None


def _subject(token):
    """The subject of a verb (looking through xcomp/conj/acl heads), or the noun an acl modifies."""
    current = token
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and current == token):
                return child
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head
        if current.dep_ in ("xcomp", "conj", "advcl") and current.head != current:
            current = current.head
            continue
        break
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ in ("compound", "poss", "amod") and child.lemma_.lower() in FORCE_NOUNS | PROTESTER_NOUNS:
                return child
    return None


def _noun_words(token) -> set[str]:
    if token is None:
        return set()
    words = {token.lower_, token.lemma_.lower()}
    for child in token.children:
        if child.dep_ in ("compound", "amod", "conj"):
            words.update((child.lower_, child.lemma_.lower()))
        elif child.dep_ == "prep" and child.lower_ == "of":  # "thousands of protesters"
            words.update(w for g in child.children if g.dep_ == "pobj" for w in (g.lower_, g.lemma_.lower()))
    return words


def _is_passive(token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in token.children)


def _following_words(token, window: int = 6) -> set[str]:
    """Words right after a token up to punctuation: parsers often misattach "took 100 guards hostage"."""
    words: set[str] = set()
    for other in token.doc[token.i + 1: token.i + 1 + window]:
        if other.is_punct:
            break
        words.update((other.lower_, other.lemma_.lower()))
    return words


def _needs_met(trigger: Trigger, token, place_tokens: set[int], headline: bool) -> bool:
    needs = trigger.needs
    if needs is None:
        return True
    if headline and token.dep_ == "ROOT" and token.pos_ == "NOUN":
        return True  # headlines drop verbs' inflection: "US sanctions gang leaders" parses as a noun
    if needs.startswith("particle:"):
        words = _children_words(token) | _following_words(token)
        return all(words & set(group.split("|")) for group in needs.split(":", 1)[1].split("&"))
    if needs.startswith("unless:"):
        linked = {c.lemma_.lower() for c in token.children} | {token.head.lemma_.lower()}
        return not linked & set(needs.split(":", 1)[1].split("|"))
    if needs == "plural_subject":
        subject = _subject(token)
        return subject is not None and (subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children))
    if needs.startswith("force_subject"):
        nouns = PROTESTER_NOUNS if needs.endswith(":protester") else FORCE_NOUNS
        return bool(_noun_words(_subject(token)) & nouns)
    if needs == "force_object":
        return bool(_noun_words(_object(token)) & FORCE_NOUNS)
    if needs == "person_object":
        obj = _object(token)
        return obj is not None and (bool(_noun_words(obj) & PERSON_NOUNS) or obj.ent_type_ == "PERSON")
    if needs == "place_object":
        obj = _object(token)
        if obj is not None and (obj.i in place_tokens or obj.lemma_.lower() in TERRITORY_NOUNS):
            return True
        return any(c.dep_ == "prep" and c.lower_ in ("into", "through") for c in token.children)
    if needs == "intransitive":
        return not any(c.dep_ in ("dobj", "ccomp") for c in token.children)
    if needs == "with":  # "was charged", "a woman charged in ...", "charged X with": not "charged a fee"
        return _is_passive(token) or token.tag_ == "VBN" or any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
    if needs == "support":
        head = token.head
        if token.dep_ in ("dobj", "nsubjpass", "pobj") and head.lemma_.lower() in SUPPORT_VERBS:
            return True
        return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in EVENT_MODIFIERS for c in token.children)
    raise AssertionError(needs)


def _adjust_type(event_type: str, token, sentence_words: set[str], sentence_text: str) -> str | None:
    """The type a trigger has in its context (None: not an incident here)."""
    lemma = token.lemma_.lower()
    subject_words = _noun_words(_subject(token))
    if lemma == "strike" and token.pos_ == "NOUN":
        context = _noun_words(token) | {c.lemma_.lower() for c in token.head.children} | {token.head.lemma_.lower()}
        if context & LABOUR_STRIKE_WORDS or (token.head.lower_ == "on" and token.dep_ == "pobj"):
            return "protest"
    if event_type in ("attack", "armed_clash", "riot") and subject_words & PROTESTER_NOUNS:
        return "riot"
    if lemma in ("storm", "raid", "sweep") or (event_type == "security_operation" and lemma in ("take", "seize", "regain")):
        subject = _subject(token)
        state_modifier = token.pos_ == "NOUN" and any(
            c.dep_ in ("compound", "amod", "nmod", "poss") and (c.ent_type_ in ("GPE", "NORP") or c.lemma_.lower() in FORCE_NOUNS)
            for c in token.children)
        if subject_words & FORCE_NOUNS or state_modifier or (subject is not None and subject.ent_type_ in ("GPE", "NORP")):
            return "security_operation"
        if event_type == "security_operation" and subject_words and lemma in ("take", "seize"):
            return None  # a gang "seizing control" of something: not an incident type we keep
        if lemma == "sweep":
            return "security_operation"
    if event_type in ("attack", "bombing", "air_strike", "killing") and lemma in (
            "attack", "strike", "bomb", "bombing", "fire", "open", "raid", "assault", "bombard", "bombardment"):
        if _noun_words(token) & MISSILE_WORDS:
            return "shelling"
        if sentence_words & AIRCRAFT_WORDS or _AIRCRAFT_PHRASE.search(sentence_text) or _noun_words(token) & {"air", "drone"}:
            return "air_strike"
    return event_type


def _clause_verb(token):
    """The verb heading the clause a token belongs to."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") and (current.dep_ in CLAUSAL_DEPS or current.dep_ == "ROOT"):
            return current
        if current.head == current:
            return current
        current = current.head
    return current


def _has_modal_or_negation(token) -> tuple[bool, bool]:
    modal = negated = False
    for child in token.children:
        word = child.lower_
        if child.dep_ == "neg" or word in ("never",) or (child.dep_ == "det" and word == "no"):
            negated = True
        if child.dep_ == "aux" and (word in MODALS or child.lemma_.lower() in MODALS):
            modal = True
        if child.dep_ == "mark" and word in ("if", "unless", "whether"):
            modal = True
    return modal, negated


def _factuality(token, event_type: str) -> str | None:
    """Why this trigger does not report an incident ("negated", "hypothetical", "state"), or None."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    current = token
    for _ in range(10):
        modal, negated = _has_modal_or_negation(current)
        if negated:
            return "negated"
        if modal:
            return "hypothetical"
        head = current.head
        if head == current:
            break
        head_lemma = head.lemma_.lower()
        if current.dep_ == "pobj" and head.lower_ == "without":
            return "negated"
        if current == token and current.dep_ == "pobj" and head.lower_ == "under":
            return "state"  # "under arrest", "under indictment"
        if (token.pos_ == "NOUN" and current.dep_ == "pobj" and head.lower_ in ("with", "of", "for", "on")
                and head.head.lemma_.lower() in ALLEGATION_HEADS | {"charge"}):
            return "allegation"  # "charged with aggravated arson", "arrested on charges of murder"
        if current != token:
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if head_lemma in ("warn", "warning") and current.lower_ not in ("of", "against") and current.dep_ != "xcomp":
            pass  # a warning's content may be fact ("issued a warning: the army is deploying ..."); "warn of X" is not
        elif head_lemma in IRREALIS_GOVERNORS and not (infinitive and head_lemma in IMPLICATIVE_VERBS):
            if infinitive or current.dep_ in NOMINAL_PATH_DEPS or current.dep_ in ("acl", "nsubjpass", "acomp"):
                return "hypothetical"
        if infinitive and head.pos_ in ("VERB", "AUX"):
            # "managed to escape" happened; "dispatched soldiers to sweep into", "blocked roads to
            # protest" state a mission that is the incident, and so does an act against a named person
            # ("disguised as police officers to abduct Ronald Ojeda"); other purposes ("operating to
            # execute Venezuelans") may not have happened.
            named_target = any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in current.children)
            if not (head_lemma in IMPLICATIVE_VERBS or head_lemma in MOVEMENT_LEMMAS or event_type == "protest"
                    or named_target):
                return "hypothetical"
        if current == token or current.dep_ in NOMINAL_PATH_DEPS or current.dep_ in ("xcomp", "acl", "pcomp", "acomp"):
            current = head
            continue
        break
    return None


def _commentary(token) -> bool:
    """A noun trigger that is the subject of an evaluation: "The killing is an escalation"."""
    if token.pos_ != "NOUN":
        return False
    noun = token
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "csubj"):
        return False
    verb = noun.head
    return verb.lemma_.lower() in EVALUATIVE_VERBS | DOCUMENT_VERBS and not _is_passive(verb)


def _anchored(token, date_tokens: set[int], headline: bool) -> bool:
    """Whether a noun trigger names a specific incident rather than a kind of act."""
    if token.pos_ != "NOUN":
        return True
    if token.dep_ == "compound":
        return False  # "arrest warrant", "kidnapping charges"
    if headline:
        return True  # headlines drop articles: "Venezuelans back claim in referendum"
    for child in token.children:
        if child.dep_ in ("det", "poss", "nummod", "relcl", "acl") and child.lower_ != "no":
            return True
        if child.dep_ in ("compound", "amod") and (child.pos_ in ("PROPN", "NUM") or child.i in date_tokens
                                                     or child.lemma_.lower() in EVENT_MODIFIERS):
            return True
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    if token.dep_ == "dobj" and token.head.lemma_.lower() in SUPPORT_VERBS:
        return True
    if {t.i for t in token.subtree} & date_tokens:
        return True
    clause = _clause_verb(token)
    while True:  # coordinated verbs share their adjuncts: "In 2019, X resigned and fled after disputed elections"
        if set(_clause_tokens(clause)) & date_tokens:
            return True
        if clause.dep_ != "conj" or clause.head == clause:
            return False
        clause = clause.head


def _clause_tokens(verb) -> list[int]:
    """Token indices of a verb's clause, not entering subordinate or coordinated clauses."""
    out = [verb.i]
    stack = [c for c in verb.children if c.dep_ not in CLAUSAL_DEPS]
    while stack:
        tok = stack.pop()
        out.append(tok.i)
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSAL_DEPS or c.pos_ not in ("VERB", "AUX"))
    return out


def _path(a, b) -> tuple[list, list] | None:
    """The dependency path from token a up to the common ancestor and down to token b."""
    up = [a]
    while up[-1].head != up[-1]:
        up.append(up[-1].head)
    index = {t.i: n for n, t in enumerate(up)}
    down = [b]
    while down[-1].i not in index:
        if down[-1].head == down[-1]:
            return None
        down.append(down[-1].head)
    common = index[down[-1].i]
    return up[: common + 1], list(reversed(down))


def _distance(a, b) -> int:
    path = _path(a, b)
    if path is None:
        return 99
    up, down = path
    return len(up) + len(down) - 2


def _tense(token) -> str:
    """past, perfect, progressive, present or none (for nouns without a verb)."""
    verb = token if token.pos_ in ("VERB", "AUX") else _clause_verb(token)
    if verb.pos_ not in ("VERB", "AUX"):
        return "none"
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {c.lower_ for c in aux}
    aux_tags = {c.tag_ for c in aux}
    if aux_words & {"has", "have", "'ve", "'s"} and any(c.lemma_ == "have" for c in aux):
        return "perfect"
    if aux_words & {"had", "was", "were", "did"}:
        return "past"
    if aux_words & {"is", "are", "am", "'re"}:
        return "progressive" if verb.tag_ == "VBG" else "present"
    if verb.tag_ == "VBD" or "VBD" in aux_tags:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return "none"


def _number(token) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)


def _victim_count(noun) -> int | None:
    if noun.pos_ == "NUM":
        return _number(noun)  # "kills five"
    for child in noun.children:
        if child.dep_ == "nummod":
            value = _number(child)
            if value is not None:
                return value
    if noun.lower_ in ("dozens", "hundreds", "thousands", "scores", "many", "several", "some"):
        return None
    if noun.ent_type_ == "PERSON":
        return 1
    if noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in SINGLE_DETERMINERS for c in noun.children):
        return 1
    return None


def _fatalities(doc, skip: set[int]) -> dict[int, int]:
    """Token index of each death word -> the number of dead it states."""
    found: dict[int, int] = {}
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma not in DEATH_WORDS or token.i in skip:
            continue
        victim = None
        if lemma == "dead" and token.pos_ == "ADJ":
            if token.dep_ == "amod":
                victim = token.head
            else:
                victim = _object(token.head) or next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        elif lemma == "death" and token.pos_ == "NOUN":
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            victim = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        elif lemma == "die":
            victim = next((c for c in token.children if c.dep_ == "nsubj"), None)
        elif token.pos_ == "VERB":
            victim = next((c for c in token.children if c.dep_ == "nsubjpass"), None) or next(
                (c for c in token.children if c.dep_ == "dobj"), None)
            if token.dep_ == "relcl" and (victim is None or victim.lower_ in ("who", "that", "which")):
                victim = token.head  # "a 16-year-old who was killed"
        if victim is None:
            continue
        count = _victim_count(victim)
        if count is not None:
            found[token.i] = count
    return found


def _actors(doc, place_chars: list[tuple[int, int]]) -> tuple[str, ...]:
    actors: list[str] = []
    seen: set[str] = set()
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        if any(ent.start_char < end and start < ent.end_char for start, end in place_chars):
            if ent.label_ != "NORP":
                continue
        name = re.sub(r"^(?:the|The)\s+|['’]s$", "", " ".join(ent.text.split())).strip(" ,.;:\"“”'’-—")
        if len(name) < 2 or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        actors.append(name)
    return tuple(actors)


# -- place helpers


def contains(outer: Place, inner: Place, gazetteer=None) -> bool:
    """Whether ``inner`` lies inside ``outer`` (strictly: a place does not contain itself).

    Countries contain what has their country code, first-level divisions what has their
    admin-1 code; other areas (regions, seas, admin-2) only by geometry, when a gazetteer is given.
    """
    if outer.place_id == inner.place_id or KIND_FINENESS[inner.kind] < KIND_FINENESS[outer.kind]:
        return False
    if outer.kind == "country" and outer.country_code:
        return inner.country_code == outer.country_code and inner.kind != "country"
    if outer.kind == "admin1" and outer.admin1_code:
        return inner.admin1_code == outer.admin1_code and KIND_FINENESS[inner.kind] > KIND_FINENESS["admin1"]
    if gazetteer is not None and outer.kind in ("region", "water", "admin2") and inner.kind != outer.kind:
        try:
            return bool(gazetteer.contains(outer.place_id, inner.lat, inner.lon))
        except KeyError:
            return False
    return False


def _same_or_nested(a: Place, b: Place, gazetteer=None) -> bool:
    return a.place_id == b.place_id or contains(a, b, gazetteer) or contains(b, a, gazetteer)


def _geo_precision(rm: ResolvedMention | None, place: Place) -> int:
    if rm is not None and rm.geo_precision:
        return rm.geo_precision
    return KIND_GEO_PRECISION[place.kind]


@dataclass(frozen=True, slots=True)
class _Located:
    place: Place
    geo_precision: int


@dataclass
class _Candidate:
    rm: ResolvedMention
    head: object  # spaCy token
    rank: int
    distance: int


def _mention_head(doc, rm: ResolvedMention, offset: int):
    span = doc.char_span(rm.mention.start - offset, rm.mention.end - offset, alignment_mode="expand")
    return span.root if span is not None else None


@dataclass
class _Context:
    """What a document says about places beyond one sentence: its main country and capital, and
    the places named so far (for "the capital", "the country", "the area")."""

    country: Place | None = None
    capital: Place | None = None
    recent_incidents: list[Place] = field(default_factory=list)
    recent: list[Place] = field(default_factory=list)

    def deictic(self, noun: str) -> Place | None:
        if noun == "capital":
            return self.capital
        if noun in ("country", "nation"):
            return self.country
        kinds = DEICTIC_KINDS.get(noun)
        if kinds is None:
            return None
        for places in (self.recent_incidents, self.recent):  # the incident's area before any place named
            found = next((p for p in reversed(places) if p.kind in kinds), None)
            if found is not None:
                return found
        return None


def _subject_tokens(anchor) -> set[int]:
    clause = anchor if anchor.pos_ in ("VERB", "AUX") else _clause_verb(anchor)
    return {t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}


def _reachable(anchor, role, movement: bool) -> tuple[int, int] | None:
    """(rank, distance) of a place attached at ``role`` for a trigger, None when it belongs to another clause."""
    path = _path(anchor, role)
    if path is None:
        return None
    up, down = path
    victim_clause = False
    for token in down[1:-1]:
        if token.pos_ not in ("VERB", "AUX") or victim_clause:
            continue
        if token.dep_ == "conj":
            continue  # "stormed a studio in X and took staff hostage"
        if movement and token.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            continue  # the mission of a deployment: "deployed to search the forest around X"
        if token.dep_ == "relcl" and token.head.dep_ in ("dobj", "nsubjpass", "appos") and token.head.head == anchor:
            victim_clause = True  # where the victim was found: "kidnapping X, whose body was found in Y"
            continue
        return None  # "bringing them to the US", "on creating a new state in X"
    rank = 1 if victim_clause or any(t.dep_ in CLAUSAL_DEPS and t.dep_ != "conj" for t in up[:-1]) else 0
    return rank, len(up) + len(down) - 2


def _place_candidates(sentence: _Sentence, anchors: list, event_type: str | None, context: _Context) -> list[_Candidate]:
    """Mentions of the sentence usable as the incident's place, ranked for the anchor tokens."""
    doc = sentence.doc
    movement = event_type is not None and EVENT_TYPES[event_type].movement
    entities = [e for e in doc.ents if e.label_ in ("PERSON", "ORG")]
    place_heads = {}
    for rm in sentence.mentions:
        head = _mention_head(doc, rm, sentence.start) if rm.place is not None else None
        if head is not None:
            place_heads[head.i] = rm
    subjects = set().union(*(_subject_tokens(a) for a in anchors)) if anchors else set()
    out: list[_Candidate] = []
    for head_i, rm in place_heads.items():
        head = doc[head_i]
        if rm.mention.label == "demonym":
            # "Venezuelans voted", "Bolivian students protested": the people's country, if nothing better.
            noun = head if head.dep_ not in ("amod", "compound") or event_type not in CIVIC_TYPES else head.head
            if noun.dep_ == "nsubj" and any(noun.head == a or noun.head == _clause_verb(a) for a in anchors):
                out.append(_Candidate(rm, head, 2, 1))
            continue
        start, end = rm.mention.start - sentence.start, rm.mention.end - sentence.start
        if any(e.start_char <= start and end <= e.end_char and (e.end_char - e.start_char) > (end - start)
               and e.text.split()[-1].lower() not in PLACE_HEAD_NOUNS for e in entities):
            continue  # inside "Tren de Aragua", "Central University of Venezuela"
        role = _place_role(head, movement, set(place_heads))
        if role is None:
            continue
        if head.i in subjects and any(t.lower_ == "of" for t in head.ancestors if t.i in subjects):
            continue  # where the actor is from: "the suspect, of ... Chicago, was arrested at the scene"
        best = min((r for r in (_reachable(a, role, movement) for a in anchors) if r is not None), default=None)
        if best is not None:
            out.append(_Candidate(rm, head, *best))
    for token in doc:
        noun = token.lower_
        if noun not in DEICTIC_KINDS and noun not in ("capital", "country", "nation"):
            continue
        if not any(c.dep_ in ("det", "poss") for c in token.children) or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in token.children) or token.i in place_heads:
            continue
        place = context.deictic(noun)
        role = _place_role(token, movement, set(place_heads)) if place is not None else None
        best = min((r for r in (_reachable(a, role, movement) for a in anchors) if r is not None), default=None) if role is not None else None
        if best is not None:
            mention = Mention(sentence.doc_id, token.text, sentence.start + token.idx, sentence.start + token.idx + len(token))
            out.append(_Candidate(ResolvedMention(mention, place, 0.5), token, *best))
    return out


def _locative_of(preposition) -> bool:
    """Whether "of X" names a place: after a place or control noun, also when attached to the verb ("taking control of X")."""
    head = preposition.head
    return head.lemma_.lower() in OF_PLACE_HEADS or (
        head.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" and c.lemma_.lower() in OF_PLACE_HEADS for c in head.children))


def _place_role(head, movement: bool, place_heads: set[int] = frozenset()):
    """The token that attaches a place name to its sentence as a location, or None.

    A location is the object of a locative preposition ("in X", "near X"; "to X" only for
    movements) or of a verb ("invaded X", "claimed X"), possibly through a place noun ("X state",
    "the city of X", "a New York court") or a list. Names used as actors ("X said", "with X",
    "by X") or as modifiers of other nouns ("US officials", "Mexico's president") are not.
    """
    token = head
    for _ in range(8):
        if token.dep_ == "pobj" and token.head.lower_ == "of" and _locative_of(token.head):
            token = token.head.head  # "the city of Pacaraima", "took control of X prison", "the siege of X"
        elif token.dep_ == "appos":
            if token.head.ent_type_ in ("PERSON", "ORG", "NORP") and token.head.i not in place_heads:
                return None  # "CNN (United States, en)"
            token = token.head
        elif token.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod", "dep"):
            parent = token.head
            if parent.lemma_.lower() not in PLACE_HEAD_NOUNS and parent.i not in place_heads:
                return None  # "US officials", "Mexico's president", "US military strikes"
            token = parent
        elif token.dep_ == "conj":
            token = token.head
        else:
            break
    if token.dep_ == "pobj":
        preposition = token.head.lower_
        if preposition in ACTOR_PREPOSITIONS or preposition == "of":
            return None
        if preposition in DESTINATION_PREPOSITIONS and not movement:
            return None
        return token
    if token.dep_ in ("dobj", "ROOT", "attr", "oprd"):
        return token
    return None


def _choose_places(sentence: _Sentence, anchors: list, event_type: str | None, context: _Context,
                   gazetteer=None) -> list[_Located]:
    candidates = _place_candidates(sentence, anchors, event_type, context)
    if not candidates:
        return []
    candidates.sort(key=lambda c: (c.rank, c.distance, -KIND_FINENESS[c.rm.place.kind], c.rm.mention.start))
    best = candidates[0]
    for _ in range(len(candidates)):
        finer = [c for c in candidates if c.rank <= best.rank and contains(best.rm.place, c.rm.place, gazetteer)]
        if not finer:
            break
        best = min(finer, key=lambda c: (-KIND_FINENESS[c.rm.place.kind], c.distance, c.rm.mention.start))
    chosen = [best]
    for other in candidates:
        if other.rm.place.place_id in {c.rm.place.place_id for c in chosen}:
            continue
        if other.rank <= 1 and _coordinated(best.head, other.head) and not any(
                _same_or_nested(other.rm.place, c.rm.place, gazetteer) for c in chosen):
            chosen.append(other)
    chosen.sort(key=lambda c: c.rm.mention.start)
    return [_Located(c.rm.place, _geo_precision(c.rm, c.rm.place)) for c in chosen]


def _coordinated(a, b) -> bool:
    """Place names in one list: "in Mombasa, Kisumu and Nakuru", "in X and at Y"."""
    def chain(token):
        members = {token.i}
        root = token
        while root.dep_ == "conj":
            root = root.head
            members.add(root.i)
        stack = [root]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.dep_ in ("conj", "appos") and child.i not in members:
                    members.add(child.i)
                    stack.append(child)
        return members

    if b.i in chain(a):
        return True
    for x, y in ((a, b), (b, a)):  # "the Caribbean and eastern Pacific" parsed as modifiers of "Pacific"
        if x.head == y and x.dep_ in ("amod", "compound") and any(c.dep_ == "conj" for c in x.children):
            return True
    pa, pb = a.head, b.head
    return (a.dep_ == "pobj" and b.dep_ == "pobj" and pa.i != pb.i and pa.pos_ == "ADP" and pb.pos_ == "ADP"
            and pb.i in chain(pa))


def _mention_weight(sentence: _Sentence, rm: ResolvedMention) -> float:
    """How much a mention says about where its text is: 1 for "in X", less for actors and modifiers ("US officials")."""
    if rm.place is None or rm.mention.label == "demonym":
        return 0.0
    head = _mention_head(sentence.doc, rm, sentence.start) if sentence.doc is not None else None
    if head is None:
        return NAMED_ONLY_WEIGHT
    role = _place_role(head, True)
    if role is None:
        return NAMED_ONLY_WEIGHT
    if role.dep_ == "pobj" and role.head.lower_ in LOCATIVE_PREPOSITIONS:
        return 1.0
    return 0.5


def _focus_place(weighted: Iterable[tuple[ResolvedMention, float]], incident_places: Iterable[Place],
                 gazetteer=None, *, country_only: bool = False) -> Place | None:
    """The main place of weighted mentions: the top country (or area), or its dominant first-level division."""
    scores: dict[str, float] = defaultdict(float)
    places: dict[str, Place] = {}
    country_places: dict[str, Place] = {}
    first_seen: dict[str, int] = {}

    def add(place: Place, weight: float) -> None:
        places.setdefault(place.place_id, place)
        first_seen.setdefault(place.place_id, len(first_seen))
        scores[place.place_id] += weight

    for rm, weight in weighted:
        if rm.place is None:
            continue
        if rm.place.kind == "country" and rm.place.country_code:
            country_places.setdefault(rm.place.country_code, rm.place)
        if weight > 0:
            add(rm.place, weight)
    for place in incident_places:
        add(place, INCIDENT_PLACE_WEIGHT)
    if not scores:
        return None
    groups: dict[str, float] = defaultdict(float)
    group_first: dict[str, int] = {}
    for place_id, score in scores.items():
        key = places[place_id].country_code or place_id
        groups[key] += score
        group_first[key] = min(group_first.get(key, 10**9), first_seen[place_id])
    top = max(groups, key=lambda g: (groups[g], -group_first[g]))
    members = [places[p] for p in scores if (places[p].country_code or p) == top]
    country = country_places.get(top) or next((p for p in members if p.kind == "country"), None)
    if country is None and gazetteer is not None and len(top) == 2:
        try:
            country = gazetteer.place(f"ne0:{top}")
        except KeyError:
            country = None
    if country_only:
        return country
    country_named = top in country_places or any(p.kind == "country" for p in members)
    inside = [p for p in members if p.kind != "country"]
    admin1_scores: dict[str, float] = defaultdict(float)
    for place in inside:
        if place.admin1_code:
            admin1_scores[place.admin1_code] += scores[place.place_id]
    total_inside = sum(scores[p.place_id] for p in inside)
    if admin1_scores:
        code = max(admin1_scores, key=admin1_scores.get)
        score = admin1_scores[code]
        admin1 = next((p for p in inside if p.kind == "admin1" and p.admin1_code == code), None)
        if admin1 is not None and score >= 1 and (country is None or score * 2 > total_inside):
            return admin1
    best = max(members, key=lambda p: (scores[p.place_id], KIND_FINENESS[p.kind]))
    if country is not None and (country_named or scores[best.place_id] * 2 <= groups[top]):
        return country
    return best  # local news that never names its country: "Alexandria", not "United States"


# -- incidents


@dataclass
class _Hit:
    token: object
    event_type: str


@dataclass
class _Incident:
    sentence: _Sentence
    event_type: str
    tokens: list
    date: DateMention | None
    window: DateWindow
    date_source: str  # explicit, episode, publication, none
    places: list[_Located] = field(default_factory=list)
    place_source: str = "none"  # sentence, episode, nearby, document
    fatalities: int | None = None
    actors: tuple[str, ...] = ()
    verb_trigger: bool = True


@dataclass
class _Episode:
    window: DateWindow
    places: list[_Located]
    paragraph: int
    sentence: int
    event_type: str | None = None

    def continues(self, sentence: _Sentence) -> bool:
        """Whether an undated sentence can continue this episode: the same or next paragraph, or a few sentences on."""
        return (sentence.paragraph.index - self.paragraph <= 1
                or sentence.index - self.sentence <= EPISODE_SENTENCES)


def _char_tokens(doc, mentions: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for start, end in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(t.i for t in span)
    return out


def _nearest_date(sentence: _Sentence, tokens: list, published: date | None) -> tuple[DateMention | None, DateWindow | None]:
    """The date expression that dates these trigger tokens (nearest in the tree), and its window."""
    doc = sentence.doc
    best = None
    for mention in sentence.dates:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        usable = [t for t in tokens if _date_applies(mention, span.root, t)]
        if not usable:
            continue
        distance = min(_distance(t, span.root) for t in usable)
        key = (distance, mention.start)
        if best is None or key < best[0]:
            best = (key, mention, span.root, usable)
    if best is None:
        return None, None
    _, mention, root, usable = best
    if any(_dates_the_trigger(root, t) for t in usable):
        return mention, mention.point if mention.since else mention.window
    if not mention.since and mention.window is not None and any(_under_since(root, t) for t in usable):
        return mention, since_window(mention.window, published)  # "since the coup in February 2021"
    return mention, mention.window


def _temporal_island(trigger):
    """The clause or phrase that a trigger is placed before or after another time in: "since a
    police officer shot dead ...", "after disputed elections". Returns (its head, the marker word)."""
    for token in [trigger, *trigger.ancestors]:
        for child in token.children:
            if child.dep_ == "mark" and child.lower_ in TEMPORAL_MARKERS:
                return token, child.lower_
        if token.dep_ == "pobj" and token.head.lower_ in TEMPORAL_MARKERS:
            return token, token.head.lower_
        if token.dep_ in CLAUSAL_DEPS and token.dep_ != "conj" and token.pos_ in ("VERB", "AUX"):
            return None
    return None


def _date_applies(mention: DateMention, date_root, trigger) -> bool:
    """A date outside the trigger's "since/after/before ..." phrase does not date it (a year still does after "after")."""
    island = _temporal_island(trigger)
    if island is None:
        return True
    head, marker = island
    if date_root == head or any(a == head for a in date_root.ancestors):
        return True
    return marker != "since" and mention.window is not None and mention.window.precision == "year"


def _under_since(date_root, trigger) -> bool:
    path = _path(trigger, date_root)
    return path is not None and any(t.lower_ == "since" and t.dep_ == "prep" for t in path[1][1:])


def _dates_the_trigger(date_root, trigger) -> bool:
    """A date that belongs to the trigger itself rather than to "since ...": "the January 2026 raid",
    "since January 3, when US forces abducted Maduro"."""
    if date_root.head == trigger and date_root.dep_ in ("compound", "nmod", "amod", "npadvmod", "poss", "nummod"):
        return True
    return any(a == date_root for a in trigger.ancestors) and any(
        t.dep_ in ("relcl", "acl") for t in trigger.ancestors if date_root in t.ancestors) or (
        trigger.dep_ in ("relcl", "acl") and trigger.head == date_root)


def _sentence_hits(sentence: _Sentence) -> list[_Hit]:
    doc = sentence.doc
    if sentence.text.rstrip().endswith("?"):
        return []
    place_tokens = _char_tokens(doc, [(rm.mention.start - sentence.start, rm.mention.end - sentence.start)
                                      for rm in sentence.mentions if rm.place is not None])
    date_tokens = _char_tokens(doc, [(m.start, m.end) for m in sentence.dates])
    sentence_words = {t.lower_ for t in doc}
    hits: list[_Hit] = []
    for token in doc:
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_
        triggers = _TRIGGER_INDEX.get((token.lemma_.lower(), pos)) or _TRIGGER_INDEX.get((token.lower_, pos))
        if not triggers:
            continue
        trigger = next((t for t in triggers if _needs_met(t, token, place_tokens, sentence.headline)), None)
        if trigger is None:
            continue
        event_type = _adjust_type(trigger.event_type, token, sentence_words, sentence.text)
        if event_type is None:
            continue
        reason = _factuality(token, event_type)
        if reason is None and _commentary(token):
            reason = "commentary"
        if reason is None and not _anchored(token, date_tokens, sentence.headline):
            reason = "generic"
        if reason is None and pos == "VERB" and not sentence.headline and not sentence.dates and _tense(token) == "present":
            reason = "habitual"
        if reason:
            log.debug("not an incident (%s): %r in %r", reason, token.text, sentence.quote)
            continue
        hits.append(_Hit(token, event_type))
    return hits


def _group_hits(sentence: _Sentence, hits: list[_Hit], published: date | None
                ) -> list[tuple[str, list, DateMention | None, DateWindow | None]]:
    """Hits -> (type, tokens, date mention, window) per incident, after absorption by priority."""
    groups: dict[tuple[str, int | None], list] = {}
    dated: dict[tuple[str, int | None], tuple[DateMention | None, DateWindow | None]] = {}
    for hit in hits:
        mention, window = _nearest_date(sentence, [hit.token], published)
        key = (hit.event_type, mention.start if mention is not None else None)
        groups.setdefault(key, []).append(hit.token)
        dated[key] = (mention, window)
    # Undated hits join a dated group of the same type.
    for key in [k for k in groups if k[1] is None]:
        same = [k for k in groups if k[0] == key[0] and k[1] is not None]
        if same:
            groups[same[0]].extend(groups.pop(key))
    ordered = sorted(groups, key=lambda k: (EVENT_TYPES[k[0]].priority, k[1] if k[1] is not None else -1))
    kept: list[tuple[str, int | None]] = []
    for key in ordered:
        absorber = next((k for k in kept if key[0] in EVENT_TYPES[k[0]].absorbs
                         and (key[1] is None or k[1] is None or key[1] == k[1])), None)
        if absorber is not None:
            groups[absorber].extend(groups[key])
            continue
        kept.append(key)
    return [(key[0], groups[key], *dated[key]) for key in kept]


def _parse(sentences: list[_Sentence], nlp) -> None:
    wanted = [s for s in sentences if s.mentions or _TRIGGER_PREFILTER.search(s.text)]
    for sentence, doc in zip(wanted, nlp.pipe([s.text for s in wanted], batch_size=64)):
        sentence.doc = doc


def extract_events(document: Document, resolved: Sequence[ResolvedMention], *, nlp=None, gazetteer=None,
                   merge: bool = True) -> list[Event]:
    """The incidents one document reports, one `Event` per incident and place.

    Parameters
    ----------
    document : Document
        The report; ``published`` anchors relative dates ("on Tuesday").
    resolved : sequence of ResolvedMention
        The document's place mentions with their gazetteer entries (demonyms are not used as
        places).
    nlp : spacy.language.Language, optional
        A pipeline with parser, lemmatizer and NER (default `load_parser()`).
    gazetteer : Gazetteer, optional
        Used for region/sea containment and a country's entry when only its towns are named.
    merge : bool (default True)
        Merge the document's reports of one incident (title, lead, later mentions) with
        `merge_events`; False gives one event per sentence, incident and place.

    Returns
    -------
    list of Event
        Each with one `Source` for this document.
    """
    nlp = nlp or load_parser()
    clean = clean_text(document.text)
    sentences = _sentences(document, clean, resolved)
    _parse(sentences, nlp)
    weights = {(s.index, id(rm)): _mention_weight(s, rm) for s in sentences for rm in s.mentions}
    weighted = [(rm, weights[(s.index, id(rm))]) for s in sentences for rm in s.mentions]
    country = _focus_place(weighted, [], gazetteer, country_only=True)
    capital = next((rm.place for rm in resolved if rm.place is not None and rm.place.feature_code == "PPLC"
                    and country is not None and rm.place.country_code == country.country_code), None)
    incidents = _incidents(document, sentences, _Context(country, capital), gazetteer)
    _resolve_references(incidents)
    _locate_fallbacks(incidents, sentences, weights, gazetteer)
    events = [event for incident in incidents for event in _to_events(document, incident)]
    return merge_events(events, gazetteer=gazetteer) if merge else events


def _incidents(document: Document, sentences: list[_Sentence], context: _Context, gazetteer) -> list[_Incident]:
    published = document.published
    incidents: list[_Incident] = []
    episode: _Episode | None = None
    for sentence in sentences:
        if sentence.paragraph.heading and not sentence.headline:
            episode = None
        if sentence.doc is None:
            continue
        groups = _group_hits(sentence, _sentence_hits(sentence), published)
        fatalities = _fatalities(sentence.doc, skip=set())
        place_chars = [(rm.mention.start - sentence.start, rm.mention.end - sentence.start)
                       for rm in sentence.mentions if rm.place is not None]
        actors = _actors(sentence.doc, place_chars)
        new_episode = None
        for event_type, tokens, mention, window in groups:
            if mention is not None and mention.future:
                log.debug("future: %r", sentence.quote)
                continue
            places = _choose_places(sentence, tokens, event_type, context, gazetteer)
            context.recent_incidents.extend(loc.place for loc in places)
            incident = _Incident(sentence, event_type, tokens, mention, window or unknown_window(published),
                                 "explicit" if mention is not None else "none", places,
                                 "sentence" if places else "none", actors=actors,
                                 verb_trigger=any(t.pos_ in ("VERB", "AUX") for t in tokens))
            counts = [n for i, n in fatalities.items() if _nearest_group(sentence.doc[i], groups)[0] == event_type]
            incident.fatalities = max(counts) if counts else None
            if mention is None:
                _date_undated(incident, episode, published)
            elif mention.window is None:
                incident.date_source = "unresolved"
            if (not incident.verb_trigger and not sentence.headline and incident.date_source == "none" and not places
                    and not any(t.dep_ in ("nsubj", "nsubjpass") for t in tokens)):
                log.debug("a reference, not a report (no date, no place): %r", sentence.quote)
                continue
            if incident.date_source == "explicit" and new_episode is None:
                new_episode = _Episode(incident.window, places, sentence.paragraph.index, sentence.index,
                                       incident.event_type)
            if incident.date_source == "episode" and episode is not None:
                episode.paragraph, episode.sentence = sentence.paragraph.index, sentence.index
            incidents.append(incident)
        context.recent.extend(rm.place for rm in sentence.mentions if _mention_weight(sentence, rm) >= 0.5)
        if new_episode is None and not groups and sentence.dates and sentence.mentions:
            new_episode = _dated_places(sentence, context, gazetteer)
        if new_episode is not None:
            if not new_episode.places and episode is not None and episode.window == new_episode.window:
                new_episode.places = episode.places
            episode = new_episode
    return incidents


def _nearest_group(token, groups: list):
    """The incident group whose trigger tokens are nearest a token (for death counts)."""
    return min(groups, key=lambda g: min(_distance(token, t) for t in g[1]))


def _date_undated(incident: _Incident, episode: _Episode | None, published: date | None) -> None:
    """Date an incident whose sentence has no date: the episode it continues, else its report."""
    sentence = incident.sentence
    main = min(incident.tokens, key=lambda t: (t.pos_ not in ("VERB", "AUX"), t.i))
    tense = _tense(main)
    # A trigger placed before or after another time ("six months after X abducted Y") is not in the episode.
    usable = episode is not None and episode.continues(sentence) and _temporal_island(main) is None
    if usable and tense in ("perfect", "progressive", "present") and published is not None:
        # "have been deployed" continues only a recent episode, not a background one years ago.
        usable = episode.window.end is not None and episode.window.end >= published - timedelta(days=RECENT_DAYS)
    if usable:
        incident.window = episode.window
        incident.date_source = "episode"
        if not incident.places and episode.places:
            incident.places = list(episode.places)
            incident.place_source = "episode"
            # "the attack" after "an air strike killed 100": the same incident, of the episode's type.
            if (episode.event_type and incident.event_type in EVENT_TYPES[episode.event_type].absorbs
                    and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for t in incident.tokens
                            for c in t.children)):
                incident.event_type = episode.event_type
        return
    if published is not None and (sentence.headline or tense in ("progressive", "perfect")):
        week = week_window(published)
        incident.window = DateWindow(week.start, min(week.end, published), "week", week.iso)
        incident.date_source = "publication"


def _dated_places(sentence: _Sentence, context: _Context, gazetteer) -> _Episode | None:
    """A sentence without incidents that dates and places an episode ("since September in the Caribbean")."""
    doc = sentence.doc
    usable = [m for m in sentence.dates if m.window is not None and not m.future]
    if not usable:
        return None
    spans = [(m, doc.char_span(m.start, m.end, alignment_mode="expand")) for m in usable]
    spans = [(m, s) for m, s in spans if s is not None]
    if not spans:
        return None
    mention, span = min(spans, key=lambda ms: (sum(1 for _ in ms[1].root.ancestors), ms[0].start))
    anchor = span.root.head if span.root.dep_ == "pobj" else span.root
    places = _choose_places(sentence, [anchor], None, context, gazetteer)
    if not places:
        return None
    return _Episode(mention.window, places, sentence.paragraph.index, sentence.index)


def _resolve_references(incidents: list[_Incident]) -> None:
    """An undated noun in the body ("Reports the kinetic strike") is the document's one dated incident of its
    type, if there is one. (Headlines keep the publication week.)"""
    dated: dict[str, list[_Incident]] = defaultdict(list)
    for incident in incidents:
        if incident.date_source == "explicit":
            dated[incident.event_type].append(incident)
    for incident in incidents:
        if incident.verb_trigger or incident.sentence.headline or incident.date_source not in ("none", "publication"):
            continue
        candidates = dated.get(incident.event_type, [])
        if len({c.window for c in candidates}) != 1:
            continue
        incident.window = candidates[0].window
        incident.date_source = "reference"
        if not incident.places:
            placed = next((c for c in candidates if c.places), None)
            if placed is not None:
                incident.places = list(placed.places)
                incident.place_source = "reference"


def _locate_fallbacks(incidents: list[_Incident], sentences: list[_Sentence], weights: dict, gazetteer) -> None:
    """Place incidents whose sentence names no usable place: the sentences around it, else the document."""
    located = defaultdict(list)
    for incident in incidents:
        if incident.place_source == "sentence":
            located[incident.sentence.index].extend(loc.place for loc in incident.places)
    document_place = None
    for incident in incidents:
        if incident.places:
            continue
        sentence = incident.sentence
        place = _nearby_place(sentence, sentences, located, weights, gazetteer)
        if place is not None:
            incident.places = [_Located(place, max(2, KIND_GEO_PRECISION[place.kind]))]
            incident.place_source = "nearby"
            continue
        if document_place is None:
            weighted = [(rm, weights[(s.index, id(rm))]) for s in sentences for rm in s.mentions]
            document_place = _focus_place(weighted, [p for ps in located.values() for p in ps], gazetteer)
        if document_place is not None:
            incident.places = [_Located(document_place, 3)]
            incident.place_source = "document"


def _nearby_place(sentence: _Sentence, sentences: list[_Sentence], located: dict, weights: dict, gazetteer) -> Place | None:
    """The place of the previous sentence of the paragraph (its incident's, else its first "in X"),
    else of the next one, else the main place of the paragraph."""
    paragraph = [s for s in sentences if s.paragraph is sentence.paragraph and s is not sentence]
    for neighbour in (sentence.index - 1, sentence.index + 1):
        other = next((s for s in paragraph if s.index == neighbour), None)
        if other is None:
            continue
        if located.get(other.index):
            return located[other.index][0]
        usable = [rm for rm in other.mentions if weights[(other.index, id(rm))] >= 1.0]
        if usable:
            return usable[0].place
    local = [(rm, 1.0) for s in paragraph for rm in s.mentions if weights[(s.index, id(rm))] >= 1.0]
    return _focus_place(local, [], gazetteer) if local else None


def _confidence(incident: _Incident) -> float:
    score = 0.55 if incident.verb_trigger else 0.45
    score += {"explicit": 0.1, "episode": 0.05, "reference": 0.05, "publication": 0.0, "unresolved": -0.05,
              "none": -0.1}[incident.date_source]
    score += {"sentence": 0.1, "episode": 0.05, "reference": 0.05, "nearby": -0.05, "document": -0.1}.get(
        incident.place_source, -0.2)
    return round(min(max(score, 0.1), 0.9), 2)


def _to_events(document: Document, incident: _Incident) -> list[Event]:
    if not incident.places:
        log.debug("no place for %s in %r", incident.event_type, incident.sentence.quote)
        return []
    event_type = EVENT_TYPES[incident.event_type]
    sentence = incident.sentence
    digest = hashlib.sha1(f"{document.doc_id}\x1f{sentence.start}\x1f{incident.event_type}".encode()).hexdigest()[:12]
    base = f"ev-{digest}"
    source = Source(document.doc_id, document.title, document.publisher, document.url,
                    document.published.isoformat() if document.published else None, sentence.quote)
    window = incident.window
    events = []
    for n, located in enumerate(incident.places, start=1):
        events.append(Event(
            event_id=base if len(incident.places) == 1 else f"{base}-{n}",
            event_type=incident.event_type,
            acled_event_type=event_type.acled_event_type,
            acled_sub_event_type=event_type.acled_sub_event_type,
            date=window.iso,
            date_start=window.start.isoformat() if window.start else None,
            date_end=window.end.isoformat() if window.end else None,
            date_precision=window.precision,
            place=located.place,
            geo_precision=located.geo_precision,
            summary=sentence.quote,
            sources=(source,),
            actors=incident.actors,
            fatalities=incident.fatalities,
            confidence=_confidence(incident),
        ))
    return events


# -- merging


def _window(event: Event) -> DateWindow:
    start = date.fromisoformat(event.date_start) if event.date_start else None
    end = date.fromisoformat(event.date_end) if event.date_end else None
    return DateWindow(start, end, event.date_precision, event.date)


def _actor_keys(event: Event) -> set[str]:
    keys = set()
    for actor in event.actors:
        words = [w for w in re.findall(r"\w+", actor.casefold()) if len(w) > 2]
        keys.update(words)
    return keys


def _compatible(a: Event, b: Event, gazetteer) -> bool:
    same_document = bool({s.doc_id for s in a.sources} & {s.doc_id for s in b.sources})
    if same_document and a.summary == b.summary:
        return False  # one sentence's events at different places stay apart
    if not _same_or_nested(a.place, b.place, gazetteer):
        return False
    wa, wb = _window(a), _window(b)
    dated = wa.start is not None and wb.start is not None
    if not wa.overlaps(wb):
        return False
    shared_actor = bool(_actor_keys(a) & _actor_keys(b))
    if a.event_type != b.event_type:
        # "the US killed Niño Guerrero" is the strike that killed him: a type absorbed by the
        # other's joins it when both are dated alike and name a common actor.
        absorbed = b.event_type in EVENT_TYPES[a.event_type].absorbs or a.event_type in EVENT_TYPES[b.event_type].absorbs
        return absorbed and dated and shared_actor
    return dated or shared_actor  # an undated report joins another only when they name a common actor


def _specificity(event: Event) -> tuple:
    window = _window(event)
    return (-KIND_FINENESS[event.place.kind], window.days if window.days is not None else 10**6,
            event.sources[0].doc_id, event.event_id)


def merge_events(events: Iterable[Event], *, gazetteer=None) -> list[Event]:
    """Join the reports of one incident: same type, overlapping dates, same or nested place.

    Parameters
    ----------
    events : iterable of Event
        Events from one or many documents.
    gazetteer : Gazetteer, optional
        For containment of regions and seas (`Gazetteer.contains`).

    Returns
    -------
    list of Event
        One per incident and place, in a stable order (date, then id); merged events list every
        document's source once and have raised confidence.
    """
    clusters: list[list[Event]] = []
    for event in sorted(events, key=_specificity):
        fits = [c for c in clusters if all(_compatible(event, member, gazetteer) for member in c)]
        if fits:
            best = max(fits, key=lambda c: (len(_actor_keys(event) & set().union(*map(_actor_keys, c))), -clusters.index(c)))
            best.append(event)
        else:
            clusters.append([event])
    merged = [_merge_cluster(c) for c in clusters]
    merged.sort(key=lambda e: (e.date_start or "9999", e.event_id))
    return merged


def _merge_cluster(members: list[Event]) -> Event:
    if len(members) == 1:
        return members[0]
    main_type = min((e.event_type for e in members), key=lambda t: EVENT_TYPES[t].priority)
    by_place = sorted(members, key=lambda e: (e.event_type != main_type, -KIND_FINENESS[e.place.kind], e.geo_precision,
                                              -e.confidence))
    place_event = by_place[0]
    date_event = min(members, key=lambda e: (_window(e).days or 10**6, -e.confidence))
    ordered = sorted(members, key=lambda e: (-e.confidence, e.sources[0].doc_id))
    sources: dict[str, Source] = {}
    per_document: dict[str, float] = {}
    for event in ordered:
        for source in event.sources:
            sources.setdefault(source.doc_id, source)
            per_document[source.doc_id] = max(per_document.get(source.doc_id, 0.0), event.confidence)
    actors: list[str] = []
    for event in ordered:
        for actor in event.actors:
            if actor.casefold() not in {a.casefold() for a in actors}:
                actors.append(actor)
    fatalities = [e.fatalities for e in members if e.fatalities is not None]
    doubt = 1.0
    for value in per_document.values():
        doubt *= 1.0 - value
    first_id = min(members, key=lambda e: (e.sources[0].doc_id, e.event_id)).event_id
    return replace(
        place_event,
        event_id=first_id,
        date=date_event.date,
        date_start=date_event.date_start,
        date_end=date_event.date_end,
        date_precision=date_event.date_precision,
        summary=place_event.summary,
        sources=tuple(sorted(sources.values(), key=lambda s: s.doc_id)),
        actors=tuple(actors),
        fatalities=max(fatalities) if fatalities else None,
        confidence=round(min(MAX_CONFIDENCE, 1.0 - doubt), 2),
    )
