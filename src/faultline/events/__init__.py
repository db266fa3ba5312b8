"""Events: CAMEO/PLOVER coding of a parsed article (``events.code`` is the stage).

For each sentence: lexicon matches with their arguments (``extract``), then polarity and
modality (``modality``), the date (``dating``), the codebook facts (``codebook``) and a
confidence (``confidence``). An event needs a source and at least one coded actor; the same
(source, target, code) is emitted once per sentence, and at most ``MAX_EVENTS_PER_SENTENCE``
events come from one sentence, so lists and flattened tables cannot flood the output.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from faultline import __version__
from faultline.actors.resolve import DocActors
from faultline.events.codebook import lookup
from faultline.events.confidence import Features, calibrated, raw_score
from faultline.events.dating import event_date
from faultline.events.extract import Candidate, candidates
from faultline.events.modality import Modality, assess, governing_verb, main_clause
from faultline.model import Article, Event, Evidence, event_id_for

__all__ = ["CODER", "MAX_EVENTS_PER_SENTENCE", "code"]

CODER = f"faultline/{__version__}"
# A news sentence rarely reports more than a few events; more means a list or a table.
MAX_EVENTS_PER_SENTENCE = 6
OPENING_QUOTES = "“«\""
CLOSING_QUOTES = "”»\""


def _quoted(text: str, paragraph_start: int, position: int) -> bool:
    """Whether ``position`` lies inside a direct quotation of its paragraph."""
    before = text[paragraph_start:position]
    curly = sum(before.count(q) for q in "“«") - sum(before.count(q) for q in "”»")
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


def _intent_code(code: str) -> str | None:
    return next((INTENT_CODES[c] for c in (code, code[:3], code[:2]) if c in INTENT_CODES), None)


def _event(article: Article, sentence: Span, found: Candidate) -> Event:
    info = lookup(found.code)
    verb = governing_verb(found.trigger)
    mode = assess(found.trigger)
    if mode.modality == "intended" and not mode.negated and (intent := _intent_code(info.code)):
        # The statement of intent is itself what happened.
        info = lookup(intent)
        mode = Modality(False, "asserted")
    when = event_date(sentence, verb, article.published, future=mode.modality == "intended")
    source, target = found.source, found.target
    evidence = _evidence(article, sentence, found.trigger)
    score = raw_score(Features(
        level=found.level, source_coded=bool(source and source.code),
        target_coded=bool(target and target.code), has_target=target is not None,
        asserted=mode.modality == "asserted" and not mode.negated,
        main_clause=main_clause(verb), sentence_words=len(sentence),
    ))
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
        evidence=evidence, confidence=calibrated(score), coder=CODER,
    )


def _usable(found: Candidate) -> bool:
    source, target = found.source, found.target
    if source is None or not (source.code or (target and target.code)):
        return False
    return not (target is not None and source.code and source.code == target.code)


def code(doc: Doc, article: Article, actors: DocActors) -> list[Event]:
    """Events of one parsed article, in sentence order; deterministic."""
    events: list[Event] = []
    for sentence in doc.sents:
        seen: set[tuple[str | None, str | None, str]] = set()
        for found in candidates(sentence, actors):
            if not _usable(found):
                continue
            key = (found.source.code if found.source else None,
                   found.target.code if found.target else None, found.code)
            if key in seen:
                continue
            seen.add(key)
            events.append(_event(article, sentence, found))
            if len(seen) >= MAX_EVENTS_PER_SENTENCE:
                break
    return events
