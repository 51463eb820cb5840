"""The "keep reading" teasers the demo's magazine page runs under its article: realistic, figures
included, and rotated between checks, so the demo shows that rotating page furniture raises nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Teaser:
    """A "next post" / related-story teaser block."""

    title: str
    paragraphs: tuple[str, ...]
    label: str = "Analysis"
    credit: str = ""


TEASER_POOL: list[Teaser] = [
    Teaser(
        "Will stock trade ban curtail DOD budget corruption?",
        (
            "A new bipartisan proposal would bar members of Congress from trading individual stocks while "
            "they oversee a Pentagon budget that topped $850 billion this year.",
            "At least 23 members of the Armed Services committees reported trades in defense contractors "
            "during the last session, according to a watchdog review.",
        ),
        "Analysis | Washington Politics",
        "Billion Photos via",
    ),
    Teaser(
        "Sahel juntas' defense pact makes mockery of US policy",
        (
            "Three junta-led governments signed a treaty creating a security alliance covering a combined "
            "population of 72 million people.",
        ),
        "Analysis | Africa",
        "REUTERS/ Mahamadou Hamidou",
    ),
    Teaser(
        "The Pentagon can't pass an audit. Again.",
        (
            "The Department of Defense failed its sixth consecutive audit, unable to account for more than "
            "half of its $3.8 trillion in assets.",
            "Officials now say a clean opinion is unlikely before 2028.",
        ),
        "Reporting | Military Industrial Complex",
        "Mark Van Scyoc via",
    ),
    Teaser(
        "Arms sales to the Gulf hit a record",
        (
            "U.S. foreign military sales approved in fiscal 2023 reached $80.9 billion, up 56 percent from "
            "the year before, with Gulf monarchies among the largest buyers.",
        ),
        "Analysis | Middle East",
        "Sgt. Jordan Gilbert/USMC via",
    ),
    Teaser(
        "Why the AUKUS submarine timeline keeps slipping",
        (
            "Australia plans to spend as much as A$368 billion over three decades on nuclear-powered "
            "submarines, but U.S. shipyards are delivering about 1.2 boats a year against a goal of two.",
        ),
        "Analysis | Asia-Pacific",
        "US Navy via",
    ),
    Teaser(
        "NATO's 2 percent club grows to 23 members",
        (
            "Twenty-three of the alliance's 32 members now meet the 2 percent of GDP spending guideline, "
            "up from just three in 2014.",
            "Critics say the metric measures inputs, not capability.",
        ),
        "QiOSK | Europe",
        "Alexandros Michailidis via",
    ),
    Teaser(
        "Red Sea shipping still down by half",
        (
            "Traffic through the Suez Canal remains roughly 50 percent below 2023 levels, and insurers have "
            "raised war-risk premiums as much as tenfold since January.",
        ),
        "Reporting | Middle East",
        "Anadolu via",
    ),
    Teaser(
        "The hidden cost of the Ukraine drawdown packages",
        (
            "Replacing equipment sent from U.S. stocks may cost $20 billion more than the book value "
            "originally charged against the $61 billion supplemental, auditors estimate.",
        ),
        "Analysis | Europe",
        "Staff Sgt. Sarah Kirby via",
    ),
    Teaser(
        "Taiwan's defense budget rises for the eighth straight year",
        (
            "Taipei proposed NT$647 billion in military spending, about 2.45 percent of GDP, including "
            "funds for 4 new frigates and 400 Harpoon coastal missiles.",
        ),
        "QiOSK | Asia-Pacific",
        "Ann Wang/REUTERS via",
    ),
    Teaser(
        "Inside the $1.7 trillion F-35 sustainment bill",
        (
            "The Government Accountability Office now puts lifetime costs of the F-35 program at $1.7 trillion, "
            "up 44 percent since 2018, with jets available for missions only 55 percent of the time.",
        ),
        "Reporting | Military Industrial Complex",
        "Lockheed Martin via",
    ),
    Teaser(
        "Where are the candidates' possible VPs on foreign policy?",
        (
            "Polls show 61 percent of voters rank the economy above foreign policy, yet the shortlist "
            "includes two senators who sit on the Foreign Relations Committee.",
        ),
        "Analysis | Washington Politics",
        "Aaron of LA Photography via",
    ),
    Teaser(
        "Sanctions on Iran: 1,500 designations and counting",
        (
            "The Treasury Department has added more than 600 Iranian individuals and entities to its list "
            "since 2021, bringing the total to roughly 1,500, officials said.",
        ),
        "Analysis | Middle East",
        "Vahid Salemi/AP via",
    ),
]


def rotate(pool: Sequence[Teaser], k: int, offset: int) -> list[Teaser]:
    """Return ``k`` teasers from ``pool`` starting at ``offset``, wrapping around."""
    n = len(pool)
    return [pool[(offset + i) % n] for i in range(k)] if n else []
