#!/usr/bin/env python3
"""The HTTP API under abuse: each class of hostile or broken client against a running
`retold serve`, with what the server must do about it. Prints one line per class (requests,
statuses seen, verdict) and exits non-zero if any class fails or the server stops answering.

Usage: api-abuse.py HOST PORT TOKEN IDLE_TIMEOUT_SECONDS BODY_TIMEOUT_SECONDS MAX_BODY_BYTES

Standard library only: raw sockets, so that nothing between the script and the server
repairs a malformed request.
"""
import json
import socket
import sys
import threading
import time
import urllib.error
import urllib.request

HOST, PORT, TOKEN = sys.argv[1], int(sys.argv[2]), sys.argv[3]
IDLE, BODY_TIMEOUT, MAX_BODY = float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
results = []


def connect(timeout=10.0):
    s = socket.create_connection((HOST, PORT), timeout=timeout)
    s.settimeout(timeout)
    return s


def status_of(raw):
    """The status code of a raw response, or None when the server sent nothing."""
    if not raw:
        return None
    line = raw.split(b"\r\n", 1)[0].split(b" ")
    return int(line[1]) if len(line) > 1 and line[1].isdigit() else None


def send_raw(payload, timeout=15.0):
    """Sends bytes, reads until the server closes or stops sending; returns the status."""
    s = connect(timeout)
    try:
        s.sendall(payload)
        chunks = []
        while True:
            try:
                chunk = s.recv(65536)
            except (socket.timeout, ConnectionResetError):
                break
            if not chunk:
                break
            chunks.append(chunk)
            if b"\r\n\r\n" in b"".join(chunks):
                head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
                length = [l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
                if length and len(body) >= int(length[0].split(b":")[1]):
                    break
        return status_of(b"".join(chunks))
    except (BrokenPipeError, ConnectionResetError):
        return None
    finally:
        s.close()


def request(method, path, body=None, content_type="application/json", token=None, timeout=60.0):
    headers = {"Connection": "close"}
    if body is not None:
        headers["Content-Type"] = content_type
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(f"http://{HOST}:{PORT}{path}", data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def record(name, statuses, ok, note=""):
    seen = ", ".join(f"{s}" for s in sorted(set(statuses), key=str)) if statuses else "-"
    results.append((name, len(statuses), seen, ok, note))


def no_server_error(statuses):
    return all(s is None or s < 500 for s in statuses)


def documents():
    status, body = request("GET", "/healthz")
    return json.loads(body)["documents"] if status == 200 else None


def seconds_until_closed(first, then=b"", every=None, limit=None):
    """Sends `first`, then one byte of `then` every `every` seconds; returns the seconds until
    the server closed the connection, or None if it was still open after `limit`."""
    s = connect(timeout=1.0)
    start = time.monotonic()
    try:
        s.sendall(first)
        position = 0
        while time.monotonic() - start < limit:
            if every is not None and position < len(then):
                try:
                    s.sendall(then[position:position + 1])
                except (BrokenPipeError, ConnectionResetError):
                    return time.monotonic() - start
                position += 1
            try:
                data = s.recv(4096)
                if not data:
                    return time.monotonic() - start
            except socket.timeout:
                pass
            except ConnectionResetError:
                return time.monotonic() - start
            if every is not None:
                time.sleep(max(0.0, every - 1.0))
        return None
    finally:
        s.close()


before = documents()

# Slow clients: a request line and then nothing, headers sent a byte at a time, a body sent a
# byte at a time. Each must be cut off, not hold a connection for ever.
limit = max(IDLE, BODY_TIMEOUT) * 3 + 10
closed = seconds_until_closed(b"GET /healthz HTTP/1.1\r\n", limit=limit)
record("stalled after the request line", [], closed is not None, f"closed after {closed:.1f} s" if closed else "never closed")
closed = seconds_until_closed(b"GET /healthz HTTP/1.1\r\n", then=b"X-Slow: " + b"a" * 200, every=1.0, limit=limit)
record("headers a byte a second (slowloris)", [], closed is not None, f"closed after {closed:.1f} s" if closed else f"open after {limit:.0f} s")
body_head = b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
closed = seconds_until_closed(body_head, then=b'{"text": "' + b"a" * 4000, every=1.0, limit=limit)
record("body a byte a second", [], closed is not None, f"closed after {closed:.1f} s" if closed else f"open after {limit:.0f} s")

# Many idle connections: the server keeps answering others, and closes the idle ones.
idle = []
for _ in range(400):
    try:
        idle.append(connect(timeout=2.0))
    except OSError:
        break
start = time.monotonic()
status, _ = request("GET", "/healthz", timeout=10)
answered = time.monotonic() - start
time.sleep(IDLE + 3)
still_open = 0
for s in idle:
    try:
        s.settimeout(0.2)
        if s.recv(1) != b"":
            still_open += 1
    except socket.timeout:
        still_open += 1
    except OSError:
        pass
    s.close()
record(f"{len(idle)} idle connections", [status], status == 200 and answered < 5 and still_open == 0,
       f"a request beside them took {answered * 1000:.0f} ms; {still_open} still open after the idle timeout")

# Oversized and malformed heads.
statuses = [send_raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n"),
            send_raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(5000)) + b"\r\n"),
            send_raw(b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")]
record("oversized header, 5,000 headers, 100 KB path", statuses, no_server_error(statuses))
statuses = [send_raw(b"GARBAGE\r\n\r\n"), send_raw(b"GET / HTTP/9.9\r\n\r\n"), send_raw(b"\x00\xff\xfe\r\n\r\n"),
            send_raw(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"),
            send_raw(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
record("malformed request lines, lengths and chunking", statuses, no_server_error(statuses))

# Hostile JSON bodies.
deep = b"[" * 100_000 + b"]" * 100_000
statuses = [request("POST", "/v1/compare", deep)[0], request("POST", "/v1/documents", deep, token=TOKEN)[0],
            request("POST", "/v1/check", b'{"text": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001)[0]]
record("JSON nested 100,000 deep", statuses, all(s == 400 for s in statuses))
huge = b'{"text": "' + b"word " * (MAX_BODY // 5 + 10) + b'"}'
statuses = [request("POST", "/v1/check", huge)[0], request("POST", "/v1/documents", huge, token=TOKEN)[0]]
record("body over --max-body", statuses, all(s == 413 for s in statuses))
statuses = [request("POST", "/v1/check", b'{"text": "a\xff\xfe b"}')[0],
            request("POST", "/v1/compare", b'{"a": {"text": "\xc3\x28"}, "b": {"text": "x"}}')[0],
            request("POST", "/v1/documents", b'[{"text": "\xed\xa0\x80 surrogate"}]', token=TOKEN)[0]]
record("invalid UTF-8 in JSON", statuses, all(s == 400 for s in statuses))
statuses = [request("POST", "/v1/check", b'{"text": "fine"}', content_type="text/plain")[0],
            request("POST", "/v1/check", b"text=fine", content_type="application/x-www-form-urlencoded")[0],
            request("POST", "/v1/check", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png")[0],
            request("POST", "/v1/check", b"", content_type="application/json")[0]]
record("wrong content types, empty body", statuses, all(400 <= s < 500 for s in statuses))
statuses = [request("POST", "/v1/check", json.dumps({"text": 12}).encode())[0],
            request("POST", "/v1/compare", json.dumps({"a": [], "b": None}).encode())[0],
            request("POST", "/v1/search", json.dumps({"text": "x", "limit": 10 ** 30}).encode())[0],
            request("POST", "/v1/search", json.dumps({"text": "x", "limit": -1}).encode())[0],
            request("POST", "/v1/search", b'{"text": "x", "limit": 1e400}')[0]]
record("wrong types and out-of-range numbers", statuses, all(s == 400 for s in statuses))

# Filter values that try SQL injection: refused or treated as plain values; nothing changes.
injections = ["' OR '1'='1", "x'; DROP TABLE document; --", "1; DELETE FROM link", "\" OR 1=1 --", "%27%20OR%201=1"]
statuses = []
for value in injections:
    quoted = urllib.request.quote(value)
    statuses.append(request("GET", f"/v1/clusters?outlet={quoted}")[0])
    statuses.append(request("GET", f"/v1/clusters?from={quoted}")[0])
    statuses.append(request("GET", f"/v1/documents/{quoted}")[0])
    statuses.append(request("POST", "/v1/search", json.dumps({"text": "missiles", "outlets": [value], "until": value}).encode())[0])
    statuses.append(request("POST", "/v1/search", json.dumps({"text": "missiles", "exclude_outlets": [value]}).encode())[0])
after = documents()
record("SQL injection in filters and ids", statuses, no_server_error(statuses) and after == before,
       f"documents before {before}, after {after}")

# Writes without the token, or with a wrong one.
statuses = [request("POST", "/v1/documents", b'{"text": "no token"}')[0],
            request("POST", "/v1/documents", b'{"text": "wrong token"}', token=TOKEN + "x")[0],
            request("POST", "/v1/links", b"", token="")[0]]
record("writes without the right token", statuses, all(s == 401 for s in statuses) and documents() == before)

# A flood: 64 clients at once, 5 requests each, mixing cheap and costly calls.
flood = []
lock = threading.Lock()
payloads = [("GET", "/healthz", None), ("POST", "/v1/check", b'{"text": "Seoul said on Monday that two missiles were fired."}'),
            ("POST", "/v1/search", b'{"text": "North Korea fired two missiles on Monday, Seoul said."}'), ("GET", "/v1/clusters", None)]


def client(n):
    for i in range(5):
        method, path, body = payloads[(n + i) % len(payloads)]
        try:
            status = request(method, path, body, timeout=120)[0]
        except OSError:
            status = None
        with lock:
            flood.append(status)


threads = [threading.Thread(target=client, args=(n,)) for n in range(64)]
for t in threads:
    t.start()
for t in threads:
    t.join()
record("64 clients at once, 320 requests", flood, all(s is not None and s < 500 for s in flood),
       f"{sum(1 for s in flood if s is None)} without an answer")

alive = documents() == before
width = max(len(r[0]) for r in results)
for name, count, seen, ok, note in results:
    print(f"{'ok  ' if ok else 'FAIL'} {name.ljust(width)}  {str(count).rjust(3)} requests  statuses {seen}" + (f"  ({note})" if note else ""))
print(("ok  " if alive else "FAIL") + " the server still answers, with the same documents")
sys.exit(0 if alive and all(r[3] for r in results) else 1)
