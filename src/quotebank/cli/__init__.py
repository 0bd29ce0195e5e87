"""The ``quotebank`` command line.

Commands (``quotebank COMMAND --help`` shows each one's options and defaults):

* ``quotebank extract PATH...`` — quotes of text files, web pages, folders of them or
  standard input (``-``), as JSONL, CSV, a table or Parquet (:mod:`quotebank.cli.extract`).
* ``quotebank explain PATH...`` — every quote with the evidence for its stance.
* ``quotebank report PATH... -o report.html`` — a self-contained HTML report.
* ``quotebank schema`` — the JSON Schema of the JSONL rows.
* ``quotebank evaluate`` — the scores of ``annotation/SCORING.md``.

Exit status: 0 success, 1 some documents failed (each named on stderr), 2 bad usage or
setup (one line on stderr), 130 interrupted by SIGINT and 143 by SIGTERM (the document
in progress is finished and committed first).
"""

from quotebank.cli.app import build_parser, main

__all__ = ["build_parser", "main"]
