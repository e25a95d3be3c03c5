"""The site map: every page by its source path under docs/, the anchors other pages link to, and the
links between pages, computed from the page being rendered.

A page is named by its source path ('mal.md', 'kanaler/facebook.md'). Its URL is the one MkDocs
gives it with directory URLs ('mal/', 'kanaler/facebook/'). A view that links to another page is
handed the page it is rendered on (strategi.site.build reads it from mkdocs-macros) and asks ``href``
for the link, so no relative path is typed anywhere. The offline preview turns directory URLs off;
strategi/site/offline_hooks.py re-points these links at its files.

Nothing here imports MkDocs: the views use this module and stay free of any site engine.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any
from urllib.parse import quote

# The pages written by hand under docs/.
START = "index.md"
BACKGROUND = "bakgrund.md"
GOALS = "mal.md"
CHANNEL_ANALYSIS = "kanalanalys.md"
CHANNELS = "kanaler/index.md"
STATUS = "nulage.md"
MATERIAL_TYPES = "materialtyper.md"
PERSONAS = "personas.md"
TONE = "tonalitet.md"
ORGANISATION = "organisation.md"
PROCESS = "process.md"
FOLLOW_UP = "uppfoljning.md"
PLAN = "plan/index.md"
ANNUAL_CYCLE = "arshjul/index.md"
CHANGES = "andringar.md"
QUESTIONS = "oppna-fragor.md"
GUIDE = "guide.md"
ACCESSIBILITY = "tillganglighet.md"
PRINT = "utskrift.md"

SITE_PAGES = (
    START,
    BACKGROUND,
    GOALS,
    CHANNEL_ANALYSIS,
    CHANNELS,
    STATUS,
    MATERIAL_TYPES,
    PERSONAS,
    TONE,
    ORGANISATION,
    PROCESS,
    FOLLOW_UP,
    PLAN,
    ANNUAL_CYCLE,
    CHANGES,
    QUESTIONS,
    GUIDE,
    ACCESSIBILITY,
    PRINT,
)

# Files the build generates beside the pages (strategi/site/calendars.py).
ANNUAL_CYCLE_FEED = "arshjul/arshjul.ics"

# Anchors that a page sets and other pages link to.
ASSIGNMENTS_ANCHOR = "uppdrag"  # Process: the assignments; a channel page's own assignments
BUDGET_ANCHOR = "budget"  # Organisation och budget: the budget; a channel page's budget
INDICATORS_ANCHOR = "indikatorer"  # Uppföljning: every indicator; a channel page's indicators
FOLLOW_UP_ANCHOR = "uppfoljning"  # a channel page's follow-up section
FLAGS_ANCHOR = "oklarheter"  # Öppna frågor: every question to confirm
STALE_ANCHOR = "behover-uppdateras"  # Öppna frågor: channels whose digital status is too old
MATRIX_ANCHOR = "personamatrisen"  # Öppna frågor: the persona x channel matrix as recorded

GOAL_PREFIX = "mal-"


def channel(channel_id: str) -> str:
    """A channel's generated page: 'facebook' -> 'kanaler/facebook.md'."""
    return f"{posixpath.dirname(CHANNELS)}/{channel_id}.md"


def month(month_id: str) -> str:
    """A plan month's generated page, next to the plan's overview: '2027-01' -> 'plan/2027-01.md'."""
    return f"{posixpath.dirname(PLAN)}/{month_id}.md"


def plan_feed(name: str) -> str:
    """A plan calendar, next to the plan's overview: 'alla' -> 'plan/alla.ics'."""
    return f"{posixpath.dirname(PLAN)}/{name}.ics"


def goal_anchor(goal_id: Any) -> str:
    """A goal's section on Mål, that every link to the goal uses: 'A' -> 'mal-a', '1' -> 'mal-1'."""
    return GOAL_PREFIX + re.sub(r"[^a-z0-9]+", "-", str(goal_id).lower()).strip("-")


def goal_group_anchor(group_id: Any) -> str:
    """A goal group's section on a channel page: its id with the goal prefix, not doubled
    ('mal-a' stays 'mal-a', 'video' becomes 'mal-video')."""
    text = str(group_id)
    return text if text.startswith(GOAL_PREFIX) else GOAL_PREFIX + text


def directory_url(src_uri: str) -> str:
    """The URL a page has with directory URLs: 'mal.md' -> 'mal/', 'kanaler/index.md' -> 'kanaler/'.
    Any other file keeps its path ('plan/alla.ics')."""
    stem, ext = posixpath.splitext(src_uri)
    if ext != ".md":
        return src_uri
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def folder_index(src_uri: str) -> str:
    """The index page of a source file's folder ('kanaler/facebook.md' -> 'kanaler/index.md').

    Zensical reads a relative link in a page's HTML from the folder of the page's source file, as
    Markdown links are read, and rewrites it for the page's address (MkDocs leaves it as written):
    links computed as from the folder's index page, whose address is that folder, land right."""
    return posixpath.join(posixpath.dirname(src_uri), "index.md")


def built_url(src_uri: str, directory_urls: bool) -> str:
    """A page's URL in a build with or without directory URLs: 'mal/' or 'mal.html'."""
    return directory_url(src_uri) if directory_urls else posixpath.splitext(src_uri)[0] + ".html"


def file_to_directory_url(path: str) -> str:
    """A built file's path as a directory URL: 'mal.html' -> 'mal/', 'kanaler/index.html' -> 'kanaler/'."""
    return directory_url(path.removesuffix(".html") + ".md") if path.endswith(".html") else path


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one URL to another: 'mal/' -> 'oppna-fragor/' is '../oppna-fragor/',
    'kanaler/facebook.html' -> 'oppna-fragor.html' is '../oppna-fragor.html', '' -> '' is './'."""
    link = posixpath.relpath(to_url or ".", posixpath.dirname(from_url) or ".")
    return link + "/" if to_url.endswith("/") or not to_url else link


def href(here: str, target: str, anchor: str = "") -> str:
    """The link from the page ``here`` to the page or file ``target`` (source paths), with an
    anchor: from 'kanaler/facebook.md' to 'mal.md', 'mal-a' it is '../../mal/#mal-a'. The path is
    percent-encoded; escape the whole for an HTML attribute (render.esc)."""
    link = quote(relative_url(directory_url(here), directory_url(target)), safe="/.-_~")
    return f"{link}#{anchor}" if anchor else link


def md_href(here: str, target: str, anchor: str = "") -> str:
    """The Markdown link from the page ``here`` to the page ``target``, as a path between source
    files ('../mal.md#mal-a') that MkDocs checks and turns into the target's URL."""
    link = quote(posixpath.relpath(target, posixpath.dirname(here) or "."), safe="/.-_~")
    return f"{link}#{anchor}" if anchor else link
