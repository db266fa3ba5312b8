"""Event dates from the sentence's own time expressions, read against the publication date.

Dates are written YYYY-MM-DD; ``date_precision`` says which parts are meaningful (a month- or
year-precision date points at the first day of that month or year). Relative expressions
("on Thursday", "last month", "earlier this year") need the publication date; absolute ones
("in 2019", "on April 10, 2023") do not. A sentence without any expression takes the
publication date, unless its event lies in the future; with no publication date the event
date stays unknown.

Background: a perfect ("has demanded", "had shot"), a past relative clause ("rebels who seized
the town"), a span ("since 2013") or a time counted from the story's past ("twelve days
later") tells an earlier event. Such an event takes the date its own expressions give, else
none, never the publication day. An expression dates only the clause it belongs to, and a year
that modifies a noun ("the 1979 treaty", "the 2008 attacks") dates only that noun's event.
Cue words are in ``data/cues.tsv``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from faultline.events.rules import load_cues
from faultline.nlp.spans import entity_at, sentence_ents

MONTHS = {name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
# Summer, for "last summer": the northern-hemisphere months news agencies mean.
SUMMER_MONTH = 7
# Years outside this range in a sentence are numbers, not dates.
YEAR_RANGE = (1900, 2100)

_YEAR = re.compile(r"\b(1[9]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None
    precision: str | None
    cue: str = ""  # how the date was found, for the event's trace
    background: bool = False  # the sentence tells this event as the story's past



def _iso(year: int, month: int = 1, day: int = 1) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_before(published: dt.date, month: int) -> int:
    """The year of the most recent ``month`` on or before the publication date."""
    return published.year if month <= published.month else published.year - 1


def read_expression(text: str, published: dt.date | None) -> EventDate | None:
    """A date from one time expression, or None if it says nothing usable."""
    words = text.lower().replace(",", " ").split()
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    month = next((MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in MONTHS), None)
    if month is not None:
        day_match = next((m for m in _DAY.finditer(_YEAR.sub(" ", text))
                          if 1 <= int(m.group(1)) <= 31), None)
        if year is None:
            if published is None:
                return None
            year = _month_before(published, month)
            if "last year" in " ".join(words):  # "in March last year"
                year = min(year, published.year - 1)
        if day_match:
            return EventDate(_iso(year, month, int(day_match.group(1))), "day")
        return EventDate(_iso(year, month), "month")
    if year is not None and YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return EventDate(_iso(year), "year")
    if published is None:
        return None
    return _relative(words, published)


# Counts written as words in "two years ago", "a month ago".
COUNT_WORDS = {word: i for i, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
COUNT_WORDS.update({"a": 1, "an": 1})
_AGO = re.compile(r"\b(\w+) (year|month|week|day)s? ago\b")


def _ago(joined: str, published: dt.date) -> EventDate | None:
    """"two years ago" (year precision), "three months ago" (month), "ten days ago" (day)."""
    found = _AGO.search(joined)
    if found is None:
        return None
    count_text, unit = found.groups()
    count = int(count_text) if count_text.isdigit() else COUNT_WORDS.get(count_text)
    if count is None:
        return None
    if unit == "year":
        return EventDate(_iso(published.year - count), "year")
    if unit == "month":
        months = published.year * 12 + published.month - 1 - count
        return EventDate(_iso(months // 12, months % 12 + 1), "month")
    days = count * (7 if unit == "week" else 1)
    return EventDate((published - dt.timedelta(days=days)).isoformat(), "day")


def _relative(words: list[str], published: dt.date) -> EventDate | None:
    joined = " ".join(words)
    day = dt.timedelta(days=1)
    if (ago := _ago(joined, published)) is not None:
        return ago
    if "yesterday" in words:
        return EventDate((published - day).isoformat(), "day")
    if "today" in words or "tonight" in words or "this morning" in joined:
        return EventDate(published.isoformat(), "day")
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    if weekday is not None:
        back = (published.weekday() - weekday) % 7
        if "last" in words and back == 0:
            back = 7
        return EventDate((published - back * day).isoformat(), "day")
    if "weekend" in words:  # "at the weekend": the Saturday before
        back = (published.weekday() - WEEKDAYS["saturday"]) % 7 or 7
        return EventDate((published - back * day).isoformat(), "day")
    if "last week" in joined or "past week" in joined:
        return EventDate((published - 7 * day).isoformat(), "day")
    if "last month" in joined:
        first = published.replace(day=1) - day
        return EventDate(_iso(first.year, first.month), "month")
    if "this month" in joined or "earlier this month" in joined:
        return EventDate(_iso(published.year, published.month), "month")
    if "last year" in joined:
        return EventDate(_iso(published.year - 1), "year")
    if "this year" in joined:
        return EventDate(_iso(published.year), "year")
    if "last summer" in joined:
        year = published.year if published.month > SUMMER_MONTH + 1 else published.year - 1
        return EventDate(_iso(year, SUMMER_MONTH), "month")
    return None


def _clause_verb(token: Token) -> Token:
    """The verb whose clause a word belongs to (the word itself if no verb governs it)."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head != current:
        current = current.head
    return current


# Dependencies by which a date modifies a noun rather than a clause ("the 1979 treaty").
NOUN_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "poss"})


def _owner(ent: Span) -> Token:
    """What a DATE entity dates: the noun it modifies ("the 2008 attacks"), else the verb of its
    clause."""
    root = ent.root
    head = root.head
    if root.dep_ in NOUN_MODIFIER_DEPS and head.pos_ in {"NOUN", "PROPN"} \
            and head.ent_type_ not in {"DATE", "TIME"} \
            and head.lemma_.lower() not in load_cues()["time_noun"]:
        return head  # not "Tuesday evening", "a 2019 summer": those are times themselves
    return _clause_verb(head)


def _noun_phrase(noun: Token) -> tuple[Token, ...]:
    """The noun and, for "rounds of talks", "a series of strikes", the noun it is "of"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return noun, noun.head.head
    return (noun,)


def _time_expressions(sentence: Span, verb: Token, trigger: Token | None = None,
                      governing: bool = True) -> list[Span]:
    """DATE entities of the trigger's clause (or modifying the trigger noun), then, with
    ``governing``, of a clause governing it, nearest first. "last summer" in a coordinated
    clause does not date the first one."""
    found = []
    for ent in sentence_ents(sentence):
        if ent.label_ != "DATE":
            continue
        owner = _owner(ent)
        if owner == verb or (trigger is not None and owner == trigger):
            found.append((0, ent))
        elif trigger is not None and trigger != verb and owner.dep_ == "acl" \
                and owner.head in _noun_phrase(trigger):
            found.append((0, ent))  # "(rounds of) talks brokered by Qatar in 2023"
        elif governing and owner.pos_ in {"VERB", "AUX"} and owner.is_ancestor(verb):
            found.append((1, ent))
        elif owner.dep_ == "advcl" and owner.head == verb and any(
                c.dep_ == "advmod" and c.lower_ == "when" for c in owner.children):
            found.append((1, ent))  # "when soldiers seized power in 2020, they promised …"
    return [ent for _, ent in sorted(found, key=lambda pair: (pair[0], pair[1].start))]


# Entity types of a relative clause's antecedent that make the clause describe someone.
ACTOR_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE"})
# Relative words of clauses about a place or a time, not about someone ("where he met").
SETTING_RELATIVES = frozenset({"where", "when", "whereby"})
# Clause links through which a reporting verb reports its clause.
REPORTED_DEPS = frozenset({"ccomp", "conj"})


def _perfect(verb: Token) -> bool:
    """"has frozen", "had shot": a perfect of the verb itself."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() in load_cues()["perfect_aux"]
        for c in verb.children)


def _pluperfect(verb: Token) -> bool:
    """"had shot", "had been killed": a past perfect tells what came before the story's news
    (unless dated or reported). The present perfect ("has expelled") reports fresh news in
    wire copy as often as background, so alone it is no cue."""
    return _perfect(verb) and any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)


def _standing(verb: Token) -> str | None:
    """"Turkey has demanded that …", "Pakistan accuses the Taliban of …": a present perfect or
    a simple present that no speech verb reports and no time expression dates tells a standing
    position or a result, not the day's news (the story's news is dated or reported: "said on
    Tuesday it had …"); statements in the present ("says", "warns") are the day's news."""
    if _reported(verb) or verb.dep_ == "ccomp":
        return None
    if _perfect(verb) and not _pluperfect(verb):
        return "time:present_perfect"
    if verb.tag_ in {"VBZ", "VBP"} and verb.lemma_.lower() not in load_cues()["news_present"]:
        return "time:simple_present"
    return None


def _reported(verb: Token) -> bool:
    """"the army said it had arrested two men": a reported past perfect is the speaker's news,
    dated by the reporting clause."""
    current = verb
    while current.dep_ in REPORTED_DEPS and current.head != current:
        current = current.head
        if current.pos_ in {"VERB", "AUX"} and current.dep_ != "conj":
            return current != verb
    return False


def _about_someone(verb: Token) -> bool:
    """"rebels who seized the town", "Armenia, which froze its membership", "Egypt, which backs
    the army": a past or present relative clause describing an actor by what it did before or
    does as a rule (not "which will host", not "who were killed on Tuesday": those are dated
    by their own expressions first)."""
    if verb.dep_ != "relcl" or not (verb.tag_ in {"VBD", "VBZ", "VBP"} or _perfect(verb)):
        return False
    if any(c.lower_ in SETTING_RELATIVES for c in verb.children if c.dep_ == "advmod"):
        return False
    antecedent = verb.head
    return antecedent.ent_type_ in ACTOR_ENTITIES or antecedent.pos_ == "PROPN"


def _clause_chain(verb: Token) -> list[Token]:
    """The verb and, for a coordinated verb ("has struck X since 2021 and occupied Y"), the
    verb it is coordinated with: a cue on the first clause covers the second."""
    return [verb, verb.head] if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} \
        else [verb]


def _past_cue(verb: Token) -> str | None:
    """"has banned girls since they returned to power", "has long accused", "has repeatedly
    warned": a span from the past or a habit is a standing situation, not the story's news."""
    cues = load_cues()
    for clause in _clause_chain(verb):
        for child in clause.children:
            word = child.lower_
            if child.dep_ == "prep" and word in cues["duration_prep"]:
                return f"time:span={word}"
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues["duration_prep"]
                                             for m in child.children):
                return "time:span_clause=since"
            if child.dep_ == "advmod" and word in cues["habitual_adverb"]:
                return f"time:habitual={word}"
    return None


def _describing(verb: Token) -> bool:
    """"armed groups backed by Turkey", "a mandate approved by the Council": a past participle
    that describes an actor or a thing tells what it is, not the story's news."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"} \
        and (verb.head.ent_type_ in ACTOR_ENTITIES or verb.head.pos_ == "PROPN"
             or any(c.dep_ == "agent" for c in verb.children))


def _antecedent_time(verb: Token) -> Span | None:
    """"since March, when a suicide attack killed nine": a "when" clause takes the date of the
    time it describes."""
    antecedent = verb.head
    if verb.dep_ != "relcl" or antecedent.ent_type_ != "DATE":
        return None
    return entity_at(antecedent)


def _span_or_narrative(ent: Span) -> str | None:
    """The cue class of an expression that cannot date an event from the publication day:
    "since 2013", "for years" (a span), "twelve days later" (the story's past)."""
    cues = load_cues()
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.lower_ in cues["duration_prep"]:
        return "duration_prep"
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in cues["duration_prep"]:
        return "duration_prep"
    text = f" {ent.text.lower()} "
    if any(f" {phrase} " in text for phrase in cues["narrative_time"]):
        return "narrative_time"
    words = text.split()
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if words and words[-1] in cues["long_span"] and before in cues["span_prep"] \
            and not _YEAR.search(text) and not {"last", "this", "next"} & set(words):
        return "long_span"  # "for more than 17 years", "in recent years"
    return None


# A date this many days or more before publication tells the story's past: the paragraph
# that gives it goes on in the past ("In 2020, troops clashed … India banned apps").
NARRATIVE_PAST_DAYS = 180


def _long_before(found: EventDate, published: dt.date | None) -> bool:
    """Whether a date lies ``NARRATIVE_PAST_DAYS`` or more before publication."""
    if published is None or found.date is None:
        return False
    return (published - dt.date.fromisoformat(found.date)).days >= NARRATIVE_PAST_DAYS


def narrative_past(sentence: Span, published: str | None) -> bool | None:
    """Whether the sentence's main clause dates itself long before publication (True), near
    it (False: also when any of its dates is recent, as a misparsed main clause may hide it),
    or not at all (None: the paragraph's time goes on)."""
    if published is None:
        return None
    pub = dt.date.fromisoformat(published)
    for ent in sentence_ents(sentence):
        found = read_expression(ent.text, pub) if ent.label_ == "DATE" else None
        if found is not None and found.date is not None and not _long_before(found, pub):
            return False
    for expression in _time_expressions(sentence, sentence.root, governing=False):
        if _span_or_narrative(expression) is not None:
            return True
        found = read_expression(expression.text, pub)
        if found is not None and found.date is not None:
            return _long_before(found, pub)
    return None


def event_date(sentence: Span, verb: Token, published: str | None, future: bool,
               trigger: Token | None = None, narrative_past: bool = False,
               lead: bool = True) -> EventDate:
    """The date of an event whose governing verb is ``verb`` (``trigger``: its word, when a
    noun), and whether the sentence tells it as background. ``narrative_past``: an earlier
    sentence of the paragraph told a dated past ("In 2020, troops clashed …"), so a simple past
    with no time of its own ("After the clash, India banned …") continues that story. ``lead``:
    the sentence is in the lead paragraph, whose present perfect ("Mali has expelled …") is the
    news itself; after it, a present perfect or simple present is a standing position."""
    pub = dt.date.fromisoformat(published) if published else None
    if (when := _antecedent_time(verb)) is not None \
            and (found := read_expression(when.text, pub)) is not None and found.date:
        return EventDate(found.date, found.precision, f"time:when_clause={when.text}",
                         background=True)
    describing = _describing(verb)
    relative = _about_someone(verb) or describing
    span = None if relative else _past_cue(verb)
    continued = narrative_past and verb.tag_ == "VBD" and not _reported(verb)
    standing = None if lead else _standing(verb)
    background = relative or span is not None or continued or standing is not None \
        or (_pluperfect(verb) and not _reported(verb))
    cue = "time:describing_participle" if describing else \
        "time:past_relative_clause" if relative else span or standing or (
        "time:narrative_past" if continued else "time:past_perfect")
    # A relative clause's own expressions only: the main clause's date is another event's.
    for expression in _time_expressions(sentence, verb, trigger, governing=not relative):
        if (kind := _span_or_narrative(expression)) is not None:
            return EventDate(None, None, f"time:{kind}={expression.text}", background=True)
        found = read_expression(expression.text, pub)
        if found is not None and found.date is not None:
            return EventDate(found.date, found.precision, f"time:expression={expression.text}",
                             background=background or _long_before(found, pub))
    if background:
        return EventDate(None, None, cue, background=True)
    if pub is None:
        return EventDate(None, None, "time:no_publication_date")
    if future:
        return EventDate(None, None, "time:future")
    return EventDate(pub.isoformat(), "day", "time:publication_date")
