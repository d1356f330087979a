"""importing package."""
