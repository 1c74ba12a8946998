// Logs in to Encore as an admin, opens Camunda Cockpit and checks it shows its dashboard (not the "create initial
// user" setup page) with the admin's name in the header. Saves a screenshot when a directory is given.
// Usage: node cockpit.mjs <baseUrl> <engine> <adminUser> <password> [screenshotDir]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [baseUrl, engine, user, password, screenshots] = process.argv.slice(2);
if (screenshots) mkdirSync(screenshots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const fail = async (message) => { console.error('FAILED: ' + message); await browser.close(); process.exit(1); };
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(30000);
  const cockpit = `${baseUrl}/camunda/app/cockpit/${engine}/`;
  await page.goto(cockpit);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/camunda\/app\/cockpit\//);
  await page.waitForSelector('.stats-section.deployments');
  // The counts load after the page: the shipped journeys are deployed, one customer is in the cart journey.
  await page.waitForFunction(() => document.querySelector('.stats-section.deployments .value')?.textContent.trim() !== '0');
  if (page.url().includes('setup')) await fail('Cockpit sent the admin to the setup page: ' + page.url());
  const account = page.locator('li.account a.dropdown-toggle');
  await account.waitFor();
  const shown = (await account.textContent()).trim();
  if (shown !== user) await fail(`the header shows "${shown}", not the user's name "${user}"`);
  if (screenshots) await page.screenshot({ path: screenshots + '/cockpit.png' });
  console.log('cockpit end-to-end: OK');
  await browser.close();
} catch (error) {
  await fail(error.message);
}
