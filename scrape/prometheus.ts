import { defineScrapeJob } from 'sextant';
import prometheus from '../catalog/prometheus.ts';

export default defineScrapeJob({
  name: 'prometheus',
  targets: { compose: ['localhost:9090'], hosts: ['127.0.0.1:9090'] },
  exposes: [prometheus],
  sampleLimit: { samples: 5_000, reason: 'Prometheus exposes about 600 series of its own; the catalogue describes those the meta-monitoring uses' },
});
