"""A database of the release before the resource engine (revision 0005) upgrades with every row.

The rows are written with plain SQL into the tables that release had (secrets, LLM
configurations, contexts); after the upgrade the server answers each of them over HTTP, the
secret decrypts, and the reference between configuration and secret still holds (409).
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from cryptography.fernet import Fernet
from liveavatar_server import Settings, Store, build_app
from liveavatar_server._migrate import upgrade
from liveavatar_server.testing import serve_app

from tests.server._objects import reveal_secret

PREVIOUS = "0005_row_count_shards"
# The ids the rows get (the spec types some as uuid, so every id here is one).
ID = {
    name: str(uuid.uuid4())
    for name in ("secret-a", "secret-b", "config-c", "context-d", "context-e", "l-1")
}


def _previous_rows(store: Store, space: str) -> dict[str, datetime]:
    """Two secrets, a configuration naming one, and two contexts, as revision 0005 held them."""
    from sqlalchemy import text

    base = datetime(2026, 11, 1, tzinfo=UTC)
    stamps = {name: base + timedelta(minutes=i) for i, name in enumerate("abcde")}
    links = json.dumps([{"id": ID["l-1"], "url": "https://example.test", "faq": "what?"}])
    with store.engine.begin() as conn:
        for ident, name, value in (("a", "kept", "sk-kept"), ("b", "free", "sk-free")):
            conn.execute(
                text(
                    "INSERT INTO secrets (id, space_id, secret_name, secret_type, ciphertext,"
                    " created_at) VALUES (:id, :space, :name, 'OPENAI_API_KEY', :c, :t)"
                ),
                {
                    "id": ID[f"secret-{ident}"],
                    "space": space,
                    "name": name,
                    "c": store.box.encrypt(value),
                    "t": stamps[ident].replace(tzinfo=None),
                },
            )
        conn.execute(
            text(
                "INSERT INTO llm_configurations (id, space_id, display_name, model_name, base_url,"
                " secret_id, created_at, updated_at) VALUES (:id, :space, 'Mine',"
                " 'gpt-4o-mini', 'https://api.openai.com', :secret, :t, :t)"
            ),
            {
                "id": ID["config-c"],
                "secret": ID["secret-a"],
                "space": space,
                "t": stamps["c"].replace(tzinfo=None),
            },
        )
        for ident, row_links in (("d", links), ("e", "[]")):
            conn.execute(
                text(
                    "INSERT INTO contexts (id, space_id, name, prompt, opening_text, links,"
                    " created_at, updated_at) VALUES (:id, :space, :name, 'Hi {{user}}',"
                    " 'Hello', :links, :t, :t)"
                ),
                {
                    "id": ID[f"context-{ident}"],
                    "space": space,
                    "name": f"context {ident}",
                    "links": row_links,
                    "t": stamps[ident].replace(tzinfo=None),
                },
            )
    return stamps


def test_every_row_of_the_previous_release_is_served_after_the_upgrade(
    empty_database_url: str, tmp_path: Path
) -> None:
    secret_key = Fernet.generate_key().decode()
    settings = Settings(data_dir=tmp_path, database_url=empty_database_url, secret_key=secret_key)
    store = Store(settings)
    try:
        upgrade(store.engine, PREVIOUS)
        space = store.create_space("previous")
        key = store.create_api_key(space)
        stamps = _previous_rows(store, space)
        upgrade(store.engine)

        assert reveal_secret(store, space, ID["secret-a"]) == "sk-kept"
        with (
            serve_app(build_app(store)) as url,
            httpx.Client(base_url=url, headers={"X-API-KEY": key}, timeout=10) as http,
        ):
            secrets = http.get("/v1/secrets").json()["data"]
            assert [s["id"] for s in secrets] == [ID["secret-b"], ID["secret-a"]]  # newest first
            assert {s["secret_name"] for s in secrets} == {"kept", "free"}
            assert datetime.fromisoformat(secrets[1]["created_at"]) == stamps["a"]

            config = http.get(f"/v1/llm-configurations/{ID['config-c']}").json()["data"]
            assert config == {
                "id": ID["config-c"],
                "display_name": "Mine",
                "model_name": "gpt-4o-mini",
                "base_url": "https://api.openai.com",
                "secret_id": ID["secret-a"],
                "created_at": config["created_at"],
                "updated_at": config["updated_at"],
            }
            assert datetime.fromisoformat(config["updated_at"]) == stamps["c"]

            contexts = http.get("/v1/contexts").json()["data"]
            assert contexts["count"] == 2
            assert [c["id"] for c in contexts["results"]] == [ID["context-e"], ID["context-d"]]
            detail = http.get(f"/v1/contexts/{ID['context-d']}").json()["data"]
            assert detail["links"] == [
                {"id": ID["l-1"], "url": "https://example.test", "faq": "what?"}
            ]
            assert detail["required_dynamic_variables"] == ["user"]

            # The reference survived: the configuration's secret is refused, the other goes.
            assert http.delete(f"/v1/secrets/{ID['secret-a']}").status_code == 409
            assert http.delete(f"/v1/secrets/{ID['secret-b']}").status_code == 200
            assert http.delete(f"/v1/llm-configurations/{ID['config-c']}").status_code == 200
            assert http.delete(f"/v1/secrets/{ID['secret-a']}").status_code == 200
    finally:
        store.close()
