"""False rejections of English text by the language check, at every length.

English texts: the bundled sample articles and the test articles (our own), plus, when the
development data sits beside the checkout, every sentence of ``../shared/eval`` (read at run
time). Each text is cut to its first N words for N in ``LENGTHS`` (and kept whole), in its own
case, lower case and upper case; each piece goes through ``clean.language.check_text``. A
rejection ("not English") of any piece is a false rejection.

    python bench/language.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from faultline.clean.language import check_text
from faultline.errors import InputError

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "src" / "faultline" / "data" / "sample", REPO / "tests" / "fixtures" / "articles"]
EVAL = REPO.parent / "shared" / "eval"
LENGTHS = (1, 2, 3, 5, 8, 12, 19, 20, 25, 30, 40, 60, 100, 200, 400)
# Our own sentences in other languages (the check must still refuse them): 20+ words each.
OTHER = {
    "French": "Les ministres des deux pays se sont rencontrés lundi à Niamey pour discuter de la "
              "réouverture de la frontière et du commerce du bétail entre les deux marchés.",
    "Spanish": "Los ministros de los dos países se reunieron el lunes en la capital para hablar "
               "de la reapertura de la frontera y del comercio de ganado entre ambos mercados.",
    "German": "Die Minister der beiden Länder trafen sich am Montag in der Hauptstadt, um über "
              "die Öffnung der Grenze und den Handel mit Vieh zwischen den Märkten zu sprechen.",
    "Portuguese": "Os ministros dos dois países reuniram-se na segunda-feira na capital para "
                  "discutir a reabertura da fronteira e o comércio de gado entre os dois mercados.",
}
CASES = {"as written": str, "lower": str.lower, "upper": str.upper}


def english_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for folder in SOURCES
             for p in sorted(folder.glob("*.txt"))]
    for name in ("plover-gsr/records.jsonl", "cameo/examples.jsonl"):
        path = EVAL / name
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                texts.extend(json.loads(line)["text"] for line in lines if line.strip())
    return texts


def bucket(words: int) -> str:
    for low, high in ((1, 4), (5, 11), (12, 19), (20, 39), (40, 99), (100, 399)):
        if low <= words <= high:
            return f"{low}-{high} words"
    return "400+ words"


def main() -> None:
    texts = english_texts()
    pieces: set[str] = set()
    for text in texts:
        words = text.split()
        pieces.update(" ".join(words[:n]) for n in LENGTHS if n < len(words))
        pieces.add(" ".join(words))
    seen: Counter[tuple[str, str, str]] = Counter()
    rejected: list[str] = []
    for piece in sorted(pieces):
        for case, change in CASES.items():
            try:
                found = check_text("bench", change(piece))
                verdict = "english" if found.language == "en" else "uncertain"
            except InputError as e:
                verdict = e.code
                if e.code == "not-english":
                    rejected.append(f"{case}: {change(piece)[:80]!r} ({e.reason})")
            seen[(bucket(len(piece.split())), case, verdict)] += 1
    print(f"{len(texts)} English texts, {len(pieces)} pieces x {len(CASES)} cases")
    print(f"{'length':<16}{'case':<12}{'pieces':>8}{'english':>9}{'uncertain':>11}"
          f"{'rejected':>10}")
    lengths = sorted({k[0] for k in seen}, key=lambda b: int(b.split("-")[0].rstrip("+ words")))
    for length in lengths:
        for case in CASES:
            row = {v: seen[(length, case, v)] for v in ("english", "uncertain", "not-english")}
            total = sum(seen[(length, case, v)] for v in {k[2] for k in seen})
            print(f"{length:<16}{case:<12}{total:>8}{row['english']:>9}{row['uncertain']:>11}"
                  f"{row['not-english']:>10}")
    print(f"false rejections: {len(rejected)} of {len(pieces) * len(CASES)}")
    for line in rejected[:20]:
        print("  ", line)
    refused = 0
    for language, text in OTHER.items():
        try:
            check_text("bench", text)
            print(f"   {language}: accepted (a miss)")
        except InputError as e:
            refused += e.code == "not-english"
    print(f"other languages refused: {refused} of {len(OTHER)}")


if __name__ == "__main__":
    main()
