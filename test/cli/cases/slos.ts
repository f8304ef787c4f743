/**
 * Invalid SLOs through the real CLI: each is refused with the SLO's file and name (rule
 * slo-definitions), and nothing is written.
 */
import { dashboardCase, gaugeFile, type InvalidCase } from '../../helpers/invalid.ts';

/** An SLO file over the base catalogue; `overrides` is spread into a valid definition. */
export function sloFile(overrides: string, imports = ''): Record<string, string> {
  return {
    'slos/case.ts': `import { defineSlo, events, latencySli, ratioSli } from 'sextant';
import base from '../catalog/base.ts';
${imports}
export const { requests, latency } = base.metrics;
export const valid = {
  name: 'case_availability', title: 'Case availability', service: 'case', team: 'case', description: 'Share of good requests.',
  objective: 0.99, whenExhausted: 'fix it first.',
  sli: ratioSli({ bad: events(requests, { route: '/b' }), total: events(requests) }),
};
export default defineSlo({ ...valid, ${overrides} });
`,
  };
}

export const where = 'slos/case.ts: slo case_availability';
export const rule = 'slo-definitions';

export const CASES: InvalidCase[] = [
  { name: 'an objective of 1', files: sloFile('objective: 1,'), where, rule, message: 'objective 1 must be a share strictly between 0 and 1' },
  { name: 'an objective of 0', files: sloFile('objective: 0,'), where, rule, message: 'objective 0 must be a share strictly between 0 and 1' },
  { name: 'an objective written as a percentage', files: sloFile('objective: 99.9,'), where, rule, message: 'objective 99.9 must be a share strictly between 0 and 1' },
  {
    name: 'a latency threshold between two bucket boundaries',
    files: sloFile('sli: latencySli({ histogram: latency, threshold: 0.5 }),'),
    where,
    rule,
    message: 'threshold 0.5 is not a bucket boundary of request_duration_seconds (nearest: 0.1 and 1)',
  },
  {
    name: 'a ratio SLI over a gauge',
    files: { ...gaugeFile, ...sloFile("sli: ratioSli({ bad: events(extra.metrics.depth), total: events(requests) }),", "import extra from '../catalog/extra.ts';") },
    where,
    rule,
    message: 'sli.bad: depth is a gauge; a ratio SLI counts events',
  },
  { name: 'a latency SLI over a counter', files: sloFile('sli: latencySli({ histogram: requests, threshold: 1 }),'), where, rule, message: 'latencySli() reads requests_total, a counter' },
  {
    name: 'an alert window longer than the period',
    files: sloFile("period: '1d', alerting: { ticket: [{ factor: 1, long: '3d', short: '6h', for: '1h' }] },"),
    where,
    rule,
    message: 'alerting.ticket 3d/6h: the long window 3d is longer than the period',
  },
  { name: 'a period that is not a duration', files: sloFile("period: '30 days',"), where, rule, message: "period '30 days' is not a Prometheus duration such as 30d" },
  {
    name: 'a burn factor the error ratio can never reach',
    files: sloFile("objective: 0.9, alerting: { page: [{ factor: 14.4, long: '1h', short: '5m', for: '2m' }] },"),
    where,
    rule,
    message: 'a burn rate of 14.4× an error budget of 0.1 is an error ratio of 1.44, which can never be exceeded',
  },
  { name: 'a label value the catalogue does not declare', files: sloFile("sli: ratioSli({ bad: events(requests, { route: '/c' as '/a' }), total: events(requests) }),"), where, rule, message: "sli.bad: '/c' is not a value of requests_total's label 'route' (declared: /a, /b)" },
  { name: 'bad events that are every event', files: sloFile('sli: ratioSli({ bad: events(requests), total: events(requests) }),'), where, rule, message: 'its bad events select every event of the total' },
  { name: 'a misspelt option', files: sloFile("peroid: '7d',"), where, rule, message: "unknown key 'peroid' in defineSlo(), so it would be ignored: did you mean 'period'?" },
  {
    name: 'a dashboard linking to an SLO dashboard the project does not have',
    files: dashboardCase('', "{ links: [{ title: 'SLOs', dashboard: 'slos' }] }"),
    where: 'dashboards/case.ts: dashboard app-case',
    rule: 'dashboard-links',
    message: "link 'SLOs' names dashboard 'slos', which this project does not define",
  },
];
