"""Core statements compiled once per dialect and run on the pooled DBAPI connection.

SQLAlchemy's Connection costs more per call than SQLite needs to run the statement; the hot
path (authenticate, create) compiles its statements once and keeps SQLAlchemy's type
processing through the public `construct_params`, `bind_processor` and `result_processor`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Dialect, Engine
from sqlalchemy.sql import ClauseElement, Select
from sqlalchemy.sql.compiler import SQLCompiler


class Prepared:
    """One statement: its SQL text for ``dialect``, bind processing, result processing."""

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        self._compiled = compiled
        self.sql = compiled.string
        self._order: list[str] | None = (
            list(compiled.positiontup or []) if compiled.positional else None
        )
        self._processors: dict[str, Callable[[Any], Any]] = {}
        for name, bind in getattr(compiled, "binds", {}).items():
            processor = bind.type.bind_processor(dialect)
            if processor is not None:
                self._processors[name] = processor
        self.columns: list[tuple[str, Callable[[Any], Any] | None]] = []
        if isinstance(statement, Select):
            for column in statement.selected_columns:
                self.columns.append((str(column.key), column.type.result_processor(dialect, None)))

    def parameters(self, values: Mapping[str, Any]) -> Any:
        params = dict(self._compiled.construct_params(dict(values)) or {})
        for name, processor in self._processors.items():
            if name in params:
                params[name] = processor(params[name])
        if self._order is None:
            return params
        return tuple(params[name] for name in self._order)

    def row(self, raw: tuple[Any, ...] | None) -> dict[str, Any] | None:
        if raw is None:
            return None
        return {
            key: processor(value) if processor else value
            for (key, processor), value in zip(self.columns, raw, strict=True)
        }


class RawCursor:
    """A DBAPI cursor that runs `Prepared` statements."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    def one(self, statement: Prepared, values: Mapping[str, Any]) -> dict[str, Any] | None:
        self._cursor.execute(statement.sql, statement.parameters(values))
        return statement.row(self._cursor.fetchone())

    def run(self, statement: Prepared, values: Mapping[str, Any]) -> int:
        self._cursor.execute(statement.sql, statement.parameters(values))
        return int(self._cursor.rowcount)


@contextmanager
def raw_transaction(engine: Engine, *, write: bool) -> Iterator[RawCursor]:
    """A pooled DBAPI connection in one transaction (SQLite: BEGIN IMMEDIATE for writers)."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        if write and engine.dialect.name == "sqlite":
            cursor.execute("BEGIN IMMEDIATE")
        try:
            yield RawCursor(cursor)
            if write:
                connection.commit()  # readers end with the pool's rollback-on-return
        except BaseException:
            connection.rollback()
            raise
        finally:
            cursor.close()
    finally:
        connection.close()
