import { defineDashboard, PANEL_UNITS, promql, rate, rec, row, table, target, timeseries } from 'sextant';
import { queryLatency } from '../alerts/database.ts';
import { spanLatency } from '../alerts/errors.ts';
import { latency } from '../alerts/http.ts';
import { alertSeries } from 'sextant/packs/prometheus';
import errors from '../catalog/errors.ts';
import eventbus from '../catalog/eventbus.ts';
import instrumentation from '../catalog/instrumentation.ts';
import jobs from '../catalog/jobs.ts';

const e = errors.metrics;

export default defineDashboard({
  name: 'debugging',
  title: 'Debugging',
  folder: 'Debugging',
  description: 'Where it breaks: errors by module and type, the slowest endpoints and queries, failing spans and the alerts firing now.',
  tags: ['debugging', 'errors'],
  scope: e.moduleErrors,
  rows: [
    row('Firing now', [
      table({
        title: 'Firing alerts',
        unit: PANEL_UNITS.count,
        width: 24,
        quietWhenHealthy: 'no alert fires in a healthy system',
        shownUnder: 'errors',
        spansJobs: 'the alerts firing anywhere, whichever job or instance they are about',
        targets: [target(promql`sort_desc(sum by (alertname, severity) (${alertSeries.metrics.alerts}{alertstate="firing"}))`, '{{alertname}}', { instant: true })],
      }),
    ]),
    row('Errors', [
      timeseries({ title: 'Errors by module and type', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (module, error_type) (${rate(e.moduleErrors)})`, '{{module}} {{error_type}}')] }),
      timeseries({ title: 'Errors by severity', unit: PANEL_UNITS.perSecond, stacked: true, targets: [target(promql`sum by (severity) (${rate(e.moduleErrors)})`, '{{severity}}')] }),
      timeseries({ title: 'Job failures by error type', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (error_type) (${rate(jobs.metrics.failed)})`, '{{error_type}}')] }),
      timeseries({ title: 'Event bus errors by type', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (error_type) (${rate(eventbus.metrics.errors)})`, '{{error_type}}')] }),
      timeseries({
        title: 'Label values folded by the instrumentation guard',
        description: 'Non-zero means code recorded a label value the catalogue does not declare: a bug to fix, kept from exploding cardinality.',
        alerts: ['InstrumentationLabelValuesFolded'],
        quietWhenHealthy: 'nothing is folded unless the code has a bug',
        shownUnder: 'bad_labels',
        unit: PANEL_UNITS.perSecond,
        width: 24,
        targets: [target(promql`sum by (metric, label, action) (${rate(instrumentation.metrics.labelValuesFolded)})`, '{{metric}} {{label}} {{action}}')],
      }),
    ]),
    row('Traces', [
      timeseries({ title: 'Spans started by operation', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (operation) (${rate(e.spansCreated)})`, '{{operation}}')] }),
      timeseries({ title: 'Spans with errors', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (operation, error_type) (${rate(e.spansWithErrors)})`, '{{operation}} {{error_type}}')] }),
      timeseries({ title: 'Span duration p95', unit: PANEL_UNITS.seconds, targets: [target(promql`${rec(spanLatency.p95)}`, '{{operation}}')] }),
    ]),
    row('Slowest', [
      table({ title: 'Slowest endpoints (p99)', unit: PANEL_UNITS.seconds, targets: [target(promql`topk(10, max by (route) (${rec(latency.p99)}))`, '{{route}}', { instant: true })] }),
      table({ title: 'Slowest queries (p95)', unit: PANEL_UNITS.seconds, targets: [target(promql`topk(10, max by (query_type) (${rec(queryLatency.p95)}))`, '{{query_type}}', { instant: true })] }),
    ]),
  ],
});
