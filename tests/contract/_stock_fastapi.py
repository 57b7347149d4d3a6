"""A stock FastAPI implementation of Secrets and LLM Configurations, written the tutorial's way.

No envelope for errors (FastAPI's `{"detail": ...}`), FastAPI's own 422 (which echoes the
rejected `input`), no X-Request-ID, in-memory storage per space. The contract suite must judge
it correct: everything it does is what the docs promise or what FastAPI does by default.
"""

import uuid
from datetime import UTC, datetime
from typing import Annotated, Generic, TypeVar

from fastapi import Depends, FastAPI, HTTPException, Security
from fastapi.security import APIKeyHeader
from liveavatar_models import SecretTypeEnum
from pydantic import BaseModel, Field

T = TypeVar("T")
OPENAI = "https://api.openai.com/v1"


class Response(BaseModel, Generic[T]):
    code: int = 100
    data: T | None = None
    message: str = "Success"


class CreateSecret(BaseModel):
    secret_name: str = Field(min_length=1, max_length=255)
    secret_value: str = Field(min_length=1)
    secret_type: SecretTypeEnum


class SecretCreated(BaseModel):
    id: str
    secret_name: str


class SecretListItem(BaseModel):
    id: str
    secret_name: str
    secret_type: SecretTypeEnum
    created_at: datetime


class CreateConfiguration(BaseModel):
    base_url: str = OPENAI
    display_name: str = Field(min_length=1, max_length=255)
    model_name: str = Field(min_length=1, max_length=255)
    secret_id: str = Field(min_length=1, max_length=36)


class UpdateConfiguration(BaseModel):
    # `str` with a None default, as the published schema (type string, not nullable) implies.
    base_url: str = Field(default=None, min_length=1)  # type: ignore[assignment]
    display_name: str = Field(default=None, min_length=1, max_length=255)  # type: ignore[assignment]
    model_name: str = Field(default=None, min_length=1, max_length=255)  # type: ignore[assignment]
    secret_id: str = Field(default=None, min_length=1, max_length=36)  # type: ignore[assignment]


class Configuration(BaseModel):
    id: str
    base_url: str
    display_name: str
    model_name: str
    secret_id: str
    created_at: datetime
    updated_at: datetime


class ConfigurationListItem(BaseModel):
    id: str
    display_name: str
    model_name: str
    secret_id: str


class Space:
    def __init__(self) -> None:
        self.secrets: dict[str, tuple[SecretListItem, str]] = {}
        self.configurations: dict[str, Configuration] = {}


def build_app(keys: dict[str, str]) -> FastAPI:
    """The app; `keys` maps each API key to the name of its space."""
    app = FastAPI(title="stock LiveAvatar")
    spaces = {name: Space() for name in set(keys.values())}
    api_key = APIKeyHeader(name="X-API-KEY")

    def current_space(key: Annotated[str, Security(api_key)]) -> Space:
        if key not in keys:
            raise HTTPException(status_code=401, detail="Invalid API key")
        return spaces[keys[key]]

    CurrentSpace = Annotated[Space, Depends(current_space)]

    def owned_secret(space: Space, secret_id: str) -> None:
        if secret_id not in space.secrets:
            raise HTTPException(status_code=400, detail="Invalid secret_id")

    @app.get("/v1/secrets", response_model=Response[list[SecretListItem]])
    def list_secrets(space: CurrentSpace) -> Response[list[SecretListItem]]:
        items = [item for item, _ in space.secrets.values()]
        return Response(data=list(reversed(items)))

    @app.post("/v1/secrets", response_model=Response[SecretCreated])
    def create_secret(body: CreateSecret, space: CurrentSpace) -> Response[SecretCreated]:
        item = SecretListItem(
            id=str(uuid.uuid4()),
            secret_name=body.secret_name,
            secret_type=body.secret_type,
            created_at=datetime.now(UTC),
        )
        space.secrets[item.id] = (item, body.secret_value)
        return Response(data=SecretCreated(id=item.id, secret_name=item.secret_name))

    @app.delete("/v1/secrets/{secret_id}", response_model=Response[None])
    def delete_secret(secret_id: str, space: CurrentSpace) -> Response[None]:
        if space.secrets.pop(secret_id, None) is None:
            raise HTTPException(status_code=404, detail="Secret not found")
        return Response()

    @app.get("/v1/llm-configurations", response_model=Response[list[ConfigurationListItem]])
    def list_configurations(space: CurrentSpace) -> Response[list[ConfigurationListItem]]:
        items = [
            ConfigurationListItem(**item.model_dump()) for item in space.configurations.values()
        ]
        return Response(data=list(reversed(items)))

    @app.post("/v1/llm-configurations", response_model=Response[Configuration])
    def create_configuration(
        body: CreateConfiguration, space: CurrentSpace
    ) -> Response[Configuration]:
        owned_secret(space, body.secret_id)
        now = datetime.now(UTC)
        item = Configuration(
            id=str(uuid.uuid4()), created_at=now, updated_at=now, **body.model_dump()
        )
        space.configurations[item.id] = item
        return Response(data=item)

    def configuration(space: Space, config_id: str) -> Configuration:
        if config_id not in space.configurations:
            raise HTTPException(status_code=404, detail="LLM configuration not found")
        return space.configurations[config_id]

    @app.get("/v1/llm-configurations/{config_id}", response_model=Response[Configuration])
    def get_configuration(config_id: str, space: CurrentSpace) -> Response[Configuration]:
        return Response(data=configuration(space, config_id))

    @app.patch("/v1/llm-configurations/{config_id}", response_model=Response[Configuration])
    def update_configuration(
        config_id: str, body: UpdateConfiguration, space: CurrentSpace
    ) -> Response[Configuration]:
        item = configuration(space, config_id)
        changes = body.model_dump(exclude_unset=True)
        if "secret_id" in changes:
            owned_secret(space, changes["secret_id"])
        updated = item.model_copy(update={**changes, "updated_at": datetime.now(UTC)})
        space.configurations[config_id] = updated
        return Response(data=updated)

    @app.delete("/v1/llm-configurations/{config_id}", response_model=Response[None])
    def delete_configuration(config_id: str, space: CurrentSpace) -> Response[None]:
        configuration(space, config_id)
        del space.configurations[config_id]
        return Response()

    return app
