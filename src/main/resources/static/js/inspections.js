// Inspection pages: on-screen signatures (canvas → PNG into the form) and small form helpers. No inline scripts (CSP).
(function () {
  document.querySelectorAll('canvas[data-signature]').forEach(function (canvas) {
    var form = canvas.closest('form');
    var input = form.querySelector('input[name="png"]');
    var ctx = canvas.getContext('2d');
    var drawing = false;
    var dirty = false;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#142a5a';
    function point(e) {
      var r = canvas.getBoundingClientRect();
      return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
    }
    canvas.addEventListener('pointerdown', function (e) {
      drawing = true;
      dirty = true;
      if (canvas.setPointerCapture) { canvas.setPointerCapture(e.pointerId); }
      var p = point(e);
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      e.preventDefault();
    });
    canvas.addEventListener('pointermove', function (e) {
      if (!drawing) { return; }
      var p = point(e);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      e.preventDefault();
    });
    ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (t) {
      canvas.addEventListener(t, function () { drawing = false; });
    });
    var clear = form.querySelector('[data-clear]');
    if (clear) {
      clear.addEventListener('click', function () {
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        dirty = false;
      });
    }
    form.addEventListener('submit', function (e) {
      if (!dirty) {
        e.preventDefault();
        canvas.classList.add('empty');
        return;
      }
      input.value = canvas.toDataURL('image/png');
    });
  });
  // a form that asks before it does something that cannot be undone
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
})();
