// Logs in as a marketer, opens the loyalty dashboard for a period, checks that every chart was drawn (a Chart.js
// chart on each canvas, with data) and that the page logged no error; saves a screenshot when a directory is given.
// Usage: node loyalty-page.mjs <baseUrl> <user> <password> <query> [screenshotDir]
import { mkdirSync } from 'node:fs';
import { launch } from './chromium.mjs';

const [baseUrl, user, password, query, screenshots] = process.argv.slice(2);
if (screenshots) mkdirSync(screenshots, { recursive: true });
const browser = await launch();
const fail = async (message) => { console.error('FAILED: ' + message); await browser.close(); process.exit(1); };
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  page.setDefaultTimeout(20000);
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !(message.location().url || '').endsWith('/favicon.ico')) errors.push(message.text() + ' ' + (message.location().url || ''));
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // The browser asks for /favicon.ico on its own; Encore has none. Any other failed request is the page's.
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(response.status() + ' ' + response.url());
  });
  await page.goto(baseUrl + '/analytics/loyalty?' + query);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(/analytics\/loyalty/);
  await page.waitForSelector('body[data-loaded=true]');
  const charts = await page.evaluate(() => [...document.querySelectorAll('canvas')].map((canvas) => {
    const chart = Chart.getChart(canvas);
    return { id: canvas.id, drawn: !!chart && canvas.width > 0,
      points: chart ? chart.data.datasets.reduce((sum, set) => sum + set.data.filter((v) => v !== null && v !== undefined).length, 0) : 0 };
  }));
  for (const id of ['monthly', 'cohorts', 'tiers', 'flows', 'nps', 'aspects']) {
    const chart = charts.find((c) => c.id === id);
    if (!chart || !chart.drawn || chart.points === 0) await fail('chart ' + id + ' not drawn with data: ' + JSON.stringify(chart));
  }
  const kpis = await page.textContent('#kpis');
  if (!kpis.includes('Repurchase rate') || !kpis.includes('NPS')) await fail('no KPI cards: ' + kpis);
  if ((await page.locator('#cohort-table tbody tr').count()) === 0) await fail('no cohort rows');
  const note = await page.textContent('#clv-note');
  if (!note.includes('BG/NBD')) await fail('the CLV model was not fitted: ' + note);
  if (errors.length) await fail('console errors: ' + errors.join(' | '));
  if (screenshots) await page.screenshot({ path: screenshots + '/loyalty-dashboard.png', fullPage: true });
  console.log('loyalty dashboard: OK ' + JSON.stringify(charts));
  await browser.close();
} catch (error) {
  await fail(error.message);
}
