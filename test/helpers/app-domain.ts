/** A small application domain for the tests of naming and queries: a counter with a route, a histogram. */
import { counter, defineDomain, histogram } from '../../generator/index.ts';

export const app = defineDomain({
  name: 'app',
  title: 'App',
  description: '',
  owner: 'app',
  metrics: {
    requests: counter({ name: 'requests_total', help: 'Requests.', labels: { route: ['/a'] } }),
    latency: histogram({ name: 'latency_seconds', help: 'Latency.', unit: 'seconds', buckets: [1] }),
  },
});
