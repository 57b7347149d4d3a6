"""Secret values: Fernet-encrypted at rest, key file 0600 or from the environment, rotatable."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from liveavatar_models import CreateSecretRequestSchema
from liveavatar_server import Settings, Store
from liveavatar_server import _tables as t
from liveavatar_server._cli import main
from liveavatar_server._crypto import KEY_FILE, SecretBox, SecretKeyError
from sqlalchemy import select

from tests.server._objects import create_secret, engine, reveal_secret
from tests.server.conftest import make_store

VALUE = "sk-live-0123456789abcdef"


def _at_rest(store: Store) -> list[bytes]:
    """Every stored row of the objects table, as the bytes a reader of the file would see."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.objects.c.doc, t.objects.c.sealed)).all()
    return [f"{doc}{sealed}".encode() for doc, sealed in rows]


def test_values_are_encrypted_at_rest_and_decrypt_with_the_key(store: Store) -> None:
    space = store.create_space("crypto")
    row = create_secret(store, space, "n", "OPENAI_API_KEY", VALUE)
    assert all(VALUE.encode() not in blob for blob in _at_rest(store))
    assert reveal_secret(store, space, str(row["id"])) == VALUE
    assert reveal_secret(store, store.create_space("other"), str(row["id"])) is None


def test_a_key_file_is_generated_once_with_mode_0600(tmp_path: Path) -> None:
    first = make_store(tmp_path, None, None)
    key_file = tmp_path / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    space = first.create_space("k")
    row = create_secret(first, space, "n", "OPENAI_API_KEY", VALUE)
    first.close()
    again = make_store(tmp_path, None, None)  # reuses the file, does not replace it
    assert reveal_secret(again, space, str(row["id"])) == VALUE
    again.close()


def test_rotation_re_encrypts_under_the_new_key(tmp_path: Path) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    before = make_store(tmp_path, None, old)
    space = before.create_space("rotate")
    ids = [
        str(create_secret(before, space, f"n{i}", "OPENAI_API_KEY", f"{VALUE}{i}")["id"])
        for i in range(3)
    ]
    before.close()

    both = make_store(tmp_path, None, f"{new},{old}")
    assert reveal_secret(both, space, ids[0]) == f"{VALUE}0"  # old rows still readable
    assert engine().rotate_sealed(both, batch=2) == 3
    both.close()

    only_new = make_store(tmp_path, None, new)
    assert [reveal_secret(only_new, space, i) for i in ids] == [f"{VALUE}{n}" for n in range(3)]
    only_new.close()
    only_old = make_store(tmp_path, None, old)
    with pytest.raises(SecretKeyError):
        reveal_secret(only_old, space, ids[0])
    only_old.close()


def test_rotate_secrets_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    store = make_store(tmp_path, None, old)
    space = store.create_space("cli")
    secret_id = str(create_secret(store, space, "n", "OPENAI_API_KEY", VALUE)["id"])
    store.close()
    monkeypatch.setenv("LIVEAVATAR_SECRET_KEY", f"{new},{old}")
    monkeypatch.delenv("LIVEAVATAR_DATABASE_URL", raising=False)
    url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
    assert main(["rotate-secrets", "--data-dir", str(tmp_path), "--database-url", url]) == 0
    assert "re-encrypted 1 secret" in capsys.readouterr().out
    assert reveal_secret(make_store(tmp_path, None, new), space, secret_id) == VALUE


def test_malformed_keys_are_refused_without_echoing_them() -> None:
    with pytest.raises(SecretKeyError) as raised:
        SecretBox([b"definitely-not-a-key"])
    assert "definitely-not-a-key" not in str(raised.value)
    with pytest.raises(SecretKeyError):
        SecretBox([])


def test_secret_values_never_show_in_reprs(store: Store) -> None:
    box = SecretBox([Fernet.generate_key()])
    assert "hidden" in repr(box)
    request = CreateSecretRequestSchema.model_validate(
        {"secret_name": "n", "secret_value": VALUE, "secret_type": "OPENAI_API_KEY"}
    )
    assert VALUE not in repr(request)
    assert VALUE not in str(request)
    settings = Settings(
        data_dir=Path("/tmp"), database_url="postgresql+psycopg://u:hunter2@db/x", secret_key="k"
    )
    assert "hunter2" not in repr(settings)
    assert "secret_key" not in repr(settings)
    assert "secret_key" not in repr(store)
