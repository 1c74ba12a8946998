// Opens Swagger UI without a login, authorizes with HTTP Basic, and tries out a POST (a template preview): it must
// answer 200 without any CSRF token. Usage: node swagger-ui.mjs <baseUrl> <user> <password>
import { chromium } from 'playwright-core';

const [baseUrl, user, password] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const fail = async (message) => { console.error('FAILED: ' + message); await browser.close(); process.exit(1); };
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  page.setDefaultTimeout(30000);
  await page.goto(baseUrl + '/swagger-ui/index.html');
  await page.waitForSelector('#operations-Templates-preview');

  await page.click('.btn.authorize');
  const basic = page.locator('.auth-container').filter({ has: page.locator('h4', { hasText: /^basic/ }) });
  await basic.locator('input[type=text]').fill(user);
  await basic.locator('input[type=password]').fill(password);
  await basic.locator('button.authorize').click();
  await page.click('.btn-done');

  const operation = page.locator('#operations-Templates-preview');
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('.try-out__btn').click();
  await operation.locator('input[placeholder=id]').fill('cart-reminder');
  await operation.locator('textarea.body-param__text').fill(JSON.stringify({
    channel: 'email', locale: 'en', profile: { firstName: 'Ada' },
    cart: { url: 'https://shop.example/cart', products: [{ name: 'Linen shirt', quantity: 1 }] },
    settings: { couponCode: 'SAVE10' },
  }));
  await operation.locator('.execute').click();
  const status = operation.locator('.live-responses-table .response .response-col_status');
  await status.waitFor();
  const code = (await status.textContent()).trim();
  if (!code.startsWith('200')) await fail('the try-out answered ' + code + ': ' + await operation.locator('.live-responses-table').textContent());
  console.log('swagger ui try-out: OK');
  await browser.close();
} catch (error) {
  await fail(error.message);
}
