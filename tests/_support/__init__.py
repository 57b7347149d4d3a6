"""Test support, one copy each: `live` servers by their CLI, `postgres` scratch databases, `bodies` from the spec."""
