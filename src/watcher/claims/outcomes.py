"""What happened to the people a sentence counts: killed, injured, missing, arrested, charged…

"Two firefighters were injured" → "Two firefighters were killed" keeps every figure, source and
hedge, yet states another claim; so do "three men were arrested" → "three men were charged",
"police are searching for two men" → "police arrested two men",
"in critical condition" → "in stable condition" and — the same kind of word about a figure —
"the median price" → "the average price". Each outcome word belongs to a class, and the
class, not the word, is compared: "died" → "were killed", "hurt" → "injured", "detained" →
"arrested" are the same claim reworded. English, German, French and Spanish words map onto the
same classes.

Families are compared apart. The outcome (killed, injured, missing…) changed when both sides
name one and the classes differ. Other families change only when both sides state one of theirs
("injured" → "slightly injured" adds a detail, "seriously injured" → "slightly injured" changes
the claim): the severity of an injury, a condition or an illness (serious, slight, stable), the
statistic a figure is (median, average), the margin of a vote (unanimous, narrow, overwhelming),
how often (always, often, sometimes, rarely), by how much (sharply, slightly), the charge or the
ruling on a death (murder, manslaughter, fraud…, suicide, homicide), the sentence handed down
(custodial, suspended, probation), what became of an event (postponed, cancelled, suspended) and
how someone left office (resigned, dismissed, retired).

A side that names no outcome changes nothing ("the strike hurt sales" → "the strike hit sales"):
only one outcome put in another's place does.

Two more families of words about a figure are read here. A record ("a record high", "the hottest
June on record", "Rekordhoch", "unprecedented") is compared by presence: claimed or withdrawn, it
changes the claim. What a money or rate figure measures — its basis (net, operating, pre-tax), terms
(real, nominal), scope (core, headline), period (annual, monthly) and metric (revenue, profit) —
changes the claim only when one word is put in another's place: those words stand for other things
in a sentence too. So does the span a figure covers ("in the past week", "per day", "pro Monat", read
as "weekly", "daily", "monthly" are) and how much of a group a claim is about — all, many or some
("every hospital" → "some hospitals", "alle" → "einige", "tous" → "plusieurs"): a sentence may
name several groups, and one quantifier dropped from it is no other claim.
"""

from __future__ import annotations

import re

from .cues import NOT_SUPERLATIVE, fold

_OUTCOMES = {
    # not "die": the German article
    "killed": "killed killing dead died deaths death fatalities fatality fatally perished slain "
              "getötet tot tote toten starben gestorben todesopfer "
              "tués tuées tué tuée morts mort décès décédés décédées péri "
              "muertos muertas muerto murieron fallecidos fallecidas fallecieron falleció",
    "injured": "injured injuring injuries injury wounded wounding hurt "
               "verletzt verletzte verletzten verletzung verletzungen verwundet verwundete blessures lesiones "
               "blessés blessées blessé blessée heridos heridas herido herida",
    "missing": "missing disappeared vermisst vermisste vermissten disparus disparues desaparecidos desaparecidas",
    "arrested": "arrested arrests arrest detained detain apprehended captured festgenommen verhaftet "
                "arrêtés arrêtées arrêté interpellés interpellées interpellé detenidos detenidas arrestados",
    "charged": "charged indicted angeklagt inculpés inculpé inculpée imputados imputado acusados",
    "convicted": "convicted verurteilt condamnés condamné condamnée condenados condenado",
    "acquitted": "acquitted freigesprochen acquittés acquitté absueltos absuelto",
    "evacuated": "evacuated evakuiert évacués évacuées evacuados evacuadas",
    # came through alive: "all 12 survived" → "all 12 were rescued" is one claim, "… died" another
    "rescued or survived": "rescued gerettet secourus sauvés rescatados survived survivors überlebten überlebt überlebende "
               "survécu survivants sobrevivieron sobrevivientes supervivientes",
    "hospitalised": "hospitalised hospitalized hospitalisés hospitalisées hospitalizados",
    # still sought: "police are searching for two men" → "police arrested two men" is another claim
    "at large": "fugitive fugitives escaped flüchtig flüchtige flüchtigen prófugo prófugos",
}
_OUTCOME_PHRASES = {
    "killed": ("lost their lives", "lost his life", "lost her life", "death toll", "ums leben",
               "ont perdu la vie", "perdieron la vida"),
    "missing": ("unaccounted for",),
    "arrested": ("in custody", "taken into custody"),
    "convicted": ("found guilty", "reconnu coupable", "reconnus coupables", "declarado culpable"),
    "acquitted": ("found not guilty",),
    "hospitalised": ("taken to hospital", "taken to the hospital", "ins krankenhaus"),
    "at large": ("at large", "on the run", "manhunt for", "auf der flucht", "fahndung nach", "fahndet nach",
                 "fahnden nach", "en fuite", "en fuga"),
}
_SEVERITY_PHRASES: dict[str, tuple[str, ...]] = {
    "serious": ("schwere verletzungen", "schwer verletzte", "lebensgefährliche", "lebensgefährlichen",
                "seriously injured", "seriously wounded", "critically injured", "critically wounded",
                "severely injured", "gravely injured", "badly injured", "serious injuries", "critical condition",
                "serious condition", "life-threatening", "life threatening", "schwer verletzt", "schwerverletzt",
                "severe illness", "severe disease", "severe cases", "severe symptoms", "serious illness",
                "schwere verläufe", "schweren verläufen", "formes graves", "casos graves",
                "schwerverletzte", "lebensgefährlich", "grièvement", "heridos graves", "herido grave", "graves heridas"),
    "slight": ("leichte verletzungen", "leicht verletzte", "slightly injured", "slightly wounded", "lightly injured", "minor injuries", "minor injury",
               "leicht verletzt", "leichtverletzt", "leichtverletzte", "légèrement",
               "blessés légers", "heridos leves", "herido leve", "mild illness", "mild disease", "mild cases",
               "mild symptoms", "milde verläufe", "milden verläufen", "formes légères", "casos leves"),
    # an illness with symptoms at all, or none: "95% effective against symptomatic illness" → "against
    # severe illness" is another claim
    "symptomatic": ("symptomatic", "symptomatische", "symptomatischen", "symptomatiques", "sintomáticos",
                    "sintomática"),
    "asymptomatic": ("asymptomatic", "asymptomatische", "asymptomatischen", "asymptomatiques", "asintomáticos",
                     "asintomática"),
    "stable": ("stable condition", "good condition", "fair condition", "satisfactory condition", "stabil",
               "état stable", "estado estable"),
}

# which statistic a figure is: "the median home price" → "the average home price" is another figure
# with the same value; compared, as a severity is, only when both sides name one
_STATISTICS = {"median": "median", "medians": "median", "mediana": "median", "médiane": "median",
               "average": "average", "averaged": "average", "averages": "average", "durchschnitt": "average",
               "durchschnittlich": "average", "durchschnittliche": "average", "durchschnittlichen": "average",
               "moyenne": "average", "promedio": "average"}

# by what margin a vote went: "voted unanimously" → "voted narrowly" is another claim; compared, as a
# severity is, only when both sides state one ("voted to approve" → "voted unanimously to approve"
# adds a detail; "narrowly escaped" says nothing of a vote, and no other side names a margin)
_MARGIN_WORDS = {"unanimously": "unanimous", "unanimous": "unanimous", "einstimmig": "unanimous",
                 "einstimmige": "unanimous", "einstimmigen": "unanimous", "unanime": "unanimous",
                 "unanimes": "unanimous", "unánime": "unanimous", "unánimemente": "unanimous",
                 "narrowly": "narrow", "overwhelmingly": "overwhelming", "landslide": "overwhelming"}
_MARGIN_PHRASES: dict[str, tuple[str, ...]] = {
    "unanimous": ("à l'unanimité", "por unanimidad", "without a dissenting vote"),
    "narrow": ("narrow majority", "slim majority", "narrow margin", "slim margin", "razor-thin", "knappe mehrheit",
               "knapper mehrheit", "de justesse", "courte majorité", "estrecho margen", "estrecha mayoría"),
    "overwhelming": ("overwhelming majority", "large majority", "big majority", "grosse mehrheit",
                     "grosser mehrheit", "breite mehrheit", "breiter mehrheit", "écrasante majorité",
                     "large majorité", "amplia mayoría", "abrumadora mayoría"),
}

# how often ("the ministry always publishes the data" → "often publishes") and by how much ("rose
# sharply" → "rose slightly", "a steep fall" → "a modest fall"): compared, as a severity is, only
# when both sides state one — "rose sharply" → "rose" drops a detail, "always" → "rarely" states
# another claim. Not French "toujours" (also "still") nor German "immer" ("immer mehr"), "leicht"
# ("easy") or "marked" (a verb as often).
_FREQUENCY_WORDS = {
    "always": "always", "invariably": "always", "siempre": "always",
    "usually": "often", "often": "often", "frequently": "often", "regularly": "often", "oft": "often",
    "häufig": "often", "regelmässig": "often", "souvent": "often", "fréquemment": "often",
    "régulièrement": "often", "frecuentemente": "often",
    "sometimes": "sometimes", "occasionally": "sometimes", "manchmal": "sometimes", "gelegentlich": "sometimes",
    "parfois": "sometimes", "ocasionalmente": "sometimes",
    "rarely": "rarely", "seldom": "rarely", "selten": "rarely", "rarement": "rarely", "raramente": "rarely",
}
_FREQUENCY_PHRASES: dict[str, tuple[str, ...]] = {"often": ("a menudo", "con frecuencia"), "sometimes": ("a veces",)}
_DEGREE_WORDS = {
    "sharply": "large", "steeply": "large", "dramatically": "large", "significantly": "large",
    "substantially": "large", "considerably": "large", "sharp": "large", "steep": "large", "dramatic": "large",
    "substantial": "large", "considerable": "large", "deutlich": "large", "kräftig": "large", "erheblich": "large",
    "fortement": "large", "nettement": "large", "considérablement": "large", "fuertemente": "large",
    "considerablemente": "large", "notablemente": "large", "significativamente": "large",
    "slightly": "small", "marginally": "small", "modestly": "small", "slight": "small", "modest": "small",
    "geringfügig": "small", "ligeramente": "small", "levemente": "small",
}
_DEGREE_PHRASES: dict[str, tuple[str, ...]] = {"small": ("leicht gestiegen", "leicht gesunken", "leicht gefallen", "leicht zurückgegangen",
                             "leicht erhöht", "leicht gesenkt")}

# what someone is charged with or convicted of, and how a death was ruled: "charged with murder" →
# "charged with manslaughter", "Mord" → "Totschlag", "meurtre" → "assassinat", "ruled a suicide" →
# "ruled a homicide" — the commonest correction of court copy; and the sentence handed down ("a
# two-year prison sentence" → "a two-year suspended sentence"). Compared, as a severity is, only
# when both sides name one: "charged" → "charged with murder" adds a detail. Not French "vol"
# ("flight" too) nor Spanish "lesiones" (injuries).
_CRIME_WORDS = {
    "murder": "murder", "murders": "murder", "mord": "murder", "mordes": "murder", "meurtre": "murder",
    "asesinato": "murder", "assassinat": "premeditated murder",
    "manslaughter": "manslaughter", "totschlag": "manslaughter", "totschlags": "manslaughter",
    "homicide": "homicide", "homicidio": "homicide", "suicide": "suicide", "suizid": "suicide",
    "selbstmord": "suicide", "suicidio": "suicide",
    "assault": "assault", "battery": "assault", "körperverletzung": "assault", "agression": "assault",
    "agresión": "assault", "robbery": "robbery", "raub": "robbery", "robo": "robbery", "theft": "theft",
    "larceny": "theft", "diebstahl": "theft", "hurto": "theft", "fraud": "fraud", "betrug": "fraud",
    "betrugs": "fraud", "escroquerie": "fraud", "fraude": "fraud", "rape": "rape", "vergewaltigung": "rape",
    "viol": "rape", "violación": "rape", "kidnapping": "kidnapping", "abduction": "kidnapping",
    "entführung": "kidnapping", "enlèvement": "kidnapping", "secuestro": "kidnapping", "terrorism": "terrorism",
    "terrorisme": "terrorism", "terrorismo": "terrorism", "bribery": "bribery", "bestechung": "bribery",
    "soborno": "bribery", "embezzlement": "embezzlement", "unterschlagung": "embezzlement",
    "malversación": "embezzlement", "arson": "arson", "brandstiftung": "arson", "espionage": "espionage",
    "spionage": "espionage", "espionnage": "espionage", "espionaje": "espionage", "treason": "treason",
    "hochverrat": "treason", "trahison": "treason", "traición": "treason",
}
_CRIME_PHRASES: dict[str, tuple[str, ...]] = {"money laundering": ("money laundering", "geldwäsche", "blanchiment", "blanqueo de capitales"),
                  "manslaughter": ("homicide involontaire", "homicidio imprudente"),
                  "assault": ("coups et blessures",), "robbery": ("vol à main armée",),
                  "accident": ("accidental death", "an accident", "a tragic accident")}
# what became of an event — put off, called off, halted — and how someone left office: "the vote was
# postponed" → "cancelled", "the minister resigned" → "was fired"
_STATUS_WORDS = {
    "postponed": "postponed", "delayed": "postponed", "rescheduled": "postponed", "deferred": "postponed",
    "verschoben": "postponed", "reporté": "postponed", "reportée": "postponed", "aplazado": "postponed",
    "aplazada": "postponed", "pospuesto": "postponed", "pospuesta": "postponed",
    "cancelled": "cancelled", "canceled": "cancelled", "scrapped": "cancelled", "abgesagt": "cancelled",
    "annulé": "cancelled", "annulée": "cancelled", "cancelado": "cancelled", "cancelada": "cancelled",
    "suspended": "suspended", "halted": "suspended", "paused": "suspended", "ausgesetzt": "suspended",
    "suspendu": "suspended", "suspendue": "suspended", "suspendido": "suspended", "suspendida": "suspended",
}
_STATUS_PHRASES: dict[str, tuple[str, ...]] = {"cancelled": ("called off",), "postponed": ("put off", "pushed back")}
_DEPARTURE_WORDS = {
    "resigned": "resigned", "quit": "resigned", "zurückgetreten": "resigned", "démissionné": "resigned",
    "dimitió": "resigned", "renunció": "resigned",
    "fired": "dismissed", "sacked": "dismissed", "ousted": "dismissed",
    "gefeuert": "dismissed", "limogé": "dismissed", "limogée": "dismissed", "destituido": "dismissed",
    "destituida": "dismissed", "cesado": "dismissed", "cesada": "dismissed",
    "retired": "retired", "pensioniert": "retired",
}
_DEPARTURE_PHRASES: dict[str, tuple[str, ...]] = {"resigned": ("stepped down", "steps down", "step down", "trat zurück"),
                                                  "dismissed": ("was dismissed", "has been dismissed", "was removed from")}
_SENTENCE_PHRASES: dict[str, tuple[str, ...]] = {
    "custodial": ("prison sentence", "jail sentence", "prison term", "jail term", "custodial sentence", "in prison",
                  "in jail", "behind bars", "haftstrafe", "gefängnisstrafe", "prison ferme", "de prisión",
                  "de cárcel"),
    "suspended": ("suspended sentence", "suspended prison sentence", "suspended jail sentence", "bewährungsstrafe",
                  "auf bewährung", "avec sursis", "pena suspendida"),
    "probation": ("probation",),
    "home": ("house arrest", "hausarrest", "assignation à résidence", "arresto domiciliario"),
    "community service": ("community service", "sozialstunden", "travaux d'intérêt général"),
}

# how much of a group a claim is about: "every hospital" → "some hospitals", "many of the victims"
# → "all of the victims"; "all", "each", "many" and "some" stand for other things as often, so every
# quantifier is read where it is not in an idiom (_NOT_QUANTIFIER). ("most" and "the majority of"
# are a share above half, read with the figures.)
_QUANTIFIERS = {
    "all": "every each all alle jeder jede jedes sämtliche tous toutes chaque todos todas cada",
    "many": "many numerous countless viele zahlreiche nombreux nombreuses muchos muchas numerosos numerosas",
    "some": "several einige mehrere manche quelques plusieurs certains certaines algunos algunas varios varias some",
}
# "some" not before a figure: "some 300 people" is about 300
_NOT_BEFORE = {"some": r"(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|"
                       r"billion|[^\W\d_]+ty\b))"}
_QUANTIFIER_RE = re.compile(r"\b(?:" + "|".join(
    f"(?P<{c}>" + "|".join(w + _NOT_BEFORE.get(w, "") for w in ws.split()) + ")" for c, ws in _QUANTIFIERS.items())
    + r")\b")
_QUANTIFIER_FIRST = frozenset(" ".join(_QUANTIFIERS.values()).split())  # the set look-up that spares most sentences
# idioms with a quantifier's word that count nobody: "not at all", "after all", "all but certain",
# "all-time high", "each other", "as many as 300" (a figure's qualifier), "to some extent"
_NOT_QUANTIFIER = re.compile(
    r"\b(?:at all|after all|above all|first of all|all but|all along|all the same|all in all|all told|all too|"
    r"all right|all-time|all time|all over|all the more|once and for all|each other|one another|"
    r"as many as|how many|so many as|too many|some time|"
    r"at some point|to some extent|in some ways?|some (?:kind|sort) of)\b")


def quantifiers(folded: str) -> list[str]:
    """How much of a group each quantifier of a folded sentence says, in order: all, many or some
    ("most" and "the majority of" are a share, read with the figures)."""
    return [m.lastgroup or "" for m in _QUANTIFIER_RE.finditer(_NOT_QUANTIFIER.sub(" ", folded))]


def requantified(before: str, after: str, old: frozenset[str], new: frozenset[str]) -> bool:
    """A quantifier of a sentence with several put in another's place: "several schools have
    cameras in every classroom" → "all schools have cameras in every classroom" states the same
    classes as a set, not in the same places."""
    if not (_of(old, "quantifier:") and _of(new, "quantifier:")):
        return False
    qb, qa = quantifiers(fold(before)), quantifiers(fold(after))
    return len(qb) == len(qa) and qb != qa

# a figure called a record, or the most ever: "closed at a record high" → "closed at a high" (a
# record that was none is a common correction), "the hottest year on record", "an all-time low",
# "the deadliest attack ever", "Rekordhoch", "un niveau record", "máximo histórico". Compared by
# presence: a record claimed or no longer claimed. Not "a criminal record", "on the record", "track
# record" (no figure word after "record", no "on record" without its article dropped).
_RECORD_NOUNS = ("highs? lows? levels? numbers? amounts? sums? heat temperatures? profits? loss(?:es)? turnout "
                 "years? quarters? months? weeks? days? sales revenues? demand rainfall deficits? surplus(?:es)? "
                 "inflows? outflows? jumps? rises? falls? drops? increases? declines? gains? prices? "
                 "exports? imports? attendance crowds? highs")
_RECORD = re.compile(
    r"\brecord(?:-breaking|-setting|-high|-low)?\s+(?:" + "|".join(_RECORD_NOUNS.split()) + r")\b"
    r"|\brecord-(?:high|low|breaking|setting)\b|\ba record\s+(?=[$€£¥]?\d)|\ball-time\b|\bof all time\b"
    r"|\b(?:(?!(?:" + NOT_SUPERLATIVE.replace(" ", "|") + r")est\b)[^\W\d_]{2,}est|most|least|best|worst)\b"
    r"(?:\s+[^\W\d_]+){0,3}\s+ever\b|\bever recorded\b|\bunprecedented\b|\bnever before\b|\bnie zuvor\b"
    r"|\bfirst-ever\b|\bon record\b|\brekord\w*|\b(?:niveau|plus haut|plus bas) (?:record|historique)\b"
    r"|\brécord\b|\b(?:máximo|mínimo|máxima|mínima)s? históric[oa]s?\b|\bso (?:hoch|niedrig|viele|wenige) wie (?:noch )?nie\b")
RECORD = "record:record"  # the family's one member: a record claimed
_RECORD_FIRST = frozenset("record ever recorded unprecedented time before zuvor historique récord histórico histórica históricos "
                          "históricas nie".split())

# what a money or rate figure measures, by family: its basis ("net profit" → "operating profit",
# "pre-tax" → "after-tax"), its terms ("in real terms" → "in nominal terms"), its scope ("core
# inflation" → "headline inflation") and its period ("an annual rate" → "a monthly rate"). A
# common correction of business copy. These words also stand in a sentence for other things ("the
# annual report showed monthly sales …"), so only one put in another's place alerts, never one
# only dropped or added.
_MEASURE_WORDS = {
    # "gross" and "operating" only in their phrases: "groß" folds to "gross", and "operating the grid",
    # "an operating system", "un operativo policial" measure nothing
    "basis": {"net": "net", "netto": "net", "neto": "net", "neta": "net", "brutto": "gross", "bruto": "gross",
              "bruta": "gross"},
    # what the figure is of: "revenue rose 5% to $3 billion" → "profit rose 5%", "Umsatz" → "Gewinn"
    "metric": {"revenue": "revenue", "revenues": "revenue", "sales": "revenue", "turnover": "revenue",
               "umsatz": "revenue", "umsätze": "revenue", "ingresos": "revenue", "facturación": "revenue",
               "profit": "profit", "profits": "profit", "earnings": "profit", "gewinn": "profit",
               "gewinne": "profit", "bénéfice": "profit", "bénéfices": "profit", "beneficio": "profit",
               "beneficios": "profit", "ganancias": "profit"},
    "period": {"annual": "annual", "annually": "annual", "yearly": "annual", "annualised": "annual",
               "annualized": "annual", "jährlich": "annual", "jährliche": "annual", "jährlichen": "annual",
               "annuel": "annual", "annuelle": "annual", "anual": "annual", "anuales": "annual",
               "monthly": "monthly", "monatlich": "monthly", "monatliche": "monthly", "monatlichen": "monthly",
               "mensuel": "monthly", "mensuelle": "monthly", "mensual": "monthly", "mensuales": "monthly",
               "quarterly": "quarterly", "vierteljährlich": "quarterly", "trimestriel": "quarterly",
               "trimestrielle": "quarterly", "trimestral": "quarterly", "weekly": "weekly", "wöchentlich": "weekly",
               "hebdomadaire": "weekly", "semanal": "weekly"},
}
_MEASURE_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "basis": {"gross": tuple(f"gross {w}" for w in ("profit", "profits", "margin", "margins", "income", "revenue",
                                                     "revenues", "sales", "pay", "salary", "earnings", "debt",
                                                     "receipts", "terms")) + ("bénéfice brut", "marge brute"),
              "operating": tuple(f"operating {w}" for w in ("profit", "profits", "income", "loss", "losses", "margin",
                                                             "margins", "earnings", "result", "results", "cash flow"))
              + ("operativer gewinn", "operativen gewinn", "operatives ergebnis", "operativen ergebnis",
                 "résultat d'exploitation", "resultado operativo", "beneficio operativo"),
              "pre-tax": ("pre-tax", "pretax", "before tax", "vor steuern", "avant impôts", "antes de impuestos"),
              "after-tax": ("after-tax", "after tax", "nach steuern", "après impôts", "después de impuestos")},
    "metric": {"revenue": ("chiffre d'affaires", "cifra de negocios")},
    "terms": {"real": ("in real terms", "real wages", "real gdp", "real incomes", "real income", "real earnings",
                       "inflation-adjusted", "adjusted for inflation", "preisbereinigt", "en termes réels",
                       "en términos reales"),
              "nominal": ("in nominal terms", "nominal wages", "nominal gdp", "nominal incomes", "nominal income",
                          "nominal earnings", "en termes nominaux", "en términos nominales")},
    "scope": {"core": ("core inflation", "underlying inflation", "kerninflation", "inflation sous-jacente",
                       "inflación subyacente"),
              "headline": ("headline inflation", "overall inflation", "gesamtinflation", "inflación general")},
}

# the span a figure covers, said as the last such span or as a rate ("300 cases in the past week",
# "$40 per day", "pro Woche", "en las últimas 24 horas"): a period as "weekly" says it; not "last
# week" alone, which dates an event
_WINDOW_BEFORE = (r"(?:in|over|during) the (?:past|last|previous)|per|each|every|in der (?:vergangenen|letzten)|"
                  r"im (?:vergangenen|letzten)|in den (?:vergangenen|letzten)|pro|au cours (?:de la|du|des) derni[eè]re?s?|"
                  r"par|en (?:la|el|las|los) (?:últimas?|últimos?)|por|al|cada")
_WINDOW_SPANS = {
    "daily": "day|24 hours|tag|24 stunden|journée|jour|24 heures|día|24 horas",
    "weekly": "week|seven days|7 days|woche|sieben tagen|7 tagen|semaine|sept jours|7 jours|semana|siete días|7 días",
    "monthly": "month|30 days|monat|30 tagen|mois|30 jours|mes|30 días",
    "quarterly": "quarter|three months|3 months|quartal|drei monaten|trimestre|trois mois|tres meses",
    "annual": "year|12 months|twelve months|jahr|12 monaten|année|an|12 mois|año|12 meses",
}
_WINDOW_RE = re.compile(rf"\b(?:{_WINDOW_BEFORE})\s+(?:" + "|".join(f"(?P<{c}>{p})" for c, p in _WINDOW_SPANS.items())
                        + r")\b")
_WINDOW_UNITS = frozenset(w for p in _WINDOW_SPANS.values() for w in re.findall(r"[^\W\d_]+", p))
_MEASURE_FAMILIES = tuple(f + ":" for f in ("basis", "terms", "scope", "period", "metric"))

# the families compared only when both sides state one of their members, with their words and
# phrases (the severity's words are added below)
_BOTH_SIDES_WORDS: dict[str, dict[str, str]] = {
    "severity": {}, "statistic": _STATISTICS, "margin": _MARGIN_WORDS, "frequency": _FREQUENCY_WORDS,
    "degree": _DEGREE_WORDS, "crime": _CRIME_WORDS, "sentence": {}, "quantifier": {}, "status": _STATUS_WORDS,
    "departure": _DEPARTURE_WORDS}
_BOTH_SIDES_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "severity": _SEVERITY_PHRASES, "margin": _MARGIN_PHRASES, "frequency": _FREQUENCY_PHRASES,
    "degree": _DEGREE_PHRASES, "crime": _CRIME_PHRASES, "sentence": _SENTENCE_PHRASES, "status": _STATUS_PHRASES,
    "departure": _DEPARTURE_PHRASES}
_BOTH_SIDES = tuple(f + ":" for f in _BOTH_SIDES_WORDS)
# the families a change names itself by ("margin: unanimous → narrow"); a severity is told as the
# outcome it qualifies ("outcome: injured, serious → injured, slight")
_LABELLED = tuple(f for f in _BOTH_SIDES if f != "severity:") + ("record:", *_MEASURE_FAMILIES)
# the families that change only when one member is put in another's place: a sentence may name
# several quantifiers ("all of us know many people"), and one of them dropped is no other claim
_SWAPPED = (*_MEASURE_FAMILIES, "quantifier:")
OUTCOME_CLASSES = frozenset(_OUTCOMES)
_WORD_CLASS = {w: c for c, words in _OUTCOMES.items() for w in words.split()}
# on their own too: "most cases were mild" → "were severe"; compared, as every severity is, only
# when both sides state one ("a severe storm" → "a violent storm" is wording)
_WORD_CLASS.update({"severe": "severity:serious", "mild": "severity:slight"})
_WORD_CLASS.update({w: f"{family}:{c}" for family, ws in (*_MEASURE_WORDS.items(), *_BOTH_SIDES_WORDS.items())
                    for w, c in ws.items()})
_PHRASES = {p: c for c, ps in _OUTCOME_PHRASES.items() for p in ps}
_PHRASES.update({p: f"{family}:{c}" for family, cs in (*_MEASURE_PHRASES.items(), *_BOTH_SIDES_PHRASES.items())
                 for c, ps in cs.items() for p in ps})
# the first word of every phrase: the set look-up that spares most sentences the pattern
_FIRST = frozenset(p.split()[0].split("-")[0] for p in _PHRASES)
# people searched for: "police are searching for two men", "hunting for the gunman" (not "looking for a
# treat", "searching for your station")
_SOUGHT = re.compile(r"\b(?:search(?:ing)?|look(?:ing)?|hunt(?:ing)?)\s+for\s+(?:(?:the|a|an|\w+|\d+)\s+){0,2}"
                     r"(?:suspects?|men|man|woman|women|gunm[ae]n|attackers?|assailants?|drivers?|killers?|shooters?|"
                     r"inmates?|prisoners?|escapees?|fugitives?|robbers?|thieves|thief|culprits?|perpetrators?)\b")
_SEEK = frozenset("search searching look looking hunt hunting".split())  # the set look-up before _SOUGHT
_PHRASE_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _PHRASES), key=len, reverse=True)) + r")\b")


# an injury that killed: "fatally injured" is "killed", not "killed" and "injured"
_FATAL = re.compile(r"\b(?:fatally|mortally|tödlich|mortellement)\s+(?:injured|wounded|verletzt\w*|bless\w*)|"
                    r"\bheridos?\s+de\s+muerte")


_WORDS = frozenset(_WORD_CLASS)
_NONE: frozenset[str] = frozenset()


def outcomes(text: str, words: frozenset[str]) -> frozenset[str]:
    """The outcome classes (and ``severity:…``) a sentence states. ``words``: its case-folded
    words (computed once per sentence by the caller); two set look-ups spare most sentences the
    rest."""
    hits, phrases = words & _WORDS, not _FIRST.isdisjoint(words)
    record = not _RECORD_FIRST.isdisjoint(words) or any(w.startswith("rekord") for w in words if w[0] == "r")
    quantified = not _QUANTIFIER_FIRST.isdisjoint(words)
    spans = not _WINDOW_UNITS.isdisjoint(words)
    sought = not _SEEK.isdisjoint(words)
    if not hits and not phrases and not record and not quantified and not spans and not sought:
        return _NONE
    found = {_WORD_CLASS[w] for w in hits}
    folded = fold(text)
    if quantified:
        found.update("quantifier:" + q for q in quantifiers(folded))
    if spans:
        found.update("period:" + (m.lastgroup or "") for m in _WINDOW_RE.finditer(folded))
    if record and _RECORD.search(folded):
        found.add(RECORD)
    if phrases:
        found.update(_PHRASES[m.group(1)] for m in _PHRASE_RE.finditer(folded))
    if sought and _SOUGHT.search(folded):
        found.add("at large")
    if any(c.startswith("severity:") for c in found):  # "slightly injured": how badly, not by how much
        found = {c for c in found if not c.startswith("degree:")}
    if "injured" in found and _FATAL.search(folded):
        found = (found - {"injured"}) | {"killed"}
    return frozenset(found)


def changed(old: frozenset[str], new: frozenset[str]) -> bool:
    """Another outcome (both sides name one), another severity or another statistic (both sides
    state one)."""
    oo, no = old & OUTCOME_CLASSES, new & OUTCOME_CLASSES
    if oo and no and oo != no:
        return True
    for family in _BOTH_SIDES:
        fo, fn = _of(old, family), _of(new, family)
        if fo and fn and fo != fn and family not in _SWAPPED:
            return True
    for family in _SWAPPED:  # one put in another's place: "net profit" → "operating profit"
        fo, fn = _of(old, family), _of(new, family)
        if fo - fn and fn - fo:
            return True
    return (RECORD in old) != (RECORD in new)


def _of(classes: frozenset[str], family: str) -> set[str]:
    return {c for c in classes if c.startswith(family)}


def label(old: frozenset[str] | list[str], new: frozenset[str] | list[str]) -> str:
    """What a change names itself: "statistic" when only which statistic a figure is changed."""
    diff = set(old) ^ set(new)
    for family in _LABELLED:
        if diff and all(c.startswith(family) for c in diff):
            return family.rstrip(":")
    return "outcome"


def describe(classes: frozenset[str] | list[str], family: str = "outcome", changed: frozenset[str] = frozenset()
             ) -> str:
    """The classes as a reader sees them: only the changed family's, when one family changed; for an
    outcome, the outcomes and their severity, and of the other families only what ``changed``
    ("outcome: rescued or survived → killed", not "all, rescued or survived → all, killed")."""
    if family == "outcome":
        shown = [c for c in classes if c in OUTCOME_CLASSES or c.startswith("severity:") or c in changed]
    else:
        shown = [c for c in classes if c.startswith(family + ":")]
    return ", ".join(sorted(c.split(":")[-1] for c in shown)) or "none"


_OUTCOME_WORD = re.compile(r"[^\W\d_]+|[,;:.()]")
_STOPS = frozenset({",", ";", ":", ".", "(", ")", "and", "or", "but", "while", "und", "et", "y"})
_QUALIFIERS = frozenset("at least more than about nearly some around over almost up to an a estimated mindestens rund".split())


def of_figures(text: str, spans: list[tuple[int, int]]) -> list[str | None]:
    """The outcome class of each figure (given as its span in ``text``): an outcome verb right
    before it ("killed 12", "arrested at least 3"), else the nearest outcome word after it within
    its clause ("3 killed", "five were injured"; not past an "and" or a comma). "Three people were
    killed and five were injured" → "three injured and five killed" keeps the sentence's classes
    and swaps them between its figures."""
    folded = fold(text)
    out: list[str | None] = []
    for start, end in spans:
        found = None
        before = [w for w in _OUTCOME_WORD.findall(folded[max(0, start - 40):start])]
        while before and before[-1] in _QUALIFIERS:
            before.pop()
        if before and _WORD_CLASS.get(before[-1]) in OUTCOME_CLASSES:
            found = _WORD_CLASS[before[-1]]
        else:
            for k, m in enumerate(_OUTCOME_WORD.finditer(folded, end)):
                w = m.group(0)
                if k >= 5 or w in _STOPS:
                    break
                if _WORD_CLASS.get(w) in OUTCOME_CLASSES:
                    found = _WORD_CLASS[w]
                    break
        out.append(found)
    return out
