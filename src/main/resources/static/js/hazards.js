// Hazard pages: a search box filters the options of the select it names (督办单位). No inline scripts (CSP).
(function () {
  document.addEventListener('input', function (e) {
    var box = e.target.closest('input.select-filter');
    if (!box) { return; }
    var select = document.getElementById(box.getAttribute('data-filter-for'));
    if (!select) { return; }
    var q = box.value.trim().toLowerCase();
    var firstMatch = null;
    Array.prototype.forEach.call(select.options, function (o) {
      var match = !o.value || !q || o.text.toLowerCase().indexOf(q) >= 0;
      o.hidden = !match;
      if (match && o.value && !firstMatch) { firstMatch = o; }
    });
    if (q && firstMatch && (select.selectedIndex < 0 || select.options[select.selectedIndex].hidden)) {
      firstMatch.selected = true;
    }
  });
})();
