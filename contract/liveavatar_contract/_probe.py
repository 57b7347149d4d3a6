"""An httpx session for the scenario phase that turns broken promises into findings."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import httpx

from liveavatar_contract._findings import API_KEY_HEADER, Finding, curl_line, describe
from liveavatar_contract._spec import Operation, OperationIndex

SECRET_FIELD = "secret_value"  # noqa: S105 (a field name, not a secret)
REQUEST_ID_HEADER = "x-request-id"
NOT_IMPLEMENTED = 501


class ScenarioStop(Exception):
    """Raised after a finding: the rest of that scenario depends on the broken step."""


class OutOfScope(ScenarioStop):
    """The scenario's next step needs an operation that was not selected or is not implemented."""


class Probe:
    """Sends requests as one of the keys and checks every response for leaked secret values.

    It also keeps to the chosen operations (a step outside them stops its scenario quietly),
    records which operations each scenario reached, and notes hygiene lapses as warnings.
    """

    def __init__(
        self,
        base_url: str,
        keys: dict[str, str],
        *,
        known: list[Operation],
        scope: set[str] | None = None,
        timeout: float = 15.0,
        envelopes: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self._client = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout)
        self._keys = keys
        self._index = OperationIndex(known)
        self.scope = scope if scope is not None else {op.operation_id for op in known}
        self.findings: list[Finding] = []
        self.secret_values: set[str] = set()
        self.last_response: httpx.Response | None = None
        self.scenario = ""
        # check class -> operationIds a check of that class judged; every operation a story sent.
        self.reached: dict[str, set[str]] = {}
        self.touched: set[str] = set()
        self.not_implemented: set[str] = set()
        # Resources a scenario could not judge, and why (not a failure of the implementation).
        self.not_judged: dict[str, str] = {}
        self._warned: set[tuple[str, str]] = set()
        # operationId -> the members its success envelope requires (code, data, message).
        self._envelopes = envelopes or {}

    @property
    def failures(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.warning]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.warning]

    def operation_of(self, method: str, path: str) -> Operation | None:
        return self._index.find(method, path)

    def close(self) -> None:
        self._client.close()

    def has_key(self, name: str) -> bool:
        return bool(self._keys.get(name))

    def call(
        self,
        method: str,
        path: str,
        *,
        as_key: str | None = "API_KEY",
        raw_key: str | None = None,
        bearer: str | None = None,
        body: object = None,
    ) -> httpx.Response:
        operation = self.operation_of(method, path)
        if operation is None or operation.operation_id not in self.scope:
            raise OutOfScope(f"{method} {path}")
        headers = {}
        key = raw_key if raw_key is not None else (self._keys[as_key] if as_key else None)
        if key is not None:
            headers[API_KEY_HEADER] = key
        if bearer is not None:
            headers["authorization"] = f"Bearer {bearer}"
        content = None
        if body is not None:
            content = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["content-type"] = "application/json"
        response = self._client.request(method, path, headers=headers, content=content)
        self.last_response = response
        if response.status_code == NOT_IMPLEMENTED:
            self.not_implemented.add(operation.operation_id)
            raise OutOfScope(f"{operation.operation_id} answers 501")
        if self.scenario not in {"implemented", "cleanup"}:
            self.touched.add(operation.operation_id)
        if REQUEST_ID_HEADER not in response.headers:
            self.warn(
                "request_id_header",
                f"{operation.label} answers without an X-Request-ID header",
                response,
                once_for=operation.operation_id,
            )
        leaked = [value for value in self.secret_values if value in response.text]
        sent_here = [value for value in leaked if content is not None and value.encode() in content]
        if leaked and sent_here == leaked and 400 <= response.status_code < 500:
            # FastAPI's 422 echoes the rejected `input`: the same client's own value, not a leak.
            self.warn(
                "secret_echoed_to_sender",
                "an error response echoes the secret value its own request carried",
                response,
                once_for=operation.operation_id,
            )
        elif leaked:
            self.fail(
                "secret_never_echoed", "a stored secret value appears in the response", response
            )
        # Error bodies may name the field (masked); a success body never carries it.
        if response.is_success and any(
            SECRET_FIELD in item for item in walk_objects(_parsed(response))
        ):
            self.fail(
                "secret_never_echoed", f"the response carries a `{SECRET_FIELD}` field", response
            )
        return response

    def reproduce(self, response: httpx.Response) -> str:
        return curl_line(response.request, self._keys)

    def fail(
        self, check: str, message: str, response: httpx.Response, *, documented: bool = True
    ) -> None:
        """Record a finding and stop the scenario."""
        self.findings.append(
            Finding(
                check,
                f"{message}; got {describe(response)}",
                self.reproduce(response),
                documented=documented,
            )
        )
        raise ScenarioStop

    def warn(self, check: str, message: str, response: httpx.Response, *, once_for: str) -> None:
        """Record a hygiene warning (once per check and operation); the scenario goes on."""
        if (check, once_for) in self._warned:
            return
        self._warned.add((check, once_for))
        self.findings.append(
            Finding(
                check,
                f"{message}; got {describe(response)}",
                self.reproduce(response),
                warning=True,
            )
        )

    def record_unexpected(self, scenario: str, error: Exception) -> None:
        """A scenario tripped over a response shape it did not expect: a finding on the last exchange."""
        last = self.last_response
        self.findings.append(
            Finding(
                "unexpected_shape",
                f"scenario `{scenario}` could not read the response ({type(error).__name__}: {error})"
                + (f"; got {describe(last)}" if last is not None else ""),
                self.reproduce(last) if last is not None else "(no request was sent)",
            )
        )

    def expect(
        self,
        condition: bool,
        check: str,
        message: str,
        response: httpx.Response,
        *,
        documented: bool = True,
    ) -> None:
        operation = self.operation_of(response.request.method, response.request.url.path)
        if operation is not None:
            self.reached.setdefault(check, set()).add(operation.operation_id)
        if not condition:
            self.fail(check, message, response, documented=documented)

    def expect_status(
        self,
        response: httpx.Response,
        status: int,
        check: str,
        why: str,
        *,
        documented: bool = True,
    ) -> None:
        self.expect(
            response.status_code == status,
            check,
            f"{why}: expected {status}",
            response,
            documented=documented,
        )

    def data(self, response: httpx.Response, check: str = "envelope") -> Any:
        """The `data` member of a 2xx envelope, which must carry every member its schema
        requires (`code`, which every real client reads, `data`, `message`)."""
        try:
            body = response.json()
        except ValueError:
            body = None
        operation = self.operation_of(response.request.method, response.request.url.path)
        required = self._envelopes.get(operation.operation_id, ()) if operation else ()
        missing = [name for name in required if not isinstance(body, dict) or name not in body]
        self.expect(
            isinstance(body, dict) and "data" in body and not missing,
            check,
            "a success must be the {code, data, message} envelope"
            + (f" (missing {', '.join(f'`{m}`' for m in missing)})" if missing else ""),
            response,
        )
        assert isinstance(body, dict)
        self.expect(
            "code" not in required or isinstance(body.get("code"), int),
            check,
            "the envelope's `code` must be an integer (clients compare it)",
            response,
        )
        return body["data"]

    def expect_error_body(self, response: httpx.Response, check: str) -> None:
        """An error carries a JSON object; the docs define no shape (envelope or FastAPI's {detail})."""
        try:
            body = response.json()
        except ValueError:
            body = None
        self.expect(isinstance(body, dict), check, "an error must carry a JSON object", response)

    def expect_timestamps(self, item: dict[str, Any], response: httpx.Response) -> None:
        """Every `*_at` field carries a timezone and updated_at >= created_at."""
        stamps: dict[str, datetime] = {}
        for name, value in item.items():
            if not name.endswith("_at") or value is None:
                continue
            parsed = parse_timestamp(value)
            self.expect(
                parsed is not None and parsed.tzinfo is not None,
                "timestamps_carry_timezone",
                f"`{name}` = {value!r} must be an ISO 8601 timestamp with a timezone",
                response,
            )
            assert parsed is not None
            stamps[name] = parsed
        if "created_at" in stamps and "updated_at" in stamps:
            self.expect(
                stamps["updated_at"] >= stamps["created_at"],
                "timestamps_carry_timezone",
                "updated_at must not be earlier than created_at",
                response,
            )

    def ids(self, items: Iterable[Any]) -> list[str]:
        return [str(item.get("id")) for item in items if isinstance(item, dict)]


def _parsed(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def walk_objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object inside a document."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk_objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk_objects(value)


def parse_timestamp(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
