"""A state or a department of Mexico or Central America (or a province, a state or a
department of the Philippines, Afghanistan, India, Colombia, Ecuador, Cuba and a few
more), where someone or their family is from or lives: "soy de michoacán", "my mom is
still in jalisco", "crecimos en huehuetenango", "vivíamos en nuevo león". Rule
`phimin.location.region_abroad`.

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
from phimin._detect.words import REGIONS_ABROAD, SPANISH_MOTION, alternation, longest_first
from phimin._lazy_regex import lazy

__all__ = ["regions_abroad"]

REGION_ABROAD = builtin("phimin.location.region_abroad")

# A first-level region abroad is a client's state in a foreign country, but the policy
# treats it as below one: said in a US clinic, "back home in pampanga" or "a village in
# helmand" narrows a client to a community of a few hundred people here. Those of the
# countries many clients come from beyond Mexico and Central America, each name no
# English word ("antique", "samar" as a first name, "chin", "karen", "georgia" are
# left out).
_MORE_REGIONS = tuple(
    dict.fromkeys(
        word.replace("|", " ")
        for word in """
    chinandega matagalpa jinotega estelí esteli boaco chontales masaya nueva|segovia madriz
    carazo río|san|juan
    pampanga batangas ilocos|norte ilocos|sur pangasinan cavite bulacan cebu bohol leyte
    iloilo negros|occidental negros|oriental davao|del|sur davao|del|norte zambales tarlac
    nueva|ecija quezon rizal albay sorsogon camarines|sur camarines|norte
    oriental|mindoro occidental|mindoro palawan benguet la|union aklan capiz cagayan|valley
    bataan marinduque romblon masbate zamboanga|del|sur zamboanga|del|norte misamis|oriental
    bukidnon cotabato maguindanao lanao|del|sur lanao|del|norte
    kandahar helmand nangarhar kunduz balkh ghazni paktia paktika khost kunar laghman logar
    wardak maidan|wardak parwan kapisa panjshir bamyan badakhshan takhar baghlan samangan
    jowzjan faryab ghor badghis nimroz uruzgan zabul daykundi nuristan
    kerala punjab gujarat tamil|nadu andhra|pradesh telangana karnataka maharashtra
    uttar|pradesh bihar west|bengal odisha rajasthan madhya|pradesh haryana himachal|pradesh
    jharkhand chhattisgarh uttarakhand assam manipur mizoram nagaland tripura meghalaya
    arunachal|pradesh kashmir
    antioquia cundinamarca valle|del|cauca nariño narino risaralda quindío quindio tolima
    huila norte|de|santander boyacá boyaca
    zulia carabobo anzoátegui anzoategui táchira tachira
    azuay cañar canar guayas pichincha manabí manabi chimborazo tungurahua
    pinar|del|río pinar|del|rio matanzas camagüey camaguey holguín holguin villa|clara
    cienfuegos sancti|spíritus sancti|spiritus
    artibonite
    """.split()
    )
)

_REGION = lazy(
    r"(?i)(?<=(?<![\w'’])(?:de|del|en|desde|para|pa['’]?|hacia|from|in|to|of|outside|near"
    r"|out[ ]of|(?:" + alternation(tuple(sorted(SPANISH_MOTION))) + r")[ ]+a)"
    r"[ ]+(?:el[ ]+|la[ ]+|the[ ]+state[ ]+of[ ]+)?)(?:"
    + alternation(longest_first({*REGIONS_ABROAD, *_MORE_REGIONS}))
    + r")(?![\w'’-])"
)


def regions_abroad(text: str) -> Iterator[Detection]:
    """Each region's name, after the word that places it."""
    for m in finditer_by_line(_REGION, text):
        yield REGION_ABROAD.at(*m.span())
