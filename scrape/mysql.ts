import { defineScrapeJob } from 'sextant';
import mysql from '../catalog/mysqld_exporter.ts';

export default defineScrapeJob({
  name: 'mysql',
  // The chat services' MySQL, through a mysqld_exporter beside it (its default port, 9104).
  runsIn: ['hosts', 'kubernetes'],
  notIn: { compose: 'the compose stack runs the reference services, which use no MySQL: there is no server to export' },
  targets: { hosts: ['127.0.0.1:9104'] },
  kubernetes: { podLabels: { app: 'mysqld-exporter' }, port: 9104 },
  exposes: [mysql],
  sampleLimit: { samples: 5_000, reason: 'mysqld_exporter exposes up to about a thousand series with its default collectors (global status and variables); the catalogue describes those the alerts and dashboards use' },
});
