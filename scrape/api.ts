import { defineScrapeJob } from 'sextant';
import { roleDomains, ROLES } from '../exporter/role-map.ts';
import runtime from '../catalog/runtime.ts';

export default defineScrapeJob({
  name: 'api',
  // The application is scraped every 10 s: spikes show, the load stays small.
  interval: '10s',
  timeout: '5s',
  targets: { compose: [`api:${ROLES.api.port}`], hosts: [`127.0.0.1:${ROLES.api.port}`] },
  // The api role registers its own domains of the catalogue, and prom-client's runtime metrics.
  exposes: [...roleDomains('api'), runtime],
});
