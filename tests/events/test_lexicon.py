"""The lexicon and codebook load, every row is valid, and every CAMEO root is covered."""

from __future__ import annotations

from faultline.events.codebook import load_codebook, lookup
from faultline.events.rules import load_lexicon


def test_codebook_has_every_code_with_plover_and_quad_class() -> None:
    book = load_codebook()
    assert len(book) == 312
    assert lookup("072").plover == "AID" and lookup("072").plover_mode == "military"
    assert lookup("0871").plover == "RETREAT"
    assert lookup("190").quad_class == 4 and lookup("057").quad_class == 1
    assert lookup("010").plover is None  # statements have no PLOVER type
    assert all(info.code.startswith(info.root) for info in book.values())


def test_every_root_has_lexicon_rows() -> None:
    roots = {entry.cameo[:2] for rows in load_lexicon().values() for entry in rows}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_phrasal_and_light_verb_rows_exist() -> None:
    lexicon = load_lexicon()
    assert ("V", "crack down") in lexicon
    held = lexicon[("V", "hold")]
    assert any("talk" in entry.objects for entry in held)


def test_frames_take_the_code_of_their_complement() -> None:
    from faultline.events.rules import frame_code

    assert frame_code("130", "163") == "1312"  # threaten + impose sanctions
    assert frame_code("100", "0841") == "1053"  # demand + release persons
    assert frame_code("120", "045") == "126"  # reject + mediation
    assert frame_code("020", "0871") == "0256"  # appeal + ceasefire
    assert frame_code("130", "190") == "1384"  # threaten + attack
    assert frame_code("130", "010") is None  # no frame for statements
