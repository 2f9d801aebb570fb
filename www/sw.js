// abridge's service worker: the page and the summarizer work offline after one visit.
//
// Cache-first from one versioned cache. scripts/site.mjs writes VERSION (the package
// version plus a hash of every file) and ASSETS (every file of the site), so each
// release has its own cache: a new sw.js installs it, waits until the page says to
// take over (or every old page is closed), and then deletes the old one. Only
// same-origin GET requests are answered; the page makes no others. What is not one of
// the app's files (another page on the same host, a missing path) goes to the network,
// offline too: the app stands in for no other page.
const VERSION = "dev";
const ASSETS = ["./", "index.html", "style.css", "main.js", "worker.js", "pkg/abridge.js", "pkg/abridge_bg.wasm", "manifest.webmanifest", "icon.svg"];
const CACHE = `abridge-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Bypass the HTTP cache, so the cache holds exactly this release's files.
      await cache.addAll(ASSETS.map((asset) => new Request(asset, { cache: "reload" })));
    })(),
  );
});

// A new release waits while an old page is open (its scripts and wasm must stay of
// one release); the page offers "Reload to update", which sends this.
self.addEventListener("message", (event) => {
  if (event.data?.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("abridge-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // (The app's page with a query, "./?from=home", is the app's page.)
      const hit = await cache.match(request, { ignoreSearch: true });
      return hit ?? fetch(request);
    })(),
  );
});
