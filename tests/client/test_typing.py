"""A user's script passes `mypy --strict`, and mistakes in one fail it: the types carry meaning."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SAMPLE = Path(__file__).with_name("typing_sample.py")

WRONG = """
from liveavatar import LiveAvatar
from liveavatar_api.models import LLMConfigurationResponseSchema

client = LiveAvatar("key")
client.llm_configurations.get(123)
client.llm_configurations.create(display_name="a", model_name="m")
items: list[LLMConfigurationResponseSchema] = client.llm_configurations.list()
client.secrets.list().id
client.call(42)
raw_status: str = client.with_raw_response.secrets.list().status_code
client.sessions.create_token(mode="HALF", avatar_id="a")
client.contexts.create(name="n", prompt="p", opening_text="o", unknown=1)
client.secrets.create(secret_name="n", secret_value="v", secret_type="NOT_A_TYPE")
for page in client.avatars.list_public().iter_pages(): page.items[0].no_such_field
"""


def _mypy(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", *map(str, paths)],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
    )  # fmt: skip


@pytest.mark.slow
def test_the_user_script_passes_mypy_strict() -> None:
    result = _mypy(SAMPLE)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_wrong_calls_fail_mypy(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong_usage.py"
    wrong.write_text(WRONG, encoding="utf-8")
    result = _mypy(wrong)
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    lines = sorted({int(line.split(":")[1]) for line in errors})
    assert lines == [6, 7, 8, 9, 10, 11, 12, 13, 14, 15], result.stdout
