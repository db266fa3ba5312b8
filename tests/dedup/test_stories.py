"""Story dedup: planted syndicated copies join; distinct stories on one topic and day never do."""

from __future__ import annotations

import pytest

from faultline.dedup.minhash import from_bytes, signature, similarity, to_bytes
from faultline.dedup.stories import STORY_WINDOW_DAYS, StoryIndex, story_id_for

BASE = [
    "The foreign ministers of Senegal and Gambia met in Banjul on Monday to settle a dispute over "
    "ferry fees on the river crossing at Farafenni, which traders say has doubled their costs.",
    "Both sides agreed to cut the fees by a third from next month and to publish the new tariff "
    "at every crossing point, according to a joint statement read by a Gambian official.",
    "The dispute began in January when the ferry company raised prices after buying two new "
    "boats, a move that angered lorry drivers who went on strike for three days.",
    "A committee of engineers from both countries will also study whether a second bridge could "
    "be built further upstream, a project first discussed more than ten years ago.",
    "Fishermen who use the river said they hoped the talks would also cover the night curfew on "
    "small boats that the two navies imposed last year.",
]
OTHER = [  # same countries, same day, another story
    "Senegal and Gambia signed a deal on Monday to share electricity from a new solar farm near "
    "Kaolack, energy officials said at a ceremony attended by both presidents.",
    "The plant will send a fifth of its output to Banjul over a new line built with a loan from "
    "a regional development bank, which is expected to be finished by the end of next year.",
    "Power cuts in the Gambian capital have lasted up to ten hours a day during the dry season, "
    "forcing shops and clinics to rely on diesel generators.",
]


def _text(paragraphs: list[str], headline: str, dateline: str) -> str:
    return "\n\n".join([headline, f"{dateline} {paragraphs[0]}", *paragraphs[1:]])


ORIGINAL = _text(BASE, "Senegal and Gambia settle ferry row", "BANJUL, 3 June (Wire) -")
SYNDICATED = _text(  # new headline and dateline, one paragraph dropped, some words reworded
    [p.replace("doubled", "raised").replace("lorry drivers", "truckers") for p in BASE[:4]],
    "Ferry fees to fall after Banjul talks", "DAKAR, 4 June (Coastal Post) -")
DISTINCT = _text(OTHER, "Solar power deal for Senegal and Gambia", "BANJUL, 3 June (Wire) -")


def test_syndicated_copy_joins_distinct_story_does_not() -> None:
    index = StoryIndex()
    first = index.add("a-01", ORIGINAL, "2024-06-03")
    assert first == story_id_for("a-01") == "s-01"
    assert index.add("a-02", SYNDICATED, "2024-06-04") == first
    assert index.add("a-03", DISTINCT, "2024-06-03") == "s-03"


def test_story_id_is_stable_and_repeat_add_is_idempotent() -> None:
    index = StoryIndex()
    index.add("a-01", ORIGINAL, "2024-06-03")
    index.add("a-02", SYNDICATED, "2024-06-04")
    assert index.add("a-01", ORIGINAL, "2024-06-03") == "s-01"
    assert index.add("a-02", SYNDICATED, "2024-06-04") == "s-01"
    assert len(index) == 2


@pytest.mark.parametrize(("days", "joins"), [(STORY_WINDOW_DAYS, True),
                                             (STORY_WINDOW_DAYS + 1, False)])
def test_date_window_edge(days: int, joins: bool) -> None:
    import datetime as dt

    index = StoryIndex()
    index.add("a-01", ORIGINAL, "2024-06-03")
    later = (dt.date(2024, 6, 3) + dt.timedelta(days=days)).isoformat()
    assert (index.add("a-02", SYNDICATED, later) == "s-01") is joins


def test_undated_articles_match_any_date() -> None:
    index = StoryIndex()
    index.add("a-01", ORIGINAL, "2024-06-03")
    assert index.add("a-02", SYNDICATED, None) == "s-01"


def test_restored_index_lets_later_articles_join() -> None:
    sig = signature(ORIGINAL)
    stored = to_bytes(sig)  # as the store keeps it
    fresh = StoryIndex()
    fresh.restore("a-01", from_bytes(stored), "2024-06-03", "s-01")
    assert fresh.add("a-09", SYNDICATED, "2024-06-05") == "s-01"


def test_similarity_separates_copies_from_same_topic() -> None:
    copy = similarity(signature(ORIGINAL), signature(SYNDICATED))
    other = similarity(signature(ORIGINAL), signature(DISTINCT))
    assert copy >= StoryIndex().threshold > other
    assert other < 0.1


def test_signatures_are_stable_across_processes() -> None:
    # Fixed values: signatures stored by one run must equal those the next run computes
    # (Python's own hash() changes per process and would break this).
    assert signature("Niger and Benin reopened the border")[:3].tolist() == [
        820057939, 610352840, 2710880157]
    assert signature("niger  and BENIN reopened the border").tolist() == \
        signature("Niger and Benin reopened the border").tolist()
    assert len(to_bytes(signature("x y z"))) == 512
