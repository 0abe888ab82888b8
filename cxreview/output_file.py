"""Write output files safely: never onto the open database, always atomically.

Every command with ``-o`` goes through :func:`open_output`: the text is written to a
temporary file in the target's folder and renamed over the target only when complete,
so a failure (missing folder, disk full, ``ulimit -f``) leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from cxreview.errors import OutputError, UsageError

_FIX = "choose another -o path"


def _same_file(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` are one file: same resolved path, or same inode (hard link)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output_path(path: str | os.PathLike[str], db_path: str | os.PathLike[str] | None) -> Path:
    """Refuse a path that resolves (symlinks, hard links) to the database or its -wal/-shm.

    Returns the real path to write to, so an output symlink keeps pointing where it did.
    """
    target = Path(os.path.realpath(path))
    if db_path is not None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            if _same_file(str(target), f"{os.fspath(db_path)}{suffix}"):
                raise OutputError(
                    f"{path} is the database {db_path}{suffix}; writing there would destroy it",
                    _FIX,
                )
    if target.is_dir():
        raise OutputError(f"{path} is a folder", "pass a file name to -o, e.g. -o out.csv")
    if not target.parent.is_dir():
        raise OutputError(f"cannot write {path}: folder {target.parent} does not exist", f"create it or {_FIX}")
    return target


def describe_os_error(exc: OSError) -> str:
    """A short human cause for an OSError, naming disk full and file size limits plainly."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EFBIG:
        return "the file size limit was reached (ulimit -f)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    return exc.strerror or str(exc)


@contextlib.contextmanager
def open_output(
    path: str | os.PathLike[str], db_path: str | os.PathLike[str] | None, newline: str | None = None
) -> Iterator[TextIO]:
    """Yield a text file that replaces ``path`` only if the block finishes without error."""
    target = check_output_path(path, db_path)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {describe_os_error(exc)}", f"check the folder or {_FIX}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        _keep_mode(target, temp_name)
        os.replace(temp_name, target)
    except OSError as exc:
        _discard(temp_name)
        raise OutputError(
            f"cannot write {path}: {describe_os_error(exc)}; the old file (if any) is unchanged",
            f"free some space or {_FIX}",
        ) from None
    except BaseException:
        _discard(temp_name)
        raise


def write_output(path: str | os.PathLike[str], db_path: str | os.PathLike[str] | None, text: str) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`open_output`)."""
    with open_output(path, db_path) as out:
        out.write(text)


# What the ending of a -o file name asks for, and that format in words.
_ENDINGS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".xls": "xlsx",
    ".ods": "xlsx",
    ".pdf": "pdf",
}
_FORMAT_NAMES = {
    "csv": "CSV",
    "jsonl": "JSON Lines",
    "json": "JSON",
    "md": "Markdown",
    "html": "HTML",
    "xlsx": "a spreadsheet workbook",
    "pdf": "PDF",
}


def format_from_name(path: str | os.PathLike[str], offered: dict[str, str], command: str) -> str | None:
    """The format (a value of --format) that the ending of ``path`` asks for, or None when the
    name says nothing (no ending, ``.txt``). ``offered`` maps the endings' formats to the
    command's --format values (``{"md": "md", "html": "html"}``); a name that asks for a
    format the command cannot write is an error, before any work, naming the endings it can."""
    wanted = _ENDINGS.get(Path(path).suffix.lower())
    if wanted is None:
        return None
    if wanted in offered:
        return offered[wanted]
    endings = " or ".join(sorted(f".{fmt}" for fmt in offered))  # every offered format is its own ending
    hint = " (Excel and Sheets open .csv)" if wanted == "xlsx" and "csv" in offered else ""
    raise UsageError(
        f"{command} cannot write {_FORMAT_NAMES[wanted]}, which the name {path} asks for",
        f"name the file {endings}{hint}, or choose the format with --format",
    )


def _keep_mode(target: Path, temp_name: str) -> None:
    """mkstemp makes the file 0600; an existing output keeps its mode, a new one gets the umask's."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp_name, mode)


def _discard(temp_name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp_name)
