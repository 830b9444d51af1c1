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
                                                                                                   (military) strike,
                                                                                                   bombard, bombardment; any
                                                                                                   attack/bombing with an
                                                                                                   aircraft in the sentence
shelling             Explosions/Remote violence       Shelling/artillery/missile attack            shell, shelling, barrage;
                                                                                                   rocket/mortar/artillery
                                                                                                   fire; missile, rocket,
                                                                                                   artillery attack
bombing              Explosions/Remote violence       Remote explosive/landmine/IED                bombing, explosion,
                                                                                                   blast, detonate, explode,
                                                                                                   blow up; a
                                                                                                   bomb/IED/grenade/landmine
                                                                                                   that kills, explodes,
                                                                                                   wounds, goes off
armed_clash          Battles                          Armed clash                                  clash, fighting, battle,
                                                                                                   firefight, gunfight, gun
                                                                                                   battle, shootout,
                                                                                                   skirmish, infighting,
                                                                                                   exchange (of)
                                                                                                   fire/gunfire, trade fire,
                                                                                                   fight (each other /
                                                                                                   with); an attack or
                                                                                                   killing between an armed
                                                                                                   group (militants, rebels,
                                                                                                   gunmen, gangs) and
                                                                                                   security forces
attack               Violence against civilians       Attack                                       attack, assault, ambush,
                                                                                                   massacre, shoot (not
                                                                                                   dead), shooting, stab,
                                                                                                   stabbing, knife,
                                                                                                   beat/punch/kick/hit/
                                                                                                   slash/grab/drag (people),
                                                                                                   gunshot/stab wound,
                                                                                                   gunfire that wounds,
                                                                                                   shots ring out, gunfire
                                                                                                   erupts,
                                                                                                   armed robbery,
                                                                                                   carjacking, mugging,
                                                                                                   arson, torch, firebomb,
                                                                                                   open fire, fire shots,
                                                                                                   pull a gun on, storm, set
                                                                                                   fire, assassination
                                                                                                   attempt, attempted murder
abduction            Violence against civilians       Abduction/forced disappearance               abduct, kidnap, take/hold
                                                                                                   hostage, seize or snatch
                                                                                                   (people)
killing              Violence against civilians       Attack                                       kill, murder,
                                                                                                   assassinate, execute,
                                                                                                   slay, strangle,
                                                                                                   slaughter, homicide,
                                                                                                   shoot/gun down,
                                                                                                   shoot/stab/beat to death,
                                                                                                   fatally
                                                                                                   shot/stabbed/wounded,
                                                                                                   fatal/deadly shooting/sta
                                                                                                   bbing/beating, died of
                                                                                                   gunshot wounds, found
                                                                                                   dead with wounds; died
                                                                                                   at the hospital / of
                                                                                                   injuries, pronounced dead,
                                                                                                   "he/the victim died" after
                                                                                                   a reported attack; a
                                                                                                   shooting/stabbing/beating
                                                                                                   with a death in its
                                                                                                   clause ("was shot and
                                                                                                   killed")
arrest               Strategic developments           Arrests                                      arrest, detain, capture,
                                                                                                   apprehend, nab, round up,
                                                                                                   handcuff, jail, remand,
                                                                                                   hold/catch/bust/pick
                                                                                                   up/lock up (people),
                                                                                                   take/hold in custody,
                                                                                                   be/remain in custody,
                                                                                                   take to jail, book into
                                                                                                   jail / on suspicion, go
                                                                                                   to
                                                                                                   jail, turn oneself in,
                                                                                                   surrender to police,
                                                                                                   roundup
charges              (none)                           (none)                                       indict, indictment,
                                                                                                   arraign, arraignment,
                                                                                                   prosecute, charge (with),
                                                                                                   file charges, face
                                                                                                   charges, appear in court /
                                                                                                   be brought before a court
                                                                                                   on charges, plead (not)
                                                                                                   guilty to charges
security_operation   Strategic developments           Other                                        raid / storm / sweep by
                                                                                                   security forces, retake,
                                                                                                   reclaim, take control,
                                                                                                   crackdown, manhunt,
                                                                                                   dragnet, launch an
                                                                                                   operation
escape               Strategic developments           Other                                        escape, abscond, break
                                                                                                   out, jailbreak, flee
                                                                                                   custody, free (inmates)
protest              Protests                         Peaceful protest                             protest, demonstration,
                                                                                                   march, rally, picket,
                                                                                                   sit-in, walkout, walk off
                                                                                                   the job, take to the
                                                                                                   streets, (labour) strike;
                                                                                                   residents/activists
                                                                                                   marched;
                                                                                                   protesters/demonstrators
                                                                                                   as actors of a past event
riot                 Riots                            Violent demonstration                        riot, loot, ransack,
                                                                                                   unrest, brawl, melee,
                                                                                                   fights of a crowd (not
                                                                                                   "a fight with her", "the
                                                                                                   fight against X");
                                                                                                   protesters/a crowd
                                                                                                   throwing stones; an
                                                                                                   attack or clash by
                                                                                                   protesters, rioters,
                                                                                                   youths or a mob
territorial_claim    (none)                           (none)                                       claim (a territory),
                                                                                                   annex, annexation
election             (none)                           (none)                                       election, vote,
                                                                                                   referendum, runoff,
                                                                                                   ballot
sanction             (none)                           (none)                                       sanction, designate (as),
                                                                                                   designation, blacklist
deportation          (none)                           (none)                                       deport, deportation,
                                                                                                   expel
military_deployment  Strategic developments           Other                                        deploy, dispatch / send /
                                                                                                   move troops, troops
                                                                                                   arrive
==================== ================================ ============================================ =========================

Types without an ACLED category (charges, territorial_claim, election, sanction,
deportation) are outside ACLED's scope; their ``acled_*`` fields are null.

More wordings than the table lists: massacre, bloodshed, hack to death (killing); hijack, whisk away
(abduction); patrol, guard or stand guard, rush/ship/fly/airlift troops, troops landing, call out the
army, deploy a missile system (military_deployment); comb or scour an area (security_operation); a
raid in which people are arrested is an operation *and* an arrest; plead guilty/not guilty/no
contest, stand or go on trial, be cited for, be hauled before a judge (charges); be placed under
arrest, recapture seven of them, round up hundreds of Afghans (arrest); extradite (deportation);
prisoners slip out or flee (escape, which needs custody: not a zoo animal, not people escaping the
fighting); overrun, besiege, siege, counteroffensive, repel an assault (armed_clash); come under fire
or attack (attack); carry off people (abduction), haul people off (arrest); go to the polls
(election); freeze assets, add to a sanctions list (sanction); proclaim or declare territory or
sovereignty, assert sovereignty, "X is China's inherent territory", "an integral part of Morocco", and
a claim in the present tense ("Beijing claims the sea": a standing claim) (territorial_claim); reinforcements arriving (military_deployment); transported to jail, booked (a person), sent to custody
(arrest); a court appearance, a criminal trial, testimony at a trial, a dismissed or dropped charge (charges).

The weapon decides the type of violence: shells, artillery, rockets or missiles as the subject or
instrument ("shells fired from across the border killed five", "artillery pounded the city",
"fired two missiles at") make a shelling; aircraft and drones ("drones hit the port", "a fighter
jet dropped two bombs, killing 18", "an air force strike killed") an air strike; bombs, IEDs,
grenades and mines a bombing. A fatal attack on people is a ``killing`` (with its fatalities), not
an ``attack``. Two clauses with different actors are two incidents ("Drones hit Port Sudan as RSF
shells El Fasher").

Not incidents: harm done by disease, nature or accidents ("a cholera outbreak killed 60", "the war
has killed tens of thousands", "struck a parked car"), by or to animals ("160,000 birds were
killed", "the otter escaped"), a heart attack, a legal or political battle, a council's or
legislature's vote (by its subject, a tally "22-0", "voted to approve", "against the permit"), an
election named as a time ("a week before the election"), jailed/captured used as a description
("jailed cartel figures"), captured things, executed warrants and imperatives ("Strike the
shepherd").

Ordinary crime: local news reports violence between people as often as conflict. It is mapped to
the same ACLED-style types, because the map's user wants to see it where it happened: a
shooting, stabbing, beating or armed robbery of a person is an ``attack``, a fatal one a
``killing``, a police arrest an ``arrest``, a bar brawl of a crowd a ``riot`` (ACLED's mob
violence). Crimes without violence against a person (theft, burglary, fraud, drugs, vandalism) and
sexual violence (ACLED has its own sub-event, not in this vocabulary) are not incident types;
they still appear in an ``arrest`` or ``charges`` event. Vigils and boycotts are not protests
here (a vigil for a victim is mourning; a boycott has no place), nor is a "disturbance".

Trigger requirements (`Trigger.needs`):

- ``support``: a noun that only reports an incident with a support verb ("launched an
  operation", "imposed sanctions", "filed charges") or an event modifier ("military
  operation", "new sanctions");
- ``force_object`` / ``force_subject`` / ``force_any``: the object, subject or either is a
  security force ("sent 5,000 soldiers", "troops were deployed"; not "the airbags deployed");
  ``force_subject:deployed``: troops, or police arriving in a named place or from another
  country ("Kenyan police officers arrived in the capital"; not "before police arrived" at a
  crime scene); ``force_subject:protester``: protesters ("protesters
  chanted", "demonstrators blocked a road"); ``force_subject:marcher``: protesters or civilians in
  numbers ("55 residents marched", not "troops marched");
- ``acting_subject``: a protester noun that is the subject of a past or headline action verb, not
  of saying or wanting ("About 40 protesters walked to his home"; not "protesters said");
- ``casualty``: the noun is what hurt a victim ("wounded by gunfire", "killed in gunfire"; not
  "gunfire continued until dawn");
- ``victim_subject``: the subject refers back to a person ("he", "the man", "the victim"; not "37
  people"), for a follow-up death ("He died Saturday" after "A man was stabbed");
- ``crowd``: a group is fighting: a plural noun ("broke up all the fights"), a crowd word in the
  sentence ("a crowd gathered and a fight broke out") or a fight being broken up ("officers were called
  to break up a fight"); a fight of two people is not a riot;
- ``shots_subject``: the subject is shots or gunfire ("shots rang out", "gunfire erupted outside the club");
- ``explosive_subject``: the subject is a bomb, mine, grenade or device ("a bomb went off");
- ``person_object``: the object is people or he/she ("seized 300 girls", "freeing 3,000
  inmates", "police caught the suspect"; for a passive, its subject: "Jones was picked up");
- ``place_object``: the object is a territory or a place name ("claimed the region"), or the
  verb goes "into" / "through" one ("swept into the prison");
- ``plural_subject``: "rebels and soldiers fight", not "he fought the charges";
- ``transitive``: the verb has an object ("gunmen struck a village", not "the crisis struck");
- ``intransitive``: "students demonstrated", not "demonstrated that ...";
- ``with``: "charged with", a passive or participle ("was charged", "woman charged in ..."),
  not "charged a fee";
- ``particle:A|B&C``: words linked to the trigger or right after it, one of each ``&`` group
  ("open fire", "took 100 guards hostage", "take control", "broke out of jail", "set fire");
- ``unless:A|B``: not when linked to these words ("shoot" is an attack unless "shot dead");
- ``A+B``: both requirements ("pick": ``particle:up+person_object``, "picked up two suspects" but
  not "picked up the phone").

In a headline, a trigger noun at the root counts as the verb headlines drop ("US sanctions
gang leaders").
"""
from __future__ import annotations

import re
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
    movement: bool = False  # "to X" is where it happens (deployment to X, deported to X, a claim to X)
    state_act: bool = False  # a government's act: with no place named, it happens in the acting country


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that can report an incident of ``event_type``."""

    lemma: str
    pos: str  # "VERB" or "NOUN"
    event_type: str
    needs: str | None = None
    follow_up: bool = False  # reports an incident only after violence earlier in the document


_VIOLENT = frozenset({"killing"})

# What an explosive device does when it is the subject of a verb ("a bomb killed 20", "a grenade
# went off"): a bomb noun is a bombing with one of these verbs, not a "bomb threat" or a "bomb squad".
EXPLOSIVE_EFFECTS = "kill|explode|detonate|injure|wound|destroy|rip|tear|hit|go|damage|strike"
EXPLOSIVE_NOUNS = frozenset(
    "bomb bombs device devices explosive explosives ied ieds grenade grenades mine mines landmine landmines "
    "charge charges car-bomb".split()
)

EVENT_TYPES: dict[str, EventType] = {
    t.name: t
    for t in (
        EventType("air_strike", "Air/drone strike", "Explosions/Remote violence", "Air/drone strike", 1,
                  frozenset({"killing", "attack", "bombing"})),
        EventType("shelling", "Shelling/missile attack", "Explosions/Remote violence",
                  "Shelling/artillery/missile attack", 2, frozenset({"killing", "attack"})),
        EventType("bombing", "Bombing/explosion", "Explosions/Remote violence", "Remote explosive/landmine/IED", 3,
                  frozenset({"killing", "attack"})),
        EventType("armed_clash", "Armed clash", "Battles", "Armed clash", 4, _VIOLENT | {"attack"}),
        EventType("killing", "Killing", "Violence against civilians", "Attack", 5, frozenset({"attack"})),
        EventType("attack", "Attack", "Violence against civilians", "Attack", 6),
        EventType("abduction", "Abduction/kidnapping", "Violence against civilians",
                  "Abduction/forced disappearance", 7, _VIOLENT | {"attack"}),
        EventType("security_operation", "Prison raid/security operation", "Strategic developments", "Other", 8,
                  frozenset({"killing"}), movement=True),
        EventType("riot", "Riot", "Riots", "Violent demonstration", 9, frozenset({"protest", "attack", "killing"})),
        EventType("escape", "Escape", "Strategic developments", "Other", 10),
        EventType("arrest", "Arrest", "Strategic developments", "Arrests", 11),
        EventType("charges", "Indictment/charges", None, None, 12),
        EventType("protest", "Protest", "Protests", "Peaceful protest", 13),
        EventType("deportation", "Deportation", None, None, 14, frozenset({"arrest"}), movement=True),
        EventType("military_deployment", "Military deployment", "Strategic developments", "Other", 15,
                  movement=True),
        EventType("sanction", "Sanction/designation", None, None, 16, state_act=True),
        EventType("territorial_claim", "Territorial claim", None, None, 17, frozenset({"election"}),
                  movement=True),  # "a claim to X"; a referendum that claims territory is not also an election
        EventType("election", "Election", None, None, 18),
    )
}


# What is shot that is not a person: "shot in 18 days on 35-millimeter film", "shooting footage".
# What air defences shoot down: "shot down 70 of the drones" is an interception, not a killing.
AIRBORNE_TARGETS = "drone|drones|missile|missiles|rocket|rockets|projectile|projectiles|aircraft|jet|jets|helicopter|plane|planes"
AIRBORNE_WORDS = frozenset(AIRBORNE_TARGETS.split("|"))
# What police and troops seize in a raid.
SEIZED_GOODS = ("weapon|weapons|firearm|firearms|rifle|rifles|gun|guns|pistol|pistols|ammunition|rounds|grenade|grenades"
                "|explosives|drugs|cocaine|heroin|methamphetamine|fentanyl|cash|ledgers")
# What burns with nobody in it: "settlers set fire to olive groves".
UNPEOPLED_PROPERTY = "grove|groves|field|fields|crop|crops|tree|trees|orchard|orchards|forest|farmland|grass|brush|tyres|tires"
# What residents "protested" when they objected, not marched: "protested the owner's plans to build".
OBJECTED_WORDS = "plan|proposal|decision|project|development|change|policy|fee|increase|cut|closure|rezoning|permit"
# Nouns an incident is named under when something is said about it, not of it: "no arrests have been made in
# connection with Thursday's bombing", "no comment from Kyiv on the Donetsk shelling".
REFERENCE_HEADS = frozenset("connection comment comments arrest arrests responsibility information word update".split())
# Places searched in an operation, not a person or a car: "investigators searched the property".
SEARCHED_PREMISES = "home|homes|house|houses|residence|residences|property|properties|premises|apartment|building|compound|village|villages"
# Rallies that are not protests: "a kickoff rally", "a campaign rally".
CAMPAIGN_WORDS = "kickoff|campaign|pep|fundraising|fundraiser|victory|car|motorcycle|stock|market|comeback"
FILMED_WORDS = "film|footage|video|movie|scene|scenes|photo|photos|picture|pictures|episode|commercial|documentary"
# What is struck that is not a victim: "struck a sensitive nerve", "struck a deal".
FIGURATIVE_STRIKES = ("nerve|chord|deal|balance|tone|note|pose|agreement|bargain|match|tragedy|fear|optimistic|upbeat"
                      "|business|businesses|store|stores|shop|shops")  # "vandals striking local businesses"


def _triggers(event_type: str, verbs: str = "", nouns: str = "", needs: str | None = None,
              follow_up: bool = False) -> list[Trigger]:
    return [Trigger(w, "VERB", event_type, needs, follow_up) for w in verbs.split()] + [
        Trigger(w, "NOUN", event_type, needs, follow_up) for w in nouns.split()
    ]


TRIGGERS: tuple[Trigger, ...] = tuple(
    _triggers("air_strike", nouns="airstrike air-strike strike bombardment sortie")
    + _triggers("air_strike", verbs="bombard")
    + _triggers("shelling", verbs="shell", needs="clausal")
    + _triggers("shelling", nouns="shelling barrage")
    + _triggers("shelling", nouns="fire", needs="particle:rocket|mortar|artillery|tank|missile")
    + _triggers("shelling", verbs="pound hammer pummel slam rain hit strike damage", needs="weapon_subject")
    + _triggers("shelling", verbs="land fall", needs="projectile_subject")
    + _triggers("shelling", verbs="intercept", needs="particle:missile|missiles|rocket|rockets|drone|drones|projectile"
                "|projectiles")
    + _triggers("shelling", verbs="launch fire", needs="particle:missile|missiles|rocket|rockets|drone|drones|shell|shells")
    + _triggers("air_strike", verbs="drop", needs="particle:bomb|bombs|munitions|explosives|barrel|payload")
    + _triggers("bombing", verbs="detonate explode", nouns="bombing explosion blast car-bomb")
    + _triggers("bombing", verbs="blow", needs="particle:up")
    + _triggers("bombing", verbs="step", needs="particle:on&mine|landmine|ied|explosive|bomb|device")
    + _triggers("bombing", verbs="throw hurl lob toss", needs="particle:grenade|grenades|bomb|bombs|explosive|explosives")
    + _triggers("bombing", verbs="go", needs="particle:off+explosive_subject")
    + _triggers("bombing", nouns="bomb ied grenade landmine explosive", needs="particle:" + EXPLOSIVE_EFFECTS)
    + _triggers("air_strike", verbs="bomb")
    # a vehicle bomb driven at its target: "drove a truck packed with explosives into a military base"
    + _triggers("bombing", verbs="drive ram crash steer",
                needs="particle:explosives|explosive|bomb|bombs|explosive-laden|bomb-laden")
    + _triggers("armed_clash", verbs="clash battle skirmish",
                nouns="clash fighting battle firefight gunfight gunbattle shootout shoot-out skirmish infighting")
    + _triggers("armed_clash", nouns="shoot", needs="particle:out")
    + _triggers("armed_clash", nouns="encounter", needs="particle:security|police|forces|army|troops|soldiers|gunfight")
    + _triggers("armed_clash", verbs="return", needs="particle:fire|gunfire|shots")
    + _triggers("armed_clash", verbs="exchange trade", nouns="exchange",
                needs="particle:fire|gunfire|shots|gunshots|bullets")
    + _triggers("armed_clash", verbs="fight", needs="particle:with|each|other|between|against")
    + _triggers("armed_clash", verbs="fight", needs="plural_subject")
    + _triggers("armed_clash", verbs="fight", needs="object:armed")  # "the army fought M23 fighters near Sake"
    + _triggers("armed_clash", verbs="overrun overran besiege encircle", needs="transitive")
    + _triggers("armed_clash", nouns="siege counteroffensive counter-offensive")
    + _triggers("armed_clash", verbs="repel repulse",  # whoever repels an attack fights it ("it had repelled an attack")
                needs="particle:attack|assault|offensive|attackers|fighters|militants|rebels|incursion")
    + _triggers("killing", nouns="shooting stabbing beating", needs="particle:fatal|deadly")
    + _triggers("killing", verbs="stab beat hack", needs="particle:death|dead|fatally")
    + _triggers("killing", verbs="massacre", nouns="massacre bloodshed")
    + _triggers("attack", verbs="torch firebomb", needs="unless:" + UNPEOPLED_PROPERTY + "|truck|trucks|car|cars|vehicle"
                "|vehicles|bus|buses|earthmover|excavator|motorcycle|motorcycles")
    + _triggers("attack", verbs="attack assault ambush stab knife carjack",
                nouns="attack assault ambush shooting stabbing arson carjacking mugging firebombing")
    + _triggers("attack", verbs="hack", needs="person_object")
    + _triggers("attack", verbs="ram", needs="particle:into|boat|boats|vessel|vessels|ship|ships|car|cars|vehicle|vehicles"
                "|truck|trucks|crowd|crowds|people|protesters")
    + _triggers("attack", verbs="shoot", needs="unless:dead|down|death|fatally|" + FILMED_WORDS)
    + _triggers("attack", verbs="beat", needs="person_object+unless:out|win|defeat|edge|top|race|seat|election|vote"
                "|challenger|opponent|incumbent|candidate|rival|rivals")
    + _triggers("attack", verbs="hit", needs="person_object+unless:hard|harder|hardest")  # not "states hard hit by the downturn"
    + _triggers("attack", verbs="punch kick pistol-whip grab drag slash slice", needs="person_object")
    + _triggers("attack", nouns="wound", needs="particle:gunshot|stab|bullet|knife")
    + _triggers("attack", nouns="gunfire", needs="casualty")
    + _triggers("attack", verbs="ring erupt", needs="shots_subject")
    + _triggers("attack", verbs="rob", nouns="robbery", needs="particle:gunpoint|knifepoint|armed|gun|knife|aggravated|violent")
    + _triggers("attack", verbs="pull", needs="particle:gun|knife|pistol|handgun|rifle|weapon&on")
    + _triggers("attack", verbs="point aim", needs="particle:gun|knife|pistol|handgun|rifle|weapon|firearm&at")
    # an armed threat is a hold-up: "was threatened with a knife by a man who stole cash", "forced out of her car
    # at gunpoint"
    + _triggers("attack", verbs="threaten", needs="person_object+particle:knife|gun|pistol|handgun|machete|firearm|weapon")
    + _triggers("attack", nouns="gunpoint knifepoint")
    + _triggers("attack", nouns="attempt", needs="particle:assassination|murder|life")
    + _triggers("attack", verbs="open", needs="particle:fire")
    + _triggers("attack", verbs="come", needs="particle:under&fire|attack|gunfire|bombardment|shelling")
    + _triggers("attack", verbs="fire", needs="particle:on|at|upon|into|shot|shots|round|rounds|bullet|bullets|cannon"
                "|teargas|canisters")  # (tear gas fired at a crowd is its dispersal: see _crowd_control)
    + _triggers("attack", verbs="set", needs="particle:fire|ablaze|alight+not_following:" + UNPEOPLED_PROPERTY)
    + _triggers("attack", verbs="storm raid", nouns="raid")
    # "held up a bank" (not "held up photos as buses passed")
    + _triggers("attack", verbs="hold stick", needs="particle:up+object:holdup")
    + _triggers("attack", verbs="break", needs="particle:into+unless:out")
    + _triggers("attack", verbs="strike", needs="transitive+unless:" + FIGURATIVE_STRIKES)
    + _triggers("abduction", verbs="abduct kidnap hijack", nouns="abduction kidnapping kidnap hostage-taking disappearance "
                "hijacking")
    + _triggers("abduction", verbs="whisk", needs="particle:away+person_object")
    + _triggers("abduction", verbs="carry", needs="particle:off+person_object")
    + _triggers("abduction", verbs="take hold", needs="particle:hostage|captive")
    + _triggers("abduction", verbs="seize snatch", needs="person_object")
    # people led off by armed men: "was taken from his pickup truck by four armed men", "took my brothers into
    # the bush", "the rebels marched away at least 15 people"
    + _triggers("abduction", verbs="take march drive lead", needs="person_object+abductor")
    + _triggers("abduction", verbs="make", needs="particle:off+made_off_with_people")  # "made off with 38 pupils"
    + _triggers("abduction", nouns="hostage captive", needs="particle:free|freed|release|released|hold|held|rescue|rescued")
    + _triggers("killing", verbs="execute", needs="person_object")
    + _triggers("killing", verbs="hang", needs="person_object+unless:himself|herself|themselves|up|out")
    + _triggers("killing", verbs="kill murder assassinate slay behead lynch strangle slaughter",
                nouns="killing murder assassination execution slaying beheading lynching homicide")
    + _triggers("killing", verbs="shoot gun", needs="particle:dead|down|fatally|death+not_following:" + AIRBORNE_TARGETS)
    + _triggers("shelling", verbs="shoot", needs="particle:down&" + AIRBORNE_TARGETS)  # "shot down 70 of the drones"
    + _triggers("shelling", verbs="destroy", needs="object:airborne")  # "destroyed 84 drones"
    + _triggers("protest", verbs="disperse", needs="marchers_object")  # "police disperse pro-EU protesters"
    + _triggers("killing", verbs="find", needs="particle:dead&wound|wounds|gunshot|stab|bullet|bullets|shot")
    + _triggers("killing", nouns="death", needs="particle:shooting|stabbing|beating")
    + _triggers("killing", verbs="die", needs="particle:gunshot|stab|stabbing|shooting|beating|bullet|shot|stabbed|beaten")
    + _triggers("killing", verbs="wound", needs="particle:fatally|mortally")
    + _triggers("killing", verbs="die succumb", needs="particle:injuries|injury|wounds|hospital|scene|later",
                follow_up=True)
    + _triggers("killing", verbs="pronounce", needs="particle:dead", follow_up=True)
    + _triggers("attack", verbs="suffer sustain", needs="particle:wound|wounds|injury|injuries", follow_up=True)
    + _triggers("attack", verbs="wound injure", needs="person_object+passive", follow_up=True)
    + _triggers("attack", verbs="wound injure maim", needs="weapon_subject")  # "a shell wounded a woman"
    + _triggers("killing", verbs="die", needs="victim_subject", follow_up=True)
    + _triggers("arrest", verbs="capture recapture", needs="person_object")
    + _triggers("arrest", verbs="handcuff", needs="unless:herself|himself|themselves|myself|yourself")
    + _triggers("arrest", verbs="arrest detain apprehend nab remand", nouns="arrest detention capture roundup")
    # "was jailed for 11 months" is a sentence passed, not an arrest
    + _triggers("arrest", verbs="jail", needs="not_following:month|months|year|years|week|weeks|life")
    + _triggers("arrest", verbs="round", needs="particle:up+person_object")
    + _triggers("arrest", verbs="haul", needs="particle:off|away+person_object")
    + _triggers("arrest", verbs="pick", needs="particle:up+person_object+law_enforcement")
    + _triggers("arrest", verbs="lock", needs="particle:up+person_object")
    + _triggers("arrest", verbs="catch bust", needs="person_object")
    + _triggers("arrest", verbs="take hold", needs="particle:custody|suspicion")
    + _triggers("arrest", verbs="hold", needs="person_object+held")
    + _triggers("arrest", verbs="book", needs="particle:jail|charge|charges|custody|prison|detention|suspicion")
    + _triggers("arrest", verbs="go send", needs="particle:jail|custody")
    + _triggers("arrest", verbs="take transport", needs="particle:jail|detention")
    + _triggers("arrest", verbs="take transport bring", needs="particle:police&station|department|headquarters|precinct"
                "+person_object")  # "was taken to the police station"
    + _triggers("arrest", verbs="lodge", needs="particle:jail|detention|prison|custody")  # "lodged in the county jail"
    + _triggers("arrest", nouns="bond bail", needs="bail_set")  # "His bond was set at $150,000": held, on bail terms
    + _triggers("arrest", verbs="book", needs="person_object+passive")
    + _triggers("arrest", verbs="be", needs="particle:custody")
    + _triggers("arrest", verbs="turn", needs="particle:himself|herself|themselves&in")
    + _triggers("arrest", verbs="surrender", needs="particle:police|authorities|officer|officers|deputies|agents|army"
                "|troops|soldiers|military|forces")
    + _triggers("charges", verbs="indict prosecute arraign", nouns="indictment arraignment")
    + _triggers("charges", verbs="accuse", needs="accused")  # "a man accused of robbing a bank", as guideline
    # "Prosecutors allege that he ordered ...", "Prosecutors accuse them of belonging to a cell"
    + _triggers("charges", nouns="prosecutor prosecution", needs="accusing")
    + _triggers("charges", verbs="charge", needs="with")
    + _triggers("charges", nouns="charge", needs="support")
    + _triggers("charges", verbs="face", needs="particle:charge|charges|count|counts")
    + _triggers("charges", verbs="bring", needs="particle:court|judge|magistrate&charge|charges")
    + _triggers("charges", verbs="appear produce", needs="particle:court|judge|magistrate+unless:failure|fail|due|expected|scheduled")
    + _triggers("charges", verbs="plead", needs="particle:charge|charges|count|counts|guilty|innocent|contest")
    + _triggers("charges", nouns="plea", needs="particle:guilty|innocent|not")
    + _triggers("charges", verbs="stand go", needs="particle:trial")
    + _triggers("charges", nouns="appearance", needs="particle:court+unless:pending|pende|pend|scheduled|schedule|next|upcoming|future")
    + _triggers("charges", nouns="trial mistrial", needs="unless:civil|clinical|field|free|vaccine")
    + _triggers("charges", verbs="testify", needs="particle:trial|court|jury|hearing")
    + _triggers("charges", verbs="dismiss drop reduce", needs="particle:charge|charges|count|counts")
    + _triggers("charges", verbs="cite", needs="particle:for+passive")
    + _triggers("charges", verbs="haul", needs="particle:court|judge|magistrate|judges")
    + _triggers("security_operation", verbs="retake retook reclaim recapture sweep", needs="place_object")
    + _triggers("riot", verbs="take seize", needs="force_subject:inmate+particle:control")  # inmates take over a prison
    + _triggers("security_operation", verbs="take regain seize retake retook", needs="particle:control")
    # what forces seize in a raid: "troops seized 30 firearms", "officers seized $40,000 in cash" (with an arrest,
    # the arrest's own haul)
    + _triggers("security_operation", verbs="seize confiscate", needs="force_subject+no_arrest+particle:" + SEIZED_GOODS)
    + _triggers("security_operation", nouns="crackdown", needs="unless:traffic|speeding|parking|littering|seatbelt")
    + _triggers("security_operation", nouns="manhunt dragnet")
    + _triggers("security_operation", nouns="sweep", needs="particle:military|security|police|army")
    + _triggers("security_operation", verbs="comb scour cordon", needs="force_subject")
    + _triggers("security_operation", verbs="seal", needs="force_subject+particle:off")  # "troops sealed off the town"
    + _triggers("security_operation", verbs="move transfer relocate", needs="force_subject+object:inmate")  # "soldiers
    # moved 112 inmates to El Pozo": a prison transfer under guard
    + _triggers("security_operation", verbs="go", needs="force_subject+particle:house|door")  # "went from house to house"
    + _triggers("security_operation", verbs="rescue free", needs="active+force_subject+person_object")
    + _triggers("security_operation", verbs="search", needs="force_subject+particle:" + SEARCHED_PREMISES)
    + _triggers("security_operation", nouns="search", needs="particle:narcotic|narcotics|drug|drugs|police|warrant")
    + _triggers("security_operation", verbs="enter", needs="force_subject+place_object")
    + _triggers("security_operation", verbs="dismantle clear raze",
                needs="force_subject+particle:camp|camps|encampment|barricade|barricades|blockade|blockades")
    + _triggers("security_operation", nouns="operation offensive", needs="support")
    + _triggers("escape", verbs="escape abscond", nouns="escape", needs="custody")
    + _triggers("escape", nouns="jailbreak breakout")
    + _triggers("escape", verbs="break", needs="particle:out&of|from")
    + _triggers("escape", verbs="flee", needs="particle:custody|jail|prison")
    + _triggers("escape", verbs="flee slip", needs="force_subject:inmate")
    + _triggers("escape", verbs="free", needs="person_object+custody")
    + _triggers("protest", verbs="protest", needs="unless:" + OBJECTED_WORDS)
    + _triggers("protest", verbs="rally", nouns="rally", needs="unless:" + CAMPAIGN_WORDS)
    + _triggers("protest", verbs="picket", nouns="demonstration march sit-in walkout picket")
    # not a government's "formal protest" lodged with an envoy
    + _triggers("protest", nouns="protest", needs="unless:formal|diplomatic|official|lodge|file|register|note")
    + _triggers("protest", nouns="in", needs="particle:sit")  # "staged a sit-in": the tokenizer splits it
    + _triggers("protest", verbs="demonstrate", needs="intransitive+active")
    + _triggers("protest", verbs="march", needs="force_subject:marcher")
    + _triggers("protest", verbs="block occupy chant", needs="force_subject:protester")
    + _triggers("protest", verbs="block blockade", needs="force_subject:marcher+transitive")
    # people blocking a road or gathering to demand something: "relatives blocked a main avenue to demand a search",
    # "dozens of relatives gathered outside the prison gates, demanding information"
    + _triggers("protest", verbs="block barricade", needs="particle:road|roads|avenue|street|streets|highway|bridge"
                "|motorway|junction|intersection&demand|demanding|protest|protesting")
    + _triggers("protest", verbs="gather assemble converge", needs="force_subject:marcher+particle:demand|demanding"
                "|chant|chanting|protest|protesting")
    + _triggers("election", verbs="go head", needs="particle:polls")
    + _triggers("election", verbs="turn", needs="particle:out+force_subject:voter")  # "voters turned out early"
    + _triggers("protest", verbs="take", needs="particle:streets|street")
    + _triggers("protest", verbs="walk", needs="particle:off|out&job|jobs|work|class|classes")
    + _triggers("protest", nouns="protester protestor demonstrator marcher picketer", needs="acting_subject")
    + _triggers("riot", verbs="riot loot ransack brawl", nouns="riot rioting looting unrest brawl melee")
    + _triggers("riot", verbs="scuffle", nouns="scuffle", needs="crowd")
    + _triggers("riot", nouns="fight fistfight",
                needs="crowd+unless:against|for|with|between|start|title|championship|bout")
    + _triggers("riot", verbs="throw hurl pelt", needs="particle:rock|rocks|stone|stones|bottle|bottles|brick|bricks"
                "|molotov|firebombs|eggs|fireworks|flares+force_subject:marcher")
    + _triggers("territorial_claim", verbs="annex", nouns="annexation")
    + _triggers("territorial_claim", verbs="claim", needs="place_object")
    + _triggers("territorial_claim", verbs="proclaim declare", needs="particle:territory|sovereignty|independence|republic")
    + _triggers("territorial_claim", verbs="incorporate", needs="place_object+particle:territory|state|region|area|province"
                "|country|map")
    + _triggers("territorial_claim", nouns="territory part", needs="sovereign_attribute")
    + _triggers("territorial_claim", nouns="sovereignty", needs="support")
    + _triggers("territorial_claim", nouns="claim", needs="support")
    + _triggers("election", verbs="vote", needs="electorate")
    + _triggers("election", verbs="take get receive win garner trail lead", needs="particle:votes|ballots")
    + _triggers("election", verbs="cast", needs="particle:ballot|ballots|vote|votes+no_legislature")
    + _triggers("election", verbs="approve reject pass back", needs="force_subject:voter")
    + _triggers("election", verbs="elect", needs="clausal+not_following:trial|jury")
    + _triggers("election", verbs="unseat")  # "Hyles has unseated Municipal Court Judge Haywood Turner"
    + _triggers("election", nouns="election referendum runoff ballot voting re-poll repoll by-election")
    + _triggers("election", verbs="win", needs="particle:mayoralty|presidency|governorship|premiership|seat|seats"
                "|runoff|election|vote|ballot|term|re-election|reelection|margin|landslide")
    + _triggers("election", nouns="vote", needs="no_legislature")
    + _triggers("election", nouns="poll", needs="no_legislature+unless:ask|show|find|suggest|indicate|conduct|commission"
                "|release|publish|survey|opinion")
    # (not a council "sanctioning several developments")
    + _triggers("sanction", verbs="sanction blacklist",
                needs="unless:development|developments|plan|plans|scheme|schemes|project|projects|building|buildings"
                "|application|applications|expenditure|spending|budget|loan|loans|proposal|proposals")
    + _triggers("sanction", verbs="designate", needs="particle:terrorist|terrorists|terror|terrorism|organization"
                "|organisation|organizations|organisations|sponsor|entity|entities")
    + _triggers("sanction", nouns="sanction designation", needs="support")
    + _triggers("sanction", nouns="ban", needs="support+particle:entry|travel|visa")
    + _triggers("sanction", verbs="bar ban", needs="particle:entry")
    + _triggers("sanction", verbs="freeze", needs="particle:asset|assets")
    + _triggers("sanction", verbs="add place put", needs="particle:sanction|sanctions|blacklist&list|blacklist")
    + _triggers("deportation", verbs="order", needs="particle:leave&diplomat|diplomats|ambassador|ambassadors|envoy|envoys")
    + _triggers("deportation", verbs="deport expel extradite", nouns="deportation expulsion extradition",
                needs="not_following:home|homes|house|houses|village|villages|school|schools|party|club")
    + _triggers("military_deployment", verbs="deploy mobilize mobilise station", needs="force_any")
    + _triggers("military_deployment", nouns="deployment")
    + _triggers("military_deployment", verbs="dispatch send move mass rush ship fly airlift", needs="force_object")
    + _triggers("military_deployment", verbs="order", needs="force_object+to_place")  # "ordered ten companies to Manipur"
    + _triggers("military_deployment", verbs="arrive land", needs="force_subject:deployed")
    + _triggers("military_deployment", verbs="move pour roll", needs="force_subject:deployed+particle:into")
    + _triggers("military_deployment", verbs="patrol guard", needs="force_subject:deployed")
    + _triggers("military_deployment", verbs="stand", needs="particle:guard+force_subject:deployed")
    + _triggers("military_deployment", verbs="call", needs="particle:out|in&army|troops|military|soldiers")
)

# What is held up in a hold-up: "two men held up a bus", "the store was stuck up".
HOLDUP_TARGETS = frozenset("bus buses vehicle store shop bank truck car motorist driver passengers station restaurant "
                           "stores shops banks trucks cars motorists drivers stations restaurants".split())

# Words that decide a type by context (linguistic classes, not names).
AIRCRAFT_WORDS = frozenset(
    "drone drones aircraft airstrike airstrikes warplane warplanes jet jets helicopter helicopters bomber bombers "
    "gunship gunships uav uavs air-strike air-strikes glide".split()
)
MISSILE_WORDS = frozenset(
    "missile missiles rocket rockets artillery mortar mortars shell shells howitzer howitzers projectile projectiles".split()
)
FORCE_NOUNS = frozenset(
    "troop troops soldier soldiers force forces army armies military police policeman policemen officer officers "
    "marine marines guard guards guardsman guardsmen paratrooper paratroopers commando commandos "
    "battalion battalions brigade brigades unit units contingent contingents warship warships ship ships vessel "
    "vessels tank tanks vehicle vehicles jet jets aircraft helicopter helicopters agent agents gendarme gendarmes "
    "gendarmerie navy sailor sailors trooper troopers peacekeeper peacekeepers reinforcement reinforcements "
    "carrier carriers frigate frigates destroyer destroyers corvette corvettes submarine submarines".split()
)
# One member of a force: flying a guard to hospital is not a deployment.
FORCE_MEMBER_NOUNS = frozenset(
    "soldier policeman officer marine guard guardsman paratrooper commando agent gendarme sailor trooper "
    "peacekeeper".split()
)
# Words of an act done again and again ("regularly", "frequent bombings", "have become routine").
HABITUAL_WORDS = frozenset(
    "regularly routinely frequently often habitually usually typically periodically daily nightly weekly frequent regular "
    # (not "repeatedly": "stabbed him repeatedly" is one attack)
    "routine periodic countless numerous common commonplace widespread rampant endemic increasingly".split()
)
# "Personnel" are forces only when named so ("security personnel", "military personnel"), not the
# health workers an agency deploys.
SECURITY_MODIFIERS = frozenset("security military army armed police naval defence defense paramilitary".split())
# Police at a crime scene ("before police arrived") are not a deployment; soldiers arriving are.
POLICE_NOUNS = frozenset(
    "police policeman policemen officer officers agent agents trooper troopers gendarme gendarmes".split()
)
PROTESTER_NOUNS = frozenset(
    "protester protesters protestor protestors demonstrator demonstrators rioter rioters crowd crowds mob mobs "
    "looter looters marcher marchers student students supporters activist activists campaigner campaigners "
    "picketer picketers striker strikers youth youths hooligan hooligans".split()
)
# Words that make a fight a crowd's (a riot), not two people's.
CROWD_WORDS = frozenset("crowd crowds mob mobs brawl brawls melee group groups gang gangs dozens hundreds patrons "
                        "partygoers fans spectators youths".split())
# Who marches in a protest (not troops or a band): protesters and ordinary civilians in numbers.
MARCHER_NOUNS = PROTESTER_NOUNS | frozenset(
    "resident residents citizen citizens people thousands hundreds dozens women workers opponents members "
    "participants parents families farmers teachers truckers drivers".split()
)
PERSON_NOUNS = frozenset(
    "people person persons man men woman women child children boy boys girl girls pupil pupils student students "
    "villager villagers civilian civilians worker workers passenger passengers tourist tourists migrant migrants "
    "inmate inmates prisoner prisoners detainee detainees hostage hostages staff journalist journalists "
    "resident residents farmer farmers miner miners fisherman fishermen priest priests guard guards member members "
    "family families official officials leader leaders suspect suspects gunman gunmen assailant assailants "
    "attacker attackers fugitive fugitives teen teens teenager teenagers youth youths driver drivers dealer dealers "
    "thief thieves robber robbers killer killers shooter shooters victim victims officer officers activist activists "
    "protester protesters demonstrator demonstrators opponent opponents schoolgirl schoolgirls schoolboy schoolboys "
    "worshipper worshippers worshiper worshipers trader traders herder herders nun nuns doctor doctors nurse nurses "
    "employee employees relative relatives patient patients refugee refugees voter voters owner owners "
    "shopkeeper shopkeepers vendor vendors customer customers clerk clerks cashier cashiers teller tellers "
    "neighbour neighbours neighbor neighbors husband husbands wife wives father fathers mother mothers son sons "
    "daughter daughters brother brothers sister sisters friend friends girlfriend boyfriend partner pedestrian "
    "pedestrians motorist motorists cyclist cyclists bystander bystanders teacher teachers pastor pastors "
    "sailor sailors escapee escapees commander commanders uncle uncles aunt aunts cousin cousins nephew nephews niece "
    "nieces grandson grandsons granddaughter granddaughters grandfather grandmother mayor mayors governor governors "
    "councillor councillors councilor councilors candidate candidates judge judges lawyer lawyers".split()
)
# Armed, organised non-state groups: their fight with security forces is an armed clash (ACLED
# "Battles"), not an attack on civilians ("militants attacked a police post", "troops ambushed rebels").
ARMED_GROUP_NOUNS = frozenset(
    "militant militants insurgent insurgents rebel rebels gunman gunmen fighter fighters militia militias "
    "militiaman militiamen jihadist jihadists guerrilla guerrillas guerilla guerillas separatist separatists "
    "extremist extremists terrorist terrorists gang gangs armed".split()  # "armed groups", "armed men"
)
# The attackers of an incident, by their role: killed, they died fighting ("three of the attackers were killed").
ASSAILANT_NOUNS = frozenset("attacker attackers assailant assailants raider raiders".split())
# Attack triggers that name harm done to a person (shot, stabbed, beaten): with a death in the same
# clause the incident is a killing ("was shot and killed", "died in the stabbing"), while an
# attack of a place or a crowd that kills stays an attack with fatalities ("opened fire, killing 19").
PERSONAL_VIOLENCE_LEMMAS = frozenset(
    "shoot shooting stab stabbing beat beating knife wound slash slice hit punch kick gunfire".split()
)
# What happens to a victim: an incident noun under one of these is reported, not just referred to
# ("a policeman was wounded in the shootout", "injured in the blast", "hospitalized after the shooting").
CASUALTY_LEMMAS = frozenset(
    "wound injure hurt hospitalize hospitalise die kill treat suffer sustain injured wounded dead".split()
)
# Verbs whose object has already happened, whatever the mood of the clause: "called to break up a
# brawl", "sent to disperse the protest", "will investigate the shooting", "responded to a stabbing".
PRESUPPOSING_VERBS = frozenset("investigate probe disperse quell respond".split())
# A follow-up trigger (a victim's death reported after the incident: "the man later died at the
# hospital", "succumbed to his injuries") is a killing only in a document that reported one of these
# before it (not after a crash).
VIOLENT_TYPES = frozenset("air_strike shelling bombing armed_clash attack killing riot abduction".split())
# Nouns that an incident word right before them only classifies ("murder suspect", "assault charges",
# "shooting investigation"), however a headline is parsed.
CASE_NOUNS = frozenset(
    "suspect suspects charge charges case cases trial warrant warrants probe investigation investigators "
    "detectives conviction count counts defendant".split()
)
# Subjects that make "rang out" / "erupted" a shooting.
SHOT_NOUNS = frozenset("shot shots gunshot gunshots gunfire".split())
# Pronouns that stand for people as the object of an arrest or abduction verb ("picked him up").
PERSON_PRONOUNS = frozenset("he him she her himself herself".split())
TERRITORY_NOUNS = frozenset(
    "region territory area island islands land lands sovereignty town city village province state border "
    "waters sea coast district zone prison facility base mine mines airport port".split()
)
# What a vote decides when it is a claim to territory ("a referendum on independence", "voters backed
# the creation of a state in the territory").
SOVEREIGNTY_WORDS = frozenset("independence sovereignty annexation secession statehood territory".split())
# People held by captors, not by the police: "hostages were freed", "guards held by inmates".
CAPTIVE_NOUNS = frozenset("hostage hostages captive captives guard guards".split())
CAPTOR_NOUNS = ARMED_GROUP_NOUNS | frozenset("inmate inmates prisoner prisoners kidnapper kidnappers captor captors "
                                             "abductor abductors bandit bandits pirate pirates".split())
# Sentences that only follow up the violent incident just reported, in words no trigger has: who claimed it,
# whether it could be verified, where its victims are, why it happened and whether anyone was caught ("No
# group has claimed responsibility", "No group has claimed the grenade attack", "No one was hurt", "The claim
# could not be independently verified", "Their whereabouts remain unknown", "Police said the motive was
# unclear", "No arrests have been made") ...
FOLLOW_UP_CUES = re.compile(
    r"\b(?:claim(?:ed|s|ing)? responsibility|responsibility for (?:the|this|that)|independently (?:verif|confirm)"
    r"|den(?:y|ied|ies) (?:any )?(?:involvement|responsibility)|whereabouts (?:remain|are|were)"
    r"|no (?:immediate )?(?:reports? of )?(?:casualties|injuries)"  # the harm an incident did not do
    r"|(?:no one|nobody|none of them) (?:was|were) (?:hurt|injured|wounded)"
    r"|(?:was|were) not (?:seriously |physically )?(?:hurt|injured|harmed)|\bunhurt\b"
    r"|(?:has|have|had|did) (?:not )?(?:yet )?claimed? (?:the|this|that|its) (?:\w+ ){0,2}(?:attacks?|kidnapping|abduction"
    r"|bombing|blast|killings?|strikes?|shooting|ambush)"
    r"|motive|no arrests? (?:has|have|had) (?:yet )?been made"
    # a witness telling the violence just reported: "We heard the shots and ran", "They came at night with machetes
    # and guns", "There was blood everywhere"
    r"|(?:heard|hear|hearing)(?:\W+\w+){0,5}?\W+(?:shots?|gunshots?|gunfire|firing|bangs?|blasts?|explosions?)\b"
    r"|they came(?:\W+\w+){0,6}?\W+(?:guns?|machetes?|sticks|stones|knives|rifles|weapons|torches)\b"
    r"|blood (?:all over|everywhere)|when the (?:shots|shooting|firing) started"
    r"|(?:identified|named) the (?:victims?|dead|deceased)\b"  # "identified the victim on Monday as ..."
    r"|no one (?:has|had) (?:yet )?been (?:arrested|charged))",
    re.I,
)
# Follow-ups that belong to some kinds of incident only, reported again when one of those was just told:
# (cue, the types it follows up, the type it reports: None for the followed incident's own).
# - a ransom demand, the kidnappers or the hostages freed unharmed after a kidnapping;
# - "are still being held", "remain in custody" after a kidnapping or an arrest;
# - the returnees of a deportation; escapees still at large after a jailbreak;
# - the designations and frozen assets of the sanctions just told ("The designations freeze any assets");
# - the plea and next hearing of the accused just charged ("He did not enter a plea", "is due to reappear
#   on March 26"; a first hearing still to come is the future);
# - the turnout, polling stations and results of the vote just told (in local news these words alone are
#   no vote: "the school board's turnout goal");
# - the rubble, blasts and shattered windows of the strike, shelling or bombing just told;
# - what the violence just told "had targeted" ("it had targeted a Hezbollah operative");
# - the gunfire of the fight just told ("residents heard heavy gunfire", "accused the other of firing first");
# - police dispersing the crowd just told;
# - the dead of the violence just told: a killing, unless that violence is what killed ("one of the dead
#   was a passer-by" after a strike).
TYPED_FOLLOW_UP_CUES = (
    (re.compile(r"\bransom\b|\bkidnappers?\b|\bcaptors?\b|\bcaptives?\b|\babductors?\b"
                r"|\b(?:freed|released|rescued) (?:\w+ ){0,3}unharmed\b", re.I),
     frozenset({"abduction"}), None),
    (re.compile(r"\b(?:remain|remains|remained|are|were|is|was) (?:still )?(?:being )?held\b"
                r"|\b(?:remain|remains|remained) in (?:police )?custody\b"
                r"|\breleased on bail\b|\bdenied holding\b", re.I), frozenset({"arrest", "abduction"}), None),
    (re.compile(r"\bdeportees?\b|\breturnees?\b|\bdeportation flights?\b", re.I),
     frozenset({"deportation"}), None),
    (re.compile(r"\b(?:remain|remains|remained|are|were|is|was) (?:still )?(?:at large|on the run)\b", re.I),
     frozenset({"escape"}), None),
    (re.compile(r"\benter(?:ed|s)? (?:a |any )?pleas?\b|\breappear\b", re.I), frozenset({"charges"}), None),
    (re.compile(r"\bdesignat(?:ed|ions)\b|\bfreez(?:e|es|ing)\b(?: \w+){0,3} assets\b|\bassets? freezes?\b"
                r"|\bblock(?:s|ed)? (?:all |any )?(?:of )?(?:their |its |his |her )?(?:property|assets)\b", re.I),
     frozenset({"sanction"}), None),
    (re.compile(r"\bturnout\b|\bpolling (?:day|stations?|booths?|places?)\b|\b(?:preliminary|provisional|partial|early|official|final)"
                r" results\b|\bconced(?:e|ed|es|ing)\b|\brecount\b|\bprecincts?\b", re.I), frozenset({"election"}), None),
    (re.compile(r"\brubble\b|\b(?:loud|huge|massive|powerful) (?:blasts?|bangs?|explosions?)\b|\bwhistle\b"
                r"|\bno (?:casualties|damage)\b|\bshattered (?:shop )?(?:windows|glass)\b|\bbrought under control\b", re.I),
     frozenset({"air_strike", "shelling", "bombing"}), None),
    (re.compile(r"\b(?:had|has|have) targeted\b|\bwas targeted\b|\bdenied targeting\b", re.I),
     frozenset("air_strike shelling bombing attack armed_clash killing".split()), None),
    (re.compile(r"\b(?:heavy|sustained|intense|automatic) gunfire\b|\bin the exchange\b|\bfiring first\b"
                r"|\bfired first\b", re.I), frozenset({"armed_clash"}), None),
    (re.compile(r"\btear ?gas\b|\bwater cannons?\b|\brubber bullets\b|\bpepper (?:spray|balls)\b|\bstun grenades\b"
                r"|\bdispers(?:e|ed|ing)\b", re.I), frozenset({"protest", "riot"}), None),
    (re.compile(r"\b(?:of|among) the dead\b|\bbodies\b|\bdeath toll\b"
                r"|\btoll (?:rose|has risen|had risen|climbed|has climbed|stands|stood)\b", re.I),
     frozenset("air_strike shelling bombing armed_clash attack killing riot abduction".split()), "killing"),
)
# ... or how its wounded are ("He was taken to hospital", "in stable condition"): after a killing or an abduction,
# that is the attack's wounding part.
CARE_CUES = re.compile(
    r"\b(?:(?:taken|rushed|flown|airlifted|evacuated) to (?:a |the )?(?:[\w.-]+ ){0,3}(?:hospital|clinic|trauma cent(?:er|re))"
    r"|(?:taken|rushed|flown|airlifted|evacuated) to (?:a |the )?(?:[\w.-]+ ){0,3}(?:health|medical) cent(?:er|re)"
    r"|treated (?:at the scene|for (?:\w+ ){0,2}(?:wounds?|injur\w*|cuts|burns|bruises|fractures?))\b"
    r"|(?:treated|recovering) (?:in|at) (?:a |the )?(?:[\w.-]+ ){0,3}(?:hospital|clinic)"
    r"|in (?:a )?(?:(?:stable|critical|serious|fair|grave)(?: but | and )?)+ condition)",
    re.I,
)
# Quantities that stand for people when they count them ("many of them", "dozens more").
QUANTITY_PRONOUNS = frozenset("many some most several all others dozens hundreds thousands scores".split())
COUNT_NOUNS = frozenset("dozens hundreds thousands scores".split())
# Words for an incident that say nothing of its kind: in the body of a report they are the headline's
# incident ("the attack" in a car-bomb story is the bombing), while "the bombing" stays a bombing.
GENERAL_INCIDENT_NOUNS = frozenset("attack attacks assault incident violence fighting fight raid strike".split())
# Violence that is itself what killed or wounded: a follow-up death or wound reports it ("one of the wounded
# died in hospital" after a bombing is the bombing); after a killing, a wound alone is an attack.
HARM_CAUSE_TYPES = frozenset("air_strike shelling bombing armed_clash riot".split())
# Fights that kill and wound on both sides ("killed in the ambush", "in an exchange of fire").
FIGHT_NOUNS = frozenset("ambush clash encounter gunfight firefight shootout shoot-out battle fighting exchange".split())
# What only armed forces are: attacked, they fight back ("militants ambushed a supply convoy").
MILITARY_TARGET_NOUNS = frozenset(
    "convoy convoys patrol patrols checkpoint checkpoints outpost outposts barracks garrison garrisons".split()
)
# What makes a convoy civilian, unless forces are in it: "a convoy of commercial trucks", "an aid convoy".
CIVILIAN_CONVOY_WORDS = frozenset(
    "commercial civilian aid humanitarian relief merchant truck lorry bus trader passenger fuel food".split())
# Words of a bomb set off on the ground, not dropped from the air ("a suicide car bombing").
GROUND_BOMB_MODIFIERS = frozenset("car suicide roadside truck vehicle motorcycle bicycle parcel letter".split())
# Bombs dropped from the air: "a guided aerial bomb hit an industrial site", "barrel bombs", "glide bombs".
AIR_DROPPED_BOMB_MODIFIERS = frozenset("aerial guided glide barrel".split())
# Gunfire: fired on, forces fight back ("a patrol came under fire", "opened fire on soldiers").
GUNFIRE_LEMMAS = frozenset("come fire open ambush".split())
# What fire is from when it is shooting, not burning: "artillery fire", "sniper fire", "heavy machine-gun fire".
GUNFIRE_MODIFIERS = frozenset("artillery gun machine-gun mortar tank sniper cross enemy small-arms rifle automatic heavy "
                              "hostile".split())
# What police fire at crowds to disperse them: part of the protest or riot, not an attack.
CROWD_CONTROL_WORDS = frozenset("tear teargas gas cannon cannons pepper rubber stun grenades".split())
# Forces that fight back when fired on: soldiers and their convoys, not police (a suspect firing at
# officers is an attack) and not aircraft (a helicopter under fire).
FIRED_ON_FORCES = (FORCE_NOUNS - AIRCRAFT_WORDS - POLICE_NOUNS) | MILITARY_TARGET_NOUNS
LIVE_FIRE_WORDS = frozenset("live rounds bullets ammunition".split())
# Verbs of touching off an explosive: "the truck struck a landmine", "he stepped on an IED".
DEVICE_CONTACT_VERBS = frozenset("hit strike detonate trigger step".split())
# Who votes in an election: "voters approved table gaming".
VOTER_NOUNS = frozenset("voter voters electorate electors".split())
# Who flees custody ("inmates fled", "prisoners slipped out").
INMATE_NOUNS = frozenset("inmate inmates prisoner prisoners detainee detainees convict convicts".split())
# Who escapes in an escape incident: people held in custody, or anyone fleeing a place of custody
# (not a zoo animal, not residents "escaping the fighting").
# Words that put a sentence in police work: "police picked up two suspects", not "the bus picks up pupils".
LAW_ENFORCEMENT_WORDS = POLICE_NOUNS | frozenset(
    "deputy deputies sheriff authorities suspect suspects custody arrest warrant wanted charge charged questioning "
    "detention deport deportation deportee deportees immigration raid raids".split()
)
CUSTODY_WORDS = frozenset(
    "prison prisons jail jails custody detention cell cells penitentiary inmate inmates prisoner prisoners "
    "detainee detainees convict convicts guard guards jailer jailers warden correctional lockup".split()
)
# Bodies that vote on bills, not an electorate: "the council voted 22-0", "senators voted".
LEGISLATURE_NOUNS = frozenset(
    "council councillor councillors councilor councilors councilman councilmen councilwoman alderman aldermen "
    "selectman selectmen supervisor supervisors faculty senate senator senators legislature legislator "
    "legislators lawmaker lawmakers parliament parliamentarian parliamentarians mp mps congress congressman "
    "congressmen assembly committee board commission commissioner commissioners house representatives "
    "delegates trustees shareholders justices judges jury jurors cabinet members panel "
    "knesset duma rada bundestag bundesrat majlis sejm senat riksdag storting folketing althing dail eduskunta "
    "sabha congreso senado asamblea diet".split()
)
# What causes harm without human violence: diseases and disasters ("an outbreak of cholera killed 60",
# "struck down by the virus", "killed in the quake").
# Disasters: their deaths are neither crimes nor conflict.
DISASTER_NOUNS = frozenset(
    "earthquake flood flooding landslide storm hurricane cyclone tornado avalanche overdose".split()
)
NATURAL_CAUSE_NOUNS = DISASTER_NOUNS | frozenset(
    "disease diseases illness illnesses outbreak outbreaks epidemic epidemics pandemic virus viruses infection "
    "infections flu influenza strain strains bacteria bacterium cholera plague fever ebola measles malaria "
    "tuberculosis meningitis typhoid dengue hiv aids cancer tumour tumor pneumonia e. coli salmonella listeria "
    "h5n1 h1n1 h7n9 avian "
    "quake tsunami floods landslides mudslide storms typhoon drought famine starvation hunger heatwave heat cold "
    "lightning eruption volcano blaze wildfire poisoning poison leak smoke".split()
)
# Accidents and disasters anywhere in the clause of a death: "killed in a traffic accident".
ACCIDENT_NOUNS = DISASTER_NOUNS | frozenset("accident crash collision wreck drowning electrocution stampede crush".split())
# Subjects that sum up many incidents: "the war has killed tens of thousands", "gang violence killed more
# than 5,600 people last year", "the bombing campaign killed thousands" are statistics.
AGGREGATE_CAUSE_NOUNS = frozenset("war wars conflict conflicts insurgency insurgencies crisis violence campaign".split())
# Animals: killing, shooting or catching them is not an incident ("160,000 birds were killed",
# "rounding up chickens", "pets are being shot").
ANIMAL_NOUNS = frozenset(
    "animal animals bird birds poultry chicken chickens duck ducks goose geese hen hens hog hogs pig pigs piglet "
    "piglets swine cattle cow cows calf calves livestock sheep goat goats horse horses dog dogs cat cats pet pets "
    "deer fish otter otters toad toads frog frogs wildlife flock flocks herd herds boar boars monkey monkeys rat "
    "rats bat bats camel camels elephant elephants lion lions wolf wolves bear bears head".split()
)
# "Heart attack", "panic attack": an illness, not an attack.
MEDICAL_MODIFIERS = frozenset("heart panic asthma anxiety seizure epileptic".split())
# A "legal battle", "political fight": a contest, not fighting.
# What firefighters, patients and litigants battle: "crews battled the blaze", "fighting a legal battle".
FIGURATIVE_OPPONENTS = frozenset(
    "fire fires blaze blazes flames inferno cancer illness disease addiction incident".split()
)
FIREFIGHTER_NOUNS = frozenset("firefighter firefighters fireman firemen crew crews".split())
# A deadly fire is an accident unless someone set it.
FIRE_NOUNS = frozenset("fire blaze flames inferno".split())
ARSON_WORDS = frozenset("arson arsonist arsonists set torch torched firebomb firebombs molotov petrol deliberately".split())
FIGURATIVE_MODIFIERS = frozenset(
    "legal court courtroom political electoral election custody uphill bidding ratings budget "
    "procedural public relations pr verbal".split()
)
LABOUR_STRIKE_WORDS = frozenset("hunger general labour labor worker workers union unions nationwide teachers regional national "
                                "indefinite transport truckers miners doctors nurses employees".split())

# Verbs and nouns under which an incident is only possible, planned or feared, not reported.
IRREALIS_GOVERNORS = frozenset(
    "risk threat threaten fear warn warning plan propose proposal consider option possibility call demand urge ask "
    "want seek try attempt aim intend intention prepare vow pledge promise order allow authorize authorise permit "
    "prevent avoid deny reward bounty warrant information conspire conspiracy plot would could might may should "
    "must initiative drive push bid effort hope expect prospect danger potential ready willing refuse "
    "able unable need fail face precedent".split()
)
# Who states a charge ("Prosecutors allege that he ordered the killing"), and how.
ACCUSER_NOUNS = frozenset("prosecutor prosecutors prosecution".split())
ACCUSING_VERBS = frozenset("allege contend".split())  # not "said": "X was arrested, prosecutors said" reports
# Statements reacting to an incident: their date is the statement's ("claimed the killings on Monday").
REACTION_VERBS = frozenset("claim condemn denounce deplore decry deny blame criticize criticise mourn".split())
# Verbs of saying, holding a view or wanting: their subject ("protesters said", "protesters oppose")
# is not shown acting.
STANCE_VERBS = frozenset(
    "say tell state claim argue insist believe think feel want wish hope fear expect oppose support favor favour "
    "demand urge call ask accuse blame complain deny agree disagree plan vow pledge promise threaten warn "
    "seek need like love hate know see hear".split()
)
# What police and courts do: with no place named, it happens in the acting police's country.
ENFORCEMENT_TYPES = frozenset("arrest charges deportation security_operation".split())
# A raid by these is a security operation ("an immigration raid", "a SWAT raid").
ENFORCEMENT_MODIFIERS = frozenset("immigration drug narcotics anti-drug ice fbi dea swat".split())
# Verbs whose raid is an operation: "two suspects were arrested in a raid".
ARREST_VERBS = frozenset("arrest detain round capture nab apprehend".split())
# What a council votes on: "voted on the bill", "voted in favor".
MOTION_NOUNS = frozenset("favor favour bill measure motion resolution proposal amendment ordinance budget".split())
# Verbs that undo what they govern: "elections were canceled", "the march was called off".
CANCEL_VERBS = frozenset("cancel postpone suspend delay scrap abort".split())
# Verbs whose infinitive complement did happen ("managed to escape", "used a drone to drop explosives").
IMPLICATIVE_VERBS = frozenset("manage succeed begin start continue proceed go come use".split())
# Predicates that make a sentence commentary on an incident rather than a report of it.
EVALUATIVE_VERBS = frozenset(
    "be mark represent signal constitute show demonstrate reflect highlight underscore underline deepen "
    "illustrate raise set reverberate suggest mean follow echo recall".split()
)
# Nouns that bundle event nouns: "a new package of sanctions", "a round of arrests".
BATCH_NOUNS = frozenset("package round raft set wave series batch".split())
# Verbs that carry out an event noun ("launched an operation", "imposed sanctions").
SUPPORT_VERBS = frozenset(
    "launch conduct carry begin start mount stage hold deploy impose announce file bring press level unseal "
    "slap levy lodge make stake assert reassert renew adopt".split()
)
EVENT_MODIFIERS = frozenset(
    "military security police joint anti-gang counter-narcotics counterterrorism counterinsurgency anti-terror "
    "search clearance rescue massive major large-scale "
    "new fresh federal criminal territorial".split()
)
