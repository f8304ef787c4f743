import { defineScrapeJob } from '#sextant';
import { APP_CATALOGUE } from '../exporter/instruments/catalogue.ts';
import runtime from '../catalog/runtime.ts';

export default defineScrapeJob({
  name: 'worker',
  interval: '10s',
  timeout: '5s',
  targets: { compose: ['worker:8081'], hosts: ['127.0.0.1:8081'] },
  exposes: [...Object.values(APP_CATALOGUE), runtime],
});
