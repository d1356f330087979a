"""`python -m criteria_compare` runs the command-line interface."""

from criteria_compare.cli import main

raise SystemExit(main())
