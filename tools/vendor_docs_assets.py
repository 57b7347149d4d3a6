"""`make vendor-docs`: copy Swagger UI (npm `swagger-ui-dist`, pinned) into the server package.

The reference server serves /docs from these files, so the wheel needs no CDN and no network.
VENDOR.json records the version and each file's sha256; tests/server/test_docs.py checks them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "server" / "liveavatar_server" / "_docs_assets"
PACKAGE = "swagger-ui-dist"
VERSION = "5.32.0"
FILES = (
    "swagger-ui-bundle.js",
    "swagger-ui-bundle.js.LICENSE.txt",
    "swagger-ui.css",
    "favicon-32x32.png",
    "LICENSE",
    "NOTICE",
)


def vendor(out: Path = ASSETS) -> dict[str, object]:
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed to vendor Swagger UI (apt-get install -y npm)")
    with tempfile.TemporaryDirectory(prefix="liveavatar-docs-") as tmp:
        subprocess.run(
            [npm, "pack", f"{PACKAGE}@{VERSION}", "--silent", "--pack-destination", tmp],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (tarball,) = Path(tmp).glob("*.tgz")
        with tarfile.open(tarball) as archive:
            archive.extractall(tmp, filter="data")
        out.mkdir(parents=True, exist_ok=True)
        files = {}
        for name in FILES:
            data = (Path(tmp) / "package" / name).read_bytes()
            (out / name).write_bytes(data)
            files[name] = hashlib.sha256(data).hexdigest()
    record: dict[str, object] = {"package": PACKAGE, "version": VERSION, "files": files}
    (out / "VENDOR.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ASSETS)
    vendor(parser.parse_args(argv).out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
