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

  // Reliability diagram: observed positive rate per score bin against the diagonal of perfect calibration.
  new Chart(document.getElementById('reliability-chart'), {
    type: 'scatter',
    data: { datasets: [
      { label: 'observed', data: data.reliability, backgroundColor: STATISTIC, borderColor: STATISTIC, pointRadius: 4,
        showLine: true, borderWidth: 1.5 },
      { label: 'perfectly calibrated', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], borderColor: THRESHOLD,
        backgroundColor: THRESHOLD, showLine: true, pointRadius: 0, borderDash: [6, 4], borderWidth: 1.5 }] },
    options: { scales: { x: { min: 0, max: 1, title: { display: true, text: 'mean predicted score' } },
                         y: { min: 0, max: 1, title: { display: true, text: 'observed positive rate' } } },
               plugins: { legend: { position: 'bottom' } } }
  });

  var c = data.calibration;
  var coverage = line('label coverage', c.coverage, '#868e96', true);
  coverage.yAxisID = 'coverage';
  new Chart(document.getElementById('calibration-chart'), {
    type: 'line',
    data: { labels: c.labels, datasets: [line('ECE', c.ece, STATISTIC, false), line('Brier', c.brier, '#7048e8', false),
                                         line('ROC AUC', c.rocAuc, '#1c7ed6', false), coverage] },
    options: { spanGaps: false,
               scales: { y: { min: 0, max: 1 }, x: { ticks: { maxTicksLimit: 8 } },
                         coverage: { position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false },
                                     ticks: { callback: function (v) { return Math.round(v * 100) + ' %'; } } } },
               plugins: { legend: { position: 'bottom' } } }
  });

  document.body.setAttribute('data-charts-rendered', String(Object.keys(Chart.instances).length));
})();
