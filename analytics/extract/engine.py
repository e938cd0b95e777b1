"""The extraction engine: sentences in, figures out, in small named steps.

1. `_find_mentions` finds counted things in a sentence with the rules of
   `rules.py` (noun phrases, "X of Y", casualty nouns, tolls, bare counts).
2. `_assign_measures` gives each a measure: a verb after it ("were shot down"),
   a verb before it ("shot down ..."), shared by a coordinated list; bare
   counts borrow their subject from the figure they elaborate.
3. `_resolve` adds side, reporter, location, event date and the cumulative
   flag from the sentence and from what the entry said before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
from dataclasses import dataclass, field

import regex

from analytics.extract import fastre as fre
from analytics.extract import lexicon, tables
from analytics.extract import patterns as P
from analytics.extract.dates import DateMention, find_dates, read_event_date
from analytics.extract.numbers import Quantity, parse_count
from analytics.extract.text import Sentence, split_sentences
from analytics.model import Figure

lex = lexicon.current()

WEAPON_SUBJECTS = frozenset(
    {"drone", "missile", "cruise_missile", "ballistic_missile", "guided_missile",
     "guided_bomb", "aerial_target", "aircraft"}
)  # fmt: skip
PEOPLE_SUBJECTS = frozenset({"person", "civilian", "child", "soldier"})
MISSILE_CLASSES = frozenset({"cruise_missile", "ballistic_missile", "guided_missile"})
MISSILE_SUBJECTS = MISSILE_CLASSES | {"missile"}
WEAPON_MEASURES = frozenset({"launched", "downed", "lost", "left_airspace", "hit"})
PEOPLE_MEASURES = frozenset({"killed", "injured", "casualties", "captured", "deployed"})
HARM_MEASURES = frozenset({"killed", "injured", "casualties"})  # what befalls people in an attack

_I = regex.I  # V0: simple case folding, much faster than V1's full folding

_PREFILTER = fre.Lowered(
    r"\d|\b(?:"
    + "|".join(lex.NUMBER_WORDS)
    + "|"
    + "|".join(lex.SCALE_WORDS)
    + r"|dozens|hundreds|thousands|tens|no|none|nobody|without|single|neither)\b"
)
# "26 dead, among them three children, and 93 hurt": the part closes with its comma
_ASIDE_BEFORE = regex.compile(r"(?:among\s+them|including|of\s+whom|of\s+them)\s+$", _I)
_AND_WITH = regex.compile(r"(?:,\s*|\s+)(?:and|as\s+well\s+as|plus)\s+(?:also\s+)?with\s*$", _I)
# A losses list's daily addition after an item: "3,540 tanks (+8)"
_DAILY_ADDITION = r"(?:\s*\(\s*\+\s*[\d,]+\s*\))?"
_LISTED_ITEMS = regex.compile(
    r"(?:,\s*|\s+and\s+|^\s*)\d[\d,]*\s+(?:[\p{L}\-]+\s+){0,8}[\p{L}\-]+"
    + _DAILY_ADDITION
    + r"(?=\s*(?:,|\band\b))",
    _I,
)
_LIST_GAP = regex.compile(
    rf"{P.STANDALONE_DIGIT}|[;:.()]|\b(?:but|while|whereas|said|says|after|before|when|which|that|who)\b",
    _I,
)


def _carries_list(gap: str) -> bool:
    """A stretch with no verb or clause break, only other listed items: the list goes on.

    "shot down a Su-25 of the Ukrainian Air Force, 4 JDAM bombs, 9 HIMARS shells and 87
    drones": the items the lexicon does not count ("9 HIMARS shells") do not end it.
    """
    items = _LISTED_ITEMS.sub(" ", gap)
    return (
        len(gap) <= 120
        and _LIST_GAP.search(items) is None
        and P.ACTIVE_RE.search(gap) is None
        and P.PASSIVE_RE.search(gap) is None
        and fre.search(r"(?:,|\band)\s*(?:along\s+with|as\s+well\s+as|plus|and)?\s*$", gap, regex.I)
        is not None
    )


# A model written after its noun, as translated posts do: "UAVs Shahed-136/131", "missiles «Kalibr»"
_MODEL_AFTER = r"\s+[«\"“]?(?-i:\p{Lu})[\p{L}\-/]*\d[\p{L}\d\-/]*[»\"”]?|\s+«[^«»]{2,20}»"
_MODEL_AFTER_HEAD = regex.compile(_MODEL_AFTER, regex.I)
_LIST_JOIN = regex.compile(
    r"^(?:\s*\([^()]{1,200}\))?"  # "94 missiles of various types (Kh-101, Kalibr) and 193 drones"
    rf"(?:{_MODEL_AFTER})?"  # "6 attack UAVs Shahed-136/131 and 3 reconnaissance UAVs"
    # "18 ballistic missiles of the Iskander-M and S-300 types, and one Zircon"
    r"(?:\s+of\s+(?:the\s+)?[\p{L}\d\-/ ]{1,40}?\s+(?:types?|modifications?|kinds?))?"
    r"(?:\s+(?:made|produced|built|designed|manufactured)\s+in\s+[\p{L}\-]+"
    # "six Kinzhals launched from MiG-31K jets, nine Kalibrs ...": where they came from
    r"|(?:\s+(?:launched|fired))?\s+(?:from|over|off|at)\s+(?:the\s+)?(?:[\p{L}\-]+\s+){0,2}?(?-i:\p{Lu})[\p{L}\d\-]+"
    r"(?:\s+(?:Sea|region|Oblast|Krai|jets|aircraft|bombers|ships|warships))?"
    r"|\s+(?:overnight|last\s+night))?"
    r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+|plus\s+|along\s+with\s+|together\s+with\s+)?"
    r"|\s+(?:and|as\s+well\s+as|plus|or|along\s+with|together\s+with)\s+|\s*\+\s*|\s*&\s*)"
    r"(?:all\s+|another\s+|a\s+further\s+)?$",
    _I,
)
_GAP_BREAK = regex.compile(
    r"[;:()\[\]]|\d(?!\d*(?:st|nd|rd|th)\b)|(?<![\p{L}])(?:and|or|but|that|which|who|whom|while|whereas|after|before|when|"
    r"said|says|including|of\s+which|of\s+whom|if|because|although|as|according)(?![\p{L}])"
    r"(?<!(?:after|before)(?=\s+(?:dawn|daybreak|sunrise|midnight|noon)\b))",  # "before dawn": a time
    _I,
)
_ACTIVE_GAP_BREAK = regex.compile(
    r"[;:.()\[\]]|,\s+and\b|including|among\s+(?:them|those)|of\s+(?:them|which|whom)|(?<![\p{L}])(?:while|whereas|but|which|who|that|after|before|when|because)(?![\p{L}])",
    _I,
)
_INCLUDING_BEFORE = regex.compile(
    # not past "as well as": "launched 71 cruise missiles, of which ... destroyed 61, as well as
    # seven Shahed-136 drones" adds the drones, it does not count them among the missiles
    r"(?:including|among\s+them|of\s+them|of\s+which|of\s+whom)"
    r"(?:(?!\bas\s+well\s+as\b|\balong\s+with\b|\btogether\s+with\b)[^.;:])*$",
    regex.I,
)
_INCLUDING = regex.compile(
    r"(?:including|among\s+them|of\s+them|of\s+which|of\s+whom|in\s+particular|incl\.|"
    r"among\s+those)\s*$",
    _I,
)
_BARE_FOLLOW = regex.compile(
    r"^\s*(?P<anaphor>(?:others?|more|each|apiece|in\s+total|of\s+(?:which|whom|them|those|these)"
    r"|of\s+the\s+(?:wounded|injured|dead|victims|casualties|hospitalised|hospitalized))\s*)?"
    r"(?P<rest>.*)$",
    _I | regex.S,
)
# Where a part of a total was: "over the Kursk region", "(that were) flying towards Moscow"
_PLACE_PREPOSITION = (
    r"(?:(?:that\s+were\s+|which\s+were\s+)?(?:flying|heading|headed)\s+(?:for|towards?|to|over|in)"
    r"|over|in|above|near|across|off|around|on|towards?|toward|to)"
)
_LOCATIVE = regex.compile(
    rf"^\s*(?:[–—-]\s*)?(?:(?:each|apiece)\s+)?{_PLACE_PREPOSITION}\s+(?:the\s+)?"
    r"(?:(?:territory|territories|waters|skies|airspace|area|areas|zone)\s+(?:of\s+responsibility\s+)?"
    r"(?:of|over)\s+(?:the\s+)?)?"
    r"(?:(?:southern|northern|eastern|western|central|north-eastern|north-western|south-eastern"
    r"|south-western|northeastern|northwestern|southeastern|southwestern|border|frontline)\s+)?"
    r"(?P<place>[‘'\"]?\p{Lu}[\p{L}’'\-.]*(?:\s+(?:\p{Lu}[\p{L}’'\-]*|of|and|the))*"
    r"|(?<=\bthe\s+)(?:capital|city|region|district|town|village)\b)",  # "22 of them in the capital"
    0,
)
_PAREN_PLACE_BEFORE = regex.compile(
    r"(?-i:\p{Lu})[\p{L}’'\-]+(?:\s+(?:region|oblast|krai|republic|Region|Oblast|Krai|Republic|Sea))?\s*\(\s*$"
)
_PERIOD_PART = regex.compile(
    r"\s*(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?:day|24\s+hours)\b", _I
)
_LOCATIVE_HINT = regex.compile(
    r"\s*(?:[–—-]\s*)?(?:others?\s+|more\s+|(?:each|apiece)\s*(?:[–—-]\s*)?|of\s+(?:which|whom|them|those|these)\s+)?"
    rf"(?:(?:each|apiece)\s+)?{_PLACE_PREPOSITION}\b",
    _I,
)
_DASH_LEAD = regex.compile(
    r"areas?\s+of\s+responsibility|by\s+region|regions?:|broken\s+down|breakdown|as\s+follows", _I
)
_NOT_BEFORE_BARE = regex.compile(
    r"(?:\b(?:no|any|every|some|each|the|this|no-|at|from|by|per|aged|age|day|number|no\.|one\s+of|"
    r"page|route|highway|brigade|unit|division|regiment|battalion|corps|army|group|the\s+first|"
    r"until|till|about\s+the)\s*|[$€£#№]\s*|(?<!^\W*)-\s*|\p{L})$",  # not a list line's "- 36 shot down"
    _I,
)
_UNIT_AFTER = regex.compile(rf"^\s*(?:-\s*)?(?:{lex.NON_COUNT_UNITS})(?![\p{{L}}])", _I)
_ORDINAL_AFTER = regex.compile(r"^(?:st|nd|rd|th)\b|^[.,]\d|^\s*(?:/|:)\d", _I)
# "were recorded" says little: a verb before the count ("hits by 14 missiles") wins.
_WEAK_PASSIVE = regex.compile(
    r"\b(?:tracked|detected|recorded|registered|spotted)\b|^(?:that\s+|which\s+)?(?:russia|moscow|the\s+enemy|ukraine|kyiv)\b"
    r"|^(?:launched|fired)$"  # a bare participle: "took out 31 of 39 drones launched overnight"
    r"|\b(?:aimed|directed)\s+at\b",  # "37 of the 40 missiles that were aimed at Kyiv were shot down"
    _I,
)
# "..., as well as six drones, all of which were downed": the clause is about the added item.
_ADDED_ITEM = regex.compile(r"as\s+well\s+as|along\s+with|together\s+with|plus", _I)
_ALL_OF_WHICH = regex.compile(
    r"[^.;:,\d]{0,50}?(?:[,;]|\s[–—-])\s*(?:and\s+)?(?:all|both|each)\s+of\s+(?:which|them|these|those)\s+"
    # "all of which the air force said were downed": the attribution between
    r"(?:(?:the\s+)?(?:[\p{L}'’]+\s+){1,3}?(?:said|says|reported|claimed|added)\s+)?",
    _I,
)
# A person and their age between commas: "the driver, 54, died", "One man, 41, was killed".
_PERSON_NOUNS = (
    r"man|woman|driver|pensioner|resident|passenger|victim|boy|girl|teenager|mother|father|son"
    r"|daughter|wife|husband|soldier|officer|worker|farmer|volunteer|medic|journalist|civilian"
    r"|person|grandmother|grandfather|guard|firefighter|rescuer|policeman|employee"
)
_AGE_APPOSITION = regex.compile(rf"\b(?:{_PERSON_NOUNS})\s*,\s*$", _I)
_AGE_OF = regex.compile(rf"\b(?:{_PERSON_NOUNS})\s+of\s+$", _I)
_RATE_AFTER = regex.compile(
    r"\s+(?:[\p{L}\-]+\s+){0,2}?(?:for\s+every|for\s+each|per)\s+(?:\d+\s+)?(?:square\s+)?"
    r"(?:kilomet|km|mile|metre|meter|day|hour|week|month|year|minute|soldier|person|capita|head|\d)",
    _I,
)
_EXTREME_AGE = regex.compile(
    r"\b(?:oldest|youngest|eldest)\b(?:\s+(?:of|among)\s+[^.;,\d]{0,50}?)?\s*"
    r"(?:\b(?:is|was|were|are|at|turned|turns|being)\s+(?:just\s+|only\s+|aged\s+)?)?$"
    # "the oldest man released was 61 and the youngest 19"
    r"|\b(?:oldest|youngest|eldest)\b[^.;,\d]{0,30}?\b(?:was|is|were|aged)\s+$",
    _I,
)
_FRACTION_AFTER = regex.compile(r"[\s\-]*(?:thirds?|quarters?|fifths?|tenths?|halves)\b", _I)
# A comma aside inside a clause: no count in it (clock times and ages aside), no new clause
_ASIDE_TOKEN = (
    r"(?:[^,;:.()\d]|\d{1,2}:\d{2}|\d{1,3}-(?:year|month|week|day)-old"
    r"|(?<=\baged\s)\d{1,3}(?:\s+(?:and|to)\s+\d{1,3})?)"
)
_ASIDE = (
    r"(?!(?:and|or|but|while|whereas|which|who|that)\b)"
    rf"(?:aged\s+\d{{1,3}}(?:\s*(?:,|and|to|-)\s*\d{{1,3}})*|{_ASIDE_TOKEN}{{3,90}}?"
    r"|(?:including|among\s+them|among\s+whom|(?:\p{L}+|\d[\d,]*)\s+of\s+(?:whom|them))\b[^,;:.]{0,60}?)"
)
_PARENTHETICAL = regex.compile(
    # "3 people, as a result of the night strike on a high-rise building, were injured";
    # "7 people, after the enemy attacked the centre at around 12:00, were injured"
    rf"\s*(?:,\s*{_ASIDE}\s*){{1,2}},(?=\s*(?:were|was|have|had|are|received|sustained|suffered)\b)|"
    # "5 people - the driver and four passengers - were hospitalised"
    # "41 of the missiles — all of them Kh-101s — were intercepted": a model's digits may stand
    r"\s+[–—-]\s+(?:[^–—;:()\d]|\d{1,3}-(?:year|month)-old|(?<=[\p{L}\-])\d+){2,60}?\s+[–—-]"
    r"(?=\s*(?:were|was|have|had|are|received|sustained|suffered|died)\b)|"
    rf"(?<=\b(?:{_PERSON_NOUNS}))\s*,\s*\d{{1,3}}\s*,(?=\s*(?:was|is|had|has|died)\b)|"
    r"\s+aged\s+\d{1,3}(?:\s*(?:,|and|to|-)\s*\d{1,3})*(?=\s+(?:were|was|have|had|are|died)\b)|"
    # "three children - aged 8, 12 and 17 - died"
    r"\s+[–—-]\s+aged\s+\d{1,3}(?:\s*(?:,|and|to)\s*\d{1,3})*\s+[–—-](?=\s*(?:were|was|have|had|are|died)\b)|"
    r"\s*(?:,\s*aged\s+\d{1,3}(?:\s*(?:,|and|to|-)\s*\d{1,3})*\s*,"
    # "Two people, a 43-year-old man and a 67-year-old woman, were found dead"
    r"|,\s*(?:an?\s+[^,;:.()]{2,40}?(?:\s+and\s+an?\s+[^,;:.()]{2,40}?)?|[^,;:.()\d]{2,40}?)\s*,(?=\s*(?:were|was|have|had|are)\b)"
    r"|,\s*(?:including|among\s+them|among\s+whom|mostly|most\s+of\s+them|many\s+of\s+them"
    r"|all\s+of\s+them|both|(?:\p{L}+|\d[\d,]*)\s+of\s+(?:whom|them))\b[^,;:.]{0,60},|\s*\([^()]{0,60}\)"
    r"|\s+including\s+[^,;:.]{0,40}?(?=\s+(?:were|was|have|had|are)\b))",
    _I,
)
# "1,200 a day" is a rate; "600,000 a year ago" is not
_NOT_AGO = r"(?!\s+(?:ago|earlier|before|later)\b)"
_RATE = regex.compile(rf"^\s+(?:a|per|each|every)\s+(?:day|night|week|month|year)\b{_NOT_AGO}", _I)
_SOLDIER_CONTEXT = regex.compile(
    r"\b(?:losses|troops|soldiers|servicemen|personnel|army|frontline|front\s+line|battlefield"
    r"|combat|military\s+casualties|in\s+action|contingent|units|forces)\b",
    _I,
)
_NATION_SUFFERED = regex.compile(
    r"\b(?:russia|ukraine|moscow|kyiv|kiev)\s+(?:has\s+|had\s+|have\s+)?(?:already\s+)?(?:suffered|sustained)\b",
    _I,
)
_CIVILIAN_CONTEXT = regex.compile(r"\b(?:civilians?|residents?|children)\b", _I)
_SIDE = rf"(?:{'|'.join(sorted((regex.escape(w) for w in lex.SIDE_WORDS), key=len, reverse=True))})"
_AGENT = regex.compile(
    rf"(?<![\p{{L}}])(?P<side>{_SIDE})(?:\s+(?:forces|troops|army|military|occupiers|invaders|"
    rf"aviation|bombers|also|has|had|have|then|again|reportedly))*\s+"
    rf"(?:launched|fired|attacked|used|sent|struck|hit|targeted|unleashed|pounded|shelled|bombarded|carried\s+out|conducted|"
    rf"dropped|deployed|launches|fires|attacks|uses|hits|targets|massed|amassed|stationed|concentrated)"
    rf"|(?:launched|fired|sent|dropped|used)\s+by\s+(?:the\s+)?(?P<side2>{_SIDE})"
    rf"|(?P<side4>{_SIDE})-(?:launched|fired|made)"
    rf"|(?P<side3>{_SIDE})\s+(?:attack|strike|assault|barrage|raid|bombardment|offensive)"
    rf"|(?:armed\s+forces|forces|troops|army|military)\s+of\s+(?P<side5>{_SIDE})\s+(?:have\s+|has\s+|had\s+)?(?:launched|fired|attacked|used|sent|struck|hit|targeted)"
    rf"|\b(?P<enemy>enemy|occupiers|invaders|adversary)\s+(?:has\s+|had\s+|also\s+)?(?:launched|fired|attacked|used|sent|struck|hit|targeted|unleashed|dropped)",
    _I,
)
_DEFENDER = regex.compile(
    # not "a Su-25 aircraft of the Ukrainian Air Force": that air force owns the plane
    rf"(?<![\p{{L}}])(?<!\bof\s+(?:the\s+)?)(?P<side>{_SIDE})(?:\s+(?!(?:said|says|claimed|claiming|reported|reporting|and|that|as|while|had|has|have|of|in|on)\b)[\p{{L}}\-]+){{0,2}}?\s+(?:air\s*defen[cs]es?|defen[cs]es|anti-aircraft|"
    rf"air\s*force|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|military|forces|units|"
    rf"defenders|troops|army|mobile\s+fire\s+groups|electronic\s+warfare)",
    _I,
)
_DEFENDER_VERB = regex.compile(
    rf"(?<![\p{{L}}])(?P<side>{_SIDE})\s+(?:says\s+it\s+|said\s+it\s+|claims\s+to\s+|has\s+|had\s+)?"
    rf"(?:repelled|repels|shot\s+down|shoots\s+down|shoot\s+down|downed|downs|destroyed|destroys|intercepted|intercepts)",
    _I,
)
_ATTACKER_OF_PEOPLE = regex.compile(
    # "Russia's war" names an attacker; "the Russia-Ukraine war", "Ukraine war live" name the war
    rf"(?<![\p{{L}}\-])(?P<side>{_SIDE})(?!(?<![’']s)\s+war\b)(?:\s+(?!(?:said|says|claimed|claiming|reported|reporting|and|that|as|while|had|has|have|of|in|on)\b)[\p{{L}}\-]+){{0,2}}?\s+(?:attacks?|strikes?|airstrikes?|"
    rf"air\s+strikes?|shelling|bombardment|missiles?|drones?|barrage|assault|raids?|bombs?|fire|aggression|invasion|war)",
    _I,
)
_VICTIM = regex.compile(
    rf"(?:war|aggression|attacks?|invasion|strikes?|terror)\s+(?:against|on)\s+(?P<side>{_SIDE})(?![\p{{L}}])",
    _I,
)
_SUFFERER = regex.compile(
    rf"(?<![\p{{L}}])(?P<side>{_SIDE})(?:\s+(?!(?:said|says|claimed|claiming|reported|reporting|and|that|as|while|had|has|have|of|in|on)\b)[\p{{L}}\-]+){{0,2}}?\s+(?:has\s+|had\s+|have\s+)?"
    rf"(?:suffered|lost|sustained)",
    _I,
)
_CAPTIVITY = regex.compile(rf"\bfrom\s+(?P<side>{_SIDE})\s+captivity\b", _I)
# "losses of the AFU", "Russia's losses", "Russian combat losses": whose they are
_LOSSES_OF = regex.compile(
    rf"\blosses\s+of\s+(?:the\s+)?(?P<side>{_SIDE})(?![\p{{L}}])"
    rf"|(?<![\p{{L}}])(?P<side>{_SIDE})(?:'s|’s)?\s+(?:(?:total|overall|combat|personnel)\s+)*losses\b"
    # "Russia has probably suffered around 355,000 casualties"
    rf"|(?<![\p{{L}}])(?P<side>{_SIDE})\s+(?:has\s+|have\s+|had\s+)?(?:(?:probably|reportedly|likely"
    r"|already|now|so\s+far)\s+)*(?:suffered|sustained|incurred)\b",
    _I,
)
_ENEMY_SUFFERER = regex.compile(
    r"\b(?:the\s+)?(?:enemy|occupiers|adversary|invaders)(?:'s?)?\s+(?:has\s+|had\s+|have\s+)?"
    r"(?:suffered|lost|sustained|losses)\b",
    _I,
)
_RUSSIAN_PLACE = fre.Lowered(lex.RUSSIAN_PLACES, letter_edges=True)
_OCCUPIED_PLACE = fre.Lowered(lex.OCCUPIED_PLACES, letter_edges=True)
_UKRAINIAN_PLACE = fre.Lowered(lex.UKRAINIAN_PLACES, letter_edges=True)
_TARGETED_RUSSIAN_PLACE = regex.compile(
    rf"\b(?:attacked|targeted|struck|hit|on|over)\s+(?:the\s+)?"
    rf"(?:(?:border\s+)?(?:districts|areas|territories|villages|towns)\s+of\s+(?:the\s+)?)?"
    rf"(?:{lex.RUSSIAN_PLACES})\b",
    _I,
)
_OTHER_COUNTRIES = tuple(
    (regex.compile(rf"\b(?:{pattern})\b", _I), side)
    for pattern, side in (("poland|polish", "poland"), ("moldova|moldovan", "moldova"),
                          ("romania|romanian", "romania"), ("belarus", "belarus"))
)  # fmt: skip
_SIDE_REGION = regex.compile(
    rf"(?<![\p{{L}}])(?P<side>{_SIDE})\s+(?:(?!(?:of|shelling|strikes?|attacks?|forces|troops|army|drones?|missiles?)\b)[\p{{L}}\-]+\s+){{0,2}}?"
    rf"(?:region|oblast|city|territory|capital|border)",
    _I,
)
_REPORTER_RES = [
    (regex.compile(rf"(?<![\p{{L}}])(?:{P._spaced(p)})(?![\p{{L}}])", _I), name, side)
    for p, name, side in lex.REPORTERS
]
# Cheap gate before the reporter patterns: every reporter pattern holds one of these words.
_REPORTER_HINT = fre.Lowered(
    r"air\s*force|general\s+staff|ministry|mod\b|defen[cs]e|president|zelensk|governor|gov\.|"
    r"administration|mayor|police|emergenc|rescuers|\bun\b|united\s+nations|ohchr|hrmmu|officials|"
    r"authorities|military|army|armed\s+forces|commander|command|ihnat|oleshchuk|yermak|"
    r"\b(?:gladkov|gusev|bocharov|malkov|khinshtein|bogomaz|syniehubov|kalashnyk|prokudin|saldo|lysak|"
    r"fedorov|kiper|starukh|kravchenko|reznichenko|popko|tkachenko|sobyanin|klitschko|terekhov|filatov|"
    r"sienkevych|vilkul|nebytov|zaluzhn|syrskyi|ses|kremlin|peskov|zakharova)\b"
)
_PRONOUN_SAYING = regex.compile(
    r"\b(?:it|he|she|they|the\s+(?:statement|report|post|ministry|agency|force))\s+"
    r"(?:also\s+)?(?:said|says|added|reported|wrote|noted|stated)\b",
    _I,
)
_CUMULATIVE = regex.compile(rf"(?:{P._spaced(lex.CUMULATIVE_CUES)})", _I)
# "the largest raid since the invasion began" compares; it does not total.
_SUPERLATIVE_BEFORE = regex.compile(
    r"\b(?:largest|biggest|heaviest|highest|most|record|first|worst|deadliest|longest|fewest"
    r"|lowest|greatest|massive|strongest)\b(?:\s+[\p{L}\-]+){0,8}\s*$",
    _I,
)
_RELATIVE_CLAUSE = regex.compile(
    r",\s*(?:(?:many|some|most|all|several|none|one)\s+of\s+)?(?:whom|which|who|whose)\b[^,;]*", _I
)
# A total over a period rather than one day: "over the past week", "in October".
_PERIOD = regex.compile(
    r"\b(?:over|during|in|throughout|for)\s+(?:the\s+)?(?:past|last|previous|first|whole|entire)\s+"
    r"(?:\p{L}+\s+)?(?:week|weeks|month|months|year|years|days|nights)\b"
    r"|\b(?:this|that)\s+(?:week|month|year)\b(?!\s+(?:alone\s+)?(?:on|at)\b)"
    r"|^\s*(?:last|this\s+past)\s+(?:week|month|year)\b"
    r"|\bin\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?:\s+(?:19|20)\d{2})?\b(?!\s+\d)"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+alone\b"
    r"|\bover\s+the\s+(?:\p{L}+\s+)?(?:twelve|12|six|three)\s+months\b|\bin\s+(?:19|20)\d{2}\b"
    # "Over the week, 41 servicemen surrendered", a digest headed "Week in numbers (Oct 12–18):"
    r"|\b(?:over|during|throughout)\s+the\s+(?:week|fortnight|month)\b"
    r"|^\W*(?:the\s+)?(?:week|month|year)\s+in\s+numbers\b",
    _I,
)
_ANAPHORIC_START = regex.compile(
    r"^(?:among\s+(?:the|them|those)|of\s+(?:them|those|these)|including|this\s+includes|they\s+include)",
    _I,
)
_LOCATION = regex.compile(
    r"(?:over|in|above|near|across|on|off)\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|"
    r"central|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|"
    r"southeastern|southwestern|occupied|partially\s+occupied|frontline|border|russian|ukrainian|"
    r"russia's|ukraine's)\s+)*"
    r"(?P<place>(?:\p{Lu}[\p{L}’'\-]+)(?:\s+\p{Lu}[\p{L}’'\-]+)?)"
    r"(?:\s+(?P<kind>region|oblast|province|krai|peninsula|district|Region|Oblast|Province|Krai))?",
    0,
)
_NOT_PLACES = frozenset(
    {"ukraine", "russia", "belarus", "the", "a", "telegram", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "kyiv's", "russia's", "ukraine's", "europe",
     "air", "total", "addition", "particular", "response", "general", "march", "may", "june",
     "july", "april", "august", "september", "october", "november", "december", "january",
     "february", "its", "his", "her", "their", "moscow's", "russian", "ukrainian", "black",
     "different", "several", "various", "an", "overnight"}
)  # fmt: skip


@dataclass
class Mention:
    """A counted thing in a sentence, before its measure is known."""

    start: int  # span of the phrase within the sentence
    end: int
    count_start: int
    count_end: int
    quantity: Quantity
    subject: str | None
    rule: str
    weapon: str | None = None
    side_hint: str | None = None
    measure: str | None = None
    intrinsic: str | None = None  # measure carried by the phrase itself ("18 injured people")
    anaphor: bool = False
    partner: Mention | None = None  # the Y of an "X of Y"
    is_y: bool = False
    mods: str = ""
    cumulative: bool | None = None  # set by rules that know (a running losses list)
    extra_measure: str | None = None  # a second measure for the same count ("all of which ...")
    extra_rule: str = "all_of_which"
    # the day of the earlier sentence's figure a bare count refers to ("73 of them")
    antecedent_date: dt.date | None = None


@dataclass
class EntryContext:
    """What the entry has said so far: the memory that resolves ellipsis and dates."""

    anchor: dt.date | None
    last_date: dt.date | None = None
    last_date_assumed: bool = True
    last_date_reporter: str | None = None
    reporter: str | None = None
    reporter_paragraph: int = -1
    weapon_side: str | None = None
    people_sides: dict[bool, str] = field(default_factory=dict)  # soldiers or not -> the last side
    place_side: str | None = None  # whose places the last sentence naming any was about
    unread_places: list[str] = field(default_factory=list)  # sentences since, not yet read
    lead_measure: str | None = None
    lead_subject: str | None = None  # what a colon lead counted: "shot down 48 UAVs:"
    lead_side: str | None = None
    figures: list[Figure] = field(default_factory=list)
    cumulative_paragraph: int = -1
    perspective: str | None = None  # the side the whole entry speaks for, when it shows
    entry_place_side: str | None = None  # whose places the entry mostly names
    losses_list: bool = False  # the entry introduces a running losses list
    table: tables.TableHeader | None = None  # the header of the table being read
    table_civilians: bool = False  # the line above the table said its people are civilians
    table_subject: tuple[str, str | None] | None = None  # the one thing the line above named
    table_rows: frozenset[str] = frozenset()  # the subjects of the table's rows read so far
    table_side: str | None = None  # whose weapons the line above the table said they were
    attack_date: dt.date | None = None  # the day of the strike an earlier sentence described
    strike_day: dt.date | None = None  # the strike a toll named as "Monday's strike" counts
    attack_paragraph: int = -1  # where that sentence stands: its weapons' figures share the day
    previous_figures: list[Figure] = field(default_factory=list)  # the last sentence's figures
    previous_text: str = ""  # the last sentence itself
    captured_side: str | None = None  # whose prisoners the entry last counted
    in_period: bool = False  # the entry is on a month or week ("In July, ..."), not one day


def extract_figures(
    text: str,
    published_at: dt.datetime | None,
    *,
    doc_id: str = "",
    entry_id: str = "",
) -> list[Figure]:
    """Every figure in one entry's text, with spans into that text."""
    anchor = published_at.date() if isinstance(published_at, dt.datetime) else published_at
    if anchor is not None and not 1900 <= anchor.year <= 2200:
        anchor = None  # an impossible publication date tells nothing about event dates
    context = EntryContext(
        anchor=anchor,
        perspective=_perspective(text),
        entry_place_side=_entry_place_side(text),
        losses_list=bool(_LOSS_LEAD.search(text)),
    )
    figures: list[Figure] = []
    for sentence in split_sentences(text):
        found = _sentence_figures(sentence, context)
        if _QUESTION_END.search(sentence.text):
            found = []  # "Has Russia really shot down 'dozens' of F-16s?": asked, not claimed
        figures.extend(found)
        context.figures.extend(found)
    figures = _share_dates(
        _share_sides(_targets_of_drones(_refine_missile_class(figures, text), text))
    )
    return [
        _finish(f, doc_id=doc_id, entry_id=entry_id, published_at=published_at) for f in figures
    ]


_PERSPECTIVES = [(regex.compile(p, _I), side) for p, side in lex.PERSPECTIVE_CUES]
_QUESTION_END = regex.compile(r"\?[\"'”’)\]]*\s*$")


def _perspective(text: str) -> str | None:
    """The side an entry speaks for, from words only one side uses ('Kyiv regime')."""
    sides = {
        side
        for pattern, side in _PERSPECTIVES
        if pattern.search(text)  # most texts have no cue at all: one quick scan each
        and any(
            not _DISTANCED.search(text, max(0, match.start() - 12), match.start())
            for match in pattern.finditer(text)
        )
    }
    return sides.pop() if len(sides) == 1 else None


# Putin's "special military operation" in quotes, a so-called one: another side's words, cited
_DISTANCED = regex.compile(
    r"(?:[\"“‘'«]|\bso-called\s+(?:the\s+)?|\bwhat\s+\p{L}+\s+calls?\s+(?:its\s+|the\s+)?)$", _I
)


# Where weapons came from, not where they flew: "from the area of the Kursk and Bryansk regions"
_FROM_PLACE = regex.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:area|areas|direction|directions|territory)\s+of\s+(?:the\s+)?)?"
    r"(?:[\p{L}\-’']+(?:\s+(?:region|regions|oblast))?(?:\s*,\s*|\s+and\s+))*$",
    _I,
)
# An air force post names where each weapon came from in brackets after it
_LAUNCH_AREAS = regex.compile(
    r"(?<=\b(?:missiles?|drones?|UAVs?|Shaheds?|decoys|imitators|aviation|bombers|aircraft|ships?)\s*)"
    r"\([^()]{3,160}\)",
    _I,
)
_ORIGIN_CLAUSE = regex.compile(
    r"\b(?:launched|launching|fired|took\s+off|flying\s+in|came|coming)\s+from\s+"
    r"[^.;:]{0,100}?(?=[.;:]|$|,\s+(?-i:\p{Ll})|\s+(?:were|was|are|is|have|has|had)\b)",
    _I,
)


def _place_counts(text: str) -> tuple[int, int]:
    """(Russian, Ukrainian) places a text names where things happened, not where they came from."""
    text = _ORIGIN_CLAUSE.sub(" ", text)  # "launched from the Kursk region": where they came from
    # "13 Iskander-M missiles (Kursk, Voronezh regions)": launch areas too
    text = _LAUNCH_AREAS.sub(" ", text)
    russian = sum(
        1
        for m in _RUSSIAN_PLACE.finditer(text)
        if not _FROM_PLACE.search(text, max(0, m.start() - 60), m.start())
    )
    ukrainian = len([m for m in _UKRAINIAN_PLACE.findall(text) if m.lower() != "ukraine"])
    return russian, ukrainian


def _entry_place_side(text: str) -> str | None:
    """Whose places the entry names most: a fallback for people and weapons with no other clue."""
    russian, ukrainian = _place_counts(text)
    if russian > ukrainian:
        return "russia"
    if ukrainian > russian:
        return "ukraine"
    return None


def _finish(figure: Figure, **ids) -> Figure:
    return dataclasses.replace(figure, **ids)


# --- step 1: mentions ---------------------------------------------------------


def _at(pattern: regex.Pattern, text: str, starts: list[int]):
    """Matches of a pattern anchored at the given positions: far cheaper than scanning."""
    end = -1
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            end = match.end()
            yield match


# "It was one of 38 missiles ...", "this is one of the 12 drones": a copula names which one
_IDENTITY_BEFORE = regex.compile(
    r"\b(?:it|this|that|which|who|he|she)\s+(?:was|is|became|becomes|had\s+been|has\s+been)\s+"
    r"(?:just\s+|only\s+|reportedly\s+|probably\s+|likely\s+)?$",
    _I,
)


_SOLDIERS_IN_FRAME = regex.compile(
    r"\b(?:soldiers|troops|servicemen|fighters|military|combat|battlefield)\b", _I
)


def _toll_subject(frame: str, before: str = "") -> str:
    """Whom a toll counts: 'the number of soldiers killed' soldiers, 'civilian toll' civilians."""
    if (
        frame.lower().startswith("civilian")
        or fre.search(r"\bcivilians\b", frame, regex.I)
        or fre.search(r"\bcivilian\s+$", before, regex.I)  # "the civilian death toll"
    ):
        return "civilian"
    return "soldier" if _SOLDIERS_IN_FRAME.search(frame) else "person"


def _find_mentions(
    text: str, masked: list[tuple[int, int]], losses_list: bool = False
) -> list[Mention]:
    taken: list[tuple[int, int]] = list(masked)
    mentions: list[Mention] = []
    counts = list(P.COUNT_RE.finditer(text))
    starts = [m.start() for m in counts]
    lowered = text.lower()

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    negations = _NEGATION_HINT.search(lowered) is not None
    for match in _NONE_OF.finditer(text) if negations else ():
        head = P.classify_head(match["head"])
        if head is None or not free(match.start(), match.end()):
            continue
        subject, _, weapon = head
        weapon, subject = _model_override(match["mods"], weapon, subject)
        zero = Mention(match.start(), match.end(), match.start(), match.start("none_end"), Quantity(0),
                       subject, "none_of", weapon, _side_hint(match["mods"]))  # fmt: skip
        if match["y"] and parse_count(match["y"]):
            total = Mention(match.start("y"), match.end(), match.start("y"), match.end("y"),
                            parse_count(match["y"]), subject, "x_of_y", weapon, zero.side_hint, is_y=True)  # fmt: skip
            zero.partner = total
            mentions.append(total)
        mentions.append(zero)
        taken.append((match.start(), match.end()))
    for match in _ALL_NOT.finditer(text) if negations else ():
        # "Both ballistic missiles were not intercepted": none of them was downed
        head = P.classify_head(match["head"])
        if head is None or not free(match.start(), match.end()):
            continue
        mentions.append(Mention(match.start(), match.end(), match.start(), match.start("head"), Quantity(0),
                                head[0], "none_of", head[2], _side_hint(match["mods"]),
                                intrinsic="downed"))  # fmt: skip
        taken.append((match.start(), match.end()))
    for match in _NONE.finditer(text) if negations else ():
        if free(match.start(), match.end()):
            head = P.classify_head(match["head"]) if match["head"] else None
            zero = Mention(match.start(), match.end(), match.start(), match.end(), Quantity(0),
                           None, "bare", anaphor=True)  # fmt: skip
            if head is not None:
                zero.subject, zero.weapon, zero.rule = head[0], head[2], "none_of"
                zero.anaphor, zero.side_hint = False, _side_hint(match["mods"] or "")
            mentions.append(zero)
            taken.append((match.start(), match.end()))
    for match in _at(P.COMPILED["x_of_y"], text, starts):
        x_q, y_q = parse_count(match["x"]), parse_count(match["y"])
        head = P.classify_head(match["head"])
        if not (x_q and y_q and head) or not free(match.start("x"), match.end("y")):
            continue
        if (
            fre.search(r"\b(?:every|each)\s*$", text[: match.start("x")], regex.I)
            and x_q.value == 1
        ):
            x_q = y_q  # "every one of the 18 missiles" is all 18
        elif (
            fre.search(r"\b(?:not|none|no)\s*$", text[: match.start("x")], regex.I)
            and x_q.value == 1
        ):
            x_q = Quantity(0)  # "not one of the six Kinzhals was stopped"
        if x_q.value > y_q.value and y_q.qualifier == "exact":
            continue
        subject, _, weapon = head
        weapon, subject = _model_override(match["mods"], weapon, subject)
        side = _side_hint(match["mods"])
        y = Mention(match.start("y"), match.end(), match.start("y"), match.end("y"), y_q, subject,
                    "x_of_y", weapon, side, is_y=True, mods=match["mods"])  # fmt: skip
        if x_q.value == 1 and _IDENTITY_BEFORE.search(text, 0, match.start("x")):
            # "It was one of 38 missiles Russia launched": which one, not how many; the 38 count
            y.is_y = False
            mentions.append(y)
            taken.append((match.start(), match.end()))
            continue
        x = Mention(match.start("x"), match.end(), match.start("x"), match.end("x"), x_q, subject,
                    "x_of_y", weapon, side, partner=y, mods=match["mods"])  # fmt: skip
        mentions += [x, y]
        taken.append((match.start(), match.end()))

    for name in ("among", "of_whom", "toll", "brought_to"):
        if name == "of_whom":
            found = _at(P.COMPILED[name], text, starts)
        elif _FRAME_HINTS[name].search(lowered):
            found = P.COMPILED[name].finditer(text)
        else:
            continue
        for match in found:
            if not free(match.start("count"), match.end("count")):
                continue
            quantity = parse_count(match["count"])
            if quantity is None or _is_excluded_count(
                text, match.start("count"), match.end("count")
            ):
                continue  # "losses amounted to close to 90% of the force": a share, not a count
            if name == "toll" and _OWN_CASUALTY_NOUN.match(text, match.end("count")):
                continue  # "estimated Russia's losses at about 350,000 dead": the noun says which
            if name == "brought_to" and match["head"]:
                mention = _brought_to_mention(match, text, quantity)
                if mention is None:
                    continue
            elif name in ("toll", "brought_to"):
                measure = next(
                    k[5:] for k, v in match.groupdict().items() if k.startswith("toll_") and v
                )
                subject = (
                    "soldier" if measure == "deployed"
                    else _toll_subject(match["frame"], text[max(0, match.start("frame") - 12) : match.start("frame")])
                )  # fmt: skip
                if (
                    subject == "person"
                    and (
                        measure == "casualties"
                        # "put the Russian dead at about 120,000": a nation's dead, in an estimate
                        or match["frame"].lower() in ("dead", "deaths", "fatalities")
                    )
                    # the same bound as _army_casualties, read before the figure is made so
                    # that the toll's parts ("including 600 dead") take it too
                    and quantity.value >= _ARMY_CASUALTIES_FROM
                    and not _CIVILIAN_CONTEXT.search(text)
                ):
                    subject = "soldier"  # "its estimate of total casualties had risen to 4,700": an army's
                mention = Mention(match.start(), match.end(), match.start("count"), match.end("count"),
                                  quantity, subject,
                                  "toll_frame", measure=measure, intrinsic=measure,
                                  side_hint=_side_hint(match["frame"])
                                  or _side_hint(match.groupdict().get("bring") or "")  # "put Russia's military deaths at"
                                  or _owner_before(text, match.start()))  # fmt: skip
            else:
                head = P.classify_head(match["head"])
                if head is None:
                    continue
                frame = match.groupdict().get("frame")
                measure = _frame_measure(frame) if frame else None
                mention = Mention(match.start(), match.end(), match.start("count"), match.end("count"),
                                  quantity, head[0], "among_frame" if name == "among" else "of_whom",
                                  side_hint=_side_hint(match.groupdict().get("mods") or ""),
                                  measure=measure, intrinsic=measure)  # fmt: skip
            mentions.append(mention)
            taken.append((match.start("count"), match.end("count")))

    for match in _at(_HIT_NOUN, text, starts):  # "3 UAV strikes", "five missile hits"
        head = P.classify_head(match["kind"])
        quantity = parse_count(match["count"])
        if head is None or quantity is None or not free(match.start("count"), match.end("count")):
            continue
        if _ATTACKS_COUNTED_BEFORE.search(text, 0, match.start()):
            continue  # "carried out 412 attacks ..., including 273 drone strikes": attacks, not hits
        mentions.append(Mention(match.start(), match.end(), match.start("count"), match.end("count"),
                                quantity, head[0], "hit_noun", head[2], measure="hit", intrinsic="hit"))  # fmt: skip
        taken.append((match.start(), match.end()))

    lead = _PREDICATE_LEAD.match(text)
    for match in _at(P.COMPILED["partitive"], text, starts):
        if lead is not None and P.COMPILED["predicate"].match(text, match.start()):
            continue  # "Four of the missiles were Kinzhals": the predicate says what the four were
        counted = _counted_head(match)
        if counted is None or not free(match.start("count"), match.end("count")):
            continue
        if _is_excluded_count(text, match.start("count"), match.end("count"), noun_follows=True):
            continue  # "one in six of its residents was killed": a share
        quantity, subject, weapon = counted
        kind = _CLASS_AFTER.match(text, match.end()) if subject == "missile" else None
        if kind is not None:  # "45 missiles were launched, 32 of the missiles ballistic"
            subject = P.classify_head(f"{kind['kind']} missiles")[0]
        # "the Russian side received 55 of its servicemen": a swap's own people coming back
        received = subject in PEOPLE_SUBJECTS and _RECEIVED_OWN.search(text, 0, match.end())
        mentions.append(Mention(match.start(), match.end(), match.start("count"), match.end("count"),
                                quantity, subject, "partitive", weapon, _side_hint(match["mods"]),
                                mods=match["mods"], intrinsic="captured" if received else None))  # fmt: skip
        taken.append((match.start(), match.end()))

    for match in _at(P.COMPILED["predicate"], text, starts) if lead is not None else ():
        counted = _counted_head(match)
        if counted is None or not free(match.start("count"), match.end("count")):
            continue
        quantity, subject, weapon = counted
        mentions.append(Mention(match.start(), match.end(), match.start("count"), match.end("count"),
                                quantity, subject, "predicate_noun", weapon,
                                _side_hint(match["mods"]) or _side_hint(lead.group()),  # "Of the Ukrainians freed,"
                                mods=match["mods"]))  # fmt: skip
        taken.append((match.start(), match.end()))

    for pattern in (P.COMPILED["noun_phrase"], P.COMPILED["noun_phrase_loose"]):
        for match in _at(pattern, text, starts):
            if not free(match.start("count"), match.end("count")):
                continue
            mention = _noun_phrase_mention(
                match, text, loose=pattern is P.COMPILED["noun_phrase_loose"]
            )
            if mention is not None:
                mentions.append(mention)
                taken.append((match.start("count"), match.end("count")))

    for match in _at(P.COMPILED["casualty_phrase"], text, starts):
        if not free(match.start("count"), match.end("count")):
            continue
        quantity = parse_count(match["count"])
        casualty = P.classify_casualty(match["head"])
        if (
            quantity is None
            or casualty is None
            or _is_excluded_count(text, match.start("count"), match.end("count"))
        ):
            continue
        measure, subject = casualty
        if match["head"].lower() == "lives" and not _LIVES_TAKEN_BEFORE.search(
            text, max(0, match.start() - 30), match.start()
        ):
            continue  # "rescuers saved 12 lives", "lives of 300 children": only lives taken
        mods = match["mods"].lower()
        among = _AMONG_GROUP.match(text, match.end())  # "zero casualties among civilians"
        if among is not None:
            mods = f"{mods} {among['group'].lower()}"
        if "civilian" in mods or "resident" in mods:
            subject = "civilian"
        elif (
            "military" in mods
            or "combat" in mods
            or (among is not None and among["group"].lower().startswith(("serv", "sold", "troop")))
        ):
            subject = "soldier"
        elif among is not None and among["group"].lower().startswith("child"):
            subject = "child"
        elif not mods and (shared := _SHARED_NOUN_BEFORE.search(text, 0, match.start())):
            # "18 children were killed and 89 injured": the 89 are children too
            subject = (P.classify_head(shared["noun"]) or (subject,))[0]
        mentions.append(Mention(match.start(), match.end(), match.start("count"), match.end("count"),
                                quantity, subject, "casualty_noun", side_hint=_side_hint(mods),
                                measure=measure, intrinsic=measure,
                                anaphor=subject is None))  # fmt: skip
        taken.append((match.start("count"), match.end("count")))

    hits_hint = "hit" in lowered or "impact" in lowered or "strikes" in lowered
    for match in _HITS_AT.finditer(text) if hits_hint else ():
        quantity = parse_count(match["count"])
        if quantity is not None and free(match.start("count"), match.end("count")):
            kind = fre.sub(r"\s+", " ", (match["kind"] or "").lower())
            named = {"drone": "drone", "uav": "drone", "missile": "missile"}.get(
                kind, "aerial_target" if kind else None
            )  # "Drone hits were recorded at 27 locations": the hits say whose
            mentions.append(Mention(match.start(), match.end(), match.start("count"), match.end("count"),
                                    quantity, named, "hits_at_locations", measure="hit", intrinsic="hit",
                                    anaphor=True))  # fmt: skip
            taken.append((match.start("count"), match.end("count")))
    if losses_list or _LOSS_LEAD.search(lowered):
        for match in _LOSS_ITEM.finditer(text):
            if not free(match.start("count"), match.end("count")):
                continue
            quantity = parse_count(match["count"].lstrip("≈ "))
            if quantity is not None and match["count"].startswith("≈"):
                quantity = dataclasses.replace(quantity, qualifier="approx")
            item = next(
                (k for k, v in match.groupdict().items() if k.startswith("item_") and v), None
            )
            if quantity is None or item is None:
                continue
            subject, measure = _LOSS_ITEMS[int(item[5:])]
            if measure == "casualties" and _LIQUIDATED_AFTER.match(text, match.end()):
                measure = "killed"  # "personnel – about 33600 (+150) persons were liquidated"
            mentions.append(Mention(match.start(), match.end(), match.start("count"), match.end("count"),
                                    quantity, subject, "losses_table", measure=measure,
                                    intrinsic=measure, cumulative=True, side_hint="enemy"))  # fmt: skip
            added = parse_count(match["added"]) if match["added"] else None
            if added is not None and added.value > 0:
                mentions.append(Mention(match.start("added"), match.end("added"), match.start("added"),
                                        match.end("added"), added, subject, "losses_table",
                                        measure=measure, intrinsic=measure, side_hint="enemy"))  # fmt: skip
            taken.append((match.start(), match.end()))
    for match in (
        _INCLUDING_ONE.finditer(text) if "includ" in lowered or "one of" in lowered else ()
    ):
        if free(match.start("one"), match.end()):
            subject = _ONE_PERSON_SUBJECTS[
                next(k for k, v in match.groupdict().items() if k.startswith("part_") and v)
            ]
            mentions.append(Mention(match.start("one"), match.end(), match.start("one"), match.end("one"),
                                    Quantity(1), subject, "including_one"))  # fmt: skip
            taken.append((match.start("one"), match.end()))
    for match in counts:
        if not free(match.start(), match.end()):
            continue
        quantity = parse_count(match.group())
        if quantity is None or _is_excluded_count(text, match.start(), match.end()):
            continue
        if fre.match(r"\s*(?:an?|the)\b", match.group(), regex.I):
            continue
        mentions.append(Mention(match.start(), match.end(), match.start(), match.end(), quantity,
                                None, "bare", anaphor=True))  # fmt: skip
    for mention in mentions:
        mixed = (
            _MIXED_CLASSES.match(text, mention.end) if mention.subject in MISSILE_CLASSES else None
        )
        if mixed is not None and mention.rule == "noun_phrase":
            mention.subject, mention.end = (
                "missile",
                mixed.end(),
            )  # "48 cruise and ballistic missiles"
    mentions = [m for m in mentions if not _RATE.match(text[m.end :])]
    mentions.sort(key=lambda m: (m.count_start, m.is_y))
    return mentions


def _counted_head(match: regex.Match) -> tuple[Quantity, str, str | None] | None:
    """(count, subject, weapon) of a count and its head noun, the model deciding the class."""
    quantity = parse_count(match["count"])
    head = P.classify_head(match["head"])
    if not (quantity and head):
        return None
    subject, _, weapon = head
    weapon, subject = _model_override(match["mods"], weapon, subject)
    return quantity, subject, weapon


_RECEIVED_OWN = regex.compile(
    rf"\breceived\s+(?:{P.COUNT})\s+of\s+(?:its|their|our)\s+[^,;.]*$", P.FLAGS
)
_ONE_PERSON_PARTS = "|".join(f"(?P<part_{i}>{p})" for i, (p, _) in enumerate(lex.ONE_PERSON_PARTS))
_INCLUDING_ONE = regex.compile(
    # "killed four people, including a child"; "three were killed, one of them a two-month-old baby"
    r"(?:\bincluding\s+(?P<one>an?)|\b(?P<one>one)\s+of\s+(?:them|whom)\s+(?:was\s+|is\s+)?an?)\s+"
    r"(?:\d{1,2}-(?:year|month|week|day)-old\s+|(?:\p{L}+-(?:year|month|week|day)-old\s+))?(?:"
    + _ONE_PERSON_PARTS
    + r")(?![\p{L}\-'’])(?=\s*(?:[,.;:)]|$|\s+(?:aged|who|whose|were|was|is|are|died|killed|injured)\b))",
    _I,
)
_ONE_PERSON_SUBJECTS = {f"part_{i}": subject for i, (_, subject) in enumerate(lex.ONE_PERSON_PARTS)}
# A word after a bare count that is not a preposition, conjunction or time word is a
# noun the count counts ("shipped 200 long-range artillery pieces"): not people.
_NOUN_AFTER_BARE = regex.compile(
    r"\s+(?!(?:over|on|in|at|across|during|since|after|before|and|or|but|when|while|as|more|others?"
    r"|overnight|yesterday|today|this|last|by|from|near|around|throughout|including|among|of|out|so"
    r"|people|persons|were|was|are|have|had|has|according|officials?|police|the)\b)\p{L}",
    _I,
)
_MIXED_CLASSES = regex.compile(
    r"\s+(?:and|or|and/or)\s+(?:cruise|ballistic|guided)\s+missiles?\b", _I
)
_OWN_CASUALTY_NOUN = regex.compile(r"\s+(?:dead|killed|wounded|injured)\b", _I)
_HIT_NOUN = regex.compile(
    rf"(?P<count>{P.COUNT})\s+(?P<kind>UAVs?|drones?|Shaheds?|KABs?|guided\s+bombs?|glide\s+bombs?)"
    r"\s+(?:strikes|hits|impacts)\b",
    P.FLAGS,
)
# "412 attacks ..., including 14 airstrikes and 273 drone strikes": strikes counted as attacks
_ATTACKS_COUNTED_BEFORE = regex.compile(
    rf"(?:{P.COUNT})\s+(?:[\p{{L}}\-]+\s+)?(?:attacks|shellings|strikes|airstrikes)\b", P.FLAGS
)
_AMONG_GROUP = regex.compile(
    r"\s+among\s+(?:the\s+)?(?:local\s+)?(?P<group>civilians|residents|children|servicemen|soldiers|troops)\b",
    _I,
)
_LOSS_ITEMS = [(subject, measure) for _, subject, measure in lex.LOSS_TABLE_ITEMS]
_LOSS_LEAD = regex.compile(lex.LOSS_TABLE_LEAD, _I)
_LOSS_ITEM_LABEL = regex.compile(
    r"(?<![\p{L}])(?:"
    + "|".join(P._spaced(p) for p, _, _ in lex.LOSS_TABLE_ITEMS)
    + r")(?![\p{L}])",
    _I,
)
_LOSS_ITEM = regex.compile(
    r"(?<![\p{L}])(?:"
    + "|".join(f"(?P<item_{i}>{P._spaced(p)})" for i, (p, _, _) in enumerate(lex.LOSS_TABLE_ITEMS))
    # "personnel – about 33600", "personnel ≈ 1,269,850": plain digits are read whole
    + r")\s*(?:[—–‒−:-]|(?=≈))\s*(?P<count>(?:about\s+|approximately\s+|around\s+|≈\s*)?"
    r"(?:\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+)(?!\d))"
    r"(?:\s*\(\s*\+\s*(?P<added>(?:\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+)(?!\d))\s*\))?",  # "(+1,230)": the day's own
    _I,
)
_LIQUIDATED_AFTER = regex.compile(
    r"\s*(?:persons|people|soldiers|servicemen)?\s*(?:were\s+|have\s+been\s+)?(?:liquidated|killed)\b",
    _I,
)
# The spec: "hits were recorded at 12 locations" counts hits, subject of the weapon.
_HITS_AT = regex.compile(
    rf"(?:\b(?P<kind>drone\s+and\s+missile|missile\s+and\s+drone|drone|uav|missile)\s+)?"
    rf"\b(?:hits?|impacts?|strikes)\s+(?:(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:recorded|registered|reported|confirmed)\s+)?"
    rf"(?:at|in|on)\s+(?P<count>{P.COUNT})\s+(?:locations|sites|places|spots|points)\b",  # "Impacts at 27 locations"
    P.FLAGS,
)
_NEGATION_HINT = regex.compile(r"\b(?:none|neither|not|no)\b")
_FRAME_HINTS = {
    "toll": regex.compile(
        r"toll|number of|number killed|number dead|losses|casualty count"
        r"|number (?:sent|deployed|dispatched|stationed|already|now|currently)"
        r"|(?:russian|ukrainian|korean|total) casualties|(?:russian|ukrainian|korean) (?:dead|deaths|fatalities)"
        r"|(?:military|combat|battlefield) (?:deaths|dead|fatalities|casualties)"
    ),
    "brought_to": regex.compile(
        r"(?:ing|brought|rought|ings|raised|took|pushed|put|puts) to \S+ the "
    ),
    "among": regex.compile(r"\bamong\b"),
}
# An attack named, then what it was made of set off by dashes, a parenthesis or commas
_ATTACK_BEFORE_APPOSITION = regex.compile(
    r"\b(?:attack|barrage|strike|raid|assault|salvo|wave|bombardment)s?"
    r"(?:\s+(?:of|on|against|in|by)\s+[^—–(),;:.\d]{1,40})?\s*(?:[—–(]|,)\s*$",
    _I,
)
_APPOSITION_CLOSES = regex.compile(
    r"\s*(?:[—–)]|,\s+(?:was|were|is|hit|struck|targeted|killed|caused|came|marked|left|damaged)\b)",
    _I,
)
_ALL_BUT_BEFORE = regex.compile(r"\ball\s+but\s+$", _I)
_ONE_IN_AFTER = regex.compile(
    r"\s+in\s+(?:every\s+)?(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred)\b"
    r"(?!\s*(?:,\s*)?(?:the\s+)?(?:region|district|city|oblast|village|town)s?\b)",
    _I,
)
_BY_REGION_LEAD = regex.compile(
    r"\W*(?:(?:broken\s+down\s+)?by\s+(?:regions?|oblasts?|areas?)|(?:the\s+)?breakdown(?:\s+by\s+regions?)?"
    r"|regions?|(?:in\s+)?detail)\s*:\s*",
    _I,
)
_SINCE_BEFORE = regex.compile(r"\bsince\b[^.;,]*$", _I)
_ITEMS_JOINED = regex.compile(r",|\band\b|\bas\s+well\s+as\b|\bplus\b", _I)
# A counted noun right before a verb form: "90 drones launched", "12 Shahed drones shot down"
_COUNTED_NOUN_BEFORE = regex.compile(
    rf"(?:(?:{P.COUNT})\s+(?:out\s+)?of\s+(?:the\s+)?)?"  # "70 of 90 drones launched"
    rf"(?:{P.COUNT})\s+(?:(?:{P.MOD_TOKEN})\s+){{0,4}}?(?:{P.HEAD})\s+$",
    P.FLAGS,
)
_NEGATED_BEFORE = regex.compile(
    r"(?:\b(?:not|never|no\s+longer|failed\s+to|unable\s+to|(?:could|did|does|do|was|were)n't)"
    r"(?:\s+(?:manage|able|try|trying|attempt)\s+to)?|n't)\s+$",
    _I,
)
_INTENT_BEFORE = regex.compile(
    r"\b(?:aims?|aiming|aimed|plans?|planning|planned|intends?|intending|intended|wants?|wanted"
    r"|hopes?|hoped|seeks?|sought|capable\s+of|could|would|might|may)"
    r"\s+(?:to\s+)?(?:be\s+(?:able|ready)\s+to\s+)?$",
    _I,
)
# "a raid of a hundred drones would have been considered heavy": a what-if, not a count
_HYPOTHETICAL_AFTER = regex.compile(r"\s+(?:would|could|might)\s+(?:have\s+)?(?:been|be)\b", _I)
_NEGATED = regex.compile(r"(?:\b(?:not|never|no\s+longer)|n't)\s*$", _I)  # right before the verb
_ALL_NOT = regex.compile(
    rf"\bboth\s+(?:of\s+the\s+)?(?P<mods>(?:(?:{P.MOD_TOKEN})\s+){{0,3}}?)(?P<head>{P.HEAD})"
    r"(?=\s+(?:were|was|have\s+been|had\s+been)\s+not\s+(?:intercepted|shot\s+down|destroyed|downed)(?![^.;]*\bbut\b))",
    P.FLAGS,
)
_NONE_OF = regex.compile(
    rf"\b(?:none|not\s+one|not\s+a\s+single\s+one)(?P<none_end>)\s+of\s+(?:the|its|these|those|all)\s+"
    rf"(?:(?P<y>{P.COUNT})\s+)?(?P<mods>(?:(?:{P.MOD_TOKEN})\s+){{0,3}}?)(?P<head>{P.HEAD})",
    P.FLAGS,
)
_NONE = regex.compile(
    rf"\b(?:none|neither|not\s+a\s+single|not\s+one)"
    rf"(?:\s+(?P<mods>(?:(?:{P.MOD_TOKEN})\s+){{0,3}}?)(?P<head>{P.HEAD}))?"
    rf"(?=\s+(?:was|were|could\s+be|has\s+been|have\s+been|had\s+been|reached|hit|struck|got\s+through|made\s+it)\b)",
    P.FLAGS,
)


_PARTICLE_OVER = regex.compile(r"over\s+", _I)
_OWNER_AFTER = regex.compile(
    r"\s+of\s+the\s+(?:(?P<side>ukrainian|russian)\s+(?:air\s+force|aerospace\s+forces|armed\s+forces|army|navy)"
    r"|armed\s+forces\s+of\s+(?P<side>ukraine|russia)|(?P<side>afu))\b",
    _I,
)
_PHRASAL_BEFORE = regex.compile(r"\b(?:hand(?:ed|s|ing)?|turn(?:ed|s|ing)?)\s+$", _I)


def _noun_phrase_mention(match: regex.Match, text: str, loose: bool = False) -> Mention | None:
    count, count_start = match["count"], match.start("count")
    particle = _PARTICLE_OVER.match(count)
    if particle and _PHRASAL_BEFORE.search(text, 0, count_start):
        # "handed over 22 wounded soldiers": the verb's particle, not "more than"
        count, count_start = count[particle.end() :], count_start + particle.end()
    quantity = parse_count(count)
    head = P.classify_head(match["head"])
    if quantity is None or head is None:
        return None
    if _is_excluded_count(text, match.start("count"), match.end("count"), noun_follows=True):
        return None
    subject, number, weapon = head
    count_text = match["count"].strip().lower()
    if loose and number != "pl":
        return None
    if match.groupdict().get("of") and not fre.search(
        r"(?:dozens|hundreds|thousands|tens|dozen|hundred|thousand)$", count_text
    ):
        return None
    if number == "sg" and quantity.value != 1:
        return None
    if number == "pl" and quantity.value == 1 and quantity.qualifier == "exact":
        return None
    if count_text in ("one", "1") and fre.match(
        r"\s+(?:of\s+(?:the\s+|these\s+|those\s+)?(?:\d|them\b|(?:two|three|four|five|six|seven|eight"
        r"|nine|ten|dozens?|hundreds?)\b)|another)",
        text[match.end() : match.end() + 24],
        regex.I,
    ):
        return None  # "one drone of the 20", not "1 MiG-29 aircraft of the Ukrainian Air Force"
    mods = match["mods"]
    # "3 ground-based missiles S-400/Iskander-M", "9 cruise missiles «Kalibr»": the model after
    after = _MODEL_AFTER_HEAD.match(text, match.end())
    weapon, subject = _model_override(
        mods + " " + (match.groupdict().get("post") or "") + (after.group() if after else ""),
        weapon,
        subject,
        match["head"],
    )
    intrinsic = None
    low_mods = mods.lower()
    if subject in PEOPLE_SUBJECTS:
        if fre.search(r"\b(?:dead|killed)\s+(?:and|or)\s+(?:injured|wounded)\b", low_mods):
            intrinsic = "casualties"  # "315,000 dead and wounded troops"
        elif fre.search(r"\b(?:injured|wounded)\b", low_mods):
            intrinsic = "injured"
        elif fre.search(r"\bdead\b", low_mods):
            intrinsic = "killed"
    if fre.search(r"\b(?:more|other|additional|further|remaining)\b", low_mods) and subject is None:
        return None
    owner = _OWNER_AFTER.match(text, match.end())  # "1 MiG-29 aircraft of the Ukrainian Air Force"
    return Mention(max(match.start(), count_start), match.end(), count_start, match.end("count"), quantity,
                   subject, "noun_phrase", weapon,
                   _side_hint(mods) or _side_hint(match["head"]) or (_side_hint(owner["side"]) if owner else None),
                   intrinsic=intrinsic,
                   measure=None, mods=mods)  # fmt: skip


_POPULATION_BEFORE = regex.compile(
    r"\b(?:(?:city|town|village|settlement|community|country|region|oblast|district)\s+of"
    r"|population\s+(?:of|is|was|stood\s+at)|home\s+to|inhabited\s+by|populated\s+by)\s+"
    r"(?:about|around|some|nearly|roughly|almost|more\s+than|over|fewer\s+than|under|just\s+over"
    r"|just\s+under|close\s+to|approximately)?\s*$",
    _I,
)


_BOTH_AND = regex.compile(
    r"\s+(?:killed|dead|wounded|injured|hurt|military|civilians?|soldiers|sides|countries)\s+and\b",
    _I,
)
# "39 and 52 years old", "39 or 40 km": the unit after the last number is every number's
_SHARED_UNIT_AFTER = regex.compile(
    r"\s*(?:,|and|or|to)\s+\d[\d,.]*\s*(?:years?\s+old|year-olds?|km|kilomet(?:er|re)s|%|per\s*cent)",
    _I,
)


# A clause about a typical night or a threshold, not about one night: its counts tell no event
_TYPICAL_CLAUSE = regex.compile(
    r"\b(?:on\s+an?\s+(?:average|typical|normal|ordinary)\s+(?:night|day)|on\s+average|an\s+average\s+of"
    r"|average[sd]?\s+(?:of\s+)?(?:about\s+|around\s+|some\s+)?$"
    r"|on\s+(?:\d+|\p{L}+)\s+(?:of\s+(?:the|its|this|that)\s+(?:month's|year's|week's)\s+(?:\d+|\p{L}+)\s+)?"
    r"(?:nights|days|occasions)\b)",
    _I,
)


def _clause_start(text: str, position: int, limit: int) -> int:
    """Where the clause holding `position` begins, at most `limit` characters back."""
    floor = max(0, position - limit)
    breaks = list(_CLAUSE_BREAK.finditer(text, floor, position))
    return breaks[-1].end() if breaks else floor


_CLAUSE_BREAK = regex.compile(r"[.;:]\s|,\s+(?:and|but|while|whereas)\s|\s(?:but|whereas)\s", _I)


_DIFFERENCE_AFTER = regex.compile(r"\s+(?:higher|lower|greater|fewer|less)\s+than\b", _I)
_WEATHER = regex.compile(r"\b(?:weather|temperatures?|degrees|celsius|frosts?|forecast)\b|°", _I)
_DENIED_MEANING = regex.compile(
    r"\b(?:none\s+of\s+(?:that|this|it|which)|(?:does|did|do)(?:\s+not|n't)|not|never)\s+"
    r"(?:necessarily\s+)?mean[st]?\s+(?:that\s+)?(?:all\s+|the\s+)?$",
    _I,
)


def _is_excluded_count(text: str, start: int, end: int, noun_follows: bool = False) -> bool:
    """Years, ordinals, money, measurements and model numbers are not counts."""
    before = text[max(0, start - 25) : start]
    after = text[end : end + 30]
    if _RATE_AFTER.match(text, end):
        return True  # "five casualties for every square kilometre": a rate
    if text[start:end].lower() == "both" and _BOTH_AND.match(text, end):
        return True  # "counts both killed and wounded": a pair of words, not two people
    if _SHARED_UNIT_AFTER.match(text, end):
        return True  # "two men were injured, aged 39 and 52 years old": ages
    if fre.search(
        r"[$€£₴#№]\s*$|\b(?:no\.|number|(?<!\b(?:the|that|this|past|same|one)\s+)day|page|route|brigade)\s*$",
        before,
        regex.I,
    ):
        return True  # "Day 2", "route 7"; not "over the day 2 civilians were killed"
    if fre.search(r"\baged\s+(?:\d{1,3}\s*(?:,|and|to|-)\s*)*$", before, regex.I):
        return True  # "three children aged 8, 12 and 17"
    if fre.search(r"\bno\s*$", before, regex.I) and text[start:end].strip().lower() == "one":
        return True  # "no one injured" is a zero, read as such elsewhere
    if _AGE_OF.search(before):
        return True  # "a woman of 62"
    if _ONE_IN_AFTER.match(text, end):
        return True  # "about one in six of the dead": a ratio
    if _DIFFERENCE_AFTER.match(text, end):
        return True  # "one higher than the 51 reported late on Thursday": a difference
    if _DENIED_MEANING.search(text, max(0, start - 50), start):
        return True  # "None of that means 67 drones hit something": what did not happen
    if fre.search(r"\b(?:minus|plus)\s*$", before, regex.I) and _WEATHER.search(text):
        return True  # "the weather: minus fourteen in Kyiv tonight": degrees
    if _EXTREME_AGE.search(text, max(0, start - 80), start):
        return True  # "the oldest of those freed is 63 and the youngest 21"
    if fre.search(r"\b(?:one|two|three|four|five|\d{1,2})\s*,\s*$", before, regex.I) and fre.search(
        r"\sor\s", text[start:end] + after[:12], regex.I
    ):
        return True  # "destroyed one, two or three more drones": each of several updates, no count
    if _TYPICAL_CLAUSE.search(text, _clause_start(text, start, 70), start):
        return True  # "On an average night it sent 181 drones", "on 22 nights it sent over 100"
    if _POPULATION_BEFORE.search(text, max(0, start - 40), start):
        return True  # "Belgorod, a city of about 340,000 people": who lives there, not who was hit
    if fre.search(r"\b(?:swapped|exchanged|traded)\s+for\s*$", before, regex.I):
        return True  # "307 servicemen were swapped for 307": the other side's, said already
    if _FRACTION_AFTER.match(after):
        return True  # "about two-thirds", "three quarters of them"
    if _AGE_APPOSITION.search(before) and fre.match(r"\s*,", after):
        return True  # "the driver, 54, died"
    if fre.search(
        r"\b(?:\d+|one|two|three|four|five|nine)\s+(?:in|out\s+of)\s*$", before, regex.I
    ) and (not fre.search(r"\b(?:of|than)\s+\S+\s+(?:in|out\s+of)\s*$", before, regex.I)):
        return True  # "3 in 4 missiles": a ratio, not a count
    if _ORDINAL_AFTER.match(after) or after.startswith(
        ("%", "-year", " year-old", "-month", "-day")
    ):
        return True
    if not noun_follows and _UNIT_AFTER.match(after):
        return True
    if (
        fre.match(
            rf"^(?:\s+[\p{{L}}\-]+){{0,3}}?\s+(?:a|per|each)\s+(?:day|night|week|month)\b{_NOT_AGO}",
            after,
            regex.I,
        )
        and not noun_follows
    ):
        return True
    number = text[start:end]
    digits = fre.sub(r"\D", "", number)
    if fre.fullmatch(r"(?:19|20)\d{2}", number.strip()) and not noun_follows:
        return True
    return bool(
        len(digits) == 4
        and fre.fullmatch(r"\d{4}", number.strip())
        and fre.match(r"(?:19[5-9]\d|20[0-4]\d)$", digits)
        and not noun_follows
    )


def _model_override(
    mods: str, weapon: str | None, subject: str, head: str = ""
) -> tuple[str | None, str]:
    """A named model decides the missile class: 'two cruise Kh-59 missiles' are guided."""
    models = P.models_in(mods)
    if not models:
        return weapon, subject
    model_weapon, model_subject = models[0]
    if (
        model_weapon == "tochka-u"
        and fre.search(r"\btactical\b", mods, regex.I)
        and not fre.search(r"\bballistic\b", f"{mods} {head}", regex.I)
    ):
        return model_weapon, "missile"  # "two Tochka-U tactical missiles": the text's own class
    if subject in ("missile", "cruise_missile", "ballistic_missile", "guided_missile"):
        if model_subject == "missile" and subject == "guided_missile":
            return (
                model_weapon,
                "missile",
            )  # "S-300 anti-aircraft guided missiles" are not air-launched
        classes = {s for _, s in models if s in MISSILE_CLASSES}
        if (
            model_subject == "missile"
            and len(classes) == 1
            and subject == "missile"
            and fre.search(r"[\p{L}\d\-]/[\p{L}\d\-]", mods)
        ):
            # "S-400/Iskander-M": the air force's name for one ballistic threat
            return model_weapon, classes.pop()
        if model_subject == "missile":
            return model_weapon, subject
        if model_subject in MISSILE_CLASSES:
            distinct = {s for _, s in models}
            if len(distinct) == 1:
                return model_weapon, model_subject
            return model_weapon, subject
    if subject == "drone" and model_subject == "drone":
        return model_weapon, subject
    if model_subject == "aircraft" and (
        subject == "aircraft" or fre.fullmatch(r"fighters?|interceptors?", head.strip(), regex.I)
    ):
        return model_weapon, "aircraft"  # "two MiG-29 fighters" are planes; "MiG-29 pilots" are not
    if subject == model_subject:
        return model_weapon, subject
    return weapon or model_weapon, subject


def _side_of_word(word: str) -> str | None:
    """The side a side word names: "Russian", "north  Korean", "the AFU's"."""
    return lex.SIDE_WORDS.get(fre.sub(r"\s+", " ", word.lower()))


def _side_hint(mods: str) -> str | None:
    for match in P.SIDE_WORD_RE.finditer(mods or ""):
        return _side_of_word(match.group())
    if fre.search(r"\b(?:enemy|hostile|occupiers)\b", mods or "", regex.I):
        return "enemy"
    return None


def _frame_measure(frame: str) -> str | None:
    frame = frame.lower()
    if frame in ("dead", "killed", "victims"):
        return "killed"
    if frame in ("injured", "wounded"):
        return "injured"
    if frame == "casualties":
        return "casualties"
    return None


# --- step 2: measures ---------------------------------------------------------


def _passive_after(text: str, end: int, limit: int = 70) -> tuple[str, int] | None:
    """A verb of a measure right after a phrase: '37 drones were shot down'."""
    aside = _PARENTHETICAL.match(text, end)
    if aside:  # "Nine people, including a child, were killed"
        end = aside.end()
    window = text[end : end + limit]
    for match in P.PASSIVE_RE.finditer(window):
        gap = window[: match.start()]
        if _NEGATED.search(gap):
            continue  # "five missiles were not intercepted" says nothing was downed
        relative = (
            fre.fullmatch(r"\s*(?:who|that|which)\s+", gap, regex.I)
            or (
                # "22 servicemen who need urgent care were transferred": the clause's own verb is skipped
                fre.fullmatch(r"\s*(?:who|that)\s+[^,;.()\d]{1,50}?\s+", gap, regex.I)
                and fre.match(r"(?:were|was|have\s+been|had\s+been)\b", match.group(), regex.I)
            )
            or (
                # "Both missiles that were not intercepted hit a hospital": the main verb after a negated clause
                fre.fullmatch(
                    r"\s*(?:that|which)\s+(?:were|was)\s+not\s+[\p{L}\s]{2,25}?\s+", gap, regex.I
                )
            )
            # "Two children and a pregnant woman were among those hurt": one more, uncounted
            or _ONE_MORE_SUBJECT.fullmatch(gap)
        )
        if not relative and (_GAP_BREAK.search(gap) or fre.search(r",\s*$|,\s+\p{L}+\s*,", gap)):
            return None
        if fre.search(r"\S", gap) and fre.match(r"^\s*,", gap):
            return None
        if (
            not relative
            and fre.search(r",\s+(?:[\p{L}\-’']+\s+){1,3}$", gap)
            and not fre.match(
                r"(?:were|was|have|has|had|are|is|being|been)\b", match.group(), regex.I
            )
        ):
            return None  # "Of the five missiles launched, air defence destroyed three": its own subject
        if _DASH_ALL_OF.search(gap):
            # "sent 16 drones – all of them were shot down": a second clause, read apart
            return None
        if _COUNT_BEFORE_VERB.search(gap):
            # "Of the 32 missiles fired on Saturday, only three were intercepted": three's verb
            return None
        measure = P.measure_of_match(match)
        if measure == "hit" and fre.match(r"\s*with\b", window[match.end() :], regex.I):
            return None
        if measure == "deployed" and _SWAP_PARTICIPLE.match(gap):
            measure = "captured"  # "the 185 Russian servicemen returned were in Belarus"
        return measure, end + match.end(), bool(_WEAK_PASSIVE.search(match.group()))
    return None


_ONE_MORE_SUBJECT = regex.compile(
    r"\s+and\s+(?:a|an)\s+(?:[\p{L}\-]+\s+){0,2}?(?:man|woman|child|boy|girl|teenager|baby|person"
    r"|soldier|serviceman|civilian|resident|rescuer|policeman|police\s+officer|firefighter|medic"
    r"|driver|worker|journalist|volunteer|missile|drone|guided\s+bomb)\s+",
    _I,
)
_AS_WELL_AS_AFTER_VERB = regex.compile(
    r"[^.;:\d]{0,60}?,?\s+(?:as\s+well\s+as|along\s+with|together\s+with|plus)\s+", _I
)
_DASH_ALL_OF = regex.compile(
    r"\s[–—-]\s*(?:and\s+)?(?:all|both|each)\s+of\s+(?:them|which|these|those)\s*$", _I
)
_COUNT_BEFORE_VERB = regex.compile(
    rf",\s*(?:(?:and|but|while|only|just|yet)\s+)*(?:{P.COUNT})\s+$", P.FLAGS
)
_SWAP_PARTICIPLE = regex.compile(
    r"\s*(?:returned|freed|released|exchanged|swapped|repatriated|handed\s+over"
    r"|(?:(?:it|they|russia|ukraine|moscow|kyiv)\s+)?(?:got|received|brought|took)\s+back)\s*$",
    _I,
)


def _active_before(
    text: str, start: int, limit: int = 60, subject: str | None = None, depth: int = 0
) -> tuple[str, int] | None:
    """The nearest verb of a measure before a phrase: 'shot down 37 drones'.

    Verbs may overlap ("the attack claimed the lives of"): every reading is
    tried, and one that fits the subject wins over one that does not.
    """
    window_start = max(0, start - limit - 80)  # room for a list of items the lexicon skips
    window = text[window_start:start]
    best = None
    for match in P.ACTIVE_RE.finditer(window, overlapped=True):
        gap = window[match.end() :]
        # a count stands between (digits inside "Su-25" do not), unless it is another
        # listed item: "shot down 4 shells of the HIMARS system, 2 Neptune-MD missiles and ..."
        counted = fre.search(P.STANDALONE_DIGIT, gap) is not None
        listed = counted and _carries_list(gap)
        if len(gap) > (limit + 80 if listed else limit) or _ACTIVE_GAP_BREAK.search(
            _LISTED_ITEMS.sub(" ", gap) if listed else gap
        ):
            continue
        if counted and not listed:
            continue
        if "," in gap and fre.match(
            r"\s+(?:from|by|at|over|towards?|into|in|on|off)\b", gap, regex.I
        ):
            continue  # "... missiles launched from MiG-31K jets, nine Kalibr": a participle of the noun before
        if _NEGATED_BEFORE.search(window, 0, match.start()):
            continue  # "could not intercept five missiles", "failed to shoot down 3"
        counted_noun = (
            _COUNTED_NOUN_BEFORE.search(window, max(0, match.start() - 90), match.start())
            if depth == 0 and _ITEMS_JOINED.search(gap)
            else None
        )
        if counted_noun is not None:
            # "shot down 70 of 90 drones launched overnight, as well as three of seven
            # missiles": the participle describes the drones; the verb before them counts both
            governing = _active_before(
                text, window_start + counted_noun.start(), limit, subject, depth=1
            )
            if governing is not None:
                return governing
        if _INTENT_BEFORE.search(window, 0, match.start()):
            continue  # "Russia aims to launch 1,000 drones a night": a goal, not an event
        measure = _of_soldiers(P.measure_of_match(match), subject)
        if subject == "soldier" and _KILLING_VERB.fullmatch(match.group()):
            measure = "killed"  # "eliminated up to 520 Ukrainian troops": Moscow's word for killed
        if subject is not None and not _compatible(subject, measure):
            continue
        # the verb nearest the phrase; of two ending together, the longer ("killed or wounded")
        key = (match.end(), match.end() - match.start())
        if best is None or key > best[2]:
            best = (measure, window_start + match.start(), key)
    return best[:2] if best else None


_MORE_AFTER_COUNT = regex.compile(r"\s+more\b", _I)
_FURTHER_BEFORE = regex.compile(r"\b(?:another|a\s+further)\s*$", _I)


def _group_lists(mentions: list[Mention], text: str) -> list[list[Mention]]:
    """Coordinated counts share a verb: 'two cruise missiles, two ballistic missiles and 37 drones'."""
    items = [
        m
        for m in mentions
        if not m.is_y
        and m.rule in ("noun_phrase", "x_of_y", "partitive", "none_of", "predicate_noun")
    ]
    lists: list[list[Mention]] = []
    for mention in items:
        if lists:
            previous = lists[-1][-1]
            gap = text[previous.end : mention.start]
            aside = _ASIDE_BEFORE.search(text, 0, previous.start) and "," in gap
            # "fired 48 missiles, and 41 of the missiles were intercepted": a part of the
            # set just counted starts a clause of its own, it is not another listed item
            of_that_set = (
                mention.rule == "partitive"
                and previous.rule == "noun_phrase"
                and mention.subject == previous.subject
            )
            # "destroyed 30 of the missiles and 47 drones, and 27 more drones disappeared from
            # radar": more of a kind already listed are a new clause's subject
            more_of_listed = (
                "," in gap
                and bool(
                    _MORE_AFTER_COUNT.match(text, mention.count_end) or _FURTHER_BEFORE.search(gap)
                )
                and (
                    any(m.subject == mention.subject for m in lists[-1])
                    # "destroyed 112 targets, and a further 68 decoy drones disappeared from
                    # radar": a new subject with a verb of its own
                    or _passive_after(text, mention.end) is not None
                )
            )
            if (
                _LIST_JOIN.match(gap)
                and mention.subject is not None
                and not aside
                and not of_that_set
                and not more_of_listed
            ):
                lists[-1].append(mention)
                continue
            # "launched 34 missiles (15 Kh-101s, 18 ballistic ...) and 339 drones": the item
            # after a parenthesised breakdown joins the list the breakdown interrupted
            outer = next(
                (
                    group
                    for group in lists[-2:-5:-1]
                    if fre.match(r"\s*\(", text[group[-1].end : mention.start])
                ),
                None,
            )
            if (
                outer is not None
                and mention.subject is not None
                and _LIST_JOIN.match(text[outer[-1].end : mention.start])
            ):
                outer.append(mention)
                continue
        lists.append([mention])
    return lists


def _assign_measures(
    mentions: list[Mention], sentence: Sentence, context: EntryContext
) -> list[Mention]:
    """Measures in phases, each building on the last: verbs, ellipsis, breakdowns."""
    text = sentence.text
    for mention in mentions:
        if mention.subject == "person" and _RANKS_BEFORE.search(text, 0, mention.start):
            mention.subject = "soldier"
        elif mention.subject == "person" and _CIVILIANS_APPOSED.match(text, mention.end):
            mention.subject = "civilian"  # "20 Russian citizens, residents of the Kursk region,"
    groups = _group_lists(mentions, text)
    for group in groups:
        _measure_from_verbs(group, sentence, context)
    if context.losses_list:
        _assign_loss_prose(mentions, text)
    for previous, group in itertools.pairwise(groups):
        # "attacked with 62 drones launched from Kursk, and with two Kh-59 missiles";
        # "fired 13 Iskander-M missiles and S-400s, and two Zircon missiles"
        measure = previous[-1].measure
        verb_after = (
            _passive_after(text, previous[-1].end)
            if previous[-1].rule.endswith("passive")
            else None
        )
        gap_start = (
            verb_after[1] if verb_after else previous[-1].end
        )  # "1,230 servicemen killed and wounded, ..."
        if (
            group[0].measure is None
            and measure in ("launched", "downed", "casualties")
            and (previous[-1].rule.endswith(("active", "active_list")) or measure == "casualties")
            and (
                (measure == "launched" and _AND_WITH.search(text, previous[-1].end, group[0].start))
                or _carries_list(text[gap_start : group[0].start])
            )
        ):
            for mention in group:
                own = (
                    "downed"
                    if measure == "casualties" and mention.subject in WEAPON_SUBJECTS
                    else measure
                )
                if _compatible(mention.subject, own):
                    mention.measure, mention.rule = own, f"{mention.rule.split(':')[0]}:active_list"
        elif (
            group[0].measure is None
            and verb_after is not None
            and measure in WEAPON_MEASURES
            and all(m.subject in WEAPON_SUBJECTS for m in group)
            and _AS_WELL_AS_AFTER_VERB.fullmatch(text[gap_start : group[0].start])
        ):
            # "81 missiles were launched from the air, land and sea, as well as 8 Shahed UAVs"
            for mention in group:
                mention.measure, mention.rule = (
                    measure,
                    f"{mention.rule.split(':')[0]}:passive_list",
                )
    for mention in mentions:
        if mention.rule == "hits_at_locations":
            mention.measure = "hit"
            mention.subject = mention.subject or _weapon_of_entry(mentions, context)
        if mention.rule in (
            "casualty_noun",
            "toll_frame",
            "among_frame",
            "losses_table",
            "hit_noun",
            "brought_to",
        ):
            mention.measure = mention.intrinsic
            if mention.rule == "casualty_noun":
                after = _passive_after(text, mention.end)
                if after is not None and after[0] in PEOPLE_MEASURES:
                    mention.measure = after[0]
    for mention in mentions:
        if mention.rule == "among_frame" and mention.measure is None:
            # "The number of injured has risen to 18. Among them are two children."
            mention.measure = _among_measure(mention, mentions, context)
            all_of = _ALL_OF_WHICH.match(text, mention.end)
            verb = _passive_after(text, all_of.end(), limit=40) if all_of is not None else None
            if mention.measure == "launched" and verb is not None and verb[0] in WEAPON_MEASURES:
                # "Among the missiles were 10 Kinzhals, all of which were intercepted"
                mention.extra_measure = verb[0]
    _pair_bare_x_of_y(mentions, text)
    _assign_respectively(mentions, text)
    _assign_apposed_share(mentions, text, context)
    _assign_keyed_counts(mentions, sentence, context)
    _assign_count_first_line(mentions, sentence, context)
    _assign_their_number(mentions, sentence, context)
    _assign_sum_total(mentions, text)
    _assign_running_total(mentions, text)
    _assign_earlier_value(mentions, text)
    _assign_day_increment(mentions, text)
    for mention in mentions:
        if mention.rule == "bare" and mention.measure is None:
            _assign_ellipsis(mention, mentions, sentence, context)
        if mention.rule == "bare" and mention.measure is None:
            _assign_share_of_dead(mention, text)
    for group in groups:
        for mention in group:
            if mention.measure is None:
                inherited = _inherit_from_head(mention, mentions, text)
                if inherited is not None:
                    mention.measure = inherited
                    mention.rule = f"{mention.rule}:breakdown_including"
                    if mention.partner is not None:
                        # "shot down 30, including 11 of 13 Kh-101s": the 13 were launched
                        _assign_partner(mention, inherited)
    for group in groups:
        if all(m.measure is None for m in group):
            _assign_listed_parts(group, mentions, text)
    for mention in mentions:
        if mention.rule == "including_one":
            head = _previous_with_measure(mention, mentions)
            if (
                head is not None
                and head.measure in ("killed", "injured")
                and head.subject in PEOPLE_SUBJECTS
            ):
                mention.measure, mention.side_hint = head.measure, head.side_hint
    for mention in mentions:
        if mention.rule == "of_whom":
            head = _previous_with_measure(mention, mentions)
            if head is not None:
                mention.measure = head.measure
            elif not text[: mention.start].strip():
                # "Twelve people were injured. Three of them are children.": the last figure's
                mention.measure = _among_measure(mention, mentions, context)
                if mention.measure is None and mention.subject in WEAPON_SUBJECTS:
                    # "About 40 of them were Shaheds": what the last sentence's weapons did
                    mention.measure = _previous_sentence_measure(mention, context)
        elif mention.rule == "bare":
            _assign_breakdown(mention, mentions, sentence, context)
    _continue_partitives(mentions, text)
    _drop_appositive_parts(mentions, text)
    for mention in mentions:
        if mention.subject == "aircraft":
            mention.measure = _of_soldiers(mention.measure, mention.subject)
        share = (
            _ACCOUNTED_FOR.search(text, 0, mention.start) if mention.subject == "person" else None
        )
        if share is not None and mention.rule.startswith("ellipsis"):
            # "Children accounted for 14 of those killed and 107 of those injured"
            mention.subject = P.classify_head(share["group"])[0]
    return [m for m in mentions if m.measure and (m.subject or m.anaphor)]


# Equipment a losses tally lists beside what the spec counts: "11,540 tanks, 23,870 armored
# fighting vehicles, ..., 434 airplanes, 347 helicopters, 98,260 drones"
_EQUIPMENT_ITEM = regex.compile(
    r"\b\d{1,3}(?:,\d{3})*\s+(?:tanks|armou?red\s+(?:combat\s+|fighting\s+|personnel\s+)?vehicles"
    r"|artillery\s+systems|multiple\s+(?:launch\s+)?rocket\s+(?:systems|launchers)"
    r"|air\s+defen[cs]e\s+systems|(?:vehicles\s+and\s+)?fuel\s+tanks|units\s+of\s+special\s+equipment"
    r"|ships|warships|submarines)\b",
    _I,
)
_DAY_PART = regex.compile(
    r"\([^()]*\)|\b(?:including|with)\s+[\d,]+\s+(?:added\s+)?(?:over|in)\s+the\s+(?:past|previous|last)"
    r"\s+(?:day|24\s+hours)",
    _I,
)
_DAILY_TALLY = regex.compile(r"\b(?:past|previous|last)\s+(?:day|24\s+hours)\b|\bovernight\b", _I)


def _assign_loss_prose(mentions: list[Mention], text: str) -> None:
    """Aircraft, drones and cruise missiles in a prose losses tally were destroyed, as a running
    total unless the tally is the day's: 'The tally also lists 11,540 tanks, ..., 434 airplanes'."""
    items = list(_EQUIPMENT_ITEM.finditer(text))
    if len(items) < 2:
        return
    start, end = items[0].start() - 150, items[-1].end() + 150
    # "7,164 drones (including 12 over the past day)": the day's part does not make the list daily
    daily = bool(_DAILY_TALLY.search(_DAY_PART.sub(" ", text)))
    for mention in mentions:
        if not (
            mention.subject in ("aircraft", "drone", "cruise_missile")
            and mention.rule.startswith("noun_phrase")
            and start <= mention.start
            and mention.end <= end
        ):
            continue
        if mention.measure is None:
            mention.measure, mention.rule = "downed", "noun_phrase:losses_list"
            mention.side_hint = mention.side_hint or "enemy"
        if mention.measure == "downed" and mention.cumulative is None:
            mention.cumulative = not daily


_ACCOUNTED_FOR = regex.compile(
    r"\b(?P<group>children|civilians|soldiers|servicemen|troops)\s+(?:accounted\s+for|made\s+up)\s+"
    rf"(?:(?:{P.COUNT})\s+of\s+(?:those|the)\s+\p{{L}}+\s*,?\s+and\s+)?$",
    P.FLAGS,
)


def _drop_appositive_parts(mentions: list[Mention], text: str) -> None:
    """'5 people - the driver and four passengers - were hurt': the aside names who the five were.

    A count of the same kind inside the aside after a total is part of it, not a second
    figure; children named inside a count of people are a subject of their own and stay.
    """
    for total in mentions:
        if total.measure is None or total.subject not in PEOPLE_SUBJECTS:
            continue
        aside = _PARENTHETICAL.match(text, total.end)
        if aside is None:
            continue
        for part in mentions:
            if (
                part is not total
                and total.end <= part.start < aside.end()
                and part.subject == total.subject
                and part.measure == total.measure
                and part.quantity.value < total.quantity.value
            ):
                part.measure = None


# Items the lexicon does not count, between a counted one and the verb of the whole list
_ITEMS_BEFORE_DOWNED = regex.compile(
    rf"(?:(?:\s*,\s*|\s+and\s+)\d[\d,]*{_DAILY_ADDITION}\s+(?!of\s+(?:which|them|whom|these|those)\b)"
    r"[^,;:.\d()]{1,60}?)+?"
    r"(?=\s+(?:have|has|had|were|was)\s+(?:also\s+)?(?:been\s+)?"
    r"(?:destroyed|shot\s+down|downed|intercepted|eliminated)\b)",
    _I,
)
# "the 25 missiles it shot down": a clause whose subject is someone else has the noun as object
_OBJECT_CLAUSE = regex.compile(
    r"\s+(?:that\s+|which\s+)?(?:it|they|we|russia|ukraine|kyiv|moscow|the\s+enemy|air\s+defen[cs]es?)"
    r"\s+(?:had\s+|has\s+|have\s+)?(?:shot\s+down|downed|destroyed|intercepted)\b",
    _I,
)


_SHARED_NOUN_BEFORE = regex.compile(
    rf"(?:{P.COUNT})\s+(?P<noun>children|civilians|soldiers|servicemen|troops)\s+"
    r"(?:were|have\s+been|had\s+been)\s+(?:killed|injured|wounded)\s+and\s+$",
    P.FLAGS,
)
_HURT_MODIFIER = regex.compile(r"\b(?:wounded|injured|hurt|sick|dead|killed)\b", _I)
# "34 UAVs – over the territory of Moscow region,": a line of a list under a lead
_DASH_PLACE = r"\s*[–—-]\s*(?:over|in|above|near|off)\s"
_DASH_PLACE_AFTER = regex.compile(_DASH_PLACE, _I)
_COUNT_PLACE_LINE = regex.compile(rf"^\W*\d[\d,]*\s+[^–—\-\d]{{1,40}}?{_DASH_PLACE}", _I)


def _measure_from_verbs(group: list[Mention], sentence: Sentence, context: EntryContext) -> None:
    """A coordinated list takes the verb after it ('were shot down') or before it ('shot down')."""
    text = sentence.text
    hints = {m.side_hint for m in group if m.side_hint}
    if len(hints) == 1:
        for mention in group:
            mention.side_hint = mention.side_hint or next(iter(hints))
    last = group[-1]
    after = _passive_after(text, last.end)
    if (
        after is not None
        and text[: after[1]].endswith("attacked")
        and last.subject not in WEAPON_SUBJECTS
    ):
        after = None  # "300 soldiers attacked the village": only weapons are launched by attacking
    if after is not None and after[2] and after[0] == "launched":
        # "45 of the 58 drones Russia launched were shot down": the clause is Y's, the main verb X's;
        # "all 14 drones that the enemy launched at the region were shot down": the same
        main = _passive_after(text, after[1], limit=40)
        if (
            main is not None
            and not main[2]
            and main[0] in WEAPON_MEASURES
            # not "Of the five missiles launched, air defence destroyed three": a new clause
            and "," not in text[after[1] : main[1]]
        ):
            after = main
    if after is not None and last.subject in WEAPON_SUBJECTS and after[0] in PEOPLE_MEASURES:
        after = None  # "a barrage of 84 missiles and two dozen drones killed 19 people": the verb before
    if after is None and (tail := _ITEMS_BEFORE_DOWNED.match(text, last.end)):
        # "668 aircraft, 98,412 UAVs and 26,900 tanks and other vehicles have been destroyed"
        after = _passive_after(text, tail.end())
    if (
        after is not None
        and group[0].rule == "none_of"
        and _OBJECT_CLAUSE.match(text, last.end)
        and _passive_after(text, after[1], limit=60) is None
    ):
        return  # "none of the 25 missiles it shot down was of that type": no zero of anything
    if (
        after is not None
        and group[0].rule == "partitive"
        and _RELATIVE_START.match(text, last.end, after[1])
    ):
        # "one of the missiles that struck the capital was a KN-23": the clause tells which set,
        # the verb after it what happened to the part
        main = _passive_after(text, after[1], limit=60)
        after = main if main is not None and not main[2] else None
    before = _active_before(text, group[0].start, subject=group[0].subject)
    relative = after is not None and _RELATIVE_START.match(text, last.end, after[1])
    if (
        after is not None
        and after[0] == "left_airspace"
        and before is not None
        and before[0] == "launched"
        and _DETECTED.fullmatch(text[before[1] : group[0].start].split()[0])
    ):
        before = None  # "detected one drone that entered Romanian airspace": it crossed, no more
    if after is not None and not ((after[2] or relative) and before is not None):
        # "shot down three of the 19 drones that flew into Polish airspace": the main verb decides
        measure, rule = after[0], "passive_list" if len(group) > 1 else "passive"
    elif before is not None:
        measure, rule = before[0], "active_list" if len(group) > 1 else "active"
    else:
        measure, rule = None, ""
    if (
        last.subject in WEAPON_SUBJECTS
        and _ATTACK_BEFORE_APPOSITION.search(text, max(0, group[0].start - 70), group[0].start)
        and _APPOSITION_CLOSES.match(text, last.end)
    ):
        # "Russia's biggest attack of the war — 728 drones and 13 missiles — hit western
        # Ukraine": the list says what the attack was made of; the verb after it is the attack's
        measure, rule = "launched", "attack_apposition"
    all_of = _ALL_OF_WHICH.match(text, last.end)
    passive = _passive_after(text, all_of.end(), limit=40) if all_of is not None else None
    group_measure_all = passive[0] if passive is not None else None
    for mention in group:
        own_after = _passive_after(text, mention.end) if mention is not last else None
        chosen, chosen_rule = (own_after[0], "passive") if own_after else (measure, rule)
        chosen = _of_soldiers(chosen, mention.subject)
        if chosen == "deployed" and _HURT_MODIFIER.search(text, mention.count_end, mention.end):
            chosen = None  # "53 seriously wounded defenders had been moved to Novoazovsk"
        if (
            mention.subject in PEOPLE_SUBJECTS
            and (of_the := _OF_THE_CASUALTIES.match(text)) is not None
            and mention.count_start < of_the.end()
        ):
            # "Five of the dead were children, and 109 people were wounded": the set says
            chosen, chosen_rule = _frame_measure(of_the["set"]), "of_the_casualties"
        if (
            chosen == "casualties"
            and before is not None
            and fre.match(r"los(?:t|ing)\b", text[before[1] :], regex.I)
            and fre.search(
                r"citizen|civilian|child|resident", text[mention.start : mention.end], regex.I
            )
        ):
            chosen = "killed"  # "Today we lost 137 of our citizens": civilians lost are dead
        if (
            chosen == "casualties"
            and mention.subject == "soldier"
            and _ELIMINATED_AFTER.match(text, mention.end)
        ):
            chosen = "killed"  # "up to 70 Ukrainian servicemen were eliminated"
        if chosen == "casualties" and mention.subject in WEAPON_SUBJECTS:
            chosen = (
                "downed"  # "the enemy lost 1,230 servicemen, 9 tanks and 97 UAVs": equipment lost
            )
        if chosen == "captured" and (
            fre.search(
                r"\bbod(?:y|ies)\s+of\s+(?:the\s+|another\s+|a\s+further\s+|some\s+)?$",
                text[: mention.count_start],
                regex.I,
            )
            or fre.search(
                r"\b(?:bod(?:y|ies)|remains)\b", text[mention.count_end : mention.end], regex.I
            )
        ):
            chosen = None  # "the bodies of 909 fallen defenders were returned": not prisoners
        if chosen is None and mention.subject in PEOPLE_SUBJECTS and _bodies_found(mention, text):
            chosen, chosen_rule = "killed", "bodies_recovered"
        if chosen == "deployed" and (
            _HOME_AFTER.match(text, mention.end)
            or _PRISONER_WORD.search(text, mention.count_end, mention.end)
        ):
            chosen = (
                "captured"  # "brought 303 Ukrainian defenders home", "31 POWs were transferred"
            )
        if chosen is not None and not _compatible(mention.subject, chosen):
            chosen, chosen_rule = None, ""
        if mention.rule == "none_of" and mention.intrinsic:
            chosen, chosen_rule = mention.intrinsic, "negated"  # "both ... were not intercepted"
        if chosen is None and mention.intrinsic:
            chosen, chosen_rule = mention.intrinsic, "casualty_modifier"
        if chosen is None:
            chosen = _relative_clause_measure(
                text, mention
            )  # "the 15,000 troops Pyongyang has sent"
            chosen_rule = "active" if chosen else ""
        if (
            chosen is None
            and mention is last
            and mention.subject in WEAPON_SUBJECTS
            and _OF_THE_SET_BEFORE.search(text, 0, group[0].start)
            and _FIRED_AFTER.match(text, mention.end)
        ):
            # "Of the 32 ballistic missiles fired during the month, only 11 ...": the set launched
            for member in group:
                if member.measure is None and member is not mention:
                    member.measure, member.rule = "launched", f"{member.rule}:fired_set"
            chosen, chosen_rule = "launched", "fired_set"
        if (
            chosen is None
            and mention.subject in PEOPLE_SUBJECTS
            and (receiver := _RECEIVED_BEFORE.search(text, 0, mention.start))
            and _PRISONER_NOUN.search(text, mention.count_end, mention.end)
        ):
            chosen, chosen_rule = "captured", "received"  # "while Russia received 55 prisoners"
            mention.side_hint = mention.side_hint or _side_of_word(receiver["side"])
        if (
            chosen is None
            and mention.subject in PEOPLE_SUBJECTS
            and _SWAP_WITH_BEFORE.search(text, 0, group[0].start)
        ):
            # "The exchange continued on Saturday with 307 servicemen from each side",
            # "POW swap: 300 servicemen for 300"
            chosen, chosen_rule = "captured", "swap_with"
        if (
            chosen is None
            and mention.subject == "soldier"
            and (held := _held_force(mention, text)) is not None
        ):
            chosen, chosen_rule = "deployed", "held_force"
            holder = _HOLDER.search(text, 0, held.start())
            if holder is not None and mention.side_hint is None:
                # "North Korea has 11,000 troops in": the holder's side
                mention.side_hint = _side_of_word(holder["side"])
        if chosen is None and not _INCLUDING_BEFORE.search(text[: mention.start]):
            lead = _colon_lead(text, mention.start)
            if lead is not None:
                chosen, chosen_rule = lead, "colon_list"
        if (
            chosen is None
            and context.lead_measure
            and (
                sentence.is_bullet
                # "destroyed 84 UAVs:" then "34 UAVs – over the territory of Moscow region,"
                or (
                    not fre.search(r"\w", text[: group[0].start])
                    and _DASH_PLACE_AFTER.match(text, last.end)
                )
            )
        ):
            chosen, chosen_rule = context.lead_measure, "bullet_item"
        if chosen is None and (
            _PARTICULAR_LEAD.match(text)
            or _MADE_UP_OF.search(text, 0, group[0].start)
            or (mention.rule == "predicate_noun" and _PREDICATE_LEAD.match(text))
        ):
            chosen = _previous_sentence_measure(mention, context, text)
            chosen_rule = "breakdown_including" if chosen else ""
        if (
            chosen is None
            and mention.subject in WEAPON_SUBJECTS
            and _launch_label(text, group[0].start, mention.side_hint)
        ):
            chosen, chosen_rule = "launched", "night_label"
        if (
            chosen is None
            and mention.subject in WEAPON_SUBJECTS
            and not fre.search(r"\p{L}", text[: group[0].start])
            and _ATTACK_AFTER_LABEL.match(text, last.end)
        ):
            # "Nearly 300 drones and 69 missiles: Russia's largest air attack of the war"
            chosen, chosen_rule = "launched", "attack_label"
        label = _ATTACK_LABEL.match(text) if chosen is None else None
        if label is not None and mention.subject in WEAPON_SUBJECTS:
            # "Enemy attack – 550 air attack assets"
            chosen, chosen_rule = "launched", "attack_label"
            mention.side_hint = mention.side_hint or _side_hint(label.group())
        mention.measure = chosen
        mention.rule = f"{mention.rule}:{chosen_rule}" if chosen else mention.rule
        if mention.partner is not None and chosen is not None:
            _assign_partner(mention, chosen)
        if (
            group_measure_all
            and chosen
            and group_measure_all != chosen
            and (mention is last or not _ADDED_ITEM.search(text[group[-2].end : last.start]))
        ):
            mention.extra_measure = group_measure_all  # ", all of which were shot down"
        elif chosen in ("downed", "lost", "hit") and _all_launched(mention, text, chosen):
            mention.extra_measure, mention.extra_rule = "launched", "all_launched"
        elif (
            chosen == "launched"
            and mention.subject in _STRIKING_WEAPONS
            and _STRUCK_WITH.search(text, 0, mention.start)
        ):
            mention.extra_measure, mention.extra_rule = "hit", "struck_with"


# "struck the city centre with 2 Iskander-M missiles": the missiles were fired and they hit
_STRUCK_WITH = regex.compile(r"\bstruck\s+(?:[\p{L}\-’'.]+\s+){1,8}?with\s+$", _I)
_STRIKING_WEAPONS = (
    "missile", "cruise_missile", "ballistic_missile", "guided_missile", "guided_bomb",
)  # fmt: skip


_ALL_BEFORE = regex.compile(r"\b(?:all|both|all\s+the|every\s+one\s+of\s+the)\s*$", _I)
_LAUNCHED_AFTER = regex.compile(
    r"\s*(?:that\s+|which\s+)?(?:(?:Russia|Moscow|the\s+enemy|Russian\s+forces|the\s+Russians|it|they)"
    r"\s+)?(?:had\s+|has\s+|have\s+)?(?:fired|launched|aimed|sent|used|directed)\b",
    _I,
)


def _all_launched(mention: Mention, text: str, measure: str | None = None) -> bool:
    """'destroyed all 10 ballistic missiles fired at Kyiv', 'destroyed all 18 Shahed drones':
    every one launched was downed too."""
    return (
        mention.subject in WEAPON_SUBJECTS
        and _ALL_BEFORE.search(text, 0, mention.count_start) is not None
        and (_LAUNCHED_AFTER.match(text, mention.end) is not None or measure == "downed")
    )


# An air force post's verb-less opening: "Night of 24 April: 215 air attack assets — ...".
_ATTACK_LABEL = regex.compile(
    r"^\W*(?:(?:the\s+)?enemy|russian|russia['’]s)\s+(?:attack|strike|air\s+attack)\s*[–—:-]\s*(?=[^:]*\d)",
    _I,
)
_ATTACK_AFTER_LABEL = regex.compile(
    r"\s*[:–—]\s+[^.;:]{0,60}?\b(?:attack|strike|barrage|assault|raid|salvo|bombardment|onslaught)s?\b",
    _I,
)
_NIGHT_LABEL = regex.compile(
    r"^\W*(?:\d{1,2}/\d{1,2}\s+)?"  # a thread's "2/7"
    r"(?:(?:on\s+)?the\s+night\s+(?:of|to|into)\s+[^:.]{1,30}|night\s+(?:of|to|into)\s+[^:.]{1,30}|overnight|last\s+night"
    r"|tonight)(?:\s+\(?[^:.]{1,25}\)?)?\s*:\s*(?=[^:]*\d)",
    _I,
)
_FIGURES_LABEL = regex.compile(
    r"\W*(?:\d{1,2}/\d{1,2}\s+|\d{1,2}[:.]\d{2}\W+)?(?:[\p{L}'’]+\s+){0,4}?"  # "2/7 ", "+++ 11:15 +++ "
    r"(?:air\s+force|figures|numbers|tally|data)(?:\s+(?:just\s+out|so\s+far|overnight))?\s*:\s*$",
    _I,
)
_PUT_TOTAL_AT = regex.compile(
    r"\b(?:put|puts|putting|placed|places)\s+(?:the\s+)?(?:overall\s+|combined\s+)?"
    r"(?:total|number|tally|count)\s+at\s+(?:(?:about|around|some|nearly|over|more\s+than)\s+)?$",
    _I,
)
_LABEL_MONTH = "|".join(sorted(lex.MONTHS, key=len, reverse=True))
_LABEL_DAY = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[–—-]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:{_LABEL_MONTH})\.?"
    rf"|(?:{_LABEL_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[–—-]\s*\d{{1,2}}(?:st|nd|rd|th)?)?)"
    r"(?:,?\s+\d{4})?"
)
# A timeline or weekly round-up line labelled by its day: "Tuesday (20 Jan): 339 drones and 34
# missiles", "June 29: 472 drones + 7 missiles" — like the night label, what was launched
_DAY_LABEL = regex.compile(
    rf"^\W*(?:on\s+)?(?:(?:{'|'.join(lex.WEEKDAYS)})\s*,?\s*(?:\(\s*{_LABEL_DAY}\s*\)|{_LABEL_DAY})?"
    rf"|{_LABEL_DAY})\s*(?::|[–—]|\s-)\s*(?=[^:]*\d)",  # "SEPT 7, 2025 – 810 drones and 13 missiles"
    _I,
)


def _launch_label(text: str, start: int, side_hint: str | None) -> bool:
    """Whether verb-less weapon counts starting at `start` follow a label that makes them what
    was launched: a night ("Overnight: 64 drones, 3 missiles."), a source ("Air force figures
    just out: 450 drones and 71 missiles"), a total put ("put the total at 127 missiles"), a day
    ("June 29: 472 drones + 7 missiles"). Not for Ukrainian weapons, whose counted days are a
    ministry's claims of downing them ("7 May: 524 Ukrainian drones")."""
    if _NIGHT_LABEL.match(text):
        return True
    return side_hint != "ukraine" and bool(
        _FIGURES_LABEL.match(text, 0, start)
        or _PUT_TOTAL_AT.search(text, 0, start)
        or _DAY_LABEL.match(text)
    )


# A sentence that breaks down the last one's total: its parts share that total's measure
# ("In particular: 2 Kinzhal missiles; 40 Kh-101 cruise missiles; ...").
# "the group was made up of 71 servicemen and four civilians": the parts of the last total
_MADE_UP_OF = regex.compile(
    r"\b(?:the|this|that)\s+(?:group|exchange|swap|salvo|barrage|attack|strike|raid)\s+"
    r"(?:was\s+made\s+up\s+of|was\s+composed\s+of|comprised|consisted\s+of|included|mixed)\s+$",
    _I,
)
_OF_THE_SET = (
    rf"\s+of\s+(?:them|these|those{P.THOSE_DONE}|the\s+(?:[\p{{L}}'’\-]+\s+){{0,2}}?[\p{{L}}\-]+)"
)
_PARTICULAR_LEAD = regex.compile(
    r"^\W*(?:the\s+(?:remaining|other)|another)\s+(?=[\d,]+\s+(?:were|was|are)\s|\p{L}+\s+(?:were|was|are)\s)"
    r"|^\W*(?:in\s+particular|including|among\s+them|of\s+(?:these|them|which)|namely|specifically"
    r"|of\s+the\s+(?:dead|killed|injured|wounded|victims)"
    r"|(?:these|they)\s+included|the\s+(?:attack|strike|barrage)\s+(?:included|comprised)"
    r"|(?:the\s+)?breakdown|by\s+type)\s*[:,\-–—]"  # "The breakdown: 122 missiles and 36 drones."
    r"|^\W*(?:the\s+(?:missiles|drones|weapons|targets|barrage|attack|strike|salvo|raid|[\d,]+)|they|these|those)\s+"
    r"(?:included|comprised|consisted\s+of|mixed|combined)\b"
    # "Most of them were privates and sergeants (213 people)": who the set just counted was
    r"|^\W*(?:most|many|all|the\s+majority|the\s+rest)\s+of\s+(?:them|those|these)"
    r"(?:\s+\p{L}+){0,2}?\s+(?:were|are)\s",
    _I,
)
_CLASS_AFTER = regex.compile(
    r"\s+(?P<kind>ballistic|aeroballistic|cruise|guided)\b(?!\s+missiles?\b)", _I
)
_CIVILIANS_APPOSED = regex.compile(r"\s*,\s*(?:all\s+)?(?:civilians|residents|inhabitants)\b", _I)
# "privates and sergeants (213 people)": the count in brackets is of the ranks named before it
_RANKS_BEFORE = regex.compile(
    r"\b(?:soldiers|servicemen|troops|officers|sergeants|privates|fighters|defenders|marines"
    r"|guardsmen|border\s+guards|conscripts)\s*\(\s*$",
    _I,
)


# "The missiles included 35 Kh-101 ...": the make-up of the whole salvo, the set launched
_SALVO_MAKEUP = regex.compile(
    r"^\W*the\s+(?:missiles|drones|weapons)\s+(?:included|comprised|consisted\s+of|mixed|combined)\b",
    _I,
)


def _weapon_family(subject: str) -> str:
    return "missile" if subject == "missile" or subject in MISSILE_CLASSES else subject


def _previous_sentence_measure(
    mention: Mention, context: EntryContext, text: str = ""
) -> str | None:
    """The measure of the entry's last figure, when a breakdown sentence can share it.

    A sentence on the make-up of the salvo ("The missiles included ...") breaks down what
    was launched, not the drones that were lost in the sentence before it.
    """
    if not context.figures:
        return None
    if mention.subject in WEAPON_SUBJECTS and _SALVO_MAKEUP.match(text):
        family = _weapon_family(mention.subject)
        for earlier in reversed(context.figures):
            if earlier.cumulative or earlier.subject not in WEAPON_SUBJECTS:
                continue
            if earlier.measure == "launched" and _weapon_family(earlier.subject) in (
                family,
                "aerial_target",
            ):
                return "launched"
    last = context.figures[-1]
    if last.cumulative or not _compatible(mention.subject, last.measure):
        return None
    if (mention.subject in WEAPON_SUBJECTS) != (last.subject in WEAPON_SUBJECTS):
        return None
    return last.measure


# "In the evening he said 18 of the wounded were children": a sentence that opens with who said it
_REPORTED_PREFIX = r"(?:[^.;:\d]*?\b(?:said|says|added|reported|stated|wrote)\s+(?:that\s+)?)?"
_OF_THE_CASUALTIES = regex.compile(
    rf"^{_REPORTED_PREFIX}\W*(?:(?:{P.COUNT})\s+of\s+(?:the|those)|of\s+(?:the|those))\s+(?P<set>dead|killed|wounded|injured)\b",
    P.FLAGS,
)


# Where "12 were missiles" can open: a breakdown of the previous sentence's total.
_PREDICATE_LEAD = regex.compile(
    rf"^\W*(?:of\s+(?:these|them|those{P.THOSE_DONE}|which|the\s+\p{{L}}+{P.THOSE_DONE})\s*,?\s*|the\s+(?:remaining|other)\s+|another\s+)"
    rf"(?:{P.COUNT})\s+(?:were|was|are)\s"
    # "Four of the missiles were Kinzhals", "About 40 of them were Shaheds"
    rf"|^{_REPORTED_PREFIX}\W*(?:{P.COUNT}){_OF_THE_SET}\s+(?:were|was|are)\s",
    P.FLAGS,
)
_RELATIVE_START = regex.compile(r"\s*,?\s*(?:that|which|who)\b", _I)
_RELATIVE_AGENT = regex.compile(
    rf"\s+(?:that\s+|which\s+|whom\s+)?(?:{_SIDE}|it|they|the\s+enemy|the\s+occupiers)"
    r"(?:\s+(?:says|said|claims|claimed)\s+(?:it|they))?"  # "the aircraft Kyiv says it has destroyed"
    r"\s+(?:has\s+|had\s+|have\s+)?(?:already\s+|reportedly\s+)?",
    _I,
)


# "The bodies of 23 people, including 4 children, were recovered": found dead, so killed
_BODIES_OF = regex.compile(r"\bbodies\s+of\s+(?:at\s+least\s+|another\s+|a\s+further\s+)?$", _I)
_RECOVERED_AFTER = regex.compile(
    r"(?:\s*,[^,;.]{1,60},)?\s+(?:were|have\s+been|had\s+been|has\s+been)\s+(?:\p{L}+\s+)?"
    r"(?:recovered|found|retrieved|pulled\s+(?:out|from)|discovered|removed\s+from|exhumed|unearthed)\b",
    _I,
)
_RECOVERING_BEFORE = regex.compile(
    r"\b(?:recovered|recovering|recovers|exhumed|exhuming|found|finding|retrieved|retrieving"
    r"|pulled\s+out)\s+(?:the\s+)?(?:at\s+least\s+|another\s+|more\s+than\s+|some\s+)?$",
    _I,
)


def _bodies_found(mention: Mention, text: str) -> bool:
    """'The bodies of 23 people were recovered', 'exhumed 447 bodies': people found dead."""
    named_after = _BODIES_OF.search(text, 0, mention.start) and _RECOVERED_AFTER.match(
        text, mention.end
    )
    bodies = fre.search(r"\bbodies$", text[mention.count_end : mention.end], regex.I)
    named_before = bodies and _RECOVERING_BEFORE.search(text, 0, mention.start)
    passive = bodies and _RECOVERED_AFTER.match(text, mention.end)  # "447 bodies were exhumed"
    return bool(named_after or named_before or passive)


# A swap's side that "received" its people back: "while Russia received 55 prisoners"
_SWAP_WITH_BEFORE = regex.compile(
    r"\b(?:exchanges?|swaps?)\b(?:[^.;:\d]{0,60}?\bwith|\s*:)\s+(?:another\s+|a\s+further\s+)?$", _I
)
_RECEIVED_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?P<side>{_SIDE})\s+(?:has\s+|have\s+|had\s+)?(?:received|got|gets|receives)\s+(?:back\s+)?$",
    _I,
)
_WON_BACK_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?P<side>{_SIDE})\s+(?:has\s+|have\s+|had\s+)?(?:won|got|brought|welcomed)\s+back"
    r"(?:\s+(?:about|some|more\s+than|over|another|a\s+further))?\s+$",
    _I,
)
_PRISONER_WORD = regex.compile(r"\b(?:pows?|prisoners?|captives?)\b", _I)
_PRISONER_NOUN = regex.compile(r"\b(?:prisoners|pows|captives|servicemen|soldiers|defenders)\b", _I)
_DETECTED = regex.compile(r"detected|tracked|spotted|recorded|registered|observed", _I)
# "Of the 32 ballistic missiles fired during the month", "of 118 Kh-101s, Kalibrs and Iskander-Ks launched"
_OF_THE_SET_BEFORE = regex.compile(
    r"\bof\s+(?:the\s+|all\s+(?:the\s+)?|those\s+|these\s+)?"
    r"(?:(?:about|some|roughly|nearly|more\s+than|over|at\s+least)\s+)?$",
    _I,
)
_FIRED_AFTER = regex.compile(
    r"\s+(?:launched|fired|sent|used|dropped)\b(?!\s+(?:by\s+)?(?:it|them)\b)", _I
)
# "North Korea has about 11,000 troops in Kursk Oblast", "a force of 50,000 troops near Kursk":
# troops someone keeps somewhere are deployed there ("has lost 20,000 troops in" has its own verb)
_HOLDER_BEFORE = regex.compile(
    r"\b(?:has|have|had|keeps?|kept|maintains?|(?:a|an|its|their)\s+(?:\p{L}+\s+)?(?:force|contingent|grouping)\s+of)"
    r"\s+(?:(?:about|around|some|roughly|approximately|an\s+estimated|up\s+to|more\s+than|over|nearly"
    r"|at\s+least|as\s+many\s+as)\s+)?$",
    _I,
)
_STATIONED_AFTER = regex.compile(
    r"\s+(?:(?:stationed|deployed|based|massed|concentrated)\s+)?(?:in|near|inside|along|around|on\s+the)\b",
    _I,
)


_HOLDER = regex.compile(
    rf"(?<![\p{{L}}])(?P<side>{_SIDE})\s+(?:(?:now|still|already|reportedly)\s+)?$",
    _I,
)


def _held_force(mention: Mention, text: str) -> regex.Match | None:
    """Troops that a country or army has somewhere: deployed there. The 'has' or 'a force of'."""
    held = _HOLDER_BEFORE.search(text, 0, mention.count_start)
    return held if held is not None and _STATIONED_AFTER.match(text, mention.end) else None


_ELIMINATED_AFTER = regex.compile(
    r"\s+(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:\p{L}+\s+)?(?:eliminated|liquidated)\b",
    _I,
)
_KILLING_VERB = regex.compile(r"eliminat(?:ed|ing|es?)|liquidat(?:ed|ing|es?)", _I)


def _of_soldiers(measure: str | None, subject: str | None) -> str | None:
    """A weapon's verb used of soldiers: 'destroyed 1,100 troops' claims killed and wounded,
    'sent 11,000 troops' deploys them."""
    if subject == "soldier" and measure is not None:
        return {"launched": "deployed", "downed": "casualties", "lost": "casualties"}.get(
            measure, measure
        )  # "up to 1,150 were lost in the zone of the Sever group": killed and wounded
    if subject == "aircraft" and measure in ("casualties", "lost"):
        return "downed"  # "the enemy lost four aircraft": destroyed, not jammed
    return measure


_OWNER_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?P<side>{_SIDE})\s+(?:(?:personnel|military|troop|army|combat|manpower|total"
    rf"|overall|civilian)\s+){{0,2}}$",
    _I,
)


def _owner_before(text: str, start: int) -> str | None:
    """'Russian personnel losses ... have reached 1,225,400': the side named right before a frame."""
    owner = _OWNER_BEFORE.search(text, max(0, start - 50), start)
    return _side_of_word(owner["side"]) if owner else None


def _brought_to_mention(match: regex.Match, text: str, quantity: Quantity) -> Mention | None:
    """'bringing to 13 the number of Russian aircraft it has destroyed': the verb after the noun."""
    head = P.classify_head(match["head"])
    if head is None:
        return None
    subject, _, weapon = head
    mention = Mention(match.start(), match.end(), match.start("count"), match.end("count"),
                      quantity, subject, "brought_to", weapon, _side_hint(match["mods"]),
                      mods=match["mods"])  # fmt: skip
    measure = _relative_clause_measure(text, mention)
    if measure is None:
        after = _passive_after(text, match.end(), limit=20)
        measure = after[0] if after is not None and _compatible(subject, after[0]) else None
    if measure is None:
        return None
    mention.measure = mention.intrinsic = measure
    return mention


def _relative_clause_measure(text: str, mention: Mention) -> str | None:
    """A verb in a relative clause after the noun: 'the 15,000 troops Pyongyang has sent'."""
    agent = _RELATIVE_AGENT.match(text, mention.end)
    if agent is None:
        return None
    verb = P.ACTIVE_RE.match(text, agent.end())
    if verb is None or fre.match(r"\p{L}", text[verb.end() : verb.end() + 1]):
        return None
    measure = _of_soldiers(P.measure_of_match(verb), mention.subject)
    return measure if _compatible(mention.subject, measure) else None


def _among_measure(mention: Mention, mentions: list[Mention], context: EntryContext) -> str | None:
    """The casualty measure 'among them' refers to: this sentence's, else the last figure's."""
    if mention.subject in WEAPON_SUBJECTS:
        # "Russia fired 40 missiles. Among the missiles were 10 Kinzhals": part of what was fired
        weapons = [f for f in context.figures if f.subject in WEAPON_SUBJECTS]
        return "launched" if weapons and weapons[-1].measure == "launched" else None
    head = _previous_with_measure(mention, mentions)
    if head is not None:
        return head.measure if head.measure in PEOPLE_MEASURES else None
    last = context.figures[-1] if context.figures else None
    if (
        last is not None
        and last.subject in PEOPLE_SUBJECTS
        and last.measure in ("killed", "injured")
    ):
        return last.measure
    return None


_HOME_AFTER = regex.compile(r"\s+(?:back\s+)?home\b|\s+back\s+from\s+(?:\p{L}+\s+)?captivity\b", _I)


def _weapon_of_entry(mentions: list[Mention], context: EntryContext) -> str | None:
    """The weapon an entry is about: one class, or aerial_target when drones and missiles mix."""
    subjects = {f.subject for f in context.figures if f.subject in WEAPON_SUBJECTS - {"aircraft"}}
    subjects |= {m.subject for m in mentions if m.subject in WEAPON_SUBJECTS - {"aircraft"}}
    if subjects == {"aerial_target"}:
        return "aerial_target"  # "Launched: 497 air attack assets ... Neutralised: 420"
    subjects.discard("aerial_target")
    if not subjects:
        return None
    if len(subjects) == 1:
        return subjects.pop()
    return "aerial_target"


def _compatible(subject: str | None, measure: str) -> bool:
    """Whether a measure can apply to a subject: drones are not 'deployed', people not 'downed'."""
    if subject is None:
        return True
    if subject == "aircraft" and measure == "left_airspace":
        return False  # "three MiG-31s entered Estonian airspace": a violation, not a weapon's fate
    if subject in WEAPON_SUBJECTS:
        return measure in WEAPON_MEASURES or (subject == "aircraft" and measure == "downed")
    if measure == "deployed":
        return subject == "soldier"
    return measure in PEOPLE_MEASURES


_HITS_LABEL = regex.compile(
    r"[^\p{L}\d]*(?:hits|impacts|strikes\s+recorded|hits\s+recorded)\s*", _I
)


def _colon_lead(text: str, position: int) -> str | None:
    """'Shot down: 81 cruise missiles; 23 Kh-59 missiles': items take the verb before the colon."""
    colon = text.rfind(":", 0, position)
    if colon < 0 or fre.search(r"[.!?]", text[colon:position]):
        return None
    lead = text[max(0, colon - 160) : colon]  # "Of these, destroyed by the ... Defence Forces:"
    lead = fre.split(r";|:\s", lead)[-1]
    if _HITS_LABEL.fullmatch(lead):
        return "hit"  # "Hits: 5 missiles and 16 drones at 7 locations"
    found = P.verbs_in(lead)
    verbs = [  # "locationally lost" is one verb, not also the active "lost" inside it
        v
        for v in found
        if not any(o[0] <= v[0] and v[1] <= o[1] and o[1] - o[0] > v[1] - v[0] for o in found)
    ]
    if not verbs:
        return None
    chosen = verbs[-1]
    for earlier in reversed(verbs[:-1]):
        # "shot down or suppressed": the first of a pair decides
        if fre.fullmatch(r"\s*(?:or|and|/)\s*", lead[earlier[1] : chosen[0]]):
            chosen = earlier
    return chosen[2]


def _assign_partner(x: Mention, measure: str) -> None:
    """The Y of 'X of Y': launched when X counts what happened to the weapons."""
    y = x.partner
    assert y is not None
    if x.subject in WEAPON_SUBJECTS and measure in ("downed", "lost", "hit", "left_airspace"):
        y.measure = "launched"
        y.rule = "x_of_y:total"
    elif x.subject in PEOPLE_SUBJECTS and measure in ("killed", "injured", "captured"):
        y.measure = None


def _inherit_from_head(mention: Mention, mentions: list[Mention], text: str) -> str | None:
    """'49 drones were downed, including 25 over Rostov': the part takes the total's measure."""
    before = text[: mention.start]
    if not _INCLUDING.search(before.rstrip(" ,")) and not _INCLUDING.search(before):
        joined = fre.search(
            # not across a new clause: "28 missiles, 20 of which were shot down, the military
            # said, a day after a barrage of 84 missiles"
            r"(?:including|incl\.|of\s+(?:them|which|whom)|among\s+them)"
            r"(?:(?!\b(?:said|says|reported|after|before|when|while|following)\b)[^.;])*$",
            before,
            regex.I,
        )
        if not joined:
            return None
    if _OWN_CLAUSE_AFTER.match(text, mention.end):
        return None  # "..., including 14 children, and 39 people have been rescued": its own verb
    head = _previous_with_measure(mention, mentions)
    parts = list(_PARTS_OPENER.finditer(before))
    if head is not None and parts and _ALONGSIDE_BEFORE.search(before):
        # "neutralised 409 drones, of them 134 were lost, as well as 19 missiles": the
        # missiles stand beside the 409, not among the 134
        opened = parts[-1].start()
        if head.count_start > opened:
            totals = [m for m in mentions if m.count_start < opened and m.measure and m.subject]
            head = totals[-1] if totals else None
    return head.measure if head is not None else None


_PARTS_OPENER = regex.compile(r"\b(?:including|of\s+(?:them|which|whom)|among\s+them)\b", _I)
_ALONGSIDE_BEFORE = regex.compile(
    r",\s*(?:as\s+well\s+as|along\s+with|together\s+with|plus)\s+$", _I
)


# A clause of the phrase's own, whose verb the lexicon does not count
_OWN_CLAUSE_AFTER = regex.compile(
    r"\s+(?:have|has|had|were|was|are|is)\s+(?:been\s+|now\s+|also\s+)?(?:\p{L}+ed|\p{L}+en)\b", _I
)
_COMPARISON_AFTER = regex.compile(r"\s*(?:more|fewer|less|than|up\s+from|down\s+from)\b", _I)
_ATTRIBUTION_GAP = regex.compile(
    r"(?:\s+(?:at|on|in|over|across|against|towards?|into|overnight|last|this|early|late"
    r"|yesterday|today)\b[^–—:;()\[\],.]{0,60}?)?"  # "fired 18 missiles at Kyiv on the night of 15 to 16 May — ..."
    r"\s*(?:,\s*(?:[\p{L}'’\-]+\s+){0,5}(?:said|says|reported|reports|added|stated|wrote)\s*)?",
    _I,
)
_PARTS_OPEN = regex.compile(
    r"(?:\s[–—-]|[–—:(]|,\s+(?:made\s+up\s+of|consisting\s+of|comprising|composed\s+of))\s*$", _I
)  # "215 air attack assets, made up of 70 missiles and 145 drones"


# "Most of the drones, 52, were shot down over the Bryansk region"
_SHARE_LEAD = regex.compile(
    r"\b(?:most|the\s+bulk|the\s+majority|many)\s+of\s+(?:the|them|these|those)"
    r"(?:\s+(?P<noun>[\p{L}\-]+))?\s*,\s*$",
    _I,
)


def _assign_apposed_share(mentions: list[Mention], text: str, context: EntryContext) -> None:
    """A count set off by commas after 'most of the drones' is that share, with the verb after."""
    for mention in mentions:
        if mention.rule != "bare" or mention.measure is not None:
            continue
        lead = _SHARE_LEAD.search(text, 0, mention.count_start)
        comma = fre.match(r"\s*,", text[mention.count_end :])
        if lead is None or comma is None:
            continue
        verb = _passive_after(text, mention.count_end + comma.end(), limit=40)
        if verb is None:
            continue
        named = P.classify_head(lead["noun"]) if lead["noun"] else None
        if named is not None:
            subject = named[0]
        elif lead["noun"] is None and context.figures:
            subject = context.figures[-1].subject  # "Most of them, 40, were shot down"
        else:
            continue
        if _compatible(subject, verb[0]):
            mention.subject, mention.measure, mention.rule = subject, verb[0], "apposed_share"


# "440 drones and 32 missiles, of which 428 and 30 respectively were shot down"
_RESPECTIVELY = regex.compile(r",?\s*respectively\b\s*,?", _I)
_BARE_JOIN = regex.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", _I)


def _assign_respectively(mentions: list[Mention], text: str) -> None:
    """Bare counts 'N and M respectively' take, in order, the things named just before them."""
    for closing in _RESPECTIVELY.finditer(text):
        bare = [m for m in mentions if m.end <= closing.start()]
        run: list[Mention] = []
        for mention in reversed(bare):
            if mention.rule != "bare" or mention.measure is not None:
                break
            if run and not _BARE_JOIN.fullmatch(text, mention.end, run[0].start):
                break
            if not run and text[mention.end : closing.start()].strip():
                break
            run.insert(0, mention)
        if len(run) < 2:
            continue
        named = [m for m in mentions if m.end <= run[0].start and m.subject][-len(run) :]
        if len(named) != len(run) or any(m.rule == "bare" or m.is_y for m in named):
            continue
        verb = _passive_after(text, closing.end(), limit=40) or _active_before(
            text, run[0].start, limit=30
        )
        if verb is None:
            continue
        for part, thing in zip(run, named, strict=True):
            if _compatible(thing.subject, verb[0]):
                part.subject, part.weapon, part.side_hint = (
                    thing.subject,
                    thing.weapon,
                    thing.side_hint,
                )
                part.measure, part.rule = verb[0], "respectively"


def _assign_listed_parts(group: list[Mention], mentions: list[Mention], text: str) -> None:
    """'37 cruise missiles - 21 Kh-101 and 16 Kalibr': the parts after a dash share the total's verb."""
    opening = _PARTS_OPEN.search(text, 0, group[0].start)
    if opening is None:
        return
    heads = [m for m in mentions if m.measure and m.end <= opening.start() and not m.is_y]
    if not heads or not _ATTRIBUTION_GAP.fullmatch(text[heads[-1].end : opening.start()]):
        return  # only an attribution may stand between: "..., the Air Force said: 25 Iskander-M"
    head = heads[-1]
    if any(head.end <= m.start < opening.start() for m in mentions):
        return  # another count stands between: its own phrase, not the total's parts
    if not all(_part_of(head.subject, part.subject) for part in group):
        return
    if any(_COMPARISON_AFTER.match(text, part.end) for part in group):
        return  # "45 drones – 20 drones fewer than a day earlier"
    if (
        head.quantity.qualifier == "exact"
        and sum(m.quantity.value for m in group) > head.quantity.value
    ):
        return
    for part in group:
        part.measure, part.rule = head.measure, f"{part.rule}:listed_parts"
        part.side_hint = part.side_hint or head.side_hint
    closing = _ALL_AFTER_PARTS.match(text, group[-1].end)
    verb = _passive_after(text, closing.end(), limit=40) if closing is not None else None
    if (
        verb is not None
        and head.measure == "launched"
        and verb[0] in ("downed", "lost", "hit")
        and head.extra_measure is None
    ):  # "fired 18 missiles — six Kinzhals and 12 Kalibrs — and all of them were shot down"
        head.extra_measure, head.extra_rule = verb[0], "all_of_which"


_ALL_AFTER_PARTS = regex.compile(
    r"\s*[–—)]\s*,?\s*(?:and\s+)?(?:all|both)(?:\s+of\s+(?:them|which|these))?", _I
)


def _part_of(total: str | None, part: str | None) -> bool:
    """Whether a count of `part` can be a share of a count of `total` (Kalibrs of missiles)."""
    if total is None or part is None:
        return False
    if total == part:
        return True
    if total in ("missile", "aerial_target"):
        return part in WEAPON_SUBJECTS - {"aircraft"} and (
            total == "aerial_target" or "missile" in part
        )
    if total in ("person", "civilian"):
        return part in PEOPLE_SUBJECTS
    return False


def _previous_with_measure(mention: Mention, mentions: list[Mention]) -> Mention | None:
    previous = [
        m for m in mentions
        if m.count_start < mention.count_start and m.measure and not m.is_y
        and (m.subject or m.rule.startswith("casualty_noun"))
    ]  # fmt: skip
    return previous[-1] if previous else None


_BARE_GAP = regex.compile(
    r"(?:[\s\"“”'‘’,—–]"  # "2 — left the airspace of Ukraine"
    r"|(?:also|reportedly|later|then|still|all|each|in\s+total|so\s+far|overnight"
    r"|have|has|had|been|being|were|was|are|is|already|now|since|could\s+be|can\s+be)\b"
    r"|,?\s*including\s+[^,;]{0,40},|\([^()]{0,60}\))*",
    _I,
)


def _verb_start(text: str, start: int, verb_end: int) -> int:
    """Where the verb found by _passive_after begins (it reports only the end)."""
    aside = _PARENTHETICAL.match(text, start)
    begin = aside.end() if aside else start
    match = P.PASSIVE_RE.search(text, begin)  # the whole text: a verb may look ahead
    return match.start() if match is not None and match.end() <= verb_end else verb_end


def _continue_partitives(mentions: list[Mention], text: str) -> None:
    """'Of the 40 missiles, 18 were shot down; of 42 Shaheds, 39': the verb carries over."""
    done = [m for m in mentions if m.measure and m.rule.startswith("ellipsis_passive")]
    if not done:
        return
    for total, part in itertools.pairwise(mentions):
        if total.measure is not None or part.measure is not None or part.rule != "bare":
            continue
        if total.subject not in WEAPON_SUBJECTS or not total.rule.startswith("noun_phrase"):
            continue
        if not fre.search(r"(?:^|[;,]\s*)of\s+(?:the\s+)?$", text[: total.count_start], regex.I):
            continue
        if not fre.fullmatch(r"\s*,\s*", text[total.end : part.count_start]):
            continue
        if not fre.match(r"\s*(?:[.;]|$)", text[part.count_end :]):
            continue
        if part.quantity.value > total.quantity.value:
            continue
        previous = [m for m in done if m.count_start < total.count_start]
        if not previous:
            continue
        total.measure, total.rule = "launched", "noun_phrase:partitive_total"
        part.subject, part.measure, part.rule = (
            total.subject,
            previous[-1].measure,
            "ellipsis_passive",
        )
        part.weapon, part.side_hint = total.weapon, total.side_hint


_FIRED_AFTER = regex.compile(r"\s+(?:launched|fired|sent|used)\b", _I)


def _pair_bare_x_of_y(mentions: list[Mention], text: str) -> None:
    """'22 of 27 destroyed': two bare counts, the second the total."""
    bare = [m for m in mentions if m.rule == "bare"]
    for x, y in itertools.pairwise(bare):
        if fre.fullmatch(
            r"\s+(?:out\s+)?of\s+(?:the\s+)?", text[x.count_end : y.count_start], regex.I
        ):
            x.partner, y.is_y = y, True
            x.end = y.count_end
            # "11 of the 32 fired were intercepted", "shot down 41 of the 48 launched": the
            # participle names the set; the verb of the sentence is further on or before
            fired = _FIRED_AFTER.match(text, y.count_end)
            if fired is not None:
                x.end = y.end = fired.end()


_OF_THE_DEAD = regex.compile(
    r"\s+of\s+(?:the|those)\s+(?P<set>dead|killed|injured|wounded)\b(?=\s*(?:[,;.)]|$|\s+and\b))",
    _I,
)


_SHARE_VERB = regex.compile(
    r"\b(?:accounted|accounts|account|made|make|makes)\s+(?:for|up)\s+"
    r"(?:(?:at\s+least|about|some|nearly|almost|more\s+than)\s+)?$"
    r"|\b(?:accounted|accounts|account|made|make|makes)\s+(?:for|up)\s+[^.;]{1,40}?\s+and\s+$",
    _I,
)


def _assign_share_of_dead(mention: Mention, text: str) -> None:
    """'Kyiv accounted for 33 of the dead': a share of a toll, counted as the toll counts."""
    match = _OF_THE_DEAD.match(text, mention.count_end)
    if match is None or _is_excluded_count(text, mention.count_start, mention.count_end):
        return
    if mention.quantity.value == 1:
        return  # "one of the wounded, a 63-year-old woman, died": a person, not a share
    if not _SHARE_VERB.search(text, 0, mention.count_start):
        return  # "Hospitals received 20 of the injured": where they went, not a toll's part
    share = _ACCOUNTED_FOR.search(text, 0, mention.start)
    mention.subject = P.classify_head(share["group"])[0] if share else "person"
    mention.measure = _frame_measure(match["set"])
    mention.end, mention.rule = match.end(), "share_of_toll"


def _counts_mixed_weapons(mention: Mention, mentions: list[Mention]) -> bool:
    """A bare count larger than any one kind of weapon counted before it, within their sum."""
    nearest = [
        m for m in mentions
        if m.count_start < mention.count_start and m.subject in WEAPON_SUBJECTS and not m.is_y
    ]  # fmt: skip
    before = [
        m for m in nearest if m.subject != "aerial_target" and m.measure in (None, "launched")
    ]
    kinds = {_weapon_family(m.subject) for m in before}
    value = mention.quantity.value
    return (
        len(kinds) >= 2
        and nearest[-1] is before[-1]  # "...; 75 drones were shot down, another 58 were lost"
        and before[-1].quantity.value < value <= sum(m.quantity.value for m in before)
    )


_MONEY_BEFORE_BARE = regex.compile(
    r"\d\s*(?:million|billion|thousand|m|bn)?\s*(?:roubles|rubles|hryvnias?|uah|dollars|euros|pounds)\b"
    r"[^.;\d]{0,40}$",
    _I,
)


def _assign_ellipsis(
    mention: Mention, mentions: list[Mention], sentence: Sentence, context: EntryContext
) -> None:
    """Counts without a noun that have their own verb: 'while two left Ukraine's airspace'."""
    text = sentence.text
    if mention.is_y:
        return
    before = text[: mention.count_start]
    if _NOT_BEFORE_BARE.search(before[-12:]) and not fre.search(
        r"(?:all|another|a\s+further|further)\s*$", before, regex.I
    ):
        return
    if _MONEY_BEFORE_BARE.search(before):
        return  # "will receive 3 million roubles, the seriously injured 1 million": sums
    framed = fre.search(r"^\s*(?:of|among)\s+(?:the|these|those)\b[^,;]*,\s*$", before, regex.I)
    word = text[mention.count_start : mention.count_end].strip().lower()
    if not framed and word in ("one", "both"):
        # "but one struck a building", "both are wounded": too often not counts; but
        # "fired two Iskander-M missiles ... and both struck the centre" counts the two
        pairs = [
            m.quantity.value for m in mentions
            if m.count_start < mention.count_start and m.subject in WEAPON_SUBJECTS
        ] + [f.value for f in context.figures[-3:] if f.subject in WEAPON_SUBJECTS]  # fmt: skip
        listed_one = word == "one" and any(
            m.subject in WEAPON_SUBJECTS
            and m.measure in WEAPON_MEASURES
            and m.count_end <= mention.count_start
            and fre.fullmatch(
                r"[^.;:]*?(?:,|\band|\bwhile|\bwhereas)\s*", text[m.end : mention.count_start]
            )
            for m in mentions
        )  # "12 were shot down and one left Ukrainian airspace": the last of the night's tally
        if not listed_one and (word != "both" or 2 not in pairs):
            return
    follow = _BARE_FOLLOW.match(text[mention.end :])
    anaphor = (follow["anaphor"] or "").strip().lower() if follow else ""
    rest_offset = mention.end + (follow.start("rest") if follow else 0)

    after = _passive_after(text, rest_offset, limit=50)
    if after is not None and not _BARE_GAP.fullmatch(
        text, rest_offset, _verb_start(text, rest_offset, after[1])
    ):
        # "Two port workers were wounded": a noun the lexicon does not know stands between
        after = None
    if after is not None:
        antecedent = _antecedent(mention, mentions, context, text, measure=after[0])
        measure = after[0]
        if measure == "lost" and antecedent is not None and antecedent.subject == "soldier":
            measure = (
                "casualties"  # "Of these, up to 1,150 were lost in the zone of the Sever group"
            )
        subject = _bare_subject(measure, antecedent)
        total = (
            next(
                (m for m in reversed(mentions)
                 if m.count_start < mention.count_start and m.rule.startswith("casualty_noun")),
                None,
            )
            if subject == "person" and anaphor.startswith("of")
            else None
        )  # fmt: skip
        if total is not None:
            # "Russian forces suffered 95,000 casualties, more than 18,000 of them killed"
            subject = _casualty_subject(total, text, context, mentions)
        if (
            subject == "person"
            and antecedent is not None
            and antecedent.subject == "child"
            and antecedent.count_start >= 0
            and "breakdown" not in antecedent.rule
            and fre.fullmatch(
                r"[^,;:()]*?\s+and\s+(?:more\s+than\s+|at\s+least\s+|another\s+)?",
                text[antecedent.end : mention.start],
            )
        ):
            subject = "child"  # "551 children were killed and more than 1,368 were injured"
        listed = _listed_subjects(mentions, text, after[1])
        if measure in WEAPON_MEASURES and listed:
            subject = listed.pop() if len(listed) == 1 else "aerial_target"
        elif measure in WEAPON_MEASURES and _counts_mixed_weapons(mention, mentions):
            subject = "aerial_target"  # "127 missiles and 109 drones launched; 201 shot down"
        if subject is None:
            return
        if _ALL_BUT_BEFORE.search(before):
            # "All but three were shot down": the three were not; the rest is a number the
            # text does not write, so no figure (every figure's span shows its value)
            return
        mention.subject, mention.measure = subject, measure
        mention.end = after[1]
        mention.rule = "ellipsis_passive"
        _inherit_side(mention, antecedent)
        if antecedent is not None and antecedent.rule == "context":
            mention.antecedent_date = antecedent.antecedent_date  # "73 of them": that day's
        if mention.partner is not None:
            _assign_partner(mention, measure)
            mention.partner.subject, mention.partner.side_hint = subject, mention.side_hint
            mention.partner.weapon = mention.weapon
        partitive = anaphor.startswith("of") or fre.search(
            r"\b(?:of|out\s+of)\s+(?:the|those|these|them|which)?\b[^,;]*,?\s*$", before, regex.I
        )
        if (
            partitive
            and antecedent is not None
            and antecedent.rule == "noun_phrase"
            and antecedent.measure is None
            and antecedent.subject in WEAPON_SUBJECTS
            and measure in ("downed", "lost", "hit", "left_airspace")
        ):
            antecedent.measure, antecedent.rule = "launched", "noun_phrase:partitive_total"
        return
    if _label_count(mention, mentions, text, context):
        return
    active = _active_before(text, mention.count_start, limit=20)
    next_text = text[mention.count_end : mention.count_end + 25]
    active_gap = text[active[1] : mention.count_start] if active else ""
    if active is None or fre.search(r"[,;:]", active_gap):
        return
    if fre.search(
        r"\b(?:despite|after|before|from|with|by|during|since|than|among|amid)\s+$",
        active_gap,
        regex.I,
    ):
        return  # "zero wounded despite 14 explosives": the count is not the verb's object
    if _OWN_CLAUSE_AFTER.match(text, mention.count_end):
        return  # "100 people were wounded and 18 were still missing": the count has its own verb
    antecedent = _antecedent(mention, mentions, context, text)
    measure = active[0]
    subject = _bare_subject(measure, antecedent)
    shared = _SHARED_OBJECT.match(text, mention.count_end)
    later = next((m for m in mentions if shared and m.count_start == shared.end()), None)
    if later is not None and later.subject in PEOPLE_SUBJECTS and measure in PEOPLE_MEASURES:
        subject = later.subject  # "has killed 2,387 and wounded 5,612 residents": one noun for both
    if (
        subject == "person"
        and antecedent is not None
        and antecedent.subject == "child"
        and antecedent.count_start >= 0
        and _AND_VERB_GAP.fullmatch(text, antecedent.end, mention.start)
    ):
        subject = "child"  # "killed 11 children and injured 64": the same noun, elided
    if subject is None:
        return
    anaphoric = (
        fre.match(r"\s+of\s+(?:them|those|these)\b", next_text, regex.I)
        or (  # "shot down 41 of the 48 launched", not "38 of the 42 assault actions"
            mention.partner is not None and not fre.match(r"\s+\p{L}", text[mention.partner.end :])
        )
        or (
            antecedent is not None
            and antecedent.rule.startswith("noun_phrase")
            and antecedent.count_start >= 0
            and mention.quantity.value <= antecedent.quantity.value
            and not fre.match(r"\s+(?:of|out|\p{L})", next_text, regex.I)
        )
        or (  # "... and electronic warfare suppressed 12 more": the agent is part of that verb
            fre.match(r"\s+(?:more|others?)\b", next_text, regex.I)
            and len(active_gap.split()) <= (5 if measure == "lost" else 3)
        )
    )
    if (
        measure in PEOPLE_MEASURES
        and not fre.match(r"\s+(?:of|out)\b", next_text, regex.I)
        and not _NOUN_AFTER_BARE.match(next_text)
    ) or (measure in WEAPON_MEASURES and anaphoric):
        mention.rule = "ellipsis_active"
    else:
        return
    mention.subject, mention.measure = subject, measure
    _inherit_side(mention, antecedent)
    if antecedent is not None and antecedent.rule == "context":
        mention.antecedent_date = antecedent.antecedent_date


_OWN_CLAUSE_AFTER = regex.compile(
    r"\s+(?:were|was|are|is|remain|remained|remains|have|has|had)\b(?!\s+(?:been\s+)?(?:killed|injured"
    r"|wounded|hurt|shot|destroyed|downed|intercepted))",
    _I,
)
# "killed 2,387 and wounded 5,612 residents": the noun after the second count is the first's too
_SHARED_OBJECT = regex.compile(r"\s+(?:and|or)\s+(?:\p{L}+\s+){1,2}?(?=\d|(?:more|over)\s)", _I)


# "Kh-101 — 12", "- Shahed drones: 412", "drones — 120 launched, 98 shot down; missiles — 6 ..."
_KEY = regex.compile(
    r"(?:^|(?<=[:;])\s*)[\s•·▪◦●*\-–—\p{So}\p{Sk}\uFE0F]*(?P<label>[^\s:;—–\d\-][^:;—–|]{0,60}?)"
    r"\s*(?::|\s?[—–]|\s-)(?=\s*\S)"
)
_KEYED_LINE = regex.compile(_KEY.pattern + r"\s*(?:about\s+|over\s+|up\s+to\s+|some\s+)?\d", _I)


_COUNT_DASH_LINE = regex.compile(
    rf"^\W*(?:{P.COUNT})\s*[–—-]\s", P.FLAGS
)  # "6 – over the Kaluga region;"
_VERB_RIGHT_AFTER = regex.compile(rf"\s+(?:{P.ACTIVE_RE.pattern}|{P.PASSIVE_RE.pattern})", P.FLAGS)
_COUNT_ENDS = regex.compile(r"\s*(?:[,;.)(\[]|$)")


def _unread(mention: Mention) -> bool:
    """A bare count no rule has given a measure yet (an "X of Y" total is never one)."""
    return mention.rule == "bare" and mention.measure is None and not mention.is_y


def _assign_keyed_counts(
    mentions: list[Mention], sentence: Sentence, context: EntryContext
) -> None:
    """Counts keyed by a label that names what they count: 'Kh-101 — 12', 'drones: 120 launched'.

    The measure is a verb next to the count within its segment, else the measure of
    a lead line ending in a colon ('The enemy launched:'); without one, nothing.
    """
    text = sentence.text
    bare = [m for m in mentions if _unread(m) and m.partner is None]
    if not bare:
        return
    for key in _KEY.finditer(text):
        named = tables.subject_of(key["label"])
        if named is None or len(key["label"].split()) > 8:
            continue
        label_measure = tables.measure_of(key["label"])  # "Drones shot down: 412"
        subject, weapon = named
        segment_end = text.find(";", key.end())
        segment_end = len(text) if segment_end < 0 else segment_end
        for mention in bare:
            if not key.end() <= mention.count_start < segment_end or mention.measure:
                continue
            measure = _segment_measure(text, mention, key.end(), segment_end)
            if _NOUN_AFTER_BARE.match(text, mention.count_end) and not _VERB_RIGHT_AFTER.match(
                text, mention.count_end
            ):
                continue  # "Drones — Ukraine has lost 40 interceptors": the count has its own noun
            if measure is None and not _COUNT_ENDS.match(text, mention.count_end):
                continue  # "with smaller numbers in six other regions": the count counts something else
            if measure is None and (sentence.is_bullet or _KEYED_LINE.match(text)):
                measure = context.lead_measure
            measure = measure or label_measure
            if measure is None or not _compatible(subject, measure):
                continue
            mention.subject, mention.measure, mention.weapon = subject, measure, weapon
            mention.rule = "keyed_count"
            mention.side_hint = _side_hint(key["label"])
            if _part_of_running_total(mention, context, text):
                mention.cumulative = True


def _part_of_running_total(mention: Mention, context: EntryContext, text: str) -> bool:
    """An undated part of a running total just given: 'more than 2,573 children have suffered
    since ... Most children were harmed in Donetsk region – 603'."""
    if find_dates(text):
        return False
    return any(
        f.cumulative
        and f.subject == mention.subject
        and f.measure == mention.measure
        and f.value >= mention.quantity.value
        for f in context.figures[-6:]
    )


# A list line with the count first and what it counts after a dash:
# "• 810 – Shahed-type strike UAVs and decoys (launched from ...);", "15 – Kh-101 cruise missiles"
_COUNT_FIRST_LINE = regex.compile(
    rf"^[^\p{{L}}\d]*(?P<count>{P.COUNT})\s*[–—-]\s*(?P<label>\p{{L}}[^;:()\[\]|.]{{1,90}}?)"
    r"\s*(?:[;.(:]|$)",
    P.FLAGS,
)


def _assign_count_first_line(
    mentions: list[Mention], sentence: Sentence, context: EntryContext
) -> None:
    """'315 – UAVs' under 'Shot down/suppressed:': the lead line's measure, the label's subject.

    The label must name a subject and nothing but it (no verb of its own, no place), and
    a lead line must have given the list its measure; otherwise the count stays unread.
    """
    text = sentence.text
    line = _COUNT_FIRST_LINE.match(text)
    if line is None or len(line["label"].split()) > 12:
        return
    mention = next(
        (
            m
            for m in mentions
            if m.count_start == line.start("count") and _unread(m) and m.partner is None
        ),
        None,
    )
    others = [m for m in mentions if m is not mention]
    if mention is None or any(
        not line.start("label") <= m.count_start < line.end() for m in others
    ):
        return  # "1 – 3M22 Zircon missile": a count inside the label is part of a name
    label = line["label"]
    if (
        context.lead_subject in WEAPON_SUBJECTS
        and (verb := P.PASSIVE_RE.match(label) or P.ACTIVE_RE.match(label)) is not None
        and (measure := P.measure_of_match(verb)) in WEAPON_MEASURES
        and measure != "launched"
    ):
        # "🔹 36 – shot down by fire; 🔹 12 – locationally lost" under "... shot down/suppressed
        # 48 enemy UAVs:": the lead's weapons, what the line's verb says happened to them
        mention.subject, mention.measure, mention.rule = (
            context.lead_subject,
            measure,
            "count_first_line",
        )
        mention.end = line.end("label")
        return
    verbs = P.verbs_in(label)
    if verbs and verbs[0][0] > 0 and (named := tables.subject_of(label[: verbs[0][0]])) is not None:
        # "127 — missiles fired on 26 August", "33 — people killed in Kyiv on 8 July": a list of
        # numbers, each with what it counts and what happened to it
        measure = _of_soldiers(verbs[0][2], named[0])
        if _compatible(named[0], measure) and not fre.search(r"[,;]", label[: verbs[0][0]]):
            mention.subject, mention.weapon = named
            mention.measure, mention.rule = measure, "count_first_line"
            mention.end = line.end("label")
            mention.side_hint = _side_hint(label)
        return
    if (
        P.ACTIVE_RE.match(label)
        or P.PASSIVE_RE.search(label)
        or _RUSSIAN_PLACE.search(label)
        or _UKRAINIAN_PLACE.search(label)
    ):
        return  # "6 – over the Kaluga region", "412 – shot down": not a subject label
    named = tables.subject_of(label)
    measure = context.lead_measure
    if named is None or measure is None or not _compatible(named[0], measure):
        return
    mention.subject, mention.weapon = named
    mention.measure, mention.rule = measure, "count_first_line"
    mention.end = line.end("label")
    mention.side_hint = _side_hint(label)


_IN_ALL_AFTER = regex.compile(r"\s+(?:in\s+all|in\s+total|altogether|all\s+told)\b", _I)


def _assign_sum_total(mentions: list[Mention], text: str) -> None:
    """'595 drones and 48 missiles ..., 643 in all': a bare count that sums the ones before it."""
    for mention in mentions:
        if not _unread(mention) or not _IN_ALL_AFTER.match(text, mention.count_end):
            continue
        before = [
            m for m in mentions
            if m.count_end <= mention.count_start and m.measure and m.subject in WEAPON_SUBJECTS
            and not m.is_y and m.quantity.qualifier == "exact"
        ]  # fmt: skip
        for first in range(len(before) - 1):
            parts = before[first:]
            if len({m.measure for m in parts}) != 1:
                continue
            if sum(m.quantity.value for m in parts) == mention.quantity.value:
                subjects = {m.subject for m in parts}
                mention.subject = subjects.pop() if len(subjects) == 1 else "aerial_target"
                mention.measure, mention.rule = parts[0].measure, "sum_total"
                mention.side_hint = mention.side_hint or parts[0].side_hint
                break


def _clause_head(
    mentions: list[Mention],
    text: str,
    end: int,
    at_most: int | None = None,
    above: int | None = None,
) -> Mention | None:
    """The nearest counted and measured mention before `end`, with no '.' or ';' between
    (and, when given, a count of at most `at_most` or above `above`)."""
    heads = [
        m for m in mentions
        if m.count_end <= end and m.measure and m.subject and not m.is_y
        and (at_most is None or m.quantity.value <= at_most)
        and (above is None or m.quantity.value > above)
    ]  # fmt: skip
    if not heads or fre.search(r"[.;]", text[heads[-1].count_end : end]):
        return None
    return heads[-1]


# "destroyed 56 drones over the day, taking that total to 17,710": the running total
_TOTAL_TO_BEFORE = regex.compile(
    r"\b(?:bringing|taking|raising|pushing|brought|took|raised|pushed)\s+(?:the|that|its|their|this)\s+"
    r"(?:overall\s+|running\s+|cumulative\s+|total\s+)?(?:total|tally|count|number)"
    r"(?:\s+(?:for|since|of|this|so)\b[^,;.()\d]{0,50})?\s+to\s+$",
    _I,
)


def _assign_running_total(mentions: list[Mention], text: str) -> None:
    """A bare count after 'taking that total to' is the running total of the figure before it."""
    for mention in mentions:
        if not _unread(mention):
            continue
        frame = _TOTAL_TO_BEFORE.search(text, max(0, mention.start - 90), mention.start)
        if frame is None:
            continue
        head = _clause_head(mentions, text, mention.start, at_most=mention.quantity.value)
        if head is None:
            continue
        _count_as(mention, head, "running_total")
        mention.cumulative = True
        named = tables.subject_of(frame.group())  # "taking the number of missiles fired to 208"
        if named is not None and _compatible(named[0], mention.measure):
            mention.subject, mention.weapon = named


# "losses reached 1,022,670, with 1,040 added over the previous 24 hours": the day's part
_INCREMENT_BEFORE = regex.compile(r"\b(?:includes|included|with|adding|added|plus)\s+$", _I)
_INCREMENT_AFTER = regex.compile(
    r"\s*(?:(?:added|new|more)\s+)?(?:to\s+(?:its|the|their)\s+(?:tally|total|count)\s+)?"
    r"(?=(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?:day|24\s+hours)\b)",
    _I,
)


def _assign_day_increment(mentions: list[Mention], text: str) -> None:
    """A bare count 'added over the past day' after a running total is that day's own figure."""
    for mention in mentions:
        if not _unread(mention):
            continue
        if not _INCREMENT_BEFORE.search(
            text, max(0, mention.count_start - 12), mention.count_start
        ):
            continue
        if not _INCREMENT_AFTER.match(text, mention.count_end):
            continue
        head = _clause_head(mentions, text, mention.count_start, above=mention.quantity.value)
        if head is None:
            continue
        _count_as(mention, head, "breakdown_period")
        mention.cumulative = False  # the day's part of a running total is a daily figure


# "The toll has risen to 25, up from 22", "6,297 drones in July, up from 5,438 in June"
_EARLIER_VALUE_BEFORE = regex.compile(r"\b(?:up|down)\s+from\s+(?:the\s+|a\s+|an\s+)?$", _I)


def _assign_earlier_value(mentions: list[Mention], text: str) -> None:
    """A bare count after 'up from' is the same figure's earlier value: what the head counts."""
    for mention in mentions:
        if not _unread(mention) or not _EARLIER_VALUE_BEFORE.search(
            text, max(0, mention.count_start - 20), mention.count_start
        ):
            continue
        head = _clause_head(mentions, text, mention.count_start)
        if head is None:
            continue
        if _NOUN_AFTER_BARE.match(text, mention.count_end) and not _COUNT_ENDS.match(
            text, mention.count_end
        ):
            continue  # "up from 14 dead and 97 wounded": the count says what it counts itself
        _count_as(mention, head, "earlier_value", cumulative=True)


# "Overnight the enemy sent strike UAVs against the north. Their number: 27." / "In total — 158."
_THEIR_NUMBER = regex.compile(
    rf"^\W*(?:(?:their|the)\s+(?:total\s+)?(?:number|count)\s*(?::|[–—]|\s+(?:was|is|stood\s+at|reached))"
    rf"|(?P<total>(?:in\s+)?total\s*(?::|[–—]|,)?))"
    rf"\s*(?P<count>{P.COUNT})",
    P.FLAGS,
)


def _assign_their_number(
    mentions: list[Mention], sentence: Sentence, context: EntryContext
) -> None:
    """'Their number: 27' counts the weapons the sentence before named, with its verb."""
    line = _THEIR_NUMBER.match(sentence.text)
    if line is None or not context.previous_text:
        return
    if line["total"] and not fre.match(r"\s*(?:[.;]|$)", sentence.text[line.end() :]):
        return  # "In total, 12 were injured" says what it counts itself
    mention = next(
        (
            m
            for m in mentions
            if m.count_start == line.start("count") and m.rule == "bare" and m.measure is None
        ),
        None,
    )
    if mention is None:
        return
    previous = context.previous_text
    heads = [h for h in _named_heads(previous) if h[2] in WEAPON_SUBJECTS]
    if not heads or P.COUNT_RE.search(previous):
        return  # the sentence before counted something itself: "their" may be anything
    start, end, subject, weapon = heads[-1]
    verbs = P.verbs_in(previous[max(0, start - 40) : start])
    if not verbs or not _compatible(subject, verbs[-1][2]):
        return
    mention.subject, mention.weapon, mention.measure = subject, weapon, verbs[-1][2]
    mention.rule = "their_number"
    mention.side_hint = _side_hint(previous[max(0, start - 25) : end])


def _segment_measure(text: str, mention: Mention, start: int, end: int) -> str | None:
    """The verb right after ('120 launched') or right before ('launched 496') a count."""
    after = _passive_after(text[:end], mention.count_end, limit=30)
    if after is not None and not text[mention.count_end : after[1]].count(","):
        return after[0]
    launched = P.ACTIVE_RE.match(text[:end], mention.count_end + 1)
    if text[mention.count_end : mention.count_end + 1].isspace() and launched is not None:
        return P.measure_of_match(launched)  # "120 launched"
    window = text[max(start, mention.count_start - 25) : mention.count_start]
    verbs = [
        (end_, measure) for _, end_, measure in P.verbs_in(window) if not window[end_:].strip(" :")
    ]
    return max(verbs)[1] if verbs else None


# A label opens the sentence or follows a dash or semicolon: "As of 11:00 — killed: 2; injured: 49"
_LABEL = regex.compile(
    r"(?:^|(?<=[;—–]))[^\p{L}\d]*(?P<label>\p{L}[\p{L}\s/]{1,30}?)"
    r"(?:\s+by\s+(?P<agent>[\p{L}\s,\-'’\"«»]{3,80}?))?\s*:\s*$"  # "Destroyed by mobile fire groups: 19"
)
_BREAKDOWN_AFTER = regex.compile(r"\s*\((?P<inside>[^()]{3,80})\)")


# A line led by a measure and a colon, with its count: "Launched: 497 air attack assets"
_MEASURE_LABEL_LINE = regex.compile(
    r"^[^\p{L}\d]*(?P<label>\p{L}[\p{L}\s/]{1,30}?)\s*:\s*"
    r"(?:about\s+|over\s+|more\s+than\s+|up\s+to\s+)?\d[\d,]*(?:\s+[\p{L}\-]+){0,4}\s*$",
    _I,
)


def _only_verbs(label: str) -> bool:
    """Whether a label is nothing but measure verbs: 'Launched', 'Shot down/suppressed'."""
    rest = P.ACTIVE_RE.sub(" ", P.PASSIVE_RE.sub(" ", label))  # "locationally lost" whole first
    return not fre.sub(r"\b(?:and|or|in\s+total|total)\b|[\s/,&+]", "", rest, flags=regex.I)


def _label_count(
    mention: Mention, mentions: list[Mention], text: str, context: EntryContext
) -> bool:
    """'Launched: 741 (728 drones + 13 missiles)': a line led by a measure and a colon.

    The subject comes from the breakdown in brackets after the count, else from
    what the entry has counted so far; without either the count is left alone.
    """
    label = _LABEL.search(text, 0, mention.count_start)
    if label is None:
        return False
    measure = tables.measure_of(label["label"])
    if measure is None or not _only_verbs(label["label"]):
        return False  # "Houses destroyed: 14" counts houses
    if measure in ("killed", "injured"):
        # "Killed: 1 (Bilopillia). Wounded: 4": a bulletin's casualty lines count people
        if _NOUN_AFTER_BARE.match(text, mention.count_end):
            return False
        mention.subject, mention.measure, mention.rule = "person", measure, "label_count"
        return True
    # "fired 1 Iskander-M; shot down: 0": the clause before names what, not the entry
    if measure not in WEAPON_MEASURES or text[: label.start()].strip():
        return False
    inside = _BREAKDOWN_AFTER.match(text, mention.count_end)
    if inside is not None:
        parts = [m for m in mentions if inside.start("inside") <= m.count_start < inside.end()]
        subjects = {m.subject for m in parts if m.subject in WEAPON_SUBJECTS}
        if not parts or sum(m.quantity.value for m in parts) != mention.quantity.value:
            return False
        subject = subjects.pop() if len(subjects) == 1 else "aerial_target"
        for part in parts:
            if part.measure is None:
                part.measure, part.rule = measure, f"{part.rule}:listed_parts"
    else:
        pairs = _respective_subjects(mentions, text, label.end(), context)
        if any(part is mention for part, _ in pairs):
            for part, subject in pairs:  # "Downed: 51 and 2." after "64 drones, 3 missiles"
                part.subject, part.measure, part.rule = subject, measure, "label_count"
            return True
        subject = _weapon_of_entry(mentions, context)
    if subject is None:
        # "... repelled another attack by aircraft-type UAVs on the region. Destroyed: 43."
        named = {s for _, _, s, _ in _named_heads(context.previous_text) if s in WEAPON_SUBJECTS}
        subject = named.pop() if len(named) == 1 else None
    if subject is None:
        return False
    mention.subject, mention.measure, mention.rule = subject, measure, "label_count"
    return True


def _respective_subjects(
    mentions: list[Mention], text: str, start: int, context: EntryContext
) -> list[tuple[Mention, str]]:
    """'Overnight: 64 drones, 3 missiles. Downed: 51 and 2.': the counts follow the last line's order."""
    line = [m for m in mentions if m.rule == "bare" and m.count_start >= start]
    if len(line) < 2 or not all(
        fre.fullmatch(r"\s*(?:,|and|&|\+)\s*(?:and\s+)?", text[a.count_end : b.count_start])
        for a, b in itertools.pairwise(line)
    ):
        return []
    before = [f for f in context.previous_figures if f.subject in WEAPON_SUBJECTS]
    subjects = [f.subject for f in before]
    if len(before) != len(line) or len(set(subjects)) != len(subjects):
        return []
    if any(m.quantity.value > f.value for m, f in zip(line, before, strict=True)):
        return []  # more downed than launched: not the same list
    return list(zip(line, subjects, strict=True))


def _assign_breakdown(
    mention: Mention, mentions: list[Mention], sentence: Sentence, context: EntryContext
) -> None:
    """Parts of a total: '49 drones, including 25 over Rostov and eight over Volgograd'."""
    text = sentence.text
    if mention.measure is not None or mention.is_y:
        return
    before = text[: mention.count_start]
    after = text[mention.count_end : mention.count_end + 80]
    place_first = _place_label(text, mention)
    if not (
        _LOCATIVE_HINT.match(after)
        or fre.search(r"[–—-]\s*$", before[-4:])
        or after.lstrip().startswith(")")
        or place_first is not None
    ):
        return  # only a place, a dash or a parenthesis can make a bare count a part of a total
    item = _DASH_ITEM_BEFORE.search(text, 0, mention.count_start)
    if (
        item is not None
        and _COUNT_CLOSES.match(text, mention.count_end)
        # "personnel — 1,001,970, tanks — 10,942": a losses list's labels say what each counts
        and not _LOSS_ITEM_LABEL.search(text, item.start(), mention.count_start)
        and not fre.match(r"\s*\(\s*\+", text[mention.count_end :])  # "tanks — 10,942 (+3)"
        and tables.subject_of(text[item.start() : mention.count_start]) is None
    ):
        first = next(
            (
                m for m in reversed(mentions)
                if m.measure and m.subject and not m.is_y and m.count_end <= item.start()
            ),
            None,
        )  # fmt: skip
        if (
            first is not None
            and not fre.search(r"[.;:]", text[first.count_end : item.start()])
            and all(v[2] == first.measure for v in P.verbs_in(text[first.end : item.start()]))
        ):
            # "Units of the Zapad group inflicted losses of up to 560 troops, the Yug group —
            # up to 200": each item after a dash counts what the first one did
            _count_as(mention, first, "dash_item", cumulative=True)
            return
    sibling = (
        next(
            (
                m for m in reversed(mentions)
                if m.rule == "place_breakdown" and m.count_end <= mention.count_start
                and not fre.search(r"[.;]", text[m.count_end : mention.count_start])
            ),
            None,
        )
        if place_first is not None and not place_first[1]
        else None
    )  # fmt: skip
    if sibling is not None:
        # "Shot down over the city of Odesa – 11, over Izmail district – 6": the list goes on
        _count_as(mention, sibling, "place_breakdown", cumulative=True)
        return
    line_after_lead = (
        not before.strip() and context.lead_measure is not None
    )  # "...destroyed 21 UAVs:\n12 – over"
    antecedent = _antecedent(mention, mentions, context, text)
    part_of_part = [
        m for m in mentions
        if m.count_end <= mention.count_start and m.measure and "breakdown" in m.rule
        and not fre.search(r"[.;]", text[m.count_end : mention.count_start])
    ]  # fmt: skip
    if part_of_part and fre.search(r",\s*including\s*$", before, regex.I):
        antecedent = part_of_part[
            -1
        ]  # "12 – over the Moscow region, including 5 flying towards Moscow"
    if antecedent is not None and antecedent.rule == "named" and antecedent.measure is None:
        # "Drones were brought down across the country: 96 over the Kyiv region, ..."
        verb = _passive_after(text, antecedent.end)
        if verb is not None and verb[0] in WEAPON_MEASURES and verb[1] <= mention.count_start:
            antecedent.measure = verb[0]
            antecedent.quantity = Quantity(0, "at_least")
    head = antecedent if antecedent is not None and antecedent.measure else None
    if head is None or head.subject is None or head.count_start > mention.count_start:
        return
    whole = next(
        (
            f
            for f in reversed(context.figures[-8:])
            if f.subject == "aerial_target"
            and f.measure == head.measure
            and "breakdown" not in f.rule
        ),
        None,
    )
    if (
        place_first is not None
        and head.rule == "context"
        and head.subject != "aerial_target"
        and whole
    ):
        # "41 air targets were destroyed: missiles – 23, UAVs – 18. By region: Odesa – 14":
        # the regions share out the whole, not its last kind
        head = Mention(-1, -1, -1, -1, Quantity(whole.value, whole.qualifier), "aerial_target", "context",
                       None, whole.side, measure=whole.measure)  # fmt: skip
    if (
        head.rule == "context"
        and P.COUNT_RE.search(text, 0, mention.count_start)
        and not any(
            m.count_end <= mention.count_start and m.rule == "breakdown_location" for m in mentions
        )
    ):
        return  # "143 combat clashes took place, 38 of them in ...": the part of an uncounted total
    follow = _BARE_FOLLOW.match(text[mention.count_end :])
    rest_offset = mention.count_end + (follow.start("rest") if follow else 0)
    # "91 were shot down over the Moscow region and 126 over the Kursk region": a sibling of
    # a located part, not a part of it, so it may be the larger
    sibling_of_part = head.rule in ("ellipsis_passive", "breakdown_location") and bool(
        _LOCATIVE_HINT.match(text, head.end)
        or _LOCATIVE.match(text[head.end : mention.count_start])
    )
    place = _LOCATIVE.match(text[rest_offset:])
    within_total = (
        mention.quantity.value <= head.quantity.value
        or head.quantity.qualifier != "exact"
        # "... and 2,000 in Kursk were left without power": a sibling ends with its place
        or (
            sibling_of_part
            and place is not None
            and _ITEM_CLOSES.match(text, rest_offset + place.end())
        )
    )
    if (
        place is not None
        and (
            line_after_lead
            or fre.search(
                r"(?:,|:|;|[–—-]|including|incl\.|and|of\s+them|of\s+which|among\s+(?:them|those|these))"
                r"\s*(?:\p{L}+\s+)?$",
                before,
                regex.I,
            )
        )
        and within_total
    ):
        rule = "breakdown_location"
    elif fre.search(r"[–—-]\s*$", before) and _DASH_LEAD.search(text) and within_total:
        rule = "dash_breakdown"
    elif (
        place_first is not None
        and (
            place_first[1]
            # "destroyed 41 drones over four regions (Kursk region - 20, Bryansk region - 11)"
            or _OPEN_PARENTHESIS.search(text, 0, mention.count_start)
            or (
                not place_first[2]
                and (
                    context.lead_measure is not None
                    or _place_list_follows(sentence, mention, context)
                )
            )
        )
        and within_total
    ):
        # "over the territory of the Bryansk region – 31," under "... destroyed 105 UAVs:";
        # "Shot down over the city of Odesa – 11, over Izmail district – 6": a verb in the
        # label says what the parts are
        measure = place_first[1] or head.measure
        if not _compatible(head.subject, measure):
            return
        # a year's total by region: each part is a running total too
        _count_as(mention, head, "place_breakdown", measure=measure, cumulative=True)
        return
    elif (
        _PAREN_PLACE_BEFORE.search(before)
        and fre.match(r"\s*\)", text[mention.count_end :])
        and within_total
    ):
        rule = "breakdown_location"  # "over the Belgorod Region (20), the Kursk Region (14)"
    elif (
        _PERIOD_PART.match(text, rest_offset)
        and fre.search(r"including\s*$", before, regex.I)
        and within_total
    ):
        rule = "breakdown_period"  # "about 99,230 personnel, including 720 over the past day"
        mention.cumulative = False  # the day's part of a running total is a daily figure
        owner = _LOSSES_OF.search(text, 0, head.count_start)  # "Russia's losses ... including"
        if owner is not None and head.side_hint is None:
            head.side_hint = _side_of_word(owner["side"])
    else:
        return
    _count_as(mention, head, rule)


def _count_as(
    mention: Mention,
    source: Mention,
    rule: str,
    measure: str | None = None,
    cumulative: bool = False,
) -> None:
    """A part counts what `source` counts: its subject, measure, weapon and side (and running total)."""
    mention.subject, mention.measure = source.subject, measure or source.measure
    mention.weapon, mention.side_hint = source.weapon, source.side_hint
    if cumulative:
        mention.cumulative = source.cumulative
    mention.rule = rule


_LIST_OPENING = regex.compile(r":|\s[–—-]\s")


def _listed_subjects(mentions: list[Mention], text: str, position: int) -> set[str]:
    """Subjects of a list after a colon or dash: '201 were shot down: 102 missiles and 99 drones'."""
    opening = _LIST_OPENING.search(text, position, position + 41)
    if opening is None:
        return set()
    colon = opening.start()
    return {m.subject for m in mentions if m.count_start > colon and m.subject in WEAPON_SUBJECTS}


_POSSESSIVE_AFTER = regex.compile(r".?['’]s\b")
_COMPOUND_PREFIX = regex.compile(r"\b(?:anti|counter)-$", _I)


@functools.lru_cache(maxsize=1024)
def _named_heads(text: str) -> tuple[tuple[int, int, str, str | None], ...]:
    """Every subject noun a sentence names, counted or not (cached: bare counts look back often)."""
    heads = []
    for match in P.COMPILED["head"].finditer(text):
        if match.start() > 0 and text[match.start() - 1].isalpha():
            continue  # "spokesperson" names no person counted
        if _COMPOUND_PREFIX.search(text, max(0, match.start() - 9), match.start()):
            continue  # "anti-aircraft missile units", "counter-drone teams": a modifier
        if _POSSESSIVE_AFTER.match(text, match.end() - 1):
            continue  # "a children's hospital", "Ukraine's drones": a possessive names no group
        head = P.classify_head(match.group())
        if head is not None:
            heads.append((match.start(), match.end(), head[0], head[2]))
    return tuple(heads)


_OF_THEM_AFTER = regex.compile(r"\s+of\s+(?:them|those|these)\b", _I)


# A place that leads its count: "over the territory of the Bryansk region – 31", "Kostiantynivka – 3"
_OPEN_PARENTHESIS = regex.compile(r"\([^()]*$")
_PLACE_LABEL = regex.compile(
    r"(?:^|[,;:(]\s*|\s(?:and|including)\s+)[\s•·▪◦●*\-–—\p{So}\uFE0F]*"
    r"(?P<verb>(?:shot\s+down|destroyed|intercepted|downed|neutrali[sz]ed|killed|injured|wounded)\s+)?"
    r"(?:(?:over|in|above|near|off)\s+(?:the\s+)?(?:(?:territory|territories|waters|skies|airspace|area|city|town"
    r"|village|settlement)\s+of\s+(?:the\s+)?)?)?"
    r"(?P<place>(?-i:\p{Lu})[\p{L}'’\-]*(?:\s+(?-i:\p{Lu})[\p{L}'’\-]*){0,2})"
    r"(?:\s+(?:region|oblast|district|raion|krai|republic|sea|community|hromada|peninsula|city))?"
    r"\s*(?:[–—:]|\s-|,)\s*$",
    _I,
)
_ITEM_CLOSES = regex.compile(
    r"(?:\s+(?:region|regions|oblast|district|city|republic|krai|sea|peninsula|area))?"
    r"\s*(?:[,;.)]|$|\s+(?:and|while|where|but|whereas)\b)",
    _I,
)
_COUNT_CLOSES = regex.compile(r"\s*(?:[,;.)]|$|\(|\s+(?:and|including|each)\b)", _I)
# A later item of a list, its label before a dash: ", the Yug (South) group — up to 200"
_DASH_ITEM_BEFORE = regex.compile(
    r",\s*(?:and\s+)?(?!(?:the\s+)?(?:rest|remaining|others?|another|more)\b)"
    r"(?:the\s+|in\s+the\s+|over\s+the\s+)?[\p{L}'’\-]+(?:\s+(?:\([\p{L}\s]+\)|[\p{L}'’\-]+)){0,4}\s+[—–]\s*$",
    _I,
)


def _place_label(text: str, mention: Mention) -> tuple[str, str | None, str] | None:
    """(place, measure its verb names, text before the label) when a place and a dash lead a bare count."""
    label = _PLACE_LABEL.search(text, 0, mention.count_start)
    if label is None or not _COUNT_CLOSES.match(text, mention.count_end):
        return None
    place = label["place"]
    if (
        tables.subject_of(place) is not None
        or tables.measure_of(place) is not None
        or find_dates(place)
        or place.split()[0].lower() in _NOT_LABEL_PLACES
    ):
        return None  # "Killed – 3", "Drones – 12", "June – 5,438": not places
    verb = label["verb"]
    return place, tables.measure_of(verb) if verb else None, text[: label.start()].strip()


def _place_list_follows(sentence: Sentence, mention: Mention, context: EntryContext) -> bool:
    """Place lines right after one total: '...destroyed 14 UAVs.' then '📍Liski district — 5'."""
    last = context.previous_figures
    whole_line = sentence.is_bullet or not sentence.text[mention.count_end :].strip(" ,;.")
    return whole_line and (
        len(last) == 1 or (bool(last) and all(f.rule == "place_breakdown" for f in last))
    )


# Not places before a dash: "Total – 14", "Among them – 3", months and weekdays
_NOT_LABEL_PLACES = frozenset(
    {"total", "in", "of", "including", "among", "children", "adults", "civilians", "total:"}
) | (_NOT_PLACES - {"black"})  # "Black Sea — 2,212" is a place


def _antecedent(
    mention: Mention,
    mentions: list[Mention],
    context: EntryContext,
    text: str = "",
    measure: str | None = None,
) -> Mention | None:
    """What a bare count counts: the nearest counted or named thing before it."""
    previous = [
        m for m in mentions
        if m.count_start < mention.count_start and m.subject and not m.is_y
        and "breakdown" not in m.rule and m.rule != "of_whom"
    ]  # fmt: skip
    if text:
        # "41 missiles, including 16 Kh-101s, ... destroyed 21 of them", "killed 31 civilians,
        # including five children, and injured 159": the total, not its part
        wholes = [m for m in previous if not _INCLUDING_BEFORE.search(text, 0, m.start)]
        previous = wholes or previous
    named = None
    for start, end, subject, weapon in reversed(_named_heads(text)):
        if start >= mention.count_start:
            continue
        if any(m.start <= start < m.end for m in mentions):
            continue
        doing = P.ACTIVE_RE.search(text, end, mention.count_start)
        if doing is not None and (
            _TO_DO.fullmatch(text, end, doing.start())
            or (not text[end : doing.start()].strip() and P.measure_of_match(doing) == "downed")
        ):
            continue  # "prompting allied jets to shoot down three of them": the doers, not them
        named = Mention(start, end, start, end, Quantity(0), subject, "named", weapon,
                        _side_hint(text[max(0, start - 25) : end]))  # fmt: skip
        break
    framed = named is not None and fre.search(
        r"^\s*(?:of|among)\s+(?:the|these|those)\b",
        text[max(0, named.start - 30) : named.start].split(",")[-1],
        regex.I,
    )
    if named is not None and (not previous or framed):
        return named
    if previous:
        drones = [m for m in previous if m.subject == "drone"]
        if measure == "lost" and previous[-1].subject in MISSILE_SUBJECTS and drones:
            # "downed 277 of the drones and 19 of the missiles, while 10 were lost to
            # electronic warfare": jamming loses drones, not the missiles named last
            return drones[-1]
        return previous[-1]
    totals = [
        f
        for f in context.figures
        if not f.rule.startswith(("breakdown", "dash", "place_breakdown"))
        and not f.rule.endswith(("listed_parts", "breakdown_including"))
        and not (f.rule.endswith("colon_list") and _has_total(f, context.figures))
    ]  # "fired 18 missiles: six Kinzhals ... All 18 were shot down": the total, not its last part
    if totals and text and _OF_THEM_AFTER.match(text, mention.count_end):
        # "158 were recorded – 122 missiles and 36 drones: ... destroyed 114 of them": a set at
        # least that large, and the whole rather than a part given beside it
        wholes = [
            f
            for f in totals
            if f.value >= mention.quantity.value and not _has_total(f, context.figures)
        ]
        # "four of them" counts part of a larger set; a set of exactly four would be "all four"
        larger = [f for f in wholes if f.value > mention.quantity.value]
        totals = larger or wholes or totals
    if totals:
        # "Russia threw 18 missiles, including ... three Iskander-Ms. All 18 were shot down":
        # a count that repeats an earlier one refers to it
        # ("The toll rose to four. ... fired five missiles. Four were shot down": not the dead)
        same = [
            f
            for f in totals
            if f.value == mention.quantity.value
            and (measure is None or _compatible(f.subject, measure))
        ]
        last = same[-1] if same else totals[-1]
        return Mention(-1, -1, -1, -1, Quantity(last.value, last.qualifier), last.subject, "context",
                       last.weapon, last.side, measure=last.measure,
                       cumulative=last.cumulative or None,
                       antecedent_date=None if last.date_assumed else last.event_date)  # fmt: skip
    if text and context.previous_text and _SHARE_OF_SET_AFTER.match(text, mention.count_end):
        # "The enemy attacked the city with drones. Air defence destroyed 14 of them": the
        # one kind of thing the sentence before named, uncounted
        named_before = {(s, w) for _, _, s, w in _named_heads(context.previous_text)}
        named_before |= {(s, w) for w, s in P.models_in(context.previous_text)}
        subjects = tables.class_over_generic({s for s, _ in named_before})  # "ATACMS missiles"
        named_before = {(s, w) for s, w in named_before if s in subjects}
        if len(subjects) == 1:
            weapons = {w for _, w in named_before if w}
            weapon = weapons.pop() if len(weapons) == 1 else None
            return Mention(-1, -1, -1, -1, Quantity(0, "at_least"), subjects.pop(), "named", weapon)
    return None


_AND_VERB_GAP = regex.compile(
    r"\s+and\s+(?:also\s+)?(?:injured|wounded|hurt|injuring|wounding)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|another\s+|some\s+|about\s+)?",
    _I,
)
_LIVES_TAKEN_BEFORE = regex.compile(
    r"\b(?:claimed|claiming|claims|claim|cost|costing|costs|took|taking|takes|take)\s+"
    r"(?:the\s+)?(?:\p{L}+\s+)?$",
    _I,
)
_TO_DO = regex.compile(r"\s+(?:to|that|which|who)\s+")
_SHARE_OF_SET_AFTER = regex.compile(r"\s+(?:of\s+(?:them|these|those)|more)\b", _I)


def _has_total(part: Figure, figures: list[Figure]) -> bool:
    """Whether a listed item's sentence also gave the total it is part of."""
    return any(
        f.quote == part.quote and f.value > part.value and not f.rule.endswith("colon_list")
        for f in figures
    )


def _bare_subject(measure: str, antecedent: Mention | None) -> str | None:
    if measure in WEAPON_MEASURES:
        if antecedent is not None and antecedent.subject in WEAPON_SUBJECTS:
            return antecedent.subject
        return None
    if antecedent is not None and antecedent.subject in PEOPLE_SUBJECTS:
        return antecedent.subject if antecedent.subject != "child" else "person"
    if measure in HARM_MEASURES:
        return "person"
    return None


def _inherit_side(mention: Mention, antecedent: Mention | None) -> None:
    if antecedent is not None and (mention.subject in PEOPLE_SUBJECTS) == (
        antecedent.subject in PEOPLE_SUBJECTS
    ):  # "Russian missiles kill 32": the dead are not the missiles' side
        mention.side_hint = mention.side_hint or antecedent.side_hint
        mention.weapon = mention.weapon or antecedent.weapon


# --- step 3: meaning ----------------------------------------------------------


def _sentence_figures(sentence: Sentence, context: EntryContext) -> list[Figure]:
    text = sentence.text
    reporter, reporter_side = _reporter(sentence, context)
    dates = find_dates(text)
    row = tables.cells(text) if "|" in text else None
    header = tables.read_header(row) if row is not None else None
    if row is not None and (context.table is not None or header is not None):
        return _table_figures(row, header, sentence, context, dates, reporter, reporter_side)
    context.table = None
    if not _PREFILTER.search(text):
        found = _all_of_the_last(sentence, context)  # "All of them were destroyed."
        _remember(sentence, context, dates, reporter, found)
        return found
    masked = [(d.start, d.end) for d in dates]
    mentions = _find_mentions(text, masked, context.losses_list)
    mentions = _assign_measures(mentions, sentence, context)
    figures = [
        _resolve(m, sentence, context, dates, reporter, reporter_side, mentions) for m in mentions
    ]
    for m in mentions:
        if m.extra_measure:
            twin = dataclasses.replace(
                m, measure=m.extra_measure, rule=f"{m.rule.split(':')[0]}:{m.extra_rule}"
            )
            figures.append(
                _resolve(twin, sentence, context, dates, reporter, reporter_side, mentions)
            )
    named_zeros = {
        f.measure
        for f in figures
        if f is not None and f.rule.startswith("none_of") and f.value == 0
    }  # "none of the children was hurt": the children's zero, not everyone's
    figures += [
        f
        for f in _zeros(sentence, context, dates, reporter, reporter_side, masked)
        if f.measure not in named_zeros
    ]
    figures += _all_of_the_last(sentence, context)
    figures = _parts_take_head_side([f for f in figures if f is not None and _plausible(f)])
    figures = _parts_take_head_soldiers(figures, sentence)
    figures = [f for f in figures if not _condition_of_some(f, sentence)]
    figures = [f for f in figures if not _who_they_were(f, figures, sentence)]
    figures = [_army_casualties(f) for f in figures]
    if _NOT_PRISONERS.search(text):
        # "19,546 children have been taken to Russia; 388 have been brought back": deported
        # children coming home are not prisoners exchanged, nor people freed from rubble
        figures = [f for f in figures if f.measure != "captured"]
    if figures and _about_another_war(text):
        figures = []  # "the Soviet Union lost about 15,000 soldiers in Afghanistan": another war
    _remember(sentence, context, dates, reporter, figures)
    return _dedupe(figures)


# Other wars that analysis pieces compare this one with, and words that bring a sentence back
_OTHER_WAR = regex.compile(
    r"\b(?:the\s+Blitz|(?:First|Second)\s+World\s+War|World\s+War\s+(?:I|II|One|Two|1|2)\b|WWI?I?"
    r"|Great\s+Patriotic\s+War|Vietnam|Afghanistan|Korean\s+War|Chechen\s+wars?|Gulf\s+War"
    r"|Iraq\s+war|Falklands|Stalingrad|siege\s+of\s+Leningrad)\b",
    _I,
)
_THIS_WAR = regex.compile(
    r"\b(?:Ukrain\p{L}*|Kyiv|Kiev|invasion|special\s+military\s+operation|Donbas+|Crimea\p{L}*"
    r"|Kursk|Belgorod|Bakhmut|Avdiivka|Pokrovsk|Mariupol|Kharkiv|Odesa|Zaporizhzhia|Kherson)\b",
    _I,
)


# Deported children brought home and people freed from rubble: freed, but never prisoners
_NOT_PRISONERS = regex.compile(
    r"\b(?:deport(?:ed|ation|ations|ing)?|abduct(?:ed|ion|ions)?|forcibly\s+(?:taken|moved|transferred)"
    r"|children\s+(?:have\s+been\s+|had\s+been\s+|were\s+)?taken\s+to\s+Russia"
    # "Rescuers freed 3 from under the rubble": people trapped, not prisoners
    r"|rubble|debris|trapped)\b",
    _I,
)


def _about_another_war(text: str) -> bool:
    """A sentence set in another war, not this one ('since World War Two' only dates)."""
    if _THIS_WAR.search(text):
        return False
    return any(
        not fre.search(r"\bsince\s+(?:the\s+)?$", text[max(0, m.start() - 12) : m.start()], regex.I)
        for m in _OTHER_WAR.finditer(text)
    )


def _parts_take_head_side(figures: list[Figure]) -> list[Figure]:
    """'killing 20 people, including four children, as Moscow ...': the part is the total's side.

    A part found after 'including' could read a side from a place near it (here Moscow,
    the attacker's capital); the people it counts are among the total's, so the total's
    side holds.
    """
    out = []
    for figure in figures:
        if (
            figure.rule.endswith("breakdown_including")
            and figure.subject in PEOPLE_SUBJECTS
            and figure.measure in ("killed", "injured")
        ):
            heads = [
                f for f in out
                if f.subject in PEOPLE_SUBJECTS and f.measure == figure.measure and f.side
                and f.span_start < figure.span_start and not f.rule.endswith("breakdown_including")
            ]  # fmt: skip
            if heads and heads[-1].side != figure.side:
                figure = dataclasses.replace(figure, side=heads[-1].side)
        out.append(figure)
    return out


_INCLUDING_JUST_BEFORE = regex.compile(
    r"\b(?:including|among\s+them|of\s+whom|of\s+them)\s+(?:(?:at\s+least|about|some|up\s+to|more\s+than)\s+)?$",
    _I,
)


# "Eleven of the wounded are in a serious condition": how some of the hurt are, not a new count
_CONDITION_AFTER = regex.compile(
    rf"(?:{P.COUNT})(?:\s+of\s+(?:them|those|these|the\s+(?:injured|wounded|victims|hurt)))?"
    r",?\s+(?:(?:are|were|is|was|remain|remained)\s+)?(?:still\s+|now\s+)?"
    r"(?:listed\s+)?in\s+(?:a\s+)?(?:extremely\s+|very\s+)?"
    r"(?:serious|critical|grave|moderate|stable|satisfactory|severe)\s+condition",
    P.FLAGS,
)


def _condition_of_some(figure: Figure, sentence: Sentence) -> bool:
    """An injured count that says what state some of the hurt are in."""
    if figure.measure != "injured" or figure.subject not in PEOPLE_SUBJECTS:
        return False
    start = figure.span_start - sentence.start
    return (
        0 <= start < len(sentence.text) and _CONDITION_AFTER.match(sentence.text, start) is not None
    )


# Killed and wounded together in the thousands, with no word of civilians, are an army's losses
_ARMY_CASUALTIES_FROM = 1000


_APPOSED_LIST = regex.compile(r"(?:[:—–]|\s-\s)")
_GROUP_NOUN = regex.compile(
    r"\b(?:people|persons|civilians|residents|children|kids|boys|girls|minors|soldiers|servicemen"
    r"|troops|military|prisoners\s+of\s+war|pows|m[ae]n|wom[ae]n|more|another|further|other)\b",
    _I,
)


def _who_they_were(figure: Figure, figures: list[Figure], sentence: Sentence) -> bool:
    """'Three people were injured — a port worker and two truck drivers': the list after the
    dash says who the three were (their jobs), it is no second count of the injured."""
    if (
        figure.subject != "person"
        or figure.measure not in HARM_MEASURES
        or not figure.rule.startswith("noun_phrase")
    ):
        return False
    start = figure.span_start - sentence.start
    phrase = sentence.text[start : figure.span_end - sentence.start]
    if _GROUP_NOUN.search(phrase):
        return False  # "Five people were killed: three civilians and two soldiers", "2 women"
    for total in figures:
        gap_start = total.span_end - sentence.start
        if (
            total is not figure
            and total.subject in ("person", "civilian")
            and total.measure == figure.measure
            and total.value > figure.value
            and 0 <= gap_start <= start
            and _APPOSED_LIST.search(sentence.text, gap_start, start)
        ):
            return True
    return False


def _army_casualties(figure: Figure) -> Figure:
    """'Russia has suffered around 355,000 casualties': soldiers, not people at large."""
    if (
        figure.subject == "person"
        and figure.measure == "casualties"
        and figure.value >= _ARMY_CASUALTIES_FROM
        and not _CIVILIAN_WORD.search(figure.quote)
    ):
        return dataclasses.replace(figure, subject="soldier")
    return figure


_CIVILIAN_WORD = regex.compile(r"\b(?:civilians?|residents?|children|population|people)\b", _I)


def _parts_take_head_soldiers(figures: list[Figure], sentence: Sentence) -> list[Figure]:
    """'Ukrainian losses at 124,500 casualties, including 15,500 killed': the part is soldiers too."""
    out = []
    for figure in figures:
        start = figure.span_start - sentence.start
        if (
            figure.subject == "person"
            and figure.measure in ("killed", "injured")
            and 0 <= start <= len(sentence.text)
            and _INCLUDING_JUST_BEFORE.search(sentence.text, max(0, start - 40), start)
            and any(
                f.subject == "soldier" and f.measure in ("casualties", "killed", "injured")
                and f.span_start < figure.span_start and f.value >= figure.value
                for f in out
            )
        ):  # fmt: skip
            figure = dataclasses.replace(figure, subject="soldier")
        out.append(figure)
    return out


# "Russian long-range drone launches": whose weapons a table's title counts (not "Ukrainian
# air force's reports")
_WEAPONS_OWNER = regex.compile(
    r"\b(?:russian|ukrainian)\s+(?:[\p{L}\-]+\s+){0,2}?(?:drones?|uavs?|missiles?|shaheds?)\b", _I
)


def _table_figures(
    row: list[tables.Cell],
    header: tables.TableHeader | None,
    sentence: Sentence,
    context: EntryContext,
    dates: list[DateMention],
    reporter: str | None,
    reporter_side: str | None,
) -> list[Figure]:
    """A row of a table: a header (read by the caller) sets what the columns mean, a data row gives figures."""
    if header is not None:
        context.table = header
        # "Monthly civilian casualties verified by HRMMU:" above "Month | Killed | Injured"
        context.table_civilians = bool(_CIVILIAN_CONTEXT.search(context.previous_text))
        # "CHART | Russian long-range drone launches, Q1 2026" over "| Month | Launched | ..."
        context.table_subject = tables.subject_of(context.previous_text[:120])
        owner = _WEAPONS_OWNER.search(context.previous_text[:120])
        context.table_side = _side_hint(owner.group()) if owner else None
        context.table_rows = frozenset()
        return []
    if context.table is None or tables.is_rule_row(sentence.text):
        return []
    values = tables.read_row(
        context.table, row, _compatible, context.table_subject, context.table_rows
    )
    context.table_rows |= {v.subject for v in values}
    mentions = [
        Mention(value.label.start, value.cell.end, value.cell.start, value.cell.end,
                value.quantity,
                "civilian" if value.subject == "person" and context.table_civilians else value.subject,
                "table_row", value.weapon,
                _side_hint(value.column or value.label.text) or context.table_side,
                measure=value.measure)
        for value in values
    ]  # fmt: skip
    figures = []
    for value, mention in zip(values, mentions, strict=True):
        figure = _resolve(mention, sentence, context, dates, reporter, reporter_side, mentions)
        if figure is not None and _plausible(figure):
            figure = dataclasses.replace(figure, location=value.location or figure.location)
            if value.period is not None:
                # the row's (or column's) day, or no day for a month's total
                figure = dataclasses.replace(
                    figure, event_date=_day_of_period(value.period, context.anchor),
                    date_assumed=False,
                )  # fmt: skip
            figures.append(figure)
    _remember(sentence, context, dates, reporter, figures)
    return figures


def _day_of_period(period: str, anchor: dt.date | None) -> dt.date | None:
    """The day a table's period cell names ("3 Nov"), or None for a month ("June 2025")."""
    if anchor is None:
        return None
    days = [d.resolve(anchor) for d in find_dates(period) if d.kind in _CALENDAR_KINDS]
    return days[0] if len(days) == 1 else None


_CALENDAR_KINDS = ("iso", "dotted", "day_month", "month_day")


_ALL_OF_THEM = regex.compile(
    r"^(?:and\s+)?(?P<all>(?:all|both)(?:\s+of\s+them)?)(?=\s+(?:were|was|have|had))", _I
)


_EXCEPT = regex.compile(r"\b(?:except|apart\s+from|but|other\s+than|save\s+for|besides)\b", _I)


# A weekly digest's lead: the figures after it are the week's totals too
_WEEK_TOTALS = regex.compile(
    r"\b(?:over|during|throughout)\s+the\s+(?:week|month)\b|^\W*(?:the\s+)?(?:week|month)\s+in\s+numbers\b",
    _I,
)


def _past_period(dates: list[DateMention], anchor: dt.date | None) -> bool:
    """A closed period that ended before publication: what follows totals it, day by day it is not.

    A period that runs to the day of publication ("losses, 24.02.2022 to 24.02.2025") is a
    running total whose day's additions are still that day's.
    """
    if anchor is None:
        return False
    ends = [
        second.bound(anchor)
        for first, second in itertools.pairwise(dates)
        if first.period_of and second.period_of
    ]
    return any(end is not None and end < anchor - dt.timedelta(days=1) for end in ends)


def _all_of_the_last(sentence: Sentence, context: EntryContext) -> list[Figure]:
    """'The enemy launched 10 Shahed drones. All of them were destroyed.': the same count, downed."""
    opening = _ALL_OF_THEM.match(sentence.text)
    if opening is None or not context.previous_figures or _EXCEPT.search(sentence.text):
        return []
    last = context.previous_figures[-1]
    if opening["all"].lower().startswith("both") and last.value != 2:
        return []
    if last.measure != "launched" or last.subject not in WEAPON_SUBJECTS or last.cumulative:
        return []
    verb = _passive_after(sentence.text, opening.end("all"), limit=40)
    if verb is None:
        return []
    measure = verb[0]
    if measure not in ("downed", "lost", "hit") or not _compatible(last.subject, measure):
        return []
    # the span runs from the count to the end of this sentence: it holds the number as written
    return [
        dataclasses.replace(
            last, measure=measure, quote=f"{last.quote} {sentence.text}", rule="all_of_the_last",
            span_end=sentence.start + len(sentence.text),
        )
    ]  # fmt: skip


def _remember(
    sentence: Sentence,
    context: EntryContext,
    dates: list[DateMention],
    reporter: str | None,
    figures: list[Figure],
) -> None:
    text = sentence.text
    if sentence.ends_with_colon:
        context.lead_measure = _colon_lead(text, len(text))
        counted = {f.subject for f in figures}
        context.lead_subject = counted.pop() if len(counted) == 1 else None
        earlier = {f.measure for f in context.previous_figures if f.subject in WEAPON_SUBJECTS}
        if context.lead_measure is None and not figures and _BY_REGION_LEAD.fullmatch(text):
            # "... destroyed 19 of the 24 Shahed drones. By regions:" then "Odesa region — 11
            # UAVs": the parts of what the sentence before counted, with its verb
            context.lead_measure = (
                next(iter(earlier))
                if len(earlier) == 1
                else next(
                    (f.measure for f in context.previous_figures if f.measure != "launched"), None
                )
            )
        last = context.previous_figures[-1] if context.previous_figures else None
        if (
            context.lead_measure is None
            and last is not None
            and last.measure == "launched"
            and last.subject in WEAPON_SUBJECTS
            and not fre.search(P.STANDALONE_DIGIT, text)
        ):
            # "attacked with 45 missiles and 19 drones. The attack came in several waves:" —
            # the lines after break down what was launched
            context.lead_measure = "launched"
        elif (
            context.lead_measure is None
            and len(figures) == 1
            and figures[0].measure == "launched"
            and figures[0].subject in ("aerial_target", "missile", "drone")
            and figures[0].rule.endswith("attack_label")
        ):
            # "Enemy attack – 550 air attack assets:" then its parts
            context.lead_measure = "launched"
        elif (
            context.lead_measure is None
            and len({f.measure for f in figures}) == 1
            and _PARTS_FOLLOW.search(text)
        ):
            # "- 122 missiles of various types, of which:" then "-- 90 Kh-101 ..." lines
            context.lead_measure = figures[0].measure
        elif (
            context.lead_measure is None
            and sentence.is_bullet
            and figures
            and (len({f.measure for f in figures}) == 1)
        ):
            # "1. 78 missiles of various types:" under "... were detected:": the sub-items too
            context.lead_measure = figures[0].measure
    elif (
        (lead := _MEASURE_LABEL_LINE.match(text)) is not None
        and _only_verbs(lead["label"])
        and (measure := tables.measure_of(lead["label"])) in WEAPON_MEASURES
    ):
        # "🔹 Launched: 497 air attack assets" then "— 465 strike UAVs" lines: its parts
        context.lead_measure = measure
    elif (
        not sentence.is_bullet
        and not _KEYED_LINE.match(text)
        and not _COUNT_DASH_LINE.match(text)
        and not _COUNT_PLACE_LINE.match(text)
    ):
        context.lead_measure = None
        context.lead_subject = None
    context.previous_figures = figures
    context.previous_text = text
    if figures and any(d.kind == "vague" for d in dates) and not any(f.event_date for f in figures):
        context.in_period = (
            True  # "In July, Russia launched 6,297 drones": a period's totals follow
        )
    elif _past_period(dates, context.anchor):
        context.in_period = True  # "Report on Ukraine, 1 December 2024 – 31 May 2025": its totals
    elif (
        sentence.ends_with_colon or (figures and all(f.cumulative for f in figures))
    ) and _WEEK_TOTALS.search(text):
        context.in_period = True  # "Over the week, 41 servicemen surrendered. ... shot down 7 JDAM"
    elif any(
        d.kind in _CALENDAR_KINDS or d.kind in ("relative", "weekday", "night_into") for d in dates
    ):
        context.in_period = False  # a day is named again
    if reporter:
        context.reporter, context.reporter_paragraph = reporter, sentence.paragraph
    dated = [f for f in figures if not f.cumulative]
    if dated:
        context.last_date, context.last_date_assumed = dated[0].event_date, dated[0].date_assumed
        context.last_date_reporter = reporter
        context.attack_date = None  # a dated figure since: the strike's day no longer carries
    else:
        reading = read_event_date(dates, 0, context.anchor)
        calendar = any(d.kind in _CALENDAR_KINDS for d in dates)
        rolled_back = (
            reading.date is not None
            and context.anchor is not None
            and (context.anchor - reading.date).days > 300
            and not any(d.groups.get("year") for d in dates)
        )  # "the ceasefire from May 8 to 10", read in early May: a plan, not a past day
        if reading.date is not None and not rolled_back and (calendar or not reading.stated):
            context.last_date, context.last_date_assumed = reading.date, not reading.stated
            context.last_date_reporter = reporter
        elif (
            reading.date is not None
            and reading.stated
            and not rolled_back
            and (_ATTACK_WORDS.search(text) or _EVENT_WORDS.search(text))
        ):
            # "the building hit yesterday afternoon": the toll's day; "Russia sent waves of
            # drones at Kyiv during Monday's rush hour", "exchanged prisoners on Monday": theirs
            context.attack_date = reading.date
            context.attack_paragraph = sentence.paragraph
    if not figures and context.weapon_side is None and _ATTACK_WORDS.search(text):
        # "Overnight the enemy attacked with Iskander-M missiles and Shahed drones." (no count):
        # the attacker of the weapons the next lines count
        agent = _AGENT.search(text)
        named = [subject for *_, subject, _ in _named_heads(text) if subject in WEAPON_SUBJECTS]
        if agent is not None and named:
            if agent["enemy"]:
                context.weapon_side = _enemy_of(_reporter_side(reporter), context, text)
            else:
                context.weapon_side = _named_side(agent)
    for figure in figures:
        if figure.subject in WEAPON_SUBJECTS and figure.side:
            context.weapon_side = figure.side
        if figure.subject in PEOPLE_SUBJECTS and figure.side:
            context.people_sides[figure.subject == "soldier"] = figure.side
            if figure.measure == "captured":
                context.captured_side = figure.side
        if figure.cumulative:
            context.cumulative_paragraph = sentence.paragraph
    context.unread_places.append(text)  # read only when a later figure asks (_last_place_side)


# A line whose count the next lines break down: "- 122 missiles of various types, of which:"
_PARTS_FOLLOW = regex.compile(
    r"[,\s](?:of\s+which|of\s+them|including|among\s+them|namely|in\s+particular)\s*:\s*$", _I
)
_ATTACK_WORDS = regex.compile(
    r"\b(?:strikes?|struck|attacks?|attacked|hit|shelling|shelled|bombardment|barrage|raid|explosions?"
    r"|came\s+under\s+fire)\b",
    _I,
)
# Events other than a strike whose day the next sentences' counts share
_EVENT_WORDS = regex.compile(
    r"\b(?:sent|launched|fired)\s+(?:[\p{L}\-]+\s+){0,6}?(?:drones?|missiles?|shaheds?|uavs?|rockets?)\b"
    r"|\b(?:exchanged|swapped)\s+(?:prisoners|pows|captives)\b|\bprisoner\s+(?:swap|exchange)\b",
    _I,
)
_CALENDAR_KINDS = ("iso", "dotted", "day_month", "month_day", "night_into")
# "Monday's Russian missile strike", "Friday's barrage": the day a toll is about
_STRIKE_AFTER_DAY = regex.compile(
    r"\s*(?:[\p{L}\-]+\s+){0,3}?(?:strikes?|attacks?|barrage|shelling|bombing|raid|explosions?)\b",
    _I,
)


_TOLL_UPDATE = regex.compile(
    r"\b(?:toll|number\s+of|rose|risen|climbed|reached|increased|grew|grown|stands\s+at|updated)\b",
    _I,
)


def _strike_day(text: str, dates: list[DateMention], anchor: dt.date | None) -> dt.date | None:
    """The day of the strike a casualty toll counts, when the sentence names it possessively."""
    if anchor is None:
        return None
    for date in dates:
        if (
            date.kind in ("weekday", "day_month", "month_day")
            and text[date.start : date.end].endswith(("'s", "’s"))
            and _STRIKE_AFTER_DAY.match(text, date.end)
        ):
            return date.resolve(anchor)
        if (
            date.kind == "relative"
            and text[date.end : date.end + 2] in ("'s", "’s")
            and _STRIKE_AFTER_DAY.match(text, date.end + 2)
        ):
            return date.resolve(anchor)  # "the toll of yesterday's strike", "last night's attack"
    return None


@functools.lru_cache(maxsize=4096)
def _first_reporter(text: str) -> tuple[int, str, str | None] | None:
    """The reporter of a sentence (cached: sentences repeat across copies).

    One that says something ("..., the Russian Defence Ministry said") wins over one that
    is only named ("the Ukrainian army lost 1,540 servicemen"); else the earliest named.
    """
    best = None
    speaking = None
    for pattern, name, side in _REPORTER_RES:
        match = pattern.search(text)
        first = None
        while match is not None:
            if not (
                _OWNED_BY.search(text, 0, match.start())
                or _OWNS_NEXT.match(text, match.end())
                or (
                    _AGENT_BY.search(text, 0, match.start())
                    and not _BY_COUNT.match(text, match.end())  # "by the air force's count"
                )
            ):  # "a Su-25 of the Ukrainian Air Force" owns, it does not speak
                first = first or match
                if _SAYS_AFTER.match(text, match.end()) or _ACCORDING_BEFORE.search(
                    text, 0, match.start()
                ):
                    if speaking is None or match.start() < speaking[0]:
                        speaking = (match.start(), name, side)
                    break
            match = pattern.search(text, match.end())
        if first is not None and (best is None or first.start() < best[0]):
            best = (first.start(), name, side)
    return speaking or best


_SAYS_AFTER = regex.compile(
    r"(?:['’]s\s+(?:press\s+service|spokes(?:man|woman|person)))?\s*,?\s+(?:has\s+|had\s+)?"
    r"(?:said|says|say|reported|reports|claimed|claims|stated|states|announced|announces|added|adds"
    r"|wrote|writes|told|tells|confirmed|confirms)\b",
    _I,
)
_ACCORDING_BEFORE = regex.compile(r"\baccording\s+to\s+(?:the\s+)?$", _I)


# "one Ukrainian Air Force Su-25 attack aircraft": the force names whose plane it was
_OWNS_NEXT = regex.compile(
    r"\s+(?:[a-z]{2,3}-\d{2,3}|aircraft|jets?|planes?|helicopters?|fighters?)\b", _I
)
# "residents taken away by the Ukrainian armed forces": the doer of a deed, not the speaker
# ("as reported by the air force" still attributes)
_AGENT_BY = regex.compile(
    r"(?<!\b(?:reported|stated|announced|released|published|confirmed|cited|given|provided|issued"
    r"|shared|posted|compiled|counted|recorded|verified|estimated)(?:\s+\p{L}+)?\s+)\bby\s+(?:the\s+)?$",
    _I,
)
_BY_COUNT = regex.compile(r"['’]s?\s+(?:count|estimate|tally|figures|data|reckoning)\b", _I)
# An aircraft "of" an air force belongs to it; the force is not speaking.
_OWNED_BY = regex.compile(
    r"(?:aircraft|planes?|jets?|helicopters?|fighters?|bombers?|\b[a-z]{2,3}-\d{2,3}\p{L}*)\s+"
    r"(?:of|from|belonging\s+to)\s+(?:the\s+)?$",
    _I,
)


def _reporter(sentence: Sentence, context: EntryContext) -> tuple[str | None, str | None]:
    best = _first_reporter(sentence.text) if _REPORTER_HINT.search(sentence.text) else None
    if best is not None:
        name, side = best[1], best[2]
        if name == "Russia's defence ministry" and fre.search(
            r"\bukrain\w*'?s?\s+(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e)",
            sentence.text,
            regex.I,
        ):
            return "Ukraine's defence ministry", "ukraine"
        return name, side
    if context.reporter and (
        _PRONOUN_SAYING.search(sentence.text) or context.reporter_paragraph == sentence.paragraph
    ):
        return context.reporter, _reporter_side(context.reporter)
    return None, None


def _resolve(
    mention: Mention,
    sentence: Sentence,
    context: EntryContext,
    dates: list[DateMention],
    reporter: str | None,
    reporter_side: str | None,
    mentions: list[Mention],
) -> Figure | None:
    text = sentence.text
    subject = mention.subject
    measure = mention.measure
    if measure is None or _HYPOTHETICAL_AFTER.match(text, mention.end):
        return None
    if measure == "casualties" or (mention.rule.startswith("casualty_noun") and subject is None):
        subject = _casualty_subject(mention, text, context, mentions)
    if subject is None:
        return None
    if not _compatible(subject, measure):
        return None
    if (
        measure == "captured"
        and subject == "person"
        and mention.rule
        != "toll_frame"  # "the number of Ukrainians freed": people, not only soldiers
        and fre.search(
            r"(?<!\b(?:for|of)\s+(?:the\s+treatment\s+of\s+)?)\b(?:prisoners?\s+of\s+war|pows?|defenders)\b",
            text,
            regex.I,
        )  # not "the coordination headquarters for prisoners of war says ..."
        and not fre.search(
            r"\bcivilians?\b", text, regex.I
        )  # "130 Ukrainians: 109 defenders and 21 civilians"
    ):
        subject = "soldier"
    if subject in PEOPLE_SUBJECTS and mention.side_hint is None:
        # "100 North Korean soldiers were killed and around 1,000 wounded": the same side
        earlier = [
            m for m in mentions
            if m.count_start < mention.count_start and m.subject in PEOPLE_SUBJECTS
            and (m.subject == "soldier") == (subject == "soldier")
            and m.side_hint and m.side_hint != "enemy" and ";" not in text[m.end : mention.count_start]
        ]  # fmt: skip
        if earlier:
            mention = dataclasses.replace(mention, side_hint=earlier[-1].side_hint)
    side = _side(mention, subject, measure, text, context, reporter_side)
    cumulative = (
        mention.cumulative
        if mention.cumulative is not None
        else (
            _is_cumulative(text, mention, dates)
            or (
                context.cumulative_paragraph == sentence.paragraph
                and bool(_ANAPHORIC_START.search(text))
            )
            or _beyond_one_day(subject, measure, mention.quantity.value, text)
        )
    )
    event_date, assumed = _event_date(
        mention, dates, context, reporter, cumulative, text, sentence.paragraph
    )
    quantity = mention.quantity
    return Figure(
        subject=subject,
        measure=measure,
        value=quantity.value,
        qualifier=quantity.qualifier,
        value_low=quantity.low,
        value_high=quantity.high,
        side=side,
        weapon=mention.weapon,
        reported_by=reporter,
        location=_location(text, mention.end),
        event_date=event_date,
        date_assumed=assumed,
        cumulative=cumulative,
        quote=text,
        span_start=sentence.start + mention.count_start,
        span_end=sentence.start + max(mention.end, mention.count_end),
        rule=mention.rule,
    )


_CLAUSE_BREAK = regex.compile(
    r";|,\s+(?=(?:bringing|raising|taking|pushing|while|whereas|but|although)\b)"
    r"|,\s+and\s+(?=[\d\p{L}\-]+\s+(?:were|was|had|have|has)\s)",  # ", and 39 were pulled alive"
    _I,
)


def _clause(text: str, position: int) -> tuple[int, int]:
    """The bounds of the clause of a sentence that holds `position`: cues elsewhere belong to
    other figures."""
    start, end = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


_SPEECH_VERB = regex.compile(r"\b(?:said|says|reported|announced|told|stated|added|wrote)\b", _I)
# Dates that name the figure's own day: "390 on Friday" inside "over the three days, 1,000 ..."
_OWN_DAY_KINDS = frozenset({"iso", "dotted", "day_month", "month_day", "night_into", "weekday"})


# No day of this war has come near these: more is a total over a longer time
_MOST_IN_A_DAY = {
    "killed": 3000, "injured": 3000, "casualties": 3000,
    "drone": 1500, "aerial_target": 1500, "guided_bomb": 500, "missile": 300,
    "cruise_missile": 300, "ballistic_missile": 300, "guided_missile": 300,
}  # fmt: skip
_FRONT_DRONES = regex.compile(r"\b(?:kamikaze|fpv|first-person)", _I)
_ONE_DAY_CUE = regex.compile(
    r"\b(?:overnight|last\s+night|tonight|today|yesterday|past\s+(?:day|24\s+hours)|in\s+one\s+(?:day|night)"
    r"|single\s+(?:day|night)|night\s+of)\b",
    _I,
)


def _beyond_one_day(subject: str, measure: str, value: int, text: str) -> bool:
    """A count larger than any one day has seen ('more than 54,000 Russian soldiers killed',
    'almost 1,000 glide bombs' in a week) is a total, unless the text ties it to one day."""
    if measure in HARM_MEASURES:
        limit = _MOST_IN_A_DAY[measure]
    elif measure in ("launched", "downed", "lost") and subject in _MOST_IN_A_DAY:
        if _FRONT_DRONES.search(text):
            return False  # the front's kamikaze and FPV drones run to thousands a day
        limit = _MOST_IN_A_DAY[subject]
    else:
        return False
    return value >= limit and not _ONE_DAY_CUE.search(text)


def _is_cumulative(text: str, mention: Mention, dates: list[DateMention] = ()) -> bool:
    """A running or period total: 'since the invasion began', 'over the past week'.

    Cues inside a relative clause about something else ('..., many of whom had
    been held since 2022') do not count, nor does a cue farther from the figure
    than a day of its own after it ('more than 100 had been taken on Wednesday alone').
    """
    start, end = _clause(text, mention.count_start)
    asides = [m.span() for m in _RELATIVE_CLAUSE.finditer(text, start, end)]
    cues = [
        match.span()
        for pattern, reach in ((_CUMULATIVE, 80), (_PERIOD, 60))
        for match in pattern.finditer(text, start, end)
        if not any(a <= match.start() < b for a, b in asides)
        and not _SUPERLATIVE_BEFORE.search(text, max(start, match.start() - reach), match.start())
    ]
    if not cues:
        return False
    nearest_cue = min(_gap(cue, mention) for cue in cues)
    return not any(
        date.kind in _OWN_DAY_KINDS
        and mention.end <= date.start < end
        and not any(a <= date.start < b for a, b in cues)
        and _gap((date.start, date.end), mention) < nearest_cue
        and not _SPEECH_VERB.search(
            text, mention.end, date.start
        )  # "..., the ministry said on Friday"
        for date in dates
    )


def _gap(span: tuple[int, int], mention: Mention) -> int:
    """Characters between a span and a mention's count; zero when they overlap."""
    return max(0, span[0] - mention.end, mention.count_start - span[1])


def _casualty_subject(
    mention: Mention, text: str, context: EntryContext, mentions: list[Mention]
) -> str | None:
    if mention.subject in ("civilian", "soldier", "child"):
        return mention.subject
    if mention.rule.startswith("casualty_noun") and not fre.search(
        r"\bamong\s+(?:the|those)\s+$",
        text[max(0, mention.count_start - 20) : mention.count_start],
        regex.I,
    ):  # "Three children are among the 20 dead": the 20 are not all children
        antecedent = _antecedent(mention, mentions, EntryContext(anchor=None), text)
        if antecedent is not None and antecedent.subject in PEOPLE_SUBJECTS:
            return antecedent.subject
    if (
        _SOLDIER_CONTEXT.search(text) or _NATION_SUFFERED.search(text, 0, mention.count_start)
    ) and not _CIVILIAN_CONTEXT.search(text):
        return "soldier"  # "Russia had suffered more than 100,000 casualties": a country's are its army's
    if mention.subject:
        return mention.subject
    # the last toll's people, not the last swap's: "POW swap: 300 servicemen for 300." then
    # "Kharkiv: KAB hit a residential area; 1 killed, 3 injured."
    previous = [
        f for f in context.figures if f.subject in PEOPLE_SUBJECTS and f.measure in HARM_MEASURES
    ]
    if previous and previous[-1].subject in ("civilian", "soldier"):
        return previous[-1].subject
    return "person"


# "15,000 troops are currently in Russia": a count of now, whatever period the entry is on
_PRESENT_STOCK = regex.compile(r"\b(?:currently|now|remains?|still|as\s+of\s+today)\b", _I)


def _event_date(
    mention: Mention,
    dates: list[DateMention],
    context: EntryContext,
    reporter: str | None,
    cumulative: bool,
    text: str = "",
    paragraph: int = -2,
) -> tuple[dt.date | None, bool]:
    if cumulative:
        return None, False
    if mention.rule == "breakdown_period":
        # "losses since the invasion on Feb. 24, 2022 ... with 1,040 added over the previous
        # 24 hours": the day's part is dated by the report, not by where the total starts
        dates = [d for d in dates if not _SINCE_BEFORE.search(text, max(0, d.start - 70), d.start)]
    reading = read_event_date(dates, mention.count_start, context.anchor)
    if mention.measure in HARM_MEASURES:
        strike_day = _strike_day(text, dates, context.anchor)
        if strike_day is not None:  # "the toll from Monday's strike rose to 11 on Tuesday"
            context.strike_day = strike_day
            return strike_day, False
        if context.strike_day is not None and (
            (
                not reading.stated
                and (context.last_date is None or context.last_date <= context.strike_day)
            )
            or (
                reading.date is not None
                and 0 < (reading.date - context.strike_day).days <= 3
                and _TOLL_UPDATE.search(text)
            )
        ):  # "By Tuesday morning the number of wounded had reached 37": still Monday's strike
            return context.strike_day, False
    if reading.anaphoric:  # "that night Russia used 215 air attack assets"
        earlier = context.last_date or context.attack_date
        return (earlier, False) if earlier is not None else (context.anchor, True)
    if reading.stated:
        return reading.date, False
    if mention.antecedent_date is not None:
        return mention.antecedent_date, False
    if reading.date is not None:
        return reading.date, True
    if context.in_period and not _PRESENT_STOCK.search(text):
        return None, False  # "In July, Russia launched 6,297 drones. It also fired 198 missiles."
    if context.attack_date is not None and (
        mention.subject in PEOPLE_SUBJECTS or context.attack_paragraph == paragraph
    ):
        # "Yesterday evening, Belgorod came under fire. Air defence shot down 8 air targets."
        return context.attack_date, False
    if context.last_date is not None and (
        reporter is None or context.last_date_reporter in (None, reporter)
    ):
        return context.last_date, context.last_date_assumed
    return context.anchor, True


_INFLICTED = regex.compile(r"\binflict(?:ed|ing|s)?\s+(?:losses|casualties)\b", _I)


def _side(
    mention: Mention,
    subject: str,
    measure: str,
    text: str,
    context: EntryContext,
    reporter_side: str | None,
) -> str | None:
    hint = mention.side_hint
    if subject in WEAPON_SUBJECTS:
        if hint and hint != "enemy":
            return hint
        if hint == "enemy":
            return _enemy_of(reporter_side, context, text)
        if mention.weapon and lex.MODEL_SIDES.get(mention.weapon, lex.DEFAULT_MODEL_SIDE):
            return lex.MODEL_SIDES.get(mention.weapon, lex.DEFAULT_MODEL_SIDE)
        agent = _AGENT.search(text)
        if agent:
            if agent["enemy"]:
                return _enemy_of(reporter_side, context, text)
            return _named_side(agent)
        defender = _DEFENDER.search(text) or (
            _DEFENDER_VERB.search(text) if measure in ("downed", "lost") else None
        )
        if defender:
            return _opposite(_side_of_word(defender["side"]))
        if reporter_side or context.perspective:
            return _opposite(reporter_side or context.perspective)
        if measure == "launched" and context.weapon_side and _is_list_item(mention):
            # "🔹 6 Kinzhal missiles from MiG-31K aircraft (Kursk region)" under "18 missiles were
            # launched:": a launch site, the attacker the lead already named
            return context.weapon_side
        place = _place_side(text, mention.end)
        if place == "russia" or (place == "occupied" and measure == "downed"):
            return "ukraine"
        if place == "ukraine":
            return "russia"
        if context.weapon_side:
            return context.weapon_side
        return _opposite(_last_place_side(context) or context.entry_place_side)
    if hint is None and measure == "casualties" and _INFLICTED.search(text, 0, mention.count_start):
        hint = "enemy"  # "Units of the Zapad group inflicted losses of up to 560 troops": the other side's
    if hint == "enemy":
        return _enemy_of(reporter_side, context, text)
    if hint:
        return hint
    senders = list(_AGENT.finditer(text, 0, mention.count_start)) if measure == "deployed" else []
    sender = senders[-1] if senders else None  # the actor nearest before the count
    if measure == "deployed" and sender is None:
        sender = _AGENT.match(text, mention.end, mention.end + 40) or _AGENT.match(
            text, mention.end + 1, mention.end + 40
        )  # "the 15,000 troops Pyongyang has sent"
    if sender is not None and not sender["enemy"]:
        return _named_side(sender)  # "Pyongyang has sent 11,000 troops"
    sufferer = _SUFFERER.search(text)
    if sufferer and measure in ("casualties", "killed", "injured"):
        return _side_of_word(sufferer["side"])
    if measure in ("casualties", "killed", "injured"):
        # only right before the count: "losses of the AFU amounted to 1,385", "the enemy lost 1,230"
        before = text[max(0, mention.count_start - 120) : mention.count_start]
        losses_of = _LOSSES_OF.search(before)
        if losses_of is not None and not fre.search(r"[.;]", before[losses_of.end() :]):
            return _side_of_word(losses_of["side"])
        enemy = _ENEMY_SUFFERER.search(before)
        if enemy is not None and not fre.search(r"[.;,]", before[enemy.end() :]):
            return _enemy_of(reporter_side, context, text)
    if measure == "captured":
        return _captured_side(mention, text, context, reporter_side)
    place = _place_side(text, mention.start)
    if place and place != "occupied":
        return place
    victim = _VICTIM.search(text)
    if victim:
        return _side_of_word(victim["side"])
    attacker = _ATTACKER_OF_PEOPLE.search(text)
    if attacker:
        return _opposite(_side_of_word(attacker["side"]))
    if (subject == "soldier") in context.people_sides:
        # the side of the last people of the same kind: Gerasimov's "Ukrainians lost 315 servicemen"
        # says nothing about the civilians the Kursk governor counts next
        return context.people_sides[subject == "soldier"]
    if subject != "soldier" and context.perspective:
        # a Moscow statement on "the Kyiv regime's" drones, a post on "the occupiers'" shelling:
        # the civilians at risk are the speaker's own
        return context.perspective
    if place := _last_place_side(context):
        return place if place != "occupied" else None
    if context.weapon_side:
        return _opposite(context.weapon_side)  # the people hit by those weapons
    if context.entry_place_side:
        return context.entry_place_side
    return reporter_side


_OF_ITS_OWN = regex.compile(r"\s+of\s+(?:its|their)\s", _I)


def _captured_side(
    mention: Mention, text: str, context: EntryContext, reporter_side: str | None
) -> str | None:
    """Whose prisoners: a swap has two sides, so only words close to the count decide."""
    captivity = _CAPTIVITY.search(text)  # "brought back from Russian captivity": Ukrainians
    if captivity is not None:
        return _opposite(_side_of_word(captivity["side"]))
    if _OF_ITS_OWN.match(text, mention.count_end):
        # "Ukraine got back 189 of its citizens held in Russia": the owner named before the count
        before = text[max(0, mention.count_start - 60) : mention.count_start]
        owners = [_side_of_word(m.group()) for m in P.SIDE_WORD_RE.finditer(before)]
        if owners and owners[-1] in ("russia", "ukraine"):
            return owners[-1]
    won_back = _WON_BACK_BEFORE.search(text, max(0, mention.count_start - 60), mention.count_start)
    if won_back is not None:  # "Ukraine won back 215 fighters": the side that got them back
        return _side_of_word(won_back["side"])
    window = text[max(0, mention.start - 40) : mention.end + 40]
    place = _place_side(window, mention.start - max(0, mention.start - 40))
    if place in ("russia", "ukraine"):
        return place  # "Kyiv received 230 of its citizens"
    # the prisoners this entry already named, its people, or the side that speaks
    return (
        context.captured_side
        or context.people_sides.get(mention.subject == "soldier")
        or reporter_side
        or context.perspective
    )


def _is_list_item(mention: Mention) -> bool:
    """Whether the mention is an item of a list under a lead line."""
    return mention.rule.endswith(("bullet_item", "count_first_line", "colon_list", "keyed_count"))


def _named_side(agent: regex.Match) -> str | None:
    """The side an _AGENT match names by its side word ("Pyongyang has sent" is North Korea's)."""
    word = next(v for k, v in agent.groupdict().items() if k.startswith("side") and v)
    return _side_of_word(word)


def _reporter_side(name: str | None) -> str | None:
    """The side a reporter speaks for ("Ukraine's air force": Ukraine)."""
    return next((side for _, reporter, side in lex.REPORTERS if reporter == name), None)


def _enemy_of(reporter_side: str | None, context: EntryContext, text: str) -> str:
    """'The enemy' is Russia for a Ukrainian source and Ukraine for a Russian one."""
    speaker = reporter_side or context.perspective
    if speaker is None and _TARGETED_RUSSIAN_PLACE.search(text):
        speaker = "russia"  # "the enemy attacked the Kursk region": a Russian voice
    return _opposite(speaker) or "russia"


def _opposite(side: str | None) -> str | None:
    return {"russia": "ukraine", "ukraine": "russia"}.get(side or "")


def _last_place_side(context: EntryContext) -> str | None:
    """Whose places the latest sentence that names any was about, read only when asked.

    Most sentences never need it: reading them newest first and stopping at the
    first that names a place gives what reading every one as it came would.
    """
    while context.unread_places:
        place = _place_side(context.unread_places.pop(), 0)
        if place:
            context.place_side = place
            context.unread_places.clear()
    return context.place_side


def _place_side(text: str, position: int) -> str | None:
    """Whose land the place nearest to `position` is on."""
    candidates = _place_candidates(text)
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs(c[0] - position))[1]


_GOVERNMENT_SEATS = frozenset({"moscow", "kyiv", "kiev", "minsk"})
_CAPITAL_AS_ACTOR = regex.compile(
    r"(?:['’]s)?\s+(?:has|had|have|is|was|will|would|said|says|claims?|claimed|denie[sd]|deny"
    r"|resumed|resumes|launched|launches|fired|fires|sent|sends|attacked|attacks|struck|strikes"
    r"|accused|accuses|responded|retaliated|targets|targeted|continues|continued|began|started"
    r"|stepped|insists|insisted|wants|hopes|plans|refused|agreed|announced|reported|confirmed"
    r"|warned|denied|did|does|blamed|blames|calls|called)\b",
    _I,
)
_PLACE_PREPOSITION_BEFORE = regex.compile(
    r"\b(?:in|over|near|at|to|from|around|on|outside|of)\s+(?:the\s+)?$", _I
)


@functools.lru_cache(maxsize=4096)
def _place_candidates(text: str) -> tuple[tuple[int, str], ...]:
    candidates = []
    for match in _SIDE_REGION.finditer(text):
        candidates.append((match.start(), _side_of_word(match["side"])))
    for pattern, side in (
        (_RUSSIAN_PLACE, "russia"),
        (_OCCUPIED_PLACE, "occupied"),
        (_UKRAINIAN_PLACE, "ukraine"),
        *_OTHER_COUNTRIES,
    ):
        for match in pattern.finditer(text):
            if (
                side == "ukraine"
                and match.group().lower() == "ukraine"
                and not fre.search(r"\bin\s+$", text[: match.start()])
            ):
                continue
            if side == "russia" and _FROM_PLACE.search(
                text, max(0, match.start() - 60), match.start()
            ):
                continue  # "attacked with missiles from the Kursk and Voronezh regions": launch sites
            if (
                match.group().lower() in _GOVERNMENT_SEATS
                and _CAPITAL_AS_ACTOR.match(text, match.end())
                and not _PLACE_PREPOSITION_BEFORE.search(
                    text, max(0, match.start() - 12), match.start()
                )
            ):
                continue  # "as Moscow resumed air strikes", "Kyiv says": a government, not a place
            candidates.append((match.start(), side))
    return tuple(candidates)


def _location(text: str, position: int) -> str | None:
    window = text[position : position + 80]
    match = _LOCATION.search(window)
    if match is None or match.start() > 40:
        return None
    place = match["place"]
    if place.split()[0].lower().strip("’'") in _NOT_PLACES:
        return None
    if match["kind"]:
        place = f"{place} {match['kind'].lower()}"
    return place


_ZERO_ADJECTIVES = {"civilian": "civilian", "military": "soldier", "child": "child"}


def _zeros(
    sentence: Sentence,
    context: EntryContext,
    dates: list[DateMention],
    reporter: str | None,
    reporter_side: str | None,
    masked: list[tuple[int, int]],
) -> list[Figure]:
    """Zeros stated in words: 'no one was killed or injured', 'there were no casualties'."""
    text = sentence.text
    if P.HEDGED_ZERO.search(text):
        return []
    figures = []
    for match in P.COMPILED["zero"].finditer(text):
        words = [
            match[g]
            for g in ("m1", "m2", "m3", "m4", "m5", "noun", "noun2", "noun3", "losses")
            if match[g]
        ]
        measures = []
        for word in words:
            word = word.lower()
            if word in ("killed", "deaths", "fatalities", "dead", "loss of life", "killing"):
                measures.append("killed")
            elif word in (
                "injured",
                "hurt",
                "wounded",
                "injuries",
                "harmed",
                "injuring",
                "wounding",
            ):
                measures.append("injured")
            elif word in ("casualties", "victims", "losses"):
                measures.append("casualties")
        subject = "soldier" if match["losses"] else "person"  # "no losses among the personnel"
        who = (match["who"] or "").lower()
        among = _AMONG_GROUP.match(text, match.end())
        if not who and among is not None:
            who = among["group"].lower()  # "there were no casualties among civilians"
        if who in ("civilians", "residents"):
            subject = "civilian"
        elif who == "children":
            subject = "child"
        # "no civilian casualties", "no military casualties"
        subject = _ZERO_ADJECTIVES.get((match["adj"] or "").strip().lower(), subject)
        for measure in dict.fromkeys(measures):
            mention = Mention(match.start(), match.end(), match.start(), match.end(), Quantity(0), subject,
                              "zero_statement", measure=measure)  # fmt: skip
            side = _side(mention, subject, measure, text, context, reporter_side)
            event_date, assumed = _event_date(mention, dates, context, reporter, False)
            figures.append(Figure(subject=subject, measure=measure, value=0, side=side,
                                  reported_by=reporter, event_date=event_date, date_assumed=assumed,
                                  quote=text, span_start=sentence.start + match.start(),
                                  span_end=sentence.start + match.end(), rule="zero_statement"))  # fmt: skip
    return figures


def _plausible(figure: Figure) -> bool:
    """Counts the vocabulary can hold: no 40-million-drone nights."""
    if figure.value < 0:
        return False
    if figure.subject in WEAPON_SUBJECTS and figure.value > 20_000 and not figure.cumulative:
        return False
    return figure.value <= 10_000_000


def _dedupe(figures: list[Figure]) -> list[Figure]:
    seen = set()
    out = []
    for figure in figures:
        key = (figure.span_start, figure.subject, figure.measure, figure.value)
        if key not in seen:
            seen.add(key)
            out.append(figure)
    return out


# A toll that moved on since an earlier post: "has risen to 24", "are now confirmed dead"
_TOLL_MOVED = regex.compile(
    r"\b(?:toll|(?:rose|risen|climbed|increased|grown|grew|jumped)\s+to|now\s+(?:stands|stood|confirmed)"
    r"|confirmed\s+dead|updated|revised)\b",
    _I,
)


def share_document_dates(figures: list[Figure]) -> list[Figure]:
    """A live blog's toll update that reads no day of its own is the day of the toll it updates.

    "The toll in Belgorod has risen to 24", posted the morning after the strike, counts the
    strike's dead: the day of the people figures posted last before it, when that day is
    earlier than the update's own (and at most two days earlier).
    """
    out: list[Figure] = []
    tolls: list[Figure] = []
    for figure in figures:
        is_toll = (
            figure.published_at is not None
            and not figure.cumulative
            and figure.subject in PEOPLE_SUBJECTS
            and figure.measure in ("killed", "injured")
        )
        if is_toll and figure.date_assumed and _TOLL_MOVED.search(figure.quote):
            earlier = [
                t for t in tolls
                if t.entry_id != figure.entry_id and t.published_at < figure.published_at
            ]  # fmt: skip
            if earlier:
                last = max(earlier, key=lambda t: t.published_at)
                posted = figure.published_at.date()
                if last.event_date is not None and 0 < (posted - last.event_date).days <= 2:
                    figure = dataclasses.replace(
                        figure, event_date=last.event_date, date_assumed=False
                    )
        if is_toll:
            tolls.append(figure)
        out.append(figure)
    return out


def share_document_sides(figures: list[Figure], text: str = "") -> list[Figure]:
    """Figures a document's entries left without a side take the one side the rest of the
    document gives their kind, when it gives only one.

    A live blog's "The death toll has risen to four" names no place; its other entries,
    all about Kyiv, do. Kinds are weapons, soldiers and other people, each on its own;
    prisoners are left alone, since a swap has two sides. Dead and wounded people still
    without a side then take the side of the places the document's `text` names, when
    it names one side's places only ("14 killed across the country" in a blog on Kyiv),
    and weapons the other side.
    """
    shared = _share_kinds(figures)
    if not text or not any(f.side is None and _side_by_place(f, "ukraine") for f in shared):
        return shared  # the document's places are read only when a figure needs them
    place_side = _document_place_side(text)
    if place_side is None:
        return shared
    return [
        dataclasses.replace(f, side=_side_by_place(f, place_side)) if f.side is None else f
        for f in shared
    ]


def _side_by_place(figure: Figure, place_side: str) -> str | None:
    """The side a figure takes from the side whose places it happened in, if it takes one."""
    if figure.subject in WEAPON_SUBJECTS:
        return _opposite(place_side)  # weapons that fell on a side's places are the other's
    if figure.subject in ("person", "civilian", "child") and figure.measure in (
        "killed",
        "injured",
        "casualties",
    ):
        return place_side
    return None


def _document_place_side(text: str) -> str | None:
    """The one side whose places a document names, if it names at least two and none of the other's."""
    russian, ukrainian = _place_counts(text)
    if russian == 0 and ukrainian >= 2:
        return "ukraine"
    if ukrainian == 0 and russian >= 2:
        return "russia"
    return None


def _share_kinds(figures: list[Figure]) -> list[Figure]:

    def kind(f: Figure) -> str | None:
        if f.measure == "captured":
            return None
        if f.subject in WEAPON_SUBJECTS:
            return "weapon"
        if f.subject in PEOPLE_SUBJECTS:
            return "soldier" if f.subject == "soldier" else "people"
        return None

    sides: dict[str, set[str]] = {}
    for f in figures:
        if f.side and (k := kind(f)):
            sides.setdefault(k, set()).add(f.side)
    return [
        dataclasses.replace(f, side=next(iter(sides[k])))
        if f.side is None and (k := kind(f)) in sides and len(sides[k]) == 1
        else f
        for f in figures
    ]


def _share_sides(figures: list[Figure]) -> list[Figure]:
    """A headline's 'Three drones destroyed' takes the side its body gives the same figure."""
    known = {}
    for f in figures:
        if f.side:
            known.setdefault((f.subject, f.measure, f.value), f.side)
    figures = [
        dataclasses.replace(f, side=known[(f.subject, f.measure, f.value)])
        if f.side is None and (f.subject, f.measure, f.value) in known
        else f
        for f in figures
    ]
    # "Launched: 497 air attack assets ... Neutralised: 420 ... 405 UAVs": an entry whose
    # weapons all have one side gives it to the weapons it left without one
    weapon_sides = [f.side for f in figures if f.subject in WEAPON_SUBJECTS and f.side]
    if len(weapon_sides) < 2 or len(set(weapon_sides)) != 1:
        return figures
    return [
        dataclasses.replace(f, side=weapon_sides[0])
        if f.side is None and f.subject in WEAPON_SUBJECTS
        else f
        for f in figures
    ]


def _share_dates(figures: list[Figure]) -> list[Figure]:
    """A headline's figure with no date of its own takes the date its body states, or is
    the running total its body says it is ('594 captured' over '594 ... since crossing')."""
    stated = {}
    running = set()
    for f in figures:
        if not f.date_assumed and f.event_date is not None:
            stated.setdefault((f.subject, f.measure, f.value), f.event_date)
        if f.cumulative:
            running.add((f.subject, f.measure, f.value))
    return [
        dataclasses.replace(f, event_date=stated[key], date_assumed=False)
        if f.date_assumed and (key := (f.subject, f.measure, f.value)) in stated
        else dataclasses.replace(f, event_date=None, date_assumed=False, cumulative=True)
        if f.date_assumed and key in running
        else f
        for f in figures
    ]


_BARE_TARGETS = regex.compile(
    r"(?![^\n]*?\b(?:air|aerial)\b)(?:[\d,.\s]+|\p{L}+\s+){1,4}?targets?\b", _I
)
_DRONE_WORD = regex.compile(r"\b(?:drones?|uavs?|shaheds?|gerans?|kamikaze)\b", _I)
_NOT_DRONE_WEAPON = regex.compile(
    r"\b(?:missiles?|rockets?|bombs?|kabs?|kh-\d+|kalibrs?|iskanders?|kinzhals?|aircraft|jets?"
    r"|helicopters?|projectiles?|s-300|s-400|atacms|storm\s+shadow)\b",
    _I,
)


_MIXED_TOTAL_WORDS = regex.compile(
    r"\b(?:air|aerial)\s+attack\s+(?:assets|means|weapons)|\bmeans\s+of\s+air\s+attack"
    r"|\b(?:air|aerial)\s+targets\b",
    _I,
)


def _targets_of_drones(figures: list[Figure], text: str) -> list[Figure]:
    """'Odesa was attacked by enemy drones. Air defence shot down 11 targets': in an entry that
    names drones and no other weapon, the targets are drones."""
    targets = [
        f for f in figures
        if f.subject == "aerial_target" and _BARE_TARGETS.match(text, f.span_start, f.span_end)
    ]  # fmt: skip
    if (
        not targets
        or not _DRONE_WORD.search(text)
        or _NOT_DRONE_WEAPON.search(text)
        # "the enemy attacked with 28 air attack assets ... 24 targets shot down": the total
        or _MIXED_TOTAL_WORDS.search(text)
    ):
        return figures
    return [dataclasses.replace(f, subject="drone") if f in targets else f for f in figures]


def _refine_missile_class(figures: list[Figure], text: str = "") -> list[Figure]:
    """'12 missiles reached their targets' in an entry about cruise missiles only: cruise.

    The sentence decides first ("309 drones and eight Kh-101 cruise missiles ..., of which
    288 drones and three missiles were shot down"), then the entry's figures, then the one
    class the entry names without counting ("the weapons used were Iskander-M ballistic
    missiles").
    """
    by_quote: dict[str, list[Figure]] = {}
    for f in figures:
        by_quote.setdefault(f.quote, []).append(f)
    # a counted class decides (above), or shows the total was mixed: the named one is not read
    named = (
        _named_missile_class(text)
        if any(f.subject == "missile" and not f.weapon for f in figures)
        and not any(f.subject in _NAMED_CLASSES for f in figures)
        else None
    )
    return [
        _refined(f, by_quote[f.quote])
        or _refined(f, figures)
        or _same_set_refined(f, figures, text)
        or _named_refined(f, named, figures)
        or f
        for f in figures
    ]


# "All nine missiles were also brought down" after "nine Kh-101 cruise missiles": that set
_DEFINITE_BEFORE = regex.compile(r"\b(?:all|the|these|those|both)\s+(?:of\s+the\s+)?$", _I)


def _same_set_refined(figure: Figure, figures: list[Figure], text: str) -> Figure | None:
    """A definite count of missiles that repeats one class's count names that class."""
    if figure.subject != "missile" or figure.weapon or not text:
        return None
    if not _DEFINITE_BEFORE.search(text, max(0, figure.span_start - 16), figure.span_start):
        return None
    same = {
        f.subject
        for f in figures
        if f.subject in _NAMED_CLASSES
        and f.value == figure.value
        and f.span_start < figure.span_start
    }
    if len(same) != 1:
        return None
    return dataclasses.replace(figure, subject=same.pop())


_CLASS_WORD = regex.compile(
    r"\b(?P<class>ballistic|cruise|guided\s+(?:air|aviation|aerial)|air-launched\s+guided)"
    r"(?:\s+[\p{L}\-]+)?\s+missiles?\b",
    _I,
)
_HEDGED_NAME = regex.compile(
    r"\b(?:preliminar\w*|possibly|probably|likely|presumably|believed\s+to\s+be)\b[^.;]*", _I
)
_CLASS_OF_WORD = {"ballistic": "ballistic_missile", "cruise": "cruise_missile"}
# a part of a larger salvo is not the salvo: "10 missiles, including Kinzhals"
_MIXED_SALVO = regex.compile(
    r"\b(?:includ\w*|among\s+them|of\s+them|of\s+which|various|different|several\s+types"
    r"|unidentified|unknown|rockets?|mainly|mostly|largely|chiefly|predominantly|majority)\b",
    _I,
)


_NAMED_CLASSES = MISSILE_CLASSES - {"missile"}
# More than this in one sentence is a mass attack, whose missiles are of mixed classes
_ONE_STRIKE_MOST = 12


def _named_missile_class(text: str) -> str | None:
    """The one missile class an entry names, by model or class word, if it names only one."""
    text = _HEDGED_NAME.sub(" ", text)  # "preliminarily Iskander-M": not yet known
    classes = {
        subject
        for weapon, subject in P.models_in(text)
        if subject in _NAMED_CLASSES and weapon != "tochka-u"
    }  # a Tochka-U is ballistic only when the text says so ("tactical missiles": no class)
    for match in _CLASS_WORD.finditer(text):
        word = match["class"].lower()
        classes.add(_CLASS_OF_WORD.get(word, "guided_missile"))
    return classes.pop() if len(classes) == 1 else None


def _named_refined(figure: Figure, named: str | None, scope: list[Figure]) -> Figure | None:
    """A small unclassed missile count in an entry that names one class, and counts no other."""
    if named is None or figure.subject != "missile" or figure.weapon:
        return None
    if figure.value > _ONE_STRIKE_MOST or _MIXED_SALVO.search(figure.quote):
        return None
    if any(f.quote == figure.quote and f.value > _ONE_STRIKE_MOST for f in scope):
        return None  # "shot down 406 drones and nine missiles": a mass attack mixes its missiles
    return dataclasses.replace(figure, subject=named)


def _refined(figure: Figure, scope: list[Figure]) -> Figure | None:
    """The figure with the one missile class its scope counts, when it can be a part of it."""
    if figure.subject != "missile" or figure.weapon:
        return None
    # "taking the number of missiles fired in July to 208": a running total is another set
    scope = [f for f in scope if f is figure or f.rule != "running_total"]
    classes = {f.subject for f in scope if f.subject in MISSILE_CLASSES}
    if len(classes) != 1:
        return None
    only = next(iter(classes))
    largest = max(f.value for f in scope if f.subject == only)
    if any(f.subject == "missile" and f.value > largest for f in scope):
        return None  # "43 missiles, 32 of them ballistic": the class is a part, not the whole
    if figure.value > largest or fre.search(
        r"\b(?:various|different|several|all|unknown|unidentified)\s+(?:types?|kinds?)",
        figure.quote,
        regex.I,
    ):
        return None
    return dataclasses.replace(figure, subject=only)
