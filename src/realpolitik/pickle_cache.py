"""Built indexes kept between runs: a pickle named by a digest of everything it is built from.

Building the gazetteer, parsing the actor dictionary and tokenizing its names cost seconds at every
start; loading what an earlier run built costs a tenth of that. The file name carries a digest of
the inputs (data files, the code that reads them, library versions), so a changed input is never
served stale. A missing, unreadable or foreign cache file is rebuilt; a read-only cache folder
only costs the build.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar, cast

Built = TypeVar("Built")


def digest_of(parts: Iterable[bytes | str | Path]) -> str:
    """A short digest of byte strings, strings and the contents of files."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.read_bytes() if isinstance(part, Path) else part
        digest.update(data.encode() if isinstance(data, str) else data)
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def load_or_build(
    cache_dir: Path | None,
    stem: str,
    digest: str,
    build: Callable[[], Built],
    kind: type,
) -> Built:
    """What `build` returns, read from `cache_dir/stem-digest.pickle` when an earlier run kept
    an object of the expected kind there, and kept there otherwise."""
    if cache_dir is None:
        return build()
    path = cache_dir / f"{stem}-{digest}.pickle"
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)  # noqa: S301 - our own cache folder
        if isinstance(cached, kind):
            return cast(Built, cached)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        pass
    built = build()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:
        pass
    return built
