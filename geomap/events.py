"""Incidents: which sentences report one, of what type, when, where, by whom, how deadly.

`extract_events` reads one document with the place mentions the geoparser resolved;
`merge_events` (`geomap.event_merge`) joins the reports of one incident across documents.
The event types, their ACLED categories and trigger words are `geomap.event_types`; date
expressions are `geomap.dates`; places are chosen by `geomap.event_places`.

Which sentences
---------------
Sentences containing a possible trigger word or a place mention are parsed with the spaCy
model (tagger, parser, lemmatizer, NER; `load_parser`); a Title Case headline ("Police Catch
Murder Suspect") is parsed in sentence case, place names kept, so that its verbs are verbs. A
token is a trigger when its lemma and part of speech are in the vocabulary and the trigger's
requirement holds ("open fire", "sent troops", "seized 300 girls", "picked up two suspects").
Context can change its type: an attack with an aircraft in the sentence is an air/drone strike,
a raid by soldiers or a state is a security operation, an attack by protesters is a riot, a
strike by workers is a protest, an attempted murder is an attack, an attack or killing between an
armed group (militants, rebels, gunmen, gangs) and security forces is an armed clash (ACLED
"Battles"), and a shooting, stabbing or beating with a death in its clause is a killing ("was
shot and killed"; "opened fire, killing 19" stays an attack). A death reported later ("the man
later died at the hospital") is a killing only after violence earlier in the document. A
trigger is dropped when its sentence is a question, or it is

- negated: "never arrested", "without formal charges", "not due to a riot", "No one was arrested";
- hypothetical: a modal verb or "if"; under "plan", "threaten", "order", "risk of", "reward
  for information leading to"; a denial or attempt ("denied attacking"); a purpose ("operating ...
  to execute") unless it is a deployment's mission, a protest, or an act against a named person;
  an adjective's infinitive ("illegal to protest") -- but the object of a verb that presupposes it
  happened is fact ("called to break up a brawl", "will investigate the shooting");
- in the future (a date after publication), a state ("under indictment"), an allegation's
  content ("charged with arson", "charged with killing X", "serving a sentence for killing",
  "critics accused the government of killing", "X was accused of killing Y": the charge, as the guideline), a
  person's record ("has been arrested before"), a word that only classifies a case noun ("murder
  suspect", "assault charges"), or an accident ("killed in a traffic accident");
- generic: a bare noun with no determiner, number, date or relative clause ("diversified into
  contract killing and kidnapping"), or a present-tense active verb with no date outside a
  headline ("the gang kidnaps migrants"; a state is news: "a suspect is in custody"), or a bare
  plural counted over time ("Shootings have increased");
- commentary: a noun that is the subject of "be", "mark", "represent", "say", ... ("The killing
  of Guerrero is a dramatic escalation", "The indictment said ...");
- a bare reference: a noun with no date, no place and no episode that is not a subject, not
  definite ("the shooting") and not what hurt a victim ("wounded in the shootout", "suffered a
  gunshot wound") ("channeled behind the election of Hugo Chávez").

Triggers of one sentence are grouped by type and date; a type absorbs the ones it lists
(`EventType.absorbs`): "a drone strike killed five" is one air/drone strike with 5 dead; so are a
participle stating what it did ("exploded on Friday, killing 20") and a noun counted in a series
("in the fifth attack this month") whatever their dates. A definite "the attack" / "the fighting"
in the body takes the type of the headline's incident when that type covers it (the car bomb;
the bar brawl's riot); "the attack", or a shooting with no date or wounds of its own ("they
gathered the men and opened fire"), right after a killing or strike is that incident.

When
----
The date expression nearest the trigger in the parse, unless the trigger is inside a
"since/after/before ..." phrase that the date is outside of (a year still dates "after X"), or the
date is in a relative clause about another noun ("the war, which began in March 2003") or dates a
series the incident is counted in.
"Since" extends the date to publication, except for the date of the trigger itself ("the
January 2026 raid", "since January 3, when US forces abducted Maduro" -> 2026-01-03); a "since"
governing a phrase that holds the date works too ("since the coup in February 2021"). Without a
date, a sentence continues the episode of the last dated incident (or dated sentence naming
places) in the same or next paragraph or within three sentences, taking its date and, if it
names none, its places; a present-tense or perfect clause only continues a recent episode, and
"the attack" continuing an air-strike episode is that air strike. A live blog's entry (a paragraph
opening with the time it was posted, "16:45 — ...") does not continue an earlier entry's episode
unless it names that incident ("in the ambush"): it reports the day it was posted, or the day before
at a time of day later than its stamp ("09:12 — ... at 4 p.m."). A date between "and" and a
coordinated verb dates that verb ("killed 26 on Sunday and, a day later, stormed a post").
Otherwise a headline, present progressive or present perfect ("have been deployed") is dated to the
publication week, an undated noun in the body to the document's dated incident of its type (of
several, the last told before it), and anything else is ``unknown`` with ``date_end`` = the
publication date and ``date``/``date_start`` null: it happened no later than its report.

A second opinion
----------------
Last, `geomap.event_typer` rereads every sentence with the types the rules gave it, its neighbours
and its document: a rule type it finds unlikely is dropped, and a type it finds likely is added,
to a sentence the rules typed at the date and places of its first incident, to another only as a
follow-up of the last incident of that type told before it ("A 45-year-old man suffered cuts to
his arms" after a stabbing), at its places and at the date the sentence gives ("on Dec. 27"), if
not a deadline or hearing to come ("adjourned to July 14"), else at that incident's.
``learned_types=False`` gives the rules alone.

Then `geomap.event_dater` redates the incidents whose date the rules took least surely: no date of
their own, the date of an incident told before, or (for a type the typer added) the date of the
sentence's first incident. It lists every date the article offers the incident (its sentence's date
expressions, the dates of the incidents told before it, the day and week of publication, none) and
takes the one a model trained on the annotated articles scores highest ("No ransom demand had been
received by Wednesday" takes the kidnapping's day). ``learned_dates=False`` keeps the rules' dates.

Who and how many
----------------
Actors are spaCy's PERSON, ORG and NORP entities in the sentence (not place names): NER runs
here because the geoparser's entities are not passed on, and only on the sentences parsed.
Fatalities are the number stated for the victims of "kill", "die", "dead", "death", "murder", ...,
or a verb done "fatally" ("at least 210 fishermen have been killed" -> 210; "leaving two soldiers dead" -> 2; "kills five" -> 5),
1 for a named person or "a man" killed, else null; they go to the sentence's incident nearest
the death word.

Confidence (0.1-0.9 per document) starts at 0.55 for a verb trigger and 0.45 for a noun, and
moves with how the date (+0.1 stated ... -0.1 none) and place (+0.1 in the sentence ... -0.1
the document's) were found; where the typer reread the sentence, it is the mean of that and the
typer's probability of the type (on text neither was developed on this ranks right incidents above
false alarms far better: AUROC 0.79-0.85 against 0.54-0.62). Reports of one incident inside a document are merged.
"""
from __future__ import annotations

import calendar
import hashlib
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Sequence

from geomap.dates import (
    DateMention, DateWindow, day_window, since_window, time_of_day, unknown_window, week_window,
)
from geomap.event_dater import DateCandidate, EventDater, load_dater
from geomap.event_merge import merge_events
from geomap.event_typer import EventTyper, load_typer
from geomap.event_places import (
    KIND_GEO_PRECISION, PLACE_HEAD_NOUNS, Located, PlaceContext, choose_places, focus_place, mention_weight, nearby_place,
)
from geomap.event_text import (
    CLAUSAL_DEPS, Sentence, char_tokens, clause_verb, clean_text, is_passive, mention_head, read_sentences,
    tree_distance, tree_path,
)
from geomap.event_types import (
    ACCIDENT_NOUNS, ACCUSER_NOUNS, ACCUSING_VERBS, AGGREGATE_CAUSE_NOUNS, AIRBORNE_WORDS, AIRCRAFT_WORDS,
    AIR_DROPPED_BOMB_MODIFIERS, ANIMAL_NOUNS, ARMED_GROUP_NOUNS, ARREST_VERBS, ARSON_WORDS, ASSAILANT_NOUNS,
    BATCH_NOUNS, CANCEL_VERBS, CAPTIVE_NOUNS, CAPTOR_NOUNS, CARE_CUES, CASE_NOUNS, CASUALTY_LEMMAS,
    CIVILIAN_CONVOY_WORDS, COUNT_NOUNS, CROWD_CONTROL_WORDS, CROWD_WORDS, CUSTODY_WORDS, DEVICE_CONTACT_VERBS,
    ENFORCEMENT_MODIFIERS, ENFORCEMENT_TYPES, EVALUATIVE_VERBS, EVENT_MODIFIERS, EVENT_TYPES, EXPLOSIVE_NOUNS,
    FIGHT_NOUNS, FIGURATIVE_MODIFIERS, FIGURATIVE_OPPONENTS, FIRED_ON_FORCES, FIREFIGHTER_NOUNS, FIRE_NOUNS,
    FOLLOW_UP_CUES, FORCE_MEMBER_NOUNS, FORCE_NOUNS, GENERAL_INCIDENT_NOUNS, GROUND_BOMB_MODIFIERS, GUNFIRE_LEMMAS,
    GUNFIRE_MODIFIERS, HABITUAL_WORDS, HARM_CAUSE_TYPES, HOLDUP_TARGETS, IMPLICATIVE_VERBS, INMATE_NOUNS,
    IRREALIS_GOVERNORS, LABOUR_STRIKE_WORDS, LAW_ENFORCEMENT_WORDS, LEGISLATURE_NOUNS, LIVE_FIRE_WORDS, MARCHER_NOUNS,
    MEDICAL_MODIFIERS, MILITARY_TARGET_NOUNS, MISSILE_WORDS, MOTION_NOUNS, NATURAL_CAUSE_NOUNS,
    PERSONAL_VIOLENCE_LEMMAS, PERSON_NOUNS, PERSON_PRONOUNS, POLICE_NOUNS, PRESUPPOSING_VERBS, PROTESTER_NOUNS,
    QUANTITY_PRONOUNS, REACTION_VERBS, REFERENCE_HEADS, SECURITY_MODIFIERS, SHOT_NOUNS, SOVEREIGNTY_WORDS, STANCE_VERBS,
    SUPPORT_VERBS, TERRITORY_NOUNS, TRIGGERS, TYPED_FOLLOW_UP_CUES, VIOLENT_TYPES, VOTER_NOUNS, Trigger,
)
from geomap.nlp import load_parser
from geomap.models import Document, Event, ResolvedMention, Source

__all__ = ["extract_events", "load_parser", "merge_events"]


log = logging.getLogger(__name__)

MODALS = frozenset("would could might may should must will shall can wo ca 'd 'll".split())

NOMINAL_PATH_DEPS = frozenset("prep pobj dobj compound nmod amod appos poss npadvmod attr oprd dative agent pcomp".split())

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

# What is said of an incident already told: whether it was linked to, carried out by ... someone.
LINKING_VERBS = frozenset("link connect relate tie motivate order plan carry commit".split())
DEATH_WORDS = frozenset("kill die dead death murder execute slay behead massacre assassinate lynch strangle slaughter".split())
FATAL_ADVERBS = frozenset("fatally mortally".split())

SINGLE_DETERMINERS = frozenset("a an one".split())

ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})

VEHICLE_NOUNS = frozenset("car truck train bus vehicle van motorcycle suv pickup tractor sedan".split())
# Words of harm nobody did: a care or follow-up sentence with one of them is not about the violence just told
# ("was taken to hospital after being hit by a car", "two more women are infected").
UNAUTHORED_HARM_WORDS = VEHICLE_NOUNS | frozenset("infected driving driver crush stampede".split())
SPORTS_WORDS = frozenset("goal goals match minute scored score penalty kick brace league cup striker deadlock "
                         "equaliser equalizer inning innings".split())

DOCUMENT_VERBS = frozenset("say state allege claim note describe detail list contain include accuse cite".split())

ALLEGATION_HEADS = frozenset("charge accuse convict suspect indict arrest sentence prosecute investigate jail detain "
                             "acquit try".split())

COURT_HEADS = frozenset("charge indict convict prosecute sentence try acquit serve plead".split())
# Verbs of a count rising or falling: a bare plural incident noun as their subject is a trend ("Shootings have
# increased this year"), not an incident.
TREND_VERBS = frozenset("increase rise fall drop decline double triple surge climb soar jump spike decrease multiply "
                        "intensify escalate mount grow".split())
# Trigger verbs that report a current state, news in the present tense ("a suspect is in custody", "he faces
# charges of murder"), unlike the habitual present of an action verb ("the gang kidnaps migrants").
STATE_VERBS = frozenset("be remain face".split())
# Verbs that say when an incident happened: "the attack took place on Saturday".
OCCURRENCE_VERBS = frozenset("happen occur take come begin start unfold erupt break continue end last resume".split())
# Verbs of saying: a date on them is when it was said.
STATEMENT_VERBS = frozenset("say tell announce report add confirm state write".split())
# Prepositions that make a date a deadline or a hearing to come: "adjourned to July 14", "by Tuesday".
DEADLINE_PREPOSITIONS = frozenset("to until till by for".split())
# The earlier incidents whose dates are offered to the dater, and the date source a chosen offer stands for.
EARLIER_OFFERS = 4
DATER_SOURCES = (("mention", "explicit"), ("earlier", "reference"), ("publication", "publication"), ("unknown", "none"))
# Nouns that name an incident: a date hung on one of them dates that incident, not the clause around it.
TRIGGER_NOUNS = frozenset(t.lemma for t in TRIGGERS if t.pos == "NOUN") | GENERAL_INCIDENT_NOUNS
# Adverbs that put an act in someone's past record: "he has been arrested before".
RECORD_ADVERBS = frozenset("before previously".split())
# Verbs that count incidents as statistics: "Memphis recorded 289 homicides last year".
TALLY_VERBS = frozenset("record register log tally".split())

# Verbs whose "in"/"into" object is what an event turned out to be ("results in a fatal stabbing").
OUTCOME_VERBS = frozenset("result end turn erupt escalate culminate".split())
TEMPORAL_MARKERS = frozenset("since after before following until once".split())

RECENT_DAYS = 31

EPISODE_SENTENCES = 3
EPISODE_GAP_DAYS = 2  # incidents dated this close together can share a place ("the following morning")

ANAPHORIC_PRONOUNS = frozenset("he she they it his her their".split())

SPREAD_WORDS = frozenset("several many multiple various numerous dozens scores".split())

DEFINITE_DETERMINERS = frozenset("the this that these those".split())

# Month and day names keep their capital in a sentence-cased headline ("in December slaying").
CALENDAR_NAMES = frozenset(name.lower() for name in (*calendar.month_name[1:], *calendar.day_name))

_TRIGGER_INDEX: dict[tuple[str, str], list[Trigger]] = defaultdict(list)

# Triggers with a requirement are tried first, exclusions ("shoot" unless "dead") after requirements.
for _trigger in sorted(TRIGGERS, key=lambda t: (t.needs is None, (t.needs or "").startswith("unless:"))):
    _TRIGGER_INDEX[(_trigger.lemma, _trigger.pos)].append(_trigger)

MOVEMENT_LEMMAS = frozenset(t.lemma for t in TRIGGERS if EVENT_TYPES[t.event_type].movement)

_IRREGULAR_FORMS = ("shot fought struck took taken held sent broke broken swept froze seized fled led dead hostage stood flew "
                    "slain beaten caught blew blown went found threw thrown brought")
# The state verbs ("is in custody", "faces charges") are too common to pre-select sentences: their particle does.
_STATE_PARTICLES = "custody"


def _stem(lemma: str) -> str:
    return lemma[:-1] if lemma.endswith(("e", "y")) and len(lemma) > 3 else lemma


_TRIGGER_PREFILTER = re.compile(
    r"\b(?:" + "|".join(sorted({re.escape(_stem(t.lemma)) for t in TRIGGERS if t.lemma not in STATE_VERBS}
                                | set(_IRREGULAR_FORMS.split()) | set(_STATE_PARTICLES.split()),
                                key=len, reverse=True)) + r")",
    re.IGNORECASE,
)

_AIRCRAFT_PHRASE = re.compile(r"\b(?:from the air|air (?:strike|raid|force|attack|campaign)s?)\b", re.I)


def _children_words(token) -> set[str]:
    """Lower-cased words and lemmas of the children, and of the children of child prepositions."""
    words: set[str] = set()
    if token.pos_ == "NOUN":  # "shooting death" whichever way the parser attaches it
        words.update((token.head.lower_, token.head.lemma_.lower()))
    for child in token.children:
        words.update((child.lower_, child.lemma_.lower()))
        if child.dep_ in ("prep", "dobj", "advmod", "prt", "npadvmod", "oprd", "acomp", "ccomp", "xcomp", "attr",
                          "compound", "amod", "dep", "dative"):
            for grandchild in child.children:
                words.update((grandchild.lower_, grandchild.lemma_.lower()))
                if child.dep_ in ("prep", "dative"):  # "to its sanctions list"
                    words.update(w for c in grandchild.children if c.dep_ == "compound" for w in (c.lower_, c.lemma_.lower()))
    return words


def _object(token):
    """The direct object, the subject of a passive, or the noun a participle modifies ("soldiers sent to Kursk")."""
    for deps in (("dobj", "nsubjpass"), ("dative",)):
        for child in token.children:
            if child.dep_ in deps:
                return child
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head
    return None


def _subject(token):
    """The subject of a verb (looking through xcomp/conj/acl heads), or the noun an acl modifies."""
    current = token
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and (current == token or token.tag_ == "VBG")):
                return child  # (a passive's subject does a later verb: "troops were deployed and began combing")
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
    if token.lemma_.lower() == "personnel" and words & SECURITY_MODIFIERS:
        words.add("forces")  # "security personnel" are forces; an agency's "support personnel" are not
    return words


def _following_words(token, window: int = 6) -> set[str]:
    """Words right after a token up to punctuation: parsers often misattach "took 100 guards hostage"."""
    words: set[str] = set()
    for other in token.doc[token.i + 1: token.i + 1 + window]:
        if other.is_punct:
            break
        words.update((other.lower_, other.lemma_.lower()))
    return words


def _needs_met(trigger: Trigger, token, place_tokens: set[int], headline: bool) -> bool:
    """Whether every requirement of ``trigger`` ("particle:up+person_object": all of them) holds here."""
    if trigger.needs is None:
        return True
    if headline and token.dep_ == "ROOT" and token.pos_ == "NOUN" and trigger.needs == "support":
        return True  # headlines drop verbs' inflection: "US sanctions gang leaders" parses as a noun
    return all(_need_met(need, token, place_tokens, headline) for need in trigger.needs.split("+"))


def _is_people(noun) -> bool:
    """People: a person noun, a named person, he/she, or a nationality ("hundreds of Afghans")."""
    if noun is None:
        return False
    of_nouns = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    count = (noun.like_num and (noun.text.replace(",", "").isdigit() or noun.text.isalpha()) and noun.text != "0"
             and noun.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL")
             and not (noun.i > 0 and noun.nbor(-1).text in ("-", "–")))  # a number of people, not a score "1-0"
    count = count or (noun.lower_ in QUANTITY_PRONOUNS and (bool(of_nouns) or noun.lower_ in COUNT_NOUNS))
    if count and all(n.lower_ in ("them", "us", "those") or _is_people(n) for n in of_nouns):
        return True  # "arrested 12", "recaptured seven of them", "many of them were picked up", "dozens more were wounded"
    aged = noun.lower_ == "old" and any(c.lemma_.lower() == "year" for c in noun.children)  # "a 19-year-old"
    return (aged or bool(_noun_words(noun) & PERSON_NOUNS) or noun.ent_type_ == "PERSON" or noun.lower_ in PERSON_PRONOUNS
            or any(n.ent_type_ == "NORP" and n.tag_ in ("NNS", "NNPS") for n in (noun, *of_nouns)))


def _need_met(needs: str, token, place_tokens: set[int], headline: bool) -> bool:
    if needs.startswith("particle:"):
        words = _children_words(token) | _following_words(token)
        return all(words & set(group.split("|")) for group in needs.split(":", 1)[1].split("&"))
    if needs.startswith("not_following:"):  # "set fire to olive groves": property, not people
        return not _following_words(token, 8) & set(needs.split(":", 1)[1].split("|"))
    if needs.startswith("unless:"):
        linked = {c.lemma_.lower() for c in token.children} | {token.head.lemma_.lower()}
        return not linked & set(needs.split(":", 1)[1].split("|"))
    if needs == "plural_subject":
        subject = _subject(token)
        return subject is not None and (subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children))
    if needs == "force_any":  # "deployed troops", "troops were deployed", "deployed a missile system"
        subject = _antecedent(_subject(token), token)  # "Rwandan troops, who were deployed to Cabo Delgado"
        return bool((_noun_words(_object(token)) | _noun_words(subject)) & (FORCE_NOUNS | MISSILE_WORDS))
    if needs == "force_subject:deployed":
        # troops arriving anywhere; police arriving in a named place or from another country ("Kenyan police
        # officers arrived in the capital"), not police arriving at a scene ("before police arrived")
        subject = _subject(token)
        words = _noun_words(subject)
        if words & (FORCE_NOUNS - POLICE_NOUNS):
            return True
        national = subject is not None and any(c.ent_type_ in ("NORP", "GPE") for c in subject.children)
        placed = any(c.dep_ == "prep" and any(g.i in place_tokens or g.lemma_.lower() in TERRITORY_NOUNS | {"capital"}
                                              for g in c.children) for c in token.children)
        return bool(words & POLICE_NOUNS) and (national or placed)
    if needs.startswith("force_subject"):
        nouns = {"protester": PROTESTER_NOUNS, "marcher": MARCHER_NOUNS, "inmate": INMATE_NOUNS, "voter": VOTER_NOUNS}.get(
            needs.partition(":")[2], FORCE_NOUNS)
        return bool(_noun_words(_subject(token)) & nouns)
    if needs.startswith("object:"):  # "fought M23 fighters", "moved 112 inmates", "destroyed 84 drones"
        nouns = {"armed": FORCE_NOUNS | ARMED_GROUP_NOUNS, "inmate": INMATE_NOUNS, "airborne": AIRBORNE_WORDS,
                 "holdup": HOLDUP_TARGETS}[needs.partition(":")[2]]
        return bool(_noun_words(_object(token)) & nouns)
    if needs == "force_object":  # "sent troops"; not "sending an undercover agent a message"
        obj = _object(token)
        one_person = obj is not None and obj.tag_ == "NN" and obj.lemma_.lower() in FORCE_MEMBER_NOUNS
        return obj is not None and obj.dep_ != "dative" and bool(_noun_words(obj) & FORCE_NOUNS) and not one_person
    if needs == "person_object":
        obj = _object(token)
        if is_passive(token) or (obj is None and token.tag_ == "VBN"):
            # "X fled but was picked up", "a man picked up in ...", a headline's "2 held": the patient
            patient = _subject(token)
            if patient is None and token.dep_ in ("pcomp", "advcl"):  # "was left with a fractured skull after
                patient = _subject(clause_verb(token.head))             # being punched": the main clause's subject
            named = patient is not None and patient.pos_ == "PROPN" and patient.ent_type_ in ("", "PERSON")
            return _is_people(patient) or named or (patient is not None and patient.pos_ == "NUM")
        # a headline's "catch murder suspect" may parse "murder" as the object: the person follows it
        following = obj.nbor(1) if obj is not None and obj.i + 1 < len(obj.doc) else None
        return _is_people(obj) or (obj is not None and obj.pos_ == "NOUN" and following is not None
                                   and _is_people(following) and following.lower_ in CASE_NOUNS)
    if needs == "casualty":  # "wounded by gunfire", "killed in gunfire"; not "gunfire continued until dawn"
        head = token.head.head if token.dep_ == "pobj" else token.head
        return head.lemma_.lower() in CASUALTY_LEMMAS
    if needs == "victim_subject":  # "He died Saturday", "the victim died": someone reported before, not "37 people"
        subject = _subject(token)
        return subject is not None and (subject.lower_ in ("he", "she") or (
            _definite(subject) and _is_people(subject) and subject.tag_ == "NN"))
    if needs == "weapon_subject":  # "drones hit the port", "artillery pounded Kherson", "was hit by a projectile"
        weapons = _noun_words(_subject(token)) | _agent_words(token)
        return bool(weapons & (MISSILE_WORDS | AIRCRAFT_WORDS | EXPLOSIVE_NOUNS))
    if needs == "projectile_subject":  # "shells landed near the runway", not "helicopters landing in the town"
        return bool(_noun_words(_subject(token)) & (MISSILE_WORDS | EXPLOSIVE_NOUNS - {"charge", "charges", "device", "devices"}))
    if needs == "shots_subject":
        return bool(_noun_words(_subject(token)) & SHOT_NOUNS)
    if needs == "crowd":  # "all the fights", "a crowd ... a fight", "break up a fight"; not "a fight with her"
        return token.tag_ == "NNS" or _presupposed(token) or bool({t.lower_ for t in token.doc} & CROWD_WORDS)
    if needs == "explosive_subject":
        subject = _subject(token)
        if subject is not None and subject.lower_ == "it" and token.dep_ == "conj":
            subject = _subject(token.head)  # "the explosive was placed in the roof and it went off"
        return bool(_noun_words(subject) & EXPLOSIVE_NOUNS)
    if needs == "accusing":  # "Prosecutors allege that he took bribes": a charge, stated of a past act
        verb = token.head
        if token.dep_ == "nsubj" and verb.lemma_.lower() == "accuse":  # "Prosecutors accuse them of belonging to ..."
            return any(c.dep_ == "prep" and c.lower_ == "of" for c in verb.children) and not any(
                _has_modal_or_negation(verb))
        complement = _accused_act(verb) if token.dep_ == "nsubj" else None
        return complement is not None and complement.tag_ in ("VBD", "VBN") and not any(
            _has_modal_or_negation(complement))
    if needs == "acting_subject":
        # "Protesters blocked the road", "demonstrators marched": the actor of a protest reports it, but
        # not as the sayer or holder of a view ("protesters said", "protesters want"), nor in the present
        # tense of the body ("protesters oppose").
        verb = token.head
        return (token.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() not in STANCE_VERBS
                and (headline or verb.tag_ in ("VBD", "VBN") or _tense(verb) in ("past", "perfect", "progressive")))
    if needs == "place_object":
        obj = _subject(token) if is_passive(token) else _object(token)  # "the prison was retaken on Monday"
        obj = _antecedent(obj, token)  # "a region that Caracas claims as its own"
        if obj is not None and (obj.i in place_tokens or obj.lemma_.lower() in TERRITORY_NOUNS):
            return True
        return any(c.dep_ == "prep" and c.lower_ in ("into", "through") for c in token.children)
    if needs == "clausal":  # "forces shelled the town", not "shelled pistachios"
        return token.dep_ != "amod"
    if needs == "law_enforcement":
        return bool({w for t in token.sent for w in (t.lower_, t.lemma_.lower())} & LAW_ENFORCEMENT_WORDS)
    if needs == "custody":  # "inmates escaped", "escaped from jail"; not a zoo's otter, not "escaped the fighting"
        if {t.lemma_.lower() for t in token.sent} & CUSTODY_WORDS:
            return True
        if token.lemma_.lower() == "free":
            return False  # "all 28 were freed unharmed": from their captors, not from custody
        # a headline's "gang leader escapes": a person getting away, from nowhere named
        return _is_people(_subject(token)) and not any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("from", "out")) for c in token.children)
    if needs == "electorate":  # "Bolivians vote in a runoff"; not "the council voted 22-0 to approve the plan"
        on_a_motion = any(c.dep_ == "prep" and (any(g.lemma_.lower() in MOTION_NOUNS for g in c.subtree) or (
            c.lower_ in ("against", "for") and not any(g.ent_type_ == "PERSON" for g in c.subtree)))
                          for c in token.children)  # "voted on the bill", "voted in favor", "voted against the permit"
        tally = any(c.dep_ == "xcomp" or c.lower_ in ("yes", "no") or any(ch.isdigit() for ch in c.text)
                    for c in token.children)  # "voted 22-0", "voted to approve", "voted 'no'"
        return not (_noun_words(_subject(token)) & LEGISLATURE_NOUNS or on_a_motion or tally)
    if needs == "transitive":  # "gunmen struck a village", not "before the financial crisis struck"
        return _object(token) is not None
    if needs == "held":  # "was held in the county jail", "police held him"; not "holding her in his arms"
        return is_passive(token) or token.tag_ == "VBN" or bool(_noun_words(_subject(token)) & FORCE_NOUNS)
    if needs == "no_legislature":  # a vote of the people, not of a council or board ("the board approved it with one vote")
        owners = _noun_words(_subject(clause_verb(token))) | {
            w for c in token.children if c.dep_ in ("poss", "compound") for w in (c.lower_, c.lemma_.lower())}
        return not owners & LEGISLATURE_NOUNS
    if needs == "sovereign_attribute":  # "the shoal is China's inherent territory", "an integral part of Morocco"
        if token.dep_ not in ("attr", "pobj", "oprd"):
            return False
        of_state = any(g.ent_type_ == "GPE" for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children)
        if token.lemma_.lower() == "part":
            return of_state and any(c.lower_ in ("integral", "inseparable", "inalienable") for c in token.children)
        return any(c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP") for c in token.children) or any(
            c.dep_ == "amod" and c.lower_ in ("inherent", "sovereign", "indivisible") for c in token.children)
    if needs == "passive":  # "he was cited for drunken driving", "a driver cited for speeding"
        return is_passive(token) or (token.tag_ == "VBN" and token.dep_ == "acl")
    if needs == "active":  # "students demonstrated"; not "as demonstrated by"
        return not is_passive(token) and token.tag_ != "VBN"
    if needs == "intransitive":
        return not any(c.dep_ in ("dobj", "ccomp") for c in token.children)
    if needs == "with":  # "was charged", "a woman charged in ...", "charged X with": not "charged a fee", "rates charged"
        if any(c.dep_ == "prep" and c.lower_ in ("with", "in", "over") for c in token.children):  # ("charged over")
            return True
        patient = _subject(token) if token.dep_ != "acl" else token.head
        return (is_passive(token) or token.tag_ == "VBN") and patient is not None and (
            _is_people(patient) or patient.pos_ in ("PROPN", "PRON", "NUM"))
    if needs == "abductor":  # armed men taking people ("by four armed men", "gunmen took ..."), or into the bush
        actors = _agent_words(token) | (set() if is_passive(token) else _noun_words(_subject(token)))
        return bool(actors & (ARMED_GROUP_NOUNS | ASSAILANT_NOUNS | CAPTOR_NOUNS)
                    or _following_words(token, 6) & {"bush", "forest", "hostage", "hostages", "captive"})
    if needs == "accused":  # "Man accused of threatening tax worker", "she is accused of killing"
        return _accused(token) and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    if needs == "made_off_with_people":
        return any(_is_people(g) for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                   for g in c.children if g.dep_ == "pobj")
    if needs == "bail_set":  # "bond was set at $5,000", "a judge set $250,000 bail" (not "was released on bail")
        return token.head.lemma_.lower() == "set" and token.dep_ in ("nsubjpass", "dobj", "nsubj")
    if needs == "to_place":  # "to Manipur", "to the border" (not "ordered troops to withdraw")
        return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" for g in c.children)
                   for c in token.children)
    if needs == "marchers_object":  # "police dispersed protesters" (not the purpose of "fired tear gas to disperse")
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return False
        patient = _subject(token) if is_passive(token) else _object(token)
        return bool(_noun_words(patient) & (MARCHER_NOUNS | {"crowd", "crowds", "rally", "demonstration", "march"}))
    if needs == "no_arrest":
        return not {t.lemma_.lower() for t in token.sent if t.pos_ == "VERB"} & ARREST_VERBS
    if needs == "support":
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in BATCH_NOUNS:
            token, head = head.head, head.head.head  # "adopted a 16th package of sanctions"
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
        if context & LABOUR_STRIKE_WORDS or (token.head.lower_ == "on" and token.dep_ == "pobj"
                                             and not any(c.dep_ == "det" for c in token.children)):
            return "protest"  # "workers went on strike" (not "did not comment on the strike")
        if sentence_words & SPORTS_WORDS:
            return None  # "a 90th-minute strike"
    if token.pos_ == "NOUN":
        modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
        if modifiers & MEDICAL_MODIFIERS:
            return None  # "a heart attack"
        if lemma in ("battle", "fight", "fighting") and (
                modifiers & FIGURATIVE_MODIFIERS or token.head.lemma_.lower() in ("win", "lose")
                or any(c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                       for c in token.children)):
            return None  # "a legal battle", "lost the battle to keep the case out of court"
    if lemma in ("battle", "fight") and token.pos_ in ("VERB", "AUX") and (
            subject_words & FIREFIGHTER_NOUNS or _noun_words(_object(token)) & (FIGURATIVE_OPPONENTS | FIGURATIVE_MODIFIERS)):
        return None  # "firefighters battled the blaze", "has been fighting a long legal battle"
    if event_type == "armed_clash" and lemma in ("battle", "clash", "fight", "skirmish") and _abstract_opponents(token):
        return None  # "prison clashes with revitalization", "residents battling through the financial crisis"
    if lemma == "assault" and any(c.lower_ in ("sexual", "sexually", "indecent", "indecently") for c in token.children):
        return None  # sexual violence is not in this vocabulary (see geomap.event_types)
    if event_type == "killing" and any(c.lower_ in ("attempted", "attempt") for c in token.children):
        return "attack"  # "an attempted murder", "attempted assassination": nobody was killed
    if (event_type in ("attack", "armed_clash", "riot") and (subject_words | _agent_words(token)) & PROTESTER_NOUNS
            and not _noun_words(_object(token)) & PROTESTER_NOUNS):  # (also "set on fire by protesters")
        return "riot"  # protesters attacking; not activists of a ruling party attacking protesters
    if (event_type == "armed_clash" and token.pos_ == "NOUN" and sentence_words & PROTESTER_NOUNS
            and not sentence_words & ARMED_GROUP_NOUNS):
        return "riot"  # "hundreds were injured in clashes" at a protest: protesters are not an armed side
    if lemma in ("storm", "raid", "sweep") or (event_type == "security_operation" and lemma in ("take", "seize", "regain")):
        subject = _subject(token) if token.pos_ in ("VERB", "AUX") else _subject(clause_verb(token))
        subject_words = subject_words | _noun_words(subject)  # "troops pressed on with a raid"
        state_modifier = token.pos_ == "NOUN" and any(
            c.dep_ in ("compound", "amod", "nmod", "poss") and (c.ent_type_ in ("GPE", "NORP") or c.lemma_.lower() in
                                                                FORCE_NOUNS | EVENT_MODIFIERS | ENFORCEMENT_MODIFIERS)
            for c in token.children)  # "an immigration raid", "a police raid", "Israeli raids"
        if subject_words & FORCE_NOUNS or state_modifier or (subject is not None and subject.ent_type_ in ("GPE", "NORP")):
            return "security_operation"
        if event_type == "security_operation" and subject_words and lemma in ("take", "seize"):
            return None  # a gang "seizing control" of something: not an incident type we keep
        if lemma == "sweep":
            return "security_operation"
    if event_type in ("attack", "killing", "shelling", "bombing", "armed_clash"):
        weapons = _weapon_words(token)
        if weapons & AIRCRAFT_WORDS or ("air" in weapons and weapons & {"strike", "strikes", "raid", "raids"}) or (
                weapons & AIR_DROPPED_BOMB_MODIFIERS and weapons & {"bomb", "bombs"}):
            return "air_strike"  # "Russian aircraft dropped bombs, killing three", "an air force strike killed"
        if weapons & MISSILE_WORDS:
            return "shelling"  # "shells fired from across the border killed five"
        if weapons & EXPLOSIVE_NOUNS:
            return "bombing"  # "killed by a roadside bomb", "one of the bombs struck a playground"
    if event_type == "arrest" and token.dep_ == "amod" and token.tag_ == "VBN":
        return None  # "jailed drug cartel figures": their state, not this report's arrest
    if event_type in ("arrest", "escape", "abduction") and lemma in ("free", "rescue", "hostage", "captive"):
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        if verb.lemma_.lower() in ("free", "rescue") and not is_passive(verb) and _noun_words(_subject(verb)) & FORCE_NOUNS:
            return "security_operation"  # "troops freed 23 hostages": a rescue operation
    if event_type in ("arrest", "escape") and _held_captive(token, subject_words):
        return "abduction"  # "guards held by inmates", "28 hostages were freed": captives, not custody
    if event_type == "election" and lemma in ("referendum", "vote", "ballot", "poll") and _own_clause_words(token) & SOVEREIGNTY_WORDS:
        return "territorial_claim"  # "a referendum on independence", "voted on the creation of a state in the territory"
    if lemma == "raid" and token.pos_ == "NOUN" and clause_verb(token).lemma_.lower() in ARREST_VERBS:
        return "security_operation"  # "two suspects were arrested in a raid on a safe house"
    if event_type == "election" and token.pos_ == "NOUN" and _election_landmark(token):
        return None  # "days before the vote", "deployed for the election": a time or purpose, not the vote
    if event_type in ("attack", "bombing", "air_strike", "killing") and lemma in (
            "attack", "strike", "bomb", "bombing", "fire", "open", "raid", "assault", "bombard", "bombardment"):
        if _noun_words(token) & MISSILE_WORDS:
            return "shelling"
        if _noun_words(token) & GROUND_BOMB_MODIFIERS:
            return "bombing"  # "a suicide car bombing killed 40", even in a story about air strikes
        # (a "bomber" is usually a suicide bomber)
        if (sentence_words & AIRCRAFT_WORDS - {"bomber", "bombers"} - _targets(token) or _AIRCRAFT_PHRASE.search(sentence_text)
                or _noun_words(token) & ({"air", "drone"} | AIR_DROPPED_BOMB_MODIFIERS)):
            return "air_strike"
        if {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod")} & EXPLOSIVE_NOUNS:
            return "bombing"  # "a bomb attack", "a grenade attack"
    if event_type == "military_deployment" and CARE_CUES.search(sentence_text):
        return None  # "one of the wounded officers was airlifted to a hospital": care of the wounded
    if event_type == "attack" and lemma in ("fire", "use", "open") and _crowd_control(token, sentence_words):
        return "protest"  # "police fired tear gas at protesters": the protest, dispersed
    if event_type == "attack" and lemma == "strike" and token.pos_ == "VERB" and _state_striker(token):
        return "air_strike"  # "Israel strikes Syrian government forces": a state's strike is from the air
    if event_type == "attack" and lemma in GUNFIRE_LEMMAS and _targets(token) & FIRED_ON_FORCES:
        return "armed_clash"  # "a patrol came under fire", "soldiers were fired on": armed men fire on forces
    if event_type in ("attack", "killing") and (_armed_sides(token, subject_words, event_type == "killing") or (
            _targets(token) & (FORCE_NOUNS | MILITARY_TARGET_NOUNS) and (lemma == "ambush" or _in_a_fight(token)))):
        return "armed_clash"  # "militants attacked a police post", "troops were ambushed", "killed in the ambush"
    subject = _subject(token)
    if event_type == "attack" and subject_words & INMATE_NOUNS and subject is not None and subject.tag_ in ("NNS", "CD"):
        return "riot"  # "inmates overpowered guards", "about 20 inmates set mattresses on fire"
    return event_type


def _abstract_opponents(token) -> bool:
    """Whether a fight's opponents are named and none of them is people or an armed side."""
    opponents = [_object(token)] if token.pos_ in ("VERB", "AUX") else []
    opponents += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "against", "through")
                  for g in c.children if g.dep_ == "pobj"]
    opponents = [o for o in opponents if o is not None]
    return bool(opponents) and not any(
        _is_people(o) or o.pos_ in ("PROPN", "PRON") or o.text.isupper()  # a name or acronym ("against the AA")
        or o.lower_ in ("other", "another", "way")  # "fought each other",
        or _noun_words(o) & (FORCE_NOUNS | ARMED_GROUP_NOUNS | CROWD_WORDS | FIGHT_NOUNS)  # "fought their way into"
        or o.lemma_.lower() in FIGHT_NOUNS for o in opponents)  # "fought running battles with police"


def _own_clause_words(token) -> set[str]:
    """The sentence's words outside relative clauses that do not contain ``token`` ("the party, which has
    governed since independence, won 71 percent of the vote": not "independence")."""
    def aside(t) -> bool:
        return any(a.dep_ == "relcl" and a.head != token and not any(x == a for x in [token, *token.ancestors])
                   for a in [t, *t.ancestors])
    return {t.lemma_.lower() for t in token.sent if not aside(t)}


def _agent_words(token) -> set[str]:
    """The words of a passive verb's "by" phrase: "guards held by inmates", "set on fire by protesters"."""
    return {w for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
            for w in _noun_words(g)}


def _held_captive(token, subject_words: set[str]) -> bool:
    """People held or freed by captors, not by the police: "28 hostages were freed", "guards held by inmates",
    "inmates are holding 12 guards"."""
    patient = _subject(token) if is_passive(token) else _object(token)
    if _noun_words(patient) & CAPTIVE_NOUNS:
        return True
    return bool(_agent_words(token) & CAPTOR_NOUNS) or (token.lemma_.lower() == "hold" and bool(subject_words & CAPTOR_NOUNS))


def _weapon_words(token) -> set[str]:
    """The weapon an incident was done with: its subject, its "with"/"by" phrase, and the object of
    firing, launching or dropping ("shells killed five", "killed by a bomb", "fired missiles at").
    The subject of "came under fire" or of a passive verb is the target, not the weapon ("a
    helicopter came under fire, killing one crew member")."""
    subject = _subject(token)
    verb = token.head if token.dep_ == "advcl" else token
    words = set()
    reduced_passive = verb.dep_ == "acl" and verb.tag_ == "VBN"  # "Two teenagers stabbed ...": the victims
    if subject is not None and not (is_passive(verb) or reduced_passive or verb.lemma_.lower() == "come"):
        # (its nouns and modifiers, not the verbs of clauses inside it, "two teens charged in a carjacking", nor
        # what it was armed with: "gunmen armed with rifles and hand grenades stormed a police post")
        carried = {t.i for a in subject.subtree if a.lemma_.lower() == "arm" and a.dep_ in ("acl", "amod")
                   for t in a.subtree}
        words = {w for t in subject.subtree if (t.pos_ not in ("VERB", "AUX") or t.dep_ == "amod")
                 and t.i not in carried for w in (t.lower_, t.lemma_.lower())}
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("with", "by"):
            words |= {w for g in child.children if g.dep_ == "pobj" for w in _noun_words(g)}
    if token.lemma_.lower() in ("fire", "launch", "drop", "intercept", "shoot", "destroy"):
        words |= _noun_words(_object(token))
    if token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.lemma_.lower() in DEVICE_CONTACT_VERBS:
        words |= _noun_words(_object(token.head))  # "the truck struck a landmine, killing three soldiers"
    for clause in (c for c in token.children if c.dep_ == "advcl" and c.lemma_.lower() in DEVICE_CONTACT_VERBS):
        words |= _noun_words(_object(clause)) | {t.lower_ for c in clause.children if c.dep_ == "prep" and c.lower_ == "on"
                                                 for t in c.subtree}
    if "suicide" in words:
        words -= {"bomber", "bombers"}  # a person with explosives, not an aircraft
    return words


def _election_landmark(noun) -> bool:
    """An election named as a time or a purpose: "before the vote", "ahead of the election", "on the
    eve of the vote", "troops deployed for the vote"."""
    head = noun.head
    if noun.dep_ != "pobj":
        return False
    if head.lower_ in ("before", "for", "until", "ahead"):
        return True
    return head.lower_ == "of" and head.head.lower_ in ("ahead", "eve", "run-up", "runup", "lead-up")


def _armed_sides(token, subject_words: set[str], fatal: bool) -> bool:
    """An armed group and security forces on the two sides of a violent verb ("militants attacked a
    police post", "gunmen ambushed an army convoy", "troops attacked rebels"): ACLED's "Battles"."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    targets = _targets(token)
    if is_passive(token):  # "soldiers were ambushed by militants"
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is None:  # "three of the attackers were killed": fighters die in a fight (not a strike's toll)
            weapons = {t.lemma_.lower() for t in token.sent} & (AIRCRAFT_WORDS | MISSILE_WORDS | EXPLOSIVE_NOUNS)
            return (token.lemma_.lower() in DEATH_WORDS and bool(subject_words & (ARMED_GROUP_NOUNS | ASSAILANT_NOUNS))
                    and not weapons)
        subject_words = _agent_words(token)
    forces = FORCE_NOUNS - POLICE_NOUNS if fatal else FORCE_NOUNS  # gunmen killing a police officer: a killing
    return bool((subject_words & ARMED_GROUP_NOUNS and targets & (forces | MILITARY_TARGET_NOUNS))
                or (subject_words & FORCE_NOUNS and targets & ARMED_GROUP_NOUNS))


def _state_striker(token) -> bool:
    """A state or its armed forces striking something other than a mine: "Israel struck ...", "the military
    struck rebel camps" (not "an army truck struck a landmine")."""
    subject = _subject(token)
    if subject is None or _noun_words(_object(token)) & EXPLOSIVE_NOUNS:
        return False
    return subject.ent_type_ in ("GPE", "NORP") or subject.lemma_.lower() in ("military", "army", "force", "forces")


def _crowd_control(token, sentence_words: set[str]) -> bool:
    """Tear gas or water cannon fired at a crowd, and no live rounds."""
    obj = _object(token)
    if token.pos_ == "NOUN":  # a headline's misparsed verb: "Police fire tear gas at protesters"
        fired = {t.lower_ for t in token.doc[token.i + 1:]}
    else:
        fired = set() if obj is None else {t.lower_ for t in obj.subtree}
    live = sentence_words & LIVE_FIRE_WORDS - ({"bullets"} if sentence_words & {"rubber", "plastic"} else set())
    return bool(fired & CROWD_CONTROL_WORDS and not live
                and sentence_words & (PROTESTER_NOUNS | CROWD_WORDS | {"disperse", "marchers", "rally", "demonstration"}))


def _in_a_fight(token) -> bool:
    """Done in a fight: "were killed and four wounded in the ambush", "killed in an exchange of fire"."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in FIGHT_NOUNS for g in c.children)
        for verb in (token, *token.conjuncts) for c in verb.children)


def _targets(token) -> set[str]:
    """The words of whom or what a violent verb or noun is done to: its object, its "on"/"against"
    phrase, a passive verb's subject, the subject of "came under (fire)"."""
    targets = _noun_words(_object(token)) if token.pos_ in ("VERB", "AUX") else set()
    aimed = ("on", "at", "against", "upon", "to") if token.lemma_.lower() in ("set", "lay") else ("on", "at", "against", "upon")
    for child in token.children:  # "opened fire on soldiers", "an attack against the army", "set fire to the barracks"
        if child.dep_ == "prep" and child.lower_ in aimed:
            targets |= {w for c in child.children if c.dep_ == "pobj" for w in _noun_words(c)}
    if is_passive(token) or token.lemma_.lower() == "come":
        subject = _subject(token)
        if subject is not None and subject.pos_ == "PRON" and token.dep_ == "advcl":
            subject = _subject(token.head)  # "troops were responding ... when they came under fire"
        targets |= _noun_words(subject)
    if token.pos_ == "NOUN":  # "an AU convoy ambush" (but a "glide-bomb strike" names its weapon)
        targets |= {w for c in token.children if c.dep_ in ("compound", "poss") for w in _noun_words(c)} - (
            AIRCRAFT_WORDS | MISSILE_WORDS | EXPLOSIVE_NOUNS)
    convoy = next((t for t in token.subtree if t.lemma_.lower() == "convoy"), None)
    if convoy is not None:
        words = {t.lemma_.lower() for t in convoy.subtree}
        if words & CIVILIAN_CONVOY_WORDS and not words & (FORCE_NOUNS | {"military", "army", "police"}):
            targets -= {"convoy", "convoys"}  # "ambushed a convoy of commercial trucks": civilians, not a patrol
    return targets


def _has_modal_or_negation(token) -> tuple[bool, bool]:
    modal = negated = False
    for child in token.children:
        word = child.lower_
        if child.dep_ == "neg" or word in ("never",) or (child.dep_ == "det" and word == "no"):
            negated = True
        if child.dep_ in ("nsubj", "nsubjpass") and (word in ("nobody", "none") or any(
                c.dep_ == "det" and c.lower_ == "no" for c in child.children)):
            negated = True  # "No one was arrested", "nobody was hurt"
        if child.dep_ == "aux" and (word in MODALS or child.lemma_.lower() in MODALS):
            modal = True
        if child.dep_ == "mark" and word in ("if", "unless", "whether"):
            modal = True
    return modal, negated


def _factuality(token, event_type: str) -> str | None:
    """Why this trigger does not report an incident ("negated", "hypothetical", "state"), or None."""
    if _presupposed(token):
        return None
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lemma_.lower() == "lead":
        return "hypothetical"  # "anyone with information that leads to the arrest of the vandals"
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "for" and any(
            t.lemma_.lower() in ("reward", "bounty") for t in token.sent):
        return "hypothetical"  # "a $50 million reward was announced for the capture of Maduro"
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
        if current.dep_ == "ccomp" and _accused_act(head) == current:
            return "allegation"  # "prosecutors allege he shot the guard": the charge, not a new report of the act
        if head_lemma in CANCEL_VERBS and current.dep_ in ("nsubjpass", "dobj", "nsubj"):
            return "negated"  # "elections were canceled", "police called off the raid"
        outcome = _outcome_word(current)
        if outcome is not None:
            # "Attempt to rob man results in fatal stabbing", "a brawl that turned into a fight": the outcome
            # happened, whatever the misparsed words around it say (unless the outcome verb is itself modal)
            modal, negated = _has_modal_or_negation(outcome)
            return "negated" if negated else "hypothetical" if modal else None
        if current == token and current.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() not in (
                "place", "put"):
            return "state"  # "under arrest", "under indictment" (but "placed under arrest" is an arrest)
        if (token.pos_ == "NOUN" and current.dep_ == "pobj" and head.lower_ in ("with", "of", "for", "on", "to", "including", "over")
                and head.head.lemma_.lower() in ALLEGATION_HEADS | {"charge", "plead", "guilty"}) or (
            token.pos_ == "NOUN" and current.dep_ == "pobj" and head.lower_ == "in"
            and head.head.lemma_.lower() in COURT_HEADS | {"plea", "indictment", "arraign"}):
            return "allegation"  # "charged with aggravated arson", "arrested on charges of murder", "pleaded guilty to murder"
        if current == token and token.dep_ == "pcomp" and head.lower_ == "of" and head.head.lemma_.lower() == "accuse":
            return "allegation"  # "critics accused the government of killing civilians", "he is accused of stabbing"
        if (current.dep_ == "pcomp" and head.lower_ in ("with", "of", "for", "to")
                and head.head.lemma_.lower() in COURT_HEADS):
            return "allegation"  # "charged with killing X", "convicted of stabbing", "serving a sentence for
            # killing", "pleaded guilty to stabbing": the case, not a new report
        if current != token:
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if infinitive and head.lower_ == "about":
            return "hypothetical"  # "a man about to be indicted"
        if head_lemma in ("warn", "warning") and current.lower_ not in ("of", "against") and current.dep_ != "xcomp":
            pass  # a warning's content may be fact ("issued a warning: the army is deploying ..."); "warn of X" is not
        elif head_lemma == "want" and head.tag_ == "VBN":
            pass  # "wanted over the December bombing": sought by police for an incident that happened
        elif head_lemma in IRREALIS_GOVERNORS and not (infinitive and head_lemma in IMPLICATIVE_VERBS):
            gerund = current.dep_ == "xcomp" and current.tag_ == "VBG"  # "denied attacking", "tried shooting"
            if infinitive or gerund or current.dep_ in NOMINAL_PATH_DEPS or current.dep_ in ("acl", "nsubjpass", "acomp"):
                return "hypothetical"
        if infinitive and head.pos_ in ("VERB", "AUX", "ADJ"):
            # "managed to escape" happened; "dispatched soldiers to sweep into", "blocked roads to
            # protest" state a mission that is the incident, and so does an act against a named person
            # ("disguised as police officers to abduct Ronald Ojeda"); other purposes ("operating to
            # execute Venezuelans") may not have happened.
            named_target = any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in current.children)
            # An adjective's infinitive is never the act itself ("illegal to protest", "free to leave").
            purpose = head.pos_ != "ADJ" and (head_lemma in IMPLICATIVE_VERBS or head_lemma in MOVEMENT_LEMMAS
                                              or event_type == "protest" or named_target)
            if not purpose:
                return "hypothetical"
        if current == token or current.dep_ in NOMINAL_PATH_DEPS or current.dep_ in ("xcomp", "acl", "pcomp", "acomp"):
            current = head
            continue
        break
    return None


def _accused(verb) -> bool:
    """A person accused, in the passive of a charge: "a man accused of", "she is accused of" (not "critics
    accused the government of")."""
    if verb.lemma_.lower() != "accuse" or any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False  # (an accuser's "accused Azerbaijan of ethnic cleansing")
    patient = verb.head if verb.dep_ == "acl" else _subject(verb)
    return patient is not None and (_is_people(patient) or patient.ent_type_ == "PERSON" or patient.pos_ == "PROPN")


def _outcome_word(noun):
    """The outcome verb whose "in"/"into" object ``noun`` is ("results in fatal stabbing"), looked up on
    the parse and, as headlines are often misparsed ("results" as a noun), next to the preposition."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "into"):
        return None
    for word in (prep.head, prep.nbor(-1) if prep.i > 0 else None):
        if word is not None and word.lemma_.lower() in OUTCOME_VERBS:
            return word
    return None


def _classifies(token) -> bool:
    """An incident word that only classifies the noun after it: "Police catch murder suspect",
    "arrested on assault charges" (parsed as a compound or not)."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in CASE_NOUNS and (token.pos_ == "NOUN" or token.tag_ == "VBG")


def _presupposed(noun) -> bool:
    """An incident noun that is the object of a verb presupposing it ("to break up a brawl", "to
    disperse the protest", "responded to a shooting"): it happened even under "called to" or "will"."""
    if noun.pos_ != "NOUN":
        return False
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.lemma_.lower() in DEATH_WORDS | {"killing", "assassination"} and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ == "PERSON" for g in c.subtree) for c in noun.children):
        return True  # "The murder of Ricardo Salmerón will not go unpunished": a named victim's death happened
    if noun.dep_ in ("nsubj", "nsubjpass") and _definite(noun) and noun.head.lemma_.lower() in LINKING_VERBS:
        return True  # "investigating whether the killings were linked to extortion": only the link is in doubt
    if noun.dep_ not in ("dobj", "pobj"):
        return False
    if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in REFERENCE_HEADS and (
            _definite(noun) or any(c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in noun.children)):
        return True  # "no arrests have been made in connection with Thursday's bombing", "no comment on the shelling"
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if head.lemma_.lower() == "break":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in head.children)
    return head.lemma_.lower() in PRESUPPOSING_VERBS


def _accidental(token) -> bool:
    """Deaths in an accident or disaster are not incidents: "killed in a traffic accident",
    "struck and killed by a car", "a neighbour accidentally hit her", "a fire that killed four"."""
    if token.lemma_.lower() not in DEATH_WORDS | {"strike", "hit"}:
        return False
    if token.dep_ in ("advcl", "conj") and token.head.lemma_.lower() in ("strike", "hit") and _accidental(token.head):
        return True  # "the truck struck a car, killing two"
    scope = list(token.head.subtree) if token.dep_ in ("relcl", "acl", "amod", "conj") else list(token.subtree)
    # (the nouns only: "stormed an army post" is no storm)
    if any((w.lemma_.lower() in ACCIDENT_NOUNS and w.pos_ != "VERB") or w.lower_ in ("accidentally", "accidental")
           for w in scope):
        return True
    sentence_lemmas = {t.lemma_.lower() for t in token.sent}
    if any(_blaze(w) for w in scope) and not sentence_lemmas & ARSON_WORDS:
        return True  # "a fire that killed four children", "killed in a house fire" (not "set fire to the house")
    if token.lemma_.lower() in ("strike", "hit") and token.pos_ == "VERB":  # (a strike on a car is no crash)
        # (nor is a gunman striking someone: "a masked gunman struck her in the head" beside her SUV)
        weapon = _noun_words(_subject(token)) & (AIRCRAFT_WORDS | MISSILE_WORDS | EXPLOSIVE_NOUNS | ARMED_GROUP_NOUNS
                                                 | ASSAILANT_NOUNS)
        if sentence_lemmas & VEHICLE_NOUNS and not sentence_lemmas & EXPLOSIVE_NOUNS and not weapon:
            return True  # "lost control of his pickup ... and struck a Honda"
    verbs = [token, *(c for c in token.children if c.dep_ == "conj")] + ([token.head] if token.dep_ == "conj" else [])
    agents = [c for verb in verbs for c in verb.children if c.dep_ == "agent"]  # "struck and killed by a car"
    return any(w.lemma_.lower() in VEHICLE_NOUNS for agent in agents for w in agent.subtree)


def _blaze(word) -> bool:
    """A fire that burns, not gunfire ("opened fire", "police fire on marchers", "exchanges of fire",
    "rocket fire")."""
    following = word.nbor(1).lower_ if word.i + 1 < len(word.doc) else ""
    fired_by = {c.lemma_.lower() for c in word.children if c.dep_ in ("compound", "amod", "nmod", "conj")}
    exchanged = word.head.lower_ == "of" and word.head.head.lemma_.lower() in ("exchange", "hail", "burst", "volley")
    return (word.lower_ in FIRE_NOUNS and word.pos_ == "NOUN" and following not in ("on", "at", "upon")
            and word.head.lemma_.lower() not in ("open", "return", "exchange", "come") and not exchanged
            and not fired_by & (MISSILE_WORDS | AIRCRAFT_WORDS | GUNFIRE_MODIFIERS))


def _antecedent(word, clause):
    """The noun a relative pronoun of ``clause`` stands for ("troops, who were deployed", "a region that Caracas
    claims"), else the word itself."""
    if word is not None and word.tag_ in ("WP", "WDT") and clause.dep_ == "relcl":
        return clause.head
    return word


def _natural_cause(token) -> bool:
    """Harm done by disease or nature, not by people: "an outbreak of cholera killed 60", "H5N1
    infection killed her", "died from the disease", "struck down by the virus", "killed in the quake"."""
    subject = _antecedent(_subject(token), token)  # "the strain that killed ..."
    if subject is not None and subject.lemma_.lower() in AGGREGATE_CAUSE_NOUNS:
        return True  # "the war has killed tens of thousands": a toll, not an incident
    scope = list(subject.subtree) if subject is not None else []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "compound", "amod", "nmod", "dobj"):  # "battling prostate cancer"
            scope.extend(child.subtree)
    if any(w.pos_ in ("NOUN", "PROPN") and (w.lemma_.lower() in NATURAL_CAUSE_NOUNS or w.lower_ in NATURAL_CAUSE_NOUNS)
           for w in scope):  # a storm, not "a mob stormed the booth"
        return True
    # A death with no human author in a sentence about disease or disaster: "HIV infection is reported
    # in 33 million people and has killed 25 million", "1,400 have died as waterborne diseases spread"
    if token.lemma_.lower() not in DEATH_WORDS:
        return False
    author = subject if subject is not None and not is_passive(token) else next(
        (g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    human = author is not None and (
        _is_people(author) or author.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
        or bool(_noun_words(author) & (ARMED_GROUP_NOUNS | FORCE_NOUNS | PERSON_NOUNS)))
    return not human and any(w.pos_ in ("NOUN", "PROPN") and w.lemma_.lower() in NATURAL_CAUSE_NOUNS for w in token.sent)


def _animals(token) -> bool:
    """Animals as the victims or authors: "thousands of birds have been killed", "rounding up
    chickens", "the otter escaped", "toads exploded"."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    # and what the verb's own participle clause does: "went from house to house rounding up chickens"
    doing = [c for c in token.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"]
    for noun in (_object(token), _subject(token), *map(_object, doing)):  # the head noun: "cattle rustlers" are people
        if noun is None:
            continue
        heads = [noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj")]  # "thousands of birds"
        if any(h.lemma_.lower() in ANIMAL_NOUNS or h.lower_ in ANIMAL_NOUNS for h in heads):
            return True
    return False


def _accused_act(verb):
    """The act a prosecutor's statement charges: the clause of "prosecutors allege (that) he ...", or None."""
    if verb.lemma_.lower() not in ACCUSING_VERBS or not _noun_words(_subject(verb)) & ACCUSER_NOUNS:
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp"), None)


def _commentary(token) -> bool:
    """A noun trigger that is the subject of an evaluation: "The killing is an escalation"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() in ACCUSER_NOUNS:
        return False
    noun = token
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "csubj"):
        return False
    if any(c.dep_ == "relcl" for c in noun.children):
        return False  # "The march, which went along 8th Avenue, was peaceful": the clause reports it
    verb = noun.head
    return verb.lemma_.lower() in EVALUATIVE_VERBS | DOCUMENT_VERBS and not is_passive(verb)


def _anchored(token, date_tokens: set[int], headline: bool) -> bool:
    """Whether a noun trigger names a specific incident rather than a kind of act."""
    if token.pos_ != "NOUN" or token.lemma_.lower() == "wound":
        return True  # a gunshot or stab wound is someone's injury, never a kind of act
    if token.dep_ == "compound" and token.head.lemma_.lower() in ("flight", "flights") and token.lemma_.lower() in (
            "deportation", "expulsion", "extradition"):
        return True  # "resumed deportation flights": the deportations themselves
    if token.dep_ == "compound" and token.head.pos_ != "VERB":
        # "arrest warrant", "kidnapping charges" (a "compound" of a verb is a misparsed subject); but in a
        # headline without a verb, a verb trigger after a plural subject is the verb: "Hundreds protest closures"
        return headline and (_headline_verb(token) or _verb_only(token))  # "... as police detain journalists"
    if (token.dep_ in ("nsubj", "nsubjpass") and token.tag_ == "NNS" and token.head.lemma_.lower() in TREND_VERBS
            and not any(c.dep_ in ("det", "nummod", "poss") for c in token.children)):
        return False  # "Shootings have increased", "Killings attributed to gangs have risen": a trend
    if token.dep_ == "pobj" and token.head.lower_ == "under" and token.head.head.lemma_.lower() in ("place", "put"):
        return True  # "was placed under arrest"
    if headline or _outcome_word(token) is not None:
        return True  # headlines drop articles: "Venezuelans back claim in referendum"; "results in fatal stabbing"
    for child in token.children:
        if child.dep_ in ("det", "poss", "nummod", "relcl", "acl") and child.lower_ not in ("no", "all", "any", "every"):
            return True
        if child.dep_ in ("compound", "amod") and (child.pos_ in ("PROPN", "NUM") or child.i in date_tokens
                                                     or child.lemma_.lower() in EVENT_MODIFIERS):
            return True
    if token.dep_ in ("nsubj", "nsubjpass"):
        # "Shootings have increased": a bare plural counted over time is a trend
        return not (token.tag_ == "NNS" and token.head.lemma_.lower() in TREND_VERBS
                    and not any(c.dep_ in ("det", "nummod", "poss") for c in token.children))
    if token.dep_ == "dobj" and token.head.lemma_.lower() in SUPPORT_VERBS:
        return True
    if {t.i for t in token.subtree} & date_tokens:
        return True
    clause = clause_verb(token)
    while True:  # coordinated verbs share their adjuncts: "In 2019, X resigned and fled after disputed elections"
        if set(_clause_tokens(clause)) & date_tokens:
            return True
        if clause.dep_ != "conj" or clause.head == clause:
            return False
        clause = clause.head


def _among_the_victims(token) -> bool:
    """A participle that only picks out the victims just reported: "Of the three killed, two were fighters",
    "Among those wounded were two children"."""
    return (token.dep_ == "acl" and token.tag_ == "VBN" and token.head.dep_ == "pobj"
            and token.head.head.lower_ in ("of", "among"))


def _verb_only(token) -> bool:
    """A word that is an incident trigger only as a verb ("detain"), whatever the parser tagged it."""
    return ((token.lower_, "VERB") in _TRIGGER_INDEX or (token.lemma_.lower(), "VERB") in _TRIGGER_INDEX) and not (
        (token.lower_, "NOUN") in _TRIGGER_INDEX or (token.lemma_.lower(), "NOUN") in _TRIGGER_INDEX)


HEADLINE_BREAKS = frozenset(": ; | — –".split())


def _headline_verb(token) -> bool:
    """A noun of a verbless headline that reads as its verb: it is also a verb trigger and follows a
    plural, counted or named subject or a force ("Hundreds protest school closures", "U.S. sanctions
    al-Shabaab financiers", "Police fire tear gas at protesters")."""
    doc = token.doc
    subject = doc[token.i - 1] if token.i > 0 else None
    if subject is None or not (subject.tag_ in ("NNS", "NNPS", "CD") or subject.pos_ == "PROPN"
                               or subject.lower_ in FORCE_NOUNS) or (token.lemma_.lower(), "VERB") not in _TRIGGER_INDEX:
        return False
    # no verb before it in its part of the headline ("Weekly brief: U.S. sanctions X; China draws Y")
    start = max((t.i + 1 for t in doc[:token.i] if t.text in HEADLINE_BREAKS), default=0)
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[start:token.i])


def _clause_tokens(verb) -> list[int]:
    """Token indices of a verb's clause, not entering subordinate or coordinated clauses."""
    out = [verb.i]
    stack = [c for c in verb.children if c.dep_ not in CLAUSAL_DEPS]
    while stack:
        tok = stack.pop()
        out.append(tok.i)
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSAL_DEPS or c.pos_ not in ("VERB", "AUX"))
    return out


def _tense(token) -> str:
    """past, perfect, progressive, present or none (for nouns without a verb)."""
    verb = token if token.pos_ in ("VERB", "AUX") else clause_verb(token)
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
    if noun.ent_type_ == "PERSON" or noun.lower_ in PERSON_PRONOUNS:
        return 1  # "Ricardo Salmerón was shot dead", "he died in hospital"
    if noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in SINGLE_DETERMINERS for c in noun.children):
        return 1
    if noun.tag_ == "NN" and noun.lemma_.lower() in PERSON_NOUNS and any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in noun.children):
        return 1  # "they killed my uncle", "the victim died"
    return None


def _fatalities(doc) -> dict[int, int]:
    """Token index of each death word -> the number of dead it states."""
    found: dict[int, int] = {}
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma not in DEATH_WORDS and not (token.pos_ == "VERB" and any(c.lower_ in FATAL_ADVERBS for c in token.children)):
            continue  # "fatally stabbed" and "fatally shot" count their victims like "killed"
        victim = None
        if lemma == "dead" and token.pos_ == "ADJ":
            if token.dep_ == "amod":
                victim = token.head
            else:
                victim = _object(token.head) or next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        elif lemma == "death" and token.pos_ == "NOUN" and token.head.lower_ == "to" and token.head.head.pos_ == "VERB":
            verb = token.head.head  # "was hacked to death", "stabbed five prisoners to death"
            victim = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
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


def _actors(sentence: Sentence, place_chars: list[tuple[int, int]]) -> tuple[str, ...]:
    actors: list[str] = []
    seen: set[str] = set()
    for ent in sentence.doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        if any(ent.start_char < end and start < ent.end_char for start, end in place_chars):
            if ent.label_ != "NORP":
                continue
        surface = sentence.text[ent.start_char:ent.end_char]  # not ent.text: a headline may be parsed sentence-cased
        name = re.sub(r"^(?:the|The)\s+|['’]s$", "", " ".join(surface.split())).strip(" ,.;:\"“”'’-—")
        if len(name) < 2 or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        actors.append(name)
    return tuple(actors)


@dataclass
class _Hit:
    token: object
    event_type: str


@dataclass
class _Incident:
    sentence: Sentence
    event_type: str
    tokens: list
    date: DateMention | None
    window: DateWindow
    # explicit, unresolved (no publication date), episode, entry (a live blog entry's day), clause (what led to the
    # sentence's dated act), reference, sibling (the date of the sentence's first incident, for a type the typer
    # added), publication, none
    date_source: str
    places: list[Located] = field(default_factory=list)
    place_source: str = "none"  # sentence, episode, reference, nearby, document
    fatalities: int | None = None
    actors: tuple[str, ...] = ()
    verb_trigger: bool = True
    follows: "_Incident | None" = None  # the incident a follow-up sentence reports again
    type_probability: float | None = None  # the typer's, when it reread the sentence


def _within_reach(sentence: Sentence, paragraph: int, index: int) -> bool:
    """Whether a sentence is close enough to the one at (``paragraph``, ``index``) to go on with it: the same
    or next paragraph, or a few sentences on."""
    return sentence.paragraph.index - paragraph <= 1 or sentence.index - index <= EPISODE_SENTENCES


@dataclass
class _Episode:
    window: DateWindow
    places: list[Located]
    paragraph: int
    sentence: int
    event_type: str | None = None

    def continues(self, sentence: Sentence) -> bool:
        """Whether an undated sentence can continue this episode: the same or next paragraph, or a few sentences on."""
        return _within_reach(sentence, self.paragraph, self.sentence)


def _fronted_conjunct(span):
    """The coordinated verb a date stands before, between "and" and the verb ("killed 26 villagers on Sunday and,
    a day later, stormed an army post"): it dates that verb, whichever the parser attached it to."""
    doc = span.doc
    before, after = span.start - 1, span.end
    while before >= 0 and doc[before].is_punct:
        before -= 1
    while after < len(doc) and doc[after].is_punct:
        after += 1
    if before < 0 or after >= len(doc) or doc[before].dep_ != "cc":
        return None
    verb = doc[after]
    return verb if verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and verb.head == doc[before].head else None


def _nearest_date(sentence: Sentence, tokens: list, published: date | None) -> tuple[DateMention | None, DateWindow | None]:
    """The date expression that dates these trigger tokens (nearest in the tree), and its window."""
    doc = sentence.doc
    best = None
    for mention in sentence.dates:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = _span_root(span)
        conjunct = _fronted_conjunct(span)
        if conjunct is not None:
            usable = [t for t in tokens if t == conjunct or conjunct in t.ancestors]
        else:
            usable = [t for t in tokens if _date_applies(mention, root, t)]
        if not usable:
            continue
        distance = min(tree_distance(t, conjunct or _date_anchor(root)) for t in usable)
        verb = clause_verb(root)
        # the day a statement was made dates it, not the incident it reports ("killed 34 soldiers on Tuesday, the
        # ministry said on Wednesday"), unless nothing else does
        said = verb is not None and verb.lemma_.lower() in STATEMENT_VERBS and verb not in usable
        key = (said, distance, mention.start)
        if best is None or key < best[0]:
            best = (key, mention, root, usable)
    if best is None:
        return None, None
    _, mention, root, usable = best
    if any(_dates_the_trigger(root, t) for t in usable):
        return mention, mention.point if mention.since else mention.window
    if not mention.since and mention.window is not None and any(_under_since(root, t) for t in usable):
        return mention, since_window(mention.window, published)  # "since the coup in February 2021"
    return mention, mention.window


def _date_anchor(root):
    """Where a date expression attaches: a bare time hung on a noun that is no incident ("shot outside a gas
    station late Wednesday", as the parser reads it) dates that noun's clause."""
    if root.dep_ == "npadvmod" and root.head.pos_ in ("NOUN", "PROPN") and root.head.lemma_.lower() not in TRIGGER_NOUNS:
        verb = clause_verb(root.head)
        if verb is not None:
            return verb
    return root


def _span_root(span):
    """The head of a date expression, not its article: "October" in "the October (elections)"."""
    heads = [t for t in span if t.head == t or not (span.start <= t.head.i < span.end)]
    return next((t for t in heads if t.dep_ != "det"), span.root)


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
    """A date outside the trigger's "since/after/before ..." phrase does not date it (a year still does after "after"),
    nor does a date in a relative clause about another noun ("the war, which began in March 2003") or in a
    series the incident is counted in ("the fifth attack this month")."""
    for noun in (t for t in date_root.ancestors if _serial([t])):
        if noun != trigger and not any(a == noun for a in trigger.ancestors):
            return False  # "killing 20 people in the fifth attack this month": the month dates the series
    for clause in (t for t in [date_root, *date_root.ancestors] if t.dep_ == "relcl"):
        if clause.head == trigger:
            break
        if trigger != clause and not any(a == clause for a in trigger.ancestors):
            return False
    verb = clause_verb(date_root)
    if (verb is not None and verb != trigger and trigger not in verb.subtree
            and any(c.dep_ == "aux" and (c.lower_ == "to" or c.lower_ in MODALS) for c in verb.children)):
        return False  # "voting took place in 102 townships, with the rest due to follow in January"
    island = _temporal_island(trigger)
    if island is None:
        return True
    head, marker = island
    if date_root == head or any(a == head for a in date_root.ancestors):
        return True
    return marker != "since" and mention.window is not None and mention.window.precision == "year"


def _under_since(date_root, trigger) -> bool:
    path = tree_path(trigger, date_root)
    return path is not None and any(t.lower_ == "since" and t.dep_ == "prep" for t in path[1][1:])


def _dates_the_trigger(date_root, trigger) -> bool:
    """A date that belongs to the trigger itself rather than to "since ...": "the January 2026 raid",
    "since January 3, when US forces abducted Maduro"."""
    if date_root.head == trigger and date_root.dep_ in ("compound", "nmod", "amod", "npadvmod", "poss", "nummod"):
        return True
    return any(a == date_root for a in trigger.ancestors) and any(
        t.dep_ in ("relcl", "acl") for t in trigger.ancestors if date_root in t.ancestors) or (
        trigger.dep_ in ("relcl", "acl") and trigger.head == date_root)


def _sentence_hits(sentence: Sentence, last_violence: str | None, cause: str | None) -> list[_Hit]:
    """The incident triggers of a sentence that report an incident. ``last_violence``: the type of the
    document's last violent incident, if any (a follow-up trigger such as "later died" counts only then);
    ``cause``: that type when the incident is in this paragraph, where a follow-up reports it when it is
    what killed ("one of the wounded died in hospital" after a bombing; not the next item of a round-up)."""
    doc = sentence.doc
    if sentence.text.rstrip().endswith("?"):
        return []
    place_tokens = char_tokens(doc, [(rm.mention.start - sentence.start, rm.mention.end - sentence.start)
                                      for rm in sentence.mentions if rm.place is not None])
    date_tokens = char_tokens(doc, [(m.start, m.end) for m in sentence.dates])
    sentence_words = {t.lower_ for t in doc}
    hits: list[_Hit] = []
    for token in doc:
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_
        lemma = token.lemma_.lower()
        if sentence.headline and ((pos == "ADJ" and (token.lower_, "VERB") in _TRIGGER_INDEX) or (
                pos == "NOUN" and token.dep_ in ("amod", "compound") and _verb_only(token))):
            pos = "VERB"  # headlines drop the words that make a verb a verb: "Police detain opposition leaders"
        if pos == "NOUN" and token.dep_ == "ROOT" and {c.dep_ for c in token.children} >= {"nsubj", "dobj"}:
            pos = "VERB"  # a noun with a subject and an object is a mistagged verb: "police retook control of"
        if pos == "VERB" and token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            pos, lemma = "NOUN", token.lower_  # a gerund used as a noun: "Fighting continued on Tuesday"
        if token.lower_ == "shot" and pos == "NOUN" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("dead", "down"):
            pos, lemma = "VERB", "shoot"  # "gunmen on a motorcycle shot dead a candidate", parsed as a noun
        triggers = _TRIGGER_INDEX.get((lemma, pos)) or _TRIGGER_INDEX.get((token.lower_, pos)) or []
        if sentence.headline and pos == "NOUN" and token.dep_ == "compound" and _headline_verb(token):
            # the noun reading first ("Hundreds protest school closures"), then the verb's ("U.S. sanctions
            # al-Shabaab financiers", "Police fire tear gas at protesters")
            triggers = [*triggers, *_TRIGGER_INDEX.get((lemma, "VERB"), [])]
        if not triggers:
            continue
        trigger = next((t for t in triggers if (last_violence or not t.follow_up)
                        and _needs_met(t, token, place_tokens, sentence.headline)), None)
        if trigger is None:
            continue
        event_type = _adjust_type(trigger.event_type, token, sentence_words, sentence.text)
        if ((trigger.follow_up or (lemma == "wound" and pos == "NOUN") or _among_the_victims(token))
                and cause in HARM_CAUSE_TYPES and event_type in EVENT_TYPES[cause].absorbs):
            event_type = cause
        if event_type is None:
            continue
        reason = "classifier" if _classifies(token) else _factuality(token, event_type)
        if reason is None and _commentary(token):
            reason = "commentary"
        if reason is None and not _anchored(token, date_tokens, sentence.headline):
            reason = "generic"
        if (reason is None and pos == "VERB" and token.tag_ == "VB" and token.dep_ == "ROOT"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in token.children)):
            reason = "imperative"  # "Strike the shepherd and the sheep will scatter"
        if (reason is None and pos == "VERB" and not sentence.headline and not sentence.dates
                and _tense(token) == "present" and not is_passive(token) and token.lemma_.lower() not in STATE_VERBS
                and event_type != "territorial_claim"):  # a claim is a standing state: "Beijing claims the sea"
            reason = "habitual"  # "the gang kidnaps migrants" (but "two men are charged with murder" is news)
        if (reason is None and pos == "VERB" and not sentence.dates
                and any(c.dep_ == "advmod" and c.lower_ in RECORD_ADVERBS for c in token.children)):
            reason = "record"  # "he has been arrested before": his record, not this report's incident
        if (reason is None and token.pos_ == "NOUN" and token.tag_ == "NNS" and token.dep_ == "dobj"
                and token.head.lemma_.lower() in TALLY_VERBS):
            reason = "statistic"  # "Memphis recorded 289 homicides last year"
        if (reason is None and token.dep_ == "pcomp" and token.head.lower_ == "with"
                and token.lemma_.lower() in DEATH_WORDS and token.head.head.lemma_.lower() in TREND_VERBS):
            reason = "statistic"  # "violence has risen sharply this year, with hundreds of police killed"
        if (reason is None and token.tag_ == "NNS" and token.dep_ == "pobj" and token.head.lower_ == "of"
                and token.head.head.lower_ in ("many", "some", "several")):
            reason = "generic"  # "is blamed for many of the deadliest massacres"
        if reason is None and _repeated(token) and not any(m.since for m in sentence.dates):
            reason = "habitual"  # (a series "since November" is reported: "have rallied nightly since Nov. 28")
        if reason is None and _accidental(token):
            reason = "accident"
        if reason is None and _natural_cause(token):
            reason = "disease or disaster"
        if reason is None and _animals(token):
            reason = "animals"
        if reason:
            log.debug("not an incident (%s): %r in %r", reason, token.text, sentence.quote)
            continue
        hits.append(_Hit(token, event_type))
    return hits


def _group_hits(sentence: Sentence, hits: list[_Hit], published: date | None
                ) -> list[tuple[str, list, DateMention | None, DateWindow | None]]:
    """Hits -> (type, tokens, date mention, window) per incident, after absorption by priority."""
    groups: dict[tuple[str, int | None], list] = {}
    dated: dict[tuple[str, int | None], tuple[DateMention | None, DateWindow | None]] = {}
    for hit in hits:
        mention, window = _nearest_date(sentence, [hit.token], published)
        key = (hit.event_type, mention.start if mention is not None else None)
        groups.setdefault(key, []).append(hit.token)
        dated[key] = (mention, window)
    # "was shot and killed", "died in the stabbing": the harm to a person and the death are one killing.
    for key in [k for k in groups if k[0] == "attack"]:
        killing = next((k for k in groups if k[0] == "killing"
                        and (k[1] is None or key[1] is None or k[1] == key[1])), None)
        if killing is not None and all(t.lemma_.lower() in PERSONAL_VIOLENCE_LEMMAS for t in groups[key]):
            groups[killing].extend(groups.pop(key))
    # Undated hits join a dated group of the same type.
    for key in [k for k in groups if k[1] is None]:
        same = [k for k in groups if k[0] == key[0] and k[1] is not None]
        if same:
            groups[same[0]].extend(groups.pop(key))
    ordered = sorted(groups, key=lambda k: (EVENT_TYPES[k[0]].priority, k[1] if k[1] is not None else -1))
    kept: list[tuple[str, int | None]] = []

    def one_incident(part: tuple[str, int | None], whole: tuple[str, int | None]) -> bool:
        return (part[0] in EVENT_TYPES[whole[0]].absorbs
                and (part[1] is None or whole[1] is None or part[1] == whole[1] or _serial(groups[part])
                     or _consequence(groups[part], groups[whole]))
                and not _other_actors(groups[part], groups[whole]))

    for key in ordered:
        absorber = next((k for k in kept if one_incident(key, k)), None)
        if absorber is not None:
            groups[absorber].extend(groups[key])
            continue
        # a type listed later that absorbs one kept before it: "Gunmen seize 38 pupils in school raid"
        absorbed = next((k for k in kept if k[0] != "killing" and one_incident(k, key)), None)
        if absorbed is not None:
            groups[key].extend(groups.pop(absorbed))
            kept[kept.index(absorbed)] = key
            continue
        kept.append(key)
    return [(key[0], groups[key], *dated[key]) for key in kept]


def _other_actors(tokens, incident_tokens) -> bool:
    """Two clauses with different named subjects are two incidents, whatever their types: "Drones hit
    Port Sudan as RSF shells El Fasher"."""
    def subjects(group):
        return {s.lemma_.lower() for t in group if t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" and not is_passive(t)
                for s in t.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")
                and not (s.like_num or s.lower_ in SPREAD_WORDS | {"hundreds", "thousands"})}  # actors, not "Dozens killed"
    mine, theirs = subjects(tokens), subjects(incident_tokens)
    return bool(mine and theirs and not mine & theirs)


def _consequence(tokens, incident_tokens) -> bool:
    """Participles that state what an incident did ("a bomb exploded on Friday, killing 20 people this
    month" however the parser attaches the dates): part of that incident."""
    return all(t.dep_ == "advcl" and t.tag_ == "VBG" and t.head in incident_tokens for t in tokens)


def _serial(tokens) -> bool:
    """Incident nouns counted in a series ("in the fifth major attack this month", "the latest attack"):
    the sentence's own incident, whatever date the series has."""
    return all(t.pos_ == "NOUN" and any(c.ent_type_ == "ORDINAL" or c.lower_ == "latest" for c in t.children)
               for t in tokens)


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _sentence_case(sentence: Sentence) -> str:
    """A Title Case headline in sentence case, so that its verbs parse as verbs ("Police Catch Murder
    Suspect" -> "Police catch murder suspect"). Place mentions, acronyms and the first word keep their
    case; the length and offsets do not change."""
    text = sentence.text
    words = list(_WORD.finditer(text))
    long_words = [m.group() for m in words[1:] if len(m.group()) >= 4]
    if not sentence.headline or len(long_words) < 2 or sum(w[0].isupper() for w in long_words) < 0.7 * len(long_words):
        return text
    kept = [(rm.mention.start - sentence.start, rm.mention.end - sentence.start) for rm in sentence.mentions]
    chars = list(text)
    for match in words[1:]:
        word = match.group()
        inside_place = any(start <= match.start() < end for start, end in kept)
        if (word[0].isupper() and word[1:] == word[1:].lower() and not inside_place and len(word.lower()) == len(word)
                and word.lower() not in CALENDAR_NAMES):  # "in December slaying": a month stays a name
            chars[match.start():match.end()] = word.lower()
    return "".join(chars)


def _parse(sentences: list[Sentence], nlp) -> None:
    wanted = [s for s in sentences if s.mentions or _TRIGGER_PREFILTER.search(s.text)]
    for sentence, doc in zip(wanted, nlp.pipe([_sentence_case(s) for s in wanted], batch_size=64)):
        sentence.doc = doc


def extract_events(document: Document, resolved: Sequence[ResolvedMention], *, nlp=None, gazetteer=None,
                   merge: bool = True, learned_types: bool = True, learned_dates: bool = True) -> list[Event]:
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
    learned_types : bool (default True)
        Let the shipped `EventTyper` veto and add types (`geomap.event_typer`); False gives the rules'
        incidents alone (what the typer is trained on).
    learned_dates : bool (default True)
        Let the shipped `EventDater` choose each incident's date among the ones its article offers
        (`geomap.event_dater`); False keeps the rules' dates.

    Returns
    -------
    list of Event
        Each with one `Source` for this document.
    """
    sentences, incidents = _rule_incidents(document, resolved, nlp or load_parser(), gazetteer)
    if learned_types:
        incidents = _second_opinion(incidents, sentences, load_typer(), document.published)
    if learned_dates:
        _redate(incidents, load_dater(), document.published)
    events = [event for incident in incidents for event in _to_events(document, incident)]
    return merge_events(events, gazetteer=gazetteer) if merge else events


def typer_input(document: Document, resolved: Sequence[ResolvedMention], *, nlp=None, gazetteer=None
                ) -> tuple[list[Sentence], list[set[str]]]:
    """A document's sentences and the types of the incidents the rules find in each: what `EventTyper`
    scores (``bench/train_event_typer.py`` trains it on these)."""
    sentences, incidents = _rule_incidents(document, resolved, nlp or load_parser(), gazetteer)
    return sentences, _rule_types(incidents, sentences)


def dater_input(document: Document, resolved: Sequence[ResolvedMention], *, nlp=None, gazetteer=None
                ) -> list[tuple[Sentence, str, str, list[DateCandidate]]]:
    """Each incident the rules and the typer find, as (sentence, type, the rules' date source, the dates it could
    have): what `EventDater` chooses from (``bench/train_event_dater.py`` trains it on these)."""
    sentences, incidents = _rule_incidents(document, resolved, nlp or load_parser(), gazetteer)
    incidents = _second_opinion(incidents, sentences, load_typer(), document.published)
    return [(incident.sentence, incident.event_type, incident.date_source,
             _date_candidates(incident, incidents[:n], document.published)) for n, incident in enumerate(incidents)]


def _rule_incidents(document: Document, resolved: Sequence[ResolvedMention], nlp, gazetteer
                    ) -> tuple[list[Sentence], list[_Incident]]:
    """The document's sentences and the placed incidents the rules find in them."""
    clean = clean_text(document.text)
    sentences = read_sentences(document, clean, resolved)
    _parse(sentences, nlp)
    weights = {(s.index, id(rm)): mention_weight(s, rm) for s in sentences for rm in s.mentions}
    weighted = [(rm, weights[(s.index, id(rm))]) for s in sentences for rm in s.mentions]
    country = focus_place(weighted, [], gazetteer, country_only=True)
    capital = next((rm.place for rm in resolved if rm.place is not None and rm.place.feature_code == "PPLC"
                    and country is not None and rm.place.country_code == country.country_code), None)
    incidents = _incidents(document, sentences, PlaceContext(country, capital), gazetteer)
    _retype_references(incidents)
    _retype_attack_references(incidents)
    _resolve_references(incidents)
    _locate_fallbacks(incidents, sentences, weights, gazetteer, document.published)
    return sentences, [i for i in incidents if i.places]


def _rule_types(incidents: list[_Incident], sentences: list[Sentence]) -> list[set[str]]:
    """The types of the incidents in each sentence, in sentence order."""
    position = {id(s): n for n, s in enumerate(sentences)}
    types: list[set[str]] = [set() for _ in sentences]
    for incident in incidents:
        types[position[id(incident.sentence)]].add(incident.event_type)
    return types


def _second_opinion(incidents: list[_Incident], sentences: list[Sentence], typer: EventTyper,
                    published: date | None) -> list[_Incident]:
    """The rules' incidents with the types `typer` finds unlikely dropped and the ones it finds likely added: in a
    sentence the rules typed, at the same date and places as its first incident; in another, as a follow-up of the
    last incident of that type told before it, at the date the sentence gives, else at that incident's."""
    own: dict[int, list[_Incident]] = defaultdict(list)
    for incident in incidents:
        own[id(incident.sentence)].append(incident)
    told: dict[str, _Incident] = {}  # the last incident of each type the rules found so far
    result = []
    revisions = typer.revise(sentences, _rule_types(incidents, sentences))
    for sentence, (kept, added, probability) in zip(sentences, revisions):
        reported = own[id(sentence)]
        for incident in reported:
            if incident.event_type in kept:
                incident.type_probability = probability.get(incident.event_type)
                result.append(incident)
        for event_type in sorted(added):
            if reported:
                first = reported[0]
                result.append(replace(first, event_type=event_type, type_probability=probability[event_type],
                                      fatalities=first.fatalities if event_type in VIOLENT_TYPES else None,
                                      date_source="sibling"))
                continue
            last = told[event_type]
            follow_up = _Incident(sentence, event_type, [], None, last.window, "reference", list(last.places),
                                  "reference", verb_trigger=False, follows=last,
                                  type_probability=probability[event_type])
            mention, window = _own_date(sentence, published)
            if window is not None:
                follow_up.date, follow_up.window, follow_up.date_source = mention, window, "explicit"
            result.append(follow_up)
        told.update((i.event_type, i) for i in reported)
    return result


def _own_date(sentence: Sentence, published: date | None) -> tuple[DateMention | None, DateWindow | None]:
    """The date nearest a sentence's root, unless it is in the future or a deadline ("adjourned to July 14", "set
    a court date for March 28", "had not been returned by Tuesday")."""
    if sentence.doc is None:
        return None, None
    mention, window = _nearest_date(sentence, [sentence.doc[:].root], published)
    if window is None or mention.future:
        return None, None
    root = _span_root(sentence.doc.char_span(mention.start, mention.end, alignment_mode="expand"))
    if root.dep_ == "pobj" and root.head.lower_ in DEADLINE_PREPOSITIONS:
        return None, None
    return mention, window


def _redate(incidents: list[_Incident], dater: EventDater, published: date | None) -> None:
    """Give each incident whose date source `dater` redates the date it chooses among the ones its article offers
    (offered from the rules' dates: one incident's new date does not feed the next's choice, as in training)."""
    chosen = {n: dater.choose(_date_candidates(incident, incidents[:n], published))
              for n, incident in enumerate(incidents) if incident.date_source in dater.redates}
    for n, candidate in chosen.items():
        if "rule" not in candidate.sources:
            incidents[n].window = candidate.window
            incidents[n].date_source = next(source for kind, source in DATER_SOURCES if kind in candidate.sources)


def _date_candidates(incident: _Incident, earlier: list[_Incident], published: date | None) -> list[DateCandidate]:
    """The dates an incident could have, the rules' first, each with the features of every offer of it."""
    sentence = incident.sentence
    offers = [(incident.window, "rule", {f"rule:{incident.date_source}"})]
    if sentence.doc is not None:
        offers += _mention_offers(incident)
    # the incidents told last before it, and the article's lead incident (its first below the headline)
    lead = next((other for other in earlier if not other.sentence.headline), None)
    if lead is not None and all(lead is not other for other in earlier[-EARLIER_OFFERS:]):
        offers.append((lead.window, "earlier", {"earlier:lead", f"earlier:{lead.date_source}"}))
    for rank, other in enumerate(reversed(earlier[-EARLIER_OFFERS:]), start=1):
        gap = sentence.index - other.sentence.index
        features = {f"earlier:rank{rank}", f"earlier:gap{_bucket(gap, (0, 1, 2, 4, 8))}",
                    f"earlier:{other.date_source}"}
        if other.event_type == incident.event_type:
            features.add("earlier:same_type")
        if other.sentence.paragraph.index == sentence.paragraph.index:
            features.add("earlier:same_paragraph")
        if other.sentence.headline:
            features.add("earlier:headline")
        if incident.follows is other:
            features.add("earlier:followed")
        offers.append((other.window, "earlier", features))
    if published is not None:
        offers.append((day_window(published), "publication", {"publication:day"}))
        offers.append((_publication_week(published), "publication", {"publication:week"}))
    offers.append((unknown_window(published), "unknown", set()))
    context = _dating_context(incident, published)
    candidates: dict[DateWindow, DateCandidate] = {}
    for window, source, features in offers:
        candidate = candidates.setdefault(window, DateCandidate(window, set(), _window_features(window, published)))
        candidate.sources.add(source)
        candidate.features |= {source, *features} | {f"{source}|{c}" for c in context}
    return list(candidates.values())


def _mention_offers(incident: _Incident) -> list[tuple[DateWindow, str, set[str]]]:
    """Each date expression of the incident's sentence, with how it stands to the incident's trigger."""
    sentence = incident.sentence
    doc = sentence.doc
    anchors = incident.tokens or [doc[:].root]
    offers = []
    for mention in sentence.dates:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if mention.window is None or mention.future or span is None:
            continue
        root = _span_root(span)
        distance = min(tree_distance(t, _date_anchor(root)) for t in anchors)
        features = {f"mention:distance{_bucket(distance, (1, 2, 3, 5, 8))}",
                    "mention:before" if span.start < anchors[0].i else "mention:after"}
        verb = clause_verb(root)
        if verb is not None and verb.lemma_.lower() in STATEMENT_VERBS and verb not in anchors:
            features.add("mention:statement")
        if root.dep_ == "pobj":
            features.add(f"mention:{root.head.lower_}")
        if not any(_date_applies(mention, root, t) for t in anchors):
            features.add("mention:inapplicable")
        if mention is incident.date:
            features.add("mention:nearest")
        features.add("mention:text:" + re.sub(r"\d+", "0", mention.text.lower()))
        offers.append((mention.window, "mention", features | ({"mention:since"} if mention.since else set())))
        if mention.since:
            offers.append((mention.point, "mention", features | {"mention:since_point"}))
    return offers


def _dating_context(incident: _Incident, published: date | None) -> set[str]:
    """What about an incident and its sentence bears on which kind of date it takes (crossed with each source)."""
    sentence = incident.sentence
    main = min(incident.tokens, key=lambda t: (t.pos_ not in ("VERB", "AUX"), t.i)) if incident.tokens else None
    dated = sum(1 for m in sentence.dates if m.window is not None and not m.future)
    context = {f"tense:{_tense(main) if main is not None else 'follow_up'}", f"dates:{min(dated, 2)}",
               f"type:{incident.event_type}"}
    if sentence.headline:
        context.add("headline")
    if sentence.paragraph.stamp is not None:
        context.add("entry")
    if published is None:
        context.add("unpublished")
    return context


def _window_features(window: DateWindow, published: date | None) -> set[str]:
    features = {f"precision:{window.precision}"}
    if published is not None and window.end is not None:
        features.add(f"age:{_bucket((published - window.end).days, (-1, 0, 1, 7, 31, 365))}")
    return features


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    """The first edge ``value`` is at most, else "more"."""
    return next((str(edge) for edge in edges if value <= edge), "more")


def _incidents(document: Document, sentences: list[Sentence], context: PlaceContext, gazetteer) -> list[_Incident]:
    published = document.published
    incidents: list[_Incident] = []
    episode: _Episode | None = None
    for sentence in sentences:
        if sentence.paragraph.heading and not sentence.headline:
            episode = None
        if sentence.doc is None:
            _add_follow_up(sentence, incidents)
            continue
        # (a follow-up such as "No arrests have been made" reports an incident again; it is not new violence)
        violent = next((i for i in reversed(incidents) if i.event_type in VIOLENT_TYPES and i.follows is None), None)
        last_violence = violent.event_type if violent is not None else None
        cause = last_violence if violent is not None and _near(sentence, violent) else None
        groups = _group_hits(sentence, _sentence_hits(sentence, last_violence, cause), published)
        fatalities = _fatalities(sentence.doc)
        place_chars = [(rm.mention.start - sentence.start, rm.mention.end - sentence.start)
                       for rm in sentence.mentions if rm.place is not None]
        actors = _actors(sentence, place_chars)
        new_episode = None
        for event_type, tokens, mention, window in groups:
            if mention is not None and mention.future:
                log.debug("future: %r", sentence.quote)
                continue
            places = choose_places(sentence, tokens, event_type, context, gazetteer)
            context.recent_incidents.extend(loc.place for loc in places)
            incident = _Incident(sentence, event_type, tokens, mention, window or unknown_window(published),
                                 "explicit" if mention is not None else "none", places,
                                 "sentence" if places else "none", actors=actors,
                                 verb_trigger=any(t.pos_ in ("VERB", "AUX") for t in tokens))
            counts = [n for i, n in fatalities.items() if _nearest_group(sentence.doc[i], groups)[0] == event_type]
            incident.fatalities = max(counts) if counts else None
            if event_type == "attack" and incident.fatalities:
                incident.event_type = "killing"  # "One person is dead after a shooting": a fatal attack is a killing
            if mention is None:
                _date_undated(incident, episode, published)
            elif mention.window is None:
                incident.date_source = "unresolved"
            if (not incident.verb_trigger and not sentence.headline and incident.date_source == "none" and not places
                    and not any(t.dep_ in ("nsubj", "nsubjpass") or _reports_harm(t) or _definite(t) for t in tokens)):
                log.debug("a reference, not a report (no date, no place): %r", sentence.quote)
                continue
            if incident.date_source in ("explicit", "entry") and new_episode is None:
                new_episode = _Episode(incident.window, places, sentence.paragraph.index, sentence.index,
                                       incident.event_type)
            if incident.date_source == "episode" and episode is not None:
                episode.paragraph, episode.sentence = sentence.paragraph.index, sentence.index
            incidents.append(incident)
        if not groups:
            _add_follow_up(sentence, incidents)
        context.recent.extend(rm.place for rm in sentence.mentions if mention_weight(sentence, rm) >= 0.5)
        context.note_named(sentence)
        if new_episode is None and not groups and sentence.dates and sentence.mentions:
            new_episode = _dated_places(sentence, context, gazetteer)
        if new_episode is not None:
            if not new_episode.places and episode is not None and episode.window == new_episode.window:
                new_episode.places = episode.places
            episode = new_episode
    return incidents


def _repeated(token) -> bool:
    """A kind of act done again and again, not one incident: "regularly carries out strikes", "has carried
    out frequent bombings", "expulsions have become routine"."""
    verb = token if token.pos_ in ("VERB", "AUX") else clause_verb(token)
    words = {c.lower_ for c in token.children if c.dep_ in ("amod", "advmod")}
    verbs = [verb, verb.head] if verb is not None and verb.dep_ == "advcl" else [verb]  # "were frequent, killing ..."
    for v in (v for v in verbs if v is not None):
        words |= {c.lower_ for c in v.children if c.dep_ in ("advmod", "acomp", "npadvmod")}
    every_time = any(t.lower_ == "whenever" or (t.lemma_.lower() == "time" and any(c.lower_ == "every" for c in t.children))
                     for t in token.sent)  # "every time the pipeline is attacked, the shooting starts again"
    return bool(words & HABITUAL_WORDS) or every_time


def _near(sentence: Sentence, incident: _Incident) -> bool:
    """Whether a sentence is close enough to an incident's to follow it up."""
    return _within_reach(sentence, incident.sentence.paragraph.index, incident.sentence.index)


def _add_follow_up(sentence: Sentence, incidents: list[_Incident]) -> None:
    """A sentence that only follows up the violent incident just reported ("No group has claimed
    responsibility", "He was taken to hospital") reports that incident again, at its date and places."""
    if sentence.headline or not incidents:
        return
    words = set(re.findall(r"[a-z]+", sentence.text.lower()))
    if words & (UNAUTHORED_HARM_WORDS | ACCIDENT_NOUNS | NATURAL_CAUSE_NOUNS | HABITUAL_WORDS | {"notorious"}):
        return  # (nor a generic "kidnappings for ransom remain common")
    typed = next(((followed, reported) for cue, followed, reported in TYPED_FOLLOW_UP_CUES
                  if cue.search(sentence.text)), None)
    own_words = False
    if typed is not None:
        followed, reported = typed
        last = next((i for i in reversed(incidents) if i.event_type in followed), None)
        if last is None:
            return
        event_type = last.event_type if reported is None or last.event_type in HARM_CAUSE_TYPES else reported
        # words of one kind of incident only ("the ransom", "the captors") follow it up however far back it was told
        own_words = len(followed) == 1
    else:
        care = CARE_CUES.search(sentence.text) is not None
        if not (care or FOLLOW_UP_CUES.search(sentence.text)):
            return
        # the violence just told, past the arrests and charges that followed it ("... was charged on Monday.
        # The victim remains in a stable condition.")
        last = next((i for i in reversed(incidents) if i.event_type not in ("arrest", "charges")), None)
        if last is None or last.event_type not in VIOLENT_TYPES:
            return
        # the wounded cared for are the attack's part of a killing or abduction ("the rebels marched away 15
        # people. Several wounded villagers were taken to hospital")
        event_type = "attack" if care and last.event_type in ("killing", "abduction") else last.event_type
    if own_words or _near(sentence, last):
        incidents.append(_Incident(sentence, event_type, [], None, last.window, "reference", list(last.places),
                                   "reference" if last.places else "none", verb_trigger=False, follows=last))


def _definite(noun) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children)


def _reports_harm(noun) -> bool:
    """An incident noun that a sentence reports through its victims or details, not a passing reference:
    "wounded in the shootout", "injured in the blast", "hospitalized after the shooting", "suffered a
    gunshot wound", "the march, which went along 8th Avenue"."""
    if noun.lemma_.lower() == "wound" or any(c.dep_ in ("relcl", "acl") for c in noun.children):
        return True
    if noun.tag_ == "NN" and _outcome_word(noun) is not None:
        return True  # "Attempt to recover stolen items results in fatal stabbing" (not "disputes result in fights")
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return noun.dep_ in ("pobj", "dobj") and head.lemma_.lower() in CASUALTY_LEMMAS


def _nearest_group(token, groups: list):
    """The incident group whose trigger tokens are nearest a token (for death counts)."""
    return min(groups, key=lambda g: min(tree_distance(token, t) for t in g[1]))


def _date_undated(incident: _Incident, episode: _Episode | None, published: date | None) -> None:
    """Date an incident that no date of its sentence applies to: the dated act it led to ("after ..."), the episode
    it continues, a live blog entry's day, else its report."""
    sentence = incident.sentence
    main = min(incident.tokens, key=lambda t: (t.pos_ not in ("VERB", "AUX"), t.i))
    tense = _tense(main)
    # A trigger placed before or after another time ("six months after X abducted Y") is not in the episode.
    island = _temporal_island(main)
    # a live blog's new entry is news of its own day ("16:45 — an Israeli strike on a house ..."), unless it names
    # an incident told before ("11:20 — Three soldiers were killed in the ambush")
    entry = (sentence.paragraph.stamp is not None and not sentence.headline
             and (episode is None or episode.paragraph != sentence.paragraph.index))
    new_entry = entry and episode is not None and not _names_told_incident(incident)
    usable = episode is not None and episode.continues(sentence) and island is None and not new_entry
    if usable and tense in ("perfect", "progressive", "present") and published is not None:
        # "have been deployed" continues only a recent episode, not a background one years ago.
        usable = episode.window.end is not None and episode.window.end >= published - timedelta(days=RECENT_DAYS)
    if island is not None and sentence.dates:
        head, marker = island
        if marker in ("after", "following") and head.dep_ == "advcl":
            # what led to the dated act, on its day: "Fighting erupted late on Monday after Rada members detained
            # the brigade's commander"
            _, window = _nearest_date(sentence, [head.head], published)
            if window is not None and window.precision == "day":
                incident.window = day_window(window.start - timedelta(days=_days_before(head)))
                incident.date_source = "clause"
                return
    if usable:
        incident.window = episode.window
        incident.date_source = "episode"
        if not incident.places and episode.places and not _dispersed(incident.tokens):
            incident.places = list(episode.places)
            incident.place_source = "episode"
            # "the attack" after "an air strike killed 100": the same incident, of the episode's type.
            if (episode.event_type and incident.event_type in EVENT_TYPES[episode.event_type].absorbs
                    and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for t in incident.tokens
                            for c in t.children)):
                incident.event_type = episode.event_type
        return
    if published is not None and entry:
        # a live blog's entry reports the day it was posted, or the day before at a time later than its stamp
        said = time_of_day(sentence.text)
        later = said is not None and said > sentence.paragraph.stamp
        incident.window = day_window(published - timedelta(days=1) if later else published)
        incident.date_source = "entry"
        return
    if published is not None and (sentence.headline or tense in ("progressive", "perfect")):
        incident.window = _publication_week(published)
        incident.date_source = "publication"


def _publication_week(published: date) -> DateWindow:
    """The ISO week of publication, up to the publication day: when a headline's news happened."""
    week = week_window(published)
    return DateWindow(week.start, min(week.end, published), "week", week.iso)


def _days_before(clause) -> int:
    """The days an "after" clause is before its main clause: 1 for "a day after settlers set fire to homes", 2 for
    "two days after", 0 without a count."""
    day = next((c for c in clause.children if c.dep_ == "npadvmod" and c.lemma_.lower() == "day"), None)
    if day is None:
        return 0
    count = next((c for c in day.children if c.dep_ in ("det", "nummod")), None)
    if count is None:
        return 1
    return int(count.text) if count.text.isdigit() else NUMBER_WORDS.get(count.lower_) or 1


def _names_told_incident(incident: _Incident) -> bool:
    """Whether a sentence names its incident as one already told: "the ambush", "the attack"."""
    return any(t.pos_ == "NOUN" and _definite(t)
               and (t in incident.tokens or t.lemma_.lower() in GENERAL_INCIDENT_NOUNS) for t in incident.sentence.doc)


def _dated_places(sentence: Sentence, context: PlaceContext, gazetteer) -> _Episode | None:
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
    places = choose_places(sentence, [anchor], None, context, gazetteer)
    if not places:
        return None
    return _Episode(mention.window, places, sentence.paragraph.index, sentence.index)


def _retype_references(incidents: list[_Incident]) -> None:
    """A definite noun in the body that names the headline's incident in general words takes its
    type: "the attack" in a car-bomb story is the bombing, "the fighting" in a bar-brawl story is the
    riot (a brawl of patrons is not a battle of armed groups)."""
    headline_types = {incident.event_type for incident in incidents if incident.sentence.headline}
    if len(headline_types) != 1:
        return
    (headline_type,) = headline_types
    related = EVENT_TYPES[headline_type].absorbs | ({"armed_clash"} if headline_type == "riot" else set())
    for incident in incidents:
        if incident.sentence.headline or incident.event_type not in related or incident.event_type == "protest":
            continue
        # the incident's own trigger; a killing's absorbed attack too ("confirmed the attack ... eight were killed")
        nouns = [t for t in incident.tokens if t.lemma_.lower() != "killing"] if incident.event_type == "killing" \
            else incident.tokens[:1]
        if any(t.pos_ == "NOUN" and _definite(t) and t.lemma_.lower() in GENERAL_INCIDENT_NOUNS for t in nouns):
            incident.event_type = headline_type


_WOUND_WORDS = re.compile(
    r"\b(?:wound\w*|injur\w*|hurt|hospital\w*|surviv(?:e|ed|es|ing)|critical|stable|treated)\b", re.I)


def _retype_attack_references(incidents: list[_Incident]) -> None:
    """"The attack" said of the incident just told takes its type: after "gunmen killed 23 villagers", "No
    group has claimed responsibility for the attack" is the killing (a fatal incident is a killing)."""
    for incident in incidents:
        noun = incident.tokens[0] if incident.tokens else None
        if incident.event_type != "attack" or incident.sentence.headline or noun is None:
            continue
        reference = noun.pos_ == "NOUN" and _definite(noun) and noun.lemma_.lower() in GENERAL_INCIDENT_NOUNS
        # the shooting that did the killing just told, without a date or wounds of its own: "They gathered the men
        # near the market and opened fire" after "gunmen killed 26 villagers"
        detail = (incident.verb_trigger and incident.date_source in ("episode", "none") and incident.fatalities is None
                  and not _WOUND_WORDS.search(incident.sentence.text))
        if not (reference or detail):
            continue
        before = [other for other in incidents if other.sentence.index < incident.sentence.index
                  and not other.sentence.headline]
        if not before:
            continue
        last = max(before, key=lambda other: other.sentence.index)
        if (last.event_type != "attack" and "attack" in EVENT_TYPES[last.event_type].absorbs
                and _within_reach(incident.sentence, last.sentence.paragraph.index, last.sentence.index)):
            incident.event_type = last.event_type


def _dated_by_another_act(incident: _Incident) -> bool:
    """A definite incident noun whose sentence's date is another act's: a statement reacting to it ("claimed
    the killings in a statement on Monday") or what followed it ("were arrested on Sunday after a car linked
    to the shooting tried to evade officers"). Not a noun dated itself ("the attack on Saturday") or by
    saying when it happened ("the attack took place on Saturday")."""
    noun = incident.tokens[0]
    if incident.date is None or noun.pos_ != "NOUN" or not _definite(noun):
        return False
    dated = char_tokens(incident.sentence.doc, [(incident.date.start, incident.date.end)])
    if dated & {t.i for t in noun.subtree}:
        return False
    verb = clause_verb(noun)
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in OCCURRENCE_VERBS:
        return False
    return verb.lemma_.lower() in REACTION_VERBS or not dated & set(_clause_tokens(verb))


def _resolve_references(incidents: list[_Incident]) -> None:
    """An undated noun in the body ("Reports the kinetic strike") is the document's dated incident of its
    type (of several, the last told before it), and so is a noun dated only by another act
    (`_dated_by_another_act`). (Headlines keep the publication week.)"""
    reactions = {id(incident) for incident in incidents
                 if incident.date_source == "explicit" and _dated_by_another_act(incident)}
    dated: dict[str, list[_Incident]] = defaultdict(list)
    for incident in incidents:
        if incident.date_source == "explicit" and id(incident) not in reactions:
            dated[incident.event_type].append(incident)
    for incident in incidents:
        # (also one dated by the episode of another incident: "This was a shocking attack", said after the
        # suspects' court appearance on Tuesday, is the attack of Sunday)
        if incident.verb_trigger or incident.sentence.headline or (incident.date_source not in (
                "none", "publication", "episode") and id(incident) not in reactions):
            continue
        candidates = dated.get(incident.event_type, [])
        if len({c.window for c in candidates}) > 1:
            # of several, the one told last before it: "confirmed the abduction" after a round-up's second item
            candidates = [c for c in candidates if c.sentence.index < incident.sentence.index][-1:]
        if not candidates:
            continue
        incident.window = candidates[0].window
        incident.date_source = "reference"
        if not incident.places:
            placed = next((c for c in candidates if c.places), None)
            if placed is not None:
                incident.places = list(placed.places)
                incident.place_source = "reference"


def _locate_fallbacks(incidents: list[_Incident], sentences: list[Sentence], weights: dict, gazetteer,
                      published: date | None) -> None:
    """Place incidents whose sentence names no usable place.

    A government's act (sanction) is placed in the country of its targets ("sanctioned two Haitian
    gang leaders"), else the acting country named as its subject ("US designates"). Others
    continue the episode of the sentences around them in the paragraph (`nearby_place`; not a
    count over years up to the report, nor an incident spread over "six prisons"), else happened
    in the country of their victims ("abducted Venezuelan President X"), else continue the
    sentences just before the paragraph if they refer back to them (`_anaphoric`) or report the
    headline's incident type (the lead of "US designates cartels"), else the document's main place; a document that names
    its country gets the country there rather than one of its regions."""
    located = defaultdict(list)
    windows = defaultdict(list)  # the dates of each sentence's incidents and date expressions
    for incident in incidents:
        if incident.place_source in ("sentence", "episode", "reference"):
            located[incident.sentence.index].extend(loc.place for loc in incident.places)
        if incident.date_source == "explicit" and incident.date is not None:
            windows[incident.sentence.index].append(incident.date.point or incident.window)
        elif incident.date_source in ("episode", "reference"):
            windows[incident.sentence.index].append(incident.window)
    for sentence in sentences:  # the dates themselves, not extended to publication by "since"
        windows[sentence.index].extend(m.point or m.window for m in sentence.dates if m.window is not None and not m.future)
    headline_types = {incident.event_type for incident in incidents if incident.sentence.headline}
    document_place = None
    for incident in incidents:
        if not incident.places and incident.follows is not None:
            incident.places = list(incident.follows.places)  # placed with the incident it follows up
            incident.place_source = incident.follows.place_source
        if incident.places or incident.follows is not None:
            continue
        sentence = incident.sentence
        if EVENT_TYPES[incident.event_type].state_act:
            place = _victims_country(incident) or _actor_country(incident)
            if place is not None:
                incident.places = [Located(place, 3)]
                incident.place_source = "nearby"
                located[sentence.index].append(place)
                continue
        continues = not _dispersed(incident.tokens) and not _trend(incident, published)
        same_time = lambda other, incident=incident: _same_time(incident, other, windows, published)  # noqa: E731
        place = nearby_place(sentence, sentences, located, weights, gazetteer, same_time,
                             across_paragraphs=False) if continues else None
        if place is None:
            # the police's country for what police do ("Dominican authorities rounded up Haitian migrants"),
            # else the victims' ("abducted Venezuelan President Nicolás Maduro")
            place = ((_actor_country(incident) if incident.event_type in ENFORCEMENT_TYPES else None)
                     or _victims_country(incident))
            if place is not None:
                incident.places = [Located(place, 3)]
                incident.place_source = "document"
                continue
        if place is None and continues and (incident.event_type in headline_types or _anaphoric(sentence, sentences)):
            place = nearby_place(sentence, sentences, located, weights, gazetteer, same_time)
        if place is not None:
            incident.places = [Located(place, max(2, KIND_GEO_PRECISION[place.kind]))]
            incident.place_source = "nearby"
            located[sentence.index].append(place)
            continue
        if document_place is None:
            document_place = _document_place(incidents, sentences, located, weights, gazetteer)
        if document_place is not None:
            incident.places = [Located(document_place, 3)]
            incident.place_source = "document"


def _anaphoric(sentence: Sentence, sentences: list[Sentence]) -> bool:
    """Whether a sentence refers back to the paragraph before: a pronoun subject ("He escaped in 2012")
    or a definite subject named just before ("The soldiers were reclaiming ..." after "11,000 soldiers")."""
    earlier = " ".join(s.text for s in sentences[max(0, sentence.index - EPISODE_SENTENCES):sentence.index]).lower()
    words = set(re.findall(r"\w+", earlier))
    for token in sentence.doc:
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if token.pos_ == "PRON" and token.lower_ in ANAPHORIC_PRONOUNS:
            return True
        if any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in token.children) and token.lower_ in words:
            return True
    return False


def _dispersed(tokens) -> bool:
    """Whether the incident happened in many places of a kind: "in at least six prisons", "in several cities"."""
    def many(noun) -> bool:
        return noun.tag_ == "NNS" and noun.lemma_.lower() in PLACE_HEAD_NOUNS and any(
            c.dep_ in ("nummod", "amod") and (c.like_num or c.lower_ in SPREAD_WORDS) for c in noun.children)

    for token in tokens:
        clause = token if token.pos_ in ("VERB", "AUX") else clause_verb(token)
        if clause.dep_ == "relcl" and many(clause.head):
            return True  # "six prisons, where inmates took 100 guards hostage"
        if any(noun.dep_ == "pobj" and many(noun) for noun in clause.subtree):
            return True
    return False


def _trend(incident: _Incident, published: date | None) -> bool:
    """A count over a long time up to the report ("since the coup in February 2021, the military has
    arrested 21,000 people"): not one episode with its neighbours' place."""
    window = incident.window
    return (incident.date_source == "explicit" and window.start is not None and window.end is not None
            and window.end == published and (window.end - window.start).days > RECENT_DAYS)


def _same_time(incident: _Incident, other: Sentence, windows: dict, published: date | None) -> bool:
    """Whether another sentence can be of an incident's episode: not dated at another time, and not a
    present-tense state ("remains in the Chapare region") for an incident long before publication."""
    window = incident.window
    if incident.date_source == "none" or window.start is None:
        return True
    dated = windows.get(other.index)
    if dated:  # within a couple of days is one episode: "rioted on March 28 ... retook it the following morning"
        return any(window.overlaps(w) or _days_apart(window, w) <= EPISODE_GAP_DAYS for w in dated)
    if other.doc is None or published is None or window.end is None:
        return True
    root = next((t for t in other.doc if t.dep_ == "ROOT"), None)
    return root is None or _tense(root) != "present" or window.end >= published - timedelta(days=RECENT_DAYS)


def _days_apart(a: DateWindow, b: DateWindow) -> int:
    if None in (a.start, a.end, b.start, b.end):
        return EPISODE_GAP_DAYS + 1
    return max((a.start - b.end).days, (b.start - a.end).days)


def _document_place(incidents: list[_Incident], sentences: list[Sentence], located: dict, weights: dict, gazetteer):
    """Where a document's unplaced incidents go: its main place, or its main country when it names one."""
    weighted = [(rm, weights[(s.index, id(rm))]) for s in sentences for rm in s.mentions]
    place = focus_place(weighted, [p for ps in located.values() for p in ps], gazetteer)
    if place is None or place.kind == "country":
        return place
    named = {rm.place.country_code for s in sentences for rm in s.mentions
             if rm.place is not None and rm.place.kind == "country"}
    if place.country_code in named:
        country = focus_place(weighted, [p for ps in located.values() for p in ps], gazetteer, country_only=True)
        if country is not None and country.country_code == place.country_code:
            return country
    return place


def _actor_country(incident: _Incident):
    """The country that acts, named as the subject or its modifier: "US designates ...", "the US Treasury sanctioned"."""
    sentence = incident.sentence
    subjects = set()
    for token in incident.tokens:
        subject = _subject(token) if token.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            subjects.update(t.i for t in (subject, *subject.conjuncts))
    for rm in sentence.mentions:
        if rm.place is None or rm.place.kind != "country":
            continue
        head = mention_head(sentence.doc, rm, sentence.start)
        if head is not None and (head.i in subjects or (
                head.dep_ in ("amod", "compound", "nmod", "poss") and head.head.i in subjects)):
            return rm.place
    return None


def _victims_country(incident: _Incident):
    """The country named for whom an incident was done to: "abducted Venezuelan President Nicolás Maduro"."""
    sentence = incident.sentence
    targets = set()
    for token in incident.tokens:
        target = _object(token) if token.pos_ in ("VERB", "AUX") else next(
            (g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
            None)
        if target is not None:  # "Maduro" and "President" in "Venezuelan President Nicolás Maduro"
            targets.update(t.i for n in (target, *target.conjuncts)
                           for t in (n, *(c for c in n.children if c.dep_ in ("compound", "appos"))))
    for rm in sentence.mentions:
        if rm.place is None or rm.place.kind != "country":
            continue
        head = mention_head(sentence.doc, rm, sentence.start)
        if head is not None and head.dep_ in ("amod", "compound", "nmod", "poss") and head.head.i in targets:
            return rm.place
    return None


def _confidence(incident: _Incident) -> float:
    score = 0.55 if incident.verb_trigger else 0.45
    score += {"explicit": 0.1, "episode": 0.05, "entry": 0.05, "clause": 0.05, "reference": 0.05, "sibling": 0.05,
              "publication": 0.0, "unresolved": -0.05, "none": -0.1}[incident.date_source]
    score += {"sentence": 0.1, "episode": 0.05, "reference": 0.05, "nearby": -0.05, "document": -0.1}.get(
        incident.place_source, -0.2)
    if incident.type_probability is not None:
        score = (score + incident.type_probability) / 2
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
