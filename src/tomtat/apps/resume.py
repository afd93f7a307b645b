"""A JSONL output written as results arrive, resumable by key, with a fingerprint of its run.

The fingerprint (the input's SHA-256 and the options) is kept in ``OUT.run.json`` beside the
output; a rerun that would mix results of another input or other options is refused, naming
what differs, instead of appending to it.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Mapping, TextIO

from tomtat.core.errors import InputError, OutputError, ResumeError


def check_output_path(path: Path) -> None:
    """Fail before any work when ``path`` cannot be written: a missing folder, a folder itself."""
    if str(path) == "-":
        return
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"{path}: cannot write the output: the folder to write into does not exist ({parent})")
    if path.is_dir():
        raise OutputError(f"{path}: cannot write the output: it is a folder; give a file name")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OutputError(f"{path}: cannot write the output: permission denied")


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def json_digest(value: Any) -> str:
    """The SHA-256 of ``value`` as canonical JSON: a fingerprint of input that is not one file."""
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def fingerprint_path(path: Path) -> Path:
    return path.with_name(path.name + ".run.json")


class ResumableOutput:
    """A JSONL output written as results arrive and resumable by key.

    On open, lines already in the file are read: their keys (``key_field``) are skipped on
    this run. A last line cut short by a crash is removed first, so the file stays valid
    JSONL. Each result line is written whole and flushed, from the one driver process.
    With a ``fingerprint``, resuming needs the same one beside the output (``OUT.run.json``).
    """

    def __init__(self, path: Path | None, key_field: str, stream: TextIO | None = None, *, resume: bool = True,
                 fingerprint: Mapping[str, Any] | None = None) -> None:
        self.key_field = key_field
        self.done: set[Any] = set()
        self._owned = stream is None
        if stream is not None:
            self.handle = stream
            return
        assert path is not None
        check_output_path(path)
        resuming = resume and path.exists() and path.stat().st_size > 0
        if fingerprint is not None:  # as it reads back from JSON (tuples become lists...)
            fingerprint = json.loads(json.dumps(dict(fingerprint), sort_keys=True, default=str))
        if resuming and fingerprint is not None:
            _check_fingerprint(path, fingerprint)
        if resuming:
            self.done = self._scan(path)
        if fingerprint is not None:
            _write_fingerprint(path, fingerprint)
        try:
            self.handle = path.open("a" if resuming else "w", encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"{path}: cannot write the output ({exc.strerror or exc})") from None

    def _scan(self, path: Path) -> set[Any]:
        data = path.read_bytes()
        keep = data.rfind(b"\n") + 1  # drop a partial last line
        done: set[Any] = set()
        for raw in data[:keep].split(b"\n"):
            if not raw.strip():
                continue
            try:
                value = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
                raise InputError("cannot resume: a line of the existing output is not JSON; "
                                 "remove the file to start over", source=str(path)) from None
            if isinstance(value, dict) and self.key_field in value:
                done.add(_hashable(value[self.key_field]))
        if keep < len(data):
            with path.open("r+b") as handle:
                handle.truncate(keep)
        return done

    def write(self, line: dict[str, Any]) -> None:
        self.handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.handle.flush()

    def close(self) -> None:
        if self._owned:
            self.handle.close()


def _check_fingerprint(path: Path, wanted: Mapping[str, Any]) -> None:
    stored_path = fingerprint_path(path)
    advice = "; rerun with --restart to overwrite it, or write to another -o"
    try:
        stored = json.loads(stored_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResumeError(f"cannot resume {path}: it has no run fingerprint ({stored_path.name} is missing), so "
                          f"it may come from another input or other options{advice}") from None
    except (OSError, ValueError, RecursionError):
        raise ResumeError(f"cannot resume {path}: its run fingerprint {stored_path.name} is unreadable{advice}") from None
    if not isinstance(stored, dict):
        stored = {}
    differences = []
    for key, value in wanted.items():
        old = stored.get(key)
        if old == value:
            continue
        if isinstance(value, dict) and isinstance(old, dict):
            names = sorted(str(k) for k in set(value) | set(old) if value.get(k) != old.get(k))
            changes = ", ".join(f"{n} was {old.get(n)!r}, now {value.get(n)!r}" for n in names)
            differences.append(f"other {key} ({changes})")
        else:
            differences.append(f"another {key} (its content changed)")
    if differences:
        raise ResumeError(f"cannot resume {path}: it was written with {' and '.join(differences)}{advice}")


def _write_fingerprint(path: Path, fingerprint: Mapping[str, Any]) -> None:
    target = fingerprint_path(path)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(json.dumps(dict(fingerprint), ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, target)


def _hashable(value: Any) -> Any:
    return json.dumps(value, sort_keys=True) if isinstance(value, (dict, list)) else value
