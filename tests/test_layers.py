"""The layering of the package: model → lexicons → extract → speakers → stance →
pipeline → extractor → io/cli. No module imports one from a later layer, so the
architecture the layout shows is the one the code has."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src" / "quotebank"

#: Each top-level module or package of quotebank and its layer (a module may import only
#: from its own layer or lower ones).
LAYERS: dict[str, int] = {
    "errors": 0,
    "model": 0,
    "lexicons": 1,
    "webpages": 1,
    "extract": 2,
    "speakers": 3,
    "stance": 4,
    "pipeline": 5,
    "chunking": 5,
    "extractor": 6,
    "io": 7,
    "checkpoint": 7,
    "schema": 7,
    "display": 7,
    "frames": 8,
    "report": 8,
    "evaluation": 8,
    "suite": 9,
    "dask": 9,
    "cli": 10,
    "__init__": 11,
}


def _imports(path: Path) -> set[str]:
    """The quotebank top-level names ``path`` imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "quotebank" and len(parts) > 1:
                found.add(parts[1])
    return found


def _unit(path: Path) -> str:
    return path.relative_to(SRC).with_suffix("").parts[0]


FILES = sorted(SRC.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    assert {_unit(p) for p in FILES} <= set(LAYERS)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(SRC).as_posix())
def test_nothing_reaches_back_up(path: Path) -> None:
    unit = _unit(path)
    upward = {name for name in _imports(path) - {unit} if LAYERS.get(name, 99) > LAYERS[unit]}
    assert not upward, f"{path.relative_to(SRC)} (layer {LAYERS[unit]}) imports {sorted(upward)} from above"
