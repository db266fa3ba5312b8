"""A constructed store: Benin–Niger sours in a known week, Ghana–Togo stays flat, and
Mali–France has one hostile story copied by ten outlets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.relations.store_builder import Act, StorySpec, build_store

START = dt.date(2025, 1, 6)  # a Monday
SOURING_WEEK = 8  # Benin–Niger turns hostile from this week (0-based)
WEEKS = 14
COPIES = 10


def week(n: int, day: int = 0) -> dt.date:
    return START + dt.timedelta(weeks=n, days=day)


def constructed_specs() -> list[StorySpec]:
    specs: list[StorySpec] = []
    for n in range(WEEKS):
        for k, day in enumerate((1, 3)):
            if n < SOURING_WEEK:
                act = Act("NER", "BEN", "040", 1.0 + k * 2.5, 1)  # consult, cooperate
            else:
                act = Act("BEN", "NER", "111" if k else "172", -2.0 - k * 3.0, 3 if k else 4)
            specs.append(StorySpec(f"nb{n}-{k}", week(n, day), (act,)))
            flat = Act("GHA", "TGO", "040" if k else "057", 1.0 + k * 1.5 + (n % 3) * 0.5,
                       1 if k else 2)
            specs.append(StorySpec(f"gt{n}-{k}", week(n, day + 1), (flat,)))
    for n in range(0, 10, 2):
        specs.append(StorySpec(f"mf{n}", week(n, 2), (Act("MLI", "FRA", "040", 1.0, 1),)))
    denied = Act("MLI", "FRA", "190", -10.0, 4, negated=True)
    specs.append(StorySpec("mf-denied", week(3, 2), (denied,)))
    wire = Act("MLI", "FRA", "195", -10.0, 4)
    specs.append(StorySpec("mf-wire", week(11, 2), (wire,),
                           outlets=tuple(f"Outlet {i}" for i in range(COPIES))))
    return specs


@pytest.fixture(scope="session")
def relations_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("relations") / "r.duckdb", constructed_specs())
