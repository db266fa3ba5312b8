"""Our actor development set (eval/actors/mentions.tsv) meets the issue's targets, and its
file is well formed."""

from __future__ import annotations

import pytest

from faultline.evaluation.actors import DEV_SET, evaluate_dev_set, read_dev_set

# Targets: country, role and full code accuracy; the share of wrong (not missing) countries.
COUNTRY_TARGET = 0.95
ROLE_TARGET = 0.85
CODE_TARGET = 0.80
MAX_WRONG_COUNTRY = 0.02
MIN_MENTIONS = 300


def test_dev_set_is_well_formed_and_covers_every_continent() -> None:
    rows = [row for _, row in read_dev_set(DEV_SET)]
    assert len(rows) >= MIN_MENTIONS
    assert {row["continent"] for row in rows} >= {"AF", "AM", "AS", "EU", "ME", "OC", "INT"}
    assert all(row["mention"] in row["context"] for row in rows)
    assert any(not row["code"] for row in rows)  # abstentions are scored too


@pytest.mark.slow
def test_dev_set_meets_the_targets() -> None:
    overall = evaluate_dev_set(DEV_SET).overall
    assert overall.country.value >= COUNTRY_TARGET, str(overall.country)
    assert overall.role.value >= ROLE_TARGET, str(overall.role)
    assert overall.code.value >= CODE_TARGET, str(overall.code)
    assert overall.wrong_country.value <= MAX_WRONG_COUNTRY, str(overall.wrong_country)
