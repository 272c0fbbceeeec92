"""A bar, a housing complex or a neighbourhood named "the" and a thing, where someone
is, goes or lives: "he's at the rusty nail every night", "we drank at the dirty duck",
"i'm staying at the willows now", "my ex lives up in the heights", "a condo in the
pearl". Rule `phimin.location.named_venue` (a quasi-identifier, like a facility's name).

No list of venues: one cannot be at a rusty nail, a stag or the willows, so after "at",
"to" or "in the", such a thing named and then a pause is the place's name. Two kinds
of word name one:
- alone, a word places are named by more than things are: plural trees, heights,
  flats, a grotto ("at the oaks after dark"); after "in", these only;
- a pub's thing (an animal, a nail, an anchor), after a pub's describing word ("the
  rusty nail", "the blue moon") or alone after "at" or "to" ("bar at the stag on
  alder").
Not: what is looked or shouted at ("yelled at the fox"), a thing that is part of a
longer name or a kind ("at the duck pond", "the oaks tree"), a colour and a thing
anywhere else ("in the black dog's bed").
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.detection import Detection
from phimin._detect.lines import finditer_by_line, whole_words
from phimin._lazy_regex import lazy

__all__ = ["named_venues"]

NAMED_VENUE = builtin("phimin.location.named_venue")

# Words places are named by more than things are ("the heights", "the willows"); after
# "in", a neighbourhood's only ("sit in the pines" is among trees).
_NEIGHBOURHOOD_WORDS = frozenset(
    "heights flats bluffs narrows highlands pearl meadows hollows glades bottoms".split()
)
# (and a mall, a housing complex or a home known by one word: "at the galleria", "into
# the towers", "three months at the cottages")
_PLACE_WORDS = _NEIGHBOURHOOD_WORDS | frozenset(
    """willows oaks pines elms palms cedars maples birches aspens sycamores magnolias
    cottonwoods sequoias redwoods grotto arbors knolls lofts terraces pointe enclave
    galleria cottages towers""".split()
)
# A pub's or a bar's thing ("the stag", "the rusty nail", "the blue moon").
_PUB_THINGS = frozenset(
    """stag duck anchor lion crown fox hound owl raven rooster goat nail horseshoe lantern
    kettle barrel thistle shamrock harp swan boar pelican parrot mule moon dog cat horse pig
    bull bear monkey eagle rose star whale toad frog spur rail saddle spoke keg buckle pony
    bronco mustang coyote wolf buffalo elk moose hog dollar penny clover acorn""".split()
)
# Things said alone after "at" or "to" only with a pub's describing word.
_PUB_THINGS_NEED_A_WORD = frozenset(
    "moon dog cat horse pig bull bear monkey eagle rose star wolf elk moose hog dollar penny"
    " rail keg spoke".split()
)
_PUB_WORDS = frozenset(
    """rusty dirty golden silver crystal lucky drunken thirsty jolly salty red black blue
    green white brown gray grey copper iron brass royal lazy sleepy wild twisted spotted
    laughing crooked velvet flying happy hungry purple pink yellow mad dancing howling
    roaring painted broken speckled tipsy prancing rambling rising tired""".split()
)
# A pub's describing word that names a venue with any thing after it, where someone is
# or goes: "we met at the rusty bucket", "drinks at the thirsty lion" (not a colour:
# "at the red light", "at the white house").
_PUB_NAMING_WORDS = frozenset(
    "rusty dirty golden lucky drunken thirsty jolly salty crooked tipsy twisted velvet".split()
)
_NAMED_BY_PUB_WORD = lazy(
    r"(?i)(?<=(?<![\w'’])(?:at|to|from|outside|behind|near|out[ ]of)[ ]+the[ ]+)"
    rf"(?:{'|'.join(sorted(_PUB_NAMING_WORDS))})[ ]+(?P<thing>\p{{L}}{{3,}})"
    r"(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:and|but|so|for|on|in|with|last|this|every|after|before"
    r"|when|where|until|till|like|tonight|yesterday|again|now|because|or|at|to|the|a|i|we"
    r"|he|she|they)(?![\w'’]))"
)
_KINDS = frozenset(
    "apartments complex motel inn tavern pub bar lounge saloon grill club cafe diner lodge".split()
)
# What is looked, shouted or thrown at, and not where one is.
_AT_A_THING = frozenset(
    """look looks looked looking stare stared staring glance glanced yell yells yelled
    yelling shout shouted shouting scream screamed screaming bark barked barking throw threw
    thrown throwing laugh laughed laughing point pointed pointing aim aimed shoot shot
    shooting smile smiled smiling wave waved waving mad angry upset swore cursed howl
    howled howling talk talked talking listen listened listening feed fed""".split()
)
_THINGS = _PLACE_WORDS | _PUB_THINGS
# The words before the thing: where ("at", "to", "in") and "the", and a describing word.
_BEFORE = regex.compile(
    r"(?i)(?:^|(?<=[^\w'’-]))(?:(?P<verb>[\w'’]+)[ ]+)?(?P<cue>at|to|into|from|outside|behind"
    r"|near|in|out[ ]of)[ ]+the[ ]+(?:(?P<describing>[\p{L}]+)[ ]+)?$"
)
_AFTER = regex.compile(r"[ ]+([\p{L}'’]+)")
_LOOK_BACK = 40


def named_venues(text: str) -> Iterator[Detection]:
    """The things named, with the words before and after that make them a place."""
    # (from each thing, the words before it: such things are rare, "at the" is in
    # every line)
    for start, word_end in whole_words(_THINGS, text):
        thing = text[start:word_end].lower()
        before = _BEFORE.search(text, max(0, start - _LOOK_BACK), start)
        if before is None or (before.group("verb") or "").lower() in _AT_A_THING:
            continue
        describing = (before.group("describing") or "").lower()
        if describing and describing not in _PUB_WORDS:
            continue  # "at the old oaks": a thing described, or a longer name
        if not describing and thing in _PUB_THINGS_NEED_A_WORD:
            continue
        end = word_end
        after = _AFTER.match(text, end)
        kind = after is not None and after.group(1).lower() in _KINDS
        if kind and after is not None:
            end = after.end()  # "the willows complex"
        elif after is not None and after.group(1).lower() not in STOP_WORDS:
            continue  # "at the duck pond"
        elif after is not None and after.group(1).lower() == "of":
            continue  # a thing's part: "in the heights of my addiction", "the flats of"
        if before.group("cue").lower() == "in" and not (
            kind or (thing in _NEIGHBOURHOOD_WORDS and not describing)
        ):
            continue  # "in the black dog's bed", "sit in the pines"
        if text[end : end + 2] in ("'s", "’s") or text[end : end + 1] == "-":
            continue  # "at the duck's nest"
        yield NAMED_VENUE.at(before.start("describing") if describing else start, end)
    yield from _named_by_pub_words(text)


def _named_by_pub_words(text: str) -> Iterator[Detection]:
    """ "at the rusty bucket": a pub's describing word and any thing, then a pause."""
    for m in finditer_by_line(_NAMED_BY_PUB_WORD, text):
        if m.group("thing").lower() not in STOP_WORDS:
            yield NAMED_VENUE.at(*m.span())
