"""A small FastAPI implementation of the session flow and credits, correct or with one planted defect.

Token (API key) -> start (bearer session token, 201) -> keep-alive / stop (API key or bearer);
sessions readable and listed per space; sandbox sessions cost nothing, others one credit.
"""

import secrets
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

DEFECTS = ("start_twice", "alive_after_stop", "sandbox_charged", "session_leak")


class TokenRequest(BaseModel):
    mode: Literal["FULL", "LITE"] = "LITE"
    avatar_id: uuid.UUID
    is_sandbox: bool = False


class SessionRef(BaseModel):
    session_id: uuid.UUID | None = None
    reason: str = "UNKNOWN"


class Session:
    def __init__(self, space: str, request: TokenRequest) -> None:
        self.id = str(uuid.uuid4())
        self.space = space
        self.token = secrets.token_urlsafe(24)
        self.mode = request.mode
        self.is_sandbox = request.is_sandbox
        self.state = "minted"  # -> started -> ended
        self.created_at = self.updated_at = datetime.now(UTC)
        self.end_at: datetime | None = None
        self.credits = 0.0

    def entry(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "duration": 0,
            "source": "API",
            "mode": self.mode,
            "is_sandbox": self.is_sandbox,
            "credits_consumed": self.credits,
        }
        if self.end_at is not None:
            data |= {"end_at": self.end_at, "end_reason": "USER_CLOSED"}
        return data


def build_sessions_app(keys: dict[str, str], defect: str | None = None) -> FastAPI:
    assert defect is None or defect in DEFECTS
    app = FastAPI()
    sessions: dict[str, Session] = {}
    credits = {space: 100 for space in set(keys.values())}
    api_key = APIKeyHeader(name="X-API-KEY", auto_error=False)
    bearer = HTTPBearer(auto_error=False)

    def ok(data: Any = None) -> dict[str, Any]:
        return {"code": 100, "data": data, "message": "Success"}

    def space_of(key: Annotated[str | None, Security(api_key)]) -> str:
        if key not in keys:
            raise HTTPException(status_code=401, detail="Invalid API key")
        return keys[key]

    def by_token(credentials: HTTPAuthorizationCredentials | None) -> Session:
        found = [s for s in sessions.values() if credentials and s.token == credentials.credentials]
        if not found:
            raise HTTPException(status_code=401, detail="Invalid session token")
        return found[0]

    def caller_session(
        body: SessionRef,
        key: Annotated[str | None, Security(api_key)],
        credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
    ) -> Session:
        if key is None:
            return by_token(credentials)
        space = space_of(key)
        session = sessions.get(str(body.session_id))
        if session is None or session.space != space:
            raise HTTPException(status_code=404, detail="Session not found")
        return session

    Space = Annotated[str, Depends(space_of)]
    Caller = Annotated[Session, Depends(caller_session)]

    @app.post("/v1/sessions/token")
    def create_token(body: TokenRequest, space: Space) -> dict[str, Any]:
        session = Session(space, body)
        sessions[session.id] = session
        return ok({"session_id": session.id, "session_token": session.token})

    @app.post("/v1/sessions/start", status_code=201)
    def start(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
    ) -> dict[str, Any]:
        session = by_token(credentials)
        if session.state != "minted" and not (
            defect == "start_twice" and session.state == "started"
        ):
            raise HTTPException(status_code=400, detail="Session already started")
        session.state = "started"
        if not session.is_sandbox or defect == "sandbox_charged":
            credits[session.space] -= 1
            session.credits = 1.0
        return ok(
            {"session_id": session.id, "livekit_url": "wss://lk.test", "livekit_client_token": "t"}
        )

    @app.post("/v1/sessions/keep-alive")
    def keep_alive(session: Caller) -> dict[str, Any]:
        if session.state != "started" and not (
            defect == "alive_after_stop" and session.state == "ended"
        ):
            raise HTTPException(status_code=400, detail="Session is not active")
        session.updated_at = datetime.now(UTC)
        return ok()

    @app.post("/v1/sessions/stop")
    def stop(session: Caller) -> dict[str, Any]:
        session.state = "ended"
        session.end_at = session.updated_at = datetime.now(UTC)
        return ok()

    def visible(space: str, session: Session) -> bool:
        return session.space == space or defect == "session_leak"

    @app.get("/v1/sessions")
    def list_sessions(space: Space, page: int = 1, page_size: int = 20) -> dict[str, Any]:
        mine = [s.entry() for s in reversed(sessions.values()) if visible(space, s)]
        return ok({"count": len(mine), "results": mine[(page - 1) * page_size : page * page_size]})

    @app.get("/v1/sessions/{session_id}")
    def get_session(session_id: str, space: Space) -> dict[str, Any]:
        session = sessions.get(session_id)
        if session is None or not visible(space, session):
            raise HTTPException(status_code=404, detail="Session not found")
        return ok(session.entry())

    @app.get("/v1/users/credits")
    def get_credits(space: Space) -> dict[str, Any]:
        return ok({"credits_left": str(credits[space])})

    return app
