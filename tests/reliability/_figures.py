"""The figures the reliability tests measure, collected for the run's terminal summary."""

from __future__ import annotations

__all__ = ["FIGURES", "add", "record"]

# name -> value, in the order first recorded; the conftest prints them at the end of the run.
FIGURES: dict[str, float | str] = {}


def record(name: str, value: float | str) -> None:
    """Set ``name`` (a later test on another backend records its own name)."""
    FIGURES[name] = value


def add(name: str, value: float) -> None:
    """Add ``value`` to ``name`` (a sum over tests and backends)."""
    current = FIGURES.get(name, 0)
    FIGURES[name] = (current if isinstance(current, int | float) else 0) + value
