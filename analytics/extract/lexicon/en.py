"""English lexicon: every word the extractor knows, as data.

The engine builds its patterns from these tables; a new language is a sibling
module with the same names (number words, nouns, verbs, sides, reporters, date
words), not a rewrite. Patterns are `regex` fragments, matched case-insensitively
unless a table says otherwise; a space in a pattern matches any run of spaces.
"""

from __future__ import annotations

# --- numbers -----------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

SCALE_WORDS: dict[str, int] = {
    "dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000,
}  # fmt: skip

# The spec's conservative readings of vague counts (qualifier at_least).
VAGUE_COUNTS: dict[str, int] = {
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
    "dozens": 12,
    "tens": 10,
    "hundreds": 100,
    "thousands": 1000,
}

QUALIFIER_WORDS: dict[str, str] = {
    "about": "approx", "around": "approx", "nearly": "approx", "almost": "approx",
    "some": "approx", "roughly": "approx", "approximately": "approx",
    "an estimated": "approx", "estimated": "approx", "close to": "approx",
    "at least": "at_least", "more than": "at_least", "over": "at_least",
    "upwards of": "at_least", "no fewer than": "at_least", "in excess of": "at_least",
    "no less than": "at_least", "a minimum of": "at_least", "not less than": "at_least",
    "up to": "at_most", "fewer than": "at_most", "less than": "at_most",
    "under": "at_most", "no more than": "at_most", "at most": "at_most",
    "as many as": "at_most",
}  # fmt: skip

# --- what is counted -----------------------------------------------------------

# Weapon models: (pattern, weapon key, subject). The model decides the subject
# of a missile ("two cruise Kh-59 missiles" are guided missiles by the spec).
# Examples: "Kh-101/Kh-555", "Х-101" (Cyrillic Kh), "Iskander-M", "Shahed-131/136".
_KH = r"(?:kh|х|x)"  # Latin, Cyrillic and the Air Force's own "X-101"
WEAPON_MODELS: tuple[tuple[str, str, str], ...] = (
    (r"shahed(?:s|-\d{3}(?:/\d{3})?)?(?:-type)?", "shahed", "drone"),
    (r"geran(?:-?[12])?s?", "geran", "drone"),
    (r"gerbera(?:s)?", "gerbera", "drone"),
    (r"lancets?", "lancet", "drone"),
    (r"orlan(?:-\d+)?s?", "orlan-10", "drone"),
    (r"zala", "zala", "drone"),
    (r"supercam", "supercam", "drone"),
    (r"mohajer(?:-\d)?", "mohajer", "drone"),
    (r"gyurza", "gyurza", "drone"),
    (rf"{_KH}-?101(?:/{_KH}-?555)?(?:/{_KH}-?55)?", "kh-101", "cruise_missile"),
    (rf"{_KH}-?555", "kh-555", "cruise_missile"),
    (rf"{_KH}-?22(?:/{_KH}-?32)?", "kh-22", "missile"),  # cruise only when called cruise
    (rf"{_KH}-?32", "kh-32", "missile"),
    (r"kalibrs?", "kalibr", "cruise_missile"),
    (r"iskander-?k", "iskander-k", "cruise_missile"),
    (r"iskander-?m(?:/kn-?23)?", "iskander-m", "ballistic_missile"),
    (r"kn-?23s?", "kn-23", "ballistic_missile"),
    (r"kinzhals?", "kinzhal", "ballistic_missile"),
    (r"iskanders?", "iskander", "ballistic_missile"),  # unqualified, writers mean the -M
    (
        r"tochka(?:-u)?s?",
        "tochka-u",
        "ballistic_missile",
    ),  # ballistic, unless the text calls it a "tactical missile" and no more (engine)
    (r"zircons?|tsirkons?", "zircon", "cruise_missile"),
    (r"oniks|onyx", "oniks", "cruise_missile"),
    (rf"{_KH}-?59(?:/{_KH}-?69)?(?:mk2?)?", "kh-59", "guided_missile"),
    (rf"{_KH}-?69", "kh-69", "guided_missile"),
    (rf"{_KH}-?31(?:p|п)?", "kh-31p", "guided_missile"),
    (r"(?:s|с|c)-?300(?:/(?:s|с|c)-?400)?", "s-300", "missile"),
    (r"(?:s|с|c)-?400", "s-400", "missile"),
    (r"kabs?|kab-\d+", "kab", "guided_bomb"),
    (r"fab-\d+|ujpk", "fab", "guided_bomb"),
    # Ukrainian and Western weapons, for the other side's claims.
    # crewed aircraft, by model
    (r"(?:su-34)s?", "su-34", "aircraft"),
    (r"(?:su-35s?)s?", "su-35", "aircraft"),
    (r"(?:su-30(?:sm2?)?)s?", "su-30", "aircraft"),
    (r"(?:su-25)s?", "su-25", "aircraft"),
    (r"(?:su-27)s?", "su-27", "aircraft"),
    (r"(?:su-24(?:m)?)s?", "su-24", "aircraft"),
    (r"(?:mig-29)s?", "mig-29", "aircraft"),
    (r"(?:mig-31(?:k)?)s?", "mig-31", "aircraft"),
    (r"(?:tu-22m3|tu-22)s?", "tu-22m3", "aircraft"),
    (r"(?:tu-95(?:ms)?)s?", "tu-95", "aircraft"),
    (r"(?:tu-160)s?", "tu-160", "aircraft"),
    (r"(?:a-50(?:u)?)s?", "a-50", "aircraft"),
    (r"(?:il-76)s?", "il-76", "aircraft"),
    (r"(?:ka-52)s?", "ka-52", "aircraft"),
    (r"(?:mi-8(?:mtv)?)s?", "mi-8", "aircraft"),
    (r"(?:mi-24|mi-35)s?", "mi-24", "aircraft"),
    (r"(?:mi-28)s?", "mi-28", "aircraft"),
    (r"(?:f-16)s?", "f-16", "aircraft"),
    (r"storm shadows?|scalps?(?:-eg)?", "storm-shadow", "cruise_missile"),
    (r"neptunes?", "neptune", "cruise_missile"),
    (r"flamingos?", "flamingo", "cruise_missile"),
    (r"atacms", "atacms", "ballistic_missile"),
    (r"himars", "himars", "missile"),
    (r"liutyis?|lyutyis?|bobers?", "liutyi", "drone"),
    # Western-supplied munitions Russia's ministry reports downing
    (r"jdams?(?:-er)?", "jdam", "guided_bomb"),
    (r"glsdbs?", "glsdb", "guided_bomb"),
    (r"taurus(?:es)?", "taurus", "cruise_missile"),
    (r"agm-88s?|harms?", "agm-88", "guided_missile"),
)

# Whose arsenal a model belongs to, for a side the text does not spell out.
MODEL_SIDES: dict[str, str] = {
    "storm-shadow": "ukraine", "neptune": "ukraine", "flamingo": "ukraine",
    "atacms": "ukraine", "himars": "ukraine", "liutyi": "ukraine",
    "jdam": "ukraine", "glsdb": "ukraine", "taurus": "ukraine", "agm-88": "ukraine",
    # used by both armies: the model says nothing about whose it was
    "tochka-u": None, "s-300": None, "s-400": None, "orlan-10": "russia",
    # aircraft: both air forces fly the Soviet types; only some are one side's
    "su-25": None, "su-27": None, "su-24": None, "mig-29": None, "mi-8": None, "mi-24": None,
    "il-76": None, "f-16": "ukraine",
}  # fmt: skip

# Words that show a text speaks from one side: the enemy of a Russian source is Ukraine.
PERSPECTIVE_CUES: tuple[tuple[str, str], ...] = (
    (
        r"kyiv regime|special military operation|\bsmo\b|ukrainian armed formations|neo-nazi"
        r"|terrorist attack by the kyiv|ukrainian nationalists|on-duty air defen[cs]e"
        r"|ukrainian (?:militants|terrorists)|(?:armed forces of ukraine|afu) (?:continues?|carried out|committed)"
        r"|the afu lost|losses of the afu|formations of the (?:armed forces of ukraine|afu)"
        r"|(?:units|troops) of the (?:north|south|west|east|centre|center|dnepr|sever|yug|zapad"
        r"|vostok|tsentr) group(?: of forces)?"  # the Russian ministry's own groupings
        r"|ukrainian servicemen surrendered"
        r" (?:\p{L}+ )?terrorist",
        "russia",
    ),
    (r"occupiers|russian invaders|ruscists|racists|the aggressor", "ukraine"),
)
DEFAULT_MODEL_SIDE = "russia"

# Head nouns: (pattern, subject, grammatical number) — 'pl' plural, 'sg'
# singular, 'inv' either. Longer phrases first. A singular head never takes a
# plural count ("dozens of drone attacks" counts attacks, not drones).
NOUNS: tuple[tuple[str, str, str], ...] = (
    # aerial targets: drones and missiles counted together
    (r"(?:attack )?(?:drones|uavs) and (?:cruise |ballistic )?missiles", "aerial_target", "pl"),
    (r"(?:drones|uavs) and decoys|decoys", "drone", "pl"),
    (
        r"(?:cruise |ballistic )?missiles and (?:attack |strike )?(?:drones|uavs)",
        "aerial_target",
        "pl",
    ),
    (r"(?:air|aerial) targets", "aerial_target", "pl"),
    (r"(?:air|aerial) target", "aerial_target", "sg"),
    (r"(?:air|aerial) attack (?:assets|weapons|means|vehicles)", "aerial_target", "pl"),
    (r"means of (?:air|aerial) attack", "aerial_target", "pl"),
    (r"(?:air|aerial) (?:weapons|threats|objects)", "aerial_target", "pl"),
    (r"targets", "aerial_target", "pl"),
    (r"projectiles", "aerial_target", "pl"),
    # missiles by kind
    (r"cruise missiles", "cruise_missile", "pl"),
    (r"cruise missile", "cruise_missile", "sg"),
    (r"(?:aero)?ballistic missiles", "ballistic_missile", "pl"),
    (r"(?:aero)?ballistic missile", "ballistic_missile", "sg"),
    (
        r"(?:air-)?guided (?:air-to-surface |air-launched |air |aerial )?missiles",
        "guided_missile",
        "pl",
    ),
    (
        r"(?:air-)?guided (?:air-to-surface |air-launched |air |aerial )?missile",
        "guided_missile",
        "sg",
    ),
    (
        r"(?:guided |glide |guided aerial |guided air |aerial guided |gliding )bombs",
        "guided_bomb",
        "pl",
    ),
    (
        r"(?:guided |glide |guided aerial |guided air |aerial guided |gliding )bomb",
        "guided_bomb",
        "sg",
    ),
    # the class alone, its noun elided: "48 missiles (including 10 ballistic)",
    # "two ballistic and three cruise missiles"
    (r"ballistic(?=\s*(?:[),;.]|and\b|or\b))", "ballistic_missile", "inv"),
    (r"cruise(?=\s*(?:[),;.]|and\b|or\b))", "cruise_missile", "inv"),
    (r"missiles", "missile", "pl"),
    (r"missile", "missile", "sg"),
    (r"rockets", "missile", "pl"),
    # drones
    (r"unmanned aerial vehicles", "drone", "pl"),
    (r"unmanned aerial vehicle", "drone", "sg"),
    (r"unmanned aircraft(?: systems)?", "drone", "inv"),
    (r"drones", "drone", "pl"),
    (r"drone", "drone", "sg"),
    (r"uavs", "drone", "pl"),
    (r"uav", "drone", "sg"),
    (r"loitering munitions", "drone", "pl"),
    (r"kamikazes", "drone", "pl"),
    (
        r"(?:drone-)?imitators|(?:drone-)?decoys|(?:drone-)?simulators|simulator drones",
        "drone",
        "pl",
    ),
    # crewed aircraft
    (r"(?:fighter |combat |military |attack )?aircraft", "aircraft", "inv"),  # one or many
    (
        r"(?:fighter |combat |military )?(?:jets|planes|airplanes|aeroplanes|warplanes|(?:fighter-)?bombers)",
        "aircraft",
        "pl",
    ),
    (
        r"(?:fighter |combat |military )?(?:jet|plane|airplane|aeroplane|warplane|(?:fighter-)?bomber)",
        "aircraft",
        "sg",
    ),
    (r"helicopters", "aircraft", "pl"),
    (r"helicopter", "aircraft", "sg"),
    (  # "France three Rafale fighters": warplanes, not fighting men
        r"(?:rafale|eurofighter|typhoon|gripen|mirage(?: 2000)?|tornado|harrier|f-35|f-15|f-18)"
        r" (?:fighters|fighter jets|jets)|fighter jets",  # models the lexicon knows name their class
        "aircraft",
        "pl",
    ),
    # people
    (  # "95 servicemen and civilians were freed": a mixed count is people
        r"(?:soldiers|servicemen|troops|military personnel|defenders|fighters|prisoners of war|pows"
        r"|military) and civilians|civilians and (?:soldiers|servicemen|troops|military personnel"
        r"|defenders|fighters|prisoners of war|pows|military)",
        "person",
        "pl",
    ),
    (
        r"children|kids|minors|teenagers|teens|boys|girls|babies|infants|schoolchildren",
        "child",
        "pl",
    ),
    (r"child|kid|minor|teenager|boy|girl|baby|infant", "child", "sg"),
    (r"civilians|residents|locals|inhabitants", "civilian", "pl"),
    (r"civilian|resident|inhabitant", "civilian", "sg"),
    (r"north koreans", "soldier", "pl"),  # in this war, always Pyongyang's troops
    (
        r"ukrainians|russians|belarusians|israelis|foreigners|nationals|citizens|compatriots",
        "person",
        "pl",
    ),
    (r"police officers|policemen|policewomen|police", "person", "pl"),
    (  # a swap list's service lines: "National Guard of Ukraine – 19"
        r"armed forces of ukraine|national guard(?: of ukraine)?|(?:state )?border guard service",
        "soldier",
        "pl",
    ),
    (r"prisoners of war|pows", "soldier", "pl"),
    (r"prisoners", "person", "pl"),  # "swapped 84 prisoners each": soldiers and civilians alike
    (
        r"(?:soldiers|troops|servicemen|servicewomen|service members|service personnel"
        r"|military personnel|personnel|fighters|defenders|marines|paratroopers|conscripts"
        r"|officers|sergeants|privates|mercenaries|combatants|militants|border guards"
        r"|national guardsmen|guardsmen|sailors|pilots|crew members|reservists|recruits|mobilised men"
        r"|mobilized men|stormtroopers|assault troops"
        r"|occupiers|invaders|occupants(?! of\b))",  # the General Staff's words for Russian troops
        "soldier",
        "pl",
    ),
    (
        r"soldier|serviceman|servicewoman|service member|marine|conscript|officer|pilot",
        "soldier",
        "sg",
    ),
    (
        r"members of the (?:armed forces|national guard|state border guard service|border guard"
        r"|territorial defen[cs]e forces|navy|air force)",
        "soldier",
        "pl",
    ),
    (
        r"people|ppl|persons|individuals|victims|men|women|adults|workers|employees|staff"
        r"|members of (?:one|a|the same|his|her|their|one and the same) family|family members|relatives"
        r"|rescuers|firefighters|medics|doctors|journalists|volunteers|bodies|passengers"
        r"|pedestrians|drivers|miners|farmers|patients|students|guests|shoppers"
        r"|pensioners|teachers|nurses|fishermen|guards|security guards|electricians|engineers",
        "person",
        "pl",
    ),
    (
        r"person|individual|victim|man|woman|adult|worker|employee|rescuer|firefighter"
        r"|medic|doctor|journalist|volunteer|body|passenger|pedestrian|driver"
        r"|pensioner|teacher|nurse|fisherman|guard|security guard|electrician|engineer",
        "person",
        "sg",
    ),
)

# Nouns that make a preceding subject word a mere modifier: "drone attacks".
NOUN_BLOCKERS = (
    r"attacks?|strikes?|raids?|debris|fragments|wreckage|operators?|units?|factory|factories"
    r"|plants?|production|launchers?|sites?|bases?|warnings?|alerts?|threats?|programmes?"
    r"|programs?|systems?|parts|components|manufacturers?|makers?|engines?|swarms?|waves?"
    r"|pilots?|alarms?|sirens?|defen[cs]es?|incidents?|hits|stocks|shortages?|crews?|carriers?"
)

# Words that may sit between a count and its noun ("37 Russian attack drones").
MODIFIERS = (
    r"russian|ukrainian|enemy|hostile|iranian|iranian-made|north korean|belarusian|russia-launched"
    r"|attack|strike|combat|kamikaze|suicide|reconnaissance|recon|decoy|dummy|imitation|imitator|simulator"
    r"|jet-powered|jet|long-range|fixed-wing|aircraft-type|airplane-type|copter-type"
    r"|unmanned|aerial|air-launched|sea-launched|ground-launched|land-based|hypersonic"
    r"|strategic|tactical|anti-aircraft|anti-ship|air-to-surface|surface-to-air|surface-to-surface"
    r"|other|more|additional|further|remaining|incoming|enemy's|occupiers'|of the|type"
    r"|shahed-type|geran-type|gerbera-type|heavy|powerful|small|large|new|injured|wounded|dead"
    r"|civilian|ukrainian-made|armed|one-way|one-way-attack|guided|unguided|ballistic|cruise"
    r"|sea|naval|surface|fpv|first-person-view|explosive|explosive-laden|innocent|local"
    r"|military|army|regular|elderly|young|more than|in total|total"
    r"|seriously|severely|badly|critically|lightly|slightly|unidentified|unknown|unidentifiable"
    # compound-noun modifiers of people: "two port workers", "three energy company employees"
    r"|port|energy|railway|rail|rescue|medical|hospital|mine|farm|factory|power|utility|plant|gas"
    r"|water|emergency|humanitarian|aid|media|news|police|border|oil|refinery|construction|repair"
    r"|municipal|road|postal|delivery|bus|taxi|train|company|shop|market|school|kindergarten|church"
    r"|foreign|ukrainian-born|russian-born|adult|elderly|teenage|male|female|more|other"
)

# --- what happened to it -------------------------------------------------------

# Verb phrases per measure. "active" forms precede their object ("shot down 37
# drones"); "passive" forms follow their subject ("37 drones were shot down",
# "two left Ukraine's airspace"). Example sentences live in the rule table.
MEASURE_ACTIVE: dict[str, str] = {
    "casualties": r"(?:killed|eliminated) (?:or|and) (?:wounded|injured)|killing (?:or|and) (?:wounding|injuring)"
    # "the enemy lost up to 240 servicemen"; weapons in a loss list become "downed"
    r"|lost|losing|losses (?:[\p{L}\d\-’',.]+ ){0,14}?(?:amount(?:ed|s)? to|total(?:led|ed|s)?|stand at|stood at|reached)"
    # "inflicted losses of up to 560 troops"
    r"|inflict(?:ed|ing|s)? (?:losses|casualties) (?:(?:on|upon) (?:the )?(?:enemy|adversary) )?of",
    "downed": r"(?:shot|shoot|shooting|shoots) down|downed|downing|downs|down(?= \d)|stopped"
    r"|destroyed|destroying|destroys|destroy|intercepted|intercepting|intercepts|intercept"
    r"|neutrali[sz]ed|neutrali[sz]ing|neutrali[sz]es|neutrali[sz]e|took down|taking down|takes down|took out|taking out|takes out"
    r"|brought down|bringing down|eliminated|eliminating|knocked out|repelled and destroyed"
    # "air defence repelled an attack by 11 UAVs flying towards Moscow": the drones were defeated
    r"|(?:repelled|repelling|repulsed) (?:an? |the )?attacks? (?:\p{L}+ ){0,3}?(?:by|of)"
    r"|repelled|repelling"
    r"|engaged and destroyed|(?:managed|were able|was able) to (?:shoot down|destroy|intercept|down)"
    r"|destruction of|interception of|downing of|shooting down of",
    "launched": r"launched|launching|launches|launch(?! (?:rocket|vehicle|site|pad|system|platform)s?\b)|fired|firing|fires|used|using|uses"
    r"|attacked (?:[\p{L}\-.\d]+(?:'s)? ){0,8}?with|(?:was|were|has been|have been|had been|came under) attack(?:ed)? (?:by|from)"
    r"|to (?:strike|attack|hit) (?:[\p{L}\-]+ ){0,10}?with|struck (?:[\p{L}\-]+ ){0,5}?with|hit (?:[\p{L}\-]+ ){0,5}?with"
    r"|targeted (?:\p{L}+ ){0,3}?with|targeted by|(?<![\p{L}] )attacked by|attacking (?:\p{L}+ ){0,3}?with|pounded (?:\p{L}+ ){0,3}?with"
    r"|shelled (?:\p{L}+ ){0,3}?with|bombarded (?:\p{L}+ ){0,3}?with|sent|sending"
    r"|unleashed|unleashes|unleashing|hurled|hurls|hurling|threw|throws|throwing|dropped|dropping|deployed"
    r"|(?:detected|tracked|recorded|registered|counted)(?: and (?:tracked|detected|recorded))?"
    # "the air force reported 81 drones in one wave"; not "was reported to", not "reports: six over"
    r"|(?<!(?:was|were|is|are|been|be) )(?:reported|reports)(?! ?:)"
    # "The air force's tally for the night: 440 drones and 32 missiles"
    r"|(?<=(?:force's|force|its|morning|overnight|night's|official) )(?:tally|report|count|figures|numbers)"
    r"(?: for (?:the|that|last) night)?:"
    r"|(?<!(?:total|possible|potential|maximum) )(?<!(?:repelled|repelling|repels|repel|repulsed) (?:an? |the )?)"
    r"(?:an? |the )?(?:attack|assault|barrage|wave|salvo|raid|strike)s? (?:\p{L}+ ){0,4}?(?:by|with|of|involving)"
    # "The enemy carried out a massive combined strike – 537 air attack assets in total:"
    r"|(?:carried out|launched|conducted|delivered) (?:an? |the )?(?:\p{L}+ ){0,3}?(?:attack|strike|raid|barrage) [–—]"
    r"|(?<!(?:ed|down|out) )a total of|there (?:were|was|have been)|(?:attack|assault|strike|raid|barrage|salvo|wave)s? (?:\p{L}+ ){0,2}?(?:included|involved|comprised|consisted of)",
    "lost": r"(?:electronic warfare|ew|electronic countermeasures|jamming)(?: \p{L}+){0,2}? (?:diverted|suppressed"
    r"|jammed|redirected|neutrali[sz]ed|downed|brought down|took out|disabled)"
    # a list line led by the verb: "📡 locationally lost / suppressed by EW – 225 UAVs"
    r"|(?:locationally lost|lost locationally|location-lost)(?: (?:/|or|and) (?:suppressed|jammed)"
    r"(?: by (?:ew|electronic warfare))?)?(?= ?[–—:])"
    r"|(?:suppressed|jammed) by (?:ew|electronic warfare|electronic countermeasures)(?= ?[–—:])",
    "killed": r"killed|killing|kills|kill|(?:claimed|claiming|claims|took|taking|takes) the lives of"
    r"|(?:confirmed|recorded|documented|verified|reported|mourned|announced) the deaths? of"
    r"|(?:the |summary )?executions? of|executed|executing"
    r"|(?:recovered|found|retrieved|pulled out|pulled) the bodies of",
    "injured": r"injured|injuring|injures|wounded|wounding|wounds|hurt|hurting"
    r"|(?:the )?hospitali[sz]ation of",
    "captured": r"captured|capturing|took prisoner|freed|released(?! (?:a |the )?(?:video|footage|images?|photos?|statement|report|data|figures|details))|exchanged|swapped|repatriated"
    r"|got back|handed over|handed back|hand(?:s|ing)? (?:over|back)|won the release of|secured the return of|brought back"
    r"|brought (?:back )?home|returned|returning|secured the release of|the return of|the release of"
    r"|traded|trading|won back|winning back|in (?:return|exchange) for",
    "deployed": r"deployed|deploying|stationed|sent|sending|committed|committing|(?<!(?:could|may|might|would|can) )sends?|dispatched|amassed|massed"
    r"|(?<!(?:could|may|might|would|can) )(?:deploy|dispatch|station)(?![\p{L}])"  # "NATO will deploy 4,000 troops"
    r"|concentrat(?:ed|ing)(?! (?:\p{L}+ )?(?:attacks?|strikes?|fire|barrages?|assaults?|shelling|salvos?|waves?))|massing|amassing"
    r"|host|hosts|hosting|shipped"
    r"|brought|bringing|moved|moving|transferred|redeployed"
    r"|called up|calling up|mobili[sz]ed|mobili[sz]ing",  # "Russia has finished calling up 300,000 reservists"
    "hit": r"hits? (?:by|of|from)|(?:(?:was|were|has been|have been) )?(?:hit|struck) by",  # "A hit of 8 UAVs was recorded"
}

MEASURE_PASSIVE: dict[str, str] = {
    "launched": r"(?:were|was|have been|had been|has been|being) (?:\p{L}+ )?"
    r"(?:launched|fired|used|sent|tracked|detected|recorded|registered|spotted|dropped|aimed at|directed at"
    r"|involved(?= in (?:the |this |that |an? )?(?:\p{L}+ )?(?:attack|strike|raid|assault)| ?[.;,]| ?$))"
    r"(?! and (?:destroyed|shot down|intercepted|neutrali[sz]ed))(?! as\b)|(?:had|have|has) attacked"
    r"|(?:that |which )?(?:russia|moscow|the enemy|ukraine|kyiv) (?:had |has )?(?:launched|fired|sent|used)"
    r"|(?:took|take|taking) part in (?:the |this |that |an? )?(?:\p{L}+ )?(?:attack|strike|raid|assault)"
    r"|attacked(?! by)"  # "289 UAVs of various modifications attacked Huliaipole"
    r"|(?:came|flew) in from"  # "12-15 Shaheds came in from the sea"
    # a bare participle right after the phrase: "Air force: 120 missiles and 90 drones launched."
    r"|(?<=^ )(?:launched|fired|dropped)(?=(?: overnight| in total)? ?(?:[.;:)]|$)"  # not "the 50 launched were downed"
    # a headline's "Eight Kh-59 missiles fired at Odesa region": a place, then the end, or
    # "fired at Odesa region from the Black Sea; air force says 5 shot down"
    r"| (?:at|on|against|towards?) (?-i:\p{Lu})[\p{L}\-'’]*(?: (?-i:\p{Lu})[\p{L}\-'’]*)?(?: region| oblast)?"
    r"(?:(?: from (?:the )?(?-i:\p{Lu})[\p{L}\-'’]*(?: (?-i:\p{Lu})[\p{L}\-'’]*)?)? ?;| ?(?:[.;]|$)))",
    "casualties": r"(?:(?:have|has) )?suffered(?= (?:as a result|because|due to|from (?:the |russian |armed )|since|in)\b| ?[,.;]| ?$)"
    r"|(?:were|was|have been|has been) harmed"  # "Most children were harmed in Donetsk region – 603"
    r"|"  # "More than 1,870 children have suffered as a result of the aggression": killed and hurt
    r"(?:(?:were|was|have been|had been|has been|are|being) )?(?:(?:already|reportedly|all) )?"
    r"(?:killed (?:or|and) (?:wounded|injured)|dead (?:or|and) (?:wounded|injured)"
    r"|wounded (?:or|and) killed|injured (?:or|and) killed)",
    "downed": r"(?:(?:were|was|have been|had been|has been|being|are|got) )?"
    r"(?:(?:successfully|reportedly|all|also|later|then|(?:officially )?(?:reported|confirmed)(?: as)?) )?"
    r"(?:(?:detected|tracked|spotted) and )?"  # "were detected and destroyed"
    r"(?:shot down|downed|destroyed|intercepted|neutrali[sz]ed|taken down|taken out|brought down|stopped"
    r"|eliminated(?! irrevocabl| irrecoverabl| irretrievabl)|hit by air defen[cs]es?|knocked out|repelled|came down(?= over\b))",  # "a further 19 came down over"
    "lost": r"(?:(?:were|was|have been|had been|has been|are|got) )?"
    r"(?:(?:also|reportedly) )?(?:(?:logged|recorded|listed|classed|classified) as [\"“]?)?"
    r"(?:locationally lost|lost (?:in|on) location|location-lost"
    r"|lost(?! their lives| his life| her life)(?: (?:locationally|on radar|from radar))?"
    r"|(?:suppressed|jammed|neutrali[sz]ed|redirected|diverted|grounded|brought down|downed)"
    r" by (?:electronic warfare|ew|electronic countermeasures|electronic jamming)(?: (?:means|systems|units))?"
    r"|suppressed|jammed|disappeared from (?:the )?radars?|vanished from (?:the )?radars?"
    r"|went off (?:the )?radars?|dropped off (?:the )?radars?"
    r"|went off course|veered off course|failed to reach (?:their |its )?targets?"
    r"|did not reach (?:their |its |the )?targets?|didn't reach (?:their |its )?targets?"
    r"|did not hit (?:their |its )?targets?|never reached (?:their |its )?targets?"
    r"|(?:crashed|fell) in (?:open|empty) fields?)",
    # not "we had zero missiles left": a stock that remains
    "left_airspace": r"(?:(?:have|had|has|were|was) )?(?:left(?! ?[.,;:!?\"”’)]| ?$| (?:in|over|on|with|to spare|bank|side|flank|wing|hand|behind)\b)|exited|flew out of|flew back (?:to|towards|into)"
    r"|(?:heading|headed|flying|turned|veered) (?:back |off |away )?(?:to|towards|toward|into|in the direction of) (?:russia|belarus)"
    r"|(?:back )?(?:towards|toward) (?:russia|belarus)|strayed into (?:\p{L}+ )?(?:air ?space|territory)"
    r"|flew (?:off |away )?(?:towards|toward|to|into) (?:russia|belarus|the territory of)"
    r"|headed (?:back )?(?:to|towards|toward|into) (?:russia|belarus)|(?<!(?:were|was|been) )returned to (?:russia|belarus)"
    r"|crossed (?:back )?into (?:russia|belarus)|flew (?:back |off |away )?(?:in )?the direction of"
    r"|(?:flew|strayed|veered) (?:back )?into (?:romanian|moldovan|polish|belarusian|russian) air ?space"
    r"|(?:entered|entering|violated|violating) (?:romanian|moldovan|polish|hungarian|slovak|latvian|lithuanian"
    r"|estonian|finnish)(?: national| state| sovereign)? air ?space"
    r"|(?:entered|entering|violated|violating) the (?:national |state )?air ?space of (?:the republic of )?"
    r"(?:romania|moldova|poland|hungary|slovakia|latvia|lithuania|estonia|finland))"
    r"(?: (?:ukraine's|ukrainian|the country's|the|russian|belarusian))?(?: air ?space)?",
    "hit": r"(?:(?:have|had|has|may have|might have|reportedly|likely|apparently|could have) )?"
    r"(?:reached (?:their |its |the )?(?:intended )?targets?|hit (?:their |its |the )?targets?"
    r"|struck (?:their |its |the )?targets?|impacted|got through|made it through|broke through"
    r"|smashed into|crashed into|slammed into|landed|struck"
    r"|(?<!(?:worst|hardest|badly|heavily|hard)[- ])hit(?! by)"  # not "Lutsk worst hit"
    r"|evaded air defen[cs]es?|were recorded as hits|reached (?:\p{L}+ ){0,2}?targets?)",
    "killed": r"(?:(?:were|was|have been|had been|has been|are|got|being|are now|were all) )?"
    r"(?:(?:confirmed|reported|reportedly|also|later|all|tragically|now|so far) )*"
    r"(?:killed|dead|died|perished|lost their lives|have died|had died|were found dead"
    r"|found dead|killed in action|confirmed dead|among the dead|among those killed|among the killed"
    # "Three children are among the 20 dead", "... among the 11 people killed"
    r"|among the [\d,]+ (?:(?:people|persons|civilians|residents|victims) )?(?:killed|dead)"
    r"|(?:(?:eliminated|lost) )?(?:irrecoverabl[ey]|irretrievabl[ey]|irrevocabl[ey]))",  # the General Staff's "64 of them irrecoverably": dead
    "injured": r"(?:(?:were|was|have been|had been|has been|are|got|being|were also) )?"
    r"(?:(?:confirmed|reported|reportedly|also|later|all|seriously|severely|slightly|lightly"
    r"|critically|so far|now) )*"
    r"(?:injured|wounded|hurt|hospitali[sz]ed|taken to (?:the )?hospitals?"
    r"|(?:sustained|suffered|received) (?:\p{L}+ ){0,2}?(?:injuries|wounds)|treated for injuries|among the injured"
    r"|among the wounded|among those (?:hurt|injured|wounded|(?:being )?(?:treated|hospitali[sz]ed)|in hospital)"
    r"|among the [\d,]+ (?:(?:people|persons|civilians|residents|victims) )?(?:injured|wounded|hurt)"
    r"|needed medical (?:help|care|attention)|remain(?:s|ed)? in (?:the )?hospitals?"
    r"|with (?:\p{L}+ )?(?:injuries|wounds)"
    r"|remain(?:s|ed)? under medical (?:care|supervision)|(?:are|were|is|was) receiving (?:medical )?(?:treatment|care)"
    r"|sought medical (?:help|care|attention|assistance)|(?:received|needed|required) medical (?:help|care|treatment|assistance)"
    # not "640 children were being treated at the hospital when the missile struck": patients there
    r"|(?:are|were|is|was) (?:being )?(?:treated|in (?:the )?hospitals?)(?! (?:(?:at|in) (?:the )?hospitals? )?when\b)"
    r"|(?:are|were|is|was) (?:being )?in (?:serious|critical|grave|moderate) condition)",
    "captured": r"(?:(?:were|was|have been|had been|has been|are) )?"
    r"(?:captured|taken prisoner|taken captive|freed|released|exchanged|swapped|repatriated"
    # right after the phrase: "took 30 Russian soldiers prisoner", "took 7 servicemen of the Russian army prisoner"
    r"|(?<=^ (?:of (?:the )?(?:russian|ukrainian|enemy|occupying) (?:army|armed forces|forces|military) )?)prisoner(?! of)"
    r"|(?:returned|returning) (?:home|to ukraine|to russia|from (?:russian |ukrainian )?captivity)"
    r"|(?<=(?:were|was|been) )returned"
    r"|brought (?:back )?home|came (?:back )?home|went (?:back )?home|(?:have |has )?come (?:back )?home|(?:are|were) (?:back )?home"
    r"|(?:transferred|handed over|handed back) to the (?:ukrainian|russian) side|brought back"
    r"|(?<=(?:were|was|been) )(?:handed over|handed back)"
    r"|(?<=(?:were|was|been) )transferred(?= (?:home|in (?:return|exchange) for))"
    r"|surrendered|laid down (?:their )?arms(?: and surrendered)?|gave themselves up|have given themselves up)",
    "deployed": r"(?:(?:were|was|have been|had been|has been|are|being) )?"
    r"(?:deployed|stationed|sent to|dispatched|arriving in|arrived(?! (?:home|back))|amassed|massed|shipped|airlifted"
    r"|(?<=(?:were|was|been) )(?:called up|mobili[sz]ed)"
    r"|(?:have|has|had) (?:already |now |just )?arrived (?:in|at)\b"
    r"|took part|take part|taking part|participated|participating"
    # "11,000 North Korean soldiers are believed to be in the region", "had moved close to the border"
    r"|(?:are|were|is|was) (?:believed|thought|estimated|said|reported) to be (?:in|inside|near|based in|deployed|stationed|fighting in)\b"
    r"(?! (?:a |the )?(?:hospital|captivity|mortal|danger|serious|critical|grave|custody|prison|shelters?|rubble)\b)"
    r"|(?:had|have|has) (?:already |now )?moved (?:to|into|close to|closer to|near|toward|towards)\b"
    # "Some 1,700 soldiers will go to Poland", "are being moved into Belarus", "will be repositioned to"
    r"|(?:will|would|are to|is to) (?:go|move|head|relocate|redeploy) (?:to|into)\b"
    r"|(?:will be|would be|are being|is being|were being|are|were|have been|had been) "
    r"(?:moved|repositioned|relocated|redeployed|transferred|flown|sent) (?:to|into)\b"
    r"|remain(?:s|ed)? (?:in|inside|on|near|along)(?! (?:hospital|captivity|custody|prison|serious|critical|the (?:list|books|agenda|table))\b)"
    r"|(?:are|were) (?:now |currently |already )?(?:in|inside|based in|present in|fighting in)(?! (?:hospital|captivity|mortal|danger|serious|critical|grave|custody|prison|shelters?)\b)"
    r"(?! [\p{L}\-]+ (?:receiving|undergoing|for (?:treatment|rehabilitation|medical)))"
    r"(?! [\p{L}\-]+, where (?:they|he|she) (?:are|were|is|was) (?:receiving|undergoing|being)))",
}

# Nouns that carry a measure by themselves: "5,996 deaths", "ten wounded",
# "2,000 casualties", "230 POWs". (pattern, measure, subject or None)
CASUALTY_NOUNS: tuple[tuple[str, str, str | None], ...] = (
    (r"casualties|(?:killed|dead) (?:and|or) (?:wounded|injured)", "casualties", None),
    (r"deaths|fatalities|dead|death", "killed", None),
    (r"wounded|injured|injuries", "injured", None),
    (r"killed", "killed", None),
    (r"prisoners of war|pows", "captured", "soldier"),
    (r"lives", "killed", "person"),  # "the attack claimed 28 lives" (not "saved 12 lives": engine)
)

# One person named as part of a casualty count: "killed four people, including a
# child" is also one child killed. (pattern of the person, subject)
ONE_PERSON_PARTS: tuple[tuple[str, str], ...] = (
    (
        r"(?:(?:\d{1,2}|\p{L}+)-(?:year|month|week)-old |teenage |young |little |small )?"
        r"(?:child|teenager|teen|boy|girl|baby|infant|toddler|minor|newborn|schoolboy|schoolgirl)",
        "child",
    ),
)

# Nominal frames that give a count's measure: "the death toll rose to 12".
TOLL_FRAMES: tuple[tuple[str, str], ...] = (
    (
        r"(?:death toll|toll|number of (?:the )?(?:dead|deaths|killed|fatalities|victims)"
        r"|number of (?:people|those|persons|civilians|residents) (?:killed|who (?:were killed|died|have died))"
        r"|number of fatalities"
        # "put the number killed at 250,000", "the number of Ukrainian soldiers killed ... at 31,000"
        r"|number (?:of (?:ukrainian |russian |north korean |enemy )?(?:soldiers|troops|servicemen"
        r"|fighters|civilians|people) )?(?:killed|dead)(?! (?:and|or) (?:wounded|injured))"
        # "put Russia's military deaths at close to 120,000", "put the Russian dead at about 120,000"
        r"|(?:military|combat|battlefield) (?:deaths|dead|fatalities)"
        r"|(?<=(?:russian|ukrainian|korean) )(?:dead|deaths|fatalities))",
        "killed",
    ),
    (
        r"(?:number of (?:the )?(?:wounded|injured|injuries)"
        r"|number of (?:people|those|persons|civilians|residents) (?:injured|wounded|hurt)"
        r"|injury toll)",
        "injured",
    ),
    (
        r"(?:number of casualties|casualty toll|casualty count|losses|(?<=(?:russian|ukrainian|korean|total) )casualties"
        r"|(?:military|combat|battlefield) casualties)",
        "casualties",
    ),
    (
        r"number (?:of (?:ukrainians|russians|prisoners|pows|people|defenders|soldiers|servicemen|civilians) )?"
        r"(?:freed|released|returned|exchanged|brought (?:back )?home|repatriated)",
        "captured",
    ),
    (
        # "put the number sent at around 12,000", "the number of North Korean troops already in
        # the Kursk region at 11,000": troops somewhere, counted as deployed
        r"number (?:of (?:[\p{L}\-]+ ){0,2}?(?:troops|soldiers|servicemen|personnel) )?"
        r"(?:sent|deployed|dispatched|stationed|(?:already|now|currently) (?:in|training|fighting|deployed|stationed|serving))",
        "deployed",
    ),
)

# Items of the General Staff's running "combat losses of the enemy" list:
# "personnel — about 1,001,970 (+1,230) persons, aircraft — 416 (+0), ...".
# (pattern, subject, measure); every figure read this way is cumulative.
LOSS_TABLE_ITEMS: tuple[tuple[str, str, str], ...] = (
    (r"personnel", "soldier", "casualties"),
    (r"(?:aircraft|airplanes|planes|warplanes)", "aircraft", "downed"),
    (r"helicopters", "aircraft", "downed"),
    (
        r"(?:operational-tactical(?: level)? )?(?:uavs?|drones|unmanned aerial vehicles)(?: of operational-tactical level| operational-tactical level)?",
        "drone",
        "downed",
    ),
    (r"cruise missiles", "cruise_missile", "downed"),
)
LOSS_TABLE_LEAD = r"(?:combat )?losses|eliminated|destroyed in total"

# --- whose it is ---------------------------------------------------------------

SIDE_WORDS: dict[str, str] = {
    "russian": "russia", "russia's": "russia", "russia": "russia", "moscow": "russia",
    "moscow's": "russia", "kremlin": "russia", "russia-launched": "russia",
    "russian-launched": "russia", "occupiers": "russia", "occupiers'": "russia",
    "occupants": "russia", "invaders": "russia",
    "russians": "russia",
    "ukrainian": "ukraine", "ukraine's": "ukraine", "ukraine": "ukraine", "kyiv's": "ukraine",
    "kyiv": "ukraine", "ukrainians": "ukraine", "ukraine-launched": "ukraine",
    "russian federation's": "russia", "russian federation": "russia",
    "dprk": "north_korea", "north korea": "north_korea",
    "north korean": "north_korea", "north korea's": "north_korea", "north koreans": "north_korea",
    "pyongyang": "north_korea", "pyongyang's": "north_korea",
    "afu": "ukraine", "the afu's": "ukraine", "ukrainian armed forces": "ukraine",
    "belarusian": "belarus", "belarus": "belarus",
}  # fmt: skip

# Places, to tell whose people were hit and over whose land drones fell.
RUSSIAN_PLACES = (
    r"belgorod|kursk|bryansk|voronezh|rostov|krasnodar|moscow|oryol|orel|tula|kaluga"
    r"|smolensk|lipetsk|tambov|ryazan|volgograd|astrakhan|saratov|leningrad|st\.? petersburg"
    r"|nizhny novgorod|tver|yaroslavl|pskov|novgorod|penza|samara|tatarstan|bashkortostan"
    r"|chuvashia|mordovia|adygea|kaliningrad|ivanovo|vladimir|kostroma|mozhaisk|khimki"
    r"|engels|novorossiysk|taganrog|sochi|tuapse|shebekino|rylsk|sudzha|stavropol|dagestan"
    r"|chechnya|kabardino-balkaria|north ossetia|krasnodar krai|primorsko-akhtarsk|millerovo"
    r"|yeysk|morozovsk|saky|kstovo|ust-luga|ulyanovsk|orenburg|perm|chelyabinsk|sverdlovsk"
)
# Occupied parts of Ukraine where Russia's ministry also reports drones.
OCCUPIED_PLACES = r"crimea|crimean peninsula|sevastopol|donetsk city|luhansk city|henichesk|melitopol|berdiansk|mariupol"
UKRAINIAN_PLACES = (
    r"kyiv|kiev|kharkiv|odesa|odessa|dnipro|dnipropetrovsk|zaporizhzhia|lviv|sumy|chernihiv"
    r"|poltava|mykolaiv|kherson|zhytomyr|vinnytsia|khmelnytskyi|rivne|volyn|ternopil"
    r"|ivano-frankivsk|chernivtsi|zakarpattia|kirovohrad|cherkasy|kropyvnytskyi|kryvyi rih"
    r"|bucha|irpin|pokrovsk|kramatorsk|sloviansk|bakhmut|avdiivka|chuhuiv|izium|uman"
    r"|bila tserkva|pavlohrad|nikopol|kremenchuk|kupiansk|kostiantynivka|lutsk|uzhhorod"
    r"|brovary|vyshhorod|obukhiv|konotop|shostka|okhtyrka|bilhorod-dnistrovskyi|izmail"
    r"|marhanets|synelnykove|myrnohrad|druzhkivka|lyman|siversk|toretsk|vovchansk|zolochiv"
    r"|donetsk|luhansk|donbas|ukraine"
)

# Who stands behind a number: (pattern, canonical reporter, side of the reporter).
REPORTERS: tuple[tuple[str, str, str | None], ...] = (
    (
        r"(?:ukraine's|ukrainian) air ?force|air ?force of (?:the armed forces of )?ukraine"
        r"|air ?force command|(?:the |ukraine's )?air ?force(?! base)|mykola oleshchuk|yuriy ihnat"
        r"|yurii ihnat|ihnat|oleshchuk|air command",
        "Ukraine's air force",
        "ukraine",
    ),
    (
        r"(?:ukraine's |ukrainian )?general staff|commander-in-chief|zaluzhn(?:yi|y)|syrskyi",
        "Ukraine's General Staff",
        "ukraine",
    ),
    (
        r"(?:russia's|russian) (?:ministry of defen[cs]e|defen[cs]e ministry)"
        r"|(?:ministry of defen[cs]e|defen[cs]e ministry) of (?:russia|the russian federation)"
        r"|russian (?:mod|military|ministry)|russia's (?:military|ministry)"
        r"|(?:the )?(?:ministry of defen[cs]e|defen[cs]e ministry|mod)",
        "Russia's defence ministry",
        "russia",
    ),
    (
        r"zelensk(?:yy|y|iy)|ukraine's president|ukrainian president|president's office|yermak",
        "Ukraine's president",
        "ukraine",
    ),
    (
        r"(?:ukraine's|ukrainian) (?:military|army|armed forces|navy|southern defen[cs]e forces)"
        r"|(?:southern|northern|eastern|ukraine's|ukrainian) defen[cs]e forces|ukraine's southern command"
        r"|operational command",
        "Ukraine's military",
        "ukraine",
    ),
    (
        r"(?:regional |region's |oblast )?governor|gov\.|gladkov|gusev|bocharov|malkov|khinshtein"
        r"|bogomaz|syniehubov|kalashnyk|prokudin|saldo|lysak|fedorov|kiper|starukh|kravchenko",
        "regional governor",
        None,
    ),
    (
        r"(?:regional |city |oblast )?military administration|regional administration"
        r"|(?:regional |oblast )?state administration|head of the (?:regional|oblast) administration"
        r"|reznichenko|popko|tkachenko",
        "military administration",
        "ukraine",
    ),
    (
        r"kremlin (?:spokesman|spokesperson|press secretary)|(?:dmitry )?peskov|(?:maria )?zakharova"
        r"|(?:russia's|russian) foreign ministry",
        "the Kremlin",
        "russia",
    ),
    (r"mayor|sobyanin|klitschko|terekhov|filatov|sienkevych|vilkul", "city mayor", None),
    (r"(?:national )?police|police chief|nebytov", "police", None),
    (
        r"(?:state )?emergency service|rescuers|emergencies ministry|ses\b",
        "emergency service",
        None,
    ),
    (r"united nations|\bun\b|un monitoring mission|un human rights|ohchr|hrmmu", "UN", None),
    (r"(?:ukraine's|ukrainian|kyiv's) (?:officials|authorities)", "Ukrainian officials", "ukraine"),
    (r"(?:russia's|russian|moscow's) (?:officials|authorities)", "Russian officials", "russia"),
)

# Verbs of saying that link a reporter to a figure.
SAYING = (
    r"said|says|say|reported|reports|report|announced|announces|claimed|claims|claim|stated"
    r"|states|wrote|writes|posted|posts|added|adds|confirmed|confirms|told|informed|noted"
    r"|according to|cited|citing|per"
)

# --- when -----------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip

# Relative day expressions -> days before the anchor (publication) day.
RELATIVE_DAYS: tuple[tuple[str, int], ...] = (
    (
        r"overnight|last night|(?:during|in) the night|this night|tonight|night-time|at night"
        r"|early (?:this|today's) morning|this morning|today|earlier today|in the morning"
        r"|(?:over|in|during) the (?:past|last) (?:day|24 hours)",
        0,
    ),
    (
        r"the night before|yesterday|the previous day|a day earlier|the day before"
        r"|(?:on )?the evening before|last evening",
        1,
    ),
    (r"two days ago|the day before yesterday", 2),
)

# Phrases that make a figure a running total rather than a daily one.
CUMULATIVE_CUES = (
    r"from \d{1,2}\.\d{1,2}\.(?:20)?\d{2} to \d{1,2}\.\d{1,2}\.(?:20)?\d{2}|"
    r"since the (?:start|beginning|outset) of|since (?:the )?(?:full-scale |large-scale )?invasion"
    r"|since russia (?:invaded|launched|began)|since (?:february|feb\.?) 24|since 24 february"
    r"|since 2014|since 2022|since the war began|since the war started|since the start of the year"
    r"|since the (?:incursion|offensive|operation|counteroffensive|invasion|war|occupation) (?:began|started)"
    r"|since (?:\p{L}+ ){1,4}?(?:began|started|crossed|invaded|launched|entered|seized|attacked)\b"
    r"|since the (?:start|beginning) of the (?:special military operation|incursion|offensive|year|month)"
    r"|so far this (?:year|month|week)|this year so far|in total since|to date|over the course of the war"
    r"|throughout the war|over the past (?:year|two years|three years|months)"
    r"|in the (?:war|conflict|invasion)(?! on)|of the (?:war|full-scale invasion|conflict)"
    r"|during the (?:war|full-scale invasion|conflict)|since (?:january|february|march|april|may"
    r"|june|july|august|september|october|november|december)|since the beginning"
    r"|since (?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\. \d"  # "since Feb. 17"
    r"|(?<!\d )through (?:the end of )?(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december)(?! \d)"  # "Through September, 10 exchanges": to date
    r"|already documented|has documented|have documented|documented (?:at least|almost|more than|over)"
    r"|in all,? since|cumulative|in total,? since|total losses"
    r"|(?:as a result of|of|from|by|during) the (?:full-scale|large-scale) (?:armed )?(?:aggression|invasion|war)"
    # "since Tuesday", "since mid-February", "since 1 December", "since the middle of September"
    r"|since (?:last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"(?! (?:morning|afternoon|evening|night))"  # "since Sunday evening": one night's tally
    r"|since (?:(?:early|mid|late)[- ]|the (?:middle|end|start|beginning) of |last )"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"|since \d{1,2} (?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december)"
    # "since it first used them", "since the first one was spotted", "since crossing into"
    r"|since (?:\p{L}+ ){0,3}first\b|since (?:crossing|entering|the start|they were sent|its troops"
    r"|their deployment)"
    # a total over several days: "over three days", "during two days of the exchange"
    r"|(?:over|in|during|within) (?:the )?(?:past |last |first )?(?:two|three|four|five|six|seven"
    r"|several|\d) days\b|in less than a (?:fortnight|week|month)|in the week (?:to|ending)\b"
)

# --- what is not a figure ------------------------------------------------------

# Words after a number that make it a measurement, not a count.
NON_COUNT_UNITS = (
    r"%|percent|per cent|percentage|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m\b|mm|cm"
    r"|kg|kilograms?|tons?|tonnes?|pounds?|lbs|gw|mw|kw|gigawatts?|megawatts?|kwh|mwh"
    r"|hours?|hrs|minutes?|mins?|seconds?|days?|weeks?|months?|years?|decades?|nights?|times"
    r"|a\.m\.|p\.m\.|am\b|pm\b|o'clock|gmt|utc|bst|cet|eet|et\b|euros?|dollars?|usd|eur"
    r"|hryvnias?|hryvnia|uah|rubles?|roubles?|pounds sterling|billion|bn|degrees|°"
    r"|year-old|-year-old|month-old|storey|story|floors?|calibre|caliber|rounds|shells"
    r"|subscribers|households|homes|houses|buildings|apartments|apartment|flats|regions?"
    r"|oblasts|districts|settlements|villages|towns|cities|locations|sites|areas"
    r"|substations|power plants|plants|facilities|engagements|clashes|assaults|battles"
    r"|attacks|strikes|air strikes|airstrikes|raids|shellings|sorties|times|cases|visits"
    r"|interviews|tanks|vehicles|artillery|systems|launchers|guns|grenade|vessels|ships|boats"
    r"|packages|votes|seats|points|goals|kilometres|sq|square|hectares|acres"
)
