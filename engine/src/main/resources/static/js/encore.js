// Shared by the support, analytics and journeys pages: API calls (session cookie + CSRF header) and diagrams.
const Encore = {
  csrf() {
    return { [document.querySelector('meta[name=_csrf_header]').content]: document.querySelector('meta[name=_csrf]').content };
  },
  async api(path, options = {}) {
    const response = await fetch(path, { credentials: 'same-origin', ...options,
      headers: { 'Accept': 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}), ...this.csrf(), ...(options.headers || {}) } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || problem.title || ('HTTP ' + response.status));
    }
    return response.status === 204 ? null : response.json();
  },
  async diagram(container, processDefinitionId) {
    const response = await fetch('/api/v1/analytics/journeys/' + encodeURIComponent(processDefinitionId) + '/diagram', { credentials: 'same-origin' });
    return this.draw(container, await response.text());
  },
  // Draws a BPMN diagram (deployed or just uploaded) readable at once; overlays can be added when it resolves.
  async draw(container, xml) {
    const viewer = new BpmnJS({ container });
    await viewer.importXML(xml);
    // Overlays follow the zoom only once the canvas reports it (debounced): wait for it, so that overlays added
    // next are where they will stay and can be measured.
    const settled = new Promise((resolve) => {
      viewer.get('eventBus').once('canvas.viewbox.changed', resolve);
      setTimeout(resolve, 1000);
    });
    // Readable before complete: at least 90% of full size (labels stay larger than the count badges laid over
    // them); a wider journey scrolls (drag to pan), a taller one gets a taller box.
    const canvas = viewer.get('canvas');
    const inner = canvas.viewbox().inner;
    const zoom = Math.max(0.9, Math.min(1, (container.clientWidth - 40) / Math.max(1, inner.width)));
    container.style.height = Math.min(800, Math.max(360, Math.ceil(inner.height * zoom) + 80)) + 'px';
    canvas.resized();
    canvas.viewbox({ x: inner.x - 20, y: inner.y - 40, width: container.clientWidth / zoom,
      height: container.clientHeight / zoom });
    await settled;
    return viewer;
  },
  text(value) { return value === null || value === undefined ? '' : String(value); },
  when(instant) { return instant ? new Date(instant).toLocaleString() : ''; },
  cell(row, value, className) {
    const td = row.insertCell();
    td.textContent = Encore.text(value);
    if (className) td.className = className;
    return td;
  }
};
