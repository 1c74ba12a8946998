// RudderStack's Node SDK with its defaults (gzip on, batches to <dataPlaneUrl>/v1/batch) sends identify and
// Checkout Started for a customer to Encore, then flushes; any delivery error fails the run.
// Usage: node rudderstack-node.mjs <encoreBaseUrl> <writeKey> <customer>
import Analytics from '@rudderstack/rudder-sdk-node';

const [encore, writeKey, customer] = process.argv.slice(2);
const errors = [];
const client = new Analytics(writeKey, { dataPlaneUrl: encore, errorHandler: (error) => errors.push(error) });
// Watches, without changing, what the SDK's own HTTP client sends.
client.axiosInstance.interceptors.request.use((request) => {
  const encoding = request.headers['Content-Encoding'];
  console.log('POST ' + new URL(request.url).pathname + ' Content-Encoding: ' + encoding);
  if (encoding !== 'gzip') errors.push(new Error('a batch went uncompressed'));
  return request;
});
const delivered = (call) => new Promise((resolve) => call((error) => {
  if (error) errors.push(error);
  resolve();
}));
const sent = Promise.all([
  delivered((done) => client.identify({ userId: customer, traits: { email: customer + '@example.org', firstName: 'Ada' } }, done)),
  delivered((done) => client.track({ userId: customer, event: 'Checkout Started', properties: { checkout_id: 'co-1',
    currency: 'USD', products: [{ product_id: 'p-linen', name: 'Linen shirt', quantity: 1, price: 49 }] } }, done)),
  delivered((done) => client.page({ userId: customer, name: 'Cart', properties: { url: 'https://shop.example.com/cart' } }, done)),
]);
await client.flush();
await sent;
if (errors.length) {
  console.error('FAILED: ' + errors.map((error) => error.message + ' ' + (error.response?.status ?? '')).join('; '));
  process.exit(1);
}
console.log('rudderstack node end-to-end: OK');
