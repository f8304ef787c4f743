import { defineScrapeJob } from '#sextant';

export default defineScrapeJob({
  name: 'prometheus',
  targets: { compose: ['localhost:9090'], hosts: ['127.0.0.1:9090'] },
  sampleLimit: { samples: 5_000, reason: 'Prometheus exposes about 600 series of its own; the catalogue describes those the meta-monitoring uses' },
});
