"""A pytest plugin for mutation testing only: ``[tool.mutmut]`` loads it with ``-p``.

mutmut 3 finds the tests of a function in a first run of the tests (its "stats" run): the
trampoline it puts in place of each function records the function as
``orig.__module__ + "." + name``, and a mutant is later given the tests recorded under
its own module's name. ``legcramps`` shows its public classes as ``legcramps.Knowledge``
(``_public.publish``), methods included, and so also moves mutmut's copies of the
methods: their tests were recorded under ``legcramps`` and every mutant of a method of
:class:`~legcramps.Knowledge` was left "no tests".

Before any test runs, this plugin gives mutmut's copies (the functions in each mutated
module's ``mutants_*`` tables) back the name of the module that defines them. The
public names are left as they are. Outside a mutation run there are no such tables,
and the plugin does nothing.
"""

from __future__ import annotations

import sys
import types

import pytest


def mutmut_copies() -> list[types.FunctionType]:
    """Return mutmut's copies of the functions of the imported ``legcramps`` modules."""
    copies: list[types.FunctionType] = []
    for name, module in list(sys.modules.items()):
        if name != "legcramps" and not name.startswith("legcramps."):
            continue
        for table in list(vars(module).values()):
            if isinstance(table, dict) and "_mutmut_orig" in table:
                copies.extend(f for f in table.values() if isinstance(f, types.FunctionType))
    return copies


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session: pytest.Session) -> None:
    """Give mutmut's copies their defining module's name, after collection, before tests."""
    del session
    for func in mutmut_copies():
        func.__module__ = func.__globals__["__name__"]
