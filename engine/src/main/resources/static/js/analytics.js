// Journey analytics page: versions with entries and conversions; per element counts on the diagram; uplift.
(() => {
  const $ = (id) => document.getElementById(id);
  const percent = (value) => (value * 100).toFixed(1) + '%';

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
      Encore.cell(row, journey.attributedRevenue);
      row.addEventListener('click', () => detail(journey.processDefinitionId));
    }
  }

  async function detail(processDefinitionId) {
    const journey = await Encore.api('/api/v1/analytics/journeys/' + encodeURIComponent(processDefinitionId));
    $('detail').hidden = false;
    $('detail-title').textContent = (journey.summary.name || journey.summary.journey) + ' v' + journey.summary.version;
    const container = $('diagram');
    container.replaceChildren();
    const viewer = await Encore.diagram(container, processDefinitionId);
    const overlays = viewer.get('overlays');
    for (const element of journey.elements) {
      const badge = document.createElement('div');
      badge.className = 'counts';
      for (const kind of ['entered', 'waiting', 'passed', 'exited']) {
        const count = document.createElement('span');
        count.className = 'count ' + kind;
        count.title = kind;
        count.textContent = element[kind];
        badge.append(count);
      }
      try { overlays.add(element.elementId, { position: { bottom: 0, left: 0 }, html: badge }); } catch (e) { /* element not drawn */ }
    }
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
      Encore.cell(row, percent(u.absolute) + ' / ' + (u.relative === null ? '—' : percent(u.relative)));
      Encore.cell(row, u.pValue === null ? '—' : u.pValue.toFixed(4));
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
