import { defineScrapeJob } from '#sextant';
import { APP_CATALOGUE, ROLE_DOMAINS } from '../exporter/instruments/catalogue.ts';
import runtime from '../catalog/runtime.ts';

export default defineScrapeJob({
  name: 'worker',
  // The application is scraped every 10 s: spikes show, the load stays small.
  interval: '10s',
  timeout: '5s',
  targets: { compose: ['worker:8081'], hosts: ['127.0.0.1:8081'] },
  // The worker role registers its own domains of the catalogue, and prom-client's runtime metrics.
  exposes: [...ROLE_DOMAINS.worker.map((domain) => APP_CATALOGUE[domain]), runtime],
});
