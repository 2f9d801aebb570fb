#!/usr/bin/env node
// A static server for the built page (site/), for `make demo`, the page tests and the
// benchmark. Node only, no dependencies; listens on 127.0.0.1 only.
//
//   node scripts/serve-site.mjs [PORT] [--root DIR] [--quiet]
//   PORT=8000 node scripts/serve-site.mjs
//
// Port 0 picks a free one. Serves `.wasm` as application/wasm (needed for streaming
// compilation) and the manifest as application/manifest+json. Sends `Cache-Control:
// no-cache` (the service worker does the caching) and the page's CSP as a header too,
// so the worker scripts run under the same policy as the page.
//
// As a module: `const server = await serve({ root, port: 0 })` gives { url, port, close() };
// `serveInChild({ root })` runs the same server in a child process (for timings: a server
// in the same process as Playwright answers only when Playwright's event loop lets it).
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

/**
 * Serves `root` on 127.0.0.1. `onRequest(pathname)` sees every request (tests use it).
 * Resolves once listening.
 */
export function serve({ root = join(here, "..", "site"), port = 0, host = "127.0.0.1", quiet = true, onRequest } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    let status = 200;
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        status = 405;
        res.writeHead(405, { Allow: "GET, HEAD" }).end();
        return;
      }
      const url = new URL(req.url, "http://localhost");
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        status = 400;
        res.writeHead(400).end("bad path");
        return;
      }
      onRequest?.(pathname);
      let file = normalize(join(base, pathname));
      if (file !== base && !file.startsWith(base + sep)) {
        status = 403;
        res.writeHead(403).end("forbidden");
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!pathname.endsWith("/")) {
          status = 301;
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = join(file, "index.html");
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) {
        status = 404;
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": info.size,
        "Cache-Control": "no-cache",
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    } catch (error) {
      status = 500;
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    } finally {
      if (!quiet) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        console.log(`${status} ${req.method} ${req.url} ${ms.toFixed(1)} ms`);
      }
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        server,
        port: actual,
        url: `http://${host}:${actual}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * The same server in a child node process, as `make serve` runs it: its responses do not
 * wait for the caller's event loop. Resolves with { url, port, close() } once listening.
 */
export function serveInChild({ root = join(here, "..", "site") } = {}) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "0", "--root", root, "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  // No server outlives its caller, even one that fails before calling close().
  const kill = () => child.kill();
  process.once("exit", kill);
  child.once("exit", () => process.removeListener("exit", kill));
  return new Promise((resolvePromise, reject) => {
    let out = "";
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`serve-site exited with ${code} before listening`)));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/ on (http:\/\/[^/\s]+\/)/);
      if (!match) return;
      child.stdout.removeAllListeners("data");
      child.stdout.resume();
      const url = match[1];
      resolvePromise({
        url,
        port: Number(new URL(url).port),
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill();
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const root = flag("--root") ?? join(here, "..", "site");
  const quiet = args.includes("--quiet");
  const portArg = args.find((a) => /^\d+$/.test(a));
  const port = Number(portArg ?? process.env.PORT ?? 8000);
  const info = await stat(join(root, "index.html")).catch(() => null);
  if (!info) {
    console.error(`serve-site: ${root}/index.html does not exist; run \`node scripts/site.mjs\` (make site) first`);
    process.exit(1);
  }
  const { url } = await serve({ root, port, quiet });
  console.log(`serving ${root} on ${url} (Ctrl-C to stop)`);
}
