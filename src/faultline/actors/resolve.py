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

from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from faultline.actors.coref import is_pronoun, resolve_pronouns, sentence_window
from faultline.actors.kb import (
    INTERNATIONAL_PREFIXES,
    KnowledgeBase,
    load_kb,
    org_key_kind,
    term_on,
)
from faultline.actors.words import multi_mapping, words
from faultline.geo import load_gazetteer
from faultline.model import Actor, Article
from faultline.nlp.spans import entity_at

# Weights for guessing what country an article is about: a country named as a noun counts
# more than an adjective ("U.S. officials"), and the lead sentence counts double.
NOUN_WEIGHT = 1.0
ADJECTIVE_WEIGHT = 0.5
LEAD_FACTOR = 2.0
DATELINE_WEIGHT = 2.0  # a dateline counts like a country named in the lead
# Definite descriptions that stand for the country the article is about.
COUNTRY_WORDS = frozenset({"country", "nation", "state"})
DEFINITE = frozenset({"the", "its", "their", "this"})
# KB keys that name a country (the state, its capital, its people, one of its places).
PLACE_KINDS = frozenset({"country", "seat", "adj", "place"})
# Words before a country name that make it a river or a region, not the state.
GEOGRAPHIC_WORDS = frozenset({"river", "lake", "delta", "basin", "valley"})
# "South Lebanon", "Northern Mali": a part of the country still names it.
COMPASS_WORDS = words("compass_word")
MILITARY_GOVERNMENT_HEADS = frozenset({"government", "regime", "ruler", "leader", "authority"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
LINK_PREPS = frozenset({"of", "in", "from"})
# Phrases that can be antecedents of later pronouns: arguments, not modifiers.
ANTECEDENT_DEPS = words("antecedent_dep")
# Heads that say little about the role: a role word among their modifiers is more specific
# ("intelligence officials": SPY, "rebel leaders": REB, "opposition candidates": OPP).
GENERIC_HEADS = words("generic_head")
# Heads that name a body of people: a role among their modifiers makes a description ("the
# opposition coalition"), where a thing does not ("the military equipment").
GROUP_HEADS = words("group_head")
# Heads that stand for part of the actor their of-phrase names ("a member of the parliament").
PARTITIVE_HEADS = words("partitive_head")
# Heads of definite descriptions that stand for an international organisation named before.
ORGANISATION_HEADS = words("organisation_head")
# Of those, the ones that may stand for an armed group or movement too ("the group").
GROUP_DESCRIPTIONS = words("group_description")
# How far back a definite description ("the ministry") looks for the same role.
RECENT_SENTENCES = 2
# Seats of government that also stand for an organisation the article names, in order of
# preference: "Brussels" is the EU (else NATO) when the story names it.
ORGANISATION_SEATS = {"Brussels": ("igo:IGOEUR", "igo:IGONAT")}
# "the two countries", "both neighbours": the last two countries named.
PAIR_HEADS = words("pair_head")
PAIR_WORDS = frozenset({"two", "both"})
PAIR_SIZE = 2
# Regions across several countries: a name for no country and no people ("Sahel leaders").
REGION_NAMES = words("region_name")
# Heads that speak for the actor their for- or at-phrase names ("a spokesman at the ministry").
SPOKESPERSON_HEADS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
# Peoples who live across several states: without a place named, not the story's country's
# ("Kurdish forces" in a story about Iraq and Syria).
TRANSNATIONAL_PEOPLES = words("transnational_people")
# Heads that count or gather the actor their of-phrase names ("thousands of Iraqi Kurds", "a
# group of Yoruba elders"): the phrase is that actor.
QUANTITY_HEADS = words("quantity_head")
# Nouns for places: "the town of X", "a village in Y" name Y's country, as a place.
PLACE_HEADS = words("place_head")
# Verbs whose object, and the preposition "in", make a bare demonym a language.
LANGUAGE_VERBS = words("language_verb")
# Titles that describe one office holder ("Niger's military ruler", "the prime minister").
TITLE_OFFICES = multi_mapping("title_office")
# "anti-Syria", "pro-Russian": a stance towards the country, not the country.
STANCE_PREFIXES = frozenset({"anti", "pro"})
# Last words of names of national bodies ("Kenya Airways", "Nigeria Police Force").
INSTITUTION_WORDS = words("institution_word")
# Roles of state titles ("President X", "General Y") an unknown person takes the story's
# country for, and of bare plural groups that do ("rebels", "students", "police").
STATE_TITLE_ROLES = words("state_title_role")
DOMESTIC_ROLES = words("domestic_role")
# The main country must have at least this share of the story's country mentions.
DOMESTIC_SHARE = 0.5
# Words that make an office holder a former one: an elite, no longer the government.
FORMER_WORDS = words("former_word")
FORMER_ROLE = "ELI"
# A capital inside a place phrase ("a curfew in Algiers") is the city and its people.
LOCATIVE_PREPS = words("locative_prep")
CITY_ROLE = "CVL"
MILITARY_ROLE = "MIL"
# "based in", "headquartered in": where an organisation is, and so whose it is.
SEAT_VERBS = frozenset({"base", "headquarter", "headquartered"})
# People named only by their nationality ("Palestinians", "a Liberian") are civilians.
PEOPLE_ROLE = "CVL"


@dataclass(frozen=True, slots=True)
class Base:
    """What a KB key says about an actor before the role is known."""

    code: str | None
    country: str | None
    name: str
    role: str | None = None
    entity: str | None = None
    kind: str = "country"
    former: str | None = None  # a person's country in their latest past office


def _base_from_key(kb: KnowledgeBase, key: str, date: str | None) -> Base | None:
    kind, _, value = key.partition(":")
    if kind in {"country", "seat", "adj"}:
        country = kb.countries[value]
        return Base(value, value, country.name, "GOV" if kind == "seat" else None, kind=kind)
    if kind == "place":
        return Base(value, value, kb.countries[value].name, kind=kind)
    if kind == "name":
        return _shared_name(kb, value, date)
    if kind in {"igo", "group"}:
        org = kb.organisations[value]
        return Base(org.code, org.country, org.name, org.role, kind=kind)
    if kind == "person":
        return _person(kb, key, date)
    return None


def _person(kb: KnowledgeBase, key: str, date: str | None) -> Base:
    """A known person on ``date``: in a term, that term's country and role; after their last
    term, an elite (``ELI``) of its country; before their first, their country with the role
    the mention gives (none from the KB)."""
    terms = kb.offices[key]
    current = term_on(terms, date)
    role: str | None
    if current is not None:
        where, role = current.country, current.role
    else:
        dated = [t for t in terms if not t.default]
        past = [t for t in dated if t.end is not None and date is not None and t.end <= date]
        if past:
            # after their last term an elite; after a range the conversion closed for want
            # of news (stale), their role is unknown, the text's own title gives it
            last = max(past, key=lambda t: t.end or "")
            where, role = last.country, None if last.stale else FORMER_ROLE
        else:
            where, role = min(dated, key=lambda t: t.sort_start).country, None
    name = terms[0].name
    if not where or where.startswith(INTERNATIONAL_PREFIXES):
        return Base(where or None, None, name, role, key, kind="person")
    if (group := kb.by_code.get(where)) is not None:  # a group's leader: the group's code
        return Base(where, group.country, name, role, key, kind="person")
    former = where if role == FORMER_ROLE else None
    return Base(where, where, name, role, key, kind="person", former=former)


def _shared_name(kb: KnowledgeBase, alias: str, date: str | None,
                 named: Counter[str] | None = None) -> Base | None:
    """A name several people share ("Bush"; a surname two ministers had): the one in office on
    the date, else the one whose country the article names; when still ambiguous, no code and
    the candidates in ``entity`` (``ambiguous:person:a|person:b``), never a guess."""
    entities = [key for _, key in kb.names.get(alias, ()) if key.startswith("person:")]
    if not entities:
        return None
    in_office = [e for e in entities if (t := term_on(kb.offices[e], date)) is not None
                 and not t.default and t.role != FORMER_ROLE and (date or t.end is None)]
    candidates = in_office or entities
    if len(candidates) > 1 and named:
        countries = {e: _person(kb, e, date).country for e in candidates}
        mentioned = [e for e in candidates if named.get(countries[e] or "", 0) > 0]
        candidates = mentioned or candidates
    if len(candidates) == 1:
        return _person(kb, candidates[0], date)
    bases = [_person(kb, e, date) for e in candidates]
    entity = "ambiguous:" + "|".join(candidates)
    countries = {b.country for b in bases}
    if len(countries) == 1 and None not in countries:  # "Bush": a US president either way
        roles = {b.role for b in bases}
        return replace(bases[0], role=roles.pop() if len(roles) == 1 else None, entity=entity)
    return Base(None, None, bases[0].name, kind="person", entity=entity)


def _role_of(kb: KnowledgeBase, token: Token) -> str | None:
    """The role named by a word, trying "air force"- and "secretary-general"-style compounds
    first."""
    lemma = token.lemma_.lower()
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        hyphened = f"{doc[token.i - 2].lower_}-{lemma}"
        if hyphened in kb.roles:
            return kb.roles[hyphened]
    for child in token.children:
        if child.dep_ in {"compound", "amod"} and child.i == token.i - 1:
            joined = f"{child.lemma_.lower()} {lemma}"
            if joined in kb.roles:
                return kb.roles[joined]
    return kb.roles.get(lemma) or kb.roles.get(token.lower_)


def _phrase_head(token: Token) -> Token:
    """The noun a modifier belongs to ("Nigerian junior minister X" → X)."""
    while token.dep_ in {"amod", "compound", "nmod"} and token.head.i != token.i:
        token = token.head
    return token


def _mention_head(token: Token) -> Token:
    """The head of the phrase a modifier (or a coordinated modifier) belongs to: "Hungarian" in
    "Senior Hungarian and Romanian officials" → "officials"."""
    while token.head.i != token.i and _is_modifier(token):
        token = token.head
    return token


def _is_modifier(token: Token) -> bool:
    """A modifier of a noun, or a modifier coordinated with one ("Romanian" in "Hungarian and
    Romanian officials")."""
    return token.dep_ in MODIFIER_DEPS or (token.dep_ == "conj" and token.head.dep_ in
                                           MODIFIER_DEPS)


def _military_government(token: Token) -> bool:
    """"junta", "military government", "military rulers": a government of soldiers."""
    lemma = token.lemma_.lower()
    return lemma == "junta" or (lemma in MILITARY_GOVERNMENT_HEADS and any(
        c.lemma_.lower() == "military" for c in token.children if c.dep_ in MODIFIER_DEPS))


def _is_former(head: Token) -> bool:
    """"former President X", "ousted leader", "ex-minister"."""
    for child in head.lefts:
        for token in child.subtree:
            if token.lower_ in FORMER_WORDS or token.lower_.startswith("ex-"):
                return True
    return False


def _language_use(head: Token, key: str | None) -> bool:
    """A bare singular demonym as a phrase head ("in French", "speaks Arabic") names a
    language; people take a plural ("Palestinians") or a determiner ("a Liberian")."""
    if not (key and key.startswith("adj:") and head.ent_iob_ == "B"
            and head.head.i != head.i):
        return False
    parent = head.head
    return (parent.lower_ == "in" or parent.lemma_ in LANGUAGE_VERBS) \
        and not _is_modifier(head) and not head.lower_.endswith("s") \
        and not any(c.dep_ in {"det", "nummod"} for c in head.children)


def _entity_key(token: Token) -> str | None:
    return token.ent_id_ or None if token.ent_type_ else None


@dataclass
class DocActors:
    """Actors of one parsed article; ``actors_for`` is what the event coder asks."""

    doc: Doc
    article: Article
    kb: KnowledgeBase
    about: str | None
    about_share: float = 0.0
    named: list[tuple[int, Actor]] = field(default_factory=list)
    # text of the KB entity each token is part of, and how often each country is named
    ent_text: dict[int, str] = field(default_factory=dict)
    countries_named: Counter[str] = field(default_factory=Counter)
    # Phase two (``coref.resolve_pronouns``): what each pronoun stands for, read-only after.
    pronouns: dict[int, Actor | None] = field(default_factory=dict)
    plurals: dict[int, list[Actor]] = field(default_factory=dict)
    pronoun_rules: dict[int, str] = field(default_factory=dict)

    def actors_for(self, token: Token) -> list[Actor]:
        """Actors for the phrase headed by ``token`` and its coordinated conjuncts; coordinated
        names among the modifiers give one actor each ("French and Egyptian warships"); "the
        two countries" gives the last two countries named before it."""
        pair = self._pair(token) or [
            replace(a, text=token.text) for a in self.plurals.get(token.i, ())
        ] if token.pos_ in {"NOUN", "PRON"} else []
        if pair:
            return pair
        actors: list[Actor] = []
        for head in (token, *token.conjuncts):
            actor, source = self._resolve(head)
            found = [actor]
            if source is not None and source.i != head.i and actor is not None:
                found += [self._resolve(head, other)[0] for other in source.conjuncts
                          if other.i < head.i and self._key(other)]
            for one in found:
                if one is not None and one not in actors:
                    actors.append(one)
        return actors

    def _pair(self, head: Token) -> list[Actor]:
        """"the two countries", "both governments", "the two neighbours": the two most
        recently named countries (this sentence and the ones before), as the head's role
        gives them ("governments": GOV); nothing when fewer than two are named."""
        if head.lemma_.lower() not in PAIR_HEADS or not any(
                c.lower_ in PAIR_WORDS for c in head.children if c.dep_ in {"nummod", "det",
                                                                           "predet", "amod"}):
            return []
        role = _role_of(self.kb, head)
        found: list[Actor] = []
        for index, actor in reversed(self.named):
            country = actor.country
            if index >= head.i or not country or country in {a.country for a in found} \
                    or country not in self.kb.countries:
                continue
            code = f"{country}{role}" if role else country
            found.append(Actor(text=self._phrase(head), code=code, country=country,
                               role=role, name=self.kb.countries[country].name))
            if len(found) == PAIR_SIZE:
                return found[::-1]
        return []

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
            named = [t for t in span if self._key(t)]
            root = named[-1] if named else root
        head = _mention_head(root)
        own = next((t for t in span if self._key(t)), None)
        actor, source = self._resolve(head)
        if own is not None and source is not None and not span.start <= source.i < span.end:
            actor, _ = self._resolve(head, own)  # "Russian" in "U.S. and Russian negotiators"
        if head.i != root.i and (actor is None or actor.code is None):
            own_actor = self.actor_at(root)  # "President X" in "President X's failure"
            actor = own_actor if own_actor is not None else actor
        return actor

    def _resolve(self, head: Token, source: Token | None = None
                 ) -> tuple[Actor | None, Token | None]:
        text = self._phrase(head)
        if is_pronoun(head):  # resolved in phase two, never from here
            found = self.pronouns.get(head.i)
            return (None if found is None else replace(found, text=text)), None
        role = self._role(head)
        if _language_use(head, self._key(head)):
            return None, None  # "said in French": the language, not the people
        if source is not None and (key := self._key(source)):
            base: Base | None = self._checked(source, key)
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
            base = self._description(head, role)
        if base is None:
            base = self._domestic(head, role)
        if base is None:
            if head.ent_type_ in {"PERSON", "ORG", "NORP"} and (
                    head.pos_ == "PROPN" or head.ent_type_ == "ORG"):
                # A named person we do not know keeps the role of their title
                # ("President X", "Judge Y"), never a country guessed from the name.
                role = FORMER_ROLE if role and _is_former(head) else role
                return Actor(text=text, role=role, name=self._entity_text(head)), None
            if role is not None and head.pos_ == "NOUN" and _role_of(self.kb, head):
                return Actor(text=text, role=role), None  # "insurgents": country unknown
            return None, None
        if base.kind == "person" and source is not None and source.i != head.i \
                and _role_of(self.kb, head) and base.country in self.kb.countries:
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
        if _is_former(head) and (base.kind == "person" or role == "GOV"):
            return FORMER_ROLE
        if base.kind in {"seat", "place"} and source is not None and source.i == head.i \
                and head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
            return CITY_ROLE  # "a curfew in Abidjan": the city, not the government
        if base.kind == "adj" and source is not None and source.i == head.i and role is None \
                and not _is_modifier(head):
            return PEOPLE_ROLE  # "Palestinians", "two Liberians"
        if base.kind == "adj" and role is None and head.tag_ == "NNPS" \
                and not _is_modifier(head):
            return PEOPLE_ROLE  # "Iraqi Kurds": a people named with their country
        return role

    def _role(self, head: Token) -> str | None:
        """The role named by the head noun, else by a role word among its modifiers; a generic
        head yields to a more specific modifier."""
        own = _role_of(self.kb, head)
        modifier = next(
            (r for c in head.children if c.dep_ in MODIFIER_DEPS if (r := _role_of(self.kb, c))),
            None)
        if modifier is None and head.pos_ == "PROPN":
            modifier = self._title(head)
        if own is not None and modifier is not None and head.lemma_.lower() in GENERIC_HEADS:
            return modifier
        return own or modifier

    # -- rule 1 and 2: KB names on the head or its modifiers -------------------------------
    def _base(self, head: Token) -> tuple[Base | None, Token | None]:
        key = self._key(head)
        if key is not None:
            return self._checked(head, key), head
        for child in head.children:
            if child.dep_ in MODIFIER_DEPS and (child_key := self._key(child)):
                return self._checked(child, child_key), child
        titled = self._title_country(head)
        if titled[0] is not None:
            return titled
        if self._role(head) != MILITARY_ROLE:  # troops based abroad stay foreign
            for child in head.children:
                if child.dep_ == "acl" and child.lemma_.lower() in SEAT_VERBS:
                    for prep in (c for c in child.children if c.lower_ in LOCATIVE_PREPS):
                        for obj in (c for c in prep.children if c.dep_ == "pobj"):
                            key = self._key(obj)
                            if key and key.partition(":")[0] in PLACE_KINDS - {"adj"}:
                                # "a newspaper based in Beirut", "a group headquartered in X"
                                return self._checked(obj, key), obj
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in LINK_PREPS and (
                    self._role(head) or head.ent_type_ == "NORP"):
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    for token in (obj, *(c for c in obj.children if c.dep_ in MODIFIER_DEPS)):
                        if (token_key := self._key(token)) and (
                                linked := self._checked(token, token_key)):
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
                or _is_former(head):
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

    def _title(self, head: Token) -> str | None:
        """The role of a title before a name, through compound chains ("President Prosper
        Avril", "Lt. Gen. X")."""
        for child in head.lefts:
            if child.dep_ == "compound":
                for token in child.subtree:
                    if token.i < head.i and (role := _role_of(self.kb, token)):
                        return role
        return None

    def _apposition(self, head: Token, text: str) -> Actor | None:
        """"X, Algeria's leading rights activist", "the main rebel group, the FDD": a phrase
        takes its apposition's actor."""
        for child in head.children:
            if child.dep_ == "appos":
                inner = self.actor_at(child)
                if inner is not None and inner.code:
                    return replace(inner, text=text, name=self._entity_text(head))
        return None

    def _place_phrase(self, head: Token) -> tuple[Base | None, Token | None]:
        """"the town of Cizre", "a village in Western Cambodia": the place named inside."""
        if head.lemma_.lower() not in PLACE_HEADS:
            return None, None
        for child in head.children:
            if child.dep_ in {"prep", "appos"} or child.dep_ in MODIFIER_DEPS:
                for token in (child, *child.children):
                    key = self._key(token)
                    if key and key.partition(":")[0] in PLACE_KINDS:
                        base = self._checked(token, key)
                        return (replace(base, kind="place", role=None) if base else None), head
        return None, None

    def _domestic(self, head: Token, role: str | None) -> Base | None:
        """Actors a story about one country leaves unqualified are that country's: a person with
        a state title and no nationality ("President X" in a story about Uganda), and bare
        plural groups that are not the state ("rebels", "Islamic fundamentalists", "Hutu
        rebels"). Needs a clear main country; state bodies ("troops", "officials") are not
        guessed, since foreign ones are as often meant."""
        if self.about is None or self.about_share < DOMESTIC_SHARE:
            return None
        if head.tag_ == "NNS" and any(
                c.dep_ in MODIFIER_DEPS and not c.ent_id_ and c.is_title
                and c.text not in REGION_NAMES and c.text not in TRANSNATIONAL_PEOPLES
                and (c.ent_type_ == "NORP" or (c.pos_ == "PROPN" and (
                    c.ent_type_ not in {"ORG", "GPE", "FAC", "LOC"} or _unknown_place(c))))
                for c in head.children):
            # A people the KB has no state for ("Yoruba leaders", "Ibo elders"); the parser
            # may call the people a place, so a "place" no gazetteer knows counts too.
            return Base(self.about, self.about, self.kb.countries[self.about].name)
        if role is None:
            return None
        if head.pos_ == "PROPN" and role in STATE_TITLE_ROLES and self._title(head):
            return Base(self.about, self.about, self.kb.countries[self.about].name)
        bare = not any(c.dep_ in {"det", "poss"} for c in head.children)
        security = role == "MIL" and any(c.lemma_.lower() == "security" for c in head.children)
        if bare and head.tag_ == "NNS" and (role in DOMESTIC_ROLES or security):
            # ("security forces" are a country's own; bare "troops" may be anyone's)
            return Base(self.about, self.about, self.kb.countries[self.about].name)
        return None

    def _residence(self, head: Token, source: Token, base: Base) -> Base:
        """People named by nationality live where their phrase places them: "ethnic Albanians
        in Macedonia" (else the story's country), "Albanians of southern Serbia", "Bosnian
        Serbs" (the modifier is where they live)."""
        ethnic = _ethnic(source)
        if source.i != head.i and not ethnic:
            return base  # "French troops in Mali" stay French
        for child in head.children:
            if child.dep_ in MODIFIER_DEPS and child.i != source.i \
                    and (key := self._key(child)) and key.partition(":")[0] in PLACE_KINDS:
                return self._checked(child, key) or base
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "of", "from"}:
                for obj in child.children:
                    if obj.dep_ == "pobj" and (key := self._key(obj)) \
                            and key.partition(":")[0] in PLACE_KINDS - {"adj"}:
                        found = self._checked(obj, key)
                        return replace(found, kind="adj") if found else base
        if ethnic and self.about is not None:
            return Base(self.about, self.about, self.kb.countries[self.about].name, kind="adj")
        if ethnic:
            return Base(None, None, base.name, kind="adj")
        return base

    def _title_country(self, head: Token) -> tuple[Base | None, Token | None]:
        """Titles before a name: "German Foreign Minister Oskar Fischer" → Germany."""
        for child in head.lefts:
            if child.dep_ in MODIFIER_DEPS:
                for token in child.subtree:
                    if (key := self._key(token)) and not key.startswith("person:"):
                        return self._checked(token, key), token
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

    def _checked(self, token: Token, key: str) -> Base | None:
        """Apply the context rules that a bare KB key cannot know."""
        if key.startswith("name:"):
            base = _shared_name(self.kb, key[5:], self.article.published, self.countries_named)
        else:
            base = _base_from_key(self.kb, key, self.article.published)
        if base is None:
            return None
        # A text about Niger that writes "Nigerian" (a common mistranslation of "Nigerien")
        # of its institutions ("the Nigerian army") means Niger unless it names Nigeria
        # itself somewhere; a named person's nationality ("Nigerian minister X") stays.
        if key == "adj:NGA" and self.about == "NER" and not self._names("NGA") \
                and _phrase_head(token).pos_ != "PROPN":
            return _base_from_key(self.kb, "adj:NER", self.article.published)
        # "Brussels suspended its support" in a story about the EU is the EU.
        for organisation in ORGANISATION_SEATS.get(self.ent_text.get(token.i, ""), ()):
            if any(t.ent_id_ == organisation for t in self.doc):
                return _base_from_key(self.kb, organisation, self.article.published) or base
        return base

    def _names(self, iso3: str) -> bool:
        return any(t.ent_id_ in {f"country:{iso3}", f"seat:{iso3}"} for t in self.doc)

    def _key(self, token: Token) -> str | None:
        """The token's KB key, unless the name is used as something else here: a first or
        last name ("Chad Smith", "Michael Jordan"), a river or region ("the Niger River",
        "Niger Delta", "Niger State"), or the US state ("Washington state")."""
        key = _entity_key(token)
        if key is None and token.is_title and token.is_alpha and token.pos_ in {"PROPN", "ADJ",
                                                                               "NOUN"}:
            key = self.kb.near_key(token.text)  # "Ethopia", "Afganistan": misspelt names
        elif key is not None:
            key = self._reading(token, key)
        if key is None or not key.startswith(("country:", "seat:", "adj:", "place:")):
            return key
        doc = self.doc
        before = doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.text == "-" and token.i > 1 \
                and doc[token.i - 2].lower_ in STANCE_PREFIXES:
            return None  # "an anti-Syria journalist" is not Syria's
        if key.startswith("adj:"):
            return key
        if token.head.i != token.i and _role_of(self.kb, token.head):
            return key  # "Mali Defence Ministry", "US Senate": the state's own institution
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.ent_id_.startswith(("person:", "name:")) \
                and after.ent_iob_ == "B":
            return None  # "Georgia Meloni": a first name before a known person's name
        if after is not None and after.pos_ == "PROPN" and after.is_title and not after.ent_id_ \
                and not _hyphen_follows(after) \
                and after.ent_type_ not in {"DATE", "TIME"} \
                and after.lemma_.lower() not in self.kb.roles and not self._institution(after) \
                and after.ent_type_ not in {"ORG", "FAC", "GPE", "LOC", "NORP"}:
            return None
        if before is not None and before.pos_ == "PROPN" and before.is_title \
                and not before.ent_id_ and before.lemma_.lower() not in self.kb.roles \
                and before.lower_ not in COMPASS_WORDS:
            return None
        if before is not None and before.lower_ in GEOGRAPHIC_WORDS:
            return None
        if after is not None and after.lower_ == "state" and key == "seat:USA":
            return "country:USA"
        return key

    def _institution(self, token: Token) -> bool:
        """Whether a run of capitalised words from ``token`` ends in an institution word
        ("Kenya Airways", "Montenegro Municipality Association"): the country's own body."""
        doc = self.doc
        i = token.i
        while i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN":
            i += 1
        return doc[i].lower_ in INSTITUTION_WORDS

    def _reading(self, token: Token, key: str) -> str:
        """Which of a shared name's readings the article means: the first whose country the
        article names otherwise ("Tripoli" in a text about Lebanon; "Georgia" beside Atlanta)."""
        text = self.ent_text.get(token.i)
        readings = self.kb.readings(text) if text else ()
        if len({k.partition(":")[2] for _, k in readings}) < 2:
            return key
        named = self.countries_named
        for _, reading in readings:
            country = reading.partition(":")[2]
            if named.get(country, 0) > (1 if reading == key else 0):
                return reading
        return key

    # -- rule 4: definite descriptions --------------------------------------------------
    def _description(self, head: Token, role: str | None) -> Base | None:
        determiners = {c.lower_ for c in head.children if c.dep_ in {"det", "poss"}}
        if head.lemma_.lower() in ORGANISATION_HEADS and determiners & DEFINITE \
                and head.pos_ == "NOUN" and head.is_lower:
            # "the bloc": the organisation named before (not a name: "the African Union")
            return self._recent_organisation(head)
        if self.about is None:
            return None
        possessor_is_country = any(
            c.dep_ in {"poss", "nmod"} and c.lemma_.lower() in COUNTRY_WORDS for c in head.children)
        if any(c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN" and not c.ent_id_
               and c.ent_type_ not in {"NORP", "GPE", "LOC"} for c in head.children):
            return None  # "the Bush administration": someone's, not the article country's
        country = self.about
        if _military_government(head):
            # "the junta" is the military government named last, else the article's country.
            country = next((a.country for i, a in reversed(self.named)
                            if i < head.i and a.country and _military_government(self.doc[i])),
                           self.about)
        if head.lemma_.lower() in COUNTRY_WORDS and determiners & DEFINITE:
            return Base(country, country, self.kb.countries[country].name)
        if not (_role_of(self.kb, head) or head.lemma_.lower() in GENERIC_HEADS | GROUP_HEADS):
            return None  # "the military equipment": a role word only as a modifier
        if role is not None and (determiners & DEFINITE or possessor_is_country):
            if not possessor_is_country and not _military_government(head):
                # "The foreign ministry summoned …" after "Mali's government criticised …":
                # the same role named just before, else the article's country.
                country = self._recent_role(head, role) or country
            return Base(country, country, self.kb.countries[country].name)
        return None

    def _recent_organisation(self, head: Token) -> Base | None:
        """The organisation named last in this or the previous ``RECENT_SENTENCES``
        sentences ("ECOWAS lifted … The bloc said …"; "Hamas … the group"): an international
        one for "the bloc", an armed group or movement too for "the group"."""
        start = sentence_window(head, RECENT_SENTENCES)
        igo_only = head.lemma_.lower() not in GROUP_DESCRIPTIONS
        for index, actor in reversed(self.named):
            org = self.kb.by_code.get(actor.code or "")
            if not start <= index < head.i or org is None:
                continue
            kind = org_key_kind(org)
            if igo_only and kind != "igo":
                continue
            return Base(org.code, org.country, org.name, org.role, kind=kind)
        return None

    def _recent_role(self, head: Token, role: str) -> str | None:
        """The country of the subject with ``role`` named last in this or the previous
        ``RECENT_SENTENCES`` sentences (a subject: the actor the story is following, not
        one mentioned in passing, "remarks by a French minister")."""
        start = sentence_window(head, RECENT_SENTENCES)
        return next((a.country for i, a in reversed(self.named)
                     if start <= i < head.i and a.role == role and a.country
                     and self.doc[i].dep_ in {"nsubj", "nsubjpass"}), None)

    def _phrase(self, head: Token) -> str:
        left = head.left_edge.i
        for child in head.lefts:
            if child.dep_ in {"punct", "cc", "prep"}:
                left = child.i + 1
        right = head.i
        for child in head.rights:
            if child.dep_ in {"appos", "compound", "flat"} or (
                    child.dep_ == "prep" and child.lower_ == "of"):
                right = child.right_edge.i
        return self.doc[left:right + 1].text

    def _entity_text(self, head: Token) -> str:
        span = entity_at(head)
        return span.text if span is not None else head.text


def _dateline_countries(article: Article) -> list[str]:
    """The countries of a wire dateline's places ("NAIROBI", "GENEVA/PORT SUDAN"): the
    knowledge base's reading of the name, else the gazetteer's most populous namesake."""
    countries = []
    for part in str(article.meta.get("dateline") or "").split("/"):
        name = " ".join(w.capitalize() for w in part.split())
        if not name:
            continue
        readings = load_kb().readings(name)
        iso3 = readings[0][1].partition(":")[2] if readings else None
        if not iso3:
            cities = load_gazetteer().cities(name)
            iso3 = max(cities, key=lambda c: c.population).country if cities else None
        if iso3 in load_kb().countries:
            countries.append(iso3)
    return countries


def _about(doc: Doc, dateline: list[str]) -> tuple[str | None, float]:
    """The main country and its share of the weighted country mentions, a dateline's country
    counting ``DATELINE_WEIGHT`` (the story is filed from there)."""
    scores: Counter[str] = Counter({iso3: DATELINE_WEIGHT for iso3 in dateline})
    first: dict[str, int] = {iso3: -1 for iso3 in dateline}
    first_sentence_end = next(iter(doc.sents)).end if len(doc) else 0
    for ent in doc.ents:
        kind, _, iso3 = ent.ent_id_.partition(":")
        if kind == "group":  # an armed group hints at where the story is
            kind, iso3 = "place", load_kb().organisations[iso3].country or ""
        if kind not in PLACE_KINDS or _currency(ent) or _ethnic(ent.root) or not iso3:
            continue
        weight = ADJECTIVE_WEIGHT if kind in {"adj", "place"} \
            or ent.root.dep_ in {"compound", "amod"} else NOUN_WEIGHT
        scores[iso3] += weight * (LEAD_FACTOR if ent.start < first_sentence_end else 1.0)
        first.setdefault(iso3, ent.start)
    if not scores:
        return None, 0.0
    best = max(scores, key=lambda iso: (scores[iso], -first[iso]))
    return best, scores[best] / sum(scores.values())


def _unknown_place(token: Token) -> bool:
    """A name tagged as a place that neither the knowledge base nor the gazetteer knows."""
    gazetteer = load_gazetteer()
    return token.ent_type_ == "GPE" and not gazetteer.cities(token.text) \
        and gazetteer.country_named(token.text) is None


def _hyphen_follows(token: Token) -> bool:
    """"Kenya Anti-Corruption Commission": a name is not followed by a hyphenated word, so
    "Kenya" here is the country, not a first name."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text == "-"


def _ethnic(token: Token) -> bool:
    """"ethnic Albanians", "ethnic Albanian guerrillas": a people, not a state."""
    return any(c.lower_ == "ethnic" for c in (*token.children, *token.head.children))


def _currency(ent: Span) -> bool:
    """"US $50 million", "Canadian dollars": money, not the country."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is not None and (after.text == "$" or after.lemma_.lower() == "dollar")


def resolve(doc: Doc, article: Article) -> DocActors:
    """Actors of one parsed article (the stage's public function)."""
    kb = load_kb()
    actors = DocActors(doc, article, kb, *_about(doc, _dateline_countries(article)))
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
