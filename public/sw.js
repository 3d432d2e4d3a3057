// The service worker (docs/decisions/0015-offline.md). Three rules, and nothing else is cached:
//  1. the app shell: the offline page (/offline), fetched WITHOUT cookies so the copy
//     holds nobody's data, with the scripts and styles it loads;
//  2. Next's build files (/_next/static/…: content-hashed, the same for every user): cache first;
//  3. a page that cannot be reached offline answers with the cached offline page.
// Never cached: /api/ (every response), any page fetched with the user's cookie, any
// request that is not a GET. Offline data lives in IndexedDB (lib/offline/store.ts), per user.

const SHELL_CACHE = "pt-shell-v1";
const STATIC_CACHE = "pt-static-v1";
const OFFLINE_URL = "/offline";

/** Fetches the offline page as a signed-out visitor and caches it with what it loads. */
async function cacheShell() {
  const response = await fetch(OFFLINE_URL, { credentials: "omit", cache: "no-store" });
  if (!response.ok) return;
  const html = await response.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((match) => match[1]);
  const assetCache = await caches.open(STATIC_CACHE);
  await Promise.all(
    [...new Set(assets), "/icons/icon-192.png"].map((url) =>
      assetCache.match(url).then((hit) => hit || assetCache.add(url).catch(() => undefined)),
    ),
  );
  await (await caches.open(SHELL_CACHE)).put(OFFLINE_URL, response);
}

self.addEventListener("install", (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== SHELL_CACHE && key !== STATIC_CACHE).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

// A page asks for a fresh shell when it loads online (after a deployment the old one points at old files).
self.addEventListener("message", (event) => {
  if (event.data === "refresh-shell") event.waitUntil(cacheShell().catch(() => undefined));
});

async function cachedShell() {
  const shell = await caches.match(OFFLINE_URL, { cacheName: SHELL_CACHE });
  return shell || new Response("You are offline.", { status: 503, headers: { "Content-Type": "text/plain" } });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;

  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(
      caches.open(STATIC_CACHE).then(async (cache) => {
        const hit = await cache.match(request);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) cache.put(request, response.clone());
        return response;
      }),
    );
    return;
  }

  if (request.mode === "navigate") {
    // Online, every page comes from the server as usual and is not kept; offline, the offline page.
    event.respondWith(fetch(request).catch(() => cachedShell()));
  }
});
