"""Reading typed text as answers: ``legcramps.parse_answer`` and the parser under it.

``legcramps._parse`` is the one text parser: ``parse_answer`` (and
``Knowledge.parse_answer``) for apps, the command line's options and interview,
and the batch's CSV cells all read text through it.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import legcramps
import legcramps.batch
from legcramps import FactorKind, RiskFactor
from legcramps._parse import (
    NotUnderstood,
    hint_text,
    is_skip,
    parse_choice,
    parse_medications,
    parse_number,
    read_answer,
)

K = legcramps.KNOWLEDGE


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

        assert expected == actual
        assert type(expected) is type(actual)

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

        assert 3 == parse_number("3 cups", cups)
        assert 4 == parse_number("4 cup", cups)

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
        assert expected is read_answer(K.factor("hot_weather"), text)

    def test_yes_no_refuses_anything_else(self) -> None:
        """Anything but a yes or a no is not understood, with the reason."""
        with pytest.raises(NotUnderstood, match=r"^yes or no$"):
            read_answer(K.factor("hot_weather"), "sometimes")

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

        assert ["light", "moderate", "vigorous"] == [
            parse_choice(t, intensity) for t in ("LIGHT", "mod", " v ")
        ]

    @pytest.mark.parametrize("text", ["x", "hard", "", "lightly"])
    def test_a_choice_named_by_nothing_is_not_understood(self, text: str) -> None:
        """Text that names no choice (or starts none) is not understood, listing the choices."""
        with pytest.raises(NotUnderstood, match=r"^one of 'light', 'moderate', 'vigorous'$"):
            parse_choice(text, K.factor("exercise_intensity"))

    def test_an_ambiguous_start_is_not_understood(self) -> None:
        """A start shared by two choices names neither."""
        two = RiskFactor("pace", "Pace?", FactorKind.CHOICE, choices=("slow", "slower", "fast"))

        assert "slow" == parse_choice("slow", two)
        with pytest.raises(NotUnderstood):
            parse_choice("sl", two)

    def test_medications(self) -> None:
        """A medication list is split at commas, semicolons and "and"; "none" is empty."""
        assert ("Lasix 40 mg", "aspirin", "Crestor") == parse_medications(
            "Lasix 40 mg; aspirin and Crestor,"
        )
        assert () == parse_medications("none")

    @pytest.mark.parametrize("text", [",", " ; , ", " and "])
    def test_separators_alone_are_not_a_list(self, text: str) -> None:
        """Only separators is not "none": it is not understood, never "takes none"."""
        with pytest.raises(NotUnderstood, match="medication names separated by commas"):
            parse_medications(text)


class TestParseAnswer:
    """`legcramps.parse_answer` and `Knowledge.parse_answer`: text to an answer assess() takes."""

    @pytest.mark.parametrize(
        ("factor", "text", "expected"),
        [
            ("hot_weather", "Yes", True),
            ("hot_weather", " nope ", False),
            ("exercise_minutes", "2 h", 120),
            ("exercise_minutes", "90", 90),
            ("sitting_hours", "90 min", 1.5),
            ("fluid_litres", "500 ml", 0.5),
            ("fluid_litres", "1.5 L", 1.5),
            ("exercise_intensity", "Vigorous", "vigorous"),
            ("exercise_intensity", "MOD", "moderate"),
            ("sex", "f", "female"),
            ("age_years", "70 years", 70),
            ("medications", "Lasix 40 mg, aspirin", ("Lasix 40 mg", "aspirin")),
            ("medications", "None", ()),
        ],
    )
    def test_reads_each_kind(self, factor: str, text: str, expected: object) -> None:
        """Each kind of input is read from text as a person types it."""
        assert expected == legcramps.parse_answer(factor, text)

    @pytest.mark.parametrize("text", ["", "skip", "Don't know", "not sure", "?", "unknown"])
    def test_skip_words_are_unknown(self, text: str) -> None:
        """A skip word gives None, for every kind: unknown, never "no"."""
        assert [None] * 4 == [
            legcramps.parse_answer(f, text)
            for f in ("hot_weather", "fluid_litres", "sex", "medications")
        ]

    def test_what_it_returns_assess_takes(self) -> None:
        """The answer returned goes to assess() as it is, and means what the text said."""
        answers = {
            "fluid_litres": legcramps.parse_answer("fluid_litres", "500 ml"),
            "hot_weather": legcramps.parse_answer("hot_weather", "y"),
        }

        assert legcramps.assess(fluid_litres=0.5, hot_weather=True) == legcramps.assess(answers)

    @pytest.mark.parametrize(
        ("factor", "text", "expected", "hint"),
        [
            ("hot_weather", "maybe", "yes or no", "or 'skip' if not known"),
            ("fluid_litres", "30 l", "a number of litres from 0 to 20", "or 'skip' if not known"),
            ("fluid_litres", "nan", "a number of litres from 0 to 20", "or 'skip' if not known"),
            ("fluid_litres", "2 kg", "a number of litres from 0 to 20", "or 'skip' if not known"),
            (
                "exercise_intensity",
                "vigourous",
                "one of 'light', 'moderate', 'vigorous'",
                "did you mean 'vigorous'?",
            ),
            (
                "medications",
                ";",
                "medication names separated by commas, or 'none'",
                "or 'skip' if not known",
            ),
        ],
    )
    def test_text_that_cannot_be_read_is_invalid_input(
        self, factor: str, text: str, expected: str, hint: str
    ) -> None:
        """Text that cannot be read, or is out of range, is InvalidInput naming the input."""
        with pytest.raises(legcramps.InvalidInput) as info:
            legcramps.parse_answer(factor, text)

        assert [legcramps.Problem(factor, repr(text) + " (str)", expected, hint)] == list(
            info.value.problems
        )

    def test_an_unknown_input_is_unknown_id(self) -> None:
        """An input that does not exist is UnknownId, naming the argument and the inputs."""
        with pytest.raises(legcramps.UnknownId, match="factor_id: received 'fluid_litre'"):
            legcramps.parse_answer("fluid_litre", "1")

    def test_text_must_be_text(self) -> None:
        """Anything but a str is InvalidInput, saying text was expected."""
        with pytest.raises(legcramps.InvalidInput, match=r"text: received 1 \(int\)"):
            legcramps.parse_answer("fluid_litres", 1)  # type: ignore[arg-type]

    def test_text_that_is_not_text_says_what_was_expected(self) -> None:
        """The problem names the text of an answer, a str, as what was expected."""
        with pytest.raises(legcramps.InvalidInput) as caught:
            legcramps.parse_answer("fluid_litres", 1)  # type: ignore[arg-type]
        assert "the text of an answer (a str)" == caught.value.problems[0].expected

    def test_a_str_subclass_is_read_as_its_text(self) -> None:
        """A str subclass is read by its plain text, whatever its methods say."""

        class Odd(str):
            __slots__ = ()

            def strip(self, chars: str | None = None) -> str:  # noqa: ARG002
                return "no"

        assert True is legcramps.parse_answer("hot_weather", Odd("yes"))

    def test_custom_knowledge_reads_its_own_inputs(self, cold_water: legcramps.Knowledge) -> None:
        """`Knowledge.parse_answer` reads the inputs of that knowledge."""
        assert 12 == cold_water.parse_answer("water_celsius", "12")


class TestCase:
    """Choices: text is read ignoring case everywhere text is read; values are exact."""

    def test_text_ignores_case_everywhere(self) -> None:
        """parse_answer, a CSV cell and a command-line option all read "Vigorous"."""
        from helpers import run_in_process

        _, out, _ = run_in_process("assess", "--json", "--exercise-intensity", "Vigorous")

        assert "vigorous" == legcramps.parse_answer("exercise_intensity", "Vigorous")
        assert {"exercise_intensity": "vigorous"} == legcramps.batch.parse_cells(
            {"exercise_intensity": "Vigorous"}
        )
        assert '"exercise_intensity": "vigorous"' in out

    def test_values_are_exact_everywhere(self) -> None:
        """assess() and a JSON file (a value, not text) refuse "Vigorous"."""
        from helpers import run_in_process

        with pytest.raises(legcramps.InvalidInput, match="exercise_intensity"):
            legcramps.assess({"exercise_intensity": "Vigorous"})
        status, _, err = run_in_process("assess", "-", stdin='{"exercise_intensity": "Vigorous"}')

        assert 2 == status
        assert 'did you mean "vigorous"? In JSON a choice is exact' in err


# Hypothesis tests at module level: mutmut runs the tests twice in one process, and a
# method would be called from two instances (Hypothesis' differing_executors check).


@given(st.sampled_from(K.factors), st.text())
def test_any_text_reads_as_the_factors_type_or_is_not_understood(
    factor: RiskFactor, text: str
) -> None:
    """Any text gives an answer of the factor kind's Python type, or `NotUnderstood`."""
    types: dict[FactorKind, tuple[type, ...]] = {
        FactorKind.YES_NO: (bool,),
        FactorKind.NUMBER: (int, float),
        FactorKind.CHOICE: (str,),
        FactorKind.MEDICATIONS: (tuple,),
    }
    try:
        value = read_answer(factor, text)
    except NotUnderstood:
        return
    assert value is None or isinstance(value, types[factor.kind])


@given(st.sampled_from(K.factors), st.text(max_size=40))
def test_any_text_gives_a_valid_answer_or_invalid_input(factor: RiskFactor, text: str) -> None:
    """Any text gives None or an answer assess() accepts; or InvalidInput, never more."""
    try:
        value = legcramps.parse_answer(factor.id, text)
    except legcramps.InvalidInput:
        return
    if value is not None:
        assert {factor.id: value} == legcramps.KNOWLEDGE.validate({factor.id: value})
