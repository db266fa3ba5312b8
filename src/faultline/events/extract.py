"""Predicates and their arguments: which lexicon row a trigger matches, who is source and target.

Verbs: the subject (inherited through "and", "to" and purpose clauses) is the source; the
direct object, or the object of the row's preposition, is the target. Passives swap to the
"by" agent and the passive subject. Event nouns ("talks", "strikes", "arrival") take their
source from a possessor, an adjective ("Russian strikes"), a "by" phrase, or the subject of
the light verb that carries them ("held talks"); "between X and Y" gives both directions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from faultline.actors.coref import clause_subject, noun_author, purpose_clause
from faultline.actors.kb import load_kb
from faultline.actors.resolve import DocActors
from faultline.events.codebook import load_codebook
from faultline.events.rules import FRAME_ROOTS, Entry, frame_code, load_cues, load_lexicon
from faultline.geo import locate
from faultline.model import Actor

# Prepositions that introduce a target when a row names none.
DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "for")
# Verbs that only carry an event noun ("held talks", "launched strikes").
# The weapon that acts decides the CAMEO code of the violence it does (195 aerial weapons,
# 194 artillery and tanks).
WEAPON_CODES = {w: "195" for w in ("aircraft", "warplane", "jet", "helicopter",
                                   "gunship", "drone", "plane", "air", "aerial", "missile",
                                   "rocket")} | {
    w: "194" for w in ("artillery", "tank", "mortar", "howitzer", "shell")}
# Bombs: CAMEO 183, and its kinds by the word that says which.
BOMB_WORDS = frozenset({"bomb", "bombing", "bomber", "explosive", "ied", "explosion", "blast"})
BOMB_CODE = "183"
BOMB_CODES = {"suicide": "1831", "car": "1832", "vehicle": "1832", "roadside": "1833"}
# Verbs that report what a violent act did ("..., killing ten").
EFFECT_VERBS = frozenset({"kill", "wound", "injure", "destroy", "damage"})
# Nouns that measure an event noun after "of" ("three days of exercises", "a wave of strikes").
MEASURE_NOUNS = frozenset({"day", "week", "month", "year", "hour", "night", "round", "series",
                           "wave", "spate", "string"})
# Verbs whose subject takes part in the event noun after "in" ("took part in the talks").
PARTICIPATION_VERBS = frozenset({"engage", "participate", "take", "join", "involve",
                                 "enter", "persist", "continue"})
# Nouns whose participle says what they state ("a statement condemning the attack").
STATEMENT_NOUNS = frozenset({"statement", "declaration", "communique", "communiqué", "letter",
                             "resolution", "message", "note", "motion", "petition"})
# Nouns that carry an event noun as their modifier ("a mediation effort", "a peace mission").
CARRIER_NOUNS = frozenset({"effort", "mission", "bid", "attempt", "initiative", "campaign",
                           "drive", "process", "plan", "programme", "program"})
# Aspectual verbs ("resumed", "stepped up", "completed") pass their subject on the same way.
LIGHT_VERBS = frozenset({"hold", "have", "make", "conduct", "launch", "carry", "stage", "begin",
                         "start", "open", "pay", "take", "give", "announce", "resume", "host",
                         "renew", "continue", "complete", "speed", "intensify", "pursue",
                         "step", "escalate", "expand", "finish", "wage", "mount", "order",
                         "issue", "lodge", "file", "undertake", "lead"})
# Where a fallback target may sit in a clause: objects, datives, prepositional objects and the
# subjects of complement clauses ("demanded that Moscow withdraw").
TARGET_FALLBACK_DEPS = frozenset({"dobj", "pobj", "dative", "nsubj", "nsubjpass", "poss",
                                  "attr", "appos"})
# Prepositions whose object says what an appeal or offer is about ("asked for aid").
COMPLEMENT_PREPS = frozenset({"for", "on", "upon", "to", "about", "over"})
# Acts aimed at a country's own authorities or people when they name no target: protests,
# strikes and riots (14) and calling them off (082), curfews, emergencies and bans (172, 081
# easing them, 1322-1324 threatening them). CAMEO codes them against the country they happen in.
DOMESTIC_CODES = ("14", "172", "081", "082", "1322", "1323", "1324")
# Violence nobody is named for ("were killed in a bombing", "a roadside bomb killed two"):
# CAMEO codes the perpetrator as unidentified armed forces (UAF) of the country it happened in.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
UNIDENTIFIED_ROLE = "UAF"
# "were killed when troops opened fire": the subject of a clause of the same moment did it.
SAME_TIME_MARKS = frozenset({"when", "as", "after"})
WEAPON_SUBJECTS = frozenset({"bomb", "bombing", "bomber", "explosion", "blast", "device", "mine",
                             "landmine", "minefield", "grenade", "rocket", "missile", "shell",
                             "attack", "ambush", "gunfire", "fire", "shelling", "airstrike",
                             "strike", "ied", "explosive"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
# Modifiers of an argument that may name the actor behind it when the head itself does not
# resolve ("opposition groups in Zimbabwe", "a deployment of NATO troops").
OWNER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos"})
OWNER_PREPS = ("of", "in", "from")
# Clauses that say what a protest is for: "marched to demand", "on hunger strike demanding",
# "rallied in demanding".
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl"})
PURPOSE_PREPS = frozenset({"in", "for", "by"})
# CAMEO's protest codes 141-145 split by what is demanded, in the order of its demands 1041-1044
# (leadership, policy, rights, institutions): a march to demand rights (1043) is 1413.
PROTEST_ROOT, DEMAND_ROOT = "14", "10"
PROTESTS_BY_DEMAND = frozenset({"141", "142", "143", "144", "145"})
DEMAND_DETAIL = "104"
# A military unit that arrives somewhere is deployed, not visiting: peacekeepers give CAMEO
# 074 (peacekeeping); other units have no CAMEO visit code, so the coder abstains.
VISIT_CODES = frozenset({"042"})
MILITARY_ROLE = "MIL"
PEACEKEEPING_CODE = "074"
PEACEKEEPING_WORDS = frozenset({"peacekeeper", "peacekeeping", "peace-keeping",
                                "peace-keeper", "peacekeepers"})
INTENT_ROOT = "03"
JOINT_ROOTS = ("03", "04", "05")
PESSIMISTIC_COMMENT = "012"
# Who is attacked and by whom turns an attack (190) into unconventional violence (180).
CONVENTIONAL_FORCE, UNCONVENTIONAL_VIOLENCE = "190", "180"
DEFENCELESS_ROLES = frozenset({"CVL", "REF"})
IRREGULAR_ROLES = frozenset({"REB", "INS", "UAF"})
CROWD_ROLES = frozenset({"CVL", "EDU", "LAB"})
VIOLENT_PROTEST = "145"
# A killing between armed sides is combat (conventional force, 190), not CAMEO's killing by
# physical assault (1823), which is for the defenceless.
KILLING_BY_ASSAULT = "1823"
ARMED_ROLES = frozenset({"MIL", "REB", "INS", "COP", "SPY", "UAF"})
COMBATANT_ROLES = frozenset({"MIL", "REB", "INS"})
# Meetings, visits and talks (CAMEO 04): the place they are held in is never their target.
CONSULT_ROOT = "04"
# Meetings (04) and shows of force (15): where they happen is not whom they concern.
PLACE_NO_TARGET_ROOTS = (CONSULT_ROOT, "15")
# Meetings, shows of force and violence: a city named where they happen is not their target
# ("attacked a base near Mogadishu" did not attack Mogadishu's people).
VENUE_ROOTS = (*PLACE_NO_TARGET_ROOTS, "18", "19", "20")
VENUE_PREPS = frozenset({"in", "at", "near", "inside"})
# Sums of money whose "in" phrase says what they are ("20 million euros in aid").
MONEY_WORDS = frozenset({"dollar", "euro", "pound", "yuan", "franc", "million", "billion"})
# Match levels (they feed the confidence): a row's object matched, its preposition found, a
# bare row, a row whose preposition was absent, a root-level code from same-root rows.
MATCH_OBJECT, MATCH_PREP, MATCH_BARE, MATCH_NO_PREP, MATCH_ROOT = 3, 2, 1, 0, -1
MATCH_NAMES = {MATCH_OBJECT: "object", MATCH_PREP: "prep", MATCH_BARE: "bare",
               MATCH_NO_PREP: "no_prep", MATCH_ROOT: "root"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A matched trigger with its resolved arguments (before modality and dating).

    ``code`` is the row's code, or the specific code a frame takes from its complement;
    ``level`` how closely the row's shape matched (``MATCH_*``); ``trace`` the row, argument
    strategies and conventions that produced it."""

    trigger: Token
    entry: Entry
    source: Actor | None
    target: Actor | None
    code: str
    level: int
    trace: tuple[str, ...] = ()


def _argument_step(actors: DocActors, slot: str, strategy: str, token: Token | None) -> str:
    """A trace step for an argument: the strategy, and the coreference rule when the phrase
    is a pronoun ("src:clause_subject+coref.speaker")."""
    rule = actors.pronoun_rules.get(token.i) if token is not None else None
    return f"{slot}:{strategy}" + (f"+coref.{rule}" if rule else "")


def _direct_object(verb: Token) -> Token | None:
    """The patient of ``verb``: its object, or its passive subject; a relative pronoun or a
    reduced relative stands for the noun it modifies ("the curfew that was imposed",
    "restrictions imposed on X")."""
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    deps = {"nsubjpass"} if passive else {"dobj", "attr"}
    found = next((c for c in verb.children if c.dep_ in deps), None)
    antecedent = verb.head if verb.head.pos_ in {"NOUN", "PROPN"} else None
    if found is not None and found.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return antecedent or found
    if found is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        return antecedent
    return found


def hyphen_joined(token: Token) -> str | None:
    """The one-word spelling of a hyphenated compound ending in ``token``: "cease-fire" →
    "ceasefire", "peace-keeping" → "peacekeeping" (the parser splits them in three)."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-":
        return None
    first = doc[token.i - 2]
    if first.head != token or first.dep_ not in {"compound", "amod", "nmod"}:
        return None
    return f"{first.lower_}{token.lemma_.lower()}"


def object_words(obj: Token) -> set[str]:
    """Lemmas that may satisfy a row's object constraint: the head, its compounds and its
    "of" phrase ("state of emergency", "5 million dollars of aid", "peace talks"), and a
    hyphenated compound as one word ("cease-fire")."""
    words = {obj.lemma_.lower()}
    if joined := hyphen_joined(obj):
        words.add(joined)
    for child in obj.children:
        if child.dep_ in {"compound", "amod", "nummod"}:  # "two billion dollars": billion
            # the whole chain: "opposition leader Cellou Diallo" has "leader" two links away
            words.update(t.lemma_.lower() for t in child.subtree
                         if t.dep_ in {"compound", "amod", "nummod"})
        elif child.dep_ == "prep" and (child.lower_ == "of" or (
                child.lower_ == "in" and obj.lemma_.lower() in MONEY_WORDS)):
            # "state of emergency"; "20 million euros in humanitarian aid"
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                words.add(pobj.lemma_.lower())
                words.update(c.lemma_.lower() for c in pobj.children
                             if c.dep_ in {"compound", "amod"})
        elif child.dep_ == "conj" and child.pos_ == "NOUN":
            words.add(child.lemma_.lower())
    return words


def _prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    found = []
    for prep in preps:
        for child in head.children:
            if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == prep:
                found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _phrasal(trigger: Token, lemma: str, pos: str, obj: Token | None
             ) -> list[tuple[tuple[Entry, ...], Token | None]]:
    """Row groups to try, most specific first: "hunger strike", "crack down", "call on X",
    "pull out of" (a compound modifier, a particle, or a preposition whose object then
    stands in for the direct object: "called on Niger" → Niger), then the bare lemma."""
    lexicon = load_lexicon()
    groups: list[tuple[tuple[Entry, ...], Token | None]] = []
    for child in trigger.children:
        # A compound event noun ("hunger strike") or a particle ("crack down").
        if child.dep_ in {"compound", "amod"}:
            key = f"{child.lemma_.lower()} {lemma}"
        elif child.dep_ == "prt":
            key = f"{lemma} {child.lower_}"
        else:
            key = ""
        if key and (rows := lexicon.get((pos, key))):
            groups.append((rows, obj))
        elif child.dep_ == "prep" and (rows := lexicon.get((pos, f"{lemma} {child.lower_}"))):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            groups.append((rows, obj if obj is not None else pobj))
    if rows := lexicon.get((pos, lemma)):
        groups.append((rows, obj))
    return groups


def _match(trigger: Token, lemma: str, obj: Token | None
           ) -> tuple[Entry | None, Token | None, int]:
    """The most specific row the trigger satisfies, the token standing as its object, and
    the match level (``MATCH_*``)."""
    pos = "V" if trigger.pos_ == "VERB" else "N"
    if pos == "N" and (joined := hyphen_joined(trigger)) and (pos, joined) in load_lexicon():
        lemma = joined  # "a cease-fire" is "a ceasefire"
    groups = _phrasal(trigger, lemma, pos, obj)
    # The verb of its infinitive may satisfy a row ("declined to comment").
    infinitive = next((c for c in trigger.children if c.dep_ == "xcomp"), None) \
        if pos == "V" else None
    for rows, group_obj in groups:
        best, level = _best_row(trigger, rows, group_obj, infinitive)
        if best is not None:
            return best, group_obj, level
    if pos == "V" and groups and lemma not in LIGHT_VERBS:
        rows, group_obj = groups[-1]
        root = _root_entry(rows)
        if infinitive is not None and root is not None and root.cameo[:2] != INTENT_ROOT:
            # With an infinitive the verb only controls it ("seeking to diversify" is no
            # appeal); intent verbs are the exception ("promised to democratise").
            return None, obj, MATCH_ROOT
        return root, group_obj, MATCH_ROOT
    return None, obj, MATCH_ROOT


def _best_row(trigger: Token, rows: tuple[Entry, ...], obj: Token | None,
              infinitive: Token | None = None) -> tuple[Entry | None, int]:
    """The row the trigger satisfies best; the verb of its infinitive counts as an object
    word ("declined to comment", "ordered the troops to leave")."""
    best: Entry | None = None
    best_level = MATCH_ROOT
    best_prep = False
    words = object_words(obj) if obj is not None else set()
    if infinitive is not None:
        words.add(infinitive.lemma_.lower())
    for entry in rows:
        if entry.objects and not entry.objects & words:
            continue
        prep_found = bool(entry.preps) and bool(
            _prep_objects(trigger, (*entry.preps, "between"))
            or (obj is not None and _prep_objects(obj, entry.preps)))
        if "needs_prep" in entry.flags and not prep_found:
            continue  # "appealed the ruling" is no appeal to anyone
        if entry.objects:
            level = MATCH_OBJECT
        elif prep_found:
            level = MATCH_PREP
        elif entry.preps and entry.pos == "V":
            # A verb row's preposition is part of its shape ("arrive in"): without it the
            # row still holds, but says less.
            level = MATCH_NO_PREP
        else:
            level = MATCH_BARE
        # equally close matches: the row whose preposition is there says more ("deployed
        # police to Haiti" is a deployment abroad, not more police at home)
        if level > best_level or (level == best_level and prep_found and best is not None
                                  and not best_prep):
            best, best_level, best_prep = entry, level, prep_found
    return best, best_level


def _root_entry(rows: tuple[Entry, ...]) -> Entry | None:
    """A root-level row for a verb whose rows all share one CAMEO root but whose object
    constraints all failed: "lifted the measures" is some easing (080) even when no row
    names "measures". Lemmas spread over several roots ("give") and fixed expressions (one
    code only: "open fire", "take hostages") stay unmatched."""
    roots = {entry.cameo[:2] for entry in rows}
    if len(roots) != 1 or len({entry.cameo for entry in rows}) < 2:
        return None
    code = f"{roots.pop()}0"
    if code not in load_codebook():
        return None
    flags = frozenset.intersection(*(entry.flags for entry in rows))
    first = rows[0]
    return Entry(code, first.pos, first.lemma, frozenset(), (), flags, first.line)


def _actors_of(actors: DocActors, token: Token) -> list[Actor]:
    """Actors for the phrase headed by ``token``; when the head names none with a code, the
    actor its modifiers name ("opposition groups in Zimbabwe", "Russian President X")."""
    found = actors.actors_for(token)
    if any(a.code for a in found):
        return found
    owners = [t for t in token.subtree if t.i < token.i]
    owners += _prep_objects(token, OWNER_PREPS)
    for owner in owners:
        if owner.dep_ in OWNER_DEPS or owner.dep_ == "pobj":
            coded = [a for a in actors.actors_for(owner) if a.code]
            if coded:
                return coded  # several for "officials from both countries"
    return found


def _first_actor(actors: DocActors, tokens: list[Token]) -> Actor | None:
    for token in tokens:
        found = _actors_of(actors, token)
        if found:
            return found[0]
    return None


def _fallback_target(actors: DocActors, obj: Token) -> Actor | None:
    """A non-actor object names its owner: "bolster Niger's defences" → Niger."""
    owners = [c for c in obj.children if c.dep_ == "poss"]
    owners += _prep_objects(obj, ("of",))
    return _first_actor(actors, owners)


def _unnamed_perpetrator(actors: DocActors, verb: Token, sources: list[Actor],
                         target: Actor | None, place: Actor | None, code: str) -> list[Actor]:
    """The sources of a violent act whose doer is not its subject or agent: the doer of the
    attack it happened in ("killed in an attack by X"); else, for a passive without an
    actor as agent or a weapon as subject, unidentified armed forces of the country it
    happened in (its place phrase, else the victims' country). Other acts keep theirs."""
    if sources or code[:2] not in VIOLENT_ROOTS or target is None or not target.country:
        return sources
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    weapon = subject is not None and (
        subject.lemma_.lower() in WEAPON_SUBJECTS
        or any(c.lemma_.lower() in WEAPON_SUBJECTS for c in subject.children
               if c.dep_ == "compound"))
    if not (passive or weapon):
        return sources
    for clause in verb.children:  # "were killed when security forces opened fire"
        if clause.dep_ == "advcl" and any(c.lower_ in SAME_TIME_MARKS for c in clause.children
                                          if c.dep_ in {"mark", "advmod"}):
            doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            named = [a for a in _actors_of(actors, doer) if a.code or a.role] \
                if doer is not None else []
            if named:
                return named[:1]  # even uncoded ("security forces"): better than nobody
    for act in _prep_objects(verb, ("in", "during")):  # "killed in an attack by X"
        agents = [g for t in act.subtree if t.dep_ == "prep" and t.lower_ == "by"
                  for g in t.children if g.dep_ == "pobj"]
        named = [a for t in agents for a in _actors_of(actors, t) if a.code]
        if named:
            return named[:1]
    country = place.country if place is not None and place.country else target.country
    return [Actor(text="unidentified attackers", code=f"{country}{UNIDENTIFIED_ROLE}",
                  country=country, role=UNIDENTIFIED_ROLE)]


def _combat_death(actors: DocActors, verb: Token, sources: list[Actor],
                  target: Actor | None, code: str) -> list[Actor] | None:
    """"two soldiers were killed in clashes with the rebels", "… killed fighting the rebels":
    a death in combat, with nobody named as its doer, is the opposing side's use of
    conventional force (190) against the dead; the opponent is the "with" phrase of the
    combat noun, or the object of the combat verb ("fight" is in ``combat_noun``)."""
    if sources or target is None or code[:2] not in VIOLENT_ROOTS:
        return None
    for clause in verb.children:  # "three soldiers were killed (while) fighting al-Shabaab"
        if clause.dep_ in {"advcl", "xcomp"} and clause.tag_ == "VBG" \
                and clause.lemma_.lower() in load_cues()["combat_noun"]:
            opponents = [a for t in clause.children if t.dep_ == "dobj"
                         for a in _actors_of(actors, t) if a.code and a.code != target.code]
            if opponents:
                return opponents[:1]
    for fight in _prep_objects(verb, ("in", "during")):
        if fight.lemma_.lower() not in load_cues()["combat_noun"]:
            continue
        opponents = [a for t in _prep_objects(fight, ("with", "against"))
                     for a in _actors_of(actors, t) if a.code and a.code != target.code]
        if opponents:
            return opponents[:1]
    return None


def _verb_arguments(actors: DocActors, verb: Token, entry: Entry, obj: Token | None,
                    level: int, steps: list[str] | None = None
                    ) -> tuple[list[Actor], Actor | None]:
    """Sources and target of a verb trigger; ``steps`` receives the strategies that found
    them."""
    steps = [] if steps is None else steps
    # A past participle describing a noun is passive too: "sanctions imposed by the EU".
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")
    if passive:
        agents = _prep_objects(verb, ("by",))
        sources = _actors_of(actors, agents[0]) if agents else []
        steps.append(_argument_step(actors, "src", "passive_agent",
                                    agents[0] if agents else None))
    else:
        author = _statement_author(verb)
        subject = author or clause_subject(verb)
        sources = _actors_of(actors, subject) if subject is not None else []
        steps.append(_argument_step(actors, "src", "statement_author" if author is not None
                                    else "clause_subject", subject))
    target: Actor | None = None
    strategy = "none"
    if "notarget" in entry.flags:
        strategy = "notarget_row"
    else:
        preps = entry.preps or (() if not entry.objects else DEFAULT_TARGET_PREPS)
        holders = [verb] + ([obj] if obj is not None else [])
        prep_actors = [a for h in holders for t in _prep_objects(h, preps)
                       for a in _actors_of(actors, t)]
        # "cooperation between Russia and Niger" said by Russia: the target is the other one.
        source_countries = {a.country for a in sources if a.country}
        target = next((a for a in prep_actors if a.country not in source_countries),
                      prep_actors[0] if prep_actors else None)
        strategy = "row_prep" if entry.preps else "default_prep"
        if target is None and obj is not None and not entry.preps:
            target = _first_actor(actors, [obj])
            strategy = "object"
            if target is None:
                target, strategy = _fallback_target(actors, obj), "object_owner"
        if target is None and entry.cameo[:2] in FRAME_ROOTS:
            target, strategy = _addressee(actors, verb, sources), "addressee"
        # "X and Y signed", "X and Y agreed": each other, not someone named nearby
        joint = len(sources) > 1 and ("sym" in entry.flags or entry.cameo.startswith(JOINT_ROOTS))
        # a visit's host is where it goes ("travelled to Dakar"), never another actor of the
        # clause ("sent envoys to avert a clash between Chad and Sudan" visits neither)
        visit = entry.cameo in VISIT_CODES
        if target is None and level not in {MATCH_PREP, MATCH_NO_PREP} and not joint \
                and not visit:
            target = _clause_actor(actors, verb, sources,
                                   venues=entry.cameo.startswith(VENUE_ROOTS),
                                   verbal=entry.cameo[:2] in ADDRESSING_ROOTS,
                                   disapproval=entry.cameo[:2] in DISAPPROVAL_ROOTS)
            strategy = "clause_actor"
        if target is None and purpose_clause(verb) and not visit:
            # "met Hamas officials to discuss a truce": discussed with Hamas
            governing = _direct_object(verb.head)
            target = _first_actor(actors, [governing]) if governing is not None else None
            strategy = "purpose_governor_object"
    steps.append(f"tgt:{strategy if target is not None or strategy == 'notarget_row' else 'none'}")
    return sources, target


def _addressee(actors: DocActors, verb: Token, sources: list[Actor]) -> Actor | None:
    """Who an appeal, demand or threat is aimed at when it has no object: the subject of
    its clause ("demanded that Washington cancel the sale")."""
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        for subject in (c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}):
            found = [a for a in _actors_of(actors, subject) if _other(a, sources)]
            if found:
                return found[0]
    return None


def _other(actor: Actor, sources: list[Actor]) -> bool:
    """Whether ``actor`` can be the target of ``sources``: coded, and neither one of them nor
    a bare mention of their own country; another role of the same country can ("the
    opposition demanded that the government resign")."""
    if not actor.code:
        return False
    for source in sources:
        if actor.code == source.code:
            return False
        if actor.country and actor.country == source.country \
                and (actor.role is None or source.role is None):
            return False
    return True


# Roots of appeals and demands: their target is whom they address, never an actor of the
# act they ask for ("urged all sides to protect civilians").
ADDRESSING_ROOTS = frozenset({"02", "10"})
# Roots of disapproval and rejection: "condemned the violence against protesters" is aimed at
# whoever committed it, never at the victims named in the condemned act.
DISAPPROVAL_ROOTS = frozenset({"11", "12"})
# Links by which a clause sits inside another ("urged X to protect civilians", "a report
# intended to discredit the army", "said that …").
EMBEDDED_CLAUSE_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl"})
VICTIM_PREPS = frozenset({"against", "on"})


def _embedded(token: Token, head: Token) -> bool:
    """Whether ``token`` lies in a clause embedded below ``head`` (or, with the victim
    prepositions, in what a condemned act was done to)."""
    current = token
    while current != head and current.head != current:
        if current.dep_ in EMBEDDED_CLAUSE_DEPS:
            return True
        current = current.head
    return False


def _victim(token: Token, head: Token) -> bool:
    """"the violence against peaceful protesters", "the attack on the convoy": the object of a
    victim preposition hanging on a noun below ``head``."""
    return token.dep_ == "pobj" and token.head.lower_ in VICTIM_PREPS \
        and token.head.head != head and token.head.head.pos_ == "NOUN"


def _clause_actor(actors: DocActors, head: Token, sources: list[Actor],
                  venues: bool = False, verbal: bool = False,
                  disapproval: bool = False) -> Actor | None:
    """The first other actor among the arguments of ``head``'s own clause: the fallback
    target when the row's slot is empty ("gave Tanzania aid", "demanded that Moscow leave").
    The subject's words are skipped; the source itself is not a target (``_other``), nor,
    with ``venues``, the place a meeting is held in; for an appeal (``verbal``), an actor of
    the act it asks for; for ``disapproval``, the victims of the act disapproved of."""
    skip: set[int] = set()
    for child in head.children:
        # Not the subject, and not a joined clause that is an event of its own ("condemned the
        # attack and pledged cooperation within the alliance": the alliance is not condemned).
        if child.dep_ in {"nsubj", "nsubjpass", "agent"} or (
                child.dep_ in {"conj", "advcl"} and child.pos_ in {"VERB", "AUX"} and (
                    (any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
                     and (child.dep_ == "conj" or any(c.dep_ == "mark" for c in child.children)))
                    or (child.dep_ == "conj" and _match(
                        child, child.lemma_.lower(), _direct_object(child))[0] is not None))):
            # (a joined or adverbial clause with a subject of its own tells another event:
            # "Germany pledged …, and Britain said …", "… after a cable was damaged")
            skip.update(t.i for t in child.subtree)
    for token in head.subtree:
        if token.i in skip or token == head or token.dep_ not in TARGET_FALLBACK_DEPS:
            continue
        if token.pos_ not in {"NOUN", "PROPN", "PRON"} or (venues and _venue(token)):
            continue
        if (verbal and _embedded(token, head)) or (disapproval and _victim(token, head)):
            continue
        for actor in actors.actors_for(token):
            if _other(actor, sources):
                return actor
    return None


def _venue(token: Token) -> bool:
    """"met in N'Djamena": the object of a place preposition is where a meeting is held."""
    return token.dep_ == "pobj" and token.head.lower_ in VENUE_PREPS


def _place_target(actors: DocActors, trigger: Token, entry: Entry, sources: list[Actor],
                  code: str) -> Actor | None:
    """The country an untargeted event happens in ("demonstrated in Kirkuk", "rioted at a
    jail in northern Israel"): CAMEO codes a domestic event against its country. The place
    is the one the geocoder reads from a locative phrase of the trigger's clause; a country
    acting on itself there gets no target, and a joint act of several actors ("Chad and Sudan
    signed a pact in Doha") is between them, not against its host."""
    if ("sym" in entry.flags and len(sources) > 1) or code.startswith(PLACE_NO_TARGET_ROOTS):
        return None  # a meeting's venue, or where forces are posted, is not a counterpart
    where = locate(trigger.sent, trigger, actors.countries_named, None)
    countries = load_kb().countries
    if where is None or where.country not in countries \
            or any(a.code == where.country for a in sources):
        return None
    return Actor(text=where.name, code=where.country, country=where.country,
                 name=countries[where.country].name)


def _noun_arguments(actors: DocActors, noun: Token, entry: Entry,
                    steps: list[str] | None = None
                    ) -> tuple[list[Actor], Actor | None, list[Actor]]:
    """(sources, target, pair members for "between X and Y"). An event noun that only names
    the kind of a carrier noun ("a mediation effort between X and Y", "a peace mission") takes
    the carrier's arguments. ``steps`` receives the strategies that found them."""
    steps = [] if steps is None else steps
    source_step = "none"
    phrase = noun
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in CARRIER_NOUNS:
        phrase = noun.head
    between = _prep_objects(phrase, ("between", "among"))
    pair = actors.actors_for(between[0]) if between else []
    sources: list[Actor] = []
    for child in phrase.children:
        if child.dep_ in {"poss", "amod", "compound", "nmod"} and child != noun:
            sources = _actors_of(actors, child)
            if sources:
                source_step = _argument_step(actors, "src", "noun_modifier", child)
                break
    if not sources:
        agents = _prep_objects(phrase, ("by",))
        sources = _actors_of(actors, agents[0]) if agents else []
        if sources:
            source_step = _argument_step(actors, "src", "by_agent", agents[0])
    head = phrase.head
    if not sources and phrase.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in LIGHT_VERBS:
        subject = clause_subject(head)
        sources = _actors_of(actors, subject) if subject is not None else []
        source_step = _argument_step(actors, "src", "light_verb_subject", subject)
    measure = head.head if phrase.dep_ == "pobj" and head.lower_ == "of" else None
    if not sources and measure is not None and measure.lemma_.lower() in MEASURE_NOUNS \
            and measure.dep_ in {"dobj", "nsubjpass"} and measure.head.lemma_ in LIGHT_VERBS:
        subject = clause_subject(measure.head)  # "launched three days of exercises"
        sources = _actors_of(actors, subject) if subject is not None else []
        source_step = _argument_step(actors, "src", "measure_subject", subject)
    if not sources and phrase.dep_ == "pobj" and head.lower_ in {"in", "into"} \
            and head.head.lemma_.lower() in PARTICIPATION_VERBS:
        subject = clause_subject(head.head)  # "engaged in ethnic cleansing"
        sources = _actors_of(actors, subject) if subject is not None else []
        source_step = _argument_step(actors, "src", "participant_subject", subject)
    if not sources and "notarget" in entry.flags:
        sources = [a for t in _prep_objects(phrase, ("of",)) for a in _actors_of(actors, t)]
        source_step = "src:of_phrase"
    steps.append(source_step if sources else "src:none")
    target = None
    if "notarget" in entry.flags:
        steps.append("tgt:notarget_row")
    else:
        preps = entry.preps or DEFAULT_TARGET_PREPS
        target = _first_actor(actors, _prep_objects(phrase, preps))
        strategy = "noun_prep"
        if target is None and head.lemma_ in LIGHT_VERBS:
            target = _first_actor(actors, _prep_objects(head, preps))
            strategy = "light_verb_prep"
        if target is None:
            target, strategy = _clause_actor(actors, phrase, sources), "clause_actor"
        steps.append(f"tgt:{strategy}" if target is not None else "tgt:none")
    return sources, target, pair


def _weapon_code(trigger: Token, code: str, obj: Token | None) -> str:
    """Violence done with aircraft is CAMEO 195, with artillery or tanks 194, with bombs 183
    (suicide 1831, car 1832, roadside 1833), whatever the verb: the weapon is the subject
    ("warplanes killed ten", "a roadside bomb killed two"), modifies the event noun ("an
    artillery attack", "air strikes") or is the means ("wounded in a bomb attack")."""
    if code[:2] not in {"18", "19"}:
        return code
    nouns = [c for c in trigger.children if c.dep_ == "nsubj"]
    nouns += [t for t in (trigger, obj) if t is not None and t.pos_ == "NOUN"]
    nouns += _prep_objects(trigger, ("in", "with", "by"))
    words = [t.lemma_.lower() for t in nouns if t != trigger]
    for noun in nouns:
        words += [c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod"}]
    found = next((WEAPON_CODES[w] for w in words if w in WEAPON_CODES), None)
    if found is not None:
        return found
    if not set(words) & BOMB_WORDS:
        return code
    return next((BOMB_CODES[w] for w in words if w in BOMB_CODES), BOMB_CODE)


def _outcome_of_violence(verb: Token) -> bool:
    """"launched an attack, killing ten": a participle that reports what a violent act did
    is part of that act, not a second event."""
    if verb.lemma_.lower() not in EFFECT_VERBS or verb.dep_ not in {"advcl", "conj"}:
        return False
    head = verb.head
    entry, _, _ = _match(head, head.lemma_.lower(), _direct_object(head)) \
        if head.pos_ in {"VERB", "NOUN"} else (None, None, None)
    return entry is not None and entry.cameo[:2] in {"18", "19", "20"}


def _purposes(head: Token) -> Iterator[Token]:
    """Verbs that say what ``head`` is done for: "to demand …", "demanding …", "in demanding
    …"."""
    for child in head.children:
        if child.dep_ in PURPOSE_DEPS and child.pos_ == "VERB":
            yield child
        elif child.dep_ == "prep" and child.lower_ in PURPOSE_PREPS:
            yield from (g for g in child.children if g.dep_ == "pcomp" and g.pos_ == "VERB")


def _protest_holder(token: Token) -> bool:
    """Whether ``token`` is a protest: a protest verb, or a light verb carrying a protest
    noun ("staged a rally", "continued their hunger strike")."""
    entry, _, _ = _match(token, token.lemma_.lower(), _direct_object(token)) \
        if token.pos_ in {"VERB", "NOUN"} else (None, None, None)
    if entry is not None:
        return entry.cameo[:2] == PROTEST_ROOT
    obj = _direct_object(token)
    if token.lemma_.lower() in LIGHT_VERBS and obj is not None and obj.pos_ == "NOUN":
        entry, _, _ = _match(obj, obj.lemma_.lower(), None)
        return entry is not None and entry.cameo[:2] == PROTEST_ROOT
    return False


def _demand_of_protest(verb: Token, entry: Entry) -> bool:
    """"rallied to demand reforms": the demand is what the protest is for, and CAMEO codes
    the protest (with the demand in its fourth digit), not a second event."""
    if entry.cameo[:2] != DEMAND_ROOT:
        return False
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in PURPOSE_PREPS:
        head = head.head
    elif verb.dep_ not in PURPOSE_DEPS:
        return False
    if head.pos_ == "NOUN" and head.head.lemma_.lower() in LIGHT_VERBS:
        head = head.head
    return _protest_holder(head)


def _protest_purpose(actors: DocActors, trigger: Token, code: str,
                     sources: list[Actor], target: Actor | None) -> tuple[str, Actor | None]:
    """A protest's code and target from what it demands: "marched to demand the president's
    resignation" is 1411 against the president."""
    if code[:2] != PROTEST_ROOT:
        return code, target
    heads = [trigger]
    if trigger.pos_ == "NOUN" and trigger.head.lemma_.lower() in LIGHT_VERBS:
        heads.append(trigger.head)
    for head in heads:
        for purpose in _purposes(head):
            obj = _direct_object(purpose)
            entry, obj, level = _match(purpose, purpose.lemma_.lower(), obj)
            if entry is None or entry.cameo[:2] != DEMAND_ROOT:
                continue
            demand = _framed_code(purpose, entry, obj)
            if demand.startswith(DEMAND_DETAIL) and len(demand) == 4 \
                    and code in PROTESTS_BY_DEMAND:
                code = code + demand[3]
            if target is None:
                target = _verb_arguments(actors, purpose, entry, obj, level)[1]
                target = target if target not in sources else None
            return code, target
    return code, target


def _home_country(sources: list[Actor], place: Actor | None, code: str) -> Actor | None:
    """The target of a domestic act that names none (``DOMESTIC_CODES``): the country it
    happens in, else the country of whoever acts ("students staged a strike" in Algeria)."""
    if not code.startswith(DOMESTIC_CODES):
        return None
    country = place.country if place is not None else next(
        (a.country for a in sources if a.country), None)
    if country is None or country not in load_kb().countries \
            or any(a.code == country for a in sources):
        return None  # "Algeria imposed a curfew": the country acting on itself, no target
    if place is not None:
        return place
    return Actor(text=load_kb().countries[country].name, code=country, country=country)


def _impersonal_warning(actors: DocActors, verb: Token) -> bool:
    """A warning to nobody about something no actor will do ("warned that famine could
    spread"), unlike "warned that police will no longer tolerate rallies" (a threat)."""
    if any(c.dep_ == "dative" for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    subjects = [s for c in clauses for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
    return bool(clauses) and not any(actors.actors_for(s) for s in subjects)


def _troop_movement(verb: Token, code: str, sources: list[Actor]) -> str | None:
    """The code of a visit made by soldiers: peacekeeping (074) when the subject says
    peacekeepers, else None (a deployment CAMEO has no code for); other codes pass."""
    if code not in VISIT_CODES or not any(a.role == MILITARY_ROLE for a in sources):
        return code
    subject = clause_subject(verb)
    words = {t.lemma_.lower() for t in subject.subtree} if subject is not None else set()
    return PEACEKEEPING_CODE if words & PEACEKEEPING_WORDS else None


def candidates(sentence: Span, actors: DocActors) -> Iterator[Candidate]:
    """Every (trigger, row, source, target) the sentence supports, in token order."""
    carried: set[int] = set()
    for token in sentence:
        if token.pos_ == "VERB":
            lemma = token.lemma_.lower()
            if _describes_noun(token):
                continue
            entry, obj, level = _match(token, lemma, _direct_object(token))
            if entry is None or _demand_of_protest(token, entry):
                continue
            if obj is not None and (entry.objects or entry.cameo[:2] in FRAME_ROOTS):
                # The object is part of this event: "launched strikes", and what a stance
                # is about ("rejected the ultimatum").
                carried.add(obj.i)
                carried.update(c.i for c in obj.children if c.dep_ == "compound")
            if entry.cameo[:2] in FRAME_ROOTS:
                # So are the nouns a stance is about: "agreed upon a pact", "rejected an
                # offer for direct talks".
                carried.update(c.i for c in _complements(token, obj) if c.pos_ == "NOUN")
            steps = [f"lex:{entry.row_id}", f"match:{MATCH_NAMES[level]}"]
            sources, target = _verb_arguments(actors, token, entry, obj, level, steps)
            if level == MATCH_PREP and target is None and "notarget" not in entry.flags \
                    and entry.cameo[:2] not in VIOLENT_ROOTS:
                # the row's shape ("arrive in <actor>") did not hold: abstain; violence aimed
                # at a thing ("fired missiles at a ship") still happened
                continue
            if _outcome_of_violence(token):
                continue
            code = _conventions(token, entry, obj, steps)
            if "warning" in entry.flags and code == entry.cameo and obj is None \
                    and _impersonal_warning(actors, token):
                # "warned that famine could spread": to nobody, and no one's act
                code = PESSIMISTIC_COMMENT
                steps.append(f"conv:impersonal_warning>{code}")
            code, target, place = _domestic_target(actors, token, entry, sources, target, code,
                                                   steps)
            if (combat := _combat_death(actors, token, sources, target, code)) is not None:
                sources, code = combat, CONVENTIONAL_FORCE
                steps.append(f"src:combat_opponent>{code}")
            unnamed = _unnamed_perpetrator(actors, token, sources, target, place, code)
            if unnamed is not sources:
                unidentified = unnamed[0].role == UNIDENTIFIED_ROLE
                steps.append("src:unidentified" if unidentified else "src:violent_act_doer")
            sources = unnamed
            if (moved := _troop_movement(token, code, sources)) is None:
                continue
            if moved != code:
                steps.append(f"conv:troop_visit>{moved}")
            between = _prep_objects(token, ("between",))  # "mediated between X and Y"
            pair = actors.actors_for(between[0]) if between else []
            yield from _pairs(token, entry, sources, target, pair, moved, level, steps)
        elif token.pos_ == "NOUN" and token.i not in carried and not _modifier_noun(token) \
                and not _standing(token):
            entry, _, level = _match(token, token.lemma_.lower(), None)
            if entry is None:
                continue
            steps = [f"lex:{entry.row_id}", f"match:{MATCH_NAMES[level]}"]
            sources, target, pair = _noun_arguments(actors, token, entry, steps)
            code = _conventions(token, entry, None, steps)
            code, target, _ = _domestic_target(actors, token, entry, sources, target, code, steps)
            yield from _pairs(token, entry, sources, target, pair, code, level, steps)


def _conventions(trigger: Token, entry: Entry, obj: Token | None, steps: list[str]) -> str:
    """The row's code after the frame and weapon conventions, each change traced."""
    framed = _framed_code(trigger, entry, obj)
    if framed != entry.cameo:
        steps.append(f"frame:{entry.cameo}>{framed}")
    code = _weapon_code(trigger, framed, obj)
    if code != framed:
        steps.append(f"conv:weapon>{code}")
    return code


def _domestic_target(actors: DocActors, trigger: Token, entry: Entry, sources: list[Actor],
                     target: Actor | None, code: str, steps: list[str]
                     ) -> tuple[str, Actor | None, Actor | None]:
    """A protest's demand, then the place or home country of a domestic act as its target;
    also the place the sentence names for the act."""
    demanded, found = _protest_purpose(actors, trigger, code, sources, target)
    if (demanded, found) != (code, target):
        steps.append(f"conv:protest_purpose>{demanded}")
    place = _place_target(actors, trigger, entry, sources, demanded)
    if found is None:
        found = place or _home_country(sources, place, demanded)
        if found is not None:
            steps.append("tgt:place" if place is not None else "tgt:home_country")
    return demanded, found, place


def _describes_noun(verb: Token) -> bool:
    """"inspectors probing the sites", "rebels fighting the government": a present participle
    that describes who someone is, not what the sentence reports. What a statement says is
    reported ("a declaration demanding …", "a statement condemning …")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"} \
        and verb.head.lemma_.lower() not in STATEMENT_NOUNS


def _statement_author(verb: Token) -> Token | None:
    """Who issued the statement a participle reports ("the party's statement condemning",
    "issued a declaration demanding")."""
    if verb.dep_ != "acl" or verb.head.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    return noun_author(verb.head)


def _standing(noun: Token) -> bool:
    """"would violate the 1979 peace treaty", "under the deal", "the US embargo on Cuba": a
    noun naming a standing agreement or measure is no event unless the sentence makes something
    happen to it: as a subject ("the truce took effect", "the deal collapsed") or the object of
    a light verb ("announced a deal"); a verb with its own row carries it ("signed the deal")."""
    if noun.lemma_.lower() not in load_cues()["standing_noun"]:
        return False
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        return False
    return not (noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS)


def _modifier_noun(noun: Token) -> bool:
    """"aid workers", "attack helicopters", "protest leaders": an event noun that only
    describes another noun is not an event (a carrier noun's kind is: "mediation effort")."""
    return noun.dep_ == "compound" and noun.head.pos_ in {"NOUN", "PROPN"} \
        and noun.head.lemma_.lower() not in CARRIER_NOUNS


def _noun_code(noun: Token) -> str | None:
    """The code an event noun expresses, or that of its of-phrase ("delivery of aid")."""
    found, _, _ = _match(noun, noun.lemma_.lower(), None)
    if found is not None:
        return found.cameo
    for inner in _prep_objects(noun, ("of",)):
        if inner.pos_ == "NOUN":
            found, _, _ = _match(inner, inner.lemma_.lower(), None)
            if found is not None:
                return found.cameo
    return None


def _inner_code(verb: Token) -> str | None:
    """The code of the event a complement verb expresses; a light or aspectual verb passes
    on its object noun ("promised to continue aid")."""
    inner, obj, _ = _match(verb, verb.lemma_.lower(), _direct_object(verb))
    if inner is not None:
        return inner.cameo
    obj = _direct_object(verb)
    if verb.lemma_.lower() in LIGHT_VERBS and obj is not None and obj.pos_ == "NOUN":
        return _noun_code(obj)
    return None


def _complements(head: Token, obj: Token | None) -> Iterator[Token]:
    """What an appeal, intent, demand, rejection or threat may be about, nearest first: its
    clause or infinitive ("threatened to impose", "called on X to withdraw", "a request to
    extradite"), the object of "for/on/to/about" ("asked for aid", "agreed on a pact"), its
    object noun ("demanded the release")."""
    holders = [head] + [c for c in head.children if c.dep_ in {"dobj", "dative"}]
    holders += [g for c in head.children if c.dep_ == "prep" for g in c.children
                if g.dep_ == "pobj"]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in {"xcomp", "ccomp", "acl", "advcl"} and child.pos_ == "VERB":
                yield child
    for holder in [head] + ([obj] if obj is not None else []):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPS:
                # "a proposal for a ceasefire", "a proposal for signing a trade pact"
                yield from (g for g in child.children if (g.dep_ == "pobj" and g.pos_ == "NOUN")
                            or (g.dep_ == "pcomp" and g.pos_ == "VERB"))
    if obj is not None and obj.pos_ == "NOUN":
        yield obj


def _framed_code(head: Token, entry: Entry, obj: Token | None) -> str:
    """A generic appeal, intent, demand, rejection or threat takes its specific code from
    the event it is about (``_complements``), through ``data/frames.tsv``."""
    if entry.cameo[:2] not in FRAME_ROOTS or len(entry.cameo) > 3:
        return entry.cameo
    for complement in _complements(head, obj):
        inner = _inner_code(complement) if complement.pos_ == "VERB" else _noun_code(complement)
        if inner is not None and (code := frame_code(entry.cameo, inner)):
            return code
    return entry.cameo


def _assault(code: str, source: Actor, target: Actor | None) -> str:
    """An armed attack by irregulars on civilians or refugees is CAMEO's unconventional
    violence (180), and an attack by a crowd of civilians or protesters a violent protest
    (145), not conventional military force (190); a killing of fighters by an armed side is
    combat (190), not a killing by physical assault (1823)."""
    if code == KILLING_BY_ASSAULT and target is not None and target.role in COMBATANT_ROLES \
            and source.role in ARMED_ROLES:
        return CONVENTIONAL_FORCE  # "the army said it had killed 20 militants"
    if code != CONVENTIONAL_FORCE:
        return code
    if source.role in CROWD_ROLES:
        return VIOLENT_PROTEST  # "protesters stormed the parliament"
    if target is not None and target.role in DEFENCELESS_ROLES \
            and source.role in IRREGULAR_ROLES:
        return UNCONVENTIONAL_VIOLENCE
    return code


def _pairs(trigger: Token, entry: Entry, sources: list[Actor], target: Actor | None,
           pair: list[Actor], code: str, level: int, steps: list[str]) -> Iterator[Candidate]:
    trace = tuple(steps)
    if "obj_source" in entry.flags and sources and target is not None:
        sources, target = [target], sources[0]
        trace += ("conv:obj_source",)
    if len(pair) >= 2 and not sources:
        for a in pair:
            for b in pair:
                if a is not b:
                    yield Candidate(trigger, entry, a, b, code, level, (*trace, "pair:between"))
        return
    if len(pair) == 1 and sources and target is None:
        target = pair[0]
        trace += ("tgt:between",)
    if len(pair) >= 2 and sources and (target is None or target in pair):
        # "X's mediation between Y and Z": X acts towards each side.
        for source in sources:
            for member in pair:
                if member != source:
                    yield Candidate(trigger, entry, source, member, code, level,
                                    (*trace, "pair:between"))
        return
    # "X and Y signed a pact", "they agreed to reopen the border": a joint act of intent,
    # consultation or diplomatic cooperation with no other target is between them (an appeal
    # or a statement is not: "X and Y urged both sides to talk").
    joint = "sym" in entry.flags or code.startswith(JOINT_ROOTS)
    if joint and len(sources) >= 2 and target is None:
        for a in sources:
            for b in sources:
                if a is not b:
                    yield Candidate(trigger, entry, a, b, code, level, (*trace, "pair:joint"))
        return
    for source in sources:
        final = _assault(code, source, target)
        yield Candidate(trigger, entry, source, target, final, level,
                        trace if final == code else (*trace, f"conv:assault>{final}"))
