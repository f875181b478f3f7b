"""The installed library's version, looked up in the package metadata once.

Looking a version up in the metadata walks the installed distributions and costs a
fraction of a millisecond, so it is done once, when this module is first imported, and
never on the hot path: ``import legcramps`` does not import this module (the package
serves ``__version__`` lazily), and the FHIR view reads the constant below.
"""

from importlib.metadata import PackageNotFoundError, version


def _installed_version() -> str:
    """Return the version of the installed distribution, or ``"unknown"`` outside one."""
    try:
        return version("legcramps")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


#: The version of the installed ``legcramps`` distribution (``"unknown"`` if there is none).
VERSION: str = _installed_version()
