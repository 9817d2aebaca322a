// Live walls: a server-sent event names the points that changed; their values are fetched and the alarm panel reloaded.
(function () {
  var el = document.querySelector('[data-live-stream]');
  if (!el || !window.EventSource) { return; }
  var params = new URLSearchParams();
  if (el.dataset.region) { params.set('region', el.dataset.region); }
  if (el.dataset.enterprise) { params.set('enterprise', el.dataset.enterprise); }
  var source = new EventSource('/monitoring/stream?' + params.toString());
  source.onopen = function () { el.textContent = '实时数据已连接'; };
  source.onerror = function () { el.textContent = '实时数据连接中断，正在重连…'; };
  source.addEventListener('changed', function (e) {
    var data = JSON.parse(e.data);
    var ids = (data.points || []).filter(function (id) { return document.querySelector('[data-point="' + id + '"]'); });
    if (ids.length) {
      fetch('/monitoring/values?ids=' + ids.join(','), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (values) {
          values.forEach(function (v) {
            var row = document.querySelector('[data-point="' + v.id + '"]');
            if (!row) { return; }
            row.querySelector('[data-value]').textContent = v.value;
            row.querySelector('[data-at]').textContent = v.at;
            row.className = row.className.replace(/level-\S+/g, '') + ' level-' + v.css;
          });
        });
    }
    if (data.alarms && window.htmx && document.getElementById('alarm-panel')) {
      window.htmx.ajax('GET', '/monitoring/alarms/panel?' + params.toString(), { target: '#alarm-panel', swap: 'outerHTML' });
    }
    el.textContent = '实时数据已连接 · 更新于 ' + new Date().toLocaleTimeString('zh-CN');
  });
})();
