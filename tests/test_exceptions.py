"""``legcramps.exceptions``: the exceptions, under a module of their own."""

from __future__ import annotations

import legcramps
import legcramps.exceptions


def test_names_the_exceptions_and_problem() -> None:
    """The module offers exactly the exceptions and Problem."""
    assert ["InvalidInput", "InvalidKnowledge", "Problem", "UnknownId"] == sorted(
        legcramps.exceptions.__all__
    )


def test_its_names_are_the_packages_own() -> None:
    """Each name is the very object `legcramps` offers, so either can be caught."""
    for name in legcramps.exceptions.__all__:
        assert getattr(legcramps, name) is getattr(legcramps.exceptions, name), name


def test_the_errors_are_value_errors() -> None:
    """Both kinds of error are ValueErrors; an unknown id is also a KeyError."""
    assert issubclass(legcramps.exceptions.InvalidKnowledge, ValueError)
    assert issubclass(legcramps.exceptions.UnknownId, legcramps.exceptions.InvalidInput)
    assert issubclass(legcramps.exceptions.UnknownId, KeyError)
