// Shared by the support and analytics pages: API calls (session cookie + CSRF header) and diagrams.
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
    const viewer = new BpmnJS({ container });
    await viewer.importXML(await response.text());
    viewer.get('canvas').zoom('fit-viewport');
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
