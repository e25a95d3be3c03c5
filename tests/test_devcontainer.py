"""The dev container (.devcontainer/devcontainer.json): valid against the published schema it names
(vendored in tests/vendor/devcontainer, so no network is needed), and set up for an editor: it installs
the project, starts the preview, forwards its port and brings the YAML extension."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT201909

from tests.conftest import ROOT

DEVCONTAINER = ROOT / ".devcontainer" / "devcontainer.json"
VENDOR = ROOT / "tests" / "vendor" / "devcontainer"
SPEC = "https://raw.githubusercontent.com/devcontainers/spec/main/schemas/"
VSCODE = "https://raw.githubusercontent.com/microsoft/vscode/main/extensions/configuration-editing/schemas/"


def _registry() -> Registry:
    """The published schema's files under the addresses they are published at."""
    resources = []
    for base, names in [
        (SPEC, ["devContainer.schema.json", "devContainer.base.schema.json"]),
        (VSCODE, ["devContainer.codespaces.schema.json", "devContainer.vscode.schema.json"]),
    ]:
        for name in names:
            contents = json.loads((VENDOR / name).read_text(encoding="utf-8"))
            resources.append(
                (base + name, Resource.from_contents(contents, default_specification=DRAFT201909))
            )
    # Generated inside VS Code at run time, never published (see tests/vendor/devcontainer/README.md).
    resources.append(
        ("vscode://schemas/settings/machine", Resource.from_contents({"type": "object"}, DRAFT201909))
    )
    return Registry().with_resources(resources)


def _errors(document: dict[str, Any]) -> list[str]:
    schema = {"$ref": SPEC + "devContainer.schema.json"}
    validator = jsonschema.Draft201909Validator(schema, registry=_registry())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def _devcontainer() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEVCONTAINER.read_text(encoding="utf-8"))
    return data


def test_devcontainer_names_the_published_schema() -> None:
    """devcontainer.json is plain JSON and its $schema is the dev container spec's published schema."""
    assert _devcontainer()["$schema"] == SPEC + "devContainer.schema.json"


def test_devcontainer_is_valid_against_its_schema() -> None:
    """The published dev container schema (with the VS Code and Codespaces parts it refers to) accepts
    the file, offline."""
    assert _errors(_devcontainer()) == []


def test_schema_check_rejects_broken_devcontainers() -> None:
    """The same check fails for a file without an image, a port given as an object, or an extension id
    without a publisher, so a pass above means something."""
    no_image = _devcontainer()
    del no_image["image"]
    port_as_object = _devcontainer()
    port_as_object["forwardPorts"] = [{"port": 8000}]
    bad_extension = copy.deepcopy(_devcontainer())
    bad_extension["customizations"]["vscode"]["extensions"] = ["vscode-yaml"]
    for broken in (no_image, port_as_object, bad_extension):
        assert _errors(broken), broken


def test_devcontainer_sets_up_and_shows_the_preview() -> None:
    """The container sets the project up with the same command an editor runs at home, starts the
    preview on the port it forwards (and opens it), and installs the YAML extension that gives the
    Swedish autocompletion from .vscode/settings.json."""
    data = _devcontainer()
    assert data["postCreateCommand"] == "python -m strategi validera"
    assert list(data["postAttachCommand"].values()) == ["python -m strategi serve"]
    assert data["forwardPorts"] == [8000]
    assert data["portsAttributes"]["8000"]["onAutoForward"] == "openPreview"
    assert "redhat.vscode-yaml" in data["customizations"]["vscode"]["extensions"]
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["schemas/kanal.schema.json"] == ["data/channels/*.yaml"]
    assert Path(ROOT / data["customizations"]["codespaces"]["openFiles"][0]).is_file()
