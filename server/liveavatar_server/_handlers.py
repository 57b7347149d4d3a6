"""The handwritten handlers: the resources whose behaviour or storage the engine cannot derive.

Every operation these leave to the stubs (and every resource not listed) is served by the
resource engine (`resources`) when the resource model has its role, else answered 501.
"""

from __future__ import annotations

from liveavatar_models.server_stubs import Implementation

from liveavatar_server.resources import Call


def implementation() -> Implementation[Call]:
    """The handlers of this server; the rest of `Implementation` keeps its 501 stubs."""
    from liveavatar_server import _handlers_catalog as catalog
    from liveavatar_server import _handlers_sessions as sessions

    return Implementation(
        sessions=sessions.Sessions(),
        users=sessions.Users(),
        embeddings=sessions.Embeddings(),
        avatars=catalog.Avatars(),
        voices=catalog.Voices(),
        languages=catalog.Languages(),
    )
