"""The case-robust name model: a student NER for lower-case speech.

`en_core_web_sm` finds names by their capitals, so in a lower-case, unpunctuated
transcript it is close to blind. The student is that model's entity recognizer
fine-tuned on invented, lower-cased dialogue where the same words stand as names and as
words (`scripts/train_name_student.py`, which also says what it learnt from). It ships
in the wheel (`phimin/data/name_student`), is loaded the first time a chunk without
capitals is read, and runs only on such chunks: typed notes never load it.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from phimin._errors import ModelError, describe

__all__ = ["STUDENT_PATH", "load_student", "names_in", "student_docs", "student_names"]

STUDENT_PATH = Path(str(resources.files("phimin").joinpath("data").joinpath("name_student")))
_LOCK = threading.Lock()


@functools.cache
def load_student(path: Path = STUDENT_PATH) -> Language:
    """The student model, loaded once per process. Fails closed with ModelError."""
    import spacy

    try:
        return spacy.load(path)
    except Exception as exc:
        failure = describe(exc)
    raise ModelError(f"phimin's name model could not be loaded ({failure}); reinstall phimin")


def student_docs(texts: Sequence[str], batch_size: int = 8) -> list[Doc]:
    """The student's reading of each text: its tokens and its entities (`names_in`)."""
    if not texts:
        return []
    with _LOCK:
        nlp = load_student()
        return list(nlp.pipe(texts, batch_size=batch_size))


def names_in(doc: Doc) -> list[tuple[int, int]]:
    """The character spans the student read as a person's name in `doc`."""
    return [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]


def student_names(texts: Sequence[str], batch_size: int = 8) -> list[list[tuple[int, int]]]:
    """The character spans the student reads as a person's name, per text."""
    return [names_in(doc) for doc in student_docs(texts, batch_size)]
