"""The documentation: its knowledge tables, API page, table of contents and command-line page.

The tables in the docs are rendered at build time by ``docs/_ext``; these tests check the
renderer against the data, and show that a change to the data changes the tables with no
edit to the docs.
"""

from __future__ import annotations

import io
import re
import sys
import textwrap
from pathlib import Path

import attrs
import legcramps_tables as tables
import pytest
from hypothesis import given
from hypothesis import strategies as st

import legcramps
from helpers import run_documented, split_pipe
from legcramps import Condition, DrugClass, Knowledge, Medication

DOCS = Path(__file__).parent.parent / "docs"
K = legcramps.KNOWLEDGE


def sitting_from(hours: float, knowledge: Knowledge = K) -> Knowledge:
    """Return *knowledge* with the posture cause's 4-hour sitting sign moved to *hours*."""
    posture = knowledge.cause("posture")
    signs = tuple(
        attrs.evolve(s, when=Condition("sitting_hours", at_least=hours))
        if s.when == Condition("sitting_hours", at_least=4)
        else s
        for s in posture.signs
    )
    return knowledge.replace_cause(attrs.evolve(posture, signs=signs), version="test")


def texts(cell: tables.Cell) -> tuple[str, ...]:
    """Return the texts of a cell: its one string, or each string's or link's text."""
    if isinstance(cell, str):
        return (cell,)
    return tuple(part if isinstance(part, str) else part.text for part in cell)


class TestTablesFollowTheData:
    def test_factor_table_has_one_row_per_factor_in_order(self) -> None:
        """The inputs table lists every factor, in order, with its question and causes."""
        table = tables.factor_table(K)

        assert [(f.id, f.question, f.causes, f.red_flags) for f in K.factors] == [
            (row[0], row[1], row[4], row[5]) for row in table.rows
        ]

    def test_factor_table_says_when_a_question_is_asked(self) -> None:
        """A screen's member is asked after a yes to the screen; a plain question always."""
        rows = {row[0]: row[3] for row in tables.factor_table(K).rows}

        assert "always" == rows["hot_weather"]
        assert "emergency_signs" in rows["chest_pain_or_breathlessness"]

    def test_factor_table_gives_unit_and_bounds_of_numbers(self) -> None:
        """A number's answer cell names its unit and both inclusive bounds from the data."""
        f = K.factor("fluid_litres")
        expected = f"number of {f.unit}, {f.minimum:g} to {f.maximum:g}"

        assert expected == tables.factor_table(K).rows[K.factors.index(f)][2]

    def test_sign_table_has_every_sign_with_its_condition_and_weight(self) -> None:
        """The thresholds table lists every sign of every cause, with its weight and basis."""
        expected = [
            (c.id, str(s.when), str(s.weight), s.basis.id) for c in K.causes for s in c.signs
        ]

        assert expected == [(r[0], r[1], r[2], r[4]) for r in tables.sign_table(K).rows]

    def test_sign_table_says_what_else_a_sign_does(self) -> None:
        """A sign with a minimum urgency and advice says so in its reason cell."""
        row = next(r for r in tables.sign_table(K).rows if r[1] == "new_medication is yes")

        assert "at least see_doctor" in row[3]
        assert "do not stop or change a prescribed medicine" in row[3]

    def test_red_flag_table_has_every_flag_with_its_urgency_and_sources(self) -> None:
        """The red-flag table gives each flag's conditions, urgency and sources."""
        expected = [
            (r.id, tuple(map(str, r.when)), r.urgency.value, tuple(s.id for s in r.sources))
            for r in K.red_flags
        ]

        assert expected == [(r[0], r[1], r[2], texts(r[5])) for r in tables.red_flag_table(K).rows]

    def test_medication_table_marks_unconfirmed_atc_codes(self) -> None:
        """Each medication appears with its class, and a dagger only on unconfirmed ATC codes."""
        expected = [
            (
                m.generic,
                ", ".join(c.value for c in m.classes),
                m.atc + ("" if m.atc_confirmed else " \u2020"),
            )
            for m in K.medications
        ]

        assert expected == [(r[0], r[2], r[3]) for r in tables.medication_table(K).rows]

    def test_source_table_lists_each_cited_source_once(self) -> None:
        """Every source cited by a cause, sign, weight, red flag or rule is listed exactly once."""
        cited = {s.id for c in K.causes for s in (*c.sources, *(g.basis for g in c.signs))}
        cited |= {g.weight_basis.id for c in K.causes for g in c.signs if g.weight_basis}
        cited |= {s.id for r in K.red_flags for s in r.sources}
        cited |= {s.id for r in K.advice_rules for s in r.sources}
        ids = tables.source_table(K).column("Source")

        assert sorted(cited) == sorted(map(str, ids))
        assert len(cited) == len(ids)

    def test_cause_sections_carry_each_cause_text(self) -> None:
        """Each cause's name, summary, mechanism, advice and evidence note are in its section."""
        text = "\n".join(tables.cause_sections(K))

        for cause in K.causes:
            for part in (cause.name, cause.summary, cause.mechanism, cause.evidence_note):
                assert tables.escape(part) in text
            for advice in cause.advice:
                assert tables.escape(advice) in text


class TestChangingTheDataChangesTheTables:
    def test_new_threshold_changes_exactly_that_row(self) -> None:
        """Moving a threshold with attrs.evolve changes that row of the table and no other."""
        before = tables.sign_table(K).rows
        after = tables.sign_table(sitting_from(3)).rows

        expected = [
            (("posture", "sitting_hours >= 4", "2"), ("posture", "sitting_hours >= 3", "2"))
        ]
        changed = [(old[:3], new[:3]) for old, new in zip(before, after, strict=True) if old != new]
        assert expected == changed

    def test_new_threshold_reaches_the_rendered_rest(self) -> None:
        """The reST of the table shows the new threshold, and no longer the old one."""
        rst = "\n".join(tables.list_table(tables.sign_table(sitting_from(3.5))))

        assert "``sitting_hours >= 3.5``" in rst
        assert "``sitting_hours >= 4``" not in rst

    def test_new_level_threshold_changes_the_level_table(self) -> None:
        """Raising likely_at changes the score ranges of the levels table."""
        strict = attrs.evolve(K, likely_at=5, version="test")

        expected = (("likely", "5 or more"), ("possible", "1 to 4"))
        assert expected == tables.level_table(strict).rows[:2]

    def test_level_table_with_equal_thresholds(self) -> None:
        """When possible_at equals likely_at, no score is merely possible."""
        flat = attrs.evolve(K, likely_at=2, possible_at=2, version="test")

        expected = ("possible", "(none: same as likely)")
        assert expected == tables.level_table(flat).rows[1]

    def test_new_medication_adds_a_row(self) -> None:
        """A medication added to the knowledge appears in the medication table."""
        med = Medication("piretanide", DrugClass.LOOP_DIURETIC, "C03CA03", ("Arelix",))
        more = attrs.evolve(K, medications=(*K.medications, med), version="test")

        expected = ("piretanide", ("Arelix",), "loop diuretic", "C03CA03")
        assert expected == tables.medication_table(more).rows[-1]


class TestRest:
    def test_rows_keeps_only_the_given_ids(self) -> None:
        """select_rows keeps the rows whose first cell is one of the ids, in order."""
        table = tables.select_rows(tables.sign_table(K), ["posture"])

        expected = ["posture"] * 4
        assert expected == [row[0] for row in table.rows]

    def test_empty_cell_shows_a_dash(self) -> None:
        """A factor that speaks to no red flag shows a dash, not an empty cell."""
        rst = tables.list_table(tables.factor_table(K))

        assert "     - \u2014" in rst

    def test_every_table_is_valid_rest(self) -> None:
        """Every generated table parses as one docutils table with one row per data row."""
        docutils_core = pytest.importorskip("docutils.core")
        for name, make in tables.TABLES.items():
            table = make(K)
            doctree = docutils_core.publish_doctree(
                "\n".join(tables.list_table(table)),
                settings_overrides={"report_level": 2, "halt_level": 2},
            )
            rows = [n for n in doctree.findall() if n.tagname == "row"]
            assert len(table.rows) + 1 == len(rows), name

    @given(st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))))
    def test_escaped_text_reads_back_as_itself(self, text: str) -> None:
        """Any text from the data, once escaped, is shown by docutils exactly as it is."""
        docutils_core = pytest.importorskip("docutils.core")
        text = " ".join(text.split())
        doctree = docutils_core.publish_doctree(
            f"Before {tables.escape(text)}" if text else "Before",
            settings_overrides={"report_level": 5, "halt_level": 5},
        )

        assert " ".join(f"Before {text}".split()) == " ".join(doctree.astext().split())


class TestPages:
    def test_api_page_documents_every_public_name(self) -> None:
        """Every name in legcramps.__all__ has a reference entry on the API page or a topic page."""
        entry = re.compile(r"^\.\. (?:auto)?\w+:: (?:legcramps\.)?(\w+)", re.MULTILINE)
        documented = {
            name for page in DOCS.glob("*.rst") for name in entry.findall(page.read_text("utf-8"))
        }

        assert set() == set(legcramps.__all__) - documented

    def test_every_page_is_in_a_toctree(self) -> None:
        """Every reST page in docs/ is listed in a toctree of the index."""
        index = (DOCS / "index.rst").read_text(encoding="utf-8")
        listed = set(re.findall(r"^   (?:[^<\n]*<)?([\w/-]+)>?$", index, re.MULTILINE)) - {"self"}
        pages = {p.stem for p in DOCS.glob("*.rst")} - {"index"}

        assert pages == listed


class TestSphinxBuild:
    def test_directive_renders_the_knowledge_it_is_given(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A page using the directives shows a custom threshold, and builds with no warning."""
        application = pytest.importorskip("sphinx.application")
        module = "legcramps_docs_test_knowledge"
        (tmp_path / f"{module}.py").write_text(
            textwrap.dedent("""
                import attrs
                import legcramps
                from legcramps import Condition

                K = legcramps.KNOWLEDGE
                POSTURE = K.cause("posture")
                FOUR = Condition("sitting_hours", at_least=4)
                SIGNS = tuple(
                    attrs.evolve(s, when=Condition("sitting_hours", at_least=5))
                    if s.when == FOUR else s
                    for s in POSTURE.signs
                )
                MINE = K.replace_cause(attrs.evolve(POSTURE, signs=SIGNS), version="test")
            """),
            encoding="utf-8",
        )
        src = tmp_path / "src"
        src.mkdir()
        (src / "conf.py").write_text(
            f"extensions = ['legcramps_sphinx']\nlegcramps_knowledge = '{module}.MINE'\n",
            encoding="utf-8",
        )
        (src / "index.rst").write_text(
            "Signs\n=====\n\n.. legcramps-signs::\n   :rows: posture\n\n.. legcramps-causes::\n",
            encoding="utf-8",
        )
        monkeypatch.syspath_prepend(str(tmp_path))
        warnings = io.StringIO()
        try:
            app = application.Sphinx(
                src,
                src,
                tmp_path / "out",
                tmp_path / "doctrees",
                "text",
                status=None,
                warning=warnings,
                freshenv=True,
            )
            app.build()
        finally:
            sys.modules.pop(module, None)
        text = (tmp_path / "out" / "index.txt").read_text(encoding="utf-8")

        assert "" == warnings.getvalue()
        assert "sitting_hours >= 5" in text
        assert "sitting_hours >= 4" not in text
        assert "Prolonged sitting or standing" in text


# --- the command-line page ----------------------------------------------------------------


def _console_examples() -> list[tuple[str, str]]:
    """Return each ``$ command`` in the page's console blocks, with the output shown for it."""
    examples: list[tuple[str, list[str]]] = []
    in_block = False
    for line in (DOCS / "cli.rst").read_text(encoding="utf-8").splitlines():
        if line.startswith(".. code-block:: console"):
            in_block = True
        elif in_block and line and not line.startswith("   "):
            in_block = False
        elif in_block and line.startswith("   $ "):
            examples.append((line[5:], []))
        elif in_block and examples:
            examples[-1][1].append(line[3:])
    return [(command, "\n".join(output).strip("\n")) for command, output in examples]


class TestCommandLinePage:
    """The command-line page of the docs shows the program's real output."""

    @pytest.mark.parametrize(("command", "shown"), _console_examples())
    def test_example_output_is_real(
        self,
        command: str,
        shown: str,
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
    ) -> None:
        """Each example's output in docs/cli.rst is what the command prints now."""
        args, _ = split_pipe(re.split(r" \| (?:head|tail|sed) ", command)[0])
        help_shown = not args or args[0] == "help" or "--help" in args
        if help_shown and sys.version_info >= (3, 13):
            pytest.skip("argparse lays out --help differently from Python 3.13 on")
        monkeypatch.setenv("COLUMNS", "80")
        monkeypatch.chdir(tmp_path)

        assert shown == run_documented(command)
