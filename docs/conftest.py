"""The recipes under docs/recipes/ need their engines (Dask, Spark): tests/test_recipes.py
runs them when those are installed; they are not collected for doctests here."""

collect_ignore_glob = ["recipes/*.py"]
