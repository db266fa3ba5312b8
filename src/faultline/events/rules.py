"""The event lexicon (``data/lexicon.tsv``): trigger lemma + argument shape → CAMEO code.

A row is a rule; the format is documented at the top of the file. Rows are indexed by
(part of speech, lemma) so matching a token costs one dictionary look-up.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

from faultline.events.codebook import CodebookError, load_codebook
from faultline.tsv import package_rows

FLAGS = frozenset({"sym", "notarget", "obj_source", "warning", "needs_prep"})
COLUMNS = ["cameo", "pos", "lemma", "object", "prep", "flags", "note"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row. ``objects`` empty: any object; ``preps`` empty: the object is target."""

    cameo: str
    pos: str
    lemma: str
    objects: frozenset[str]
    preps: tuple[str, ...]
    flags: frozenset[str]
    line: int

    @property
    def row_id(self) -> str:
        """A stable, readable id for traces: "send[soldier|troop](to)=0234", "n:talk=043"."""
        objects = f"[{'|'.join(sorted(self.objects))}]" if self.objects else ""
        preps = f"({'|'.join(self.preps)})" if self.preps else ""
        kind = "n:" if self.pos == "N" else ""
        return f"{kind}{self.lemma}{objects}{preps}={self.cameo}"

    @property
    def specificity(self) -> int:
        """Object-constrained rows beat preposition rows, which beat bare lemmas."""
        return 2 * bool(self.objects) + bool(self.preps)


def _split(cell: str) -> list[str]:
    return [part.strip().lower() for part in cell.split("|") if part.strip()]


def lexicon_files() -> list[str]:
    """``lexicon.tsv`` (ours), then the converted ``lexicon-*.tsv`` files in name order."""
    data = resources.files("faultline.events").joinpath("data")
    extra = sorted(f.name for f in data.iterdir()
                   if f.name.startswith("lexicon-") and f.name.endswith(".tsv"))
    return ["lexicon.tsv", *extra]


@functools.cache
def load_lexicon() -> dict[tuple[str, str], tuple[Entry, ...]]:
    """Rows indexed by (pos, lemma); a bad row raises naming its file and line. A row of a
    later file with the same lemma and shape as an earlier one is skipped: ours win."""
    codebook = load_codebook()
    index: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for filename in lexicon_files():
        for number, row in package_rows("faultline.events", filename):
            if list(row) != COLUMNS:
                raise CodebookError(f"{filename}: header must be {COLUMNS}")
            flag_set = frozenset(_split(row["flags"].replace(",", "|")))
            cameo, pos, lemma = row["cameo"], row["pos"], row["lemma"].strip().lower()
            if cameo not in codebook or pos not in {"V", "N"} or not lemma or flag_set - FLAGS:
                raise CodebookError(f"{filename}:{number}: bad code, pos, lemma or flag")
            entry = Entry(cameo, pos, lemma, frozenset(_split(row["object"])),
                          tuple(_split(row["prep"])), flag_set, number)
            if filename == "lexicon.tsv" or not any(
                    (e.objects, e.preps) == (entry.objects, entry.preps)
                    for e in index[(pos, lemma)]):
                index[(pos, lemma)].append(entry)
    return {key: tuple(entries) for key, entries in index.items()}


# Codes whose specific sub-code depends on what the appeal, intent, demand, rejection or
# threat is about (CAMEO roots 02, 03, 10, 12, 13).
FRAME_ROOTS = frozenset({"02", "03", "10", "12", "13"})


@functools.cache
def load_frames() -> dict[tuple[str, str], str]:
    """(frame root, complement code or prefix) → specific code, from ``data/frames.tsv``."""
    codebook = load_codebook()
    frames: dict[tuple[str, str], str] = {}
    for number, row in package_rows("faultline.events", "frames.tsv"):
        frame, complement, code = row["frame"], row["complement"], row["code"]
        if frame not in FRAME_ROOTS or code not in codebook or not code.startswith(frame):
            raise CodebookError(f"frames.tsv:{number}: bad frame row {row}")
        frames[(frame, complement)] = code
    return frames


def frame_code(frame: str, complement: str) -> str | None:
    """The specific code of a frame about ``complement`` (longest matching prefix wins)."""
    frames = load_frames()
    for length in (4, 3, 2):
        code = frames.get((frame[:2], complement[:length]))
        if code is not None and len(complement) >= length:
            return code
    return None


# Word classes of ``data/cues.tsv`` and what reads them.
CUE_CLASSES = frozenset({
    "perfect_aux",     # dating: a past perfect tells the story's past
    "duration_prep",   # dating: "since 2013" starts a span, never dates the act
    "narrative_time",  # dating: "the next day" counts from the story's past
    "time_noun",       # dating: "Tuesday evening" is a time, not a noun a date modifies
    "habitual_adverb", # dating: "has long accused": a standing position, background
    "long_span",       # dating: "for years", "in recent years": a past span, background
    "span_prep",       # dating: the prepositions that open such a span
    "news_present",    # dating: present-tense verbs that report the day's news ("says")
    "averting_verb",   # modality: "to avert a clash": its object event did not happen
    "failing_noun",    # modality: "the failure to prosecute": its infinitive did not happen
    "suspending_noun", # modality: "attempts to extradite": its infinitive is not asserted
    "unrealised_modifier",  # modality: "the expected assault" has not happened
    "scheduled_adjective",  # modality: "is due to discuss": scheduled, not done
    "permitting_verb", # modality: "allows X to do": permitted, not done
    "trying_verb",     # modality: "struggles to do": tried, not done
    "denying_verb",    # modality: "denied that X attacked": the clause is denied
    "standing_noun",   # extract: "under the deal" names an agreement, no event
    "state_act_root",  # events: CAMEO roots whose bare-country actor is its government
    "combat_noun",     # extract: "killed in clashes with X" is X's use of force
})


@functools.cache
def load_cues() -> dict[str, frozenset[str]]:
    """Class → words, from ``data/cues.tsv``; an unknown class raises naming its line."""
    found: dict[str, set[str]] = defaultdict(set)
    for number, row in package_rows("faultline.events", "cues.tsv", pad=True):
        cls, word = row["class"], row["word"].strip().lower()
        if cls not in CUE_CLASSES or not word:
            raise CodebookError(f"cues.tsv:{number}: unknown class {cls!r} or empty word")
        found[cls].add(word)
    return {cls: frozenset(found.get(cls, ())) for cls in CUE_CLASSES}

