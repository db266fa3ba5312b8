"""What a knowledge-base key stands for on a date, before the mention's own role is read: a
country, a place, an organisation, a person in or out of office, or a name several people share.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from faultline.actors.records import INTERNATIONAL_PREFIXES, KnowledgeBase, ex_officio, term_on

FORMER_ROLE = "ELI"


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


def base_from_key(kb: KnowledgeBase, key: str, date: str | None) -> Base | None:
    kind, _, value = key.partition(":")
    if kind in {"country", "seat", "adj"}:
        country = kb.countries[value]
        return Base(value, value, country.name, "GOV" if kind == "seat" else None, kind=kind)
    if kind == "place":
        return Base(value, value, kb.countries[value].name, kind=kind)
    if kind == "name":
        return shared_name(kb, value, date)
    if kind in {"igo", "group"}:
        org = kb.organisations[value]
        return Base(org.code, org.country, org.name, org.role, kind=kind)
    if kind == "person":
        return person_base(kb, key, date)
    return None


def person_base(kb: KnowledgeBase, key: str, date: str | None) -> Base:
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
            last = max(past, key=lambda t: (t.end or "", not ex_officio(t)))
            where, role = last.country, None if last.stale else FORMER_ROLE
        else:
            where, role = min(dated, key=lambda t: (t.sort_start, ex_officio(t))).country, None
    name = terms[0].name
    if not where or where.startswith(INTERNATIONAL_PREFIXES):
        return Base(where or None, None, name, role, key, kind="person")
    if (group := kb.by_code.get(where)) is not None:  # a group's leader: the group's code
        return Base(where, group.country, name, role, key, kind="person")
    former = where if role == FORMER_ROLE else None
    return Base(where, where, name, role, key, kind="person", former=former)


def shared_name(kb: KnowledgeBase, alias: str, date: str | None,
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
        countries = {e: person_base(kb, e, date).country for e in candidates}
        mentioned = [e for e in candidates if named.get(countries[e] or "", 0) > 0]
        candidates = mentioned or candidates
    if len(candidates) == 1:
        return person_base(kb, candidates[0], date)
    bases = [person_base(kb, e, date) for e in candidates]
    entity = "ambiguous:" + "|".join(candidates)
    countries = {b.country for b in bases}
    if len(countries) == 1 and None not in countries:  # "Bush": a US president either way
        roles = {b.role for b in bases}
        return replace(bases[0], role=roles.pop() if len(roles) == 1 else None, entity=entity)
    return Base(None, None, bases[0].name, kind="person", entity=entity)
