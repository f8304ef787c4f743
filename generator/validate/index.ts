/** The list of checks is data: add a module under checks/ and list it here. */
import type { Model } from '../model/types.ts';
import type { Problem } from '../problems.ts';
import type { Check } from './check.ts';
import { alertAggregationCheck } from './checks/alert-aggregation.ts';
import { alertBlindSpotsCheck } from './checks/alert-blind-spots.ts';
import { alertConditionCheck } from './checks/alert-condition.ts';
import { alertFieldsCheck } from './checks/alert-fields.ts';
import { alertSupersedesCheck } from './checks/alert-supersedes.ts';
import { alertLabelsCheck } from './checks/alert-labels.ts';
import { alertRunbooksCheck } from './checks/alert-runbooks.ts';
import { alertScenariosCheck } from './checks/alert-scenarios.ts';
import { alertSeverityCheck } from './checks/alert-severity.ts';
import { alertThresholdsCheck } from './checks/alert-thresholds.ts';
import { annotationTemplatesCheck } from './checks/annotation-templates.ts';
import { bucketsCheck } from './checks/buckets.ts';
import { dashboardAlertLinksCheck } from './checks/dashboard-alert-links.ts';
import { dashboardCoverageCheck } from './checks/dashboard-coverage.ts';
import { dashboardEmptyCheck } from './checks/dashboard-empty.ts';
import { dashboardFaultSwitchesCheck } from './checks/dashboard-fault-switches.ts';
import { dashboardGridCheck } from './checks/dashboard-grid.ts';
import { dashboardLinksCheck } from './checks/dashboard-links.ts';
import { dashboardLintCheck } from './checks/dashboard-lint.ts';
import { dashboardQueriesCheck } from './checks/dashboard-queries.ts';
import { dashboardRateIntervalCheck } from './checks/dashboard-rate-interval.ts';
import { dashboardTextCheck } from './checks/dashboard-text.ts';
import { dashboardUidsCheck } from './checks/dashboard-uids.ts';
import { dashboardUnitsCheck } from './checks/dashboard-units.ts';
import { dashboardVariableRefsCheck } from './checks/dashboard-variable-refs.ts';
import { dashboardVariablesCheck } from './checks/dashboard-variables.ts';
import { configCheck } from './checks/config.ts';
import { configKeysCheck } from './checks/config-keys.ts';
import { environmentsCheck } from './checks/environments.ts';
import { helpTextCheck } from './checks/help-text.ts';
import { kubernetesConfigCheck } from './checks/kubernetes-config.ts';
import { labelNamesCheck } from './checks/label-names.ts';
import { labelValuesCheck } from './checks/label-values.ts';
import { metricNameCheck } from './checks/metric-name.ts';
import { quantilesCheck } from './checks/quantiles.ts';
import { recordingRulesReadCheck } from './checks/recording-rules-read.ts';
import { ruleCyclesCheck } from './checks/rule-cycles.ts';
import { ruleLevelsCheck } from './checks/rule-levels.ts';
import { ruleNamesCheck } from './checks/rule-names.ts';
import { ruleQueriesCheck } from './checks/rule-queries.ts';
import { ruleTestTimingCheck } from './checks/rule-test-timing.ts';
import { ruleTestsCheck } from './checks/rule-tests.ts';
import { scrapeCoverageCheck } from './checks/scrape-coverage.ts';
import { scrapeJobsCheck } from './checks/scrape-jobs.ts';
import { targetLabelsCheck } from './checks/target-labels.ts';
import { generatedNamesCheck } from './checks/generated-names.ts';
import { seriesBudgetCheck } from './checks/series-budget.ts';
import { seriesCollisionsCheck } from './checks/series-collisions.ts';
import { typeSuffixCheck } from './checks/type-suffix.ts';
import { unitSuffixCheck } from './checks/unit-suffix.ts';

export const CHECKS: readonly Check[] = [
  configCheck,
  configKeysCheck,
  environmentsCheck,
  kubernetesConfigCheck,
  metricNameCheck,
  typeSuffixCheck,
  unitSuffixCheck,
  labelNamesCheck,
  labelValuesCheck,
  bucketsCheck,
  quantilesCheck,
  helpTextCheck,
  seriesCollisionsCheck,
  seriesBudgetCheck,
  ruleNamesCheck,
  ruleLevelsCheck,
  ruleCyclesCheck,
  recordingRulesReadCheck,
  alertFieldsCheck,
  alertSupersedesCheck,
  ruleTestsCheck,
  ruleQueriesCheck,
  annotationTemplatesCheck,
  ruleTestTimingCheck,
  alertConditionCheck,
  alertThresholdsCheck,
  alertLabelsCheck,
  alertSeverityCheck,
  alertRunbooksCheck,
  alertScenariosCheck,
  alertBlindSpotsCheck,
  alertAggregationCheck,
  dashboardQueriesCheck,
  dashboardRateIntervalCheck,
  dashboardUnitsCheck,
  dashboardUidsCheck,
  dashboardGridCheck,
  dashboardCoverageCheck,
  dashboardAlertLinksCheck,
  dashboardLinksCheck,
  dashboardEmptyCheck,
  dashboardVariablesCheck,
  dashboardVariableRefsCheck,
  dashboardTextCheck,
  dashboardFaultSwitchesCheck,
  dashboardLintCheck,
  scrapeJobsCheck,
  targetLabelsCheck,
  scrapeCoverageCheck,
  generatedNamesCheck,
];

export function validate(model: Model, checks: readonly Check[] = CHECKS): Problem[] {
  return checks.flatMap((check) => check.run(model));
}
