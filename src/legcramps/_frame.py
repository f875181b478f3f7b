"""``assess_frame``: assess every row of a data frame at once, column by column.

The public face of the columnar path (:mod:`legcramps._columns`). It checks its
arguments, then loads the columnar path, which needs pandas (the ``frame`` extra):
this module itself imports neither pandas nor numpy, so that
``legcramps.assess_frame`` is there, and documented, without them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from legcramps import _batch, _flat
from legcramps._errors import Problems, describe

# At run time too, so that typing.get_type_hints(assess_frame) resolves.
from legcramps._knowledge import Knowledge, checked_knowledge
from legcramps._public import publish

_NEEDS = "legcramps.assess_frame needs pandas (and numpy): pip install 'legcramps[frame]'"


def assess_frame(  # noqa: PLR0913 - keyword-only options, each with a default
    frame: Any,
    *,
    knowledge: Knowledge | None = None,
    keep: Sequence[str] = (),
    ignore_unknown: bool = False,
    cells: bool = False,
    fields: Sequence[str] | None = None,
) -> Any:
    """Assess every row of the data frame *frame*; return the results as a data frame.

    The columnar path: the same results as :func:`~legcramps.assess` of each
    row, computed for whole columns at once (tens of times faster than a row at
    a time; the Batch page has the figures). *frame* is a pandas
    ``DataFrame`` (or a pyarrow ``Table``, converted with its ``to_pandas()``)
    whose columns are named by input ids; an input without a column is unknown
    in every row. It needs pandas: ``pip install 'legcramps[frame]'``.

    The result has the index of *frame*, the columns *keep* names (copied as
    they are, such as a respondent's id), then the columns of the flat layout
    that *fields* selects (see :func:`legcramps.batch.flat_columns`; all by
    default): the columns ``legcramps batch --output-format csv`` writes after
    its ``record`` and ``line``. ``urgency`` and the ``_level`` columns are
    ordered pandas categoricals, calmest first, so that ``max()`` is the most
    pressing; other text columns are plain text (``None`` for a null), so that the
    frames of a file's chunks concatenate; whole numbers are ``Int64``.

    How cells are read:

    - a missing value, ``None``, ``pandas.NA`` or a float NaN (the gaps pandas
      leaves), is unknown, in any column: never "no", and never a problem (so a
      NaN is unknown here, where ``assess()`` refuses one);
    - a column of booleans (``bool``, or pandas' ``boolean``) answers a yes/no
      input; a column of numbers (``int``, ``float``, ``Int64``...) a number
      input; a 0 or 1 in a yes/no column is a problem, not a yes or a no;
    - any other cell is read as ``assess()`` reads it: ``True``, ``"vigorous"``,
      ``["Lasix 40 mg"]`` (a list, tuple or array of names);
    - with *cells* true, every cell is text, as read from a CSV file, read as
      ``legcramps batch`` reads it (see :func:`legcramps.batch.parse_cells`):
      ``"yes"``, ``"2 h"``, ``"Lasix; aspirin"``, an empty cell for unknown.

    A row with a cell that is no answer is not assessed: its ``problems``
    column says what is wrong (as :class:`~legcramps.InvalidInput` would, joined
    by ``" | "``) and its other result columns are null. No row is lost, and no
    cell is coerced. *knowledge* defaults to :data:`legcramps.KNOWLEDGE`.

    :raises InvalidInput: for arguments that are not acceptable: *frame* not a
        data frame, a column that is neither an input nor in *keep* (unless
        *ignore_unknown* is true: then it is left out), a column twice, a
        *keep* column missing or naming an input, a field that is not one.
    :raises ImportError: if pandas is not installed.

    >>> import pandas as pd
    >>> import legcramps
    >>> survey = pd.DataFrame({
    ...     "respondent": ["r1", "r2", "r3"],
    ...     "sitting_hours": [8, None, 2],
    ...     "leg_swelling": [None, True, None],
    ...     "fluid_litres": [2.0, 0.5, -1.0],
    ... })
    >>> results = legcramps.assess_frame(survey, keep=["respondent"])
    >>> print(results[["respondent", "urgency", "red_flags", "posture_level"]].to_string())
      respondent       urgency             red_flags posture_level
    0         r1  undetermined                              likely
    1         r2        urgent  deep_vein_thrombosis       unknown
    2         r3           NaN                  None           NaN
    >>> print(results.loc[2, "problems"])
    fluid_litres: received -1.0 (float); expected a number of litres from 0 to 20, or None (unknown)
    """
    problems = Problems()
    checked = checked_knowledge(knowledge, problems)
    for name, flag in (("ignore_unknown", ignore_unknown), ("cells", cells)):
        if type(flag) is not bool:
            problems.add(name, describe(flag), "True or False")
    kept = _batch.read_names(keep, problems, "keep") or ()
    chosen = _batch.read_names(fields, problems, "fields")
    columns = _flat.select(checked, chosen, problems, "fields")
    _batch.check_keep(kept, checked, {c.name for c in columns}, problems, "keep")
    try:
        import pandas as pd

        from legcramps import _columns
    except ImportError as e:
        raise ImportError(_NEEDS) from e
    frame = _as_frame(frame, pd)
    names: list[str] = []
    if frame is None:
        problems.add("frame", describe(frame), "a pandas DataFrame (or a pyarrow Table)")
    else:
        names = _answer_columns(frame, checked, kept, problems, ignore_unknown=ignore_unknown)
    if problems:
        raise problems.error()
    return _columns.assess_columns(
        frame, checked, names, kept, chosen if chosen is None else tuple(chosen), cells=cells
    )


def _as_frame(frame: object, pd: Any) -> Any:
    """Return *frame* as a pandas DataFrame, or None if it is not a data frame."""
    if isinstance(frame, pd.DataFrame):
        return frame
    arrow = sys.modules.get("pyarrow")  # loaded, if frame is an Arrow table
    if arrow is not None and isinstance(frame, (arrow.Table, arrow.RecordBatch)):
        return frame.to_pandas()
    return None


def _answer_columns(
    frame: Any,
    knowledge: Knowledge,
    keep: tuple[str, ...],
    problems: Problems,
    *,
    ignore_unknown: bool,
) -> list[str]:
    """Return the columns of *frame* that are answers, adding a problem for each bad column."""
    inputs = {f.id for f in knowledge.factors}
    labels = list(frame.columns)
    seen: set[object] = set()
    names: list[str] = []
    for label in labels:
        is_text = type(label) is str
        if is_text and (label in seen):
            problems.add("frame", f"the column {label!r} twice", "each column once")
            continue
        if is_text:
            seen.add(label)
        if is_text and label in keep:
            continue
        if is_text and label in inputs:
            names.append(label)
        elif not ignore_unknown:
            import difflib

            close = difflib.get_close_matches(str(label), inputs, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            problems.add(
                "frame",
                f"the column {label!r}",
                "a column named by an input (one of legcramps.RISK_FACTORS)",
                f"{hint}keep=[{label!r}] copies it to the results; ignore_unknown=True leaves "
                "it out",
            )
    for name in keep:
        if name not in seen:
            problems.add("keep", repr(name), "a column of the frame")
    return names


publish(assess_frame)
# Published as legcramps.assess_frame, its example is not found here by doctest: it needs
# pandas, so tests/test_frame.py runs it, and is skipped (saying so) without pandas.
