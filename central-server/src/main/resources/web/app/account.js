/*
 * The optional account: register, log in on a new phone, the account's phones (remove a lost
 * one), download my data, delete my account, a new password. Never in the way of the code.
 */
(function (global) {
  'use strict';
  var t = global.StampcardI18n.t;
  var app = global.StampcardApp;
  var BASE = '/api/v1/app/account';
  var panel = document.getElementById('account-panel');
  var csrf = null;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  function call(method, path, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (csrf) headers['X-CSRF-Token'] = csrf;
    return fetch(BASE + path, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      if (r.status === 204) return {};
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) {
          // the server's problem carries a message_key: its text in the person's language
          var key = data.message_key;
          var minutes = Math.max(1, Math.ceil(Number(r.headers.get('Retry-After') || 60) / 60));
          var e = new Error(key && global.StampcardI18n.has(key) ? t(key, { n: minutes }) : data.detail || t('error'));
          e.key = key;
          e.status = r.status;
          throw e;
        }
        return data;
      });
    });
  }

  function message(text, problem) {
    var m = document.getElementById('account-message') || el('p', { id: 'account-message' });
    m.className = problem ? 'problem' : 'message';
    m.textContent = text;
    panel.appendChild(m);
  }

  function credentialsForm(id) {
    var form = el('form', { id: id, autocomplete: 'on' });
    form.appendChild(el('input', { id: id + '-email', type: 'email', name: 'email', autocomplete: 'username', placeholder: t('email'), required: '' }));
    form.appendChild(el('input', { id: id + '-password', type: 'password', name: 'password', autocomplete: id === 'register' ? 'new-password' : 'current-password', placeholder: t('password'), minlength: '10', required: '' }));
    return form;
  }

  function showLoggedOut() {
    panel.textContent = '';
    panel.dataset.state = 'logged-out';
    var open = el('button', { id: 'keep-safe', type: 'button', class: 'quiet' }, t('keepSafe'));
    panel.appendChild(open);
    var box = el('div', { id: 'account-forms', hidden: '' });
    var form = credentialsForm('account');
    var register = el('button', { id: 'register-button', type: 'submit' }, t('register'));
    var login = el('button', { id: 'login-button', type: 'button' }, t('login'));
    var forgot = el('button', { id: 'forgot-button', type: 'button', class: 'quiet' }, t('forgot'));
    form.appendChild(register);
    form.appendChild(login);
    form.appendChild(forgot);
    box.appendChild(form);
    panel.appendChild(box);
    open.addEventListener('click', function () { box.hidden = !box.hidden; });
    function fields() {
      return { email: document.getElementById('account-email').value, password: document.getElementById('account-password').value };
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var f = fields();
      app.firstUseCode().then(function (code) {
        return call('POST', '/register', { email: f.email, password: f.password, code: code });
      }).then(function () {
        return doLogin(f, t('registerDone'));
      }).catch(function (e2) { message(e2.message, true); });
    });
    login.addEventListener('click', function () {
      doLogin(fields(), t('loginDone')).catch(function (e2) { message(e2.message, true); });
    });
    forgot.addEventListener('click', function () {
      call('POST', '/reset-request', { email: fields().email })
        .then(function () { message(t('resetSent')); })
        .catch(function (e2) { message(e2.message, true); });
    });
  }

  function doLogin(f, done) {
    return app.firstUseCode().then(function (code) {
      return call('POST', '/login', { email: f.email, password: f.password, code: code });
    }).then(function (answer) {
      csrf = answer.csrf;
      return app.adopt(answer);
    }).then(function () { return refresh(); }).then(function () { message(done); });
  }

  function showLoggedIn(me) {
    panel.textContent = '';
    panel.dataset.state = 'logged-in';
    panel.appendChild(el('p', { id: 'account-status' }, me.email || ''));
    panel.appendChild(el('h2', {}, t('devices')));
    var list = el('ul', { id: 'devices' });
    panel.appendChild(list);
    call('GET', '/devices').then(function (answer) {
      var mine = global.StampcardCode.hex(app.device.keyId);
      answer.devices.forEach(function (d) {
        var li = el('li', { 'data-device': d.device_key_id, 'data-revoked': String(!!d.revoked_at) });
        li.appendChild(document.createTextNode(d.device_key_id.substr(0, 8) + ' · ' + new Date(d.linked_at).toLocaleDateString(global.StampcardI18n.lang) + (d.device_key_id === mine ? ' (' + t('thisDevice') + ')' : '') + ' '));
        if (!d.revoked_at && d.device_key_id !== mine) {
          var b = el('button', { type: 'button', class: 'quiet revoke' }, t('revoke'));
          b.addEventListener('click', function () {
            call('POST', '/devices/' + d.device_key_id + '/revoke').then(refresh).catch(function (e) { message(e.message, true); });
          });
          li.appendChild(b);
        }
        list.appendChild(li);
      });
    });
    var exp = el('a', { id: 'export-link', href: BASE + '/export', download: 'stampcard-my-data.json' }, t('exportData'));
    panel.appendChild(el('p')).appendChild(exp);
    var logout = el('button', { id: 'logout-button', type: 'button', class: 'quiet' }, t('logout'));
    logout.addEventListener('click', function () { call('POST', '/logout').then(function () { csrf = null; refresh(); }); });
    panel.appendChild(logout);
    var del = el('button', { id: 'delete-button', type: 'button', class: 'quiet' }, t('deleteAccount'));
    del.addEventListener('click', function () {
      if (!global.confirm(t('deleteConfirm'))) return;
      call('POST', '/delete').then(function () { return app.forget(); }).then(function () {
        global.location.hash = 'deleted';
        global.location.reload();
      }).catch(function (e) { message(e.message, true); });
    });
    panel.appendChild(del);
  }

  function refresh() {
    return call('GET', '').then(function (me) {
      csrf = me.csrf || null;
      if (me.logged_in) showLoggedIn(me); else showLoggedOut();
    }).catch(function () { showLoggedOut(); });
  }

  function fromLink() {
    var hash = global.location.hash.replace(/^#/, '');
    var verify = /^verify=([A-Za-z0-9_-]+)$/.exec(hash);
    var reset = /^reset=([A-Za-z0-9_-]+)$/.exec(hash);
    if (verify) {
      history.replaceState(null, '', global.location.pathname);
      call('POST', '/verify', { token: verify[1] }).then(function () { message(t('verified')); }).catch(function (e) { message(e.message, true); });
    } else if (reset) {
      history.replaceState(null, '', global.location.pathname);
      var form = el('form', { id: 'reset-form' });
      form.appendChild(el('input', { id: 'reset-password', type: 'password', autocomplete: 'new-password', placeholder: t('newPassword'), minlength: '10', required: '' }));
      form.appendChild(el('button', { type: 'submit' }, t('newPassword')));
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        call('POST', '/reset', { token: reset[1], password: document.getElementById('reset-password').value })
          .then(function () { form.remove(); message(t('resetDone')); })
          .catch(function (e2) { message(e2.message, true); });
      });
      panel.appendChild(form);
    } else if (hash === 'deleted') {
      history.replaceState(null, '', global.location.pathname);
      message(t('deleted'));
    }
  }

  global.addEventListener('hashchange', fromLink);
  app.ready.then(refresh).then(fromLink);
})(self);
