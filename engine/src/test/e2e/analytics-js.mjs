// analytics.js (@segment/analytics-next, its browser build) on a shop page served from another origin than
// Encore's (the caller may add utm_* tags to the shop's URL: analytics.js sends them as context.campaign), in chromium: identify, page and Checkout Started one call at a time (/v1/i, /v1/p, /v1/t), then
// identify, page and Product Viewed in one batch (/v1/b); the same page opened from an origin Encore does not
// list gets its call refused. Nothing may leave the machine: a request to any other host fails the run.
// Usage: node analytics-js.mjs <shopUrl> <strangerShopUrl> <encoreBaseUrl> <writeKey> <customer> <strangerCustomer>
import { chromium } from 'playwright-core';

const [shopUrl, strangerUrl, encore, writeKey, customer, stranger] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const fail = async (message) => { console.error('FAILED: ' + message); await browser.close(); process.exit(1); };
const local = new Set([shopUrl, strangerUrl, encore].map((url) => new URL(url).host));
const outside = [];

// Opens the shop page in a fresh browser profile and loads analytics.js with the settings a shop gets from
// Segment's CDN, given inline (cdnSettings) and pointed at Encore.
const openShop = async (url, deliveryStrategy) => {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    if (local.has(new URL(route.request().url()).host)) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  await page.goto(url);
  await page.evaluate(async ({ writeKey, apiHost, deliveryStrategy }) => {
    const [analytics] = await window.AnalyticsNext.AnalyticsBrowser.load(
      { writeKey, cdnSettings: { integrations: { 'Segment.io': { apiKey: writeKey } } } },
      { integrations: { 'Segment.io': { apiHost, protocol: 'http', deliveryStrategy } } });
    window.analytics = analytics;
  }, { writeKey, apiHost: new URL(encore).host + '/v1', deliveryStrategy });
  return page;
};

// Makes the calls in the page and checks Encore's answer to each request they cause.
const send = async (page, paths, calls, argument) => {
  const answers = paths.map((path) => page.waitForResponse((response) => response.url() === encore + path
    && response.request().method() === 'POST'));
  await page.evaluate(calls, argument);
  for (const [i, answer] of (await Promise.all(answers)).entries()) {
    if (answer.status() !== 200) await fail(paths[i] + ' answered ' + answer.status() + ': ' + await answer.text());
    if (answer.headers()['access-control-allow-origin'] !== new URL(page.url()).origin) {
      await fail(paths[i] + ' came without the CORS header for the shop');
    }
  }
};

const cart = { checkout_id: 'co-1', currency: 'USD',
  products: [{ product_id: 'p-linen', name: 'Linen shirt', quantity: 1, price: 49 }] };
try {
  const shop = await openShop(shopUrl);
  await send(shop, ['/v1/i', '/v1/p', '/v1/t'], async ({ customer, cart }) => {
    await window.analytics.identify(customer, { email: customer + '@example.org', firstName: 'Ada' });
    await window.analytics.page('Product', 'Linen shirt');
    await window.analytics.track('Checkout Started', cart);
  }, { customer, cart });

  const batching = await openShop(shopUrl, { strategy: 'batching', config: { size: 3, timeout: 10000 } });
  await send(batching, ['/v1/b'], async ({ customer }) => {
    await window.analytics.identify(customer);
    await window.analytics.page();
    await window.analytics.track('Product Viewed', { product_id: 'p-linen' });
  }, { customer });

  // Same page, same server, but an origin Encore does not list: the preflight is refused, the call fails.
  const elsewhere = await openShop(strangerUrl);
  const refused = elsewhere.waitForEvent('requestfailed', (request) => request.url() === encore + '/v1/t');
  await elsewhere.evaluate(({ stranger }) => {
    window.analytics.track('Checkout Started', { checkout_id: 'co-2' }, { userId: stranger });
  }, { stranger });
  console.log('refused from ' + new URL(strangerUrl).origin + ': ' + (await refused).failure().errorText);

  if (outside.length) await fail('requests left the machine: ' + outside.join(', '));
  console.log('analytics.js end-to-end: OK');
  await browser.close();
} catch (error) {
  await fail(error.message);
}
