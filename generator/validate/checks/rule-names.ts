import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts, allRecordings, recordingProblem } from '../rule-problem.ts';

const ALERT_NAME = /^[A-Z][a-zA-Z0-9]*$/;
/**
 * level:metric:operations, each part snake_case; the metric part without the namespace. The level
 * is empty when the result keeps no labels (`:http_requests:rate5m`, as kubernetes-mixin writes it).
 */
const RECORD_NAME = /^(?:[a-z][a-z0-9_]*)?:[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$/;

export const ruleNamesCheck: Check = {
  id: 'rule-names',
  summary: 'Alert names are PascalCase and unique; recording rules are named level:metric:operations and are unique.',
  fix: 'Name alerts in PascalCase (HttpErrorRatioHigh) and recording rules level:metric:operations (job:http_requests:rate5m), each once.',
  run(model) {
    const problems: Problem[] = [];
    const alerts = new Map<string, string>();
    for (const alert of allAlerts(model.rules)) {
      if (!ALERT_NAME.test(alert.name)) problems.push(alertProblem(alert, this.id, 'alert names are PascalCase, such as HttpErrorRatioHigh'));
      const earlier = alerts.get(alert.name);
      if (earlier) problems.push(alertProblem(alert, this.id, `alert ${alert.name} is already defined in ${earlier}`));
      else alerts.set(alert.name, alert.file);
    }
    const records = new Map<string, string>();
    for (const rule of allRecordings(model.rules)) {
      if (!RECORD_NAME.test(rule.written)) {
        problems.push(recordingProblem(rule, this.id, 'recording rules are named level:metric:operations, such as job:http_requests:rate5m'));
      } else if (rule.written.split(':')[1]!.startsWith(`${model.config.namespace}_`)) {
        problems.push(recordingProblem(rule, this.id, `leave the namespace out of the metric part: it is added (${rule.record})`));
      }
      const earlier = records.get(rule.record);
      if (earlier) problems.push(recordingProblem(rule, this.id, `recording rule ${rule.record} is already defined in ${earlier}`));
      else records.set(rule.record, rule.file);
    }
    return problems;
  },
};
