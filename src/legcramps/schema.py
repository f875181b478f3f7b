"""JSON Schemas (draft 2020-12) for what :func:`~legcramps.assess` accepts and returns.

Both schemas are generated from a :class:`~legcramps.Knowledge` (the built-in
:data:`legcramps.KNOWLEDGE` by default), so they list exactly its inputs,
choices, causes, red flags and medications. Give them to an API framework or a
JSON Schema validator to check a payload before calling legcramps; parse the payload
with :func:`parse_json`, which refuses what JSON Schema cannot see (``NaN``,
``Infinity``, ``1e999``, a key given twice). Each call
returns a new dict, which the caller may change.

>>> import legcramps.schema
>>> s = legcramps.schema.answers()
>>> s["$schema"], s["type"], s["additionalProperties"]
('https://json-schema.org/draft/2020-12/schema', 'object', False)
>>> s["properties"]["exercise_intensity"]["enum"]
['light', 'moderate', 'vigorous', None]
>>> legcramps.schema.result()["properties"]["knowledge_version"]["const"] == (
...     legcramps.KNOWLEDGE_VERSION)
True
"""

from legcramps._jsonparse import parse_json
from legcramps._public import publish
from legcramps._schema import DIALECT, NAME_PATTERN, answers, result

__all__ = ["DIALECT", "NAME_PATTERN", "answers", "parse_json", "result"]

for _public in (answers, result, parse_json):
    publish(_public, __name__)
del _public


def __dir__() -> list[str]:
    return sorted(__all__)
