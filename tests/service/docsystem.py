#!/usr/bin/env python3
"""A test document system on loopback, as a unit's web document-management system behaves toward
the signing plug-in (issue 19):

  GET  /files/NAME?token=T   the document NAME from --files, when T is the current short-lived
                             token (401 otherwise)
  POST /upload?token=T       multipart/form-data with the signed file in the field "uploadfile";
                             stored in --out, answered like the VGCA handlers:
                             {"Status":0,"Message":"","FileName":...,"FileServer":...,
                              "DocumentNumber":...}
  POST /upload-refuses       answers {"Status":1,"Message":"Văn bản đã được ký"}
  GET  /redirect             302 to http://127.0.0.2:PORT/files/... (another host)
  GET  /page.html            a page calling the service the way vgcaplugin.js does (for browsers)
  GET  /token                the current token (tests ask it, as a page would get it from the
                             system's own session)
  POST /result               what the page heard from the service, kept as --out/result.json

Prints "PORT <n>" on stdout once listening. Every request is appended to --log as one JSON line.
"""
import argparse
import email.message
import email.parser
import email.policy
import json
import os
import secrets
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN_LIFETIME = 300


class State:
    token = secrets.token_urlsafe(16)
    issued = time.time()


def token_ok(query):
    t = urllib.parse.parse_qs(query).get("token", [""])[0]
    return t == State.token and time.time() - State.issued < TOKEN_LIFETIME


def upload_part(ctype, body):
    """The field "uploadfile" of a multipart/form-data body: (file name, bytes), or None. The
    parts are split on the boundary (RFC 7578) and each part's headers read by the email parser,
    so that a large file costs one split, not a MIME tree."""
    params = email.message.Message()
    params["Content-Type"] = ctype
    if params.get_content_type() != "multipart/form-data" or not params.get_boundary():
        return None
    delimiter = b"--" + params.get_boundary().encode()
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break  # the closing delimiter
        head, sep, payload = chunk.partition(b"\r\n\r\n")
        if not sep:
            continue
        headers = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            head.lstrip(b"\r\n") + b"\r\n\r\n")
        if headers.get_param("name", header="content-disposition") != "uploadfile":
            continue
        name = os.path.basename(headers.get_filename() or "upload.bin")
        return name, payload[:-2] if payload.endswith(b"\r\n") else payload
    return None


class Handler(BaseHTTPRequestHandler):
    server_version = "docsystem/1"

    def log_message(self, fmt, *args):
        pass

    def record(self, status, extra=None):
        entry = {"method": self.command, "path": self.path, "status": status}
        if extra:
            entry.update(extra)
        with open(self.server.args.log, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def send(self, status, body, ctype="application/json; charset=utf-8", headers=None):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
        self.record(status)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/token":
            return self.send(200, State.token, "text/plain")
        if url.path == "/redirect":
            port = self.server.server_address[1]
            return self.send(302, "", headers={"Location": f"http://127.0.0.2:{port}/files/letter.pdf"})
        if url.path == "/page.html" and self.server.args.page:
            with open(self.server.args.page, "rb") as f:
                return self.send(200, f.read(), "text/html; charset=utf-8")
        if url.path.startswith("/files/"):
            if not token_ok(url.query):
                return self.send(401, '{"error":"token"}')
            name = os.path.basename(urllib.parse.unquote(url.path[len("/files/"):]))
            path = os.path.join(self.server.args.files, name)
            if not os.path.isfile(path):
                return self.send(404, '{"error":"no such file"}')
            with open(path, "rb") as f:
                return self.send(200, f.read(), "application/octet-stream")
        return self.send(404, '{"error":"not found"}')

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        if url.path == "/result":
            os.makedirs(self.server.args.out, exist_ok=True)
            with open(os.path.join(self.server.args.out, "result.json"), "wb") as f:
                f.write(body)
            return self.send(200, "{}")
        if url.path == "/upload-refuses":
            return self.send(200, json.dumps({"Status": 1, "Message": "Văn bản đã được ký"}))
        if url.path != "/upload":
            return self.send(404, '{"error":"not found"}')
        if not token_ok(url.query):
            return self.send(401, '{"error":"token"}')
        part = upload_part(self.headers.get("Content-Type", ""), body)
        if part is None:
            return self.send(400, '{"Status":1,"Message":"no uploadfile"}')
        name, payload = part
        os.makedirs(self.server.args.out, exist_ok=True)
        with open(os.path.join(self.server.args.out, name), "wb") as f:
            f.write(payload)
        answer = {"Status": 0, "Message": "", "FileName": name,
                  "FileServer": json.dumps({"url": "/files/signed/" + name}),
                  "DocumentNumber": "79/SYT-VP"}
        return self.send(200, json.dumps(answer, ensure_ascii=False))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--page", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                   "plugin_page.html"))
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    srv = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    srv.args = args
    print("PORT", srv.server_address[1], flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
