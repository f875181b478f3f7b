"""Sphinx configuration of the legcramps documentation.

Build with ``python -m sphinx -W --keep-going -n -b html docs docs/_build/html``.
The build is offline: no intersphinx, nothing fetched.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import legcramps

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

# The local extension that renders the knowledge tables (docs/_ext).
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "legcramps"
author = "The legcramps developers"
copyright = "The legcramps developers"  # noqa: A001 - the name Sphinx reads
release = legcramps.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "myst_parser",  # only to include CHANGELOG.md in changelog.rst
    "legcramps_sphinx",
]

# Pages are reST; Markdown is only included, never a page of its own.
source_suffix = {".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build"]
templates_path: list[str] = []

nitpicky = True
# The build is offline (no intersphinx), so references into other projects cannot resolve:
# attrs, and the standard library beyond the builtins and typing that Sphinx knows itself.
nitpick_ignore = [
    ("py:func", "attrs.evolve"),
    # The protocol a result's knowledge meets: private, named in Assessment's field types.
    ("py:class", "legcramps._result.Assessor"),
    # What a Catalog reads of a knowledge (the value layer cannot name Knowledge itself).
    ("py:class", "KnowledgeFields"),
    ("py:class", "os.PathLike"),
]
nitpick_ignore_regex = [("py:class", r"collections\.abc\.\w+"), ("py:class", r"datetime\.\w+")]

autodoc_typehints = "description"
autodoc_typehints_description_target = "all"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "undoc-members": True}
autodoc_type_aliases = {"AnswerValue": "legcramps.AnswerValue"}
add_module_names = False

myst_heading_anchors = 2
# changelog.rst gives the page its title and includes CHANGELOG.md from its "##" sections on.
suppress_warnings = ["myst.header"]

html_theme = "furo"
html_title = f"legcramps {release}"
html_static_path = ["_static"]
html_css_files = ["legcramps.css"]

# The public names live in private modules (legcramps._model, ...) but are documented
# where users import them from, legcramps itself.
_PUBLIC = frozenset(legcramps.__all__)


def _public_name(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """Resolve ``legcramps._private.Name`` to the documented ``legcramps.Name``."""
    target = node.get("reftarget", "")
    module, _, rest = target.partition(".")
    private, _, name = rest.partition(".")
    if module != "legcramps" or not private.startswith("_") or name.split(".")[0] not in _PUBLIC:
        return None
    node["reftarget"] = f"legcramps.{name}"
    domain = env.get_domain("py")
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], node["reftarget"], node, contnode
    )


def setup(app: Sphinx) -> None:
    app.connect("missing-reference", _public_name)
