"""Alembic migrations of the reference server's database (script location of `_migrate`)."""
