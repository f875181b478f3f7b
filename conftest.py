"""Collection of the package's own modules for their doctests, without the optional extras.

``--doctest-modules`` imports every module of ``src/legcramps`` and runs its examples. The
service's modules import Starlette or PyJWT at the top (the ``service`` extra), and the
columnar path's examples need numpy (the ``frame`` extra); without them these modules are
left out of collection, and the run's header says so (their tests skip themselves, saying
which extra they need).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

#: module file -> the distributions it needs at import
_NEEDS = {
    Path("src/legcramps/_service/app.py"): ("starlette",),
    Path("src/legcramps/_service/auth.py"): ("jwt",),
    Path("src/legcramps/_columns.py"): ("numpy",),
}

_ROOT = Path(__file__).parent
_MISSING = {
    _ROOT / path: [name for name in names if importlib.util.find_spec(name) is None]
    for path, names in _NEEDS.items()
}


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Leave out a module whose optional dependencies are not installed."""
    return True if _MISSING.get(collection_path) else None


def pytest_report_header() -> list[str]:
    """Say which modules' doctests are left out, and what they need."""
    return [
        f"not collected, its extra not installed: {path.relative_to(_ROOT)} "
        f"(needs {', '.join(names)})"
        for path, names in _MISSING.items()
        if names
    ]
