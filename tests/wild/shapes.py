"""The wild-shapes corpus: each sample article (our own fictional text, shipped in the package)
rewritten in the shapes real corpora arrive in, with the clean version to compare against.

Shapes that keep the meaning (``MEANING_KEPT``) must give the clean version's events; the others
(``long``: the body repeated to 50,000 words; ``sentence``: the lead's first sentence alone) must
be kept and coded, and find no event the clean version does not.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)

from faultline.clean import article_from
from faultline.clean.paragraphs import sentences
from faultline.model import Event, RawDocument
from faultline.pipeline import code_documents

REPO = Path(__file__).resolve().parents[2]
FOLDERS = (REPO / "src" / "faultline" / "data" / "sample", REPO / "tests" / "fixtures" / "articles")
# The long shape: 50,000 words in the bench; the CI gate uses 10,000 (coding time grows faster
# than linearly with a document's length: see docs/reliability.md).
LONG_WORDS = 50_000
DATE = "2025-03-01"


@dataclass(frozen=True, slots=True)
class Base:
    name: str
    title: str
    paragraphs: tuple[str, ...]

    @property
    def clean(self) -> str:
        return self.title + "\n\n" + "\n\n".join(self.paragraphs)


def _nav_page(base: Base) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in base.paragraphs)
    return (
        f"<!doctype html><html><head><title>{html.escape(base.title)}</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/africa'>Africa</a>"
        "</nav><header><a href='/login'>Sign in</a></header>"
        f"<article><h1>{html.escape(base.title)}</h1>{body}</article>"
        "<section class='comments'><h2>Comments</h2>"
        "<div class='comment'><p>Reader 1: This is what happens when nobody listens to the "
        "farmers, I have said it for years and nobody in the capital cares.</p></div>"
        "<div class='comment'><p>Reader 2: Great reporting, keep it up!</p></div></section>"
        "<footer><p>© 2025 Harbor Wire. All rights reserved.</p></footer></body></html>"
    )


def _long(base: Base, words_wanted: int) -> str:
    body = list(base.paragraphs)
    words = sum(len(p.split()) for p in body)
    repeats = words_wanted // max(words, 1) + 1
    return base.title + "\n\n" + "\n\n".join(body * repeats)


SHAPES: dict[str, Callable[[Base, int], tuple[str | bytes, str]]] = {
    "clean": lambda b, _: (b.clean, "text"),
    "one-line": lambda b, _: (" ".join(b.paragraphs), "text"),
    "no-breaks": lambda b, _: ("\n".join(b.paragraphs), "text"),
    "lower": lambda b, _: (b.clean.lower(), "text"),
    "upper": lambda b, _: (b.clean.upper(), "text"),
    "mojibake": lambda b, _: (b.clean.encode("utf-8").decode("sloppy-windows-1252"), "text"),
    "html": lambda b, _: (_nav_page(b), "html"),
    "long": lambda b, words: (_long(b, words), "text"),
    "sentence": lambda b, _: (sentences(b.paragraphs[0])[0], "text"),
}
MEANING_KEPT = ("one-line", "no-breaks", "lower", "upper", "mojibake", "html")


def bases(limit: int | None = None) -> list[Base]:
    """The sample and test articles, cleaned: title and story paragraphs (the known content);
    ``limit`` takes that many from each folder."""
    found = []
    for path in [p for folder in FOLDERS for p in sorted(folder.glob("*.txt"))[:limit]]:
        article = article_from(RawDocument(str(path), path.read_bytes()))
        found.append(Base(path.stem, article.title or path.stem,
                          tuple(article.text.split("\n\n"))))
    return found


def documents(base: Base, shapes: tuple[str, ...] = tuple(SHAPES),
              long_words: int = LONG_WORDS) -> dict[str, RawDocument]:
    """``base`` in each shape, as the raw documents a reader would give."""
    made = {}
    for shape in shapes:
        content, fmt = SHAPES[shape](base, long_words)
        made[shape] = RawDocument(f"{base.name}.{shape}", content, fmt)
    return made


Signature = tuple[str | None, str | None, str, bool, str]


def signature(event: Event) -> Signature:
    """What an event says, whatever the shape of its text (offsets and ids differ)."""
    return (event.source.code if event.source else None,
            event.target.code if event.target else None,
            event.cameo, event.negated, event.modality)


@dataclass(slots=True)
class ShapeScore:
    """Per shape: documents, documents lost (not kept or not coded), events found of the clean
    version's, and events the clean version does not have."""

    documents: int = 0
    lost: list[str] = field(default_factory=list)
    clean_events: int = 0
    found: int = 0
    extra: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.clean_events if self.clean_events else 1.0


def score(corpus: list[Base], shapes: tuple[str, ...] = tuple(SHAPES),
          long_words: int = LONG_WORDS) -> dict[str, ShapeScore]:
    """Code every base in every shape and compare each with its clean version."""
    scores = {shape: ShapeScore() for shape in shapes}
    for base in corpus:
        made = documents(base, ("clean", *shapes), long_words)
        results = dict(zip(made, code_documents(made.values(), date=DATE), strict=True))
        clean = Counter(signature(e) for e in results["clean"].events)
        for shape in shapes:
            result, card = results[shape], scores[shape]
            card.documents += 1
            if result.error is not None or result.article is None:
                card.lost.append(f"{base.name}: {result.error}")
                continue
            found = Counter(signature(e) for e in result.events)
            if shape == "long":  # the body many times over: every clean event, at least once
                found = Counter({k: min(v, clean[k]) for k, v in found.items()})
            card.clean_events += sum(clean.values()) if shape != "sentence" else 0
            card.found += sum((found & clean).values()) if shape != "sentence" else 0
            card.extra += sum((found - clean).values())
    return scores
