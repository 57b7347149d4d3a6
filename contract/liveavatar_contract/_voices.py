"""Voices: the spec gives no create; a private voice is made by binding a third-party voice with
a stored secret of a provider's type (`POST /v1/voices/third_party`), which only prose tells."""

from __future__ import annotations

from liveavatar_contract._probe import OutOfScope, Probe
from liveavatar_contract._semantics import Objects, maker

BIND = "/v1/voices/third_party"
# The secret type the bind's description names ("e.g. ElevenLabs").
PROVIDER_SECRET_TYPE = "ELEVENLABS_API_KEY"  # noqa: S105 (an enum member, not a secret)


@maker("voices")
def bound_voice(probe: Probe, objects: Objects, as_key: str) -> str:
    """A private voice of the space of `as_key`: a provider secret, then the bind."""
    secrets = objects.by_name.get("secrets")
    if secrets is None or secrets.create is None:
        raise OutOfScope("no secret to bind a voice with")
    body = {**objects.body(secrets, as_key), "secret_type": PROVIDER_SECRET_TYPE}
    _, secret = objects.create(secrets, as_key, body)
    bound = probe.call(
        "POST",
        BIND,
        as_key=as_key,
        body={
            "provider_voice_id": objects.name("provider-voice"),
            "secret_id": secret["id"],
            "name": objects.name("voice"),
        },
    )
    probe.expect_status(bound, 200, "create_accepted", "binding a third-party voice")
    return str(probe.data(bound)["voice_id"])
