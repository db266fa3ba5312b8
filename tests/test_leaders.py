"""The dated leaders tables: every UN member's heads of state and government, foreign and
defence ministers are known for every day from 2000 (or the state's birth) to the last review,
so "the president of X" and a minister's name resolve on any date a user's corpus covers."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from faultline.actors.tables import LEADER_FILES
from faultline.tsv import package_rows

# The day the tables were last reviewed: every post must be covered up to it.
REVIEW_DATE = dt.date(2026, 11, 1)
# Days a post may stay uncovered in total over the period (acting holders between terms,
# transitions the tables date to the day after).
MAX_GAP_DAYS = 120

# Share of the ministers' member-days (FM, DM) the tables must cover: smaller states' ministers
# before the 2010s are often not on public record, and a stretch we cannot date stays empty.
MINISTER_COVERAGE_FLOOR = 0.90  # 0.908 at the first full review
HEAD_POSTS = ("HOS", "HOG")
# Heads the tables do not know yet, and why (remove a state once its rows are complete).
KNOWN_SHORT = {
    "BEN": "the president inaugurated in May 2026 is not yet in the table",
    "SMR": "the captains regent, two every six months, are recorded only for some semesters",
}

MEMBERS = {row["iso3"]: row for _, row in package_rows("faultline.actors", "leaders/members.tsv")}
TERMS: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
FILE_OF: dict[str, set[str]] = defaultdict(set)
for _filename in LEADER_FILES:
    for _, _row in package_rows("faultline.actors", _filename):
        FILE_OF[_row["country"]].add(_filename)
        _end = dt.date.fromisoformat(_row["end"]) if _row["end"] else REVIEW_DATE
        for _post in _row["post"].split("|"):
            TERMS[(_row["country"], _post)].append((dt.date.fromisoformat(_row["start"]), _end))
for _, _row in package_rows("faultline.actors", "leaders/vacancies.tsv"):
    TERMS[(_row["iso3"], _row["post"])].append((dt.date.fromisoformat(_row["start"]),
                                                dt.date.fromisoformat(_row["end"])))


def _uncovered_days(terms: list[tuple[dt.date, dt.date]], since: dt.date) -> int:
    """Days between ``since`` and the review date that no term covers."""
    gap, cursor = 0, since
    for start, end in sorted(terms):
        if start > cursor:
            gap += (min(start, REVIEW_DATE) - cursor).days
        cursor = max(cursor, end)
        if cursor >= REVIEW_DATE:
            break
    return gap + max(0, (REVIEW_DATE - cursor).days)


def test_there_are_193_members_each_in_one_regional_file() -> None:
    assert len(MEMBERS) == 193
    assert {f"leaders/{m['region']}.tsv" for m in MEMBERS.values()} == set(LEADER_FILES)


@pytest.mark.parametrize("iso3", sorted(MEMBERS))
def test_every_members_heads_of_state_and_government_are_known_from_2000(iso3: str) -> None:
    member = MEMBERS[iso3]
    assert FILE_OF.get(iso3, set()) <= {f"leaders/{member['region']}.tsv"}
    since = dt.date.fromisoformat(member["since"])
    gaps = {post: _uncovered_days(TERMS[(iso3, post)], since) for post in HEAD_POSTS}
    if iso3 in KNOWN_SHORT:
        assert any(days > MAX_GAP_DAYS for days in gaps.values()), "complete now: drop it"
        return
    assert all(days <= MAX_GAP_DAYS for days in gaps.values()), (member["name"], gaps)


def test_foreign_and_defence_ministers_are_known_for_most_days() -> None:
    total = uncovered = 0
    for iso3, member in MEMBERS.items():
        since = dt.date.fromisoformat(member["since"])
        for post in set(member["posts"].split()) - set(HEAD_POSTS):
            total += (REVIEW_DATE - since).days
            uncovered += _uncovered_days(TERMS[(iso3, post)], since)
    assert 1 - uncovered / total >= MINISTER_COVERAGE_FLOOR
