"""HL7 FHIR R4: an assessment as a ``RiskAssessment`` resource.

>>> import legcramps, legcramps.fhir
>>> r = legcramps.fhir.risk_assessment(legcramps.assess(sitting_hours=6), subject="Patient/7")
>>> r["resourceType"], r["status"]
('RiskAssessment', 'final')
"""

from legcramps._fhir import risk_assessment
from legcramps._public import publish

__all__ = ["risk_assessment"]

publish(risk_assessment, __name__)


def __dir__() -> list[str]:
    return sorted(__all__)
