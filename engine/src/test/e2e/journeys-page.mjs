// The marketer's journeys page: logs in, uploads a journeys folder with a new journey and its new email template and
// sees the new version listed with its template (and the cart journey's settings); then uploads a folder whose cart
// journey has a bad setting and sees the problem drawn on the diagram at the timer that reads it, naming the setting.
// No console error on the page (but the refused upload's own 422). Saves screenshots when given a directory.
// Usage: node journeys-page.mjs <baseUrl> <user> <password> <goodFolder> <badFolder> [screenshotDir]
import { mkdirSync } from 'node:fs';
import { launch } from './chromium.mjs';

const [baseUrl, user, password, goodFolder, badFolder, screenshots] = process.argv.slice(2);
if (screenshots) mkdirSync(screenshots, { recursive: true });
const browser = await launch();
const fail = async (message) => { console.error('FAILED: ' + message); await browser.close(); process.exit(1); };
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  page.setDefaultTimeout(20000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    const url = message.location().url || '';
    // The browser reports the refused upload's 422 itself; the page shows it. And it asks for a favicon Encore lacks.
    const expected = url.endsWith('/favicon.ico') || (url.endsWith('/api/v1/journeys') && message.text().includes('422'));
    if (message.type() === 'error' && !expected) errors.push(message.text() + ' ' + url);
  });
  await page.goto(baseUrl + '/journeys');
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/journeys/);
  await page.waitForSelector('body[data-loaded=true]');
  if (!(await page.isVisible('nav a[href="/journeys"]'))) await fail('no link to the page in the navigation');

  await page.setInputFiles('#folder', goodFolder);
  const chosen = await page.textContent('#chosen');
  if (!chosen.includes('templates/gift-card-thanks/email.en.liquid') || !chosen.includes('left out')) await fail('chosen: ' + chosen);
  await page.click('#deploy');
  await page.waitForSelector('#deploy-result.deployed');
  const deployed = await page.textContent('#deploy-result');
  if (!deployed.includes('GiftCard v1') || !deployed.includes('AbandonedCart v2')) await fail('the new versions are not announced: ' + deployed);
  const version = page.locator('#journeys tr.new[data-journey=GiftCard]');
  await version.waitFor();
  if ((await version.locator('td.version').textContent()) !== 'v1') await fail('GiftCard row: ' + await version.textContent());
  const templates = await version.locator('td.templates').textContent();
  if (!templates.includes('gift-card-thanks: email (en, zh-TW)')) await fail('the uploaded template is not listed: ' + templates);
  // The cart journey: the new version with the uploaded setting, the one the waiting customer is on below it.
  const cart = await page.locator('#journeys tr[data-journey=AbandonedCart]').evaluateAll((rows) => rows.map((row) => ({
    isNew: row.classList.contains('new'), version: row.querySelector('td.version').textContent,
    active: row.querySelector('td.active').textContent, settings: row.querySelector('td.settings').textContent })));
  if (cart.length !== 2 || !cart[0].isNew || cart[0].version !== 'v2' || cart[1].version !== 'v1' || cart[1].active !== '1'
    || !cart[0].settings.includes('setting.secondReminderDelay PT20H') || !cart[1].settings.includes('setting.secondReminderDelay PT23H')
    || !cart[0].settings.includes('setting.couponCode FROM-CONFIG')) await fail('the cart versions: ' + JSON.stringify(cart));
  if (screenshots) await page.screenshot({ path: screenshots + '/journeys-page.png' });

  await page.setInputFiles('#folder', badFolder);
  await page.click('#deploy');
  await page.waitForSelector('#problems:not([hidden])');
  const overlay = page.locator('.problem-overlay[data-element-id=TimerWaitSecondReminderDelay]');
  await overlay.waitFor();
  const said = await overlay.textContent();
  if (!said.includes('setting.secondReminderDelay') || !said.includes("'tomorrow' is not an ISO-8601 duration")) await fail('overlay: ' + said);
  if ((await page.locator('.djs-element.encore-problem[data-element-id=TimerWaitSecondReminderDelay]').count()) !== 1) {
    await fail('the timer is not marked on the diagram');
  }
  const rows = await page.locator('#problem-list tbody tr').allTextContents();
  if (!rows.some((row) => row.includes('TimerWaitSecondReminderDelay') && row.includes('setting.secondReminderDelay'))) {
    await fail('the problem list: ' + rows.join(' | '));
  }
  if (screenshots) {
    await overlay.scrollIntoViewIfNeeded();
    await page.locator('#upload').screenshot({ path: screenshots + '/journeys-validation.png' });
  }
  if (errors.length) await fail('console errors: ' + errors.join(' | '));
  console.log('journeys page end-to-end: OK');
  await browser.close();
} catch (error) {
  await fail(error.message);
}
