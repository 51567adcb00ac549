/* Shows the privacy text in the browser's language. */
(function () {
  'use strict';
  var lang = self.StampcardI18n.lang;
  document.documentElement.lang = lang;
  Array.prototype.forEach.call(document.querySelectorAll('section[data-lang]'), function (s) {
    s.hidden = s.dataset.lang !== lang;
  });
})();
