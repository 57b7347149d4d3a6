"""`make generate`: openapi.json + overlay + derivation -> effective spec -> generators -> provenance."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

import compat
import jinja2
import yaml
from asyncapi import DOCUMENT as ASYNCAPI
from asyncapi import AsyncAPIError, client_facts, payload_schema
from asyncapi import load as load_asyncapi
from asyncapi import validate as validate_asyncapi
from client_facts import FactsError, client_operations, model_names, parse, referenced_names
from derive import DeriveError, client_class_overrides, derive
from operations import NamingError
from operations import operations as named_operations
from overlay import OverlayError, apply_overlay, dump_spec
from pytypes import GLOBALS
from release import ReleaseError, load_settings, release_facts
from spec_walk import operations as walk

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.json"
OVERLAY = ROOT / "overrides" / "openapi.overlay.yaml"
CLIENT_CONFIG = ROOT / "overrides" / "openapi-python-client.yaml"
# overrides/templates/<package>/<module>.py.jinja renders to generated/<package>/<module>.py.
TEMPLATES = ROOT / "overrides" / "templates"
# openapi-python-client's own templates replaced by name (endpoint modules gain `sync_send`).
CLIENT_TEMPLATES = ROOT / "overrides" / "openapi-python-client-templates"
SPEC_WALK = ROOT / "tools" / "spec_walk.py"
EFFECTIVE = "openapi.effective.json"
PUBLISHED = "openapi.published.json"
# generated/<PREVIOUS>/openapi.effective.json: the previous release's spec, which the report compares.
PREVIOUS = "previous-release"
# The realtime socket's AsyncAPI document as the models ship it, and its payloads' JSON Schema.
REALTIME_DOCUMENT = "realtime.asyncapi.json"
REALTIME_SCHEMA = "realtime.schema.json"
TOOLS = ("openapi-python-client", "datamodel-code-generator", "ruff")

README = """\
# generated/ — do not edit

Everything below this folder is written by `make generate` from `openapi.json`,
`overrides/openapi.overlay.yaml` and what `tools/derive.py` computes from them;
`make check-generated` fails on any hand edit. Change the spec, the overlay, the derivation or
the generator configuration and templates instead.

- `openapi.effective.json`: the published spec with the overlay and the derivation applied.
- `liveavatar_api/`: attrs + httpx client (openapi-python-client), plus `resources.py`: every
  operation as `client.<resource>.<method>(...)`, rendered from
  `overrides/templates/liveavatar_api/resources.py.jinja` (facts from `tools/client_facts.py`).
- `liveavatar_models/`: pydantic v2 models (datamodel-code-generator), with a copy of
  `openapi.effective.json` as package data (the reference server routes from it) and the
  pristine `openapi.published.json` (the contract suite's `--upstream` judges by it);
  `realtime.py`: the LITE socket's frames, generated from the payload schemas of
  `overrides/realtime.asyncapi.yaml` (shipped beside it as `realtime.asyncapi.json`);
  `spec_walk.py`: `$ref` resolution and the operation walk, copied from `tools/spec_walk.py`.
- `liveavatar_api/realtime.py`: the socket's message facts for the client (attrs, no pydantic),
  rendered from `overrides/templates/liveavatar_api/realtime.py.jinja`.
- `CHANGES.json`, `CHANGES.md`: what changed since the previous release (`tools/compat.py`),
  each change additive or breaking for client callers and for implementations; `make
  check-compat` gates the breaking ones. `previous-release/openapi.effective.json` is the spec
  they compare with: the tree's own spec when the release version moves, kept otherwise.
- `PROVENANCE.json`: the release (the spec's version, the toolkit revision and the distribution
  version the rule in `tools/release.py` makes of them), spec, overlay and AsyncAPI sha256, tool versions,
  operation count. The build backend reads the version from it.
"""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def operations(spec: dict[str, object]) -> list[str]:
    """Every (method, path) of a spec, as "METHOD /path", in document order."""
    return [f"{method.upper()} {path}" for method, path, _ in walk(spec)]


def _tool(name: str) -> str:
    """A console script of the running environment (the Makefile runs us from .venv)."""
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else name


def _client_config(effective_spec: dict[str, Any], into: Path) -> Path:
    """CLIENT_CONFIG plus the class names derived from the spec (a hand-written override wins)."""
    config: dict[str, Any] = yaml.safe_load(CLIENT_CONFIG.read_text(encoding="utf-8"))
    config["class_overrides"] = {
        **client_class_overrides(effective_spec),
        **(config.get("class_overrides") or {}),
    }
    path = into / CLIENT_CONFIG.name
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def _start_generators(
    effective: Path, realtime: Path, client_config: Path, out: Path, logs: Path
) -> dict[str, Any]:
    """Start both generators side by side; `_finish_generators` waits for them."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    models = out / "liveavatar_models"
    models.mkdir()
    commands = {
        "openapi-python-client": [
            _tool("openapi-python-client"), "generate",
            "--path", str(effective),
            "--config", str(client_config),
            "--custom-template-path", str(CLIENT_TEMPLATES),
            "--output-path", str(out / "liveavatar_api"),
            "--meta", "none",
            "--fail-on-warning",
        ],
        "datamodel-code-generator": [
            _tool("datamodel-codegen"),
            "--input", str(effective),
            "--output", str(models / "__init__.py"),
        ],
        # The same generator over the realtime payloads (a JSON Schema, not OpenAPI).
        "datamodel-code-generator-realtime": [
            _tool("datamodel-codegen"),
            "--input", str(realtime),
            "--input-file-type", "jsonschema",
            "--output", str(models / "realtime.py"),
        ],
    }  # fmt: skip
    jobs: dict[str, Any] = {}
    for name, command in commands.items():
        # Output goes to a file, not a pipe: nobody reads a pipe while the templates render,
        # and a generator that filled one would stop.
        with (logs / f"{name}.log").open("w", encoding="utf-8") as log:
            jobs[name] = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
    return jobs


def _finish_generators(jobs: dict[str, Any], logs: Path) -> None:
    """Wait for both generators; any warning or error fails the build."""
    failed = []
    for name, job in jobs.items():
        job.wait()
        output = (logs / f"{name}.log").read_text(encoding="utf-8", errors="replace")
        # openapi-python-client prints "Generating <path>" on success; anything else is a warning.
        noise = [
            line
            for line in output.splitlines()
            if line.strip() and not line.startswith("Generating ")
        ]
        if job.returncode != 0 or noise:
            failed.append(f"{name} (exit {job.returncode}):\n{output}")
    if failed:
        raise SystemExit("generation failed; generator warnings are errors:\n" + "\n".join(failed))


def _docstring(text: object) -> str:
    """Spec text made safe inside a triple-quoted docstring, on one line."""
    line = " ".join(str(text).split())
    return line.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').rstrip('"')


def _client_context(
    effective_spec: dict[str, Any], named: list[Any], client_config: Path
) -> dict[str, Any]:
    """The client resource template's facts: per-operation signatures, grouped by resource."""
    try:
        data = parse(effective_spec, client_config)
        client = client_operations(effective_spec, named, data)
    except FactsError as exc:
        raise SystemExit(f"client resources: {exc}") from exc
    resources: dict[str, list[Any]] = {}
    for operation in client:
        resources.setdefault(operation.op.resource, []).append(operation)
    texts = [
        text
        for c in client
        for text in (
            c.returns,
            c.page_item or "",
            *(p.type for p in c.params),
            *(p.enum or "" for p in c.params),
            *(v.model for v in (c.body.variants if c.body else [])),
            *(f.type for v in (c.body.variants if c.body else []) for f in v.fields),
        )
    ]
    return {
        "client": client,
        "resources": resources,
        "names": referenced_names(texts, model_names(data)),
    }


def _render_templates(
    effective_spec: dict[str, Any],
    asyncapi: dict[str, Any],
    client_config: Path,
    release: dict[str, Any],
) -> dict[Path, str]:
    """Every template of TEMPLATES rendered with the named operations, by output path."""
    try:
        named = named_operations(effective_spec)
    except NamingError as exc:
        raise SystemExit(f"naming: {exc}") from exc
    context = _client_context(effective_spec, named, client_config)
    env = jinja2.Environment(  # noqa: S701 - renders Python source, not HTML
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(GLOBALS)
    env.filters["docstring"] = _docstring
    rendered: dict[Path, str] = {}
    for template in sorted(TEMPLATES.rglob("*.py.jinja")):
        relative = template.relative_to(TEMPLATES)
        rendered[relative.with_name(relative.name.removesuffix(".jinja"))] = env.get_template(
            relative.as_posix()
        ).render(
            operations=named,
            spec=effective_spec,
            release=release,
            realtime=client_facts(asyncapi),
            **context,
        )
    return rendered


def _write_formatted(rendered: dict[Path, str], out: Path) -> None:
    """Write the rendered templates into ``out``, then format them with ruff."""
    written = []
    for relative, text in rendered.items():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(str(target))
    if written:
        done = subprocess.run(
            [_tool("ruff"), "format", "--isolated", "--quiet", *written],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"a template rendered invalid Python:\n{done.stdout}{done.stderr}")


def effective(spec_bytes: bytes, overlay_bytes: bytes) -> dict[str, Any]:
    """The published spec with the overlay applied, then what derivation computes from it."""
    try:
        spec = apply_overlay(json.loads(spec_bytes), yaml.safe_load(overlay_bytes))
    except OverlayError as exc:
        raise SystemExit(f"overlay {OVERLAY.relative_to(ROOT)}: {exc}") from exc
    try:
        return derive(spec)
    except (DeriveError, NamingError) as exc:
        raise SystemExit(f"derive: {exc}") from exc


def _display(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def _baseline(previous: Path | None, release: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The previous release's effective spec (text) and release facts, from the tree ``previous``.

    When the release version moves, that tree's own spec is the previous release; when it stays,
    the tree's baseline stays too, so regenerating (and `make check-generated`) is idempotent.
    """
    provenance_path = None if previous is None else previous / "PROVENANCE.json"
    if provenance_path is None or not provenance_path.is_file():
        return None
    provenance = json.loads(provenance_path.read_text(encoding="utf-8"))
    if not provenance.get("release"):  # a tree from before releases were recorded
        return None
    assert previous is not None
    if provenance["release"]["version"] != release["version"]:
        return (previous / EFFECTIVE).read_text(encoding="utf-8"), provenance["release"]
    kept = previous / PREVIOUS / EFFECTIVE
    if provenance.get("previous_release") and kept.is_file():
        return kept.read_text(encoding="utf-8"), provenance["previous_release"]
    return None


def _write_changes(
    out: Path, effective_spec: dict[str, Any], release: dict[str, Any], previous: Path | None
) -> dict[str, Any] | None:
    """CHANGES.json and CHANGES.md against the previous release; print the summary."""
    baseline = _baseline(previous, release)
    if baseline is not None:
        (out / PREVIOUS).mkdir()
        (out / PREVIOUS / EFFECTIVE).write_text(baseline[0], encoding="utf-8")
    changes = compat.report(
        None if baseline is None else json.loads(baseline[0]),
        None if baseline is None else baseline[1],
        effective_spec,
        release,
    )
    (out / "CHANGES.json").write_text(json.dumps(changes, indent=2) + "\n", encoding="utf-8")
    (out / "CHANGES.md").write_text(compat.render_markdown(changes), encoding="utf-8")
    print("\n".join(compat.summary_lines(changes)), flush=True)
    return None if baseline is None else baseline[1]


def generate(out: Path, spec: Path = SPEC, previous: Path | None = None) -> None:
    """Write the whole generated tree for ``spec`` into ``out`` (which must not exist yet);
    its change report compares with the previous release recorded in the tree ``previous``."""
    spec_bytes = spec.read_bytes()
    overlay_bytes = OVERLAY.read_bytes()
    effective_spec = effective(spec_bytes, overlay_bytes)
    effective_text = dump_spec(effective_spec)
    try:
        release = release_facts(effective_spec, load_settings())
    except ReleaseError as exc:
        raise SystemExit(f"release: {exc}") from exc
    asyncapi_bytes = ASYNCAPI.read_bytes()
    try:
        asyncapi = load_asyncapi(ASYNCAPI)
        validate_asyncapi(asyncapi)
        realtime_schema = payload_schema(asyncapi)
    except AsyncAPIError as exc:
        raise SystemExit(f"{ASYNCAPI.relative_to(ROOT)}: {exc}") from exc

    out.mkdir(parents=True)
    # A fixed name: datamodel-codegen writes the input file name into its header.
    effective_path = out / EFFECTIVE
    effective_path.write_text(effective_text, encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="liveavatar-config-") as config_dir:
        client_config = _client_config(effective_spec, Path(config_dir))
        # A fixed name too: it is the header of generated/liveavatar_models/realtime.py.
        realtime_path = Path(config_dir) / REALTIME_SCHEMA
        realtime_path.write_text(json.dumps(realtime_schema, indent=2) + "\n", encoding="utf-8")
        jobs = _start_generators(
            effective_path, realtime_path, client_config, out, Path(config_dir)
        )
        # The templates' facts come from the spec alone: they are computed (openapi-python-
        # client's parser, in this process) while the generators run. At 100x the published
        # spec that parse is a fifth of the CPU the build takes.
        try:
            rendered = _render_templates(effective_spec, asyncapi, client_config, release)
        except (Exception, SystemExit):
            # What stops the templates mostly stops a generator too, whose own words say more.
            _finish_generators(jobs, Path(config_dir))
            raise
        except BaseException:
            for job in jobs.values():
                job.kill()
                job.wait()
            raise
        _finish_generators(jobs, Path(config_dir))
        _write_formatted(rendered, out)

    for package in ("liveavatar_api", "liveavatar_models"):
        shutil.rmtree(out / package / ".ruff_cache", ignore_errors=True)
        (out / package / "py.typed").write_text("", encoding="utf-8")
    # The spec walker every product reads, as the pipeline runs it (one source: tools/spec_walk.py).
    (out / "liveavatar_models" / SPEC_WALK.name).write_text(
        f"# Copied from tools/{SPEC_WALK.name} by `make generate`: edit that file.\n"
        + SPEC_WALK.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    # The models ship the spec they were generated from: the server routes from it at run time.
    (out / "liveavatar_models" / EFFECTIVE).write_text(effective_text, encoding="utf-8")
    # ... the pristine published spec, which `liveavatar-contract --upstream` judges a server by ...
    (out / "liveavatar_models" / PUBLISHED).write_bytes(spec_bytes)
    # ... and the realtime socket's document, which the contract suite judges a socket by.
    (out / "liveavatar_models" / REALTIME_DOCUMENT).write_text(
        json.dumps(asyncapi, indent=2, sort_keys=False) + "\n", encoding="utf-8"
    )
    previous_release = _write_changes(out, effective_spec, release, previous)
    ops = operations(json.loads(spec_bytes))
    provenance = {
        "release": release,
        "previous_release": previous_release,
        "spec": {"path": _display(spec), "sha256": sha256(spec_bytes)},
        "overlay": {"path": "overrides/openapi.overlay.yaml", "sha256": sha256(overlay_bytes)},
        "asyncapi": {
            "path": "overrides/realtime.asyncapi.yaml",
            "sha256": sha256(asyncapi_bytes),
        },
        "effective_spec": {
            "path": f"generated/{EFFECTIVE}",
            "sha256": sha256(effective_text.encode()),
        },
        "operation_count": len(ops),
        "operations": ops,
        "tools": {tool: version(tool) for tool in TOOLS},
    }
    (out / "PROVENANCE.json").write_text(json.dumps(provenance, indent=2) + "\n", encoding="utf-8")
    (out / "README.md").write_text(README, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "generated", help="tree to (re)write")
    parser.add_argument("--spec", type=Path, default=SPEC, help="published spec to start from")
    parser.add_argument(
        "--previous",
        type=Path,
        default=ROOT / "generated",
        help="tree whose release the change report starts from (default: generated/)",
    )
    args = parser.parse_args(argv)
    target: Path = args.out.resolve()
    with tempfile.TemporaryDirectory(prefix="liveavatar-generate-") as tmp:
        staging = Path(tmp) / "generated"
        generate(staging, args.spec.resolve(), args.previous.resolve())
        # Replace the target only once everything succeeded: a failed run leaves it untouched.
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(staging, target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
