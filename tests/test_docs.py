"""Every Python example in README.md and docs/ runs (so the documentation cannot rot).

Blocks of one page run in order in one namespace, in a scratch folder holding
the files the examples name. A block right after ``<!-- skip-test: why -->``
is not run.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, SEEDS

_BLOCK = re.compile(r"(<!-- skip-test[^>]*-->\s*)?```python\n(.*?)```", re.S)
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _blocks(page: Path) -> list[str]:
    return [code for skip, code in _BLOCK.findall(page.read_text(encoding="utf-8")) if not skip]


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p)], ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(SEEDS, tmp_path / "articles")
    shutil.copy(DATA / "my_speakers.toml", tmp_path / "my_speakers.toml")
    shutil.copy(DATA / "humanitarian_aid.toml", tmp_path / "humanitarian_aid.toml")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for code in _blocks(page):
        exec(compile(code, str(page), "exec"), namespace)


def test_every_page_is_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in (ROOT / "docs").rglob("*.md"):
        assert page.relative_to(ROOT / "docs").as_posix() in nav, page
