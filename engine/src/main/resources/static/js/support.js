// Support page: search, profile card (sunset, time zone), consents on every channel, reviews and NPS (flagged),
// journeys (current step by name and highlighted, next step's time), timeline newest first with exits, on-site inbox,
// audited exit.
(() => {
  const $ = (id) => document.getElementById(id);
  let customerId = null;

  $('search').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('notice').textContent = '';
    const found = await Encore.api('/api/v1/customers?q=' + encodeURIComponent($('query').value));
    if (found.length === 0) { $('notice').textContent = 'No customer found'; $('customer').hidden = true; return; }
    customerId = found[0].customerId;
    await show();
  });

  async function show() {
    const [profile, reach, feedback, journeys, timeline, inbox] = await Promise.all([
      Encore.api('/api/v1/customers/' + encodeURIComponent(customerId)),
      Encore.api('/api/v1/customers/' + encodeURIComponent(customerId) + '/reach'),
      Encore.api('/api/v1/customers/' + encodeURIComponent(customerId) + '/feedback'),
      Encore.api('/api/v1/customers/' + encodeURIComponent(customerId) + '/journeys'),
      Encore.api('/api/v1/customers/' + encodeURIComponent(customerId) + '/timeline'),
      Encore.api('/api/v1/customers/' + encodeURIComponent(customerId) + '/inbox')]);
    $('customer').hidden = false;
    renderProfile(profile, reach);
    renderConsents(reach.consents);
    renderFeedback(feedback);
    await renderJourneys(journeys);
    renderTimeline(timeline);
    renderInbox(inbox);
  }

  function renderProfile(p, reach) {
    const zone = reach.timeZone + (reach.timeZoneFromProfile ? '' : ' (shop default)');
    const sunset = reach.sunset ? 'yes, since ' + Encore.when(reach.sunsetSince) + ': no marketing until they order' : 'no';
    const fields = [['Customer', p.customerId], ['Name', [p.firstName, p.lastName].filter(Boolean).join(' ')], ['Email', p.email], ['Phone', p.phone],
      ['Stage', p.lifecycleStage + (p.lapsed ? ' (lapsed)' : '')], ['RFM segment', p.rfm && p.rfm.segment], ['Orders', p.orderCount],
      ['Tier', p.loyalty && p.loyalty.tier], ['Points', p.loyalty && p.loyalty.points], ['Time zone', zone], ['Sunset', sunset],
      ['First source', touch(p.acquisition && p.acquisition.first)], ['Last source', touch(p.acquisition && p.acquisition.last)]];
    const card = $('profile');
    card.replaceChildren(...fields.map(([label, value]) => {
      const item = document.createElement('dl');
      const dt = document.createElement('dt'); dt.textContent = label;
      const dd = document.createElement('dd'); dd.textContent = Encore.text(value);
      item.append(dt, dd);
      return item;
    }));
  }

  function renderConsents(consents) {
    const body = $('consents').tBodies[0];
    body.replaceChildren();
    for (const consent of consents) {
      const row = body.insertRow();
      row.dataset.channel = consent.channel;
      Encore.cell(row, consent.channel);
      Encore.cell(row, consent.status, 'consent-' + consent.status.replace(' ', '-'));
      Encore.cell(row, Encore.when(consent.at));
      Encore.cell(row, consent.source);
    }
  }

  // Flags first: a detractor or a low rating is what support should see before anything else.
  function renderFeedback(feedback) {
    $('feedback-flags').replaceChildren(...feedback.flags.map((flag) => {
      const badge = document.createElement('span');
      badge.className = 'flag';
      badge.textContent = flag;
      return badge;
    }));
    const reviews = $('reviews').tBodies[0];
    reviews.replaceChildren();
    for (const review of feedback.reviews) {
      const row = reviews.insertRow();
      if (review.low) row.className = 'low';
      Encore.cell(row, Encore.when(review.submittedAt));
      Encore.cell(row, review.rating + ' / 5');
      Encore.cell(row, Object.entries(review.ratings).map(([aspect, score]) => aspect + ' ' + score).join(', '));
      Encore.cell(row, review.orderId);
      Encore.cell(row, review.productId);
    }
    const nps = $('nps').tBodies[0];
    nps.replaceChildren();
    for (const answer of feedback.nps) {
      const row = nps.insertRow();
      if (answer.category === 'detractor') row.className = 'low';
      Encore.cell(row, Encore.when(answer.submittedAt));
      Encore.cell(row, answer.score + ' / 10');
      Encore.cell(row, answer.category);
    }
    $('reviews').hidden = feedback.reviews.length === 0;
    $('nps').hidden = feedback.nps.length === 0;
  }

  // "google / cpc (spring-sale)", as marketers name a touch.
  function touch(t) {
    if (!t) return null;
    return t.source + (t.medium ? ' / ' + t.medium : '') + (t.campaign ? ' (' + t.campaign + ')' : '');
  }

  async function renderJourneys(journeys) {
    const active = $('active');
    active.replaceChildren();
    const finished = $('finished').tBodies[0];
    finished.replaceChildren();
    for (const journey of journeys) {
      if (journey.endedAt) {
        const row = finished.insertRow();
        Encore.cell(row, journey.journey + ' v' + journey.version);
        Encore.cell(row, Encore.when(journey.startedAt));
        Encore.cell(row, Encore.when(journey.endedAt));
        Encore.cell(row, journey.ending && journey.ending.how, 'ending');
        Encore.cell(row, journey.ending && (journey.ending.exitedBy ? journey.ending.exitedBy + ': ' + journey.ending.reason : journey.ending.endActivityName));
        continue;
      }
      const box = document.createElement('div');
      box.className = 'journey';
      box.dataset.instance = journey.processInstanceId;
      const title = document.createElement('h3');
      title.textContent = journey.journey + ' v' + journey.version + ' — waiting at ' + journey.waitingAtNames.join(', ');
      const next = document.createElement('p');
      next.className = 'next-step';
      const step = journey.nextStep;
      next.textContent = step ? 'Next: ' + step.name + ' at ' + step.dueLocal + ' (' + step.timeZone + '), '
        + step.dueAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, '') + ' UTC' : 'Next: when the customer does something';
      const exit = document.createElement('button');
      exit.textContent = 'Exit customer from this journey';
      exit.className = 'exit';
      exit.addEventListener('click', () => askExit(journey));
      const canvas = document.createElement('div');
      canvas.className = 'diagram';
      box.append(title, next, exit, canvas);
      active.append(box);
      const viewer = await Encore.diagram(canvas, journey.processDefinitionId);
      journey.waitingAt.forEach((element) => viewer.get('canvas').addMarker(element, 'encore-current'));
    }
    if (!active.children.length) active.textContent = 'None';
  }

  function renderTimeline(entries) {
    const body = $('timeline').tBodies[0];
    body.replaceChildren();
    for (const entry of entries) {
      const row = body.insertRow();
      row.className = 'timeline-' + entry.kind;
      Encore.cell(row, Encore.when(entry.at));
      Encore.cell(row, Encore.when(entry.occurredAt));
      const what = Encore.cell(row, entry.kind === 'message' ? entry.channel + ' message: ' + entry.name
        + (entry.templateVersion ? ' (template version ' + entry.templateVersion + ')' : '') : entry.kind + ': ' + entry.name);
      if (entry.test) {
        // A marketer's test send (decision 029): not a message the customer received.
        const flag = document.createElement('span');
        flag.className = 'flag test';
        flag.textContent = 'test';
        what.prepend(flag);
      }
      Encore.cell(row, entry.journey ? entry.journey + ' / ' + entry.stepName : entry.source);
      Encore.cell(row, entry.status, entry.status ? 'status-' + entry.status : '');
      Encore.cell(row, entry.reason);
      const last = Encore.cell(row, [entry.subject, entry.preview].filter(Boolean).join('\n'), 'preview');
      if (entry.properties && Object.keys(entry.properties).length) last.append(properties(entry.properties));
    }
  }

  // Compact until opened: a line of the first few keys, the whole JSON on a click.
  function properties(values) {
    const details = document.createElement('details');
    details.className = 'properties';
    const summary = document.createElement('summary');
    const keys = Object.keys(values);
    summary.textContent = keys.slice(0, 4).join(', ') + (keys.length > 4 ? ' …' : '');
    const json = document.createElement('pre');
    json.textContent = JSON.stringify(values, null, 2);
    details.append(summary, json);
    return details;
  }

  function renderInbox(messages) {
    const body = $('inbox').tBodies[0];
    body.replaceChildren();
    for (const message of messages) {
      const row = body.insertRow();
      Encore.cell(row, Encore.when(message.sentAt));
      Encore.cell(row, message.title);
      Encore.cell(row, message.body, 'preview');
      Encore.cell(row, Encore.when(message.expiresAt));
      Encore.cell(row, message.seen ? 'yes' : 'no');
      Encore.cell(row, message.journey ? message.journey + ' / ' + message.step : '');
    }
    if (!messages.length) Encore.cell(body.insertRow(), 'None');
  }

  function askExit(journey) {
    $('exit-journey').textContent = journey.journey;
    $('exit-reason').value = '';
    const dialog = $('exit-dialog');
    dialog.onclose = async () => {
      if (dialog.returnValue !== 'confirm' || !$('exit-reason').value.trim()) return;
      try {
        await Encore.api('/api/v1/customers/' + encodeURIComponent(customerId) + '/journeys/' + journey.processInstanceId + '/exit',
          { method: 'POST', body: JSON.stringify({ reason: $('exit-reason').value }) });
        await show();
      } catch (error) { $('notice').textContent = error.message; }
    };
    dialog.showModal();
  }
})();
