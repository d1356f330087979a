"""The bundled desktop program: ``criteria-compare-gui`` in the PyInstaller bundle."""

from criteria_compare.gui.app import main

raise SystemExit(main())
