import { defineDomain, gauge, upstream } from 'sextant';
import { VERSIONS } from '../versions.ts';

export default defineDomain({
  name: 'scrape',
  title: 'Scrape health (per target)',
  description:
    'Series Prometheus writes for every target it scrapes, labelled only with the target labels (job, instance). ' +
    '`up == 0` is the target-down alert: a scraped service is unreachable.',
  owner: upstream('prometheus', VERSIONS.prometheus, 'the series Prometheus records for every scrape (prometheus.io/docs, "Jobs and instances")', { synthetic: true }),
  metrics: {
    up: gauge({ name: 'up', help: '1 if the last scrape of the target succeeded, 0 if it failed.' }),
    scrapeDuration: gauge({ name: 'scrape_duration_seconds', help: 'How long the last scrape of the target took.', unit: 'seconds' }),
    samplesScraped: gauge({ name: 'scrape_samples_scraped', help: 'Samples the target exposed in the last scrape.' }),
    samplesPostRelabeling: gauge({ name: 'scrape_samples_post_metric_relabeling', help: 'Samples left after metric relabelling in the last scrape.' }),
    seriesAdded: gauge({ name: 'scrape_series_added', help: 'New series the last scrape created.' }),
  },
});
