"""A venue or a part of town named by a word or two and its kind, where someone is or
goes: "outside the rose quarter after the game", "our first date was at the crystal
ballroom", "i sleep in the lot behind the moda center", "a loft in the pearl district".
Rule `phimin.location.landmark` (a quasi-identifier, like a facility's name).

No list of landmarks: after a word that places it ("at", "to", "behind", "in"), a kind
that a town names one or a few of (a ballroom, an arena, a stadium, a quarter, a
district) takes the words before it as its name, unless they say which kind it is or
whose ("the football stadium", "the school district", "the fourth quarter"). A center
takes only a name no dictionary has or a census name ("the moda center", not "the
community center", "the call center").
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.geography import load_places
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import whole_words

__all__ = ["landmarks"]

LANDMARK = builtin("phimin.location.landmark")

# (a post or a thing named after it: "the district attorney", "a quarter note")
_NOT_AFTER = regex.compile(
    r"[ ]+(?:attorneys?|courts?|judges?|office|managers?|director|seating|pound|notes?)(?![\w])"
)
# The word that places it, "the", and one or two words of the name, just before the kind.
_BEFORE = regex.compile(
    r"(?i)(?:^|(?<=[^\w'’-]))(?:at|to|into|from|outside|behind|near|in|by|inside|across"
    r"[ ]from|over[ ]at|down[ ]at|out[ ]at|up[ ]at)[ ]+(?:the[ ]+)?"
    r"(?P<name>\p{L}[\p{L}'’-]*(?:[ ]+\p{L}[\p{L}'’-]*)?)[ ]+$"
)
_LOOK_BACK = 48
_CUES = frozenset(
    "at to into from outside behind near in by inside across over down out up".split()
)
# Kinds every town has many of, named by everyday words too ("the community center",
# "the train station", "the art museum", "the dining hall"): their name must be a
# census name, a state's or a country's, or a word no dictionary has ("the moda
# center", "the pantages theater", "wrigley field", "the oregon zoo").
_COMMON_KINDS = frozenset(
    """center centre pier wharf zoo aquarium museum theater theatre cinema station market
    tower towers building library field hall garden""".split()
)
# Kinds a town has one or a few of, whose name may be everyday words ("the crystal
# ballroom", "the rose quarter").
_KINDS = _COMMON_KINDS | frozenset(
    """ballroom arena stadium coliseum pavilion amphitheater amphitheatre fairgrounds
    speedway raceway playhouse quarter district
    gardens village heights terrace commons estates acres manor meadows crossing crossings
    plaza lodge""".split()
)
# Words that say which kind, whose or which one, and name none.
_NOT_NAMES = frozenset(
    """football baseball basketball soccer hockey ice skating tennis boxing wrestling rodeo
    sports sport horse dog school schools college university high middle hotel church
    community county state city town village local regional national old new big little
    small huge main same other whole next last first second third fourth fifth final
    back front upper lower north south east west downtown uptown central historic
    business financial shopping medical school's convention civic senior youth rec
    recreation day daycare call service learning career student visitor wellness fitness
    test testing crisis dialysis infusion birth surgery surgical cancer heart trauma
    transplant treatment detention juvenile garden distribution living tiny nice fancy
    indoor outdoor open empty packed crowded dance music concert theater theatre arts art
    water fire police sheriff sewer voting congressional legislative judicial court
    warehouse industrial residential commercial entertainment red light one two three
    public private farmers farmer's flea stock job housing black super botanical vegetable
    herb flower flowers rooftop roof patio zen sculpture global olympic retirement gated
    railroad railway rail border pedestrian zebra deer campus dorm ski hunting fishing sweat
    strip food shopping christmas holiday halloween""".split()
)


def landmarks(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """Each landmark's name and kind ("rose quarter"), without "the"."""
    places = load_places()
    for start, end in whole_words(_KINDS, text):
        if _NOT_AFTER.match(text, end):
            continue
        before = _BEFORE.search(text, max(0, start - _LOOK_BACK), start)
        if before is None:
            continue
        # (words that say which kind go first and stay: "the new [rose quarter]",
        # "the [linn county fairgrounds]"; "the football stadium" has no name)
        said = list(regex.finditer(r"\S+", before.group("name")))
        while said and said[0].group().lower() in _NOT_NAMES:
            said.pop(0)
        words = [w.group().lower() for w in said]
        if not words or any(
            w in STOP_WORDS or w in _CUES or w.isdigit() or is_clinical_term(w) for w in words
        ):
            continue
        if text[start:end].lower() in _COMMON_KINDS and not all(
            lexicon.is_clear_name(w)
            or w in places.not_below_state
            or not (lexicon.is_english(w) or lexicon.is_common_word(w))
            for w in words
        ):
            continue  # "the call center"; "the lloyd center" is a name
        yield LANDMARK.at(before.start("name") + said[0].start(), end)
