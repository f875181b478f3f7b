"""``legcramps assess`` (``legcramps._cli.assess``): options from the factors, answers from a file.

The real program runs in a subprocess for what only a process shows (exit status,
streams, standard input); the rest runs ``main()`` in-process, where it is cheap.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import legcramps
from helpers import run, run_in_process
from legcramps import FactorKind, Knowledge, RiskFactor
from legcramps._cli import main
from legcramps._cli.assess import option_name
from strategies import answer, json_values

K = legcramps.KNOWLEDGE

BAD_INPUT = [
    pytest.param(
        ["--fluid-litres", "nan"],
        "",
        "argument --fluid-litres: received 'nan'; expected a number of litres from 0 to 20",
        id="nan",
    ),
    pytest.param(
        ["--fluid-litres", "inf"],
        "",
        "argument --fluid-litres: received 'inf'; expected a number of litres from 0 to 20",
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
        "argument --exercise-minutes: received '2000'; expected a number of minutes from 0 to 1440",
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
        ["--input", "-"],
        "{not json",
        "argument --input: standard input is not valid JSON: Expecting property name",
        id="invalid-json",
    ),
    pytest.param(
        ["--input", "-"],
        "[1, 2]",
        "argument --input: standard input holds a JSON array; expected a JSON object",
        id="not-an-object",
    ),
    pytest.param(
        ["--input", "-"],
        '{"hot_weather": "yes"}',
        'argument --input: in standard input: hot_weather: received "yes" (string);'
        " expected true, false or null (unknown)",
        id="bad-value-in-file",
    ),
    pytest.param(
        ["--input", "-", "--medication", "Lasix"],
        '{"medications[5]": 1}',
        "argument --input: in standard input: medications[5]: received 1 (number);"
        " expected one of the inputs, as 'legcramps factors' lists them"
        ' (did you mean "medications"?)',
        id="item-key-in-file",
    ),
    pytest.param(
        ["--input", "-"],
        '{"fluid_litres": 1, "fluid_litres": 2}',
        'argument --input: in standard input: the key "fluid_litres" is given more than once;'
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

        assert 0 == result.returncode
        assert expected + "\n" == result.stdout
        assert "" == result.stderr

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

        assert "" == result.stderr
        assert 0 == result.returncode
        assert expected == json.loads(result.stdout)

    def test_file_answers_are_overridden_by_options(self, tmp_path: Path) -> None:
        """`--input FILE` reads a JSON object; an option given as well overrides the file."""
        path = tmp_path / "answers.json"
        path.write_text(json.dumps({"fluid_litres": 3, "hot_weather": True, "sitting_hours": 6}))
        expected = legcramps.assess(fluid_litres=0.5, hot_weather=True, sitting_hours=6).to_dict()

        result = run("assess", "--json", "--input", str(path), "--fluid-litres", "0.5")

        assert "" == result.stderr
        assert 0 == result.returncode
        assert expected == json.loads(result.stdout)

    @pytest.mark.parametrize("args", [["--input", "-"], ["-i", "-"], ["-"]])
    def test_standard_input_answers(self, args: list[str]) -> None:
        """`--input -` (or `-i -`, or `-` alone) reads the answers from standard input."""
        answers = {"medications": ["Aldactone"], "new_medication": True, "cramp_minutes": None}
        expected = legcramps.assess(answers).to_dict()

        result = run("assess", *args, "--json", stdin=json.dumps(answers))

        assert "" == result.stderr
        assert 0 == result.returncode
        assert expected == json.loads(result.stdout)

    def test_a_file_by_position(self, tmp_path: Path) -> None:
        """`legcramps assess case.json` reads the file as `--input case.json` does."""
        path = tmp_path / "case.json"
        path.write_text('{"sitting_hours": 6}', encoding="utf-8")

        result = run("assess", str(path), "-j")

        assert "" == result.stderr
        assert legcramps.assess(sitting_hours=6).to_dict() == json.loads(result.stdout)

    def test_the_same_file_by_position_and_by_name(self, tmp_path: Path) -> None:
        """A file named both ways is one file: no conflict."""
        path = tmp_path / "case.json"
        path.write_text('{"sitting_hours": 6}', encoding="utf-8")

        status, out, _ = run_in_process("assess", str(path), "--input", str(path), "--json")

        assert 0 == status
        assert {"sitting_hours": 6} == json.loads(out)["answers"]

    def test_piped_answers_without_input_are_refused_with_a_hint(self) -> None:
        """`cat case.json | legcramps assess` does not print an empty report: it says how."""
        result = run("assess", stdin='{"fluid_litres": 0.5}')

        assert 2 == result.returncode
        assert "" == result.stdout
        assert (
            "legcramps assess: error: standard input holds data, which is not read: to read"
            " the answers from it, give '-' (or '--input -'); to leave it unread, redirect it"
            " (< /dev/null)\n"
        ) == result.stderr

    def test_an_empty_pipe_is_no_answers(self) -> None:
        """Nothing piped in (as from a script or CI) is no reason to refuse."""
        result = run("assess", "--hot-weather", stdin="")

        assert 0 == result.returncode
        assert str(legcramps.assess(hot_weather=True)) + "\n" == result.stdout

    @pytest.mark.parametrize(("args", "stdin", "message"), BAD_INPUT)
    def test_bad_input(self, args: list[str], stdin: str, message: str) -> None:
        """Bad input exits with 2 and one line naming the option on stderr, nothing on stdout."""
        result = run("assess", *args, stdin=stdin)

        assert 2 == result.returncode
        assert "" == result.stdout
        assert 1 == result.stderr.count("\n")
        assert message in result.stderr
        assert "Traceback" not in result.stderr

    @pytest.mark.parametrize(("args", "stdin", "message"), BAD_INPUT)
    def test_bad_input_in_process(self, args: list[str], stdin: str, message: str) -> None:
        """`main()` reports bad input the same way when called in-process."""
        status, out, err = run_in_process("assess", *args, stdin=stdin)

        assert 2 == status
        assert "" == out
        assert 1 == err.count("\n")
        assert message in err


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
        assert "(a number of litres from 0 to 20; or with a unit, such as '500 ml' or" in out
        assert "None" not in out

    def test_help_says_units_are_understood(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The help of the answers says that '2h' and '500 ml' are read, and how choices are."""
        monkeypatch.setenv("COLUMNS", "10000")

        main(["assess", "--help"])

        out = capsys.readouterr().out
        assert "'2h' or '90 min' for a time, '500 ml' or '1.5 l' for an amount to drink" in out
        assert "A choice is read ignoring case, and its start is enough ('vig')" in out

    def test_help_lists_exit_statuses_and_examples(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`assess --help` ends with what each exit status means, then examples."""
        monkeypatch.setenv("COLUMNS", "80")

        main(["assess", "--help"])

        out = capsys.readouterr().out
        statuses = out.split("exit status:\n", 1)[1].split("\n\n")[0]
        assert ["0", "2", "4", "130", "141"] == [
            line.split()[0] for line in statuses.splitlines() if not line.startswith("     ")
        ]
        assert out.endswith(
            "examples:\n"
            "  legcramps assess --exercise-minutes 2h --fluid-litres 500ml --hot-weather\n"
            "  legcramps assess case.json --json\n"
            "  legcramps assess --medication 'Lasix 40 mg' --medication aspirin --no-leg-signs\n"
        )

    def test_a_new_factor_gets_an_option(self, cold_water: Knowledge) -> None:
        """A factor added to the knowledge becomes an option, with no change to the CLI."""
        status, out, err = run_in_process(
            "assess", "--json", "--water-celsius", "12", knowledge=cold_water
        )

        assert "" == err
        assert 0 == status
        finding = json.loads(out)["findings"][0]
        assert "cold" == finding["cause"]
        assert "likely" == finding["level"]

    def test_no_medications_is_an_empty_list(self) -> None:
        """`--no-medications` answers "takes none", which is known, unlike leaving it out."""
        status, out, _ = run_in_process("assess", "--json", "--no-medications")

        assert 0 == status
        assert [] == json.loads(out)["answers"]["medications"]

    def test_options_are_not_abbreviated(self) -> None:
        """A shortened option is refused, so a new factor can never change what one means."""
        status, out, err = run_in_process("assess", "--fluid", "1")

        assert 2 == status
        assert "" == out
        assert "legcramps assess: error: unrecognized option '--fluid'" in err

    def test_every_problem_is_reported(self) -> None:
        """Several bad answers give one line each on stderr."""
        status, out, err = run_in_process(
            "assess", "--fluid-litres", "-1", "--medication", ";", "--sitting-hours", "25"
        )

        assert 2 == status
        assert "" == out
        prefix = "legcramps assess: error: argument"
        assert [
            f"{prefix} --fluid-litres: received '-1'; expected a number of litres from 0 to 20",
            (
                f"{prefix} --medication: received ';'; expected medication names separated by"
                " commas, or 'none'"
            ),
            f"{prefix} --sitting-hours: received '25'; expected a number of hours from 0 to 24",
        ] == sorted(err.splitlines())

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (["--exercise-minutes", "2h"], {"exercise_minutes": 120}),
            (["--fluid-litres", "500 ML"], {"fluid_litres": 0.5}),
            (["--exercise-intensity", "Vigorous"], {"exercise_intensity": "vigorous"}),
            (["--sex", "F"], {"sex": "female"}),
            (["--medication", "Lasix 40 mg, aspirin"], {"medications": ["Lasix 40 mg", "aspirin"]}),
            (["--medication", "Lasix", "--medication", "skip"], {"medications": ["Lasix"]}),
            (["--medication", "skip"], {}),
            (["--medication", "none"], {"medications": []}),
            (["--fluid-litres", "don't know"], {}),
            (["--fluid-litres", "1", "--fluid-litres", " 1 "], {"fluid_litres": 1}),
            (["--hot-weather", "--hot-weather"], {"hot_weather": True}),
        ],
    )
    def test_option_values_are_read_as_typed_text(
        self, args: list[str], expected: dict[str, Any]
    ) -> None:
        """Option values are read as legcramps.parse_answer reads text: units, case, lists."""
        status, out, err = run_in_process("assess", "--json", *args)

        assert "" == err
        assert 0 == status
        assert expected == json.loads(out)["answers"]

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
            value = data.draw(answer(factor).filter(_one_option_each))
            answers[factor.id] = value
            args += _as_options(factor, value)

        status, out, _ = run_in_process(*args)

        assert 0 == status
        assert legcramps.assess(answers).to_dict() == json.loads(out)


def _one_option_each(value: Any) -> bool:
    """Whether each medication name in *value* reads back as itself (no comma in it, say)."""
    if not isinstance(value, list | tuple):
        return True
    return all(legcramps.parse_answer("medications", name) == (name.strip(),) for name in value)


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
_UNKNOWN = "expected one of the inputs, as 'legcramps factors' lists them"


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
                f"{_FILE} medications[5]: received 1 (number); {_UNKNOWN}"
                ' (did you mean "medications"?)',
                id="index-past-the-options-list",
            ),
            pytest.param(
                {"medications[0]": 1},
                ["--medication", "Lasix"],
                f"{_FILE} medications[0]: received 1 (number); {_UNKNOWN}"
                ' (did you mean "medications"?)',
                id="index-into-the-options-list",
            ),
            pytest.param(
                {"medications[x]": 1},
                ["--medication", "Lasix"],
                f"{_FILE} medications[x]: received 1 (number); {_UNKNOWN}"
                ' (did you mean "medications"?)',
                id="not-an-index",
            ),
            pytest.param(
                {"fluid_litres[0]": 1},
                ["--fluid-litres", "1"],
                f"{_FILE} fluid_litres[0]: received 1 (number); {_UNKNOWN}"
                ' (did you mean "fluid_litres"?)',
                id="index-into-a-number",
            ),
            pytest.param(
                {"medications": ["Lasix", ""]},
                ["--fluid-litres", "1"],
                f'{_FILE} medications[1]: received "" (string);'
                " expected a medication name (a non-empty string)",
                id="item-in-the-file",
            ),
            pytest.param(
                {"fluid_litres": 1},
                ["--medication", "Lasix", "--medication", ","],
                "argument --medication: received ','; expected medication names separated"
                " by commas, or 'none'",
                id="item-of-an-option",
            ),
            pytest.param(
                {"medications": ["Lasix"]},
                ["--sitting-hours", "25"],
                "argument --sitting-hours: received '25'; expected a number of hours from 0 to 24",
                id="value-of-an-option",
            ),
        ],
    )
    def test_a_problem_names_where_it_came_from(
        self, file: dict[str, Any], args: list[str], expected: str
    ) -> None:
        """A problem names its option only if an option gave it; otherwise `--input`."""
        status, out, err = run_in_process("assess", "--input", "-", *args, stdin=json.dumps(file))

        assert 2 == status
        assert "" == out
        assert f"legcramps assess: error: {expected}\n" == err

    def test_an_option_overrides_a_bad_answer_in_the_file(self) -> None:
        """A bad answer in the file that an option replaces is never checked."""
        expected = legcramps.assess(fluid_litres=2).to_dict()

        status, out, err = run_in_process(
            "assess", "--json", "--input", "-", "--fluid-litres", "2", stdin='{"fluid_litres": -1}'
        )

        assert "" == err
        assert 0 == status
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

        assert 2 == status
        assert "" == out
        assert [
            f'{_FILE} overtired: received "yes" (string); expected true, false or null (unknown)',
            (
                f"{_FILE} medications[0]: received 3 (number); expected a medication name"
                " (a non-empty string)"
            ),
            "argument --sitting-hours: received '25'; expected a number of hours from 0 to 24",
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

        assert 2 == status
        assert "" == out
        assert (
            f'legcramps assess: error: {_FILE} the key "{key}" is given more than once;'
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
            assert "" == err
            assert out
        else:
            assert 2 == status
            assert "" == out
            assert err.startswith(
                (
                    "legcramps assess: error: argument ",
                    "legcramps assess: error: unrecognized option ",
                    "legcramps assess: error: unexpected argument ",
                    "legcramps assess: error: the file is given twice",
                    "legcramps assess: error: standard input",
                )
            )


class TestJsonWords:
    """Problems with answers read from JSON are said in JSON's words (`_cli._answerfile`)."""

    def test_more_problems_than_listed_are_counted(self) -> None:
        """A file with more than 20 problems lists 20 and counts the rest on one more line."""
        file = {f"not_an_input_{n}": n for n in range(25)}

        status, _, err = run_in_process("assess", "-", stdin=json.dumps(file))

        assert 2 == status
        lines = err.splitlines()
        assert 21 == len(lines)
        assert (
            "legcramps assess: error: argument --input: in standard input: and 5 more"
            in (lines[-1])
        )

    def test_a_value_nested_too_deep_to_write_back(self) -> None:
        """A value too deeply nested to write back in a message is described, not shown."""
        from legcramps._cli._answerfile import json_text

        deep: list[object] = []
        for _ in range(100_000):
            deep = [deep]

        assert "a deeply nested value" == json_text(deep)

    def test_a_long_value_is_shortened(self) -> None:
        """A long value is cut to fit in one line of a message."""
        from legcramps._cli._answerfile import json_value

        assert 80 > len(json_value("x" * 1000))

    def test_a_save_file_whose_folder_fails(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file that cannot even be begun is reported with 4, leaving nothing behind."""
        import tempfile

        from legcramps._cli._answerfile import write_answers
        from legcramps._cli._io import CommandError

        def refuse(*_: object, **__: object) -> None:
            raise OSError(30, "Read-only file system")

        monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)

        with pytest.raises(CommandError) as info:
            write_answers(str(tmp_path / "a.json"), {"hot_weather": True})

        assert 4 == info.value.status
        assert [] == list(tmp_path.iterdir())

    @pytest.mark.parametrize(
        ("file", "expected"),
        [
            (
                {"medications": "Lasix"},
                (
                    'medications: received "Lasix" (string); expected an array of medication names'
                    " (strings), or null (unknown)"
                ),
            ),
            (
                {"exercise_intensity": "hard"},
                (
                    'exercise_intensity: received "hard" (string); expected one of "light",'
                    ' "moderate", "vigorous", or null (unknown)'
                ),
            ),
            (
                {"exercise_intensity": " Light "},
                (
                    'exercise_intensity: received " Light " (string); expected one of "light",'
                    ' "moderate", "vigorous", or null (unknown) (did you mean "light"? In JSON a'
                    " choice is exact)"
                ),
            ),
            (
                {"cramp_minutes": True},
                (
                    "cramp_minutes: received true (boolean); expected a number of minutes from 0 to"
                    " 1440, or null (unknown)"
                ),
            ),
            (
                {"hot_weather": [1]},
                ("hot_weather: received [1] (array); expected true, false or null (unknown)"),
            ),
            (
                {"hot_weather": {"a": None}},
                (
                    'hot_weather: received {"a": null} (object); expected true, false or null'
                    " (unknown)"
                ),
            ),
        ],
    )
    def test_json_words(self, file: dict[str, Any], expected: str) -> None:
        """A problem in a JSON file names JSON's values and types, not Python's."""
        status, _, err = run_in_process("assess", "-", stdin=json.dumps(file))

        assert 2 == status
        assert f"legcramps assess: error: {_FILE} {expected}\n" == err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["assess", "\x00"], "argument --input: cannot read '\\x00': embedded null byte"),
        (["interview", "--save", "\x00"], "argument --save: cannot write '\\x00'"),
    ],
)
def test_a_file_name_that_no_file_can_have(args: list[str], message: str) -> None:
    """A file name with a NUL in it (possible only in-process) is a bad argument."""
    status, _, err = run_in_process(*args)

    assert 2 == status
    assert message in err
