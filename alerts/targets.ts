import { alert, defineRules, fires, input, pending, promql, silent } from '#sextant';
import scrape from '../catalog/scrape.ts';
import { WORKER } from './shared/targets.ts';

const up = (values: string) => input(scrape.metrics.up, { ...WORKER }, values);

export default defineRules({
  name: 'targets',
  title: 'Scrape targets',
  alerts: [
    alert({
      name: 'TargetDown',
      severity: 'critical',
      expr: promql`${scrape.metrics.up} == 0`,
      for: '1m',
      summary: '{{ $labels.job }} target {{ $labels.instance }} is down',
      description: 'Prometheus has not been able to scrape {{ $labels.instance }} of job {{ $labels.job }} for a minute.',
      runbook: {
        meaning: 'A target stopped answering scrapes: it is down, or unreachable, and its metrics and alerts are blind.',
        causes: ['The process crashed or was stopped.', 'Network or DNS trouble between Prometheus and the target.', 'The scrape times out (an overloaded target).'],
        checks: ['Prometheus targets page: the scrape error.', 'The process and its logs.', 'scrape_duration_seconds of the target before it went down.'],
      },
      tests: [
        fires('the worker does not answer', {
          at: '5m',
          series: [up('0x10')],
          alerts: [{ labels: { ...WORKER }, summary: 'worker target worker:9464 is down', description: 'Prometheus has not been able to scrape worker:9464 of job worker for a minute.' }],
        }),
        silent('the worker answers', { at: '5m', series: [up('1x10')] }),
        pending('down for less than a minute', { at: '30s', series: [up('0x10')] }),
      ],
    }),
  ],
});
