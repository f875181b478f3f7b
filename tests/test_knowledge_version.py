"""The knowledge version guard: the built-in knowledge cannot change without a new version.

Stored results carry ``knowledge_version`` to say which knowledge made them, so every change
to the data needs a new ``VERSION`` in ``src/legcramps/_data.py``. The test below pins a
SHA-256 fingerprint of the data next to the version it belongs to.
"""

from __future__ import annotations

import enum
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import attrs
import pytest

import legcramps
from legcramps import Condition, Knowledge

#: The knowledge version and the fingerprint of the data it names.
PINNED = ("2026.12.8", "de88df3217b285cbb7fd6caa97088a5eeaf6a061883abb86ec44631826eb5d16")

K = legcramps.KNOWLEDGE
_HERE = "tests/test_knowledge_version.py"


def canonical(value: object) -> Any:
    """Return *value* as JSON data: attrs values by their fields, enums by their values.

    Fields that are not given to the constructor (such as a knowledge's compiled tables)
    are not data and are left out. Any other type is refused rather than hashed by a text
    that may hold an object id.
    """
    if attrs.has(type(value)):
        fields = attrs.fields(cast("type[attrs.AttrsInstance]", type(value)))
        return {a.name: canonical(getattr(value, a.name)) for a in fields if a.init}
    if isinstance(value, enum.Enum):
        return canonical(value.value)
    if isinstance(value, (tuple, list)):
        return [canonical(item) for item in value]
    if value is None or isinstance(value, (str, int, float)):
        return value
    msg = f"no canonical form for {type(value).__name__}: teach canonical() to write it"
    raise TypeError(msg)


def fingerprint(knowledge: Knowledge) -> str:
    """Return the SHA-256 of the canonical JSON text of *knowledge*'s data, its version aside."""
    data = canonical(knowledge)
    del data["version"]
    text = json.dumps(
        data, sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode()).hexdigest()


def what_to_do(version: str, digest: str) -> str:
    """The steps that make the guard pass again, for a contributor who changed the data."""
    pinned_version, pinned_digest = PINNED
    new = (version, digest)
    if version != pinned_version:
        return (
            f"KNOWLEDGE_VERSION is now {version!r}, but PINNED in {_HERE} is for"
            f" {pinned_version!r}.\nCheck that CHANGELOG.md says under '## [Unreleased]' what"
            f" changed in the knowledge, then set in {_HERE}:\n    PINNED = {new!r}"
        )
    year_month, _, serial = version.rpartition(".")
    suggested = f"{year_month}.{int(serial) + 1}" if serial.isdigit() else "a new version"
    return (
        f"The built-in knowledge changed, but its version is still {version!r}"
        f" (fingerprint {digest}, pinned {pinned_digest}).\n"
        "Stored results name the knowledge by its version, so every data change needs a new one:\n"
        f"  1. bump VERSION in src/legcramps/_data.py (to {suggested!r}, say);\n"
        "  2. add a line to CHANGELOG.md under '## [Unreleased]' saying what changed in the"
        " knowledge;\n"
        f"  3. set in {_HERE}:\n    PINNED = ('<the new version>', {digest!r})\n"
        "If the change was not meant to touch the knowledge, undo it instead."
    )


class TestGuard:
    def test_the_pinned_fingerprint_belongs_to_the_knowledge_version(self) -> None:
        """The built-in data hashes to the fingerprint pinned with the current version."""
        actual = (legcramps.KNOWLEDGE_VERSION, fingerprint(K))

        assert PINNED == actual, what_to_do(*actual)

    def test_the_message_for_changed_data_says_to_bump_the_version(self) -> None:
        """Changed data under the pinned version asks for a new version, changelog and pin."""
        message = what_to_do(PINNED[0], "f" * 64)

        assert "bump VERSION in src/legcramps/_data.py" in message
        assert "CHANGELOG.md" in message
        assert "f" * 64 in message

    def test_the_message_for_a_new_version_says_to_update_the_pin(self) -> None:
        """A new version asks for the pin to be updated to the new pair, nothing else."""
        message = what_to_do("2099.1.1", "e" * 64)

        assert f"PINNED = {('2099.1.1', 'e' * 64)!r}" in message
        assert "bump" not in message


def with_threshold(factor_id: str, at_least: float) -> Knowledge:
    """The built-in knowledge with the first sign on *factor_id* starting at *at_least*."""
    for cause in K.causes:
        for n, sign in enumerate(cause.signs):
            if sign.when.factor == factor_id:
                signs = list(cause.signs)
                signs[n] = attrs.evolve(sign, when=Condition(factor_id, at_least=at_least))
                changed = attrs.evolve(cause, signs=tuple(signs))
                return K.replace_cause(changed, version="changed")
    raise LookupError(factor_id)


def first_evolved(items: tuple[Any, ...], **changes: Any) -> tuple[Any, ...]:
    return (attrs.evolve(items[0], **changes), *items[1:])


class TestFingerprint:
    @pytest.mark.parametrize(
        "changed",
        [
            pytest.param(
                lambda: attrs.evolve(K, version="changed", likely_at=K.likely_at + 1),
                id="likely_at",
            ),
            pytest.param(
                lambda: attrs.evolve(
                    K, version="changed", factors=first_evolved(K.factors, question="Why?")
                ),
                id="factor question",
            ),
            pytest.param(
                lambda: attrs.evolve(
                    K, version="changed", red_flags=first_evolved(K.red_flags, advice="Rest.")
                ),
                id="red flag advice",
            ),
            pytest.param(
                lambda: attrs.evolve(
                    K,
                    version="changed",
                    medications=first_evolved(K.medications, brands=("Testix",)),
                ),
                id="medication brand",
            ),
            pytest.param(
                lambda: attrs.evolve(
                    K, version="changed", causes=first_evolved(K.causes, advice=("Rest.",))
                ),
                id="cause advice",
            ),
            pytest.param(
                lambda: attrs.evolve(K, version="changed", causes=(*K.causes[1:], K.causes[0])),
                id="cause order",
            ),
            pytest.param(
                lambda: attrs.evolve(K, version="changed", disclaimer=K.disclaimer + " "),
                id="disclaimer",
            ),
            pytest.param(
                lambda: attrs.evolve(K, version="changed", self_care_advice="Rest."),
                id="self-care advice",
            ),
        ],
    )
    def test_changes_with_the_data(self, changed: Any) -> None:
        """Changing one threshold, text, name or order in the data changes the fingerprint."""
        assert fingerprint(K) != fingerprint(changed())

    def test_a_sign_threshold_changes_it(self) -> None:
        """Moving one sign's threshold by a little changes the fingerprint."""
        sitting = next(
            s.when.at_least for c in K.causes for s in c.signs if s.when.factor == "sitting_hours"
        )
        assert sitting is not None

        assert fingerprint(K) != fingerprint(with_threshold("sitting_hours", sitting + 0.5))

    def test_an_unchanged_copy_keeps_it(self) -> None:
        """Knowledge built afresh from the same data, under another version, has the same one."""
        copy = Knowledge(
            version="another",
            factors=K.factors,
            causes=K.causes,
            red_flags=K.red_flags,
            medications=K.medications,
        )

        assert fingerprint(K) == fingerprint(copy)

    @pytest.mark.parametrize("seed", ["0", "1"])
    def test_is_the_same_in_another_process(self, seed: str) -> None:
        """A process with another string hash seed computes the same fingerprint."""
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]);"
            "import legcramps, test_knowledge_version as t;"
            "print(t.fingerprint(legcramps.KNOWLEDGE))"
        )
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code, str(Path(__file__).parent)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )

        assert fingerprint(K) == done.stdout.strip()

    def test_refuses_a_value_it_cannot_write(self) -> None:
        """A value of a type without a canonical form is refused, not hashed by its repr."""
        with pytest.raises(TypeError, match="no canonical form for frozenset"):
            canonical((1, frozenset({"a"})))
