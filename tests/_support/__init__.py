"""Test support, one copy each: live servers by their CLI, scratch PostgreSQL databases, bodies from the spec."""

from tests._support.bodies import SPEC, example_body, example_parameters, example_value
from tests._support.live import SERVER, LiveServer, Storage
from tests._support.postgres import PostgresUnavailable, admin_url, scratch_database

__all__ = [
    "SERVER",
    "SPEC",
    "LiveServer",
    "PostgresUnavailable",
    "Storage",
    "admin_url",
    "example_body",
    "example_parameters",
    "example_value",
    "scratch_database",
]
