/* The app's words in English, Swedish and Dutch, chosen from the browser's languages. */
(function (global) {
  'use strict';
  var MESSAGES = {
    en: {
      title: 'Your cards',
      brightness: 'Turn the screen brightness up so the code scans first time.',
      codeRefresh: 'The code changes every 30 seconds.',
      number: 'Customer number',
      numberPending: 'Your customer number comes with the first connection.',
      showBarcode: 'Show as barcode',
      noCards: 'Show the code at the counter: your cards appear here with the first stamp.',
      more: '{n} more to {reward}',
      ready: 'Full! Ready to redeem {reward} at the counter.',
      points: '{n} points',
      redeemed: 'Redeemed — enjoy!',
      stampGiven: 'Stamp received',
      history: 'History',
      offline: 'Offline: your code works, cards update when you are back online.',
      keepSafe: 'Keep my cards safe →',
      privacy: 'Privacy',
      STAMP: 'Stamp', REDEEM: 'Redeemed', POINTS_EARN: 'Points earned', POINTS_SPEND: 'Points spent',
      VOID: 'Corrected', ADJUST: 'Adjusted',
      email: 'E-mail', password: 'Password (at least 10 characters)',
      register: 'Register', login: 'Log in', logout: 'Log out',
      registerDone: 'Registered. We sent you a link to confirm your e-mail address.',
      loginDone: 'Logged in: your cards are on this phone.',
      devices: 'Your phones', revoke: 'Remove', thisDevice: 'this phone',
      exportData: 'Download my data', deleteAccount: 'Delete my account',
      deleteConfirm: 'Delete your account, e-mail address and phones? Your stamps cannot be restored.',
      deleted: 'Your account is deleted.',
      forgot: 'Forgot your password?', resetSent: 'If that address has an account, a reset link is on its way.',
      newPassword: 'New password', resetDone: 'Password changed. Log in with the new one.',
      verified: 'E-mail address confirmed.',
      error: 'Something went wrong. Check your connection and try again.'
    },
    sv: {
      title: 'Dina kort',
      brightness: 'Skruva upp skärmens ljusstyrka så läses koden direkt.',
      codeRefresh: 'Koden byts var 30:e sekund.',
      number: 'Kundnummer',
      numberPending: 'Ditt kundnummer kommer vid första anslutningen.',
      showBarcode: 'Visa som streckkod',
      noCards: 'Visa koden i kassan: dina kort syns här efter första stämpeln.',
      more: '{n} kvar till {reward}',
      ready: 'Fullt! Lös in {reward} i kassan.',
      points: '{n} poäng',
      redeemed: 'Inlöst — smaklig måltid!',
      stampGiven: 'Stämpel mottagen',
      history: 'Historik',
      offline: 'Offline: koden fungerar, korten uppdateras när du är uppkopplad igen.',
      keepSafe: 'Spara mina kort →',
      privacy: 'Integritet',
      STAMP: 'Stämpel', REDEEM: 'Inlöst', POINTS_EARN: 'Poäng intjänade', POINTS_SPEND: 'Poäng använda',
      VOID: 'Rättad', ADJUST: 'Justerad',
      email: 'E-post', password: 'Lösenord (minst 10 tecken)',
      register: 'Registrera', login: 'Logga in', logout: 'Logga ut',
      registerDone: 'Registrerad. Vi har skickat en länk för att bekräfta din e-postadress.',
      loginDone: 'Inloggad: dina kort finns på den här telefonen.',
      devices: 'Dina telefoner', revoke: 'Ta bort', thisDevice: 'den här telefonen',
      exportData: 'Ladda ner mina uppgifter', deleteAccount: 'Radera mitt konto',
      deleteConfirm: 'Radera ditt konto, din e-postadress och dina telefoner? Stämplarna går inte att återställa.',
      deleted: 'Ditt konto är raderat.',
      forgot: 'Glömt lösenordet?', resetSent: 'Om adressen har ett konto är en länk på väg.',
      newPassword: 'Nytt lösenord', resetDone: 'Lösenordet är bytt. Logga in med det nya.',
      verified: 'E-postadressen är bekräftad.',
      error: 'Något gick fel. Kontrollera anslutningen och försök igen.'
    },
    nl: {
      title: 'Je kaarten',
      brightness: 'Zet de helderheid van je scherm hoger, dan scant de code meteen.',
      codeRefresh: 'De code verandert elke 30 seconden.',
      number: 'Klantnummer',
      numberPending: 'Je klantnummer komt bij de eerste verbinding.',
      showBarcode: 'Toon als streepjescode',
      noCards: 'Laat de code zien aan de kassa: je kaarten verschijnen hier na de eerste stempel.',
      more: 'Nog {n} tot {reward}',
      ready: 'Vol! Wissel {reward} in aan de kassa.',
      points: '{n} punten',
      redeemed: 'Ingewisseld — geniet ervan!',
      stampGiven: 'Stempel ontvangen',
      history: 'Geschiedenis',
      offline: 'Offline: je code werkt, kaarten worden bijgewerkt zodra je weer online bent.',
      keepSafe: 'Bewaar mijn kaarten →',
      privacy: 'Privacy',
      STAMP: 'Stempel', REDEEM: 'Ingewisseld', POINTS_EARN: 'Punten gespaard', POINTS_SPEND: 'Punten besteed',
      VOID: 'Gecorrigeerd', ADJUST: 'Aangepast',
      email: 'E-mail', password: 'Wachtwoord (minstens 10 tekens)',
      register: 'Registreren', login: 'Inloggen', logout: 'Uitloggen',
      registerDone: 'Geregistreerd. We hebben je een link gestuurd om je e-mailadres te bevestigen.',
      loginDone: 'Ingelogd: je kaarten staan op deze telefoon.',
      devices: 'Je telefoons', revoke: 'Verwijderen', thisDevice: 'deze telefoon',
      exportData: 'Mijn gegevens downloaden', deleteAccount: 'Mijn account verwijderen',
      deleteConfirm: 'Je account, e-mailadres en telefoons verwijderen? Je stempels zijn niet terug te halen.',
      deleted: 'Je account is verwijderd.',
      forgot: 'Wachtwoord vergeten?', resetSent: 'Als dat adres een account heeft, is er een link onderweg.',
      newPassword: 'Nieuw wachtwoord', resetDone: 'Wachtwoord gewijzigd. Log in met het nieuwe.',
      verified: 'E-mailadres bevestigd.',
      error: 'Er ging iets mis. Controleer je verbinding en probeer het opnieuw.'
    }
  };

  function pick() {
    var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
    for (var i = 0; i < langs.length; i++) {
      var base = String(langs[i]).toLowerCase().split('-')[0];
      if (MESSAGES[base]) return base;
    }
    return 'en';
  }

  var lang = pick();
  global.StampcardI18n = {
    lang: lang,
    t: function (key, values) {
      var text = (MESSAGES[lang] && MESSAGES[lang][key]) || MESSAGES.en[key] || key;
      Object.keys(values || {}).forEach(function (k) { text = text.replace('{' + k + '}', values[k]); });
      return text;
    }
  };
})(self);
