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

from faultline.actors.coref import clause_subject
from faultline.actors.resolve import DocActors
from faultline.events.rules import FRAME_ROOTS, Entry, frame_code, load_lexicon
from faultline.model import Actor

# Prepositions that introduce a target when a row names none.
DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "for", "from")
# Verbs that only carry an event noun ("held talks", "launched strikes").
# Aspectual verbs ("resumed", "stepped up", "completed") pass their subject on the same way.
LIGHT_VERBS = frozenset({"hold", "have", "make", "conduct", "launch", "carry", "stage", "begin",
                         "start", "open", "pay", "take", "give", "announce", "resume", "host",
                         "renew", "continue", "complete", "speed", "intensify", "pursue",
                         "step", "escalate", "expand", "finish", "wage", "mount", "order"})
# Where a fallback target may sit in a clause: objects, datives, prepositional objects and the
# subjects of complement clauses ("demanded that Moscow withdraw").
TARGET_FALLBACK_DEPS = frozenset({"dobj", "pobj", "dative", "nsubj", "nsubjpass", "poss",
                                  "attr", "appos"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A matched trigger with its resolved arguments (before modality and dating).

    ``code`` is the row's code, or the specific code a frame takes from its complement."""

    trigger: Token
    entry: Entry
    source: Actor | None
    target: Actor | None
    code: str


def _direct_object(verb: Token) -> Token | None:
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    deps = {"nsubjpass"} if passive else {"dobj", "attr"}
    return next((c for c in verb.children if c.dep_ in deps), None)


def _prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    found = []
    for prep in preps:
        for child in head.children:
            if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == prep:
                found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _phrasal(trigger: Token, lemma: str, pos: str, obj: Token | None
             ) -> tuple[tuple[Entry, ...], Token | None]:
    """Rows for "crack down", "call on X", "pull out of": a particle, or a preposition whose
    object then stands in for the direct object ("called on Niger" → Niger)."""
    lexicon = load_lexicon()
    for child in trigger.children:
        if child.dep_ == "prt" and (rows := lexicon.get((pos, f"{lemma} {child.lower_}"))):
            return rows, obj
    for child in trigger.children:
        if child.dep_ == "prep" and (rows := lexicon.get((pos, f"{lemma} {child.lower_}"))):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            return rows, obj if obj is not None else pobj
    return lexicon.get((pos, lemma), ()), obj


def _match(trigger: Token, lemma: str, obj: Token | None) -> tuple[Entry | None, Token | None]:
    """The most specific row the trigger satisfies, and the token standing as its object."""
    pos = "V" if trigger.pos_ == "VERB" else "N"
    rows, obj = _phrasal(trigger, lemma, pos, obj)
    best: Entry | None = None
    best_score = -1
    object_lemma = obj.lemma_.lower() if obj is not None else None
    for entry in rows:
        if entry.objects and object_lemma not in entry.objects:
            continue
        prep_found = bool(entry.preps) and bool(
            _prep_objects(trigger, (*entry.preps, "between"))
            or (obj is not None and _prep_objects(obj, entry.preps)))
        # A verb row's preposition is part of its shape ("arrive in"); an event noun's only
        # says where its target comes from ("talks with"), and the noun stands without it.
        if entry.preps and not entry.objects and not prep_found and entry.pos == "V":
            continue
        score = 2 * bool(entry.objects) + prep_found
        if score > best_score:
            best, best_score = entry, score
    return best, obj


def _first_actor(actors: DocActors, tokens: list[Token]) -> Actor | None:
    for token in tokens:
        found = actors.actors_for(token)
        if found:
            return found[0]
    return None


def _fallback_target(actors: DocActors, obj: Token) -> Actor | None:
    """A non-actor object names its owner: "bolster Niger's defences" → Niger."""
    owners = [c for c in obj.children if c.dep_ == "poss"]
    owners += _prep_objects(obj, ("of",))
    return _first_actor(actors, owners)


def _verb_arguments(actors: DocActors, verb: Token, entry: Entry, obj: Token | None
                    ) -> tuple[list[Actor], Actor | None]:
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    if passive:
        agents = _prep_objects(verb, ("by",))
        sources = actors.actors_for(agents[0]) if agents else []
    else:
        subject = clause_subject(verb)
        if subject is None and verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            subject = verb.head  # "trainers arriving in Niger"
        sources = actors.actors_for(subject) if subject is not None else []
    target: Actor | None = None
    if "notarget" not in entry.flags:
        preps = entry.preps or (() if not entry.objects else DEFAULT_TARGET_PREPS)
        holders = [verb] + ([obj] if obj is not None else [])
        prep_actors = [a for h in holders for t in _prep_objects(h, preps)
                       for a in actors.actors_for(t)]
        # "cooperation between Russia and Niger" said by Russia: the target is the other one.
        source_countries = {a.country for a in sources if a.country}
        target = next((a for a in prep_actors if a.country not in source_countries),
                      prep_actors[0] if prep_actors else None)
        if target is None and obj is not None and not entry.preps:
            target = _first_actor(actors, [obj]) or _fallback_target(actors, obj)
        if target is None and not (entry.preps and not entry.objects):
            target = _clause_actor(actors, verb, sources)
    return sources, target


def _clause_actor(actors: DocActors, head: Token, sources: list[Actor]) -> Actor | None:
    """The first other actor among the arguments of ``head``'s own clause: the fallback
    target when the row's slot is empty ("gave Tanzania aid", "demanded that Moscow leave").
    The subject's words are skipped; an actor of the source's own country is not a target."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in {"nsubj", "nsubjpass", "agent"}:
            skip.update(t.i for t in child.subtree)
    own = {a.country for a in sources if a.country} | {a.code for a in sources if a.code}
    for token in head.subtree:
        if token.i in skip or token is head or token.dep_ not in TARGET_FALLBACK_DEPS:
            continue
        if token.pos_ not in {"NOUN", "PROPN", "PRON"}:
            continue
        for actor in actors.actors_for(token):
            if actor.code and actor.code not in own and actor.country not in own:
                return actor
    return None


def _noun_arguments(actors: DocActors, noun: Token, entry: Entry
                    ) -> tuple[list[Actor], Actor | None, list[Actor]]:
    """(sources, target, pair members for "between X and Y")."""
    between = _prep_objects(noun, ("between", "among"))
    pair = actors.actors_for(between[0]) if between else []
    sources: list[Actor] = []
    for child in noun.children:
        if child.dep_ in {"poss", "amod", "compound", "nmod"}:
            sources = actors.actors_for(child)
            if sources:
                break
    if not sources:
        agents = _prep_objects(noun, ("by",))
        sources = actors.actors_for(agents[0]) if agents else []
    head = noun.head
    if not sources and noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in LIGHT_VERBS:
        subject = clause_subject(head)
        sources = actors.actors_for(subject) if subject is not None else []
    if not sources and "notarget" in entry.flags:
        sources = [a for t in _prep_objects(noun, ("of",)) for a in actors.actors_for(t)]
    target = None
    if "notarget" not in entry.flags:
        preps = entry.preps or DEFAULT_TARGET_PREPS
        target = _first_actor(actors, _prep_objects(noun, preps))
        if target is None and head.lemma_ in LIGHT_VERBS:
            target = _first_actor(actors, _prep_objects(head, preps))
        if target is None:
            target = _clause_actor(actors, noun, sources)
    return sources, target, pair


def candidates(sentence: Span, actors: DocActors) -> Iterator[Candidate]:
    """Every (trigger, row, source, target) the sentence supports, in token order."""
    carried: set[int] = set()
    for token in sentence:
        if token.pos_ == "VERB":
            lemma = token.lemma_.lower()
            entry, obj = _match(token, lemma, _direct_object(token))
            if entry is None:
                continue
            if entry.objects and obj is not None:
                carried.add(obj.i)
            sources, target = _verb_arguments(actors, token, entry, obj)
            if entry.preps and not entry.objects and target is None:
                continue  # the row's shape ("arrive in <actor>") did not hold: abstain
            code = _framed_code(token, entry, obj)
            yield from _pairs(token, entry, sources, target, [], code)
        elif token.pos_ == "NOUN" and token.i not in carried:
            entry, _ = _match(token, token.lemma_.lower(), None)
            if entry is None:
                continue
            sources, target, pair = _noun_arguments(actors, token, entry)
            yield from _pairs(token, entry, sources, target, pair, entry.cameo)


def _framed_code(verb: Token, entry: Entry, obj: Token | None) -> str:
    """A generic appeal, intent, demand, rejection or threat takes its specific code from
    the event it is about: its infinitive ("threatened to impose sanctions"), its clause
    ("demanded that troops withdraw") or its object noun ("demanded the release")."""
    if entry.cameo[:2] not in FRAME_ROOTS or len(entry.cameo) > 3:
        return entry.cameo
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp"} and child.pos_ == "VERB":
            inner, _ = _match(child, child.lemma_.lower(), _direct_object(child))
            if inner is not None and (code := frame_code(entry.cameo, inner.cameo)):
                return code
    if obj is not None and obj.pos_ == "NOUN":
        inner, _ = _match(obj, obj.lemma_.lower(), None)
        if inner is not None and (code := frame_code(entry.cameo, inner.cameo)):
            return code
    return entry.cameo


def _pairs(trigger: Token, entry: Entry, sources: list[Actor], target: Actor | None,
           pair: list[Actor], code: str) -> Iterator[Candidate]:
    if "obj_source" in entry.flags and sources and target is not None:
        sources, target = [target], sources[0]
    if len(pair) >= 2 and not sources:
        for a in pair:
            for b in pair:
                if a is not b:
                    yield Candidate(trigger, entry, a, b, code)
        return
    if len(pair) == 1 and sources and target is None:
        target = pair[0]
    if "sym" in entry.flags and len(sources) >= 2 and target is None:
        for a in sources:
            for b in sources:
                if a is not b:
                    yield Candidate(trigger, entry, a, b, code)
        return
    for source in sources:
        yield Candidate(trigger, entry, source, target, code)
