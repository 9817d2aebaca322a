// Sends the CSRF token with every htmx request, and folds the navigation on phones. No inline scripts (CSP: script-src 'self').
(function () {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  document.addEventListener('htmx:configRequest', function (e) {
    if (token && header) { e.detail.headers[header.content] = token.content; }
  });
  document.addEventListener('click', function (e) {
    if (e.target.closest('[data-toggle-nav]')) { document.body.classList.toggle('nav-open'); }
  });
  // The phone drawer opens below the header as it really is (its height depends on fonts and on what it shows).
  function measureHeader() {
    var header = document.querySelector('.topbar');
    if (header) { document.documentElement.style.setProperty('--header-h', header.getBoundingClientRect().height + 'px'); }
  }
  measureHeader();
  window.addEventListener('resize', measureHeader);
  window.addEventListener('load', measureHeader);
  // A session that timed out answers htmx with the login page: go there instead of pasting it into the page.
  document.addEventListener('htmx:beforeSwap', function (e) {
    var xhr = e.detail.xhr;
    if (xhr && xhr.responseURL && xhr.responseURL.indexOf('/login') >= 0) { window.location = '/login?timeout'; }
  });
})();
