"""Within-article coreference for pronouns: a small, explicit rule set.

- "we"/"us" inside a quotation stand for the speaker named by a speech verb in the same or an
  adjacent sentence ("'We are here to help,' a Russian officer said" → the officer's actor);
- the subject pronoun of a reported clause is the reporter ("Washington warned that it could
  act" → it = Washington);
- other pronouns take the most recent named actor in this or the previous sentences that is not
  the subject of the pronoun's own clause ("The junta criticised the US and warned them" →
  them = the US).
Nothing is guessed beyond that: a pronoun with no candidate stays unresolved (None).

Pronouns are resolved in a second phase, after every named mention (``Mentions``), into tables
the resolver then only reads: a pronoun's antecedent may be another pronoun already resolved,
never one whose resolution is still to come, so no resolution can call itself.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Token

from faultline.actors.kb import load_kb
from faultline.actors.words import words
from faultline.model import Actor

# The pronouns that stand for an actor ("us", not "US": the parser must call them PRON).
PRONOUNS = words("pronoun")
SPEECH_VERBS = words("speech_verb")
FIRST_PERSON = frozenset({"we", "us"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PERSONAL = frozenset({"he", "she", "him", "her"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
SINGULAR = words("singular_pronoun")
PLURAL = frozenset({"they"})
# Heads that name a person even when the knowledge base does not know who.
PERSON_HEADS = words("person_head")
# How far back (in sentences) a pronoun may look for its antecedent.
ANTECEDENT_SENTENCES = 2
# Clause links through which a verb inherits its subject ("criticised ... and warned").
CONTROL_DEPS = frozenset({"conj", "xcomp", "advcl", "acomp"})
# Entity types of objects that can do what a purpose clause says.
AGENT_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# Verbs that prepare someone for what their purpose clause says: "trained the army to
# fight" (the army fights, and the fight is a purpose, not an act); "met the envoy to discuss"
# is not one of them (the subject discusses).
ENABLING_VERBS = words("enabling_verb")
# "accused Sudan of backing", "thanked X for helping", "stopped X from entering", "warned X
# against hosting": the object does what the gerund after these prepositions says.
OBJECT_GERUND_PREPS = frozenset({"of", "for", "from", "against"})
# Prepositions of place: a name after them is where, not who, so no pronoun stands for it.
PLACE_PREPS = words("place_prep")
# How many clause links the search for an inherited subject follows.
MAX_SUBJECT_HOPS = 6


class Mentions(Protocol):
    """What pronoun resolution reads: the article, its named mentions in text order, and the
    actor of a phrase head (of a pronoun only once its own resolution is in ``pronouns``)."""

    doc: Doc
    named: list[tuple[int, Actor]]
    pronouns: dict[int, Actor | None]
    plurals: dict[int, list[Actor]]
    pronoun_rules: dict[int, str]

    def actor_at(self, head: Token) -> Actor | None: ...

    def actors_for(self, token: Token) -> list[Actor]: ...


def is_pronoun(token: Token) -> bool:
    """A personal pronoun that may stand for an actor."""
    return token.lower_ in PRONOUNS and token.pos_ == "PRON"


def resolve_pronouns(actors: Mentions) -> None:
    """Phase two: fill ``actors.pronouns``, ``actors.plurals`` and the rule that resolved each
    (``actors.pronoun_rules``, for event traces) for every pronoun.

    Third-person subjects first (they look back to reporters and earlier subjects), then other
    third-person pronouns (they exclude their clause's subject), then "we"/"us" (they take a
    speaker, who may be a "he" already resolved); each in text order. A pronoun that a rule
    reaches before its own turn reads as unresolved.
    """
    pronouns = [t for t in actors.doc if is_pronoun(t)]
    order = sorted(pronouns, key=lambda t: (t.lower_ in FIRST_PERSON,
                                            t.dep_ not in SUBJECT_DEPS, t.i))
    for pronoun in order:
        plural = plural_antecedents(actors, pronoun)
        actors.plurals[pronoun.i] = plural
        found, rule = _antecedent(actors, pronoun)
        actors.pronouns[pronoun.i] = found
        if plural or found is not None:
            actors.pronoun_rules[pronoun.i] = "plural" if plural else rule


def _place_mention(token: Token) -> bool:
    """"signed a pact in Doha": Doha is where it happened, not who "they" are next."""
    phrase = token
    while phrase.dep_ in {"compound", "amod", "appos"} and phrase.head != phrase:
        phrase = phrase.head
    return phrase.dep_ == "pobj" and phrase.head.lower_ in PLACE_PREPS


def purpose_clause(verb: Token) -> bool:
    """An infinitive of purpose: "trained the army to fight", "used tear gas to disperse"."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                        for c in verb.children)


def noun_author(noun: Token) -> Token | None:
    """Who issued a statement, reminder or warning noun: its possessor ("the party's
    statement"), else the subject of the verb that carries it ("issued a statement")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    return clause_subject(noun.head) if noun.dep_ in {"dobj", "nsubjpass"} else None


def sentence_window(token: Token, sentences: int) -> int:
    """The first token index of ``token``'s sentence and the ``sentences`` before it."""
    start = token.sent.start
    for _ in range(sentences):
        if start > 0:
            start = token.doc[start - 1].sent.start
    return start


def _agentive(noun: Token) -> bool:
    """Whether an object can be the doer of a purpose clause: a named group, place or person,
    or a role noun ("trained Niger's military to fight"); tear gas cannot."""
    return noun.ent_type_ in AGENT_ENTITIES or noun.lemma_.lower() in load_kb().roles


def clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, inherited through conj/xcomp/advcl from governing verbs.

    Object control: in "warned them not to cooperate" the subject of "cooperate" is "them";
    a purpose clause is done by an agentive object ("trained the army to fight"); through
    adjectives too ("Syria was ready to withdraw").
    A participle modifying a noun has that noun as subject ("trainers arriving").
    """
    current = verb
    for _ in range(MAX_SUBJECT_HOPS):
        # With two subjects ("An al Qaeda affiliate, JNIM claimed"), the nearest is the name.
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            subject = subjects[-1]
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head  # "the bloc, which had suspended Guinea": the bloc
            return subject
        head = current.head
        if current.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return head
        if current.dep_ == "pcomp" and head.dep_ == "prep":
            controller = next((c for c in head.head.children if c.dep_ == "dobj"), None)
            if head.lower_ in OBJECT_GERUND_PREPS and controller is not None:
                return controller  # "accused Sudan of backing rebels": Sudan backs
            current = head.head  # "invested in training X": the investor trains
            continue
        if current.dep_ not in CONTROL_DEPS or head == current:
            return None
        purpose = purpose_clause(current) and head.lemma_.lower() in ENABLING_VERBS
        if current.dep_ == "xcomp" or purpose:
            controller = next((c for c in head.children if c.dep_ == "dobj"), None)
            if controller is not None and (current.dep_ == "xcomp" or _agentive(controller)):
                return controller
        current = head
    return None


def _speaker(actors: Mentions, pronoun: Token) -> Actor | None:
    doc, here = actors.doc, pronoun.sent
    around = [here]  # its own sentence, then the one before and the one after
    if here.start > 0:
        around.append(doc[here.start - 1].sent)
    if here.end < len(doc):
        around.append(doc[here.end].sent)
    for sentence in around:
        for token in sentence:
            if token.lemma_ in SPEECH_VERBS:
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.lower_ not in FIRST_PERSON:
                    actor = actors.actor_at(subject)
                    if actor is not None and actor.code is not None:
                        return actor
    return None


def _reporting_subject(actors: Mentions, pronoun: Token) -> Actor | None:
    """"Washington warned that it could...", "the army said it had...": the subject pronoun of a
    reported clause is the reporter, when the reporter is an actor (known to the knowledge base
    or not: "the Umma party said it would" is the party, never another actor named nearby)."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or verb.dep_ != "ccomp":
        return None
    reporter = clause_subject(verb.head)
    if reporter is None or reporter.lower_ in FIRST_PERSON or reporter == pronoun:
        return None
    return actors.actor_at(reporter)


def _person(token: Token, actor: Actor) -> bool:
    """Whether a mention names a person: a PERSON entity, a known office holder, or a head
    like "minister" or "spokesman"."""
    return token.ent_type_ == "PERSON" or bool(actor.entity) or (
        token.lemma_.lower() in PERSON_HEADS)


def _topic(actors: Mentions, pronoun: Token) -> Actor | None:
    """A sentence's first subject pronoun continues the previous sentence's topic, its first
    subject that is a coded actor ("Blinken spoke with Senegal's minister. He plans to
    visit Dakar": he = Blinken); "he"/"she" only a person, "it" never one."""
    sentence = pronoun.sent
    if pronoun.dep_ not in SUBJECT_DEPS or sentence.start == 0 or any(
            t.dep_ in SUBJECT_DEPS for t in actors.doc[sentence.start:pronoun.i]):
        return None
    previous = actors.doc[sentence.start - 1].sent
    for token in previous:
        if token.dep_ not in SUBJECT_DEPS:
            continue
        actor = actors.actor_at(token)
        if actor is None or not actor.code:
            continue
        person = _person(token, actor)
        if pronoun.lower_ in PERSONAL and not person:
            continue
        if pronoun.lower_ == "it" and person:
            continue
        return actor
    return None


def plural_antecedents(actors: Mentions, pronoun: Token) -> list[Actor]:
    """"Chad and Sudan held talks. They agreed …", "the two countries signed a pact under
    which they agreed …": a subject "they" stands for the nearest earlier subject in its
    sentence that names several actors (coordinated, or "the two countries"), else for the
    first such subject of the previous sentence when it opens its own; else nothing."""
    sentence = pronoun.sent
    if pronoun.lower_ not in PLURAL or pronoun.dep_ not in SUBJECT_DEPS:
        return []
    earlier = [t for t in actors.doc[sentence.start:pronoun.i] if t.dep_ in SUBJECT_DEPS]
    candidates = list(reversed(earlier))
    if not earlier and sentence.start > 0:
        candidates = [t for t in actors.doc[sentence.start - 1].sent if t.dep_ in SUBJECT_DEPS]
    for subject in candidates:
        found = [a for a in actors.actors_for(subject) if a.code]
        if len(found) > 1:
            return found
    return []


def _antecedent(actors: Mentions, pronoun: Token) -> tuple[Actor | None, str]:
    """The actor a pronoun stands for (None when the rules find none) and the rule's name."""
    if pronoun.lower_ in FIRST_PERSON:
        return _speaker(actors, pronoun), "speaker"
    reporter = _reporting_subject(actors, pronoun)
    if reporter is not None:
        return reporter, "reporter"
    topic = _topic(actors, pronoun)
    if topic is not None:
        return topic, "topic"
    subject = clause_subject(pronoun.head) if pronoun.dep_ not in SUBJECT_DEPS else None
    # every actor of the clause's subject ("the US and the EU urged it": it is neither)
    excluded = actors.actors_for(subject) if subject is not None and subject != pronoun \
        else []
    first_sentence = sentence_window(pronoun, ANTECEDENT_SENTENCES)
    for index, actor in reversed(actors.named):
        if index >= pronoun.i or index < first_sentence or _place_mention(actors.doc[index]):
            continue
        if pronoun.lower_ in SINGULAR and actors.doc[index].tag_ in {"NNS", "NNPS"}:
            continue  # "it" is not "the civilians"
        if pronoun.lower_ in PERSONAL and not (_person(actors.doc[index], actor) or actor.role):
            continue  # "he": a person or a body of people ("the ministry"), never a bare country
        if any(actor.code == other.code or (actor.country == other.country
                                            and None in (actor.role, other.role))
               for other in excluded):
            continue  # not the clause's own subject; another role of its country can be
        return actor, "recent"
    return None, "recent"
