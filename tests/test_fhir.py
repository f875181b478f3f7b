"""legcramps.fhir.risk_assessment(): a coded FHIR R4 RiskAssessment, checked by three validators."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import legcramps
import legcramps.fhir
from fhir_validators import InvalidResource, by_fhir_resources, by_hl7_schema, invariants, validate
from helpers import NO_RED_FLAGS, NOTHING_RAISED, Unreadable, knowledge
from legcramps import Assessment, InvalidInput, Level
from strategies import assessments, sample_answers

RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability"
SNOMED = "http://snomed.info/sct"
BASE = legcramps.fhir.DEFAULT_BASE_URL
WHEN = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.timezone.utc)

EMPTY: dict[str, Any] = {}
TYPICAL = {
    "exercise_minutes": 120,
    "exercise_intensity": "vigorous",
    "unaccustomed_exercise": False,
    "medications": ["Lasix 40 mg"],
    "fluid_litres": 2.5,
    "overtired": False,
    "sitting_hours": 1,
}
RED_FLAG = {"chest_pain_or_breathlessness": True, "leg_swelling": True, "sitting_hours": 9}
SELF_CARE = {**NOTHING_RAISED, **NO_RED_FLAGS}


def fhir(answers: dict[str, Any], **options: Any) -> dict[str, Any]:
    options.setdefault("subject", "Patient/123")
    return legcramps.fhir.risk_assessment(legcramps.assess(answers), **options)


def refused(resource: dict[str, Any]) -> str:
    """Return why the validators refuse *resource* ('' if they accept it)."""
    try:
        validate(resource)
    except InvalidResource as e:
        return str(e)
    return ""


def codes(concept: dict[str, Any]) -> list[tuple[str, str]]:
    return [(c["system"], c["code"]) for c in concept["coding"]]


class TestValidR4:
    @pytest.mark.parametrize(
        "answers", [EMPTY, TYPICAL, RED_FLAG, SELF_CARE], ids=["empty", "typical", "red", "calm"]
    )
    def test_validates(self, answers: dict[str, Any]) -> None:
        """The resource passes fhirclient, fhir.resources R4B, HL7's schema and the invariants."""
        resource = fhir(
            answers,
            occurrence=WHEN,
            resource_id="a-1",
            basis="QuestionnaireResponse/qr-1",
            identifier={"system": "urn:ietf:rfc:3986", "value": "urn:uuid:1"},
        )

        assert "" == refused(resource)

    def test_sixty_varied_assessments_validate(self) -> None:
        """Sixty assessments of varied answers, with every option in turn, all validate."""
        options: list[dict[str, Any]] = [
            {},
            {"occurrence": WHEN, "status": "preliminary"},
            {"occurrence": dt.date(2026, 2, 28), "status": "entered-in-error"},
            {"occurrence": "2026-11", "basis": ["QuestionnaireResponse/1", "Observation/2"]},
            {"subject": {"reference": "Group/g1", "type": "Group", "display": "Ward 7"}},
            {"subject": {"identifier": {"system": "urn:oid:1.2.3", "value": "42"}}},
            {"base_url": "https://fhir.example.com/clinic", "status": "unknown"},
            {"subject": "https://fhir.example.com/Patient/9/_history/2", "resource_id": "x.1"},
        ]
        failures = []
        for n, answers in enumerate(sample_answers(60, seed=14)):
            resource = fhir(answers, **options[n % len(options)])
            why = refused(resource)
            if why:
                failures.append(why)

        assert [] == failures

    @given(
        assessments(),
        st.one_of(
            st.from_regex(r"(Patient|Group)/[A-Za-z0-9\-.]{1,64}", fullmatch=True),
            st.uuids().map(lambda u: f"urn:uuid:{u}"),
            st.fixed_dictionaries(
                {"identifier": st.fixed_dictionaries({"value": st.text(min_size=1)})},
                optional={"display": st.text(min_size=1), "type": st.just("Patient")},
            ),
        ),
        st.one_of(
            st.none(),
            st.dates(),
            st.datetimes(
                timezones=st.builds(
                    dt.timezone, st.timedeltas(dt.timedelta(hours=-15), dt.timedelta(hours=15))
                )
            ),
        ),
    )
    def test_any_subject_and_time_validate_or_are_refused(
        self, a: Assessment, subject: object, when: object
    ) -> None:
        """Any assessment, subject and time give a valid resource or InvalidInput: never bad."""
        try:
            resource = legcramps.fhir.risk_assessment(a, subject=subject, occurrence=when)
        except InvalidInput:
            return

        assert "" == refused(resource)

    def test_the_validators_can_fail(self) -> None:
        """Each validator refuses what it checks: HL7's schema, the models, the invariants."""
        resource = fhir(TYPICAL)
        bad_string = dict(resource, subject={"reference": "Patient/1", "display": "\ufeff"})
        bad_date = dict(resource, occurrenceDateTime="2026-02-31")
        bad_target = dict(resource, subject={"reference": "Practitioner/7"})
        bad_narrative = dict(resource, text={"status": "generated", "div": "<div>x</div>"})

        assert by_hl7_schema(bad_string)
        with pytest.raises(ValueError, match="occurrenceDateTime"):
            by_fhir_resources(bad_date)
        assert ["subject 'Practitioner/7' is not a Patient or a Group"] == invariants(bad_target)
        assert invariants(bad_narrative)[0].startswith("txt: the narrative's root is div")
        assert refused(dict(resource, status="done")).startswith("invariants: status 'done'")
        assert "dom-3" in refused(dict(resource, performer={"reference": "Device/1"}))


class TestCoding:
    def test_one_method_coding_versioned_with_the_knowledge(self) -> None:
        """The method is one coding in the method code system, its version the knowledge's."""
        method = fhir(TYPICAL)["method"]["coding"]

        assert [(f"{BASE}/CodeSystem/method", "legcramps")] == [
            (c["system"], c["code"]) for c in method
        ]
        assert legcramps.KNOWLEDGE_VERSION == method[0]["version"]

    def test_code_is_snomed_risk_assessment(self) -> None:
        """code is SNOMED CT 225338004 'Risk assessment'."""
        assert [(SNOMED, "225338004")] == codes(fhir(EMPTY)["code"])

    def test_performer_is_the_contained_device(self) -> None:
        """performer points at a contained Device that gives the library and knowledge versions."""
        r = fhir(EMPTY)
        device = r["contained"][0]

        assert "#legcramps" == r["performer"]["reference"]
        assert ("Device", "legcramps") == (device["resourceType"], device["id"])
        assert [legcramps.__version__, legcramps.KNOWLEDGE_VERSION] == [
            v["value"] for v in device["version"]
        ]

    def test_causes_carry_snomed_where_a_concept_fits(self) -> None:
        """Dehydration, fatigue and medication carry SNOMED CT; overuse and posture do not."""
        a = legcramps.assess({**NOTHING_RAISED, "medications": ["Lasix"]})
        r = legcramps.fhir.risk_assessment(a, subject="Patient/1")
        snomed = {
            p["outcome"]["coding"][0]["code"]: [c["code"] for c in p["outcome"]["coding"][1:]]
            for p in r["prediction"]
        }

        assert {
            "dehydration": ["34095006"],
            "fatigue": ["84229001"],
            "medication": ["62014003"],
            "overuse": [],
            "posture": [],
        } == snomed

    def test_red_flags_are_predictions_first_with_snomed(self) -> None:
        """Each raised red flag is a prediction, most urgent first, before the causes."""
        r = fhir(RED_FLAG)
        flags = [p["outcome"]["coding"] for p in r["prediction"][:2]]

        assert [
            [(f"{BASE}/CodeSystem/red-flag", "pulmonary_embolism"), (SNOMED, "59282003")],
            [(f"{BASE}/CodeSystem/red-flag", "deep_vein_thrombosis"), (SNOMED, "404223003")],
        ] == [[(c["system"], c["code"]) for c in f] for f in flags]
        assert "qualitativeRisk" not in r["prediction"][0]
        assert r["prediction"][0]["rationale"].startswith(
            "Warning sign (emergency): Chest pain or breathlessness."
        )

    def test_a_causes_codes_come_from_the_knowledge(self) -> None:
        """The codes of a cause are the knowledge's: a custom one sends its own."""
        k = legcramps.KNOWLEDGE
        posture = k.cause("posture")
        code = legcramps.Code("http://snomed.info/sct", "1234567", "Example concept")
        mine = k.replace_cause(attrs.evolve(posture, codes=(code,)), version="coded")

        r = legcramps.fhir.risk_assessment(mine.assess(sitting_hours=8), subject="Patient/1")

        [prediction] = [
            p for p in r["prediction"] if p["outcome"]["coding"][0]["code"] == "posture"
        ]
        assert {"system": code.system, "code": code.code, "display": code.display} in (
            prediction["outcome"]["coding"]
        )

    def test_the_built_in_causes_carry_snomed_codes(self) -> None:
        """Dehydration is sent with its SNOMED CT concept, 34095006."""
        a = legcramps.assess(fluid_litres=0.5)
        r = legcramps.fhir.risk_assessment(a, subject="Patient/1")

        codings = [c for p in r["prediction"] for c in p["outcome"]["coding"]]
        assert {
            "system": "http://snomed.info/sct",
            "code": "34095006",
            "display": "Dehydration",
        } in codings

    def test_level_mapping(self) -> None:
        """likely -> high, possible -> moderate, unlikely with its questions answered -> low."""
        a = legcramps.assess({**TYPICAL, "recovery_hours": 72})
        r = legcramps.fhir.risk_assessment(a, subject="Patient/123")
        pairs = {
            (f.level.value, p["qualitativeRisk"]["coding"][1]["code"])
            for f, p in zip(a.findings, r["prediction"], strict=False)
        }

        assert {("likely", "high"), ("possible", "moderate"), ("unlikely", "low")} == pairs

    def test_unlikely_with_most_questions_open_is_not_a_low(self) -> None:
        """An unlikely cause with most of its questions unanswered has no risk-probability code."""
        a = legcramps.assess(overtired=False)
        fatigue = a.finding("fatigue")
        r = legcramps.fhir.risk_assessment(a, subject="Patient/1")
        risk = next(p for p in r["prediction"] if p["outcome"]["coding"][0]["code"] == "fatigue")

        assert (Level.UNLIKELY, 2) == (fatigue.level, len(fatigue.unanswered))
        assert [(f"{BASE}/CodeSystem/level", "unlikely-so-far")] == codes(risk["qualitativeRisk"])
        assert RISK_PROBABILITY not in json.dumps(risk)
        assert "not a low likelihood" in risk["qualitativeRisk"]["text"]

    def test_unlikely_with_half_its_questions_answered_is_low(self) -> None:
        """With as many of its questions answered as open, an unlikely cause is low."""
        a = legcramps.assess(sitting_hours=1)
        r = legcramps.fhir.risk_assessment(a, subject="Patient/1")
        risk = next(p for p in r["prediction"] if p["outcome"]["coding"][0]["code"] == "posture")

        assert (RISK_PROBABILITY, "low") in codes(risk["qualitativeRisk"])

    def test_a_base_url_moves_every_code_system(self) -> None:
        """Every legcramps system starts with the base URL given."""
        base = "https://fhir.example.com/clinic"
        text = json.dumps(fhir(RED_FLAG, base_url=base))

        assert BASE not in text
        assert f'"{base}/CodeSystem/red-flag"' in text

    def test_atc_system_is_the_who_uri(self) -> None:
        """The ATC system URI is WHO's, as HL7 names it."""
        assert "http://www.whocc.no/atc" == legcramps.fhir.ATC


class TestContent:
    def test_header(self) -> None:
        """Type, status, subject, time, basis and identifier, as given."""
        r = fhir(
            TYPICAL,
            occurrence=WHEN,
            basis="QuestionnaireResponse/7",
            identifier={"system": "urn:ietf:rfc:3986", "value": "urn:uuid:7"},
        )

        assert ("RiskAssessment", "final") == (r["resourceType"], r["status"])
        assert {"reference": "Patient/123"} == r["subject"]
        assert "2026-11-25T09:30:00+00:00" == r["occurrenceDateTime"]
        assert [{"reference": "QuestionnaireResponse/7"}] == r["basis"]
        assert [{"system": "urn:ietf:rfc:3986", "value": "urn:uuid:7"}] == r["identifier"]

    def test_one_prediction_per_assessed_cause(self) -> None:
        """Each cause that is not unknown is a prediction, in the findings' order."""
        a = legcramps.assess(TYPICAL)
        r = legcramps.fhir.risk_assessment(a, subject="Patient/123")

        assert [f.cause.id for f in a.findings if f.level is not Level.UNKNOWN] == [
            p["outcome"]["coding"][0]["code"] for p in r["prediction"]
        ]

    def test_rationale_from_the_evidence(self) -> None:
        """The rationale gives each evidence reason and the unanswered inputs."""
        by_cause = {
            p["outcome"]["coding"][0]["code"]: p["rationale"] for p in fhir(TYPICAL)["prediction"]
        }

        assert (
            "A long exercise session (60 minutes or more). "
            "A very long exercise session (90 minutes or more). Vigorous exercise."
        ) == by_cause["overuse"]
        assert (
            "No answer so far points at this cause. Not yet answered: recovery_hours, poor_diet."
        ) == by_cause["fatigue"]

    def test_mitigation_is_the_advice(self) -> None:
        """mitigation holds the advice, one item a line."""
        a = legcramps.assess(TYPICAL)

        assert (
            list(a.advice)
            == legcramps.fhir.risk_assessment(a, subject="Patient/1")["mitigation"].splitlines()
        )

    def test_empty_assessment_has_no_prediction(self) -> None:
        """With nothing answered, no cause is a prediction; a note says they are not assessed."""
        r = fhir(EMPTY)

        assert "prediction" not in r
        assert [
            (
                "Urgency: undetermined. Not enough is known yet; this is not a self-care result."
                " A question still open could raise it to emergency."
            ),
            (
                "Not assessed, because no question about them was answered (not a prediction): "
                "Exercise overuse, Fatigue and incomplete recovery, Medication side effects, "
                "Prolonged sitting or standing, Dehydration."
            ),
            legcramps.KNOWLEDGE.disclaimer,
        ] == [n["text"] for n in r["note"]]

    def test_red_flag_advice_leads_the_mitigation(self) -> None:
        """The most urgent red flag's advice is the first line of the mitigation."""
        assert (
            "Call your local emergency number now." == fhir(RED_FLAG)["mitigation"].splitlines()[0]
        )

    def test_narrative_leads_with_the_urgency(self) -> None:
        """The narrative's first line is the urgency's headline, then the warning signs."""
        div = fhir(RED_FLAG)["text"]["div"]

        assert div.startswith(
            '<div xmlns="http://www.w3.org/1999/xhtml"><p><b>EMERGENCY: get emergency help now.'
            "</b></p><p>Warning signs:</p><ul><li>Chest pain or breathlessness (emergency)</li>"
        )

    def test_no_mitigation_without_advice(self) -> None:
        """An assessment without advice has no mitigation (FHIR forbids an empty string)."""
        a = attrs.evolve(legcramps.assess(dark_urine=True), advice=())
        r = legcramps.fhir.risk_assessment(a, subject="Patient/1")

        assert "mitigation" not in r
        assert "" == refused(r)

    def test_texts_unfit_for_fhir_are_cleaned(self) -> None:
        """A custom knowledge's names with a BOM or a NUL give valid text, display or none."""
        overuse = legcramps.KNOWLEDGE.cause("overuse")
        sign = attrs.evolve(overuse.signs[0], reason="\ufeff")
        k = knowledge(
            causes=(
                attrs.evolve(overuse, name="\ufeff", signs=(sign, *overuse.signs[1:])),
                *legcramps.KNOWLEDGE.causes[1:],
            ),
            disclaimer="Not\x00advice.",
        )
        a = k.assess(exercise_minutes=120, exercise_intensity="vigorous")
        r = legcramps.fhir.risk_assessment(a, subject="Patient/1")

        assert "" == refused(r)
        assert "display" not in r["prediction"][0]["outcome"]["coding"][0]
        assert "overuse" == r["prediction"][0]["outcome"]["text"]
        assert "Not advice." == r["note"][-1]["text"]

    def test_a_flag_and_disclaimer_with_nothing_fit_are_left_out(self) -> None:
        """A red flag whose name and time frame clean to nothing, and such a disclaimer: valid."""
        flag = attrs.evolve(
            legcramps.KNOWLEDGE.red_flag("pulmonary_embolism"), name="\ufeff", time_frame="\ufeff"
        )
        k = knowledge(red_flags=(flag, *legcramps.KNOWLEDGE.red_flags[1:]), disclaimer="\ufeff")
        r = legcramps.fhir.risk_assessment(
            k.assess(chest_pain_or_breathlessness=True), subject="Patient/1"
        )
        outcome = r["prediction"][0]["outcome"]

        assert "" == refused(r)
        assert ("pulmonary_embolism", [None, "Pulmonary embolism"]) == (
            outcome["text"],
            [c.get("display") for c in outcome["coding"]],
        )
        assert "When:" not in r["prediction"][0]["rationale"]
        assert r["note"][-1]["text"].startswith("Not assessed")

    def test_narrative_escapes_the_knowledges_text(self) -> None:
        """A name with markup is escaped in the narrative, and the narrative stays valid."""
        overuse = legcramps.KNOWLEDGE.cause("overuse")
        k = knowledge(
            causes=(
                attrs.evolve(overuse, name="<b>Over & use</b>"),
                *legcramps.KNOWLEDGE.causes[1:],
            )
        )
        r = legcramps.fhir.risk_assessment(k.assess(exercise_minutes=120), subject="Patient/1")

        assert "&lt;b&gt;Over &amp; use&lt;/b&gt;" in r["text"]["div"]
        assert "" == refused(r)

    def test_every_status_is_accepted(self) -> None:
        """The whole ObservationStatus value set is accepted."""
        assert list(legcramps.fhir.STATUSES) == [
            fhir(EMPTY, status=s)["status"] for s in legcramps.fhir.STATUSES
        ]


class TestOptions:
    @pytest.mark.parametrize(
        ("occurrence", "expected"),
        [
            (dt.date(2026, 11, 25), "2026-11-25"),
            ("2026-11", "2026-11"),
            ("2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z"),
            ("2024-02-29", "2024-02-29"),
            (
                dt.datetime(2026, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=-14))),
                "2026-01-01T00:00:00-14:00",
            ),
            (dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc), "0001-01-01T00:00:00+00:00"),
        ],
    )
    def test_occurrence_forms(self, occurrence: object, expected: str) -> None:
        """A date, an aware datetime or a FHIR dateTime string gives occurrenceDateTime."""
        r = fhir(TYPICAL, occurrence=occurrence)

        assert expected == r["occurrenceDateTime"]
        assert "" == refused(r)

    @pytest.mark.parametrize(
        "subject",
        [
            "Patient/1",
            "Group/ward.7",
            "https://ehr.example.org/fhir/Patient/1",
            "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e",
            {"reference": "Patient/1", "type": "Patient"},
            {"reference": "Patient/1", "type": "http://hl7.org/fhir/StructureDefinition/Patient"},
            {"identifier": {"use": "official", "system": "urn:example:mrn", "value": "1"}},
            {"display": "A. N. Other"},
        ],
    )
    def test_subject_forms(self, subject: object) -> None:
        """A Patient or Group reference, an identifier or a display is used as given."""
        r = fhir(TYPICAL, subject=subject)

        assert subject == r["subject"]["reference"] if isinstance(subject, str) else r["subject"]
        assert "" == refused(r)

    @pytest.mark.parametrize(
        ("options", "match"),
        [
            ({"subject": ""}, "subject: received ''"),
            ({"subject": "Practitioner/7"}, "subject: received 'Practitioner/7'"),
            ({"subject": {"name": "x"}}, "subject: received {'name': 'x'}"),
            ({"subject": 123}, "subject: received 123"),
            ({"subject": {"reference": ""}}, "subject.reference: received ''"),
            ({"subject": {"reference": 5}}, r"subject.reference: received 5 \(int\)"),
            ({"subject": {"display": object()}}, "subject.display: received <object"),
            ({"subject": {"display": " x"}}, "subject.display: received ' x'"),
            ({"subject": {"display": "a\xa0b"}}, r"subject.display: received 'a\\xa0b'"),
            ({"subject": {"reference": "Patient/1", "type": "Pat ient"}}, "subject.type: received"),
            (
                {"subject": {"reference": "Patient/1", "type": "Group"}},
                "subject.reference: received",
            ),
            ({"subject": {"reference": "P/1", "type": "Practitioner"}}, "subject.type: received"),
            ({"subject": {"reference": "Patient/1", "type": 5}}, "subject.type: received 5"),
            ({"subject": {"identifier": "123"}}, "subject.identifier: received '123'"),
            ({"subject": {"identifier": {"value": 5}}}, r"subject.identifier.value: received 5"),
            ({"subject": {"identifier": {"value": "1", "x": 1}}}, "subject.identifier: received"),
            ({"subject": {"identifier": {"use": "usual"}}}, "a 'system' or a 'value' at least"),
            ({"subject": {"identifier": {"system": "no colon"}}}, "subject.identifier.system"),
            ({"subject": {"identifier": {"value": "1", "use": "main"}}}, "subject.identifier.use"),
            ({"subject": Unreadable(reference="P/1")}, "subject: received .*can be read"),
            ({"occurrence": dt.datetime(2026, 11, 25)}, "occurrence: received datetime"),  # noqa: DTZ001 - a naive datetime is the point
            ({"occurrence": "25/11/2026"}, "occurrence: received '25/11/2026'"),
            ({"occurrence": "2026-02-31"}, "occurrence: received '2026-02-31'"),
            ({"occurrence": "2026-11-25\n"}, "occurrence: received '2026-11-25\\\\n'"),
            (
                {
                    "occurrence": dt.datetime(
                        2026, 1, 1, tzinfo=dt.timezone(dt.timedelta(seconds=19815))
                    )
                },
                "convert it to UTC first",
            ),
            (
                {"occurrence": dt.datetime(2026, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=15)))},
                "offsets are whole minutes up to 14 hours",
            ),
            ({"status": "done"}, "status: received 'done'"),
            ({"resource_id": "no spaces"}, "resource_id: received 'no spaces'"),
            ({"basis": "not a reference"}, "basis: received 'not a reference'"),
            ({"basis": []}, r"basis: received \[\]"),
            ({"basis": ["Observation/1", 5]}, r"basis\[1\]: received 5"),
            ({"identifier": {"value": ""}}, "identifier.value: received ''"),
            ({"base_url": "https://x.example/fhir/"}, "base_url: received"),
            ({"base_url": "ftp://x.example"}, "base_url: received"),
            ({"base_url": "https://x.example/a b"}, "base_url: received"),
        ],
    )
    def test_bad_options_are_refused(self, options: dict[str, Any], match: str) -> None:
        """Each bad option raises InvalidInput naming it."""
        with pytest.raises(InvalidInput, match=match):
            fhir(TYPICAL, **options)

    def test_a_tzinfo_that_fails_is_a_problem(self) -> None:
        """A datetime whose tzinfo raises is refused, not let through or crashed on."""

        class Broken(dt.tzinfo):
            def utcoffset(self, _: object) -> dt.timedelta:
                raise RuntimeError

            def dst(self, _: object) -> dt.timedelta:
                raise RuntimeError

            def tzname(self, _: object) -> str:
                raise RuntimeError

        with pytest.raises(InvalidInput, match="occurrence: received"):
            fhir(TYPICAL, occurrence=dt.datetime(2026, 1, 1, tzinfo=Broken()))

    def test_only_an_assessment_is_converted(self) -> None:
        """Anything but an Assessment, such as its dict, is refused, naming the argument."""
        with pytest.raises(InvalidInput, match=r"assessment: received .*; expected a legcramps"):
            legcramps.fhir.risk_assessment(
                legcramps.assess().to_dict(),  # type: ignore[arg-type]
                subject="Patient/1",
            )

    def test_every_problem_at_once(self) -> None:
        """All bad options are reported together."""
        with pytest.raises(InvalidInput) as info:
            fhir(TYPICAL, subject=None, occurrence=1, status=None, base_url=1)

        assert ["subject", "occurrence", "status", "base_url"] == [
            p.input for p in info.value.problems
        ]


class TestVersion:
    def test_the_version_is_not_looked_up_per_call(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Once imported, neither the resource nor __version__ reads the package metadata."""
        from legcramps import _version

        expected = legcramps.__version__

        def no_lookup(name: str) -> str:
            raise AssertionError(name)

        monkeypatch.setattr(importlib.metadata, "version", no_lookup)
        monkeypatch.setattr(_version, "version", no_lookup)

        assert expected == legcramps.__version__
        assert f"legcramps {expected}" == fhir(EMPTY)["performer"]["display"]

    def test_a_source_tree_that_was_never_installed_is_unknown(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without the package metadata, the version is 'unknown'."""
        from legcramps import _version

        def not_installed(name: str) -> str:
            raise importlib.metadata.PackageNotFoundError(name)

        monkeypatch.setattr(_version, "version", not_installed)

        assert "unknown" == _version._installed_version()  # noqa: SLF001 - what the import runs


class TestOperationOutcome:
    def test_one_issue_per_problem(self) -> None:
        """Each problem is an error issue, its input the expression; the outcome validates."""
        with pytest.raises(InvalidInput) as info:
            legcramps.assess({"fluid_litres": -1, "hot_weather": "yes", "mapping key": 1})
        outcome = legcramps.fhir.operation_outcome(info.value)

        assert [["fluid_litres"], ["hot_weather"], None] == [
            i.get("expression") for i in outcome["issue"]
        ]
        assert "" == refused(outcome)

    def test_problems_beyond_the_cap_are_counted(self) -> None:
        """The problems beyond the first 20 are one more issue that counts them."""
        error = InvalidInput((legcramps.Problem("x", "1 (int)", "a string"),), more=5)

        assert (
            "and 5 more problems"
            == legcramps.fhir.operation_outcome(error)["issue"][-1]["diagnostics"]
        )

    def test_an_error_without_problems_still_has_an_issue(self) -> None:
        """An OperationOutcome needs an issue: an error without problems gets a general one."""
        outcome = legcramps.fhir.operation_outcome(InvalidInput(()))

        assert ["the input is not acceptable"] == [i["diagnostics"] for i in outcome["issue"]]
        assert "" == refused(outcome)
