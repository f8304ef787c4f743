import { metricCheck } from '../check.ts';
import { isBoundedLabel } from '../../dsl/labels.ts';

/**
 * Label names whose values grow with users or traffic. A bound would be a lie, so they are refused
 * outright, with the bounded label that keeps the intent.
 */
export const UNBOUNDED_LABELS: Readonly<Record<string, string>> = {
  user_id: 'a plan, role or cohort label',
  username: 'a plan, role or cohort label',
  email: 'a plan, role or cohort label',
  session_id: 'nothing: sessions belong in logs or traces',
  request_id: 'nothing: requests belong in logs or traces',
  trace_id: 'exemplars or traces',
  span_id: 'exemplars or traces',
  tenant_id: 'a tenant tier label',
  organization_id: 'a plan label',
  room_id: 'a room type label',
  order_id: 'nothing: orders belong in logs',
  uuid: 'nothing: identifiers belong in logs',
  ip: 'nothing: addresses belong in logs',
  client_ip: 'nothing: addresses belong in logs',
  url: 'a route template label with declared values',
  path: 'a route template label with declared values',
  raw_path: 'a route template label with declared values',
  query: 'a query type label',
};

export const labelValuesCheck = metricCheck({
  id: 'label-values',
  summary:
    'Every label lists its values (non-empty, unique) or declares bounded(n, reason) with n at most limits.maxLabelBound; labels unbounded by nature (user_id, path…) are rejected.',
  inspect(metric, reportMetric, model) {
    const maxBound = model.config.limits.maxLabelBound;
    for (const label of metric.labels) {
      const report = (message: string) => reportMetric(`label '${label.name}': ${message}`);
      if (Object.hasOwn(UNBOUNDED_LABELS, label.name)) {
        report(`is unbounded by nature (one series per value seen); use ${UNBOUNDED_LABELS[label.name]} instead`);
        continue;
      }
      const { spec } = label;
      if (Array.isArray(spec)) {
        if (spec.length === 0) report('lists no values; list them, or use bounded(n, reason)');
        const bad = spec.filter((value) => typeof value !== 'string' || value === '');
        if (bad.length > 0) report('values must be non-empty strings');
        const duplicates = spec.filter((value, i) => spec.indexOf(value) !== i);
        if (duplicates.length > 0) report(`value '${String(duplicates[0])}' is listed twice`);
      } else if (isBoundedLabel(spec)) {
        if (!Number.isInteger(spec.bound) || spec.bound < 1) report(`bound must be a positive integer, got ${String(spec.bound)}`);
        else if (spec.bound > maxBound) {
          report(`bound ${spec.bound} exceeds limits.maxLabelBound (${maxBound}); a label with that many values belongs in logs`);
        }
        if (typeof spec.reason !== 'string' || spec.reason.trim() === '') report('bounded() needs a reason saying why the bound holds');
      } else {
        report('declares neither values nor a bound; unbounded labels are rejected: list the values or use bounded(n, reason)');
      }
    }
  },
});
