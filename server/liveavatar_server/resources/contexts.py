"""What the spec cannot tell about contexts: link ids, and the dynamic variables they need."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from liveavatar_server._store import new_id
from liveavatar_server.resources.engine import Behaviour, Call

_DYNAMIC_VARIABLE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def dynamic_variables(*texts: str) -> list[str]:
    """`{{name}}` placeholders of the prompt and opening text, each once, in order."""
    return list(
        dict.fromkeys(m.group(1) for text in texts for m in _DYNAMIC_VARIABLE.finditer(text))
    )


def _links(sent: Sequence[Mapping[str, Any]], kept: Sequence[Mapping[str, Any]]) -> list[Any]:
    """Links as stored: a sent id that names one of the context's links keeps it, else a new id."""
    known = {str(link["id"]) for link in kept}
    return [
        {
            **link,
            "id": str(link["id"])
            if link.get("id") is not None and str(link["id"]) in known
            else new_id(),
        }
        for link in sent
    ]


class Contexts(Behaviour):
    """Each link gets an id of the server's (kept across updates that send it back)."""

    def stored(
        self, call: Call, doc: dict[str, Any], current: Mapping[str, Any] | None
    ) -> dict[str, Any]:
        kept = (current or {}).get("links") or []
        if current is not None and doc.get("links") is current.get("links"):
            return doc
        return {**doc, "links": _links(doc.get("links") or [], kept)}

    def present(self, call: Call, data: dict[str, Any]) -> dict[str, Any]:
        texts = (str(data.get("prompt") or ""), str(data.get("opening_text") or ""))
        return {**data, "required_dynamic_variables": dynamic_variables(*texts)}
