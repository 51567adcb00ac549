/* Optional account: registered later in this issue; for now only the link. */
(function (global) {
  'use strict';
  var t = global.StampcardI18n.t;
  var panel = document.getElementById('account-panel');
  var p = document.createElement('p');
  p.textContent = t('keepSafe');
  panel.appendChild(p);
})(self);
