"""Short fictional articles for store tests (our own words, in ``tests/fixtures/store``).

01 and 02 are one story (02 is a syndicated rewrite: new headline and dateline, one paragraph
dropped, a few words changed); 03 names the same countries on the same day but is another
story; 04 holds a negated event; 05 is written here as an exact copy of 01.
"""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "store"
BRIDGE_COPY = (FIXTURES / "02-bridge-copy.txt").read_text(encoding="utf-8")


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(FIXTURES.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    bridge = (FIXTURES / "01-bridge.txt").read_text(encoding="utf-8")
    (folder / "05-bridge-exact.txt").write_text(bridge + "\n\n", encoding="utf-8")
    return folder
