"""Lexicon files: shipped files load, broken files fail with file and line."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from quotebank.errors import LexiconError
from quotebank.lexicons import default_lexicon_dir, load_lexicons, load_target


def test_shipped_lexicons_load_with_versions() -> None:
    lex = load_lexicons()
    assert "say" in lex.reporting.verbs
    assert "according to" in lex.reporting.source_phrases
    assert lex.speakers.get("Benjamin Netanyahu") is not None
    assert lex.speakers.get("hostage families") is not None
    assert set(lex.targets) == {"rafah_offensive", "ceasefire"}
    assert all(v for v in lex.describe().values())


def test_every_shipped_file_has_a_meta_version() -> None:
    for path in default_lexicon_dir().rglob("*.toml"):
        assert "[meta]" in path.read_text(encoding="utf-8"), path
        assert "version" in path.read_text(encoding="utf-8"), path


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_invalid_toml_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.toml", '[meta]\nversion = "1"\n[[speaker]]\nname = "X\n')
    with pytest.raises(LexiconError) as info:
        load_lexicons(speakers=[path])
    assert str(path) in str(info.value)
    assert info.value.line == 4


def test_missing_meta_version(tmp_path: Path) -> None:
    path = _write(tmp_path, "nometa.toml", '[[speaker]]\nname = "X"\n')
    with pytest.raises(LexiconError, match=r"\[meta\].*version"):
        load_lexicons(speakers=[path])


def test_schema_error_points_at_the_entry(tmp_path: Path) -> None:
    text = (
        '[meta]\nversion = "1"\n\n[[speaker]]\nname = "A"\nkind = "person"\n\n[[speaker]]\nname = "B"\nkind = "robot"\n'
    )
    path = _write(tmp_path, "kind.toml", text)
    with pytest.raises(LexiconError) as info:
        load_lexicons(speakers=[path])
    assert info.value.line == 8
    assert "robot" in str(info.value)


def test_unknown_field_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, "extra.toml", '[meta]\nversion = "1"\n[[speaker]]\nname = "A"\nalias = ["a"]\n')
    with pytest.raises(LexiconError, match="unknown field"):
        load_lexicons(speakers=[path])


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not found"):
        load_lexicons(speakers=[tmp_path / "nope.toml"])


def test_target_validation(tmp_path: Path) -> None:
    bad = _write(
        tmp_path,
        "t.toml",
        '[meta]\nversion = "1"\n[target]\nid = "Not An Id"\n[terms]\nphrases = ["aid"]\n',
    )
    with pytest.raises(LexiconError, match="identifier"):
        load_target(bad)
    pattern = _write(
        tmp_path,
        "p.toml",
        '[meta]\nversion = "1"\n[target]\nid = "aid"\n[terms]\nphrases = ["aid"]\n'
        '[[pattern]]\nlemmas = "* aid"\nlabel = "FAVOR"\n',
    )
    with pytest.raises(LexiconError) as info:
        load_target(pattern)
    assert info.value.line == 7


def test_lexicon_content_is_never_executed(tmp_path: Path) -> None:
    # a value that would do harm if evaluated stays an inert string
    path = _write(
        tmp_path,
        "evil.toml",
        '[meta]\nversion = "1"\n[[speaker]]\nname = "__import__(\'os\').system(\'false\')"\nkind = "person"\n',
    )
    lex = load_lexicons(speakers=[path])
    assert lex.speakers.get("__import__('os').system('false')") is not None


def test_user_registry_overrides_and_extends(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "mine.toml",
        '[meta]\nversion = "7"\n[[speaker]]\nname = "Jane Roe"\nkind = "person"\ngender = "female"\n'
        'titles = ["the mayor of Springfield"]\n',
    )
    lex = load_lexicons(speakers=[path])
    assert lex.speakers.get("Jane Roe") is not None
    assert lex.speakers.get("Benjamin Netanyahu") is not None
    only = load_lexicons(speakers=[path], replace_speakers=True)
    assert only.speakers.get("Benjamin Netanyahu") is None


def test_reporting_nouns_and_subjects_are_validated(tmp_path: Path) -> None:
    base = '[meta]\nversion = "1"\n\n[[verb]]\nlemma = "say"\nframes = ["clause"]\n'
    good = _write(
        tmp_path,
        "good.toml",
        base + '\n[[verb]]\nlemma = "show"\nframes = ["object"]\nsubjects = ["Poll"]\n'
        '\n[[noun]]\nlemma = "claim"\nframes = ["clause"]\n',
    )
    lexicons = load_lexicons(reporting=good)
    assert lexicons.reporting.verbs["show"].subjects == frozenset({"poll"})
    assert lexicons.reporting.nouns["claim"].frames == frozenset({"clause"})
    bad = _write(tmp_path, "bad.toml", base + '\n[[noun]]\nlemma = "claim"\nframes = ["object"]\n')
    with pytest.raises(LexiconError, match="unknown frame") as info:
        load_lexicons(reporting=bad)
    assert info.value.line == 8


def test_registry_offices_have_dates_and_are_validated(tmp_path: Path) -> None:
    good = _write(
        tmp_path,
        "offices.toml",
        '[meta]\nversion = "1"\n[[speaker]]\nname = "Ana Ruiz"\nid = "X1"\n'
        '[[speaker.roles]]\ntitles = ["harbour master"]\nfrom = 2020-01-01\nuntil = 2022-01-01\n',
    )
    entry = load_lexicons(speakers=[good]).speakers.get("Ana Ruiz")
    assert entry is not None
    assert entry.id == "X1"
    assert entry.titles_on(datetime.date(2021, 6, 1)) == ("harbour master",)
    assert entry.titles_on(datetime.date(2023, 6, 1)) == ()
    for body, message in [
        ('[[speaker.roles]]\ntitles = ["x"]\nfrom = "2020-01-01"\n', "must be a date"),
        ('[[speaker.roles]]\ntitles = ["x"]\nfrom = 2022-01-01\nuntil = 2020-01-01\n', "ends before it starts"),
        ('[[speaker.roles]]\ntitles = ["x"]\nsince = 2020-01-01\n', "since"),
        ('id = "two words"\n', "one word"),
    ]:
        path = _write(tmp_path, "bad_office.toml", f'[meta]\nversion = "1"\n[[speaker]]\nname = "B"\n{body}')
        with pytest.raises(LexiconError, match=message):
            load_lexicons(speakers=[path])


def test_the_shipped_registry_covers_the_war_s_actors() -> None:
    registry = load_lexicons().speakers
    people = [e for e in registry if e.kind.value == "person"]
    assert len(list(registry)) >= 80
    assert all(e.gender in ("male", "female") for e in people)
    # every dated office names one holder on any day
    holders: dict[tuple[str, datetime.date], set[str]] = {}
    for entry in registry:
        for office in entry.roles:
            for day in (office.start, office.end):
                if day is None:
                    continue
                for title in office.titles:
                    if office.holds(day):
                        holders.setdefault((title.lower(), day), set()).add(entry.name)
    clashes = {k: v for k, v in holders.items() if len(v) > 1}
    assert not clashes


def _headers(lines: list[str]) -> list[int]:
    """Indexes of the table header lines of a TOML file (``[a]``, ``[a.b]``, ``[[a]]``)."""
    import re

    header = re.compile(r"^\s*\[\[?[^\[\]]+\]\]?\s*(#.*)?$")
    return [k for k, line in enumerate(lines) if header.match(line)]


def _mutants() -> list[tuple[str, int]]:
    """(file, header index) for every table of every shipped TOML file; -1 is the root table."""
    base = default_lexicon_dir()
    out = []
    for path in sorted(base.rglob("*.toml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        out += [(path.relative_to(base).as_posix(), k) for k in [-1, *_headers(lines)]]
    return out


@pytest.mark.parametrize(("name", "header"), _mutants())
def test_a_misspelt_key_in_any_table_of_any_file_is_an_error(tmp_path: Path, name: str, header: int) -> None:
    """Every table of every shipped file checks its keys: a key nobody reads (``wieght``) is an
    error naming the file and a line, never silently ignored."""
    import shutil

    copy = tmp_path / "lexicons"
    shutil.copytree(default_lexicon_dir(), copy)
    path = copy / name
    lines = path.read_text(encoding="utf-8").splitlines()
    at = header + 1 if header >= 0 else 0
    lines.insert(at, "zz_misspelt = {}")  # wrong as a key, and as a value of any entry
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load = (lambda: load_target(path)) if name.startswith("stance/") else (lambda: load_lexicons(directory=copy))
    with pytest.raises(LexiconError) as caught:
        load()
    assert caught.value.path is not None
    assert caught.value.path.name == path.name
    assert caught.value.line is not None
