"""The repr of the value classes: attrs' own text, written once instead of once per class.

attrs writes the source of a ``__repr__`` for each class as the class is made, and
compiling it is about a third of the cost of making one; ``import legcramps`` makes
about twenty value classes. This one ``__repr__``, shared by them, gives exactly the
text attrs' would (``tests/test_values.py`` holds every class to a twin made by attrs
itself); eq and hash stay attrs' own.
"""

import attrs


class Shown:
    """A base for attrs classes made with ``repr=False``: attrs' repr, shared."""

    __slots__ = ()

    def __repr__(self) -> str:
        cls = type(self)
        fields = ", ".join(
            f"{a.name}={getattr(self, a.name)!r}"
            for a in attrs.fields(cls)  # type: ignore[arg-type]  # only attrs classes derive from it
            if a.repr
        )
        return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({fields})"
