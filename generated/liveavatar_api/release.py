"""The release this tree was generated for: the distribution's version and the spec's `info.version`."""

__all__ = ["SPEC_VERSION", "VERSION"]

# <spec version>.post<toolkit revision>: the rule of tools/release.py, from overrides/release.toml.
VERSION = "0.1.0.post0"
SPEC_VERSION = "0.1.0"
