"""python -m strategi: sets the project up on its first run (strategi.bootstrap), then runs the CLI."""

import sys

from .bootstrap import ensure

code = ensure(sys.argv[1:])
if code is not None:
    sys.exit(code)

from strategi.commands.cli import main  # noqa: E402  (only after the packages it needs are there)

sys.exit(main())
