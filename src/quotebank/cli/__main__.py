"""``python -m quotebank.cli``: the ``quotebank`` command."""

import sys

from quotebank.cli.app import main

sys.exit(main())
