"""criteria-compare: compare CTPAT MSC with a partner AEO program's criteria, side by side."""

__version__ = "0.1.0"

__all__ = ["__version__"]
