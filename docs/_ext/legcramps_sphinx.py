"""A Sphinx extension that renders legcramps' knowledge as tables at build time.

Directives (each takes an optional ``:knowledge:`` option, the dotted path of a
:class:`legcramps.Knowledge`; the default is the config value
``legcramps_knowledge``, itself ``"legcramps.KNOWLEDGE"`` by default):

``.. legcramps-causes::``
    one section per cause: summary, mechanism, advice, evidence and sources.
``.. legcramps-factors::``, ``.. legcramps-signs::``, ``.. legcramps-levels::``,
``.. legcramps-red-flags::``, ``.. legcramps-medications::``, ``.. legcramps-sources::``
    a table each (see ``legcramps_tables.TABLES``), with an optional title;
    ``:rows: id1, id2`` keeps only
    the rows whose first column is one of those ids.

The reST comes from the pure functions in ``legcramps_tables``; this module
only parses it, and tells Sphinx to rebuild a page when the knowledge changes.
Sphinx is imported only in :func:`setup`, so that pytest's doctest collection
of ``docs/`` can import this module where only the ``test`` extra is installed.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, ClassVar

import legcramps_tables

import legcramps

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.util.docutils import SphinxDirective
    from sphinx.util.typing import ExtensionMetadata

#: The directives, by name; ``causes`` gives sections, the others tables.
DIRECTIVES = ("legcramps-causes", *(f"legcramps-{name}" for name in legcramps_tables.TABLES))


def load_knowledge(path: str) -> legcramps.Knowledge:
    """Return the :class:`legcramps.Knowledge` at the dotted *path*, such as ``pkg.MINE``.

    :raises ValueError: if *path* cannot be imported.
    :raises TypeError: if what it names is not a Knowledge.

    >>> load_knowledge("legcramps.KNOWLEDGE") is legcramps.KNOWLEDGE
    True
    """
    module_name, _, attribute = path.rpartition(".")
    try:
        found = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError) as e:
        msg = f"cannot load the knowledge {path!r}: {e}"
        raise ValueError(msg) from e
    if not isinstance(found, legcramps.Knowledge):
        msg = f"{path!r} is a {type(found).__name__}, not a legcramps.Knowledge"
        raise TypeError(msg)
    return found


def directive_lines(
    directive: str, knowledge: legcramps.Knowledge, title: str = "", rows: Sequence[str] = ()
) -> list[str]:
    """Return the reST that the directive named *directive* renders for *knowledge*.

    *rows*, if given, keeps only the table rows whose first column is one of them.

    >>> directive_lines("legcramps-levels", legcramps.KNOWLEDGE)[0]
    '.. list-table::'
    """
    if directive == "legcramps-causes":
        return legcramps_tables.cause_sections(knowledge)
    table = legcramps_tables.TABLES[directive.removeprefix("legcramps-")](knowledge)
    if rows:
        table = legcramps_tables.select_rows(table, rows)
    return legcramps_tables.list_table(table, title)


def _words(text: str | None) -> list[str]:
    return (text or "").replace(",", " ").split()


def _directive_class() -> type[SphinxDirective]:
    from docutils import nodes
    from docutils.statemachine import StringList
    from sphinx.util.docutils import SphinxDirective
    from sphinx.util.nodes import nested_parse_with_titles

    class KnowledgeDirective(SphinxDirective):
        """Render the knowledge named by ``:knowledge:`` (or the config value)."""

        has_content = False
        optional_arguments = 1
        final_argument_whitespace = True
        option_spec: ClassVar = {"knowledge": lambda text: (text or "").strip(), "rows": _words}

        def run(self) -> list[nodes.Node]:
            path = self.options.get("knowledge") or self.config.legcramps_knowledge
            try:
                knowledge = load_knowledge(path)
            except (ValueError, TypeError) as e:
                raise self.error(str(e)) from e
            # Rebuild this page when the module holding the knowledge changes.
            for module in {type(knowledge).__module__, "legcramps._data", path.rpartition(".")[0]}:
                filename = getattr(sys.modules.get(module), "__file__", None)
                if filename:
                    self.env.note_dependency(filename)
            title = self.arguments[0] if self.arguments else ""
            lines = directive_lines(self.name, knowledge, title, self.options.get("rows", ()))
            content = StringList(lines, source=f"<{self.name} from {path}>")
            holder = nodes.section()  # titles may only be parsed into a section-like node
            holder.document = self.state.document
            nested_parse_with_titles(self.state, content, holder)
            return holder.children

    return KnowledgeDirective


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directives and the ``legcramps_knowledge`` config value."""
    app.add_config_value("legcramps_knowledge", "legcramps.KNOWLEDGE", "env", types=[str])
    directive = _directive_class()
    for name in DIRECTIVES:
        app.add_directive(name, directive)
    return {
        "version": legcramps.KNOWLEDGE.version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
