"""HTTP GET for ``dateline watch``, bounded against hostile servers.

- **One deadline per request**, the whole of it: name lookup, connecting, every redirect hop,
  the headers and the body. httpx bounds each read, so a server that trickles a byte a second
  would hold a request for ever; here every read and write of the connection is given only
  what is left of the request's time (:class:`_Deadline` streams).
- **A size cap**: a ``Content-Length`` over it is refused before reading, and the body is
  counted while it is read.
- **One content encoding** (gzip or deflate, as asked for), decoded with the cap applied while
  decoding: a few KB declaring ``gzip, gzip, gzip`` cannot inflate to gigabytes first.
  Redirect responses are never read (httpx reads, and decodes, a redirect's whole body).
- **Public addresses only**: each connection resolves the host itself, refuses a loopback,
  private, link-local, multicast or reserved address and connects to the address it checked
  (no second lookup for a rebinding DNS server to answer differently). This holds for every
  redirect hop. Exceptions: ``allow_private`` (the user's explicit option), and the origin
  (host and port) of a URL the user named (:meth:`Fetcher.get` with ``named=True``: the feeds
  of ``feeds.txt``). Proxies from the environment are not used (the check must see the address).
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
import zlib
from dataclasses import dataclass
from email.message import Message
from typing import Optional

import httpcore
import httpx

USER_AGENT = "dateline-watch/0.1 (+https://dateline.invalid)"
MAX_BYTES = 10 * 1024 * 1024     # larger responses are not feeds or articles
MAX_REDIRECTS = 10
_REDIRECTS = (301, 302, 303, 307, 308)


class FetchError(Exception):
    """A URL could not be had (network error, timeout, HTTP status, too large, refused address)."""

    def __init__(self, reason: str, transient: bool = True):
        super().__init__(reason)
        self.transient = transient          # worth asking again within the pass


class Refused(FetchError):
    """What dateline will not fetch however often it is asked: a non-public address nobody named,
    stacked or unknown content encodings, a redirect to another scheme."""

    def __init__(self, reason: str):
        super().__init__(f"refused: {reason}", transient=False)


class AddressRefused(Exception):
    """A connection to a non-public address nobody named (raised inside the transport, where an
    httpx error would be retried)."""


@dataclass
class Fetched:
    status_code: int
    headers: httpx.Headers
    content: bytes
    url: str

    @property
    def text(self) -> str:
        """The body as text, in the charset of its Content-Type (else UTF-8), never failing (as httpx's)."""
        message = Message()
        message["content-type"] = self.headers.get("Content-Type", "")
        charset = message.get_param("charset")
        charset = charset if isinstance(charset, str) else None
        try:
            return self.content.decode(charset or "utf-8", errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")


# --- addresses -----------------------------------------------------------------------------
def non_public(ip: str) -> Optional[str]:
    """What kind of non-public address ``ip`` is ("loopback", "private", ...), or None when public."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if addr.version == 6 and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(addr, f"is_{kind}"):
            return kind.replace("_", "-")
    if not addr.is_global:
        return "non-global"
    return None


def _resolve(host: str, port: int, timeout: float) -> list[tuple]:
    """``getaddrinfo`` within ``timeout`` (it has no timeout of its own: a thread waits for it)."""
    result: dict = {}

    def lookup() -> None:
        try:
            result["ok"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as e:
            result["error"] = e

    worker = threading.Thread(target=lookup, daemon=True, name="dateline-resolve")
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise httpcore.ConnectTimeout(f"looking up {host} took longer than the request's deadline")
    if "error" in result:
        raise httpcore.ConnectError(f"cannot resolve {host}: {result['error']}")
    return result["ok"]


# --- the network backend: checked addresses, one deadline --------------------------------------
class _Backend(httpcore.NetworkBackend):
    """httpcore's own socket backend, connecting only to checked addresses, with every read and
    write bounded by the current request's deadline."""

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private
        self.named: set[tuple[str, int]] = set()     # origins the user named (may be private)
        self.deadline: Optional[float] = None        # time.monotonic() by which the request must end
        self._sockets = httpcore.SyncBackend()

    def remaining(self, exc: type) -> float:
        if self.deadline is None:
            return 3600.0
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise exc("the request's deadline has passed")
        return left

    def connect_tcp(self, host: str, port: int, timeout: Optional[float] = None,
                    local_address: Optional[str] = None, socket_options=None) -> httpcore.NetworkStream:
        budget = self.remaining(httpcore.ConnectTimeout)
        infos = _resolve(host, port, min(timeout or budget, budget))
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
        if not self.allow_private and (host.lower(), port) not in self.named:
            for ip in addresses:
                kind = non_public(ip)
                if kind:
                    raise AddressRefused(f"{host} is at {ip}, a {kind} address (only public addresses are "
                                         "fetched unless --allow-private-addresses)")
        error: Optional[Exception] = None
        for ip in addresses:                 # connect to the address checked, not to the name
            budget = self.remaining(httpcore.ConnectTimeout)
            try:
                stream = self._sockets.connect_tcp(ip, port, min(timeout or budget, budget), local_address,
                                                   socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                error = e
                continue
            return _Deadline(stream, self)
        raise error or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, path, timeout=None, socket_options=None):  # pragma: no cover
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, self.remaining(httpcore.PoolTimeout)))


class _Deadline(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, backend: _Backend):
        self._stream, self._backend = stream, backend

    def _bound(self, timeout: Optional[float], exc: type) -> float:
        left = self._backend.remaining(exc)
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: Optional[float] = None) -> bytes:
        return self._stream.read(max_bytes, self._bound(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: Optional[float] = None) -> None:
        self._stream.write(buffer, self._bound(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, self._bound(timeout, httpcore.ConnectTimeout))
        return _Deadline(tls, self._backend)

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class _Transport(httpx.HTTPTransport):
    """httpx's transport over a connection pool with :class:`_Backend` (httpcore's documented
    ``network_backend`` hook; httpx has no parameter for it)."""

    def __init__(self, backend: _Backend, keepalive: bool):
        super().__init__(trust_env=False)
        if not isinstance(getattr(self, "_pool", None), httpcore.ConnectionPool):  # pragma: no cover
            raise RuntimeError("this httpx keeps its connection pool elsewhere: dateline.fetch needs updating")
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(), network_backend=backend,
                                             max_connections=20, max_keepalive_connections=10 if keepalive else 0,
                                             keepalive_expiry=5.0)


# --- decoding --------------------------------------------------------------------------------
class _Inflate:
    """gzip or deflate, giving at most ``limit`` bytes per call (the rest waits in the decoder)."""

    def __init__(self, encoding: str):
        self.encoding = encoding
        self._z = zlib.decompressobj(16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS)
        self._started = False

    def decode(self, data: bytes, limit: int) -> bytes:
        """Up to ``limit`` bytes decoded from what is pending and ``data``."""
        try:
            out = self._z.decompress(self._z.unconsumed_tail + data, limit)
        except zlib.error as e:
            if self.encoding == "deflate" and not self._started:     # raw deflate, as some servers send
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                self._started = True
                return self.decode(data, limit)
            raise FetchError(f"cannot decode the {self.encoding} body: {e}", transient=False)
        self._started = True
        return out


def _decoder(response: httpx.Response) -> Optional[_Inflate]:
    codings = [c.strip().lower() for value in response.headers.get_list("Content-Encoding")
               for c in value.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if len(codings) > 1:
        raise Refused(f"{len(codings)} content encodings ({', '.join(codings)[:80]}); one is accepted")
    if not codings:
        return None
    if codings[0] not in ("gzip", "x-gzip", "deflate"):
        raise Refused(f"content encoding {codings[0][:40]!r} (gzip and deflate are accepted)")
    return _Inflate(codings[0])


# --- the fetcher -----------------------------------------------------------------------------
def _origin(url: str) -> tuple[str, int]:
    """(host, port) as the connection sees them (an international name in its ASCII form)."""
    u = httpx.URL(url)
    return (u.raw_host.decode("ascii").lower(), u.port or (443 if u.scheme == "https" else 80))


class Fetcher:
    """GET with one deadline per request (``timeout`` seconds), a size cap, one content encoding,
    public addresses only (see the module), and a few retries for transient failures."""

    def __init__(self, timeout: float = 10.0, retries: int = 2, retry_delay: float = 2.0,
                 allow_private: bool = False, max_bytes: int = MAX_BYTES):
        self.timeout = timeout
        self.retries = retries
        self.retry_delay = retry_delay
        self.max_bytes = max_bytes
        # named URLs (feeds) and found ones (entry pages) never share a connection: one made to a
        # named private origin must not serve a link found in a feed; feeds keep none alive at all
        self._named = _Backend(allow_private)
        self._found = _Backend(allow_private)
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
        timeouts = httpx.Timeout(timeout)
        self._clients = {
            True: httpx.Client(transport=_Transport(self._named, keepalive=False), timeout=timeouts,
                               headers=headers, follow_redirects=False, trust_env=False),
            False: httpx.Client(transport=_Transport(self._found, keepalive=True), timeout=timeouts,
                                headers=headers, follow_redirects=False, trust_env=False),
        }

    def close(self) -> None:
        for client in self._clients.values():
            client.close()

    def get(self, url: str, headers: Optional[dict] = None, named: bool = False) -> Fetched:
        """The response (status 200 or 304); :class:`FetchError` after the retries. ``named``: the
        user named this URL, so its own origin may be a private address (not where it redirects)."""
        for attempt in range(self.retries + 1):
            try:
                return self._get_once(url, headers or {}, named)
            except FetchError as e:
                if not e.transient or attempt == self.retries:
                    raise
            except AddressRefused as e:
                raise Refused(str(e))
            except (httpx.UnsupportedProtocol, httpx.InvalidURL) as e:     # file://, ftp://, garbage
                raise Refused(f"unusable URL {url[:80]!r}: {e}")
            except httpx.HTTPError as e:  # connection refused, timeouts, protocol errors
                if attempt == self.retries:
                    raise FetchError(f"{type(e).__name__}: {e}" if str(e) else type(e).__name__)
            except (ValueError, UnicodeError) as e:   # a URL httpx cannot even parse
                raise Refused(f"unusable URL {url[:80]!r}: {e}")
            time.sleep(self.retry_delay * 2 ** attempt)
        raise AssertionError("unreachable")

    def _get_once(self, url: str, headers: dict, named: bool) -> Fetched:
        backend = self._named if named else self._found
        backend.named = {_origin(url)} if named else set()
        backend.deadline = time.monotonic() + self.timeout
        try:
            for _ in range(MAX_REDIRECTS + 1):
                with self._clients[named].stream("GET", url, headers=headers) as response:
                    location = response.headers.get("Location")
                    if response.status_code in _REDIRECTS and location:
                        url = str(response.url.join(location))       # (its body is never read)
                        if httpx.URL(url).scheme not in ("http", "https"):
                            raise Refused(f"redirect to {url[:80]}")
                        continue
                    return self._read(response)
            raise FetchError(f"more than {MAX_REDIRECTS} redirects", transient=False)
        finally:
            backend.deadline = None

    def _read(self, response: httpx.Response) -> Fetched:
        status = response.status_code
        if status == 304:
            return Fetched(304, response.headers, b"", str(response.url))
        if status != 200:
            raise FetchError(f"HTTP {status}", transient=status >= 500 or status == 429)
        declared = response.headers.get("Content-Length", "").strip()
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"response of {int(declared):,} bytes declared (limit {self.max_bytes:,})",
                             transient=False)
        decoder = _decoder(response)
        body = bytearray()
        too_large = FetchError(f"response larger than {self.max_bytes:,} bytes", transient=False)
        for chunk in response.iter_raw(1 << 16):
            # (a decoder that stops at the limit has more to give: one byte over it is enough to know)
            body += chunk if decoder is None else decoder.decode(chunk, self.max_bytes - len(body) + 1)
            if len(body) > self.max_bytes:
                raise too_large
        headers = httpx.Headers([(k, v) for k, v in response.headers.multi_items()
                                 if k.lower() not in ("content-encoding", "content-length")])
        return Fetched(status, headers, bytes(body), str(response.url))
