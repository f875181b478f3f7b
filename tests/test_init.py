"""The package's face (``legcramps/__init__.py``): its public names, some served on first use."""

from __future__ import annotations

import legcramps


def test_schema_is_served_on_first_use() -> None:
    """`legcramps.schema` is the schema submodule, loaded when first asked for."""
    import legcramps.schema

    assert legcramps.schema is legcramps.__getattr__("schema")


def test_batch_names_are_served_on_first_use() -> None:
    """`assess_many` and `RowError` come from the batch module, loaded when first asked for."""
    from legcramps import _batch

    assert (_batch.assess_many, _batch.RowError) == (legcramps.assess_many, legcramps.RowError)
