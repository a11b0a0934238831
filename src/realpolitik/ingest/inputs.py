"""Inputs as named byte sources, with the guards every reader applies before parsing.

An `InputSource` is a file, stdin or (later) a URL body: a display name, a size and a way to open
it. The guards turn empty, binary, oversized and mis-encoded inputs into `InputError`s that name
the input, before any reader sees them.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from realpolitik.errors import InputError

_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class InputSource:
    """Something to read articles from."""

    name: str
    suffix: str
    open: Callable[[], BinaryIO]
    size: int | None = None

    @classmethod
    def from_path(cls, path: Path) -> InputSource:
        return cls(str(path), path.suffix.lower(), lambda: path.open("rb"), path.stat().st_size)

    @classmethod
    def from_bytes(cls, name: str, data: bytes, suffix: str = "") -> InputSource:
        return cls(name, suffix or sniff_suffix(data), lambda: io.BytesIO(data), len(data))


def sniff_suffix(data: bytes) -> str:
    """Guess a reader for unnamed input (stdin) from its first bytes."""
    head = data[:_SNIFF_BYTES].lstrip()
    if head.startswith((b"{", b"[")):
        return ".jsonl" if head.startswith(b"{") else ".json"
    if head[:15].lower().startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        return ".html"
    return ".txt"


def stdin_source() -> InputSource:
    return InputSource.from_bytes("<stdin>", sys.stdin.buffer.read())


def read_guarded_bytes(source: InputSource, max_bytes: int) -> bytes:
    """Whole content of a single-article input, refusing what cannot be one."""
    if source.size is not None and source.size > max_bytes:
        raise InputError(source.name, too_large(source.size, max_bytes))
    with source.open() as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(source.name, too_large(len(data), max_bytes))
    if not data.strip():
        raise InputError(source.name, "empty file, nothing to ingest")
    check_not_binary(source.name, data)
    return data


def too_large(size: int, limit: int) -> str:
    return (
        f"{size / 1e6:.1f} MB is over the {limit / 1e6:.0f} MB limit for one article "
        "(raise REALPOLITIK_MAX_ARTICLE_BYTES if it is really one article)"
    )


def check_not_binary(name: str, data: bytes) -> None:
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        raise InputError(name, "binary file (NUL bytes), not text")
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    if controls > max(8, len(head) // 100):
        raise InputError(name, "binary file (control bytes), not text")


def decode(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        byte = data[exc.start : exc.start + 1].hex()
        raise InputError(
            name,
            f"not valid {encoding} (byte 0x{byte} at offset {exc.start}); "
            "pass --encoding latin-1 (or the file's encoding) if it is text",
        ) from exc
    except LookupError as exc:
        raise InputError(name, f"unknown encoding {encoding!r}") from exc


def expand_paths(
    paths: Sequence[str | Path], glob: str | None, suffixes: Sequence[str]
) -> Iterator[InputSource | InputError]:
    """Files, folders (recursive, sorted) and `-` for stdin, in the order given."""
    for raw in paths:
        if str(raw) == "-":
            yield stdin_source()
            continue
        path = Path(raw)
        try:
            if path.is_dir():
                yield from _walk(path, glob, suffixes)
            elif path.is_file():
                yield InputSource.from_path(path)
            elif path.exists():
                yield InputError(str(path), "not a regular file")
            else:
                yield InputError(str(path), "no such file or folder")
        except PermissionError:
            yield InputError(str(path), "permission denied")


def _walk(
    folder: Path, glob: str | None, suffixes: Sequence[str]
) -> Iterator[InputSource | InputError]:
    patterns = [p.strip() for p in glob.split(",") if p.strip()] if glob else ["*"]
    candidates = {path for pattern in patterns for path in folder.rglob(pattern)}
    found = False
    for path in sorted(candidates):
        relative = path.relative_to(folder)
        if any(part.startswith((".", "_")) for part in relative.parts):
            continue
        if not path.is_file() or (not glob and path.suffix.lower() not in suffixes):
            continue
        found = True
        try:
            yield InputSource.from_path(path)
        except PermissionError:
            yield InputError(str(path), "permission denied")
    if not found:
        wanted = glob or " ".join(sorted(suffixes))
        yield InputError(str(folder), f"folder holds no files matching {wanted}")
