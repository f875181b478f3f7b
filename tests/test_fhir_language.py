"""The FHIR views in another language: the RiskAssessment and the Questionnaire in Spanish."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

import legcramps
import legcramps.fhir
from fhir_validators import items_of, validate
from legcramps import InvalidInput, Level, Urgency
from strategies import answers as valid_answers
from strategies import sample_answers

ES = legcramps.catalog("es")
RED_FLAG = {"leg_swelling": True, "sitting_hours": 8}
MIXED = {"fluid_litres": 0.5, "hot_weather": True, "exercise_minutes": 120}


def consistent(answers: dict[str, Any]) -> dict[str, Any]:
    """Return *answers* with each screen answered "yes" when one of its signs is."""
    fixed = dict(answers)
    for f in legcramps.RISK_FACTORS:
        if fixed.get(f.id) is False and any(fixed.get(m) is True for m in f.members):
            fixed[f.id] = True
    return fixed


def fhir(answers: dict[str, Any], **options: Any) -> dict[str, Any]:
    options.setdefault("subject", "Patient/123")
    return legcramps.fhir.risk_assessment(legcramps.assess(answers), **options)


def codings(resource: dict[str, Any]) -> list[list[tuple[str, str]]]:
    """Every prediction's outcome and risk, as (system, code) pairs: the language-free part."""
    found = []
    for p in resource.get("prediction", []):
        concepts = [p["outcome"], p.get("qualitativeRisk", {"coding": []})]
        found.append([(c["system"], c["code"]) for x in concepts for c in x["coding"]])
    return found


class TestTheSpanishRiskAssessment:
    def test_sixty_varied_assessments_validate(self) -> None:
        """Sixty Spanish resources of varied answers and options all pass every validator."""
        options: list[dict[str, Any]] = [
            {},
            {"occurrence": "2026-11-25T10:00:00Z", "status": "preliminary"},
            {"basis": ["QuestionnaireResponse/1"], "resource_id": "es-1"},
            {"base_url": "https://fhir.example.com/clinic"},
        ]
        failures = []
        for n, answers in enumerate(sample_answers(60, seed=15)):
            resource = fhir(answers, language="es", **options[n % len(options)])
            try:
                validate(resource)
            except Exception as e:  # noqa: BLE001 - collect every refusal
                failures.append(str(e))

        assert [] == failures

    def test_the_resource_says_its_language(self) -> None:
        """A Spanish resource has language "es"."""
        assert "es" == fhir(MIXED, language="es")["language"]

    def test_the_default_leaves_language_out(self) -> None:
        """Without a language the resource is English and unmarked, as before."""
        assert "language" not in fhir(MIXED)

    def test_english_asked_for_is_marked_and_otherwise_the_same(self) -> None:
        """language="en" adds language "en" to the default resource, and changes nothing else."""
        marked = fhir(RED_FLAG, language="en")

        assert "en" == marked.pop("language")
        assert fhir(RED_FLAG) == marked

    def test_the_codes_are_the_same_in_every_language(self) -> None:
        """Systems and codes of every prediction are those of the English resource."""
        assert codings(fhir(RED_FLAG)) == codings(fhir(RED_FLAG, language="es"))

    def test_snomed_displays_stay_the_code_systems_own(self) -> None:
        """SNOMED CT and HL7 risk-probability displays are the English terms of those systems."""
        english, spanish = fhir(RED_FLAG), fhir(RED_FLAG, language="es")

        def external(r: dict[str, Any]) -> list[str]:
            found = [c["display"] for c in r["code"]["coding"]]
            for p in r["prediction"]:
                for concept in (p["outcome"], p.get("qualitativeRisk", {"coding": []})):
                    found += [
                        c["display"]
                        for c in concept["coding"]
                        if not c["system"].startswith(legcramps.fhir.DEFAULT_BASE_URL)
                    ]
            return found

        assert external(english) == external(spanish)

    def test_a_cause_is_named_in_spanish(self) -> None:
        """A cause's outcome text and its display in legcramps' code system are Spanish."""
        outcome = fhir(MIXED, language="es")["prediction"][0]["outcome"]

        assert ES.text("Dehydration") == outcome["text"]
        assert ES.text("Dehydration") == outcome["coding"][0]["display"]

    def test_a_level_display_is_spanish(self) -> None:
        """legcramps' own level code is displayed in Spanish."""
        risk = fhir(MIXED, language="es")["prediction"][0]["qualitativeRisk"]

        assert "Probable" == risk["coding"][0]["display"]

    def test_a_red_flag_rationale_is_spanish(self) -> None:
        """A red flag's rationale names its urgency and sign in Spanish, then why and advice."""
        prediction = fhir(RED_FLAG, language="es")["prediction"][0]
        flag = legcramps.assess(RED_FLAG).red_flags[0]

        assert prediction["rationale"].startswith(
            f"Señal de alarma (urgente): {ES.text(flag.name)}. {ES.text(flag.why)}"
        )

    def test_the_notes_are_spanish(self) -> None:
        """The urgency note and the disclaimer are the catalog's Spanish."""
        a = legcramps.assess(RED_FLAG)
        notes = [n["text"] for n in fhir(RED_FLAG, language="es")["note"]]

        assert notes[0].startswith("Urgencia: urgente.")
        assert ES.text(a.disclaimer) == notes[-1]

    def test_the_mitigation_is_the_spanish_advice(self) -> None:
        """The mitigation is the advice, each line in Spanish."""
        a = legcramps.assess(MIXED)

        assert "\n".join(map(ES.text, a.advice)) == fhir(MIXED, language="es")["mitigation"]

    def test_the_narrative_is_spanish(self) -> None:
        """The narrative leads with the Spanish headline and heads its lists in Spanish."""
        div = fhir(RED_FLAG, language="es")["text"]["div"]

        assert ES.text(Urgency.URGENT.headline) in div
        assert "<p>Señales de alarma:</p>" in div
        assert "<p>Causas:</p>" in div

    def test_no_english_of_the_library_is_left(self) -> None:
        """No text the library writes in English appears in a Spanish resource."""
        import json

        from legcramps import _texts

        dumped = json.dumps(fhir(RED_FLAG, language="es"), ensure_ascii=False)
        left = [
            t.partition("{")[0]
            for t in _texts.FHIR
            if len(t.partition("{")[0]) > 12 and t.partition("{")[0] in dumped
        ]

        assert [] == left

    def test_a_catalog_of_ones_own_is_used_and_escaped(self) -> None:
        """A Catalog given as the language is used, its tag marks the resource, and its
        texts are escaped in the narrative."""
        mine = legcramps.Catalog("fr", "Français", {"Causes:": "Causes <toutes> :"})
        resource = fhir(MIXED, language=mine)

        assert "fr" == resource["language"]
        assert "<p>Causes &lt;toutes&gt; :</p>" in resource["text"]["div"]

    def test_an_unknown_language_is_refused_with_the_other_problems(self) -> None:
        """An unknown language is a problem of its own, listed with every other one."""
        with pytest.raises(InvalidInput) as e:
            fhir(MIXED, language="xx", status="done")

        assert ["status", "language"] == [p.input for p in e.value.problems]

    def test_an_unknown_level_is_not_a_prediction_in_any_language(self) -> None:
        """A cause no answer speaks to is no prediction in Spanish either, but a note."""
        a = legcramps.assess({})
        resource = fhir({}, language="es")

        assert all(f.level is Level.UNKNOWN for f in a.findings)
        assert "prediction" not in resource
        assert resource["note"][1]["text"].startswith("Sin evaluar")


Q_EN = legcramps.fhir.questionnaire()
Q_ES = legcramps.fhir.questionnaire(language="es")


def link_ids(q: dict[str, Any]) -> list[str]:
    return [i["linkId"] for i in items_of(q["item"])]


class TestTheSpanishQuestionnaire:
    def test_it_validates(self) -> None:
        """The Spanish Questionnaire passes every validator and the que-* invariants."""
        validate(Q_ES)

    def test_it_says_its_language(self) -> None:
        """The Spanish Questionnaire has language "es"; the default has none."""
        assert ("es", None) == (Q_ES["language"], Q_EN.get("language"))

    def test_the_link_ids_are_the_same(self) -> None:
        """Link ids are ids: the same, in the same order, in every language."""
        assert link_ids(Q_EN) == link_ids(Q_ES)

    def test_the_questions_are_spanish(self) -> None:
        """Each question's text is the catalog's Spanish for the knowledge's question."""
        by_id = {i["linkId"]: i for i in items_of(Q_ES["item"])}
        wrong = [f.id for f in legcramps.RISK_FACTORS if by_id[f.id]["text"] != ES.text(f.question)]

        assert [] == wrong

    def test_the_choices_are_displayed_in_spanish(self) -> None:
        """A choice's display is Spanish, its code the knowledge's choice."""
        factor = next(f for f in legcramps.RISK_FACTORS if f.choices)
        item = next(i for i in items_of(Q_ES["item"]) if i["linkId"] == factor.id)
        shown = [
            (o["valueCoding"]["code"], o["valueCoding"]["display"]) for o in item["answerOption"]
        ]

        assert [(c, ES.text(c)) for c in factor.choices] == shown

    def test_yes_no_dont_know_are_spanish(self) -> None:
        """The yes/no value set's expansion shows Sí, No and No sé."""
        value_set = next(c for c in Q_ES["contained"] if c["id"] == "yesnodontknow")

        assert ["Sí", "No", "No sé"] == [c["display"] for c in value_set["expansion"]["contains"]]

    def test_the_title_is_spanish(self) -> None:
        """The title is the catalog's Spanish."""
        assert "Calambres fuertes en las piernas: causas y señales de alarma" == Q_ES["title"]

    @settings(max_examples=40, deadline=None)
    @given(valid_answers())
    def test_a_response_to_the_spanish_form_reads_back_the_same(
        self, answers: dict[str, Any]
    ) -> None:
        """A response fits the Spanish form and, with its displays, reads back the same."""
        fixed = consistent(answers)
        response = legcramps.fhir.questionnaire_response(fixed)
        expected = legcramps.fhir.answers(response)
        spanish = _with_spanish_displays(response)
        validate(spanish, Q_ES)

        assert expected == legcramps.fhir.answers(spanish)

    def test_an_unknown_language_is_refused(self) -> None:
        """The Questionnaire refuses a language it has no catalog for."""
        with pytest.raises(InvalidInput, match="language"):
            legcramps.fhir.questionnaire(language="xx")


def _with_spanish_displays(response: dict[str, Any]) -> dict[str, Any]:
    """Return *response* with each coded answer's display the Spanish form's, as a form app
    copies it from the option picked."""
    displays = {
        (c["valueCoding"]["system"], c["valueCoding"]["code"]): c["valueCoding"]["display"]
        for i in items_of(Q_ES["item"])
        for c in i.get("answerOption", [])
    }
    for value_set in Q_ES["contained"]:
        for c in value_set["expansion"]["contains"]:
            displays[(c["system"], c["code"])] = c["display"]
    for item in items_of(response.get("item", [])):
        for answer in item.get("answer", []):
            coding = answer.get("valueCoding")
            if coding is not None and (coding["system"], coding["code"]) in displays:
                coding["display"] = displays[(coding["system"], coding["code"])]
    return response


class TestOperationOutcome:
    def test_the_issues_are_spanish_and_the_outcome_says_so(self) -> None:
        """With language="es", each issue's details and diagnostics are Spanish; it validates."""
        with pytest.raises(InvalidInput) as info:
            legcramps.assess({"fluid_litres": -1, "hot_weather": "yes"})
        outcome = legcramps.fhir.operation_outcome(info.value, language="es")

        expected = [
            (
                "se esperaba un número de litros de 0 a 20, o None (desconocido)",
                (
                    "fluid_litres: se recibió -1 (int); se esperaba un número de litros de 0 a 20,"
                    " o None (desconocido)"
                ),
            ),
            (
                "se esperaba True, False o None (desconocido)",
                "hot_weather: se recibió 'yes' (str); se esperaba True, False o None (desconocido)",
            ),
        ]
        assert "es" == outcome["language"]
        assert expected == [(i["details"]["text"], i["diagnostics"]) for i in outcome["issue"]]
        validate(outcome)

    def test_the_count_of_more_problems_is_spanish(self) -> None:
        """The issue that counts the problems beyond the cap is Spanish too."""
        error = InvalidInput((legcramps.Problem("x", "1 (int)", "a string"),), more=5)

        outcome = legcramps.fhir.operation_outcome(error, language="es")

        assert "y 5 problemas más" == outcome["issue"][-1]["diagnostics"]

    def test_english_by_default_without_a_language(self) -> None:
        """Without *language*, the outcome is English and has no language, as before."""
        outcome = legcramps.fhir.operation_outcome(InvalidInput(()))

        assert "language" not in outcome
        assert ["the input is not acceptable"] == [i["diagnostics"] for i in outcome["issue"]]

    def test_an_unknown_language_is_refused(self) -> None:
        """A language legcramps has no texts in raises InvalidInput naming it."""
        with pytest.raises(InvalidInput) as info:
            legcramps.fhir.operation_outcome(InvalidInput(()), language="fr")

        assert ["language"] == [p.input for p in info.value.problems]
