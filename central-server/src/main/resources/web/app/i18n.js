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
      startFresh: 'Clear this phone\'s data and start again',
      error: 'Something went wrong. Check your connection and try again.',
      // the server's refusals, by the problem's message_key
      'app.login-throttled': 'Too many failed logins. Wait {n} minutes and try again, or ask for a new password.',
      'app.login-failed': 'That e-mail address and password don\'t match an account. Check them, or ask for a new password.',
      'app.verify-link-used': 'This confirmation link is used up or too old. Register again to get a new one.',
      'app.reset-link-used': 'This link is used up or older than an hour. Ask for a new one in the app.',
      'app.phone-not-found': 'That phone is not one of this account\'s, or it was removed already. Reload the page.',
      'app.not-logged-in': 'You are not logged in here. Log in and try again.',
      'app.foreign-site': 'This request came from another site. Use the app\'s own page.',
      'app.email-invalid': 'Give an e-mail address such as name@example.com.',
      'app.password-short': 'Choose a password of at least 10 characters.',
      'app.phone-removed': 'This phone was removed from the account. Clear the app\'s data to start again, then log in.',
      'app.account-taken': 'This card belongs to other phones. Log in to add this phone, or clear the app\'s data to start a new card.',
      'app.phone-registered': 'This phone belongs to another account. Log out of that account on this phone first.',
      'app.code-invalid': 'The app\'s code was not accepted. Reload the page and try again.',
      'app.code-clock': 'The app\'s code was not accepted: check the phone\'s clock and open the app again.'
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
      startFresh: 'Rensa telefonens data och börja om',
      error: 'Något gick fel. Kontrollera anslutningen och försök igen.',
      // the server's refusals, by the problem's message_key
      'app.login-throttled': 'För många misslyckade inloggningar. Vänta {n} minuter och försök igen, eller be om ett nytt lösenord.',
      'app.login-failed': 'E-postadressen och lösenordet hör inte till något konto. Kontrollera dem, eller be om ett nytt lösenord.',
      'app.verify-link-used': 'Bekräftelselänken är redan använd eller för gammal. Registrera dig igen för att få en ny.',
      'app.reset-link-used': 'Länken är redan använd eller äldre än en timme. Be om en ny i appen.',
      'app.phone-not-found': 'Den telefonen hör inte till kontot, eller är redan borttagen. Ladda om sidan.',
      'app.not-logged-in': 'Du är inte inloggad här. Logga in och försök igen.',
      'app.foreign-site': 'Begäran kom från en annan webbplats. Använd appens egen sida.',
      'app.email-invalid': 'Ange en e-postadress, till exempel namn@exempel.se.',
      'app.password-short': 'Välj ett lösenord på minst 10 tecken.',
      'app.phone-removed': 'Den här telefonen har tagits bort från kontot. Rensa appens data för att börja om, och logga sedan in.',
      'app.account-taken': 'Kortet hör till andra telefoner. Logga in för att lägga till den här telefonen, eller rensa appens data för att starta ett nytt kort.',
      'app.phone-registered': 'Telefonen hör till ett annat konto. Logga först ut från det kontot på den här telefonen.',
      'app.code-invalid': 'Appens kod godtogs inte. Ladda om sidan och försök igen.',
      'app.code-clock': 'Appens kod godtogs inte: kontrollera telefonens klocka och öppna appen igen.'
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
      startFresh: 'Wis de gegevens van deze telefoon en begin opnieuw',
      error: 'Er ging iets mis. Controleer je verbinding en probeer het opnieuw.',
      // the server's refusals, by the problem's message_key
      'app.login-throttled': 'Te vaak mislukt ingelogd. Wacht {n} minuten en probeer het opnieuw, of vraag een nieuw wachtwoord aan.',
      'app.login-failed': 'Dat e-mailadres en wachtwoord horen niet bij een account. Controleer ze, of vraag een nieuw wachtwoord aan.',
      'app.verify-link-used': 'Deze bevestigingslink is al gebruikt of te oud. Registreer opnieuw voor een nieuwe.',
      'app.reset-link-used': 'Deze link is al gebruikt of ouder dan een uur. Vraag in de app een nieuwe aan.',
      'app.phone-not-found': 'Die telefoon hoort niet bij dit account, of is al verwijderd. Laad de pagina opnieuw.',
      'app.not-logged-in': 'Je bent hier niet ingelogd. Log in en probeer het opnieuw.',
      'app.foreign-site': 'Dit verzoek kwam van een andere site. Gebruik de eigen pagina van de app.',
      'app.email-invalid': 'Geef een e-mailadres op, zoals naam@voorbeeld.nl.',
      'app.password-short': 'Kies een wachtwoord van minstens 10 tekens.',
      'app.phone-removed': 'Deze telefoon is uit het account verwijderd. Wis de gegevens van de app om opnieuw te beginnen, en log dan in.',
      'app.account-taken': 'Deze kaart hoort bij andere telefoons. Log in om deze telefoon toe te voegen, of wis de gegevens van de app voor een nieuwe kaart.',
      'app.phone-registered': 'Deze telefoon hoort bij een ander account. Log op deze telefoon eerst uit bij dat account.',
      'app.code-invalid': 'De code van de app is niet geaccepteerd. Laad de pagina opnieuw en probeer het nog eens.',
      'app.code-clock': 'De code van de app is niet geaccepteerd: controleer de klok van je telefoon en open de app opnieuw.'
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
    has: function (key) { return !!MESSAGES.en[key]; },
    t: function (key, values) {
      var text = (MESSAGES[lang] && MESSAGES[lang][key]) || MESSAGES.en[key] || key;
      Object.keys(values || {}).forEach(function (k) { text = text.replace('{' + k + '}', values[k]); });
      return text;
    }
  };
})(self);
