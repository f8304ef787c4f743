import { defineScrapeJob } from 'sextant';
import { roleDomains, ROLES } from '../exporter/role-map.ts';
import runtime from '../catalog/runtime.ts';

export default defineScrapeJob({
  name: 'worker',
  // The application is scraped every 10 s: spikes show, the load stays small.
  interval: '10s',
  timeout: '5s',
  targets: { compose: [`worker:${ROLES.worker.port}`], hosts: [`127.0.0.1:${ROLES.worker.port}`] },
  // The worker role registers its own domains of the catalogue, and prom-client's runtime metrics.
  exposes: [...roleDomains('worker'), runtime],
});
