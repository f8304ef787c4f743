import { gauge } from '../../generator/index.ts';
import { environmentsCheck } from '../../generator/validate/checks/environments.ts';
import { checkTable } from '../helpers/check-table.ts';

const metrics = { m: gauge({ name: 'g', help: 'h' }) };
const thresholds = { errorRatio: 0.05, latencySeconds: 0.5 };
const withEnvironments = (environments: Record<string, unknown>) => ({ alerts: { thresholds }, environments: environments as never });

checkTable(environmentsCheck, [
  { name: 'staging and production with their own Alertmanager pass', metrics, config: withEnvironments({ staging: {}, production: { alertmanager: 'am.prod:9093' } }), expect: [] },
  {
    name: 'an override of a threshold is refused while the rules do not follow it: the environment would alert on the base value',
    metrics,
    config: withEnvironments({ staging: { thresholds: { errorRatio: 0.2 } } }),
    expect: ["environments.staging.thresholds.errorRatio: overrides threshold 'errorRatio' (0.2 instead of"],
  },
  { name: 'no environment at all passes', metrics, config: {}, expect: [] },
  { name: 'an override of a threshold alerts.thresholds lacks is refused, with the nearest name', metrics, config: withEnvironments({ staging: { thresholds: { errorRatoi: 0.2 } } }), expect: ["environments.staging.thresholds.errorRatoi: overrides threshold 'errorRatoi', which alerts.thresholds does not define: did you mean 'errorRatio'?"] },
  { name: 'an override that is not a number is refused', metrics, config: withEnvironments({ staging: { thresholds: { errorRatio: '0.2' } } }), expect: ['environments.staging.thresholds.errorRatio: must be a finite number, got 0.2'] },
  { name: 'a blank environment name is refused', metrics, config: withEnvironments({ ' ': {} }), expect: ["environments[' ']: an environment name is blank"] },
  { name: 'an empty environment name is refused', metrics, config: withEnvironments({ '': {} }), expect: ["environments['']: an environment name is blank"] },
  { name: 'a name that cannot name a file is refused', metrics, config: withEnvironments({ 'Prod EU': {} }), expect: ["environments['Prod EU']: environment name 'Prod EU' must be lowercase letters, digits, - and _"] },
  { name: 'a built-in environment declared again is refused', metrics, config: withEnvironments({ kubernetes: {} }), expect: ['environments.kubernetes: kubernetes is built in'] },
  { name: 'a misspelt key of an environment is refused', metrics, config: withEnvironments({ staging: { threshold: { errorRatio: 0.2 } } }), expect: ["environments.staging: unknown key 'threshold'"] },
  { name: 'an Alertmanager that is not host:port is refused', metrics, config: withEnvironments({ production: { alertmanager: 'http://am.prod:9093' } }), expect: ["environments.production.alertmanager: 'http://am.prod:9093' is not host:port"] },
  { name: 'an environment that is not an object is refused', metrics, config: withEnvironments({ staging: true }), expect: ['environments.staging: must be an object'] },
]);
