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
/** The postgres pack (`config`: its options in the config), listed again by production with `options`. */
const postgresIn = (options: string, config = "{ targets: { production: ['pg.prod:9187'] } }") => ({
  'sextant.config.ts': `import { defineConfig } from 'sextant';
import postgres from 'sextant/packs/postgres';
export default defineConfig({
  namespace: 'app',
  packs: [postgres(${config})],
  environments: { production: { alertmanager: 'am.prod:9093', packs: [postgres(${options})] } },
});
`,
});

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
  {
    name: "a pack listed again by an environment with another job",
    files: postgresIn("{ job: 'pg-prod' }"),
    where: 'sextant.config.ts: environments.production.packs[0].job',
    rule: 'config-keys',
    message: "production cannot change the postgres pack's job: it names the scrape job every environment shares, so production's rules would select a job no target has; set job on the config's postgres() pack",
  },
  {
    name: "a pack listed again by an environment with nothing of its own",
    files: postgresIn('{}'),
    where: 'sextant.config.ts: environments.production.packs[0]',
    rule: 'environments',
    message: "pack 'postgres' changes none of its rules in production",
  },
  {
    name: 'a pack listed again by an environment its scrape job has no targets in',
    files: { ...postgresIn('{ thresholds: { connectionsRatio: 0.9 } }', '{}'), ...scrapeFile("production: ['app-1.prod:8080']") },
    where: 'sextant.config.ts: environments.production.packs[0]',
    rule: 'environments',
    message: "pack 'postgres' has no targets in production: its scrape job postgres lists none under targets.production, so its rules would never fire there",
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
