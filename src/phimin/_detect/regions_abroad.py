"""A state or a department of Mexico or Central America, where someone or their family
is from or lives: "soy de michoacán", "my mom is still in jalisco", "crecimos en
huehuetenango", "vivíamos en nuevo león". Rule `phimin.location.region_abroad`.

Below a country, such a region says more about a client than a US state does (a town
of a few thousand in some of them), and in an immigration story it is what the model
does not need. The names (`regions_abroad` in `name_words.yaml`) are found after a word
that places them, in either language ("se fue pa' oaxaca", "lo deportaron a
guerrero"); alone, several are surnames or things
("guerrero", "hidalgo", "tabasco", "chihuahua").
"""

from __future__ import annotations

from collections.abc import Iterator

from phimin._catalogue import builtin
from phimin._detect.detection import Detection
from phimin._detect.lines import finditer_by_line
from phimin._detect.words import REGIONS_ABROAD, SPANISH_MOTION, alternation
from phimin._lazy_regex import lazy

__all__ = ["regions_abroad"]

REGION_ABROAD = builtin("phimin.location.region_abroad")

_REGION = lazy(
    r"(?i)(?<=(?<![\w'’])(?:de|del|en|desde|para|pa['’]?|hacia|from|in|to|of|outside|near"
    r"|out[ ]of|(?:" + alternation(tuple(sorted(SPANISH_MOTION))) + r")[ ]+a)"
    r"[ ]+(?:el[ ]+|la[ ]+|the[ ]+state[ ]+of[ ]+)?)(?:"
    + alternation(tuple(sorted(REGIONS_ABROAD, key=len, reverse=True)))
    + r")(?![\w'’-])"
)


def regions_abroad(text: str) -> Iterator[Detection]:
    """Each region's name, after the word that places it."""
    for m in finditer_by_line(_REGION, text):
        yield REGION_ABROAD.at(*m.span())
