"""Reading typed text as answers (``legcramps._parse``): the options, the interview, CSV cells."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import legcramps
from legcramps import FactorKind, RiskFactor
from legcramps._parse import (
    NotUnderstood,
    hint_text,
    is_skip,
    parse_answer,
    parse_choice,
    parse_medications,
    parse_number,
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
        assert ("Lasix 40 mg", "aspirin", "Crestor") == parse_medications(
            "Lasix 40 mg; aspirin and Crestor,"
        )
        assert () == parse_medications("none")

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
