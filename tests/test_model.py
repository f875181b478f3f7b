"""The knowledge values (``legcramps._model``): enums, and how factors and conditions read."""

from __future__ import annotations

import pytest

from legcramps import Condition, FactorKind, Level, RiskFactor, Urgency


class TestUrgency:
    def test_the_order_runs_from_self_care_up_to_emergency(self) -> None:
        """Urgencies sort from the calmest to the most pressing, undetermined above self-care."""
        assert [
            Urgency.SELF_CARE,
            Urgency.UNDETERMINED,
            Urgency.SEE_DOCTOR,
            Urgency.URGENT,
            Urgency.EMERGENCY,
        ] == sorted(Urgency)

    def test_undetermined_ranks_above_self_care(self) -> None:
        """An open question never passes for self-care: undetermined ranks above it."""
        assert Urgency.UNDETERMINED.rank > Urgency.SELF_CARE.rank

    def test_ranks_are_distinct(self) -> None:
        """No two urgencies share a rank: the order is total."""
        assert len(Urgency) == len({u.rank for u in Urgency})

    @pytest.mark.parametrize("op", ["__lt__", "__le__", "__gt__", "__ge__"])
    def test_an_urgency_does_not_compare_with_a_level(self, op: str) -> None:
        """Comparing an urgency with a level is refused, as with unrelated types."""
        assert NotImplemented is getattr(Urgency.URGENT, op)(Level.LIKELY)

    def test_every_urgency_has_a_headline_and_a_time_frame(self) -> None:
        """Each urgency says, in words, what to do first and how soon."""
        assert all(u.headline and u.time_frame for u in Urgency)


class TestLevel:
    def test_the_order_runs_from_unlikely_up_to_likely(self) -> None:
        """Levels sort by how likely: an unknown cause may yet turn out likely, so it ranks
        above an unlikely one."""
        assert [Level.UNLIKELY, Level.UNKNOWN, Level.POSSIBLE, Level.LIKELY] == sorted(Level)


class TestRiskFactor:
    @pytest.mark.parametrize(
        ("minimum", "maximum", "expected"),
        [(0, 20, "0 to 20"), (0.5, None, "0.5 or more"), (None, 9, "9 or less"), (None, None, "")],
    )
    def test_bounds_name_the_bounds_there_are(
        self, minimum: float | None, maximum: float | None, expected: str
    ) -> None:
        """`bounds` gives both bounds, one of them, or nothing."""
        factor = RiskFactor("laps", "Laps?", FactorKind.NUMBER, "laps", minimum, maximum)

        assert expected == factor.bounds

    @pytest.mark.parametrize(
        ("factor", "expected"),
        [
            (
                RiskFactor("laps", "Laps?", FactorKind.NUMBER, "laps", 0, 50),
                "a number of laps from 0 to 50, or None (unknown)",
            ),
            (
                RiskFactor("laps", "Laps?", FactorKind.NUMBER, "laps", minimum=1),
                "a number of laps, 1 or more, or None (unknown)",
            ),
            (
                RiskFactor("laps", "Laps?", FactorKind.NUMBER, maximum=9),
                "a number, 9 or less, or None (unknown)",
            ),
            (RiskFactor("laps", "Laps?", FactorKind.NUMBER), "a number, or None (unknown)"),
            (RiskFactor("cold", "Cold?", FactorKind.YES_NO), "True, False or None (unknown)"),
            (
                RiskFactor("feel", "How?", FactorKind.CHOICE, choices=("ok", "bad")),
                "one of 'ok', 'bad', or None (unknown)",
            ),
            (
                RiskFactor("pills", "Which?", FactorKind.MEDICATIONS),
                "a list of medication names (strings), or None (unknown)",
            ),
        ],
        ids=["number", "minimum-only", "maximum-only", "unbounded", "yes-no", "choice", "list"],
    )
    def test_expected_says_what_the_factor_accepts(self, factor: RiskFactor, expected: str) -> None:
        """`expected` describes the accepted answers of each kind, unknown included."""
        assert expected == factor.expected


class TestCondition:
    @pytest.mark.parametrize(
        ("condition", "expected"),
        [
            (Condition("sitting_hours", at_least=4), "sitting_hours >= 4"),
            (Condition("cramp_minutes", above=10), "cramp_minutes > 10"),
            (Condition("fluid_litres", below=1.5), "fluid_litres < 1.5"),
            (
                Condition("medications", one_of=("statin", "thiazide")),
                "medications in {statin, thiazide}",
            ),
            (Condition("hot_weather"), "hot_weather is yes"),
        ],
    )
    def test_reads_as_its_test(self, condition: Condition, expected: str) -> None:
        """A condition shows as the test it makes, as the knowledge checks name it."""
        assert expected == str(condition)
