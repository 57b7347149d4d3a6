"""Implementations a team would otherwise write, measured beside ours in the same run."""
