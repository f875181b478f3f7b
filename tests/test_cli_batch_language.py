"""``legcramps batch --language``: the texts of its records in Spanish, run as a real process."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

import legcramps
from helpers import run, run_with

if TYPE_CHECKING:
    from pathlib import Path

ES = legcramps.catalog("es")
ROW: dict[str, Any] = {"hot_weather": True, "fluid_litres": 0.5, "exercise_minutes": 120}
ROWS = json.dumps(ROW) + '\n{"hot_weather": "si"}\n'


def records(stdout: str) -> list[dict[str, Any]]:
    """Return the JSON Lines records of *stdout*."""
    return [json.loads(line) for line in stdout.splitlines()]


class TestJsonLines:
    """Full JSON Lines records, with `--language es`."""

    def test_a_result_is_to_dict_in_spanish(self) -> None:
        """A row's result is `to_dict(language="es")` of its answers."""
        done = run("batch", "-", "--language", "es", "-q", stdin=ROWS)

        expected = legcramps.assess(**ROW).to_dict(language="es")
        assert expected == records(done.stdout)[0]["result"]

    def test_a_problem_is_in_spanish(self) -> None:
        """A row's problem has its words translated, as `Catalog.problem()` gives them."""
        done = run("batch", "-", "-l", "es", "-q", stdin=ROWS)

        problem = legcramps.Problem("hot_weather", "'si' (str)", "True, False or None (unknown)")
        assert [ES.problem(problem).to_dict()] == records(done.stdout)[1]["problems"]

    def test_two_workers_write_the_same(self) -> None:
        """With two workers the Spanish records are the same bytes as with one."""
        one = run("batch", "-", "-l", "es", "-q", stdin=ROWS * 3)
        two = run(
            "batch", "-", "-l", "es", "-q", "--workers", "2", "--chunksize", "1", stdin=ROWS * 3
        )

        assert one.stdout == two.stdout

    def test_english_is_the_default_without_a_locale(self) -> None:
        """Without `--language` or a locale, the records are the English `to_dict()`."""
        done = run_with({}, "batch", "-", "-q", stdin=ROWS)

        assert legcramps.assess(**ROW).to_dict() == records(done.stdout)[0]["result"]

    def test_the_locale_gives_spanish(self) -> None:
        """LANG=es_ES.UTF-8 alone gives Spanish records, as it does for `assess`."""
        done = run_with({"LANG": "es_ES.UTF-8"}, "batch", "-", "-q", stdin=ROWS)

        expected = legcramps.assess(**ROW).to_dict(language="es")
        assert expected == records(done.stdout)[0]["result"]

    def test_the_option_decides_over_the_locale(self) -> None:
        """`--language en` writes English under a Spanish locale."""
        done = run_with({"LANG": "es_ES.UTF-8"}, "batch", "-", "-l", "en", "-q", stdin=ROWS)

        assert legcramps.assess(**ROW).to_dict() == records(done.stdout)[0]["result"]

    def test_an_unknown_language_is_a_usage_error(self) -> None:
        """`--language fr` ends with status 2 before a row is read."""
        done = run("batch", "-", "--language", "fr", stdin=ROWS)

        assert 2 == done.returncode
        assert "" == done.stdout


class TestFlat:
    """The flat layout: ids and numbers, and the `problems` column in the language."""

    def test_the_problems_column_is_in_spanish(self, tmp_path: Path) -> None:
        """A CSV row's `problems` cell is the problem in Spanish, as `Catalog.line()` writes it."""
        out = tmp_path / "out.csv"
        run("batch", "-", "-l", "es", "-q", "-o", str(out), stdin=ROWS)

        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
        problem = legcramps.Problem("hot_weather", "'si' (str)", "True, False or None (unknown)")
        assert ES.line(problem) == rows[1]["problems"]

    def test_the_other_columns_are_the_same_in_every_language(self, tmp_path: Path) -> None:
        """A result's flat columns (ids, levels, numbers) do not change with the language."""
        english, spanish = tmp_path / "en.csv", tmp_path / "es.csv"
        run("batch", "-", "-l", "en", "-q", "-o", str(english), stdin=json.dumps(ROW) + "\n")
        run("batch", "-", "-l", "es", "-q", "-o", str(spanish), stdin=json.dumps(ROW) + "\n")

        assert english.read_bytes() == spanish.read_bytes()


class TestLineProblems:
    """The problems the batch finds with a line itself, before its answers, in Spanish."""

    def test_a_line_that_is_not_json(self) -> None:
        """A line that is not JSON: expected one JSON object per line, said in Spanish."""
        done = run("batch", "-", "-l", "es", "-q", stdin="not json\n")

        [problem] = records(done.stdout)[0]["problems"]
        assert "un objeto JSON de respuestas por línea" == problem["expected"]

    def test_an_empty_line(self) -> None:
        """An empty line is received as "una línea vacía"."""
        done = run("batch", "-", "-l", "es", "-q", stdin="\n")

        [problem] = records(done.stdout)[0]["problems"]
        assert "una línea vacía" == problem["received"]

    def test_a_csv_row_with_too_many_cells(self, tmp_path: Path) -> None:
        """A CSV row with more cells than the header has: the counts said in Spanish."""
        source = tmp_path / "rows.csv"
        source.write_text("hot_weather,age_years\n1,2,3\n", encoding="utf-8")
        done = run("batch", str(source), "-l", "es", "-q")

        [problem] = records(done.stdout)[0]["problems"]
        assert ("3 celdas", "2 celdas, una por columna del encabezado") == (
            problem["received"],
            problem["expected"],
        )
