"""The wheel ships the lexicons and works outside the source tree."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [found] = out.glob("quotebank-*.whl")
    return found


def test_wheel_contains_lexicons_and_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        p.relative_to(ROOT / "data" / "lexicons").as_posix() for p in (ROOT / "data" / "lexicons").rglob("*.toml")
    }
    assert shipped
    for name in shipped:
        assert f"quotebank/_lexicons/{name}" in names
    assert "quotebank/py.typed" in names
    assert "quotebank/templates/report.html.j2" in names


@pytest.mark.slow
def test_wheel_installs_into_a_clean_venv_and_extracts(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # dependencies come from this environment's site-packages; quotebank only from the wheel
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    deps = Path(sysconfig.get_paths()["purelib"])
    Path(site, "deps.pth").write_text(str(deps) + "\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], check=True)
    code = (
        "import quotebank, quotebank.lexicons as l; "
        "assert '_lexicons' in str(l.default_lexicon_dir()), l.default_lexicon_dir(); "
        "q = quotebank.extract('\u201cWe are ready,\u201d the minister said.'); "
        "from quotebank.report import ReportDocument, render_report; "
        "t = '\u201cWe are ready,\u201d the minister said.'; "
        "assert render_report([ReportDocument(doc_id='a', text=t, quotes=q)]).count('<mark class=\"q ') == 1; "
        "print(q[0].speaker.name, l.default_lexicon_dir())"
    )
    done = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("minister")


def test_editable_install_finds_the_source_lexicons() -> None:
    from quotebank.lexicons import default_lexicon_dir

    assert default_lexicon_dir() == ROOT / "data" / "lexicons"


def test_no_function_in_src_is_above_complexity_20() -> None:
    from radon.complexity import cc_visit

    worst = [
        f"{path.relative_to(ROOT)}:{block.lineno} {block.name} ({block.complexity})"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for block in cc_visit(path.read_text(encoding="utf-8"))
        if block.complexity > 20
    ]
    assert not worst, "split these into named predicates: " + ", ".join(worst)
