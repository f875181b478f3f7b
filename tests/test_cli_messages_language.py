"""The command line's own words in Spanish: help, usage errors, file problems, batch's lines.

The texts are in ``legcramps._texts`` (kind ``cli``) and translated where they are
written (``Catalog.translate``); the language is known before the arguments are parsed.
"""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pytest

import legcramps
from helpers import run_in_process, run_with
from legcramps import _texts
from legcramps._cli import build_parser
from legcramps._cli._parser import language_of
from legcramps._cli.batch import _Tally

ES = legcramps.catalog("es")
K = legcramps.KNOWLEDGE
SPANISH = {"LANG": "es_ES.UTF-8"}
PLACEHOLDER = re.compile(r"\{\w*\}")


def in_spanish(*args: str, stdin: str = "") -> tuple[int, str, str]:
    """Run ``main()`` in this process with ``--language es`` first; return status, out, err."""
    return run_in_process("--language", "es", *args, stdin=stdin)


class TestUsageErrors:
    def test_an_unknown_option_is_a_spanish_usage_error(self) -> None:
        """`legcramps assess --language es --bogus`, a real process, says so in Spanish; 2."""
        done = run_with({}, "assess", "--language", "es", "--bogus")

        assert 2 == done.returncode
        assert "" == done.stdout
        assert "legcramps assess: error: opción no reconocida '--bogus'\n" == done.stderr

    def test_a_mistyped_option_gets_a_spanish_did_you_mean(self) -> None:
        """The closest option is suggested in Spanish words; the option names stay."""
        status, _, err = in_spanish("assess", "--exercise-minuts", "2")

        assert 2 == status
        expected = (
            "legcramps assess: error: opción no reconocida '--exercise-minuts';"
            " ¿quiso decir '--exercise-minutes'?\n"
        )
        assert expected == err

    def test_a_mistyped_command_from_the_locale(self) -> None:
        """With LANG=es_ES.UTF-8 and no option, a wrong command is refused in Spanish."""
        done = run_with(SPANISH, "asess")

        assert 2 == done.returncode
        expected = (
            "legcramps: error: 'asess' no es un comando; ¿quiso decir 'assess'?"
            " (vea 'legcramps help')\n"
        )
        assert expected == done.stderr

    def test_argparse_invalid_choice_is_in_spanish(self) -> None:
        """argparse's own "invalid choice" is translated; the value and choices stay."""
        status, _, err = in_spanish("batch", "rows.jsonl", "--format", "xml")

        assert 2 == status
        expected = (
            "legcramps batch: error: argumento --format: opción no válida: 'xml'"
            " (elija entre 'auto', 'jsonl', 'csv')\n"
        )
        assert expected == err

    def test_argparse_expected_one_argument_is_in_spanish(self) -> None:
        """An option left without its value: argparse's "expected one argument", translated."""
        status, _, err = in_spanish("assess", "--input")

        assert 2 == status
        assert "legcramps assess: error: argumento -i/--input: se esperaba un argumento\n" == err

    def test_a_missing_argument_is_in_spanish(self) -> None:
        """argparse's "the following arguments are required", translated."""
        status, _, err = in_spanish("completion")

        assert 2 == status
        expected = "legcramps completion: error: se necesitan los argumentos siguientes: SHELL\n"
        assert expected == err

    def test_an_option_given_twice_is_refused_in_spanish(self) -> None:
        """The refusal of an option given twice with different values, in Spanish."""
        status, _, err = in_spanish("assess", "--fluid-litres", "1", "--fluid-litres", "2")

        assert 2 == status
        expected = (
            "legcramps assess: error: argumento --fluid-litres: dada dos veces con valores"
            " distintos: --fluid-litres '1' y --fluid-litres '2'; se esperaba un solo valor\n"
        )
        assert expected == err

    def test_a_bad_answer_to_an_option_is_in_spanish(self) -> None:
        """A choice mistyped as an option: what was expected, and the suggestion, in Spanish."""
        status, _, err = in_spanish("assess", "--exercise-intensity", "vigorus")

        assert 2 == status
        expected = (
            "legcramps assess: error: argumento --exercise-intensity: se recibió 'vigorus';"
            " se esperaba uno de estos: 'light', 'moderate', 'vigorous';"
            " ¿quiso decir 'vigorous'?\n"
        )
        assert expected == err

    def test_a_type_error_of_batch_is_in_spanish(self) -> None:
        """`--workers 0`: batch's own check of the number, in Spanish."""
        status, _, err = in_spanish("batch", "rows.jsonl", "--workers", "0")

        assert 2 == status
        expected = (
            "legcramps batch: error: argumento --workers: se esperaba un número entero de 1"
            " a 64; se recibió '0'\n"
        )
        assert expected == err


class TestHelp:
    def test_the_help_of_assess_is_in_spanish(self) -> None:
        """`legcramps --language es assess --help`: usage, sections, options and statuses."""
        done = run_with({}, "--language", "es", "assess", "--help")

        assert 0 == done.returncode
        lines = done.stdout.splitlines()
        assert lines[0].startswith("uso: legcramps assess [-h] [-i FILE] [-j] [-l LANG]")
        for line in (
            "argumentos posicionales:",
            "opciones:",
            "  -h, --help            mostrar esta ayuda y salir",
            "respuestas:",
            "estado de salida:",
            "  0    se mostró el informe (o el JSON)",
            "  130  interrumpido (Ctrl-C)",
            "ejemplos:",
            "  legcramps assess case.json --json",
        ):
            assert line in lines

    def test_every_usage_keeps_its_options_and_metavars(self) -> None:
        """Each command's Spanish usage names the options and metavars of the English one."""
        english, spanish = build_parser(K), build_parser(K, "es")
        for name, command in english.commands().items():
            ours = spanish.commands()[name]
            words = command.format_usage().removeprefix("usage: ").split()

            assert words == ours.format_usage().removeprefix("uso: ").split()
            assert command.format_help() != ours.format_help()

    def test_the_status_lines_are_wrapped_again(self) -> None:
        """A translated exit status longer than a line goes on under its meaning."""
        help_ = build_parser(K, "es").commands()["interview"].format_help()

        expected = (
            "  4    falló la lectura o la escritura: entrada estándar cerrada, --save o\n"
            "       la salida\n"
        )
        assert expected in help_

    def test_the_program_help_from_the_locale(self) -> None:
        """`LANG=es_ES.UTF-8 legcramps --help` lists the commands in Spanish."""
        done = run_with(SPANISH, "--help")

        assert 0 == done.returncode
        assert done.stdout.startswith("uso: legcramps [-h] [-V] COMMAND ...\n")
        assert "  help           mostrar la ayuda del programa, o de un comando\n" in done.stdout

    def test_help_command_is_in_spanish(self) -> None:
        """`legcramps help foo` refuses the command in Spanish."""
        status, _, err = in_spanish("help", "foo")

        assert 2 == status
        assert "legcramps help: error: argumento COMMAND: 'foo' no es un comando\n" == err

    def test_the_hidden_language_option_is_not_in_the_english_help(self) -> None:
        """The program's `-l/--language` (for before the command) is not shown."""
        help_ = build_parser(K).format_help()

        assert "--language" not in help_

    def test_the_version_in_spanish(self) -> None:
        """`-V` names the knowledge in Spanish."""
        status, out, _ = in_spanish("-V")

        assert 0 == status
        assert f"legcramps {legcramps.__version__} (base de conocimiento {K.version})\n" == out


class TestAnswerFile:
    def test_bad_answers_in_a_file_are_spanish_problems(self, tmp_path: Path) -> None:
        """Each problem of an --input file, in Spanish; JSON's values and types stay."""
        path = tmp_path / "a.json"
        path.write_text('{"fluid_litres": -1, "sex": "Female", "x": 1}', encoding="utf-8")

        status, out, err = in_spanish("assess", "--input", str(path))

        where = f"legcramps assess: error: argumento --input: en {str(path)!r}: "
        expected = [
            (
                f"{where}fluid_litres: se recibió -1 (number); se esperaba un número de litros de"
                " 0 a 20, o null (desconocido)"
            ),
            (
                f'{where}sex: se recibió "Female" (string); se esperaba uno de estos: "female",'
                ' "male", o null (desconocido) (¿quiso decir "female"? En JSON una elección es'
                " exacta)"
            ),
            (
                f"{where}x: se recibió 1 (number); se esperaba una de las entradas, como las"
                " lista 'legcramps factors'"
            ),
        ]
        assert (2, "") == (status, out)
        assert expected == err.splitlines()

    def test_not_json_says_why_in_spanish(self, tmp_path: Path) -> None:
        """What json says is wrong ("Expecting value") is said in Spanish, with its place."""
        path = tmp_path / "b.json"
        path.write_text('{"a":', encoding="utf-8")

        status, _, err = in_spanish("assess", str(path))

        expected = (
            f"legcramps assess: error: argumento --input: {str(path)!r} no es JSON válido:"
            " se esperaba un valor: línea 1 columna 6 (carácter 5)\n"
        )
        assert (2, expected) == (status, err)

    def test_a_missing_file(self, tmp_path: Path) -> None:
        """A file that cannot be read: the words are Spanish, the system's reason as it is."""
        path = tmp_path / "none.json"

        status, _, err = in_spanish("assess", str(path))

        assert 2 == status
        assert err.startswith(
            f"legcramps assess: error: argumento --input: no se puede leer {str(path)!r}: "
        )

    def test_a_save_file_that_cannot_be_written(self, tmp_path: Path) -> None:
        """`interview --save` to a folder that is not there is refused in Spanish."""
        path = tmp_path / "no" / "x.json"

        status, _, err = in_spanish("interview", "--save", str(path), stdin="")

        expected = (
            f"legcramps interview: error: argumento --save: no se puede escribir {str(path)!r};"
            " se esperaba un archivo en una carpeta en la que pueda escribir\n"
        )
        assert (2, expected) == (status, err)


class TestBatch:
    def test_the_summary_is_in_spanish_from_the_locale(self, tmp_path: Path) -> None:
        """`LANG=es_ES.UTF-8 legcramps batch`, a real process, sums up in Spanish."""
        rows = tmp_path / "rows.jsonl"
        rows.write_text('{"fluid_litres": 1}\nnot json\n', encoding="utf-8")

        done = run_with(SPANISH, "batch", str(rows), "-o", str(tmp_path / "out.jsonl"))

        summary = (
            r"legcramps batch: 2 filas escritas, 1 con problemas, en \d+\.\d s( \(\S+ filas/s\))?\n"
        )
        assert 1 == done.returncode
        assert re.fullmatch(summary, done.stderr)

    def test_a_row_that_is_not_json_says_why_in_spanish(self, tmp_path: Path) -> None:
        """The problem of a line json cannot read names json's reason in Spanish."""
        rows = tmp_path / "rows.jsonl"
        rows.write_text("not json\n", encoding="utf-8")

        status, out, _ = in_spanish("batch", str(rows), "-q")

        problem = json.loads(out)["problems"][0]
        assert 1 == status
        assert "no es JSON: se esperaba un valor" == problem["hint"]

    def test_the_header_problems_are_in_spanish(self, tmp_path: Path) -> None:
        """Each problem of a CSV header, joined as in English, in Spanish."""
        rows = tmp_path / "rows.csv"
        rows.write_text("Fluid_litre,x\n1,2\n", encoding="utf-8")

        status, _, err = in_spanish("batch", str(rows), "--id", "y")

        expected = (
            "legcramps batch: error: argumento --input: la columna 'Fluid_litre' no es una"
            " entrada (¿quiso decir 'fluid_litres'? use --id Fluid_litre para copiarla a la"
            " salida, o --ignore-unknown para omitirla); la columna 'x' no es una entrada"
            " (use --id x para copiarla a la salida, o --ignore-unknown para omitirla);"
            " argumento --id: la cabecera del CSV no tiene la columna 'y'\n"
        )
        assert (2, expected) == (status, err)

    def test_the_progress_line_is_in_spanish(self) -> None:
        """The terminal's progress line: rows, problems, rate and time left, in Spanish."""
        tally = _Tally(0.0, io.StringIO(), 1000, quiet=False, language="es")
        tally.add(10, 1, 500)

        assert " 50% 10 filas, 1 con problemas, 5 filas/s, faltan 0:02" == tally.progress(2.0)

    def test_the_progress_line_in_english_is_as_before(self) -> None:
        """In English the progress line is unchanged."""
        tally = _Tally(time.monotonic(), io.StringIO(), 1000, quiet=False)
        tally.add(10, 1, 500)

        assert " 50% 10 rows, 1 with problems, 5 rows/s, 0:02 left" == tally.progress(2.0)


class TestListsAndInterview:
    def test_the_factors_are_listed_in_spanish(self) -> None:
        """`legcramps -l es factors`: questions and labels in Spanish; ids and options stay."""
        status, out, _ = in_spanish("factors")

        expected = [
            (
                "exercise_intensity (choice): ¿Qué intensidad tuvo ese ejercicio: ligera,"
                " moderada o intensa?"
            ),
            "  espera: uno de estos: 'light', 'moderate', 'vigorous'",
            "  habla de: overuse",
            "  señales de alarma: heat_stroke_or_collapse",
            "  opción: --exercise-intensity {light,moderate,vigorous}",
        ]
        assert 0 == status
        assert expected == out.split("\n\n")[1].splitlines()

    def test_a_misspelt_spanish_choice_gets_a_spanish_suggestion(self, tmp_path: Path) -> None:
        """In the interview, 'intensia' is close to 'intensa', the Spanish word, suggested."""
        known = {f.id: None for f in K.factors if f.id != "exercise_intensity"}
        path = tmp_path / "known.json"
        path.write_text(json.dumps({**known, "exercise_minutes": 60}), encoding="utf-8")

        status, out, _ = in_spanish("interview", "--input", str(path), stdin="intensia\n")

        assert 0 == status
        assert "'intensa' (¿quiso decir 'intensa'?)." in " ".join(out.split())


class TestTranslate:
    def test_a_message_of_messages_is_translated_part_by_part(self) -> None:
        """Templates within templates: each part's words, the ids and values kept."""
        english = (
            "argument --input: in 'a.json': fluid_litres: received -1 (number); expected a"
            " number of litres from 0 to 20, or null (unknown)"
        )
        expected = (
            "argumento --input: en 'a.json': fluid_litres: se recibió -1 (number); se"
            " esperaba un número de litros de 0 a 20, o null (desconocido)"
        )
        assert expected == ES.translate(english)

    def test_the_reading_that_explains_most_wins(self) -> None:
        """A suggestion around another message is read as both, not as one long name."""
        english = "unrecognized option '--x'; did you mean '--y'?"

        assert "opción no reconocida '--x'; ¿quiso decir '--y'?" == ES.translate(english)

    def test_a_text_of_no_template_stays_as_it_is(self) -> None:
        """What the system says (No such file or directory) is not made up into Spanish."""
        assert "No such file or directory" == ES.translate("No such file or directory")

    def test_english_is_the_text_itself(self) -> None:
        """The English catalog translates nothing."""
        text = "argument --json: ignored explicit argument '1'"

        assert text == legcramps.catalog("en").translate(text)


class TestLanguageOf:
    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            (["assess", "--language", "es"], "es"),
            (["--language", "es", "assess", "--help"], "es"),
            (["assess", "--language=es"], "es"),
            (["assess", "-les"], "es"),
            (["assess", "-l", "es", "-l", "en"], "en"),
            (["assess", "--", "-l", "es"], "en"),
            (["assess", "--language", "fr"], "en"),
            (["assess", "--language"], "en"),
        ],
    )
    def test_the_last_language_option_decides(
        self, argv: list[str], expected: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Before parsing: the last -l/--language legcramps has texts in, else the locale."""
        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            monkeypatch.delenv(name, raising=False)

        assert expected == language_of(argv)

    def test_the_locale_without_an_option(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the option, LC_ALL, LC_MESSAGES or LANG decides, as for the texts."""
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.delenv("LC_MESSAGES", raising=False)
        monkeypatch.setenv("LANG", "es_MX.UTF-8")

        assert "es" == language_of(["assess", "--language", "fr"])


#: Runs of the command line, each (arguments, standard input), whose output is Spanish.
RUNS = [
    *([name, "--help"] for name in build_parser(K).commands()),
    ["--help"],
    ["assess", "--bogus"],
    ["assess", "--exercise-minuts", "2"],
    ["assess", "--exercise-intensity", "vigorus"],
    ["assess", "--fluid-litres", "1", "--fluid-litres", "2"],
    ["assess", "--hot-weather", "--no-hot-weather"],
    ["assess", "--json=1"],
    ["assess", "--input"],
    ["asess"],
    ["help", "foo"],
    ["completion"],
    ["batch"],
    ["batch", "x.jsonl", "--workers", "0"],
    ["batch", "x.jsonl", "--delimiter", "ab"],
    ["batch", "x.jsonl", "--format", "xml"],
    ["batch", "x.jsonl", "--fields", "urgensy"],
    ["batch", "x.jsonl", "--id", "fluid_litres"],
    ["batch", "x.jsonl", "--output-format", "parquet"],
    ["serve", "--port", "x"],
    ["causes"],
    ["factors"],
    ["-V"],
]


def _english_fragments() -> dict[str, str]:
    """Return each English run of words of a "cli" text that its translation does not keep.

    A template's words between placeholders, of two words or more, by the text they
    are from: a Spanish output that holds one of them holds English.
    """
    fragments = {}
    for english in _texts.CLI:
        spanish = ES.texts.get(english, "")  # none: every English word counts
        for part in PLACEHOLDER.split(english):
            part = part.strip(" :;,.()'\"")  # noqa: PLW2901 - the words only
            if re.search(r"\w+ \w+", part) and part not in spanish:
                fragments[part] = english
    return fragments


def test_no_english_text_of_the_command_line_is_left_in_spanish_output() -> None:
    """Over the help of every command and a set of errors, no English "cli" text shows."""
    fragments = _english_fragments()
    left = []
    for argv in RUNS:
        _, out, err = in_spanish(*argv)
        shown = " ".join((out + err).split())  # the help's lines joined again
        left += [(argv, f) for f in fragments if f in shown]

    assert [] == left
