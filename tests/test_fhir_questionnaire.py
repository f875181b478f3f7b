"""legcramps.fhir.questionnaire(), answers(), questionnaire_response(): a form, its responses."""

from __future__ import annotations

import copy
from typing import Any

import attrs
import pytest
from hypothesis import given

import legcramps
import legcramps.fhir
from fhir_validators import InvalidResource, items_of, validate
from helpers import NO_RED_FLAGS, NOTHING_RAISED, Unreadable, knowledge
from legcramps import Condition, FactorKind, InvalidInput, Knowledge, RiskFactor
from strategies import answers as valid_answers

Q = legcramps.fhir.questionnaire()
CANONICAL = f"{Q['url']}|{Q['version']}"
YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136"
ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
UCUM = "http://unitsofmeasure.org"
ATC = "http://www.whocc.no/atc"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
CHOICE = f"{legcramps.fhir.DEFAULT_BASE_URL}/CodeSystem/choice"
YES = {"valueCoding": {"system": YES_NO, "code": "Y"}}
NO = {"valueCoding": {"system": YES_NO, "code": "N"}}
DONT_KNOW = {"valueCoding": {"system": ABSENT, "code": "asked-unknown"}}


def items(q: dict[str, Any] = Q) -> dict[str, dict[str, Any]]:
    return {i["linkId"]: i for i in items_of(q["item"])}


def response(*answered: tuple[str, list[dict[str, Any]]], **header: Any) -> dict[str, Any]:
    """A response with the questions *answered* (linkId, answers), flat in the 'questions' group."""
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": CANONICAL,
        "status": "completed",
        "item": [
            {"linkId": "questions", "item": [{"linkId": i, "answer": a} for i, a in answered]}
        ],
        **header,
    }


def consistent(answers: dict[str, Any]) -> dict[str, Any]:
    """Return *answers* with each screen answered "yes" when one of its signs is."""
    fixed = dict(answers)
    for f in legcramps.RISK_FACTORS:
        if fixed.get(f.id) is False and any(fixed.get(m) is True for m in f.members):
            fixed[f.id] = True
    return fixed


def without_answers(a: legcramps.Assessment) -> dict[str, Any]:
    d = a.to_dict()
    del d["answers"]
    return d


class TestTheForm:
    def test_validates(self) -> None:
        """The Questionnaire passes the three validators and the Questionnaire's rules."""
        validate(Q)

    def test_every_input_is_one_item_with_a_unique_link_id(self) -> None:
        """Each input is a question once; no linkId repeats (que-2)."""
        link_ids = [i["linkId"] for i in items_of(Q["item"])]
        questions = [i["linkId"] for i in items_of(Q["item"]) if i["type"] != "group"]

        assert len(set(link_ids)) == len(link_ids)
        assert sorted(f.id for f in legcramps.RISK_FACTORS) == sorted(questions)

    def test_versioned_with_the_knowledge(self) -> None:
        """The canonical URL and the version name the knowledge."""
        assert ("https://legcramps.example.org/fhir/Questionnaire/legcramps", "2026.12.8") == (
            Q["url"],
            Q["version"],
        )

    def test_groups_follow_the_screens(self) -> None:
        """A group per screen: the screen, then its members in a group of their own."""
        group = Q["item"][0]
        members = group["item"][1]

        assert ["emergency_signs", "emergency_signs-members"] == [
            i["linkId"] for i in group["item"]
        ]
        assert list(legcramps.KNOWLEDGE.factor("emergency_signs").members) == [
            i["linkId"] for i in members["item"]
        ]

    def test_members_are_hidden_only_by_a_no(self) -> None:
        """The members show for yes, don't know and no answer at all; a no hides them."""
        members = Q["item"][0]["item"][1]

        assert "any" == members["enableBehavior"]
        assert [
            ("=", "Y"),
            ("=", "asked-unknown"),
            ("exists", False),
        ] == [
            (w["operator"], w.get("answerCoding", {}).get("code", w.get("answerBoolean")))
            for w in members["enableWhen"]
        ]

    def test_yes_no_is_bound_to_the_contained_yesnodontknow(self) -> None:
        """A yes/no question is a choice of the contained yesnodontknow, expanded."""
        vs = next(c for c in Q["contained"] if c["id"] == "yesnodontknow")

        assert "#yesnodontknow" == items()["hot_weather"]["answerValueSet"]
        assert [(YES_NO, "Y"), (YES_NO, "N"), (ABSENT, "asked-unknown")] == [
            (c["system"], c["code"]) for c in vs["expansion"]["contains"]
        ]

    def test_numbers_are_decimals_with_ucum_units_and_bounds(self) -> None:
        """A number is a decimal with its UCUM unit, minValue and maxValue."""
        cramp = items()["cramp_minutes"]

        assert "decimal" == cramp["type"]
        assert [("min", None), (None, 0), (None, 1440)] == [
            (e.get("valueCoding", {}).get("code"), e.get("valueDecimal"))
            for e in cramp["extension"]
        ]

    def test_loinc_codes_where_they_exist(self) -> None:
        """Exercise duration, fluid intake, age and sex carry their LOINC codes."""
        found = {
            i["linkId"]: c["code"]
            for i in items_of(Q["item"])
            for c in i.get("code", [])
            if c["system"] == "http://loinc.org"
        }

        assert {
            "exercise_minutes": "55411-3",
            "fluid_litres": "9108-2",
            "age_years": "30525-0",
            "sex": "76689-9",
        } == found

    def test_medications_are_a_repeating_open_choice_of_atc_codes(self) -> None:
        """The medication list repeats, and offers each ATC code once, and 'none'."""
        meds = items()["medications"]
        vs = next(c for c in Q["contained"] if c["id"] == "medications")
        contains = vs["expansion"]["contains"]

        assert ("open-choice", True) == (meds["type"], meds["repeats"])
        assert {m.atc for m in legcramps.KNOWLEDGE.medications} == {
            c["code"] for c in contains if c["system"] == ATC
        }
        assert (CHOICE, "none") == (contains[-1]["system"], contains[-1]["code"])

    def test_applies_when_becomes_enable_when(self) -> None:
        """A question that applies sometimes shows while a condition holds or is not known."""
        pregnant = items()["pregnant_or_postpartum"]

        assert [
            ("sex", "=", "female"),
            ("sex", "exists", False),
        ] == [
            (
                w["question"],
                w["operator"],
                w.get("answerCoding", {}).get("code", w.get("answerBoolean")),
            )
            for w in pregnant["enableWhen"]
        ]

    def test_a_yes_no_condition_counts_dont_know_as_not_known(self) -> None:
        """A condition on a yes/no question holds for yes, and for don't know (still open)."""
        pain = items()["pain_worse_than_expected"]

        assert {("hot_weather", "=", "Y"), ("hot_weather", "=", "asked-unknown")} <= {
            (w["question"], w["operator"], w.get("answerCoding", {}).get("code"))
            for w in pain["enableWhen"]
        }

    def test_a_condition_on_the_medication_list_leaves_the_question_shown(self) -> None:
        """enableWhen cannot test drug classes: such a question is always shown."""
        k = legcramps.KNOWLEDGE
        extra = RiskFactor(
            "dose_changed",
            "Did the dose change?",
            FactorKind.YES_NO,
            applies_when=(Condition("medications", one_of=("statin",)),),
        )
        mine = knowledge(factors=(*k.factors, extra))
        q = legcramps.fhir.questionnaire(mine)

        assert "enableWhen" not in items(q)["dose_changed"]
        validate(q)

    def test_custom_knowledge_and_base(self, cold_water: Knowledge) -> None:
        """A custom knowledge's form validates; a number without a known unit has no unit."""
        q = legcramps.fhir.questionnaire(cold_water, base_url="https://forms.example.com/fhir")
        water = items(q)["water_celsius"]

        assert "https://forms.example.com/fhir/Questionnaire/legcramps|cold-water" == (
            f"{q['url']}|{q['version']}"
        )
        assert ["minValue", "maxValue"] == [e["url"].rsplit("/", 1)[1] for e in water["extension"]]
        validate(q)

    def test_a_knowledge_without_screens_medications_or_yes_no(self) -> None:
        """A knowledge of numbers only has one group and no contained value set."""
        k = legcramps.KNOWLEDGE
        numbers = tuple(f for f in k.factors if f.kind is FactorKind.NUMBER)
        keep = {f.id for f in numbers}
        causes = tuple(
            attrs.evolve(c, signs=tuple(s for s in c.signs if s.when.factor in keep))
            for c in k.causes
        )
        flags = tuple(r for r in k.red_flags if all(c.factor in keep for c in r.conditions))
        mine = Knowledge(
            version="numbers", factors=numbers, causes=tuple(c for c in causes if c.signs),
            red_flags=flags, medications=k.medications, advice_rules=(),
        )  # fmt: skip
        q = legcramps.fhir.questionnaire(mine)

        assert "contained" not in q
        assert ["questions"] == [i["linkId"] for i in q["item"]]
        validate(q)

    def test_a_knowledge_of_screens_only_has_no_other_group(self) -> None:
        """When every question is a screen or a member, there is no group of other questions."""
        k = legcramps.KNOWLEDGE
        screen = k.factor("cramp_pattern")
        members = tuple(k.factor(m) for m in screen.members)
        keep = {screen.id, *screen.members}
        causes = tuple(
            attrs.evolve(c, signs=tuple(s for s in c.signs if s.when.factor in keep))
            for c in k.causes
        )
        flags = tuple(r for r in k.red_flags if all(c.factor in keep for c in r.conditions))
        mine = Knowledge(
            version="screens",
            factors=(screen, *members),
            causes=tuple(c for c in causes if c.signs),
            red_flags=flags,
            medications=k.medications,
            advice_rules=(),
        )
        q = legcramps.fhir.questionnaire(mine)

        assert ["cramp_pattern-group"] == [i["linkId"] for i in q["item"]]
        validate(q)

    @pytest.mark.parametrize(
        ("options", "match"),
        [
            ({"knowledge": "v1"}, "knowledge: received 'v1'"),
            ({"base_url": "legcramps.example.org"}, "base_url: received"),
        ],
    )
    def test_bad_options_are_refused(self, options: dict[str, Any], match: str) -> None:
        """A knowledge that is not one, or a base that is not a URL, is refused."""
        with pytest.raises(InvalidInput, match=match):
            legcramps.fhir.questionnaire(**options)

    def test_the_validators_can_fail(self) -> None:
        """The Questionnaire's rules are checked: a repeated linkId or a dangling enableWhen."""
        twice = copy.deepcopy(Q)
        twice["item"][-1]["item"].append(twice["item"][-1]["item"][0])
        dangling = copy.deepcopy(Q)
        items(dangling)["exercise_intensity"]["enableWhen"][0]["question"] = "nowhere"

        with pytest.raises(InvalidResource, match="que-2"):
            validate(twice)
        with pytest.raises(InvalidResource, match="enableWhen on a missing question nowhere"):
            validate(dangling)


class TestReading:
    @pytest.mark.parametrize(
        ("answered", "expected"),
        [
            (("hot_weather", [YES]), {"hot_weather": True}),
            (("hot_weather", [NO]), {"hot_weather": False}),
            (("hot_weather", [DONT_KNOW]), {}),
            (
                (
                    "hot_weather",
                    [{"valueCoding": {"system": YES_NO.replace("0136", "0532"), "code": "Y"}}],
                ),
                {"hot_weather": True},
            ),
            (("hot_weather", []), {}),
            (("fluid_litres", [{"valueDecimal": 1.5}]), {"fluid_litres": 1.5}),
            (("fluid_litres", [{"valueInteger": 2}]), {"fluid_litres": 2}),
            (
                (
                    "fluid_litres",
                    [{"valueQuantity": {"value": 1200, "system": UCUM, "code": "mL"}}],
                ),
                {"fluid_litres": 1.2},
            ),
            (
                ("fluid_litres", [{"valueQuantity": {"value": 750, "unit": "mL"}}]),
                {"fluid_litres": 0.75},
            ),
            (("fluid_litres", [{"valueQuantity": {"value": 2, "code": "L"}}]), {"fluid_litres": 2}),
            (("fluid_litres", [{"valueQuantity": {"value": 2}}]), {"fluid_litres": 2}),
            (
                ("cramp_minutes", [{"valueQuantity": {"value": 0.5, "code": "h"}}]),
                {"cramp_minutes": 30},
            ),
            (
                ("sitting_hours", [{"valueQuantity": {"value": 90, "code": "min"}}]),
                {"sitting_hours": 1.5},
            ),
            (("age_years", [{"valueQuantity": {"value": 54, "code": "a"}}]), {"age_years": 54}),
            (("sex", [{"valueCoding": {"system": CHOICE, "code": "female"}}]), {"sex": "female"}),
            (("sex", [{"valueCoding": {"code": "male"}}]), {"sex": "male"}),
            (
                (
                    "medications",
                    [
                        {"valueCoding": {"system": ATC, "code": "C10AA05"}},
                        {"valueString": "aspirin"},
                    ],
                ),
                {"medications": ("atorvastatin", "aspirin")},
            ),
            (
                ("medications", [{"valueCoding": {"system": CHOICE, "code": "none"}}]),
                {"medications": ()},
            ),
            (
                (
                    "medications",
                    [{"valueCoding": {"system": ATC, "code": "B01AC06", "display": "aspirin"}}],
                ),
                {"medications": ("aspirin",)},
            ),
            (
                ("medications", [{"valueCoding": {"system": ATC, "code": "B01AC06"}}]),
                {"medications": ("B01AC06",)},
            ),
            (
                (
                    "medications",
                    [{"valueCoding": {"system": RXNORM, "code": "4603", "display": "Lasix"}}],
                ),
                {"medications": ("Lasix",)},
            ),
        ],
    )
    def test_answers_are_read(
        self, answered: tuple[str, list[Any]], expected: dict[str, Any]
    ) -> None:
        """Each form of answer gives the answer assess() takes."""
        assert expected == legcramps.fhir.answers(response(answered))

    def test_nested_items_are_read(self) -> None:
        """A screen and its members, nested in their groups, are read."""
        r = legcramps.fhir.questionnaire_response({"leg_signs": True, "numbness": True})

        assert {"leg_signs": True, "numbness": True} == legcramps.fhir.answers(r)

    def test_an_answer_may_carry_an_id_and_extensions(self) -> None:
        """An answer's own id and extensions do not get in the way."""
        answer = {"id": "a1", "extension": [], **YES}

        assert {"hot_weather": True} == legcramps.fhir.answers(response(("hot_weather", [answer])))

    def test_every_readable_status_is_read(self) -> None:
        """in-progress, completed, amended and stopped responses are read."""
        for status in ("in-progress", "completed", "amended", "stopped"):
            r = response(("hot_weather", [YES]), status=status)
            assert {"hot_weather": True} == legcramps.fhir.answers(r)

    def test_a_question_without_answers_is_unknown(self) -> None:
        """A question item with no answer list is unknown, as one left out."""
        r = response()
        r["item"][0]["item"] = [{"linkId": "hot_weather"}]

        assert {} == legcramps.fhir.answers(r)

    def test_a_response_without_items_is_no_answers(self) -> None:
        """A response with no item at all has no answers: everything unknown."""
        r = {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": CANONICAL,
            "status": "completed",
        }

        assert {} == legcramps.fhir.answers(r)

    def test_a_hidden_question_reads_as_not_applicable(self) -> None:
        """After 0 minutes of exercise the form hides the intensity: it is not asked for."""
        a = legcramps.assess(
            legcramps.fhir.answers(response(("exercise_minutes", [{"valueDecimal": 0}])))
        )

        assert "exercise_intensity" not in [q.id for q in a.next_questions]

    def test_members_hidden_by_a_no_read_as_no(self) -> None:
        """Every screen answered no, and the signs they hide, give a result without warning."""
        calm = {**NOTHING_RAISED, **NO_RED_FLAGS, "clot_risks": False}
        r = legcramps.fhir.questionnaire_response(calm)
        a = legcramps.assess(legcramps.fhir.answers(r))

        assert "members" not in str(r)
        assert legcramps.assess(calm).urgency == a.urgency
        assert legcramps.Urgency.UNDETERMINED != a.urgency

    def test_a_mapping_of_another_kind_is_read(self) -> None:
        """A Mapping that is not a dict is read like one."""
        from types import MappingProxyType

        assert {} == legcramps.fhir.answers(
            MappingProxyType(
                {
                    "resourceType": "QuestionnaireResponse",
                    "questionnaire": CANONICAL,
                    "status": "completed",
                }
            )
        )

    def test_custom_knowledge_and_base(self, cold_water: Knowledge) -> None:
        """A response to a custom knowledge's form, under its base, is read with both."""
        base = "https://forms.example.com/fhir"
        r = legcramps.fhir.questionnaire_response({"water_celsius": 4}, cold_water, base_url=base)

        assert {"water_celsius": 4} == legcramps.fhir.answers(r, cold_water, base_url=base)
        with pytest.raises(
            InvalidInput, match=r"code: received 'Cel'.*convertible to the question's unit"
        ):
            legcramps.fhir.answers(
                response(("water_celsius", [{"valueQuantity": {"value": 4, "code": "Cel"}}]),
                         questionnaire=f"{base}/Questionnaire/legcramps|cold-water"),
                cold_water, base_url=base,
            )  # fmt: skip


class TestRefusals:
    @pytest.mark.parametrize(
        ("changes", "match"),
        [
            ({"resourceType": "Questionnaire"}, "resourceType: received 'Questionnaire'"),
            ({"status": "entered-in-error"}, "status: received 'entered-in-error'.*void"),
            ({"status": "done"}, "status: received 'done'"),
            ({"status": None}, "status: received None"),
            ({"questionnaire": None}, "questionnaire: received None"),
            ({"questionnaire": Q["url"] + "|1999.1.1"}, "another version of the form"),
            (
                {"questionnaire": "https://example.org/Questionnaire/phq9|1"},
                "questionnaire: received",
            ),
            ({"item": {"linkId": "x"}}, r"^1 problem.*\n- item: received \{'linkId': 'x'\}"),
            ({"item": [5]}, r"item\[0\]: received 5 \(int\); expected a JSON object"),
            ({"item": [Unreadable(linkId="x")]}, r"item\[0\]: .*whose items can be read"),
        ],
    )
    def test_bad_responses_are_refused(self, changes: dict[str, Any], match: str) -> None:
        """A response that is not to this form, void, or malformed is refused, naming the part."""
        with pytest.raises(InvalidInput, match=match):
            legcramps.fhir.answers({**response(("hot_weather", [YES])), **changes})

    @pytest.mark.parametrize(
        ("answered", "match"),
        [
            (("thirst", [YES]), r"item\[0\]\.item\[0\]\.linkId: received 'thirst'"),
            ((5, [YES]), r"linkId: received 5"),
            (("hot_weather", YES), r"answer: received .*; expected a list of answers"),
            (("hot_weather", [YES, NO]), "2 answers; expected one answer"),
            (
                ("hot_weather", [{"valueBoolean": True}]),
                "valueBoolean: received True.*yesnodontknow",
            ),
            (("hot_weather", [{"valueCoding": {"code": "Y"}}]), "valueCoding: received"),
            (
                ("hot_weather", [{**YES, **NO, "valueString": "y"}]),
                r"answer\[0\]: received .*one value\[x\]",
            ),
            (("hot_weather", [{**YES, "item": []}]), r"answer\[0\]: received .*no nested items"),
            (("hot_weather", ["Y"]), r"answer\[0\]: received 'Y'"),
            (("fluid_litres", [{"valueDecimal": 25}]), r"valueDecimal: received 25.*out of range"),
            (("fluid_litres", [{"valueDecimal": True}]), "valueDecimal: received True"),
            (("fluid_litres", [{"valueDecimal": float("nan")}]), "valueDecimal: received nan"),
            (("fluid_litres", [{"valueDecimal": float("inf")}]), "valueDecimal: received inf"),
            (("fluid_litres", [{"valueDecimal": "1.5"}]), "valueDecimal: received '1.5'"),
            (("fluid_litres", [{"valueInteger": 1.5}]), "valueInteger: received 1.5"),
            (
                ("fluid_litres", [{"valueString": "1.5"}]),
                "valueString: received '1.5'.*valueDecimal",
            ),
            (("fluid_litres", [{"valueQuantity": {"value": 30000, "code": "mL"}}]), "out of range"),
            (
                ("fluid_litres", [{"valueQuantity": {"value": 2, "code": "min"}}]),
                "code: received 'min'",
            ),
            (
                ("fluid_litres", [{"valueQuantity": {"value": 2, "code": "[gal_us]"}}]),
                r"code: received '\[gal_us\]'",
            ),
            (
                (
                    "fluid_litres",
                    [{"valueQuantity": {"value": 2, "system": "urn:x", "code": "mL"}}],
                ),
                "code: received 'mL'",
            ),
            (
                ("fluid_litres", [{"valueQuantity": {"value": "2", "code": "L"}}]),
                r"valueQuantity\.value: received '2'",
            ),
            (("fluid_litres", [{"valueQuantity": 2}]), "valueQuantity: received 2"),
            (
                ("sex", [{"valueCoding": {"system": CHOICE, "code": "other"}}]),
                "valueCoding: received .*'female', 'male'",
            ),
            (
                ("sex", [{"valueCoding": {"system": "urn:x", "code": "male"}}]),
                "valueCoding: received",
            ),
            (("sex", [{"valueString": "male"}]), "valueString: received 'male'"),
            (("medications", [{"valueString": " "}]), "valueString: received ' '"),
            (
                ("medications", [{"valueCoding": {"system": "urn:x", "code": "1"}}]),
                "valueCoding: received",
            ),
            (("medications", [{"valueInteger": 1}]), "valueInteger: received 1"),
            (
                (
                    "medications",
                    [{"valueCoding": {"system": CHOICE, "code": "none"}}, {"valueString": "Lasix"}],
                ),
                "either medication names or 'none', not both",
            ),
        ],
    )
    def test_bad_answers_are_refused(self, answered: tuple[Any, Any], match: str) -> None:
        """Each bad item or answer is refused, with its path in the response."""
        with pytest.raises(InvalidInput, match=match):
            legcramps.fhir.answers(response(answered))

    def test_an_item_given_twice_is_refused(self) -> None:
        """The same question twice is refused: which answer holds cannot be known."""
        with pytest.raises(InvalidInput, match=r"item\[0\]\.item\[1\]\.linkId: .*each item once"):
            legcramps.fhir.answers(response(("hot_weather", [YES]), ("hot_weather", [NO])))

    def test_a_group_with_answers_and_a_question_with_items_are_refused(self) -> None:
        """A group does not take answers, and a question does not hold items."""
        r = response(("hot_weather", [YES]))
        r["item"][0]["answer"] = [YES]
        r["item"][0]["item"][0]["item"] = [{"linkId": "x"}]

        with pytest.raises(InvalidInput) as info:
            legcramps.fhir.answers(r)

        assert ["item[0].answer", "item[0].item[0].item"] == [p.input for p in info.value.problems]

    def test_nested_items_that_are_not_a_list_are_refused(self) -> None:
        """A group's items must be a list."""
        r = response()
        r["item"][0]["item"] = "hot_weather"

        with pytest.raises(InvalidInput, match=r"item\[0\]\.item: received 'hot_weather'"):
            legcramps.fhir.answers(r)

    def test_a_response_that_is_not_an_object_is_refused(self) -> None:
        """A list, a string or None is not a response."""
        with pytest.raises(InvalidInput, match="questionnaire_response: received"):
            legcramps.fhir.answers([])

    @pytest.mark.parametrize(
        ("options", "match"),
        [
            ({"knowledge": 5}, "knowledge: received 5"),
            ({"base_url": "x"}, "base_url: received 'x'"),
        ],
    )
    def test_bad_options_are_refused(self, options: dict[str, Any], match: str) -> None:
        """A knowledge or base URL that is not one is refused."""
        with pytest.raises(InvalidInput, match=match):
            legcramps.fhir.answers(response(), **options)

    def test_every_problem_at_once(self) -> None:
        """All problems of a response are reported together, in the order found."""
        r = response(("thirst", [YES]), ("fluid_litres", [{"valueDecimal": -1}]), status="stopped")
        r["questionnaire"] = None

        with pytest.raises(InvalidInput) as info:
            legcramps.fhir.answers(r)

        assert [
            "questionnaire",
            "item[0].item[0].linkId",
            "item[0].item[1].answer[0].valueDecimal",
        ] == [p.input for p in info.value.problems]


class TestWriting:
    @given(valid_answers())
    def test_round_trip(self, given_answers: dict[str, Any]) -> None:
        """Answers to a response and back give the same assessment, and a valid response."""
        fixed = consistent(given_answers)
        r = legcramps.fhir.questionnaire_response(fixed, subject="Patient/1", authored="2026-12-01")
        back = legcramps.fhir.answers(r)

        assert without_answers(legcramps.assess(fixed)) == without_answers(legcramps.assess(back))
        validate(r, Q)

    def test_answers_the_form_shows_come_back_the_same(self) -> None:
        """Answers that the form shows all of come back exactly."""
        given_answers = {
            "emergency_signs": True,
            "dark_urine": False,
            "exercise_minutes": 45,
            "exercise_intensity": "vigorous",
            "medications": ["atorvastatin", "Lasix 40 mg"],
            "sex": "female",
            "pregnant_or_postpartum": False,
        }
        r = legcramps.fhir.questionnaire_response(given_answers)

        assert legcramps.KNOWLEDGE.validate(given_answers) == legcramps.fhir.answers(r)
        validate(r, Q)

    def test_a_known_generic_name_is_coded_and_other_names_are_text(self) -> None:
        """A generic name the form offers is an ATC coding; any other name is a string."""
        r = legcramps.fhir.questionnaire_response({"medications": ["furosemide", "Lasix 40 mg"]})
        meds = items_of(r["item"])[-1]["answer"]

        assert [{"valueCoding": {"system": ATC, "code": "C03CA01", "display": "furosemide"}},
                {"valueString": "Lasix 40 mg"}] == meds  # fmt: skip

    def test_no_medications_is_the_none_option(self) -> None:
        """An empty medication list is the 'none' option, and reads back as empty."""
        r = legcramps.fhir.questionnaire_response({"medications": []})

        assert {"medications": ()} == legcramps.fhir.answers(r)

    def test_what_the_form_hides_is_left_out(self) -> None:
        """A sign 'no' under a screen 'no', and an answer that does not apply, are left out."""
        r = legcramps.fhir.questionnaire_response(
            {
                "leg_signs": False,
                "numbness": False,
                "exercise_minutes": 0,
                "exercise_intensity": "light",
            }
        )

        assert {"leg_signs": False, "exercise_minutes": 0} == legcramps.fhir.answers(r)

    def test_a_question_whose_conditions_are_known_not_to_hold_is_left_out(self) -> None:
        """Pain worse than expected, after no exercise for days, no heat and no injury, does not
        apply."""
        given_answers = {
            "exercise_minutes": 0, "recovery_hours": 200, "hot_weather": False,
            "recent_leg_injury": False, "pain_worse_than_expected": False,
        }  # fmt: skip
        r = legcramps.fhir.questionnaire_response(given_answers)

        assert "pain_worse_than_expected" not in legcramps.fhir.answers(r)

    @pytest.mark.parametrize(
        ("condition", "shown", "hidden"),
        [
            (Condition("sitting_hours", at_least=2), 2, 1),
            (Condition("sitting_hours", below=2), 1, 2),
        ],
    )
    def test_number_conditions_show_and_hide(
        self, condition: Condition, shown: float, hidden: float
    ) -> None:
        """A question that applies from or below a number is in the response only then."""
        k = legcramps.KNOWLEDGE
        extra = RiskFactor(
            "sat_still", "Did you sit still?", FactorKind.YES_NO, applies_when=(condition,)
        )
        mine = knowledge(factors=(*k.factors, extra))
        q = legcramps.fhir.questionnaire(mine, base_url=legcramps.fhir.DEFAULT_BASE_URL)
        q_answers = {"sat_still": True}

        for hours, expected in ((shown, True), (hidden, False)):
            r = legcramps.fhir.questionnaire_response({**q_answers, "sitting_hours": hours}, mine)
            validate(r, q)
            assert expected == ("sat_still" in legcramps.fhir.answers(r, mine))

    def test_header(self) -> None:
        """Subject, authored, status and id are as given; the questionnaire is this form."""
        r = legcramps.fhir.questionnaire_response(
            {}, subject={"reference": "Patient/1"}, authored="2026-12-01T10:00:00Z",
            status="in-progress", resource_id="qr-1",
        )  # fmt: skip

        assert {
            "resourceType": "QuestionnaireResponse",
            "id": "qr-1",
            "questionnaire": CANONICAL,
            "status": "in-progress",
            "subject": {"reference": "Patient/1"},
            "authored": "2026-12-01T10:00:00Z",
        } == r
        validate(r, Q)

    def test_a_sign_yes_under_a_screen_no_is_refused(self) -> None:
        """A 'yes' the form would hide is refused, never dropped."""
        with pytest.raises(InvalidInput, match="numbness: received True with leg_signs False"):
            legcramps.fhir.questionnaire_response({"leg_signs": False, "numbness": True})

    def test_every_problem_at_once(self) -> None:
        """Bad answers and bad options are reported together."""
        with pytest.raises(InvalidInput) as info:
            legcramps.fhir.questionnaire_response(
                {"fluid_litres": -1}, subject="Practitioner/1", authored="yesterday",
                status="done", resource_id="no id", base_url="x", knowledge=1,  # type: ignore[arg-type]
            )  # fmt: skip

        assert [
            "knowledge",
            "base_url",
            "subject",
            "authored",
            "status",
            "resource_id",
            "fluid_litres",
        ] == [p.input for p in info.value.problems]

    def test_the_response_checker_can_fail(self) -> None:
        """The response checks refuse an answer to a hidden item and two answers to one."""
        hidden = legcramps.fhir.questionnaire_response({"exercise_minutes": 0})
        hidden["item"][0]["item"].append({"linkId": "exercise_intensity", "answer": [
            {"valueCoding": {"system": CHOICE, "code": "light"}}]})  # fmt: skip
        twice = legcramps.fhir.questionnaire_response({"hot_weather": True})
        twice["item"][0]["item"][0]["answer"] *= 2

        with pytest.raises(InvalidResource, match="exercise_intensity is answered but not enabled"):
            validate(hidden, Q)
        with pytest.raises(InvalidResource, match="hot_weather has several answers"):
            validate(twice, Q)
