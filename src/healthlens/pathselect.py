"""Which files of a folder are pages: ``--include`` / ``--exclude`` globs for `check` and `audit`.

A glob is matched (``fnmatch``, case-sensitive on every platform) against each file's path
relative to the folder that was given (``sub/page.html``) and against its name alone, so
``--exclude '*.py'`` and ``--exclude 'drafts/*'`` both work. Globs filter only the files a
folder walk finds: a file named on the command line is always read. With ``--include``, a file
must match one of its globs; with ``--exclude``, a file that matches one of its globs is left
out (exclude wins).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from fnmatch import fnmatchcase
from pathlib import Path

from .read import expand_paths

__all__ = ["selected", "expand_selected"]


def selected(rel: str, include: Iterable[str] = (), exclude: Iterable[str] = ()) -> bool:
    """Whether a file at ``rel`` (its path inside the folder given, with '/') is kept."""
    name = rel.rsplit("/", 1)[-1]

    def hit(patterns: Iterable[str]) -> bool:
        return any(fnmatchcase(rel, g) or fnmatchcase(name, g) for g in patterns)

    include, exclude = tuple(include), tuple(exclude)
    if include and not hit(include):
        return False
    return not (exclude and hit(exclude))


def expand_selected(
    paths: Iterable[str | os.PathLike], include: Iterable[str] = (), exclude: Iterable[str] = ()
) -> Iterator[str]:
    """Like ``read.expand_paths`` (folders walked, sorted, hidden files skipped), keeping only the
    files of a folder that the globs select; every other path comes out as given."""
    include, exclude = tuple(include), tuple(exclude)
    for p in paths:
        if not (include or exclude) or not Path(p).is_dir():
            yield from expand_paths([p])
            continue
        for f in expand_paths([p]):
            if selected(Path(f).relative_to(p).as_posix(), include, exclude):
                yield f
