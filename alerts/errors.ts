import { defineRules } from 'sextant';
import errors from '../catalog/errors.ts';
import { latencyRules } from './shared/latency.ts';
import { API } from './shared/targets.ts';

export const spanLatency = latencyRules(errors.metrics.spanDuration, ['operation'], { ...API, operation: 'http_request' }, ['p95']);

export default defineRules({
  name: 'errors',
  title: 'Errors and traces',
  recording: [...spanLatency.all],
});
