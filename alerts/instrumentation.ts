import { alert, defineRules, fires, input, pending, promql, silent } from 'sextant';
import instrumentation from '../catalog/instrumentation.ts';
import { API } from './shared/targets.ts';

const { labelValuesFolded } = instrumentation.metrics;
const folded = (values: string) => input(labelValuesFolded, { ...API, metric: 'taskforge_http_requests_total', label: 'route', action: 'dropped' }, values);

export default defineRules({
  name: 'instrumentation',
  title: 'Instrumentation',
  alerts: [
    alert({
      name: 'InstrumentationLabelValuesFolded',
      severity: 'warning',
      expr: promql`sum by (job, metric, label) (increase(${labelValuesFolded}[10m])) > 0`,
      for: '5m',
      summary: '{{ $labels.job }} records undeclared values of {{ $labels.metric }}',
      description: '{{ $labels.job }} recorded {{ $value | humanize }} values of label {{ $labels.label }} on {{ $labels.metric }} that the catalogue does not declare in the last 10 minutes; they were folded or dropped.',
      runbook: {
        meaning: 'Code records a label value the catalogue does not declare: a bug. The guard kept it from creating new series, so the metric undercounts or lumps values into other.',
        causes: ['A raw value (a path, an id, an error message) passed where a declared value belongs.', 'A new value the code now produces but the catalogue does not list yet.'],
        checks: ['Debugging dashboard: label values folded by the instrumentation guard.', 'The code recording that metric; declare the value in the catalogue if it is legitimate.'],
        fix: [
          'If the value is legitimate, declare it in the catalogue (catalog/*.ts), run npm run generate and deploy.',
          'Otherwise fix the code to record a declared value (a route template, not the raw path).',
        ],
        escalation: 'The team owning the code that records the metric, in working hours.',
        query: promql`sum by (job, metric, label, action) (increase(${labelValuesFolded}[1h]))`,
        panel: { dashboard: 'debugging', panel: 'Label values folded by the instrumentation guard' },
      },
      scenario: {
        target: API,
        series: (folded, s) => [input(labelValuesFolded, { ...s.target, metric: 'taskforge_http_requests_total', label: 'route', action: 'dropped' }, s.counter(folded / 600))],
      },
      tests: [
        fires('a value dropped every minute', {
          at: '15m',
          series: [folded('0+1x20')],
          alerts: [
            {
              labels: { job: 'api', metric: 'taskforge_http_requests_total', label: 'route' },
              summary: 'api records undeclared values of taskforge_http_requests_total',
              description: 'api recorded 10 values of label route on taskforge_http_requests_total that the catalogue does not declare in the last 10 minutes; they were folded or dropped.',
            },
          ],
        }),
        silent('nothing folded', { at: '15m', series: [folded('4x20')] }),
        pending('folding for less than 5 minutes', { at: '3m', series: [folded('0+1x20')] }),
      ],
    }),
  ],
});
