"""Page bytes → text: charset from BOM, header, meta or detection; bad bytes replaced, never fatal."""

from __future__ import annotations

import codecs

import pytest

from watcher.extract import decode, extract

RU = "Совет округа утвердил бюджет в 2,5 миллиарда долларов, что на 6,4 процента больше прошлогоднего. " * 3
JA = "東京都は火曜日、新しい予算案を承認した。道路の修理に多くの費用がかかると当局者は述べた。" * 3


def test_declared_charset_wins_then_meta():
    assert decode("Größe".encode("cp1252"), "windows-1252") == "Größe"
    html = b'<html><head><meta charset="windows-1251"></head><body>' + RU.encode("cp1251")
    assert RU in decode(html)
    old_style = b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">' + RU.encode("koi8-r")
    assert RU in decode(old_style)


def test_latin1_label_is_read_as_windows_1252_like_browsers():
    body = "\u201cQuoted\u201d caf\u00e9".encode("cp1252")
    assert decode(body, "iso-8859-1") == "\u201cQuoted\u201d caf\u00e9"


def test_byte_order_mark_beats_a_wrong_declaration():
    assert decode(codecs.BOM_UTF16_LE + "héllo wörld".encode("utf-16-le"), "iso-8859-1") == "héllo wörld"
    assert decode(codecs.BOM_UTF8 + "naïve".encode(), "windows-1251") == "naïve"


@pytest.mark.parametrize("text, enc", [(RU, "cp1251"), (JA, "shift_jis"), ("Un café à Paris, s'il vous plaît.", "cp1252")])
def test_undeclared_legacy_encodings_are_detected(text, enc):
    assert decode(text.encode(enc)) == text


def test_broken_utf8_keeps_the_good_characters():
    body = "Zürich “budget” — ".encode() * 20 + b"bad \xff byte and \xc3 truncated"
    out = decode(body)
    assert "Zürich “budget”" in out and "\ufffd" in out


@pytest.mark.parametrize("label", ["idna", "utf-7", "unicode_escape", "punycode", "base64", "no-such-thing",
                                   "'utf-8'", ""])
def test_hostile_or_unknown_labels_never_crash(label):
    body = b"<meta charset=" + label.encode() + b">" + "café +AGEA- \\u0041".encode()
    out = decode(body, label or None)
    assert "caf" in out and "+AGEA-" in out  # not interpreted as UTF-7 or escapes


def test_a_windows_1251_page_extracts_to_russian_paragraphs():
    paras = [RU, "Расходы на дороги выросли почти в три раза за пять лет, сообщили в администрации. " * 2]
    html = ('<html><head><meta charset="windows-1251"><title>Бюджет</title></head><body><article>'
            + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>").encode("cp1251")
    doc = extract(html)
    assert "миллиарда" in doc.text and "\ufffd" not in doc.text
