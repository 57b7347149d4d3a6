"""One route per spec path, dispatching on method, so a 405 can name every allowed method."""

from __future__ import annotations

import re
from dataclasses import dataclass

from liveavatar_server._spec import Operation

_PARAM = re.compile(r"\{([^{}/]+)\}")


@dataclass(frozen=True)
class Route:
    """A spec path with its operations by HTTP method."""

    path: str
    pattern: re.Pattern[str] | None
    names: tuple[str, ...]
    methods: dict[str, Operation]

    @property
    def allow(self) -> str:
        return ", ".join(sorted(self.methods))


class Router:
    """Matches a request path to its route; static paths by dict lookup, templated by regex."""

    def __init__(self, operations: list[Operation]) -> None:
        by_path: dict[str, dict[str, Operation]] = {}
        for operation in operations:
            by_path.setdefault(operation.path, {})[operation.method] = operation
        self.routes: list[Route] = []
        self._static: dict[str, Route] = {}
        # A parameter never spans a `/`: only templates with as many segments can match.
        self._templated: dict[int, list[Route]] = {}
        for path, methods in by_path.items():
            names = tuple(_PARAM.findall(path))
            if not names:
                route = Route(path, None, (), methods)
                self._static[path] = route
            else:
                regex = "".join(
                    f"(?P<p{index // 2}>[^/]+)" if index % 2 else re.escape(part)
                    for index, part in enumerate(_PARAM.split(path))
                )
                route = Route(path, re.compile(f"^{regex}$"), names, methods)
                self._templated.setdefault(path.count("/"), []).append(route)
            self.routes.append(route)

    def match(self, path: str) -> tuple[Route, dict[str, str]] | None:
        route = self._static.get(path)
        if route is not None:
            return route, {}
        for route in self._templated.get(path.count("/"), ()):
            assert route.pattern is not None
            found = route.pattern.match(path)
            if found:
                return route, {name: found.group(f"p{i}") for i, name in enumerate(route.names)}
        return None
