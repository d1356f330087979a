"""The bundled command-line program: ``criteria-compare`` in the PyInstaller bundle."""

from criteria_compare.cli import main

raise SystemExit(main())
