// Loyalty dashboard: the figures of GET /api/v1/analytics/loyalty as cards, charts (Chart.js) and a cohort table.
(() => {
  const $ = (id) => document.getElementById(id);
  const percent = (value) => (value === null || value === undefined) ? '—' : (value * 100).toFixed(1) + '%';
  const number = (value, digits = 2) => (value === null || value === undefined) ? '—' : Number(value).toFixed(digits);
  const colours = ['#3b6fd4', '#e4572e', '#1a7f37', '#8a6d00', '#7b3fb8', '#0a8ca0', '#c62828', '#677'];
  const charts = {};

  function chart(id, config) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart($(id), { ...config, options: { animation: false, maintainAspectRatio: false, ...(config.options || {}) } });
  }

  function cards(report) {
    const money = (value) => value === null || value === undefined ? '—' : number(value) + ' ' + report.currency;
    const figures = [
      ['Customers', report.customers], ['Buyers', report.buyers], ['Repeat buyers', report.repeatBuyers],
      ['Repurchase rate', percent(report.repurchaseRate)], ['Orders per buyer', number(report.purchaseFrequency)],
      ['Average order', money(report.averageOrderValue)], ['CLV so far', money(report.clv.historical)],
      ['CLV next ' + report.clv.horizonDays + ' days', money(report.clv.predicted)],
      ['Churn rate (' + report.churnAfterDays + ' days)', percent(report.churnRate)],
      ['NPS', report.nps.score === undefined ? '—' : number(report.nps.score, 1)],
      ['Email open rate', percent(report.engagement.openRate)], ['Email click rate', percent(report.engagement.clickRate)],
      ['Return visits', percent(report.engagement.returnVisitRate)], ['Reviews', report.reviews.count],
      ['Average rating', number(report.reviews.rating)]];
    const list = $('kpis');
    list.replaceChildren();
    for (const [label, value] of figures) {
      const term = document.createElement('dt');
      term.textContent = label;
      const detail = document.createElement('dd');
      detail.textContent = Encore.text(value);
      const pair = document.createElement('div');
      pair.append(term, detail);
      list.append(pair);
    }
    $('clv-note').textContent = report.clv.model
      ? 'CLV model (BG/NBD, weeks): r ' + number(report.clv.model.r, 3) + ', α ' + number(report.clv.model.alpha, 3) + ', a ' + number(report.clv.model.a, 3) + ', b ' + number(report.clv.model.b, 3)
        + '; Gamma-Gamma: p ' + number(report.clv.model.p, 3) + ', q ' + number(report.clv.model.q, 3) + ', γ ' + number(report.clv.model.gamma, 3)
      : 'Predicted CLV: ' + (report.clv.note || '');
  }

  function draw(report) {
    const months = report.monthly.map((m) => m.month);
    chart('monthly', { type: 'bar', data: { labels: months, datasets: [
      { label: 'Orders', data: report.monthly.map((m) => m.orders), backgroundColor: colours[0] },
      { label: 'Buyers', data: report.monthly.map((m) => m.buyers), backgroundColor: colours[2] },
      { label: 'New buyers', data: report.monthly.map((m) => m.newBuyers), backgroundColor: colours[3] },
      { label: 'Returning buyers (share)', type: 'line', yAxisID: 'share', data: report.monthly.map((m) => m.repurchaseRate), borderColor: colours[1] }] },
      options: { scales: { y: { beginAtZero: true }, share: { axis: 'y', position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false } } } } });
    const longest = Math.max(0, ...report.cohorts.map((c) => c.repurchaseCurve.length));
    chart('cohorts', { type: 'line', data: { labels: Array.from({ length: longest }, (_, k) => 'month ' + (k + 1)),
      datasets: report.cohorts.map((c, i) => ({ label: c.month, data: c.repurchaseCurve, borderColor: colours[i % colours.length], fill: false })) },
      options: { scales: { y: { min: 0, max: 1 } } } });
    const tiers = Object.entries(report.tiers);
    chart('tiers', { type: 'doughnut', data: { labels: tiers.map(([t]) => t),
      datasets: [{ data: tiers.map(([, n]) => n), backgroundColor: colours }] } });
    chart('flows', { type: 'bar', data: { labels: report.tierMovements.map((m) => (m.from || 'new') + ' → ' + m.to),
      datasets: [{ label: 'Customers', data: report.tierMovements.map((m) => m.customers), backgroundColor: colours[5] }] },
      options: { indexAxis: 'y' } });
    chart('nps', { type: 'bar', data: { labels: ['Promoters', 'Passives', 'Detractors'],
      datasets: [{ label: 'Customers (score ' + number(report.nps.score, 1) + ')', data: [report.nps.promoters, report.nps.passives, report.nps.detractors],
        backgroundColor: [colours[2], colours[3], colours[6]] }] } });
    const aspects = report.reviews.aspects || {};
    chart('aspects', { type: 'bar', data: { labels: ['Overall', 'Product info', 'Service', 'Logistics', 'Review feedback', 'Refund speed'],
      datasets: [{ label: 'Average rating', data: [report.reviews.rating, aspects.productInfo, aspects.serviceResponse, aspects.logistics, aspects.reviewFeedback, aspects.refundSpeed],
        backgroundColor: colours[0] }] }, options: { scales: { y: { min: 0, max: 5 } } } });
    const body = $('cohort-table').tBodies[0];
    body.replaceChildren();
    for (const c of report.cohorts) {
      const row = body.insertRow();
      [c.month, c.customers, percent(c.repurchaseRate), number(c.purchaseFrequency), number(c.averageOrderValue), number(c.valuePerCustomer)]
        .forEach((value) => Encore.cell(row, value));
    }
  }

  async function load() {
    const form = new FormData($('period'));
    const query = new URLSearchParams([...form.entries()].filter(([, value]) => value));
    try {
      const report = await Encore.api('/api/v1/analytics/loyalty?' + query);
      $('notice').textContent = '';
      cards(report);
      draw(report);
      document.body.dataset.loaded = 'true';
    } catch (error) {
      $('notice').textContent = error.message;
    }
  }

  const params = new URLSearchParams(location.search);
  for (const name of ['from', 'to']) if (params.get(name)) $('period').elements[name].value = params.get(name);
  $('period').addEventListener('submit', (event) => { event.preventDefault(); load(); });
  load();
})();
