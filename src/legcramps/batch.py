"""Helpers for batches and the tools that read files themselves (pandas, Dask, Spark).

:func:`legcramps.assess_many` and ``legcramps batch`` assess many rows; what
they read and write is open here, so that a data-frame pipeline reads and
writes exactly the same:

- :func:`parse_cells` reads one row of text cells (a CSV row) into answers,
  as ``legcramps batch`` does;
- :func:`flat_columns` names the columns of the flat layout of a result (its
  kinds, for a schema), as CSV and Parquet output and ``assess_many(...,
  output="flat")`` hold them.

>>> import legcramps.batch
>>> legcramps.batch.parse_cells({"sitting_hours": "2 h", "hot_weather": ""})
{'sitting_hours': 2}
>>> list(legcramps.batch.flat_columns(["urgency"]))
['urgency', 'problems']
"""

from legcramps._flat import flat_columns
from legcramps._parse import parse_cells

__all__ = ["flat_columns", "parse_cells"]
