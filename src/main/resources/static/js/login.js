// Demo mode: picking a demo account fills the login form (the password is published with the demo).
(function () {
  document.addEventListener('click', function (e) {
    var pick = e.target.closest('[data-demo-user]');
    if (!pick) { return; }
    document.getElementById('username').value = pick.getAttribute('data-demo-user');
    document.getElementById('password').value = 'Zhiben@2026';
    document.getElementById('login-submit').focus();
  });
})();
