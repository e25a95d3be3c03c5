"""MkDocs hooks (mkdocs.yml: hooks): the site's engine seam, as macros.py is mkdocs-macros'.

MkDocs loads a hook file by its path, with the file's folder on the import path while it runs it.
From here, the project folder, the package is imported as an ordinary module: once per process,
so what the build keeps (strategi.site.state.STATE) outlives the rebuilds of `make serve`, and no
module of the package edits sys.path. The offline preview's hooks (strategi/site/offline_hooks.py)
are listed after this file and find the package imported.
"""

from strategi.site.mkdocs_hooks import (
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_context,
    on_page_read_source,
    on_post_build,
    on_startup,
)

__all__ = [
    "on_config",
    "on_env",
    "on_files",
    "on_page_content",
    "on_page_context",
    "on_page_read_source",
    "on_post_build",
    "on_startup",
]
