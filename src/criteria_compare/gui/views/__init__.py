"""Screens and dialogs of the GUI."""
