"""Relations between actors, read from a store: dyad series, change alerts, networks, actors.

Every question reads the ``counted_events`` view, so a figure here equals what the ``gdelt``
and ``plover`` exports count (one event per story, source, target, code and date), and every
interval is computed over independent stories, not over copies of one story.
"""

from __future__ import annotations

from faultline.relations.actors import ActorHit, actors
from faultline.relations.alerts import Alert, alerts
from faultline.relations.common import Freq, Group
from faultline.relations.network import network, network_graphml, network_json
from faultline.relations.series import Period, series

__all__ = ["ActorHit", "Alert", "Freq", "Group", "Period", "actors", "alerts", "network",
           "network_graphml", "network_json", "series"]
