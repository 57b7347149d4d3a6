"""Test support, one copy each: the pytest plugin (`fixtures`), `live` servers, `processes`, `postgres` scratch databases, `examples` from the spec."""
