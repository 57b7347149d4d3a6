"""Test support shared by every test package: one copy of each helper."""
