"""Medication names to medications (``legcramps._medications``): whole, then part by part."""

from __future__ import annotations

import pytest

import legcramps
from helpers import knowledge
from legcramps import DrugClass, Medication

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

    def test_a_name_is_found_without_its_dose_form(self) -> None:
        """A name of two words is found without the words of its dose form."""
        med = legcramps.recognize_medication("Ethacrynic acid tablets")
        assert med is not None
        assert "etacrynic acid" == med.generic


def generics(*names: str) -> list[str]:
    """Return the generic names of the medications the built-in knowledge finds in *names*."""
    return [m.generic for m in K.assess(medications=list(names)).medications]


def unrecognized(*names: str) -> tuple[str, ...]:
    """Return the names, or parts of names, that the built-in knowledge does not recognise."""
    return K.assess(medications=list(names)).unrecognized_medications


class TestEntries:
    """One entry of the medication list may name several medicines."""

    def test_a_combination_known_by_its_whole_name_is_one_medication(self) -> None:
        """A combination the knowledge lists under its whole name is that one medication."""
        assert ["triamterene/hydrochlorothiazide"] == generics("triamterene/hydrochlorothiazide")

    def test_each_part_of_an_entry_is_found(self) -> None:
        """An entry of two known medicines gives both, in the order written."""
        assert ["furosemide", "spironolactone"] == generics("furosemide/spironolactone")

    def test_a_part_that_is_only_a_strength_is_skipped(self) -> None:
        """A strength on its own, even first, is no name: the rest of the entry is read."""
        assert ["furosemide"] == generics("20 mg (Lasix)")
        assert () == unrecognized("20 mg (Lasix)")

    def test_a_part_is_read_without_its_dots_and_dashes(self) -> None:
        """A part is looked up without the dots, dashes and spaces around it."""
        assert ["simvastatin"] == generics("aspirin, Zocor.")

    def test_an_unknown_part_is_reported_as_written(self) -> None:
        """An unknown part of an entry is reported as written, its letters all kept."""
        assert ("Xanax",) == unrecognized("Lasix, Xanax")

    def test_an_entry_with_nothing_known_is_reported_whole(self) -> None:
        """An entry none of whose parts is known is reported whole, as given."""
        assert ("aspirin/paracetamol",) == unrecognized("aspirin/paracetamol")


class TestNamesOfYourOwn:
    """A knowledge of one's own may list medications whose names hold digits or dose words.

    The medications here are made up (their drug class too): only their names matter.
    """

    def test_a_name_with_a_digit_is_found_whole(self) -> None:
        """A name that holds a digit is found as it is, before a strength is cut off."""
        b12 = Medication("crampexine", DrugClass.STATIN, "X00XX01", ("Crampex B12",))
        mine = knowledge(medications=(*K.medications, b12))
        found = mine.recognize_medication("CRAMPEX B12")
        assert found is not None
        assert "crampexine" == found.generic

    def test_a_name_with_a_dose_word_is_found_with_it(self) -> None:
        """A name that holds a dose word is found whole before the dose word is dropped."""
        short = Medication("crampexine", DrugClass.STATIN, "X00XX01", ("Crampex",))
        long = Medication("crampexine long", DrugClass.STATIN, "X00XX02", ("Crampex XL",))
        mine = knowledge(medications=(*K.medications, short, long))
        found = mine.recognize_medication("Crampex XL 30 mg")
        assert found is not None
        assert "crampexine long" == found.generic
