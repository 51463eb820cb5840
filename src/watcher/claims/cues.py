"""The cues of a claim beyond its figures: who it is attributed to, how hedged it is, whether it
is negated (by a "not", or by a word put in the place of its opposite: :func:`flips`) — in
English, German, French and Spanish.

A change of cue is a change of claim ("officials said" dropped, "likely" → "may", "not" added)
even when every figure stays, so each cue is found by a deterministic lexicon and patterns: the
same text always gives the same cues. Each finder first asks a set look-up of the sentence's
words (:func:`words_of`) whether its pattern can match at all — most sentences have no cue word,
and the patterns are the costly part. Text is compared :func:`fold`-ed (case, quotes, dashes and
spacing folded).
"""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "′": "'",
                         "–": "-", "—": "-", "\u00a0": " "})
_SPACES = re.compile(r"\s+")

HEDGES = {
    # phrase → class; a change of class set is a change of how sure the text is
    "seems to": "seems", "seem to": "seems", "seemed to": "seems", "appears to": "appears",
    "appear to": "appears", "appeared to": "appears", "apparently": "appears", "reportedly": "reportedly",
    "allegedly": "allegedly", "purportedly": "allegedly",
    # the adjective, before what it qualifies: "a reported £80m", "the alleged attacker"
    "a reported": "reportedly", "an alleged": "allegedly", "the alleged": "allegedly",
    "a purported": "allegedly", "the purported": "allegedly", "a rumoured": "reportedly", "a rumored": "reportedly",
    "the rumoured": "reportedly", "the rumored": "reportedly", "a suspected": "allegedly", "the suspected": "allegedly", "is said to": "said-to", "are said to": "said-to",
    "was said to": "said-to", "is believed to": "believed", "are believed to": "believed",
    # the dead not yet found: "12 died" → "12 are feared dead"
    "feared dead": "feared", "feared killed": "feared", "feared drowned": "feared", "feared to have": "feared",
    "presumed dead": "feared", "believed dead": "feared", "believed killed": "feared",
    # a source's belief, not its statement: "police believe the fire was set" → "police say"
    "believe": "believed", "believes": "believed", "believed": "believed",
    "was believed to": "believed", "is thought to": "believed", "are thought to": "believed",
    "is expected to": "expected", "are expected to": "expected", "was expected to": "expected",
    "were expected to": "expected", "is estimated to": "estimated", "was estimated to": "estimated",
    "were estimated to": "estimated", "were said to": "said-to", "were believed to": "believed",
    "was thought to": "believed", "were thought to": "believed", "was set to": "expected", "were set to": "expected",
    "likely": "likely", "unlikely": "unlikely", "probably": "probably", "possibly": "possibly",
    "perhaps": "perhaps", "presumably": "presumably", "potentially": "possibly", "may": "may",
    "might": "might", "could": "could", "would": "would", "will": "will", "should": "should",
    "must": "must", "can": "can", "cannot": "cannot", "suggests": "suggests", "suggest": "suggests",
    "uncertain": "uncertain", "unclear": "uncertain", "certainly": "certainly", "clearly": "certainly",
    "definitely": "certainly", "undoubtedly": "certainly", "confirmed": "confirmed", "unconfirmed": "unconfirmed",
    "estimated": "estimated", "estimate": "estimated", "estimates": "estimated", "almost certainly": "certainly",
    # a decision still to be taken: "is considering cutting" → "has decided to cut" is another claim
    "considering": "considering", "weighing": "considering", "mulling": "considering", "in talks": "considering",
    # an intention, not yet a fact: "plans to cut 500 jobs" → "has cut 500 jobs", "the proposed tax" →
    # "the approved tax" (not the noun: "the plan to build" → "the scheme to build" is wording)
    "plans to": "planned", "planned to": "planned", "planning to": "planned", "intends to": "planned",
    "intend to": "planned", "intending to": "planned", "aims to": "planned", "aiming to": "planned",
    "seeks to": "planned", "seeking to": "planned", "hopes to": "planned", "hoping to": "planned",
    "wants to": "planned", "proposes to": "planned", "proposing to": "planned", "the proposed": "planned",
    "a proposed": "planned", "the planned": "planned", "a planned": "planned", "scheduled to": "planned",
    "is set to": "expected", "are set to": "expected", "prévoit de": "planned", "prévoient de": "planned",
    "envisage de": "planned", "planea": "planned", "planean": "planned", "prevé": "planned", "prevén": "planned",
    # German, French, Spanish: mapped onto the English classes, so a translation keeps its class
    "vermutlich": "presumably", "wahrscheinlich": "probably", "möglicherweise": "possibly", "vielleicht": "perhaps",
    "soll": "said-to", "sollen": "said-to", "angeblich": "allegedly", "mutmaßlich": "allegedly",
    "offenbar": "appears", "scheint": "seems", "scheinen": "seems", "dürfte": "probably", "dürften": "probably",
    "könnte": "could", "könnten": "could", "unklar": "uncertain", "bestätigt": "confirmed",
    "unbestätigt": "unconfirmed", "geschätzt": "estimated", "geschätzte": "estimated", "sicherlich": "certainly",
    "probablement": "probably", "vraisemblablement": "probably", "pourrait": "could", "pourraient": "could",
    "devrait": "expected", "devraient": "expected", "debería": "expected", "deberían": "expected",
    "semble": "seems", "semblent": "seems", "apparemment": "appears", "peut-être": "perhaps",
    "possiblement": "possibly", "présumé": "allegedly", "présumée": "allegedly", "prétendument": "allegedly",
    "confirmé": "confirmed", "estimé": "estimated", "estimés": "estimated", "incertain": "uncertain",
    "probablemente": "probably", "podría": "could", "podrían": "could", "parece": "seems", "parecen": "seems",
    "al parecer": "appears", "aparentemente": "appears", "posiblemente": "possibly", "quizá": "perhaps",
    "quizás": "perhaps", "tal vez": "perhaps", "presuntamente": "allegedly", "supuestamente": "allegedly",
    "confirmado": "confirmed", "estimados": "estimated", "incierto": "uncertain",
    # the French and Spanish news conditional: "le suspect aurait dérobé" = "the suspect reportedly
    # stole", "habría robado" the same; "a dérobé", "robó" state it as a fact
    # (not in what a source is reported to have said, "a déclaré que la réforme serait adoptée": there
    # it is the future moved back a tense, as English "would" is; see hedges())
    "aurait": "said-to", "auraient": "said-to", "serait": "said-to", "seraient": "said-to",
    "habría": "said-to", "habrían": "said-to", "sería": "said-to", "serían": "said-to", "estaría": "said-to",
    "estarían": "said-to",
    # what is expected, said the German and Spanish way: "werden voraussichtlich 18 Monate dauern",
    # "se espera que el banco suba los tipos", "es probable que"
    "voraussichtlich": "expected", "se espera que": "expected", "se prevé que": "expected",
    "es probable que": "likely", "il est probable que": "likely",
    # a source said to claim what it says: "the group said it carried out the attack" → "the group
    # claimed it …" distances the text from it (not "claimed responsibility", "claimed the lives of";
    # not "claims that", as often the noun: "rejected claims that")
    "claimed that": "claimed", "alleged that": "claimed", "alleges that": "claimed", "allege that": "claimed",
    "claimed it": "claimed", "claimed to": "claimed", "behauptete": "claimed", "behauptet": "claimed",
    "behaupten": "claimed", "behaupteten": "claimed", "prétend": "claimed", "prétendent": "claimed",
    "alegó": "claimed", "alegan": "claimed",
}
HEDGES = {k.casefold(): v for k, v in HEDGES.items()}  # matched against fold(text): "mutmaßlich" → "mutmasslich"

# classes that take the same stance: a copy edit from one to the other ("seems to" → "appears to",
# "likely" → "probably", "may" → "could") changes the wording, not how sure the text is
SAME_STANCE = {"appears": "seems", "probably": "likely", "perhaps": "possibly", "might": "may", "could": "may",
               "expected": "likely"}
# the future a hedge already speaks of: "will likely" = "is likely to", "will probably" = "probably"
_FUTURE_HEDGES = frozenset({"likely", "possibly", "may"})


def stance(classes: frozenset[str], reported: bool = False) -> frozenset[str]:
    """The hedge classes with those of one stance made one (see :data:`SAME_STANCE`). In reported
    speech (``reported``: the sentence names who said it) "would" is the "will" of the words
    reported, moved back a tense: "the company said it would cut 500 jobs" = "… it will cut"."""
    out = frozenset(SAME_STANCE.get(c, c) for c in classes)
    out = out - {"would"} | {"will"} if reported and "would" in out else out
    return out - {"will"} if "will" in out and out & _FUTURE_HEDGES else out


STRONG_HEDGES = {"seems", "appears", "reportedly", "allegedly", "said-to", "believed", "expected", "likely", "considering",
                 "unlikely", "probably", "possibly", "perhaps", "presumably", "may", "might", "could",
                 "suggests", "uncertain", "certainly", "confirmed", "unconfirmed", "estimated"}
NEGATIONS = {"not", "n't", "no", "never", "neither", "nor", "none", "nobody", "nothing", "without", "cannot",
             "yet to",  # "has yet to resign" = "has not resigned"
             "unlikely", "denied", "denies", "deny", "refused", "refuse", "refuses", "rejected", "reject", "rejects",
             "failed", "turned down", "turns down", "turn down", "threw out", "throw out", "throws out", "thrown out",
             # German; French "ne"/"n'" (one per "ne … pas", whose "pas" is not counted again); Spanish
             # "no" is the English word. Double negatives ("ne … jamais", "no … nunca") are left out:
             # counted twice they would flip the parity.
             "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "ohne", "weder",
             "ne", "n'", "sans", "nunca", "sin"}
SAY_VERBS = (r"said|says|say|stated|states|estimated|estimates|estimate|reported|reports|claimed|claims|"
             r"told|noted|notes|suggested|suggests|predicted|predicts|tallied|calculated|found|finds|"
             r"announced|announces|confirmed|confirms|warned|warns|believes|believed|argued|argues|wrote|writes|"
             r"denied|denies|deny|insisted|insists|acknowledged|acknowledges|admitted|admits|posted|posts|"
             # a denial worded another way: "the ministry rejected claims that …" = "the ministry denied that …"
             r"(?:rejected|rejects|dismissed|dismisses|disputed|disputes)\s+(?:the\s+)?(?:claims?|reports?|"
             r"allegations?|suggestions?|accusations?)|"
             r"expects|according")
# the verbs a source is the subject (or, inverted, the object) of: not "according", whose source
# follows "to" (:data:`_ACCORDING`) — "in Paris, according to police" does not make Paris a source
_SPEAKS = SAY_VERBS.removesuffix("|according")
_HEDGE_RE = re.compile(r"\b(" + "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True)) + r")\b")
_NEG_RE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(n) for n in NEGATIONS if n not in ("n't", "n'")),
                                                 key=len, reverse=True)) + r")\b|n't\b|\bn'(?=[^\W\d_])(?!t\b)")
_ACCORDING = re.compile(
    r"\baccording to\s+(?:(?:the\s+)?(?:latest\s+|new\s+|official\s+|preliminary\s+)?"
    r"(?:estimates?|figures|data|reports?|analysis|calculations|statistics|research|a\s+report|an\s+analysis|"
    r"a\s+study|a\s+survey)\s+(?:by|from|of)\s+)?((?:the\s+)?[^,.;:()\"]{2,80})",
    re.IGNORECASE,
)
# what may stand between a source and its verb ("has also said"); never "is"/"was"/"were": a
# subject before "were estimated" is what was estimated, not who estimated it
_AUX = r"(?:has|have|had|also|previously|later|recently|publicly|first|reportedly)"
# the sources named by a plural or a group, without a name ("officials said", "said officials")
_GENERIC = (r"(?:officials?|experts?|analysts?|authorities|police|scholars|researchers|observers|critics|sources|"
            r"diplomats|residents|witnesses|doctors|prosecutors|investigators|officers|lawmakers|rescuers|scientists|"
            r"activists|organi[sz]ers|forecasters|meteorologists|economists|regulators|firefighters|paramedics|medics)")
_GENERIC_WORD = re.compile(_GENERIC)
_SAYER = re.compile(
    rf"((?:[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s+(?:of|for|the|and|de|al)\s+|\s+)?){{1,8}}|\b(?:{_GENERIC}|he|she|they|it|we))"
    # where they are: "Officials in the province said", "doctors at the hospital said"
    rf"(?:\s+(?:in|at|from)\s+(?:the\s+)?[\w'’.-]+(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w'’.-]*)?)?"
    rf"\s*,?\s+(?:{_AUX}\s+)*(?:{_SPEAKS})\b",
)
_INSTITUTION = (r"(?:office|department|ministry|agency|service|commission|council|board|"
                r"authority|bureau|police|marshal|spokes(?:man|woman|person)|officials?|government|administration|court|"
                r"institute|center|centre|company|firm|bank|fund|survey|study|report|statement|committee|association|union|"
                r"coalition|group|team|authorities|researchers|analysts|experts|utility|operator|airline|carrier|"
                r"hospital|university|regulator|watchdog|charity|organi[sz]ation|embassy|military|army|broadcaster|"
                # people named by their office ("the mayor said", "a witness said")
                r"mayor|governor|president|minister|secretary|senator|prosecutor|judge|sheriff|commissioner|"
                r"chairman|chairwoman|chair|chief|executive|director|ceo|witness|doctor|official)")
# "the ministry of health", "a spokesperson for the hospital"
_OF_WHAT = rf"(?:\s+(?:of|for)\s+(?:the\s+)?[\w'’.-]+(?:\s+(?!{_AUX}\b)[\w'’.-]+)?)?"
_THE_SAYER = re.compile(  # lower-case institutions: "the county sheriff's office said", "the ministry of health said",
    # "a police statement said", "Turkey's disaster agency said" (a name's possessive in place of "the")
    rf"(?:\b(?:the|an?)\s+|(?=\b(?-i:[A-ZÀ-ÖØ-Þ])[\w.-]*['’]s\s))((?:[\w'’.-]+\s+){{0,4}}?{_INSTITUTION}{_OF_WHAT})"
    rf"\s*,?\s+"
    rf"(?:{_AUX}\s+)*(?:{_SPEAKS})\b",
    re.IGNORECASE,
)
# the passive: "losses were estimated at $5 million by the company" names its source after "by"
_PASSIVE_BY = re.compile(
    rf"\b(?:is|are|was|were|been)\s+(?:{SAY_VERBS})\b[^.;:]{{0,80}}?\bby\s+the\s+((?:[\w'’.-]+\s+){{0,3}}?{_INSTITUTION})\b",
    re.IGNORECASE,
)
_SAID_BY = re.compile(rf"\b(?:{SAY_VERBS})\s+(?:by\s+)?((?:the\s+)?(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*\s*){{1,8}})")
# the inverted order after a quote or a clause: '"…," said Smith', ', says Dr. Jane Doe of the WHO',
# '"…," added the police spokesman'. Only right after a comma or a closing quote: elsewhere a
# capitalised word after the verb is what was said or when ("said Tuesday", "told Reuters"), and
# "added" is a say verb only here ("the company added 500 jobs")
_INVERTED_VERBS = r"added|adds|explained|continued"
# words that open what follows a verb, not a source: "said in a statement", "told reporters on …"
_NOT_A_NAME = r"(?:in|on|at|to|for|by|with|from|after|before|during|into|as|that|this|its|his|her|their|our)"
_INVERTED = re.compile(
    rf"(?:[,\"”]|[,.!?]['’])\s*(?:{_SPEAKS}|{_INVERTED_VERBS})\s+"
    rf"((?:[A-ZÀ-ÖØ-Þ][\w.'’-]*\s*){{1,6}}|(?:(?:the|an?)\s+)?(?:(?!{_NOT_A_NAME}\b)[\w'’.-]+\s+){{0,4}}"
    rf"{_INSTITUTION}{_OF_WHAT}\b|{_GENERIC}\b)")
WEEKDAYS = tuple("monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag "
                 "freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes "
                 "miércoles jueves viernes sábado domingo".split())
_WHEN_WORDS = frozenset([*WEEKDAYS, *"today yesterday tonight january february march april may june july august "
                                     "september october november december heute gestern".split()])
# any case: a sentence opens with "According to officials," as often as it holds "officials said"
# figures a named body published, speaking for it: "Johns Hopkins University data show", "data from
# the ONS showed", "Eurostat figures indicate" — the same source as "according to data from …"
_DATA = r"(?:data|figures|statistics|numbers|estimates|records|tallies|tally|results|findings)"
_DATA_SHOW = re.compile(
    rf"(?:\b((?:(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*\s+(?:of\s+|for\s+|and\s+)?){{1,6}}){_DATA}"
    rf"|\b{_DATA}\s+(?:from|by|of)\s+((?:the\s+)?(?:(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*\s*(?:of\s+|for\s+|and\s+)?){{1,6}}))"
    rf"\s*(?:show|shows|showed|shown|suggest|suggests|suggested|indicate|indicates|indicated)\b", re.IGNORECASE)
_DATA_ADJECTIVES = frozenset("official new latest preliminary provisional recent current final early initial revised "
                             "available other some more historical annual monthly weekly national federal public "
                             "internal independent global government these those such our their its his her the "
                             "this that".split())
_SAY_VERB_ONLY = re.compile(rf"\b(?:{SAY_VERBS}|{_INVERTED_VERBS}|show|shows|showed|indicate|indicates|indicated)\b",
                            re.IGNORECASE)
# where a source's name ends; "who" only in lower case ("the WHO said" names the organisation)
_ATTRIB_STOP = re.compile(r"\s+(?:that|to|on|in|at|as|earlier|last|this|on|(?-i:who)|which|when|with)\b.*$",
                          re.IGNORECASE)

# German, French, Spanish attribution: "laut X", "X zufolge", "nach Angaben der X", "selon X",
# "d'après X", "según X", "de acuerdo con X", and "X sagte" / "sagte X" (German and Romance
# word order puts the speaker after the verb as often as before it)
_ART = (r"(?i:der|die|das|den|dem|des|ein|eine|einer|la|le|les|el|los|las|un|une|uno|una|il|lo|gli|os|as|het)\s+"
        r"|(?i:l)['’]")
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_FOREIGN_ACCORDING = re.compile(
    r"\b(?:(?P<de>laut|gemäß|nach\s+(?:Angaben|Informationen|Schätzungen)\s+(?:von|des|der|vom))|selon|d['’]après|"
    r"según|de\s+acuerdo\s+con|volgens|(?:secondo|segundo)(?=\s+(?:(?:il|la|lo|i|gli|le|o|a|os|as)\s|l['’]|(?-i:[A-Z]))))"
    r"\s+((?:" + _ART + r")?[^,.;:()\"\d]{2,60})", re.IGNORECASE)
# a source glued onto "Angaben": "nach Polizeiangaben", "laut Unternehmensangaben", "Behördenangaben zufolge"
_ANGABEN = re.compile(r"\b(?:nach|laut|gemäß)\s+(?:(?:den|offiziellen|ersten|vorläufigen)\s+)?([A-ZÄÖÜ][a-zäöüß]{3,}?)angaben\b")
_ZUFOLGE = re.compile(rf"((?:(?:{_ART})?{_CAP}\s+(?:(?:der|des|von|für)\s+)?){{1,4}})zufolge\b")
# not "bestätigte(n)": as often the adjective of "die bestätigten Fälle" as the verb
_GERMAN_VERBS = (r"sagte|sagten|sagt|sagen|erklärte|erklärten|erklärt|teilte|teilten|mitteilte|mitteilten|"
                 r"berichtete|berichtet|meldete|meldeten|schätzt|schätzte|warnte|betonte")
_ROMANCE_VERBS = (r"a\s+déclaré|ont\s+déclaré|a\s+dit|ont\s+dit|a\s+affirmé|affirme|déclare|"
                  r"a\s+indiqué|indique|a\s+estimé|a\s+annoncé|a\s+précisé|précise|dijo|dijeron|afirmó|declaró|"
                  r"aseguró|señaló|indicó|informó|explicó|estimó|anunció")
_FOREIGN_VERB = re.compile(rf"\b(?:(?P<de>{_GERMAN_VERBS})|{_ROMANCE_VERBS})\b")
ALL_SAY_VERBS = rf"{SAY_VERBS}|{_GERMAN_VERBS}|{_ROMANCE_VERBS}"  # every language's, for callers that place a statement
# French and Spanish name the speaker after the verb in an incise only (", a indiqué la
# préfecture", ", dijo el ministro"); elsewhere what follows is what was said or announced ("le
# gouvernement a annoncé une aide de 2 milliards")
_INCISE = re.compile(r"[,\"»”]\s*$")
_PRONOUN = r"(?:er|sie|il|elle|ils|elles|él|ella|ellos|ellas)\b"
_AFTER_VERB = re.compile(rf"\s+((?:{_ART})[\w'’.-]+(?:\s+(?:de|du|des|del|der|von)\s+(?:la\s+|l['’])?[\w'’.-]+)?"
                         rf"|{_CAP}(?:\s+{_CAP})*|{_PRONOUN})")
_BEFORE_VERB = re.compile(rf"((?:{_ART})[\w'’.-]+(?:\s+(?:de|du|des|del|der|von)\s+(?:la\s+|l['’])?[\w'’.-]+)?"
                          rf"|(?:{_CAP}\s+)*{_CAP}|\b{_PRONOUN})\s*,?\s+$")
# German capitalises nouns: the source is the run of capitalised words ("Polizei", "dem Bericht
# des Gesundheitsministeriums") and ends at the verb, which German puts right after it
_GERMAN_SOURCE = re.compile(rf"(?:{_ART})?{_CAP}(?:\s+(?:(?:der|des|von|vom|für)\s+(?:{_ART})?)?{_CAP})*")
_FOREIGN_STOP = frozenset("wurden wurde sind ist waren war hat haben gab gibt soll sollen seien sei habe dass "
                          "wie am im um bei seit mit für que qui ont est sont hay han ha fue fueron son es en à "
                          "au dans hier ayer zijn werd werden heeft hebben".split())
_ARTICLE_START = re.compile(r"^(?:the|a|an|der|die|das|den|dem|des|ein|eine|einer|le|la|les|el|los|las|un|une|"
                            r"uno|una|il|lo|gli|o|os|as|de|het|een)\s+|^l['’]", re.IGNORECASE)


# the words that can start a German, French or Spanish attribution: a set look-up of the
# sentence's words decides whether the patterns above need to run at all
FOREIGN_CUE_WORDS = frozenset(w.casefold() for w in (
    "sagte sagten sagt sagen erklärte erklärten erklärt teilte teilten mitteilte mitteilten berichtete berichtet "
    "meldete meldeten schätzt schätzte warnte betonte laut zufolge angaben informationen schätzungen gemäß selon après déclaré dit affirmé affirme "
    "déclare indiqué indique estimé annoncé précisé précise según dijo dijeron afirmó declaró aseguró señaló "
    "indicó informó explicó estimó anunció acuerdo volgens secondo segundo").split())
_UNNAMED_CUE = re.compile(r"\b(?:said|says|(?i:according to))\b|(?i:\b(?:sagte|sagt|laut|zufolge|selon|d['’]après|"
                          r"a\s+déclaré|según|dijo)\b)")
_WORDS = re.compile(r"[^\W\d_]+")


def words_of(text: str) -> frozenset[str]:
    """The case-folded words of ``text``: computed once per sentence, shared by the cue finders."""
    return frozenset(_WORDS.findall(fold(text)))


_TRAILING_WHEN = re.compile(r"\s+(?:(?:am|on|le|el|ce|this|last|diesen|letzten|vergangenen)\s+)?(?:"
                            + "|".join(_WHEN_WORDS) + r")\s*$", re.IGNORECASE)


def _foreign_sources(text: str) -> set[str]:
    """Sources named the German, French or Spanish way (see the patterns above)."""
    found: set[str] = set()
    for m in _FOREIGN_ACCORDING.finditer(text):
        if m.group("de"):  # laut, gemäß, nach Angaben: German, where the source ends at its last noun
            de = _GERMAN_SOURCE.match(m.group(2))
            if de:
                found.add(_clean_source(de.group(0)))
            continue
        words: list[str] = []
        for w in m.group(2).split():
            if w.lower() in _FOREIGN_STOP or len(words) == 5:
                break
            words.append(w)
        found.add(_clean_source(" ".join(words)))
    for m in _ZUFOLGE.finditer(text):
        found.add(_clean_source(m.group(1)))
    for m in _ANGABEN.finditer(text):  # "nach Polizeiangaben" = "nach Angaben der Polizei"
        found.add(_clean_source(m.group(1).removesuffix("s") if m.group(1).endswith(("ens", "ungs", "ums", "ts"))
                                else m.group(1)))
    for v in _FOREIGN_VERB.finditer(text):
        after = _AFTER_VERB.match(text, v.end())
        if after and (v.group("de") or _INCISE.search(text, max(0, v.start() - 3), v.start())):
            found.add(_clean_source(after.group(1)))
            continue
        head = text[max(0, v.start() - 80): v.start()]
        before = _BEFORE_VERB.search(_TRAILING_WHEN.sub(" ", head))  # "wie die Polizei am Samstag mitteilte"
        if before:
            found.add(_clean_source(before.group(1)))
    return {f for f in found if f and f.split()[0] not in _WHEN_WORDS}


def fold(text: str) -> str:
    """Case, quote style, dashes and spacing folded: what a typo-free reformatting leaves equal."""
    return _SPACES.sub(" ", text.translate(_QUOTES).casefold()).strip()


def _clean_source(s: str) -> str:
    s = _ATTRIB_STOP.sub("", s.strip())
    s = _ARTICLE_START.sub("", s.strip())
    first = s.split(" ", 1)[0]
    if first.lower() in _WH_WORDS and not first.isupper():  # "What officials say": a heading that asks (not "WHO")
        return ""
    s = fold(s).strip(" .,'\"")
    return "" if s in ("the", "a", "an") else s  # an article alone names nobody


_WH_WORDS = frozenset("what who whom which how why where whatever".split())


# an apposition between a source and its verb describes the source: "The mayor, a Democrat,
# said" is the mayor's statement, "Jane Smith, the mayor, said" Jane Smith's
# between a source and its verb: an apposition ("the mayor, a Democrat, said", "Smith, 45, said",
# "the senator, in office since 2009, announced") or a relative clause ("a senior official, who
# spoke on condition of anonymity, said"); not any words between commas: "Another, Pelco,
# announced" names Pelco, and "…, you may want to wait, says Kostro Miller" is a source after its verb
_APPOSITION = re.compile(rf",\s+(?:(?:a|an|the|who|which|in|at|aged|now|then|once|formerly|still|also|however|too|both|"
                         rf"himself|herself|themselves)\s+|\d)[^,;:\"“”]{{0,60}},\s*(?=(?:{_AUX}\s+)*(?:{_SPEAKS})\b)")

# a source's abbreviation in brackets after its name: "The World Health Organization (WHO) said"
_ACRONYM = re.compile(rf"\s*\((?:[A-ZÀ-ÖØ-Þ][A-Za-z&.]{{1,9}})\)(?=,?\s+(?:{_AUX}\s+)*(?:{_SPEAKS})\b)")


def attribution(text: str, words: frozenset[str] | None = None) -> frozenset[str]:
    """Who a statement is attributed to ("according to X", "X said", "estimated by X", "laut X",
    "selon X", "dijo X")."""
    found: set[str] = set()
    words = words_of(text) if words is None else words
    has_foreign = not FOREIGN_CUE_WORDS.isdisjoint(words) or "angaben" in text
    if not has_foreign and not _SAY_VERB_ONLY.search(text):
        return frozenset()
    if "," in text:
        text = _APPOSITION.sub(" ", text)
    if "(" in text:
        text = _ACRONYM.sub("", text)
    for m in _ACCORDING.finditer(text):
        src = _clean_source(m.group(1))
        if src:
            found.add(src)
    foreign = _foreign_sources(text) if has_foreign else set()
    found |= foreign
    for m in _SAYER.finditer(text):
        if foreign and _FOREIGN_VERB.search(m.group(0)):
            continue
        described = _described(text, m.start(1)) if _GENERIC_WORD.fullmatch(m.group(1)) else ""
        src = _clean_source(described + m.group(1))
        if src and src not in ("it", "according"):
            found.add(src)
    for m in (*_THE_SAYER.finditer(text), *_PASSIVE_BY.finditer(text)):
        src = _clean_source(m.group(1))
        if src:
            found.add(src)
    for m in _SAID_BY.finditer(text):
        if re.match(r"\S+\s+by\b", m.group(0)):
            src = _clean_source(m.group(1))
            if src:
                found.add(src)
    for m in _INVERTED.finditer(text):
        src = _clean_source(m.group(1))
        if src and src.split()[0] not in _WHEN_WORDS:
            found.add(src)
    for m in _DATA_SHOW.finditer(text):
        named = (_clean_source(m.group(1) or m.group(2)) or "").split()
        while named and named[0] in _DATA_ADJECTIVES:  # "Official data showed": no source named
            named.pop(0)
        if named:
            found.add(" ".join(named))
    if _FAMILIAR.search(text):  # "people familiar with the matter said": unnamed sources, as "sources said"
        found.add("sources")
    found = {"sources" if _FAMILIAR_SOURCE.match(f) else f for f in found}  # "according to a person familiar …"
    if not found and _UNNAMED_CUE.search(text):
        found.add("(unnamed)")
    return frozenset(found)


_FAMILIAR_SOURCE = re.compile(r"(?:an?\s+|two\s+|three\s+|several\s+)?(?:people|persons?|sources?)\s+"
                             r"(?:familiar|with\s+(?:direct\s+)?knowledge|close|briefed)\b")
# the unnamed sources of a report, however described: "people familiar with the matter", "a person
# with knowledge of the talks", "sources close to the minister", "officials briefed on the plans"
_FAMILIAR = re.compile(
    r"\b(?:people|persons?|sources?|officials?|two|three|several|an?|one)\s+(?:people\s+|persons?\s+|officials?\s+)?"
    r"(?:familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|close\s+to|briefed\s+on)\b[^.;]{0,80}?\b(?:{_SPEAKS})\b"
    .replace("{_SPEAKS}", _SPEAKS), re.IGNORECASE)


# the words that may say whose officials or police speak ("US officials", "local police"):
# capitalised names, and a short list of lower-case ones
_DESCRIBED = re.compile(
    r"(?:(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|local|federal|state|military|intelligence|health|security|senior|top|western|"
    r"government|defen[cs]e|city|county|rescue|emergency|hospital|party|campaign|border|election|humanitarian|"
    r"independent|regional|provincial|municipal|company|industry|administration)\s+){1,3}$")
_NOT_DESCRIBING = frozenset("but and yet so however meanwhile now then also still the a an on in at by for with "
                            "from of to after before during since until".split()) | _WHEN_WORDS


def _described(text: str, at: int) -> str:
    """The words right before a source named by a plural or a group (:data:`_GENERIC`) that say
    whose it is: "US" of "US officials said", "local" of "local police said" — otherwise "US
    officials" and "Ukrainian officials" would be the same "officials". Days, months and
    conjunctions and what comes before them ("But officials said", "On Tuesday officials said") are
    not part of it."""
    if not text[at:at + 1].islower():
        return ""
    m = _DESCRIBED.search(text, max(0, at - 60), at)
    if not m:
        return ""
    words = m.group(0).split()
    cut = [k for k, w in enumerate(words) if w.lower().strip(".") in _NOT_DESCRIBING]
    words = words[cut[-1] + 1:] if cut else words
    return " ".join(words) + " " if words else ""


# a source not answering: "declined to comment", "did not immediately respond to a request for
# comment", "could not be reached", "had no immediate comment" — one non-answer, however worded
NO_COMMENT = re.compile(
    r"\b(?:declined|refused|did\s+not|didn['’]t|could\s+not|couldn['’]t|was\s+not|wasn['’]t|were\s+not|"
    r"has\s+not|have\s+not|had\s+no)\b[^.;]{0,60}?\b(?:comment|respond|reply|replies|reached|available|"
    r"messages?|requests?)|\bno\s+(?:immediate\s+)?comment\b"
    r"|\b(?:reagierte|antwortete)\s+nicht|\bwollte\s+sich\s+nicht|\bn['’]a\s+pas\s+(?:souhaité|répondu|pu\s+être\s+joint)"
    r"|\bno\s+respondió|\bno\s+quiso\s+comentar", re.IGNORECASE)


# the direction a figure moved: "revenue fell 3%" and "rose 3%" state opposite claims with the same
# figure. English, German, French and Spanish verbs and nouns of rising and falling; each counts
# only right before a figure ("fell by 3%", "won 52 seats") or right after one ("a 5% drop"), so
# "lost his job" or "stepped down" are no direction
_UP = ("rose rise rises risen rising increased increases increasing grew grow grows grown growing gained gains "
       "climbed climbs jumped jumps soared soars surged surges rallied advanced expanded widened raised raises "
       "hiked won wins added adds accelerated accelerates increase gain jump growth stieg steigt steigen stiegen gestiegen wuchs wächst "
       "gewachsen angestiegen zugelegt erhöhte erhöhten erhöht gewann gewinnt anstieg zuwachs hausse augmenté augmente "
       "progressé progresse grimpé bondi gagné subió sube suben aumentó aumenta aumentaron creció crece alza ganó")
_DOWN = ("fell fall falls fallen falling dropped drops dropping declined declines declining decreased decreases "
         "decreasing shrank shrinks shrunk slid slides slipped slips plunged plunges tumbled tumbles sank sinks "
         "slumped slumps lost loses narrowed cut cuts reduced reduces lowered lowers eased eases slowed slows dipped "
         "dips decline decrease drop loss "
         "fiel fällt fallen gefallen sank sinkt sanken gesunken verlor verliert verloren schrumpfte "
         "schrumpft geschrumpft zurückgegangen eingebrochen senkte gesenkt rückgang baisse baissé diminué diminue recul reculé chuté chute bajó "
         "baja bajaron cayó cae cayeron disminuyó disminuye descendió caída descenso perdu perdió")
# neither: "held rates at 5.25%" → "cut rates to 5.25%" turned a figure that stood still
_FLAT = ("held holds unchanged steady flat stagnated stagnant stabilised stabilized remained remains stayed stays "
         "unverändert stagnierte inchangé inchangés stable estable")
_DIRECTION = {**{w: "up" for w in _UP.split()}, **{w: "down" for w in _DOWN.split()},
              **{w: "flat" for w in _FLAT.split()}, "zurück": "down"}
# what may follow a "rise"/"fall" noun's figure ("a 5% drop"): nouns only — "unter 1 oder 2 fallen"
_DIRECTION_NOUNS = ("increase|rise|gain|jump|growth|drop|decline|decrease|fall|loss|cut|anstieg|zuwachs|rückgang|"
                    "zurück|hausse|baisse|recul|alza|caída|descenso")  # "gingen um 5 Prozent zurück"
# the figure a direction word stands before: not a year ("Fall 1994") nor a score or clock time
# ("gewann mit 6:3", "Warm Up 11:00")
_FIGURE_NEAR = r"(?:[$€£¥]\s?)?(?!(?:19|20)\d\d\b)(?!\d{1,2}:\d)\d"
_GERMAN_LAST = ("gestiegen|angestiegen|gewachsen|zugelegt|erhöht|gesunken|gefallen|geschrumpft|zurückgegangen|"
                "eingebrochen|gesenkt|verloren")
_DIRECTION_ALT = "|".join(sorted(_DIRECTION, key=len, reverse=True))
_DIRECTION_RE = re.compile(
    rf"\b({_DIRECTION_ALT})\b(?=(?:\W+(?!(?:in|since|after|before|until|for|during)\b)(?:[^\W\d_]+|(?:19|20)\d\d\b))"
    rf"{{0,2}}?\W+{_FIGURE_NEAR}"
    # German and Romance put the period first: "stieg von Dezember 2021 auf Januar 2022 um 0,3 Prozentpunkte"
    rf"|(?:\W+(?:[^\W\d_]+|(?:19|20)\d\d\b)){{3,7}}?\W+(?:um|de|en|by)\s+{_FIGURE_NEAR})"
    rf"|\b(up|down)\s+(?={_FIGURE_NEAR})"  # "up 5%", not "up to 50" or "stepped down after 3 years"
    r"|(?<=\d)(?:\s?%|\s+(?:percent|per\s+cent|prozent|pour\s+cent|por\s+ciento))?\s+(" + _DIRECTION_NOUNS + r")\b"
    # German puts the participle last: "ist im Mai um 2% gestiegen", "auf 5,1 Prozent gesunken"
    rf"|\b(?:um|auf)\s+(?:(?:rund|etwa|knapp|fast|gut|mehr\s+als)\s+)?{_FIGURE_NEAR}[\d.,]*\s*"
    r"(?:%|prozent(?:punkte)?|punkte|euro|dollar|millionen|milliarden)?(?:\s+[^\W\d_]+){0,5}?\s+(" + _GERMAN_LAST + r")\b",
    re.IGNORECASE)


# a comparison with no figure after it ("lower than a year ago", "better than expected", "höher als
# erwartet"): which way it points is the claim's direction as much as "fell" beside a figure is.
# Before a figure ("more than 100") it is the figure's qualifier; bounded ("no more than") too
_COMPARE_UP = "higher more larger greater bigger better faster stronger wider longer dearer costlier höher grösser besser stärker"
_COMPARE_DOWN = ("lower fewer less smaller worse slower weaker narrower shorter cheaper niedriger kleiner schlechter "
                 "schwächer weniger")
_COMPARISON = {**{w: "up" for w in _COMPARE_UP.split()}, **{w: "down" for w in _COMPARE_DOWN.split()}}
_NUMBER_AFTER = ("[$€£¥]?\\d|an?\\s+(?:third|quarter|half|dozen|fifth|hundred|thousand|million|billion|few|couple)\\b|"
                 "half\\b|twice\\b|"
                 "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                 "hundred|thousand|million|dozens?|hundreds|thousands|millions)\\b")
_COMPARISON_RE = re.compile(r"(?<!\bno )(?<!\bnot )(?<!\bnothing )(?<!\bnicht )\b(" + "|".join(_COMPARISON) + r")\s+(?:than|als)\b"
                            r"(?!\s+(?:" + _NUMBER_AFTER + r"))")


def direction(text: str, words: frozenset[str] | None = None, figures: bool = True) -> tuple[int, int, int]:
    """How many rising, falling and still words the text sets beside a figure, or in a comparison:
    (up, down, flat). Compared as which ways its figures moved (a sentence that rose and fell, only
    rose, only fell, held): "rose 3% and 5%" written as two sentences that each rose is the same claim.
    ``figures``: the sentence states a figure (else only its comparisons are read: a digit of a
    file name after "drop" is no figure that fell)."""
    words = words_of(text) if words is None else words
    up = down = flat = 0
    if ("than" in words or "als" in words) and not _COMPARISON_FIRST.isdisjoint(words):
        for m in _COMPARISON_RE.finditer(fold(text)):
            if _COMPARISON[m.group(1)] == "up":
                up += 1
            else:
                down += 1
    if not figures or _DIRECTION_WORDS.isdisjoint(words):
        return up, down, flat
    for m in _DIRECTION_RE.finditer(text):
        word = m.group(1) or m.group(2) or m.group(3) or m.group(4)
        if word == "Fall":
            continue  # the German noun (a case), or the English season
        w = word.casefold()
        way = _DIRECTION.get(w, w)
        if way == "up":
            up += 1
        elif way == "flat":
            flat += 1
        else:
            down += 1
    return up, down, flat


# a superlative that is one of several: "the largest protest" → "one of the largest protests"
# words ending in "est" that are no superlative ("interest", "protest", "forest", "request"…), by stem
NOT_SUPERLATIVE = "inter prot for r gu t cont ch qu n arr harv conqu manif inqu sugg hon mod w inv dig beh requ j p"
# and one of a few, where the other side may say the only one: "the only country to" → "one of few
# countries to", "one of a handful of", "one of several"
_ONE_OF = re.compile(r"\bone of (?:the (?:(?:very|most|least)\s+)?(?:(?!(?:" + NOT_SUPERLATIVE.replace(" ", "|") +
                     r")est\b)[^\W\d_]{2,}est|best|worst|most|least|first|last)|(?:the |only |a |very )*"
                     r"(?:few|several|handful|small number|number)\b)")


def hedges(text: str, words: frozenset[str] | None = None) -> frozenset[str]:
    words = words_of(text) if words is None else words
    maybe_one_of = "one" in words and "of" in words
    if not maybe_one_of and _HEDGE_FIRST.isdisjoint(words):
        return frozenset()  # most sentences: no hedge word at all, and the patterns need not run
    folded = fold(text)
    found = frozenset() if _HEDGE_FIRST.isdisjoint(words) else \
        frozenset(HEDGES[m.group(1)] for m in _HEDGE_RE.finditer(folded) if not _reported_conditional(folded, m))
    return found | {"one-of"} if maybe_one_of and _ONE_OF.search(folded) else found


_CONDITIONALS = frozenset({"aurait", "auraient", "serait", "seraient", "habría", "habrían", "sería", "serían",
                           "estaría", "estarían"})
# a French or Spanish say-verb and its "que": what follows is what the source said
_SAID_THAT = re.compile(rf"\b(?:{_ROMANCE_VERBS})\s+(?:que\b|qu['’])")


def _reported_conditional(folded: str, m: re.Match) -> bool:
    """The French or Spanish conditional in what a source said ("le président a déclaré que la
    réforme serait adoptée", "dijo que el plan habría costado"): the future or past of the words
    reported, not the news conditional ("le bilan serait de 12 morts, selon la police")."""
    return m.group(1) in _CONDITIONALS and _SAID_THAT.search(folded, 0, m.start()) is not None


# a negation that only bounds a figure ("no fewer than 12", "not more than", "pas moins de",
# "nicht mehr als"): the figure's qualifier, not the claim's polarity
_BOUND = re.compile(r"\b(?:no|not|nicht|pas|no)\s+(?:more|fewer|less|mehr|weniger|moins|plus|menos|más)\s+"
                    r"(?:than|als|de|que)\b")


# "No. 10", "nos. 3 and 4", "at No 10 Downing Street": the abbreviation of "number", not a negation
_NUMBER_ABBREVIATION = re.compile(r"\b[Nn]os?\.\s?(?=\d)|(?<=\w\s)No\s(?=\d)")


_DISMISS_WORDS = frozenset({"dismiss", "dismissed", "dismisses", "dismissing"})
# a court or a board that dismissed a case or a request turned it down, as "rejected" says; not
# "dismissed the minister" (who was fired)
_DISMISSED = re.compile(r"\bdismiss(?:ed|es|ing)?\s+(?:(?:the|an?|his|her|their|its|all)\s+)?(?:[^\W\d_]+\s+){0,2}?"
                        r"(?:appeals?|case|cases|lawsuits?|suits?|charges?|claims?|motions?|requests?|complaints?|"
                        r"petitions?|challenges?|bids?|applications?|objections?|allegations?)\b")


def negations(text: str, words: frozenset[str] | None = None) -> int:
    words = words_of(text) if words is None else words
    if "no" in words or "nos" in words:
        text = _NUMBER_ABBREVIATION.sub("number ", text)
    low = fold(text)
    if _NEG_WORDS.isdisjoint(words) and "n't" not in low and "n'" not in low and _DISMISS_WORDS.isdisjoint(words):
        return 0
    return len(_NEG_RE.findall(_BOUND.sub(" ", low))) + len(_DISMISSED.findall(low))


# a hedge and the negation that turns it, written as one word elsewhere: "has not been confirmed" =
# "remains unconfirmed", "not likely" = "unlikely", "not clear" = "unclear"; and "could not" (be
# verified, be reached) says what could not be done, not how likely the claim is
_NOT_CONFIRMED = re.compile(r"\b(?:not|n't|never|yet\s+to)\s+(?:yet\s+)?(?:been\s+|be\s+)?"
                            r"(?:independently\s+|officially\s+)?confirmed\b")
_NOT_LIKELY = re.compile(r"\b(?:not|n't)\s+(?:very\s+)?likely\b")
_NOT_CLEAR = re.compile(r"\b(?:not|n't)\s+(?:yet\s+|entirely\s+|immediately\s+)?(?:clear|certain|known)\b")
# "could" not followed by "not", or another word of its class ("könnte", "pourrait", "podría")
_COULD = re.compile(r"\bcould\b(?!\s+not\b|n't)|\b(?:" + "|".join(
    re.escape(w) for w, c in HEDGES.items() if c == "could" and w != "could") + r")\b")
_COULD_NOT = re.compile(r"\bcould(?:\s+not\b|n't)")


def negated_hedges(text: str, hedged: frozenset[str], negated: int) -> tuple[frozenset[str], int]:
    """The hedges and negation count of a sentence with a negated hedge written as the one word it
    means (see above): one reading for "not confirmed" and "unconfirmed"."""
    if not negated:
        return hedged, negated
    low = fold(text)
    out = set(hedged)
    if "confirmed" in out and _NOT_CONFIRMED.search(low):
        out = out - {"confirmed"} | {"unconfirmed"}
        negated -= 1
    if "likely" in out and _NOT_LIKELY.search(low):
        out = out - {"likely"} | {"unlikely"}  # "unlikely" counts as a negation itself
    if negated and _NOT_CLEAR.search(low):
        out.add("uncertain")
        negated -= 1
    if "could" in out and _COULD_NOT.search(low) and not _COULD.search(low):
        out.discard("could")
    return frozenset(out), negated


_HEDGE_FIRST = frozenset(_WORDS.findall(" ".join(HEDGES)))
_NEG_WORDS = frozenset(n.split()[0] for n in NEGATIONS if "'" not in n)  # "yet to": "yet"
_DIRECTION_WORDS = frozenset(_DIRECTION) | {"up", "down"}
_COMPARISON_FIRST = frozenset(_COMPARISON)


# A word put in the place of its opposite turns the claim as a "not" would, every figure, source
# and hedge kept: "legal" → "illegal", "upheld the ruling" → "overturned the ruling", "a trade
# surplus" → "a trade deficit", "won the runoff with 52%" → "lost the runoff with 52%". Two ways to
# be an opposite:
# - a negating prefix ("legal"/"illegal", "accurate"/"inaccurate", "armed"/"unarmed",
#   "agreed"/"disagreed", "empleo"/"desempleo", "zulässig"/"unzulässig"), fitted to the word's
#   first letter the way English, French and Spanish spell it ("im" before b, m, p; "il" — Spanish
#   "i" — before l; "ir" before r; "in" before the rest), the rest a word of four letters or more;
# - a pair of the closed list below, in English, German, French and Spanish: the opposites a
#   news story states its claims with (won/lost, profit/loss, surplus/deficit, exports/imports,
#   above/below, before/after, approved/blocked, upheld/overturned, voted for/against…).
# Each word must be one version's and not the other's, its opposite the other's and not its own:
# words both versions have are no swap. "not legal" → "illegal" turns the claim twice, no change.
# Hedge and negation words ("likely"/"unlikely", "confirmed"/"unconfirmed") are read as such already
# and left out; so are the rising and falling words ("won", "lost") where both versions read a
# direction beside their figures ("won 12 seats" → "lost 12 seats" turned the figure's direction).
_FLIP_PREFIXES = ("un", "dis", "des", "in", "im", "il", "ir", "i")
_PREFIX_FITS = {"im": "bmp", "il": "l", "ir": "r", "i": "l"}
_OPPOSITE_PAIRS = """
above below | ahead behind | leads trails | leading trailing | led trailed | before after | surplus deficit | surpluses deficits | profit loss | profits losses
exports imports | export import | exported imported | exporters importers | won lost | win lose | wins loses
win lost | support opposed | pro anti
winning losing | winner loser | winners losers | victory defeat | approved blocked | approve block
approves blocks | upheld overturned | uphold overturn | upholds overturns | support oppose | supports opposes
supported opposed | supporters opponents | pro against | allowed banned | allow ban | allows bans | lifted imposed
lift impose | included excluded | include exclude | guilty innocent | highest lowest | best worst | most least
largest smallest | biggest smallest | youngest oldest | richest poorest | fastest slowest
longest shortest | hottest coldest | warmest coldest | strongest weakest | tallest shortest | heaviest lightest
maximum minimum | positive negative | bought sold | buy sell | buys sells
buyers sellers | buyer seller | lender borrower | lenders borrowers | creditor debtor | creditors debtors
inflows outflows | inflow outflow | opened closed | closed open | plaintiff defendant | plaintiffs defendants
north south | northern southern | east west | eastern western | northeast southwest | northwest southeast
inside outside | internal external | early late | earlier later | earliest latest | public private
domestic foreign | temporary permanent | true false | urban rural | upper lower | allies enemies | ally enemy
overestimated underestimated | overvalued undervalued
gewinn verlust | gewinne verluste | überschuss defizit | exporte importe | ausfuhren einfuhren | gewonnen verloren
zugestimmt abgelehnt | genehmigt abgelehnt | geschlossen geöffnet | geschlossen offen | erlaubt verboten | höchste niedrigste | höchsten niedrigsten
jüngste älteste | jüngsten ältesten | reichste ärmste | käufer verkäufer | gläubiger schuldner | kläger beklagte | nördlich südlich | östlich westlich | dafür dagegen
innen außen | innerhalb außerhalb | früh spät | öffentlich privat | öffentliche private | öffentlichen privaten | inländische ausländische | wahr falsch
bénéfice perte | bénéfices pertes | excédent déficit | exportations importations | gagné perdu | approuvé rejeté
autorisé interdit | fermé ouvert | fermée ouverte | dessus dessous | avant après | acheteurs vendeurs | contre pro
intérieur extérieur | public privé | publique privée | vrai faux | temporaire permanent
ganancia pérdida | ganancias pérdidas | beneficio pérdida | beneficios pérdidas | superávit déficit
exportaciones importaciones | ganó perdió | aprobó rechazó | aprobado rechazado | permitido prohibido
cerrado abierto | cerrada abierta | encima debajo | antes después | compradores vendedores | contra pro
dentro fuera | público privado | pública privada | verdadero falso | temporal permanente
"""
_OPPOSITE: dict[str, set[str]] = {}
for _pair in _OPPOSITE_PAIRS.replace("\n", "|").split("|"):
    if _pair.strip():
        _a, _b = (w.casefold() for w in _pair.split())
        _OPPOSITE.setdefault(_a, set()).add(_b)
        _OPPOSITE.setdefault(_b, set()).add(_a)
# "voted for", "in favour of", "votó a favor", "a voté pour": the "pro" that "against" is opposite to
_FOR = re.compile(r"\b(?:(?:vot\w*|stimmt\w*)\s+(?:for|pour)|in\s+favou?r\s+of|a\s+favor)\b", re.IGNORECASE)


def _flipped_base(word: str, others: frozenset[str]) -> str | None:
    for p in _FLIP_PREFIXES:
        base = word[len(p):]
        if word.startswith(p) and len(base) >= 4 and base in others:
            fits = _PREFIX_FITS.get(p)
            if (fits is None and p != "in") or (fits and base[0] in fits) or (p == "in" and base[0] not in "bmplr"):
                return base
    return None


# verbs of a movement, which way it went: "Unemployment fell in May" → "Unemployment rose in May"
# turns the claim with no figure beside the verb (beside a figure, the figure's direction says it)
_MOVES = {**{w: "rose" for w in (
    "rose rise rises risen rising increased increases increasing grew grow grows grown growing climbed climbs "
    "jumped jumps soared soars surged surges rallied expanded widened accelerated stieg steigt steigen stiegen "
    "gestiegen wuchs wächst gewachsen angestiegen zugenommen augmenté augmente augmentent progressé grimpé subió "
    "sube suben subieron aumentó aumenta aumentaron creció crece crecieron").split()},
    **{w: "fell" for w in (
        "fell fall falls fallen falling dropped drops declined declines declining decreased decreases decreasing "
        "shrank shrinks shrunk slid slides slipped slips plunged plunges tumbled tumbles slumped slumps narrowed "
        "slowed dipped fiel fällt gefallen sank sinkt sanken gesunken schrumpfte geschrumpft zurückgegangen "
        "abgenommen eingebrochen baissé diminué diminue diminuent reculé chuté bajó baja bajan bajaron cayó cae "
        "cayeron disminuyó disminuye disminuyeron descendió").split()}}


def movement(old_words: frozenset[str], new_words: frozenset[str]) -> tuple[str, str] | None:
    """Which way a movement went in each version, when one version's verb of rising was put in the
    place of the other's verb of falling (or back): ("fell", "rose"); None otherwise."""
    gone = {_MOVES[w] for w in old_words - new_words if w in _MOVES}
    came = {_MOVES[w] for w in new_words - old_words if w in _MOVES}
    if len(gone) == 1 and len(came) == 1 and gone != came:
        return next(iter(gone)), next(iter(came))
    return None


_READ_ALREADY = frozenset(HEDGES) | NEGATIONS
_READ_AS_DIRECTION = _READ_ALREADY | frozenset(_DIRECTION)


_FOR_WORDS = frozenset({"for", "pour", "favour", "favor"})


def _with_pro(text: str, words: frozenset[str]) -> frozenset[str]:
    """A text's words, with "pro" where it votes for something or is in favour of it."""
    return words | {"pro"} if not _FOR_WORDS.isdisjoint(words) and _FOR.search(text) else words


def flips(before: str, after: str, old_words: frozenset[str], new_words: frozenset[str],
          directions: bool) -> tuple[int, int, list[tuple[str, str]]]:
    """The words of each version put in the place of their opposite (see above): how many the old
    version has, how many the new one has, and the pairs (old word, new word) for the reader.
    ``old_words``/``new_words``: the versions' words (:func:`words_of`, computed once by the caller);
    ``directions``: both versions read a direction beside their figures."""
    old_words, new_words = _with_pro(before, old_words), _with_pro(after, new_words)
    read = _READ_AS_DIRECTION if directions else _READ_ALREADY
    gone, came = old_words - new_words - read, new_words - old_words - read
    pairs: list[tuple[str, str]] = []
    old_n = new_n = 0
    for w in sorted(gone):
        if base := _flipped_base(w, came):
            old_n += 1
            pairs.append((w, base))
    for w in sorted(came):
        if base := _flipped_base(w, gone):
            new_n += 1
            pairs.append((base, w))
        elif opposite := sorted(_OPPOSITE.get(w, set()) & gone):
            new_n += 1
            pairs.append((opposite[0], w))
    return old_n, new_n, pairs
