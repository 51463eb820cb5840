"""The vocabulary of the numeric grammar: number words, ordinals, multipliers, durations, units
and the function words that are never a counted noun.

Tables only, apart from :mod:`watcher.claims.numbers` so that the grammar there stays readable; the
German, French and Spanish entries sit beside the English ones they mean.
"""

from __future__ import annotations

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    # German, French, Spanish. Left out: the words for one (articles: "ein", "un", "una"), and the
    # words that are everyday words of another language — French "seize" and "cent", Spanish "once"
    # (English), Spanish "dos" (Portuguese "of the")
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
    "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "doce": 12,
    "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90,
        "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
        "neunzig": 90,
        "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "quatre-vingt": 80,
        "quatre-vingts": 80,
        "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
        "ochenta": 80, "noventa": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fifteenth": 15,
    "twentieth": 20, "thirtieth": 30, "fiftieth": 50, "hundredth": 100,
}
MULT_WORDS = {"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
              "eightfold": 8, "ninefold": 9, "tenfold": 10, "hundredfold": 100, "doubled": 2, "double": 2,
              "doubling": 2, "tripled": 3, "triple": 3, "tripling": 3, "quadrupled": 4, "quadruple": 4,
              "halved": 0.5, "twice": 2, "thrice": 3}
DURATION_UNITS = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month",
    "year": "year", "decade": "decade", "century": "century", "min": "minute",
    # abbreviated, glued or not ("14hrs", "3 yrs"; a trailing "s" is stripped)
    "sec": "second", "hr": "hour", "wk": "week", "mth": "month", "yr": "year",
    # German, French, Spanish (plural forms: a trailing "s" is stripped before the look-up)
    "sekunde": "second", "sekunden": "second", "minuten": "minute", "stunde": "hour", "stunden": "hour",
    "tag": "day", "tage": "day", "tagen": "day", "woche": "week", "wochen": "week", "monat": "month",
    "monate": "month", "monaten": "month", "jahr": "year", "jahre": "year", "jahren": "year",
    "jahrzehnte": "decade", "seconde": "second", "heure": "hour", "jour": "day", "semaine": "week",
    "mois": "month", "ans": "year", "année": "year", "segundo": "second", "minuto": "minute", "hora": "hour",
    "día": "day", "dia": "day", "semana": "week", "mese": "month", "mes": "month", "año": "year", "ano": "year",
}
NOUN_STOP = {"of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "for", "from", "by", "with", "than",
             "that", "which", "who", "as", "per", "is", "are", "was", "were", "has", "have", "had", "be",
             "been", "its", "their", "his", "her", "this", "these", "those", "since", "into", "more", "less",
             "it", "they", "he", "she", "we", "not", "will", "would", "could", "may", "might", "but",
             # German, French, Spanish function words: never the counted noun
             "der", "die", "das", "den", "dem", "des", "ein", "eine", "und", "oder", "im", "mit", "von", "zu",
             "für", "auf", "bei", "ist", "sind", "war", "waren", "wurde", "wurden", "hat", "haben", "pro",
             "le", "la", "les", "du", "de", "d", "et", "ou", "est", "sont", "au", "aux", "en", "par", "pour",
             "el", "los", "las", "del", "y", "o", "es", "son", "fue", "con", "por", "para", "que", "se",
             "werden", "worden", "wird", "sein", "seien", "sei", "ont", "été", "était", "étaient", "sera",
             "seront", "han", "ha", "al", "fueron", "hubo", "será", "serán", "eran", "era"}
# units written after a figure ("80TB", "5 km", "3GHz"): case-folded, so "MB" = "mb" = "Mb";
# one-letter units only in their usual case ("5G" is a network, "5g" five grams)
MEASURE_UNITS = {u: u for u in (
    "mm cm km µm m² km² m2 km2 m³ m3 ha qm mi ft yd mg µg kg lb lbs oz ml cl dl hl kb mb gb tb pb kib mib "
    "gib tib kbit mbit gbit kbps mbps gbps mbit/s gbit/s hz khz mhz ghz kw mw gw kwh mwh gwh twh mah kv "
    "ps hp kcal kj km/h kmh mph m/s °c °f db nm").split()}
MEASURE_UNITS.update({"m": "m", "g": "g", "l": "l", "L": "l", "t": "t", "W": "w", "V": "v", "C": "°c", "F": "°f",
                      "kmh": "km/h", "kph": "km/h"})  # one speed however abbreviated
RATE_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour", "minute": "minute",
               "person": "person", "capita": "person", "head": "person", "tag": "day", "woche": "week",
               "monat": "month", "jahr": "year", "stunde": "hour", "kopf": "person", "jour": "day",
               "semaine": "week", "mois": "month", "an": "year", "heure": "hour", "habitant": "person",
               "día": "day", "dia": "day", "semana": "week", "mes": "month", "año": "year", "hora": "hour",
               "habitante": "person"}
RATE_ADVERBS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
                "täglich": "day", "wöchentlich": "week", "monatlich": "month", "jährlich": "year"}
FRACTIONS = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3, "two thirds": 2 / 3,
             "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "one-quarter": 0.25,
             "three quarters": 0.75, "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2,
             "a tenth": 0.1, "one tenth": 0.1, "one-tenth": 0.1, "majority": 0.5001, "minority": 0.4999}
VAGUE = {"a dozen": 12, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "tens of thousands": 1e4,
         "hundreds of thousands": 1e5, "millions": 1e6, "tens of millions": 1e7, "billions": 1e9}
# units spelt out after a figure ("five kilometres", "3 Kilogramm", "40 degrees Celsius"), read as
# the unit written short, so "5 km" → "five kilometres" is the same figure; a trailing "s" (and
# German "n") is stripped before the look-up. Left out: "pounds" (money as often as weight) and
# bare "degrees" (an angle as often as a temperature)
MEASURE_WORDS = {
    "kilometre": "km", "kilometer": "km", "kilomètre": "km", "kilómetro": "km", "metre": "m", "meter": "m",
    "mètre": "m", "metro": "m", "centimetre": "cm", "centimeter": "cm", "centimètre": "cm", "centímetro": "cm",
    "millimetre": "mm", "millimeter": "mm", "millimètre": "mm", "milímetro": "mm", "mile": "mi", "meile": "mi",
    "foot": "ft", "feet": "ft", "yard": "yd", "inch": "in", "inches": "in", "kilogram": "kg", "kilogramme": "kg", "kilogramm": "kg",
    "kilogramo": "kg", "kilo": "kg", "gram": "g", "gramme": "g", "gramm": "g", "gramo": "g", "tonne": "t",
    "ton": "t", "tonelada": "t", "litre": "l", "liter": "l", "litro": "l", "millilitre": "ml", "milliliter": "ml",
    "hectare": "ha", "hektar": "ha", "hectárea": "ha", "acre": "acre", "ounce": "oz", "watt": "w",
    "kilowatt": "kw", "megawatt": "mw", "gigawatt": "gw", "kilowatt-hour": "kwh", "megawatt-hour": "mwh",
    "gigawatt-hour": "gwh", "terawatt-hour": "twh", "volt": "v", "megabyte": "mb", "gigabyte": "gb",
    "terabyte": "tb", "hertz": "hz", "megahertz": "mhz", "gigahertz": "ghz", "calorie": "kcal",
}
# two-word units: "square kilometres", "degrees Celsius", "miles per hour"
SQUARE_OF = {"km": "km²", "m": "m²", "mi": "mi²", "ft": "ft²"}
SPEED_OF = {"km": "km/h", "mi": "mph"}
TEMPERATURE_WORDS = {"celsius": "°c", "centigrade": "°c", "centígrados": "°c", "fahrenheit": "°f"}
# a unit and the base unit it is a multiple of, for comparing only ("four decades" = "40 years",
# "5 tonnes" = "5,000 kg"); what a reader sees keeps the page's own words
UNIT_BASE = {"decade": ("year", 10.0), "century": ("year", 100.0), "month": ("year", 1 / 12), "week": ("day", 7.0),
             "hour": ("minute", 60.0),
             "bp": ("pp", 0.01), "km": ("m", 1000.0), "cm": ("m", 0.01), "mm": ("m", 0.001), "kg": ("g", 1000.0), "t": ("g", 1e6)}
