"""Accuracy of counted events on whole articles we wrote (``eval/articles``).

Each article is a ``.txt`` file with a small header (``date:``, ``split:``, ...) and a
``.gold.jsonl`` beside it listing what an analyst expects (see ``eval/articles/README.md``).
The coder runs on every article with its publication date; its counted events (the library's
own ``Event.counted``) are matched one-to-one (a row for a group, one per member country)
with the gold rows whose quote lies in the event's sentence. Precision is the share of counted
events fully correct (source and target country + role, CAMEO root, date); recall the share of
gold news events found with the right root and dyad. Every counted event that is not fully
correct gets one failure kind (the eight kinds of issue 11) from the documented heuristics in
``failure_kind``: they read the gold and the event, never a judgement by hand.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any, Literal

from faultline.actors.kb import ROLES
from faultline.errors import InputError
from faultline.evaluation.events import Score, expected_calibration_error, refit
from faultline.events import confidence
from faultline.events.codebook import load_codebook
from faultline.model import Actor, Event

Status = Literal["counted", "background", "not_event"]
STATUSES: tuple[str, ...] = ("counted", "background", "not_event")
SPLITS: tuple[str, ...] = ("fit", "test")
HEADER_KEYS = frozenset({"title", "date", "split", "kind", "region"})

# Gold actor codes are compared on their first six characters: country + role ("SYRREBSDF"
# is SYRREB, "IGOUNOSEC" is IGOUNO, "USA" stays USA).
ACTOR_KEY_CHARS = 6
COUNTRY_CHARS = 3
GOVERNMENT = "GOV"
# An event dated this many days or more before publication is background, not news.
BACKGROUND_DAYS = 365
# Pronouns the coder may leave as an actor's text (kind 5 when that actor is wrong).
PRONOUNS = frozenset("he she they we it him her them us i me you his its their our".split())
# A year in the sentence that lies before the publication year marks a background sentence.
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# Cues of a past or background clause, for events no gold row explains (kind 1, else 2).
BACKGROUND_CUES = re.compile(
    r"\b(since|years? ago|decades? ago|former|formerly|previously|in the past|for years)\b",
    re.I)
# Confidence is reported in tenths: the share fully correct per bin (for calibration).
CONFIDENCE_BINS = 10
_PRECISION_CHARS = {"day": 10, "month": 7, "year": 4}

KINDS: dict[int, str] = {
    1: "background or past event as news (date)",
    2: "non-event counted",
    3: "wrong roles (source)",
    4: "null or wrong target",
    5: "pronoun resolved wrongly",
    6: "trigger sense (CAMEO root)",
    7: "same happening twice",
    8: "actor unknown or misresolved",
}


class GoldError(InputError):
    """An article or gold file that cannot be used; names the file and the problem."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(str(path), reason, "bad-gold")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event an analyst expects (or, with ``status`` ≠ counted, must not count as news)."""

    source: tuple[str, ...]
    target: tuple[str, ...]
    cameo: tuple[str, ...]
    date: str | None
    quotes: tuple[str, ...]
    status: Status = "counted"
    line: int = 0
    each: bool = False

    @property
    def roots(self) -> frozenset[str]:
        return frozenset(code[:2] for code in self.cameo)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    title: str | None
    published: str
    split: str
    kind: str
    text: str
    gold: tuple[GoldEvent, ...]


@dataclass(frozen=True, slots=True)
class Judged:
    """A counted event and its verdict: the gold row it matched (if any) and its failure kind."""

    event: Event
    gold: GoldEvent | None
    correct: bool
    components: dict[str, bool]
    kind: int | None = None


@dataclass
class SplitReport:
    """Figures for one split (or all): counted-event precision, recall and components."""

    precision: Score = field(default_factory=Score)
    recall: Score = field(default_factory=Score)
    recall_countries: Score = field(default_factory=Score)
    components: dict[str, Score] = field(default_factory=lambda: {
        name: Score() for name in ("event real", "CAMEO root", "source", "target", "date")})
    code_depth: Score = field(default_factory=Score)
    kinds: Counter[int] = field(default_factory=Counter)
    null_target: Score = field(default_factory=Score)
    null_source: Score = field(default_factory=Score)
    background_today: Score = field(default_factory=Score)
    confidence_sum: float = 0.0
    reliability: dict[int, Score] = field(default_factory=dict)

    def rows(self) -> list[tuple[str, str]]:
        mean = self.confidence_sum / self.precision.total if self.precision.total else 0.0
        rows = [("precision: counted events fully correct", str(self.precision)),
                ("recall: gold news events, right root and dyad", str(self.recall)),
                ("recall: right root and both countries", str(self.recall_countries))]
        rows += [(f"counted events: {name} right", str(s)) for name, s in self.components.items()]
        rows += [("matched events: code agrees to the gold's depth", str(self.code_depth)),
                 ("counted events with a null target", str(self.null_target)),
                 ("counted events with a null source", str(self.null_source)),
                 ("background events dated to the publication day",
                  str(self.background_today)),
                 ("mean confidence of counted events", f"{mean:.2f}"),
                 ("expected calibration error (fully correct)",
                  f"{expected_calibration_error(self.reliability):.3f}")]
        return rows


@dataclass
class ArticleReport:
    """The whole run: figures per split and every error, with its sentence."""

    splits: dict[str, SplitReport]
    judged: list[tuple[GoldArticle, Judged]]
    missed: list[tuple[GoldArticle, GoldEvent]]
    articles: list[GoldArticle] = field(default_factory=list)

    def errors(self) -> list[tuple[GoldArticle, Judged]]:
        return [(a, j) for a, j in self.judged if not j.correct]

    def to_json(self) -> dict[str, Any]:
        return {
            "splits": {name: {"figures": dict(rep.rows()),
                              "failure_kinds": {KINDS[k]: rep.kinds.get(k, 0) for k in KINDS},
                              "reliability": {f"{b / CONFIDENCE_BINS:.1f}": str(score)
                                              for b, score in sorted(rep.reliability.items())}}
                       for name, rep in self.splits.items()},
            "errors": [{"article": a.name, "split": a.split, "kind": j.kind,
                        "kind_name": KINDS.get(j.kind or 0), "event": _summary(j.event),
                        "gold": _gold_summary(j.gold), "sentence": j.event.evidence.sentence,
                        "trace": list(j.event.trace)}
                       for a, j in self.errors()],
            "missed": [{"article": a.name, "split": a.split, "gold": _gold_summary(g)}
                       for a, g in self.missed],
            "articles": self.per_article(),
        }

    def per_article(self) -> dict[str, dict[str, Any]]:
        """Counted events, fully correct, gold news rows and rows missed, per article."""
        rows = {article.name: _article_row(article) for article in self.articles}
        for article, verdict in self.judged:
            row = rows.setdefault(article.name, _article_row(article))
            row["counted"] += 1
            row["fully_correct"] += verdict.correct
        for article, _ in self.missed:
            rows.setdefault(article.name, _article_row(article))["missed"] += 1
        return dict(sorted(rows.items()))

    def to_markdown(self) -> str:
        names = list(self.splits)
        lines = ["| measure | " + " | ".join(names) + " |", "| --- " * (len(names) + 1) + "|"]
        for i, (label, _) in enumerate(next(iter(self.splits.values())).rows()):
            lines.append(f"| {label} | "
                         + " | ".join(self.splits[n].rows()[i][1] for n in names) + " |")
        lines += ["", "| failure kind | " + " | ".join(names) + " |",
                  "| --- " * (len(names) + 1) + "|"]
        lines += [f"| {k}. {label} | " + " | ".join(str(self.splits[n].kinds.get(k, 0))
                                                   for n in names) + " |"
                  for k, label in KINDS.items()]
        lines += ["", "| confidence bin | " + " | ".join(f"fully correct, {n}" for n in names)
                  + " |", "| --- " * (len(names) + 1) + "|"]
        lines += [f"| {b / CONFIDENCE_BINS:.1f}–{(b + 1) / CONFIDENCE_BINS:.1f} | " + " | ".join(
                  str(self.splits[n].reliability.get(b, "—")) for n in names) + " |"
                  for b in range(CONFIDENCE_BINS)
                  if any(b in self.splits[n].reliability for n in names)]
        return "\n".join(lines) + "\n"


def _article_row(article: GoldArticle) -> dict[str, Any]:
    news = sum(g.status == "counted" for g in article.gold)
    return {"split": article.split, "kind": article.kind, "counted": 0, "fully_correct": 0,
            "gold_news": news, "missed": 0}


def _summary(event: Event) -> str:
    def code(actor: Actor | None) -> str:
        return "—" if actor is None else (actor.code or f"?({actor.text})")
    return (f"{code(event.source)} {event.cameo} {code(event.target)} {event.date} "
            f"[{event.evidence.trigger}]")


def _gold_summary(gold: GoldEvent | None) -> str | None:
    if gold is None:
        return None
    return (f"{'|'.join(gold.source)} {'|'.join(gold.cameo)} {'|'.join(gold.target)} {gold.date} "
            f"({gold.status}, line {gold.line})")


# --- loading -----------------------------------------------------------------------------


def load_articles(folder: Path, split: str = "all") -> list[GoldArticle]:
    """Every ``*.txt`` article under ``folder`` with its gold, optionally one split only."""
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise GoldError(folder, "no article .txt files here")
    articles = [load_article(p) for p in paths]
    return [a for a in articles if split == "all" or a.split == split]


def load_article(path: Path) -> GoldArticle:
    header, body = _split_header(path)
    for key in ("date", "split"):
        if key not in header:
            raise GoldError(path, f"header has no '{key}:' line")
    if header["split"] not in SPLITS:
        raise GoldError(path, f"split must be one of {', '.join(SPLITS)}")
    _check_date(path, header["date"], "header date")
    gold_path = path.with_suffix(".gold.jsonl")
    if not gold_path.is_file():
        raise GoldError(path, f"no gold file {gold_path.name} beside it")
    gold = tuple(_gold_rows(gold_path, body))
    return GoldArticle(path.stem, header.get("title"), header["date"], header["split"],
                       header.get("kind", ""), body, gold)


def _split_header(path: Path) -> tuple[dict[str, str], str]:
    text = path.read_text("utf-8")
    head, sep, body = text.partition("\n\n")
    if not sep:
        raise GoldError(path, "no blank line after the header")
    header: dict[str, str] = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if not colon or key.strip() not in HEADER_KEYS:
            raise GoldError(path, f"header line is not one of {sorted(HEADER_KEYS)}: {line!r}")
        header[key.strip()] = value.strip()
    return header, body.strip() + "\n"


def _check_date(path: Path, value: str, what: str) -> None:
    padded = {4: "-01-01", 7: "-01", 10: ""}.get(len(value))
    try:
        if padded is None:
            raise ValueError(value)
        Date.fromisoformat(value + padded)
    except ValueError:
        raise GoldError(path, f"{what} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from None


def _gold_rows(path: Path, body: str) -> Iterable[GoldEvent]:
    flat_body = _flat(body)
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = Path(f"{path}:{number}")
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(where, f"not JSON: {e.msg}") from None
        missing = {"source", "target", "cameo", "quote"} - set(row)
        if missing:
            raise GoldError(where, f"missing {', '.join(sorted(missing))}")
        status = row.get("status", "counted")
        if status not in STATUSES:
            raise GoldError(where, f"status must be one of {', '.join(STATUSES)}")
        if row.get("date") is not None:
            _check_date(where, row["date"], "date")
        elif status == "counted":
            raise GoldError(where, "a counted event needs a date")
        cameo = tuple(str(row["cameo"]).split("|"))
        unknown = [c for c in cameo if c not in load_codebook()]
        if unknown:
            raise GoldError(where, f"not a CAMEO code: {', '.join(unknown)}")
        for side in ("source", "target"):
            for code in _codes(row[side]):
                if not _actor_code(code):
                    raise GoldError(where, f"{side} {code!r} is not country + role or IGO/NGO")
        quotes = (row["quote"],) if isinstance(row["quote"], str) else tuple(row["quote"])
        for quote in quotes:
            if _flat(quote) not in flat_body:
                raise GoldError(where, f"quote not in the article: {quote!r}")
        yield GoldEvent(_codes(row["source"]), _codes(row["target"]), cameo,
                        row.get("date"), quotes, status, number, bool(row.get("each")))


def _codes(value: str | None) -> tuple[str, ...]:
    """Gold actor alternatives as country + role keys; a bare country and its government are
    one actor ("Mali expelled" and "Mali's government expelled" name the same state)."""
    codes = [code[:ACTOR_KEY_CHARS] for code in (value or "").split("|") if code]
    states = [c[:COUNTRY_CHARS] for c in codes if not c.startswith(("IGO", "NGO"))
              and (len(c) == COUNTRY_CHARS or c[COUNTRY_CHARS:] == GOVERNMENT)]
    return tuple(dict.fromkeys(codes + [c for s in states for c in (s, s + GOVERNMENT)]))


def _actor_code(code: str) -> bool:
    """An organisation code, or three capitals for the country and a known role (or none)."""
    if code.startswith(("IGO", "NGO")):
        return True
    country, role = code[:COUNTRY_CHARS], code[COUNTRY_CHARS:]
    return country.isalpha() and country.isupper() and (not role or role in ROLES)


def _flat(text: str) -> str:
    return " ".join(text.split())


# --- matching ----------------------------------------------------------------------------


def actor_key(actor: Actor | None) -> str | None:
    """Country + role of a coded actor ("SAHREBJNM" acting in Mali is MLIREB); an
    organisation without a country keeps its code's first six characters (IGOUNO)."""
    if actor is None or actor.code is None:
        return None
    if actor.country:
        return actor.country + (actor.role or "")
    return actor.code[:ACTOR_KEY_CHARS]


def actor_ok(actor: Actor | None, gold: tuple[str, ...]) -> bool:
    """The coded actor has the gold's country + role (any of its alternatives)."""
    return actor_key(actor) in gold


def country_ok(actor: Actor | None, gold: tuple[str, ...]) -> bool:
    key = actor_key(actor)
    return key is not None and key[:COUNTRY_CHARS] in {g[:COUNTRY_CHARS] for g in gold}


def date_ok(event: Event, gold: GoldEvent) -> bool:
    """Dates agree at the coarser of the two precisions; no date agrees with no gold date."""
    if gold.date is None or event.date is None:
        return gold.date is None and event.date is None
    chars = min(len(gold.date), _PRECISION_CHARS.get(event.date_precision or "day", 10))
    return event.date[:chars] == gold.date[:chars]


def components(event: Event, gold: GoldEvent | None) -> dict[str, bool]:
    real = gold is not None and gold.status != "not_event" \
        and not (gold.status == "background" and gold.date is None)
    return {"event real": real,
            "CAMEO root": real and event.cameo_root in gold.roots,  # type: ignore[union-attr]
            "source": real and actor_ok(event.source, gold.source),  # type: ignore[union-attr]
            "target": real and actor_ok(event.target, gold.target),  # type: ignore[union-attr]
            "date": real and date_ok(event, gold)}  # type: ignore[arg-type]


def _eligible(event: Event, gold: GoldEvent) -> bool:
    """Same happening possible: shares the root, or both sides' countries (either way round)."""
    if event.cameo_root in gold.roots:
        return True
    src, tgt = event.source, event.target
    return (country_ok(src, gold.source) and country_ok(tgt, gold.target)) or (
        country_ok(src, gold.target) and country_ok(tgt, gold.source))


def _affinity(event: Event, gold: GoldEvent) -> int:
    return (4 * (event.cameo_root in gold.roots) + 2 * actor_ok(event.source, gold.source)
            + 2 * actor_ok(event.target, gold.target) + date_ok(event, gold)
            + (gold.status == "counted"))


def _spans(article_text: str, gold: GoldEvent) -> list[tuple[int, int]]:
    """Where the gold's quotes lie in the coder's cleaned text (whitespace-insensitive)."""
    spans = []
    for quote in gold.quotes:
        pattern = r"\s+".join(re.escape(word) for word in quote.split())
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, article_text)]
    return spans


def _member(actor: Actor | None) -> str | None:
    """Which member of a group an actor is: its country, or an organisation's own code."""
    key = actor_key(actor)
    if key is None or key.startswith(("IGO", "NGO")):
        return key
    return key[:COUNTRY_CHARS]


def _in_sentence(event: Event, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < event.evidence.end and event.evidence.start < end
               for start, end in spans)


def nearby(article_text: str, event: Event, gold: Sequence[GoldEvent]) -> list[GoldEvent]:
    """The gold rows whose quotes lie in the event's sentence."""
    return [g for g in gold if _in_sentence(event, _spans(article_text, g))]


def match(article_text: str, events: Sequence[Event], gold: Sequence[GoldEvent],
          ) -> dict[int, GoldEvent]:
    """Counted event index → gold row, best affinity first, same sentence only.

    One event per row, except a row marked ``each`` (its alternatives are several actors,
    each an event of its own): one event per distinct pair of members (a country, or an
    organisation).
    """
    spans = [_spans(article_text, g) for g in gold]
    pairs = []
    for i, event in enumerate(events):
        for j, g in enumerate(gold):
            if _in_sentence(event, spans[j]) and _eligible(event, g):
                pairs.append((-_affinity(event, g), i, j))
    taken_events: dict[int, GoldEvent] = {}
    taken_gold: dict[int, set[tuple[str | None, ...]]] = {}
    for _, i, j in sorted(pairs):
        countries = (_member(events[i].source), _member(events[i].target))
        members = taken_gold.get(j, set())
        if i in taken_events or (members and not gold[j].each) or countries in members:
            continue
        taken_events[i] = gold[j]
        taken_gold[j] = members | {countries}
    return taken_events


# --- failure kinds -----------------------------------------------------------------------


def _is_pronoun(actor: Actor | None) -> bool:
    return actor is not None and actor.text.strip().casefold() in PRONOUNS


def _years_before(event: Event, published: str) -> bool:
    if event.date is None:
        return False
    days = (Date.fromisoformat(published) - Date.fromisoformat(event.date[:10])).days
    return days >= BACKGROUND_DAYS


def failure_kind(event: Event, gold: GoldEvent | None, published: str,
                 article: Sequence[tuple[Event, GoldEvent | None]],
                 near: Sequence[GoldEvent] = ()) -> int:
    """The one failure kind of a counted event that is not fully correct (first rule wins).

    ``article`` is every counted event of the article, in order, with its matched gold row;
    ``near`` the gold rows of the event's sentence. Unmatched: a repeat of an earlier event's
    (source, target, root, date), or the same dyad as a matched event of its sentence (a
    second path to one happening) → 7; its sentence holds a ``background`` row → 1, a
    ``not_event`` row → 2; dated a year or more before publication, or its sentence names an
    earlier year or a past cue ("since", "years ago", "previously") → 1; else 2. Matched to a
    ``not_event`` row → 2, to an undated ``background`` row → 1. Matched to a real event: a
    background row dated wrong, or a date a year or more off (not a missing one) → 1; another
    root (the trigger misread) → 6; a wrong side written as a pronoun → 5; sides swapped → 3;
    no target → 4; a side left uncoded, or coded as the right country without the gold's role
    → 8; another source → 3; another target → 4; else the date (a smaller slip) → 1.
    """
    if gold is None:
        if _repeat(event, article):
            return 7
        statuses = {g.status for g in near}
        if "background" in statuses:
            return 1
        if "not_event" in statuses:
            return 2
        sentence = event.evidence.sentence
        old_year = any(int(y) < int(published[:4]) for y in YEAR.findall(sentence))
        if _years_before(event, published) or old_year or BACKGROUND_CUES.search(sentence):
            return 1
        return 2
    if gold.status == "not_event":
        return 2
    if gold.status == "background" and (gold.date is None or not date_ok(event, gold)):
        return 1
    if not date_ok(event, gold) and _years_off(event, gold):
        return 1
    if event.cameo_root not in gold.roots:
        return 6
    src_ok, tgt_ok = actor_ok(event.source, gold.source), actor_ok(event.target, gold.target)
    if (not src_ok and _is_pronoun(event.source)) or (not tgt_ok and _is_pronoun(event.target)):
        return 5
    if not (src_ok and tgt_ok) and (actor_ok(event.source, gold.target)
                                    or actor_ok(event.target, gold.source)):
        return 3
    if event.target is None and gold.target:
        return 4
    if any(not ok and actor is not None and (actor.code is None or (
            actor.role is None and country_ok(actor, codes)))
           for actor, ok, codes in ((event.source, src_ok, gold.source),
                                    (event.target, tgt_ok, gold.target))):
        return 8
    if not src_ok:
        return 3
    if not tgt_ok:
        return 4
    return 1


def _years_off(event: Event, gold: GoldEvent) -> bool:
    """A date a year or more away from the gold's (read at its first day)."""
    if event.date is None or gold.date is None:
        return False
    padded = gold.date + {4: "-01-01", 7: "-01"}.get(len(gold.date), "")
    days = abs((Date.fromisoformat(event.date[:10]) - Date.fromisoformat(padded)).days)
    return days >= BACKGROUND_DAYS


def _repeat(event: Event, article: Sequence[tuple[Event, GoldEvent | None]]) -> bool:
    def dyad(e: Event) -> tuple[str | None, str | None]:
        return (e.source.code if e.source else None, e.target.code if e.target else None)

    position = next(i for i, (e, _) in enumerate(article) if e is event)
    earlier = any(dyad(e) == dyad(event) and (e.cameo_root, e.date) == (event.cameo_root,
                                                                      event.date)
                  for e, _ in article[:position])
    sibling = any(g is not None and e is not event and dyad(e) == dyad(event)
                  and e.evidence.start == event.evidence.start for e, g in article)
    return earlier or sibling


# --- the run -----------------------------------------------------------------------------


def judge(article: GoldArticle, article_text: str, events: Sequence[Event],
          ) -> tuple[list[Judged], list[GoldEvent]]:
    """Verdicts on one article's counted events, and its counted gold rows nobody found."""
    counted = [e for e in events if e.counted]
    matched = match(article_text, counted, article.gold)
    pairs = [(event, matched.get(i)) for i, event in enumerate(counted)]
    judged: list[Judged] = []
    for event, gold in pairs:
        parts = components(event, gold)
        correct = all(parts.values())
        kind = None if correct else failure_kind(
            event, gold, article.published, pairs, nearby(article_text, event, article.gold))
        judged.append(Judged(event, gold, correct, parts, kind))
    found = {id(j.gold) for j in judged if j.gold is not None and _found(j)}
    missed = [g for g in article.gold if g.status == "counted" and id(g) not in found]
    return judged, missed


def _found(judged: Judged) -> bool:
    return judged.components["CAMEO root"] and judged.components["source"] \
        and judged.components["target"]


def evaluate_articles(folder: Path, split: str = "all") -> ArticleReport:
    """Code every article of ``split`` with its publication date and score the counted events."""
    from faultline.pipeline import code_text  # loads spaCy

    articles = load_articles(folder, split)
    names = [*SPLITS, "all"] if split == "all" else [split]
    report = ArticleReport({name: SplitReport() for name in names}, [], [], articles)
    for article in articles:
        coded, events = code_text(article.text, date=article.published, doc_ref=article.name,
                                  title=article.title)
        judged, missed = judge(article, coded.text, events)
        for rep in (report.splits[n] for n in names if n in (article.split, "all")):
            tally(rep, article, judged, missed)
        report.judged += [(article, j) for j in judged]
        report.missed += [(article, g) for g in missed]
    return report


def fit_article_calibration(folder: Path) -> None:
    """Refit the ``article`` context of the confidence table on the ``fit`` half only (raw
    score bin → share fully correct), so the ``test`` half measures it out of sample."""
    refit(confidence.ARTICLE, lambda: evaluate_articles(folder, "fit").splits["fit"].reliability)


def tally(rep: SplitReport, article: GoldArticle, judged: list[Judged],
          missed: list[GoldEvent]) -> None:
    """Add one article's verdicts to a split's figures."""
    for j in judged:
        rep.precision.add(j.correct)
        rep.confidence_sum += j.event.confidence
        bin_ = min(int(j.event.confidence * CONFIDENCE_BINS), CONFIDENCE_BINS - 1)
        rep.reliability.setdefault(bin_, Score()).add(j.correct)
        for name, ok in j.components.items():
            rep.components[name].add(ok)
        if j.gold is not None and j.components["event real"]:
            rep.code_depth.add(j.event.cameo.startswith(j.gold.cameo))
        if j.gold is not None and j.gold.status == "background":
            rep.background_today.add(j.event.date == article.published)
        rep.null_target.add(j.event.target is None)
        rep.null_source.add(j.event.source is None)
        if j.kind is not None:
            rep.kinds[j.kind] += 1
    news = [g for g in article.gold if g.status == "counted"]
    lost = {id(g) for g in missed}
    for g in news:
        rep.recall.add(id(g) not in lost)
        rep.recall_countries.add(id(g) not in lost or any(
            j.gold is g and j.components["CAMEO root"] and country_ok(j.event.source, g.source)
            and country_ok(j.event.target, g.target) for j in judged))
