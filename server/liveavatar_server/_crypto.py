"""Secret values encrypted at rest with Fernet; a key list (newest first) makes rotation possible."""

from __future__ import annotations

from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from liveavatar_server._private_file import read_or_create_private

KEY_FILE = "secret.key"


class SecretKeyError(Exception):
    """The configured encryption key is malformed, or a stored value no key can decrypt."""


class SecretBox:
    """Encrypts with the first key, decrypts with any: the seam for key rotation."""

    def __init__(self, keys: list[bytes]) -> None:
        if not keys:
            raise SecretKeyError("no encryption key configured")
        try:
            self._fernet = MultiFernet([Fernet(key) for key in keys])
        except (ValueError, TypeError) as exc:
            raise SecretKeyError(
                "LIVEAVATAR_SECRET_KEY must be a comma-separated list of Fernet keys"
            ) from exc

    def __repr__(self) -> str:
        return "SecretBox(keys=<hidden>)"

    def encrypt(self, value: str) -> bytes:
        return self._fernet.encrypt(value.encode("utf-8"))

    def decrypt(self, token: bytes) -> str:
        try:
            return self._fernet.decrypt(token).decode("utf-8")
        except InvalidToken as exc:
            raise SecretKeyError("no configured key decrypts this value") from exc

    def rotate(self, token: bytes) -> bytes:
        """Re-encrypt ``token`` under the first key."""
        try:
            return self._fernet.rotate(token)
        except InvalidToken as exc:
            raise SecretKeyError("no configured key decrypts this value") from exc


def load_keys(env_value: str | None, data_dir: Path) -> list[bytes]:
    """Keys from `LIVEAVATAR_SECRET_KEY` (comma-separated), else the data directory's key file.

    The key file is created on first use with mode 0600 and published with an atomic link,
    so two processes starting at once agree on one complete key.
    """
    if env_value and env_value.strip():
        return [part.strip().encode("ascii") for part in env_value.split(",") if part.strip()]
    text = read_or_create_private(
        data_dir / KEY_FILE, lambda: Fernet.generate_key().decode("ascii")
    )
    return [line.strip().encode("ascii") for line in text.splitlines() if line.strip()]
