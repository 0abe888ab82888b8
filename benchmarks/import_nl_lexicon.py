"""Add the strong words of the Dutch subjectivity lexicon of Pattern to cxreview's Dutch lexicon.

Usage: python benchmarks/import_nl_lexicon.py PATTERN_CHECKOUT [--check]

cxreview's Dutch sentiment lexicon (`cxreview/signals/lexicons/vader_nl.txt`) was rated by
hand for customer-service language: about 370 words. Real Dutch complaints use many more
("ontevreden", "chaotisch", "belabberd", "onbeschoft" were missing), so their sentiment read
as neutral. Pattern's `pattern/text/nl/nl-sentiment.xml` (Tom De Smedt and Walter
Daelemans, CLiPS, University of Antwerp; released under the PDDL, public domain; public
repository clips/pattern) rates about 3,300 Dutch words, mostly adjectives, by sense, from
-1 to +1. This script takes the words a supervisor would call clearly positive or negative
and writes them into the VADER-format file:

- mean polarity over a word's senses at least 0.4 either way (valence 1.4), and subjectivity at least 0.8
  (a judgement, not a description);
- not among the 1,500 most frequent Dutch words of Pattern's frequency list: those have
  other senses that dominate ("naar" is "nasty" and the preposition "to"; "gemaakt",
  "bekeken", "gelezen" are participles; "enorm" is a booster in cues.yaml);
- not a word of `_EXCLUDED`: illnesses and conditions, which describe a situation rather than
  a feeling about the service; religion, politics and identity; boosters that cues.yaml
  already has ("flink", "mega"; every Dutch booster and negation of cues.yaml is skipped);
  salutations; domain words; words whose other sense is more
  common in chats ("beurs", "hecht", "trojaans", "aangelegd" for installed, "ervaren" for to
  experience, "koel bewaren", "mat zwart"), descriptions that are neutral in a chat ("geschikt",
  "makkelijk", "speciaal") and a few with the wrong sign in the source ("tochtig", "doodkalm"); "boeiend", which in a chat is a
  dismissive "who cares" (a `giving_up` cue), not "fascinating";
- never a word the hand-rated list already has: the hand rating wins.

Valence = polarity x 3.4, the median ratio of the hand ratings to Pattern's polarity over
the 111 words both lists rate (VADER's scale is -4..4). Imported lines carry their source in
VADER's (unused) ratings column, `pattern:<polarity>`, so running the script again replaces
them and leaves the hand-rated lines alone. ``--check`` prints what would change.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

import yaml
from common import ROOT

LEXICON = ROOT / "cxreview" / "signals" / "lexicons" / "vader_nl.txt"
CUES = LEXICON.with_name("cues.yaml")
SCALE = 3.4
MIN_POLARITY = 0.4
MIN_SUBJECTIVITY = 0.8
FREQUENT = 1500
SOURCE = "pattern:"
_EXCLUDED = frozenset(
    """
    anaal astmatisch bedlegerig dement depressief kankerverwekkend schizofreen snipverkouden
    suïcidaal terminaal zwaargewond zwakbegaafd paranoïde psychopathisch zenuwziek
    geacht weledelzeergeleerd boeiend leidinggevend hooggeplaatst erotisch sexy spiernaakt
    macrobiotisch meteorologisch klimatologisch infrastructureel huishoudelijk speltechnisch
    verbaal instrumenteel romeins neurenbergs koloniaal doordeweeks zondags zomers ideëel
    derdegraads roestkleurig verhandelbaar realiseerbaar close crazy lux occult ketters
    hongerig brandend geknipt onsterfelijk provinciaal zondig leed bekeken vloeiend
    antisemitisch onchristelijk demonisch devoot tjeef tjeven tsjeef tsjeven kreupel huwbaar
    leerplichtig breedgeschouderd beurs trojaans windstil milieuvriendelijk multifunctioneel
    kwalitatief globaal volks dorstig gemaskerd gezouten ongezouten hecht explosief
    flink mega wonder vereist
    aangelegd ervaren tochtig mat geschikt speciaal koel rekbaar uitgelezen aanzienlijk schuins
    benieuwd sprakeloos stomverbaasd trouw rustiek doodkalm edel jolig krankjorum branderig
    makkelijk gerust content fit luxe relevant
    """.split()
)
_WORD = re.compile(r'<word form="([^"]+)"[^>]*polarity="([^"]+)" subjectivity="([^"]+)"', re.IGNORECASE)


def pattern_words(checkout: Path) -> dict[str, float]:
    """Pattern's strong, subjective, not-too-frequent Dutch words -> VADER valence."""
    nl = checkout / "pattern" / "text" / "nl"
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for form, polarity, subjectivity in _WORD.findall((nl / "nl-sentiment.xml").read_text("utf-8")):
        senses[form.lower()].append((float(polarity), float(subjectivity)))
    frequent: set[str] = set()
    for line in (nl / "nl-frequency.txt").read_text("utf-8").splitlines():
        if line and not line.startswith(";") and len(frequent) < FREQUENT:
            frequent.add(line.split()[0].lower())
    # A booster or negation with a valence of its own would undo what it boosts ("enorm").
    cues = yaml.safe_load(CUES.read_text("utf-8"))
    modifiers = {*cues["negations"]["nl"], *cues["boosters"]["nl_increase"], *cues["boosters"]["nl_decrease"]}
    words = {}
    for form, rated in senses.items():
        if not form.isalpha() or form in frequent or form in _EXCLUDED or form in modifiers:
            continue
        polarity = statistics.mean(p for p, _ in rated)
        if abs(polarity) >= MIN_POLARITY and statistics.mean(s for _, s in rated) >= MIN_SUBJECTIVITY:
            words[form] = polarity
    return words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pattern_checkout", type=Path, help="a checkout of github.com/clips/pattern")
    parser.add_argument("--check", action="store_true", help="print what would change, write nothing")
    args = parser.parse_args()
    hand = [line for line in LEXICON.read_text("utf-8").splitlines() if SOURCE not in line]
    rated = {line.split("\t", 1)[0] for line in hand}
    imported = {w: p for w, p in pattern_words(args.pattern_checkout).items() if w not in rated}
    lines = hand + [f"{w}\t{round(p * SCALE, 1)}\t0.0\t{SOURCE}{p:.2f}" for w, p in imported.items()]
    lines.sort(key=lambda line: line.split("\t", 1)[0])
    negative = sum(1 for p in imported.values() if p < 0)
    print(f"{len(rated)} hand-rated entries kept, {len(imported)} imported ({negative} negative)")
    if not args.check:
        LEXICON.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {LEXICON.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
