// Templates page: every deployed template with its versions and the journeys that send it; a preview as a real customer
// or a sample, with a journey's settings (rendered HTML in a sandboxed frame that runs no script); a test send.
(() => {
  const $ = (id) => document.getElementById(id);
  const SAMPLE = { firstName: 'Ada', lastName: 'Lovelace', locale: 'en',
    cart: { url: 'https://shop.example.com/cart', currency: 'EUR', total: 49,
      products: [{ name: 'Linen shirt', quantity: 1, price: 49 }] } };
  let templates = [];
  let current = null;

  async function load() {
    templates = await Encore.api('/api/v1/templates');
    const body = $('templates').tBodies[0];
    body.replaceChildren();
    for (const template of templates) {
      const row = body.insertRow();
      row.className = 'clickable';
      row.dataset.template = template.id;
      Encore.cell(row, template.id);
      Encore.cell(row, template.channels.join(', '));
      Encore.cell(row, template.locales.join(', '));
      Encore.cell(row, new Set(template.versions.map((v) => v.deploymentId)).size);
      Encore.cell(row, template.usedBy.map((j) => j.key + ' v' + j.version).join(', '));
      row.addEventListener('click', () => select(template.id));
    }
    if (!templates.length) Encore.cell(body.insertRow(), 'No template deployed yet');
    $('profile').value = JSON.stringify(SAMPLE, null, 2);
  }

  function select(id) {
    current = templates.find((t) => t.id === id);
    for (const row of $('templates').tBodies[0].rows) row.classList.toggle('selected', row.dataset.template === id);
    $('template').hidden = false;
    $('template-title').textContent = id;
    options($('channel'), current.channels.map((c) => [c, c]));
    options($('locale'), current.locales.map((l) => [l, l]));
    options($('journey'), [['', 'none (newest template, no settings)'],
      ...current.usedBy.map((j) => [j.key, j.key + ' v' + j.version + ' (latest)'])]);
    if (current.usedBy.length) $('journey').value = current.usedBy[0].key;
    const body = $('versions').tBodies[0];
    body.replaceChildren();
    for (const v of current.versions) {
      const row = body.insertRow();
      [v.channel, v.locale, v.deploymentId, v.deployedBy, Encore.when(v.deployedAt)].forEach((value) => Encore.cell(row, value));
    }
    clearOutput();
    $('test-result').textContent = '';
  }

  function options(select, entries) {
    select.replaceChildren(...entries.map(([value, label]) => new Option(label, value)));
  }

  function clearOutput() {
    $('render-error').hidden = true;
    $('subject').textContent = $('text').textContent = $('rendered-version').textContent = '';
    $('html').srcdoc = '';
  }

  // What the preview and the test send render with; a sample profile that is not JSON is named as the field at fault.
  function request() {
    const body = { channel: $('channel').value, locale: $('locale').value };
    if ($('journey').value) body.journeyKey = $('journey').value;
    const customerId = $('customer-id').value.trim();
    if (customerId) {
      body.customerId = customerId;
    } else {
      try {
        body.profile = JSON.parse($('profile').value || '{}');
      } catch (error) {
        throw new Error('profile: not valid JSON (' + error.message + ')');
      }
    }
    return body;
  }

  // A problem's field (the missing variable, the request field) is named with its message.
  async function call(path, body) {
    const response = await fetch(path, { method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', ...Encore.csrf() } });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const fields = (answer.errors || []).map((e) => e.field + ': ' + e.message).join('; ');
      throw new Error((answer.detail || answer.title || 'HTTP ' + response.status) + (fields ? ' [' + fields + ']' : ''));
    }
    return answer;
  }

  $('preview-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    clearOutput();
    try {
      const preview = await call('/api/v1/templates/' + encodeURIComponent(current.id) + '/preview', request());
      $('subject').textContent = Encore.text(preview.subject || (preview.fields && preview.fields.title));
      // srcdoc in a frame with an empty sandbox: the template's HTML shows, but runs no script and reaches nothing.
      $('html').hidden = !preview.html;
      $('html').srcdoc = preview.html || '';
      $('text').textContent = preview.html ? '' : Encore.text(preview.text);
      $('rendered-version').textContent = 'Template version ' + Encore.text(preview.templateVersion)
        + (preview.journey ? ' as ' + preview.journey.key + ' v' + preview.journey.version + ' sends it, settings '
          + JSON.stringify(preview.journey.settings) : '');
    } catch (error) {
      $('render-error').textContent = error.message;
      $('render-error').hidden = false;
    }
  });

  $('send-test').addEventListener('click', async () => {
    $('test-result').textContent = 'Sending…';
    try {
      const sent = await call('/api/v1/templates/' + encodeURIComponent(current.id) + '/test-sends',
        { ...request(), to: $('to').value.trim() });
      $('test-result').textContent = 'Test sent: "' + Encore.text(sent.subject) + '" (version ' + Encore.text(sent.templateVersion) + ')';
      $('test-result').className = 'status-sent';
    } catch (error) {
      $('test-result').textContent = 'Not sent: ' + error.message;
      $('test-result').className = 'status-failed';
    }
  });

  load().catch((error) => { $('render-error').textContent = error.message; $('render-error').hidden = false; });
})();
