"""What a mention's words and parse say, knowledge base aside from its role words: role words and
titles, phrase heads and modifiers, former office holders, languages, money, ethnic groups.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from faultline.actors.records import KnowledgeBase
from faultline.actors.words import words
from faultline.geo import load_gazetteer
from faultline.nlp.spans import entity_at

MILITARY_GOVERNMENT_HEADS = frozenset({"government", "regime", "ruler", "leader", "authority"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
# Verbs whose object, and the preposition "in", make a bare demonym a language.
LANGUAGE_VERBS = words("language_verb")
# Words that make an office holder a former one: an elite, no longer the government.
FORMER_WORDS = words("former_word")


def role_of(kb: KnowledgeBase, token: Token) -> str | None:
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


def phrase_head(token: Token) -> Token:
    """The noun a modifier belongs to ("Nigerian junior minister X" → X)."""
    while token.dep_ in {"amod", "compound", "nmod"} and token.head.i != token.i:
        token = token.head
    return token


def mention_head(token: Token) -> Token:
    """The head of the phrase a modifier (or a coordinated modifier) belongs to: "Hungarian" in
    "Senior Hungarian and Romanian officials" → "officials"."""
    while token.head.i != token.i and is_modifier(token):
        token = token.head
    return token


def is_modifier(token: Token) -> bool:
    """A modifier of a noun, or a modifier coordinated with one ("Romanian" in "Hungarian and
    Romanian officials")."""
    return token.dep_ in MODIFIER_DEPS or (token.dep_ == "conj" and token.head.dep_ in
                                           MODIFIER_DEPS)


def military_government(token: Token) -> bool:
    """"junta", "military government", "military rulers": a government of soldiers."""
    lemma = token.lemma_.lower()
    return lemma == "junta" or (lemma in MILITARY_GOVERNMENT_HEADS and any(
        c.lemma_.lower() == "military" for c in token.children if c.dep_ in MODIFIER_DEPS))


def is_former(head: Token) -> bool:
    """"former President X", "ousted leader", "ex-minister"."""
    for child in head.lefts:
        for token in child.subtree:
            if token.lower_ in FORMER_WORDS or token.lower_.startswith("ex-"):
                return True
    return False


def language_use(head: Token, key: str | None) -> bool:
    """A bare singular demonym as a phrase head ("in French", "speaks Arabic") names a
    language; people take a plural ("Palestinians") or a determiner ("a Liberian")."""
    if not (key and key.startswith("adj:") and head.ent_iob_ == "B"
            and head.head.i != head.i):
        return False
    parent = head.head
    return (parent.lower_ == "in" or parent.lemma_ in LANGUAGE_VERBS) \
        and not is_modifier(head) and not head.lower_.endswith("s") \
        and not any(c.dep_ in {"det", "nummod"} for c in head.children)


def entity_key(token: Token) -> str | None:
    return token.ent_id_ or None if token.ent_type_ else None


def title_role(kb: KnowledgeBase, head: Token) -> str | None:
    """The role of a title before a name, through compound chains ("President Prosper
    Avril", "Lt. Gen. X")."""
    for child in head.lefts:
        if child.dep_ == "compound":
            for token in child.subtree:
                if token.i < head.i and (role := role_of(kb, token)):
                    return role
    return None


def mention_text(head: Token) -> str:
    """The words of the phrase ``head`` heads, as an actor's ``text``: its modifiers, names in
    apposition and of-phrase, not a preposition or conjunction before it."""
    left = head.left_edge.i
    for child in head.lefts:
        if child.dep_ in {"punct", "cc", "prep"}:
            left = child.i + 1
    right = head.i
    for child in head.rights:
        if child.dep_ in {"appos", "compound", "flat"} or (
                child.dep_ == "prep" and child.lower_ == "of"):
            right = child.right_edge.i
    return head.doc[left:right + 1].text


def entity_text(head: Token) -> str:
    """The name ``head`` is part of, else the word itself."""
    span = entity_at(head)
    return span.text if span is not None else head.text


def unknown_place(token: Token) -> bool:
    """A name tagged as a place that neither the knowledge base nor the gazetteer knows."""
    gazetteer = load_gazetteer()
    return token.ent_type_ == "GPE" and not gazetteer.cities(token.text) \
        and gazetteer.country_named(token.text) is None


def hyphen_follows(token: Token) -> bool:
    """"Kenya Anti-Corruption Commission": a name is not followed by a hyphenated word, so
    "Kenya" here is the country, not a first name."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text == "-"


def ethnic(token: Token) -> bool:
    """"ethnic Albanians", "ethnic Albanian guerrillas": a people, not a state."""
    return any(c.lower_ == "ethnic" for c in (*token.children, *token.head.children))


def currency(ent: Span) -> bool:
    """"US $50 million", "Canadian dollars": money, not the country."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is not None and (after.text == "$" or after.lemma_.lower() == "dollar")
