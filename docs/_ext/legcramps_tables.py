"""The knowledge tables of the docs, as pure functions from a Knowledge to reST.

Nothing here imports Sphinx: each ``*_table`` function turns a
:class:`legcramps.Knowledge` into a :class:`Table` of plain strings, and
:func:`list_table` turns a table into reST lines. The Sphinx directives in
``legcramps_sphinx.py`` only parse those lines, so the tables can be tested
without building the docs.

>>> import legcramps
>>> table = sign_table(legcramps.KNOWLEDGE)
>>> table.header[:3]
('Cause', 'Condition', 'Weight')
>>> table.rows[0][:3]
('overuse', 'exercise_minutes >= 60', '1')
"""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from legcramps import AllOf, Cause, Condition, Knowledge, RedFlag, RiskFactor, Source


class Link(NamedTuple):
    """A text that links to an address (shown as plain text when there is none)."""

    text: str
    url: str


#: A cell: one text, or several (shown comma-separated; empty shows as a dash).
Cell = str | tuple[str | Link, ...]


class Style(enum.Enum):
    """How the texts of a column are shown."""

    #: Plain text, escaped so that nothing in the data is read as markup.
    TEXT = "text"
    #: Inline code, for ids, conditions and codes that a developer types.
    CODE = "code"


class Table(NamedTuple):
    """A table of plain strings: a *header*, a *style* per column, and the *rows*."""

    header: tuple[str, ...]
    styles: tuple[Style, ...]
    rows: tuple[tuple[Cell, ...], ...]
    #: Relative column widths for the list-table directive.
    widths: tuple[int, ...]

    def column(self, name: str) -> tuple[Cell, ...]:
        """Return the cells of the column headed *name*.

        >>> import legcramps
        >>> medication_table(legcramps.KNOWLEDGE).column("Generic name")[0]
        'furosemide'
        """
        index = self.header.index(name)
        return tuple(row[index] for row in self.rows)


_TEXT = Style.TEXT
_CODE = Style.CODE

# Characters that reST reads as inline markup, and the ones that start a block when first.
_INLINE = re.compile(r"([\\*`|_\[\]<>:])")
_BLOCK_START = re.compile(r"\A([-+#=.\d]|\.\.)")


def escape(text: str) -> str:
    """Return *text* escaped so that reST shows it as it is.

    >>> print(escape("sitting_hours_ *and* `x`"))
    sitting\\_hours\\_ \\*and\\* \\`x\\`
    >>> print(escape("- not a list"))
    \\- not a list
    """
    text = _INLINE.sub(r"\\\1", text)
    return _BLOCK_START.sub(r"\\\1", text)


def literal(text: str) -> str:
    """Return *text* as reST inline code.

    >>> literal("fluid_litres < 1.6")
    '``fluid_litres < 1.6``'
    """
    if not text:
        return ""
    if "``" in text or text != text.strip():
        # Inline code cannot hold this; the knowledge never has it, but stay valid reST.
        return escape(text)
    return f"``{text}``"


def number(value: float | None) -> str:
    """Return *value* as it is written in the knowledge ('' for ``None``).

    >>> number(1.6), number(24), number(None)
    ('1.6', '24', '')
    """
    return "" if value is None else f"{value:g}"


def link(item: Link) -> str:
    """Return *item* as an anonymous reST hyperlink, or escaped text without an address.

    >>> link(Link("nhs-dvt", "https://uclh.nhs.uk/dvt"))
    '`nhs-dvt <https://uclh.nhs.uk/dvt>`__'
    >>> link(Link("seed-text", ""))
    'seed-text'
    """
    if not item.url:
        return escape(item.text)
    text = item.text.replace("<", "").replace("`", "")
    return f"`{text} <{item.url}>`__"


def _cell_rst(cell: Cell, style: Style) -> str:
    texts = (cell,) if isinstance(cell, str) else cell
    shown = [
        link(t) if isinstance(t, Link) else literal(t) if style is _CODE else escape(t)
        for t in texts
        if t
    ]
    return ", ".join(shown) if shown else "\u2014"


def list_table(table: Table, title: str = "") -> list[str]:
    """Return *table* as the lines of a reST ``list-table`` directive.

    >>> t = Table(("Input", "Unit"), (Style.CODE, Style.TEXT), (("hot", "yes/no"),), (1, 1))
    >>> print("\\n".join(list_table(t)))
    .. list-table::
       :header-rows: 1
       :widths: 1 1
       :class: legcramps-table
    <BLANKLINE>
       * - Input
         - Unit
       * - ``hot``
         - yes/no
    """
    lines = [f".. list-table:: {escape(title)}".rstrip(), "   :header-rows: 1"]
    lines += ["   :widths: " + " ".join(map(str, table.widths)), "   :class: legcramps-table", ""]
    shown_rows = [[escape(h) for h in table.header]]
    shown_rows += [
        [_cell_rst(cell, style) for cell, style in zip(row, table.styles, strict=True)]
        for row in table.rows
    ]
    for row in shown_rows:
        lines.append(f"   * - {row[0]}")
        lines.extend(f"     - {cell}" for cell in row[1:])
    return lines


def select_rows(table: Table, first: Iterable[str]) -> Table:
    """Return *table* with only the rows whose first cell is in *first*.

    >>> import legcramps
    >>> table = select_rows(sign_table(legcramps.KNOWLEDGE), ["fatigue"])
    >>> [row[1] for row in table.rows]
    ['overtired is yes', 'recovery_hours < 24', 'poor_diet is yes']
    """
    keep = frozenset(first)
    return table._replace(rows=tuple(row for row in table.rows if row[0] in keep))


# --- the tables -----------------------------------------------------------------------


def answer(factor: RiskFactor) -> str:
    """Return the kind of answer *factor* takes, with its unit and bounds or choices.

    >>> import legcramps
    >>> k = legcramps.KNOWLEDGE
    >>> answer(k.factor("fluid_litres")), answer(k.factor("recovery_hours"))
    ('number of litres, 0 to 20', 'number of hours, 0 to 8760')
    >>> answer(k.factor("exercise_intensity")), answer(k.factor("hot_weather"))
    ('one of light, moderate, vigorous', 'yes/no')
    """
    kind = factor.kind.value
    if kind == "number":
        what = f"number of {factor.unit}" if factor.unit else "number"
        return f"{what}, {factor.bounds or 'any'}"
    if kind == "choice":
        return "one of " + ", ".join(factor.choices)
    if kind == "medications":
        return "list of medication names"
    return "yes/no"


def asked(factor: RiskFactor, knowledge: Knowledge) -> str:
    """Say when *factor* is asked: only sometimes, as part of a screening question, or always.

    >>> import legcramps
    >>> k = legcramps.KNOWLEDGE
    >>> asked(k.factor("exercise_intensity"), k)
    'only when exercise_minutes > 0'
    >>> asked(k.factor("dark_urine"), k)
    'after a yes to emergency_signs'
    >>> asked(k.factor("emergency_signs"), k)
    'screens 8 inputs: a no answers them all'
    """
    if factor.members:
        return f"screens {len(factor.members)} inputs: a no answers them all"
    parts = []
    screens = [f.id for f in knowledge.factors if factor.id in f.members]
    if screens:
        parts.append(f"after a yes to {screens[0]}")
    if factor.applies_when:
        parts.append("only when " + " or ".join(map(str, factor.applies_when)))
    return "; ".join(parts) or "always"


def factor_table(knowledge: Knowledge) -> Table:
    """Return every input of *knowledge*: its question, answer, when it is asked, what it speaks to.

    The answer column gives the kind, the unit and the inclusive bounds (or choices).

    >>> import legcramps
    >>> for cell in factor_table(legcramps.KNOWLEDGE).rows[0]:
    ...     print(repr(cell))
    'exercise_minutes'
    'How many minutes did you exercise in the 24 hours before the cramp?'
    'number of minutes, 0 to 1440'
    'always'
    ('overuse',)
    ('heat_stroke_or_collapse',)
    """
    rows = tuple(
        (f.id, f.question, answer(f), asked(f, knowledge), f.causes, f.red_flags)
        for f in knowledge.factors
    )
    return Table(
        ("Input", "Question", "Answer", "Asked", "Causes", "Red flags"),
        (_CODE, _TEXT, _TEXT, _TEXT, _CODE, _CODE),
        rows,
        (20, 30, 13, 14, 11, 12),
    )


def _reason(reason: str, advice: str, min_urgency: str) -> str:
    parts = [reason]
    if min_urgency:
        parts.append(f"Raises the urgency to at least {min_urgency}.")
    if advice:
        parts.append(f"Adds the advice: “{advice}”")
    return " ".join(parts)


def sign_table(knowledge: Knowledge) -> Table:
    """Return every sign of every cause: its condition, weight, reason and basis.

    The reason also says what else the sign does: a minimum urgency, or advice.

    >>> import legcramps
    >>> rows = sign_table(legcramps.KNOWLEDGE).rows
    >>> for cell in next(row for row in rows if row[1].startswith("fluid")):
    ...     print(cell)
    dehydration
    fluid_litres < 1.6
    2
    Less than about 1.6 litres of fluid in a day, below the adequate intake.
    efsa-2010
    expert-opinion
    """
    rows = tuple(
        (
            cause.id,
            str(sign.when),
            str(sign.weight),
            _reason(sign.reason, sign.advice, sign.min_urgency.value if sign.min_urgency else ""),
            sign.basis.id,
            sign.weight_basis.id if sign.weight_basis else "expert-opinion",
        )
        for cause in knowledge.causes
        for sign in cause.signs
    )
    return Table(
        ("Cause", "Condition", "Weight", "Reason", "Basis of the fact", "Basis of the weight"),
        (_CODE, _CODE, _TEXT, _TEXT, _CODE, _CODE),
        rows,
        (13, 20, 7, 32, 14, 14),
    )


def level_table(knowledge: Knowledge) -> Table:
    """Return how a cause's total score maps to its level.

    >>> import legcramps
    >>> for level, scores in level_table(legcramps.KNOWLEDGE).rows:
    ...     print(f"{level}: {scores}")
    likely: 3 or more
    possible: 1 to 2
    unlikely: 0
    unknown: no input that speaks to the cause was answered
    """
    likely, possible = knowledge.likely_at, knowledge.possible_at
    possible_range = f"{possible} to {likely - 1}" if likely - 1 > possible else f"{possible}"
    below = f"0 to {possible - 1}" if possible > 1 else "0"
    return Table(
        ("Level", "Total score"),
        (_CODE, _TEXT),
        (
            ("likely", f"{likely} or more"),
            ("possible", possible_range if likely > possible else "(none: same as likely)"),
            ("unlikely", below),
            ("unknown", "no input that speaks to the cause was answered"),
        ),
        (1, 3),
    )


def _sources(sources: Iterable[Source]) -> tuple[Link, ...]:
    return tuple(Link(s.id, s.url) for s in sources)


def _conditions(conditions: Iterable[Condition | AllOf]) -> tuple[str, ...]:
    return tuple(str(c) for c in conditions)


def _flag_text(flag: RedFlag) -> str:
    text = f"{flag.name}. {flag.why} {flag.advice}"
    if flag.risk_factors:
        text += " Names the risk factors the answers show: "
        text += "; ".join(note.text for note in flag.risk_factors) + "."
    return text


def red_flag_table(knowledge: Knowledge) -> Table:
    """Return every red flag: what raises it, how urgent, how soon, what it means, its sources.

    Each source links to the page it was read on, where the page is public.

    >>> import legcramps
    >>> row = red_flag_table(legcramps.KNOWLEDGE).rows[0]
    >>> row[0], row[2]
    ('pulmonary_embolism', 'emergency')
    >>> row[1][:2]
    ('chest_pain_or_breathlessness is yes', 'leg_swelling is yes and palpitations is yes')
    >>> row[5][0].text
    'nhs-dvt-urgency'
    """
    rows = tuple(
        (
            flag.id,
            _conditions(flag.when),
            flag.urgency.value,
            flag.time_frame or flag.urgency.time_frame,
            _flag_text(flag),
            _sources(flag.sources),
        )
        for flag in knowledge.red_flags
    )
    return Table(
        (
            "Red flag",
            "Raised when (any)",
            "Urgency",
            "How soon",
            "What it may mean, and what to do",
            "Sources",
        ),
        (_CODE, _CODE, _TEXT, _TEXT, _TEXT, _CODE),
        rows,
        (15, 20, 9, 14, 26, 16),
    )


def urgency_table(knowledge: Knowledge) -> Table:
    """Return every urgency, most pressing first, with its headline and time frame.

    >>> import legcramps
    >>> for row in urgency_table(legcramps.KNOWLEDGE).rows[:2]:
    ...     print(row[0], "|", row[2])
    emergency | now: call your local emergency number (such as 999, 911 or 112)
    urgent | today, the same day
    """
    from legcramps import Urgency

    del knowledge  # the urgencies are the library's, whatever the knowledge
    return Table(
        ("Urgency", "Headline", "Time frame"),
        (_CODE, _TEXT, _TEXT),
        tuple((u.value, u.headline, u.time_frame) for u in sorted(Urgency, reverse=True)),
        (2, 4, 5),
    )


def medication_table(knowledge: Knowledge) -> Table:
    """Return every recognised medication with its other names, class and ATC code.

    An ATC code found only in secondary sources is marked with a dagger.

    >>> import legcramps
    >>> rows = medication_table(legcramps.KNOWLEDGE).rows
    >>> rows[0]
    ('furosemide', ('Lasix', 'frusemide', 'furosemid', 'furosemida'), 'loop diuretic', 'C03CA01')
    >>> rows[2][3]
    'C03CA04 \u2020'
    """
    rows = tuple(
        (
            m.generic,
            (*m.brands, *m.other_names),
            ", ".join(c.value for c in m.classes),
            m.atc if m.atc_confirmed else f"{m.atc} \u2020",
        )
        for m in knowledge.medications
    )
    return Table(
        ("Generic name", "Also recognised as", "Class", "ATC code"),
        (_TEXT, _TEXT, _TEXT, _CODE),
        rows,
        (3, 4, 3, 2),
    )


def all_sources(knowledge: Knowledge) -> tuple[Source, ...]:
    """Return every source the knowledge cites, in order of first citation.

    >>> import legcramps
    >>> [s.id for s in all_sources(legcramps.KNOWLEDGE)][:3]
    ['seed-text', 'allen-kirby-2012', 'expert-opinion']
    """
    found: dict[str, Source] = {}
    for cause in knowledge.causes:
        for source in (*cause.sources, *(s.basis for s in cause.signs)):
            found.setdefault(source.id, source)
        for sign in cause.signs:
            if sign.weight_basis is not None:
                found.setdefault(sign.weight_basis.id, sign.weight_basis)
    cited = [s for flag in knowledge.red_flags for s in flag.sources]
    cited += [s for rule in knowledge.advice_rules for s in rule.sources]
    for source in cited:
        found.setdefault(source.id, source)
    return tuple(found.values())


def source_table(knowledge: Knowledge) -> Table:
    """Return every source the knowledge cites: its citation, its address and when it was read.

    >>> import legcramps
    >>> source_table(legcramps.KNOWLEDGE).rows[0][:2]
    ('seed-text', 'Here are the causes of severe leg cramps')
    """
    rows = tuple(
        (s.id, s.title, s.citation, (Link("link", s.url),) if s.url else (), s.read_on)
        for s in all_sources(knowledge)
    )
    return Table(
        ("Source", "Title", "Citation", "Read at", "Read on"),
        (_CODE, _TEXT, _TEXT, _TEXT, _TEXT),
        rows,
        (3, 4, 8, 2, 3),
    )


# --- the causes, as sections ----------------------------------------------------------


def _cause_lines(cause: Cause, knowledge: Knowledge) -> list[str]:
    title = escape(cause.name)
    inputs = [f.id for f in knowledge.inputs_of(cause.id)]
    lines = [title, "-" * len(title), "", f"{escape(cause.summary)} (id {literal(cause.id)})", ""]
    lines += [f"**Mechanism, as the source explains it.** {escape(cause.mechanism)}", ""]
    lines += ["**Advice.**", ""]
    lines += [f"- {escape(a)}" for a in cause.advice]
    lines += ["", f"**Evidence.** {escape(cause.evidence_note)}", ""]
    if inputs:
        lines += ["**Inputs that speak to it:** " + ", ".join(map(literal, inputs)) + ".", ""]
    lines += ["**Sources.**", ""]
    lines += [f"- {escape(s.citation)}" for s in cause.sources]
    lines.append("")
    return lines


def cause_sections(knowledge: Knowledge) -> list[str]:
    """Return one reST section per cause, in the knowledge's order.

    Each gives the cause's summary, its mechanism as the source explains it,
    the advice, the evidence note, the inputs that speak to it, and its sources.

    >>> import legcramps
    >>> lines = cause_sections(legcramps.KNOWLEDGE)
    >>> lines[:2]
    ['Exercise overuse', '----------------']
    >>> print([line for line in lines if line.startswith("**Inputs")][-1])
    **Inputs that speak to it:** ``medications``, ``fluid_litres``, ``hot_weather``, ...
    """
    lines: list[str] = []
    for cause in knowledge.causes:
        lines += _cause_lines(cause, knowledge)
    return lines


def code_table(knowledge: Knowledge) -> Table:
    """Return every concept of another code system the knowledge names: by input, cause, flag.

    >>> import legcramps
    >>> code_table(legcramps.KNOWLEDGE).rows[0]
    ('input', 'exercise_minutes', 'http://loinc.org', '55411-3', 'Exercise duration')
    """
    named = [
        *(("input", f.id, f.codes) for f in knowledge.factors),
        *(("cause", c.id, c.codes) for c in knowledge.causes),
        *(("red flag", r.id, r.codes) for r in knowledge.red_flags),
    ]
    rows = tuple(
        (what, part_id, code.system, code.code, code.display)
        for what, part_id, codes in named
        for code in codes
    )
    return Table(
        ("Part", "Id", "System", "Code", "Display"),
        (_TEXT, _CODE, _CODE, _CODE, _TEXT),
        rows,
        (2, 5, 5, 2, 5),
    )


def _translation_tables() -> dict[str, Callable[[Knowledge], Table]]:
    """Return the review tables of the translations (``legcramps_languages``), by name."""
    import legcramps_languages

    return legcramps_languages.TABLES


#: The tables by the name their directive carries (``legcramps-<name>``).
TABLES = {
    "factors": factor_table,
    "signs": sign_table,
    "levels": level_table,
    "red-flags": red_flag_table,
    "urgencies": urgency_table,
    "medications": medication_table,
    "sources": source_table,
    "codes": code_table,
    **_translation_tables(),
}
