import { defineScrapeJob } from 'sextant';
import mongodb from '../catalog/mongodb_exporter.ts';

export default defineScrapeJob({
  name: 'mongodb',
  // The chat services' MongoDB, through a percona mongodb_exporter beside it (its default port, 9216).
  runsIn: ['hosts', 'kubernetes'],
  notIn: { compose: 'the compose stack runs the reference services, which use no MongoDB: there is no server to export' },
  targets: { hosts: ['127.0.0.1:9216'] },
  kubernetes: { podLabels: { app: 'mongodb-exporter' }, port: 9216 },
  // With its server down the exporter answers after about 11.5 s (server selection times out
  // first): at the default 10 s timeout "MongoDB down" would read as "exporter down".
  timeout: '15s',
  exposes: [mongodb],
  sampleLimit: { samples: 10_000, reason: 'mongodb_exporter exposes hundreds to a few thousand series of serverStatus and diagnostic data, by version and topology; the catalogue describes those the alerts and dashboards use' },
});
