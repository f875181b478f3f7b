"""Compiling a knowledge into lookup tables (``legcramps._compile``), medication lookup included."""

from __future__ import annotations

import pytest

import legcramps

K = legcramps.KNOWLEDGE


class TestMedicationLookup:
    @pytest.mark.parametrize(
        ("name", "generic"),
        [
            ("furosemide", "furosemide"),
            ("FUROSEMIDE", "furosemide"),
            ("Lasix 40 mg", "furosemide"),
            ("  lasix   40mg ", "furosemide"),
            ("torsemide", "torasemide"),
            ("Ethacrynic Acid 50 mg", "etacrynic acid"),
            ("chlorthalidone", "chlortalidone"),
            ("Neo-NaClex", "bendroflumethiazide"),
            ("Burinex", "bumetanide"),
            ("Oxis 12 micrograms", "formoterol"),
            ("Lasix40mg", "furosemide"),
            ("lasix-40", "furosemide"),
        ],
    )
    def test_recognises_generic_brand_and_other_spellings(self, name: str, generic: str) -> None:
        """Names match case-insensitively, by brand or spelling, with a strength."""
        med = legcramps.recognize_medication(name)

        assert med is not None
        assert generic == med.generic

    def test_recognise_returns_none_for_an_unknown_name(self) -> None:
        """An unrecognised name gives None."""
        assert legcramps.recognize_medication("paracetamol 500 mg") is None


class TestFactorLinks:
    def test_factor_links_are_filled_in_from_the_signs(self) -> None:
        """The medication list speaks to both the medication and dehydration causes."""
        assert ("medication", "dehydration") == K.factor("medications").causes
        assert ("nerve_or_muscle_signs",) == K.factor("numbness").red_flags
