"""``python -m quotebank.extract.rules`` prints the rules page (``docs/rules.md``)."""

from quotebank.extract.rules.registry import markdown

print(markdown(), end="")
