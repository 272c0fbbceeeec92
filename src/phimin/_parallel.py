"""Detection in worker processes, for long documents and batches on several cores.

Each worker loads the model and rule packs once (spawned, not forked, so no thread
or BLAS state is copied from the parent) and detects on batches of chunks. The parent
keeps everything that needs the whole document: name propagation, the policy,
overlap resolution, placeholders and the output. A failure in any worker fails the
text, like a failure in-process does.

**When the workers start.** Starting them costs a model load per process, which a
short input never earns back (`benchmarks/throughput.py --workers` measures it). With
`start_after=0` they start at once and the constructor waits until they are ready;
with `start_after=N` nothing starts until the detector has been offered N characters
in all: then the workers start in the background, detection goes on in-process
until every one of them is ready, and only then moves to them. A single text of N
characters or more starts them and waits, since it alone pays for the start.

**The main module.** Spawned workers import the caller's main module again, as
`__mp_main__`. A script that creates `Redactor(workers=N)` at its top level, outside
`if __name__ == "__main__":`, would have each worker run the script again and try to
start workers of its own; multiprocessing refuses, and the pool used to hang. phimin
refuses it first (`PhiminError`, naming the fix): before spawning, it reads the main
script's syntax tree to see whether the call comes from its top level outside such a
guard, and inside a worker that is still importing the main module it refuses at
once. Any other failure of a worker to start is a `PhiminError` too, after at most
`START_TIMEOUT_S`; none can hang.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import multiprocessing
import multiprocessing.process
import os
import pickle
import sys
import tempfile
import threading
import weakref
from collections.abc import Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import FrameType

from phimin._detect.base import Detection
from phimin._detect.engine import DetectionEngine
from phimin._errors import DetectionError, PhiminError, describe
from phimin._nlp import load_model
from phimin._rulepacks import RuleSet

__all__ = ["START_TIMEOUT_S", "ParallelDetector", "PendingDetection", "check_main_module"]

_CHUNKS_PER_TASK = 4
START_TIMEOUT_S = 180.0  # the longest a start may take before it is a failure
_engine: DetectionEngine | None = None  # one per worker process

GUARD_HELP = (
    'put the code that creates Redactor(workers=N) under `if __name__ == "__main__":` '
    "(worker processes are spawned: each imports the main module again, and a script "
    "without the guard would start workers again in every worker)"
)


def _init_worker(model: str, rules_file: str) -> None:
    global _engine  # noqa: PLW0603 - the worker's own engine, set once
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    with open(rules_file, "rb") as handle:
        rules = pickle.load(handle)  # the parent's own file, mode 0600
    _engine = DetectionEngine(load_model(model), rules)


def _detect_batch(chunks: Sequence[str]) -> list[list[Detection]]:
    if _engine is None:  # pragma: no cover - the initializer always runs first
        raise DetectionError("worker has no engine")
    return _engine.detect(chunks)


def _warm(_: int) -> bool:
    return _engine is not None


# --- is it safe to spawn? ------------------------------------------------------------


def check_main_module() -> None:
    """Refuse (`PhiminError`) to start workers when the main module cannot be imported
    again safely: from a script's top level outside a `__main__` guard, or inside a
    worker that is still importing the main module."""
    if getattr(multiprocessing.process.current_process(), "_inheriting", False):
        # What multiprocessing itself checks before refusing (spawn.py); we refuse
        # first, before this worker loads a model it would never use.
        raise PhiminError(f"a worker process tried to start workers of its own: {GUARD_HELP}")
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or not isinstance(path, str):
        return  # an interactive session: workers do not import it again
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_globals is vars(main) and frame.f_code.co_name == "<module>":
            if not _guarded(path, frame.f_lineno):
                raise PhiminError(
                    f"worker processes cannot start from the top level of the main script "
                    f"({Path(path).name}, line {frame.f_lineno}): {GUARD_HELP}"
                )
            return
        frame = frame.f_back


def _guarded(path: str, line: int | None) -> bool:
    """Whether `line` of the script at `path` lies in an `if` that tests `__name__`.

    Any such `if` counts (the usual guard, or one combined with other conditions):
    only a call that is certainly unguarded is refused here; the start-up checks catch
    what this reading cannot see.
    """
    if line is None:
        return True
    spans = _guard_spans(path)
    return spans is None or any(start <= line <= end for start, end in spans)


@functools.lru_cache(maxsize=8)
def _guard_spans(path: str) -> tuple[tuple[int, int], ...] | None:
    """Line spans of the `if` statements of a script that test `__name__` (None: unreadable)."""
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return None
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and any(
            isinstance(n, ast.Name) and n.id == "__name__" for n in ast.walk(node.test)
        ):
            spans.append((node.lineno, node.end_lineno or node.lineno))
    return tuple(spans)


# --- the pool ------------------------------------------------------------------------


class ParallelDetector:
    """Spreads chunk detection over `workers` processes, once that pays (see above)."""

    def __init__(
        self,
        model: str,
        rules: RuleSet,
        workers: int,
        *,
        start_after: int = 0,
        start_timeout: float = START_TIMEOUT_S,
    ) -> None:
        if workers < 2:
            raise ValueError("use the in-process engine for fewer than two workers")
        check_main_module()
        self.workers = workers
        self.start_after = start_after
        self._model = model
        self._rules = rules
        self._timeout = start_timeout
        self._lock = threading.Lock()
        self._offered = 0
        self._pool: ProcessPoolExecutor | None = None
        self._warming: list[Future[bool]] = []
        self._ready = False
        self._cleanup: weakref.finalize[..., ParallelDetector] | None = None
        if start_after <= 0:
            self.start(wait=True)

    @property
    def started(self) -> bool:
        return self._pool is not None

    def start(self, *, wait: bool) -> None:
        """Start the workers (once); with `wait`, return only when all are ready."""
        with self._lock:
            if self._pool is None:
                self._spawn()
        if wait:
            self._wait_ready()

    def wants(self, chunk_texts: Sequence[str]) -> bool:
        """Whether to detect these chunks in the workers; False means in-process.

        Counts what is offered, starts the workers once `start_after` characters have
        been (waiting for them only when this text alone is that long), and says yes
        only when they are ready and there is more than one chunk to share.
        """
        size = sum(len(t) for t in chunk_texts)
        with self._lock:
            self._offered += size
            due = self._pool is None and self._offered >= self.start_after
        if due:
            self.start(wait=size >= self.start_after)
        return len(chunk_texts) > 1 and self._is_ready()

    def detect(self, chunks: Sequence[str]) -> list[list[Detection]]:
        return self.submit(chunks).result()

    def submit(self, chunks: Sequence[str]) -> PendingDetection:
        """Start detection on `chunks` and return at once; `.result()` waits for it."""
        pool = self._pool
        if pool is None:
            raise RuntimeError("the workers have not been started")
        tasks = [
            pool.submit(_detect_batch, list(chunks[i : i + _CHUNKS_PER_TASK]))
            for i in range(0, len(chunks), _CHUNKS_PER_TASK)
        ]
        return PendingDetection(tasks)

    def close(self) -> None:
        pool, self._pool = self._pool, None
        cleanup, self._cleanup = self._cleanup, None
        if pool is not None:
            if self._ready:
                pool.shutdown(wait=True, cancel_futures=True)
            else:  # workers still loading (or stuck): do not wait for them
                _terminate(pool)
        if cleanup is not None:
            cleanup()
        self._ready = False
        self._warming = []

    # --- starting ----------------------------------------------------------------------

    def _spawn(self) -> None:
        # The rule packs go to the workers through a file, not as spawn arguments: the
        # parent writes a spawned child's arguments into a pipe before the child reads
        # them, and arguments larger than the pipe (the packs are ~130 KB) left the
        # parent blocked for ever when a child died first (a script without the guard).
        fd, rules_file = tempfile.mkstemp(prefix="phimin-rules-", suffix=".pickle")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(self._rules, handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._cleanup = weakref.finalize(self, _remove, rules_file)
        pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self._model, rules_file),
        )
        self._pool = pool
        self._warming = [pool.submit(_warm, i) for i in range(self.workers)]

    def _is_ready(self) -> bool:
        if self._ready:
            return True
        if self._pool is None or not all(f.done() for f in self._warming):
            return False
        self._wait_ready()  # all done: collects a failure, if any
        return True

    def _wait_ready(self) -> None:
        if self._ready:
            return
        done, pending = wait(self._warming, timeout=self._timeout, return_when=FIRST_EXCEPTION)
        failure = None
        if any(f.exception() is not None for f in done):
            error = next(e for f in done if (e := f.exception()) is not None)
            failure = (
                f"worker processes stopped while starting; if this runs from a script, {GUARD_HELP}"
                if isinstance(error, BrokenProcessPool)
                else f"worker processes failed to start: {describe(error)}"
            )
        elif pending:
            failure = f"worker processes did not start within {self._timeout:.0f} s"
        if failure is not None:
            self.close()
            raise PhiminError(failure)
        self._ready = True


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop a pool without waiting for workers that may never answer."""
    # The executor's process table is private, but there is no public way to stop a
    # worker that is stuck in its initializer; without it, shutdown would wait forever.
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


class PendingDetection:
    """Detections still being computed by the workers."""

    def __init__(self, tasks: list[Future[list[list[Detection]]]]) -> None:
        self._tasks = tasks

    def result(self) -> list[list[Detection]]:
        try:
            results: list[list[Detection]] = []
            for task in self._tasks:
                results.extend(task.result())
            return results
        except PhiminError:
            raise
        except BrokenProcessPool:
            failure = "a detection worker stopped unexpectedly"
        except Exception as exc:
            failure = f"detection failed in a worker: {describe(exc)}"
        raise DetectionError(failure)  # outside the handler: no chained message
