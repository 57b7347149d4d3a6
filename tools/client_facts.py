"""What the client resource template needs per operation beyond its name: Python signatures.

The types come from openapi-python-client's own parser (the pinned generator, same config as
`make generate`), so a resource method's parameter and return types are exactly the classes
the generated `liveavatar_api` package holds. Inputs are widened where the generated body
parser converts anyway: a UUID may be given as `str`, an enum as its value, a nested object as
a `dict`. Pagination is recognised by shape, not by name: a `data` object with
`count`, `next`, `previous` and a `results` array, and `page`/`page_size` query parameters.
"""

from __future__ import annotations

import json
import keyword
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser.errors import GeneratorError
from openapi_python_client.parser.openapi import Endpoint, GeneratorData
from openapi_python_client.parser.properties.const import ConstProperty
from openapi_python_client.parser.properties.datetime import DateTimeProperty
from openapi_python_client.parser.properties.enum_property import EnumProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.model_property import ModelProperty
from openapi_python_client.parser.properties.none import NoneProperty
from openapi_python_client.parser.properties.protocol import PropertyProtocol as Property
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.parser.properties.uuid import UuidProperty
from openapi_python_client.schema.untrusted_string import UntrustedString
from operations import Operation

IDEMPOTENT_EXTENSION = "x-idempotent"
PAGE_FIELDS = frozenset({"count", "next", "previous", "results"})
PAGE_PARAMS = frozenset({"page", "page_size"})
# Parameters the client sets itself, never per call.
CLIENT_COOKIES = frozenset({"la_session"})
# Keyword arguments every resource method may take on top of the operation's own.
RESERVED = frozenset({"session_token", "self"})


class FactsError(Exception):
    """The generator's parser refused the spec, or a keyword argument name collides."""


@dataclass(frozen=True)
class Param:
    name: str  # keyword of the resource method
    target: str  # keyword of the generated operation module
    type: str  # annotation of the resource method parameter (without the optional part)
    required: bool
    location: str  # path, query
    enum: str | None  # enum class the value is converted to, if any


@dataclass(frozen=True)
class Field:
    name: str  # keyword of the resource method
    wire: str  # JSON property name
    type: str
    required: bool


@dataclass(frozen=True)
class Variant:
    model: str  # generated attrs class built from the keyword arguments
    fields: list[Field]
    discriminator: tuple[str, str] | None  # (keyword, value) that picks this variant


@dataclass(frozen=True)
class Body:
    required: bool
    variants: list[Variant]


@dataclass(frozen=True)
class ClientOperation:
    """One operation as a resource method: its name (from `operations`) and its signature."""

    op: Operation
    path_params: list[Param]
    query_params: list[Param]
    body: Body | None
    returns: str  # type of the envelope's `data`
    data_required: bool  # `data` may be null by its schema, yet a success always carries one
    page_item: str | None  # item type when the list is paginated
    security: list[list[str]]  # alternatives, each a list of security scheme names
    idempotent: bool
    uses_cookies: list[str] = field(default_factory=list)
    sensitive: list[str] = field(default_factory=list)  # body keywords never to echo or put in argv

    @property
    def params(self) -> list[Param]:
        return self.path_params + self.query_params

    @property
    def accepts_bearer(self) -> bool:
        return any("bearer" in scheme.lower() for alt in self.security for scheme in alt)


def _untrusted(text: object) -> str:
    """A document string (the parser keeps them wrapped as untrusted)."""
    return text.get_untrusted_value() if isinstance(text, UntrustedString) else str(text)


def _wire(prop: Property) -> str:
    return _untrusted(prop.name)


def _code(prop: Property, *, no_optional: bool = True) -> str:
    # A resource method named `list` shadows the builtin inside its class.
    code = prop.get_type_string(no_optional=no_optional).as_unembedded_code()
    return re.sub(r"\blist\[", "builtins.list[", code)


def _join(types: list[str]) -> str:
    seen: list[str] = []
    for part in " | ".join(types).split(" | "):
        if part not in seen:
            seen.append(part)
    if "None" in seen:  # None last reads best
        seen.remove("None")
        seen.append("None")
    return " | ".join(seen)


def input_type(prop: Property) -> str:
    """The annotation a caller may pass for ``prop`` (what the generated parser accepts)."""
    if isinstance(prop, UuidProperty):
        return "UUID | str"
    if isinstance(prop, EnumProperty):
        values = ", ".join(json.dumps(v) for v in prop.values.values())
        return f"{prop.class_info.name} | Literal[{values}]"
    if isinstance(prop, ModelProperty):
        return f"{prop.class_info.name} | dict[str, Any]"
    if isinstance(prop, ListProperty):
        return f"builtins.list[{input_type(prop.inner_property)}]"
    if isinstance(prop, UnionProperty):
        return _join([input_type(inner) for inner in prop.inner_properties])
    if isinstance(prop, DateTimeProperty):
        return "datetime.datetime"
    return _code(prop)


def _keyword(wire: str, python_name: str) -> str:
    return wire if wire.isidentifier() and not keyword.iskeyword(wire) else python_name


def _model_props(model: ModelProperty) -> list[Property]:
    return [*(model.required_properties or []), *(model.optional_properties or [])]


def _variant(model: ModelProperty) -> Variant:
    fields = [
        Field(_keyword(_wire(p), p.python_name), _wire(p), input_type(p), p.required)
        for p in _model_props(model)
    ]
    return Variant(model.class_info.name, fields, None)


def _body(endpoint: Endpoint) -> Body | None:
    bodies = [b for b in endpoint.bodies if b.content_type == "application/json"]
    if not bodies:
        return None
    prop = bodies[0].prop
    models = prop.inner_properties if isinstance(prop, UnionProperty) else [prop]
    if not all(isinstance(m, ModelProperty) for m in models):
        raise FactsError(f"{endpoint.name}: body is not an object or a oneOf of objects")
    variants = [_variant(m) for m in models if isinstance(m, ModelProperty)]
    if len(variants) > 1:
        # The field that is a different constant in every variant picks the variant.
        consts = [
            {_wire(p): p for p in _model_props(m) if isinstance(p, ConstProperty)}
            for m in models
            if isinstance(m, ModelProperty)
        ]
        shared = set.intersection(*(set(c) for c in consts))
        chosen = next(
            (
                name
                for name in sorted(shared)
                if len({c[name].value.raw_value for c in consts}) == len(consts)
            ),
            None,
        )
        if chosen is None:
            raise FactsError(f"{endpoint.name}: a oneOf body without a constant field telling it")
        variants = [
            Variant(
                v.model,
                [Field(f.name, f.wire, f.type, True) if f.wire == chosen else f for f in v.fields],
                (_keyword(chosen, chosen), str(c[chosen].value.raw_value)),
            )
            for v, c in zip(variants, consts, strict=True)
        ]
    return Body(required=prop.required, variants=variants)


def _sensitive(spec: dict[str, Any], op: Operation, body: Body | None) -> list[str]:
    """Body keywords whose schema says writeOnly or `format: password` (a secret value)."""
    schema = op.spec.get("requestBody", {}).get("content", {}).get("application/json", {})
    schema = schema.get("schema", {})
    refs = [s.get("$ref") for s in schema.get("oneOf", [schema])]
    schemas = spec.get("components", {}).get("schemas", {})
    wire = {
        name
        for ref in refs
        if isinstance(ref, str)
        for name, prop in schemas.get(ref.rsplit("/", 1)[-1], {}).get("properties", {}).items()
        if prop.get("writeOnly") is True or prop.get("format") == "password"
    }
    fields = [f for v in (body.variants if body else []) for f in v.fields]
    return sorted({f.name for f in fields if f.wire in wire})


def _success(endpoint: Endpoint) -> Property | None:
    for response in sorted(endpoint.responses, key=lambda r: r.status_code.pattern):
        code = response.status_code.pattern
        if code.startswith("2"):
            return None if isinstance(response.prop, NoneProperty) else response.prop
    return None


def _data(prop: Property | None, models: dict[str, ModelProperty]) -> Property | None:
    if not isinstance(prop, ModelProperty):
        return None
    prop = models.get(str(prop.class_info.name), prop)  # the processed model, with its properties
    return next((p for p in _model_props(prop) if _wire(p) == "data"), None)


def _returns(data: Property | None) -> tuple[str, bool]:
    """The type of `data`, and whether a success must carry it.

    FastAPI writes `anyOf: [X, null]` for every optional-typed `data`; a success still carries
    an X, so the method returns X and the client refuses a success without it.
    """
    if data is None or isinstance(data, NoneProperty):
        return "None", False
    parts = _join([_code(data)]).split(" | ")
    if len(parts) > 1 and "None" in parts:
        return " | ".join(p for p in parts if p != "None"), True
    return " | ".join(parts), False


def _page_item(
    data: Property | None, query: list[Param], models: dict[str, ModelProperty]
) -> str | None:
    model = data
    if isinstance(model, UnionProperty):  # `anyOf: [page, null]`
        inner = [p for p in model.inner_properties if not isinstance(p, NoneProperty)]
        model = inner[0] if len(inner) == 1 else None
    if not isinstance(model, ModelProperty) or not {p.target for p in query} >= PAGE_PARAMS:
        return None
    model = models.get(str(model.class_info.name), model)
    props = {_wire(p): p for p in _model_props(model)}
    results = props.get("results")
    if not set(props) >= PAGE_FIELDS or not isinstance(results, ListProperty):
        return None
    return _code(results.inner_property)


def _param(prop: Property, location: str) -> Param:
    inner = prop.inner_properties if isinstance(prop, UnionProperty) else [prop]
    enum = next((p.class_info.name for p in inner if isinstance(p, EnumProperty)), None)
    return Param(
        _keyword(_wire(prop), prop.python_name),
        prop.python_name,
        input_type(prop),
        prop.required,
        location,
        enum,
    )


def parse(spec: dict[str, Any], config_path: Path) -> GeneratorData:
    """The spec as openapi-python-client sees it, with the configuration of `make generate`."""
    config = Config.from_sources(
        ConfigFile.load_from_path(config_path), MetaType.NONE, "openapi.json", "utf-8", True, None
    )
    data = GeneratorData.from_dict(spec, config=config)
    if isinstance(data, GeneratorError):
        raise FactsError(f"openapi-python-client refused the spec: {data.header} {data.detail}")
    return data


def client_operations(
    spec: dict[str, Any], named: list[Operation], data: GeneratorData
) -> list[ClientOperation]:
    """Every operation of ``named`` with the Python facts of its resource method."""
    endpoints = {
        (str(endpoint.method), _untrusted(endpoint.path)): endpoint
        for collection in data.endpoint_collections_by_tag.values()
        for endpoint in collection.endpoints
    }
    models = {str(m.class_info.name): m for m in data.models}
    default_security = spec.get("security", [])
    found = []
    for op in named:
        endpoint = endpoints.get((op.method, op.path))
        if endpoint is None:
            raise FactsError(f"{op.operation_id}: openapi-python-client could not parse it")
        path = [_param(p, "path") for p in endpoint.path_parameters]
        query = [_param(p, "query") for p in endpoint.query_parameters]
        cookies = [_wire(p) for p in endpoint.cookie_parameters]
        if any(c not in CLIENT_COOKIES for c in cookies) or endpoint.header_parameters:
            raise FactsError(
                f"{op.operation_id}: header or cookie parameters the client cannot set"
            )
        body = _body(endpoint)
        names = [p.name for p in path + query]
        names += [f.name for v in (body.variants if body else []) for f in v.fields]
        clash = sorted(n for n in set(names) if n in RESERVED) or sorted(
            {n for n in names if names.count(n) > 1}
            - {f.name for v in (body.variants if body else []) for f in v.fields}
        )
        if clash:
            raise FactsError(f"{op.operation_id}: keyword arguments collide: {clash}")
        result = _data(_success(endpoint), models)
        security = op.spec.get("security", default_security)
        returns, data_required = _returns(result)
        found.append(
            ClientOperation(
                op=op,
                path_params=path,
                query_params=query,
                body=body,
                returns=returns,
                data_required=data_required,
                page_item=_page_item(result, query, models),
                security=[sorted(alt) for alt in security],
                idempotent=op.spec.get(IDEMPOTENT_EXTENSION) is True,
                uses_cookies=cookies,
                sensitive=_sensitive(spec, op, body),
            )
        )
    return found


def referenced_names(texts: list[str], known: set[str]) -> list[str]:
    """The generated class names that annotations mention, for the template's imports."""
    words = {w for text in texts for w in re.findall(r"\b[A-Za-z_]\w*\b", text)}
    return sorted(words & known)


def model_names(data: GeneratorData) -> set[str]:
    """Every class the generated `liveavatar_api.models` package exports."""
    return {m.class_info.name for m in data.models} | {e.class_info.name for e in data.enums}
