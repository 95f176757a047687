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

__all__ = ["selected", "expand_selected", "expand_paths"]


# (here rather than in ``read``, which re-exports it: the audit's main process walks its inputs
# with it before its workers start, and importing the readers, lxml among them, would delay them)
def expand_paths(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Each path as given; a directory expands to its files (recursively, sorted, hidden ones
    skipped). A directory that cannot be listed is yielded itself, in its place, so that reading
    it reports why (``read_file``) rather than skipping its files without a word."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            failed: list[str] = []

            def note(e: OSError, failed: list[str] = failed) -> None:
                failed.append(e.filename)

            for root, dirs, files in os.walk(path, onerror=note):
                yield from _drain(failed)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield str(Path(root) / name)
            yield from _drain(failed)
        else:
            yield str(p)


def _drain(failed: list[str]) -> Iterator[str]:
    while failed:
        yield str(failed.pop(0))


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
