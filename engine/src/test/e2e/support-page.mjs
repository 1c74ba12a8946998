// Logs in as support, finds a customer by email, sees their loyalty tier, their last source, time zone and sunset flag,
// consent on every channel, their reviews and NPS answers flagged (detractor, low rating), the active cart journey with
// its current step named and highlighted and its next step's time, the timeline newest first with the sent reminder and
// an event's properties, the on-site inbox, exits the customer and sees the journey ended and the exit on the timeline; then opens the analytics page as a marketer:
// entries by source, the holdout's uplift without errors, per-step outcomes, no label under a count badge. Saves
// screenshots of both pages when a directory is given (an empty argument: none).
// Usage: node support-page.mjs <baseUrl> <supportUser> <password> <email> <screenshotDir> <marketerUser>
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [baseUrl, user, password, email, screenshots, marketer] = process.argv.slice(2);
if (screenshots) mkdirSync(screenshots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const fail = async (message) => { console.error('FAILED: ' + message); await browser.close(); process.exit(1); };
try {
  const login = async (name, path) => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 1100 } })).newPage();
    page.setDefaultTimeout(20000);
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') page.errors.push(message.text()); });
    await page.goto(baseUrl + path);
    await page.fill('input[name=username]', name);
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
    await page.waitForURL(new RegExp(path));
    return page;
  };
  const page = await login(user, '/support');

  await page.fill('#query', email);
  await page.click('#search button');
  await page.waitForSelector('#customer:not([hidden])');
  const title = await page.textContent('#active .journey h3');
  if (!title.includes('AbandonedCart')) await fail('no active cart journey: ' + title);
  if (!title.includes('waiting at Wait second reminder delay') || title.includes('TimerWait')) await fail('the step is not named: ' + title);
  const next = await page.textContent('#active .journey .next-step');
  if (!/^Next: Wait second reminder delay at \d{4}-\d\d-\d\d \d\d:\d\d \+08:00 \(Asia\/Taipei\), \d{4}-\d\d-\d\d \d\d:\d\d UTC$/.test(next)) {
    await fail('no next step time in the customer\'s zone and UTC: ' + next);
  }
  const consents = Object.fromEntries(await page.locator('#consents tbody tr').evaluateAll((rows) => rows.map((row) =>
    [row.dataset.channel, [...row.cells].map((cell) => cell.textContent).join(' | ')])));
  for (const channel of ['email', 'sms', 'line', 'webpush', 'apppush', 'onsite']) {
    if (!consents[channel]) await fail('no consent row for ' + channel + ': ' + JSON.stringify(consents));
  }
  if (!consents.email.includes('granted') || !consents.email.includes('checkout')) await fail('email consent: ' + consents.email);
  if (!consents.sms.includes('withdrawn') || !consents.sms.includes('account settings')) await fail('sms consent: ' + consents.sms);
  if (!consents.line.includes('not recorded')) await fail('line consent: ' + consents.line);
  const card = await page.textContent('#profile');
  if (!card.includes('Tier') || !card.includes('member') || !card.includes('Points')) await fail('no loyalty on the profile card: ' + card);
  const flags = await page.locator('#feedback-flags .flag').allTextContents();
  if (!flags.includes('detractor') || !flags.includes('low rating')) await fail('no detractor / low rating flag: ' + flags);
  if (!(await page.locator('#feedback-flags .flag').first().isVisible())) await fail('the flags are not visible');
  const review = await page.textContent('#reviews tbody tr.low');
  if (!review.includes('1 / 5') || !review.includes('logistics 1') || !review.includes('o-1')) await fail('the review is not shown: ' + review);
  const answer = await page.textContent('#nps tbody tr.low');
  if (!answer.includes('3 / 10') || !answer.includes('detractor')) await fail('the NPS answer is not shown: ' + answer);
  if (!card.includes('Last source') || !card.includes('newsletter / email (autumn-edit)')) await fail('no acquisition on the profile card: ' + card);
  if (!card.includes('Time zoneAsia/Taipei') || !card.includes('Sunsetno')) await fail('no time zone or sunset on the profile card: ' + card);
  await page.waitForSelector('#active .djs-element.encore-current[data-element-id=TimerWaitSecondReminderDelay]');
  const sent = page.locator('#timeline tr.timeline-message', { hasText: 'cart-reminder' });
  if ((await sent.locator('.status-sent').count()) !== 1) await fail('the sent reminder is not in the timeline');
  if (!(await sent.textContent()).includes('AbandonedCart / Send cart reminder email')) await fail('the message\'s step is not named: ' + await sent.textContent());
  const story = await page.locator('#timeline tbody tr').evaluateAll((rows) => rows.map((row) => row.cells[2].textContent));
  const at = (what) => story.indexOf(what);
  if (at('event: identify') < 0 || !(at('email message: cart-reminder') < at('event: Checkout Started')
    && at('event: Checkout Started') < at('event: identify'))) await fail('the timeline is not newest first: ' + story.join(' / '));
  const checkout = page.locator('#timeline tr.timeline-event', { hasText: 'event: Checkout Started' });
  if ((await checkout.locator('td').nth(1).textContent()).trim() === '') await fail('the event has no time of its own');
  await checkout.locator('details.properties summary').click();
  const properties = await checkout.locator('details.properties pre').textContent();
  if (!properties.includes('Linen shirt')) await fail('the event\'s properties are not shown: ' + properties);
  const inbox = await page.textContent('#inbox tbody');
  if (!inbox.includes('Ada, your cart is waiting') || !inbox.includes('AbandonedCart / SendTaskInboxReminder')) await fail('the inbox message is not shown: ' + inbox);
  if (screenshots) await page.screenshot({ path: screenshots + '/support-page.png', fullPage: true });

  await page.click('#active button.exit');
  await page.fill('#exit-reason', 'Customer asked by phone to stop the reminders');
  await page.click('#exit-confirm');
  await page.waitForSelector('#finished td.ending:has-text("exited by hand")');
  if ((await page.locator('#active .journey').count()) !== 0) await fail('the journey is still active after the exit');
  const exit = await page.textContent('#timeline tbody tr:first-child');
  if (!exit.includes('exit: exited by hand') || !exit.includes('AbandonedCart') || !exit.includes('by support: Customer asked by phone'))
    await fail('the exit is not the newest entry of the timeline: ' + exit);

  const analytics = await login(marketer, '/analytics');
  await analytics.click('#journeys tr[data-definition^="AbandonedCart:"]');
  await analytics.waitForSelector('#diagram .counts');
  await analytics.waitForSelector('#uplift tbody tr:has-text("Holdout")');
  const uplift = await analytics.textContent('#uplift tbody');
  if (uplift.includes('NaN') || uplift.includes('undefined')) await fail('the holdout row shows ' + uplift);
  await analytics.waitForSelector('#diagram .outcomes .status-sent');
  const outcomes = await analytics.textContent('#messages tbody');
  if (!outcomes.includes('sent')) await fail('no per-step outcomes: ' + outcomes);
  // No count badge may cover an element's label.
  const covered = await analytics.evaluate(() => {
    const labels = [...document.querySelectorAll('#diagram svg text')].filter((t) => t.textContent.trim())
      .map((t) => ({ text: t.textContent, rect: t.getBoundingClientRect() })).filter((l) => l.rect.width > 0);
    const badges = [...document.querySelectorAll('#diagram .counts, #diagram .outcomes')].map((b) => b.getBoundingClientRect());
    const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left))
      * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    return badges.flatMap((b) => labels.filter((l) => overlap(b, l.rect) > 4).map((l) => l.text));
  });
  if (covered.length) await fail('labels covered by count badges: ' + covered.join(' | '));
  if (analytics.errors.length) await fail('console errors on the analytics page: ' + analytics.errors.join('; '));
  const bySource = await analytics.textContent('#sources tr[data-source=newsletter]');
  if (!bySource.includes('newsletter')) await fail('no entries by source: ' + bySource);
  if (screenshots) await analytics.screenshot({ path: screenshots + '/analytics-page.png', fullPage: true });
  console.log('support page end-to-end: OK');
  await browser.close();
} catch (error) {
  await fail(error.message);
}
