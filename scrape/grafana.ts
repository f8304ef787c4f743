import { defineScrapeJob } from 'sextant';

export default defineScrapeJob({
  name: 'grafana',
  targets: { compose: ['grafana:3000'], hosts: ['127.0.0.1:3000'] },
  sampleLimit: { samples: 10_000, reason: 'Grafana exposes a few thousand series of its own; none is in the catalogue yet' },
});
