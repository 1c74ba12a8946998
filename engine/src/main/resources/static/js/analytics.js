// Journey analytics page: versions with entries and conversions; per element counts and per send step outcomes on
// the diagram; uplift of the holdout and of each random split.
(() => {
  const $ = (id) => document.getElementById(id);
  // The API leaves out what it does not know (a p-value below the minimum group size): == null covers both.
  const percent = (value) => (value == null || !isFinite(value)) ? '—' : (value * 100).toFixed(1) + '%';
  const decimal = (value, digits) => value == null ? '—' : Number(value).toFixed(digits);

  // Revenue per currency, never added across currencies.
  function money(byCurrency) {
    const parts = Object.entries(byCurrency || {}).map(([currency, amount]) => {
      if (!currency) return Number(amount).toLocaleString() + ' (no currency)';
      try {
        return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
      } catch (e) {
        return Number(amount).toLocaleString() + ' ' + currency;
      }
    });
    return parts.length ? parts.join(', ') : '—';
  }

  async function list() {
    const body = $('journeys').tBodies[0];
    for (const journey of await Encore.api('/api/v1/analytics/journeys')) {
      const row = body.insertRow();
      row.className = 'clickable';
      row.dataset.definition = journey.processDefinitionId;
      Encore.cell(row, journey.name || journey.journey);
      Encore.cell(row, journey.version);
      Encore.cell(row, journey.entries);
      Encore.cell(row, journey.conversions);
      Encore.cell(row, percent(journey.conversionRate));
      Encore.cell(row, money(journey.attributedRevenue), 'revenue');
      row.addEventListener('click', () => detail(journey.processDefinitionId));
    }
  }

  function badge(className, parts) {
    const element = document.createElement('div');
    element.className = className;
    for (const [kind, value, title] of parts) {
      const count = document.createElement('span');
      count.className = 'count ' + kind;
      count.title = title || kind;
      count.textContent = value;
      element.append(count);
    }
    return element;
  }

  // One send step's messages: sent, suppressed, deferred, failed..., with the reasons in the tooltip.
  function outcomesByStep(messages) {
    const steps = {};
    for (const m of messages || []) {
      const step = steps[m.activityId] || (steps[m.activityId] = {});
      const status = step[m.status] || (step[m.status] = { count: 0, reasons: [], versions: new Set() });
      status.count += m.count;
      if (m.templateVersion) status.versions.add(m.templateVersion);
      if (m.reason) status.reasons.push(m.reason + ' ' + m.count);
    }
    return steps;
  }

  async function detail(processDefinitionId) {
    const journey = await Encore.api('/api/v1/analytics/journeys/' + encodeURIComponent(processDefinitionId));
    $('detail').hidden = false;
    $('detail-title').textContent = (journey.summary.name || journey.summary.journey) + ' v' + journey.summary.version;
    const container = $('diagram');
    container.replaceChildren();
    const viewer = await Encore.diagram(container, processDefinitionId);
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    // Each badge goes to the first place around its element where it covers no label (labels of events and
    // gateways sit above or below them, a task's inside it). Worked out in diagram units: a badge keeps its size in
    // pixels whatever the zoom, its offset from the element zooms with the diagram.
    const zoom = viewer.get('canvas').zoom();
    const labels = registry.filter((shape) => shape.type === 'label' && shape.businessObject.name);
    const overlap = (a, b) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x))
      * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
    const size = (html) => {
      html.style.position = 'absolute';
      html.style.visibility = 'hidden';
      document.body.append(html);
      const measured = { width: html.offsetWidth / zoom, height: html.offsetHeight / zoom };
      html.remove();
      html.style.position = html.style.visibility = '';
      return measured;
    };
    const place = (id, html, positions) => {
      const shape = registry.get(id);
      if (!shape) return;
      const { width, height } = size(html);
      const box = (p) => ({ width, height,
        x: 'left' in p ? shape.x + p.left : shape.x + shape.width - p.right,
        y: 'top' in p ? shape.y + p.top : shape.y + shape.height - p.bottom });
      const free = positions.find((p) => !labels.some((label) => overlap(label, box(p)) > 1));
      overlays.add(id, { position: free || positions[0], html });
    };
    const above = [{ top: -20, left: 0 }, { top: -20, right: 0 }];
    const below = [{ bottom: -2, left: 0 }, { bottom: -2, right: 0 }];
    for (const element of journey.elements) {
      place(element.elementId, badge('counts', ['entered', 'waiting', 'passed', 'exited'].map((kind) => [kind, element[kind]])),
        [...above, ...below]);
    }
    const steps = outcomesByStep(journey.messages);
    const table = $('messages').tBodies[0];
    table.replaceChildren();
    for (const [activityId, statuses] of Object.entries(steps)) {
      const name = registry.get(activityId)?.businessObject?.name || activityId;
      place(activityId, badge('outcomes', Object.entries(statuses).map(([status, s]) =>
        ['status-' + status, s.count + ' ' + status, s.reasons.length ? status + ': ' + s.reasons.join(', ') : status])),
        [...below, ...above]);
      for (const [status, s] of Object.entries(statuses)) {
        const row = table.insertRow();
        Encore.cell(row, name);
        Encore.cell(row, status, 'status-' + status);
        Encore.cell(row, s.count);
        Encore.cell(row, s.reasons.join(', '));
        Encore.cell(row, [...s.versions].join(', '));
      }
    }
    if (!table.rows.length) Encore.cell(table.insertRow(), 'No message sent by this journey yet');
    const body = $('uplift').tBodies[0];
    body.replaceChildren();
    const rows = [];
    if (journey.holdout) rows.push(['Holdout', journey.holdout]);
    for (const [split, branches] of Object.entries(journey.splits || {})) branches.forEach((u) => rows.push([split + ': ' + u.treated.name + ' vs ' + u.control.name, u]));
    for (const [label, u] of rows) {
      const row = body.insertRow();
      Encore.cell(row, label);
      Encore.cell(row, u.control.size + ', ' + percent(u.control.conversions / Math.max(1, u.control.size)));
      Encore.cell(row, u.treated.size + ', ' + percent(u.treated.conversions / Math.max(1, u.treated.size)));
      Encore.cell(row, percent(u.absolute) + ' / ' + percent(u.relative));
      Encore.cell(row, decimal(u.pValue, 4));
      Encore.cell(row, u.verdict);
    }
    if (!rows.length) Encore.cell(body.insertRow(), 'This journey has no holdout and no random split');
    renderSources(journey.sources || []);
  }

  function renderSources(sources) {
    const body = $('sources').tBodies[0];
    body.replaceChildren();
    for (const source of sources) {
      const row = body.insertRow();
      row.dataset.source = source.source || '';
      Encore.cell(row, source.source || 'unknown');
      Encore.cell(row, source.entries);
      Encore.cell(row, source.conversions);
      Encore.cell(row, percent(source.conversionRate));
    }
    if (!sources.length) Encore.cell(body.insertRow(), 'No entries yet');
  }

  list();
})();
