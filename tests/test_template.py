"""Template evidence: a block that other watched pages of the same site carry is not a claim.

Three articles of one local site share a promo box in plain markup — no form, no marker words,
nothing in the page's structure says "widget" — whose figure changes on every page at once. Only
the other sources reveal it as the site's template. A figure edited in one article's own text
is still alerted, and two URLs serving the same article are not taken as each other's template.
"""

from __future__ import annotations

from tests import sitegen as pages

from .conftest import alerts_json, claim_alerts, watcher, write_config

PROMO = ("Our reporting is read by more than {n} subscribers across the region, and every one of "
         "them helps keep it independent.")


def page(title: str, paras: list[str], readers: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>{title}</title></head><body><div><div><h1>{title}</h1></div>"
            f"<div>{body}<div><p>{PROMO.format(n=readers)}</p></div></div>"
            f"<div><p>Regional Observer, 12 Market Street. All rights reserved.</p></div></div></body></html>")


def test_a_block_every_page_carries_is_template(site, tmp_path):
    arts = {k: pages.ARTICLES[k] for k in ("county_budget", "measles_outbreak")}
    title3 = "Harbour ferry returns after two-year absence"
    arts["ferry"] = (title3, [
        "The harbour ferry resumed service on Saturday after a two-year absence, carrying 640 passengers on "
        "its first day back, the port authority said.",
        "The vessel was refitted at a cost of $4.2 million and now runs on a hybrid engine that the operator "
        "says cuts fuel use by about 35 percent.",
        "Crossings will run every 40 minutes on weekdays, and officials expect ridership to reach 1,500 a day "
        "by the end of the summer.",
    ])
    for k, (title, paras) in arts.items():
        site.put(f"/{k}", page(title, paras, "25,000"))
    site.put("/ferry-print", page(title3, arts["ferry"][1], "25,000"))
    sources = [{"id": k.replace("_", "-"), "url": site.url(f"/{k}")} for k in arts]
    cfg = write_config(tmp_path, sources)
    assert watcher("check", "--config", str(cfg)).returncode == 0

    for k, (title, paras) in arts.items():
        if k == "ferry":
            paras = [p.replace("640 passengers", "710 passengers") for p in paras]
        site.put(f"/{k}", page(title, paras, "30,000"))
    assert watcher("check", "--config", str(cfg)).returncode == 0
    got = claim_alerts(alerts_json(cfg))
    assert [(a["source"], a["kind"]) for a in got] == [("ferry", "estimate_changed")], got
    assert "640" in got[0]["explanation"] and "710" in got[0]["explanation"]


def test_the_same_article_twice_is_no_template_evidence(site, tmp_path):
    title, paras = pages.ARTICLES["county_budget"]
    site.put("/a", page(title, paras, "25,000"))
    site.put("/a-print", page(title, paras, "25,000"))
    cfg = write_config(tmp_path, [{"id": "a", "url": site.url("/a")}, {"id": "print", "url": site.url("/a-print")}])
    assert watcher("check", "--config", str(cfg)).returncode == 0
    edited = [p.replace("47 bridges", "52 bridges") for p in paras]
    site.put("/a", page(title, edited, "25,000"))
    site.put("/a-print", page(title, edited, "25,000"))
    assert watcher("check", "--config", str(cfg)).returncode == 0
    got = claim_alerts(alerts_json(cfg))
    assert sorted(a["source"] for a in got) == ["a", "print"], got
    assert all(a["kind"] == "estimate_changed" and "47" in a["explanation"] for a in got), got
