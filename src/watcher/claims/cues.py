"""The cues of a claim beyond its figures: who it is attributed to, how hedged it is, whether it
is negated — in English, German, French and Spanish.

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
    "was believed to": "believed", "is thought to": "believed", "are thought to": "believed",
    "is expected to": "expected", "are expected to": "expected", "is estimated to": "estimated",
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
             "failed",
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
            r"activists|organi[sz]ers)")
_GENERIC_WORD = re.compile(_GENERIC)
_SAYER = re.compile(
    rf"((?:[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s+(?:of|for|the|and|de|al)\s+|\s+)?){{1,8}}|\b(?:{_GENERIC}|he|she|they|it|we))"
    rf"\s*,?\s+(?:{_AUX}\s+)*(?:{_SPEAKS})\b",
)
_INSTITUTION = (r"(?:office|department|ministry|agency|service|commission|council|board|"
                r"authority|bureau|police|marshal|spokes(?:man|woman|person)|officials?|government|administration|court|"
                r"institute|center|centre|company|firm|bank|fund|survey|study|report|statement|committee|association|union|"
                r"coalition|group|team|authorities|researchers|analysts|experts|"
                # people named by their office ("the mayor said", "a witness said")
                r"mayor|governor|president|minister|secretary|senator|prosecutor|judge|sheriff|commissioner|"
                r"chairman|chairwoman|chair|chief|executive|director|ceo|witness|doctor|official)")
_OF_WHAT = rf"(?:\s+of\s+(?:the\s+)?[\w'’.-]+(?:\s+(?!{_AUX}\b)[\w'’.-]+)?)?"  # "the ministry of health"
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
_SAY_VERB_ONLY = re.compile(rf"\b(?:{SAY_VERBS}|{_INVERTED_VERBS})\b", re.IGNORECASE)
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
_ZUFOLGE = re.compile(rf"((?:(?:{_ART})?{_CAP}\s+(?:(?:der|des|von|für)\s+)?){{1,4}})zufolge\b")
# not "bestätigte(n)": as often the adjective of "die bestätigten Fälle" as the verb
_GERMAN_VERBS = (r"sagte|sagten|sagt|sagen|erklärte|erklärten|erklärt|teilte|teilten|mitteilte|mitteilten|"
                 r"berichtete|berichtet|meldete|meldeten|schätzt|schätzte|warnte|betonte")
_ROMANCE_VERBS = (r"a\s+déclaré|ont\s+déclaré|a\s+dit|ont\s+dit|a\s+affirmé|affirme|déclare|"
                  r"a\s+indiqué|indique|a\s+estimé|a\s+annoncé|a\s+précisé|précise|dijo|dijeron|afirmó|declaró|"
                  r"aseguró|señaló|indicó|informó|explicó|estimó|anunció")
_FOREIGN_VERB = re.compile(rf"\b(?:(?P<de>{_GERMAN_VERBS})|{_ROMANCE_VERBS})\b")
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
    s = fold(s).strip(" .,'\"")
    return "" if s in ("the", "a", "an") else s  # an article alone names nobody


# an apposition between a source and its verb describes the source: "The mayor, a Democrat,
# said" is the mayor's statement, "Jane Smith, the mayor, said" Jane Smith's
_APPOSITION = re.compile(rf",\s+(?:a|an|the)\s+[^,;:\"“”]{{1,60}},\s*(?=(?:{_AUX}\s+)*(?:{_SPEAKS})\b)")


def attribution(text: str, words: frozenset[str] | None = None) -> frozenset[str]:
    """Who a statement is attributed to ("according to X", "X said", "estimated by X", "laut X",
    "selon X", "dijo X")."""
    found: set[str] = set()
    words = words_of(text) if words is None else words
    has_foreign = not FOREIGN_CUE_WORDS.isdisjoint(words)
    if not has_foreign and not _SAY_VERB_ONLY.search(text):
        return frozenset()
    if "," in text:
        text = _APPOSITION.sub(" ", text)
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
       "gewachsen erhöhte erhöhten erhöht gewann gewinnt anstieg zuwachs hausse augmenté augmente "
       "progressé progresse grimpé bondi gagné subió sube suben aumentó aumenta aumentaron creció crece alza ganó")
_DOWN = ("fell fall falls fallen falling dropped drops dropping declined declines declining decreased decreases "
         "decreasing shrank shrinks shrunk slid slides slipped slips plunged plunges tumbled tumbles sank sinks "
         "slumped slumps lost loses narrowed cut cuts reduced reduces lowered lowers eased eases slowed slows dipped "
         "dips decline decrease drop loss "
         "fiel fällt fallen gefallen sank sinkt sanken gesunken verlor verliert verloren schrumpfte "
         "schrumpft senkte gesenkt rückgang baisse baissé diminué diminue recul reculé chuté chute bajó "
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
_DIRECTION_ALT = "|".join(sorted(_DIRECTION, key=len, reverse=True))
_DIRECTION_RE = re.compile(
    rf"\b({_DIRECTION_ALT})\b(?=(?:\W+(?!(?:in|since|after|before|until|for|during)\b)(?:[^\W\d_]+|(?:19|20)\d\d\b))"
    rf"{{0,2}}?\W+{_FIGURE_NEAR}"
    # German and Romance put the period first: "stieg von Dezember 2021 auf Januar 2022 um 0,3 Prozentpunkte"
    rf"|(?:\W+(?:[^\W\d_]+|(?:19|20)\d\d\b)){{3,7}}?\W+(?:um|de|en|by)\s+{_FIGURE_NEAR})"
    rf"|\b(up|down)\s+(?={_FIGURE_NEAR})"  # "up 5%", not "up to 50" or "stepped down after 3 years"
    r"|(?<=\d)(?:\s?%|\s+(?:percent|per\s+cent|prozent|pour\s+cent|por\s+ciento))?\s+(" + _DIRECTION_NOUNS + r")\b",
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
        word = m.group(1) or m.group(2) or m.group(3)
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
_ONE_OF = re.compile(r"\bone of the (?:(?:very|most|least)\s+)?(?:(?!(?:" + NOT_SUPERLATIVE.replace(" ", "|") +
                     r")est\b)[^\W\d_]{2,}est|best|worst|most|least|first|last)\b")


def hedges(text: str, words: frozenset[str] | None = None) -> frozenset[str]:
    words = words_of(text) if words is None else words
    maybe_one_of = "one" in words and "of" in words and "the" in words
    if not maybe_one_of and _HEDGE_FIRST.isdisjoint(words):
        return frozenset()  # most sentences: no hedge word at all, and the patterns need not run
    folded = fold(text)
    found = frozenset() if _HEDGE_FIRST.isdisjoint(words) else \
        frozenset(HEDGES[m.group(1)] for m in _HEDGE_RE.finditer(folded))
    return found | {"one-of"} if maybe_one_of and _ONE_OF.search(folded) else found


# a negation that only bounds a figure ("no fewer than 12", "not more than", "pas moins de",
# "nicht mehr als"): the figure's qualifier, not the claim's polarity
_BOUND = re.compile(r"\b(?:no|not|nicht|pas|no)\s+(?:more|fewer|less|mehr|weniger|moins|plus|menos|más)\s+"
                    r"(?:than|als|de|que)\b")


# "No. 10", "nos. 3 and 4", "at No 10 Downing Street": the abbreviation of "number", not a negation
_NUMBER_ABBREVIATION = re.compile(r"\b[Nn]os?\.\s?(?=\d)|(?<=\w\s)No\s(?=\d)")


def negations(text: str, words: frozenset[str] | None = None) -> int:
    words = words_of(text) if words is None else words
    if "no" in words or "nos" in words:
        text = _NUMBER_ABBREVIATION.sub("number ", text)
    low = fold(text)
    if _NEG_WORDS.isdisjoint(words) and "n't" not in low and "n'" not in low:
        return 0
    return len(_NEG_RE.findall(_BOUND.sub(" ", low)))


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
