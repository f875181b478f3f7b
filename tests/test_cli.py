"""Tests of the ``legcramps`` command line.

The real program runs in a subprocess for what only a process shows (exit
status, streams, standard input); the parsing logic is tested in-process,
where it is cheap.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import shlex
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import legcramps
from legcramps import FactorKind, Knowledge, RiskFactor
from legcramps._cli import build_parser, main
from legcramps._cli._io import CommandError
from legcramps._cli.assess import option_name
from legcramps._cli.interview import interview
from legcramps._parse import (
    NotUnderstood,
    hint_text,
    is_skip,
    parse_answer,
    parse_choice,
    parse_medications,
    parse_number,
)
from strategies import answer, json_values

K = legcramps.KNOWLEDGE


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run the real command line, as ``python -m legcramps``."""
    return subprocess.run(  # noqa: S603 - the test's own interpreter and arguments
        [sys.executable, "-m", "legcramps", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def run_in_process(
    *args: str, stdin: str = "", knowledge: Knowledge | None = None
) -> tuple[int, str, str]:
    """Run :func:`main` in this process; return the exit status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.object(sys, "stdin", io.StringIO(stdin)),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        status = main(list(args), knowledge=knowledge)
    return status, out.getvalue(), err.getvalue()


BAD_INPUT = [
    pytest.param(
        ["--fluid-litres", "nan"],
        "",
        "argument --fluid-litres: received nan; expected a number of litres from 0 to 20",
        id="nan",
    ),
    pytest.param(
        ["--fluid-litres", "inf"],
        "",
        "argument --fluid-litres: received inf; expected a number of litres from 0 to 20",
        id="infinity",
    ),
    pytest.param(
        ["--fluid-litres", "lots"],
        "",
        "argument --fluid-litres: received 'lots'; expected a number of litres",
        id="not-a-number",
    ),
    pytest.param(
        ["--exercise-minutes", "2000"],
        "",
        "argument --exercise-minutes: received 2000; expected a number of minutes from 0 to 1440",
        id="out-of-range",
    ),
    pytest.param(
        ["--exercise-intensity", "hard"],
        "",
        "argument --exercise-intensity: received 'hard'; expected one of 'light',"
        " 'moderate', 'vigorous'",
        id="bad-choice",
    ),
    pytest.param(
        ["--fluid-litre", "1"],
        "",
        "unrecognized arguments: --fluid-litre 1",
        id="unknown-option",
    ),
    pytest.param(
        ["--input", "-"],
        "{not json",
        "argument --input: standard input is not valid JSON: Expecting property name",
        id="invalid-json",
    ),
    pytest.param(
        ["--input", "-"],
        "[1, 2]",
        "argument --input: standard input holds a JSON list; expected a JSON object",
        id="not-an-object",
    ),
    pytest.param(
        ["--input", "-"],
        '{"hot_weather": "yes"}',
        "argument --input: in standard input: hot_weather: received 'yes' (str);"
        " expected true, false or null (unknown)",
        id="bad-value-in-file",
    ),
    pytest.param(
        ["--input", "-", "--medication", "Lasix"],
        '{"medications[5]": 1}',
        "argument --input: in standard input: medications[5]: received 1 (int);"
        " expected one of the inputs in legcramps.RISK_FACTORS (did you mean 'medications'?)",
        id="item-key-in-file",
    ),
    pytest.param(
        ["--input", "-"],
        '{"fluid_litres": 1, "fluid_litres": 2}',
        "argument --input: in standard input: the key 'fluid_litres' is given more than once;"
        " expected each key once",
        id="duplicate-key",
    ),
    pytest.param(
        ["--input", "no/such/file.json"],
        "",
        "argument --input: cannot read 'no/such/file.json': No such file or directory",
        id="missing-file",
    ),
]


class TestProgram:
    """The real command, run in a subprocess."""

    def test_assess_prints_the_report(self) -> None:
        """`legcramps assess` with options prints the library's plain-text report."""
        expected = str(legcramps.assess(fluid_litres=0.5, hot_weather=True, medications=["Lasix"]))

        result = run("assess", "--fluid-litres", "0.5", "--hot-weather", "--medication", "Lasix")

        assert (0, expected + "\n", "") == (result.returncode, result.stdout, result.stderr)

    def test_json_equals_to_dict(self) -> None:
        """`--json` prints JSON that equals the library's `to_dict()` for the same answers."""
        expected = legcramps.assess(
            exercise_minutes=120,
            exercise_intensity="vigorous",
            hot_weather=False,
            medications=["Lasix 40 mg", "aspirin"],
            leg_swelling=False,
        ).to_dict()

        result = run(
            "assess",
            "--json",
            "--exercise-minutes=120",
            "--exercise-intensity=vigorous",
            "--no-hot-weather",
            "--medication=Lasix 40 mg",
            "--medication=aspirin",
            "--no-leg-swelling",
        )

        assert (0, "") == (result.returncode, result.stderr)
        assert expected == json.loads(result.stdout)

    def test_file_answers_are_overridden_by_options(self, tmp_path: Path) -> None:
        """`--input FILE` reads a JSON object; an option given as well overrides the file."""
        path = tmp_path / "answers.json"
        path.write_text(json.dumps({"fluid_litres": 3, "hot_weather": True, "sitting_hours": 6}))
        expected = legcramps.assess(fluid_litres=0.5, hot_weather=True, sitting_hours=6).to_dict()

        result = run("assess", "--json", "--input", str(path), "--fluid-litres", "0.5")

        assert (0, "") == (result.returncode, result.stderr)
        assert expected == json.loads(result.stdout)

    def test_standard_input_answers(self) -> None:
        """`--input -` reads the answers from standard input."""
        answers = {"medications": ["Aldactone"], "new_medication": True, "cramp_minutes": None}
        expected = legcramps.assess(answers).to_dict()

        result = run("assess", "--input", "-", "--json", stdin=json.dumps(answers))

        assert (0, "") == (result.returncode, result.stderr)
        assert expected == json.loads(result.stdout)

    def test_interview_through_a_pipe(self) -> None:
        """The interview reads piped answers: a skip stays unknown, an invalid one is re-asked."""
        answers = [
            "no",
            "skip",
            "maybe",
            "no",
            "5 min",
            "no",
            "no",
            "no",
            "no",
            "skip",
            "Lasix, aspirin",
        ]
        expected = legcramps.assess(
            chest_pain_or_breathlessness=False,
            leg_swelling=False,
            cramp_minutes=5,
            muscle_weakness=False,
            numbness=False,
            frequent_cramps=False,
            persists_despite_self_care=False,
            medications=["Lasix", "aspirin"],
        )

        result = run("interview", stdin="\n".join(answers) + "\n")

        assert (0, "") == (result.returncode, result.stderr)
        transcript, report = result.stdout.split("\n\nLeg cramp assessment", 1)
        assert str(expected) + "\n" == "Leg cramp assessment" + report
        assert 1 == transcript.count("Is your urine dark, like tea or cola")
        assert 2 == transcript.count("Is one leg swollen, red or warm to the touch?")
        assert "Sorry, 'maybe' is not an answer I can use: expected yes or no." in transcript
        assert transcript.endswith("No more answers: the questions left stay unknown.")

    @pytest.mark.parametrize(("args", "stdin", "message"), BAD_INPUT)
    def test_bad_input(self, args: list[str], stdin: str, message: str) -> None:
        """Bad input exits with 2 and one line naming the option on stderr, nothing on stdout."""
        result = run("assess", *args, stdin=stdin)

        assert (2, "") == (result.returncode, result.stdout)
        assert 1 == result.stderr.count("\n")
        assert message in result.stderr
        assert "Traceback" not in result.stderr

    @pytest.mark.parametrize(("args", "stdin", "message"), BAD_INPUT)
    def test_bad_input_in_process(self, args: list[str], stdin: str, message: str) -> None:
        """`main()` reports bad input the same way when called in-process."""
        status, out, err = run_in_process("assess", *args, stdin=stdin)

        assert (2, "", 1) == (status, out, err.count("\n"))
        assert message in err


class TestEntryPoint:
    def test_console_script_runs_main(self) -> None:
        """The console script `legcramps` runs the same `main` as `python -m legcramps`."""
        (script,) = entry_points(group="console_scripts", name="legcramps")

        assert main is script.load()


class TestOptions:
    """The options of `legcramps assess`, generated from the risk factors."""

    def test_every_factor_has_an_option_with_its_question_in_help(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`assess --help` lists an option per factor, described by the factor's question."""
        monkeypatch.setenv("COLUMNS", "10000")

        assert 0 == main(["assess", "--help"])

        entries: list[str] = []
        for line in capsys.readouterr().out.splitlines():
            if line.startswith("  -"):
                entries.append(line.strip())
            elif entries and line.startswith("    "):
                entries[-1] += " " + line.strip()
        for factor in K.factors:
            (entry,) = [e for e in entries if e.startswith(option_name(factor).rstrip("s"))]
            assert factor.question in entry

    def test_help_shows_unit_and_bounds(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A number's help gives its unit and bounds, in command-line words (no Python None)."""
        monkeypatch.setenv("COLUMNS", "10000")

        main(["assess", "--help"])

        out = capsys.readouterr().out
        assert "--fluid-litres LITRES" in out
        assert "(a number of litres from 0 to 20)" in out
        assert "None" not in out

    def test_a_new_factor_gets_an_option(self) -> None:
        """A factor added to the knowledge becomes an option, with no change to the CLI."""
        note = legcramps.Source("notes", "Notes", "Our notes.")
        sign = legcramps.Sign(legcramps.Condition("water_celsius", below=15), 3, "Cold.", note)
        cold = legcramps.Cause(
            "cold", "Cold", "Cold water.", "?", ("Warm up.",), "?", (note,), (sign,)
        )
        factor = RiskFactor(
            "water_celsius",
            "How cold was it, 100% sure?",
            FactorKind.NUMBER,
            minimum=0,
            maximum=40,
        )
        mine = attrs.evolve(K, version="v", factors=(*K.factors, factor), causes=(*K.causes, cold))

        status, out, err = run_in_process(
            "assess", "--json", "--water-celsius", "12", knowledge=mine
        )

        assert (0, "") == (status, err)
        finding = json.loads(out)["findings"][0]
        assert ("cold", "likely") == (finding["cause"], finding["level"])

    def test_no_medications_is_an_empty_list(self) -> None:
        """`--no-medications` answers "takes none", which is known, unlike leaving it out."""
        status, out, _ = run_in_process("assess", "--json", "--no-medications")

        assert 0 == status
        assert [] == json.loads(out)["answers"]["medications"]

    def test_options_are_not_abbreviated(self) -> None:
        """A shortened option is refused, so a new factor can never change what one means."""
        status, out, err = run_in_process("assess", "--fluid", "1")

        assert (2, "") == (status, out)
        assert "unrecognized arguments: --fluid" in err

    def test_every_problem_is_reported(self) -> None:
        """Several bad answers give one line each on stderr."""
        status, out, err = run_in_process(
            "assess", "--fluid-litres", "-1", "--medication", "", "--sitting-hours", "25"
        )

        assert (2, "") == (status, out)
        prefix = "legcramps assess: error: argument"
        assert [
            f"{prefix} --fluid-litres: received -1; expected a number of litres from 0 to 20",
            f"{prefix} --medication: received ''; expected a medication name (a non-empty string)",
            f"{prefix} --sitting-hours: received 25; expected a number of hours from 0 to 24",
        ] == sorted(err.splitlines())

    def test_no_command_is_a_usage_error(self) -> None:
        """`legcramps` alone exits with 2 and says that a command is needed."""
        status, out, err = run_in_process()

        assert (2, "") == (status, out)
        assert "legcramps: error: the following arguments are required: command\n" == err

    @settings(max_examples=50, deadline=None)
    @given(st.lists(st.text(max_size=12), max_size=4))
    def test_any_arguments_exit_cleanly(self, args: list[str]) -> None:
        """Whatever the arguments, assess exits with 0 or 2 and never raises."""
        status, _, _ = run_in_process("assess", *args)

        assert status in {0, 2}

    @settings(max_examples=50, deadline=None)
    @given(st.data())
    def test_options_reproduce_the_library(self, data: st.DataObject) -> None:
        """For valid answers given as options, `--json` equals the library's `to_dict()`."""
        answers: dict[str, Any] = {}
        args = ["assess", "--json"]
        for factor in data.draw(st.sets(st.sampled_from(K.factors))):
            value = data.draw(answer(factor))
            answers[factor.id] = value
            args += _as_options(factor, value)

        status, out, _ = run_in_process(*args)

        assert 0 == status
        assert legcramps.assess(answers).to_dict() == json.loads(out)


def _as_options(factor: RiskFactor, value: Any) -> list[str]:
    option = option_name(factor)
    if factor.kind is FactorKind.YES_NO:
        return [option if value else "--no-" + option.removeprefix("--")]
    if factor.kind is FactorKind.MEDICATIONS:
        if not value:
            return ["--no-" + option.removeprefix("--")]
        return [f"--medication={name}" for name in value]
    return [f"{option}={value!r}" if isinstance(value, float) else f"{option}={value}"]


_FILE = "argument --input: in standard input:"
_UNKNOWN = "expected one of the inputs in legcramps.RISK_FACTORS"


_IDS = [f.id for f in K.factors]
_keys = st.one_of(
    st.sampled_from(_IDS),
    st.builds("{}[{}]".format, st.sampled_from(_IDS), st.integers(-1, 3)),
    st.builds("{}[{}]".format, st.sampled_from(_IDS), st.text(max_size=3)),
    st.text(max_size=8),
)
"""Keys of an `--input` object: input ids, item paths of them, anything."""

_OPTIONS = sorted({option_name(f) for f in K.factors} | {"--medication", "--input"})
_options = st.one_of(
    st.tuples(
        st.sampled_from(_OPTIONS),
        st.sampled_from(["0", "1", "2.5", "25", "-1", "nan", "1e999", "90 min", "", "Lasix"])
        | st.sampled_from([c for f in K.factors for c in f.choices])
        | st.text(max_size=8),
    ),
    st.sampled_from(K.factors).map(lambda f: ("--no-" + option_name(f).removeprefix("--"),)),
    st.sampled_from(_OPTIONS).map(lambda option: (option,)),
    st.text(max_size=8).map(lambda text: (text,)),
)
"""One option of `assess` with a value (or none), valid or not."""


class TestFileAndOptions:
    """Answers from `--input` and from options together: each problem named by its source."""

    @pytest.mark.parametrize(
        ("file", "args", "expected"),
        [
            pytest.param(
                {"medications[5]": 1},
                ["--medication", "Lasix"],
                f"{_FILE} medications[5]: received 1 (int); {_UNKNOWN}"
                " (did you mean 'medications'?)",
                id="index-past-the-options-list",
            ),
            pytest.param(
                {"medications[0]": 1},
                ["--medication", "Lasix"],
                f"{_FILE} medications[0]: received 1 (int); {_UNKNOWN}"
                " (did you mean 'medications'?)",
                id="index-into-the-options-list",
            ),
            pytest.param(
                {"medications[x]": 1},
                ["--medication", "Lasix"],
                f"{_FILE} medications[x]: received 1 (int); {_UNKNOWN}"
                " (did you mean 'medications'?)",
                id="not-an-index",
            ),
            pytest.param(
                {"fluid_litres[0]": 1},
                ["--fluid-litres", "1"],
                f"{_FILE} fluid_litres[0]: received 1 (int); {_UNKNOWN}"
                " (did you mean 'fluid_litres'?)",
                id="index-into-a-number",
            ),
            pytest.param(
                {"medications": ["Lasix", ""]},
                ["--fluid-litres", "1"],
                f"{_FILE} medications[1]: received '' (str);"
                " expected a medication name (a non-empty string)",
                id="item-in-the-file",
            ),
            pytest.param(
                {"fluid_litres": 1},
                ["--medication", "Lasix", "--medication", ""],
                "argument --medication: received ''; expected a medication name"
                " (a non-empty string)",
                id="item-of-an-option",
            ),
            pytest.param(
                {"medications": ["Lasix"]},
                ["--sitting-hours", "25"],
                "argument --sitting-hours: received 25; expected a number of hours from 0 to 24",
                id="value-of-an-option",
            ),
        ],
    )
    def test_a_problem_names_where_it_came_from(
        self, file: dict[str, Any], args: list[str], expected: str
    ) -> None:
        """A problem names its option only if an option gave it; otherwise `--input`."""
        status, out, err = run_in_process("assess", "--input", "-", *args, stdin=json.dumps(file))

        assert (2, "", f"legcramps assess: error: {expected}\n") == (status, out, err)

    def test_an_option_overrides_a_bad_answer_in_the_file(self) -> None:
        """A bad answer in the file that an option replaces is never checked."""
        expected = legcramps.assess(fluid_litres=2).to_dict()

        status, out, err = run_in_process(
            "assess", "--json", "--input", "-", "--fluid-litres", "2", stdin='{"fluid_litres": -1}'
        )

        assert (0, "") == (status, err)
        assert expected == json.loads(out)

    def test_problems_from_both_sources_are_all_reported(self) -> None:
        """Bad answers in the file and in the options give one line each, in one run."""
        status, out, err = run_in_process(
            "assess",
            "--input",
            "-",
            "--sitting-hours",
            "25",
            stdin='{"overtired": "yes", "medications": [3]}',
        )

        assert (2, "") == (status, out)
        assert [
            f"{_FILE} overtired: received 'yes' (str); expected true, false or null (unknown)",
            (
                f"{_FILE} medications[0]: received 3 (int); expected a medication name"
                " (a non-empty string)"
            ),
            "argument --sitting-hours: received 25; expected a number of hours from 0 to 24",
        ] == [line.removeprefix("legcramps assess: error: ") for line in err.splitlines()]

    @pytest.mark.parametrize(
        ("text", "key"),
        [
            ('{"overtired": true, "overtired": true}', "overtired"),
            ('{"medications": ["Lasix"], "x": {"a": 1, "a": 2}}', "a"),
        ],
    )
    def test_a_key_given_twice_is_refused(self, text: str, key: str) -> None:
        """A JSON object that gives a key twice, even with the same value, exits with 2."""
        status, out, err = run_in_process("assess", "--input", "-", stdin=text)

        assert (2, "") == (status, out)
        assert (
            f"legcramps assess: error: {_FILE} the key {key!r} is given more than once;"
            " expected each key once\n"
        ) == err

    @settings(max_examples=100, deadline=None)
    @given(
        st.dictionaries(_keys, st.one_of(json_values, *map(answer, K.factors)), max_size=5),
        st.lists(_options, max_size=5).map(lambda pairs: [a for pair in pairs for a in pair]),
    )
    def test_any_file_with_any_options_exits_cleanly(
        self, file: dict[str, Any], args: list[str]
    ) -> None:
        """Any JSON object in `--input` with any options exits with 0, or 2 naming an argument."""
        status, out, err = run_in_process("assess", "--input", "-", *args, stdin=json.dumps(file))

        if status == 0:
            assert ("", True) == (err, bool(out))
        else:
            assert (2, "") == (status, out)
            assert err.startswith(("legcramps assess: error: argument ", "legcramps: error: "))


class TestOtherCommands:
    def test_causes(self) -> None:
        """`causes` lists each cause by id and name."""
        status, out, _ = run_in_process("causes")

        assert 0 == status
        assert [f"{c.id}: {c.name}" for c in K.causes] == [
            line for line in out.splitlines() if line and not line.startswith(" ")
        ]

    def test_causes_json(self) -> None:
        """`causes --json` gives each cause with the inputs that speak to it."""
        status, out, _ = run_in_process("causes", "--json")

        assert 0 == status
        causes = json.loads(out)
        assert [c.id for c in K.causes] == [c["id"] for c in causes]
        assert ["medications", "fluid_litres", "hot_weather", "heavy_sweating"] == causes[4][
            "inputs"
        ]

    def test_factors(self) -> None:
        """`factors` gives each input's question, what it expects and its option."""
        status, out, _ = run_in_process("factors")

        assert 0 == status
        assert (
            "fluid_litres (number): How many litres of fluid did you drink in the 24 hours"
            " before the cramp?\n"
            "  expects: a number of litres from 0 to 20\n"
            "  speaks to: dehydration\n"
            "  option: --fluid-litres LITRES\n"
        ) in out
        assert len(K.factors) == out.count("  option: ")

    def test_factors_json(self) -> None:
        """`factors --json` gives every factor with its kind and bounds."""
        status, out, _ = run_in_process("factors", "--json")

        assert 0 == status
        fluid = {f["id"]: f for f in json.loads(out)}["fluid_litres"]
        assert ("number", "litres", 0, 20) == (
            fluid["kind"],
            fluid["unit"],
            fluid["minimum"],
            fluid["maximum"],
        )


class TestParsing:
    """Reading typed text as answers (used by the options and the interview)."""

    @pytest.mark.parametrize(
        ("text", "factor", "expected"),
        [
            ("90", "exercise_minutes", 90),
            (" 90 min ", "exercise_minutes", 90),
            ("1.5 hours", "exercise_minutes", 90.0),
            ("2h", "exercise_minutes", 120),
            ("30 minutes", "sitting_hours", 0.5),
            ("0.5", "fluid_litres", 0.5),
            ("1.5 L", "fluid_litres", 1.5),
            ("750 ml", "fluid_litres", 0.75),
            ("2 liters", "fluid_litres", 2),
            ("-1", "fluid_litres", -1),
            ("1e3", "exercise_minutes", 1000.0),
        ],
    )
    def test_number(self, text: str, factor: str, expected: float) -> None:
        """A number, with or without a unit of the same measure, is read in the factor's unit."""
        actual = parse_number(text, K.factor(factor))

        assert (expected, type(expected)) == (actual, type(actual))

    @pytest.mark.parametrize("text", ["nan", "inf", "-Infinity", "1e400", "9" * 5000])
    def test_non_finite_numbers_are_left_for_assess_to_reject(self, text: str) -> None:
        """NaN and infinity are read as floats, so that `assess()` rejects them with its reason."""
        value = parse_number(text, K.factor("cramp_minutes"))

        assert not math.isfinite(value)
        with pytest.raises(legcramps.InvalidInput, match="cramp_minutes"):
            legcramps.assess(cramp_minutes=value)

    @pytest.mark.parametrize("text", ["", "lots", "1,5", "2 kg", "3 hours", "1.2.3", "e5"])
    def test_not_a_number(self, text: str) -> None:
        """Text that is not a number in a unit of the right measure is not understood."""
        with pytest.raises(NotUnderstood, match=r"^a number of litres from 0 to 20$"):
            parse_number(text, K.factor("fluid_litres"))

    def test_a_custom_unit_is_accepted_by_name(self) -> None:
        """A unit the parser does not know is accepted when it is the factor's own unit."""
        cups = RiskFactor("tea_cups", "How many cups of tea?", FactorKind.NUMBER, unit="cups")

        assert (3, 4) == (parse_number("3 cups", cups), parse_number("4 cup", cups))

    @pytest.mark.parametrize(
        ("minimum", "maximum", "expected"),
        [(0, 20, "cups, 0 to 20"), (0, None, "cups, 0 or more"), (None, 9, "cups, 9 or less")],
    )
    def test_hint_gives_unit_and_bounds(
        self, minimum: float | None, maximum: float | None, expected: str
    ) -> None:
        """The hint after a question gives the unit and the bounds there are."""
        cups = RiskFactor("cups", "Cups?", FactorKind.NUMBER, "cups", minimum, maximum)

        assert expected == hint_text(cups)

    @pytest.mark.parametrize(
        ("factor", "expected"),
        [
            ("exercise_intensity", "light/moderate/vigorous"),
            ("medications", "names separated by commas, or none"),
        ],
    )
    def test_hint_of_choices_and_medications(self, factor: str, expected: str) -> None:
        """Choices are hinted by their names, medications by how to list them."""
        assert expected == hint_text(K.factor(factor))

    def test_hint_without_unit_or_bounds(self) -> None:
        """A number with neither unit nor bounds is hinted as "a number"."""
        assert "0 to 9" == hint_text(
            RiskFactor("n", "How many?", FactorKind.NUMBER, minimum=0, maximum=9)
        )

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("y", True), ("Yes.", True), ("YEP", True), ("n", False), ("no", False)],
    )
    def test_yes_no(self, text: str, expected: bool) -> None:  # noqa: FBT001 - parametrized
        """Yes and no are read in their usual short and long forms."""
        assert expected is parse_answer(text, K.factor("hot_weather"))

    def test_yes_no_refuses_anything_else(self) -> None:
        """Anything but a yes or a no is not understood, with the reason."""
        with pytest.raises(NotUnderstood, match=r"^yes or no$"):
            parse_answer("sometimes", K.factor("hot_weather"))

    @pytest.mark.parametrize(
        "text", ["", "  ", "skip", "SKIP", "don't know", "Don\u2019t know", "?", "not sure"]
    )
    def test_skip(self, text: str) -> None:
        """Skipping, saying "don't know" or typing nothing leaves the answer unknown."""
        assert is_skip(text)

    @pytest.mark.parametrize("text", ["no", "0", "none", "n"])
    def test_a_no_is_not_a_skip(self, text: str) -> None:
        """A "no" or a zero is an answer, not a skip: unknown is never "no"."""
        assert not is_skip(text)

    def test_choice_by_unique_start(self) -> None:
        """A choice can be typed in any case, or by the start of its name when that is unique."""
        intensity = K.factor("exercise_intensity")

        assert ["light", "moderate", "vigorous", "x"] == [
            parse_choice(t, intensity) for t in ("LIGHT", "mod", "v", " x ")
        ]

    def test_medications(self) -> None:
        """A medication list is split at commas, semicolons and "and"; "none" is empty."""
        assert (("Lasix 40 mg", "aspirin", "Crestor"), ()) == (
            parse_medications("Lasix 40 mg; aspirin and Crestor,"),
            parse_medications("none"),
        )

    @given(st.sampled_from(K.factors), st.text())
    def test_any_text_reads_as_the_factors_type_or_is_not_understood(
        self, factor: RiskFactor, text: str
    ) -> None:
        """Any text gives an answer of the factor kind's Python type, or `NotUnderstood`."""
        types: dict[FactorKind, tuple[type, ...]] = {
            FactorKind.YES_NO: (bool,),
            FactorKind.NUMBER: (int, float),
            FactorKind.CHOICE: (str,),
            FactorKind.MEDICATIONS: (tuple,),
        }
        try:
            value = parse_answer(text, factor)
        except NotUnderstood:
            return
        assert isinstance(value, types[factor.kind])


class TestInterview:
    """The interview, driven in-process through text streams."""

    def test_red_flag_questions_come_first(self) -> None:
        """The first question is the most urgent red-flag question."""
        out = io.StringIO()

        interview(K, io.StringIO(""), out)

        assert out.getvalue().count("?") == 1
        assert "Do you have chest pain or are you short of breath? [yes/no] " in out.getvalue()

    def test_stops_at_once_on_an_emergency(self) -> None:
        """A red flag calling for emergency help ends the questions at once."""
        out = io.StringIO()

        a = interview(K, io.StringIO("yes\nno\nno\n"), out)

        assert (legcramps.Urgency.EMERGENCY, {"chest_pain_or_breathlessness": True}) == (
            a.urgency,
            dict(a.answers),
        )
        assert out.getvalue().endswith("so the questions stop here.\n")

    def test_a_skipped_question_is_not_asked_again(self) -> None:
        """Each question is asked once when skipped; with all skipped, the interview ends."""
        out = io.StringIO()

        a = interview(K, io.StringIO("skip\n" * (len(K.factors) + 5)), out, echo=True)

        assert {} == dict(a.answers)
        assert [f.question for f in a.next_questions] == [
            line.rsplit(" [", 1)[0] for line in out.getvalue().splitlines() if " [" in line
        ]
        assert "No more answers" not in out.getvalue()

    def test_a_warning_sign_is_told_at_once(self) -> None:
        """An answer that raises a red flag is followed at once by the flag's advice."""
        out = io.StringIO()

        interview(K, io.StringIO("no\nno\nyes\n"), out, echo=True)

        flag = K.red_flag("deep_vein_thrombosis")
        expected = f"[yes/no] yes\n  Warning sign: {flag.name}. {flag.advice}\nHow many minutes"
        assert expected in out.getvalue()

    def test_done_ends_the_interview(self) -> None:
        """Typing "done" ends the interview; the questions left stay unknown."""
        a = interview(K, io.StringIO("no\ndone\nno\n"), io.StringIO())

        assert {"chest_pain_or_breathlessness": False} == dict(a.answers)

    def test_out_of_range_is_asked_again_with_the_reason(self) -> None:
        """A number out of range is asked again, saying what is expected."""
        out = io.StringIO()

        a = interview(K, io.StringIO("no\nno\nno\n-5\nnan\n5 min\n"), out, echo=True)

        assert 5 == a.answers["cramp_minutes"]
        expected = "expected a number of minutes from 0 to 1440."
        assert [
            f"  Sorry, '-5' is not an answer I can use: {expected}",
            f"  Sorry, 'nan' is not an answer I can use: {expected}",
        ] == [line for line in out.getvalue().splitlines() if "Sorry" in line]
        assert "How many minutes did the cramp last? [minutes, 0 to 1440] 5 min\n" in out.getvalue()

    @settings(max_examples=30, deadline=None)
    @given(st.lists(st.text(alphabet=st.characters(exclude_characters="\r\n")), max_size=30))
    def test_any_input_ends_in_an_assessment(self, lines: list[str]) -> None:
        """Whatever is typed, the interview ends with an assessment of valid answers."""
        a = interview(K, io.StringIO("".join(line + "\n" for line in lines)), io.StringIO())

        assert a == legcramps.assess(dict(a.answers))


class TestMain:
    """`main()` in-process: what the subprocess tests show, where it is cheaper."""

    def test_version(self) -> None:
        """`--version` prints the library and the knowledge versions."""
        expected = f"legcramps {legcramps.__version__} (knowledge {legcramps.KNOWLEDGE_VERSION})\n"

        assert (0, expected, "") == run_in_process("--version")

    def test_importing_dunder_main_runs_nothing(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Importing `legcramps.__main__` (as documentation tools do) does not run the command."""
        import importlib

        monkeypatch.setattr(sys, "argv", ["legcramps", "causes"])
        monkeypatch.delitem(sys.modules, "legcramps.__main__", raising=False)
        try:
            module = importlib.import_module("legcramps.__main__")
        finally:
            # runpy.run_module("legcramps") warns if it finds the module already imported.
            sys.modules.pop("legcramps.__main__", None)

        assert main is module.main
        assert ("", "") == capsys.readouterr()

    def test_interview_echoes_piped_answers(self) -> None:
        """With piped input, `interview` writes each answer after its question, then the report."""
        status, out, _ = run_in_process("interview", stdin="no\n")

        assert 0 == status
        assert "Do you have chest pain or are you short of breath? [yes/no] no\n" in out
        expected = legcramps.assess(chest_pain_or_breathlessness=False)
        assert out.endswith(f"\n\n{expected}\n")

    def test_file_with_a_byte_order_mark(self, tmp_path: Path) -> None:
        """A JSON file saved with a UTF-8 byte order mark is read."""
        path = tmp_path / "answers.json"
        path.write_text('{"overtired": true}', encoding="utf-8-sig")

        status, out, _ = run_in_process("assess", "--json", "--input", str(path))

        assert (0, {"overtired": True}) == (status, json.loads(out)["answers"])

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"\xff\xfe{}", "cannot read"),
            (b"[" * 100_000, "is not valid JSON"),
            (b'{"fluid_litres": NaN}', "fluid_litres: received nan (float)"),
        ],
    )
    def test_unreadable_files(self, tmp_path: Path, content: bytes, message: str) -> None:
        """A file that is not UTF-8, nested too deeply or holds NaN exits with 2 and a message."""
        path = tmp_path / "answers.json"
        path.write_bytes(content)

        status, out, err = run_in_process("assess", "--input", str(path))

        assert (2, "", 1) == (status, out, err.count("\n"))
        assert message in err

    def test_unreadable_standard_input(self) -> None:
        """Standard input that cannot be decoded exits with 2 and a message."""
        stdin = mock.Mock(read=mock.Mock(side_effect=UnicodeDecodeError("utf-8", b"", 0, 1, "x")))
        err = io.StringIO()

        with mock.patch.object(sys, "stdin", stdin), contextlib.redirect_stderr(err):
            status = main(["assess", "--input", "-"])

        assert 2 == status
        assert "argument --input: cannot read standard input" in err.getvalue()

    def test_setup_streams_never_fails_on_unencodable_output(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Text the output's encoding cannot hold is escaped instead of failing."""
        buffer = io.BytesIO()
        stdout = io.TextIOWrapper(buffer, encoding="ascii")
        monkeypatch.setattr(sys, "stdout", stdout)
        monkeypatch.setattr(sys, "__stdout__", stdout)

        assert 0 == main(["assess", "--medication=Lasix\u00e9"])

        stdout.flush()
        assert b"Medications not recognised: Lasix\\xe9\n" in buffer.getvalue()


def _raise(error: BaseException) -> None:
    raise error


#: What a command may do, and what `main()` makes of it: (exit status, standard error).
OUTCOMES: dict[str, tuple[Callable[[], object], tuple[int, str]]] = {
    "ok": (lambda: 0, (0, "")),
    "status": (lambda: 3, (3, "")),
    "exit": (lambda: _raise(SystemExit("bye")), (1, "bye\n")),
    "exit-none": (lambda: _raise(SystemExit()), (0, "")),
    "command": (
        lambda: _raise(CommandError("one", "two")),
        (2, "legcramps factors: error: one\nlegcramps factors: error: two\n"),
    ),
    "command-status": (
        lambda: _raise(CommandError("full", status=4)),
        (4, "legcramps factors: error: full\n"),
    ),
    "invalid": (
        lambda: legcramps.assess(fluid_litres=-1),
        (
            2,
            (
                "legcramps factors: error: fluid_litres: received -1 (int); expected a"
                " number of litres from 0 to 20, or None (unknown)\n"
            ),
        ),
    ),
    "interrupt": (lambda: _raise(KeyboardInterrupt()), (130, "\ninterrupted\n")),
    "pipe": (lambda: _raise(BrokenPipeError()), (141, "")),
}


class TestExitStatus:
    """What `main()` makes of a command's exit status and errors, the same for every command."""

    @pytest.mark.parametrize("what", list(OUTCOMES))
    def test_a_commands_outcome_becomes_the_exit_status(
        self, what: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A command's status and errors become the exit status and one line each."""
        command, expected = OUTCOMES[what]
        monkeypatch.setattr("legcramps._cli.listing._factors", lambda _: command())

        status, _, err = run_in_process("factors")

        assert expected == (status, err)

    def test_a_command_gets_the_knowledge_given_to_main(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`args.knowledge` is the knowledge given to `main()`."""
        seen: list[Knowledge] = []
        monkeypatch.setattr(
            "legcramps._cli.listing._factors", lambda args: seen.append(args.knowledge)
        )
        mine = attrs.evolve(K, version="mine")

        status, _, _ = run_in_process("factors", knowledge=mine)

        assert (0, [mine]) == (status, seen)

    def test_the_parsed_arguments_hold_the_knowledge(self) -> None:
        """A namespace parsed by `build_parser(knowledge)` has that knowledge as `knowledge`."""
        mine = attrs.evolve(K, version="mine")

        args = build_parser(mine).parse_args(["factors"])

        assert mine is args.knowledge


DOCS = Path(__file__).parent.parent / "docs" / "cli.rst"


def _console_examples() -> list[tuple[str, str]]:
    """Return each ``$ command`` in the page's console blocks, with the output shown for it."""
    examples: list[tuple[str, list[str]]] = []
    in_block = False
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if line.startswith(".. code-block:: console"):
            in_block = True
        elif in_block and line and not line.startswith("   "):
            in_block = False
        elif in_block and line.startswith("   $ "):
            examples.append((line[5:], []))
        elif in_block and examples:
            examples[-1][1].append(line[3:])
    return [(command, "\n".join(output).strip("\n")) for command, output in examples]


def _split_pipe(command: str) -> tuple[list[str], str]:
    """Return the arguments of the `legcramps` command, and what `echo`/`printf` pipes in."""
    words = shlex.split(command)
    stdin = ""
    if "|" in words:
        at = words.index("|")
        feeder, words = words[:at], words[at + 1 :]
        if feeder[0] == "echo":
            stdin = " ".join(feeder[1:]) + "\n"
        else:
            assert feeder[:2] == ["printf", "%s\\n"]
            stdin = "".join(f"{word}\n" for word in feeder[2:])
    assert words[0] == "legcramps"
    return words[1:], stdin


class TestDocs:
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
        args, stdin = _split_pipe(command)
        if "--help" in args and sys.version_info >= (3, 13):
            pytest.skip("argparse lays out --help differently from Python 3.13 on")
        monkeypatch.setenv("COLUMNS", "80")
        monkeypatch.chdir(tmp_path)

        _, out, err = run_in_process(*args, stdin=stdin)

        actual = "\n".join(line.rstrip() for line in (out + err).splitlines())
        assert shown == actual.strip("\n")
