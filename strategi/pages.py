"""Page URLs independent of how a build lays out its files."""

from __future__ import annotations

import posixpath


def directory_url(src_uri: str) -> str:
    """The URL a page has with directory URLs: 'mal.md' -> 'mal/', 'kanaler/index.md' -> 'kanaler/'."""
    stem = posixpath.splitext(src_uri)[0]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def file_to_directory_url(path: str) -> str:
    """A built file's path as a directory URL: 'mal.html' -> 'mal/', 'kanaler/index.html' -> 'kanaler/'."""
    return directory_url(path.removesuffix(".html") + ".md") if path.endswith(".html") else path
