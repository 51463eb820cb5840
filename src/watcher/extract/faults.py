"""Recognise pages that are not the article: consent walls, paywalls, error pages, collapses.

Faults are not claims: comparing a cookie wall with the baseline would report every claim as
removed. A fault raises one ``source_warning``; the version is not stored, and the next good
version is compared with the baseline as usual.
"""

from __future__ import annotations

import re

from .document import Document

_PATTERNS = [
    ("consent wall", r"\b(?:we use cookies|cookie (?:consent|settings|preferences)|accept (?:all )?cookies|"
                     r"manage (?:consent|cookies)|your privacy choices|consent to (?:the use of )?cookies|"
                     r"before you continue|wir verwenden cookies|cookies akzeptieren|cookie-einstellungen|"
                     r"nous utilisons des cookies|accepter (?:les|tous les) cookies|utilizamos cookies|"
                     r"aceptar (?:las |todas las )?cookies)\b"),
    ("paywall", r"\b(?:subscribe (?:now )?to (?:continue|read|unlock)|to continue reading|subscribers? only|"
                r"already (?:a subscriber|have an account)|sign in to (?:continue|read)|this (?:article|content) "
                r"is (?:for|available to) (?:subscribers|members)|start your (?:free )?trial|premium (?:article|content)|"
                r"jetzt abonnieren|weiterlesen mit|nur für abonnenten|abonnez-vous|réservé aux abonnés|"
                r"suscríbete|exclusivo para suscriptores)\b"),
    ("bot check", r"\b(?:are you a robot|verify (?:that )?you are (?:a )?human|enable javascript|"
                  r"checking your browser|access denied|captcha|unusual traffic)\b"),
    # an error page names the error; a status code alone is a figure ("5,404 cases", "in 1404",
    # "Route 404 reopened"), so a code counts only after an error word ("Error 404"), or heading a
    # line ("404 Not Found", "404")
    ("error page", r"\b(?:page (?:not found|cannot be found|could not be found|does not exist)|"
                   r"(?:error|fehler|erreur|código de error|http)\s*:?\s*[45]\d\d(?![\d,.])|"
                   r"(?m:^\s*)[45]\d\d\s*[-–:]?\s*(?:error|not found|fehler|erreur|page not found|seite nicht gefunden|"
                   r"page introuvable|página no encontrada|no encontrad[oa])|"
                   r"file not found|requested url was not found|"
                   r"service (?:temporarily )?unavailable|internal server error|bad gateway|"
                   r"seite (?:wurde )?nicht gefunden|diese seite existiert nicht|seite existiert nicht mehr|"
                   r"page introuvable|(?:cette|la) page (?:demandée )?n['’]existe (?:pas|plus)|"
                   r"página no encontrada|(?:esta|la) página (?:que buscas )?no existe)\b"
                   r"|something went wrong(?=\s*(?:[.!]|$))|an? (?:unexpected )?error (?:has )?occurred"
                   r"|(?m:^\s*(?:[45]\d\d|not found|oops!?)\s*[.!]?\s*$)"
                   r"|ページが見つかりません|页面不存在|找不到(?:该)?页面"),
]
_COMPILED = [(name, re.compile(p, re.IGNORECASE)) for name, p in _PATTERNS]

MIN_SHARE = 0.4  # a version with under 40% of the baseline's text lost most of the article


def assess(doc: Document, baseline: Document | None) -> str | None:
    """A one-line reason when ``doc`` looks like a fault rather than the article, else None."""
    text = doc.text
    if not text.strip():
        return "no article text found on the page"
    base_len = len(baseline.text) if baseline is not None else 0
    short = len(text) < 1500 or (base_len and len(text) < MIN_SHARE * base_len)
    if short:
        for name, rx in _COMPILED:
            if rx.search(text):
                return f"looks like a {name}, not the article"
    if base_len >= 1000 and len(text) < MIN_SHARE * base_len:
        return (f"extraction lost most of the article ({len(text):,} of {base_len:,} characters); "
                "not compared")
    return None
