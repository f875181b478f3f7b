"""The package's layers: data flows one way, values -> data -> engine -> views -> CLI.

Every module under ``src/legcramps`` is parsed with :mod:`ast`, and every import it
makes is checked: those at the top, those inside functions (the lazy ones) and those
under ``if TYPE_CHECKING:``. A module may import only from its own layer and the layers
below it, and no import may close a circle. A new module must be placed in a layer here.

One exception is named, in :data:`LAZY_VIEWS`: a result's text form is a view, which the
value's method imports on first use, inside the method (``Assessment.report()`` and
``str()`` load ``legcramps._report``). It is allowed only there, never at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

import pytest

SRC = Path(__file__).parent.parent / "src"

#: Every module of the package, by layer, from the bottom up.
LAYERS: dict[str, tuple[str, ...]] = {
    "value": (
        "legcramps._model",
        "legcramps._result",
        "legcramps._errors",
        "legcramps._public",
        "legcramps._version",
        "legcramps.exceptions",
        "legcramps._texts",
        "legcramps._catalog",
    ),
    "data": ("legcramps._data",),
    "engine": (
        "legcramps._medications",
        "legcramps._typecheck",
        "legcramps._checks",
        "legcramps._order",
        "legcramps._compile",
        "legcramps._answers",
        "legcramps._state",
        "legcramps._followup",
        "legcramps._evaluate",
        "legcramps._knowledge",
    ),
    "view": (
        "legcramps._fhir",
        "legcramps._questionnaire",
        "legcramps.fhir",
        "legcramps._schema",
        "legcramps._jsonparse",
        "legcramps.schema",
        "legcramps._roundtrip",
        "legcramps._flat",
        "legcramps._batch",
        "legcramps.batch",
        "legcramps._parse",
        "legcramps._frame",
        "legcramps._columns",
        "legcramps._report",
    ),
    # The package's face re-exports the library, some of it lazily; it may import any of it.
    "face": ("legcramps",),
    # The service (the `service` extra) puts the views on HTTP routes; only the CLI loads it.
    "service": (
        "legcramps._service",
        "legcramps._service.app",
        "legcramps._service.auth",
        "legcramps._service.cds",
        "legcramps._service.config",
        "legcramps._service.openapi",
    ),
    "cli": (
        "legcramps._cli",
        "legcramps._cli._io",
        "legcramps._cli._jsonio",
        "legcramps._cli._encode",
        "legcramps._cli._records",
        "legcramps._cli._resultjson",
        "legcramps._cli._sinks",
        "legcramps._cli.assess",
        "legcramps._cli.batch",
        "legcramps._cli.interview",
        "legcramps._cli.listing",
        "legcramps._cli.serve",
        "legcramps.__main__",
    ),
}

#: The layers that the modules of each layer may import.
MAY_IMPORT: dict[str, frozenset[str]] = {
    "value": frozenset({"value"}),
    "data": frozenset({"value"}),
    "engine": frozenset({"value", "data", "engine"}),
    "view": frozenset({"value", "data", "engine", "view"}),
    "face": frozenset({"value", "data", "engine", "view", "face"}),
    "service": frozenset({"value", "data", "engine", "view", "service"}),
    "cli": frozenset(LAYERS),
}

#: The imports of a view by the value it renders, allowed inside a function only.
LAZY_VIEWS = frozenset({("legcramps._result", "legcramps._report")})

#: The command line: only its own modules and ``legcramps.__main__`` may import it.
CLI_PACKAGE = "legcramps._cli"


class Import(NamedTuple):
    """One import of a legcramps module by another, and where it is made."""

    importer: str
    path: str
    line: int
    imported: str
    #: Whether the import is made inside a function (on first use), not when the module loads.
    lazy: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.importer} imports {self.imported}"


def module_name(path: Path, src: Path) -> str:
    """Return the dotted name of the module in the file *path* under *src*."""
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(src: Path) -> dict[str, Path]:
    """Return every module of the package under *src*, by name."""
    return {module_name(p, src): p for p in sorted((src / "legcramps").rglob("*.py"))}


def imports_in(name: str, path: Path, known: set[str], shown: str) -> list[Import]:
    """Return every import of a legcramps module that the module *name* (file *path*) makes.

    ``from package import name`` counts as an import of the submodule when *name* is
    one of the *known* modules, and of the package otherwise.
    """
    is_package = path.name == "__init__.py"
    found: list[Import] = []
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    functions = (ast.FunctionDef, ast.AsyncFunctionDef)
    in_functions = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, functions)
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the importer's package, up level - 1 packages
                package = name if is_package else name.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            subs = [f"{base}.{alias.name}" for alias in node.names]
            targets = [sub if sub in known else base for sub in subs]
        else:
            continue
        found += [
            Import(name, shown, node.lineno, target, id(node) in in_functions)
            for target in targets
            if target == "legcramps" or target.startswith("legcramps.")
        ]
    return sorted(set(found), key=lambda i: (i.line, i.imported))


def all_imports(src: Path) -> list[Import]:
    """Return every import between legcramps modules under *src*."""
    found = modules(src)
    known = set(found)
    return [
        i
        for name, path in found.items()
        for i in imports_in(name, path, known, path.relative_to(src.parent).as_posix())
    ]


def layer_of(module: str) -> str | None:
    """Return the layer of *module*, or None if it is in none."""
    return next((layer for layer, names in LAYERS.items() if module in names), None)


def allowed_lazily(i: Import) -> bool:
    """Return whether *i* is one of the :data:`LAZY_VIEWS`, made inside a function."""
    return i.lazy and (i.importer, i.imported) in LAZY_VIEWS


def upward(imports: list[Import]) -> list[str]:
    """Return each import that reaches above its importer's layers, or out of every layer."""
    bad: list[str] = []
    for i in imports:
        if allowed_lazily(i):
            continue
        mine, theirs = layer_of(i.importer), layer_of(i.imported)
        if mine is None or theirs is None:
            bad.append(f"{i} (a module in no layer)")
        elif theirs not in MAY_IMPORT[mine]:
            bad.append(f"{i} ({mine} imports {theirs})")
    return bad


def cli_imports(imports: list[Import]) -> list[str]:
    """Return each import of the command line from outside it and ``__main__``."""
    return [
        str(i)
        for i in imports
        if (i.imported == CLI_PACKAGE or i.imported.startswith(CLI_PACKAGE + "."))
        and not (i.importer == CLI_PACKAGE or i.importer.startswith(CLI_PACKAGE + "."))
        and i.importer != "legcramps.__main__"
    ]


def circles(imports: list[Import]) -> list[str]:
    """Return each import that closes a circle, with the circle it closes."""
    graph: dict[str, list[Import]] = {}
    for i in imports:
        if not allowed_lazily(i):  # a view loaded on first use: no circle at import
            graph.setdefault(i.importer, []).append(i)
    done: set[str] = set()
    found: list[str] = []

    def visit(stack: list[str]) -> None:
        for i in graph.get(stack[-1], []):
            if i.imported in stack:
                circle = [*stack[stack.index(i.imported) :], i.imported]
                found.append(f"{i} (a circle: {' -> '.join(circle)})")
            elif i.imported not in done:
                visit([*stack, i.imported])
        done.add(stack[-1])

    for module in sorted(graph):
        if module not in done:
            visit([module])
    return found


IMPORTS = all_imports(SRC)


class TestLayers:
    def test_every_module_is_in_exactly_one_layer(self) -> None:
        """Each module of the package is placed in one layer: a new module must be placed."""
        placed = [name for names in LAYERS.values() for name in names]

        assert sorted(modules(SRC)) == sorted(placed)
        assert len(set(placed)) == len(placed)

    def test_no_module_imports_above_its_layer(self) -> None:
        """Values import only values; data only values; the engine no view, face or CLI..."""
        assert [] == upward(IMPORTS)

    def test_only_the_command_line_and_main_import_the_command_line(self) -> None:
        """Nothing outside ``legcramps._cli`` and ``legcramps.__main__`` imports the CLI."""
        assert [] == cli_imports(IMPORTS)

    def test_no_import_closes_a_circle(self) -> None:
        """The imports between legcramps modules form no circle."""
        assert [] == circles(IMPORTS)


class TestTheCheckItself:
    """The checks above find what they look for: they would fail on a bad import."""

    def test_the_real_imports_are_read_lazy_ones_included(self) -> None:
        """The package's imports are found, a function's own and a submodule by name too."""
        knowledge = [i.imported for i in IMPORTS if i.importer == "legcramps._knowledge"]

        assert "legcramps._checks" in knowledge  # imported inside a function
        assert "legcramps._data" in knowledge  # from legcramps import _data

    @pytest.fixture
    def package(self, tmp_path: Path) -> Path:
        """A small package named legcramps with a value module that imports upward."""
        root = tmp_path / "src" / "legcramps"
        (root / "_cli").mkdir(parents=True)
        (root / "__init__.py").write_text("")
        (root / "_cli" / "__init__.py").write_text("from legcramps import _model\n")
        (root / "_evaluate.py").write_text("from . import _model\n")
        (root / "_model.py").write_text(
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n"
            "    from legcramps._evaluate import evaluate\n"
            "def f():\n"
            "    import legcramps._cli\n"
        )
        return tmp_path / "src"

    def test_an_upward_import_is_named_by_file_line_and_module(self, package: Path) -> None:
        """A value module importing the engine is reported with its file, line and target."""
        to_engine = "src/legcramps/_model.py:3: legcramps._model imports legcramps._evaluate"
        to_cli = "src/legcramps/_model.py:5: legcramps._model imports legcramps._cli"

        assert [
            f"{to_engine} (value imports engine)",
            f"{to_cli} (value imports cli)",
        ] == upward(all_imports(package))

    def test_an_import_of_the_command_line_is_named(self, package: Path) -> None:
        """A module outside the CLI that imports it is reported."""
        expected = "src/legcramps/_model.py:5: legcramps._model imports legcramps._cli"

        assert [expected] == cli_imports(all_imports(package))

    def test_a_lazy_view_is_allowed_only_inside_a_function(self, tmp_path: Path) -> None:
        """The result may import its report inside a method; at the top it is reported."""
        root = tmp_path / "src" / "legcramps"
        root.mkdir(parents=True)
        (root / "_report.py").write_text("from legcramps import _result\n")
        (root / "_result.py").write_text("def report():\n    from legcramps import _report\n")
        assert [] == upward(all_imports(tmp_path / "src"))
        assert [] == circles(all_imports(tmp_path / "src"))

        (root / "_result.py").write_text("from legcramps import _report\n")
        to_view = "src/legcramps/_result.py:1: legcramps._result imports legcramps._report"
        assert [f"{to_view} (value imports view)"] == upward(all_imports(tmp_path / "src"))
        circle = "legcramps._report -> legcramps._result -> legcramps._report"
        assert [f"{to_view} (a circle: {circle})"] == circles(all_imports(tmp_path / "src"))

    def test_a_circle_is_named(self, package: Path) -> None:
        """Each import that closes a circle is reported, with the circle it closes."""
        model, evaluate, cli = "legcramps._model", "legcramps._evaluate", "legcramps._cli"

        assert [
            (
                f"src/legcramps/_evaluate.py:1: {evaluate} imports {model}"
                f" (a circle: {model} -> {evaluate} -> {model})"
            ),
            (
                f"src/legcramps/_model.py:5: {model} imports {cli}"
                f" (a circle: {cli} -> {model} -> {cli})"
            ),
        ] == circles(all_imports(package))
