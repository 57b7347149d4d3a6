"""The resource engine: create, read, list, update and delete for every derived resource.

It executes the resource model (`resources.model`) over one table (`objects`: a JSON
document per object) and `object_refs` (what its `<x>_id` fields name, RESTRICT). What it
does for every resource, with no per-resource code:

- create stores every field the create schema has (the overlay's `x-default` where one is
  left out), sealed fields (`writeOnly`, `format: password`) encrypted apart and never
  answered; references are checked: an unknown id, or another space's, is a 400;
- read, update and delete know only the caller's space (another space's id is a 404);
- update changes only the fields sent, checks their references and moves `updated_at`;
- delete is refused with 409 while something references the object, where the spec
  documents a 409 on the delete;
- lists are newest first, paginated when the list schema is (`count` from `row_counts`).

Behaviour the spec cannot tell plugs in as a `Behaviour`: a public catalog every space
reads, a soft delete, an idempotent create, the partition a list filters on, computed fields.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, SecretStr
from sqlalchemy import (
    Integer,
    Select,
    String,
    Text,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from liveavatar_server import _tables as t
from liveavatar_server._errors import ApiError
from liveavatar_server._pagination import Page
from liveavatar_server._prepared import RawCursor
from liveavatar_server._store import Principal, Store, new_id, now
from liveavatar_server.resources.model import Model, Resource

__all__ = ["Behaviour", "Call", "ResourceEngine", "stored_kinds"]

_o = t.objects.c
_r = t.object_refs.c
_KIND = bindparam("kind", type_=String())
_SPACE = bindparam("space_id", type_=String())
_ID = bindparam("object_id", type_=String())
_PART = bindparam("part", type_=String())
_COLUMNS = (_o.id, _o.space_id, _o.doc, _o.created_at, _o.updated_at)
_OWN = (_o.id == _ID, _o.kind == _KIND, _o.space_id == _SPACE)
# A behaviour's `public` objects (no space: the seeded catalog) are read by every space.
_VISIBLE = (_o.id == _ID, _o.kind == _KIND, or_(_o.space_id == _SPACE, _o.space_id.is_(None)))
_ONE = select(*_COLUMNS).where(*_OWN)
_ONE_VISIBLE = select(*_COLUMNS).where(*_VISIBLE)
_SEALED = select(_o.sealed).where(*_OWN)
_EXISTS = select(_o.id).where(*_OWN)
_EXISTS_VISIBLE = select(_o.id).where(*_VISIBLE)
_INSERT = insert(t.objects).values(
    {
        name: bindparam(name, type_=t.objects.c[name].type)
        for name in ("id", "kind", "space_id", "part", "doc", "sealed", "created_at", "updated_at")
    }
)
_UPDATE = (
    update(t.objects)
    .where(_o.id == _ID)
    .values(
        doc=bindparam("doc", type_=Text()),
        part=_PART,
        updated_at=bindparam("updated_at", type_=t.UTCDateTime()),
    )
)
_DELETE = delete(t.objects).where(*_OWN)
_HIDE = update(t.objects).where(*_OWN).values(kind=bindparam("hidden_kind", type_=String()))
_REFERRED = select(_r.source_id).where(_r.target_id == _ID).limit(1)
_TARGET = bindparam("target_id", type_=String())


def _add_ref(visible: bool) -> Any:
    """The reference row, inserted only if its target is an object the space may name: one
    statement checks and records it (rowcount 0: the target is unknown or another space's)."""
    space = or_(_o.space_id == _SPACE, _o.space_id.is_(None)) if visible else _o.space_id == _SPACE
    target = select(_ID, bindparam("field", type_=String()), _o.id).where(
        _o.id == _TARGET, _o.kind == _KIND, space
    )
    return insert(t.object_refs).from_select(["source_id", "field", "target_id"], target)


_ADD_REF = _add_ref(visible=False)
_ADD_REF_VISIBLE = _add_ref(visible=True)
_DROP_REF = delete(t.object_refs).where(
    _r.source_id == _ID, _r.field == bindparam("field", type_=String())
)
_ALL_SEALED = (
    select(_o.seq, _o.sealed)
    .where(_o.sealed.is_not(None), _o.seq > bindparam("after", type_=Integer()))
    .order_by(_o.seq)
    .limit(bindparam("limit", type_=Integer()))
)
_RESEAL = (
    update(t.objects)
    .where(_o.seq == bindparam("seq", type_=Integer()))
    .values(sealed=bindparam("sealed", type_=Text()))
)
# A fallback for a required answer field nothing stores or computes, by its JSON type.
_EMPTY: dict[str, Callable[[], Any]] = {
    "string": str,
    "integer": int,
    "number": float,
    "boolean": bool,
    "array": list,
    "object": dict,
}


@lru_cache(maxsize=8)
def _page(public: bool, part: bool, paged: bool) -> Select[Any]:
    """A list's rows newest first: the space's or the public ones, of one part or all."""
    where = [_o.kind == _KIND, _o.space_id.is_(None) if public else _o.space_id == _SPACE]
    if part:
        where.append(_o.part == _PART)
    query = select(*_COLUMNS).where(*where).order_by(_o.created_at.desc(), _o.seq.desc())
    if paged:
        limit, offset = bindparam("limit", type_=Integer()), bindparam("offset", type_=Integer())
        query = query.limit(limit).offset(offset)
    return query


@lru_cache(maxsize=2)
def _count(part: bool) -> Select[Any]:
    """The rows a list counts, from `row_counts` (kept by triggers): one index read."""
    c = t.row_counts.c
    where = [c.table_name == bindparam("count_name", type_=String()), c.space_key == _SPACE]
    if part:
        where.append(c.part == _PART)
    return select(func.coalesce(func.sum(c.n), 0)).where(*where)


def list_statements() -> list[Select[Any]]:
    """Every statement a list runs (the index test reads their plans)."""
    pages = [_page(p, q, True) for p in (False, True) for q in (False, True)]
    return [*pages, _count(False), _count(True)]


@dataclass(frozen=True)
class Call:
    """One authenticated call: who, in which space, against which store, at which URL."""

    store: Store
    principal: Principal | None
    space_id: str
    url: str  # the absolute request URL, query included (pagination links are built from it)
    engine: ResourceEngine | None = None  # what names an id of a kind (`ResourceEngine.names`)


class Behaviour:
    """What the spec cannot tell about one resource, as hooks on the engine (defaults: none)."""

    # Objects of no space (a seeded catalog) are read, and named, by every space.
    public: bool = False
    # A delete hides the object (its kind becomes `<kind>.deleted`) instead of removing it.
    soft_delete: bool = False

    def stored(
        self, call: Call, doc: dict[str, Any], current: Mapping[str, Any] | None
    ) -> dict[str, Any]:
        """The document to store for a create (``current`` None) or an update."""
        return doc

    def present(self, call: Call, data: dict[str, Any]) -> dict[str, Any]:
        """The answer's fields from the stored object (computed fields go here)."""
        return data

    def ident(self, call: Call, doc: Mapping[str, Any]) -> str | None:
        """A deterministic id for a new object (a create that is idempotent); None: a new one."""
        return None

    def part(self, doc: Mapping[str, Any]) -> str:
        """The partition an object's lists filter on ('' for none)."""
        return ""

    def listing(self, call: Call, kwargs: Mapping[str, Any]) -> tuple[bool, str | None]:
        """What a list shows: (the public objects instead of the space's, only this part)."""
        return False, None


def stored_kinds(model: Model, handwritten: frozenset[str] = frozenset()) -> dict[str, Resource]:
    """kind -> resource, for the resources the engine stores: every derived one no handler
    serves a role of (``handwritten`` names those)."""
    return {r.kind: r for r in model.resources.values() if r.name not in handwritten}


def _dump(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False)


def _moved(previous: datetime) -> datetime:
    return max(now(), previous + timedelta(microseconds=1))


def _count_name(kind: str) -> str:
    return f"objects.{kind}"  # the row_counts name the objects triggers keep (0006, 0007)


@dataclass
class ResourceEngine:
    """Serves the roles of every derived resource from `objects`; see the module docstring."""

    model: Model
    behaviours: dict[str, Behaviour] = field(default_factory=dict)
    # kind -> checker(store, space_id, id) for what `objects` does not hold (sessions)
    elsewhere: Callable[[Store, str, str, str], bool] | None = None
    # resources a handler serves with storage of its own (the engine leaves them alone)
    handwritten: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._stored = stored_kinds(self.model, self.handwritten)

    def serves(self, resource: Resource) -> bool:
        return resource.kind in self._stored

    def behaviour(self, resource: Resource) -> Behaviour:
        return self.behaviours.get(resource.name) or Behaviour()

    def resource(self, name: str) -> Resource:
        return self.model.resources[name]

    # --- the roles ----------------------------------------------------------------------------

    def run(self, resource: Resource, role: str, call: Call, kwargs: dict[str, Any]) -> Any:
        ident = kwargs.get(resource.id_parameter)
        if role == "create":
            return self.create(resource, call, kwargs["body"])
        if role == "list":
            return self.list(resource, call, kwargs)
        if role == "get":
            return self.get(resource, call, str(ident))
        if role == "update":
            return self.update(resource, call, str(ident), kwargs["body"])
        return self.delete(resource, call, str(ident))

    def create(self, resource: Resource, call: Call, body: BaseModel) -> dict[str, Any]:
        sent = body.model_dump(mode="json")
        doc: dict[str, Any] = {}
        sealed: dict[str, str] = {}
        for name, value in sent.items():
            spec_field = resource.fields.get(name)
            if spec_field is not None and spec_field.sealed:
                raw = getattr(body, name)
                plain = raw.get_secret_value() if isinstance(raw, SecretStr) else raw
                if plain is not None:
                    token = call.store.box.encrypt(str(plain))
                    sealed[name] = base64.b64encode(token).decode("ascii")
                continue
            if value is None and spec_field is not None and spec_field.default is not None:
                value = spec_field.default
            doc[name] = value
        return self.insert(resource, call, doc, sealed, role="create")

    def insert(
        self,
        resource: Resource,
        call: Call,
        doc: dict[str, Any],
        sealed: Mapping[str, str] | None = None,
        *,
        role: str = "get",
        public: bool = False,
    ) -> dict[str, Any]:
        """A new object of ``resource`` from its fields: a create, or a handler's own way to
        make one (the CLI's avatars, a bound voice; ``public`` for the catalog); answered in
        ``role``'s shape. An existing object of the behaviour's `ident` is answered instead."""
        behaviour = self.behaviour(resource)
        doc = behaviour.stored(call, doc, None)
        ident = behaviour.ident(call, doc)
        if ident is not None:
            with call.store.cursor(write=False) as cursor:
                found = cursor.one(_ONE, self._which(resource, call, ident))
            if found is not None:
                return self._from_row(resource, role, call, found)
        stamp = now()
        row: dict[str, Any] = {
            "id": ident or new_id(),
            "kind": resource.kind,
            "space_id": None if public else call.space_id,
            "part": behaviour.part(doc),
            "doc": _dump(doc),
            "sealed": _dump(sealed) if sealed else None,
            "created_at": stamp,
            "updated_at": stamp,
        }
        with self._writing(call.store, self._vanished(resource)) as cursor:
            self._check_references(resource, call, cursor, doc)
            cursor.run(_INSERT, row)
            self._add_references(resource, call, cursor, row["id"], doc, doc.keys())
        return self._answer(resource, role, call, row, doc)

    def get(self, resource: Resource, call: Call, ident: str) -> dict[str, Any]:
        visible = _ONE_VISIBLE if self.behaviour(resource).public else _ONE
        with call.store.cursor(write=False) as cursor:
            row = cursor.one(visible, self._which(resource, call, ident))
        if row is None:
            raise self._not_found(resource)
        return self._from_row(resource, "get", call, row)

    def list(
        self,
        resource: Resource,
        call: Call,
        kwargs: Mapping[str, Any],
        *,
        public: bool | None = None,
    ) -> Any:
        """The list role: the space's objects (or the public ones) newest first, one page;
        ``public`` overrides the behaviour's choice (a handler's public list)."""
        chosen, part = self.behaviour(resource).listing(call, kwargs)
        public = chosen if public is None else public
        values: dict[str, Any] = {
            "kind": resource.kind,
            "space_id": "" if public else call.space_id,
        }
        if part is not None:
            values["part"] = part
        if not resource.listing.paginated:
            with call.store.cursor(write=False) as cursor:
                rows = cursor.all(_page(public, part is not None, False), values)
            return [self._from_row(resource, "list", call, row) for row in rows]
        page, size = int(kwargs.get("page", 1)), int(kwargs.get("page_size", 20))
        where = Page(call.url, page, size)
        with call.store.cursor(write=False) as cursor:
            counted = cursor.one(
                _count(part is not None), {**values, "count_name": _count_name(resource.kind)}
            )
            total = int(next(iter(counted.values()))) if counted else 0
            rows = (
                []
                if where.offset >= total
                else cursor.all(
                    _page(public, part is not None, True),
                    {**values, "limit": size, "offset": where.offset},
                )
            )
        listing = resource.listing
        items = [self._from_row(resource, "list", call, row) for row in rows]
        answer: dict[str, Any] = {str(listing.items): items}
        if listing.count is not None:
            answer[listing.count] = total
        following, preceding = where.links(total)
        if listing.next is not None and following is not None:
            answer[listing.next] = following
        if listing.previous is not None and preceding is not None:
            answer[listing.previous] = preceding
        return answer

    def update(self, resource: Resource, call: Call, ident: str, body: BaseModel) -> dict[str, Any]:
        changes = body.model_dump(mode="json", exclude_unset=True)
        changes = {k: v for k, v in changes.items() if not self._sealed(resource, k)}
        behaviour = self.behaviour(resource)
        with self._writing(call.store, self._vanished(resource)) as cursor:
            row = cursor.one(_ONE, self._which(resource, call, ident))
            if row is None:
                raise self._not_found(resource)
            current = json.loads(row["doc"])
            doc = behaviour.stored(call, {**current, **changes}, current)
            changed = [k for k in doc if k not in current or doc[k] != current[k]]
            self._check_references(resource, call, cursor, {k: doc[k] for k in changed})
            stamp = _moved(row["updated_at"])
            values = {
                "object_id": ident,
                "doc": _dump(doc),
                "part": behaviour.part(doc),
                "updated_at": stamp,
            }
            cursor.run(_UPDATE, values)
            for name in changed:
                if name in resource.references:
                    cursor.run(_DROP_REF, {"object_id": ident, "field": name})
            self._add_references(resource, call, cursor, ident, doc, changed)
        return self._answer(resource, "update", call, {**row, "updated_at": stamp}, doc)

    def delete(self, resource: Resource, call: Call, ident: str) -> None:
        which = self._which(resource, call, ident)
        with self._writing(call.store, self._still_referenced(resource)) as cursor:
            if cursor.one(_EXISTS, which) is None:
                raise self._not_found(resource)
            if cursor.one(_REFERRED, {"object_id": ident}) is not None:
                raise self._still_referenced(resource)
            if self.behaviour(resource).soft_delete:
                cursor.run(_HIDE, {**which, "hidden_kind": f"{resource.kind}.deleted"})
            else:
                cursor.run(_DELETE, which)

    # --- what the rest of the server asks ------------------------------------------------------

    def names(self, store: Store, kind: str, space_id: str, ident: str) -> bool:
        """Whether ``ident`` is a ``kind`` the space may use: an object here, else what the
        handwritten storage says (`elsewhere`); a kind neither knows is a LookupError."""
        if kind in self._stored:
            with store.cursor(write=False) as cursor:
                return self._exists(cursor, kind, space_id, ident)
        if self.elsewhere is None:
            raise LookupError(f"no storage knows objects of kind {kind!r}")
        return self.elsewhere(store, kind, space_id, ident)

    def find(self, store: Store, kind: str, space_id: str, ident: str) -> dict[str, Any] | None:
        """The stored fields of an object of ``kind`` the space may read, None when none."""
        with store.cursor(write=False) as cursor:
            row = cursor.one(
                self._visible(kind, _ONE_VISIBLE, _ONE), self._of(kind, space_id, ident)
            )
        return None if row is None else dict(json.loads(row["doc"]))

    def reveal(self, store: Store, kind: str, space_id: str, ident: str, name: str) -> str | None:
        """A sealed field's value, decrypted (for integrations and tests; never answered)."""
        with store.cursor(write=False) as cursor:
            row = cursor.one(_SEALED, self._of(kind, space_id, ident))
        if row is None or row["sealed"] is None:
            return None
        token = json.loads(row["sealed"]).get(name)
        return None if token is None else store.box.decrypt(base64.b64decode(token))

    def rotate_sealed(self, store: Store, batch: int = 500) -> int:
        """Re-encrypt every sealed value under the first configured key; the objects' count."""
        done = 0
        after = 0
        while True:
            with store.cursor(write=True) as cursor:
                rows = cursor.all(_ALL_SEALED, {"after": after, "limit": batch})
                for row in rows:
                    tokens = {
                        name: base64.b64encode(store.box.rotate(base64.b64decode(token))).decode(
                            "ascii"
                        )
                        for name, token in json.loads(row["sealed"]).items()
                    }
                    cursor.run(_RESEAL, {"seq": row["seq"], "sealed": _dump(tokens)})
            if not rows:
                return done
            done += len(rows)
            after = rows[-1]["seq"]

    # --- the parts ----------------------------------------------------------------------------

    @staticmethod
    def _of(kind: str, space_id: str, ident: str) -> dict[str, Any]:
        return {"kind": kind, "space_id": space_id, "object_id": ident}

    def _which(self, resource: Resource, call: Call, ident: str) -> dict[str, Any]:
        return self._of(resource.kind, call.space_id, ident)

    def _visible(self, kind: str, public: Select[Any], own: Select[Any]) -> Select[Any]:
        resource = self._stored.get(kind)
        return public if resource is not None and self.behaviour(resource).public else own

    @staticmethod
    def _sealed(resource: Resource, name: str) -> bool:
        spec_field = resource.fields.get(name)
        return spec_field is not None and spec_field.sealed

    @staticmethod
    def _not_found(resource: Resource) -> ApiError:
        return ApiError(404, f"{resource.title} not found")

    def _still_referenced(self, resource: Resource) -> ApiError:
        names = [self.model.resources[n].label for n in resource.referenced_by]
        by = " or ".join(names) if names else "other objects"
        return ApiError(409, f"{resource.title} is still referenced by {by}; delete them first")

    @staticmethod
    def _writing(store: Store, lost: ApiError) -> _IntegrityAware:
        return _IntegrityAware(store, lost)

    @staticmethod
    def _vanished(resource: Resource) -> ApiError:
        names = ", ".join(resource.references) or "a reference"
        return ApiError(400, f"{names}: what it names was deleted meanwhile")

    def _exists(self, cursor: RawCursor, kind: str, space_id: str, ident: str) -> bool:
        statement = self._visible(kind, _EXISTS_VISIBLE, _EXISTS)
        return cursor.one(statement, self._of(kind, space_id, ident)) is not None

    def _check_references(
        self, resource: Resource, call: Call, cursor: RawCursor, doc: Mapping[str, Any]
    ) -> None:
        """References to what the engine does not store (sessions), checked before the write;
        its own objects are checked by the statement that records the reference."""
        for name, target in resource.references.items():
            value = doc.get(name)
            named = self.model.resources[target]
            if value is None or self.serves(named):
                continue
            if not self.names(call.store, named.kind, call.space_id, str(value)):
                raise self._unknown(name, named)

    @staticmethod
    def _unknown(name: str, named: Resource) -> ApiError:
        return ApiError(400, f"{name} does not name a {named.singular} of your space")

    def _add_references(
        self,
        resource: Resource,
        call: Call,
        cursor: RawCursor,
        ident: str,
        doc: Mapping[str, Any],
        names: Any,
    ) -> None:
        """Record (and so check) each reference ``names`` holds to an object of the engine."""
        for name in names:
            target = resource.references.get(name)
            if target is None or doc.get(name) is None:
                continue
            named = self.model.resources[target]
            if not self.serves(named):
                continue
            statement = _ADD_REF_VISIBLE if self.behaviour(named).public else _ADD_REF
            values = {
                "object_id": ident,
                "field": name,
                "target_id": str(doc[name]),
                "kind": named.kind,
                "space_id": call.space_id,
            }
            if cursor.run(statement, values) != 1:
                raise self._unknown(name, named)

    def _from_row(
        self, resource: Resource, role: str, call: Call, row: Mapping[str, Any]
    ) -> dict[str, Any]:
        return self._answer(resource, role, call, row, json.loads(row["doc"]))

    def _answer(
        self,
        resource: Resource,
        role: str,
        call: Call,
        row: Mapping[str, Any],
        doc: Mapping[str, Any],
    ) -> dict[str, Any]:
        """The answer of ``role``: exactly the fields its schema has (required ones always)."""
        data: dict[str, Any] = {
            **doc,
            "id": row["id"],
            "created_at": row["created_at"],
            "updated_at": row["updated_at"],
        }
        if row.get("space_id") is not None:
            data["space_id"] = row["space_id"]
        data = self.behaviour(resource).present(call, data)
        shape = resource.answer(role)
        if shape is None:
            return data
        answer = {
            k: data[k] for k in shape.properties if k in data and not self._sealed(resource, k)
        }
        for name in shape.required:
            if name not in answer:
                spec_field = resource.fields.get(name)
                kind = spec_field.type if spec_field is not None else "string"
                answer[name] = _EMPTY.get(kind, str)()
        return answer


class _IntegrityAware:
    """A write transaction whose integrity errors (a race lost to another process) are 4xx."""

    def __init__(self, store: Store, lost: ApiError) -> None:
        self._store = store
        self._lost = lost
        self._inner: Any = None

    def __enter__(self) -> RawCursor:
        self._inner = self._store.cursor(write=True)
        return self._inner.__enter__()  # type: ignore[no-any-return]

    def __exit__(self, kind: Any, value: Any, traceback: Any) -> None:
        try:
            self._inner.__exit__(kind, value, traceback)  # rolls back on an exception
        except self._store.integrity_error:
            raise self._lost from None
        if isinstance(value, self._store.integrity_error):
            raise self._lost from None
