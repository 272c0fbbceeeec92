"""Detection in worker processes, for long documents and batches on several cores.

Each worker loads the model and rule packs once (spawned, not forked, so no thread
or BLAS state is copied from the parent) and detects on batches of chunks. The parent
keeps everything that needs the whole document: name propagation, the policy,
overlap resolution, placeholders and the output. A failure in any worker fails the
text, like a failure in-process does.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from phimin._detect.base import Detection
from phimin._detect.engine import DetectionEngine
from phimin._errors import DetectionError, PhiminError, describe
from phimin._nlp import load_model
from phimin._rulepacks import RuleSet

__all__ = ["ParallelDetector", "PendingDetection"]

_CHUNKS_PER_TASK = 4
_engine: DetectionEngine | None = None  # one per worker process


def _init_worker(model: str, rules: RuleSet) -> None:
    global _engine  # noqa: PLW0603 - the worker's own engine, set once
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _engine = DetectionEngine(load_model(model), rules)


def _detect_batch(chunks: Sequence[str]) -> list[list[Detection]]:
    if _engine is None:  # pragma: no cover - the initializer always runs first
        raise DetectionError("worker has no engine")
    return _engine.detect(chunks)


def _warm(_: int) -> bool:
    return _engine is not None


class ParallelDetector:
    """Spreads chunk detection over `workers` processes."""

    def __init__(self, model: str, rules: RuleSet, workers: int) -> None:
        if workers < 2:
            raise ValueError("use the in-process engine for fewer than two workers")
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(model, rules),
        )
        # Start every worker now, so the first document does not pay for model loads.
        list(self._pool.map(_warm, range(workers)))

    def detect(self, chunks: Sequence[str]) -> list[list[Detection]]:
        return self.submit(chunks).result()

    def submit(self, chunks: Sequence[str]) -> PendingDetection:
        """Start detection on `chunks` and return at once; `.result()` waits for it."""
        tasks = [
            self._pool.submit(_detect_batch, list(chunks[i : i + _CHUNKS_PER_TASK]))
            for i in range(0, len(chunks), _CHUNKS_PER_TASK)
        ]
        return PendingDetection(tasks)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


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
