"""Every value class compares, hashes and shows itself exactly as a plain attrs class does.

The value classes are plain ``@attrs.frozen`` classes; these tests hold them to a twin
made by attrs itself from the same fields, so that a hand-written ``__eq__``,
``__hash__`` or ``__repr__`` (which the library once had, to save import time) cannot
come back unnoticed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

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
        K.cause("dehydration").codes[0],
        K.causes[0].signs[0],
        K.causes[0].signs[0].when,
        K.red_flags[0],
        K.red_flag("acute_limb_ischaemia").when[0],
        K.red_flag("deep_vein_thrombosis").risk_factors[0],
        K.advice_rules[0],
        K.medications[0],
        RESULT,
        RESULT.findings[0],
        RESULT.findings[0].evidence[0],
        RESULT.red_flags[0],
        Problem("fluid_litres", "-1 (int)", "a number", "a hint"),
        RowError(3, (Problem("x", "y", "z"),)),
        legcramps.Catalog(
            "fr",
            "Français",
            {"Hot weather.": "Temps chaud."},
            {"now": ("maintenant", "tout de suite")},
        ),
    )
}


def twin_class(cls: type) -> type:
    """Return a class that attrs makes, the usual way, from the fields of *cls*."""
    fields = attrs.fields(cls)
    return attrs.make_class(
        cls.__name__,
        {a.name: attrs.field(repr=a.repr, eq=a.eq) for a in fields},
        frozen=True,
    )


def twin(value: Any, twin_cls: type | None = None) -> Any:
    """Return *value*'s twin: the same field values in the attrs-made class."""
    cls = type(value)
    made = twin_cls or twin_class(cls)
    return made(*(getattr(value, a.name) for a in attrs.fields(cls)))


def test_every_public_value_class_has_a_sample() -> None:
    """The samples cover every attrs class that legcramps exports."""
    public = {
        obj
        for obj in (getattr(legcramps, name) for name in legcramps.__all__)
        if isinstance(obj, type) and attrs.has(obj)
    }
    assert public == set(SAMPLES)


#: The classes with a repr of their own: a result's would run to tens of thousands of
#: characters (tests/test_result.py holds its short form).
OWN_REPR = {legcramps.Assessment}


@pytest.mark.parametrize("cls", [c for c in SAMPLES if c not in OWN_REPR], ids=lambda c: c.__name__)
def test_repr_is_attrs_own(cls: type) -> None:
    """Each value class's repr is exactly the text attrs' own repr gives."""
    value = SAMPLES[cls]
    assert repr(twin(value)) == repr(value)


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda c: c.__name__)
def test_equality_and_hashing_follow_attrs_field_by_field(cls: type) -> None:
    """Changing any one field changes equality (and not the hash's agreement) as in attrs."""
    value = SAMPLES[cls]
    made = twin_class(cls)
    for field in attrs.fields(cls):
        if not field.init or (cls, field.name) in _STRUCTURE:
            continue
        changes = {field.alias: _other(getattr(value, field.name))}
        if cls is legcramps.Knowledge and field.name != "version":
            changes["version"] = "changed"  # a changed knowledge needs its own version
        changed = attrs.evolve(value, **changes)
        assert (twin(value, made) == twin(changed, made)) == (value == changed)


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda c: c.__name__)
def test_a_copy_is_equal_and_hashes_alike(cls: type) -> None:
    """A value rebuilt from its own fields is equal to it and has the same hash."""
    value = SAMPLES[cls]
    copy = attrs.evolve(value)
    assert value == copy
    assert hash(value) == hash(copy)


#: Fields that cannot be changed on their own: the rest of the knowledge refers to them.
_STRUCTURE = {(legcramps.Knowledge, name) for name in ("factors", "causes", "red_flags")}


def _other(value: object) -> object:
    """Return a value of the same kind as *value* that is not equal to it."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + "x"  # a letter: a language tag stays a tag
    if isinstance(value, tuple):
        return value[:-1] if value else ("x",)
    if isinstance(value, Mapping):  # a catalog's texts or words
        return {key: _other(item) for key, item in value.items()}
    return None


@pytest.mark.parametrize(
    ("left", "right"),
    [
        pytest.param(math.nan, math.nan, id="the same NaN"),
        pytest.param(math.nan, float("nan"), id="two NaNs"),
        pytest.param(0.0, -0.0, id="signed zeros"),
    ],
)
def test_nan_and_signed_zero_compare_as_in_attrs(left: float, right: float) -> None:
    """NaN and -0.0 in a field compare and hash exactly as attrs' own classes do."""
    factor = K.factor("fluid_litres")
    made = twin_class(type(factor))
    a, b = attrs.evolve(factor, minimum=left), attrs.evolve(factor, minimum=right)
    assert (twin(a, made) == twin(b, made)) == (a == b)
    assert (hash(twin(a, made)) == hash(twin(b, made))) == (hash(a) == hash(b))


def test_hidden_fields_are_not_shown() -> None:
    """Fields marked repr=False (the knowledge's tables, a result's knowledge) are not shown."""
    shown = repr(K) + repr(RESULT)
    assert [] == [hidden for hidden in ("_tables=", "_knowledge=") if hidden in shown]


def test_hidden_fields_are_not_compared() -> None:
    """A result made by another (equal) knowledge object is still equal."""
    rebuilt = legcramps.Knowledge(
        version=K.version,
        factors=K.factors,
        causes=K.causes,
        red_flags=K.red_flags,
        medications=K.medications,
    )
    answers = {"fluid_litres": 0.5, "medications": ["Lasix"]}
    assert rebuilt.assess(answers) == K.assess(answers)


def test_a_rebuilt_knowledge_is_equal_and_hashes_alike() -> None:
    """A knowledge rebuilt from the same fields is equal, with the same (cached) hash."""
    rebuilt = attrs.evolve(K)
    assert rebuilt == K
    assert hash(rebuilt) == hash(K)


def test_values_work_as_dict_keys_and_in_sets() -> None:
    """Equal values collapse in a set; a value finds its equal as a dict key."""
    a, b, c = Source("a", "b", "c"), Source("a", "b", "c"), Source("a", "b", "d")
    assert 2 == len({a, b, c})
    assert "first" == {a: "first", c: "other"}[b]


@given(st.tuples(st.text(), st.text(), st.text()), st.tuples(st.text(), st.text(), st.text()))
def test_equality_follows_the_fields(
    left: tuple[str, str, str], right: tuple[str, str, str]
) -> None:
    """Two sources are equal exactly when their fields are, and equal ones hash alike."""
    a, b = Source(*left), Source(*right)
    assert (left == right) == (a == b)
    assert a != b or hash(a) == hash(b)


def test_values_of_a_subclass_are_not_equal_to_the_parents() -> None:
    """As in attrs, a value of a subclass never equals a value of its parent class."""

    @attrs.frozen
    class Noted(Source):
        note: str = ""

    assert Source("a", "b", "c") != Noted("a", "b", "c")
