import { defineScrapeJob } from 'sextant';
import nodeExporter from '../catalog/node_exporter.ts';

export default defineScrapeJob({
  name: 'node-exporter',
  targets: { compose: ['host.docker.internal:9100'], hosts: ['127.0.0.1:9100'] },
  // In compose, node_exporter runs in the host's network (docker-compose.yml): reached through the host gateway.
  // The catalogue describes the node_exporter metrics the alerts and dashboards use, not all of them.
  exposes: [nodeExporter],
  sampleLimit: { samples: 10_000, reason: 'node_exporter exposes about 1,000 series on a small host; this leaves room for many disks and NICs' },
});
