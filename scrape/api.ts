import { defineScrapeJob } from '#sextant';
import { APP_CATALOGUE, ROLE_DOMAINS } from '../exporter/instruments/catalogue.ts';
import runtime from '../catalog/runtime.ts';

export default defineScrapeJob({
  name: 'api',
  // The application is scraped every 10 s: spikes show, the load stays small.
  interval: '10s',
  timeout: '5s',
  targets: { compose: ['api:8080'], hosts: ['127.0.0.1:8080'] },
  // The api role registers its own domains of the catalogue, and prom-client's runtime metrics.
  exposes: [...ROLE_DOMAINS.api.map((domain) => APP_CATALOGUE[domain]), runtime],
});
