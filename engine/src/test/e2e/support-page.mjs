// Logs in as support, finds a customer by email, sees their loyalty tier, their last source and the active cart journey with its
// current step highlighted and the sent reminder, exits the customer and sees the journey ended; then opens the
// analytics page as a marketer (entries by source included). Saves screenshots of both pages.
// Usage: node support-page.mjs <baseUrl> <supportUser> <password> <email> <screenshotDir> <marketerUser>
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [baseUrl, user, password, email, screenshots, marketer] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });
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
  const card = await page.textContent('#profile');
  if (!card.includes('Tier') || !card.includes('member') || !card.includes('Points')) await fail('no loyalty on the profile card: ' + card);
  if (!card.includes('Last source') || !card.includes('newsletter / email (autumn-edit)')) await fail('no acquisition on the profile card: ' + card);
  await page.waitForSelector('#active .djs-element.encore-current[data-element-id=TimerWaitSecondReminderDelay]');
  const sent = page.locator('#timeline tr.timeline-message', { hasText: 'cart-reminder' });
  if ((await sent.locator('.status-sent').count()) !== 1) await fail('the sent reminder is not in the timeline');
  await page.screenshot({ path: screenshots + '/support-page.png', fullPage: true });

  await page.click('#active button.exit');
  await page.fill('#exit-reason', 'Customer asked by phone to stop the reminders');
  await page.click('#exit-confirm');
  await page.waitForSelector('#finished td.ending:has-text("exited by hand")');
  if ((await page.locator('#active .journey').count()) !== 0) await fail('the journey is still active after the exit');

  const analytics = await login(marketer, '/analytics');
  await analytics.click('#journeys tr[data-definition^="AbandonedCart:"]');
  await analytics.waitForSelector('#diagram .counts');
  const bySource = await analytics.textContent('#sources tr[data-source=newsletter]');
  if (!bySource.includes('newsletter')) await fail('no entries by source: ' + bySource);
  await analytics.screenshot({ path: screenshots + '/analytics-page.png', fullPage: true });
  console.log('support page end-to-end: OK');
  await browser.close();
} catch (error) {
  await fail(error.message);
}
