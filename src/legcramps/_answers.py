"""A read-only, hashable, picklable mapping of normalised answers."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NoReturn

from legcramps._model import AnswerValue


class FrozenAnswers(Mapping[str, AnswerValue]):
    """The answers an assessment was made from, in the knowledge's factor order.

    Compares equal to any mapping with the same items, such as a dict. A plain
    class rather than an attrs one: it is built on every call and created at
    import, where each attrs class costs a fraction of a millisecond.

    >>> answers = FrozenAnswers({"hot_weather": True})
    >>> answers == {"hot_weather": True}, answers["hot_weather"]
    (True, True)
    """

    __slots__ = ("_values",)
    _values: dict[str, AnswerValue]

    def __init__(self, values: dict[str, AnswerValue]) -> None:
        # Takes the dict over without a copy (the engine builds a fresh one per call):
        # nothing else may change it.
        object.__setattr__(self, "_values", values)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        msg = "the answers of an assessment cannot be changed"
        raise AttributeError(msg)

    def __getitem__(self, key: str) -> AnswerValue:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __hash__(self) -> int:
        return hash(frozenset(self._values.items()))

    def __reduce__(self) -> tuple[type[FrozenAnswers], tuple[dict[str, AnswerValue]]]:
        return (FrozenAnswers, (self._values,))

    def __repr__(self) -> str:
        return repr(self._values)

    def copy(self) -> dict[str, AnswerValue]:
        """Return the answers as a new dict, as :meth:`types.MappingProxyType.copy` does.

        >>> FrozenAnswers({"sitting_hours": 3}).copy()
        {'sitting_hours': 3}
        """
        return self._values.copy()
