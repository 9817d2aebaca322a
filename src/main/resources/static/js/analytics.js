// Analytics dashboard and full-screen mode (挂图作战): every figure comes from /analytics/data/* (same handlers as
// /api/v1/analytics/*), every number drills down, every chart can be saved as an image.
(function () {
  'use strict';
  var root = document.getElementById('analytics');
  if (!root || typeof echarts === 'undefined') { return; }
  var screen = root.dataset.mode === 'screen';
  var state = { region: null, regionName: '晋城市', county: null, countyName: null, industry: '', from: '', to: '' };
  var charts = {};
  var countyNames = {}; // geojson name -> adcode
  var countyByCode = {};
  var MEASURE = { grade: 'MAJOR', open: 'true' };

  function qs(extra) {
    var p = new URLSearchParams();
    if (state.region) { p.set('region', state.region); }
    if (state.industry) { p.set('industry', state.industry); }
    if (state.from) { p.set('from', state.from); }
    if (state.to) { p.set('to', state.to); }
    Object.keys(extra || {}).forEach(function (k) { if (extra[k] !== null && extra[k] !== undefined) { p.set(k, extra[k]); } });
    return p.toString();
  }
  function get(path, extra) {
    return fetch('/analytics/data/' + path + '?' + qs(extra), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(path + ' ' + r.status); } return r.json(); });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function chart(id) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    if (!charts[id]) { charts[id] = echarts.init(node, screen ? 'dark' : null); }
    return charts[id];
  }
  var toolbox = { feature: { saveAsImage: { title: '保存为图片', pixelRatio: 2 } } };
  function pct(x) { return x === null || x === undefined ? '—' : (x * 100).toFixed(1) + '%'; }
  function hazardsLink(extra, title) {
    return '/analytics/hazards?' + qs(extra) + (title ? '&title=' + encodeURIComponent(title) : '');
  }

  function crumbs() {
    var c = document.getElementById('an-crumbs');
    if (!c) { return; }
    c.textContent = '';
    var city = el('a', { href: '#', 'data-level': 'city' }, '晋城市');
    city.addEventListener('click', function (e) { e.preventDefault(); setRegion(null, '晋城市'); });
    c.appendChild(city);
    if (state.county) {
      c.appendChild(document.createTextNode(' › '));
      var county = el('a', { href: '#', 'data-level': 'county' }, state.countyName);
      county.addEventListener('click', function (e) { e.preventDefault(); setRegion(state.county, state.countyName); });
      c.appendChild(county);
    }
    if (state.region && state.region.length > 6) {
      c.appendChild(document.createTextNode(' › ' + state.regionName));
    }
  }

  function setRegion(code, name) {
    state.region = code;
    state.regionName = name;
    if (code === null) { state.county = null; state.countyName = null; }
    else if (code.length === 6) { state.county = code; state.countyName = name; }
    load();
  }

  function kpis(k) {
    var box = document.getElementById('an-kpis');
    box.textContent = '';
    var items = [
      ['在办重大事故隐患', k.openMajor, hazardsLink({ grade: 'MAJOR', open: 'true' }, '在办重大事故隐患')],
      ['逾期未整改', k.overdue, hazardsLink({ overdue: 'true', open: 'true' }, '逾期未整改隐患')],
      ['挂牌督办中', k.listed, null],
      ['本月新发现', k.foundThisMonth, null],
      ['整改率', pct(k.rectificationRate), null],
      ['销号用时（中位数/P90，天）', (k.signOffMedianDays === null ? '—' : k.signOffMedianDays) + ' / ' + (k.signOffP90Days === null ? '—' : k.signOffP90Days), null]
    ];
    items.forEach(function (it) {
      var card = el(it[2] ? 'a' : 'div', it[2] ? { class: 'card', href: it[2] } : { class: 'card' });
      card.appendChild(el('span', { class: 'card-value' }, String(it[1])));
      card.appendChild(el('span', { class: 'card-label' }, it[0]));
      box.appendChild(card);
    });
    var s = k.stock;
    var stock = document.getElementById('an-stock');
    stock.textContent = '';
    var share = s.stockMajor === 0 ? 1 : s.stockRectified / s.stockMajor;
    function row(label, bar, text, href) {
      var r = el('div', { class: 'an-stock-row' });
      r.appendChild(el('span', {}, label));
      var p = el('div', { class: 'progress' });
      var span = el('span');
      span.style.width = Math.min(100, Math.round(bar * 100)) + '%';
      p.appendChild(span);
      r.appendChild(p);
      var t = href ? el('a', { href: href }, text) : el('span', {}, text);
      r.appendChild(t);
      stock.appendChild(r);
    }
    row('2024年底前基本消除存量', share, s.stockRectified + ' / ' + s.stockMajor + '（' + pct(share) + '，目标 ' + pct(s.stockGoal) + '）',
      hazardsLink({ stock: 'true', grade: 'MAJOR', open: 'true' }, '尚未整改的存量重大隐患'));
    var max = Math.max(s.increment2024, s.increment2025, s.increment2026, 1);
    row('增量 2024年发现重大隐患', s.increment2024 / max, String(s.increment2024), hazardsLink({ grade: 'MAJOR', from: '2024-01-01', to: '2024-12-31' }, '2024年发现的重大隐患'));
    row('增量 2025年（有效遏制）', s.increment2025 / max, s.increment2025 + (s.increment2025 <= s.increment2024 ? '（较上年下降或持平）' : '（较上年上升）'),
      hazardsLink({ grade: 'MAJOR', from: '2025-01-01', to: '2025-12-31' }, '2025年发现的重大隐患'));
    row('增量 2026年（动态清零）', s.increment2026 / max, s.increment2026 + '；逾期在办重大隐患 ' + s.openMajorOverdue,
      hazardsLink({ grade: 'MAJOR', overdue: 'true', open: 'true' }, '逾期在办重大隐患'));
  }

  function map(rows) {
    var c = chart('an-map');
    if (!c) { return; }
    var byCode = {};
    rows.forEach(function (r) { byCode[r.key] = r.count; });
    var data = Object.keys(countyNames).map(function (name) {
      return { name: name, value: byCode[countyNames[name]] || 0, code: countyNames[name] };
    });
    var max = Math.max.apply(null, data.map(function (d) { return d.value; }).concat([1]));
    c.setOption({
      toolbox: toolbox,
      tooltip: { trigger: 'item', formatter: function (p) { return p.name + '：' + (p.value || 0) + ' 项'; } },
      visualMap: { min: 0, max: max, left: 'left', bottom: 10, text: ['多', '少'], calculable: true,
        inRange: { color: ['#fde8e4', '#f4a582', '#d6604d', '#b2182b'] } },
      series: [{ type: 'map', map: 'jincheng', roam: false, label: { show: true },
        selectedMode: 'single', data: data.map(function (d) {
          return { name: d.name, value: d.value, selected: state.county === d.code };
        }) }]
    }, true);
    c.off('click');
    c.on('click', function (p) {
      var code = countyNames[p.name];
      if (code) { setRegion(code, p.name); }
    });
  }

  function subTable(b, by) {
    var table = document.getElementById('an-sub');
    if (!table) { return; }
    var title = document.getElementById('an-sub-title');
    title.textContent = (by === 'county' ? '各县（市、区）' : by === 'township' ? state.regionName + ' 各乡镇（街道）' : state.regionName + ' 各企业')
      + ' 在办重大隐患';
    var tbody = table.querySelector('tbody');
    tbody.textContent = '';
    b.rows.forEach(function (r) {
      var tr = el('tr');
      var name = el('td');
      var a;
      if (by === 'enterprise') {
        a = el('a', { href: hazardsLink({ enterprise: r.key, grade: 'MAJOR', open: 'true' }, r.label + ' 在办重大隐患'), 'data-drill': 'enterprise' }, r.label);
      } else {
        a = el('a', { href: '#', 'data-drill': by, 'data-code': r.key }, r.label);
        a.addEventListener('click', function (e) { e.preventDefault(); setRegion(r.key, r.label); });
      }
      name.appendChild(a);
      tr.appendChild(name);
      var n = el('td');
      var extra = by === 'enterprise' ? { enterprise: r.key } : { region: r.key };
      var params = Object.assign({ grade: 'MAJOR', open: 'true' }, extra);
      n.appendChild(el('a', { href: '/analytics/hazards?' + qs(params) + '&title=' + encodeURIComponent(r.label + ' 在办重大隐患') }, String(r.count)));
      tr.appendChild(n);
      tbody.appendChild(tr);
    });
    var total = el('tr');
    total.appendChild(el('th', {}, '合计'));
    total.appendChild(el('th', {}, String(b.total)));
    tbody.appendChild(total);
    var exp = document.getElementById('an-sub-export');
    if (exp) { exp.href = '/analytics/data/export.xlsx?' + qs({ table: 'breakdown', by: by, grade: 'MAJOR', open: 'true' }); }
  }

  function trend(points) {
    var c = chart('an-trend');
    if (!c) { return; }
    c.setOption({
      toolbox: toolbox, tooltip: { trigger: 'axis' }, legend: { data: ['发现重大', '发现一般', '整改销号（关闭）'] },
      grid: { left: 40, right: 20, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: points.map(function (p) { return p.month; }) },
      yAxis: { type: 'value' },
      series: [
        { name: '发现重大', type: 'bar', stack: 'found', data: points.map(function (p) { return p.majorFound; }) },
        { name: '发现一般', type: 'bar', stack: 'found', data: points.map(function (p) { return p.generalFound; }) },
        { name: '整改销号（关闭）', type: 'line', data: points.map(function (p) { return p.rectified; }) }
      ]
    }, true);
    c.off('click');
    c.on('click', function (p) {
      var m = p.name; var last = new Date(+m.slice(0, 4), +m.slice(5, 7), 0).getDate();
      window.location.href = hazardsLink({ from: m + '-01', to: m + '-' + last, grade: p.seriesName === '发现重大' ? 'MAJOR' : (p.seriesName === '发现一般' ? 'GENERAL' : null) }, m + ' 发现的隐患');
    });
    var exp = document.getElementById('an-trend-export');
    if (exp) { exp.href = '/analytics/data/export.xlsx?' + qs({ table: 'trend' }); }
  }

  function industry(b) {
    var c = chart('an-industry');
    if (!c) { return; }
    var rows = b.rows.slice(0, 12).reverse();
    c.setOption({
      toolbox: toolbox, tooltip: {}, grid: { left: 120, right: 30, top: 20, bottom: 20 },
      xAxis: { type: 'value' }, yAxis: { type: 'category', data: rows.map(function (r) { return r.label; }) },
      series: [{ type: 'bar', data: rows.map(function (r) { return { value: r.count, code: r.key }; }) }]
    }, true);
    c.off('click');
    c.on('click', function (p) {
      // the industry tree: click to go one level down (the filter keeps sub-industries)
      state.industry = p.data.code;
      var sel = document.querySelector('#an-filters select[name=industry]');
      if (sel) { sel.value = p.data.code; }
      load();
    });
    var exp = document.getElementById('an-industry-export');
    if (exp) { exp.href = '/analytics/data/export.xlsx?' + qs({ table: 'breakdown', by: 'industry', grade: 'MAJOR', open: 'true' }); }
  }

  function pies(list) {
    var c = chart('an-pies');
    if (!c) { return; }
    var centers = [['17%', '55%'], ['50%', '55%'], ['83%', '55%']];
    c.setOption({
      toolbox: toolbox, tooltip: { trigger: 'item' },
      title: list.map(function (b, i) { return { text: b.title, left: centers[i][0], top: 0, textAlign: 'center', textStyle: { fontSize: 13 } }; }),
      series: list.map(function (b, i) {
        return { type: 'pie', radius: ['25%', '45%'], center: centers[i], label: { show: false },
          data: b.rows.map(function (r) { return { name: r.label, value: r.count, key: r.key, dim: b.by }; }) };
      })
    }, true);
    c.off('click');
    c.on('click', function (p) {
      var extra = {}; extra[p.data.dim] = p.data.key;
      window.location.href = hazardsLink(Object.assign({ grade: 'MAJOR' }, extra), p.name);
    });
  }

  function overdue(page) {
    var table = document.getElementById('an-overdue');
    var tbody = table.querySelector('tbody');
    tbody.textContent = '';
    page.hazards.forEach(function (h) {
      var tr = el('tr');
      var td = el('td');
      td.appendChild(el('a', { href: '/hazards/' + h.id }, h.number));
      tr.appendChild(td);
      tr.appendChild(el('td', {}, h.enterpriseName));
      tr.appendChild(el('td', {}, h.deadline || ''));
      tr.appendChild(el('td', {}, h.status));
      tbody.appendChild(tr);
    });
    if (!page.hazards.length) { var tr = el('tr'); tr.appendChild(el('td', { colspan: '4' }, '没有逾期隐患')); tbody.appendChild(tr); }
    var exp = document.getElementById('an-overdue-export');
    if (exp) { exp.href = '/analytics/data/export.xlsx?' + qs({ table: 'top-overdue' }); }
  }

  function four(s) {
    var box = document.getElementById('an-four');
    box.textContent = '';
    box.className = 'an-four';
    function block(title, lines, note) {
      var d = el('div');
      d.appendChild(el('h3', {}, title));
      lines.forEach(function (l) { d.appendChild(el('p', {}, l)); });
      if (note) { d.appendChild(el('p', { class: 'an-note' }, note)); }
      box.appendChild(d);
    }
    var c = s.confirmation;
    block('企业“两级确认”', ['企业自报重大隐患 ' + c.reported + ' 项，两级确认 ' + c.confirmedBoth + ' 项（' + pct(c.share) + '）',
      '安全管理部门确认用时中位数 ' + (c.level1MedianHours === null ? '—' : c.level1MedianHours + ' 小时') +
      '；主要负责人确认 ' + (c.level2MedianHours === null ? '—' : c.level2MedianHours + ' 小时')]);
    var majors = 0, decisions = 0;
    s.departments.forEach(function (u) { majors += u.majorFindings; decisions += u.decisions; });
    block('部门“两个指标”', ['检查发现重大隐患 ' + majors + ' 项；执法决定 ' + decisions + ' 件（' + s.departments.length + ' 个单位）'],
      s.departmentNote ? s.departmentNote + '（检查执法模块尚未发布事件）' : null);
    var sent = 0, onTime = 0;
    s.dispatches.forEach(function (d) { sent += d.sent; onTime += d.answeredOnTime; });
    block('安委会“两级调度”', ['调度 ' + sent + ' 件，按时反馈 ' + onTime + ' 件（' + pct(sent ? onTime / sent : null) + '）'],
      s.dispatchNote ? s.dispatchNote + '（调度督办模块尚未发布事件）' : null);
    var submitted = s.comparison.filter(function (x) { return x.submitted; }).length;
    var diffs = s.comparison.reduce(function (a, x) { return a + x.discrepancies; }, 0);
    var d = el('div');
    d.appendChild(el('h3', {}, '市县“两级比对”'));
    d.appendChild(el('p', {}, '上月已报送 ' + submitted + ' / ' + s.comparison.length + ' 个县，差异 ' + diffs + ' 项'));
    d.appendChild(el('a', { href: '/analytics/comparison' }, '查看比对'));
    box.appendChild(d);
  }

  function load() {
    crumbs();
    var sub = state.region === null ? 'county' : state.region.length === 6 ? 'township' : 'enterprise';
    var regionSaved = state.region;
    // the map always shows the whole city (scope permitting), the selected county highlighted
    state.region = null;
    var mapQ = get('breakdown', { by: 'county', grade: 'MAJOR', open: 'true' });
    state.region = regionSaved;
    return Promise.all([
      get('kpis').then(kpis),
      mapQ.then(function (b) { map(b.rows); }),
      get('breakdown', { by: sub, grade: 'MAJOR', open: 'true' }).then(function (b) { subTable(b, sub); }),
      get('trend', { months: 24 }).then(trend),
      get('breakdown', { by: 'industry', grade: 'MAJOR', open: 'true' }).then(industry),
      Promise.all([
        get('breakdown', { by: 'channel', grade: 'MAJOR' }).then(function (b) { b.title = '发现渠道'; return b; }),
        get('breakdown', { by: 'status', grade: 'MAJOR', open: 'true' }).then(function (b) { b.title = '在办状态'; return b; }),
        get('breakdown', { by: 'listing', grade: 'MAJOR', open: 'true' }).then(function (b) { b.title = '挂牌督办'; return b; })
      ]).then(pies),
      get('top-overdue').then(overdue),
      get('four-twos').then(four)
    ]).then(function () { root.dataset.ready = 'true'; })
      .catch(function (e) { root.dataset.error = String(e); });
  }

  function start() {
    fetch('/geo/jincheng-counties.geojson', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (geo) {
      geo.features.forEach(function (f) { countyNames[f.properties.name] = String(f.properties.adcode); countyByCode[String(f.properties.adcode)] = f; });
      echarts.registerMap('jincheng', geo);
      window.zhibenAnalytics = { charts: charts, counties: countyByCode };
      return load();
    });
    var form = document.getElementById('an-filters');
    if (form) {
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        state.from = form.elements.from.value;
        state.to = form.elements.to.value;
        state.industry = form.elements.industry.value;
        load();
      });
    }
    if (screen) {
      var seconds = parseInt(root.dataset.refreshSeconds || '60', 10);
      setInterval(load, seconds * 1000);
      var clock = document.getElementById('an-clock');
      setInterval(function () { clock.textContent = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }); }, 1000);
    }
    window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  }
  start();
}());
