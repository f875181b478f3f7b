"""``legcramps causes`` and ``legcramps factors`` (``legcramps._cli.listing``)."""

from __future__ import annotations

import json

import legcramps
from helpers import run_in_process

K = legcramps.KNOWLEDGE


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
        assert [
            "medications",
            "fluid_litres",
            "hot_weather",
            "heavy_sweating",
            "vomiting_or_diarrhoea",
        ] == causes[4]["inputs"]

    def test_factors(self) -> None:
        """`factors` gives each input's question, what it expects and its option."""
        status, out, _ = run_in_process("factors")

        assert 0 == status
        assert (
            "fluid_litres (number): How many litres of fluid did you drink in the 24 hours"
            " before the cramp?\n"
            "  expects: a number of litres from 0 to 20\n"
            "  speaks to: dehydration\n"
            "  red flags: fluid_loss\n"
            "  option: --fluid-litres LITRES\n"
        ) in out
        assert len(K.factors) == out.count("  option: ")

    def test_factors_json(self) -> None:
        """`factors --json` gives every factor with its kind and bounds."""
        status, out, _ = run_in_process("factors", "--json")

        assert 0 == status
        fluid = {f["id"]: f for f in json.loads(out)}["fluid_litres"]
        assert "number" == fluid["kind"]
        assert "litres" == fluid["unit"]
        assert 0 == fluid["minimum"]
        assert 20 == fluid["maximum"]

    def test_j_is_short_for_json(self) -> None:
        """`-j` prints the same JSON as `--json`, for both lists."""
        for command in ("causes", "factors"):
            assert run_in_process(command, "--json") == run_in_process(command, "-j")

    def test_factors_says_what_medications_take_in_words_of_text(self) -> None:
        """A medication list is described as text is typed: names separated by commas."""
        _, out, _ = run_in_process("factors")

        assert "  expects: medication names separated by commas, or 'none'\n" in out
