"""A generated news corpus of any size: our own sample sentences recombined, with planted copies.

Every sentence of the bundled (fictional) sample corpus becomes a template whose countries,
demonyms and capitals (read from the actor knowledge base) are slots; an article draws a
headline, a dateline and 12-20 paragraphs of those templates and of background sentences
without events, with its own countries, weekday and numbers, so articles are news-shaped
(about 550 words) and differ from each other. A share of articles is republished by another
outlet within days (new headline and dateline, one paragraph dropped): the syndicated copies
the story dedup should group.

    python bench/corpus.py --n 2000 --out corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from faultline.clean import article_from
from faultline.errors import InputError
from faultline.ingest import read

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "src" / "faultline" / "data" / "sample"
COUNTRIES_TSV = REPO / "src" / "faultline" / "actors" / "data" / "countries.tsv"
PARAGRAPHS = (12, 20)
SENTENCES_PER_PARAGRAPH = (1, 3)
SYNDICATED_SHARE = 0.1   # articles republished by a second outlet
SYNDICATION_DAYS = 2     # a copy runs within this many days of the original
SPAN_DAYS = 730          # publication dates spread over two years
OUTLETS = ("Sahel Ledger", "Harbor Wire", "Meridian Post", "Savanna Briefs", "Coastal Times",
           "Delta Dispatch", "Highland Herald", "Continental Wire")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov",
          "Dec")
# Background sentences (our own words) that carry no event, as most sentences of real news do
# not; without them every sentence of a generated article would be an event template.
BACKGROUND = (
    "The two countries share a border of several hundred kilometres.",
    "Trade between {A} and {B} has grown steadily over the past decade.",
    "The region has been hit by drought for three years in a row.",
    "Prices of food and fuel have risen sharply since the start of the year.",
    "{A} is one of the largest producers of cotton in the region.",
    "Many residents of the border towns depend on cross-border markets for their living.",
    "The capital, {S}, is home to about two million people.",
    "Analysts say the economy is expected to grow by about four percent this year.",
    "The rainy season usually begins in June and lasts until September.",
    "Elections are scheduled for the end of next year.",
    "The port handles most of the imports of the landlocked countries to the north.",
    "Schools in the north have been closed for months because of insecurity.",
    "The country has a young population, with a median age under twenty.",
    "Road links between the two capitals were upgraded last year with foreign loans.",
    "The currency has lost a fifth of its value against the dollar since January.",
    "Most of the population works in farming and herding.",
)
BACKGROUND_SHARE = 0.5   # share of an article's sentences that are background
_SENTENCE = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_NUMBER = re.compile(r"(?<![\d,.])\d{1,3}(?![\d,.])")
_SLOT = re.compile(r"\{([A-Z]{3})\.(\w+)\}")


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    adjective: str
    seat: str
    seats: tuple[str, ...]


def countries() -> list[Country]:
    """Countries of the knowledge base with a demonym and a seat of government."""
    found = []
    for line in COUNTRIES_TSV.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 5 or cells[0] == "iso3":
            continue
        iso3, name, _aliases, adjectives, seats = cells[:5]
        if adjectives and seats:
            found.append(Country(iso3, name, adjectives.split("|")[0], seats.split("|")[0],
                                 tuple(seats.split("|"))))
    return found


class Templates:
    """Sample headlines and sentences with their countries turned into slots."""

    def __init__(self, pool: list[Country]) -> None:
        texts, titles = [], []
        for raw in read([SAMPLE]):
            if isinstance(raw, InputError):
                continue
            try:
                article = article_from(raw)
            except InputError:
                continue
            texts.append(article.text)
            titles.append(article.title or "")
        words: dict[str, str] = {}
        for country in pool:
            for attribute in ("name", "adjective", "seat"):
                words[getattr(country, attribute)] = f"{{{country.iso3}.{attribute}}}"
            for seat in country.seats:
                words[seat] = f"{{{country.iso3}.seat}}"
        names = sorted(words, key=len, reverse=True)
        pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")

        def template(text: str) -> str:
            text = text.replace("{", "(").replace("}", ")")
            return pattern.sub(lambda m: words[m.group(1)], text)

        self.sentences = [template(s) for text in texts for para in text.split("\n\n")
                          for s in _SENTENCE.split(para) if len(s.split()) >= 6]
        self.titles = [template(t) for t in titles if t]
        slots = _SLOT.findall(" ".join(self.sentences + self.titles))
        self.slots = sorted({iso3 for iso3, _ in slots})


def _fill(template: str, cast: dict[str, Country]) -> str:
    def value(match: re.Match[str]) -> str:
        iso3, attribute = match.group(1), match.group(2)
        return getattr(cast[iso3], attribute)

    return _SLOT.sub(value, template)


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.pool = countries()
        self.templates = Templates(self.pool)

    def _cast(self) -> dict[str, Country]:
        chosen = self.rng.sample(self.pool, len(self.templates.slots))
        return dict(zip(self.templates.slots, chosen, strict=True))

    def _vary(self, sentence: str) -> str:
        sentence = _WEEKDAY.sub(lambda _: self.rng.choice(WEEKDAYS), sentence)
        return _NUMBER.sub(lambda _: str(self.rng.randint(2, 250)), sentence)

    def article(self, number: int, day: dt.date) -> dict[str, str]:
        cast = self._cast()
        first, second = list(cast.values())[:2]
        paragraphs = []
        for _ in range(self.rng.randint(*PARAGRAPHS)):
            sentences = []
            for _ in range(self.rng.randint(*SENTENCES_PER_PARAGRAPH)):
                if self.rng.random() < BACKGROUND_SHARE:
                    sentences.append(self.rng.choice(BACKGROUND).format(
                        A=first.name, B=second.name, S=first.seat))
                else:
                    sentences.append(self._vary(_fill(self.rng.choice(self.templates.sentences),
                                                      cast)))
            paragraphs.append(" ".join(sentences))
        outlet = self.rng.choice(OUTLETS)
        dateline = f"{first.seat.upper()}, {MONTHS[day.month - 1]} {day.day} ({outlet}) — "
        paragraphs[0] = dateline + paragraphs[0]
        return {"id": f"gen-{number:07d}", "title": _fill(self.rng.choice(self.templates.titles),
                                                           cast),
                "text": "\n\n".join(paragraphs), "published": day.isoformat(),
                "outlet": outlet, "url": f"https://example.org/{number}"}

    def copy(self, original: dict[str, str], number: int) -> dict[str, str]:
        """The same story from another outlet: new headline and dateline, a paragraph dropped."""
        paragraphs = original["text"].split("\n\n")
        paragraphs.pop(self.rng.randrange(1, len(paragraphs)))
        outlet = self.rng.choice([o for o in OUTLETS if o != original["outlet"]])
        paragraphs[0] = re.sub(r"\(([^)]*)\) — ", f"({outlet}) — ", paragraphs[0], count=1)
        day = dt.date.fromisoformat(original["published"]) + dt.timedelta(
            days=self.rng.randint(0, SYNDICATION_DAYS))
        title = _fill(self.rng.choice(self.templates.titles), self._cast())
        return {**original, "id": f"gen-{number:07d}", "title": title, "outlet": outlet,
                "text": "\n\n".join(paragraphs), "published": day.isoformat(),
                "url": f"https://example.org/{number}"}

    def records(self, n: int) -> Iterator[dict[str, str]]:
        """``n`` articles, copies following their original by a few places."""
        start = dt.date(2023, 1, 1)
        waiting: list[dict[str, str]] = []
        for number in range(n):
            if waiting and self.rng.random() < 0.5:
                yield self.copy(waiting.pop(0), number)
                continue
            day = start + dt.timedelta(days=self.rng.randrange(SPAN_DAYS))
            original = self.article(number, day)
            if self.rng.random() < SYNDICATED_SHARE:
                waiting.append(original)
            yield original


def write_corpus(path: Path, n: int, seed: int = 7) -> Path:
    """Write ``n`` generated articles to a JSON Lines file, streaming."""
    with path.open("w", encoding="utf-8") as out:
        for record in Generator(seed).records(n):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path("corpus.jsonl"))
    args = parser.parse_args()
    write_corpus(args.out, args.n, args.seed)
    words = chars = 0
    with args.out.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            words += len(text.split())
            chars += len(text)
    print(f"{args.n} articles, {words / args.n:.0f} words and {chars / args.n:.0f} characters "
          f"each on average, written to {args.out}")


if __name__ == "__main__":
    main()
