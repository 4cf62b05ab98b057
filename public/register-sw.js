// Registers Planwork's service worker (public/sw.js) when the app is served over http(s),
// so that it opens offline after the first visit. From disk (file://) there is none.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('sw.js').catch((error) => {
    console.warn(`Planwork will not open offline: ${error.message}`);
  });
}
