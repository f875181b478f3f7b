"""A row of text cells (as read from CSV) read into answers, for tools that read files."""

# At run time too, so that typing.get_type_hints(parse_cells) resolves.
from collections.abc import Mapping

from legcramps._errors import Problems, describe
from legcramps._knowledge import Knowledge, checked_knowledge
from legcramps._model import AnswerValue
from legcramps._parse import read_cells
from legcramps._public import publish

__all__ = ["parse_cells"]


def parse_cells(
    cells: Mapping[str, str | None], *, knowledge: Knowledge | None = None
) -> dict[str, AnswerValue]:
    """Return the answers in one row of text cells (as read from CSV), for ``assess()``.

    This is how ``legcramps batch`` reads a CSV row, for tools that read the
    file themselves (pandas, Dask, Spark). Each key names an input; each cell
    is read as :func:`legcramps.parse_answer` reads text, by the kind of its
    input (see the Batch page of the docs): ``yes``/``no``, a number with an
    optional unit, a choice, medication names separated by ``;``. An empty
    cell, one that says it is not known (``unknown``, ``?``), or ``None`` (a
    missing value) is unknown, and left out. *knowledge* defaults to
    :data:`legcramps.KNOWLEDGE`.

    :raises InvalidInput: listing every problem: a key that is not an input,
        a cell that is not text, a cell that cannot be read.

    >>> import legcramps.batch
    >>> cells = {"sitting_hours": "2 h", "hot_weather": "Yes", "medications": "",
    ...          "exercise_intensity": "vig"}
    >>> legcramps.batch.parse_cells(cells)
    {'sitting_hours': 2, 'hot_weather': True, 'exercise_intensity': 'vigorous'}
    >>> answers = legcramps.batch.parse_cells({"fluid_litres": "500 ml", "hot_weather": "y"})
    >>> legcramps.assess(answers).finding("dehydration").level.value
    'likely'
    >>> legcramps.batch.parse_cells({"hot_weather": "maybe", "thirst": "yes"})
    Traceback (most recent call last):
    ...
    legcramps.InvalidInput: 2 problems with the input:
    - hot_weather: received the cell 'maybe'; expected yes or no, or an empty cell (unknown)
    - thirst: received 'yes' (str); expected one of the inputs in legcramps.RISK_FACTORS
    """
    problems = Problems()
    knowledge = checked_knowledge(knowledge, problems)
    if not isinstance(cells, Mapping):
        problems.add("cells", describe(cells), "a mapping of input names to text cells")
        raise problems.error()
    answers = read_cells({f.id: f for f in knowledge.factors}, cells.items(), problems)
    if problems:
        raise problems.error()
    return answers


publish(parse_cells, "legcramps.batch")
