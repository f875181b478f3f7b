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

    >>> answers = FrozenAnswers((("hot_weather", True),))
    >>> answers == {"hot_weather": True}, answers["hot_weather"]
    (True, True)
    """

    __slots__ = ("pairs",)
    pairs: tuple[tuple[str, AnswerValue], ...]

    def __init__(self, pairs: tuple[tuple[str, AnswerValue], ...]) -> None:
        object.__setattr__(self, "pairs", pairs)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        msg = "the answers of an assessment cannot be changed"
        raise AttributeError(msg)

    def __getitem__(self, key: str) -> AnswerValue:
        for name, value in self.pairs:
            if name == key:
                return value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def __hash__(self) -> int:
        return hash(frozenset(self.pairs))

    def __reduce__(self) -> tuple[type[FrozenAnswers], tuple[tuple[tuple[str, AnswerValue], ...]]]:
        return (FrozenAnswers, (self.pairs,))

    def __repr__(self) -> str:
        return repr(dict(self.pairs))
