"""Geocoding: each event's place from its sentence, resolved against an offline gazetteer
(``geo.locate`` is the stage; ``geo.load_gazetteer`` the index it reads)."""

from faultline.geo.gazetteer import load_gazetteer
from faultline.geo.geocode import locate

__all__ = ["load_gazetteer", "locate"]
