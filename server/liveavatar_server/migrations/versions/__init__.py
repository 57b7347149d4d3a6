"""Migration scripts, applied in order by `liveavatar_server._migrate.upgrade`."""
