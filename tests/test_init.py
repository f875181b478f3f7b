"""The package's face (``legcramps/__init__.py``): its public names, some served on first use."""

from __future__ import annotations

from importlib.metadata import version

import pytest

import legcramps


class TestPublicFace:
    def test_all_is_pinned(self) -> None:
        """The public names are exactly these; anything else is private."""
        assert [
            "CAUSES",
            "KNOWLEDGE",
            "KNOWLEDGE_VERSION",
            "LANGUAGES",
            "RED_FLAGS",
            "RISK_FACTORS",
            "AdviceRule",
            "AllOf",
            "AnswerValue",
            "Assessment",
            "Catalog",
            "Cause",
            "Code",
            "Condition",
            "DrugClass",
            "Evidence",
            "FactorKind",
            "Finding",
            "InvalidInput",
            "InvalidKnowledge",
            "Knowledge",
            "Level",
            "Medication",
            "Problem",
            "RaisedFlag",
            "RedFlag",
            "RiskFactor",
            "RiskNote",
            "RowError",
            "Sign",
            "Source",
            "UnknownId",
            "Urgency",
            "__version__",
            "assess",
            "assess_frame",
            "assess_many",
            "catalog",
            "choose_language",
            "fhir",
            "from_dict",
            "recognize_medication",
            "schema",
        ] == legcramps.__all__

    def test_every_public_name_resolves(self) -> None:
        """Every name in __all__ is there to import."""
        for name in legcramps.__all__:
            assert getattr(legcramps, name) is not None

    def test_dir_shows_the_public_names(self) -> None:
        """dir(legcramps) lists the public names."""
        assert sorted(legcramps.__all__) == dir(legcramps)

    def test_version_comes_from_the_package_metadata(self) -> None:
        """__version__ is the installed distribution's version."""
        assert version("legcramps") == legcramps.__version__

    def test_unknown_attribute_raises_attribute_error(self) -> None:
        """A missing attribute raises AttributeError naming it."""
        name = "nope"  # through getattr(): type checkers rightly refuse legcramps.nope
        with pytest.raises(AttributeError, match="no attribute 'nope'"):
            getattr(legcramps, name)


def test_schema_is_served_on_first_use() -> None:
    """`legcramps.schema` is the schema submodule, loaded when first asked for."""
    import legcramps.schema

    assert legcramps.schema is legcramps.__getattr__("schema")


def test_batch_names_are_served_on_first_use() -> None:
    """`assess_many` and `RowError` come from the batch module, loaded when first asked for."""
    from legcramps import _batch

    assert _batch.assess_many is legcramps.assess_many
    assert _batch.RowError is legcramps.RowError
