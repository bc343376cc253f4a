// Draws the report's charts with Apache ECharts (inlined above) from the JSON in #report-data.
// Everything needed is in the page: no request leaves it.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var L = data.labels;
  var PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7',
    '#9c755f', '#bab0ac', '#1f77b4', '#2ca02c', '#8c564b', '#17becf', '#bcbd22', '#7f7f7f'];
  function colour(c) { return c < 0 ? '#999999' : PALETTE[c % PALETTE.length]; }
  function esc(s) { return echarts.format.encodeHTML(String(s)); }
  function fmt(v) {
    if (typeof v !== 'number' || v < 0 || isNaN(v)) { return '\u2013'; }
    var s = v !== 0 && v < 0.001 ? v.toExponential(2) : v.toFixed(3);
    return data.decimalMark === ',' ? s.replace('.', ',') : s;
  }
  var charts = {};
  window.convergenceCharts = charts;

  // ---- heat map: cells are [x, y, shared|pairs, jaccard, overlap, cosine, p, q(, all)]
  var heat = data.heat;
  var METRIC = {jaccard: 3, overlap: 4, cosine: 5, q: 7};
  var heatEl = document.getElementById('heatmap');
  var n = heat.codes.length;
  heatEl.style.height = Math.max(360, Math.min(1000, 160 + n * 30)) + 'px';
  var heatChart = echarts.init(heatEl, null, {renderer: heat.svg ? 'svg' : 'canvas'});
  charts.heatmap = heatChart;
  function tooltip(p) {
    var c = p.data.cell;
    var head = heat.complete
      ? esc(heat.codes[c[0]]) + ' \u2013 ' + esc(heat.codes[c[1]]) + '<br><small>' + esc(heat.names[c[0]]) + ' / '
        + esc(heat.names[c[1]]) + '</small>'
      : esc(heat.codes[c[0]]) + ' \u2013 ' + esc(heat.codes[c[1]]);
    var lines = [head,
      (heat.complete ? esc(L.shared) + ': ' + c[2] : esc(L.pairs) + ': ' + c[2] + ' / ' + c[8]),
      esc(L.jaccard) + ': ' + fmt(c[3]), esc(L.overlap) + ': ' + fmt(c[4]), esc(L.cosine) + ': ' + fmt(c[5])];
    if (heat.complete) { lines.push('p: ' + fmt(c[6])); }
    lines.push('q: ' + fmt(c[7]));
    var common = heat.shared && heat.shared[Math.min(c[0], c[1]) + ':' + Math.max(c[0], c[1])];
    if (common && common.length) {
      lines.push(esc(L.tooltipShared) + ':');
      common.forEach(function (t) { lines.push('\u2022 ' + esc(heat.themes[t])); });
    }
    return lines.join('<br>');
  }
  function heatOption(metric) {
    var k = METRIC[metric];
    var isQ = metric === 'q';
    // cluster blocks hold means far below 1: their colours span what is there
    var max = 1;
    if (!heat.complete && !isQ) {
      max = heat.cells.reduce(function (m, c) { return Math.max(m, c[k]); }, 0) || 1;
    }
    return {
      animation: false,
      tooltip: {formatter: tooltip},
      grid: {left: 140, right: 40, top: 20, bottom: 150},
      xAxis: {type: 'category', data: heat.codes, axisLabel: {rotate: 45, interval: 0}, splitArea: {show: true}},
      yAxis: {type: 'category', data: heat.codes, inverse: true, axisLabel: {interval: 0}, splitArea: {show: true}},
      visualMap: {min: 0, max: max, calculable: true, precision: 3, orient: 'horizontal', left: 'center', bottom: 10,
        inRange: {color: isQ ? ['#08306b', '#6baed6', '#f7fbff'] : ['#f7fbff', '#6baed6', '#08306b']}},
      series: [{
        name: metric, type: 'heatmap',
        data: heat.cells.map(function (c) { return {value: [c[0], c[1], c[k]], cell: c}; }),
        label: {show: n <= 15, formatter: function (p) { return fmt(p.value[2]); }},
        emphasis: {itemStyle: {borderColor: '#222', borderWidth: 1}}
      }]
    };
  }
  heatChart.setOption(heatOption('jaccard'));
  document.getElementById('score').addEventListener('change', function (e) {
    heatChart.setOption(heatOption(e.target.value), {replaceMerge: ['series']});
  });

  // ---- network: nodes with fixed positions from the engine's seeded layout
  var net = data.network;
  var LINE = {CONVERGENCE_AREA: 'solid', ACTION_PLAN: 'dashed', STATED_PURPOSE: 'dotted'};
  var legend = document.getElementById('network-legend');
  net.relationKeys.forEach(function (key, i) {
    var li = document.createElement('li');
    var sample = document.createElement('span');
    sample.className = 'line';
    sample.style.borderTopStyle = LINE[key] || 'solid';
    li.appendChild(sample);
    li.appendChild(document.createTextNode(net.relations[i]));
    legend.appendChild(li);
  });
  var nodes = net.nodes.map(function (d) {
    var symbol = d.kind === 'process' ? 'rect' : d.kind === 'cluster' ? 'roundRect' : d.bridge ? 'diamond' : 'circle';
    var size = d.kind === 'cluster' ? Math.min(80, 14 + 5 * Math.sqrt(d.size)) : d.kind === 'process' ? 26 : d.bridge ? 22 : 14;
    return {
      id: d.id, name: d.name, x: d.x, y: d.y, symbol: symbol, symbolSize: size, kind: d.kind, cluster: d.cluster,
      bridge: d.bridge,
      itemStyle: {color: colour(d.cluster), borderColor: d.bridge ? '#111' : '#fff', borderWidth: d.bridge ? 2 : 1},
      path: d.path,
      label: {show: d.kind !== 'theme' || d.bridge || d.path || net.nodes.length <= 40,
        formatter: d.kind === 'process' ? d.id : d.name, fontWeight: d.kind === 'process' || d.path ? 'bold' : 'normal'}
    };
  });
  var links = net.links.map(function (l) {
    var key = l[2] >= 0 ? net.relationKeys[l[2]] : null;
    return {source: net.nodes[l[0]].id, target: net.nodes[l[1]].id, relation: key ? net.relations[l[2]] : null,
      weight: l[3] || 1,
      lineStyle: {type: key ? (LINE[key] || 'solid') : 'solid', width: key ? 1.5 : Math.min(8, 1 + Math.log(l[3] || 1)),
        color: '#777', opacity: 0.7}};
  });
  var netChart = echarts.init(document.getElementById('network'), null, {renderer: 'svg'});
  charts.network = netChart;
  netChart.setOption({
    animation: false,
    tooltip: {formatter: function (p) {
      if (p.dataType === 'edge') {
        return esc(p.data.source) + ' \u2013 ' + esc(p.data.target) + (p.data.relation ? '<br>' + esc(p.data.relation)
          : '<br>' + p.data.weight);
      }
      var d = p.data;
      var kind = d.kind === 'process' ? L.process : d.kind === 'cluster' ? L.cluster : L.theme;
      return esc(d.name) + '<br>' + esc(kind) + (d.kind === 'process' ? ' ' + esc(d.id) : '') + '<br>' + esc(L.cluster)
        + ' ' + d.cluster + (d.bridge ? '<br>\u25c6 ' + esc(L.bridge) : '');
    }},
    series: [{
      // the detailed picture keeps the engine's seeded layout; clusters, each a box sized by its members, go on a
      // circle, where boxes and their labels stay apart however many there are
      type: 'graph', layout: net.detail ? 'none' : 'circular', circular: {rotateLabel: false}, roam: true,
      data: nodes, links: links,
      // the layout fills its box, with room on the right for the labels drawn there
      left: 30, top: 30, bottom: 30, right: 190,
      label: {position: 'right', fontSize: 11},
      // a label that would overlap another shows on hover instead, except those of the nodes on a requested
      // link, which a printed copy must show
      labelLayout: function (p) { return {hideOverlap: !(nodes[p.dataIndex] && nodes[p.dataIndex].path)}; },
      emphasis: {focus: 'adjacency'},
      lineStyle: {curveness: 0}
    }]
  });
  window.addEventListener('resize', function () { heatChart.resize(); netChart.resize(); });
  document.body.setAttribute('data-rendered', 'true');
}());
