"""Run the legcramps command line: ``python -m legcramps``."""

from __future__ import annotations

import sys

from legcramps._cli import main

if __name__ == "__main__":
    sys.exit(main())
