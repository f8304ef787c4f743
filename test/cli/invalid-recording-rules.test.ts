/** A recording rule nothing reads, through the real CLI. */
import { invalidDefinitionSuite, recording, rulesFile } from '../helpers/invalid.ts';

invalidDefinitionSuite('recording rules nothing reads', [
  {
    name: 'a recording rule no alert, rule or panel reads',
    files: rulesFile('', { recording: recording('job:requests:rate5m') }),
    where: 'alerts/case.ts: recording rule job:requests:rate5m',
    rule: 'recording-rules-read',
    message: "no alert, recording rule, dashboard panel or variable reads it: Prometheus evaluates and stores it for no one; delete it, or say who reads it outside the project with exported: '",
  },
]);
