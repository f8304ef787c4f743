/**
 * Invalid alert definitions through the real CLI: templates Prometheus refuses, tests that cannot
 * prove what they claim, vacuous thresholds, alerts without a condition, static labels that merge
 * series, and what only promtool itself sees.
 */
import { metric, rulesFile, type InvalidCase } from '../../helpers/invalid.ts';

export const where = 'alerts/case.ts: alert RequestsHigh';
export const ratio = metric("usage: gauge({ name: 'disk_usage_ratio', help: 'Share of the disk in use.', unit: 'ratio' }),");

export const CASES: InvalidCase[] = [
  // Alert templates
  { name: '$label written for $labels', files: rulesFile("summary: 'High on {{ $label.route }}'"), where, rule: 'annotation-templates', message: "summary template: undefined variable '$label'; did you mean $labels?" },
  { name: 'a misspelt template function', files: rulesFile("description: '{{ $value | humanise }} a second'"), where, rule: 'annotation-templates', message: "function 'humanise' is not defined; did you mean humanize?" },
  { name: 'an unclosed parenthesis in a template', files: rulesFile("description: '{{ (humanize $value }} a second'"), where, rule: 'annotation-templates', message: "unclosed '(': a ')' is missing" },
  { name: 'a field the alert data does not have', files: rulesFile("summary: 'High on {{ .labels.route }}'"), where, rule: 'annotation-templates', message: "the alert's data has no field 'labels'" },
  { name: 'a template in a static label value', files: rulesFile("labels: { page: '{{ $value | humanize 2 }}' }"), where, rule: 'annotation-templates', message: "label 'page' template: humanize takes 1 argument(s), given 2" },
  // Tests that cannot prove what they claim
  {
    name: 'a firing test evaluated before the for elapses',
    files: rulesFile("tests: [fires('early', { at: '5m', series, alerts: [{ labels: { ...target, route: '/a' }, summary: 's', description: 'd' }] }), tests[1], tests[2]]"),
    where,
    rule: 'rule-test-timing',
    message: "test 'early' (fires, at 5m) can never fire",
  },
  {
    name: 'a test evaluated after its series end',
    files: rulesFile("tests: [fires('late', { at: '40m', series, alerts: [{ labels: { ...target, route: '/a' }, summary: 's', description: 'd' }] }), tests[1], tests[2]]"),
    where,
    rule: 'rule-test-timing',
    message: 'its input series end at 20m, before the evaluation at 40m',
  },
  {
    name: 'a pending test on the firing input evaluated after it fires',
    files: rulesFile("tests: [tests[0], tests[1], pending('copied', { at: '12m', series })]"),
    where,
    rule: 'rule-test-timing',
    message: "reads the same series as the firing test 'one a second' (at 10m)",
  },
  { name: 'a pending test of an alert without a for', files: rulesFile("for: '0s'"), where, rule: 'rule-test-timing', message: 'an alert without a for fires at once and is never pending' },
  // Thresholds outside what the quantity can be
  { name: 'a rate compared with a negative threshold', files: rulesFile('expr: promql`rate(${requests}[5m]) > -1`'), where, rule: 'alert-thresholds', message: 'the threshold -1 is negative, but rate(app_requests_total[5m]) is a rate, never negative' },
  { name: 'a ratio compared with more than 1', files: { ...ratio, ...rulesFile('expr: promql`app_disk_usage_ratio > 1.5`') }, where, rule: 'alert-thresholds', message: "'app_disk_usage_ratio > 1.5' can never be true" },
  {
    name: 'a share of a rate compared with more than 1',
    files: rulesFile('expr: promql`sum(rate(${requests}{route="/a"}[5m])) / sum(rate(${requests}[5m])) > 1`'),
    where,
    rule: 'alert-thresholds',
    message: 'its numerator selects part of the series of its denominator (0–1)',
  },
  // Alerts without a condition
  { name: 'an alert expression without a condition', files: rulesFile('expr: promql`rate(${requests}[5m])`'), where, rule: 'alert-condition', message: 'has no condition: Prometheus fires for every series' },
  { name: 'an alert comparison with bool', files: rulesFile('expr: promql`rate(${requests}[5m]) > bool 0.5`'), where, rule: 'alert-condition', message: '`bool` turns the comparison into 0 or 1 for every series' },
  // Static labels that merge series
  { name: 'a static label overwriting a label of the result', files: rulesFile("labels: { route: '/all' }"), where, rule: 'alert-labels', message: "static label 'route' overwrites the 'route' label" },
  // Inhibitions that would fail silently
  {
    name: 'an alert superseding one that shares no label with it',
    files: rulesFile("supersedes: ['RequestsAnywhere']", { extraAlert: "alert({ ...base_alert, name: 'RequestsAnywhere', expr: promql`sum(rate(${requests}[5m])) > 0.5`, tests: [] , scenario: undefined, noScenario: 'n' })" }),
    where,
    rule: 'alert-supersedes',
    message: 'supersedes RequestsAnywhere but shares no label with it: the inhibit rule would silence every RequestsAnywhere anywhere while any RequestsHigh fires',
  },
  { name: 'an alert superseding itself', files: rulesFile("supersedes: ['RequestsHigh']"), where, rule: 'alert-supersedes', message: 'supersedes itself' },
  // Shapes the types would have caught, written in plain JavaScript or cast away
  { name: 'tests written as something other than a list', files: rulesFile("tests: 'fires'"), where, rule: 'definition-shape', message: 'tests must be a list of fires(...), silent(...) and pending(...), not the string "fires"' },
  { name: 'a test series that is not an input()', files: rulesFile("tests: [fires('x', { at: '10m', series: [{ values: 5 }], alerts: [] }), tests[1], tests[2]]"), where: `${where}, test 'x'`, rule: 'definition-shape', message: 'series must be written with input(metric, labels, values)' },
  // What only Prometheus's own parser sees (the test PATH has the fetched promtool)
  { name: 'rate() of an instant vector', files: rulesFile('expr: promql`rate(${requests}) > 0.5`'), where, rule: 'promtool-rules', message: 'Prometheus refuses the rule file (promtool check rules): could not parse expression' },
  // Text the person paged cannot read
  { name: 'a summary of zero-width spaces', files: rulesFile("summary: '\\u200b'"), where, rule: 'alert-fields', message: 'summary is empty or has no visible characters' },
  { name: 'a runbook cause of invisible characters', files: rulesFile("runbook: { meaning: 'm', causes: ['\\u00a0'], checks: ['k'] }"), where, rule: 'alert-fields', message: 'runbook.causes[0] is empty or has no visible characters' },
  { name: 'a threshold of NaN', files: rulesFile('expr: promql`rate(${requests}[5m]) > NaN`'), where, rule: 'alert-thresholds', message: 'the threshold NaN is not a number: every comparison with NaN is false, so the alert would never fire' },
  { name: 'a static label of a zero-width space', files: rulesFile("labels: { team: '\\u200b' }"), where, rule: 'alert-fields', message: "label 'team' is empty or has no visible characters" },
  {
    name: 'a test input with a label value the catalogue does not declare',
    files: { 'alerts/case.ts': rulesFile('')['alerts/case.ts']!.replace("route: '/a' }, '0+60x20')]", "route: '/zzz' as '/a' }, '0+60x20')]") },
    where,
    rule: 'promql-label-value',
    message: "test 'one a second': input series route=\"/zzz\" in app_requests_total{job=\"a\", instance=\"a:1\", route=\"/zzz\"} matches nothing",
  },
];
