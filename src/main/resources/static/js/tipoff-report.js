// The public tip-off form: fetches a challenge and finds the counter whose SHA-256 starts with the required zero bits
// (a proof of work instead of a CAPTCHA, no third-party service), then lets the form be sent. Pure-JS SHA-256, because
// crypto.subtle exists only on HTTPS pages.
(function () {
  var form = document.getElementById('tipoff-form');
  if (!form) { return; }
  var status = document.getElementById('pow-status');
  var button = document.getElementById('tipoff-submit');
  var named = document.getElementById('named-fields');

  function toggleNamed() {
    var anon = form.querySelector('input[name="anonymous"]:checked');
    var show = anon && anon.value === 'false';
    named.hidden = !show;
    named.querySelectorAll('input').forEach(function (i) {
      i.disabled = !show;
      if (i.name === 'name' || i.name === 'phone') { i.required = show; }
    });
  }
  form.querySelectorAll('input[name="anonymous"]').forEach(function (r) { r.addEventListener('change', toggleNamed); });
  toggleNamed();

  var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6,
    0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3,
    0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
    0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814,
    0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];

  // SHA-256 of an ASCII string; returns the first 32-bit word of the digest, which is all the check needs (bits <= 32).
  function firstWord(str) {
    var bytes = [];
    for (var i = 0; i < str.length; i++) { bytes.push(str.charCodeAt(i) & 0xff); }
    var bitLen = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) { bytes.push(0); }
    for (var s = 7; s >= 0; s--) { bytes.push(s >= 4 ? 0 : (bitLen >>> (s * 8)) & 0xff); }
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    for (var off = 0; off < bytes.length; off += 64) {
      for (var t = 0; t < 16; t++) {
        w[t] = (bytes[off + t * 4] << 24) | (bytes[off + t * 4 + 1] << 16) | (bytes[off + t * 4 + 2] << 8) | bytes[off + t * 4 + 3];
      }
      for (t = 16; t < 64; t++) {
        var x = w[t - 15], y = w[t - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (t = 0; t < 64; t++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var ch = (e & f) ^ (~e & g);
        var t1 = (k + S1 + ch + K[t] + w[t]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var maj = (a & b) ^ (a & c) ^ (b & c);
        var t2 = (S0 + maj) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
      h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
    }
    return h[0] >>> 0;
  }

  function solve(challenge, bits, done) {
    var mask = bits >= 32 ? 0xffffffff : ((0xffffffff << (32 - bits)) >>> 0);
    var counter = 0;
    (function chunk() {
      var end = counter + 5000;
      for (; counter < end; counter++) {
        if ((firstWord(challenge + ':' + counter) & mask) >>> 0 === 0) { done(String(counter)); return; }
      }
      setTimeout(chunk, 0);
    })();
  }

  fetch(form.getAttribute('data-challenge'), {credentials: 'same-origin'})
    .then(function (r) { return r.json(); })
    .then(function (c) {
      if (!c.challenge) { throw new Error(c.detail || '验证准备失败'); }
      status.textContent = '正在完成提交验证……';
      solve(c.challenge, c.bits, function (answer) {
        document.getElementById('pow-challenge').value = c.challenge;
        document.getElementById('pow-answer').value = answer;
        status.textContent = '验证已完成，可以提交。';
        button.disabled = false;
      });
    })
    .catch(function (e) { status.textContent = '验证准备失败：' + e.message + '。请稍后刷新页面重试。'; });
})();
