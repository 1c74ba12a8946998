// Journeys page: every deployed journey with its versions, settings and templates; deploys a journeys folder, files
// or a zip through POST /api/v1/journeys (with the session's CSRF token) and draws a refused upload's problems on
// its diagram, at the element each names.
(() => {
  const $ = (id) => document.getElementById(id);
  let justDeployed = new Set();

  // What a journeys folder deploys, read as the server reads a zip of it: diagrams and rule tables by file name,
  // templates by their path from templates/; null for the rest (README, element templates, node_modules).
  function deployedName(path) {
    if (path.includes('node_modules/')) return null;
    if (path.endsWith('.liquid')) {
      const at = path.startsWith('templates/') ? 0 : path.indexOf('/templates/') + 1;
      return at > 0 || path.startsWith('templates/') ? path.substring(at) : null;
    }
    const name = path.substring(path.lastIndexOf('/') + 1);
    return /\.(bpmn|dmn)$/.test(name) ? name : null;
  }

  function chosenFiles() {
    const chosen = [];
    let leftOut = 0;
    for (const file of $('folder').files) {
      const name = deployedName(file.webkitRelativePath || file.name);
      if (name) chosen.push({ name, file }); else leftOut++;
    }
    for (const file of $('files').files) chosen.push({ name: file.name, file });
    return { chosen, leftOut };
  }

  function showChosen() {
    const { chosen, leftOut } = chosenFiles();
    $('chosen').textContent = chosen.length ? chosen.length + ' file(s) to deploy: ' + chosen.map((c) => c.name).join(', ')
      + (leftOut ? ' (' + leftOut + ' other file(s) of the folder left out)' : '') : '';
  }

  function result(text, kind) {
    $('deploy-result').textContent = text;
    $('deploy-result').className = kind;
  }

  async function deploy(event) {
    event.preventDefault();
    const { chosen } = chosenFiles();
    if (!chosen.length) return result('Choose a journeys folder, files or a zip first.', 'notice');
    const form = new FormData();
    for (const { name, file } of chosen) form.append('files', file, name);
    form.append('migrate', $('migrate').checked);
    $('deploy').disabled = true;
    result('Checking and deploying…', 'hint');
    try {
      const response = await fetch('/api/v1/journeys', { method: 'POST', body: form, credentials: 'same-origin',
        headers: { 'Accept': 'application/json', ...Encore.csrf() } });
      const body = await response.json().catch(() => ({}));
      if (response.status === 422) {
        result(body.detail || 'The upload has problems; nothing was deployed.', 'notice');
        await showProblems(body.problems || [], chosen);
        return;
      }
      if (!response.ok) throw new Error(body.detail || body.title || ('HTTP ' + response.status));
      $('problems').hidden = true;
      justDeployed = new Set(body.journeys.map((v) => v.processDefinitionId));
      const moved = (body.migrations || []).map((m) => m.migrated + ' customer(s) of ' + m.journey + ' v' + m.fromVersion
        + ' moved to v' + m.toVersion + (m.failed.length ? ', ' + m.failed.length + ' could not be moved' : ''));
      result(body.journeys.length
        ? 'Deployed ' + body.journeys.map((v) => v.journey + ' v' + v.version).join(', ') + '. ' + moved.join('; ')
        : 'Nothing changed: every file is as already deployed.', 'deployed');
      await list();
    } catch (error) {
      result(error.message, 'notice');
    } finally {
      $('deploy').disabled = false;
    }
  }

  async function showProblems(problems, chosen) {
    $('problems').hidden = false;
    const body = $('problem-list').tBodies[0];
    body.replaceChildren();
    for (const p of problems) {
      const row = body.insertRow();
      Encore.cell(row, p.resource);
      Encore.cell(row, p.elementId);
      Encore.cell(row, p.setting, 'setting');
      Encore.cell(row, p.message);
    }
    const diagrams = $('problem-diagrams');
    diagrams.replaceChildren();
    for (const { name, file } of chosen) {
      const own = problems.filter((p) => p.resource === name && p.elementId);
      if (name.endsWith('.bpmn') && own.length) await drawProblems(diagrams, name, await file.text(), own);
    }
  }

  // The uploaded diagram with each named element marked red and its problems beside it.
  async function drawProblems(parent, name, xml, problems) {
    const title = document.createElement('h4');
    title.textContent = name;
    const container = document.createElement('div');
    container.className = 'diagram';
    container.dataset.resource = name;
    parent.append(title, container);
    let viewer;
    try {
      viewer = await Encore.draw(container, xml);
    } catch (error) {
      container.textContent = 'The diagram cannot be drawn: ' + error.message;
      return;
    }
    const registry = viewer.get('elementRegistry');
    const canvas = viewer.get('canvas');
    const byElement = {};
    for (const p of problems) (byElement[p.elementId] = byElement[p.elementId] || []).push(p);
    for (const [elementId, own] of Object.entries(byElement)) {
      // The journey itself (its properties) has no shape to point at: the table lists those.
      if (!registry.get(elementId) || canvas.getRootElement().id === elementId) continue;
      canvas.addMarker(elementId, 'encore-problem');
      const html = document.createElement('div');
      html.className = 'problem-overlay';
      html.dataset.elementId = elementId;
      for (const p of own) {
        const line = document.createElement('div');
        if (p.setting) {
          const setting = document.createElement('strong');
          setting.textContent = p.setting;
          line.append(setting, ' ');
        }
        line.append(p.setting && p.message.startsWith(p.setting + ': ') ? p.message.substring(p.setting.length + 2) : p.message);
        html.append(line);
      }
      viewer.get('overlays').add(elementId, { position: { top: -4, left: 0 }, html });
    }
  }

  // A version's templates by id: "cart-reminder: email (en, zh-TW)".
  function templateSummary(paths) {
    const byId = {};
    for (const path of paths) {
      const [, id, channel, locale] = path.match(/^templates\/([^/]+)\/([^.]+)\.(.+)\.liquid$/) || [];
      if (!id) continue;
      const t = byId[id] || (byId[id] = { channels: new Set(), locales: new Set() });
      t.channels.add(channel);
      t.locales.add(locale);
    }
    return Object.entries(byId).map(([id, t]) => id + ': ' + [...t.channels].join(', ') + ' (' + [...t.locales].join(', ') + ')');
  }

  function lines(cell, items) {
    const list = document.createElement('ul');
    list.className = 'plain';
    for (const item of items) {
      const li = document.createElement('li');
      if (Array.isArray(item)) {
        const name = document.createElement('code');
        name.textContent = item[0];
        li.append(name, ' ' + item[1]);
      } else {
        li.textContent = item;
      }
      list.append(li);
    }
    cell.append(list);
  }

  // One table: a journey's name once, beside its versions newest first.
  async function list() {
    const journeys = await Encore.api('/api/v1/journeys');
    const body = $('journeys').tBodies[0];
    body.replaceChildren();
    for (const journey of journeys) {
      journey.versions.forEach((v, i) => {
        const row = body.insertRow();
        row.dataset.journey = journey.journey;
        row.dataset.definition = v.processDefinitionId;
        row.className = (i === 0 ? 'first' : '') + (justDeployed.has(v.processDefinitionId) ? ' new' : '');
        if (i === 0) {
          const name = Encore.cell(row, journey.name || journey.journey, 'journey');
          name.rowSpan = journey.versions.length;
          if (journey.name) name.append(Object.assign(document.createElement('div'), { className: 'hint', textContent: journey.journey }));
        }
        Encore.cell(row, 'v' + v.version, 'version');
        const deployed = Encore.cell(row, Encore.when(v.deployedAt));
        deployed.append(Object.assign(document.createElement('div'), { className: 'hint deployment',
          textContent: (v.deployedBy === 'encore' ? 'journeys folder at start' : 'by ' + v.deployedBy) + ' · ' + v.deploymentId }));
        Encore.cell(row, v.active, 'active');
        lines(row.insertCell(), Object.entries(v.settings).map(([name, value]) => ['setting.' + name, value]));
        row.cells[row.cells.length - 1].className = 'settings';
        const templates = templateSummary(v.templates);
        // Then each send uses the newest deployed version of its template (decision 030).
        lines(row.insertCell(), templates.length ? templates : ['none: sends the newest deployed']);
        row.cells[row.cells.length - 1].className = 'templates' + (templates.length ? '' : ' hint');
      });
    }
    if (!journeys.length) Encore.cell(body.insertRow(), 'No journey is deployed yet.');
    document.body.dataset.loaded = 'true';
  }

  $('folder').addEventListener('change', showChosen);
  $('files').addEventListener('change', showChosen);
  $('deploy-form').addEventListener('submit', deploy);
  list().catch((error) => { $('journeys').tBodies[0].replaceChildren(); Encore.cell($('journeys').tBodies[0].insertRow(), error.message); });
})();
