#!/usr/bin/env python3
"""Trunk post-build hook: locks the page down and writes the one-file app.

1. The served `index.html` gets a Content-Security-Policy: everything from the page's own
   origin, nothing from any other; no inline script but Trunk's loader, allowed by its hash;
   WebAssembly allowed to compile.
2. `planwork.html`: the whole app in one self-contained file that runs from disk (file://):
   the stylesheet and favicon inlined, the wasm-bindgen JavaScript inlined as a module (its
   `export`s removed) with the wasm inlined gzipped and base64-encoded (unpacked by the
   browser's DecompressionStream), started with `__wbg_init({module_or_path:
   bytes})`. Its policy allows no connection at all, and the one inline script by its hash.
3. The forecast worker (see `src/forecast/forecast_run.rs`): it runs the app's own wasm module, which
   the page posts it. Served, it is `forecast-worker.js`, which imports the glue beside it;
   in `planwork.html` (where Chromium refuses a worker from a `file://` URL) the glue and the
   same start-up code are a string in the page, started from a `blob:` URL that the page
   leaves in `globalThis.planworkForecastWorker` (the policy allows `worker-src blob:`); a
   classic worker, as Chromium starts no module worker from `blob:` on a `file://` page.

Trunk runs it with TRUNK_STAGING_DIR set (the build's output before it moves to dist/); it
can also be run by hand on a built folder: `python3 scripts/post_build.py dist`.
Standard library only.
"""
import base64
import gzip
import hashlib
import json
import os
import re
import sys
from pathlib import Path

BUDGET_BYTES = 3_400_000


def sha256_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def find(pattern: str, text: str, what: str) -> re.Match:
    match = re.search(pattern, text, re.S)
    if not match:
        sys.exit(f"post_build: cannot find {what} in index.html (has Trunk's output changed?)")
    return match


def strip_exports(module: str) -> str:
    """The glue as an inline module: declarations kept, export statements removed."""
    module = re.sub(r"^export \{[^}]*\};?\s*$", "", module, flags=re.M)
    module = re.sub(r"^export default [^;]+;\s*$", "", module, flags=re.M)
    return re.sub(r"^export (?=(async function|function|class|const|let|var)\b)", "", module, flags=re.M)


# Starts the worker: the first message is the page's WebAssembly.Module; instantiating it
# runs `main`, which sees no `window` and installs the forecast request handler.
WORKER_START = """
self.onmessage = (event) => {
  self.onmessage = null;
  initSync({ module: event.data });
};
"""
WORKER_SCRIPT = "forecast-worker.js"


def worker_script(glue_name: str) -> str:
    """The served worker: imports the hashed glue beside it."""
    return (
        "// Planwork's forecast worker, written by scripts/post_build.py: it starts the app's\n"
        "// own WebAssembly module, posted by the page, which then answers forecast requests.\n"
        f"import {{ initSync }} from './{glue_name}';\n" + WORKER_START
    )


def policy(script_hash: str, served: bool) -> str:
    """The page's Content-Security-Policy: its own origin when served, nothing from disk."""
    if served:
        sources = {
            "default-src": "'self'",
            "script-src": f"'self' 'wasm-unsafe-eval' {script_hash}",
            "style-src": "'self' 'unsafe-inline'",
            "img-src": "'self' data: blob:",
            "connect-src": "'self'",
            "worker-src": "'self' blob:",
        }
    else:
        sources = {
            "default-src": "'none'",
            "script-src": f"'wasm-unsafe-eval' {script_hash}",
            "style-src": "'unsafe-inline'",
            "img-src": "data: blob:",
            "connect-src": "'none'",
            "worker-src": "blob:",
        }
    sources.update({"object-src": "'none'", "base-uri": "'none'", "form-action": "'none'"})
    return "; ".join(f"{name} {value}" for name, value in sources.items())


def main() -> None:
    staging = Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist"))
    index_path = staging / "index.html"
    html = index_path.read_text(encoding="utf-8")
    if 'http-equiv="Content-Security-Policy"' in html:
        return  # already done (the hook is idempotent)
    loader = find(r'<script type="module">(.*?)</script>', html, "Trunk's loader script").group(1)
    glue_name = find(r"from '/?([^']+\.js)'", loader, "the JavaScript glue").group(1)
    wasm_name = find(r"module_or_path: '/?([^']+\.wasm)'", loader, "the wasm file").group(1)
    css_name = find(r'<link rel="stylesheet" href="/?([^"]+\.css)"', html, "the stylesheet").group(1)
    icon_name = find(r'<link rel="icon" href="/?([^"]+)"', html, "the favicon").group(1)

    # 1. The served page.
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(sha256_source(loader), True)}" />'
    html = html.replace('<meta charset="utf-8" />', '<meta charset="utf-8" />\n    ' + meta, 1)
    index_path.write_text(html, encoding="utf-8")

    # 3. The served forecast worker.
    (staging / WORKER_SCRIPT).write_text(worker_script(glue_name), encoding="utf-8")

    # 2. The one-file app.
    glue = strip_exports((staging / glue_name).read_text(encoding="utf-8"))
    # Gzipped (mtime 0: the same build gives the same file): a third of the size.
    wasm = base64.b64encode(gzip.compress((staging / wasm_name).read_bytes(), 9, mtime=0)).decode("ascii")
    # A classic worker: Chromium refuses module workers from blob: on a file:// page.
    worker_source = json.dumps(glue.replace("import.meta.url", "self.location.href") + WORKER_START)
    script = (
        "// The forecast worker: the same glue, started from a blob: URL (no file:// workers).\n"
        + f"const workerSource = {worker_source};\n"
        + "globalThis.planworkForecastWorker = URL.createObjectURL(\n"
        + "  new Blob([workerSource], { type: 'text/javascript' }));\n"
        + glue
        + "\n// The app's WebAssembly, gzipped and inlined so this file needs nothing else (the\n"
        + "// browser's own DecompressionStream unpacks it: no request is made).\n"
        + f'const wasmGzipBase64 = "{wasm}";\n'
        + "const packed = Uint8Array.from(atob(wasmGzipBase64), (c) => c.charCodeAt(0));\n"
        + "const unpacked = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));\n"
        + "const bytes = new Uint8Array(await new Response(unpacked).arrayBuffer());\n"
        + "await __wbg_init({ module_or_path: bytes });\n"
    ).replace("</script", "<\\/script")
    css = (staging / css_name).read_text(encoding="utf-8")
    icon = base64.b64encode((staging / icon_name).read_bytes()).decode("ascii")
    single = f"""<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="{policy(sha256_source(script), False)}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="Planwork: plan programs of work in your browser. This file is the whole app." />
    <title>Planwork</title>
    <link rel="icon" href="data:image/svg+xml;base64,{icon}" />
    <style>{css}</style>
    <script type="module">{script}</script>
  </head>
  <body>
    <noscript>Planwork runs in your browser and needs JavaScript and WebAssembly turned on.</noscript>
  </body>
</html>
"""
    out = staging / "planwork.html"
    out.write_text(single, encoding="utf-8")
    size = out.stat().st_size
    note = "" if size <= BUDGET_BYTES else f" — over the {BUDGET_BYTES:,}-byte budget"
    print(f"post_build: index.html locked down; planwork.html is {size:,} bytes{note}")


if __name__ == "__main__":
    main()
