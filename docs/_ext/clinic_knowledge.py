"""An example of custom knowledge: a clinic that counts sitting from 3 hours.

The docs page on extending the knowledge includes this file and renders its
table with ``.. legcramps-signs::`` and ``:knowledge: clinic_knowledge.CLINIC``.

>>> CLINIC.version
'my-clinic-1'
"""

from __future__ import annotations

import attrs

import legcramps
from legcramps import Condition

_POSTURE = legcramps.KNOWLEDGE.cause("posture")
_REASON = "Sitting for 3 hours or more at a stretch."

#: The built-in knowledge, with sitting counted from 3 hours instead of 4.
CLINIC = legcramps.KNOWLEDGE.replace_cause(
    attrs.evolve(
        _POSTURE,
        signs=tuple(
            attrs.evolve(sign, when=Condition("sitting_hours", at_least=3), reason=_REASON)
            if sign.when == Condition("sitting_hours", at_least=4)
            else sign
            for sign in _POSTURE.signs
        ),
    ),
    version="my-clinic-1",
)
