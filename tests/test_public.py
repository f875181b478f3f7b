"""Public names show their public module (``legcramps._public``), as svcs and httpx do."""

from __future__ import annotations

import importlib
import inspect
from types import ModuleType

import pytest

import legcramps
from legcramps._public import publish

#: The modules a caller imports, with the names each one is for.
PUBLIC_MODULES = ["legcramps", "legcramps.exceptions", "legcramps.fhir", "legcramps.schema"]

#: Helpers of the private modules that a public module must not hand out.
PRIVATE = ["describe", "unknown_id", "ValueBase", "attrs", "TYPE_CHECKING", "Problems"]


def classes_and_functions(module: ModuleType) -> list[str]:
    """Return the names in *module*'s ``__all__`` that are classes or functions."""
    return [
        name
        for name in module.__all__
        if inspect.isclass(getattr(module, name)) or inspect.isfunction(getattr(module, name))
    ]


@pytest.mark.parametrize("name", classes_and_functions(legcramps))
def test_a_public_name_lives_in_legcramps(name: str) -> None:
    """Each public class and function names `legcramps` as its module, wherever it is defined."""
    assert "legcramps" == getattr(legcramps, name).__module__


@pytest.mark.parametrize(
    ("module", "name"), [("legcramps.fhir", "risk_assessment"), ("legcramps.schema", "answers")]
)
def test_a_submodules_function_lives_in_that_submodule(module: str, name: str) -> None:
    """A function of a public submodule names that submodule, not the private one."""
    assert module == getattr(importlib.import_module(module), name).__module__


def test_methods_and_properties_move_with_their_class() -> None:
    """A published class's methods and properties name its public module too."""
    assert "legcramps" == legcramps.Assessment.to_dict.__module__
    assert "legcramps" == legcramps.RiskFactor.bounds.fget.__module__  # type: ignore[attr-defined]


def test_publish_moves_only_what_the_class_defines() -> None:
    """publish() leaves a function that a class borrows from elsewhere where it was defined."""

    class Mine:
        def own(self) -> None: ...

        borrowed = staticmethod(inspect.isclass)

    publish(Mine, "somewhere")

    assert "somewhere" == Mine.__module__
    assert "somewhere" == Mine.own.__module__
    assert "inspect" == inspect.isclass.__module__


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_a_public_module_shows_only_its_public_names(name: str) -> None:
    """dir() of each public module is its `__all__`, and nothing private."""
    module = importlib.import_module(name)

    assert sorted(module.__all__) == dir(module)


@pytest.mark.parametrize("name", PUBLIC_MODULES[1:])
def test_a_public_submodule_holds_no_private_helper(name: str) -> None:
    """No public submodule hands out the private modules' helpers as attributes."""
    module = importlib.import_module(name)

    assert [] == [helper for helper in PRIVATE if helper in vars(module)]
