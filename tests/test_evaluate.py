"""Scoring (``legcramps._evaluate``, ``_state``, ``_followup``): levels, evidence, urgency,
advice and the next questions."""

from __future__ import annotations

import attrs
import pytest

import legcramps
from helpers import NO_RED_FLAGS, NOTE, NOTHING_RAISED, knowledge, with_sign
from legcramps import (
    AdviceRule,
    AllOf,
    Condition,
    FactorKind,
    Knowledge,
    Level,
    RedFlag,
    RiskFactor,
    RiskNote,
    Sign,
    Urgency,
)
from strategies import sample_answers

K = legcramps.KNOWLEDGE


def level(cause_id: str, **answers: object) -> Level:
    return legcramps.assess(answers).finding(cause_id).level


class TestClearCutCases:
    def test_long_vigorous_run_makes_overuse_likely(self) -> None:
        """A two-hour vigorous run makes exercise overuse likely."""
        assert Level.LIKELY == level("overuse", exercise_minutes=120, exercise_intensity="vigorous")

    def test_boot_camp_beyond_habit_makes_overuse_likely(self) -> None:
        """An hour of unaccustomed exercise makes overuse likely."""
        assert Level.LIKELY == level("overuse", exercise_minutes=60, unaccustomed_exercise=True)

    def test_diuretic_makes_medication_likely(self) -> None:
        """A diuretic alone makes the medication cause likely."""
        assert Level.LIKELY == level("medication", medications=["furosemide"])

    def test_conference_day_makes_posture_likely(self) -> None:
        """A day sitting at a conference makes prolonged sitting likely."""
        assert Level.LIKELY == level("posture", sitting_hours=8)

    def test_standing_in_line_for_hours_makes_posture_likely(self) -> None:
        """Standing still in line for five hours makes posture likely."""
        assert Level.LIKELY == level("posture", standing_hours=5)

    def test_little_fluid_on_a_hot_day_makes_dehydration_likely(self) -> None:
        """Half a litre of fluid on a hot day makes dehydration likely."""
        assert Level.LIKELY == level("dehydration", fluid_litres=0.5, hot_weather=True)

    def test_overtired_and_back_after_a_few_hours_makes_fatigue_likely(self) -> None:
        """An overtired person back at a hard workout after 4 hours' rest: fatigue likely."""
        assert Level.LIKELY == level("fatigue", overtired=True, recovery_hours=4)


class TestWeakSigns:
    @pytest.mark.parametrize(
        ("cause_id", "answers"),
        [
            ("overuse", {"exercise_minutes": 60}),
            ("overuse", {"exercise_intensity": "vigorous"}),
            ("overuse", {"unaccustomed_exercise": True}),
            ("fatigue", {"overtired": True}),
            ("fatigue", {"poor_diet": True}),
            ("fatigue", {"recovery_hours": 10}),
            ("medication", {"medications": ["atorvastatin"]}),
            ("medication", {"new_medication": True}),
            ("posture", {"sitting_hours": 2}),
            ("posture", {"standing_hours": 3}),
            ("dehydration", {"hot_weather": True}),
            ("dehydration", {"heavy_sweating": True}),
            ("dehydration", {"fluid_litres": 1.0}),
        ],
    )
    def test_a_single_weak_sign_is_possible_not_likely(
        self, cause_id: str, answers: dict[str, object]
    ) -> None:
        """A single weak sign makes its cause possible, not likely."""
        assert Level.POSSIBLE == level(cause_id, **answers)

    def test_thresholds_are_inclusive_where_the_data_says_at_least(self) -> None:
        """Exactly 4 hours of sitting counts as several hours."""
        assert Level.LIKELY == level("posture", sitting_hours=4)

    def test_just_below_a_threshold_does_not_count(self) -> None:
        """59 minutes of exercise is not a long session."""
        assert Level.UNLIKELY == level("overuse", exercise_minutes=59)

    def test_a_full_day_of_recovery_does_not_count(self) -> None:
        """24 hours of recovery is not 'less than about 24 hours'."""
        assert Level.UNLIKELY == level("fatigue", recovery_hours=24)


class TestLevels:
    def test_equal_cut_offs_are_allowed(self) -> None:
        """possible_at may equal likely_at: a cause is then likely or unlikely."""
        mine = knowledge(possible_at=2, likely_at=2)
        assert Level.LIKELY == mine.assess(overtired=True).finding("fatigue").level
        assert Level.UNLIKELY == mine.assess(poor_diet=True).finding("fatigue").level


class TestUnknownIsNotNo:
    def test_no_answer_leaves_every_cause_unknown(self) -> None:
        """With no answers, every cause is unknown."""
        assessment = legcramps.assess()

        assert {Level.UNKNOWN} == {f.level for f in assessment.findings}

    def test_none_is_the_same_as_leaving_an_input_out(self) -> None:
        """An input given as None is unknown, exactly as if left out."""
        assert legcramps.assess() == legcramps.assess(hot_weather=None, medications=None)

    def test_an_answered_no_makes_a_cause_unlikely_not_unknown(self) -> None:
        """Answering 'no' about a cause's input makes it unlikely rather than unknown."""
        assert Level.UNLIKELY == level("dehydration", hot_weather=False)

    def test_unanswered_inputs_are_listed_on_the_finding(self) -> None:
        """A finding lists the cause's inputs that are still unanswered."""
        finding = legcramps.assess(hot_weather=False).finding("dehydration")

        assert ["medications", "fluid_litres", "heavy_sweating", "vomiting_or_diarrhoea"] == [
            f.id for f in finding.unanswered
        ]

    def test_an_empty_medication_list_means_no_medications(self) -> None:
        """An empty medication list is an answer: no medications."""
        assert Level.UNLIKELY == level("medication", medications=[])


class TestEvidence:
    def test_evidence_names_the_factor_value_and_reason(self) -> None:
        """Each piece of evidence carries its factor, the value given and a reason."""
        evidence = legcramps.assess(sitting_hours=8).finding("posture").evidence

        assert [("sitting_hours", 8, 1), ("sitting_hours", 8, 2)] == [
            (e.factor.id, e.value, e.weight) for e in evidence
        ]
        assert all(e.reason for e in evidence)

    def test_score_is_the_sum_of_the_evidence_weights(self) -> None:
        """A finding's score is the sum of its evidence weights."""
        finding = legcramps.assess(fluid_litres=0.5, hot_weather=True).finding("dehydration")

        assert sum(e.weight for e in finding.evidence) == finding.score

    def test_medication_evidence_shows_the_matching_generic_names(self) -> None:
        """Medication evidence holds the generic names of the drugs that matched."""
        finding = legcramps.assess(medications=["Lasix", "aspirin"]).finding("medication")

        assert [("furosemide",)] == [e.value for e in finding.evidence]

    def test_findings_are_ordered_most_likely_first(self) -> None:
        """Findings run likely, possible, unknown, unlikely."""
        assessment = legcramps.assess(sitting_hours=8, hot_weather=True, overtired=False)

        assert [
            ("posture", Level.LIKELY),
            ("dehydration", Level.POSSIBLE),
            ("overuse", Level.UNKNOWN),
            ("medication", Level.UNKNOWN),
            ("fatigue", Level.UNLIKELY),
        ] == [(f.cause.id, f.level) for f in assessment.findings]

    def test_unlikely_findings_keep_the_knowledge_order_when_fully_answered_first(self) -> None:
        """A fully answered unlikely cause and a partly answered one stay in the data's order."""
        assessment = legcramps.assess(
            exercise_minutes=10, exercise_intensity="light", unaccustomed_exercise=False,
            overtired=False,
        )  # fmt: skip

        assert [("overuse", 0), ("fatigue", 2)] == [
            (f.cause.id, len(f.unanswered)) for f in assessment.findings[-2:]
        ]

    def test_unlikely_findings_keep_the_knowledge_order_when_partly_answered_first(self) -> None:
        """A partly answered unlikely cause before a fully answered one keeps its place."""
        assessment = legcramps.assess(
            exercise_minutes=10, overtired=False, recovery_hours=72, poor_diet=False
        )

        assert [("overuse", 2), ("fatigue", 0)] == [
            (f.cause.id, len(f.unanswered)) for f in assessment.findings[-2:]
        ]


class TestMedications:
    def test_an_unrecognised_medication_is_not_a_no(self) -> None:
        """A list of only unrecognised names leaves the medication cause unknown."""
        assessment = legcramps.assess(medications=["quinapril"])

        assert Level.UNKNOWN == assessment.finding("medication").level
        assert Level.UNKNOWN == assessment.finding("dehydration").level
        assert legcramps.KNOWLEDGE.unrecognized_medications_advice in assessment.advice

    def test_two_medication_lists_are_reported_together(self) -> None:
        """With two medication inputs, the result lists the medications of both, once each."""
        past = RiskFactor("past_medications", "Which did you take before?", FactorKind.MEDICATIONS)
        k = knowledge(factors=(*K.factors, past))

        a = k.assess(medications=["Lasix", "aspirin"], past_medications=["furosemide", "Zocor"])

        assert ["furosemide", "simvastatin"] == [m.generic for m in a.medications]
        assert ("aspirin",) == a.unrecognized_medications

    def test_a_red_flag_may_count_the_medications(self) -> None:
        """A red flag on how many medications are taken is raised by the count alone."""
        many = RedFlag(
            id="many_medications",
            name="Many medications",
            why="Five or more medications.",
            urgency=Urgency.SEE_DOCTOR,
            advice="Ask for a medication review.",
            sources=(NOTE,),
            when=(Condition("medications", at_least=5),),
        )
        k = knowledge(red_flags=(*K.red_flags, many))

        assert ["many_medications"] == [r.id for r in k.assess(medications=list("abcde")).red_flags]
        assert [] == [r.id for r in k.assess(medications=list("abcd")).red_flags]

    def test_an_unrecognised_medication_is_not_asked_again(self) -> None:
        """The medication list, once answered, is neither unanswered nor asked again."""
        assessment = legcramps.assess(medications=["quinapril"])

        assert "medications" not in [f.id for f in assessment.finding("medication").unanswered]
        assert "medications" not in [q.id for q in assessment.next_questions]

    def test_a_recognised_sign_still_counts_beside_unrecognised_names(self) -> None:
        """A recognised diuretic counts even when another name is not recognised."""
        assessment = legcramps.assess(medications=["co-amilofruse", "Lasix"])

        assert Level.LIKELY == assessment.finding("medication").level
        assert Level.POSSIBLE == assessment.finding("dehydration").level

    def test_long_acting_beta_agonist_makes_medication_likely(self) -> None:
        """A long-acting beta-agonist alone makes the medication cause likely."""
        assert Level.LIKELY == level("medication", medications=["Serevent"])

    def test_long_acting_beta_agonist_does_not_raise_dehydration(self) -> None:
        """A long-acting beta-agonist does not count towards dehydration."""
        assert Level.UNLIKELY == level("dehydration", medications=["salmeterol"])

    def test_diuretic_also_raises_dehydration(self) -> None:
        """A diuretic counts towards dehydration too."""
        assert Level.POSSIBLE == level("dehydration", medications=["bendroflumethiazide"])

    def test_statin_alone_makes_medication_only_possible(self) -> None:
        """A statin alone makes the medication cause only possible."""
        assert Level.POSSIBLE == level("medication", medications=["Lipitor 20mg"])

    def test_unrecognised_names_are_reported_not_rejected(self) -> None:
        """Unknown medication names are listed back, not treated as errors."""
        assessment = legcramps.assess(medications=["aspirin", "Lasix", "aspirin"])

        assert ("aspirin",) == assessment.unrecognized_medications
        assert ["furosemide"] == [m.generic for m in assessment.medications]

    def test_a_drug_named_twice_is_recognised_once(self) -> None:
        """Brand and generic of the same drug count once."""
        assessment = legcramps.assess(medications=["Lasix", "furosemide 40 mg"])

        assert ["furosemide"] == [m.generic for m in assessment.medications]
        assert 3 == assessment.finding("medication").score

    def test_no_medication_list_means_no_medications(self) -> None:
        """Without a medication list, the recognised and unrecognised lists are empty tuples."""
        a = legcramps.assess(hot_weather=True)
        assert () == a.medications
        assert () == a.unrecognized_medications

    def test_only_unrecognised_medications_leave_every_cause_unknown_at_zero(self) -> None:
        """A list of unrecognised names answers no cause: each stays unknown, with score 0."""
        a = legcramps.assess(medications=["aspirin"])
        assert [(Level.UNKNOWN, 0)] * len(K.causes) == [(f.level, f.score) for f in a.findings]

    def test_repeated_names_are_listed_once(self) -> None:
        """A name given twice is listed once, recognised or not."""
        a = legcramps.assess(medications=["aspirin", "Lasix", "aspirin", "lasix 40 mg"])
        assert ("aspirin",) == a.unrecognized_medications
        assert ("furosemide",) == tuple(m.generic for m in a.medications)

    def test_two_drugs_of_one_class_are_both_named_in_one_piece_of_evidence(self) -> None:
        """Two diuretics raise the diuretic sign once, naming both, in the order given."""
        evidence = legcramps.assess(medications=["Lasix", "amiloride"]).finding("medication")
        assert [("furosemide", "amiloride")] == [e.value for e in evidence.evidence]

    def test_two_medication_signs_add_up(self) -> None:
        """A diuretic and a statin add their weights: 3 + 1."""
        assert 4 == legcramps.assess(medications=["Lasix", "Zocor"]).finding("medication").score


class TestUrgency:
    @pytest.mark.parametrize(
        ("answers", "expected"),
        [
            ({"chest_pain_or_breathlessness": True}, Urgency.EMERGENCY),
            ({"dark_urine": True}, Urgency.EMERGENCY),
            ({"leg_swelling": True}, Urgency.URGENT),
            ({"cramp_minutes": 11}, Urgency.URGENT),
            ({"muscle_weakness": True}, Urgency.URGENT),
            ({"numbness": True}, Urgency.URGENT),
            ({"frequent_cramps": True}, Urgency.SEE_DOCTOR),
            ({"persists_despite_self_care": True}, Urgency.SEE_DOCTOR),
        ],
    )
    def test_each_red_flag_sets_its_urgency(
        self, answers: dict[str, object], expected: Urgency
    ) -> None:
        """Each red flag alone sets the urgency the domain reference gives it."""
        assert expected == legcramps.assess(answers).urgency

    def test_an_unanswered_question_that_alone_raises_a_flag_keeps_it_open(self) -> None:
        """Chest pain left unanswered, every other emergency sign ruled out: the result may
        still rise to an emergency (here without the screen's own flag, which would too)."""
        mine = knowledge(
            red_flags=tuple(r for r in K.red_flags if r.id != "emergency_sign_reported")
        )
        others = dict.fromkeys(K.factor("emergency_signs").members, False)
        answers = {**NO_RED_FLAGS, **others, "emergency_signs": None}
        del answers["chest_pain_or_breathlessness"]

        assert Urgency.EMERGENCY == mine.assess(answers).may_rise_to

    def test_red_flag_overrides_the_scores(self) -> None:
        """A red flag decides the urgency even when a cause explains the cramps."""
        answers = {**NO_RED_FLAGS, "sitting_hours": 10, "leg_swelling": True}

        assessment = legcramps.assess(answers)

        assert Urgency.URGENT == assessment.urgency
        assert ["deep_vein_thrombosis"] == [r.id for r in assessment.red_flags]

    def test_chest_pain_is_an_emergency_with_or_without_a_swollen_leg(self) -> None:
        """Chest pain or breathlessness is an emergency whatever the leg shows."""
        assert (
            Urgency.EMERGENCY
            == legcramps.assess(chest_pain_or_breathlessness=True, leg_swelling=True).urgency
        )
        assert (
            Urgency.EMERGENCY
            == legcramps.assess(chest_pain_or_breathlessness=True, leg_swelling=False).urgency
        )

    def test_the_highest_raised_flag_wins(self) -> None:
        """With several red flags raised, the most urgent decides and comes first."""
        assessment = legcramps.assess(numbness=True, dark_urine=True, cramp_minutes=30)

        assert Urgency.EMERGENCY == assessment.urgency
        assert ["rhabdomyolysis", "nerve_or_muscle_signs", "long_cramp"] == [
            r.id for r in assessment.red_flags
        ]

    def test_a_ten_minute_cramp_is_not_a_red_flag(self) -> None:
        """A cramp of exactly 10 minutes is not 'more than 10 minutes'."""
        assert () == legcramps.assess(cramp_minutes=10).red_flags

    def test_a_new_medication_means_at_least_see_a_doctor(self) -> None:
        """A medication started around the onset means at least see a doctor."""
        assessment = legcramps.assess({**NO_RED_FLAGS, "new_medication": True})

        assert Urgency.SEE_DOCTOR == assessment.urgency
        assert () == assessment.red_flags

    def test_a_new_medication_does_not_lower_a_red_flag(self) -> None:
        """A new medication never lowers the urgency a red flag set."""
        assert Urgency.EMERGENCY == legcramps.assess(new_medication=True, dark_urine=True).urgency

    def test_an_unrecognised_medication_keeps_see_a_doctor_open(self) -> None:
        """A name not recognised may be a diuretic: the result may still rise to see_doctor."""
        # Neither heat, nor heavy sweating, nor little to drink: a diuretic raises no flag.
        answers = {
            **NO_RED_FLAGS,
            "sitting_hours": 8,
            "medications": ["water tablet"],
            "hot_weather": False,
            "heavy_sweating": False,
            "fluid_litres": 2,
        }

        assert Urgency.SEE_DOCTOR == legcramps.assess(answers).may_rise_to

    def test_an_unrecognised_medication_prevents_self_care(self) -> None:
        """A name not recognised is not "no diuretic": the result is undetermined."""
        answers = {**NO_RED_FLAGS, "sitting_hours": 8, "medications": ["water tablet"]}

        assert Urgency.UNDETERMINED == legcramps.assess(answers).urgency

    def test_self_care_needs_every_red_flag_answered_no(self) -> None:
        """Self-care is given only when every red-flag question was answered no."""
        assert Urgency.SELF_CARE == legcramps.assess(NO_RED_FLAGS, sitting_hours=8).urgency

    @pytest.mark.parametrize("unanswered", sorted(NO_RED_FLAGS))
    def test_one_unanswered_red_flag_question_prevents_self_care(self, unanswered: str) -> None:
        """With any question that could raise the urgency unanswered, it is not self-care."""
        answers = {**NO_RED_FLAGS, "sitting_hours": 8, unanswered: None}

        assessment = legcramps.assess(answers)

        assert Urgency.UNDETERMINED == assessment.urgency
        assert unanswered in [q.id for q in assessment.next_questions]

    def test_no_obvious_cause_means_see_a_doctor(self) -> None:
        """Every cause assessed and none raised: no obvious cause, see a doctor."""
        assert Urgency.SEE_DOCTOR == legcramps.assess(NOTHING_RAISED, **NO_RED_FLAGS).urgency

    def test_no_obvious_cause_needs_no_red_flag_answers(self) -> None:
        """No obvious cause means see a doctor even with red flags unanswered."""
        assert Urgency.SEE_DOCTOR == legcramps.assess(NOTHING_RAISED).urgency

    def test_some_causes_unknown_and_none_raised_is_undetermined(self) -> None:
        """With a cause still unknown and nothing raised, the urgency is undetermined."""
        assert Urgency.UNDETERMINED == legcramps.assess(NO_RED_FLAGS, hot_weather=False).urgency

    def test_nothing_known_is_undetermined(self) -> None:
        """With no answers at all, the urgency is undetermined."""
        assert Urgency.UNDETERMINED == legcramps.assess().urgency

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


class TestAdvice:
    def test_no_obvious_cause_points_at_the_medication_list(self) -> None:
        """With causes assessed and none raised, advice points at recent medications."""
        advice = legcramps.assess(NO_RED_FLAGS, hot_weather=False).advice

        assert legcramps.KNOWLEDGE.no_obvious_cause_advice in advice

    def test_nothing_assessed_gives_no_medication_list_advice(self) -> None:
        """With no cause assessed, there is no 'no obvious cause' advice."""
        assert legcramps.KNOWLEDGE.no_obvious_cause_advice not in legcramps.assess().advice

    def test_a_raised_cause_gives_its_advice(self) -> None:
        """A likely cause's advice is in the result."""
        advice = legcramps.assess(sitting_hours=8).advice

        assert set(legcramps.KNOWLEDGE.cause("posture").advice) <= set(advice)

    def test_red_flag_advice_comes_first(self) -> None:
        """The advice of a raised red flag comes before any other advice."""
        assessment = legcramps.assess(sitting_hours=8, chest_pain_or_breathlessness=True)

        assert assessment.red_flags[0].advice == assessment.advice[0]

    def test_advice_has_no_duplicates(self) -> None:
        """The same advice never appears twice, even when several signs give it."""
        advice = legcramps.assess(medications=["Lasix", "Serevent", "Zocor"]).advice

        assert len(set(advice)) == len(advice)

    def test_a_lower_flag_says_a_more_urgent_question_is_still_open(self) -> None:
        """An urgent flag with the emergency questions open says it may be more urgent."""
        advice = legcramps.assess(leg_swelling=True).advice

        assert legcramps.KNOWLEDGE.unanswered_red_flags_advice in advice

    def test_an_emergency_needs_no_reminder_of_open_questions(self) -> None:
        """With an emergency raised, no open question can make it more urgent."""
        advice = legcramps.assess(dark_urine=True).advice

        assert legcramps.KNOWLEDGE.unanswered_red_flags_advice not in advice

    def test_undetermined_says_to_answer_the_remaining_questions(self) -> None:
        """An undetermined result always says to answer the remaining questions."""
        assessment = legcramps.assess(NO_RED_FLAGS)

        assert Urgency.UNDETERMINED == assessment.urgency
        assert legcramps.KNOWLEDGE.undetermined_advice == assessment.advice[-1]

    def test_unanswered_red_flags_are_named_in_the_advice(self) -> None:
        """While red-flag questions are open, the advice says it is not yet self-care."""
        advice = legcramps.assess(sitting_hours=8).advice

        assert legcramps.KNOWLEDGE.unanswered_red_flags_advice in advice

    def test_new_medication_advice_says_see_the_prescriber_not_stop(self) -> None:
        """Advice about a new medication says to tell a doctor, and not to stop it alone."""
        advice = " ".join(legcramps.assess(new_medication=True).advice)

        assert "Tell a doctor about the medicine" in advice
        assert "do not stop or change a prescribed medicine" in advice

    def test_every_result_carries_the_disclaimer(self) -> None:
        """Every result, even an emergency, says it is information, not a diagnosis."""
        for answers in ({}, {"dark_urine": True}, NOTHING_RAISED):
            assert "not a diagnosis" in legcramps.assess(answers).disclaimer

    def test_no_causes_at_all(self) -> None:
        """Knowledge with no cause gives no findings, and the no-obvious-cause advice."""
        mine = knowledge(causes=())
        a = mine.assess(leg_swelling=False)
        assert () == a.findings
        assert mine.no_obvious_cause_advice in a.advice

    def test_the_advice_of_every_raised_cause_and_only_theirs(self) -> None:
        """The advice holds the advice of each likely or possible cause, and of no other."""
        a = legcramps.assess(overtired=True, sitting_hours=5, **NO_RED_FLAGS)
        expected = [*K.cause("posture").advice, *K.cause("fatigue").advice]
        assert [*expected, K.self_care_advice, K.worsening_advice] == list(a.advice)
        one = legcramps.assess(overtired=True, **NO_RED_FLAGS)
        expected = [*K.cause("fatigue").advice, K.self_care_advice, K.worsening_advice]
        assert expected == list(one.advice)

    def test_self_care_advice_comes_with_self_care_only(self) -> None:
        """A self-care result ends with the self-care advice; other results do not carry it."""
        care = legcramps.assess(hot_weather=True, fluid_litres=1, **NO_RED_FLAGS)
        assert Urgency.SELF_CARE == care.urgency
        assert K.self_care_advice == care.advice[-2]
        assert K.worsening_advice == care.advice[-1]
        assert K.unanswered_red_flags_advice not in care.advice
        open_flags = legcramps.assess(hot_weather=True, fluid_litres=1)
        assert K.self_care_advice not in open_flags.advice

    def test_a_likely_cause_before_a_possible_one_both_give_advice(self) -> None:
        """A likely cause followed, in the knowledge's order, by a possible one: both advise."""
        a = legcramps.assess(exercise_minutes=120, exercise_intensity="vigorous", overtired=True)
        assert [Level.LIKELY, Level.POSSIBLE] == [f.level for f in a.findings[:2]]
        advice = [*K.cause("overuse").advice, *K.cause("fatigue").advice]
        assert advice == list(a.advice[: len(advice)])


class TestNextQuestions:
    def test_red_flag_questions_come_first_emergencies_first(self) -> None:
        """Unanswered red-flag questions lead, the emergency ones first, screens first."""
        questions = [q.id for q in legcramps.assess().next_questions]
        screens = [q for q in questions if K.factor(q).members]

        assert "emergency_signs" == questions[0]
        assert ["emergency_signs", "leg_signs", "body_signs"] == screens[:3]

    def test_a_new_medication_is_asked_right_after_the_red_flags(self) -> None:
        """The input that can raise the urgency comes right after the red-flag questions."""
        flagged = {f.id for f in K.factors if f.red_flags or f.members}
        flagged |= {m for f in K.factors for m in f.members}
        questions = [q.id for q in legcramps.assess().next_questions]
        position = questions.index("new_medication")

        assert set(questions[:position]) <= flagged
        assert not set(questions[position + 1 :]) & {f.id for f in K.factors if f.red_flags}

    def test_answered_inputs_are_not_asked_again(self) -> None:
        """An answered input is not among the next questions; a None one is."""
        questions = legcramps.assess(dark_urine=False, hot_weather=None).next_questions

        assert "dark_urine" not in [q.id for q in questions]
        assert "hot_weather" in [q.id for q in questions]

    def test_all_answered_leaves_no_question(self) -> None:
        """With every input answered (or screened, or not applying), nothing is left to ask."""
        context = {
            "recent_leg_injury": False,
            "age_years": 40,
            "sex": "male",
            "clot_risks": False,
        }
        assert () == legcramps.assess({**NOTHING_RAISED, **NO_RED_FLAGS, **context}).next_questions

    def test_every_factor_is_asked_when_nothing_is_known(self) -> None:
        """With nothing answered, every factor is to be asked, each member after its screen."""
        questions = [q.id for q in legcramps.assess().next_questions]

        assert {f.id for f in K.factors} == set(questions)
        for screen in (f for f in K.factors if f.members):
            assert all(questions.index(m) > questions.index(screen.id) for m in screen.members)

    def test_a_skipped_screen_leaves_its_members_to_ask(self) -> None:
        """A screen not answered keeps its members among the questions, so a skip asks them."""
        questions = [q.id for q in legcramps.assess(emergency_signs=False).next_questions]

        assert "leg_signs" in questions
        assert set(K.factor("leg_signs").members) <= set(questions)
        assert not set(K.factor("emergency_signs").members) & set(questions)


class TestScreens:
    def test_a_yes_to_a_screen_alone_raises_its_flag(self) -> None:
        """A "yes" to a screen, its signs not named yet, raises the screen's own flag."""
        a = legcramps.assess(body_signs=True)

        assert ["body_sign_reported"] == [r.id for r in a.red_flags]
        assert Urgency.URGENT == a.urgency

    def test_a_named_sign_replaces_the_screens_flag(self) -> None:
        """Once a sign of the screen is answered "yes", its own flag speaks instead."""
        a = legcramps.assess(emergency_signs=True, dark_urine=True)

        assert ["rhabdomyolysis"] == [r.id for r in a.red_flags]

    def test_every_sign_denied_withdraws_the_screens_flag(self) -> None:
        """A "yes" to a screen, then "no" to each of its signs: the signs' answers decide."""
        members = dict.fromkeys(K.factor("leg_signs").members, False)

        a = legcramps.assess(members, leg_signs=True)

        assert [] == list(a.red_flags)
        assert a.answers["leg_signs"] is True

    def test_a_screen_yes_with_some_signs_denied_keeps_its_flag(self) -> None:
        """While any sign of a "yes" screen is still open, the screen's flag holds."""
        members = dict.fromkeys(K.factor("leg_signs").members[1:], False)

        a = legcramps.assess(members, leg_signs=True)

        assert ["leg_sign_reported"] == [r.id for r in a.red_flags]

    def test_answered_inputs_are_never_asked_again(self) -> None:
        """Every answered input leaves next_questions and every unanswered; the rest keep the
        knowledge's order of questions."""
        order = [fid for fid, _ in K._tables.question_order]  # noqa: SLF001 - the order itself
        for given in sample_answers(200, seed=12):
            a = legcramps.assess(**given)
            answered = {name for name, value in given.items() if value is not None}
            asked = [f.id for f in a.next_questions]
            assert not answered & set(asked)
            assert sorted(asked, key=order.index) == asked
            for finding in a.findings:
                assert not answered & {f.id for f in finding.unanswered}


class TestCombinations:
    """A red flag raised by a combination needs every one of its conditions."""

    def combination(self, *conditions: Condition) -> Knowledge:
        """Return the built-in knowledge with a red flag raised by *conditions* together."""
        flag = RedFlag(
            "combined", "Combined", "Made up.", Urgency.URGENT, "Ask today.", (NOTE,),
            (AllOf(conditions),),
        )  # fmt: skip
        return knowledge(red_flags=(*K.red_flags, flag))

    def test_two_numbers_together(self) -> None:
        """A combination of two numbers is raised when both hold, and not by one of them."""
        mine = self.combination(
            Condition("exercise_minutes", at_least=60), Condition("sitting_hours", at_least=4)
        )
        assert ["combined"] == [
            r.id for r in mine.assess(exercise_minutes=60, sitting_hours=4).red_flags
        ]
        assert [] == [r.id for r in mine.assess(exercise_minutes=60, sitting_hours=3).red_flags]

    def test_a_number_and_a_drug_class_together(self) -> None:
        """A combination of a number and a drug class is raised when both hold."""
        mine = self.combination(
            Condition("exercise_minutes", at_least=60), Condition("medications", one_of=("statin",))
        )
        assert ["combined"] == [
            r.id for r in mine.assess(exercise_minutes=90, medications=["Zocor"]).red_flags
        ]
        assert [] == [
            r.id for r in mine.assess(exercise_minutes=90, medications=["Lasix"]).red_flags
        ]


class TestConditionsOnTheMedicationList:
    """Risk notes and questions that apply sometimes may test the medication list too."""

    def test_a_risk_note_may_count_the_medications(self) -> None:
        """A raised red flag names a risk note on how many medications are taken when it holds."""
        dvt = K.red_flag("deep_vein_thrombosis")
        note = RiskNote(Condition("medications", at_least=2), "taking two medicines or more")
        mine = knowledge(
            red_flags=tuple(
                attrs.evolve(r, risk_factors=(note,)) if r is dvt else r for r in K.red_flags
            )
        )
        (raised,) = mine.assess(leg_swelling=True, medications=["Lasix", "aspirin"]).red_flags
        assert ("taking two medicines or more",) == raised.risk_factors
        (raised,) = mine.assess(leg_swelling=True, medications=["Lasix"]).red_flags
        assert () == raised.risk_factors

    def test_a_question_may_apply_by_a_drug_class(self) -> None:
        """A question that applies with a loop diuretic is not asked without one, unless a name
        is not recognised (it may be a loop diuretic)."""
        dose = RiskFactor(
            "diuretic_dose_changed", "Was the dose of your loop diuretic changed?",
            FactorKind.YES_NO, applies_when=(Condition("medications", one_of=("loop diuretic",)),),
        )  # fmt: skip
        mine = knowledge(factors=(*K.factors, dose))

        def asked(*names: str) -> bool:
            questions = mine.assess(medications=list(names)).next_questions
            return "diuretic_dose_changed" in [q.id for q in questions]

        assert asked("Lasix")
        assert not asked("Zocor")
        assert asked("Zocor", "a pill I cannot name")


class TestLevelsBelowPossible:
    def test_evidence_below_the_possible_cut_off_is_kept(self) -> None:
        """A fully answered cause whose evidence scores below possible_at is unlikely, and keeps
        that evidence."""
        mine = knowledge(possible_at=2, likely_at=3)
        finding = mine.assess(sitting_hours=2, standing_hours=0).finding("posture")
        assert Level.UNLIKELY == finding.level
        assert 1 == finding.score
        assert ["sitting_hours"] == [e.factor.id for e in finding.evidence]


class TestAdviceRules:
    def test_a_rule_whose_texts_are_absent_does_not_stop_the_next(self) -> None:
        """A rule whose texts are not in the advice is passed over; the rules after it apply."""
        unused = AdviceRule(
            (Condition("hot_weather"),), ("Advice that is never given.",), "Never.", (NOTE,)
        )
        mine = knowledge(advice_rules=(unused, *K.advice_rules))
        answers = {
            "fluid_litres": 0.5,
            "hot_weather": True,
            "heart_failure_or_fluid_restriction": True,
        }
        assert mine.assess(answers).advice == K.assess(answers).advice
        assert K.advice_rules[0].advice in K.assess(answers).advice


class TestAnswersThatCannotApply:
    def test_an_answer_that_cannot_apply_does_not_settle_its_screen(self) -> None:
        """A man's "no" to pregnancy (which cannot apply) leaves the clot-risk screen to ask."""
        with_answer = legcramps.assess(sex="male", pregnant_or_postpartum=False)
        without = legcramps.assess(sex="male")

        assert without.next_questions == with_answer.next_questions
        assert "clot_risks" in [q.id for q in with_answer.next_questions]
