"""Placeholder: filled in by its own issue."""


def register(sub) -> None:
    """Add this module's commands."""
