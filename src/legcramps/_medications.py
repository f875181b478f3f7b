"""Medication names to :class:`~legcramps.Medication`: the lookup table, and reading names.

People write medicines in many ways: "Lasix 40 mg", "Lasix (furosemide)",
"furosemide/spironolactone", "Symbicort Turbohaler", "HCTZ". A name is looked up
whole, then without its strength and dose form, then part by part.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from legcramps._model import Medication

#: What separates the names in one medication entry: "Lasix (furosemide)",
#: "furosemide/spironolactone", "Lasix + aspirin", "Lasix and aspirin". A plain
#: character class and one bounded alternation: linear on any text.
_SEPARATORS = re.compile(r"[(),;/+&]| and | with ", re.IGNORECASE)
#: Words of a dose form or a device that say nothing of which medicine it is.
_DOSE_WORDS = frozenset(
    {
        "tablet",
        "tablets",
        "tab",
        "tabs",
        "capsule",
        "capsules",
        "caps",
        "oral",
        "solution",
        "suspension",
        "injection",
        "inhaler",
        "inhalers",
        "turbohaler",
        "accuhaler",
        "evohaler",
        "ellipta",
        "diskus",
        "respimat",
        "breezhaler",
        "spray",
        "liquid",
        "xl",
        "sr",
        "mr",
        "er",
        "xr",
    }
)


def normalize_medication_name(name: str) -> str:
    """Return the lookup key of a medication name: case-folded, single-spaced.

    >>> normalize_medication_name("  Lasix   40 MG ")
    'lasix 40 mg'
    """
    return " ".join(name.casefold().split())


def without_strength(key: str) -> str:
    """Return the lookup key *key* without a trailing strength: from its first digit on.

    Written out rather than as a regular expression, which costs more to compile at
    import than this costs per call.

    >>> without_strength("lasix 40 mg"), without_strength("zocor-20mg"), without_strength("x")
    ('lasix', 'zocor', 'x')
    """
    for n, char in enumerate(key):
        if char.isdecimal():  # any decimal digit, in any script
            return key[:n].rstrip(" -")
    return key


def _without_dose_words(key: str) -> str:
    """Return the lookup key *key* without words of a dose form ("tablets", "inhaler").

    >>> _without_dose_words("symbicort turbohaler")
    'symbicort'
    """
    return " ".join(word for word in key.split() if word not in _DOSE_WORDS)


def _lookup_one(table: Mapping[str, Medication], key: str) -> Medication | None:
    """Return the medication the normalised *key* names, strength and dose form aside."""
    found = table.get(key)
    if found is None:
        stripped = without_strength(key)
        found = table.get(stripped) or table.get(_without_dose_words(stripped))
    return found


def lookup_medication(table: Mapping[str, Medication], name: str) -> Medication | None:
    """Return the medication *name* refers to in *table*, or ``None``."""
    found = table.get(name)  # the name may be a key already (the keys are normalised)
    if found is not None:
        return found
    return _lookup_one(table, normalize_medication_name(name))


def medications_in(
    table: Mapping[str, Medication], name: str
) -> tuple[tuple[Medication, ...], tuple[str, ...]]:
    """Return the medications one entry *name* holds, and its parts not recognised.

    An entry names one medicine ("Lasix 40 mg") or several ("Lasix (furosemide)",
    "furosemide/spironolactone", "Lasix, aspirin"); strengths and dose forms are
    ignored. Only when the whole entry is not a name are its parts looked up.

    >>> from legcramps._knowledge import KNOWLEDGE
    >>> table = medication_table(KNOWLEDGE.medications)
    >>> [m.generic for m in medications_in(table, "Lasix (furosemide) 20 mg")[0]]
    ['furosemide']
    >>> found, unknown = medications_in(table, "spironolactone + aspirin")
    >>> [m.generic for m in found], unknown
    (['spironolactone'], ('aspirin',))
    """
    whole = lookup_medication(table, name)
    if whole is not None:
        return (whole,), ()
    found: dict[int, Medication] = {}
    unknown: dict[str, None] = {}
    for part in _SEPARATORS.split(" ".join(name.split())):
        text = part.strip(" .-")
        if not without_strength(normalize_medication_name(text)):
            continue  # nothing but a strength, such as the "20 mg" of "Lasix (furosemide) 20 mg"
        med = _lookup_one(table, normalize_medication_name(text))
        if med is None:
            unknown[text] = None
        else:
            found.setdefault(id(med), med)
    if not found:
        return (), (name,)  # nothing in it is known: report the name as given
    return tuple(found.values()), tuple(unknown)


def medication_table(medications: tuple[Medication, ...]) -> dict[str, Medication]:
    """Return every name of *medications*, normalised, to its medication.

    The knowledge's checks have made sure that no name is used twice.
    """
    table: dict[str, Medication] = {}
    for med in medications:
        for name in (med.generic, *med.brands, *med.other_names):
            table.setdefault(normalize_medication_name(name), med)
    return table


def recognize(
    table: Mapping[str, Medication], names: tuple[str, ...]
) -> tuple[tuple[Medication, ...], tuple[str, ...]]:
    """Return the medications *names* refer to, and the names not recognised, each once."""
    # Keyed by identity: the table holds one object per medication, and comparing
    # or hashing a Medication by value costs more.
    recognized: dict[int, Medication] = {}
    unrecognized: dict[str, None] = {}
    for name in names:
        found, unknown = medications_in(table, name)
        for med in found:
            recognized.setdefault(id(med), med)
        for part in unknown:
            unrecognized[part] = None
    return tuple(recognized.values()), tuple(unrecognized)
