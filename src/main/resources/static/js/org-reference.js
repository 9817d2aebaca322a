// Reference-data pages: ask before a destructive form is sent (no inline scripts under the CSP).
(function () {
  document.addEventListener('submit', function (e) {
    var button = e.submitter || e.target.querySelector('[data-confirm]');
    var message = button && button.getAttribute('data-confirm');
    if (message && !window.confirm(message)) { e.preventDefault(); }
  });
})();
