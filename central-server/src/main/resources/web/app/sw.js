/* Keeps the app's own files on the phone, so the code shows with no network. API calls are never cached. */
var CACHE = 'stampcard-app-v3';
var SHELL = ['./', 'index.html', 'app.css', 'i18n.js', 'code.js', 'app.js', 'account.js', 'privacy.html', 'privacy.js',
  'lib/qrcode.js', 'lib/JsBarcode.code128.min.js', 'manifest.webmanifest', 'icon.svg'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || url.pathname.indexOf('/app/') !== 0) {
    return;
  }
  // the network first (fresh files), the phone's copy when there is none
  event.respondWith(fetch(event.request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (c) { c.put(event.request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(event.request, { ignoreSearch: true }).then(function (hit) { return hit || caches.match('index.html'); });
  }));
});
