"""The limit apps: the least a durable Python API must do, on SQLite and on PostgreSQL."""
