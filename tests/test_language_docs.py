"""The review tables of the translations (``docs/_ext/legcramps_languages.py``) and their page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import legcramps_languages as languages
import legcramps_tables as tables
import pytest

import legcramps
from legcramps import _texts

DOCS = Path(__file__).parent.parent / "docs"
K = legcramps.KNOWLEDGE
ES = legcramps.catalog("es")


def test_the_table_lists_every_text_once_beside_its_translation() -> None:
    """One row per English text, in reading order, with its Spanish from the catalog."""
    english = list(dict.fromkeys(text for _, _, text in _texts.texts_of(K)))
    rows = languages.translation_table(K, "es").rows

    assert english == [row[1] for row in rows]
    assert [ES.texts[text] for text in english] == [row[2] for row in rows]


def test_a_row_names_every_place_its_text_is_used() -> None:
    """The first column lists each place a text is used."""
    rows = {row[1]: row[0] for row in languages.translation_table(K, "es").rows}
    wheres = [w for w, _, text in _texts.texts_of(K) if text == K.disclaimer]

    assert tuple(wheres) == rows[K.disclaimer]


def test_the_groups_hold_every_text_exactly_once() -> None:
    """Each text is in one group's table, so that the page's tables review them all."""
    grouped = [
        row[1]
        for kinds in languages.GROUPS.values()
        for row in languages.translation_table(K, "es", kinds).rows
    ]

    assert sorted(row[1] for row in languages.translation_table(K, "es").rows) == sorted(grouped)


def test_every_kind_of_text_is_in_a_group() -> None:
    """No kind of text is left out of the groups (a new kind needs a group)."""
    kinds = {kind for _, kind, _ in _texts.texts_of(K)}

    assert kinds == {k for group in languages.GROUPS.values() for k in group}


def test_the_languages_page_shows_every_group() -> None:
    """The Languages page has one review table per group, and is in the toctree."""
    page = (DOCS / "languages.rst").read_text(encoding="utf-8")
    shown = re.findall(r"^\.\. legcramps-translations-es-([\w-]+)::$", page, re.MULTILINE)

    assert list(languages.GROUPS) == shown
    assert "   languages\n" in (DOCS / "index.rst").read_text(encoding="utf-8")


def test_a_text_without_a_translation_shows_a_dash() -> None:
    """A text the catalog lacks (custom knowledge) is listed with an empty translation."""
    cause = attrs.evolve(K.cause("posture"), name="Standing at a till")
    mine = K.replace_cause(cause, version="test")
    rows = languages.translation_table(mine, "es", ["cause"]).rows

    assert [(("causes.posture.name",), "Standing at a till", "")] == [
        row for row in rows if row[1] == "Standing at a till"
    ]
    assert "     - \u2014" in tables.list_table(languages.translation_table(mine, "es", ["cause"]))


def test_each_language_and_group_has_a_directive() -> None:
    """The tables are served as legcramps-translations-<language>[-<group>] directives."""
    assert {
        "translations-es",
        *(f"translations-es-{group}" for group in languages.GROUPS),
    } == set(languages.TABLES)
    assert set(languages.TABLES) <= set(tables.TABLES)


def test_a_review_table_builds_with_sphinx(tmp_path: Path) -> None:
    """A page with a review table builds with no warning and shows the Spanish texts.

    Built by Sphinx in a process of its own, away from the builds of other tests.
    """
    pytest.importorskip("sphinx")
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text("extensions = ['legcramps_sphinx']\n", encoding="utf-8")
    (src / "index.rst").write_text(
        "Causes\n======\n\n.. legcramps-translations-es-causes::\n", encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(DOCS / "_ext")}
    built = subprocess.run(  # noqa: S603 - the test's own interpreter
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "xml", str(src), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    text = (tmp_path / "out" / "index.xml").read_text(encoding="utf-8")

    assert ("", 0) == (built.stderr, built.returncode)
    assert "<paragraph>Deshidratación</paragraph>" in text
    assert "<literal>causes.dehydration.name</literal>" in text
