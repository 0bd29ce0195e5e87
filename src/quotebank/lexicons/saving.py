"""Lexicons saved with a pipeline: ``nlp.to_disk`` writes the files, ``spacy.load`` reads them.

A saved ``quotebank`` component folder holds copies of every file its lexicons were loaded
from, and a manifest (``lexicons.json``) naming them by paths relative to the folder::

    quotebank/
        lexicons.json          the manifest (format, relative names, replace flags)
        lexicons/              the lexicon folder (shipped or the user's), as laid out in data/lexicons
        speakers/00-<name>     the user's speaker files, in load order
        targets/00-<name>      the user's stance target files
        predicates/00-<name>   the user's predicate files
        reporting/<name>       a reporting-cue file used instead of the folder's, if any

so the pipeline folder can be moved to another place or machine and loaded there; the paths
its ``config.cfg`` names are not read again. Nothing in the files is executed: they are read
by the same validating loaders as the shipped files.

Examples:
    >>> import tempfile
    >>> from pathlib import Path
    >>> from quotebank.lexicons import load_lexicons
    >>> folder = Path(tempfile.mkdtemp())
    >>> save_lexicons(load_lexicons(), folder)
    >>> sorted(load_saved_lexicons(folder).targets)
    ['ceasefire', 'rafah_offensive']
"""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

import srsly

from quotebank.errors import LexiconError
from quotebank.lexicons.bundle import Lexicons, LexiconSources

__all__ = ["MANIFEST", "lexicons_from_bytes", "lexicons_to_bytes", "load_saved_lexicons", "save_lexicons"]

MANIFEST = "lexicons.json"
"""The manifest's file name inside a saved component folder."""

_FORMAT = 1
_LISTS = ("speakers", "targets", "predicates")
_KEYS = frozenset({"format", "directory", "reporting", *_LISTS, "replace_speakers", "replace_targets"})


def _sources(lexicons: Lexicons) -> LexiconSources:
    if lexicons.sources is None:
        raise LexiconError(
            "these lexicons were built in code, not loaded from files, so they cannot be saved "
            "with the pipeline; load them with quotebank.lexicons.load_lexicons"
        )
    return lexicons.sources


def _files(sources: LexiconSources) -> tuple[dict[str, Path], dict[str, Any]]:
    """Every file to save, by its relative name in the saved folder, and the manifest."""
    files: dict[str, Path] = {}
    for path in sorted(p for p in sources.directory.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        files[(PurePosixPath("lexicons") / path.relative_to(sources.directory).as_posix()).as_posix()] = path
    manifest: dict[str, Any] = {
        "format": _FORMAT,
        "directory": "lexicons",
        "reporting": None,
        "replace_speakers": sources.replace_speakers,
        "replace_targets": sources.replace_targets,
    }
    if sources.reporting is not None:
        manifest["reporting"] = f"reporting/{sources.reporting.name}"
        files[manifest["reporting"]] = sources.reporting
    for kind in _LISTS:
        names = [f"{kind}/{k:02d}-{path.name}" for k, path in enumerate(getattr(sources, kind))]
        files.update(zip(names, getattr(sources, kind), strict=True))
        manifest[kind] = names
    return files, manifest


def save_lexicons(lexicons: Lexicons, folder: Path) -> None:
    """Copy the files ``lexicons`` were loaded from into ``folder``, with the manifest.

    Raises:
        LexiconError: the lexicons were built in code (no ``sources``).
    """
    files, manifest = _files(_sources(lexicons))
    folder.mkdir(parents=True, exist_ok=True)
    for name, path in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _relative(folder: Path, manifest_path: Path, value: object, key: str) -> Path:
    """A name from the manifest: a relative path that stays inside the folder."""
    if (
        not isinstance(value, str)
        or not value
        or PurePosixPath(value).is_absolute()
        or ".." in PurePosixPath(value).parts
    ):
        raise LexiconError(f"{key}: expected a relative path inside the folder, got {value!r}", path=manifest_path)
    return folder / str(value)


def _manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(
            "no saved quotebank lexicons here (the folder was not written by nlp.to_disk)", path=path
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LexiconError(f"cannot read the saved lexicons' manifest: {error}", path=path) from None
    if not isinstance(data, dict):
        raise LexiconError("the manifest must be a JSON object", path=path)
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise LexiconError(f"unknown manifest key {unknown[0]!r}; allowed: {', '.join(sorted(_KEYS))}", path=path)
    if data.get("format") != _FORMAT:
        raise LexiconError(f"manifest format {data.get('format')!r}; this quotebank reads {_FORMAT}", path=path)
    return data


def load_saved_lexicons(folder: Path) -> Lexicons:
    """Load the lexicons :func:`save_lexicons` wrote into ``folder``.

    Raises:
        LexiconError: no manifest, an invalid manifest, or an invalid lexicon file (the
            message names the file and line).
    """
    data = _manifest(folder)
    where = folder / MANIFEST
    lists: dict[str, list[Path]] = {}
    for kind in _LISTS:
        names = data.get(kind, [])
        if not isinstance(names, list):
            raise LexiconError(f"{kind}: expected a list of relative paths", path=where)
        lists[kind] = [_relative(folder, where, name, kind) for name in names]
    flags = {key: data.get(key, False) for key in ("replace_speakers", "replace_targets")}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise LexiconError(f"{key}: expected true or false, got {value!r}", path=where)
    reporting = data.get("reporting")
    return LexiconSources(
        directory=_relative(folder, where, data.get("directory"), "directory"),
        reporting=None if reporting is None else _relative(folder, where, reporting, "reporting"),
        speakers=lists["speakers"],
        targets=lists["targets"],
        predicates=lists["predicates"],
        replace_speakers=flags["replace_speakers"],
        replace_targets=flags["replace_targets"],
    ).load()


def lexicons_to_bytes(lexicons: Lexicons) -> bytes:
    """Every file of the lexicons and the manifest, packed with msgpack (``nlp.to_bytes``)."""
    files, manifest = _files(_sources(lexicons))
    packed = {"manifest": manifest, "files": {name: path.read_bytes() for name, path in files.items()}}
    return srsly.msgpack_dumps(packed)  # type: ignore[no-any-return]


@functools.cache
def _unpack_root() -> Path:
    root = Path(tempfile.mkdtemp(prefix="quotebank-lexicons-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return root


def lexicons_from_bytes(data: bytes) -> Lexicons:
    """Lexicons from :func:`lexicons_to_bytes` output (unpacked into a private temporary
    folder that lives as long as the process, since some tables are read when first asked).

    Raises:
        LexiconError: the bytes are not saved quotebank lexicons.
    """
    try:
        packed = srsly.msgpack_loads(data)
        manifest, files = packed["manifest"], packed["files"]
    except Exception as error:  # msgpack raises several types on foreign bytes
        raise LexiconError(f"not saved quotebank lexicons: {error}") from None
    if not isinstance(files, dict):
        raise LexiconError("not saved quotebank lexicons: no files")
    folder = Path(tempfile.mkdtemp(dir=_unpack_root()))
    for name, content in files.items():
        target = _relative(folder, folder / MANIFEST, name, "file")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return load_saved_lexicons(folder)
