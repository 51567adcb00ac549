/*
 * The app code and the live ticket, made with WebCrypto exactly as the core's AppCode,
 * AppCodeDigits and the server's DeviceTicket read them (docs/decisions/0002-app-code-format.md,
 * 0405-customer-app-live-stream.md). No library: bytes, SHA-256 and ECDSA P-256 only.
 */
(function (global) {
  'use strict';
  var STEP_SECONDS = 30;
  var CODE_CONTEXT = 'STAMPCARD-APP-1';
  var TICKET_CONTEXT = 'STAMPCARD-APP-LIVE-1';
  // digits of 256^k - 1 for a last group of k bytes
  var PARTIAL_GROUP_DIGITS = [0, 3, 5, 8, 10, 13, 15];

  function ascii(text) {
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }

  function concat(parts) {
    var length = 0;
    parts.forEach(function (p) { length += p.length; });
    var out = new Uint8Array(length);
    var at = 0;
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }

  function uint32(value) {
    return new Uint8Array([(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255]);
  }

  function hex(bytes) {
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  function fromHex(text) {
    var out = new Uint8Array(text.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(text.substr(2 * i, 2), 16);
    return out;
  }

  function uuidBytes(uuid) {
    return fromHex(uuid.replace(/-/g, ''));
  }

  function uuidText(bytes) {
    var h = hex(bytes);
    return h.substr(0, 8) + '-' + h.substr(8, 4) + '-' + h.substr(12, 4) + '-' + h.substr(16, 4) + '-' + h.substr(20);
  }

  /** A UUIDv7 (time-ordered), as the till and server make account ids. */
  function uuidv7() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    var ms = Date.now();
    for (var i = 5; i >= 0; i--) { b[i] = ms % 256; ms = Math.floor(ms / 256); }
    b[6] = (b[6] & 0x0f) | 0x70;
    b[8] = (b[8] & 0x3f) | 0x80;
    return uuidText(b);
  }

  function timeStep(millis) {
    return Math.floor(millis / 1000 / STEP_SECONDS);
  }

  /** The compressed form of an uncompressed P-256 key (0x04, X, Y): 0x02/0x03 by Y's parity, X. */
  function compress(uncompressed) {
    var out = new Uint8Array(33);
    out[0] = (uncompressed[64] & 1) === 0 ? 2 : 3;
    out.set(uncompressed.subarray(1, 33), 1);
    return out;
  }

  /** The device key id: the first 16 bytes of SHA-256 of the uncompressed key. */
  function keyId(uncompressed) {
    return crypto.subtle.digest('SHA-256', uncompressed).then(function (d) {
      return new Uint8Array(d).slice(0, 16);
    });
  }

  function sign(privateKey, message) {
    return crypto.subtle
      .sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, message)
      .then(function (s) { return new Uint8Array(s); });
  }

  /** Digits of a binary layout: marker 9 + form, then 7-byte groups as 17 digits each. */
  function digits(layout) {
    var out = '9' + layout[0];
    for (var start = 1; start < layout.length; start += 7) {
      var k = Math.min(7, layout.length - start);
      var value = BigInt(0);
      for (var i = 0; i < k; i++) value = (value << BigInt(8)) | BigInt(layout[start + i]);
      var width = k === 7 ? 17 : PARTIAL_GROUP_DIGITS[k];
      out += value.toString().padStart(width, '0');
    }
    return out;
  }

  /**
   * The app code's digits for this device at {@code millis}: the first-use form (carrying the
   * public key) when {@code firstUse}, else the steady form.
   */
  function appCode(device, millis, firstUse) {
    var step = timeStep(millis);
    var parts = [new Uint8Array([firstUse ? 2 : 1]), uuidBytes(device.accountId), device.keyId, uint32(step)];
    if (firstUse) parts.push(compress(device.publicKey));
    var unsigned = concat(parts);
    return sign(device.privateKey, concat([ascii(CODE_CONTEXT), unsigned])).then(function (signature) {
      return { digits: digits(concat([unsigned, signature])), step: step, firstUse: firstUse };
    });
  }

  function base64url(bytes) {
    var text = '';
    for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  /** A ticket for the server's live stream and the app's other device calls. */
  function ticket(device, millis) {
    var body = concat([new Uint8Array([1]), uuidBytes(device.accountId), device.keyId, uint32(timeStep(millis))]);
    return sign(device.privateKey, concat([ascii(TICKET_CONTEXT), body])).then(function (signature) {
      return base64url(concat([body, signature]));
    });
  }

  global.StampcardCode = {
    STEP_SECONDS: STEP_SECONDS,
    uuidv7: uuidv7,
    keyId: keyId,
    hex: hex,
    timeStep: timeStep,
    appCode: appCode,
    ticket: ticket,
    digits: digits
  };
})(self);
