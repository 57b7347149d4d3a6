"""GET /v1/languages: the supported languages, with no credentials needed."""

from __future__ import annotations

import httpx

from tests.server._catalog_fixtures import ok


def test_languages_need_no_key_and_list_code_and_name(base_url: str) -> None:
    languages = ok(httpx.get(f"{base_url}/v1/languages"))
    assert {"language": "English", "code": "en"} in languages
    assert len(languages) >= 20
    codes = [entry["code"] for entry in languages]
    assert len(set(codes)) == len(codes)
    assert all(set(entry) == {"language", "code"} and entry["language"] for entry in languages)


def test_a_wrong_key_is_ignored_where_the_operation_has_no_security(base_url: str) -> None:
    response = httpx.get(f"{base_url}/v1/languages", headers={"X-API-KEY": "wrong"})
    assert response.status_code == 200
