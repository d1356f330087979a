"""The bundle's main program: the desktop app, or the CLI when started as ``criteria-compare``.

On Linux the bundle's ``criteria-compare`` is a link to this program (one copy of the Python
modules instead of two); on Windows and macOS the CLI is its own executable (entry_cli.py).
"""

import sys
from pathlib import Path

if Path(sys.argv[0]).stem == "criteria-compare":
    from criteria_compare.cli import main
else:
    from criteria_compare.gui.app import main

raise SystemExit(main())
