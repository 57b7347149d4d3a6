"""One real multi-step flow per resource of the spec: `liveavatar.LiveAvatar` against the server.

The server is the real `liveavatar-server serve` of conftest.py. What the API cannot make comes
from where docs/server.md says it does: avatars, credits and a second space from the server's CLI
(as an operator makes them), transcript lines and a visitor's session through an embed from the
server's own hooks (`_sessions.add_transcript`, `_sessions.open_embed_session`) writing to the
store the served process reads. Every other step is a call of the client.
"""

from __future__ import annotations

import asyncio
import base64
import importlib
import io
import time
import wave
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import pytest
from liveavatar import (
    APIStatusError,
    AsyncLiveAvatar,
    BadRequestError,
    ConflictError,
    LiveAvatar,
    LiveAvatarError,
    NotFoundError,
)
from liveavatar._settings import API_KEY_ENV, SESSION_ENV, SESSION_TOKEN_ENV
from liveavatar_api.models import (
    DefaultAvatarVoice,
    EmbedOrientation,
    ListHistoricEntrySchema,
    ListSessionEntrySchema,
    SessionEndReasonEnum,
    SessionModeEnum,
    SessionSourceEnum,
    SessionTranscriptDataSchemaRole,
)
from liveavatar_api.resources import OPERATIONS
from liveavatar_api.types import Unset
from liveavatar_server import _sessions
from liveavatar_server._settings import Settings, sqlite_url
from liveavatar_server._store import Store

from tests.integration._flows import FLOWS, flow
from tests.integration.conftest import Server

SessionEntry = ListHistoricEntrySchema | ListSessionEntrySchema
SECRET_VALUE = "sk-integration-flow-secret-456"
PERSONA = {"language": "en"}


@dataclass(frozen=True)
class Space:
    """The second space of conftest.py (made by the CLI): what it must not see of the first."""

    space_id: str
    client: LiveAvatar


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[LiveAvatar]:
    with LiveAvatar(server.api_key, base_url=server.url) as client:
        yield client


@pytest.fixture(scope="module")
def other(server: Server) -> Iterator[Space]:
    with LiveAvatar(server.other_api_key, base_url=server.url) as client:
        yield Space(server.other_space_id, client)


@pytest.fixture(scope="module")
def store(server: Server) -> Iterator[Store]:
    """The served store, opened in this process for the server's test hooks."""
    data_dir = server.storage.data_dir.resolve()
    url = server.storage.database_url or sqlite_url(data_dir)
    opened = Store(Settings(data_dir=data_dir, database_url=url))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def avatar_id(client: LiveAvatar) -> str:
    """A public avatar: usable by every space, in sandbox sessions too."""
    return str(next(iter(client.avatars.list_public())).id)


def _ids(entries: Iterable[Any]) -> set[str]:
    return {str(entry.id) for entry in entries}


def _delete_and_check_gone(resource: Any, object_id: str) -> None:
    """Delete answers None; afterwards get and a second delete are 404 and the list lacks it."""
    assert resource.delete(object_id) is None
    with pytest.raises(NotFoundError):
        resource.get(object_id)
    assert object_id not in _ids(resource.list())
    with pytest.raises(NotFoundError):
        resource.delete(object_id)


def _end_reason(entry: SessionEntry) -> str | None:
    """How a session ended, None while it has not (an ended one reads as a historic entry)."""
    if isinstance(entry, ListHistoricEntrySchema):
        reason = entry.end_reason
        return reason.value if isinstance(reason, SessionEndReasonEnum) else None
    return None


def _credits(client: LiveAvatar) -> Decimal:
    return Decimal(client.users.get_credits().credits_left)


def _wait_until(condition: Callable[[], bool], timeout_s: float = 5.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def test_every_resource_has_a_flow() -> None:
    importlib.import_module("tests.integration.test_client_server")  # registers its flows
    resources = {operation.resource for operation in OPERATIONS}
    assert resources - FLOWS.keys() == set()
    assert FLOWS.keys() - resources == set()  # no flow names a resource the client lacks


@flow("sessions")
def test_open_session_is_active_then_ended(client: LiveAvatar, avatar_id: str) -> None:
    with client.sessions.open(
        avatar_id=avatar_id, mode="LITE", is_sandbox=True, keep_alive_interval=0.1
    ) as session:
        session_id = session.session_id
        assert UUID(session_id)
        assert session.livekit_url.startswith(("ws://", "wss://"))
        assert session.livekit_client_token
        assert session.livekit_agent_token
        assert session.ws_url is not None
        assert session_id in session.ws_url  # LITE: where the agent sends avatar commands
        assert session.max_session_duration
        assert session_id in _ids(client.sessions.list(type="active"))
        assert session_id not in _ids(client.sessions.list(type="historic"))
        running = client.sessions.get(session_id)
        assert (running.mode, running.source, running.is_sandbox) == (
            SessionModeEnum.LITE,
            SessionSourceEnum.API,
            True,
        )
        assert _end_reason(running) is None
        # The background keep-alive reaches the server: it moves the session's updated_at.
        _wait_until(lambda: client.sessions.get(session_id).updated_at > running.updated_at)

    ended = client.sessions.get(session_id)
    assert _end_reason(ended) == SessionEndReasonEnum.USER_CLOSED.value
    assert ended.credits_consumed == 0  # sandbox
    assert session_id not in _ids(client.sessions.list(type="active"))
    assert session_id in _ids(client.sessions.list(type="historic"))
    with pytest.raises(ConflictError):
        client.sessions.stop(session_id=session_id, reason="USER_CLOSED")


@flow("sessions")
def test_session_by_hand(client: LiveAvatar, avatar_id: str, store: Store) -> None:
    token = client.sessions.create_token(
        mode="FULL", avatar_id=avatar_id, avatar_persona=PERSONA, is_sandbox=True
    )
    session_id, bearer = str(token.session_id), token.session_token
    assert client.sessions.get(session_id).mode == SessionModeEnum.FULL
    # Created, not started: in neither list, and nothing to keep alive.
    assert session_id not in _ids(client.sessions.list(type="active"))
    assert session_id not in _ids(client.sessions.list(type="historic"))
    with pytest.raises(ConflictError):
        client.sessions.keep_alive(session_token=bearer)

    started = client.sessions.start(session_token=bearer)
    assert str(started.session_id) == session_id
    assert started.livekit_url
    assert started.livekit_client_token
    assert isinstance(started.ws_url, Unset)  # FULL: the service runs the agent
    with pytest.raises(ConflictError):
        client.sessions.start(session_token=bearer)
    assert client.sessions.keep_alive(session_token=bearer) is None
    assert client.sessions.keep_alive(session_id=session_id) is None  # with the API key
    with pytest.raises(BadRequestError):
        client.sessions.keep_alive()  # the API key alone names no session

    assert client.sessions.get_transcript(session_id).transcript_data == []
    _sessions.add_transcript(store, session_id, "user", "Hello, who are you?")
    _sessions.add_transcript(store, session_id, "avatar", "Your guide for today.")
    transcript = client.sessions.get_transcript(session_id)
    assert transcript.session_active is True
    assert [(line.role, line.transcript) for line in transcript.transcript_data] == [
        (SessionTranscriptDataSchemaRole.USER, "Hello, who are you?"),
        (SessionTranscriptDataSchemaRole.AVATAR, "Your guide for today."),
    ]
    later = transcript.transcript_data[-1].absolute_timestamp + 1
    assert client.sessions.get_transcript(session_id, start_timestamp=later).transcript_data == []

    assert client.sessions.stop(session_token=bearer, reason="USER_DISCONNECTED") is None
    assert _end_reason(client.sessions.get(session_id)) == "USER_DISCONNECTED"
    assert client.sessions.get_transcript(session_id).session_active is False
    with pytest.raises(ConflictError):
        client.sessions.stop(session_token=bearer)
    with pytest.raises(ConflictError):
        client.sessions.keep_alive(session_token=bearer)
    assert client.sessions.delete_events(session_id) is None
    assert client.sessions.get_transcript(session_id).transcript_data == []
    with pytest.raises(NotFoundError):
        client.sessions.get(str(uuid4()))


@flow("sessions")
def test_an_ended_session_is_a_historic_entry(client: LiveAvatar, avatar_id: str) -> None:
    token = client.sessions.create_token(mode="LITE", avatar_id=avatar_id, is_sandbox=True)
    client.sessions.stop(session_id=str(token.session_id), reason="USER_CLOSED")
    ended = client.sessions.get(str(token.session_id))
    assert isinstance(ended, ListHistoricEntrySchema)
    assert ended.end_reason == SessionEndReasonEnum.USER_CLOSED
    # An active one is not mistaken for a historic one (the union is tried narrowest first).
    running = client.sessions.create_token(mode="LITE", avatar_id=avatar_id, is_sandbox=True)
    active = client.sessions.get(str(running.session_id))
    assert type(active) is ListSessionEntrySchema


@flow("avatars")
def test_avatar_made_by_the_cli(server: Server, client: LiveAvatar, other: Space) -> None:
    first_page = client.avatars.list_public(page_size=4)
    public = list(client.avatars.list_public(page_size=4))  # every page
    assert len(public) == first_page.count > len(first_page.items)
    assert len(_ids(public)) == len(public)
    assert all(isinstance(avatar.space_id, Unset) for avatar in public)
    sample = public[-1]
    assert client.avatars.get(str(sample.id)).name == sample.name
    with pytest.raises(NotFoundError):  # readable by every space, changed by none
        client.avatars.update(str(sample.id), name="Mine now")

    voice = next(iter(client.voices.list()))
    avatar_id = server.storage.cli(
        "create-avatar", "--space", server.space_id, "--name", "Flow avatar",
        "--default-voice-id", str(voice.id),
    )  # fmt: skip
    mine = {str(avatar.id): avatar for avatar in client.avatars.list(page_size=1)}
    assert avatar_id in mine
    assert avatar_id not in _ids(public)
    made = mine[avatar_id]
    assert (made.name, made.space_id) == ("Flow avatar", server.space_id)
    assert isinstance(made.default_voice, DefaultAvatarVoice)
    assert made.default_voice.id == str(voice.id)
    assert avatar_id not in _ids(other.client.avatars.list())
    with pytest.raises(NotFoundError):
        other.client.avatars.get(avatar_id)
    with pytest.raises(NotFoundError):
        other.client.avatars.update(avatar_id, name="Taken")

    renamed = client.avatars.update(avatar_id, name="Renamed avatar")  # the voice left as is
    assert renamed.name == "Renamed avatar"
    assert isinstance(renamed.default_voice, DefaultAvatarVoice)
    assert renamed.default_voice.id == str(voice.id)
    assert renamed.updated_at > made.updated_at
    with pytest.raises(BadRequestError):
        client.avatars.update(avatar_id, default_voice_id=str(uuid4()))
    assert client.avatars.get(avatar_id).to_dict() == renamed.to_dict()

    _delete_and_check_gone(client.avatars, avatar_id)


@flow("voices")
def test_voices_public_and_bound(client: LiveAvatar, other: Space) -> None:
    public = list(client.voices.list(page_size=2))  # public by default, every page
    assert len(_ids(public)) == len(public) > 2
    sample = public[0]
    assert client.voices.get(str(sample.id)).to_dict() == sample.to_dict()
    preview = base64.b64decode(client.voices.get_preview(str(sample.id)).audio_base64)
    with wave.open(io.BytesIO(preview)) as audio:
        assert audio.getnframes() > 0
    with pytest.raises(NotFoundError):
        client.voices.update(str(sample.id), name="Mine now")

    eleven = client.secrets.create(
        secret_name="eleven", secret_value=SECRET_VALUE, secret_type="ELEVENLABS_API_KEY"
    )
    openai = client.secrets.create(
        secret_name="openai", secret_value=SECRET_VALUE, secret_type="OPENAI_API_KEY"
    )
    with pytest.raises(BadRequestError):  # that type binds no voice provider
        client.voices.bind_third_party(provider_voice_id="pv-1", secret_id=openai.id)
    with pytest.raises(BadRequestError):  # another space's secret
        other.client.voices.bind_third_party(provider_voice_id="pv-1", secret_id=eleven.id)
    voice_id = client.voices.bind_third_party(
        provider_voice_id="pv-1", secret_id=eleven.id, name="Bound voice"
    ).voice_id
    assert voice_id in _ids(client.voices.list(voice_type="private"))
    assert voice_id not in _ids(client.voices.list())
    assert client.voices.get(voice_id).name == "Bound voice"
    with pytest.raises(NotFoundError):
        other.client.voices.get(voice_id)
    assert voice_id not in _ids(other.client.voices.list(voice_type="private"))

    renamed = client.voices.update(voice_id, name="Renamed voice")
    assert renamed.name == "Renamed voice"
    assert client.voices.get(voice_id).to_dict() == renamed.to_dict()
    client.voices.delete(voice_id)  # typed to return None
    with pytest.raises(NotFoundError):
        client.voices.get(voice_id)
    with pytest.raises(NotFoundError):
        client.voices.delete(voice_id)
    for secret in (eleven, openai):
        client.secrets.delete(secret.id)


@flow("contexts")
def test_context_crud(client: LiveAvatar, other: Space) -> None:
    created = client.contexts.create(
        name="Support",
        prompt="You help {{customer}} with {{product}}.",
        opening_text="Hello {{customer}}!",
        links=[{"url": "https://docs.example/faq", "faq": "Where is the FAQ?"}],
    )
    context_id = str(created.id)
    assert created.required_dynamic_variables == ["customer", "product"]
    assert isinstance(created.links, list)
    (link,) = created.links
    assert (link.url, link.faq) == ("https://docs.example/faq", "Where is the FAQ?")
    assert context_id in _ids(client.contexts.list(page_size=1))
    assert client.contexts.get(context_id).to_dict() == created.to_dict()

    # links=None: not sent, so the context keeps its links.
    updated = client.contexts.update(
        context_id, name="Support v2", prompt="You help {{customer}}.", opening_text="Hi."
    )
    assert (updated.name, updated.prompt, updated.opening_text) == (
        "Support v2",
        "You help {{customer}}.",
        "Hi.",
    )
    assert updated.required_dynamic_variables == ["customer"]
    assert isinstance(updated.links, list)
    assert [(kept.id, kept.url) for kept in updated.links] == [(link.id, link.url)]
    assert updated.updated_at > created.updated_at

    relinked = client.contexts.update(
        context_id,
        name="Support v3",
        prompt="p",
        opening_text="o",
        links=[
            {"id": str(link.id), "url": "https://docs.example/moved", "faq": "Moved"},
            {"url": "https://docs.example/new", "faq": "New"},
        ],
    )
    assert isinstance(relinked.links, list)
    kept, added = relinked.links
    assert (kept.id, kept.url) == (link.id, "https://docs.example/moved")
    assert added.id != link.id
    assert client.contexts.get(context_id).to_dict() == relinked.to_dict()
    cleared = client.contexts.update(context_id, name="n", prompt="p", opening_text="o", links=[])
    assert cleared.links == []

    with pytest.raises(NotFoundError):
        other.client.contexts.get(context_id)
    with pytest.raises(NotFoundError):
        other.client.contexts.update(context_id, name="n", prompt="p", opening_text="o")
    assert context_id not in _ids(other.client.contexts.list())

    _delete_and_check_gone(client.contexts, context_id)


@flow("memory")
def test_memory_of_a_full_session(
    client: LiveAvatar, other: Space, avatar_id: str, store: Store
) -> None:
    token = client.sessions.create_token(
        mode="FULL", avatar_id=avatar_id, avatar_persona=PERSONA, is_sandbox=True
    )
    session_id = str(token.session_id)
    client.sessions.start(session_token=token.session_token)
    _sessions.add_transcript(store, session_id, "user", "My name is Ada.")
    _sessions.add_transcript(store, session_id, "avatar", "Nice to meet you, Ada.")
    client.sessions.stop(session_token=token.session_token)

    memory = client.memory.create(memory_type="session", session_id=session_id)
    content = memory.memory_content
    assert content.index("My name is Ada.") < content.index("Nice to meet you, Ada.")
    assert client.memory.create(memory_type="session", session_id=session_id).id == memory.id
    found = client.memory.get(memory.id)
    assert found.memory_content == content
    assert [episode.session_id for episode in found.session_episodes] == [session_id]
    assert memory.id in _ids(client.memory.list())
    assert memory.id in _ids(client.memory.list(type="session", page_size=1))

    lite = client.sessions.create_token(mode="LITE", avatar_id=avatar_id, is_sandbox=True)
    with pytest.raises(BadRequestError):  # memory comes from FULL sessions only
        client.memory.create(memory_type="session", session_id=lite.session_id)
    with pytest.raises(BadRequestError):  # an unknown session_id is a bad body, not a 404
        client.memory.create(memory_type="session", session_id=uuid4())
    with pytest.raises(BadRequestError):  # so is another space's
        other.client.memory.create(memory_type="session", session_id=session_id)
    with pytest.raises(NotFoundError):
        other.client.memory.get(memory.id)

    # The next session remembers: its token names the memory.
    remembered = client.sessions.create_token(
        mode="FULL", avatar_id=avatar_id, avatar_persona=PERSONA, is_sandbox=True,
        memory={"session_memory_id": memory.id, "prev_session_id": session_id},
    )  # fmt: skip
    client.sessions.stop(session_id=remembered.session_id, reason="USER_CLOSED")

    client.memory.delete(memory.id)  # typed to return None
    with pytest.raises(NotFoundError):
        client.memory.get(memory.id)
    assert memory.id not in _ids(client.memory.list())
    with pytest.raises(NotFoundError):
        client.memory.delete(memory.id)
    with pytest.raises(BadRequestError):
        client.sessions.create_token(
            mode="FULL", avatar_id=avatar_id, avatar_persona=PERSONA, is_sandbox=True,
            memory={"session_memory_id": memory.id},
        )  # fmt: skip
    client.sessions.stop(session_id=lite.session_id, reason="USER_CLOSED")


@flow("languages")
def test_languages_need_no_key(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (API_KEY_ENV, SESSION_ENV, SESSION_TOKEN_ENV):
        monkeypatch.delenv(name, raising=False)
    with LiveAvatar(base_url=server.url) as anonymous:
        languages = anonymous.languages.get()
        codes = [language.code for language in languages]
        assert len(set(codes)) == len(codes) > 1
        assert all(language.language for language in languages)
        assert {language.code: language.language for language in languages}["en"] == "English"
        assert list(anonymous.avatars.list_public())  # also open to all
        with pytest.raises(LiveAvatarError) as caught:  # refused before any request
            anonymous.contexts.list()
        assert not isinstance(caught.value, APIStatusError)


@flow("users")
def test_credits_are_charged_and_granted(
    server: Server, client: LiveAvatar, other: Space, avatar_id: str
) -> None:
    before = _credits(client)
    with client.sessions.open(avatar_id=avatar_id, mode="LITE", is_sandbox=True):
        pass
    assert _credits(client) == before  # sandbox sessions are free

    token = client.sessions.create_token(mode="LITE", avatar_id=avatar_id, is_sandbox=False)
    client.sessions.start(session_token=token.session_token)
    assert client.sessions.get(str(token.session_id)).credits_consumed == 0  # until it ends
    client.sessions.stop(session_token=token.session_token)
    charged = Decimal(str(client.sessions.get(str(token.session_id)).credits_consumed))
    assert charged > 0
    after = _credits(client)
    assert after == before - charged

    # Granting the other space minus its balance leaves it nothing; ours does not move.
    theirs = _credits(other.client)
    printed = server.storage.cli("grant-credits", "--space", other.space_id, str(-theirs))
    assert Decimal(printed) == _credits(other.client) == 0
    assert _credits(client) == after
    broke = other.client.sessions.create_token(mode="LITE", avatar_id=avatar_id, is_sandbox=False)
    with pytest.raises(APIStatusError) as caught:
        other.client.sessions.start(session_token=broke.session_token)
    assert caught.value.status_code == 402
    with other.client.sessions.open(avatar_id=avatar_id, mode="LITE", is_sandbox=True) as free:
        assert free.livekit_url  # a sandbox session needs no credits
    other.client.sessions.stop(session_id=broke.session_id, reason="USER_CLOSED")


@flow("embeddings")
def test_embed_sessions_are_listed_by_embed_id(
    client: LiveAvatar, other: Space, avatar_id: str, store: Store
) -> None:
    context = client.contexts.create(name="Embed", prompt="Greet.", opening_text="Hello!")
    voice = next(iter(client.voices.list()))
    embed = client.embeddings.create(
        avatar_id=avatar_id, context_id=context.id, voice_id=voice.id,
        orientation="vertical", is_sandbox=True,
    )  # fmt: skip
    embed_id = str(embed.embed_id)
    assert embed.url.endswith(embed_id)
    assert isinstance(embed.script, str)
    assert embed.url in embed.script
    assert embed.orientation == EmbedOrientation.VERTICAL
    plain = client.embeddings.create(avatar_id=avatar_id, context_id=context.id)
    assert str(plain.embed_id) != embed_id
    with pytest.raises(BadRequestError):
        client.embeddings.create(avatar_id=avatar_id, context_id=uuid4())
    with pytest.raises(BadRequestError):  # another space's context
        other.client.embeddings.create(avatar_id=avatar_id, context_id=context.id)

    session_id = _sessions.open_embed_session(store, embed_id)  # a visitor opens the page
    (entry,) = client.sessions.list(type="active", embed_id=embed_id)
    assert str(entry.id) == session_id
    assert (entry.source, entry.mode, entry.is_sandbox) == (
        SessionSourceEnum.EMBED,
        SessionModeEnum.FULL,
        True,
    )
    assert list(client.sessions.list(type="active", embed_id=str(plain.embed_id))) == []
    assert session_id in _ids(client.sessions.list(type="active", context_id=str(context.id)))
    assert list(other.client.sessions.list(type="active", embed_id=embed_id)) == []

    client.sessions.stop(session_id=session_id, reason="USER_CLOSED")
    assert list(client.sessions.list(type="active", embed_id=embed_id)) == []
    assert _ids(client.sessions.list(type="historic", embed_id=embed_id)) == {session_id}


@flow("sessions", "avatars", "contexts")
def test_async_client_walks_a_flow(server: Server, avatar_id: str) -> None:
    async def scenario() -> None:
        async with AsyncLiveAvatar(server.api_key, base_url=server.url) as client:
            first_page = await client.avatars.list_public(page_size=4)
            public = [avatar async for avatar in client.avatars.list_public(page_size=4)]
            assert len(public) == first_page.count > len(first_page.items)

            async with client.sessions.open(
                avatar_id=avatar_id, mode="LITE", is_sandbox=True
            ) as session:
                session_id = session.session_id
                assert session.livekit_url
                active = [str(entry.id) async for entry in client.sessions.list(type="active")]
                assert session_id in active
            assert _end_reason(await client.sessions.get(session_id)) == "USER_CLOSED"
            historic = [str(entry.id) async for entry in client.sessions.list(type="historic")]
            assert session_id in historic

            context = await client.contexts.create(name="Async", prompt="p", opening_text="o")
            assert (await client.contexts.get(context.id)).name == "Async"
            await client.contexts.delete(context.id)
            with pytest.raises(NotFoundError):
                await client.contexts.get(context.id)

    asyncio.run(scenario())
