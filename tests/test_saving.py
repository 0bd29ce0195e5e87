"""A pipeline saved with ``nlp.to_disk`` carries its lexicons (quotebank.lexicons.saving)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
import spacy

import quotebank
from quotebank.errors import LexiconError
from quotebank.lexicons import load_lexicons
from quotebank.lexicons.saving import MANIFEST, lexicons_from_bytes, lexicons_to_bytes, load_saved_lexicons
from quotebank.pipeline import QuotebankComponent

DATA = Path(__file__).parent / "data"

SPEAKERS = """\
[meta]
name = "a newsroom's own registry"
version = "0.1.0"

[[speaker]]
name = "Ines Baumann"
kind = "person"
gender = "female"
titles = ["federal chancellor"]
"""

TEXT = (
    "Berlin\n"
    "The federal chancellor said aid convoys must be allowed into Gaza at once. "
    '"We will not accept a ceasefire that leaves Hamas in power," she said.'
)

LOAD_AND_PRINT = """\
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
print(json.dumps([q.to_dict() for q in nlp(sys.argv[2])._.quotes], sort_keys=True))
"""


def _user_files(folder: Path) -> tuple[Path, Path]:
    speakers = folder / "speakers.toml"
    speakers.write_text(SPEAKERS, encoding="utf-8")
    target = folder / "aid.toml"
    shutil.copyfile(DATA / "humanitarian_aid.toml", target)
    return speakers, target


def _quotes(nlp: spacy.language.Language, text: str) -> list[dict[str, object]]:
    return [q.to_dict() for q in nlp(text)._.quotes]


def test_a_saved_pipeline_moved_elsewhere_loads_in_a_fresh_process(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    speakers, target = _user_files(user)
    extractor = quotebank.Extractor(speakers=[speakers], targets=[target])
    expected = _quotes(extractor.nlp, TEXT)
    # the user's files matter to this text: the registry names the chancellor, the target scores
    assert any(q["speaker"] and q["speaker"]["name"] == "Ines Baumann" for q in expected)  # type: ignore[index]
    assert any(q["stance"]["humanitarian_aid"]["label"] == "FAVOR" for q in expected)  # type: ignore[index]
    extractor.nlp.to_disk(tmp_path / "saved")
    moved = tmp_path / "elsewhere" / "pipeline"
    shutil.move(tmp_path / "saved", moved)
    shutil.rmtree(user)  # the files the config names are gone
    run = subprocess.run(
        [sys.executable, "-c", LOAD_AND_PRINT, str(moved), TEXT],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == json.loads(json.dumps(expected, sort_keys=True))


def test_the_saved_folder_names_its_files_relatively(tmp_path: Path) -> None:
    speakers, target = _user_files(tmp_path)
    extractor = quotebank.Extractor(speakers=[speakers], targets=[target])
    extractor.nlp.to_disk(tmp_path / "saved")
    manifest = json.loads((tmp_path / "saved" / "quotebank" / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["speakers"] == ["speakers/00-speakers.toml"]
    assert manifest["targets"] == ["targets/00-aid.toml"]
    assert manifest["directory"] == "lexicons"
    assert str(tmp_path) not in json.dumps(manifest)


def test_to_bytes_round_trip_keeps_the_lexicons(tmp_path: Path) -> None:
    _, target = _user_files(tmp_path)
    lexicons = load_lexicons(targets=[target])
    again = lexicons_from_bytes(lexicons_to_bytes(lexicons))
    assert sorted(again.targets) == sorted(lexicons.targets)
    assert again.describe() == lexicons.describe()


def test_nlp_to_bytes_round_trip_gives_the_same_quotes(extractor: quotebank.Extractor) -> None:
    data = extractor.nlp.to_bytes()
    fresh = quotebank.Extractor()
    fresh.nlp.from_bytes(data)
    assert _quotes(fresh.nlp, TEXT) == _quotes(extractor.nlp, TEXT)


def test_a_folder_without_saved_lexicons_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"not written by nlp\.to_disk"):
        load_saved_lexicons(tmp_path)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("targets", ["/etc/passwd"], "relative path inside the folder"),
        ("targets", ["../../outside.toml"], "relative path inside the folder"),
        ("targets", "targets/00-aid.toml", "expected a list"),
        ("replace_targets", "yes", "expected true or false"),
        ("format", 99, "this quotebank reads 1"),
        ("colour", "blue", "unknown manifest key 'colour'"),
    ],
)
def test_a_bad_manifest_names_its_fault(tmp_path: Path, key: str, value: object, message: str) -> None:
    from quotebank.lexicons.saving import save_lexicons

    save_lexicons(load_lexicons(), tmp_path)
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    manifest[key] = value
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as error:
        load_saved_lexicons(tmp_path)
    assert MANIFEST in str(error.value)


def test_lexicons_built_in_code_cannot_be_saved(tmp_path: Path) -> None:
    nlp = quotebank.load_model()
    component = nlp.add_pipe("quotebank")
    assert isinstance(component, QuotebankComponent)
    component.use_lexicons(attrs.evolve(load_lexicons(), sources=None))
    with pytest.raises(LexiconError, match="built in code"):
        nlp.to_disk(tmp_path / "saved")


def test_a_missing_config_file_is_an_error_at_first_use(tmp_path: Path) -> None:
    nlp = quotebank.load_model()
    nlp.add_pipe("quotebank", config={"targets": [str(tmp_path / "gone.toml")]})  # built: a saved copy may come
    with pytest.raises(LexiconError, match=r"gone\.toml: file not found"):
        nlp("Officials said the talks would resume.")


def test_the_extractor_reports_a_missing_file_at_once(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"gone\.toml"):
        quotebank.Extractor(targets=[tmp_path / "gone.toml"])


def test_initialize_loads_the_files_it_is_given(tmp_path: Path) -> None:
    _, target = _user_files(tmp_path)
    nlp = quotebank.load_model()
    component = nlp.add_pipe("quotebank")
    assert isinstance(component, QuotebankComponent)
    component.initialize(targets=[str(target)])
    assert "humanitarian_aid" in component.scorer.targets
