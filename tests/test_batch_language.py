"""``assess_many(..., language=)``: the texts of its records in a language."""

from __future__ import annotations

from typing import Any

import pytest

import legcramps

ES = legcramps.catalog("es")
ROW: dict[str, Any] = {"hot_weather": True, "fluid_litres": 0.5}
BAD = {"hot_weather": "si"}
PROBLEM = legcramps.Problem("hot_weather", "'si' (str)", "True, False or None (unknown)")


def test_a_dict_record_holds_the_spanish_result() -> None:
    """With output "dict", a result is `to_dict(language="es")`."""
    [record] = legcramps.assess_many([ROW], output="dict", language="es")

    assert legcramps.assess(**ROW).to_dict(language="es") == record["result"]


def test_a_dict_record_holds_spanish_problems() -> None:
    """With output "dict", a bad row's problems have their words in Spanish."""
    [record] = legcramps.assess_many([BAD], output="dict", on_error="record", language="es")

    assert [ES.problem(PROBLEM).to_dict()] == record["problems"]


def test_the_flat_problems_column_is_in_spanish() -> None:
    """With output "flat", the `problems` column is written in Spanish."""
    [record] = legcramps.assess_many(
        [BAD], output="flat", fields=["urgency"], on_error="record", language="es"
    )

    assert ES.line(PROBLEM) == record["problems"]


def test_workers_give_the_same_spanish_records() -> None:
    """Two workers give the same Spanish records as one."""
    rows = [ROW, BAD] * 3
    one = list(legcramps.assess_many(rows, output="dict", on_error="record", language="es"))
    two = list(
        legcramps.assess_many(
            rows, output="dict", on_error="record", language="es", workers=2, chunksize=1
        )
    )

    assert one == two


def test_a_language_without_texts_is_refused() -> None:
    """A language legcramps has no texts in is a problem of the `language` argument."""
    with pytest.raises(legcramps.InvalidInput) as caught:
        legcramps.assess_many([ROW], output="dict", language="fr")

    assert "language" == caught.value.problems[0].input


def test_spanish_assessments_are_refused() -> None:
    """An Assessment holds no texts, so output "assessment" takes only "en"."""
    with pytest.raises(legcramps.InvalidInput) as caught:
        legcramps.assess_many([ROW], language="es")  # type: ignore[call-overload]

    assert "'en', unless output is 'dict' or 'flat'" == caught.value.problems[0].expected
