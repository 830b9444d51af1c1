"""Where an incident happened.

In its sentence: the resolved, non-demonym mentions, except names used as an actor (a
subject, "by X", "with X", "against X": "Caracas said", "coordinated with Caracas"), as a
modifier of a non-place noun ("US officials", "Mexico's president") or inside a person or
organisation name ("Tren de Aragua"). Names reached from the trigger through its own clause
(down through prepositions, objects and appositions, never down into another verb's clause,
except a deployment's mission and the clause saying where a victim was found) rank first,
then nearer ones; "to X" counts only for movements (deployed to, deported to); where the
actor comes from ("a man of ... Chicago was arrested") does not count. A candidate that
contains another gives way to it (Kuriga, not Kaduna state); names coordinated with the chosen
one ("in the Caribbean and eastern Pacific") are further places of the same incident. "The
capital", "the country" and "the area / region / town / prison" name the document's capital,
main country, or the last place of that kind (an incident's first). A plural demonym subject
of a vote or protest ("Venezuelans voted") names its country when nothing better does.

Around it (`nearby_place`, geo_precision at least 2), the place of the episode the sentence
continues: another incident of the same sentence; the previous sentence of the paragraph (its
incident's place, else its first "in X" that is not in a past-perfect background clause), the
next one, up to three sentences back, the paragraph's main place, then the sentences just
before the paragraph (not across a heading). Sentences dated at another time than the incident
are skipped, and a sentence opening a new episode ("In a separate incident", "Elsewhere")
continues none. A named facility ("Tocorón prison") is what a later "the prison" refers to.
A town's or county's police ("Grand Prairie police are investigating the death") place an
incident there when nothing better does; a demonym on a place noun ("in several French
cities") names its country; a place name modifying the incident noun ("Tbilisi protests",
"Gaza strike"; a country only for elections and protests) is its place.

In the document (`focus_place`, geo_precision 3): the country whose places are most often
named as locations (a name used as an actor or modifier counts 0.1, a town's police 0.5, an
incident's place 3); its first-level division when that holds most of the country's weight; for
a text that never names its country (local news), its most-named place. (`geomap.events` uses
the country itself for incidents placed nowhere else when the document names it.)
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from geomap.event_text import CLAUSAL_DEPS, Sentence, clause_verb, mention_head, tree_distance, tree_path
from geomap.event_types import EVENT_TYPES
from geomap.models import Mention, Place, ResolvedMention


KIND_FINENESS = {"country": 0, "region": 1, "water": 1, "admin1": 2, "admin2": 3, "locality": 4, "site": 5}

KIND_GEO_PRECISION = {"locality": 1, "site": 1, "admin2": 2, "admin1": 3, "country": 3, "region": 3, "water": 3}

CIVIC_TYPES = frozenset({"election", "protest", "riot"})

# Kind nouns that must fit the place named before them ("Bolívar state"; not "US State Department").
ADMIN_KIND_NOUNS = frozenset("state province district region area town city village".split())
DEICTIC_KINDS = {
    "area": ("region", "water", "admin1", "admin2", "locality", "site"), "region": ("region", "admin1", "admin2"),
    "town": ("locality",), "city": ("locality",), "village": ("locality",), "state": ("admin1",),
    "province": ("admin1",), "district": ("admin2", "locality"), "prison": ("site",), "jail": ("site",),
    "facility": ("site",),
}

# Nouns a place name before them is the name of: "Hodan district", "Mopti region" (not "Kenton County jail").
NAMING_KIND_NOUNS = ADMIN_KIND_NOUNS | frozenset(
    "county municipality parish neighbourhood neighborhood suburb township commune governorate".split())

INCIDENT_PLACE_WEIGHT = 3

GUESSED_REFERENCE_RANK = 3  # "the town" read as the last town named, before any incident was placed in one

LOOKBACK_SENTENCES = 3  # how far back an unplaced incident looks for the place of the episode it continues

_NEXT_WORD = re.compile(r"\s+(\w+)")

_NEW_EPISODE = re.compile(r"\b(?:in (?:a )?separate|in another (?:incident|attack|case)|elsewhere|meanwhile)\b", re.I)

NAMED_ONLY_WEIGHT = 0.1  # a place named as an actor or modifier ("US officials") says little about where

LOCATION_VERBS = frozenset("locate base situate house station".split())
WHERE_PREPOSITIONS = frozenset(
    "in at near outside inside into around across over throughout within along off on onto upon between "
    "among amid beyond through via behind under from".split()
)

DESTINATION_PREPOSITIONS = frozenset("to toward towards".split())

ACTOR_PREPOSITIONS = frozenset("with against by for".split())

PLACE_HEAD_NOUNS = frozenset(
    "city town village state region province district area territory county parish municipality capital "
    "border borders coast outskirts suburb suburbs neighborhood neighbourhood prison jail court courthouse "
    "base camp mine mines port airport river sea island islands zone street road highway forest jungle "
    "countryside north south east west part parts center centre heart mountain mountains hill hills valley desert "
    "edge streets hinterland hometown quarter vicinity environs".split()
)

# A town's or county's own police act there: "Grand Prairie police are investigating the death".
LOCAL_AUTHORITY_NOUNS = frozenset("police sheriff deputy officer detective department firefighter".split())

LOCAL_KINDS = frozenset({"locality", "admin2", "site"})

# Nouns whose "of X" is a place: "the city of X", "control of X", "the bombing of X".
OF_PLACE_HEADS = PLACE_HEAD_NOUNS | frozenset(
    "control outskirts siege invasion occupation capture liberation evacuation blockade bombing bombardment "
    "shelling raid storming takeover annexation".split())

# Words whose "of X" is a location: "in and out of X", "outside of X".
LOCATIVE_OF_WORDS = frozenset("out outside inside".split())


def _is_word(token, words: frozenset[str]) -> bool:
    """Whether a token is one of ``words`` as written or as its lemma ("outskirts" lemmatizes to "outskirt")."""
    return token.lower_ in words or token.lemma_.lower() in words


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


def same_or_nested(a: Place, b: Place, gazetteer=None) -> bool:
    return a.place_id == b.place_id or contains(a, b, gazetteer) or contains(b, a, gazetteer)


def _geo_precision(rm: ResolvedMention | None, place: Place) -> int:
    if rm is not None and rm.geo_precision:
        return rm.geo_precision
    return KIND_GEO_PRECISION[place.kind]


@dataclass(frozen=True, slots=True)
class Located:
    place: Place
    geo_precision: int


@dataclass
class _Candidate:
    rm: ResolvedMention
    head: object  # spaCy token
    rank: int
    distance: int


@dataclass
class PlaceContext:
    """What a document says about places beyond one sentence: its main country and capital, and
    the places named so far (for "the capital", "the country", "the area")."""

    country: Place | None = None
    capital: Place | None = None
    recent_incidents: list[Place] = field(default_factory=list)
    recent: list[Place] = field(default_factory=list)
    named: dict[str, Place] = field(default_factory=dict)  # "Tocorón prison" -> "the prison" is Tocorón

    def note_named(self, sentence: Sentence) -> None:
        """Remember places named with a kind noun ("Tocorón Prison", "the Kanawha jail") for "the prison"."""
        for rm in sentence.mentions:
            if rm.place is None or rm.mention.label == "demonym":
                continue
            following = _NEXT_WORD.match(sentence.text, rm.mention.end - sentence.start)
            noun = following.group(1).lower() if following is not None else None
            # a prison may be named after any place; a "state" must be one (ADMIN_KIND_NOUNS)
            if noun in DEICTIC_KINDS and (noun not in ADMIN_KIND_NOUNS or rm.place.kind in DEICTIC_KINDS[noun]):
                self.named[noun] = rm.place

    def deictic(self, noun: str) -> Place | None:
        if noun == "capital":
            return self.capital
        if noun in ("country", "nation"):
            return self.country
        if noun in self.named:
            return self.named[noun]
        kinds = DEICTIC_KINDS.get(noun)
        if kinds is None:
            return None
        return next((p for p in reversed(self.recent_incidents) if p.kind in kinds), None)

    def guess(self, noun: str) -> Place | None:
        """A guess for "the town" before any incident was placed in one: the area of the last incident, which
        holds the town ("a house on the outskirts of the town" after "shot dead in Guerrero state"), else the
        last town named."""
        kinds = DEICTIC_KINDS.get(noun, ())
        if not kinds:
            return None
        finest = max(KIND_FINENESS[k] for k in kinds)
        area = next((p for p in reversed(self.recent_incidents) if KIND_FINENESS[p.kind] < finest), None)
        return area or next((p for p in reversed(self.recent) if p.kind in kinds), None)


def _subject_tokens(anchor) -> set[int]:
    clause = anchor if anchor.pos_ in ("VERB", "AUX") else clause_verb(anchor)
    return {t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}


def _reachable(anchor, role, movement: bool) -> tuple[int, int] | None:
    """(rank, distance) of a place attached at ``role`` for a trigger, None when it belongs to another clause."""
    path = tree_path(anchor, role)
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
        if token.dep_ == "acl" and token.lemma_.lower() in LOCATION_VERBS:
            continue  # "Tocorón prison, located in Aragua state"
        if token.dep_ == "relcl" and token.head.dep_ in ("dobj", "nsubjpass", "appos") and token.head.head == anchor:
            victim_clause = True  # where the victim was found: "kidnapping X, whose body was found in Y"
            continue
        return None  # "bringing them to the US", "on creating a new state in X"
    rank = 1 if victim_clause or any(t.dep_ in CLAUSAL_DEPS and t.dep_ != "conj" for t in up[:-1]) else 0
    return rank, len(up) + len(down) - 2


def _place_candidates(sentence: Sentence, anchors: list, event_type: str | None, context: PlaceContext) -> list[_Candidate]:
    """Mentions of the sentence usable as the incident's place, ranked for the anchor tokens."""
    doc = sentence.doc
    movement = event_type is not None and EVENT_TYPES[event_type].movement
    entities = [e for e in doc.ents if e.label_ in ("PERSON", "ORG")]
    place_heads = {}
    for rm in sentence.mentions:
        head = mention_head(doc, rm, sentence.start) if rm.place is not None else None
        if head is not None:
            place_heads[head.i] = rm
    subjects = set().union(*(_subject_tokens(a) for a in anchors)) if anchors else set()
    out: list[_Candidate] = []
    for head_i, rm in place_heads.items():
        head = doc[head_i]
        if rm.mention.label == "demonym":
            # "Venezuelans voted", "Bolivian students protested": the people's country, if nothing better.
            noun = head if head.dep_ not in ("amod", "compound") or event_type not in CIVIC_TYPES else head.head
            if noun.dep_ == "nsubj" and any(noun.head == a or noun.head == clause_verb(a) for a in anchors):
                out.append(_Candidate(rm, head, 2, 1))
            elif head.dep_ in ("amod", "compound") and head.head.lemma_.lower() in PLACE_HEAD_NOUNS:
                # "in several French cities", "across Mexican states": somewhere in that country
                role = place_role(head.head, movement, set(place_heads))
                best = min((r for r in (_reachable(a, role, movement) for a in anchors) if r is not None),
                           default=None) if role is not None else None
                if best is not None:
                    out.append(_Candidate(rm, head, *best))
            continue
        start, end = rm.mention.start - sentence.start, rm.mention.end - sentence.start
        if any(e.start_char <= start and end <= e.end_char and (e.end_char - e.start_char) > (end - start)
               and e.text.split()[-1].lower() not in PLACE_HEAD_NOUNS for e in entities):
            continue  # inside "Tren de Aragua", "Central University of Venezuela"
        role = place_role(head, movement, set(place_heads))
        if role is None:
            if head.dep_ in ("compound", "nmod", "poss") and head.head in anchors and (
                    rm.place.kind != "country" or event_type in CIVIC_TYPES):
                # "after Tbilisi protests", "killed in Gaza strike", "Guyana's general elections" (not "US strikes")
                out.append(_Candidate(rm, head, 0, 1))
            elif local_authority(head, rm.place) and anchors:
                out.append(_Candidate(rm, head, 2, min(tree_distance(a, head) for a in anchors)))
            elif rm.place.kind in LOCAL_KINDS and (site := _named_site(head)) is not None:
                # "outside a Brownsboro residence", "on Rockford's west side": the town of the spot
                best = min((r for r in (_reachable(a, site, movement) for a in anchors) if r is not None), default=None)
                if best is not None:
                    out.append(_Candidate(rm, head, *best))
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
        if not any((c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss" for c in token.children) or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in token.children) or token.i in place_heads:
            continue
        if any(c.i in place_heads and c.dep_ in ("compound", "nmod", "amod") for c in token.children):
            continue  # the noun of a name ("the Savannah region"), not a reference back
        place, guessed = context.deictic(noun), False
        if place is None:
            place, guessed = context.guess(noun), True
        role = place_role(token, movement, set(place_heads)) if place is not None else None
        best = min((r for r in (_reachable(a, role, movement) for a in anchors) if r is not None), default=None) if role is not None else None
        if best is not None:
            if guessed:  # only when the sentence names nothing better
                best = (GUESSED_REFERENCE_RANK, best[1])
            surface = sentence.text[token.idx:token.idx + len(token)]  # the parse may be of a sentence-cased headline
            mention = Mention(sentence.doc_id, surface, sentence.start + token.idx, sentence.start + token.idx + len(token))
            out.append(_Candidate(ResolvedMention(mention, place, 0.5), token, *best))
    return out


def _named_site(head):
    """The spot a town's name is given to, when the spot is where something happened: "a Brownsboro residence"
    in "a search at a Brownsboro residence", "Quetta's main railway station"."""
    token = head
    while token.dep_ == "compound" and token.head.dep_ == "compound":
        token = token.head
    if token.dep_ not in ("compound", "poss", "nmod"):
        return None
    spot = token.head
    if spot.pos_ in ("NOUN", "PROPN") and spot.dep_ == "pobj" and spot.head.lower_ in WHERE_PREPOSITIONS:
        return spot
    return None


def local_authority(head, place: Place) -> bool:
    """A town's or county's police, sheriff, department: "Grand Prairie police", "DeKalb Police"."""
    return (place.kind in LOCAL_KINDS and head.dep_ in ("compound", "nmod", "poss")
            and head.head.lemma_.lower() in LOCAL_AUTHORITY_NOUNS)


def _out_of(token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ == "of" and _is_word(token.head.head, LOCATIVE_OF_WORDS)


def _locative_of(preposition) -> bool:
    """Whether "of X" names a place: after a place or control noun, also when attached to the verb ("taking control of X")."""
    head = preposition.head
    return _is_word(head, OF_PLACE_HEADS) or (
        head.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" and _is_word(c, OF_PLACE_HEADS) for c in head.children))


def place_role(head, movement: bool, place_heads: set[int] = frozenset()):
    """The token that attaches a place name to its sentence as a location, or None.

    A location is the object of a locative preposition ("in X", "near X"; "to X" only for
    movements) or of a verb ("invaded X", "claimed X"), possibly through a place noun ("X state",
    "the city of X", "a New York court") or a list. Names used as actors ("X said", "with X",
    "by X") or as modifiers of other nouns ("US officials", "Mexico's president") are not.
    """
    token = head
    for _ in range(8):
        if _out_of(token):
            return token  # "in and out of Tocorón"
        if token.dep_ == "pobj" and token.head.lower_ == "of" and _locative_of(token.head):
            token = token.head.head  # "the city of Pacaraima", "took control of X prison", "the siege of X"
        elif token.dep_ == "appos":
            if token.head.ent_type_ in ("PERSON", "ORG", "NORP") and token.head.i not in place_heads:
                return None  # "CNN (United States, en)"
            token = token.head
        elif token.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod", "dep"):
            parent = token.head
            if not _is_word(parent, PLACE_HEAD_NOUNS) and parent.i not in place_heads:
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
        if preposition in DESTINATION_PREPOSITIONS and not movement and token.lemma_.lower() != "street":
            return None  # but "took to the streets of X" happened in X
        return token
    if token.dep_ in ("dobj", "ROOT", "attr", "oprd"):
        return token
    return None


def _named_noun(token):
    """The noun a place name names: "Hodan" in "the Hodan and Wadajir districts" is a district."""
    for _ in range(4):
        if token.dep_ in ("compound", "nmod", "amod", "conj") and _is_word(token.head, NAMING_KIND_NOUNS):
            token = token.head
        elif token.dep_ == "conj" and token.head.dep_ in ("compound", "nmod") and _is_word(token.head.head, NAMING_KIND_NOUNS):
            token = token.head.head
        else:
            break
    return token


def _phrase(token) -> set[int]:
    """A noun phrase's own words: the noun, its modifiers, appositions and list members."""
    out, stack = set(), [token]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ in ("compound", "poss", "nmod", "amod", "appos", "conj"))
    return out


def _stated_areas(token) -> set[int]:
    """Tokens of the places the text puts a place name in: "Mogadishu's Hodan district", "Patikul, Sulu",
    "Konna in Mali's central Mopti region", "Techiman, in the Bono East region"."""
    noun = _named_noun(token)
    chain = [token]
    while chain[-1] != noun:
        chain.append(chain[-1].head)
    own = {t.i for t in chain} | {c.i for t in chain for c in t.children if c.dep_ == "conj"}
    out: set[int] = set()
    for node in chain:
        # a name's own compound is often a misparse of a list ("Celaya and neighbouring Cortazar"); a kind noun's is not
        modifiers = ("poss", "appos") if node is token else ("poss", "compound", "nmod", "appos")
        for child in node.children:
            if child.i in own:
                continue
            if child.dep_ in modifiers:
                out |= _phrase(child)
            elif child.dep_ == "prep" and child.lower_ in ("in", "inside", "within"):
                out |= set().union(*(_phrase(g) for g in child.children if g.dep_ == "pobj"))
    return out


def _facility_site(token) -> set[int]:
    """Where a facility named after a place stands: "the Kenton County jail in Covington" is in Covington."""
    if token.dep_ not in ("compound", "nmod", "poss") or _is_word(token.head, NAMING_KIND_NOUNS):
        return set()
    return set().union(*(_phrase(g) for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                         for g in c.children if g.dep_ == "pobj"))


def _finer(candidate: _Candidate, than: _Candidate, gazetteer) -> bool:
    """Whether a candidate lies inside another, by the gazetteer or as the sentence says ("in Mogadishu's Hodan
    district", which the gazetteer cannot tell of two point entries)."""
    inner, outer = candidate.rm.place, than.rm.place
    if contains(outer, inner, gazetteer):
        return True
    if inner.place_id == outer.place_id or contains(inner, outer, gazetteer):
        return False
    return than.head.i in _stated_areas(candidate.head) or candidate.head.i in _facility_site(than.head)


def choose_places(sentence: Sentence, anchors: list, event_type: str | None, context: PlaceContext,
                   gazetteer=None) -> list[Located]:
    candidates = _place_candidates(sentence, anchors, event_type, context)
    if not candidates:
        return []
    candidates.sort(key=lambda c: (c.rank, c.distance, -KIND_FINENESS[c.rm.place.kind], c.rm.mention.start))
    best = candidates[0]
    for _ in range(len(candidates)):
        finer = [c for c in candidates if c.rank <= best.rank and _finer(c, best, gazetteer)]
        if not finer:
            break
        best = min(finer, key=lambda c: (-KIND_FINENESS[c.rm.place.kind], c.distance, c.rm.mention.start))
    chosen = [best]
    for other in candidates:
        if other.rm.place.place_id in {c.rm.place.place_id for c in chosen}:
            continue
        if other.rank <= 1 and _coordinated(best.head, other.head) and not any(
                same_or_nested(other.rm.place, c.rm.place, gazetteer) or other.head.i in _stated_areas(c.head)
                for c in chosen):  # "in Patikul, Sulu" names one place and its province
            chosen.append(other)
    chosen.sort(key=lambda c: c.rm.mention.start)
    return [Located(c.rm.place, _geo_precision(c.rm, c.rm.place)) for c in chosen]


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


def mention_weight(sentence: Sentence, rm: ResolvedMention) -> float:
    """How much a mention says about where its text is: 1 for "in X", less for actors and modifiers ("US officials")."""
    if rm.place is None or rm.mention.label == "demonym":
        return 0.0
    head = mention_head(sentence.doc, rm, sentence.start) if sentence.doc is not None else None
    if head is None:
        return NAMED_ONLY_WEIGHT
    role = place_role(head, True)
    if role is None:
        return 0.5 if local_authority(head, rm.place) else NAMED_ONLY_WEIGHT
    if role.dep_ == "pobj" and (role.head.lower_ in WHERE_PREPOSITIONS or _out_of(role)):
        return 1.0
    return 0.5


def focus_place(weighted: Iterable[tuple[ResolvedMention, float]], incident_places: Iterable[Place],
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


def _background(sentence: Sentence, rm: ResolvedMention) -> bool:
    """A place in a past-perfect clause ("had been convicted in 2004 in Bronx County") is background, not the scene."""
    head = mention_head(sentence.doc, rm, sentence.start) if sentence.doc is not None else None
    if head is None:
        return False
    return any(t.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in t.children)
               for t in [head, *head.ancestors])


def nearby_place(sentence: Sentence, sentences: list[Sentence], located: dict, weights: dict, gazetteer,
                 same_episode: Callable[[Sentence], bool] | None = None, *, across_paragraphs: bool = True
                 ) -> Place | None:
    """The place of the episode a sentence continues.

    In order: another incident of the sentence; the previous sentence of the paragraph (its
    incident's place, else its first "in X" outside a past-perfect clause); the next one; earlier
    sentences of the paragraph; the paragraph's main place; the sentences just before the
    paragraph (not across a heading; ``across_paragraphs=False`` stops before). At most `LOOKBACK_SENTENCES` back. ``same_episode`` tells
    whether another sentence can be of the incident's episode (not dated at another time); a
    sentence that opens a new one ("In a separate incident", "Elsewhere") continues none.
    """
    if located.get(sentence.index):
        return located[sentence.index][0]
    if _NEW_EPISODE.search(sentence.text):
        return None

    def place_of(other: Sentence) -> Place | None:
        if same_episode is not None and not same_episode(other):
            return None
        if located.get(other.index):
            return located[other.index][0]
        usable = [rm for rm in other.mentions if weights[(other.index, id(rm))] >= 1.0 and not _background(other, rm)]
        return usable[0].place if usable else None

    earlier = sentences[max(0, sentence.index - LOOKBACK_SENTENCES):sentence.index][::-1]
    before = [s for s in earlier if s.paragraph is sentence.paragraph]
    following = [s for s in sentences[sentence.index + 1:sentence.index + 2] if s.paragraph is sentence.paragraph]
    for other in before[:1] + following + before[1:]:
        place = place_of(other)
        if place is not None:
            return place
    paragraph = [s for s in sentences if s.paragraph is sentence.paragraph and s is not sentence
                 and (same_episode is None or same_episode(s))]
    local = [(rm, 1.0) for s in paragraph for rm in s.mentions
             if weights[(s.index, id(rm))] >= 1.0 and not _background(s, rm)]
    if local:
        return focus_place(local, [], gazetteer)
    if not across_paragraphs:
        return None
    for other in earlier[len(before):]:
        if other.paragraph.heading and not other.headline:
            break
        place = place_of(other)
        if place is not None:
            return place
    return None
