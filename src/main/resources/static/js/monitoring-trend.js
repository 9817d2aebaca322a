// The trend chart of a point (ECharts): raw readings up to 6 hours, 5-minute mean with min/max beyond.
(function () {
  var el = document.getElementById('trend');
  if (!el || !window.echarts) { return; }
  var chart = window.echarts.init(el);
  function load(hours) {
    fetch(el.dataset.series + '?hours=' + hours, { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        var series = [{ name: s.resolution === 'RAW' ? '读数' : '5分钟均值', type: 'line', showSymbol: false,
          data: s.points.map(function (p) { return [p.at, p.value]; }) }];
        if (s.resolution !== 'RAW') {
          series.push({ name: '最大值', type: 'line', showSymbol: false, lineStyle: { opacity: 0.4 },
            data: s.points.map(function (p) { return [p.at, p.max]; }) });
        }
        chart.setOption({
          tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 50, right: 20, top: 40, bottom: 40 },
          xAxis: { type: 'time' }, yAxis: { type: 'value', name: el.dataset.unit, scale: true }, series: series
        }, true);
      });
  }
  document.querySelectorAll('[data-hours]').forEach(function (b) {
    b.addEventListener('click', function () {
      document.querySelectorAll('[data-hours]').forEach(function (x) { x.classList.remove('primary'); });
      b.classList.add('primary');
      load(b.dataset.hours);
    });
  });
  window.addEventListener('resize', function () { chart.resize(); });
  load(1);
})();
