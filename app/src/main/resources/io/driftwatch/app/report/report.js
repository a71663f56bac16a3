// Draws the report's charts from the embedded JSON with the inlined Chart.js; no network access.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.size = 11;
  var STATISTIC = '#d9480f', THRESHOLD = '#495057', REFERENCE = '#4dabf7';

  function chartCard(containerId, title) {
    var card = document.createElement('div');
    card.className = 'chart';
    var heading = document.createElement('h3');
    heading.textContent = title;
    var canvas = document.createElement('canvas');
    card.appendChild(heading);
    card.appendChild(canvas);
    document.getElementById(containerId).appendChild(card);
    return canvas;
  }

  function line(label, values, color, dashed) {
    return { label: label, data: values, borderColor: color, backgroundColor: color, borderWidth: dashed ? 1.5 : 2,
             borderDash: dashed ? [6, 4] : [], pointRadius: 0, tension: 0 };
  }

  data.statistics.forEach(function (s) {
    new Chart(chartCard('statistic-charts', s.title), {
      type: 'line',
      data: { labels: s.labels, datasets: [line(s.test, s.statistic, STATISTIC, false),
                                           line('threshold', s.threshold, THRESHOLD, true)] },
      options: { scales: { y: { beginAtZero: true }, x: { ticks: { maxTicksLimit: 8 } } },
                 plugins: { legend: { position: 'bottom' } } }
    });
  });

  data.references.forEach(function (h) {
    new Chart(chartCard('reference-charts', h.title), {
      type: 'bar',
      data: { labels: h.labels, datasets: [{ label: 'reference count', data: h.counts, backgroundColor: REFERENCE }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
    });
  });

  new Chart(document.getElementById('latency-chart'), {
    type: 'line',
    data: { labels: data.latency.labels, datasets: [line('p50', data.latency.p50, '#2f9e44', false),
                                                   line('p95', data.latency.p95, '#f08c00', false),
                                                   line('p99', data.latency.p99, '#e03131', false)] },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'ms' } },
                         x: { ticks: { maxTicksLimit: 12 } } },
               plugins: { legend: { position: 'bottom' } } }
  });

  document.body.setAttribute('data-charts-rendered', String(Object.keys(Chart.instances).length));
})();
