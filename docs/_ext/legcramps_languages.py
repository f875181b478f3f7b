"""The review tables of the translations: every English text beside its translation.

A pure function from a :class:`legcramps.Knowledge` and a language to a
``legcramps_tables.Table``, so that ``legcramps_tables.TABLES`` gives one directive per
language, ``.. legcramps-translations-es::``, whose ``:rows:`` option keeps the rows
of some kinds of text (``question``, ``advice``, ``report``...).

>>> import legcramps
>>> table = translation_table(legcramps.KNOWLEDGE, "es")
>>> table.header
('Kind', 'Where', 'English', 'Español')
>>> table.rows[0][2:]
('EMERGENCY: get emergency help now.', 'EMERGENCIA: pida ayuda de emergencia ahora.')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import legcramps
from legcramps import _texts

if TYPE_CHECKING:
    from collections.abc import Callable

    from legcramps_tables import Table

#: The kinds of text, in the groups the Languages page reviews them in.
GROUPS = {
    "urgency and advice": ("headline", "time_frame", "knowledge", "advice"),
    "warning signs": ("name", "why", "risk_factor"),
    "causes": ("cause", "reason"),
    "questions": ("question", "help", "unit", "choice"),
    "the report and error messages": ("report", "message"),
}


def translation_table(knowledge: legcramps.Knowledge, language: str) -> Table:
    """Return every text of *knowledge* and of legcramps once, with its translation.

    A row gives the kind of the text, every place it is used, the English and the
    translation in *language* (a dash where there is none).

    >>> import legcramps
    >>> row = next(r for r in translation_table(legcramps.KNOWLEDGE, "es").rows
    ...            if r[2] == "See a doctor about the cramps.")
    >>> row[0], row[1], row[3]
    ('advice', ('red_flags.troublesome_cramps.advice', 'red_flags.cramp_pattern_reported.advice'), 'Consulte a un médico por los calambres.')
    """  # noqa: E501 - a doctest's output is one line
    from legcramps_tables import Style, Table

    catalog = legcramps.catalog(language)
    kinds: dict[str, str] = {}
    places: dict[str, list[str]] = {}
    for where, kind, text in _texts.texts_of(knowledge):
        kinds.setdefault(text, kind)
        places.setdefault(text, []).append(where)
    rows = tuple(
        (kinds[text], tuple(where), text, catalog.texts.get(text, ""))
        for text, where in places.items()
    )
    return Table(
        ("Kind", "Where", "English", catalog.name),
        (Style.CODE, Style.CODE, Style.TEXT, Style.TEXT),
        rows,
        (2, 3, 5, 5),
    )


def _table_of(language: str) -> Callable[[legcramps.Knowledge], Table]:
    def table(knowledge: legcramps.Knowledge) -> Table:
        return translation_table(knowledge, language)

    table.__doc__ = f"Return the review table of the {language!r} texts of *knowledge*."
    return table


#: A table per language other than English, by the name its directive carries.
TABLES = {
    f"translations-{language}": _table_of(language)
    for language in legcramps.LANGUAGES
    if language != "en"
}
