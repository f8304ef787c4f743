/** A recording rule nothing reads, or whose reason for existing is no reason, through the real CLI. */
import { recording, rulesFile, type InvalidCase } from '../../helpers/invalid.ts';

const exported = (value: string) => recording('job:requests:rate5m').replace(/ }\)$/, `, exported: ${value} } as never)`);

export const CASES: InvalidCase[] = [
  {
    name: 'a recording rule no alert, rule or panel reads',
    files: rulesFile('', { recording: recording('job:requests:rate5m') }),
    where: 'alerts/case.ts: recording rule job:requests:rate5m',
    rule: 'recording-rules-read',
    message: "no alert, recording rule, dashboard panel or variable reads it: Prometheus evaluates and stores it for no one; delete it, or say who reads it outside the project with exported: '",
  },
  {
    name: 'exported written as true, which says nothing about who reads the rule',
    files: rulesFile('', { recording: exported('true') }),
    where: 'alerts/case.ts: recording rule job:requests:rate5m',
    rule: 'definition-shape',
    message: "exported must be a sentence saying who reads the rule outside the project (exported: 'federated to the global Prometheus')",
  },
  {
    name: 'an exported reason of spaces',
    files: rulesFile('', { recording: exported("'   '") }),
    where: 'alerts/case.ts: recording rule job:requests:rate5m',
    rule: 'recording-rules-read',
    message: 'exported has no visible characters; say who reads the rule outside the project, in words',
  },
];
