"""Clinical content that must survive: doses, lab values, scale scores, codes, durations.

The guard finds these spans; weak detections (a date-like fraction, a name the model
guessed, a long number) that fall inside one are dropped. Detections whose shape or
checksum is unmistakable (an SSN, an email, a labelled MRN) are never dropped.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from importlib import resources

import regex

from phimin._detect.lines import finditer_in, lines_around
from phimin._detect.literals import gate_fold
from phimin._detect.pattern_facts import PatternFacts, pattern_facts
from phimin._lazy_regex import lazy

__all__ = [
    "GUARD_PATTERNS",
    "MEDICATIONS",
    "clinical_spans",
    "clinical_terms",
    "is_clinical_term",
    "looks_clinical",
]


def _word_list(name: str) -> frozenset[str]:
    """The words of a list in `phimin/data/` (one or more a line; `#` starts a comment)."""
    text = resources.files("phimin").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() for w in line.split("#", 1)[0].split())


_UNIT = (
    r"(?:mg|mcg|µg|ug|g|kg|lbs?|ml|mL|cc|l|L|mEq|mmol|mmHg|units?|iu|IU|tabs?|tablets?"
    r"|caps?|capsules?|pills?|puffs?|drops?|patch(?:es)?|doses?|%|bpm|mg/dl|mg/dL|ng/ml"
    r"|ng/mL|g/dl|g/dL|meq/l|mEq/L|hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?|years?"
    r"|yrs?|minutes?|mins?|sessions?|times?|x|cups?|drinks?|beers?|glasses|shots?|cigarettes?"
    r"|packs?|ppd|joints?|miles?|steps?|nights?|hour)"
)
_SCALE = (
    r"(?:PHQ-?[29]|PHQ|GAD-?[27]|GAD|PCL-?5|PCL|BDI(?:-?II)?|BAI|AUDIT(?:-C)?|DAST(?:-10)?"
    r"|MoCA|MMSE|YBOCS|Y-BOCS|CAPS-?5|EPDS|ASRS|MDQ|C-SSRS|CSSRS|HAM-?[AD]|HAMD|HAMA|MADRS"
    r"|YMRS|CGI(?:-[SI])?|GAF|SUDS|K10|K6|ORS|SRS|ACE|ACEs|CIWA(?:-Ar)?|COWS|BPRS|PANSS"
    r"|AIMS|ISI|PSQI|ESS|DES|SCL-90|WHODAS|CAGE|CRAFFT|PSS|SDQ|CDI|RCADS|SCARED|Vanderbilt)"
)
_NUM = r"\d+(?:\.\d+)?"

_GUARDS = [
    # an herbal remedy, no saint and no person: "st. john's wort", "saint johns wort"
    r"(?i)(?<![\w])(?:st\.?|saint)[ ]+john['’]?s[ ]+wort(?![\w])",
    # a feast's saint, no place and no person: "St. Patrick's Day" (the whole feast is
    # not guarded: said as when something happened it is a date)
    r"(?i)(?<![\w])(?:st\.?|saint)[ ]+\p{L}+['’]?s(?=[ ]+day(?![\w]))",
    # sayings with a first name in them, no one's name: "don't be a debbie downer", "an
    # average joe", "jeez louise", "for pete's sake", "murphy's law"
    r"(?i)(?<![\w])(?:debbie[ ]downer|negative[ ]nancy|nervous[ ]nellie|chatty[ ]cathy"
    r"|doubting[ ]thomas|peeping[ ]tom|(?:average|regular|ordinary)[ ]joe|cup[ ]of[ ]joe"
    r"|jeez[ ]louise|for[ ]pete['’]?s[ ]sake|murphy['’]?s[ ]law|dear[ ]john[ ]letter"
    r"|plain[ ]jane|calamity[ ]jane|jack[ ]of[ ]all[ ]trades"
    r"|(?:bloody|typhoid)[ ]mary|hail[ ]mary|lazy[ ]susan|smart[ ]alec[k]?|the[ ]real[ ]mccoy"
    r"|bob['’]?s[ ]your[ ]uncle|santa[ ]claus|(?<=believe[ ]in[ ])santa|jack[ ]frost"
    r"|mother[ ]teresa|uncle[ ]sam|captain[ ]obvious|mr\.?[ ]right|johnny[ ]come[ ]lately"
    r"|johnny[ ]on[ ]the[ ]spot|even[ ]steven|easy[ ]peasy|tom[ ]dick[ ]and[ ]harry"
    r"|(?:a[ ])?phoenix[ ]rising"
    # the full names of famous people and characters, said of no one in the room:
    # "reading harry potter to my kids", "i listened to taylor swift all night" (a first
    # name alone, "taylor", is still someone's; so is a famous name made of two common
    # ones, "charlie brown", "john wayne"); one scan with the sayings
    r"|harry[ ]potter|hermione[ ]granger|spider[- ]?man|peter[ ]pan"
    r"|alice[ ]in[ ]wonderland|winnie[ ]the[ ]pooh|mickey[ ]mouse|minnie[ ]mouse|bugs[ ]bunny"
    r"|sherlock[ ]holmes|romeo[ ]and[ ]juliet|jekyll[ ]and[ ]hyde|luke[ ]skywalker"
    r"|darth[ ]vader|bob[ ]the[ ]builder|peppa[ ]pig|curious[ ]george|scooby[ ]doo"
    r"|snow[ ]white|cinderella|rapunzel|willy[ ]wonka|ebenezer[ ]scrooge|forrest[ ]gump"
    r"|rocky[ ]balboa|homer[ ]simpson|bart[ ]simpson|captain[ ]america"
    r"|taylor[ ]swift|elvis[ ]presley|marilyn[ ]monroe|oprah(?:[ ]winfrey)?|dolly[ ]parton"
    r"|bob[ ]marley|kurt[ ]cobain|adam[ ]sandler|kanye(?:[ ]west)?|lady[ ]gaga"
    r"|britney[ ]spears|barack[ ]obama|donald[ ]trump|joe[ ]biden|charlie[ ]chaplin"
    r"|abraham[ ]lincoln|martin[ ]luther[ ]king(?:[ ]jr)?|albert[ ]einstein|princess[ ]diana"
    # scripture's people by their story ("we read about adam and eve in sunday school")
    r"|adam[ ]and[ ]eve|noah['’]?s[ ]ark|david[ ]and[ ]goliath|(?:the[ ])?virgin[ ]mary"
    r"|mother[ ]mary|jonah[ ]and[ ]the[ ]whale|cain[ ]and[ ]abel|samson[ ]and[ ]delilah"
    r"|john[ ]the[ ]baptist|mary[ ]magdalene|judas[ ]iscariot)(?![\w])",
    # a month that comes back every year, no date of anything: "every december i get
    # sad", "each january i swear off sweets", "every year in october", "novembers are
    # the worst" (a day with it is still a date: "every december 5th" is not inside)
    r"(?i)(?<![\w'’-])(?:(?:every|each)[ ]+(?:single[ ]+)?(?:year[ ]+(?:in|around)[ ]+)?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)(?![ ]+(?:\d|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty))"
    r"|januar(?:ie|y)s|februar(?:ie|y)s|julys|septembers|octobers|novembers|decembers)"
    r"(?![\w'’-])",
    # a cancer by the organ it starts in: "family history of colon cancer" (no town Colón)
    r"(?i)(?<![\w])(?:colon|colorectal|rectal|breast|lung|prostate|skin|bone|ovarian|cervical"
    r"|uterine|endometrial|pancreatic|liver|kidney|bladder|thyroid|brain|throat|stomach"
    r"|esophageal|testicular|blood|head[ ]and[ ]neck)[ ]+cancers?(?![\w])",
    # a melanoma's staging by its authors: "clark level 4, breslow thickness 0.7 mm"
    r"(?i)(?<![\w])(?:clark|breslow)['’]?s?[ ]+(?:level|thickness|depth)(?![\w])",
    # Scale scores: "PHQ-9 score 14", "GAD-7: 12/21", "MoCA 26/30".
    rf"(?i)(?<![\w]){_SCALE}(?:[ ]+(?:total|score|scored|was|of|=|is|:|-)){{0,3}}[ :=]*{_NUM}(?:[ ]?/[ ]?\d+)?",
    # Ratings out of a hundred; out of ten when a rating word comes before or after
    # ("pain 7/10", "7/10 anxiety"): without one, 7/10 is as likely July 10th.
    r"(?<![\w/])\d{1,2}(?:\.\d)?[ ]?/[ ]?100(?![\w/])",
    r"(?i)(?<![\w/])\d{1,2}(?:\.\d)?[ ]?/[ ]?10[ ]+(?:pain|anxiety|mood|depression|stress|craving"
    r"|urge|sleep|energy|distress|suds|on[ ]the|scale|intensity|severity)",
    # Ventilator settings and bedside fractions: "CPAP 5/5", "PSV 10/5", "crackles 1/2 up".
    # ("R AC" / "left AC" is the antecubital site of a line, not assist control)
    r"(?i)(?<![\w])(?:cpap|psv|ps|peep|bipap|simv|imv|(?<!(?<![\w])(?:l|r|left|right)[ ])ac|vent"
    r"|ventilator|settings?"
    r"|pressure[ ]support)(?![\w])[^\n()A-WYZa-wyz]{0,12}?"
    r"\d{1,2}/\d{1,2}(?![\w/])",
    # ("1/2 NS", "D5 1/2": half-normal saline)
    r"(?i)(?<![\w])(?:d5w?|d10|ivf)[ ]+\d/\d(?![\w/])",
    # ("1/2 NS": half-normal saline)
    r"(?i)(?<![\w/])\d/\d[ ]+(?:up|way|of|strength|normal|dose|ns|nss|saline)(?![\w])",
    # (a word of its own: "follow-up 3/14", "pickup 3/14" are dates)
    r"(?i)(?<![\w-])(?:up|drop|dropped|flowby|flow[ ]by|change[ ]to|changed[ ]to|bi-?pap)[ ]+\d{1,2}/\d{1,2}(?![\w/])",
    r"(?<![\w/])\d{1,2}-\d{1,2}/10(?![\w/])",  # a rated range: "3-4/10"
    # a rating at a point of the session: "6/10 at start, 3/10 at end"
    r"(?i)(?<![\w/])\d{1,2}(?:\.\d)?[ ]?/[ ]?10(?=[ ]+(?:at|by)[ ]+(?:the[ ]+)?(?:start|end"
    r"|beginning|close|intake|discharge|baseline)(?![\w]))",
    # a rating that moved: "SUDS decreased from 8/10 to 3/10", "7/10 -> 4/10"
    r"(?i)(?<![\w/])\d{1,2}(?:\.\d)?[ ]?/[ ]?10[ ]*(?:to|->|→|then|down[ ]to|up[ ]to)[ ]*"
    r"\d{1,2}(?:\.\d)?[ ]?/[ ]?10(?![\w/])",
    # A rating out of ten said as one: after an article or a word that states a level
    # ("a 6/10", "like 8/10", "was 7/10", "down to 3/10"). Elsewhere 9/10 is as likely
    # September 10th ("OR 6/10 for a CABG"); the rating words above cover "pain 7/10".
    r"(?i)(?<=(?<![\w])(?:an?|like|about|around|maybe|roughly|almost|solid|is|was|were|it's"
    r"|its|feels?|felt|rated?|(?:down|up|dropped|went|came|rose|fell|back|got|goes)[ ](?:to|from)"
    r"|to[ ]an?|at[ ]an?|(?:started|starts|peaked|stayed|stays|sits|sitting|hovering|was|is)[ ]at)[ ]+)\d{1,2}(?:\.\d)?[ ]?/[ ]?10(?![\w/])",
    # A score someone got or gave ("got a 2/5 on the quiz", "gave it a 3/5", "scored a
    # 17/20"; not "got a 3/14 appointment": a date said before what is on it)
    r"(?i)(?<=(?<![\w])(?:got|get|gets|getting|scored|scores|score|earned|received"
    r"|(?:gave|give|gives|rated|rate|rates)[ ](?:it|him|her|them|me|us|myself|this|that))"
    r"[ ]+an?[ ]+)\d{1,2}(?:\.\d)?[ ]?/[ ]?\d{1,3}(?![\w/])"
    r"(?![ ]+(?:appointment|appt|court|hearing|date|deadline|visit|follow|check|meeting"
    r"|flight|surgery|procedure|start|due))",
    # Out of five stars, a count of sessions or weeks ("session 5/12"), a share of
    # something ("1/2 a sandwich", "9/10 times").
    r"(?i)(?<![\w/])\d(?:\.\d)?/5[ ]+stars?(?![\w])",
    r"(?i)(?<![\w])(?:sessions?|modules?|class(?:es)?|lessons?|groups?|steps?),?[ #]*\d{1,2}/\d{1,2}"
    r"(?![\w/])",
    r"(?i)(?<![\w/])\d{1,2}/\d{1,2}[ ]+(?:times|of|people|sessions)(?![\w])",
    r"(?i)(?<![\w/])[1-9]/[2-9](?![\w/])[ ]+(?:an?|the|cups?|bottles?|packs?|tablets?|pills?"
    r"|glass(?:es)?|miles?|hours?|days?|doses?|bags?|sandwich|plate|piece|bar|can|beer|joint"
    r"|gram|grams|tab|tabs)(?![\w])",
    r"(?<![\w/])\d/\d[ ]?-[ ]?\d/\d(?![\w/])",  # a range of fractions: "up 1/4-1/3"
    # a share of someone's descent: "she's 1/4 puerto rican", "1/8 cherokee"
    r"(?i)(?<![\w/])1/(?:2|4|8|16)[ ]+(?:puerto[ ]rican|mexican|irish|italian|german|black"
    r"|white|asian|native(?:[ ]american)?|cherokee|navajo|latino|latina|hispanic|filipino"
    r"|korean|chinese|japanese|indian|african|european|jewish|greek|polish|swedish|french"
    r"|scottish|english|cuban|dominican|haitian|jamaican|samoan|hawaiian|vietnamese|arab"
    r"|persian|russian|norwegian|dutch|spanish|portuguese|brazilian|colombian)(?![\w])",
    # a part of a dose or a tablet named before it: "dose 1/4", "tab 1/2 qhs", "pill 3/4"
    # (a month has more days than these: "dose 1/4" is never January 4th in a plan)
    r"(?i)(?<=(?<![\w])(?:dose|doses|tabs?|tablets?|pills?)[ ]+(?:of[ ]+)?)[1-3]/[2348](?![\w/])",
    # a share said in words, then as a fraction: "half a bottle, 1/2", "a quarter of it,
    # like 1/4" (never a date of January)
    r"(?i)(?<=(?<![\w])(?:half|quarter|third)(?:[ ]+[\w'’-]+){0,3},?[ ]+(?:like[ ]+|maybe[ ]+"
    r"|about[ ]+|so[ ]+)?)[1-3]/[234](?![\w/])",
    # a thing cut into parts: "split the pill in 1/2", "broke it into 1/4s"
    r"(?i)(?<=(?<![\w])(?:in|into|by)[ ]+)1/[234](?:s|'s)?(?![\w/])",
    r"(?i)(?<![\w])(?:pain|rate[sd]?|rating|scale|score|level|mood|anxiety|depression|stress|distress"
    r"|craving|urges?|sleep|energy|severity|intensity|suds|worry|anger|irritability|motivation"
    r"|confidence|importance|readiness)(?:[ ]+\w+){0,4}(?:[ :]+|,[ ]*)"
    r"(?<!(?<![\w])(?:on|since|from|until|by|dated|of|at)(?:[ :]+|,[ ]*))\d{1,2}(?:[ ]?/[ ]?\d{1,3}|[ ]out[ ]of[ ]\d{1,3})",
    # exam grades: "Strength 4/5 in the left arm", "murmur,2/6", "reflexes 2/4"
    r"(?i)(?<![\w])(?:strength|motor|power|murmurs?|reflex(?:es)?|dtrs?|pulses?)(?:[ ]+\w+){0,3}"
    r"(?:[ :]+|,[ ]*)(?<!(?<![\w])(?:on|since|from|until|by|dated|of|at)(?:[ :]+|,[ ]*))"
    r"[0-6][+-]?/[456](?![\w/])",
    # ("a 2/6 murmur", "3/6 holosystolic murmur"; not "seen 2/6 for murmur")
    r"(?i)(?<![\w/])[1-6]/6[ ]+(?:(?:soft|loud|harsh|early|late|mid|pan|systolic|diastolic"
    r"|holosystolic|ejection|blowing|flow|crescendo|decrescendo)[ -]+){0,2}murmurs?(?![\w])",
    # ratings out of ten in a list: "8/10, 6/10 later", "mood 5/10 overall, 7/10 by evening"
    r"(?<![\w/])\d{1,2}(?:\.\d)?/10(?=,[ ]*(?:[^\n,/]{1,30}?[ ])?\d{1,2}(?:\.\d)?/10(?![\w/]))"
    r"|(?<=(?<![\w/])\d{1,2}(?:\.\d)?/10(?:[ ][^\n,/]{1,30}?)?,[ ]*)\d{1,2}(?:\.\d)?/10(?![\w/])",
    rf"(?i)(?<![\w/])[1-7]/[2-8][ ]?{_UNIT}(?![\w])",
    # Doses and measurements: "50 mg", "0.5mg", "2000 mL", "1000MG".
    rf"(?i)(?<![\w.]){_NUM}(?:[ -]?(?:to|-)[ -]?{_NUM})?[ -]?{_UNIT}(?![\w])",
    # Frequencies: "3 times a day", "twice daily", "q4h", "BID", "x2".
    r"(?i)(?<![\w])(?:q\d{1,2}h|q\.?d\.?|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?i\.?d\.?|prn|qhs|qam|qpm|x\d{1,2})(?![\w])",
    # ICD-10-CM codes: F41.1, Z63.0, F32.A, and CPT/HCPCS codes after a label.
    r"(?<![\w.])[A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})(?![\w])",
    r"(?i)(?:cpt|hcpcs|icd-?10(?:-cm)?|dx|code)[ :#]*[A-Z]?\d{4,5}(?:-\d{2})?",
    r"(?<![\w])(?:9\d{4}|99\d{3})(?=[ ]?(?:\(|,|;|$|[ ](?:psychotherapy|x|for|with|session|and|\+)))",
    # Lab values: "BUN 31", "Cr 1.6", "K 3.9", "INR 2.0", "A1c 7.2%", "BP 120/80".
    r"(?i)(?<![\w])(?:BUN|Cr|K|Na|Cl|CO2|Mg|Ca|Phos|INR|PT|PTT|WBC|Hgb|Hct|Plt|A1c|HbA1c|TSH"
    r"|T4|LDL|HDL|ALT|AST|GGT|BAL|BAC|Li|lithium(?:[ ]level)?|VPA|O2|SpO2|sat|sats|HR|RR"
    r"|temp|T|glucose|BG|FSBG|CK|CPK|ANC|MCV|BMI|wt|weight|ht|height|EF|QTc?)[ :=]*{num}%?(?![\w/])".replace(
        "{num}", _NUM
    ),
    r"(?i)(?<![\w])(?:BP|blood[ ]pressure)[ :=]*\d{2,3}/\d{2,3}",
]


# Common medications in mental-health and primary care (`data/medications.txt`).
MEDICATIONS = _word_list("medications.txt")

# Diseases, syndromes and tests named after people: "Parkinson's disease", "Beck
# Depression Inventory". The names in them are clinical vocabulary, not people.
_EPONYMS = (
    r"alzheimer|parkinson|huntington|crohn|hashimoto|graves|addison|cushing|asperger"
    r"|tourette|marfan|raynaud|hodgkin|kaposi|epstein[- ]barr|guillain[- ]barr[eé]|wernicke"
    r"|korsakoff|munchausen|capgras|cotard|tay[- ]sachs|sj[oö]gren|meni[eè]re|paget|wilson"
    r"|rett|prader[- ]willi|angelman|klinefelter|turner|down|lou[ ]gehrig|bell|lyme|ehlers[- ]danlos"
    r"|kawasaki|reye|stevens[- ]johnson|tardive|conn|barrett|osgood[- ]schlatter|dupuytren"
    r"|beck|hamilton|wechsler|montreal|yale[- ]brown|edinburgh|glasgow|rorschach|minnesota"
    r"|myers[- ]briggs|stanford[- ]binet|vanderbilt|conners|achenbach|columbia|beery|woodcock[- ]johnson"
    # exam signs, manoeuvres and monitors said in a visit ("tinel's sign", "an epley")
    r"|tinel|phalen|lachman|mcmurray|spurling|finkelstein|epley|heimlich|valsalva|babinski"
    r"|romberg|apgar|holter"
    # theories and methods of therapy by their authors ("the kubler ross stages",
    # "maslow's hierarchy", "the gottman method")
    r"|kubler[- ]ross|gottman|karpman|johari|linehan|maslow|piaget|erikson|bowlby|ainsworth"
    r"|dunning[- ]kruger|zeigarnik|premack|pavlov"
)
_EPONYM_NOUNS = (
    r"disease|syndrome|disorder|palsy|thyroiditis|ulcer|sarcoma|lymphoma|dementia"
    r"|encephalopathy|psychosis|chorea|phenomenon|titers?|virus|inventory|scale|scales"
    r"|assessment|test|protocol|rating|criteria|questionnaire|score|sign|signs|maneuver"
    r"|maneuvers|manoeuvre|monitor|type[ ]indicator|stages|theory|hierarchy|triangle|method"
    r"|model|principle|effect|complex|matrix|technique|window|horsemen"
)
_EPONYM_PHRASE = (
    rf"(?i)(?<![\w])(?:{_EPONYMS})(?:['’]s)?(?:[ ]+(?:depression|anxiety|hopelessness"
    rf"|obsessive[ ]compulsive|coma|cognitive|postnatal|suicide[ ]severity|adult|child"
    rf"|intelligence|memory|personality|multiphasic))*(?:[ ]+(?:{_EPONYM_NOUNS})|['’]s)(?![\w])"
)


# One scan per pattern: as one alternation the engine tries every branch at every
# position, which cost three times as much on transcripts.
GUARD_PATTERNS = tuple(lazy(g) for g in (*_GUARDS, _EPONYM_PHRASE))


# Word endings of diagnoses and clinical terms: a capital on them is a typo, not a name.
_CLINICAL_WORD = lazy(
    # ("-oma" after a consonant or an "i", or a long stem's "e": "lipoma", "glioma",
    # "osteoma", never the name "ifeoma")
    r"(?:affective|phrenia|thymia|phobia|philia|mania|osis|itis|emia|pathy|algia"
    r"|(?:(?<![aeouy])|(?<=\w{3}e))oma"
    r"|ectomy|otomy|ology|ologist|iatric|iatry|ism|orexia|ulimia|somnia|tonia|plegia|trophy"
    # (an ACE inhibitor's "-pril" after a stem of three letters: "lisinopril", not "april")
    r"|genic|ergic|azepam|oxetine|apine|idone|amine|olol|(?<=\w{3})pril|sartan|statin|mab"
    # antibiotics, diuretics and other drug classes; procedures; anatomical Latin
    r"|mycin|cillin|cycline|floxacin|azole|semide|thiazide|gliptin|gliflozin|parin|triptan"
    # (Latin "-alis", "-aris" after a stem: "vulgaris", not "paris" or "charis")
    r"|tripsy|plasty|scopy|(?<=\w{4})(?:alis|aris)|oid)$"
)


@functools.lru_cache(maxsize=1)
def clinical_terms() -> frozenset[str]:
    """Ward and therapy vocabulary from `phimin/data/clinical_terms.txt` (lower case)."""
    return _word_list("clinical_terms.txt")


def is_clinical_term(word: str) -> bool:
    """A lower-case word that is ward or therapy vocabulary, a drug, or looks clinical."""
    return word in clinical_terms() or word in MEDICATIONS or looks_clinical(word)


def looks_clinical(word: str) -> bool:
    """Does a lower-case word end like a diagnosis, a procedure or a drug class?"""
    return _CLINICAL_WORD.search(word) is not None


@functools.lru_cache(maxsize=1)
def _guard_facts() -> tuple[PatternFacts, ...]:
    """What each guard pattern's every match holds (`pattern_facts`), read once."""
    facts = pattern_facts("guards", [p.pattern for p in GUARD_PATTERNS])
    return tuple(facts[p.pattern] for p in GUARD_PATTERNS)


_DIGIT = regex.compile(r"\d")  # every character a pattern's `\d` or `[0-9]` matches


def clinical_spans(
    text: str, near: Sequence[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Spans of clinical content in `text`, sorted, possibly overlapping.

    With `near`, only the spans that can overlap one of those: a guard pattern that
    cannot cross a line break scans only the lines they are on. A pattern scans only
    the runs of lines holding one of the words its every match holds, and as many
    digits as it needs (`pattern_facts`): most guards need digits, which lines of
    speech seldom have.
    """
    everywhere = [(0, len(text))]
    lines = everywhere if near is None else lines_around(text, near)
    folded = gate_fold(text)
    if len(folded) != len(text):  # (folding keeps every length; were it ever not so)
        folded = ""
    digits = [m.start() for m in _DIGIT.finditer(text)]

    def may_hold(facts: PatternFacts, start: int, end: int) -> bool:
        if facts.min_digits:
            held = bisect.bisect_left(digits, end) - bisect.bisect_left(digits, start)
            if held < facts.min_digits:
                return False
        if facts.words is None or not folded:
            return True
        return any(folded.find(w, start, end) >= 0 for w in facts.words)

    spans: list[tuple[int, int]] = []
    for pattern, facts in zip(GUARD_PATTERNS, _guard_facts(), strict=True):
        ranges = [r for r in (lines if facts.single_line else everywhere) if may_hold(facts, *r)]
        spans.extend(m.span() for m in finditer_in(pattern, text, ranges))
    return sorted(spans)
