"""The behaviour of sessions, credits and embeds: subclasses of the generated server stubs."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Literal
from urllib.parse import urlsplit
from uuid import UUID

from liveavatar_models import (
    CreateEmbedV2RequestSchema,
    CreateEmbedV2ResponseSchema,
    FullSDKSessionTokenConfigDataSchema,
    KeepSessionAliveSchema,
    ListHistoricEntrySchema,
    ListSessionEntrySchema,
    LiteSDKSessionTokenConfigDataSchema,
    PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema,
    SDKSessionTokenSchema,
    SessionEndReasonEnum,
    SessionTranscriptDataSchema,
    SessionTranscriptResponseSchema,
    StartSessionResponseSchema,
    StopSessionSchema,
    UserCreditsSchema,
)
from liveavatar_models.server_stubs import EmbeddingsStub, SessionsStub, UsersStub

from liveavatar_server import _credits
from liveavatar_server import _sessions as sessions
from liveavatar_server._errors import ApiError
from liveavatar_server._pagination import Page
from liveavatar_server._realtime_token import socket_url
from liveavatar_server._references import references_exist
from liveavatar_server._store import Row, Store
from liveavatar_server.resources import Call

__all__ = ["Embeddings", "Sessions", "Users"]

TokenBody = FullSDKSessionTokenConfigDataSchema | LiteSDKSessionTokenConfigDataSchema


def _not_found() -> ApiError:
    return ApiError(404, "Session not found")


def _registered(store: Store, kind: str, space_id: str, ident: str) -> bool:
    return references_exist(store, space_id, kind, ident)


def _require(ctx: Call, kind: str, value: object, field: str) -> None:
    """400 unless ``value`` (when given) is a ``kind`` of the caller's space."""
    names = ctx.engine.names if ctx.engine is not None else _registered
    if value is not None and not names(ctx.store, kind, ctx.space_id, str(value)):
        raise ApiError(400, f"{field} does not name a {kind.replace('_', ' ')} of your space")


def _references(ctx: Call, body: TokenBody) -> None:
    _require(ctx, "avatar", body.avatar_id, "avatar_id")
    if isinstance(body, FullSDKSessionTokenConfigDataSchema):
        persona = body.avatar_persona
        _require(ctx, "voice", persona.voice_id, "avatar_persona.voice_id")
        _require(ctx, "context", persona.context_id, "avatar_persona.context_id")
        _require(ctx, "llm_configuration", body.llm_configuration_id, "llm_configuration_id")
        if body.memory is not None:
            _require(ctx, "session", body.memory.prev_session_id, "memory.prev_session_id")
            _require(ctx, "memory", body.memory.session_memory_id, "memory.session_memory_id")
        return
    for name in ("elevenlabs_agent_config", "openai_realtime_config", "gemini_realtime_config"):
        connector = getattr(body, name)
        if connector is None:
            continue
        _require(ctx, "secret", connector.secret_id, f"{name}.secret_id")
        _require(ctx, "context", getattr(connector, "context_id", None), f"{name}.context_id")


def _max_duration(ctx: Call, requested: int | None) -> int:
    limit = ctx.store.settings.sessions.max_duration
    if requested is None:
        return limit
    if not 0 < requested <= limit:
        raise ApiError(400, f"max_session_duration must be between 1 and {limit} seconds")
    return requested


def _credits_consumed(row: Row) -> float:
    return float(_credits.credits_text(row["credits_millis"]))


def _entry(ctx: Call, row: Row) -> ListSessionEntrySchema | ListHistoricEntrySchema:
    duration = row["duration"]
    if row["state"] == sessions.RUNNING:
        duration = max(0, int((ctx.store.clock() - row["started_at"]).total_seconds()))
    fields: dict[str, Any] = {
        "id": row["id"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "duration": duration,
        "source": row["source"],
        "mode": row["mode"],
        "is_sandbox": row["is_sandbox"],
        "credits_consumed": _credits_consumed(row),
    }
    if row["state"] != sessions.ENDED:
        return ListSessionEntrySchema(**fields)
    return ListHistoricEntrySchema(**fields, end_at=row["ended_at"], end_reason=row["end_reason"])


def _target(ctx: Call, given: object) -> str:
    """The session a stop or keep-alive acts on: the bearer token's, else the body's id."""
    assert ctx.principal is not None
    mine = ctx.principal.session_id
    if mine is not None:
        if given is not None and str(given) != mine:
            raise ApiError(400, "session_id does not match the session token")
        return mine
    if given is None:
        raise ApiError(400, "session_id is required when authenticating with an API key")
    return str(given)


def _conflict(exc: sessions.SessionStateConflict) -> ApiError:
    return ApiError(409, str(exc))


class Sessions(SessionsStub[Call]):
    """Sessions of the caller's space: token, start, keep-alive, stop, lists, transcript."""

    def create_token(self, ctx: Call, /, *, body: TokenBody) -> SDKSessionTokenSchema:
        assert ctx.principal is not None
        # A session token outlives its session only so that start, stop and keep-alive can
        # answer 409; it must not mint new sessions once its own has ended.
        minted_by = ctx.principal.session_id
        if minted_by is not None and sessions.has_ended(ctx.store, ctx.space_id, minted_by):
            raise ApiError(401, "Invalid or expired session token")
        _references(ctx, body)
        new = sessions.NewSession(
            mode=body.mode,
            is_sandbox=bool(body.is_sandbox),
            max_duration=_max_duration(ctx, body.max_session_duration),
            avatar_id=str(body.avatar_id),
        )
        if isinstance(body, FullSDKSessionTokenConfigDataSchema):
            context = body.avatar_persona.context_id
            new = sessions.NewSession(
                **{**new.__dict__, "context_id": str(context) if context else None}
            )
        elif body.livekit_config is not None:
            livekit = body.livekit_config
            new = sessions.NewSession(
                **{
                    **new.__dict__,
                    "custom_livekit_url": livekit.livekit_url,
                    "custom_livekit_room": livekit.livekit_room,
                    "custom_livekit_token": livekit.livekit_client_token,
                }
            )
        session_id, token = sessions.create(ctx.store, ctx.principal, ctx.space_id, new)
        return SDKSessionTokenSchema(session_id=UUID(session_id), session_token=token)

    def start(self, ctx: Call, /) -> StartSessionResponseSchema:
        session_id = ctx.principal.session_id if ctx.principal is not None else None
        if session_id is None:
            raise ApiError(401, "Starting a session needs its session token as the bearer")
        try:
            row, own_token = sessions.start(ctx.store, ctx.space_id, session_id)
        except LookupError:
            raise _not_found() from None
        except sessions.SessionStateConflict as exc:
            raise _conflict(exc) from None
        except sessions.NotEnoughCredits as exc:
            raise ApiError(
                402,
                f"Not enough credits: starting a non-sandbox session needs {exc} "
                "(one minute); use is_sandbox or grant credits",
            ) from None
        settings = ctx.store.settings.sessions
        tokens = ctx.store.livekit
        moment, until = row["started_at"], row["ends_by"] + timedelta(minutes=5)
        fields: dict[str, Any] = {
            "session_id": row["id"],
            "max_session_duration": int((row["ends_by"] - row["started_at"]).total_seconds()),
        }
        if row["custom_livekit_url"] is not None and own_token is not None:
            # LITE with the caller's own LiveKit room: the avatar joins theirs.
            fields["livekit_url"] = row["custom_livekit_url"]
            fields["livekit_client_token"] = own_token
        else:
            fields["livekit_url"] = settings.livekit_url
            fields["livekit_client_token"] = tokens.join(
                row["room"], f"client-{row['id']}", now=moment, valid_until=until
            )
            fields["livekit_agent_token"] = tokens.join(
                row["room"], f"agent-{row['id']}", now=moment, valid_until=until
            )
        if row["mode"] == "LITE":
            fields["ws_url"] = socket_url(ctx.url, row, tokens)
        return StartSessionResponseSchema(**fields)

    def stop(self, ctx: Call, /, *, body: StopSessionSchema | None = None) -> Any:
        # An absent body is the spec's default body, `{"reason": "USER_CLOSED"}`.
        body = body or StopSessionSchema(reason=SessionEndReasonEnum.USER_CLOSED)
        session_id = _target(ctx, body.session_id)
        reason = body.reason.value if body.reason is not None else "UNKNOWN"
        try:
            sessions.stop(ctx.store, ctx.space_id, session_id, reason)
        except LookupError:
            raise _not_found() from None
        except sessions.SessionStateConflict as exc:
            raise _conflict(exc) from None
        return None

    def keep_alive(self, ctx: Call, /, *, body: KeepSessionAliveSchema | None = None) -> Any:
        session_id = _target(ctx, (body or KeepSessionAliveSchema()).session_id)
        try:
            sessions.keep_alive(ctx.store, ctx.space_id, session_id)
        except LookupError:
            raise _not_found() from None
        except sessions.SessionStateConflict as exc:
            raise _conflict(exc) from None
        return None

    def list(
        self,
        ctx: Call,
        /,
        *,
        page: int = 1,
        page_size: int = 20,
        type: Literal["active", "historic"],
        avatar_id: str | None = None,
        embed_id: str | None = None,
        context_id: str | None = None,
    ) -> PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema:
        if type not in ("active", "historic"):
            raise ApiError(400, "type must be active or historic")
        window = Page(ctx.url, max(1, page), min(max(1, page_size), 100))
        count, rows = sessions.list_page(
            ctx.store,
            ctx.space_id,
            active=type == "active",
            filters={"avatar_id": avatar_id, "embed_id": embed_id, "context_id": context_id},
            offset=window.offset,
            limit=window.size,
        )
        following, preceding = window.links(count)
        # The spec types `next`/`previous` as strings (not nullable): past either end they
        # are left out rather than sent as null.
        links = {
            name: link
            for name, link in (("next", following), ("previous", preceding))
            if link is not None
        }
        return PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema(
            count=count, results=[_entry(ctx, row) for row in rows], **links
        )

    def get(
        self, ctx: Call, /, *, session_id: str
    ) -> ListSessionEntrySchema | ListHistoricEntrySchema:
        row = sessions.get(ctx.store, ctx.space_id, session_id)
        if row is None:
            raise _not_found()
        return _entry(ctx, row)

    def get_transcript(
        self,
        ctx: Call,
        /,
        *,
        session_id: str,
        start_timestamp: int | None = None,
        end_timestamp: int | None = None,
    ) -> SessionTranscriptResponseSchema:
        found = sessions.transcript(
            ctx.store, ctx.space_id, session_id, start_timestamp, end_timestamp
        )
        if found is None:
            raise _not_found()
        row, lines = found
        return SessionTranscriptResponseSchema(
            session_active=row["state"] == sessions.RUNNING,
            transcript_data=[SessionTranscriptDataSchema(**line) for line in lines],
        )

    def delete_events(self, ctx: Call, /, *, session_id: str) -> Any:
        if not sessions.delete_events(ctx.store, ctx.space_id, session_id):
            raise _not_found()
        return None


class Users(UsersStub[Call]):
    """The caller's space as the account: its credit balance."""

    def get_credits(self, ctx: Call, /) -> UserCreditsSchema:
        sessions.expire_due(ctx.store, ctx.space_id)
        with ctx.store.cursor(write=False) as cursor:
            amount = _credits.balance(cursor, ctx.space_id)
        return UserCreditsSchema(credits_left=_credits.credits_text(amount))


class Embeddings(EmbeddingsStub[Call]):
    """Embeds of the caller's avatars; their sessions are listed with `embed_id`."""

    def create(
        self, ctx: Call, /, *, body: CreateEmbedV2RequestSchema
    ) -> CreateEmbedV2ResponseSchema:
        _require(ctx, "avatar", body.avatar_id, "avatar_id")
        _require(ctx, "context", body.context_id, "context_id")
        _require(ctx, "voice", body.voice_id, "voice_id")
        if body.max_session_duration is not None:
            _max_duration(ctx, body.max_session_duration)
        orientation = body.orientation.value if body.orientation is not None else "horizontal"
        embed_id = sessions.create_embed(
            ctx.store,
            ctx.space_id,
            {
                "avatar_id": str(body.avatar_id),
                "context_id": str(body.context_id),
                "voice_id": str(body.voice_id) if body.voice_id else None,
                "embed_type": body.type.value if body.type is not None else "DEFAULT",
                "orientation": orientation,
                "max_duration": body.max_session_duration,
                "default_language": body.default_language,
                "is_sandbox": bool(body.is_sandbox),
            },
        )
        scheme, netloc, *_ = urlsplit(ctx.url)
        url = f"{scheme}://{netloc}/embeds/{embed_id}"
        script = (
            f'<iframe src="{url}" allow="microphone; camera" '
            'style="border: none; width: 100%; aspect-ratio: '
            f'{"9 / 16" if orientation == "vertical" else "16 / 9"};"></iframe>'
        )
        return CreateEmbedV2ResponseSchema(
            embed_id=UUID(embed_id), url=url, script=script, orientation=body.orientation
        )
