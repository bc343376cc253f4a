// Draws the comparison page's charts with Apache ECharts (inlined above) from the JSON in #report-data:
// the slope chart of pair scores then and now, and the alluvial (Sankey) diagram of the clusters' flows.
// Everything needed is in the page: no request leaves it.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var L = data.labels;
  var COLOUR = {APPEARED: '#1e7b34', VANISHED: '#b03a2e', KEPT: '#4e79a7'};
  var PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7',
    '#9c755f', '#bab0ac'];
  function esc(s) { return echarts.format.encodeHTML(String(s)); }
  function fmt(v) {
    if (typeof v !== 'number' || isNaN(v)) { return '\u2013'; }
    var s = v.toFixed(3);
    return data.decimalMark === ',' ? s.replace('.', ',') : s;
  }
  var charts = {};
  window.convergenceCharts = charts;

  // ---- slope chart: one line per pair, from its Jaccard then to its Jaccard now
  var slopeEl = document.getElementById('slope');
  var slope = data.slope || [];
  slopeEl.style.height = Math.max(360, Math.min(900, 200 + slope.length * 18)) + 'px';
  var slopeChart = echarts.init(slopeEl, null, {renderer: 'svg'});
  charts.slope = slopeChart;
  slopeChart.setOption({
    animation: false,
    tooltip: {trigger: 'item', formatter: function (p) {
      var s = slope[p.seriesIndex];
      return esc(s.pair) + '<br>' + esc(L[s.status.toLowerCase()]) + '<br>' + esc(L.jaccard) + ': ' + fmt(s.before)
        + ' \u2192 ' + fmt(s.after);
    }},
    grid: {left: 60, right: 170, top: 30, bottom: 40},
    xAxis: {type: 'category', data: [L.earlier, L.later], boundaryGap: false, axisLabel: {fontSize: 14}},
    yAxis: {type: 'value', name: L.jaccard, min: 0, max: function (v) { return Math.min(1, Math.ceil(v.max * 10) / 10 || 0.1); }},
    series: slope.map(function (s) {
      return {
        type: 'line', name: s.pair, data: [s.before, s.after], symbolSize: 7,
        lineStyle: {width: 2, color: COLOUR[s.status], type: s.status === 'KEPT' ? 'solid' : 'dashed'},
        itemStyle: {color: COLOUR[s.status]},
        endLabel: {show: true, formatter: s.pair + ' ' + fmt(s.after), color: '#1f2933', fontSize: 12},
        labelLayout: {moveOverlap: 'shiftY'},
        emphasis: {focus: 'series'}
      };
    })
  });

  // ---- Sankey: earlier clusters on the left, later ones on the right, each band the processes that went
  var sankeyEl = document.getElementById('sankey');
  if (sankeyEl && data.sankey) {
    var sankeyChart = echarts.init(sankeyEl, null, {renderer: 'svg'});
    charts.sankey = sankeyChart;
    var nodes = data.sankey.nodes.map(function (n, i) {
      return {name: n.name, depth: n.depth, itemStyle: {color: PALETTE[i % PALETTE.length]}};
    });
    sankeyChart.setOption({
      animation: false,
      tooltip: {trigger: 'item', formatter: function (p) {
        if (p.dataType === 'edge') {
          return esc(p.data.source) + ' \u2192 ' + esc(p.data.target) + '<br>' + esc(L.processes) + ': '
            + p.data.value + '<br>' + p.data.processes.map(esc).join(', ');
        }
        return esc(p.name) + ': ' + p.value;
      }},
      series: [{type: 'sankey', data: nodes, links: data.sankey.links, nodeAlign: 'justify', left: 20, right: 120,
        top: 20, bottom: 20, nodeGap: 14, draggable: false, layoutIterations: 0,
        label: {color: '#1f2933', fontSize: 13},
        lineStyle: {color: 'gradient', opacity: 0.45, curveness: 0.5},
        emphasis: {focus: 'adjacency'}}]
    });
  }
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
  });
  document.body.setAttribute('data-rendered', 'true');
})();
