/*
 * The customer's app: makes its key on first open, shows the signed code at once (with or without
 * a network), registers the phone with the server when it can, and fills the cards in live.
 */
(function (global) {
  'use strict';
  var C = global.StampcardCode;
  var t = global.StampcardI18n.t;
  var API = '/api/v1/app';
  var app = { device: null, programs: {}, balances: null, live: null };
  global.StampcardApp = app;

  // --- the phone's key, in IndexedDB (the private key is not extractable) ---

  function database() {
    return new Promise(function (resolve, reject) {
      var open = indexedDB.open('stampcard', 1);
      open.onupgradeneeded = function () { open.result.createObjectStore('device'); };
      open.onsuccess = function () { resolve(open.result); };
      open.onerror = function () { reject(open.error); };
    });
  }

  function stored(db, mode, work) {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction('device', mode);
      var request = work(tx.objectStore('device'));
      tx.oncomplete = function () { resolve(request && request.result); };
      tx.onerror = function () { reject(tx.error); };
    });
  }

  function loadDevice() {
    return database().then(function (db) {
      return stored(db, 'readonly', function (s) { return s.get('self'); }).then(function (device) {
        if (device) return device;
        return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
          .then(function (keys) {
            return crypto.subtle.exportKey('raw', keys.publicKey).then(function (raw) {
              var publicKey = new Uint8Array(raw);
              return C.keyId(publicKey).then(function (keyId) {
                var fresh = {
                  accountId: C.uuidv7(), keyId: keyId, publicKey: publicKey, privateKey: keys.privateKey,
                  registered: false, seenStamp: false, customerNumber: null
                };
                return stored(db, 'readwrite', function (s) { return s.put(fresh, 'self'); }).then(function () { return fresh; });
              });
            });
          });
      });
    });
  }

  app.saveDevice = function () {
    return database().then(function (db) {
      return stored(db, 'readwrite', function (s) { return s.put(app.device, 'self'); });
    });
  };

  // --- the code ---

  function showCode() {
    var device = app.device;
    // the first-use form carries the key, so a till can open the account with nothing typed
    return C.appCode(device, Date.now(), !device.seenStamp).then(function (code) {
      var qr = qrcode(0, 'M');
      qr.addData(code.digits, 'Numeric');
      qr.make();
      var img = document.getElementById('qr');
      img.src = qr.createDataURL(4, 16);
      img.dataset.step = String(code.step);
      img.dataset.form = code.firstUse ? 'first-use' : 'steady';
      img.dataset.digits = String(code.digits.length);
      img.hidden = false;
    });
  }

  function scheduleCode() {
    var now = Date.now();
    var next = (C.timeStep(now) + 1) * C.STEP_SECONDS * 1000;
    setTimeout(function () { showCode().then(scheduleCode, scheduleCode); }, next - now + 50);
  }

  function groupNumber(n) {
    return n.replace(/(\d{4})(\d{4})(\d{4})(\d)/, '$1 $2 $3 $4');
  }

  function showNumber() {
    var button = document.getElementById('number');
    var number = app.device.customerNumber;
    button.textContent = number ? groupNumber(number) : t('numberPending');
    button.disabled = !number;
    button.title = number ? t('showBarcode') : '';
    if (number) {
      global.JsBarcode('#barcode', number, { format: 'CODE128', displayValue: false, height: 70, margin: 8 });
    }
  }

  // --- the server: registration, programs, live balances ---

  function json(response) {
    if (!response.ok) throw new Error('HTTP ' + response.status);
    return response.json();
  }

  function register() {
    return C.appCode(app.device, Date.now(), true).then(function (code) {
      return fetch(API + '/devices', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: code.digits }), credentials: 'same-origin'
      }).then(json).then(function (answer) {
        app.device.registered = true;
        app.device.accountId = answer.account_id;
        app.device.customerNumber = answer.customer_number;
        showNumber();
        return app.saveDevice();
      });
    });
  }

  function loadPrograms() {
    return fetch(API + '/programs').then(json).then(function (answer) {
      localStorage.setItem('stampcard.programs', JSON.stringify(answer.programs));
      return answer.programs;
    }).catch(function () {
      return JSON.parse(localStorage.getItem('stampcard.programs') || '[]');
    }).then(function (list) {
      list.forEach(function (p) { app.programs[p.id] = p; });
    });
  }

  /** The first-use code's digits now: how the phone proves it holds its key. */
  app.firstUseCode = function () {
    return C.appCode(app.device, Date.now(), true).then(function (code) { return code.digits; });
  };

  /** After a login: the phone's codes name the account it joined. */
  app.adopt = function (answer) {
    app.device.registered = true;
    app.device.accountId = answer.account_id;
    app.device.customerNumber = answer.customer_number;
    showNumber();
    return app.saveDevice().then(function () { return showCode(); }).then(function () { return app.connectLive(); });
  };

  /** After erasure: the phone forgets its key and cards and starts as a new install. */
  app.forget = function () {
    if (app.live) app.live.close();
    localStorage.removeItem('stampcard.balances');
    return database().then(function (db) {
      return stored(db, 'readwrite', function (s) { return s.delete('self'); });
    });
  };

  app.connectLive = function () {
    if (app.live) app.live.close();
    return C.ticket(app.device, Date.now()).then(function (ticket) {
      var source = new EventSource(API + '/accounts/' + app.device.accountId + '/live?ticket=' + encodeURIComponent(ticket));
      app.live = source;
      source.addEventListener('balances', function (e) { received(JSON.parse(e.data)); });
      source.onopen = function () { document.getElementById('offline').hidden = true; };
      source.onerror = function () {
        // a ticket is good for about a minute: reconnect with a fresh one, unless the phone was
        // removed from its account (an EventSource cannot see the status: ask the history)
        source.close();
        if (app.live === source) {
          app.live = null;
          document.getElementById('offline').hidden = false;
          wasRemoved().then(function (removed) {
            if (removed) showRemoved(); else setTimeout(function () { online(); }, 3000);
          });
        }
      };
    });
  };

  /** Whether the server says this phone was removed from its account (false when unsure). */
  function wasRemoved() {
    return C.ticket(app.device, Date.now()).then(function (ticket) {
      return fetch(API + '/accounts/' + app.device.accountId + '/history?ticket=' + encodeURIComponent(ticket));
    }).then(function (r) {
      if (r.status !== 403) return false;
      return r.json().then(function (p) { return p.message_key === 'app.phone-removed'; });
    }).catch(function () { return false; });
  }

  /** A removed phone's key is refused everywhere: offer to forget it and start as a new install. */
  function showRemoved() {
    document.getElementById('offline').hidden = true;
    document.getElementById('code-panel').hidden = true;
    document.getElementById('removed-text').textContent = t('app.phone-removed');
    var button = document.getElementById('start-fresh');
    button.textContent = t('startFresh');
    button.onclick = function () {
      app.forget().then(function () {
        localStorage.removeItem('stampcard.programs');
        global.location.reload();
      });
    };
    document.getElementById('removed').hidden = false;
  }

  function received(message) {
    var before = message.account_id === app.followed ? app.balances : null;
    app.followed = message.account_id;
    app.balances = message.balances;
    localStorage.setItem('stampcard.balances', JSON.stringify(message.balances));
    if (message.balances.length && !app.device.seenStamp) {
      // the till knows this phone now: show the shorter steady code from the next step
      app.device.seenStamp = true;
      app.saveDevice();
    }
    if (message.root_account_id && message.root_account_id !== app.device.accountId) {
      app.device.accountId = message.root_account_id;
      app.saveDevice();
    }
    if (before) {
      message.balances.forEach(function (b) {
        var old = before.filter(function (o) { return o.program_id === b.program_id; })[0];
        if (old && b.last_spent_at && b.last_spent_at !== old.last_spent_at) {
          banner(t('redeemed'), 'redeemed');
        } else if (!old || b.units > old.units) {
          banner(t('stampGiven'), 'stamped');
        }
      });
    }
    renderCards();
  }

  function banner(text, kind) {
    var el = document.getElementById('banner');
    el.textContent = text;
    el.dataset.kind = kind;
    el.hidden = false;
    clearTimeout(banner.timer);
    banner.timer = setTimeout(function () { el.hidden = true; }, kind === 'redeemed' ? 15000 : 6000);
  }

  // --- the cards ---

  function renderCards() {
    var section = document.getElementById('cards');
    section.textContent = '';
    var balances = app.balances || [];
    if (!balances.length) {
      var p = document.createElement('p');
      p.className = 'hint';
      p.id = 'no-cards';
      p.textContent = t('noCards');
      section.appendChild(p);
      return;
    }
    balances.forEach(function (b) {
      var program = app.programs[b.program_id] || { name: b.program_id, kind: 'STAMPS', reward: '', stamps_required: 0 };
      var card = document.createElement('article');
      card.className = 'card';
      card.dataset.program = b.program_id;
      card.dataset.units = String(b.units);
      var h = document.createElement('h2');
      h.textContent = program.name;
      card.appendChild(h);
      var status = document.createElement('p');
      status.className = 'status';
      if (program.kind === 'STAMPS' && program.stamps_required > 0) {
        var required = program.stamps_required;
        var dots = document.createElement('div');
        dots.className = 'stamps';
        dots.setAttribute('aria-label', b.units + ' / ' + required);
        for (var i = 0; i < required; i++) {
          var dot = document.createElement('span');
          dot.className = 'stamp' + (i < b.units ? ' filled' : '');
          dots.appendChild(dot);
        }
        card.appendChild(dots);
        if (b.units >= required) {
          card.classList.add('full');
          status.textContent = t('ready', { reward: program.reward });
        } else {
          status.textContent = t('more', { n: required - b.units, reward: program.reward });
        }
      } else {
        status.textContent = t('points', { n: b.units });
        var next = (program.thresholds || []).filter(function (x) { return x.points > b.units; })[0];
        if (next) status.textContent += ' · ' + t('more', { n: next.points - b.units, reward: next.reward });
      }
      card.appendChild(status);
      var details = document.createElement('details');
      var summary = document.createElement('summary');
      summary.textContent = t('history');
      details.appendChild(summary);
      details.addEventListener('toggle', function () { if (details.open) loadHistory(b.program_id, details); });
      card.appendChild(details);
      section.appendChild(card);
    });
  }

  function loadHistory(programId, into) {
    C.ticket(app.device, Date.now()).then(function (ticket) {
      return fetch(API + '/accounts/' + app.device.accountId + '/history?ticket=' + encodeURIComponent(ticket)).then(json);
    }).then(function (answer) {
      var list = document.createElement('ul');
      answer.events.filter(function (e) { return e.program_id === programId; }).forEach(function (e) {
        var li = document.createElement('li');
        li.textContent = new Date(e.occurred_at).toLocaleString(global.StampcardI18n.lang) + ' · ' + t(e.type) + ' ' + e.quantity;
        list.appendChild(li);
      });
      Array.prototype.slice.call(into.querySelectorAll('ul')).forEach(function (u) { u.remove(); });
      into.appendChild(list);
    }).catch(function () {});
  }

  function online() {
    var ready = app.device.registered && app.device.customerNumber ? Promise.resolve() : register();
    return ready.then(function () { return app.connectLive(); }).catch(function () {
      document.getElementById('offline').hidden = false;
      setTimeout(online, 10000);
    });
  }

  function start() {
    document.getElementById('title').textContent = t('title');
    document.getElementById('brightness').textContent = t('brightness');
    document.getElementById('offline').textContent = t('offline');
    document.getElementById('privacy-link').textContent = t('privacy');
    document.documentElement.lang = global.StampcardI18n.lang;
    document.getElementById('number').addEventListener('click', function () {
      var box = document.getElementById('barcode-box');
      box.hidden = !box.hidden || !app.device.customerNumber;
      this.setAttribute('aria-expanded', String(!box.hidden));
    });
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('sw.js', { scope: './' }).catch(function () {});
    }
    app.balances = JSON.parse(localStorage.getItem('stampcard.balances') || 'null');
    app.ready = loadDevice().then(function (device) {
      app.device = device;
      showNumber();
      return showCode();
    }).then(function () {
      scheduleCode();
      renderCards();
      return loadPrograms();
    }).then(function () {
      renderCards();
      online();
      document.dispatchEvent(new Event('stampcard:ready'));
    }).catch(function (e) {
      console.error('Stampcard could not start: ' + e + (e && e.stack ? ' ' + e.stack : ''));
    });
  }

  start();
})(self);
