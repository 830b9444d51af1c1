"""geomap's incident vocabulary: the event types, their ACLED categories and their trigger words.

A sentence reports an incident when one of its words is a *trigger* of a type below (matched
on spaCy's lemma and part of speech) and the checks in `geomap.events` find it factual (not
negated, not hypothetical, not generic, not commentary). Several types in one sentence are
resolved by `EventType.priority` and `EventType.absorbs` ("a strike killed five" is one
air/drone strike with 5 fatalities, not a strike and a killing).

==================== ================================ ============================================ =========================
event_type           ACLED event_type                 ACLED sub_event_type                         example triggers
==================== ================================ ============================================ =========================
air_strike           Explosions/Remote violence       Air/drone strike                             airstrike, drone strike,
                                                                                                   (military) strike; any
                                                                                                   attack/bombing with an
                                                                                                   aircraft in the sentence
shelling             Explosions/Remote violence       Shelling/artillery/missile attack            shell, shelling; missile,
                                                                                                   rocket, artillery attack
bombing              Explosions/Remote violence       Remote explosive/landmine/IED                bombing, explosion, blast,
                                                                                                   detonate
armed_clash          Battles                          Armed clash                                  clash, fighting, battle,
                                                                                                   firefight, fight (each
                                                                                                   other / with)
attack               Violence against civilians       Attack                                       attack, assault, ambush,
                                                                                                   massacre, shooting, open
                                                                                                   fire, storm, set fire
abduction            Violence against civilians       Abduction/forced disappearance               abduct, kidnap, take
                                                                                                   hostage, seize (people)
killing              Violence against civilians       Attack                                       kill, murder, assassinate,
                                                                                                   execute, shoot dead
arrest               Strategic developments           Arrests                                      arrest, detain, capture,
                                                                                                   apprehend
charges              (none)                           (none)                                       indict, indictment, charge
                                                                                                   (with), file charges
security_operation   Strategic developments           Other                                        raid / storm / sweep by
                                                                                                   security forces, retake,
                                                                                                   reclaim, take control,
                                                                                                   crackdown, launch an
                                                                                                   operation
escape               Strategic developments           Other                                        escape, break out, jailbreak,
                                                                                                   free (inmates)
protest              Protests                         Peaceful protest                             protest, demonstration,
                                                                                                   march, rally, (labour)
                                                                                                   strike
riot                 Riots                            Violent demonstration                        riot, loot, ransack; an
                                                                                                   attack or clash by
                                                                                                   protesters or rioters
territorial_claim    (none)                           (none)                                       claim (a territory),
                                                                                                   annex, annexation
election             (none)                           (none)                                       election, vote, referendum,
                                                                                                   runoff, ballot
sanction             (none)                           (none)                                       sanction, designate (as),
                                                                                                   designation, blacklist
deportation          (none)                           (none)                                       deport, deportation, expel
military_deployment  Strategic developments           Other                                        deploy, dispatch / send /
                                                                                                   move troops, troops arrive
==================== ================================ ============================================ =========================

Types without an ACLED category (charges, territorial_claim, election, sanction,
deportation) are outside ACLED's scope; their ``acled_*`` fields are null.

Trigger requirements (`Trigger.needs`):

- ``support``: a noun that only reports an incident with a support verb ("launched an
  operation", "imposed sanctions", "filed charges") or an event modifier ("military
  operation", "new sanctions");
- ``force_object`` / ``force_subject`` / ``force_any``: the object, subject or either is a
  security force ("sent 5,000 soldiers", "police officers arrived", "troops were deployed"; not
  "the airbags deployed"); ``force_subject:protester``: protesters ("protesters
  marched", "demonstrators blocked a road");
- ``person_object``: the object is people ("seized 300 girls", "freeing 3,000 inmates");
- ``place_object``: the object is a territory or a place name ("claimed the region"), or the
  verb goes "into" / "through" one ("swept into the prison");
- ``plural_subject``: "rebels and soldiers fight", not "he fought the charges";
- ``intransitive``: "students demonstrated", not "demonstrated that ...";
- ``with``: "charged with", a passive or participle ("was charged", "woman charged in ..."),
  not "charged a fee";
- ``particle:A|B&C``: words linked to the trigger or right after it, one of each ``&`` group
  ("open fire", "took 100 guards hostage", "take control", "broke out of jail", "set fire");
- ``unless:A|B``: not when linked to these words ("shoot" is an attack unless "shot dead").

In a headline, a trigger noun at the root counts as the verb headlines drop ("US sanctions
gang leaders").
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class EventType:
    """One incident type of the vocabulary."""

    name: str
    label: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    priority: int  # lower wins when one clause has triggers of several types
    absorbs: frozenset[str] = field(default_factory=frozenset)  # types folded into this one in a sentence
    movement: bool = False  # "to X" is where it happens (deployment to X, deported to X)
    state_act: bool = False  # a government's act: with no place named, it happens in the acting country


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that can report an incident of ``event_type``."""

    lemma: str
    pos: str  # "VERB" or "NOUN"
    event_type: str
    needs: str | None = None


_VIOLENT = frozenset({"killing"})

EVENT_TYPES: dict[str, EventType] = {
    t.name: t
    for t in (
        EventType("air_strike", "Air/drone strike", "Explosions/Remote violence", "Air/drone strike", 1,
                  frozenset({"killing", "attack", "bombing", "shelling"})),
        EventType("shelling", "Shelling/missile attack", "Explosions/Remote violence",
                  "Shelling/artillery/missile attack", 2, frozenset({"killing", "attack"})),
        EventType("bombing", "Bombing/explosion", "Explosions/Remote violence", "Remote explosive/landmine/IED", 3,
                  frozenset({"killing", "attack"})),
        EventType("armed_clash", "Armed clash", "Battles", "Armed clash", 4, _VIOLENT | {"attack"}),
        EventType("attack", "Attack", "Violence against civilians", "Attack", 5, _VIOLENT),
        EventType("abduction", "Abduction/kidnapping", "Violence against civilians",
                  "Abduction/forced disappearance", 6, _VIOLENT),
        EventType("security_operation", "Prison raid/security operation", "Strategic developments", "Other", 7,
                  frozenset({"military_deployment", "arrest", "killing"}), movement=True),
        EventType("killing", "Killing", "Violence against civilians", "Attack", 8),
        EventType("riot", "Riot", "Riots", "Violent demonstration", 9, frozenset({"protest", "attack", "killing"})),
        EventType("escape", "Escape", "Strategic developments", "Other", 10),
        EventType("arrest", "Arrest", "Strategic developments", "Arrests", 11, frozenset({"charges"})),
        EventType("charges", "Indictment/charges", None, None, 12),
        EventType("protest", "Protest", "Protests", "Peaceful protest", 13),
        EventType("deportation", "Deportation", None, None, 14, frozenset({"arrest"}), movement=True),
        EventType("military_deployment", "Military deployment", "Strategic developments", "Other", 15,
                  movement=True),
        EventType("sanction", "Sanction/designation", None, None, 16, state_act=True),
        EventType("territorial_claim", "Territorial claim", None, None, 17),
        EventType("election", "Election", None, None, 18),
    )
}


def _triggers(event_type: str, verbs: str = "", nouns: str = "", needs: str | None = None) -> list[Trigger]:
    return [Trigger(w, "VERB", event_type, needs) for w in verbs.split()] + [
        Trigger(w, "NOUN", event_type, needs) for w in nouns.split()
    ]


TRIGGERS: tuple[Trigger, ...] = tuple(
    _triggers("air_strike", nouns="airstrike air-strike strike bombardment sortie")
    + _triggers("air_strike", verbs="bombard")
    + _triggers("shelling", verbs="shell", nouns="shelling")
    + _triggers("bombing", verbs="detonate explode", nouns="bombing explosion blast")
    + _triggers("air_strike", verbs="bomb")
    + _triggers("armed_clash", verbs="clash battle skirmish", nouns="clash fighting battle firefight gunfight skirmish")
    + _triggers("armed_clash", verbs="fight", needs="particle:with|each|other|between|against")
    + _triggers("armed_clash", verbs="fight", needs="plural_subject")
    + _triggers("attack", verbs="attack assault ambush massacre stab torch", nouns="attack assault ambush massacre shooting stabbing arson")
    + _triggers("attack", verbs="shoot", needs="unless:dead|down|death")
    + _triggers("attack", verbs="open", needs="particle:fire")
    + _triggers("attack", verbs="fire", needs="particle:on|at|upon|into")
    + _triggers("attack", verbs="set", needs="particle:fire|ablaze|alight")
    + _triggers("attack", verbs="storm raid", nouns="raid")
    + _triggers("attack", verbs="break", needs="particle:into")
    + _triggers("attack", verbs="strike")
    + _triggers("abduction", verbs="abduct kidnap", nouns="abduction kidnapping kidnap hostage-taking disappearance")
    + _triggers("abduction", verbs="take hold", needs="particle:hostage|captive")
    + _triggers("abduction", verbs="seize grab", needs="person_object")
    + _triggers("killing", verbs="kill murder assassinate execute slay behead lynch",
                nouns="killing murder assassination execution slaying beheading lynching")
    + _triggers("killing", verbs="shoot gun", needs="particle:dead|down")
    + _triggers("killing", nouns="death", needs="particle:shooting")
    + _triggers("arrest", verbs="arrest detain apprehend capture recapture nab", nouns="arrest detention capture")
    + _triggers("arrest", verbs="round", needs="particle:up")
    + _triggers("arrest", verbs="take", needs="particle:custody")
    + _triggers("charges", verbs="indict prosecute", nouns="indictment")
    + _triggers("charges", verbs="charge", needs="with")
    + _triggers("charges", nouns="charge", needs="support")
    + _triggers("security_operation", verbs="retake reclaim recapture sweep", needs="place_object")
    + _triggers("security_operation", verbs="take regain seize", needs="particle:control")
    + _triggers("security_operation", nouns="crackdown")
    + _triggers("security_operation", nouns="operation offensive", needs="support")
    + _triggers("escape", verbs="escape", nouns="escape jailbreak breakout")
    + _triggers("escape", verbs="break", needs="particle:out&of|from")
    + _triggers("escape", verbs="free", needs="person_object")
    + _triggers("protest", verbs="protest rally", nouns="protest demonstration rally march sit-in walkout")
    + _triggers("protest", verbs="demonstrate", needs="intransitive")
    + _triggers("protest", verbs="march block occupy", needs="force_subject:protester")
    + _triggers("riot", verbs="riot loot ransack", nouns="riot rioting looting unrest")
    + _triggers("territorial_claim", verbs="annex", nouns="annexation")
    + _triggers("territorial_claim", verbs="claim", needs="place_object")
    + _triggers("territorial_claim", nouns="claim", needs="support")
    + _triggers("election", verbs="vote elect", nouns="election referendum runoff ballot vote poll")
    + _triggers("sanction", verbs="sanction blacklist")
    + _triggers("sanction", verbs="designate", needs="particle:as")
    + _triggers("sanction", nouns="sanction designation", needs="support")
    + _triggers("deportation", verbs="deport expel", nouns="deportation expulsion")
    + _triggers("military_deployment", verbs="deploy mobilize mobilise station", needs="force_any")
    + _triggers("military_deployment", nouns="deployment")
    + _triggers("military_deployment", verbs="dispatch send move mass", needs="force_object")
    + _triggers("military_deployment", verbs="arrive", needs="force_subject")
)

# Words that decide a type by context (linguistic classes, not names).
AIRCRAFT_WORDS = frozenset(
    "drone drones aircraft airstrike airstrikes warplane warplanes jet jets helicopter helicopters bomber bombers "
    "gunship gunships uav uavs air-strike air-strikes".split()
)
MISSILE_WORDS = frozenset("missile missiles rocket rockets artillery mortar mortars shell shells".split())
FORCE_NOUNS = frozenset(
    "troop troops soldier soldiers force forces army armies military police policeman policemen officer officers "
    "marine marines guard guards guardsman guardsmen personnel paratrooper paratroopers commando commandos "
    "battalion battalions brigade brigades unit units contingent contingents warship warships ship ships vessel "
    "vessels tank tanks vehicle vehicles jet jets aircraft helicopter helicopters agent agents gendarme gendarmes "
    "gendarmerie navy sailor sailors trooper troopers peacekeeper peacekeepers".split()
)
PROTESTER_NOUNS = frozenset(
    "protester protesters protestor protestors demonstrator demonstrators rioter rioters crowd crowds mob mobs "
    "looter looters marcher marchers student students supporters".split()
)
PERSON_NOUNS = frozenset(
    "people person persons man men woman women child children boy boys girl girls pupil pupils student students "
    "villager villagers civilian civilians worker workers passenger passengers tourist tourists migrant migrants "
    "inmate inmates prisoner prisoners detainee detainees hostage hostages staff journalist journalists "
    "resident residents farmer farmers miner miners fisherman fishermen priest priests guard guards member members "
    "family families official officials leader leaders".split()
)
TERRITORY_NOUNS = frozenset(
    "region territory area island islands land lands sovereignty town city village province state border "
    "waters sea coast district zone prison facility base mine mines airport port".split()
)
LABOUR_STRIKE_WORDS = frozenset("hunger general labour labor worker workers union unions nationwide teachers".split())

# Verbs and nouns under which an incident is only possible, planned or feared, not reported.
IRREALIS_GOVERNORS = frozenset(
    "risk threat threaten fear warn warning plan propose proposal consider option possibility call demand urge ask "
    "want seek try attempt aim intend intention prepare vow pledge promise order allow authorize authorise permit "
    "prevent avoid deny reward bounty warrant information conspire conspiracy plot would could might may should "
    "must initiative drive push bid effort hope expect prospect danger potential ready willing refuse "
    "able unable need fail face precedent".split()
)
# Verbs whose infinitive complement did happen ("managed to escape").
IMPLICATIVE_VERBS = frozenset("manage succeed begin start continue proceed go come".split())
# Predicates that make a sentence commentary on an incident rather than a report of it.
EVALUATIVE_VERBS = frozenset(
    "be mark represent signal constitute show demonstrate reflect highlight underscore underline deepen "
    "illustrate raise set reverberate suggest mean follow echo recall".split()
)
# Verbs that carry out an event noun ("launched an operation", "imposed sanctions").
SUPPORT_VERBS = frozenset(
    "launch conduct carry begin start mount stage hold deploy impose announce file bring press level unseal "
    "slap levy lodge make stake assert reassert".split()
)
EVENT_MODIFIERS = frozenset(
    "military security police joint anti-gang counter-narcotics counterterrorism massive major large-scale "
    "new fresh federal criminal territorial".split()
)
