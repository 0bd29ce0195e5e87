"""Every Python example in README.md and docs/ runs (so the documentation cannot rot).

Blocks of one page run in order in one namespace, in a scratch folder holding
the files the examples name (pages in ``EMPTY_FOLDER`` run in an empty folder, as a
reader who pastes them would). A block right after ``<!-- skip-test: why -->``
is not run. A ``text`` block right after a Python block, introduced by a line
``Output:``, is what that block prints, and is checked. A ``bash`` block right after
``<!-- run-test -->`` runs too, in the same folder and in page order, with the installed
``quotebank`` command first on ``PATH`` (each pipeline with ``pipefail``).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, SEEDS

_BLOCK = re.compile(
    r"(<!-- (?:skip-test|run-test)[^>]*-->\s*)?```(python|bash)\n(.*?)```(?:\s*Output:\s*```text\n(.*?)```)?", re.S
)
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
EMPTY_FOLDER = {ROOT / "docs" / "how-to" / "spacy.md"}


def _blocks(page: Path) -> list[tuple[str, str, str | None]]:
    """The ``(language, code, shown output)`` of every block that runs, in page order."""
    runs = []
    for marker, language, code, output in _BLOCK.findall(page.read_text(encoding="utf-8")):
        if "skip-test" in marker or (language == "bash" and "run-test" not in marker):
            continue
        runs.append((language, code, output or None))
    return runs


def _shell(code: str, page: Path) -> str:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, f"{page.name}: {code!r} failed ({done.returncode}):\n{done.stderr[-2000:]}"
    return done.stdout


def _python(code: str, page: Path, namespace: dict[str, object]) -> str:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, str(page), "exec"), namespace)
    return printed.getvalue()


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p)], ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if page not in EMPTY_FOLDER:
        shutil.copytree(SEEDS, tmp_path / "seeds")
        shutil.copytree(SEEDS, tmp_path / "articles")
        shutil.copytree(DATA / "pages", tmp_path / "pages")
        shutil.copytree(DATA / "pages", tmp_path / "tests" / "data" / "pages")
        shutil.copy(DATA / "my_speakers.toml", tmp_path / "my_speakers.toml")
        shutil.copy(DATA / "humanitarian_aid.toml", tmp_path / "humanitarian_aid.toml")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for language, code, output in _blocks(page):
        printed = _shell(code, page) if language == "bash" else _python(code, page, namespace)
        if output is not None:
            assert printed == output, f"{page.name}: the output shown is not what the example prints"


def test_every_page_is_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in (ROOT / "docs").rglob("*.md"):
        assert page.relative_to(ROOT / "docs").as_posix() in nav, page
