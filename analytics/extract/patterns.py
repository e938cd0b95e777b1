"""Compiled building blocks shared by the rules: counts, noun phrases, verbs.

Everything here is assembled from the lexicon tables once, at import.
"""

from __future__ import annotations

import functools

import regex

from analytics.extract import fastre as fre
from analytics.extract import lexicon
from analytics.extract.numbers import COUNT

lex = lexicon.current()

FLAGS = regex.I | regex.X  # V0 matching: simple case folding is several times faster


# A number standing alone, not the digits inside a model name ("Kh-101", "Su-25", "S-400").
STANDALONE_DIGIT = r"(?<![\p{L}\-\d])\d"


def _spaced(pattern: str) -> str:
    """Let a literal space in a lexicon pattern match any run of whitespace."""
    return pattern.replace(" ?", r"\s*").replace(" ", r"\s+")


def _alternation(patterns) -> str:
    return "|".join(f"(?:{_spaced(p)})" for p in patterns)


MODEL = (
    rf"(?<![\p{{L}}\d])(?:{_alternation(p for p, _, _ in lex.WEAPON_MODELS)})"
    r"(?:/(?:\p{L}{1,3}-?)?\d{2,3}\p{L}?)*s?(?![\p{L}\d])"
)
_MODEL_RES = [
    (regex.compile(rf"^(?:{_spaced(p)})$", regex.I), weapon, subject)
    for p, weapon, subject in lex.WEAPON_MODELS
]
_SIDE_WORD = _alternation(sorted(lex.SIDE_WORDS, key=len, reverse=True))

# One word that may stand between a count and its noun.
MOD_TOKEN = rf"""
    (?:\p{{L}}+-\s+(?:and|or)\s+\p{{L}}+-\p{{L}}+          # suspended hyphen: Shahed- and Gerbera-type
      |(?:\p{{L}}+|(?:\p{{Lu}}\.){{2,3}})-(?:made|designed|built|produced|supplied)  # US-made, U.S.-made
      |{MODEL}(?:\s*(?:/|or|and)\s*{MODEL})*
      |(?:{_alternation(lex.MODIFIERS.split("|"))})(?![\p{{L}}\-])
      |(?:{_SIDE_WORD})(?![\p{{L}}\-])
      |(?-i:\p{{Lu}}[\p{{L}}\d]*(?:-[\p{{L}}\d]+)*)  # a name: Bober, Lyutyi, Mavic
      |\p{{Ll}}+-\p{{Ll}}+(?:-\p{{Ll}}+)?          # a compound adjective: Iranian-designed
    )
"""

_NOUN_ALT = _alternation(p for p, _, _ in lex.NOUNS)
HEAD = rf"""
    ["“”'‘’«]?
    (?:(?:{_NOUN_ALT})
      |(?>{MODEL}s?(?:\s*(?:/|or|and)\s*{MODEL}s?)*)
       (?!(?:\s*(?:/|or|and)\s*{MODEL})*(?:\s+(?:{MOD_TOKEN})){{0,3}}\s+(?:{_NOUN_ALT})(?![\p{{L}}\-])))
    (?![\p{{L}}\-/])
    (?!\s+(?:{lex.NOUN_BLOCKERS})\b)
    ["“”'‘’»]?
"""
_ELLIPTICAL = {"ballistic": "ballistic_missile", "cruise": "cruise_missile"}
_NOUN_RES = [
    (regex.compile(rf"^(?:{_spaced(p)})$", regex.I), subject, number)
    for p, subject, number in lex.NOUNS
]

# The words that hedge a model named after the count: "3 missiles, preliminarily Iskander-M"
_HEDGE = (
    r"(?:preliminarily|presumably|probably|likely|possibly|apparently|reportedly|most\s+likely)"
)
# "37 Russian attack drones", "17 cruise missiles of the Kh-101 type".
NOUN_PHRASE = rf"""
    (?P<count>{COUNT})["”’']?   # killing "up to 50" officers
    (?P<of>\s+of(?=\s))?
    (?P<mods>(?:\s+(?:(?:and|or)\s+)?(?:{MOD_TOKEN})){{0,4}}?)
    \s+(?P<head>{HEAD})
    (?P<post>\s+of\s+the\s+(?:{MODEL})(?:\s*/\s*{MODEL})?\s+type
      |\s+of\s+(?:various|different|several|all|other|many)\s+(?:types|kinds|models|modifications|variants|versions)
      |\s+of\s+an?\s+(?:unknown|unidentified|undetermined|unspecified)\s+type
      |\s+(?:and|or)\s+other\s+[\p{{L}}\-]+
      |\s*\(\s*(?:{_HEDGE}\s+)?(?:{MODEL})(?:\s*/\s*{MODEL})?\s*\)  # "four missiles (Kh-59)"
      |,\s+{_HEDGE}\s+(?:{MODEL})(?:\s*/\s*{MODEL})?(?=\s*(?:[,.;)]|$))  # "3 missiles, preliminarily Iskander-M"
      |,\s+(?:described|identified|believed|said|thought|reported)\s+(?:as|to\s+(?:be|have\s+been))\s+
        (?:{MODEL})(?:\s*/\s*{MODEL})?\s*,)?                 # "four missiles, described as Kh-59s,"
"""

_STOP = (
    r"the|a|an|of|in|on|at|to|from|by|with|and|or|nor|but|for|over|under|into|onto|about|after|before"
    r"|were|was|is|are|be|been|being|have|has|had|will|would|could|should|may|might|can|did|do|does"
    r"|that|which|who|whom|whose|this|these|those|it|its|their|his|her|our|your|they|we|he|she|you"
    r"|more|than|as|per|each|every|all|some|any|no|not|only|also|just|still|then|there|here|when|where"
    r"|while|since|until|during|across|against|through|between|among|near|around|up|down|out|off"
    r"|said|says|reported|including|such|other|another|times|killed|injured|wounded|dead|shot|destroyed"
    r"|intercepted|launched|fired|hit|struck|lost|left|reached|flew|downed|neutralised|neutralized"
    r"|" + lex.NOUN_BLOCKERS
)
# A fallback for nouns with modifiers the lexicon does not know: "68 imitator drones",
# "two port workers". Tried only where NOUN_PHRASE fails; plural heads only.
NOUN_PHRASE_LOOSE = rf"""
    (?P<count>{COUNT})
    (?P<mods>(?:\s+(?!(?:{_STOP})\b)[a-z][a-z\-]{{2,}}){{1,2}})
    \s+(?P<head>{HEAD})
"""

# "110 of 177 drones", "22 of the 33 drones", "44 out of more than 50 missiles".
X_OF_Y = rf"""
    (?P<x>{COUNT})\s+(?:out\s+)?of\s+(?:the\s+|those\s+)?
    (?P<quote>['‘"“])?(?P<y>{COUNT})(?(quote)['’"”])  # "44 of 'more than 50' missiles"
    (?P<mods>(?:\s+(?:{MOD_TOKEN})){{0,4}}?)
    \s+(?P<head>{HEAD})
"""

# "13 of the X-101 missiles", "one of the drones".
PARTITIVE = rf"""
    (?P<count>{COUNT})\s+of\s+(?:the|these|those|its|their|our)
    (?P<mods>(?:\s+(?:{MOD_TOKEN})){{0,4}}?)
    \s+(?P<head>{HEAD})
"""

_CASUALTY_ALT = "|".join(f"(?:{_spaced(p)})" for p, _, _ in lex.CASUALTY_NOUNS)
# "ten wounded", "5,996 documented deaths", "15,000 civilian casualties".
CASUALTY_PHRASE = rf"""
    (?P<count>{COUNT})
    (?P<mods>(?:\s+(?:civilian|military|russian|ukrainian|documented|confirmed|reported
        |recorded|known|verified|total|combat|more|other|new|additional|further)){{0,3}})
    \s+(?P<head>{_CASUALTY_ALT})(?![\p{{L}}\-])
"""
_CASUALTY_RES = [
    (regex.compile(rf"^(?:{p})$", regex.I), measure, subject)
    for p, measure, subject in lex.CASUALTY_NOUNS
]

ACTIVE = {m: _spaced(p) for m, p in lex.MEASURE_ACTIVE.items() if p}
PASSIVE = {m: _spaced(p) for m, p in lex.MEASURE_PASSIVE.items() if p}

ACTIVE_RE = regex.compile(
    "|".join(rf"(?P<{m}>(?<![\p{{L}}])(?:{p})(?![\p{{L}}]))" for m, p in ACTIVE.items()), FLAGS
)
PASSIVE_RE = regex.compile(
    "|".join(rf"(?P<{m}>(?<![\p{{L}}])(?:{p})(?![\p{{L}}]))" for m, p in PASSIVE.items()), FLAGS
)


def measure_of_match(match: regex.Match) -> str:
    """The measure a match of ACTIVE_RE or PASSIVE_RE names: its one named group that matched."""
    return next(name for name, value in match.groupdict().items() if value)


def verbs_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, measure) of every measure verb in a stretch, active and passive, in order."""
    return sorted(
        (match.start(), match.end(), measure_of_match(match))
        for pattern in (ACTIVE_RE, PASSIVE_RE)
        for match in pattern.finditer(text)
    )


# The nominal frames of a toll, each in a group named for its measure ("toll_killed", ...)
_TOLL_FRAME = "|".join(f"(?P<toll_{m}>{_spaced(p)})" for p, m in lex.TOLL_FRAMES)

TOLL = rf"""
    (?P<bring>(?:bringing|brought|brings|taking|took|raising|raised|pushing|pushed|put|puts|putting
        |estimates|estimated|estimating|placed|places|placing)\s+(?:the\s+)?
      (?:(?:total|overall|official|confirmed|russian|ukrainian|enemy|its|their|national|regional|local|city's|city
        |(?:estimate|tally|count)\s+of|personnel|(?:russia|ukraine|moscow|kyiv)['’]s)\s+){{0,5}})?  # "bringing its estimate of total personnel losses to"
    (?P<frame>{_TOLL_FRAME})
    (?:
      (?<=\btoll)\s+of\s+(?=(?:{COUNT})(?![\p{{L}}\d]|\s+(?:percent|per\s+cent|%|years?|days?|hours?)\b))  # "The death toll of seven"
     |(?(bring)(?:\s+[\p{{L}}\d,.\-'’]+){{0,9}}?\s+(?:to|at)\s+|(?!))  # "bringing the toll to three", "put the number of injured at 41"
     |(?:[\s,]+(?!(?:has|had|have|rose|risen|to|although|though|but|while|whereas|because)\b)[\p{{L}}\d'’\-]+\.?){{0,20}}?,?
      \s+(?:has\s+|had\s+|have\s+|now\s+|was\s+|is\s+|are\s+|were\s+|been\s+|currently\s+|reportedly\s+
        |since\s+|further\s+|unfortunately\s+|therefore\s+|already\s+|sadly\s+|tragically\s+|again\s+)*
      (?:risen|rose|rises|increased|increases|climbed|climbs|grown|grew|grows|reached|reaches|jumped|jumps
        |stands|stand|stood|is|was|were|are|hit|hits|surged|went\s+up|amounted|amounts|totalled|totaled|totals
        |exceeded|exceeds|passed|surpassed|topped
        |now(?=\s+(?:at\s+)?\d)  # a headline's "Death toll in Kyiv now 28"
        |(?:estimated|assessed|reckoned|put|believed|thought)(?:\s+to\s+(?:be|number|exceed|stand\s+at))?(?=\s+at\b|\s+\S*\d)
        |believed\s+to\s+(?:be|number|exceed)|thought\s+to\s+(?:be|number|exceed)
        |(?:revised|corrected|updated|lowered)(?:\s+(?:up|down|upwards?|downwards?))?)
      (?:\s+(?:overnight|again|further|sharply|later|since|by\s+(?:evening|morning|noon)))?  # "rose overnight to 25"
      \s+(?:from\s+(?:\S+\s+){1, 4}?to\s+|at\s+|to\s+)?  # "rose from 14 to 19": the new count
    )
    (?:\p{{L}}+\s+){{0,1}}?
    (?P<count>{COUNT})
"""

# "bringing to 13 the number of Russian combat aircraft Kyiv says it has destroyed",
# "brought to 2,430 the total number of Ukrainians freed": the count stands before its frame.
BROUGHT_TO = rf"""
    \b(?:bringing|brought|brings|bring|raising|raised|taking|took|pushing|pushed|putting|put)\s+to\s+
    (?P<count>{COUNT})\s+the\s+(?:(?:total|overall|official|confirmed|cumulative)\s+)?
    (?:(?P<frame>{_TOLL_FRAME})(?![\p{{L}}\-])
      |number\s+of\s+(?P<mods>(?:(?:{MOD_TOKEN})\s+){{0,3}}?)(?P<head>{HEAD}))
"""

AMONG = rf"""
    \bamong\s+(?:the|them|those|whom)(?:\s+(?P<frame>dead|killed|victims|injured|wounded|casualties)
      |\s+(?:missiles|drones|uavs|weapons))?   # "Among the missiles were 10 Kinzhals"
    \s+(?:are|were|is|was)\s+
    (?P<count>{COUNT})
    (?P<mods>(?:\s+(?:{MOD_TOKEN})){{0,3}}?)
    \s+(?P<head>{HEAD})
"""

OF_WHOM = rf"""
    (?P<count>{COUNT})\s+of\s+(?:whom|them)\s+(?:(?:were|are|was|is)\s+)?
    (?:(?:{MOD_TOKEN})\s+){{0,2}}?(?P<head>{HEAD})
"""

ZERO = r"""
    (?P<zero>
      \b(?:no\s+one|nobody|no-one|none
           # not "none of its animals": only people
           (?!\s+of\s+(?:its|the|their|our|his|her)\s+(?!(?:people|residents|civilians|passengers|staff
             |employees|workers|children|crew|soldiers|servicemen|troops|patients|guests|visitors)\b)))
        \s+(?:\p{L}+\s+){0,5}?(?:was|were|has\s+been|have\s+been|had\s+been|got|is|are)\s+
        (?:\p{L}+\s+)?(?P<m1>killed|injured|hurt|wounded|harmed)
        (?:\s*(?:,|or|and|nor)\s*(?:\p{L}+\s+)?(?P<m2>killed|injured|hurt|wounded|harmed))?
     |\bno\s+(?P<who>people|persons?|civilians|residents|children|one)\s+(?:\p{L}+\s+){0,2}?
        (?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\p{L}+\s+)?
        (?P<m3>killed|injured|hurt|wounded|harmed)
        (?:\s*(?:,|or|and|nor)\s*(?P<m4>killed|injured|hurt|wounded|harmed))?
     |\b(?:there\s+(?:were|was|have\s+been|are)\s+)?no\s+(?P<adj>\p{L}+\s+)?(?:(?:damage|destruction)\s+(?:or|and)\s+)?(?P<noun>casualties|victims|deaths|fatalities|injuries|dead|injured|wounded)
        (?:\s+(?:or|and)\s+(?:\p{L}+\s+)?(?P<noun2>casualties|deaths|injuries|damage|destruction))?
     |\bwithout\s+(?P<noun3>casualties|victims|loss\s+of\s+life|injuries)
     |\b(?P<m5>killed|injured|hurt|wounded|harmed|injuring|killing|wounding)\s+(?:no\s+one|nobody|no-one)\b  # "that strike injured no one"
     |\bno\s+(?P<losses>losses)\s+(?:of|among|in)\s+(?:the\s+|our\s+)?(?:personnel|servicemen|troops)\b
    )
"""

HEDGED_ZERO = regex.compile(
    r"no\s+(?:immediate|initial|early|information|word|details|confirmed\s+reports)"
    r"|information\s+(?:on|about)\s+(?:casualties|victims)\s+is\s+being|being\s+clarified"
    r"|not\s+(?:yet\s+)?(?:known|clear|immediately)",
    regex.I,
)

# "of those killed", "of those freed": a set named by what happened to it
THOSE_DONE = r"(?:\s+(?:killed|injured|wounded|hurt|freed|released|returned|detained|captured))?"

# "Of these, 12 were missiles", "the remaining 146 were Shahed-type drones": the noun is the predicate.
PREDICATE = rf"""
    (?P<count>{COUNT})(?:\s+of\s+(?:them|these|those{THOSE_DONE}|the\s+(?:[\p{{L}}'’\-]+\s+){{0,2}}?[\p{{L}}\-]+))?
    \s+(?:were|was|are)\s+(?:all\s+)?
    (?P<mods>(?:(?:{MOD_TOKEN})\s+){{0,3}}?)(?P<head>{HEAD})
"""

COMPILED = {
    name: regex.compile(pattern, FLAGS)
    for name, pattern in {
        "predicate": PREDICATE,
        "noun_phrase": NOUN_PHRASE,
        "noun_phrase_loose": NOUN_PHRASE_LOOSE,
        "x_of_y": X_OF_Y,
        "partitive": PARTITIVE,
        "casualty_phrase": CASUALTY_PHRASE,
        "toll": TOLL,
        "brought_to": BROUGHT_TO,
        "among": AMONG,
        "of_whom": OF_WHOM,
        "zero": ZERO,
        "head": HEAD,
    }.items()
}
COUNT_RE = regex.compile(COUNT, FLAGS)
SIDE_WORD_RE = regex.compile(
    rf"(?<![\p{{L}}])(?:{_SIDE_WORD})(?![\p{{L}}])(?!-(?:made|designed|built|produced|supplied|developed|type))",
    regex.I,
)
MODEL_RE = regex.compile(MODEL, regex.I)


@functools.lru_cache(maxsize=8192)
def classify_head(head: str) -> tuple[str, str, str | None] | None:
    """(subject, grammatical number, weapon) of a head noun, or None."""
    text = fre.sub(r"\s+", " ", head.strip().strip("\"“”'‘’").lower())
    if text in _ELLIPTICAL:  # the class alone, its noun elided ("10 ballistic")
        return _ELLIPTICAL[text], "inv", None
    for pattern, subject, number in _NOUN_RES:
        if pattern.match(text):
            return subject, number, None
    model = classify_model(text.rstrip("s") if not _model_match(text) else text)
    if model is None:
        models = models_in(text)
        model = models[0] if models else None
    if model is not None:
        weapon, subject = model
        return subject, "inv", weapon
    return None


def _model_match(text: str) -> bool:
    return any(p.match(text) for p, _, _ in _MODEL_RES)


@functools.lru_cache(maxsize=8192)
def classify_model(text: str) -> tuple[str, str] | None:
    """(weapon, subject) of a weapon model name such as 'Kh-101/Kh-555'."""
    text = fre.sub(r"\s+", " ", text.strip().lower())
    for pattern, weapon, subject in _MODEL_RES:
        if pattern.match(text):
            return weapon, subject
    return None


def models_in(text: str) -> list[tuple[str, str]]:
    """Every weapon model named in a stretch of text, in order."""
    found = []
    for match in MODEL_RE.finditer(text):
        model = classify_model(match.group())
        if model is None:
            first = fre.split(r"\s*(?:/|or|and)\s*", match.group())[0]
            model = classify_model(first)
        if model is None and match.group().endswith("s"):
            model = classify_model(match.group()[:-1])  # "described as Kh-59s"
        if model is not None:
            found.append(model)
    return found


@functools.lru_cache(maxsize=8192)
def classify_casualty(head: str) -> tuple[str, str | None] | None:
    """(measure, subject) of a casualty noun such as 'deaths'."""
    text = head.strip().lower()
    for pattern, measure, subject in _CASUALTY_RES:
        if pattern.match(text):
            return measure, subject
    return None
