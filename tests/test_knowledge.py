"""The built-in knowledge, and assessing against knowledge of your own."""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

import attrs
import pytest

import legcramps
from helpers import NOTE, knowledge
from legcramps import (
    Cause,
    Condition,
    Level,
    RedFlag,
    Sign,
    Urgency,
)

K = legcramps.KNOWLEDGE


class TestBuiltInKnowledge:
    def test_five_causes_in_the_source_texts_order(self) -> None:
        """CAUSES holds the five causes of the source text, in its order."""
        assert ["overuse", "fatigue", "medication", "posture", "dehydration"] == [
            c.id for c in legcramps.CAUSES
        ]

    def test_every_cause_is_fully_described(self) -> None:
        """Every cause has a name, summary, mechanism, advice, evidence note and sources."""
        for cause in legcramps.CAUSES:
            assert all((cause.name, cause.summary, cause.mechanism, cause.evidence_note))
            assert cause.advice
            assert cause.sources[0].id == "seed-text"
            assert cause.signs

    def test_the_inputs_are_the_documented_ones(self) -> None:
        """RISK_FACTORS holds one factor per input of assess(), in a fixed order."""
        assert [
            "exercise_minutes",
            "exercise_intensity",
            "unaccustomed_exercise",
            "overtired",
            "recovery_hours",
            "poor_diet",
            "medications",
            "new_medication",
            "sitting_hours",
            "standing_hours",
            "fluid_litres",
            "hot_weather",
            "heavy_sweating",
            "leg_swelling",
            "chest_pain_or_breathlessness",
            "cramp_minutes",
            "dark_urine",
            "muscle_weakness",
            "numbness",
            "frequent_cramps",
            "persists_despite_self_care",
        ] == [f.id for f in legcramps.RISK_FACTORS]

    def test_every_factor_speaks_to_a_cause_or_a_red_flag(self) -> None:
        """Each factor names the causes or red flags it speaks to."""
        assert [] == [f.id for f in legcramps.RISK_FACTORS if not (f.causes or f.red_flags)]

    def test_factor_links_are_filled_in_from_the_signs(self) -> None:
        """The medication list speaks to both the medication and dehydration causes."""
        assert ("medication", "dehydration") == K.factor("medications").causes
        assert ("nerve_or_muscle_signs",) == K.factor("numbness").red_flags

    def test_every_question_is_a_question(self) -> None:
        """Every factor asks a plain-language question."""
        assert all(f.question.endswith(("?", ")")) for f in legcramps.RISK_FACTORS)

    @pytest.mark.parametrize("wanted", ["nope", None, []])
    def test_lookups_reject_unknown_ids(self, wanted: Any) -> None:
        """Looking up an unknown factor, cause or red flag raises UnknownId."""
        for lookup in (K.factor, K.cause, K.red_flag):
            with pytest.raises(legcramps.InvalidInput) as info:
                lookup(wanted)
            assert isinstance(info.value, KeyError)


class TestCustomKnowledge:
    def test_a_changed_weight_changes_the_level(self) -> None:
        """Tripling the weight of hot weather makes it alone a likely cause."""
        dehydration = K.cause("dehydration")
        signs = tuple(
            attrs.evolve(s, weight=3) if s.when.factor == "hot_weather" else s
            for s in dehydration.signs
        )
        mine = K.replace_cause(attrs.evolve(dehydration, signs=signs), version="v")

        assert Level.LIKELY == mine.assess(hot_weather=True).finding("dehydration").level

    def test_changed_level_cut_offs_apply(self) -> None:
        """Raising `likely_at` makes a two-hour run only possible."""
        mine = knowledge(likely_at=10)

        answers = {"exercise_minutes": 120, "exercise_intensity": "vigorous"}
        assert Level.POSSIBLE == mine.assess(answers).finding("overuse").level

    def test_a_new_red_flag_sets_the_urgency(self) -> None:
        """A red flag added to the knowledge raises the urgency like a built-in one."""
        flag = RedFlag(
            "marathon", "Marathon", "Too far.", Urgency.URGENT, "See a doctor.", (NOTE,),
            (Condition("exercise_minutes", at_least=240),),
        )  # fmt: skip
        mine = knowledge(red_flags=(*K.red_flags, flag))

        assert Urgency.URGENT == mine.assess(exercise_minutes=300).urgency
        assert ("marathon",) == mine.factor("exercise_minutes").red_flags

    def test_replace_cause_adds_a_cause_with_a_new_id(self) -> None:
        """replace_cause() appends a cause whose id is new."""
        extra = attrs.evolve(K.cause("posture"), id="posture2")

        assert "posture2" == K.replace_cause(extra, version="v").causes[-1].id

    def test_a_medication_condition_on_a_new_class_set_works(self) -> None:
        """Signs on the medication list match by drug class."""
        cause = Cause(
            "statins", "Statins", "s", "m", ("a",), "e", (NOTE,),
            (Sign(Condition("medications", one_of=("statin",)), 5, "A statin.", NOTE),),
        )  # fmt: skip
        mine = knowledge(causes=(*K.causes, cause))

        finding = mine.assess(medications=["Zocor"]).finding("statins")
        assert (Level.LIKELY, ("simvastatin",)) == (finding.level, finding.evidence[0].value)


class TestPublicFace:
    def test_all_is_pinned(self) -> None:
        """The public names are exactly these; anything else is private."""
        assert [
            "CAUSES",
            "KNOWLEDGE",
            "KNOWLEDGE_VERSION",
            "RED_FLAGS",
            "RISK_FACTORS",
            "AnswerValue",
            "Assessment",
            "Cause",
            "Condition",
            "DrugClass",
            "Evidence",
            "FactorKind",
            "Finding",
            "InvalidInput",
            "InvalidKnowledge",
            "Knowledge",
            "Level",
            "Medication",
            "Problem",
            "RedFlag",
            "RiskFactor",
            "RowError",
            "Sign",
            "Source",
            "UnknownId",
            "Urgency",
            "__version__",
            "assess",
            "assess_many",
            "fhir",
            "from_dict",
            "recognize_medication",
            "schema",
        ] == legcramps.__all__

    def test_every_public_name_resolves(self) -> None:
        """Every name in __all__ is there to import."""
        for name in legcramps.__all__:
            assert getattr(legcramps, name) is not None

    def test_dir_shows_the_public_names(self) -> None:
        """dir(legcramps) lists the public names."""
        assert sorted(legcramps.__all__) == dir(legcramps)

    def test_version_comes_from_the_package_metadata(self) -> None:
        """__version__ is the installed distribution's version."""
        assert version("legcramps") == legcramps.__version__

    def test_unknown_attribute_raises_attribute_error(self) -> None:
        """A missing attribute raises AttributeError naming it."""
        name = "nope"  # through getattr(): type checkers rightly refuse legcramps.nope
        with pytest.raises(AttributeError, match="no attribute 'nope'"):
            getattr(legcramps, name)
