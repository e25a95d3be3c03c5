"""Editor support: schemas that VS Code's YAML extension understands, modelines, settings,
and the real yaml-language-server giving Swedish help from the schemas, offline."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from strategi.data.check import data_files, schema_for
from strategi.data.parts import PARTS
from tests.conftest import ROOT, copy_data, require

SCHEMA_DIR = ROOT / "schemas"
SETTINGS = ROOT / ".vscode" / "settings.json"
EXTENSIONS = ROOT / ".vscode" / "extensions.json"
MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$")
SHARED_SCHEMA = "gemensamt.schema.json"
# Any request that tries to leave the machine goes to a closed local port and fails.
DEAD_PROXY = "http://127.0.0.1:9"


def _schema_files() -> list[Path]:
    return sorted(SCHEMA_DIR.glob("*.schema.json"))


def _expected_glob(schema: Path) -> str:
    """The data files of a schema, from the list of the strategy's parts."""
    return next(part.glob for part in PARTS if part.schema == schema.name)


@pytest.mark.parametrize("schema", _schema_files(), ids=lambda p: p.name)
def test_schema_is_valid_draft07(schema: Path) -> None:
    """Every schema declares draft-07 and is itself a valid draft-07 schema (what the YAML extension reads)."""
    contents = json.loads(schema.read_text(encoding="utf-8"))
    assert contents.get("$schema") == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(contents)


def test_every_data_file_has_a_modeline_to_an_existing_schema() -> None:
    """The first line of every data file names, by a relative path, the schema file that file follows."""
    files = data_files(ROOT)
    assert files, "inga datafiler hittades"
    for relpath in files:
        first = (ROOT / relpath).read_text(encoding="utf-8").splitlines()[0].lstrip("\ufeff")
        match = MODELINE.match(first)
        assert match, f"{relpath}: första raden är ingen modeline: {first!r}"
        target = ((ROOT / relpath).parent / match.group(1)).resolve()
        assert target.is_file(), f"{relpath}: schemat {match.group(1)} finns inte"
        assert target.parent == SCHEMA_DIR.resolve()
        assert target.name == schema_for(relpath), f"{relpath}: pekar på {target.name}"


def test_settings_map_every_schema_to_its_data_files() -> None:
    """settings.json maps each schema (but the shared one) to the glob of the files that follow it."""
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    expected = {
        f"schemas/{schema.name}": [_expected_glob(schema)]
        for schema in _schema_files()
        if schema.name != SHARED_SCHEMA
    }
    assert mapping == expected
    for globs in mapping.values():
        if globs[0] == "data/plan/*.yaml":
            continue  # the publishing plan starts empty: `ny-plan` writes its first month
        assert any(ROOT.glob(globs[0])), f"{globs[0]} matchar ingen datafil"


def test_settings_turn_on_validation_hover_and_completion() -> None:
    """The workspace settings switch on the YAML extension's help and keep files UTF-8 with spaces."""
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
    for key in ["yaml.validate", "yaml.hover", "yaml.completion", "editor.insertSpaces"]:
        assert settings[key] is True, key
    assert settings["files.encoding"] == "utf8"
    assert settings["[yaml]"]["editor.tabSize"] == 2


def test_extensions_recommend_the_yaml_extension() -> None:
    """VS Code suggests Red Hat's YAML extension, which runs yaml-language-server."""
    extensions = json.loads(EXTENSIONS.read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_package_json_pins_only_the_language_server() -> None:
    """package.json is private and pins exactly one dev dependency, yaml-language-server, to an exact version."""
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["private"] is True
    assert set(package) <= {"name", "private", "description", "devDependencies"}
    deps = package["devDependencies"]
    assert list(deps) == ["yaml-language-server"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", deps["yaml-language-server"])
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    locked = lock["packages"]["node_modules/yaml-language-server"]["version"]
    assert locked == deps["yaml-language-server"]


# --- the real yaml-language-server ---------------------------------------------------


class _LspClient:
    """A minimal LSP client over stdio: Content-Length framing, JSON-RPC requests, and
    answers to the server's own requests (workspace/configuration and the like)."""

    def __init__(self, command: list[str], settings: dict[str, Any], stderr_path: Path) -> None:
        self._settings = settings
        self._stderr = stderr_path.open("wb")
        env = {**os.environ, "HTTP_PROXY": DEAD_PROXY, "HTTPS_PROXY": DEAD_PROXY, "NO_PROXY": ""}
        self._proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, env=env
        )
        self._next_id = 0
        self._lock = threading.Condition()
        self._responses: dict[int, dict[str, Any]] = {}
        self.notifications: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self._proc.stdin is not None
        self._proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self._proc.stdin.flush()

    def _read_message(self) -> dict[str, Any] | None:
        stream = self._proc.stdout
        assert stream is not None
        length = None
        while True:
            line = stream.readline()
            if not line:
                return None
            line = line.strip()
            if not line:
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        if length is None:
            return None
        message: dict[str, Any] = json.loads(stream.read(length))
        return message

    def _read_loop(self) -> None:
        try:
            while (message := self._read_message()) is not None:
                if "method" in message and "id" in message:
                    self._answer(message)
                    continue
                with self._lock:
                    if "id" in message:
                        self._responses[message["id"]] = message
                    else:
                        self.notifications.append(message)
                    self._lock.notify_all()
        except (OSError, ValueError):
            return  # the server went away; waiting callers time out with a clear message

    def _answer(self, request: dict[str, Any]) -> None:
        result: Any = None
        if request["method"] == "workspace/configuration":
            result = [self._settings.get(item.get("section", "")) for item in request["params"]["items"]]
        self._send({"jsonrpc": "2.0", "id": request["id"], "result": result})

    def request(self, method: str, params: dict[str, Any], timeout: float = 30) -> Any:
        self._next_id += 1
        request_id = self._next_id
        self._send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        with self._lock:
            answered = self._lock.wait_for(lambda: request_id in self._responses, timeout)
        assert answered, f"yaml-language-server svarade inte på {method} inom {timeout} s"
        response = self._responses.pop(request_id)
        assert "error" not in response, response
        return response.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 30) -> dict[str, Any]:
        with self._lock:
            found = self._lock.wait_for(lambda: any(predicate(n) for n in self.notifications), timeout)
            assert found, "väntade notifiering kom aldrig från yaml-language-server"
            return next(n for n in self.notifications if predicate(n))

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )
        return uri

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=5)
            self.notify("exit", {})
            self._proc.wait(timeout=5)
        except (AssertionError, OSError, subprocess.TimeoutExpired):
            self._proc.kill()
            self._proc.wait(timeout=5)
        finally:
            for stream in (self._proc.stdin, self._proc.stdout):
                if stream is not None:
                    stream.close()
            self._reader.join(timeout=5)
            self._stderr.close()


def _server_command() -> list[str]:
    """How to start yaml-language-server here, or skip (fail under CI) with the reason."""
    configured = os.environ.get("STRATEGI_YAML_LANGUAGE_SERVER")
    server = Path(configured) if configured else ROOT / "node_modules" / ".bin" / "yaml-language-server"
    reason = None
    if shutil.which("node") is None:
        reason = "node finns inte på datorn, så yaml-language-server kan inte startas"
    elif not server.exists():
        reason = (
            f"yaml-language-server finns inte ({server}); kör 'npm ci --no-audit --no-fund' "
            "eller sätt STRATEGI_YAML_LANGUAGE_SERVER"
        )
    if reason:
        require(False, f"{reason} (i CI måste editorstödet provas på riktigt)")
    return [str(server), "--stdio"]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A throwaway workspace holding copies of data/ and schemas/."""
    return copy_data(tmp_path / "arbetsyta")


@pytest.fixture
def start_server(workspace: Path, tmp_path: Path) -> Iterator[Callable[[dict[str, Any]], _LspClient]]:
    """Start yaml-language-server on the workspace with given `yaml` settings, no schema store, no network."""
    command = _server_command()
    clients: list[_LspClient] = []

    def start(yaml_settings: dict[str, Any]) -> _LspClient:
        settings = {
            "yaml": {"schemaStore": {"enable": False}, **yaml_settings},
            "http": {"proxy": DEAD_PROXY, "proxyStrictSSL": True},
            "[yaml]": {"editor.tabSize": 2},
            "editor": {},
        }
        client = _LspClient(command, settings, tmp_path / f"server-{len(clients)}.log")
        clients.append(client)
        client.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": workspace.as_uri(),
                "workspaceFolders": [{"uri": workspace.as_uri(), "name": workspace.name}],
                "capabilities": {
                    "workspace": {"configuration": True, "workspaceFolders": True},
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {"completionItem": {"documentationFormat": ["markdown", "plaintext"]}},
                        "publishDiagnostics": {},
                    },
                },
            },
        )
        # As VS Code does: ask to be told when the settings are in force, then wait for it,
        # so that no request races the server's pull of the settings.
        client.notify("yaml/supportSchemaSelection", {})
        client.notify("initialized", {})
        client.wait_for(lambda note: note.get("method") == "yaml/schema/store/initialized")
        return client

    yield start
    for client in clients:
        client.close()


def _position_of_key(text: str, key: str) -> dict[str, int]:
    for number, line in enumerate(text.splitlines()):
        if line.startswith(f"{key}:"):
            return {"line": number, "character": 1}
    raise AssertionError(f"nyckeln {key} finns inte")


def _hover_text(result: Any) -> str:
    assert result, "inget svar på hover"
    contents = result["contents"]
    if isinstance(contents, dict):
        return str(contents["value"])
    if isinstance(contents, list):
        return "\n".join(c if isinstance(c, str) else c["value"] for c in contents)
    return str(contents)


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return schema


def _diagnostics_for(uri: str) -> Callable[[dict[str, Any]], bool]:
    def match(note: dict[str, Any]) -> bool:
        return note.get("method") == "textDocument/publishDiagnostics" and note["params"]["uri"] == uri

    return match


@pytest.mark.slow
def test_language_server_hover_is_swedish_from_the_modeline(
    start_server: Callable[[dict[str, Any]], _LspClient], workspace: Path
) -> None:
    """Hovering 'namn' in a channel file shows the Swedish description from kanal.schema.json, found
    through the file's relative modeline alone (no settings, no network), and a valid file gets no
    diagnostics, so every $ref into gemensamt.schema.json resolved locally."""
    client = start_server({"validate": True, "hover": True, "completion": True, "schemas": {}})
    path = workspace / "data" / "channels" / "facebook.yaml"
    text = path.read_text(encoding="utf-8")
    uri = client.open(path, text)
    hover = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": _position_of_key(text, "namn")}
    )
    description = _schema("kanal.schema.json")["properties"]["namn"]["description"]
    assert description in _hover_text(hover)
    diagnostics = client.wait_for(_diagnostics_for(uri))["params"]["diagnostics"]
    assert diagnostics == []


@pytest.mark.slow
def test_language_server_completion_offers_swedish_described_keys(
    start_server: Callable[[dict[str, Any]], _LspClient], workspace: Path
) -> None:
    """Completion on an empty line inside 'profil:' offers the profile's keys, each with its Swedish
    description from the schema."""
    client = start_server({"validate": True, "hover": True, "completion": True, "schemas": {}})
    path = workspace / "data" / "channels" / "ny-kanal.yaml"
    text = "# yaml-language-server: $schema=../../schemas/kanal.schema.json\nid: ny-kanal\nprofil:\n  \n"
    path.write_text(text, encoding="utf-8")
    uri = client.open(path, text)
    result = client.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 2}},
    )
    items = result["items"] if isinstance(result, dict) else result
    offered = {item["label"]: item.get("documentation") for item in items}
    profile = _schema("kanal.schema.json")["properties"]["profil"]["properties"]
    assert set(profile) <= set(offered), f"saknas: {set(profile) - set(offered)}"
    documentation = offered["publik"]
    text_shown = documentation["value"] if isinstance(documentation, dict) else documentation
    assert profile["publik"]["description"] in text_shown


@pytest.mark.slow
def test_language_server_uses_the_settings_mapping_without_a_modeline(
    start_server: Callable[[dict[str, Any]], _LspClient], workspace: Path
) -> None:
    """With the yaml.schemas mapping from .vscode/settings.json, a strategy file whose modeline was
    removed still gets its own schema's Swedish hover text."""
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
    client = start_server(
        {"validate": True, "hover": True, "completion": True, "schemas": settings["yaml.schemas"]}
    )
    path = workspace / "data" / "strategy" / "mal.yaml"
    text = "".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[1:])
    path.write_text(text, encoding="utf-8")
    key = text.split(":", 1)[0]
    uri = client.open(path, text)
    hover = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": _position_of_key(text, key)}
    )
    description = _schema("mal.schema.json")["properties"][key]["description"]
    assert description in _hover_text(hover)
