"""Check that every field of a knowledge base holds a value of its declared type.

The walk goes down every field of the knowledge to the last string, against the
field's declared type (the attrs classes' resolved annotations): a list where a tuple
belongs (a list inside a knowledge would be shared by every result, and could be
changed through one), a string where an enum belongs, NaN as a bound, an empty name.
Each problem is named by its path, such as ``causes[2].signs[0].reason``.
"""

from __future__ import annotations

import types
import typing
from types import MappingProxyType, NoneType
from typing import TYPE_CHECKING, Any

import attrs

from legcramps._errors import Problems, describe

if TYPE_CHECKING:
    from legcramps._model import KnowledgeFields

#: The string fields that may be empty, by class name: an empty one means "none".
_MAY_BE_EMPTY = frozenset(
    {
        ("RiskFactor", "unit"),
        ("RiskFactor", "help"),
        ("Sign", "advice"),
        ("RedFlag", "time_frame"),
        ("Source", "url"),
        ("Source", "read_on"),
    }
)
# What checking a value of a declared type takes (see _Types.shape).
_EXACT, _FLOAT, _TUPLE, _UNION, _ATTRS, _ENUM = (object() for _ in range(6))
#: Types whose values are checked by their exact type (bool's are only True and False).
_SCALARS = MappingProxyType(
    {str: _EXACT, int: _EXACT, bool: _EXACT, NoneType: _EXACT, float: _FLOAT}
)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


class _Types:
    """Checks values against their declared types, for one knowledge.

    Two passes: :meth:`valid` only answers yes or no, fast, without building a path;
    :meth:`walk`, run only where something is wrong, names every problem by its path.
    What it learns of each class and type is kept for the one check it serves.
    """

    def __init__(self) -> None:
        #: per attrs class: (attribute, constructor name, declared type, may be empty)
        self._fields: dict[type, list[tuple[str, str, Any, bool]]] = {}
        #: per declared type: what checking it takes (see :meth:`shape`)
        self._shapes: dict[Any, tuple[Any, ...]] = {}
        #: the ids of the attrs values found valid, so that a shared one is checked once
        self._valid: set[int] = set()

    def fields(self, cls: type) -> list[tuple[str, str, Any, bool]]:
        """Return the constructor's fields of the attrs class *cls*, with their types."""
        found = self._fields.get(cls)
        if found is None:
            fields = [a for a in attrs.fields(cls) if a.init]
            # The value modules do not defer their annotations, so attrs holds the types
            # themselves; a subclass elsewhere may hold them as text.
            if any(isinstance(a.type, str) for a in fields):
                hints = typing.get_type_hints(cls)
                kinds = [hints[a.name] for a in fields]
            else:
                kinds = [a.type for a in fields]
            found = [
                (a.name, a.alias, kind, (cls.__name__, a.name) in _MAY_BE_EMPTY)
                for a, kind in zip(fields, kinds, strict=True)
            ]
            self._fields[cls] = found
        return found

    def shape(self, kind: Any) -> tuple[Any, ...]:
        """Return what checking a value of type *kind* takes: (what kind, its parts)."""
        found = self._shapes.get(kind)
        if found is None:
            origin = typing.get_origin(kind)
            if origin is tuple:
                found = (_TUPLE, typing.get_args(kind)[0])
            elif origin is typing.Union or origin is types.UnionType:
                found = (_UNION, typing.get_args(kind))
            elif kind in _SCALARS:
                found = (_SCALARS[kind],)
            elif attrs.has(kind):
                found = (_ATTRS, self.fields(kind))
            else:  # an enum
                found = (_ENUM,)
            self._shapes[kind] = found
        return found

    def valid(self, value: Any, kind: Any) -> bool:
        """Return whether *value*, and everything in it, is of the declared type *kind*."""
        what, *parts = self.shape(kind)
        if what is _EXACT:
            ok = type(value) is kind
        elif what is _FLOAT:
            ok = (type(value) is float or type(value) is int) and value - value == 0
        elif what is _TUPLE:
            ok = type(value) is tuple and all(self.valid(v, parts[0]) for v in value)
        elif what is _UNION:
            ok = any(self.valid(value, k) for k in parts[0])
        else:
            ok = type(value) is kind and (what is _ENUM or self._valid_fields(value, parts[0]))
        return ok

    def _valid_fields(self, value: Any, fields: list[tuple[str, str, Any, bool]]) -> bool:
        """Return whether each of *fields* of the attrs value *value* is valid."""
        if id(value) in self._valid:
            return True
        for name, _, field_kind, may_be_empty in fields:
            item = getattr(value, name)
            if type(item) is str and field_kind is str:  # most fields: checked here, no call
                if not may_be_empty and not item.strip():
                    return False
            elif not self.valid(item, field_kind):
                return False
        # Parts are shared (a source cited by many signs): check each object once. The
        # object is kept alive by the knowledge being checked, so its id is not reused.
        self._valid.add(id(value))
        return True

    def walk(self, value: Any, kind: Any, path: str, problems: Problems) -> None:
        """Add a problem for each part of *value* that is not of the declared type *kind*."""
        if self.valid(value, kind):
            return
        origin = typing.get_origin(kind)
        if origin is typing.Union or origin is types.UnionType:
            # A value of one of the composite alternatives' classes (a record or a tuple)
            # is walked as that one, so that the problem is named deep inside it.
            matching = [
                k
                for k in typing.get_args(kind)
                if type(value) is _outer(k) and (attrs.has(k) or _outer(k) is tuple)
            ]
            if matching:
                self.walk(value, matching[0], path, problems)
                return
        if origin is tuple and type(value) is tuple:
            item_kind = typing.get_args(kind)[0]
            for n, item in enumerate(value):
                self.walk(item, item_kind, f"{path}[{n}]", problems)
        elif attrs.has(kind) and type(value) is kind:
            self.walk_fields(value, path, problems)
        else:
            problems.add(path, describe(value), _name(kind, plural=False))

    def walk_fields(self, value: Any, path: str, problems: Problems) -> None:
        """Walk the fields of the attrs value *value* that its constructor takes."""
        for name, alias, kind, may_be_empty in self.fields(type(value)):
            where = _join(path, alias)
            item = getattr(value, name)
            self.walk(item, kind, where, problems)
            if type(item) is str and not may_be_empty and not item.strip():
                problems.add(where, describe(item), "a non-empty string")


def _outer(kind: Any) -> Any:
    """Return the class a value of the declared type *kind* has: tuple for a tuple[...]."""
    return typing.get_origin(kind) or kind


def _name(kind: Any, *, plural: bool = True) -> str:
    """Name the values of type *kind*, as in "a tuple of strings" or "a string"."""
    origin = typing.get_origin(kind)
    if origin is typing.Union or origin is types.UnionType:
        return " or ".join(_name(k, plural=plural) for k in typing.get_args(kind))
    if typing.get_origin(kind) is tuple:
        return f"a tuple of {_name(typing.get_args(kind)[0])}"
    if plural:
        names = {str: "strings", int: "whole numbers", float: "numbers", type(None): "None"}
    else:
        names = {
            str: "a string",
            int: "a whole number",
            float: "a finite number",
            type(None): "None",
        }
    default = getattr(kind, "__name__", str(kind))
    article = "an" if default[:1] in "AEIOU" else "a"
    return names.get(kind, default if plural else f"{article} {default}")


def check_types(knowledge: KnowledgeFields, problems: Problems) -> None:
    """Add a problem for each field of *knowledge*, at any depth, not of its declared type."""
    _Types().walk_fields(knowledge, "", problems)
