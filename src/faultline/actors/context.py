"""The article a mention is read in: the country it is about (weighted country mentions and the
dateline), which reading of a shared name it means, and which KB key a token has here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from faultline.actors.kb import load_kb
from faultline.actors.keys import Base, base_from_key, shared_name
from faultline.actors.records import KnowledgeBase
from faultline.actors.tokens import (
    currency,
    entity_key,
    ethnic,
    hyphen_follows,
    phrase_head,
    role_of,
)
from faultline.actors.words import words
from faultline.geo import load_gazetteer
from faultline.model import Actor, Article

# Weights for guessing what country an article is about: a country named as a noun counts
# more than an adjective ("U.S. officials"), and the lead sentence counts double.
NOUN_WEIGHT = 1.0
ADJECTIVE_WEIGHT = 0.5
LEAD_FACTOR = 2.0
DATELINE_WEIGHT = 2.0  # a dateline counts like a country named in the lead
# KB keys that name a country (the state, its capital, its people, one of its places).
PLACE_KINDS = frozenset({"country", "seat", "adj", "place"})
# Words before a country name that make it a river or a region, not the state.
GEOGRAPHIC_WORDS = frozenset({"river", "lake", "delta", "basin", "valley"})
# "South Lebanon", "Northern Mali": a part of the country still names it.
COMPASS_WORDS = words("compass_word")
# Seats of government that also stand for an organisation the article names, in order of
# preference: "Brussels" is the EU (else NATO) when the story names it.
ORGANISATION_SEATS = {"Brussels": ("igo:IGOEUR", "igo:IGONAT")}
# "anti-Syria", "pro-Russian": a stance towards the country, not the country.
STANCE_PREFIXES = frozenset({"anti", "pro"})
# Last words of names of national bodies ("Kenya Airways", "Nigeria Police Force").
INSTITUTION_WORDS = words("institution_word")


@dataclass
class ArticleContext:
    """One parsed article and what the resolver knows of it before reading any mention: the
    country it is about, the KB names it uses, and the named actors found so far."""

    doc: Doc
    article: Article
    kb: KnowledgeBase
    about: str | None
    about_share: float = 0.0
    named: list[tuple[int, Actor]] = field(default_factory=list)
    # text of the KB entity each token is part of, and how often each country is named
    ent_text: dict[int, str] = field(default_factory=dict)
    countries_named: Counter[str] = field(default_factory=Counter)

    def checked(self, token: Token, key: str) -> Base | None:
        """Apply the context rules that a bare KB key cannot know."""
        if key.startswith("name:"):
            base = shared_name(self.kb, key[5:], self.article.published, self.countries_named)
        else:
            base = base_from_key(self.kb, key, self.article.published)
        if base is None:
            return None
        # A text about Niger that writes "Nigerian" (a common mistranslation of "Nigerien")
        # of its institutions ("the Nigerian army") means Niger unless it names Nigeria
        # itself somewhere; a named person's nationality ("Nigerian minister X") stays.
        if key == "adj:NGA" and self.about == "NER" and not self._names("NGA") \
                and phrase_head(token).pos_ != "PROPN":
            return base_from_key(self.kb, "adj:NER", self.article.published)
        # "Brussels suspended its support" in a story about the EU is the EU.
        for organisation in ORGANISATION_SEATS.get(self.ent_text.get(token.i, ""), ()):
            if any(t.ent_id_ == organisation for t in self.doc):
                return base_from_key(self.kb, organisation, self.article.published) or base
        return base

    def _names(self, iso3: str) -> bool:
        return any(t.ent_id_ in {f"country:{iso3}", f"seat:{iso3}"} for t in self.doc)

    def key(self, token: Token) -> str | None:
        """The token's KB key, unless the name is used as something else here: a first or
        last name ("Chad Smith", "Michael Jordan"), a river or region ("the Niger River",
        "Niger Delta", "Niger State"), or the US state ("Washington state")."""
        key = entity_key(token)
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
        if token.head.i != token.i and role_of(self.kb, token.head):
            return key  # "Mali Defence Ministry", "US Senate": the state's own institution
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.ent_id_.startswith(("person:", "name:")) \
                and after.ent_iob_ == "B":
            return None  # "Georgia Meloni": a first name before a known person's name
        if after is not None and after.pos_ == "PROPN" and after.is_title and not after.ent_id_ \
                and not hyphen_follows(after) \
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


def dateline_countries(article: Article) -> list[str]:
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


def main_country(doc: Doc, dateline: list[str]) -> tuple[str | None, float]:
    """The main country and its share of the weighted country mentions, a dateline's country
    counting ``DATELINE_WEIGHT`` (the story is filed from there)."""
    scores: Counter[str] = Counter({iso3: DATELINE_WEIGHT for iso3 in dateline})
    first: dict[str, int] = {iso3: -1 for iso3 in dateline}
    first_sentence_end = next(iter(doc.sents)).end if len(doc) else 0
    for ent in doc.ents:
        kind, _, iso3 = ent.ent_id_.partition(":")
        if kind == "group":  # an armed group hints at where the story is
            kind, iso3 = "place", load_kb().organisations[iso3].country or ""
        if kind not in PLACE_KINDS or currency(ent) or ethnic(ent.root) or not iso3:
            continue
        weight = ADJECTIVE_WEIGHT if kind in {"adj", "place"} \
            or ent.root.dep_ in {"compound", "amod"} else NOUN_WEIGHT
        scores[iso3] += weight * (LEAD_FACTOR if ent.start < first_sentence_end else 1.0)
        first.setdefault(iso3, ent.start)
    if not scores:
        return None, 0.0
    best = max(scores, key=lambda iso: (scores[iso], -first[iso]))
    return best, scores[best] / sum(scores.values())
