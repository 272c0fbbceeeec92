"""The ACI-Bench name-use count: which metadata names the corpus itself uses as everyday
words, and which of their mentions still count as a name. Invented visits only."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import conversation, corpora  # noqa: E402


def _visit(text: str, *names: str) -> corpora.Dialogue:
    return corpora.Dialogue("challenge_data/train", "aci", "v", text, names)


def test_a_name_said_as_a_word_in_other_visits_is_word_like() -> None:
    visits = [
        _visit("[doctor] hi ines, your numbers look fine", "Ines", "Fine", "Tarrant"),
        _visit("[patient] i feel fine mostly", "Odo", "Vrell", "Tarrant"),
        _visit("[doctor] that's fine, keep going", "Pia", "Lund", "Tarrant"),
        _visit("[doctor] any pain today?", "Rui", "Sallow", "Tarrant"),
    ]
    # "fine" is said in two of the three visits that are not the Fine family's;
    # "tarrant" is in every visit's metadata, so no visit can tell (never word-like).
    assert conversation.word_names(visits) == frozenset({"fine"})
    assert conversation.word_names(visits, share=0.9) == frozenset()


def test_a_word_like_name_counts_only_after_a_title() -> None:
    visit = _visit(
        "thanks ines fine seeing you. mister fine is here. mrs ines fine said hi. "
        "it's fine. ines is here. doctor tarrant fine to see you",
        "Ines",
        "Fine",
        "Tarrant",
    )
    uses = [(visit.text[a:b], a) for a, b in conversation.aci_name_uses(visit, frozenset({"fine"}))]
    said = [w for w, _ in uses]
    # every "ines" and "tarrant" counts; "fine" only as "mister fine", "mrs ines fine"
    # and the ambiguous "doctor tarrant fine" (a title and the visit's own name before it)
    assert said.count("ines") == 3 and said.count("tarrant") == 1
    assert said.count("fine") == 3
    plain = [a for w, a in uses if w == "fine"]
    assert visit.text.index("it's fine") + 5 not in plain
    assert visit.text.index("ines fine seeing") + 5 not in plain
    # with no word-like names, every mention counts, as `aci_mentions` says
    assert conversation.aci_name_uses(visit, frozenset()) == conversation.aci_mentions(visit)
