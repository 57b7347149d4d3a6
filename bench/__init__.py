"""Benchmarks (`make bench`, `make bench-server`): scripts that measure, never timed tests."""
