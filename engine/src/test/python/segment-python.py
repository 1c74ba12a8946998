# Segment's Python library (vendored in segment-analytics-python, on PYTHONPATH) with gzip=True sends identify,
# Checkout Started and a page for a customer to Encore, then flushes; an error callback, a batch sent
# uncompressed or nothing sent at all fails the run.
# Usage: /usr/bin/python3 segment-python.py <encoreBaseUrl> <writeKey> <customer>
import sys
from urllib.parse import urlsplit

import segment.analytics as analytics
from segment.analytics import request

encore, write_key, customer = sys.argv[1:]
errors = []
posts = []


def watch(response, *args, **kwargs):
    """Watches, without changing, what the library's own HTTP session sent."""
    sent = response.request
    encoding = sent.headers.get('Content-Encoding')
    posts.append(sent)
    print('POST %s Content-Encoding: %s -> %d' % (urlsplit(sent.url).path, encoding, response.status_code))
    if encoding != 'gzip' or not sent.body.startswith(b'\x1f\x8b'):
        errors.append('a batch went uncompressed')


request._session.hooks['response'].append(watch)
analytics.write_key = write_key
analytics.host = encore
analytics.gzip = True
analytics.on_error = lambda error, batch: errors.append('%s (%d messages)' % (error, len(batch)))

analytics.identify(customer, {'email': customer + '@example.org', 'firstName': 'Ada'})
analytics.track(customer, 'Checkout Started', {'checkout_id': 'co-1', 'currency': 'USD',
                'products': [{'product_id': 'p-linen', 'name': 'Linen shirt', 'quantity': 1, 'price': 49}]})
analytics.page(customer, name='Cart', properties={'url': 'https://shop.example.com/cart'})
analytics.shutdown()

if not posts:
    errors.append('nothing was sent')
if errors:
    print('FAILED: ' + '; '.join(errors), file=sys.stderr)
    sys.exit(1)
print('segment python end-to-end: OK')
