"""The engine's corners, pinned so that mutation testing (mutmut) finds no blind spot.

Each test states one behaviour of the compiled engine that the other tests leave
implicit: paths only custom knowledge reaches, exact boundaries, and the shortcuts
that the fast path takes.
"""

from __future__ import annotations

import pickle
from typing import Any

import attrs
import pytest

import legcramps
from helpers import NO_RED_FLAGS, NOTE, knowledge
from legcramps import (
    Cause,
    Condition,
    FactorKind,
    InvalidInput,
    Knowledge,
    Level,
    Problem,
    RedFlag,
    RiskFactor,
    Sign,
    Urgency,
    _data,
)
from legcramps._errors import describe
from strategies import sample_answers

K = legcramps.KNOWLEDGE


def with_sign(cause_id: str, sign: Sign) -> Knowledge:
    cause = K.cause(cause_id)
    return K.replace_cause(attrs.evolve(cause, signs=(*cause.signs, sign)), version="test")


class TestCustomKnowledgePaths:
    def test_a_number_sign_can_carry_advice_and_an_urgency(self) -> None:
        """A sign on a number adds its advice and raises the urgency to its minimum."""
        sign = Sign(
            Condition("fluid_litres", below=0.5),
            1,
            "Almost nothing to drink.",
            NOTE,
            advice="Drink something now.",
            min_urgency=Urgency.URGENT,
        )
        a = with_sign("dehydration", sign).assess(fluid_litres=0.2)
        assert Urgency.URGENT == a.urgency
        assert "Drink something now." in a.advice
        assert Urgency.UNDETERMINED == with_sign("dehydration", sign).assess(fluid_litres=1).urgency

    def test_a_medication_sign_can_raise_the_urgency(self) -> None:
        """A sign on the medication list raises the urgency to its minimum."""
        sign = Sign(
            Condition("medications", one_of=("statin",)),
            1,
            "A statin.",
            NOTE,
            min_urgency=Urgency.SEE_DOCTOR,
        )
        mine = with_sign("medication", sign)
        assert Urgency.SEE_DOCTOR == mine.assess(medications=["Zocor"]).urgency
        assert Urgency.UNDETERMINED == mine.assess(medications=["aspirin"]).urgency

    def test_a_red_flag_on_the_medication_list(self) -> None:
        """A red flag on a drug class is raised by any medication of that class."""
        flag = RedFlag(
            "laba",
            "A long-acting beta-agonist",
            "Made up.",
            Urgency.URGENT,
            "Ask today.",
            (NOTE,),
            (Condition("medications", one_of=("long-acting beta-agonist",)),),
        )
        mine = knowledge(red_flags=(*K.red_flags, flag))
        assert ("laba",) == tuple(
            r.id for r in mine.assess(medications=["aspirin", "Serevent"]).red_flags
        )
        assert () == mine.assess(medications=["Lasix", "aspirin"]).red_flags

    def test_an_input_that_speaks_to_nothing_is_checked_and_kept(self) -> None:
        """An input with no sign and no red flag is checked, and kept in the answers."""
        silent = RiskFactor(
            "shoe_size", "What is your shoe size?", FactorKind.NUMBER, minimum=0, maximum=60
        )
        mine = knowledge(factors=(*K.factors, silent))
        a = mine.assess(shoe_size=42, hot_weather=True)
        assert {"hot_weather": True, "shoe_size": 42} == a.answers
        assert "shoe_size" == mine.assess().next_questions[-1].id
        assert a == mine.assess({"shoe_size": 42, "hot_weather": True})
        with pytest.raises(InvalidInput, match="shoe_size: received 61"):
            mine.assess(shoe_size=61)

    def test_a_flag_with_two_conditions_on_one_factor_is_listed_once(self) -> None:
        """A red flag that tests one factor twice is named once in that factor's red_flags."""
        flag = RedFlag(
            "odd_cramp",
            "An odd cramp",
            "Made up.",
            Urgency.SEE_DOCTOR,
            "See a doctor.",
            (NOTE,),
            (Condition("cramp_minutes", below=0.5), Condition("cramp_minutes", above=60)),
        )
        mine = knowledge(red_flags=(*K.red_flags, flag))
        assert ("long_cramp", "odd_cramp") == mine.factor("cramp_minutes").red_flags
        assert "odd_cramp" in [r.id for r in mine.assess(cramp_minutes=0.1).red_flags]

    def test_no_causes_at_all(self) -> None:
        """Knowledge with no cause gives no findings, and the no-obvious-cause advice."""
        mine = knowledge(causes=())
        a = mine.assess(leg_swelling=False)
        assert () == a.findings
        assert mine.no_obvious_cause_advice in a.advice

    def test_a_new_cause_with_a_choice_sign(self) -> None:
        """A sign on a choice is raised by that choice only."""
        cold = Cause(
            id="light",
            name="Light exercise",
            summary="s",
            mechanism="m",
            advice=("a",),
            evidence_note="e",
            sources=(NOTE,),
            signs=(Sign(Condition("exercise_intensity", one_of=("light",)), 3, "Light.", NOTE),),
        )
        mine = K.replace_cause(cold, version="test")
        assert Level.LIKELY == mine.assess(exercise_intensity="light").finding("light").level
        assert Level.UNLIKELY == mine.assess(exercise_intensity="moderate").finding("light").level


class TestCompiling:
    """The built-in knowledge is compiled at import; these compile it again, under test."""

    @staticmethod
    def fresh() -> Knowledge:
        return Knowledge(
            version=K.version,
            factors=_data.FACTORS,
            causes=_data.CAUSES,
            red_flags=_data.RED_FLAGS,
            medications=_data.MEDICATIONS,
        )

    def test_compiling_again_gives_the_same_tables(self) -> None:
        """Compiling the same knowledge twice gives equal lookup tables."""
        tables, fresh = K._tables, self.fresh()._tables  # noqa: SLF001 - the tables are the point
        assert [getattr(tables, t) for t in tables.__slots__] == [
            getattr(fresh, t) for t in fresh.__slots__
        ]

    def test_a_fresh_copy_assesses_exactly_like_the_built_in_knowledge(self) -> None:
        """A knowledge compiled now gives the built-in knowledge's results, text and dict."""
        fresh = self.fresh()
        for given in sample_answers(300, seed=11):
            expected, actual = K.assess(**given), fresh.assess(**given)
            assert expected == actual
            assert str(expected) == str(actual)
            assert expected.to_dict() == actual.to_dict()

    def test_a_fresh_copy_reports_problems_exactly_like_the_built_in_knowledge(self) -> None:
        """A knowledge compiled now reports the same problems for the same bad answers."""
        fresh = self.fresh()
        for factor in K.factors:
            for bad in (-1, 10**6, "x", float("nan"), [1], b"no", 1.5 + 0j):
                with pytest.raises(InvalidInput) as expected:
                    K.assess(**{factor.id: bad, "sitting_hour": 1})
                with pytest.raises(InvalidInput) as actual:
                    fresh.assess(**{factor.id: bad, "sitting_hour": 1})
                assert expected.value.problems == actual.value.problems


class TestCompiledOrder:
    def test_red_flags_go_most_urgent_first_whatever_the_order_defined(self) -> None:
        """Raised red flags are listed most urgent first, even if defined the other way round."""
        mine = knowledge(red_flags=tuple(reversed(K.red_flags)))
        a = mine.assess(numbness=True, leg_swelling=True, dark_urine=True)
        assert ["rhabdomyolysis", "deep_vein_thrombosis", "nerve_or_muscle_signs"] == [
            r.id for r in a.red_flags
        ]
        assert Urgency.EMERGENCY == a.urgency

    def test_a_low_urgency_red_flag_still_puts_its_question_first(self) -> None:
        """A red-flag question goes before every other question, however mild the flag."""
        mild = RedFlag(
            "mild",
            "Mild",
            "Made up.",
            Urgency.SEE_DOCTOR,
            "Rest.",
            (NOTE,),
            (Condition("overtired"),),
        )
        mine = knowledge(red_flags=(mild,))
        assert "overtired" == mine.assess().next_questions[0].id

    def test_an_input_that_speaks_to_nothing_may_come_first(self) -> None:
        """An input with no sign and no red flag, defined first, does not hide the others."""
        silent = RiskFactor(
            "shoe_size", "What is your shoe size?", FactorKind.NUMBER, minimum=0, maximum=60
        )
        mine = knowledge(factors=(silent, *K.factors))
        a = mine.assess(shoe_size=40, fluid_litres=0.5, hot_weather=True)
        assert Level.LIKELY == a.finding("dehydration").level
        assert "shoe_size" not in [q.id for q in a.next_questions]

    def test_equal_cut_offs_are_allowed(self) -> None:
        """possible_at may equal likely_at: a cause is then likely or unlikely."""
        mine = knowledge(possible_at=2, likely_at=2)
        assert Level.LIKELY == mine.assess(overtired=True).finding("fatigue").level
        assert Level.UNLIKELY == mine.assess(poor_diet=True).finding("fatigue").level


class TestKnowledgeChecks:
    def test_a_yes_no_condition_with_two_comparisons_is_rejected(self) -> None:
        """A condition on a yes/no input may not compare at all, even with two comparisons."""
        sign = Sign(Condition("overtired", at_least=1, one_of=("x",)), 1, "r", NOTE)
        with pytest.raises(legcramps.InvalidKnowledge, match="no comparison"):
            with_sign("fatigue", sign)

    def test_a_yes_no_condition_with_one_of_is_rejected(self) -> None:
        """A condition on a yes/no input may not use one_of."""
        sign = Sign(Condition("overtired", one_of=("x",)), 1, "r", NOTE)
        with pytest.raises(legcramps.InvalidKnowledge, match="no comparison"):
            with_sign("fatigue", sign)

    def test_one_of_may_list_every_choice_or_every_class(self) -> None:
        """one_of may hold all of a choice's values, or all drug classes."""
        every_choice = Sign(
            Condition("exercise_intensity", one_of=("light", "moderate", "vigorous")), 1, "r", NOTE
        )
        classes = tuple(c.value for c in legcramps.DrugClass)
        every_class = Sign(Condition("medications", one_of=classes), 1, "r", NOTE)
        assert (
            2
            == with_sign("overuse", every_choice)
            .assess(exercise_intensity="vigorous")
            .finding("overuse")
            .score
        )
        assert (
            1
            == with_sign("fatigue", every_class)
            .assess(medications=["Zocor"])
            .finding("fatigue")
            .score
        )

    def test_the_whole_message_of_invalid_knowledge(self) -> None:
        """InvalidKnowledge names each problem on its own line, with where it is."""
        bad_sign = Sign(Condition("nowhere"), 1, "r", NOTE)
        flag = K.red_flags[0]
        bad_flag = attrs.evolve(flag, when=(Condition("nowhere"),))
        with pytest.raises(legcramps.InvalidKnowledge) as info:
            knowledge(
                causes=(attrs.evolve(K.causes[0], signs=(bad_sign,)), *K.causes[1:]),
                red_flags=(*K.red_flags, bad_flag),
            )
        message = (
            "3 problems with the knowledge:\n"
            "- red_flags[6].id: received 'pulmonary_embolism' (str); expected a value not used"
            " before\n"
            "- causes[0].signs[0].when.factor: received 'nowhere' (str); expected the id of one"
            " of the knowledge's factors\n"
            "- red_flags[6].when[0].factor: received 'nowhere' (str); expected the id of one of"
            " the knowledge's factors"
        )
        assert (message,) == info.value.args

    def test_the_message_for_knowledge_without_red_flags(self) -> None:
        """Knowledge without red flags is refused with one whole, exact message."""
        with pytest.raises(legcramps.InvalidKnowledge) as info:
            knowledge(red_flags=())
        message = (
            "1 problem with the knowledge:\n"
            "- red_flags: received an empty tuple; expected at least one red flag: they override"
            " every score"
        )
        assert (message,) == info.value.args

    def test_the_message_for_fields_of_the_wrong_type(self) -> None:
        """Every field of the wrong type is named, with what it got, in the fields' order."""
        with pytest.raises(legcramps.InvalidKnowledge) as info:
            Knowledge(
                version=" ",
                factors=[],  # type: ignore[arg-type]
                causes=[],  # type: ignore[arg-type]
                red_flags=[1],  # type: ignore[arg-type]
                medications=(1,),  # type: ignore[arg-type]
                disclaimer="",
                no_obvious_cause_advice=" ",
                unanswered_red_flags_advice="",
                self_care_advice=" ",
                undetermined_advice="",
                unrecognized_medications_advice=" ",
                likely_at=1.5,  # type: ignore[arg-type]
                possible_at="2",  # type: ignore[arg-type]
            )
        message = (
            "13 problems with the knowledge:\n"
            "- version: received ' ' (str); expected a non-empty string\n"
            "- factors: received [] (list); expected a tuple of RiskFactor\n"
            "- causes: received [] (list); expected a tuple of Cause\n"
            "- red_flags: received [1] (list); expected a tuple of RedFlag\n"
            "- medications[0]: received 1 (int); expected a Medication\n"
            "- likely_at: received 1.5 (float); expected a whole number\n"
            "- possible_at: received '2' (str); expected a whole number\n"
            "- disclaimer: received '' (str); expected a non-empty string\n"
            "- no_obvious_cause_advice: received ' ' (str); expected a non-empty string\n"
            "- unanswered_red_flags_advice: received '' (str); expected a non-empty string\n"
            "- self_care_advice: received ' ' (str); expected a non-empty string\n"
            "- undetermined_advice: received '' (str); expected a non-empty string\n"
            "- unrecognized_medications_advice: received ' ' (str); expected a non-empty string"
        )
        assert (message,) == info.value.args

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
            Problem(
                "cause_id", "'nope' (str)", "one of " + ", ".join(repr(c.id) for c in K.causes)
            ),
            Problem(
                "flag_id", "'nada' (str)", "one of " + ", ".join(repr(r.id) for r in K.red_flags)
            ),
        ) == (cause.value.problems[0], flag.value.problems[0])

    def test_replace_cause_adds_a_new_cause_after_the_others(self) -> None:
        """replace_cause() with a new id keeps every cause and adds the new one last."""
        new = attrs.evolve(K.cause("posture"), id="standing_desk")
        mine = K.replace_cause(new, version="v2")
        assert [*(c.id for c in K.causes), "standing_desk"] == [c.id for c in mine.causes]
        assert "v2" == mine.version

    def test_a_fresh_copy_equals_the_built_in_knowledge(self) -> None:
        """Building the knowledge again gives an equal Knowledge, factors filled in."""
        fresh = TestCompiling.fresh()
        assert K == fresh
        assert K.factors == fresh.factors


class TestExactProblems:
    def problems(self, *args: Any, **kwargs: Any) -> list[tuple[str, str, str, str]]:
        with pytest.raises(InvalidInput) as info:
            legcramps.assess(*args, **kwargs)
        return [(p.input, p.received, p.expected, p.hint) for p in info.value.problems]

    def test_a_mapping_that_is_not_one(self) -> None:
        """Something other than a mapping is named, with what it is and what was expected."""
        assert [
            ("mapping", "5 (int)", "a mapping of answers by name (such as a dict), or None", "")
        ] == self.problems(5)

    def test_a_key_that_is_not_a_string(self) -> None:
        """A mapping key that is not a string is named exactly."""
        assert [("mapping key", "1 (int)", "an input name (a string)", "")] == self.problems({1: 2})

    def test_mapping_problems_and_keywords_together(self) -> None:
        """Problems in the mapping are reported even when keywords are given too."""
        assert [
            ("mapping key", "1 (int)", "an input name (a string)", ""),
        ] == self.problems({1: 2, "fluid_litres": 1}, hot_weather=True)
        assert ["fluid_litres"] == [
            p[0] for p in self.problems({"fluid_litres": -1}, numbness=True)
        ]

    def test_one_input_given_two_ways(self) -> None:
        """An input given differently in the mapping and as a keyword is named exactly."""
        assert [
            (
                "hot_weather",
                "True (bool) in the mapping and False (bool) as a keyword",
                "the same value in both, or only one",
                "",
            )
        ] == self.problems({"hot_weather": True}, hot_weather=False)

    def test_an_unknown_name_with_a_hint(self) -> None:
        """An unknown name is named, with its value, and the closest input as a hint."""
        assert [
            (
                "fluid_litre",
                "1 (int)",
                "one of the inputs in legcramps.RISK_FACTORS",
                "did you mean 'fluid_litres'?",
            )
        ] == self.problems(fluid_litre=1)

    def test_every_problem_after_an_unknown_name_or_a_bad_list(self) -> None:
        """An unknown name or a bad medication list does not stop the check of the rest."""
        assert ["xyz", "fluid_litres"] == [p[0] for p in self.problems(xyz=1, fluid_litres=-1)]
        assert ["medications", "numbness"] == [
            p[0] for p in self.problems(medications="Lasix", numbness="no")
        ]

    def test_the_medication_list_problems(self) -> None:
        """A string, a list with a bad item and an unreadable iterable are named exactly."""
        expected = "a list of medication names (strings), or None (unknown)"
        assert [("medications", "'Lasix' (str)", expected, "")] == self.problems(
            medications="Lasix"
        )
        assert [
            ("medications[1]", "'' (str)", "a medication name (a non-empty string)", "")
        ] == self.problems(medications=["Lasix", ""])

        class Unreadable:
            def __iter__(self) -> Any:
                raise OSError

            def __repr__(self) -> str:
                return "<unreadable>"

        assert [
            ("medications", "<unreadable> (Unreadable)", expected + " that can be read", "")
        ] == self.problems(medications=Unreadable())

    def test_a_mapping_whose_items_cannot_be_read(self) -> None:
        """A mapping that fails when read is one problem, describing the mapping."""

        class Unreadable(dict[str, Any]):
            def items(self) -> Any:
                raise RuntimeError

        with pytest.raises(InvalidInput) as info:
            K.assess(Unreadable())
        expected = "a mapping whose items can be read"
        assert (Problem("mapping", "{} (Unreadable)", expected),) == info.value.problems

    def test_a_set_of_medications(self) -> None:
        """A set of medication names is refused for having no order, describing the set."""
        with pytest.raises(InvalidInput) as info:
            K.assess(medications={"Lasix"})
        expected = "a list of medication names (strings), or None (unknown) in an order (not a set)"
        assert (Problem("medications", "{'Lasix'} (set)", expected),) == info.value.problems

    @pytest.mark.parametrize(
        ("name", "good", "bad"), [("hot_weather", True, "yes"), ("medications", ["Lasix"], "Lasix")]
    )
    def test_a_bad_value_one_way_is_not_also_a_disagreement(
        self, name: str, good: object, bad: object
    ) -> None:
        """An input valid in the mapping and invalid as a keyword is one problem, not two."""
        with pytest.raises(InvalidInput) as info:
            K.assess({name: good}, **{name: bad})
        assert [(name, describe(bad))] == [(p.input, p.received) for p in info.value.problems]

    def test_recognize_medication_rejects_a_non_string(self) -> None:
        """recognize_medication() names the bad name exactly."""
        with pytest.raises(InvalidInput) as info:
            legcramps.recognize_medication(3)  # type: ignore[arg-type]
        assert (Problem("name", "3 (int)", "a medication name (a string)"),) == info.value.problems


class TestNumbersAndLists:
    def test_the_bounds_of_a_number_are_inclusive_for_every_number_type(self) -> None:
        """A number exactly at either bound is accepted, as an int, a float or a subclass."""

        class Minutes(int):
            pass

        for value in (0, 0.0, 1440, 1440.0, Minutes(0), Minutes(1440)):
            assert (
                int(value) == legcramps.assess(exercise_minutes=value).answers["exercise_minutes"]
            )
        for value in (-1, 1441, Minutes(1441), -0.5):
            with pytest.raises(InvalidInput, match="exercise_minutes"):
                legcramps.assess(exercise_minutes=value)

    def test_no_medication_list_means_no_medications(self) -> None:
        """Without a medication list, the recognised and unrecognised lists are empty tuples."""
        a = legcramps.assess(hot_weather=True)
        assert ((), ()) == (a.medications, a.unrecognized_medications)

    def test_only_unrecognised_medications_leave_every_cause_unknown_at_zero(self) -> None:
        """A list of unrecognised names answers no cause: each stays unknown, with score 0."""
        a = legcramps.assess(medications=["aspirin"])
        assert [(Level.UNKNOWN, 0)] * len(K.causes) == [(f.level, f.score) for f in a.findings]

    def test_repeated_names_are_listed_once(self) -> None:
        """A name given twice is listed once, recognised or not."""
        a = legcramps.assess(medications=["aspirin", "Lasix", "aspirin", "lasix 40 mg"])
        assert ("aspirin",) == a.unrecognized_medications
        assert ("furosemide",) == tuple(m.generic for m in a.medications)

    @pytest.mark.parametrize(
        ("name", "generic"),
        [
            ("Lasix 40 mg", "furosemide"),
            ("Zocor-20mg", "simvastatin"),
            ("Lasix - 40 mg", "furosemide"),
            ("lasix40", "furosemide"),
            ("Lasix \u0664\u0660 mg", "furosemide"),  # Arabic-Indic digits are digits too
            ("Lasix \u00b2", None),  # a superscript is not a decimal digit: nothing is cut
            ("40 mg", None),
            ("aspirin 100 mg", None),
        ],
    )
    def test_a_strength_is_cut_from_the_first_digit_on(
        self, name: str, generic: str | None
    ) -> None:
        """A name is looked up again without everything from its first decimal digit on."""
        med = legcramps.recognize_medication(name)
        assert generic == (None if med is None else med.generic)


class TestScoresAndAdvice:
    def test_two_drugs_of_one_class_are_both_named_in_one_piece_of_evidence(self) -> None:
        """Two diuretics raise the diuretic sign once, naming both, in the order given."""
        evidence = legcramps.assess(medications=["Lasix", "amiloride"]).finding("medication")
        assert [("furosemide", "amiloride")] == [e.value for e in evidence.evidence]

    def test_two_medication_signs_add_up(self) -> None:
        """A diuretic and a statin add their weights: 3 + 1."""
        assert 4 == legcramps.assess(medications=["Lasix", "Zocor"]).finding("medication").score

    def test_a_sign_of_weight_zero_is_refused(self) -> None:
        """A sign that adds nothing would be evidence of nothing: its weight must be above 0."""
        sign = Sign(Condition("hot_weather"), 0, "Warm, but it does not count.", NOTE)
        with pytest.raises(legcramps.InvalidKnowledge, match=r"signs\[4\]\.weight: received 0"):
            with_sign("posture", sign)

    def test_the_advice_of_every_raised_cause_and_only_theirs(self) -> None:
        """The advice holds the advice of each likely or possible cause, and of no other."""
        a = legcramps.assess(overtired=True, sitting_hours=5, **NO_RED_FLAGS)
        expected = [*K.cause("posture").advice, *K.cause("fatigue").advice, K.self_care_advice]
        assert expected == list(a.advice)
        one = legcramps.assess(overtired=True, **NO_RED_FLAGS)
        assert [*K.cause("fatigue").advice, K.self_care_advice] == list(one.advice)

    def test_self_care_advice_comes_with_self_care_only(self) -> None:
        """A self-care result ends with the self-care advice; other results do not carry it."""
        care = legcramps.assess(hot_weather=True, fluid_litres=1, **NO_RED_FLAGS)
        assert Urgency.SELF_CARE == care.urgency
        assert K.self_care_advice == care.advice[-1]
        assert K.unanswered_red_flags_advice not in care.advice
        open_flags = legcramps.assess(hot_weather=True, fluid_litres=1)
        assert K.self_care_advice not in open_flags.advice

    def test_a_likely_cause_before_a_possible_one_both_give_advice(self) -> None:
        """A likely cause followed, in the knowledge's order, by a possible one: both advise."""
        a = legcramps.assess(exercise_minutes=120, exercise_intensity="vigorous", overtired=True)
        assert [Level.LIKELY, Level.POSSIBLE] == [f.level for f in a.findings[:2]]
        assert [*K.cause("overuse").advice, *K.cause("fatigue").advice] == list(a.advice[:4])


class TestWhatIsStillOpen:
    def test_answered_inputs_are_never_asked_again(self) -> None:
        """Every answered input, of every kind, leaves next_questions and every unanswered."""
        for given in sample_answers(200, seed=12):
            a = legcramps.assess(**given)
            answered = {name for name, value in given.items() if value is not None}
            expected = [f.id for f in K.assess().next_questions if f.id not in answered]
            assert expected == [f.id for f in a.next_questions]
            for finding in a.findings:
                assert not answered & {f.id for f in finding.unanswered}


class TestPickling:
    def test_a_knowledge_pickles_and_its_copy_assesses_alike(self) -> None:
        """A Knowledge survives pickling, compiled tables and all, and assesses alike."""
        copy = pickle.loads(pickle.dumps(K))  # noqa: S301 - our own data
        assert K == copy
        for given in sample_answers(50, seed=13):
            assert K.assess(**given) == copy.assess(**given)


class TestTextCorners:
    def test_no_advice_section_when_there_is_no_advice(self) -> None:
        """A result with no advice at all (made by hand) has no Advice section in its text."""
        a = attrs.evolve(legcramps.assess(dark_urine=True), advice=())
        assert "Advice:" not in str(a)

    def test_no_questions_section_when_everything_is_answered(self) -> None:
        """With every input answered there is nothing still to ask, and the text says nothing."""
        given = {**NO_RED_FLAGS, "exercise_minutes": 30, "exercise_intensity": "light"}
        given.update(
            unaccustomed_exercise=False,
            overtired=False,
            recovery_hours=48,
            poor_diet=False,
            medications=[],
            new_medication=False,
            sitting_hours=1,
            standing_hours=1,
            fluid_litres=2,
            hot_weather=False,
            heavy_sweating=False,
        )
        a = legcramps.assess(**given)
        assert () == a.next_questions
        assert "Still to ask:" not in str(a)


class TestDictCorners:
    def test_a_result_without_its_knowledge_gives_the_same_dict(self) -> None:
        """to_dict() of a result that lost its knowledge, or holds a plain dict, is the same."""
        a = legcramps.assess(medications=["Lasix", "aspirin"], hot_weather=True)
        expected = a.to_dict()
        assert ["Lasix", "aspirin"] == expected["answers"]["medications"]
        assert expected == attrs.evolve(a, knowledge=None).to_dict()
        assert expected == attrs.evolve(a, answers=dict(a.answers)).to_dict()

    def test_the_answers_of_the_dict_are_fresh_lists(self) -> None:
        """Medication lists in the dict's answers are new lists, whoever made the result."""
        a = legcramps.assess(medications=["Lasix"])
        for result in (a, attrs.evolve(a, knowledge=None)):
            first, second = result.to_dict(), result.to_dict()
            first["answers"]["medications"].append("x")
            assert ["Lasix"] == second["answers"]["medications"]
