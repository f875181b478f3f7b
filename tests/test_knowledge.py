"""The Knowledge value (``legcramps._knowledge``): lookups, versions, knowledge of your own."""

from __future__ import annotations

import pickle
from typing import Any

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
)
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
