"""`python -m tui.cli …`: the same as the `alinea` console script."""

from __future__ import annotations

import sys

from tui.cli import main

sys.exit(main())
