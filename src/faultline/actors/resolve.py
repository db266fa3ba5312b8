"""Mention → Actor: who a noun phrase stands for, read from its head, modifiers and context.

Rules, in order (each documented where it is applied):
1. a KB name on the head (country, capital/seat, IGO, armed group, office holder as of the date);
2. otherwise a KB name among the head's modifiers ("Russian trainers", "Niger's army",
   "government of Niger", "the junta in Niger", "doctors from American aid groups");
3. a partitive head takes the actor of its of-phrase ("a member of the Syrian parliament");
4. otherwise a definite description of a role or of "the country" takes the country the article is
   about ("the junta", "its army", "the country's military leaders");
5. pronouns follow ``coref``, resolved after every named mention; anything else that is not a
   known role stays unknown.
The role comes from the head noun, else from a role word among its modifiers; a generic head
("officials", "leaders") takes a more specific modifier's role ("intelligence officials": SPY).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from faultline.actors.context import PLACE_KINDS, ArticleContext, dateline_countries, main_country
from faultline.actors.coref import is_pronoun, resolve_pronouns
from faultline.actors.describe import GENERIC_HEADS, description, domestic, pair
from faultline.actors.kb import load_kb
from faultline.actors.keys import FORMER_ROLE, Base
from faultline.actors.tokens import (
    MODIFIER_DEPS,
    entity_text,
    ethnic,
    is_former,
    is_modifier,
    language_use,
    mention_head,
    mention_text,
    role_of,
    title_role,
)
from faultline.actors.words import multi_mapping, words
from faultline.model import Actor, Article

LINK_PREPS = frozenset({"of", "in", "from"})
# Phrases that can be antecedents of later pronouns: arguments, not modifiers.
ANTECEDENT_DEPS = words("antecedent_dep")
# Heads that stand for part of the actor their of-phrase names ("a member of the parliament").
PARTITIVE_HEADS = words("partitive_head")
# Heads that speak for the actor their for- or at-phrase names ("a spokesman at the ministry").
SPOKESPERSON_HEADS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
# Heads that count or gather the actor their of-phrase names ("thousands of Iraqi Kurds", "a
# group of Yoruba elders"): the phrase is that actor.
QUANTITY_HEADS = words("quantity_head")
# Nouns for places: "the town of X", "a village in Y" name Y's country, as a place.
PLACE_HEADS = words("place_head")
# Titles that describe one office holder ("Niger's military ruler", "the prime minister").
TITLE_OFFICES = multi_mapping("title_office")
# A capital inside a place phrase ("a curfew in Algiers") is the city and its people.
LOCATIVE_PREPS = words("locative_prep")
CITY_ROLE = "CVL"
MILITARY_ROLE = "MIL"
# "based in", "headquartered in": where an organisation is, and so whose it is.
SEAT_VERBS = frozenset({"base", "headquarter", "headquartered"})
# People named only by their nationality ("Palestinians", "a Liberian") are civilians.
PEOPLE_ROLE = "CVL"


@dataclass
class DocActors(ArticleContext):
    """Actors of one parsed article; ``actors_for`` is what the event coder asks."""

    # Phase two (``coref.resolve_pronouns``): what each pronoun stands for, read-only after.
    pronouns: dict[int, Actor | None] = field(default_factory=dict)
    plurals: dict[int, list[Actor]] = field(default_factory=dict)
    pronoun_rules: dict[int, str] = field(default_factory=dict)

    def actors_for(self, token: Token) -> list[Actor]:
        """Actors for the phrase headed by ``token`` and its coordinated conjuncts; coordinated
        names among the modifiers give one actor each ("French and Egyptian warships"); "the
        two countries" gives the last two countries named before it."""
        several = pair(self, token) or [
            replace(a, text=token.text) for a in self.plurals.get(token.i, ())
        ] if token.pos_ in {"NOUN", "PRON"} else []
        if several:
            return several
        actors: list[Actor] = []
        for head in (token, *token.conjuncts):
            actor, source = self._resolve(head)
            found = [actor]
            if source is not None and source.i != head.i and actor is not None:
                found += [self._resolve(head, other)[0] for other in source.conjuncts
                          if other.i < head.i and self.key(other)]
            for one in found:
                if one is not None and one not in actors:
                    actors.append(one)
        return actors

    def actor_at(self, head: Token) -> Actor | None:
        """The actor of one phrase head, or None if the phrase is not an actor."""
        return self._resolve(head)[0]

    def actor_for_span(self, span: Span) -> Actor | None:
        """The actor a mention stands for: its own KB name first, the role of the phrase it
        belongs to when it is only a modifier ("Hungarian" in "Hungarian officials")."""
        root = span.root
        if root.pos_ == "ADP":  # "in central Baghdad": the place
            root = next((c for c in root.children if c.dep_ == "pobj"), root)
        if root.pos_ in {"VERB", "AUX"}:  # "Taliban ruled Afghanistan": its last named actor
            named = [t for t in span if self.key(t)]
            root = named[-1] if named else root
        head = mention_head(root)
        own = next((t for t in span if self.key(t)), None)
        actor, source = self._resolve(head)
        if own is not None and source is not None and not span.start <= source.i < span.end:
            actor, _ = self._resolve(head, own)  # "Russian" in "U.S. and Russian negotiators"
        if head.i != root.i and (actor is None or actor.code is None):
            own_actor = self.actor_at(root)  # "President X" in "President X's failure"
            actor = own_actor if own_actor is not None else actor
        return actor

    def _resolve(self, head: Token, source: Token | None = None
                 ) -> tuple[Actor | None, Token | None]:
        text = mention_text(head)
        if is_pronoun(head):  # resolved in phase two, never from here
            found = self.pronouns.get(head.i)
            return (None if found is None else replace(found, text=text)), None
        role = self._role(head)
        if language_use(head, self.key(head)):
            return None, None  # "said in French": the language, not the people
        if source is not None and (key := self.key(source)):
            base: Base | None = self.checked(source, key)
        else:
            base, source = self._base(head)
        if base is not None and base.kind == "person":
            # The text's own title or apposition wins over the KB when it names another
            # country (a namesake: "Amadou Diallo, Mali's defence minister") or the KB has
            # none for the date ("Russian President X" for a person it cannot place).
            titled, title_source = self._title_country(head)
            if titled is not None and titled.country and titled.country != base.country:
                base = replace(titled, name=base.name, entity=base.entity)
                source = title_source
            elif titled is None and (apposed := self._apposition(head, text)) is not None \
                    and apposed.country and apposed.country != base.country:
                return apposed, None
        if base is None:
            partitive = self._partitive(head, text)
            if partitive is not None:
                return partitive, None
            apposed = self._apposition(head, text)
            if apposed is not None:
                return apposed, None
            base, source = self._place_phrase(head)
        if base is None:
            base = description(self, head, role)
        if base is None:
            base = domestic(self, head, role)
        if base is None:
            if head.ent_type_ in {"PERSON", "ORG", "NORP"} and (
                    head.pos_ == "PROPN" or head.ent_type_ == "ORG"):
                # A named person we do not know keeps the role of their title
                # ("President X", "Judge Y"), never a country guessed from the name.
                role = FORMER_ROLE if role and is_former(head) else role
                return Actor(text=text, role=role, name=entity_text(head)), None
            if role is not None and head.pos_ == "NOUN" and role_of(self.kb, head):
                return Actor(text=text, role=role), None  # "insurgents": country unknown
            return None, None
        if base.kind == "person" and source is not None and source.i != head.i \
                and role_of(self.kb, head) and base.country in self.kb.countries:
            # "the Bush administration", "Putin's government": the person's country, the
            # head's role, whether or not they are in office on the date
            base = replace(base, kind="country", code=base.country, role=None, entity=None,
                           name=self.kb.countries[base.country].name)
        if base.kind == "adj" and source is not None:
            base = self._residence(head, source, base)
        role = self._final_role(head, base, role, source)
        if base.kind in {"country", "adj", "seat"} and base.country and role == "GOV":
            base = self._office_holder(head, base)
        code = base.code
        if code and base.kind not in {"igo", "group"} and role and code == base.country:
            code = f"{base.country}{role}"
        return Actor(text=text, code=code, country=base.country, role=role, name=base.name,
                     entity=base.entity), source

    def _final_role(self, head: Token, base: Base, role: str | None,
                    source: Token | None) -> str | None:
        """Combine the KB's role with the mention's: a group's or office holder's own role wins,
        an IGO's only when the mention names none ("UN peacekeepers": MIL)."""
        # Out of office, the text's own title says what a person is now ("opposition leader
        # X"); a state title after the term is the old one ("President X"): ELI.
        titled_now = base.kind == "person" and base.role == FORMER_ROLE \
            and role not in {None, "GOV"}
        if base.kind in {"group", "person"} and base.role and not titled_now:
            role = base.role
        elif base.kind == "igo":
            # "UN peacekeepers": the mention's role; "the European Union": the body's own
            # (a role word inside the name is part of the name)
            role = base.role if head.ent_id_ else role or base.role
        elif role is None:
            role = base.role
        if is_former(head) and (base.kind == "person" or role == "GOV"):
            return FORMER_ROLE
        if base.kind in {"seat", "place"} and source is not None and source.i == head.i \
                and head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
            return CITY_ROLE  # "a curfew in Abidjan": the city, not the government
        if base.kind == "adj" and source is not None and source.i == head.i and role is None \
                and not is_modifier(head):
            return PEOPLE_ROLE  # "Palestinians", "two Liberians"
        if base.kind == "adj" and role is None and head.tag_ == "NNPS" \
                and not is_modifier(head):
            return PEOPLE_ROLE  # "Iraqi Kurds": a people named with their country
        return role

    def _role(self, head: Token) -> str | None:
        """The role named by the head noun, else by a role word among its modifiers; a generic
        head yields to a more specific modifier."""
        own = role_of(self.kb, head)
        modifier = next(
            (r for c in head.children if c.dep_ in MODIFIER_DEPS if (r := role_of(self.kb, c))),
            None)
        if modifier is None and head.pos_ == "PROPN":
            modifier = title_role(self.kb, head)
        if own is not None and modifier is not None and head.lemma_.lower() in GENERIC_HEADS:
            return modifier
        return own or modifier

    # -- rule 1 and 2: KB names on the head or its modifiers -------------------------------
    def _base(self, head: Token) -> tuple[Base | None, Token | None]:
        key = self.key(head)
        if key is not None:
            return self.checked(head, key), head
        for child in head.children:
            if child.dep_ in MODIFIER_DEPS and (child_key := self.key(child)):
                return self.checked(child, child_key), child
        titled = self._title_country(head)
        if titled[0] is not None:
            return titled
        if self._role(head) != MILITARY_ROLE:  # troops based abroad stay foreign
            for child in head.children:
                if child.dep_ == "acl" and child.lemma_.lower() in SEAT_VERBS:
                    for prep in (c for c in child.children if c.lower_ in LOCATIVE_PREPS):
                        for obj in (c for c in prep.children if c.dep_ == "pobj"):
                            key = self.key(obj)
                            if key and key.partition(":")[0] in PLACE_KINDS - {"adj"}:
                                # "a newspaper based in Beirut", "a group headquartered in X"
                                return self.checked(obj, key), obj
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in LINK_PREPS and (
                    self._role(head) or head.ent_type_ == "NORP"):
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    for token in (obj, *(c for c in obj.children if c.dep_ in MODIFIER_DEPS)):
                        if (token_key := self.key(token)) and (
                                linked := self.checked(token, token_key)):
                            # "supporters of former President X": X's country, our role
                            return (replace(linked, kind="country", role=None, entity=None,
                                            name=self.kb.countries[linked.country].name)
                                    if linked.kind == "person" and linked.country
                                    else linked), token
        return None, None

    def _office_holder(self, head: Token, base: Base) -> Base:
        """"Niger's military ruler", "the president": the person holding that office in that
        country on the article's date (undated: today), when the KB knows exactly one."""
        if head.pos_ not in {"NOUN", "PROPN"} or head.tag_ in {"NNS", "NNPS"} \
                or is_former(head):
            return base
        lemma = head.lemma_.lower()
        modifiers = {c.lemma_.lower() for c in head.children if c.dep_ in MODIFIER_DEPS}
        title = next((f"{m} {lemma}" for m in modifiers if f"{m} {lemma}" in TITLE_OFFICES),
                     lemma)
        if title == lemma and any(self.kb.roles.get(m) not in {None, "GOV"} for m in modifiers
                                  if m != "military"):
            return base  # "rebel leader", "opposition leader": not the state's
        offices = TITLE_OFFICES.get(title)
        if offices is None:
            return base
        date = self.article.published
        holders = {term.entity: term for office in offices
                   for term in self.kb.by_office.get((base.country, office), ())
                   if term.holds(date)}
        if len(holders) != 1:
            return base
        (term,) = holders.values()
        return replace(base, name=term.name, entity=term.entity)

    def _apposition(self, head: Token, text: str) -> Actor | None:
        """"X, Algeria's leading rights activist", "the main rebel group, the FDD": a phrase
        takes its apposition's actor."""
        for child in head.children:
            if child.dep_ == "appos":
                inner = self.actor_at(child)
                if inner is not None and inner.code:
                    return replace(inner, text=text, name=entity_text(head))
        return None

    def _place_phrase(self, head: Token) -> tuple[Base | None, Token | None]:
        """"the town of Cizre", "a village in Western Cambodia": the place named inside."""
        if head.lemma_.lower() not in PLACE_HEADS:
            return None, None
        for child in head.children:
            if child.dep_ in {"prep", "appos"} or child.dep_ in MODIFIER_DEPS:
                for token in (child, *child.children):
                    key = self.key(token)
                    if key and key.partition(":")[0] in PLACE_KINDS:
                        base = self.checked(token, key)
                        return (replace(base, kind="place", role=None) if base else None), head
        return None, None

    def _residence(self, head: Token, source: Token, base: Base) -> Base:
        """People named by nationality live where their phrase places them: "ethnic Albanians
        in Macedonia" (else the story's country), "Albanians of southern Serbia", "Bosnian
        Serbs" (the modifier is where they live)."""
        of_ethnic = ethnic(source)
        if source.i != head.i and not of_ethnic:
            return base  # "French troops in Mali" stay French
        for child in head.children:
            if child.dep_ in MODIFIER_DEPS and child.i != source.i \
                    and (key := self.key(child)) and key.partition(":")[0] in PLACE_KINDS:
                return self.checked(child, key) or base
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "of", "from"}:
                for obj in child.children:
                    if obj.dep_ == "pobj" and (key := self.key(obj)) \
                            and key.partition(":")[0] in PLACE_KINDS - {"adj"}:
                        found = self.checked(obj, key)
                        return replace(found, kind="adj") if found else base
        if of_ethnic and self.about is not None:
            return Base(self.about, self.about, self.kb.countries[self.about].name, kind="adj")
        if of_ethnic:
            return Base(None, None, base.name, kind="adj")
        return base

    def _title_country(self, head: Token) -> tuple[Base | None, Token | None]:
        """Titles before a name: "German Foreign Minister Oskar Fischer" → Germany."""
        for child in head.lefts:
            if child.dep_ in MODIFIER_DEPS:
                for token in child.subtree:
                    if (key := self.key(token)) and not key.startswith("person:"):
                        return self.checked(token, key), token
        return None, None

    def _partitive(self, head: Token, text: str) -> Actor | None:
        """"a member of the Syrian parliament", "the leader of the rebels": the of-phrase's
        actor, when it names one with a role."""
        lemma = head.lemma_.lower()
        if lemma not in PARTITIVE_HEADS and lemma not in QUANTITY_HEADS:
            return None
        for child in head.children:
            if child.dep_ == "prep" and (child.lower_ == "of" or (
                    child.lower_ in {"for", "at"} and lemma in SPOKESPERSON_HEADS)):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        inner = self.actor_at(obj)
                        if inner is not None and (
                                (inner.code and inner.role)
                                or (lemma in QUANTITY_HEADS and (inner.code or inner.role))):
                            return replace(inner, text=text)
        return None


def resolve(doc: Doc, article: Article) -> DocActors:
    """Actors of one parsed article (the stage's public function)."""
    kb = load_kb()
    actors = DocActors(doc, article, kb, *main_country(doc, dateline_countries(article)))
    for ent in doc.ents:
        kind, _, value = ent.ent_id_.partition(":")
        if kind in PLACE_KINDS:
            actors.countries_named[value] += 1
            for i in range(ent.start, ent.end):
                actors.ent_text[i] = ent.text
    for token in doc:
        if token.dep_ in ANTECEDENT_DEPS and token.pos_ in {"NOUN", "PROPN"}:
            actor = actors.actor_at(token)
            if actor is not None and actor.code is not None:
                actors.named.append((token.i, actor))
    resolve_pronouns(actors)
    return actors
