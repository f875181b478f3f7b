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
    FactorKind,
    InvalidKnowledge,
    Level,
    RedFlag,
    RiskFactor,
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
        """Doubling the weight of hot weather makes it alone a possible cause no more."""
        dehydration = K.cause("dehydration")
        signs = tuple(
            attrs.evolve(s, weight=0) if s.when.factor == "hot_weather" else s
            for s in dehydration.signs
        )
        mine = K.replace_cause(attrs.evolve(dehydration, signs=signs), version="v")

        assert Level.UNLIKELY == mine.assess(hot_weather=True).finding("dehydration").level

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


class TestInvalidKnowledge:
    @pytest.mark.parametrize(
        ("condition", "message"),
        [
            (Condition("nope"), "unknown factor 'nope'"),
            (Condition("hot_weather", at_least=1), "needs no comparison"),
            (Condition("fluid_litres"), "needs exactly one of at_least, above, below"),
            (Condition("fluid_litres", at_least=1, below=2), "needs exactly one"),
            (Condition("exercise_intensity", one_of=("crazy",)), "needs one_of with choices"),
            (Condition("medications", one_of=("aspirin",)), "needs one_of with DrugClass"),
        ],
    )
    def test_rejects_a_sign_that_does_not_fit_its_factor(
        self, condition: Condition, message: str
    ) -> None:
        """A sign must name a known factor and compare it in a way its kind allows."""
        cause = attrs.evolve(K.causes[0], signs=(Sign(condition, 1, "r", NOTE),))

        with pytest.raises(InvalidKnowledge, match=message):
            knowledge(causes=(cause,))

    def test_reports_every_problem_together(self) -> None:
        """All inconsistencies are listed in one error."""
        twice = (*K.factors, K.factors[0], RiskFactor("not valid", "?", FactorKind.YES_NO))

        with pytest.raises(InvalidKnowledge) as info:
            knowledge(factors=twice, causes=(*K.causes, K.causes[0]), possible_at=0)

        message = str(info.value)
        for part in (
            "factor 'exercise_minutes' is defined twice",
            "factor id 'not valid' is not a valid keyword name",
            "cause 'overuse' is defined twice",
            "need 0 < possible_at <= likely_at",
        ):
            assert part in message

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"disclaimer": ""}, "disclaimer must be a non-empty string"),
            ({"disclaimer": None}, "disclaimer must be a non-empty string"),
            ({"version": 3}, "version must be a non-empty string, got 3 \\(int\\)"),
            ({"likely_at": "3"}, "likely_at must be a whole number"),
            ({"possible_at": True}, "possible_at must be a whole number"),
            ({"factors": None}, "factors must be a tuple of RiskFactor"),
            ({"causes": [K.causes[0]]}, "causes must be a tuple of Cause"),
            ({"red_flags": ()}, "there must be at least one red flag"),
            ({"self_care_advice": " "}, "self_care_advice must be a non-empty string"),
        ],
    )
    def test_rejects_fields_of_the_wrong_type(self, changes: dict[str, Any], message: str) -> None:
        """The safety texts, version, cut-offs and tables must have the right types."""
        with pytest.raises(InvalidKnowledge, match=message):
            knowledge(**changes)

    def test_a_medication_list_with_another_id_names_its_problems_by_it(self) -> None:
        """Problems with a medication list are named by that input's own id."""
        drugs = attrs.evolve(K.factor("medications"), id="drugs")
        factors = tuple(drugs if f.id == "medications" else f for f in K.factors)
        causes = tuple(
            attrs.evolve(
                c,
                signs=tuple(
                    attrs.evolve(s, when=attrs.evolve(s.when, factor="drugs"))
                    if s.when.factor == "medications"
                    else s
                    for s in c.signs
                ),
            )
            for c in K.causes
        )
        mine = knowledge(factors=factors, causes=causes)

        with pytest.raises(legcramps.InvalidInput) as info:
            mine.assess(drugs=["Lasix", 3])

        assert ["drugs[1]"] == [p.input for p in info.value.problems]

    def test_rejects_a_red_flag_without_conditions(self) -> None:
        """A red flag must have at least one condition."""
        flag = attrs.evolve(K.red_flags[0], when=())

        with pytest.raises(InvalidKnowledge, match="has no condition"):
            knowledge(red_flags=(flag,))

    def test_rejects_a_medication_name_used_twice(self) -> None:
        """Two medications may not share a name."""
        clash = attrs.evolve(K.medications[1], brands=("Lasix",))

        with pytest.raises(InvalidKnowledge, match="'Lasix' names both furosemide and bumetanide"):
            knowledge(medications=(K.medications[0], clash))


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
