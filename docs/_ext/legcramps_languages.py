"""The review tables of the translations: every English text beside its translation.

A pure function from a :class:`legcramps.Knowledge` and a language to a
``legcramps_tables.Table``, so that ``legcramps_tables.TABLES`` gives a directive per
language, ``.. legcramps-translations-es::`` (every text), and one per group of texts,
``.. legcramps-translations-es-questions::`` and the others of :data:`GROUPS`.

>>> import legcramps
>>> table = translation_table(legcramps.KNOWLEDGE, "es")
>>> table.header
('Where', 'English', 'Español')
>>> table.rows[0][1:]
('EMERGENCY: get emergency help now.', 'EMERGENCIA: pida ayuda de emergencia ahora.')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import legcramps
from legcramps import _texts

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from legcramps_tables import Table

#: The kinds of text (see ``legcramps._texts.texts_of``) in the groups the Languages page
#: reviews them in, by the name of the group's directive.
GROUPS = {
    "urgency-and-advice": ("headline", "time_frame", "knowledge", "advice"),
    "warning-signs": ("name", "why", "risk_factor"),
    "causes": ("cause", "reason"),
    "questions": ("question", "help", "unit", "choice"),
    "report-and-messages": ("report", "message", "interview"),
    "fhir": ("fhir", "cds"),
    "command-line": ("cli",),
}


def translation_table(
    knowledge: legcramps.Knowledge, language: str, kinds: Iterable[str] | None = None
) -> Table:
    """Return every text of *knowledge* and of legcramps once, with its translation.

    A row gives every place the text is used, the English and the translation in
    *language* (a dash where there is none). With *kinds*, only the texts whose first
    use is of one of those kinds are listed.

    >>> import legcramps
    >>> rows = translation_table(legcramps.KNOWLEDGE, "es", kinds=["advice"]).rows
    >>> row = next(r for r in rows if r[1] == "See a doctor about the cramps.")
    >>> row[0], row[2]
    (('red_flags.troublesome_cramps.advice', 'red_flags.cramp_pattern_reported.advice'), 'Consulte a un médico por los calambres.')
    """  # noqa: E501 - a doctest's output is one line
    from legcramps_tables import Style, Table

    catalog = legcramps.catalog(language)
    wanted = None if kinds is None else frozenset(kinds)
    first_kind: dict[str, str] = {}
    places: dict[str, list[str]] = {}
    for where, kind, text in _texts.texts_of(knowledge):
        first_kind.setdefault(text, kind)
        places.setdefault(text, []).append(where)
    rows = tuple(
        (tuple(where), text, catalog.texts.get(text, ""))
        for text, where in places.items()
        if wanted is None or first_kind[text] in wanted
    )
    return Table(
        ("Where", "English", catalog.name),
        (Style.CODE, Style.TEXT, Style.TEXT),
        rows,
        (3, 5, 5),
    )


def _table_of(
    language: str, kinds: tuple[str, ...] | None
) -> Callable[[legcramps.Knowledge], Table]:
    def table(knowledge: legcramps.Knowledge) -> Table:
        return translation_table(knowledge, language, kinds)

    return table


#: The review tables, by the name their directive carries: every text of a language other
#: than English, and each group of them.
TABLES = {
    f"translations-{language}{'-' + group if group else ''}": _table_of(language, kinds)
    for language in legcramps.LANGUAGES
    if language != "en"
    for group, kinds in (("", None), *GROUPS.items())
}
