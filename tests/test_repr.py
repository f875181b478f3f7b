"""The reprs of the value classes: one shared function, the text attrs' own repr gives."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import legcramps
from legcramps import Problem, RowError, Source

K = legcramps.KNOWLEDGE
RESULT = legcramps.assess(
    fluid_litres=0.5, hot_weather=True, medications=["Lasix 40 mg", "aspirin"], leg_swelling=True
)

#: One value of every public attrs class; the nested ones reach the rest.
SAMPLES: dict[type, Any] = {
    type(v): v
    for v in (
        K,
        K.factors[0],
        K.causes[0],
        K.causes[0].sources[0],
        K.causes[0].signs[0],
        K.causes[0].signs[0].when,
        K.red_flags[0],
        K.medications[0],
        RESULT,
        RESULT.findings[0],
        RESULT.findings[0].evidence[0],
        Problem("fluid_litres", "-1 (int)", "a number", "a hint"),
        RowError(3, (Problem("x", "y", "z"),)),
    )
}


def attrs_own_repr(value: Any) -> str:
    """Return attrs' own repr of *value*: that of a twin class built the usual way."""
    cls = type(value)
    fields = attrs.fields(cls)
    twin = attrs.make_class(
        cls.__name__, {a.name: attrs.field(repr=a.repr) for a in fields}, frozen=True
    )
    return repr(twin(*(getattr(value, a.name) for a in fields)))


def test_every_public_value_class_has_a_sample() -> None:
    """The samples cover every attrs class that legcramps exports."""
    public = {
        obj
        for obj in (getattr(legcramps, name) for name in legcramps.__all__)
        if isinstance(obj, type) and attrs.has(obj)
    }
    assert public == set(SAMPLES)


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda c: c.__name__)
def test_repr_is_attrs_own(cls: type) -> None:
    """Each value class's repr is exactly the text attrs' own repr gives."""
    value = SAMPLES[cls]
    assert attrs_own_repr(value) == repr(value)


def test_repr_shows_fields_in_order() -> None:
    """A repr names the class, then each field as name=repr(value), in order."""
    assert "Source(id='a', title='b', citation='c')" == repr(Source("a", "b", "c"))


def test_repr_leaves_out_hidden_fields() -> None:
    """Fields marked repr=False (the knowledge's tables, a result's knowledge) are not shown."""
    shown = repr(K) + repr(RESULT)
    assert [] == [hidden for hidden in ("_compiled=", "_knowledge=") if hidden in shown]
