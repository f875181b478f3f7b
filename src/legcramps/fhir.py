"""HL7 FHIR R4: an assessment as a coded ``RiskAssessment``, the questions as a ``Questionnaire``.

- :func:`risk_assessment`: an :class:`~legcramps.Assessment` as a ``RiskAssessment``;
- :func:`questionnaire`: the knowledge's questions as a ``Questionnaire``;
- :func:`answers`: a ``QuestionnaireResponse`` to it, read back into answers;
- :func:`questionnaire_response`: answers as such a response;
- :func:`operation_outcome`: an :class:`~legcramps.InvalidInput` as an ``OperationOutcome``.

Every code system and the Questionnaire are canonical under one base URL,
:data:`DEFAULT_BASE_URL` unless *base_url* gives an organisation's own.

>>> import legcramps, legcramps.fhir
>>> r = legcramps.fhir.risk_assessment(legcramps.assess(sitting_hours=6), subject="Patient/7")
>>> r["resourceType"], r["status"]
('RiskAssessment', 'final')
>>> legcramps.fhir.answers(legcramps.fhir.questionnaire_response({"sitting_hours": 6}))
{'sitting_hours': 6}
"""

from legcramps._fhir import (
    ATC,
    DEFAULT_BASE_URL,
    STATUSES,
    operation_outcome,
    risk_assessment,
)
from legcramps._public import publish
from legcramps._questionnaire import answers, questionnaire, questionnaire_response

__all__ = [
    "ATC",
    "DEFAULT_BASE_URL",
    "STATUSES",
    "answers",
    "operation_outcome",
    "questionnaire",
    "questionnaire_response",
    "risk_assessment",
]

for _public in (risk_assessment, questionnaire, questionnaire_response, answers, operation_outcome):
    publish(_public, __name__)
del _public


def __dir__() -> list[str]:
    return sorted(__all__)
