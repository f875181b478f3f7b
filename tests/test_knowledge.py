"""The Knowledge value (``legcramps._knowledge``): lookups, versions, knowledge of your own."""

from __future__ import annotations

import pickle
from typing import Any
from unittest import mock

import attrs
import pytest

import legcramps
from helpers import NOTE, knowledge
from legcramps import (
    Cause,
    Condition,
    InvalidInput,
    InvalidKnowledge,
    Knowledge,
    Level,
    Problem,
    RedFlag,
    Sign,
    Urgency,
    _data,
)
from legcramps._errors import Problems
from legcramps._knowledge import checked_knowledge
from strategies import sample_answers

K = legcramps.KNOWLEDGE


class TestLookups:
    @pytest.mark.parametrize("wanted", ["nope", None, []])
    def test_lookups_reject_unknown_ids(self, wanted: Any) -> None:
        """Looking up an unknown factor, cause or red flag raises UnknownId."""
        for lookup in (K.factor, K.cause, K.red_flag):
            with pytest.raises(legcramps.InvalidInput) as info:
                lookup(wanted)
            assert isinstance(info.value, KeyError)

    def test_factor_lookup_names_the_id(self) -> None:
        """factor() raises an InvalidInput naming factor_id, what was asked and every id."""
        with pytest.raises(InvalidInput) as info:
            K.factor("nope")
        expected = "one of " + ", ".join(repr(f.id) for f in K.factors)
        assert (Problem("factor_id", "'nope' (str)", expected),) == info.value.problems

    def test_lookups_raise_key_error_naming_the_id(self) -> None:
        """cause() and red_flag() raise a KeyError that is an InvalidInput naming the id."""
        with pytest.raises(InvalidInput) as cause:
            K.cause("nope")
        with pytest.raises(InvalidInput) as flag:
            K.red_flag("nada")
        assert isinstance(cause.value, KeyError)
        assert (
            Problem("cause_id", "'nope' (str)", "one of " + ", ".join(repr(c.id) for c in K.causes))
            == cause.value.problems[0]
        )
        assert (
            Problem(
                "flag_id", "'nada' (str)", "one of " + ", ".join(repr(r.id) for r in K.red_flags)
            )
            == flag.value.problems[0]
        )


class TestInputsOf:
    def test_the_inputs_of_a_cause_in_the_knowledge_order(self) -> None:
        """inputs_of() gives the factors that speak to a cause, in the knowledge's order."""
        assert ["medications", "new_medication"] == [f.id for f in K.inputs_of("medication")]

    def test_the_inputs_of_an_unknown_cause(self) -> None:
        """inputs_of() an unknown cause raises UnknownId, naming cause_id."""
        with pytest.raises(legcramps.UnknownId) as info:
            K.inputs_of("nope")
        assert ["cause_id"] == [p.input for p in info.value.problems]


class TestValidate:
    def test_validate_gives_the_known_answers_normalised(self) -> None:
        """validate() leaves out unknown answers and reads mapping and keywords together."""
        assert {"medications": ("Lasix",), "hot_weather": True} == K.validate(
            {"medications": [" Lasix "], "overtired": None}, hot_weather=True
        )

    def test_validate_refuses_what_assess_refuses(self) -> None:
        """validate() raises the InvalidInput that assess() raises, for the same answers."""
        with pytest.raises(InvalidInput) as checked:
            K.validate({"fluid_litres": -1}, hot_weather="yes")
        with pytest.raises(InvalidInput) as assessed:
            K.assess({"fluid_litres": -1}, hot_weather="yes")
        assert assessed.value.problems == checked.value.problems
        assert ["fluid_litres", "hot_weather"] == [p.input for p in checked.value.problems]


class TestRecognizeMedication:
    def test_recognize_medication_rejects_a_non_string(self) -> None:
        """recognize_medication() names the bad name exactly."""
        with pytest.raises(InvalidInput) as info:
            legcramps.recognize_medication(3)  # type: ignore[arg-type]
        assert (Problem("name", "3 (int)", "a medication name (a string)"),) == info.value.problems


class TestVersion:
    def test_a_changed_knowledge_needs_a_version_of_its_own(self) -> None:
        """Results name their knowledge by version: two knowledges may not share one."""
        with pytest.raises(InvalidKnowledge) as info:
            attrs.evolve(K, likely_at=4)
        assert [
            (
                f"version: received {K.version!r} (str); expected a version of its own: this"
                " knowledge differs from the built-in one"
            )
        ] == [str(p) for p in info.value.problems]

    def test_the_same_knowledge_may_keep_its_version(self) -> None:
        """A knowledge equal to the built-in one may keep the built-in version."""
        assert K == attrs.evolve(K)


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
        assert "marathon" == mine.factor("exercise_minutes").red_flags[-1]

    def test_a_medication_condition_on_a_new_class_set_works(self) -> None:
        """Signs on the medication list match by drug class."""
        cause = Cause(
            "statins", "Statins", "s", "m", ("a",), "e", (NOTE,),
            (Sign(Condition("medications", one_of=("statin",)), 5, "A statin.", NOTE),),
        )  # fmt: skip
        mine = knowledge(causes=(*K.causes, cause))

        finding = mine.assess(medications=["Zocor"]).finding("statins")
        assert Level.LIKELY == finding.level
        assert ("simvastatin",) == finding.evidence[0].value

    def test_replace_cause_adds_a_new_cause_after_the_others(self) -> None:
        """replace_cause() with a new id keeps every cause and adds the new one last."""
        new = attrs.evolve(K.cause("posture"), id="standing_desk")
        mine = K.replace_cause(new, version="v2")
        assert [*(c.id for c in K.causes), "standing_desk"] == [c.id for c in mine.causes]
        assert "v2" == mine.version


class TestBuilding:
    def test_a_fresh_copy_equals_the_built_in_knowledge(self, fresh_knowledge: Knowledge) -> None:
        """Building the knowledge again gives an equal Knowledge, factors filled in."""
        assert K == fresh_knowledge
        assert K.factors == fresh_knowledge.factors

    def test_the_built_in_data_is_not_checked_when_built(self) -> None:
        """Building the built-in data skips the checks, which the tests run once instead.

        That keeps ``import legcramps`` cheap (``tests/test_checks.py`` checks the data).
        """
        with mock.patch("legcramps._checks.check", side_effect=AssertionError("checked")):
            built = Knowledge(
                version=K.version,
                factors=_data.FACTORS,
                causes=_data.CAUSES,
                red_flags=_data.RED_FLAGS,
                medications=_data.MEDICATIONS,
            )
        assert K == built

    def test_a_knowledge_all_of_its_own_is_checked(self) -> None:
        """A knowledge none of whose fields is the built-in one's is checked all the same."""
        fields: dict[str, Any] = {
            "version": "mine",
            "factors": (*K.factors,),  # equal tuples, but new ones
            "causes": (*K.causes,),
            "red_flags": (*K.red_flags,),
            "medications": (*K.medications,),
            "likely_at": 4,
            "possible_at": 2,
            "disclaimer": "",
            "no_obvious_cause_advice": "See a doctor.",
            "unanswered_red_flags_advice": "Answer the rest.",
            "self_care_advice": "Rest.",
            "undetermined_advice": "Answer more.",
            "unrecognized_medications_advice": "Name them.",
            "worsening_advice": "Get help if it gets worse.",
            "advice_rules": (*K.advice_rules,),
        }
        assert not [name for name, value in fields.items() if value is getattr(K, name)]
        with pytest.raises(InvalidKnowledge) as info:
            Knowledge(**fields)
        assert ["disclaimer"] == [p.input for p in info.value.problems]


class TestPickling:
    def test_a_knowledge_pickles_and_its_copy_assesses_alike(self) -> None:
        """A Knowledge survives pickling, compiled tables and all, and assesses alike."""
        copy = pickle.loads(pickle.dumps(K))  # noqa: S301 - our own data
        assert K == copy
        for given in sample_answers(50, seed=13):
            assert K.assess(**given) == copy.assess(**given)

    def test_a_pickle_of_another_built_in_version_is_refused(self) -> None:
        """The built-in knowledge pickled under another version is refused, not replaced."""
        data = pickle.dumps(K).replace(K.version.encode(), b"2020.01.1")

        with pytest.raises(InvalidInput) as info:
            pickle.loads(data)  # noqa: S301 - our own data

        assert ["pickle"] == [p.input for p in info.value.problems]
        assert (
            "a pickle made with the built-in knowledge '2020.01.1'"
            == info.value.problems[0].received
        )

    def test_a_result_of_another_built_in_version_is_refused(self) -> None:
        """A result pickled under another built-in version does not come back different."""
        data = pickle.dumps(legcramps.assess(hot_weather=True))

        with pytest.raises(
            InvalidInput, match=r"keep results across versions with Assessment\.to_dict"
        ):
            pickle.loads(data.replace(K.version.encode(), b"2020.01.1"))  # noqa: S301


class TestCheckedKnowledge:
    """checked_knowledge() reads the knowledge argument of batches, the round trip and schemas."""

    def test_none_means_the_built_in_knowledge(self) -> None:
        """None gives the built-in knowledge, and no problem."""
        problems = Problems()
        assert checked_knowledge(None, problems) is K
        assert [] == problems.found

    def test_a_knowledge_is_returned_as_it_is(self, other_version: Knowledge) -> None:
        """A Knowledge of one's own is returned itself, and no problem."""
        problems = Problems()
        assert checked_knowledge(other_version, problems) is other_version
        assert [] == problems.found

    def test_anything_else_is_a_problem_named_knowledge(self) -> None:
        """Anything but a Knowledge or None adds one problem, and the built-in one is returned."""
        problems = Problems()
        assert checked_knowledge("mine", problems) is K
        assert [
            Problem(
                "knowledge", "'mine' (str)", "a legcramps.Knowledge, or None for the built-in one"
            )
        ] == problems.found
