"""The realtime AsyncAPI document: valid AsyncAPI 3.0, and models generated from its payloads."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import asyncapi
import pytest
from liveavatar_api import realtime as client_frames
from liveavatar_models import realtime as models
from pydantic import TypeAdapter, ValidationError


def test_document_is_valid_asyncapi_3() -> None:
    document = asyncapi.load()
    assert document["asyncapi"].startswith("3.")
    asyncapi.validate(document)


def test_an_invalid_document_is_refused_naming_the_place() -> None:
    document = copy.deepcopy(asyncapi.load())
    document["channels"]["session"]["address"] = 5
    with pytest.raises(asyncapi.AsyncAPIError, match="channels/session"):
        asyncapi.validate(document)


def test_a_discriminated_variant_without_its_const_is_refused() -> None:
    document = copy.deepcopy(asyncapi.load())
    del document["components"]["schemas"]["AgentSpeak"]["properties"]["type"]
    with pytest.raises(asyncapi.AsyncAPIError, match="AgentSpeak"):
        asyncapi.payload_schema(document)


def _payload_names(action: str) -> list[str]:
    document = asyncapi.load()
    messages = document["components"]["messages"]
    return [
        messages[ref["$ref"].rsplit("/", 1)[-1]]["payload"]["$ref"].rsplit("/", 1)[-1]
        for operation in document["operations"].values()
        if operation["action"] == action
        for ref in operation["messages"]
    ]


def test_every_message_of_the_document_has_a_model_in_its_union() -> None:
    document = asyncapi.load()
    schemas = document["components"]["schemas"]
    for action, union in (("receive", models.Command), ("send", models.Event)):
        adapter: TypeAdapter[Any] = TypeAdapter(union)
        for name in _payload_names(action):
            assert hasattr(models, name)
            frame_type = schemas[name]["properties"]["type"]["const"]
            required = set(schemas[name].get("required", [])) - {"type"}
            if not required:
                assert type(adapter.validate_python({"type": frame_type}).root).__name__ == name
                continue
            with pytest.raises(ValidationError) as caught:
                adapter.validate_python({"type": frame_type})
            # The discriminator picked this variant: the errors name its missing fields only.
            assert {error["loc"] for error in caught.value.errors()} == {
                (frame_type, field) for field in required
            }


def test_speak_audio_limit_comes_from_the_document() -> None:
    document = asyncapi.load()
    limit = document["components"]["schemas"]["AgentSpeak"]["properties"]["audio"]["maxLength"]
    adapter = TypeAdapter(models.Command)
    adapter.validate_python({"type": "agent.speak", "audio": "A" * limit})
    with pytest.raises(ValidationError):
        adapter.validate_python({"type": "agent.speak", "audio": "A" * (limit + 1)})
    assert client_frames.LIMITS["agent.speak"]["audio"] == limit


def test_client_facts_name_every_command_and_event() -> None:
    document = asyncapi.load()
    schemas = document["components"]["schemas"]
    types = {
        action: {schemas[name]["properties"]["type"]["const"] for name in _payload_names(action)}
        for action in ("receive", "send")
    }
    assert types["receive"] == client_frames.COMMAND_TYPES
    assert types["send"] == client_frames.EVENT_TYPES
    codes = {int(code) for code in document["info"]["x-close-codes"]}
    assert set(client_frames.CLOSE_CODES) == codes
    started = client_frames.parse_event(
        {"type": "agent.speak_started", "event_id": "e1", "task": {"id": "t1"}}
    )
    assert isinstance(started, client_frames.AgentSpeakStarted)
    assert started.task == {"id": "t1"}
    odd = client_frames.parse_event({"type": "agent.speak_started"})
    assert isinstance(odd, client_frames.UnknownEvent)


def test_models_ship_the_document() -> None:
    shipped = resources.files("liveavatar_models").joinpath("realtime.asyncapi.json")
    assert json.loads(shipped.read_text(encoding="utf-8")) == asyncapi.load()
