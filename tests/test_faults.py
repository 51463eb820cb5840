"""Fault pages (consent walls, paywalls, error pages) raise a warning; short articles never do,
whatever figures they hold — a status code inside a sentence is a figure, not an error page."""

from __future__ import annotations

import pytest

import watcher.extract.faults as faults
from watcher.extract import Document


def doc(*paragraphs: str) -> Document:
    return Document(title=None, paragraphs=tuple(paragraphs))


BASELINE = doc(*(["The council approved the budget after a long debate about roads and schools. " * 4] * 6))

FAULTS = [
    ("consent wall", ["Before you continue", "We use cookies and data to deliver our services. Accept all cookies."]),
    ("consent wall", ["Wir verwenden Cookies, um Inhalte zu personalisieren.", "Alle Cookies akzeptieren"]),
    ("consent wall", ["Nous utilisons des cookies pour améliorer votre expérience.", "Accepter les cookies"]),
    ("consent wall", ["Utilizamos cookies propias y de terceros.", "Aceptar todas las cookies"]),
    ("paywall", ["The council approved the budget.", "Subscribe now to continue reading this article."]),
    ("paywall", ["Der Stadtrat hat den Haushalt beschlossen.", "Jetzt abonnieren und weiterlesen."]),
    ("paywall", ["Le conseil a adopté le budget.", "Cet article est réservé aux abonnés."]),
    ("paywall", ["El consejo aprobó el presupuesto.", "Contenido exclusivo para suscriptores."]),
    ("error page", ["Page not found", "Error 404: try searching our archive, or return to the homepage."]),
    ("error page", ["404", "The page you requested could not be found."]),
    ("error page", ["404 Not Found"]),
    ("error page", ["Fehler 404", "Die Seite wurde nicht gefunden."]),
    ("error page", ["Erreur 404 : page introuvable", "Retour à l'accueil"]),
    ("error page", ["La página que buscas no existe.", "Error 404"]),
    ("error page", ["HTTP 503 Service Unavailable"]),
    ("error page", ["Oops! Something went wrong.", "Please try again later."]),
    ("error page", ["ページが見つかりません"]),
]

ARTICLES = [
    ["Health officials reported 5,404 cases on Monday, up from 4,990 a week earlier."],
    ["The church was built in 1404 and restored in 1904."],
    ["Route 404 reopened on Monday after three weeks of repairs."],
    ["The suspect was not found, police said, and the search continues in 404 square miles of forest."],
    ["Something went wrong with the first launch, but the second rocket reached orbit."],
    ["Die Behörden meldeten 1.404 Fälle, rund 500 mehr als in der Vorwoche."],
    ["Les autorités ont recensé 5 404 cas, soit environ 8 % de plus."],
    ["Las autoridades registraron 404 casos en la provincia."],
    ["The 500 error in the figures was corrected; 503 people were evacuated."],
    ["Flight 404 landed at 8:04 a.m. with 150 passengers."],
]


@pytest.mark.parametrize("name, paragraphs", FAULTS)
@pytest.mark.parametrize("baseline", [None, BASELINE])
def test_fault_pages_raise_a_warning(name, paragraphs, baseline):
    assert faults.assess(doc(*paragraphs), baseline) == f"looks like a {name}, not the article"


@pytest.mark.parametrize("paragraphs", ARTICLES)
def test_short_articles_with_such_figures_are_not_faults(paragraphs):
    assert faults.assess(doc(*paragraphs), None) is None


def test_empty_and_collapsed_pages():
    assert faults.assess(doc(), None) == "no article text found on the page"
    got = faults.assess(doc("The council approved the budget after a long debate about roads and schools."),
                        BASELINE)
    assert got is not None and got.startswith("extraction lost most of the article")
