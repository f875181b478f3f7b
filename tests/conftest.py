"""Shared test settings."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# The test machine is shared and often loaded: generating inputs may be slow, and a
# deadline would make a test's outcome depend on the load, not on the code.
settings.register_profile("legcramps", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("legcramps")
