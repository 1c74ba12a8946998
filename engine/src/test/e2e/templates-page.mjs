// Logs in as a marketer on the templates page: picks the cart's second reminder, previews the email for a real customer
// with the cart journey's settings (the coupon code shows in the sandboxed frame), sees a missing variable named for a
// sample profile without products, and sends a test email to an address. No console errors. Saves screenshots when a
// directory is given.
// Usage: node templates-page.mjs <baseUrl> <user> <password> <customerId> <coupon> <testAddress> [screenshotDir]
import { mkdirSync } from 'node:fs';
import { launch } from './chromium.mjs';

const [baseUrl, user, password, customerId, coupon, to, screenshots] = process.argv.slice(2);
if (screenshots) mkdirSync(screenshots, { recursive: true });
const browser = await launch();
const fail = async (message) => { console.error('FAILED: ' + message); await browser.close(); process.exit(1); };
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 1100 } })).newPage();
  page.setDefaultTimeout(20000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The browser asks for /favicon.ico on its own; Encore has none. Any other failed request is the page's.
  page.on('console', (message) => {
    const url = message.location().url || '';
    if (message.type() === 'error' && !url.endsWith('/favicon.ico')) errors.push(message.text() + ' ' + url);
  });
  await page.goto(baseUrl + '/templates');
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/templates/);

  const row = page.locator('#templates tr[data-template="cart-second-reminder"]');
  const listed = await row.textContent();
  if (!listed.includes('email') || !listed.includes('AbandonedCart')) await fail('template row: ' + listed);
  await row.click();
  await page.waitForSelector('#template:not([hidden])');
  if (await page.locator('#versions tbody tr').count() === 0) await fail('no versions listed');
  await page.selectOption('#channel', 'email');
  await page.selectOption('#locale', 'en');
  await page.selectOption('#journey', 'AbandonedCart');
  await page.fill('#customer-id', customerId);
  await page.click('#preview');
  const frame = page.frameLocator('#html');
  const shown = await frame.locator('strong').textContent();
  if (shown !== coupon) await fail('coupon in the preview: ' + shown);
  if (!(await frame.locator('body').textContent()).includes('Linen shirt')) await fail('the customer\'s cart is not in the preview');
  if (await page.getAttribute('#html', 'sandbox') !== '') await fail('the frame is not sandboxed without scripts');
  const subject = await page.textContent('#subject');
  if (!subject.startsWith('Ada')) await fail('subject: ' + subject);
  if (errors.length) await fail('console errors: ' + errors.join(' | '));
  if (screenshots) await page.screenshot({ path: screenshots + '/templates-page.png', fullPage: true });

  // A sample without products: the SMS names the missing variable (the 400 is expected on the console).
  await page.fill('#customer-id', '');
  await page.selectOption('#channel', 'sms');
  await page.fill('#profile', JSON.stringify({ firstName: 'Ada', cart: { products: null } }));
  await page.click('#preview');
  await page.waitForSelector('#render-error:not([hidden])');
  const problem = await page.textContent('#render-error');
  if (!problem.includes('cart.products.size')) await fail('the missing variable is not named: ' + problem);
  const unexpected = errors.filter((e) => !e.includes('status of 400'));
  if (unexpected.length) await fail('console errors: ' + unexpected.join(' | '));

  await page.selectOption('#channel', 'email');
  await page.fill('#customer-id', customerId);
  await page.click('#preview');
  await page.waitForSelector('#render-error', { state: 'hidden' });
  await page.fill('#to', to);
  await page.click('#send-test');
  await page.waitForFunction(() => document.getElementById('test-result').textContent.startsWith('Test sent'));
  const result = await page.textContent('#test-result');
  if (!result.includes('[TEST]')) await fail('the test is not marked: ' + result);
  const after = errors.filter((e) => !e.includes('status of 400'));
  if (after.length) await fail('console errors: ' + after.join(' | '));
  if (screenshots) await page.screenshot({ path: screenshots + '/templates-test-send.png', fullPage: true });
  console.log('templates page end-to-end: OK');
  await browser.close();
} catch (error) {
  await fail(error.stack || String(error));
}
