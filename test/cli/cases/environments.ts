/**
 * The invalid-definition suite for declared environments (staging, production beside compose, hosts
 * and Kubernetes): names no file can carry, overrides of thresholds that do not exist, targets under
 * an environment nobody declared, an environment without an Alertmanager. Each goes through the real
 * CLI (test/helpers/invalid.ts).
 */
import { configWith, type InvalidCase } from '../../helpers/invalid.ts';

/** A scrape job over the base catalogue; `targets` is spread into its compose and hosts targets. */
export const scrapeFile = (targets: string) => ({
  'scrape/app.ts': `import { defineScrapeJob } from 'sextant';
import base from '../catalog/base.ts';
export default defineScrapeJob({ name: 'app', runsIn: ['compose', 'hosts'], targets: { compose: ['app:8080'], hosts: ['127.0.0.1:8080'], ${targets} }, exposes: [base] });
`,
});
export const staging = "environments: { staging: { alertmanager: 'am.staging:9093' } }";

export const CASES: InvalidCase[] = [
  {
    name: 'targets under an environment the config does not declare',
    files: { ...configWith(staging), ...scrapeFile("stagin: ['app.staging:8080'], staging: ['app.staging:8080']") },
    where: 'scrape/app.ts: scrape job app',
    rule: 'definition-shape',
    message: "targets.stagin names no environment (known: compose, hosts, staging): did you mean 'staging'? Declare a new one in sextant.config.ts under environments: { stagin: {} }.",
  },
  {
    name: 'an override of a threshold the project does not have',
    files: configWith("alerts: { thresholds: { errorRatio: 0.05 } }, environments: { staging: { thresholds: { errorRate: 0.2 } } }"),
    where: 'sextant.config.ts: environments.staging.thresholds.errorRate',
    rule: 'environments',
    message: "overrides threshold 'errorRate', which alerts.thresholds does not define: did you mean 'errorRatio'?",
  },
  {
    name: 'an override of a threshold no rule file reads',
    files: configWith("alerts: { thresholds: { errorRatio: 0.05 } }, environments: { staging: { thresholds: { errorRatio: 0.2 } } }"),
    where: 'sextant.config.ts: environments.staging.thresholds.errorRatio',
    rule: 'environments',
    message: "overrides threshold 'errorRatio', which no rule file reads, so staging would alert exactly as the default does",
  },
  { name: 'a blank environment name', files: configWith("environments: { '  ': {} }"), where: "sextant.config.ts: environments['  ']", rule: 'environments', message: 'an environment name is blank' },
  {
    name: 'an environment without an Alertmanager',
    files: { ...configWith('environments: { production: {} }'), ...scrapeFile("production: ['app-1.prod:8080']") },
    where: 'sextant.config.ts: environments.production',
    rule: 'scrape-jobs',
    message: 'Prometheus in production has no Alertmanager to send alerts to: set environments.production.alertmanager to its host:port',
  },
];
