"""Events: CAMEO/PLOVER coding of a parsed article (``events.code`` is the stage).

For each sentence: lexicon matches with their arguments (``extract``), then polarity and
modality (``modality``), the date (``dating``), the codebook facts (``codebook``) and a
confidence (``confidence``). An event needs a source and at least one coded actor; the same
(source, target, code) is emitted once per sentence, and at most ``MAX_EVENTS_PER_SENTENCE``
events come from one sentence, so lists and flattened tables cannot flood the output.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from faultline import __version__
from faultline.actors.coref import clause_subject, noun_author
from faultline.actors.resolve import DocActors
from faultline.events.codebook import lookup
from faultline.events.confidence import ARTICLE, SENTENCE, Features, calibrated, raw_score
from faultline.events.dating import event_date
from faultline.events.dating import narrative_past as dated_past
from faultline.events.extract import UNIDENTIFIED_ROLE, Candidate, candidates
from faultline.events.modality import Modality, assess, governing_verb, main_clause
from faultline.events.rules import FRAME_ROOTS, frame_code, load_cues
from faultline.geo import locate
from faultline.model import Actor, Article, Event, Evidence, event_id_for

__all__ = ["CODER", "MAX_EVENTS_PER_SENTENCE", "code"]

CODER = f"faultline/{__version__}"
# A news sentence rarely reports more than a few events; more means a list or a table.
MAX_EVENTS_PER_SENTENCE = 6
# Distinct matches looked at per sentence: enough for any real sentence, bounded for lists.
MAX_CANDIDATES_PER_SENTENCE = 4 * MAX_EVENTS_PER_SENTENCE
# Quotation marks that open and close (the straight " does both: counted by parity).
OPENING_QUOTES = "“«"
CLOSING_QUOTES = "”»"


def _quoted(text: str, paragraph_start: int, position: int) -> bool:
    """Whether ``position`` lies inside a direct quotation of its paragraph."""
    before = text[paragraph_start:position]
    curly = sum(before.count(q) for q in OPENING_QUOTES) \
        - sum(before.count(q) for q in CLOSING_QUOTES)
    return curly > 0 or before.count('"') % 2 == 1


def _evidence(article: Article, sentence: Span, trigger: Token) -> Evidence:
    raw = sentence.text
    start = sentence.start_char + (len(raw) - len(raw.lstrip()))
    stripped = raw.strip()
    paragraph_start = article.text.rfind("\n\n", 0, start) + 1
    return Evidence(stripped, start, start + len(stripped), trigger.text,
                    _quoted(article.text, paragraph_start, trigger.idx))


# CAMEO codes a stated intention as its own event (root 03): "plans to visit" is 036, "offered
# to send aid" 033. Cooperative codes said with intent map to their intent code; the more
# specific code wins, then the 3-digit one, then the root.
INTENT_CODES = {
    "04": "036", "040": "036", "042": "036", "043": "036", "044": "036", "045": "039",
    "046": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313",
    "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "084": "0353", "0841": "0353", "085": "0354", "086": "0355",
    "087": "0356",
}


# The role of a state's government, which a bare country acting as a state stands for.
STATE_ROLE = "GOV"
# Quad classes of cooperation: refusing one of these is a rejection (CAMEO 12).
COOPERATIVE_QUADS = frozenset({1, 2})
MATERIAL_CONFLICT = 4


def _intent_code(code: str) -> str | None:
    return next((INTENT_CODES[c] for c in (code, code[:3], code[:2]) if c in INTENT_CODES), None)


def _speaker(reporter: Token) -> Token | None:
    """Who says it: the subject of a speech verb; for a reporting noun ("issued a reminder
    that …"), its possessor or the subject of the verb that carries it."""
    return noun_author(reporter) if reporter.pos_ == "NOUN" else clause_subject(reporter)


def _reframed(found: Candidate, mode: Modality, actors: DocActors
              ) -> tuple[str, Actor | None, Actor | None, Modality]:
    """What a stated stance makes of the event it is about (CAMEO codes the stance itself):
    "X said Y must leave" is X's demand on Y (10); "X will not / would not accept" is X's
    rejection (12); "X will leave unless …" or "X will impose sanctions" is X's threat (13);
    "X plans to visit" is X's
    intent (03). Anything else stays as matched."""
    code, source, target = found.code, found.source, found.target
    if mode.obliged_by is not None:
        speaker = _speaker(mode.obliged_by)
        speakers = [a for a in actors.actors_for(speaker) if a.code] if speaker else []
        if speakers and source is not None and not mode.negated:
            return (frame_code("10", code) or "100", speakers[0], source,
                    Modality(False, "asserted"))
        # Someone says it must happen: that it happened is not asserted.
        return code, source, target, Modality(mode.negated, "hypothetical")
    if mode.modality != "intended":
        return code, source, target, mode
    cooperative = lookup(code).quad_class in COOPERATIVE_QUADS
    if mode.negated and cooperative and code[:2] not in FRAME_ROOTS:
        return frame_code("12", code) or "120", source, target, Modality(False, "asserted")
    threat = mode.unless or lookup(code).quad_class == MATERIAL_CONFLICT
    if threat and not mode.negated and code[:2] not in FRAME_ROOTS:
        # A stated intention to coerce, sanction or attack is a threat.
        return frame_code("13", code) or "130", source, target, Modality(False, "asserted")
    if not mode.negated and (intent := _intent_code(code)):
        # The statement of intent is itself what happened.
        return intent, source, target, Modality(False, "asserted")
    return code, source, target, mode


# Quad classes of material acts (aid, cooperation, coercion, violence): they happen where
# their target is; verbal acts happen where their source speaks.
MATERIAL_QUADS = frozenset({2, 4})


def _own_country(source: Actor | None, target: Actor | None, quad: int) -> str | None:
    """The country an event happens in when its sentence names no place: the target's for a
    material act ("Russia sent trainers to Niger"), else the source's."""
    if quad in MATERIAL_QUADS and target is not None and target.country:
        return target.country
    if source is not None and source.country:
        return source.country
    return target.country if target is not None else None


def _trace(found: Candidate, assessed: Modality, code: str, mode: Modality,
           time_cue: str) -> tuple[str, ...]:
    """The candidate's row and strategies, then the modality cues, any reframing and the time
    cue: why the event is what it is."""
    steps = [*found.trace, *assessed.cues]
    if code != found.code:
        steps.append(f"reframe:{found.code}>{code}")
    if mode.modality != assessed.modality:
        steps.append(f"reframe:{assessed.modality}>{mode.modality}")
    return (*steps, time_cue)


def _one_sided(source: Actor | None, target: Actor | None) -> bool:
    """A counted event names both sides (as dyadic event data does); acts CAMEO defines
    without a target got the country they happen in as theirs in ``extract``."""
    return not (source is not None and source.code and target is not None and target.code)


def _state_voice(actor: Actor | None, root: str) -> Actor | None:
    """"India accused Pakistan", "sanctions on Mali": a country named as the doer or target of
    a state's act (the roots in ``data/cues.tsv`` ``state_act_root``) is its government."""
    if actor is None or actor.role is not None or actor.code is None \
            or actor.code != actor.country or root not in load_cues()["state_act_root"]:
        return actor
    return replace(actor, code=f"{actor.country}{STATE_ROLE}", role=STATE_ROLE)


def _event(article: Article, sentence: Span, found: Candidate, actors: DocActors,
           narrative_past: bool = False, lead: bool = True, context: str = SENTENCE) -> Event:
    verb = governing_verb(found.trigger)
    assessed = assess(found.trigger)
    code, source, target, mode = _reframed(found, assessed, actors)
    info = lookup(code)
    voiced = (_state_voice(source, info.root), _state_voice(target, info.root))
    if voiced != (source, target) and not (voiced[0] and voiced[1]
                                           and voiced[0].code == voiced[1].code):
        # (never one state's government acting on itself: "Chad's government … in Chad")
        found = replace(found, trace=(*found.trace, "conv:state_voice"))
        source, target = voiced
    when = event_date(sentence, verb, article.published,
                      future=assessed.modality == "intended", trigger=found.trigger,
                      narrative_past=narrative_past, lead=lead)
    evidence = _evidence(article, sentence, found.trigger)
    score = raw_score(Features(
        # An unidentified perpetrator (UAF) is a placeholder, not evidence of who acted.
        level=found.level,
        source_coded=bool(source and source.code and source.role != UNIDENTIFIED_ROLE),
        target_coded=bool(target and target.code), has_target=target is not None,
        asserted=mode.modality == "asserted" and not mode.negated,
        main_clause=main_clause(verb), sentence_words=len(sentence),
    ))
    where = locate(sentence, found.trigger, actors.countries_named,
                   _own_country(source, target, info.quad_class))
    return Event(
        event_id=event_id_for(article.article_id, evidence.start,
                              source.code if source else None,
                              target.code if target else None, info.code),
        article_id=article.article_id, doc_ref=article.doc_ref,
        date=when.date, date_precision=when.precision,  # type: ignore[arg-type]
        source=source, target=target,
        cameo=info.code, cameo_root=info.root, cameo_label=info.label,
        plover=info.plover, plover_mode=info.plover_mode,
        goldstein=info.goldstein, quad_class=info.quad_class,
        negated=mode.negated, modality=mode.modality,  # type: ignore[arg-type]
        location=where,
        evidence=evidence, confidence=calibrated(score, context), coder=CODER,
        one_sided=_one_sided(source, target), background=when.background,
        trace=_trace(found, assessed, info.code, mode, when.cue),
    )


def _usable(found: Candidate) -> bool:
    source, target = found.source, found.target
    if source is None or not (source.code or (target and target.code)):
        return False
    return not (target is not None and source.code and source.code == target.code)


def code(doc: Doc, article: Article, actors: DocActors) -> list[Event]:
    """Events of one parsed article, in sentence order; deterministic. A paragraph that dates
    an event long before publication goes on in that past until a sentence dates another; the
    lead paragraph tells the news, so only later ones read a present tense as background."""
    events: list[Event] = []
    narrative_past, lead = False, True
    # A text of several paragraphs has its own confidence calibration (see ``confidence``).
    context = ARTICLE if "\n\n" in doc.text.strip() else SENTENCE
    previous: int | None = None  # where the previous sentence starts
    for sentence in doc.sents:
        # A paragraph break is a whitespace token ending the previous sentence (looked for
        # between the two sentence starts only, so the whole text is read once).
        if previous is not None and doc.text.find("\n\n", previous,
                                                  sentence.start_char + 1) >= 0:
            narrative_past, lead = False, False
        previous = sentence.start_char
        events += _one_per_happening(_sentence_events(
            sentence, article, actors, narrative_past, lead=lead, context=context))
        if (past := dated_past(sentence, article.published)) is not None:
            narrative_past = past
    return _mark_repeats(events)


def _mark_repeats(events: list[Event]) -> list[Event]:
    """A counted event whose (source, target, code, date) an earlier counted event of the
    article already has is the same happening told again: it points to the first
    (``repeat_of``) and is not counted. Only counted events are compared, so a denied or
    planned mention never hides the report of the act."""
    first: dict[tuple[str | None, str | None, str, str | None], str] = {}
    marked = []
    for event in events:
        if event.counted:
            key = (*_sides(event), event.cameo, event.date)
            if key in first:
                event = replace(event, repeat_of=first[key],
                                trace=(*event.trace, f"repeat:of={first[key]}"))
            else:
                first[key] = event.event_id
        marked.append(event)
    return marked


def _one_per_happening(found: list[tuple[Token, Event]]) -> list[Event]:
    """"carried out air strikes on X" (190 from the verb, 195 from the noun): two paths of one
    sentence to one happening (one trigger governs the other), with the same sides, root and
    status, give one event, the most specific code (then the most confident); "expelled the
    ambassador in March and imposed tariffs in August" stays two. Sentence order is kept."""
    dropped: set[int] = set()
    for i, (trigger, event) in enumerate(found):
        for j, (other_trigger, other) in enumerate(found):
            if i == j or j in dropped or not (trigger.is_ancestor(other_trigger)
                                              or other_trigger.is_ancestor(trigger)):
                continue
            same = (_sides(event) == _sides(other) and event.cameo_root == other.cameo_root
                    and (event.negated, event.modality) == (other.negated, other.modality))
            if same and _specificity(other) > _specificity(event):
                dropped.add(i)
                break
    return [event for i, (_, event) in enumerate(found) if i not in dropped]


def _sides(event: Event) -> tuple[str | None, str | None]:
    return (event.source.code if event.source else None,
            event.target.code if event.target else None)


def _specificity(event: Event) -> tuple[int, bool, float]:
    """More digits, then a named kind over the generic "…0" code (195 over 190), then
    confidence."""
    return len(event.cameo), not event.cameo.endswith("0"), event.confidence


def _sentence_events(sentence: Span, article: Article, actors: DocActors,
                     narrative_past: bool = False, lead: bool = True,
                     context: str = SENTENCE) -> list[tuple[Token, Event]]:
    """The events of one sentence with their triggers, each (source, target, code) once, at
    most ``MAX_EVENTS_PER_SENTENCE``."""
    events: list[tuple[Token, Event]] = []
    tried: set[tuple[str | None, str | None, str]] = set()
    seen: set[tuple[str | None, str | None, str]] = set()
    for found in candidates(sentence, actors):
        if not _usable(found):
            continue
        matched = (found.source.code if found.source else None,
                   found.target.code if found.target else None, found.code)
        if matched in tried:
            continue  # the same match again (a list repeating itself)
        tried.add(matched)
        if len(tried) > MAX_CANDIDATES_PER_SENTENCE:
            break
        event = _event(article, sentence, found, actors, narrative_past, lead, context)
        if event.source and event.target and event.source.code == event.target.code:
            continue  # a stance reframed onto its own speaker ("X said X must go")
        key = (event.source.code if event.source else None,
               event.target.code if event.target else None, event.cameo)
        if key in seen:
            continue
        seen.add(key)
        events.append((found.trigger, event))
        if len(seen) >= MAX_EVENTS_PER_SENTENCE:
            break
    return events
