"""Worker processes give exactly the in-process result, and fail closed."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future

import pytest

import phimin

LINE = "Her mother Rosa Diaz called 410-555-2671 on 3/14/2021 about the plan. "
FILLER = "We talked about sleep, work and the week ahead; it went fine. "


@pytest.fixture(scope="module")
def parallel() -> Iterator[phimin.Redactor]:
    with phimin.Redactor(workers=2) as redactor:
        yield redactor


def test_long_document_same_as_in_process(
    redactor: phimin.Redactor, parallel: phimin.Redactor
) -> None:
    text = "".join(LINE if i % 40 == 0 else FILLER for i in range(1500))
    assert parallel.workers == 2
    expected = redactor.redact(text)
    got = parallel.redact(text)
    assert got == expected
    assert "Rosa" not in got.text and "[PHONE_1]" in got.text


def test_batch_same_as_one_by_one(redactor: phimin.Redactor, parallel: phimin.Redactor) -> None:
    texts = [f"Note {i}: " + (LINE if i % 3 == 0 else FILLER) * (1 + i % 5) for i in range(60)]
    expected = [redactor.redact(t) for t in texts]
    assert list(redactor.redact_many(texts, batch_chars=2000)) == expected
    assert list(parallel.redact_many(texts, batch_chars=2000)) == expected


def test_worker_failure_fails_the_text(
    parallel: phimin.Redactor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*args: object, **kwargs: object) -> Future[object]:
        future: Future[object] = Future()
        future.set_exception(RuntimeError("worker crashed"))
        return future

    assert parallel._parallel is not None
    monkeypatch.setattr(parallel._parallel._pool, "submit", failing)
    with pytest.raises(phimin.DetectionError, match="RuntimeError") as info:
        parallel.redact(LINE * 300)
    assert "Rosa" not in str(info.value)
