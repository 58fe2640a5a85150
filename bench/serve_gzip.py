#!/usr/bin/env python3
"""A static server for the benchmark: the build in DIR on 127.0.0.1:PORT, every file sent
gzip-compressed (-9) as a real host would, unknown paths answered with index.html (the app's
routes). Usage: serve_gzip.py DIR PORT"""
import gzip, http.server, mimetypes, os, sys

ROOT, PORT = sys.argv[1], int(sys.argv[2])
TYPES = {".wasm": "application/wasm", ".js": "application/javascript", ".css": "text/css",
         ".html": "text/html; charset=utf-8", ".webmanifest": "application/manifest+json"}
cache = {}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        rel = self.path.split("?")[0].lstrip("/")
        path = os.path.join(ROOT, rel)
        if not rel or not os.path.isfile(path):
            path = os.path.join(ROOT, "index.html")
        if path not in cache:
            with open(path, "rb") as f:
                cache[path] = gzip.compress(f.read(), 9)
        body = cache[path]
        ext = os.path.splitext(path)[1]
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(ext) or mimetypes.guess_type(path)[0] or "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
