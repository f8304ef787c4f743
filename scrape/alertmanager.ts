import { defineScrapeJob } from 'sextant';
import alertmanager from '../catalog/alertmanager.ts';

export default defineScrapeJob({
  name: 'alertmanager',
  targets: { compose: ['alertmanager:9093'], hosts: ['127.0.0.1:9093'] },
  exposes: [alertmanager],
  // Prometheus sends its alerts to these targets: the one place Alertmanager's address is written.
  receivesAlerts: true,
  sampleLimit: { samples: 2_000, reason: 'Alertmanager exposes about 400 series; the catalogue describes those the meta-monitoring uses' },
});
