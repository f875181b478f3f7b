"""A read-only, hashable, picklable mapping of normalised answers."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import attrs

from legcramps._model import AnswerValue


@attrs.frozen(eq=False)
class FrozenAnswers(Mapping[str, AnswerValue]):
    """The answers an assessment was made from, in the knowledge's factor order.

    Compares equal to any mapping with the same items, such as a dict.
    """

    pairs: tuple[tuple[str, AnswerValue], ...]

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

    def __repr__(self) -> str:
        return repr(dict(self.pairs))
