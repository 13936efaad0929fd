// The fake backend of `npm run bench`, off the main thread like a real server: the page's fetch
// posts each request here, so the fake's own work is not counted as the elements' work.
import type { EndpointName } from '../src/contract/endpoints.js';
import { FakeBackend, type FakeRequest } from '../mocks/fake-backend.js';

const backend = new FakeBackend({ size: 'large', seed: 20250602, today: '2025-06-02' });

interface Call {
  id: number;
  name: EndpointName;
  req: FakeRequest;
}

self.onmessage = (event: MessageEvent<Call>) => {
  const { id, name, req } = event.data;
  const res = backend.call(name, req);
  self.postMessage({ id, status: res.status, body: res.body === null ? null : JSON.stringify(res.body), headers: res.headers });
};
self.postMessage({ ready: true });
