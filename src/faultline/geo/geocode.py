"""Where an event took place: the place named in a locative phrase of its trigger's clause.

Only spans spaCy (or our EntityRuler) tags GPE, LOC or FAC are read as places, so a person or
a common word that shares a city's name ("Florence", "Reading") is never geocoded. A phrase
"in/near/outside ..." attached to the trigger, to its governing verb, or to their objects
("attacked a convoy near Diffa") names the place; a city wins over a country named in the
same phrase ("in Gao, Mali"), which instead tells which Gao is meant. With no such phrase the
event's own country, if the caller knows it, is the location at country precision.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from faultline.geo.gazetteer import City, Gazetteer, load_gazetteer
from faultline.model import Location
from faultline.nlp.spans import sentence_ents

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Ruler readings (``ent_id_`` kinds) that tell which country a phrase is in.
HINT_KINDS = frozenset({"country", "adj", "seat", "place"})
# Prepositions whose object is where something happens.
LOCATIVE_PREPS = frozenset({
    "in", "near", "at", "outside", "around", "across", "throughout", "inside", "into",
    "within", "along", "off", "nearby", "through",
})
# "withdrew from Kidal" is a place, "pressure from Algeria" or "troops from Chad" are not:
# these prepositions count only when they hang on the trigger or its verb.
DIRECT_PREPS = frozenset({"from"})
# "of"/"to" continue a place phrase ("the town of Menaka") or, after one of LOCATIVE_HEADS,
# start one ("20 km north of Gao", "close to Diffa").
LINKING_PREPS = frozenset({"of", "to"})
LOCATIVE_HEADS = frozenset({  # lemmas
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "outskirt", "heart", "centre", "center", "edge", "close", "next", "vicinity", "suburb",
    "street", "road", "coast", "shore", "border",
})
# Dependents that open another clause, with its own events and places ("officials who fled
# Gao said", "after troops left Kidal"); the search does not enter them.
CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "xcomp", "parataxis", "acl"})
# A clausal subject is the event itself ("Shelling in Kharkiv wounded seven").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
VERB_TAGS = frozenset({"VERB", "AUX"})
# A verb trigger's place may be named in the clause it is chained to ("raided homes in Jenin
# and detained six"), through these links; an adverbial clause only when it tells the same
# moment (``SAME_TIME_MARKERS`` or a bare participle: "attacked a base, killing nine near
# Gao"), never "after"/"before" another event.
CHAINED_DEPS = frozenset({"xcomp", "conj"})
SAME_TIME_MARKERS = frozenset({"when", "as", "while"})
# Nouns a place name may modify (lemmas). Before a division noun it names the division
# ("Kaduna state", "Kidal Region": admin1, at the namesake city's point); before a part of
# it, still the place ("Gao airport"); before a natural feature or any other proper noun,
# something else ("Niger Delta", "Chad Mensah").
DIVISION_NOUNS = frozenset({
    "state", "province", "region", "governorate", "prefecture", "department",
})
PART_NOUNS = frozenset({"city", "town", "municipality", "airport", "square", "camp"})
FEATURE_NOUNS = frozenset({
    "river", "lake", "delta", "basin", "valley", "desert", "mountain", "gulf", "sea",
})
# Precisions from most to least precise: a phrase's most precise place wins.
PRECISIONS = ("city", "admin1", "country")
# Hops tried when climbing from a noun trigger to its verb or along chained clauses.
MAX_HOPS = 6
# A city in a country that nothing in the article supports must be at least this big to be
# believed: a small namesake abroad is more often a name collision than the event's place.
UNSUPPORTED_MIN_POPULATION = 100_000


def locate(sentence: Span, trigger: Token, countries_in_article: Counter[str],
           fallback_country: str | None) -> Location | None:
    """The event's location: a place in a locative phrase of the trigger's clause, else
    ``fallback_country`` (the event's own country) at country precision, else None.

    ``countries_in_article`` counts the ISO3 codes the article names; it decides between
    namesake cities ("Tripoli" in a story about Lebanon).
    """
    if len(sentence) == 0 or trigger.doc is not sentence.doc \
            or not sentence.start <= trigger.i < sentence.end:
        return None
    gazetteer = load_gazetteer()
    places = _Places(gazetteer, countries_in_article, fallback_country)
    for phrase in _locative_phrases(sentence, trigger):
        found = places.resolve(phrase)
        if found is not None:
            return found
    return _country(gazetteer, fallback_country) if fallback_country else None


def _anchors(trigger: Token) -> list[Token]:
    """The trigger, its governing verb and the clauses that verb is chained to, nearest first."""
    anchors = [trigger]
    current = trigger
    for _ in range(MAX_HOPS):
        if current.head is current or (current.pos_ in VERB_TAGS and not _chained(current)):
            break
        current = current.head
        if current.pos_ in VERB_TAGS and current not in anchors:
            anchors.append(current)
    return anchors


def _chained(verb: Token) -> bool:
    """Whether ``verb``'s clause tells the same event as the clause it hangs on."""
    return verb.dep_ in CHAINED_DEPS or _same_moment(verb)


def _same_moment(verb: Token) -> bool:
    """An adverbial clause of the same moment: "when gunmen stormed ...", "killing nine"."""
    if verb.dep_ != "advcl" or verb.pos_ not in VERB_TAGS:
        return False
    markers = {c.lower_ for c in verb.children if c.dep_ in {"mark", "advmod"}
               and c.pos_ in {"SCONJ", "ADP"}}
    return bool(markers & SAME_TIME_MARKERS) or (not markers and verb.tag_ == "VBG")


def _locative_phrases(sentence: Span, trigger: Token) -> Iterator[list[Span]]:
    """Entity spans of each locative phrase, nearest to the trigger first: the phrases on the
    trigger, its verbs and their objects, then on their subjects ("Fighting in Tripoli killed
    12"), then in adverbial clauses of the same moment ("killed when gunmen stormed a market
    in Zamfara")."""
    anchors = _anchors(trigger)
    same_moment = [c for a in anchors for c in a.children
                   if c not in anchors and _same_moment(c)]
    anchor_ids = {a.i for a in (*anchors, *same_moment)}
    entity_of = {i: ent for ent in sentence_ents(sentence) for i in range(ent.start, ent.end)}
    seen: set[int] = set()
    for group in (anchors, same_moment):
        for with_subjects in (False, True):
            for anchor in group:
                for opener, spans in _search(sentence, anchor, anchor_ids, entity_of,
                                             with_subjects):
                    if opener not in seen:
                        seen.add(opener)
                        yield spans


def _search(sentence: Span, anchor: Token, anchor_ids: set[int], entity_of: dict[int, Span],
            with_subjects: bool) -> list[tuple[int, list[Span]]]:
    """Breadth-first walk of ``anchor``'s clause; returns, per locative phrase (keyed by the
    index of the preposition that opens it), the entity spans inside it in walk order."""
    phrases: dict[int, list[Span]] = {}
    queue: deque[tuple[Token, int | None]] = deque([(anchor, None)])
    visited = {anchor.i}
    while queue:
        token, opener = queue.popleft()
        for child in token.children:
            if child.i in visited or not sentence.start <= child.i < sentence.end \
                    or not _same_clause(child, token.i in anchor_ids and with_subjects):
                continue
            visited.add(child.i)
            if child.dep_ in {"prep", "agent"} or child.pos_ == "ADP":
                child_opener = _opens(child, token, opener, token.i in anchor_ids)
            else:
                child_opener = opener
            if child_opener is not None and (ent := entity_of.get(child.i)) is not None:
                spans = phrases.setdefault(child_opener, [])
                if ent not in spans:
                    spans.append(ent)
            queue.append((child, child_opener))
    return list(phrases.items())


def _same_clause(child: Token, subjects_allowed: bool) -> bool:
    """Whether the walk may step to ``child``: not into another clause, and into a subject
    only when asked."""
    if child.dep_ in CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ in VERB_TAGS):
        return False
    return subjects_allowed or child.dep_ not in SUBJECT_DEPS


def _opens(prep: Token, head: Token, opener: int | None, on_anchor: bool) -> int | None:
    """The phrase a preposition leaves its object in: the enclosing place phrase, a new one
    (its own index), or none (None: "sanctions on Mali" names a target, not a place)."""
    word = prep.lower_
    if word in LINKING_PREPS:
        if head.lemma_.lower() in LOCATIVE_HEADS:
            return opener if opener is not None else prep.i
        return opener if word == "of" else None
    if word in LOCATIVE_PREPS or (word in DIRECT_PREPS and on_anchor):
        return opener if opener is not None else prep.i
    return None


class _Places:
    """Resolves the entity spans of one phrase against the gazetteer and the article."""

    def __init__(self, gazetteer: Gazetteer, counts: Counter[str], fallback: str | None
                 ) -> None:
        self.gazetteer = gazetteer
        self.counts = counts
        self.fallback = fallback

    def resolve(self, spans: list[Span]) -> Location | None:
        """The phrase's most precise place ("Gao" in "Mali's Gao region"), the first of
        equally precise ones."""
        found = [place for span in spans if span.label_ in PLACE_LABELS
                 and (place := self._place(span, self._hints(span, spans))) is not None]
        return min(found, key=lambda p: PRECISIONS.index(p.precision or "country"),
                   default=None)

    def _hints(self, span: Span, spans: list[Span]) -> set[str]:
        """Countries the rest of the phrase names: "Gao, Mali", "the Malian town of Gao",
        "Tripoli and Sidon", "Paris, Kentucky"."""
        hints: set[str] = set()
        for other in spans:
            kind, _, iso3 = other.ent_id_.partition(":")
            country = iso3 if kind in HINT_KINDS else None
            if not kind:
                country = self.gazetteer.admin1_country(other.text)
            if other != span and country:
                hints.add(country)
        return hints

    def _place(self, span: Span, hints: set[str]) -> Location | None:
        """One entity as a place: a country, a city (admin1 before "state", "region" ...),
        the country of a region the ruler knows ("Darfur"), or None."""
        kind, _, iso3 = span.ent_id_.partition(":")
        if kind not in {"", "country", "seat", "place"}:
            return None  # an organisation or a person the ruler knows
        text = span.text.removeprefix("the ").removeprefix("The ")
        division = None
        if (after := _modified_noun(span)) is not None:
            if (city := self._city(f"{text} {after.text}", hints, None)) is not None:
                return city  # "Kuwait City", "Gaza City"
            word = after.lemma_.lower()
            if word in DIVISION_NOUNS:
                division = f"{text} {after.text}"
            elif word in FEATURE_NOUNS or (after.pos_ == "PROPN" and word not in PART_NOUNS):
                return None
        if kind == "country":
            return _country(self.gazetteer, iso3)
        if not kind and (named := self.gazetteer.country_named(text)):
            return _country(self.gazetteer, named)
        city = self._city(text, hints, iso3 or None)
        if city is not None and division is not None:
            return replace(city, name=division, precision="admin1")
        if city is not None:
            return city
        return _country(self.gazetteer, iso3) if iso3 else None

    def _city(self, name: str, hints: set[str], tagged: str | None) -> Location | None:
        city = choose_city(self.gazetteer.cities(name), hints, self.counts, self.fallback, tagged)
        if city is None:
            return None
        return Location(city.name, city.country, city.lat, city.lon, city.geonameid, "city")


def choose_city(cities: tuple[City, ...], phrase_countries: set[str], counts: Counter[str],
                event_country: str | None, tagged: str | None) -> City | None:
    """The namesake the context supports: one in a country named in the same phrase, then in
    the countries the article names most (the event's own country counting once more), then
    in the ruler's reading ``tagged``, then the most populous. None when nothing supports it
    and it is small (``UNSUPPORTED_MIN_POPULATION``), or the ruler read another country."""

    def support(city: City) -> int:
        # The mention itself was counted for the ruler's reading ("Tripoli" as Libya's seat),
        # so that count only supports the reading beyond this one mention.
        own = 1 if city.country == tagged else 0
        event = 1 if city.country == event_country else 0
        return max(counts.get(city.country, 0) - own, 0) + event

    best = max(cities, key=lambda c: (c.country in phrase_countries, support(c),
                                      c.country == tagged, c.population), default=None)
    if best is None:
        return None
    if best.country in phrase_countries or support(best) > 0 or best.country == tagged:
        return best
    return best if tagged is None and best.population >= UNSUPPORTED_MIN_POPULATION else None


def _modified_noun(span: Span) -> Token | None:
    """The noun right after ``span`` that the span modifies ("Mensah" in "Chad Mensah",
    "state" in "Kaduna state"), if any."""
    root = span.root
    head = root.head
    if root.dep_ == "compound" and head.i == span.end and head.pos_ in {"NOUN", "PROPN"}:
        return head
    return None


def _country(gazetteer: Gazetteer, iso3: str) -> Location | None:
    point = gazetteer.countries.get(iso3)
    if point is None:
        return None
    return Location(point.name, point.iso3, point.lat, point.lon, point.geonameid, "country")
