"""Descriptions that name no actor themselves and take one from the article: "the two
countries" (the last two named), "the bloc" (the organisation named before), "the junta", "the
foreign ministry" (the article's country, or the one whose role was named just before), and the
unqualified domestic actors of a story about one country ("rebels", "President X").
"""

from __future__ import annotations

from spacy.tokens import Token

from faultline.actors.context import ArticleContext
from faultline.actors.coref import sentence_window
from faultline.actors.keys import Base
from faultline.actors.records import org_key_kind
from faultline.actors.tokens import (
    MODIFIER_DEPS,
    mention_text,
    military_government,
    role_of,
    title_role,
    unknown_place,
)
from faultline.actors.words import words
from faultline.model import Actor

# Definite descriptions that stand for the country the article is about.
COUNTRY_WORDS = frozenset({"country", "nation", "state"})
DEFINITE = frozenset({"the", "its", "their", "this"})
# Heads that say little about the role: a role word among their modifiers is more specific
# ("intelligence officials": SPY, "rebel leaders": REB, "opposition candidates": OPP).
GENERIC_HEADS = words("generic_head")
# Heads that name a body of people: a role among their modifiers makes a description ("the
# opposition coalition"), where a thing does not ("the military equipment").
GROUP_HEADS = words("group_head")
# Heads of definite descriptions that stand for an international organisation named before.
ORGANISATION_HEADS = words("organisation_head")
# Of those, the ones that may stand for an armed group or movement too ("the group").
GROUP_DESCRIPTIONS = words("group_description")
# How far back a definite description ("the ministry") looks for the same role.
RECENT_SENTENCES = 2
# "the two countries", "both neighbours": the last two countries named.
PAIR_HEADS = words("pair_head")
PAIR_WORDS = frozenset({"two", "both"})
PAIR_SIZE = 2
# Regions across several countries: a name for no country and no people ("Sahel leaders").
REGION_NAMES = words("region_name")
# Peoples who live across several states: without a place named, not the story's country's
# ("Kurdish forces" in a story about Iraq and Syria).
TRANSNATIONAL_PEOPLES = words("transnational_people")
# Roles of state titles ("President X", "General Y") an unknown person takes the story's
# country for, and of bare plural groups that do ("rebels", "students", "police").
STATE_TITLE_ROLES = words("state_title_role")
DOMESTIC_ROLES = words("domestic_role")
# The main country must have at least this share of the story's country mentions.
DOMESTIC_SHARE = 0.5


def pair(ctx: ArticleContext, head: Token) -> list[Actor]:
    """"the two countries", "both governments", "the two neighbours": the two most
    recently named countries (this sentence and the ones before), as the head's role
    gives them ("governments": GOV); nothing when fewer than two are named."""
    if head.lemma_.lower() not in PAIR_HEADS or not any(
            c.lower_ in PAIR_WORDS for c in head.children if c.dep_ in {"nummod", "det",
                                                                       "predet", "amod"}):
        return []
    role = role_of(ctx.kb, head)
    found: list[Actor] = []
    for index, actor in reversed(ctx.named):
        country = actor.country
        if index >= head.i or not country or country in {a.country for a in found} \
                or country not in ctx.kb.countries:
            continue
        code = f"{country}{role}" if role else country
        found.append(Actor(text=mention_text(head), code=code, country=country,
                           role=role, name=ctx.kb.countries[country].name))
        if len(found) == PAIR_SIZE:
            return found[::-1]
    return []


def description(ctx: ArticleContext, head: Token, role: str | None) -> Base | None:
    """Rule 4: a definite description takes the organisation named before ("the bloc"), the
    military government named last ("the junta"), or the country the article is about ("the
    country", "its army", "the foreign ministry")."""
    determiners = {c.lower_ for c in head.children if c.dep_ in {"det", "poss"}}
    if head.lemma_.lower() in ORGANISATION_HEADS and determiners & DEFINITE \
            and head.pos_ == "NOUN" and head.is_lower:
        # "the bloc": the organisation named before (not a name: "the African Union")
        return _recent_organisation(ctx, head)
    if ctx.about is None:
        return None
    possessor_is_country = any(
        c.dep_ in {"poss", "nmod"} and c.lemma_.lower() in COUNTRY_WORDS for c in head.children)
    if any(c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN" and not c.ent_id_
           and c.ent_type_ not in {"NORP", "GPE", "LOC"} for c in head.children):
        return None  # "the Bush administration": someone's, not the article country's
    country = ctx.about
    if military_government(head):
        # "the junta" is the military government named last, else the article's country.
        country = next((a.country for i, a in reversed(ctx.named)
                        if i < head.i and a.country and military_government(ctx.doc[i])),
                       ctx.about)
    if head.lemma_.lower() in COUNTRY_WORDS and determiners & DEFINITE:
        return Base(country, country, ctx.kb.countries[country].name)
    if not (role_of(ctx.kb, head) or head.lemma_.lower() in GENERIC_HEADS | GROUP_HEADS):
        return None  # "the military equipment": a role word only as a modifier
    if role is not None and (determiners & DEFINITE or possessor_is_country):
        if not possessor_is_country and not military_government(head):
            # "The foreign ministry summoned …" after "Mali's government criticised …":
            # the same role named just before, else the article's country.
            country = _recent_role(ctx, head, role) or country
        return Base(country, country, ctx.kb.countries[country].name)
    return None


def _recent_organisation(ctx: ArticleContext, head: Token) -> Base | None:
    """The organisation named last in this or the previous ``RECENT_SENTENCES``
    sentences ("ECOWAS lifted … The bloc said …"; "Hamas … the group"): an international
    one for "the bloc", an armed group or movement too for "the group"."""
    start = sentence_window(head, RECENT_SENTENCES)
    igo_only = head.lemma_.lower() not in GROUP_DESCRIPTIONS
    for index, actor in reversed(ctx.named):
        org = ctx.kb.by_code.get(actor.code or "")
        if not start <= index < head.i or org is None:
            continue
        kind = org_key_kind(org)
        if igo_only and kind != "igo":
            continue
        return Base(org.code, org.country, org.name, org.role, kind=kind)
    return None


def _recent_role(ctx: ArticleContext, head: Token, role: str) -> str | None:
    """The country of the subject with ``role`` named last in this or the previous
    ``RECENT_SENTENCES`` sentences (a subject: the actor the story is following, not
    one mentioned in passing, "remarks by a French minister")."""
    start = sentence_window(head, RECENT_SENTENCES)
    return next((a.country for i, a in reversed(ctx.named)
                 if start <= i < head.i and a.role == role and a.country
                 and ctx.doc[i].dep_ in {"nsubj", "nsubjpass"}), None)


def domestic(ctx: ArticleContext, head: Token, role: str | None) -> Base | None:
    """Actors a story about one country leaves unqualified are that country's: a person with
    a state title and no nationality ("President X" in a story about Uganda), and bare
    plural groups that are not the state ("rebels", "Islamic fundamentalists", "Hutu
    rebels"). Needs a clear main country; state bodies ("troops", "officials") are not
    guessed, since foreign ones are as often meant."""
    if ctx.about is None or ctx.about_share < DOMESTIC_SHARE:
        return None
    if head.tag_ == "NNS" and any(
            c.dep_ in MODIFIER_DEPS and not c.ent_id_ and c.is_title
            and c.text not in REGION_NAMES and c.text not in TRANSNATIONAL_PEOPLES
            and (c.ent_type_ == "NORP" or (c.pos_ == "PROPN" and (
                c.ent_type_ not in {"ORG", "GPE", "FAC", "LOC"} or unknown_place(c))))
            for c in head.children):
        # A people the KB has no state for ("Yoruba leaders", "Ibo elders"); the parser
        # may call the people a place, so a "place" no gazetteer knows counts too.
        return Base(ctx.about, ctx.about, ctx.kb.countries[ctx.about].name)
    if role is None:
        return None
    if head.pos_ == "PROPN" and role in STATE_TITLE_ROLES and title_role(ctx.kb, head):
        return Base(ctx.about, ctx.about, ctx.kb.countries[ctx.about].name)
    bare = not any(c.dep_ in {"det", "poss"} for c in head.children)
    security = role == "MIL" and any(c.lemma_.lower() == "security" for c in head.children)
    if bare and head.tag_ == "NNS" and (role in DOMESTIC_ROLES or security):
        # ("security forces" are a country's own; bare "troops" may be anyone's)
        return Base(ctx.about, ctx.about, ctx.kb.countries[ctx.about].name)
    return None
