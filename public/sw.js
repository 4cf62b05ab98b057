// Planwork's service worker: after the first visit the app opens with the network off.
//
// On install it reads index.html for the files the app is made of (their names carry a
// content hash) and caches them all, with the forecast worker's script; afterwards it
// answers every same-origin GET from the network when it can (and refreshes the cache),
// else from the cache. It never touches
// another origin, and never sees a program: programs live in IndexedDB, not in requests.
const CACHE = 'planwork-shell-v1';

/** The files index.html names (links, scripts, and the glue and wasm its loader imports). */
async function shellFiles() {
  const html = await (await fetch('./', { cache: 'no-store' })).text();
  // The forecast worker's script is not named in index.html: the app starts it by name.
  const names = new Set(['./', 'forecast-worker.js']);
  for (const match of html.matchAll(/(?:href|src)="\/?([^"#?:]+)"/g)) names.add(match[1]);
  for (const match of html.matchAll(/'\/?([^'#?:]+\.(?:js|wasm))'/g)) names.add(match[1]);
  return [...names];
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(await shellFiles());
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      // The cache is only a copy: a full disk must not fail the request (issue 16).
      if (response.ok) await cache.put(request, response.clone()).catch(() => {});
      return response;
    } catch (offline) {
      const cached = await cache.match(request, { ignoreSearch: true })
        ?? (request.mode === 'navigate' ? await cache.match('./') : undefined);
      if (cached) return cached;
      throw offline;
    }
  })());
});
