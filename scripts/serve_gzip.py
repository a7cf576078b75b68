"""Serve a built site under a sub-path with gzip, for scripts/lighthouse.sh."""
import gzip, http.server, os, sys

root, sub, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
types = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
         ".json": "application/json", ".svg": "image/svg+xml", ".xml": "application/xml",
         ".csv": "text/csv; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".png": "image/png"}

class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?")[0].split("#")[0]
        if not path.startswith(sub):
            return self.send_error(404)
        p = os.path.join(root, path[len(sub):])
        if os.path.isdir(p):
            p = os.path.join(p, "index.html")
        if not os.path.isfile(p):
            return self.send_error(404)
        data = open(p, "rb").read()
        ctype = types.get(os.path.splitext(p)[1], "application/octet-stream")
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Cache-Control", "max-age=600")
        if "gzip" in self.headers.get("Accept-Encoding", "") and not ctype.startswith("image/png"):
            data = gzip.compress(data, 6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *a):
        pass

http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
