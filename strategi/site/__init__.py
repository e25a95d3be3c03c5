"""The site engine glue: the only code that knows MkDocs or Zensical (hooks, the build, the print
document, serving, the PDF). Imports views, content and data; nothing imports it but commands.
"""
