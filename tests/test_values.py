"""The value classes' shared ``__eq__``, ``__hash__`` and ``__repr__`` behave as attrs' own.

Every value class inherits them from ``legcramps._model.ValueBase`` instead of having
attrs compile them per class (an import-time cost); these tests hold them to attrs'
behaviour, class by class.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import legcramps
from legcramps import Problem, RowError, Source
from legcramps._model import ValueBase

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


def field_copy(value: Any, /, **changes: object) -> Any:
    """Return a new object of *value*'s class with the same fields, bar *changes*.

    Field by field, not with :func:`copy.copy`: the built-in knowledge copies as
    itself, and changing a field of that copy would change it for every test.
    """
    new = object.__new__(type(value))
    for a in attrs.fields(type(value)):
        object.__setattr__(new, a.name, changes.get(a.name, getattr(value, a.name)))
    return new


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda c: c.__name__)
def test_a_copy_is_equal_and_hashes_alike(cls: type) -> None:
    """A copy of a value is equal to it, is not unequal, and has the same hash."""
    value = SAMPLES[cls]
    twin = field_copy(value)
    assert (True, False, hash(value)) == (twin == value, twin != value, hash(twin))


@pytest.mark.parametrize(
    ("cls", "field"),
    [(cls, a) for cls in SAMPLES for a in attrs.fields(cls)],
    ids=lambda x: x.__name__ if isinstance(x, type) else x.name,
)
def test_changing_one_field_changes_equality_as_attrs_would(
    cls: type, field: attrs.Attribute[Any]
) -> None:
    """A value differs from a copy with one compared field changed; eq=False fields don't count."""
    value = SAMPLES[cls]
    changed = field_copy(value, **{field.name: object()})
    assert (not field.eq, field.eq) == (changed == value, changed != value)


def test_a_hidden_field_does_not_count_for_the_hash() -> None:
    """A result with another knowledge object (eq=False) hashes as before: equal, same hash."""
    other = field_copy(RESULT, _knowledge=object())
    assert (True, hash(RESULT)) == (other == RESULT, hash(other))


def test_a_rebuilt_knowledge_is_equal_and_hashes_alike() -> None:
    """Knowledge built again from the same fields is equal and hashes alike; so do its results."""
    rebuilt = legcramps.Knowledge(
        version=K.version,
        factors=K.factors,
        causes=K.causes,
        red_flags=K.red_flags,
        medications=K.medications,
    )
    answers = {"fluid_litres": 0.5, "medications": ["Lasix"]}
    mine, builtin = rebuilt.assess(answers), K.assess(answers)
    assert (True, hash(K), True, hash(builtin)) == (
        rebuilt == K,
        hash(rebuilt),
        mine == builtin,
        hash(mine),
    )


def test_the_knowledge_hash_is_computed_once_and_is_the_value_hash() -> None:
    """The hash a knowledge base keeps from its building is the one its fields give."""
    assert ValueBase.__hash__(K) == hash(K) == hash(K)


def test_hashing_a_built_knowledge_does_not_walk_its_fields_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """hash() of a knowledge base answers with the hash kept from building it."""
    hashed: list[str] = []
    value_hash = ValueBase.__hash__

    def counting(self: ValueBase) -> int:
        hashed.append(type(self).__name__)
        return value_hash(self)

    monkeypatch.setattr(ValueBase, "__hash__", counting)
    hash(K)
    assert [] == hashed


def test_a_knowledge_with_an_unhashable_field_is_built_but_cannot_be_hashed() -> None:
    """A list where a tuple belongs does not stop the building; hashing fails as for any list."""
    choices: Any = ["light", "vigorous"]  # wrong on purpose: a list, not a tuple
    factor = attrs.evolve(K.factor("exercise_intensity"), choices=choices)
    mine = attrs.evolve(K, factors=tuple(factor if f.id == factor.id else f for f in K.factors))
    with pytest.raises(TypeError, match="unhashable type: 'list'"):
        hash(mine)


def test_a_plain_subclass_is_another_class() -> None:
    """An instance of a subclass is not equal to its parent's, even with the same fields."""

    class Quoted(Source):
        pass

    parent, child = Source("a", "b", "c"), Quoted("a", "b", "c")
    assert (False, False, True) == (
        parent == child,
        child == parent,
        child == Quoted("a", "b", "c"),
    )


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda c: c.__name__)
def test_another_class_is_never_equal(cls: type) -> None:
    """Comparing with a value of another class is left to the other side, then is False."""
    value = SAMPLES[cls]
    assert (NotImplemented, False) == (value.__eq__(object()), value == object())


def test_same_fields_in_another_value_class_are_not_equal() -> None:
    """Two classes with the same field values are still different values (as with attrs)."""
    problem = Problem("a", "b", "c", "")
    twin = attrs.make_class("Problem", ["input", "received", "expected", "hint"], frozen=True)
    assert problem != twin("a", "b", "c", "")


def test_values_work_as_dict_keys_and_in_sets() -> None:
    """Equal values collapse in a set; a value finds its equal as a dict key."""
    a, b, c = Source("a", "b", "c"), Source("a", "b", "c"), Source("a", "b", "d")
    assert (2, "first") == (len({a, b, c}), {a: "first", c: "other"}[b])


@given(st.tuples(st.text(), st.text(), st.text()), st.tuples(st.text(), st.text(), st.text()))
def test_equality_follows_the_fields(
    left: tuple[str, str, str], right: tuple[str, str, str]
) -> None:
    """Two sources are equal exactly when their fields are, and equal ones hash alike."""
    a, b = Source(*left), Source(*right)
    assert (left == right) == (a == b)
    assert a != b or hash(a) == hash(b)


def test_nan_fields_compare_like_attrs_tuples() -> None:
    """The same NaN object compares equal field-wise (tuple identity), as in attrs' own __eq__."""
    nan = float("nan")
    factor = attrs.evolve(K.factor("fluid_litres"), minimum=nan)
    assert (factor == field_copy(factor), factor == attrs.evolve(factor, minimum=float("nan"))) == (
        True,
        False,
    )
