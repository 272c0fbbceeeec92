"""Input and output streams: strict UTF-8 read in blocks, atomic file output.

Input is read as bytes in fixed-size blocks and decoded incrementally, so memory does
not grow with the input and line endings (CRLF, lone CR) pass through untouched.
Invalid UTF-8 is an `InputError` that gives the byte offset and never the bytes.
Every output a run will write is checked writable before it reads any input
(`check_writable`), and a failure to write one is an `OutputError` (exit 2) naming
the path and the problem, never an internal error.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from phimin._errors import InputError
from phimin.cli.errors import OutputError

__all__ = [
    "BLOCK_BYTES",
    "STDIN",
    "TERMINAL_HINT",
    "Streams",
    "atomic_output",
    "check_readable",
    "check_writable",
    "decode_utf8",
    "input_size",
    "is_terminal",
    "open_input",
    "output_target",
    "read_blocks",
    "write_problem",
]

BLOCK_BYTES = 1 << 16
# A file output that fills its disk or quota is the user's to fix (exit 2), not a bug.
_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
STDIN = "-"
_NO_STDIN: BinaryIO = io.BytesIO()


@dataclass(frozen=True)
class Streams:
    """The process's standard streams; tests pass their own."""

    stdin: BinaryIO
    stdout: BinaryIO
    stderr: TextIO
    stderr_is_tty: bool = False

    @classmethod
    def from_sys(cls) -> Streams:
        return cls(
            stdin=sys.stdin.buffer,
            stdout=sys.stdout.buffer,
            stderr=sys.stderr,
            stderr_is_tty=sys.stderr.isatty(),
        )


def display_name(source: str) -> str:
    return "<stdin>" if source == STDIN else source


@contextlib.contextmanager
def open_input(source: str, stdin: BinaryIO) -> Iterator[BinaryIO]:
    """Open a named file (or "-" for stdin) for binary reading; errors say why, not what."""
    if source == STDIN:
        yield stdin
        return
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below
    except IsADirectoryError:
        # `redact --check drafts/` is what a user of linters tries first; files are read,
        # folders are not walked (which files hold notes is the caller's to say)
        folder = source.rstrip("/") or "/"
        raise InputError(
            f"cannot read {source}: it is a folder; name the files in it (e.g. {folder}/*.md)"
        ) from None
    except FileNotFoundError:
        raise InputError(f"cannot read {source}: {_missing(source)}") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(f"cannot read {source}: {reason}") from None
    with handle:
        yield handle


def _missing(source: str) -> str:
    """Why a path is not there. `redact --check 'drafts/*.md'` (quoted, or from a tool
    that runs no shell, or a pattern that matched no file, which bash passes on as it
    is) named a file that cannot exist: say that the shell, not redact, expands it."""
    if any(c in source for c in "*?["):
        return (
            "No such file or directory; redact does not expand patterns: leave it "
            "unquoted so the shell does (if no file matches, the shell passes it on as it is)"
        )
    return "No such file or directory"


def check_readable(sources: Iterable[str]) -> None:
    """Fail early (before the model loads) if a named input cannot be opened."""
    for source in sources:
        if source != STDIN:
            with open_input(source, _NO_STDIN):
                pass


def input_size(handle: BinaryIO) -> int | None:
    """The size in bytes of a regular file (stdin included, when redirected from one)."""
    try:
        info = os.fstat(handle.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def read_blocks(handle: BinaryIO, size: int = BLOCK_BYTES) -> Iterator[bytes]:
    """Raw blocks of at most `size` bytes until end of input.

    At a terminal each block is what one read returns (a typed line): `read(size)`
    would wait for a Ctrl-D to end the block and then a second Ctrl-D to end the input,
    where a user expects one, as with `cat`.
    """
    read1 = getattr(handle, "read1", None) if is_terminal(handle) else None
    read: Callable[[int], bytes] = read1 if read1 is not None else handle.read
    while True:
        try:
            block = read(size)
        except OSError as exc:
            raise InputError(f"read failed: {exc.strerror or type(exc).__name__}") from None
        if not block:
            return
        yield block


def is_terminal(handle: object) -> bool:
    """Whether `handle` is a terminal (a user typing), never raising for a test's BytesIO."""
    try:
        return bool(handle.isatty())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False


TERMINAL_HINT = (
    "redact: reading the text you type or paste; end it with Ctrl-D on a new line "
    "(or give a FILE; redact --help)\n"
)


def decode_utf8(blocks: Iterable[bytes], source: str) -> Iterator[str]:
    """Strict incremental UTF-8 decoding; a multi-byte character may span blocks."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    consumed = 0  # bytes handed to the decoder so far
    for block in blocks:
        pending = len(decoder.getstate()[0])
        try:
            text = decoder.decode(block)
        except UnicodeDecodeError as exc:
            offset = consumed - pending + exc.start
            utf16 = consumed == 0 and block[:2] in _UTF16_BOMS
            binary = not utf16 and b"\x00" in block
            raise InputError(_not_utf8(source, offset, utf16=utf16, binary=binary)) from None
        consumed += len(block)
        if text:
            yield text
    pending = len(decoder.getstate()[0])
    try:
        tail = decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InputError(_not_utf8(source, consumed - pending)) from None
    if tail:  # pragma: no cover - a final decode only ever raises or returns ""
        yield tail


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _not_utf8(source: str, offset: int, *, utf16: bool = False, binary: bool = False) -> str:
    """Where decoding failed (an offset, never the bytes) and how to fix it.

    Windows tools save "Unicode" text as UTF-16 with a byte-order mark (FF FE): say so,
    with the one command that converts it, rather than leave "byte offset 0" to puzzle
    over. A file with NUL bytes is no text at all (an image, a .docx, a PDF): say that,
    not "convert it". Anything else is most often Windows-1252 (Latin-1) text
    ("José" saved by an older editor): name the conversion for it.
    """
    name = display_name(source)
    if utf16:
        return (
            f"{name}: UTF-16 text (it starts with a UTF-16 byte-order "
            "mark), not UTF-8; convert it first, e.g. iconv -f UTF-16 -t UTF-8"
        )
    if binary:
        return (
            f"{name}: binary data, not text (NUL bytes; not UTF-8 at byte offset {offset}); "
            "redact reads UTF-8 text only (export a document as plain text first)"
        )
    return (
        f"{name}: not valid UTF-8 (byte offset {offset}); convert the file to UTF-8 "
        "first (for Windows or Latin-1 text: iconv -f WINDOWS-1252 -t UTF-8)"
    )


def write_problem(path: Path) -> str | None:
    """Why `path` could not be written atomically (a file created beside it), or None.

    Creates and removes a temporary file in the folder: the one test that answers for
    permissions, read-only mounts and ACLs alike.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return "it is a folder"
    if not folder.exists():
        return f"its folder {folder} does not exist"
    if not folder.is_dir():
        return f"{folder} is not a folder"
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".phimin-tmp", dir=folder)
    except OSError as exc:
        return f"cannot create a file in {folder} ({exc.strerror or type(exc).__name__})"
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(name)
    return None


def check_writable(path: Path, what: str) -> None:
    """Refuse now, before any text is written, an output that could not be written later."""
    problem = write_problem(path)
    if problem is not None:
        raise OutputError(f"cannot write {what} {path}: {problem}")


@contextlib.contextmanager
def atomic_output(
    path: Path,
    *,
    like: Path | None = None,
    new_mode: int | None = None,
    what: str = "output",
) -> Iterator[BinaryIO]:
    """Write to a temporary file beside `path`; replace `path` only on success.

    On any error the temporary file is removed and `path` is left as it was. `like`
    copies the permission bits of an existing file (for --in-place); a file that did
    not exist gets `new_mode` (default: 0o666 less the umask). Failing to create,
    sync or rename the file is an `OutputError` that names `what` (the flag) and path.
    """
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".phimin-tmp", dir=directory
        )
    except OSError as exc:
        problem = write_problem(path) or (exc.strerror or type(exc).__name__)
        raise OutputError(f"cannot write {what} {path}: {problem}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            try:
                yield handle
            except OSError as exc:
                if exc.errno not in _FULL:
                    raise
                raise OutputError(f"cannot write {what} {path}: {exc.strerror}") from None
            try:
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as exc:
                raise OutputError(
                    f"cannot write {what} {path}: {exc.strerror or type(exc).__name__}"
                ) from None
        try:
            _finish(tmp, path, like, new_mode)
        except OSError as exc:
            raise OutputError(
                f"cannot write {what} {path}: {exc.strerror or type(exc).__name__}"
            ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _finish(tmp: Path, path: Path, like: Path | None, new_mode: int | None) -> None:
    """Give the written temporary file its permission bits and move it over `path`."""
    source = like if like is not None else (path if path.exists() else None)
    if source is not None:
        os.chmod(tmp, os.stat(source).st_mode & 0o7777)
    elif new_mode is not None:
        os.chmod(tmp, new_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)


@contextlib.contextmanager
def output_target(
    output: Path | None, stdout: BinaryIO, *, new_mode: int | None = None
) -> Iterator[BinaryIO]:
    """stdout, or `output` written atomically (replaced only if the run succeeds)."""
    if output is None:
        yield stdout
    else:
        with atomic_output(output, new_mode=new_mode, what="-o") as sink:
            yield sink
