"""HTTPS sources against a real TLS server on 127.0.0.1 with a certificate of its own: the page is
fetched when the certificate is trusted the way OpenSSL is told to trust one (``SSL_CERT_FILE``),
refused with a certificate error when it is not — directly and behind a redirect from http:// —
and a pass over http:// sources never reads the system's certificate store (it costs a tenth of a
one-source check, and is read at the first request that may use TLS)."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import watcher, write_config
from .fixtures import fault_server as fs

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a certificate")

PARAS = ["The port authority said an estimated 7,000 containers of munitions were stored at the dock.",
         "Two officials familiar with the inquiry said the agency seems to be providing support to it."]


@pytest.fixture(scope="module")
def cert(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key."""
    d = tmp_path_factory.mktemp("tls")
    crt, key = d / "cert.pem", d / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(crt)],
                   check=True, capture_output=True)
    return crt, key


@pytest.fixture
def https(cert: tuple[Path, Path]):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(*cert)
    s = fs.FaultServer(tls=ctx)
    s.routes["/story"] = fs.page(fs.article("Port inquiry", PARAS))
    s.start()
    yield s
    s.stop()


@pytest.fixture
def plain():
    s = fs.FaultServer().start()
    yield s
    s.stop()


def _check(tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch, trusted: Path | None) -> dict:
    if trusted is None:
        monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    else:
        monkeypatch.setenv("SSL_CERT_FILE", str(trusted))
    cfg = write_config(tmp_path, [{"id": "story", "url": url, "allow_private": True}])
    p = watcher("check", "--config", str(cfg), "--json", cwd=tmp_path)
    return {"rc": p.returncode, "stderr": p.stderr, "out": p.stdout}


def test_https_page_is_fetched_when_its_certificate_is_trusted(tmp_path, https, cert, monkeypatch):
    r = _check(tmp_path, https.url("/story"), monkeypatch, trusted=cert[0])
    assert r["rc"] == 0, r
    assert https.hits.get("/story") == 1
    assert "error" not in r["out"].lower(), r["out"]


def test_https_page_with_an_untrusted_certificate_is_refused(tmp_path, https, monkeypatch):
    r = _check(tmp_path, https.url("/story"), monkeypatch, trusted=None)
    assert "certificate" in (r["out"] + r["stderr"]).lower(), r
    assert "Traceback" not in r["stderr"]
    assert https.hits.get("/story") is None  # the handshake failed: no request reached the page


def test_redirect_from_http_to_https_is_verified(tmp_path, https, plain, cert, monkeypatch):
    plain.routes["/old"] = fs.redirect(https.url("/story"))
    (tmp_path / "ok").mkdir()
    (tmp_path / "bad").mkdir()
    ok = _check(tmp_path / "ok", plain.url("/old"), monkeypatch, trusted=cert[0])
    assert ok["rc"] == 0 and https.hits.get("/story") == 1, ok
    bad = _check(tmp_path / "bad", plain.url("/old"), monkeypatch, trusted=None)
    assert "certificate" in (bad["out"] + bad["stderr"]).lower(), bad
    assert https.hits.get("/story") == 1


def test_plain_http_never_reads_the_certificate_store(plain):
    """In a fresh process: importing the fetch stage and fetching http:// pages leaves aiohttp's
    default contexts empty; the first https:// request fills them with the system's store."""
    plain.routes["/p"] = fs.page(fs.article("Plain", PARAS))
    code = f"""
import asyncio
from watcher.fetch import fetch, make_client
import aiohttp.connector as c
async def main(url):
    async with make_client("t") as client:
        return await fetch(client, url, allow_private=True, respect_robots=False, retries=0)
r = asyncio.run(main({plain.url('/p')!r}))
print(r.ok, c._SSL_CONTEXT_VERIFIED.cert_store_stats()["x509_ca"])
asyncio.run(main("https://127.0.0.1:9/"))
print(c._SSL_CONTEXT_VERIFIED.cert_store_stats()["x509_ca"])
"""
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    first, after = p.stdout.split("\n")[:2]
    assert first == "True 0"
    if ssl.create_default_context().cert_store_stats()["x509_ca"]:  # a machine whose store is a file
        assert int(after) > 0


def test_only_the_importing_thread_waits_for_its_certificates():
    """While aiohttp is imported, a context another thread makes (a notifier's, say) gets its
    certificates at once; the importing thread's own waits for the first TLS request."""
    import threading

    from watcher.fetch import certs

    stored = ssl.create_default_context().cert_store_stats()["x509_ca"]
    other: dict[str, int] = {}
    with certs.deferred():
        t = threading.Thread(target=lambda: other.setdefault("n", ssl.create_default_context().cert_store_stats()["x509_ca"]))
        t.start()
        t.join()
        mine = ssl.create_default_context()
    assert other["n"] == stored
    assert mine.cert_store_stats()["x509_ca"] == 0 or not stored
    certs.before_request("http://example.org/", None)  # plain HTTP: still not needed
    assert mine.cert_store_stats()["x509_ca"] == 0 or not stored
    certs.before_request("https://example.org/", None)
    assert mine.cert_store_stats()["x509_ca"] == stored
    assert "set_default_verify_paths" not in vars(ssl.SSLContext)  # nothing left changed
