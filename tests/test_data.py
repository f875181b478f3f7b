"""The built-in knowledge (``legcramps._data``): what it holds, and what it never says."""

from __future__ import annotations

import re

import legcramps

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
            for field in ("name", "summary", "mechanism", "evidence_note"):
                assert getattr(cause, field), f"{cause.id}.{field}"
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

    def test_every_question_is_a_question(self) -> None:
        """Every factor asks a plain-language question."""
        assert all(f.question.endswith(("?", ")")) for f in legcramps.RISK_FACTORS)

    def test_every_medication_has_a_class_and_an_atc_code(self) -> None:
        """Every recognised medication carries its class and a well-formed ATC code."""
        codes = [m.atc for m in legcramps.KNOWLEDGE.medications]

        assert all(re.fullmatch(r"[A-Z]\d\d[A-Z]{2}\d\d", c) for c in codes)
        assert len(set(codes)) == len(codes)

    def test_no_advice_tells_anyone_to_stop_a_medication_or_take_a_dose(self) -> None:
        """No advice in the knowledge says to stop a medicine or names a dose or drug to take."""
        k = legcramps.KNOWLEDGE
        texts = [a for c in k.causes for a in c.advice]
        texts += [s.advice for c in k.causes for s in c.signs]
        texts += [r.advice for r in k.red_flags]
        texts += [k.no_obvious_cause_advice, k.unanswered_red_flags_advice, k.self_care_advice]
        forbidden = re.compile(
            r"\bstop (taking|using)\b|\b\d+\s*(mg|g|ml|mcg)\b|quinine|magnesium|take (a|an|some) ",
            re.IGNORECASE,
        )

        assert [] == [t for t in texts if forbidden.search(t)]
