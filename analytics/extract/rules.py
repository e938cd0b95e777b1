"""The named rules, each with the sentences it must read and the ones it must not.

A figure's `rule` column is "<phrase rule>:<measure rule>" (e.g.
"noun_phrase:passive") or a single name for rules that find both at once
("ellipsis_passive", "zero_statement"). The patterns live in `patterns.py` and
the lexicon; the steps that apply them in `engine.py`. This table is the
contract between them: `tests/test_rules.py` runs every example and near miss,
and checks that every rule the engine reports is listed here.

Examples are (sentence, expected figures as (subject, measure, value, side)).
Near misses are sentences that must give no figure at all.
"""

from __future__ import annotations

from dataclasses import dataclass

Expected = tuple[str, str, int, str | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str  # "phrase": finds what is counted; "measure": finds what happened to it
    summary: str
    examples: tuple[tuple[str, tuple[Expected, ...]], ...]
    near_misses: tuple[str, ...] = ()


RULES: tuple[Rule, ...] = (
    # --- phrase rules: a count and what it counts ------------------------------
    Rule(
        "noun_phrase",
        "phrase",
        "A count, up to four modifiers and a subject noun or weapon model: '37 Russian attack drones'.",
        (
            (
                "Air defence shot down 37 Russian attack drones.",
                (("drone", "downed", 37, "russia"),),
            ),
            (
                "Kyiv said 17 cruise missiles of the Kh-101 type were destroyed.",
                (("cruise_missile", "downed", 17, "russia"),),
            ),
            (
                "Two Iskander-M or KN-23 missiles were intercepted.",
                (("ballistic_missile", "downed", 2, "russia"),),
            ),
            (
                "All four missiles, described as Kh-59s, were shot down.",
                (
                    ("guided_missile", "downed", 4, "russia"),
                    ("guided_missile", "launched", 4, "russia"),
                ),
            ),
            (
                "Russia fired three missiles (Kh-59/69) at Odesa.",
                (("guided_missile", "launched", 3, "russia"),),
            ),
            (
                "Russia fired two missiles at Odesa, preliminarily Iskander-M.",
                (("missile", "launched", 2, "russia"),),
            ),
            (
                "In the morning Russia fired 3 missiles, preliminarily Iskander-M, at Sumy.",
                (("ballistic_missile", "launched", 3, "russia"),),
            ),
        ),
        (
            "Russia and Ukraine each reported dozens of drone attacks on Sunday.",
            "The Su-34 and Tu-95MS bombers took off from Engels at 03:40.",
            "Four private houses and three power plants were damaged.",
            # a typical night, or a threshold over several nights: no one night's count
            "On an average night in June Russia sent 181 drones.",
            "On 22 of the month's 30 nights it launched more than 100 drones.",
        ),
    ),
    Rule(
        "x_of_y",
        "phrase",
        "'X of Y' and 'X out of Y': X gets the verb, Y is the total launched.",
        (
            (
                "Ukraine's air force said it shot down 110 of 177 drones launched by Russia.",
                (("drone", "downed", 110, "russia"), ("drone", "launched", 177, "russia")),
            ),
            (
                "Kyiv's defences stopped every one of the 18 missiles fired at the capital.",
                (("missile", "downed", 18, "russia"), ("missile", "launched", 18, "russia")),
            ),
            (
                "The air force said 45 of the 58 drones Russia launched on Wednesday were shot down.",
                (("drone", "downed", 45, "russia"), ("drone", "launched", 58, "russia")),
            ),
            (
                "Jets shot down at least three of the 19 Russian drones that crossed into Polish airspace.",
                (("drone", "downed", 3, "russia"), ("drone", "launched", 19, "russia")),
            ),
        ),
        ("The ministry said 30 out of 100 households still had no power.",),
    ),
    Rule(
        "partitive",
        "phrase",
        "A count of a named group: '13 of the Kh-101 missiles were shot down'.",
        (
            (
                "Thirteen of the Kh-101 missiles were shot down.",
                (("cruise_missile", "downed", 13, "russia"),),
            ),
            (
                "Ukraine got back 189 of its citizens held in Russia.",
                (("person", "captured", 189, "ukraine"),),
            ),
            (
                "The Russian side received 55 of its servicemen.",
                (("soldier", "captured", 55, "russia"),),
            ),
        ),
        ("Hospitals received 20 of the injured.",),
    ),
    Rule(
        "predicate_noun",
        "phrase",
        "A breakdown whose noun is the predicate: 'Of these, 12 were missiles', 'the remaining 146"
        " were drones'; the parts share the measure of the total before them.",
        (
            (
                "In total, 158 air attack means were launched by Russia. Of these, 12 were missiles."
                " The remaining 146 were Shahed-type drones.",
                (
                    ("aerial_target", "launched", 158, "russia"),
                    ("missile", "launched", 12, "russia"),
                    ("drone", "launched", 146, "russia"),
                ),
            ),
            (
                "Five people were killed. Of the dead, 2 were children.",
                (("person", "killed", 5, None), ("child", "killed", 2, None)),
            ),
            (
                "Russia launched 12 missiles overnight. Four of the missiles were Kinzhals.",
                (
                    ("missile", "launched", 12, "russia"),
                    ("ballistic_missile", "launched", 4, "russia"),
                ),
            ),
            (
                "Russia and Ukraine swapped 230 prisoners each. Of the Ukrainians freed, 224 are"
                " soldiers and six are civilians.",
                (
                    ("person", "captured", 230, None),
                    ("soldier", "captured", 224, "ukraine"),
                    ("civilian", "captured", 6, "ukraine"),
                ),
            ),
            (
                "Thirty people were killed. Fifteen of those killed were children.",
                (("person", "killed", 30, None), ("child", "killed", 15, None)),
            ),
        ),
        (
            "Of these, 12 were built in 2023.",
            "Of those freed, 12 were in good health.",
            "Four of the missiles were in storage at the depot.",
            "The remaining 40 were in storage at the depot.",
        ),
    ),
    Rule(
        "none_of",
        "phrase",
        "Zeros in words: 'none of the six Kinzhals', 'not a single missile', 'neither Zircon'.",
        (
            (
                "None of the eight cruise missiles was shot down, Ukraine's air force said.",
                (
                    ("cruise_missile", "downed", 0, "russia"),
                    ("cruise_missile", "launched", 8, "russia"),
                ),
            ),
            (
                "Not a single Russian missile reached its target, the air force said.",
                (("missile", "hit", 0, "russia"),),
            ),
        ),
    ),
    Rule(
        "casualty_noun",
        "phrase",
        "Nouns that carry their measure: '5,996 deaths', 'ten wounded', '2,000 casualties'.",
        (
            (
                "The attack left 7 dead and 26 injured in Odesa.",
                (("person", "killed", 7, "ukraine"), ("person", "injured", 26, "ukraine")),
            ),
            (
                "The mission has documented almost 15,000 civilian casualties in the war against Ukraine.",
                (("civilian", "casualties", 15000, "ukraine"),),
            ),
            (
                "The missile strike on Kharkiv claimed 9 lives, the regional governor said.",
                (("person", "killed", 9, "ukraine"),),
            ),
        ),
        ("Rescuers in Dnipro saved 14 lives overnight.",),
    ),
    Rule(
        "toll_frame",
        "phrase",
        "A toll that rises to a number: 'the death toll rose to 20', 'bringing the toll to three'.",
        (
            (
                "The death toll from the strike on Odesa has risen to 20.",
                (("person", "killed", 20, "ukraine"),),
            ),
            (
                "CSIS estimates Ukraine's military casualties at close to 400,000 and puts Russia's"
                " military deaths at up to 250,000.",
                (
                    ("soldier", "casualties", 400000, "ukraine"),
                    ("soldier", "killed", 250000, "russia"),
                ),
            ),
            (
                "The number of wounded in Dnipro has increased to 27, including six children.",
                (("person", "injured", 27, "ukraine"), ("child", "injured", 6, "ukraine")),
            ),
            (
                "The number of injured in Sumy was revised down to 15 after double counting.",
                (("person", "injured", 15, "ukraine"),),
            ),
            (
                "Officials in Zaporizhzhia put the number of injured at 41.",
                (("person", "injured", 41, "ukraine"),),
            ),
            (
                "The death toll in Kharkiv rose from 14 to 19.",
                (("person", "killed", 19, "ukraine"),),
            ),
            (
                "Total Russian casualties, killed and wounded, are now estimated at more than 700,000;"
                " Russia's losses were believed to exceed 600,000 a year ago.",
                (
                    ("soldier", "casualties", 700000, "russia"),
                    ("soldier", "casualties", 600000, "russia"),
                ),
            ),
            (
                "Seoul put the number of North Korean troops already in Russia at about 11,000.",
                (("soldier", "deployed", 11000, "north_korea"),),
            ),
            (
                "A 2024 study put the number of Russian soldiers killed in the first two years at"
                " 75,000.",
                (("soldier", "killed", 75000, "russia"),),
            ),
            (
                "Kyiv said Russia lost 1,100 troops over the past day, bringing its estimate of total Russian"
                " personnel losses since February 2022 to about 700,000.",
                (
                    ("soldier", "casualties", 1100, "russia"),
                    ("soldier", "casualties", 700000, "russia"),
                ),
            ),
            (
                "Regional officials put the number killed in Thursday's strike on Kharkiv at nine.",
                (("person", "killed", 9, "ukraine"),),
            ),
            (
                "The swap brought the number of Ukrainians freed under the deal to 1,000.",
                (("person", "captured", 1000, "ukraine"),),
            ),
            (
                "The swap brought to 2,430 the total number of Ukrainians freed from captivity.",
                (("person", "captured", 2430, "ukraine"),),
            ),
            (
                "Kyiv said Russian personnel losses since Feb. 24, 2022 have reached 1,225,400.",
                (("soldier", "casualties", 1225400, "russia"),),
            ),
            (
                "Ukrainian losses in the Kursk region have exceeded 36,200 troops, Moscow said.",
                (("soldier", "casualties", 36200, "ukraine"),),
            ),
        ),
        (
            "The death toll is far lower, although the strike is still one of the deadliest"
            " of the war.",
        ),
    ),
    Rule(
        "among_frame",
        "phrase",
        "'Among the dead are 382 children': the frame gives the measure.",
        (
            ("In Kharkiv, among the dead are 12 children.", (("child", "killed", 12, "ukraine"),)),
            (
                "In Kharkiv the number of injured has risen to 18. Among them are two children.",
                (("person", "injured", 18, "ukraine"), ("child", "injured", 2, "ukraine")),
            ),
            (
                "Russia fired 40 missiles at Kyiv. Among the missiles were 10 Kinzhals, all of which"
                " were intercepted.",
                (
                    ("missile", "launched", 40, "russia"),
                    ("ballistic_missile", "launched", 10, "russia"),
                    ("ballistic_missile", "downed", 10, "russia"),
                ),
            ),
        ),
        (
            "Among them are two generals and a former minister.",
            "Among the missiles were two types the air force had not seen before.",
        ),
    ),
    Rule(
        "of_whom",
        "phrase",
        "'ten wounded, two of whom were children': a part of the count before it.",
        (
            (
                "The governor of Dnipropetrovsk reported ten wounded, two of whom were children.",
                (("person", "injured", 10, "ukraine"), ("child", "injured", 2, "ukraine")),
            ),
            (
                "In Kharkiv, 14 people were injured. Three of them are children.",
                (("person", "injured", 14, "ukraine"), ("child", "injured", 3, "ukraine")),
            ),
        ),
        ("Forty people sheltered in the metro station. Three of them are children.",),
    ),
    Rule(
        "brought_to",
        "phrase",
        "The count before its frame: 'bringing to 13 the number of aircraft it has destroyed',"
        " 'brought to 2,430 the total number of Ukrainians freed'.",
        (
            (
                "Kyiv said it downed two more Su-34 jets, bringing to 13 the number of Russian"
                " warplanes it says it has destroyed this month.",
                (("aircraft", "downed", 2, "russia"), ("aircraft", "downed", 13, "russia")),
            ),
        ),
        (
            "The storm brought to 12 the number of regions without power.",
            "New deliveries bring to 40 the number of tanks in the brigade.",
        ),
    ),
    # --- measure rules: what happened to it ------------------------------------
    Rule(
        "active",
        "measure",
        "A verb of a measure before the phrase: 'shot down 37 drones', 'killed six people'.",
        (
            (
                "Russian airstrikes killed six people in Kharkiv.",
                (("person", "killed", 6, "ukraine"),),
            ),
            (
                "The UN has confirmed the deaths of 1,626 civilians in Ukraine since February.",
                (("civilian", "killed", 1626, "ukraine"),),
            ),
            (
                "Russia has concentrated more than 50,000 troops in the Kursk direction.",
                (("soldier", "deployed", 50000, "russia"),),
            ),
            (
                "Russia launched 40 drones overnight, according to figures released by the air force.",
                (("drone", "launched", 40, "russia"),),
            ),
            (
                "Pyongyang has sent about 11,000 troops to Russia, Seoul's spy agency said.",
                (("soldier", "deployed", 11000, "north_korea"),),
            ),
            (
                "Sobyanin said air defences had repelled 19 Ukrainian drones heading for Moscow.",
                (("drone", "downed", 19, "ukraine"),),
            ),
            (
                "Units of the Yug battlegroup eliminated up to 520 Ukrainian troops, the ministry said.",
                (("soldier", "killed", 520, "ukraine"),),
            ),
            (
                "Russian fighters shot down 1 MiG-29 aircraft of the Ukrainian Air Force.",
                (("aircraft", "downed", 1, "ukraine"),),
            ),
            (
                "Losses are heavy among the roughly 15,000 troops Pyongyang has sent.",
                (("soldier", "deployed", 15000, "north_korea"),),
            ),
            (
                "The air force said it had recorded 741 aerial attack means: "
                "728 Shahed- and Gerbera-type drones and 13 missiles.",
                (
                    ("aerial_target", "launched", 741, "russia"),
                    ("drone", "launched", 728, "russia"),
                    ("missile", "launched", 13, "russia"),
                ),
            ),
        ),
        (
            "Air defence shot down debris over Kyiv at 04:15.",
            "Air defence could not intercept five ballistic missiles.",
            "Ukraine failed to shoot down 3 Kinzhal missiles.",
        ),
    ),
    Rule(
        "passive",
        "measure",
        "A verb of a measure after the phrase: '47 drones were lost', '12 missiles reached their targets'.",
        (
            (
                "A further 47 Russian drones were lost in different regions.",
                (("drone", "lost", 47, "russia"),),
            ),
            ("3 Ukrainian drones took part in the attack.", (("drone", "launched", 3, "ukraine"),)),
            (
                "In Zaporizhzhia 7 people, after the enemy attacked the centre at around 12:00,"
                " were injured.",
                (("person", "injured", 7, "ukraine"),),
            ),
            (
                "In Izmail 2 people, employees of the port aged 34 and 52, as a result of the"
                " enemy strike, received injuries.",
                (("person", "injured", 2, "ukraine"),),
            ),
            (
                "Russia's ministry said 20 Russian citizens, residents of the Kursk region, were"
                " returned home.",
                (("civilian", "captured", 20, "russia"),),
            ),
            (
                "289 Russian UAVs of various modifications (mostly FPV) attacked Huliaipole.",
                (("drone", "launched", 289, "russia"),),
            ),
            (
                "In exchange, 22 Russian POWs were handed over to the aggressor.",
                (("soldier", "captured", 22, "russia"),),
            ),
            (
                "Over the week, 41 servicemen of the Armed Forces of Ukraine laid down their arms.",
                (("soldier", "captured", 41, "ukraine"),),
            ),
            (
                "551 children were killed and more than 1,368 were injured.",
                (("child", "killed", 551, None), ("child", "injured", 1368, None)),
            ),
            (
                "About 12,000 North Korean soldiers remain in Kursk region.",
                (("soldier", "deployed", 12000, "north_korea"),),
            ),
            (
                "One man, 41, was killed and two women aged 57 and 61 were injured in Kharkiv.",
                (("person", "killed", 1, "ukraine"), ("person", "injured", 2, "ukraine")),
            ),
            (
                "They took 30 Russian soldiers prisoner near Sudzha.",
                (("soldier", "captured", 30, "russia"),),
            ),
            (
                "The swap ended on Friday, with 207 Ukrainians returning home.",
                (("person", "captured", 207, "ukraine"),),
            ),
            (
                "During the attack, six Russian drones entered the airspace of the Republic of Moldova.",
                (("drone", "left_airspace", 6, "russia"),),
            ),
        ),
        (
            "In Lgov, an FPV drone struck a minibus: the driver, 54, died at the scene.",
            "Some 300 Russian soldiers attacked the village.",
        ),
    ),
    Rule(
        "active_list",
        "measure",
        "One verb shared by a coordinated list: 'shot down two cruise missiles, two ballistic missiles and 37 drones'.",
        (
            (
                "Last night alone there were 465 Russian drones and 32 missiles.",
                (("drone", "launched", 465, "russia"), ("missile", "launched", 32, "russia")),
            ),
            (
                "Ukraine's air force said it has shot down two cruise missiles, two ballistic missiles and 37 Russian drones.",
                (
                    ("cruise_missile", "downed", 2, "russia"),
                    ("ballistic_missile", "downed", 2, "russia"),
                    ("drone", "downed", 37, "russia"),
                ),
            ),
            (
                "Air defence means shot down a Su-25 aircraft, 4 JDAM guided aerial bombs, "
                "9 HIMARS MLRS shells and 87 fixed-wing UAVs, the Russian defence ministry said.",
                (
                    ("guided_bomb", "downed", 4, "ukraine"),
                    ("missile", "downed", 9, "ukraine"),
                    ("drone", "downed", 87, "ukraine"),
                ),
            ),
            (
                "Over the past day the enemy lost 1,230 servicemen killed and wounded, 9 tanks, "
                "34 artillery systems and 97 operational-tactical UAVs, the General Staff said.",
                (("soldier", "casualties", 1230, "russia"), ("drone", "downed", 97, "russia")),
            ),
        ),
        ("Officials said 12 regions lost power, 3 schools closed and 40 flights were cancelled.",),
    ),
    Rule(
        "passive_list",
        "measure",
        "A list before one verb: '37 cruise missiles, 29 Shahed drones and one UAV were shot down'.",
        (
            (
                "Ukraine's air force said 37 cruise missiles and 29 Shahed drones were shot down.",
                (("cruise_missile", "downed", 37, "russia"), ("drone", "downed", 29, "russia")),
            ),
            (
                # a bare participle ending the clause, as in bulletins and briefs
                "Air force: 120 missiles and 90 drones launched. Shot down: 104 missiles, 42 drones.",
                (
                    ("missile", "launched", 120, "russia"),
                    ("drone", "launched", 90, "russia"),
                    ("missile", "downed", 104, "russia"),
                    ("drone", "downed", 42, "russia"),
                ),
            ),
        ),
    ),
    Rule(
        "casualty_modifier",
        "measure",
        "A measure carried by a modifier when no verb is near: '18 injured people are in hospitals'.",
        (
            (
                "As of 5 p.m., 18 injured people are in Dnipro hospitals.",
                (("person", "injured", 18, "ukraine"),),
            ),
        ),
    ),
    Rule(
        "colon_list",
        "measure",
        "Items after a colon take the verb before it: 'Shot down: 48 missiles and 64 UAVs'.",
        (
            (
                "Confirmed shot down: 48 missiles and 64 attack UAVs.",
                (("missile", "downed", 48, None), ("drone", "downed", 64, None)),
            ),
            (
                "Hits: 5 missiles and 16 drones at 7 locations.",
                (("missile", "hit", 5, None), ("drone", "hit", 16, None)),
            ),
        ),
        ("Hits: 5 buildings and 16 cars in the Kyiv region.",),
    ),
    Rule(
        "night_label",
        "measure",
        "An air force post's verb-less opening line, 'Overnight: 64 drones, 3 missiles.' or"
        " 'Night of 24 April: 215 air attack assets — ...': what was launched.",
        (
            (
                "Night of 24 April: 215 air attack assets — 66 missiles and 149 drones.",
                (
                    ("aerial_target", "launched", 215, None),
                    ("missile", "launched", 66, None),
                    ("drone", "launched", 149, None),
                ),
            ),
            (
                # a round-up's day label, and a thread's numbered "night to" label
                "- Tuesday (20 Jan): 339 drones and 34 missiles.\n"
                "2/7 Night to 1 June: 472 drones + 7 missiles.",
                (
                    ("drone", "launched", 339, None),
                    ("missile", "launched", 34, None),
                    ("drone", "launched", 472, None),
                    ("missile", "launched", 7, None),
                ),
            ),
            (
                # a source's label, or the total someone put the attack at
                "Air force figures just out: 450 drones and 71 missiles. Zelensky put the total"
                " at 127 missiles and 109 drones.",
                (
                    ("drone", "launched", 450, "russia"),
                    ("missile", "launched", 71, "russia"),
                    ("missile", "launched", 127, "russia"),
                    ("drone", "launched", 109, "russia"),
                ),
            ),
            (
                # a factbox's dated line, a dash after the date
                "SEPT 7, 2025 – 810 drones and 13 missiles, the largest number in a single night.",
                (("drone", "launched", 810, None), ("missile", "launched", 13, None)),
            ),
            (
                "Overnight: 64 drones, 3 missiles.\nDowned: 51 and 2.",
                (
                    ("drone", "launched", 64, None),
                    ("missile", "launched", 3, None),
                    ("drone", "downed", 51, None),
                    ("missile", "downed", 2, None),
                ),
            ),
        ),
        (
            "Overnight: 64 houses and 3 schools damaged.",
            "Last night: a quiet night in Kyiv.",
            "May 12:30 local time: sirens in 14 regions.",
            "7 May: 524 Ukrainian drones, by the ministry's count.",
        ),
    ),
    Rule(
        "attack_label",
        "measure",
        "A verb-less label for what the enemy sent, 'Enemy attack – 550 air attack assets:'"
        " (the bullets under it break that total down), or a headline's weapons before a colon"
        " and an attack: 'Nearly 300 drones and 69 missiles: Russia's largest air attack'.",
        (
            (
                "Enemy attack – 550 air attack assets:\n🔸 539 Shahed-type strike UAVs\n🔸 11 missiles",
                (
                    ("aerial_target", "launched", 550, "russia"),
                    ("drone", "launched", 539, "russia"),
                    ("missile", "launched", 11, "russia"),
                ),
            ),
            (
                "Nearly 300 drones and 69 missiles: Russia's largest air attack of the war",
                (("drone", "launched", 300, None), ("missile", "launched", 69, None)),
            ),
        ),
        (
            "Enemy attack – 550 metres from the front line.",
            "Russian strike – 3 houses damaged.",
            "12 drones: what we know about the new factory",
        ),
    ),
    Rule(
        "bullet_item",
        "measure",
        "Bulleted lines take the verb of the line that introduces them; a lead with no verb right"
        " after a count of what was launched breaks that count down.",
        (
            (
                "The enemy attacked with 45 missiles. The attack came in several waves:\n"
                "▪️ 38 Kh-101 cruise missiles from Tu-95MS bombers;\n▪️ 5 Kh-22 cruise missiles.",
                (
                    ("missile", "launched", 45, "russia"),
                    ("cruise_missile", "launched", 38, "russia"),
                    ("cruise_missile", "launched", 5, "russia"),
                ),
            ),
            (
                # unbulleted lines, each a count and its noun, then a dash and a place
                "The on-duty air defence means intercepted and destroyed 84 UAVs:\n"
                "34 UAVs – over the territory of Moscow region,\n"
                "14 UAVs – over the territory of Bryansk region.",
                (
                    ("drone", "downed", 84, "ukraine"),
                    ("drone", "downed", 34, "ukraine"),
                    ("drone", "downed", 14, "ukraine"),
                ),
            ),
            (
                "In total, 158 means of air attack were launched by the enemy, namely:\n"
                "- 36 Shahed attack UAVs;\n- 122 missiles of various types, of which:\n"
                "-- 90 Kh-101 cruise missiles;\n-- 32 Iskander-M ballistic missiles.",
                (
                    ("aerial_target", "launched", 158, "russia"),  # the side its parts have
                    ("drone", "launched", 36, "russia"),
                    ("missile", "launched", 122, "russia"),
                    ("cruise_missile", "launched", 90, "russia"),
                    ("ballistic_missile", "launched", 32, "russia"),
                ),
            ),
        ),
        ("The attack came in several waves:\n▪️ 38 buildings were damaged;\n▪️ 5 schools.",),
    ),
    Rule(
        "breakdown_including",
        "measure",
        "A part named after 'including' takes the measure of its total.",
        (
            (
                "Russia's defence ministry said 49 Ukrainian drones had been downed, including 25 drones over the Rostov region.",
                (("drone", "downed", 49, "ukraine"), ("drone", "downed", 25, "ukraine")),
            ),
            (
                "The enemy attacked with 53 missiles. In particular: 2 Kinzhal aeroballistic missiles; "
                "40 Kh-101 cruise missiles.",
                (
                    ("missile", "launched", 53, "russia"),
                    ("ballistic_missile", "launched", 2, "russia"),
                    ("cruise_missile", "launched", 40, "russia"),
                ),
            ),
            (
                "Ukraine secured the release of 22 of its citizens. The 22 included 20 servicemen and"
                " two civilians.",
                (
                    ("person", "captured", 22, "ukraine"),
                    ("soldier", "captured", 20, "ukraine"),
                    ("civilian", "captured", 2, "ukraine"),
                ),
            ),
            (
                "Seventy-five Ukrainians came home on Friday. Officials said the group was made up of"
                " 71 servicemen and four civilians.",
                (
                    ("person", "captured", 75, "ukraine"),
                    ("soldier", "captured", 71, "ukraine"),
                    ("civilian", "captured", 4, "ukraine"),
                ),
            ),
            (
                "Russia fired 18 missiles at Kyiv before dawn. The salvo mixed six Kinzhal missiles,"
                " nine Kalibr cruise missiles and three Iskander-Ms.",
                (
                    ("missile", "launched", 18, "russia"),
                    ("ballistic_missile", "launched", 6, "russia"),
                    ("cruise_missile", "launched", 9, "russia"),
                    ("ballistic_missile", "launched", 3, "russia"),
                ),
            ),
            (
                "Russia fired 40 missiles and 90 drones; 60 of the drones were lost on radar. The"
                " missiles included 20 Kh-101 cruise missiles.",
                (
                    ("missile", "launched", 40, "russia"),
                    ("drone", "launched", 90, "russia"),
                    ("drone", "lost", 60, "russia"),
                    ("cruise_missile", "launched", 20, "russia"),
                ),
            ),
            (
                "Air defence neutralised 300 drones, of them 90 were lost locationally, as well as"
                " 9 missiles.",
                (
                    ("drone", "downed", 300, None),
                    ("drone", "lost", 90, None),
                    ("missile", "downed", 9, None),
                ),
            ),
            (
                "Russia launched 158 missiles and drones overnight. The breakdown: 122 missiles and"
                " 36 Shahed-type drones.",
                (
                    ("aerial_target", "launched", 158, "russia"),
                    ("missile", "launched", 122, "russia"),
                    ("drone", "launched", 36, "russia"),
                ),
            ),
        ),
        (
            "Russia shelled 40 settlements. In particular: 12 villages in the Kharkiv region.",
            "The budget was cut by 40 million. The breakdown: 12 million for roads.",
        ),
    ),
    Rule(
        "partitive_total",
        "measure",
        "'Of the 40 missiles, 18 were shot down': the named group is the total launched.",
        (
            (
                "Of the 40 missiles, 18 were shot down, the air force said.",
                (("missile", "launched", 40, "russia"), ("missile", "downed", 18, "russia")),
            ),
        ),
    ),
    Rule("total", "measure", "The Y of 'X of Y', launched.", ()),
    Rule(
        "all_of_which",
        "measure",
        "'Ukraine fired 8 missiles, all of which were shot down': the count takes both measures.",
        (
            (
                "Russia's defence ministry said Ukraine fired eight ATACMS missiles, all of which were shot down.",
                (
                    ("ballistic_missile", "launched", 8, "ukraine"),
                    ("ballistic_missile", "downed", 8, "ukraine"),
                ),
            ),
        ),
    ),
    # --- rules that find count and measure together ----------------------------
    Rule(
        "ellipsis_passive",
        "measure",
        "A bare count with its own verb borrows its noun: 'while two left Ukraine's airspace'.",
        (
            (
                "Air defence destroyed 37 Russian drones, while two left Ukraine's airspace.",
                (("drone", "downed", 37, "russia"), ("drone", "left_airspace", 2, "russia")),
            ),
            (
                "Russia launched 20 drones; 12 were shot down and one left Ukrainian airspace.",
                (
                    ("drone", "launched", 20, "russia"),
                    ("drone", "downed", 12, "russia"),
                    ("drone", "left_airspace", 1, "russia"),
                ),
            ),
            (
                "Russia launched 89 attack drones; 71 were shot down, 12 went off radar and 3 flew"
                " into Romanian airspace.",
                (
                    ("drone", "launched", 89, "russia"),
                    ("drone", "downed", 71, "russia"),
                    ("drone", "lost", 12, "russia"),
                    ("drone", "left_airspace", 3, "russia"),
                ),
            ),
            (
                "Russia fired two Iskander-M ballistic missiles at Zhytomyr. Neither could be"
                " intercepted, and both struck the city centre.",
                (
                    ("ballistic_missile", "launched", 2, "russia"),
                    ("ballistic_missile", "downed", 0, "russia"),
                    ("ballistic_missile", "hit", 2, "russia"),
                ),
            ),
        ),
        (
            "He said two were still under investigation.",
            "Both were wounded.",
            "Both struck the same apartment block in the night.",
        ),
    ),
    Rule(
        "ellipsis_active",
        "measure",
        "A bare count after a verb: 'killed one person and wounded at least two'.",
        (
            (
                "A drone attack on the Kyiv region killed one person and wounded at least two.",
                (("person", "killed", 1, "ukraine"), ("person", "injured", 2, "ukraine")),
            ),
            (
                "Five of the 12 Ukrainian drones were shot down over Moscow. Electronic warfare"
                " systems suppressed three more.",
                (
                    ("drone", "downed", 5, "ukraine"),
                    ("drone", "launched", 12, "ukraine"),
                    ("drone", "lost", 3, "ukraine"),
                ),
            ),
        ),
    ),
    Rule(
        "breakdown_location",
        "measure",
        "Regional parts of a total: '24 drones over Krasnodar, 23 over Crimea, six over the Black Sea'.",
        (
            (
                "The ministry said 24 Ukrainian drones were downed over the Krasnodar region, 23 over Crimea and six over the Black Sea.",
                (
                    ("drone", "downed", 24, "ukraine"),
                    ("drone", "downed", 23, "ukraine"),
                    ("drone", "downed", 6, "ukraine"),
                ),
            ),
            (
                "Air defences intercepted 40 Ukrainian drones overnight, including eight that were"
                " flying towards Moscow.",
                (("drone", "downed", 40, "ukraine"), ("drone", "downed", 8, "ukraine")),
            ),
            (
                "On-duty air defence systems destroyed 21 Ukrainian UAVs:\n12 – over the Moscow"
                " region, including 5 flying towards Moscow;\n6 – over the Kaluga region.",
                (
                    ("drone", "downed", 21, "ukraine"),
                    ("drone", "downed", 12, "ukraine"),
                    ("drone", "downed", 5, "ukraine"),
                    ("drone", "downed", 6, "ukraine"),
                ),
            ),
            (
                "Air defence systems destroyed 12 Ukrainian UAVs: 3 each – over the territories of"
                " the Ryazan and Voronezh regions, 6 – over the Kursk region.",
                (
                    ("drone", "downed", 12, "ukraine"),
                    ("drone", "downed", 3, "ukraine"),
                    ("drone", "downed", 6, "ukraine"),
                ),
            ),
            (
                "Air defences destroyed 41 Ukrainian drones, 21 of them heading for Moscow.",
                (("drone", "downed", 41, "ukraine"), ("drone", "downed", 21, "ukraine")),
            ),
            (
                "Moscow said 240 Ukrainian drones were destroyed, among them 64 over the Bryansk"
                " region.",
                (("drone", "downed", 240, "ukraine"), ("drone", "downed", 64, "ukraine")),
            ),
            (
                "Moscow said 240 Ukrainian drones were destroyed. Of these, 64 were downed over the"
                " Bryansk region and 95 over the Kursk region.",
                (
                    ("drone", "downed", 240, "ukraine"),
                    ("drone", "downed", 64, "ukraine"),
                    ("drone", "downed", 95, "ukraine"),
                ),
            ),
        ),
        (
            # a count of places, and a larger count after a part that names no place
            "The drones fell over 10 regions, among them 3 over Kursk.",
        ),
    ),
    Rule(
        "share_of_toll",
        "measure",
        "A share of a toll named by the toll's set: 'Kyiv accounted for 33 of the dead',"
        " 'Children accounted for eight of the dead and 36 of the injured'.",
        (
            (
                "At least 41 people were killed. Kyiv accounted for 33 of the dead, five of them"
                " children.",
                (
                    ("person", "killed", 41, "ukraine"),
                    ("person", "killed", 33, "ukraine"),
                    ("child", "killed", 5, "ukraine"),
                ),
            ),
            (
                "Children accounted for eight of the dead and 36 of the injured.",
                (("child", "killed", 8, None), ("child", "injured", 36, None)),
            ),
        ),
        (
            "One of the wounded, a 63-year-old woman, died in hospital.",
            "Two of the dead were identified on 12 May.",
        ),
    ),
    Rule(
        "breakdown_period",
        "measure",
        "The day's part of a running total: 'about 99,230 personnel, including 720 over the past"
        " day' is a daily figure of the total's kind.",
        (
            (
                "Russia's losses amount to about 99,230 personnel, including 720 over the past day.",
                (
                    ("soldier", "casualties", 99230, "russia"),
                    ("soldier", "casualties", 720, "russia"),
                ),
            ),
            (
                "Ukraine's General Staff said Russian personnel losses since the invasion on Feb. 24,"
                " 2022 have reached 1,225,400, with 1,040 added over the previous 24 hours.",
                (
                    ("soldier", "casualties", 1225400, "russia"),
                    ("soldier", "casualties", 1040, "russia"),
                ),
            ),
        ),
        (
            "The strike destroyed 40 houses, including 12 over the past day.",
            "The city has 40 shelters, with 12 added over the past day.",
        ),
    ),
    Rule(
        "hits_at_locations",
        "phrase",
        "The spec's 'hits were recorded at 12 locations': hits, counted for the entry's weapon.",
        (
            (
                "The enemy attacked with 62 Shahed drones; 40 were shot down. Hits were recorded at 12 locations.",
                (
                    ("drone", "launched", 62, "russia"),
                    ("drone", "downed", 40, "russia"),
                    ("drone", "hit", 12, "russia"),
                ),
            ),
            (
                "Russia launched 60 drones and 10 missiles. Drone hits were recorded at 27 locations.",
                (
                    ("drone", "launched", 60, "russia"),
                    ("missile", "launched", 10, "russia"),
                    ("drone", "hit", 27, "russia"),
                ),
            ),
        ),
    ),
    Rule(
        "losses_table",
        "phrase",
        "The General Staff's running losses list: 'personnel — about 1,001,970 (+1,230), aircraft — 416'."
        " The totals are cumulative; the day's additions in brackets are the day's own figures.",
        (
            (
                "The total combat losses of the enemy are: personnel — about 1,001,970 (+1,230) persons, "
                "tanks — 10,942 (+3), aircraft — 416 (+0), helicopters — 336 (+0).",
                (
                    ("soldier", "casualties", 1001970, "russia"),
                    ("soldier", "casualties", 1230, "russia"),
                    ("aircraft", "downed", 416, "russia"),
                    ("aircraft", "downed", 336, "russia"),
                ),
            ),
            (
                "Approximate combat losses of the enemy, 24.02.2022 to 24.02.2025:\n"
                "▪️ personnel: about 868,010 (+1,150)\n▪️ tanks: 10,175 (+6)\n"
                "▪️ operational-tactical UAVs: 24,813 (+99)",
                (
                    ("soldier", "casualties", 868010, "russia"),
                    ("soldier", "casualties", 1150, "russia"),
                    ("drone", "downed", 24813, "russia"),
                    ("drone", "downed", 99, "russia"),
                ),
            ),
        ),
        ("Our losses: 3 (+0) vehicles and an antenna mast.",),
    ),
    Rule(
        "dash_breakdown",
        "measure",
        "Air-command breakdowns: \"in the areas of responsibility of Air Command 'South' – 12\".",
        (),
    ),
    Rule(
        "zero_statement",
        "measure",
        "Zeros stated in words: 'No one was killed or injured', 'there were no casualties'.",
        (
            (
                "No one was killed or injured in Kyiv, the police chief said.",
                (("person", "killed", 0, "ukraine"), ("person", "injured", 0, "ukraine")),
            ),
        ),
        ("There were no immediate reports of casualties.",),
    ),
)

RULES += (
    Rule(
        "table_row",
        "phrase",
        "A row of a text table under a header naming the measures (or the weapons) of its columns.",
        (
            (
                "Weapon | launched | shot down\nKh-101 cruise missiles | 40 | 33\nKinzhal | 2 | 0",
                (
                    ("cruise_missile", "launched", 40, "russia"),
                    ("cruise_missile", "downed", 33, "russia"),
                    ("ballistic_missile", "launched", 2, "russia"),
                    ("ballistic_missile", "downed", 0, "russia"),
                ),
            ),
            (
                "| | Shahed drones | Kh-101 |\n|---|---|---|\n| launched | 80 | 12 |\n| destroyed | 71 | 10 |",
                (
                    ("drone", "launched", 80, "russia"),
                    ("cruise_missile", "launched", 12, "russia"),
                    ("drone", "downed", 71, "russia"),
                    ("cruise_missile", "downed", 10, "russia"),
                ),
            ),
            (
                "Region | killed | injured\nKharkiv | 3 | 12\nTotal | 4 | 16",
                (
                    ("person", "killed", 3, "ukraine"),
                    ("person", "injured", 12, "ukraine"),
                    ("person", "killed", 4, "ukraine"),
                    ("person", "injured", 16, "ukraine"),
                ),
            ),
            (
                "Ukraine's air force: Russian attacks by night.\nNight ending | Drones launched | Shot down"
                "\n3 Nov | 83 | 52 drones\n8 Nov | 458 | 406 drones, 9 missiles",
                (
                    ("drone", "launched", 83, "russia"),
                    ("drone", "downed", 52, "russia"),
                    ("drone", "launched", 458, "russia"),
                    ("drone", "downed", 406, "russia"),
                    ("missile", "downed", 9, "russia"),
                ),
            ),
            (
                "Ukraine's air force: Russian drone attacks.\n| | June | May | change |\n|---|---|---|---|"
                "\n| drones launched | 5,438 | 4,198 | +30% |\n| share stopped | 90% | 90% | 0 pts |",
                (("drone", "launched", 5438, "russia"), ("drone", "launched", 4198, "russia")),
            ),
        ),
        (
            "Kyiv | Reuters | 12 November 2024",
            "Date | temperature | rainfall\n3 Nov | 12 | 4",
            "Night ending | Drones launched\n3 Nov | 52 drones and heavy rain",
            "Region | population | area\nKharkiv | 1,400,000 | 31,400",
            "Year | range, km | warhead, kg\nKh-101 | 2500 | 400",
        ),
    ),
    Rule(
        "listed_parts",
        "measure",
        "Parts after a dash, colon or bracket share the total's verb: '37 cruise missiles - 21 Kh-101 and 16 Kalibr'.",
        (
            (
                "The enemy attacked with 37 cruise missiles - 21 Kh-101 and 16 Kalibr.",
                (
                    ("cruise_missile", "launched", 37, "russia"),
                    ("cruise_missile", "launched", 21, "russia"),
                    ("cruise_missile", "launched", 16, "russia"),
                ),
            ),
            (
                "Russia fired 14 missiles at Odesa on the night of 3 to 4 March — four Iskander-M"
                " missiles and ten Kalibrs — and all of them were shot down, the navy said.",
                (
                    ("missile", "launched", 14, "russia"),
                    ("ballistic_missile", "launched", 4, "russia"),
                    ("cruise_missile", "launched", 10, "russia"),
                    ("missile", "downed", 14, "russia"),
                ),
            ),
        ),
        (
            "Power was cut in 37 districts - 21 in Kyiv and 16 in Odesa.",
            "The shelter held 40 people on the night of 3 to 4 March — 12 children and 28 adults.",
        ),
    ),
    Rule(
        "label_count",
        "phrase",
        "A line led by a measure and a colon: a weapon measure takes its subject from the brackets"
        " after the count; a bulletin's 'Killed: 1' / 'Wounded: 4' counts people.",
        (
            (
                "Launched: 741 (728 drones + 13 missiles)",
                (
                    ("aerial_target", "launched", 741, None),
                    ("drone", "launched", 728, None),
                    ("missile", "launched", 13, None),
                ),
            ),
            ("Killed: 1 (Bilopillia).", (("person", "killed", 1, None),)),
            (
                "Casualties as of 11:00 — killed: 2; injured: 49.",
                (("person", "killed", 2, None), ("person", "injured", 49, None)),
            ),
            (
                "Tonight air defence repelled another attack by the Kyiv regime's aircraft-type UAVs"
                " on the Bryansk region. Destroyed: 43.",
                (("drone", "downed", 43, "ukraine"),),
            ),
        ),
        (
            "Launched: 2019 (the year the programme began)",
            "The region was shelled with artillery and mortars. Destroyed: 14.",
            "Killed: 2 cows and a horse on the farm.",
            "The enemy also fired a missile; shot down: 0.",
        ),
    ),
    Rule(
        "all_launched",
        "measure",
        "'destroyed all 10 ballistic missiles fired at Kyiv', 'destroyed all 18 Shahed drones':"
        " the total launched is the count too.",
        (
            (
                "Ukraine said it intercepted all 18 missiles Russia fired at Kyiv overnight.",
                (("missile", "downed", 18, "russia"), ("missile", "launched", 18, "russia")),
            ),
            (
                "Air defence destroyed all 18 Shahed drones over the Kharkiv region.",
                (("drone", "downed", 18, "russia"), ("drone", "launched", 18, "russia")),
            ),
        ),
        ("Officials said all 12 buildings on the street were destroyed.",),
    ),
    Rule(
        "struck_with",
        "measure",
        "'struck the city centre with 2 Iskander-M missiles': missiles and bombs named as what"
        " struck a place were fired and hit it. Drones keep 'launched' alone: most are downed on"
        " the way, and the sentence does not say these were not.",
        (
            (
                "Russian forces struck Kharkiv with three guided aerial bombs on Friday.",
                (
                    ("guided_bomb", "launched", 3, "russia"),
                    ("guided_bomb", "hit", 3, "russia"),
                ),
            ),
        ),
        (
            "Russia struck Odesa with missiles for the third night in a row.",
            "The enemy struck the village with artillery in the evening.",
        ),
    ),
    Rule(
        "place_breakdown",
        "measure",
        "Parts of a total with the place first: 'over the territory of the Bryansk region – 31'"
        " under a lead that gave the total, or a label verb: 'Shot down over Odesa – 11'.",
        (
            (
                "Air defence systems intercepted and destroyed 53 Ukrainian UAVs:\nover the territory"
                " of the Bryansk region – 31,\nover the territory of the Kursk region – 22.",
                (
                    ("drone", "downed", 53, "ukraine"),
                    ("drone", "downed", 31, "ukraine"),
                    ("drone", "downed", 22, "ukraine"),
                ),
            ),
            (
                # a region list in parentheses after the total
                "Air defences destroyed 41 Ukrainian drones over four regions (Kursk region - 20,"
                " Bryansk region - 11, Belgorod region - 6, Oryol region - 4), the ministry said.",
                (
                    ("drone", "downed", 41, "ukraine"),
                    ("drone", "downed", 20, "ukraine"),
                    ("drone", "downed", 11, "ukraine"),
                    ("drone", "downed", 6, "ukraine"),
                    ("drone", "downed", 4, "ukraine"),
                ),
            ),
            (
                "Air defence destroyed 17 of the 19 drones launched at the region. Shot down over"
                " the city of Odesa – 11, over Izmail district – 6.",
                (
                    ("drone", "downed", 17, "russia"),
                    ("drone", "launched", 19, "russia"),
                    ("drone", "downed", 11, "russia"),
                    ("drone", "downed", 6, "russia"),
                ),
            ),
            (
                "On 3 March the Russians killed 4 residents of the region:\nKostiantynivka – 3,"
                "\nPokrovsk – 1.",
                (
                    ("civilian", "killed", 4, "ukraine"),
                    ("civilian", "killed", 3, "ukraine"),
                    ("civilian", "killed", 1, "ukraine"),
                ),
            ),
            (
                "During the night air defence destroyed 6 UAVs over the Voronezh region.\n📍Liski district — 5"
                "\n📍Rossosh district — 1",
                (
                    ("drone", "downed", 6, "ukraine"),
                    ("drone", "downed", 5, "ukraine"),
                    ("drone", "downed", 1, "ukraine"),
                ),
            ),
        ),
        (
            "Bryansk region – 31 settlements were left without power.",
            "Results of the year:\nJune – 5,438,\nJuly – 6,297.",
        ),
    ),
    Rule(
        "dash_item",
        "measure",
        "Later items of a list, each a label and a dash after the first item's count and verb:"
        " 'inflicted losses of up to 560 troops, the Yug group — up to 200'.",
        (
            (
                "In the Belgorod region, 12 drones were destroyed, in the Kursk region — eight, in"
                " the Oryol and Tula regions — four each.",
                (
                    ("drone", "downed", 12, "ukraine"),
                    ("drone", "downed", 8, "ukraine"),
                    ("drone", "downed", 4, "ukraine"),
                ),
            ),
        ),
        ("Russia produced 300 tanks, the Uralvagonzavod plant — 200, and Omsk — 100.",),
    ),
    Rule(
        "fired_set",
        "measure",
        "The set a later count is taken from, named with its participle: 'Of the 32 ballistic"
        " missiles fired during the month, only 11 were intercepted' launched the 32.",
        (
            (
                "Of the 40 drones and 12 missiles launched overnight, 35 drones were shot down.",
                (
                    ("drone", "launched", 40, None),
                    ("missile", "launched", 12, None),
                    ("drone", "downed", 35, None),
                ),
            ),
        ),
        ("Of the 40 drones delivered to the brigade, most were bought by volunteers.",),
    ),
    Rule(
        "losses_list",
        "measure",
        "Aircraft, drones and cruise missiles listed among a losses tally's tanks and artillery"
        " were destroyed, as a running total unless the tally is the day's: 'The tally also lists"
        " 11,540 tanks, 23,870 armored fighting vehicles, 434 airplanes, 98,260 drones'.",
        (
            (
                "Russian losses since the invasion have reached 1,225,400 personnel. The tally also"
                " lists 11,540 tanks, 23,870 armored fighting vehicles, 434 airplanes, 347"
                " helicopters and 98,260 drones.",
                (
                    ("soldier", "casualties", 1225400, "russia"),
                    ("aircraft", "downed", 434, "russia"),
                    ("aircraft", "downed", 347, "russia"),
                    ("drone", "downed", 98260, "russia"),
                ),
            ),
        ),
        ("The factory builds 40 tanks, 12 armored vehicles and 30 drones a month.",),
    ),
    Rule(
        "apposed_share",
        "measure",
        "A count set off by commas after 'most of the drones' or 'most of them' is that share,"
        " measured by the verb after it: 'Most of the drones, 52, were shot down over the Bryansk"
        " region'.",
        (
            (
                "Russian air defences destroyed 105 Ukrainian drones overnight, the ministry said."
                " Most of the drones, 52, were shot down over the Bryansk region.",
                (("drone", "downed", 105, "ukraine"), ("drone", "downed", 52, "ukraine")),
            ),
        ),
        ("Most of the residents, 52, were evacuated on Monday.",),
    ),
    Rule(
        "respectively",
        "measure",
        "Bare counts 'N and M respectively' take, in order, the things named just before them and"
        " the verb around them: 'a tally of 440 drones and 32 missiles, of which 428 and 30"
        " respectively were shot down'.",
        (
            (
                "The air force's tally for the night: 440 drones and 32 missiles, of which 428 and"
                " 30 respectively were shot down or suppressed.",
                (
                    ("drone", "launched", 440, "russia"),
                    ("missile", "launched", 32, "russia"),
                    ("drone", "downed", 428, "russia"),
                    ("missile", "downed", 30, "russia"),
                ),
            ),
        ),
        (
            "The two plants had 40 and 32 workers respectively.",
            "Kharkiv and Sumy were hit 12 and 8 times respectively.",
        ),
    ),
    Rule(
        "received",
        "measure",
        "A side that 'received' its prisoners back in a swap: 'while Russia received 55 prisoners'.",
        (
            (
                "In the swap Russia received 55 prisoners and a politician.",
                (("person", "captured", 55, "russia"),),
            ),
        ),
        ("Kyiv received 20 drones from its allies.", "The hospital received 30 people."),
    ),
    Rule(
        "swap_with",
        "measure",
        "People counted after an exchange's 'with' or a 'swap:' label were freed in it: 'The"
        " exchange continued on Saturday with 307 servicemen from each side'.",
        (
            (
                "The exchange continued on Saturday with 307 servicemen from each side.",
                (("soldier", "captured", 307, None),),
            ),
            ("POW swap: 300 servicemen for 300.", (("soldier", "captured", 300, None),)),
        ),
        ("The exchange of fire lasted 20 minutes.", "A swap of 12 tanks for 3 jets was mooted."),
    ),
    Rule(
        "held_force",
        "measure",
        "Troops a country has somewhere are deployed there: 'North Korea has about 11,000"
        " troops in Kursk Oblast', 'a force of 50,000 troops near Kursk'.",
        (
            (
                "North Korea has about 11,000 troops in Kursk Oblast, officials say.",
                (("soldier", "deployed", 11000, "north_korea"),),
            ),
        ),
        (
            "The brigade has 3,000 troops waiting for rotation.",
            "Ukraine has 5,000 troops who need rest.",
        ),
    ),
    Rule(
        "bodies_recovered",
        "measure",
        "'The bodies of 23 people were recovered from the rubble': people found dead are killed."
        " Bodies handed over in a repatriation are not a day's toll and give nothing.",
        (
            (
                "The bodies of 23 people, including 4 children, were recovered from the rubble.",
                (("person", "killed", 23, None), ("child", "killed", 4, None)),
            ),
            ("Investigators exhumed 447 bodies in the forest.", (("person", "killed", 447, None),)),
            (
                "In total, 447 bodies were exhumed near Izium.",
                (("person", "killed", 447, "ukraine"),),
            ),
        ),
        (
            "The bodies of 909 fallen defenders were returned to Ukraine.",
            "The bodies of 48 soldiers were handed over at the border.",
            "Rescuers found 12 people alive under the rubble.",
        ),
    ),
    Rule(
        "including_one",
        "phrase",
        "One child named inside a casualty count: 'killed four people, including a child',"
        " 'three were killed, one of them a two-month-old baby'.",
        (
            (
                "The strike killed four people and injured 12, including a child, the governor said.",
                (
                    ("person", "killed", 4, None),
                    ("person", "injured", 12, None),
                    ("child", "injured", 1, None),
                ),
            ),
            (
                "Three people were killed, one of them a two-month-old baby.",
                (("person", "killed", 3, None), ("child", "killed", 1, None)),
            ),
        ),
        (
            "Twelve volunteers, including a teenager, helped clear the rubble.",
            "Twelve volunteers came, one of them a teenager.",
        ),
    ),
)

RULES += (
    Rule(
        "keyed_count",
        "phrase",
        "A count keyed by a label naming what it counts, the measure from a verb beside it or a lead line.",
        (
            (
                "Overnight the enemy launched:\nGeran-2 — over 600\nKalibr and Kh-101 — 31",
                (
                    ("drone", "launched", 600, "russia"),
                    ("cruise_missile", "launched", 31, "russia"),
                ),
            ),
            (
                "Results of the night: drones — 120 launched, 98 shot down; Kh-101 — 6 launched, 4 shot down.",
                (
                    ("drone", "launched", 120, "russia"),  # the entry's other weapons are Russian
                    ("drone", "downed", 98, "russia"),
                    ("cruise_missile", "launched", 6, "russia"),
                    ("cruise_missile", "downed", 4, "russia"),
                ),
            ),
            (
                "Shot down overnight:\n- Shahed drones: 412\n- Neptune-MD long-range guided missiles: 2",
                (("drone", "downed", 412, "russia"), ("cruise_missile", "downed", 2, "ukraine")),
            ),
        ),
        (
            "Drones: the factory in Yelabuga makes 6,000 a year.",
            "Kh-101 — the missile first used in 2016 — has a range of 2,500 km.",
        ),
    ),
)

RULES += (
    Rule(
        "running_total",
        "phrase",
        "A bare count after 'taking that total to' is the running total of the figure before it.",
        (
            (
                "Ukrainian forces destroyed 48 Russian drones over the day, taking that total to"
                " 21,300, the General Staff said.",
                (("drone", "downed", 48, "russia"), ("drone", "downed", 21300, "russia")),
            ),
            (
                "Russia fired 9 Kalibr cruise missiles overnight, bringing the number of missiles"
                " fired this month to 240.",
                (
                    ("cruise_missile", "launched", 9, "russia"),
                    ("missile", "launched", 240, "russia"),
                ),
            ),
        ),
        ("Rescuers cleared 12 buildings, bringing the total to 40.",),
    ),
    Rule(
        "sum_total",
        "phrase",
        "A bare count with 'in all' that is the sum of the counts before it: their total.",
        (
            (
                "Russia fired 310 drones and 25 missiles at Ukraine overnight, 335 in all, the air"
                " force said.",
                (
                    ("drone", "launched", 310, "russia"),
                    ("missile", "launched", 25, "russia"),
                    ("aerial_target", "launched", 335, "russia"),
                ),
            ),
        ),
        ("The district has 12 shelters and 30 schools, 42 in all, a spokesman said.",),
    ),
    Rule(
        "earlier_value",
        "phrase",
        "A bare count after 'up from' is the same figure's earlier value: 'rose to 25, up from 22'.",
        (
            (
                "In Kharkiv the death toll has risen to 25, up from 22, officials said.",
                (("person", "killed", 25, "ukraine"), ("person", "killed", 22, "ukraine")),
            ),
            (
                "Russia launched 6,297 drones at Ukraine in July, up from 5,438 in June.",
                (("drone", "launched", 6297, "russia"), ("drone", "launched", 5438, "russia")),
            ),
        ),
        ("Ukraine's exports rose to 4 million tonnes, up from 3 million, the ministry said.",),
    ),
    Rule(
        "their_number",
        "phrase",
        "'Their number: 27' counts the weapons the sentence before named, with that sentence's verb.",
        (
            (
                "Overnight the enemy sent attack drones against the Sumy region. Their number: 14."
                "\nDestroyed by mobile fire groups: 11.\nLocationally lost: 3.",
                (
                    ("drone", "launched", 14, "russia"),
                    ("drone", "downed", 11, "russia"),
                    ("drone", "lost", 3, "russia"),
                ),
            ),
            (
                "Overnight, air defence systems destroyed the Ukrainian drones. In total — 58. Of"
                " these, 21 over the Kursk region and 16 over the Bryansk region.",
                (
                    ("drone", "downed", 58, "ukraine"),
                    ("drone", "downed", 21, "ukraine"),
                    ("drone", "downed", 16, "ukraine"),
                ),
            ),
        ),
        (
            "The air force fired 40 interceptors at drones overnight. Their number: 12 per battery.",
            "Russia sent reinforcements to the Kursk region. Their number is not known.",
            "Air defence destroyed the drones. In total, 12 buildings were damaged.",
        ),
    ),
    Rule(
        "attack_apposition",
        "measure",
        "What an attack was made of, set off after it: 'the attack — 728 drones and 13 missiles — hit'.",
        (
            (
                "Russia's largest attack of the war — 728 drones and 13 missiles — hit western"
                " Ukraine overnight, the air force said.",
                (("drone", "launched", 728, "russia"), ("missile", "launched", 13, "russia")),
            ),
        ),
        ("The attack on Kyiv — the 12th this month — damaged 40 buildings and 3 schools.",),
    ),
    Rule(
        "of_the_casualties",
        "measure",
        "A share of the dead or the wounded named by what they were: 'Two of the dead were children'.",
        (
            (
                "Eleven people were killed and 40 injured in Dnipro. Three of the dead were children.",
                (
                    ("person", "killed", 11, "ukraine"),
                    ("person", "injured", 40, "ukraine"),
                    ("child", "killed", 3, "ukraine"),
                ),
            ),
            (
                "Four of the dead were children, and 60 people were wounded, the mayor of Sumy said.",
                (("child", "killed", 4, "ukraine"), ("person", "injured", 60, "ukraine")),
            ),
        ),
        ("Two of the dead were identified on Tuesday.",),
    ),
    Rule(
        "count_first_line",
        "phrase",
        "A list line with the count first and its subject after a dash ('315 – UAVs'), the measure"
        " from the lead line above it; or its verb after the dash ('36 – shot down by fire'), the"
        " subject from the lead line; or both after it ('127 — missiles fired on 26 August').",
        (
            (
                "The year in numbers:\n127 — missiles Russia fired on 26 August\n33 — people killed in"
                " Kyiv on 8 July",
                (("missile", "launched", 127, "russia"), ("person", "killed", 33, "ukraine")),
            ),
            (
                "As of 08:30, air defence shot down/suppressed 48 enemy UAVs:\n🔹 36 – shot down by"
                " fire;\n🔹 12 – locationally lost (without negative consequences).",
                (
                    ("drone", "downed", 48, "russia"),
                    ("drone", "downed", 36, "russia"),
                    ("drone", "lost", 12, "russia"),
                ),
            ),
            (
                "Launched by the enemy – 210 air attack assets:\n190 – Shahed and Gerbera strike UAVs"
                "\n20 – Kh-101 cruise missiles\n\nShot down/suppressed:\n171 – UAVs\n16 – Kh-101",
                (
                    ("aerial_target", "launched", 210, "russia"),
                    ("drone", "launched", 190, "russia"),
                    ("cruise_missile", "launched", 20, "russia"),
                    ("drone", "downed", 171, "russia"),
                    ("cruise_missile", "downed", 16, "russia"),
                ),
            ),
            (
                "Overnight the enemy attacked with 58 air attack assets:\n• 52 – Shahed-type UAVs"
                " (from Kursk and Primorsko-Akhtarsk);\n• 6 – Iskander-M ballistic missiles.",
                (
                    ("aerial_target", "launched", 58, "russia"),
                    ("drone", "launched", 52, "russia"),
                    ("ballistic_missile", "launched", 6, "russia"),
                ),
            ),
        ),
        (
            "Power cuts by region:\n40 – thousand households in Kharkiv",
            "Ukraine's year in numbers:\n2 – tank factories rebuilt",
        ),
    ),
    Rule(
        "hit_noun",
        "phrase",
        "Hits counted with the weapon as a modifier: '3 UAV strikes', 'in total 5 drone hits on the city'.",
        (
            (
                "Over the day the enemy carried out 3 UAV strikes on the Sumy community.",
                (("drone", "hit", 3, "russia"),),
            ),
        ),
        ("Ukraine carried out 3 strikes on Russian airfields.",),
    ),
)

RULES += (
    Rule(
        "all_of_the_last",
        "phrase",
        "'All of them were destroyed.' in its own sentence: the launched count before it, downed.",
        (
            (
                "The enemy launched 10 Shahed drones at Odesa overnight. All of them were shot down.",
                (("drone", "launched", 10, "russia"), ("drone", "downed", 10, "russia")),
            ),
        ),
        ("All of them were evacuated in time.",),
    ),
)

RULES += (
    Rule(
        "negated",
        "measure",
        "'Both/all N ... were not intercepted': a zero downed; a negated verb otherwise gives nothing.",
        (
            (
                "Russia fired two Iskander-M ballistic missiles. Both ballistic missiles were not intercepted.",
                (
                    ("ballistic_missile", "launched", 2, "russia"),
                    ("ballistic_missile", "downed", 0, "russia"),
                ),
            ),
        ),
        ("Five missiles were not intercepted, officials said.",),
    ),
)

RULE_NAMES = frozenset(rule.name for rule in RULES)


def rule_parts(rule: str) -> list[str]:
    """The registered names a figure's `rule` is made of: 'x_of_y:total' -> ['x_of_y', 'total']."""
    return rule.split(":")
