// Campaign pages: a select marked data-autosubmit submits its form when changed. No inline scripts (CSP script-src 'self').
(function () {
  document.addEventListener('change', function (e) {
    var el = e.target;
    if (el.matches && el.matches('[data-autosubmit]') && el.form) {
      if (el.form.requestSubmit) { el.form.requestSubmit(); } else { el.form.submit(); }
    }
  });
})();
